// The table of bad inputs from the engine issue, run through the real binary.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "scratch_dir.h"

namespace {

namespace fs = std::filesystem;

struct RunResult {
  int exit_code = -1;
  bool crashed = false;
  std::string out, err;
};

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Emptied at start, removed at exit (scratch_dir.h).
fs::path TempDir() { return dyad::tests::ProcessScratchDir("dyad_cli_test"); }

fs::path WriteFile(const std::string& name, const std::string& bytes) {
  fs::path path = TempDir() / name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

// Runs `dyad ARGS` with stdin from `stdin_file` (or /dev/null).
RunResult Dyad(const std::string& args, const std::string& stdin_file = "/dev/null") {
  const fs::path out = TempDir() / "stdout", err = TempDir() / "stderr";
  const std::string command = std::string(DYAD_BINARY_DIR) + "/tools/dyad/dyad " + args + " < " +
                              stdin_file + " > " + out.string() + " 2> " + err.string();
  int status = std::system(command.c_str());
  RunResult run;
  if (WIFEXITED(status)) {
    run.exit_code = WEXITSTATUS(status);
    run.crashed = run.exit_code >= 128;  // the shell reports a signal as 128+N
  } else {
    run.crashed = true;
  }
  run.out = Slurp(out);
  run.err = Slurp(err);
  return run;
}

int Lines(const std::string& text) {
  int n = 0;
  for (char c : text) n += c == '\n';
  return n;
}

// Every stdout line is a complete JSON object.
void ExpectWholeJsonLines(const std::string& out) {
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << "half-written line: " << line.substr(0, 80);
  }
  if (!out.empty()) {
    EXPECT_EQ(out.back(), '\n');
  }
}

struct BadInputCase {
  std::string name;
  std::string file_name;   // written to the temp dir ("" = none)
  std::string bytes;
  std::string args;        // {} is replaced by the file's path
  bool expect_failure;     // non-zero exit expected
  std::string error_part;  // must appear in stderr ("" = stderr may be empty)
};

std::string Expand(std::string args, const fs::path& file) {
  for (size_t at = args.find("{}"); at != std::string::npos; at = args.find("{}"))
    args.replace(at, 2, file.string());
  return args;
}

std::string DeepDivs() {
  std::string html = "<html><body><p>Russia attacked Ukraine.";
  for (int i = 0; i < 40000; ++i) html += "<div>";
  return html + "x</body>";
}

std::string NestedTables() {
  std::string html = "<table>";
  for (int i = 0; i < 8000; ++i) html += "<table><tr><td>";
  return html;
}

const char kPdfHead[] = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";

std::vector<BadInputCase> Cases() {
  return {
      // Issue 11: hostile input.
      {"deeply nested HTML", "deep.html", DeepDivs(), "code {}", true, "HTML nested too deeply"},
      // Issue 11 (14): what the API refuses, the CLI refuses too (no database needed to refuse).
      {"negative limit", "", "", "events --db /nonexistent.db --limit -5", true, "not a whole number >= 0: '-5'"},
      {"root that is no CAMEO root", "", "", "events --db /nonexistent.db --root abc", true, "not a CAMEO root"},
      {"nested tables", "tables.html", NestedTables(), "code {}", true, "tables.html: HTML"},
      {"PDF given as text", "report.txt", kPdfHead, "code {}", true, "report.txt: truncated PDF: no %%EOF"},
      {"PDF given as text, lenient", "report2.txt", kPdfHead, "code --lenient {}", true, "report2.txt: truncated PDF: no %%EOF"},
      {"eval on an empty gold file", "empty_gold.jsonl", "", "eval {}", true, "no gold documents"},
      {"eval on a garbage gold file", "garbage_gold.jsonl", "root:x:0:0:root:/root:/bin/bash\n", "eval {}", true,
       "garbage_gold.jsonl:1: invalid JSON"},
      {"validate a project whose text is not records", "passwd.project",
       "<actorsfile> /dev/null\n<verbsfile> /dev/null\n<textfile> /etc/passwd\n", "validate {}", true,
       "/etc/passwd: no validation records"},
      {"validate a directory", "", "", "validate " + TempDir().string(), true, "is a directory"},
      {"missing file", "", "", "code " + (TempDir() / "nope.txt").string(), true, "nope.txt"},
      {"empty file", "empty.txt", "", "code {}", true, "empty"},
      {"binary file", "binary.txt", std::string("abc\0\x01\x02zz", 8), "code {}", true, "binary"},
      {"invalid UTF-8", "bad.txt", "Russia attacked Ukraine \xff today in the east.\n", "code {}", true,
       "byte 24"},
      {"invalid UTF-8 lenient", "bad2.txt", "Russia attacked Ukraine \xff today in the east.\n",
       "code --lenient {}", false, ""},
      {"unknown option", "", "", "code --no-such-option", true, "--no-such-option"},
      {"unknown sub-command", "", "", "frobnicate", true, "frobnicate"},
      {"malformed dictionary line", "bad.verbs", "ATTACK [190]\n- * + [abc\n",
       "code --dict {} /dev/null", true, "bad.verbs:2"},
      {"project naming missing files", "p.project",
       "<actorsfile> missing.actors\n<verbsfile> missing.verbs\n<textfile> missing.text\n",
       "validate {}", true, "p.project"},
      {"invalid JSONL line", "docs.jsonl",
       "{\"id\":\"a\",\"date\":\"2022-02-24\",\"text\":\"Russia attacked Ukraine from Belarus on Thursday.\"}\n"
       "{not json\n",
       "code {}", true, "docs.jsonl:2"},
      {"serve without a database", "", "", "serve --port 0 --db " + (TempDir() / "none.db").string(), true,
       "none.db: no such database"},
      {"serve on a bad port", "", "", "serve --port 70000", true, "--port"},
      {"serve with a header timeout of 0", "", "", "serve --port 0 --header-timeout 0", true, "--header-timeout"},
      {"serve with a body rate of 0", "", "", "serve --port 0 --body-min-rate 0", true, "--body-min-rate"},
      {"serve with a negative per-client limit", "", "", "serve --port 0 --max-connections-per-client -1", true,
       "--max-connections-per-client"},
  };
}

class BadInputTest : public ::testing::TestWithParam<BadInputCase> {};

// Runs `dyad ARGS > stdout_target` and returns the exit code (-1 on a crash) and stderr.
RunResult DyadTo(const std::string& args, const std::string& stdout_target) {
  const fs::path err = TempDir() / "stderr";
  const std::string command = std::string(DYAD_BINARY_DIR) + "/tools/dyad/dyad " + args + " < /dev/null > " +
                              stdout_target + " 2> " + err.string();
  int status = std::system(command.c_str());
  RunResult run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.crashed = !WIFEXITED(status) || run.exit_code >= 128;
  run.err = Slurp(err);
  return run;
}

const char kArticle[] = "date: 2022-02-24\n\nRussian troops attacked Ukraine from Belarus on Thursday.\n";

// A full disk must not pass for success: one line, non-zero exit.
TEST(WriteErrorTest, CodeToAFullDiskFails) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  fs::path file = WriteFile("full.txt", kArticle);
  RunResult run = DyadTo("code " + file.string(), "/dev/full");
  EXPECT_FALSE(run.crashed) << run.err;
  EXPECT_NE(run.exit_code, 0);
  EXPECT_NE(run.err.find("cannot write standard output"), std::string::npos) << run.err;
  EXPECT_EQ(Lines(run.err), 1) << run.err;
}

