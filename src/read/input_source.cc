#include "read/input_source.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

namespace dyad::read {

Status InputSource::Open(const std::string& path, std::unique_ptr<InputSource>* out) {
  if (path == "-") {
    out->reset(new InputSource(stdin, false, "stdin"));
    return Status::Ok();
  }
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT || errno == ENOTDIR) return Status::Error("no such file").WithKind("no such file").At(path);
    return Status::Error(std::string("cannot open: ") + std::strerror(errno)).WithKind("unreadable").At(path);
  }
  if (S_ISDIR(st.st_mode)) return Status::Error("is a directory").WithKind("a directory").At(path);
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr)
    return Status::Error(std::string("cannot open: ") + std::strerror(errno)).WithKind("unreadable").At(path);
  out->reset(new InputSource(f, true, path));
  return Status::Ok();
}

InputSource::InputSource(std::FILE* file, bool owned, std::string name)
    : file_(file), owned_(owned), name_(std::move(name)), buffer_(kBufferBytes) {
  setg(buffer_.data(), buffer_.data(), buffer_.data());
}

InputSource::~InputSource() {
  if (owned_ && file_ != nullptr) std::fclose(file_);
}

bool InputSource::Fill() {
  if (gptr() < egptr()) return true;
  if (eof_) return false;
  consumed_before_buffer_ += static_cast<uint64_t>(egptr() - eback());
  size_t got = std::fread(buffer_.data(), 1, buffer_.size(), file_);
  if (got < buffer_.size()) {
    if (std::ferror(file_)) read_error_ = true;
    if (got == 0) eof_ = true;
  }
  setg(buffer_.data(), buffer_.data(), buffer_.data() + got);
  return got > 0;
}

std::string_view InputSource::Head() {
  // Top the buffer up to kBufferBytes (short reads happen on pipes).
  size_t have = static_cast<size_t>(egptr() - gptr());
  if (gptr() != eback()) return std::string_view(gptr(), have);  // already reading
  while (have < buffer_.size() && !eof_) {
    size_t got = std::fread(buffer_.data() + have, 1, buffer_.size() - have, file_);
    if (got == 0) {
      if (std::ferror(file_)) read_error_ = true;
      eof_ = true;
      break;
    }
    have += got;
  }
  setg(buffer_.data(), buffer_.data(), buffer_.data() + have);
  return std::string_view(buffer_.data(), have);
}

InputSource::int_type InputSource::underflow() {
  if (!Fill()) return traits_type::eof();
  return traits_type::to_int_type(*gptr());
}

bool InputSource::ReadLine(std::string* line, size_t max, bool* too_long, bool* newline) {
  line->clear();
  *too_long = false;
  *newline = false;
  bool any = false;
  while (Fill()) {
    any = true;
    char* begin = gptr();
    size_t avail = static_cast<size_t>(egptr() - begin);
    const char* nl = static_cast<const char*>(std::memchr(begin, '\n', avail));
    size_t take = nl ? static_cast<size_t>(nl - begin) : avail;
    size_t room = max > line->size() ? max - line->size() : 0;
    if (take > room) *too_long = true;
    line->append(begin, std::min(take, room));
    gbump(static_cast<int>(nl ? take + 1 : take));
    if (nl) {
      *newline = true;
      return true;
    }
  }
  return any;
}

void InputSource::ReadAll(std::string* out, size_t max, bool* too_long) {
  out->clear();
  *too_long = false;
  while (Fill()) {
    size_t avail = static_cast<size_t>(egptr() - gptr());
    size_t room = max > out->size() ? max - out->size() : 0;
    if (avail > room) *too_long = true;
    out->append(gptr(), std::min(avail, room));
    gbump(static_cast<int>(avail));
  }
}

uint64_t InputSource::offset() const {
  return consumed_before_buffer_ + static_cast<uint64_t>(gptr() - eback());
}

}  // namespace dyad::read
