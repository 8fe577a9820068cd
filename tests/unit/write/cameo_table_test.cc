#include "write/cameo_table.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include <gtest/gtest.h>

namespace dyad::write {
namespace {

constexpr const char* kSmall =
    "# comment\n"
    "code\tname\tgoldstein\tquad_class\tplover\n"
    "\n"
    "08\tYield\t5.0\t2\tCONCEDE\n"
    "087\tDe-escalate military engagement\t9.0\t2\tRETREAT\n"
    "0874\tRetreat or surrender militarily\t10.0\t2\tRETREAT\r\n"
    "01\tMake public statement\t0.0\t1\t\n"
    "19\tFight\t-10\t4\tFIGHT\n";

TEST(CameoTableTest, ParsesEntriesAndSkipsCommentsHeaderAndBlankLines) {
  CameoTable t;
  ASSERT_TRUE(CameoTable::Parse(kSmall, "mem", &t).ok());
  EXPECT_EQ(t.size(), 5u);
  const CameoCode* c = t.FindExact("0874");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->name, "Retreat or surrender militarily");
  EXPECT_DOUBLE_EQ(c->goldstein, 10.0);
  EXPECT_EQ(c->quad_class, 2);
  EXPECT_EQ(c->plover, "RETREAT");
  ASSERT_NE(t.FindExact("01"), nullptr);
  EXPECT_EQ(t.FindExact("01")->plover, "");
  EXPECT_DOUBLE_EQ(t.FindExact("19")->goldstein, -10.0);
}

TEST(CameoTableTest, FindFallsBackToTheNearestListedAncestor) {
  CameoTable t;
  ASSERT_TRUE(CameoTable::Parse(kSmall, "mem", &t).ok());
  EXPECT_EQ(t.Find("0874")->code, "0874");
  EXPECT_EQ(t.Find("0871")->code, "087");
  EXPECT_EQ(t.Find("084")->code, "08");
  EXPECT_EQ(t.Find("0841")->code, "08");
  EXPECT_EQ(t.Find("190")->code, "19");
  EXPECT_EQ(t.FindExact("0871"), nullptr);
  EXPECT_EQ(t.Find("02"), nullptr);
  EXPECT_EQ(t.Find("0"), nullptr);
  EXPECT_EQ(t.Find(""), nullptr);
  EXPECT_EQ(t.Find("08a"), nullptr);
  EXPECT_EQ(t.Find("08741"), nullptr);
}

TEST(CameoTableTest, RootCodeAndQuadClassOfRoot) {
  EXPECT_EQ(CameoTable::RootCode("0874"), "08");
  EXPECT_EQ(CameoTable::RootCode("190"), "19");
  EXPECT_EQ(CameoTable::RootCode("1"), "");
  EXPECT_EQ(CameoTable::RootCode("x12"), "");
  EXPECT_EQ(QuadClassOfRoot("01"), 1);
  EXPECT_EQ(QuadClassOfRoot("05"), 1);
  EXPECT_EQ(QuadClassOfRoot("06"), 2);
  EXPECT_EQ(QuadClassOfRoot("08"), 2);
  EXPECT_EQ(QuadClassOfRoot("09"), 3);
  EXPECT_EQ(QuadClassOfRoot("13"), 3);
  EXPECT_EQ(QuadClassOfRoot("14"), 4);
  EXPECT_EQ(QuadClassOfRoot("20"), 4);
  EXPECT_EQ(QuadClassOfRoot("00"), 0);
  EXPECT_EQ(QuadClassOfRoot("21"), 0);
}

// Each bad line fails with a one-line message naming source:line.
struct BadCase {
  const char* text;
  const char* expected_fragment;
};

TEST(CameoTableTest, RejectsBadLinesWithOneLineMessages) {
  const BadCase cases[] = {
      {"01\tMake public statement\t0.0\t1\n", "mem:1: expected 5 tab-separated fields"},
      {"01\tStatement\t0.0\t1\t\textra\n", "mem:1: expected 5"},
      {"1\tX\t0.0\t1\t\n", "mem:1: code must be 2 to 4 digits"},
      {"01234\tX\t0.0\t1\t\n", "mem:1: code must be 2 to 4 digits"},
      {"0a\tX\t0.0\t1\t\n", "mem:1: code must be 2 to 4 digits"},
      {"21\tX\t0.0\t4\t\n", "mem:1: root '21' is not 01..20"},
      {"01\t\t0.0\t1\t\n", "mem:1: empty name"},
      {"01\tX\tzero\t1\t\n", "mem:1: goldstein is not a number"},
      {"01\tX\t1.5x\t1\t\n", "mem:1: goldstein is not a number"},
      {"19\tFight\t-10.5\t4\tFIGHT\n", "mem:1: goldstein outside [-10, 10]"},
      {"19\tFight\t-10\t5\tFIGHT\n", "mem:1: quad_class must be 1..4"},
      {"19\tFight\t-10\t3\tFIGHT\n", "mem:1: quad_class 3 does not match root 19 (expected 4)"},
      {"19\tFight\t-10\t4\tfight\n", "mem:1: plover type must be upper-case"},
      {"19\tFight\t-10\t4\tFIGHT\n19\tFight\t-10\t4\tFIGHT\n", "mem:2: duplicate code 19"},
      {"19\tFight\t-10\t4\tFIGHT\n1951\tPrecision\t-10\t4\tFIGHT\n", "mem:2: code 1951 has no parent 195"},
      {"# only a comment\n\n", "mem: the CAMEO table has no codes"},
  };
  for (const BadCase& c : cases) {
    CameoTable t;
    ASSERT_TRUE(CameoTable::Parse("08\tYield\t5.0\t2\tCONCEDE\n", "mem", &t).ok());
    Status s = CameoTable::Parse(c.text, "mem", &t);
    ASSERT_FALSE(s.ok()) << c.text;
    EXPECT_NE(s.message().find(c.expected_fragment), std::string::npos)
        << "message: " << s.message();
    EXPECT_EQ(s.message().find('\n'), std::string::npos) << s.message();
    EXPECT_EQ(t.size(), 1u) << "a failed parse must leave the table unchanged";
  }
}

TEST(CameoTableTest, LoadReportsAMissingFile) {
  CameoTable t;
  Status s = CameoTable::Load("/nonexistent/cameo.tsv", &t);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("/nonexistent/cameo.tsv"), std::string::npos);
}

