// dyad recode [--db FILE] [--dict PATH]... [--threads N]
// Re-derives every document's events with the current dictionaries, leaving the
// documents untouched, and reports events added, removed and changed. The new
// dictionary set becomes the one queries use once every document is recoded;
// an interrupted recode can simply be run again.
#include <algorithm>
#include <cstdio>
#include <thread>

#include <nlohmann/json.hpp>

#include "command.h"
#include "dyad/engine.h"
#include "store/store.h"

namespace dyad::cli {
namespace {

struct RecodeFlags {
  std::string db = DefaultDatabase();
  std::vector<std::string> dicts;
  int threads = 0;
  bool lenient = false;
};

int RunRecode(const RecodeFlags& flags) {
  EngineOptions engine_options;
  engine_options.dictionaries = flags.dicts;
  engine_options.lenient = flags.lenient;
  std::unique_ptr<Engine> engine;
  if (Status s = Engine::Create(engine_options, &engine); !s.ok()) return Fail("recode: " + s.message(), 2);
  for (const auto& warning : engine->load_report().warnings)
    std::fprintf(stderr, "dyad: warning: %s\n", warning.c_str());
  const std::string& hash = engine->dictionary_hash();

  store::OpenOptions options;
  options.create = false;
  std::unique_ptr<store::Store> db;
  if (Status s = store::Store::Open(flags.db, options, &db); !s.ok()) return Fail(s);
  std::string previous;
  if (Status s = db->CurrentCoding(&previous); !s.ok()) return Fail(s);
  std::vector<int64_t> ids;
  if (Status s = db->ListDocumentIds(&ids); !s.ok()) return Fail(s);
  nlohmann::json params = {{"dictionaries", flags.dicts}, {"dict_hash", hash},
                           {"previous_dict_hash", previous}, {"documents", ids.size()}};
  if (Status s = db->Audit("recode", params.dump()); !s.ok()) return Fail(s);

  const int threads = flags.threads > 0 ? flags.threads
                                        : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  const bool show_progress = StderrIsTerminal();
  const size_t kChunk = 256;
  store::RecodeDelta total;
  int64_t failed = 0;
  for (size_t start = 0; start < ids.size(); start += kChunk) {
    const size_t n = std::min(kChunk, ids.size() - start);
    std::vector<store::StoredDocument> docs(n);
    for (size_t i = 0; i < n; ++i) {
      if (Status s = db->GetDocument(ids[start + i], &docs[i]); !s.ok()) return Fail(s);
    }
    std::vector<std::vector<Event>> events(n);
    std::vector<Status> statuses(n);
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
      workers.emplace_back([&, t] {
        for (size_t i = static_cast<size_t>(t); i < n; i += static_cast<size_t>(threads)) {
          statuses[i] = engine->Code(docs[i].document, &events[i]);
        }
      });
    }
    for (auto& w : workers) w.join();
    if (Status s = db->Begin(); !s.ok()) return Fail(s);
    for (size_t i = 0; i < n; ++i) {
      if (!statuses[i].ok()) {
        // The document stays with its old events; say which and why.
        ++failed;
        std::fprintf(stderr, "%sdyad: recode: d%lld: %s\n", show_progress ? "\r\033[K" : "",
                     static_cast<long long>(docs[i].id), statuses[i].message().c_str());
        continue;
      }
      store::RecodeDelta delta;
      if (Status s = db->ReplaceEvents(docs[i].id, events[i], hash, &delta); !s.ok()) {
        (void)db->Rollback();
        return Fail(s);
      }
      total.added += delta.added;
      total.removed += delta.removed;
      total.changed += delta.changed;
      total.unchanged += delta.unchanged;
    }
    if (Status s = db->Commit(); !s.ok()) return Fail(s);
    if (show_progress) {
      std::fprintf(stderr, "\r\033[Krecode: %zu/%zu documents", start + n, ids.size());
      std::fflush(stderr);
    }
  }
  if (show_progress) std::fprintf(stderr, "\r\033[K");
  if (Status s = db->SetCurrentCoding(hash, ""); !s.ok()) return Fail(s);
  nlohmann::json done = {{"dict_hash", hash},          {"documents", ids.size()}, {"added", total.added},
                         {"removed", total.removed},   {"changed", total.changed},
                         {"unchanged", total.unchanged}, {"failed", failed}};
  if (Status s = db->Audit("recode-finished", done.dump()); !s.ok()) return Fail(s);
  std::printf("recode: %zu documents with dictionary set %.12s (was %.12s): %d added, %d removed, %d changed, "
              "%d unchanged events%s\n",
              ids.size(), hash.c_str(), previous.empty() ? "none" : previous.c_str(), total.added, total.removed,
              total.changed, total.unchanged, failed ? "; some documents failed (see above)" : "");
  return failed ? 3 : 0;
}

Registration reg("recode", "Re-derive all stored events with the current dictionaries (documents untouched)",
                 [](CLI::App& app) -> Runner {
                   auto f = std::make_shared<RecodeFlags>();
                   app.add_option("--db", f->db, "Database file (default $DYAD_DB or ./dyad.db)");
                   app.add_option("--dict", f->dicts, "Dictionary file or directory (repeatable); default: bundled");
                   app.add_option("--threads", f->threads, "Coding threads (default: all cores)");
                   app.add_flag("--lenient", f->lenient, "Replace invalid UTF-8 instead of failing");
                   return [f]() { return RunRecode(*f); };
                 });

}  // namespace
}  // namespace dyad::cli
