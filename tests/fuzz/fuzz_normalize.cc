// Normalize(): strict and lenient. Invariants: map size and monotonicity,
// valid UTF-8 out, last map entry = code points of the (repaired) input.
#include <cstdint>
#include <string_view>

#include "fuzz_util.h"
#include "normalize/normalize.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  for (bool lenient : {false, true}) {
    dyad::normalize::NormalizeOptions options;
    options.lenient = lenient;
    dyad::normalize::NormalizedText out;
    dyad::Status s = dyad::normalize::Normalize(input, options, &out);
    bool valid = dyad::normalize::FindInvalidUtf8(input) == std::string_view::npos;
    FUZZ_CHECK(s.ok() == (valid || lenient));
    if (!s.ok()) continue;
    FUZZ_CHECK(out.original_cp.size() == out.text.size() + 1);
    for (size_t i = 1; i < out.original_cp.size(); ++i) {
      FUZZ_CHECK(out.original_cp[i - 1] <= out.original_cp[i]);
    }
    FUZZ_CHECK(dyad::normalize::FindInvalidUtf8(out.text) == std::string_view::npos);
    std::string repaired = valid ? std::string(input) : dyad::normalize::RepairUtf8(input);
    FUZZ_CHECK(out.original_cp.back() == dyad::normalize::CountCodePoints(repaired));
  }
  return 0;
}
