// The whole pipeline: text -> Engine -> events -> role report. Uses the bundled
// demo samples (data/samples/) and, when present, the seed article in
// ${DYAD_SHARED_DIR}/corpus (third-party text, read in place, never copied).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "analyze/role_report.h"
#include "dyad/engine.h"
#include "test_util.h"

namespace dyad::analyze {
namespace {

// Reads a sample: "key: value" header lines, a blank line, the body.
bool ReadSample(const std::string& path, Document* doc) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  while (std::getline(in, line) && !line.empty()) {
    size_t colon = line.find(": ");
    if (colon == std::string::npos) return false;
    std::string key = line.substr(0, colon), value = line.substr(colon + 2);
    if (key == "date") {
      auto d = Date::Parse(value);
      if (!d) return false;
      doc->date = *d;
    } else if (key == "source") {
      doc->source = value;
    } else if (key == "url") {
      doc->url = value;
    } else if (key == "title") {
      doc->title = value;
    }
  }
  std::ostringstream body;
  body << in.rdbuf();
  doc->text = body.str();
  doc->id = std::filesystem::path(path).stem().string();
  doc->format = InputFormat::kText;
  return !doc->text.empty();
}

class PipelineTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    EngineOptions options;
    options.data_dir = testing::DataDir();
    Status s = Engine::Create(options, &engine_);
    if (!s.ok()) {
      // Enrichment data may be mid-edit; the bare coder still exercises the rules.
      enrich_error_ = new std::string(s.message());
      options.enrich = false;
      s = Engine::Create(options, &engine_);
    }
    if (!s.ok()) engine_error_ = new std::string(s.message());
  }
  static void TearDownTestSuite() {
    engine_.reset();
    delete enrich_error_;
    delete engine_error_;
    enrich_error_ = engine_error_ = nullptr;
  }
  void SetUp() override {
    if (engine_error_) GTEST_SKIP() << "the engine cannot load its dictionaries: " << *engine_error_;
    ASSERT_TRUE(LoadRules(testing::RulesPath(), &rules_).ok());
    ASSERT_TRUE(LoadConflict(testing::ConflictPath(), &conflict_).ok());
    x_ = {"BLR", "Belarus", "belarusian"};
  }
  void Code(const Document& doc, std::vector<store::StoredEvent>* out) {
    std::vector<Event> events;
    Status s = engine_->Code(doc, &events);
    ASSERT_TRUE(s.ok()) << doc.id << ": " << s.message();
    for (const Event& e : events) {
      store::StoredEvent se;
      se.id = static_cast<int64_t>(out->size()) + 1;
      se.event = e;
      if (!se.event.date.valid()) se.event.date = doc.date;
      se.doc_url = doc.url;
      se.doc_title = doc.title;
      se.doc_source = doc.source;
      se.doc_date = doc.date;
      out->push_back(se);
    }
  }
  static bool Mentions(const CategoryReport& c, const std::vector<store::StoredEvent>& events,
                       const RoleReport&, const std::string& phrase) {
    (void)events;
    for (const Evidence& e : c.strongest)
      if (e.sentence.find(phrase) != std::string::npos) return true;
    return false;
  }
  // Measures a role evaluation set (documents and expect.tsv) against floors (below).
  void CheckRoleSet(const std::string& dir, int min_expected, int placed_percent, int wrong_per_mille);
  static std::unique_ptr<Engine> engine_;
  static std::string* enrich_error_;
  static std::string* engine_error_;
  RuleSet rules_;
  Conflict conflict_;
  Subject x_;
};

std::unique_ptr<Engine> PipelineTest::engine_;
std::string* PipelineTest::enrich_error_ = nullptr;
std::string* PipelineTest::engine_error_ = nullptr;

