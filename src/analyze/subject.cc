#include <algorithm>
#include <cctype>
#include <fstream>

#include "analyze/classify.h"

namespace dyad::analyze {

Status LookupSubject(const std::string& code, const std::string& countries_tsv,
                     const RuleSet& rules, Subject* out) {
  std::string x;
  for (char c : code) x += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  bool letters = x.size() == 3;
  for (char c : x) letters = letters && c >= 'A' && c <= 'Z';
  if (!letters) {
    std::string hint = x.size() > 3 ? " (give the state's 3-letter code, e.g. " + x.substr(0, 3) + ")" : "";
    return Status::Error("unknown actor code '" + code + "': expected a 3-letter state code such as BLR" +
                         hint);
  }
  std::ifstream in(countries_tsv);
  if (!in) return Status::Error(countries_tsv + ": cannot open the country table");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t t1 = line.find('\t');
    if (t1 == std::string::npos) continue;
    size_t t2 = line.find('\t', t1 + 1);
    if (t2 == std::string::npos) continue;
    size_t t3 = line.find('\t', t2 + 1);
    std::string iso = line.substr(t2 + 1, t3 == std::string::npos ? std::string::npos : t3 - t2 - 1);
    if (iso != x) continue;
    Subject s;
    s.code = x;
    s.name = line.substr(0, t1);
    auto add = [&](std::string n) {
      for (char& ch : n) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (!n.empty() && std::find(s.names.begin(), s.names.end(), n) == s.names.end()) s.names.push_back(n);
    };
    add(s.name);
    std::string alternates = line.substr(t1 + 1, t2 - t1 - 1);
    for (size_t p = 0; p <= alternates.size();) {
      size_t bar = alternates.find('|', p);
      if (bar == std::string::npos) bar = alternates.size();
      add(alternates.substr(p, bar - p));
      p = bar + 1;
    }
    if (auto n = rules.names.find(x); n != rules.names.end())
      for (const std::string& name : n->second) add(name);
    auto adj = rules.adjectives.find(x);
    if (adj != rules.adjectives.end()) s.adjective = adj->second;
    *out = std::move(s);
    return Status::Ok();
  }
  return Status::Error("unknown actor code '" + code + "': not a country in " + countries_tsv);
}

}  // namespace dyad::analyze
