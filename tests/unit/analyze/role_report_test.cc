#include "analyze/role_report.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <sstream>

#include "scratch_dir.h"
#include "test_util.h"

namespace dyad::analyze {
namespace {

using testing::Country;
using testing::MakeEvent;
using testing::Stored;

class RoleReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(LoadRules(testing::RulesPath(), &rules_).ok());
    ASSERT_TRUE(LoadConflict(testing::ConflictPath(), &conflict_).ok());
    x_ = {"BLR", "Belarus", "belarusian"};
  }
  const CategoryReport& Cat(const RoleReport& r, int n) const {
    for (const CategoryReport& c : r.categories)
      if (c.category.number == n) return c;
    static CategoryReport none;
    ADD_FAILURE() << "no category " << n;
    return none;
  }
  RoleReport Build(const std::vector<store::StoredEvent>& events, RoleOptions options = {}) const {
    return BuildRoleReport(rules_, conflict_, x_, options, events);
  }
  RuleSet rules_;
  Conflict conflict_;
  Subject x_;
};

store::StoredEvent Attack(int64_t id, const std::string& source, const std::string& url, Date date,
                          Modality modality = Modality::kAsserted, const std::string& reported_by = "") {
  Event e = MakeEvent("RUSMIL", "190", "UKR", "Russian troops attacked Ukraine from Belarus.", date);
  e.origin = Country("BLR", "Belarus");
  e.modality = modality;
  e.reported_by = reported_by;
  return Stored(id, e, source, url);
}

TEST_F(RoleReportTest, CountsBucketsSourcesDocumentsAndPeriod) {
  std::vector<store::StoredEvent> ev = {
      Attack(1, "Wire A", "https://example.org/a", Date{2022, 2, 24}),
      Attack(2, "Wire A", "https://example.org/a", Date{2022, 2, 24}, Modality::kAsserted, "UKRGOV"),
      Attack(3, "Wire B", "https://example.org/b", Date{2022, 3, 2}),
      Attack(4, "Wire C", "https://example.org/c", Date{2022, 3, 5}, Modality::kNegated),
      Attack(5, "Wire D", "https://example.org/d", Date{2022, 4, 1}, Modality::kHypothetical),
  };
  RoleReport r = Build(ev);
  const CategoryReport& c = Cat(r, 1);
  EXPECT_EQ(c.counts.total(), 5);
  EXPECT_EQ(c.counts.asserted, 2);
  EXPECT_EQ(c.counts.reported, 1);
  EXPECT_EQ(c.counts.negated, 1);
  EXPECT_EQ(c.counts.hypothetical, 1);
  // Corroboration counts asserted and reported evidence only.
  EXPECT_EQ(c.sources, 2);
  EXPECT_EQ(c.documents, 2);
  EXPECT_EQ(c.first, (Date{2022, 2, 24}));
  EXPECT_EQ(c.last, (Date{2022, 4, 1}));
  EXPECT_EQ(c.by_month.at("2022-02").asserted, 1);
  EXPECT_EQ(c.by_month.at("2022-02").reported, 1);
  EXPECT_EQ(c.by_month.at("2022-03").negated, 1);
  EXPECT_EQ(r.events_scanned, 5);
  EXPECT_EQ(r.events_matched, 5);
  ASSERT_EQ(r.months, (std::vector<std::string>{"2022-02", "2022-03", "2022-04"}));
}

TEST_F(RoleReportTest, NegatedAndHypotheticalNeverCountAsAssertedOrAsEvidence) {
  std::vector<store::StoredEvent> ev = {
      Attack(1, "Wire A", "u1", Date{2022, 3, 1}, Modality::kNegated),
      Attack(2, "Wire B", "u2", Date{2022, 3, 2}, Modality::kHypothetical),
  };
  RoleReport r = Build(ev);
  const CategoryReport& c = Cat(r, 1);
  EXPECT_EQ(c.counts.asserted, 0);
  EXPECT_EQ(c.counts.reported, 0);
  EXPECT_EQ(c.counts.supporting(), 0);
  EXPECT_TRUE(c.strongest.empty());
  EXPECT_EQ(c.sources, 0);
  EXPECT_EQ(c.documents, 0);
  EXPECT_EQ(c.by_month.at("2022-03").supporting(), 0);
  std::string md = RenderMarkdown(r);
  EXPECT_NE(md.find("No asserted or reported evidence"), std::string::npos);
  nlohmann::json j = nlohmann::json::parse(RenderJson(r));
  EXPECT_EQ(j["categories"][0]["counts"]["asserted"], 0);
  EXPECT_EQ(j["categories"][0]["counts"]["negated"], 1);
}

TEST_F(RoleReportTest, CategoryWithoutEvidenceSaysSo) {
  RoleReport r = Build({Attack(1, "Wire A", "u1", Date{2022, 3, 1})});
  const CategoryReport& c = Cat(r, 2);
  EXPECT_EQ(c.counts.total(), 0);
  std::string md = RenderMarkdown(r);
  size_t h = md.find("## 2. Direct participation");
  ASSERT_NE(h, std::string::npos);
  EXPECT_NE(md.find("No evidence for this category", h), std::string::npos);
  nlohmann::json j = nlohmann::json::parse(RenderJson(r));
  EXPECT_EQ(j["categories"][1]["has_evidence"], false);
  EXPECT_EQ(j["categories"][0]["has_evidence"], true);
  std::string html = RenderHtml(r, "/* chart */");
  EXPECT_NE(html.find("No evidence for this category"), std::string::npos);
}

TEST_F(RoleReportTest, StrongestEvidenceRanksCorroboratedFirstHandAndLinksToShow) {
  std::vector<store::StoredEvent> ev = {
      Attack(1, "Wire A", "u1", Date{2022, 2, 24}, Modality::kAsserted, "UKRGOV"),
      Attack(2, "Wire B", "u2", Date{2022, 2, 25}),
  };
  ev[1].event.sentence = "Russian tanks entered Ukraine from Belarus.";
  RoleReport r = Build(ev);
  const CategoryReport& c = Cat(r, 1);
  ASSERT_EQ(c.strongest.size(), 2u);
  EXPECT_EQ(c.strongest[0].event_id, 2) << "first-hand before reported at equal weight";
  EXPECT_EQ(c.strongest[0].corroboration, 2);
  EXPECT_NE(RenderMarkdown(r).find("`dyad show 2`"), std::string::npos);
}