TEST_F(PipelineTest, SamplesGiveEvidenceInTheExpectedCategories) {
  std::vector<store::StoredEvent> events;
  std::string dir = testing::DataDir() + "/samples";
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    Document doc;
    ASSERT_TRUE(ReadSample(entry.path().string(), &doc)) << entry.path();
    ASSERT_TRUE(doc.date.valid()) << entry.path();
    Code(doc, &events);
    ++files;
  }
  ASSERT_GE(files, 6);
  ASSERT_FALSE(events.empty()) << "the engine coded nothing from the samples";
  RoleReport r = BuildRoleReport(rules_, conflict_, x_, {}, events);
  auto cat = [&](int n) -> const CategoryReport& { return r.categories.at(static_cast<size_t>(n - 1)); };
  // Territory (3(f)), the response to it, alignment, acknowledgement/denial and
  // the counter-indicators are all described in the samples in coder-friendly words.
  for (int n : {1, 5, 6, 7, 8})
    EXPECT_GT(cat(n).counts.supporting(), 0)
        << "category " << n << " (" << cat(n).category.name << ") has no asserted/reported evidence"
        << (enrich_error_ ? " (enrichment off: " + *enrich_error_ + ")" : "");
  EXPECT_GE(cat(1).documents, 3) << "several samples describe Russian forces in or from Belarus";
  EXPECT_GE(cat(8).sources, 1);
  EXPECT_EQ(r.events_scanned, static_cast<int64_t>(events.size()));
  // Every category-7 piece of evidence is about opposition, volunteers or cooperation, never X's army.
  for (const Evidence& e : cat(7).strongest) EXPECT_NE(e.source.rfind("BLRMIL", 0), 0u) << e.sentence;
  std::string md = RenderMarkdown(r);
  EXPECT_NE(md.find("## 8. International response"), std::string::npos);
}

// The seed article's facts, each in the category issue #5 names (one EXPECT per
// placement). Evidence is looked up by a phrase of its sentence in the report's
// supporting evidence (asserted or reported) or in its hypothetical/negated list.
TEST_F(PipelineTest, SeedArticlePlacesItsFactsInTheRightCategories) {
  std::string path = std::string(DYAD_SHARED_DIR) + "/corpus/role-of-belarus-in-the-war.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "seed article absent: " << path;
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  Document doc;
  doc.id = "seed";
  doc.text = text.str();
  doc.date = Date{2024, 3, 25};  // published for Freedom Day, two years into the full-scale war
  doc.source = "seed";
  doc.url = "file://" + path;
  doc.title = "The role of Belarus in the war in Ukraine";
  doc.format = InputFormat::kText;
  std::vector<store::StoredEvent> events;
  Code(doc, &events);
  ASSERT_FALSE(events.empty());
  RoleOptions o;
  o.from = Date{2014, 1, 1};
  o.evidence_per_category = 100;
  RoleReport r = BuildRoleReport(rules_, conflict_, x_, o, events);
  ASSERT_GT(r.events_matched, 0);
  const std::string md = RenderMarkdown(r);
  auto supports = [&](int category, const std::string& phrase) {
    for (const Evidence& e : r.categories.at(static_cast<size_t>(category - 1)).strongest)
      if (e.sentence.find(phrase) != std::string::npos) return true;
    return false;
  };
  auto hypothetical_anywhere = [&](const std::string& phrase) {
    for (const CategoryReport& c : r.categories)
      for (const Evidence& e : c.unasserted)
        if (e.bucket == Bucket::kHypothetical && e.sentence.find(phrase) != std::string::npos) return true;
    return false;
  };
  auto supports_anywhere = [&](const std::string& phrase) {
    for (const CategoryReport& c : r.categories)
      for (const Evidence& e : c.strongest)
        if (e.sentence.find(phrase) != std::string::npos) return true;
    return false;
  };
  EXPECT_TRUE(supports(1, "moving from Belarus"))
      << "territory used for the invasion (Russian columns moving from Belarus towards Kyiv) must be category 1\n"
      << md;
  EXPECT_TRUE(supports(2, "soldiers participating in the invasion"))
      << "Belarusian soldiers reported participating in the invasion must be category 2\n"
      << md;
  EXPECT_TRUE(supports(6, "admitted the country"))
      << "Lukashenko's admission of the country's involvement must be category 6\n"
      << md;
  EXPECT_TRUE(supports(1, "Wagner")) << "Wagner fighters stationed in Belarus must be category 1\n" << md;
  EXPECT_TRUE(supports(1, "nuclear weapons"))
      << "Russian tactical nuclear weapons stationed in Belarus must be category 1\n"
      << md;
  EXPECT_TRUE(hypothetical_anywhere("only in the case of direct aggression") &&
              !supports_anywhere("only in the case of direct aggression"))
      << "the conditional October statement (ready to participate only in the case of direct aggression) must be "
         "hypothetical evidence, never asserted or reported\n"
      << md;
  EXPECT_TRUE(supports(7, "volunteers"))
      << "Belarusian volunteers fighting on Ukraine's side must be a counter-indicator (category 7)\n"
      << md;
  EXPECT_TRUE(supports(5, "military doctrine"))
      << "the doctrine proposal's mutual-defence clause must be alignment (category 5)\n"
      << md;
}

