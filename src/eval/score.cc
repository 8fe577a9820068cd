#include "eval/score.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace dyad::eval {

namespace {

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, '\t')) {
    if (!field.empty() && field.back() == '\r') field.pop_back();
    fields.push_back(field);
  }
  return fields;
}

bool StartsWith(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

bool PrefixAmong(const std::string& code, const std::vector<std::string>& gold_codes) {
  const std::string head = code.substr(0, 3);
  if (head.size() < 3) return false;
  for (const auto& gold : gold_codes)
    if (gold.substr(0, 3) == head) return true;
  return false;
}

std::string Join(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) out += (out.empty() ? "" : "|") + c;
  return out.empty() ? "---" : out;
}

std::string Describe(const Event& e, const std::string& type) {
  std::string out = (e.source.empty() ? "---" : e.source) + " / " +
                    (e.target.empty() ? "---" : e.target) + " / " + e.event_code;
  if (!type.empty()) out += " (" + type + ")";
  if (e.modality != Modality::kAsserted) out += std::string(" [") + ModalityName(e.modality) + "]";
  return out;
}

std::string DocumentStart(const std::string& text) {
  return text.size() <= 160 ? text : text.substr(0, 157) + "...";
}

}  // namespace

Status Crosswalk::Load(const std::string& path, Crosswalk* out) {
  std::ifstream in(path);
  if (!in) return Status::Error(path + ": cannot open CAMEO-PLOVER crosswalk");
  std::string line;
  if (!std::getline(in, line)) return Status::Error(path + ":1: empty crosswalk");
  const auto header = SplitTabs(line);
  int code_col = -1, plover_col = -1;
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == "cameo" || header[i] == "code") code_col = static_cast<int>(i);
    if (header[i] == "plover_0.5b1" || header[i] == "plover") plover_col = static_cast<int>(i);
  }
  if (code_col < 0 || plover_col < 0)
    return Status::Error(path + ":1: header needs a 'cameo'/'code' and a 'plover_0.5b1'/'plover' column");
  int number = 1;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    const auto fields = SplitTabs(line);
    if (static_cast<int>(fields.size()) <= std::max(code_col, plover_col)) {
      if (static_cast<int>(fields.size()) > code_col) {
        out->map_[fields[code_col]] = "";
        continue;
      }
      return Status::Error(path + ":" + std::to_string(number) + ": too few columns: '" + line + "'");
    }
    std::string plover = fields[plover_col];
    if (plover == "(none)") plover.clear();
    out->map_[fields[code_col]] = plover;
  }
  return Status::Ok();
}

std::string Crosswalk::Find(const std::string& cameo_code) const {
  for (std::string code = cameo_code; code.size() >= 2; code.pop_back()) {
    auto it = map_.find(code);
    if (it != map_.end()) return it->second;
  }
  return "";
}

double Score::precision() const {
  int predicted = true_positives + false_positives;
  return predicted ? static_cast<double>(true_positives) / predicted : 0.0;
}

double Score::recall() const {
  int relevant = true_positives + false_negatives;
  return relevant ? static_cast<double>(true_positives) / relevant : 0.0;
}

double Score::f1() const {
  double p = precision(), r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

namespace {

std::string FoldForAnchor(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    // UTF-8 punctuation that typographic folding turns into ASCII: quotes, apostrophes, dashes.
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
      unsigned char d = static_cast<unsigned char>(text[i + 2]);
      if (d == 0x98 || d == 0x99) c = '\'';
      else if (d == 0x9C || d == 0x9D) c = '"';
      else if (d >= 0x90 && d <= 0x95) c = '-';
      if (c != 0xE2) i += 2;
    }
    if (std::isspace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(c));
  }
  return out;
}

}  // namespace

bool SentenceHasAnchor(std::string_view sentence, std::string_view anchor) {
  const std::string folded = FoldForAnchor(anchor);
  return !folded.empty() && FoldForAnchor(sentence).find(folded) != std::string::npos;
}