TEST_F(RoleReportTest, ContradictionsPairClaimsWithDenials) {
  Event claim = MakeEvent("BLRMIL", "190", "UKR", "Belarusian troops attacked Ukraine.", Date{2022, 3, 1});
  Event negated = claim;
  negated.sentence = "Belarusian troops did not attack Ukraine, Minsk said.";
  negated.modality = Modality::kNegated;
  negated.reported_by = "BLRGOV";
  Event deny = MakeEvent("BLRGOV", "016", "", "Lukashenko denied that Belarus had taken part in the invasion.",
                         Date{2022, 3, 3});
  RoleReport r = Build({Stored(1, claim, "A", "u1"), Stored(2, negated, "B", "u2"), Stored(3, deny, "C", "u3")});
  const CategoryReport& c = Cat(r, 2);
  ASSERT_EQ(c.contradictions.size(), 2u);
  EXPECT_EQ(c.contradictions[0].claim.event_id, 1);
  EXPECT_EQ(c.contradictions[0].denial.event_id, 2);
  EXPECT_EQ(c.contradictions[1].denial.event_id, 3);
  EXPECT_EQ(c.counts.asserted, 1);
  EXPECT_EQ(c.counts.negated, 1);
  EXPECT_NE(RenderMarkdown(r).find("### Contradictions"), std::string::npos);
}

TEST_F(RoleReportTest, WindowFiltersAndDuplicatesAreSkipped) {
  std::vector<store::StoredEvent> ev = {
      Attack(1, "A", "u1", Date{2013, 5, 1}),   // before the conflict: out by default
      Attack(2, "A", "u2", Date{2022, 3, 1}),
      Attack(3, "A", "u3", Date{2023, 3, 1}),
  };
  ev.push_back(Attack(4, "B", "u4", Date{2022, 3, 1}));
  ev.back().duplicate = true;
  RoleReport all = Build(ev);
  EXPECT_EQ(Cat(all, 1).counts.total(), 2);
  RoleOptions o;
  o.from = Date{2023, 1, 1};
  o.to = Date{2023, 12, 31};
  RoleReport part = Build(ev, o);
  EXPECT_EQ(Cat(part, 1).counts.total(), 1);
  EXPECT_EQ(part.months.back(), "2023-12");
}

store::StoredEvent Posture(int64_t id, Date date) {
  Event e = MakeEvent("BLRMIL", "152", "", "The Belarusian army raised its alert status.", date);
  return Stored(id, e, "Wire", "u" + std::to_string(id));
}

TEST_F(RoleReportTest, EscalationWatchUpDownUnchanged) {
  std::vector<store::StoredEvent> ev;
  int64_t id = 1;
  for (int m = 1; m <= 6; ++m) {  // 2 a month
    ev.push_back(Posture(id++, Date{2023, m, 10}));
    ev.push_back(Posture(id++, Date{2023, m, 11}));
  }
  for (int i = 0; i < 5; ++i) ev.push_back(Posture(id++, Date{2023, 7, 10 + i}));  // 5 in July
  RoleReport up = Build(ev);
  EXPECT_EQ(up.watch.month, "2023-07");
  EXPECT_EQ(up.watch.trend, Trend::kUp) << up.watch.reason;
  EXPECT_EQ(up.watch.last, 5);
  EXPECT_DOUBLE_EQ(up.watch.baseline, 2.0);
  EXPECT_NE(up.watch.reason.find("2023-01..2023-06"), std::string::npos) << up.watch.reason;

  RoleOptions o;
  o.to = Date{2023, 8, 31};  // August: nothing, against 2.5/month in Feb..Jul
  RoleReport down = Build(ev, o);
  EXPECT_EQ(down.watch.month, "2023-08");
  EXPECT_EQ(down.watch.trend, Trend::kDown) << down.watch.reason;

  o.to = Date{2023, 6, 30};  // June: 2 against 10/6 per month
  RoleReport same = Build(ev, o);
  EXPECT_EQ(same.watch.trend, Trend::kUnchanged) << same.watch.reason;
  EXPECT_NE(RenderMarkdown(up).find("\u2191 up"), std::string::npos);
}

TEST_F(RoleReportTest, EmptyInputGivesAReportThatSaysThereIsNoEvidence) {
  RoleReport r = Build({});
  EXPECT_EQ(r.events_matched, 0);
  EXPECT_EQ(r.watch.trend, Trend::kNoData);
  std::string md = RenderMarkdown(r);
  EXPECT_NE(md.find("No dated evidence"), std::string::npos);
  nlohmann::json j = nlohmann::json::parse(RenderJson(r));
  EXPECT_EQ(j["categories"].size(), 8u);
}

TEST_F(RoleReportTest, HtmlIsSelfContainedWithInlinedChartLibrary) {
  RoleReport r = Build({Attack(1, "Wire <A>", "https://example.org/a?x=1&y=2", Date{2022, 2, 24})});
  std::string html = RenderHtml(r, "window.Chart = function(){}; // '</script>' inside");
  EXPECT_NE(html.find("window.Chart = function(){};"), std::string::npos);
  EXPECT_EQ(html.find("'</script>' inside"), std::string::npos) << "the library must not close the tag";
  EXPECT_NE(html.find("<canvas id=\"timeline\">"), std::string::npos);
  EXPECT_NE(html.find("new Chart("), std::string::npos);
  EXPECT_EQ(html.find("<script src="), std::string::npos) << "no external scripts";
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_NE(html.find("Wire &lt;A&gt;"), std::string::npos);
  EXPECT_NE(html.find("x=1&amp;y=2"), std::string::npos);
}

TEST_F(RoleReportTest, VendoredChartJsIsPresentWithItsLicence) {
  std::string vendor = std::string(DYAD_SOURCE_DIR) + "/web/vendor/";
  EXPECT_TRUE(std::filesystem::exists(vendor + "chart.umd.min.js"));
  EXPECT_TRUE(std::filesystem::exists(vendor + "chart.js.LICENSE.md"));
}

class StoreRoleTest : public RoleReportTest {
 protected:
  void SetUp() override {
    RoleReportTest::SetUp();
    path_ = (std::filesystem::temp_directory_path() /
             ("dyad_role_store_test_" + std::string(::testing::UnitTest::GetInstance()
                                                        ->current_test_info()
                                                        ->name()) +
              ".db"))
                .string();
    Cleanup();
  }
  void TearDown() override { Cleanup(); }
  void Cleanup() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }
  std::string path_;
};

TEST_F(StoreRoleTest, EmptyDatabaseIsAOneLineError) {
  std::unique_ptr<store::Store> db;
  Status s = store::Store::Open(path_, {}, &db);
  ASSERT_TRUE(s.ok()) << s.message();
  RoleReport r;
  s = BuildRoleReportFromStore(*db, rules_, conflict_, x_, {}, &r);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("no events in"), std::string::npos) << s.message();
  EXPECT_EQ(s.message().find('\n'), std::string::npos);
}

