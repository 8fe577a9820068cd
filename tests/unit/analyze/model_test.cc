#include "analyze/model.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "analyze/classify.h"
#include "test_util.h"

namespace dyad::analyze {
namespace {

using testing::ConflictPath;
using testing::DataDir;
using testing::RulesPath;

class TempDir {
 public:
  TempDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("dyad_analyze_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
             "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string Write(const std::string& name, const std::string& text) const {
    std::string p = (path_ / name).string();
    std::ofstream(p) << text;
    return p;
  }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

TEST(LoadRulesTest, ShippedRulesLoadWithThirdStateAndPartyCategoriesEachCitingTests) {
  RuleSet rules;
  Status s = LoadRules(RulesPath(), &rules);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(rules.categories.size(), 13u);
  for (int n = 1; n <= 13; ++n) {
    const Category* c = rules.FindCategory(n);
    ASSERT_NE(c, nullptr) << n;
    EXPECT_FALSE(c->tests.empty()) << c->key;
    for (const LegalTest& t : c->tests) {
      EXPECT_FALSE(t.citation.empty()) << c->key;
      EXPECT_FALSE(t.paraphrase.empty()) << c->key;
    }
    bool has_rule = false;
    for (const Rule& r : rules.rules) has_rule = has_rule || r.category == n;
    EXPECT_TRUE(has_rule) << "category " << n << " has no rule";
    EXPECT_EQ(c->AppliesTo(Standing::kThird), n <= 8) << c->key;
    EXPECT_EQ(c->AppliesTo(Standing::kAggressorParty), n > 8) << c->key;
  }
  for (const Rule& r : rules.rules) EXPECT_FALSE(r.involves.empty()) << r.id;
  EXPECT_FALSE(rules.disclaimer.empty());
  EXPECT_EQ(rules.names.at("BLR"), std::vector<std::string>{"minsk"});
  EXPECT_FALSE(rules.escalation.signals.empty());
}

TEST(LoadRulesTest, CitesTheRequiredInstruments) {
  RuleSet rules;
  ASSERT_TRUE(LoadRules(RulesPath(), &rules).ok());
  std::string all;
  for (const Category& c : rules.categories)
    for (const LegalTest& t : c.tests) all += t.instrument + " " + t.citation + "\n";
  EXPECT_NE(all.find("3314"), std::string::npos);
  EXPECT_NE(all.find("art. 3(f)"), std::string::npos);
  EXPECT_NE(all.find("Hague Convention V"), std::string::npos);
  EXPECT_NE(all.find("ICRC"), std::string::npos);
  EXPECT_NE(all.find("art. 16"), std::string::npos);
  // Conflict-specific instruments live in the conflict's file, not in the shared rules.
  EXPECT_EQ(all.find("ES-11/1"), std::string::npos);
  EXPECT_EQ(all.find("Belarus"), std::string::npos);
  Conflict c;
  ASSERT_TRUE(LoadConflict(ConflictPath(), &c).ok());
  std::string own;
  for (const ConflictInstrument& i : c.instruments) own += i.test.instrument + "\n";
  EXPECT_NE(own.find("ES-11/1"), std::string::npos);
}

TEST(LoadRulesTest, SyntaxErrorNamesFileAndLine) {
  TempDir dir;
  std::string p = dir.Write("bad.toml", "disclaimer = \"x\"\n\n[[categories]]\nnumber = 1\nkey = \"a\n");
  RuleSet rules;
  Status s = LoadRules(p, &rules);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message().rfind(p + ":5:", 0), 0u) << s.message();
  EXPECT_NE(s.message().find("TOML syntax error"), std::string::npos) << s.message();
  EXPECT_EQ(s.message().find('\n'), std::string::npos);
}

// Found by fuzz_conflict and fuzz_rules: toml++ quotes what it saw, newline included, so the
// error was two lines.
TEST(LoadRulesTest, SyntaxErrorQuotingANewlineIsOneLine) {
  TempDir dir;
  for (const char* text : {"name = tr\n", "number = t\n"}) {
    std::string p = dir.Write("quote.toml", text);
    RuleSet rules;
    Status s = LoadRules(p, &rules);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.message().find('\n'), std::string::npos) << s.message();
    EXPECT_NE(s.message().find("\\x0A"), std::string::npos) << s.message();
    Conflict c;
    Status sc = LoadConflict(p, &c);
    ASSERT_FALSE(sc.ok());
    EXPECT_EQ(sc.message().find('\n'), std::string::npos) << sc.message();
  }
}

TEST(LoadRulesTest, UnknownKeySideAndCategoryAreErrorsWithLines) {
  TempDir dir;
  const std::string head = "[[categories]]\nnumber = 1\nkey = \"a\"\nname = \"A\"\n\n";
  RuleSet rules;
  Status s = LoadRules(dir.Write("k.toml", head + "[[rules]]\nid = \"r\"\ncategory = 1\nsorce = [\"X\"]\n"), &rules);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find(":9:"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("unknown key 'sorce'"), std::string::npos) << s.message();

  s = LoadRules(dir.Write("s.toml", head + "[[rules]]\nid = \"r\"\ncategory = 1\nsource = [\"friend\"]\n"), &rules);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("unknown side 'friend'"), std::string::npos) << s.message();

