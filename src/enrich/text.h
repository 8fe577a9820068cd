// Shared text helpers of the enrich stage: a byte-offset tokenizer and the
// loader of the stage's small TSV word lists (data/enrich/*.tsv).
//
// Thread safety: free functions without shared state; results are values.
#ifndef DYAD_ENRICH_TEXT_H_
#define DYAD_ENRICH_TEXT_H_

#include <algorithm>
#include <bitset>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/words.h"
#include "dyad/status.h"

namespace dyad::enrich {

// A one-hash Bloom filter over words (their length and first, second and last bytes), for
// rejecting most words before a look-up: the words tried against the stage's lists are mostly
// not in them.
class WordFilter {
 public:
  static constexpr size_t kSlotCount = 4096;  // Slot() is below it
  void Add(std::string_view word) { bits_.set(Slot(word)); }
  // False only when no word added can be w.
  bool MayContain(std::string_view w) const { return bits_[Slot(w)]; }
  // The same for a word whose Slot() is known (Token::filter_slot).
  bool MayContainSlot(uint16_t slot) const { return bits_[slot]; }
  // Adds every word `other` may contain.
  void AddAll(const WordFilter& other) { bits_ |= other.bits_; }

  static uint16_t Slot(std::string_view w) {
    if (w.empty()) return 0;
    const auto byte = [&](size_t i) { return static_cast<size_t>(static_cast<unsigned char>(w[i])); };
    size_t h = w.size();
    h = h * 131 + byte(0);
    h = h * 131 + byte(w.size() > 1 ? 1 : 0);
    h = h * 131 + byte(w.size() - 1);
    return static_cast<uint16_t>((h ^ (h >> 13)) % kBits);
  }

 private:
  static constexpr size_t kBits = kSlotCount;
  std::bitset<kBits> bits_;
};


// A token's lower-case form: a view into the lower-cased copy of the text tokenised that the
// tokeniser fills (see Tokenize), whose == and != with a string literal compare in line, the
// length first (the stages ask it of most tokens, mostly of one-letter literals like ",").
// It also keeps its WordFilter::Slot(), set with the view by SetLowered() (the tokeniser's only
// way of filling it), so that a WordSet asked about a token's word does not work the slot out
// again.
class LowerWord : public std::string_view {
 public:
  // `lowered` (text already ASCII-lower-cased, which must outlive the view) and its slot.
  void SetLowered(std::string_view lowered) {
    std::string_view::operator=(lowered);
    slot_ = WordFilter::Slot(lowered);
  }
  uint16_t slot() const { return slot_; }
  template <size_t N>
  bool operator==(const char (&literal)[N]) const {
    return Is(*this, literal);
  }
  template <size_t N>
  bool operator!=(const char (&literal)[N]) const {
    return !(*this == literal);
  }

 private:
  uint16_t slot_ = 0;
};

// A word (letters/digits, with inner apostrophes, hyphens and periods as in
// "didn't", "Ivano-Frankivsk", "St.") or one punctuation character.
struct Token {
  int32_t begin = 0;  // byte offsets into the sentence
  int32_t end = 0;
  std::string_view text;     // as written: a view into the text tokenised (which must outlive the token)
  LowerWord lower;           // ASCII-lowercased: a view into the lower-cased text (see Tokenize)
  bool word = false;         // false for punctuation
  bool capitalised = false;  // first byte is an ASCII capital letter
  bool number = false;       // all digits (an ordinal suffix "4th" is stripped into `value`)
  int value = -1;            // numeric value when number (or ordinal), else -1
  uint16_t filter_slot = 0;  // WordFilter::Slot(lower)
};

// Tokens that keep the lower-cased text their `lower` views, on the heap: moving them keeps the
// views valid; copying them is not allowed (a copy of the vector alone views this one's text).
class Tokens : public std::vector<Token> {
 public:
  Tokens() : lowered_(std::make_unique<std::string>()) {}
  Tokens(Tokens&&) = default;
  Tokens& operator=(Tokens&&) = default;
  std::string* lowered() { return lowered_.get(); }

