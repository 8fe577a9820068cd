// SingleFlight, which lets identical role reports asked at once share one build: callers that
// ask while a computation runs get its result; later callers, other keys and exceptions do not
// share.
#include "server/single_flight.h"

#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace dyad::server {
namespace {

// Lets a computation held on `release` finish when the test ends early (an assertion failed), so
// that the futures waiting for it do not block the test for ever.
std::shared_ptr<void> ReleaseAtExit(std::promise<void>& release) {
  return std::shared_ptr<void>(nullptr, [&release](void*) {
    try {
      release.set_value();
    } catch (const std::future_error&) {  // already released
    }
  });
}

// Waits (up to 30 s: a stuck test fails instead of hanging) until `key` has `count` waiters.
bool WaitForWaiters(const SingleFlight<std::string>& flights, const std::string& key, size_t count) {
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (flights.Waiting(key) < count) {
    if (std::chrono::steady_clock::now() > give_up) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

TEST(SingleFlight, CallersAskingWhileItRunsShareOneComputation) {
  SingleFlight<std::string> flights("failed");
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::atomic<int> computed{0};
  std::vector<std::future<std::string>> others;
  auto first = std::async(std::launch::async, [&] {
    return flights.Get("BLR", [&] {
      ++computed;
      released.wait();
      return std::string("report 1");
    });
  });
  auto release_at_exit = ReleaseAtExit(release);
  // The first must be computing before the others ask, or one of them would compute.
  while (computed == 0) std::this_thread::yield();
  // Three more callers arrive while the first computes; none of them computes.
  for (int i = 0; i < 3; ++i) {
    others.push_back(std::async(std::launch::async, [&] {
      return flights.Get("BLR", [&] {
        ++computed;
        return std::string("report of a waiting caller");
      });
    }));
  }
  ASSERT_TRUE(WaitForWaiters(flights, "BLR", 3));
  release_at_exit.reset();
  EXPECT_EQ(first.get(), "report 1");
  for (auto& other : others) EXPECT_EQ(other.get(), "report 1");
  EXPECT_EQ(computed, 1);

  // Nothing is kept: the next caller computes afresh.
  EXPECT_EQ(flights.Get("BLR", [] { return std::string("report 2"); }), "report 2");
  EXPECT_EQ(flights.Waiting("BLR"), 0u);
}

TEST(SingleFlight, OtherKeysAreComputedOnTheirOwn) {
  SingleFlight<std::string> flights("failed");
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::atomic<bool> started{false};
  auto blr = std::async(std::launch::async, [&] {
    return flights.Get("BLR", [&] {
      started = true;
      released.wait();
      return std::string("BLR report");
    });
  });
  auto release_at_exit = ReleaseAtExit(release);
  while (!started) std::this_thread::yield();
  // Computed at once on this thread although BLR's computation is still running.
  EXPECT_EQ(flights.Get("RUS", [] { return std::string("RUS report"); }), "RUS report");
  release_at_exit.reset();
  EXPECT_EQ(blr.get(), "BLR report");
}

TEST(SingleFlight, AnExceptionReachesItsCallerAndWaitersGetTheFallback) {
  SingleFlight<std::string> flights("failed");
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::atomic<bool> started{false};
  auto thrower = std::async(std::launch::async, [&] {
    return flights.Get("BLR", [&]() -> std::string {
      started = true;
      released.wait();
      throw std::runtime_error("no report");
    });
  });
  std::future<std::string> waiter;  // destroyed after the release below
  auto release_at_exit = ReleaseAtExit(release);
  while (!started) std::this_thread::yield();
  waiter = std::async(std::launch::async, [&] { return flights.Get("BLR", [] { return std::string("x"); }); });
  ASSERT_TRUE(WaitForWaiters(flights, "BLR", 1));
  release_at_exit.reset();
  EXPECT_THROW(thrower.get(), std::runtime_error);
  EXPECT_EQ(waiter.get(), "failed");
  EXPECT_EQ(flights.Get("BLR", [] { return std::string("after"); }), "after");
}

}  // namespace
}  // namespace dyad::server
