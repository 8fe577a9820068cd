#include "analyze/classify.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

namespace dyad::analyze {
namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// `needle` occurs in `hay` starting and ending at word boundaries. Both lower-case.
bool ContainsPhrase(const std::string& hay, const std::string& needle) {
  if (needle.empty()) return false;
  for (size_t pos = hay.find(needle); pos != std::string::npos; pos = hay.find(needle, pos + 1)) {
    bool left = pos == 0 || !IsWordChar(hay[pos - 1]) || !IsWordChar(needle.front());
    size_t end = pos + needle.size();
    bool right = end >= hay.size() || !IsWordChar(hay[end]) || !IsWordChar(needle.back());
    if (left && right) return true;
  }
  return false;
}

// Expands {x_name}, {x_adj}, {aggressor} and {victim} into every phrase they
// stand for; a placeholder without a value yields no phrase.
std::vector<std::string> Expand(const std::string& keyword, const Subject& x, const Conflict& c) {
  std::vector<std::string> out = {keyword};
  struct Ph {
    const char* key;
    std::vector<std::string> values;
  };
  std::vector<Ph> phs = {{"{x_name}", {}}, {"{x_adj}", {}}, {"{aggressor}", c.aggressor_words},
                         {"{victim}", c.victim_words}};
  if (x.names.empty() && !x.name.empty()) phs[0].values.push_back(Lower(x.name));
  for (const std::string& n : x.names) phs[0].values.push_back(n);
  if (x.adjectives.empty() && !x.adjective.empty()) phs[1].values.push_back(Lower(x.adjective));
  for (const std::string& a : x.adjectives) phs[1].values.push_back(a);
  for (const Ph& ph : phs) {
    std::string key = ph.key;
    std::vector<std::string> next;
    for (const std::string& s : out) {
      size_t pos = s.find(key);
      if (pos == std::string::npos) {
        next.push_back(s);
        continue;
      }
      for (const std::string& v : ph.values) {
        std::string t = s;
        for (size_t p = t.find(key); p != std::string::npos; p = t.find(key, p + v.size())) t.replace(p, key.size(), v);
        next.push_back(t);
      }
    }
    out = std::move(next);
  }
  return out;
}

// The sentence in lower case, with other states' longer names that hold one of X's words blanked
// out ("South Sudanese troops" names no Sudan): keywords and names are matched against it.
std::string TextFor(const Event& e, const Subject& x) {
  std::string text = Lower(e.sentence);
  for (const std::string& other : x.shadowed_by) {
    for (size_t pos = text.find(other); pos != std::string::npos; pos = text.find(other, pos + other.size())) {
      const size_t end = pos + other.size();
      if ((pos == 0 || !IsWordChar(text[pos - 1]) || !IsWordChar(other.front())) &&
          (end == text.size() || !IsWordChar(text[end]) || !IsWordChar(other.back())))
        std::fill(text.begin() + static_cast<std::ptrdiff_t>(pos), text.begin() + static_cast<std::ptrdiff_t>(end), ' ');
    }
  }
  return text;
}

// Expand's result for `keyword`, cached per thread for one X and one conflict's words (every event
// of a report asks for the same few hundred keywords); the cache starts over when they change.
const std::vector<std::string>& Expanded(const std::string& keyword, const Subject& x, const Conflict& c) {
  struct Cache {
    std::string code, name, adjective;
    std::vector<std::string> names, adjectives, aggressor_words, victim_words;
    std::unordered_map<std::string, std::vector<std::string>> phrases;
  };
  thread_local Cache cache;
  if (cache.code != x.code || cache.name != x.name || cache.adjective != x.adjective || cache.names != x.names ||
      cache.adjectives != x.adjectives || cache.aggressor_words != c.aggressor_words ||
      cache.victim_words != c.victim_words) {
    cache = Cache{x.code, x.name, x.adjective, x.names, x.adjectives, c.aggressor_words, c.victim_words, {}};
  }
  auto it = cache.phrases.find(keyword);
  if (it == cache.phrases.end()) it = cache.phrases.emplace(keyword, Expand(keyword, x, c)).first;
  return it->second;
}

bool AnyPhrase(const std::vector<std::string>& keywords, const std::string& text, const Subject& x,
               const Conflict& c) {
  for (const std::string& k : keywords) {
    for (const std::string& phrase : Expanded(k, x, c)) {
      if (ContainsPhrase(text, phrase)) return true;
    }
  }
  return false;
}

bool SideIn(const std::vector<Side>& sides, Side s) {
  return sides.empty() || std::find(sides.begin(), sides.end(), s) != sides.end();
}

// Role codes of an actor code after its 3-letter country/IGO prefix, in chunks of
// three; a bare country has none ("-").
std::vector<std::string> Roles(const std::string& code) {
  std::vector<std::string> out;
  for (size_t i = 3; i + 3 <= code.size(); i += 3) out.push_back(code.substr(i, 3));
  return out;
}

bool HasRole(const std::string& code, const std::vector<std::string>& wanted) {
  std::vector<std::string> roles = Roles(code);
  for (const std::string& w : wanted) {
    if (w == "-" && roles.empty() && !code.empty()) return true;
    if (std::find(roles.begin(), roles.end(), w) != roles.end()) return true;
  }
  return false;
}

bool CodeIn(const std::string& code, const std::vector<std::string>& prefixes) {
  for (const std::string& p : prefixes) {
    if (code.compare(0, p.size(), p) == 0) return true;
  }
  return false;
}

}  // namespace

