// The facade: wires the stages together. Each stage lives in its own folder;
// this file only moves data between them.
#include "dyad/engine.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <optional>
#include <set>

#include "code/coder.h"
#include "dict/dictionary.h"
#include "enrich/enrich.h"
#include "frames/frames.h"
#include "normalize/normalize.h"
#include "segment/segment.h"
#include "write/cameo_table.h"

namespace dyad {

namespace {
Date Today() {
  const auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return Date::FromDays(days.time_since_epoch().count());
}

// The sentence's actors in text order, with the pronouns and definite phrases resolved across
// sentences ("He said that...", docs/coreference.md) counted as actors too. Compound
// antecedents ("RUS/BLR") name no single actor and are left out.
std::vector<code::ActorMention> ActorsWithResolved(std::vector<code::ActorMention> actors,
                                                   const std::vector<code::ActorMention>& resolved) {
  for (const auto& m : resolved)
    if (m.code.find('/') == std::string::npos) actors.push_back(m);
  std::stable_sort(actors.begin(), actors.end(),
                   [](const code::ActorMention& a, const code::ActorMention& b) { return a.span.begin < b.span.begin; });
  return actors;
}

bool Inside(code::ByteSpan inner, code::ByteSpan outer) {
  return !inner.empty() && inner.begin >= outer.begin && inner.end <= outer.end;
}

// `s` is the literal `word`, compared in line (std::string's == with a literal is a call to
// compare, strlen and memcmp).
template <size_t N>
bool Is(std::string_view s, const char (&word)[N]) {
  constexpr size_t n = N - 1;
  if (s.size() != n) return false;
  for (size_t k = 0; k < n; ++k)
    if (s[k] != word[k]) return false;
  return true;
}

// `w` stands at byte `at` of `text` as a whole word (no letter right before or after it).
bool WordAt(std::string_view text, size_t at, std::string_view w) {
  return text.compare(at, w.size(), w) == 0 && (at == 0 || !std::isalpha(static_cast<unsigned char>(text[at - 1]))) &&
         (at + w.size() >= text.size() || !std::isalpha(static_cast<unsigned char>(text[at + w.size()])));
}

bool IsDenialVerb(std::string_view verb) {
  std::string lower(verb);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower == "denied" || lower == "denies" || lower == "deny" || lower == "denying" || lower == "rejected" ||
         lower == "rejects" || lower == "dismissed" || lower == "dismisses";
}

bool Overlaps(code::ByteSpan a, code::ByteSpan b) {
  return !a.empty() && !b.empty() && a.begin < b.end && b.begin < a.end;
}

// The event names no target any more (its target was the speaker, a weapon's maker, ...).
void ClearTarget(code::CodedEvent& e) {
  e.target.clear(), e.target_text.clear(), e.target_ref.clear();
  e.target_span = {};
}

// The ASCII letters of the word starting at `at`, in lower case ("" at no letter).
std::string LowerWordAt(std::string_view sentence, int32_t at) {
  std::string word;
  for (size_t k = static_cast<size_t>(at); k < sentence.size() && std::isalpha(static_cast<unsigned char>(sentence[k])); ++k)
    word += static_cast<char>(std::tolower(static_cast<unsigned char>(sentence[k])));
  return word;
}

// The first byte at or after `at` that is no space.
int32_t SkipSpaces(std::string_view sentence, int32_t at) {
  while (at < static_cast<int32_t>(sentence.size()) && sentence[static_cast<size_t>(at)] == ' ') ++at;
  return at;
}

// A text made of pieces of a sentence joined by spaces, coded on its own, and the way back from
// a span of the text to the sentence (the clause re-coders: relative, reduced, possessive and
// permission clauses).
class SplicedText {
 public:
  explicit SplicedText(std::string_view sentence) : sentence_(sentence) {}
  void Append(code::ByteSpan span) {
    if (span.empty()) return;
    if (!text_.empty()) text_ += ' ';
    pieces_.push_back({static_cast<int32_t>(text_.size()), span});
    text_.append(sentence_.substr(span.begin, span.end - span.begin));
  }
  const std::string& text() const { return text_; }
  // The sentence span a span of the text stands for (empty when it crosses pieces).
  code::ByteSpan ToSentence(code::ByteSpan span) const {
    if (span.empty()) return span;
    for (const auto& [at, piece] : pieces_)
      if (span.begin >= at && span.end <= at + (piece.end - piece.begin))
        return {piece.begin + span.begin - at, piece.begin + span.end - at};
    return {};
  }

