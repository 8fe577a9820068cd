// The role report: what role a third state X plays in a conflict, as indicators
// and evidence per involvement category (no legal conclusions).
//
// Example:
//   RoleAnalyzer a(rules, conflict, {"BLR", "Belarus", "Belarusian"}, options);
//   for (const store::StoredEvent& e : events) a.Add(e);
//   RoleReport report = a.Finish();
//   std::string md = RenderMarkdown(report);
//
// RoleAnalyzer is not thread-safe (one per report); RoleReport is a plain value.
// The RuleSet and Conflict must outlive the analyzer (matches point into them).
#ifndef DYAD_ANALYZE_ROLE_REPORT_H_
#define DYAD_ANALYZE_ROLE_REPORT_H_

#include <algorithm>
#include <array>
#include <cstdint>
#include <deque>
#include <memory>
#include <map>
#include <tuple>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyze/classify.h"
#include "analyze/model.h"
#include "dyad/date.h"
#include "dyad/status.h"
#include "store/store.h"

namespace dyad::analyze {

struct RoleOptions {
  Date from, to;          // event dates, inclusive; invalid = open (from defaults to the conflict's start)
  int evidence_per_category = 3;
  int contradictions_per_category = 3;
  // A claim and a denial pair only when their dates (spans) come within this
  // many days of each other: a denial answers claims about the same period.
  int contradiction_days = 92;
  // Only events an analyst confirmed or corrected (corrections applied): `dyad role --reviewed-only`.
  bool reviewed_only = false;
  // Also events whose latest review rejects them (left out by default: the machine's mistakes).
  bool include_rejected = false;
};

// One piece of evidence: an event, why it matched, and where it came from.
struct Evidence {
  int64_t event_id = 0;   // `dyad show ID`; 0 for a sentence that gave no event (from_sentence)
  // A sentence naming X in which no event was coded (or none any rule took), listed by a rule with
  // `sentences = true` on its words alone: `dyad show dDOCUMENT` shows it, sentence_index counts from 0.
  bool from_sentence = false;
  int64_t document_id = 0;
  int sentence_index = 0;
  Date date;              // event date (document date when the event has none)
  // How precisely the text dates it: "since 2014" is a range 2014-01-01..(document date), "in May
  // 2023" a month. date_end is invalid for a single day; date_text is the words that dated it.
  Date date_end;
  DatePrecision precision = DatePrecision::kDocument;
  std::string date_text;
  std::string sentence;
  std::string source, event_code, target;  // actor codes and CAMEO code
  std::string reported_by;
  std::string reported_by_text;  // the words naming the reporter ("there have been repeated reports")
  Bucket bucket = Bucket::kAsserted;
  std::string doc_source, doc_url, doc_title;
  Date doc_date;
  std::string rule_id;
  // A target the rule took from the conflict's parties because the event has
  // none (Rule::target_from_conflict), and why; both "" otherwise.
  std::string target_from_conflict;
  std::string reason;
  int weight = 1;
  int corroboration = 1;  // distinct documents reporting the same dyad (source, code root, target) that month
  double score = 0;
  // The latest review of the event: "confirmed", "rejected" or "corrected" ("" when none), who gave
  // it, when, the note, and for a correction the machine's coding it replaced ("BLR 195 -").
  std::string review_state, reviewer, reviewed_at, review_note, machine_coding;
};

struct Contradiction {
  Evidence claim;
  Evidence denial;
  std::string note;  // why they are paired
};

struct BucketCounts {
  int asserted = 0, reported = 0, hypothetical = 0, negated = 0;
  int alleged = 0;  // what others allege X did: listed apart, never support
  int total() const { return asserted + reported + hypothetical + negated + alleged; }
  int supporting() const { return asserted + reported; }
  void Add(Bucket b);
};

struct CategoryReport {
  Category category;
  BucketCounts counts;
  int sources = 0;     // distinct publishers of asserted/reported evidence
  int documents = 0;   // distinct documents of asserted/reported evidence
  Date first, last;    // period covered by all matched events (earliest start, latest start)
  // The evidence whose span starts first and the one whose span ends last: the period as
  // precisely as the text dated them (PeriodLabel: "2022-02 .. 2023-05", "since 2014").
  Evidence earliest, latest;
  std::vector<Evidence> strongest;           // asserted/reported only, best first
  std::vector<Evidence> unasserted;          // hypothetical and negated, best first (never support)
  // What others allege X did ("Washington accused Iran of delivering ..."), best first: never
  // support; the accusation itself is evidence of a response to X.
  std::vector<Evidence> alleged;
  std::vector<Contradiction> contradictions;
  std::map<std::string, BucketCounts> by_month;  // "2022-02" -> counts
};

enum class Trend { kUp, kDown, kUnchanged, kNoData };
const char* TrendName(Trend t);   // "up", "down", "unchanged", "no data"
const char* TrendArrow(Trend t);  // "↑", "↓", "→", "·"

struct SignalTrend {
  std::string name;
  int last = 0;          // asserted/reported events in the last month
  double baseline = 0;   // mean per month over the trailing window
};

struct EscalationWatch {
  std::string month;                         // "2023-07": the last month of the report
  // When the evidence stops inside that month (the window's end, or the newest document), it is
  // partial: its count is pro-rated to a whole month before the comparison, and the reason says so.
  int days_covered = 0, days_in_month = 0;   // both 0 when the month is complete
  // How `month` was compared: "complete" (a whole month of evidence), "pro-rated" (partial, its
  // count scaled to a whole month) or "previous complete month" (the last month had fewer than
  // [escalation] min_partial_days days of evidence, too few to pro-rate: `month` is the one before,
  // and skipped_month / skipped_days say what was left out).
  std::string basis;
  std::string skipped_month;
  int skipped_days = 0;
  double last_pro_rated = 0;
  std::string baseline_from, baseline_to;    // trailing window, months
  int last = 0;
  double baseline = 0;
  Trend trend = Trend::kNoData;
  std::string reason;                        // one line
  std::vector<SignalTrend> signals;
};

struct RoleReport {
  Subject x;
  Standing standing = Standing::kThird;  // X's place in the conflict file's sides
  std::string standing_note;             // one line: what kind of report this is, and why
  std::string conflict_id, conflict_name, conflict_file, rules_file;
  std::string disclaimer;
  Date from, to;                    // the window asked for (to may be open)
  Date first_event, last_event;     // what the matched evidence spans
  Evidence earliest, latest;        // ... and the evidence at each end (PeriodLabel)
  int64_t events_scanned = 0;       // events in the window
  int64_t events_matched = 0;       // events in at least one category
  int64_t sentences_matched = 0;    // sentences without an event in at least one category (from_sentence)
  // Events dated only by a period longer than two months ("since 2014"): listed with their span,
  // never counted in a month (they would stretch the timeline and fill one month with years).
  int64_t events_spanning = 0;
  // Every category of X's kind of report (third state or party), in number order,
  // with the conflict's own instruments added to the rules' generic tests.
  std::vector<CategoryReport> categories;
  std::vector<std::string> months;  // the timeline's months, first..last, no gaps
  std::vector<std::pair<std::string, std::string>> phases;  // month -> phase name at its start
  // The chart's first month: months.front(), unless a few early events set apart by more than a
  // year of no evidence would squeeze it; then chart_note says where it starts and what it leaves out.
  std::string chart_from;
  std::string chart_note;
  EscalationWatch watch;
  bool reviewed_only = false;  // the evidence is only what analysts confirmed or corrected
  bool include_rejected = false;  // events analysts rejected are evidence too (RoleOptions)
};

class RoleAnalyzer {
 public:
  RoleAnalyzer(const RuleSet& rules, const Conflict& conflict, Subject x, RoleOptions options);
  ~RoleAnalyzer();
  RoleAnalyzer(const RoleAnalyzer&) = delete;
  RoleAnalyzer& operator=(const RoleAnalyzer&) = delete;

