// Shared helpers of the dictionary tests: a temporary directory of dictionary files
// and a load that must succeed.
#ifndef DYAD_TESTS_UNIT_DICT_TEST_UTIL_H_
#define DYAD_TESTS_UNIT_DICT_TEST_UTIL_H_

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "dict/dictionary.h"

namespace dyad::dict::testing {

// A fresh directory per object, removed with it.
class TempDir {
 public:
  TempDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("dyad_dict_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter_++));
    std::filesystem::remove_all(path_);  // a reused pid finds an earlier run's files
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  // Writes `text` to NAME in the directory and returns its path.
  std::string Write(const std::string& name, const std::string& text) const {
    std::ofstream(path_ / name) << text;
    return (path_ / name).string();
  }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
  static inline int counter_ = 0;
};

// Loads `paths`; a failed load is a test failure (and a null result).
inline std::shared_ptr<const DictionarySet> LoadOk(const std::vector<std::string>& paths) {
  LoadOptions o;
  o.paths = paths;
  std::shared_ptr<const DictionarySet> d;
  Status s = DictionarySet::Load(o, &d);
  EXPECT_TRUE(s.ok()) << s.message();
  return d;
}

}  // namespace dyad::dict::testing

#endif  // DYAD_TESTS_UNIT_DICT_TEST_UTIL_H_
