// The commands that touch the store, on PostgreSQL: the same output as on SQLite for the same
// input, `dyad migrate` there and back, and one-line errors for a server that cannot be used.
// Needs DYAD_TEST_PG (scripts/pg_test_server.sh); skips with a message without it, except the
// unreachable-server test, which needs no server.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include <pqxx/pqxx>

namespace {

namespace fs = std::filesystem;

class PgCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dyad_pg_cli_test_" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    for (const std::string& name : databases_) {
      try {
        pqxx::connection admin(Server());
        pqxx::nontransaction n(admin);
        n.exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      } catch (const std::exception&) {
      }
    }
    fs::remove_all(dir_);
  }
  static std::string Server() {
    const char* url = std::getenv("DYAD_TEST_PG");
    return url ? url : "";
  }
  // A new empty database on the test server; its URL.
  std::string NewDatabase() {
    const std::string name = "dyad_cli_" + std::to_string(getpid()) + "_" + std::to_string(databases_.size());
    pqxx::connection admin(Server());
    pqxx::nontransaction n(admin);
    n.exec("DROP DATABASE IF EXISTS " + name);
    n.exec("CREATE DATABASE " + name);
    databases_.push_back(name);
    const std::string base = Server();  // postgresql:///dyad?host=...
    const size_t slash = base.find('/', base.find("://") + 3);
    return base.substr(0, slash + 1) + name + base.substr(base.find('?'));
  }
  // Runs dyad with `args`; returns the exit code, stdout in *out, stderr in *err.
  int Dyad(const std::string& args, std::string* out, std::string* err) {
    const fs::path o = dir_ / "stdout", e = dir_ / "stderr";
    const std::string command = std::string(DYAD_BINARY_DIR) + "/tools/dyad/dyad " + args + " < /dev/null > " +
                                o.string() + " 2> " + e.string();
    const int status = std::system(command.c_str());
    *out = Slurp(o);
    *err = Slurp(e);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  static std::string Slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  static std::string Quoted(const std::string& s) { return "'" + s + "'"; }
  // The output without ingestion times (ISO, or GDELT's DATEADDED), which differ between runs.
  static std::string WithoutIngestionTimes(const std::string& text) {
    static const std::regex kIso(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)"), kGdelt(R"(\t\d{14}\t)");
    return std::regex_replace(std::regex_replace(text, kIso, "TIME"), kGdelt, "\tTIME\t");
  }

  fs::path dir_;
  std::vector<std::string> databases_;
};

constexpr const char* kSamples = DYAD_SOURCE_DIR "/data/samples/*.txt";

TEST_F(PgCliTest, CommandsGiveTheSameOutputOnBothBackends) {
  if (Server().empty()) GTEST_SKIP() << "DYAD_TEST_PG is unset: no PostgreSQL server (scripts/pg_test_server.sh)";
  const std::string file = (dir_ / "evidence.db").string(), url = NewDatabase();
  std::string out, err;
  // One coding thread: documents are stored in input order, so ids agree.
  ASSERT_EQ(Dyad(std::string("ingest --threads 1 ") + kSamples + " --db " + file, &out, &err), 0) << err;
  ASSERT_EQ(Dyad(std::string("ingest --threads 1 ") + kSamples + " --db " + Quoted(url), &out, &err), 0) << err;
  for (const std::string& command :
       {std::string("events --format jsonl --limit 0"), std::string("events --actor BLR --from 2022-01-01 --to 2022-12-31 --format csv"),
        std::string("events --text 'Belarus OR Belarusian' --format jsonl"), std::string("show 5"), std::string("show d3"),
        std::string("role BLR --conflict russia-ukraine --format json"),
        std::string("export --format gdelt")}) {
    std::string sqlite_out, pg_out;
    ASSERT_EQ(Dyad(command + " --db " + file, &sqlite_out, &err), 0) << command << ": " << err;
    ASSERT_EQ(Dyad(command + " --db " + Quoted(url), &pg_out, &err), 0) << command << ": " << err;
    EXPECT_FALSE(sqlite_out.empty()) << command;
    EXPECT_EQ(WithoutIngestionTimes(pg_out), WithoutIngestionTimes(sqlite_out)) << command;
  }
  // Search ranks differently (bm25 / ts_rank): the same sentences, perhaps in another order.
  std::string a, b;
  ASSERT_EQ(Dyad("search exercises --limit 0 --db " + file, &a, &err), 0) << err;
  ASSERT_EQ(Dyad("search exercises --limit 0 --db " + Quoted(url), &b, &err), 0) << err;
  EXPECT_EQ(std::count(a.begin(), a.end(), '\n'), std::count(b.begin(), b.end(), '\n'));
  // Ingesting the same files again stores nothing new.
  ASSERT_EQ(Dyad(std::string("ingest ") + kSamples + " --db " + Quoted(url), &out, &err), 0) << err;
  EXPECT_NE(out.find("0 new, 11 duplicate"), std::string::npos) << out;
}