TEST(CameoTableTest, DefaultPathHonoursDyadDataEnvironmentVariable) {
  const char* old = std::getenv("DYAD_DATA");
  std::string saved = old ? old : "";
  ::setenv("DYAD_DATA", "/some/where", 1);
  EXPECT_EQ(DefaultCameoTablePath(), "/some/where/cameo/cameo.tsv");
  ::unsetenv("DYAD_DATA");
  EXPECT_EQ(DefaultCameoTablePath(), std::string(DYAD_DATA_DIR) + "/cameo/cameo.tsv");
  if (old) ::setenv("DYAD_DATA", saved.c_str(), 1);
}

// Sanity of the shipped table (data/cameo/cameo.tsv).
class ShippedCameoTableTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Status s = CameoTable::Load(std::string(DYAD_SOURCE_DIR) + "/data/cameo/cameo.tsv", &table_);
    ASSERT_TRUE(s.ok()) << s.message();
  }
  CameoTable table_;
};

TEST_F(ShippedCameoTableTest, EveryRootAndItsDefaultCodeIsPresent) {
  for (int r = 1; r <= 20; ++r) {
    std::string root = (r < 10 ? "0" : "") + std::to_string(r);
    ASSERT_NE(table_.FindExact(root), nullptr) << root;
    EXPECT_NE(table_.FindExact(root + "0"), nullptr) << root << "0";
  }
  EXPECT_GE(table_.size(), 300u);
}

