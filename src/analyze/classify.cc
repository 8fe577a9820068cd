#include "analyze/classify.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <string_view>
#include <unordered_map>

namespace dyad::analyze {
namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// std::isalnum and std::tolower of every byte, as tables: a report lowers and splits every
// sentence it reads (the C library's calls per byte were a tenth of its classification).
struct ByteClasses {
  std::array<char, 256> lower{};
  std::array<bool, 256> word{};
  ByteClasses() {
    for (int c = 0; c < 256; ++c) {
      lower[static_cast<size_t>(c)] = static_cast<char>(std::tolower(c));
      word[static_cast<size_t>(c)] = std::isalnum(c) != 0;
    }
  }
};
const ByteClasses& Bytes() {
  static const ByteClasses kBytes;
  return kBytes;
}

bool IsWordChar(char c) { return Bytes().word[static_cast<unsigned char>(c)]; }

// Where `needle` occurs in `hay` at or after `from`, starting and ending at word boundaries
// (npos: nowhere). Both lower-case.
size_t FindPhrase(const std::string& hay, const std::string& needle, size_t from = 0) {
  if (needle.empty()) return std::string::npos;
  for (size_t pos = hay.find(needle, from); pos != std::string::npos; pos = hay.find(needle, pos + 1)) {
    bool left = pos == 0 || !IsWordChar(hay[pos - 1]) || !IsWordChar(needle.front());
    size_t end = pos + needle.size();
    bool right = end >= hay.size() || !IsWordChar(hay[end]) || !IsWordChar(needle.back());
    if (left && right) return pos;
  }
  return std::string::npos;
}

bool ContainsPhrase(const std::string& hay, const std::string& needle) {
  return FindPhrase(hay, needle) != std::string::npos;
}

// Is the occurrence of a phrase at `pos` set aside by a contrast: "rather than" at most three
// words before it in its clause ("assembled at Alabuga rather than shipped from Iran")? Such a
// phrase says what did NOT happen. (Plain negation is left to the event's modality and to the
// rules about denials, whose keywords are negated on purpose: "Tehran does not send weapons".)
bool SetAsideAt(const std::string& text, size_t pos) {
  std::string_view words[4];
  int n = 0;
  size_t end = pos;
  while (n < 4 && end > 0) {
    size_t i = end;
    while (i > 0 && !IsWordChar(text[i - 1])) {
      const char c = text[i - 1];
      if (c == ',' || c == ';' || c == ':' || c == '.' || c == '(' || c == ')') return false;  // the clause ends
      --i;
    }
    const size_t word_end = i;
    while (i > 0 && IsWordChar(text[i - 1])) --i;
    if (i == word_end) break;
    words[n++] = std::string_view(text).substr(i, word_end - i);
    end = i;
  }
  for (int k = 0; k + 1 < n; ++k)
    if (words[k] == "than" && words[k + 1] == "rather") return true;
  return false;
}

// The phrase occurs in `hay`, and not only where SetAsideAt puts it aside.
bool ContainsAffirmed(const std::string& hay, const std::string& needle) {
  for (size_t at = FindPhrase(hay, needle); at != std::string::npos; at = FindPhrase(hay, needle, at + 1))
    if (!SetAsideAt(hay, at)) return true;
  return false;
}

// The names of states on neither side of the conflict, nor X, nor named by a side's words
// ("mozambique" in a report on Rwanda in the M23 conflict): where X's forces are elsewhere.
std::vector<std::string> Elsewhere(const Subject& x, const Conflict& c) {
  std::vector<std::string> out;
  auto party = [&](const std::string& code) {
    for (const auto* side : {&c.aggressor, &c.victim, &c.aggressor_allies, &c.victim_allies})
      for (const std::string& p : *side)
        if (p.compare(0, 3, code) == 0) return true;
    return false;
  };
  auto named_by_side = [&](const std::string& name) {
    for (const auto* words : {&c.aggressor_words, &c.victim_words})
      for (const std::string& w : *words)
        if (Lower(w) == name) return true;
    return std::find(x.names.begin(), x.names.end(), name) != x.names.end();
  };
  for (const auto& [code, name] : x.other_states)
    if (code != x.code && !party(code) && !named_by_side(name)) out.push_back(name);
  return out;
}

// A side's words ({victim}) and the names and adjectives of the states it and its allies are
// ("american" for the United States beside Yemen's government), never X's own.
std::vector<std::string> SideWords(const Subject& x, const std::vector<std::string>& words,
                                   std::initializer_list<const std::vector<std::string>*> sides) {
  std::vector<std::string> out;
  for (const std::string& w : words) out.push_back(Lower(w));
  for (const auto& [code, name] : x.other_states) {
    bool on_side = false;
    for (const auto* side : sides)
      for (const std::string& p : *side) on_side = on_side || p.compare(0, 3, code) == 0;
    if (on_side && code != x.code && std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  }
  return out;
}

// Expands {x_name}, {x_adj}, {aggressor}, {victim}, {elsewhere}, {victim_side},
// {aggressor_side}, {aggressor_held} and {x_weapon} into every phrase they
// stand for; a placeholder without a value yields no phrase.
std::vector<std::string> Expand(const std::string& keyword, const Subject& x, const Conflict& c) {
  std::vector<std::string> out = {keyword};
  struct Ph {
    const char* key;
    std::vector<std::string> values;
  };
  std::vector<Ph> phs = {{"{x_name}", {}},         {"{x_adj}", {}},         {"{aggressor}", c.aggressor_words},
                         {"{victim}", c.victim_words}, {"{elsewhere}", {}},     {"{victim_side}", {}},
                         {"{aggressor_side}", {}},     {"{aggressor_held}", c.aggressor_held},
                         {"{x_weapon}", x.weapons}};
  if (keyword.find("{elsewhere}") != std::string::npos) phs[4].values = Elsewhere(x, c);
  if (keyword.find("{victim_side}") != std::string::npos)
    phs[5].values = SideWords(x, c.victim_words, {&c.victim, &c.victim_allies});
  if (keyword.find("{aggressor_side}") != std::string::npos)
    phs[6].values = SideWords(x, c.aggressor_words, {&c.aggressor, &c.aggressor_allies});
  if (x.names.empty() && !x.name.empty()) phs[0].values.push_back(Lower(x.name));
  for (const std::string& n : x.names) phs[0].values.push_back(n);
  if (x.adjectives.empty() && !x.adjective.empty()) phs[1].values.push_back(Lower(x.adjective));
  for (const std::string& a : x.adjectives) phs[1].values.push_back(a);
  for (const Ph& ph : phs) {
    std::string key = ph.key;
    std::vector<std::string> next;
    for (const std::string& s : out) {
      size_t pos = s.find(key);
      if (pos == std::string::npos) {
        next.push_back(s);
        continue;
      }
      for (const std::string& v : ph.values) {
        std::string t = s;
        for (size_t p = t.find(key); p != std::string::npos; p = t.find(key, p + v.size())) t.replace(p, key.size(), v);
        next.push_back(t);
      }
      // A name written with "the" in text ("from the UAE", "sent by the Emirates") after another
      // word of the keyword: the table keeps names without it.
      if (key == "{x_name}" && pos > 0 && s.compare(pos >= 4 ? pos - 4 : 0, 4, "the ") != 0) {
        for (const std::string& v : x.names_with_the) {
          std::string t = s;
          for (size_t p = t.find(key); p != std::string::npos; p = t.find(key, p + v.size() + 4))
            t.replace(p, key.size(), "the " + v);
          next.push_back(t);
        }
      }
    }
    out = std::move(next);
  }
  return out;
}

// The sentence in lower case, with other states' longer names that hold one of X's words blanked
// out ("South Sudanese troops" names no Sudan): keywords and names are matched against it.
void TextFor(const Event& e, const Subject& x, std::string* out) {
  std::string& text = *out;
  text.assign(e.sentence);
  const std::array<char, 256>& lower = Bytes().lower;
  for (char& c : text) c = lower[static_cast<unsigned char>(c)];
  for (const std::string& other : x.shadowed_by) {
    for (size_t pos = text.find(other); pos != std::string::npos; pos = text.find(other, pos + other.size())) {
      const size_t end = pos + other.size();
      if ((pos == 0 || !IsWordChar(text[pos - 1]) || !IsWordChar(other.front())) &&
          (end == text.size() || !IsWordChar(text[end]) || !IsWordChar(other.back())))
        std::fill(text.begin() + static_cast<std::ptrdiff_t>(pos), text.begin() + static_cast<std::ptrdiff_t>(end), ' ');
    }
  }
}

// A word of text: a maximal run of IsWordChar bytes. A phrase occurs (ContainsPhrase) only where
// each of its words is a whole word of the text: inside the phrase a word is bounded by the
// phrase's own non-word bytes, and at either end by the boundary ContainsPhrase requires. So a
// text without one of a phrase's words cannot hold the phrase.
template <typename Fn>
void ForEachWord(std::string_view text, Fn&& fn) {
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !IsWordChar(text[i])) ++i;
    const size_t begin = i;
    while (i < text.size() && IsWordChar(text[i])) ++i;
    if (i > begin) fn(text.substr(begin, i - begin));
  }
}

