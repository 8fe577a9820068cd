#include "frames/frames.h"

#include <algorithm>
#include <bitset>
#include <array>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>

#include "common/words.h"

namespace dyad::frames {
namespace {

constexpr int kGapWords = 6;    // "..." lets up to this many words pass between literals
constexpr int kSlotWords = 10;  // a slot spans at most this many words
constexpr int kNearWords = 3;   // "{S} trigger": the actor ends at most this many words before
constexpr int kNegationWords = 4;  // a negator this close before a trigger blocks it
constexpr int kLeadWords = 12;  // "{S} ... trigger": this many words, back to the clause start

struct Token {
  int32_t begin = 0, end = 0;
  std::string_view lower;  // lower-cased word, or the punctuation byte (in Tokenize's buffer)
  bool word = false;
};


// Is the word before byte `begin` (at or after token `from`) a preposition of place or direction?
bool AfterPlacePreposition(const std::vector<Token>& tokens, int32_t from, int32_t begin) {
  // (A WordList: most words asked about are no preposition, and its filter turns them away.)
  static const WordList kPlace = {"in", "at", "near", "inside", "into", "from", "to", "on", "across"};
  for (int32_t k = static_cast<int32_t>(tokens.size()) - 1; k >= from; --k) {
    if (tokens[k].begin >= begin || !tokens[k].word) continue;
    return kPlace.count(tokens[k].lower) > 0;
  }
  return false;
}

// The first byte of the first word token at or after byte `at` (the sentence's end: INT32_MAX).
int32_t SkipToWord(const std::vector<Token>& tokens, int32_t at) {
  for (const Token& t : tokens)
    if (t.word && t.begin >= at) return t.begin;
  return INT32_MAX;
}

// Is the word before byte `begin` (past "the", at or after token `from`) a preposition that takes
// an object which is no clause's subject ("placed under EU sanctions", "despite Western pressure")?
bool AfterObjectPreposition(const std::vector<Token>& tokens, int32_t from, int32_t begin) {
  // (Not "from": "volunteers from Belarus took part" names where the subject comes from.)
  static const WordList kPrepositions = {"under", "despite", "amid",    "against", "over",
                                         "without", "into", "onto", "towards", "toward", "upon"};
  for (int32_t k = static_cast<int32_t>(tokens.size()) - 1; k >= from; --k) {
    if (tokens[k].begin >= begin || !tokens[k].word) continue;
    if (tokens[k].lower == "the" && k - 1 >= from && tokens[k - 1].word) return kPrepositions.count(tokens[k - 1].lower) > 0;
    return kPrepositions.count(tokens[k].lower) > 0;
  }
  return false;
}

// Does the actor at `span` stand inside a "who/which" clause opened after token `from`, with a
// past verb between it and the trigger at `ti` (the main clause's: "volunteers who had joined the
// Ukrainian army suffered heavy losses in ...")?
bool InsideSubjectRelative(const std::vector<Token>& tokens, int32_t from, code::ByteSpan span, int32_t ti) {
  bool opened = false;
  for (int32_t k = from; k < ti; ++k) {
    if (!tokens[k].word) continue;
    const std::string_view w = tokens[k].lower;
    if (tokens[k].end <= span.begin) {
      opened = opened || w == "who" || w == "which";
      continue;
    }
    if (!opened) return false;
    if (tokens[k].begin >= span.end && w.size() > 4 && w.ends_with("ed")) return true;
  }
  return false;
}

// Words are runs of ASCII letters/digits or non-ASCII bytes (so letters of other scripts
// stay whole), except that typographic quotes and apostrophes (U+2018..U+201D) split.
// Into *out, whose words view `*lowered` (the sentence lower-cased once); both are reused from
// sentence to sentence (a thread keeps them).
void Tokenize(std::string_view s, std::string* lowered, std::vector<Token>* out_tokens) {
  lowered->assign(s);
  LowerAsciiInPlace(lowered->data(), lowered->size());  // ('A'-'Z' only; other bytes stay)
  const std::string_view low(*lowered);
  std::vector<Token>& out = *out_tokens;
  size_t count = 0;  // tokens written; those past it are left from an earlier sentence
  auto next = [&]() -> Token& {
    if (count == out.size()) out.emplace_back();
    return out[count++];
  };
  // A typographic quote or apostrophe (U+2018..U+201D) at byte k: a token of its own, not a
  // word's byte.
  const auto quote3_at = [&](size_t k) {
    return static_cast<unsigned char>(s[k]) == 0xE2 && k + 2 < s.size() && static_cast<unsigned char>(s[k + 1]) == 0x80 &&
           static_cast<unsigned char>(s[k + 2]) >= 0x98 && static_cast<unsigned char>(s[k + 2]) <= 0x9D;
  };
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    // (Spaces first: they are the commonest byte between tokens, and no quote or word byte.)
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
    } else if (IsWordByte(c) && !quote3_at(i)) {
      Token& t = next();
      t.begin = static_cast<int32_t>(i);
      t.word = true;
      while (true) {
        // (ASCII letters, most bytes, only extend the word: passed over eight at a time.)
        i = SkipAsciiLetters(s, i);
        if (i >= n || !IsWordByte(static_cast<unsigned char>(s[i])) || quote3_at(i)) break;
        const char ch = s[i];
        ++i;
        // "1,500" and "3.5" are one number, not a clause boundary.
        if (i + 1 < n && (s[i] == ',' || s[i] == '.') && ch >= '0' && ch <= '9' && s[i + 1] >= '0' && s[i + 1] <= '9')
          ++i;
      }
      t.end = static_cast<int32_t>(i);
      // (Built in place: the word lies inside the lowered text, substr's range check is not needed.)
      t.lower = std::string_view(low.data() + t.begin, i - static_cast<size_t>(t.begin));
    } else if (c == 0xE2) {  // (a word byte, so a quote: quote3_at(i))
      Token& t = next();
      t.begin = static_cast<int32_t>(i), t.end = static_cast<int32_t>(i + 3);
      t.lower = "'";
      t.word = false;
      i += 3;
    } else {
      Token& t = next();
      t.begin = static_cast<int32_t>(i), t.end = static_cast<int32_t>(i + 1);
      t.lower = std::string_view(low.data() + i, 1);
      t.word = false;
      ++i;
    }
  }
  out.resize(count);
}

