#include "write/cameo_table.h"

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <utility>

namespace dyad::write {
namespace {

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      fields.push_back(line.substr(start));
      return fields;
    }
    fields.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Keeps error messages on one line and of bounded length.
std::string Quote(std::string_view line) {
  constexpr size_t kMax = 120;
  std::string shown(line.substr(0, kMax));
  for (char& c : shown) {
    if (c == '\t') c = ' ';
  }
  if (line.size() > kMax) shown += "...";
  return "'" + shown + "'";
}

bool ParseGoldstein(std::string_view s, double* out) {
  if (s.empty()) return false;
  if (s.front() == '+') s.remove_prefix(1);
  const char* end = s.data() + s.size();
  auto [ptr, ec] = std::from_chars(s.data(), end, *out);
  return ec == std::errc() && ptr == end;
}

}  // namespace

int QuadClassOfRoot(std::string_view root) {
  if (root.size() != 2 || !AllDigits(root)) return 0;
  int r = (root[0] - '0') * 10 + (root[1] - '0');
  if (r >= 1 && r <= 5) return 1;
  if (r >= 6 && r <= 8) return 2;
  if (r >= 9 && r <= 13) return 3;
  if (r >= 14 && r <= 20) return 4;
  return 0;
}

std::string CameoTable::RootCode(std::string_view code) {
  if (code.size() < 2 || !AllDigits(code.substr(0, 2))) return "";
  return std::string(code.substr(0, 2));
}

Status CameoTable::Load(const std::string& path, CameoTable* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(path + ": cannot open the CAMEO table");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status::Error(path + ": read error");
  return Parse(text.str(), path, out);
}

Status CameoTable::Parse(std::string_view text, const std::string& source_name,
                         CameoTable* out) {
  CameoTable table;
  std::vector<int> line_of;  // line number of each entry, for the parent check
  bool seen_content = false;
  size_t pos = 0;
  int line_no = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view raw =
        text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    ++line_no;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    if (Trim(raw).empty() || Trim(raw).front() == '#') continue;
    auto error = [&](const std::string& what) {
      return Status::Error(source_name + ":" + std::to_string(line_no) + ": " + what + ": " +
                           Quote(raw));
    };
    if (!seen_content) {
      seen_content = true;
      if (raw.substr(0, 5) == "code\t") continue;  // header
    }
    std::vector<std::string_view> f = SplitTabs(raw);
    if (f.size() != 5) {
      return error("expected 5 tab-separated fields (code, name, goldstein, quad_class, plover), got " +
                   std::to_string(f.size()));
    }
    CameoCode entry;
    std::string_view code = Trim(f[0]);
    if (code.size() < 2 || code.size() > 4 || !AllDigits(code)) {
      return error("code must be 2 to 4 digits");
    }
    int root_quad = QuadClassOfRoot(code.substr(0, 2));
    if (root_quad == 0) return error("root '" + std::string(code.substr(0, 2)) + "' is not 01..20");
    entry.code = std::string(code);
    entry.name = std::string(Trim(f[1]));
    if (entry.name.empty()) return error("empty name");
    if (!ParseGoldstein(Trim(f[2]), &entry.goldstein)) return error("goldstein is not a number");
    if (entry.goldstein < -10.0 || entry.goldstein > 10.0) {
      return error("goldstein outside [-10, 10]");
    }
    std::string_view quad = Trim(f[3]);
    if (quad.size() != 1 || quad[0] < '1' || quad[0] > '4') return error("quad_class must be 1..4");
    entry.quad_class = quad[0] - '0';
    if (entry.quad_class != root_quad) {
      return error("quad_class " + std::string(quad) + " does not match root " +
                   std::string(code.substr(0, 2)) + " (expected " + std::to_string(root_quad) + ")");
    }
    std::string_view plover = Trim(f[4]);
    for (char c : plover) {
      if (!(c >= 'A' && c <= 'Z') && c != '_') return error("plover type must be upper-case letters");
    }
    entry.plover = std::string(plover);
    if (table.index_.count(entry.code) != 0) return error("duplicate code " + entry.code);
    table.index_.emplace(entry.code, table.codes_.size());
    table.codes_.push_back(std::move(entry));
    line_of.push_back(line_no);
  }
  for (size_t i = 0; i < table.codes_.size(); ++i) {
    const std::string& code = table.codes_[i].code;
    if (code.size() > 2 && table.index_.count(code.substr(0, code.size() - 1)) == 0) {
      return Status::Error(source_name + ":" + std::to_string(line_of[i]) + ": code " + code +
                           " has no parent " + code.substr(0, code.size() - 1) + " in the table");
    }
  }
  if (table.codes_.empty()) return Status::Error(source_name + ": the CAMEO table has no codes");
  *out = std::move(table);
  return Status::Ok();
}

const CameoCode* CameoTable::FindExact(std::string_view code) const {
  auto it = index_.find(std::string(code));
  return it == index_.end() ? nullptr : &codes_[it->second];
}

const CameoCode* CameoTable::Find(std::string_view code) const {
  if (code.size() < 2 || code.size() > 4 || !AllDigits(code)) return nullptr;
  for (size_t n = code.size(); n >= 2; --n) {
    if (const CameoCode* c = FindExact(code.substr(0, n))) return c;
  }
  return nullptr;
}

std::string DefaultCameoTablePath() {
  const char* env = std::getenv("DYAD_DATA");
  if (env != nullptr && *env != '\0') return std::string(env) + "/cameo/cameo.tsv";
  return std::string(DYAD_DATA_DIR) + "/cameo/cameo.tsv";
}

}  // namespace dyad::write