uint64_t WordHash(std::string_view word) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : word) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

// A CAMEO code or code prefix of up to 8 bytes packed into an integer, first byte highest: a code
// starts with a prefix when the code's bytes under the prefix's mask equal the prefix's. Longer
// strings (no CAMEO code is) are compared as strings.
struct PackedCode {
  uint64_t bits = 0, mask = 0;
  bool packed = false;
};
PackedCode Pack(std::string_view code) {
  PackedCode p;
  if (code.size() > 8) return p;
  p.packed = true;
  for (size_t i = 0; i < code.size(); ++i) {
    const int shift = 56 - 8 * static_cast<int>(i);
    p.bits |= uint64_t{static_cast<unsigned char>(code[i])} << shift;
    p.mask |= uint64_t{0xff} << shift;
  }
  return p;
}

// A code prefix list (Rule::codes, not_codes) ready for CodeIn below.
struct PrefixList {
  std::vector<PackedCode> packed;
  const std::vector<std::string>* prefixes = nullptr;  // the list as written (unpacked fallback)
  bool all_packed = true;
};
PrefixList PrefixesOf(const std::vector<std::string>& prefixes) {
  PrefixList l;
  l.prefixes = &prefixes;
  for (const std::string& p : prefixes) {
    l.packed.push_back(Pack(p));
    l.all_packed = l.all_packed && l.packed.back().packed;
  }
  return l;
}

// A set of sides as bits (1 << Side); a rule's empty list admits every side.
using SideMask = uint32_t;
constexpr SideMask kAnySide = ~SideMask{0};
SideMask Bit(Side s) { return SideMask{1} << static_cast<int>(s); }
SideMask MaskOf(const std::vector<Side>& sides) {
  if (sides.empty()) return kAnySide;
  SideMask m = 0;
  for (Side s : sides) m |= Bit(s);
  return m;
}

bool SideIn(const std::vector<Side>& sides, Side s) {
  return sides.empty() || std::find(sides.begin(), sides.end(), s) != sides.end();
}

// The role codes of an actor code are the chunks of three after its 3-letter country/IGO
// prefix; a bare country has none ("-").
bool HasRole(const std::string& code, const std::vector<std::string>& wanted) {
  const bool bare = code.size() < 6;
  for (const std::string& w : wanted) {
    if (w == "-" && bare && !code.empty()) return true;
    if (w.size() != 3) continue;
    for (size_t i = 3; i + 3 <= code.size(); i += 3)
      if (code.compare(i, 3, w) == 0) return true;
  }
  return false;
}

