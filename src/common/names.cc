// Display names of the public enums, as they appear in every output format.
#include "dyad/document.h"
#include "dyad/event.h"

namespace dyad {

const char* InputFormatName(InputFormat format) {
  switch (format) {
    case InputFormat::kText: return "text";
    case InputFormat::kTabari: return "tabari";
    case InputFormat::kJsonl: return "jsonl";
    case InputFormat::kHtml: return "html";
    case InputFormat::kAuto: break;
  }
  return "auto";
}

const char* ModalityName(Modality m) {
  switch (m) {
    case Modality::kNegated: return "negated";
    case Modality::kHypothetical: return "hypothetical";
    case Modality::kAsserted: break;
  }
  return "asserted";
}

const char* DatePrecisionName(DatePrecision p) {
  switch (p) {
    case DatePrecision::kDay: return "day";
    case DatePrecision::kWeek: return "week";
    case DatePrecision::kMonth: return "month";
    case DatePrecision::kSeason: return "season";
    case DatePrecision::kYear: return "year";
    case DatePrecision::kRange: return "range";
    case DatePrecision::kDocument: break;
  }
  return "document";
}

}  // namespace dyad