TEST_F(StoreRoleTest, ReadsEventsFromTheStore) {
  std::unique_ptr<store::Store> db;
  Status s = store::Store::Open(path_, {}, &db);
  ASSERT_TRUE(s.ok()) << s.message();
  Document doc;
  doc.id = "d1";
  doc.date = Date{2022, 2, 24};
  doc.source = "Wire";
  doc.url = "https://example.org/d1";
  doc.title = "Invasion";
  doc.text = "Russian troops attacked Ukraine from Belarus. Belarusian troops did not attack Ukraine.";
  Event a = Attack(0, "", "", Date{2022, 2, 24}).event;
  Event n = MakeEvent("BLRMIL", "190", "UKR", "Belarusian troops did not attack Ukraine.", Date{2022, 2, 24});
  n.modality = Modality::kNegated;
  store::AddResult added;
  s = db->AddDocument(doc, {a, n}, "testhash", &added);
  ASSERT_TRUE(s.ok()) << s.message();
  RoleReport r;
  s = BuildRoleReportFromStore(*db, rules_, conflict_, x_, {}, &r);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(Cat(r, 1).counts.asserted, 1);
  EXPECT_EQ(Cat(r, 2).counts.asserted, 0);
  EXPECT_EQ(Cat(r, 2).counts.negated, 1);
  ASSERT_FALSE(Cat(r, 1).strongest.empty());
  EXPECT_EQ(Cat(r, 1).strongest[0].doc_url, "https://example.org/d1");
  EXPECT_GT(Cat(r, 1).strongest[0].event_id, 0);
}

// Issue 10 (9): the store is read for every word naming X (names, capitals, adjectives and their
// plurals from data/countries.tsv and the rules), not only its first name and adjective.
TEST_F(StoreRoleTest, EventsNamingXByAnyOfItsNamesAreReadFromTheStore) {
  std::unique_ptr<store::Store> db;
  Status s = store::Store::Open(path_, {}, &db);
  ASSERT_TRUE(s.ok()) << s.message();
  Document doc;
  doc.id = "d1";
  doc.date = Date{2024, 11, 4};
  doc.source = "Wire";
  doc.url = "https://example.org/d1";
  doc.title = "Accusations";
  doc.text = "The DPRK was a co-aggressor in the war, the Ukrainian ministry said.";
  Event named = MakeEvent("UKRGOV", "112", "", doc.text, Date{2024, 11, 4});
  store::AddResult added;
  ASSERT_TRUE(db->AddDocument(doc, {named}, "testhash", &added).ok());
  Subject prk;
  ASSERT_TRUE(LookupSubject("North Korea", testing::DataDir() + "/countries.tsv", rules_, &prk).ok());
  RoleReport r;
  s = BuildRoleReportFromStore(*db, rules_, conflict_, prk, {}, &r);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(r.events_scanned, 1);
  EXPECT_EQ(Cat(r, 8).counts.asserted, 1);
}

// Issue 10: sentences that name X but gave no event are read by the rules with `sentences = true`
// and listed as leads (no event id; the document and sentence to read), once, and only from
// documents about the conflict.
class SentenceEvidenceTest : public StoreRoleTest {
 protected:
  void SetUp() override {
    StoreRoleTest::SetUp();
    Status s = store::Store::Open(path_, {}, &db_);
    ASSERT_TRUE(s.ok()) << s.message();
  }
  void TearDown() override {
    db_.reset();
    StoreRoleTest::TearDown();
  }
  // Stores one document whose sentences are `texts`, with `events` coded in it.
  void AddDoc(const std::string& id, const std::vector<std::string>& texts, std::vector<Event> events) {
    Document doc;
    doc.id = id;
    doc.date = Date{2023, 5, 2};
    doc.source = "Wire";
    doc.url = "https://example.org/" + id;
    doc.title = id;
    std::vector<store::Sentence> sentences;
    for (const std::string& t : texts) {
      const int64_t begin = static_cast<int64_t>(doc.text.size());
      doc.text += t + " ";
      sentences.push_back({static_cast<int>(sentences.size()), Span{begin, begin + static_cast<int64_t>(t.size())}, t});
    }
    for (Event& e : events) {
      for (const store::Sentence& st : sentences)
        if (st.text == e.sentence) e.sentence_index = st.index;
    }
    store::AddResult added;
    Status s = db_->AddDocument(doc, sentences, events, "testhash", &added);
    ASSERT_TRUE(s.ok()) << s.message();
  }
  // X's report from the store.
  RoleReport Report(const RoleOptions& options = {}) {
    RoleReport r;
    Status s = BuildRoleReportFromStore(*db_, rules_, conflict_, x_, options, &r);
    EXPECT_TRUE(s.ok()) << s.message();
    return r;
  }
  std::unique_ptr<store::Store> db_;
};

TEST_F(SentenceEvidenceTest, ASentenceWithoutAnEventIsListedAsALead) {
  const std::string attack = "Russian troops attacked Ukraine from Belarus.";
  const std::string shells = "Belarusian-made shells reached the front in May, officials said.";
  AddDoc("d1", {attack, shells, "Belarusian tourists visited the front."},
         {MakeEvent("RUSMIL", "190", "UKR", attack, Date{2023, 5, 2})});
  const RoleReport r = Report();
  EXPECT_EQ(r.sentences_matched, 1);
  ASSERT_EQ(Cat(r, 3).strongest.size(), 1u);
  const Evidence& lead = Cat(r, 3).strongest[0];
  EXPECT_EQ(lead.sentence, shells);
  EXPECT_TRUE(lead.from_sentence);
  EXPECT_EQ(lead.event_id, 0);
  EXPECT_EQ(lead.sentence_index, 1);
  EXPECT_EQ(lead.rule_id, "support.sentence-weapons");
  EXPECT_GT(lead.document_id, 0);
  // The attack's sentence gave an event: it is listed once, as that event.
  ASSERT_EQ(Cat(r, 1).strongest.size(), 1u);
  EXPECT_GT(Cat(r, 1).strongest[0].event_id, 0);
  const std::string md = RenderMarkdown(r);
  EXPECT_NE(md.find("dyad show d" + std::to_string(lead.document_id) + " --sentence 1"), std::string::npos) << md;
  EXPECT_NE(md.find("no coded event"), std::string::npos);
  const nlohmann::json j = nlohmann::json::parse(RenderJson(r));
  EXPECT_EQ(j["sentences_matched"], 1);
}