bool CodeIn(const std::string& code, const std::vector<std::string>& prefixes) {
  for (const std::string& p : prefixes) {
    if (code.compare(0, p.size(), p) == 0) return true;
  }
  return false;
}

// CodeIn(code, *list.prefixes), with `packed` = Pack(code).
bool CodeIn(const std::string& code, const PackedCode& packed, const PrefixList& list) {
  if (!packed.packed || !list.all_packed) return CodeIn(code, *list.prefixes);
  for (const PackedCode& p : list.packed)
    if ((packed.bits & p.mask) == p.bits) return true;
  return false;
}

}  // namespace

const char* BucketName(Bucket b) {
  switch (b) {
    case Bucket::kAsserted: return "asserted";
    case Bucket::kReported: return "reported";
    case Bucket::kHypothetical: return "hypothetical";
    case Bucket::kNegated: return "negated";
    case Bucket::kAlleged: return "alleged";
  }
  return "asserted";
}

Bucket BucketOf(const Event& event) {
  switch (event.modality) {
    case Modality::kNegated: return Bucket::kNegated;
    case Modality::kHypothetical: return Bucket::kHypothetical;
    case Modality::kAsserted: break;
  }
  // Vague sourcing ("there have been reports of ...") has a text but no code.
  return event.reported_by.empty() && event.reported_by_text.empty() ? Bucket::kAsserted : Bucket::kReported;
}

namespace {

// The byte offset in UTF-8 `text` of its code point number `n` (its size for n = the number of
// code points; npos when out of range).
size_t ByteOfCodePoint(const std::string& text, int64_t n) {
  if (n < 0) return std::string::npos;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // inside a code point
    if (n-- == 0) return i;
  }
  return n == 0 ? text.size() : std::string::npos;
}

// One of `words` lies whole in text[begin, end).
bool WordBetween(const std::string& text, const std::vector<std::string>& words, size_t begin, size_t end) {
  for (const std::string& w : words) {
    const size_t at = FindPhrase(text, w, begin);
    if (at != std::string::npos && at + w.size() <= end) return true;
  }
  return false;
}

// The event's verb (its source without one) as bytes [*begin, *end) of `text`, its sentence in lower
// case; false when the event has no span or it lies outside the text.
bool VerbBytes(const Event& e, const std::string& text, size_t* begin, size_t* end) {
  const Span& verb = !e.verb_span.empty() ? e.verb_span : e.source_span;
  if (verb.empty()) return false;
  const int64_t base = e.sentence_span.empty() ? 0 : e.sentence_span.begin;
  *begin = ByteOfCodePoint(text, verb.begin - base);
  *end = ByteOfCodePoint(text, verb.end - base);
  return *begin != std::string::npos && *end != std::string::npos;
}

// The reporter alleges the event: an allegation verb between the reporter's words and the
// event's verb ("Washington accused Iran of delivering"), or after the verb up to the end of the
// reporter's clause ("Iran delivered drones to Russia, Kyiv alleged"). `text`: the sentence in lower case.
bool Alleged(const Event& e, const std::string& text, const std::vector<std::string>& allegation) {
  if (allegation.empty() || e.reported_by_text.empty()) return false;
  size_t verb_begin = 0, verb_end = 0;
  if (!VerbBytes(e, text, &verb_begin, &verb_end)) return false;
  const std::string reporter = Lower(e.reported_by_text);
  for (size_t at = FindPhrase(text, reporter); at != std::string::npos; at = FindPhrase(text, reporter, at + 1)) {
    const size_t end = at + reporter.size();
    if (end <= verb_begin && WordBetween(text, allegation, end, verb_begin)) return true;
    if (at >= verb_end) {
      const size_t clause_end = std::min(text.find_first_of(",;:.!?", end), text.size());
      if (WordBetween(text, allegation, verb_end, clause_end)) return true;
    }
  }
  return false;
}

// The reporter finds the event's conduct unlawful or a threat: one of `findings` after the event's
// verb, in its clause, in a sentence reported by an actor other than the event's source.
bool Found(const Event& e, const std::string& text, const std::vector<std::string>& findings) {
  if (findings.empty() || e.reported_by.empty() || e.source.size() < 3 ||
      e.reported_by.compare(0, 3, e.source, 0, 3) == 0)
    return false;
  size_t verb_begin = 0, verb_end = 0;
  if (!VerbBytes(e, text, &verb_begin, &verb_end)) return false;
  const size_t clause_end = std::min(text.find_first_of(",;:.!?", verb_end), text.size());
  return WordBetween(text, findings, verb_end, clause_end);
}

// The event's own words make it an accusation with no accuser named: between its source and its
// verb, "X stands accused of supplying", "X is accused of", "X has been accused of", "X allegedly
// supplied", "X is suspected of", "X is alleged to have".
bool AllegedWithoutAccuser(const Event& e) {
  if (e.source_span.empty() || e.verb_span.empty() || e.verb_span.begin < e.source_span.end) return false;
  const int64_t base = e.sentence_span.empty() ? 0 : e.sentence_span.begin;
  const size_t from = ByteOfCodePoint(e.sentence, e.source_span.end - base);
  const size_t to = ByteOfCodePoint(e.sentence, e.verb_span.begin - base);
  if (from == std::string::npos || to == std::string::npos || to <= from) return false;
  // (Only the words between them are lower-cased: this is asked of every event listed.)
  const std::string between = Lower(e.sentence.substr(from, to - from));
  static const std::vector<std::string> kCues = {"accused of", "allegedly", "alleged to", "suspected of"};
  return WordBetween(between, kCues, 0, between.size());
}

}  // namespace

