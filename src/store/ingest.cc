#include "store/ingest.h"

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <random>
#include <thread>

#include <nlohmann/json.hpp>

#include "common/sha256.h"

namespace dyad::store {

namespace {

// A bounded blocking queue; Close() wakes everyone and makes Pop() drain then fail.
template <typename T>
class Queue {
 public:
  explicit Queue(size_t capacity) : capacity_(capacity) {}
  void Push(T item) {
    std::unique_lock lock(mu_);
    not_full_.wait(lock, [&] { return items_.size() < capacity_ || closed_; });
    items_.push_back(std::move(item));
    not_empty_.notify_one();
  }
  // Waits up to `timeout` for an item; nullopt on timeout or when closed and empty.
  std::optional<T> Pop(std::chrono::milliseconds timeout, bool* closed) {
    std::unique_lock lock(mu_);
    not_empty_.wait_for(lock, timeout, [&] { return !items_.empty() || closed_; });
    *closed = closed_ && items_.empty();
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return item;
  }
  void Close() {
    std::lock_guard lock(mu_);
    closed_ = true;
    not_empty_.notify_all();
    not_full_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable not_empty_, not_full_;
  std::deque<T> items_;
  size_t capacity_;
  bool closed_ = false;
};

// First invalid byte offset of `s` as UTF-8, or -1 when valid.
int64_t InvalidUtf8At(std::string_view s) {
  size_t i = 0, n = s.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len = 0;
    uint32_t cp = 0;
    if ((c & 0xe0) == 0xc0) {
      len = 2;
      cp = c & 0x1f;
    } else if ((c & 0xf0) == 0xe0) {
      len = 3;
      cp = c & 0x0f;
    } else if ((c & 0xf8) == 0xf0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return static_cast<int64_t>(i);
    }
    if (i + len > n) return static_cast<int64_t>(i);
    for (int k = 1; k < len; ++k) {
      unsigned char d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xc0) != 0x80) return static_cast<int64_t>(i);
      cp = (cp << 6) | (d & 0x3f);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      return static_cast<int64_t>(i);
    }
    i += len;
  }
  return -1;
}

// CPU time of the calling thread.
int64_t ThreadCpuNanos() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

}  // namespace

std::string IngestProgressLine(const IngestProgress& p, double read_fraction) {
  const double rate = p.seconds > 0 ? static_cast<double>(p.done) / p.seconds : 0;
  char line[256];
  int n = std::snprintf(line, sizeof line,
                        "ingest: %lld documents (%lld new, %lld duplicate, %lld near-duplicate, %lld failed), %.0f docs/s",
                        static_cast<long long>(p.done), static_cast<long long>(p.new_documents),
                        static_cast<long long>(p.duplicates), static_cast<long long>(p.near_duplicates),
                        static_cast<long long>(p.failed), rate);
  std::string out(line, n > 0 ? std::min<size_t>(static_cast<size_t>(n), sizeof line - 1) : 0);
  if (read_fraction > 0 && p.seconds > 1) {
    const double stored = p.queued > 0 ? static_cast<double>(p.done) / static_cast<double>(p.queued) : 0;
    const double fraction = std::min(0.99, std::min(1.0, read_fraction) * std::min(1.0, stored));
    if (fraction > 0) {
      const double remaining = p.seconds * (1 - fraction) / fraction;
      std::snprintf(line, sizeof line, ", %.0f%%, ETA %dm%02ds", std::floor(fraction * 100),
                    static_cast<int>(remaining) / 60, static_cast<int>(remaining) % 60);
      out += line;
    }
  }
  return out;
}

Status ValidateDocument(const Document& document, size_t max_bytes) {
  if (document.text.size() > max_bytes) {
    return Status::ResourceExhausted("too large (" + std::to_string(document.text.size()) + " bytes > " +
                                     std::to_string(max_bytes) + ")")
        .WithKind("too large");
  }
  if (document.text.find_first_not_of(" \t\r\n\f\v") == std::string::npos) {
    return Status::Error("empty document").WithKind("empty document");
  }
  if (int64_t at = InvalidUtf8At(document.text); at >= 0) {
    return Status::Error("invalid UTF-8 (at byte " + std::to_string(at) + ")").WithKind("invalid UTF-8");
  }
  return Status::Ok();
}

// A document on its way from the producer to the writer.
struct Item {
  Document document;
  Status failure;            // not OK: record it (its reason and kind) instead of storing
  bool known = false;        // already stored (checked by the worker)
  std::vector<Sentence> sentences;
  std::vector<Event> events;
  std::vector<uint32_t> minhash;
};

struct Ingester::Impl {
  Store* store;
  CodeFunction code;
  std::string dict_hash;
  IngestOptions options;

  std::unique_ptr<Store> reader;  // duplicate pre-checks by the workers
  std::mutex reader_mu;
  Queue<Item> input{512};
  Queue<Item> output{512};
  std::vector<std::thread> workers;
  std::thread writer;
  bool started = false, finished = false;

