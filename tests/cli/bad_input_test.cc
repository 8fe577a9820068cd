// The table of bad inputs from the engine issue, run through the real binary.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

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

fs::path TempDir() {
  static fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("dyad_cli_test_" + std::to_string(getpid()));
    fs::create_directories(d);
    return d;
  }();
  return dir;
}

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

std::vector<BadInputCase> Cases() {
  return {
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
  };
}

class BadInputTest : public ::testing::TestWithParam<BadInputCase> {};

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
