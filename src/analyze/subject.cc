#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <set>

#include "analyze/classify.h"

namespace dyad::analyze {
namespace {

struct CountryRow {
  std::string name, alternates, iso;
};

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// "the United States" and "United States", "Côte" and "côte": one key.
std::string Key(const std::string& s) {
  std::string k = Lower(s);
  while (!k.empty() && k.back() == ' ') k.pop_back();
  size_t b = 0;
  while (b < k.size() && k[b] == ' ') ++b;
  k = k.substr(b);
  if (k.rfind("the ", 0) == 0) k = k.substr(4);
  return k;
}

std::vector<std::string> SplitBars(const std::string& s) {
  std::vector<std::string> out;
  for (size_t p = 0; p <= s.size();) {
    size_t bar = s.find('|', p);
    if (bar == std::string::npos) bar = s.size();
    if (bar > p) out.push_back(s.substr(p, bar - p));
    p = bar + 1;
  }
  return out;
}

Status ReadCountries(const std::string& path, std::vector<CountryRow>* rows) {
  std::ifstream in(path);
  if (!in) return Status::Error(path + ": cannot open the country table");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t t1 = line.find('\t');
    if (t1 == std::string::npos) continue;
    const size_t t2 = line.find('\t', t1 + 1);
    if (t2 == std::string::npos) continue;
    const size_t t3 = line.find('\t', t2 + 1);
    rows->push_back({line.substr(0, t1), line.substr(t1 + 1, t2 - t1 - 1),
                     line.substr(t2 + 1, t3 == std::string::npos ? std::string::npos : t3 - t2 - 1)});
  }
  return Status::Ok();
}

}  // namespace

Status LookupSubject(const std::string& query, const std::string& countries_tsv, const RuleSet& rules,
                     Subject* out) {
  std::vector<CountryRow> rows;
  if (Status s = ReadCountries(countries_tsv, &rows); !s.ok()) return s;
  const std::string code = Upper(query);
  const CountryRow* found = nullptr;
  for (const CountryRow& r : rows)
    if (r.iso == code) found = &r;
  if (!found) {
    // A name: the table's name or alternates, the rules' [names] and [adjectives] ("Belarus",
    // "belarusian", "North Korea", "DPRK", "UAE").
    std::map<std::string, std::set<std::string>> by_name;  // key -> codes
    for (const CountryRow& r : rows) {
      by_name[Key(r.name)].insert(r.iso);
      for (const std::string& a : SplitBars(r.alternates)) by_name[Key(a)].insert(r.iso);
    }
    for (const auto& [iso, names] : rules.names)
      for (const std::string& n : names) by_name[Key(n)].insert(iso);
    for (const auto& [iso, adjective] : rules.adjectives) by_name[Key(adjective)].insert(iso);
    auto name_of = [&](const std::string& iso) {
      for (const CountryRow& r : rows)
        if (r.iso == iso) return r.name;
      return std::string();
    };
    const std::string key = Key(query);
    if (auto it = by_name.find(key); it != by_name.end()) {
      if (it->second.size() > 1) {
        std::string list;
        for (const std::string& iso : it->second) list += (list.empty() ? "" : ", ") + iso + " (" + name_of(iso) + ")";
        return Status::Error("'" + query + "' names more than one state: " + list + "; give the 3-letter code");
      }
      for (const CountryRow& r : rows)
        if (r.iso == *it->second.begin()) found = &r;
    }
    if (!found) {
      // Suggest names that start with, or contain, what was typed.
      std::set<std::string> near;
      for (const auto& [name, codes] : by_name)
        if (!key.empty() && (name.rfind(key.substr(0, std::min<size_t>(4, key.size())), 0) == 0))
          for (const std::string& iso : codes) near.insert(iso);
      std::string hint;
      for (const std::string& iso : near) {
        if (hint.size() > 80) break;
        hint += (hint.empty() ? "" : ", ") + iso + " (" + name_of(iso) + ")";
      }
      return Status::Error("unknown state '" + query + "': give a 3-letter ISO code (BLR) or a country name (Belarus)" +
                           (hint.empty() ? std::string() : "; did you mean " + hint + "?"));
    }
  }
  Subject s;
  s.code = found->iso;
  s.name = found->name;
  auto add = [&](std::string n) {
    n = Lower(n);
    if (!n.empty() && std::find(s.names.begin(), s.names.end(), n) == s.names.end()) s.names.push_back(n);
  };
  add(s.name);
  for (const std::string& a : SplitBars(found->alternates)) add(a);
  if (auto n = rules.names.find(s.code); n != rules.names.end())
    for (const std::string& name : n->second) add(name);
  if (auto adj = rules.adjectives.find(s.code); adj != rules.adjectives.end()) s.adjective = adj->second;
  *out = std::move(s);
  return Status::Ok();
}

}  // namespace dyad::analyze