 private:
  std::string_view sentence_;
  std::string text_;
  std::vector<std::pair<int32_t, code::ByteSpan>> pieces_;  // [text offset, sentence span]
};

// Reported speech (docs/enrichment.md, "Reported content"): TABARI codes a sentence from its first
// actor, so in "Kyiv said Minsk had supplied fuel to the Russian army" the speaker became the
// source. When the speaker took part in the sentence's reading of the clause, or nothing but the bare
// statement ("said", 010) was coded, the clause is coded on its own; when that yields events they
// replace the sentence's events whose verb lies inside it, and the bare statement that only stood
// in for them. The speaker stays the reporter (reported_by, set by the enricher).
// `before` is the document's discourse as it stood before this sentence (null without coreference):
// the clause resolves "the country" or "they" as the whole sentence did.
void CodeReportedContent(const code::Coder& coder, const frames::FrameSet* frames,
                         const std::vector<enrich::Enricher::ReportedContent>& contents, std::string_view sentence,
                         Date date, const code::Discourse* before, bool new_paragraph, code::CodeResult* result) {
  for (const auto& content : contents) {
    // "Belarus has been accused of ...": Belarus accuses no one; it is the one accused, by someone
    // the sentence does not name (an accusation with no source: a lead for the response to X).
    bool accusation_kept = false;
    for (auto& e : result->events) {
      if (!Overlaps(e.verb_span, content.passive_report) || e.code.compare(0, 2, "11") != 0 || accusation_kept ||
          !Inside(e.source_span, content.subject))
        continue;
      e.target = std::move(e.source), e.target_text = std::move(e.source_text);
      e.target_ref = std::move(e.source_ref), e.target_span = e.source_span;
      e.source.clear(), e.source_text.clear(), e.source_ref.clear(), e.source_span = {};
      accusation_kept = true;
    }
    std::erase_if(result->events, [&](const code::CodedEvent& e) {
      return Overlaps(e.verb_span, content.passive_report) && !(e.source.empty() && accusation_kept);
    });
    // "Zerkalo wrote that 20 Belarusians were killed": the bare statement (010) is addressed to no
    // one its content names.
    // "Iran flouted the UN embargo, the panel said": a speaker the dictionaries do not know makes
    // the statement, not an actor of what it says.
    if (content.speaker.empty())
      std::erase_if(result->events, [&](const code::CodedEvent& e) {
        return e.code == "010" && Overlaps(e.verb_span, content.verb) && !e.source_span.empty() &&
               Inside(e.source_span, content.clause);
      });
    for (auto& e : result->events) {
      if (e.code != "010" || !Overlaps(e.verb_span, content.verb)) continue;
      // "Rwanda jammed GPS signals over Goma, the UN said": the UN makes the statement, not Rwanda.
      if (Inside(e.source_span, content.clause) && Overlaps(e.target_span, content.speaker)) {
        e.source = std::move(e.target), e.source_text = std::move(e.target_text);
        e.source_ref = std::move(e.target_ref), e.source_span = e.target_span;
        ClearTarget(e);
      }
      if (Inside(e.target_span, content.clause))
        ClearTarget(e);
    }
    // The text coded, and where each of its bytes sits in the sentence.
    std::string text;
    int32_t subject_length = 0;
    if (!content.subject.empty()) {
      text.assign(sentence.substr(content.subject.begin, content.subject.end - content.subject.begin));
      subject_length = static_cast<int32_t>(text.size());
      // "Minsk said its troops ...": "Minsk's troops ..." (a subject already possessive stays so).
      if (content.subject_possessive && !text.ends_with("'s") && !text.ends_with("s'")) text += "'s";
      text += ' ';
    }
    const int32_t clause_at = static_cast<int32_t>(text.size());
    text.append(sentence.substr(content.clause.begin, content.clause.end - content.clause.begin));
    // The whole sentence's reading of the clause stands unless the speaker took part in it (as
    // source or target) or only the bare statement was coded: the whole sentence has more context
    // (its possessors, coreference) than the clause alone.
    // A threat or a stated intent (13, 03) is made by whoever utters it: "Lukashenko stated that
    // Belarus was prepared to fight" is Lukashenko's threat, when he speaks for that state.
    // (Read on first need: only an act of force or a threat or intent asks who the speaker is.)
    std::optional<std::vector<code::ActorMention>> speakers_found;
    auto speakers = [&]() -> const std::vector<code::ActorMention>& {
      if (!speakers_found) {
        speakers_found.emplace();
        if (!content.speaker.empty())
          *speakers_found =
              coder.FindActors(sentence.substr(content.speaker.begin, content.speaker.end - content.speaker.begin), date);
      }
      return *speakers_found;
    };
    auto speaker_acts = [&](code::CodedEvent& e) {
      // "Lukashenko declared that Belarus would join military action if attacked": force its own
      // state would use, announced by its leader, is a threat of force (138).
      const bool force = (e.code.starts_with("18") || e.code.starts_with("19") || e.code.starts_with("20")) &&
                         !e.verb_span.empty() && e.verb_span.begin > content.clause.begin;
      const bool own_state = force && e.source.size() >= 3 && !speakers().empty() &&
                             speakers().front().code.compare(0, 3, e.source, 0, 3) == 0;
      if (own_state) {
        std::string before(sentence.substr(content.clause.begin, e.verb_span.begin - content.clause.begin));
        for (char& c : before) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        bool future = false, negated = false;
        for (const char* modal : {" would ", " will ", " shall ", " 'll "})
          future = future || (" " + before).find(modal) != std::string::npos;
        // "Lukashenko said Belarusian soldiers will not fight in Ukraine" is a denial, no threat.
        for (const char* no : {" not ", "n't ", " never ", " no "})
          negated = negated || (" " + before + " ").find(no) != std::string::npos;
        if (future && !negated) e.code = "138";
      }
      if ((e.code.starts_with("13") || e.code.starts_with("03")) && e.source.size() == 3 && !speakers().empty() &&
          speakers().front().code.compare(0, 3, e.source) == 0) {
        const code::ActorMention& speaker = speakers().front();
        e.source = speaker.code;
        e.source_text = speaker.text;
        e.source_ref.clear();
        e.source_span = {content.speaker.begin + speaker.span.begin, content.speaker.begin + speaker.span.end};
      }
    };
    // A target taken from the speaker's words before the verb of saying that is the clause's own
    // actor's state ("Rwanda's government spokeswoman, Yolande Makolo, wrote that the RDF would never
    // target a camp": not Rwanda attacking Rwanda) is no target.
    for (auto& e : result->events) {
      if (!Inside(e.verb_span, content.clause) || e.target_span.empty() || content.verb.empty() ||
          content.verb.begin >= content.clause.begin || e.target_span.end > content.verb.begin)
        continue;
      if (e.source.size() >= 3 && e.target.size() >= 3 && e.source.compare(0, 3, e.target, 0, 3) == 0) ClearTarget(e);
    }
    // The one told, between the verb of saying and its clause ("the mission told the Security Council
    // that Tehran had not transferred any drones"), is the statement's addressee, never the target of
    // what the clause says; nor is anyone named after the verb of saying when the clause came first
    // ("'China has never provided lethal weapons to any party,' a spokesperson said, vowing to protect
    // Chinese companies"): the clause ended before the speaker.
    if (!content.verb.empty()) {
      const bool clause_first = content.clause.end <= content.verb.begin;
      for (auto& e : result->events)
        if (Inside(e.verb_span, content.clause) && !e.target_span.empty() && e.target_span.begin >= content.verb.end &&
            (clause_first || e.target_span.end <= content.clause.begin))
          ClearTarget(e);
    }
    // So does an actor in the speaker's own phrase, before the name, for a material act: "White House
    // spokesman John Kirby said Iran provided Russia with drones" names no White House supply. (What
    // the speaker demands or threatens in the clause may well be its own act.)
    auto reporting_clause = [&](code::ByteSpan span, const std::string& code) {
      if (Overlaps(span, content.speaker)) return true;
      const std::string_view root = std::string_view(code).substr(0, 2);
      const bool material = root == "06" || root == "07" || root == "08" || (root.size() == 2 && root >= "15");
      if (!material || content.control || span.empty() || content.speaker.empty() || span.end > content.speaker.begin ||
          content.speaker.begin - span.end > 40)
        return false;
      return sentence.substr(span.end, content.speaker.begin - span.end).find_first_of(",;:(") == std::string_view::npos;
    };
    bool inside = false, speaker_involved = false;
    for (const auto& e : result->events) {
      if (!Inside(e.verb_span, content.clause)) continue;
      inside = true;
      speaker_involved =
          speaker_involved || reporting_clause(e.source_span, e.code) || reporting_clause(e.target_span, e.code);
    }
    // (A clause in the first person names its subject only through the speaker: "'Our soldiers
    // captured ...,' Zelensky wrote" is coded as "Zelensky's soldiers captured ...".)
    if (inside && !speaker_involved && !content.first_person) {
      for (auto& e : result->events)
        if (Inside(e.verb_span, content.clause)) speaker_acts(e);
      continue;
    }
    code::CodeResult inner =
        before ? coder.CodeClauseInDocument(text, date, *before, new_paragraph) : coder.Code(text, date);
    // The clause's frames too: in "Belarusian soldiers were reported to have fought in the
    // invasion" only "<subject> have fought in the invasion" has the frame's shape.
    if (frames && !content.subject.empty()) frames->Extend(text, date, coder, &inner.events);
    if (inner.events.empty()) {
      // The clause alone names no pair (TABARI needs a source and a target): keep the sentence's
      // reading without the speaker. "Kyiv fears Belarus might open a second front" is Belarus's
      // act, its target unnamed.
      std::erase_if(result->events, [&](code::CodedEvent& e) {
        if (!Inside(e.verb_span, content.clause)) return false;
        if (reporting_clause(e.target_span, e.code)) {
          ClearTarget(e);
        } else if (reporting_clause(e.source_span, e.code)) {
          // (Only the clause's subject acts: in "Kyiv said the company had shipped fuel to the
          // Russian army" the army after the verb receives, and the clause names no supplier.)
          if (!Inside(e.target_span, content.clause) || e.verb_span.empty() || e.target_span.begin > e.verb_span.begin)
            return true;
          e.source = std::move(e.target), e.source_text = std::move(e.target_text);
          e.source_ref = std::move(e.target_ref), e.source_span = e.target_span;
          ClearTarget(e);
        }
        return false;
      });
      continue;
    }
    auto to_sentence = [&](code::ByteSpan span) -> code::ByteSpan {
      if (span.empty()) return span;
      if (span.end <= subject_length)
        return {content.subject.begin + span.begin, content.subject.begin + span.end};
      if (span.begin >= clause_at)
        return {content.clause.begin + span.begin - clause_at, content.clause.begin + span.end - clause_at};
      return {};
    };
    std::erase_if(result->events, [&](const code::CodedEvent& e) {
      return Inside(e.verb_span, content.clause) || (e.code == "010" && !Inside(e.verb_span, content.clause));
    });
    // "KCNA said the country would ...", "... said his country ...": the speaker's country is the
    // state itself, whatever office or outlet speaks for it.
    std::string_view clause_text = sentence.substr(content.clause.begin, content.clause.end - content.clause.begin);
    const bool speakers_country = content.subject_possessive &&
                                  (clause_text.starts_with("country ") || clause_text.starts_with("nation "));
    // So is what it calls its own ("KCNA said its troops ...": PRKMIL, not the outlet's troops).
    for (auto& e : inner.events) {
      const bool speakers_own = content.subject_possessive && !e.source_span.empty() &&
                                e.source_span.begin < subject_length;
      if (speakers_own && speakers_country && e.source.size() > 3) e.source.resize(3);
      if (speakers_own && e.source.size() >= 9 && e.source.size() % 3 == 0)
        e.source = e.source.substr(0, 3) + e.source.substr(e.source.size() - 3);
      e.source_span = to_sentence(e.source_span);
      e.target_span = to_sentence(e.target_span);
      e.verb_span = to_sentence(e.verb_span);
      speaker_acts(e);
      result->events.push_back(std::move(e));
    }
  }
  // A list of speakers read as sources leaves one copy per member once they are taken out
  // ("The United States, Britain and France said Iran supplied the weapons").
  for (size_t i = 0; i < result->events.size(); ++i)
    for (size_t j = result->events.size(); j-- > i + 1;) {
      const code::CodedEvent& a = result->events[i];
      const code::CodedEvent& b = result->events[j];
      if (a.source == b.source && a.target == b.target && a.code == b.code && a.verb_span.begin == b.verb_span.begin &&
          a.verb_span.end == b.verb_span.end)
        result->events.erase(result->events.begin() + static_cast<std::ptrdiff_t>(j));
    }
}

// Charges (docs/enrichment.md, "Charges"): a report that an actor broke a norm ("the lawyer
// argues that Belarus breached the 1974 resolution") or is illegitimate, an aggressor, complicit
// is its speaker's accusation (112) or criticism (111) of that actor, whatever verb of saying
// is used. It replaces the speaker's bare statement (010) by the same verb; what the clause says
// happened stays coded on its own.
void AddCharges(const enrich::Enricher& enricher, const std::vector<enrich::Enricher::ReportedContent>& contents,
                std::string_view sentence, const std::vector<code::ActorMention>& mentions,
                code::CodeResult* result) {
  for (const auto& content : contents) {
    if (content.speaker.empty() || content.verb.empty() || content.control) continue;
    const code::ActorMention* speaker = nullptr;
    for (const auto& m : mentions)
      if (Inside(m.span, content.speaker) && (!speaker || m.span.begin > speaker->span.begin)) speaker = &m;
    if (!speaker || speaker->code.empty()) continue;
    // The words searched: the clause, and its subject when it is named outside it ("Tehran denied
    // violating ...") -- in the sentence's offsets, shifted to the searched text.
    const int32_t from = content.subject.empty() ? content.clause.begin
                                                 : std::min(content.subject.begin, content.clause.begin);
    const code::ByteSpan searched{from, content.clause.end};
    std::vector<code::ActorMention> inside;
    for (const auto& m : mentions) {
      if (!Inside(m.span, content.clause) && !(content.subject.empty() ? false : Inside(m.span, content.subject)))
        continue;
      code::ActorMention shifted = m;
      shifted.span = {m.span.begin - from, m.span.end - from};
      inside.push_back(std::move(shifted));
    }
    const auto charges =
        enricher.FindCharges(sentence.substr(searched.begin, searched.end - searched.begin), inside);
    for (const auto& charge : charges) {
      const code::ByteSpan words{charge.words.begin + from, charge.words.end + from};
      if (charge.negated) {
        // "Kinshasa said Kigali had not breached the deal": no charge, and no reading of the
        // clause as Kigali's own accusation of no one; "the measures against North Korea violate
        // the charter": no charge against North Korea either.
        std::erase_if(result->events, [&](const code::CodedEvent& e) {
          return Overlaps(e.verb_span, words) && (e.target.empty() || !charge.accused);
        });
        continue;
      }
      const code::ActorMention& accused = *charge.accused;
      if (accused.code == speaker->code) continue;  // a speaker does not accuse itself
      // The speaker's bare statement, and the clause's own reading of the charge ("Minsk had
      // violated": Minsk's 112 to no one), give way to the charge; so do the violation's own
      // reading (Belarus "violating" whoever is named next: 128) and a dictionary pattern's charge
      // on the same reporting verb against someone else. The charge itself may already be coded.
      auto is_charge = [&](const code::CodedEvent& e) {
        return e.source == speaker->code && e.target == accused.code && e.code.compare(0, 2, charge.code, 0, 2) == 0;
      };
      std::erase_if(result->events, [&](const code::CodedEvent& e) {
        if (is_charge(e) || e.pattern.file == enricher.charges_path()) return false;  // (charges stay)
        const bool speakers_own = e.source == speaker->code && Overlaps(e.verb_span, content.verb);
        return (speakers_own && (e.code == "010" || e.code.compare(0, 2, charge.code, 0, 2) == 0)) ||
               Overlaps(e.verb_span, words);
      });
      if (std::any_of(result->events.begin(), result->events.end(), is_charge)) continue;
      code::CodedEvent e;
      e.source = speaker->code;
      e.source_text = speaker->text;
      e.source_ref = speaker->ref;
      e.source_span = speaker->span;
      e.target = charge.accused_code.empty() ? accused.code : charge.accused_code;
      e.target_text = accused.text;
      e.target_ref = accused.ref;
      e.target_span = {accused.span.begin + from, accused.span.end + from};
      e.code = charge.code;
      e.verb_span = content.verb;
      e.verb_text = std::string(sentence.substr(content.verb.begin, content.verb.end - content.verb.begin));
      e.pattern.file = enricher.charges_path();
      e.pattern.line = charge.line;
      e.pattern.text = charge.rule;
      result->events.push_back(std::move(e));
    }
  }
}

// A clause coded on its own as `text` (with the discourse as it stood before the sentence):
// its events whose verb lies in `body` join the sentence's, offsets mapped back by `to_sentence`,
// none the sentence already has.
void AddClauseEvents(const code::Coder& coder, const frames::FrameSet* frames, const std::string& text, Date date,
                     const code::Discourse* before_sentence,
                     const std::function<code::ByteSpan(code::ByteSpan)>& to_sentence, code::ByteSpan body,
                     code::CodeResult* result) {
  code::CodeResult inner =
      before_sentence ? coder.CodeClauseInDocument(text, date, *before_sentence) : coder.Code(text, date);
  if (frames) frames->Extend(text, date, coder, &inner.events);
  for (auto& e : inner.events) {
    e.source_span = to_sentence(e.source_span);
    e.target_span = to_sentence(e.target_span);
    e.verb_span = to_sentence(e.verb_span);
    if (!Inside(e.verb_span, body)) continue;
    const bool duplicate = std::any_of(result->events.begin(), result->events.end(), [&](const code::CodedEvent& x) {
      return x.source == e.source && x.target == e.target && x.code == e.code;
    });
    if (!duplicate) result->events.push_back(std::move(e));
  }
}

// Inserted clauses (docs/enrichment.md, "Inserted clauses"): TABARI's comma rule skips a clause
// between commas, so "Germany, which supplies weapons to Ukraine, is not a party to the war" and
// "Belarus, by letting Russian troops cross its border, became ..." lost their acts. Such a clause
// is coded with the actor it hangs on as its subject ("<subject> <clause>", offsets mapped back to
// the sentence). Only events whose verb lies in the clause are added, and none the sentence
// already has.
void CodeInsertedClauses(const code::Coder& coder, const frames::FrameSet* frames, std::string_view sentence, Date date,
                         const std::vector<enrich::Enricher::ReportedContent>& reported,
                         const std::vector<code::ActorMention>& mentions, const code::Discourse* before_sentence,
                         code::CodeResult* result) {
  auto lower_word_at = [&](size_t at, size_t* end) {
    size_t e = at;
    while (e < sentence.size() && std::isalpha(static_cast<unsigned char>(sentence[e]))) ++e;
    *end = e;
    std::string w(sentence.substr(at, e - at));
    for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return w;
  };
  auto skip_spaces = [&](size_t at) {
    while (at < sentence.size() && sentence[at] == ' ') ++at;
    return at;
  };
  auto clause_end = [&](size_t at) {
    const size_t e = sentence.find_first_of(",;()", at);
    return e == std::string_view::npos ? sentence.size() : e;
  };
  struct Inserted {
    code::ByteSpan subject, body;
  };
  std::vector<Inserted> found;
  // "By letting ..., Belarus became ..." (at the start of the sentence or of a clause: "... said
  // that by letting ..., Belarus ..."): the subject is the actor right after the closing comma.
  // (A sentence without the letters "by" side by side, in any case, has no such "by": it is
  // passed over at once, 'y' found by memchr.)
  bool has_by = false;
  for (size_t y = 1; !has_by && y < sentence.size(); ++y) {
    y = sentence.find('y', y);
    if (y == std::string_view::npos) break;
    has_by = (sentence[y - 1] | 0x20) == 'b';
  }
  for (size_t y = 1; !has_by && y < sentence.size(); ++y) {
    y = sentence.find('Y', y);
    if (y == std::string_view::npos) break;
    has_by = (sentence[y - 1] | 0x20) == 'b';
  }
  for (size_t at = has_by ? 0 : sentence.size(); at < sentence.size();) {
    size_t e = 0;
    at = skip_spaces(at);
    if (at >= sentence.size()) break;
    // Only "by" starts what this loop looks for: other words are passed over uncopied.
    // (ASCII letters: std::isalpha in the "C" locale, without a call per byte.)
    for (e = at; e < sentence.size() && ((sentence[e] | 0x20) >= 'a' && (sentence[e] | 0x20) <= 'z');) ++e;
    if (e == at) {  // punctuation
      ++at;
      continue;
    }
    if (e - at != 2 || std::tolower(static_cast<unsigned char>(sentence[at])) != 'b' ||
        std::tolower(static_cast<unsigned char>(sentence[at + 1])) != 'y') {
      at = e;
      continue;
    }
    const std::string word = lower_word_at(at, &e);
    if (e == at) {  // punctuation
      ++at;
      continue;
    }
    size_t before = at;
    while (before > 0 && sentence[before - 1] == ' ') --before;
    size_t prev_end = 0;
    size_t prev = before;
    while (prev > 0 && std::isalpha(static_cast<unsigned char>(sentence[prev - 1]))) --prev;
    const std::string previous = prev < before ? lower_word_at(prev, &prev_end) : std::string();
    const bool opens = before == 0 || sentence[before - 1] == ',' || previous == "that" || previous == "and" ||
                       previous == "but";
    if (word == "by" && !opens && !previous.empty()) {
      // Mid-clause: "Belarus breached its duties by offering its land to the aggressor": the
      // gerund's subject is the clause's subject, the first actor after the clause's start
      // (the sentence's, or "that"). Not after a passive ("was achieved by sending").
      size_t ge = 0;
      const size_t g = skip_spaces(e);
      bool passive = false;
      for (size_t k = prev, words = 0; words < 3 && k > 0; ++words) {
        size_t ke = 0;
        while (k > 0 && !std::isalpha(static_cast<unsigned char>(sentence[k - 1]))) --k;
        size_t ks = k;
        while (ks > 0 && std::isalpha(static_cast<unsigned char>(sentence[ks - 1]))) --ks;
        const std::string w = lower_word_at(ks, &ke);
        passive = passive || w == "was" || w == "were" || w == "been" || w == "is" || w == "are" || w == "be" ||
                  w == "being";
        k = ks;
      }
      if (!passive && lower_word_at(g, &ge).ends_with("ing")) {
        size_t start = 0;
        for (size_t t = sentence.rfind(" that ", before); t != std::string_view::npos && t < before;) {
          start = t + 6;
          break;
        }
        if (const size_t semi = sentence.rfind(';', before); semi != std::string_view::npos && semi + 1 > start)
          start = semi + 1;
        // Inside what the sentence reports ("Kyiv says Tehran prolonged the war by shipping ..."):
        // from the reported clause's start.
        for (const auto& content : reported)
          if (content.clause.begin <= static_cast<int32_t>(at) && static_cast<int32_t>(at) < content.clause.end &&
              static_cast<size_t>(content.clause.begin) > start)
            start = static_cast<size_t>(content.clause.begin);
        // The subject: the first actor in that stretch followed by its verb (a lower-case word that
        // is no preposition, conjunction or determiner): in "Belarus broke a UN General Assembly
        // resolution by offering ..." Belarus, not the Assembly.
        static const std::set<std::string> kNotVerb = {"by", "and", "or", "of", "in", "on", "at", "to", "from",
                                                       "with", "for", "the", "a", "an", "s", "into", "near",
                                                       "towards", "toward", "over", "against", "as", "but"};
        const code::ActorMention* subject = nullptr;
        for (const auto& m : mentions) {
          if (m.span.begin < static_cast<int32_t>(start) || m.span.end > static_cast<int32_t>(before)) continue;
          const size_t next = skip_spaces(static_cast<size_t>(m.span.end));
          if (next >= sentence.size() || !std::islower(static_cast<unsigned char>(sentence[next]))) continue;
          size_t ne = 0;
          if (kNotVerb.count(lower_word_at(next, &ne))) continue;
          subject = &m;
          break;
        }
        if (subject) found.push_back({subject->span, {static_cast<int32_t>(g), static_cast<int32_t>(clause_end(g))}});
      }
    }
    if (word == "by" && opens) {
      size_t ge = 0;
      const size_t g = skip_spaces(e);
      if (lower_word_at(g, &ge).ends_with("ing")) {
        const size_t end = clause_end(g);
        if (end < sentence.size() && sentence[end] == ',') {
          for (const auto& m : mentions)
            if (m.span.begin > static_cast<int32_t>(end)) {
              if (static_cast<size_t>(m.span.begin) <= skip_spaces(end + 1) + 4)
                found.push_back({m.span, {static_cast<int32_t>(g), static_cast<int32_t>(end)}});
              break;
            }
        }
      }
    }
    at = e;
  }
  // "Germany, which/who ...," and "Belarus, by letting ...,": the subject precedes the comma.
  for (const auto& m : mentions) {
    size_t at = skip_spaces(static_cast<size_t>(m.span.end));
    if (at >= sentence.size() || sentence[at] != ',') continue;
    at = skip_spaces(at + 1);
    size_t e = 0;
    const std::string first = lower_word_at(at, &e);
    size_t body = 0;
    if (first == "which" || first == "who") {
      body = skip_spaces(e);
    } else if (first == "by") {
      size_t ge = 0;
      body = skip_spaces(e);
      if (!lower_word_at(body, &ge).ends_with("ing")) continue;
    } else {
      continue;
    }
    const size_t end = clause_end(body);
    if (end > body) found.push_back({m.span, {static_cast<int32_t>(body), static_cast<int32_t>(end)}});
  }
  for (const Inserted& clause : found) {
    // The sentence's reading of the clause stands when its subject acts in it; a reading with
    // another source ("Deikalo cites a declaration: 'Belarus, which lends its territory, ...'"
    // read as Deikalo lending it) gives way to the clause coded with its subject.
    bool coded = false, subject_acts = false;
    for (const auto& e : result->events) {
      if (!Inside(e.verb_span, clause.body)) continue;
      coded = true;
      subject_acts = subject_acts || Overlaps(e.source_span, clause.subject);
    }
    if (coded && subject_acts) continue;
    const size_t before = result->events.size();
    // "<subject> <clause>", and where each byte of it sits in the sentence.
    std::string text(sentence.substr(clause.subject.begin, clause.subject.end - clause.subject.begin));
    const int32_t subject_length = static_cast<int32_t>(text.size());
    text += ' ';
    const int32_t body_at = static_cast<int32_t>(text.size());
    text.append(sentence.substr(clause.body.begin, clause.body.end - clause.body.begin));
    auto to_sentence = [&](code::ByteSpan span) -> code::ByteSpan {
      if (span.empty()) return span;
      if (span.end <= subject_length) return {clause.subject.begin + span.begin, clause.subject.begin + span.end};
      if (span.begin >= body_at) return {clause.body.begin + span.begin - body_at, clause.body.begin + span.end - body_at};
      return {};
    };
    // With the document's discourse: "the aggressor", "the country".
    AddClauseEvents(coder, frames, text, date, before_sentence, to_sentence, clause.body, result);
    // The clause coded with its subject replaces the reading without it.
    if (coded && result->events.size() > before) {
      std::vector<code::CodedEvent> kept;
      for (size_t i = 0; i < result->events.size(); ++i)
        if (i >= before || !Inside(result->events[i].verb_span, clause.body)) kept.push_back(std::move(result->events[i]));
      result->events = std::move(kept);
    }
  }
}

// Relative clauses (docs/enrichment.md, "Relative clauses"): the coder sets aside "the drones that
// struck Port Sudan" from the sentence's reading; here the clause is coded on its own, with its
// antecedent as its subject ("the drones struck Port Sudan") or, when it has a subject of its own,
// as its object ("Iran sent <weapons> to Russia"). Offsets map back to the sentence piece by piece;
// only events whose verb lies in the clause are added, and none the sentence already has.
void CodeRelativeClauses(const code::Coder& coder, const frames::FrameSet* frames, std::string_view sentence,
                         Date date, const code::Discourse* before_sentence, code::CodeResult* result) {
  const std::vector<code::RelativeClause> clauses = result->relative_clauses;
  for (const code::RelativeClause& clause : clauses) {
    SplicedText spliced(sentence);
    // ", where they fight the M23": a subject pronoun opening the clause names the main clause's
    // actor ("Burundi has deployed soldiers to South Kivu, where they fight the M23"), written out.
    int32_t body_from = clause.body.begin;
    code::ByteSpan pronoun_for;
    if (clause.insert_at >= 0) {
      std::string first;
      for (int32_t k = clause.body.begin; k < clause.body.end && std::isalpha(static_cast<unsigned char>(sentence[k])); ++k)
        first += static_cast<char>(std::tolower(static_cast<unsigned char>(sentence[k])));
      if (first == "they" || first == "it") {
        for (const code::CodedEvent& e : result->events)
          if (!e.source_span.empty() && !e.source.empty() && e.source_span.end <= clause.body.begin &&
              !e.verb_span.empty() && e.verb_span.end <= clause.body.begin) {
            pronoun_for = e.source_span;
            break;
          }
        if (!pronoun_for.empty()) body_from = clause.body.begin + static_cast<int32_t>(first.size());
      }
    }
    if (clause.insert_at < 0) {
      spliced.Append(clause.antecedent);
      spliced.Append(clause.body);
    } else {
      spliced.Append(pronoun_for);
      spliced.Append({body_from, clause.insert_at});
      spliced.Append(clause.antecedent);
      spliced.Append({clause.insert_at, clause.body.end});
    }
    AddClauseEvents(coder, frames, spliced.text(), date, before_sentence,
                    [&](code::ByteSpan span) { return spliced.ToSentence(span); }, clause.body, result);
  }
}

// Participial clauses of speech: "Sudan filed a case at the ICJ accusing the UAE of complicity in
// genocide", "Kyiv sent a letter to the UN urging it to act": TABARI reads one verb per clause,
// so the accusation or appeal after the main verb was lost. The participle is coded on its own
// with the main clause's source as its subject ("Sudan accusing the UAE of ..."), offsets mapped
// back; only the participle's own events are added (not what it accuses of), none already there.
void CodeParticipleClauses(const code::Coder& coder, const frames::FrameSet* frames, std::string_view sentence,
                           Date date, const code::Discourse* discourse, code::CodeResult* result) {
  static constexpr std::string_view kParticiples[] = {"accusing",   "blaming",     "urging",      "demanding",
                                                     "condemning", "criticising", "criticizing", "denouncing"};
  auto is_participle = [](std::string_view word) {  // (word: letters as written)
    if (word.size() < 6 || word.size() > 11) return false;
    const char g = static_cast<char>(std::tolower(static_cast<unsigned char>(word.back())));
    if (g != 'g') return false;  // most words end otherwise: no comparison at all
    for (std::string_view p : kParticiples) {
      if (p.size() != word.size()) continue;
      bool same = true;
      for (size_t k = 0; k < p.size() && same; ++k)
        same = static_cast<char>(std::tolower(static_cast<unsigned char>(word[k]))) == p[k];
      if (same) return true;
    }
    return false;
  };
  if (result->events.empty()) return;
  // Words before the participle that give it another role: "by accusing" (the means), "after
  // accusing", "while urging", "for criticising" (a reason), "of accusing".
  static const std::set<std::string, std::less<>> kGoverned = {"by", "after", "before", "while", "for", "of",
                                                               "without", "since", "when", "and", "or", "is",
                                                               "was", "were", "are", "been", "be"};
  const size_t original = result->events.size();
  auto letter = [&](size_t k) { return ((sentence[k] | 0x20) >= 'a' && (sentence[k] | 0x20) <= 'z'); };
  // Every participle ends in "ing": only the words at such an ending are read.
  for (size_t ing = sentence.find("ing"); ing != std::string_view::npos; ing = sentence.find("ing", ing + 3)) {
    const size_t end = ing + 3;
    if (end < sentence.size() && letter(end)) continue;
    size_t begin = ing;
    while (begin > 0 && letter(begin - 1)) --begin;
    if (!is_participle(sentence.substr(begin, end - begin))) continue;
    // The word before it.
    size_t p = begin;
    while (p > 0 && sentence[p - 1] == ' ') --p;
    size_t q = p;
    while (q > 0 && std::isalpha(static_cast<unsigned char>(sentence[q - 1]))) --q;
    std::string before(sentence.substr(q, p - q));
    for (char& c : before) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (kGoverned.count(before)) continue;
    // The main clause's act right before it, with its source's words in the sentence.
    const code::CodedEvent* main = nullptr;
    for (size_t i = 0; i < original; ++i) {
      const auto& e = result->events[i];
      if (e.verb_span.empty() || e.source_span.empty() || e.source.empty()) continue;
      if (static_cast<size_t>(e.verb_span.end) > begin || e.source_span.end > e.verb_span.begin) continue;
      if (!main || e.verb_span.end > main->verb_span.end) main = &e;
    }
    if (!main || begin - static_cast<size_t>(main->verb_span.end) > 120) continue;
    // A text right before the participle says it ("voted against a resolution demanding that Russia
    // withdraw"); it is the main clause's act only when the main verb authors the text ("adopted a
    // resolution demanding ...", "sent a letter urging ...").
    auto upper = [](std::string word) {
      for (char& c : word) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      return word;
    };
    if (code::IsTextNoun(upper(before)) &&
        !code::IsAuthoringVerb(upper(std::string(sentence.substr(main->verb_span.begin,
                                                                  main->verb_span.end - main->verb_span.begin)))))
      continue;
    // (Across a semicolon or colon the participle belongs to another clause.)
    const std::string_view between = sentence.substr(main->verb_span.end, begin - main->verb_span.end);
    if (between.find_first_of(";:") != std::string_view::npos) continue;
    size_t clause_end = sentence.find_first_of(";:", begin);
    if (clause_end == std::string_view::npos) clause_end = sentence.size();
    const code::ByteSpan subject = main->source_span;
    // Only the participle's own act (what it accuses of is an allegation, read elsewhere).
    const code::ByteSpan body{static_cast<int32_t>(begin), static_cast<int32_t>(end)};
    std::string text(sentence.substr(subject.begin, subject.end - subject.begin));
    const int32_t body_at = static_cast<int32_t>(text.size()) + 1;
    text += ' ';
    // A pronoun right after the participle is the main act's target ("Sudan took the UAE to the
    // court, accusing it of complicity": the UAE), written out: on its own the pronoun would name
    // the subject.
    size_t pronoun = end;
    while (pronoun < clause_end && sentence[pronoun] == ' ') ++pronoun;
    size_t pronoun_end = pronoun;
    while (pronoun_end < clause_end && letter(pronoun_end)) ++pronoun_end;
    std::string word(sentence.substr(pronoun, pronoun_end - pronoun));
    for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool object_pronoun = !main->target_span.empty() && (word == "it" || word == "them");
    const code::ByteSpan target = main->target_span;
    int32_t target_at = -1, rest_at = -1;  // where the target's words and what follows the pronoun sit in `text`
    if (object_pronoun) {
      text.append(sentence.substr(body.begin, pronoun - body.begin));
      target_at = static_cast<int32_t>(text.size());
      text.append(sentence.substr(target.begin, target.end - target.begin));
      rest_at = static_cast<int32_t>(text.size());
      text.append(sentence.substr(pronoun_end, clause_end - pronoun_end));
    } else {
      text.append(sentence.substr(body.begin, clause_end - body.begin));
    }
    auto to_sentence = [&](code::ByteSpan span) -> code::ByteSpan {
      if (span.empty()) return span;
      if (span.end <= subject.end - subject.begin) return {subject.begin + span.begin, subject.begin + span.end};
      if (object_pronoun && span.begin >= rest_at)
        return {static_cast<int32_t>(pronoun_end) + span.begin - rest_at, static_cast<int32_t>(pronoun_end) + span.end - rest_at};
      if (object_pronoun && span.begin >= target_at) return target;  // the target's words stand for the pronoun
      if (span.begin >= body_at) return {body.begin + span.begin - body_at, body.begin + span.end - body_at};
      return {};
    };
    AddClauseEvents(coder, frames, text, date, discourse, to_sentence, body, result);
  }
}

// Reduced relative clauses with an agent: "M23 rebels backed by Rwanda's army seized the airport",
// "Houthi fighters armed by Iran fired missiles at a tanker". TABARI reads the participle as the
// clause's verb (Rwanda backing the M23) and stops there, so the main act was lost. When an event's
// target stands right before its participle and its source right after "by", and words follow,
// the sentence is coded again without the participle and its agent ("M23 rebels seized the
// airport"), offsets mapped back; only the acts after the agent are added, none already there.
void CodeReducedRelatives(const code::Coder& coder, const frames::FrameSet* frames, std::string_view sentence,
                          Date date, const code::Discourse* discourse, code::CodeResult* result) {
  const size_t original = result->events.size();
  for (size_t i = 0; i < original; ++i) {
    // (A reference, not a copy of the event's strings: it is read only before AddClauseEvents,
    // which may grow the list.)
    const code::CodedEvent& e = result->events[i];
    if (e.verb_span.empty() || e.source_span.empty() || e.target_span.empty()) continue;
    // The target right before the participle (only spaces between, or up to three nouns its actor
    // names: "two Emirati companies sanctioned by Washington", "the Iranian ship seized by the US
    // Navy"), the agent after "by" right after it.
    if (e.target_span.end > e.verb_span.begin) continue;
    if (SkipSpaces(sentence, e.target_span.end) != e.verb_span.begin) {
      static const std::set<std::string, std::less<>> kNoNoun = {
          "that", "which", "who", "and", "or", "but", "not", "is", "are", "was", "were", "be", "been", "has", "have",
          "had", "it", "they", "also", "the", "a", "an", "of", "to", "in", "on", "at", "from", "with", "for"};
      int32_t at = SkipSpaces(sentence, e.target_span.end);
      int nouns = 0;
      bool plain = true;
      while (plain && at < e.verb_span.begin) {
        const std::string word = LowerWordAt(sentence, at);
        plain = !word.empty() && ++nouns <= 3 && !kNoNoun.count(word) && !word.ends_with("ly") &&
                !word.ends_with("ing") && !word.ends_with("ed");
        at = SkipSpaces(sentence, at + static_cast<int32_t>(word.size()));
      }
      if (!plain || at != e.verb_span.begin) continue;
    }
    const std::string verb = LowerWordAt(sentence, e.verb_span.begin);
    if (verb.size() < 4 || !(verb.ends_with("ed") || verb.ends_with("en") || verb == "sent" || verb == "led" ||
                             verb == "sold" || verb == "built" || verb == "brought" || verb == "funded"))
      continue;
    const int32_t by = SkipSpaces(sentence, e.verb_span.end);
    if (LowerWordAt(sentence, by) != "by" || e.source_span.begin <= by) continue;
    // (At most "the" between "by" and the agent.)
    if (e.source_span.begin - by - 2 > 5) continue;
    // Words after the agent: the main clause's verb.
    const int32_t rest = SkipSpaces(sentence, e.source_span.end);
    if (rest >= static_cast<int32_t>(sentence.size()) || !std::isalpha(static_cast<unsigned char>(sentence[static_cast<size_t>(rest)])))
      continue;
    // "<sentence up to the participle> <what follows the agent>".
    int32_t head = e.verb_span.begin;
    while (head > 0 && sentence[static_cast<size_t>(head) - 1] == ' ') --head;
    SplicedText spliced(sentence);
    spliced.Append({0, head});
    spliced.Append({rest, static_cast<int32_t>(sentence.size())});
    AddClauseEvents(coder, frames, spliced.text(), date, discourse,
                    [&](code::ByteSpan span) { return spliced.ToSentence(span); },
                    {rest, static_cast<int32_t>(sentence.size())}, result);
  }
}

// Possessive relative clauses with an agent: "The Houthis, whose arsenal is largely supplied by
// Tehran, fired ...", "the rebels, whose offensive was backed by Rwandan troops, ...": the agent
// acted on the antecedent. The clause is coded as "<agent> <participle> <antecedent>" ("Tehran
// supplied The Houthis"), offsets mapped back; only its own events are added, none already there.
void CodeWhoseClauses(const code::Coder& coder, const frames::FrameSet* frames, std::string_view sentence,
                      Date date, const std::vector<code::ActorMention>& mentions, code::CodeResult* result) {
  for (size_t whose = sentence.find(", whose "); whose != std::string_view::npos;
       whose = sentence.find(", whose ", whose + 8)) {
    // The antecedent: the actor ending right before the comma.
    const code::ActorMention* antecedent = nullptr;
    for (const auto& m : mentions)
      if (m.span.end == static_cast<int32_t>(whose)) antecedent = &m;
    if (!antecedent) continue;
    size_t clause_end = sentence.find(',', whose + 8);
    if (clause_end == std::string_view::npos) continue;
    const std::string_view clause = sentence.substr(whose + 8, clause_end - whose - 8);
    const size_t by = clause.find(" by ");
    if (by == std::string_view::npos) continue;
    // The participle right before "by": a past form of a verb ("supplied", "backed", "funded").
    size_t p_end = by, p_begin = by;
    while (p_begin > 0 && std::isalpha(static_cast<unsigned char>(clause[p_begin - 1]))) --p_begin;
    const std::string_view participle = clause.substr(p_begin, p_end - p_begin);
    if (participle.size() < 4 || !(participle.ends_with("ed") || participle == "sent" || participle == "built"))
      continue;
    // Only a form of "be" and adverbs before it ("is largely supplied", "has been armed").
    const std::string_view before = clause.substr(0, p_begin);
    if (before.find(" is ") == std::string_view::npos && before.find(" are ") == std::string_view::npos &&
        before.find(" was ") == std::string_view::npos && before.find(" were ") == std::string_view::npos &&
        before.find(" been ") == std::string_view::npos)
      continue;
    // The agent: an actor starting right after "by" (or "by the").
    const int32_t agent_from = static_cast<int32_t>(whose + 8 + by + 4);
    const code::ActorMention* agent = nullptr;
    for (const auto& m : mentions)
      if (m.span.begin >= agent_from && m.span.begin <= agent_from + 4 && m.span.end <= static_cast<int32_t>(clause_end))
        agent = &m;
    if (!agent || agent->code.compare(0, 3, antecedent->code, 0, 3) == 0) continue;
    // "<agent> <participle> <antecedent>".
    const code::ByteSpan verb_span{static_cast<int32_t>(whose + 8 + p_begin), static_cast<int32_t>(whose + 8 + p_end)};
    SplicedText spliced(sentence);
    spliced.Append(agent->span);
    spliced.Append(verb_span);
    spliced.Append(antecedent->span);
    AddClauseEvents(coder, frames, spliced.text(), date, nullptr,
                    [&](code::ByteSpan span) { return spliced.ToSentence(span); }, verb_span, result);
  }
}

// Verbs of permission with an object and an infinitive: "Lukashenko allowed Russian forces to
// launch missiles at Ukraine", "Minsk let Russian troops cross its border". The permission is
// coded (080, 062 ...); what the permitted actor then did was lost. When an asserted event's verb
// is such a verb and its target follows it, the infinitive is coded with the target as its
// subject ("Russian forces launch missiles at Ukraine"), offsets mapped back; only acts after the
// target are added, none already there.
void CodePermittedActs(const code::Coder& coder, const frames::FrameSet* frames, std::string_view sentence,
                       Date date, const code::Discourse* discourse, code::CodeResult* result) {
  static const std::set<std::string, std::less<>> kPermission = {
      "allowed", "allowing", "allows", "permitted", "permitting", "permits", "let", "lets", "letting",
      "enabled", "enabling", "enables"};
  auto lower_word_at = [&](int32_t at) { return LowerWordAt(sentence, at); };
  auto skip_spaces = [&](int32_t at) { return SkipSpaces(sentence, at); };
  const size_t original = result->events.size();
  for (size_t i = 0; i < original; ++i) {
    // (A reference, as above: read only before AddClauseEvents.)
    const code::CodedEvent& e = result->events[i];
    // (Only the bare permission, 08x: a pattern that read what was permitted, "let Russian forces
    // use its territory" = 062, has coded the act already.)
    if (e.verb_span.empty() || e.target_span.empty() || !e.code.starts_with("08")) continue;
    const std::string verb = lower_word_at(e.verb_span.begin);
    if (!kPermission.count(verb)) continue;
    // Only a permission given: not one refused, planned or asked for ("would not let", "refused
    // to allow", "may allow"), whose act did not happen.
    {
      const size_t from = e.verb_span.begin >= 40 ? static_cast<size_t>(e.verb_span.begin) - 40 : 0;
      std::string before(sentence.substr(from, static_cast<size_t>(e.verb_span.begin) - from));
      for (char& c : before) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      static constexpr std::string_view kNotGiven[] = {"not ", "never ", "n't ", "refus", "declin", "would ", "will ",
                                                       "could ", "may ", "might ", "to ", "whether ", "if ", "no longer "};
      if (std::any_of(std::begin(kNotGiven), std::end(kNotGiven),
                      [&](std::string_view w) { return before.find(w) != std::string::npos; }))
        continue;
    }
    // The target right after the verb (at most "the" between), then "to" (none after "let").
    int32_t at = skip_spaces(e.verb_span.end);
    if (lower_word_at(at) == "the") at = skip_spaces(at + 3);
    if (at != e.target_span.begin) continue;
    // (The target's noun may follow its code's word: "Emirati planes to deliver".)
    int32_t subject_end = e.target_span.end;
    int32_t rest = skip_spaces(subject_end);
    const bool bare = verb.starts_with("let");
    if (!bare) {
      for (int words = 0; words < 2 && lower_word_at(rest) != "to"; ++words) {
        const std::string noun = lower_word_at(rest);
        if (noun.empty()) break;
        subject_end = rest + static_cast<int32_t>(noun.size());
        rest = skip_spaces(subject_end);
      }
      if (lower_word_at(rest) != "to") continue;
      rest = skip_spaces(rest + 2);
    }
    if (rest >= static_cast<int32_t>(sentence.size()) || !std::isalpha(static_cast<unsigned char>(sentence[static_cast<size_t>(rest)])))
      continue;
    size_t clause_end = sentence.find_first_of(";:", static_cast<size_t>(rest));
    if (clause_end == std::string_view::npos) clause_end = sentence.size();
    // "<target> <infinitive ...>".
    SplicedText spliced(sentence);
    spliced.Append({e.target_span.begin, subject_end});
    spliced.Append({rest, static_cast<int32_t>(clause_end)});
    AddClauseEvents(coder, frames, spliced.text(), date, discourse,
                    [&](code::ByteSpan span) { return spliced.ToSentence(span); },
                    {rest, static_cast<int32_t>(clause_end)}, result);
  }
}

// Purpose clauses: "Iran sent instructors to Crimea to train Russian crews" -- what is sent to a
// place in order to help someone is help to that someone. A cooperation or aid event (06, 07)
// whose target is followed by "to <verb> ..." takes the target the infinitive gives its source,
// when that clause codes cooperation or aid too.
void RetargetByPurpose(const code::Coder& coder, std::string_view sentence, Date date, code::CodeResult* result) {
  for (auto& e : result->events) {
    if (!(e.code.starts_with("06") || e.code.starts_with("07")) || e.target_span.empty() || e.source_text.empty())
      continue;
    // The target must be where the thing was sent ("to Crimea", "into occupied Crimea"), not
    // whom it was given to ("allowed Russian aircraft to use its airfields").
    const size_t target_at = static_cast<size_t>(e.target_span.begin);
    const std::string_view before = sentence.substr(target_at >= 24 ? target_at - 24 : 0, std::min<size_t>(target_at, 24));
    size_t dest = std::string_view::npos;
    for (const char* preposition : {" to ", " into ", " in "})
      if (const size_t at = before.rfind(preposition); at != std::string_view::npos)
        dest = dest == std::string_view::npos ? at : std::max(dest, at);
    if (dest == std::string_view::npos || before.find_first_of(",;()", dest) != std::string_view::npos) continue;
    // (A short adjunct may come first: "... to occupied Crimea in the autumn of 2022 to train".)
    const size_t after = static_cast<size_t>(e.target_span.end);
    const size_t to = sentence.find(" to ", after);
    if (to == std::string_view::npos || to - after > 40 ||
        sentence.substr(after, to - after).find_first_of(",;()") != std::string_view::npos)
      continue;
    const size_t begin = to + 4;
    size_t end = sentence.find_first_of(",;()", begin);
    if (end == std::string_view::npos) end = sentence.size();
    if (end <= begin) continue;
    const std::string text = e.source_text + " " + std::string(sentence.substr(begin, end - begin));
    const int32_t shift = static_cast<int32_t>(begin) - static_cast<int32_t>(e.source_text.size() + 1);
    const code::CodeResult inner = coder.Code(text, date);
    for (const auto& x : inner.events) {
      if (!(x.code.starts_with("06") || x.code.starts_with("07")) || x.target.empty() || x.target == e.target) continue;
      if (x.source.compare(0, 3, e.source, 0, 3) != 0 || x.target_span.empty()) continue;
      e.target = x.target;
      e.target_text = x.target_text;
      e.target_ref.clear();
      e.target_span = {x.target_span.begin + shift, x.target_span.end + shift};
      break;
    }
  }
}

// The maker (named by `maker`, its words and span) supplied the user of the weapons `use` codes: 072
// from the maker's country to `use`'s source, with `use`'s verb and pattern as its provenance.
code::CodedEvent SupplyByMaker(const std::string& maker, const std::string& text, code::ByteSpan span,
                               const code::CodedEvent& use) {
  code::CodedEvent supply;
  supply.source = maker.substr(0, 3);
  supply.source_text = text;
  supply.source_span = span;
  supply.target = use.source;
  supply.target_text = use.source_text;
  supply.target_span = use.source_span;
  supply.code = "072";
  supply.verb_span = use.verb_span;
  supply.verb_text = use.verb_text;
  supply.pattern = use.pattern;
  supply.pattern.text = "weapons of A's making used by B: A supplied B (" + use.pattern.text + ")";
  supply.date = use.date;
  return supply;
}

// Weapons of another state's making used in an attack: "Russian forces used Iranian drones against
// Kyiv", "Russia struck Kharkiv with North Korean missiles". The maker named by the adjective
// supplied the attacker (072), as the frame "A-made weapons used by B" codes the passive.
void AddMakersOfWeaponsUsed(std::string_view sentence, const std::vector<code::ActorMention>& mentions,
                            code::CodeResult* result) {
  static const std::set<std::string> kUse = {"used", "using", "uses", "fired", "firing", "fires", "launched",
                                             "launching", "launches", "with"};
  static const std::set<std::string> kWeapons = {"drones", "drone", "missiles", "missile", "shells", "rockets",
                                                 "munitions", "ammunition", "artillery", "howitzers", "jets",
                                                 "bombs", "warheads", "rounds"};
  auto word_before = [&](int32_t at) {
    size_t end = static_cast<size_t>(at);
    for (int i = 0; i < 2; ++i) {
      while (end > 0 && sentence[end - 1] == ' ') --end;
      size_t begin = end;
      while (begin > 0 && std::isalpha(static_cast<unsigned char>(sentence[begin - 1]))) --begin;
      std::string w(sentence.substr(begin, end - begin));
      for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (!Is(w, "the") && !Is(w, "its") && !Is(w, "their")) return w;
      end = begin;
    }
    return std::string();
  };
  // (`names`: a weapon's name may stand between, "Iranian Shahed drones"; not where the weapon may
  // be what was hit, "a U.S. MQ-9 Reaper drone was shot down".)
  auto word_after = [&](int32_t at, bool names = true) {
    size_t begin = static_cast<size_t>(at);
    while (begin < sentence.size() && (sentence[begin] == ' ' || sentence[begin] == '-')) ++begin;
    size_t end = begin;
    while (end < sentence.size() && std::isalpha(static_cast<unsigned char>(sentence[end]))) ++end;
    std::string w(sentence.substr(begin, end - begin));
    for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // "Iranian-made drones", "North Korean ballistic missiles", "Iranian-designed Shahed drones": a
    // modifier and a weapon's name (capitalised) may stand before the weapon.
    const bool capitalised = begin < sentence.size() && std::isupper(static_cast<unsigned char>(sentence[begin]));
    bool modifier = Is(w, "made") || Is(w, "built") || Is(w, "supplied") || Is(w, "designed") || Is(w, "produced") ||
                    Is(w, "ballistic") || Is(w, "cruise") || Is(w, "attack") || Is(w, "artillery") || Is(w, "guided") ||
                    (names && capitalised && !kWeapons.count(w));
    for (int skipped = 0; modifier && skipped < 3; ++skipped) {
      size_t b2 = end;
      while (b2 < sentence.size() && (sentence[b2] == ' ' || sentence[b2] == '-')) ++b2;
      size_t e2 = b2;
      // (Names hold digits: "KN-23", "Fath-360".)
      while (e2 < sentence.size() && std::isalnum(static_cast<unsigned char>(sentence[e2]))) ++e2;
      if (e2 == b2) break;
      w.assign(sentence.substr(b2, e2 - b2));
      for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      end = e2;
      modifier = names &&
                 (std::isupper(static_cast<unsigned char>(sentence[b2])) || std::isdigit(static_cast<unsigned char>(sentence[b2]))) &&
                 !kWeapons.count(w);
    }
    return w;
  };
  // Weapons taken from the enemy were not supplied by their maker: "fired US-made missiles captured in
  // Kherson", "used seized Russian shells" (the word before the maker is then no use verb).
  static const std::set<std::string> kTaken = {"captured", "seized", "stolen", "abandoned", "trophy", "looted"};
  auto captured_after = [&](int32_t at) {
    size_t pos = static_cast<size_t>(at);
    for (int words = 0; words < 4 && pos < sentence.size(); ++words) {
      while (pos < sentence.size() && (sentence[pos] == ' ' || sentence[pos] == '-' || sentence[pos] == ',')) ++pos;
      size_t end = pos;
      while (end < sentence.size() && std::isalpha(static_cast<unsigned char>(sentence[end]))) ++end;
      if (end == pos) return false;
      std::string w(sentence.substr(pos, end - pos));
      for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (kTaken.count(w)) return true;
      pos = end;
    }
    return false;
  };
  // "drones of Iranian origin|design|make|manufacture", "the shells were of North Korean make": the
  // actor names the weapons' maker. *used: the weapons are the object of a use verb ("used drones of
  // Emirati origin"), so the maker supplied the user; not "shot down a drone of Iranian design".
  auto maker_of_weapons = [&](code::ByteSpan span, bool* used) {
    static const std::set<std::string> kOrigin = {"origin", "design", "make", "manufacture", "production"};
    static const std::set<std::string> kBe = {"were", "was", "are", "is"};
    *used = false;
    if (span.empty() || !kOrigin.count(word_after(span.end))) return false;
    size_t end = static_cast<size_t>(span.begin);
    while (end > 0 && sentence[end - 1] == ' ') --end;
    if (end < 3 || sentence.substr(end - 3, 3) != " of") return false;
    const int32_t of = static_cast<int32_t>(end - 2);
    const std::string weapon = word_before(of);
    if (kBe.count(weapon)) return true;
    if (!kWeapons.count(weapon)) return false;
    size_t w_begin = static_cast<size_t>(of);
    while (w_begin > 0 && sentence[w_begin - 1] == ' ') --w_begin;
    while (w_begin > 0 && std::isalpha(static_cast<unsigned char>(sentence[w_begin - 1]))) --w_begin;
    *used = kUse.count(word_before(static_cast<int32_t>(w_begin))) > 0;
    return true;
  };
  std::vector<code::CodedEvent> added;
  for (auto& e : result->events) {
    if (e.code.size() < 2 || e.code.compare(0, 2, "18") < 0 || e.code.compare(0, 2, "20") > 0) continue;
    // The maker of the weapons used is no target: "the RSF used drones of Emirati origin" is the
    // Emirates supplying the RSF.
    bool used = false;
    if (!e.target_span.empty() && e.source.size() >= 3 && maker_of_weapons(e.target_span, &used) &&
        e.target.compare(0, 3, e.source, 0, 3) != 0) {
      if (!used) {
        ClearTarget(e);
        continue;
      }
      added.push_back(SupplyByMaker(e.target, e.target_text, e.target_span, e));
      ClearTarget(e);
    }
    // A pattern's target that names the weapons' maker ("Iranian missiles were fired by Russian
    // forces at Odesa": "+ WERE_ * BY_ $") is no target of the force.
    // (Only before the verb: "shot down a Belarusian drone" is force against Belarus.)
    if (!e.target_span.empty() && !e.verb_span.empty() && e.target_span.end <= e.verb_span.begin &&
        kWeapons.count(word_after(e.target_span.end, /*names=*/false))) {
      ClearTarget(e);
    }
    // Nor is the maker of what is fired ("fired captured Russian shells at the village", "struck the
    // town using Iranian drones"): the instrument is never the target.
    if (!e.target_span.empty() && !e.verb_span.empty() && e.target_span.begin >= e.verb_span.end &&
        kWeapons.count(word_after(e.target_span.end))) {
      const std::string before = word_before(e.target_span.begin);
      if (kUse.count(before) || kTaken.count(before)) ClearTarget(e);
    }
    if (e.source.size() < 3 || e.verb_span.empty()) continue;
    for (const auto& m : mentions) {
      if (m.code.size() < 3 || m.span.begin < e.verb_span.begin || m.code.compare(0, 3, e.source, 0, 3) == 0) continue;
      bool used_of = false;  // "with drones of Iranian design"
      const bool before_weapons = kUse.count(word_before(m.span.begin)) && kWeapons.count(word_after(m.span.end));
      if (!before_weapons && !(maker_of_weapons(m.span, &used_of) && used_of)) continue;
      if (captured_after(m.span.end)) continue;
      added.push_back(SupplyByMaker(m.code, m.text, m.span, e));
    }
  }
  for (auto& a : added) {
    const bool duplicate = std::any_of(result->events.begin(), result->events.end(), [&](const code::CodedEvent& x) {
      return x.source == a.source && x.target == a.target && x.code == a.code;
    });
    if (!duplicate) result->events.push_back(std::move(a));
  }
}

// The reason given for a measure against X is X's act: "Ukraine downgraded relations with Iran over
// its drone deliveries to Moscow", "Britain suspended aid to Rwanda because of its backing for the
// M23", "sanctions on Iran over Iranian arms shipments to Russia". After a disapproval, rejection,
// reduction of relations or coercion (11, 12, 16, 17) with a target, a reason ("over", "for",
// "because of", "in response to", "in retaliation for") naming support or deliveries to someone
// codes the supplier (the actor named in the reason, else the measure's target: "its", "the",
// none) giving it to them: 072 with weapons words, 070 otherwise.
void AddReasonsForMeasures(std::string_view sentence, const std::vector<code::ActorMention>& mentions,
                           code::CodeResult* result) {
  auto measure = [](const code::CodedEvent& e) {
    return e.code.size() >= 2 && (e.code.starts_with("11") || e.code.starts_with("12") || e.code.starts_with("16") ||
                                  e.code.starts_with("17"));
  };
  if (std::none_of(result->events.begin(), result->events.end(), measure)) return;
  std::string lower(sentence);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static constexpr std::string_view kReasons[] = {" over ", " for ", " because of ", " in response to ",
                                                  " in retaliation for ", " in protest at ", " in protest against "};
  static constexpr std::string_view kSupport[] = {"deliveries", "delivery", "shipments", "shipment", "transfers",
                                                  "transfer", "supplies", "supply", "sales", "sale", "backing",
                                                  "support", "arming", "provision"};
  static constexpr std::string_view kWeaponWords[] = {"arms", "weapon", "drone", "missile", "shell", "ammunition",
                                                      "munition", "rocket", "artillery", "military"};
  auto word_at = [&](size_t at, std::string_view w) { return WordAt(lower, at, w); };
  std::vector<code::CodedEvent> added;
  for (const code::CodedEvent& e : result->events) {
    if (!measure(e) || e.target.size() < 3 || e.target_span.empty() || e.verb_span.empty()) continue;
    const size_t from = static_cast<size_t>(std::max(e.target_span.end, e.verb_span.end));
    size_t reason_end = std::string::npos;
    for (std::string_view r : kReasons) {
      const size_t at = lower.find(r, from > 0 ? from - 1 : 0);
      if (at != std::string::npos && at + 1 >= from && at < from + 40 &&
          (reason_end == std::string::npos || at + r.size() < reason_end))
        reason_end = at + r.size();
    }
    if (reason_end == std::string::npos) continue;
    // The support noun within a few words of the reason.
    size_t noun = std::string::npos, noun_end = 0;
    for (size_t k = reason_end; k < lower.size() && k < reason_end + 50 && noun == std::string::npos; ++k)
      for (std::string_view w : kSupport)
        if (word_at(k, w)) {
          noun = k;
          noun_end = k + w.size();
          break;
        }
    if (noun == std::string::npos) continue;
    const std::string_view between(lower.data() + reason_end, noun - reason_end);
    if (between.find(',') != std::string_view::npos) continue;
    // The supplier: an actor named in the reason, or the measure's target for "its", "their", "the".
    const code::ActorMention* named = nullptr;
    for (const auto& m : mentions)
      if (m.span.begin >= static_cast<int32_t>(reason_end) && m.span.end <= static_cast<int32_t>(noun) && !m.code.empty())
        named = &m;
    std::string supplier, supplier_text;
    code::ByteSpan supplier_span;
    if (named) {
      supplier = named->code;
      supplier_text = named->text;
      supplier_span = named->span;
    } else {
      supplier = e.target;
      supplier_text = e.target_text;
      supplier_span = e.target_span;
    }
    // The recipient: the first actor after "to" or "for" right after the noun (a few words on).
    const code::ActorMention* recipient = nullptr;
    for (const auto& m : mentions) {
      if (m.span.begin < static_cast<int32_t>(noun_end) || m.span.begin > static_cast<int32_t>(noun_end) + 40) continue;
      const std::string_view gap(lower.data() + noun_end, static_cast<size_t>(m.span.begin) - noun_end);
      if ((gap.find(" to ") != std::string_view::npos || gap.find(" for ") != std::string_view::npos ||
           gap.starts_with(" to") || gap.starts_with(" for")) &&
          gap.find(',') == std::string_view::npos) {
        recipient = &m;
        break;
      }
    }
    if (!recipient || recipient->code.compare(0, 3, supplier, 0, 3) == 0 ||
        supplier.compare(0, 3, e.source, 0, std::min<size_t>(3, e.source.size())) == 0)
      continue;
    bool weapons = false;
    const size_t window_end = std::min(lower.size(), static_cast<size_t>(recipient->span.begin));
    for (std::string_view w : kWeaponWords)
      weapons = weapons || lower.substr(reason_end, window_end - reason_end).find(w) != std::string::npos;
    code::CodedEvent supply;
    supply.source = supplier;
    supply.source_text = supplier_text;
    supply.source_span = supplier_span;
    supply.target = recipient->code;
    supply.target_text = recipient->text;
    supply.target_span = recipient->span;
    supply.code = weapons ? "072" : "070";
    supply.verb_span = {static_cast<int32_t>(noun), static_cast<int32_t>(noun_end)};
    supply.verb_text = std::string(sentence.substr(noun, noun_end - noun));
    supply.pattern = e.pattern;
    supply.pattern.text = "the reason for a measure against A: A's support to B (" + e.pattern.text + ")";
    supply.date = e.date;
    added.push_back(std::move(supply));
  }
  for (auto& a : added) {
    const bool duplicate = std::any_of(result->events.begin(), result->events.end(), [&](const code::CodedEvent& x) {
      return x.source.compare(0, 3, a.source, 0, 3) == 0 && x.target.compare(0, 3, a.target, 0, 3) == 0 &&
             x.code.compare(0, 2, a.code, 0, 2) == 0;
    });
    if (!duplicate) result->events.push_back(std::move(a));
  }
}

// "Russia's full-scale invasion", "the Russian aggression", "Moscow began its all-out invasion":
// a state named as the one invading is evidence of who "the aggressor" is, even where no event is
// coded (the sentence names no victim).
// `mentions` gives the sentence's actors (found only when the sentence names an invasion).
// Whether `s` holds "invasion" or "aggression" with its ASCII letters in any case: one pass that
// stops only at a 'v' or 'g' (most sentences name neither, and are then not copied).
bool NamesInvasionOrAggression(std::string_view s) {
  auto at = [&](size_t from, std::string_view word) {
    if (from + word.size() > s.size()) return false;
    for (size_t k = 0; k < word.size(); ++k) {
      const char c = s[from + k];
      if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != word[k]) return false;
    }
    return true;
  };
  // The 'v' of "invasion" (from byte 2) and the second 'g' of "aggression" (from byte 1), in
  // either case, found by memchr; the word is then compared around it.
  auto around = [&](char c, size_t back, std::string_view word) {
    for (size_t i = s.find(c, back); i != std::string_view::npos; i = s.find(c, i + 1))
      if (at(i - back, word)) return true;
    return false;
  };
  return around('v', 2, "invasion") || around('V', 2, "invasion") || around('g', 1, "aggression") ||
         around('G', 1, "aggression");
}

void NoteNamedInvasions(const std::function<const std::vector<code::ActorMention>&()>& mentions,
                        std::string_view sentence, code::Discourse* discourse) {
  if (!NamesInvasionOrAggression(sentence)) return;
  std::string lower(sentence);
  // ASCII lower-casing in line (std::tolower in the "C" locale, without a call per byte).
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  static const std::set<std::string> kBetween = {"s",          "its",     "full",     "scale",   "all",
                                                 "out",        "large",   "unprovoked", "brutal", "ongoing",
                                                 "illegal",    "military", "began",    "launched", "started",
                                                 "unleashed",  "continued", "renewed", "new",     "armed",
                                                 "full-scale", "all-out", "large-scale"};
  for (const auto& m : mentions()) {
    if (m.code.size() < 3 || !discourse->rules().IsStateCode(m.code)) continue;
    size_t at = static_cast<size_t>(m.span.end);
    for (int words = 0; words < 6 && at < lower.size(); ++words) {
      while (at < lower.size() && !std::isalnum(static_cast<unsigned char>(lower[at]))) {
        if (lower[at] == ',' || lower[at] == ';' || lower[at] == '.') return;
        ++at;
      }
      size_t end = at;
      while (end < lower.size() && (std::isalnum(static_cast<unsigned char>(lower[end])) || lower[end] == '-')) ++end;
      const std::string word = lower.substr(at, end - at);
      if (word == "invasion" || word == "aggression") {
        discourse->NoteForce(m.code.substr(0, 3), m.text);
        break;
      }
      if (!kBetween.count(word)) break;
      at = end;
    }
  }
}

// The state a war is said to be in or against ("the fighting in Ukraine", "the war against
// Ukraine", "Russia's invasion of Ukraine"), for a document whose acts of force have named no target
// yet: "joined the invasion" then points to it. Returns the mention, or null.
const code::ActorMention* WarPlaceNamed(const std::function<const std::vector<code::ActorMention>&()>& mentions,
                                        std::string_view sentence, const code::CorefRules& rules) {
  static const std::set<std::string> kWar = {"war", "fighting", "invasion", "aggression", "conflict", "offensive"};
  static const std::set<std::string> kLink = {"in", "of", "against", "on"};
  // (Cheap gate: most sentences name no war. A whole word only: "toward" and "warned" are none.)
  bool any = false;
  for (std::string_view w : {std::string_view("war"), std::string_view("fighting"), std::string_view("invasion"),
                             std::string_view("aggression"), std::string_view("conflict"), std::string_view("offensive")}) {
    for (size_t at = sentence.find(w); at != std::string_view::npos && !any; at = sentence.find(w, at + 1))
      any = WordAt(sentence, at, w);
    if (any) break;
  }
  if (!any) return nullptr;
  auto word_before = [&](size_t end, size_t* start) {
    size_t e = end;
    while (e > 0 && !std::isalnum(static_cast<unsigned char>(sentence[e - 1]))) {
      if (sentence[e - 1] == ',' || sentence[e - 1] == ';' || sentence[e - 1] == '.') return std::string();
      --e;
    }
    size_t b = e;
    while (b > 0 && std::isalnum(static_cast<unsigned char>(sentence[b - 1]))) --b;
    *start = b;
    std::string w(sentence.substr(b, e - b));
    for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return w;
  };
  for (const auto& m : mentions()) {
    if (m.code.size() != 3 || !rules.IsStateCode(m.code)) continue;
    size_t at = 0;
    std::string w = word_before(static_cast<size_t>(m.span.begin), &at);
    if (w == "the") w = word_before(at, &at);
    if (!kLink.count(w)) continue;
    if (kWar.count(word_before(at, &at))) return &m;
  }
  return nullptr;
}

// Event coreference: "the invasion", "the war", "the attack" right after a verb of force with no
// target point back to the war the document has been telling (docs/enrichment.md, "Clause
// structure"). Returns the phrase's byte span in the sentence, or an empty span.
code::ByteSpan DefiniteWarPhrase(std::string_view sentence, int32_t verb_end) {
  static const std::set<std::string> kWar = {"invasion", "war", "attack", "attacks", "offensive", "assault",
                                             "aggression", "hostilities", "fighting", "incursion"};
  static const std::set<std::string> kBefore = {"in", "into", "to", "on", "during", "for", "the", "part", "its", "their"};
  size_t at = static_cast<size_t>(verb_end);
  bool seen_the = false;
  for (int words = 0; words < 5 && at < sentence.size(); ++words) {
    while (at < sentence.size() && sentence[at] == ' ') ++at;
    size_t end = at;
    while (end < sentence.size() && std::isalpha(static_cast<unsigned char>(sentence[end]))) ++end;
    if (end == at) return {};
    std::string word(sentence.substr(at, end - at));
    for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (seen_the && kWar.count(word)) {
      // "the invasion of Crimea", "the attack on Kyiv": a named object is no back-reference.
      size_t next = end;
      while (next < sentence.size() && sentence[next] == ' ') ++next;
      const std::string_view rest = sentence.substr(next, 4);
      if (rest.starts_with("of ") || rest.starts_with("on ") || rest.starts_with("agai")) return {};
      const size_t the = sentence.rfind("the", at);
      return {static_cast<int32_t>(the == std::string_view::npos ? at : the), static_cast<int32_t>(end)};
    }
    if (word == "the") seen_the = true;
    else if (!kBefore.count(word) && word != "full" && word != "scale") return {};
    at = end;
    if (at < sentence.size() && sentence[at] == '-') ++at;  // "full-scale"
  }
  return {};
}
}  // namespace

