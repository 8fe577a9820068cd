// `dyad review` and the --reviewed-only reports: a confirmation puts an event into
// `dyad role --reviewed-only` and `dyad export --reviewed-only`, a correction is used as
// corrected there, a rejection takes it out; the machine coding stays as it was.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

fs::path Dir() {
  static fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("dyad_review_test_" + std::to_string(getpid()));
    fs::create_directories(d);
    return d;
  }();
  return dir;
}

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

class ReviewCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(std::string(DYAD_BINARY_DIR) + "/tools/dyad/dyad")) GTEST_SKIP() << "dyad not built";
    db_ = (Dir() / (std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + ".db")).string();
    fs::remove(db_);
    std::ofstream(Dir() / "doc.txt") << "date: 2022-03-01\nsource: Test Wire\nurl: https://example.org/t/1\n"
                                        "title: Test\n\nBelarus hosted Russian troops near the Ukrainian border.\n\n"
                                        "Lithuania condemned Belarus on Tuesday.\n";
    std::string out, err;
    ASSERT_EQ(Dyad("ingest " + (Dir() / "doc.txt").string() + " --db " + db_, &out, &err), 0) << err;
    ASSERT_EQ(Dyad("events --db " + db_ + " --source BLR --format jsonl", &out, &err), 0) << err;
    std::istringstream lines(out);
    std::string line;
    ASSERT_TRUE(std::getline(lines, line)) << "Belarus hosted Russian troops codes (dictionaries changed?)";
    hosted_ = json::parse(line)["id"].get<int64_t>();
  }
  json Role(bool reviewed_only) {
    std::string out, err;
    EXPECT_EQ(Dyad("role BLR --conflict russia-ukraine --format json --db " + db_ + (reviewed_only ? " --reviewed-only" : ""),
                   &out, &err),
              0)
        << err;
    return json::parse(out, nullptr, false);
  }
  std::string db_;
  int64_t hosted_ = 0;
};

TEST_F(ReviewCliTest, AReviewChangesTheReviewedOnlyRoleReport) {
  EXPECT_GE(Role(false)["events_matched"].get<int>(), 1);
  json before = Role(true);
  EXPECT_TRUE(before["reviewed_only"].get<bool>());
  EXPECT_EQ(before["events_matched"], 0) << "nothing is reviewed yet";

  std::string out, err;
  ASSERT_EQ(Dyad("review " + std::to_string(hosted_) + " --state confirmed --note 'seen in two reports' --reviewer ana --db " + db_,
                 &out, &err),
            0)
      << err;
  EXPECT_NE(out.find("confirmed by ana"), std::string::npos) << out;
  json after = Role(true);
  EXPECT_EQ(after["events_matched"], 1) << after.dump();
  EXPECT_NE(after.dump().find("\"reviewer\":\"ana\""), std::string::npos) << "the evidence shows its review";
  ASSERT_EQ(Dyad("role BLR --conflict russia-ukraine --format md --reviewed-only --db " + db_, &out, &err), 0) << err;
  EXPECT_NE(out.find("confirmed by ana"), std::string::npos) << out;
  EXPECT_NE(out.find("only events an analyst confirmed or corrected"), std::string::npos) << out;

  // A later rejection takes it out again; the history stays.
  ASSERT_EQ(Dyad("review " + std::to_string(hosted_) + " --state rejected --reviewer bo --db " + db_, &out, &err), 0) << err;
  EXPECT_EQ(Role(true)["events_matched"], 0);
  ASSERT_EQ(Dyad("review " + std::to_string(hosted_) + " --db " + db_, &out, &err), 0) << err;
  EXPECT_NE(out.find("confirmed by ana"), std::string::npos) << out;
  EXPECT_NE(out.find("rejected by bo"), std::string::npos) << out;
}

TEST_F(ReviewCliTest, ExportReviewedOnlyUsesTheCorrection) {
  std::string out, err;
  ASSERT_EQ(Dyad("review " + std::to_string(hosted_) + " --state corrected --source rusmil --target BLR --reviewer ana --db " + db_,
                 &out, &err),
            0)
      << err;
  ASSERT_EQ(Dyad("export --format jsonl --reviewed-only --db " + db_, &out, &err), 0) << err;
  std::istringstream lines(out);
  std::string line;
  ASSERT_TRUE(std::getline(lines, line));
  json e = json::parse(line);
  EXPECT_EQ(e["source"], "RUSMIL");
  EXPECT_EQ(e["target"], "BLR");
  EXPECT_EQ(e["review"]["state"], "corrected");
  EXPECT_EQ(e["review"]["machine"]["source"], "BLR");
  EXPECT_FALSE(std::getline(lines, line)) << "only the reviewed event";
  // The machine coding is unchanged everywhere else.
  ASSERT_EQ(Dyad("export --format jsonl --db " + db_ + " --source BLR", &out, &err), 0) << err;
  EXPECT_NE(out.find("\"id\":" + std::to_string(hosted_)), std::string::npos) << out;
  // Bad reviews: one line, exit 1 or 2.
  EXPECT_EQ(Dyad("review " + std::to_string(hosted_) + " --state corrected --code 1999 --db " + db_, &out, &err), 2);
  EXPECT_NE(err.find("'1999' is not a CAMEO code"), std::string::npos) << err;
  EXPECT_EQ(Dyad("review 999999 --state confirmed --db " + db_, &out, &err), 1);
  EXPECT_EQ(Dyad("review " + std::to_string(hosted_) + " --state confirmed --code 190 --db " + db_, &out, &err), 2);
}

}  // namespace
