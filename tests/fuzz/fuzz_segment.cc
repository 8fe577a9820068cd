// SplitSentences() and Tokenize(). Invariants: spans inside the text, ordered,
// disjoint, non-empty, trimmed, at most kMaxSentenceBytes.
#include <cstdint>
#include <string_view>

#include "fuzz_util.h"
#include "segment/segment.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  size_t prev_end = 0;
  for (const auto& s : dyad::segment::SplitSentences(text)) {
    FUZZ_CHECK(s.begin >= prev_end && s.end > s.begin && s.end <= text.size());
    FUZZ_CHECK(s.end - s.begin <= dyad::segment::kMaxSentenceBytes);
    FUZZ_CHECK(text[s.begin] != ' ' && text[s.end - 1] != ' ' && text[s.begin] != '\n');
    prev_end = s.end;
    size_t prev_token = s.begin;
    std::string_view sentence = text.substr(s.begin, s.end - s.begin);
    for (const auto& t : dyad::segment::Tokenize(sentence)) {
      FUZZ_CHECK(s.begin + t.begin >= prev_token && t.end > t.begin && t.end <= sentence.size());
      prev_token = s.begin + t.end;
    }
  }
  return 0;
}
