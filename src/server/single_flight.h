// Shares one computation among the callers that ask for the same key while it runs ("single
// flight"): the first caller computes, the others wait for it and get a copy of its result.
// Nothing is kept once the computation ends: a caller arriving later computes afresh, so no
// result is older than one computation.
//
// The server builds role reports through it: a report reads every event of its state (about 1 s
// of CPU at 1M events), and a page opened by many people, or reloaded, asks the same one again
// and again; without it each copy queued for the report connections and the CPU.
//
// Thread safety: Get() from any thread. If `compute` throws, the waiting callers get
// `on_exception` and the exception goes on to the computing caller.
#ifndef DYAD_SERVER_SINGLE_FLIGHT_H_
#define DYAD_SERVER_SINGLE_FLIGHT_H_

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace dyad::server {

template <typename Result>
class SingleFlight {
 public:
  explicit SingleFlight(Result on_exception) : on_exception_(std::move(on_exception)) {}

  // The result for `key`: computed by `compute` on this thread, or the one another thread is
  // computing for the same key.
  Result Get(const std::string& key, const std::function<Result()>& compute) {
    std::shared_ptr<Flight> flight;
    {
      std::unique_lock lock(mu_);
      auto it = flights_.find(key);
      if (it != flights_.end()) {
        flight = it->second;
        ++flight->waiting;
        done_.wait(lock, [&] { return flight->done; });
        return flight->result;
      }
      flight = std::make_shared<Flight>();
      flights_.emplace(key, flight);
    }
    try {
      Result result = compute();
      Finish(key, *flight, result);
      return result;
    } catch (...) {
      Finish(key, *flight, on_exception_);
      throw;
    }
  }

  // How many callers wait for the computation of `key` now (tests).
  size_t Waiting(const std::string& key) const {
    std::lock_guard lock(mu_);
    auto it = flights_.find(key);
    return it == flights_.end() ? 0 : it->second->waiting;
  }

 private:
  struct Flight {
    bool done = false;
    size_t waiting = 0;
    Result result{};
  };

  void Finish(const std::string& key, Flight& flight, const Result& result) {
    {
      std::lock_guard lock(mu_);
      flight.result = result;
      flight.done = true;
      flights_.erase(key);
    }
    done_.notify_all();
  }

  const Result on_exception_;
  mutable std::mutex mu_;
  std::condition_variable done_;
  std::map<std::string, std::shared_ptr<Flight>> flights_;
};

}  // namespace dyad::server

#endif  // DYAD_SERVER_SINGLE_FLIGHT_H_
