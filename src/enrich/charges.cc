#include "enrich/charges.h"

#include <algorithm>
#include <set>

namespace dyad::enrich {
namespace {

// Words that end the stretch searched between the accused and the charge.
bool EndsClause(const Token& t) {
  static const WordSet kWords = {";", ":", ".", "?", "!", "that", "which", "who", "whether",
                                               "because", "although", "though", "while", "but", "if"};
  return kWords.count(t.lower) > 0;
}

bool Negates(const Token& t) {
  return t.lower == "not" || t.lower == "never" || t.lower == "no" || t.lower == "n't" ||
         (t.lower.size() > 3 && t.lower.ends_with("n't"));
}

const WordSet kCopulas = {"is", "are", "was", "were", "remains", "remain", "remained",
                                        "be", "been", "became", "becomes", "become"};
const WordSet kBearVerbs = {"bears", "bore", "bear", "borne"};
const WordSet kHaveVerbs = {"has", "have", "had", "enjoys"};  // before "no"
const WordSet kLackVerbs = {"lacks", "lacked", "lack", "lacking"};

}  // namespace

Status ChargeLexicon::Load(const std::string& path) {
  std::vector<TsvRow> rows;
  if (Status s = ReadTsv(path, 2, &rows); !s.ok()) return s;
  path_ = path;
  for (const TsvRow& row : rows) {
    const std::string& kind = row.cols[0];
    const std::string word = ToLowerAscii(row.cols[1]);
    const std::string code = row.cols.size() > 2 ? row.cols[2] : "";
    Entry entry{code, row.line, kind + "\t" + row.cols[1] + (code.empty() ? "" : "\t" + code)};
    if (kind == "violation" || kind == "evaluation" || kind == "lacks" || kind == "bears") {
      if (code.size() < 3 || !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return Status::Error(path + ":" + std::to_string(row.line) + ": needs a CAMEO code in the third column: '" +
                             row.cols[1] + "'");
    }
    if (kind == "violation") {
      violations_[word] = entry;
    } else if (kind == "norm") {
      norms_[word] = entry;
    } else if (kind == "evaluation") {
      evaluations_[word] = entry;
    } else if (kind == "lacks") {
      lacks_[word] = entry;
    } else if (kind == "bears") {
      bears_[word] = entry;
    } else {
      return Status::Error(path + ":" + std::to_string(row.line) + ": unknown kind (violation, norm, evaluation, lacks, bears): '" +
                           kind + "'");
    }
  }
  for (const auto& [word, entry] : violations_) openers_.Add(word);
  for (const WordSet* words : {&kCopulas, &kBearVerbs, &kHaveVerbs, &kLackVerbs}) openers_.AddAll(words->filter());
  return Status::Ok();
}

std::vector<Charge> ChargeLexicon::Find(std::string_view clause, const std::vector<code::ActorMention>& mentions) const {
  if (mentions.empty()) return {};
  thread_local std::vector<Token> clause_tokens;  // (reused from clause to clause)
  thread_local std::string clause_lowered;
  Tokenize(clause, &clause_tokens, &clause_lowered);
  return Find(clause, clause_tokens, mentions);
}

std::vector<Charge> ChargeLexicon::Find(std::string_view clause, const std::vector<Token>& tokens,
                                        const std::vector<code::ActorMention>& mentions) const {
  std::vector<Charge> out;
  if (mentions.empty()) return out;
  const int n = static_cast<int>(tokens.size());
  // The nearest actor ending before token `at`, with no clause end or negation in between.
  bool negated = false;  // set by accused_before for the charge being read
  bool blocked = false;  // the nearest actor is no subject (after a preposition)
  std::string governed;  // the accused's government, when the clause names it through the state
  auto accused_before = [&](int at) -> const code::ActorMention* {
    negated = false;
    blocked = false;
    governed.clear();
    // "Belarus, by letting the aggressor use its territory, breached ...": an inserted clause
    // right before the charge is passed over.
    int32_t limit = tokens[at].begin;
    if (at > 0 && tokens[at - 1].lower == ",")
      for (int k = at - 2; k >= 0; --k) {
        if (EndsClause(tokens[k])) break;
        if (tokens[k].lower == ",") {
          limit = tokens[k].begin;
          break;
        }
      }
    const code::ActorMention* best = nullptr;
    for (const auto& m : mentions)
      if (!m.code.empty() && m.span.end <= limit && (!best || m.span.end > best->span.end)) best = &m;
    if (!best) return nullptr;
    // An actor after a preposition is no subject: "the sanctions against Belarus are illegal"
    // charges whoever imposed them, not Belarus.
    static const WordSet kPrepositions = {"against", "with", "on", "of", "to", "for", "from",
                                                        "by", "in", "into", "at", "towards", "over", "about"};
    for (int k = 0; k < n; ++k)
      if (tokens[k].end <= best->span.begin && (k + 1 >= n || tokens[k + 1].begin >= best->span.begin)) {
        int j = k;
        while (j > 0 && (tokens[j].lower == "the" || tokens[j].lower == "'s")) --j;
        if (kPrepositions.count(tokens[j].lower)) {
          // ... except a government named through its state: "the government (now in power) in
          // Belarus", "the regime of Lukashenko's Belarus".
          static const WordSet kGovernments = {"government", "regime", "authorities", "leadership", "rulers"};
          bool government = false;
          if (tokens[j].lower == "in" || tokens[j].lower == "of")
            for (int g = j - 1; g >= 0 && g >= j - 5 && !government; --g) {
              if (EndsClause(tokens[g]) || tokens[g].lower == ",") break;
              government = kGovernments.count(tokens[g].lower) > 0;
            }
          if (government && best->code.size() >= 3) {
            governed = best->code.substr(0, 3) + "GOV";
            break;
          }
          blocked = true;
          return nullptr;
        }
        break;
      }
    for (int k = at - 1; k >= 0 && tokens[k].begin >= best->span.end; --k) {
      if (EndsClause(tokens[k])) return nullptr;
      // "not only violated ... but also": no negation.
      const bool not_only = tokens[k].lower == "not" && k + 1 < n && tokens[k + 1].lower == "only";
      negated = negated || (Negates(tokens[k]) && !not_only);
    }
    return best;
  };
  auto add = [&](const Entry& e, int first, int last, const code::ActorMention* accused) {
    if (!accused && blocked) {  // no charge, but the clause's own reading of it is wrong too
      out.push_back({e.code, nullptr, {tokens[first].begin, tokens[last].end}, e.line, e.text, true});
      return;
    }
    if (!accused) return;
    // "Rwanda and M23 are responsible": each actor joined to the accused by "and" is charged too.
    std::vector<const code::ActorMention*> all = {accused};
    for (const code::ActorMention* joined = accused; joined;) {
      const code::ActorMention* before = nullptr;
      for (const auto& m : mentions) {
        if (m.code.empty() || m.span.end > joined->span.begin) continue;
        const std::string_view between = clause.substr(static_cast<size_t>(m.span.end),
                                                       static_cast<size_t>(joined->span.begin - m.span.end));
        if (between == " and ") before = &m;  // (not a comma: it may close an inserted clause)
      }
      joined = before;
      if (joined) all.push_back(joined);
    }
    for (const code::ActorMention* a : all) {
      bool seen = false;
      for (const Charge& c : out) seen = seen || (c.accused == a && c.code == e.code);
      if (!seen)
        out.push_back({e.code, a, {tokens[first].begin, tokens[last].end}, e.line, e.text, negated,
                       a == accused ? governed : std::string()});
    }
  };
  for (int i = 0; i < n; ++i) {
    if (!tokens[i].word || !openers_.MayContainSlot(tokens[i].filter_slot)) continue;
    // "<X> breached (a 1974 UN General Assembly) resolution": a norm within six words.
    if (auto v = violations_.find(tokens[i].lower); v != violations_.end()) {
      for (int k = i + 1, words = 0; k < n && words < 7 && !EndsClause(tokens[k]); ++k) {
        if (!tokens[k].word) continue;
        ++words;
        if (norms_.count(tokens[k].lower)) {
          add(v->second, i, k, accused_before(i));
          break;
        }
      }
      continue;
    }
    // "<X> is (now) illegitimate", "<X> was a co-aggressor".
    if (kCopulas.count(tokens[i].lower)) {
      int k = i + 1;
      while (k < n && tokens[k].word &&
             (tokens[k].lower == "a" || tokens[k].lower == "an" || tokens[k].lower == "the" ||
              tokens[k].lower == "now" || tokens[k].lower == "still" || tokens[k].lower == "also" ||
              tokens[k].lower == "clearly" || tokens[k].lower == "fully" || tokens[k].lower == "effectively"))
        ++k;
      const bool not_after = k < n && Negates(tokens[k]);  // "is not illegitimate"
      if (not_after) ++k;
      if (k < n) {
        if (auto e = evaluations_.find(tokens[k].lower); e != evaluations_.end()) {
          const code::ActorMention* accused = accused_before(i);
          negated = negated || not_after;
          add(e->second, i, k, accused);
        }
      }
      continue;
    }
    // "<X> bore (full / direct) responsibility (for the attacks)".
    if (kBearVerbs.count(tokens[i].lower)) {
      for (int k = i + 1; k < n && k <= i + 3; ++k)
        if (auto e = bears_.find(tokens[k].lower); e != bears_.end()) {
          add(e->second, i, k, accused_before(i));
          break;
        }
      continue;
    }
    // "<X> lacks legitimacy", "<X> has no legitimacy".
    const bool has_no = kHaveVerbs.count(tokens[i].lower) && i + 1 < n && tokens[i + 1].lower == "no";
    if (kLackVerbs.count(tokens[i].lower) || has_no) {
      for (int k = i + 1 + (has_no ? 1 : 0); k < n && k <= i + 3; ++k)
        if (auto e = lacks_.find(tokens[k].lower); e != lacks_.end()) {
          add(e->second, i, k, accused_before(i));
          break;
        }
    }
  }
  return out;
}

}  // namespace dyad::enrich
