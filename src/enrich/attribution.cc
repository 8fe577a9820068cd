#include "enrich/attribution.h"

#include <algorithm>
#include <bit>
#include <cctype>

namespace dyad::enrich {
namespace {

// A post-posed report's speaker between its comma and its verb, in tokens: a name with a title
// and a body ("..., the Central Military Commission of the Workers' Party said").
constexpr int kPostposedSpeakerTokens = 12;

bool EndsWithNt(std::string_view w) { return w.size() > 3 && w.compare(w.size() - 3, 3, "n't") == 0; }

// Tokens that end a clause for the purpose of cue scope.
// (At namespace scope, not a function's static: IsClauseBoundary, asked of most tokens, has no
// guard to test and is inlined.)
const WordSet kClauseBoundaries = {",",       ";",       ":",      ".",    "(",       ")",        "!",
                                   "?",       "\"",      "and",    "but",  "that",    "which",    "who",
                                   "whom",    "because", "while",  "when", "whether", "although", "though",
                                   "whereas", "after",   "before", "since"};
inline bool IsClauseBoundary(const Token& t) { return kClauseBoundaries.count(t.lower) > 0; }
const WordSet kAuxiliaries = {"is",   "are", "was",  "were",  "be",   "been", "has",
                                            "have", "had", "will", "would", "does", "did",  "do"};

[[gnu::always_inline]] inline bool IsHardBoundary(const Token& t) { return t.lower == ";" || t.lower == ":" || t.lower == "." || t.lower == "?"; }

// The first token of the clause window ending before `verb_first`: at most
// `width` tokens back, stopping after a clause boundary.
int WindowStart(const std::vector<Token>& tokens, int verb_first, int width) {
  int start = verb_first;
  for (int k = verb_first - 1; k >= 0 && k >= verb_first - width; --k) {
    if (IsClauseBoundary(tokens[k])) break;
    start = k;
  }
  return start;
}

// A cue ending at or before verb_first and starting at or after `start`.
bool CueIn(const std::vector<Cue>& cues, int start, int verb_first) {
  for (const Cue& c : cues) {
    if (c.first >= start && c.last <= verb_first) return true;
  }
  return false;
}

// A token where a phrase of some cue list may start, and its filter slot (Token::filter_slot).
struct CueCandidate {
  uint32_t at;
  uint16_t slot;
};

// `candidates`: the tokens where some phrase may start, in order (no phrase starts at the others).
void FindAll(const std::vector<Token>& tokens, const std::vector<CueCandidate>& candidates, const PhraseSet& phrases,
             std::vector<Cue>* out, const std::vector<Cue>* exclude = nullptr) {
  size_t from = 0;  // the first token after the last phrase found
  const WordFilter& first_words = phrases.first_words();
  for (const CueCandidate& candidate : candidates) {
    const size_t i = candidate.at;
    // (The list's own filter on the slot kept here: most candidates start none of this list's
    // phrases, and each of the some twenty lists is read through them.)
    if (i < from || !first_words.MayContainSlot(candidate.slot)) continue;
    const size_t length = phrases.LongestAt(tokens, i);
    if (length == 0) continue;
    const size_t best = i + length;
    bool excluded = false;
    if (exclude) {
      for (const Cue& c : *exclude) {
        if (static_cast<int>(i) < c.last && static_cast<int>(best) > c.first) excluded = true;
      }
    }
    if (!excluded) out->push_back(Cue{static_cast<int>(i), static_cast<int>(best)});
    from = best;
  }
}

bool IsAdverb(const Token& t) {
  static const WordSet kAdverbs = {"also",  "still", "even", "again", "already", "now",
                                                 "often", "then",  "once", "later", "earlier", "previously"};
  return kAdverbs.count(t.lower) ||
         (t.lower.size() > 4 && t.lower.compare(t.lower.size() - 2, 2, "ly") == 0 && !t.capitalised);
}

std::string Slice(std::string_view sentence, const std::vector<Token>& tokens, int first, int last) {
  if (first >= last) return "";
  return std::string(sentence.substr(tokens[first].begin, tokens[last - 1].end - tokens[first].begin));
}

// The nearest actor mention inside [lo, hi), preferring the one that ends last.
const TokenMention* NearestBefore(const std::vector<TokenMention>& mentions, int lo, int hi) {
  const TokenMention* best = nullptr;
  for (const TokenMention& m : mentions) {
    if (m.first >= lo && m.last <= hi && (!best || m.last > best->last)) best = &m;
  }
  return best;
}
// The subject among the mentions in [lo, hi): the nearest, unless that one is the object of a
// preposition of posting or place and another mention comes before it: "the UAE's envoy to the UN
// said" is the UAE's envoy speaking; "a report by UN experts said" keeps the experts.
const TokenMention* SubjectBefore(const std::vector<TokenMention>& mentions, const std::vector<Token>& tokens,
                                  int lo, int hi) {
  static const WordSet kPosting = {"to", "at", "in", "for", "with", "on"};
  const TokenMention* nearest = NearestBefore(mentions, lo, hi);
  if (!nearest) return nullptr;
  int before = nearest->first - 1;
  if (before >= lo && tokens[before].lower == "the") --before;
  if (before < lo || !kPosting.count(tokens[before].lower)) return nearest;
  const TokenMention* earlier = NearestBefore(mentions, lo, before);
  return earlier ? earlier : nearest;
}
const TokenMention* FirstAfter(const std::vector<TokenMention>& mentions, int lo, int hi) {
  const TokenMention* best = nullptr;
  for (const TokenMention& m : mentions) {
    if (m.first >= lo && m.first < hi && (!best || m.first < best->first)) best = &m;
  }
  return best;
}

// An actor the coder's dictionaries know keeps its code, even when its head noun
// is vague ("Ukrainian officials").
Attribution FromMention(const TokenMention& m) { return Attribution{m.mention->code, m.mention->text}; }

// The words naming a speaker just before token `end` (back to a boundary, at most
// five words, adverbs skipped): "independent analysts" in "... and independent
// analysts regularly warn".
Attribution SpeakerWordsBefore(std::string_view sentence, const std::vector<Token>& tokens, int lo, int end) {
  int last = end;
  while (last - 1 >= lo && IsAdverb(tokens[last - 1])) --last;
  int first = last;
  while (first - 1 >= lo && first > last - 5 && (tokens[first - 1].word || tokens[first - 1].text == "'s") &&
         !IsClauseBoundary(tokens[first - 1]) && tokens[first - 1].lower != "of" && tokens[first - 1].lower != "from") {
    --first;
  }
  // Drop a leading determiner.
  while (first < last && (tokens[first].lower == "the" || tokens[first].lower == "a" || tokens[first].lower == "an")) {
    ++first;
  }
  if (first >= last) return {};
  return Attribution{"", Slice(sentence, tokens, first, last)};
}

// Words naming a speaker from token `begin` on, to a boundary (at most six words).
Attribution SpeakerWordsAfter(std::string_view sentence, const std::vector<Token>& tokens, int begin) {
  int last = begin;
  while (last < static_cast<int>(tokens.size()) && last < begin + 6 && !IsClauseBoundary(tokens[last]) &&
         tokens[last].lower != "-") {
    ++last;
  }
  if (last == begin) return {};
  return Attribution{"", Slice(sentence, tokens, begin, last)};
}

// A word that can follow a clause's subject as its verb: an auxiliary or modal, a past form in
// "-ed" or a common irregular one. ("it was", "it had", "it knew", "it supplied"; not "it again".)
bool OpensWithVerb(const Token& t) {
  static const WordSet kVerbs = {"is",    "was",   "were",  "are",  "has",   "had",   "have",   "would", "will",
                                 "could", "can",   "should", "must", "might", "may",   "did",    "does",  "knew",
                                 "knows", "sent",  "saw",   "sees", "took",  "gave",  "remains", "wants", "needs",
                                 "hopes", "expects", "opposes", "supports", "respects", "complies", "follows"};
  const std::string_view w = t.lower;
  return t.word && (kVerbs.count(w) > 0 || (w.size() > 3 && w.ends_with("ed")));
}

bool IsGerund(const Token& t) {
  return t.word && !t.capitalised && t.lower.size() > 4 && t.lower.compare(t.lower.size() - 3, 3, "ing") == 0;
}

// The first word of the reason after the "for" at `for_at` (`end` bounds it): the next word, or the
// one after "its/their part/role in" ("sanctioned the firm for its role in supplying ...").
int ReasonStart(const std::vector<Token>& tokens, int for_at, int end) {
  static const WordSet kOwn = {"its", "their", "his", "her"};
  static const WordSet kPart = {"part", "role"};
  int at = for_at + 1;
  if (at + 3 < end && kOwn.count(tokens[at].lower) && kPart.count(tokens[at + 1].lower) && tokens[at + 2].lower == "in")
    at += 3;
  return at;
}

bool IsAccusation(const Token& verb) {
  return verb.lower == "accused" || verb.lower == "accuses" || verb.lower == "accuse" || verb.lower == "accusing";
}

// A post-posed report ("C, X said.") closes the sentence: a few words may follow ("on Tuesday"),
// but not a clause of its own ("..., Rwanda denied sending troops", "..., Kyiv said that ...") or
// what an accusation is "of" ("After fighting broke out, the UAE stands accused of ...").
bool ClosesSentence(const std::vector<Token>& tokens, const Cue& r) {
  const int n = static_cast<int>(tokens.size());
  // (Up to a comma: "..., Zelensky wrote on 11 January, posting photographs of the men.")
  int rest = 0;
  for (int k = r.last; k < n && !IsHardBoundary(tokens[k]) && tokens[k].lower != ","; ++k) ++rest;
  if (rest > 8) return false;
  if (r.last >= n) return true;
  const Token& next = tokens[r.last];
  if (next.lower == "that" || IsGerund(next)) return false;
  return !(IsAccusation(tokens[r.first]) && next.lower == "of");
}

}  // namespace

Status CueLexicon::LoadAttribution(const std::string& path) {
  std::vector<TsvRow> rows;
  if (Status s = ReadTsv(path, 2, &rows); !s.ok()) return s;
  for (const TsvRow& row : rows) {
    const std::string& kind = row.cols[0];
    Phrase words = SplitWords(row.cols[1]);
    if (words.empty()) return Status::Error(path + ":" + std::to_string(row.line) + ": empty phrase: '" + kind + "'");
    if (kind == "verb") {
      report_verbs.Add(words);
    } else if (kind == "source") {
      sources.Add(words);
    } else if (kind == "vague") {
      vague.Add(words);
    } else if (kind == "reason") {
      reason_verbs.Add(words);
    } else {
      return Status::Error(path + ":" + std::to_string(row.line) + ": unknown kind: '" + kind + "'");
    }
  }
  IndexFirstWords();
  return Status::Ok();
}

Status CueLexicon::LoadModality(const std::string& path) {
  std::vector<TsvRow> rows;
  if (Status s = ReadTsv(path, 2, &rows); !s.ok()) return s;
  for (const TsvRow& row : rows) {
    const std::string& kind = row.cols[0];
    Phrase words = SplitWords(row.cols[1]);
    if (words.empty()) return Status::Error(path + ":" + std::to_string(row.line) + ": empty phrase: '" + kind + "'");
    PhraseSet* list = kind == "negator"           ? &negators
                      : kind == "not_negator"     ? &not_negators
                      : kind == "neg_governor"    ? &neg_governors
                      : kind == "modal"           ? &modals
                      : kind == "neg_modal"       ? &neg_modals
                      : kind == "possibility"     ? &possibility
                      : kind == "conditional"     ? &conditionals
                      : kind == "conditional_np"  ? &conditionals_np
                      : kind == "not_conditional" ? &not_conditionals
                      : kind == "readiness"       ? &readiness
                      : kind == "warning"         ? &warnings
                      : kind == "subject_negator" ? &subject_negators
                      : kind == "appeal"          ? &appeals
                      : kind == "unconfirmed"     ? &unconfirmed
                                                  : nullptr;
    if (kind == "neg_gap" || kind == "past_form" || kind == "denial_verb" || kind == "charge_noun") {
      FilteredWordSet& set = kind == "neg_gap"       ? neg_gap
                             : kind == "past_form"   ? past_forms
                             : kind == "denial_verb" ? denial_verbs
                                                     : charge_nouns;
      for (const std::string& w : words) set.insert(w);
      continue;
    }
    if (kind == "conditional_np") conditionals.Add(words);  // a conditional too
    if (!list) return Status::Error(path + ":" + std::to_string(row.line) + ": unknown kind: '" + kind + "'");
    list->Add(words);
  }
  IndexFirstWords();
  return Status::Ok();
}

const std::array<PhraseSet CueLexicon::*, CueLexicon::kPhraseSetCount> CueLexicon::kPhraseSets = {
    &CueLexicon::report_verbs,     &CueLexicon::sources,    &CueLexicon::vague,
    &CueLexicon::reason_verbs,     &CueLexicon::negators,   &CueLexicon::not_negators,
    &CueLexicon::neg_governors,    &CueLexicon::modals,     &CueLexicon::neg_modals,
    &CueLexicon::possibility,      &CueLexicon::conditionals, &CueLexicon::warnings,
    &CueLexicon::conditionals_np,  &CueLexicon::not_conditionals, &CueLexicon::readiness,
    &CueLexicon::subject_negators, &CueLexicon::appeals,    &CueLexicon::unconfirmed};

void CueLexicon::IndexFirstWords() {
  first_words = WordFilter();
  for (PhraseSet CueLexicon::*set : kPhraseSets) first_words.AddAll((this->*set).first_words());
  sets_by_slot.assign(WordFilter::kSlotCount, 0);
  for (size_t slot = 0; slot < WordFilter::kSlotCount; ++slot)
    for (size_t k = 0; k < kPhraseSets.size(); ++k)
      if ((this->*kPhraseSets[k]).first_words().MayContainSlot(static_cast<uint16_t>(slot)))
        sets_by_slot[slot] |= uint32_t{1} << k;
}

void SentenceCues::Clear() {
  for (std::vector<Cue>* list : {&report_verbs, &sources, &vague, &reason_verbs, &negators, &neg_governors, &modals,
                                 &neg_modals, &possibility, &conditionals, &warnings, &conditionals_np, &readiness,
                                 &subject_negators, &appeals, &unconfirmed})
    list->clear();
}

SentenceCues FindCues(const CueLexicon& lex, const std::vector<Token>& tokens) {
  SentenceCues c;
  FindCues(lex, tokens, &c);
  return c;
}

void FindCues(const CueLexicon& lex, const std::vector<Token>& tokens, SentenceCues* out) {
  SentenceCues& c = *out;
  c.Clear();
  // For each phrase set, the tokens where one of its phrases may start (its own filter lets them
  // through): each set below reads only those. (Not indexed: every set reads every token the
  // lexicon's filter lets through, and FindAll asks the set's own filter.)
  thread_local std::array<std::vector<CueCandidate>, CueLexicon::kPhraseSetCount> candidates;
  for (std::vector<CueCandidate>& list : candidates) list.clear();
  const bool indexed = lex.sets_by_slot.size() == WordFilter::kSlotCount;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const uint16_t slot = tokens[i].filter_slot;
    if (!lex.first_words.MayContainSlot(slot)) continue;
    uint32_t sets = indexed ? lex.sets_by_slot[slot] : (uint32_t{1} << CueLexicon::kPhraseSetCount) - 1;
    for (; sets != 0; sets &= sets - 1)
      candidates[static_cast<size_t>(std::countr_zero(sets))].push_back({static_cast<uint32_t>(i), slot});
  }
  auto find_all = [&](CueLexicon::PhraseSetIndex set, std::vector<Cue>* out, const std::vector<Cue>* exclude = nullptr) {
    FindAll(tokens, candidates[set], lex.*CueLexicon::kPhraseSets[set], out, exclude);
  };
  find_all(CueLexicon::kVague, &c.vague);
  find_all(CueLexicon::kReportVerbs, &c.report_verbs, &c.vague);
  // "Beijing dismissed reports that ...": a denial whose object is a report is a reporting verb,
  // and its "reports that" names no vague source.
  // (The lists only read here are kept by the thread, as `candidates` is.)
  thread_local std::vector<Cue> denials, not_negators, not_conditionals;
  denials.clear(), not_negators.clear(), not_conditionals.clear();
  find_all(CueLexicon::kReportVerbs, &denials);
  for (const Cue& d : denials) {
    if (d.last - d.first < 2) continue;
    std::erase_if(c.vague, [&](const Cue& v) { return v.first < d.last && d.first < v.last; });
    c.report_verbs.push_back(d);
  }
  std::sort(c.report_verbs.begin(), c.report_verbs.end(), [](const Cue& a, const Cue& b) { return a.first < b.first; });
  c.report_verbs.erase(std::unique(c.report_verbs.begin(), c.report_verbs.end(),
                                   [](const Cue& a, const Cue& b) { return a.first == b.first && a.last == b.last; }),
                       c.report_verbs.end());
  // "A UN report estimated that ...", "the report published in July found ...": a plain form right
  // before a past verb is the subject's noun, no reporting verb.
  std::erase_if(c.report_verbs, [&](const Cue& r) {
    if (r.last - r.first != 1 || r.last >= static_cast<int>(tokens.size()) || r.first == 0) return false;
    const LowerWord& form = tokens[r.first].lower;
    const LowerWord& next = tokens[r.last].lower;
    const bool plain = !form.ends_with("ed") && !form.ends_with("ing") && !lex.past_forms.count(form);
    const bool past_next = tokens[r.last].word && (next.ends_with("ed") || lex.past_forms.count(next) > 0);
    return plain && past_next;
  });
  find_all(CueLexicon::kSources, &c.sources);
  find_all(CueLexicon::kReasonVerbs, &c.reason_verbs);
  find_all(CueLexicon::kNotNegators, &not_negators);
  find_all(CueLexicon::kNegators, &c.negators, &not_negators);
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (EndsWithNt(tokens[i].lower)) c.negators.push_back(Cue{static_cast<int>(i), static_cast<int>(i + 1)});
  }
  find_all(CueLexicon::kNegGovernors, &c.neg_governors);
  find_all(CueLexicon::kNegModals, &c.neg_modals);
  find_all(CueLexicon::kModals, &c.modals, &c.neg_modals);
  // "May 9" is a date and "the will of the people" a noun: not modals.
  std::erase_if(c.modals, [&](const Cue& m) {
    if (m.last - m.first != 1) return false;
    const size_t i = static_cast<size_t>(m.first);
    bool date = tokens[i].capitalised && i + 1 < tokens.size() && tokens[i + 1].value > 0;
    static const WordSet kDeterminers = {"the", "a", "an", "his", "her", "its", "their", "our", "'s"};
    bool noun = i > 0 && kDeterminers.count(tokens[i - 1].lower) > 0;
    return date || noun;
  });
  find_all(CueLexicon::kPossibility, &c.possibility);
  find_all(CueLexicon::kAppeals, &c.appeals);
  find_all(CueLexicon::kUnconfirmed, &c.unconfirmed);
  find_all(CueLexicon::kNotConditionals, &not_conditionals);
  find_all(CueLexicon::kConditionals, &c.conditionals, &not_conditionals);
  for (const Cue& cond : c.conditionals) {
    if (lex.conditionals_np.LongestAt(tokens, static_cast<size_t>(cond.first)) ==
        static_cast<size_t>(cond.last - cond.first)) {
      c.conditionals_np.push_back(cond);
    }
  }
  find_all(CueLexicon::kReadiness, &c.readiness);
  find_all(CueLexicon::kWarnings, &c.warnings);
  find_all(CueLexicon::kSubjectNegators, &c.subject_negators, &not_negators);
}

