// The involvement classifier: which categories one coded event is evidence for,
// as seen from a third state X in a conflict. Pure: no I/O, no state; safe to
// call from any thread on shared Conflict/RuleSet objects.
#ifndef DYAD_ANALYZE_CLASSIFY_H_
#define DYAD_ANALYZE_CLASSIFY_H_

#include <string>
#include <vector>

#include "analyze/model.h"
#include "dyad/event.h"
#include "dyad/status.h"

namespace dyad::analyze {

// The state under study.
struct Subject {
  std::string code;       // "BLR": an actor code prefix (3 capital letters)
  std::string name;       // "Belarus" (for {x_name} in keywords; "" disables them)
  std::string adjective;  // "Belarusian" (for {x_adj}; "" disables them)
  // Every lower-case word naming X in text (name, alternate names, the rules'
  // [names], e.g. "belarus", "republic of belarus", "minsk"); empty = just `name`.
  std::vector<std::string> names;
};

// True when `event` involves X in one of the rule's `involves` ways.
bool Involves(const Rule& rule, const Event& event, const Subject& x, const Conflict& conflict);

// Fills *out for `query`: a 3-letter ISO code (case-insensitive) or a state's name — the
// gazetteer's name or alternates (data/gazetteer/countries.tsv: name, alternates, ISO3, ...), the
// rules' [names] or [adjectives] ("Belarus", "North Korea", "DPRK", "UAE", "Iranian"); a leading
// "the" and case are ignored. Its name comes from the table, its adjective from [adjectives].
// Errors (one line): a name shared by several states lists them; an unknown one suggests names
// that start alike ("unknown state 'Belarusia': ...; did you mean BLR (Belarus)?").
Status LookupSubject(const std::string& query, const std::string& countries_tsv,
                     const RuleSet& rules, Subject* out);

struct Match {
  int category = 0;
  const Rule* rule = nullptr;  // points into the RuleSet passed to Classify
  std::vector<int> contradicts;  // union over every rule of this category that fired
};

// Every (category, rule) that fires on `event`, at most one match per category
// (the first rule in file order with the highest weight), for the categories of
// X's report (Category::AppliesTo X's standing in the conflict); a firing rule's
// `overrides` removes those categories. Modality is not a filter unless a rule
// asks for it: the caller counts negated and hypothetical events apart from
// asserted ones.
std::vector<Match> Classify(const Event& event, const Subject& x, const Conflict& conflict,
                            const RuleSet& rules);

// True when one rule's conditions all hold for `event`.
bool RuleMatches(const Rule& rule, const Event& event, const Subject& x, const Conflict& conflict);

// The first of the rule's keywords (placeholders expanded, lower case) that the
// event's sentence contains; "" when the rule has no keywords or none occurs.
std::string MatchedKeyword(const Rule& rule, const Event& event, const Subject& x, const Conflict& conflict);

// For a rule with target_from_conflict and an event without a target: the
// conflict's party code it stands for ("UKR") and *reason, one line saying
// why. Returns "" (and leaves *reason alone) otherwise.
std::string TargetFromConflict(const Rule& rule, const Event& event, const Subject& x, const Conflict& conflict,
                               std::string* reason);

// "asserted" (first-hand), "reported" (asserted, with reported_by or a vague
// reported_by_text such as "there have been reports"), "hypothetical"
// or "negated": the evidence buckets of the report.
enum class Bucket { kAsserted, kReported, kHypothetical, kNegated };
const char* BucketName(Bucket b);
Bucket BucketOf(const Event& event);

}  // namespace dyad::analyze

#endif  // DYAD_ANALYZE_CLASSIFY_H_
