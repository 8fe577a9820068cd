#include "code/coder.h"

#include <algorithm>
#include <array>
#include <bit>
#include <bitset>
#include <cstring>
#include <initializer_list>
#include <set>
#include <unordered_map>

#include "common/words.h"

namespace dyad::code {

using dict::ActorCode;
using dict::CodeKind;
using dict::EventCode;
using dict::Link;
using dict::LinkGap;
using dict::LinkWhole;
using dict::Pattern;
using dict::PatternElement;
using dict::Root;
using dict::RootType;
using dict::TabariOptions;

namespace {

constexpr int kMaxWords = 126;
constexpr int kMaxEvents = 64;

struct Literal {
  int32_t word;
  int16_t len;
};

enum class WType : uint8_t { kNone, kRoot, kComma, kNumber, kQuote };

struct Word {
  int32_t begin = 0, end = 0;       // byte span in the input
  int32_t text_begin = 0, text_len = 0;  // upper-case text in Scratch::chars
  int32_t lit_begin = 0, lit_end = 0;
  WType kind = WType::kNone;
  bool initcap = false, midcap = false;
  bool first_upper = false;  // the first character as written is A-Z
  // Root assignment.
  bool typed = false;
  RootType type = RootType::kVerb;
  int32_t root = -1;
  int32_t head = -1;   // index of the first word of the phrase this word belongs to
  int32_t tail = -1;   // for heads: index of the last word
  bool is_head = false;
  bool noun = false;   // verb or null actor turned noun
  bool blanked = false;
  bool null_actor = false;
  int32_t compound = -1;
  // Pronouns: referent head word (>= 0), forwarded root (fwd_root), or unresolved.
  int32_t ref = -1;
  int32_t fwd_root = -1;
  int32_t ext = -1;    // resolved across sentences (dyad coreference): index into Scratch::ext
  bool resolved = false;
  bool converted_agent = false;  // CONVERT AGENTS
  // An author's verb and its text before what the text says ("issued a statement" in "China
  // issued a statement calling for a ceasefire"): the text's verb keeps the author as subject.
  bool authored_text = false;
};

struct Compound {
  int32_t begin, end;
  bool alive = true;
};

// An actor taken as source or target.
struct ActorVal {
  bool set = false;
  bool dflt = false;
  int32_t word = -1;        // the word found (pronoun or named head)
  int32_t agent_at = -1;    // head word around which agents are looked up (-1: none)
  bool from_pattern = false;
  bool compound_all = false;  // expand the parsed compound this actor heads
  std::string code;         // resolved actor code (may be "A/B/C"); "" allowed
  bool nocode = false;      // no date restriction held
  std::string agent;        // agent code
  bool agent_prefix = false;
};

struct RawEvent {
  ActorVal src, tgt;
  std::string code;
  CodeKind kind = CodeKind::kNormal;
  bool sub = false, dom = false;
  int32_t verb = -1;
  int32_t pattern = -1;     // pattern index or -1 (root code)
  int32_t verb_entry = -1;
};

// Text word (upper case) -> its [begin, end) in Scratch::lit_pool. Open addressing with
// linear probing over a power-of-two table; the keys live in one character pool. A
// lookup hashes the word 8 bytes at a time and touches one slot in the common case
// (std::unordered_map took two divisions and a node per lookup: ~15 % of the coder).
class LitCache {
 public:
  size_t size() const { return size_; }
  void Clear() {
    slots_.assign(kInitialSlots, Slot{});
    keys_.assign(kPad, '\0');
    size_ = 0;
  }
  // The cached range of `key` (never empty); on a miss, fill() -> {begin, end} is cached.
  template <typename Fill>
  std::pair<int32_t, int32_t> Get(std::string_view key, Fill&& fill) {
    if (slots_.empty()) Clear();
    const uint64_t h = Hash(key);
    const size_t mask = slots_.size() - 1;
    const auto tag = static_cast<uint32_t>(h >> 32);
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& slot = slots_[i];
      if (slot.len == 0) {
        const std::pair<int32_t, int32_t> range = fill();
        slot = Slot{tag, static_cast<uint32_t>(keys_.size() - kPad), static_cast<uint32_t>(range.first),
                    static_cast<uint16_t>(key.size()), static_cast<uint16_t>(range.second - range.first)};
        keys_.resize(keys_.size() - kPad);  // the padding moves behind the new key
        keys_.append(key);
        keys_.append(kPad, '\0');
        if (++size_ * 4 > slots_.size() * 3) Grow();
        return range;
      }
      if (slot.tag == tag && slot.len == key.size() && Equal(keys_.data() + slot.key, key.data(), key.size()))
        return {static_cast<int32_t>(slot.begin), static_cast<int32_t>(slot.begin + slot.count)};
    }
  }

 private:
  static constexpr size_t kInitialSlots = 1024;
  static constexpr size_t kPad = 8;  // zero bytes kept after the last key (see Hash)
  // 16 bytes, four to a cache line: the table of a corpus' vocabulary stays small.
  struct Slot {
    uint32_t tag = 0;    // high half of the hash (the low bits pick the slot)
    uint32_t key = 0;    // offset in keys_
    uint32_t begin = 0;  // in Scratch::lit_pool
    uint16_t len = 0;    // key length (words have at most 63 characters); 0: empty slot
    uint16_t count = 0;  // literals (one per prefix: fewer than 64)
  };
  static uint64_t Load8(const char* p) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
  }
  // The bits of a Load8() value that hold its first n bytes (n < 8).
  static uint64_t FirstBytes(size_t n) {
    if constexpr (std::endian::native == std::endian::little) return (uint64_t{1} << (8 * n)) - 1;
    else return ~(~uint64_t{0} >> (8 * n));
  }
  // Both read up to 7 bytes past the end of s (the key pool and Scratch::chars are padded).
  static uint64_t Hash(std::string_view s) {
    uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      h = (h ^ Load8(s.data() + i)) * 0xBF58476D1CE4E5B9ull;
      h ^= h >> 31;
    }
    const uint64_t v = Load8(s.data() + i) & FirstBytes(s.size() - i);
    h = (h ^ v) * 0x94D049BB133111EBull;
    return h ^ (h >> 29);
  }
  static bool Equal(const char* a, const char* b, size_t n) {
    size_t i = 0;
    for (; i + 8 <= n; i += 8)
      if (Load8(a + i) != Load8(b + i)) return false;
    return ((Load8(a + i) ^ Load8(b + i)) & FirstBytes(n - i)) == 0;
  }
  void Grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    const size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.len == 0) continue;
      size_t i = Hash(std::string_view(keys_).substr(slot.key, slot.len)) & mask;
      while (slots_[i].len != 0) i = (i + 1) & mask;
      slots_[i] = slot;
    }
  }
  std::vector<Slot> slots_;
  std::string keys_;
  size_t size_ = 0;
};

struct Scratch {
  std::string chars;
  std::vector<Word> words;
  std::vector<Compound> compounds;
  std::vector<std::pair<int, int>> clauses;
  // Clauses whose verbs read on into the clause after them (split before "in which <actor>").
  std::vector<size_t> reading_on;
  std::vector<RawEvent> events;
  int harm_adjunct = -1;  // first word of a trailing ", killing ..." set aside by the comma rules
  // Per word: the comma opening the participle clause it lies in (", stressing ..."), or -1
  // (MarkParticipleAsides; read by every pattern word the matcher tries, so computed once).
  std::vector<int> aside_comma;
  std::vector<RelativeClause> relatives;  // set aside by MarkRelativeClauses (byte spans)
  std::vector<RawEvent> untargeted;       // events naming no target, used when nothing else is coded
  std::vector<uint32_t> stamp;  // stamp[word id] == epoch: the word occurs in the sentence
  uint32_t epoch = 0;
  uint64_t word_mask = 0;       // WordBit() of every literal in the sentence
  // Per sentence: witness_seen[set] == epoch when witness_ok[set] (a word of the dictionary's
  // witness set occurs in the sentence) was computed for this sentence.
  std::vector<uint32_t> witness_seen;
  std::vector<uint8_t> witness_ok;
  // Literal lists of text words already seen with this dictionary set (bounded).
  uint64_t cache_owner = 0;  // DictionarySet::instance_id() the cache was filled with
  LitCache lit_cache;
  std::vector<Literal> lit_pool;
  std::vector<Antecedent> ext;  // antecedents of the words resolved across sentences (Word::ext)
  // Buffers of AssignRoots and MarkDefinites, kept so that their calls allocate nothing once warm.
  std::vector<int> matched, pending;
  std::vector<uint32_t> candidates;
  uint64_t lit_generation = 0;  // bumped when lit_cache and lit_pool are cleared
  // The words of the sentence last split and given roots on this thread (both depend on the
  // text and the dictionaries alone): the engine reads each sentence twice, once to code it
  // and once for its actors (Coder::FindActors), and the second reading starts from here.
  struct Rooted {
    bool valid = false;
    uint64_t owner = 0;       // DictionarySet::instance_id()
    uint64_t generation = 0;  // lit_generation: the words' literal ranges point into lit_pool
    uint32_t epoch = 0;       // the epoch its words were last stamped with (StampWords)
    std::string text;
    std::string chars;
    std::vector<Word> words;
    bool all_caps = false;
    bool parts_readable = false;  // a part's words can be read from its words (ReadAsPartOfRooted)
  } rooted;
};

bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAlphaAscii(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool IsLowerAscii(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigitC(char c) { return c >= '0' && c <= '9'; }


// `s` ends with the literal `suffix`, compared in line (std::string_view::ends_with is a call, a
// strlen and a memcmp; MarkNouns asks it of most words).
template <size_t N>
inline bool EndsWith(std::string_view s, const char (&suffix)[N]) {
  constexpr size_t n = N - 1;
  if (s.size() < n) return false;
  for (size_t k = 0; k < n; ++k)
    if (s[s.size() - n + k] != suffix[k]) return false;
  return true;
}


// `s` begins with the literal `prefix`, compared in line (as EndsWith; CodeVerb asks it of event
// codes some 190,000 times on 20,000 sentences).
template <size_t N>
inline bool StartsWith(std::string_view s, const char (&prefix)[N]) {
  constexpr size_t n = N - 1;
  if (s.size() < n) return false;
  for (size_t k = 0; k < n; ++k)
    if (s[k] != prefix[k]) return false;
  return true;
}

// An event code's first two characters compared with the literal `root` ("18"), as
// code.compare(0, 2, root) gives its sign, in line (that is a call, a strlen and a memcmp; CodeVerb
// asks it of each verb's code several times). The code has at least two characters.
inline int CompareRoot(std::string_view code, const char (&root)[3]) {
  if (code[0] != root[0]) return static_cast<unsigned char>(code[0]) < static_cast<unsigned char>(root[0]) ? -1 : 1;
  if (code[1] != root[1]) return static_cast<unsigned char>(code[1]) < static_cast<unsigned char>(root[1]) ? -1 : 1;
  return 0;
}

// Is the code's root (its first two characters) between `low` and `high`, both included ("18"
// to "20": force)? False for a code too short to have one.
inline bool RootBetween(std::string_view code, const char (&low)[3], const char (&high)[3]) {
  return code.size() >= 2 && CompareRoot(code, low) >= 0 && CompareRoot(code, high) <= 0;
}

// Split()'s byte classes: 0 = not part of a word run, 1 = A-Z or 0-9, 3 = a-z (1 | 2, so that
// OR-ing classes tells whether a lower-case letter was seen), 5 = a non-ASCII byte (1 | 4).
constexpr std::array<uint8_t, 256> MakeCharClass() {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) t[c] = 1;
    if (c >= 'a' && c <= 'z') t[c] = 3;
    if (c >= 0x80) t[c] = 5;
  }
  return t;
}
constexpr std::array<uint8_t, 256> kCharClass = MakeCharClass();
// Scratch::chars holds this many bytes after the last word (see LitCache::Hash).
constexpr size_t kCharsPad = 8;

}  // namespace

class Engine {
 public:
  Engine(const dict::DictionarySet& d, const TabariOptions& o, Scratch& s, std::string_view text, Date date)
      : d_(d), o_(o), s_(s), text_(text), date_(date), shifted_(date) {}

  void Split();
  // Split()'s result for a text that is a part of the text in Scratch::rooted (a clause of the
  // sentence, its speaker), taken from that text's words, and AssignRoots()'s too where the
  // sentence's roots show it is the same; kNone when its words would not be Split()'s.
  enum class PartRead { kNone, kWords, kWordsAndRoots };
  PartRead ReadAsPartOfRooted();
  // Split()'s last steps, once the words and their characters are in place: the capitals read
  // and the dictionary words stamped.
  void MarkCapitals();
  // "March" and "May" written as months (capitalised, after a word of time or next to a number:
  // "in March 2023", "17 May") match no dictionary word. (In every mode: the split is cached for
  // the text alone; TABARI's validation records are unchanged by it.)
  void UnlinkMonthNames();
  void StampSentence();
  void AssignRoots();
  // Split() then AssignRoots(), or their result for the same text copied from Scratch::rooted.
  void SplitAndAssignRoots();
  void ClearClauseState();
  void StampWords();  // marks the sentence's dictionary words for this epoch (after AssignRoots)
  void MarkNouns();
  // True when the text at byte `end` is "-backed", "-made", "-supplied" ... (a hyphenated adjective).
  bool IsBackerAdjective(int32_t end) const;
  // True when "pro-" or "anti-" is attached before byte `begin`.
  bool IsStanceOf(int32_t begin) const;
  static const std::string kNullCode;
  void ConvertAgents();
  void MarkCompounds();
  void MarkCommaClauses();
  // An unknown name right after the verb, then ", a/an/the <actor> ..." (MarkCommaClauses): sets
  // the name aside so the apposition is the object; true when it did.
  bool ObjectApposition(int c, int c2);
  // Pattern element i of e (a TO before an actor slot) matched at pos, where "to" opens an
  // infinitive: no recipient follows (SeqUp then scans on).
  bool InfinitiveBeforeActorSlot(const PatternElement* e, int count, int i, int pos) const;
  // The word at p, after the pattern's verb, lies in a comma clause opened by an -ing form (not the
  // harm adjunct), blanked or too long to be.
  bool InParticipleAside(int p, int verb) const {
    return p < static_cast<int>(s_.aside_comma.size()) && s_.aside_comma[p] > verb;
  }
  // Fills s_.aside_comma once the comma rules have blanked what they set aside.
  void MarkParticipleAsides();
  // Does the phrase at word k open the sentence (after "the", a number or a count word at most)?
  bool OpensSentence(int k) const;
  bool OpensSubject(int at) const;
  // The actor X of "let X <verb at v>" within the clause from cb, or -1.
  int LetSubject(int cb, int v) const;
  // A subject in apposition between the commas at c and c2: +1 the apposition names the actor,
  // -1 the name after a title does, 0 neither (MarkCommaClauses sets the other part aside).
  int SubjectApposition(int c, int c2) const;
  void MarkRelativeClauses();
  bool EndsMaterielPhrase(int last) const;
  int MarkWhomClause(int i);
  int ObjectRelativeEnd(int i) const;
  int PastAgent(int k) const;
  const std::vector<RelativeClause>& relatives() const { return s_.relatives; }
  void SplitClauses();
  // The subordinator opening the words from `start` ("When ...", "Days after ..."): its word, or -1.
  int SubordinatorFrom(int start) const;
  void ResolvePronouns(ForwardState* fwd, bool same_story, bool document);
  bool IsSingularPossessor(int head) const;
  // The actor at `head` names several people or bodies ("NATO members", "Houthi rebels").
  bool IsPluralActor(int head) const;
  // Word k (after a comma) opens a clause of its own: "but", "while", "much as" ...
  bool OpensClause(int k) const;
  [[gnu::always_inline]] inline bool AsOpensClause(int k) const;  // (asked of most words: in line)
  // The clause's verb right after the subject actor at `a`: past its agent nouns ("Rwandan
  // troops") and any of `between` ("has", "also"); -1 when no verb head stands there.
  int VerbAfterSubject(int a, const WordList& between) const;
  bool ForInfinitiveSubject(int head, int v) const;
  void OwnedByStatePossessor(int head, std::string* code) const;
  void PostedBy(int head, std::string* code) const;
  bool SpeakerBeforeUnnamedSubject(int k, int v) const;
  // A place after "<holder>-held/-controlled/-occupied" stands for its holder ("rebel-held
  // Rutshuru" is the rebels', "Russian-occupied Melitopol" Russia's): *code becomes the holder's.
  void HeldBy(int head, std::string* code) const;
  // Document coding: when the verb at v is in the passive voice ("was shelled", "have been
  // supplied", "is reportedly being armed"), the first word of its auxiliary; else -1.
  int PassiveAuxiliary(int v, int cb) const;
  // True when the word before k (past "the") is a preposition: the actor at k is no subject.
  bool AfterPreposition(int k) const;
  // Document coding: the actor head named after the possessor at k and a noun of relation
  // ("Russia's ally Belarus", "Tehran's proxies the Houthis"), or -1.
  int RelatedAfterPossessor(int k) const;
  // Document coding: the actor at k is the object of the active verb at v (tail v_tail): it
  // follows the verb with at most a determiner between, and the verb does not follow a comma or a
  // quote (", said Lavrov" names its speaker after the verb).
  bool ObjectOfActiveVerb(int k, int v, int v_tail) const;
  // Document coding: the subject of the verb at v is an agent of no named state ("The ministry
  // thanked ...", "Officials said ..."); a participle after a comma has the sentence's subject.
  bool AgentSubject(int v) const;
  // Document coding: the verb at v opens a relative clause on a noun that names no actor ("the
  // annex of entities that directly support Russia's military"): its subject is that noun.
  bool RelativeOnPlainNoun(int v) const;
  // Document coding: the -ed form at v right after a plain noun, with a verb of the clause before
  // it, is a reduced passive relative on that noun ("remains under US sanctions imposed in 2021"):
  // the clause's subject does not do it.
  bool ReducedRelativeOnPlainNoun(int v, int cb) const;
  // Document coding: the comma at c sits inside a list of nouns ("weapons, training and support").
  bool ContinuesNounList(int c) const;
  // Document coding: the span between the commas at c and c2 is the main clause after an
  // introductory phrase: everything before c is blanked or names no actor and no verb, and the
  // span has an actor followed by a verb.
  bool OpensMainClause(int c, int c2) const;
  // True when words first..last hold a verb (or an unknown -ed word that may be one).
  bool HasVerbBetween(int first, int last) const;
  // Document coding: the "who" at `who` opens a relative clause on the sentence's subject, an actor,
  // and the main verb follows it ("soldiers who had been sent to Kursk suffered losses"): the index of
  // that main verb (the clause's end), or -1.
  int ActorRelativeEnd(int who) const;
  // The actor at i is the UN named in a state's UN diplomat ("Iran's UN ambassador",
  // "the Sudanese UN envoy", "its UN mission"): no actor of its own.
  bool AccreditedAtUn(int i) const;
  // The word at v has a past participle's form (-ed, or an irregular one: "sent", "held", "shot").
  bool IsParticipleForm(int v) const;
  // Document coding: clause ci ends with its verb and the next clause, after "and" or "or", opens
  // with a verb that has words after it ("Eritrea armed and trained the militias", "Russia shelled
  // and bombed Kharkiv"): the two verbs share what follows the second, so the first reads on to the
  // next clause's end, which this returns (-1 otherwise).
  int SharedObjectEnd(size_t ci) const;
  // Document coding: the word before v is one a finite verb follows (its subject, an auxiliary or
  // an adverb), not a modifier of a noun ("merchant ships", "an army base").
  bool VerbPosition(int v) const;
  // Document coding: the "and" at c, after its clause's verb, joins objects up to a preposition.
  bool ObjectListContinues(int c) const;
  // Document coding: the comma at c opens ", where ..." or ", when ...".
  bool IsPlaceOrTimeAside(int c) const;
  // ", which/who/whose ..." right after an actor: a clause about that actor, set aside.
  bool IsRelativeAside(int c) const;
  // Document coding: hands the ", where/when ..." aside from c to `last` to the caller, to be coded
  // on its own (a "where" clause with the main clause's place: CodeResult::relative_clauses).
  void SetAsideApart(int c, int last);
  // Document coding: the code the verb at v gets from its entry and patterns, actors aside ("" for
  // none): what an expression of intent is an intent to do.
  std::string_view CodeOfVerb(int v, int ce) const;
  bool DiscardScan() const;
  std::string Complexity() const;
  // Shifts the date by the sentence's time phrase; a discard or complex code in it is the
  // sentence's problem (kNone when there is none).
  Problem TimeShift();
  void CodeClauses();
  void CodeHarmAdjunct();
  // The first place a clause's words from..to name after "in", "near", "at" or "outside" (an
  // actor head that is no force: "in the Russian army" is none), or -1; its actor in *where (to
  // be read only when found).
  int PlaceIn(int from, int to, ActorVal* where) const;
  // Document coding (dyad): the object of force that the dictionaries know only as an agent
  // ("opened fire on demonstrators", "killed two journalists"): a person of the country of the
  // place the clause names, or, with none, of the police or courts acting (their own people).
  // Unset when neither is there (force on "civilians" somewhere unnamed names no victim).
  ActorVal FreeAgentVictim(const EventCode& code, int v, int cb, int ce) const;
  CodeResult Finish();

  int n() const { return static_cast<int>(s_.words.size()); }
  const Word& w(int i) const { return s_.words[i]; }
  Word& w(int i) { return s_.words[i]; }
  // (Without substr's range check: Split() keeps every word inside `chars`. Called for most words
  // by most passes, it is now inlined.)
  std::string_view WordText(int i) const {
    const Word& word = w(i);
    return std::string_view(s_.chars.data() + word.text_begin, static_cast<size_t>(word.text_len));
  }

  // Resolved actor code of an actor root (entry); nullptr when no restriction holds.
  // (Always inlined: MakeActor and MarkNouns ask it some 280,000 times on the slice.)
  [[gnu::always_inline]] inline const std::string* ActorCodeOfRoot(int32_t root, Date date) const;
  bool all_caps = false;
  bool split_truncated_ = false;  // Split() kept the first kMaxWords words only
  bool document = false;  // coding within a document (dyad's coreference rules on)
  Date shifted() const { return shifted_; }
  ForwardState* fwd_out = nullptr;

  std::vector<ActorMention> Mentions();

  // Document coreference (a dyad extension; code/coreference.h, docs/coreference.md).
  void MarkDefinites(const Discourse& d);
  [[gnu::always_inline]] inline bool StandsAloneAsName(int i) const;  // (asked of every word: in line)
  // Word k is a capitalised word the dictionaries do not know (false out of range).
  [[gnu::always_inline]] inline bool UnknownCapitalised(int k) const;
  void MarkResolvedPhrase(int first, int last, Antecedent antecedent);
  void ResolveAcross(const Discourse& d);
  void ResolveSeats(const Discourse& d);
  void RecordMentions(Discourse* d, std::vector<ActorMention>* resolved);
  std::string RefText(int i) const;
  bool MatchDefinite(const CorefRules& rules, const DefiniteRule& r, int i, int* end) const;
  bool SourcedByEventMention(const RawEvent& e) const;
  bool MaterialActOnEventMention(const RawEvent& e) const;
  bool RegionActorWithin(const CorefRules& rules, int j, int first, int last) const;
  bool MentionAt(int i, DiscourseMention* m) const;

 private:
  bool HasLiteral(int i, int32_t word, int16_t* len) const {
    for (int k = w(i).lit_begin; k < w(i).lit_end; ++k)
      if (s_.lit_pool[k].word == word) {
        if (len) *len = s_.lit_pool[k].len;
        return true;
      }
    return false;
  }
  [[gnu::always_inline]] inline int TryRoot(int32_t r, int start, int* tail) const;  // (AssignRoots' inner loop)
  bool WrittenInCapitals(int first, int last) const;  // no lower-case letter in words first..last
  bool WrittenAsName(int first, int last) const;      // every word of first..last starts with a capital
  // Always inlined: called from every stage's word loops (GCC otherwise keeps it out of line).
  [[gnu::always_inline]] bool IsActor(int i) const {
    return i >= 0 && i < n() && w(i).typed && w(i).type == RootType::kActor && !w(i).noun && !w(i).blanked;
  }
  [[gnu::always_inline]] bool IsActorHead(int i) const { return IsActor(i) && w(i).is_head; }
  // (Always inlined too: GCC kept an out-of-line clone that MarkNouns called some 600,000 times.)
  [[gnu::always_inline]] bool IsType(int i, RootType t) const {
    return i >= 0 && i < n() && w(i).typed && !w(i).blanked && w(i).type == t && !w(i).noun;
  }
  int Referent(int i) const;
  int32_t RootOfActorWord(int i) const;
  ActorVal MakeActor(int found, int agent_around, bool with_agent) const;
  void ShareCompoundAgent(ActorVal* members, size_t count) const;
  void LookupAgent(int head, ActorVal* a) const;
  bool SameActor(const ActorVal& a, const ActorVal& b) const {
    return a.code == b.code && a.agent == b.agent && a.agent_prefix == b.agent_prefix && a.nocode == b.nocode;
  }
  ActorVal DefaultActor(const std::string& code) const {
    ActorVal a;
    a.set = true;
    a.dflt = true;
    a.code = code;
    return a;
  }
  // Pattern matcher.
  // An actor bound by a pattern, kept as MakeActor()'s arguments: the ActorVal (strings) is
  // built only for the pattern finally chosen (MakeActor is pure while patterns are tried).
  struct ActorRef {
    int found = -1, around = -1;
  };
  struct MatchCtx {
    int end;  // last word index allowed in the upper direction
    int verb = -1;  // the pattern's verb
    ActorRef src, tgt;
    bool src_set = false, tgt_set = false;
    int alt_letters = 0;
  };
  // (Always inlined: the pattern matcher asks it some 1.1 million times on the slice.)
  [[gnu::always_inline]] inline bool WordMatches(int pos, int32_t word, bool exact) const;
  bool SeqUp(const PatternElement* e, int count, int* pos, bool gap, bool first_stem, MatchCtx& m) const;
  bool TryUp(const PatternElement& e, int* pos, bool exact, MatchCtx& m) const;
  // Pattern slots shared by the upper and lower matchers: an actor at p fills
  // $ (source) or + (target); % takes the compound that starts at p as both.
  bool BindActorSlot(const PatternElement& e, int p, MatchCtx& m) const;
  bool BindCompound(int p, MatchCtx& m) const;
  bool SeqDown(const PatternElement* e, int count, int* pos, bool force_first, MatchCtx& m) const;
  bool TryDown(const PatternElement& e, int* pos, bool exact, MatchCtx& m) const;
  bool InsidePossessedPhrase(int p) const;
  bool FirstWordMatches(const std::vector<PatternElement>& member, int pos, bool exact) const;
  bool MatchPattern(const Pattern& p, int head, int tail, int end, MatchCtx& m) const;
  void CodeVerb(int v, int cb, int ce, bool* stop_clause);
  void AddEvents(const ActorVal& src, const ActorVal& tgt, const EventCode& code, int v, int pattern, int entry,
                 bool* produced);
  std::vector<int> CompoundMembers(int head) const;

  const dict::DictionarySet& d_;
  const TabariOptions& o_;
  Scratch& s_;
  std::string_view text_;
  Date date_, shifted_;
  // Coding state.
  ActorVal source_, target_;
  bool regular_source_ = false, regular_target_ = false, passive_ = false;
};

// Clears what coding one sentence builds after Split and AssignRoots.
void Engine::ClearClauseState() {
  s_.compounds.clear();
  s_.clauses.clear();
  s_.reading_on.clear();
  s_.events.clear();
  s_.harm_adjunct = -1;
  s_.aside_comma.clear();
  s_.relatives.clear();
  s_.untargeted.clear();
  s_.ext.clear();
}

void Engine::Split() {
  s_.chars.clear();
  s_.words.clear();
  ClearClauseState();
  const std::string_view t = text_;
  const size_t len = t.size();
  // Every character written to `chars` comes from a distinct input byte: len bounds the size.
  // kCharsPad more bytes: LitCache reads up to 7 bytes past a word, and the 8-byte loop
  // below stores 8 bytes where fewer belong to the word.
  s_.chars.resize(len + kCharsPad);
  char* const out = s_.chars.data();
  int32_t nc = 0;
  bool any_lower = false, any_non_ascii = false;
  Word* cur = nullptr;  // the word being built (nullptr: none)
  auto start_word = [&](size_t at, WType kind) -> Word* {
    Word& nw = s_.words.emplace_back();
    nw.begin = static_cast<int32_t>(at);
    nw.end = static_cast<int32_t>(at);
    nw.text_begin = nc;
    nw.kind = kind;
    return &nw;
  };
  // Appends c (upper-cased) to the current word; a word reaching 64 characters is split.
  auto push_char = [&](size_t at, char c) {
    if (cur == nullptr || cur->text_len >= 63) {
      cur = start_word(at, WType::kNone);
      cur->first_upper = IsUpperAscii(c);
    }
    out[nc++] = IsLowerAscii(c) ? static_cast<char>(c - 'a' + 'A') : c;
    ++cur->text_len;
    cur->end = static_cast<int32_t>(at + 1);
  };
  auto special = [&](size_t at, WType kind, char c) {
    cur = nullptr;
    Word* sw = start_word(at, kind);
    out[nc++] = c;
    sw->text_len = 1;
    sw->end = static_cast<int32_t>(at + 1);
  };
  const char* const tp = t.data();
  for (size_t i = 0; i < len; ++i) {
    const char c = tp[i];
    if (kCharClass[static_cast<unsigned char>(c)] != 0) {
      // A run of letters, digits and non-ASCII bytes: appended to the current word (the same
      // effect as push_char() on each byte, without the per-byte call).
      size_t j = i;
      unsigned lower = 0;
      while (true) {
        if (cur == nullptr || cur->text_len >= 63) {
          cur = start_word(j, WType::kNone);
          cur->first_upper = IsUpperAscii(tp[j]);
        }
        const int32_t room = 63 - cur->text_len;
        char* const dst = out + nc;
        int32_t taken = 0;
        if constexpr (std::endian::native == std::endian::little) {
          // 8 bytes at a time: the bytes before the first one of class 0, upper-cased
          // (the same result as the byte loop below, which finishes the run).
          while (taken < room && j + 8 <= len) {
            uint64_t x;
            std::memcpy(&x, tp + j, 8);
            const uint64_t k01 = 0x0101010101010101ull, high = 0x8080808080808080ull;
            const uint64_t y = x & ~high;  // the low 7 bits of each byte
            // Bit 7 of each byte: the byte (< 0x80) lies in [lo, hi].
            auto in_range = [&](uint64_t v, unsigned lo, unsigned hi) {
              return (v + (0x80 - lo) * k01) & ~(v + (0x7F - hi) * k01) & high;
            };
            const uint64_t non_ascii = x & high;
            const uint64_t lower_m = in_range(y, 'a', 'z') & ~non_ascii;
            const uint64_t word_m = non_ascii | in_range(y | 0x20 * k01, 'a', 'z') | in_range(y, '0', '9');
            const uint64_t stop = ~word_m & high;
            int32_t take = stop == 0 ? 8 : std::countr_zero(stop) >> 3;
            if (take > room - taken) take = room - taken;
            const uint64_t up = x - (lower_m >> 2);  // a-z -> A-Z
            std::memcpy(dst + taken, &up, 8);          // nc + taken <= j: inside chars
            const uint64_t kept = take == 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * take)) - 1;
            if (lower_m & kept) lower |= 2u;
            if (non_ascii & kept) lower |= 4u;
            taken += take;
            j += static_cast<size_t>(take);
            if (take < 8) break;
          }
        }
        while (taken < room && j < len) {
          const unsigned char ch = static_cast<unsigned char>(tp[j]);
          const unsigned cls = kCharClass[ch];
          if (cls == 0) break;
          lower |= cls;
          dst[taken++] = static_cast<char>(cls == 3 ? ch - 'a' + 'A' : ch);
          ++j;
        }
        nc += taken;
        cur->text_len += taken;
        cur->end = static_cast<int32_t>(j);
        if (j >= len || kCharClass[static_cast<unsigned char>(tp[j])] == 0) break;
      }
      if (lower & 2u) any_lower = true;
      if (lower & 4u) any_non_ascii = true;
      i = j - 1;
      continue;
    }
    switch (c) {
      case '/':
        if (i + 1 < len && t[i + 1] == '*') {
          size_t e = t.find("*/", i + 2);
          i = e == std::string_view::npos ? len : e + 1;
        }
        cur = nullptr;
        break;
      case ';': case ':': case '(': case ')':
        special(i, WType::kComma, ',');
        break;
      case ',':
        if (i > 0 && i + 1 < len && IsDigitC(t[i - 1]) && IsDigitC(t[i + 1])) break;  // 50,000
        special(i, WType::kComma, ',');
        break;
      case '.':
        // A period after a capital belongs to an initial or an abbreviation ("W.", "U.S.",
        // "U.N."), not to an acronym that ends the sentence ("sanctions on the UAE.").
        if ((i > 0 && i + 1 < len && IsDigitC(t[i - 1]) && IsDigitC(t[i + 1])) ||
            (i > 0 && IsUpperAscii(t[i - 1]) && cur != nullptr &&
             (cur->text_len == 1 || (i + 1 < len && IsAlphaAscii(t[i + 1])) ||
              std::string_view(out + cur->text_begin, static_cast<size_t>(cur->text_len)).find('.') != std::string_view::npos)))
          push_char(i, c);
        else
          cur = nullptr;
        break;
      case '\'': case '$':
        push_char(i, c);
        break;
      case '"':
        special(i, WType::kQuote, '"');
        break;
      default:
        cur = nullptr;
        break;
    }
  }
  // Letters with diacritics fold to their ASCII capitals, as the dictionaries' entries do
  // (common/words.h): "Orbán" is ORBAN. Only a sentence with a byte above 0x7F is read again.
  if (any_non_ascii)
    for (Word& wd : s_.words) {
      if (wd.kind != WType::kNone) continue;
      char* const p = out + wd.text_begin;
      bool high = false;
      for (int32_t k = 0; k < wd.text_len && !high; ++k) high = static_cast<unsigned char>(p[k]) >= 0x80;
      if (high) wd.text_len = static_cast<int32_t>(FoldLatinLetters(p, static_cast<size_t>(wd.text_len), &wd.first_upper));
    }
  s_.chars.resize(static_cast<size_t>(nc) + kCharsPad);
  split_truncated_ = static_cast<int>(s_.words.size()) > kMaxWords;
  if (split_truncated_) s_.words.resize(kMaxWords);
  all_caps = !any_lower;
  MarkCapitals();
  if (s_.cache_owner != d_.instance_id() || s_.lit_cache.size() > 200000) {
    s_.lit_cache.Clear();
    s_.lit_pool.clear();
    s_.cache_owner = d_.instance_id();
    ++s_.lit_generation;
  }
  // A word's literals are its cached range of lit_pool (not copied per sentence).
  for (auto& wd : s_.words) {
    wd.lit_begin = wd.lit_end = 0;
    if (wd.kind == WType::kNone) {
      const std::string_view up(s_.chars.data() + wd.text_begin, static_cast<size_t>(wd.text_len));
      const auto range = s_.lit_cache.Get(up, [&] {
        const int32_t b = static_cast<int32_t>(s_.lit_pool.size());
        d_.ForEachPrefix(up, [&](int32_t id, int l) { s_.lit_pool.push_back({id, static_cast<int16_t>(l)}); });
        return std::make_pair(b, static_cast<int32_t>(s_.lit_pool.size()));
      });
      wd.lit_begin = range.first;
      wd.lit_end = range.second;
      if (IsDigitC(up[0])) wd.kind = range.second > range.first ? WType::kNone : WType::kNumber;
    }
  }
  UnlinkMonthNames();
  StampSentence();
}

