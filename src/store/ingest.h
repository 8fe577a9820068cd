// dyad::store::Ingester: the ingest pipeline. One producer (the caller) adds
// documents; `threads` workers validate, hash and code them; one writer thread
// stores them in batches (one transaction per batch).
//
// Example:
//   Ingester ingester(store.get(), code_fn, engine->dictionary_hash(), options);
//   if (auto s = ingester.Start(); !s.ok()) ...
//   while (reader->Next(&doc, &done) ...) ingester.Add(std::move(doc));
//   IngestSummary summary;
//   Status s = ingester.Finish(&summary);
//
// Contract:
//   - A document counts as done (progress.done) only once its batch has
//     committed; a kill -9 at any moment loses at most the uncommitted batch,
//     and a re-run stores exactly the documents not yet stored (the others are
//     duplicates by SHA-256).
//   - Bad documents (empty, invalid UTF-8, larger than max_document_bytes, or
//     that the coder rejects) are recorded in the store's failures table with
//     their reason and do not stop the batch. Store errors (disk full, another
//     writer holding the lock past busy_timeout) stop the ingest: Finish()
//     returns the error and the uncommitted batch is rolled back.
//   - Add()/AddFailure() must be called from one thread; they block while the
//     queue is full. `code` and `progress` are called from the worker and writer
//     threads respectively; `code` must be thread-safe.
//   - The store must outlive the Ingester and must not be used by others
//     between Start() and Finish().
#ifndef DYAD_STORE_INGEST_H_
#define DYAD_STORE_INGEST_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "dyad/document.h"
#include "dyad/event.h"
#include "dyad/status.h"
#include "store/store.h"

namespace dyad::store {

// Codes one document: fills its events (and, when the coder knows them, all
// its sentences; left empty, the events' sentences are stored). Thread-safe.
using CodeFunction =
    std::function<Status(const Document&, std::vector<Sentence>*, std::vector<Event>*)>;

struct IngestProgress {
  int64_t queued = 0;           // documents and failures handed to Add*()
  int64_t done = 0;             // committed (stored, duplicate, or failure recorded)
  int64_t new_documents = 0, duplicates = 0, near_duplicates = 0, failed = 0, events = 0;
  double seconds = 0;           // since Start()
  // Where the CPU goes (thread CPU time, so a busy machine does not inflate
  // it): the workers validating, hashing and coding (summed over workers); the
  // writer storing batches (BEGIN .. COMMIT).
  double worker_cpu_seconds = 0, writer_cpu_seconds = 0;
  double writer_seconds = 0;    // wall clock the writer spent storing batches
  // Batches rolled back after a conflict with another writer (StatusCode::kAborted: a deadlock
  // or serialization failure on PostgreSQL) and stored again.
  int64_t retries = 0;
};

struct IngestSummary : IngestProgress {
  std::map<std::string, int64_t> failure_reasons;  // kind (Status::kind) -> count
  std::vector<std::string> failure_examples;       // "origin: reason", first 20
};

struct IngestOptions {
  int threads = 2;                       // coding workers (>= 1)
  size_t batch_size = 1024;              // documents per transaction (see max_batch_ms)
  int max_batch_ms = 1000;               // commit at least this often
  size_t max_document_bytes = 16u << 20;
  // A batch that conflicts with another writer (kAborted) is rolled back and stored again, up to
  // max_attempts times in all, after a random wait of up to retry_backoff_ms, doubled after each
  // attempt (at most 2 s); then the ingest stops with the conflict.
  int max_attempts = 8;
  int retry_backoff_ms = 50;
  std::function<void(const IngestProgress&)> progress;  // after each commit
  // Extra key/values for the audit record ("paths", "threads", ...), a JSON object text.
  std::string audit_parameters = "{}";
};

class Ingester {
 public:
  Ingester(Store* store, CodeFunction code, std::string dict_hash, IngestOptions options);
  ~Ingester();
  Ingester(const Ingester&) = delete;
  Ingester& operator=(const Ingester&) = delete;

  // Makes dict_hash the current coding, writes the audit record, starts threads.
  Status Start();
  void Add(Document document);
  // An input that could not even be read (e.g. unreadable file): `failure` is recorded at
  // `origin` with its reason (Status::what: the message without its place) and counted by its
  // kind (Status::kind; its code's name when it has none).
  void AddFailure(std::string origin, Status failure);
  // Waits until everything added is stored; stops the threads; audits the totals.
  Status Finish(IngestSummary* summary);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The ingest progress line (without "\r" or colours): documents done, new, exact duplicates,
// near-duplicates and failures each counted apart, the rate, and, when read_fraction (the
// share of the input's bytes read, 0..1) is known (> 0) and a second has passed, a percentage
// and an ETA. The percentage is the bytes read times the share of the documents handed over
// that are stored, and stays below 100% until Finish(): reading ahead of the coders never
// shows a finished ingest.
std::string IngestProgressLine(const IngestProgress& progress, double read_fraction);

// Why a document cannot be stored (OK when it can): empty, too large, invalid UTF-8, each with
// its kind ("empty document", "too large", "invalid UTF-8").
Status ValidateDocument(const Document& document, size_t max_bytes);

}  // namespace dyad::store

#endif  // DYAD_STORE_INGEST_H_