// Punctuation that ends a clause for forward slots and gaps; `comma` too when asked.
// Whether the first word at or after byte `end` is "to" (an infinitive's marker).
bool BeforeInfinitive(const std::vector<Token>& tokens, int32_t end) {
  for (const Token& t : tokens) {
    if (t.begin < end || !t.word) continue;
    return t.lower == "to";
  }
  return false;
}

// A verb the coder coded lies between an actor and a participle: "The navy intercepted a dhow carrying
// weapons" -- the participle describes the coded verb's object (the dhow), not the actor's act.
bool CodedVerbBetween(const std::vector<code::CodedEvent>& events, size_t count, int32_t from, int32_t to) {
  for (size_t k = 0; k < count; ++k) {
    const auto& v = events[k].verb_span;
    if (!v.empty() && v.begin >= from && v.end <= to) return true;
  }
  return false;
}

// The relative pronoun ("which", "that", "who") closest before token `trigger`, from token `from` on,
// or -1; `*antecedent_begin` is where the word before it (a comma skipped) begins, -1 if none.
int32_t RelativePronounBefore(const std::vector<Token>& tokens, int32_t from, int32_t trigger,
                              int32_t* antecedent_begin) {
  for (int32_t j = trigger - 1; j >= from && j >= 0; --j) {
    const std::string_view w = tokens[j].lower;
    if (!tokens[j].word || (w != "which" && w != "that" && w != "who")) continue;
    int32_t before = j - 1;
    if (before >= 0 && tokens[before].lower == ",") --before;
    *antecedent_begin = before >= 0 ? tokens[before].begin : -1;
    return j;
  }
  return -1;
}

// Whether `span` is the target of one of the first `count` events, after that event's verb.
bool IsCodedObject(const std::vector<code::CodedEvent>& events, size_t count, code::ByteSpan span) {
  for (size_t k = 0; k < count; ++k) {
    const auto& e = events[k];
    if (!e.verb_span.empty() && !e.target_span.empty() && e.verb_span.end <= span.begin &&
        e.target_span.begin < span.end && span.begin < e.target_span.end)
      return true;
  }
  return false;
}

// Prepositions that close an actor's noun phrase.
bool IsPreposition(std::string_view w) {
  static const WordList kPrepositions = {"by", "from", "to",   "into", "in",      "on",
                                         "at", "of",   "with", "for",  "against", "near"};
  return kPrepositions.count(w) > 0;
}

// Token i opens a time, not a place: a number ("in 2023", "on 5 March") or a month's name.
bool StartsTime(const std::vector<Token>& tokens, int32_t i) {
  static const WordList kMonths = {"january", "february", "march",     "april",   "may",      "june",
                                   "july",    "august",   "september", "october", "november", "december"};
  const Token& t = tokens[i];
  return t.word && !t.lower.empty() && ((t.lower[0] >= '0' && t.lower[0] <= '9') || kMonths.count(t.lower) > 0);
}

bool IsBoundary(const Token& t, bool comma) {
  if (t.word) return false;
  const char c = t.lower[0];
  return c == ';' || c == ':' || c == '.' || c == '!' || c == '?' || c == '(' || c == ')' || c == '"' ||
         (comma && c == ',');
}

