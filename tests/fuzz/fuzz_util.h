// Shared by the fuzz harnesses (docs/fuzzing.md). Each harness defines
// LLVMFuzzerTestOneInput(); it is linked either with libFuzzer (-DDYAD_FUZZ=ON,
// clang) or with replay_main.cc, which runs every file of a corpus folder.
#ifndef DYAD_TESTS_FUZZ_FUZZ_UTIL_H_
#define DYAD_TESTS_FUZZ_FUZZ_UTIL_H_

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// A broken invariant: say which, then abort (libFuzzer saves the input; the
// replay driver names the file it was running).
#define FUZZ_CHECK(cond)                                                              \
  do {                                                                                \
    if (!(cond)) {                                                                    \
      std::fprintf(stderr, "%s:%d: fuzz invariant broken: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                   \
    }                                                                                 \
  } while (0)

// The same, also printing `text` (the message or document at fault), escaped.
#define FUZZ_CHECK_TEXT(cond, text)                                                    \
  do {                                                                                \
    if (!(cond)) {                                                                    \
      std::fprintf(stderr, "%s:%d: fuzz invariant broken: %s\n  on: ", __FILE__, __LINE__, #cond); \
      for (unsigned char c_ : std::string_view(text)) {                               \
        if (c_ < 0x20 || c_ >= 0x7F) std::fprintf(stderr, "\\x%02X", c_);          \
        else std::fputc(c_, stderr);                                                  \
      }                                                                               \
      std::fputc('\n', stderr);                                                      \
      std::abort();                                                                   \
    }                                                                                 \
  } while (0)

// Inputs too large to keep in the repository (the crashing cases of issue 11,
// items 1-2), built in memory. A harness that has some defines this function;
// the replay driver runs them after the corpus and can write them out to seed
// a libFuzzer run (`fuzz_X_replay --write-generated DIR`).
std::vector<std::pair<std::string, std::string>> DyadFuzzGeneratedInputs() __attribute__((weak));

namespace dyad::fuzz {

inline std::string Repeat(std::string_view piece, size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (size_t i = 0; i < times; ++i) out += piece;
  return out;
}

// A per-process scratch folder under the temporary directory, created once.
// Removed at a normal exit (libFuzzer and the replay driver both exit normally).
inline const std::filesystem::path& ScratchDir() {
  struct Scratch {
    std::filesystem::path dir;
    Scratch() : dir(std::filesystem::temp_directory_path() / ("dyad_fuzz_" + std::to_string(::getpid()))) {
      std::error_code ec;
      std::filesystem::remove_all(dir, ec);  // a reused pid finds an earlier run's files
      std::filesystem::create_directories(dir);
    }
    ~Scratch() {
      std::error_code ec;
      std::filesystem::remove_all(dir, ec);
    }
  };
  static const Scratch scratch;
  return scratch.dir;
}

// Writes the input to ScratchDir()/name (replacing it; `name` may hold a folder) and returns the path.
inline std::string WriteScratch(const std::string& name, std::string_view bytes) {
  const std::filesystem::path file = ScratchDir() / name;
  std::filesystem::create_directories(file.parent_path());
  const std::string path = file.string();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return path;
}

// An error message as the project requires it: one non-empty line.
inline bool OneLine(const std::string& message) {
  return !message.empty() && message.find('\n') == std::string::npos && message.find('\r') == std::string::npos;
}

// No control byte other than tab: warnings must not echo raw input bytes.
inline bool NoControlBytes(std::string_view text) {
  for (unsigned char c : text) {
    if ((c < 0x20 && c != '\t') || c == 0x7F) return false;
  }
  return true;
}

}  // namespace dyad::fuzz

#endif  // DYAD_TESTS_FUZZ_FUZZ_UTIL_H_
