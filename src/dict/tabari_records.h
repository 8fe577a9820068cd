// TABARI text records: a streaming reader for TABARI's `.text` input format.
//
//   950101  DEMO-01                 a line starting with a digit: date, blanks, record id
//   Arnor is about to restore ...   body: the following lines up to an EMPTY line
//   /* { ARN / GON / 064 } */        comments are kept in `text` (the validator reads them)
//
// Rules (TABARI 0.8.4b2, spec §1.7): a record starts at the first line whose first character is
// a digit; anything else between records is skipped. The date is the first 6 characters
// (8 with yyyy = true): YYMMDD with 00-29 -> 20xx and 30-99 -> 19xx, or YYYYMMDD with the year in
// 1850..2030. No separator is needed between date and id. The id is the rest of the line after
// blanks (at most 64 characters). Body lines are joined with one blank (none when a line already
// ends in a blank); a line of length 0 ends the body (a line of only blanks does not). A trailing
// CR on a line is dropped. Records with an invalid date are skipped with a warning
// "name:line: invalid record date: 'header'".
//
// Thread-compatible (one reader per stream). Never throws; a read error ends the stream.
#ifndef DYAD_DICT_TABARI_RECORDS_H_
#define DYAD_DICT_TABARI_RECORDS_H_

#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/date.h"
#include "dyad/status.h"

namespace dyad::dict {

struct TabariRecord {
  Date date;               // the record date (always valid for a returned record)
  std::string date_text;   // the 6 (or 8) date characters as written
  std::string id;          // record id: the header line after the date and blanks (<= 64 chars)
  std::string header;      // the whole header line
  std::string text;        // body lines joined with one blank; /* ... */ comments kept
  int line = 0;            // 1-based line number of the header in the stream
};

// `text` without its /* ... */ comments (an unclosed comment runs to the end), blanks collapsed
// and trimmed: the sentence a reader for `dyad code` wants.
std::string StripRecordComments(std::string_view text);

class TabariRecordReader {
 public:
  struct Options {
    std::string name = "<text>";  // used in warnings ("name:line: ...")
    bool yyyy = false;            // 8-digit dates (TABARI `SET: YYYY = TRUE`)
    // TABARI's limit: a body longer than 2047 characters is cut at 2025, " [STORY TRUNCATED...] "
    // is appended and the rest of the record skipped (a warning is recorded).
    bool tabari_limits = false;
    // Memory bound: a record whose header line or body is longer than this is
    // read to its end without being kept and skipped with a warning
    // "name:line: document too large (more than N bytes)".
    size_t max_record_bytes = size_t{8} << 20;
  };

  TabariRecordReader(std::istream& in, Options options);

  // Reads the next record. Returns false at the end of the input.
  bool Next(TabariRecord* record);

  // Validation OPTION records can switch the date width between records.
  void set_yyyy(bool yyyy) { options_.yyyy = yyyy; }
  bool yyyy() const { return options_.yyyy; }

  // Problems found so far (skipped records, truncations), each one line ("name:line: ..."),
  // located at the record's header line (Status::where) and with its kind.
  const std::vector<Status>& warnings() const { return warnings_; }

 private:
  // Reads one line, keeping at most `max` bytes of it (*too_long tells).
  bool GetLine(std::string* line, size_t max, bool* too_long);

  std::istream& in_;
  Options options_;
  int line_no_ = 0;
  std::vector<Status> warnings_;
};

// Parses a TABARI record date: 6 digits YYMMDD (00-29 -> 20xx) or, with yyyy, 8 digits YYYYMMDD
// (year 1850..2030). Month 01-12, day 01-31 (a day beyond the month's end is clamped to it).
// Returns an invalid Date on failure.
Date ParseTabariDate(std::string_view digits, bool yyyy);

}  // namespace dyad::dict

#endif  // DYAD_DICT_TABARI_RECORDS_H_
