// A test process's own folder under the temporary directory: STEM_PID (dyad_cli_test_4242).
// Emptied when first asked for, since a pid reused from an earlier run that died finds that
// run's folder (a database of an older schema, stale outputs); removed when the process exits,
// so runs leave no folders behind. Removed only by the process that made it: a forked child
// (a death test) that calls exit() leaves its parent's folders alone and removes its own.
#ifndef DYAD_TESTS_SCRATCH_DIR_H_
#define DYAD_TESTS_SCRATCH_DIR_H_

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>

namespace dyad::tests {

inline std::filesystem::path ProcessScratchDir(const std::string& stem) {
  struct Folder {
    std::filesystem::path path;
    pid_t made_by = 0;
  };
  struct Folders {
    std::mutex mu;
    std::map<std::string, Folder> by_stem;
  };
  static Folders* folders = [] {
    auto* f = new Folders;  // never freed: the exit handler still needs it
    std::atexit([] {
      std::error_code ignored;
      for (const auto& [name, folder] : folders->by_stem)
        if (folder.made_by == ::getpid()) std::filesystem::remove_all(folder.path, ignored);
    });
    return f;
  }();
  std::lock_guard lock(folders->mu);
  auto [it, added] = folders->by_stem.try_emplace(stem);
  if (added) {
    it->second.made_by = ::getpid();
    it->second.path = std::filesystem::temp_directory_path() / (stem + "_" + std::to_string(it->second.made_by));
    std::error_code ignored;
    std::filesystem::remove_all(it->second.path, ignored);
    std::filesystem::create_directories(it->second.path);
  }
  return it->second.path;
}

}  // namespace dyad::tests

#endif  // DYAD_TESTS_SCRATCH_DIR_H_