Bucket BucketOf(const Event& event, const std::vector<std::string>& allegation,
               const std::vector<std::string>& findings) {
  const Bucket b = BucketOf(event);
  if (b == Bucket::kReported && (!allegation.empty() || !findings.empty())) {
    const std::string text = Lower(event.sentence);  // (read by both)
    if (Alleged(event, text, allegation) || Found(event, text, findings)) return Bucket::kAlleged;
  }
  if ((b == Bucket::kReported || b == Bucket::kAsserted) && !allegation.empty() && AllegedWithoutAccuser(event))
    return Bucket::kAlleged;
  return b;
}

// ---------------------------------------------------------------- the compiled rules

// The rules with every keyword expanded for one X and one conflict (placeholders, the groups
// that name X), each phrase numbered once, so that an event is tested against each phrase at
// most once however many rules list it.
struct Classifier::Program {
  struct Compiled {
    const Rule* rule = nullptr;
    bool applies = true;  // its category is in X's report
    // Phrase lists (numbers into `lists`); a keyword list's phrases are in the order
    // MatchedKeyword tries them (keyword by keyword, each expanded).
    int keywords = 0, and_keywords = 0, not_keywords = 0;
    bool group_condition = false;  // group_kind, group_country or group_fights_for given
    int groups = 0;                // the match phrases of the groups those conditions admit
    // The rule's conditions as bits, tested with a few integer operations per event.
    SideMask source = kAnySide, target = kAnySide, reported_by = kAnySide, location = kAnySide,
             origin = kAnySide, destination = kAnySide, place = kAnySide;
    uint32_t modality = ~uint32_t{0};  // 1 << Modality
    uint32_t involves_by_code = 0;     // 1 << Involvement, for the kinds an event's codes and places answer
    bool involves_named = false, involves_group = false;  // the kinds its sentence answers
    // The phrases that name X for `involves_named`: X's names and adjectives, and for a rule whose
    // keywords use {x_weapon} its weapon systems too ("debris of KN-23 missiles" names North Korea
    // for that rule alone).
    int named = 0;
    PrefixList codes, not_codes;
  };

  Subject x;
  const Conflict& conflict;
  Standing standing = Standing::kThird;
  std::vector<std::string> allegation;  // RuleSet::allegation
  std::vector<std::string> findings;    // RuleSet::findings
  std::vector<std::string> judging;     // RuleSet::judgement.words and RuleSet::allegation (JudgedBeforeNamed)
  std::vector<std::string> phrases;
  // The phrases filed under one of their words, by that word's WordHash: the word fewest phrases
  // share (the longest of those), so that a common word ("forces") files few phrases. A phrase is
  // searched for in an event's sentence only when the sentence holds that word and every other
  // word of the phrase; so a phrase costs nothing in a sentence without its words. Hashes may
  // collide: a collision only makes a search that finds nothing.
  std::unordered_map<uint64_t, std::vector<int>> phrases_by_word;
  // Per phrase, the WordHash of each of its words: words_of[word_begin[id] .. word_begin[id + 1]).
  std::vector<uint64_t> words_of;
  std::vector<uint32_t> word_begin = {0};
  std::vector<std::vector<std::pair<uint64_t, size_t>>> pending_words;  // (hash, length), until IndexPhrases
  // Phrases without a word (punctuation alone): searched in every text.
  std::vector<int> unscreened;
  std::unordered_map<std::string, int> phrase_ids;
  // Lists of phrase numbers, each once: many rules share a list ({aggressor}, the named
  // involvement), so an event answers each list once.
  std::vector<std::vector<int>> lists;
  std::map<std::vector<int>, int> list_ids;
  // Per phrase, the lists that hold it: a list can only match a text that holds a candidate of
  // its own (most lists are ruled out for an event without looking at their phrases).
  std::vector<std::vector<int>> lists_of;
  int named = 0;     // {x_name}, {x_adj}, {x_adj}s: the sentence names X
  int named_or_weapon = 0;  // ... or one of X's weapon systems ({x_weapon})
  // The list that names X for `rule`: with its weapon systems when its keywords use {x_weapon}.
  // (Read once per rule, into Compiled::named.)
  int NamedListFor(const Rule& rule) const {
    const bool weapons = std::any_of(rule.keywords.begin(), rule.keywords.end(),
                                     [](const std::string& k) { return k.find("{x_weapon}") != std::string::npos; });
    return weapons ? named_or_weapon : named;
  }
  int x_groups = 0;  // the match phrases of the conflict's groups from X
  std::vector<Compiled> compiled;
  // The rules (indexes into `compiled`, in file order) that may fire on an event by its CAMEO
  // root ("19": rules without codes, and those with a code under 19 or "1"); an event whose code
  // does not begin with two digits is tested against every rule.
  std::array<std::vector<uint16_t>, 100> rules_by_root;
  std::vector<uint16_t> every_rule;
  std::vector<uint16_t> sentence_rules;  // the rules with `sentences = true` (in no other list), in file order
  std::unordered_map<const Rule*, size_t> index;

