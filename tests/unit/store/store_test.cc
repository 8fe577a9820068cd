#include "store/store.h"

#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "backend_fixture.h"
#include "test_util.h"

namespace dyad::store {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST_F(StoreTest, CreatesVersionedSchemaInWalMode) {
  auto store = OpenStore();
  EXPECT_EQ(QueryText("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(QueryText("PRAGMA user_version"), std::to_string(kSchemaVersion));
  Stats stats;
  ASSERT_TRUE(store->GetStats(&stats).ok());
  EXPECT_EQ(stats.schema_version, kSchemaVersion);
  EXPECT_EQ(stats.documents, 0);
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

TEST_P(StoreBackendTest, StoresDocumentOnceAndReportsDuplicate) {
  auto store = OpenStore();
  Document doc = MakeDocument("a1", Story(1));
  std::vector<Event> events = {MakeEvent(0, "Belarus attacked Ukraine.", "BLRMIL", "UKR", "190",
                                          Date{2022, 2, 24})};
  AddResult first, second;
  ASSERT_TRUE(store->AddDocument(doc, events, "hash1", &first).ok());
  EXPECT_EQ(first.outcome, AddOutcome::kNew);
  EXPECT_EQ(first.events_added, 1);
  ASSERT_TRUE(store->AddDocument(doc, events, "hash1", &second).ok());
  EXPECT_EQ(second.outcome, AddOutcome::kDuplicate);
  EXPECT_EQ(second.document_id, first.document_id);
  EXPECT_EQ(second.events_added, 0);
  Stats stats;
  ASSERT_TRUE(store->GetStats(&stats).ok());
  EXPECT_EQ(stats.documents, 1);
  EXPECT_EQ(stats.events, 1);

  StoredDocument stored;
  ASSERT_TRUE(store->GetDocument(first.document_id, &stored).ok());
  EXPECT_EQ(stored.document.text, doc.text);
  EXPECT_EQ(stored.document.sha256, doc.sha256);
  EXPECT_EQ(stored.document.url, doc.url);
  EXPECT_EQ(stored.document.date, doc.date);
  EXPECT_THAT(stored.tool_version, HasSubstr("dyad "));
  EXPECT_FALSE(stored.ingested_at.empty());
  ASSERT_TRUE(store->FindDocument("a1", &stored).ok());
  EXPECT_EQ(stored.id, first.document_id);
  ASSERT_TRUE(store->FindDocument(doc.sha256.substr(0, 12), &stored).ok());
  EXPECT_EQ(stored.id, first.document_id);
  ASSERT_TRUE(store->FindDocument("d" + std::to_string(first.document_id), &stored).ok());
  EXPECT_FALSE(store->FindDocument("nonexistent", &stored).ok());
}

// A source named by a pronoun keeps what it was resolved to (docs/coreference.md).
TEST_P(StoreBackendTest, ResolvedMentionsKeepTheirAntecedent) {
  auto store = OpenStore();
  Event e = MakeEvent(1, "They attacked the country.", "RUSUAF", "BLR", "190", Date{2023, 7, 1});
  e.source_text = "They";
  e.source_ref = "Wagner fighters";
  e.target_text = "the country";
  e.target_ref = "Belarus";
  AddResult added;
  ASSERT_TRUE(store->AddDocument(MakeDocument("r1", Story(7)), {e}, "hash1", &added).ok());
  std::vector<StoredEvent> rows;
  ASSERT_TRUE(store->QueryEvents(EventQuery{}, &rows).ok());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].event.source_ref, "Wagner fighters");
  EXPECT_EQ(rows[0].event.target_ref, "Belarus");
  EXPECT_EQ(rows[0].event.source_text, "They");
}

TEST_P(StoreBackendTest, DocumentsAreImmutableAndAuditIsAppendOnly) {
  auto store = OpenStore();
  AddResult added;
  ASSERT_TRUE(store->AddDocument(MakeDocument("a1", Story(1)), {}, "h", &added).ok());
  ASSERT_TRUE(store->Audit("test", R"({"x":1})").ok());
  store.reset();
  EXPECT_THAT(ExecError("UPDATE documents SET text = 'changed'"), HasSubstr("immutable"));
  EXPECT_THAT(ExecError("UPDATE audit SET action = 'x'"), HasSubstr("append-only"));
  EXPECT_THAT(ExecError("DELETE FROM audit"), HasSubstr("append-only"));
}

TEST_P(StoreBackendTest, NearDuplicateIsLinkedAndNotDoubleCounted) {
  auto store = OpenStore();
  std::string story = Story(7);
  std::string edited = story;
  // A republished wire story: a changed word and an added sentence at the end.
  edited.replace(edited.find("troops"), 6, "soldiers");
  edited += " Reporting by the wire service.";
  auto event = MakeEvent(0, "Belarus attacked Ukraine.", "BLRMIL", "UKR", "190", Date{2022, 3, 1});
  AddResult a, b, c;
  ASSERT_TRUE(store->AddDocument(MakeDocument("wire-1", story), {event}, "h", &a).ok());
  ASSERT_TRUE(store->AddDocument(MakeDocument("wire-2", edited), {event}, "h", &b).ok());
  ASSERT_TRUE(store->AddDocument(MakeDocument("other", Story(99)), {event}, "h", &c).ok());
  EXPECT_EQ(a.outcome, AddOutcome::kNew);
  EXPECT_EQ(b.outcome, AddOutcome::kNearDuplicate);
  EXPECT_EQ(b.duplicate_of, a.document_id);
  EXPECT_EQ(c.outcome, AddOutcome::kNew);

  std::vector<StoredEvent> rows;
  ASSERT_TRUE(store->QueryEvents({}, &rows).ok());
  ASSERT_EQ(rows.size(), 2u);  // the near-duplicate's event is not counted
  EXPECT_EQ(rows[0].document_id, a.document_id);
  EXPECT_EQ(rows[1].document_id, c.document_id);
  EventQuery all;
  all.include_duplicates = true;
  ASSERT_TRUE(store->QueryEvents(all, &rows).ok());
  EXPECT_EQ(rows.size(), 3u);
  StoredDocument stored;
  ASSERT_TRUE(store->GetDocument(b.document_id, &stored).ok());
  EXPECT_EQ(stored.near_duplicate_of, a.document_id);
}

TEST(MinHashTest, SimilarTextsScoreHighAndDifferentOnesLow) {
  std::string story = Story(3);
  std::string edited = story;
  edited.replace(edited.find("troops"), 6, "forces");
  EXPECT_GE(EstimatedJaccard(MinHashSignature(story), MinHashSignature(edited)),
            kNearDuplicateJaccard);
  EXPECT_LT(EstimatedJaccard(MinHashSignature(story), MinHashSignature(Story(4))), 0.5);
  EXPECT_TRUE(MinHashSignature("too short to compare").empty());
  EXPECT_EQ(MinHashSignature(story), MinHashSignature(story));
}

TEST_P(StoreBackendTest, QueryFiltersByActorPrefixCodeDateModalityAndText) {
  auto store = OpenStore();
  std::vector<Event> events = {
      MakeEvent(0, "Belarus troops attacked Ukraine.", "BLRMIL", "UKRMIL", "190", Date{2022, 2, 24}),
      MakeEvent(1, "Ukraine accused Belarus of aggression.", "UKRGOV", "BLRGOV", "112",
                Date{2022, 3, 2}),
      MakeEvent(2, "Russia met Belarus officials.", "RUSGOV", "BLRGOV", "040", Date{2022, 5, 1}),
      MakeEvent(3, "Poland did not attack Russia.", "POL", "RUS", "190", Date{2022, 6, 1}),
  };
  events[3].modality = Modality::kNegated;
  events[2].reported_by = "UKRGOV";
  AddResult added;
  ASSERT_TRUE(store->AddDocument(MakeDocument("q", Story(5)), events, "h", &added).ok());

  auto codes = [&](EventQuery q) {
    std::vector<StoredEvent> rows;
    Status s = store->QueryEvents(q, &rows);
    EXPECT_TRUE(s.ok()) << s.message();
    std::vector<std::string> out;
    for (const auto& r : rows) out.push_back(r.event.source + ">" + r.event.event_code);
    return out;
  };
  EventQuery q;
  q.actor = "BLR";
  EXPECT_THAT(codes(q), ::testing::ElementsAre("BLRMIL>190", "UKRGOV>112", "RUSGOV>040"));
  q = {};
  q.source = "BLR";
  EXPECT_THAT(codes(q), ::testing::ElementsAre("BLRMIL>190"));
  q = {};
  q.target = "BLRGOV";
  EXPECT_THAT(codes(q), ::testing::ElementsAre("UKRGOV>112", "RUSGOV>040"));
  q = {};
  q.code = "19";
  EXPECT_THAT(codes(q), ::testing::ElementsAre("BLRMIL>190", "POL>190"));
  q = {};
  q.root = "11";
  EXPECT_THAT(codes(q), ::testing::ElementsAre("UKRGOV>112"));
  q = {};
  q.actor = "BLR";
  q.from = Date{2022, 3, 1};
  q.to = Date{2022, 4, 30};
  EXPECT_THAT(codes(q), ::testing::ElementsAre("UKRGOV>112"));
  q = {};
  q.modality = Modality::kNegated;
  EXPECT_THAT(codes(q), ::testing::ElementsAre("POL>190"));
  q = {};
  q.reported = true;
  EXPECT_THAT(codes(q), ::testing::ElementsAre("RUSGOV>040"));
  q = {};
  q.text = "aggression";
  EXPECT_THAT(codes(q), ::testing::ElementsAre("UKRGOV>112"));
  q = {};
  q.limit = 2;
  EXPECT_EQ(codes(q).size(), 2u);

  std::vector<StoredEvent> rows;
  q = {};
  q.text = "\"unbalanced";
  Status bad = store->QueryEvents(q, &rows);
  EXPECT_FALSE(bad.ok());
  EXPECT_THAT(bad.message(), HasSubstr("full-text query"));

  // The stored event comes back whole, with provenance.
  q = {};
  q.source = "BLRMIL";
  ASSERT_TRUE(store->QueryEvents(q, &rows).ok());
  ASSERT_EQ(rows.size(), 1u);
  const StoredEvent& r = rows[0];
  EXPECT_EQ(r.event.sentence, "Belarus troops attacked Ukraine.");
  EXPECT_EQ(r.event.date, (Date{2022, 2, 24}));
  EXPECT_EQ(r.event.pattern.file, "verbs.txt");
  EXPECT_EQ(r.event.pattern.line, 42);
  EXPECT_EQ(r.event.verb_span.begin, 15);
  EXPECT_EQ(r.event.location.name, "Kyiv");
  EXPECT_DOUBLE_EQ(r.event.location.latitude, 50.45);
  EXPECT_EQ(r.doc_url, "https://example.org/q");
  EXPECT_EQ(r.dict_hash, "h");
  StoredEvent by_id;
  ASSERT_TRUE(store->GetEvent(r.id, &by_id).ok());
  EXPECT_EQ(by_id.event.target, "UKRMIL");
}

// Rows are read one after another into one record: a field the next row leaves empty (no date,
// no place, no reporter) must not keep the previous row's value. Places come back as written,
// whatever their text holds (quotes, non-ASCII names, negative and tiny coordinates).
TEST_F(StoreTest, EventRowsComeBackAsWrittenOneAfterAnother) {
  auto store = OpenStore();
  Event placed = MakeEvent(0, "Belarus troops attacked Ukraine.", "BLRMIL", "UKRMIL", "190", Date{2022, 2, 24});
  placed.date_end = Date{2022, 3, 2};
  placed.date_text = "that week";
  placed.reported_by = "UKRGOV";
  placed.reported_by_text = "Kyiv";
  placed.location = {"Kramatorsk \"east\"", "UKR", "Donetsk Oblast", 48.7389, -37.5848, "city", {3, 13}};
  placed.origin = {"Мазыр", "BLR", "", 52.05, 29.25, "city", {20, 25}};
  placed.destination = {"Null Island", "", "", 1e-7, -0.5, "", {-1, -1}};
  Event bare = MakeEvent(1, "Minsk said nothing.", "BLRGOV", "", "010", Date{});
  bare.date_end = Date{};
  bare.date_precision = DatePrecision::kDocument;
  bare.location = {};
  bare.modality = Modality::kNegated;
  AddResult added;
  ASSERT_TRUE(store->AddDocument(MakeDocument("rows", Story(5)), {placed, bare, placed}, "h", &added).ok());

  EventQuery q;
  std::vector<StoredEvent> rows;
  ASSERT_TRUE(store->QueryEvents(q, &rows).ok());
  ASSERT_EQ(rows.size(), 3u);
  auto expect_place = [](const Place& got, const Place& want) {
    EXPECT_EQ(got.name, want.name);
    EXPECT_EQ(got.country, want.country);
    EXPECT_EQ(got.admin1, want.admin1);
    EXPECT_DOUBLE_EQ(got.latitude, want.latitude);
    EXPECT_DOUBLE_EQ(got.longitude, want.longitude);
    EXPECT_EQ(got.feature, want.feature);
    EXPECT_EQ(got.span.begin, want.span.begin);
    EXPECT_EQ(got.span.end, want.span.end);
  };
  for (size_t i : {size_t{0}, size_t{2}}) {
    SCOPED_TRACE(i);
    const Event& e = rows[i].event;
    EXPECT_EQ(e.date, placed.date);
    EXPECT_EQ(e.date_end, placed.date_end);
    EXPECT_EQ(e.date_text, "that week");
    EXPECT_EQ(e.reported_by, "UKRGOV");
    EXPECT_EQ(e.modality, Modality::kAsserted);
    expect_place(e.location, placed.location);
    expect_place(e.origin, placed.origin);
    expect_place(e.destination, placed.destination);
  }
  const Event& e = rows[1].event;
  EXPECT_FALSE(e.date.valid());
  EXPECT_FALSE(e.date_end.valid());
  EXPECT_EQ(e.date_precision, DatePrecision::kDocument);
  EXPECT_EQ(e.date_text, "");
  EXPECT_EQ(e.target, "");
  EXPECT_EQ(e.reported_by, "");
  EXPECT_EQ(e.modality, Modality::kNegated);
  EXPECT_TRUE(e.location.empty());
  EXPECT_TRUE(e.origin.empty());
  EXPECT_TRUE(e.destination.empty());
  EXPECT_EQ(e.location.span.begin, -1);
  EXPECT_EQ(e.sentence, "Minsk said nothing.");
}

// EventFields::kReport reads what reports need, equal to a full read, and leaves the rest empty.
TEST_F(StoreTest, ReportFieldsEqualTheFullReadAndLeaveTheRestEmpty) {
  auto store = OpenStore();
  Event placed = MakeEvent(0, "Belarus troops attacked Ukraine.", "BLRMIL", "UKRMIL", "190", Date{2022, 2, 24});
  placed.reported_by = "UKRGOV";
  placed.reported_by_text = "Kyiv";
  placed.source_ref = "Belarus";
  placed.origin = {"Mazyr", "BLR", "", 52.05, 29.25, "city", {20, 25}};
  Event bare = MakeEvent(1, "Minsk said nothing.", "BLRGOV", "", "010", Date{});
  bare.location = {};
  AddResult added;
  ASSERT_TRUE(store->AddDocument(MakeDocument("fields", Story(6)), {placed, bare}, "h", &added).ok());

  EventQuery q;
  std::vector<StoredEvent> full, report;
  ASSERT_TRUE(store->QueryEvents(q, &full).ok());
  q.fields = EventFields::kReport;
  ASSERT_TRUE(store->QueryEvents(q, &report).ok());
  ASSERT_EQ(full.size(), 2u);
  ASSERT_EQ(report.size(), 2u);
  for (size_t i = 0; i < full.size(); ++i) {
    SCOPED_TRACE(i);
    const StoredEvent& a = full[i];
    const StoredEvent& b = report[i];
    EXPECT_EQ(b.id, a.id);
    EXPECT_EQ(b.document_id, a.document_id);
    EXPECT_EQ(b.duplicate, a.duplicate);
    EXPECT_EQ(b.doc_url, a.doc_url);
    EXPECT_EQ(b.doc_title, a.doc_title);
    EXPECT_EQ(b.doc_source, a.doc_source);
    EXPECT_EQ(b.doc_date, a.doc_date);
    EXPECT_EQ(b.event.sentence_index, a.event.sentence_index);
    EXPECT_EQ(b.event.sentence, a.event.sentence);
    EXPECT_EQ(b.event.date, a.event.date);
    EXPECT_EQ(b.event.date_end, a.event.date_end);
    EXPECT_EQ(b.event.date_precision, a.event.date_precision);
    EXPECT_EQ(b.event.date_text, a.event.date_text);
    EXPECT_EQ(b.event.source, a.event.source);
    EXPECT_EQ(b.event.target, a.event.target);
    EXPECT_EQ(b.event.event_code, a.event.event_code);
    EXPECT_EQ(b.event.root_code, a.event.root_code);
    EXPECT_EQ(b.event.quad_class, a.event.quad_class);
    EXPECT_EQ(b.event.goldstein, a.event.goldstein);
    EXPECT_EQ(b.event.modality, a.event.modality);
    EXPECT_EQ(b.event.reported_by, a.event.reported_by);
    EXPECT_EQ(b.event.reported_by_text, a.event.reported_by_text);
    // Where the reporter's words and the verb stand (an allegation's content, analyze::BucketOf).
    for (auto span : {&Event::sentence_span, &Event::source_span, &Event::verb_span}) {
      EXPECT_EQ((b.event.*span).begin, (a.event.*span).begin);
      EXPECT_EQ((b.event.*span).end, (a.event.*span).end);
    }
    for (auto place : {&Event::location, &Event::origin, &Event::destination}) {
      EXPECT_EQ((b.event.*place).name, (a.event.*place).name);
      EXPECT_EQ((b.event.*place).country, (a.event.*place).country);
      EXPECT_EQ((b.event.*place).latitude, (a.event.*place).latitude);
    }
    EXPECT_EQ(b.event.pattern.file, "");
    EXPECT_EQ(b.event.verb_text, "");
    EXPECT_EQ(b.event.source_ref, "");
    EXPECT_EQ(b.doc_ingested_at, "");
    EXPECT_EQ(b.dict_hash, "");
  }
  // The full read has what the report read leaves out.
  EXPECT_EQ(full[0].event.source_ref, "Belarus");
  EXPECT_EQ(full[0].event.pattern.file, "verbs.txt");
  EXPECT_FALSE(full[0].doc_ingested_at.empty());
  EXPECT_EQ(report[0].event.origin.country, "BLR");
}

// The store remembers which actor codes it has recorded; a code first seen in
// a rolled-back batch must still be recorded when it is stored again, or actor
// prefix queries would miss its events.
TEST_P(StoreBackendTest, EventsComeByDateWhenAskedAndPageWithOffset) {
  auto store = OpenStore();
  std::vector<Event> events = {
      MakeEvent(0, "Belarus troops attacked Ukraine.", "BLRMIL", "UKRMIL", "190", Date{2022, 5, 1}),
      MakeEvent(1, "Ukraine accused Belarus of aggression.", "UKRGOV", "BLRGOV", "112", Date{2022, 2, 24}),
      MakeEvent(2, "Russia met Belarus officials.", "RUSGOV", "BLRGOV", "040", Date{}),
      MakeEvent(3, "Poland condemned Belarus.", "POL", "BLR", "111", Date{2022, 3, 2}),
  };
  events[2].date_end = Date{};
  AddResult added;
  ASSERT_TRUE(store->AddDocument(MakeDocument("dated", Story(9)), events, "h", &added).ok());
  auto codes = [&](EventQuery q) {
    std::vector<StoredEvent> rows;
    Status s = store->QueryEvents(q, &rows);
    EXPECT_TRUE(s.ok()) << s.message();
    std::vector<std::string> out;
    for (const auto& r : rows) out.push_back(r.event.event_code);
    return out;
  };
  EventQuery q;
  EXPECT_THAT(codes(q), ::testing::ElementsAre("190", "112", "040", "111"));  // as stored
  q.order = EventOrder::kDate;
  EXPECT_THAT(codes(q), ::testing::ElementsAre("112", "111", "190", "040"));  // undated last
  q.order = EventOrder::kDateDescending;
  EXPECT_THAT(codes(q), ::testing::ElementsAre("190", "111", "112", "040"));
  q.order = EventOrder::kDate;
  q.limit = 2;
  q.offset = 1;
  EXPECT_THAT(codes(q), ::testing::ElementsAre("111", "190"));
  q.actor = "BLR";  // with an indexed filter too
  q.offset = 0;
  EXPECT_THAT(codes(q), ::testing::ElementsAre("112", "111"));
}

TEST_P(StoreBackendTest, ActorCodeOfRolledBackBatchIsRecordedLater) {
  auto store = OpenStore();
  const std::vector<Event> events = {
      MakeEvent(0, "Belarus troops attacked Ukraine.", "BLRMIL", "UKRMIL", "190", Date{2022, 2, 24})};
  AddResult added;
  ASSERT_TRUE(store->Begin().ok());
  ASSERT_TRUE(store->AddDocument(MakeDocument("r1", Story(11)), events, "h", &added).ok());
  ASSERT_TRUE(store->Rollback().ok());
  EXPECT_EQ(QueryText("SELECT COUNT(*) FROM actor_codes"), "0");

  ASSERT_TRUE(store->Begin().ok());
  ASSERT_TRUE(store->AddDocument(MakeDocument("r2", Story(12)), events, "h", &added).ok());
  ASSERT_TRUE(store->Commit().ok());
  EXPECT_EQ(QueryText("SELECT COUNT(*) FROM actor_codes WHERE code IN ('BLRMIL', 'UKRMIL')"), "2");
  EXPECT_EQ(QueryText("SELECT COUNT(*) FROM actor_codes"), "2");
  EventQuery q;
  q.actor = "BLR";
  std::vector<StoredEvent> rows;
  ASSERT_TRUE(store->QueryEvents(q, &rows).ok());
  EXPECT_EQ(rows.size(), 1u);
  // Committed codes are not inserted again; new ones still are.
  std::vector<Event> more = events;
  more[0].target = "UKRGOV";
  ASSERT_TRUE(store->AddDocument(MakeDocument("r3", Story(13)), more, "h", &added).ok());
  EXPECT_EQ(QueryText("SELECT COUNT(*) FROM actor_codes"), "3");
}

// A transaction's sentences reach the full-text index together, before it commits (SQLite since
// schema v7); a search or a delete inside the transaction sees them all the same.
TEST_P(StoreBackendTest, SentencesOfABatchAreIndexedBeforeSearchesDeletesAndCommit) {
  auto store = OpenStore();
  auto doc = [](const std::string& id, const std::string& word) {
    return MakeDocument(id, "Belarus troops moved. The " + word + " crossed the river. Story " + id + ".");
  };
  auto sentences = [](const std::string& word) {
    return std::vector<Sentence>{{0, {0, 21}, "Belarus troops moved."},
                                 {1, {22, 45}, "The " + word + " crossed the river."}};
  };
  auto hits = [&](const std::string& query) {
    std::vector<SentenceHit> out;
    EXPECT_TRUE(store->SearchSentences(query, 0, &out).ok());
    return out.size();
  };
  AddResult a, b, c;
  ASSERT_TRUE(store->Begin().ok());
  ASSERT_TRUE(store->AddDocument(doc("a", "zebra"), sentences("zebra"), {}, "h", &a).ok());
  ASSERT_TRUE(store->AddDocument(doc("b", "okapi"), sentences("okapi"), {}, "h", &b).ok());
  ASSERT_TRUE(store->DeleteDocument(a.document_id, "test").ok());
  ASSERT_TRUE(store->AddDocument(doc("c", "gnu"), sentences("gnu"), {}, "h", &c).ok());
  EXPECT_EQ(hits("gnu"), 1u) << "a search inside the batch sees its sentences";
  ASSERT_TRUE(store->AddDocument(doc("f", "eland"), sentences("eland"), {}, "h", &c).ok());
  ASSERT_TRUE(store->Commit().ok());
  EXPECT_EQ(hits("eland"), 1u);
  EXPECT_EQ(hits("zebra"), 0u);
  EXPECT_EQ(hits("okapi"), 1u);
  EXPECT_EQ(hits("gnu"), 1u);
  EXPECT_EQ(hits("troops"), 3u);
  if (!pg()) {
    EXPECT_EQ(ExecError("INSERT INTO sentences_fts(sentences_fts, rank) VALUES('integrity-check', 1)"), "");
  }
  // A rolled-back batch leaves nothing behind in the index.
  ASSERT_TRUE(store->Begin().ok());
  AddResult d;
  ASSERT_TRUE(store->AddDocument(doc("d", "ibex"), sentences("ibex"), {}, "h", &d).ok());
  ASSERT_TRUE(store->Rollback().ok());
  EXPECT_EQ(hits("ibex"), 0u);
  ASSERT_TRUE(store->AddDocument(doc("e", "yak"), sentences("yak"), {}, "h", &d).ok());
  EXPECT_EQ(hits("yak"), 1u);
  EXPECT_EQ(hits("troops"), 4u);
  if (!pg()) {
    EXPECT_EQ(ExecError("INSERT INTO sentences_fts(sentences_fts, rank) VALUES('integrity-check', 1)"), "");
  }
}

TEST_P(StoreBackendTest, SearchFindsSentencesWithHighlights) {
  auto store = OpenStore();
  std::vector<Sentence> sentences = {{0, {0, 20}, "Minsk hosted talks."},
                                     {1, {21, 50}, "Columns crossed the border at night."}};
  AddResult added;
  ASSERT_TRUE(store->AddDocument(MakeDocument("s", Story(8)), sentences, {}, "h", &added).ok());
  std::vector<SentenceHit> hits;
  ASSERT_TRUE(store->SearchSentences("border", 10, &hits).ok());
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].sentence.index, 1);
  EXPECT_THAT(hits[0].snippet, HasSubstr("[border]"));
  EXPECT_FALSE(store->SearchSentences("\"unbalanced", 10, &hits).ok());
}