void Engine::UnlinkMonthNames() {
  // ("held talks in Beijing in March 2023" holds no march; "in May" is no modal.)
  static const WordList kTimeBefore = {"IN", "SINCE", "UNTIL", "TILL", "BY", "EARLY", "LATE", "MID", "OF", "LAST",
                                       "NEXT", "THIS", "FROM", "THROUGH", "BEFORE", "AFTER", "DURING", "TO",
                                       "BETWEEN", "AND", "OR", "ON", "THAT", "EACH", "EVERY"};
  const int count = n();
  for (int i = 1; i < count; ++i) {
    Word& wd = w(i);
    if (wd.kind != WType::kNone || !wd.first_upper || all_caps) continue;
    const std::string_view t = WordText(i);
    if (t != "MARCH" && t != "MAY") continue;
    const bool number_next = i + 1 < count && w(i + 1).begin < w(i + 1).end && IsDigitC(text_[w(i + 1).begin]);
    const bool number_before = w(i - 1).begin < w(i - 1).end && IsDigitC(text_[w(i - 1).begin]);
    if (number_next || number_before || kTimeBefore.count(WordText(i - 1))) wd.lit_begin = wd.lit_end = 0;
  }
}

void Engine::MarkCapitals() {
  if (all_caps) return;
  bool seen_cap = false;
  for (auto& wd : s_.words) {
    if (wd.kind == WType::kNone && wd.first_upper) {
      if (!seen_cap) wd.initcap = true;
      else wd.midcap = true;
      seen_cap = true;
    }
  }
}

void Engine::StampSentence() {
  if (s_.stamp.size() < static_cast<size_t>(d_.word_count())) s_.stamp.assign(d_.word_count(), 0);
  if (s_.witness_seen.size() < d_.witness_sets().size()) {
    s_.witness_seen.assign(d_.witness_sets().size(), 0);
    s_.witness_ok.assign(d_.witness_sets().size(), 0);
  }
  StampWords();
}

// A new epoch: the dictionary words of the sentence's literals stamped, and their bit mask.
void Engine::StampWords() {
  if (++s_.epoch == 0) {
    std::fill(s_.stamp.begin(), s_.stamp.end(), 0);
    std::fill(s_.witness_seen.begin(), s_.witness_seen.end(), 0);
    s_.epoch = 1;
  }
  s_.word_mask = 0;
  for (const auto& wd : s_.words)
    for (int32_t k = wd.lit_begin; k < wd.lit_end; ++k) {
      const int32_t word = s_.lit_pool[k].word;
      s_.stamp[word] = s_.epoch;
      s_.word_mask |= dict::WordBit(word);
    }
}

void Engine::SplitAndAssignRoots() {
  Scratch::Rooted& r = s_.rooted;
  if (!r.valid || r.owner != d_.instance_id() || r.generation != s_.lit_generation || r.text != text_) {
    // A clause of the sentence rooted last is read from the sentence's words and leaves the
    // sentence in place for its other clauses.
    if (const PartRead read = ReadAsPartOfRooted(); read != PartRead::kNone) {
      if (read == PartRead::kWords) AssignRoots();
      return;
    }
    Split();
    AssignRoots();
    r.valid = true;
    r.owner = d_.instance_id();
    r.generation = s_.lit_generation;
    r.epoch = s_.epoch;
    r.text.assign(text_);
    r.chars = s_.chars;
    r.words = s_.words;
    r.all_caps = all_caps;
    // (A comment "/* */" is skipped whole, across any boundary a part would have.)
    r.parts_readable = !split_truncated_ && text_.find("/*") == std::string_view::npos;
    return;
  }
  // The state Split() and AssignRoots() leave, as they left it for this text.
  s_.chars = r.chars;
  s_.words = r.words;
  all_caps = r.all_caps;
  ClearClauseState();
  // (The stamps still hold this text's words when no other text was stamped since: the stamps,
  // the mask and the witness answers of this epoch are a function of the words alone.)
  if (s_.epoch != r.epoch) {
    StampWords();
    r.epoch = s_.epoch;
  }
}

Engine::PartRead Engine::ReadAsPartOfRooted() {
  const Scratch::Rooted& r = s_.rooted;
  // (A text as long as the sentence is no part of it: the next sentence is not searched for.)
  if (!r.valid || !r.parts_readable || text_.empty() || text_.size() >= r.text.size() ||
      r.owner != d_.instance_id() || r.generation != s_.lit_generation)
    return PartRead::kNone;
  // (Found by its bytes: the engine codes a clause from a copy, sometimes behind its subject.)
  const size_t b = r.text.find(text_);
  if (b == std::string::npos) return PartRead::kNone;
  const size_t e = b + text_.size();
  // Split() reads the part as it reads the sentence when no word of the sentence holds the byte
  // before the part or bytes on both sides of its end, and the bytes next to it are no letters,
  // digits or non-ASCII bytes: its rules for ',' and '.' then read them as they read a text's
  // ends, and each word of the part starts and ends where the sentence's does.
  const auto outside_words = [&](size_t at) { return kCharClass[static_cast<unsigned char>(r.text[at])] == 0; };
  if ((b > 0 && !outside_words(b - 1)) || (e < r.text.size() && !outside_words(e))) return PartRead::kNone;
  const std::vector<Word>& all = r.words;
  size_t first = 0;
  while (first < all.size() && all[first].begin < static_cast<int32_t>(b)) ++first;
  if (first > 0 && all[first - 1].end >= static_cast<int32_t>(b)) return PartRead::kNone;
  size_t last = first;
  while (last < all.size() && all[last].begin < static_cast<int32_t>(e)) ++last;
  if (last > first && all[last - 1].end > static_cast<int32_t>(e)) return PartRead::kNone;
  // The part's words as Split() leaves them: their places moved to the part, their characters
  // copied, the rest of each Word fresh.
  ClearClauseState();
  s_.words.clear();
  s_.chars.clear();
  if (first < last) {
    // Split() writes the words' characters one after another (a folded word keeps its room).
    const int32_t chars_begin = all[first].text_begin;
    const int32_t chars_end =
        last < all.size() ? all[last].text_begin : static_cast<int32_t>(r.chars.size() - kCharsPad);
    s_.chars.assign(r.chars, static_cast<size_t>(chars_begin), static_cast<size_t>(chars_end - chars_begin));
    for (size_t k = first; k < last; ++k) {
      const Word& from_word = all[k];
      Word& wd = s_.words.emplace_back();
      wd.begin = from_word.begin - static_cast<int32_t>(b);
      wd.end = from_word.end - static_cast<int32_t>(b);
      wd.text_begin = from_word.text_begin - chars_begin;
      wd.text_len = from_word.text_len;
      wd.lit_begin = from_word.lit_begin;
      wd.lit_end = from_word.lit_end;
      wd.kind = from_word.kind;
      wd.first_upper = from_word.first_upper;
    }
  }
  s_.chars.append(kCharsPad, '\0');
  // Every lower-case letter of the part is in one of its words.
  all_caps = true;
  for (const char c : text_)
    if (IsLowerAscii(c)) {
      all_caps = false;
      break;
    }
  MarkCapitals();
  StampSentence();
  // AssignRoots() gives each word the root with the best score starting there, among the roots
  // whose words all match from there; the part's matches are the sentence's that end inside it,
  // with the same scores. So the sentence's roots are the part's when none starts before the part
  // and ends inside it, none starting inside ends after it, and capitals count alike in both
  // (an all-capitals text matches no case-sensitive root).
  if (all_caps != r.all_caps) return PartRead::kWords;
  const auto part_first = static_cast<int32_t>(first), part_last = static_cast<int32_t>(last);
  for (size_t k = first; k < last; ++k) {
    const Word& from_word = all[k];
    if ((from_word.typed && from_word.head < part_first) || (from_word.is_head && from_word.tail >= part_last))
      return PartRead::kWords;
  }
  for (size_t k = first; k < last; ++k) {
    const Word& from_word = all[k];
    Word& wd = s_.words[k - first];
    wd.typed = from_word.typed;
    wd.type = from_word.type;
    wd.root = from_word.root;
    wd.head = from_word.head < 0 ? -1 : from_word.head - part_first;
    wd.is_head = from_word.is_head;
    wd.tail = from_word.tail < 0 ? -1 : from_word.tail - part_first;
  }
  return PartRead::kWordsAndRoots;
}

namespace {
bool EndingAllowed(RootType t, std::string_view rest, char last_root_char) {
  // (Read byte by byte for each length: asked for every root ending tried, where comparing with
  // each literal was a call.)
  const size_t n = rest.size();
  if (n == 0 || n > 3) return false;
  const char a = rest[0], b = n > 1 ? rest[1] : '\0', c = n > 2 ? rest[2] : '\0';
  switch (t) {
    case RootType::kActor: case RootType::kAgent: case RootType::kNoun:
      // "S", "'", "'S", "ES", "S'", "ES'". (A plural possessive keeps its apostrophe: "the
      // Houthis' attacks", "the rebels' leader".)
      if (n == 1) return a == 'S' || a == '\'';
      if (n == 2) return (a == '\'' && b == 'S') || (a == 'E' && b == 'S') || (a == 'S' && b == '\'');
      return a == 'E' && b == 'S' && c == '\'';
    case RootType::kVerb:
      // "S", "D" after an E, "ED", "ES", "EN", "ING".
      if (n == 1) return a == 'S' || (a == 'D' && last_root_char == 'E');
      if (n == 2) return a == 'E' && (b == 'D' || b == 'S' || b == 'N');
      return a == 'I' && b == 'N' && c == 'G';
    default:
      return false;
  }
}
}  // namespace

// Score of root r starting at `start` (-1 if it does not match); *tail = last matched word.
inline int Engine::TryRoot(int32_t r, int start, int* tail) const {
  const Root& root = d_.roots()[r];
  const auto& pws = d_.phrase_words();
  // Cheap rejection: every word of the root must occur somewhere in the sentence.
  for (int k = 1; k < root.n_words; ++k)
    if (s_.stamp[pws[root.words_begin + k].word] != s_.epoch) return -1;
  int pos = start, score = 0;
  for (int k = 0; k < root.n_words; ++k) {
    const auto& pw = pws[root.words_begin + k];
    const bool last = k + 1 == root.n_words;
    while (true) {
      if (pos >= n()) return -1;
      const Word& wd = w(pos);
      if (wd.kind == WType::kComma) return -1;
      int16_t len = 0;
      bool ok = false;
      int add = 0;
      if (!wd.typed && wd.kind == WType::kNone && HasLiteral(pos, pw.word, &len)) {
        if (len == wd.text_len) {
          ok = true;
          add = len;
        } else if (!LinkWhole(pw.link)) {
          ok = true;
          add = len;
        } else if (last && pw.link != Link::kNoEnd) {
          std::string_view rest = WordText(pos).substr(len);
          const std::string& rw = d_.word(pw.word);
          if (EndingAllowed(root.type, rest, rw.back())) {
            ok = true;
            add = wd.text_len;
          }
        }
      }
      if (ok) {
        score += add;
        *tail = pos;
        ++pos;
        break;
      }
      if (k > 0 && LinkGap(pws[root.words_begin + k - 1].link)) {
        ++pos;
        continue;
      }
      return -1;
    }
  }
  if (root.case_sensitive && !WrittenInCapitals(start, *tail)) return -1;
  if (root.written_as_name && !WrittenAsName(start, *tail)) return -1;
  return score;
}

bool Engine::WrittenInCapitals(int first, int last) const {
  if (all_caps) return false;  // a headline in capitals cannot tell "US" from "us"
  for (int i = first; i <= last; ++i) {
    const Word& wd = w(i);
    for (int32_t b = wd.begin; b < wd.end; ++b)
      if (text_[b] >= 'a' && text_[b] <= 'z') return false;
  }
  return true;
}

bool Engine::WrittenAsName(int first, int last) const {
  if (all_caps) return false;  // a headline in capitals cannot tell "Foreign Policy" from "foreign policy"
  // (Its small words may be written small: "the Economist", "Amnesty International's".)
  static const WordList kSmall = {"THE", "OF", "AND", "FOR", "ON", "IN"};
  for (int i = first; i <= last; ++i)
    if (w(i).kind == WType::kNone && !w(i).first_upper && !kSmall.count(WordText(i))) return false;
  return true;
}

void Engine::AssignRoots() {
  const int count = n();
  std::vector<int>& matched = s_.matched;
  // Sentence state read below, in locals: nothing here changes it.
  const Literal* const lits = s_.lit_pool.data();
  const uint32_t* const stamp = s_.stamp.data();
  const uint32_t epoch = s_.epoch;
  for (int i = 0; i < count; ++i) {
    Word& wd = w(i);
    if (wd.typed || wd.kind != WType::kNone) continue;
    int best = -1, best_root = -1, best_tail = -1;
    const int lit_end = wd.lit_end;
    for (int k = wd.lit_begin; k < lit_end; ++k) {
      const int32_t first = lits[k].word;
      // Plain variables, not a structured binding: the lambda below captures `b` (clang 14
      // cannot capture bindings).
      const auto roots = d_.RootsStartingWith(first);
      const int32_t* b = roots.first;
      const int32_t* e = roots.second;
      if (b == e) continue;
      const int32_t* second = d_.RootSecondWords(first);
      if (!d_.PairIndexed(first)) {
        for (const int32_t* r = b; r != e; ++r, ++second) {
          if (*second >= 0 && stamp[*second] != epoch) continue;
          int tail = -1;
          int sc = TryRoot(*r, i, &tail);
          if (sc > best) {
            best = sc;
            best_root = *r;
            best_tail = tail;
          }
        }
        continue;
      }
      // A large group: only its roots that can match here (one-word or gap roots, and the
      // roots whose second word is a literal of the next word). The same winner as the scan
      // above: the highest score, the earliest in load order among equal scores.
      int best_pos = -1;
      auto consider = [&](const int32_t* pb, const int32_t* pe) {
        for (const int32_t* p = pb; p != pe; ++p) {
          if (second[*p] >= 0 && stamp[second[*p]] != epoch) continue;
          int tail = -1;
          int sc = TryRoot(b[*p], i, &tail);
          if (sc > best || (sc >= 0 && sc == best && best_pos >= 0 && *p < best_pos)) {
            best = sc;
            best_root = b[*p];
            best_tail = tail;
            best_pos = *p;
          }
        }
      };
      auto [ub, ue] = d_.RootsUnpaired(first);
      consider(ub, ue);
      if (i + 1 < count)
        for (int k2 = w(i + 1).lit_begin; k2 < w(i + 1).lit_end; ++k2) {
          auto [pb, pe] = d_.RootsWithSecond(first, lits[k2].word);
          consider(pb, pe);
        }
    }
    if (best_root < 0) continue;
    // Mark the matched words (re-walk to know which ones).
    const Root& root = d_.roots()[best_root];
    const auto& pws = d_.phrase_words();
    int pos = i;
    matched.clear();
    for (int k = 0; k < root.n_words; ++k) {
      const auto& pw = pws[root.words_begin + k];
      const bool last = k + 1 == root.n_words;
      while (pos < count) {
        int16_t len = 0;
        const Word& x = w(pos);
        bool ok = false;
        if (!x.typed && x.kind == WType::kNone && HasLiteral(pos, pw.word, &len)) {
          if (len == x.text_len || !LinkWhole(pw.link)) ok = true;
          else if (last && pw.link != Link::kNoEnd)
            ok = EndingAllowed(root.type, WordText(pos).substr(len), d_.word(pw.word).back());
        }
        if (ok) {
          matched.push_back(pos++);
          break;
        }
        ++pos;
      }
    }
    for (int m : matched) {
      Word& x = w(m);
      x.typed = true;
      x.type = root.type;
      x.root = best_root;
      x.head = i;
    }
    wd.is_head = true;
    wd.tail = best_tail;
  }
}

inline const std::string* Engine::ActorCodeOfRoot(int32_t root, Date date) const {
  const Root& r = d_.roots()[root];
  if (r.entry < 0) return nullptr;
  const auto& codes = d_.actors()[r.entry].codes;
  // (The day is worked out only for a date-restricted code: most actors have one code for any date.)
  int64_t known_day = 0;
  bool day_known = false;
  auto day = [&]() {
    if (!day_known) known_day = date.valid() ? date.ToDays() : 0, day_known = true;
    return known_day;
  };
  for (const auto& c : codes) {
    switch (c.kind) {
      case ActorCode::kAny: return &c.code;
      case ActorCode::kBefore: if (day() < c.lo) return &c.code; break;
      case ActorCode::kAfter: if (day() > c.lo) return &c.code; break;
      case ActorCode::kRange: if (day() >= c.lo && day() <= c.hi) return &c.code; break;
    }
  }
  return nullptr;
}

const std::string Engine::kNullCode = "---";

bool Engine::IsBackerAdjective(int32_t end) const {
  static const char* const kWords[] = {"backed", "made",     "built",     "supplied", "designed", "funded",
                                       "armed",  "sponsored", "trained",  "produced", "manufactured", "origin",
                                       "financed", "equipped", "allied",  "aligned", "member",
                                       "held",  "occupied",
                                       "brokered", "mediated", "drafted", "proposed",
                                       "hosted",   "sanctioned"};
  // ("U.S.-brokered": the abbreviation's last dot comes before the hyphen.)
  if (end < static_cast<int32_t>(text_.size()) && text_[end] == '.') ++end;
  if (end + 1 >= static_cast<int32_t>(text_.size()) || text_[end] != '-') return false;
  const std::string_view rest = text_.substr(static_cast<size_t>(end) + 1);
  for (const char* word : kWords) {
    const size_t n = std::strlen(word);
    if (rest.size() >= n && std::equal(word, word + n, rest.begin(), [](char a, char b) {
          return a == std::tolower(static_cast<unsigned char>(b));
        }) && (rest.size() == n || !std::isalpha(static_cast<unsigned char>(rest[n]))))
      return true;
  }
  return false;
}

// "pro-Iranian Hizbollah", "an anti-Syria journalist": a stance towards the actor, not the actor.
bool Engine::IsStanceOf(int32_t begin) const {
  if (begin < 4 || text_[begin - 1] != '-') return false;
  auto ends_with = [&](std::string_view prefix) {
    const int32_t at = begin - 1 - static_cast<int32_t>(prefix.size());
    if (at < 0) return false;
    for (size_t k = 0; k < prefix.size(); ++k)
      if (std::tolower(static_cast<unsigned char>(text_[at + static_cast<int32_t>(k)])) != prefix[k]) return false;
    return at == 0 || !std::isalpha(static_cast<unsigned char>(text_[at - 1]));
  };
  return ends_with("pro") || ends_with("anti");
}

// Texts that say something, and verbs by which their subject authors them (IsTextNoun,
// IsAuthoringVerb; also read by the engine's participle clauses).
const WordList kTextNouns = {
    "RESOLUTION", "RESOLUTIONS", "STATEMENT", "STATEMENTS", "DECLARATION", "DECLARATIONS", "MOTION",
    "MOTIONS", "TEXT", "DRAFT", "LETTER", "LETTERS", "REPORT", "REPORTS", "COMMUNIQUE", "COMMUNIQUES", "BILL",
    "PETITION", "DECISION", "RULING", "JUDGMENT", "JUDGEMENT", "ORDER", "VOTE", "VOTES", "PAPER", "PAPERS",
    "PLAN", "PROPOSAL", "PROPOSALS", "DOCUMENT", "MEMORANDUM"};
const WordList kAuthoringVerbs = {
    "ADOPTED", "ADOPTS", "ADOPT", "PASSED", "PASSES", "PASS", "APPROVED", "APPROVES", "ISSUED", "ISSUES",
    "RELEASED", "PUBLISHED", "SIGNED", "TABLED", "DRAFTED", "SPONSORED", "CO-SPONSORED", "SENT", "WROTE",
    "SUBMITTED", "PROPOSED", "INTRODUCED", "DELIVERED", "MADE", "ENDORSED", "SUPPORTED", "BACKED", "PUT",
    "FILED", "DREW", "CIRCULATED"};

// A demonym as a word ends ("Russian", "Chinese", "Turkish", "Israeli"): an adjective of a state,
// not its name.
bool LooksDemonym(std::string_view upper) {
  return EndsWith(upper, "AN") || EndsWith(upper, "ESE") || EndsWith(upper, "ISH") || EndsWith(upper, "I");
}

