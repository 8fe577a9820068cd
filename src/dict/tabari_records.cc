#include "dict/tabari_records.h"

#include <cctype>

#include "common/escape.h"

namespace dyad::dict {

namespace {
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

Date ParseTabariDate(std::string_view s, bool yyyy) {
  const size_t n = yyyy ? 8 : 6;
  if (s.size() < n) return Date{};
  for (size_t i = 0; i < n; ++i)
    if (!IsDigit(s[i])) return Date{};
  auto num = [&](size_t at, size_t len) {
    int v = 0;
    for (size_t i = at; i < at + len; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  int year, month, day;
  if (yyyy) {
    year = num(0, 4);
    month = num(4, 2);
    day = num(6, 2);
    if (year < 1850 || year > 2030) return Date{};
  } else {
    year = num(0, 2);
    year += year < 30 ? 2000 : 1900;
    month = num(2, 2);
    day = num(4, 2);
  }
  if (month < 1 || month > 12 || day < 1 || day > 31) return Date{};
  int last = Date::DaysInMonth(year, month);
  if (day > last) day = last;
  return Date{year, month, day};
}

std::string StripRecordComments(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool blank = true;  // suppress leading blanks
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '/' && i + 1 < text.size() && text[i + 1] == '*') {
      size_t end = text.find("*/", i + 2);
      i = end == std::string_view::npos ? text.size() : end + 1;
      if (!blank) {
        out.push_back(' ');
        blank = true;
      }
      continue;
    }
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!blank) out.push_back(' ');
      blank = true;
    } else {
      out.push_back(c);
      blank = false;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

TabariRecordReader::TabariRecordReader(std::istream& in, Options options)
    : in_(in), options_(std::move(options)) {}

bool TabariRecordReader::GetLine(std::string* line, size_t max, bool* too_long) {
  line->clear();
  *too_long = false;
  std::streambuf* buf = in_.rdbuf();
  if (buf == nullptr || !in_.good()) return false;
  bool any = false;
  for (;;) {
    int c = buf->sbumpc();
    if (c == std::char_traits<char>::eof()) {
      in_.setstate(std::ios::eofbit);
      if (!any) return false;
      break;
    }
    any = true;
    if (c == '\n') break;
    if (line->size() < max) line->push_back(static_cast<char>(c));
    else *too_long = true;
  }
  ++line_no_;
  if (!line->empty() && line->back() == '\r') line->pop_back();
  return true;
}

bool TabariRecordReader::Next(TabariRecord* record) {
  std::string line;
  const size_t max = options_.max_record_bytes == 0 ? std::string::npos : options_.max_record_bytes;
  bool header_too_long = false;
  while (GetLine(&line, max, &header_too_long)) {
    if (line.empty() || !IsDigit(line[0])) continue;
    const int header_line = line_no_;
    const size_t width = options_.yyyy ? 8 : 6;
    Date date = ParseTabariDate(line, options_.yyyy);
    // Read the body whatever the date, so a bad record is skipped as a whole.
    std::string body;
    bool truncated = false, too_large = header_too_long, line_too_long = false;
    std::string body_line;
    while (GetLine(&body_line, max, &line_too_long)) {
      if (body_line.empty() && !line_too_long) break;
      if (truncated || too_large) continue;
      if (line_too_long || body.size() + body_line.size() + 1 > max) {
        too_large = true;
        body.clear();
        body.shrink_to_fit();
        continue;
      }
      if (!body.empty() && body.back() != ' ') body.push_back(' ');
      body += body_line;
      if (options_.tabari_limits && body.size() > 2047) {
        body.resize(2025);
        body += " [STORY TRUNCATED...] ";
        truncated = true;
        warnings_.push_back(Status::Error("record longer than 2047 characters, truncated: '" +
                                          EscapeForMessage(line.substr(0, 80)) + "'")
                                .WithKind("record truncated")
                                .At(options_.name + ":" + std::to_string(header_line)));
      }
    }
    if (too_large) {
      warnings_.push_back(Status::Error("document too large (more than " + std::to_string(max) + " bytes)")
                              .WithKind("document too large")
                              .At(options_.name + ":" + std::to_string(header_line)));
      continue;
    }
    if (!date.valid()) {
      warnings_.push_back(Status::Error("invalid record date: '" + EscapeForMessage(line.substr(0, 80)) + "'")
                              .WithKind("invalid date")
                              .At(options_.name + ":" + std::to_string(header_line)));
      continue;
    }
    record->date = date;
    record->date_text = line.substr(0, width);
    size_t p = width;
    while (p < line.size() && (line[p] == ' ' || line[p] == '\t')) ++p;
    record->id = line.substr(p, 64);
    while (!record->id.empty() && (record->id.back() == ' ' || record->id.back() == '\t'))
      record->id.pop_back();
    record->header = line;
    record->text = std::move(body);
    record->line = header_line;
    return true;
  }
  return false;
}

}  // namespace dyad::dict
