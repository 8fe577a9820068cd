// Issue 13: the document view (/api/documents/KEY) and full-text search (/api/search) leave out
// events an analyst rejected, as /api/events and /api/role do, unless include_rejected=1; then
// every event carries its review so a rejected one is never taken for evidence. On both
// backends (PostgreSQL with DYAD_TEST_PG: scripts/pg_test_server.sh; skipped without it).
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "server/api.h"
#include "unit/store/backend_fixture.h"

namespace dyad::store {
namespace {

using nlohmann::json;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// Two events in one sentence; the analyst rejects the second.
constexpr const char* kSentence = "Belarus troops attacked Ukraine and Russian jets bombed Kyiv.";

Span SpanOf(const std::string& words) {
  const int begin = static_cast<int>(std::string(kSentence).find(words));
  return {begin, begin + static_cast<int>(words.size())};
}

Event EventOf(const std::string& source, const std::string& source_words, const std::string& verb,
              const std::string& target, const std::string& target_words, const std::string& code) {
  Event e;
  e.sentence_index = 0;
  e.sentence = kSentence;
  e.sentence_span = {0, static_cast<int>(std::string(kSentence).size())};
  e.date = Date{2022, 2, 24};
  e.date_end = e.date;
  e.date_precision = DatePrecision::kDay;
  e.source = source;
  e.target = target;
  e.source_text = source_words;
  e.target_text = target_words;
  e.verb_text = verb;
  e.source_span = SpanOf(source_words);
  e.verb_span = SpanOf(verb);
  e.target_span = SpanOf(target_words);
  e.event_code = code;
  e.root_code = code.substr(0, 2);
  e.quad_class = 4;
  e.goldstein = -10;
  e.pattern = {"verbs.txt", 1, "ATTACK [" + code + "]"};
  return e;
}

class RejectedEvidenceApiTest : public StoreBackendTest {
 protected:
  void SetUp() override {
    StoreBackendTest::SetUp();
    if (IsSkipped()) return;
    auto store = OpenStore();
    ASSERT_TRUE(store);
    Document doc;
    doc.id = "two-events";
    doc.text = kSentence;
    doc.sha256 = Sha256Hex(doc.text);
    doc.title = "Two events";
    doc.date = Date{2022, 2, 24};
    doc.format = InputFormat::kText;
    AddResult added;
    ASSERT_TRUE(store->AddDocument(doc,
                                   {EventOf("BLRMIL", "Belarus troops", "attacked", "UKR", "Ukraine", "190"),
                                    EventOf("RUSMIL", "Russian jets", "bombed", "UKR", "Kyiv", "195")},
                                   "h", &added)
                    .ok());
    document_ = added.document_id;
    std::vector<StoredEvent> rows;
    ASSERT_TRUE(store->QueryEvents({}, &rows).ok());
    ASSERT_EQ(rows.size(), 2u);
    for (const auto& r : rows) (r.event.source == "BLRMIL" ? kept_ : rejected_) = r.id;
    Review review;
    review.reviewer = "ana";
    review.state = ReviewState::kRejected;
    review.note = "the jets were not Russian";
    Review stored;
    Status s = store->AddReview(rejected_, review, &stored);
    ASSERT_TRUE(s.ok()) << s.message();
    store.reset();
    server::ApiOptions options;
    options.db = path_;
    s = server::Api::Create(options, &api_);
    ASSERT_TRUE(s.ok()) << s.message();
  }
  void TearDown() override {
    api_.reset();  // its connections, before the database is dropped
    StoreBackendTest::TearDown();
  }

  json Get(const std::string& path, std::multimap<std::string, std::string> params = {}, int status = 200) {
    server::Response r = api_->Handle(server::Request{"GET", path, std::move(params), ""});
    EXPECT_EQ(r.status, status) << path << ": " << r.body;
    return json::parse(r.body);
  }
  std::string DocumentPath() const { return "/api/documents/d" + std::to_string(document_); }

  int64_t document_ = 0, kept_ = 0, rejected_ = 0;
  std::unique_ptr<server::Api> api_;
};

DYAD_ON_BOTH_BACKENDS(RejectedEvidenceApiTest);

// (Non-const json throughout: a missing key reads as null instead of undefined behaviour.)
std::vector<int64_t> Ids(const json& events) {
  std::vector<int64_t> ids;
  for (const auto& e : events) ids.push_back(e.is_object() ? e["id"].get<int64_t>() : e.get<int64_t>());
  return ids;
}

TEST_P(RejectedEvidenceApiTest, DocumentViewLeavesRejectedEventsOutUnlessAskedFor) {
  json shown = Get(DocumentPath());
  EXPECT_THAT(Ids(shown["events"]), ElementsAre(kept_)) << "a rejected event is no evidence by default";
  EXPECT_TRUE(shown["events"][0]["review"].is_null());
  EXPECT_EQ(shown["rejected_events_left_out"], 1) << "the page says that one is hidden";
  EXPECT_EQ(Get(DocumentPath(), {{"include_rejected", "0"}})["events"].size(), 1u);

  json all = Get(DocumentPath(), {{"include_rejected", "1"}});
  ASSERT_THAT(Ids(all["events"]), ElementsAre(kept_, rejected_));
  EXPECT_TRUE(all["events"][0]["review"].is_null());
  EXPECT_EQ(all["events"][1]["review"]["state"], "rejected");
  EXPECT_EQ(all["events"][1]["review"]["reviewer"], "ana");
  EXPECT_EQ(all["rejected_events_left_out"], 0);
  // The text and its sentences are the same either way: only the events listed differ.
  EXPECT_EQ(all["text"], shown["text"]);
  EXPECT_EQ(all["sentences"], shown["sentences"]);
}

TEST_P(RejectedEvidenceApiTest, SearchLeavesRejectedEventsOutUnlessAskedFor) {
  json shown = Get("/api/search", {{"q", "bombed"}});
  ASSERT_EQ(shown["count"], 1);
  EXPECT_THAT(Ids(shown["hits"][0]["events"]), ElementsAre(kept_));
  EXPECT_EQ(shown["hits"][0]["event_reviews"], json::array({nullptr}));

  json all = Get("/api/search", {{"q", "bombed"}, {"include_rejected", "1"}});
  ASSERT_EQ(all["count"], 1);
  EXPECT_THAT(Ids(all["hits"][0]["events"]), ElementsAre(kept_, rejected_));
  EXPECT_EQ(all["hits"][0]["event_reviews"], json::array({nullptr, "rejected"}));
}

TEST_P(RejectedEvidenceApiTest, IncludeRejectedIsAFlagAndListedAmongTheParameters) {
  for (const std::string& path : {DocumentPath(), std::string("/api/search")}) {
    std::multimap<std::string, std::string> params = {{"include_rejected", "yes"}};
    if (path == "/api/search") params.emplace("q", "bombed");
    EXPECT_EQ(Get(path, params, 400)["error"], "include_rejected: 'yes' (1: also events an analyst rejected)");
  }
  // A misspelt parameter is refused on the document view too, naming the one it takes.
  EXPECT_THAT(Get(DocumentPath(), {{"include_rejectd", "1"}}, 400)["error"].get<std::string>(),
              HasSubstr("unknown parameter 'include_rejectd' for /api/documents/KEY (known: include_rejected)"));
  const std::string routes = Get("/api")["routes"].dump();
  EXPECT_THAT(routes, HasSubstr("GET /api/documents/KEY?include_rejected="));
  EXPECT_THAT(routes, HasSubstr("GET /api/search?q=&limit=&include_rejected="));
}

}  // namespace
}  // namespace dyad::store