// The samples of each shipped conflict beyond Russia-Ukraine (data/samples/<id>/)
// give evidence on the state whose role is in question, and none on a state the
// samples do not involve.
TEST_F(PipelineTest, EachConflictsSamplesGiveAReportOnTheStateInQuestion) {
  struct Case {
    std::string conflict, state;
    std::vector<std::string> categories;
  } cases[] = {
      {"drc-m23", "RWA", {"participation", "support", "acknowledgement", "response"}},
      {"sudan", "ARE", {"support", "acknowledgement", "response"}},
      {"yemen-red-sea", "IRN", {"support", "acknowledgement"}},
  };
  for (const Case& k : cases) {
    std::vector<store::StoredEvent> events;
    for (const auto& entry : std::filesystem::directory_iterator(testing::DataDir() + "/samples/" + k.conflict)) {
      Document doc;
      ASSERT_TRUE(ReadSample(entry.path().string(), &doc)) << entry.path();
      Code(doc, &events);
    }
    Conflict conflict;
    ASSERT_TRUE(FindConflict(testing::DataDir() + "/conflicts", k.conflict, &conflict).ok()) << k.conflict;
    for (const std::string& state : {k.state, std::string("CHN")}) {
      Subject x;
      ASSERT_TRUE(LookupSubject(state, testing::DataDir() + "/countries.tsv", rules_, &x).ok());
      RoleReport r = BuildRoleReport(rules_, conflict, x, {}, events);
      for (const CategoryReport& c : r.categories) {
        bool wanted = std::find(k.categories.begin(), k.categories.end(), c.category.key) != k.categories.end();
        if (state == "CHN") {
          EXPECT_EQ(c.counts.total(), 0) << k.conflict << " " << c.category.key;
        } else if (wanted) {
          EXPECT_GT(c.counts.supporting(), 0) << k.conflict << " " << state << " " << c.category.key;
        }
      }
    }
  }
}

