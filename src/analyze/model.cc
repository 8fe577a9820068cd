// Loading conflicts and involvement rules from TOML (toml++). Every toml++
// exception is caught here; callers see a Status naming file:line:column.
#include "analyze/model.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>
#include <toml++/toml.h>

#include "common/escape.h"

namespace dyad::analyze {
namespace {

// The kinds of conflict a conflict file may declare and a rule may be limited to.
bool IsConflictKind(const std::string& kind) { return kind == "interstate" || kind == "civil war"; }

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Reads typed values out of one parsed file; the first error wins and names
// file:line:column.
class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  bool ok() const { return status_.ok(); }
  Status status() const { return status_; }

  void Fail(const toml::node& node, const std::string& what) {
    if (!status_.ok()) return;
    const auto& b = node.source().begin;
    // `what` quotes keys and values of the file: escaped, one line whatever they hold.
    status_ = Status::Error(file_ + ":" + std::to_string(b.line) + ":" + std::to_string(b.column) +
                            ": " + EscapeForMessage(what));
  }
  void FailAt(const toml::source_region& region, const std::string& what) {
    if (!status_.ok()) return;
    status_ = Status::Error(file_ + ":" + std::to_string(region.begin.line) + ":" +
                            std::to_string(region.begin.column) + ": " + EscapeForMessage(what));
  }

  // Keys not in `allowed` are errors (a typo must not silently disable a rule).
  void CheckKeys(const toml::table& t, std::initializer_list<const char*> allowed,
                 const std::string& where) {
    for (auto&& [k, v] : t) {
      bool known = false;
      for (const char* a : allowed) known = known || k.str() == a;
      if (!known) Fail(v, where + ": unknown key '" + std::string(k.str()) + "'");
    }
  }

  std::string String(const toml::table& t, const char* key, const std::string& where,
                     bool required) {
    const toml::node* n = t.get(key);
    if (!n) {
      if (required) FailAt(t.source(), where + ": missing '" + key + "'");
      return "";
    }
    if (!n->is_string()) {
      Fail(*n, where + ": '" + key + "' must be a string");
      return "";
    }
    return n->as_string()->get();
  }

  int64_t Int(const toml::table& t, const char* key, const std::string& where, int64_t def) {
    const toml::node* n = t.get(key);
    if (!n) return def;
    if (!n->is_integer()) {
      Fail(*n, where + ": '" + key + "' must be an integer");
      return def;
    }
    return n->as_integer()->get();
  }

  bool Bool(const toml::table& t, const char* key, const std::string& where, bool def) {
    const toml::node* n = t.get(key);
    if (!n) return def;
    if (!n->is_boolean()) {
      Fail(*n, where + ": '" + key + "' must be true or false");
      return def;
    }
    return n->as_boolean()->get();
  }

  double Number(const toml::table& t, const char* key, const std::string& where, double def) {
    const toml::node* n = t.get(key);
    if (!n) return def;
    if (n->is_integer()) return static_cast<double>(n->as_integer()->get());
    if (!n->is_floating_point()) {
      Fail(*n, where + ": '" + key + "' must be a number");
      return def;
    }
    return n->as_floating_point()->get();
  }

  // A string or an array of strings.
  std::vector<std::string> Strings(const toml::table& t, const char* key, const std::string& where) {
    std::vector<std::string> out;
    const toml::node* n = t.get(key);
    if (!n) return out;
    if (n->is_string()) {
      out.push_back(n->as_string()->get());
      return out;
    }
    if (!n->is_array()) {
      Fail(*n, where + ": '" + key + "' must be a string or an array of strings");
      return out;
    }
    for (const toml::node& e : *n->as_array()) {
      if (!e.is_string()) {
        Fail(e, where + ": '" + key + "' must hold only strings");
        return out;
      }
      out.push_back(e.as_string()->get());
    }
    return out;
  }

  std::vector<int> Ints(const toml::table& t, const char* key, const std::string& where) {
    std::vector<int> out;
    const toml::node* n = t.get(key);
    if (!n) return out;
    if (n->is_integer()) {
      out.push_back(static_cast<int>(n->as_integer()->get()));
      return out;
    }
    if (!n->is_array()) {
      Fail(*n, where + ": '" + key + "' must be an integer or an array of integers");
      return out;
    }
    for (const toml::node& e : *n->as_array()) {
      if (!e.is_integer()) {
        Fail(e, where + ": '" + key + "' must hold only integers");
        return out;
      }
      out.push_back(static_cast<int>(e.as_integer()->get()));
    }
    return out;
  }