TEST_F(ShippedCameoTableTest, QuadClassGoldsteinAndPloverAreConsistent) {
  const std::set<std::string> plover_types = {
      "AGREE",   "CONSULT",  "SUPPORT",    "COOPERATE", "AID",      "CONCEDE",
      "RETREAT", "INVESTIGATE", "DEMAND",  "DISAPPROVE", "REJECT",  "THREATEN",
      "PROTEST", "MOBILIZE", "SANCTION",   "COERCE",    "ASSAULT",  "FIGHT"};
  for (const CameoCode& c : table_.codes()) {
    std::string root = CameoTable::RootCode(c.code);
    EXPECT_EQ(c.quad_class, QuadClassOfRoot(root)) << c.code;
    EXPECT_GE(c.goldstein, -10.0) << c.code;
    EXPECT_LE(c.goldstein, 10.0) << c.code;
    if (root == "01" || root == "02") {
      EXPECT_EQ(c.plover, "") << c.code;
    } else {
      EXPECT_EQ(plover_types.count(c.plover), 1u) << c.code << " " << c.plover;
    }
    // Material conflict never scores as cooperation and vice versa.
    if (c.quad_class == 4) {
      EXPECT_LT(c.goldstein, 0.0) << c.code;
    }
    if (c.quad_class == 2) {
      EXPECT_GT(c.goldstein, 0.0) << c.code;
    }
  }
}

TEST_F(ShippedCameoTableTest, KnownValues) {
  struct Known {
    const char* code;
    double goldstein;
    const char* plover;
  };
  const Known known[] = {{"010", 0.0, ""},         {"042", 1.9, "CONSULT"}, {"057", 8.0, "SUPPORT"},
                         {"072", 8.3, "AID"},      {"0874", 10.0, "RETREAT"}, {"112", -2.0, "DISAPPROVE"},
                         {"138", -7.0, "THREATEN"}, {"154", -7.2, "MOBILIZE"}, {"163", -8.0, "SANCTION"},
                         {"173", -5.0, "COERCE"},  {"186", -10.0, "ASSAULT"}, {"190", -10.0, "FIGHT"},
                         {"195", -10.0, "FIGHT"},  {"202", -10.0, "FIGHT"}};
  for (const Known& k : known) {
    const CameoCode* c = table_.FindExact(k.code);
    ASSERT_NE(c, nullptr) << k.code;
    EXPECT_DOUBLE_EQ(c->goldstein, k.goldstein) << k.code;
    EXPECT_EQ(c->plover, k.plover) << k.code;
  }
  EXPECT_EQ(table_.FindExact("190")->name, "Use conventional military force, not specified below");
}

// Every event code written in the shipped verb dictionaries is a CAMEO code of the table
// (a typo such as [1213] or [0190] would otherwise only show up as events with no name).
TEST_F(ShippedCameoTableTest, EveryCodeInTheShippedVerbDictionariesIsInTheTable) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(DYAD_SOURCE_DIR) / "data" / "dict";
  int files = 0, codes = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".verbs") continue;
    ++files;
    std::ifstream in(entry.path());
    std::string line;
    int line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      if (line.empty() || line[0] == '#' || line[0] == ';' || line[0] == '/') continue;
      line = line.substr(0, line.find(';'));
      size_t lb = line.find('[');
      if (lb == std::string::npos) continue;
      size_t rb = line.find(']', lb);
      ASSERT_NE(rb, std::string::npos) << entry.path() << ":" << line_no;
      std::string block = line.substr(lb + 1, rb - lb - 1);
      // "[064]", "[023?]", "[032:033]", "[---]": check each numeric half.
      size_t start = 0;
      while (start <= block.size()) {
        size_t colon = block.find(':', start);
        std::string half = block.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
        while (!half.empty() && (half.back() == '?' || half.back() == '!' || half.back() == ' ')) half.pop_back();
        if (!half.empty() && half.find_first_not_of("0123456789") == std::string::npos) {
          ++codes;
          EXPECT_NE(table_.FindExact(half), nullptr) << entry.path() << ":" << line_no << ": " << line;
        }
        if (colon == std::string::npos) break;
        start = colon + 1;
      }
    }
  }
  EXPECT_GE(files, 1);
  EXPECT_GE(codes, 1000);
}

}  // namespace
}  // namespace dyad::write
