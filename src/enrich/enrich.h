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
#include "dyad/event.h"
#include "dyad/status.h"

namespace dyad::enrich {

// Finds the actors named in a piece of text (the coder's dictionaries).
using ActorFinder = std::function<std::vector<code::ActorMention>(std::string_view text)>;

struct SentenceContext {
  std::string_view sentence;   // normalised sentence text
  Date document_date;
  ActorFinder find_actors;     // may be empty
};

// One coded event with its parts located in the sentence (byte offsets).
struct EventInSentence {
  Event* event;
  code::ByteSpan source, verb, target;
};

class Enricher;  // defined by the enrich stage (dates/, attribution, places)

}  // namespace dyad::enrich

#endif  // DYAD_ENRICH_ENRICH_H_