// A sentence about what another actor did to X by force or coercion ([acted_on]: CAMEO 17-20,
// asserted), in which X acts in no event, is no lead to X's own conduct: its words of drills or
// exercises belong to the other's act. Phrasings of our own.
TEST_F(SentenceEvidenceTest, ASentenceAboutWhatOthersDidToXIsNoLeadToXsConduct) {
  const std::string attack = "Russian troops attacked Ukraine from Belarus.";
  const std::string closed = "Lithuania shut its border with Belarus while the drills near the border lasted.";
  const std::string seized = "Ukrainian guards detained two Belarusian officers during the exercises near the border.";
  const std::string drills = "Belarusian units held drills with Russian troops near the border.";
  AddDoc("d1", {attack, closed, seized, drills},
         {MakeEvent("RUSMIL", "190", "UKR", attack, Date{2023, 5, 2}),
          MakeEvent("LTU", "191", "BLR", closed, Date{2023, 5, 2}),
          MakeEvent("UKRMIL", "181", "BLRMIL", seized, Date{2023, 5, 2})});
  RoleReport r = Report();
  auto listed = [this](const RoleReport& report, const std::string& sentence) {
    for (const Evidence& e : Cat(report, 4).strongest)
      if (e.sentence == sentence) return true;
    return false;
  };
  EXPECT_TRUE(listed(r, drills));
  EXPECT_FALSE(listed(r, closed));
  EXPECT_FALSE(listed(r, seized));
  // Without [acted_on] the same words were read as X's exercises.
  rules_.acted_on = {};
  r = Report();
  EXPECT_TRUE(listed(r, closed));
  EXPECT_TRUE(listed(r, seized));
}

// Another actor's judging words before a sentence with no event names X ("The EU sanctioned the
// owners of airfields in Belarus ...": [judgement] words) make its words about X's conduct what
// that actor holds against X: listed apart as alleged, while X's conduct told before the judgement
// stays evidence. Phrasings of our own.
TEST_F(SentenceEvidenceTest, JudgingWordsBeforeXMakeTheSentenceAnAllegation) {
  const std::string attack = "Russian troops attacked Ukraine from Belarus.";
  const std::string judged = "The EU sanctioned the owners of airfields in Belarus used by Russian bombers.";
  const std::string told = "Russian bombers were stationed in Belarus, and the EU later sanctioned the airfields' owners.";
  AddDoc("d1", {attack, judged, told}, {MakeEvent("RUSMIL", "190", "UKR", attack, Date{2023, 5, 2})});
  const RoleReport r = Report();
  auto in = [](const std::vector<Evidence>& list, const std::string& sentence) {
    return std::any_of(list.begin(), list.end(), [&](const Evidence& e) { return e.sentence == sentence; });
  };
  EXPECT_TRUE(in(Cat(r, 1).alleged, judged));
  EXPECT_FALSE(in(Cat(r, 1).strongest, judged));
  EXPECT_TRUE(in(Cat(r, 1).strongest, told));
}

// An act that did not happen leaves the sentence to be read ("may close").
TEST_F(SentenceEvidenceTest, AHypotheticalActOnXLeavesTheSentenceToBeRead) {
  const std::string attack = "Russian troops attacked Ukraine from Belarus.";
  const std::string may = "Lithuania may shut its border with Belarus if the drills near the border go on.";
  Event threat = MakeEvent("LTU", "191", "BLR", may, Date{2023, 5, 2});
  threat.modality = Modality::kHypothetical;
  AddDoc("d1", {attack, may}, {MakeEvent("RUSMIL", "190", "UKR", attack, Date{2023, 5, 2}), threat});
  const RoleReport r = Report();
  bool listed = false;
  for (const Evidence& e : Cat(r, 4).strongest) listed = listed || e.sentence == may;
  EXPECT_TRUE(listed);
}

// An event whose rule overrides a category (X's admission of support is an acknowledgement, not
// support) keeps its sentence out of that category.
TEST_F(SentenceEvidenceTest, AnEventsOverridesKeepItsSentenceOutOfThoseCategories) {
  const std::string admission = "Minsk acknowledged that Belarus had sent artillery shells to Russia.";
  Event sent = MakeEvent("BLR", "072", "RUS", admission, Date{2023, 5, 2});
  sent.reported_by = "BLRGOV";
  AddDoc("d1", {admission}, {sent});
  const RoleReport r = Report();
  ASSERT_EQ(Cat(r, 6).strongest.size(), 1u);
  EXPECT_EQ(r.sentences_matched, 0);
  EXPECT_TRUE(Cat(r, 3).strongest.empty());
}

TEST_F(SentenceEvidenceTest, SentencesAreReadOnlyInDocumentsAboutTheConflict) {
  const std::string talks = "Belarus and China held talks on trade.";
  AddDoc("d1", {talks, "Belarusian-made shells reached the front in May."},
         {MakeEvent("BLRGOV", "040", "CHNGOV", talks, Date{2023, 5, 2})});
  const RoleReport r = Report();
  EXPECT_EQ(r.sentences_matched, 0);
  EXPECT_TRUE(Cat(r, 3).strongest.empty());
}

// A document whose events are the war between the sides is about the conflict even when none of
// them involves X: its sentences naming X are read. A war between other sides is not.
TEST_F(SentenceEvidenceTest, TheWarBetweenTheSidesMakesADocumentAboutTheConflict) {
  const std::string strike = "Russian forces shelled Kharkiv overnight.";
  AddDoc("war", {strike, "Belarus also handed over dozens of tanks from its reserves."},
         {MakeEvent("RUSMIL", "194", "UKR", strike, Date{2023, 5, 2})});
  const std::string other = "Saudi jets struck Houthi positions near Saada.";
  AddDoc("other", {other, "Belarusian-made shells reached the front in May."},
         {MakeEvent("SAUMIL", "195", "YEMREB", other, Date{2023, 5, 2})});
  const RoleReport r = Report();
  EXPECT_EQ(r.sentences_matched, 1);
  ASSERT_EQ(Cat(r, 3).strongest.size(), 1u);
  EXPECT_EQ(Cat(r, 3).strongest[0].sentence, "Belarus also handed over dozens of tanks from its reserves.");
}

TEST_F(SentenceEvidenceTest, ReviewedOnlyReportsListNoSentences) {
  const std::string attack = "Russian troops attacked Ukraine from Belarus.";
  AddDoc("d1", {attack, "Belarusian-made shells reached the front in May."},
         {MakeEvent("RUSMIL", "190", "UKR", attack, Date{2023, 5, 2})});
  RoleOptions o;
  o.reviewed_only = true;
  const RoleReport r = Report(o);
  EXPECT_EQ(r.sentences_matched, 0);
}

