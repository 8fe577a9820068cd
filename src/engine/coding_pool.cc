#include "engine/coding_pool.h"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace dyad {

namespace {

struct Slot {
  Document document;
  std::vector<Event> events;
  std::string text;  // the format callback's output
  Status status;
  bool read_failed = false;
};

struct Batch {
  std::vector<Slot> slots;
  size_t size = 0;  // slots in use
};

// Fills `batch` from the reader. Returns false with *error set when the reader cannot go on;
// *end is set when the input is exhausted.
bool ReadBatch(DocumentReader& reader, Batch* batch, bool* end, Status* error) {
  batch->size = 0;
  while (batch->size < batch->slots.size()) {
    Slot& slot = batch->slots[batch->size];
    slot.events.clear();
    slot.text.clear();
    slot.read_failed = false;
    bool done = false;
    Status s = reader.Next(&slot.document, &done);
    if (!s.ok()) {
      if (done) {  // the input cannot be read further
        *error = s;
        return false;
      }
      slot.status = s;
      slot.read_failed = true;
      ++batch->size;
      continue;
    }
    if (done) {
      *end = true;
      return true;
    }
    ++batch->size;
  }
  return true;
}

void Emit(const Batch& batch, const CodingPool::DocumentDone& on_done, const CodingPool::DocumentFailed& on_failed) {
  for (size_t i = 0; i < batch.size; ++i) {
    const Slot& slot = batch.slots[i];
    if (slot.status.ok()) {
      on_done(slot.document, slot.events, slot.text);
    } else {
      on_failed(slot.status.message());
    }
  }
}

}  // namespace

CodingPool::CodingPool(const Engine& engine, int threads, size_t batch_size)
    : engine_(engine),
      threads_(threads < 1 ? 1 : threads),
      batch_size_(batch_size ? batch_size : 256 * static_cast<size_t>(threads_)) {}

Status CodingPool::Run(DocumentReader& reader, const DocumentDone& on_done, const DocumentFailed& on_failed,
                       const DocumentFormat& format) {
  auto code = [&](Slot& slot) {
    if (slot.read_failed) return;
    slot.status = engine_.Code(slot.document, &slot.events);
    if (slot.status.ok() && format) format(slot.document, slot.events, &slot.text);
  };

  if (threads_ == 1) {
    Batch batch;
    batch.slots.resize(batch_size_);
    bool end = false;
    while (!end) {
      Status error;
      const bool ok = ReadBatch(reader, &batch, &end, &error);
      for (size_t i = 0; i < batch.size; ++i) code(batch.slots[i]);
      Emit(batch, on_done, on_failed);
      if (!ok) return error;
    }
    return Status::Ok();
  }

  // Two batches: the workers code `current` while this thread hands back and refills `other`.
  Batch batches[2];
  for (Batch& b : batches) b.slots.resize(batch_size_);
  Batch* current = &batches[0];
  Batch* other = &batches[1];

  std::mutex mutex;
  std::condition_variable start_cv, done_cv;
  uint64_t generation = 0;  // bumped when `current` is ready to code
  bool stop = false;
  std::atomic<size_t> next{0};
  size_t coded = 0;   // documents of `current` finished (under mutex)
  int active = 0;     // workers inside code_batch: `next` is not reset until they have left
  Batch* shared = nullptr;  // the batch being coded; null between batches

  // Takes documents of `batch` until none is left; returns how many this thread coded.
  auto code_batch = [&](Batch& batch) {
    size_t mine = 0;
    for (size_t i = next++; i < batch.size; i = next++) {
      code(batch.slots[i]);
      ++mine;
    }
    return mine;
  };
  auto finished = [&](size_t count, bool worker) {
    std::lock_guard<std::mutex> lock(mutex);
    coded += count;
    if (worker) --active;
    if (coded == shared->size && active == 0) done_cv.notify_one();
  };
  std::vector<std::thread> workers;
  for (int t = 1; t < threads_; ++t) {
    workers.emplace_back([&] {
      uint64_t seen = 0;
      while (true) {
        Batch* batch;
        {
          std::unique_lock<std::mutex> lock(mutex);
          start_cv.wait(lock, [&] { return stop || (generation != seen && shared); });
          if (stop) return;
          seen = generation;
          batch = shared;
          ++active;
        }
        finished(code_batch(*batch), true);
      }
    });
  }
  auto stop_workers = [&] {
    {
      std::lock_guard<std::mutex> lock(mutex);
      stop = true;
    }
    start_cv.notify_all();
    for (auto& w : workers) w.join();
  };

  bool end = false;
  Status error;
  bool ok = ReadBatch(reader, current, &end, &error);
  other->size = 0;
  while (current->size > 0 || other->size > 0) {
    // Start coding `current`.
    {
      std::lock_guard<std::mutex> lock(mutex);
      shared = current;
      coded = 0;
      next = 0;
      ++generation;
    }
    start_cv.notify_all();
    // Meanwhile: hand back the previous batch, then read the next one into its slots.
    Emit(*other, on_done, on_failed);
    other->size = 0;
    if (ok && !end) ok = ReadBatch(reader, other, &end, &error);
    // Then help code `current`, and wait for the workers' last documents.
    finished(code_batch(*current), false);
    {
      std::unique_lock<std::mutex> lock(mutex);
      done_cv.wait(lock, [&] { return coded == current->size && active == 0; });
      shared = nullptr;  // done: a worker waking late must not take it (nor touch `next`)
    }
    std::swap(current, other);
    if (other->size == 0 && current->size == 0) break;
    if (current->size == 0) {  // nothing left to code: hand back the last batch
      Emit(*other, on_done, on_failed);
      other->size = 0;
    }
  }
  stop_workers();
  if (!ok) return error;
  return Status::Ok();
}

}  // namespace dyad
