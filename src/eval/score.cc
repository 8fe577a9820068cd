#include "eval/score.h"

#include <algorithm>
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

EvalReport ScoreEvents(const GoldSet& gold, const std::vector<std::vector<Event>>& events,
                       const Crosswalk& crosswalk) {
  EvalReport report;
  report.format = gold.format;
  const bool plover = gold.format == GoldFormat::kPlover;
  for (size_t d = 0; d < gold.documents.size(); ++d) {
    const GoldDocument& doc = gold.documents[d];
    ++report.documents;
    // The system events that take part in scoring, with their type.
    struct Candidate {
      const Event* event;
      std::string type;
      bool used = false;
    };
    std::vector<Candidate> candidates;
    if (d < events.size()) {
      for (const Event& e : events[d]) {
        std::string type = plover ? crosswalk.Find(e.event_code) : e.root_code;
        if (plover && type.empty()) continue;  // 01x/02x: no PLOVER type
        candidates.push_back({&e, type});
      }
    }
    if (candidates.empty()) ++report.documents_with_no_event;
    for (const GoldEvent& g : doc.events) {
      const std::string gold_type = plover ? g.type : g.type.substr(0, 2);
      Candidate* match = nullptr;
      for (auto& c : candidates) {
        if (c.used) continue;
        const Event& e = *c.event;
        bool ok;
        if (plover) {
          ok = c.type == g.type && PrefixAmong(e.source, g.sources) &&
               (g.targets.empty() || PrefixAmong(e.target, g.targets));
        } else {
          ok = StartsWith(e.event_code, g.type) &&
               (g.sources.empty() || StartsWith(e.source, g.sources[0])) &&
               (g.targets.empty() || StartsWith(e.target, g.targets[0])) &&
               (g.modality.empty() || g.modality == ModalityName(e.modality));
        }
        if (ok) {
          match = &c;
          break;
        }
      }
      if (match) {
        match->used = true;
        ++report.overall.true_positives;
        ++report.per_type[gold_type].true_positives;
      } else {
        ++report.overall.false_negatives;
        ++report.per_type[gold_type].false_negatives;
        std::string got;
        for (const auto& c : candidates) got += (got.empty() ? "" : "; ") + Describe(*c.event, c.type);
        std::string expected = Join(g.sources) + " / " + Join(g.targets) + " / " + g.type;
        if (!g.modality.empty()) expected += " [" + g.modality + "]";
        if (!g.note.empty()) expected += "  (" + g.note + ")";
        report.disagreements.push_back({doc.id, "missed", expected, got.empty() ? "nothing" : got,
                                        DocumentStart(doc.text)});
      }
    }
    for (const auto& c : candidates) {
      if (c.used) continue;
      ++report.overall.false_positives;
      ++report.per_type[c.type].false_positives;
      report.disagreements.push_back({doc.id, "spurious", "", Describe(*c.event, c.type),
                                      c.event->sentence});
    }
  }
  return report;
}

}  // namespace dyad::eval