namespace {

bool IsNpConditional(const SentenceCues& cues, const Cue& c) {
  for (const Cue& n : cues.conditionals_np) {
    if (n.first == c.first && n.last == c.last) return true;
  }
  return false;
}

// Words that open a new clause between a verb and a later conditional: the
// conditional then belongs to that clause, not to the verb's.
bool OpensClause(const Token& t) {
  static const WordSet kWords = {"and",     "but",     "that",   "which", "who",   "whom",
                                               "whose",   "because", "while",  "when",  "where", "whether",
                                               "although", "though", "whereas", "after", "before", "since",
                                               "\"",     "(",       ")"};
  return kWords.count(t.lower) > 0;
}

// A simple past form: "-ed" or a listed irregular form ("sent", "took").
bool IsPastForm(const FilteredWordSet& past_forms, const std::vector<Token>& tokens, int verb_first,
                int verb_last) {
  for (int k = verb_first; k < verb_last; ++k) {
    const LowerWord& w = tokens[k].lower;
    if (past_forms.count(w) || (w.size() > 3 && w.compare(w.size() - 2, 2, "ed") == 0)) return true;
  }
  return false;
}

// A conditional after the verb, attached to the verb's clause: no hard boundary
// and no new clause between them ("X joins only if ...", "X is ready to fight
// only in the case of aggression"); a coordinator right before the conditional
// keeps it attached ("X will join, but only if ...").
bool PostposedConditional(const SentenceCues& cues, const std::vector<Token>& tokens, int verb_last) {
  for (const Cue& c : cues.conditionals) {
    if (c.first < verb_last) continue;
    // "even if" is concessive: the main clause holds whatever the condition.
    if (c.first > 0 && tokens[c.first - 1].lower == "even") return false;
    // Skip "only" right before the conditional, and after it a coordinator and
    // comma (", but only if"; a bare ", and if ..." opens a new clause).
    int stop = c.first;
    if (stop > verb_last && tokens[stop - 1].lower == "only") {
      --stop;
      if (stop > verb_last && (tokens[stop - 1].lower == "but" || tokens[stop - 1].lower == "and")) --stop;
    }
    while (stop > verb_last && tokens[stop - 1].lower == ",") --stop;
    bool attached = true;
    for (int k = verb_last; k < stop && attached; ++k) {
      attached = !IsHardBoundary(tokens[k]) && !OpensClause(tokens[k]);
    }
    if (attached) return true;
    // Only the nearest conditional after the verb can belong to its clause.
    return false;
  }
  return false;
}

// A clausal conditional ("if", "unless") opening the sentence or a clause
// before the verb's main clause: "If Ukraine attacks, Belarus responds."
bool PreposedConditional(const SentenceCues& cues, const std::vector<Token>& tokens, int verb_first) {
  for (const Cue& c : cues.conditionals) {
    if (c.last > verb_first || IsNpConditional(cues, c)) continue;
    // It opens a clause: sentence start, after a boundary, or after "that".
    int before = c.first - 1;
    if (before >= 0 && tokens[before].lower == "even") continue;  // concessive
    while (before >= 0 && tokens[before].lower == "only") --before;
    bool opens = before < 0 || IsHardBoundary(tokens[before]) || tokens[before].lower == "," ||
                 tokens[before].lower == "that" || tokens[before].lower == "\"";
    if (!opens) continue;
    // Its clause ends at a comma (or "then") before the verb; the verb's clause
    // follows with no hard boundary or contrast in between.
    int end = -1;
    for (int k = c.last; k < verb_first; ++k) {
      if (IsHardBoundary(tokens[k])) {
        end = -2;
        break;
      }
      if (end < 0 && (tokens[k].lower == "," || tokens[k].lower == "then")) end = k;
    }
    if (end < 0) continue;
    bool contrast = false;
    for (int k = end + 1; k < verb_first; ++k) {
      const LowerWord& w = tokens[k].lower;
      contrast = contrast || w == "but" || w == "whereas" || w == "while" || w == "although" || w == "though";
    }
    if (!contrast) return true;
  }
  return false;
}

}  // namespace

