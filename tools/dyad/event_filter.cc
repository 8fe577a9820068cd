#include "event_filter.h"

#include "command.h"

namespace dyad::cli {

void AddEventFilterOptions(CLI::App& app, EventFilterFlags* f, const std::string& limit_help) {
  app.add_option("--db", f->db, "Database file (default $DYAD_DB or ./dyad.db)");
  app.add_option("--actor", f->actor, "Source or target code prefix (BLR matches BLRMIL)");
  app.add_option("--source", f->source, "Source actor code prefix");
  app.add_option("--target", f->target, "Target actor code prefix");
  app.add_option("--code", f->code, "CAMEO event code prefix (19 matches 190..196)");
  app.add_option("--root", f->root, "CAMEO root code, e.g. 19");
  app.add_option("--from", f->from, "First event date, YYYY-MM-DD");
  app.add_option("--to", f->to, "Last event date, YYYY-MM-DD");
  app.add_option("--modality", f->modality, "asserted, negated, hypothetical or reported");
  app.add_option("--text", f->text, "Full-text (FTS5) query over the event's sentence");
  app.add_option("--limit", f->limit, limit_help)->check(NonNegativeCount());
  app.add_flag("--include-duplicates", f->include_duplicates, "Also events of near-duplicate documents");
  app.add_option("--review", f->review,
                 "By the latest review: reviewed (confirmed or corrected, with the correction), rejected or unreviewed");
  app.add_flag("--reviewed-only", f->reviewed_only,
               "Only events an analyst confirmed or corrected, corrected ones as corrected (= --review reviewed)");
  app.add_flag("--include-rejected", f->include_rejected,
               "Also events an analyst rejected (left out by default), with their review");
}

Status ToQuery(const EventFilterFlags& f, store::EventQuery* q) {
  q->limit = f.limit;
  q->include_duplicates = f.include_duplicates;
  return store::ParseEventFilter(f, q, "--");
}

}  // namespace dyad::cli