std::string DefaultDataDir() {
  if (const char* env = std::getenv("DYAD_DATA"); env && *env) return env;
  return DYAD_DATA_DIR;
}

struct Engine::Impl {
  std::shared_ptr<const dict::DictionarySet> dicts;
  std::unique_ptr<code::Coder> coder;
  std::unique_ptr<const enrich::Enricher> enricher;  // null when options.enrich is false
  std::unique_ptr<const frames::FrameSet> frames;    // null when options.frames is false
  std::unique_ptr<segment::SentenceSplitter> splitter;
  write::CameoTable cameo;
  EngineOptions options;
  LoadReport report;
};

Engine::Engine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Engine::~Engine() = default;

Status Engine::Create(const EngineOptions& options, std::unique_ptr<Engine>* out) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  const std::string data_dir = options.data_dir.empty() ? DefaultDataDir() : options.data_dir;

  dict::LoadOptions load;
  load.paths = options.dictionaries;
  if (load.paths.empty()) load.paths.push_back(data_dir + "/dict");
  load.strict = options.strict;
  if (Status s = dict::DictionarySet::Load(load, &impl->dicts); !s.ok()) return s;
  impl->report.warnings = impl->dicts->warnings();
  const auto& counts = impl->dicts->counts();
  impl->report.actors = counts.actor_phrases;
  impl->report.agents = counts.agents;
  impl->report.verbs = counts.verbs + counts.verb_forms;
  impl->report.patterns = counts.patterns;

  code::CoderOptions coder_options;
  coder_options.coreference = options.coreference;
  impl->coder = std::make_unique<code::Coder>(impl->dicts, coder_options);
  if (!impl->coder->coref_warnings().empty()) {
    if (options.strict) return Status::Error(impl->coder->coref_warnings().front());
    for (const auto& w : impl->coder->coref_warnings()) impl->report.warnings.push_back(w);
  }
  if (Status s = segment::SentenceSplitter::Create(data_dir + "/segment", &impl->splitter); !s.ok()) return s;
  if (Status s = write::CameoTable::Load(data_dir + "/cameo/cameo.tsv", &impl->cameo); !s.ok()) return s;
  if (options.frames && options.enrich) {  // bare TABARI coding (enrich off) has no frames
    auto set = std::make_unique<frames::FrameSet>();
    if (Status s = frames::FrameSet::Load(data_dir + "/frames/frames.tsv", set.get()); !s.ok()) return s;
    impl->frames = std::move(set);
  }
  if (options.enrich) {
    if (Status s = enrich::Enricher::Create(data_dir, &impl->enricher); !s.ok()) return s;
  }
  *out = std::unique_ptr<Engine>(new Engine(std::move(impl)));
  return Status::Ok();
}