const char* BucketName(Bucket b) {
  switch (b) {
    case Bucket::kAsserted: return "asserted";
    case Bucket::kReported: return "reported";
    case Bucket::kHypothetical: return "hypothetical";
    case Bucket::kNegated: return "negated";
  }
  return "asserted";
}

Bucket BucketOf(const Event& event) {
  switch (event.modality) {
    case Modality::kNegated: return Bucket::kNegated;
    case Modality::kHypothetical: return Bucket::kHypothetical;
    case Modality::kAsserted: break;
  }
  // Vague sourcing ("there have been reports of ...") has a text but no code.
  return event.reported_by.empty() && event.reported_by_text.empty() ? Bucket::kAsserted : Bucket::kReported;
}

bool Involves(const Rule& rule, const Event& e, const Subject& x, const Conflict& c) {
  auto is_x = [&](const std::string& code) { return c.SideOf(code, x.code) == Side::kX; };
  std::string text;
  for (Involvement inv : rule.involves) {
    switch (inv) {
      case Involvement::kSource: if (is_x(e.source)) return true; break;
      case Involvement::kTarget: if (is_x(e.target)) return true; break;
      case Involvement::kReportedBy: if (is_x(e.reported_by)) return true; break;
      case Involvement::kLocation: if (is_x(e.location.country)) return true; break;
      case Involvement::kOrigin: if (is_x(e.origin.country)) return true; break;
      case Involvement::kDestination: if (is_x(e.destination.country)) return true; break;
      case Involvement::kPlace:
        if (is_x(e.location.country) || is_x(e.origin.country) || is_x(e.destination.country)) return true;
        break;
      case Involvement::kNamed: {
        if (text.empty()) text = TextFor(e, x);
        if (AnyPhrase({"{x_name}", "{x_adj}", "{x_adj}s"}, text, x, c)) return true;
        break;
      }
      case Involvement::kGroup: {
        if (text.empty()) text = TextFor(e, x);
        for (const Group& g : c.groups) {
          if (!is_x(g.country)) continue;
          for (const std::string& m : g.match)
            if (ContainsPhrase(text, m)) return true;
        }
        break;
      }
    }
  }
  return false;
}