void Engine::MarkNouns() {
  for (int i = 0; i < n(); ++i) {
    Word& wd = w(i);
    if (!wd.is_head) continue;
    // Document coding (dyad): a sentence's first word, a verb form before an auxiliary, is the
    // subject noun ("Shells were shipped to Russia").
    if (wd.type == RootType::kVerb && i == 0 && document && wd.tail + 1 < n()) {
      // (Also before "of": "Shells of Bulgarian make were found", "Attacks of this kind".)
      static const WordList kAuxiliaryAfterFirst = {"IS", "ARE", "WAS", "WERE", "HAVE", "HAD", "HAS", "OF"};
      if (kAuxiliaryAfterFirst.count(WordText(wd.tail + 1)))
        for (int k = i; k <= wd.tail; ++k)
          if (w(k).head == i) w(k).noun = true;
    }
    if (wd.type == RootType::kVerb && i > 0) {
      bool det = w(i - 1).typed && w(i - 1).type == RootType::kDeterminer;
      // Document coding (dyad): after a possessive determiner a verb form is a noun ("passed their
      // battle experience on", "its attack on Kyiv"; not "her", which may be an object).
      const std::string_view before = WordText(i - 1);
      det = det || (document && (before == "THEIR" || before == "ITS" || before == "HIS" || before == "OUR" ||
                                 before == "MY" || before == "YOUR"));
      // ... and after a possessive ("Russia's use of Belarusian airspace", "Iran's delivery") or
      // an adjective ("prompted new sanctions").
      det = det || (document && (EndsWith(before, "'S") || before == "'S" || before == "S'" ||
                                 (w(i - 1).typed && w(i - 1).type == RootType::kAdjective)));
      // ... and after a possessive or determiner and a modifier ("the firm's continued help",
      // "its growing support", "Iran's covert delivery of drones").
      if (document && !det && i >= 2 && !IsActor(i - 1)) {
        // (Also an order or a scale: "the final assault", "a major attack", "the first strikes".)
        static const WordList kModifiers = {
            "NEW",   "FRESH",  "FURTHER", "RECENT",  "DIRECT",   "COVERT", "OPEN",    "MASSIVE", "STEADY",
            "GROWING", "ONGOING", "CONTINUING", "FIRST", "SECOND", "THIRD",  "FINAL",   "LAST",    "LATEST",
            "INITIAL", "PREVIOUS", "EARLIER", "NEXT",   "MAJOR",   "LARGE",  "BIG",     "FULL",    "JOINT",
            "MAIN",  "WIDER",  "BRIEF",   "SINGLE",  "DEADLY",   "HEAVY",  "GROUND",  "AERIAL"};
        const std::string_view opener = WordText(i - 2);
        det = (EndsWith(before, "ED") || kModifiers.count(before)) &&
              (EndsWith(opener, "'S") || opener == "THE" || opener == "ITS" || opener == "THEIR" || opener == "HIS" ||
               opener == "A" || opener == "AN");
      }
      // ... and a plain form right after a noun's "of" ("the flow of support to the RSF", "the
      // threat of attack"); a gerund after "of" stays a verb ("accused of supplying").
      // ... and a form in -s after a noun's "on" names what the noun bears on ("the crackdown on
      // protests", "a ban on exports"), as no verb follows "on" there.
      if (document && (before == "OF" || before == "ON") && i >= 2 && !w(i - 2).typed &&
          w(i - 2).kind == WType::kNone) {
        const std::string_view form = WordText(wd.tail >= 0 ? wd.tail : i);
        det = det || (before == "OF" ? !EndsWith(form, "ING") && !EndsWith(form, "ED")
                                     : form.size() > 3 && EndsWith(form, "S") && !EndsWith(form, "SS"));
      }
      // ... and a plain form after "by" names a means ("told Burhan by phone", "shipped by rail");
      // a gerund stays a verb ("by sending troops").
      if (document && before == "BY" && i + 1 < n()) {
        const std::string_view form = WordText(wd.tail >= 0 ? wd.tail : i);
        det = det || (!EndsWith(form, "ING") && !EndsWith(form, "ED") && !EndsWith(form, "S"));
      }
      // Document coding (dyad): a participle hyphenated to the word before it is an adjective
      // ("Russian-occupied Donetsk", "Rwandan-backed rebels", "Iranian-made drones").
      // (Not after a verb prefix: "co-hosted", "re-opened" are the verb.)
      bool hyphenated = document && wd.begin >= 2 && text_[wd.begin - 1] == '-' &&
                        std::isalpha(static_cast<unsigned char>(text_[wd.begin - 2])) &&
                        !(before == "CO" || before == "RE");
      // ... and so is an -ed form after an adverb that a possessive or determiner opens
      // ("Georgia's internationally recognised territory", "the newly delivered drones").
      if (document && !hyphenated && i >= 2 && EndsWith(WordText(wd.tail >= 0 ? wd.tail : i), "ED") &&
          EndsWith(before, "LY") && !w(i - 1).typed) {
        const std::string_view opener = WordText(i - 2);
        hyphenated = EndsWith(opener, "'S") || opener == "THE" || opener == "A" || opener == "AN" ||
                     opener == "ITS" || opener == "THEIR" || opener == "HIS" || opener == "HER";
      }
      // Document coding (dyad): "the EU sanctions", "the Russian strikes" -- a plural-looking verb
      // form after a determiner and an actor, with no object after it, is a noun.
      bool modified_noun = false;
      if (document && w(i - 1).typed && w(i - 1).type == RootType::kActor && w(i - 1).head >= 0) {
        const int h = w(i - 1).head;
        const std::string_view text = WordText(i);
        const bool plural = text.size() > 3 && text.back() == 'S' && text[text.size() - 2] != 'S';
        // ("received North Korean shells": an actor right after a verb is its object's modifier.)
        // (A quantifier counts as a determiner: "for further Houthi attacks", "any Russian strikes".)
        static const WordList kQuantifiers = {"FURTHER", "MORE", "NEW", "RECENT", "REPEATED", "ANY", "ALL",
                                              "SOME", "SEVERAL", "MANY", "FUTURE", "FRESH", "CONTINUED"};
        const bool determined = (h >= 1 && w(h - 1).typed && w(h - 1).type == RootType::kDeterminer) ||
                                WordText(h) == "THE" || (h >= 1 && IsType(h - 1, RootType::kVerb)) ||
                                (h >= 1 && kQuantifiers.count(WordText(h - 1))) ||
                                AfterPreposition(h);  // ("strikes on Houthi targets")
        // What follows tells a noun ("the EU sanctions against Russia", "the Russian strikes
        // killed", "the EU sanctions.") from a verb with its object ("the Kremlin sends weapons to
        // Syria", "the M23 receives arms from Rwanda"): an object is an actor, a determiner, a
        // pronoun or a plain word, never a preposition, conjunction, verb, time word or the end.
        static const WordList kNounFollowers = {
            "ON", "IN", "AT", "AGAINST", "TO", "FROM", "OF", "INTO", "NEAR", "WITH", "FOR", "BY", "OVER",
            "TOWARDS", "TOWARD", "ACROSS", "INSIDE", "UNDER", "ALONG", "AROUND", "SINCE", "DURING",
            "AFTER", "BEFORE", "AND", "OR", "BUT", "NOR", "THAT", "WHICH", "WHO", "WHOSE", "WHEN",
            "WHERE", "WHILE", "AS", "THAN", "YESTERDAY", "TODAY", "TONIGHT", "LAST", "THIS", "EARLIER",
            "ALSO", "REGIME", "PACKAGE", "PACKAGES", "LIST", "ROUND", "ROUNDS"};
        bool object = false;
        if (i + 1 < n() && w(i + 1).kind != WType::kComma && w(i + 1).kind != WType::kQuote) {
          const Word& next = w(i + 1);
          if (next.typed) {
            // (A plural verb form right after it is a noun object: "receives arms", "sends supplies".)
            const std::string_view after = WordText(i + 1);
            const bool plural_form = after.size() > 3 && after.back() == 'S' && after[after.size() - 2] != 'S';
            object = next.type == RootType::kActor || next.type == RootType::kDeterminer ||
                     next.type == RootType::kPronoun || next.type == RootType::kNoun ||
                     next.type == RootType::kAdjective || (next.type == RootType::kVerb && plural_form);
          } else {
            // (A participle after it modifies the noun: "Chinese-made bombs found in Darfur".)
            static const WordList kParticiples = {"FOUND", "SEEN", "MADE", "SENT", "HIT", "SHOT",
                                                                    "BUILT", "HELD", "KEPT", "BOUGHT", "SOLD", "GIVEN",
                                                                    "TAKEN", "SHOWN", "FLOWN", "DRIVEN"};
            const std::string_view after = WordText(i + 1);
            object = kNounFollowers.count(after) == 0 && !EndsWith(after, "ED") && !kParticiples.count(after);
          }
        }
        // ("Ukrainian positions near Avdiivka came under fire", "Russian strikes hit Kyiv": after
        // a demonym, not a country's name, a plural verb form is a noun.)
        const std::string_view modifier = WordText(w(i - 1).tail >= 0 ? w(i - 1).tail : i - 1);
        const bool demonym = EndsWith(modifier, "IAN") || EndsWith(modifier, "EAN") || EndsWith(modifier, "ESE") ||
                             EndsWith(modifier, "ISH") || EndsWith(modifier, "CAN");
        // (An actor phrase that is itself an object, "called the EU sanctions illegal", holds a
        // noun whatever follows.)
        int before_phrase = h - 1;
        if (before_phrase >= 0 && (WordText(before_phrase) == "THE" || IsType(before_phrase, RootType::kDeterminer)))
          --before_phrase;
        const bool in_object = before_phrase >= 0 && IsType(before_phrase, RootType::kVerb);
        // ("U.N. sanctions monitors", "EU sanctions experts": a verb form before the head noun of
        // a body or its people modifies that noun.)
        static const WordList kHeadNouns = {
            "MONITORS", "EXPERTS", "OFFICIALS", "INSPECTORS", "INVESTIGATORS", "COMMITTEE", "PANEL",
            "TEAM", "ENVOY", "COORDINATOR", "CHIEF", "ENFORCEMENT", "OFFICE", "UNIT", "ANALYSTS"};
        const bool head_noun_after = i + 1 < n() && kHeadNouns.count(WordText(i + 1)) > 0;
        modified_noun = plural && (((determined || demonym) && (!object || in_object)) || head_noun_after);
        // ("any US strike on Yemen", "a Russian attack on Kyiv": after a singular determiner and an
        // actor, a plain verb form is the noun the determiner opens; no verb agrees with "a".)
        static const WordList kSingularDeterminers = {"A", "AN", "ANY", "EVERY", "EACH", "ANOTHER"};
        const bool singular_opened = h >= 1 && kSingularDeterminers.count(WordText(h - 1)) > 0 &&
                                     !EndsWith(text, "ED") && !EndsWith(text, "ING") && w(i - 1).kind == WType::kNone;
        modified_noun = modified_noun || singular_opened;
      }
      // Document coding (dyad): a verb form directly followed by an auxiliary is the subject noun
      // ("artillery shells were shipped", "Russian strikes have hit", "the attack was repelled").
      bool subject_noun = false;
      if (document && wd.tail + 1 < n()) {
        static const WordList kAuxiliary = {
            "IS", "ARE", "WAS", "WERE", "HAS", "HAVE", "HAD", "WILL", "WOULD", "COULD", "MAY", "MIGHT", "CAN", "SHOULD"};
        subject_noun = kAuxiliary.count(WordText(wd.tail + 1)) > 0;
        // ... and so is a plain form right before a past verb ("a UN report estimated that ...",
        // "the Group of Experts report published in July found ...", "the Kremlin statement said").
        // (Irregular past forms are no plain forms: "Iran sent sophisticated drones" keeps its verb.)
        static const WordList kIrregularPast = {
            "SAID", "FOUND", "SAW", "TOLD", "WROTE", "HELD", "SHOWED", "SHOWN", "MADE", "CAME", "BECAME", "SENT",
            "GAVE", "TOOK", "SOLD", "BOUGHT", "BUILT", "LED", "KEPT", "LEFT", "MET", "PAID", "SHOT", "STRUCK",
            "FOUGHT", "BROUGHT", "FLEW", "WENT", "SPENT", "LENT", "LOST", "WON", "HID", "OVERRAN", "WITHDREW",
            "DROVE", "THREW", "BEGAN", "RAN", "DREW", "SOUGHT", "TAUGHT", "DEALT", "MEANT"};
        const std::string_view form = WordText(wd.tail);
        const std::string_view next = WordText(wd.tail + 1);
        const bool plain = !EndsWith(form, "ED") && !EndsWith(form, "ING") && !kIrregularPast.count(form);
        const bool past_next = (IsType(wd.tail + 1, RootType::kVerb) || !w(wd.tail + 1).typed) &&
                               w(wd.tail + 1).kind == WType::kNone && next.size() > 3 &&
                               (EndsWith(next, "ED") || kIrregularPast.count(next));
        const bool after_modifier = IsActor(i - 1) || IsType(i - 1, RootType::kDeterminer) ||
                                    IsType(i - 1, RootType::kAdjective) || EndsWith(WordText(i - 1), "'S");
        subject_noun = subject_noun || (plain && past_next && after_modifier);
      }
      // Document coding (dyad): a plural verb form right after a verb is its object ("sent arms and
      // ammunition", "delivered supplies"), not a second verb that would end the clause at "and".
      bool object_noun = false;
      if (document && wd.tail == i && i >= 1) {
        const std::string_view text = WordText(i);
        const Word& before_word = w(i - 1);
        object_noun = text.size() > 3 && text.back() == 'S' && text[text.size() - 2] != 'S' &&
                      before_word.typed && before_word.type == RootType::kVerb && !before_word.noun &&
                      before_word.head >= 0 && w(before_word.head).is_head && !before_word.blanked;
      }
      // Document coding (dyad): a plural verb form after "of", a number or a quantity word is a
      // noun ("hundreds of strikes", "two attacks", "several raids", "new strikes").
      bool counted_noun = false;
      if (document && wd.tail == i) {
        static const WordList kCounters = {
            "OF", "SEVERAL", "MANY", "NUMEROUS", "DOZENS", "HUNDREDS", "THOUSANDS", "NEW", "FRESH",
            "REPEATED", "FURTHER", "MORE", "FEW", "MULTIPLE", "COUNTLESS", "DAILY", "NIGHTLY", "TWO",
            "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN", "RETALIATORY", "JOINT"};
        const std::string_view text = WordText(i);
        counted_noun = text.size() > 3 && text.back() == 'S' && text[text.size() - 2] != 'S' &&
                       (w(i - 1).kind == WType::kNumber || kCounters.count(WordText(i - 1)) > 0);
      }
      // Document coding (dyad): an -ing form after a preposition of time with no object, only a
      // preposition or the clause's end after it, names an activity, not an act on anyone ("were
      // moved to Kursk after training in the Far East", "before deploying to the front").
      if (document && wd.tail == i && i >= 1 && EndsWith(WordText(i), "ING")) {
        static const WordList kTimePrepositions = {"AFTER", "BEFORE", "DURING", "FOLLOWING", "UNTIL"};
        static const WordList kNext = {"IN", "AT", "ON", "WITH", "FOR", "NEAR", "TO", "INTO", "UNDER", "ALONGSIDE"};
        if (kTimePrepositions.count(WordText(i - 1)) &&
            (i + 1 >= n() || w(i + 1).kind != WType::kNone || kNext.count(WordText(i + 1))))
          counted_noun = true;
      }
      // Document coding (dyad): an -ing form right after its actor, before the clause's finite verb,
      // modifies the actor ("NATO leaders meeting in Washington pledged ...", "troops advancing on
      // Kyiv were stopped").
      bool reduced_relative = false;
      // ("Dozens of Georgians fighting for Ukraine lost ...": a quantity's "of" is no preposition here.)
      const int modified = w(i - 1).head >= 0 ? w(i - 1).head : i - 1;
      const bool counted = modified >= 1 && WordText(modified - 1) == "OF";
      if (document && wd.tail == i && EndsWith(WordText(i), "ING") && (IsActor(i - 1) || IsType(i - 1, RootType::kAgent)) &&
          (!AfterPreposition(modified) || counted)) {
        for (int k = i + 1; k < n() && k <= i + 12 && !reduced_relative; ++k) {
          if (w(k).kind == WType::kComma) break;
          const std::string_view t = WordText(k);
          static const WordList kIrregularPast = {
              "LOST", "SENT", "FOUGHT", "HIT", "STRUCK", "WENT", "CAME", "MADE", "TOOK", "GAVE", "LEFT", "HELD",
              "MET", "SAID", "TOLD", "KEPT", "BECAME", "BEGAN", "RAN", "SAW", "WROTE", "BROUGHT", "SHOT", "FLED"};
          // (An irregular past need not be in the verbs dictionary: "20 Belarusians fighting for
          // Ukraine lost their lives".)
          reduced_relative = (w(k).typed && w(k).is_head && w(k).type == RootType::kVerb && !EndsWith(t, "ING") &&
                              !AfterPreposition(k) && (EndsWith(t, "ED") || t == "WERE" || t == "WAS" ||
                                                       kIrregularPast.count(t) > 0)) ||
                             (!w(k).typed && kIrregularPast.count(t) > 0);
          // The words it spans modify the subject: "U.N. experts monitoring the Darfur arms
          // embargo reported ..." imposes no embargo.
          if (reduced_relative)
            for (int j = i + 1; j < k; ++j)
              if (IsType(j, RootType::kVerb)) w(j).noun = true;
        }
      }
      // ... and an -ed form right after an actor that is a preposition's object, before a
      // preposition ("the repression of Belarusians opposed to Lukashenko", "attacks on civilians
      // displaced by the fighting"): that actor is no subject, so the form modifies it.
      static const WordList kAfterModifier = {"TO", "BY", "IN", "WITH", "AT", "FROM", "ON", "FOR"};
      const bool object_modifier = document && wd.tail == i && EndsWith(WordText(i), "ED") && IsActor(i - 1) &&
                                   AfterPreposition(modified) && i + 1 < n() && kAfterModifier.count(WordText(i + 1)) > 0;
      // ... and one after a hyphenated adjective ("Chinese-made bombs", "Iranian-built drones").
      const std::string_view form = WordText(i);
      const bool after_compound_adjective = document && wd.tail == i && w(i - 1).begin >= 1 &&
                                            text_[w(i - 1).begin - 1] == '-' && form.size() > 3 && form.back() == 'S';
      // ... and one right after an -ed word that is no actor: a participle used as an adjective
      // ("Chinese-made guided bombs", "armoured vehicles") or a past verb taking it as its object
      // ("launched strikes"); English puts no finite verb directly after a participle.
      static const WordList kNotParticiples = {"NEED", "SPEED", "FEED", "SEED", "BLEED", "SHRED", "HUNDRED",
                                                                 "UNITED", "CREED", "BREED", "EMBED", "SHED"};
      const std::string_view before_form = WordText(i - 1);
      const bool after_participle = document && wd.tail == i && form.size() > 3 && form.back() == 'S' &&
                                    form[form.size() - 2] != 'S' && before_form.size() > 4 &&
                                    EndsWith(before_form, "ED") && !kNotParticiples.count(before_form) &&
                                    w(i - 1).kind == WType::kNone && !IsActor(i - 1) &&
                                    (!w(i - 1).typed || IsType(i - 1, RootType::kVerb));
      // ... and an -ing form naming the kind of a noun after it ("passed targeting data to the
      // Houthis", "shared targeting information", "its training programme").
      static const WordList kKindNouns = {"DATA", "INFORMATION", "INTELLIGENCE", "COORDINATES",
                                                            "ADVICE", "ASSISTANCE", "PROGRAMME", "PROGRAM", "SYSTEMS",
                                                            "SYSTEM", "EQUIPMENT", "CAMPS", "CAMP", "MISSION"};
      // ... and so does a trade before a firm or a route ("shipping firms", "trading companies",
      // "smuggling routes"); a verb that acts on firms keeps them as its object ("adding companies
      // to its list").
      static const WordList kTrades = {"SHIPPING", "TRADING", "MINING", "BANKING", "HOLDING", "MANUFACTURING",
                                       "PROCESSING", "REFINING", "SMUGGLING", "TRAFFICKING", "RECRUITING",
                                       "RECRUITMENT", "FORWARDING", "LEASING", "INSURANCE", "EXCHANGING"};
      static const WordList kFirms = {"FIRM",     "FIRMS",    "COMPANY",  "COMPANIES", "LINE",      "LINES",
                                      "HOUSES",   "HOUSE",    "BUSINESS", "BUSINESSES", "AGENTS",   "AGENCY",
                                      "AGENCIES", "NETWORK",  "NETWORKS", "ROUTE",     "ROUTES",    "LANES",
                                      "LANE",     "CORRIDOR", "CORRIDORS", "RING",     "RINGS",     "GANGS"};
      const bool trade_modifier = document && wd.tail == i && i + 1 < n() && kTrades.count(WordText(i)) > 0 &&
                                  kFirms.count(WordText(i + 1)) > 0;
      // (A verb of handing over keeps the noun as its object: "accused of passing intelligence to
      // the Houthis", "is providing data to Moscow".)
      static const WordList kHandingOver = {"PASSING",    "PROVIDING",  "SHARING",      "SUPPLYING", "SENDING",
                                            "GIVING",     "FEEDING",    "RELAYING",     "TRANSMITTING", "OFFERING",
                                            "EXCHANGING", "DELIVERING", "LEAKING",      "HANDING",   "SELLING",
                                            "TRANSFERRING", "EXPORTING", "FURNISHING"};
      const bool kind_modifier = document && wd.tail == i && EndsWith(WordText(i), "ING") && i + 1 < n() &&
                                 kKindNouns.count(WordText(i + 1)) > 0 && !kHandingOver.count(WordText(i));
      // ... and an -ing form right after a text that says it ("a UN resolution condemning Russia",
      // "a statement calling for a ceasefire"): the text condemns, not the sentence's subject.
      // (Unless the subject wrote it: "the Assembly adopted a resolution condemning Russia" is the
      // Assembly's condemnation: kTextNouns, kAuthoringVerbs.)
      // (The same with a relative clause: "China published a paper that called for a ceasefire".)
      const bool relative_text = document && i >= 3 && (WordText(i - 1) == "THAT" || WordText(i - 1) == "WHICH") &&
                                 kTextNouns.count(WordText(i - 2)) && !EndsWith(WordText(i), "ING") &&
                                 (EndsWith(WordText(i), "ED") || EndsWith(WordText(i), "S"));
      const int text_at = relative_text ? i - 2 : i - 1;
      bool authored = false;
      if (document && i >= 2 && kTextNouns.count(WordText(text_at)) && (EndsWith(WordText(i), "ING") || relative_text))
        for (int k = text_at - 1; k >= 0 && k >= text_at - 6 && !authored; --k) {
          authored = kAuthoringVerbs.count(WordText(k)) > 0;
          // The author's verb gives way to the text's: what the text says, its author says
          // ("China issued a statement calling for a ceasefire" is China's appeal).
          if (authored && IsType(k, RootType::kVerb)) {
            // (... and every verb form of the text's name is a noun: "a new peace plan".)
            for (int j = k; j < i; ++j) {
              w(j).authored_text = true;
              if (w(j).typed && w(j).type == RootType::kVerb) w(j).noun = true;
            }
          }
          // (A verb form right before the text names its kind: "a position paper", "a draft plan".)
          if (w(k).kind == WType::kComma || (IsType(k, RootType::kVerb) && w(k).is_head && !authored && k < text_at - 1))
            break;
        }
      if (authored && relative_text) w(i - 1).blanked = true;
      const bool text_modifier = document && wd.tail == i && EndsWith(WordText(i), "ING") && i >= 1 &&
                                 kTextNouns.count(WordText(i - 1)) > 0 && !authored;
      // ... and a participle used as an adjective of war materiel ("Iranian advanced conventional
      // weapons", "sent advanced drones", "upgraded missiles"), unless an auxiliary makes it a verb.
      static const WordList kMaterielAdjectives = {"ADVANCED", "GUIDED", "UPGRADED", "MODIFIED", "IMPROVISED",
                                                   "MODERNISED", "MODERNIZED", "ENHANCED", "EXTENDED"};
      static const WordList kAuxiliaries = {"HAS", "HAVE", "HAD", "IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING"};
      const bool materiel_adjective = document && wd.tail == i && kMaterielAdjectives.count(WordText(i)) &&
                                      !kAuxiliaries.count(WordText(i - 1)) &&
                                      ((i + 1 < n() && EndsMaterielPhrase(i + 1)) ||
                                       (i + 2 < n() && EndsMaterielPhrase(i + 2)));
      // ... and a verb form naming the use of a craft or weapon right before it ("Shahed attack
      // drones", "strike aircraft", "assault rifles", "patrol boats"): a kind of materiel, no act.
      static const WordList kUseModifiers = {"ATTACK", "STRIKE", "ASSAULT", "PATROL", "TRANSPORT", "ESCORT"};
      static const WordList kCraft = {"DRONE", "DRONES", "HELICOPTER", "HELICOPTERS", "AIRCRAFT", "JET", "JETS",
                                      "PLANE", "PLANES", "BOAT", "BOATS", "SHIP", "SHIPS", "SUBMARINE", "SUBMARINES",
                                      "RIFLE", "RIFLES", "VEHICLE", "VEHICLES", "UAV", "UAVS", "CRAFT", "VESSEL", "VESSELS"};
      const bool use_modifier = document && wd.tail == i && i + 1 < n() && kUseModifiers.count(WordText(i)) &&
                                kCraft.count(WordText(i + 1)) && w(i + 1).kind == WType::kNone;
      // ... and a munition named by its weapon ("artillery shells", "mortar bombs", "tank rounds"):
      // "Iranian deliveries of artillery shells to Russia" shell no one.
      static const WordList kMunitions = {"SHELLS", "SHELL", "BOMB", "BOMBS", "ROUNDS", "ROUND"};
      static const WordList kWeaponsOfMunitions = {"ARTILLERY", "MORTAR", "TANK", "HOWITZER", "NAVAL", "CANNON",
                                                   "CLUSTER", "AERIAL", "GLIDE", "RIFLE", "GUN"};
      const bool munition = document && wd.tail == i && i >= 1 && kMunitions.count(WordText(i)) &&
                            kWeaponsOfMunitions.count(WordText(i - 1)) > 0;
      // ... and a measure named by what it bans or by who imposed it ("the arms embargo on the
      // Houthis", "flouted the UN embargo"): the noun, no new embargo.
      static const WordList kMeasures = {"EMBARGO", "EMBARGOES", "BLOCKADE", "BLOCKADES"};
      static const WordList kBanned = {"ARMS", "WEAPONS", "OIL", "TRADE", "NAVAL", "ECONOMIC", "FINANCIAL", "GRAIN"};
      static const WordList kArticles = {"THE", "A", "AN", "ITS", "THEIR"};
      // ... and an act named after its actor by a word that counts or foresees it ("any further
      // Houthi attack", "another Russian strike", "future Iranian deliveries"): a kind, no act.
      // (Not "No North Korean soldiers fought ...": a past form after the actor is its verb.)
      static const WordList kAnyKind = {"ANY", "ANOTHER", "FURTHER", "FUTURE"};
      const int owner = w(i - 1).head >= 0 ? w(i - 1).head : i - 1;  // the head of the actor before
      const bool act_kind = document && wd.tail == i && i >= 2 && IsActor(i - 1) && !EndsWith(WordText(i), "ED") &&
                            owner >= 1 && kAnyKind.count(WordText(owner - 1)) > 0;
      // (A verb of its own takes it as its object: "extended the arms embargo" is a sanction.)
      bool measure = false;
      if (document && wd.tail == i && i >= 1 && kMeasures.count(WordText(i))) {
        measure = kBanned.count(WordText(i - 1)) > 0 ||
                  (IsActor(i - 1) && (kArticles.count(WordText(owner)) > 0 ||  // "THE UN" as one name
                                      (owner >= 1 && kArticles.count(WordText(owner - 1)) > 0)));
        int before = i - 1;
        while (before >= 0 && before >= i - 4 && !kArticles.count(WordText(before))) --before;
        if (measure && before >= 1 && w(before - 1).typed && w(before - 1).type == RootType::kVerb) measure = false;
      }
      // ... and a plural form named after its actor, that actor the object of a preposition ("placed
      // under US sanctions", "despite Western sanctions", "after Russian strikes"): a noun, no act.
      bool after_preposition = false;
      if (document && wd.tail == i && i >= 2 && IsActor(i - 1)) {
        // (Only prepositions of circumstance: "the EU embargo on Russian oil" after "from" or "of"
        // is still read as the embargo it names.)
        static const WordList kPrepositionsBefore = {"UNDER", "DESPITE", "AMID", "AFTER", "BEFORE", "DURING",
                                                     "FOLLOWING", "WITHOUT"};
        const std::string_view t = WordText(i);
        int before = owner - 1;
        if (before >= 0 && kArticles.count(WordText(before))) --before;
        after_preposition = t.size() > 3 && EndsWith(t, "S") && !EndsWith(t, "SS") && before >= 0 &&
                            kPrepositionsBefore.count(WordText(before)) > 0;
      }
      if (det || wd.midcap || hyphenated || modified_noun || subject_noun || object_noun || counted_noun || reduced_relative ||
          object_modifier || after_preposition ||
          after_compound_adjective || after_participle || kind_modifier || trade_modifier || text_modifier || materiel_adjective ||
          use_modifier || munition || measure || act_kind)
        for (int k = i; k <= wd.tail; ++k)
          if (w(k).head == i) w(k).noun = true;
    } else if (wd.type == RootType::kActor) {
      const std::string* code = ActorCodeOfRoot(wd.root, date_);
      // Document coding (dyad): the maker or backer named in a hyphenated adjective is not the one
      // acting ("Iranian-made drones hit Kyiv", "Rwandan-backed M23 rebels seized Goma").
      if (document && (IsBackerAdjective(w(wd.tail).end) || IsStanceOf(wd.begin))) code = &kNullCode;
      // ... nor is the UN in a state's UN diplomat ("Iran's UN ambassador", "the Sudanese UN
      // envoy", "its UN mission"): the diplomat is the state's.
      // (In every reading, the frames' and the enricher's too: the UN is never the speaker there.)
      if (AccreditedAtUn(i)) code = &kNullCode;
      if (code && *code == "---")
        for (int k = i; k <= wd.tail; ++k)
          if (w(k).head == i) w(k).noun = w(k).null_actor = true;
    }
  }
  // Document coding (dyad): a verb form in -s right after "to" is a noun, never an infinitive ("on
  // their way to targets in Ukraine", "to talks in Doha").
  if (document) {
    for (int i = 1; i < n(); ++i) {
      if (!IsType(i, RootType::kVerb) || !w(i).is_head || w(i).tail != i || WordText(i - 1) != "TO") continue;
      const std::string_view t = WordText(i);
      if (t.size() > 3 && EndsWith(t, "S") && !EndsWith(t, "SS") && !EndsWith(t, "US") && !EndsWith(t, "IS") &&
          !EndsWith(t, "AS") && !EndsWith(t, "OS"))
        w(i).noun = true;
    }
  }
  // Document coding (dyad): a participle between a determiner, a number or a verb and an actor
  // describes the actor ("treated wounded Russian soldiers", "captured two wounded North Korean
  // soldiers", "the injured Iranian crew"): no act of its own.
  if (document) {
    static const WordList kBeforeAttribute = {"THE", "A", "AN", "SEVERAL", "SOME", "MANY", "DOZENS", "HUNDREDS",
                                              "THOUSANDS", "ITS", "THEIR", "OTHER", "MORE", "FEW"};
    // (Numbers in words only in lower case: "the Group of Seven condemned" names a body.)
    static const WordList kNumberWords = {"TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN"};
    auto lower_case = [&](int k) {
      const int32_t at = w(k).begin;
      return at >= 0 && at < static_cast<int32_t>(text_.size()) && std::islower(static_cast<unsigned char>(text_[at]));
    };
    for (int i = 1; i + 1 < n(); ++i) {
      if (!IsType(i, RootType::kVerb) || !w(i).is_head || w(i).tail != i || !EndsWith(WordText(i), "ED")) continue;
      if (!IsActor(i + 1) && !IsType(i + 1, RootType::kAgent)) continue;
      const bool before = (kBeforeAttribute.count(WordText(i - 1)) && lower_case(i - 1)) ||
                          (kNumberWords.count(WordText(i - 1)) && lower_case(i - 1)) ||
                          w(i - 1).kind == WType::kNumber ||
                          // (a verb in a past or -ing form: "the report accused Minsk" has a noun)
                          (IsType(i - 1, RootType::kVerb) && w(i - 1).is_head &&
                           (EndsWith(WordText(i - 1), "ED") || EndsWith(WordText(i - 1), "ING")));
      if (before) w(i).noun = true;
    }
  }
  // Document coding (dyad): an -ing form the dictionaries do not list, right after its actor and
  // before the clause's finite past verb, opens a modifier of that actor: "U.N. experts
  // monitoring the Darfur arms embargo reported ..." imposes no embargo.
  if (!document) return;
  for (int i = 1; i + 2 < n(); ++i) {
    if (w(i).typed || w(i).kind != WType::kNone || !EndsWith(WordText(i), "ING") || WordText(i).size() < 6) continue;
    if (!IsActor(i - 1) && !IsType(i - 1, RootType::kAgent)) continue;
    for (int k = i + 1; k < n() && k <= i + 12; ++k) {
      if (w(k).kind == WType::kComma) break;
      const std::string_view t = WordText(k);
      if (!(IsType(k, RootType::kVerb) && w(k).is_head && !w(k).noun && EndsWith(t, "ED") && !AfterPreposition(k)))
        continue;
      for (int j = i + 1; j < k; ++j)
        if (IsType(j, RootType::kVerb)) w(j).noun = true;
      break;
    }
  }
  // A process named after the place it was agreed or held in ("the Minsk agreements", "the Jeddah
  // track", "the Luanda process") names no actor: the place's state neither acts nor is acted on.
  // (Not a demonym, whose state does own it: "the Russian proposal"; nor a body: "the EU declaration".)
  // (Not talks or a declaration: "the Doha talks", "the Jeddah declaration" name their host.)
  static const WordList kNamedProcesses = {"TRACK",      "PROCESS", "PLATFORM", "FORMAT",   "FRAMEWORK", "AGREEMENTS",
                                           "ACCORD",     "ACCORDS", "ROADMAP",  "PROTOCOL", "PROTOCOLS", "AGREEMENT"};
  for (int i = 1; i + 1 < n(); ++i) {
    if (!IsActorHead(i) || WordText(i - 1) != "THE" || w(i).compound >= 0) continue;
    const int tail = w(i).tail >= i ? w(i).tail : i;
    if (tail + 1 >= n() || !kNamedProcesses.count(WordText(tail + 1))) continue;
    const std::string_view last = WordText(tail);
    if (EndsWith(last, "AN") || EndsWith(last, "ESE") || EndsWith(last, "ISH") || EndsWith(last, "'S")) continue;
    const std::string* code = ActorCodeOfRoot(w(i).root, shifted_);
    if (!code || StartsWith(*code, "IGO") || StartsWith(*code, "NGO")) continue;
    for (int k = i; k <= tail; ++k) w(k).noun = true;
  }
}

void Engine::ConvertAgents() {
  if (!o_.convert_agents) return;
  for (int i = 0; i < n(); ++i) {
    Word& wd = w(i);
    if (!wd.is_head || wd.type != RootType::kAgent) continue;
    int t = wd.tail;
    auto actor_at = [&](int k) { return k >= 0 && k < n() && w(k).typed && w(k).type == RootType::kActor && !w(k).noun; };
    bool attached = (i > 0 && (actor_at(i - 1) || (w(i - 1).typed && w(i - 1).type == RootType::kFormer))) ||
                    actor_at(t + 1) ||
                    (t + 1 < n() && w(t + 1).typed && w(t + 1).type == RootType::kPreposition && actor_at(t + 2));
    if (attached) continue;
    for (int k = i; k <= t; ++k)
      if (w(k).head == i) {
        w(k).type = RootType::kActor;
        w(k).converted_agent = true;
      }
  }
}

void Engine::MarkCompounds() {
  auto is = [&](int i, RootType t) { return i >= 0 && i < n() && w(i).typed && !w(i).noun && w(i).type == t; };
  for (int c = 0; c < n(); ++c) {
    if (!is(c, RootType::kConjunction)) continue;
    std::string_view t = WordText(c);
    if (t != "AND" && t != "NOR") continue;
    int last_tail = -1;
    for (int j = c + 1; j < n(); ++j) {
      // Document coding (dyad): a possessive opens the second member ("Lavrov and his Iranian
      // counterpart signed ...").
      const std::string_view word = WordText(j);
      const bool possessive = document && j == c + 1 && (word == "HIS" || word == "HER" || word == "THEIR");
      // ... and so does a count ("Shahed Aviation Industries and three Iranian generals").
      static const WordList kCounts = {"TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN",
                                       "SEVERAL", "MANY", "SOME", "DOZENS", "HUNDREDS", "OTHER", "MORE"};
      const bool count = document && j <= c + 2 && (w(j).kind == WType::kNumber || kCounts.count(word) > 0);
      if (count) continue;
      if (is(j, RootType::kActor)) {
        int h = w(j).head;
        last_tail = w(h).tail;
        j = std::max(j, last_tail);
      } else if (!(is(j, RootType::kDeterminer) || is(j, RootType::kAdjective) || possessive)) {
        break;
      }
    }
    if (last_tail < 0) continue;
    // Document coding (dyad): ", and" before an actor that a verb follows joins two clauses, not
    // two actors ("... supplied by Tehran, and Ukrainian forces recovered one", "... said Minsk,
    // and Kyiv denied it"). (A list of three or more keeps its comma: checked below.)
    if (document && c >= 2 && w(c - 1).kind == WType::kComma && last_tail + 1 < n()) {
      const int next = last_tail + 1;
      const std::string_view after = WordText(next);
      static const WordList kAuxiliaries = {"HAS", "HAVE", "HAD", "WILL", "WOULD", "WAS", "WERE",
                                                              "IS", "ARE", "SAID", "SAYS", "CAN", "COULD"};
      const bool verb_follows = is(next, RootType::kVerb) || kAuxiliaries.count(after) > 0 ||
                                (!w(next).typed && w(next).kind == WType::kNone && after.size() > 4 &&
                                 EndsWith(after, "ED"));
      int before = c - 2;  // the word before the comma: an actor's tail; is there a list before it?
      while (before >= 0 && w(before).typed && w(before).type == RootType::kActor && w(before).head != before) --before;
      if (before >= 0 && w(before).typed && w(before).type == RootType::kActor) before = w(before).head - 1;
      while (before >= 0 && (is(before, RootType::kAdjective) || is(before, RootType::kDeterminer))) --before;
      const bool list_before = before >= 0 && w(before).kind == WType::kComma;
      if (verb_follows && !list_before) continue;
    }
    int start = -1;
    bool allow = true;
    for (int j = c - 1; j >= 0;) {
      if (w(j).kind == WType::kComma || is(j, RootType::kConjunction)) {
        allow = true;
        --j;
      } else if (is(j, RootType::kActor)) {
        if (!allow) break;
        start = w(j).head;
        allow = false;
        j = start - 1;
      } else if (is(j, RootType::kDeterminer) || is(j, RootType::kAdjective)) {
        --j;
      } else if (document && allow && is(j, RootType::kAgent)) {
        // Document coding (dyad): the first member's agent noun ("Ugandan troops and the
        // Congolese army attacked ...") belongs to the actor before it.
        --j;
      } else {
        break;
      }
    }
    if (start < 0) continue;
    for (auto& cp : s_.compounds)
      if (cp.alive && cp.begin >= start && cp.end <= last_tail) cp.alive = false;
    int id = static_cast<int>(s_.compounds.size());
    s_.compounds.push_back({start, last_tail, true});
    for (int k = start; k <= last_tail; ++k) w(k).compound = id;
  }
  // Dissolved compounds: clear flags that point to them.
  for (int k = 0; k < n(); ++k)
    if (w(k).compound >= 0 && !s_.compounds[w(k).compound].alive) w(k).compound = -1;
}

const WordList kClauseOpeners = {"BUT", "AND", "WHILE", "ALTHOUGH", "THOUGH", "EVEN",
                                                   "WHEREAS", "YET", "BECAUSE", "AFTER", "BEFORE"};

// Two-word openers of a comparison with a clause of its own ("..., much as NATO members send
// arms", "..., just as Iran did"); "even" is an opener by itself.
const WordList kComparisonOpeners = {"MUCH", "JUST"};

// Words that open a subordinate clause at the start of a sentence ("When Moscow began ...,").
const WordList kSubordinators = {"WHEN",  "AS",      "AFTER",   "BEFORE", "SINCE",
                                                   "WHILE", "ALTHOUGH", "THOUGH", "IF",     "ONCE",
                                                   "UNTIL", "BECAUSE", "WHEREAS", "UNLESS", "WHENEVER"};

// Words that open an introductory adverbial phrase ("In an interview with the Belarusian press,",
// "Despite Western sanctions,").
// Words that may stand between a subject and its verb: auxiliaries, modals and the adverbs wire
// copy puts there ("had allowed", "would not", "also sent", "repeatedly flew").
const WordList kBetweenSubjectAndVerb = {"IS",   "ARE",   "WAS",   "WERE",    "HAS",        "HAVE",   "HAD",
                                         "WILL", "WOULD", "COULD", "MIGHT",   "MAY",        "NOT",    "NEVER",
                                         "ALSO", "STILL", "ALREADY", "LATER", "REPEATEDLY", "RECENTLY", "THEN"};

// Acts that members of a compound make each, to someone else, never to each other: statements and
// denials (01: "Moscow and Pyongyang dismissed the reports" is no denial addressed to Pyongyang),
// appeals, demands, criticism, rejection, threats and protest (02, 10-14).
bool OneSidedAct(std::string_view code) {
  return StartsWith(code, "01") || StartsWith(code, "02") || RootBetween(code, "10", "14");
}

// Nouns of acts of war: after a possessive, whose act it is ("their assault", "its offensive").
const WordList kOwnActs = {"ASSAULT", "ATTACK",   "ATTACKS",    "OFFENSIVE", "INVASION", "OPERATION",
                           "OPERATIONS", "CAMPAIGN", "STRIKES", "WAR",       "INCURSION", "ADVANCE"};

const WordList kIntroPrepositions = {
    "IN",      "AT",     "ON",    "DURING", "AFTER",  "BEFORE", "SINCE", "FOLLOWING", "WITH",   "WITHOUT",
    "AMID",    "DESPITE", "UNDER", "UNLIKE", "LIKE",   "FOR",    "FROM",  "BY",        "OVER",   "THROUGH",
    "WITHIN",  "AS",     "UPON",  "TO",     "AGAINST", "BESIDES", "AMONG", "ACROSS",   "ALONGSIDE"};

bool Engine::OpensClause(int k) const {
  if (k >= n()) return false;
  if (kClauseOpeners.count(WordText(k))) return true;
  // Document coding (dyad): ", which <actor> <verb> ..." is a clause with its own subject ("drone
  // strikes on the city, which Sudanese officials blamed on the Emirates").
  if (document && WordText(k) == "WHICH" && k + 2 < n()) {
    int a = k + 1;
    if (WordText(a) == "THE") ++a;
    static const WordList kAuxiliary = {"HAVE", "HAS", "HAD", "LATER", "ALSO", "REPEATEDLY"};
    if (a < n() && IsActorHead(a) && VerbAfterSubject(a, kAuxiliary) >= 0) return true;
  }
  return kComparisonOpeners.count(WordText(k)) && k + 2 < n() && WordText(k + 1) == "AS";
}

int Engine::VerbAfterSubject(int a, const WordList& between) const {
  int q = (w(a).tail >= a ? w(a).tail : a) + 1;
  while (q < n() && IsType(q, RootType::kAgent)) q = (w(q).tail >= q ? w(q).tail : q) + 1;
  while (q < n() && between.count(WordText(q))) ++q;
  return q < n() && IsType(q, RootType::kVerb) && w(q).is_head && !w(q).noun ? q : -1;
}

inline bool Engine::AsOpensClause(int k) const {
  // Subordinators of time and cause that open a clause mid-sentence with no comma ("cut its
  // embassy's staff after Russia began striking Ukrainian cities", "as M23 fighters pushed into
  // Goma"); conditions (if, unless) stay with their main clause, whose modality they set.
  static const WordList kOpeners = {"AS", "AFTER", "BEFORE", "WHILE", "WHEN", "BECAUSE", "ONCE", "UNTIL", "WHEREAS"};
  if (k < 1 || k + 2 >= n() || !kOpeners.count(WordText(k)) || w(k).blanked) return false;
  static const WordList kNotBefore = {"SUCH", "SAME", "SO", "AS", "WELL", "JUST", "MUCH", "EVEN", "SHORTLY", "SOON",
                                      "LONG", "RIGHT", "ONLY", "DAYS", "WEEKS", "MONTHS", "YEARS", "HOURS"};
  if (kNotBefore.count(WordText(k - 1))) return false;
  int a = k + 1;
  if (WordText(a) == "THE") ++a;
  if (a >= n() || !IsActorHead(a) || w(a).blanked) return false;
  static const WordList kBetween = {"IS", "ARE", "WAS", "WERE", "HAS", "HAVE", "HAD", "WILL", "WOULD",
                                    "BEGAN", "CONTINUED", "ALSO", "STILL", "ALREADY", "AGAIN", "TO"};
  if (VerbAfterSubject(a, kBetween) >= 0) return true;
  // ... or a verb of beginning with its object, which the dictionaries need not know ("as Minsk
  // and Moscow began the Zapad exercises", "as Russia started its offensive").
  static const WordList kBeginning = {"BEGAN", "BEGINS", "STARTED", "STARTS", "CONTINUED", "CONTINUES", "OPENED", "LAUNCHED"};
  int after = w(a).tail >= a ? w(a).tail + 1 : a + 1;
  if (after < n() && w(after).compound >= 0) after = s_.compounds[w(after).compound].end + 1;
  if (w(a).compound >= 0) after = std::max(after, s_.compounds[w(a).compound].end + 1);
  return after < n() && kBeginning.count(WordText(after)) > 0;
}

bool Engine::IsPlaceOrTimeAside(int c) const {
  if (c + 2 >= n()) return false;
  const std::string_view opener = WordText(c + 1);
  return opener == "WHERE" || opener == "WHEN";
}

bool Engine::IsRelativeAside(int c) const {
  if (c < 1 || c + 1 >= n() || !IsActor(c - 1)) return false;
  const std::string_view opener = WordText(c + 1);
  return opener == "WHICH" || opener == "WHO" || opener == "WHOSE";
}

void Engine::SetAsideApart(int c, int last) {
  if (!document || !IsPlaceOrTimeAside(c) || last < c + 2) return;
  RelativeClause rc;
  rc.body = {w(c + 2).begin, w(last).end};
  // ", where ...": the clause happened at the place the main clause names ("gathered in Minsk, where
  // Russia had deployed nuclear weapons" codes "Russia had deployed nuclear weapons in Minsk").
  if (WordText(c + 1) == "WHERE") {
    for (int k = c - 1; k >= 0 && k >= c - 5; --k) {
      if (w(k).kind != WType::kNone) break;
      if (IsType(k, RootType::kPreposition) || WordText(k) == "IN" || WordText(k) == "AT" || WordText(k) == "NEAR") {
        rc.antecedent = {w(k).begin, w(c - 1).end};
        rc.insert_at = rc.body.end;
        break;
      }
    }
  }
  s_.relatives.push_back(rc);
}