// The "that" after a charge noun a few words on ("the accusation that", "Western claims that"), or -1.
static int ChargeThatAfter(const CueLexicon& lexicon, const std::vector<Token>& tokens, int from) {
  const int n = static_cast<int>(tokens.size());
  for (int k = from; k < n && k < from + 4; ++k) {
    if (!tokens[k].word) return -1;
    if (lexicon.charge_nouns.count(tokens[k].lower)) return k + 1 < n && tokens[k + 1].lower == "that" ? k + 1 : -1;
  }
  return -1;
}

// A negator right before the word at `at`, within 5 tokens, with only auxiliaries ("has not been")
// and adverbs between: "did not attack", "has never publicly admitted".
static bool NegatorDirectlyBefore(const CueLexicon& lexicon, const SentenceCues& cues, const std::vector<Token>& tokens,
                                  int at) {
  const int w = WindowStart(tokens, at, 5);
  for (const Cue& c : cues.negators) {
    if (c.first < w || c.last > at) continue;
    bool direct = true;
    for (int k = c.last; k < at && direct; ++k) direct = lexicon.neg_gap.count(tokens[k].lower) > 0 || IsAdverb(tokens[k]);
    if (direct) return true;
  }
  return false;
}

Modality ModalityOf(const CueLexicon& lexicon, const SentenceCues& cues, const std::vector<Token>& tokens,
                    int verb_first, int verb_last, const std::string& root_code, bool is_report) {
  if (verb_first < 0) return Modality::kAsserted;
  const bool threat = Is(root_code, "13");
  // "could not capture": an inability that did not happen, negated before any modal reading.
  if (CueIn(cues.neg_modals, WindowStart(tokens, verb_first, 5), verb_first)) return Modality::kNegated;
  // Readiness is not the act ("ready to participate"), whatever the root.
  // The cue may also open the verb span itself (a pattern whose verb is "ready to").
  if (CueIn(cues.readiness, WindowStart(tokens, verb_first, 6), verb_first)) return Modality::kHypothetical;
  for (const Cue& c : cues.readiness) {
    if (c.first >= verb_first && c.first < verb_last) return Modality::kHypothetical;
  }
  // What one party asks another to do is not done: "Kyiv urged India to push for a ceasefire", "the
  // Council called on Rwanda to withdraw its troops" (the appeal itself is coded from its own verb).
  // The verb follows "to" and an appeal cue opens its clause, at most 12 tokens back.
  if (verb_first > 0 && tokens[verb_first - 1].lower == "to" &&
      CueIn(cues.appeals, WindowStart(tokens, verb_first, 12), verb_first - 1))
    return Modality::kHypothetical;
  // What nobody could confirm is not asserted: "No evidence has emerged that Ethiopia supplied
  // weapons", "officials could not verify that the drones came from Iran". The cue ends in "that"
  // and opens the verb's clause, at most 12 tokens back with no sentence boundary between.
  for (const Cue& c : cues.unconfirmed) {
    if (c.last > verb_first || verb_first - c.last > 12) continue;
    bool boundary = false;
    for (int k = c.last; k < verb_first && !boundary; ++k) boundary = IsHardBoundary(tokens[k]);
    if (!boundary) return Modality::kHypothetical;
  }
  // ... and so is what no one named has confirmed: "No independent investigator has confirmed that
  // Eritrean soldiers fought inside Sudan", "no government has verified that ...": a verb of
  // confirming + "that" opening the verb's clause, whose subject opens with "no"/"nobody"/"none".
  {
    static const std::set<std::string, std::less<>> kConfirm = {"confirmed", "verified", "established", "proved",
                                                                "proven", "corroborated", "substantiated"};
    for (int k = verb_first - 1, words = 0; k >= 1 && words < 12 && !IsHardBoundary(tokens[k]); --k) {
      if (!tokens[k].word) continue;
      ++words;
      if (tokens[k].lower != "that" || !kConfirm.count(tokens[k - 1].lower)) continue;
      for (int j = k - 2, back = 0; j >= 0 && back < 5 && !IsHardBoundary(tokens[j]); --j) {
        if (!tokens[j].word && tokens[j].lower == ",") break;  // the subject's phrase ends there
        if (!tokens[j].word) continue;
        ++back;
        const std::string_view w = tokens[j].lower;
        if (w == "no" || w == "nobody" || w == "none") return Modality::kHypothetical;
      }
      break;
    }
  }
  // An embedded question ("asked whether Rwandan troops were in Congo", "unclear if the drones
  // came from Iran") states nothing: hypothetical.
  for (int k = verb_first - 1, words = 0; k >= 0 && words < 10 && !IsHardBoundary(tokens[k]); --k) {
    if (!tokens[k].word) continue;
    ++words;
    if (tokens[k].lower == "whether") return Modality::kHypothetical;
    if (tokens[k].lower == "if" && k > 0) {
      static const std::set<std::string, std::less<>> kAskers = {"ask",  "asks", "asked", "asking", "wonder", "wondered",
                                                    "know", "knew", "unclear", "unsure", "clear", "check"};
      if (kAskers.count(tokens[k - 1].lower)) return Modality::kHypothetical;
      break;
    }
  }
  // Hypothetical: a modal or possibility word in the verb's clause, a warning
  // shortly before, or a conditional attached to the verb's main clause.
  // A negator right before the verb (only auxiliaries and adverbs between).
  auto directly_negated = [&]() { return NegatorDirectlyBefore(lexicon, cues, tokens, verb_first); };
  if (!threat) {
    int w = WindowStart(tokens, verb_first, 6);
    // "will not fight", "would never send": a commitment not to act is a negation, not a plan.
    // (A refusal, 12x, coded from the negation itself -- "will not allow", "would not meet their
    // demands" -- is not negated again.)
    if (CueIn(cues.modals, w, verb_first))
      return directly_negated() && !Is(root_code, "12") ? Modality::kNegated : Modality::kHypothetical;
    // A pattern whose verb is the plan itself ("plans to deploy", coded 154 from "plans"): the act it
    // names is not done. (Intents, appeals, demands and refusals, 02/03/10/12, are acts of speech that
    // were done: "pledged to send aid" is a pledge.)
    if (!Is(root_code, "02") && !Is(root_code, "03") && !Is(root_code, "10") && !Is(root_code, "12")) {
      for (const Cue& c : cues.modals) {
        if (c.first < verb_first || c.first >= verb_last) continue;
        // ("no plans to send troops" is a negation, read below.)
        const bool governed = std::any_of(cues.neg_governors.begin(), cues.neg_governors.end(),
                                          [&](const Cue& g) { return g.first <= c.first && c.first <= g.last; });
        if (!governed) return Modality::kHypothetical;
      }
    }
    // "a possible (full-scale) attack": at most two words between, none an
    // auxiliary ("its military potential has increased" is no possibility).
    for (const Cue& c : cues.possibility) {
      if (c.first < w || c.last > verb_first) continue;
      int words = 0;
      bool aux = false;
      for (int k = c.last; k < verb_first; ++k) {
        if (tokens[k].word) ++words;
        aux = aux || kAuxiliaries.count(tokens[k].lower) > 0;
      }
      if (words <= 2 && !aux) return Modality::kHypothetical;
    }
    if (CueIn(cues.warnings, WindowStart(tokens, verb_first, 8), verb_first)) return Modality::kHypothetical;
    if (!is_report) {
      if (PostposedConditional(cues, tokens, verb_last) &&
          !IsPastForm(lexicon.past_forms, tokens, verb_first, verb_last)) {
        return Modality::kHypothetical;
      }
      if (PreposedConditional(cues, tokens, verb_first)) return Modality::kHypothetical;
    }
  }
  // The verb inside the clause a conditional opens: "if Ukrainian troops threaten Belarus".
  int clause = verb_first;
  while (clause > 0 && !(tokens[clause - 1].lower == "," || IsHardBoundary(tokens[clause - 1]))) --clause;
  if (CueIn(cues.conditionals, clause, verb_first)) return Modality::kHypothetical;
  // Negated: a negator in the verb's clause ("did not", "has not been", "never"),
  // with only auxiliaries and adverbs between it and the verb ("did not leave
  // attacked" does not negate "attacked").
  const int w = WindowStart(tokens, verb_first, 5);
  for (const Cue& c : cues.negators) {
    if (c.first < w || c.last > verb_first) continue;
    bool direct = true;
    for (int k = c.last; k < verb_first && direct; ++k) {
      direct = lexicon.neg_gap.count(tokens[k].lower) > 0 || IsAdverb(tokens[k]);
    }
    if (direct) return Modality::kNegated;
  }
  // ... or a negated subject: "no", "none of", "not a single" opening the clause whose verb this
  // is ("No Belarusian troops have crossed into Ukraine", "Tehran said none had been sent", "not a
  // single soldier entered"): the subject runs to the verb with no boundary, relative pronoun or
  // other verb between.
  for (const Cue& c : cues.subject_negators) {
    if (c.last > verb_first || verb_first - c.last > 8) continue;
    bool opens_clause = c.first == 0;
    if (!opens_clause) {
      const LowerWord& before = tokens[c.first - 1].lower;
      static const std::set<std::string, std::less<>> kClauseStarts = {",", ";", ":", "\"", "that", "and", "but", "while",
                                                          "as", "because", "although", "though", "whereas"};
      opens_clause = kClauseStarts.count(before) > 0 || IsHardBoundary(tokens[c.first - 1]);
      for (const Cue& r : cues.report_verbs) opens_clause = opens_clause || r.last == c.first;
    }
    bool plain_subject = opens_clause;
    for (int k = c.last; k < verb_first && plain_subject; ++k) {
      const LowerWord& t = tokens[k].lower;
      plain_subject = !IsHardBoundary(tokens[k]) && t != "," && t != "that" && t != "which" && t != "who" &&
                      t != "whom";
    }
    if (plain_subject) return Modality::kNegated;
  }
  // ... or "no" before the verb's object ("has sent no weapons", "provided no support", "sent
  // absolutely no troops").
  for (int k = verb_last, words = 0; k < static_cast<int>(tokens.size()) && words < 2; ++k, ++words) {
    if (tokens[k].lower == "no") return Modality::kNegated;
    if (!IsAdverb(tokens[k])) break;
  }
  // ... or a verb of denial whose object is a charge ("rejected Western claims that <clause>",
  // "dismissed the accusation that <clause>", "waved away reports that <clause>"; modality.tsv's
  // denial_verb and charge_noun): the clause after the charge's "that" is what is denied,
  // whatever adjective or determiner the charge takes.
  for (int k = std::max(0, verb_first - 12); k + 2 < verb_first; ++k) {
    if (!lexicon.denial_verbs.count(tokens[k].lower)) continue;
    const int that = ChargeThatAfter(lexicon, tokens, k + 1);
    if (that < 0 || that >= verb_first) continue;
    bool crossed = false;
    for (int j = that + 1; j < verb_first; ++j) crossed = crossed || IsHardBoundary(tokens[j]);
    if (!crossed) return Modality::kNegated;
  }
  // ... or a governing denial/refusal: "denied that <clause>", "refused to <verb>".
  for (const Cue& g : cues.neg_governors) {
    if (g.last > verb_first || (g.first < verb_last && g.last > verb_first)) continue;
    if (tokens[g.last - 1].lower == "that") {
      bool crossed = false;
      for (int k = g.last; k < verb_first; ++k) crossed = crossed || IsHardBoundary(tokens[k]);
      if (!crossed) return Modality::kNegated;
    } else if (verb_first - g.last <= 3) {
      // ("denies shelling Armenia and accuses Yerevan ...": the joined verb is not denied.)
      bool joined = false;
      for (int k = g.last; k < verb_first; ++k)
        joined = joined || tokens[k].lower == "and" || tokens[k].lower == "but" || tokens[k].lower == ",";
      if (!joined) return Modality::kNegated;
    }
  }
  return Modality::kAsserted;
}

