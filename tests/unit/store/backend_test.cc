// The store on both backends: every TEST_P(StoreBackendTest, ...) of this binary runs on
// SQLite and on PostgreSQL (docs/store.md). Here: what only a server has (concurrent writers,
// connection errors, schema versions in dyad_schema), the same results for the same data on
// both, and the translation of full-text queries.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "backend_fixture.h"
#include "store/copy.h"
#include "store/ingest.h"
#include "store/pg/fts_query.h"
#include "test_util.h"

namespace dyad::store {
namespace {

DYAD_ON_BOTH_BACKENDS(StoreBackendTest);

using ::testing::HasSubstr;
using ::testing::Not;

std::vector<Event> SomeEvents() {
  std::vector<Event> events = {
      MakeEvent(0, "Belarus troops attacked Ukraine.", "BLRMIL", "UKRMIL", "190", Date{2022, 2, 24}),
      MakeEvent(1, "Ukraine accused Belarus of aggression.", "UKRGOV", "BLRGOV", "112", Date{2022, 3, 2}),
      MakeEvent(2, "Russia met Belarusian officials in Minsk.", "RUSGOV", "BLRGOV", "040", Date{2022, 5, 1}),
      MakeEvent(3, "Poland did not attack Russia.", "POL", "RUS", "190", Date{2022, 6, 1}),
  };
  events[3].modality = Modality::kNegated;
  events[2].reported_by = "UKRGOV";
  events[1].goldstein = 2.8;
  return events;
}

// Readers never see part of a document: its row, sentences and events arrive together.
TEST_P(StoreBackendTest, NoPartOfADocumentIsVisibleBeforeItsTransactionCommits) {
  auto writer = OpenStore();
  auto reader = OpenStore();
  ASSERT_TRUE(writer->Begin().ok());
  AddResult added;
  ASSERT_TRUE(writer->AddDocument(MakeDocument("a", Story(1)), SomeEvents(), "h", &added).ok());
  Stats stats;
  ASSERT_TRUE(reader->GetStats(&stats).ok());
  EXPECT_EQ(stats.documents, 0);
  EXPECT_EQ(stats.sentences, 0);
  EXPECT_EQ(stats.events, 0);
  ASSERT_TRUE(writer->Commit().ok());
  ASSERT_TRUE(reader->GetStats(&stats).ok());
  EXPECT_EQ(stats.documents, 1);
  EXPECT_EQ(stats.sentences, 4);
  EXPECT_EQ(stats.events, 4);
}

// GetStats answers from its last count while nothing was written (SQLite: `dyad serve` asks it
// often and each count scans an index); every write, by this connection or another, committed or
// rolled back, shows in the next answer.
TEST_P(StoreBackendTest, StatsFollowEveryWriteOfEitherConnection) {
  auto store = OpenStore();
  auto other = OpenStore();
  Stats stats;
  ASSERT_TRUE(store->GetStats(&stats).ok());
  EXPECT_EQ(stats.documents, 0);
  AddResult added;
  ASSERT_TRUE(store->AddDocument(MakeDocument("a", Story(1)), SomeEvents(), "h", &added).ok());
  const int64_t first = added.document_id;
  ASSERT_TRUE(store->GetStats(&stats).ok());
  EXPECT_EQ(stats.documents, 1) << "this connection's own write";
  EXPECT_EQ(stats.events, 4);
  ASSERT_TRUE(other->AddFailure("b.txt", "00", "unreadable").ok());
  ASSERT_TRUE(store->GetStats(&stats).ok());
  EXPECT_EQ(stats.failures, 1) << "another connection's write";
  ASSERT_TRUE(store->Begin().ok());
  ASSERT_TRUE(store->AddDocument(MakeDocument("c", Story(2)), SomeEvents(), "h", &added).ok());
  ASSERT_TRUE(store->GetStats(&stats).ok());
  EXPECT_EQ(stats.documents, 2) << "inside its own transaction";
  ASSERT_TRUE(store->Rollback().ok());
  ASSERT_TRUE(store->GetStats(&stats).ok());
  EXPECT_EQ(stats.documents, 1) << "after the rollback";
  ASSERT_TRUE(other->DeleteDocument(first, "test").ok());
  ASSERT_TRUE(store->GetStats(&stats).ok());
  EXPECT_EQ(stats.documents, 0) << "after another connection's delete";
  EXPECT_EQ(stats.events, 0);
}

TEST_P(StoreBackendTest, ReadsBackInsideItsOwnBatch) {
  auto store = OpenStore();
  ASSERT_TRUE(store->Begin().ok());
  AddResult added;
  ASSERT_TRUE(store->AddDocument(MakeDocument("a", Story(1)), SomeEvents(), "h", &added).ok());
  std::vector<StoredEvent> rows;
  ASSERT_TRUE(store->QueryEvents({}, &rows).ok());
  EXPECT_EQ(rows.size(), 4u);
  std::vector<Sentence> sentences;
  ASSERT_TRUE(store->GetSentences(added.document_id, &sentences).ok());
  EXPECT_EQ(sentences.size(), 4u);
  ASSERT_TRUE(store->Rollback().ok());
  ASSERT_TRUE(store->QueryEvents({}, &rows).ok());
  EXPECT_TRUE(rows.empty());
}

TEST_P(StoreBackendTest, FullTextQueriesTakeTheSameSyntaxOnBothBackends) {
  auto store = OpenStore();
  AddResult added;
  ASSERT_TRUE(store->AddDocument(MakeDocument("a", Story(1)), SomeEvents(), "h", &added).ok());
  auto sentences = [&](const std::string& query) {
    std::vector<SentenceHit> hits;
    Status s = store->SearchSentences(query, 0, &hits);
    EXPECT_TRUE(s.ok()) << query << ": " << s.message();
    std::vector<int> out;
    for (const auto& h : hits) out.push_back(h.sentence.index);
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_THAT(sentences("belarus"), ::testing::ElementsAre(0, 1));
  EXPECT_THAT(sentences("Belarus OR Minsk"), ::testing::ElementsAre(0, 1, 2));
  EXPECT_THAT(sentences("Belarus*"), ::testing::ElementsAre(0, 1, 2));
  EXPECT_THAT(sentences("\"troops attacked\""), ::testing::ElementsAre(0));
  EXPECT_THAT(sentences("\"attacked troops\""), ::testing::ElementsAre());
  EXPECT_THAT(sentences("belarus NOT troops"), ::testing::ElementsAre(1));
  EXPECT_THAT(sentences("(russia OR poland) AND attack"), ::testing::ElementsAre(3));
  std::vector<SentenceHit> hits;
  EXPECT_FALSE(store->SearchSentences("\"unbalanced", 10, &hits).ok());
  EXPECT_FALSE(store->SearchSentences("belarus AND", 10, &hits).ok());
}

// Doubles and places come back exactly as stored.
TEST_P(StoreBackendTest, EventsComeBackWhole) {
  auto store = OpenStore();
  std::vector<Event> events = SomeEvents();
  events[0].origin.name = "Luninets";
  events[0].origin.country = "BLR";
  events[0].origin.latitude = 52.2472;
  events[0].goldstein = 0.1 + 0.2;
  AddResult added;
  ASSERT_TRUE(store->AddDocument(MakeDocument("a", Story(1)), events, "h", &added).ok());
  std::vector<StoredEvent> rows;
  ASSERT_TRUE(store->QueryEvents({}, &rows).ok());
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].event.goldstein, 0.1 + 0.2);
  EXPECT_EQ(rows[1].event.goldstein, 2.8);
  EXPECT_EQ(rows[0].event.origin.latitude, 52.2472);
  EXPECT_EQ(rows[0].event.origin.country, "BLR");
  EXPECT_EQ(rows[2].event.reported_by, "UKRGOV");
  EXPECT_EQ(rows[3].event.modality, Modality::kNegated);
  EXPECT_EQ(rows[0].doc_sha256, Sha256Hex(Story(1)));
}

// A query of more rows than a page (PostgreSQL reads 2,000 at a time from a cursor, asking for
// the next page while the caller reads this one) gives every row once, in id order; a caller that
// stops in the middle of a page leaves the store ready for the next query.
TEST_P(StoreBackendTest, StreamedEventsComeInOrderAndStopWhereTheCallerStops) {
  auto store = OpenStore();
  const std::string story = Story(1);
  std::vector<Event> events;
  for (int i = 0; i < 4500; ++i)
    events.push_back(MakeEvent(i % 30, "", i % 2 ? "BLRGOV" : "RUSMIL", "UKR", "190", Date{2022, 3, 1 + i % 28}));
  AddResult added;
  ASSERT_TRUE(store->AddDocument(MakeDocument("a", story), events, "h", &added).ok());
  std::vector<int64_t> ids;
  ASSERT_TRUE(store->ForEachEvent({}, [&](const StoredEvent& e) {
    ids.push_back(e.id);
    return true;
  }).ok());
  ASSERT_EQ(ids.size(), 4500u);
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
  EXPECT_EQ(std::adjacent_find(ids.begin(), ids.end()), ids.end()) << "an event read twice";
  size_t seen = 0;
  ASSERT_TRUE(store->ForEachEvent({}, [&](const StoredEvent&) { return ++seen < 2500; }).ok());
  EXPECT_EQ(seen, 2500u);
  std::vector<StoredEvent> rows;
  ASSERT_TRUE(store->QueryEvents({}, &rows).ok()) << "the store after a stopped query";
  EXPECT_EQ(rows.size(), 4500u);
}

// The same documents and events give the same answers on SQLite and PostgreSQL.
TEST(StoreBackendsTest, SameDataGivesTheSameResults) {
  if (TestPgUrl().empty()) GTEST_SKIP() << kNoPgServer;
  char tmpl[] = "/tmp/dyad_same_test.XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  const std::string dir = tmpl;
  const std::string pg_url = CreateTestPgDatabase(TestPgUrl());
  std::unique_ptr<Store> sqlite, pg;
  ASSERT_TRUE(Store::Open(dir + "/same.db", {}, &sqlite).ok());
  Status opened = Store::Open(pg_url, {}, &pg);
  ASSERT_TRUE(opened.ok()) << opened.message();
  for (Store* store : {sqlite.get(), pg.get()}) {
    ASSERT_TRUE(store->Begin().ok());
    for (int d = 0; d < 20; ++d) {
      std::vector<Event> events = SomeEvents();
      for (Event& e : events) e.date = e.date_end = Date::FromDays(Date{2022, 1, 1}.ToDays() + d * 9);
      std::string text = Story(static_cast<uint64_t>(d % 15));  // 5 exact duplicates
      AddResult added;
      ASSERT_TRUE(store->AddDocument(MakeDocument("doc" + std::to_string(d), text), events, "h", &added).ok());
    }
    ASSERT_TRUE(store->Commit().ok());
  }
  auto rows_of = [](Store* store, const EventQuery& q) {
    std::vector<StoredEvent> rows;
    Status s = store->QueryEvents(q, &rows);
    EXPECT_TRUE(s.ok()) << s.message();
    std::vector<std::string> out;
    for (const StoredEvent& r : rows)
      out.push_back(std::to_string(r.id) + " d" + std::to_string(r.document_id) + " " + r.event.source + " " +
                    r.event.target + " " + r.event.event_code + " " + r.event.date.ToIso() + " " +
                    r.event.sentence + " " + r.doc_sha256 + " " + r.event.location.name);
    return out;
  };
  std::vector<EventQuery> queries(9);
  queries[1].actor = "BLR";
  queries[1].from = Date{2022, 2, 1};
  queries[1].to = Date{2022, 4, 1};
  queries[2].code = "19";
  queries[3].text = "belarus OR poland";
  queries[4].involving = "BLR";
  queries[4].involving_words = {"Belarusian"};
  queries[5].limit = 7;
  queries[5].after_id = 10;
  queries[6].modality = Modality::kNegated;
  queries[7].target = "BLRGOV";
  queries[7].reported = true;
  queries[8].include_duplicates = true;
  for (size_t i = 0; i < queries.size(); ++i) {
    auto expected = rows_of(sqlite.get(), queries[i]);
    EXPECT_FALSE(expected.empty()) << "query " << i;
    EXPECT_EQ(rows_of(pg.get(), queries[i]), expected) << "query " << i;
  }
  Stats a, b;
  ASSERT_TRUE(sqlite->GetStats(&a).ok());
  ASSERT_TRUE(pg->GetStats(&b).ok());
  EXPECT_EQ(a.documents, b.documents);
  EXPECT_EQ(a.sentences, b.sentences);
  EXPECT_EQ(a.events, b.events);
  EXPECT_EQ(a.near_duplicates, b.near_duplicates);
  EXPECT_EQ(a.schema_version, b.schema_version);
  std::vector<SentenceHit> ha, hb;
  ASSERT_TRUE(sqlite->SearchSentences("aggression", 0, &ha).ok());
  ASSERT_TRUE(pg->SearchSentences("aggression", 0, &hb).ok());
  EXPECT_EQ(ha.size(), hb.size());
  pg.reset();
  DropTestPgDatabase(TestPgUrl(), pg_url);
  std::filesystem::remove_all(dir);
}

// `dyad migrate`: SQLite -> PostgreSQL -> SQLite loses nothing: every table's rows and
// SHA-256 agree, and the derived indexes (full text, countries) answer as before.
TEST(StoreBackendsTest, CopyToPostgresqlAndBackLosesNothing) {
  if (TestPgUrl().empty()) GTEST_SKIP() << kNoPgServer;
  char tmpl[] = "/tmp/dyad_copy_test.XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  const std::string dir = tmpl;
  const std::string pg_url = CreateTestPgDatabase(TestPgUrl());
  std::unique_ptr<Store> first, pg, back;
  ASSERT_TRUE(Store::Open(dir + "/first.db", {}, &first).ok());
  std::vector<Event> events = SomeEvents();
  events[0].goldstein = 0.1 + 0.2;
  events[1].origin.country = "BLR";
  events[2].page = 2;  // a PDF's pages (schema v6) are copied too
  Document paged = MakeDocument("a", Story(1));
  paged.format = InputFormat::kPdf;
  paged.page_starts = {0, 500};
  AddResult added;
  ASSERT_TRUE(first->AddDocument(paged, events, "old", &added).ok());
  ASSERT_TRUE(first->SetCurrentCoding("new", "the new dictionaries").ok());
  ASSERT_TRUE(first->AddDocument(MakeDocument("b", Story(2)), events, "new", &added).ok());
  ASSERT_TRUE(first->AddDocument(MakeDocument("b2", Story(2) + " Reporting by the wire."), events, "new", &added).ok());
  ASSERT_EQ(added.outcome, AddOutcome::kNearDuplicate);
  ASSERT_TRUE(first->AddFailure("bad.txt", "", "invalid UTF-8").ok());
  ASSERT_TRUE(first->Audit("test", R"({"x":1})").ok());
  std::vector<StoredEvent> current_events;
  ASSERT_TRUE(first->QueryEvents({}, &current_events).ok());
  ASSERT_FALSE(current_events.empty());
  Review correction;
  correction.reviewer = "ana";
  correction.state = ReviewState::kCorrected;
  correction.source = "RUSMIL";
  correction.note = "the wire names Russia";
  ASSERT_TRUE(first->AddReview(current_events[0].id, correction, &correction).ok());
  ASSERT_TRUE(Store::Open(pg_url, {}, &pg).ok());
  ASSERT_TRUE(Store::Open(dir + "/back.db", {}, &back).ok());
  Status s = CopyStore(first.get(), pg.get());
  ASSERT_TRUE(s.ok()) << s.message();
  s = CopyStore(pg.get(), back.get());
  ASSERT_TRUE(s.ok()) << s.message();
  std::vector<TableDigest> a, b, c;
  ASSERT_TRUE(DigestStore(first.get(), &a).ok());
  ASSERT_TRUE(DigestStore(pg.get(), &b).ok());
  ASSERT_TRUE(DigestStore(back.get(), &c).ok());
  EXPECT_EQ(CompareDigests(a, b, "first", "pg"), "");
  EXPECT_EQ(CompareDigests(a, c, "first", "back"), "");
  ASSERT_EQ(a.size(), 10u);
  EXPECT_EQ(a[2].table, "documents");
  EXPECT_EQ(a[2].rows, 3);
  EXPECT_EQ(a[5].table, "events");
  EXPECT_EQ(a[5].rows, 12);
  EXPECT_EQ(a[6].table, "reviews");
  EXPECT_EQ(a[6].rows, 1);
  // event_countries is not copied: each side writes the rows of the events it is given.
  auto sqlite_countries = [](const std::string& path) {
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_stmt* st = nullptr;
    std::string out = "error";
    if (sqlite3_prepare_v2(db,
                           "SELECT group_concat(country || ':' || event, ' ') FROM "
                           "(SELECT country, event FROM event_countries ORDER BY country, event)",
                           -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
      out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
  };
  const std::string countries = sqlite_countries(dir + "/first.db");
  EXPECT_THAT(countries, HasSubstr("BLR:2 "));  // events[1]'s origin
  EXPECT_EQ(sqlite_countries(dir + "/back.db"), countries);
  {
    pqxx::connection c(pg_url);
    pqxx::nontransaction n(c);
    EXPECT_EQ(n.exec("SELECT string_agg(country || ':' || event, ' ' ORDER BY country COLLATE \"C\", event) "
                     "FROM event_countries")[0][0].c_str(),
              countries);
  }
  for (Store* store : {pg.get(), back.get()}) {
    std::vector<StoredEvent> rows;
    EventQuery reviewed;
    reviewed.review = ReviewFilter::kAccepted;
    ASSERT_TRUE(store->QueryEvents(reviewed, &rows).ok());
    ASSERT_EQ(rows.size(), 1u) << store->path();
    EXPECT_EQ(rows[0].event.source, "RUSMIL");
    EXPECT_EQ(rows[0].review.note, "the wire names Russia");
    StoredDocument copied;
    ASSERT_TRUE(store->GetDocument(1, &copied).ok());
    EXPECT_EQ(copied.document.page_starts, paged.page_starts) << store->path();
    EventQuery with_duplicates;
    with_duplicates.include_duplicates = true;
    ASSERT_TRUE(store->QueryEvents(with_duplicates, &rows).ok());
    EXPECT_EQ(std::count_if(rows.begin(), rows.end(), [](const StoredEvent& e) { return e.event.page == 2; }), 2)
        << store->path();  // the current coding's events[2]: documents b and b2
    EventQuery q;
    q.involving = "BLR";
    q.text = "aggression";
    ASSERT_TRUE(store->QueryEvents(q, &rows).ok());
    EXPECT_EQ(rows.size(), 1u) << store->path();
    std::string current;
    ASSERT_TRUE(store->CurrentCoding(&current).ok());
    EXPECT_EQ(current, "new");
    // New rows get new ids after the copied ones.
    ASSERT_TRUE(store->AddDocument(MakeDocument("c", Story(3)), events, "new", &added).ok());
    EXPECT_EQ(added.document_id, 4);
  }
  // Into a store that is not empty: refused.
  s = CopyStore(first.get(), pg.get());
  EXPECT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("not empty"));
  pg.reset();
  DropTestPgDatabase(TestPgUrl(), pg_url);
  std::filesystem::remove_all(dir);
}

// ---------------------------------------------------------------- PostgreSQL only

class PgStoreTest : public StoreBackendTest {
 protected:
  void SetUp() override { StoreBackendTest::SetUp(); }
};
INSTANTIATE_TEST_SUITE_P(Backends, PgStoreTest, ::testing::Values("postgresql"), BackendName);

TEST_P(PgStoreTest, TwoWritersAddingTheSameDocumentsStoreEachOnce) {
  { auto store = OpenStore(); }
  std::vector<Document> docs;
  for (int i = 0; i < 300; ++i) docs.push_back(MakeDocument("same-" + std::to_string(i), Story(7000 + i, 12)));
  std::vector<pid_t> children;
  for (int p = 0; p < 2; ++p) {
    children.push_back(ForkWriter([&](Store& store) {
      for (size_t start = 0; start < docs.size(); start += 10) {  // batches of 10
        if (!store.Begin().ok()) return 3;
        for (size_t i = start; i < std::min(docs.size(), start + 10); ++i) {
          AddResult added;
          std::vector<Event> events = {MakeEvent(0, "Belarus attacked Ukraine.", "BLRMIL", "UKR", "190", Date{2022, 3, 1})};
          if (!store.AddDocument(docs[i], events, "h", &added).ok()) return 4;
        }
        if (!store.Commit().ok()) return 5;
      }
      return 0;
    }));
  }
  ExpectExitedZero(children);
  ExpectEachDocumentOnce(300);
  EXPECT_EQ(QueryText("SELECT COUNT(*) FROM events"), "300");
}

// Two writers adding the same new documents in opposite orders, both transactions open: each
// waits for a document the other holds. The server aborts one (40P01): that writer gets
// kAborted (a conflict: run the transaction again), never a failure of the store; once it has
// rolled back, the other commits, and running the aborted batch again finds both documents stored.
TEST_P(PgStoreTest, AWriterThatDeadlocksIsAbortedAndCanRunItsBatchAgain) {
  auto a = OpenStore();
  ASSERT_TRUE(a->SetCurrentCoding("h", "").ok());  // committed: neither writer waits on a new coding row
  auto b = OpenStore();
  const Document x = MakeDocument("x", Story(41, 12)), y = MakeDocument("y", Story(42, 12));
  auto add = [](Store* store, const Document& d) {
    AddResult added;
    std::vector<Event> events = {MakeEvent(0, "Belarus attacked Ukraine.", "BLRMIL", "UKR", "190", Date{2022, 3, 1})};
    return store->AddDocument(d, events, "h", &added);
  };
  ASSERT_TRUE(a->Begin().ok());
  ASSERT_TRUE(add(a.get(), x).ok());
  ASSERT_TRUE(b->Begin().ok());
  ASSERT_TRUE(add(b.get(), y).ok());
  Status sa, sb;
  std::thread first([&] {
    sa = add(a.get(), y);  // waits for b's y
    if (!sa.ok()) (void)a->Rollback();
  });
  sb = add(b.get(), x);  // waits for a's x: a deadlock
  if (!sb.ok()) (void)b->Rollback();
  first.join();
  ASSERT_NE(sa.ok(), sb.ok()) << sa.message() << " / " << sb.message();
  Store* winner = sa.ok() ? a.get() : b.get();
  Store* loser = sa.ok() ? b.get() : a.get();
  const Status& lost = sa.ok() ? sb : sa;
  EXPECT_EQ(lost.code(), StatusCode::kAborted) << lost.message();
  EXPECT_THAT(lost.message(), HasSubstr("deadlock"));
  EXPECT_EQ(lost.message().find('\n'), std::string::npos);
  ASSERT_TRUE(winner->Commit().ok());
  ASSERT_TRUE(loser->Begin().ok());
  AddResult again;
  ASSERT_TRUE(loser->AddDocument(y, {}, "h", &again).ok());
  EXPECT_EQ(again.outcome, AddOutcome::kDuplicate);
  ASSERT_TRUE(loser->AddDocument(x, {}, "h", &again).ok());
  EXPECT_EQ(again.outcome, AddOutcome::kDuplicate);
  ASSERT_TRUE(loser->Commit().ok());
  EXPECT_EQ(QueryText("SELECT COUNT(*) FROM documents"), "2");
  EXPECT_EQ(QueryText("SELECT COUNT(*) FROM events"), "2");
}

TEST_P(PgStoreTest, OldSchemaIsMigratedOnWriteAndRefusedOnReadNamingTheCommand) {
  OpenOptions old;
  old.schema_version_for_testing = 3;
  { auto store = OpenStore(old); }
  EXPECT_EQ(QueryText("SELECT version FROM dyad_schema"), "3");
  OpenOptions read_only;
  read_only.read_only = true;
  std::unique_ptr<Store> store;
  Status s = Store::Open(path_, read_only, &store);
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr(path_ + ": schema version 3 is older than this dyad's " +
                                        std::to_string(kSchemaVersion)));
  EXPECT_THAT(s.message(), HasSubstr("dyad migrate --to " + path_));
  EXPECT_EQ(s.message().find('\n'), std::string::npos);
  store = OpenStore();  // writable: migrated
  EXPECT_EQ(QueryText("SELECT version FROM dyad_schema"), std::to_string(kSchemaVersion));
  EXPECT_EQ(QueryText("SELECT COUNT(*) FROM event_countries"), "0");
}

TEST_P(PgStoreTest, RefusesNewerSchemaAndForeignDatabases) {
  { auto store = OpenStore(); }
  ExecOk("UPDATE dyad_schema SET version = 99");
  std::unique_ptr<Store> store;
  Status s = Store::Open(path_, {}, &store);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message(), path_ + ": schema version 99 is newer than this dyad supports (" +
                             std::to_string(kSchemaVersion) + "); use a newer dyad");
  ResetStore();
  ExecOk("CREATE TABLE t(x INTEGER)");
  s = Store::Open(path_, {}, &store);
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("not a dyad database"));
}

