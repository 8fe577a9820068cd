// The data the role report works from: conflicts (data/conflicts/*.toml) and the
// involvement rules (data/rules/involvement.toml). Formats: docs/role-report.md.
//
// Both are plain value types, loaded once and then read-only (safe to share
// between threads). Loading never throws and never prints: a bad file gives a
// Status whose one-line message names "file:line:column" and the entry at fault.
#ifndef DYAD_ANALYZE_MODEL_H_
#define DYAD_ANALYZE_MODEL_H_

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "dyad/date.h"
#include "dyad/event.h"
#include "dyad/status.h"

namespace dyad::analyze {

// Which side of a conflict an actor code (or a place's country) belongs to, seen
// from the third state X under study. X wins over every party list.
enum class Side {
  kNone,           // no code (no target, no place)
  kX,              // the state under study: code starts with X
  kAggressor,      // Conflict::aggressor prefixes
  kVictim,         // Conflict::victim prefixes
  kAggressorAlly,  // Conflict::aggressor_allies prefixes
  kVictimAlly,     // Conflict::victim_allies prefixes
  kThird,          // any other code (states, IGOs, NGOs not listed)
};
// "none", "X", "aggressor", "victim", "aggressor_ally", "victim_ally", "third".
const char* SideName(Side side);
bool ParseSide(const std::string& name, Side* out);

// How the state under study takes part in an event. Every rule names at least one
// (`involves`), so no rule can list an event on keywords alone.
enum class Involvement {
  kSource,       // X is the source actor
  kTarget,       // X is the target actor
  kReportedBy,   // X reports the event
  kLocation,     // the event happens in X
  kOrigin,       // ... starts from X
  kDestination,  // ... goes to X
  kPlace,        // any of the three places is in X
  kNamed,        // the sentence names X (a name, alternate name, capital or adjective)
  kGroup,        // the sentence names a conflict group whose members are X's nationals
};
// "source", "target", "reported_by", "location", "origin", "destination", "place", "named", "group".
const char* InvolvementName(Involvement i);
bool ParseInvolvement(const std::string& name, Involvement* out);

struct Phase {
  std::string name;
  Date begin;
  Date end;  // invalid = still going on
};

// A named group that sentences mention (a PMC, a volunteer unit) with the
// country its members come from and the side they fight for.
struct Group {
  std::string name;
  std::vector<std::string> match;  // lower-case phrases that name it
  std::string country;             // actor code prefix, "BLR"
  std::string fights_for;          // "aggressor" or "victim"
  std::string kind;                // "pmc", "volunteers", "armed_group", ...
  std::vector<std::string> alleged_backers;  // states alleged to back it ("RWA"): shown, never assumed
};

// A test of law or analysis a category bears on, paraphrased, with its citation.
struct LegalTest {
  std::string instrument;  // "UNGA Res. 3314 (XXIX), Art. 3(f)"
  std::string paraphrase;
  std::string citation;    // "A/RES/3314(XXIX), 14 December 1974, annex, art. 3(f)"
};

// A legal instrument of one conflict (UNGA ES-11/1 for Russia-Ukraine), shown
// with the categories it bears on; generic tests live in the rules file.
struct ConflictInstrument {
  LegalTest test;
  std::vector<std::string> categories;  // category keys ("territory", "response")
  int line = 0;                         // where it is in the conflict file
};

// Where X stands in a conflict according to its file. A party gets a report of
// its conduct as a party; allies and third states get the third-state report.
enum class Standing { kThird, kAggressorParty, kVictimParty, kAggressorAlly, kVictimAlly };
// "third", "aggressor party", "victim party", "aggressor ally", "victim ally".
const char* StandingName(Standing s);
bool ParseStanding(const std::string& name, Standing* out);

struct Conflict {
  std::string id;                    // "russia-ukraine"
  std::string name;
  std::string description;
  std::vector<std::string> aliases;  // other ids accepted by --conflict
  // Actor code prefixes of each side ("RUS", "UKR"); longest prefix wins.
  std::vector<std::string> aggressor, victim, aggressor_allies, victim_allies;
  // Words that name each side in text ({aggressor}, {victim} in rule keywords).
  std::vector<std::string> aggressor_words, victim_words;
  // Places the aggressor holds ("Sanaa", "Hodeidah"): {aggressor_held} in rule keywords, so that
  // force against such a place ("struck the port of Hodeidah") is force against the aggressor.
  std::vector<std::string> aggressor_held;
  std::vector<Phase> phases;         // in date order
  std::vector<Group> groups;
  // Conflict-specific instruments ([[instruments]]), each with the category keys it
  // bears on; shown only in this conflict's reports.
  std::vector<ConflictInstrument> instruments;
  // "interstate" (the default) or "civil war": in a civil war outside arms, fighters and force for
  // either side are support to a party or participation (the Security Council asks every state to
  // refrain from external interference), while aid, mediation and truce appeals stay counter-
  // indicators. Rules with `conflict_kind` apply only to conflicts of those kinds.
  std::string kind = "interstate";
  std::string file;                  // where it was loaded from