  std::mutex mu;  // guards summary, error
  IngestSummary summary;
  Status error;
  std::atomic<bool> failed{false};
  std::atomic<int64_t> worker_ns{0};
  std::chrono::steady_clock::time_point start;
  // Retry waits: drawn by Start(), the writer thread and Finish(), never two at once.
  std::mt19937_64 rng{std::random_device{}()};

  double Seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }

  void Work() {
    bool closed = false;
    while (true) {
      auto item = input.Pop(std::chrono::milliseconds(200), &closed);
      if (!item) {
        if (closed) return;
        continue;
      }
      if (failed.load()) continue;  // drain
      const int64_t t0 = ThreadCpuNanos();
      Process(&*item);
      worker_ns.fetch_add(ThreadCpuNanos() - t0);
      output.Push(std::move(*item));
    }
  }

  void Process(Item* item) {
    if (!item->failure.ok()) return;
    Document& doc = item->document;
    item->failure = ValidateDocument(doc, options.max_document_bytes);
    if (!item->failure.ok()) return;
    if (doc.sha256.empty()) doc.sha256 = Sha256Hex(doc.text);
    if (reader) {
      std::lock_guard lock(reader_mu);
      int64_t id = 0;
      if (reader->FindDocumentBySha(doc.sha256, &id).ok() && id > 0) {
        item->known = true;
        return;
      }
    }
    item->minhash = MinHashSignature(doc.text);
    if (code) {
      Status s = code(doc, &item->sentences, &item->events);
      if (!s.ok()) {
        item->failure = s.Prefixed("coding failed: ").WithKind("coding failed");
        item->events.clear();
        item->sentences.clear();
      }
    }
  }

  void Write() {
    std::vector<Item> batch;
    auto batch_start = std::chrono::steady_clock::now();
    bool closed = false;
    while (!closed) {
      auto item = output.Pop(std::chrono::milliseconds(50), &closed);
      if (item) {
        if (batch.empty()) batch_start = std::chrono::steady_clock::now();
        batch.push_back(std::move(*item));
      }
      auto age = std::chrono::steady_clock::now() - batch_start;
      bool due = batch.size() >= options.batch_size ||
                 age >= std::chrono::milliseconds(options.max_batch_ms) || closed;
      if (!batch.empty() && due && !failed.load()) {
        if (Status s = CommitRetrying(&batch); !s.ok()) {
          std::lock_guard lock(mu);
          error = s;
          failed.store(true);
        }
      }
      if (failed.load()) batch.clear();  // drain without storing
    }
  }

  // Stores the batch; a conflict with another writer (kAborted: the batch's transaction was
  // rolled back, nothing of it kept) runs it again after a random wait, up to max_attempts in all.
  Status CommitRetrying(std::vector<Item>* batch) {
    int64_t retries = 0;
    return RetryAborted([&] { return Commit(batch, retries); }, &retries);
  }

  // Runs `attempt` until it succeeds, fails otherwise than by a conflict, or has run
  // max_attempts times. Waits before each new attempt, a random time between half and all of
  // retry_backoff_ms, doubled each time up to 2 s, so that two writers that deadlocked do not
  // meet again at once. Counts the attempts run again in *retries.
  Status RetryAborted(const std::function<Status()>& attempt, int64_t* retries) {
    int64_t ceiling_ms = std::max(1, options.retry_backoff_ms);
    for (int n = 1;; ++n) {
      Status s = attempt();
      if (s.code() != StatusCode::kAborted || n >= std::max(1, options.max_attempts)) return s;
      ++*retries;
      std::uniform_int_distribution<int64_t> wait(ceiling_ms / 2, ceiling_ms);
      std::this_thread::sleep_for(std::chrono::milliseconds(wait(rng)));
      ceiling_ms = std::min<int64_t>(ceiling_ms * 2, 2000);
    }
  }

  // One attempt at storing the batch in one transaction; `retries_before` (the attempts that
  // conflicted) is added to the summary with the batch's counts once it has committed.
  Status Commit(std::vector<Item>* batch, int64_t retries_before) {
    const int64_t commit_start = ThreadCpuNanos();
    const auto wall_start = std::chrono::steady_clock::now();
    IngestSummary delta;
    std::vector<std::string> examples;
    if (Status s = store->Begin(); !s.ok()) return s;
    for (Item& item : *batch) {
      Document& doc = item.document;
      std::string origin = doc.origin.empty() ? doc.id : doc.origin;
      if (!item.failure.ok()) {
        // The reason without its place (the origin says where), counted by its kind: both kept
        // apart by whoever made the failure (Status::At, WithKind), never cut out of a message.
        const std::string reason = item.failure.what();
        Status s = store->AddFailure(origin, doc.sha256, reason);
        if (!s.ok()) {
          (void)store->Rollback();
          return s;
        }
        ++delta.failed;
        const std::string& kind = item.failure.kind();
        ++delta.failure_reasons[kind.empty() ? StatusCodeName(item.failure.code()) : kind];
        examples.push_back(origin + ": " + reason);
        continue;
      }
      if (item.known) {
        ++delta.duplicates;
        continue;
      }
      AddResult result;
      Status s = store->AddDocument(doc, item.sentences, item.events, dict_hash, item.minhash,
                                    &result);
      if (!s.ok()) {
        (void)store->Rollback();
        return s;
      }
      switch (result.outcome) {
        case AddOutcome::kNew: ++delta.new_documents; break;
        case AddOutcome::kDuplicate: ++delta.duplicates; break;
        case AddOutcome::kNearDuplicate: ++delta.near_duplicates; break;
      }
      delta.events += result.events_added;
    }
    if (Status s = store->Commit(); !s.ok()) {
      (void)store->Rollback();  // nothing to do when the commit ended the transaction
      return s;
    }
    IngestProgress progress;
    {
      std::lock_guard lock(mu);
      summary.writer_cpu_seconds += static_cast<double>(ThreadCpuNanos() - commit_start) / 1e9;
      summary.writer_seconds +=
          std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
      summary.worker_cpu_seconds = static_cast<double>(worker_ns.load()) / 1e9;
      summary.done += static_cast<int64_t>(batch->size());
      summary.new_documents += delta.new_documents;
      summary.duplicates += delta.duplicates;
      summary.near_duplicates += delta.near_duplicates;
      summary.failed += delta.failed;
      summary.events += delta.events;
      summary.retries += retries_before;
      for (const auto& [kind, n] : delta.failure_reasons) summary.failure_reasons[kind] += n;
      for (auto& e : examples)
        if (summary.failure_examples.size() < 20) summary.failure_examples.push_back(std::move(e));
      summary.seconds = Seconds();
      progress = summary;
    }
    batch->clear();
    if (options.progress) options.progress(progress);
    return Status::Ok();
  }
};