  s = LoadRules(dir.Write("c.toml", head + "[[rules]]\nid = \"r\"\ncategory = 9\n"), &rules);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("category 9 is not defined"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("c.toml:6:"), std::string::npos) << s.message();

  s = LoadRules(dir.Write("m.toml", head + "[[rules]]\nid = \"r\"\ncategory = 1\nmodality = \"maybe\"\n"), &rules);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("unknown modality 'maybe'"), std::string::npos) << s.message();

  s = LoadRules(dir.Write("codes.toml", head + "[[rules]]\nid = \"r\"\ncategory = 1\ncodes = [\"19x\"]\n"), &rules);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("not a CAMEO code prefix"), std::string::npos) << s.message();
}

// A rule that reads sentences without an event may test their words only; a bad standing is named.
TEST(LoadRulesTest, SentenceRulesTestWordsOnlyAndStandingsAreChecked) {
  TempDir dir;
  const std::string head = "[[categories]]\nnumber = 1\nkey = \"a\"\nname = \"A\"\n\n";
  const std::string rule = "[[rules]]\nid = \"r\"\ncategory = 1\ninvolves = [\"named\"]\nkeywords = [\"{x_adj}-made\"]\n";
  RuleSet rules;
  Status s = LoadRules(dir.Write("ok.toml", head + rule + "sentences = true\nstanding = [\"third\", \"aggressor ally\"]\n"), &rules);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(rules.rules.size(), 1u);
  EXPECT_TRUE(rules.rules[0].sentences);
  EXPECT_EQ(rules.rules[0].standing, (std::vector<Standing>{Standing::kThird, Standing::kAggressorAlly}));

  s = LoadRules(dir.Write("codes.toml", head + rule + "sentences = true\ncodes = [\"07\"]\n"), &rules);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("rule 'r': 'sentences = true' needs keywords"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("codes.toml:6:"), std::string::npos) << s.message();

  s = LoadRules(dir.Write("source.toml", head + "[[rules]]\nid = \"r\"\ncategory = 1\ninvolves = [\"source\"]\n"
                                                "keywords = [\"x\"]\nsentences = true\n"), &rules);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("involves = named or group only"), std::string::npos) << s.message();

  s = LoadRules(dir.Write("flag.toml", head + rule + "sentences = \"yes\"\n"), &rules);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("'sentences' must be true or false"), std::string::npos) << s.message();

  s = LoadRules(dir.Write("standing.toml", head + rule + "standing = [\"neutral\"]\n"), &rules);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("unknown standing 'neutral'"), std::string::npos) << s.message();
}

TEST(LoadRulesTest, MissingFileIsOneLineError) {
  RuleSet rules;
  Status s = LoadRules("/nonexistent/rules.toml", &rules);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message(), "/nonexistent/rules.toml: no such file");
}