  Program(const std::vector<const Rule*>& rules, const RuleSet* set, const Conflict& c, Subject subject)
      : x(std::move(subject)), conflict(c), standing(c.StandingOf(x.code)) {
    if (set) allegation = set->allegation;
    if (set) findings = set->findings;
    if (set && !set->judgement.words.empty()) {
      judging = set->judgement.words;
      judging.insert(judging.end(), set->allegation.begin(), set->allegation.end());
    }
    named = List(Phrases({"{x_name}", "{x_adj}", "{x_adj}s"}));
    named_or_weapon = List(Phrases({"{x_name}", "{x_adj}", "{x_adj}s", "{x_weapon}"}));
    std::vector<int> from_x;
    for (const Group& g : conflict.groups) {
      if (conflict.SideOf(g.country, x.code) != Side::kX) continue;
      for (const std::string& m : g.match) from_x.push_back(Intern(m));
    }
    x_groups = List(std::move(from_x));
    compiled.reserve(rules.size());
    for (const Rule* rule : rules) {
      Compiled r;
      r.rule = rule;
      if (set) {
        const Category* cat = set->FindCategory(rule->category);
        r.applies = cat && cat->AppliesTo(standing) &&
                    (rule->standing.empty() ||
                     std::find(rule->standing.begin(), rule->standing.end(), standing) != rule->standing.end());
      }
      if (!rule->AppliesToKind(conflict.kind)) r.applies = false;
      r.source = MaskOf(rule->source);
      r.target = MaskOf(rule->target);
      r.reported_by = MaskOf(rule->reported_by);
      r.location = MaskOf(rule->location);
      r.origin = MaskOf(rule->origin);
      r.destination = MaskOf(rule->destination);
      r.place = MaskOf(rule->place);
      if (!rule->modality.empty()) {
        r.modality = 0;
        for (Modality m : rule->modality) r.modality |= uint32_t{1} << static_cast<int>(m);
      }
      for (Involvement inv : rule->involves) {
        if (inv == Involvement::kNamed) r.involves_named = true;
        else if (inv == Involvement::kGroup) r.involves_group = true;
        else r.involves_by_code |= uint32_t{1} << static_cast<int>(inv);
      }
      r.named = NamedListFor(*rule);
      r.codes = PrefixesOf(rule->codes);
      r.not_codes = PrefixesOf(rule->not_codes);
      r.keywords = List(Phrases(rule->keywords));
      r.and_keywords = List(Phrases(rule->and_keywords));
      r.not_keywords = List(Phrases(rule->not_keywords));
      std::vector<int> groups;
      r.group_condition = !rule->group_kind.empty() || !rule->group_country.empty() || !rule->group_fights_for.empty();
      if (r.group_condition) {
        for (const Group& g : conflict.groups) {
          if (!rule->group_kind.empty() &&
              std::find(rule->group_kind.begin(), rule->group_kind.end(), g.kind) == rule->group_kind.end())
            continue;
          if (!SideIn(rule->group_country, conflict.SideOf(g.country, x.code))) continue;
          Side fights = g.fights_for == "aggressor" ? Side::kAggressor : Side::kVictim;
          if (!SideIn(rule->group_fights_for, fights)) continue;
          for (const std::string& m : g.match) groups.push_back(Intern(m));
        }
      }
      r.groups = List(std::move(groups));
      index.emplace(rule, compiled.size());
      compiled.push_back(std::move(r));
    }
    IndexPhrases();
    IndexRulesByRoot();
  }

  void IndexRulesByRoot() {
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    for (size_t i = 0; i < compiled.size(); ++i) {
      const auto n = static_cast<uint16_t>(i);
      // A sentence rule reads words alone: never an event, whose actors the other rules weigh.
      if (compiled[i].rule->sentences) {
        sentence_rules.push_back(n);
        continue;
      }
      every_rule.push_back(n);
      std::array<bool, 100> roots{};
      if (compiled[i].rule->codes.empty()) roots.fill(true);
      for (const std::string& p : compiled[i].rule->codes) {
        if (p.empty()) roots.fill(true);
        else if (p.size() == 1 && digit(p[0]))
          for (int d = 0; d < 10; ++d) roots[static_cast<size_t>((p[0] - '0') * 10 + d)] = true;
        else if (p.size() >= 2 && digit(p[0]) && digit(p[1]))
          roots[static_cast<size_t>((p[0] - '0') * 10 + (p[1] - '0'))] = true;
      }
      for (size_t r = 0; r < roots.size(); ++r)
        if (roots[r]) rules_by_root[r].push_back(n);
    }
  }

  // The rules that may fire on an event with this code (IndexRulesByRoot).
  const std::vector<uint16_t>& RulesFor(const std::string& code) const {
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (code.size() < 2 || !digit(code[0]) || !digit(code[1])) return every_rule;
    return rules_by_root[static_cast<size_t>((code[0] - '0') * 10 + (code[1] - '0'))];
  }

  // Files every phrase under its word (phrases_by_word) once all are interned.
  void IndexPhrases() {
    std::unordered_map<uint64_t, int> sharing;  // word -> phrases holding it
    for (const auto& words : pending_words)
      for (size_t i = 0; i < words.size(); ++i) {
        bool again = false;
        for (size_t j = 0; j < i; ++j) again = again || words[j].first == words[i].first;
        if (!again) ++sharing[words[i].first];
      }
    for (size_t id = 0; id < pending_words.size(); ++id) {
      const auto& words = pending_words[id];
      const std::pair<uint64_t, size_t>* key = nullptr;
      for (const auto& w : words) {
        words_of.push_back(w.first);
        if (!key || sharing[w.first] < sharing[key->first] ||
            (sharing[w.first] == sharing[key->first] && w.second > key->second))
          key = &w;
      }
      word_begin.push_back(static_cast<uint32_t>(words_of.size()));
      if (key) phrases_by_word[key->first].push_back(static_cast<int>(id));
      else unscreened.push_back(static_cast<int>(id));
    }
    pending_words.clear();
  }

  int Intern(const std::string& phrase) {
    auto [it, added] = phrase_ids.emplace(phrase, static_cast<int>(phrases.size()));
    if (added) {
      phrases.push_back(phrase);
      std::vector<std::pair<uint64_t, size_t>> words;
      ForEachWord(phrase, [&](std::string_view word) { words.push_back({WordHash(word), word.size()}); });
      pending_words.push_back(std::move(words));
    }
    return it->second;
  }