void Engine::MarkCommaClauses() {
  if (o_.comma_off) return;
  auto blank = [&](int b, int e) {
    for (int k = b; k <= e && k < n(); ++k) w(k).blanked = true;
  };
  // Document coding (dyad): an introductory phrase before the first comma ("In an interview with
  // the Belarusian press, X argues ...", "Speaking to journalists, X said ...", "Backed by Rwanda,
  // M23 seized ...") is adverbial; its nouns are neither the source nor the target of the main
  // clause. It opens with a preposition and has no verb, or with a participle and no other verb.
  if (document && n() > 4) {
    int comma = -1;
    // (Up to 24 words: "At the joint summit of East and Southern African leaders in Dar es Salaam
    // on 8 February, Uganda endorsed ...".)
    for (int k = 1; k < n() && k <= 24; ++k) {
      if (w(k).compound >= 0) k = s_.compounds[w(k).compound].end;
      else if (w(k).kind == WType::kComma) {
        comma = k;
        break;
      }
    }
    const std::string_view first = WordText(0);
    const bool preposition = kIntroPrepositions.count(first) > 0;
    // (Five letters will do: "Asked about the deliveries in New York, Pezeshkian said ...".)
    const bool participle = !IsActor(0) && first.size() >= 5 && (EndsWith(first, "ING") || EndsWith(first, "ED"));
    if (comma >= 2 && comma + 3 < n() && (preposition || participle)) {
      // A finite verb there has a subject before it ("After Russia invaded Ukraine,"); "During
      // talks with ..." has none (a verb form with no actor before it is a noun here).
      bool verb = false, actor = false;
      for (int k = participle ? 1 : 0; k < comma && !verb; ++k) {
        verb = actor && IsType(k, RootType::kVerb) && w(k).is_head;
        // (A pronoun right after a noun opens a relative clause on it: "At a conference it
        // co-hosted in Addis Ababa," has no subject of the sentence's.)
        const std::string_view t = WordText(k);
        const bool pronoun = t == "IT" || t == "THEY" || t == "HE" || t == "SHE" || t == "WE";
        static const WordList kBeforeSubject = {"AFTER", "BEFORE", "WHEN", "WHILE", "AS", "SINCE", "BECAUSE",
                                                "IF", "ONCE", "UNTIL", "THAT", "AND", "BUT", "ALTHOUGH", "THOUGH"};
        // (A noun its determiner opens: "a conference it", "the talks they"; not "By December they".)
        auto determiner = [&](int j) {
          const std::string_view d = j >= 0 ? WordText(j) : std::string_view();
          return d == "A" || d == "AN" || d == "THE" || d == "ITS" || d == "THEIR";
        };
        const bool relative = pronoun && k > 1 && w(k - 1).kind == WType::kNone && !IsActor(k - 1) &&
                              !IsType(k - 1, RootType::kVerb) && !kBeforeSubject.count(WordText(k - 1)) &&
                              !kIntroPrepositions.count(WordText(k - 1)) && (determiner(k - 2) || determiner(k - 3));
        actor = actor || IsActor(k) || (pronoun && !relative);
      }
      // (Unless the phrase ends with the subject and an aside stands between it and its verb: "On 2
      // March the General Assembly, by 141 votes to 5, deplored ...": the opener ends before "the".)
      int subject_at = -1;
      if (!verb && document) {
        static const WordList kJoinersBefore = {"AND", "OR", "OF", "WITH", "BY", "TO", "FOR", "BETWEEN", "FROM",
                                                "AS", "THAN", "ON", "IN", "AT", "INTO", "NOR", "BUT"};
        // (Or a name right after the time or place: "In April Lavrov, Russia's foreign minister,
        // thanked ...", "On 26 April 2025 Valery Gerasimov, the chief of ...".)
        static const WordList kDeterminers = {"A", "AN", "ITS", "THEIR", "HIS", "HER", "THIS", "THAT", "ONE"};
        for (int j = 2; j < comma && subject_at < 0; ++j) {
          const bool after_the = WordText(j - 1) == "THE" && !kJoinersBefore.count(WordText(j - 2));
          const bool named = WordText(j - 1) != "THE" && !kJoinersBefore.count(WordText(j - 1)) &&
                             !kDeterminers.count(WordText(j - 1)) && w(j - 1).kind == WType::kNone;
          if ((after_the || named) && IsActorHead(j) && (w(j).tail >= j ? w(j).tail : j) == comma - 1)
            subject_at = after_the ? j - 1 : j;  // (where the subject's words begin)
        }
        int c2 = -1;
        for (int j = comma + 1; j < n() && c2 < 0; ++j)
          if (w(j).kind == WType::kComma) c2 = j;
        int v = c2 + 1;
        while (c2 > 0 && v < n() && v <= c2 + 2 && kBetweenSubjectAndVerb.count(WordText(v))) ++v;
        if (c2 < 0 || c2 - comma > 8 || !IsType(v, RootType::kVerb) || !w(v).is_head) subject_at = -1;
      }
      if (!verb) blank(0, subject_at > 0 ? subject_at - 1 : comma - 1);
    }
    // Without a comma: "At a London conference the UAE promised ...", "In Minsk the Russian
    // defence minister signed ...": a phrase opened by a preposition, with an actor of its own
    // and no verb, ends where "the" opens the actor right before the clause's verb.
    if (preposition && (comma < 0 || comma > 12)) {
      bool actor_in_phrase = false;
      for (int j = 2; j + 1 < n() && j <= 12; ++j) {
        // (A verb form with no actor before it is a noun here: "At talks in Doha".)
        if (IsType(j - 1, RootType::kVerb) && w(j - 1).is_head && actor_in_phrase) break;
        // (Not "... of Rwanda and the DRC signed": "the" after a conjunction or preposition goes on
        // the phrase it is in.)
        static const WordList kJoiners = {"AND", "OR", "OF", "WITH", "BY", "TO", "FOR", "BETWEEN", "FROM", "AS",
                                          "THAN", "ON", "IN", "AT", "INTO", "NOR", "BUT"};
        if (WordText(j - 1) == "THE" && IsActorHead(j) && actor_in_phrase && j >= 2 && !kJoiners.count(WordText(j - 2))) {
          static const WordList kNone = {};
          if (VerbAfterSubject(j, kNone) >= 0) blank(0, j - 2);
          break;
        }
        actor_in_phrase = actor_in_phrase || IsActor(j - 1);
      }
    }
  }
  int i = 0;
  while (i < n()) {
    if (w(i).compound >= 0) {
      i = s_.compounds[w(i).compound].end + 1;
      continue;
    }
    if (w(i).kind != WType::kComma) {
      ++i;
      continue;
    }
    const int c = i;
    if (c >= o_.comma_bmin && c <= o_.comma_bmax) blank(0, c - 1);
    int c2 = -1;
    for (int j = c + 1; j < n(); ++j) {
      if (w(j).compound >= 0) {
        j = s_.compounds[w(j).compound].end;
        continue;
      }
      if (w(j).kind == WType::kComma) {
        c2 = j;
        break;
      }
    }
    // Document coding (dyad): a clause opened by a conjunction is a clause of its own, not an aside
    // ("..., but they supply weapons to Ukraine", "..., while Iran sent drones to Russia").
    const bool own_clause = document && OpensClause(c + 1);
    // Document coding (dyad): a comma inside a list of nouns ("receives weapons, training and
    // logistical support from Rwanda") opens no aside.
    if (document && ContinuesNounList(c)) {
      i = c + 1;
      continue;
    }
    // Document coding (dyad): an apposition naming the object ("Washington designated Keremet Bank,
    // a Kyrgyz lender, for ...", "the EU sanctioned Nayara Energy, an Indian refiner"): a name the
    // dictionaries lack follows the verb, then "a/an/the" and an actor within a few words, with no
    // verb before it. The apposition is the object; the name is set aside.
    if (document && ObjectApposition(c, c2)) {
      i = c2 < 0 ? n() : c2;
      continue;
    }
    if (c2 < 0) {
      int m = n() - c - 1;
      // Document coding (dyad): after an introductory phrase with no verb ("At the same time,",
      // "In 2022,", "However,") the last clause is the main clause, not an aside.
      // (A verb in a clause a subordinator opens is not the main clause's: "In March, after Russia
      // invaded Ukraine, Lukashenko met Putin in Sochi".)
      bool verb_before = !document;
      bool subordinate = false;
      for (int k = 0; k < c && !verb_before; ++k) {
        if (document && w(k).kind == WType::kComma) {
          subordinate = SubordinatorFrom(k + 1) >= 0;
          continue;
        }
        verb_before = !subordinate && IsType(k, RootType::kVerb) && w(k).is_head;
      }
      // ... nor after an opening subordinate clause ("If attacked, Belarus would strike Poland").
      // (Also after a span of time: "Days after Hungary took over the EU presidency, Putin met Orbán".)
      if (document && SubordinatorFrom(0) >= 0) verb_before = false;
      // (A closing ", where/when ..." is an aside of its own whatever comes before it.)
      const bool place_or_time = document && IsPlaceOrTimeAside(c) && m <= 30;
      // (So is a closing ", whose/which/who ..." on an actor: "a member of SADC, whose own mission
      // fought the M23".)
      const bool relative = document && IsRelativeAside(c) && m <= 30;
      if (((m >= o_.comma_emin && m <= o_.comma_emax && verb_before) || place_or_time || relative) && !own_clause) {
        SetAsideApart(c, n() - 1);
        blank(c + 1, n() - 1);
        // (Kept aside: ", killing four soldiers" names the harm the main clause's actor did.)
        static const WordList kHarm = {"KILLING", "WOUNDING", "INJURING", "KILLED", "WOUNDED",
                                                         "INJURED"};
        if (document && c + 1 < n() && kHarm.count(WordText(c + 1))) s_.harm_adjunct = c + 1;
      }
      break;
    }
    int m = c2 - c - 1;
    // Document coding (dyad): an apposition naming the subject, either way round: "Kenzo Oshima,
    // the United Nations relief coordinator, demanded ..." or "The foreign minister, Sergei Lavrov,
    // flew ..." (SubjectApposition). The part that names an actor is the subject; the other is set aside.
    if (document && c2 + 1 < n()) {
      const int subject = SubjectApposition(c, c2);
      if (subject != 0) {
        if (subject > 0) {
          blank(0, c);  // the name or title before the apposition
        } else {
          blank(0, c - 1);
          blank(c, c);
        }
        blank(c2, c2);
        i = c2 + 1;
        continue;
      }
    }
    // Document coding (dyad): ", which/who ...," after an actor is an aside whatever its length
    // ("Burundi, which accuses Kigali of sheltering the plotters of a failed 2015 coup, sent ...").
    // (", whose own mission fought the M23, ...": the clause's subject is the actor's, not the sentence's.)
    const bool relative_aside = document && IsRelativeAside(c) && m <= 30;
    const bool place_or_time = document && IsPlaceOrTimeAside(c) && m <= 30;
    // Document coding (dyad): after an introductory phrase ("In February, the US Treasury
    // sanctioned Kabarebe, Rwanda's minister, ...") the first span between commas holds the main
    // clause when nothing before it can act: no actor or verb outside the blanked opener.
    if (document && !relative_aside && !place_or_time && OpensMainClause(c, c2)) {
      i = c2;
      continue;
    }
    if (((m >= o_.comma_min && m <= o_.comma_max) || relative_aside || place_or_time) && !own_clause) {
      SetAsideApart(c, c2 - 1);
      blank(c + 1, c2);
    }
    i = c2 + 1;
  }
  // Multi-word structures starting in a blanked clause are cancelled.
  for (int k = 0; k < n(); ++k)
    if (w(k).is_head && w(k).blanked)
      for (int j = k + 1; j <= w(k).tail && j < n(); ++j)
        if (w(j).head == k) w(j).blanked = true;
}

// Does the sentence open with a subject in apposition, the commas at c and c2, a verb after c2?
// +1: a name the dictionaries lack, then the noun phrase that codes it ("Kenzo Oshima, the United
// Nations relief coordinator, demanded ...", "The Behshad, an Iranian cargo ship, relayed ...",
// "Meroe Gold, a Wagner-linked firm, sent ..."): the apposition is the subject. -1: a title with
// no actor, then the name of its holder ("The foreign minister, Sergei Lavrov, flew ...", "The
// president, Alexander Lukashenko, met ..."): the name is the subject. 0: neither.
int Engine::SubjectApposition(int c, int c2) const {
  const int m = c2 - c - 1;
  if (c < 1 || c > 5 || m < 1 || m > 12) return 0;
  // The verb after the second comma, past an auxiliary or an adverb ("has flown", "also sent").
  int v = c2 + 1;
  while (v < n() && v <= c2 + 2 && kBetweenSubjectAndVerb.count(WordText(v))) ++v;
  if (!IsType(v, RootType::kVerb) || !w(v).is_head) return 0;
  const int first = WordText(0) == "THE" ? 1 : 0;
  if (first >= c) return 0;
  bool actor_before = false, verb_before = false;
  for (int k = first; k < c; ++k) {
    actor_before = actor_before || IsActor(k);
    verb_before = verb_before || (IsType(k, RootType::kVerb) && w(k).is_head);
  }
  if (actor_before || verb_before) return 0;
  // A name before the comma: capitalised words (a name may hold a dictionary noun: "Meroe Gold").
  // (Particles inside a name are lower-case: "Sa'id al-Jamal", "Ursula von der Leyen".)
  static const WordList kNameParticles = {"AL", "EL", "BIN", "BEN", "IBN", "DE", "DA", "DI", "DEL", "DER",
                                          "VAN", "VON", "LA", "LE", "DU", "DOS"};
  bool name = true;
  for (int k = first; k < c && name; ++k)
    name = w(k).kind == WType::kNone && (w(k).first_upper || (k > first && kNameParticles.count(WordText(k))));
  static const WordList kDeterminers = {"THE", "A", "AN"};
  if (name && m >= 2 && kDeterminers.count(WordText(c + 1))) {
    bool actor = false, verb = false;
    for (int k = c + 1; k < c2; ++k) {
      actor = actor || IsActor(k);
      // (A participle after a noun is no verb: "a Houthi financier based in Iran"; nor is the
      // phrase's last word, its head noun: "an Iranian cargo ship", "a Russian arms supply".)
      const std::string_view word = WordText(k);
      const bool participle = EndsWith(word, "ED") && k > c + 2 && !IsType(k - 1, RootType::kAuxiliary);
      const bool head_noun = k == c2 - 1 && k > c + 2 && !EndsWith(word, "ED") && word != "SAID" && word != "SAYS";
      verb = verb || (IsType(k, RootType::kVerb) && w(k).is_head && !participle && !head_noun);
    }
    return actor && !verb ? 1 : 0;
  }
  // A title before the comma ("The foreign minister"), an actor's name alone between the commas.
  if (first == 1 && c <= 4 && IsActorHead(c + 1)) {
    int end = w(c + 1).tail >= c + 1 ? w(c + 1).tail : c + 1;
    if (end == c2 - 1) return -1;
  }
  return 0;
}

bool Engine::ObjectApposition(int c, int c2) {
  // (A name may end in a capitalised word of the agents: "Keremet Bank", "Fly Baghdad Airlines".)
  int first = c - 1;
  if (first >= 2 && IsType(first, RootType::kAgent) && w(first).first_upper && UnknownCapitalised(first - 1))
    --first;
  if (!UnknownCapitalised(first)) return false;
  while (first > 0 && UnknownCapitalised(first - 1)) --first;
  if (c - first > 4 || !IsType(first - 1, RootType::kVerb) || !w(first - 1).is_head) return false;
  const int end = c2 < 0 ? n() : c2;
  if (c + 1 >= end || end - c - 1 > 12) return false;
  static const WordList kDeterminers = {"A", "AN", "THE"};
  if (!kDeterminers.count(WordText(c + 1))) return false;
  for (int k = c + 2; k < end && k <= c + 5; ++k) {
    if (IsType(k, RootType::kVerb) && w(k).is_head) return false;
    if (IsActorHead(k)) {
      for (int j = first; j <= c; ++j) w(j).blanked = true;
      return true;
    }
  }
  return false;
}

// Document coding (dyad): "The drones that struck Port Sudan had been supplied to the RSF by the
// Emirates". TABARI reads on through "that", so the clause's words became the main verb's source
// and target (the RSF striking the Emirates). A relative clause on a noun of war materiel or
// forces is set aside from the main reading and handed to the caller (CodeResult::relative_clauses)
// to be coded on its own. It runs from "that/which/who" to the auxiliary that resumes the main
// clause ("had been supplied"); without one it must follow the main verb's object ("Russia fired
// missiles that North Korea had supplied") and runs to the clause's end.
void Engine::MarkRelativeClauses() {
  static const WordList kAntecedents = {
      "WEAPONS", "ARMS", "DRONES", "MISSILES", "ROCKETS", "SHELLS", "BOMBS", "AMMUNITION", "MUNITIONS",
      "JETS", "AIRCRAFT", "PLANES", "HELICOPTERS", "TANKS", "VEHICLES", "TRUCKS", "SHIPS", "VESSELS",
      "BOATS", "TANKERS", "FLIGHTS", "SHIPMENTS", "DELIVERIES", "CARGO", "CONSIGNMENTS", "COMPONENTS",
      "PARTS", "ENGINES", "EQUIPMENT", "SYSTEMS", "LAUNCHERS", "GOODS", "SUPPLIES", "TROOPS", "SOLDIERS",
      "FORCES", "FIGHTERS", "UNITS", "MERCENARIES", "INSTRUCTORS", "ADVISERS", "ADVISORS", "COMPANIES",
      "FIRMS", "NETWORK", "NETWORKS", "DRONE", "MISSILE", "ROCKET", "SHELL", "SHIP", "VESSEL", "PLANE",
      "AIRCRAFT", "TANKER", "FLIGHT", "SHIPMENT", "CONVOY", "CONVOYS", "BRIGADE", "BATTALION", "UNIT"};
  static const WordList kAuxiliary = {"IS",    "ARE",  "WAS",    "WERE",  "HAS",   "HAVE",
                                                        "HAD",   "WILL", "WOULD",  "COULD", "MAY",   "MIGHT",
                                                        "CAN",   "SHOULD", "MUST", "DID",   "DOES",  "REMAIN",
                                                        "REMAINS", "REMAINED"};
  static const WordList kDeterminers = {"THE", "A", "AN", "THESE", "THOSE", "THIS", "ITS",
                                                          "THEIR", "SOME", "MANY", "MOST", "ALL", "SEVERAL"};
  for (int i = 1; i + 2 < n(); ++i) {
    const std::string_view rel = WordText(i);
    if (rel != "THAT" && rel != "WHICH" && rel != "WHO" && rel != "WHOM") continue;
    if (w(i).blanked || w(i - 1).blanked) continue;
    // An actor's "who" clause before the sentence's own verb ("North Korean soldiers who had been sent
    // to Kursk suffered heavy losses in assaults on Ukrainian positions"): set aside, coded on its own,
    // so that the main verb is the subject's.
    // (The actor's agent may end it: "Belarusian volunteers who ...".)
    const int agent_head = IsType(i - 1, RootType::kAgent) && w(i - 1).head >= 1 ? w(i - 1).head : -1;
    const bool actor_before = IsActor(i - 1) || (agent_head >= 1 && IsActor(agent_head - 1));
    if (rel == "WHO" && actor_before) {
      if (const int end = ActorRelativeEnd(i); end > 0) {
        int head = agent_head >= 1 ? agent_head - 1 : i - 1;
        head = w(head).head >= 0 ? w(head).head : head;
        const int a = head >= 1 && kDeterminers.count(WordText(head - 1)) ? head - 1 : head;
        RelativeClause rc;
        rc.antecedent = {w(a).begin, w(i - 1).end};
        rc.body = {w(i + 1).begin, w(end - 1).end};
        for (int k = i; k < end; ++k) w(k).blanked = true;
        s_.relatives.push_back(rc);
        i = end;
        continue;
      }
    }
    if (rel == "WHOM") {
      if (const int end = MarkWhomClause(i); end > 0) {
        i = end;
        continue;
      }
    }
    if (w(i - 1).kind != WType::kNone || IsActor(i - 1)) continue;
    if (!kAntecedents.count(WordText(i - 1)) && !EndsMaterielPhrase(i - 1)) continue;
    // The antecedent: back over its modifiers to a determiner, a preposition or a verb.
    int a = i - 1;
    for (int k = i - 2; k >= 0 && k >= i - 5; --k) {
      if (w(k).kind != WType::kNone || w(k).blanked) break;
      if (kDeterminers.count(WordText(k))) {
        a = k;
        break;
      }
      if (IsType(k, RootType::kVerb) && w(k).is_head && !IsActor(k)) break;
      if (IsType(k, RootType::kPreposition) || kAuxiliary.count(WordText(k))) break;
      a = k;
    }
    // The clause's own verb: its first verb head (after any auxiliaries that open it).
    int verb = -1, end = -1;
    for (int k = i + 1; k < n() && k <= i + 16; ++k) {
      if (w(k).kind == WType::kComma || w(k).kind == WType::kQuote) break;
      if (verb < 0) {
        if (IsType(k, RootType::kVerb) && w(k).is_head && !w(k).noun && !IsActor(k)) verb = k;
        continue;
      }
      if (kAuxiliary.count(WordText(k)) && k > verb) {
        end = k;
        break;
      }
    }
    if (verb < 0) continue;
    if (end < 0) {
      // No auxiliary resumes a main clause: the antecedent must be an object (a verb before it).
      bool verb_before = false;
      for (int k = 0; k < a && !verb_before; ++k) verb_before = IsType(k, RootType::kVerb) && w(k).is_head && !w(k).noun;
      if (!verb_before) continue;
      end = verb + 1;
      while (end < n() && w(end).kind != WType::kComma && w(end).kind != WType::kQuote) ++end;
    }
    RelativeClause rc;
    rc.antecedent = {w(a).begin, w(i - 1).end};
    rc.body = {w(i + 1).begin, w(end - 1).end};
    // A subject of the clause's own before its verb ("that North Korea had supplied"): the
    // antecedent is the verb's object, inserted before the verb's first preposition.
    bool own_subject = false;
    for (int k = i + 1; k < verb && !own_subject; ++k) own_subject = IsActor(k);
    if (own_subject) {
      rc.insert_at = rc.body.end;
      for (int k = verb + 1; k < end; ++k)
        if (IsType(k, RootType::kPreposition)) {
          rc.insert_at = w(k).begin;
          break;
        }
    }
    for (int k = i; k < end; ++k) w(k).blanked = true;
    s_.relatives.push_back(rc);
    i = end;
  }
}

// Word k, or the word after the agent phrase at k ("Russian *troops* who", "the French *envoy* Émile").
int Engine::PastAgent(int k) const {
  if (!IsType(k, RootType::kAgent)) return k;
  return (w(k).head >= 0 && w(w(k).head).tail >= 0 ? w(w(k).head).tail : k) + 1;
}

// "whom" at `i` opens a clause with a subject of its own whose verb's object it is ("an Iranian
// financier whom Washington accuses of funding the Houthis", "a general whom it suspects of ..."):
// the clause is set aside with the antecedent going in as that object, before the verb's first
// preposition. Returns the clause's end (one past its last word), or 0 when it is not so built.
int Engine::MarkWhomClause(int i) {
  static const WordList kDeterminers = {"THE", "A", "AN", "THESE", "THOSE", "THIS", "ITS",
                                        "THEIR", "SOME", "MANY", "MOST", "ALL", "SEVERAL"};
  // (After a comma, the phrase before it: "an Iranian general, whom it accuses of ...".)
  const int last = w(i - 1).kind == WType::kComma ? i - 2 : i - 1;
  const int end = ObjectRelativeEnd(i);
  if (end <= 0 || last < 0 || w(last).kind != WType::kNone) return 0;
  int a = last;
  if (IsActor(last)) {
    a = w(last).head >= 0 ? w(last).head : last;
    if (a >= 1 && kDeterminers.count(WordText(a - 1))) --a;
  } else {
    // (Back over a plain noun phrase to its determiner: "an Iran-based financier".)
    for (int k = last; k >= 0 && k >= last - 4 && w(k).kind == WType::kNone && !w(k).blanked; --k) {
      a = k;
      if (kDeterminers.count(WordText(k)) || IsActor(k)) break;
    }
  }
  RelativeClause rc;
  rc.antecedent = {w(a).begin, w(last).end};
  rc.body = {w(i + 1).begin, w(end - 1).end};
  rc.insert_at = rc.body.end;
  for (int k = i + 2; k < end; ++k)
    if (IsType(k, RootType::kPreposition) && IsType(k - 1, RootType::kVerb)) {
      rc.insert_at = w(k).begin;
      break;
    }
  for (int k = i; k < end; ++k) w(k).blanked = true;
  s_.relatives.push_back(rc);
  return end;
}

// The end (one past its last word) of a "whom" clause at `i` with a subject of its own right after
// "whom" (an actor or a pronoun) and its verb next ("whom it accuses of ...", "whom US officials
// suspect of ..."): the next comma, quote or the sentence's end; 0 when the clause is not so built.
int Engine::ObjectRelativeEnd(int i) const {
  int k = i + 1;
  if (k < n() && w(k).typed && w(k).type == RootType::kPronoun) {
    ++k;
  } else if (IsActor(k)) {
    const int head = w(k).head >= 0 ? w(k).head : k;
    k = PastAgent((w(head).tail >= 0 ? w(head).tail : head) + 1);
  } else {
    return 0;
  }
  // (Auxiliaries may stand between: "whom Kyiv had accused of treason".)
  static const WordList kAuxiliaries = {"HAD", "HAS", "HAVE", "WILL", "WOULD", "DID", "DOES", "DO"};
  while (k < n() && kAuxiliaries.count(WordText(k))) ++k;
  if (!IsType(k, RootType::kVerb) || !w(k).is_head) return 0;
  int end = k + 1;
  while (end < n() && w(end).kind != WType::kComma && w(end).kind != WType::kQuote) ++end;
  return end;
}

// Does a phrase of the dictionaries' weapons or forces synsets (&WEAPONRY, &MILITARYFORCES, ...)
// end at word `last`? ("rifles", "missile parts", "fighter jets").
bool Engine::EndsMaterielPhrase(int last) const {
  static const WordList kClasses = {"WEAPONRY",      "MILITARYFORCES", "DRONEWEAPON",
                                                      "AERIALWEAPON",  "ARTILLERYWEAPON", "SMALLARMS",
                                                      "MILITARYADVISERS", "AIDGOODS", "DUALUSE"};
  if (last < 0 || last >= n()) return false;
  for (const auto& synset : d_.synsets()) {
    if (!kClasses.count(synset.name)) continue;
    // Only the members whose last word is one of the word's literals can end at it (a class has
    // hundreds of members).
    for (int32_t lit = w(last).lit_begin; lit < w(last).lit_end; ++lit) {
      const std::pair<int32_t, uint32_t> from{s_.lit_pool[lit].word, 0};
      for (auto it = std::lower_bound(synset.by_last_word.begin(), synset.by_last_word.end(), from);
           it != synset.by_last_word.end() && it->first == from.first; ++it) {
        const auto& member = synset.members[it->second];
        const int first = last - static_cast<int>(member.size()) + 1;
        if (first < 0) continue;
        bool all = true;
        for (size_t k = 0; k < member.size() && all; ++k)
          all = member[k].kind == dict::PatternElement::kWord && WordMatches(first + static_cast<int>(k), member[k].id, true);
        if (all) return true;
      }
    }
  }
  return false;
}

bool Engine::OpensMainClause(int c, int c2) const {
  for (int k = 0; k < c; ++k) {
    if (w(k).blanked) continue;
    if (IsActor(k) || (IsType(k, RootType::kVerb) && w(k).is_head)) return false;
  }
  bool actor = false;
  for (int k = c + 1; k < c2; ++k) {
    if (w(k).blanked) continue;
    if (IsActor(k)) actor = true;
    else if (actor && IsType(k, RootType::kVerb) && w(k).is_head) return true;
  }
  return false;
}

bool Engine::ContinuesNounList(int c) const {
  if (c < 1 || c + 3 >= n()) return false;
  const Word& before = w(c - 1);
  const bool noun_before = (before.typed && (before.type == RootType::kNoun || before.noun)) ||
                           (!before.typed && before.kind == WType::kNone);
  if (!noun_before) return false;
  for (int j = c + 1; j < n() && j <= c + 4; ++j) {
    const std::string_view t = WordText(j);
    if ((t == "AND" || t == "OR") && j > c + 1) return true;
    const Word& x = w(j);
    if (x.kind == WType::kComma || x.kind == WType::kQuote) return false;
    if (IsActor(j) || IsType(j, RootType::kPronoun) || IsType(j, RootType::kDeterminer)) return false;
    if (IsType(j, RootType::kVerb) && !EndsWith(t, "ING")) return false;
  }
  return false;
}

bool Engine::ObjectListContinues(int c) const {
  static const WordList kPrepositions = {"TO", "TOWARDS", "TOWARD", "INTO", "ON", "ONTO",
                                                          "ACROSS", "ALONG", "NEAR", "FOR", "AGAINST", "VIA"};
  int begin = c - 1;
  while (begin > 0 && w(begin - 1).kind != WType::kComma) --begin;
  if (!HasVerbBetween(begin, c - 1)) return false;
  // A participle right after a noun and before a preposition modifies the noun ("companies involved
  // in drone production", "firms linked to the army"): no verb of a clause of its own.
  static const WordList kAfterParticiple = {"IN", "TO", "WITH", "BY", "FOR", "ON", "AT", "FROM"};
  static const WordList kNoNoun = {"IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING", "HAS", "HAVE", "HAD",
                                   "IT", "THEY", "HE", "SHE", "WE", "ALSO", "NOT", "NEVER", "THEN"};
  auto modifies_noun = [&](int j) {
    const std::string_view t = WordText(j);
    const std::string_view before = WordText(j - 1);
    return t.size() > 4 && EndsWith(t, "ED") && j > c + 1 && j + 1 < n() && !IsType(j - 1, RootType::kVerb) &&
           !IsType(j - 1, RootType::kAuxiliary) && !IsType(j - 1, RootType::kPronoun) && !IsActor(j - 1) &&
           !kNoNoun.count(before) && !EndsWith(before, "LY") && kAfterParticiple.count(WordText(j + 1)) > 0;
  };
  for (int j = c + 1, words = 0; j < n() && words < 10; ++j, ++words) {
    const std::string_view t = WordText(j);
    if (kPrepositions.count(t)) return words > 0;
    if (w(j).kind == WType::kComma || w(j).kind == WType::kQuote) return false;
    if (modifies_noun(j)) continue;
    if (IsType(j, RootType::kVerb) && !w(j).noun) return false;
    if (IsType(j, RootType::kPronoun) || (!w(j).typed && t.size() > 4 && EndsWith(t, "ED"))) return false;
  }
  return false;
}

bool Engine::VerbPosition(int v) const {
  // (The author's verb and text before a text's verb stand for nothing: "China issued a
  // statement calling for a ceasefire" reads as "China calling for a ceasefire".)
  while (v >= 1 && w(v - 1).authored_text) --v;
  if (v < 1) return false;
  static const WordList kBefore = {"HAS", "HAVE", "HAD", "WILL", "WOULD", "ALSO", "ALREADY",
                                                     "THEN", "LATER", "SINCE", "REPORTEDLY", "ALLEGEDLY",
                                                     "RECENTLY", "AGAIN", "STILL", "JUST", "EVEN", "NOW",
                                                     "FIRST", "ONCE",   // ("Pyongyang at first denied")
                                                     "NOT", "NEVER"};   // ("Iran had not transferred drones")
  const std::string_view before = WordText(v - 1);
  // The last word of a phrase before the verb counts as its head ("the Saudi foreign ministry
  // called", "Chad's president called": an agent phrase names the subject).
  int last = v - 1;
  // ... and so does a title's name the dictionaries lack ("President Mahamat Idriss Deby called"):
  // words starting with a capital right after an actor or agent phrase.
  auto name_word = [&](int k) {
    return k > 0 && !w(k).typed && w(k).kind == WType::kNone && w(k).begin < w(k).end && text_[w(k).begin] >= 'A' &&
           text_[w(k).begin] <= 'Z';
  };
  for (int k = last; k > 0 && k >= v - 4 && name_word(k); --k)
    if (IsActor(k - 1) || IsType(w(k - 1).head >= 0 ? w(k - 1).head : k - 1, RootType::kAgent)) last = k - 1;
  const int phrase = w(last).head >= 0 ? w(last).head : last;
  return IsActor(v - 1) || IsActor(phrase) || IsType(phrase, RootType::kAgent) ||
         IsType(v - 1, RootType::kPronoun) || kBefore.count(before) > 0 ||
         (before.size() > 4 && EndsWith(before, "LY"));
}

int Engine::SharedObjectEnd(size_t ci) const {
  if (!document || ci + 1 >= s_.clauses.size()) return -1;
  const auto [cb, ce] = s_.clauses[ci];
  const auto [nb, ne] = s_.clauses[ci + 1];
  if (nb != ce + 2 || (WordText(ce + 1) != "AND" && WordText(ce + 1) != "OR")) return -1;
  const int v1 = w(ce).head >= 0 ? w(ce).head : ce;
  const Word& first = w(v1);
  if (v1 <= cb || !first.typed || first.type != RootType::kVerb || !first.is_head || first.noun || first.blanked ||
      first.tail != ce)
    return -1;
  int v2 = nb;
  while (v2 < ne && !w(v2).typed && w(v2).kind == WType::kNone && EndsWith(WordText(v2), "LY")) ++v2;
  const Word& second = w(v2);
  if (!second.typed || second.type != RootType::kVerb || !second.is_head || second.noun || second.blanked ||
      second.tail >= ne)
    return -1;
  // Only verbs of the same form share an object: two finite verbs or two -ing forms ("wants the
  // fighting to stop and supports talks" joins an infinitive to the subject's own verb), and no
  // passives ("were flown or shipped to Russia": the object is the subject).
  int before = v1 - 1;
  while (before > cb && !w(before).typed && w(before).kind == WType::kNone && EndsWith(WordText(before), "LY")) --before;
  static const WordList kNotFinite = {"TO", "IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING", "GET", "GOT"};
  if (kNotFinite.count(WordText(before))) return -1;
  if (EndsWith(WordText(v1), "ING") != EndsWith(WordText(v2), "ING")) return -1;
  return ne;
}

bool Engine::IsParticipleForm(int v) const {
  static const WordList kIrregular = {"SENT", "HELD", "SHOT", "HIT", "CAUGHT", "BROUGHT", "BOUGHT", "TAKEN", "GIVEN",
                                      "STRUCK", "BUILT", "MADE", "SOLD", "LED", "FOUGHT", "BEATEN", "SEEN", "DRIVEN",
                                      "THROWN", "WOUNDED", "FLOWN", "KEPT", "LEFT", "MET", "TOLD", "PUT"};
  const std::string_view t = WordText(v);
  return (t.size() > 4 && EndsWith(t, "ED")) || kIrregular.count(t) > 0;
}

bool Engine::AccreditedAtUn(int i) const {
  const int tail = w(i).tail >= 0 ? w(i).tail : i;
  if (i < 1 || tail + 1 >= n()) return false;
  for (int k = i; k <= tail; ++k) {
    const std::string_view t = WordText(k);
    if (t != "UN" && t != "U.N." && t != "UNITED" && t != "NATIONS" && t != "U.N") return false;
  }
  static const WordList kDiplomats = {"AMBASSADOR", "ENVOY", "ENVOYS", "MISSION", "DELEGATION", "DELEGATE",
                                      "DELEGATES", "REPRESENTATIVE", "DIPLOMAT", "DIPLOMATS", "AMBASSADORS"};
  if (!kDiplomats.count(WordText(tail + 1))) return false;
  static const WordList kPossessives = {"ITS", "THEIR", "HIS", "HER", "OUR"};
  const std::string_view before = WordText(i - 1);
  return kPossessives.count(before) > 0 || (IsActor(i - 1) && (EndsWith(before, "'S") || LooksDemonym(before) ||
                                                              (i >= 2 && WordText(i - 2) == "'S")));
}

int Engine::ActorRelativeEnd(int who) const {
  // (A subject's clause: nothing but an actor, its determiner or an opening phrase's comma before it.)
  int head = w(who - 1).head >= 0 ? w(who - 1).head : who - 1;
  if (IsType(head, RootType::kAgent) && head >= 1) head = w(head - 1).head >= 0 ? w(head - 1).head : head - 1;
  for (int k = 0; k < head; ++k)
    if (IsType(k, RootType::kVerb) && w(k).is_head && !w(k).noun && !w(k).blanked) return -1;
  auto verb_at = [&](int k) {
    const std::string_view t = WordText(k);
    return (IsType(k, RootType::kVerb) && w(k).is_head && !w(k).noun) ||
           (!w(k).typed && w(k).kind == WType::kNone && t.size() > 4 && EndsWith(t, "ED"));
  };
  static const WordList kAuxiliary = {"HAD", "HAS", "HAVE", "WAS", "WERE", "IS", "ARE", "BEEN", "BE", "WOULD", "WILL",
                                      "COULD", "MAY", "MIGHT", "CAN"};
  int own = -1;
  for (int k = who + 1; k < n() && k <= who + 16; ++k) {
    if (w(k).kind == WType::kComma || w(k).kind == WType::kQuote) return -1;
    if (own < 0) {
      if (verb_at(k)) own = w(k).tail >= 0 && IsType(k, RootType::kVerb) ? w(k).tail : k;
      continue;
    }
    if (k <= own) continue;
    // The main clause's verb: a verb form after the clause's own, not an auxiliary of it, with a
    // word between ("who had been sent to Kursk suffered ..."; "who fought and died" is one clause).
    // (Not a participle with its agent: "who joined militias backed by Rwanda".)
    if (k > own + 1 && verb_at(k) && !kAuxiliary.count(WordText(k - 1)) && WordText(k - 1) != "AND" &&
        WordText(k - 1) != "OR" && !(k + 1 < n() && WordText(k + 1) == "BY"))
      return k;
  }
  return -1;
}

bool Engine::HasVerbBetween(int first, int last) const {
  for (int k = std::max(first, 0); k <= last && k < n(); ++k) {
    const Word& x = w(k);
    if (x.typed && x.type == RootType::kVerb && !x.noun) return true;
    if (!x.typed && x.kind == WType::kNone && WordText(k).size() > 4 && EndsWith(WordText(k), "ED")) return true;
  }
  return false;
}

int Engine::SubordinatorFrom(int start) const {
  // (Also after a span of time: "More than two years after fighting broke out in Khartoum, ...",
  // "Shortly before the invasion began, ...", "Three days after Goma fell, ...".)
  static const WordList kTimeSpan = {
      "MORE", "LESS", "THAN", "A", "AN", "FEW", "SEVERAL", "SOME", "YEARS", "YEAR", "MONTHS", "MONTH", "WEEKS",
      "WEEK", "DAYS", "DAY", "HOURS", "HOUR", "MINUTES", "SHORTLY", "SOON", "LONG", "JUST", "ONLY", "EVEN",
      "NEARLY", "ALMOST", "BARELY", "HALF", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE",
      "TEN", "TWELVE", "EIGHTEEN", "WITHIN", "OVER"};
  if (start < 0 || start >= n()) return -1;
  if (kSubordinators.count(WordText(start))) return start;
  if (!document) return -1;
  int opener = start;
  while (opener < start + 8 && opener + 1 < n() &&
         (kTimeSpan.count(WordText(opener)) || w(opener).kind == WType::kNumber))
    ++opener;
  return opener > start && kSubordinators.count(WordText(opener)) ? opener : -1;
}

