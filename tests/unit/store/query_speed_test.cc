// What makes queries cheap on a large store (docs/store.md, "Indexes"): the countries an event
// involves (event_countries, written with each event, removed by a trigger, back-filled by the
// v4 migration), the country
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
  // A limit keeps the first events in id order; a rejected event is left out on request.
  q.source.clear();
  q.limit = 3;
  ASSERT_TRUE(store->QueryEvents(q, &rows).ok());
  EXPECT_EQ(Codes(rows), (std::vector<std::string>{"001", "003", "004"}));
  Review reject;
  reject.reviewer = "ana";
  reject.state = ReviewState::kRejected;
  ASSERT_TRUE(store->AddReview(rows[1].id, reject, &reject).ok());
  q.review = ReviewFilter::kNotRejected;
  ASSERT_TRUE(store->QueryEvents(q, &rows).ok());
  EXPECT_EQ(Codes(rows), (std::vector<std::string>{"001", "004", "005"}));
  q.review = ReviewFilter::kRejected;
  q.limit = 0;
  ASSERT_TRUE(store->QueryEvents(q, &rows).ok());
  EXPECT_EQ(Codes(rows), (std::vector<std::string>{"003"}));
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

// The rows the v4..v6 insert trigger of event_countries wrote, computed by its own query over
// the events table ("country:event ...", in byte order), and the rows stored.
std::string TriggerCountryRows(bool pg) {
  if (pg)
    return "SELECT string_agg(country || ':' || event, ' ' ORDER BY country COLLATE \"C\", event) FROM ("
           "  SELECT id AS event, substr(source, 1, 3) AS country FROM events"
           "  UNION SELECT id, substr(target, 1, 3) FROM events"
           "  UNION SELECT id, substr(reported_by, 1, 3) FROM events"
           "  UNION SELECT id, dyad_place_country(places, 'location') FROM events"
           "  UNION SELECT id, dyad_place_country(places, 'origin') FROM events"
           "  UNION SELECT id, dyad_place_country(places, 'destination') FROM events) t"
           " WHERE length(country) = 3";
  return "SELECT group_concat(country || ':' || event, ' ') FROM (SELECT country, event FROM ("
         "  SELECT id AS event, substr(source, 1, 3) AS country FROM events"
         "  UNION SELECT id, substr(target, 1, 3) FROM events"
         "  UNION SELECT id, substr(reported_by, 1, 3) FROM events"
         "  UNION SELECT id, json_extract(places, '$.location.country') FROM events WHERE places <> ''"
         "  UNION SELECT id, json_extract(places, '$.origin.country') FROM events WHERE places <> ''"
         "  UNION SELECT id, json_extract(places, '$.destination.country') FROM events WHERE places <> '')"
         " WHERE length(country) = 3 ORDER BY country, event)";
}
std::string StoredCountryRows(bool pg) {
  if (pg)
    return "SELECT string_agg(country || ':' || event, ' ' ORDER BY country COLLATE \"C\", event) "
           "FROM event_countries";
  return "SELECT group_concat(country || ':' || event, ' ') FROM "
         "(SELECT country, event FROM event_countries ORDER BY country, event)";
}
std::string InsertTriggerCount(bool pg) {
  return pg ? "SELECT COUNT(*) FROM pg_trigger WHERE tgname = 'events_countries_insert'"
            : "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'events_countries_insert'";
}

