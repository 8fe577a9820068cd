// Status: the outcome of an operation that can fail on bad input.
//
// dyad never throws across its public API and never prints. A failed operation
// returns a Status whose message is one line naming what was wrong and where:
// "data/dict/verbs.txt:412: pattern has no '*': '- + AT GUNPOINT [181]'".
#ifndef DYAD_STATUS_H_
#define DYAD_STATUS_H_

#include <string>
#include <utility>

namespace dyad {

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  static Status Ok() { return Status(); }
  static Status Error(std::string message) { return Status(std::move(message), true); }

  bool ok() const { return !failed_; }
  const std::string& message() const { return message_; }

 private:
  Status(std::string message, bool failed) : message_(std::move(message)), failed_(failed) {}
  std::string message_;
  bool failed_ = false;
};

}  // namespace dyad

#endif  // DYAD_STATUS_H_