TEST(PgConnectTest, UnreachableServerSaysWhichAndWhatToDo) {
  std::unique_ptr<Store> store;
  // Port 1 on loopback: nothing listens there.
  Status s = Store::Open("postgresql://ana:secret@127.0.0.1:1/dyad", {}, &store);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kUnavailable);
  EXPECT_THAT(s.message(), HasSubstr("postgresql://ana@127.0.0.1:1/dyad: cannot reach the PostgreSQL server"));
  EXPECT_THAT(s.message(), HasSubstr("check that it is running"));
  EXPECT_THAT(s.message(), Not(HasSubstr("secret")));
  EXPECT_EQ(s.message().find('\n'), std::string::npos) << s.message();
}

TEST(PgConnectTest, WrongCredentialsSayWhichServerAndWhatToCheck) {
  if (TestPgUrl().empty()) GTEST_SKIP() << kNoPgServer;
  // scripts/pg_test_server.sh makes the role dyad_password, which must give a password.
  std::string url = TestPgUrl();
  url = url.substr(0, url.find("user=")) + "user=dyad_password&password=wrong-secret";
  std::unique_ptr<Store> store;
  Status s = Store::Open(url, {}, &store);
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr(RedactedLocation(url) + ": the server refused the credentials"));
  EXPECT_THAT(s.message(), HasSubstr("password authentication failed"));
  EXPECT_THAT(s.message(), HasSubstr("check the user name and password"));
  EXPECT_THAT(s.message(), Not(HasSubstr("wrong-secret")));
  EXPECT_EQ(s.message().find('\n'), std::string::npos) << s.message();
  // A database that does not exist.
  s = Store::Open(PgUrlWithDatabase(TestPgUrl(), "no_such_database"), {}, &store);
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("database \"no_such_database\" does not exist; create it first"));
}

