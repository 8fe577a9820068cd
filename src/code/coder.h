// The TABARI-compatible event coder: one sentence in, CAMEO events out.
//
// CONTRACT (the engine, the enrich stage and `dyad validate` rely on these names;
// the implementation may add members but keeps these):
//   - A Coder is immutable after construction and shares its compiled
//     dictionaries; Code() and FindActors() are safe to call from many threads.
//   - Spans are BYTE offsets into the sentence string passed in.
//   - Code() never throws and never prints; problems (no events, discard,
//     complex, too few words) come back in CodeResult::problem, in TABARI's words.
#ifndef DYAD_CODE_CODER_H_
#define DYAD_CODE_CODER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/date.h"
#include "dyad/event.h"

namespace dyad::dict {
class DictionarySet;
}

namespace dyad::code {

struct ByteSpan {
  int32_t begin = -1;
  int32_t end = -1;
  bool empty() const { return begin < 0 || end <= begin; }
};

struct CodedEvent {
  std::string source;       // actor code ("" when absent)
  std::string target;
  std::string code;         // CAMEO event code as coded ("190", "0874")
  std::string source_text;  // the words that named the source
  std::string target_text;
  std::string verb_text;
  ByteSpan source_span, target_span, verb_span;
  PatternRef pattern;       // the verb root or pattern line that produced the code
  Date date;                // record date after any <TIME> shift
};

struct CodeResult {
  std::vector<CodedEvent> events;
  std::string problem;      // "" when events were coded; else TABARI's reason
};

// An actor phrase found in a sentence (with agent composition applied).
struct ActorMention {
  std::string code;
  std::string text;
  ByteSpan span;
};

}  // namespace dyad::code

#endif  // DYAD_CODE_CODER_H_
