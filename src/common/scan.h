// Skipping over text to the next byte of a small set ('\n' and sentence terminators, quotes and
// brackets): the sentence splitter's scans read every byte of every document, and most bytes are
// none of those it stops at.
//
// CONTRACT: header-only; a ByteStops is immutable after construction and safe to share between
// threads (the splitter keeps them as statics).
#ifndef DYAD_COMMON_SCAN_H_
#define DYAD_COMMON_SCAN_H_

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dyad {

// A set of K byte values (K from 1 to 8), and the first position at or after `at` holding one
// of them: sixteen bytes compared at a time where SSE2 is there (x86-64 always has it), byte by
// byte otherwise and for the last bytes.
template <size_t K>
class ByteStops {
  static_assert(K >= 1 && K <= 8, "a ByteStops holds one to eight bytes");

 public:
  // Exactly K bytes (a repeated byte is allowed: it only costs a compare).
  explicit ByteStops(const std::array<unsigned char, K>& bytes) : bytes_(bytes) {
    for (unsigned char b : bytes_) member_[b] = true;
  }

  bool contains(unsigned char c) const { return member_[c]; }

  // The first position i >= at with s[i] in the set; s.size() when there is none.
  size_t Find(std::string_view s, size_t at) const {
    const char* const p = s.data();
    const size_t n = s.size();
#if defined(__SSE2__)
    if (at + 16 <= n) {
      __m128i want[K];
      for (size_t k = 0; k < K; ++k) want[k] = _mm_set1_epi8(static_cast<char>(bytes_[k]));
      for (; at + 16 <= n; at += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at));
        __m128i hit = _mm_cmpeq_epi8(v, want[0]);
        for (size_t k = 1; k < K; ++k) hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, want[k]));
        const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hit));
        if (mask != 0) return at + static_cast<size_t>(std::countr_zero(mask));
      }
    }
#endif
    while (at < n && !member_[static_cast<unsigned char>(p[at])]) ++at;
    return at;
  }

 private:
  std::array<unsigned char, K> bytes_;
  std::array<bool, 256> member_{};
};

}  // namespace dyad

#endif  // DYAD_COMMON_SCAN_H_
