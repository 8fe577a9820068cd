// `dyad review` and the --reviewed-only reports: a confirmation puts an event into
// `dyad role --reviewed-only` and `dyad export --reviewed-only`, a correction is used as
// corrected there, a rejection takes it out; the machine coding stays as it was.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <vector>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "scratch_dir.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Emptied at start, removed at exit (scratch_dir.h).
fs::path Dir() { return dyad::tests::ProcessScratchDir("dyad_review_test"); }

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
  // The id of the first event `dyad events` finds with these filters.
  int64_t FirstEvent(const std::string& filters) {
    std::string out, err;
    EXPECT_EQ(Dyad("events --db " + db_ + " " + filters + " --format jsonl", &out, &err), 0) << err;
    std::istringstream lines(out);
    std::string line;
    if (!std::getline(lines, line)) return 0;
    return json::parse(line)["id"].get<int64_t>();
  }
  std::string db_;
  int64_t hosted_ = 0;
};

// One CSV record's fields ("" quotes a quote; no line breaks inside the fields used here).
std::vector<std::string> CsvFields(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
      out.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

// A CSV export as maps from column name to value, one per row.
std::vector<std::map<std::string, std::string>> CsvRecords(const std::string& text) {
  std::istringstream lines(text);
  std::string line;
  std::vector<std::map<std::string, std::string>> rows;
  if (!std::getline(lines, line)) return rows;
  const std::vector<std::string> header = CsvFields(line);
  while (std::getline(lines, line)) {
    const std::vector<std::string> fields = CsvFields(line);
    EXPECT_EQ(fields.size(), header.size()) << line;
    std::map<std::string, std::string> row;
    for (size_t i = 0; i < header.size() && i < fields.size(); ++i) row[header[i]] = fields[i];
    rows.push_back(row);
  }
  return rows;
}

const std::map<std::string, std::string>* Row(const std::vector<std::map<std::string, std::string>>& rows, int64_t id) {
  for (const auto& r : rows)
    if (r.at("id") == std::to_string(id)) return &r;
  return nullptr;
}

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
  // Filters match the machine coding, which stays as it was: --source BLR still finds it.
  ASSERT_EQ(Dyad("export --format jsonl --db " + db_ + " --source BLR", &out, &err), 0) << err;
  EXPECT_NE(out.find("\"id\":" + std::to_string(hosted_)), std::string::npos) << out;
  // Bad reviews: one line, exit 1 or 2.
  EXPECT_EQ(Dyad("review " + std::to_string(hosted_) + " --state corrected --code 1999 --db " + db_, &out, &err), 2);
  EXPECT_NE(err.find("'1999' is not a CAMEO code"), std::string::npos) << err;
  EXPECT_EQ(Dyad("review 999999 --state confirmed --db " + db_, &out, &err), 1);
  EXPECT_EQ(Dyad("review " + std::to_string(hosted_) + " --state confirmed --code 190 --db " + db_, &out, &err), 2);
}

// Issue 13: every export carries the latest review; a rejected event is left out unless
// --include-rejected; a correction is exported as corrected with the machine coding beside it.
TEST_F(ReviewCliTest, ExportsCarryTheReviewAndLeaveOutRejectedEvents) {
  const int64_t condemned = FirstEvent("--source LTU");
  ASSERT_NE(condemned, 0) << "Lithuania condemned Belarus codes (dictionaries changed?)";
  std::string out, err;
  ASSERT_EQ(Dyad("review " + std::to_string(hosted_) + " --state confirmed --note 'two reports' --reviewer ana --db " + db_,
                 &out, &err),
            0)
      << err;
  ASSERT_EQ(Dyad("review " + std::to_string(condemned) + " --state rejected --reviewer bo --db " + db_, &out, &err), 0) << err;

  for (const std::string command : {"export --format csv", "events --format csv"}) {
    ASSERT_EQ(Dyad(command + " --db " + db_, &out, &err), 0) << err;
    auto rows = CsvRecords(out);
    const auto* hosted = Row(rows, hosted_);
    ASSERT_NE(hosted, nullptr) << out;
    EXPECT_EQ(hosted->at("review"), "confirmed");
    EXPECT_EQ(hosted->at("reviewed_by"), "ana");
    EXPECT_EQ(hosted->at("reviewed_at").size(), 24u) << hosted->at("reviewed_at");
    EXPECT_EQ(hosted->at("review_note"), "two reports");
    EXPECT_EQ(hosted->at("machine_source"), hosted->at("source"));
    EXPECT_EQ(Row(rows, condemned), nullptr) << command << ": a rejected event is left out by default";
    // The review columns come last: the columns before keep their places.
    EXPECT_EQ(out.substr(0, out.find('\n')).substr(0, 9), "id,docume");
    EXPECT_TRUE(out.substr(0, out.find('\n')).ends_with(",review,reviewed_by,reviewed_at,review_note,machine_source,machine_target,machine_code"));

    ASSERT_EQ(Dyad(command + " --include-rejected --db " + db_, &out, &err), 0) << err;
    rows = CsvRecords(out);
    const auto* rejected = Row(rows, condemned);
    ASSERT_NE(rejected, nullptr) << command << ": --include-rejected keeps it";
    EXPECT_EQ(rejected->at("review"), "rejected");
    EXPECT_EQ(rejected->at("reviewed_by"), "bo");
    ASSERT_EQ(Dyad(command + " --review rejected --db " + db_, &out, &err), 0) << err;
    EXPECT_EQ(CsvRecords(out).size(), 1u) << out;
  }
  ASSERT_EQ(Dyad("export --format csv --db " + db_, &out, &err), 0) << err;
  EXPECT_NE(err.find("1 events an analyst rejected left out (--include-rejected)"), std::string::npos) << err;
  ASSERT_EQ(Dyad("export --format gdelt --include-rejected --db " + db_, &out, &err), 0) << err;
  EXPECT_NE(out.find("\trejected\tbo\t"), std::string::npos) << out;
  ASSERT_EQ(Dyad("export --format jsonl --db " + db_, &out, &err), 0) << err;
  EXPECT_EQ(out.find("\"id\":" + std::to_string(condemned) + ","), std::string::npos) << out;
  // Contradictions are refused.
  EXPECT_EQ(Dyad("export --format csv --reviewed-only --include-rejected --db " + db_, &out, &err), 2);
  EXPECT_NE(err.find("contradict"), std::string::npos) << err;
  EXPECT_EQ(Dyad("events --review unreviewed --include-rejected --db " + db_, &out, &err), 2);
}

