// Document-level coreference for the engine path (a dyad extension; docs/coreference.md).
//
// TABARI resolves the eight pronouns HE HIM SHE HER IT THEY THEM THEIR inside their sentence
// (spec §2.10) and, in validation sessions, FORWARDs the previous record's first actor. dyad's
// engine codes whole documents, so a sentence may name its actor only through a pronoun whose
// antecedent lies in an earlier sentence ("They shelled Kharkiv.") or through a definite noun
// phrase ("the country's military forces", "the two countries", "the regime").
//
// The rules are DATA: a `.coref` file loaded with the dictionaries (data/dict/dyad.coref; syntax in
// docs/coreference.md). A dictionary set without a `.coref` file (TABARI and PETRARCH projects,
// `dyad validate`) has no rules and codes every sentence alone, exactly as before.
//
// CONTRACT:
//   - CorefRules is immutable after Parse() and shared by all threads.
//   - A Discourse is the state of ONE document being coded sentence by sentence, in order;
//     it is not thread-safe (one per document, on the stack of Engine::Code).
//   - Resolution never invents an actor: with no antecedent that fits, nothing is resolved.
#ifndef DYAD_CODE_COREFERENCE_H_
#define DYAD_CODE_COREFERENCE_H_

#include <bitset>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/words.h"
#include "dict/dictionary.h"
#include "dyad/status.h"

namespace dyad::code {

// Which antecedent a pronoun looks for across sentences.
enum class PronounKind : uint8_t {
  kNone,
  kPerson,  // HE HIM SHE HER: the first actor of the sentence that is not a bare state
  kThing,   // IT: the first actor of the sentence (compounds skipped)
  kGroup,   // THEY THEM THEIR: the first compound, else the first actor with an agent, else the first actor
};

// What a definite noun phrase stands for.
enum class DefiniteKind : uint8_t {
  kState,   // the most recent state ("the country", "the republic"), optionally with an agent
  kStates,  // the two most recent distinct states, as a coded compound ("the two countries")
  kAggressor,  // the state whose force the document last reported against another ("the aggressor")
  kGroup,      // the most recent actor whose code carries the rule's agent ("the rebels": ...REB)
  kActorOf,    // the actor of the latest event of a kind ("the deployment": who deployed; ACTOR OF codes)
};

struct DefiniteRule {
  std::vector<std::string> words;  // upper case, as the coder splits them ("THE", "COUNTRY")
  DefiniteKind kind = DefiniteKind::kState;
  std::string agent;               // agent code composed onto the state ("GOV"), "" for none
  // Resolved only before its sentence's first verb (a trailing SUBJECT): "The troops were moved
  // west" names troops of an earlier sentence; "... watched the troops" may name this sentence's.
  bool subject_only = false;
  // STATE only (a trailing MOST): the state the document has named most often so far (the latest
  // named on a tie), not the nearest: "the foreign ministry" of an article about one state is that
  // state's, whoever the sentence before named first.
  bool most_named = false;
  // STATE only: the antecedent must be one of these states (a `SET:` named after IN: "the
  // kingdom" = STATE IN KINGDOMS), sorted; empty = any state. Such a descriptor names its state
  // by kind, so it may look back through the whole document, not only the window.
  std::vector<std::string> among;
  // ACTOR OF only: CAMEO code prefixes of the events the phrase names ("18 19 20" for "the attacks").
  std::vector<std::string> codes;
  std::string file;
  int line = 0;
};

// A set of three-letter codes of capitals ("BLR"), a bit each: IsStateCode asks it of every
// mention and event code, where a hash set's look-up was a hash and a string compare.
class ThreeLetterCodeSet {
 public:
  ThreeLetterCodeSet() = default;
  ThreeLetterCodeSet(std::initializer_list<std::string_view> codes) {
    for (const std::string_view code : codes) insert(code);
  }
  // (A code of another shape is not kept: no state code has one.)
  void insert(std::string_view code) {
    if (const int at = Index(code); at >= 0) bits_.set(static_cast<size_t>(at));
  }
  size_t count(std::string_view code) const {
    const int at = Index(code);
    return at >= 0 && bits_[static_cast<size_t>(at)] ? 1 : 0;
  }