  int List(std::vector<int> phrase_numbers) {
    auto [it, added] = list_ids.emplace(phrase_numbers, static_cast<int>(lists.size()));
    if (added) {
      for (int id : phrase_numbers) {
        if (lists_of.size() <= static_cast<size_t>(id)) lists_of.resize(static_cast<size_t>(id) + 1);
        std::vector<int>& of = lists_of[static_cast<size_t>(id)];
        if (of.empty() || of.back() != it->second) of.push_back(it->second);
      }
      lists.push_back(std::move(phrase_numbers));
    }
    return it->second;
  }

  std::vector<int> Phrases(const std::vector<std::string>& keywords) {
    std::vector<int> out;
    for (const std::string& k : keywords)
      for (const std::string& phrase : Expand(k, x, conflict)) out.push_back(Intern(phrase));
    return out;
  }
};

namespace {

// EventFacts' buffers, kept from event to event on each thread (a report classifies tens of
// thousands of events: a fresh set per event was most of the allocations of a report).
struct FactsBuffers {
  std::string text;
  std::vector<int8_t> seen, list_seen;
  std::vector<uint64_t> words;
  bool in_use = false;
};

// The thread's buffers, or fresh ones while another EventFacts of this thread holds them.
class LeasedBuffers {
 public:
  LeasedBuffers() {
    thread_local FactsBuffers kept;
    if (kept.in_use) {
      own_ = std::make_unique<FactsBuffers>();
      b_ = own_.get();
    } else {
      b_ = &kept;
    }
    b_->in_use = true;
  }
  ~LeasedBuffers() { b_->in_use = false; }
  LeasedBuffers(const LeasedBuffers&) = delete;
  LeasedBuffers& operator=(const LeasedBuffers&) = delete;
  FactsBuffers& operator*() const { return *b_; }

 private:
  std::unique_ptr<FactsBuffers> own_;
  FactsBuffers* b_ = nullptr;
};

// What the rules ask of one event, each worked out once: the sides of its actors and places, its
// sentence as matched (TextFor), and which phrases occur in it.
class EventFacts {
 public:
  EventFacts(const Classifier::Program& p, const Event& e)
      : p_(p),
        e_(e),
        source_(Of(e.source)),
        target_(Of(e.target)),
        reported_by_(Of(e.reported_by)),
        location_(Of(e.location.country)),
        origin_(Of(e.origin.country)),
        destination_(Of(e.destination.country)),
        code_(Pack(e.event_code)),
        text_((*buffers_).text),
        seen_((*buffers_).seen),
        list_seen_((*buffers_).list_seen),
        words_((*buffers_).words) {
    list_seen_.assign(p.lists.size(), 0);
    auto bit = [](Involvement i) { return uint32_t{1} << static_cast<int>(i); };
    if (source_ == Side::kX) involved_by_code_ |= bit(Involvement::kSource);
    if (target_ == Side::kX) involved_by_code_ |= bit(Involvement::kTarget);
    if (reported_by_ == Side::kX) involved_by_code_ |= bit(Involvement::kReportedBy);
    if (location_ == Side::kX) involved_by_code_ |= bit(Involvement::kLocation);
    if (origin_ == Side::kX) involved_by_code_ |= bit(Involvement::kOrigin);
    if (destination_ == Side::kX) involved_by_code_ |= bit(Involvement::kDestination);
    if (location_ == Side::kX || origin_ == Side::kX || destination_ == Side::kX)
      involved_by_code_ |= bit(Involvement::kPlace);
  }

  // Some phrase of list `list` occurs in the sentence, not only set aside ("rather than shipped
  // from Iran": SetAsideAt).
  bool Any(int list) {
    Text();
    return (list_seen_[static_cast<size_t>(list)] & kListAffirmed) != 0;
  }
  // Some phrase of the list occurs at all, set aside or not (for not_keywords: "rather than
  // shipped from Iran" still speaks of a shipment).
  bool AnyAtAll(int list) {
    Text();
    return list_seen_[static_cast<size_t>(list)] != 0;
  }
  // Phrase `id` occurs in the sentence.
  bool Has(int id) {
    Text();
    return seen_[static_cast<size_t>(id)] == kPresent;
  }

  bool Involves(const Classifier::Program::Compiled& r) {
    for (Involvement inv : r.rule->involves) {
      switch (inv) {
        case Involvement::kSource: if (source_ == Side::kX) return true; break;
        case Involvement::kTarget: if (target_ == Side::kX) return true; break;
        case Involvement::kReportedBy: if (reported_by_ == Side::kX) return true; break;
        case Involvement::kLocation: if (location_ == Side::kX) return true; break;
        case Involvement::kOrigin: if (origin_ == Side::kX) return true; break;
        case Involvement::kDestination: if (destination_ == Side::kX) return true; break;
        case Involvement::kPlace:
          if (location_ == Side::kX || origin_ == Side::kX || destination_ == Side::kX) return true;
          break;
        case Involvement::kNamed: if (Any(r.named)) return true; break;
        case Involvement::kGroup: if (Any(p_.x_groups)) return true; break;
      }
    }
    return false;
  }

