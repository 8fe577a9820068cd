// Issue 11, items 9 and 16: one slow request must not hold up the others. Every route once shared
// one SQLite connection behind a mutex, so a broad search or a role report made /api/stats wait
// for it; a query could also run for ever. Now routes take connections from pools of their own
// (queries, role reports, look-ups of one thing) and a query past its time limit is stopped
// with 503. These tests check the behaviour, never timings: a request counts as answered "while
// the slow one held its connection" only if it both started after the slow one had been running
// for a while and finished before it did, which a shared connection makes impossible.
#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "scratch_dir.h"
#include "server/api.h"
#include "unit/store/test_util.h"

namespace dyad::server {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;
using Clock = std::chrono::steady_clock;

// 1,500 documents of 6 events each, every sentence naming troops, Belarus and Ukraine: enough
// for a 1,000-hit search, a 1,000-event page and a role report to take milliseconds.
class ConcurrencyTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::filesystem::path dir = tests::ProcessScratchDir("dyad_server_concurrency_test");
    db_ = new std::string((dir / "many.db").string());
    std::unique_ptr<store::Store> db;
    ASSERT_TRUE(store::Store::Open(*db_, store::OpenOptions{}, &db).ok());
    ASSERT_TRUE(db->Begin().ok());
    for (int d = 0; d < 1500; ++d) {
      const std::string id = "d" + std::to_string(d);
      std::vector<Event> events;
      for (int s = 0; s < 6; ++s) {
        const std::string sentence = "Belarusian troops attacked Ukraine near post " + std::to_string(d * 6 + s) + ".";
        events.push_back(store::MakeEvent(s, sentence, s % 2 ? "BLRMIL" : "RUSMIL", "UKR", "190",
                                          Date{2022, 1 + d % 12, 1 + s}));
      }
      store::AddResult added;
      ASSERT_TRUE(db->AddDocument(store::MakeDocument(id, store::Story(d)), events, "h", &added).ok());
    }
    ASSERT_TRUE(db->Commit().ok());
  }
  static void TearDownTestSuite() { delete db_; }

  static std::unique_ptr<Api> MakeApi(ApiOptions options) {
    options.db = *db_;
    std::unique_ptr<Api> api;
    Status s = Api::Create(options, &api);
    EXPECT_TRUE(s.ok()) << s.message();
    return api;
  }

  // Runs `slow` over and over on a thread; 30% into one of them (by the length of the one
  // before), runs `quick` on this thread. `quick` counts as answered while `slow` held its
  // connection when it was answered before 60% of the slow request's time had passed. The slow
  // requests here take their connection early (a role report after reading its rules and
  // conflict) and hold it almost to their end (the database work and, but for the report's
  // rendering, building the answer): with one shared connection `quick` could only be answered
  // after that. True at the first such answer, false when none came in 10 s.
  static bool AnsweredWhileSlowOneRuns(const Api& api, const Request& slow, const Request& quick,
                                       int* slow_status, int* quick_status) {
    std::mutex mu;
    std::vector<std::pair<Clock::time_point, Clock::time_point>> runs;  // each slow request's start, end
    std::atomic<bool> stop{false};
    std::atomic<size_t> started{0}, finished{0};
    std::thread runner([&] {
      while (!stop.load()) {
        {
          std::lock_guard lock(mu);
          runs.push_back({Clock::now(), Clock::time_point::max()});
        }
        started.fetch_add(1);
        const int status = api.Handle(slow).status;
        {
          std::lock_guard lock(mu);
          runs.back().second = Clock::now();
          *slow_status = status;
        }
        finished.fetch_add(1);
      }
    });
    const auto give_up = Clock::now() + std::chrono::seconds(10);
    bool overlapped = false;
    while (!overlapped && Clock::now() < give_up) {
      const size_t n = started.load();
      if (n < 2 || finished.load() >= n) continue;  // no slow request running now, or none timed yet
      Clock::time_point began;
      Clock::duration before{};
      {
        std::lock_guard lock(mu);
        began = runs[n - 1].first;
        before = runs[n - 2].second - runs[n - 2].first;
      }
      if (Clock::now() - began < before * 3 / 10) continue;  // let it take its connection
      *quick_status = api.Handle(quick).status;
      const Clock::time_point answered = Clock::now();
      while (finished.load() < n) std::this_thread::yield();  // the slow request n has ended
      std::lock_guard lock(mu);
      const auto [slow_began, slow_ended] = runs[n - 1];
      overlapped = answered < slow_began + (slow_ended - slow_began) * 6 / 10;
    }
    stop.store(true);
    runner.join();
    return overlapped;
  }

  static std::string* db_;
};
std::string* ConcurrencyTest::db_ = nullptr;