void Engine::SplitClauses() {
  auto is = [&](int i, RootType t) { return i >= 0 && i < n() && w(i).typed && w(i).type == t; };
  auto nounish = [&](int i) { return i >= 0 && i < n() && w(i).typed && (w(i).type == RootType::kNoun || w(i).noun); };
  int begin = 0;
  // Document coding (dyad): a sentence opening with a subordinator ("When Moscow began its
  // invasion, witnesses saw ...") has a clause of its own up to the first comma; its actors are
  // not the main clause's.
  int first_comma = -1;
  const int opener = SubordinatorFrom(0);
  if (document && n() > 3 && opener >= 0)
    for (int k = 2; k + 2 < n(); ++k) {
      if (w(k).compound >= 0) k = s_.compounds[w(k).compound].end;
      else if (w(k).kind == WType::kComma) {
        first_comma = k;
        break;
      }
    }
  for (int c = 1; c + 1 < n(); ++c) {
    if (c == first_comma) {
      s_.clauses.push_back({begin, c - 1});
      begin = c + 1;
      continue;
    }
    // Document coding (dyad): so does one a subordinator opens after a comma, once it has its verb
    // ("In March, after Russia invaded Ukraine, Lukashenko met Putin in Sochi").
    if (document && begin > 0 && c > begin && w(c).kind == WType::kComma && !w(c).blanked && w(c).compound < 0 &&
        SubordinatorFrom(begin) >= 0 && HasVerbBetween(begin, c - 1)) {
      s_.clauses.push_back({begin, c - 1});
      begin = c + 1;
      continue;
    }
    // Document coding (dyad): a comma before a clause opener ends a clause ("..., even though they ...").
    if (document && w(c).kind == WType::kComma && !w(c).blanked && OpensClause(c + 1)) {
      s_.clauses.push_back({begin, c - 1});
      begin = c + 1;
      continue;
    }
    // Document coding (dyad): a semicolon or colon before an actor and its verb ends a clause
    // ("Western capitals took further steps: Germany froze aid to Kigali"): what follows is a
    // sentence of its own, with its own subject.
    if (document && w(c).kind == WType::kComma && !w(c).blanked && c > begin && w(c).begin < static_cast<int32_t>(text_.size()) &&
        (text_[w(c).begin] == ';' || text_[w(c).begin] == ':')) {
      const int subject = c + 1 < n() && WordText(c + 1) == "THE" ? c + 2 : c + 1;
      if (subject < n() && IsActorHead(subject) && HasVerbBetween(subject, n() - 1)) {
        s_.clauses.push_back({begin, c - 1});
        begin = c + 1;
        continue;
      }
    }
    // Document coding (dyad): "and that" with an actor and its verb after it is a second reported
    // clause with a subject of its own ("... said the UPDF had doubled its presence and that
    // Ugandan officials had allowed the M23 to keep offices in Kampala": the officials allowed it).
    if (document && WordText(c) == "AND" && c + 2 < n() && WordText(c + 1) == "THAT" && HasVerbBetween(begin, c - 1)) {
      const int subject = c + 2 < n() && WordText(c + 2) == "THE" ? c + 3 : c + 2;
      if (subject < n() && IsActorHead(subject) && VerbAfterSubject(subject, kBetweenSubjectAndVerb) >= 0) {
        s_.clauses.push_back({begin, c - 1});
        begin = c + 2;
        continue;
      }
    }
    // Document coding (dyad): a preposition and "which" before an actor and its verb open a clause
    // with a subject of its own ("an offensive in which Rwandan troops fought alongside them", "an
    // exercise during which Belarusian units fired on the border"), past an aside between commas
    // ("in which, according to UN experts, ...").
    if (document && c > begin && c + 3 < n() && WordText(c + 1) == "WHICH" && !w(c).blanked && !w(c + 1).blanked &&
        kIntroPrepositions.count(WordText(c)) && HasVerbBetween(begin, c - 1)) {
      int subject = c + 2;
      if (w(subject).kind == WType::kComma) {
        int close = subject + 1;
        while (close < n() && close <= subject + 8 && w(close).kind != WType::kComma) ++close;
        subject = close + 1;
      }
      if (subject < n() && WordText(subject) == "THE") ++subject;
      if (subject < n() && IsActorHead(subject) && !w(subject).blanked &&
          VerbAfterSubject(subject, kBetweenSubjectAndVerb) >= 0) {
        // (The main clause's verbs still read on to what the clause names: "signed an agreement
        // under which Russian troops may use its airfields" is an agreement with Russia.)
        s_.reading_on.push_back(s_.clauses.size());
        s_.clauses.push_back({begin, c - 1});
        begin = c + 2;
        c = begin;
        continue;
      }
    }
    // Document coding (dyad): "as" with an actor and its verb after it opens a clause of its own
    // ("An Iranian frigate sailed into the Red Sea as US warships struck Houthi targets": the US
    // strikes); not "such as", "as well as", "just as" (a comparison opener) or "as part of".
    if (document && AsOpensClause(c) && HasVerbBetween(begin, c - 1)) {
      s_.clauses.push_back({begin, c - 1});
      begin = c;
      continue;
    }
    if (!is(c, RootType::kConjunction) || w(c).compound >= 0 || w(c).blanked) continue;
    // Document coding (dyad): a clause needs a verb, so a conjunction with none before it in the
    // clause joins the subject's members ("Congolese civil society groups and opposition
    // politicians have accused Kampala ..."). An unknown -ed word may be a verb: split then.
    if (document && WordText(c) == "AND" && !HasVerbBetween(begin, c - 1)) continue;
    // Document coding (dyad): after the clause's verb, "and" followed by words with no verb up to a
    // preposition joins the verb's objects ("added Kabarebe and two commanders to its sanctions
    // list", "moved troops and heavy equipment towards the border").
    if (document && WordText(c) == "AND" && ObjectListContinues(c)) continue;
    // No split: noun + conj + adjective* + noun, or adjective + conj + adjective.
    // (An untyped word before the conjunction counts as a noun unless it is a particle or a verb
    // or adverb form: "with repression still going on and power concentrated" is two clauses.)
    auto plain_noun = [&](int k) {
      static const WordList kParticles = {"ON", "OFF", "UP", "DOWN", "OUT", "IN", "BACK",
                                                            "AWAY", "OVER", "TOO", "AGAIN", "THERE", "HERE"};
      if (k < 0 || w(k).typed || w(k).kind != WType::kNone) return false;
      const std::string_view t = WordText(k);
      return !kParticles.count(t) && !EndsWith(t, "ING") && !EndsWith(t, "ED") && !EndsWith(t, "LY");
    };
    if (nounish(c - 1) || (document && plain_noun(c - 1))) {
      int j = c + 1;
      while (j < n() && (is(j, RootType::kAdjective) || (document && !w(j).typed && w(j).kind == WType::kNone &&
                                                          j + 1 < n() && is(j + 1, RootType::kVerb))))
        ++j;
      if (nounish(j)) continue;
      // Document coding (dyad): a verb form ending such a list before a preposition or the end is
      // a noun too ("weapons and support from Iran", "drones and training to Russia").
      static const WordList kAfterNoun = {"FROM", "TO", "FOR", "ON", "IN", "OF", "WITH", "AGAINST", "INTO"};
      if (document && is(j, RootType::kVerb) && w(j).is_head && w(j).tail == j && !EndsWith(WordText(j), "ED") &&
          (j + 1 >= n() || w(j + 1).kind == WType::kComma || kAfterNoun.count(WordText(j + 1)))) {
        w(j).noun = true;
        continue;
      }
      // ... and so is one modifying a weapons noun after it ("rounds of artillery and rocket
      // ammunition", "shells and drone parts").
      if (document && w(j).tail <= j && !EndsWith(WordText(j), "ED") && !IsActor(j) &&
          (EndsMaterielPhrase(j) || (j + 1 < n() && EndsMaterielPhrase(j + 1)))) {
        if (is(j, RootType::kVerb)) w(j).noun = true;
        continue;
      }
    }
    if (is(c - 1, RootType::kAdjective) && is(c + 1, RootType::kAdjective)) continue;
    // Document coding (dyad): two modifiers joined right after a verb, before the actor they
    // describe, are no clauses ("received wounded and dead Russian soldiers", "welcomed tired and
    // hungry Ukrainian refugees").
    if (document && c >= 2 && !IsActor(c - 1) && w(c - 1).kind == WType::kNone) {
      int verb = c - 2;
      if (verb >= 1 && (WordText(verb) == "THE" || is(verb, RootType::kDeterminer))) --verb;
      int j = c + 1, modifiers = 0;
      while (j < n() && modifiers < 2 && !w(j).typed && w(j).kind == WType::kNone && !IsActor(j)) ++j, ++modifiers;
      if (modifiers > 0 && j < n() && IsActorHead(j) && is(verb, RootType::kVerb) && w(verb).is_head && !w(verb).noun)
        continue;
    }
    // Document coding (dyad): the last two members of a list of nouns, one of them a gerund
    // ("weapons, training and logistical support", "arms, funding and training") are no clauses.
    if (document && c >= 3 && w(c - 2).kind == WType::kComma && EndsWith(WordText(c - 1), "ING") &&
        !is(c - 3, RootType::kVerb) && !IsActor(c + 1) && !is(c + 1, RootType::kPronoun) &&
        !is(c + 1, RootType::kDeterminer))
      continue;
    s_.clauses.push_back({begin, c - 1});
    begin = c + 1;
  }
  s_.clauses.push_back({begin, n() - 1});
}

int Engine::Referent(int i) const {
  int guard = 0;
  while (i >= 0 && w(i).resolved && w(i).ref >= 0 && guard++ < kMaxWords) i = w(i).ref;
  return i;
}

bool Engine::AfterPreposition(int k) const {
  static const WordList kPrepositions = {"ON",   "IN",   "AT",  "AGAINST", "TO",   "FROM",
                                                           "OF",   "INTO", "NEAR", "WITH",   "FOR",  "BY",
                                                           "OVER", "TOWARDS", "TOWARD", "ACROSS", "INSIDE"};
  int p = k - 1;
  if (p >= 0 && WordText(p) == "THE") --p;
  return p >= 0 && kPrepositions.count(WordText(p)) > 0;
}

bool Engine::ObjectOfActiveVerb(int k, int v, int v_tail) const {
  static const WordList kDeterminers = {"THE", "BOTH", "ALL", "A", "AN", "ITS", "THEIR", "HIS", "HER"};
  if (k <= v_tail) return false;
  for (int j = v_tail + 1; j < k; ++j)
    if (!kDeterminers.count(WordText(j))) return false;
  return v == 0 || (w(v - 1).kind != WType::kComma && w(v - 1).kind != WType::kQuote);
}

bool Engine::AgentSubject(int v) const {
  // (A participle after a comma has the sentence's subject: "The ministry said ..., thanking
  // Russia and Ukraine".)
  int verb = v;
  if (v > 0 && w(v - 1).kind == WType::kComma && EndsWith(WordText(v), "ING"))
    for (int j = 0; j < v; ++j)
      if (IsType(j, RootType::kVerb) && w(j).is_head && !w(j).noun) {
        verb = j;
        break;
      }
  int subject = verb - 1;
  while (subject >= 0 && (kBetweenSubjectAndVerb.count(WordText(subject)) || EndsWith(WordText(subject), "LY")))
    --subject;
  // (People the dictionaries do not know, opening the sentence or after a determiner: "Analysts
  // noted the dispatch of Chadian troops", "Some researchers traced the parts to Iran" name no act
  // of whom they name.)
  if (subject >= 0 && !w(subject).typed && w(subject).kind == WType::kNone) {
    static const WordList kOpeners = {"THE", "SOME", "MANY", "SEVERAL", "MOST", "OTHER", "INDEPENDENT", "WESTERN",
                                      "FOREIGN", "LOCAL", "MILITARY", "SECURITY", "DEFENCE", "DEFENSE", "TWO", "THREE"};
    const std::string_view t = WordText(subject);
    const bool plural = t.size() > 4 && EndsWith(t, "S") && !EndsWith(t, "SS") && !EndsWith(t, "US");
    if (plural && (subject == 0 || kOpeners.count(WordText(subject - 1)))) return true;
    // ... nor does an institution the dictionaries do not know, named by "the" and a noun opening
    // the sentence ("The Treasury sanctioned several Kazakh companies", "The regulator fined a
    // bank in Kyrgyzstan"): its object is no subject.
    // (A time, "The next day ...", is no subject.)
    static const WordList kTimes = {"DAY", "WEEK", "MONTH", "YEAR", "MORNING", "EVENING", "NIGHT", "AFTERNOON",
                                    "TIME", "WEEKEND", "FOLLOWING", "NEXT", "SAME", "DECADE"};
    if (!plural && subject == 1 && WordText(0) == "THE" && IsAlphaAscii(t.front()) && !kTimes.count(t))
      return true;
    // ... nor does evidence that records or shows ("Satellite images documented the arrival of
    // North Korean shells", "Footage showed Iranian drones"), opening the sentence with at most a
    // determiner or an untyped modifier before it.
    static const WordList kEvidence = {"FOOTAGE", "VIDEO",    "VIDEOS",    "IMAGES",  "IMAGERY",  "PHOTOGRAPHS",
                                       "PHOTOS",  "PICTURES", "DATA",      "RECORDS", "DOCUMENTS", "EVIDENCE",
                                       "LOGS",    "MANIFESTS", "RECORDINGS", "FILES"};
    if (kEvidence.count(t)) {
      int first = subject;
      while (first > 0 && subject - first < 3 && !w(first - 1).typed && w(first - 1).kind == WType::kNone &&
             !IsActor(first - 1))
        --first;
      if (first == 0) return true;
    }
  }
  if (subject < 0 || !IsType(subject, RootType::kAgent) || IsActor(subject) || w(subject).root < 0) return false;
  // (An institution: a crowd, "people blocked streets in Hong Kong", takes the place's state, as
  // PLOVER codes protests.)
  static const WordList kInstitutions = {"GOV", "MIL", "SPY", "JUD", "LEG", "BUS", "MED", "COP"};
  const std::string& code = d_.agents()[d_.roots()[w(subject).root].entry].code;
  return kInstitutions.count(code) > 0;
}

bool Engine::ReducedRelativeOnPlainNoun(int v, int cb) const {
  // (Irregular past participles too: "a few crates flown out of Iran", "shells sent from Rajin".)
  static const WordList kIrregular = {"FLOWN", "SENT", "BUILT", "MADE", "BROUGHT", "TAKEN", "GIVEN", "SOLD",
                                      "BOUGHT", "DRIVEN", "SEEN", "HELD", "FOUND", "SHOT", "THROWN", "HIDDEN",
                                      "STOLEN", "WRITTEN", "KEPT", "LEFT", "SPENT", "LENT", "BORNE"};
  if (v < 2 || v - 1 < cb || !(EndsWith(WordText(v), "ED") || kIrregular.count(WordText(v)))) return false;
  const int noun = v - 1;
  static const WordList kNotNouns = {"THAT", "WHICH", "WHO", "AND", "OR", "BUT", "NOT", "IT", "THEY", "HE", "SHE",
                                     "WE", "ALSO", "HAS", "HAVE", "HAD", "WAS", "WERE", "IS", "ARE"};
  if (w(noun).kind != WType::kNone || IsActor(noun) || kNotNouns.count(WordText(noun))) return false;
  if (IsType(noun, RootType::kVerb) && !w(noun).noun) return false;
  const std::string_view text = WordText(noun);
  if (text.size() < 4 || text.back() != 'S' || EndsWith(text, "SS") || EndsWith(text, "LY")) return false;
  for (int k = cb; k < noun; ++k)
    if (IsType(k, RootType::kVerb) && w(k).is_head && !w(k).noun) return true;
  return false;
}

bool Engine::RelativeOnPlainNoun(int v) const {
  // (Past a verb the clause's verb completes: "that help supply", "that continue to ship".)
  static const WordList kCatenative = {"HELP", "HELPS", "HELPED", "TO", "CONTINUE", "CONTINUES", "CONTINUED"};
  int p = v - 1;
  while (p >= 0 && (kBetweenSubjectAndVerb.count(WordText(p)) || EndsWith(WordText(p), "LY") ||
                    kCatenative.count(WordText(p))))
    --p;
  // (Past a speaker inserted after the pronoun: "officers that it says help build drones".)
  static const WordList kSays = {"SAYS", "SAID", "SAY", "CLAIMS", "CLAIMED", "ALLEGES", "ALLEGED", "BELIEVES"};
  if (p >= 2 && kSays.count(WordText(p)) &&
      (IsType(p - 1, RootType::kPronoun) || IsActor(p - 1) || WordText(p - 1) == "IT" || WordText(p - 1) == "THEY"))
    p -= 2;
  if (p < 1) return false;
  const std::string_view pronoun = WordText(p);
  if (pronoun != "THAT" && pronoun != "WHICH" && pronoun != "WHO") return false;
  const int a = p - 1;
  // (Not "said that", "so that", "now that": a verb's or a conjunction's "that" opens a clause
  // with a subject of its own.)
  static const WordList kNotNouns = {"SO", "SUCH", "NOW", "GIVEN", "EXCEPT", "PROVIDED", "ASSUMING", "SAYING",
                                     "AND", "OR", "BUT", "NOT", "ALSO", "IS", "WAS", "ARE", "WERE"};
  if (w(a).kind != WType::kNone || IsActor(a) || kNotNouns.count(WordText(a))) return false;
  // (An actor naming the noun's owner makes it the actor's: "Russian missiles that struck Kyiv".)
  if (a >= 1 && IsActor(a - 1)) return false;
  if (IsType(a, RootType::kVerb) && !w(a).noun) return false;
  // A noun: a plural or a word after a determiner or preposition ("entities", "the firms",
  // "of companies").
  const std::string_view noun = WordText(a);
  return noun.size() > 3 && noun.back() == 'S' && noun[noun.size() - 2] != 'S';
}

int Engine::RelatedAfterPossessor(int k) const {
  if (!IsSingularPossessor(k)) return -1;
  static const WordList kRelations = {"ALLY",   "ALLIES",  "NEIGHBOUR", "NEIGHBOURS", "NEIGHBOR", "NEIGHBORS",
                                      "PROXY",  "PROXIES", "PARTNER",   "PARTNERS",   "PATRON",   "CLIENT",
                                      "BACKER", "BACKERS", "FRIEND",    "PROTEGE",    "SPONSOR",  "RIVAL"};
  int j = (w(k).tail >= k ? w(k).tail : k) + 1;
  if (j >= n() || !kRelations.count(WordText(j))) return -1;
  ++j;
  if (j < n() && WordText(j) == "THE") ++j;
  return j < n() && IsActorHead(j) ? j : -1;
}

int Engine::PassiveAuxiliary(int v, int cb) const {
  static const WordList kIrregular = {
      "SENT", "SOLD", "HELD", "HIT", "SHOT", "STRUCK", "BUILT", "BROUGHT", "BOUGHT", "FOUGHT",
      "CAUGHT", "TAUGHT", "LED", "MET", "PUT", "SET", "SHUT", "TOLD", "KEPT", "MADE", "PAID",
      "LAID", "FOUND", "LOST", "CUT", "BEATEN", "BLOWN", "THROWN", "SEIZED", "SHOWN", "SEEN",
      "FLOWN", "DRAWN", "WITHDRAWN", "SPENT", "LENT", "DEALT", "WON", "SOUGHT", "BOUND"};
  static const WordList kBe = {"IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING"};
  static const WordList kAdverb = {"NOT", "ALSO", "ALREADY", "NEVER", "STILL",
                                                     "JUST", "SINCE", "THEN", "NOW", "ONCE"};
  // (The last word of a multi-word verb carries the form: "re-exported" is RE + EXPORTED.)
  const std::string_view verb = WordText(w(v).tail >= 0 ? w(v).tail : v);
  const bool participle = (verb.size() > 3 && (EndsWith(verb, "ED") || EndsWith(verb, "EN"))) ||
                          kIrregular.count(verb) > 0;
  if (!participle) return -1;
  // "is prepared to impose", "was forced to withdraw": a state of mind or obligation before an
  // infinitive, not a passive act.
  static const WordList kBeforeInfinitive = {
      "PREPARED", "DETERMINED", "EXPECTED", "SUPPOSED", "FORCED", "SET", "BOUND", "SCHEDULED",
      "REQUIRED", "OBLIGED", "OBLIGATED", "INCLINED", "PLANNED", "INTENDED", "POISED", "COMMITTED",
      "ENTITLED", "ALLOWED", "PERMITTED", "AUTHORIZED", "AUTHORISED", "EMPOWERED", "MANDATED",
      "TASKED", "DESIGNED", "RESOLVED", "PRESSED", "COMPELLED", "URGED", "ASKED", "INVITED"};
  // ("was invited to the summit", "was sent to Russia": "to" before a noun phrase is no infinitive.)
  const bool noun_after_to = v + 2 < n() && (WordText(v + 2) == "THE" || WordText(v + 2) == "A" ||
                                             WordText(v + 2) == "AN" || IsActor(v + 2));
  if (kBeforeInfinitive.count(verb) && v + 1 < n() && WordText(v + 1) == "TO" && !noun_after_to) return -1;
  int k = v - 1;
  for (int skipped = 0; k >= cb && skipped < 2; ++skipped) {
    const std::string_view t = WordText(k);
    if (!kAdverb.count(t) && !(t.size() > 4 && EndsWith(t, "LY"))) break;
    --k;
  }
  if (k >= cb && kBe.count(WordText(k))) return k;
  // A reduced relative: "M23 fighters backed by Rwandan troops captured Goma" -- a participle
  // right after an actor and followed by "by" and an actor is passive; the word before it stands
  // in for the auxiliary (its subject is the actor before).
  // (Nouns the actor names may stand between: "the Iranian ship seized by the US Navy", "two
  // Emirati companies sanctioned by Washington".)
  int modified = v - 1;
  if (document && IsParticipleForm(v)) {
    static const WordList kNoNoun = {"THAT", "WHICH", "WHO", "AND", "OR", "BUT", "NOT", "IT", "THEY", "HE", "SHE",
                                     "WE", "ALSO", "HAS", "HAVE", "HAD", "THE", "A", "AN", "OF", "TO", "IN", "ON"};
    auto noun = [&](int k) {
      const Word& x = w(k);
      if (x.kind != WType::kNone || x.blanked || IsActor(k) || kNoNoun.count(WordText(k)) || kBe.count(WordText(k)))
        return false;
      if (x.typed) return x.noun || x.type == RootType::kAgent;
      const std::string_view t = WordText(k);
      return !EndsWith(t, "LY") && !EndsWith(t, "ING") && !EndsWith(t, "ED");
    };
    while (modified > cb && modified >= v - 3 && noun(modified)) --modified;
  }
  if (v - 1 >= cb && modified >= cb && IsActor(modified) && v + 2 < n() && WordText(v + 1) == "BY" &&
      (IsActor(v + 2) || (v + 3 < n() && IsActor(v + 3))))
    return v;
  return -1;
}

// "According to Lukashenko's plan, they...": a singular possessive naming no group (no agent
// follows it) owns something; it is not what a plural pronoun points back to.
std::string_view Engine::CodeOfVerb(int v, int ce) const {
  const Word& vw = w(v);
  const auto& entry = d_.verbs()[d_.roots()[vw.root].entry];
  const EventCode* code = &entry.code;
  if (entry.patterns >= 0) {
    for (const auto& f : d_.pattern_list_filters()[entry.patterns]) {
      const Pattern& p = d_.patterns()[f.pattern];
      MatchCtx m;
      if (MatchPattern(p, v, vw.tail, ce, m)) {
        code = &p.code;
        break;
      }
    }
  }
  return code->kind == CodeKind::kNormal ? std::string_view(code->code) : std::string_view();
}

// "Sudan's Defence and Security Council", "Russia's UN envoy": an international body's name
// after a state's possessive names that state's own organ or official (its government, GOV).
void Engine::HeldBy(int head, std::string* code) const {
  const int held = head - 1;
  if (held < 1 || w(held).begin < 1 || text_[static_cast<size_t>(w(held).begin) - 1] != '-') return;
  const std::string_view t = WordText(held);
  if (t != "HELD" && t != "CONTROLLED" && t != "OCCUPIED" && t != "RUN") return;
  const int holder = w(held - 1).head;
  if (holder < 0 || !w(holder).typed) return;
  if (w(holder).type == RootType::kActor) {
    const std::string* by = ActorCodeOfRoot(w(holder).root, shifted_);
    if (by && !by->empty() && *by != "---") *code = *by;
  } else if (w(holder).type == RootType::kAgent && code->size() == 3) {
    // An agent holds it on the place's own soil: "rebel-held Rutshuru" is CODREB.
    const auto& agent = d_.agents()[d_.roots()[w(holder).root].entry];
    if (!agent.code.empty() && agent.code.find_first_of("~/") == std::string::npos) *code += agent.code;
  }
}

void Engine::OwnedByStatePossessor(int head, std::string* code) const {
  if (!StartsWith(*code, "IGO")) return;
  int p = head - 1;
  for (int skipped = 0; p >= 0 && skipped < 3 && !IsActor(p) && w(p).kind == WType::kNone; ++skipped, --p)
    if (!w(p).first_upper && WordText(p) != "AND") return;
  if (p < 0 || !IsActor(p)) return;
  const int possessor = w(p).head;
  const int tail = w(possessor).tail >= 0 ? w(possessor).tail : possessor;
  if (tail != p) return;
  const std::string_view t = WordText(tail);
  if (t.size() < 3 || t.substr(t.size() - 2) != "'S" || w(possessor).fwd_root >= 0 || w(possessor).ext >= 0) return;
  const std::string* owner = ActorCodeOfRoot(w(possessor).root, shifted_);
  if (!owner || owner->size() != 3 || StartsWith(*owner, "IGO") || StartsWith(*owner, "NGO")) return;
  *code = *owner + "GOV";
}

// "Iran's mission to the United Nations described ...", "the Iranian ambassador to the UN said",
// "..., and its envoy to the Security Council called ...": an international body after a post
// ("ambassador to", "mission to") names where the official is posted, not who speaks; the posting
// state's government does (GOV). Only in a clause's subject (no verb between the clause's start
// and the poster): "Russia recalled its envoy to the OSCE" keeps the OSCE as what is recalled from.
void Engine::PostedBy(int head, std::string* code) const {
  if (!StartsWith(*code, "IGO")) return;
  int p = head - 1;
  if (p >= 0 && WordText(p) == "THE") --p;
  if (p < 1 || WordText(p) != "TO") return;
  static const WordList kPosts = {"AMBASSADOR", "AMBASSADORS", "ENVOY", "ENVOYS", "MISSION", "DELEGATION",
                                  "REPRESENTATIVE", "REPRESENTATIVES", "DELEGATE", "DELEGATES", "EMISSARY"};
  if (!kPosts.count(WordText(p - 1))) return;
  int q = p - 2;
  static const WordList kRanks = {"PERMANENT", "DEPUTY", "SPECIAL", "CHIEF", "TOP", "NEW", "FORMER"};
  while (q >= 0 && kRanks.count(WordText(q))) --q;
  if (q < 0) return;
  // The clause's start: no dictionary verb between it and the poster.
  for (int k = q - 1; k >= 0; --k) {
    if (w(k).kind == WType::kComma || WordText(k) == "AND" || WordText(k) == "BUT") break;
    if (IsType(k, RootType::kVerb)) return;
  }
  auto state_of = [&](int at) -> std::string {
    if (!IsActor(at)) return "";
    const int r = Referent(at);
    if (w(r).ext >= 0) return s_.ext[w(r).ext].code;
    const std::string* c = ActorCodeOfRoot(w(w(r).head).root, shifted_);
    return c ? *c : "";
  };
  std::string poster;
  const std::string_view word = WordText(q);
  if (word == "ITS" || word == "THEIR") {
    // The possessive pronoun stands for the nearest actor before it in the sentence.
    for (int k = q - 1; k >= 0 && poster.empty(); --k)
      if (IsActorHead(k)) poster = state_of(k);
  } else {
    poster = state_of(q);
  }
  if (poster.size() < 3 || StartsWith(poster, "IGO") || StartsWith(poster, "NGO")) return;
  *code = poster.substr(0, 3) + "GOV";
}

// A munition's name: an actor adjective before it names the weapon's maker, not a party to the
// force it is used in ("Iranian drones", "North Korean shells").
static bool IsWeaponWord(std::string_view word) {
  static const WordList kWeapons = {"DRONES",   "DRONE",      "MISSILES", "MISSILE",  "SHELLS",
                                                      "ROCKETS",  "MUNITIONS",  "AMMUNITION", "BOMBS", "WARHEADS",
                                                      "ROCKET",   "LAUNCHERS",  "HOWITZERS", "GUNS"};
  return kWeapons.count(word) > 0;
}

// Is the actor at `k` the speaker of a report whose content, up to the verb at `v`, opens with a
// subject the dictionaries do not know ("Kyiv said a company had shipped ...", "Treasury said
// another firm, Futrevo, had supplied ...")? A report verb right after the actor's phrase (or after
// an appositive up to a comma), then "that" at most, then a determiner opening a noun phrase with
// no actor before `v`.
bool Engine::SpeakerBeforeUnnamedSubject(int k, int v) const {
  static const WordList kReport = {"SAID", "SAYS", "SAY", "TOLD", "REPORTED", "CLAIMED", "ALLEGED", "STATED", "ADDED",
                                   "WROTE", "ESTIMATED", "BELIEVES", "BELIEVED", "ANNOUNCED", "CONFIRMED", "INSISTED"};
  static const WordList kDeterminers = {"A", "AN", "ANOTHER", "SOME", "SEVERAL", "ONE", "TWO", "THREE", "MANY"};
  int r = (w(k).tail >= 0 ? w(k).tail : k) + 1;
  if (r < n() && (WordText(r) == "HAS" || WordText(r) == "HAD" || WordText(r) == "HAVE")) ++r;
  if (r >= v || !kReport.count(WordText(r))) return false;
  int d = r + 1;
  if (d < v && WordText(d) == "THAT") ++d;
  if (d >= v || !kDeterminers.count(WordText(d))) return false;
  for (int j = d; j < v; ++j)
    if (IsActor(j)) return false;
  return true;
}

// "for <actor> to <verb>": the actor is the subject of the infinitive at `v`.
bool Engine::ForInfinitiveSubject(int head, int v) const {
  int p = head - 1;
  if (p >= 0 && WordText(p) == "THE") --p;
  if (p < 0 || WordText(p) != "FOR") return false;
  const int tail = w(head).tail >= 0 ? w(head).tail : head;
  return tail + 2 == v && WordText(tail + 1) == "TO";
}

bool Engine::IsPluralActor(int head) const {
  const int tail = w(head).tail >= 0 ? w(head).tail : head;
  // A plural noun: "MEMBERS", "TROOPS", "REBELS"; not "'S", "-SS" ("CONGRESS") or "-US".
  auto plural = [](std::string_view t) {
    return t.size() > 3 && t.back() == 'S' && t[t.size() - 2] != 'S' && t[t.size() - 2] != 'U' &&
           t[t.size() - 2] != '\'';
  };
  if (plural(WordText(tail))) return true;
  return tail + 1 < n() && IsType(tail + 1, RootType::kAgent) && plural(WordText(tail + 1));
}

bool Engine::IsSingularPossessor(int head) const {
  const int tail = w(head).tail >= 0 ? w(head).tail : head;
  const std::string_view t = WordText(tail);
  if (t.size() < 3 || t.substr(t.size() - 2) != "'S") return false;
  return !IsType(tail + 1, RootType::kAgent);
}

void Engine::ResolvePronouns(ForwardState* fwd, bool same_story, bool document) {
  for (int p = 0; p < n(); ++p) {
    Word& wd = w(p);
    if (!wd.typed || wd.type != RootType::kPronoun || wd.blanked) continue;
    std::string_view t = WordText(p);
    // Document coding (dyad): "their" before an actor only determines it ("asked their Iranian
    // counterparts", "urged their Russian allies"): the actor after it is the one named.
    if (document && t == "THEIR" && IsActor(p + 1)) {
      wd.typed = false;  // a plain word: no rule across sentences resolves it either
      continue;
    }
    bool they = t == "THEY" || t == "THEM" || t == "THEIR";
    // Document coding (dyad's extension, docs/coreference.md) leaves such a pronoun to the
    // cross-sentence rules; TABARI's own coding keeps TABARI's rule.
    const bool skip_possessors = document && they;
    int ref = -1;
    if (they) {
      for (int k = 0; k < p; ++k)
        if (w(k).compound >= 0 && IsActor(k)) {
          ref = s_.compounds[w(k).compound].begin;
          // The compound's first actor head.
          while (ref < p && !IsActorHead(ref)) ++ref;
          break;
        }
    }
    // Document coding: "they" as a subject names the nearest plural actor before it ("Belarus
    // ... much as NATO members are not at war although they send weapons"), not the sentence's
    // first actor; TABARI's rule stays for TABARI's coding and when no plural actor precedes.
    if (ref < 0 && document && t == "THEY") {
      for (int k = p - 1; k >= 0 && ref < 0; --k)
        if (IsActorHead(k) && w(k).compound < 0 && IsPluralActor(k)) ref = k;
    }
    // Document coding: an object pronoun right after a verb joined by "and" names the object of the
    // clause before ("Sudan severed relations with the UAE and branded it an aggressor", "Kyiv cut
    // ties with Tehran and accused it of complicity"): the last actor after that clause's verb.
    // (So does "him" or "her": "phoned Hemedti and urged him to accept a truce".)
    if (ref < 0 && document && (t == "IT" || t == "THEM" || t == "HIM" || t == "HER") && p >= 3 &&
        IsType(p - 1, RootType::kVerb) &&
        w(p - 1).is_head) {
      int c = p - 2;
      if (c > 0 && WordText(c) != "AND" && EndsWith(WordText(c), "LY")) --c;  // "and then", "and publicly"
      if (WordText(c) == "AND") {
        int first_verb = -1;
        for (int k = 0; k < c && first_verb < 0; ++k)
          if (IsType(k, RootType::kVerb) && w(k).is_head && !w(k).noun) first_verb = k;
        for (int k = c - 1; first_verb >= 0 && k > first_verb; --k)
          if (IsActorHead(k)) {
            ref = k;
            break;
          }
      }
    }
    // Document coding: an object pronoun right after its verb never stands for that verb's own
    // subject ("Kagame accused it of arrogance": not Kagame, who would be "himself"); with no
    // other actor before it, the pronoun is left to the sentences before.
    int own_subject = -1;
    if (document && (t == "IT" || t == "THEM" || t == "HIM" || t == "HER") && p >= 2 &&
        IsType(p - 1, RootType::kVerb) && w(p - 1).is_head && !w(p - 1).noun) {
      for (int k = p - 2; k >= 0; --k) {
        if (IsType(k, RootType::kVerb) && w(k).is_head && !w(k).noun) break;
        if (w(k).kind == WType::kComma) break;
        if (IsActorHead(k)) {
          own_subject = k;
          break;
        }
      }
    }
    if (ref < 0) {
      for (int k = 0; k < p; ++k) {
        if (w(k).compound >= 0) {
          if (they && IsActor(k)) { ref = k; break; }
          k = s_.compounds[w(k).compound].end;
          continue;
        }
        if (IsActorHead(k)) {
          if (skip_possessors && IsSingularPossessor(k)) continue;
          if (k == own_subject) continue;
          ref = k;
          break;
        }
      }
    }
    if (ref >= 0) {
      wd.type = RootType::kActor;
      wd.resolved = true;
      wd.ref = ref;
      wd.is_head = true;
      wd.head = p;
      wd.tail = p;
      continue;
    }
    if (fwd && fwd->valid && same_story) {
      int32_t root = they && fwd->first_compound_root >= 0 ? fwd->first_compound_root : fwd->first_actor_root;
      if (root >= 0) {
        wd.type = RootType::kActor;
        wd.resolved = true;
        wd.fwd_root = root;
        wd.is_head = true;
        wd.head = p;
        wd.tail = p;
      }
    }
  }
}

bool Engine::DiscardScan() const {
  if (!d_.has_discard_codes()) return false;  // (dyad's dictionaries have none)
  for (int i = 0; i < n(); ++i) {
    const Word& wd = w(i);
    if (!wd.is_head || wd.root < 0 || wd.resolved) continue;
    const Root& r = d_.roots()[wd.root];
    if (r.type == RootType::kActor && !wd.converted_agent) {
      const std::string* code = ActorCodeOfRoot(wd.root, date_);
      if (code && *code == "###") return true;
    } else if ((r.type == RootType::kVerb || r.type == RootType::kTime) && r.entry >= 0) {
      if (d_.verbs()[r.entry].code.kind == CodeKind::kDiscard) return true;
    }
  }
  return false;
}

