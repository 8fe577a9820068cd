// The event filters shared by `dyad events` and `dyad export`: one set of flags,
// one translation into a store::EventQuery.
#ifndef DYAD_TOOLS_EVENT_FILTER_H_
#define DYAD_TOOLS_EVENT_FILTER_H_

#include <cstdint>
#include <string>

#include <CLI/CLI.hpp>

#include "command.h"
#include "dyad/status.h"
#include "store/event_filter.h"
#include "store/store.h"

namespace dyad::cli {

struct EventFilterFlags : store::EventFilter {
  std::string db = DefaultDatabase();
  int64_t limit = 0;
  bool include_duplicates = false;
  // (--reviewed-only and --include-rejected set store::EventFilter's reviewed_only and include_rejected.)
};

// Adds --db, --actor, --source, --target, --code, --root, --from, --to,
// --modality, --text, --review, --reviewed-only, --include-rejected, --limit (described by
// limit_help), --include-duplicates.
void AddEventFilterOptions(CLI::App& app, EventFilterFlags* flags, const std::string& limit_help);

// Flags -> EventQuery; a one-line error naming the bad value.
Status ToQuery(const EventFilterFlags& flags, store::EventQuery* query);

}  // namespace dyad::cli

#endif  // DYAD_TOOLS_EVENT_FILTER_H_