// Issue 10 (7): dates keep their precision and span; a period longer than two months is listed
// with its span and counted in no month.
TEST_F(RoleReportTest, DatesKeepTheirPrecisionAndSpan) {
  Event range = MakeEvent("BLRMIL", "190", "UKR", "Belarusian troops attacked Ukraine in February-March 2022.",
                          Date{2022, 2, 1});
  range.date_end = Date{2022, 3, 31};
  range.date_precision = DatePrecision::kRange;
  range.date_text = "in February-March 2022";
  Event since = MakeEvent("BLRMIL", "190", "UKR", "Belarusian units have attacked Ukraine since 2014.",
                          Date{2014, 1, 1});
  since.date_end = Date{2024, 3, 1};
  since.date_precision = DatePrecision::kRange;
  since.date_text = "since 2014";
  Event month = MakeEvent("BLRMIL", "190", "UKR", "Belarusian troops attacked Ukraine in May 2023.", Date{2023, 5, 1});
  month.date_end = Date{2023, 5, 31};
  month.date_precision = DatePrecision::kMonth;
  RoleReport r = Build({Stored(1, range, "Wire", "https://example.org/1"), Stored(2, since, "Wire", "https://example.org/2"),
                        Stored(3, month, "Wire", "https://example.org/3")});
  EXPECT_EQ(r.events_spanning, 1);
  ASSERT_FALSE(r.months.empty());
  EXPECT_EQ(r.months.front(), "2022-02") << "a span since 2014 must not stretch the timeline";
  const std::string md = RenderMarkdown(r);
  EXPECT_NE(md.find("2022-02..2022-03: "), std::string::npos) << md;
  EXPECT_NE(md.find("since 2014: "), std::string::npos) << md;
  EXPECT_NE(md.find("2023-05: "), std::string::npos) << md;
  nlohmann::json j = nlohmann::json::parse(RenderJson(r));
  bool found = false;
  for (const auto& c : j["categories"])
    for (const auto& e : c["strongest"])
      if (e["date_text"] == "since 2014") {
        found = true;
        EXPECT_EQ(e["date_precision"], "range");
        EXPECT_EQ(e["date_end"], "2024-03-01");
        EXPECT_EQ(e["date_label"], "since 2014");
      }
  EXPECT_TRUE(found) << j.dump().substr(0, 400);
  const std::string html = RenderHtml(r, "");
  EXPECT_NE(html.find("since 2014: "), std::string::npos);
}

// Issue 10 (7): the escalation watch pro-rates a partial last month and says so.
TEST_F(RoleReportTest, EscalationWatchProRatesAPartialLastMonth) {
  std::vector<store::StoredEvent> ev;
  int64_t id = 1;
  for (int m = 1; m <= 6; ++m)
    for (int d : {5, 12, 19, 26}) ev.push_back(Posture(id++, Date{2023, m, d}));  // 4 a month
  ev.push_back(Posture(id++, Date{2023, 7, 2}));
  ev.push_back(Posture(id++, Date{2023, 7, 3}));  // 2 events in the first 3 days of July
  RoleReport r = Build(ev);
  EXPECT_EQ(r.watch.month, "2023-07");
  EXPECT_EQ(r.watch.days_covered, 3);
  EXPECT_EQ(r.watch.days_in_month, 31);
  EXPECT_NE(r.watch.trend, Trend::kDown) << "2 in 3 days is no fall against 4 a month: " << r.watch.reason;
  EXPECT_NE(r.watch.reason.find("partial"), std::string::npos) << r.watch.reason;
  EXPECT_NE(RenderMarkdown(r).find("(partial: 3 of 31 days)"), std::string::npos);
  RoleOptions complete;
  complete.to = Date{2023, 7, 31};
  RoleReport whole = Build(ev, complete);
  EXPECT_EQ(whole.watch.days_in_month, 0);
  EXPECT_EQ(whole.watch.trend, Trend::kDown) << whole.watch.reason;
}

// Issue 10 (7): periods (a category's, the evidence span) keep the precision of the dates at their
// ends, in Markdown, JSON and HTML; a category dated only by long periods says it has no month.
TEST_F(RoleReportTest, PeriodsKeepThePrecisionOfTheirEnds) {
  auto dated = [](const std::string& sentence, Date from, Date to, DatePrecision precision, const std::string& text) {
    Event e = MakeEvent("BLRMIL", "190", "UKR", sentence, from);
    e.date_end = to;
    e.date_precision = precision;
    e.date_text = text;
    return e;
  };
  Event range = dated("Belarusian troops attacked Ukraine in February-March 2022.", Date{2022, 2, 1}, Date{2022, 3, 31},
                      DatePrecision::kRange, "in February-March 2022");
  Event month = dated("Belarusian troops attacked Ukraine in May 2023.", Date{2023, 5, 1}, Date{2023, 5, 31},
                      DatePrecision::kMonth, "in May 2023");
  Event since = dated("Belarus has hosted Russian bases since 2014.", Date{2014, 1, 1}, Date{2023, 6, 2},
                      DatePrecision::kRange, "since 2014");
  since.source = "RUS";  // (the state: its troops arriving are no alignment, its government's contacts are)
  since.event_code = "043";
  since.root_code = "04";
  since.target = "BLR";
  since.location = Country("BLR", "Belarus");
  RoleReport r = Build({Stored(1, range, "Wire", "https://example.org/1"), Stored(2, month, "Wire", "https://example.org/2"),
                        Stored(3, since, "Wire", "https://example.org/3")});
  const CategoryReport& participation = Cat(r, 2);
  ASSERT_EQ(participation.counts.total(), 2);
  EXPECT_EQ(PeriodLabel(participation.earliest, participation.latest), "2022-02 .. 2023-05");
  EXPECT_EQ(PeriodLabel(r.earliest, r.latest), "2022-02 .. 2023-05");
  const std::string md = RenderMarkdown(r);
  EXPECT_NE(md.find("period 2022-02 .. 2023-05"), std::string::npos) << md;
  EXPECT_NE(md.find("Evidence spans: 2022-02 .. 2023-05"), std::string::npos);
  // (The documents are dated 2022-02-01 and 2014-01-01: only the events' dates must not look exact.)
  for (const char* exact : {"period 2022-02-01", "period 2014-01-01", "1. 2022-02-01", "1. 2014-01-01",
                            "2014-01-01 |", "spans: 2022-02-01"})
    EXPECT_EQ(md.find(exact), std::string::npos) << "no date more exact than the text: " << exact;
  const std::string html = RenderHtml(r, "");
  EXPECT_NE(html.find("period 2022-02 .. 2023-05"), std::string::npos);
  EXPECT_EQ(html.find("period 2022-02-01"), std::string::npos);
  nlohmann::json j = nlohmann::json::parse(RenderJson(r));
  EXPECT_EQ(j["evidence_span"]["label"], "2022-02 .. 2023-05");
  bool since_only = false;
  for (const auto& c : j["categories"]) {
    if (c["number"] == 2) {
      EXPECT_EQ(c["period"]["label"], "2022-02 .. 2023-05");
    }
    if (c["counts"]["total"] == 1 && c["period"]["label"] == "since 2014") {
      since_only = true;
      EXPECT_TRUE(c["by_month"].empty());
    }
  }
  EXPECT_TRUE(since_only) << j.dump().substr(0, 600);
  EXPECT_NE(md.find("No month: this category's events are dated only by periods longer than two months"),
            std::string::npos);
  EXPECT_NE(html.find("No month: this category&#39;s events are dated only by periods"), std::string::npos);

  // Labels by precision: a year, whole years, a week, a day range, one day.
  Evidence e;
  e.date = Date{2022, 1, 1};
  e.date_end = Date{2022, 12, 31};
  e.precision = DatePrecision::kYear;
  EXPECT_EQ(DateLabel(e), "2022");
  e.date_end = Date{2016, 12, 31};
  e.date = Date{2014, 1, 1};
  e.precision = DatePrecision::kRange;
  e.date_text = "from 2014 to 2016";
  EXPECT_EQ(DateLabel(e), "since 2014") << "'from' opens a period";
  e.date_text = "between 2014 and 2016";
  EXPECT_EQ(DateLabel(e), "2014..2016");
  e.date = Date{2022, 2, 21};
  e.date_end = Date{2022, 2, 27};
  e.precision = DatePrecision::kWeek;
  EXPECT_EQ(DateLabel(e), "week of 2022-02-21");
  e.date = Date{2022, 2, 10};
  e.date_end = Date{2022, 2, 20};
  e.precision = DatePrecision::kRange;
  e.date_text = "10-20 February 2022";
  EXPECT_EQ(DateLabel(e), "2022-02-10..2022-02-20");
  Evidence day;
  day.date = Date{2022, 2, 24};
  day.precision = DatePrecision::kDay;
  EXPECT_EQ(DateLabel(day), "2022-02-24");
  EXPECT_EQ(PeriodLabel(day, day), "2022-02-24");
  EXPECT_EQ(PeriodLabel(e, day), "2022-02-10 .. 2022-02-24");
}

