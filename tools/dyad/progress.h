// Progress: a one-line progress display on stderr for long jobs, shown only when
// stderr is a terminal (quiet when piped). Rate-limited to ~10 redraws a second.
#ifndef DYAD_TOOLS_PROGRESS_H_
#define DYAD_TOOLS_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <string>

namespace dyad::cli {

class Progress {
 public:
  // total == 0: unknown (no ETA shown).
  Progress(std::string label, bool enabled, uint64_t total = 0);
  void Add(uint64_t documents, uint64_t events = 0);
  // Clears the line. Safe to call more than once.
  void Finish();

 private:
  void Draw(bool force);
  std::string label_;
  bool enabled_;
  uint64_t total_;
  uint64_t documents_ = 0, events_ = 0;
  std::chrono::steady_clock::time_point start_, last_draw_;
  bool drawn_ = false;
};

}  // namespace dyad::cli

#endif  // DYAD_TOOLS_PROGRESS_H_
