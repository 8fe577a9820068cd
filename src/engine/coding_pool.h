// CodingPool: codes a stream of documents on N threads and hands the results
// back IN INPUT ORDER on the calling thread, with memory bounded by two batches.
//
// With N >= 2 the calling thread reads the next batch and hands back the previous
// one while N - 1 workers code the current batch, then joins them in coding it: reading,
// writing and coding overlap, so no core waits for the serial I/O. With N == 1
// everything runs on the calling thread, one document after another.
//
// Used by `dyad code`. Not thread-safe itself: one Run() at a time. The engine must
// outlive the pool.
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

  // Runs on the thread that coded the document, right after coding it (so it must be
  // thread-safe): turns its events into the text on_done will write. Work done here
  // runs in parallel.
  using DocumentFormat = std::function<void(const Document&, const std::vector<Event>&, std::string* text)>;
  // On the calling thread, in input order; `text` is what the format callback made ("" without one).
  using DocumentDone = std::function<void(const Document&, const std::vector<Event>&, const std::string& text)>;
  // A document that could not be read or coded: one line, "origin: what".
  using DocumentFailed = std::function<void(const std::string& error)>;

  // Reads `reader` to its end. Per-document problems go to on_failed and the
  // run continues; returns an error only when the reader cannot go on (the documents
  // read before it are still handed back).
  Status Run(DocumentReader& reader, const DocumentDone& on_done, const DocumentFailed& on_failed,
             const DocumentFormat& format = nullptr);

 private:
  const Engine& engine_;
  int threads_;
  size_t batch_size_;
};

}  // namespace dyad

#endif  // DYAD_ENGINE_CODING_POOL_H_