// Issue 10 (7): the escalation watch says how it compared the last month: complete, pro-rated, or
// (with fewer than min_partial_days days of evidence) the complete month before it.
TEST_F(RoleReportTest, EscalationWatchSaysHowTheLastMonthWasCompared) {
  std::vector<store::StoredEvent> ev;
  int64_t id = 1;
  for (int m = 1; m <= 6; ++m)
    for (int d : {5, 12, 19, 26}) ev.push_back(Posture(id++, Date{2023, m, d}));  // 4 a month
  RoleOptions june;
  june.to = Date{2023, 6, 30};
  RoleReport complete = Build(ev, june);
  EXPECT_EQ(complete.watch.basis, "complete");
  EXPECT_NE(complete.watch.reason.find("2023-06 is a complete month"), std::string::npos) << complete.watch.reason;
  EXPECT_NE(RenderMarkdown(complete).find("| signal | 2023-06 (complete) |"), std::string::npos);

  ev.push_back(Posture(id++, Date{2023, 7, 1}));  // one event on the first day of July
  RoleOptions first_day;
  first_day.to = Date{2023, 7, 1};
  RoleReport short_month = Build(ev, first_day);
  EXPECT_EQ(short_month.watch.basis, "previous complete month");
  EXPECT_EQ(short_month.watch.month, "2023-06");
  EXPECT_EQ(short_month.watch.skipped_month, "2023-07");
  EXPECT_EQ(short_month.watch.skipped_days, 1);
  EXPECT_EQ(short_month.watch.last, 4);
  EXPECT_EQ(short_month.watch.trend, Trend::kUnchanged)
      << "1 event in 1 day is not 31 a month: " << short_month.watch.reason;
  EXPECT_NE(short_month.watch.reason.find("too few to pro-rate: the last complete month, 2023-06, is compared"),
            std::string::npos)
      << short_month.watch.reason;
  nlohmann::json j = nlohmann::json::parse(RenderJson(short_month));
  EXPECT_EQ(j["escalation_watch"]["basis"], "previous complete month");
  EXPECT_EQ(j["escalation_watch"]["skipped"]["month"], "2023-07");
  EXPECT_NE(RenderHtml(short_month, "").find("2023-06 (complete; 2023-07 left out: 1 day of evidence)"),
            std::string::npos);

  RoleOptions tenth;
  tenth.to = Date{2023, 7, 10};
  RoleReport pro_rated = Build(ev, tenth);
  EXPECT_EQ(pro_rated.watch.basis, "pro-rated");
  EXPECT_EQ(pro_rated.watch.month, "2023-07");
  EXPECT_NE(RenderMarkdown(pro_rated).find("2023-07 (partial: 10 of 31 days), pro-rated"), std::string::npos);
}

// Issue 10 (8): the HTML report carries what the Markdown does, names the state in headings, and
// links only http(s) addresses.
TEST_F(RoleReportTest, HtmlCarriesTheMarkdownsSectionsAndNamesTheState) {
  std::vector<store::StoredEvent> ev;
  int64_t id = 1;
  for (int m = 1; m <= 7; ++m) ev.push_back(Posture(id++, Date{2023, m, 10}));
  ev.push_back(Attack(id++, "Wire", "javascript:alert(1)", Date{2023, 7, 12}));
  RoleReport r = Build(ev);
  const std::string html = RenderHtml(r, "");
  const std::string md = RenderMarkdown(r);
  for (const char* part : {"Evidence spans: ", "By month", "Timeline by month", "baseline per month"}) {
    EXPECT_NE(md.find(part), std::string::npos) << part;
    EXPECT_NE(html.find(part), std::string::npos) << part;
  }
  EXPECT_EQ(html.find("X&#39;s forces"), std::string::npos);
  EXPECT_EQ(html.find("X's forces"), std::string::npos);
  EXPECT_TRUE(html.find("Belarus's forces") != std::string::npos ||
              html.find("Belarus&#39;s forces") != std::string::npos);
  EXPECT_EQ(html.find("href=\"javascript:"), std::string::npos) << "only http(s) links";
}

