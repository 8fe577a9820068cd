#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <set>

#include "analyze/classify.h"

namespace dyad::analyze {
namespace {

// One line of data/countries.tsv.
struct CountryRow {
  std::string code, iso_name;
  std::vector<std::string> names, adjectives;  // as written; the first of each is printed
  std::vector<std::string> capitals;           // text's names for the government; never looked up
};

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

// Without a leading "the ": "the United States" -> "United States".
std::string WithoutThe(const std::string& s) {
  return Lower(s.substr(0, 4)) == "the " ? s.substr(4) : s;
}

// "UAE", "DRC", "U.S.": capitals (and dots) only, two or more letters.
bool IsInitials(const std::string& s) {
  int letters = 0;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') ++letters;
    else if (c != '.') return false;
  }
  return letters >= 2;
}

// "the United States" and "United States", "Côte" and "côte": one key.
std::string Key(const std::string& s) { return Lower(WithoutThe(Trim(s))); }

std::vector<std::string> SplitBars(const std::string& s) {
  std::vector<std::string> out;
  for (size_t p = 0; p <= s.size();) {
    size_t bar = s.find('|', p);
    if (bar == std::string::npos) bar = s.size();
    if (std::string part = Trim(s.substr(p, bar - p)); !part.empty()) out.push_back(part);
    p = bar + 1;
  }
  return out;
}

bool IsCode(const std::string& s) {
  return s.size() == 3 && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

Status ReadCountries(const std::string& path, std::vector<CountryRow>* rows) {
  std::ifstream in(path);
  if (!in) return Status::Corruption(path + ": cannot open the country table");
  std::string line;
  std::set<std::string> seen;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (Trim(line).empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    for (size_t p = 0;;) {
      const size_t tab = line.find('\t', p);
      cols.push_back(line.substr(p, tab == std::string::npos ? std::string::npos : tab - p));
      if (tab == std::string::npos) break;
      p = tab + 1;
    }
    const std::string where = path + ":" + std::to_string(number) + ": ";
    if (cols.size() != 4 && cols.size() != 5)
      return Status::Corruption(where + std::to_string(cols.size()) +
                                " columns; want 4 or 5, tab-separated: code, ISO name, names, adjectives"
                                " and optionally capitals");
    CountryRow r{Trim(cols[0]), Trim(cols[1]), SplitBars(cols[2]), SplitBars(cols[3]),
                 cols.size() == 5 ? SplitBars(cols[4]) : std::vector<std::string>{}};
    if (!IsCode(r.code)) return Status::Corruption(where + "'" + r.code + "' is not a 3-letter capital code");
    if (!seen.insert(r.code).second) return Status::Corruption(where + r.code + " is listed twice");
    if (r.names.empty()) return Status::Corruption(where + r.code + " has no name");
    rows->push_back(std::move(r));
  }
  return Status::Ok();
}

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// `needle` occurs in `hay` as whole words, and is shorter. Both lower-case.
bool ContainsWords(const std::string& hay, const std::string& needle) {
  if (needle.empty() || needle.size() >= hay.size()) return false;
  for (size_t pos = hay.find(needle); pos != std::string::npos; pos = hay.find(needle, pos + 1)) {
    const size_t end = pos + needle.size();
    if ((pos == 0 || !IsWordChar(hay[pos - 1]) || !IsWordChar(needle.front())) &&
        (end == hay.size() || !IsWordChar(hay[end]) || !IsWordChar(needle.back())))
      return true;
  }
  return false;
}

// The lower-case words naming a state in text: "the United States" reads as "united states";
// "the US" keeps its article ("us" alone is a pronoun).
std::string TextName(const std::string& name) {
  const std::string bare = WithoutThe(name);
  return Lower(bare.size() > 2 ? bare : name);
}

}  // namespace

std::string DisplayName(const Subject& x, bool sentence_start) {
  std::string name = !x.display_name.empty() ? x.display_name : !x.name.empty() ? x.name : x.code;
  if (sentence_start && !name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  return name;
}

std::string Possessive(const Subject& x, bool sentence_start) {
  const std::string name = DisplayName(x, sentence_start);
  const bool plural = Lower(name.substr(0, 4)) == "the " && !name.empty() && name.back() == 's';
  return name + (plural ? "'" : "'s");
}

Status LookupSubject(const std::string& query, const std::string& countries_tsv, const RuleSet& rules,
                     Subject* out) {
  std::vector<CountryRow> rows;
  if (Status s = ReadCountries(countries_tsv, &rows); !s.ok()) return s;
  auto row_of = [&](const std::string& code) -> const CountryRow* {
    for (const CountryRow& r : rows)
      if (r.code == code) return &r;
    return nullptr;
  };
  auto label = [&](const std::string& code) {
    const CountryRow* r = row_of(code);
    return code + " (" + (r ? WithoutThe(r->names.front()) : code) + ")";
  };
  const CountryRow* found = row_of(Upper(Trim(query)));
  if (!found) {
    // Names first ("Belarus", "North Korea", "DPRK", "UAE", the rules' "Minsk"), then ISO names
    // and adjectives ("Iran (Islamic Republic of)", "Iranian"): "Congo" is the DRC's name before
    // it is the Republic of the Congo's ISO name.
    std::map<std::string, std::set<std::string>> names, others;  // key -> codes
    for (const CountryRow& r : rows) {
      for (const std::string& n : r.names) names[Key(n)].insert(r.code);
      if (!r.iso_name.empty()) others[Key(r.iso_name)].insert(r.code);
      for (const std::string& a : r.adjectives) others[Key(a)].insert(r.code);
    }
    for (const auto& [code, list] : rules.names)
      for (const std::string& n : list) names[Key(n)].insert(code);
    for (const auto& [code, adjective] : rules.adjectives) others[Key(adjective)].insert(code);
    const std::string key = Key(query);
    const std::set<std::string>* codes = nullptr;
    if (auto it = names.find(key); it != names.end()) codes = &it->second;
    else if (auto other = others.find(key); other != others.end()) codes = &other->second;
    if (codes && codes->size() > 1) {
      std::string list;
      for (const std::string& code : *codes) list += (list.empty() ? "" : ", ") + label(code);
      return Status::InvalidArgument("'" + query + "' names more than one state: " + list +
                                     "; give the 3-letter code");
    }
    if (codes) found = row_of(*codes->begin());
    if (!found) {
      // Suggest names that start like what was typed.
      std::set<std::string> near;
      const std::string start = key.substr(0, std::min<size_t>(4, key.size()));
      for (const auto* table : {&names, &others})
        for (const auto& [name, list] : *table)
          if (!start.empty() && name.rfind(start, 0) == 0) near.insert(list.begin(), list.end());
      std::string hint;
      for (const std::string& code : near) {
        if (hint.size() > 80) break;
        hint += (hint.empty() ? "" : ", ") + label(code);
      }
      return Status::InvalidArgument("unknown state '" + query +
                                     "': give a 3-letter ISO code (BLR) or a country name (Belarus)" +
                                     (hint.empty() ? std::string() : "; did you mean " + hint + "?"));
    }
  }
  Subject s;
  s.code = found->code;
  s.display_name = found->names.front();
  s.name = WithoutThe(s.display_name);
  auto add = [](std::vector<std::string>* list, const std::string& word) {
    if (!word.empty() && std::find(list->begin(), list->end(), word) == list->end()) list->push_back(word);
  };
  for (const std::string& n : found->names) {
    add(&s.names, TextName(n));
    // Names the table writes with "the", and initials ("UAE", "DRC", "U.S."): text writes
    // "the UAE".
    if (WithoutThe(n) != n || IsInitials(n)) add(&s.names_with_the, TextName(n));
  }
  if (auto n = rules.names.find(s.code); n != rules.names.end())
    for (const std::string& name : n->second) add(&s.names, TextName(name));
  // "Astana said", "talks in Luanda": text names a government by its capital. (Not used to look a
  // state up: "dyad role Tripoli" stays an unknown state rather than a guess.)
  for (const std::string& capital : found->capitals) add(&s.names, TextName(capital));
  for (const std::string& a : found->adjectives) add(&s.adjectives, Lower(a));
  if (auto adj = rules.adjectives.find(s.code); adj != rules.adjectives.end()) add(&s.adjectives, adj->second);
  if (!s.adjectives.empty()) s.adjective = s.adjectives.front();
  // (After the adjective that is printed: "RDF troops" read as "Rwandan troops".)
  if (auto f = rules.forces.find(s.code); f != rules.forces.end())
    for (const std::string& word : f->second) add(&s.adjectives, word);
  if (auto w = rules.weapons.find(s.code); w != rules.weapons.end())
    for (const std::string& word : w->second) add(&s.weapons, word);
  // Other states' longer names holding one of X's words ("south sudan" holds "sudan"), unless
  // X's own name holds them in turn ("people's republic of china" holds Taiwan's "republic of china").
  std::vector<std::string> own = s.names;
  own.insert(own.end(), s.adjectives.begin(), s.adjectives.end());
  for (const CountryRow& r : rows) {
    if (r.code == s.code) continue;
    std::vector<std::string> theirs;
    for (const std::string& n : r.names) {
      theirs.push_back(TextName(n));
      s.other_states.emplace_back(r.code, TextName(n));
    }
    for (const std::string& a : r.adjectives) {
      theirs.push_back(Lower(a));
      s.other_states.emplace_back(r.code, Lower(a));
    }
    for (const std::string& t : theirs) {
      const bool holds_ours = std::any_of(own.begin(), own.end(), [&](const std::string& o) { return ContainsWords(t, o); });
      const bool held_by_ours = std::any_of(own.begin(), own.end(), [&](const std::string& o) { return ContainsWords(o, t); });
      if (holds_ours && !held_by_ours) add(&s.shadowed_by, t);
    }
  }
  *out = std::move(s);
  return Status::Ok();
}

}  // namespace dyad::analyze