TEST(LoadConflictTest, ShippedConflictLoads) {
  Conflict c;
  Status s = LoadConflict(ConflictPath(), &c);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(c.id, "russia-ukraine");
  EXPECT_EQ(c.begin(), (Date{2014, 2, 20}));
  ASSERT_EQ(c.phases.size(), 2u);
  EXPECT_EQ(c.phases[1].begin, (Date{2022, 2, 24}));
  EXPECT_FALSE(c.phases[1].end.valid());
  const Phase* p = c.PhaseAt(Date{2022, 3, 1});
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->name, "Full-scale invasion");
  EXPECT_EQ(c.PhaseAt(Date{2013, 1, 1}), nullptr);
  EXPECT_EQ(c.SideOf("RUSMIL", "BLR"), Side::kAggressor);
  EXPECT_EQ(c.SideOf("UKRGOV", "BLR"), Side::kVictim);
  EXPECT_EQ(c.SideOf("BLRMIL", "BLR"), Side::kX);
  EXPECT_EQ(c.SideOf("IGOUNO", "BLR"), Side::kThird);
  EXPECT_EQ(c.SideOf("", "BLR"), Side::kNone);
  // X wins even over a party list (the report on RUS itself still works).
  EXPECT_EQ(c.SideOf("RUSMIL", "RUS"), Side::kX);
}

TEST(FindConflictTest, ByIdAndAliasAndUnknown) {
  Conflict c;
  ASSERT_TRUE(FindConflict(DataDir() + "/conflicts", "russia-ukraine", &c).ok());
  ASSERT_TRUE(FindConflict(DataDir() + "/conflicts", "RUS-UKR", &c).ok());
  EXPECT_EQ(c.id, "russia-ukraine");
  Status s = FindConflict(DataDir() + "/conflicts", "mars-venus", &c);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("unknown conflict 'mars-venus'"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("russia-ukraine"), std::string::npos) << s.message();
}

TEST(LoadConflictTest, BadConflictsAreErrors) {
  TempDir dir;
  Conflict c;
  Status s = LoadConflict(dir.Write("a.toml", "id = \"a\"\nname = \"A\"\n[parties]\naggressor = [\"RUS\"]\n"
                                              "victim = [\"UKR\"]\n[[phases]]\nname = \"p\"\nbegin = 2022-02-30\n"),
                          &c);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("a.toml:8:"), std::string::npos) << s.message();

  s = LoadConflict(dir.Write("b.toml", "id = \"b\"\nname = \"B\"\n[parties]\naggressor = [\"RUS\"]\n"), &c);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("'aggressor' and 'victim'"), std::string::npos) << s.message();

  s = LoadConflict(dir.Write("c.toml", "id = \"c\"\nname = \"C\"\n[parties]\naggressor = [\"RUS\"]\n"
                                       "victim = [\"UKR\"]\n[[phases]]\nname = \"p\"\nbegin = 2022-01-01\n"
                                       "[[phases]]\nname = \"q\"\nbegin = 2022-06-01\n"),
                   &c);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("overlaps"), std::string::npos) << s.message();

  // A conflict file with a syntax error that is the one asked for: its error, not "unknown".
  dir.Write("broken.toml", "id = \"broken\"\nname = [\n");
  s = FindConflict(dir.path(), "broken", &c);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("broken.toml:"), std::string::npos) << s.message();
}

TEST(LookupSubjectTest, KnownUnknownAndTooLong) {
  RuleSet rules;
  ASSERT_TRUE(LoadRules(RulesPath(), &rules).ok());
  Subject x;
  std::string countries = DataDir() + "/countries.tsv";
  ASSERT_TRUE(LookupSubject("blr", countries, rules, &x).ok());
  EXPECT_EQ(x.code, "BLR");
  EXPECT_EQ(x.name, "Belarus");
  EXPECT_EQ(x.adjective, "belarusian");
  Status s = LookupSubject("XYZ", countries, rules, &x);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("unknown state 'XYZ'"), std::string::npos) << s.message();
  s = LookupSubject("BLRGOV", countries, rules, &x);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("3-letter"), std::string::npos);
}

