#include "analyze/classify.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
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

// Byte pairs hashed into a set of kBigramSlots bits (a text of a few hundred bytes sets a few
// percent of them).
constexpr size_t kBigramSlots = 4096;
uint16_t BigramSlot(char a, char b) {
  const uint32_t pair = static_cast<uint32_t>(static_cast<unsigned char>(a)) << 8 | static_cast<unsigned char>(b);
  return static_cast<uint16_t>((pair * 0x9E3779B1u) >> 20);
}

bool SideIn(const std::vector<Side>& sides, Side s) {
  return sides.empty() || std::find(sides.begin(), sides.end(), s) != sides.end();
}

// The role codes of an actor code are the chunks of three after its 3-letter country/IGO
// prefix; a bare country has none ("-").
bool HasRole(const std::string& code, const std::vector<std::string>& wanted) {
  const bool bare = code.size() < 6;
  for (const std::string& w : wanted) {
    if (w == "-" && bare && !code.empty()) return true;
    if (w.size() != 3) continue;
    for (size_t i = 3; i + 3 <= code.size(); i += 3)
      if (code.compare(i, 3, w) == 0) return true;
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

// ---------------------------------------------------------------- the compiled rules

// The rules with every keyword expanded for one X and one conflict (placeholders, the groups
// that name X), each phrase numbered once, so that an event is tested against each phrase at
// most once however many rules list it.
struct Classifier::Program {
  struct Compiled {
    const Rule* rule = nullptr;
    bool applies = true;  // its category is in X's report
    // Phrase lists (numbers into `lists`); a keyword list's phrases are in the order
    // MatchedKeyword tries them (keyword by keyword, each expanded).
    int keywords = 0, and_keywords = 0, not_keywords = 0;
    bool group_condition = false;  // group_kind, group_country or group_fights_for given
    int groups = 0;                // the match phrases of the groups those conditions admit
  };

  Subject x;
  const Conflict& conflict;
  Standing standing = Standing::kThird;
  std::vector<std::string> phrases;
  // Per phrase, the slots (BigramSlot) of its byte pairs: a phrase can only occur in a text that
  // holds all of them, so most phrases are ruled out by a few bit tests instead of a search.
  std::vector<std::vector<uint16_t>> bigrams;
  std::unordered_map<std::string, int> phrase_ids;
  // Lists of phrase numbers, each once: many rules share a list ({aggressor}, the named
  // involvement), so an event answers each list once.
  std::vector<std::vector<int>> lists;
  std::map<std::vector<int>, int> list_ids;
  int named = 0;     // {x_name}, {x_adj}, {x_adj}s: the sentence names X
  int x_groups = 0;  // the match phrases of the conflict's groups from X
  std::vector<Compiled> compiled;
  std::unordered_map<const Rule*, size_t> index;

  Program(const std::vector<const Rule*>& rules, const RuleSet* set, const Conflict& c, Subject subject)
      : x(std::move(subject)), conflict(c), standing(c.StandingOf(x.code)) {
    named = List(Phrases({"{x_name}", "{x_adj}", "{x_adj}s"}));
    std::vector<int> from_x;
    for (const Group& g : conflict.groups) {
      if (conflict.SideOf(g.country, x.code) != Side::kX) continue;
      for (const std::string& m : g.match) from_x.push_back(Intern(m));
    }
    x_groups = List(std::move(from_x));
    compiled.reserve(rules.size());
    for (const Rule* rule : rules) {
      Compiled r;
      r.rule = rule;
      if (set) {
        const Category* cat = set->FindCategory(rule->category);
        r.applies = cat && cat->AppliesTo(standing);
      }
      r.keywords = List(Phrases(rule->keywords));
      r.and_keywords = List(Phrases(rule->and_keywords));
      r.not_keywords = List(Phrases(rule->not_keywords));
      std::vector<int> groups;
      r.group_condition = !rule->group_kind.empty() || !rule->group_country.empty() || !rule->group_fights_for.empty();
      if (r.group_condition) {
        for (const Group& g : conflict.groups) {
          if (!rule->group_kind.empty() &&
              std::find(rule->group_kind.begin(), rule->group_kind.end(), g.kind) == rule->group_kind.end())
            continue;
          if (!SideIn(rule->group_country, conflict.SideOf(g.country, x.code))) continue;
          Side fights = g.fights_for == "aggressor" ? Side::kAggressor : Side::kVictim;
          if (!SideIn(rule->group_fights_for, fights)) continue;
          for (const std::string& m : g.match) groups.push_back(Intern(m));
        }
      }
      r.groups = List(std::move(groups));
      index.emplace(rule, compiled.size());
      compiled.push_back(std::move(r));
    }
  }

  int Intern(const std::string& phrase) {
    auto [it, added] = phrase_ids.emplace(phrase, static_cast<int>(phrases.size()));
    if (added) {
      phrases.push_back(phrase);
      std::vector<uint16_t> slots;
      for (size_t i = 0; i + 1 < phrase.size(); ++i) {
        const uint16_t slot = BigramSlot(phrase[i], phrase[i + 1]);
        if (std::find(slots.begin(), slots.end(), slot) == slots.end()) slots.push_back(slot);
      }
      bigrams.push_back(std::move(slots));
    }
    return it->second;
  }

  int List(std::vector<int> phrase_numbers) {
    auto [it, added] = list_ids.emplace(phrase_numbers, static_cast<int>(lists.size()));
    if (added) lists.push_back(std::move(phrase_numbers));
    return it->second;
  }

  std::vector<int> Phrases(const std::vector<std::string>& keywords) {
    std::vector<int> out;
    for (const std::string& k : keywords)
      for (const std::string& phrase : Expand(k, x, conflict)) out.push_back(Intern(phrase));
    return out;
  }
};

namespace {

// What the rules ask of one event, each worked out once: the sides of its actors and places, its
// sentence as matched (TextFor), and which phrases occur in it.
class EventFacts {
 public:
  EventFacts(const Classifier::Program& p, const Event& e)
      : p_(p),
        e_(e),
        source_(Of(e.source)),
        target_(Of(e.target)),
        reported_by_(Of(e.reported_by)),
        location_(Of(e.location.country)),
        origin_(Of(e.origin.country)),
        destination_(Of(e.destination.country)),
        seen_(p.phrases.size(), kUnknown),
        list_seen_(p.lists.size(), kUnknown) {}

  // Some phrase of list `list` occurs in the sentence.
  bool Any(int list) {
    int8_t& s = list_seen_[static_cast<size_t>(list)];
    if (s == kUnknown) {
      s = 0;
      for (int id : p_.lists[static_cast<size_t>(list)]) {
        if (Has(id)) {
          s = 1;
          break;
        }
      }
    }
    return s == 1;
  }
  bool Has(int id) {
    const size_t i = static_cast<size_t>(id);
    int8_t& s = seen_[i];
    if (s == kUnknown) {
      Text();
      s = 0;
      for (uint16_t slot : p_.bigrams[i])
        if ((pairs_[slot >> 6] >> (slot & 63) & 1) == 0) return false;
      s = ContainsPhrase(text_, p_.phrases[i]) ? 1 : 0;
    }
    return s == 1;
  }

  bool Involves(const Rule& rule) {
    for (Involvement inv : rule.involves) {
      switch (inv) {
        case Involvement::kSource: if (source_ == Side::kX) return true; break;
        case Involvement::kTarget: if (target_ == Side::kX) return true; break;
        case Involvement::kReportedBy: if (reported_by_ == Side::kX) return true; break;
        case Involvement::kLocation: if (location_ == Side::kX) return true; break;
        case Involvement::kOrigin: if (origin_ == Side::kX) return true; break;
        case Involvement::kDestination: if (destination_ == Side::kX) return true; break;
        case Involvement::kPlace:
          if (location_ == Side::kX || origin_ == Side::kX || destination_ == Side::kX) return true;
          break;
        case Involvement::kNamed: if (Any(p_.named)) return true; break;
        case Involvement::kGroup: if (Any(p_.x_groups)) return true; break;
      }
    }
    return false;
  }

  bool Matches(const Classifier::Program::Compiled& r) {
    const Rule& rule = *r.rule;
    const Event& e = e_;
    if (!Involves(rule)) return false;
    if (!rule.codes.empty() && !CodeIn(e.event_code, rule.codes)) return false;
    if (!rule.not_codes.empty() && CodeIn(e.event_code, rule.not_codes)) return false;
    if (!rule.modality.empty() &&
        std::find(rule.modality.begin(), rule.modality.end(), e.modality) == rule.modality.end())
      return false;
    if (!SideIn(rule.source, source_)) return false;
    if (!SideIn(rule.target, target_)) return false;
    if (!SideIn(rule.reported_by, reported_by_)) return false;
    if (!SideIn(rule.location, location_)) return false;
    if (!SideIn(rule.origin, origin_)) return false;
    if (!SideIn(rule.destination, destination_)) return false;
    if (!rule.place.empty()) {
      const bool any = (!e.location.country.empty() && SideIn(rule.place, location_)) ||
                       (!e.origin.country.empty() && SideIn(rule.place, origin_)) ||
                       (!e.destination.country.empty() && SideIn(rule.place, destination_));
      if (!any) return false;
    }
    if (!rule.source_role.empty() && !HasRole(e.source, rule.source_role)) return false;
    if (!rule.target_role.empty() && !HasRole(e.target, rule.target_role)) return false;
    if (!rule.reported_by_role.empty() && !HasRole(e.reported_by, rule.reported_by_role)) return false;
    if (!rule.not_source_role.empty() && HasRole(e.source, rule.not_source_role)) return false;
    if (!rule.not_target_role.empty() && HasRole(e.target, rule.not_target_role)) return false;
    if (!rule.keywords.empty() && !Any(r.keywords)) return false;
    if (!rule.and_keywords.empty() && !Any(r.and_keywords)) return false;
    if (!rule.not_keywords.empty() && Any(r.not_keywords)) return false;
    if (r.group_condition && !Any(r.groups)) return false;
    return true;
  }

  std::string MatchedKeyword(const Classifier::Program::Compiled& r) {
    for (int id : p_.lists[static_cast<size_t>(r.keywords)])
      if (Has(id)) return p_.phrases[static_cast<size_t>(id)];
    return "";
  }

 private:
  static constexpr int8_t kUnknown = -1;
  Side Of(const std::string& code) const { return p_.conflict.SideOf(code, p_.x.code); }
  const std::string& Text() {
    if (!lowered_) {
      text_ = TextFor(e_, p_.x);
      lowered_ = true;
      for (size_t i = 0; i + 1 < text_.size(); ++i) {
        const uint16_t slot = BigramSlot(text_[i], text_[i + 1]);
        pairs_[slot >> 6] |= uint64_t{1} << (slot & 63);
      }
    }
    return text_;
  }

  const Classifier::Program& p_;
  const Event& e_;
  Side source_, target_, reported_by_, location_, origin_, destination_;
  std::vector<int8_t> seen_;       // per phrase: kUnknown, 0 or 1
  std::vector<int8_t> list_seen_;  // per list: kUnknown, 0 or 1
  std::string text_;
  uint64_t pairs_[kBigramSlots / 64] = {};  // the BigramSlots of text_'s byte pairs
  bool lowered_ = false;
};

// A program of the one rule (for the single-rule functions below).
Classifier::Program OneRule(const Rule& rule, const Subject& x, const Conflict& c) {
  return Classifier::Program({&rule}, nullptr, c, x);
}

std::string TargetFromConflictOf(const Classifier::Program::Compiled& r, const Event& event,
                                 EventFacts* facts, const Conflict& conflict, std::string* reason) {
  const Rule& rule = *r.rule;
  if (rule.target_from_conflict == Side::kNone || !event.target.empty()) return "";
  const bool victim = rule.target_from_conflict == Side::kVictim;
  const std::vector<std::string>& party = victim ? conflict.victim : conflict.aggressor;
  if (party.empty()) return "";
  std::string keyword = facts->MatchedKeyword(r);
  if (reason) {
    *reason = "target " + party.front() + " taken from the conflict (" + (victim ? "victim" : "aggressor") +
              " in " + conflict.name + "): the sentence names no target" +
              (keyword.empty() ? "" : " and speaks of \"" + keyword + "\"");
  }
  return party.front();
}

}  // namespace

Classifier::Classifier(const RuleSet& rules, const Conflict& conflict, Subject x) {
  std::vector<const Rule*> all;
  all.reserve(rules.rules.size());
  for (const Rule& r : rules.rules) all.push_back(&r);
  program_ = std::make_unique<Program>(all, &rules, conflict, std::move(x));
}

Classifier::~Classifier() = default;
Classifier::Classifier(Classifier&&) noexcept = default;
Classifier& Classifier::operator=(Classifier&&) noexcept = default;

std::vector<Match> Classifier::Classify(const Event& event) const {
  std::vector<Match> out;
  EventFacts facts(*program_, event);
  std::vector<int> overridden;
  for (const Program::Compiled& r : program_->compiled) {
    if (!r.applies || !facts.Matches(r)) continue;
    const Rule& rule = *r.rule;
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

std::string Classifier::TargetFromConflict(const Rule& rule, const Event& event, std::string* reason) const {
  if (rule.target_from_conflict == Side::kNone || !event.target.empty()) return "";
  auto it = program_->index.find(&rule);
  if (it == program_->index.end()) return analyze::TargetFromConflict(rule, event, program_->x, program_->conflict, reason);
  EventFacts facts(*program_, event);
  return TargetFromConflictOf(program_->compiled[it->second], event, &facts, program_->conflict, reason);
}

bool Involves(const Rule& rule, const Event& event, const Subject& x, const Conflict& conflict) {
  const Classifier::Program p = OneRule(rule, x, conflict);
  return EventFacts(p, event).Involves(rule);
}

bool RuleMatches(const Rule& rule, const Event& event, const Subject& x, const Conflict& conflict) {
  const Classifier::Program p = OneRule(rule, x, conflict);
  return EventFacts(p, event).Matches(p.compiled.front());
}

std::string MatchedKeyword(const Rule& rule, const Event& event, const Subject& x, const Conflict& conflict) {
  const Classifier::Program p = OneRule(rule, x, conflict);
  return EventFacts(p, event).MatchedKeyword(p.compiled.front());
}

std::string TargetFromConflict(const Rule& rule, const Event& event, const Subject& x, const Conflict& conflict,
                               std::string* reason) {
  const Classifier::Program p = OneRule(rule, x, conflict);
  EventFacts facts(p, event);
  return TargetFromConflictOf(p.compiled.front(), event, &facts, conflict, reason);
}

std::vector<Match> Classify(const Event& event, const Subject& x, const Conflict& conflict,
                            const RuleSet& rules) {
  return Classifier(rules, conflict, x).Classify(event);
}

}  // namespace dyad::analyze
