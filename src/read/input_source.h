// InputSource: a buffered byte stream over a file or stdin that can show its
// first bytes before they are consumed (for format detection), read bounded
// lines, and serve as a std::streambuf (for readers taking std::istream).
//
// Memory: one 64 KiB buffer plus what the caller asks for. Thread-compatible.
#ifndef DYAD_READ_INPUT_SOURCE_H_
#define DYAD_READ_INPUT_SOURCE_H_

#include <cstdint>
#include <cstdio>
#include <memory>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"

namespace dyad::read {

class InputSource : public std::streambuf {
 public:
  static constexpr size_t kBufferBytes = 64 * 1024;

  // path "-" = stdin. Errors: "name: no such file", "name: is a directory",
  // "name: cannot open: <reason>", where name is the path or "stdin".
  static Status Open(const std::string& path, std::unique_ptr<InputSource>* out);
  ~InputSource() override;
  InputSource(const InputSource&) = delete;
  InputSource& operator=(const InputSource&) = delete;

  const std::string& name() const { return name_; }

  // Up to kBufferBytes of the input, not consumed. Call before any read.
  std::string_view Head();

  // Reads one line (without '\n'; a '\r' is kept). Returns false at the end of
  // the input when nothing was read. A line longer than `max` keeps its first
  // `max` bytes, the rest is consumed and *too_long is set. *newline tells
  // whether the line ended with '\n' (false for the last line of a file).
  bool ReadLine(std::string* line, size_t max, bool* too_long, bool* newline);

  // Reads the rest of the input, at most `max` bytes (*too_long set and the
  // rest consumed when there is more).
  void ReadAll(std::string* out, size_t max, bool* too_long);

  // Bytes consumed so far.
  uint64_t offset() const;
  bool read_error() const { return read_error_; }

 protected:
  int_type underflow() override;

 private:
  InputSource(std::FILE* file, bool owned, std::string name);
  bool Fill();  // refills the buffer when empty; false at EOF/error

  std::FILE* file_;
  bool owned_;
  std::string name_;
  std::vector<char> buffer_;
  uint64_t consumed_before_buffer_ = 0;
  bool read_error_ = false;
  bool eof_ = false;
};

}  // namespace dyad::read

#endif  // DYAD_READ_INPUT_SOURCE_H_