  // A TOML date (2022-02-24) or a string "2022-02-24"; absent = invalid Date.
  Date DateValue(const toml::table& t, const char* key, const std::string& where, bool required) {
    const toml::node* n = t.get(key);
    if (!n) {
      if (required) FailAt(t.source(), where + ": missing '" + key + "'");
      return Date{};
    }
    if (n->is_date()) {
      toml::date d = n->as_date()->get();
      Date out{static_cast<int>(d.year), static_cast<int>(d.month), static_cast<int>(d.day)};
      if (!out.valid()) Fail(*n, where + ": '" + key + "' is not a valid date");
      return out;
    }
    if (n->is_string()) {
      auto d = Date::Parse(n->as_string()->get());
      if (d && d->valid()) return *d;
    }
    Fail(*n, where + ": '" + key + "' must be a date YYYY-MM-DD");
    return Date{};
  }

  std::vector<Side> Sides(const toml::table& t, const char* key, const std::string& where) {
    std::vector<Side> out;
    for (const std::string& name : Strings(t, key, where)) {
      Side s;
      if (!ParseSide(name, &s)) {
        Fail(*t.get(key), where + ": '" + key + "': unknown side '" + name +
                              "' (use X, aggressor, victim, aggressor_ally, victim_ally, third, none)");
        return out;
      }
      out.push_back(s);
    }
    return out;
  }

  const toml::table* Table(const toml::table& t, const char* key, const std::string& where,
                           bool required) {
    const toml::node* n = t.get(key);
    if (!n) {
      if (required) FailAt(t.source(), where + ": missing table [" + key + "]");
      return nullptr;
    }
    if (!n->is_table()) {
      Fail(*n, where + ": '" + key + "' must be a table");
      return nullptr;
    }
    return n->as_table();
  }

  // [[key]] arrays of tables; calls fn(table, index) for each.
  template <typename Fn>
  void EachTable(const toml::table& t, const char* key, const std::string& where, Fn fn) {
    const toml::node* n = t.get(key);
    if (!n) return;
    if (!n->is_array_of_tables()) {
      Fail(*n, where + ": '" + key + "' must be an array of tables ([[" + key + "]])");
      return;
    }
    int i = 0;
    for (const toml::node& e : *n->as_array()) {
      if (!ok()) return;
      fn(*e.as_table(), i++);
    }
  }

 private:
  std::string file_;
  Status status_;
};

Status ParseFile(const std::string& path, toml::table* out) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return Status::Error(path + ": no such file");
  try {
    *out = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    const auto& b = e.source().begin;
    return Status::Error(path + ":" + std::to_string(b.line) + ":" + std::to_string(b.column) +
                         ": TOML syntax error: " + EscapeForMessage(e.description()));  // it quotes the input
  } catch (const std::exception& e) {
    return Status::Error(path + ": " + e.what());
  }
  return Status::Ok();
}

