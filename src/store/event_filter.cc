#include "store/event_filter.h"

namespace dyad::store {

Status ParseEventFilter(const EventFilter& f, EventQuery* q, const std::string& prefix) {
  q->actor = f.actor;
  q->source = f.source;
  q->target = f.target;
  q->code = f.code;
  q->root = f.root;
  q->text = f.text;
  if (!f.from.empty()) {
    q->from = Date::Parse(f.from);
    if (!q->from) return Status::Error(prefix + "from: not a date: '" + f.from + "' (use YYYY-MM-DD)");
  }
  if (!f.to.empty()) {
    q->to = Date::Parse(f.to);
    if (!q->to) return Status::Error(prefix + "to: not a date: '" + f.to + "' (use YYYY-MM-DD)");
  }
  if (f.modality == "asserted") {
    q->modality = Modality::kAsserted;
  } else if (f.modality == "negated") {
    q->modality = Modality::kNegated;
  } else if (f.modality == "hypothetical") {
    q->modality = Modality::kHypothetical;
  } else if (f.modality == "reported") {
    q->reported = true;
  } else if (!f.modality.empty()) {
    return Status::Error(prefix + "modality: '" + f.modality +
                         "' (expected asserted, negated, hypothetical or reported)");
  }
  return Status::Ok();
}

}  // namespace dyad::store
