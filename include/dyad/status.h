// Status: the outcome of an operation that can fail on bad input.
//
// dyad never throws across its public API and never prints. A failed operation
// returns a Status whose message is one line naming what was wrong and where:
// "data/dict/verbs.txt:412: pattern has no '*': '- + AT GUNPOINT [181]'".
// Its code says whose the failure is, so that callers decide by code, never by
// reading the message (as abseil and LevelDB do): the server maps codes to HTTP
// statuses (server/api.cc, HttpStatusOf) and the CLI to exit statuses
// (tools/dyad, ExitCodeOf), each in one place. A failure may also carry its place
// (At, where, what) and a short kind (WithKind), for callers that store or count
// failures (dyad ingest). StatusOr<T> (below) is a value or the failure instead.
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
  kAborted,            // a conflict with a concurrent transaction (a deadlock, a serialization
                       // failure): nothing of it was kept; running the same transaction again may succeed
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
  static Status Aborted(std::string m) { return Status(StatusCode::kAborted, std::move(m)); }
  static Status Internal(std::string m) { return Status(StatusCode::kInternal, std::move(m)); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // The same failure with a prefix before its message ("ingest: " + ...), code and kind kept
  // (a prefix is no place: where() is then "").
  Status Prefixed(const std::string& prefix) const;

  // The same failure found at `where` ("feed.jsonl:12", a path): the message becomes
  // "WHERE: message", and where() and what() give the two parts, so a caller that keeps the
  // place and the reason apart (dyad ingest's failures table) never splits the message. A
  // second At() puts its place in front ("feed.xml: item 3: ..."). Code and kind are kept.
  Status At(const std::string& where) const;
  // The same failure with a short name of its kind ("invalid JSON", "document too large"), for
  // counting failures by kind (dyad ingest's summary) without reading their messages.
  Status WithKind(std::string kind) const;
  const std::string& where() const { return where_; }  // "" unless At() was called
  std::string what() const;                              // the message without "WHERE: "
  const std::string& kind() const { return kind_; }      // "" unless WithKind() was called

 private:
  Status(StatusCode code, std::string message) : message_(std::move(message)), code_(code) {}
  std::string message_;
  std::string where_;  // when set, message_ starts with where_ + ": "
  std::string kind_;
  StatusCode code_ = StatusCode::kOk;
};

// A value of type T, or the failure that prevented it (as abseil's absl::StatusOr):
//   StatusOr<int64_t> limit = IntParam(request, "limit");
//   if (!limit.ok()) return Fail(limit.status());
//   use(*limit);
// Built from a T or from a failed Status; an OK Status holds no value, so it is kept as
// kInternal (a bug of the caller). value() and * on a failure are undefined: test ok() first.
template <typename T>
class [[nodiscard]] StatusOr {
 public:
  StatusOr(const T& value) : value_(value), has_value_(true) {}        // NOLINT: implicit, as abseil's
  StatusOr(T&& value) : value_(std::move(value)), has_value_(true) {}  // NOLINT
  StatusOr(Status status)                                              // NOLINT
      : status_(status.ok() ? Status::Internal("StatusOr built from an OK status without a value")
                            : std::move(status)) {}

  bool ok() const { return has_value_; }
  const Status& status() const { return status_; }
  const T& value() const& { return value_; }
  T& value() & { return value_; }
  T&& value() && { return std::move(value_); }
  const T& operator*() const& { return value_; }
  T& operator*() & { return value_; }
  const T* operator->() const { return &value_; }
  T* operator->() { return &value_; }
  T value_or(T fallback) const { return has_value_ ? value_ : std::move(fallback); }

 private:
  Status status_;  // OK when has_value_
  T value_{};
  bool has_value_ = false;
};

}  // namespace dyad

#endif  // DYAD_STATUS_H_