std::string Engine::Complexity() const {
  // No limit set (dyad's own options set none): no reason can be given, and nothing is counted.
  if (!o_.complex_verbs && !o_.complex_conj && !o_.complex_actors && !o_.complex_pronouns && !o_.complex_lateverb &&
      !o_.complex_noactprior && !o_.complex_noactafter && !o_.complex_noverb)
    return "";
  int verbs = 0, conj = 0, actors = 0, pronouns = 0, first_verb = -1;
  bool actor_before = false, actor_after = false;
  for (int i = 0; i < n(); ++i) {
    const Word& wd = w(i);
    if (wd.blanked || !wd.typed) continue;
    if (wd.type == RootType::kVerb && wd.is_head && !wd.noun) {
      ++verbs;
      const auto& code = d_.verbs()[d_.roots()[wd.root].entry].code;
      if (first_verb < 0 && code.kind != CodeKind::kNull) first_verb = i;
    }
    if (wd.type == RootType::kConjunction && wd.compound < 0) ++conj;
    if (wd.type == RootType::kActor && wd.is_head && !wd.noun) ++actors;
    if (wd.type == RootType::kPronoun) ++pronouns;
  }
  for (int i = 0; i < n(); ++i) {
    if (!IsActor(i)) continue;
    if (first_verb < 0 || i < first_verb) actor_before = true;
    if (first_verb < 0 || i > first_verb) actor_after = true;
  }
  std::string reasons;
  auto add = [&](const std::string& r) {
    if (!reasons.empty()) reasons += "; ";
    reasons += r;
  };
  if (o_.complex_verbs && verbs >= o_.complex_verbs)
    add("Verbs(" + std::to_string(verbs) + ") >= " + std::to_string(o_.complex_verbs));
  if (o_.complex_conj && conj >= o_.complex_conj)
    add("Conjunctions(" + std::to_string(conj) + ") >= " + std::to_string(o_.complex_conj));
  if (o_.complex_actors && actors >= o_.complex_actors)
    add("Actors(" + std::to_string(actors) + ") >= " + std::to_string(o_.complex_actors));
  if (o_.complex_pronouns && pronouns >= o_.complex_pronouns)
    add("Pronouns(" + std::to_string(pronouns) + ") >= " + std::to_string(o_.complex_pronouns));
  if (o_.complex_lateverb && first_verb >= o_.complex_lateverb)
    add("Late verb(" + std::to_string(first_verb) + ") >= " + std::to_string(o_.complex_lateverb));
  if (o_.complex_noactprior && !actor_before) add("No actor before verb");
  if (o_.complex_noactafter && !actor_after) add("No actor after verb");
  if (o_.complex_noverb && verbs == 0) add("No verb");
  if (reasons.empty()) return "";
  return o_.complex_explain ? "Complex text: " + reasons : "Text failed complexity conditions";
}

int32_t Engine::RootOfActorWord(int i) const {
  int r = Referent(i);
  if (r < 0) return -1;
  if (w(r).fwd_root >= 0) return w(r).fwd_root;
  return w(w(r).head).root;
}

void Engine::LookupAgent(int head, ActorVal* a) const {
  if (head < 0) return;
  const int tail = w(head).tail;
  bool former = false;
  auto is = [&](int i, RootType t) { return i >= 0 && i < n() && w(i).typed && !w(i).blanked && w(i).type == t; };
  int next = tail + 1;
  if (is(next, RootType::kFormer)) {
    former = true;
    ++next;
  }
  if (is(head - 1, RootType::kFormer)) former = true;
  int agent_root = -1;
  // Document coding (dyad): a participle between a demonym and its agent describes the agent
  // ("Russian mobilised soldiers", "North Korean wounded troops"): the agent is still the actor's.
  if (document && next + 1 < n() && !is(next, RootType::kAgent) && w(next).kind == WType::kNone &&
      EndsWith(WordText(next), "ED") && is(next + 1, RootType::kAgent) && w(next + 1).is_head &&
      !w(next + 1).converted_agent) {
    if (LooksDemonym(WordText(tail))) ++next;
  }
  // ... and so does the UN in a state's UN diplomat ("the Iranian UN ambassador"); its UN mission or
  // representative, no agent of the dictionaries, is the state's government all the same.
  bool un_diplomat = false;
  if (next + 1 < n() && w(next).null_actor && AccreditedAtUn(w(next).head >= 0 ? w(next).head : next)) {
    next = w(w(next).head >= 0 ? w(next).head : next).tail + 1;
    un_diplomat = !is(next, RootType::kAgent);
  }
  if (is(next, RootType::kAgent) && w(next).is_head && !w(next).converted_agent) {
    agent_root = w(next).root;
  } else {
    int j = head - 1;
    if (is(j, RootType::kFormer)) --j;
    // Document coding (dyad): "the" between "in" and a state is read past ("firms in the
    // Emirates", "civilians in the Rwandan border town"); not before a group or an organisation
    // ("leaders of the Congo River Alliance", "states in the General Assembly" keep their code).
    if (document && j >= 2 && WordText(j) == "THE" && WordText(j - 1) == "IN" && w(head).root >= 0) {
      const std::string* code = ActorCodeOfRoot(w(head).root, shifted_);
      if (code && code->size() == 3) --j;
    }
    if (is(j, RootType::kPreposition)) {
      --j;
      // Document coding (dyad): a firm registered in a state is that state's business, as a firm
      // in it is ("companies registered in Kazakhstan", "a trader incorporated in the Emirates",
      // "a lender based in Kyrgyzstan"). Firms only: "troops based in Belarus" may be anyone's.
      static const WordList kRegistered = {"REGISTERED", "INCORPORATED", "HEADQUARTERED", "BASED", "DOMICILED"};
      if (document && j >= 1 && WordText(j + 1) == "IN" && kRegistered.count(WordText(j)) &&
          is(j - 1, RootType::kAgent) && !w(j - 1).converted_agent &&
          d_.agents()[d_.roots()[w(w(j - 1).head).root].entry].code == "BUS")
        --j;
    }
    // Document coding (dyad): a sentence that opens with an agent "from" a state names that
    // state's people ("Soldiers from Belarus crossed into Ukraine", "Mercenaries from Chad joined
    // the RSF"); elsewhere "from" names a place ("withdrew its troops from Kherson").
    // (An agent phrase that ends in "from" is read as written: "opposition forces from Belarus".)
    else if (document && j >= 1 && WordText(j) == "FROM" && !is(j, RootType::kAgent) &&
             is(j - 1, RootType::kAgent) && OpensSentence(w(j - 1).head))
      --j;
    if (is(j, RootType::kAgent) && !w(j).converted_agent) {
      int ah = w(j).head;
      if (w(ah).tail == j) {
        agent_root = w(ah).root;
        if (is(ah - 1, RootType::kFormer)) former = true;
      }
    }
  }
  if (former) {
    a->agent = "ELI";
    a->agent_prefix = false;
  } else if (un_diplomat && agent_root < 0) {
    a->agent = "GOV";
    a->agent_prefix = false;
  } else if (agent_root >= 0) {
    const auto& ag = d_.agents()[d_.roots()[agent_root].entry];
    a->agent = ag.code;
    a->agent_prefix = ag.prefix;
  }
}

ActorVal Engine::MakeActor(int found, int agent_around, bool with_agent) const {
  ActorVal a;
  a.set = true;
  a.word = found;
  int r = Referent(found);
  if (w(r).ext >= 0) {  // resolved across sentences: the antecedent's code, agents looked up here
    a.code = s_.ext[w(r).ext].code;
    a.agent_at = agent_around < 0 ? -1 : w(agent_around).head;
    if (with_agent && a.agent_at >= 0) LookupAgent(a.agent_at, &a);
    return a;
  }
  if (w(r).fwd_root >= 0) {
    const std::string* code = ActorCodeOfRoot(w(r).fwd_root, shifted_);
    if (code) a.code = *code;
    else a.nocode = true;
    return a;
  }
  int head = w(r).head;
  if (w(head).converted_agent) {
    a.code = "~" + d_.agents()[d_.roots()[w(head).root].entry].code;
  } else {
    const std::string* code = ActorCodeOfRoot(w(head).root, shifted_);
    if (code) a.code = *code;
    else a.nocode = true;
    if (code) OwnedByStatePossessor(head, &a.code);
    if (code && document) HeldBy(head, &a.code);
    if (code) PostedBy(head, &a.code);
  }
  a.compound_all = w(head).compound >= 0 && s_.compounds[w(head).compound].alive &&
                   [&] {
                     int b = s_.compounds[w(head).compound].begin;
                     while (b <= head && !IsActorHead(b)) ++b;
                     return b == head;
                   }();
  a.agent_at = agent_around < 0 ? -1 : w(Referent(agent_around)).fwd_root >= 0 ? -1 : w(agent_around).head;
  if (with_agent && a.agent_at >= 0) LookupAgent(a.agent_at, &a);
  return a;
}

// Document coding (dyad): an agent outside a compound belongs to each of its members: after the
// last member when the others are demonyms ("Iranian and Chinese firms": both firms), before the
// first through a preposition ("firms in Iran and China", "the leaders of Russia and Belarus").
// A member with an agent of its own keeps it ("Russian troops and Belarusian police").
void Engine::ShareCompoundAgent(ActorVal* members, size_t count) const {
  if (count < 2) return;
  auto plain = [&](const ActorVal& m) { return m.set && !m.dflt && m.word >= 0 && w(Referent(m.word)).ext < 0; };
  auto head_of = [&](const ActorVal& m) { return w(Referent(m.word)).head; };
  auto tail_of = [&](const ActorVal& m) {
    const int h = head_of(m);
    return w(h).tail >= 0 ? w(h).tail : h;
  };
  for (size_t i = 0; i < count; ++i)
    if (!plain(members[i])) return;
  const ActorVal* donor = nullptr;
  const ActorVal& last = members[count - 1];
  if (!last.agent.empty() && tail_of(last) + 1 < n() && IsType(tail_of(last) + 1, RootType::kAgent)) {
    bool demonyms = true;
    for (size_t i = 0; i + 1 < count && demonyms; ++i)
      demonyms = members[i].agent.empty() && LooksDemonym(WordText(tail_of(members[i])));
    if (demonyms) donor = &last;
  }
  const ActorVal& first = members[0];
  if (!donor && !first.agent.empty() && head_of(first) >= 2 && IsType(head_of(first) - 1, RootType::kPreposition))
    donor = &first;
  if (!donor) return;
  for (size_t i = 0; i < count; ++i)
    if (members[i].agent.empty()) {
      members[i].agent = donor->agent;
      members[i].agent_prefix = donor->agent_prefix;
    }
}

std::vector<int> Engine::CompoundMembers(int head) const {
  std::vector<int> out;
  const int id = w(head).compound;
  const Compound& c = s_.compounds[id];
  for (int k = c.begin; k <= c.end; ++k)
    if (IsActorHead(k) && w(k).compound == id) out.push_back(k);
  return out;
}

// ---------------------------------------------------------------- patterns

inline bool Engine::WordMatches(int pos, int32_t word, bool exact) const {
  if (s_.stamp[word] != s_.epoch) return false;  // the word occurs nowhere in the sentence
  const Word& wd = w(pos);
  if (wd.kind != WType::kNone) return false;
  int16_t len = 0;
  if (!HasLiteral(pos, word, &len)) return false;
  return !exact || len == wd.text_len;
}

bool Engine::SeqUp(const PatternElement* e, int count, int* pos, bool gap, bool first_stem, MatchCtx& m) const {
  for (int i = 0; i < count; ++i) {
    bool exact = LinkWhole(e[i].link) && !(i == 0 && first_stem);
    *pos += 1;
    if (*pos > m.end) return false;
    while (!TryUp(e[i], pos, exact, m) || InfinitiveBeforeActorSlot(e, count, i, *pos)) {
      if (!gap) return false;
      *pos += 1;
      if (*pos > m.end) return false;
    }
    gap = LinkGap(e[i].link);
  }
  return true;
}

int Engine::LetSubject(int cb, int v) const {
  static const WordList kLet = {"LET", "LETS", "LETTING"};
  static const WordList kNone = {};
  for (int k = std::max(cb, v - 8); k + 1 < v; ++k) {
    if (!kLet.count(WordText(k))) continue;
    const int a = WordText(k + 1) == "THE" ? k + 2 : k + 1;
    if (a < v && IsActorHead(a) && VerbAfterSubject(a, kNone) == v) return a;
  }
  return -1;
}

bool Engine::OpensSentence(int k) const {
  static const WordList kOpeners = {"THE", "SOME", "SEVERAL", "DOZENS", "HUNDREDS", "THOUSANDS", "MORE", "OF", "MANY"};
  for (int j = 0; j < k; ++j)
    if (!kOpeners.count(WordText(j)) && w(j).kind != WType::kNumber) return false;
  return k <= 3;
}

// Does word `at` open its sentence's subject: first, right after an opening phrase's comma ("On
// Tuesday, its troops ..."), or after a portion and "of" that open it ("Many of its fighters")?
// (OpensSentence reads a determiner or count before an agent; this one a clause's start.)
bool Engine::OpensSubject(int at) const {
  static const WordList kPortions = {"MANY", "SOME", "MOST", "ONE", "ALL", "SEVERAL", "NONE", "FEW", "TWO", "THREE"};
  if (at == 0 || w(at - 1).kind == WType::kComma) return true;
  return at >= 2 && WordText(at - 1) == "OF" && kPortions.count(WordText(at - 2)) > 0 &&
         (at == 2 || w(at - 3).kind == WType::kComma);
}

// Which words lie inside a comma clause that opens with an -ing form (", stressing ...", ",
// saying ...")? An apposition (", the capital of South Kivu,") is not one. Back from each word to
// the first comma, past no other verb: first[k] is that comma, or -1 where a verb comes first.
void Engine::MarkParticipleAsides() {
  s_.aside_comma.assign(static_cast<size_t>(n()), -1);
  int first = -1;
  for (int k = 0; k < n(); ++k) {
    if (w(k).kind == WType::kComma) {
      first = k;
      continue;  // (the comma itself lies in no clause it opens)
    }
    // (A participle clause too long for the comma rules to blank is one all the same, but another
    // verb ends it.)
    if (!w(k).blanked && IsType(k, RootType::kVerb) && w(k).is_head && !(k > 0 && w(k - 1).kind == WType::kComma))
      first = -1;
    // (The harm adjunct, ", killing four soldiers", is coded from its own verb: its words count.)
    if (first >= 0 && first + 1 != s_.harm_adjunct && EndsWith(WordText(first + 1), "ING")) s_.aside_comma[k] = first;
  }
}

// Document coding (dyad): "to" right before a verb opens an infinitive, not a recipient, so a
// pattern's "TO_ +" does not take it ("provided satellite data to target American ships": the
// ships are no recipient). Asked only where a TO element precedes an actor slot.
bool Engine::InfinitiveBeforeActorSlot(const PatternElement* e, int count, int i, int pos) const {
  if (!document || i + 1 >= count || e[i].kind != PatternElement::kWord) return false;
  const PatternElement::Kind next = e[i + 1].kind;
  if (next != PatternElement::kTarget && next != PatternElement::kSource) return false;
  if (WordText(pos) != "TO" || pos + 1 >= n()) return false;
  const Word& after = w(pos + 1);
  return after.typed && after.type == RootType::kVerb && after.is_head && !after.noun && !after.blanked &&
         !EndsWith(WordText(pos + 1), "ING") && !EndsWith(WordText(pos + 1), "ED");
}

bool Engine::FirstWordMatches(const std::vector<PatternElement>& member, int pos, bool exact) const {
  if (member.empty()) return false;
  const PatternElement& f = member[0];
  switch (f.kind) {
    case PatternElement::kWord: return WordMatches(pos, f.id, exact);
    case PatternElement::kSource: case PatternElement::kTarget: case PatternElement::kSkip:
    case PatternElement::kAttrib:
      return IsActor(pos);
    case PatternElement::kSynset:
      for (const auto& mm : d_.synsets()[f.id].members)
        if (FirstWordMatches(mm, pos, exact)) return true;
      return false;
    default:
      return false;
  }
}

bool Engine::BindActorSlot(const PatternElement& e, int p, MatchCtx& m) const {
  if (!IsActor(p)) return false;
  // Document coding (dyad): an object pronoun is no subject of a later verb ("Washington was
  // prolonging it by arming Kyiv": Washington arms Kyiv) unless an infinitive follows it ("allowed
  // it to ...").
  if (document && e.kind == PatternElement::kSource && p >= 1) {
    const std::string_view t = WordText(p);
    if (t == "THEM" || t == "HIM" || t == "IT") {
      const std::string_view before = WordText(p - 1);
      const bool after_verb = (IsType(p - 1, RootType::kVerb) && w(p - 1).is_head && !w(p - 1).noun) ||
                              (!w(p - 1).typed && w(p - 1).kind == WType::kNone && before.size() > 4 &&
                               (EndsWith(before, "ING") || EndsWith(before, "ED")));
      if ((after_verb || t != "IT") && !(p + 1 < n() && WordText(p + 1) == "TO")) return false;
    }
  }
  if (e.kind == PatternElement::kSource) {
    // Document coding (dyad): a source slot on the last member of a list stands for the whole
    // list ("Belarus said Russia and Iran attacked Ukraine": "- &SAID $ *" meets Iran first).
    if (document && Referent(p) == p && w(p).compound >= 0 && s_.compounds[w(p).compound].alive) {
      int first = s_.compounds[w(p).compound].begin;
      while (first < p && !IsActorHead(first)) ++first;
      p = first;
    }
    m.src = {Referent(p) == p ? w(p).head : p, Referent(p)};
    m.src_set = true;
  } else if (e.kind == PatternElement::kTarget) {
    m.tgt = {Referent(p) == p ? w(p).head : p, Referent(p)};
    m.tgt_set = true;
  }
  return true;
}

bool Engine::BindCompound(int p, MatchCtx& m) const {
  if (!IsActor(p) || w(p).compound < 0 || s_.compounds[w(p).compound].begin != p) return false;
  m.src = {p, p};
  m.tgt = m.src;
  m.src_set = m.tgt_set = true;
  return true;
}

bool Engine::TryUp(const PatternElement& e, int* pos, bool exact, MatchCtx& m) const {
  const int p = *pos;
  switch (e.kind) {
    case PatternElement::kWord:
      // Document coding (dyad): a word of a participle clause set aside after a comma is no part of
      // the main verb's phrase ("received Burhan in Ankara, stressing support for ..." is no
      // "receive support"); TABARI matches blanked words, and its own coding keeps that.
      if (document && InParticipleAside(p, m.verb)) return false;
      return WordMatches(p, e.id, exact);
    case PatternElement::kSource:
    case PatternElement::kTarget:
    case PatternElement::kAttrib:
      return BindActorSlot(e, p, m);
    case PatternElement::kCompound: {
      return BindCompound(p, m);
    }
    case PatternElement::kSkip:
      if (!IsActor(p)) return false;
      *pos = std::max(p, w(w(p).head).tail);
      return true;
    case PatternElement::kAlternatives: {
      const auto& g = d_.alt_groups()[e.id];
      for (size_t a = 0; a < g.alts.size(); ++a) {
        int q = p - 1;
        MatchCtx saved = m;
        if (SeqUp(g.alts[a].data(), static_cast<int>(g.alts[a].size()), &q, false, a == 0, m)) {
          *pos = q;
          m.alt_letters += g.alt_lengths[a];
          return true;
        }
        m = saved;
      }
      return false;
    }
    case PatternElement::kSynset: {
      const auto& syn = d_.synsets()[e.id];
      bool first_exact = LinkGap(e.link);  // followed by a blank (or the end): whole first word
      for (size_t k = 0; k < syn.members.size(); ++k) {
        // (A member whose first word is not the text's word fails at it: passed over untried.)
        if (syn.first_words[k] >= 0 && !WordMatches(p, syn.first_words[k], false)) continue;
        const auto& member = syn.members[k];
        int q = p - 1;
        MatchCtx saved = m;
        // First word exactness from the synset's link; the rest by their own links.
        if (SeqUp(member.data(), 1, &q, false, !first_exact, m) &&
            (member.size() == 1 ||
             SeqUp(member.data() + 1, static_cast<int>(member.size() - 1), &q, LinkGap(member[0].link), false, m))) {
          if (member.size() == 1 && first_exact && member[0].kind == PatternElement::kWord &&
              !WordMatches(p, member[0].id, true)) {
            m = saved;
            continue;
          }
          *pos = p;
          return true;
        }
        m = saved;
      }
      return false;
    }
    default:
      return false;
  }
}

bool Engine::SeqDown(const PatternElement* e, int count, int* pos, bool force_first, MatchCtx& m) const {
  for (int i = count - 1; i >= 0; --i) {
    bool exact = LinkWhole(e[i].link);
    bool gap = LinkGap(e[i].link);
    if (i == count - 1 && force_first) gap = false;
    *pos -= 1;
    if (*pos < 0) return false;
    while (!TryDown(e[i], pos, exact, m)) {
      if (!gap) return false;
      *pos -= 1;
      if (*pos < 0) return false;
    }
  }
  return true;
}

// Whether the actor at `p` is the object of a preposition inside a noun phrase whose own actor
// comes first: "Rwanda's support for the M23", "Iranian deliveries to Russia". That phrase is about
// its first actor, so a target slot before the verb ("+ DREW CRITICISM FROM $") skips the second.
// (A phrase with no actor before the preposition, "the attack on Kyiv", keeps its object.)
bool Engine::InsidePossessedPhrase(int p) const {
  static const WordList kInside = {"FOR", "TO", "AGAINST", "WITH", "INTO", "TOWARDS", "TOWARD", "ON"};
  int q = w(p).head >= 0 ? w(p).head : p;
  if (q > 0 && WordText(q - 1) == "THE") --q;
  if (q < 2 || !kInside.count(WordText(q - 1))) return false;
  // The noun the phrase hangs on, then its actor: at most four words back, no finite verb between
  // (verb-typed nouns pass: "Serbia's arms exports to Cyprus"; "attacked", "is" do not).
  static const WordList kClauseWords = {"IS", "ARE", "WAS", "WERE", "HAS", "HAVE", "HAD", "THAT", "WHICH", "WHO"};
  for (int k = q - 2, words = 0; k >= 0 && words < 4; --k, ++words) {
    if (IsActor(k)) return true;
    const std::string_view t = WordText(k);
    if (kClauseWords.count(t) || (IsType(k, RootType::kVerb) && (EndsWith(t, "ED") || EndsWith(t, "ING"))))
      return false;
  }
  return false;
}

bool Engine::TryDown(const PatternElement& e, int* pos, bool exact, MatchCtx& m) const {
  const int p = *pos;
  switch (e.kind) {
    case PatternElement::kWord:
      return WordMatches(p, e.id, exact);
    case PatternElement::kTarget:
      if (document && InsidePossessedPhrase(p)) return false;
      return BindActorSlot(e, p, m);
    case PatternElement::kSource:
    case PatternElement::kAttrib:
      return BindActorSlot(e, p, m);
    case PatternElement::kCompound: {
      return BindCompound(p, m);
    }
    case PatternElement::kSkip:
      if (!IsActor(p)) return false;
      *pos = w(p).head;
      return true;
    case PatternElement::kAlternatives: {
      const auto& g = d_.alt_groups()[e.id];
      for (size_t a = g.alts.size(); a-- > 0;) {
        int q = p + 1;
        MatchCtx saved = m;
        if (SeqDown(g.alts[a].data(), static_cast<int>(g.alts[a].size()), &q, true, m)) {
          *pos = q;
          m.alt_letters += g.alt_lengths[a];
          return true;
        }
        m = saved;
      }
      return false;
    }
    case PatternElement::kSynset: {
      const auto& syn = d_.synsets()[e.id];
      bool first_exact = LinkGap(e.link);
      for (int dpos = p; dpos >= 0; --dpos)
        for (size_t k = 0; k < syn.members.size(); ++k) {
          // (As in TryUp: a member whose first word the text's word is not is passed over.)
          if (syn.first_words[k] >= 0 && !WordMatches(dpos, syn.first_words[k], false)) continue;
          if (FirstWordMatches(syn.members[k], dpos, first_exact)) {
            *pos = dpos;
            return true;
          }
        }
      return false;
    }
    default:
      return false;
  }
}

bool Engine::MatchPattern(const Pattern& p, int head, int tail, int end, MatchCtx& m) const {
  if ((p.required_mask & ~s_.word_mask) != 0) return false;
  m.verb = head;
  for (int32_t req : p.required)
    if (s_.stamp[req] != s_.epoch) return false;
  // A synset or alternative element none of whose witness words occurs cannot match.
  for (int32_t set : p.witnesses) {
    if (s_.witness_seen[set] != s_.epoch) {
      bool any = false;
      for (int32_t word : d_.witness_sets()[set])
        if (s_.stamp[word] == s_.epoch) {
          any = true;
          break;
        }
      s_.witness_seen[set] = s_.epoch;
      s_.witness_ok[set] = any;
    }
    if (!s_.witness_ok[set]) return false;
  }
  m.end = end;
  int pos = tail;
  if (!SeqUp(p.upper.data(), static_cast<int>(p.upper.size()), &pos, LinkGap(p.verb_link), false, m)) return false;
  pos = head;
  return SeqDown(p.lower.data(), static_cast<int>(p.lower.size()), &pos, false, m);
}

// ---------------------------------------------------------------- coding

Problem Engine::TimeShift() {
  for (int i = 0; i < n(); ++i) {
    const Word& wd = w(i);
    if (!wd.is_head || wd.blanked || !wd.typed || wd.type != RootType::kTime) continue;
    const auto& entry = d_.verbs()[d_.roots()[wd.root].entry];
    const EventCode* code = nullptr;
    if (entry.patterns >= 0) {
      for (int32_t pi : d_.pattern_lists()[entry.patterns]) {
        const Pattern& p = d_.patterns()[pi];
        MatchCtx m;
        if (MatchPattern(p, i, wd.tail, n() - 1, m)) {
          if (p.code.kind == CodeKind::kNull) continue;
          code = &p.code;
          break;
        }
      }
    }
    if (!code) code = &entry.code;
    if (code->kind == CodeKind::kNull) continue;
    if (code->kind == CodeKind::kDiscard) return Problem::kDiscard;
    if (code->kind == CodeKind::kComplex) return Problem::kComplex;
    if (shifted_.valid()) shifted_ = shifted_.AddDays(code->shift);
    return Problem::kNone;
  }
  return Problem::kNone;
}

void Engine::AddEvents(const ActorVal& src, const ActorVal& tgt, const EventCode& code, int v, int pattern,
                       int entry, bool* produced) {
  auto push1 = [&](const ActorVal& s, const ActorVal& t, CodeKind kind, const std::string& c, bool sub, bool dom) {
    if (static_cast<int>(s_.events.size()) >= kMaxEvents) return;
    RawEvent e;
    e.src = s;
    e.tgt = t;
    e.code = c;
    e.kind = kind;
    e.sub = sub;
    e.dom = dom;
    e.verb = v;
    e.pattern = pattern;
    e.verb_entry = entry;
    s_.events.push_back(std::move(e));
    if (kind != CodeKind::kNull && !sub) *produced = true;
  };
  auto push = [&](const ActorVal& s, const ActorVal& t) {
    push1(s, t, code.kind, code.code, code.sub, code.dom);
    if (code.paired) push1(t, s, code.kind2, code.code2, code.sub2, code.dom2);
  };
  // An actor that stands for its whole compound: one event per member.
  auto compound_head = [&](const ActorVal& a) {
    if (!a.set || a.dflt || !a.compound_all || a.word < 0) return -1;
    const int head = w(Referent(a.word)).head;
    return w(head).compound >= 0 ? head : -1;
  };
  // (Most events join two single actors: no vectors of copies for them.)
  if (compound_head(src) < 0 && compound_head(tgt) < 0) {
    push(src, tgt);
    return;
  }
  std::vector<ActorVal> ss, ts;
  auto expand = [&](const ActorVal& a, std::vector<ActorVal>* out) {
    const int head = compound_head(a);
    if (head < 0) {
      out->push_back(a);
      return;
    }
    const size_t first = out->size();
    for (int mbr : CompoundMembers(head)) {
      ActorVal x = MakeActor(mbr, mbr, true);  // each member with its own agent lookup
      x.compound_all = false;
      out->push_back(std::move(x));
    }
    if (document) ShareCompoundAgent(out->data() + first, out->size() - first);
  };
  expand(src, &ss);
  expand(tgt, &ts);
  for (const auto& s : ss)
    for (const auto& t : ts)
      // (A member is no partner of itself, whatever agent it took from the compound.)
      if (!(s.word >= 0 && s.word == t.word && !s.dflt && !t.dflt)) push(s, t);
}

