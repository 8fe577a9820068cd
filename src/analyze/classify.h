// The involvement classifier: which categories one coded event is evidence for,
// as seen from a third state X in a conflict. Pure: no I/O, no shared state; safe
// to call from any thread on shared Conflict/RuleSet objects. A report classifies
// many events for one X: Classifier expands the rules' keywords for X once.
#ifndef DYAD_ANALYZE_CLASSIFY_H_
#define DYAD_ANALYZE_CLASSIFY_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "analyze/model.h"
#include "dyad/event.h"
#include "dyad/status.h"

namespace dyad::analyze {

// The state under study.
struct Subject {
  std::string code;       // "BLR": an actor code prefix (3 capital letters)
  std::string name;       // "Belarus", "United States" (for {x_name} in keywords; "" disables them)
  std::string adjective;  // "belarusian": the first adjective (for {x_adj}; "" disables them)
  // Every lower-case word naming X in text (names from data/countries.tsv and the rules'
  // [names], e.g. "belarus", "republic of belarus", "minsk"); empty = just `name`.
  std::vector<std::string> names;
  // Those of `names` that text writes after "the" ("uae", "emirates", "united states"): rule
  // keywords read "from {x_name}" as "from the UAE" too.
  std::vector<std::string> names_with_the;
  // Every lower-case adjective ("belarusian", "belarussian"); empty = just `adjective`.
  std::vector<std::string> adjectives;
  // Lower-case names of weapon systems of X's make or design (the rules' [weapons]: "kn-23"):
  // {x_weapon} in keywords.
  std::vector<std::string> weapons;
  // How reports print X: "Belarus", "the United States" ("" = `name`).
  std::string display_name;
  // Lower-case names and adjectives of other states that contain one of X's ("south sudan" and
  // "south sudanese" for Sudan, "equatorial guinea" for Guinea): an occurrence of X's word inside
  // one of these does not name X.
  std::vector<std::string> shadowed_by;
  // Every other state's lower-case names and adjectives with its code ({"MOZ", "mozambique"},
  // {"USA", "american"}): {elsewhere} in rule keywords stands for those of states on neither side
  // of the conflict, {victim_side} and {aggressor_side} for a side's words and its allies'.
  std::vector<std::pair<std::string, std::string>> other_states;
};

// "Belarus", "the United States" (at a sentence's start: "The United States").
std::string DisplayName(const Subject& x, bool sentence_start = false);
// "Belarus's", "the United States'" (a name in "the ... s" is a plural: an apostrophe alone).
std::string Possessive(const Subject& x, bool sentence_start = false);

// True when `event` involves X in one of the rule's `involves` ways.
bool Involves(const Rule& rule, const Event& event, const Subject& x, const Conflict& conflict);

// Fills *out for `query`: a 3-letter code (case-insensitive) or a state's name as users type it,
// from the country table (data/countries.tsv: code, ISO name, names, adjectives; see
// docs/role-report.md) and the rules' [names] (capitals: "Minsk") and [adjectives]. A leading
// "the" and case are ignored. Names and [names] are tried first ("Congo" is the DRC, whose names
// list it), then ISO names and adjectives ("Iranian"). X's names, adjectives and display name come
// from the table, with the rules' [names] and [adjectives] added.
// Errors (one line): a table line that does not parse (file:line); a name shared by several states
// lists them; an unknown one suggests names that start alike ("unknown state 'Belarusia': ...; did
// you mean BLR (Belarus)?").
Status LookupSubject(const std::string& query, const std::string& countries_tsv,
                     const RuleSet& rules, Subject* out);

// "asserted" (first-hand), "reported" (asserted, with reported_by or a vague
// reported_by_text such as "there have been reports"), "hypothetical"
// or "negated": the evidence buckets of the report. "alleged": reported, and the reporter
// alleges it (RuleSet::allegation): an accusation's content, never evidence of the conduct.
enum class Bucket { kAsserted, kReported, kHypothetical, kNegated, kAlleged };
const char* BucketName(Bucket b);
Bucket BucketOf(const Event& event);
// The same, with an asserted, reported event alleged when one of `allegation` (lower-case words)
// stands, as a whole word, between the reporter's words (reported_by_text, found in the sentence)
// and the event's verb (verb_span; source_span without one), either way round: "Washington
// accused Iran of delivering ...", "Iran delivered drones to Russia, Kyiv alleged". Spans are
// code points of the document, the sentence's from sentence_span (from 0 without one). A reporter
// whose words are not in the sentence, or an event without a span, is not alleged. So is an
// asserted or reported event whose own words make it an accusation with no accuser named, between
// its source and its verb ("X stands accused of supplying", "X allegedly shipped", "X is suspected
// of"), when the rules name allegation words at all. And a reported event whose reporter (not its
// source) finds it unlawful or a threat, one of `findings` after its verb in its clause ("Britain
// said North Korea's shipments of shells to Russia breached UN sanctions"; RuleSet::findings).
Bucket BucketOf(const Event& event, const std::vector<std::string>& allegation,
                const std::vector<std::string>& findings = {});

struct Match {
  int category = 0;
  const Rule* rule = nullptr;  // points into the RuleSet passed to Classify
  std::vector<int> contradicts;  // union over every rule of this category that fired
  // Holds only when the event's document is about the conflict: its rule has document_ties and
  // the sentence lacks the rule's and_keywords. Such a match carries no overrides.
  bool by_document = false;
};

// Every (category, rule) that fires on `event`, at most one match per category
// (the first rule in file order with the highest weight), for the categories of
// X's report (Category::AppliesTo X's standing in the conflict); a firing rule's
// `overrides` removes those categories. Modality is not a filter unless a rule
// asks for it: the caller counts negated and hypothetical events apart from
// asserted ones. `document_about_conflict`: whether the event's document is about the conflict
// (rules with document_ties hold there without their and_keywords); no match is `by_document`.
std::vector<Match> Classify(const Event& event, const Subject& x, const Conflict& conflict,
                            const RuleSet& rules, bool document_about_conflict = false);

// The rules of `rules` prepared for one X and one conflict: placeholders and groups expanded
// once, each phrase tested at most once per event. Classify(e) equals the free Classify(e, x,
// conflict, rules) below. `rules` and `conflict` must outlive it; const methods are thread-safe.
class Classifier {
 public:
  Classifier(const RuleSet& rules, const Conflict& conflict, Subject x);
  ~Classifier();
  Classifier(Classifier&&) noexcept;
  Classifier& operator=(Classifier&&) noexcept;

