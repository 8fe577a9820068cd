#include "progress.h"

#include <cstdio>

namespace dyad::cli {

Progress::Progress(std::string label, bool enabled, uint64_t total)
    : label_(std::move(label)), enabled_(enabled), total_(total),
      start_(std::chrono::steady_clock::now()), last_draw_(start_) {}

void Progress::Add(uint64_t documents, uint64_t events) {
  documents_ += documents;
  events_ += events;
  Draw(false);
}

void Progress::Draw(bool force) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (!force && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  double seconds = std::chrono::duration<double>(now - start_).count();
  double rate = seconds > 0 ? documents_ / seconds : 0;
  char eta[64] = "";
  if (total_ && rate > 0 && documents_ <= total_) {
    std::snprintf(eta, sizeof eta, ", ETA %.0fs", (total_ - documents_) / rate);
  }
  char of_total[32] = "";
  if (total_) std::snprintf(of_total, sizeof of_total, "/%llu", static_cast<unsigned long long>(total_));
  std::fprintf(stderr, "\r\033[K%s: %llu%s documents, %llu events, %.0f docs/s%s", label_.c_str(),
               static_cast<unsigned long long>(documents_), of_total,
               static_cast<unsigned long long>(events_), rate, eta);
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::Finish() {
  if (enabled_ && drawn_) {
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
  }
  drawn_ = false;
}

}  // namespace dyad::cli