TEST(PgLocationTest, PasswordsAreLeftOutOfMessages) {
  EXPECT_EQ(RedactedLocation("postgresql://ana:pw@db.example.org:5433/dyad"),
            "postgresql://ana@db.example.org:5433/dyad");
  EXPECT_EQ(RedactedLocation("postgresql:///dyad?host=/tmp/x&password=pw&user=ana"),
            "postgresql:///dyad?host=/tmp/x&user=ana");
  EXPECT_EQ(RedactedLocation("postgres://ana@db/dyad?password=pw"), "postgres://ana@db/dyad");
  EXPECT_EQ(RedactedLocation("evidence.db"), "evidence.db");
  EXPECT_TRUE(IsPostgresUrl("postgresql://db/dyad"));
  EXPECT_TRUE(IsPostgresUrl("postgres://db/dyad"));
  EXPECT_FALSE(IsPostgresUrl("postgresql.db"));
}

TEST(FtsToTsqueryTest, TranslatesFts5Syntax) {
  auto tr = [](const std::string& q) {
    std::string out;
    Status s = FtsToTsquery(q, &out);
    return s.ok() ? out : "error: " + s.message();
  };
  EXPECT_EQ(tr("Belarus"), "'belarus'");
  EXPECT_EQ(tr("belarus troops"), "'belarus' & 'troops'");
  EXPECT_EQ(tr("\"Kalinouski Regiment\""), "('kalinouski' <-> 'regiment')");
  EXPECT_EQ(tr("bela*"), "'bela':*");
  EXPECT_EQ(tr("a OR b NOT c"), "'a' | 'b' & !'c'");
  EXPECT_EQ(tr("(a OR b) AND c"), "('a' | 'b') & 'c'");
  EXPECT_EQ(tr("\"say \"\"hi\"\"\""), "('say' <-> 'hi')");
  EXPECT_EQ(tr("o'brien"), "('o' <-> 'brien')");
  EXPECT_THAT(tr("\"open"), HasSubstr("error: bad full-text query '\"open': unterminated string"));
  EXPECT_THAT(tr("a AND"), HasSubstr("error"));
  EXPECT_THAT(tr("(a"), HasSubstr("unbalanced"));
  EXPECT_THAT(tr("title:a"), HasSubstr("not supported"));
  EXPECT_EQ(AnyPhraseFtsQuery({"Belarus", "say \"hello", "  "}), "\"Belarus\" OR \"say \"\"hello\"");
}

}  // namespace
}  // namespace dyad::store