TEST_F(ReviewCliTest, ExportsShowACorrectionWithTheMachineCodingKept) {
  std::string out, err;
  ASSERT_EQ(Dyad("review " + std::to_string(hosted_) + " --state corrected --source rusmil --code 042 --reviewer ana --db " + db_,
                 &out, &err),
            0)
      << err;
  for (const std::string command : {"export --format csv", "events --format csv", "export --format csv --reviewed-only"}) {
    ASSERT_EQ(Dyad(command + " --db " + db_, &out, &err), 0) << err;
    const auto rows = CsvRecords(out);
    const auto* row = Row(rows, hosted_);
    ASSERT_NE(row, nullptr) << command << ": " << out;
    EXPECT_EQ(row->at("source"), "RUSMIL") << command;
    EXPECT_EQ(row->at("event_code"), "042") << command;
    EXPECT_EQ(row->at("plover"), "CONSULT") << command;
    EXPECT_EQ(row->at("review"), "corrected") << command;
    EXPECT_EQ(row->at("machine_source"), "BLR") << command;
    EXPECT_NE(row->at("machine_code"), "042") << command;
    EXPECT_FALSE(row->at("machine_code").empty()) << command;
  }
  ASSERT_EQ(Dyad("export --format plover --db " + db_, &out, &err), 0) << err;
  EXPECT_NE(out.find("\"event\":\"CONSULT\""), std::string::npos) << out;
  EXPECT_NE(out.find("\"machineSource\":\"BLR\""), std::string::npos) << out;
  // The table shows the correction and its review too.
  ASSERT_EQ(Dyad("events --db " + db_, &out, &err), 0) << err;
  EXPECT_NE(out.find("REVIEW"), std::string::npos) << out;
  EXPECT_NE(out.find("corrected:ana"), std::string::npos) << out;
  EXPECT_NE(out.find("RUSMIL"), std::string::npos) << out;
}

// The role report's evidence shows each event's review without --reviewed-only too, and leaves
// out a rejected event unless --include-rejected.
TEST_F(ReviewCliTest, RoleEvidenceShowsTheReviewAndLeavesOutRejectedEvents) {
  std::string out, err;
  ASSERT_EQ(Dyad("review " + std::to_string(hosted_) + " --state confirmed --reviewer ana --db " + db_, &out, &err), 0) << err;
  ASSERT_EQ(Dyad("role BLR --conflict russia-ukraine --format md --db " + db_, &out, &err), 0) << err;
  EXPECT_NE(out.find("\u2713 confirmed by ana"), std::string::npos) << out;
  ASSERT_EQ(Dyad("role BLR --conflict russia-ukraine --format html --db " + db_, &out, &err), 0) << err;
  EXPECT_NE(out.find("confirmed by ana"), std::string::npos);
  json report = Role(false);
  EXPECT_NE(report.dump().find("\"reviewer\":\"ana\""), std::string::npos) << report.dump();
  const int matched = report["events_matched"].get<int>();
  ASSERT_GE(matched, 1);

  ASSERT_EQ(Dyad("review " + std::to_string(hosted_) + " --state rejected --reviewer bo --db " + db_, &out, &err), 0) << err;
  report = Role(false);
  EXPECT_EQ(report["events_matched"].get<int>(), matched - 1) << "a rejected event is no evidence";
  EXPECT_FALSE(report["include_rejected"].get<bool>());
  ASSERT_EQ(Dyad("role BLR --conflict russia-ukraine --format json --include-rejected --db " + db_, &out, &err), 0) << err;
  report = json::parse(out);
  EXPECT_EQ(report["events_matched"].get<int>(), matched);
  EXPECT_NE(report.dump().find("\"state\":\"rejected\""), std::string::npos) << out;
  EXPECT_EQ(Dyad("role BLR --conflict russia-ukraine --include-rejected --reviewed-only --db " + db_, &out, &err), 2);
}