// What the role report reads for sentences without events: every match, unranked, with its
// document's id; a phrase of two words is one name ("north korea").
TEST_P(StoreBackendTest, ForEachSentenceMatchingVisitsEveryMatchWithItsDocument) {
  auto store = OpenStore();
  std::vector<Sentence> sentences = {{0, {0, 20}, "Minsk hosted talks."},
                                     {1, {21, 60}, "Shells came from North Korea by rail."},
                                     {2, {61, 90}, "Korea and the north were quiet."}};
  AddResult added;
  ASSERT_TRUE(store->AddDocument(MakeDocument("s", Story(8)), sentences, {}, "h", &added).ok());
  std::vector<std::pair<int, std::string>> seen;
  ASSERT_TRUE(store
                  ->ForEachSentenceMatching("\"minsk\" OR \"north korea\"",
                                            [&](int64_t document_id, const Sentence& sentence) {
                                              EXPECT_EQ(document_id, added.document_id);
                                              seen.emplace_back(sentence.index, sentence.text);
                                              return true;
                                            })
                  .ok());
  std::sort(seen.begin(), seen.end());
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].second, "Minsk hosted talks.");
  EXPECT_EQ(seen[1].second, "Shells came from North Korea by rail.");
  int visits = 0;
  ASSERT_TRUE(store->ForEachSentenceMatching("\"minsk\" OR \"north korea\"", [&](int64_t, const Sentence&) {
    ++visits;
    return false;  // stop at the first
  }).ok());
  EXPECT_EQ(visits, 1);
  EXPECT_FALSE(store->ForEachSentenceMatching("\"unbalanced", [](int64_t, const Sentence&) { return true; }).ok());
}

