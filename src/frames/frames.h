// Event frames: constructions that TABARI-style verb coding misses, read from a data
// file (data/frames/frames.tsv, format in docs/frames.md). A frame is a short pattern of
// literal words and actor slots, e.g. "deployment of {S} in|to {T}" -> 154; its first
// literal word is the trigger (the event's verb_text). Slots are filled with the coder's
// actor finder (code::Coder::FindActors), so frame events carry the same actor codes,
// spans and provenance (pattern = file, line, text) as coder events.
//
// CONTRACT:
//   - A FrameSet is immutable after Load/Parse; Extend() is const and thread-safe.
//   - Extend() never duplicates the coder: a frame whose trigger overlaps the verb span of
//     an event already in `events`, or that would repeat an existing source/target/code,
//     adds nothing. At most one frame event per trigger word (first matching line wins).
//   - Spans are byte offsets into the sentence, as for code::CodedEvent.
//   - Load/Parse fail with "file:line: what: 'entry'" on a malformed line; never throw.
#ifndef DYAD_FRAMES_FRAMES_H_
#define DYAD_FRAMES_FRAMES_H_

#include <bitset>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "code/coder.h"
#include "common/words.h"
#include "dyad/date.h"
#include "dyad/status.h"

namespace dyad::frames {

// One element of a frame pattern.
struct Element {
  enum class Kind { kWord, kSlot, kGap };
  Kind kind = Kind::kWord;
  std::vector<std::string> words;  // kWord: lower-case alternatives; "deploy*" = prefix
  char role = 0;                   // kSlot: 'S' (source) or 'T' (target)
  bool optional = false;           // kSlot: "{S?}" / "{T?}"
};

struct Frame {
  std::string code;               // CAMEO code the frame assigns
  std::vector<Element> elements;  // at most one leading slot, then the trigger word
  PatternRef pattern;             // file, 1-based line, line text
  bool has_source_slot = true;    // false: {T} alone, an act whose actor is not named (no source)
};

class FrameSet {
 public:
  // Reads a frames file. `*out` is replaced only on success.
  static Status Load(const std::string& path, FrameSet* out);
  // Parses frames text; `file` names it in errors and in PatternRef::file.
  static Status Parse(std::string_view content, const std::string& file, FrameSet* out);

  // Adds the frame events found in `sentence` (dated `date`) to `events`, which holds the
  // coder's events for the same sentence (see CONTRACT for what is not added).
  void Extend(std::string_view sentence, Date date, const code::Coder& coder,
              std::vector<code::CodedEvent>* events) const;

  // The same with the actor mentions already found (for tests and callers that have them).
  void ExtendWithActors(std::string_view sentence, Date date,
                        const std::vector<code::ActorMention>& actors,
                        std::vector<code::CodedEvent>* events) const;

  size_t size() const { return frames_.size(); }
  const std::vector<Frame>& frames() const { return frames_; }

 private:
  // The frames whose trigger matches `word`, in file order (first matching line wins).
  void Triggered(std::string_view word, std::vector<uint32_t>* out) const;
  void IndexTriggers();

  std::vector<Frame> frames_;
  // Trigger words to frame indices (built by Parse): a sentence is looked up word by word, not
  // frame by frame.
  // (Looked up by a word's view, without building a std::string key.)
  struct WordHash {
    using is_transparent = void;
    size_t operator()(std::string_view w) const { return std::hash<std::string_view>{}(w); }
  };
  std::unordered_map<std::string, std::vector<uint32_t>, WordHash, std::equal_to<>> by_trigger_;
  std::vector<std::pair<std::string, uint32_t>> prefix_triggers_;  // "deploy*": prefix, frame
  // Most words trigger nothing: they are turned away by two bit tests before any hash or
  // prefix comparison. A slot of (length, first two and last two bytes) for every trigger word,
  // and the first two bytes of every trigger prefix (the first byte of a one-byte prefix).
  static size_t TriggerSlot(std::string_view w) { return WordShapeHash(w) % kTriggerSlots; }
  static size_t PairOf(std::string_view w) {
    return static_cast<size_t>(static_cast<unsigned char>(w[0])) << 8 | static_cast<unsigned char>(w[1]);
  }
  // False when no trigger can match `word` (Triggered would find nothing): the bit tests alone,
  // in line, asked of every word of every sentence. (65536 slots: with 4096, one word in four of
  // a sentence passed on to the hash.)
  bool MayTrigger(std::string_view word) const {
    return empty_prefix_ || trigger_slots_[TriggerSlot(word)] ||
           (!word.empty() && prefix_first_bytes_[static_cast<unsigned char>(word[0])]) ||
           (word.size() >= 2 && prefix_pairs_[PairOf(word)]);
  }
  static constexpr size_t kTriggerSlots = size_t{1} << 16;
  std::bitset<kTriggerSlots> trigger_slots_;
  std::bitset<256> prefix_first_bytes_;
  std::bitset<65536> prefix_pairs_;
  bool empty_prefix_ = false;  // a bare "*" trigger: every word may match
};

}  // namespace dyad::frames

#endif  // DYAD_FRAMES_FRAMES_H_
