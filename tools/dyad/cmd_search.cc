// dyad search "query": sentences matching an FTS5 query, with their events (those an analyst
// rejected only with --include-rejected, marked, as `dyad events` lists them).
#include <cstdio>
#include <map>

#include "command.h"
#include "store/format.h"
#include "store/store.h"

namespace dyad::cli {
namespace {

struct SearchFlags {
  std::string db = DefaultDatabase();
  std::string query;
  int64_t limit = 20;
  bool include_rejected = false;
};

int RunSearch(const SearchFlags& flags) {
  store::OpenOptions options;
  options.read_only = true;
  std::unique_ptr<store::Store> db;
  if (Status s = store::Store::Open(flags.db, options, &db); !s.ok()) return Fail(s);
  std::vector<store::SentenceHit> hits;
  if (Status s = db->SearchSentences(flags.query, flags.limit, &hits); !s.ok())
    return Fail("search: " + s.message(), 2);
  std::map<int64_t, std::vector<store::StoredEvent>> events_by_doc;
  size_t rejected_left_out = 0;
  for (const auto& hit : hits) {
    const std::string page = hit.page > 0 ? " (p. " + std::to_string(hit.page) + ")" : "";
    std::printf("d%lld sentence %d  %s  %s%s%s%s\n", static_cast<long long>(hit.document_id), hit.sentence.index,
                hit.doc_date.valid() ? hit.doc_date.ToIso().c_str() : "----------",
                store::TruncateForDisplay(hit.doc_name, 80).c_str(), page.c_str(),
                hit.doc_source.empty() ? "" : " - ", store::ForTerminal(hit.doc_source).c_str());
    std::printf("  %s\n", store::TruncateForDisplay(hit.snippet, 400).c_str());
    auto it = events_by_doc.find(hit.document_id);
    if (it == events_by_doc.end()) {
      store::EventQuery q;
      q.document_id = hit.document_id;
      q.include_duplicates = true;
      // Every event, then rejected ones are counted or marked below: the same latest review the
      // store's kNotRejected filter reads.
      std::vector<store::StoredEvent> events;
      if (Status s = db->QueryEvents(q, &events); !s.ok()) return Fail(s);
      it = events_by_doc.emplace(hit.document_id, std::move(events)).first;
    }
    for (const auto& e : it->second) {
      if (e.event.sentence_index != hit.sentence.index) continue;
      const bool rejected = e.review.id != 0 && e.review.state == store::ReviewState::kRejected;
      if (rejected && !flags.include_rejected) {
        ++rejected_left_out;
        continue;
      }
      const std::string review = e.review.id == 0 ? ""
                                                  : std::string(" [") + store::ReviewStateName(e.review.state) + " by " +
                                                        store::ForTerminal(e.review.reviewer) + "]";
      std::printf("  event %lld: %s -> %s %s (%s)%s\n", static_cast<long long>(e.id),
                  e.event.source.empty() ? "-" : e.event.source.c_str(),
                  e.event.target.empty() ? "-" : e.event.target.c_str(), e.event.event_code.c_str(),
                  ModalityName(e.event.modality), review.c_str());
    }
  }
  if (std::string why; StdoutFailed(&why)) return Fail(Status::IOError("search: " + why));  // the count would lie
  std::fprintf(stderr, "dyad: %zu sentence%s%s", hits.size(), hits.size() == 1 ? "" : "s",
               flags.limit > 0 && static_cast<int64_t>(hits.size()) == flags.limit
                   ? " (limit reached; --limit 0 for all)" : "");
  if (rejected_left_out > 0)
    std::fprintf(stderr, "; %zu event%s an analyst rejected left out (--include-rejected)", rejected_left_out,
                 rejected_left_out == 1 ? "" : "s");
  std::fprintf(stderr, "\n");
  return 0;
}

Registration reg("search", "Full-text search over stored sentences (FTS5 syntax), with their events",
                 [](CLI::App& app) -> Runner {
                   auto f = std::make_shared<SearchFlags>();
                   app.add_option("query", f->query, "FTS5 query, e.g. 'Belarus AND (missile OR airspace)'")
                       ->required();
                   app.add_option("--db", f->db, "Database file (default $DYAD_DB or ./dyad.db)");
                   app.add_option("--limit", f->limit, "Most sentences (default 20; 0 = all)")->check(NonNegativeCount());
                   app.add_flag("--include-rejected", f->include_rejected,
                                "Also the events an analyst rejected (left out by default), marked [rejected by NAME]");
                   return [f]() { return RunSearch(*f); };
                 });

}  // namespace
}  // namespace dyad::cli
