// Display names of the public enums, as they appear in every output format.
#include <algorithm>

#include "dyad/document.h"
#include "dyad/event.h"

namespace dyad {

const char* InputFormatName(InputFormat format) {
  switch (format) {
    case InputFormat::kText: return "text";
    case InputFormat::kTabari: return "tabari";
    case InputFormat::kJsonl: return "jsonl";
    case InputFormat::kHtml: return "html";
    case InputFormat::kPdf: return "pdf";
    case InputFormat::kFeed: return "feed";
    case InputFormat::kAuto: break;
  }
  return "auto";
}

int PageAt(const Document& document, int64_t offset) {
  if (document.page_starts.empty() || offset < 0) return 0;
  const auto& starts = document.page_starts;
  // The last page that starts at or before `offset`.
  auto after = std::upper_bound(starts.begin(), starts.end(), offset);
  return after == starts.begin() ? 1 : static_cast<int>(after - starts.begin());
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
    case DatePrecision::kIngested: return "ingested";
    case DatePrecision::kDocument: break;
  }
  return "document";
}

}  // namespace dyad