// Issue 11 (12) in the Markdown report too: what comes from documents (sentence, source, title,
// URL, the words naming a reporter) can hold HTML or Markdown link syntax, which a Markdown
// renderer turns into markup; only http(s) addresses become links. The Markdown linked
// "javascript:alert(1)" and passed "<script>" and "<img onerror=...>" through as raw HTML.
TEST_F(RoleReportTest, MarkdownEscapesWhatComesFromDocumentsAndLinksOnlyHttp) {
  std::vector<store::StoredEvent> ev;
  ev.push_back(Attack(1, "<img src=x onerror=alert(3)>", "javascript:alert(1)", Date{2023, 7, 12}));
  ev.back().doc_title = "<script>alert(2)</script>";
  ev.back().event.sentence = "Russian troops [see](javascript:alert(4)) attacked Ukraine from Belarus <b>today</b>.";
  ev.push_back(Attack(2, "Wire", "https://example.org/a b(c)", Date{2023, 7, 13}, Modality::kAsserted));
  ev.back().event.reported_by_text = "<i>officials</i>";
  ev.back().doc_title = "\x1b]0;pwned\x07 title";  // the Markdown goes to terminals too
  const std::string md = RenderMarkdown(Build(ev));
  EXPECT_EQ(md.find_first_of("\x1b\x07"), std::string::npos) << md;
  // Markup is what a renderer reads as such: not preceded by a backslash.
  auto unescaped = [&md](const std::string& raw) {
    for (size_t at = md.find(raw); at != std::string::npos; at = md.find(raw, at + 1))
      if (at == 0 || md[at - 1] != '\\') return true;
    return false;
  };
  for (const char* raw : {"](javascript:", "<script", "<img", "<b>", "<i>", "</", "[see]"}) {
    EXPECT_FALSE(unescaped(raw)) << raw << " in:\n" << md;
  }
  EXPECT_NE(md.find("javascript:alert(1)"), std::string::npos) << "the address is still shown, as text";
  EXPECT_NE(md.find("](https://example.org/a%20b%28c%29)"), std::string::npos) << md;
}

// The HTML's escaping of a Markdown heading's text.
std::string HtmlText(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

// The chart's data: the JSON after "const data = " in the page.
nlohmann::json ChartData(const std::string& html) {
  const size_t at = html.find("const data = ");
  if (at == std::string::npos) return nullptr;
  const size_t begin = at + 13, end = html.find(";\nnew Chart", begin);
  return nlohmann::json::parse(html.substr(begin, end - begin));
}

// Issue 10 (8): every section heading of the Markdown is in the HTML, and so is every piece of
// evidence, contradiction, hypothetical statement and month; on a report with every section filled.
TEST_F(RoleReportTest, HtmlHasEveryMarkdownSectionAndEveryPieceOfEvidence) {
  std::vector<store::StoredEvent> ev;
  int64_t id = 1;
  for (int m = 1; m <= 7; ++m) ev.push_back(Posture(id++, Date{2023, m, 10}));
  ev.push_back(Attack(id++, "Wire A", "https://example.org/a", Date{2023, 3, 2}));
  ev.push_back(Attack(id++, "Wire B", "https://example.org/b", Date{2023, 3, 4}, Modality::kHypothetical));
  Event claim = MakeEvent("BLRMIL", "190", "UKR", "Belarusian troops attacked Ukraine.", Date{2023, 4, 1});
  Event denial = MakeEvent("BLRMIL", "190", "UKR", "Belarusian troops did not attack Ukraine.", Date{2023, 4, 3});
  denial.modality = Modality::kNegated;
  ev.push_back(Stored(id++, claim, "Wire C", "https://example.org/c"));
  ev.push_back(Stored(id++, denial, "Wire D", "https://example.org/d"));
  const std::string alleging = "Belarusian gunners shelled Ukrainian villages, Kyiv alleged.";
  Event alleged = MakeEvent("BLRMIL", "190", "UKR", alleging, Date{2023, 5, 6});
  alleged.reported_by = "UKRGOV";
  alleged.reported_by_text = "Kyiv";
  alleged.verb_span = {19, 26};  // "shelled"
  ev.push_back(Stored(id++, alleged, "Wire E", "https://example.org/e"));
  RoleOptions options;
  options.to = Date{2023, 7, 20};
  RoleReport r = Build(ev, options);
  ASSERT_FALSE(Cat(r, 2).contradictions.empty()) << "the fixture must fill every section";
  ASSERT_FALSE(Cat(r, 1).unasserted.empty());
  ASSERT_FALSE(Cat(r, 2).alleged.empty());
  const std::string md = RenderMarkdown(r);
  const std::string html = RenderHtml(r, "");
  std::istringstream lines(md);
  int headings = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("#", 0) != 0) continue;
    const std::string text = line.substr(line.find(' ') + 1);
    ++headings;
    EXPECT_NE(html.find(HtmlText(text)), std::string::npos) << "heading missing from the HTML: " << text;
  }
  EXPECT_GE(headings, 15);
  for (const CategoryReport& c : r.categories) {
    for (const Evidence& e : c.strongest) {
      EXPECT_NE(html.find(HtmlText(e.sentence)), std::string::npos) << e.sentence;
      EXPECT_NE(html.find("dyad show " + std::to_string(e.event_id)), std::string::npos);
      EXPECT_NE(html.find(HtmlText(DateLabel(e)) + ": &ldquo;"), std::string::npos);
    }
    for (const Evidence& e : c.unasserted) EXPECT_NE(html.find(HtmlText(e.sentence)), std::string::npos);
    for (const Evidence& e : c.alleged) EXPECT_NE(html.find(HtmlText(e.sentence)), std::string::npos);
    for (const Contradiction& k : c.contradictions) {
      EXPECT_NE(html.find(HtmlText(k.note)), std::string::npos);
      EXPECT_NE(html.find(std::string("Denial (") + DateLabel(k.denial)), std::string::npos);
    }
    for (const auto& [month, n] : c.by_month) EXPECT_NE(html.find("<td>" + month + "</td>"), std::string::npos);
  }
  for (const char* part : {"Evidence spans: 2023-01-10 .. 2023-07-10", "(partial: 20 of 31 days), pro-rated",
                           "Wire A, <a href=\"https://example.org/a\"", "2023-03-02; <code>dyad show"}) {
    EXPECT_NE(html.find(part), std::string::npos) << part;
  }
  EXPECT_NE(md.find("(partial: 20 of 31 days), pro-rated"), std::string::npos);
}