// Our multi-state set (tests/quality/role_states: documents about Iran, North
// Korea, Rwanda, Burundi and the UAE in four conflicts, with expect.tsv): the
// share of expected facts placed in their category, and the listings no expected
// row puts there. scripts/role_eval.py prints the same figures through the CLI.
// Measures a role evaluation set (a folder of sample-format documents and expect.tsv) and checks
// the share placed (percent) and the wrong listings (at most `wrong_per_mille` of those listed).
void PipelineTest::CheckRoleSet(const std::string& dir, int min_expected, int placed_percent, int wrong_per_mille) {
  const std::map<std::string, std::string> prefixes = {
      {"ru-", "russia-ukraine"}, {"drc-", "drc-m23"}, {"sudan-", "sudan"}, {"yemen-", "yemen-red-sea"}};
  struct Row {
    std::string conflict, state, category, fragment;
  };
  std::vector<Row> rows;
  std::ifstream in(dir + "/expect.tsv");
  ASSERT_TRUE(in) << dir;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    for (size_t p = 0;;) {
      size_t tab = line.find('\t', p);
      f.push_back(line.substr(p, tab == std::string::npos ? std::string::npos : tab - p));
      if (tab == std::string::npos) break;
      p = tab + 1;
    }
    ASSERT_EQ(f.size(), 4u) << line;
    rows.push_back({f[0], f[1], f[2], f[3]});
  }
  std::map<std::string, std::vector<store::StoredEvent>> events;  // per conflict
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    std::string name = entry.path().filename().string();
    for (const auto& [prefix, conflict] : prefixes) {
      if (name.rfind(prefix, 0) != 0) continue;
      Document doc;
      ASSERT_TRUE(ReadSample(entry.path().string(), &doc)) << name;
      Code(doc, &events[conflict]);
    }
  }
  std::set<std::pair<std::string, std::string>> pairs = {{"russia-ukraine", "CHN"}};
  for (const Row& r : rows) pairs.insert({r.conflict, r.state});
  int expected = 0, placed = 0, listed = 0, wrong = 0;
  std::string misses;
  for (const auto& [conflict_id, state] : pairs) {
    Conflict conflict;
    ASSERT_TRUE(FindConflict(testing::DataDir() + "/conflicts", conflict_id, &conflict).ok()) << conflict_id;
    Subject x;
    ASSERT_TRUE(LookupSubject(state, testing::DataDir() + "/countries.tsv", rules_, &x).ok()) << state;
    RoleOptions o;
    o.from = Date{2010, 1, 1};
    o.evidence_per_category = 100;
    RoleReport r = BuildRoleReport(rules_, conflict, x, o, events[conflict_id]);
    auto mine = [&](const std::string& key, const std::string& sentence) {
      for (const Row& row : rows)
        if (row.conflict == conflict_id && row.state == state && row.category == key &&
            sentence.find(row.fragment) != std::string::npos)
          return true;
      return false;
    };
    for (const Row& row : rows) {
      if (row.conflict != conflict_id || row.state != state || row.category == "none") continue;
      ++expected;
      bool hit = false;
      for (const CategoryReport& c : r.categories) {
        if (c.category.key != row.category) continue;
        for (const auto* list : {&c.strongest, &c.unasserted})
          for (const Evidence& e : *list) hit = hit || e.sentence.find(row.fragment) != std::string::npos;
      }
      placed += hit;
      if (!hit) misses += "  missed " + state + " " + row.category + ": " + row.fragment + "\n";
    }
    for (const CategoryReport& c : r.categories) {
      for (const Evidence& e : c.strongest) {
        ++listed;
        if (!mine(c.category.key, e.sentence)) {
          ++wrong;
          misses += "  wrong " + state + " " + c.category.key + ": " + e.sentence + "\n";
        }
      }
    }
  }
  ASSERT_GT(expected, min_expected);
  EXPECT_GE(placed * 100, expected * placed_percent) << dir << ": " << placed << "/" << expected << "\n" << misses;
  EXPECT_LE(wrong * 1000, listed * wrong_per_mille) << dir << ": " << wrong << " wrong of " << listed << "\n" << misses;
  std::cout << dir << ": placed " << placed << "/" << expected << ", wrong " << wrong << " of " << listed << " listed\n";
}

// Issue 10's bar on our tuned multi-state set: 80% placed, wrong listings at most 10%.
TEST_F(PipelineTest, MultiStateSetPlacesFactsInTheRightCategoriesForEveryState) {
  CheckRoleSet(std::string(DYAD_SOURCE_DIR) + "/tests/quality/role_states", 50, 80, 100);
}

// The held-out set written on 4 Dec 2026 (docs/role-report.md): first measured at 61% placed and
// 31% wrong, now 84% and 11%; the floor keeps what general changes reached (no longer unseen).
TEST_F(PipelineTest, HeldOutRoleSetStaysAboveItsFloor) {
  CheckRoleSet(std::string(DYAD_SOURCE_DIR) + "/tests/quality/role_heldout", 25, 80, 120);
}

}  // namespace
}  // namespace dyad::analyze