// Since schema v7 the store writes an event's countries itself (the insert trigger made every
// event INSERT run with a statement journal on SQLite, a PL/pgSQL INSERT per row on
// PostgreSQL). The rows must be the ones the trigger wrote: its own query over the events table
// gives the same set, for codes shorter than three characters, non-ASCII codes, places without a
// country and countries of other lengths.
TEST_P(StoreBackendTest, EventCountriesAreTheRowsTheInsertTriggerWrote) {
  auto store = OpenStore();
  EXPECT_EQ(QueryText(InsertTriggerCount(pg())), "0");
  const Date day{2022, 3, 1};
  std::vector<Event> events;
  auto add = [&](const std::string& source, const std::string& target, const std::string& reporter) {
    events.push_back(MakeEvent(static_cast<int>(events.size()), "Something happened.", source, target, "190", day));
    events.back().reported_by = reporter;
    events.back().location = {};
    return &events.back();
  };
  add("BLRMIL", "UKR", "POLGOV");
  add("UA", "RUSMIL", "");                 // a 2-letter source: no row
  add("ÖSTGOV", "RU", "ÄÖÜ");              // non-ASCII: three characters, more bytes
  add("BLR", "BLRGOV", "BLR")->location = {"Gomel", "BLR", "", 0, 0, "city", {}};  // one row
  Event* places = add("", "", "");
  places->location = {"Somewhere", "", "", 0, 0, "", {}};           // no country
  places->origin = {"Vilnius", "LTU", "", 54.7, 25.3, "city", {}};
  places->destination = {"", "ABCD", "", 0, 0, "", {}};            // four letters: no row
  Event* short_place = add("RUS", "", "");
  short_place->destination = {"Minsk", "BY", "", 0, 0, "", {}};     // two letters: no row
  AddResult added;
  ASSERT_TRUE(store->AddDocument(MakeDocument("countries", Story(9)), events, "h", &added).ok());

  EXPECT_EQ(QueryText(StoredCountryRows(pg())), QueryText(TriggerCountryRows(pg())));
  EXPECT_EQ(QueryText(StoredCountryRows(pg())), "BLR:1 BLR:4 LTU:5 POL:1 RUS:2 RUS:6 UKR:1 ÄÖÜ:3 ÖST:3");
  // Recoding writes them the same way.
  RecodeDelta delta;
  ASSERT_TRUE(store->ReplaceEvents(added.document_id, {events[0]}, "h2", &delta).ok());
  EXPECT_EQ(QueryText(StoredCountryRows(pg())), QueryText(TriggerCountryRows(pg())));
  EXPECT_EQ(QueryText("SELECT COUNT(*) FROM event_countries"), "3");
}