  // With tie_by_document, every condition but and_keywords (the caller asks the document).
  bool Matches(const Classifier::Program::Compiled& r, bool tie_by_document = false) {
    const Rule& rule = *r.rule;
    const Event& e = e_;
    // Every condition must hold: the cheap ones (codes, sides, involvement by codes and places)
    // first, the sentence's words (involvement by name or group, keywords, groups) last.
    const bool involved_by_code = (r.involves_by_code & involved_by_code_) != 0;
    if (!involved_by_code && !r.involves_named && !r.involves_group) return false;
    if (!rule.codes.empty() && !CodeIn(e.event_code, code_, r.codes)) return false;
    if (!rule.not_codes.empty() && CodeIn(e.event_code, code_, r.not_codes)) return false;
    if ((r.modality >> static_cast<int>(e.modality) & 1) == 0) return false;
    if ((r.source & Bit(source_)) == 0 || (r.target & Bit(target_)) == 0 ||
        (r.reported_by & Bit(reported_by_)) == 0 || (r.location & Bit(location_)) == 0 ||
        (r.origin & Bit(origin_)) == 0 || (r.destination & Bit(destination_)) == 0)
      return false;
    if (!rule.place.empty()) {
      const bool any = (!e.location.country.empty() && (r.place & Bit(location_)) != 0) ||
                       (!e.origin.country.empty() && (r.place & Bit(origin_)) != 0) ||
                       (!e.destination.country.empty() && (r.place & Bit(destination_)) != 0);
      if (!any) return false;
    }
    if (!rule.source_role.empty() && !HasRole(e.source, rule.source_role)) return false;
    if (!rule.target_role.empty() && !HasRole(e.target, rule.target_role)) return false;
    if (!rule.reported_by_role.empty() && !HasRole(e.reported_by, rule.reported_by_role)) return false;
    if (!rule.not_source_role.empty() && HasRole(e.source, rule.not_source_role)) return false;
    if (!rule.not_target_role.empty() && HasRole(e.target, rule.not_target_role)) return false;
    if (!involved_by_code && !(r.involves_named && Any(r.named)) && !(r.involves_group && Any(p_.x_groups)))
      return false;
    if (!rule.keywords.empty() && !Any(r.keywords)) return false;
    if (!tie_by_document && !rule.and_keywords.empty() && !Any(r.and_keywords)) return false;
    if (!rule.not_keywords.empty() && AnyAtAll(r.not_keywords)) return false;
    if (r.group_condition && !Any(r.groups)) return false;
    return true;
  }

  std::string MatchedKeyword(const Classifier::Program::Compiled& r) {
    for (int id : p_.lists[static_cast<size_t>(r.keywords)])
      if (Has(id)) return p_.phrases[static_cast<size_t>(id)];
    return "";
  }

 private:
  Side Of(const std::string& code) const { return p_.conflict.SideOf(code, p_.x.code); }
  // The sentence as matched, and every phrase that occurs in it (seen_) with the lists that hold
  // one (list_seen_): only the phrases whose words are all words of the sentence are searched.
  void Text() {
    if (lowered_) return;
    lowered_ = true;
    TextFor(e_, p_.x, &text_);
    seen_.assign(p_.phrases.size(), kAbsent);
    words_.clear();
    uint64_t word_bits = 0;  // one bit per word (by its hash's top 6 bits): most absent words fail here
    ForEachWord(text_, [&](std::string_view word) {
      words_.push_back(WordHash(word));
      word_bits |= uint64_t{1} << (words_.back() >> 58);
    });
    auto search = [&](int id) {
      int8_t& s = seen_[static_cast<size_t>(id)];
      if (s != kAbsent) return;  // searched already (a word the sentence holds twice)
      s = kRuledOut;
      for (uint32_t i = p_.word_begin[static_cast<size_t>(id)]; i < p_.word_begin[static_cast<size_t>(id) + 1]; ++i) {
        const uint64_t w = p_.words_of[i];
        if ((word_bits >> (w >> 58) & 1) == 0 || std::find(words_.begin(), words_.end(), w) == words_.end()) return;
      }
      const std::string& phrase = p_.phrases[static_cast<size_t>(id)];
      if (!ContainsPhrase(text_, phrase)) return;
      s = ContainsAffirmed(text_, phrase) ? kPresent : kSetAside;
      const int8_t bit = s == kPresent ? kListAffirmed : kListSetAside;
      if (static_cast<size_t>(id) < p_.lists_of.size())
        for (int list : p_.lists_of[static_cast<size_t>(id)]) list_seen_[static_cast<size_t>(list)] |= bit;
    };
    for (int id : p_.unscreened) search(id);
    for (uint64_t w : words_) {
      auto it = p_.phrases_by_word.find(w);
      if (it == p_.phrases_by_word.end()) continue;
      for (int id : it->second) search(id);
    }
  }

  const Classifier::Program& p_;
  const Event& e_;
  Side source_, target_, reported_by_, location_, origin_, destination_;
  PackedCode code_;                  // the event code, packed
  uint32_t involved_by_code_ = 0;    // 1 << Involvement for each kind its codes and places answer
  // Per phrase: kAbsent (not searched: a word is missing), kRuledOut (searched, not found) or
  // kPresent; per list: 1 when one of its phrases is present. Both set by Text().
  // kSetAside: found only where SetAsideAt puts it aside. Per list, kListAffirmed and
  // kListSetAside bits.
  static constexpr int8_t kAbsent = 0, kPresent = 1, kRuledOut = 2, kSetAside = 3;
  static constexpr int8_t kListAffirmed = 1, kListSetAside = 2;
  LeasedBuffers buffers_;
  std::string& text_;
  std::vector<int8_t>& seen_;
  std::vector<int8_t>& list_seen_;
  std::vector<uint64_t>& words_;    // WordHash of each word of text_
  bool lowered_ = false;
};

// A program of the one rule (for the single-rule functions below).
Classifier::Program OneRule(const Rule& rule, const Subject& x, const Conflict& c) {
  return Classifier::Program({&rule}, nullptr, c, x);
}

std::string TargetFromConflictOf(const Classifier::Program::Compiled& r, const Event& event,
                                 EventFacts* facts, const Conflict& conflict, std::string* reason) {
  const Rule& rule = *r.rule;
  if (rule.target_from_conflict == Side::kNone || !event.target.empty()) return "";
  const bool victim = rule.target_from_conflict == Side::kVictim;
  const std::vector<std::string>& party = victim ? conflict.victim : conflict.aggressor;
  if (party.empty()) return "";
  std::string keyword = facts->MatchedKeyword(r);
  if (reason) {
    *reason = "target " + party.front() + " taken from the conflict (" + (victim ? "victim" : "aggressor") +
              " in " + conflict.name + "): the sentence names no target" +
              (keyword.empty() ? "" : " and speaks of \"" + keyword + "\"");
  }
  return party.front();
}

}  // namespace