Ingester::Ingester(Store* store, CodeFunction code, std::string dict_hash, IngestOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->store = store;
  impl_->code = std::move(code);
  impl_->dict_hash = std::move(dict_hash);
  impl_->options = std::move(options);
  if (impl_->options.threads < 1) impl_->options.threads = 1;
  if (impl_->options.batch_size < 1) impl_->options.batch_size = 1;
}

Ingester::~Ingester() {
  if (impl_->started && !impl_->finished) {
    IngestSummary ignored;
    (void)Finish(&ignored);
  }
}

Status Ingester::Start() {
  Impl& m = *impl_;
  if (m.started) return Status::Error("ingest: Start() called twice");
  int64_t& retries = m.summary.retries;  // no thread runs yet
  if (Status s = m.RetryAborted([&] { return m.store->SetCurrentCoding(m.dict_hash, ""); }, &retries);
      !s.ok())
    return s;
  nlohmann::json params = nlohmann::json::parse(m.options.audit_parameters, nullptr, false);
  if (!params.is_object()) params = nlohmann::json::object();
  params["dict_hash"] = m.dict_hash;
  params["threads"] = m.options.threads;
  if (Status s = m.RetryAborted([&] { return m.store->Audit("ingest", params.dump()); }, &retries);
      !s.ok())
    return s;
  OpenOptions read_options;
  read_options.read_only = true;
  if (!Store::Open(m.store->path(), read_options, &m.reader).ok()) m.reader.reset();
  m.start = std::chrono::steady_clock::now();
  m.started = true;
  for (int i = 0; i < m.options.threads; ++i) m.workers.emplace_back([&m] { m.Work(); });
  m.writer = std::thread([&m] { m.Write(); });
  return Status::Ok();
}

void Ingester::Add(Document document) {
  {
    std::lock_guard lock(impl_->mu);
    ++impl_->summary.queued;
  }
  Item item;
  item.document = std::move(document);
  impl_->input.Push(std::move(item));
}

void Ingester::AddFailure(std::string origin, Status failure) {
  {
    std::lock_guard lock(impl_->mu);
    ++impl_->summary.queued;
  }
  Item item;
  item.document.origin = std::move(origin);
  item.failure = failure.ok() ? Status::Internal("AddFailure without a failure") : std::move(failure);
  impl_->input.Push(std::move(item));
}

Status Ingester::Finish(IngestSummary* summary) {
  Impl& m = *impl_;
  if (!m.started) return Status::Error("ingest: Finish() before Start()");
  if (!m.finished) {
    m.input.Close();
    for (auto& t : m.workers) t.join();
    m.output.Close();
    m.writer.join();
    m.finished = true;
    m.reader.reset();
    std::lock_guard lock(m.mu);
    m.summary.seconds = m.Seconds();
    m.summary.worker_cpu_seconds = static_cast<double>(m.worker_ns.load()) / 1e9;
    if (m.error.ok()) {
      nlohmann::json done = {{"new", m.summary.new_documents},
                             {"duplicate", m.summary.duplicates},
                             {"near_duplicate", m.summary.near_duplicates},
                             {"failed", m.summary.failed},
                             {"events", m.summary.events},
                             {"retries", m.summary.retries},
                             {"seconds", m.summary.seconds}};
      if (Status s = m.RetryAborted([&] { return m.store->Audit("ingest-finished", done.dump()); },
                                    &m.summary.retries);
          !s.ok())
        m.error = s;
    }
  }
  std::lock_guard lock(m.mu);
  *summary = m.summary;
  return m.error;
}

}  // namespace dyad::store