// The closing comma of an apposition opening at the comma `comma`: a determiner or a capitalised
// word, then at most four more words, then a comma ("an Iranian frigate, the Alborz, sailed"); -1
// when none.
int32_t AppositionEnd(const std::vector<Token>& t, std::string_view sentence, int32_t comma) {
  const int32_t n = static_cast<int32_t>(t.size());
  if (comma + 2 >= n || !t[comma + 1].word) return -1;
  const std::string_view first = t[comma + 1].lower;
  const char c = sentence[static_cast<size_t>(t[comma + 1].begin)];
  if (first != "the" && first != "a" && first != "an" && !(c >= 'A' && c <= 'Z')) return -1;
  for (int32_t k = comma + 2; k < n && k <= comma + 6; ++k) {
    if (t[k].lower == ",") return k;
    if (!t[k].word && t[k].lower != "-" && t[k].lower != "'") return -1;
  }
  return -1;
}

// A new phrase or clause starts at token i: a relative pronoun ("who", "which", "that"), or
// a conjunction followed by a determiner ("and the ...", "or a ..."). Slots and gaps stop there.
bool StartsPhrase(const std::vector<Token>& t, size_t i) {
  if (!t[i].word) return false;
  const std::string_view w = t[i].lower;
  if (w == "who" || w == "which" || w == "that" || w == "whose" || w == "while" || w == "because") return true;
  if ((w == "and" || w == "or" || w == "but") && i + 1 < t.size() && t[i + 1].word) {
    const std::string_view d = t[i + 1].lower;
    return d == "the" || d == "a" || d == "an" || d == "its" || d == "their" || d == "his" || d == "her" ||
           d == "this" || d == "these" || d == "those";
  }
  return false;
}

bool WordMatches(const Element& e, std::string_view word) {
  for (const auto& alt : e.words) {
    if (!alt.empty() && alt.back() == '*') {
      if (word.compare(0, alt.size() - 1, std::string_view(alt), 0, alt.size() - 1) == 0 &&
          word.size() >= alt.size() - 1)
        return true;
    } else if (alt == word) {
      return true;
    }
  }
  return false;
}

// First actor starting in [begin, end) (and ending by `limit`).
const code::ActorMention* FirstActorIn(const std::vector<code::ActorMention>& actors, int32_t begin, int32_t end,
                                       int32_t limit) {
  const code::ActorMention* best = nullptr;
  for (const auto& a : actors) {
    if (a.code.empty() || a.span.empty()) continue;
    if (a.span.begin >= begin && a.span.begin < end && a.span.end <= limit &&
        (!best || a.span.begin < best->span.begin))
      best = &a;
  }
  return best;
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
}

// Index of the trigger word: 0, or after a leading slot (and its "...").
size_t TriggerIndex(const Frame& f) {
  size_t i = 0;
  if (i < f.elements.size() && f.elements[i].kind == Element::Kind::kSlot) ++i;
  if (i < f.elements.size() && f.elements[i].kind == Element::Kind::kGap) ++i;
  return i;
}

Status LineError(const std::string& file, int line, const std::string& what, std::string_view entry) {
  return Status::Error(file + ":" + std::to_string(line) + ": " + what + ": '" + std::string(entry) + "'");
}

}  // namespace

void FrameSet::IndexTriggers() {
  by_trigger_.clear();
  prefix_triggers_.clear();
  trigger_slots_.reset();
  prefix_first_bytes_.reset();
  prefix_pairs_.reset();
  empty_prefix_ = false;
  for (uint32_t i = 0; i < frames_.size(); ++i)
    for (const auto& alt : frames_[i].elements[TriggerIndex(frames_[i])].words) {
      if (!alt.empty() && alt.back() == '*') {
        prefix_triggers_.emplace_back(alt.substr(0, alt.size() - 1), i);
        if (alt.size() == 1) empty_prefix_ = true;
        else if (alt.size() == 2) prefix_first_bytes_.set(static_cast<unsigned char>(alt[0]));
        else prefix_pairs_.set(PairOf(alt));
      } else {
        by_trigger_[alt].push_back(i);
        trigger_slots_.set(TriggerSlot(alt));
      }
    }
}

void FrameSet::Triggered(std::string_view word, std::vector<uint32_t>* out) const {
  out->clear();
  // (No trigger word has this slot and no prefix starts with its first bytes: nothing matches.)
  if (!MayTrigger(word)) return;
  if (auto it = by_trigger_.find(word); it != by_trigger_.end()) *out = it->second;
  for (const auto& [prefix, i] : prefix_triggers_)
    if (word.compare(0, prefix.size(), prefix) == 0) out->push_back(i);
  if (!prefix_triggers_.empty()) {
    std::sort(out->begin(), out->end());
    out->erase(std::unique(out->begin(), out->end()), out->end());
  }
}

Status FrameSet::Load(const std::string& path, FrameSet* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(path + ":0: cannot open frames file: '" + path + "'");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return Parse(buffer.str(), path, out);
}