  Date begin() const;                // first phase's begin (invalid when none)
  // The phase a date falls in, nullptr when none.
  const Phase* PhaseAt(const Date& date) const;
  // The side of an actor code or ISO3 country seen from X.
  Side SideOf(const std::string& code, const std::string& x) const;
  // Where the state `x` (3 letters) stands: a party when a party list names
  // exactly its code ("RUS"; "CODREB" makes a rebel group a party, not COD).
  Standing StandingOf(const std::string& x) const;
};

struct Category {
  int number = 0;            // 1..n, the order of the report
  std::string key;           // "territory"
  std::string name;          // "Territory placed at another state's disposal"
  std::string description;
  std::string bears_on;      // how its evidence relates to the tests, one paragraph
  std::vector<LegalTest> tests;
  // The reports it belongs to: "third" (third states and allies) and/or "party".
  std::vector<std::string> applies_to = {"third"};
  // A sentence saying its fact is unrelated ("unrelated to the war") may still be evidence here
  // (a state's own denial); every other category ignores such sentences (the rules file's
  // `unrelated` phrases).
  bool evidence_when_unrelated = false;
  bool AppliesTo(Standing s) const;
};

// One rule: every condition present must hold (AND); a list condition holds
// when any of its values does (OR). Empty lists do not constrain.
struct Rule {
  std::string id;
  int category = 0;
  std::string description;
  int weight = 1;  // 1..3: how directly the evidence bears on the category
  std::vector<Involvement> involves;  // how X takes part; at least one must hold (required)
  std::vector<Side> source, target, location, origin, destination, place, reported_by;
  std::vector<std::string> source_role, target_role;          // role codes; "-" = bare country
  std::vector<std::string> not_source_role, not_target_role;
  std::vector<std::string> reported_by_role;                  // the reporter's role codes
  std::vector<std::string> codes, not_codes;                  // CAMEO prefixes
  std::vector<Modality> modality;
  std::vector<std::string> keywords;      // lower-case; may use {x_name} {x_adj} {aggressor} {victim}
  std::vector<std::string> and_keywords;  // ... and one of these too
  std::vector<std::string> not_keywords;  // ... and none of these
  std::vector<std::string> group_kind;    // a group of this kind is mentioned ...
  std::vector<Side> group_country;        // ... whose members come from this side ...
  std::vector<Side> group_fights_for;     // ... and fight for this side
  std::vector<int> contradicts;           // categories this rule's events deny
  std::vector<int> overrides;             // categories the event is NOT evidence for when this fires
  // "target_from_conflict": when the event has no target, the evidence names the
  // conflict's first party of this side (kVictim or kAggressor; kNone = off),
  // with the reason (the conflict and the keyword that tied the event to it).
  Side target_from_conflict = Side::kNone;
  // "sentences = true": the rule reads stored sentences that name X, never events, for the
  // categories none of the sentence's events is evidence for (the coder found no event, or none
  // any rule took for that category): words alone, so only keywords, group conditions and
  // involves = named/group. Such evidence has no event id.
  bool sentences = false;
  // "standing": X's standings in the conflict the rule applies to (empty = every one its category
  // applies to): a victim ally's troops fighting are not participation on the aggressor's side.
  std::vector<Standing> standing;
  // "conflict_kind": the conflict kinds ("interstate", "civil war") the rule applies to (empty = every one).
  std::vector<std::string> conflict_kind;
  // "document_ties = true": `and_keywords` tie the event to this war; with this set, so does its
  // document being about the war (an event there involving X has a source or target on a side),
  // for sentences that leave the war unnamed ("Chad called for a ceasefire in the first weeks").
  bool document_ties = false;
  // "even_handed = true": the classifier never matches the rule by itself. The report gives it,
  // instead of the categories it `overrides` (alignment), to X's act toward the aggressor's side in a sentence where
  // X does the same kind of act (the same CAMEO root) toward the victim's side ("the envoy toured
  // Ukraine, Poland and Russia", "Ankara hosted both delegations"): even-handed contacts. Its
  // `codes` are the kinds of act this applies to; its other conditions are not read.
  bool even_handed = false;
  std::string file;
  int line = 0;

