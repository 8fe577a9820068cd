// DictionarySet: TABARI-compatible actor, agent and verb dictionaries compiled once into an
// immutable, shareable form (interned words, a character trie for literal lookup, flat tables).
//
// Formats (docs/dictionaries.md): TABARI `.actors`, `.agents`, `.verbs`, `.options`, `.project`
// (spec §1), and PETRARCH-1 verb files / Phoenix actor and agent files (spec §7, "PETRARCH mode").
// A file's kind comes from its name (`.actors`, `.agents`, `.verbs`, `.options`, `.project`,
// `*actors*.txt`, `*agents*`, `*verb*`); a directory loads every dictionary in it.
//
// Thread safety: a loaded DictionarySet is immutable; share it across threads through
// std::shared_ptr<const DictionarySet>. Loading never throws and never prints: bad lines become
// warnings "file:line: what: 'entry'" (Load fails with the first one when strict).
#ifndef DYAD_DICT_DICTIONARY_H_
#define DYAD_DICT_DICTIONARY_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dict/options.h"
#include "dyad/status.h"

namespace dyad::dict {

// The separator written after a word in a dictionary phrase (spec §2.3).
enum class Link : uint8_t {
  kOpen,       // "X Y" or X at the end: stem allowed, gap allowed
  kTight,      // "X_Y" (or "X_" at the end): whole word, next word adjacent
  kExactOpen,  // "X_ Y": whole word, gap allowed
  kStemTight,  // "X~_Y": stem allowed, next word adjacent
  kNoEnd,      // "X=": whole word, no regular endings
};
inline bool LinkWhole(Link l) { return l == Link::kTight || l == Link::kExactOpen || l == Link::kNoEnd; }
inline bool LinkGap(Link l) { return l == Link::kOpen || l == Link::kExactOpen; }

enum class RootType : uint8_t {
  kActor, kAgent, kVerb, kNoun, kAdjective, kTime, kAttrib,
  kDeterminer, kConjunction, kPreposition, kPronoun, kAuxiliary, kBy, kFormer,
};

struct PhraseWord {
  int32_t word;
  Link link;
};

enum class CodeKind : uint8_t { kNormal, kNull, kDiscard, kComplex };

// An event code as written in a verbs file: "064", "023?", "031!", "032:033", "---", "###", "+++".
struct EventCode {
  CodeKind kind = CodeKind::kNull;
  std::string code;          // first (or only) half without flags
  bool sub = false, dom = false;
  bool paired = false;
  CodeKind kind2 = CodeKind::kNull;
  std::string code2;
  bool sub2 = false, dom2 = false;
  int shift = 0;             // <TIME> entries: day offset
};

// One bracket of an actor entry: a code and an optional date restriction (days since 1970).
struct ActorCode {
  enum Kind : uint8_t { kAny, kBefore, kAfter, kRange };
  std::string code;          // "GON", "FRO/BIL/SAM", "---", "###", "+++"
  Kind kind = kAny;
  int64_t lo = 0, hi = 0;
};

struct ActorEntry {
  std::vector<ActorCode> codes;  // tried in order; the first that holds wins
};

struct AgentEntry {
  std::string code;  // "GOV" of [~GOV] or "NGO" of [NGO~]
  bool prefix = false;  // [NGO~]
};

struct Root {
  RootType type = RootType::kVerb;
  int32_t words_begin = 0;   // into phrase_words()
  int32_t n_words = 0;
  int32_t entry = -1;        // actor/agent/verb(time, attrib) entry index
  int32_t file = -1;         // index into files()
  int32_t line = 0;          // 1-based
  int32_t parent = -1;       // first phrase of an actor synonym set / the verb root of a form
  // dyad extension ("@US_" in .actors): matches only where the sentence writes every word of
  // the phrase in capitals, and never in an all-capitals sentence ("US", not the pronoun "us").
  bool case_sensitive = false;
  // dyad extension ("^FOREIGN_POLICY_" in .actors): matches only where every word of the phrase
  // starts with a capital letter, never in an all-capitals sentence (the magazine "Foreign
  // Policy", not "the EU's foreign policy chief").
  bool written_as_name = false;
};

struct PatternElement {
  enum Kind : uint8_t { kWord, kVerb, kSource, kTarget, kCompound, kAttrib, kSkip, kSynset, kAlternatives };
  Kind kind = kWord;
  Link link = Link::kOpen;   // the link written after the element
  int32_t id = -1;           // word id, synset id, or alternative-group id
};

struct AltGroup {
  std::vector<std::vector<PatternElement>> alts;
  std::vector<int> alt_lengths;  // spec §4.2 length of each alternative
  int max_length = 0;
};

struct Pattern {
  std::vector<PatternElement> lower;  // elements before '*', in written order
  std::vector<PatternElement> upper;  // elements after '*'
  Link verb_link = Link::kOpen;
  EventCode code;
  int length = 0;                     // spec §4.2
  int alt_allowance = 0;              // sum of the longest alternatives counted in length
  bool has_alts = false;
  int32_t file = -1, line = 0;
  std::vector<int32_t> required;      // words outside alternatives/synsets: all must occur
  uint64_t required_mask = 0;         // WordBit() of the required words
  // Indexes into DictionarySet::witness_sets(): for each synset or alternative element of the
  // pattern, a word set of which at least one word must occur for the element to match.
  std::vector<int32_t> witnesses;
};

// One bit per word id (a 64-bit Bloom filter of a word set).
inline uint64_t WordBit(int32_t word) {
  return uint64_t{1} << ((static_cast<uint64_t>(word) * 0x9E3779B97F4A7C15ull) >> 58);
}

struct Synset {
  std::string name;
  std::vector<std::vector<PatternElement>> members;  // longest first
  std::vector<int> member_lengths;
  // Per member: the word its first element is (a word id), or -1 when that is no word. The coder
  // passes over a member whose first word the text's word is not without trying it (a synset of
  // weapons has hundreds of members, tried at every word a pattern reaches).
  std::vector<int32_t> first_words;
  // (last word id, member index) of the members whose last element is a word, sorted: the
  // members a phrase ending at a given word may be (the coder asks it of weapon classes).
  std::vector<std::pair<int32_t, uint32_t>> by_last_word;
};

struct VerbEntry {
  EventCode code;
  int32_t patterns = -1;     // index into pattern_lists(); -1 = none
  int32_t file = -1, line = 0;
};

struct DictFile {
  std::string path;
  std::string kind;          // "actors", "agents", "verbs", "options"
  bool petrarch = false;     // read in PETRARCH/Phoenix mode
  std::vector<std::string> lines;  // raw lines (for PatternRef text)
};

struct LoadOptions {
  std::vector<std::string> paths;  // files or directories
  enum class Mode { kAuto, kTabari, kPetrarch } mode = Mode::kAuto;
  bool strict = false;             // the first warning fails the load
};

struct LoadCounts {
  int actors = 0, actor_phrases = 0, agents = 0, verbs = 0, verb_forms = 0, patterns = 0,
      synsets = 0, time_phrases = 0, nouns = 0, adjectives = 0;
};

class DictionarySet {
 public:
  // Loads the dictionaries named by `options`. On error (unreadable file, or any warning when
  // strict) returns the Status and leaves *out unchanged.
  static Status Load(const LoadOptions& options, std::shared_ptr<const DictionarySet>* out);

