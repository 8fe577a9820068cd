// The CAMEO code table: every CAMEO event code with its name, Goldstein value,
// quad class and PLOVER 0.5b1 type, read from data/cameo/cameo.tsv.
//
// File format (UTF-8, one code a line, fields separated by one tab):
//   code <TAB> name <TAB> goldstein <TAB> quad_class <TAB> plover
// '#' lines and blank lines are ignored; a first line starting "code<TAB>" is
// the header. code: 2 to 4 digits whose first two are a root 01..20; goldstein:
// a number in [-10, 10]; quad_class: 1..4 and consistent with the root (01-05 -> 1,
// 06-08 -> 2, 09-13 -> 3, 14-20 -> 4); plover: upper-case letters, or empty.
// Every code longer than 2 digits must have its parent (the code without its
// last digit) in the table, and no code may appear twice.
//
// Thread safety: a loaded table is immutable; concurrent const calls are safe.
// Lifetime: pointers returned by Find() live as long as the table.
#ifndef DYAD_WRITE_CAMEO_TABLE_H_
#define DYAD_WRITE_CAMEO_TABLE_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/status.h"

namespace dyad::write {

struct CameoCode {
  std::string code;        // "0874"
  std::string name;        // "Retreat or surrender militarily"
  double goldstein = 0.0;  // [-10, 10]
  int quad_class = 0;      // 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
  std::string plover;      // "RETREAT"; empty for codes with no PLOVER type (01x, 02x)
};

class CameoTable {
 public:
  // Reads the table at `path`. On error `out` is left unchanged and the
  // message is one line "path:line: what is wrong: 'the line'".
  static Status Load(const std::string& path, CameoTable* out);
  // Same, from text already in memory; `source_name` stands for the path in messages.
  static Status Parse(std::string_view text, const std::string& source_name, CameoTable* out);

  // The entry for `code`, or, when the code is not listed, for its nearest
  // listed ancestor (0874 -> 087 -> 08). nullptr when the code is not 2-4
  // digits or no ancestor is listed.
  const CameoCode* Find(std::string_view code) const;
  // The entry for exactly `code`, or nullptr.
  const CameoCode* FindExact(std::string_view code) const;

  // The two-digit root of a code ("0874" -> "08"); empty when `code` does not
  // start with two digits.
  static std::string RootCode(std::string_view code);

  // All entries in file order.
  const std::vector<CameoCode>& codes() const { return codes_; }
  size_t size() const { return codes_.size(); }
  bool empty() const { return codes_.empty(); }

 private:
  std::vector<CameoCode> codes_;
  std::unordered_map<std::string, size_t> index_;
};

// Where the shipped table lives: $DYAD_DATA/cameo/cameo.tsv when the DYAD_DATA
// environment variable is set and not empty, else DYAD_DATA_DIR/cameo/cameo.tsv
// (the source tree's data/ folder, fixed at build time).
std::string DefaultCameoTablePath();

// The quad class CAMEO assigns to a root "01".."20"; 0 for anything else.
int QuadClassOfRoot(std::string_view root);

}  // namespace dyad::write

#endif  // DYAD_WRITE_CAMEO_TABLE_H_