  // The rule holds in a conflict of this kind (`conflict_kind` empty: every kind).
  bool AppliesToKind(const std::string& kind) const {
    return conflict_kind.empty() || std::find(conflict_kind.begin(), conflict_kind.end(), kind) != conflict_kind.end();
  }
};

// A named count for the escalation watch: events of these categories (and,
// when given, CAMEO prefixes), asserted or reported.
struct Signal {
  std::string name;  // "threats"
  std::vector<int> categories;
  std::vector<std::string> codes;
};

struct EscalationSettings {
  int baseline_months = 6;   // trailing months averaged into the baseline
  double ratio = 1.5;        // up: last >= baseline * ratio; down: last <= baseline / ratio
  double min_change = 2;     // ... and the difference is at least this many events
  // A last month with evidence for fewer days than this is too short to pro-rate: the month
  // before it (complete) is compared instead.
  int min_partial_days = 3;
  std::vector<Signal> signals;
};

// Another actor's act that judges X (condemns, accuses, sanctions it: CAMEO 11, 16) and names X's
// conduct after its verb in the same sentence ("The G7 condemned Iran's transfer of missiles to
// Russia"): the sentence is that actor's response; X's conduct it names is what the actor holds
// against X, listed apart as alleged in the conduct categories.
//
// RuleSet::acted_on has the same shape: another actor's act of force or coercion on X (CAMEO
// 17-20, asserted: "Poland closed its border crossings with Belarus", "RSF fighters captured
// Egyptian soldiers") in a sentence where X acts in no coded event: the sentence is about what was
// done to X, and the sentence rules (Rule::sentences) of those categories of X's conduct skip it.
struct JudgementSettings {
  std::vector<std::string> codes;  // CAMEO code prefixes of the acts; empty: none
  std::vector<int> categories;     // the categories of conduct they bear on
  // [judgement] only: the judging acts' words, for sentences with no event ("sanctioned",
  // "condemned"; lower-case): Classifier::JudgedBeforeNamed.
  std::vector<std::string> words;
};

struct RuleSet {
  std::vector<Category> categories;  // sorted by number
  std::vector<Rule> rules;
  EscalationSettings escalation;
  std::map<std::string, std::string> adjectives;  // "BLR" -> "belarusian"
  // Other words naming a state in text, lower-case ("ARE" -> "uae", "emirati", "abu dhabi").
  std::map<std::string, std::vector<std::string>> names;
  // Words naming a state's armed forces, lower-case ("RWA" -> "rdf", "rwanda defence force"): read
  // as the state's adjective after its own ("RDF troops" are Rwandan troops), never to look it up.
  std::map<std::string, std::vector<std::string>> forces;
  // Names of weapon systems of a state's make or design, lower-case ("PRK" -> "kn-23", "koksan"):
  // {x_weapon} in keywords; a sentence holding one names X for the rules that use it (and for no
  // other rule), never used to look a state up.
  std::map<std::string, std::vector<std::string>> weapons;
  // Verbs by which a reporter alleges what X did ("accused", "alleges", lower-case): an event the
  // sentence puts after such a verb of its reporter is an allegation, not evidence of the conduct
  // (Bucket::kAlleged); the accusation itself is an event of its own.
  std::vector<std::string> allegation;
  // Words by which a reporter finds X's conduct unlawful or a threat ("violated", "in breach of",
  // "a direct threat to", lower-case): an event reported by an actor other than its source, with
  // such words after its verb in the same clause ("The G7 said Iran's transfer of missiles to Russia
  // was a direct threat to European security"), is the reporter's judgement of the conduct, listed
  // apart (Bucket::kAlleged) like an allegation.
  std::vector<std::string> findings;
  JudgementSettings judgement;
  JudgementSettings acted_on;  // [acted_on] (see JudgementSettings)
  std::string disclaimer;
  std::string file;

  const Category* FindCategory(int number) const;
};

// Loads one conflict file. Unknown keys, missing id/name/parties, bad dates
// and overlapping phases are errors.
Status LoadConflict(const std::string& path, Conflict* out);
// Finds the conflict whose id or alias is `id` among `dir`/*.toml.
// Error when none: "unknown conflict 'x': known: a, b (in DIR)".
Status FindConflict(const std::string& dir, const std::string& id, Conflict* out);

// Every conflict file (*.toml) in `dir`, in file-name order: the ones that load in *out, and
// for each that does not, its path and one-line error in *failed (path, message).
Status ListConflicts(const std::string& dir, std::vector<Conflict>* out,
                     std::vector<std::pair<std::string, std::string>>* failed);
// Loads the involvement rules. Every rule's category must be defined; unknown
// keys, side names, modalities are errors naming file:line.
Status LoadRules(const std::string& path, RuleSet* out);

}  // namespace dyad::analyze

#endif  // DYAD_ANALYZE_MODEL_H_
