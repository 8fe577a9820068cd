// dyad events: query the coded events of a store.
//   dyad events [--db FILE] [--actor CODE] [--source CODE] [--target CODE] [--code PREFIX]
//               [--root N] [--from DATE] [--to DATE] [--modality M] [--text "fts query"]
//               [--limit N] [--format table|jsonl|csv]
#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "command.h"
#include "event_filter.h"
#include "store/export.h"
#include "store/format.h"
#include "store/store.h"

namespace dyad::cli {
namespace {

struct EventsFlags : EventFilterFlags {
  std::string format = "table";
  EventsFlags() { limit = 100; }
};

size_t TerminalWidth() {
  struct winsize ws{};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
    return ws.ws_col;
  return 120;
}

int RunEvents(const EventsFlags& flags) {
  if (flags.format != "table" && flags.format != "jsonl" && flags.format != "csv") {
    return Fail("events: --format: '" + flags.format + "' (expected table, jsonl or csv)", 2);
  }
  store::EventQuery query;
  if (Status s = ToQuery(flags, &query); !s.ok()) return Fail("events: " + s.message(), 2);
  store::OpenOptions options;
  options.read_only = true;
  std::unique_ptr<store::Store> db;
  if (Status s = store::Store::Open(flags.db, options, &db); !s.ok()) return Fail(s);

  int64_t count = 0;
  Status s;
  if (flags.format == "table") {
    std::vector<store::StoredEvent> rows;
    s = db->QueryEvents(query, &rows);
    if (s.ok()) {
      std::fputs(store::FormatEventTable(rows, TerminalWidth()).c_str(), stdout);
      count = static_cast<int64_t>(rows.size());
    }
  } else {
    store::Exporter exporter(std::cout, flags.format == "csv" ? store::ExportFormat::kCsv
                                                                 : store::ExportFormat::kJsonl);
    exporter.Begin();
    s = db->ForEachEvent(query, [&](const store::StoredEvent& e) {
      exporter.Write(e);
      ++count;
      return static_cast<bool>(std::cout);
    });
    std::cout.flush();
  }
  if (std::string why; StdoutFailed(&why)) return Fail(Status::IOError("events: " + why));  // the summary would lie
  if (!s.ok()) return Fail(s);

  // Say which coding the rows come from, and what they leave out (from indexes: no count of
  // the whole store, which would cost more than the page of rows on a large one).
  std::string dict_hash;
  int64_t hidden = 0, near_duplicates = 0;
  if (db->CurrentCoding(&dict_hash).ok() && db->CountHiddenEvents(&hidden).ok() &&
      db->CountNearDuplicates(&near_duplicates).ok()) {
    std::fprintf(stderr, "dyad: %lld event%s%s (dictionary set %.12s)", static_cast<long long>(count),
                 count == 1 ? "" : "s",
                 query.limit > 0 && count == query.limit ? ", limit reached (--limit 0 for all)" : "",
                 dict_hash.empty() ? "none" : dict_hash.c_str());
    if (hidden > 0) {
      std::fprintf(stderr, "; %lld events from other dictionary versions not shown: run `dyad recode`",
                   static_cast<long long>(hidden));
    }
    if (near_duplicates > 0 && !query.include_duplicates) {
      std::fprintf(stderr, "; events of %lld near-duplicate documents not counted",
                   static_cast<long long>(near_duplicates));
    }
    std::fputc('\n', stderr);
  }
  return 0;
}

Registration reg(
    "events", "Query stored events (filters combine with AND; actor codes match as prefixes)",
    [](CLI::App& app) -> Runner {
      auto f = std::make_shared<EventsFlags>();
      AddEventFilterOptions(app, f.get(), "Most events to print (default 100; 0 = all)");
      app.add_option("--format", f->format, "table (default), jsonl or csv");
      return [f]() { return RunEvents(*f); };
    });

}  // namespace
}  // namespace dyad::cli