bool ReportIsNegated(const CueLexicon& lexicon, const SentenceCues& cues, const std::vector<Token>& tokens,
                     int verb_first) {
  if (verb_first < 0) return false;
  const Cue* pre = nullptr;
  for (const Cue& r : cues.report_verbs) {
    if (r.last > verb_first) continue;
    // (Within its clause: "X has not been declared an aggressor, and Kyiv maintains ..." reports nothing.)
    bool crossed = false;
    for (int k = r.last; k < verb_first; ++k) crossed = crossed || IsHardBoundary(tokens[k]) || tokens[k].lower == ",";
    if (!crossed && (!pre || r.first > pre->first)) pre = &r;
  }
  return pre && NegatorDirectlyBefore(lexicon, cues, tokens, pre->first);
}

int ReportComplementStart(const SentenceCues& cues, const std::vector<Token>& tokens, int verb_first, int verb_last) {
  for (const Cue& r : cues.report_verbs) {
    if (r.first < verb_last && r.last > verb_first) {
      // The report starts at "that" within a few tokens, else right after the verb.
      for (int k = r.last; k < static_cast<int>(tokens.size()) && k < r.last + 8; ++k) {
        if (tokens[k].lower == "that" || tokens[k].lower == ":") return k;
        if (IsHardBoundary(tokens[k])) break;
      }
      return r.last;
    }
  }
  return -1;
}

namespace {

// The comma that closes a sentence-opening subordinate clause ("After Russia invaded Ukraine, ..."):
// the sentence's first comma when a subordinator opens it; -1 otherwise.
int OpeningSubordinateClauseEnd(const std::vector<Token>& tokens) {
  static const WordSet kSubordinators = {"when", "after", "before", "since", "while", "as",
                                         "once", "until", "although", "though", "because"};
  if (tokens.empty() || !kSubordinators.count(tokens[0].lower)) return -1;
  for (size_t k = 0; k < tokens.size(); ++k)
    if (tokens[k].lower == ",") return static_cast<int>(k);
  return -1;
}

}  // namespace