  // Classifies one event; events outside the window or matching nothing are
  // counted and dropped. Duplicate-flagged events are skipped.
  void Add(const store::StoredEvent& event);
  // Tests a stored sentence that names X against the rules with `sentences = true`, after every
  // event was added. Only sentences of documents about the conflict are read: documents with an
  // added event (one involving X, not from a near-duplicate document) whose source or target is
  // on a side of the conflict, so that "Iranian-made drones" in an article on another war is not
  // read as support in this one. A sentence is listed only in categories none of its events is
  // evidence for (those events are) or overrides (an admission of support is no support), and
  // never outside the window (by the document's date).
  void AddSentence(int64_t document_id, const store::Sentence& sentence);
  // The same with the sentence's matches already known (SentenceMatches, on any thread).
  void AddSentence(int64_t document_id, const store::Sentence& sentence, std::vector<Match> matches);
  // What the sentence rules match in a sentence; thread-safe.
  std::vector<Match> SentenceMatches(const std::string& text) const { return classifier_.ClassifySentence(text); }
  // Whether AddSentence reads the document's sentences (it is about the conflict).
  bool IsConflictDocument(int64_t document_id) const { return documents_in_conflict_.count(document_id) > 0; }
  // Whether a sentence rule would list the sentence in a document about the conflict (the
  // cheap test before asking the store what the document is about).
  bool SentenceRuleMatches(const std::string& text) const { return !classifier_.ClassifySentence(text).empty(); }
  // The actors of a document's events, involving X or not: an act between the two sides of the
  // conflict ("Russian forces shelled Kharkiv") makes the document one about the conflict, so that
  // its sentences naming X ("Pyongyang also provided anti-tank missiles") are read. No event is
  // classified.
  void NoteDocumentActors(const store::DocumentActors& document);
  // Events matched by a rule with document_ties but not its and_keywords wait for their document:
  // these are the documents not yet known to be about the conflict (ask the store for their
  // actors, NoteDocumentActors, then ResolvePending).
  std::vector<int64_t> PendingDocuments() const;
  // Lists the waiting events whose document turned out to be about the conflict; drops the rest.
  // Call after every event was added, before AddSentence.
  void ResolvePending();
  RoleReport Finish() const;

