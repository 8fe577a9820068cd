#include "code/validate.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "dict/dictionary.h"
#include "dict/tabari_records.h"

namespace dyad::code {

namespace {

std::string DateDigits(Date d, bool yyyy) {
  if (!d.valid()) return "";
  char buf[16];
  if (yyyy) std::snprintf(buf, sizeof buf, "%04d%02d%02d", d.year % 10000, d.month % 100, d.day % 100);
  else std::snprintf(buf, sizeof buf, "%02d%02d%02d", d.year % 100, d.month % 100, d.day % 100);
  return buf;
}

std::string Describe(const CodeResult& r) {
  if (r.events.empty()) return "(" + r.problem + ")";
  std::string out;
  for (const auto& e : r.events) {
    if (!out.empty()) out += " ";
    out += "{ " + e.source + " / " + e.target + " / " + e.code + " }";
  }
  return out;
}

std::string Expected(const std::string& text) {
  std::string out;
  size_t c = text.find("/*");
  if (c == std::string::npos) return "(none)";
  for (size_t b = text.find('{', c); b != std::string::npos; b = text.find('{', b + 1)) {
    size_t e = text.find('}', b);
    if (!out.empty()) out += " ";
    if (b > 0 && text[b - 1] == '-') out += "-";
    out += text.substr(b, e == std::string::npos ? std::string::npos : e - b + 1);
  }
  return out.empty() ? "(none)" : out;
}

}  // namespace

std::string CheckRecord(const std::string& text, const CodeResult& result, bool time_shift, bool yyyy) {
  size_t comment = text.find("/*");
  if (comment == std::string::npos) return "no verification record";
  size_t first = text.find('{', comment);
  if (first == std::string::npos) return "no verification record";
  if (result.events.empty()) {
    if (first > 0 && text[first - 1] == '-') return "";
    // The record expects no event ({---}), a discard ({###}) or a complex sentence ({+++}):
    // decided by the problem's kind, never by its words.
    std::string rest = text.substr(first);
    auto expects = [&](const char* code) { return rest.find(code) != std::string::npos; };
    switch (result.problem_kind) {
      case Problem::kNoEvents:
      case Problem::kInputError:
        if (expects("---")) return "";
        break;
      case Problem::kDiscard:
        if (expects("###")) return "";
        break;
      case Problem::kComplex:
        if (expects("+++")) return "";
        break;
      case Problem::kNone:
      case Problem::kOnlyNull:
        break;
    }
    return "does not match: " + result.problem;
  }
  if (time_shift) {
    size_t close = text.find('}', first);
    size_t d = close == std::string::npos ? std::string::npos : text.find_first_of("0123456789", close);
    if (d == std::string::npos) return "no date after the first expectation";
    size_t de = d;
    while (de < text.size() && text[de] >= '0' && text[de] <= '9') ++de;
    std::string digits = text.substr(d, de - d);
    const auto& e0 = result.events[0];
    std::string line = DateDigits(e0.date, yyyy) + "\t" + e0.source + "\t" + e0.target + "\t" + e0.code;
    if (line.find(digits) == std::string::npos) return "event date does not match " + digits;
  }
  size_t pos = first;
  bool at_brace = true;  // pos points at the first '{'
  for (const auto& e : result.events) {
    size_t b = at_brace ? pos : text.find('{', pos);
    at_brace = false;
    if (b == std::string::npos) return "more events coded than expected";
    if (b > 0 && text[b - 1] == '-') return "";
    size_t q = b + 1;
    for (const std::string* field : {&e.source, &e.target, &e.code}) {
      while (q < text.size() && text[q] == ' ') ++q;
      if (text.compare(q, field->size(), *field) != 0) return "does not match";
      q += field->size();
      if (q >= text.size() || (text[q] != ' ' && text[q] != '/' && text[q] != '}')) return "does not match";
      while (q < text.size() && (text[q] == ' ' || text[q] == '/' || text[q] == '}')) ++q;
    }
    pos = q;
  }
  if (text.find('{', pos) != std::string::npos) return "fewer events coded than expected";
  return "";
}

Status RunValidation(const std::string& project_path, ValidationReport* report) {
  std::error_code ec;
  if (std::filesystem::is_directory(project_path, ec))
    return Status::Error(project_path + ": is a directory (give the .project file)");
  dict::Project project;
  Status s = dict::LoadProject(project_path, false, &project);
  if (!s.ok()) return s;
  for (const auto& w : project.dicts->warnings()) report->warnings.push_back(w);
  Coder coder(project.dicts);
  Session session(coder);
  for (const auto& path : project.texts) {
    std::ifstream in(path);
    if (!in) return Status::Error(path + ": cannot open text file");
    dict::TabariRecordReader::Options ro;
    ro.name = path;
    ro.tabari_limits = true;
    ro.yyyy = session.options().yyyy;
    dict::TabariRecordReader reader(in, ro);
    dict::TabariRecord rec;
    int records = 0;
    while (true) {
      reader.set_yyyy(session.options().yyyy);
      if (!reader.Next(&rec)) break;
      ++records;
      if (rec.id.rfind("FINAL-01", 0) == 0) {
        report->reached_final = true;
        break;
      }
      const dict::TabariOptions& opts = session.options();
      std::string id_part = rec.header.substr(std::min(rec.header.size(), rec.date_text.size()));
      CodeResult result = session.Code(rec.text, rec.date, id_part);
      const std::string& text = rec.text;
      size_t comment = text.find("/*");
      size_t first = comment == std::string::npos ? std::string::npos : text.find('{', comment);
      size_t opt = first == std::string::npos ? std::string::npos : text.find("OPTION:", first);
      if (opt != std::string::npos) {
        dict::TabariOptions next = opts;
        for (; opt != std::string::npos; opt = text.find("OPTION:", opt + 1)) {
          size_t b = opt + 8;
          size_t e = text.find('}', b);
          std::string cmd = b < text.size() ? text.substr(b, e == std::string::npos ? std::string::npos : e - b) : "";
          Status os = dict::ApplyOptionLine(cmd, &next);
          if (!os.ok()) report->warnings.push_back(path + ":" + std::to_string(rec.line) + ": " + os.message());
        }
        session.options() = next;
        ++report->option_records;
        ++report->passed;
        continue;
      }
      std::string reason = CheckRecord(text, result, session.time_shift_enabled(), opts.yyyy);
      if (reason.empty()) {
        ++report->passed;
        continue;
      }
      ++report->failed;
      ValidationFailure f;
      f.id = rec.id;
      f.file = path;
      f.line = rec.line;
      f.reason = reason;
      f.sentence = dict::StripRecordComments(text);
      f.expected = Expected(text);
      f.got = Describe(result);
      report->failures.push_back(std::move(f));
    }
    for (const auto& w : reader.warnings()) report->warnings.push_back(w.message());
    // A check that reads nothing must not pass ("0 passed, 0 failed").
    if (records == 0)
      return Status::Error(path + ": no validation records (a record starts with a 'YYMMDD ID' line)");
    if (report->reached_final) break;
  }
  return Status::Ok();
}

}  // namespace dyad::code