// A store of schema v6 (its migrations' text: the insert trigger of event_countries), written
// through that trigger, migrates to v7: the trigger is dropped, the rows it wrote stay as they
// were, new events get theirs from the store and deleting still removes them.
TEST_P(StoreBackendTest, MigrationToV7KeepsTheCountryRowsTheTriggerWrote) {
  {
    OpenOptions v6;
    v6.schema_version_for_testing = 6;
    auto store = OpenStore(v6);
  }
  ASSERT_EQ(QueryText(InsertTriggerCount(pg())), "1");
  ExecOk("INSERT INTO documents(input_id, sha256, source, url, title, language, pub_date, format, origin, text, "
         "ingested_at, tool_version) VALUES('v6doc', 'abc', '', '', '', '', '2022-03-01', 'text', '', "
         "'Minsk sent troops. Kyiv said so.', '2022-03-01', 'dyad 0.0.6')");
  ExecOk("INSERT INTO codings(dict_hash, first_used) VALUES('h', '2022-03-01')");
  ExecOk("INSERT INTO meta(key, value) VALUES('current_coding', 'h')");
  ExecOk("INSERT INTO sentences(doc, idx, \"begin\", \"end\", text) VALUES(1, 0, 0, 18, 'Minsk sent troops.')");
  const std::string columns =
      "INSERT INTO events(doc, coding, sentence, sentence_idx, sentence_begin, sentence_end, day, day_end, "
      "date_precision, date_text, source, target, source_text, target_text, event_code, root_code, quad_class, "
      "goldstein, verb_text, plover, pattern_file, pattern_line, pattern_text, source_begin, source_end, "
      "verb_begin, verb_end, target_begin, target_end, modality, reported_by, reported_by_text, places, "
      "duplicate, page) VALUES(1, 1, 1, 0, 0, 18, NULL, NULL, 'document', '', ";
  ExecOk(columns + "'BLRMIL', 'UKR', 'Minsk', '', '150', '15', 4, -7, 'sent', '', 'v', 1, '', 0, 5, 6, 10, -1, "
                   "-1, '', 'POLGOV', 'Warsaw', '{\"origin\":{\"name\":\"Vilnius\",\"country\":\"LTU\"}}', 0, 0)");
  ExecOk(columns + "'ÖSTGOV', 'RU', 'Vienna', '', '150', '15', 4, -7, 'sent', '', 'v', 1, '', 0, 5, 6, 10, -1, "
                   "-1, '', 'ÄÖÜ', '', '{\"location\":{\"name\":\"Minsk\",\"country\":\"BY\"},"
                   "\"destination\":{\"name\":\"\",\"country\":\"BLR\"}}', 0, 0)");
  ExecOk(columns + "'UA', '', 'Kyiv', '', '150', '15', 4, -7, 'sent', '', 'v', 1, '', 0, 5, 6, 10, -1, "
                   "-1, '', '', '', '', 0, 0)");
  const std::string written_by_trigger = QueryText(StoredCountryRows(pg()));
  ASSERT_EQ(written_by_trigger, "BLR:1 BLR:2 LTU:1 POL:1 UKR:1 ÄÖÜ:2 ÖST:2");

  auto store = OpenStore();  // migrates
  EXPECT_EQ(QueryText(pg() ? "SELECT version FROM dyad_schema" : "PRAGMA user_version"), std::to_string(kSchemaVersion));
  EXPECT_EQ(QueryText(InsertTriggerCount(pg())), "0");
  EXPECT_EQ(QueryText(StoredCountryRows(pg())), written_by_trigger);
  EventQuery q;
  q.involving = "BLR";
  std::vector<StoredEvent> rows;
  ASSERT_TRUE(store->QueryEvents(q, &rows).ok());
  EXPECT_EQ(rows.size(), 2u);

  AddResult added;
  auto event = MakeEvent(0, "Belarus attacked Ukraine.", "BLRMIL", "UKR", "190", Date{2022, 3, 1});
  ASSERT_TRUE(store->AddDocument(MakeDocument("new", Story(4)), {event}, "h", &added).ok());
  EXPECT_EQ(QueryText(StoredCountryRows(pg())), QueryText(TriggerCountryRows(pg())));
  EXPECT_EQ(QueryText(StoredCountryRows(pg())), "BLR:1 BLR:2 BLR:4 LTU:1 POL:1 UKR:1 UKR:4 ÄÖÜ:2 ÖST:2");
  ASSERT_TRUE(store->DeleteDocument(1, "test").ok());
  EXPECT_EQ(QueryText(StoredCountryRows(pg())), "BLR:4 UKR:4");
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

std::string IndexDefinition(bool pg, const std::string& name) {
  return pg ? "SELECT indexdef FROM pg_indexes WHERE indexname = '" + name + "'"
            : "SELECT group_concat(name, ', ') FROM (SELECT name FROM pragma_index_info('" + name + "') ORDER BY seqno)";
}

// A page of an actor's events is chosen from the actor indexes alone (code, date and duplicate
// flag are in them, and the event's id: SQLite's rowid, PostgreSQL's INCLUDE (id) since schema
// v10): no event row is read before the page is known.
TEST_P(StoreBackendTest, ActorPageIdsComeFromTheActorIndexes) {
  auto store = OpenStore();
  std::vector<Event> events;
  for (int i = 0; i < 6; ++i)
    events.push_back(MakeEvent(i, "Belarus attacked Ukraine.", i % 2 ? "BLRMIL" : "UKR", i % 2 ? "UKR" : "BLRGOV",
                               "190", Date{2022, 2, 20 + i}));
  events.push_back(MakeEvent(6, "Russia attacked Ukraine.", "RUS", "UKR", "190", Date{2022, 2, 27}));
  AddResult added;
  ASSERT_TRUE(store->AddDocument(MakeDocument("page", Story(7)), events, "h", &added).ok());
  EventQuery q;
  q.actor = "BLR";
  q.from = Date{2022, 2, 21};
  q.to = Date{2022, 2, 24};
  q.limit = 3;
  std::vector<StoredEvent> rows;
  ASSERT_TRUE(store->QueryEvents(q, &rows).ok());
  EXPECT_EQ(Ids(rows), (std::vector<int64_t>{2, 3, 4}));
  std::string plan;
  ASSERT_TRUE(store->ExplainQuery(q, &plan).ok());
  if (pg()) {  // the planner reads a tiny table whole: the indexes are checked instead
    for (const char* index : {"events_source", "events_target"})
      EXPECT_THAT(QueryText(IndexDefinition(true, index)), HasSubstr("INCLUDE (id)")) << index;
  } else {
    EXPECT_THAT(plan, HasSubstr("COVERING INDEX events_source")) << plan;
    EXPECT_THAT(plan, HasSubstr("COVERING INDEX events_target")) << plan;
  }
  // The next page starts after the last id.
  q.after_id = 3;
  ASSERT_TRUE(store->QueryEvents(q, &rows).ok());
  EXPECT_EQ(Ids(rows), (std::vector<int64_t>{4, 5}));
  // Each side gives only its first ids of a page before the union: pages of one event come from
  // one side, then the other.
  q.limit = 1;
  for (int64_t after : {1, 2, 3, 4}) {
    q.after_id = after;
    ASSERT_TRUE(store->QueryEvents(q, &rows).ok());
    EXPECT_EQ(Ids(rows), (std::vector<int64_t>{after + 1})) << "after " << after;
  }
  q.limit = 3;
  q.after_id = 0;
  // With a filter the indexes do not hold, the rows are read to choose the page.
  q.code = "19";
  ASSERT_TRUE(store->QueryEvents(q, &rows).ok());
  EXPECT_EQ(Ids(rows), (std::vector<int64_t>{2, 3, 4}));
  q.code = "18";
  ASSERT_TRUE(store->QueryEvents(q, &rows).ok());
  EXPECT_TRUE(rows.empty());
}

// Report rows read their document's date, publisher, URL and title from the covering index of
// schema v8, not from the documents table (whose rows hold the text).
TEST_F(StoreTest, ReportRowsReadTheDocumentFromItsCoveringIndex) {
  auto store = OpenStore();
  auto e = MakeEvent(0, "Belarus attacked Ukraine.", "BLRMIL", "UKR", "190", Date{2022, 2, 24});
  Document doc = MakeDocument("covered", Story(31));
  doc.url = "https://example.org/covered";
  doc.title = "Covered";
  doc.source = "Wire";
  AddResult added;
  ASSERT_TRUE(store->AddDocument(doc, {e}, "h", &added).ok());
  EventQuery q;
  q.involving = "BLR";
  q.involving_words = {"Belarus"};
  q.fields = EventFields::kReport;
  std::string plan;
  ASSERT_TRUE(store->ExplainQuery(q, &plan).ok());
  EXPECT_THAT(plan, HasSubstr("COVERING INDEX documents_report")) << plan;
  std::vector<StoredEvent> rows;
  ASSERT_TRUE(store->QueryEvents(q, &rows).ok());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].doc_url, "https://example.org/covered");
  EXPECT_EQ(rows[0].doc_title, "Covered");
  EXPECT_EQ(rows[0].doc_source, "Wire");
  EXPECT_EQ(rows[0].doc_date, doc.date);
  EXPECT_EQ(rows[0].event.sentence, "Belarus attacked Ukraine.");
}