 private:
  // A report on a large store matches tens of thousands of events but lists a few dozen: each
  // match is kept compact (its texts in an arena, its document and review shared), and its
  // Evidence is built only when the report lists it (EvidenceOf).
  struct Document {  // a document the matched events come from
    std::string_view source, url, title;
    Date date;
    int key = 0;         // DocKey, interned: distinct documents
    int source_id = -1;  // the publisher, interned: distinct sources (-1: none named)
  };
  struct ReviewText {  // the latest review of a matched event, as Evidence shows it
    std::string state, reviewer, at, note, machine_coding;
  };
  struct Hit {  // the event as evidence of one category
    int category = 0;
    const Rule* rule = nullptr;
    std::vector<int> contradicts;               // categories it denies (union over the category's rules)
    std::string_view target_from_conflict, reason;
  };
  struct Item {
    int64_t event_id = 0;  // < 0 for a sentence without an event (a key for pairing, never shown)
    int64_t document_id = 0;
    int sentence_index = 0;
    Date date;       // event date (document date when the event has none)
    Date date_end;   // Evidence::date_end: invalid for a single day
    Date span_end;   // end of the event's span (= date when a day)
    DatePrecision precision = DatePrecision::kDocument;
    Bucket bucket = Bucket::kAsserted;
    int64_t verb_begin = -1;  // the event's verb (its source when none) in the document; -1: a sentence without an event
    std::string_view date_text, sentence, source, event_code, target, reported_by, reported_by_text;
    int document = 0;     // into documents_
    int review = -1;      // into reviews_, -1: none
    uint32_t hits_begin = 0, hits_end = 0;  // into hits_, by category number
    std::string dyad_key;                   // source country|root|target country
    std::string month;                      // "2022-03"; "" when undated or dated by a long period
    // 3-letter codes: source, target, X when placed in X, the target taken from the conflict.
    std::array<std::string_view, 4> actors;
    int actor_count = 0;
    bool HasActor(std::string_view code) const;
    void AddActor(std::string_view code);
  };
  class Texts;  // the arena the string_views point into (role_report.cc)

  // Lists an event with its matches (none `by_document`): the sentence's categories, the item.
  void AddMatched(const store::StoredEvent& se, const Date& date, std::vector<Match> matches,
                  const std::vector<int>& overridden);

  // A sentence: its document, number and a hash of its text (events built by hand may share a
  // document id and number).
  using SentenceKey = std::tuple<int64_t, int, size_t>;
  static SentenceKey KeyOf(int64_t document_id, int sentence_index, std::string_view sentence);
  // Another actor's act judging X (RuleSet::judgement) in the sentence `key`, its verb ending at
  // `verb_end`: X's conduct the sentence names after it is listed apart (SetApartIfJudged).
  void NoteJudgement(const SentenceKey& key, int64_t verb_end);
  void SetApartIfJudged(Item& item);
  // Once every event is read: X's acts toward the aggressor's side listed as alignment whose
  // sentence has X's act of the same kind toward the victim's side take the even-handed rule.
  void ApplyEvenHanded();
  bool EvenHandedReplaces(int category) const {
    return std::find(even_handed_->overrides.begin(), even_handed_->overrides.end(), category) != even_handed_->overrides.end();
  }
  static bool HasCategory(const std::vector<int>& categories, int category) {
    return std::find(categories.begin(), categories.end(), category) != categories.end();
  }
  // The code is X's (X's code or one composed on it: "BLR", "BLRGOV").
  bool IsX(const std::string& code) const { return !x_.code.empty() && code.compare(0, x_.code.size(), x_.code) == 0; }
  void ChooseChartStart(RoleReport* report) const;
  std::string_view Keep(std::string_view text);  // a copy in the arena
  int DocumentOf(int64_t document_id, const std::string& source, const std::string& url,
                 const std::string& title, const Date& date);
  // Keeps a matched event or sentence: its dates, document (the store's id and documents_), hits and
  // their targets from the conflict.
  Item& AddItem(const Event& event, const std::vector<Match>& matches, Date date, int64_t document_id, int document);
  // The evidence as Add saw it (the first matching rule's id and weight), and as evidence of its
  // `k`th category (that category's rule and the target it took from the conflict).
  Evidence EvidenceOf(const Item& item) const;
  Evidence EvidenceOf(const Item& item, size_t k) const;
  const Hit& HitOf(const Item& item, size_t k) const { return hits_[item.hits_begin + k]; }
  size_t HitCount(const Item& item) const { return item.hits_end - item.hits_begin; }