 private:
  static constexpr int kLetters = 26;
  // The code's bit, or -1 for a code that is not three capitals.
  static int Index(std::string_view code) {
    if (code.size() != 3) return -1;
    int at = 0;
    for (const char c : code) {
      if (c < 'A' || c > 'Z') return -1;
      at = at * kLetters + (c - 'A');
    }
    return at;
  }
  std::bitset<kLetters * kLetters * kLetters> bits_;
};

struct CorefRules {
  std::unordered_map<std::string, PronounKind> pronouns;  // pronoun word -> kind
  std::unordered_set<std::string> expletive_after;         // "IS": "IT IS clear" is not resolved
  int pronoun_window = 2;   // sentences a pronoun may look back
  int definite_window = 8;  // sentences a definite noun phrase may look back
  int event_window = 3;     // sentences an event named again ("the deployment") may look back
  // (Sets looked up by a view, without building a std::string: IsStateCode is asked of every
  // mention.)
  struct CodeHash {
    using is_transparent = void;
    // (A multiplicative hash in line: the codes are three letters or a few more, and std::hash's
    // is a call to _Hash_bytes. Nothing iterates these sets, so their order is no output's.)
    size_t operator()(std::string_view code) const {
      uint64_t h = 0x9E3779B97F4A7C15ull ^ code.size();
      for (const char c : code) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ull;
      return static_cast<size_t>(h ^ (h >> 29));
    }
  };
  using CodeSet = std::unordered_set<std::string, CodeHash, std::equal_to<>>;
  CodeSet nonstates;  // 3-letter codes that are not states (regions, IGO)
  ThreeLetterCodeSet states;  // bare 3-letter actor codes minus nonstates
  std::vector<DefiniteRule> definites;        // longest first
  std::unordered_map<std::string, std::vector<std::string>> sets;  // SET: name -> sorted state codes
  // SEAT: a city that names an international body in news text ("Brussels" = the EU) but its host
  // state in a document about that state: the city's words (upper case), the state, and words
  // that keep the body ("EU", "NATO") when the sentence has one.
  struct Seat {
    std::vector<std::string> words;
    std::string state;
    std::vector<std::string> unless;
  };
  std::vector<Seat> seats;
  std::vector<std::string> definite_first_words;  // the distinct first words of `definites`

  // The indices into `definites` (ascending, so the first rule that matches is the one the list
  // order picks) of the rules that can match words starting with `first`, `second` (`second` empty
  // at the sentence's end): their words begin with these, the last word allowing a possessive
  // ("'S", "'"). All others are sure not to match; most words start no rule (out is then empty).
  // (In line up to the filter of first words, which turns most words away: the look-ups are
  // DefiniteCandidatesOf's.)
  void DefiniteCandidates(std::string_view first, std::string_view second, std::vector<uint32_t>* out) const {
    out->clear();
    if (MayStartDefinite(first)) DefiniteCandidatesOf(first, second, out);
  }

  bool empty() const { return pronouns.empty() && definites.empty(); }
  // True when the first three letters of `code` are a state code.
  bool IsStateCode(std::string_view code) const;

  // Reads every file of kind "coref" in `dicts` (the loader keeps their lines). Bad lines are
  // appended to *warnings as "file:line: what: 'entry'"; the rest is kept. The state codes are the
  // bare three-letter codes of the set's actor entries not listed as NONSTATE.
  static CorefRules FromDictionaries(const dict::DictionarySet& dicts, std::vector<std::string>* warnings);
  // Parses one file's lines (exposed for tests); `file` names it in warnings and rules.
  void ParseLines(const std::vector<std::string>& lines, const std::string& file, std::vector<std::string>* warnings);

 private:
  // `definites` indexed by first word, then second word (ParseLines builds it).
  struct DefiniteStart {
    std::string first;
    std::vector<uint32_t> one_word;  // rules of this one word
    std::vector<std::pair<std::string, std::vector<uint32_t>>> by_second;  // sorted by second word
    WordShapeFilter second_words;  // of by_second's words ("THE" starts some 360 rules)
  };
  std::vector<DefiniteStart> definite_starts_;
  // The filter of first words may hold `first` or, for a possessive ("...'S", "...'"), its stem.
  bool MayStartDefinite(std::string_view first) const {
    if (definite_first_words_.MayContain(first)) return true;
    const size_t n = first.size();
    if (n > 2 && first[n - 2] == '\'' && first[n - 1] == 'S') return definite_first_words_.MayContain(first.substr(0, n - 2));
    if (n > 1 && first[n - 1] == '\'') return definite_first_words_.MayContain(first.substr(0, n - 1));
    return false;
  }
  // DefiniteCandidates past the filter (out is empty).
  void DefiniteCandidatesOf(std::string_view first, std::string_view second, std::vector<uint32_t>* out) const;
  // The first words of definite_starts_: most words of a sentence start no rule, and the filter
  // turns them away before the binary search's string compares.
  WordShapeFilter definite_first_words_;
  void IndexDefinites();
};

// True when the text between two sentences holds a blank line (two line breaks): a paragraph break.
bool IsParagraphBreak(std::string_view between);

// An actor mentioned in a sentence, as the discourse remembers it.
struct DiscourseMention {
  std::string code;        // composed code (actor + agent); a coded compound "A/B" allowed
  std::string text;        // the words that named it; for a resolved mention, the antecedent's words
  int position = 0;        // word index in its sentence (text order)
  int compound = -1;       // parsed compound ("Russia and Belarus") id in its sentence, -1: none
  bool agent = false;      // carries an agent ("Belarusian troops", "the authorities"): a group
  bool subject = true;     // before the first verb of its sentence (or the sentence has none)
  // The name of the person a title names, written right after it when the dictionaries do not know
  // it ("the French envoy Émile Dufresne": "Émile Dufresne"), for a later "Dufresne"; "" for none.
  std::string name;
};

// The antecedent chosen for a mention.
struct Antecedent {
  std::string code;
  std::string text;
  // False for "the aggressor": such a mention is not remembered as a state the text named, so
  // "the two countries" in the next sentence still means the two states named there.
  bool remembered = true;
  // True for an event named again ("the deployment" = who deployed): it may only be what an act is
  // about (its target), never the one acting.
  bool object_only = false;
};

class Discourse {
 public:
  explicit Discourse(const CorefRules& rules) : rules_(rules) {}

