// DocumentReader in every format over a temporary file holding the input.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

#include "dyad/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = "/tmp/dyad_fuzz_reader_" + std::to_string(::getpid());
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return 0;
  std::fwrite(data, 1, size, f);
  std::fclose(f);
  for (dyad::InputFormat format : {dyad::InputFormat::kAuto, dyad::InputFormat::kText, dyad::InputFormat::kJsonl,
                                   dyad::InputFormat::kTabari, dyad::InputFormat::kHtml}) {
    dyad::ReaderOptions options;
    options.max_document_bytes = 4096;
    std::unique_ptr<dyad::DocumentReader> reader;
    if (!dyad::DocumentReader::Open(path, format, options, &reader).ok()) continue;
    dyad::Document doc;
    bool done = false;
    for (int i = 0; i < 100000; ++i) {
      dyad::Status s = reader->Next(&doc, &done);
      if (done) break;
      if (s.ok() && doc.sha256.size() != 64) __builtin_trap();
      if (s.message().find('\n') != std::string::npos) __builtin_trap();
    }
  }
  return 0;
}
