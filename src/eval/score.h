// Scoring coded events against gold data: precision, recall and F1, overall and
// per type (PLOVER type for PLOVER gold, CAMEO root for dyad JSONL gold), with
// the disagreements listed so a person can see why.
//
// Two ways to match (ScoreOptions::strict), reported side by side by `dyad eval`:
//  * strict (the figure we report): a gold event is matched against the system
//    events of its own sentence only (JSONL gold with a "sentence" anchor; a PLOVER
//    record is one unit), one to one with a maximum matching (the best pairing,
//    not the first found), and an empty gold target matches only an empty system
//    target. Negated system events are left out for PLOVER gold (its records code
//    acts that happened); dyad JSONL gold states modality and is compared on it.
//  * loose (the first wave's figure, for comparison only): per document, first
//    match wins, and an empty gold target matches anything.
// Actors: PLOVER gold matches when the first three letters of the system code are
// among the gold codes'; dyad JSONL when the system code starts with the gold code
// (BLR matches BLRMIL). With ScoreOptions::exact_actors the codes must be equal
// (JSONL gold only: PLOVER gold codes are bare countries, compared as above).
// Types: PLOVER type via the crosswalk (CAMEO 01x/02x have none and are left out);
// JSONL: the system code must start with the gold code.
#ifndef DYAD_EVAL_SCORE_H_
#define DYAD_EVAL_SCORE_H_

#include <map>
#include <string>
#include <string_view>
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

struct ScoreOptions {
  bool strict = true;
  bool exact_actors = false;
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
  int unanchored = 0;               // strict: JSONL gold events with no "sentence" anchor
  int anchors_not_found = 0;        // strict: anchors that name no sentence the system coded
};

// events[i] are the system's events for gold.documents[i].
EvalReport ScoreEvents(const GoldSet& gold, const std::vector<std::vector<Event>>& events,
                       const Crosswalk& crosswalk, const ScoreOptions& options = {});

// Whether `sentence` contains the anchor quote, with quotes, apostrophes, dashes and runs of
// spaces folded and case ignored.
bool SentenceHasAnchor(std::string_view sentence, std::string_view anchor);

}  // namespace dyad::eval

#endif  // DYAD_EVAL_SCORE_H_
