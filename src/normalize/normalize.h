// Normalisation: UTF-8 validation, Unicode NFC and typographic folding, with a
// map from every byte of the result back to a code point of the input.
//
// What Normalize() does, in order:
//   1. Validates UTF-8 (strict: no overlong forms, no surrogates, nothing above
//      U+10FFFF). An invalid byte is an error "invalid UTF-8 at byte N" (N is the
//      0-based byte offset in the input; the caller prefixes the document id or
//      path), or, with options.lenient, is replaced by U+FFFD. Each invalid byte
//      counts as ONE code point of the original (as if it had been replaced).
//   2. Unicode NFC (ICU). Characters changed by NFC map to the first code point
//      of the input span they came from.
//   3. Folding:
//        ‘ ’ ‚ ‛ ′ ‹ › ʼ                  -> '
//        “ ” „ ‟ « » ″                   -> "
//        ‐ ‑ ‒ – − ﹣ －                  -> -
//        — ―  -> "-", and " - " when glued between two non-blank characters
//                (a parenthetical em dash "war—and" becomes "war - and");
//        …    -> "..."
//        U+00A0, U+1680, U+2000..U+200A, U+202F, U+205F, U+3000 -> ' '
//        U+2028 -> '\n', U+2029 -> "\n\n"
//        zero-width characters (U+200B..U+200D, U+2060, U+FEFF), soft hyphen
//        U+00AD and bidi controls (U+200E, U+200F, U+202A..U+202E,
//        U+2066..U+2069) are dropped;
//        CR LF and a lone CR -> '\n'; other C0/C1 controls and DEL (except
//        '\t' and '\n') -> ' '.
//   Fast path: pure ASCII input without CR or control characters is copied
//   and the map is the identity.
//
// Thread-safe (no shared mutable state). Never throws.
#ifndef DYAD_NORMALIZE_NORMALIZE_H_
#define DYAD_NORMALIZE_NORMALIZE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"

namespace dyad::normalize {

struct NormalizeOptions {
  bool lenient = false;  // replace invalid UTF-8 by U+FFFD instead of failing
};

struct NormalizedText {
  std::string text;  // NFC, folded, valid UTF-8
  // original_cp[i] = code point offset in the input of the character that
  // produced byte i of `text`; size text.size() + 1, the last entry is the
  // number of code points of the input. Non-decreasing.
  std::vector<uint32_t> original_cp;

  // original_cp[byte_offset]; offsets past the end clamp to the last entry
  // (0 for a default-constructed NormalizedText).
  int64_t OriginalCodePoint(size_t byte_offset) const;

  // The exclusive END, in original code points, of a span of `text` ending at
  // byte_end (exclusive). Same as OriginalCodePoint(byte_end) except inside an
  // expansion (one original character that became several: "…" -> "...",
  // a glued "—" -> " - "), where it is the code point after that character, so
  // a token "-" taken from " - " maps to the em dash, not to an empty span.
  int64_t OriginalEnd(size_t byte_end) const;
};

// Inputs larger than 4 GiB - 1 are an error ("input too large").
// On error *out is left empty.
Status Normalize(std::string_view input, const NormalizeOptions& options, NormalizedText* out);

// Returns the byte offset of the first invalid UTF-8 sequence, or npos when
// `bytes` is valid UTF-8 (strict rules as above).
size_t FindInvalidUtf8(std::string_view bytes);

// Replaces each invalid byte by U+FFFD.
std::string RepairUtf8(std::string_view bytes);

// Number of code points in valid UTF-8 (counts non-continuation bytes).
size_t CountCodePoints(std::string_view utf8);

}  // namespace dyad::normalize

#endif  // DYAD_NORMALIZE_NORMALIZE_H_
