#include "normalize/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include <cstring>
#include <limits>
#include <numeric>

namespace dyad::normalize {
namespace {

// Length of the valid UTF-8 sequence at p (1..4), or 0 when it is invalid.
size_t ValidSequenceLength(const unsigned char* p, size_t n) {
  unsigned char b = p[0];
  if (b < 0x80) return 1;
  if (b < 0xC2) return 0;  // continuation byte or overlong 2-byte lead
  if (b < 0xE0) {
    return (n >= 2 && (p[1] & 0xC0) == 0x80) ? 2 : 0;
  }
  if (b < 0xF0) {
    if (n < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0;
    if (b == 0xE0 && p[1] < 0xA0) return 0;   // overlong
    if (b == 0xED && p[1] >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (b < 0xF5) {
    if (n < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80) return 0;
    if (b == 0xF0 && p[1] < 0x90) return 0;   // overlong
    if (b == 0xF4 && p[1] >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

// Decodes the valid sequence at p of length len.
char32_t Decode(const unsigned char* p, size_t len) {
  switch (len) {
    case 1: return p[0];
    case 2: return (char32_t(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    case 3: return (char32_t(p[0] & 0x0F) << 12) | (char32_t(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    default:
      return (char32_t(p[0] & 0x07) << 18) | (char32_t(p[1] & 0x3F) << 12) |
             (char32_t(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
  }
}

bool IsFastPathByte(unsigned char b) {
  return b < 0x80 && (b >= 0x20 || b == '\n' || b == '\t') && b != 0x7F;
}

// True when every byte of `s` passes IsFastPathByte; 8 bytes at a time.
bool AllFastPath(std::string_view s) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  const char* p = s.data();
  size_t n = s.size(), i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    uint64_t del = w ^ (kOnes * 0x7F);
    bool suspicious = (w & kHigh) != 0 || ((w - kOnes * 0x20) & ~w & kHigh) != 0 ||
                      ((del - kOnes) & ~del & kHigh) != 0;
    if (suspicious) {
      for (size_t k = i; k < i + 8; ++k) {
        if (!IsFastPathByte(static_cast<unsigned char>(p[k]))) return false;
      }
    }
  }
  for (; i < n; ++i) {
    if (!IsFastPathByte(static_cast<unsigned char>(p[i]))) return false;
  }
  return true;
}

bool IsUnicodeSpace(char32_t c) {
  return c == 0x00A0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
         c == 0x205F || c == 0x3000;
}

bool IsDropped(char32_t c) {
  return c == 0x00AD || (c >= 0x200B && c <= 0x200F) || c == 0x2060 || c == 0xFEFF ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

bool IsBlankCp(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || IsUnicodeSpace(c) || c == 0x2028 ||
         c == 0x2029;
}

// Appends `s`, every byte mapped to original code point `cp`.
void Emit(std::string_view s, uint32_t cp, NormalizedText* out) {
  out->text.append(s);
  out->original_cp.insert(out->original_cp.end(), s.size(), cp);
}

// Fold pass over valid NFC UTF-8 `s`. `cp_of_byte(i)` gives the original code
// point of byte i of s; it is called with non-decreasing i.
template <typename CpOf>
void Fold(std::string_view s, CpOf cp_of_byte, NormalizedText* out) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    unsigned char b = p[i];
    if (IsFastPathByte(b)) {  // run of plain ASCII
      size_t j = i + 1;
      while (j < n && IsFastPathByte(p[j])) ++j;
      out->text.append(s.data() + i, j - i);
      for (size_t k = i; k < j; ++k) out->original_cp.push_back(cp_of_byte(k));
      i = j;
      continue;
    }
    size_t len = ValidSequenceLength(p + i, n - i);
    if (len == 0) len = 1;  // cannot happen: s is valid
    char32_t c = Decode(p + i, len);
    uint32_t cp = cp_of_byte(i);
    size_t next = i + len;
    if (c == '\r') {
      Emit("\n", cp, out);
      if (next < n && p[next] == '\n') {
        cp_of_byte(next);
        ++next;
      }
    } else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
      Emit(" ", cp, out);
    } else if (c == 0x2018 || c == 0x2019 || c == 0x201A || c == 0x201B || c == 0x2032 ||
               c == 0x2039 || c == 0x203A || c == 0x02BC) {
      Emit("'", cp, out);
    } else if (c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F || c == 0x00AB ||
               c == 0x00BB || c == 0x2033) {
      Emit("\"", cp, out);
    } else if (c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2013 || c == 0x2212 ||
               c == 0xFE63 || c == 0xFF0D) {
      Emit("-", cp, out);
    } else if (c == 0x2014 || c == 0x2015) {
      bool prev_glued = !out->text.empty() && out->text.back() != ' ' &&
                        out->text.back() != '\n' && out->text.back() != '\t';
      bool next_glued = false;
      if (next < n) {
        size_t nl = ValidSequenceLength(p + next, n - next);
        if (nl == 0) nl = 1;
        next_glued = !IsBlankCp(Decode(p + next, nl));
      }
      Emit(prev_glued && next_glued ? " - " : "-", cp, out);
    } else if (c == 0x2026) {
      Emit("...", cp, out);
    } else if (IsUnicodeSpace(c)) {
      Emit(" ", cp, out);
    } else if (c == 0x2028) {
      Emit("\n", cp, out);
    } else if (c == 0x2029) {
      Emit("\n\n", cp, out);
    } else if (IsDropped(c)) {
      // nothing
    } else {
      Emit(s.substr(i, len), cp, out);
    }
    i = next;
  }
}

}  // namespace

int64_t NormalizedText::OriginalCodePoint(size_t byte_offset) const {
  if (original_cp.empty()) return 0;
  if (byte_offset >= original_cp.size()) return original_cp.back();
  return original_cp[byte_offset];
}

int64_t NormalizedText::OriginalEnd(size_t byte_end) const {
  if (original_cp.empty()) return 0;
  if (byte_end == 0) return original_cp[0];
  if (byte_end >= original_cp.size()) return original_cp.back();
  if (byte_end < text.size() && original_cp[byte_end] == original_cp[byte_end - 1]) {
    // Inside one original character: a multi-byte UTF-8 character of `text`
    // (never a span end) or an expansion of one original character.
    unsigned char b = static_cast<unsigned char>(text[byte_end]);
    if ((b & 0xC0) != 0x80) return original_cp[byte_end - 1] + 1;
  }
  return original_cp[byte_end];
}

size_t FindInvalidUtf8(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  size_t i = 0;
  while (i < n) {
    // ASCII eight bytes at a time.
    uint64_t v;
    if (i + 8 <= n && (std::memcpy(&v, p + i, 8), (v & 0x8080808080808080ull) == 0)) {
      i += 8;
      continue;
    }
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    size_t len = ValidSequenceLength(p + i, n - i);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

std::string RepairUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  size_t i = 0;
  while (i < n) {
    size_t len = ValidSequenceLength(p + i, n - i);
    if (len == 0) {
      out.append("\xEF\xBF\xBD");
      ++i;
    } else {
      out.append(bytes.data() + i, len);
      i += len;
    }
  }
  return out;
}

size_t CountCodePoints(std::string_view utf8) {
  size_t count = 0;
  for (unsigned char b : utf8) count += (b & 0xC0) != 0x80;
  return count;
}

Status Normalize(std::string_view input, const NormalizeOptions& options, NormalizedText* out) {
  out->text.clear();
  out->original_cp.clear();
  if (input.size() >= std::numeric_limits<uint32_t>::max()) {
    return Status::Error("input too large (" + std::to_string(input.size()) + " bytes)");
  }

  // Fast path: printable ASCII, '\n' and '\t' only.
  if (AllFastPath(input)) {
    out->text.assign(input);
    out->original_cp.resize(input.size() + 1);
    std::iota(out->original_cp.begin(), out->original_cp.end(), uint32_t{0});
    return Status::Ok();
  }

  // 1. Validate (or repair). After this, `s1` is valid UTF-8 and the original
  // code point of a byte of s1 is the number of code points of s1 before it.
  std::string repaired;
  std::string_view s1 = input;
  size_t bad = FindInvalidUtf8(input);
  if (bad != std::string_view::npos) {
    if (!options.lenient) return Status::Error("invalid UTF-8 at byte " + std::to_string(bad));
    repaired = RepairUtf8(input);
    s1 = repaired;
  }
  if (s1.size() >= std::numeric_limits<uint32_t>::max()) {
    return Status::Error("input too large (" + std::to_string(s1.size()) + " bytes)");
  }

  // 2. NFC, with a map from NFC bytes back to s1 bytes when anything changes.
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(ec);
  if (U_FAILURE(ec)) return Status::Error(std::string("ICU NFC unavailable: ") + u_errorName(ec));
  icu::StringPiece piece(s1.data(), static_cast<int32_t>(s1.size()));
  bool already_nfc = nfc->isNormalizedUTF8(piece, ec);
  if (U_FAILURE(ec)) return Status::Error(std::string("ICU NFC check failed: ") + u_errorName(ec));

  out->text.reserve(s1.size() + s1.size() / 16);
  out->original_cp.reserve(s1.size() + s1.size() / 16 + 1);

  // Running conversion of s1 byte offsets (non-decreasing) to code points.
  size_t cursor = 0;
  uint32_t cursor_cp = 0;
  auto s1_cp = [&](size_t byte) -> uint32_t {
    while (cursor < byte) {
      cursor_cp += (static_cast<unsigned char>(s1[cursor]) & 0xC0) != 0x80;
      ++cursor;
    }
    return cursor_cp;
  };

  if (already_nfc) {
    Fold(s1, s1_cp, out);
  } else {
    std::string s2;
    s2.reserve(s1.size() + 16);
    icu::StringByteSink<std::string> sink(&s2);
    icu::Edits edits;
    nfc->normalizeUTF8(0, piece, sink, &edits, ec);
    if (U_FAILURE(ec)) return Status::Error(std::string("ICU NFC failed: ") + u_errorName(ec));
    std::vector<uint32_t> to_s1(s2.size() + 1, static_cast<uint32_t>(s1.size()));
    icu::Edits::Iterator it = edits.getCoarseIterator();
    while (it.next(ec)) {
      int32_t src = it.sourceIndex(), dst = it.destinationIndex();
      if (it.hasChange()) {
        for (int32_t k = 0; k < it.newLength(); ++k) to_s1[dst + k] = static_cast<uint32_t>(src);
      } else {
        for (int32_t k = 0; k < it.oldLength(); ++k) to_s1[dst + k] = static_cast<uint32_t>(src + k);
      }
    }
    if (U_FAILURE(ec)) return Status::Error(std::string("ICU NFC edits failed: ") + u_errorName(ec));
    Fold(s2, [&](size_t byte) { return s1_cp(to_s1[byte]); }, out);
  }
  out->original_cp.push_back(static_cast<uint32_t>(CountCodePoints(s1)));
  return Status::Ok();
}

}  // namespace dyad::normalize