// Issue 10 (8): one early event does not squeeze the chart: it starts after a long gap (at a phase's
// start inside it) and says so; the tables keep every month. Evidence spread over the years is
// charted whole.
TEST_F(RoleReportTest, OneEarlyEventDoesNotSqueezeTheChart) {
  std::vector<store::StoredEvent> ev;
  int64_t id = 1;
  ev.push_back(Posture(id++, Date{2014, 3, 5}));
  for (int m = 3; m <= 12; ++m) ev.push_back(Posture(id++, Date{2022, m, 10}));
  RoleReport r = Build(ev);
  EXPECT_EQ(r.months.front(), "2014-03");
  EXPECT_EQ(r.chart_from, "2022-02") << "the start of the phase 'Full-scale invasion' (2022-02-24)";
  EXPECT_NE(r.chart_note.find("The chart starts at 2022-02, the start of the phase 'Full-scale invasion': 1 earlier "
                              "event (2014-03), followed by 95 months without evidence"),
            std::string::npos)
      << r.chart_note;
  const std::string html = RenderHtml(r, "");
  nlohmann::json data = ChartData(html);
  ASSERT_TRUE(data.is_object());
  EXPECT_EQ(data["labels"].front(), "2022-02");
  EXPECT_EQ(data["labels"].back(), "2022-12");
  EXPECT_EQ(data["labels"].size(), 11u);
  for (const auto& set : data["datasets"]) EXPECT_EQ(set["data"].size(), 11u);
  EXPECT_NE(html.find("id=\"chart-note\">The chart starts at 2022-02"), std::string::npos);
  EXPECT_NE(html.find("<td>2014-03</td>"), std::string::npos) << "the timeline table keeps the early month";
  nlohmann::json j = nlohmann::json::parse(RenderJson(r));
  EXPECT_EQ(j["chart"]["from"], "2022-02");

  // Early evidence that is a real part of the record (here a third of it) stays on the chart.
  std::vector<store::StoredEvent> spread;
  for (int m = 3; m <= 7; ++m) spread.push_back(Posture(id++, Date{2014, m, 5}));
  for (int m = 3; m <= 12; ++m) spread.push_back(Posture(id++, Date{2022, m, 10}));
  RoleReport whole = Build(spread);
  EXPECT_EQ(whole.chart_from, "2014-03");
  EXPECT_TRUE(whole.chart_note.empty()) << whole.chart_note;
  EXPECT_EQ(ChartData(RenderHtml(whole, ""))["labels"].front(), "2014-03");
}

// Issue 10 (8): headings and texts use the state's name with its article and possessive.
TEST_F(RoleReportTest, HeadingsUseTheStatesNameWithItsArticle) {
  Subject uae;
  ASSERT_TRUE(LookupSubject("UAE", testing::DataDir() + "/countries.tsv", rules_, &uae).ok());
  Event e = MakeEvent("AREMIL", "190", "UKR", "Emirati troops attacked Ukraine.", Date{2023, 3, 1});
  RoleReport r = BuildRoleReport(rules_, conflict_, uae, {}, {Stored(1, e, "Wire", "https://example.org/1")});
  const std::string html = RenderHtml(r, "");
  const std::string md = RenderMarkdown(r);
  for (const std::string& text : {std::string("Role of the United Arab Emirates (ARE) in the Russia-Ukraine war"),
                                  std::string("Direct participation of the United Arab Emirates' forces"),
                                  std::string("The United Arab Emirates' officials")}) {
    EXPECT_NE(md.find(text), std::string::npos) << text;
    EXPECT_NE(html.find(HtmlText(text)), std::string::npos) << text;
  }
  EXPECT_EQ(html.find("X&#39;s"), std::string::npos);
  EXPECT_EQ(md.find("X's"), std::string::npos);
}

// A report from a store (its rows read on a second thread, in batches, while this one classifies
// them) equals the report of the same rows handed over one by one, in the same order: many
// batches, events of several kinds and documents, some spanning the batch boundaries.
TEST_F(RoleReportTest, AStoresReportEqualsTheReportOfItsRows) {
  const std::string db_path =
      dyad::tests::ProcessScratchDir("dyad_role_report_test").string() + "/batches.db";
  std::filesystem::remove(db_path);
  std::unique_ptr<store::Store> db;
  ASSERT_TRUE(store::Store::Open(db_path, {}, &db).ok());
  const char* sentences[] = {
      "Belarus allowed Russian troops to attack Ukraine from its territory.",
      "Belarusian forces shelled Ukrainian positions near the border.",
      "Belarus denied that its troops took part in the attack.",
      "Belarus supplied ammunition and fuel to Russian forces.",
      "Belarus could send troops to Ukraine, officials warned.",
  };
  const char* codes[] = {"190", "195", "016", "070", "138"};
  ASSERT_TRUE(db->Begin().ok());
  for (int d = 0; d < 120; ++d) {
    Document doc;
    doc.id = "doc" + std::to_string(d);
    doc.date = Date{2022, 1 + d % 12, 1 + d % 28};
    doc.source = d % 3 ? "Wire" : "Monitor";
    doc.url = "https://example.org/" + std::to_string(d);
    doc.title = "Report " + std::to_string(d);
    std::vector<Event> events;
    for (int i = 0; i < 9; ++i) {
      const int k = (d + i) % 5;
      std::string text = std::string(sentences[k]) + " (" + std::to_string(d) + "." + std::to_string(i) + ")";
      doc.text += text + " ";
      Event e = MakeEvent(k == 2 ? "BLRGOV" : "BLRMIL", codes[k], k == 3 ? "RUSMIL" : "UKR", text,
                          Date{2022, 1 + (d + i) % 12, 1 + i});
      e.sentence_index = i;
      if (k == 2) e.modality = Modality::kNegated;
      if (k == 4) e.modality = Modality::kHypothetical;
      events.push_back(e);
    }
    store::AddResult added;
    Status s = db->AddDocument(doc, events, "h", &added);
    ASSERT_TRUE(s.ok()) << s.message();
  }
  ASSERT_TRUE(db->Commit().ok());

  RoleOptions options;
  options.from = Date{2022, 1, 1};
  RoleReport from_store;
  Status s = BuildRoleReportFromStore(*db, rules_, conflict_, x_, options, &from_store);
  ASSERT_TRUE(s.ok()) << s.message();
  store::EventQuery q;
  q.involving = "BLR";
  q.fields = store::EventFields::kReport;
  q.review = store::ReviewFilter::kNotRejected;
  std::vector<store::StoredEvent> rows;
  ASSERT_TRUE(db->QueryEvents(q, &rows).ok());
  ASSERT_EQ(rows.size(), 1080u);  // more than four batches
  EXPECT_EQ(from_store.events_scanned, 1080);
  EXPECT_GT(from_store.events_matched, 0);
  EXPECT_EQ(RenderJson(from_store), RenderJson(Build(rows, options)));
}

}  // namespace
}  // namespace dyad::analyze
