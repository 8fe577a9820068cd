// Status: the outcome of an operation that can fail on bad input.
//
// dyad never throws across its public API and never prints. A failed operation
// returns a Status whose message is one line naming what was wrong and where:
// "data/dict/verbs.txt:412: pattern has no '*': '- + AT GUNPOINT [181]'".
// Its code says whose the failure is, so that callers decide by code, never by
// reading the message (as abseil and LevelDB do): the server maps codes to HTTP
// statuses (server/api.cc, HttpStatusOf) and the CLI to exit statuses
// (tools/dyad, ExitCodeOf), each in one place.
//
// Thread safety: a Status is a value; copies are independent.
#ifndef DYAD_STATUS_H_
#define DYAD_STATUS_H_

#include <string>
#include <utility>

namespace dyad {

enum class StatusCode {
  kOk,
  kInvalidArgument,    // the caller's input is wrong (a bad date, a malformed query or file)
  kNotFound,           // what was asked for does not exist (an event id, a state, a conflict)
  kCorruption,         // dyad's own data (a shipped data file, the database) is unreadable
  kIOError,            // reading or writing failed (disk full, permission, missing file)
  kResourceExhausted,  // a limit was reached (too large, nested too deeply, too many terms)
  kDeadlineExceeded,   // a time limit stopped it
  kUnavailable,        // busy now (a database locked by another writer); try again later
  kInternal,           // a bug: something that should not happen
};

const char* StatusCodeName(StatusCode code);  // "invalid argument", "not found", ...

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  static Status Ok() { return Status(); }
  // A failure on bad input (kInvalidArgument): what most of dyad's failures are.
  static Status Error(std::string message) { return Status(StatusCode::kInvalidArgument, std::move(message)); }
  static Status InvalidArgument(std::string m) { return Status(StatusCode::kInvalidArgument, std::move(m)); }
  static Status NotFound(std::string m) { return Status(StatusCode::kNotFound, std::move(m)); }
  static Status Corruption(std::string m) { return Status(StatusCode::kCorruption, std::move(m)); }
  static Status IOError(std::string m) { return Status(StatusCode::kIOError, std::move(m)); }
  static Status ResourceExhausted(std::string m) { return Status(StatusCode::kResourceExhausted, std::move(m)); }
  static Status DeadlineExceeded(std::string m) { return Status(StatusCode::kDeadlineExceeded, std::move(m)); }
  static Status Unavailable(std::string m) { return Status(StatusCode::kUnavailable, std::move(m)); }
  static Status Internal(std::string m) { return Status(StatusCode::kInternal, std::move(m)); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // The same failure with a prefix before its message ("ingest: " + ...), code kept.
  Status Prefixed(const std::string& prefix) const { return ok() ? *this : Status(code_, prefix + message_); }

 private:
  Status(StatusCode code, std::string message) : message_(std::move(message)), code_(code) {}
  std::string message_;
  StatusCode code_ = StatusCode::kOk;
};

}  // namespace dyad

#endif  // DYAD_STATUS_H_
