// Replays fuzz inputs through one harness without libFuzzer (any compiler):
//   fuzz_X_replay DIR_OR_FILE...          every file (folders sorted by name), then
//                                         the harness's generated inputs
//   fuzz_X_replay --write-generated DIR   writes the generated inputs to DIR
// CTest runs it on tests/fuzz/corpus/X (label `fuzz`). A broken invariant aborts
// after naming the input.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

int Run(const std::string& name, const std::string& bytes) {
  std::fprintf(stderr, "%s (%zu bytes)\n", name.c_str(), bytes.size());
  return LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

bool ReadAll(const std::filesystem::path& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::pair<std::string, std::string>> generated;
  if (DyadFuzzGeneratedInputs != nullptr) generated = DyadFuzzGeneratedInputs();
  if (argc == 3 && std::string(argv[1]) == "--write-generated") {
    std::filesystem::create_directories(argv[2]);
    for (const auto& [name, bytes] : generated) {
      std::ofstream out(std::filesystem::path(argv[2]) / name, std::ios::binary);
      out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      if (!out) {
        std::fprintf(stderr, "%s: cannot write %s\n", argv[0], name.c_str());
        return 1;
      }
    }
    return 0;
  }
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DIR_OR_FILE... | --write-generated DIR\n", argv[0]);
    return 2;
  }
  size_t count = 0;
  for (int i = 1; i < argc; ++i) {
    const std::filesystem::path arg = argv[i];
    std::vector<std::filesystem::path> files;
    if (std::filesystem::is_directory(arg)) {
      for (const auto& entry : std::filesystem::directory_iterator(arg)) {
        if (entry.is_regular_file()) files.push_back(entry.path());
      }
      std::sort(files.begin(), files.end());
      if (files.empty()) {
        std::fprintf(stderr, "%s: no inputs in %s\n", argv[0], argv[i]);
        return 1;
      }
    } else {
      files.push_back(arg);
    }
    for (const auto& file : files) {
      std::string bytes;
      if (!ReadAll(file, &bytes)) {
        std::fprintf(stderr, "%s: cannot read %s\n", argv[0], file.string().c_str());
        return 1;
      }
      Run(file.string(), bytes);
      ++count;
    }
  }
  for (const auto& [name, bytes] : generated) {
    Run("generated:" + name, bytes);
    ++count;
  }
  std::fprintf(stderr, "%zu inputs, no invariant broken\n", count);
  return 0;
}