  // Becomes a copy of `other`, whose rules must be this discourse's, reusing this one's storage
  // (a thread codes clause after clause, each against a copy of the discourse before it).
  void AssignFrom(const Discourse& other);
  // Lets go of the sentences it shares with other copies (their owner's next Add then has no
  // reason to copy its current sentence); the other lists keep their storage for AssignFrom.
  void ReleaseSentences() { sentences_.clear(); }

  const CorefRules& rules() const { return rules_; }

  // Starts the next sentence of the document. `new_paragraph`: a blank line separates it from the
  // previous sentence.
  void BeginSentence(bool new_paragraph);
  // Records a mention of the current sentence (call in text order).
  void Add(DiscourseMention mention);
  const std::vector<DiscourseMention>& current() const { return sentences_.back()->mentions; }

  // A pronoun of the current sentence with no antecedent in its own sentence: looks back through
  // the preceding sentences (rule in docs/coreference.md). False when nothing fits.
  bool ResolvePronoun(PronounKind kind, Antecedent* out) const;
  // A definite noun phrase: `before` are the mentions of its own sentence that precede it (text
  // order), then the preceding sentences, most recent first. False when nothing fits.
  bool ResolveDefinite(const DefiniteRule& rule, const std::vector<DiscourseMention>& before, Antecedent* out) const;
  // A common surname or given name standing alone ("Kim" after "Kim Jong Un"): the latest mention,
  // anywhere earlier in the document or in `before` (its own sentence), of a name of two to four
  // capitalised words that starts or ends with `word` (upper case) and whose code carries a role
  // (a person or an office, "PRKGOV"; never a bare state). False when none.
  bool ResolveNamePart(std::string_view word, const std::vector<DiscourseMention>& before, Antecedent* out) const;
  // True when the document has named `state` (three letters) so far, this sentence included.
  bool HasNamed(std::string_view state) const;
  // Records an act of force (CAMEO 18-20) by `state` (three letters), named by `text`. "The
  // aggressor" stands for the state with the most such acts in the document so far (the first
  // reported on a tie): a state taking part in another's invasion does not become "the aggressor".
  void NoteForce(const std::string& state, const std::string& text);
  // Records an event of the current sentence (call after it is coded, in text order): a later
  // "the deployment" or "the attacks" (ACTOR OF rules) stands for the actor of the latest event
  // of its kind. Only events the text asserts or reports should be noted, not denied or planned ones.
  void NoteEvent(const std::string& code, const std::string& actor, const std::string& text);

 private:
  struct Act {
    std::string code;  // CAMEO event code
    Antecedent actor;  // its source
  };
  struct Sentence {
    bool new_paragraph = false;
    std::vector<DiscourseMention> mentions;
    std::vector<Act> acts;  // its coded events (NoteEvent), text order
  };
  Sentence& Writable();  // the current sentence, copied first when a copy of the discourse shares it
  const CorefRules& rules_;
  // Shared between copies: the engine copies the discourse for every clause coded on its own, and
  // only the last sentence ever changes (Add copies it first when a copy shares it).
  std::vector<std::shared_ptr<Sentence>> sentences_;
  struct ForceCount {
    Antecedent state;
    int acts = 0;
  };
  std::vector<ForceCount> force_;  // in the order first reported
  // Every state the document has named so far, with its latest mention (for descriptors with a
  // SET, which may look back past the window): the bare name when one was seen ("Saudi Arabia"),
  // else the words whose code carried it.
  struct NamedState {
    std::string state, text;
    long sentence = 0;
    bool bare = false;
    int mentions = 0;  // how many mentions named it
  };
  std::vector<NamedState> named_;
  // The people the document has named in full so far ("João Lourenço", the name after a title),
  // whatever the window, for a later surname or given name alone (ResolveNamePart). Append-only
  // and shared between copies: a copy reads its first people_count_ entries.
  struct NamedPerson {
    std::string code, name, text;  // text: the mention's own words (name may follow its title)
    long sentence = 0;
  };
  std::shared_ptr<std::vector<NamedPerson>> people_;
  size_t people_count_ = 0;
  long sentence_count_ = 0;
  void Remember(const DiscourseMention& m);
  void RememberPerson(const std::string& code, const std::string& name, const std::string& text);
};

}  // namespace dyad::code

#endif  // DYAD_CODE_COREFERENCE_H_