void Engine::CodeVerb(int v, int cb, int ce, bool* stop_clause) {
  const Word& vw = w(v);
  const int32_t entry_id = d_.roots()[vw.root].entry;
  const auto& entry = d_.verbs()[entry_id];
  target_ = ActorVal();
  if (passive_) {
    source_ = ActorVal();
    passive_ = false;
  }
  const EventCode* code = &entry.code;
  int pattern_id = -1;
  MatchCtx chosen;
  bool pattern_actors = false;
  if (entry.patterns >= 0) {
    bool have_alt = false;
    int actual = 0;
    const auto& filters = d_.pattern_list_filters()[entry.patterns];
    // Sentence state the filter reads, in locals: MatchPattern does not change it.
    const uint64_t word_mask = s_.word_mask;
    const uint32_t* const stamp = s_.stamp.data();
    const uint32_t epoch = s_.epoch;
    const uint64_t absent = ~word_mask;
    const auto* f = filters.data();
    const auto* const f_end = f + filters.size();
    for (; f != f_end; ++f) {
      if (!have_alt) {
        // Skip the patterns with a required word absent (MatchPattern would reject them).
        while ((f->mask & absent) != 0 || (f->key >= 0 && stamp[f->key] != epoch))
          if (++f == f_end) break;
        if (f == f_end) break;
      }
      const int32_t pi = f->pattern;
      const Pattern& p = d_.patterns()[pi];
      if (have_alt && p.length <= actual) break;
      MatchCtx m;
      if (!MatchPattern(p, v, vw.tail, ce, m)) continue;
      code = &p.code;
      pattern_id = pi;
      chosen = m;
      if (!p.has_alts) break;
      have_alt = true;
      actual = p.length - p.alt_allowance + m.alt_letters;
    }
  }
  if (chosen.src_set) {
    source_ = MakeActor(chosen.src.found, chosen.src.around, true);
    source_.from_pattern = true;
    pattern_actors = true;
  }
  if (chosen.tgt_set) {
    target_ = MakeActor(chosen.tgt.found, chosen.tgt.around, true);
    target_.from_pattern = true;
    pattern_actors = true;
  }
  // Document coding: a stated readiness or resolve to use force is a threat of force (CAMEO 138),
  // whichever words say the force: "ready to take part in combat operations", "prepared to
  // join the war". The intent entry's own code (03x) is kept for anything else.
  if (document && pattern_id < 0 && code->kind == CodeKind::kNormal && StartsWith(code->code, "03")) {
    static const EventCode kThreatOfForce = [] {
      EventCode c;
      c.kind = CodeKind::kNormal;
      c.code = "138";
      return c;
    }();
    for (int k = vw.tail + 1; k <= ce && k <= vw.tail + 3; ++k) {
      if (!IsType(k, RootType::kVerb) || !w(k).is_head) continue;
      const std::string_view then = CodeOfVerb(k, ce);
      if (StartsWith(then, "18") || StartsWith(then, "19") || StartsWith(then, "20")) code = &kThreatOfForce;
      break;
    }
  }
  if (code->kind == CodeKind::kNull && !code->paired) {
    RawEvent e;
    e.kind = CodeKind::kNull;
    e.code = "---";
    e.verb = v;
    e.pattern = pattern_id;
    e.verb_entry = entry_id;
    if (static_cast<int>(s_.events.size()) < kMaxEvents) s_.events.push_back(std::move(e));
  } else {
    // Document coding: a passive verb takes its source from the "by" phrase and its target from
    // its subject ("The convoy was shelled by Russian forces": Russia acts; "The RSF was supplied
    // with drones by the UAE": the UAE supplies the RSF). With no "by" phrase, the subject of
    // violence suffers it ("Belarusians have been killed", below). The owner of what is sent,
    // supplied or deployed stays its source ("Iranian drones were delivered to Russia").
    bool passive_settled = false;
    bool by_agent = false;  // the source is a passive verb's "by" phrase
    // (A pattern naming both sides settles them itself: "+ WERE_ * BY_ $".)
    const int aux = document && !(chosen.src_set && chosen.tgt_set) ? PassiveAuxiliary(v, cb) : -1;
    if (aux >= 0) {
      int agent = -1, subject = -1;
      for (int k = vw.tail + 1; k <= ce && agent < 0; ++k) {
        if (WordText(k) != "BY") continue;
        // ("by way of Chad", "by means of drones": a route or a means, no agent.)
        if (k + 2 <= ce && (WordText(k + 1) == "WAY" || WordText(k + 1) == "MEANS") && WordText(k + 2) == "OF") break;
        for (int j = k + 1; j <= ce && j <= k + 4; ++j)
          if (IsActorHead(j)) {
            agent = j;
            break;
          }
        break;
      }
      for (int k = aux - 1; k >= cb; --k)
        if (IsActorHead(k)) {
          subject = k;
          break;
        }
      // ("Iranian missiles were fired by Russian forces at Odesa": the maker of a weapon used in
      // force is not what the force is used against; the target follows the verb.)
      int weapon_owner = -1;
      if (subject >= 0 && RootBetween(code->code, "18", "20")) {
        const int tail = w(subject).tail >= 0 ? w(subject).tail : subject;
        if (tail + 1 < n() && (IsWeaponWord(WordText(tail + 1)) || WordText(tail + 1) == "ARTILLERY" ||
                               (tail + 2 < n() && IsWeaponWord(WordText(tail + 2))))) {
          weapon_owner = subject;
          subject = -1;
        }
      }
      // ... but with no "by" phrase the weapons' owner fired them ("Russian Iskander missiles were
      // fired at Ukrainian targets"), at whoever follows "at/on/against/into".
      bool by_phrase = false;
      for (int k = vw.tail + 1; k <= ce && !by_phrase; ++k) by_phrase = WordText(k) == "BY";
      if (weapon_owner >= 0 && !by_phrase) {
        source_ = MakeActor(weapon_owner, weapon_owner, true);
        regular_source_ = true;
        target_ = ActorVal();
        for (int k = vw.tail + 1; k + 1 <= ce && !target_.set; ++k) {
          const std::string_view t = WordText(k);
          if (t != "AT" && t != "ON" && t != "AGAINST" && t != "INTO" && t != "TOWARDS") continue;
          for (int j = k + 1; j <= ce && j <= k + 3; ++j)
            if (IsActorHead(j)) {
              ActorVal struck = MakeActor(j, j, true);
              if (!SameActor(struck, source_)) {
                target_ = struck;
                regular_target_ = true;
              }
              break;
            }
        }
        passive_settled = true;
      }
      ActorVal patient = subject >= 0 ? MakeActor(subject, subject, true) : source_;
      if (agent >= 0) {
        source_ = MakeActor(agent, agent, true);
        regular_source_ = true;
        by_agent = true;
        // What is given goes to whoever follows "to" ("howitzers found in Darfur had been
        // re-exported to the RSF by the UAE"): the receiver, not a place in the subject.
        if (!target_.set && (StartsWith(code->code, "06") || StartsWith(code->code, "07"))) {
          for (int k = vw.tail + 1; k < agent && k <= ce; ++k) {
            if (WordText(k) != "TO") continue;
            for (int j = k + 1; j < agent && j <= k + 3; ++j)
              if (IsActorHead(j)) {
                ActorVal receiver = MakeActor(j, j, true);
                if (!SameActor(receiver, source_)) {
                  target_ = receiver;
                  regular_target_ = true;
                }
                break;
              }
            break;
          }
        }
        if (!target_.set && patient.set && !SameActor(patient, source_)) {
          target_ = patient;
          regular_target_ = true;
        }
        passive_settled = true;
      } else if (subject < 0 && !source_.set && (StartsWith(code->code, "06") || StartsWith(code->code, "07"))) {
        // Something given by no one named, with no owner before the verb ("Weapons were funnelled
        // to the RSF through Chad"): the receiver or a place after the verb never gives it.
        // Document coding (dyad): what was sent from a state was sent by it ("Drones were shipped
        // from Iran to Russia"), to whoever follows "to".
        int from = -1, to = -1;
        for (int k = vw.tail + 1; document && k + 1 <= ce; ++k) {
          const std::string_view t = WordText(k);
          if (t != "FROM" && t != "TO") continue;
          for (int j = k + 1; j <= ce && j <= k + 3; ++j)
            if (IsActorHead(j)) {
              int& slot = t == "FROM" ? from : to;
              if (slot < 0) slot = j;
              break;
            }
        }
        if (from < 0) {
          source_ = ActorVal();
          target_ = ActorVal();
          passive_ = false;
          return;
        }
        source_ = MakeActor(from, from, true);
        regular_source_ = true;
        target_ = ActorVal();
        if (to >= 0) {
          ActorVal receiver = MakeActor(to, to, true);
          if (!SameActor(receiver, source_)) {
            target_ = receiver;
            regular_target_ = true;
          }
        }
        passive_settled = true;
      } else if (subject >= 0 && (StartsWith(code->code, "11") || StartsWith(code->code, "12") ||
                                  StartsWith(code->code, "13") || StartsWith(code->code, "16") ||
                                  StartsWith(code->code, "01") || StartsWith(code->code, "02") ||
                                  StartsWith(code->code, "04") || StartsWith(code->code, "05") ||
                                  StartsWith(code->code, "09") || StartsWith(code->code, "10"))) {
        // A named state criticised, rejected, threatened or sanctioned by no one named: no event.
        // So for what is said, asked, met, endorsed, investigated or demanded: "The transfer of
        // Iranian missiles to Russia was confirmed by Western intelligence" is no statement by
        // Russia or Iran; "Russia was invited to the talks" names no host.
        source_ = ActorVal();
        target_ = ActorVal();
        passive_ = false;
        return;
      } else if (subject >= 0 && !(chosen.tgt_set && StartsWith(code->code, "06")) &&
                 (StartsWith(code->code, "17") || StartsWith(code->code, "18") ||
                  StartsWith(code->code, "19") || StartsWith(code->code, "20") ||
                  StartsWith(code->code, "06"))) {
        // (Not when the pattern names whom the cooperation is for, "were stationed in Sanaa to
        // advise Houthi commanders": those sent act, for that target.)
        // (Cooperation too: "Russian personnel were trained in Iran" is Iran's training of them.)
        // Violence with no named agent: the named victim is the target, and, as in PLOVER's
        // convention for unidentified perpetrators, the place where it happened gives the
        // source's country ("Belarusian volunteers were killed in Bakhmut"); with no place, no event.
        ActorVal where;
        const int place = PlaceIn(vw.tail + 1, ce, &where);
        const bool cooperation = StartsWith(code->code, "06");
        if (place < 0 && !cooperation) {
          source_ = ActorVal();
          target_ = ActorVal();
          passive_ = false;
          return;
        }
        // (Cooperation with no place: the owner of who was sent stays the source, below:
        // "Chinese technicians were sent to Iran".)
        if (place >= 0) {
          source_ = std::move(where);
          regular_source_ = true;
          target_ = patient;
          regular_target_ = true;
          passive_settled = true;
        }
      }
    }
    // Document coding (dyad): a source carried over from a report verb earlier in the clause ("Kyiv
    // said ...") is not the subject of a content that has an unnamed subject of its own.
    if (document && source_.set && !source_.dflt && !source_.from_pattern && source_.word >= 0 && source_.word < v) {
      const int head = w(Referent(source_.word)).head >= 0 ? w(Referent(source_.word)).head : source_.word;
      if (SpeakerBeforeUnnamedSubject(head, v)) source_ = ActorVal();
    }
    // ... nor of a relative clause on a plain noun ("..., adding companies to the annex of
    // entities that directly support Russia's military").
    const bool relative_on_plain_noun =
        document && (RelativeOnPlainNoun(v) || (aux < 0 && ReducedRelativeOnPlainNoun(v, cb)));
    if (relative_on_plain_noun && source_.set && !source_.dflt && !source_.from_pattern && source_.word >= 0 &&
        source_.word < v)
      source_ = ActorVal();
    // Document coding (dyad): "let X do": X is the one who does it ("Minsk let Russian forces
    // launch their assault from Belarusian soil": Russia launches it, Minsk lets it).
    if (document && !source_.set) {
      const int subject = LetSubject(cb, v);
      if (subject >= 0) {
        source_ = MakeActor(subject, subject, true);
        regular_source_ = true;
      }
    }
    // Regular source.
    if (!source_.set) {
      // (Accusations and appeals make an object their target, below.)
      const bool object_no_source = document && aux < 0 && !StartsWith(code->code, "112") &&
                                    !StartsWith(code->code, "02") && !StartsWith(code->code, "10");
      const bool agent_subject = object_no_source && AgentSubject(v);
      for (int k = cb; k <= ce; ++k) {
        if (!IsActorHead(k)) continue;
        if (o_.default_prior && !o_.default_source.empty() && k > v) {
          source_ = DefaultActor(o_.default_source);
          break;
        }
        // Document coding (dyad): force has its subject before the verb; an actor after an active
        // verb of force is what it struck or where ("the missile that struck Zaporizhzhia was a
        // North Korean KN-23" names no attacker, least of all Ukraine). (Passives are settled above.)
        if (document && k > v && aux < 0 && RootBetween(code->code, "18", "20"))
          break;
        // Document coding (dyad): nor is the object of any other active verb ("The ministry
        // thanked Russia and Ukraine" names no thanks from Russia to Ukraine; "the deal gives
        // Russia access to Iranian ports" no gift of Russia's). A thing may bind a pair to
        // cooperate ("The pact commits Iran and Russia to ..."): the pair acts towards each other.
        // ... and no actor after a verb whose subject is an agent of no named state ("The finance
        // ministry banned the re-export to Russia of cars" names no ban of Russia's).
        if (object_no_source && k > vw.tail &&
            (agent_subject ||
             (ObjectOfActiveVerb(k, v, vw.tail) && (w(k).compound < 0 || !RootBetween(code->code, "03", "06")))))
          break;
        // Document coding (dyad): nor is anyone before a relative pronoun whose antecedent is a
        // plain noun ("the EU listed entities that support Russia's army" names no support of
        // the EU's).
        if (relative_on_plain_noun) break;
        // Document coding: "According to Lukashenko's plan, they were to..." -- a possessor
        // ("Lukashenko's plan") gives way to a later actor before the verb that is no possessor.
        if (document && k < v && IsSingularPossessor(k)) {
          // (An actor after a preposition is no subject: in "Russia's attack on Kyiv killed 20
          // people" the possessor stays.)
          bool later = false;
          // ("Lukashenko's idea was for the mercenaries to train the army": "for X to V" makes X
          // the subject of V.)
          for (int j = k + 1; j < v && !later; ++j)
            later = IsActorHead(j) && !IsSingularPossessor(j) && (!AfterPreposition(j) || ForInfinitiveSubject(j, v));
          if (later) continue;
        }
        // Document coding (dyad): an origin is never the one acting ("Iskander missiles fired
        // from Belarusian territory hit Chernihiv" names no attacker).
        // (Only a place: "from Belarusian territory / airspace / soil". "Cargo planes from the
        // Emirates" and "opposition forces from Belarus" name who acts.)
        const int after = (w(k).tail >= 0 ? w(k).tail : k) + 1;
        const std::string_view place_word = after < n() ? WordText(after) : std::string_view();
        const bool place = place_word == "TERRITORY" || place_word == "AIRSPACE" || place_word == "SOIL" ||
                           place_word == "AIRFIELDS" || place_word == "AIRFIELD" || place_word == "BASES";
        if (document && place && k > 0 &&
            (WordText(k - 1) == "FROM" || (k > 1 && WordText(k - 2) == "FROM" && WordText(k - 1) == "THE")))
          continue;

        // Document coding (dyad): the speaker of a report is not the subject of what it reports
        // when that has a subject of its own the dictionaries do not know: "Kyiv said a company had
        // shipped fuel to the Russian army" names no supplier (not Kyiv). The search stops.
        if (document && k < v && SpeakerBeforeUnnamedSubject(k, v)) break;
        // Document coding (dyad): the one told, right before a "that" clause that opens with a
        // gerund, does not do what the gerund names ("Kim told Putin that sending troops to Russia
        // was a duty": no Russian deployment); the search goes on to the speaker.
        if (document && k < v) {
          const int tail = w(k).tail >= 0 ? w(k).tail : k;
          if (tail + 2 == v && WordText(tail + 1) == "THAT" && EndsWith(WordText(v), "ING")) continue;
        }
        // Document coding (dyad): an actor opening a "that" clause right before the verb is its
        // subject ("Pyongyang repeated Moscow's claim that the West is fighting a proxy war": the
        // West fights, not Pyongyang).
        if (document && k < v) {
          static const WordList kBetween = {"IS", "ARE", "WAS", "WERE", "HAS", "HAVE", "HAD", "WILL", "WOULD", "COULD",
                                            "MAY", "MIGHT", "CAN", "SHOULD", "BE", "BEEN", "NOT", "NEVER", "ALSO",
                                            "STILL", "ALREADY", "NOW"};
          bool that_subject = false;
          for (int j = k + 1; j < v && !that_subject; ++j) {
            if (!IsActorHead(j) || w(j).blanked) continue;
            const int before = j >= 1 && WordText(j - 1) == "THE" ? j - 2 : j - 1;
            if (before < 0 || WordText(before) != "THAT") continue;
            bool plain = true;
            for (int q = (w(j).tail >= 0 ? w(j).tail : j) + 1; q < v && plain; ++q)
              plain = kBetween.count(WordText(q)) > 0 || EndsWith(WordText(q), "LY");
            that_subject = plain;
          }
          if (that_subject) continue;
        }
        // Document coding (dyad): the maker named before a weapon noun is not the subject when
        // another actor acts before the verb ("North Korean shells account for much of the
        // artillery Russia fires at Ukrainian positions").
        if (document && k < v) {
          const int tail = w(k).tail >= 0 ? w(k).tail : k;
          if (tail + 1 < n() && (IsWeaponWord(WordText(tail + 1)) || WordText(tail + 1) == "ARTILLERY")) {
            // (So does the one who used them: "Iranian drones launched by Russia struck Kyiv".)
            static const WordList kUsedBy = {"USED", "FIRED", "LAUNCHED", "OPERATED", "FLOWN", "PILOTED"};
            bool later = false;
            for (int j = tail + 1; j < v && !later; ++j)
              later = IsActorHead(j) && (!AfterPreposition(j) || (j >= 2 && WordText(j - 1) == "BY" &&
                                                                  kUsedBy.count(WordText(j - 2)) > 0));
            if (later) continue;
          }
        }
        ActorVal a = MakeActor(k, k, true);
        if (target_.set && SameActor(a, target_)) continue;
        source_ = a;
        regular_source_ = true;
        break;
      }
      if (!source_.set && !o_.default_source.empty()) source_ = DefaultActor(o_.default_source);
    }
    // Regular target.
    if (!target_.set && source_.set) {
      // Document coding (dyad): "Rwanda and Congo signed a peace agreement in Washington": with a
      // compound subject, a place after "in"/"at" is where the members acted towards each other
      // (verbal and cooperative acts), not the target.
      const bool compound_source =
          document && !source_.dflt && source_.word >= 0 && w(w(Referent(source_.word)).head).compound >= 0;
      const bool verbal = code->code.size() >= 2 && CompareRoot(code->code, "09") <= 0;
      // ... and for a meeting or talks, whoever meets: "NATO leaders meeting in Washington", "the
      // ministers met in Doha" (a visit, 042, goes to the place).
      const bool meeting = document && ((StartsWith(code->code, "04") && !StartsWith(code->code, "042")) ||
                                        StartsWith(code->code, "036"));
      // ... and what is given is never given to whom it is to be used against ("weapons for use
      // against Ukraine").
      const bool giving = document && (StartsWith(code->code, "06") || StartsWith(code->code, "07"));
      // ... and hostility has its target after "against", not where it happened: "Ugandan troops
      // are fighting in Congo against the ADF" (but "deplored Pyongyang's role in the war against
      // Ukraine" names its target first).
      const bool hostile = document && RootBetween(code->code, "11", "20");
      bool venue_first = false;
      for (int k = vw.tail + 1; hostile && k <= ce; ++k) {
        if (!IsActorHead(k) || w(k).blanked) continue;
        static const WordList kVenue = {"IN", "INSIDE", "AT", "ACROSS", "THROUGHOUT", "NEAR", "WITHIN"};
        int p = k - 1;
        if (p > 0 && WordText(p) == "THE") --p;
        venue_first = kVenue.count(WordText(p)) > 0;
        break;
      }
      if (venue_first)
        for (int k = vw.tail + 1; k <= ce && !target_.set; ++k) {
          if (!IsActorHead(k) || w(k).blanked) continue;
          int p = k - 1;
          if (p > 0 && WordText(p) == "THE") --p;
          if (WordText(p) != "AGAINST") continue;
          ActorVal a = MakeActor(k, k, true);
          if (SameActor(a, source_)) continue;
          target_ = a;
          regular_target_ = true;
        }
      std::string joined_owner;  // the country whose offensive the source joins ("Russia's offensive")
      // A witness or go-between named after the verb: "in the presence of", "brokered by".
      int witness_from = -1;
      for (int j = vw.tail + 2; compound_source && verbal && j <= ce && witness_from < 0; ++j) {
        const std::string_view a = WordText(j - 1), b = WordText(j);
        if ((b == "OF" && (a == "PRESENCE" || a == "AUSPICES" || a == "MEDIATION")) ||
            (b == "BY" && (a == "BROKERED" || a == "MEDIATED" || a == "HOSTED" || a == "WITNESSED" ||
                           a == "FACILITATED")))
          witness_from = j;
      }
      for (int k = vw.tail + 1; k <= ce && !target_.set; ++k) {
        if (!IsActorHead(k)) continue;
        // (A possessor before a relation and the one so related names the latter: "accused
        // Russia's ally Belarus", "sanctioned Moscow's ally Minsk", "warned Tehran's proxies the
        // Houthis".)
        if (document && RelatedAfterPossessor(k) >= 0) continue;
        // (Who imposed the sanctions joined is a co-sanctioner, not their target: "Georgia joined
        // the sanctions imposed by the EU on Russia".)
        if (document && StartsWith(code->code, "16") && k >= 2) {
          int by = k - 1;
          if (by >= 1 && WordText(by) == "THE") --by;
          if (by >= 1 && WordText(by) == "BY" && EndsWith(WordText(by - 1), "ED")) continue;
        }
        // (Whose offensive it is names who wages it, not its target: "launch their assault on
        // Kyiv", "began its offensive against Kharkiv".)
        if (document && k + 1 < n() && (WordText(k) == "THEIR" || WordText(k) == "ITS") &&
            kOwnActs.count(WordText(k + 1)))
          continue;
        if (giving && k > 0) {
          int p = k - 1;
          if (p > 0 && WordText(p) == "THE") --p;
          if (WordText(p) == "AGAINST") continue;
        }
        // (A partner after "together with", "along with", "jointly with" or "alongside" acts with
        // the subject, not on it: "Minsk voted against the text together with Russia, North Korea
        // and Syria" is no criticism of them. Statements, appeals, criticism, rejection, threats,
        // protest and sanctions only: a cooperative act may have its counterpart there ("held
        // exercises together with Belarus"), and fighting alongside has its own reading.)
        if (document && k >= 2 &&
            (RootBetween(code->code, "01", "02") || RootBetween(code->code, "11", "14") || StartsWith(code->code, "16"))) {
          int p = k - 1;
          if (WordText(p) == "THE") --p;
          const std::string_view before = p >= 1 ? WordText(p - 1) : std::string_view();
          const bool partner = WordText(p) == "ALONGSIDE" ||
                               (WordText(p) == "WITH" && (before == "TOGETHER" || before == "ALONG" || before == "JOINTLY"));
          if (partner) {
            // (Every member of a list of partners: "together with Russia, North Korea and Syria".)
            const int c = w(w(Referent(k)).head).compound;
            if (c >= 0) k = std::max(k, s_.compounds[c].end);
            if (w(k).tail > k) k = w(k).tail;
            continue;
          }
        }
        // ... and what is backed, praised or given is an operation, not the place it is in ("supported
        // the offensive in South Kivu", "praised the operation in Kursk"): the place is its venue.
        if (document && verbal && k >= 3) {
          // (Nouns only: "fighting in North Kivu" is a verb whose place may be what is denied.)
          static const WordList kOperations = {"OFFENSIVE", "OFFENSIVES", "OPERATION", "OPERATIONS",
                                               "CAMPAIGN",  "WAR",        "INCURSION"};
          int p = k - 1;
          if (WordText(p) == "THE") --p;
          if ((WordText(p) == "IN" || WordText(p) == "INSIDE") && kOperations.count(WordText(p - 1))) continue;
        }
        // ... and force is never used against the maker of the weapon it is used with ("Russian
        // forces used Iranian drones against Ukrainian power plants").
        if (document && RootBetween(code->code, "18", "20")) {
          // (Only as the instrument: "shot down an Emirati drone" is force against its owner.)
          static const WordList kUse = {"USED",  "USING", "USES",     "FIRED",     "FIRING",
                                                          "FIRES", "WITH",  "LAUNCHED", "LAUNCHING", "LAUNCHES"};
          int before = k - 1;
          if (before > 0 && WordText(before) == "THE") --before;
          const int tail = w(k).tail >= 0 ? w(k).tail : k;
          // (Up to two words name the model: "using Indian Pinaka rocket launchers".)
          bool weapon_after = false;
          for (int j = tail + 1; j < n() && j <= tail + 3 && !weapon_after && w(j).kind != WType::kComma && w(j).kind != WType::kQuote; ++j)
            weapon_after = IsWeaponWord(WordText(j));
          if (before >= 0 && kUse.count(WordText(before)) && weapon_after) continue;
          // ... nor against the one whose offensive or war it joins ("Belarusian troops could join
          // Russia's offensive"): the possessor of the attack is its owner, not its target.
          static const WordList kAttackNouns = {"OFFENSIVE", "OFFENSIVES", "INVASION", "WAR", "ATTACK", "ATTACKS",
                                                "ASSAULT", "CAMPAIGN", "OPERATION", "OPERATIONS", "AGGRESSION"};
          // (Only for joining: "repelled Russia's offensive" is force against its owner.) A place
          // in the owner's land is where it was joined: "joined Russia's offensive in Kursk".
          const std::string_view verb = WordText(v);
          const bool joining = StartsWith(verb, "JOIN") || StartsWith(verb, "PARTICIPAT") || verb == "TOOK" ||
                               verb == "TAKE" || verb == "TAKES" || verb == "TAKING";
          const std::string_view owner = WordText(tail);
          bool owns_attack = false;
          if (joining && owner.size() > 2 && EndsWith(owner, "'S"))
            for (int j = tail + 1; j < n() && j <= tail + 2 && !owns_attack; ++j)
              owns_attack = kAttackNouns.count(WordText(j)) > 0;
          if (owns_attack) {
            joined_owner = MakeActor(k, k, true).code.substr(0, 3);
            continue;
          }
          const std::string_view place_word = WordText(before);
          if (!joined_owner.empty() && (place_word == "IN" || place_word == "AT" || place_word == "ON") &&
              MakeActor(k, k, true).code.compare(0, 3, joined_owner) == 0)
            continue;
        }
        if (((compound_source && verbal) || meeting) && k > 0) {
          int p = k - 1;
          if (p > 0 && (WordText(p) == "THE" || WordText(p) == "A" || WordText(p) == "AN")) --p;
          // ("held joint drills near the Polish border": a place by any preposition of place.)
          static const WordList kPlace = {"IN", "AT", "NEAR", "ALONG", "OUTSIDE", "INSIDE", "OFF"};
          if (kPlace.count(WordText(p))) continue;
          // ... nor, for members talking to each other, what they talk about ("Israel and Lebanon
          // renewed negotiations on an Israeli troop pullback").
          static const WordList kTopic = {"ON", "ABOUT", "OVER", "REGARDING", "CONCERNING"};
          if (compound_source && kTopic.count(WordText(p))) continue;
          // ... nor a witness or go-between: "signed ... in the presence of US Secretary of State
          // Rubio", "under the auspices of the AU", "brokered by Qatar".
          if (witness_from >= 0 && k > witness_from) continue;
        }
        ActorVal a = MakeActor(k, k, true);
        if (SameActor(a, source_)) continue;
        // ... nor another member of the source's own compound, for force or a one-sided act: "The
        // town was shelled by Rwandan troops and the M23" (a passive's agents after the verb).
        if (document && !source_.dflt && source_.word >= 0 && w(k).compound >= 0 &&
            w(k).compound == w(w(Referent(source_.word)).head).compound &&
            (RootBetween(code->code, "15", "20") || OneSidedAct(code->code)))
          continue;
        // ... and a place in one member's own country is where the members acted, not against
        // whom: "Ugandan troops and the Congolese army attacked camps in Ituri".
        if (compound_source && k > 0 && a.code.size() >= 3) {
          int p = k - 1;
          if (p > 0 && WordText(p) == "THE") --p;
          bool own_place = false;
          if (WordText(p) == "IN" || WordText(p) == "AT") {
            const Compound& cp = s_.compounds[w(w(Referent(source_.word)).head).compound];
            for (int m = cp.begin; m <= cp.end && !own_place; ++m)
              if (IsActorHead(m)) own_place = MakeActor(m, m, true).code.compare(0, 3, a.code, 0, 3) == 0;
          }
          if (own_place) continue;
        }
        target_ = a;
        regular_target_ = true;
        break;
      }
      if (!target_.set && document) target_ = FreeAgentVictim(*code, v, cb, ce);
      if (!target_.set) {
        if (o_.default_after && !o_.default_target.empty()) {
          target_ = DefaultActor(o_.default_target);
        } else {
          // (Document coding: with force, a member of the source's own compound is its ally.)
          const bool force = document && RootBetween(code->code, "15", "20");
          // (... and one that appeals, criticises or sanctions with it does not address it: below.)
          const bool one_sided = document && OneSidedAct(code->code);
          const int source_compound =
              source_.word >= 0 && !source_.dflt ? w(w(Referent(source_.word)).head).compound : -1;
          for (int k = v - 1; k >= cb; --k) {
            if (!IsActor(k)) continue;
            int h = w(k).head;
            // (Nor the maker of the weapons used: "Iranian missiles were fired at Odesa".)
            const int t = w(h).tail >= 0 ? w(h).tail : h;
            if (force && t + 1 < n() && IsWeaponWord(WordText(t + 1))) {
              k = h;
              continue;
            }
            ActorVal a = MakeActor(h, Referent(h), true);
            if (SameActor(a, source_) || ((force || one_sided) && source_compound >= 0 && w(h).compound == source_compound)) {
              k = h;
              continue;
            }
            target_ = a;
            regular_target_ = true;
            break;
          }
        }
      }
      if (!target_.set) {
        bool coded_compound = source_.code.find('/') != std::string::npos;
        bool parsed_member = !source_.dflt && source_.word >= 0 && w(w(Referent(source_.word)).head).compound >= 0;
        // Document coding (dyad): members of a subject that uses force together ("Ugandan and
        // Congolese forces conducted operations against the ADF") are allies, not each other's
        // targets.
        const bool together_in_force =
            document && RootBetween(code->code, "15", "20");
        // ... nor do members that appeal, demand, criticise, reject, threaten or protest together
        // address it to each other ("Russia and Belarus condemned the sanctions"): a one-sided act
        // with no named addressee.
        const bool one_sided_together = document && OneSidedAct(code->code);
        if ((coded_compound || parsed_member) && !together_in_force && !one_sided_together) {
          target_ = source_;
        } else if (!o_.default_source.empty() && !o_.default_target.empty()) {
          target_ = DefaultActor(o_.default_target);
        }
      }
    }
    // Document coding (dyad): the accused stands between "accuse" and its "of" ("Kyiv accused the
    // company of helping Russia" accuses no Russia): an actor after that "of" is in the charge,
    // whose acts are the accused's, not the accuser's (the clause's verbs stop here).
    // (Only an active accusation by a subject before it: "the UAE stands accused of being ..." and
    // "the report accused Pyongyang of ..." are read below.)
    static const WordList kPassiveBefore = {"IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING", "STANDS", "STAND", "STOOD"};
    if (document && StartsWith(code->code, "112") && target_.set && !target_.dflt && !target_.from_pattern &&
        target_.word > v && aux < 0 && source_.set && !source_.dflt && source_.word >= 0 && source_.word < v &&
        !kPassiveBefore.count(WordText(v - 1))) {
      for (int k = vw.tail + 1; k < target_.word; ++k)
        // ("accused the government of Rwanda of ...": an "of" before an actor names whose it is.)
        if (WordText(k) == "OF" && !IsActor(k + 1) && !(WordText(k + 1) == "THE" && IsActor(k + 2))) {
          target_ = ActorVal();
          *stop_clause = true;
          if (source_.from_pattern && !regular_source_) source_ = ActorVal();
          return;
        }
    }
    // Document coding (dyad): a statement whose content has an unnamed subject of its own ("Kyiv
    // said a company had shipped fuel to the Russian army") is addressed to no one the content names.
    if (document && StartsWith(code->code, "01") && target_.set && !target_.dflt && target_.word > v &&
        source_.set && !source_.dflt && source_.word >= 0 && source_.word < v) {
      const int head = w(Referent(source_.word)).head >= 0 ? w(Referent(source_.word)).head : source_.word;
      if (SpeakerBeforeUnnamedSubject(head, target_.word)) target_ = ActorVal();
    }
    // Document coding (dyad): an accusation whose accuser is no actor ("The report accused
    // Pyongyang of breaches of Council resolutions", "a new study accuses Kigali of ...") is
    // made against the actor right after the verb, by no one named: never by the accused.
    // So is an appeal or demand ("officials urged India to push for a ceasefire", "the report
    // called on Kigali to withdraw"): the actor right after the verb, before "to", is asked.
    const bool accusation = StartsWith(code->code, "112");
    const bool appeal = StartsWith(code->code, "02") || StartsWith(code->code, "10");
    if (document && source_.set && !source_.dflt && source_.word > v && (accusation || appeal) &&
        !pattern_actors && aux < 0) {
      const int accused = Referent(source_.word);
      const int tail = w(w(accused).head).tail >= 0 ? w(w(accused).head).tail : accused;
      if (tail + 1 < n() && WordText(tail + 1) == (accusation ? "OF" : "TO")) {
        ActorVal none;
        none.set = true;
        none.dflt = true;
        target_ = source_;
        source_ = none;
        regular_target_ = true;
      }
    }
    // Document coding (dyad): "Russian President Vladimir Putin urged restraint": a title's bearer
    // named right after his state's adjective or name is the subject again, not a target before
    // the verb (an event of a state on itself is dropped, and the appeal with it).
    if (document && source_.set && target_.set && source_.word >= 0 && target_.word > source_.word &&
        target_.word < v && target_.word - source_.word <= 3 && source_.code.size() >= 3 &&
        target_.code.size() >= 3 && source_.code.compare(0, 3, target_.code, 0, 3) == 0) {
      // (Only words of a title between them: "Lukashenko said Belarusian troops were not taking
      // part" has a verb there.)
      bool title_only = true;
      for (int k = source_.word + 1; k < target_.word && title_only; ++k)
        title_only = w(k).kind == WType::kNone && !IsType(k, RootType::kVerb) && !IsType(k, RootType::kConjunction);
      if (title_only) target_ = ActorVal();
    }
    if (source_.set && target_.set) {
      ActorVal s = source_, t = target_;
      if (passive_settled) {
        passive_ = true;
      } else if (!pattern_actors && regular_source_ && regular_target_) {
        auto is_text = [&]<size_t N>(int k, const char (&a)[N]) { return k >= 0 && k < n() && Is(WordText(k), a); };
        bool by = false, aux = false;
        for (int k = v + 1; k <= v + 3 && k < n(); ++k) by = by || is_text(k, "BY");
        for (int k = v - 2; k <= v - 1; ++k)
          aux = aux || is_text(k, "WAS") || is_text(k, "WERE") || is_text(k, "BEEN");
        if (by && aux) {
          std::swap(s, t);
          passive_ = true;
        }
      }
      bool produced = false;
      AddEvents(s, t, *code, v, pattern_id, entry_id, &produced);
      if (produced) *stop_clause = true;
    } else if (document && source_.set && !source_.dflt && !target_.set && code->code.size() >= 2 &&
               (pattern_id >= 0 || StartsWith(code->code, "045")) && source_.word >= 0 &&
               ((aux < 0 && source_.word < v && VerbPosition(v)) || (by_agent && source_.word > v)) &&
               (StartsWith(code->code, "01") || StartsWith(code->code, "02") || StartsWith(code->code, "03") ||
                StartsWith(code->code, "05") ||
                StartsWith(code->code, "06") || StartsWith(code->code, "07") || StartsWith(code->code, "15") ||
                StartsWith(code->code, "043") || StartsWith(code->code, "045") || StartsWith(code->code, "046"))) {
      // Document coding (dyad): appeals, pledges, endorsements, aid, cooperation, posture, hosting,
      // mediation and negotiation whose receiver or target the sentence does not name ("Chad called
      // for a ceasefire", "Saudi Arabia hosted the talks in Jeddah", "Pyongyang has
      // also sent self-propelled guns", "Minsk mobilised its reservists", "drones were also
      // supplied by Tehran") are kept apart, and coded with no
      // target only when the sentence yields no other event: the report can still weigh them
      // (with the war's words around them).
      // (A verb of mediation needs no pattern: "Qatar mediated between the parties", "Oman
      // brokered a truce in May" are mediation whoever the parties are.)
      ActorVal none;
      none.set = true;
      none.dflt = true;
      std::swap(s_.events, s_.untargeted);
      bool produced = false;
      AddEvents(source_, none, *code, v, pattern_id, entry_id, &produced);
      std::swap(s_.events, s_.untargeted);
    }
  }
  if (source_.from_pattern && !regular_source_) source_ = ActorVal();
  if (target_.from_pattern && !regular_target_) target_ = ActorVal();
}

int Engine::PlaceIn(int from, int to, ActorVal* where) const {
  for (int k = from; k <= to; ++k) {
    const std::string_view t = WordText(k);
    if (t != "IN" && t != "NEAR" && t != "AT" && t != "OUTSIDE") continue;
    for (int j = k + 1; j <= to && j <= k + 3; ++j)
      if (IsActorHead(j)) {
        // (A force is no place: "were captured fighting in the Russian army".)
        *where = MakeActor(j, j, true);
        static const WordList kForces = {"MIL", "REB", "INS", "UAF", "SPY", "COP"};
        const std::string_view role = where->code.size() >= 6 ? std::string_view(where->code).substr(3, 3) : "";
        if (where->agent.empty() && !kForces.count(role)) return j;
        break;
      }
  }
  return -1;
}

ActorVal Engine::FreeAgentVictim(const EventCode& code, int v, int cb, int ce) const {
  ActorVal victim;
  if (!RootBetween(code.code, "17", "20") || !source_.set || source_.dflt || source_.code.size() < 3) return victim;
  // The object: the first agent after the verb, in the clause, with no actor of its own.
  int agent = -1;
  for (int k = w(v).tail + 1; k <= ce && agent < 0; ++k) {
    if (w(k).blanked || w(k).kind == WType::kComma) break;
    if (IsActor(k)) return victim;
    if (IsType(k, RootType::kAgent) && w(k).is_head && !w(k).converted_agent) agent = k;
  }
  if (agent < 0) return victim;
  // (The agent ends the object: not "the children's hospital", "journalists of Belarus".)
  const int tail = w(agent).tail >= agent ? w(agent).tail : agent;
  if (EndsWith(WordText(tail), "'S") || agent > w(v).tail + 4) return victim;
  if (tail + 1 <= ce) {
    static const WordList kAfterObject = {"IN",    "AT",     "NEAR", "OUTSIDE", "INSIDE", "ON",     "WITH",
                                          "FOR",   "AND",    "OR",   "WHO",     "THAT",   "AFTER",  "BEFORE",
                                          "DURING", "WHILE", "AS",   "FROM",    "ACROSS", "OVERNIGHT", "LAST",
                                          "EARLY", "LATE",   "BY",   "TO",      "WHEN",   "SINCE"};
    const Word& next = w(tail + 1);
    if (IsActor(tail + 1) || (next.kind == WType::kNone && !kAfterObject.count(WordText(tail + 1)))) return victim;
  }
  std::string country;
  if (ActorVal where; PlaceIn(cb, ce, &where) >= 0) {
    country = where.code.substr(0, 3);
  } else {
    const std::string_view role =
        source_.code.size() >= 6 ? std::string_view(source_.code).substr(3, 3) : std::string_view(source_.agent);
    if (role == "COP" || role == "JUD") country = source_.code.substr(0, 3);
  }
  if (country.empty()) return victim;
  const auto& ag = d_.agents()[d_.roots()[w(agent).root].entry];
  victim.set = true;
  victim.word = agent;
  victim.code = country;
  victim.agent = ag.code;
  victim.agent_prefix = ag.prefix;
  return victim;
}

void Engine::CodeHarmAdjunct() {
  // Document coding (dyad): "Hezbollah drones attacked an army base near Binyamina, killing four
  // Israeli soldiers": when the main clause codes nothing (its object is no actor), the harm in the
  // trailing participle is the main subject's act on whoever it names.
  if (s_.harm_adjunct < 0 || !s_.events.empty()) return;
  const int a = s_.harm_adjunct;
  for (int k = a; k < n(); ++k) w(k).blanked = false;
  for (int k = a; k < n(); ++k)
    if (w(k).is_head && w(k).head == k)
      for (int j = k + 1; j <= w(k).tail && j < n(); ++j) w(j).blanked = false;
  if (!w(a).typed || w(a).type != RootType::kVerb || w(a).noun) return;
  source_ = ActorVal();
  target_ = ActorVal();
  passive_ = false;
  bool stop = false;
  CodeVerb(a, 0, n() - 1, &stop);
}

