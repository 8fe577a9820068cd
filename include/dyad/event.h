// Event: one coded "who did what to whom, when and where, according to whom",
// tied to the sentence and the dictionary entry that produced it.
// Field names match the JSONL/CSV output (docs/events.md documents each one).
#ifndef DYAD_EVENT_H_
#define DYAD_EVENT_H_

#include <cstdint>
#include <string>

#include "dyad/date.h"

namespace dyad {

// A half-open range [begin, end) of Unicode code points in Document::text.
// begin == end == -1 when the part is absent (e.g. no target).
struct Span {
  int64_t begin = -1;
  int64_t end = -1;
  bool empty() const { return begin < 0 || end <= begin; }
};

// The dictionary entry that coded the event: file, 1-based line, the line's text.
struct PatternRef {
  std::string file;
  int line = 0;
  std::string text;
};

// A place from the gazetteer. Empty name = no place.
struct Place {
  std::string name;       // "Kyiv"
  std::string country;    // ISO 3166-1 alpha-3, "UKR"
  std::string admin1;     // first-level region, when known
  double latitude = 0;
  double longitude = 0;
  std::string feature;    // "country", "region", "city"
  Span span;              // where the text names it
  bool empty() const { return name.empty() && country.empty(); }
};

enum class Modality { kAsserted, kNegated, kHypothetical };
const char* ModalityName(Modality m);  // "asserted", "negated", "hypothetical"

// How precisely the event date is known and where it came from. kIngested only in exports: neither
// the event nor its document had a date, so the date is the day the document was stored.
enum class DatePrecision { kDocument, kDay, kWeek, kMonth, kSeason, kYear, kRange, kIngested };
const char* DatePrecisionName(DatePrecision p);  // "document", "day", ..., "ingested"

struct Event {
  // Identity and provenance.
  std::string doc_id;
  int sentence_index = 0;        // 0-based, in the document
  std::string sentence;          // the sentence text (normalised)
  Span sentence_span;
  int page = 0;                  // 1-based page of the sentence in a paged document (PDF); 0: no pages

  // Who did what to whom (CAMEO).
  Date date;                     // event date (see date_precision)
  std::string source;            // actor code, "" when absent
  std::string target;
  std::string source_text;       // words in the sentence that named the actor
  std::string target_text;
  // When the actor was named through a pronoun or a definite noun phrase ("they", "the country"):
  // the words of the antecedent it was resolved to ("Belarus"); "" otherwise (docs/coreference.md).
  std::string source_ref;
  std::string target_ref;
  std::string event_code;        // CAMEO, e.g. "0874"
  std::string root_code;         // first two digits, "08"
  int quad_class = 0;            // 1..4, 0 when unknown
  double goldstein = 0;
  std::string verb_text;
  std::string plover;            // PLOVER type via the published crosswalk ("" for 01x/02x)
  PatternRef pattern;
  Span source_span, verb_span, target_span;

  // When (issue: dates). date_text is the expression that set the date.
  DatePrecision date_precision = DatePrecision::kDocument;
  std::string date_text;
  Date date_end;                 // last day covered (== date for day precision)

  // According to whom, and how sure.
  Modality modality = Modality::kAsserted;
  std::string reported_by;       // actor code of the reporter, "" when first-hand
  std::string reported_by_text;

  // Where.
  Place location, origin, destination;
};

}  // namespace dyad

#endif  // DYAD_EVENT_H_