// Reviews on PostgreSQL: `dyad review` and the --reviewed-only / --review views give what they
// give on SQLite, and `dyad migrate` carries the reviews there and back.
TEST_F(PgCliTest, ReviewsGiveTheSameOutputOnBothBackendsAndMigrate) {
  if (Server().empty()) GTEST_SKIP() << "DYAD_TEST_PG is unset: no PostgreSQL server (scripts/pg_test_server.sh)";
  const std::string file = (dir_ / "evidence.db").string(), url = NewDatabase(),
                    back = (dir_ / "back.db").string();
  std::string out, err;
  ASSERT_EQ(Dyad(std::string("ingest --threads 1 ") + kSamples + " --db " + file, &out, &err), 0) << err;
  ASSERT_EQ(Dyad(std::string("ingest --threads 1 ") + kSamples + " --db " + Quoted(url), &out, &err), 0) << err;
  for (const std::string& db : {file, Quoted(url)}) {
    ASSERT_EQ(Dyad("review 5 --state confirmed --note 'two reports' --reviewer ana --db " + db, &out, &err), 0) << err;
    ASSERT_EQ(Dyad("review 7 --state corrected --source rusmil --code 111 --reviewer ana --db " + db, &out, &err), 0) << err;
    ASSERT_EQ(Dyad("review 9 --state rejected --reviewer bo --db " + db, &out, &err), 0) << err;
  }
  const std::vector<std::string> commands = {
      "events --reviewed-only --format jsonl --limit 0", "events --review rejected --format jsonl --limit 0",
      "events --review unreviewed --format csv --limit 0", "review 7",
      "role BLR --conflict russia-ukraine --format json --reviewed-only", "export --format jsonl --reviewed-only",
      // Every export carries the review, rejected events left out unless asked for (issue 13).
      "export --format csv", "export --format gdelt --include-rejected", "export --format acled",
      "export --format plover --include-rejected", "events --format csv --limit 0", "events --limit 0",
      "role BLR --conflict russia-ukraine --format json", "role BLR --conflict russia-ukraine --format md --include-rejected"};
  for (const std::string& command : commands) {
    std::string sqlite_out, pg_out;
    ASSERT_EQ(Dyad(command + " --db " + file, &sqlite_out, &err), 0) << command << ": " << err;
    ASSERT_EQ(Dyad(command + " --db " + Quoted(url), &pg_out, &err), 0) << command << ": " << err;
    EXPECT_EQ(WithoutIngestionTimes(pg_out), WithoutIngestionTimes(sqlite_out)) << command;
  }
  // The rejected event's document and a search for its verb leave it out on both, and list it with
  // its review on request (issue 13).
  ASSERT_EQ(Dyad("events --review rejected --format jsonl --db " + file, &out, &err), 0) << err;
  std::smatch document, verb;
  ASSERT_TRUE(std::regex_search(out, document, std::regex("\"document\":([0-9]+)"))) << out;
  ASSERT_TRUE(std::regex_search(out, verb, std::regex("\"verb_text\":\"[^A-Za-z\"]*([A-Za-z]+)"))) << out;
  for (const std::string& command : {std::string("show 9"), "show d" + document[1].str(), "show d" + document[1].str() + " --include-rejected"}) {
    std::string sqlite_out, pg_out;
    ASSERT_EQ(Dyad(command + " --db " + file, &sqlite_out, &err), 0) << command << ": " << err;
    ASSERT_EQ(Dyad(command + " --db " + Quoted(url), &pg_out, &err), 0) << command << ": " << err;
    EXPECT_EQ(WithoutIngestionTimes(pg_out), WithoutIngestionTimes(sqlite_out)) << command;
    const bool listed = std::regex_search(pg_out, std::regex("\n9 +[0-9]{4}-"));
    if (command.starts_with("show d")) {
      EXPECT_EQ(listed, command.ends_with("--include-rejected")) << command << ": " << pg_out;
    }
  }
  for (const std::string& flag : {std::string(), std::string(" --include-rejected")}) {
    std::string sqlite_out, pg_out;
    ASSERT_EQ(Dyad("search " + verb[1].str() + " --limit 0" + flag + " --db " + file, &sqlite_out, &err), 0) << err;
    ASSERT_EQ(Dyad("search " + verb[1].str() + " --limit 0" + flag + " --db " + Quoted(url), &pg_out, &err), 0) << err;
    EXPECT_EQ(std::count(pg_out.begin(), pg_out.end(), '\n'), std::count(sqlite_out.begin(), sqlite_out.end(), '\n')) << flag;
    EXPECT_EQ(pg_out.find("  event 9: ") != std::string::npos, !flag.empty()) << verb[1] << flag << ": " << pg_out;
  }
  std::string reviewed;
  ASSERT_EQ(Dyad("events --reviewed-only --format jsonl --limit 0 --db " + Quoted(url), &reviewed, &err), 0) << err;
  EXPECT_EQ(std::count(reviewed.begin(), reviewed.end(), '\n'), 2) << reviewed;
  EXPECT_NE(reviewed.find("\"RUSMIL\""), std::string::npos) << reviewed;
  ASSERT_EQ(Dyad("migrate --from " + Quoted(url) + " --to " + back, &out, &err), 0) << err;
  std::string copied;
  ASSERT_EQ(Dyad("events --reviewed-only --format jsonl --limit 0 --db " + back, &copied, &err), 0) << err;
  EXPECT_EQ(copied, reviewed);
}

