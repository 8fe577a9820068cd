// dyad export: all current events (or a filtered subset) in an exchange format.
//   dyad export --format jsonl|csv|gdelt|plover|acled [--db FILE] [-o FILE] [filters of `dyad events`]
// Formats: docs/export-formats.md. Each event carries its latest review (a correction as
// corrected); events an analyst rejected are left out unless --include-rejected. Every export is
// written to the audit log.
#include <cstdio>
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "command.h"
#include "event_filter.h"
#include "store/export.h"
#include "store/store.h"

namespace dyad::cli {
namespace {

struct EventsFlags : EventFilterFlags {
  std::string format;
  std::string output;
  store::ExportOptions modalities;
  EventsFlags() { limit = 0; }
};

int RunExport(const EventsFlags& flags) {
  store::ExportFormat format;
  if (Status s = store::ParseExportFormat(flags.format, &format); !s.ok())
    return Fail("export: --format: " + s.message(), 2);
  store::EventQuery query;
  if (Status s = ToQuery(flags, &query); !s.ok()) return Fail("export: " + s.message(), 2);
  store::AcledMap acled;
  if (format == store::ExportFormat::kAcled) {
    if (Status s = store::AcledMap::LoadDefault("", &acled); !s.ok()) return Fail("export: " + s.message());
  }
  store::OpenOptions options;
  options.create = false;
  std::unique_ptr<store::Store> db;
  if (Status s = store::Store::Open(flags.db, options, &db); !s.ok()) return Fail(s);

  std::ofstream file;
  std::ostream* out = &std::cout;
  if (!flags.output.empty() && flags.output != "-") {
    file.open(flags.output, std::ios::out | std::ios::trunc);
    if (!file) return Fail(Status::IOError("export: cannot write " + flags.output));
    out = &file;
  }
  store::Exporter exporter(*out, format, &acled, flags.modalities);
  exporter.Begin();
  Status s = db->ForEachEvent(query, [&](const store::StoredEvent& e) {
    exporter.Write(e);
    return static_cast<bool>(*out);
  });
  out->flush();
  if (!s.ok()) return Fail(s);
  if (out == &std::cout) {
    if (std::string why; StdoutFailed(&why)) return Fail(Status::IOError("export: " + why));
  } else if (!*out) {
    return Fail(Status::IOError("export: cannot write " + flags.output));
  }

  // Say how many rejected events the same filters left out (a second pass over them only).
  int64_t rejected = 0;
  if (query.review == store::ReviewFilter::kNotRejected) {
    store::EventQuery left_out = query;
    left_out.review = store::ReviewFilter::kRejected;
    left_out.limit = 0;
    left_out.fields = store::EventFields::kReport;
    if (Status c = db->ForEachEvent(left_out, [&](const store::StoredEvent&) { return ++rejected, true; }); !c.ok())
      return Fail(c);
  }

  std::string dict_hash;
  (void)db->CurrentCoding(&dict_hash);
  nlohmann::json params = {{"format", flags.format},   {"output", flags.output.empty() ? "-" : flags.output},
                           {"events", exporter.written()}, {"skipped", exporter.skipped()},
                           {"dict_hash", dict_hash},   {"actor", flags.actor},
                           {"source", flags.source},   {"target", flags.target},
                           {"code", flags.code},       {"root", flags.root},
                           {"from", flags.from},       {"to", flags.to},
                           {"modality", flags.modality}, {"text", flags.text},
                           {"limit", flags.limit},
                           {"include_negated", flags.modalities.include_negated},
                           {"include_hypothetical", flags.modalities.include_hypothetical},
                           {"left_out_modality", exporter.skipped_modality()},
                           {"review", flags.reviewed_only ? std::string("reviewed") : flags.review},
                           {"include_rejected", flags.include_rejected},
                           {"left_out_rejected", rejected}};
  if (Status a = db->Audit("export", params.dump()); !a.ok()) return Fail(a.message());
  std::fprintf(stderr, "dyad: exported %lld events as %s", static_cast<long long>(exporter.written()),
               store::ExportFormatName(format));
  if (exporter.skipped() > 0) {
    std::fprintf(stderr, " (%lld left out: %s)", static_cast<long long>(exporter.skipped()),
                 format == store::ExportFormat::kPlover ? "no PLOVER type (CAMEO 01x/02x)"
                                                        : "CAMEO code is not an ACLED event type");
  }
  if (exporter.skipped_modality() > 0) {
    std::fprintf(stderr, "; %lld negated or hypothetical events left out (--include-negated, --include-hypothetical)",
                 static_cast<long long>(exporter.skipped_modality()));
  }
  if (rejected > 0) {
    std::fprintf(stderr, "; %lld events an analyst rejected left out (--include-rejected)", static_cast<long long>(rejected));
  }
  int64_t hidden = 0;
  if (db->CountHiddenEvents(&hidden).ok() && hidden > 0) {
    std::fprintf(stderr, "; %lld events from other dictionary versions not exported: run `dyad recode`",
                 static_cast<long long>(hidden));
  }
  std::fputc('\n', stderr);
  return 0;
}

Registration reg(
    "export", "Export stored events as JSONL, CSV, GDELT 2.0, PLOVER or ACLED-style CSV",
    [](CLI::App& app) -> Runner {
      auto f = std::make_shared<EventsFlags>();
      AddEventFilterOptions(app, f.get(), "Most events to export (default 0 = all)");
      app.add_option("--format", f->format, "jsonl, csv, gdelt, plover or acled")->required();
      app.add_option("-o,--output", f->output, "Output file (default stdout)");
      app.add_flag("--include-negated", f->modalities.include_negated,
                   "GDELT, PLOVER, ACLED: also events someone denied (default: asserted and reported only)");
      app.add_flag("--include-hypothetical", f->modalities.include_hypothetical,
                   "GDELT, PLOVER, ACLED: also conditional or future events");
      return [f]() { return RunExport(*f); };
    });

}  // namespace
}  // namespace dyad::cli