// The comma at which ", and" or ", but" opens a clause of the narrative's own within [from, to):
// a named subject that acts in the simple past ("..., and Lukashenko thanked him"); a reported
// clause keeps its backshift (", and Kyiv had responded"). -1 when there is none.
int NarrativeClauseAt(const std::vector<Token>& tokens, const std::vector<TokenMention>& mentions, int from, int to) {
  static const WordSet kIrregularPast = {"sent", "met", "told", "said", "sold", "struck", "took", "gave",
                                         "made", "held", "began", "left", "fought", "flew", "brought"};
  for (int k = from; k + 3 < to; ++k) {
    if (tokens[k].lower != "," || (tokens[k + 1].lower != "and" && tokens[k + 1].lower != "but")) continue;
    const TokenMention* next = FirstAfter(mentions, k + 2, std::min(to, k + 4));
    if (!next || next->last >= to) continue;
    const Token& verb = tokens[next->last];
    if (verb.word && ((verb.lower.size() > 4 && verb.lower.ends_with("ed")) || kIrregularPast.count(verb.lower)))
      return k;
  }
  return -1;
}

Attribution Attribute(const SentenceCues& cues, const std::vector<Token>& tokens, std::string_view sentence,
                      const std::vector<TokenMention>& mentions, int verb_first, int verb_last) {
  if (verb_first < 0) return {};
  for (const Cue& r : cues.report_verbs) {
    if (r.first < verb_last && r.last > verb_first) return {};  // the speech act itself
  }
  const int n = static_cast<int>(tokens.size());

  // 0. "X sanctioned / blamed Y for <event>-ing": X reports Y's act (also "for its role in
  // <event>-ing": ReasonStart).
  int for_at = -1;
  if (verb_first >= 1 && tokens[verb_first - 1].lower == "for")
    for_at = verb_first - 1;
  else if (verb_first >= 4 && tokens[verb_first - 4].lower == "for" && ReasonStart(tokens, verb_first - 4, n) == verb_first)
    for_at = verb_first - 4;
  for (const Cue& r : cues.reason_verbs) {
    if (for_at < 0 || r.last > for_at || for_at - r.last > 9) continue;
    bool crossed = false;
    for (int k = r.last; k < verb_first; ++k) crossed = crossed || IsHardBoundary(tokens[k]) || tokens[k].lower == ",";
    if (crossed) continue;
    int lo = 0;
    for (int k = r.first - 1; k >= 0; --k)
      if (IsHardBoundary(tokens[k]) || tokens[k].lower == "that" || tokens[k].lower == ",") {
        lo = k + 1;
        break;
      }
    if (const TokenMention* m = NearestBefore(mentions, lo, r.first)) return FromMention(*m);
  }

  // 1. Pre-posed reporting verb: "X said (that) <event>", the nearest one.
  const Cue* pre = nullptr;
  for (const Cue& r : cues.report_verbs) {
    if (r.last > verb_first) continue;
    // "howitzers found in Darfur had been re-exported": a participle before a place reports nothing.
    static const WordSet kPlacePrepositions = {"in", "at", "on", "near", "inside", "among", "aboard", "along"};
    if (r.last < n && kPlacePrepositions.count(tokens[r.last].lower) &&
        (tokens[r.first].lower == "found" || tokens[r.first].lower == "seen" || tokens[r.first].lower == "reported"))
      continue;
    bool crossed = NarrativeClauseAt(tokens, mentions, r.last, verb_first + 1) >= 0;
    for (int k = r.last; k < verb_first; ++k) crossed = crossed || IsHardBoundary(tokens[k]);
    if (!crossed && (!pre || r.first > pre->first)) pre = &r;
  }
  // "X has been accused of ...": the accuser is unnamed (or named after "by"), never X.
  if (pre && pre->first > 0) {
    static const WordSet kPassive = {"been", "was", "were", "is", "are", "be", "being", "stands", "stand", "stood"};
    int aux = pre->first - 1;  // "were repeatedly reported": adverbs between
    while (aux > 0 && IsAdverb(tokens[aux])) --aux;
    if (kPassive.count(tokens[aux].lower)) {
      for (int k = pre->last; k + 1 < n && !IsHardBoundary(tokens[k]); ++k)
        if (tokens[k].lower == "by" && k < verb_first) {
          if (const TokenMention* m = FirstAfter(mentions, k + 1, std::min(n, k + 4))) return FromMention(*m);
        }
      return Attribution{"", Slice(sentence, tokens, aux, pre->last)};
    }
  }
  // "Kyiv accused Minsk of helping Russia and summoned its envoy": a verb in the simple past
  // joined by "and" after an accusation's gerund charge is the accuser's own next act.
  if (pre && IsAccusation(tokens[pre->first]) && verb_first >= 1 &&
      (tokens[verb_first - 1].lower == "and" || tokens[verb_first - 1].lower == "but") &&
      tokens[verb_first].lower.size() > 4 && tokens[verb_first].lower.ends_with("ed"))
    return {};
  if (pre) {
    // The subject region: back to the previous reporting verb, "that" or a hard boundary.
    int lo = 0;
    for (int k = pre->first - 1; k >= 0; --k) {
      if (IsHardBoundary(tokens[k]) || tokens[k].lower == "that") {
        lo = k + 1;
        break;
      }
      bool is_report = false;
      for (const Cue& r : cues.report_verbs) is_report = is_report || (r.last == k + 1);
      if (is_report) {
        lo = k + 1;
        break;
      }
    }
    int hi = pre->first;
    // "When Moscow began its invasion, witnesses saw ...": a comma-separated opening clause holds
    // no speaker; the subject follows the last comma (unless the comma closes an appositive,
    // right before the verb, below).
    if (hi - 1 >= lo && tokens[hi - 1].lower != ",")
      for (int k = hi - 1; k > lo; --k)
        if (tokens[k].lower == ",") {
          lo = k + 1;
          break;
        }
    // "X, an expert from Y, claims": the subject is before the appositive.
    if (hi - 1 >= lo && tokens[hi - 1].lower == ",") {
      for (int k = lo; k < hi - 1; ++k) {
        if (tokens[k].lower == ",") {
          hi = k;
          break;
        }
      }
    }
    // "X denies ... and accuses Y of ...": the first conjunct's subject.
    if (hi > lo && (tokens[hi - 1].lower == "and" || tokens[hi - 1].lower == "but")) {
      int start = 0;  // the sentence's (or the "that" clause's) start, past earlier reporting verbs
      for (int k = hi - 1; k >= 0; --k)
        if (IsHardBoundary(tokens[k]) || tokens[k].lower == "that") {
          start = k + 1;
          break;
        }
      // (After a "that" clause, the sentence's subject: "The UAE rejected an accusation that it armed
      // the RSF and said it was sending aid" is the UAE's report, as FindReportedClauses reads it.)
      if (start >= 1 && tokens[start - 1].lower == "that")
        if (const TokenMention* m = FirstAfter(mentions, 0, start - 1)) return FromMention(*m);
      if (const TokenMention* m = FirstAfter(mentions, start, hi)) return FromMention(*m);
    }
    if (const TokenMention* m = SubjectBefore(mentions, tokens, lo, hi)) return FromMention(*m);
    Attribution a = SpeakerWordsBefore(sentence, tokens, lo, hi);
    if (!a.text.empty()) return a;
  }

  // 2a. Post-posed passive: "<event> was confirmed by X", "the transfer ... has been reported by X":
  // X reports the subject's event.
  for (const Cue& r : cues.report_verbs) {
    if (r.first < verb_last || r.last >= n || tokens[r.last].lower != "by") continue;
    static const WordSet kPassiveAux = {"been", "was", "were", "is", "are", "be"};
    int aux = r.first - 1;  // "was later confirmed by": adverbs between
    while (aux > verb_last && IsAdverb(tokens[aux])) --aux;
    if (aux < verb_last || !kPassiveAux.count(tokens[aux].lower)) continue;
    bool crossed = false;
    for (int k = verb_last; k < aux; ++k) crossed = crossed || IsHardBoundary(tokens[k]);
    if (crossed) continue;
    if (const TokenMention* m = FirstAfter(mentions, r.last + 1, std::min(n, r.last + 4))) return FromMention(*m);
    Attribution a = SpeakerWordsAfter(sentence, tokens, r.last + 1);
    if (!a.text.empty()) return a;
  }

  // 2. Post-posed: "<event>, X said." / "<event>, said X."
  // ("After Russia invaded Ukraine, Lithuania said it would expel ...": an opening subordinate
  // clause is the setting of the main clause's report, not its content.)
  const int opening_clause_end = OpeningSubordinateClauseEnd(tokens);
  for (const Cue& r : cues.report_verbs) {
    if (r.first < verb_last) continue;
    int comma = -1;
    for (int k = r.first - 1; k >= verb_last; --k) {
      if (tokens[k].lower == ",") {
        comma = k;
        break;
      }
      if (IsHardBoundary(tokens[k])) break;
    }
    if (comma < 0 || r.first - comma > kPostposedSpeakerTokens) continue;
    if (comma + 1 < n && (tokens[comma + 1].lower == "and" || tokens[comma + 1].lower == "but")) continue;
    if (comma == opening_clause_end) continue;
    if (!ClosesSentence(tokens, r)) continue;
    if (const TokenMention* m = NearestBefore(mentions, comma + 1, r.first)) return FromMention(*m);
    if (r.first == comma + 1) {  // ", said X"
      if (const TokenMention* m = FirstAfter(mentions, r.last, std::min(n, r.last + 3))) {
        return FromMention(*m);
      }
      // "C, John Kirby, the White House spokesman, said in October": what follows the verb is its
      // time or place, and the comma before it closes an apposition; the speaker is named before
      // that apposition.
      static const WordSet kAfterVerb = {"in", "on", "at", "last", "this", "earlier", "later", "yesterday", "today",
                                         "during", "after", "before", "late", "early"};
      if (r.last < n && kAfterVerb.count(tokens[r.last].lower)) {
        int apposition = -1, name = -1;
        for (int k = comma - 1; k >= verb_last && k > comma - 14; --k)
          if (tokens[k].lower == ",") {
            apposition = k;
            break;
          }
        for (int k = apposition - 1; apposition > verb_last && k >= verb_last && k > apposition - 8; --k)
          if (tokens[k].lower == ",") {
            name = k;
            break;
          }
        if (name >= 0) {
          if (const TokenMention* m = NearestBefore(mentions, name + 1, apposition)) return FromMention(*m);
          Attribution a = SpeakerWordsBefore(sentence, tokens, name + 1, apposition);
          if (!a.text.empty()) return a;
        }
      } else {
        Attribution a = SpeakerWordsAfter(sentence, tokens, r.last);
        if (!a.text.empty()) return a;
      }
    }
    Attribution a = SpeakerWordsBefore(sentence, tokens, comma + 1, r.first);
    if (!a.text.empty()) return a;
  }

  // 3. "according to X", "citing X" anywhere outside the event.
  for (const Cue& s : cues.sources) {
    int phrase_end = s.last;  // "according to <phrase>": the phrase runs to a boundary
    while (phrase_end < n && phrase_end < s.last + 8 && !IsClauseBoundary(tokens[phrase_end])) ++phrase_end;
    if (s.first <= verb_first && phrase_end > verb_first) continue;
    if (const TokenMention* m = FirstAfter(mentions, s.last, std::min(n, s.last + 4))) {
      if (!(m->first <= verb_first && m->last > verb_first)) return FromMention(*m);
    }
    Attribution a = SpeakerWordsAfter(sentence, tokens, s.last);
    if (!a.text.empty()) {
      // Strip a possessive tail ("Lukashenko's plan" -> keep as written).
      return a;
    }
  }

  // 4. Vague sourcing anywhere outside the verb: "there have been reports of", "reportedly".
  for (const Cue& v : cues.vague) {
    if (v.first < verb_last && v.last > verb_first) continue;
    int last = v.last;
    while (last - 1 > v.first &&
           (tokens[last - 1].lower == "of" || tokens[last - 1].lower == "that" || tokens[last - 1].lower == "to")) {
      --last;
    }
    return Attribution{"", Slice(sentence, tokens, v.first, last)};
  }
  return {};
}