Status FrameSet::Parse(std::string_view content, const std::string& file, FrameSet* out) {
  FrameSet set;
  int line_no = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view raw = content.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    const std::string line = Trim(raw);
    if (line.empty() || line[0] == '#') continue;
    const size_t tab1 = line.find('\t');
    if (tab1 == std::string::npos) return LineError(file, line_no, "expected code<TAB>pattern", line);
    const std::string code = Trim(std::string_view(line).substr(0, tab1));
    size_t tab2 = line.find('\t', tab1 + 1);
    const std::string pattern =
        Trim(std::string_view(line).substr(tab1 + 1, tab2 == std::string::npos ? std::string::npos : tab2 - tab1 - 1));
    if (code.size() < 2 || code.size() > 4 ||
        !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return LineError(file, line_no, "CAMEO code must be 2 to 4 digits", code);
    Frame frame;
    frame.code = code;
    frame.pattern = PatternRef{file, line_no, line};
    std::istringstream words(pattern);
    std::string item;
    bool seen_s = false, seen_t = false;
    while (words >> item) {
      Element e;
      if (item == "...") {
        const bool after_lead = frame.elements.size() == 1 && frame.elements[0].kind == Element::Kind::kSlot;
        if (frame.elements.empty() || (frame.elements.back().kind != Element::Kind::kWord && !after_lead))
          return LineError(file, line_no, "'...' must follow a word or a leading slot", item);
        e.kind = Element::Kind::kGap;
      } else if (item.size() >= 3 && item.front() == '{' && item.back() == '}') {
        const std::string inner = item.substr(1, item.size() - 2);
        if (inner != "S" && inner != "T" && inner != "S?" && inner != "T?")
          return LineError(file, line_no, "slot must be {S}, {T}, {S?} or {T?}", item);
        e.kind = Element::Kind::kSlot;
        e.role = inner[0];
        e.optional = inner.size() == 2;
        bool& seen = e.role == 'S' ? seen_s : seen_t;
        if (seen) return LineError(file, line_no, "slot used twice", item);
        seen = true;
        if (!frame.elements.empty() && frame.elements.back().kind != Element::Kind::kWord)
          return LineError(file, line_no, "a slot must follow a word", item);
      } else {
        size_t start = 0;
        while (start <= item.size()) {
          size_t bar = item.find('|', start);
          if (bar == std::string::npos) bar = item.size();
          std::string alt = item.substr(start, bar - start);
          const bool prefix = !alt.empty() && alt.back() == '*';
          const std::string body = prefix ? alt.substr(0, alt.size() - 1) : alt;
          if (body.empty() || !std::all_of(body.begin(), body.end(), [](char c) {
                return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
              }))
            return LineError(file, line_no, "a word must be lower-case letters/digits (optional trailing *)", item);
          e.words.push_back(alt);
          start = bar + 1;
        }
      }
      frame.elements.push_back(std::move(e));
    }
    if (frame.elements.empty()) return LineError(file, line_no, "empty pattern", line);
    const size_t trigger = TriggerIndex(frame);
    if (trigger >= frame.elements.size() || frame.elements[trigger].kind != Element::Kind::kWord)
      return LineError(file, line_no, "pattern must start with a trigger word (after at most one slot)", pattern);
    if (frame.elements.back().kind == Element::Kind::kGap)
      return LineError(file, line_no, "'...' cannot end a pattern", pattern);
    // (A frame with {T} alone states an act whose actor the text does not name: "North Korean
    // soldiers were killed" -- the event has no source.)
    if (!seen_s && !seen_t) return LineError(file, line_no, "pattern has no actor slot {S} or {T}", pattern);
    frame.has_source_slot = seen_s;
    set.frames_.push_back(std::move(frame));
  }
  set.IndexTriggers();
  *out = std::move(set);
  return Status::Ok();
}

void FrameSet::Extend(std::string_view sentence, Date date, const code::Coder& coder,
                      std::vector<code::CodedEvent>* events) const {
  if (frames_.empty()) return;
  // Only look for actors when some trigger word occurs (FindActors is the costly part).
  thread_local std::string lowered;
  thread_local std::vector<Token> tokens;
  Tokenize(sentence, &lowered, &tokens);
  bool any = false;
  std::vector<uint32_t> triggered;
  for (const auto& t : tokens) {
    if (!t.word) continue;
    Triggered(t.lower, &triggered);
    if (!triggered.empty()) {
      any = true;
      break;
    }
  }
  if (!any) return;
  ExtendWithActors(sentence, date, coder.FindActors(sentence, date), events);
}