  const RuleSet& rules_;
  const Conflict& conflict_;
  Subject x_;
  Classifier classifier_;  // the rules prepared for X and the conflict
  RoleOptions options_;
  int64_t scanned_ = 0;
  Date latest_document_;  // the newest document seen: how far the evidence reaches
  std::unique_ptr<Texts> texts_;
  std::deque<Item> items_;  // a deque: no item moves as it grows
  std::vector<Hit> hits_;
  std::vector<Document> documents_;
  // The store's document id -> documents_ (several when events built by hand share an id).
  std::unordered_map<int64_t, std::vector<int>> documents_by_id_;
  std::unordered_map<std::string, int> document_keys_, sources_;
  std::vector<ReviewText> reviews_;
  // (document, sentence) -> the categories its matched events (or the sentence) are evidence for,
  // or that their rules override: AddSentence lists a sentence only in the others.
  std::map<std::pair<int64_t, int>, std::vector<int>> categories_of_sentence_;
  // (document, sentence) where another actor acts on X (RuleSet::acted_on), and where X acts or reports.
  std::set<std::pair<int64_t, int>> acted_on_, x_acts_;
  // The store's id of each document about the conflict (see AddSentence) -> documents_.
  std::unordered_map<int64_t, int> documents_in_conflict_;
  // Events whose matches hold only in a document about the conflict, by document, until
  // ResolvePending (the matches kept with them: by_document ones, and any that hold anyway).
  std::map<int64_t, std::vector<std::pair<store::StoredEvent, std::vector<Match>>>> pending_;
  int64_t sentence_items_ = 0;
  // (document, sentence) -> where the first judgement of X in it ends (NoteJudgement), and the
  // items of X's conduct listed from it so far (a judgement may be read after them).
  std::map<SentenceKey, int64_t> judgement_end_;
  std::map<SentenceKey, std::vector<Item*>> conduct_items_;
  // The rules file's even-handed rule (Rule::even_handed; nullptr: none); the kinds of act (CAMEO
  // roots) X directs at the victim's side, by sentence; X's acts toward the aggressor's side
  // listed as alignment, with their sentence and root.
  const Rule* even_handed_ = nullptr;
  std::set<std::pair<SentenceKey, std::string>> victim_side_acts_;
  std::vector<std::tuple<Item*, SentenceKey, std::string>> aligned_acts_;
};

// Convenience over a vector (tests; small stores).
RoleReport BuildRoleReport(const RuleSet& rules, const Conflict& conflict, const Subject& x,
                           const RoleOptions& options,
                           const std::vector<store::StoredEvent>& events);

// Streams the events of `options`' window that involve X from the store through a RoleAnalyzer
// (X's code in the source, target, reporter or a place; or X's name or adjective, or a conflict
// group from X, named in the sentence): events_scanned counts those.
// Errors: the store's error, or "no events in FILE: ..." when it holds none at all.
Status BuildRoleReportFromStore(store::Store& store, const RuleSet& rules,
                                const Conflict& conflict, const Subject& x,
                                const RoleOptions& options, RoleReport* out);

// An evidence date as precisely as the text gave it: "2022-02-24" (a day), "2023-05" (a month),
// "2022" (a year), "2022-02..2022-03" (a range of months), "since 2014", "week of 2022-02-21";
// "undated" without a date.
std::string DateLabel(const Evidence& e);
// The period from `earliest`'s start to `latest`'s end, each at the precision its text gave:
// "2022-02 .. 2023-07-03"; one piece of evidence (or two alike) gives its DateLabel; "" when undated.
std::string PeriodLabel(const Evidence& earliest, const Evidence& latest);

// Renderers. HTML is one self-contained page; `chart_js` is the Chart.js UMD
// source inlined into it (web/vendor/chart.umd.min.js).
std::string RenderMarkdown(const RoleReport& report);
std::string RenderJson(const RoleReport& report);
std::string RenderHtml(const RoleReport& report, const std::string& chart_js);

}  // namespace dyad::analyze

#endif  // DYAD_ANALYZE_ROLE_REPORT_H_
