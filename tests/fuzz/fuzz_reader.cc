// DocumentReader in every format over a file holding the input, with the
// default document limit (8 MiB): documents carry a digest and valid UTF-8,
// errors are one line starting with the path, reading always ends.
#include <cstdint>
#include <memory>
#include <string>

#include "dyad/reader.h"
#include "fuzz_util.h"
#include "normalize/normalize.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string path = dyad::fuzz::WriteScratch("input.txt", {reinterpret_cast<const char*>(data), size});
  for (dyad::InputFormat format : {dyad::InputFormat::kAuto, dyad::InputFormat::kText, dyad::InputFormat::kJsonl,
                                   dyad::InputFormat::kTabari, dyad::InputFormat::kHtml}) {
    for (bool lenient : {false, true}) {
      dyad::ReaderOptions options;
      options.lenient = lenient;
      options.data_dir = DYAD_DATA_DIR;
      std::unique_ptr<dyad::DocumentReader> reader;
      dyad::Status opened = dyad::DocumentReader::Open(path, format, options, &reader);
      if (!opened.ok()) {
        FUZZ_CHECK_TEXT(dyad::fuzz::OneLine(opened.message()), opened.message());
        FUZZ_CHECK(opened.message().rfind(path, 0) == 0);
        continue;
      }
      dyad::Document doc;
      bool done = false;
      // Every document needs at least one input byte: more calls than bytes is a loop.
      for (size_t calls = 0; !done; ++calls) {
        FUZZ_CHECK(calls <= size + 1);
        dyad::Status s = reader->Next(&doc, &done);
        if (!s.ok()) {
          FUZZ_CHECK_TEXT(dyad::fuzz::OneLine(s.message()), s.message());
          FUZZ_CHECK(s.message().rfind(path, 0) == 0);
          continue;
        }
        if (done) break;
        FUZZ_CHECK(doc.sha256.size() == 64);
        FUZZ_CHECK(dyad::normalize::FindInvalidUtf8(doc.text) == std::string_view::npos);
      }
    }
  }
  return 0;
}

std::vector<std::pair<std::string, std::string>> DyadFuzzGeneratedInputs() {
  using dyad::fuzz::Repeat;
  return {
      {"deep_div_40000.html", "<html><body><p>Russia attacked Ukraine." + Repeat("<div>", 40000) + "x</body>"},
      {"nested_tables_8000.html", "<!doctype html><table>" + Repeat("<table><tr><td>", 8000)},
      {"tabari_long_record.txt", "950101 X\n" + Repeat("Russia attacked Ukraine. ", 20000) + "\n\n"},
  };
}
