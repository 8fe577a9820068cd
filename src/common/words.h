// Small closed word classes tested against many words, and literal comparisons in line: the
// coder, the frames and the enricher ask such questions for every word of every sentence.
//
// CONTRACT: header-only, no state beyond each list's own; a WordList is immutable after
// construction and safe to share between threads (the stages keep them as function statics).
#ifndef DYAD_COMMON_WORDS_H_
#define DYAD_COMMON_WORDS_H_

#include <array>
#include <bit>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string_view>
#include <utility>
#include <vector>

namespace dyad {

// A filter of words on their length and first and last bytes: MayContain is false only for a
// word no Add() can have given, in a few instructions (no hash of the bytes, no compare).
class WordShapeFilter {
 public:
  void Add(std::string_view w) { bits_.set(Slot(w)); }
  bool MayContain(std::string_view w) const { return bits_[Slot(w)]; }
  // The same for a word whose Slot() is known.
  bool MayContainSlot(size_t slot) const { return bits_[slot]; }

  // (4096 slots: a list of some 60 words, with 256, let one word in four through to the compares.)
  static size_t Slot(std::string_view w) {
    if (w.empty()) return 0;
    return (w.size() * 31 + static_cast<unsigned char>(w.front()) * 7 + static_cast<unsigned char>(w.back())) % 4096;
  }

 private:
  std::bitset<4096> bits_;
};

// A hash of a word's shape for large filters of trigger words (the frames' triggers, the gazetteer's
// first words): its length and its first two and last two bytes, mixed. Callers take it modulo
// their filter's size; two words of the same shape share a slot, which only costs a compare.
inline size_t WordShapeHash(std::string_view w) {
  if (w.empty()) return 0;
  const auto byte = [&](size_t i) { return static_cast<size_t>(static_cast<unsigned char>(w[i])); };
  const size_t last = w.size() - 1;
  size_t h = w.size();
  h = h * 131 + byte(0);
  h = h * 131 + byte(last > 0 ? 1 : 0);
  h = h * 131 + byte(last > 0 ? last - 1 : 0);
  h = h * 131 + byte(last);
  return h ^ (h >> 16);
}

// A small fixed set of words (the closed classes the stages test words against), with
// std::set's count(): most words tested are in none of them, and the shape filter turns those
// away without the tree walk's string comparisons.
class WordList {
 public:
  WordList(std::initializer_list<std::string_view> words) : WordList(std::vector<std::string_view>(words)) {}
  // (The words must outlive the list: it keeps views.)
  explicit WordList(std::vector<std::string_view> words) : words_(std::move(words)) {
    next_.assign(words_.size(), 0);
    for (size_t k = 0; k < words_.size(); ++k) {
      const size_t slot = WordShapeFilter::Slot(words_[k]);
      filter_.Add(words_[k]);
      slots_.push_back(static_cast<uint16_t>(slot));
      // Word k heads the chain of its bucket; the word that headed it comes next.
      next_[k] = heads_[slot % kBuckets];
      heads_[slot % kBuckets] = static_cast<uint16_t>(k + 1);
    }
  }
  // (Always inlined: the stages ask it some 750,000 times on 20,000 sentences, and most calls end
  // at the filter.)
  [[gnu::always_inline]] size_t count(std::string_view w) const {
    const size_t slot = WordShapeFilter::Slot(w);
    if (!filter_.MayContainSlot(slot)) return 0;
    // (Only the words of the same slot are compared: most words let through share it with one,
    // found through the chain of its bucket, not a walk of the whole list.)
    for (uint16_t k = heads_[slot % kBuckets]; k != 0; k = next_[k - 1])
      if (slots_[k - 1] == slot && words_[k - 1] == w) return 1;
    return 0;
  }

 private:
  static constexpr size_t kBuckets = 64;
  std::vector<std::string_view> words_;
  std::vector<uint16_t> slots_;  // WordShapeFilter::Slot of each word
  // The words by bucket (slot % kBuckets): heads_[b] is 1 + the index of the bucket's first word
  // (0: none), next_[k] 1 + the index of the word after word k (0: the end).
  std::array<uint16_t, kBuckets> heads_{};
  std::vector<uint16_t> next_;
  WordShapeFilter filter_;
};

// A byte of a word: an ASCII letter or digit, or any non-ASCII byte (so letters of other scripts
// stay whole). A table: the tokenisers ask it of every byte of every sentence.
inline constexpr std::array<bool, 256> kWordBytes = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
  return t;
}();
inline bool IsWordByte(unsigned char c) { return kWordBytes[c]; }

// The index of the first byte of `s` at or after `at` that is no ASCII letter ('A'-'Z', 'a'-'z'),
// s.size() when there is none: eight bytes at a time (most bytes of a sentence are letters, and
// the tokenisers extend a word over them without asking anything else).
inline size_t SkipAsciiLetters(std::string_view s, size_t at) {
  const char* const p = s.data();
  const size_t n = s.size();
  if constexpr (std::endian::native == std::endian::little) {
    constexpr uint64_t k01 = 0x0101010101010101ull, high = 0x8080808080808080ull;
    for (; at + 8 <= n; at += 8) {
      uint64_t x;
      std::memcpy(&x, p + at, 8);
      // Each ASCII byte folded to lower case ('A'-'Z' gain 0x20; no other byte lands in 'a'-'z'),
      // its bit 7 set when it is in ['a', 'z']; non-ASCII bytes (bit 7 of x) are no letters.
      const uint64_t y = (x | 0x20 * k01) & ~high;
      const uint64_t letters = (y + (0x80 - 'a') * k01) & ~(y + (0x7F - 'z') * k01) & high & ~x;
      const uint64_t stops = ~letters & high;
      if (stops != 0) return at + static_cast<size_t>(std::countr_zero(stops) >> 3);
    }
  }
  for (; at < n; ++at) {
    const unsigned char c = static_cast<unsigned char>(p[at]) | 0x20;
    if (c < 'a' || c > 'z') break;
  }
  return at;
}

