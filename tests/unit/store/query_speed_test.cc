// What makes queries cheap on a large store (docs/store.md, "Indexes"): the countries an event
// involves (event_countries, kept by triggers and back-filled by the v4 migration), the country
// filter a role report reads through, id-order walks for unfiltered pages, and the cheap counts
// `dyad events` prints. Plans are checked, never timings.
#include <gmock/gmock.h>

#include <algorithm>

#include "backend_fixture.h"
#include "test_util.h"

namespace dyad::store {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::vector<int64_t> Ids(const std::vector<StoredEvent>& rows) {
  std::vector<int64_t> ids;
  for (const auto& r : rows) ids.push_back(r.id);
  return ids;
}

std::vector<std::string> Codes(const std::vector<StoredEvent>& rows) {
  std::vector<std::string> codes;
  for (const auto& r : rows) codes.push_back(r.event.event_code);
  return codes;
}

// Events numbered by their code: each involves Belarus in one way, or not at all.
std::vector<Event> MixedEvents() {
  const Date day{2022, 3, 1};
  std::vector<Event> events;
  auto add = [&](int sentence, const std::string& text, const std::string& source, const std::string& target,
                 const std::string& code) {
    events.push_back(MakeEvent(sentence, text, source, target, code, day));
    events.back().location = {};  // MakeEvent puts every event in Kyiv
    return &events.back();
  };
  add(0, "Minsk hosted the talks.", "BLRGOV", "UKR", "001");                  // source
  add(1, "Kyiv thanked Warsaw.", "UKR", "POL", "002");                        // not involved
  add(2, "Russia thanked Minsk.", "RUS", "BLRMIL", "003");                    // target
  Event* reported = add(3, "Kyiv said Russia fired rockets.", "RUS", "UKR", "004");
  reported->reported_by = "BLRGOV";                                           // reporter
  Event* placed = add(4, "Russian jets took off from an airfield.", "RUSMIL", "UKR", "005");
  placed->origin.name = "Luninets";
  placed->origin.country = "BLR";                                             // a place
  add(5, "Russian jets flew over Belarusian territory.", "RUSMIL", "UKR", "006");  // a word
  add(6, "Volunteers of the Kalinouski Regiment fought near Bakhmut.", "UKRMIL", "RUS", "007");  // a group
  add(7, "Russia fired rockets at Kharkiv.", "RUSMIL", "UKR", "008");        // not involved
  return events;
}

TEST_P(StoreBackendTest, CountryFilterReadsOnlyEventsInvolvingTheCountry) {
  auto store = OpenStore();
  AddResult added;
  ASSERT_TRUE(store->AddDocument(MakeDocument("mixed", Story(3)), MixedEvents(), "h", &added).ok());
  EventQuery q;
  q.involving = "BLR";
  std::vector<StoredEvent> rows;
  ASSERT_TRUE(store->QueryEvents(q, &rows).ok());
  EXPECT_EQ(Codes(rows), (std::vector<std::string>{"001", "003", "004", "005"}));
  q.involving_words = {"Belarus", "Belarusian", "Kalinouski Regiment"};
  ASSERT_TRUE(store->QueryEvents(q, &rows).ok());
  EXPECT_EQ(Codes(rows), (std::vector<std::string>{"001", "003", "004", "005", "006", "007"}));
  // Rows come in id order; other filters still apply.
  auto ids = Ids(rows);
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
  q.source = "RUS";
  ASSERT_TRUE(store->QueryEvents(q, &rows).ok());
  EXPECT_EQ(Codes(rows), (std::vector<std::string>{"003", "004", "005", "006"}));
  // Words are phrases: a quote in one cannot break the full-text query.
  q = {};
  q.involving = "POL";
  q.involving_words = {"say \"hello", "Warsaw"};
  ASSERT_TRUE(store->QueryEvents(q, &rows).ok());
  EXPECT_EQ(Codes(rows), (std::vector<std::string>{"002"}));
  // The plan reads the index of countries and the full-text index, never the whole table.
  q = {};
  q.involving = "BLR";
  q.involving_words = {"Belarus"};
  std::string plan;
  ASSERT_TRUE(store->ExplainQuery(q, &plan).ok());
  EXPECT_THAT(plan, HasSubstr("event_countries"));
  if (!pg()) {  // SQLite's plan; PostgreSQL's planner reads a tiny table whole
    EXPECT_THAT(plan, HasSubstr("sentences_fts"));
    EXPECT_THAT(plan, Not(HasSubstr("SCAN e\n"))) << plan;
    EXPECT_THAT(plan, Not(HasSubstr("TEMP B-TREE FOR ORDER BY"))) << plan;
  }
}

TEST_P(StoreBackendTest, CountryIndexFollowsDeletesAndRecodes) {
  auto store = OpenStore();
  AddResult added;
  ASSERT_TRUE(store->AddDocument(MakeDocument("mixed", Story(3)), MixedEvents(), "h", &added).ok());
  EXPECT_EQ(QueryText("SELECT COUNT(*) FROM event_countries WHERE country = 'BLR'"), "4");
  // Recoding replaces the events: the old rows leave the index with them.
  RecodeDelta delta;
  auto only = MakeEvent(0, "Minsk hosted the talks.", "BLRGOV", "UKR", "001", Date{2022, 3, 1});
  ASSERT_TRUE(store->ReplaceEvents(added.document_id, {only}, "h", &delta).ok());
  EXPECT_EQ(QueryText("SELECT COUNT(*) FROM event_countries WHERE country = 'BLR'"), "1");
  EXPECT_EQ(QueryText("SELECT COUNT(*) FROM event_countries"), "2");  // BLR (source), UKR (target, Kyiv)
  // Changing an event's actors in place would leave the index stale: refused.
  EXPECT_THAT(ExecError("UPDATE events SET source = 'RUS'"), HasSubstr("never updated"));
  ASSERT_TRUE(store->DeleteDocument(added.document_id, "test").ok());
  EXPECT_EQ(QueryText("SELECT COUNT(*) FROM event_countries"), "0");
}

TEST_F(StoreTest, MigrationToV4FillsTheCountryIndex) {
  {
    OpenOptions old;
    old.schema_version_for_testing = 3;
    std::unique_ptr<Store> store;
    ASSERT_TRUE(Store::Open(path_, old, &store).ok());
  }
  // A v3 event written by hand: source BLRMIL, target UKR, reporter POLGOV, origin in LTU.
  ExecOk("INSERT INTO documents(input_id, sha256, source, url, title, language, pub_date, format, origin, text, "
         "ingested_at, tool_version) VALUES('v3doc', 'abc', '', '', '', '', '2022-03-01', 'text', '', "
         "'Minsk sent troops.', '2022-03-01', 'dyad 0.0.3')");
  ExecOk("INSERT INTO codings(dict_hash, first_used) VALUES('h', '2022-03-01')");
  ExecOk("INSERT INTO meta(key, value) VALUES('current_coding', 'h')");
  ExecOk("INSERT INTO sentences(doc, idx, begin, end, text) VALUES(1, 0, 0, 18, 'Minsk sent troops.')");
  ExecOk("INSERT INTO events(doc, coding, sentence, sentence_idx, sentence_begin, sentence_end, day, day_end, "
         "date_precision, date_text, source, target, source_text, target_text, event_code, root_code, quad_class, "
         "goldstein, verb_text, plover, pattern_file, pattern_line, pattern_text, source_begin, source_end, "
         "verb_begin, verb_end, target_begin, target_end, modality, reported_by, reported_by_text, places, "
         "duplicate) VALUES(1, 1, 1, 0, 0, 18, NULL, NULL, 'document', '', 'BLRMIL', 'UKR', 'Minsk', '', '150', "
         "'15', 4, -7, 'sent', '', 'v', 1, '', 0, 5, 6, 10, -1, -1, '', 'POLGOV', 'Warsaw', "
         "'{\"origin\":{\"name\":\"Vilnius\",\"country\":\"LTU\"}}', 0)");
  auto store = OpenStore();
  EXPECT_EQ(QueryText("PRAGMA user_version"), std::to_string(kSchemaVersion));
  EXPECT_EQ(QueryText("SELECT group_concat(country, ' ') FROM (SELECT country FROM event_countries ORDER BY 1)"),
            "BLR LTU POL UKR");
  for (const char* country : {"BLR", "UKR", "POL", "LTU"}) {
    EventQuery q;
    q.involving = country;
    std::vector<StoredEvent> rows;
    ASSERT_TRUE(store->QueryEvents(q, &rows).ok());
    EXPECT_EQ(rows.size(), 1u) << country;
  }
}

TEST_F(StoreTest, UnfilteredPagesWalkTheTableInIdOrder) {
  auto store = OpenStore();
  for (int d = 0; d < 3; ++d) {
    std::vector<Event> events;
    for (int i = 0; i < 4; ++i)
      events.push_back(MakeEvent(0, "Belarus attacked Ukraine.", "BLR", "UKR", "19" + std::to_string(i),
                                 Date{2022, 3, 10 - d}));
    AddResult added;
    ASSERT_TRUE(store->AddDocument(MakeDocument("d" + std::to_string(d), Story(10 + d)), events, "h", &added).ok());
  }
  EventQuery q;
  q.limit = 5;
  std::vector<StoredEvent> rows;
  ASSERT_TRUE(store->QueryEvents(q, &rows).ok());
  EXPECT_EQ(Ids(rows), (std::vector<int64_t>{1, 2, 3, 4, 5}));
  q.after_id = 5;
  ASSERT_TRUE(store->QueryEvents(q, &rows).ok());
  EXPECT_EQ(Ids(rows), (std::vector<int64_t>{6, 7, 8, 9, 10}));
  q = {};
  q.limit = 1;
  std::string plan;
  ASSERT_TRUE(store->ExplainQuery(q, &plan).ok());
  EXPECT_THAT(plan, Not(HasSubstr("TEMP B-TREE"))) << plan;  // no sort of every event for one row
  EXPECT_THAT(plan, Not(HasSubstr("events_day"))) << plan;
  q.limit = 0;  // a full export streams in id order too
  ASSERT_TRUE(store->ExplainQuery(q, &plan).ok());
  EXPECT_THAT(plan, Not(HasSubstr("TEMP B-TREE"))) << plan;
}

TEST_P(StoreBackendTest, CheapCountsAgreeWithTheFullStatistics) {
  auto store = OpenStore();
  bool any = true;
  ASSERT_TRUE(store->HasEvents(&any).ok());
  EXPECT_FALSE(any);
  auto e = MakeEvent(0, "Belarus attacked Ukraine.", "BLR", "UKR", "190", Date{2022, 2, 24});
  AddResult added;
  ASSERT_TRUE(store->AddDocument(MakeDocument("a", Story(21)), {e}, "old", &added).ok());
  ASSERT_TRUE(store->AddDocument(MakeDocument("a2", Story(21) + " Reporting by the wire service."), {e}, "old",
                                 &added).ok());
  ASSERT_EQ(added.outcome, AddOutcome::kNearDuplicate);
  ASSERT_TRUE(store->SetCurrentCoding("new", "").ok());
  ASSERT_TRUE(store->HasEvents(&any).ok());
  EXPECT_FALSE(any) << "the events belong to another coding";
  ASSERT_TRUE(store->AddDocument(MakeDocument("b", Story(22)), {e}, "new", &added).ok());
  ASSERT_TRUE(store->HasEvents(&any).ok());
  EXPECT_TRUE(any);
  int64_t hidden = 0, near = 0;
  ASSERT_TRUE(store->CountHiddenEvents(&hidden).ok());
  ASSERT_TRUE(store->CountNearDuplicates(&near).ok());
  Stats stats;
  ASSERT_TRUE(store->GetStats(&stats).ok());
  EXPECT_EQ(hidden, 2);
  EXPECT_EQ(hidden, stats.other_coding_events);
  EXPECT_EQ(near, 1);
  EXPECT_EQ(near, stats.near_duplicates);
}

}  // namespace
}  // namespace dyad::store