TEST_P(StoreBackendTest, QueriesUseOnlyTheCurrentCodingAndCountTheRest) {
  auto store = OpenStore();
  auto e = MakeEvent(0, "Belarus attacked Ukraine.", "BLRMIL", "UKR", "190", Date{2022, 2, 24});
  AddResult added;
  ASSERT_TRUE(store->AddDocument(MakeDocument("old", Story(1)), {e, e}, "old-hash", &added).ok());
  ASSERT_TRUE(store->SetCurrentCoding("new-hash", "test").ok());
  ASSERT_TRUE(store->AddDocument(MakeDocument("new", Story(2)), {e}, "new-hash", &added).ok());
  std::vector<StoredEvent> rows;
  ASSERT_TRUE(store->QueryEvents({}, &rows).ok());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].dict_hash, "new-hash");
  int64_t hidden = 0;
  ASSERT_TRUE(store->CountHiddenEvents(&hidden).ok());
  EXPECT_EQ(hidden, 2);
  std::string current;
  ASSERT_TRUE(store->CurrentCoding(&current).ok());
  EXPECT_EQ(current, "new-hash");
}

TEST_P(StoreBackendTest, ReplaceEventsReportsAddedRemovedChanged) {
  auto store = OpenStore();
  auto a = MakeEvent(0, "Belarus attacked Ukraine.", "BLRMIL", "UKR", "190", Date{2022, 2, 24});
  auto b = MakeEvent(1, "Russia threatened Poland.", "RUS", "POL", "130", Date{2022, 2, 25});
  auto c = MakeEvent(2, "Minsk hosted talks.", "BLRGOV", "UKRGOV", "043", Date{2022, 2, 28});
  AddResult added;
  ASSERT_TRUE(store->AddDocument(MakeDocument("r", Story(3)), {a, b}, "v1", &added).ok());
  auto b2 = b;
  b2.event_code = "138";
  RecodeDelta delta;
  ASSERT_TRUE(store->SetCurrentCoding("v2", "").ok());
  ASSERT_TRUE(store->ReplaceEvents(added.document_id, {b2, c}, "v2", &delta).ok());
  EXPECT_EQ(delta.added, 1);
  EXPECT_EQ(delta.removed, 1);
  EXPECT_EQ(delta.changed, 1);
  EXPECT_EQ(delta.unchanged, 0);
  std::vector<StoredEvent> rows;
  ASSERT_TRUE(store->QueryEvents({}, &rows).ok());
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].event.event_code, "138");
  int64_t hidden = -1;
  ASSERT_TRUE(store->CountHiddenEvents(&hidden).ok());
  EXPECT_EQ(hidden, 0);
  ASSERT_TRUE(store->ReplaceEvents(added.document_id, {b2, c}, "v2", &delta).ok());
  EXPECT_EQ(delta.unchanged, 2);
  EXPECT_EQ(delta.added + delta.removed + delta.changed, 0);
}

