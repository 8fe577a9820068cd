// CodingPool: codes a stream of documents on N threads and hands the results
// back IN INPUT ORDER on the calling thread, with memory bounded by one batch.
//
// Used by `dyad code` and `dyad ingest`. Not thread-safe itself: one Run() at a
// time. The engine must outlive the pool.
#ifndef DYAD_ENGINE_CODING_POOL_H_
#define DYAD_ENGINE_CODING_POOL_H_

#include <functional>
#include <string>
#include <vector>

#include "dyad/engine.h"
#include "dyad/reader.h"

namespace dyad {

class CodingPool {
 public:
  // threads >= 1; batch_size documents are read, then coded in parallel.
  CodingPool(const Engine& engine, int threads, size_t batch_size = 0);

  using DocumentDone = std::function<void(const Document&, const std::vector<Event>&)>;
  // A document that could not be read or coded: one line, "origin: what".
  using DocumentFailed = std::function<void(const std::string& error)>;

  // Reads `reader` to its end. Per-document problems go to on_failed and the
  // run continues; returns an error only when the reader cannot go on.
  Status Run(DocumentReader& reader, const DocumentDone& on_done, const DocumentFailed& on_failed);

 private:
  const Engine& engine_;
  int threads_;
  size_t batch_size_;
};

}  // namespace dyad

#endif  // DYAD_ENGINE_CODING_POOL_H_
