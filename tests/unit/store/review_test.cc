// Reviews: an analyst's verdict stored beside the machine coding (never over it), in the audit
// log, following an unchanged event across a recode; queries keep or drop events by it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "backend_fixture.h"
#include "store/review.h"
#include "store/store.h"
#include "test_util.h"
#include "write/cameo_table.h"

namespace dyad::store {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// On both backends (backend_fixture.h).
class ReviewTest : public StoreBackendTest {
 protected:
  void SetUp() override {
    StoreBackendTest::SetUp();
    if (IsSkipped()) return;
    store_ = OpenStore();
    events_ = {
        MakeEvent(0, "Belarus troops attacked Ukraine.", "BLRMIL", "UKRMIL", "190", Date{2022, 2, 24}),
        MakeEvent(1, "Ukraine accused Belarus of aggression.", "UKRGOV", "BLRGOV", "112", Date{2022, 3, 2}),
        MakeEvent(2, "Missiles were launched over Belarus.", "BLR", "", "195", Date{2022, 6, 25}),
    };
    AddResult added;
    ASSERT_TRUE(store_->AddDocument(MakeDocument("rev", Story(4)), events_, "v1", &added).ok());
    document_ = added.document_id;
    std::vector<StoredEvent> rows;
    ASSERT_TRUE(store_->QueryEvents({}, &rows).ok());
    for (const auto& r : rows) ids_.push_back(r.id);
  }
  std::vector<std::string> Coded(ReviewFilter filter) {
    EventQuery q;
    q.review = filter;
    std::vector<StoredEvent> rows;
    Status s = store_->QueryEvents(q, &rows);
    EXPECT_TRUE(s.ok()) << s.message();
    std::vector<std::string> out;
    for (const auto& r : rows) out.push_back(r.event.source + ">" + r.event.event_code + ">" + r.event.target);
    return out;
  }
  Review Make(ReviewState state, const std::string& note = "") {
    Review r;
    r.reviewer = "ana";
    r.state = state;
    r.note = note;
    return r;
  }
  std::unique_ptr<Store> store_;
  std::vector<Event> events_;
  std::vector<int64_t> ids_;
  int64_t document_ = 0;
};

TEST_P(ReviewTest, ReviewIsStoredBesideTheMachineCodingAndAudited) {
  Review stored;
  ASSERT_TRUE(store_->AddReview(ids_[0], Make(ReviewState::kConfirmed, "two sources agree"), &stored).ok());
  EXPECT_GT(stored.id, 0);
  EXPECT_FALSE(stored.at.empty());
  StoredEvent e;
  ASSERT_TRUE(store_->GetEvent(ids_[0], &e).ok());
  EXPECT_EQ(e.review.state, ReviewState::kConfirmed);
  EXPECT_EQ(e.review.reviewer, "ana");
  EXPECT_EQ(e.review.note, "two sources agree");
  StoredEvent other;
  ASSERT_TRUE(store_->GetEvent(ids_[1], &other).ok());
  EXPECT_EQ(other.review.id, 0);

  std::vector<AuditEntry> audit;
  ASSERT_TRUE(store_->ReadAudit(&audit).ok());
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit.back().action, "review");
  auto params = nlohmann::json::parse(audit.back().parameters);
  EXPECT_EQ(params["event"], ids_[0]);
  EXPECT_EQ(params["state"], "confirmed");
  EXPECT_EQ(params["reviewer"], "ana");
  // Append-only, like the audit log.
  EXPECT_EQ(QueryText("SELECT COUNT(*) FROM reviews"), "1");
  EXPECT_THAT(ExecError("UPDATE reviews SET state = 'rejected'"), HasSubstr("append-only"));
  EXPECT_THAT(ExecError("DELETE FROM reviews"), HasSubstr("append-only"));
  EXPECT_EQ(QueryText("SELECT COUNT(*) FROM reviews"), "1");
}

