// Event filters given as text (CLI flags, HTTP query parameters) and their
// translation into an EventQuery. One parser for every front end, so `dyad events`,
// `dyad export` and `GET /api/events` accept the same values with the same errors.
// Pure functions; thread-safe.
#ifndef DYAD_STORE_EVENT_FILTER_H_
#define DYAD_STORE_EVENT_FILTER_H_

#include <string>

#include "dyad/status.h"
#include "store/store.h"

namespace dyad::store {

// Unset (empty) fields do not filter.
struct EventFilter {
  std::string actor, source, target;  // actor code prefixes
  std::string code;                   // CAMEO code prefix
  std::string root;                   // CAMEO root
  std::string from, to;               // YYYY-MM-DD, inclusive
  std::string modality;               // asserted | negated | hypothetical | reported
  std::string text;                   // FTS5 query over the event's sentence
  // By the latest review: reviewed (confirmed or corrected, corrections applied) | rejected |
  // unreviewed.
  std::string review;
  bool reviewed_only = false;  // as review = reviewed (--reviewed-only, reviewed_only=1)
  // Also events whose latest review rejects them. Without it and without `review`, they are left
  // out (ReviewFilter::kNotRejected): a rejected event is the machine's mistake.
  bool include_rejected = false;
};

// Fills the filter fields of *query (leaves limit, paging and duplicates alone).
// Errors name the field and the value: "--from: not a date: '2024-13-01' (use YYYY-MM-DD)"
// (`prefix` is put before the field name: "--" for flags, "" for URL parameters; two-word
// names follow it: "--include-rejected" for flags, "include_rejected" for URL parameters).
// reviewed_only with another review, and include_rejected with reviewed or unreviewed,
// contradict each other (an error naming both).
Status ParseEventFilter(const EventFilter& filter, EventQuery* query, const std::string& prefix = "--");

}  // namespace dyad::store

#endif  // DYAD_STORE_EVENT_FILTER_H_