// Lower-cases ASCII 'A'-'Z' in bytes[0, size), eight bytes at a time; other bytes, non-ASCII
// too, stay. The tokenisers lower-case each sentence once with it.
inline void LowerAsciiInPlace(char* bytes, size_t size) {
  size_t at = 0;
  for (; at + 8 <= size; at += 8) {
    uint64_t x;
    std::memcpy(&x, bytes + at, 8);
    constexpr uint64_t k01 = 0x0101010101010101ull, high = 0x8080808080808080ull;
    const uint64_t y = x & ~high;
    const uint64_t upper = (y + (0x80 - 'A') * k01) & ~(y + (0x7F - 'Z') * k01) & high & ~(x & high);
    x += upper >> 2;
    std::memcpy(bytes + at, &x, 8);
  }
  for (; at < size; ++at)
    if (bytes[at] >= 'A' && bytes[at] <= 'Z') bytes[at] = static_cast<char>(bytes[at] - 'A' + 'a');
}

// `s` is the literal `word`, compared in line: the length first, then the bytes (std::string's ==
// with a literal is a call to compare, strlen and memcmp).
template <size_t N>
inline bool Is(std::string_view s, const char (&word)[N]) {
  constexpr size_t n = N - 1;
  if (s.size() != n) return false;
  for (size_t k = 0; k < n; ++k)
    if (s[k] != word[k]) return false;
  return true;
}

// Latin letters with diacritics, folded to their ASCII capital, so that "Orbán", "ORBÁN" and
// "Orban" are one word to the dictionaries ("Szijjártó", "Erdoğan", "Déby", "Wałęsa", "Ștefan").
// `lead`, `next`: the two bytes of a UTF-8 letter of U+00C0-U+017F or U+0218-U+021B. Returns the
// ASCII capital ('Á', 'á' -> 'A'; 'ł' -> 'L'), or 0 for any other pair and for letters with no
// one-letter ASCII base (Æ, Œ, ß, Þ, ×, ÷). *upper: whether the letter was a capital.
inline char FoldLatinLetter(unsigned char lead, unsigned char next, bool* upper) {
  if ((next & 0xC0) != 0x80) return 0;
  const unsigned cp = ((lead & 0x1Fu) << 6) | (next & 0x3Fu);
  if (lead == 0xC3) {  // U+00C0-U+00FF
    static constexpr char kLatin1[] = "AAAAAA\0CEEEEIIIIDNOOOOO\0OUUUUY\0\0";
    const unsigned k = (cp - 0xC0) & 0x1Fu;  // the same letter in both cases
    *upper = cp < 0xE0;
    if (cp == 0xFF) return 'Y';
    return k == 6 ? 0 : kLatin1[k];  // (Æ/æ)
  }
  if (lead == 0xC4 || lead == 0xC5) {  // U+0100-U+017F: Latin Extended-A
    struct Range { unsigned last; char base; };
    static constexpr Range kRanges[] = {
        {0x105, 'A'}, {0x10D, 'C'}, {0x111, 'D'}, {0x11B, 'E'}, {0x123, 'G'}, {0x127, 'H'}, {0x131, 'I'},
        {0x133, 0},   {0x135, 'J'}, {0x138, 'K'}, {0x142, 'L'}, {0x14B, 'N'}, {0x151, 'O'}, {0x153, 0},
        {0x159, 'R'}, {0x161, 'S'}, {0x167, 'T'}, {0x173, 'U'}, {0x175, 'W'}, {0x178, 'Y'}, {0x17E, 'Z'},
        {0x17F, 'S'}};
    // Capitals are the even code points, except from U+0139 to U+0148 and from U+0179 (odd).
    const bool odd_capitals = (cp >= 0x139 && cp <= 0x148) || cp >= 0x179;
    *upper = cp == 0x178 || ((cp & 1u) == (odd_capitals ? 1u : 0u) && cp != 0x138 && cp != 0x149 && cp != 0x17F);
    for (const Range& r : kRanges)
      if (cp <= r.last) return r.base;
    return 0;
  }
  if (lead == 0xC8 && cp >= 0x218 && cp <= 0x21B) {  // Ș ș Ț ț (Romanian)
    *upper = (cp & 1u) == 0;
    return cp < 0x21A ? 'S' : 'T';
  }
  return 0;
}

// Folds, in place, the letters of `word` (len bytes, upper-cased ASCII and raw UTF-8 otherwise)
// that FoldLatinLetter knows; returns the new length. *first_upper: set when the word starts with
// such a capital.
inline size_t FoldLatinLetters(char* word, size_t len, bool* first_upper) {
  size_t out = 0;
  for (size_t i = 0; i < len; ++i) {
    const unsigned char c = static_cast<unsigned char>(word[i]);
    bool upper = false;
    const char base = c >= 0xC3 && c <= 0xC8 && i + 1 < len ? FoldLatinLetter(c, static_cast<unsigned char>(word[i + 1]), &upper) : 0;
    if (base != 0) {
      if (i == 0 && upper && first_upper) *first_upper = true;
      word[out++] = base;
      ++i;
    } else {
      word[out++] = word[i];
    }
  }
  return out;
}

}  // namespace dyad

#endif  // DYAD_COMMON_WORDS_H_