// Issue 13: `dyad search` and `dyad show d<N>` list a sentence's or a document's events as
// evidence, so they leave out a rejected one as `dyad events` does; --include-rejected lists it
// with its review.
TEST_F(ReviewCliTest, SearchAndDocumentLeaveOutRejectedEvents) {
  const int64_t condemned = FirstEvent("--source LTU");
  ASSERT_NE(condemned, 0) << "Lithuania condemned Belarus codes (dictionaries changed?)";
  const std::string event_line = "event " + std::to_string(condemned) + ": ";
  std::string out, err;
  ASSERT_EQ(Dyad("search condemned --db " + db_, &out, &err), 0) << err;
  ASSERT_NE(out.find(event_line), std::string::npos) << "before the review, the hit lists it: " << out;
  ASSERT_EQ(Dyad("review " + std::to_string(condemned) + " --state rejected --reviewer bo --db " + db_, &out, &err), 0) << err;

  ASSERT_EQ(Dyad("search condemned --db " + db_, &out, &err), 0) << err;
  EXPECT_NE(out.find("[condemned]"), std::string::npos) << "the sentence is still found: " << out;
  EXPECT_EQ(out.find(event_line), std::string::npos) << "a rejected event is no evidence: " << out;
  EXPECT_NE(err.find("1 event an analyst rejected left out (--include-rejected)"), std::string::npos) << err;
  ASSERT_EQ(Dyad("search condemned --include-rejected --db " + db_, &out, &err), 0) << err;
  const size_t line = out.find(event_line);
  ASSERT_NE(line, std::string::npos) << out;
  EXPECT_NE(out.substr(line, out.find('\n', line) - line).find("[rejected by bo]"), std::string::npos) << out;
  EXPECT_EQ(err.find("left out"), std::string::npos) << err;

  // A row of the event table: its id, then its date.
  auto row_of = [](const std::string& table, int64_t id) {
    std::string row = "\n";  // built piece by piece: g++ 12 warns falsely on "\n" + std::string
    row += std::to_string(id) + " +[0-9]{4}-";
    return std::regex_search(table, std::regex(row));
  };
  ASSERT_EQ(Dyad("show d1 --db " + db_, &out, &err), 0) << err;
  EXPECT_TRUE(row_of(out, hosted_)) << "the other event stays: " << out;
  EXPECT_FALSE(row_of(out, condemned)) << "a rejected event is no evidence: " << out;
  EXPECT_NE(out.find("1 event an analyst rejected left out (--include-rejected)"), std::string::npos) << out;
  ASSERT_EQ(Dyad("show d1 --include-rejected --db " + db_, &out, &err), 0) << err;
  EXPECT_TRUE(row_of(out, hosted_)) << out;
  EXPECT_TRUE(row_of(out, condemned)) << out;
  EXPECT_NE(out.find("rejected:bo"), std::string::npos) << out;
}

// A role report's lead without an event points to `dyad show dN --sentence K`: the sentence and
// its events only; a sentence the document lacks is one line naming how many it has.
TEST_F(ReviewCliTest, ShowOneSentenceOfADocument) {
  std::string out, err;
  ASSERT_EQ(Dyad("show d1 --sentence 1 --db " + db_, &out, &err), 0) << err;
  EXPECT_NE(out.find("sentence 1: Lithuania condemned Belarus on Tuesday."), std::string::npos) << out;
  EXPECT_NE(out.find("in this sentence"), std::string::npos) << out;
  EXPECT_EQ(out.find("Belarus hosted"), std::string::npos) << "the other sentence's event is not listed: " << out;
  EXPECT_NE(Dyad("show d1 --sentence 9 --db " + db_, &out, &err), 0);
  EXPECT_NE(err.find("d1 has no sentence 9 (it has 2, numbered from 0)"), std::string::npos) << err;
  EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
  EXPECT_NE(Dyad("show " + std::to_string(hosted_) + " --sentence 0 --db " + db_, &out, &err), 0);
  EXPECT_NE(err.find("--sentence picks a sentence of a document"), std::string::npos) << err;
}

}  // namespace