  // Word interning and literal lookup.
  int32_t FindWord(std::string_view upper) const;   // -1 if absent
  const std::string& word(int32_t id) const { return words_[id]; }
  int32_t word_count() const { return static_cast<int32_t>(words_.size()); }
  // Calls f(word_id, length) for every dictionary word that is a prefix of (or equal to) `upper`,
  // shortest first. One-letter dictionary words match only one-letter text words.
  template <typename F>
  void ForEachPrefix(std::string_view upper, F&& f) const;

  const std::vector<Root>& roots() const { return roots_; }
  const std::vector<PhraseWord>& phrase_words() const { return phrase_words_; }
  // Roots whose first word is `word`, in load order.
  std::pair<const int32_t*, const int32_t*> RootsStartingWith(int32_t word) const {
    if (word < 0 || word + 1 >= static_cast<int32_t>(root_index_begin_.size())) return {nullptr, nullptr};
    return {root_index_.data() + root_index_begin_[word], root_index_.data() + root_index_begin_[word + 1]};
  }
  // Parallel to RootsStartingWith(word): each root's second word (-1 for one-word roots).
  const int32_t* RootSecondWords(int32_t word) const { return root_second_.data() + root_index_begin_[word]; }
  // First-word groups of at least kPairIndexMin roots ("THE", "AL") are also indexed by their
  // second word. For such a group (PairIndexed(first)), every root of RootsStartingWith(first)
  // is in exactly one of these lists of positions into that group, each ascending (load order):
  //   RootsUnpaired(first): one-word roots and roots whose first word may be followed by a gap;
  //   RootsWithSecond(first, second): the other roots, whose second word is `second` and must
  //   match the text word right after the first one.
  static constexpr int32_t kPairIndexMin = 8;
  bool PairIndexed(int32_t first) const {
    return first >= 0 && first + 1 < static_cast<int32_t>(root_index_begin_.size()) &&
           root_index_begin_[first + 1] - root_index_begin_[first] >= kPairIndexMin;
  }
  std::pair<const int32_t*, const int32_t*> RootsUnpaired(int32_t first) const {
    return {unpaired_.data() + unpaired_begin_[first], unpaired_.data() + unpaired_begin_[first + 1]};
  }
  std::pair<const int32_t*, const int32_t*> RootsWithSecond(int32_t first, int32_t second) const;
  const std::vector<ActorEntry>& actors() const { return actors_; }
  const std::vector<AgentEntry>& agents() const { return agents_; }
  const std::vector<VerbEntry>& verbs() const { return verbs_; }
  const std::vector<std::vector<int32_t>>& pattern_lists() const { return pattern_lists_; }
  // Parallel to pattern_lists(): each pattern's required_mask (a cheap first test).
  const std::vector<std::vector<uint64_t>>& pattern_list_masks() const { return pattern_list_masks_; }
  // Parallel to pattern_lists(), in one array for the coder's scan: each pattern's index,
  // required_mask, and one of its required words (its longest, the likeliest to be absent from
  // a sentence; -1 when it has none).
  struct PatternFilter {
    uint64_t mask = 0;
    int32_t key = -1;
    int32_t pattern = -1;
  };
  const std::vector<std::vector<PatternFilter>>& pattern_list_filters() const { return pattern_list_filters_; }
  // Word sets named by Pattern::witnesses (sorted word ids). A synset's set holds the first word
  // of each member (a member matches only when its first element does); an alternative group's,
  // one word of each alternative. Groups with a member or alternative that needs no plain word
  // (an actor slot, an empty alternative) have no set.
  const std::vector<std::vector<int32_t>>& witness_sets() const { return witness_sets_; }
  const std::vector<Pattern>& patterns() const { return patterns_; }
  const std::vector<Synset>& synsets() const { return synsets_; }
  const std::vector<AltGroup>& alt_groups() const { return alt_groups_; }
  const std::vector<DictFile>& files() const { return files_; }