const std::string& Engine::dictionary_hash() const { return impl_->dicts->hash(); }
const LoadReport& Engine::load_report() const { return impl_->report; }

Status Engine::Code(const Document& document, std::vector<Event>* events) const {
  return Code(document, events, nullptr);
}

Status Engine::Code(const Document& document, std::vector<Event>* events,
                    std::vector<CodedSentence>* coded_sentences) const {
  if (coded_sentences) coded_sentences->clear();
  normalize::NormalizeOptions normalize_options;
  normalize_options.lenient = impl_->options.lenient;
  // Reused by every document coded on this thread (Normalize clears it): no allocation per
  // document once warm. After a document over 1 MB the next one starts with a fresh buffer, so a
  // huge document's memory is not kept.
  thread_local normalize::NormalizedText text;
  if (text.text.capacity() > (size_t{1} << 20)) text = normalize::NormalizedText();
  if (Status s = normalize::Normalize(document.text, normalize_options, &text); !s.ok()) {
    return s.At(document.origin.empty() ? document.id : document.origin);
  }
  auto to_span = [&](size_t sentence_begin, code::ByteSpan span) {
    if (span.empty()) return Span{};
    return Span{text.OriginalCodePoint(sentence_begin + span.begin),
                text.OriginalEnd(sentence_begin + span.end)};
  };
  // Dictionary codes are date-restricted ("Lukashenko: BLRGOV after 1994-07-20"). An undated
  // document is read as of today for those restrictions; its events stay undated.
  const Date coding_date = document.date.valid() ? document.date : Today();
  const auto sentences = impl_->splitter->Split(text.text);
  if (coded_sentences) {
    coded_sentences->reserve(sentences.size());
    for (size_t index = 0; index < sentences.size(); ++index) {
      const size_t begin = sentences[index].begin, length = sentences[index].end - begin;
      coded_sentences->push_back({static_cast<int>(index), to_span(begin, {0, static_cast<int32_t>(length)}),
                                  text.text.substr(begin, length)});
    }
  }
  std::vector<enrich::EventInSentence> located;
  // Document coreference (docs/coreference.md): only when the dictionaries bring .coref rules.
  std::optional<code::Discourse> discourse;
  if (!impl_->coder->coref().empty()) discourse.emplace(impl_->coder->coref());
  // The target of the document's latest act of force (15-20), for "participating in the
  // invasion": its country code and the words that named it.
  std::string war_target, war_target_text;
  // ... or, while no act of force has named one, the state the document first said the war was in
  // or against.
  std::string war_place, war_place_text;
  for (size_t index = 0; index < sentences.size(); ++index) {
    const size_t begin = sentences[index].begin;
    const std::string_view sentence(text.text.data() + begin, sentences[index].end - begin);
    // A blank line between this sentence and the previous one: a new paragraph.
    const bool new_paragraph = index > 0 && sentences[index - 1].end <= begin &&
                               code::IsParagraphBreak(std::string_view(text.text).substr(
                                   sentences[index - 1].end, begin - sentences[index - 1].end));
    // What the sentence reports is coded on its own as well (the speaker is never its source or
    // target); it sees the discourse as it stood before this sentence.
    std::vector<enrich::Enricher::ReportedContent> reported;
    std::optional<code::Discourse> discourse_before;
    // The actors the dictionaries name in the sentence: found once (on first need), read by every
    // pass below.
    std::optional<std::vector<code::ActorMention>> found_actors;
    auto sentence_actors = [&]() -> const std::vector<code::ActorMention>& {
      if (!found_actors) found_actors = impl_->coder->FindActors(sentence, coding_date);
      return *found_actors;
    };
    auto find_in_sentence = [&](std::string_view part) {
      const bool whole = part.data() == sentence.data() && part.size() == sentence.size();
      return whole ? sentence_actors() : impl_->coder->FindActors(part, coding_date);
    };
    if (impl_->enricher) {
      // (std::ref: the std::function holds a pointer to the lambda, not a heap copy of it.)
      // (The sentence's actors read in place, not copied out of find_in_sentence: the engine finds
      // them for every sentence anyway, AddMakersOfWeaponsUsed below.)
      reported = impl_->enricher->FindReportedContent(sentence, std::ref(find_in_sentence), &sentence_actors());
      // (Also when none is found yet: a speaker resolved from the sentences before may have one,
      // below. Copied only for a sentence that can report at all.)
      if (discourse && (!reported.empty() || impl_->enricher->MayReport(sentence))) discourse_before.emplace(*discourse);
    }
    code::CodeResult result = discourse
                                  ? impl_->coder->CodeInDocument(sentence, coding_date, &*discourse, new_paragraph)
                                  : impl_->coder->Code(sentence, coding_date);
    // A speaker the dictionaries know only as a phrase the sentences before resolve ("Washington
    // sanctioned Keremet Bank. The Treasury said that the bank had helped Russia"): its report is
    // found once the sentence's phrases are resolved.
    // (Phrases only: a pronoun speaker, "He said his troops had never ...", is read as before.)
    auto phrase = [&](const code::ActorMention& m) {
      const std::string_view t = sentence.substr(m.span.begin, m.span.end - m.span.begin);
      return t.find(' ') != std::string_view::npos;
    };
    if (discourse_before && std::any_of(result.resolved.begin(), result.resolved.end(), phrase) &&
        std::all_of(reported.begin(), reported.end(),
                    [](const enrich::Enricher::ReportedContent& c) { return c.speaker.empty(); })) {
      std::vector<code::ActorMention> phrases;
      for (const code::ActorMention& m : result.resolved)
        if (phrase(m)) phrases.push_back(m);
      const std::vector<code::ActorMention> with_resolved = ActorsWithResolved(sentence_actors(), phrases);
      reported = impl_->enricher->FindReportedContent(sentence, std::ref(find_in_sentence), &with_resolved);
    }
    // (The discourse before the sentence is what reported content is coded against; without any,
    // the clauses below read the discourse after it, as before.)
    if (reported.empty())
      discourse_before.reset();
    else
      CodeReportedContent(*impl_->coder, impl_->frames.get(), reported, sentence, coding_date,
                          discourse_before ? &*discourse_before : nullptr, new_paragraph, &result);
    if (impl_->enricher) {
      RetargetByPurpose(*impl_->coder, sentence, coding_date, &result);
      AddMakersOfWeaponsUsed(sentence, sentence_actors(), &result);
      AddReasonsForMeasures(sentence, sentence_actors(), &result);
    }
    if (!result.relative_clauses.empty())
      CodeRelativeClauses(*impl_->coder, impl_->frames.get(), sentence, coding_date,
                          discourse_before ? &*discourse_before : discourse ? &*discourse : nullptr, &result);
    // (The discourse after this sentence: copied only when an inserted clause is coded.)
    if (impl_->enricher) {
      CodeInsertedClauses(*impl_->coder, impl_->frames.get(), sentence, coding_date, reported, sentence_actors(),
                          discourse ? &*discourse : nullptr, &result);
      CodeParticipleClauses(*impl_->coder, impl_->frames.get(), sentence, coding_date,
                            discourse ? &*discourse : nullptr, &result);
      CodeReducedRelatives(*impl_->coder, impl_->frames.get(), sentence, coding_date,
                           discourse ? &*discourse : nullptr, &result);
      CodeWhoseClauses(*impl_->coder, impl_->frames.get(), sentence, coding_date, sentence_actors(), &result);
      CodePermittedActs(*impl_->coder, impl_->frames.get(), sentence, coding_date,
                        discourse ? &*discourse : nullptr, &result);
    }
    // The sentence's actors with the pronouns and definite phrases resolved across sentences.
    std::optional<std::vector<code::ActorMention>> found_with_resolved;
    auto actors_with_resolved = [&]() -> const std::vector<code::ActorMention>& {
      if (result.resolved.empty()) return sentence_actors();
      if (!found_with_resolved) found_with_resolved = ActorsWithResolved(sentence_actors(), result.resolved);
      return *found_with_resolved;
    };
    auto find_actors = [&](std::string_view part) {
      // Resolved mentions carry sentence offsets, so they join only a search of the whole sentence.
      const bool whole = part.data() == sentence.data() && part.size() == sentence.size();
      return whole ? actors_with_resolved() : impl_->coder->FindActors(part, coding_date);
    };
    // Event frames (nominal events, one-actor constructions) the coder left uncoded; they also see
    // the pronouns and definite phrases resolved across sentences.
    if (impl_->frames) impl_->frames->ExtendWithActors(sentence, coding_date, actors_with_resolved(), &result.events);
    // A protest with no addressee named ("Iraqi Kurds demonstrated in Kirkuk") is addressed to the
    // protesters' own state, as PLOVER codes domestic protest.
    // So is repression of unnamed people ("Lukashenko's regime has detained 1,500 people"): the
    // repressor's own country.
    for (auto& e : result.events)
      if ((e.code.starts_with("14") || e.code.starts_with("17")) && e.target.empty() && e.source.size() >= 3 &&
          discourse && discourse->rules().IsStateCode(e.source)) {
        e.target = e.source.substr(0, 3);  // no words name it: target_text stays empty
      }
    // What a speaker tells a newspaper or a network is said to the public: a statement (01) to
    // the media is addressed to no one ("Iran's ambassador told an American network that ...").
    for (auto& e : result.events)
      if (e.code.starts_with("01") && e.target.size() > 3 && e.target.ends_with("MED")) ClearTarget(e);
    if (!reported.empty())
      AddCharges(*impl_->enricher, reported, sentence, actors_with_resolved(), &result);
    // A report whose content names no pair of actors ("Zerkalo wrote that 20 Belarusians were
    // killed", "The Chinese embassy said it was not familiar with the situation") is still the
    // speaker's public statement (CAMEO 010), addressed to no one.
    // A denial is one too, whatever its content names: "The Emirati foreign ministry has denied
    // providing weapons to either side" is the ministry's denial (016), addressed to no one.
    if (result.events.empty())
      for (const auto& reported_content : reported) {
        // ("He said ...": a pronoun the sentences before resolve is the speaker when it stands
        // right before the reporting verb, an adverb at most between them.)
        enrich::Enricher::ReportedContent content = reported_content;
        if (content.speaker.empty() && !content.verb.empty())
          for (const auto& m : result.resolved) {
            if (m.span.end > content.verb.begin || content.verb.begin - m.span.end > 12) continue;
            const std::string_view between = sentence.substr(m.span.end, content.verb.begin - m.span.end);
            if (between.find_first_of(",;:") == std::string_view::npos) content.speaker = m.span;
          }
        if (content.speaker.empty()) continue;
        // "According to Zerkalo, 20 Belarusians ... lost their lives": the outlet's statement, its
        // verb the words "according to".
        code::ByteSpan verb = content.verb;
        if (verb.empty()) {
          std::string lower(sentence.substr(0, static_cast<size_t>(content.speaker.begin)));
          for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          const size_t at = lower.rfind("according to");
          if (at == std::string::npos || content.speaker.begin - static_cast<int32_t>(at) > 20) continue;
          verb = {static_cast<int32_t>(at), static_cast<int32_t>(at + 12)};
        }
        const bool denial = IsDenialVerb(sentence.substr(verb.begin, verb.end - verb.begin));
        // The speaker as the whole sentence reads it, with its agents ("the Emirati foreign
        // ministry": AREGOV, where the speaker's words alone give ARE); each of a list of speakers
        // ("Russia and Belarus said ...") makes the statement.
        // ("Sudan's army chief Abdel Fattah al-Burhan" is one speaker: only "and" or a comma
        // joins a list.)
        const code::ActorMention* previous = nullptr;
        for (const auto& m : actors_with_resolved()) {  // ("He said ...": the pronoun resolved)
          if (!Inside(m.span, content.speaker)) continue;
          const code::ActorMention* speaker = &m;
          if (previous) {
            if (speaker->span.begin < previous->span.end) continue;
            std::string_view between = sentence.substr(previous->span.end, speaker->span.begin - previous->span.end);
            while (!between.empty() && (between.front() == ' ' || between.front() == ',')) between.remove_prefix(1);
            if (between.starts_with("and ")) between.remove_prefix(4);
            while (!between.empty() && between.front() == ' ') between.remove_prefix(1);
            if (between.starts_with("the ") || between.starts_with("The ")) between.remove_prefix(4);
            if (!between.empty()) break;
          }
          previous = speaker;
          bool repeated = false;
          for (const auto& made : result.events) repeated = repeated || made.source == speaker->code;
          if (repeated) continue;
          code::CodedEvent statement;
          statement.source = speaker->code;
          statement.source_text = speaker->text;
          statement.source_span = speaker->span;
          statement.code = denial ? "016" : "010";
          statement.verb_span = verb;
          statement.verb_text = std::string(sentence.substr(verb.begin, verb.end - verb.begin));
          statement.pattern.file = (impl_->options.data_dir.empty() ? DefaultDataDir() : impl_->options.data_dir) +
                                   "/enrich/attribution.tsv";
          statement.pattern.text =
              denial ? "a denial whose content names no pair of actors: the speaker's denial (016)"
                     : "a reporting verb whose content names no pair of actors: the speaker's statement (010)";
          result.events.push_back(std::move(statement));
        }
        if (!result.events.empty()) break;
      }
    if (discourse) NoteNamedInvasions(std::ref(sentence_actors), sentence, &*discourse);
    // (The first place the document gives the war is kept: the scan stops once one is found.)
    if (discourse && war_target.empty() && war_place.empty())
      if (const code::ActorMention* place = WarPlaceNamed(std::ref(sentence_actors), sentence, discourse->rules())) {
        war_place = place->code;
        war_place_text = place->text;
      }
    if (result.events.empty()) continue;
    const size_t first = events->size();
    for (auto& coded : result.events) {
      Event& e = events->emplace_back();  // (built in place: an Event is some 40 strings to move)
      e.doc_id = document.id;
      e.sentence_index = static_cast<int>(index);
      e.sentence = std::string(sentence);
      e.sentence_span = to_span(begin, {0, static_cast<int32_t>(sentence.size())});
      e.page = PageAt(document, e.sentence_span.begin);
      e.date = document.date.valid() && coded.date.valid() ? coded.date : document.date;
      e.source = std::move(coded.source);
      e.target = std::move(coded.target);
      e.source_text = std::move(coded.source_text);
      e.target_text = std::move(coded.target_text);
      e.source_ref = std::move(coded.source_ref);
      e.target_ref = std::move(coded.target_ref);
      e.event_code = std::move(coded.code);
      e.root_code = write::CameoTable::RootCode(e.event_code);
      if (const auto* info = impl_->cameo.Find(e.event_code)) {
        e.quad_class = info->quad_class;
        e.goldstein = info->goldstein;
        e.plover = info->plover;
      } else {
        e.quad_class = write::QuadClassOfRoot(e.root_code);
      }
      e.verb_text = std::move(coded.verb_text);
      e.pattern = std::move(coded.pattern);
      e.source_span = to_span(begin, coded.source_span);
      e.verb_span = to_span(begin, coded.verb_span);
      e.target_span = to_span(begin, coded.target_span);
    }
    if (impl_->enricher) {
      located.clear();
      for (size_t i = 0; i < result.events.size(); ++i) {
        const auto& coded = result.events[i];
        located.push_back({&(*events)[first + i], coded.source_span, coded.verb_span, coded.target_span});
      }
      enrich::SentenceContext context;
      context.sentence = sentence;
      context.document_date = document.date;
      context.find_actors = std::ref(find_actors);
      context.actors = &actors_with_resolved();
      impl_->enricher->Enrich(context, located);
      // Places found by the enricher are sentence byte offsets: move them to document code points.
      for (auto& item : located) {
        if (item.target_moved) item.event->target_span = to_span(begin, item.target);
        for (Place* place : {&item.event->location, &item.event->origin, &item.event->destination}) {
          if (!place->span.empty())
            place->span = to_span(begin, {static_cast<int32_t>(place->span.begin),
                                          static_cast<int32_t>(place->span.end)});
        }
      }
    }
    for (size_t i = 0; i < result.events.size(); ++i) {
      Event& e = (*events)[first + i];
      const bool force = e.root_code >= "18" && e.root_code <= "20";
      const std::string& war = war_target.empty() ? war_place : war_target;
      if (force && e.target.empty() && !war.empty() && e.source.compare(0, 3, war) != 0) {
        const code::ByteSpan phrase = DefiniteWarPhrase(sentence, result.events[i].verb_span.end);
        if (!phrase.empty()) {
          e.target = war;
          e.target_text = std::string(sentence.substr(phrase.begin, phrase.end - phrase.begin));
          e.target_ref = war_target.empty() ? war_place_text : war_target_text;
          e.target_span = to_span(begin, phrase);
        }
      }
    }
    for (size_t i = first; i < events->size(); ++i) {
      const Event& e = (*events)[i];
      if (e.root_code >= "15" && e.root_code <= "20" && e.target.size() >= 3 && e.modality != Modality::kNegated) {
        war_target = e.target.substr(0, 3);
        war_target_text = e.target_text;
      }
      // "The aggressor" (data/dict/dyad.coref): the state reported using force most often.
      if (discourse && e.root_code >= "18" && e.root_code <= "20" && e.modality == Modality::kAsserted &&
          e.source.size() >= 3 && discourse->rules().IsStateCode(e.source) &&
          (e.target.empty() || (e.source.compare(0, 3, e.target, 0, 3) != 0 && discourse->rules().IsStateCode(e.target))))
        discourse->NoteForce(e.source.substr(0, 3), e.source_ref.empty() ? e.source_text : e.source_ref);
      // "The deployment", "the attacks" (ACTOR OF rules): who did what the text asserts or reports.
      if (discourse && e.modality == Modality::kAsserted) {
        discourse->NoteEvent(e.event_code, e.source, e.source_ref.empty() ? e.source_text : e.source_ref);
        // A guest hosted or received made a visit (CAMEO 043 is 042 seen from the host): "Orbán
        // was received by Putin in the Kremlin. The Commission condemned the visit" names Hungary.
        if (e.event_code.starts_with("043") && !e.target.empty())
          discourse->NoteEvent("042", e.target, e.target_ref.empty() ? e.target_text : e.target_ref);
      }
      // What a speaker reports is also its statement (010): "Pyongyang confirmed that its troops
      // were in Russia. Seoul condemned the confirmation" names North Korea.
      if (discourse && !e.reported_by.empty() && e.modality != Modality::kHypothetical)
        discourse->NoteEvent("010", e.reported_by, e.reported_by_text);
    }
  }
  return Status::Ok();
}

}  // namespace dyad
