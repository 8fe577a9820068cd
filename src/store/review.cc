// Reviews: what both backends share (names, checks, the row and audit entry of a review).
#include "store/review.h"

#include <cctype>

#include <nlohmann/json.hpp>

#include "store/rows.h"

namespace dyad::store {

const char* ReviewStateName(ReviewState state) {
  switch (state) {
    case ReviewState::kConfirmed: return "confirmed";
    case ReviewState::kRejected: return "rejected";
    case ReviewState::kCorrected: return "corrected";
    case ReviewState::kNone: break;
  }
  return "";
}

ReviewState ParseReviewState(std::string_view name) {
  if (name == "confirmed") return ReviewState::kConfirmed;
  if (name == "rejected") return ReviewState::kRejected;
  if (name == "corrected") return ReviewState::kCorrected;
  return ReviewState::kNone;
}

Status CompleteCorrection(const write::CameoTable& cameo, Review* review) {
  if (review->event_code.empty()) return Status::Ok();
  const write::CameoCode* code = cameo.FindExact(review->event_code);
  if (code == nullptr) return Status::Error("code: '" + review->event_code + "' is not a CAMEO code");
  review->root_code = write::CameoTable::RootCode(code->code);
  review->quad_class = code->quad_class;
  review->goldstein = code->goldstein;
  review->plover = code->plover;
  return Status::Ok();
}

void Store::ApplyCorrection(StoredEvent* stored) {
  const Review& v = stored->review;
  if (v.id == 0 || v.state != ReviewState::kCorrected) return;
  Event& e = stored->event;
  e.source = v.source;
  e.target = v.target;
  e.event_code = v.event_code;
  e.root_code = v.root_code;
  e.quad_class = v.quad_class;
  e.goldstein = v.goldstein;
  e.plover = v.plover;
}

Status CheckReview(const Review& review) {
  if (review.reviewer.empty()) return Status::Error("review: who reviewed it? (no reviewer)");
  if (review.state == ReviewState::kNone)
    return Status::Error("review: state must be confirmed, rejected or corrected");
  return Status::Ok();
}

Status ReviewOfEvent(const StoredEvent& event, const Review& review, Review* out) {
  if (auto s = CheckReview(review); !s.ok()) return s;
  const Event& e = event.event;
  Review v = review;
  v.id = 0;
  v.event_id = event.id;
  v.machine_source = e.source;
  v.machine_target = e.target;
  v.machine_code = e.event_code;
  if (v.state == ReviewState::kCorrected) {
    // Actor codes in any case ("rusmil" is RUSMIL), letters and digits only.
    auto actor = [](const std::string& given, const std::string& machine, std::string* result) {
      if (given.empty()) {
        *result = machine;
        return true;
      }
      result->clear();
      if (given == "-") return true;
      for (char c : given) {
        if (!std::isalnum(static_cast<unsigned char>(c))) return false;
        result->push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
      }
      return true;
    };
    if (!actor(review.source, e.source, &v.source))
      return Status::Error("review: source: not an actor code: '" + review.source + "' (letters and digits, '-' for none)");
    if (!actor(review.target, e.target, &v.target))
      return Status::Error("review: target: not an actor code: '" + review.target + "' (letters and digits, '-' for none)");
    if (review.event_code.empty() || review.event_code == e.event_code) {
      v.event_code = e.event_code;
      v.root_code = e.root_code;
      v.quad_class = e.quad_class;
      v.goldstein = e.goldstein;
      v.plover = e.plover;
    } else if (review.root_code.empty()) {
      return Status::Error("review: code " + review.event_code + " comes without its CAMEO values");
    }
    if (v.source == e.source && v.target == e.target && v.event_code == e.event_code)
      return Status::Error("review: the correction changes nothing (give a source, target or code that differs, or confirm it)");
  } else {
    v.source = e.source;
    v.target = e.target;
    v.event_code = e.event_code;
    v.root_code = e.root_code;
    v.quad_class = e.quad_class;
    v.goldstein = e.goldstein;
    v.plover = e.plover;
  }
  v.at = NowIso();
  *out = std::move(v);
  return Status::Ok();
}

std::string ReviewAuditParameters(const Review& v, int64_t document_id) {
  nlohmann::json params = {{"review", v.id},       {"event", v.event_id},
                           {"document", document_id}, {"reviewer", v.reviewer},
                           {"state", ReviewStateName(v.state)}, {"note", v.note},
                           {"machine", {{"source", v.machine_source}, {"target", v.machine_target}, {"code", v.machine_code}}}};
  if (v.state == ReviewState::kCorrected)
    params["corrected"] = {{"source", v.source}, {"target", v.target}, {"code", v.event_code}};
  return params.dump();
}

}  // namespace dyad::store
