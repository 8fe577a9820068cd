#include "dyad/status.h"

namespace dyad {

const char* StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidArgument: return "invalid argument";
    case StatusCode::kNotFound: return "not found";
    case StatusCode::kCorruption: return "corruption";
    case StatusCode::kIOError: return "I/O error";
    case StatusCode::kResourceExhausted: return "resource exhausted";
    case StatusCode::kDeadlineExceeded: return "deadline exceeded";
    case StatusCode::kUnavailable: return "unavailable";
    case StatusCode::kAborted: return "aborted";
    case StatusCode::kInternal: return "internal error";
  }
  return "unknown";
}

Status Status::Prefixed(const std::string& prefix) const {
  if (ok()) return *this;
  Status s(code_, prefix + message_);
  s.kind_ = kind_;
  return s;
}

Status Status::At(const std::string& where) const {
  if (ok()) return *this;
  Status s = *this;
  s.message_ = where + ": " + message_;
  s.where_ = where_.empty() ? where : where + ": " + where_;
  return s;
}

Status Status::WithKind(std::string kind) const {
  if (ok()) return *this;
  Status s = *this;
  s.kind_ = std::move(kind);
  return s;
}

std::string Status::what() const { return where_.empty() ? message_ : message_.substr(where_.size() + 2); }

}  // namespace dyad
