// `dyad role` with conflicts a user writes in a folder of their own (--conflicts
// DIR): a good one works, each bad entry is one stderr line naming file and line.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <cstdlib>
#include <string>

#include "scratch_dir.h"

namespace {

namespace fs = std::filesystem;

// A folder left by an earlier run whose pid this one reuses holds a database of an older
// schema: start empty, and leave nothing behind (scratch_dir.h).
fs::path Dir() { return dyad::tests::ProcessScratchDir("dyad_role_conflict_test"); }

std::string Slurp(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

int Dyad(const std::string& args, std::string* out, std::string* err) {
  const fs::path o = Dir() / "out", e = Dir() / "err";
  int status = std::system((std::string(DYAD_BINARY_DIR) + "/tools/dyad/dyad " + args + " >" + o.string() + " 2>" +
                            e.string())
                               .c_str());
  *out = Slurp(o);
  *err = Slurp(e);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

const char kConflict[] = R"(id = "lakes-war"
name = "the Lakes war"
aliases = ["lakes"]
[parties]
aggressor = ["CODREB"]
victim = ["COD"]
aggressor_words = ["M23", "the rebels"]
victim_words = ["Congo", "Congolese"]
[[phases]]
name = "Offensive"
begin = 2024-01-01
)";

class RoleConflictDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(std::string(DYAD_BINARY_DIR) + "/tools/dyad/dyad")) GTEST_SKIP() << "dyad not built";
    fs::create_directories(Dir() / "good");
    std::ofstream(Dir() / "good" / "lakes-war.toml") << kConflict;
    std::ofstream(Dir() / "doc.txt") << "date: 2024-07-08\nsource: Test Wire\nurl: https://example.org/t/1\n"
                                        "title: Test\n\nRwanda supplied weapons and ammunition to the M23 rebels, "
                                        "UN experts said.\n\nThe United States imposed sanctions on Rwanda.\n";
    db_ = (Dir() / "t.db").string();
    std::string out, err;
    if (!fs::exists(db_)) {
      ASSERT_EQ(Dyad("ingest " + (Dir() / "doc.txt").string() + " --db " + db_, &out, &err), 0) << err;
    }
  }
  std::string db_;
};

TEST_F(RoleConflictDirTest, AConflictOfTheUsersOwnFolderWorks) {
  std::string out, err;
  ASSERT_EQ(Dyad("role RWA --conflict lakes --conflicts " + (Dir() / "good").string() + " --db " + db_, &out, &err), 0)
      << err;
  EXPECT_NE(out.find("Role of Rwanda (RWA) in the Lakes war"), std::string::npos) << out;
  EXPECT_NE(out.find("Rwanda supplied weapons"), std::string::npos) << out;
  EXPECT_EQ(out.find("ES-11/1"), std::string::npos) << "no other conflict's instruments";
}

// Issue 10 (9) as a user types it: a state by name, a conflict alias in another case, the
// unknown-conflict error pointing to --conflicts, a name shared by two states refused.
TEST_F(RoleConflictDirTest, StatesByNameAndConflictsInAnyCase) {
  const std::string dir = " --conflicts " + (Dir() / "good").string() + " --db " + db_;
  std::string out, err;
  ASSERT_EQ(Dyad("role rwanda --conflict LAKES-WAR" + dir, &out, &err), 0) << err;
  EXPECT_NE(out.find("Role of Rwanda (RWA) in the Lakes war"), std::string::npos) << out;
  ASSERT_EQ(Dyad("role \"the United States\" --conflict Lakes --format json" + dir, &out, &err), 0) << err;
  EXPECT_NE(out.find("\"code\": \"USA\""), std::string::npos) << out.substr(0, 300);
  EXPECT_EQ(Dyad("role Belarus --conflict russia-ukraine" + dir, &out, &err), 1);
  EXPECT_NE(err.find("unknown conflict 'russia-ukraine': known: lakes-war"), std::string::npos) << err;
  EXPECT_NE(err.find("--conflicts DIR"), std::string::npos) << err;
  EXPECT_EQ(Dyad("role Congolese --conflict lakes" + dir, &out, &err), 1);
  EXPECT_NE(err.find("'Congolese' names more than one state: COD (DR Congo), COG (Republic of the Congo)"),
            std::string::npos)
      << err;
  EXPECT_EQ(err.find('\n'), err.size() - 1) << "one line";
}

TEST_F(RoleConflictDirTest, BadConflictFilesGiveOneLineWithFileAndLine) {
  struct Case {
    std::string name, text, where, what;
  } cases[] = {
      {"key", std::string(kConflict) + "colour = \"red\"\n", ":12:", "unknown key 'colour'"},
      {"side", std::string(kConflict).replace(std::string(kConflict).find("victim = [\"COD\"]"), 16, "victim = []"),
       ":6:", "names no actor code"},
      {"phase", std::string(kConflict) + "end = 2024-12-31\n[[phases]]\nname = \"Second\"\nbegin = 2024-06-01\n",
       ":13:", "overlaps"},
      {"instrument",
       std::string(kConflict) +
           "[[instruments]]\ninstrument = \"X\"\nparaphrase = \"P\"\ncitation = \"C\"\ncategories = [\"teritory\"]\n",
       ":12:", "unknown category 'teritory'"},
  };
  for (const Case& k : cases) {
    fs::path dir = Dir() / k.name;
    fs::create_directories(dir);
    fs::path file = dir / "lakes-war.toml";
    std::ofstream(file) << k.text;
    std::string out, err;
    int rc = Dyad("role RWA --conflict lakes-war --conflicts " + dir.string() + " --db " + db_, &out, &err);
    EXPECT_EQ(rc, 1) << k.name << ": " << err;
    EXPECT_TRUE(out.empty()) << k.name;
    EXPECT_NE(err.find(file.string() + k.where), std::string::npos) << k.name << ": " << err;
    EXPECT_NE(err.find(k.what), std::string::npos) << k.name << ": " << err;
    EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << k.name << ": " << err;
  }
}

}  // namespace