TEST_P(StoreBackendTest, DeleteRemovesDocumentAndIsAudited) {
  auto store = OpenStore();
  auto e = MakeEvent(0, "Belarus attacked Ukraine.", "BLRMIL", "UKR", "190", Date{2022, 2, 24});
  AddResult added;
  ASSERT_TRUE(store->AddDocument(MakeDocument("del", Story(1)), {e}, "h", &added).ok());
  ASSERT_TRUE(store->DeleteDocument(added.document_id, "takedown request").ok());
  Stats stats;
  ASSERT_TRUE(store->GetStats(&stats).ok());
  EXPECT_EQ(stats.documents, 0);
  EXPECT_EQ(stats.events, 0);
  EXPECT_EQ(stats.sentences, 0);
  std::vector<SentenceHit> hits;
  ASSERT_TRUE(store->SearchSentences("attacked", 10, &hits).ok());
  EXPECT_TRUE(hits.empty());
  std::vector<AuditEntry> audit;
  ASSERT_TRUE(store->ReadAudit(&audit).ok());
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit.back().action, "delete");
  EXPECT_THAT(audit.back().parameters, HasSubstr("takedown request"));
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

TEST_F(StoreTest, ActorFilterWithDateUsesIndexes) {
  auto store = OpenStore();
  std::vector<Event> events;
  for (const char* code : {"BLR", "BLRMIL", "BLRGOV", "UKR", "RUSMIL"})
    events.push_back(MakeEvent(0, "Belarus attacked Ukraine.", code, "UKR", "190", Date{2022, 2, 24}));
  AddResult added;
  ASSERT_TRUE(store->AddDocument(MakeDocument("plan", Story(1)), events, "h", &added).ok());
  EventQuery q;
  q.actor = "BLR";
  q.from = Date{2022, 1, 1};
  q.to = Date{2022, 12, 31};
  std::string plan;
  ASSERT_TRUE(store->ExplainQuery(q, &plan).ok());
  EXPECT_THAT(plan, HasSubstr("INDEX events_source"));
  EXPECT_THAT(plan, HasSubstr("INDEX events_target")) << plan;
  EXPECT_THAT(plan, Not(HasSubstr("INDEX events_day"))) << plan;
  EXPECT_THAT(plan, Not(HasSubstr("SCAN e\n")));
  q = {};
  q.source = "BLR";
  q.from = Date{2022, 1, 1};
  ASSERT_TRUE(store->ExplainQuery(q, &plan).ok());
  EXPECT_THAT(plan, HasSubstr("INDEX events_source"));
  q = {};
  q.from = Date{2022, 1, 1};
  q.to = Date{2022, 2, 1};
  ASSERT_TRUE(store->ExplainQuery(q, &plan).ok());
  EXPECT_THAT(plan, HasSubstr("INDEX events_day"));
}