void Engine::CodeClauses() {
  source_ = ActorVal();
  passive_ = false;
  bool first = true;
  // Document coding (dyad): the first clause's subject, for a later clause that opens with its
  // verb ("Tshisekedi called the offensive an invasion and accused Kagame of ..."): TABARI takes
  // the source from the first clause's event, and without one took the object (Kagame) instead.
  int lead_subject = -1;
  if (document && !s_.clauses.empty()) {
    const auto [fb, fe] = s_.clauses.front();
    for (int k = fb; k <= fe; ++k) {
      if (IsType(k, RootType::kVerb) && w(k).is_head && !w(k).noun && !w(k).blanked) break;
      // ("Members of Iran's Revolutionary Guards are stationed in Sanaa and help ...": the actor
      // after "of" in the subject names who acts.)
      const int before = k >= 1 && WordText(k - 1) == "THE" ? k - 2 : k - 1;
      const bool of = before >= 0 && WordText(before) == "OF";
      if (IsActorHead(k) && !w(k).blanked && (!AfterPreposition(k) || of)) {
        lead_subject = k;
        break;
      }
    }
  }
  for (size_t ci = 0; ci < s_.clauses.size(); ++ci) {
    const auto [cb, ce] = s_.clauses[ci];
    // Document coding (dyad): a verb and its object is a clause too when it shares the first
    // clause's subject ("Kim Jong Un toured the cosmodrome and met Putin").
    const bool verb_and_object = document && ce - cb + 1 == 2 && lead_subject >= 0 &&
                                 IsType(cb, RootType::kVerb) && w(cb).is_head && IsActorHead(ce);
    const int shared_end = SharedObjectEnd(ci);
    if (ce - cb + 1 < 3 && !verb_and_object && shared_end < 0) {
      first = false;
      continue;
    }
    if (!first && IsActorHead(cb)) source_ = MakeActor(cb, -1, false);
    // Document coding (dyad): after its opener ("..., while North Korea ships shells", "..., much
    // as NATO members send arms") the clause names its own subject; the previous clause's source
    // does not carry over.
    if (document && !first && !IsActorHead(cb)) {
      int k = cb;
      if (OpensClause(k)) k += kComparisonOpeners.count(WordText(k)) ? 2 : 1;
      else if (AsOpensClause(k)) ++k;
      else if (const int sub = SubordinatorFrom(k); sub > k) k = sub + 1;  // ("weeks after Russia ...")
      if (k <= ce && WordText(k) == "THE") ++k;
      if (k > cb && k <= ce && IsActorHead(k) && !w(k).blanked) source_ = MakeActor(k, k, true);
      // ... also after an opening phrase of time or place (", and by the end of that year
      // Burundian units were fighting the M23"): the first actor that a verb follows.
      if (k == cb && (WordText(k) == "AND" || WordText(k) == "BUT")) ++k;
      if (!source_.set || source_.word < cb) {
        if (k <= ce && kIntroPrepositions.count(WordText(k))) {
          for (int j = k + 1; j <= ce && j <= k + 10; ++j) {
            // (A compound subject is read as one already: "On 4 February Xi and Putin declared".)
            if ((IsType(j, RootType::kVerb) && w(j).is_head && !w(j).noun) || w(j).compound >= 0) break;
            // (A name, not a phrase resolved from the sentences before: "the two leaders" may
            // stand for a pair the clause before already carries.)
            if (IsActorHead(j) && !w(j).blanked && w(j).ext < 0 && !AfterPreposition(j) &&
                VerbAfterSubject(j, kBetweenSubjectAndVerb) >= 0) {
              source_ = MakeActor(j, j, true);
              break;
            }
          }
        }
      }
    }
    // (An adverb may come first: "... had commanded and directly supported the offensive".)
    int opener_verb = cb;
    while (document && opener_verb < ce && !w(opener_verb).typed && w(opener_verb).kind == WType::kNone &&
           (EndsWith(WordText(opener_verb), "LY") || WordText(opener_verb) == "ALSO" || WordText(opener_verb) == "THEN" ||
            WordText(opener_verb) == "LATER" || WordText(opener_verb) == "SOON"))
      ++opener_verb;
    if (!first && !source_.set && lead_subject >= 0 && IsType(opener_verb, RootType::kVerb) && w(opener_verb).is_head &&
        !w(opener_verb).noun && !IsActor(opener_verb)) {
      source_ = MakeActor(lead_subject, lead_subject, true);
      regular_source_ = true;
    }
    first = false;
    target_ = ActorVal();
    // (Before "in which <actor> <verb>" the clause's verbs read on to the end of that clause.)
    const bool reads_on = std::find(s_.reading_on.begin(), s_.reading_on.end(), ci) != s_.reading_on.end();
    for (int k = cb; k <= ce; ++k) {
      const Word& wd = w(k);
      if (wd.blanked || !wd.typed || wd.noun || !wd.is_head || wd.type != RootType::kVerb) continue;
      bool stop = false;
      // (The clause's last verb reads on to the object it shares with the next clause's verb.)
      int read_to = ce;
      if (reads_on) read_to = s_.clauses[ci + 1].second;
      else if (shared_end >= 0 && wd.tail == ce) read_to = shared_end;
      CodeVerb(k, cb, read_to, &stop);
      if (stop && o_.code_by == dict::CodeBy::kSentence) return;
      if (stop && o_.code_by == dict::CodeBy::kClause) break;
    }
  }
}

namespace {
std::string Compose(std::string_view actor, const std::string& agent, bool prefix) {
  if (agent.empty()) return std::string(actor);
  size_t at = actor.find(agent);
  if (at != std::string_view::npos && at % 3 == 0) return std::string(actor);
  std::string composed;
  composed.reserve(actor.size() + agent.size());
  if (prefix) composed.append(agent).append(actor);
  else composed.append(actor).append(agent);
  return composed;
}
// Compose() of an actor code the caller no longer needs: moved out, not copied, when no agent
// joins it.
std::string ComposeFrom(std::string&& actor, const std::string& agent, bool prefix) {
  if (agent.empty()) return std::move(actor);
  const size_t at = actor.find(agent);
  if (at != std::string::npos && at % 3 == 0) return std::move(actor);
  return Compose(actor, agent, prefix);
}
bool InvalidCode(const std::string& c) { return Is(c, "---") || Is(c, "+++") || Is(c, "###") || Is(c, "***"); }
}  // namespace

// Is the event's source an event named again ("the offensive", "the shipments": ACTOR OF rules)?
// Such a phrase stands for who did that event only as the object of what someone did about it;
// as a subject ("Resolution 2773 condemned the offensive and called on ...") it acts for no one.
bool Engine::SourcedByEventMention(const RawEvent& e) const {
  const int32_t at = e.src.word;
  if (at < 0 || at >= n() || !w(at).resolved || w(at).ext < 0) return false;
  return s_.ext[static_cast<size_t>(w(at).ext)].object_only;
}

// Is the event a material act (aid, cooperation, force, posture: CAMEO 06-09, 15, 18-20) whose
// target is an event named again? One comments on, condemns or sanctions an act; one supplies
// or attacks an actor, not an act ("Iran supplied drones for the attacks" is no aid to the attacker).
bool Engine::MaterialActOnEventMention(const RawEvent& e) const {
  const int32_t at = e.tgt.word;
  if (at < 0 || at >= n() || !w(at).resolved || w(at).ext < 0 || !s_.ext[static_cast<size_t>(w(at).ext)].object_only)
    return false;
  if (e.code.size() < 2) return false;
  const std::string_view root = std::string_view(e.code).substr(0, 2);
  return (root >= "06" && root <= "09") || root == "15" || root >= "18";
}

CodeResult Engine::Finish() {
  CodeResult result;
  auto& ev = s_.events;
  // An act with no target named is kept when the sentence yields nothing else: no event, or only
  // null ones in a later clause ("China called for a ceasefire, while asking that the concerns be
  // taken seriously": a null pattern after the comma codes nothing). A null pattern of its own
  // clause keeps its reading ("Tehran denied shipping weapons to either side": the denial's).
  const int32_t untargeted_verb = s_.untargeted.empty() ? -1 : s_.untargeted.front().verb;
  auto later_clause = [&](int32_t verb) {
    if (untargeted_verb < 0 || verb <= untargeted_verb) return false;
    for (int32_t k = untargeted_verb + 1; k < verb && k < n(); ++k) {
      if (w(k).kind == WType::kComma) return true;
      // (... or a relative clause about the act's object: "agreed to a ceasefire that took effect
      // in August".)
      const std::string_view t = WordText(k);
      if ((t == "THAT" || t == "WHICH" || t == "WHO") && k > untargeted_verb + 1 && !w(k - 1).typed &&
          w(k - 1).kind == WType::kNone)
        return true;
    }
    return false;
  };
  // (... nor a null pattern of an earlier clause: "Washington halted its strikes, and the Houthis
  // agreed to a truce": the halt codes nothing, the truce is the sentence's act.)
  auto earlier_clause = [&](int32_t verb) {
    if (untargeted_verb < 0 || verb >= untargeted_verb) return false;
    return std::any_of(s_.clauses.begin(), s_.clauses.end(), [&](const std::pair<int, int>& c) {
      return c.first <= verb && verb <= c.second && untargeted_verb > c.second;
    });
  };
  if (!s_.untargeted.empty() &&
      std::none_of(ev.begin(), ev.end(), [&](const RawEvent& e) {
        if (e.kind == CodeKind::kNull) return !later_clause(e.verb) && !earlier_clause(e.verb);
        // (An event of an actor on itself, or of an actor with no code for the date, is dropped
        // below: "Turkey called for a ceasefire and said talks must resume".)
        const bool dropped = e.src.nocode || e.tgt.nocode ||
                             (e.src.code == e.tgt.code && e.src.agent == e.tgt.agent &&
                              e.src.code.find('/') == std::string::npos);
        return !dropped && !SourcedByEventMention(e) && !MaterialActOnEventMention(e);
      }))
    // (Every member of a compound subject makes it: "Russia and Belarus denied the accusations".)
    for (const RawEvent& u : s_.untargeted)
      if (u.verb == untargeted_verb) ev.push_back(u);
  if (ev.empty()) {
    result.problem = "No events found in text";
    result.problem_kind = Problem::kNoEvents;
    return result;
  }
  bool discard = false, complex = false, dominant = false;
  // (The events kept are read in place: a RawEvent is five strings to copy. This list and the
  // ones below are kept by the thread: Finish runs once per text coded.)
  thread_local std::vector<const RawEvent*> kept;
  kept.clear();
  for (const RawEvent& e : ev) {
    if (e.kind == CodeKind::kNull) continue;
    if (SourcedByEventMention(e) || MaterialActOnEventMention(e)) continue;
    if (e.kind == CodeKind::kDiscard) {
      discard = true;
      kept.push_back(&e);
      break;
    }
    if (e.kind == CodeKind::kComplex || Is(e.src.code, "+++") || Is(e.tgt.code, "+++")) {
      complex = true;
      kept.push_back(&e);
      break;
    }
    kept.push_back(&e);
    if (e.dom) {
      dominant = true;
      break;
    }
  }
  if (dominant) {
    std::erase_if(kept, [](const RawEvent* e) { return !e->dom; });
  } else {
    bool any_main = false;
    for (const RawEvent* e : kept) any_main = any_main || !e->sub;
    if (any_main) std::erase_if(kept, [](const RawEvent* e) { return e->sub; });
  }
  if (kept.empty()) {
    result.problem = "Only null events found in text";
    result.problem_kind = Problem::kOnlyNull;
    return result;
  }
  if (discard) {
    result.problem = "Discard code found in verb pattern";
    result.problem_kind = Problem::kDiscard;
    return result;
  }
  if (complex) {
    result.problem = "Complex code found in verb pattern";
    result.problem_kind = Problem::kComplex;
    return result;
  }
  // Coded compounds: one event per code (sources, then targets).
  struct Out {
    const RawEvent* e;
    std::string s, t;
  };
  thread_local std::vector<Out> outs;
  outs.clear();
  // A code's parts ("RUS/BLR": "RUS", "BLR"; most codes are one part), as views into it.
  auto split = [](std::string_view c, std::vector<std::string_view>* parts) {
    parts->clear();
    size_t b = 0;
    while (true) {
      size_t sl = c.find('/', b);
      parts->push_back(c.substr(b, sl == std::string_view::npos ? std::string_view::npos : sl - b));
      if (sl == std::string_view::npos) break;
      b = sl + 1;
    }
  };
  thread_local std::vector<std::string_view> sp, tp;
  for (const RawEvent* kept_event : kept) {
    const RawEvent& e = *kept_event;
    split(e.src.code, &sp);
    split(e.tgt.code, &tp);
    for (const auto& s : sp)
      for (const auto& t : tp) {
        Out o{&e, Compose(s, e.src.agent, e.src.agent_prefix), Compose(t, e.tgt.agent, e.tgt.agent_prefix)};
        // (A member of a compound is no partner of itself, nor of its own state: "Xi praised the
        // partnership between the two countries" is no act of China's government on China.)
        if ((sp.size() > 1 || tp.size() > 1) &&
            (o.s == o.t || (o.t.size() == 3 && o.s.size() >= 3 && o.s.compare(0, 3, o.t) == 0)))
          continue;
        outs.push_back(std::move(o));
      }
  }
  for (const auto& o : outs) {
    const RawEvent& e = *o.e;
    if (e.src.nocode || e.tgt.nocode) continue;
    if (InvalidCode(o.s) || InvalidCode(o.t)) continue;
    if (o.s == o.t) continue;
    bool dup = false;
    for (const auto& prev : result.events)
      if (prev.source == o.s && prev.target == o.t && prev.code == e.code) dup = true;
    if (dup) continue;
    CodedEvent ce;
    ce.source = o.s;
    ce.target = o.t;
    ce.code = e.code;
    auto span_of = [&](const ActorVal& a, ByteSpan* span, std::string* text, std::string* ref) {
      if (a.dflt || a.word < 0) return;
      int b = a.word, t = w(a.word).tail >= 0 ? w(a.word).tail : a.word;
      span->begin = w(b).begin;
      span->end = w(t).end;
      *text = std::string(text_.substr(span->begin, span->end - span->begin));
      if (w(a.word).resolved) *ref = RefText(a.word);
    };
    span_of(e.src, &ce.source_span, &ce.source_text, &ce.source_ref);
    span_of(e.tgt, &ce.target_span, &ce.target_text, &ce.target_ref);
    if (e.verb >= 0) {
      ce.verb_span.begin = w(e.verb).begin;
      ce.verb_span.end = w(w(e.verb).tail).end;
      ce.verb_text = std::string(text_.substr(ce.verb_span.begin, ce.verb_span.end - ce.verb_span.begin));
    }
    int32_t file = -1, line = 0;
    if (e.pattern >= 0) {
      file = d_.patterns()[e.pattern].file;
      line = d_.patterns()[e.pattern].line;
    } else if (e.verb_entry >= 0) {
      file = d_.verbs()[e.verb_entry].file;
      line = d_.verbs()[e.verb_entry].line;
    }
    if (file >= 0) {
      const auto& f = d_.files()[file];
      ce.pattern.file = f.path;
      ce.pattern.line = line;
      if (line >= 1 && line <= static_cast<int>(f.lines.size())) ce.pattern.text = f.lines[line - 1];
    }
    ce.date = shifted_;
    result.events.push_back(std::move(ce));
  }
  if (result.events.empty()) {
    result.problem = "No valid events found in text";
    result.problem_kind = Problem::kNoEvents;
  }
  return result;
}

std::vector<ActorMention> Engine::Mentions() {
  std::vector<ActorMention> out;
  // (Room for every head first: one allocation, no mention moved as the vector grows.)
  size_t heads = 0;
  for (int i = 0; i < n(); ++i) heads += IsActorHead(i) && !w(i).resolved;
  out.reserve(heads);
  for (int i = 0; i < n(); ++i) {
    if (!IsActorHead(i) || w(i).resolved) continue;
    ActorVal a = MakeActor(i, i, true);
    if (a.nocode) continue;
    // (Built in place; the actor's code moved in when Compose would return it as it is.)
    ActorMention& m = out.emplace_back();
    m.code = ComposeFrom(std::move(a.code), a.agent, a.agent_prefix);
    m.span.begin = w(i).begin;
    m.span.end = w(w(i).tail).end;
    m.text.assign(text_.data() + m.span.begin, static_cast<size_t>(m.span.end - m.span.begin));
  }
  return out;
}

// ---------------------------------------------------------------- document coreference
// A dyad extension (code/coreference.h, docs/coreference.md); only runs with a Discourse whose
// rules come from a `.coref` dictionary file.

// Does definite rule `r` match the words from i? The last word may carry a possessive ("'S", "'").
// The words must not belong to an actor, a pronoun, or a dictionary phrase reaching outside them,
// and no "of/in + actor" may follow ("the government of Belarus" names its actor).
bool Engine::MatchDefinite(const CorefRules& rules, const DefiniteRule& r, int i, int* end) const {
  const int k = static_cast<int>(r.words.size());
  if (k == 0 || i + k > n()) return false;
  for (int j = 0; j < k; ++j) {
    const Word& wd = w(i + j);
    if (wd.kind != WType::kNone) return false;
    const std::string_view t = WordText(i + j);
    const std::string& want = r.words[j];
    if (t != want) {
      if (j + 1 < k || t.size() <= want.size() || t.substr(0, want.size()) != want) return false;
      const std::string_view rest = t.substr(want.size());
      if (rest != "'S" && rest != "'") return false;
    }
    if (wd.typed) {
      if (wd.type == RootType::kPronoun) return false;
      // A descriptor of a kind of state may contain a region's name ("the East African nation"):
      // the phrase names a state of that region, not the region.
      if (wd.type == RootType::kActor && (r.among.empty() || !RegionActorWithin(rules, i + j, i, i + k - 1))) return false;
      if (wd.head >= 0 && (wd.head < i || w(wd.head).tail > i + k - 1)) return false;
    }
  }
  const int next = i + k;
  if (IsType(next, RootType::kPreposition) && IsActor(next + 1)) return false;
  // ... and so is a title the person holding it follows ("the foreign minister, Péter Szijjártó,
  // ...", "the defence minister Yoav Gallant").
  if (IsActor(next) || (next < n() && w(next).kind == WType::kComma && IsActor(next + 1))) return false;
  // An event phrase whose own words name who did it ("the strikes by Israeli jets", "the
  // deployment of North Korean troops", "the shipments from Iran") needs no antecedent. (Its
  // target may follow: "the sanctions on Russia" still stands for who imposed them.)
  if (r.kind == DefiniteKind::kActorOf && next + 1 < n()) {
    static const WordList kLinks = {"BY", "FROM", "OF"};
    if (kLinks.count(WordText(next)) && (IsActor(next + 1) || (WordText(next + 1) == "THE" && IsActor(next + 2))))
      return false;
  }
  *end = i + k - 1;
  return true;
}

// Is word j part of an actor phrase lying within [first, last] whose code is a region or sector
// (a NONSTATE code such as EAF), not a state?
bool Engine::RegionActorWithin(const CorefRules& rules, int j, int first, int last) const {
  const int head = w(j).head >= 0 ? w(j).head : j;
  if (head < first || (w(head).tail >= 0 ? w(head).tail : head) > last) return false;
  const ActorVal a = MakeActor(head, head, true);
  return a.code.size() >= 3 && rules.nonstates.count(a.code.substr(0, 3)) > 0;
}

// The discourse mention of the actor phrase headed at i (false when it has no code).
bool Engine::MentionAt(int i, DiscourseMention* m) const {
  ActorVal a = MakeActor(i, i, true);
  if (a.nocode || a.code.empty() || Is(a.code, "---") || Is(a.code, "###") || Is(a.code, "+++")) return false;
  m->code = Compose(a.code, a.agent, a.agent_prefix);
  m->position = i;
  m->agent = !a.agent.empty() || w(i).converted_agent;
  const int r = Referent(i);
  m->compound = w(i).resolved ? -1 : (w(w(r).head).compound >= 0 ? w(w(r).head).compound : -1);
  if (w(i).resolved) {
    m->text = RefText(i);
  } else {
    const int t = w(i).tail >= 0 ? w(i).tail : i;
    m->text = std::string(text_.substr(w(i).begin, w(t).end - w(i).begin));
  }
  return true;
}

// Words first..last become one actor phrase standing for `antecedent` (resolved across sentences).
void Engine::MarkResolvedPhrase(int first, int last, Antecedent antecedent) {
  const int idx = static_cast<int>(s_.ext.size());
  s_.ext.push_back(std::move(antecedent));
  for (int j = first; j <= last; ++j) {
    Word& x = w(j);
    x.typed = true;
    x.type = RootType::kActor;
    x.head = first;
    x.tail = j == first ? last : -1;
    x.is_head = j == first;
    x.noun = x.null_actor = x.converted_agent = false;
    x.resolved = true;
    x.ref = -1;
    x.ext = idx;
  }
}

inline bool Engine::UnknownCapitalised(int k) const {
  return k >= 0 && k < n() && !w(k).typed && w(k).kind == WType::kNone && w(k).first_upper;
}

bool Engine::StandsAloneAsName(int i) const {
  // (A sentence's first word is capitalised whatever it is: "Later Kim met ...".)
  return UnknownCapitalised(i) && WordText(i).size() >= 2 && !(i >= 2 && UnknownCapitalised(i - 1)) &&
         !UnknownCapitalised(i + 1) && !(i + 1 < n() && IsActor(i + 1));
}

void Engine::MarkDefinites(const Discourse& d) {
  const auto& rules = d.rules();
  if (rules.definites.empty()) return;
  std::vector<DiscourseMention> before;  // this sentence's mentions so far (text order)
  // Actor heads whose mentions are not built yet: most sentences match no rule, and then none
  // is needed. They are built before the words change (a match below), so they read the
  // sentence exactly as they would have when their word was passed.
  std::vector<int>& pending = s_.pending;
  pending.clear();
  auto build_pending = [&] {
    for (const int head : pending) {
      DiscourseMention m;
      if (MentionAt(head, &m)) before.push_back(std::move(m));
    }
    pending.clear();
  };
  std::vector<uint32_t>& candidates = s_.candidates;
  bool after_verb = false;  // a dictionary verb precedes word i
  for (int i = 0; i < n(); ++i) {
    if (i > 0 && IsType(i - 1, RootType::kVerb)) after_verb = true;
    if (IsActorHead(i)) {
      pending.push_back(i);
      continue;
    }
    // A capitalised word the dictionaries do not know, alone (not part of a longer unknown name),
    // may be the short form of a person named earlier: "Kim" after "Kim Jong Un".
    if (StandsAloneAsName(i)) {
      build_pending();
      Antecedent a;
      // (A possessive names the person as well: "praised Lourenço's persistence".)
      std::string_view name = WordText(i);
      if (name.size() > 4 && EndsWith(name, "'S")) name.remove_suffix(2);
      if (d.ResolveNamePart(name, before, &a)) {
        MarkResolvedPhrase(i, i, std::move(a));
        DiscourseMention m;
        if (MentionAt(i, &m)) before.push_back(std::move(m));
        continue;
      }
    }
    // Most words start no phrase: only the rules indexed under this word and the next are tried.
    rules.DefiniteCandidates(WordText(i), i + 1 < n() ? WordText(i + 1) : std::string_view(), &candidates);
    for (const uint32_t candidate : candidates) {
      const DefiniteRule& rule = rules.definites[candidate];
      // An event named again is the object of what someone did about it ("Seoul condemned the
      // deployment"), not a subject: "The delivery of the missiles prompted Britain to ..." is no
      // act of the supplier.
      if (rule.kind == DefiniteKind::kActorOf && !after_verb) continue;
      // (A "that" clause opens with its own subject: "Kinshasa complained that the contingent was
      // cohabiting with M23".)
      if (rule.subject_only && after_verb && !(i > 0 && WordText(i - 1) == "THAT")) continue;
      int end = -1;
      if (!MatchDefinite(rules, rule, i, &end)) continue;
      build_pending();
      Antecedent a;
      if (!d.ResolveDefinite(rule, before, &a)) break;  // no antecedent: the words stay ordinary
      MarkResolvedPhrase(i, end, std::move(a));
      DiscourseMention m;
      if (MentionAt(i, &m)) before.push_back(std::move(m));
      i = end;
      break;
    }
  }
}

void Engine::ResolveAcross(const Discourse& d) {
  const auto& rules = d.rules();
  if (rules.pronouns.empty()) return;
  bool actor_before = false;  // an actor precedes word p in the sentence
  for (int p = 0; p < n(); ++p) {
    Word& wd = w(p);
    const bool after_actor = actor_before;
    actor_before = actor_before || IsActor(p);
    // A possessive the rules list that TABARI has no pronoun for ("Its navy seized a tanker"):
    // only before an agent, with no actor before it in its sentence (where the agent takes that
    // actor: "Russia said its troops ...").
    // It must open its sentence's subject (OpensSubject): in "The regiment said its fighters ..." it
    // is the regiment's, a noun before it.
    // (The agent stands alone, so ConvertAgents has made it an actor of its own.)
    const bool possessive = !wd.typed && !wd.blanked && !after_actor && p + 1 < n() &&
                            (IsType(p + 1, RootType::kAgent) || (IsActor(p + 1) && w(p + 1).converted_agent)) &&
                            OpensSubject(p);
    if (!possessive && (!wd.typed || wd.type != RootType::kPronoun || wd.blanked)) continue;  // resolved in-sentence or ignored
    const std::string word(WordText(p));
    const auto kind = rules.pronouns.find(word);
    if (kind == rules.pronouns.end()) continue;
    // "It is clear that...": an expletive IT has no antecedent.
    if (word == "IT" && p + 1 < n() && rules.expletive_after.count(std::string(WordText(p + 1)))) continue;
    Antecedent a;
    if (!d.ResolvePronoun(kind->second, &a)) continue;
    // A state's agent is the state's, whoever in it was named ("The Kremlin denied it. Its troops
    // ...": RUSMIL, as "The Kremlin said its troops ..." is).
    // (A rebel group's fighters stay the group's: only a government gives way to the agent.)
    if (possessive && a.code.size() == 6 && a.code.ends_with("GOV") && rules.IsStateCode(a.code))
      a.code.resize(3);
    const int idx = static_cast<int>(s_.ext.size());
    s_.ext.push_back(std::move(a));
    wd.typed = true;  // (a possessive was no dictionary word)
    wd.type = RootType::kActor;
    wd.resolved = true;
    wd.ref = -1;
    wd.ext = idx;
    wd.is_head = true;
    wd.head = p;
    wd.tail = p;
  }
}

// A seat city ("Brussels", coded as the EU) in a document that has named its host state stands for
// that state's government, unless the sentence names the body itself ("the EU", "NATO"): "Rwanda
// severed relations with Belgium ... accusing Brussels of taking Kinshasa's side".
void Engine::ResolveSeats(const Discourse& d) {
  const auto& seats = d.rules().seats;
  if (seats.empty()) return;
  for (int p = 0; p < n(); ++p) {
    if (!IsActorHead(p) || w(p).resolved || w(p).blanked) continue;
    // (Only the city named as one who acts or is acted on: "rallies in the Matonge district of
    // Brussels" name a place.)
    if (p > 0 && (WordText(p - 1) == "IN" || WordText(p - 1) == "AT" || WordText(p - 1) == "OF" ||
                  WordText(p - 1) == "NEAR" || WordText(p - 1) == "INSIDE"))
      continue;
    const int tail = w(p).tail >= 0 ? w(p).tail : p;
    // (Compared word by word, in place: every actor of every sentence is read here.)
    auto is_seat = [&](const CorefRules::Seat& seat) {
      if (static_cast<size_t>(tail - p + 1) != seat.words.size()) return false;
      for (size_t k = 0; k < seat.words.size(); ++k)
        if (WordText(p + static_cast<int>(k)) != seat.words[k]) return false;
      return true;
    };
    for (const CorefRules::Seat& seat : seats) {
      if (!is_seat(seat) || !d.HasNamed(seat.state)) continue;
      bool body = false;
      for (int k = 0; k < n() && !body; ++k)
        for (const std::string& u : seat.unless) body = body || WordText(k) == u;
      if (body) break;
      Antecedent a;
      a.code = seat.state + "GOV";
      a.text = std::string(text_.substr(w(p).begin, w(tail).end - w(p).begin));
      MarkResolvedPhrase(p, tail, std::move(a));
      break;
    }
  }
}

void Engine::RecordMentions(Discourse* d, std::vector<ActorMention>* resolved) {
  int first_verb = n();  // mentions before it are the sentence's subject candidates
  for (int i = 0; i < n(); ++i)
    if (IsType(i, RootType::kVerb) && w(i).is_head) {
      first_verb = i;
      break;
    }
  for (int i = 0; i < n(); ++i) {
    const Word& wd = w(i);
    if (!wd.typed || wd.type != RootType::kActor || wd.noun || !wd.is_head) continue;
    DiscourseMention m;
    if (!MentionAt(i, &m)) continue;
    // (A mention in an aside is no subject: "The troops, put by Seoul's intelligence service at
    // 11,000, were moved west. They ..." -- THEY is not Seoul.)
    m.subject = i < first_verb && !wd.blanked;
    // A title followed by a name the dictionaries do not know names that person ("the French envoy
    // Émile Dufresne ... Dufresne said"): two or three capitalised words, then no more.
    // (Only a code with a role names a person: Discourse::ResolveNamePart.)
    if (!wd.resolved && m.code.size() >= 6 && m.code.find('/') == std::string::npos) {
      const int k = PastAgent((wd.tail >= 0 ? wd.tail : i) + 1);
      int end = k;
      while (end < n() && end - k < 4 && UnknownCapitalised(end)) ++end;
      if (end - k >= 2 && end - k <= 3 && !UnknownCapitalised(end))
        m.name = std::string(text_.substr(w(k).begin, w(end - 1).end - w(k).begin));
    }
    if (resolved && wd.ext >= 0) {
      ActorMention am;
      am.code = m.code;
      am.span.begin = wd.begin;
      am.span.end = w(wd.tail >= 0 ? wd.tail : i).end;
      am.text = std::string(text_.substr(am.span.begin, am.span.end - am.span.begin));
      am.ref = m.text;
      resolved->push_back(std::move(am));
    }
    if (wd.ext >= 0 && !s_.ext[wd.ext].remembered) continue;
    d->Add(std::move(m));
  }
}

// The words of the antecedent of a resolved pronoun or definite phrase at i ("" when none).
std::string Engine::RefText(int i) const {
  const int r = Referent(i);
  if (r < 0) return {};
  if (w(r).ext >= 0) return s_.ext[w(r).ext].text;
  if (w(r).fwd_root >= 0) return d_.RootText(w(r).fwd_root);
  if (r == i) return {};
  const int h = w(r).head >= 0 ? w(r).head : r;
  const int t = w(h).tail >= 0 ? w(h).tail : h;
  return std::string(text_.substr(w(h).begin, w(t).end - w(h).begin));
}

// ---------------------------------------------------------------- Coder

namespace {
Scratch& ThreadScratch() {
  thread_local Scratch s;
  return s;
}

// FORWARD story/sentence numbers from the id line according to the format (spec §1.3).
void ParseForwardIds(const std::string& format, std::string_view id, std::string* story, long* sentence) {
  // `id` is the header line after the date; format character k describes id[k].
  story->clear();
  *sentence = -1;
  std::string sent;
  for (size_t k = 0; k < format.size() && k < id.size(); ++k) {
    if (format[k] == 'N') story->push_back(id[k]);
    if (format[k] == 'S') sent.push_back(id[k]);
  }
  if (!sent.empty()) {
    long v = 0;
    for (char c : sent) {
      if (!IsDigitC(c)) return;
      v = v * 10 + (c - '0');
    }
    *sentence = v;
  }
}
}  // namespace

Coder::Coder(std::shared_ptr<const dict::DictionarySet> dicts, CoderOptions options) : dicts_(std::move(dicts)) {
  if (options.tabari) options_ = *options.tabari;
  else if (dicts_) options_ = dicts_->options();
  if (options.coreference && dicts_) coref_ = CorefRules::FromDictionaries(*dicts_, &coref_warnings_);
}

CodeResult Coder::CodeInDocument(std::string_view sentence, Date date, Discourse* discourse,
                                 bool new_paragraph) const {
  if (discourse) discourse->BeginSentence(new_paragraph);
  return CodeWith(sentence, date, options_, nullptr, {}, discourse);
}

CodeResult Coder::CodeClauseInDocument(std::string_view clause, Date date, const Discourse& before,
                                       bool new_paragraph) const {
  // (A discourse the thread keeps, made a copy of `before` for each clause: its lists keep their
  // storage from clause to clause. CodeWith only reads it: it records no mentions here.)
  thread_local std::optional<Discourse> discourse;
  if (!discourse || &discourse->rules() != &before.rules()) discourse.emplace(before);
  else discourse->AssignFrom(before);
  discourse->BeginSentence(new_paragraph);
  CodeResult result = CodeWith(clause, date, options_, nullptr, {}, &*discourse, /*record_mentions=*/false);
  discourse->ReleaseSentences();
  return result;
}

bool Coder::time_shift_enabled(const TabariOptions& o) const {
  if (!dicts_->has_time_section()) return o.time_shift == 1;
  return o.time_shift != 0;
}

CodeResult Coder::Code(std::string_view sentence, Date date) const {
  return CodeWith(sentence, date, options_, nullptr, {});
}

CodeResult Coder::CodeWith(std::string_view sentence, Date date, const TabariOptions& o, ForwardState* fwd,
                           std::string_view record_id, Discourse* discourse, bool record_mentions) const {
  CodeResult result;
  // Document coreference only when the dictionaries bring rules (docs/coreference.md).
  Discourse* const dc = discourse && !discourse->rules().empty() ? discourse : nullptr;
  Scratch& s = ThreadScratch();
  Engine e(*dicts_, o, s, sentence, date);
  e.document = dc != nullptr;
  // (Roots are assigned before the checks below: they depend on the text alone, and a sentence
  // the checks turn away is not read further.)
  e.SplitAndAssignRoots();
  if (e.n() == 0) {
    result.problem = "Input error: no text in record";
    result.problem_kind = Problem::kInputError;
    if (fwd) fwd->valid = false;
    return result;
  }
  // FORWARD bookkeeping.
  std::string story;
  long sent = -1;
  bool same_story = false;
  if (fwd && o.forward) {
    ParseForwardIds(o.forward_format, record_id, &story, &sent);
    same_story = fwd->valid && story == fwd->story && sent >= 0 && sent == fwd->sentence + 1;
  }
  auto remember = [&]() {
    if (!fwd) return;
    if (!o.forward) {
      fwd->valid = false;
      return;
    }
    fwd->valid = true;
    fwd->story = story;
    fwd->sentence = sent;
    fwd->first_actor_root = fwd->first_compound_root = -1;
    for (int i = 0; i < e.n(); ++i) {
      const auto& wd = e.w(i);
      if (wd.blanked || !wd.typed || wd.type != RootType::kActor || wd.noun || !wd.is_head || wd.resolved) continue;
      if (fwd->first_actor_root < 0) fwd->first_actor_root = wd.root;
      if (wd.compound >= 0 && fwd->first_compound_root < 0) fwd->first_compound_root = wd.root;
    }
  };
  if (e.n() < o.minimum_words) {
    if (dc && record_mentions) {  // not coded, but its actors are still mentioned in the document
      e.MarkNouns();
      e.ConvertAgents();
      e.MarkCompounds();
      e.RecordMentions(dc, nullptr);
    }
    result.problem = "Input error: too few words in sentence";
    result.problem_kind = Problem::kInputError;
    if (fwd) fwd->valid = false;
    return result;
  }
  e.MarkNouns();
  e.ConvertAgents();
  if (dc) e.MarkDefinites(*dc);
  e.MarkCompounds();
  e.MarkCommaClauses();
  if (e.document) e.MarkRelativeClauses();
  e.SplitClauses();
  if (e.document) e.MarkParticipleAsides();
  e.ResolvePronouns(fwd && o.forward ? fwd : nullptr, same_story, e.document);
  std::vector<ActorMention> resolved;
  if (dc) {
    e.ResolveAcross(*dc);
    e.ResolveSeats(*dc);
    // (Nothing below reads the discourse: the mentions are for the sentences after this one.)
    if (record_mentions) e.RecordMentions(dc, &resolved);
  }
  remember();
  if (e.DiscardScan()) {
    result.problem = "Discard code found in text";
    result.problem_kind = Problem::kDiscard;
    return result;
  }
  std::string cx = e.Complexity();
  if (!cx.empty()) {
    result.problem = cx;
    result.problem_kind = Problem::kComplex;
    return result;
  }
  if (time_shift_enabled(o)) {
    if (Problem p = e.TimeShift(); p != Problem::kNone) {
      result.problem = p == Problem::kDiscard ? "Discard code found in text" : "Complex code in time-shift phrase";
      result.problem_kind = p;
      return result;
    }
  }
  e.CodeClauses();
  if (e.document) e.CodeHarmAdjunct();
  CodeResult coded = e.Finish();
  coded.relative_clauses = e.relatives();
  if (dc) coded.resolved = std::move(resolved);
  return coded;
}

bool IsTextNoun(std::string_view upper_word) { return kTextNouns.count(upper_word) > 0; }
bool IsAuthoringVerb(std::string_view upper_word) { return kAuthoringVerbs.count(upper_word) > 0; }

std::vector<ActorMention> Coder::FindActors(std::string_view text, Date date) const {
  Scratch& s = ThreadScratch();
  Engine e(*dicts_, options_, s, text, date);
  e.SplitAndAssignRoots();
  e.MarkNouns();
  return e.Mentions();
}

}  // namespace dyad::code
