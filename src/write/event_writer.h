// Event output: JSONL (default, one complete object per line), CSV (RFC 4180,
// header row) and TABARI's tab-separated event lines.
//
// Field names are stable (docs/events.md). Thread-compatible: one writer per
// stream; Write() emits whole lines only, so output is never half-written
// even when the caller stops between events.
#ifndef DYAD_WRITE_EVENT_WRITER_H_
#define DYAD_WRITE_EVENT_WRITER_H_

#include <ostream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "dyad/event.h"
#include "dyad/status.h"

namespace dyad::write {

enum class OutputFormat { kJsonl, kCsv, kTsv };

// "jsonl" | "csv" | "tsv" -> format; anything else is an error naming the value.
Status ParseOutputFormat(std::string_view name, OutputFormat* out);

// The JSON object of one event (the JSONL line without its newline).
nlohmann::json EventToJson(const Event& event);

// Appends the JSONL line of one event, newline included, to *out: byte for byte
// EventToJson(event).dump(-1, ' ', false, error_handler_t::replace) + '\n' (keys
// in sorted order, invalid UTF-8 replaced by U+FFFD), written without building the
// JSON object.
void AppendEventJsonl(const Event& event, std::string* out);

class EventWriter {
 public:
  EventWriter(std::ostream& out, OutputFormat format) : out_(out), format_(format) {}
  // CSV writes its header row before the first event; the others write none.
  void Write(const Event& event);
  void Flush() { out_.flush(); }

  // Appends the event's line (newline included, never the CSV header) to *out. Const and
  // thread-safe: lines can be made on worker threads and written later with WriteLines.
  void Format(const Event& event, std::string* out) const;
  // Writes lines made by Format, after the CSV header when they are the first.
  void WriteLines(std::string_view lines);

 private:
  std::ostream& out_;
  OutputFormat format_;
  bool header_written_ = false;
  std::string line_;  // reused for every line Write() makes
};

// Quotes a CSV field when it holds a comma, quote or line break.
std::string CsvField(std::string_view value);

}  // namespace dyad::write

#endif  // DYAD_WRITE_EVENT_WRITER_H_