TEST_F(StoreTest, RefusesNewerSchemaWithClearMessage) {
  { auto store = OpenStore(); }
  ExecOk("PRAGMA user_version = 99");
  std::unique_ptr<Store> store;
  Status s = Store::Open(path_, {}, &store);
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("schema version 99 is newer"));
}

TEST_F(StoreTest, RefusesForeignDatabase) {
  ExecOk("CREATE TABLE t(x)");
  std::unique_ptr<Store> store;
  Status s = Store::Open(path_, {}, &store);
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("not a dyad database"));
  std::FILE* f = std::fopen((dir_ + "/garbage.db").c_str(), "w");
  std::fputs("this is not sqlite at all, not even a little bit; padding padding padding", f);
  std::fclose(f);
  s = Store::Open(dir_ + "/garbage.db", {}, &store);
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("garbage.db"));
}

TEST_F(StoreTest, MigratesOlderSchemaAfterBackup) {
  {
    OpenOptions old;
    old.schema_version_for_testing = 1;
    std::unique_ptr<Store> store;
    ASSERT_TRUE(Store::Open(path_, old, &store).ok());
  }
  EXPECT_EQ(QueryText("PRAGMA user_version"), "1");
  ExecOk(
      "INSERT INTO documents(input_id, sha256, source, url, title, language, pub_date, format, "
      "origin, text, ingested_at, tool_version) VALUES('v1doc', 'abc', '', '', '', '', '', "
      "'text', '', 'old text', '2020-01-01', 'dyad 0.0.1')");
  std::unique_ptr<Store> store;
  Status s = Store::Open(path_, {}, &store);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(QueryText("PRAGMA user_version"), std::to_string(kSchemaVersion));
  EXPECT_EQ(QueryText("SELECT COUNT(*) FROM failures"), "0");  // v2 table exists
  StoredDocument doc;
  ASSERT_TRUE(store->FindDocument("v1doc", &doc).ok());
  EXPECT_EQ(doc.document.text, "old text");
  ASSERT_TRUE(std::filesystem::exists(path_ + ".bak-v1"));
  EXPECT_EQ(QueryText("PRAGMA user_version", path_ + ".bak-v1"), "1");
  EXPECT_EQ(QueryText("SELECT input_id FROM documents", path_ + ".bak-v1"), "v1doc");
}

