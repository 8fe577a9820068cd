#include "engine/coding_pool.h"

#include <atomic>
#include <thread>

namespace dyad {

CodingPool::CodingPool(const Engine& engine, int threads, size_t batch_size)
    : engine_(engine),
      threads_(threads < 1 ? 1 : threads),
      batch_size_(batch_size ? batch_size : 256 * static_cast<size_t>(threads_)) {}

Status CodingPool::Run(DocumentReader& reader, const DocumentDone& on_done,
                       const DocumentFailed& on_failed) {
  struct Slot {
    Document document;
    std::vector<Event> events;
    Status status;
    bool read_failed = false;
  };
  std::vector<Slot> batch(batch_size_);
  bool done = false;
  while (!done) {
    size_t n = 0;
    while (n < batch.size()) {
      Slot& slot = batch[n];
      slot.events.clear();
      slot.read_failed = false;
      bool end = false;
      Status s = reader.Next(&slot.document, &end);
      if (!s.ok()) {
        if (end) return s;  // the input cannot be read further
        slot.status = s;
        slot.read_failed = true;
        ++n;
        continue;
      }
      if (end) {
        done = true;
        break;
      }
      ++n;
    }
    // Code the batch: workers take the next document index until none is left.
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t i = next++; i < n; i = next++) {
        Slot& slot = batch[i];
        if (!slot.read_failed) slot.status = engine_.Code(slot.document, &slot.events);
      }
    };
    if (threads_ == 1 || n < 2) {
      work();
    } else {
      std::vector<std::thread> workers;
      for (int t = 1; t < threads_; ++t) workers.emplace_back(work);
      work();
      for (auto& w : workers) w.join();
    }
    for (size_t i = 0; i < n; ++i) {
      if (batch[i].status.ok()) {
        on_done(batch[i].document, batch[i].events);
      } else {
        on_failed(batch[i].status.message());
      }
    }
  }
  return Status::Ok();
}

}  // namespace dyad