  // The phrase of a root as written in the dictionary form ("GONDOR", "BURN DOWN").
  std::string RootText(int32_t root) const;

  bool has_time_section() const { return has_time_; }
  // False when no actor code is "###" and no verb's code is a discard ("###"): no sentence can be
  // discarded for a word it contains (the coder's DiscardScan has nothing to find). Set by the loader.
  bool has_discard_codes() const { return has_discard_codes_; }
  bool has_options() const { return has_options_; }
  const TabariOptions& options() const { return options_; }

  const std::vector<std::string>& warnings() const { return warnings_; }
  const LoadCounts& counts() const { return counts_; }
  const std::string& hash() const { return hash_; }  // SHA-256 over the loaded files' bytes
  // A number unique to this object within the process (never reused, unlike its address):
  // keys per-thread caches of look-up results.
  uint64_t instance_id() const { return instance_id_; }

 private:
  friend class Loader;
  static uint64_t NextInstanceId();
  uint64_t instance_id_ = NextInstanceId();
  struct TrieNode {
    int32_t first_child = -1, sibling = -1, word = -1;
    unsigned char c = 0;
  };

  std::vector<std::string> words_;
  std::unordered_map<std::string, int32_t> word_ids_;
  std::vector<TrieNode> trie_;   // node 0 is the root
  std::vector<int32_t> trie_top_;  // 256 first-level children of the root
  // Child lookup: open addressing on (node << 8 | byte) -> child.
  std::vector<uint64_t> edge_keys_;
  std::vector<int32_t> edge_vals_;
  uint64_t edge_mask_ = 0;
  int32_t Child(int32_t node, unsigned char c) const {
    if (edge_keys_.empty()) return -1;
    const uint64_t key = (static_cast<uint64_t>(node) << 8 | c) + 1;
    uint64_t h = (key * 0x9E3779B97F4A7C15ull) >> 20;
    for (;; ++h) {
      const uint64_t k = edge_keys_[h & edge_mask_];
      if (k == key) return edge_vals_[h & edge_mask_];
      if (k == 0) return -1;
    }
  }
  std::vector<Root> roots_;
  std::vector<PhraseWord> phrase_words_;
  std::vector<int32_t> root_index_, root_index_begin_, root_second_;
  // The second-word index of large first-word groups (see RootsWithSecond).
  std::vector<int32_t> unpaired_, unpaired_begin_;
  struct PairSlot {
    uint64_t key = 0;  // (first << 32 | second) + 1; 0: empty
    int32_t begin = 0, end = 0;  // in pair_positions_
  };
  std::vector<PairSlot> pair_slots_;  // open addressing
  std::vector<int32_t> pair_positions_;
  uint64_t pair_mask_ = 0;
  std::vector<ActorEntry> actors_;
  std::vector<AgentEntry> agents_;
  std::vector<VerbEntry> verbs_;
  std::vector<std::vector<int32_t>> pattern_lists_;
  std::vector<std::vector<uint64_t>> pattern_list_masks_;
  std::vector<std::vector<PatternFilter>> pattern_list_filters_;
  std::vector<std::vector<int32_t>> witness_sets_;
  std::vector<Pattern> patterns_;
  std::vector<Synset> synsets_;
  std::vector<AltGroup> alt_groups_;
  std::vector<DictFile> files_;
  bool has_time_ = false;
  bool has_discard_codes_ = true;  // (until the loader has read every entry)
  bool has_options_ = false;
  TabariOptions options_;
  std::vector<std::string> warnings_;
  LoadCounts counts_;
  std::string hash_;
};

template <typename F>
void DictionarySet::ForEachPrefix(std::string_view s, F&& f) const {
  if (s.empty() || trie_top_.empty()) return;
  int32_t node = trie_top_[static_cast<unsigned char>(s[0])];
  size_t i = 0;
  while (node >= 0) {
    const TrieNode& n = trie_[node];
    if (n.word >= 0 && (i > 0 || s.size() == 1)) f(n.word, static_cast<int>(i + 1));
    if (++i >= s.size()) break;
    node = Child(node, static_cast<unsigned char>(s[i]));
  }
}

// A TABARI .project file (spec §1.2): the files it names, resolved against its folder.
struct Project {
  std::string path;
  std::vector<std::string> actors, agents, verbs, texts;
  std::string options_file;
  std::shared_ptr<const DictionarySet> dicts;  // loaded in project order, options included
};

// Reads the project and loads its dictionaries and options. A named file that does not exist
// gives "project:line: missing file: 'path'".
Status LoadProject(const std::string& path, bool strict, Project* out);

}  // namespace dyad::dict

#endif  // DYAD_DICT_DICTIONARY_H_