// A PDF's pages: where each begins is stored with the document, each event keeps its page (in
// every query, the reports' too), and a search hit says its sentence's page.
TEST_P(StoreBackendTest, KeepsPagesOfDocumentsAndEvents) {
  auto store = OpenStore();
  Document doc = MakeDocument("report", Story(7));
  doc.format = InputFormat::kPdf;
  doc.page_starts = {0, 120, 260};
  std::vector<Event> events = {MakeEvent(0, "Belarus troops moved toward the border.", "BLRMIL", "UKR", "190",
                                         Date{2022, 2, 24}),
                               MakeEvent(3, "The army crossed.", "BLRMIL", "UKR", "190", Date{2022, 2, 24})};
  events[0].page = 1;
  events[1].page = 3;
  AddResult added;
  ASSERT_TRUE(store->AddDocument(doc, events, "hash1", &added).ok());
  StoredDocument stored;
  ASSERT_TRUE(store->GetDocument(added.document_id, &stored).ok());
  EXPECT_EQ(stored.document.page_starts, doc.page_starts);
  EXPECT_EQ(stored.document.format, InputFormat::kPdf);
  std::vector<StoredEvent> rows;
  ASSERT_TRUE(store->QueryEvents({}, &rows).ok());
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].event.page, 1);
  EXPECT_EQ(rows[1].event.page, 3);
  EventQuery report;
  report.fields = EventFields::kReport;
  ASSERT_TRUE(store->QueryEvents(report, &rows).ok());
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].event.page, 1);
  EXPECT_EQ(rows[1].event.page, 3);
  std::vector<SentenceHit> hits;
  ASSERT_TRUE(store->SearchSentences("crossed", 10, &hits).ok());
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].page, 3);  // sentence 3 begins at 300, on the page starting at 260
  EXPECT_EQ(hits[0].doc_name, "Title of report");
  EXPECT_EQ(hits[0].doc_source, "Wire");
  // A document without pages stores none.
  Document plain = MakeDocument("plain", Story(8));
  ASSERT_TRUE(store->AddDocument(plain, {}, "hash1", &added).ok());
  ASSERT_TRUE(store->GetDocument(added.document_id, &stored).ok());
  EXPECT_TRUE(stored.document.page_starts.empty());
}