TEST_F(StoreTest, MigrationToV8AddsTheDocumentsReportIndex) {
  {
    auto store = OpenStore();
    AddResult added;
    auto e = MakeEvent(0, "Belarus attacked Ukraine.", "BLRMIL", "UKR", "190", Date{2022, 2, 24});
    ASSERT_TRUE(store->AddDocument(MakeDocument("v7", Story(32)), {e}, "h", &added).ok());
  }
  // Back to what a v7 store is: v8 only adds the index.
  ExecOk("DROP INDEX documents_report");
  ExecOk("PRAGMA user_version = 7");
  EXPECT_EQ(QueryText("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'documents_report'"), "0");
  auto store = OpenStore();  // migrates
  EXPECT_EQ(QueryText("PRAGMA user_version"), std::to_string(kSchemaVersion));
  EXPECT_EQ(QueryText("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'documents_report'"), "1");
  EventQuery q;
  q.involving = "BLR";
  q.fields = EventFields::kReport;
  std::vector<StoredEvent> rows;
  ASSERT_TRUE(store->QueryEvents(q, &rows).ok());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].event.source, "BLRMIL");
  EXPECT_TRUE(store->CheckIntegrity().ok());
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

// Three documents for Store::ForEachDocumentActors: "war" (Russian forces against Ukraine twice,
// Ukraine against Russia, Belarus without a target), "wire" (Belarus against Ukraine) and its
// near-duplicate republication (its events flagged duplicate). Returns their ids; the event of
// "war" whose source is UKRMIL in *ukrainian_strike.
std::vector<int64_t> AddActorDocuments(Store* store, int64_t* ukrainian_strike) {
  const Date day{2022, 3, 1};
  std::vector<Event> war = {MakeEvent(0, "Russian forces shelled Kharkiv.", "RUSMIL", "UKR", "194", day),
                            MakeEvent(1, "Russian forces shelled Kyiv.", "RUSMIL", "UKR", "194", day),
                            MakeEvent(2, "Ukrainian forces struck Belgorod.", "UKRMIL", "RUS", "195", day),
                            MakeEvent(3, "Belarus said nothing.", "BLRGOV", "", "010", day)};
  const std::string story = Story(7);
  std::string edited = story;
  edited.replace(edited.find("troops"), 6, "soldiers");
  AddResult a, b, c;
  EXPECT_TRUE(store->AddDocument(MakeDocument("war", Story(20)), war, "h", &a).ok());
  EXPECT_TRUE(store->AddDocument(MakeDocument("wire", story),
                                 {MakeEvent(0, "Belarus sent troops.", "BLRMIL", "UKR", "150", day)}, "h", &b).ok());
  EXPECT_TRUE(store->AddDocument(MakeDocument("wire-copy", edited),
                                 {MakeEvent(0, "Russia attacked Ukraine.", "RUS", "UKR", "190", day)}, "h", &c).ok());
  EXPECT_EQ(c.outcome, AddOutcome::kNearDuplicate);
  EventQuery q;
  q.document_id = a.document_id;
  q.source = "UKRMIL";
  std::vector<StoredEvent> rows;
  EXPECT_TRUE(store->QueryEvents(q, &rows).ok());
  EXPECT_EQ(rows.size(), 1u);
  *ukrainian_strike = rows.empty() ? 0 : rows[0].id;
  return {a.document_id, b.document_id, c.document_id};
}