TEST(WriteErrorTest, EventsToAFullDiskFails) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  fs::path file = WriteFile("full2.txt", kArticle);
  const fs::path db = TempDir() / "full.db";
  ASSERT_EQ(Dyad("ingest --threads 1 --db " + db.string() + " " + file.string()).exit_code, 0);
  for (const char* format : {"jsonl", "csv", "table"}) {
    RunResult run = DyadTo("events --db " + db.string() + " --format " + format, "/dev/full");
    EXPECT_FALSE(run.crashed) << run.err;
    EXPECT_NE(run.exit_code, 0) << format;
    EXPECT_NE(run.err.find("cannot write standard output"), std::string::npos) << format << ": " << run.err;
    EXPECT_EQ(Lines(run.err), 1) << run.err;
  }
}

// Every command that writes results says so once when they cannot be written, and exits 74
// (an I/O error, as ExitCodeOf maps kIOError): `export` said it twice ("write error on stdout",
// then main's "cannot write standard output") and exited 1.
TEST(WriteErrorTest, EveryCommandToAFullDiskFailsOnceWithTheIoExitCode) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  fs::path file = WriteFile("full3.txt", kArticle);
  const fs::path db = TempDir() / "full3.db";
  ASSERT_EQ(Dyad("ingest --threads 1 --db " + db.string() + " " + file.string()).exit_code, 0);
  const std::string on = " --db " + db.string();
  const std::pair<std::string, std::string> runs[] = {
      {"code " + file.string(), "/dev/full"},
      {"events --format jsonl" + on, "/dev/full"},
      {"export --format jsonl" + on, "/dev/full"},
      {"export --format csv" + on, "/dev/full"},
      {"export --format jsonl --output /dev/full" + on, "/dev/null"},
      {"show 1" + on, "/dev/full"},
      {"search troops" + on, "/dev/full"},
      {"role BLR --conflict russia-ukraine" + on, "/dev/full"},
      {"role BLR --conflict russia-ukraine --format json --output /dev/full" + on, "/dev/null"},
  };
  for (const auto& [args, target] : runs) {
    RunResult run = DyadTo(args, target);
    EXPECT_FALSE(run.crashed) << args << ": " << run.err;
    EXPECT_EQ(run.exit_code, 74) << args << ": " << run.err;
    EXPECT_TRUE(run.err.find("cannot write") != std::string::npos) << args << ": " << run.err;
    EXPECT_EQ(Lines(run.err), 1) << args << ": " << run.err;
  }
}

