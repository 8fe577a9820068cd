#include "read/provenance.h"

#include <vector>

namespace dyad::read {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> Cells(std::string_view line) {
  std::vector<std::string_view> cells;
  while (true) {
    size_t tab = line.find('\t');
    cells.push_back(Trim(line.substr(0, tab)));
    if (tab == std::string_view::npos) break;
    line.remove_prefix(tab + 1);
  }
  return cells;
}

}  // namespace

void Provenance::ApplyTo(Document* document) const {
  if (date) document->date = *date;
  if (!source.empty()) document->source = source;
  if (!url.empty()) document->url = url;
  if (!title.empty()) document->title = title;
}

void Provenance::Merge(const Provenance& over) {
  if (over.date) date = over.date;
  if (!over.source.empty()) source = over.source;
  if (!over.url.empty()) url = over.url;
  if (!over.title.empty()) title = over.title;
}

Status ParseSourcesTable(std::string_view content, const std::string& name,
                         std::map<std::string, Provenance>* rows) {
  rows->clear();
  if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
  enum Column { kFile, kDate, kSource, kUrl, kTitle, kIgnored };
  std::vector<Column> header;
  int line_no = 0;
  while (!content.empty()) {
    size_t nl = content.find('\n');
    std::string_view line = content.substr(0, nl);
    content = nl == std::string_view::npos ? std::string_view() : content.substr(nl + 1);
    ++line_no;
    const std::string where = name + ":" + std::to_string(line_no);
    if (Trim(line).empty() || Trim(line).front() == '#') continue;
    std::vector<std::string_view> cells = Cells(line);
    if (header.empty()) {
      bool has_file = false;
      for (std::string_view cell : cells) {
        std::string key(cell);
        for (char& c : key) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
        Column column = key == "file" ? kFile : key == "date" ? kDate : key == "source" ? kSource
                      : key == "url" ? kUrl : key == "title" ? kTitle : kIgnored;
        has_file = has_file || column == kFile;
        header.push_back(column);
      }
      if (!has_file) return Status::Error(where + ": no 'file' column in the header row (file, date, source, url, title)");
      continue;
    }
    if (cells.size() > header.size()) {
      return Status::Error(where + ": " + std::to_string(cells.size()) + " cells, the header has " +
                           std::to_string(header.size()));
    }
    std::string file;
    Provenance row;
    for (size_t i = 0; i < cells.size(); ++i) {
      const std::string value(cells[i]);
      switch (header[i]) {
        case kFile: file = value; break;
        case kSource: row.source = value; break;
        case kUrl: row.url = value; break;
        case kTitle: row.title = value; break;
        case kIgnored: break;
        case kDate:
          if (value.empty()) break;
          row.date = Date::Parse(value);
          if (!row.date) return Status::Error(where + ": invalid date: '" + value + "' (expected YYYY-MM-DD)");
          break;
      }
    }
    if (file.empty()) return Status::Error(where + ": no file named (use * for every file of the folder)");
    if (rows->count(file)) return Status::Error(where + ": '" + file + "' has a row already");
    (*rows)[file] = std::move(row);
  }
  return Status::Ok();
}

}  // namespace dyad::read