// What ForEachDocumentActors gives: "d<N> title date: pairs" per document, pairs sorted.
std::string ActorsText(Store* store, const std::vector<int64_t>& ids, bool include_rejected) {
  std::string out;
  Status s = store->ForEachDocumentActors(ids, include_rejected, [&](const DocumentActors& d) {
    std::vector<std::string> pairs;
    for (const auto& [source, target] : d.pairs) pairs.push_back(source + ">" + target);
    std::sort(pairs.begin(), pairs.end());
    out += (out.empty() ? "d" : "; d") + std::to_string(d.document_id) + " " + d.title + " " + d.date.ToIso() + ":";
    for (const std::string& p : pairs) out += " " + p;
    return true;
  });
  EXPECT_TRUE(s.ok()) << s.message();
  return out;
}

std::string EventsDocIndex(bool pg) {
  return pg ? "SELECT indexdef FROM pg_indexes WHERE indexname = 'events_doc'"
            : "SELECT group_concat(name, ', ') FROM (SELECT name FROM pragma_index_info('events_doc') ORDER BY seqno)";
}

// The role report asks, in one query, which actors the events of the documents it has sentences of
// have (is the document about the war between two sides?): each document with events, in the
// order asked, each (source, target) pair once, without the near-duplicate's events or rejected
// ones (unless asked for), from the index events_doc (schema v9), not the event rows.
TEST_P(StoreBackendTest, DocumentActorsComeOncePerPairFromTheDocumentIndex) {
  auto store = OpenStore();
  int64_t strike = 0;
  const std::vector<int64_t> ids = AddActorDocuments(store.get(), &strike);
  EXPECT_THAT(QueryText(EventsDocIndex(pg())), HasSubstr("doc, coding, duplicate, source, target"));
  const std::string both = "d1 Title of war 2022-02-24: BLRGOV> RUSMIL>UKR UKRMIL>RUS; d2 Title of wire 2022-02-24: BLRMIL>UKR";
  EXPECT_EQ(ActorsText(store.get(), {ids[0], ids[1], ids[2], 99}, false), both);
  EXPECT_EQ(ActorsText(store.get(), {ids[1]}, false), "d2 Title of wire 2022-02-24: BLRMIL>UKR");
  EXPECT_EQ(ActorsText(store.get(), {}, false), "");
  int calls = 0;
  ASSERT_TRUE(store->ForEachDocumentActors(ids, false, [&](const DocumentActors&) { return ++calls < 1; }).ok());
  EXPECT_EQ(calls, 1);

  Review reject;
  reject.reviewer = "ana";
  reject.state = ReviewState::kRejected;
  ASSERT_TRUE(store->AddReview(strike, reject, &reject).ok());
  EXPECT_EQ(ActorsText(store.get(), ids, false),
            "d1 Title of war 2022-02-24: BLRGOV> RUSMIL>UKR; d2 Title of wire 2022-02-24: BLRMIL>UKR");
  EXPECT_EQ(ActorsText(store.get(), ids, true), both);
}