namespace {

// Verbs of telling or warning take an object or a prepositional phrase before any clause
// ("told reporters", "warned of an attack", "accused Russia of"): their clause needs "that".
bool NeedsThat(const Token& verb) {
  static const WordSet kWords = {"told",   "tells",   "warn",   "warns",   "warned", "reminds",
                                               "reminded", "accused", "accuses", "noted", "notes",  "added",
                                               "report", "reported", "write",  "wrote",  "writes", "written"};
  return kWords.count(verb.lower) > 0;
}

const TokenMention* MentionIn(const std::vector<TokenMention>& mentions, int lo, int hi, bool last) {
  return last ? NearestBefore(mentions, lo, hi) : FirstAfter(mentions, lo, hi);
}

void SetSpeaker(const TokenMention* m, ReportedClause* c) {
  if (!m) return;
  c->speaker_first = m->first;
  c->speaker_last = m->last;
}

}  // namespace

namespace {
// "X was reported / is believed to have V-ed".
const WordSet kRaising = {"said",      "reported",   "believed", "alleged",  "thought",  "understood",
                                        "known",     "rumoured",   "rumored",  "claimed",  "suspected", "considered",
                                        "assumed",   "presumed",   "estimated", "feared"};
// "X intended / ordered Y to V".
const WordSet kControl = {"intended",   "intends",   "wanted",     "wants",      "expected",
                                        "expects",    "ordered",   "orders",     "instructed", "instructs",
                                        "forced",     "compelled", "authorised", "authorized", "commanded",
                                        "directed",   "tasked"};
}  // namespace

bool HasComplementVerb(const std::vector<Token>& tokens) {
  for (const Token& t : tokens)
    if (t.word && (kRaising.count(t.lower) || kControl.count(t.lower))) return true;
  return false;
}

