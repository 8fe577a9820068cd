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
// A given field as its front end spells it: "--review reviewed", "--include-rejected" (flags);
// "review=reviewed", "include_rejected=1" (URL parameters).
std::string Given(const std::string& prefix, std::string snake_name, const std::string& value = "") {
  const bool flag = prefix == "--";
  if (flag) std::replace(snake_name.begin(), snake_name.end(), '_', '-');
  if (value.empty()) return prefix + snake_name + (flag ? "" : "=1");
  return prefix + snake_name + (flag ? " " : "=") + value;
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
  if (f.reviewed_only && !f.review.empty() && f.review != "reviewed")
    return Status::Error(Given(prefix, "reviewed_only") + " and " + Given(prefix, "review", f.review) +
                         " contradict each other");
  if (f.include_rejected && (f.reviewed_only || f.review == "reviewed" || f.review == "unreviewed"))
    return Status::Error(Given(prefix, "include_rejected") + " and " +
                         (f.reviewed_only ? Given(prefix, "reviewed_only") : Given(prefix, "review", f.review)) +
                         " contradict each other");
  if (f.reviewed_only || f.review == "reviewed") {
    q->review = ReviewFilter::kAccepted;
  } else if (f.review == "rejected") {
    q->review = ReviewFilter::kRejected;
  } else if (f.review == "unreviewed") {
    q->review = ReviewFilter::kUnreviewed;
  } else if (!f.review.empty()) {
    return Status::Error(prefix + "review: '" + f.review + "' (expected reviewed, rejected or unreviewed)");
  } else if (!f.include_rejected) {
    q->review = ReviewFilter::kNotRejected;
  } else {
    q->review = ReviewFilter::kAny;
  }
  return Status::Ok();
}

}  // namespace dyad::store