bool ValidCodePrefix(const std::string& s) {
  if (s.size() < 3) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

const char* SideName(Side side) {
  switch (side) {
    case Side::kNone: return "none";
    case Side::kX: return "X";
    case Side::kAggressor: return "aggressor";
    case Side::kVictim: return "victim";
    case Side::kAggressorAlly: return "aggressor_ally";
    case Side::kVictimAlly: return "victim_ally";
    case Side::kThird: return "third";
  }
  return "none";
}

bool ParseSide(const std::string& name, Side* out) {
  static const std::pair<const char*, Side> kNames[] = {
      {"none", Side::kNone},           {"X", Side::kX},
      {"x", Side::kX},                 {"aggressor", Side::kAggressor},
      {"victim", Side::kVictim},       {"aggressor_ally", Side::kAggressorAlly},
      {"victim_ally", Side::kVictimAlly}, {"third", Side::kThird}};
  for (const auto& [n, s] : kNames) {
    if (name == n) {
      *out = s;
      return true;
    }
  }
  return false;
}

const char* InvolvementName(Involvement i) {
  switch (i) {
    case Involvement::kSource: return "source";
    case Involvement::kTarget: return "target";
    case Involvement::kReportedBy: return "reported_by";
    case Involvement::kLocation: return "location";
    case Involvement::kOrigin: return "origin";
    case Involvement::kDestination: return "destination";
    case Involvement::kPlace: return "place";
    case Involvement::kNamed: return "named";
    case Involvement::kGroup: return "group";
  }
  return "source";
}

bool ParseInvolvement(const std::string& name, Involvement* out) {
  for (Involvement i : {Involvement::kSource, Involvement::kTarget, Involvement::kReportedBy, Involvement::kLocation,
                        Involvement::kOrigin, Involvement::kDestination, Involvement::kPlace, Involvement::kNamed,
                        Involvement::kGroup}) {
    if (name == InvolvementName(i)) {
      *out = i;
      return true;
    }
  }
  return false;
}

const char* StandingName(Standing s) {
  switch (s) {
    case Standing::kThird: return "third";
    case Standing::kAggressorParty: return "aggressor party";
    case Standing::kVictimParty: return "victim party";
    case Standing::kAggressorAlly: return "aggressor ally";
    case Standing::kVictimAlly: return "victim ally";
  }
  return "third";
}

bool ParseStanding(const std::string& name, Standing* out) {
  for (Standing s : {Standing::kThird, Standing::kAggressorParty, Standing::kVictimParty, Standing::kAggressorAlly,
                     Standing::kVictimAlly}) {
    if (name == StandingName(s)) {
      *out = s;
      return true;
    }
  }
  return false;
}

Standing Conflict::StandingOf(const std::string& x) const {
  auto named = [&](const std::vector<std::string>& list) {
    return std::find(list.begin(), list.end(), x) != list.end();
  };
  if (named(aggressor)) return Standing::kAggressorParty;
  if (named(victim)) return Standing::kVictimParty;
  if (named(aggressor_allies)) return Standing::kAggressorAlly;
  if (named(victim_allies)) return Standing::kVictimAlly;
  return Standing::kThird;
}

bool Category::AppliesTo(Standing s) const {
  bool party = s == Standing::kAggressorParty || s == Standing::kVictimParty;
  return std::find(applies_to.begin(), applies_to.end(), party ? "party" : "third") != applies_to.end();
}

Date Conflict::begin() const { return phases.empty() ? Date{} : phases.front().begin; }

const Phase* Conflict::PhaseAt(const Date& date) const {
  if (!date.valid()) return nullptr;
  for (const Phase& p : phases) {
    if (date >= p.begin && (!p.end.valid() || date <= p.end)) return &p;
  }
  return nullptr;
}

Side Conflict::SideOf(const std::string& code, const std::string& x) const {
  if (code.empty()) return Side::kNone;
  // X wins over every party list, except a party prefix longer than X's code:
  // with X = COD, the rebels CODREB stay the other side.
  bool longer_party = false;
  for (const auto* list : {&aggressor, &victim, &aggressor_allies, &victim_allies})
    for (const std::string& p : *list)
      longer_party = longer_party || (p.size() > x.size() && code.compare(0, p.size(), p) == 0);
  if (!x.empty() && !longer_party && code.compare(0, x.size(), x) == 0) return Side::kX;
  size_t best = 0;
  Side side = Side::kThird;
  auto scan = [&](const std::vector<std::string>& prefixes, Side s) {
    for (const std::string& p : prefixes) {
      if (p.size() > best && code.compare(0, p.size(), p) == 0) {
        best = p.size();
        side = s;
      }
    }
  };
  scan(aggressor, Side::kAggressor);
  scan(victim, Side::kVictim);
  scan(aggressor_allies, Side::kAggressorAlly);
  scan(victim_allies, Side::kVictimAlly);
  return side;
}

const Category* RuleSet::FindCategory(int number) const {
  for (const Category& c : categories) {
    if (c.number == number) return &c;
  }
  return nullptr;
}

Status LoadConflict(const std::string& path, Conflict* out) {
  toml::table root;
  if (Status s = ParseFile(path, &root); !s.ok()) return s;
  Reader r(path);
  Conflict c;
  c.file = path;
  r.CheckKeys(root, {"id", "name", "description", "aliases", "kind", "parties", "phases", "groups", "instruments"},
              "conflict");
  c.id = r.String(root, "id", "conflict", true);
  c.name = r.String(root, "name", "conflict", true);
  c.description = r.String(root, "description", "conflict", false);
  c.aliases = r.Strings(root, "aliases", "conflict");
  c.kind = r.String(root, "kind", "conflict", false);
  if (c.kind.empty()) c.kind = "interstate";
  if (r.ok() && !IsConflictKind(c.kind))
    r.Fail(*root.get("kind"), "conflict: 'kind': unknown kind '" + c.kind + "' (use interstate or civil war)");
  if (const toml::table* parties = r.Table(root, "parties", "conflict", true)) {
    r.CheckKeys(*parties, {"aggressor", "victim", "aggressor_allies", "victim_allies", "aggressor_words",
                           "victim_words", "aggressor_held"},
                "[parties]");
    for (const std::string& w : r.Strings(*parties, "aggressor_held", "[parties]")) c.aggressor_held.push_back(Lower(w));
    for (const std::string& w : r.Strings(*parties, "aggressor_words", "[parties]")) c.aggressor_words.push_back(Lower(w));
    for (const std::string& w : r.Strings(*parties, "victim_words", "[parties]")) c.victim_words.push_back(Lower(w));
    struct SideList {
      const char* key;
      std::vector<std::string>* codes;
      bool required;
    } lists[] = {{"aggressor", &c.aggressor, true},
                 {"victim", &c.victim, true},
                 {"aggressor_allies", &c.aggressor_allies, false},
                 {"victim_allies", &c.victim_allies, false}};
    for (const SideList& l : lists) {
      *l.codes = r.Strings(*parties, l.key, "[parties]");
      const toml::node* n = parties->get(l.key);
      if (r.ok() && l.required && l.codes->empty()) {
        if (n)
          r.Fail(*n, std::string("[parties]: side '") + l.key + "' names no actor code (give e.g. [\"RUS\"])");
        else
          r.FailAt(parties->source(), "[parties]: 'aggressor' and 'victim' must each name a code (missing '" +
                                          std::string(l.key) + "')");
      }
      for (const std::string& code : *l.codes) {
        if (r.ok() && !ValidCodePrefix(code))
          r.Fail(*n, std::string("[parties]: side '") + l.key + "': '" + code +
                         "' is not an actor code (3+ capital letters, e.g. \"RUS\" or \"CODREB\")");
      }
    }
  }
  r.EachTable(root, "phases", "[[phases]]", [&](const toml::table& t, int i) {
    std::string where = "[[phases]] #" + std::to_string(i + 1);
    r.CheckKeys(t, {"name", "begin", "end"}, where);
    Phase p;
    p.name = r.String(t, "name", where, true);
    p.begin = r.DateValue(t, "begin", where, true);
    p.end = r.DateValue(t, "end", where, false);
    if (r.ok() && p.end.valid() && p.end < p.begin) r.FailAt(t.source(), where + ": end before begin");
    if (r.ok() && !c.phases.empty()) {
      const Phase& prev = c.phases.back();
      if (!prev.end.valid() || p.begin <= prev.end)
        r.FailAt(t.source(), where + ": phase '" + p.name + "' overlaps '" + prev.name +
                                 "' (phases must be in date order and not overlap)");
    }
    c.phases.push_back(p);
  });
  r.EachTable(root, "groups", "[[groups]]", [&](const toml::table& t, int i) {
    std::string where = "[[groups]] #" + std::to_string(i + 1);
    r.CheckKeys(t, {"name", "match", "country", "fights_for", "kind", "alleged_backers"}, where);
    Group g;
    g.name = r.String(t, "name", where, true);
    for (const std::string& m : r.Strings(t, "match", where)) g.match.push_back(Lower(m));
    if (g.match.empty()) g.match.push_back(Lower(g.name));
    g.country = r.String(t, "country", where, true);
    g.fights_for = r.String(t, "fights_for", where, true);
    g.kind = r.String(t, "kind", where, true);
    g.alleged_backers = r.Strings(t, "alleged_backers", where);
    if (r.ok() && g.fights_for != "aggressor" && g.fights_for != "victim")
      r.FailAt(t.source(), where + ": 'fights_for' must be \"aggressor\" or \"victim\"");
    if (r.ok() && !ValidCodePrefix(g.country))
      r.Fail(*t.get("country"), where + " '" + g.name + "': 'country' '" + g.country + "' is not an actor code");
    for (const std::string& b : g.alleged_backers) {
      if (r.ok() && (b.size() != 3 || !ValidCodePrefix(b)))
        r.Fail(*t.get("alleged_backers"), where + " '" + g.name + "': alleged backer '" + b +
                                               "' is not a 3-letter state code");
    }
    c.groups.push_back(g);
  });
  r.EachTable(root, "instruments", "[[instruments]]", [&](const toml::table& t, int i) {
    std::string where = "[[instruments]] #" + std::to_string(i + 1);
    r.CheckKeys(t, {"instrument", "paraphrase", "citation", "categories"}, where);
    ConflictInstrument ci;
    ci.line = static_cast<int>(t.source().begin.line);
    ci.test.instrument = r.String(t, "instrument", where, true);
    ci.test.paraphrase = r.String(t, "paraphrase", where, true);
    ci.test.citation = r.String(t, "citation", where, true);
    ci.categories = r.Strings(t, "categories", where);
    if (r.ok() && ci.categories.empty())
      r.FailAt(t.source(), where + ": 'categories' must name the category keys it bears on");
    c.instruments.push_back(ci);
  });
  if (!r.ok()) return r.status();
  if (c.phases.empty()) return Status::Error(path + ": conflict '" + EscapeForMessage(c.id) + "' has no [[phases]]");
  *out = std::move(c);
  return Status::Ok();
}

Status ListConflicts(const std::string& dir, std::vector<Conflict>* out,
                     std::vector<std::pair<std::string, std::string>>* failed) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return Status::Error(dir + ": no such directory");
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".toml") files.push_back(entry.path().string());
  }
  if (ec) return Status::IOError(ec.message()).At(dir);
  std::sort(files.begin(), files.end());
  for (const std::string& f : files) {
    Conflict c;
    if (Status s = LoadConflict(f, &c); !s.ok()) {
      failed->emplace_back(f, s.message());
      continue;
    }
    out->push_back(std::move(c));
  }
  return Status::Ok();
}