TEST_F(StoreTest, BusyWriterFailsWithClearMessage) {
  { auto store = OpenStore(); }
  sqlite3* holder = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &holder), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(holder, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  OpenOptions options;
  options.busy_timeout_ms = 100;
  std::unique_ptr<Store> store;
  ASSERT_TRUE(Store::Open(path_, options, &store).ok());
  AddResult added;
  Status s = store->AddDocument(MakeDocument("busy", Story(1)), {}, "h", &added);
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("database is busy"));
  sqlite3_exec(holder, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(holder);
  s = store->AddDocument(MakeDocument("busy", Story(1)), {}, "h", &added);
  EXPECT_TRUE(s.ok()) << s.message();
}

TEST_F(StoreTest, ReadOnlyOpenOfMissingFileFails) {
  OpenOptions options;
  options.read_only = true;
  std::unique_ptr<Store> store;
  Status s = Store::Open(dir_ + "/missing.db", options, &store);
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("no such database"));
}

// The server's time limit: a query past its deadline is interrupted, says so,
// and the connection works again once the deadline is lifted.
TEST_F(StoreTest, QueryPastItsDeadlineIsInterrupted) {
  auto store = OpenStore();
  ASSERT_TRUE(store->Begin().ok());
  for (int i = 0; i < 3000; ++i) {
    AddResult added;
    ASSERT_TRUE(store->AddDocument(MakeDocument("d" + std::to_string(i), Story(i)), {}, "h", &added).ok());
  }
  ASSERT_TRUE(store->Commit().ok());
  store->SetDeadline(std::chrono::steady_clock::now() - std::chrono::seconds(1));
  std::vector<int64_t> ids;
  EXPECT_FALSE(store->ListDocumentIds(&ids).ok());
  EXPECT_TRUE(store->interrupted());
  store->SetDeadline(std::chrono::steady_clock::time_point::max());
  EXPECT_FALSE(store->interrupted());
  ASSERT_TRUE(store->ListDocumentIds(&ids).ok());
  EXPECT_EQ(ids.size(), 3000u);
}

}  // namespace
}  // namespace dyad::store