TEST_F(PgCliTest, MigrateThereAndBackLosesNothing) {
  if (Server().empty()) GTEST_SKIP() << "DYAD_TEST_PG is unset: no PostgreSQL server (scripts/pg_test_server.sh)";
  const std::string first = (dir_ / "first.db").string(), back = (dir_ / "back.db").string(), url = NewDatabase();
  std::string out, err, first_events, back_events;
  ASSERT_EQ(Dyad(std::string("ingest ") + kSamples + " --db " + first, &out, &err), 0) << err;
  ASSERT_EQ(Dyad("migrate --from " + first + " --to " + Quoted(url), &out, &err), 0) << err;
  EXPECT_NE(out.find("events"), std::string::npos) << out;
  EXPECT_NE(err.find("every table's rows and SHA-256 agree"), std::string::npos) << err;
  ASSERT_EQ(Dyad("migrate --from " + Quoted(url) + " --to " + back, &out, &err), 0) << err;
  ASSERT_EQ(Dyad("export --format jsonl --db " + first, &first_events, &err), 0) << err;
  ASSERT_EQ(Dyad("export --format jsonl --db " + back, &back_events, &err), 0) << err;
  EXPECT_FALSE(first_events.empty());
  EXPECT_EQ(back_events, first_events);
  // Into a database that is not empty: refused, naming it.
  EXPECT_EQ(Dyad("migrate --from " + first + " --to " + Quoted(url), &out, &err), 1);
  EXPECT_NE(err.find(": not empty ("), std::string::npos) << err;
  EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
}

TEST_F(PgCliTest, UnreachableServerIsOneLineWithTryAgainStatus) {
  std::string out, err;
  const int code = Dyad("events --db 'postgresql://ana:secret@127.0.0.1:1/dyad'", &out, &err);
  EXPECT_EQ(code, 75) << err;  // busy/unavailable: try again
  EXPECT_EQ(err.rfind("dyad: postgresql://ana@127.0.0.1:1/dyad: cannot reach the PostgreSQL server", 0), 0u) << err;
  EXPECT_EQ(err.find("secret"), std::string::npos) << err;
  EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
}

}  // namespace