// A store of schema v8 (events_doc on the document alone) migrates to v9: the index is rebuilt
// with coding, duplicate flag, source and target, and answers for the events stored before.
TEST_P(StoreBackendTest, MigrationToV9WidensTheDocumentIndex) {
  int64_t strike = 0;
  std::vector<int64_t> ids;
  {
    auto store = OpenStore();
    ids = AddActorDocuments(store.get(), &strike);
  }
  // Back to what a v8 store is: v9 only widens the index.
  ExecOk("DROP INDEX events_doc");
  ExecOk("CREATE INDEX events_doc ON events(doc)");
  ExecOk(pg() ? "UPDATE dyad_schema SET version = 8" : "PRAGMA user_version = 8");
  EXPECT_THAT(QueryText(EventsDocIndex(pg())), Not(HasSubstr("coding")));
  auto store = OpenStore();  // migrates
  EXPECT_EQ(QueryText(pg() ? "SELECT version FROM dyad_schema" : "PRAGMA user_version"), std::to_string(kSchemaVersion));
  EXPECT_THAT(QueryText(EventsDocIndex(pg())), HasSubstr("doc, coding, duplicate, source, target"));
  EXPECT_EQ(ActorsText(store.get(), ids, false),
            "d1 Title of war 2022-02-24: BLRGOV> RUSMIL>UKR UKRMIL>RUS; d2 Title of wire 2022-02-24: BLRMIL>UKR");
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

// Schema v10 puts the event id in the PostgreSQL indexes that choose events (events_source,
// events_target, events_sentence); on SQLite it changes nothing, so it takes no backup.
TEST_P(StoreBackendTest, MigrationToV10PutsTheEventIdInTheIndexesThatChooseEvents) {
  {
    auto store = OpenStore();
    AddResult added;
    ASSERT_TRUE(store->AddDocument(MakeDocument("mixed", Story(3)), MixedEvents(), "h", &added).ok());
  }
  if (pg()) {  // back to what a v9 store is
    ExecOk("DROP INDEX events_source");
    ExecOk("CREATE INDEX events_source ON events(coding, source, day, duplicate)");
    ExecOk("DROP INDEX events_target");
    ExecOk("CREATE INDEX events_target ON events(coding, target, day, duplicate)");
    ExecOk("DROP INDEX events_sentence");
    ExecOk("CREATE INDEX events_sentence ON events(sentence)");
    ExecOk("UPDATE dyad_schema SET version = 9");
    EXPECT_THAT(QueryText(IndexDefinition(true, "events_sentence")), Not(HasSubstr("INCLUDE")));
  } else {
    ExecOk("PRAGMA user_version = 9");
    OpenOptions read_only;  // a reader need not wait for a migration that changes nothing
    read_only.read_only = true;
    std::unique_ptr<Store> reader;
    Status s = Store::Open(path_, read_only, &reader);
    EXPECT_TRUE(s.ok()) << s.message();
  }
  auto store = OpenStore();  // migrates
  EXPECT_EQ(QueryText(pg() ? "SELECT version FROM dyad_schema" : "PRAGMA user_version"), std::to_string(kSchemaVersion));
  if (pg()) {
    for (const char* index : {"events_source", "events_target", "events_sentence"})
      EXPECT_THAT(QueryText(IndexDefinition(true, index)), HasSubstr("INCLUDE (id)")) << index;
  } else {
    EXPECT_FALSE(std::filesystem::exists(path_ + ".bak-v9")) << "a backup for a migration that changes nothing";
  }
  EventQuery q;
  q.involving = "BLR";
  q.involving_words = {"Belarusian"};
  std::vector<StoredEvent> rows;
  ASSERT_TRUE(store->QueryEvents(q, &rows).ok());
  EXPECT_EQ(Codes(rows), (std::vector<std::string>{"001", "003", "004", "005", "006"}));
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

}  // namespace
}  // namespace dyad::store