 private:
  std::unique_ptr<std::string> lowered_;
};

// Splits text into tokens (their `text` views `text`: keep it alive while the tokens are read).
// A possessive "'s" is its own token. Hyphens inside words split them into three tokens
// ("February-March" -> "February" "-" "March"), so that ranges can be read;
// the gazetteer matches hyphenated names token by token.
Tokens Tokenize(std::string_view text);
// The same into *out, reusing its tokens: for a caller that reads sentence after sentence.
// *lowered receives the text ASCII-lower-cased, once, and the tokens' `lower` view it: keep it
// alive and unchanged while the tokens are read, as `text`.
void Tokenize(std::string_view text, std::vector<Token>* out, std::string* lowered);

// Index of the first token whose span overlaps [begin, end), or -1.
int TokenAt(const std::vector<Token>& tokens, int32_t begin, int32_t end);

// True when tokens[i..] spell `phrase` (lower-case words separated by spaces).
// On success *next is the index after the match.
bool MatchPhrase(const std::vector<Token>& tokens, size_t i, const std::vector<std::string>& phrase, size_t* next);

std::vector<std::string> SplitWords(std::string_view phrase);

// A small fixed set of words (a function's closed word class: "and", "but", "that", ...),
// tested per token: count() as std::set's, without a tree walk for the words it lacks.
class WordSet {
 public:
  WordSet(std::initializer_list<std::string_view> words);
  // (In the header: called for most tokens, and most calls end at the filter.)
  size_t count(std::string_view w) const {
    if (!filter_.MayContain(w)) return 0;
    for (const std::string& word : words_)
      if (word == w) return 1;
    return 0;
  }
  // The same for a token's word, whose slot it keeps.
  size_t count(const LowerWord& w) const {
    if (!filter_.MayContainSlot(w.slot())) return 0;
    for (const std::string& word : words_)
      if (word == w) return 1;
    return 0;
  }
  // A filter of the words: it may contain each of them (and a few others).
  const WordFilter& filter() const { return filter_; }

 private:
  WordFilter filter_;
  std::vector<std::string> words_;
};

// A set of words read from a data file, with std::set's insert and count: a filter of the words'
// slots comes before the tree, since most tokens asked about are none of them.
class FilteredWordSet {
 public:
  void insert(std::string_view w) {
    filter_.Add(w);
    words_.emplace(w);
  }
  size_t count(std::string_view w) const { return filter_.MayContain(w) ? words_.count(w) : 0; }
  size_t size() const { return words_.size(); }

 private:
  WordFilter filter_;
  std::set<std::string, std::less<>> words_;
};

// A string hash that takes a view too: for maps with std::string keys looked up by a token's
// view, without building a std::string key (with std::equal_to<>).
struct ViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// A set of phrases (lower-case word sequences) indexed by their first word.
class PhraseSet {
 public:
  void Add(std::vector<std::string> words);
  // The length in tokens of the longest phrase starting at tokens[i], 0 if none.
  size_t LongestAt(const std::vector<Token>& tokens, size_t i) const {
    if (i >= tokens.size() || !first_words_.MayContainSlot(tokens[i].filter_slot)) return 0;
    return LongestFrom(tokens, i);
  }
  size_t size() const { return size_; }
  // A filter of the phrases' first words (LongestAt is 0 at a token it rejects).
  const WordFilter& first_words() const { return first_words_; }

 private:
  size_t LongestFrom(const std::vector<Token>& tokens, size_t i) const;

  std::unordered_map<std::string, std::vector<std::vector<std::string>>, ViewHash, std::equal_to<>> by_first_;
  WordFilter first_words_;
  size_t size_ = 0;
};

// One row of a TSV word list: the file's 1-based line and its columns.
struct TsvRow {
  int line = 0;
  std::vector<std::string> cols;
};

// Reads a TSV file, skipping blank lines and lines starting with '#'. Rows must
// have at least `min_cols` columns; else a one-line Status "path:line: ...".
Status ReadTsv(const std::string& path, size_t min_cols, std::vector<TsvRow>* rows);

std::string ToLowerAscii(std::string_view s);

}  // namespace dyad::enrich

#endif  // DYAD_ENRICH_TEXT_H_