// Scare quotes around one to three words ("took part in the \"liberation\" of Kursk") mark a
// word as someone else's, not a clause: they are dropped so the frame reads across them.
static void DropScareQuotes(std::vector<Token>* tokens) {
  auto quote = [&](size_t i) { return !(*tokens)[i].word && (*tokens)[i].lower == "\""; };
  bool any = false;
  for (size_t i = 0; i < tokens->size() && !any; ++i) any = quote(i);
  if (!any) return;  // most sentences quote nothing
  std::vector<bool> drop(tokens->size(), false);
  for (size_t i = 0; i < tokens->size(); ++i) {
    if (!quote(i)) continue;
    size_t j = i + 1;
    while (j < tokens->size() && j <= i + 4 && ((*tokens)[j].word || (*tokens)[j].lower == "-")) ++j;
    if (j > i + 1 && j < tokens->size() && j <= i + 4 && quote(j)) {
      drop[i] = drop[j] = true;
      i = j;
    }
  }
  size_t out = 0;
  for (size_t i = 0; i < tokens->size(); ++i)
    if (!drop[i]) (*tokens)[out++] = std::move((*tokens)[i]);
  tokens->resize(out);
}

void FrameSet::ExtendWithActors(std::string_view sentence, Date date, const std::vector<code::ActorMention>& actors,
                                std::vector<code::CodedEvent>* events) const {
  thread_local std::string lowered;
  thread_local std::vector<Token> tokens;
  Tokenize(sentence, &lowered, &tokens);
  DropScareQuotes(&tokens);
  const int32_t n = static_cast<int32_t>(tokens.size());
  const int32_t sentence_end = static_cast<int32_t>(sentence.size());
  const size_t coder_count = events->size();
  // (Kept by the thread with the tokens: no allocation per sentence once warm.)
  thread_local std::vector<bool> used;
  used.assign(tokens.size(), false);

  thread_local std::vector<uint32_t> triggered;
  for (int32_t ti = 0; ti < n; ++ti) {
    if (!tokens[ti].word || !MayTrigger(tokens[ti].lower)) continue;
    Triggered(tokens[ti].lower, &triggered);
    if (triggered.empty()) continue;
    // "used to" before a verb is a purpose or a habit, not the use of what follows ("infrastructure
    // used to transfer Iranian weapons", "routes once used to smuggle drones").
    if (tokens[ti].lower == "used" && ti + 1 < n && tokens[ti + 1].lower == "to") continue;
    // The coder already coded this word as a verb: leave it alone.
    bool covered = false;
    for (size_t k = 0; k < coder_count; ++k) {
      const auto& v = (*events)[k].verb_span;
      if (!v.empty() && v.begin < tokens[ti].end && tokens[ti].begin < v.end) covered = true;
    }
    if (covered) continue;
    // The content of a coded appeal, intent, demand or threat ("demanded the withdrawal of
    // A from B") has not happened: the coder's event already stands for it.
    bool wished = false;
    for (size_t k = 0; k < coder_count && !wished; ++k) {
      const auto& ev = (*events)[k];
      // (The root read from the code's first two bytes: no string built per trigger and event.)
      const std::string& code = ev.code;
      const bool wishing_root = code.size() >= 2 && ((code[0] == '0' && (code[1] == '2' || code[1] == '3')) ||
                                                     (code[0] == '1' && (code[1] == '0' || code[1] == '3')));
      if (ev.verb_span.empty() || ev.verb_span.end > tokens[ti].begin || !wishing_root) continue;
      int words = 0;
      bool crossed = false;
      for (int32_t j = ti - 1; j >= 0 && tokens[j].begin >= ev.verb_span.end; --j) {
        if (tokens[j].word) ++words;
        crossed = crossed || IsBoundary(tokens[j], false);
      }
      wished = !crossed && words <= kGapWords;
    }
    if (wished) continue;
    // "no sign of an attack", "not a deployment": frames do not code negated nominals. A negated
    // verb ("did not take part in the fighting", "would never fight in the war") is coded: its
    // modality (enrich) says it is negated, and a denial of taking part is evidence too.
    bool negated = false;
    for (int32_t j = ti - 1, words = 0; j >= 0 && words < kNegationWords && !IsBoundary(tokens[j], true); --j) {
      if (!tokens[j].word) continue;
      ++words;
      const std::string_view w = tokens[j].lower;
      // The negation right before the trigger, after an auxiliary ("did not", "would not", "has
      // never"), negates a finite verb. ("Countries not taking part in the war" describes them.)
      static const WordList kAuxiliaries = {
          "did", "do", "does", "would", "will", "has", "have", "had", "could", "should", "can", "may", "might"};
      const bool verbal = words == 1 && j >= 1 &&
                          (kAuxiliaries.count(tokens[j - 1].lower) > 0 || (w == "t" && j >= 2) ||
                           (w == "never" && j >= 1));
      negated = negated || w == "no" || w == "without" || w == "nor" ||
                (!verbal && (w == "not" || w == "never" ||
                             (w == "t" && j >= 2 && tokens[j - 1].lower == "'" && tokens[j - 2].lower.ends_with("n"))));
    }
    if (negated) continue;
    for (const uint32_t frame_index : triggered) {
      const Frame& f = frames_[frame_index];
      if (used[ti]) break;
      const size_t trig = TriggerIndex(f);
      const code::ActorMention* source = nullptr;
      const code::ActorMention* target = nullptr;
      auto assign = [&](char role, const code::ActorMention* a) { (role == 'S' ? source : target) = a; };
      bool ok = true;
      if (trig > 0) {  // leading slot: the last actor ending before the trigger, same clause
        const int lead = trig == 2 ? kLeadWords : kNearWords;
        int32_t from = ti, words = 0;
        // (Auxiliaries and negation take no room: "Belarusian soldiers did not fight in the war".)
        static const WordList kVerbGroup = {
            "did", "do", "does", "not", "never", "has", "have", "had", "would", "will", "could", "should",
            "may", "might", "can", "also", "still", "t", "didn", "doesn", "don", "hasn", "haven", "wouldn", "won"};
        while (from > 0 && words < lead && !IsBoundary(tokens[from - 1], false)) {
          --from;
          if (tokens[from].word && !(trig == 1 && kVerbGroup.count(tokens[from].lower))) ++words;
        }
        const code::ActorMention* best = nullptr;
        // ("... intercepted a dhow, which was carrying Iranian weapons": a relative clause's subject
        // is the noun before its pronoun, so an actor further back is not it; "Belarus, which
        // carried Russian fuel" keeps the actor right before the pronoun.)
        int32_t antecedent_begin = -1;
        const int32_t relative = trig == 2 ? RelativePronounBefore(tokens, from, ti, &antecedent_begin) : -1;
        for (const auto& a : actors) {
          if (a.code.empty() || a.span.empty()) continue;
          if (a.span.begin < tokens[from].begin || a.span.end > tokens[ti].begin) continue;
          if (best && a.span.begin <= best->span.begin) continue;
          // ("20 Belarusians serving in Ukraine were killed": a place after a preposition is no
          // subject of what an actor-less frame states.)
          if (!f.has_source_slot && AfterPlacePreposition(tokens, from, a.span.begin)) continue;
          // (Nor the object of "under", "despite", "against" ...: "two officers placed under EU
          // sanctions denied the charges" is no denial by the EU.)
          // (A modifier right before the trigger noun still names its owner: "an exemption from the EU
          // embargo on Russian oil" is the EU's embargo.)
          if (AfterObjectPreposition(tokens, from, a.span.begin) &&
              (trig == 2 || SkipToWord(tokens, a.span.end) != tokens[ti].begin))
            continue;
          // ("Russia attacked Odesa using Iranian drones": the object of a verb the coder coded
          // before the trigger is not the subject a distant trigger wants -- unless an infinitive
          // follows it, whose subject it is: "allowed Russia to launch attacks".)
          if (trig == 2 && IsCodedObject(*events, coder_count, a.span) && !BeforeInfinitive(tokens, a.span.end)) continue;
          if (trig == 2 && tokens[ti].lower.ends_with("ing") &&
              CodedVerbBetween(*events, coder_count, a.span.end, tokens[ti].begin))
            continue;
          if (relative >= 0 && tokens[relative].begin >= a.span.end && antecedent_begin >= a.span.end) continue;
          // (Nor an actor inside a "who" clause on the subject, whose main verb follows it: "Belarusian
          // volunteers who had joined the Ukrainian army suffered heavy losses in ...".)
          if (trig == 2 && InsideSubjectRelative(tokens, from, a.span, ti)) continue;
          best = &a;
        }
        // "{S} trigger" wants the actor as a modifier of the trigger noun ("Russia's
        // deployment", "the Russian military buildup"): no determiner or past form between
        // ("NATO condemned the deployment" is not NATO's deployment).
        if (best && trig == 1) {
          // (Nor a verb the coder coded: "Britain froze aid to Rwanda" is no British aid.)
          for (size_t k = 0; k < coder_count && best; ++k) {
            const auto& v = (*events)[k].verb_span;
            if (!v.empty() && v.begin >= best->span.end && v.end <= tokens[ti].begin) best = nullptr;
          }
          for (int32_t j = from; j < ti && best; ++j) {
            if (!tokens[j].word || tokens[j].begin < best->span.end) continue;
            const std::string_view w = tokens[j].lower;
            // (Nor a preposition: "sanctions on Iranian officials over drone transfers to B" are no
            // Iranian transfers.)
            // (An -ed form right after the actor's possessive modifies the noun: "Russia's
            // continued attacks".)
            const bool modifier = w.ends_with("ed") && j >= 1 && tokens[j - 1].lower == "s";
            if (w == "the" || w == "a" || w == "an" || w == "this" || w == "that" || w == "these" ||
                w == "those" || w == "its" || w == "their" || (w.ends_with("ed") && !modifier) || w == "over" ||
                w == "about" || IsPreposition(w))
              best = nullptr;
          }
        }
        // An actor phrase may end with the trigger noun itself when the dictionary names the whole
        // phrase ("Russian troops are in Belarus": "Russian" + "troops are in B"), when no actor
        // before the trigger is there to take. (A phrase resolved from the sentences before, "the
        // deployment", is no such name.)
        if (!best && trig == 1)
          for (const auto& a : actors)
            if (!a.code.empty() && a.ref.empty() && a.span.end == tokens[ti].end && a.span.begin < tokens[ti].begin &&
                a.span.begin >= tokens[from].begin)
              best = &a;
        if (!best && !f.elements[0].optional) continue;
        assign(f.elements[0].role, best);
      }
      int32_t p = ti + 1;     // next token to look at
      int allow = 0;          // words that may pass before the next literal
      const Element* pending = nullptr;  // a slot waiting for its right edge
      for (size_t ei = trig + 1; ei < f.elements.size() && ok; ++ei) {
        const Element& e = f.elements[ei];
        if (e.kind == Element::Kind::kGap) { allow = kGapWords; continue; }
        if (e.kind == Element::Kind::kSlot) { pending = &e; allow = kSlotWords; continue; }
        // A literal word: find it within `allow` words, in the same clause.
        int32_t j = p, skipped = 0, found = -1;
        while (j < n) {
          if (tokens[j].word) {
            if (WordMatches(e, tokens[j].lower)) { found = j; break; }
            if (++skipped > allow || StartsPhrase(tokens, static_cast<size_t>(j))) break;
          } else if (allow == kGapWords && tokens[j].lower == ",") {
            // A gap passes over an apposition between commas ("an Iranian frigate, the Alborz,
            // sailed into the Red Sea"); any other comma ends it.
            const int32_t close = AppositionEnd(tokens, sentence, j);
            if (close < 0) break;
            j = close;
          } else if (IsBoundary(tokens[j], true) ||
                     (allow == 0 && tokens[j].lower != "-" && tokens[j].lower != "'")) {
            break;  // clause ends, or adjacent literals are split by punctuation
          }
          ++j;
        }
        if (found < 0) { ok = false; break; }
        if (pending) {
          const int32_t rb = p < n ? tokens[p].begin : sentence_end;
          const code::ActorMention* a = FirstActorIn(actors, rb, tokens[found].begin, tokens[found].begin);
          // A preposition after the slot closes the actor's noun phrase ("of Russian tactical nuclear
          // weapons in"), never a clause: "deliveries of drones to Russia were condemned by Ukraine"
          // does not fill "to {T} by {S}".
          if (a && IsPreposition(tokens[found].lower)) {
            // (... nor a verb of reaction: "North Korea's shipment of shells to Russia drew
            // condemnation from Seoul" has no supply from Seoul.)
            static const std::set<std::string, std::less<>> kVerbal = {
                "is",    "are",    "was",   "were",  "be",    "been",   "has",  "have",  "had",  "will",
                "would", "did",    "drew",  "draws", "draw",  "brought", "brings", "won", "wins", "met",
                "meets", "took",   "takes", "made",  "makes", "gave",   "gives", "faces", "sparks", "prompts",
                "angers", "raises"};
            for (int32_t k = p; k < found && a; ++k)
              if (tokens[k].word && tokens[k].begin >= a->span.end &&
                  (kVerbal.count(tokens[k].lower) || tokens[k].lower.ends_with("ed")))
                a = nullptr;
          }
          if (!a && !pending->optional) { ok = false; break; }
          assign(pending->role, a);
          pending = nullptr;
        }
        p = found + 1;
        allow = 0;
      }
      if (!ok) continue;
      if (pending) {  // trailing slot: up to kSlotWords words, to the end of the clause
        int32_t j = p, words = 0;
        // (An origin ends it: "strikes on shipping from inside Yemen" name no target in Yemen. A
        // destination ends a source's slot: "the deployment of a unit of 500 soldiers to eastern
        // Congo" names no Congolese deployment; a target may follow "to": "made its territory
        // available to Russia".)
        auto ends_slot = [&](int32_t k) {
          const std::string_view t = tokens[k].lower;
          return k > p && (t == "from" || (pending->role == 'S' && (t == "to" || t == "into" || t == "towards")));
        };
        while (j < n && words < kSlotWords && !IsBoundary(tokens[j], true) &&
               !StartsPhrase(tokens, static_cast<size_t>(j)) && !ends_slot(j)) {
          if (tokens[j].word) ++words;
          ++j;
        }
        const int32_t rb = p < n ? tokens[p].begin : sentence_end;
        const int32_t re = j < n ? tokens[j].begin : sentence_end;
        const code::ActorMention* a = FirstActorIn(actors, rb, re, sentence_end);
        // A time right after the preposition is no place ("were reported in 2023 to be behind
        // strikes on B", "stayed on 5 March"): the actor further on is not where they are.
        static const WordList kPlaceBefore = {"in", "inside", "near", "around", "at", "on", "outside"};
        if (a && p < n && p > 0 && kPlaceBefore.count(tokens[p - 1].lower) && StartsTime(tokens, p)) a = nullptr;
        if (!a && !pending->optional) continue;
        assign(pending->role, a);
      }
      if (!source && !target) continue;
      if (!source && f.has_source_slot) continue;
      // "took part in Russia's assault on Sudzha": the operation's owner, named as a possessor
      // between the trigger and the target, is the one the source joins; a place of the owner's
      // own country is no enemy (the coder reads joining another's offensive).
      if (target && target->code.size() >= 3) {
        bool owners_place = false;
        for (const auto& a : actors)
          if (a.span.begin > tokens[ti].begin && a.span.end <= target->span.begin && a.text.ends_with("'s") &&
              a.code.compare(0, 3, target->code, 0, 3) == 0)
            owners_place = true;
        if (owners_place) continue;
      }
      // An act whose actor is not named takes, as the coder's agentless passives do (PLOVER's
      // convention for unidentified perpetrators), the country of the place where it happened:
      // "three US servicemen were killed outside the Iraqi city of Basra".
      if (!source) {
        for (int32_t k = p; k < n && !source && !IsBoundary(tokens[k], true); ++k) {
          const std::string_view w = tokens[k].lower;
          if (w != "in" && w != "near" && w != "at" && w != "outside") continue;
          int32_t last = k;
          for (int words = 0; last + 1 < n && words < 5 && !IsBoundary(tokens[last + 1], true); ++last)
            if (tokens[last + 1].word) ++words;
          source = FirstActorIn(actors, tokens[k].end, tokens[last].end, tokens[last].end);
        }
        if (source && target && source->code == target->code) source = nullptr;
        // (The coder's own reading of the act, "killed by an improvised explosive device" as a
        // bombing, already stands for it.)
        bool coded = false;
        for (const auto& ev : *events)
          coded = coded || (target && ev.target == target->code && ev.code >= "18" && ev.code < "21");
        if (coded) continue;
        // Only armed forces: a war's casualties. (Civilians, journalists or officials killed by
        // no one named are the coder's to read: "an anti-Syria journalist was killed in Beirut".)
        static const std::set<std::string> kArmed = {"MIL", "SPY", "UAF", "REB", "INS"};
        bool armed = false;
        for (size_t r = 3; target && r + 3 <= target->code.size(); r += 3) armed = armed || kArmed.count(target->code.substr(r, 3)) > 0;
        if (!armed) continue;
      }
      if (source && target && target->code == source->code) continue;  // self-pairs say nothing
      bool duplicate = false;
      for (const auto& ev : *events) {
        // (A frame naming no target repeats any event of the same source and root: "came under
        // attack from M23" is already M23's attack on the convoy.)
        if (ev.source == (source ? source->code : std::string()) && (!target || ev.target == target->code) &&
            ev.code.compare(0, 2, f.code, 0, 2) == 0)
          duplicate = true;
      }
      used[ti] = true;
      if (duplicate) break;
      code::CodedEvent ev;
      if (source) {
        ev.source = source->code;
        ev.source_text = source->text;
        ev.source_span = source->span;
        ev.source_ref = source->ref;  // antecedent when resolved across sentences (docs/coreference.md)
      }
      if (target) {
        ev.target = target->code;
        ev.target_text = target->text;
        ev.target_span = target->span;
        ev.target_ref = target->ref;
      }
      ev.code = f.code;
      ev.verb_text = std::string(sentence.substr(tokens[ti].begin, tokens[ti].end - tokens[ti].begin));
      ev.verb_span = {tokens[ti].begin, tokens[ti].end};
      ev.pattern = f.pattern;
      ev.date = date;
      // A leading source joined by "and" to another modifier is both's act: "the American and
      // British air strikes on Sanaa" are American strikes too.
      const code::ActorMention* partner = nullptr;
      if (source && trig > 0 && f.elements[0].role == 'S') {
        int32_t k = 0;
        while (k < n && tokens[k].begin < source->span.begin) ++k;
        if (k >= 2 && k < n && tokens[k].begin == source->span.begin && tokens[k - 1].lower == "and")
          for (const auto& a : actors)
            if (!a.code.empty() && a.span.end == tokens[k - 2].end && a.code != source->code &&
                (!target || a.code != target->code))
              partner = &a;
      }
      code::CodedEvent both;
      if (partner) {
        both = ev;
        both.source = partner->code;
        both.source_text = partner->text;
        both.source_span = partner->span;
        both.source_ref = partner->ref;
      }
      events->push_back(std::move(ev));
      if (partner) events->push_back(std::move(both));
    }
  }
}

}  // namespace dyad::frames
