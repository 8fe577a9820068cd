// TABARI validation runs (spec §5): reads a .project, codes its text records with a Session and
// checks each record's events against the expectations in its /* ... */ comment.
// Thread-compatible; never prints.
#ifndef DYAD_CODE_VALIDATE_H_
#define DYAD_CODE_VALIDATE_H_

#include <string>
#include <vector>

#include "code/coder.h"
#include "dyad/status.h"

namespace dyad::code {

struct ValidationFailure {
  std::string id, file, reason, sentence, expected, got;
  int line = 0;
};

struct ValidationReport {
  int passed = 0, failed = 0;
  int option_records = 0;
  bool reached_final = false;     // stopped at FINAL-01
  std::vector<ValidationFailure> failures;
  std::vector<std::string> warnings;  // dictionary load report and skipped records
};

// Checks coded output against one record's expectations. `text` is the raw record body
// (comments included). Returns "" on pass, else the reason. `date_digits` formats event dates.
std::string CheckRecord(const std::string& text, const CodeResult& result, bool time_shift, bool yyyy);

// Runs every text file of the project up to (not including) the record FINAL-01.
Status RunValidation(const std::string& project_path, ValidationReport* report);

}  // namespace dyad::code

#endif  // DYAD_CODE_VALIDATE_H_
