// Event export formats of the store (docs/export-formats.md describes every
// column): JSONL, CSV, GDELT 2.0 event table (61 tab-separated columns),
// PLOVER JSON records (one per line), ACLED-style CSV.
//
// Thread-compatible: an Exporter writes to one stream; the AcledMap is
// immutable after Load and may be shared.
#ifndef DYAD_STORE_EXPORT_H_
#define DYAD_STORE_EXPORT_H_

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "dyad/status.h"
#include "store/store.h"

namespace dyad::store {

enum class ExportFormat { kJsonl, kCsv, kGdelt, kPlover, kAcled };

// "jsonl" | "csv" | "gdelt" | "plover" | "acled"; anything else is an error naming it.
Status ParseExportFormat(std::string_view name, ExportFormat* out);
const char* ExportFormatName(ExportFormat format);

// CAMEO prefix -> ACLED (event_type, sub_event_type), from
// data/export/cameo_to_acled.tsv. Longest prefix wins.
class AcledMap {
 public:
  // Errors: "path: no such file", "path:line: expected 3 tab-separated columns".
  static Status Load(const std::string& path, AcledMap* out);
  // <data_dir>/export/cameo_to_acled.tsv; data_dir "" = $DYAD_DATA or the build's data/.
  static Status LoadDefault(const std::string& data_dir, AcledMap* out);
  // nullptr when the code is not an ACLED event.
  const std::pair<std::string, std::string>* Find(std::string_view cameo) const;

 private:
  std::vector<std::pair<std::string, std::pair<std::string, std::string>>> rules_;
};

// The bundled data directory: $DYAD_DATA when set, else the build's data/.
std::string StoreDataDir();

// The 61 GDELT 2.0 column names, in order, then dyad's: Modality, ReportedBy, DatePrecision,
// Review, ReviewedBy, ReviewedAt (YYYYMMDDHHMMSS, as DATEADDED), ReviewNote, MachineActor1Code,
// MachineActor2Code, MachineEventCode (as ReviewColumns).
const std::vector<std::string>& GdeltColumns();
// The ACLED-style CSV header columns, in order, ending with ReviewColumns.
const std::vector<std::string>& AcledColumns();
// The CSV header columns of `dyad events --format csv` / `export --format csv` before the
// event's own columns (write::CsvColumns), which ReviewColumns follow.
const std::vector<std::string>& CsvColumns();
// The review columns every tabular export ends with (CSV, ACLED; GDELT and PLOVER name them in
// their own style): review (confirmed | rejected | corrected | "" when unreviewed), reviewed_by,
// reviewed_at (ISO 8601 UTC), review_note, then the machine's coding: machine_source,
// machine_target, machine_code. The event's columns give the corrected coding when the latest
// review is a correction; the machine_* columns always give what the coder produced.
const std::vector<std::string>& ReviewColumns();

// Which events an export writes. The exchange formats (GDELT, PLOVER, ACLED) are read as
// "this happened": by default they get asserted events only (first-hand or reported), not
// what someone denied ("Lukashenko said Belarusian troops were not taking part") or what might
// happen. dyad's own JSONL and CSV carry every event with its modality.
struct ExportOptions {
  bool include_negated = false;
  bool include_hypothetical = false;
};

// Whether `format` writes an event of this modality under `options`.
bool ExportsModality(ExportFormat format, const ExportOptions& options, Modality modality);

// The date an export gives an event, never empty: its own (with its precision), else its
// document's publication date (precision kDocument), else the day the document was ingested
// (precision kIngested).
std::pair<Date, DatePrecision> ExportDate(const StoredEvent& event);

class Exporter {
 public:
  // `acled` is needed (non-null) for kAcled only; it must outlive the Exporter.
  Exporter(std::ostream& out, ExportFormat format, const AcledMap* acled = nullptr, ExportOptions options = {})
      : out_(out), format_(format), acled_(acled), options_(options) {}

  // Writes the header (CSV, ACLED; GDELT has none, as GDELT publishes it).
  void Begin();
  // Writes one event, with its latest review (`event.review`): a correction is written as
  // corrected, the machine's coding beside it (ReviewColumns). Which events come (rejected ones
  // or not) is the query's choice (EventQuery::review). Returns false when the format has no record for it
  // (PLOVER: no PLOVER type; ACLED: CAMEO code not an ACLED event) or leaves out its
  // modality (ExportOptions).
  bool Write(const StoredEvent& event);
  int64_t written() const { return written_; }
  int64_t skipped() const { return skipped_; }                  // no record in the format
  int64_t skipped_modality() const { return skipped_modality_; }  // negated / hypothetical left out

 private:
  std::ostream& out_;
  ExportFormat format_;
  const AcledMap* acled_;
  ExportOptions options_;
  int64_t written_ = 0, skipped_ = 0, skipped_modality_ = 0;
};

// One JSONL object for a stored event (write::EventToJson plus id and provenance).
std::string StoredEventJson(const StoredEvent& event);
// The same object, for callers that embed it in a larger JSON document (the HTTP API). Its
// "review" is ReviewObject(event.review).
nlohmann::json StoredEventObject(const StoredEvent& event);
// A review as JSON: {id, state, reviewer, at, note, event, machine: {source, target, event_code},
// corrected: {...} (state "corrected" only)}; null when there is none.
nlohmann::json ReviewObject(const Review& review);

}  // namespace dyad::store

#endif  // DYAD_STORE_EXPORT_H_
