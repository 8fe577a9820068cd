// Provenance given from outside a document, for files without headers (a PDF, a
// plain text, a saved page): on the command line (`dyad ingest FILE --date
// 2024-03-25 --source "..." --url ...`) or in a folder's sidecar file
// `sources.tsv` (docs/input-formats.md):
//
//   file<TAB>date<TAB>source<TAB>url<TAB>title      <- header row, columns in any order
//   nhc-report.pdf<TAB>2024-03-25<TAB>Norwegian Helsinki Committee<TAB>https://...<TAB>
//   *<TAB><TAB>Norwegian Helsinki Committee<TAB><TAB>   <- every file of the folder
//
// Paths are relative to the folder holding sources.tsv; "*" is the folder's
// default, a file's own row overrides it field by field; empty cells set nothing;
// '#' lines and blank lines are skipped. Given provenance overrides what a
// reader found in the document (its headers, its <meta> tags).
#ifndef DYAD_READ_PROVENANCE_H_
#define DYAD_READ_PROVENANCE_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "dyad/date.h"
#include "dyad/document.h"
#include "dyad/status.h"

namespace dyad::read {

// The sidecar file's name in a folder.
inline constexpr const char* kSourcesFile = "sources.tsv";

struct Provenance {
  std::optional<Date> date;
  std::string source, url, title;

  bool empty() const { return !date && source.empty() && url.empty() && title.empty(); }
  // Sets the document's fields that this provenance sets.
  void ApplyTo(Document* document) const;
  // `over`'s set fields replace this one's.
  void Merge(const Provenance& over);
};

// Parses a sources.tsv. `name` (the file's path) starts every error:
// "dir/sources.tsv:3: invalid date: '25/03/2024'", "...:1: no 'file' column",
// "...:4: 2 cells, the header has 5". Keys of *rows: the file column as written ("*" too).
Status ParseSourcesTable(std::string_view content, const std::string& name,
                         std::map<std::string, Provenance>* rows);

}  // namespace dyad::read

#endif  // DYAD_READ_PROVENANCE_H_
