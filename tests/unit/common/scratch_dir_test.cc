// tests/scratch_dir.h, which every test folder under the temporary directory goes through: a
// folder left by an earlier process with the same pid is emptied, and a process's folders go
// when it exits (runs once left thousands of dyad_* folders in /tmp).
#include "scratch_dir.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

namespace {

namespace fs = std::filesystem;

fs::path FolderOf(const std::string& stem, pid_t pid) {
  return fs::temp_directory_path() / (stem + "_" + std::to_string(pid));
}

TEST(ProcessScratchDir, AFolderLeftByAnEarlierProcessWithThisPidIsEmptied) {
  const fs::path left = FolderOf("dyad_scratch_probe_left", ::getpid());
  fs::create_directories(left);
  std::ofstream(left / "events.db") << "an older schema";
  const fs::path dir = dyad::tests::ProcessScratchDir("dyad_scratch_probe_left");
  EXPECT_EQ(dir, left);
  EXPECT_TRUE(fs::is_directory(dir));
  EXPECT_FALSE(fs::exists(dir / "events.db"));
  EXPECT_EQ(dyad::tests::ProcessScratchDir("dyad_scratch_probe_left"), dir) << "one folder per stem and process";
}

// Runs `child` in a forked process that then exits normally; returns its pid.
template <typename Child>
pid_t RunChild(Child child) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    child();
    std::exit(0);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  return pid;
}

TEST(ProcessScratchDir, AProcessRemovesItsFoldersWhenItExits) {
  const pid_t child = RunChild([] {
    std::ofstream(dyad::tests::ProcessScratchDir("dyad_scratch_probe_exit") / "out") << "written";
  });
  EXPECT_FALSE(fs::exists(FolderOf("dyad_scratch_probe_exit", child)));
}

TEST(ProcessScratchDir, AForkedChildLeavesItsParentsFolderAlone) {
  const fs::path dir = dyad::tests::ProcessScratchDir("dyad_scratch_probe_parent");
  std::ofstream(dir / "kept") << "the parent's";
  RunChild([] {});
  EXPECT_TRUE(fs::exists(dir / "kept"));
}

}  // namespace