std::vector<ReportedClause> FindReportedClauses(const SentenceCues& cues, const std::vector<Token>& tokens,
                                                const std::vector<TokenMention>& mentions) {
  std::vector<ReportedClause> out;
  const int n = static_cast<int>(tokens.size());
  int end = n;  // the clause runs to the sentence's end, leaving out its final punctuation
  while (end > 0 && !tokens[end - 1].word && tokens[end - 1].lower != "\"") --end;
  auto inside_actor = [&](const Cue& r) {
    for (const TokenMention& m : mentions)
      if (r.first < m.last && r.last > m.first) return true;
    return false;
  };
  // "The U.S. Treasury sanctioned UAE-based companies for supplying weapons to the RSF": the one
  // sanctioned, blamed or condemned acts in the reason after "for"; the sanctioning subject
  // reports it.
  for (const Cue& r : cues.reason_verbs) {
    if (inside_actor(r)) continue;
    const TokenMention* object = MentionIn(mentions, r.last, std::min(end, r.last + 5), false);
    if (!object) continue;
    int for_at = -1;
    for (int k = object->last; k < end && k <= object->last + 3; ++k) {
      if (tokens[k].lower == "for") {
        for_at = k;
        break;
      }
      if (IsHardBoundary(tokens[k]) || tokens[k].lower == ",") break;
    }
    if (for_at < 0 || for_at + 1 >= end) continue;
    // ("thanked North Korean servicemen for their part in pushing ...", "sanctioned the firm for its
    // role in supplying ...": the gerund after the part or role.)
    const int reason_at = ReasonStart(tokens, for_at, end);
    if (!IsGerund(tokens[reason_at])) continue;
    int lo = 0;
    for (int k = r.first - 1; k >= 0; --k)
      if (IsHardBoundary(tokens[k]) || tokens[k].lower == "that" || tokens[k].lower == ",") {
        lo = k + 1;
        break;
      }
    ReportedClause c;
    c.verb_first = r.first, c.verb_last = r.last;
    c.subject_first = object->first;
    c.subject_last = object->last;
    c.first = reason_at;
    c.last = end;
    SetSpeaker(MentionIn(mentions, lo, r.first, true), &c);
    out.push_back(c);
  }
  for (const Cue& r : cues.report_verbs) {
    if (inside_actor(r)) continue;
    // Post-posed: "C, X said." / "C, said X." closing the sentence.
    int comma = -1;
    for (int k = r.first - 1; k >= 0 && r.first - k <= kPostposedSpeakerTokens; --k) {
      if (tokens[k].lower == ",") {
        comma = k;
        break;
      }
      // ('"We will stand by Russia," Choe said': the quote closing after the comma.)
      if (tokens[k].lower == "\"" && k > 0 && tokens[k - 1].lower == ",") continue;
      if (IsHardBoundary(tokens[k]) || IsClauseBoundary(tokens[k])) break;
    }
    if (comma > 2 && ClosesSentence(tokens, r)) {
      ReportedClause c{0, comma};
      c.verb_first = r.first, c.verb_last = r.last;
      for (int k = comma - 1; k >= 0; --k)
        if (IsHardBoundary(tokens[k])) {
          c.first = k + 1;
          break;
        }
      SetSpeaker(comma + 1 < r.first ? MentionIn(mentions, comma + 1, r.first, true)
                                     : MentionIn(mentions, r.last, std::min(n, r.last + 4), false),
                 &c);
      if (c.last - c.first >= 3) out.push_back(c);
      continue;
    }
    // Pre-posed: "X said (that) C". The subject region runs back to a hard boundary or "that".
    int lo = 0;
    for (int k = r.first - 1; k >= 0; --k) {
      if (IsHardBoundary(tokens[k]) || tokens[k].lower == "that" || tokens[k].lower == ",") {
        lo = k + 1;
        break;
      }
    }
    // "Katerina Deikalo, a lawyer at the Belarusian Helsinki Committee, argues that ...": the
    // region ends with an appositive; the subject and its appositive are the speaker's words.
    // (Auxiliaries may stand between: "The Behshad, an Iranian ship, was accused of ...".)
    int after_aux = lo;
    while (after_aux < r.first && kAuxiliaries.count(tokens[after_aux].lower)) ++after_aux;
    if (after_aux == r.first && lo > 0 && tokens[lo - 1].lower == ",") {
      for (int k = lo - 2, words = 0; k >= 0 && words < 12; --k) {
        if (IsHardBoundary(tokens[k]) || tokens[k].lower == "that") break;
        if (tokens[k].lower == ",") {
          int b = 0;
          for (int j = k - 1; j >= 0; --j)
            if (IsHardBoundary(tokens[j]) || tokens[j].lower == "that" || tokens[j].lower == ",") {
              b = j + 1;
              break;
            }
          // Only a subject before the appositive (a name, "a confidential report by U.N.
          // monitors, circulated in February, concluded"), not a long introductory phrase.
          if (k - b >= 1 && k - b <= 10) lo = b;
          break;
        }
        if (tokens[k].word) ++words;
      }
    }
    // "Kigali denies ... and accuses Kinshasa of ...": the verb joined by "and" has the first
    // conjunct's subject.
    const bool conjoined = r.first > lo && (tokens[r.first - 1].lower == "and" || tokens[r.first - 1].lower == "but");
    const TokenMention* speaker =
        conjoined ? MentionIn(mentions, lo, r.first, false) : SubjectBefore(mentions, tokens, lo, r.first);
    // ("The UAE rejected an accusation that it armed the RSF and said it was sending aid": a verb
    // joined by "and" after a "that" clause has the sentence's subject, not that clause's.)
    if (conjoined && lo >= 1 && tokens[lo - 1].lower == "that")
      if (const TokenMention* subject = MentionIn(mentions, 0, lo - 1, false); subject) speaker = subject;
    bool has_subject = false;
    for (int k = lo; k < r.first; ++k) has_subject = has_subject || tokens[k].word;
    if (!has_subject) continue;
    int start = -1;
    for (int k = r.last; k < n && k < r.last + 8; ++k) {
      if (tokens[k].lower == "that" || tokens[k].lower == ":") {
        start = k + 1;
        break;
      }
      if (IsHardBoundary(tokens[k])) break;
    }
    ReportedClause c;
    c.verb_first = r.first, c.verb_last = r.last;
    bool speaker_is_subject = false;
    // Passive: "X has been accused of C-ing (by Y)": X acts in C, and the accusation's accuser is
    // unnamed or Y, never X.
    // ("The UAE stands accused of ...": "stands" is the auxiliary.)
    static const WordSet kPassive = {"been", "was", "were", "is", "are", "be", "being", "stands", "stand", "stood"};
    if (IsAccusation(tokens[r.first]) && r.first > 0 && kPassive.count(tokens[r.first - 1].lower)) {
      int of = r.last;
      const TokenMention* accuser = nullptr;
      if (of < end && tokens[of].lower == "by") {  // "was accused by Kinshasa of ..."
        accuser = MentionIn(mentions, of + 1, std::min(end, of + 4), false);
        if (accuser) of = accuser->last;
        // (The accuser's mention may stop before its agent: "by American officials of ...".)
        for (int k = of; accuser && k < end && k <= accuser->last + 2; ++k) {
          if (IsHardBoundary(tokens[k]) || tokens[k].lower == ",") break;
          if (tokens[k].lower == "of") {
            of = k;
            break;
          }
        }
      }
      if (!speaker || of + 1 >= end || tokens[of].lower != "of" || !IsGerund(tokens[of + 1])) continue;
      c.subject_first = speaker->first;
      c.subject_last = speaker->last;
      c.first = of + 1;
      c.last = end;
      SetSpeaker(accuser, &c);
      if (!accuser) {  // the coder read the accused as the accuser
        c.passive_report_first = r.first;
        c.passive_report_last = r.last;
      }
      out.push_back(c);
      continue;
    }
    // "X accused Y of C-ing": Y acts in C.
    if (start < 0 && IsAccusation(tokens[r.first])) {
      const TokenMention* accused = MentionIn(mentions, r.last, std::min(end, r.last + 4), false);
      if (!accused || accused->last >= end || tokens[accused->last].lower != "of" || accused->last + 1 >= end ||
          !IsGerund(tokens[accused->last + 1]))
        continue;
      c.subject_first = accused->first;
      c.subject_last = accused->last;
      c.first = accused->last + 1;
      c.last = end;
      // The charge, a gerund clause, ends where "and" or "but" joins a verb in the simple past:
      // the accuser's own next act ("accused Hemedti of betraying the country and ordered his
      // forces to attack"). (Not after "having": "of having attacked and killed ...".)
      if (tokens[c.first].lower != "having")
        for (int k = c.first + 1; k + 1 < end; ++k) {
          if (tokens[k].lower != "and" && tokens[k].lower != "but") continue;
          const Token& next = tokens[k + 1];
          if (next.word && next.lower.size() > 4 && next.lower.ends_with("ed")) {
            c.last = k;
            break;
          }
        }
      SetSpeaker(speaker, &c);
      out.push_back(c);
      continue;
    }
    if (start < 0 && !NeedsThat(tokens[r.first])) {
      start = r.last;
      while (start < n && IsAdverb(tokens[start])) ++start;
      static const WordSet kNoClause = {"in", "on", "at", "during", "after", "before", "of", "about",
                                                      "for", "with", "by", "from", "as", "it", "so", "this"};
      // ("said about 11,000 soldiers had ...": "about" before a number is a quantity.)
      const bool about_number = start + 1 < end && tokens[start].lower == "about" && tokens[start + 1].number;
      // ("said it was not familiar with ...", "said it had sent no drones": "it" and a verb open a
      // clause whose subject is the speaker; "said it in public", "said it again" do not.)
      const bool it_clause = start + 1 < end && tokens[start].lower == "it" && OpensWithVerb(tokens[start + 1]);
      if (start >= end || !tokens[start].word ||
          (kNoClause.count(tokens[start].lower) && !about_number && !it_clause)) {
        start = -1;  // "said in a statement", "said so": no clause follows directly
      } else if (IsGerund(tokens[start]) || tokens[start].lower == "having" ||
                 (tokens[start].lower == "to" && start + 1 < n && tokens[start + 1].word)) {
        speaker_is_subject = true;
      }
    }
    if (start < 0) continue;
    // "X said he/they would ...": the pronoun is the speaker. Without "that", the clause must open
    // with its subject, an actor ("said Russia had ..."), not an object ("declared a ceasefire").
    static const WordSet kSubjectPronouns = {"he", "she", "they", "we", "it"};
    static const WordSet kPossessivePronouns = {"its", "their", "his", "her", "our"};
    bool possessive = false;
    if (start < n && kSubjectPronouns.count(tokens[start].lower)) {
      ++start;
      speaker_is_subject = true;
    } else if (start + 1 < n && ((kPossessivePronouns.count(tokens[start].lower) && tokens[start + 1].word) ||
                                 (tokens[start].lower == "the" &&
                                  (tokens[start + 1].lower == "country" || tokens[start + 1].lower == "nation") &&
                                  (start + 2 >= n || tokens[start + 2].lower != "'")))) {
      // "Minsk said its troops had left": the speaker's troops. "KCNA said the country would ...":
      // the speaker's country, as "his country" is.
      ++start;
      speaker_is_subject = true;
      possessive = true;
    } else if (!speaker_is_subject && tokens[start - 1].lower != "that" && tokens[start - 1].lower != ":") {
      // "said about 11,000 North Korean soldiers had been sent": a quantity before the subject.
      static const WordSet kQuantity = {"about", "around", "some", "nearly", "almost", "roughly",
                                                      "approximately", "over", "more", "than", "at", "least",
                                                      "up", "to", "hundreds", "thousands", "dozens", "of",
                                                      "several", "many", "most", "all", ","};
      int subject_from = start;
      auto quantity = [&](const Token& t) {
        return t.number || kQuantity.count(t.lower) ||
               (!t.lower.empty() && std::isdigit(static_cast<unsigned char>(t.lower[0])) &&
                t.lower.find_first_not_of("0123456789,.") == std::string::npos);  // "11,000"
      };
      while (subject_from < end && subject_from < start + 8 && quantity(tokens[subject_from])) ++subject_from;
      const TokenMention* subject = MentionIn(mentions, subject_from, std::min(end, subject_from + 3), false);
      const bool opens_with_subject = subject && subject->first <= subject_from + 2;
      // "says the nation should not be held to account": a definite subject followed, within
      // four words, by an auxiliary or a modal opens a clause too (an object would not:
      // "declared the ceasefire over").
      static const WordSet kAuxOrModal = {"should", "would", "will", "must", "could", "may",
                                                        "might", "can", "had", "has", "have", "is",
                                                        "was", "were", "are", "shall"};
      bool definite_subject = false;
      if (tokens[start].lower == "the" || tokens[start].lower == "its" || tokens[start].lower == "their")
        for (int k = start + 1; k < end && k <= start + 4 && tokens[k].word; ++k)
          if (kAuxOrModal.count(tokens[k].lower)) {
            definite_subject = k > start + 1;
            break;
          }
      if (!definite_subject && !opens_with_subject) continue;
    }
    c.first = start;
    c.last = end;
    // "Kigali denies sending troops into Congo and accuses Kinshasa of ...": a gerund or
    // infinitive clause ends where a second verb of the speaker's own is joined by "and"/"but".
    // (Only a reporting verb is known to be a verb there: "denied supplying drones and missiles"
    // goes on.)
    if (speaker_is_subject && !possessive)
      for (int k = start + 1; k + 1 < end && c.last == end; ++k)
        if (tokens[k].lower == "and" || tokens[k].lower == "but")
          for (const Cue& other : cues.report_verbs)
            if (other.first == k + 1) {
              c.last = k;
              break;
            }
    // A clause after ", and" or ", but" whose named subject acts in the simple past ("Putin said
    // Russia would defend Belarus, and Lukashenko thanked him") is the narrative's own, not more
    // of what was said (NarrativeClauseAt).
    if (!speaker_is_subject)
      if (const int narrative = NarrativeClauseAt(tokens, mentions, start + 1, c.last); narrative >= 0) c.last = narrative;
    // A clause closed by a post-posed report of its own ("..., he added") stops there.
    for (const Cue& other : cues.report_verbs) {
      if (other.first <= start || other.first >= end) continue;
      for (int k = other.first - 1; k > start && other.first - k <= kPostposedSpeakerTokens; --k)
        if (tokens[k].lower == ",") {
          c.last = std::min(c.last, k);
          break;
        }
    }
    SetSpeaker(speaker, &c);
    // "The United States, Britain, France and Germany said ...": the speaker is the whole list.
    if (speaker && !speaker_is_subject) {
      int first = speaker->first;
      for (bool extended = true; extended;) {
        extended = false;
        for (const TokenMention& m : mentions) {
          if (m.last >= first) continue;  // (the subject region stopped at the list's commas)
          bool joined = first - m.last >= 1 && first - m.last <= 2;
          // (A list ends with "and": "Meeting Putin, Lukashenko said" is one speaker after an
          // opening phrase.)
          bool and_joins = first < speaker->first;  // (already a list, so it had its "and")
          for (int k = m.last; k < first && joined; ++k) {
            joined = tokens[k].lower == "," || tokens[k].lower == "and";
            and_joins = and_joins || tokens[k].lower == "and";
          }
          joined = joined && and_joins;
          // A possessor, its title words and a name are one phrase: "Sudan's army chief Abdel
          // Fattah al-Burhan said ...".
          if (!joined && m.last >= 1 && tokens[m.last - 1].text == "'s" && first - m.last <= 3) {
            joined = true;
            for (int k = m.last; k < first && joined; ++k) joined = tokens[k].word && !tokens[k].capitalised;
          }
          if (joined) {
            first = m.first;
            extended = true;
          }
        }
      }
      c.speaker_first = first;
    }
    // ("He said his country was not a party": a personal pronoun speaks, whom the engine resolves
    // from the sentences before; the clause is still what was said.)
    // (A personal pronoun: "it" may be no one, "It was said ...".)
    const bool pronoun_speaker = !speaker && r.first - lo == 1 && kSubjectPronouns.count(tokens[lo].lower) &&
                                 tokens[lo].lower != "it";
    if (speaker_is_subject && pronoun_speaker && possessive) {
      if (c.last - c.first >= 2) out.push_back(c);
      continue;
    }
    if (speaker_is_subject) {
      if (!speaker) continue;  // no one known to act
      c.subject_first = speaker->first;
      c.subject_last = speaker->last;
      c.subject_possessive = possessive;
    }
    // "said that the sanctions were unfair and that his government would never help ...": a second
    // "that" after "and" or "but" whose clause opens with the speaker's pronoun is more of what was
    // said, its pronoun the speaker as right after the verb. (Other second clauses stay with the
    // first, whose places and actors may be theirs.)
    if (!speaker_is_subject && speaker)
      for (int k = c.first + 1; k + 3 < c.last; ++k) {
        if ((tokens[k].lower != "and" && tokens[k].lower != "but") || tokens[k + 1].lower != "that") continue;
        const std::string_view opener = tokens[k + 2].lower;
        const bool own = kPossessivePronouns.count(opener) > 0 && tokens[k + 3].word;
        if (!own && !(kSubjectPronouns.count(opener) && opener != "it") &&
            !(opener == "it" && OpensWithVerb(tokens[k + 3])))
          continue;
        ReportedClause second = c;
        second.first = k + 3;
        second.subject_first = speaker->first;
        second.subject_last = speaker->last;
        second.subject_possessive = own;
        c.last = tokens[k - 1].lower == "," ? k - 1 : k;
        if (c.last - c.first >= 2) out.push_back(c);
        c = second;
        k = c.first;
      }
    if (c.last - c.first >= 2) out.push_back(c);
  }
  // Raising passives: "Belarusian soldiers were repeatedly reported to have fought in the
  // invasion", "Iran is believed to be supplying drones": the clause after "to" is the subject's
  // act; whoever reports or believes it is unnamed (or named after "by"), and the subject reports
  // nothing itself.
  static const WordSet kBe = {"is", "are", "was", "were", "be", "been", "being"};
  for (int k = 1; k + 2 < end; ++k) {
    if (!kRaising.count(tokens[k].lower)) continue;
    int aux = k - 1;
    while (aux > 0 && IsAdverb(tokens[aux])) --aux;
    if (!kBe.count(tokens[aux].lower)) continue;
    int to = k + 1;
    const TokenMention* by = nullptr;
    if (tokens[to].lower == "by") {  // "was said by Kyiv to have ..."
      by = MentionIn(mentions, to + 1, std::min(end, to + 4), false);
      if (!by) continue;
      to = by->last;
    }
    while (to < end && IsAdverb(tokens[to])) ++to;
    if (to + 1 >= end || tokens[to].lower != "to" || !tokens[to + 1].word) continue;
    int lo = 0;
    for (int j = aux - 1; j >= 0; --j)
      if (IsHardBoundary(tokens[j]) || tokens[j].lower == "that" || tokens[j].lower == ",") {
        lo = j + 1;
        break;
      }
    const TokenMention* subject = MentionIn(mentions, lo, aux, true);
    if (!subject) continue;
    ReportedClause c;
    c.first = to + 1;
    c.last = end;
    c.subject_first = subject->first;
    c.subject_last = subject->last;
    c.verb_first = k, c.verb_last = k + 1;
    c.passive_report_first = k, c.passive_report_last = k + 1;
    SetSpeaker(by, &c);
    // The cue loop above may have read the same verb as an active report: this reading replaces it.
    std::erase_if(out, [&](const ReportedClause& o) { return o.verb_first == k; });
    out.push_back(c);
  }
  // Object control: "Lukashenko intended them to pass their experience on to the army",
  // "Kigali ordered M23 to seize Goma": the clause after "to" is the object's act; the one who
  // intends or orders it stands as its "speaker" (never its source), and reports nothing.
  static const WordSet kObjectPronouns = {"them", "him", "her", "it"};
  for (int k = 1; k + 3 < end; ++k) {
    if (!kControl.count(tokens[k].lower)) continue;
    int object_first = -1, object_last = -1;
    if (kObjectPronouns.count(tokens[k + 1].lower)) {
      object_first = k + 1, object_last = k + 2;
    } else if (tokens[k + 1].lower == "the" && k + 3 < end && tokens[k + 2].word && tokens[k + 3].lower == "to") {
      // "wanted the mercenaries to train ...": a definite phrase the discourse may resolve.
      object_first = k + 1, object_last = k + 3;
    } else if (const TokenMention* m = MentionIn(mentions, k + 1, std::min(end, k + 3), false)) {
      object_first = m->first, object_last = m->last;
    }
    if (object_first < 0 || object_last + 1 >= end || tokens[object_last].lower != "to" ||
        !tokens[object_last + 1].word)
      continue;
    int lo = 0;
    for (int j = k - 1; j >= 0; --j)
      if (IsHardBoundary(tokens[j]) || tokens[j].lower == "that" || tokens[j].lower == ",") {
        lo = j + 1;
        break;
      }
    const TokenMention* controller = MentionIn(mentions, lo, k, true);
    if (!controller) continue;
    ReportedClause c;
    c.first = object_last + 1;
    c.last = end;
    c.subject_first = object_first;
    c.subject_last = object_last;
    c.verb_first = k, c.verb_last = k + 1;
    c.control = true;
    SetSpeaker(controller, &c);
    out.push_back(c);
  }
  // "According to X, C" / "C, according to X."
  for (const Cue& s : cues.sources) {
    int comma = -1;
    for (int k = s.last; k < n && k < s.last + 10; ++k) {
      if (tokens[k].lower == ",") {
        comma = k;
        break;
      }
      if (IsHardBoundary(tokens[k])) break;
    }
    ReportedClause c;
    if (s.first == 0 && comma > 0) {
      c.first = comma + 1;
      c.last = end;
    } else if (s.first > 0 && tokens[s.first - 1].lower == ",") {
      c.first = 0;
      c.last = s.first - 1;
    } else {
      continue;
    }
    SetSpeaker(MentionIn(mentions, s.last, std::min(n, s.last + 4), false), &c);
    if (c.last - c.first >= 3) out.push_back(c);
  }
  // "'Our soldiers captured two North Korean servicemen,' Zelensky wrote": a clause opening with
  // "we" or "our" speaks of the speaker's own side, which is its subject.
  for (ReportedClause& c : out) {
    if (c.speaker_first < 0 || c.subject_first >= 0) continue;
    int k = c.first;
    while (k < c.last && !tokens[k].word) ++k;
    if (k + 1 >= c.last || (tokens[k].lower != "we" && tokens[k].lower != "our")) continue;
    c.subject_first = c.speaker_first;
    c.subject_last = c.speaker_last;
    c.subject_possessive = tokens[k].lower == "our";
    c.first_person = true;
    c.first = k + 1;
  }
  // "Burundi, which accuses Kigali of sheltering coup plotters, sent soldiers to fight the M23": a
  // report inside a ", which/who ..." aside ends with the aside.
  for (ReportedClause& c : out) {
    if (c.verb_first < 0) continue;
    bool aside = false;
    for (int k = c.verb_first - 1; k >= 1 && c.verb_first - k <= 6 && !aside; --k) {
      if (tokens[k].lower == "," || IsHardBoundary(tokens[k])) break;
      aside = (tokens[k].lower == "which" || tokens[k].lower == "who") && tokens[k - 1].lower == ",";
    }
    if (!aside) continue;
    for (int k = std::max(c.first, c.verb_last); k < c.last; ++k)
      if (tokens[k].lower == ",") {
        c.last = k;
        break;
      }
  }
  return out;
}

}  // namespace dyad::enrich