// Issue 10 (9): states by name, common name, capital or adjective, as users type them.
TEST(LookupSubjectTest, NamesCommonNamesAndAdjectivesGiveTheCode) {
  RuleSet rules;
  ASSERT_TRUE(LoadRules(RulesPath(), &rules).ok());
  const std::string countries = DataDir() + "/countries.tsv";
  for (const auto& [query, code] : std::vector<std::pair<std::string, std::string>>{
           {"Belarus", "BLR"}, {"belarus", "BLR"}, {"Iran", "IRN"}, {"China", "CHN"}, {"North Korea", "PRK"},
           {"DPRK", "PRK"}, {"UAE", "ARE"}, {"United Arab Emirates", "ARE"}, {"Rwanda", "RWA"},
           {"the United States", "USA"}, {"Iranian", "IRN"}, {"BEL", "BEL"}, {"DR Congo", "COD"}}) {
    Subject x;
    Status s = LookupSubject(query, countries, rules, &x);
    ASSERT_TRUE(s.ok()) << query << ": " << s.message();
    EXPECT_EQ(x.code, code) << query;
  }
  Subject x;
  ASSERT_TRUE(LookupSubject("Congo", countries, rules, &x).ok());  // in conflict reporting: the DRC
  EXPECT_EQ(x.code, "COD");
  RuleSet shared = rules;  // a name two states answer to (a US state and the country)
  shared.names["USA"].push_back("Georgia");
  Status s = LookupSubject("Georgia", countries, shared, &x);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("GEO"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("USA"), std::string::npos) << s.message();
  s = LookupSubject("Belarusia", countries, rules, &x);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("did you mean BLR (Belarus)"), std::string::npos) << s.message();
}

// Rule keywords read "from {x_name}" as "from the UAE" too: names written with "the" and initials.
TEST(LookupSubjectTest, NamesTextWritesWithTheAreKept) {
  RuleSet rules;
  ASSERT_TRUE(LoadRules(RulesPath(), &rules).ok());
  const std::string countries = DataDir() + "/countries.tsv";
  Subject uae;
  ASSERT_TRUE(LookupSubject("ARE", countries, rules, &uae).ok());
  for (const char* name : {"united arab emirates", "uae", "emirates"})
    EXPECT_NE(std::find(uae.names_with_the.begin(), uae.names_with_the.end(), name), uae.names_with_the.end()) << name;
  Subject belarus;
  ASSERT_TRUE(LookupSubject("BLR", countries, rules, &belarus).ok());
  EXPECT_TRUE(belarus.names_with_the.empty()) << "nobody writes 'the Belarus' or 'the Minsk'";
}

// Issue 10 (9): data/countries.tsv names every ISO 3166 state; each of its names finds its code
// (unless another state answers to it too), and the issue's examples find the right state.
TEST(CountryTableTest, EveryStatesNamesFindItsCodeAndTheIssuesExamplesResolve) {
  RuleSet rules;
  ASSERT_TRUE(LoadRules(RulesPath(), &rules).ok());
  const std::string countries = DataDir() + "/countries.tsv";
  for (const auto& [query, code] : std::vector<std::pair<std::string, std::string>>{
           {"Belarus", "BLR"}, {"Iran", "IRN"}, {"China", "CHN"}, {"North Korea", "PRK"}, {"DPRK", "PRK"},
           {"UAE", "ARE"}, {"the UAE", "ARE"}, {"United Arab Emirates", "ARE"}, {"Emirati", "ARE"},
           {"Rwanda", "RWA"}, {"Uganda", "UGA"}, {"Burundi", "BDI"}, {"Burundian", "BDI"}, {"Türkiye", "TUR"},
           {"Turkey", "TUR"}, {"Ivory Coast", "CIV"}, {"Burma", "MMR"}, {"Congo-Brazzaville", "COG"},
           {"Republic of the Congo", "COG"}, {"Kosovo", "KSV"}, {"Minsk", "BLR"}, {"russian federation", "RUS"}}) {
    Subject x;
    Status s = LookupSubject(query, countries, rules, &x);
    ASSERT_TRUE(s.ok()) << query << ": " << s.message();
    EXPECT_EQ(x.code, code) << query;
  }
  // Every row: its code, and each name no other state shares, give that row.
  std::ifstream in(countries);
  std::string line;
  int rows = 0;
  std::map<std::string, int> shared;
  std::vector<std::pair<std::string, std::string>> names;  // name, code
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    ++rows;
    std::vector<std::string> cols;
    for (size_t p = 0;;) {
      const size_t tab = line.find('\t', p);
      cols.push_back(line.substr(p, tab == std::string::npos ? std::string::npos : tab - p));
      if (tab == std::string::npos) break;
      p = tab + 1;
    }
    ASSERT_TRUE(cols.size() == 4u || cols.size() == 5u) << line;  // the 5th: capitals
    std::stringstream list(cols[2]);
    for (std::string name; std::getline(list, name, '|');) {
      std::string key = name.rfind("the ", 0) == 0 ? name.substr(4) : name;
      for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      ++shared[key];
      names.push_back({key, cols[0]});
    }
    Subject x;
    ASSERT_TRUE(LookupSubject(cols[0], countries, rules, &x).ok()) << cols[0];
    EXPECT_EQ(x.code, cols[0]);
  }
  EXPECT_EQ(rows, 250) << "249 ISO 3166-1 codes and Kosovo";
  for (const auto& [name, code] : names) {
    if (shared[name] > 1) continue;
    Subject x;
    Status s = LookupSubject(name, countries, rules, &x);
    ASSERT_TRUE(s.ok()) << name << ": " << s.message();
    EXPECT_EQ(x.code, code) << name;
  }
}