Request Get(const std::string& path, std::multimap<std::string, std::string> params = {}) {
  return Request{"GET", path, std::move(params), ""};
}

TEST_F(ConcurrencyTest, TheSlowRequestsAreSlow) {
  // The requests below take long enough for another to be answered in the middle of them.
  auto api = MakeApi({});
  for (const Request& r : {Get("/api/search", {{"q", "troops"}, {"limit", "1000"}}),
                           Get("/api/events", {{"sort", "date"}, {"limit", "1000"}}),
                           Get("/api/role", {{"state", "BLR"}, {"conflict", "russia-ukraine"}})}) {
    const auto t0 = Clock::now();
    const Response response = api->Handle(r);
    EXPECT_EQ(response.status, 200) << r.path << ": " << response.body.substr(0, 300);
    EXPECT_GT(Clock::now() - t0, std::chrono::milliseconds(10)) << r.path;
  }
  EXPECT_EQ(json::parse(api->Handle(Get("/api/search", {{"q", "troops"}, {"limit", "1000"}})).body)["count"], 1000);
}

// Item 9: a broad search holds one connection; /api/stats and event pages are answered meanwhile,
// even with a single connection for queries.
TEST_F(ConcurrencyTest, ASearchDoesNotHoldUpStatsOrEventPages) {
  ApiOptions options;
  options.connections = 1;
  options.lookup_connections = 1;
  options.report_connections = 1;
  auto api = MakeApi(options);
  const Request search = Get("/api/search", {{"q", "troops"}, {"limit", "1000"}});
  int slow = 0, quick = 0;
  EXPECT_TRUE(AnsweredWhileSlowOneRuns(*api, search, Get("/api/stats"), &slow, &quick))
      << "/api/stats waited for the search";
  EXPECT_EQ(quick, 200);
  EXPECT_TRUE(AnsweredWhileSlowOneRuns(*api, search, Get("/api/events/1"), &slow, &quick))
      << "/api/events/1 waited for the search";
  EXPECT_EQ(quick, 200);
  EXPECT_EQ(slow, 200);
}

// Item 16: role reports run on connections of their own: while one is built, event pages,
// searches and /api/stats are answered.
TEST_F(ConcurrencyTest, ARoleReportDoesNotHoldUpTheOtherRoutes) {
  ApiOptions options;
  options.connections = 1;
  options.lookup_connections = 1;
  options.report_connections = 1;
  auto api = MakeApi(options);
  const Request report = Get("/api/role", {{"state", "BLR"}, {"conflict", "russia-ukraine"}});
  int slow = 0, quick = 0;
  EXPECT_TRUE(AnsweredWhileSlowOneRuns(*api, report, Get("/api/events", {{"actor", "BLR"}, {"limit", "5"}}), &slow,
                                       &quick))
      << "an event page waited for the role report";
  EXPECT_EQ(quick, 200);
  EXPECT_TRUE(AnsweredWhileSlowOneRuns(*api, report, Get("/api/stats"), &slow, &quick))
      << "/api/stats waited for the role report";
  EXPECT_EQ(quick, 200);
  EXPECT_EQ(slow, 200);
}

// Item 9: a query past the time limit is stopped and answered 503 with the documented JSON error,
// and the connection serves the next request.
TEST_F(ConcurrencyTest, AQueryPastItsTimeLimitIsStoppedWith503) {
  ApiOptions options;
  options.connections = 1;
  options.query_time_limit = std::chrono::milliseconds(1);
  auto api = MakeApi(options);
  Response stopped;
  for (int i = 0; i < 20 && stopped.status != 503; ++i)
    stopped = api->Handle(Get("/api/events", {{"sort", "date"}, {"limit", "1000"}}));
  ASSERT_EQ(stopped.status, 503) << stopped.body.substr(0, 300);
  const json body = json::parse(stopped.body);
  ASSERT_EQ(body.size(), 1u);
  EXPECT_THAT(body["error"].get<std::string>(), HasSubstr("took longer than 1 ms and was stopped"));
  // The same (only) connection answers a small query afterwards.
  Response later;
  for (int i = 0; i < 20 && later.status != 200; ++i) later = api->Handle(Get("/api/events", {{"limit", "1"}}));
  EXPECT_EQ(later.status, 200) << "the interrupted connection stays usable: " << later.body;
}

}  // namespace
}  // namespace dyad::server