TEST_P(ReviewTest, CorrectionNeverOverwritesTheMachineCoding) {
  write::CameoTable cameo;
  ASSERT_TRUE(write::CameoTable::Load(write::DefaultCameoTablePath(), &cameo).ok());
  Review fix = Make(ReviewState::kCorrected, "the bombers were Russian");
  fix.source = "RUSMIL";
  ASSERT_TRUE(store_->AddReview(ids_[2], fix, &fix).ok());
  Review recode = Make(ReviewState::kCorrected);
  recode.event_code = "111";
  ASSERT_TRUE(CompleteCorrection(cameo, &recode).ok());
  ASSERT_TRUE(store_->AddReview(ids_[1], recode, &recode).ok());
  EXPECT_EQ(recode.root_code, "11");
  EXPECT_EQ(recode.quad_class, 3);

  // Every event as the machine coded it; the accepted ones with the corrections applied.
  EXPECT_THAT(Coded(ReviewFilter::kAny), ElementsAre("BLRMIL>190>UKRMIL", "UKRGOV>112>BLRGOV", "BLR>195>"));
  EXPECT_THAT(Coded(ReviewFilter::kAccepted), ElementsAre("UKRGOV>111>BLRGOV", "RUSMIL>195>"));
  EXPECT_EQ(QueryText("SELECT source FROM events WHERE id = " + std::to_string(ids_[2])), "BLR");
  EXPECT_THAT(Coded(ReviewFilter::kUnreviewed), ElementsAre("BLRMIL>190>UKRMIL"));
  EventQuery q;
  q.review = ReviewFilter::kAccepted;
  std::vector<StoredEvent> rows;
  ASSERT_TRUE(store_->QueryEvents(q, &rows).ok());
  EXPECT_EQ(rows[1].review.machine_source, "BLR");
  EXPECT_EQ(rows[0].event.goldstein, -2.0);  // 111's Goldstein value, not 112's

  Review bad;
  bad = Make(ReviewState::kCorrected);
  bad.source = "BLRMIL";  // the machine's own
  EXPECT_EQ(store_->AddReview(ids_[0], bad, &bad).code(), StatusCode::kInvalidArgument);
  bad = Make(ReviewState::kCorrected);
  bad.event_code = "1999";
  EXPECT_THAT(CompleteCorrection(cameo, &bad).message(), HasSubstr("'1999' is not a CAMEO code"));
  bad.event_code = "020";  // no CAMEO values: CompleteCorrection was not called
  EXPECT_EQ(store_->AddReview(ids_[0], bad, &bad).code(), StatusCode::kInvalidArgument);
  bad = Make(ReviewState::kConfirmed);
  bad.reviewer = "";
  EXPECT_EQ(store_->AddReview(ids_[0], bad, &bad).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->AddReview(999999, Make(ReviewState::kConfirmed), &bad).code(), StatusCode::kNotFound);
}

TEST_P(ReviewTest, TheLatestReviewCountsAndTheHistoryStays) {
  Review r;
  ASSERT_TRUE(store_->AddReview(ids_[0], Make(ReviewState::kConfirmed), &r).ok());
  EXPECT_THAT(Coded(ReviewFilter::kAccepted), ElementsAre("BLRMIL>190>UKRMIL"));
  ASSERT_TRUE(store_->AddReview(ids_[0], Make(ReviewState::kRejected, "the article retracted it"), &r).ok());
  EXPECT_THAT(Coded(ReviewFilter::kAccepted), ElementsAre());
  EXPECT_THAT(Coded(ReviewFilter::kRejected), ElementsAre("BLRMIL>190>UKRMIL"));
  std::vector<Review> history;
  ASSERT_TRUE(store_->ReviewHistory(ids_[0], &history).ok());
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].state, ReviewState::kConfirmed);
  EXPECT_EQ(history[1].note, "the article retracted it");
}