TEST(CountryTableTest, DisplayNamesPossessivesAndAdjectives) {
  RuleSet rules;
  ASSERT_TRUE(LoadRules(RulesPath(), &rules).ok());
  const std::string countries = DataDir() + "/countries.tsv";
  Subject x;
  ASSERT_TRUE(LookupSubject("ARE", countries, rules, &x).ok());
  EXPECT_EQ(x.name, "United Arab Emirates");
  EXPECT_EQ(DisplayName(x), "the United Arab Emirates");
  EXPECT_EQ(Possessive(x), "the United Arab Emirates'");
  EXPECT_EQ(Possessive(x, true), "The United Arab Emirates'");
  EXPECT_EQ(x.adjective, "emirati");
  EXPECT_NE(std::find(x.names.begin(), x.names.end(), "uae"), x.names.end());
  EXPECT_NE(std::find(x.names.begin(), x.names.end(), "abu dhabi"), x.names.end()) << "the rules' [names]";
  ASSERT_TRUE(LookupSubject("Belarus", countries, rules, &x).ok());
  EXPECT_EQ(Possessive(x), "Belarus's");
  EXPECT_NE(std::find(x.adjectives.begin(), x.adjectives.end(), "belarussian"), x.adjectives.end());
  ASSERT_TRUE(LookupSubject("USA", countries, rules, &x).ok());
  EXPECT_EQ(std::find(x.names.begin(), x.names.end(), "us"), x.names.end()) << "'us' is a pronoun";
  EXPECT_NE(std::find(x.names.begin(), x.names.end(), "the us"), x.names.end());
  for (const char* code : {"RWA", "UGA", "BDI", "COD", "ARE", "SDN", "IRN", "PRK", "AZE"}) {
    ASSERT_TRUE(LookupSubject(code, countries, rules, &x).ok()) << code;
    EXPECT_FALSE(x.adjective.empty()) << code << " has no adjective: its {x_adj} rules would be off";
  }
  ASSERT_TRUE(LookupSubject("SDN", countries, rules, &x).ok());
  EXPECT_NE(std::find(x.shadowed_by.begin(), x.shadowed_by.end(), "south sudanese"), x.shadowed_by.end());
  ASSERT_TRUE(LookupSubject("CHN", countries, rules, &x).ok());
  EXPECT_EQ(std::find(x.shadowed_by.begin(), x.shadowed_by.end(), "republic of china"), x.shadowed_by.end())
      << "China's own name holds it";
}