// Inside a folder a hostile page is one failure; the rest is stored, and a rerun does not die on it.
TEST(IngestHostileTest, DeeplyNestedPageIsRecordedAsFailed) {
  const fs::path dir = TempDir() / "hostile_folder";
  fs::create_directories(dir);
  std::ofstream(dir / "a_deep.html") << DeepDivs();
  std::ofstream(dir / "b_good.txt") << kArticle;
  const fs::path db = TempDir() / "hostile.db";
  for (int run_no = 0; run_no < 2; ++run_no) {
    RunResult run = Dyad("ingest --threads 1 --db " + db.string() + " " + dir.string());
    EXPECT_FALSE(run.crashed) << run.err;
    EXPECT_EQ(run.exit_code, 3) << run.out << run.err;  // some documents failed
    EXPECT_NE(run.out.find("1 failed"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("nested too deeply"), std::string::npos) << run.out;
    if (run_no == 0) {
      EXPECT_NE(run.out.find("1 new"), std::string::npos) << run.out;
    }
  }
}

// What comes from documents reaches a terminal as text, never as control sequences: a title or
// sentence holding ESC [31m (colours) or ESC ] 0;... BEL (sets the window title) was printed raw
// by `dyad show` and `dyad search`.
TEST(IngestHostileTest, ShowAndSearchPrintNoControlBytesFromDocuments) {
  const fs::path file = WriteFile("escapes.txt",
                                  "title: \x1b[31mRED\x1b[0m \xc2\x9b" "31m\n"
                                  "source: Wire\x07\n\n"
                                  "Belarusian troops attacked Ukraine \x1b]0;pwned\x07 on Monday.\n");
  const fs::path db = TempDir() / "escapes.db";
  ASSERT_EQ(Dyad("ingest --threads 1 --db " + db.string() + " " + file.string()).exit_code, 0);
  for (const std::string args : {"show 1", "show d1", "show d1 --sentence 0", "search Ukraine",
                                 "events --format table"}) {
    RunResult run = Dyad(args + " --db " + db.string());
    EXPECT_EQ(run.exit_code, 0) << args << ": " << run.err;
    EXPECT_NE(run.out.find("Ukraine"), std::string::npos) << args << ": " << run.out;
    for (const char* control : {"\x1b", "\x07", "\xc2\x9b"})
      EXPECT_EQ(run.out.find(control), std::string::npos) << args << " printed a control byte: " << run.out;
  }
}

// Failures are counted by their kind and stored at their place as the readers made them (issue
// 11, item 13): the summary cut each reason at its first ':' or '(' to find a kind, so two files
// with invalid UTF-8 at different bytes were two kinds ("invalid UTF-8 at byte 30 1; invalid
// UTF-8 at byte 6 1"), and the place was split off the message by looking for "path:digits:".
TEST(IngestHostileTest, FailuresAreCountedByKindAndStoredAtTheirPlace) {
  const fs::path dir = TempDir() / "kinds_folder";
  fs::create_directories(dir);
  std::ofstream(dir / "a.txt") << "Bad \xff byte.\n";
  std::ofstream(dir / "b.txt") << "Russian troops attacked Ukraine, then \xfe went on.\n";
  std::ofstream(dir / "c.jsonl") << "{\"id\":\"ok\",\"text\":\"Russian troops attacked Ukraine.\"}\n{not json\n";
  const fs::path db = TempDir() / "kinds.db";
  RunResult run = Dyad("ingest --threads 1 --db " + db.string() + " " + dir.string());
  EXPECT_FALSE(run.crashed) << run.err;
  EXPECT_EQ(run.exit_code, 3) << run.out << run.err;
  EXPECT_NE(run.out.find("3 failed"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find(" invalid UTF-8 2;"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find(" invalid JSON 1;"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find((dir / "c.jsonl").string() + ":2: invalid JSON"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find((dir / "a.txt").string() + ":1: invalid UTF-8 at byte 4"), std::string::npos) << run.out;
}

TEST(IngestHostileTest, MissingFileLeavesNoDatabase) {
  const fs::path db = TempDir() / "never.db";
  RunResult run = Dyad("ingest --db " + db.string() + " " + (TempDir() / "no_such_input.txt").string());
  EXPECT_NE(run.exit_code, 0);
  EXPECT_NE(run.err.find("no_such_input.txt: no such file"), std::string::npos) << run.err;
  EXPECT_FALSE(fs::exists(db));
}

TEST_P(BadInputTest, OneLineErrorNoCrashWholeLines) {
  const BadInputCase& c = GetParam();
  fs::path file;
  if (!c.file_name.empty()) file = WriteFile(c.file_name, c.bytes);
  RunResult run = Dyad(Expand(c.args, file));
  EXPECT_FALSE(run.crashed) << c.name << ": " << run.err;
  if (c.expect_failure) {
    EXPECT_NE(run.exit_code, 0) << c.name;
  } else {
    EXPECT_EQ(run.exit_code, 0) << c.name << ": " << run.err;
  }
  if (!c.error_part.empty()) {
    EXPECT_NE(run.err.find(c.error_part), std::string::npos) << c.name << ": stderr was: " << run.err;
    // One line per problem: the first error line names the problem on its own.
    EXPECT_GE(Lines(run.err), 1);
    EXPECT_EQ(run.err.find("terminate called"), std::string::npos);
  }
  ExpectWholeJsonLines(run.out);
}

INSTANTIATE_TEST_SUITE_P(Table, BadInputTest, ::testing::ValuesIn(Cases()),
                         [](const auto& info) {
                           std::string name = info.param.name;
                           for (char& ch : name)
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           return name;
                         });

std::string LongLine(size_t bytes) {
  std::string text = "Russian troops attacked Ukraine from Belarus";
  text.reserve(bytes + 64);
  while (text.size() < bytes) text += " and Russian troops attacked Ukraine from Belarus";
  return text;
}

// Documents over the reader's 8 MB cap are refused with one line; the run goes on.
TEST(LongInputTest, TenMegabyteLineWithoutFullStopIsRefusedInOneLine) {
  fs::path file = WriteFile("long.txt", LongLine(10u << 20));
  RunResult run = Dyad("code --no-enrich " + file.string());
  EXPECT_FALSE(run.crashed) << run.err;
  EXPECT_NE(run.exit_code, 0);
  EXPECT_NE(run.err.find("too large"), std::string::npos) << run.err;
  EXPECT_EQ(Lines(run.err), 1) << run.err;
  EXPECT_TRUE(run.out.empty());
}

TEST(LongInputTest, FourMegabyteLineWithoutFullStopIsCoded) {
  fs::path file = WriteFile("long4.txt", LongLine(4u << 20));
  RunResult run = Dyad("code --no-enrich --format tsv " + file.string());
  EXPECT_FALSE(run.crashed) << run.err;
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_GT(Lines(run.out), 1000);  // cut into bounded sentences, each coded
}

TEST(StreamTest, JsonlFromStdinCodesEveryDocumentInOrder) {
  std::string input;
  for (int i = 0; i < 300; ++i) {
    input += "{\"id\":\"d" + std::to_string(i) +
             "\",\"date\":\"2022-02-24\",\"text\":\"Russian troops attacked Ukraine from Belarus on "
             "Thursday morning, officials said.\"}\n";
  }
  fs::path file = WriteFile("stream.jsonl", input);
  RunResult one = Dyad("code --format tsv -", file.string());
  RunResult two = Dyad("code --format tsv --threads 2 -", file.string());
  ASSERT_EQ(one.exit_code, 0) << one.err;
  ASSERT_EQ(two.exit_code, 0) << two.err;
  EXPECT_GE(Lines(one.out), 300);
  EXPECT_EQ(one.out, two.out);  // threads never reorder or change output
}

}  // namespace