Status FindConflict(const std::string& dir, const std::string& id, Conflict* out) {
  std::vector<Conflict> all;
  std::vector<std::pair<std::string, std::string>> failed;
  if (Status s = ListConflicts(dir, &all, &failed); !s.ok()) return s;
  // A broken file that may be the one asked for is an error; others are skipped.
  // Ids and aliases are matched without regard to case ("Russia-Ukraine").
  auto lower = [](std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  const std::string wanted = lower(id);
  for (const auto& [file, message] : failed)
    if (lower(std::filesystem::path(file).stem().string()) == wanted) return Status::Corruption(message);
  std::string list;
  for (Conflict& c : all) {
    bool match = lower(c.id) == wanted;
    for (const std::string& alias : c.aliases) match = match || lower(alias) == wanted;
    if (match) {
      *out = std::move(c);
      return Status::Ok();
    }
    list += (list.empty() ? "" : ", ") + EscapeForMessage(c.id);
  }
  return Status::Error("unknown conflict '" + EscapeForMessage(id) + "': known: " + (list.empty() ? "(none)" : list) + " (in " + dir +
                       "; a conflict of your own: a TOML file in a folder given with --conflicts DIR, see "
                       "docs/role-report.md)");
}

Status LoadRules(const std::string& path, RuleSet* out) {
  toml::table root;
  if (Status s = ParseFile(path, &root); !s.ok()) return s;
  Reader r(path);
  RuleSet rs;
  rs.file = path;
  r.CheckKeys(root, {"disclaimer", "adjectives", "names", "forces", "weapons", "words", "unrelated", "allegation",
                     "findings", "categories", "rules", "escalation", "judgement", "acted_on"},
              "rules file");
  rs.disclaimer = r.String(root, "disclaimer", "rules file", false);
  // [words]: named lists of phrases a keyword list takes as "@name" (one class of words, written
  // once: "@justification" in every rule that needs it).
  std::map<std::string, std::vector<std::string>> words;
  if (const toml::table* lists = r.Table(root, "words", "rules file", false)) {
    for (auto&& [k, v] : *lists) {
      std::vector<std::string>& list = words[std::string(k.str())];
      for (const std::string& n : r.Strings(*lists, std::string(k.str()).c_str(), "[words]")) {
        if (r.ok() && !n.empty() && n[0] == '@')
          r.Fail(v, "[words]: '" + std::string(k.str()) + "' refers to '" + n + "': a word list holds phrases only");
        list.push_back(Lower(n));
      }
    }
  }
  // A keyword list with its "@name" entries replaced by the [words] list of that name.
  auto phrases = [&](const toml::table& t, const char* key, const std::string& where) {
    std::vector<std::string> out;
    for (const std::string& k : r.Strings(t, key, where)) {
      if (k.empty() || k[0] != '@') {
        out.push_back(Lower(k));
        continue;
      }
      const auto list = words.find(k.substr(1));
      if (list == words.end()) {
        if (r.ok()) r.Fail(*t.get(key), where + ": '" + key + "': no [words] list named '" + k.substr(1) + "'");
        continue;
      }
      out.insert(out.end(), list->second.begin(), list->second.end());
    }
    return out;
  };
  // unrelated: phrases by which a sentence says its fact has nothing to do with something ("an
  // initiative unrelated to the war"): such a sentence is evidence only for categories with
  // evidence_when_unrelated (a state's own denial). Added to the other rules' not_keywords.
  const std::vector<std::string> unrelated = phrases(root, "unrelated", "rules file");
  // A list of whole words or phrases of words (each starts and ends with a letter).
  auto word_phrases = [&](const char* key, const std::string& hint) {
    std::vector<std::string> out = phrases(root, key, "rules file");
    for (const std::string& words : out) {
      if (r.ok() && (words.empty() || !std::isalpha(static_cast<unsigned char>(words.front())) ||
                     !std::isalpha(static_cast<unsigned char>(words.back()))))
        r.Fail(*root.get(key), std::string("rules file: '") + key + "': '" + words + "' " + hint);
    }
    return out;
  };
  // allegation: a reporter's verbs of accusation ("Washington accused Iran of ..."): what they
  // introduce is listed apart from the evidence (Bucket::kAlleged).
  rs.allegation = word_phrases("allegation", "is not a word (give verbs of accusation, e.g. \"accused\")");
  // findings: a reporter's words finding X's conduct unlawful or a threat ("violated", "in breach of").
  rs.findings = word_phrases("findings", "is not a phrase of words (e.g. \"in breach of\")");
  if (const toml::table* adj = r.Table(root, "adjectives", "rules file", false)) {
    for (auto&& [k, v] : *adj) {
      if (!v.is_string()) {
        r.Fail(v, "[adjectives]: '" + std::string(k.str()) + "' must be a string");
        break;
      }
      rs.adjectives[std::string(k.str())] = Lower(v.as_string()->get());
    }
  }
  if (const toml::table* names = r.Table(root, "names", "rules file", false)) {
    for (auto&& [k, v] : *names) {
      std::vector<std::string> list;
      for (const std::string& n : r.Strings(*names, std::string(k.str()).c_str(), "[names]")) list.push_back(Lower(n));
      rs.names[std::string(k.str())] = list;
    }
  }
  if (const toml::table* forces = r.Table(root, "forces", "rules file", false)) {
    for (auto&& [k, v] : *forces) {
      std::vector<std::string> list;
      for (const std::string& n : r.Strings(*forces, std::string(k.str()).c_str(), "[forces]")) list.push_back(Lower(n));
      rs.forces[std::string(k.str())] = list;
    }
  }
  if (const toml::table* weapons = r.Table(root, "weapons", "rules file", false)) {
    for (auto&& [k, v] : *weapons) {
      std::vector<std::string> list;
      for (const std::string& n : r.Strings(*weapons, std::string(k.str()).c_str(), "[weapons]")) list.push_back(Lower(n));
      rs.weapons[std::string(k.str())] = list;
    }
  }
  r.EachTable(root, "categories", "[[categories]]", [&](const toml::table& t, int i) {
    std::string where = "[[categories]] #" + std::to_string(i + 1);
    r.CheckKeys(t, {"number", "key", "name", "description", "bears_on", "tests", "applies_to", "evidence_when_unrelated"},
                where);
    Category c;
    c.number = static_cast<int>(r.Int(t, "number", where, 0));
    c.key = r.String(t, "key", where, true);
    c.name = r.String(t, "name", where, true);
    c.description = r.String(t, "description", where, false);
    c.bears_on = r.String(t, "bears_on", where, false);
    c.evidence_when_unrelated = r.Bool(t, "evidence_when_unrelated", where, false);
    if (t.get("applies_to")) c.applies_to = r.Strings(t, "applies_to", where);
    for (const std::string& a : c.applies_to) {
      if (r.ok() && a != "third" && a != "party")
        r.Fail(*t.get("applies_to"), where + ": 'applies_to' takes \"third\" and/or \"party\", not '" + a + "'");
    }
    if (r.ok() && c.number <= 0) r.FailAt(t.source(), where + ": 'number' must be a positive integer");
    if (r.ok() && rs.FindCategory(c.number))
      r.FailAt(t.source(), where + ": category number " + std::to_string(c.number) + " defined twice");
    r.EachTable(t, "tests", where + " tests", [&](const toml::table& tt, int j) {
      std::string w = where + " [[tests]] #" + std::to_string(j + 1);
      r.CheckKeys(tt, {"instrument", "paraphrase", "citation"}, w);
      LegalTest lt;
      lt.instrument = r.String(tt, "instrument", w, true);
      lt.paraphrase = r.String(tt, "paraphrase", w, true);
      lt.citation = r.String(tt, "citation", w, true);
      c.tests.push_back(lt);
    });
    rs.categories.push_back(c);
  });
  std::sort(rs.categories.begin(), rs.categories.end(),
            [](const Category& a, const Category& b) { return a.number < b.number; });
  std::set<std::string> ids;
  r.EachTable(root, "rules", "[[rules]]", [&](const toml::table& t, int i) {
    Rule rule;
    rule.file = path;
    rule.line = static_cast<int>(t.source().begin.line);
    rule.id = r.String(t, "id", "[[rules]] #" + std::to_string(i + 1), true);
    std::string where = "rule '" + rule.id + "'";
    if (r.ok() && !ids.insert(rule.id).second) r.FailAt(t.source(), where + ": id used twice");
    r.CheckKeys(t, {"id", "category", "description", "weight", "source", "target", "location",
                    "origin", "destination", "place", "reported_by", "source_role", "target_role",
                    "not_source_role", "not_target_role", "reported_by_role", "codes", "not_codes", "modality",
                    "keywords", "and_keywords", "not_keywords", "group_kind", "group_country", "group_fights_for", "contradicts",
                    "target_from_conflict", "involves", "overrides", "sentences", "standing", "conflict_kind",
                    "document_ties", "even_handed"},
                where);
    rule.category = static_cast<int>(r.Int(t, "category", where, 0));
    if (r.ok() && !rs.FindCategory(rule.category))
      r.FailAt(t.source(), where + ": category " + std::to_string(rule.category) + " is not defined");
    rule.description = r.String(t, "description", where, false);
    rule.weight = static_cast<int>(r.Int(t, "weight", where, 1));
    if (r.ok() && (rule.weight < 1 || rule.weight > 3))
      r.FailAt(t.source(), where + ": 'weight' must be 1, 2 or 3");
    rule.source = r.Sides(t, "source", where);
    rule.target = r.Sides(t, "target", where);
    rule.location = r.Sides(t, "location", where);
    rule.origin = r.Sides(t, "origin", where);
    rule.destination = r.Sides(t, "destination", where);
    rule.place = r.Sides(t, "place", where);
    rule.reported_by = r.Sides(t, "reported_by", where);
    rule.source_role = r.Strings(t, "source_role", where);
    rule.target_role = r.Strings(t, "target_role", where);
    rule.not_source_role = r.Strings(t, "not_source_role", where);
    rule.not_target_role = r.Strings(t, "not_target_role", where);
    rule.reported_by_role = r.Strings(t, "reported_by_role", where);
    rule.codes = r.Strings(t, "codes", where);
    rule.not_codes = r.Strings(t, "not_codes", where);
    for (const auto* list : {&rule.codes, &rule.not_codes}) {
      for (const std::string& code : *list) {
        bool digits = !code.empty() && code.size() <= 4 &&
                      std::all_of(code.begin(), code.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
        if (r.ok() && !digits)
          r.FailAt(t.source(), where + ": '" + code + "' is not a CAMEO code prefix (1-4 digits)");
      }
    }
    for (const std::string& m : r.Strings(t, "modality", where)) {
      if (m == "asserted") rule.modality.push_back(Modality::kAsserted);
      else if (m == "negated") rule.modality.push_back(Modality::kNegated);
      else if (m == "hypothetical") rule.modality.push_back(Modality::kHypothetical);
      else if (r.ok())
        r.FailAt(t.source(), where + ": unknown modality '" + m +
                                 "' (use asserted, negated, hypothetical)");
    }
    rule.keywords = phrases(t, "keywords", where);
    rule.and_keywords = phrases(t, "and_keywords", where);
    rule.not_keywords = phrases(t, "not_keywords", where);
    rule.group_kind = r.Strings(t, "group_kind", where);
    rule.group_country = r.Sides(t, "group_country", where);
    rule.group_fights_for = r.Sides(t, "group_fights_for", where);
    rule.contradicts = r.Ints(t, "contradicts", where);
    for (int cat : rule.contradicts) {
      if (r.ok() && !rs.FindCategory(cat))
        r.FailAt(t.source(), where + ": contradicts category " + std::to_string(cat) +
                                 ", which is not defined");
    }
    rule.overrides = r.Ints(t, "overrides", where);
    for (int cat : rule.overrides) {
      if (r.ok() && !rs.FindCategory(cat))
        r.FailAt(t.source(), where + ": overrides category " + std::to_string(cat) + ", which is not defined");
    }
    std::string from_conflict = r.String(t, "target_from_conflict", where, false);
    if (r.ok() && !from_conflict.empty()) {
      if (from_conflict == "victim") rule.target_from_conflict = Side::kVictim;
      else if (from_conflict == "aggressor") rule.target_from_conflict = Side::kAggressor;
      else
        r.FailAt(t.source(), where + ": 'target_from_conflict' must be \"victim\" or \"aggressor\", not '" +
                                 from_conflict + "'");
    }
    for (const std::string& name : r.Strings(t, "involves", where)) {
      Involvement inv;
      if (!ParseInvolvement(name, &inv)) {
        if (r.ok())
          r.Fail(*t.get("involves"), where + ": 'involves': unknown involvement '" + name +
                                         "' (use source, target, reported_by, location, origin, destination, place, named, group)");
        break;
      }
      rule.involves.push_back(inv);
    }
    if (r.ok() && rule.involves.empty())
      r.FailAt(t.source(), where + ": no 'involves': say how the state under study takes part (source, target, "
                                   "reported_by, location, origin, destination, place, named or group); keywords alone "
                                   "never tie an event to it");
    for (const std::string& name : r.Strings(t, "standing", where)) {
      Standing st;
      if (ParseStanding(name, &st)) {
        rule.standing.push_back(st);
      } else if (r.ok()) {
        r.Fail(*t.get("standing"), where + ": 'standing': unknown standing '" + name +
                                       "' (use third, aggressor ally, victim ally, aggressor party, victim party)");
      }
    }
    for (const std::string& kind : r.Strings(t, "conflict_kind", where)) {
      if (IsConflictKind(kind)) {
        rule.conflict_kind.push_back(kind);
      } else if (r.ok()) {
        r.Fail(*t.get("conflict_kind"), where + ": 'conflict_kind': unknown kind '" + kind +
                                            "' (use interstate or civil war)");
      }
    }
    rule.sentences = r.Bool(t, "sentences", where, false);
    rule.document_ties = r.Bool(t, "document_ties", where, false);
    rule.even_handed = r.Bool(t, "even_handed", where, false);
    if (r.ok() && rule.even_handed && (rule.codes.empty() || rule.overrides.empty()))
      r.FailAt(t.source(), where + ": 'even_handed = true' needs codes (the kinds of act it applies to) and "
                                   "overrides (the categories it replaces)");
    if (r.ok() && rule.document_ties && rule.and_keywords.empty())
      r.FailAt(t.source(), where + ": 'document_ties = true' needs and_keywords (the words that tie an event to "
                                   "the war when its document does not)");
    if (r.ok() && rule.sentences) {
      // A sentence without an event has no actors, code, places or modality to test.
      const bool event_conditions =
          !rule.source.empty() || !rule.target.empty() || !rule.location.empty() || !rule.origin.empty() ||
          !rule.destination.empty() || !rule.place.empty() || !rule.reported_by.empty() ||
          !rule.source_role.empty() || !rule.target_role.empty() || !rule.not_source_role.empty() ||
          !rule.not_target_role.empty() || !rule.reported_by_role.empty() || !rule.codes.empty() ||
          !rule.not_codes.empty() || !rule.modality.empty();
      const bool by_words = std::all_of(rule.involves.begin(), rule.involves.end(), [](Involvement i) {
        return i == Involvement::kNamed || i == Involvement::kGroup;
      });
      if (event_conditions || !by_words || rule.keywords.empty())
        r.FailAt(t.source(), where + ": 'sentences = true' needs keywords and involves = named or group only, "
                                     "and no actor, code, place or modality conditions (a sentence without an "
                                     "event has none)");
    }
    if (const Category* c = rs.FindCategory(rule.category); c && !c->evidence_when_unrelated)
      rule.not_keywords.insert(rule.not_keywords.end(), unrelated.begin(), unrelated.end());
    rs.rules.push_back(std::move(rule));
  });
  if (const toml::table* esc = r.Table(root, "escalation", "rules file", false)) {
    r.CheckKeys(*esc, {"baseline_months", "ratio", "min_change", "min_partial_days", "signals"}, "[escalation]");
    rs.escalation.baseline_months = static_cast<int>(r.Int(*esc, "baseline_months", "[escalation]", 6));
    rs.escalation.ratio = r.Number(*esc, "ratio", "[escalation]", 1.5);
    rs.escalation.min_change = r.Number(*esc, "min_change", "[escalation]", 2);
    rs.escalation.min_partial_days = static_cast<int>(r.Int(*esc, "min_partial_days", "[escalation]", 3));
    if (r.ok() && (rs.escalation.baseline_months < 1 || rs.escalation.ratio <= 1.0))
      r.FailAt(esc->source(), "[escalation]: baseline_months must be >= 1 and ratio > 1");
    if (r.ok() && (rs.escalation.min_partial_days < 1 || rs.escalation.min_partial_days > 28))
      r.FailAt(esc->source(), "[escalation]: min_partial_days must be 1..28");
    r.EachTable(*esc, "signals", "[[escalation.signals]]", [&](const toml::table& t, int i) {
      std::string where = "[[escalation.signals]] #" + std::to_string(i + 1);
      r.CheckKeys(t, {"name", "categories", "codes"}, where);
      Signal sig;
      sig.name = r.String(t, "name", where, true);
      sig.categories = r.Ints(t, "categories", where);
      sig.codes = r.Strings(t, "codes", where);
      for (int cat : sig.categories) {
        if (r.ok() && !rs.FindCategory(cat))
          r.FailAt(t.source(), where + ": category " + std::to_string(cat) + " is not defined");
      }
      rs.escalation.signals.push_back(sig);
    });
  }
  // [judgement] and [acted_on]: CAMEO code prefixes and the categories they bear on.
  auto acts = [&](const char* key, bool with_words, JudgementSettings* out) {
    const toml::table* t = r.Table(root, key, "rules file", false);
    if (!t) return;
    const std::string where = std::string("[") + key + "]";
    if (with_words) r.CheckKeys(*t, {"codes", "categories", "words"}, where);
    else r.CheckKeys(*t, {"codes", "categories"}, where);
    out->codes = r.Strings(*t, "codes", where);
    if (with_words && t->contains("words")) {
      out->words = r.Strings(*t, "words", where);
      for (std::string& w : out->words)
        std::transform(w.begin(), w.end(), w.begin(), [](unsigned char ch) { return std::tolower(ch); });
    }
    out->categories = r.Ints(*t, "categories", where);
    for (const std::string& code : out->codes) {
      if (r.ok() && (code.empty() || !std::all_of(code.begin(), code.end(), [](char ch) { return ch >= '0' && ch <= '9'; })))
        r.FailAt(t->source(), where + ": code '" + code + "' is not a CAMEO code prefix (digits)");
    }
    for (int cat : out->categories) {
      if (r.ok() && !rs.FindCategory(cat))
        r.FailAt(t->source(), where + ": category " + std::to_string(cat) + " is not defined");
    }
  };
  acts("judgement", /*with_words=*/true, &rs.judgement);
  acts("acted_on", /*with_words=*/false, &rs.acted_on);
  if (!r.ok()) return r.status();
  if (rs.categories.empty()) return Status::Error(path + ": no [[categories]] defined");
  if (rs.rules.empty()) return Status::Error(path + ": no [[rules]] defined");
  *out = std::move(rs);
  return Status::Ok();
}

}  // namespace dyad::analyze