namespace {

struct Candidate {
  const Event* event;
  std::string type;
};

bool ActorMatches(const std::string& system, const std::vector<std::string>& gold, bool plover,
                  const ScoreOptions& options) {
  if (gold.empty()) return options.strict ? system.empty() : true;
  if (options.exact_actors && !plover) return std::find(gold.begin(), gold.end(), system) != gold.end();
  return plover ? PrefixAmong(system, gold) : StartsWith(system, gold[0]);
}

bool Compatible(const GoldEvent& g, const Candidate& c, bool plover, const ScoreOptions& options) {
  const Event& e = *c.event;
  if (options.strict && !g.sentence.empty() && !SentenceHasAnchor(e.sentence, g.sentence)) return false;
  if (plover) {
    // A PLOVER source list always names someone; an empty system source never matches it.
    return c.type == g.type && !g.sources.empty() && ActorMatches(e.source, g.sources, true, options) &&
           ActorMatches(e.target, g.targets, true, options);
  }
  return StartsWith(e.event_code, g.type) && ActorMatches(e.source, g.sources, false, options) &&
         ActorMatches(e.target, g.targets, false, options) &&
         (g.modality.empty() || g.modality == ModalityName(e.modality));
}

// Kuhn's augmenting paths: the largest one-to-one pairing of gold events with candidates.
bool Augment(int g, const std::vector<std::vector<int>>& allowed, std::vector<int>* owner,
             std::vector<char>* seen) {
  for (int c : allowed[g]) {
    if ((*seen)[c]) continue;
    (*seen)[c] = 1;
    if ((*owner)[c] < 0 || Augment((*owner)[c], allowed, owner, seen)) {
      (*owner)[c] = g;
      return true;
    }
  }
  return false;
}

}  // namespace

EvalReport ScoreEvents(const GoldSet& gold, const std::vector<std::vector<Event>>& events,
                       const Crosswalk& crosswalk, const ScoreOptions& options) {
  EvalReport report;
  report.format = gold.format;
  const bool plover = gold.format == GoldFormat::kPlover;
  for (size_t d = 0; d < gold.documents.size(); ++d) {
    const GoldDocument& doc = gold.documents[d];
    ++report.documents;
    // The system events that take part in scoring, with their type.
    std::vector<Candidate> candidates;
    if (d < events.size()) {
      for (const Event& e : events[d]) {
        std::string type = plover ? crosswalk.Find(e.event_code) : e.root_code;
        if (plover && type.empty()) continue;  // 01x/02x: no PLOVER type
        if (plover && options.strict && e.modality == Modality::kNegated) continue;  // not an act
        candidates.push_back({&e, type});
      }
    }
    if (candidates.empty()) ++report.documents_with_no_event;
    if (options.strict && !plover) {
      for (const GoldEvent& g : doc.events) {
        if (g.sentence.empty()) ++report.unanchored;
        else if (!SentenceHasAnchor(doc.text, g.sentence)) ++report.anchors_not_found;
      }
    }
    const int n_gold = static_cast<int>(doc.events.size());
    std::vector<std::vector<int>> allowed(n_gold);
    for (int g = 0; g < n_gold; ++g)
      for (int c = 0; c < static_cast<int>(candidates.size()); ++c)
        if (Compatible(doc.events[g], candidates[c], plover, options)) allowed[g].push_back(c);
    std::vector<int> owner(candidates.size(), -1);  // candidate -> gold event
    if (options.strict) {
      for (int g = 0; g < n_gold; ++g) {
        std::vector<char> seen(candidates.size(), 0);
        Augment(g, allowed, &owner, &seen);
      }
    } else {  // the first wave's greedy pairing: first match wins
      for (int g = 0; g < n_gold; ++g)
        for (int c : allowed[g])
          if (owner[c] < 0) {
            owner[c] = g;
            break;
          }
    }
    std::vector<char> matched(n_gold, 0);
    for (int owner_of : owner)
      if (owner_of >= 0) matched[owner_of] = 1;
    for (int g = 0; g < n_gold; ++g) {
      const GoldEvent& ge = doc.events[g];
      const std::string gold_type = plover ? ge.type : ge.type.substr(0, 2);
      if (matched[g]) {
        ++report.overall.true_positives;
        ++report.per_type[gold_type].true_positives;
        continue;
      }
      ++report.overall.false_negatives;
      ++report.per_type[gold_type].false_negatives;
      std::string got;
      for (const auto& c : candidates) {
        if (options.strict && !ge.sentence.empty() && !SentenceHasAnchor(c.event->sentence, ge.sentence)) continue;
        got += (got.empty() ? "" : "; ") + Describe(*c.event, c.type);
      }
      std::string expected = Join(ge.sources) + " / " + Join(ge.targets) + " / " + ge.type;
      if (!ge.modality.empty()) expected += " [" + ge.modality + "]";
      if (!ge.note.empty()) expected += "  (" + ge.note + ")";
      const std::string where = ge.sentence.empty() ? DocumentStart(doc.text) : "\"" + ge.sentence + "\"";
      report.disagreements.push_back({doc.id, "missed", expected, got.empty() ? "nothing" : got, where});
    }
    for (size_t c = 0; c < candidates.size(); ++c) {
      if (owner[c] >= 0) continue;
      ++report.overall.false_positives;
      ++report.per_type[candidates[c].type].false_positives;
      report.disagreements.push_back({doc.id, "spurious", "", Describe(*candidates[c].event, candidates[c].type),
                                      candidates[c].event->sentence});
    }
  }
  return report;
}

}  // namespace dyad::eval