TEST(CountryTableTest, AMalformedTableIsOneLineNamingFileAndLine) {
  RuleSet rules;
  ASSERT_TRUE(LoadRules(RulesPath(), &rules).ok());
  TempDir dir;
  Subject x;
  const std::string three = dir.Write("three.tsv", "# comment\nBLR\tBelarus\tBelarus|Byelorussia\n");
  Status s = LookupSubject("BLR", three, rules, &x);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("three.tsv:2: 3 columns"), std::string::npos) << s.message();
  const std::string twice = dir.Write("twice.tsv", "BLR\tBelarus\tBelarus\tBelarusian\nBLR\tBelarus\tBelarus\t\n");
  s = LookupSubject("Belarus", twice, rules, &x);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("twice.tsv:2: BLR is listed twice"), std::string::npos) << s.message();
  const std::string code = dir.Write("code.tsv", "Blr\tBelarus\tBelarus\tBelarusian\n");
  s = LookupSubject("Belarus", code, rules, &x);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("code.tsv:1: 'Blr' is not a 3-letter capital code"), std::string::npos) << s.message();
  s = LookupSubject("Belarus", dir.path() + "/none.tsv", rules, &x);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("none.tsv: cannot open the country table"), std::string::npos) << s.message();
  // Two states with one adjective: the lookup asks for the code.
  const std::string congo = DataDir() + "/countries.tsv";
  s = LookupSubject("Congolese", congo, rules, &x);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("COD (DR Congo), COG (Republic of the Congo)"), std::string::npos) << s.message();
}

TEST(FindConflictTest, IdsAndAliasesIgnoreCaseAndTheErrorNamesConflicts) {
  Conflict c;
  ASSERT_TRUE(FindConflict(DataDir() + "/conflicts", "Russia-Ukraine", &c).ok());
  EXPECT_EQ(c.id, "russia-ukraine");
  Status s = FindConflict(DataDir() + "/conflicts", "atlantis", &c);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("--conflicts"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace dyad::analyze

namespace dyad::analyze {
namespace {

// Issue 10: each bad conflict entry is one line naming file, line and what is wrong.
TEST(LoadConflictTest, BadSidesKeysPhasesAndGroupsNameFileAndLine) {
  TempDir dir;
  const std::string head = "id = \"t\"\nname = \"T\"\n";
  const std::string phase = "[[phases]]\nname = \"p\"\nbegin = 2022-01-01\n";
  struct Case {
    std::string name, text, line, what;
  } cases[] = {
      {"key.toml", head + "sides = 2\n[parties]\naggressor = [\"RUS\"]\nvictim = [\"UKR\"]\n" + phase, ":3:",
       "unknown key 'sides'"},
      {"pkey.toml", head + "[parties]\naggressor = [\"RUS\"]\nvictim = [\"UKR\"]\nallies = [\"BLR\"]\n" + phase, ":6:",
       "unknown key 'allies'"},
      {"empty.toml", head + "[parties]\naggressor = [\"RUS\"]\nvictim = []\n" + phase, ":5:",
       "side 'victim' names no actor code"},
      {"word.toml", head + "[parties]\naggressor = [\"Russia\"]\nvictim = [\"UKR\"]\n" + phase, ":4:",
       "'Russia' is not an actor code"},
      {"overlap.toml",
       head + "[parties]\naggressor = [\"RUS\"]\nvictim = [\"UKR\"]\n" + phase +
           "end = 2022-12-31\n[[phases]]\nname = \"q\"\nbegin = 2022-06-01\n",
       ":10:", "overlaps"},
      {"backer.toml",
       head + "[parties]\naggressor = [\"RUS\"]\nvictim = [\"UKR\"]\n" + phase +
           "[[groups]]\nname = \"G\"\ncountry = \"RUS\"\nfights_for = \"aggressor\"\nkind = \"pmc\"\n"
           "alleged_backers = [\"Iran\"]\n",
       ":14:", "alleged backer 'Iran'"},
      {"instr.toml",
       head + "[parties]\naggressor = [\"RUS\"]\nvictim = [\"UKR\"]\n" + phase +
           "[[instruments]]\ninstrument = \"I\"\nparaphrase = \"P\"\ncitation = \"C\"\n",
       ":9:", "'categories'"},
  };
  for (const Case& k : cases) {
    Conflict c;
    std::string path = dir.Write(k.name, k.text);
    Status s = LoadConflict(path, &c);
    ASSERT_FALSE(s.ok()) << k.name;
    EXPECT_EQ(s.message().rfind(path + k.line, 0), 0u) << k.name << ": " << s.message();
    EXPECT_NE(s.message().find(k.what), std::string::npos) << k.name << ": " << s.message();
    EXPECT_EQ(s.message().find('\n'), std::string::npos) << s.message();
  }
}

}  // namespace
}  // namespace dyad::analyze