namespace dyad::analyze {
namespace {

// The CLI over a database built from the samples: every format, and the bad
// inputs, each a one-line message. Skips when the dyad binary is not built.
class RoleCliTest : public PipelineTest {
 protected:
  static std::string Binary() { return std::string(DYAD_BINARY_DIR) + "/tools/dyad/dyad"; }
  static std::string Dir() {
    // One directory per test: ctest may run the tests in parallel.
    return (std::filesystem::temp_directory_path() /
            ("dyad_role_cli_test_" +
             std::string(::testing::UnitTest::GetInstance()->current_test_info()->name())))
        .string();
  }
  // Runs a command; returns its exit status, stdout in *out, stderr in *err.
  static int Run(const std::string& args, std::string* out, std::string* err) {
    std::string o = Dir() + "/out.txt", e = Dir() + "/err.txt";
    int rc = std::system((Binary() + " " + args + " >" + o + " 2>" + e).c_str());
    auto slurp = [](const std::string& p) {
      std::ifstream in(p);
      std::ostringstream ss;
      ss << in.rdbuf();
      return ss.str();
    };
    *out = slurp(o);
    *err = slurp(e);
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  }
  void SetUp() override {
    PipelineTest::SetUp();
    if (IsSkipped()) return;
    if (!std::filesystem::exists(Binary())) GTEST_SKIP() << "build the dyad_cli target first: " << Binary();
    std::filesystem::remove_all(Dir());
    std::filesystem::create_directories(Dir());
    db_ = Dir() + "/samples.db";
    std::unique_ptr<store::Store> db;
    ASSERT_TRUE(store::Store::Open(db_, {}, &db).ok());
    for (const auto& entry : std::filesystem::directory_iterator(testing::DataDir() + "/samples")) {
      if (entry.path().extension() != ".txt") continue;
      Document doc;
      ASSERT_TRUE(ReadSample(entry.path().string(), &doc));
      std::vector<Event> events;
      ASSERT_TRUE(engine_->Code(doc, &events).ok());
      store::AddResult added;
      Status s = db->AddDocument(doc, events, engine_->dictionary_hash(), &added);
      ASSERT_TRUE(s.ok()) << s.message();
    }
  }
  void TearDown() override { std::filesystem::remove_all(Dir()); }
  std::string db_;
};

TEST_F(RoleCliTest, MarkdownJsonAndHtml) {
  std::string out, err;
  ASSERT_EQ(Run("role BLR --conflict russia-ukraine --db " + db_, &out, &err), 0) << err;
  EXPECT_NE(out.find("# Role of Belarus (BLR)"), std::string::npos);
  EXPECT_NE(out.find("## Escalation watch"), std::string::npos);
  EXPECT_NE(out.find("dyad show "), std::string::npos);
  ASSERT_EQ(Run("role blr --conflict RUS-UKR --format json --db " + db_, &out, &err), 0) << err;
  nlohmann::json j = nlohmann::json::parse(out);
  EXPECT_EQ(j["state"]["code"], "BLR");
  EXPECT_EQ(j["categories"].size(), 8u);
  ASSERT_EQ(Run("role BLR --conflict russia-ukraine --format html -o " + Dir() + "/r.html --db " + db_, &out,
                &err),
            0)
      << err;
  std::ifstream in(Dir() + "/r.html");
  std::ostringstream html;
  html << in.rdbuf();
  EXPECT_NE(html.str().find("Chart.js v"), std::string::npos) << "the vendored library is inlined";
  EXPECT_EQ(html.str().find("<script src="), std::string::npos);
  ASSERT_EQ(Run("role BLR --conflict russia-ukraine --from 2023-01-01 --to 2023-12-31 --db " + db_, &out, &err), 0);
  EXPECT_NE(out.find("Window: 2023-01-01 .. 2023-12-31"), std::string::npos);
}

TEST_F(RoleCliTest, BadInputsGiveOneLineMessages) {
  struct Case {
    std::string args, expect;
  } cases[] = {
      {"role XYZ --conflict russia-ukraine --db " + db_, "unknown state 'XYZ'"},
      {"role BLR --conflict atlantis --db " + db_, "unknown conflict 'atlantis'"},
      {"role BLR --conflict russia-ukraine --db " + Dir() + "/absent.db", "not found"},
      {"role BLR --conflict russia-ukraine --rules " + Dir() + "/bad.toml --db " + db_, "bad.toml:2:"},
      {"role BLR --conflict russia-ukraine --db " + Dir() + "/empty.db", "empty"},
      {"role BLR --conflict russia-ukraine --db " + Dir() + "/fresh.db", "no events in"},
  };
  std::ofstream(Dir() + "/bad.toml") << "[[categories]]\nnumber = \n";
  std::ofstream(Dir() + "/empty.db");
  {
    std::unique_ptr<store::Store> fresh;
    ASSERT_TRUE(store::Store::Open(Dir() + "/fresh.db", {}, &fresh).ok());
  }
  for (const Case& c : cases) {
    std::string out, err;
    int rc = Run(c.args, &out, &err);
    EXPECT_EQ(rc, 1) << c.args << "\n" << err;
    EXPECT_TRUE(out.empty()) << c.args;
    EXPECT_NE(err.find(c.expect), std::string::npos) << c.args << "\n" << err;
    EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << c.args << "\n" << err;
    EXPECT_EQ(err.rfind("dyad: role: ", 0), 0u) << err;
  }
}

}  // namespace
}  // namespace dyad::analyze
