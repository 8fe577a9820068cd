// Scoring coded events against gold data: precision, recall and F1, overall and
// per type (PLOVER type for PLOVER gold, CAMEO root for dyad JSONL gold), with
// the disagreements listed so a person can see why.
//
// Matching is one-to-one within a document (each system event can match one
// gold event). PLOVER gold (the protocol): a system event matches when
// its PLOVER type (CAMEO code through the crosswalk) equals the gold type and
// the first three letters of its source (and target, when gold has targets) are
// among the gold actors' codes; CAMEO 01x/02x events have no PLOVER type and
// are left out; every other system event counts for precision.
// dyad JSONL gold: the system code must start with the gold code, the system
// source/target must start with the gold source/target (BLR matches BLRMIL),
// and the modality must equal the gold modality when gold gives one.
#ifndef DYAD_EVAL_SCORE_H_
#define DYAD_EVAL_SCORE_H_

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "dyad/event.h"
#include "dyad/status.h"
#include "eval/gold.h"

namespace dyad::eval {

// CAMEO code -> PLOVER type, read from a TSV whose header names the columns:
// "cameo" + "plover_0.5b1" (the published crosswalk) or "code" + "plover"
// (dyad's data/cameo/cameo.tsv). Unknown codes fall back to their parent.
class Crosswalk {
 public:
  static Status Load(const std::string& path, Crosswalk* out);
  // "" when the code has no PLOVER type (01x, 02x, unknown).
  std::string Find(const std::string& cameo_code) const;

 private:
  std::unordered_map<std::string, std::string> map_;
};

struct Score {
  int true_positives = 0, false_positives = 0, false_negatives = 0;
  double precision() const;
  double recall() const;
  double f1() const;
};

struct Disagreement {
  std::string doc_id;
  std::string kind;      // "missed" (gold not found) or "spurious" (system event not in gold)
  std::string expected;  // "SRC / TGT / TYPE" for missed
  std::string got;       // "SRC / TGT / CODE (TYPE)" for spurious; for missed: what was coded there
  std::string text;      // the sentence (system) or the document start (gold)
};

struct EvalReport {
  GoldFormat format = GoldFormat::kJsonl;
  Score overall;
  std::map<std::string, Score> per_type;
  std::vector<Disagreement> disagreements;
  int documents = 0;
  int documents_with_no_event = 0;  // gold documents where the system coded nothing scorable
};

// events[i] are the system's events for gold.documents[i].
EvalReport ScoreEvents(const GoldSet& gold, const std::vector<std::vector<Event>>& events,
                       const Crosswalk& crosswalk);

}  // namespace dyad::eval

#endif  // DYAD_EVAL_SCORE_H_