Classifier::Classifier(const RuleSet& rules, const Conflict& conflict, Subject x) {
  std::vector<const Rule*> all;
  all.reserve(rules.rules.size());
  // (An even-handed rule is given by the report, never matched by itself: RoleAnalyzer.)
  for (const Rule& r : rules.rules)
    if (!r.even_handed) all.push_back(&r);
  program_ = std::make_unique<Program>(all, &rules, conflict, std::move(x));
}

Classifier::~Classifier() = default;
Classifier::Classifier(Classifier&&) noexcept = default;
Classifier& Classifier::operator=(Classifier&&) noexcept = default;

std::vector<Match> Classifier::Classify(const Event& event, std::vector<int>* overridden) const {
  return ClassifyBy(event, program_->RulesFor(event.event_code), overridden);
}

bool Classifier::JudgedBeforeNamed(const std::string& sentence) const {
  if (program_->judging.empty()) return false;
  const std::string text = Lower(sentence);
  size_t judged = std::string::npos;
  for (const std::string& w : program_->judging) judged = std::min(judged, FindPhrase(text, w));
  if (judged == std::string::npos) return false;
  size_t named = std::string::npos;
  for (int id : program_->lists[static_cast<size_t>(program_->named)])
    named = std::min(named, FindPhrase(text, program_->phrases[static_cast<size_t>(id)]));
  return named != std::string::npos && named > judged;
}

Bucket Classifier::BucketOf(const Event& event) const {
  return analyze::BucketOf(event, program_->allegation, program_->findings);
}

std::vector<Match> Classifier::ClassifySentence(const std::string& sentence) const {
  Event words_only;
  words_only.sentence = sentence;
  return ClassifyBy(words_only, program_->sentence_rules, nullptr);
}

std::vector<Match> Classifier::ClassifyBy(const Event& event, const std::vector<uint16_t>& rules,
                                          std::vector<int>* overridden_out) const {
  std::vector<Match> out;
  EventFacts facts(*program_, event);
  std::vector<int> overridden;
  for (uint16_t i : rules) {
    const Program::Compiled& r = program_->compiled[i];
    if (!r.applies) continue;
    const Rule& rule = *r.rule;
    bool by_document = false;
    if (!facts.Matches(r)) {
      if (!rule.document_ties || !facts.Matches(r, /*tie_by_document=*/true)) continue;
      by_document = true;
    }
    auto it = std::find_if(out.begin(), out.end(),
                           [&](const Match& m) { return m.category == rule.category; });
    if (by_document) {
      // A match that waits for its document never displaces one that holds now.
      if (it == out.end()) out.push_back({rule.category, &rule, {}, true});
      continue;
    }
    overridden.insert(overridden.end(), rule.overrides.begin(), rule.overrides.end());
    if (it == out.end()) {
      out.push_back({rule.category, &rule, {}});
      it = out.end() - 1;
    } else if (it->by_document || rule.weight > it->rule->weight) {
      it->rule = &rule;
      it->by_document = false;
    }
    for (int cat : rule.contradicts) {
      if (std::find(it->contradicts.begin(), it->contradicts.end(), cat) == it->contradicts.end())
        it->contradicts.push_back(cat);
    }
  }
  out.erase(std::remove_if(out.begin(), out.end(),
                           [&](const Match& m) {
                             return std::find(overridden.begin(), overridden.end(), m.category) != overridden.end();
                           }),
            out.end());
  std::sort(out.begin(), out.end(),
            [](const Match& a, const Match& b) { return a.category < b.category; });
  if (overridden_out) *overridden_out = std::move(overridden);
  return out;
}

std::string Classifier::TargetFromConflict(const Rule& rule, const Event& event, std::string* reason) const {
  if (rule.target_from_conflict == Side::kNone || !event.target.empty()) return "";
  auto it = program_->index.find(&rule);
  if (it == program_->index.end()) return analyze::TargetFromConflict(rule, event, program_->x, program_->conflict, reason);
  EventFacts facts(*program_, event);
  return TargetFromConflictOf(program_->compiled[it->second], event, &facts, program_->conflict, reason);
}

bool Involves(const Rule& rule, const Event& event, const Subject& x, const Conflict& conflict) {
  const Classifier::Program p = OneRule(rule, x, conflict);
  return EventFacts(p, event).Involves(p.compiled.front());
}

bool RuleMatches(const Rule& rule, const Event& event, const Subject& x, const Conflict& conflict) {
  const Classifier::Program p = OneRule(rule, x, conflict);
  return EventFacts(p, event).Matches(p.compiled.front());
}

std::string MatchedKeyword(const Rule& rule, const Event& event, const Subject& x, const Conflict& conflict) {
  const Classifier::Program p = OneRule(rule, x, conflict);
  return EventFacts(p, event).MatchedKeyword(p.compiled.front());
}

std::string TargetFromConflict(const Rule& rule, const Event& event, const Subject& x, const Conflict& conflict,
                               std::string* reason) {
  const Classifier::Program p = OneRule(rule, x, conflict);
  EventFacts facts(p, event);
  return TargetFromConflictOf(p.compiled.front(), event, &facts, conflict, reason);
}

std::vector<Match> Classify(const Event& event, const Subject& x, const Conflict& conflict,
                            const RuleSet& rules, bool document_about_conflict) {
  std::vector<Match> out = Classifier(rules, conflict, x).Classify(event);
  std::erase_if(out, [&](const Match& m) { return m.by_document && !document_about_conflict; });
  for (Match& m : out) m.by_document = false;
  return out;
}

}  // namespace dyad::analyze
