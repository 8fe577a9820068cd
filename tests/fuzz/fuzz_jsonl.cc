// The JSONL document reader (one JSON object per line; docs/input-formats.md),
// strict and lenient, with the default and a tiny document limit. Documents
// have valid UTF-8 text and a digest; errors are one line starting with
// "path:line:"; every document is reached (a bad line never stops the rest).
#include <cstdint>
#include <memory>
#include <string>

#include "dyad/reader.h"
#include "fuzz_util.h"
#include "normalize/normalize.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string path = dyad::fuzz::WriteScratch("input.jsonl", {reinterpret_cast<const char*>(data), size});
  for (size_t limit : {size_t{8} << 20, size_t{64}}) {
    for (bool lenient : {false, true}) {
      dyad::ReaderOptions options;
      options.lenient = lenient;
      options.max_document_bytes = limit;
      std::unique_ptr<dyad::DocumentReader> reader;
      dyad::Status opened = dyad::DocumentReader::Open(path, dyad::InputFormat::kJsonl, options, &reader);
      if (!opened.ok()) {
        FUZZ_CHECK_TEXT(dyad::fuzz::OneLine(opened.message()), opened.message());
        FUZZ_CHECK(opened.message().rfind(path, 0) == 0);
        continue;
      }
      FUZZ_CHECK(reader->format() == dyad::InputFormat::kJsonl);
      dyad::Document doc;
      bool done = false;
      for (size_t calls = 0; !done; ++calls) {
        FUZZ_CHECK(calls <= size + 1);  // each line is at least one byte
        dyad::Status s = reader->Next(&doc, &done);
        if (!s.ok()) {
          FUZZ_CHECK_TEXT(dyad::fuzz::OneLine(s.message()), s.message());
          FUZZ_CHECK(s.message().rfind(path + ":", 0) == 0);
          continue;
        }
        if (done) break;
        FUZZ_CHECK(doc.sha256.size() == 64);
        // Lenient repair writes U+FFFD (3 bytes) for an invalid byte: at most 3x the line.
        FUZZ_CHECK_TEXT(doc.text.size() <= 3 * limit, std::to_string(doc.text.size()) + " bytes: " + doc.text.substr(0, 200));
        FUZZ_CHECK(dyad::normalize::FindInvalidUtf8(doc.text) == std::string_view::npos);
        FUZZ_CHECK(dyad::normalize::FindInvalidUtf8(doc.id) == std::string_view::npos);
        FUZZ_CHECK(dyad::normalize::FindInvalidUtf8(doc.title) == std::string_view::npos);
      }
    }
  }
  return 0;
}