bool RuleMatches(const Rule& rule, const Event& e, const Subject& x, const Conflict& c) {
  if (!Involves(rule, e, x, c)) return false;
  auto side = [&](const std::string& code) { return c.SideOf(code, x.code); };
  if (!rule.codes.empty() && !CodeIn(e.event_code, rule.codes)) return false;
  if (!rule.not_codes.empty() && CodeIn(e.event_code, rule.not_codes)) return false;
  if (!rule.modality.empty() &&
      std::find(rule.modality.begin(), rule.modality.end(), e.modality) == rule.modality.end())
    return false;
  if (!SideIn(rule.source, side(e.source))) return false;
  if (!SideIn(rule.target, side(e.target))) return false;
  if (!SideIn(rule.reported_by, side(e.reported_by))) return false;
  if (!SideIn(rule.location, side(e.location.country))) return false;
  if (!SideIn(rule.origin, side(e.origin.country))) return false;
  if (!SideIn(rule.destination, side(e.destination.country))) return false;
  if (!rule.place.empty()) {
    bool any = false;
    for (const Place* p : {&e.location, &e.origin, &e.destination}) {
      if (!p->country.empty() && SideIn(rule.place, side(p->country))) any = true;
    }
    if (!any) return false;
  }
  if (!rule.source_role.empty() && !HasRole(e.source, rule.source_role)) return false;
  if (!rule.target_role.empty() && !HasRole(e.target, rule.target_role)) return false;
  if (!rule.reported_by_role.empty() && !HasRole(e.reported_by, rule.reported_by_role)) return false;
  if (!rule.not_source_role.empty() && HasRole(e.source, rule.not_source_role)) return false;
  if (!rule.not_target_role.empty() && HasRole(e.target, rule.not_target_role)) return false;

  std::string sentence;
  bool lowered = false;
  auto text = [&]() -> const std::string& {
    if (!lowered) {
      sentence = TextFor(e, x);
      lowered = true;
    }
    return sentence;
  };
  if (!rule.keywords.empty() && !AnyPhrase(rule.keywords, text(), x, c)) return false;
  if (!rule.and_keywords.empty() && !AnyPhrase(rule.and_keywords, text(), x, c)) return false;
  if (!rule.not_keywords.empty() && AnyPhrase(rule.not_keywords, text(), x, c)) return false;
  if (!rule.group_kind.empty() || !rule.group_country.empty() || !rule.group_fights_for.empty()) {
    bool any = false;
    for (const Group& g : c.groups) {
      if (!rule.group_kind.empty() &&
          std::find(rule.group_kind.begin(), rule.group_kind.end(), g.kind) == rule.group_kind.end())
        continue;
      if (!SideIn(rule.group_country, side(g.country))) continue;
      Side fights = g.fights_for == "aggressor" ? Side::kAggressor : Side::kVictim;
      if (!SideIn(rule.group_fights_for, fights)) continue;
      for (const std::string& m : g.match) {
        if (ContainsPhrase(text(), m)) {
          any = true;
          break;
        }
      }
      if (any) break;
    }
    if (!any) return false;
  }
  return true;
}

std::string MatchedKeyword(const Rule& rule, const Event& event, const Subject& x, const Conflict& conflict) {
  if (rule.keywords.empty()) return "";
  const std::string text = TextFor(event, x);
  for (const std::string& k : rule.keywords) {
    for (const std::string& phrase : Expanded(k, x, conflict)) {
      if (ContainsPhrase(text, phrase)) return phrase;
    }
  }
  return "";
}

std::string TargetFromConflict(const Rule& rule, const Event& event, const Subject& x, const Conflict& conflict,
                               std::string* reason) {
  if (rule.target_from_conflict == Side::kNone || !event.target.empty()) return "";
  const bool victim = rule.target_from_conflict == Side::kVictim;
  const std::vector<std::string>& party = victim ? conflict.victim : conflict.aggressor;
  if (party.empty()) return "";
  std::string keyword = MatchedKeyword(rule, event, x, conflict);
  if (reason) {
    *reason = "target " + party.front() + " taken from the conflict (" + (victim ? "victim" : "aggressor") +
              " in " + conflict.name + "): the sentence names no target" +
              (keyword.empty() ? "" : " and speaks of \"" + keyword + "\"");
  }
  return party.front();
}

std::vector<Match> Classify(const Event& event, const Subject& x, const Conflict& conflict,
                            const RuleSet& rules) {
  std::vector<Match> out;
  const Standing standing = conflict.StandingOf(x.code);
  std::vector<int> overridden;
  for (const Rule& rule : rules.rules) {
    const Category* cat = rules.FindCategory(rule.category);
    if (!cat || !cat->AppliesTo(standing)) continue;
    if (!RuleMatches(rule, event, x, conflict)) continue;
    overridden.insert(overridden.end(), rule.overrides.begin(), rule.overrides.end());
    auto it = std::find_if(out.begin(), out.end(),
                           [&](const Match& m) { return m.category == rule.category; });
    if (it == out.end()) {
      out.push_back({rule.category, &rule, {}});
      it = out.end() - 1;
    } else if (rule.weight > it->rule->weight) {
      it->rule = &rule;
    }
    for (int cat : rule.contradicts) {
      if (std::find(it->contradicts.begin(), it->contradicts.end(), cat) == it->contradicts.end())
        it->contradicts.push_back(cat);
    }
  }
  out.erase(std::remove_if(out.begin(), out.end(),
                           [&](const Match& m) {
                             return std::find(overridden.begin(), overridden.end(), m.category) != overridden.end();
                           }),
            out.end());
  std::sort(out.begin(), out.end(),
            [](const Match& a, const Match& b) { return a.category < b.category; });
  return out;
}

}  // namespace dyad::analyze