// What exports and role reports read by default: every event but the rejected ones, each with
// its latest review, the lean report rows too.
TEST_P(ReviewTest, NotRejectedKeepsTheUnreviewedAndTheAcceptedAndReportRowsCarryTheReview) {
  Review r;
  ASSERT_TRUE(store_->AddReview(ids_[0], Make(ReviewState::kRejected, "no such attack"), &r).ok());
  ASSERT_TRUE(store_->AddReview(ids_[1], Make(ReviewState::kConfirmed, "seen"), &r).ok());
  EXPECT_THAT(Coded(ReviewFilter::kNotRejected), ElementsAre("UKRGOV>112>BLRGOV", "BLR>195>"));
  // A later confirmation brings a rejected event back.
  ASSERT_TRUE(store_->AddReview(ids_[0], Make(ReviewState::kConfirmed), &r).ok());
  EXPECT_THAT(Coded(ReviewFilter::kNotRejected), ElementsAre("BLRMIL>190>UKRMIL", "UKRGOV>112>BLRGOV", "BLR>195>"));
  ASSERT_TRUE(store_->AddReview(ids_[2], Make(ReviewState::kRejected), &r).ok());

  for (EventOrder order : {EventOrder::kId, EventOrder::kDate}) {
    EventQuery q;
    q.fields = EventFields::kReport;
    q.review = ReviewFilter::kNotRejected;
    q.involving = "BLR";
    q.order = order;
    std::vector<StoredEvent> rows;
    ASSERT_TRUE(store_->QueryEvents(q, &rows).ok());
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].review.state, ReviewState::kConfirmed);
    EXPECT_EQ(rows[0].review.reviewer, "ana");
    EXPECT_EQ(rows[1].review.note, "seen");
    EXPECT_EQ(rows[1].review.machine_code, "112");
    q.limit = 1;  // the limited query's form
    ASSERT_TRUE(store_->QueryEvents(q, &rows).ok());
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].review.state, ReviewState::kConfirmed);
  }
}

// A store without any review answers the review filters without probing each event for one; the
// answers must be those a store with reviews gives for unreviewed events.
TEST_P(ReviewTest, ReviewFiltersOfAStoreWithoutReviewsAndAnActorsPage) {
  const std::vector<std::string> all = {"BLRMIL>190>UKRMIL", "UKRGOV>112>BLRGOV", "BLR>195>"};
  EXPECT_EQ(Coded(ReviewFilter::kAny), all);
  EXPECT_EQ(Coded(ReviewFilter::kNotRejected), all);
  EXPECT_EQ(Coded(ReviewFilter::kUnreviewed), all);
  EXPECT_TRUE(Coded(ReviewFilter::kAccepted).empty());
  EXPECT_TRUE(Coded(ReviewFilter::kRejected).empty());
  // An actor's page (ids chosen from the actor indexes while no review exists), then the same
  // page once a review rejects its first event.
  auto page = [&](int64_t limit, int64_t after_id) {
    EventQuery q;
    q.actor = "BLR";
    q.from = Date{2022, 1, 1};
    q.to = Date{2022, 12, 31};
    q.review = ReviewFilter::kNotRejected;
    q.limit = limit;
    q.after_id = after_id;
    std::vector<StoredEvent> rows;
    EXPECT_TRUE(store_->QueryEvents(q, &rows).ok());
    std::vector<int64_t> ids;
    for (const auto& r : rows) ids.push_back(r.id);
    return ids;
  };
  EXPECT_EQ(page(2, 0), (std::vector<int64_t>{ids_[0], ids_[1]}));
  EXPECT_EQ(page(2, ids_[0]), (std::vector<int64_t>{ids_[1], ids_[2]}));
  Review r;
  ASSERT_TRUE(store_->AddReview(ids_[0], Make(ReviewState::kRejected), &r).ok());
  EXPECT_EQ(page(2, 0), (std::vector<int64_t>{ids_[1], ids_[2]}));
  EXPECT_THAT(Coded(ReviewFilter::kRejected), ElementsAre("BLRMIL>190>UKRMIL"));
}