  // `overridden` (optional): the categories the firing rules' `overrides` removed. Matches that
  // hold only in a document about the conflict come back `by_document` (the caller knows it).
  std::vector<Match> Classify(const Event& event, std::vector<int>* overridden = nullptr) const;
  // The matches of the rules with `sentences = true` (which Classify never tries) on a sentence
  // that gave no event: tested as an event with no actors, code, places or reporter, asserted.
  std::vector<Match> ClassifySentence(const std::string& sentence) const;
  // The free TargetFromConflict for `rule` (a rule of `rules`, or any other).
  std::string TargetFromConflict(const Rule& rule, const Event& event, std::string* reason) const;
  // The event's bucket with the rules' `allegation` verbs: every report's bucket comes from here.
  Bucket BucketOf(const Event& event) const;
  // A sentence with no event that another actor's judging words open before it names X ("The
  // Treasury sanctioned the network of a Houthi financier based in Iran": RuleSet::judgement's
  // words, and the allegation verbs), its words about X being what that actor holds against X.
  bool JudgedBeforeNamed(const std::string& sentence) const;

  struct Program;  // the compiled rules (classify.cc)

 private:
  std::vector<Match> ClassifyBy(const Event& event, const std::vector<uint16_t>& rules,
                                std::vector<int>* overridden) const;
  std::unique_ptr<Program> program_;
};

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

}  // namespace dyad::analyze

#endif  // DYAD_ANALYZE_CLASSIFY_H_
