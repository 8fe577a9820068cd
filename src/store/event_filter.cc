#include <algorithm>
#include <cctype>

#include "store/event_filter.h"

namespace dyad::store {

namespace {
std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}
bool Digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
}  // namespace

Status ParseEventFilter(const EventFilter& f, EventQuery* q, const std::string& prefix) {
  // Actor codes in any case ("blr" is BLR); CAMEO codes and roots are digits.
  q->actor = Upper(f.actor);
  q->source = Upper(f.source);
  q->target = Upper(f.target);
  if (!f.code.empty() && (!Digits(f.code) || f.code.size() > 4))
    return Status::Error(prefix + "code: not a CAMEO code: '" + f.code + "' (1-4 digits, e.g. 19 or 0874)");
  if (!f.root.empty() && (!Digits(f.root) || f.root.size() != 2))
    return Status::Error(prefix + "root: not a CAMEO root: '" + f.root + "' (2 digits, 01-20)");
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
  if (q->from && q->to && *q->to < *q->from)
    return Status::Error(prefix + "from " + q->from->ToIso() + " is after to " + q->to->ToIso());
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
  if (f.review == "reviewed") {
    q->review = ReviewFilter::kAccepted;
  } else if (f.review == "rejected") {
    q->review = ReviewFilter::kRejected;
  } else if (f.review == "unreviewed") {
    q->review = ReviewFilter::kUnreviewed;
  } else if (!f.review.empty()) {
    return Status::Error(prefix + "review: '" + f.review + "' (expected reviewed, rejected or unreviewed)");
  }
  return Status::Ok();
}

}  // namespace dyad::store
