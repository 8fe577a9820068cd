// Enrichment: what TABARI does not do. For the events of one sentence, resolve
// the event date against the document date, the modality (asserted, negated,
// hypothetical), attribution (reported_by) and places (location, origin,
// destination).
//
// Thread-safe: Enricher is immutable after Create(); Enrich() is const.
#ifndef DYAD_ENRICH_ENRICH_H_
#define DYAD_ENRICH_ENRICH_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "code/coder.h"
#include "enrich/charges.h"
#include "dyad/event.h"
#include "dyad/status.h"

namespace dyad::enrich {

// Finds the actors named in a piece of text (the coder's dictionaries).
using ActorFinder = std::function<std::vector<code::ActorMention>(std::string_view text)>;

struct SentenceContext {
  std::string_view sentence;  // normalised sentence text
  Date document_date;
  ActorFinder find_actors;  // may be empty
  // The sentence's actors, when the caller has them at hand (what find_actors(sentence) would
  // return): then read in place, and find_actors is not called for the whole sentence. May be null.
  const std::vector<code::ActorMention>* actors = nullptr;
};

// One coded event with its parts located in the sentence (byte offsets).
struct EventInSentence {
  Event* event;
  code::ByteSpan source, verb, target;
  // Set by Enrich when it replaced the target (the engine then re-locates event->target_span
  // from `target`, a byte span into the sentence).
  bool target_moved = false;
};

// Fills, for each event of a sentence: date, date_precision, date_text,
// date_end; modality; reported_by, reported_by_text; location, origin,
// destination (Place::span in BYTE offsets into ctx.sentence, like the
// EventInSentence spans: the engine converts them). docs/enrichment.md has
// the rules.
class Enricher {
 public:
  // Loads <data_dir>/enrich/{temporal,attribution,modality,places}.tsv and the
  // gazetteer <data_dir>/gazetteer/{countries,regions,cities}.tsv. Fails with
  // "path:line: what: 'entry'" on a malformed line or a missing file.
  static Status Create(const std::string& data_dir, std::unique_ptr<const Enricher>* out);

  // Enriches the events of one sentence in place. Calls ctx.find_actors at
  // most once, and only when the sentence has a reporting cue. Events whose
  // verb span is empty keep the date they came with (precision kDocument) and
  // get no modality, attribution or place. Spans outside the sentence count
  // as empty; null event pointers are skipped. Never throws (unless
  // ctx.find_actors does).
  void Enrich(const SentenceContext& ctx, std::vector<EventInSentence>& events) const;

  // What the sentence reports ("X said that C", "C, X said", "according to X, C"), so that the
  // engine can code C on its own and the speaker is never the source or target of what it
  // reports (it stays the reporter: reported_by). Byte spans into `sentence`. Calls find_actors
  // at most once, and only when the sentence has a reporting cue.
  struct ReportedContent {
    code::ByteSpan clause;
    code::ByteSpan speaker;  // empty when no known actor reports it
    // The clause's subject when it is named outside the clause ("Tehran denied sending drones",
    // "Seoul accused Pyongyang of sending shells"): code "<subject> <clause>". Empty otherwise.
    code::ByteSpan subject;
    bool subject_possessive = false;  // "<subject>'s <clause>": "Minsk said its troops ..."
    bool first_person = false;        // "'Our soldiers captured ...,' Zelensky wrote": subject from "we/our"
    code::ByteSpan verb;              // the reporting verb; empty for "according to X"
    // "X has been accused of ...": the reporting verb, whose own event (X accusing) is dropped.
    code::ByteSpan passive_report;
    // "X intended/ordered Y to V": not speech; `speaker` is X, who intends or orders (no statement).
    bool control = false;
  };
  // `sentence_actors`, when not null, is what find_actors(sentence) would return (read in place,
  // find_actors is then not called).
  std::vector<ReportedContent> FindReportedContent(std::string_view sentence, const ActorFinder& find_actors,
                                                   const std::vector<code::ActorMention>* sentence_actors = nullptr) const;
  // Whether FindReportedContent can find anything in `sentence` whatever its actors: it has a
  // reporting, attribution or reason cue or a complement verb. Cheap (the sentence's reading is
  // kept for the next call on it).
  bool MayReport(std::string_view sentence) const;

  // The charges a reported clause makes against the actors it names (data/enrich/charges.tsv):
  // "... argues that Belarus breached the 1974 resolution" accuses Belarus. `mentions` are in the
  // clause's offsets; the result points into them.
  std::vector<Charge> FindCharges(std::string_view clause, const std::vector<code::ActorMention>& mentions) const;
  const std::string& charges_path() const;

  ~Enricher();
  Enricher(const Enricher&) = delete;
  Enricher& operator=(const Enricher&) = delete;

  struct Impl;

 private:
  explicit Enricher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dyad::enrich

#endif  // DYAD_ENRICH_ENRICH_H_