TEST_P(ReviewTest, ReviewFollowsAnUnchangedEventAcrossARecodeAndNotAChangedOne) {
  Review r;
  ASSERT_TRUE(store_->AddReview(ids_[0], Make(ReviewState::kConfirmed), &r).ok());
  ASSERT_TRUE(store_->AddReview(ids_[1], Make(ReviewState::kConfirmed), &r).ok());
  auto changed = events_;
  changed[1].event_code = "111";  // the new dictionaries code it otherwise: the review was not about this
  RecodeDelta delta;
  ASSERT_TRUE(store_->SetCurrentCoding("v2", "").ok());
  ASSERT_TRUE(store_->ReplaceEvents(document_, changed, "v2", &delta).ok());
  EXPECT_THAT(Coded(ReviewFilter::kAccepted), ElementsAre("BLRMIL>190>UKRMIL"));
  std::vector<StoredEvent> rows;
  ASSERT_TRUE(store_->QueryEvents({}, &rows).ok());
  // The rows were deleted and inserted again (SQLite may even give a new row an old id): the
  // review goes by what the event is, not by its row.
  EXPECT_EQ(rows[0].review.state, ReviewState::kConfirmed);
  EXPECT_EQ(rows[1].review.id, 0);
  EXPECT_EQ(rows[1].event.event_code, "111");
}

using ReviewMigrationTest = StoreBackendTest;

TEST_P(ReviewMigrationTest, MigrationToVersion5AddsReviewsToAnExistingDatabase) {
  const std::string version_sql = pg() ? "SELECT version FROM dyad_schema" : "PRAGMA user_version";
  {
    OpenOptions old;
    old.schema_version_for_testing = 4;
    std::unique_ptr<Store> store;
    ASSERT_TRUE(Store::Open(path_, old, &store).ok());
  }
  // A v4 event written by hand (a store of this build writes only the current schema).
  ExecOk("INSERT INTO documents(input_id, sha256, source, url, title, language, pub_date, format, origin, text, "
         "ingested_at, tool_version) VALUES('v4doc', 'abc', '', '', '', '', '2022-03-01', 'text', '', "
         "'Minsk sent troops.', '2022-03-01', 'dyad 0.0.4')");
  ExecOk("INSERT INTO codings(dict_hash, first_used) VALUES('h', '2022-03-01')");
  ExecOk("INSERT INTO meta(key, value) VALUES('current_coding', 'h')");
  ExecOk("INSERT INTO sentences(doc, idx, \"begin\", \"end\", text) VALUES(1, 0, 0, 18, 'Minsk sent troops.')");
  ExecOk("INSERT INTO events(doc, coding, sentence, sentence_idx, sentence_begin, sentence_end, day, day_end, "
         "date_precision, date_text, source, target, source_text, target_text, event_code, root_code, quad_class, "
         "goldstein, verb_text, plover, pattern_file, pattern_line, pattern_text, source_begin, source_end, "
         "verb_begin, verb_end, target_begin, target_end, modality, reported_by, reported_by_text, places, "
         "duplicate) VALUES(1, 1, 1, 0, 0, 18, NULL, NULL, 'document', '', 'BLRMIL', 'UKR', 'Minsk', '', '150', "
         "'15', 4, -7, 'sent', '', 'v', 1, '', 0, 5, 6, 10, -1, -1, '', '', '', '', 0)");
  EXPECT_EQ(QueryText(version_sql), "4");
  {
    // A read-only open does not migrate: it says how.
    OpenOptions read_only;
    read_only.read_only = true;
    read_only.migrate = false;
    std::unique_ptr<Store> store;
    EXPECT_FALSE(Store::Open(path_, read_only, &store).ok());
  }
  auto store = OpenStore();
  EXPECT_EQ(QueryText(version_sql), std::to_string(kSchemaVersion));  // v5 (reviews) and after
  std::vector<StoredEvent> rows;
  ASSERT_TRUE(store->QueryEvents({}, &rows).ok());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].event.page, 0);  // v6: an event stored before pages has none
  Review r;
  r.reviewer = "ana";
  r.state = ReviewState::kConfirmed;
  ASSERT_TRUE(store->AddReview(rows[0].id, r, &r).ok());
  EventQuery q;
  q.review = ReviewFilter::kAccepted;
  ASSERT_TRUE(store->QueryEvents(q, &rows).ok());
  EXPECT_EQ(rows.size(), 1u);
}

DYAD_ON_BOTH_BACKENDS(ReviewTest);
DYAD_ON_BOTH_BACKENDS(ReviewMigrationTest);

}  // namespace
}  // namespace dyad::store
