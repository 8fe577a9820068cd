// The dictionary loaders as the engine reads them: the first input byte picks
// the file (TABARI .verbs/.actors/.agents/.options, PETRARCH verbs, Phoenix
// actors/agents, dyad .coref), the rest is its content. It is loaded beside a
// small fixed set of the other kinds, then a few sentences are coded with it.
// Invariants: loading never fails on content (only strict mode does, with one
// line), every warning is one printable line naming the file, coding never crashes.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "code/coder.h"
#include "dict/dictionary.h"
#include "fuzz_util.h"
#include "normalize/normalize.h"

namespace {

struct Kind {
  const char* file;       // the name decides kind and mode, as for the engine
  bool needs_actors, needs_agents, needs_verbs;
};
constexpr Kind kKinds[] = {
    {"fuzz.verbs", true, true, false},        {"fuzz.actors", false, true, true},
    {"fuzz.agents", true, false, true},       {"fuzz.options", true, true, true},
    {"fuzz_verbs.txt", true, true, false},    {"phoenix_actors.txt", false, true, true},
    {"phoenix_agents.txt", true, false, true}, {"fuzz.coref", true, true, true},
};

// Written for this harness (our own names and codes).
constexpr char kActors[] = "GONDOR [GON]\nMORDOR [MOR]\nROHAN [ROH]\n+RIDERS_OF_ROHAN\nARNOR [ARN <950101] [ARX]\n";
constexpr char kAgents[] = "SOLDIERS [~MIL]\nGOVERNMENT_ [~GOV]\nPOLICE [~COP]\n";
constexpr char kVerbs[] =
    "ATTACK [190]\n- * WITH TANKS [193]\n- $ * + NEAR [195]\nCONDEMN [122]\nMEET [031:031]\n"
    "SAID [023?]\n- $ * REGRET [113]\nCALL [---]\n- * FOR { SANCTIONS | TALKS } [172]\n";

const char* kSentences[] = {
    "Gondor attacked Mordor with tanks on Monday.",
    "Soldiers of Rohan attacked the government of Mordor near Arnor.",
    "The police of Gondor condemned Rohan, which said it regretted the attack.",
    "GONDOR MET ROHAN AND CALLED FOR SANCTIONS AGAINST MORDOR.",
    "Mordor said that he would meet them.",
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const Kind& kind = kKinds[data[0] % (sizeof kKinds / sizeof kKinds[0])];
  const std::string path = dyad::fuzz::WriteScratch(kind.file, {reinterpret_cast<const char*>(data) + 1, size - 1});
  dyad::dict::LoadOptions options;
  if (kind.needs_actors) options.paths.push_back(dyad::fuzz::WriteScratch("fixed.actors", kActors));
  if (kind.needs_agents) options.paths.push_back(dyad::fuzz::WriteScratch("fixed.agents", kAgents));
  if (kind.needs_verbs) options.paths.push_back(dyad::fuzz::WriteScratch("fixed.verbs", kVerbs));
  options.paths.push_back(path);

  std::shared_ptr<const dyad::dict::DictionarySet> dicts;
  dyad::Status loaded = dyad::dict::DictionarySet::Load(options, &dicts);
  FUZZ_CHECK(loaded.ok());
  for (const std::string& w : dicts->warnings()) {
    FUZZ_CHECK_TEXT(dyad::fuzz::OneLine(w), w);
    FUZZ_CHECK(w.rfind(dyad::fuzz::ScratchDir().string(), 0) == 0);
    FUZZ_CHECK_TEXT(dyad::fuzz::NoControlBytes(w), w);
    FUZZ_CHECK(dyad::normalize::FindInvalidUtf8(w) == std::string_view::npos);
  }
  options.strict = true;
  std::shared_ptr<const dyad::dict::DictionarySet> strict;
  dyad::Status strict_loaded = dyad::dict::DictionarySet::Load(options, &strict);
  FUZZ_CHECK(strict_loaded.ok() == dicts->warnings().empty());
  if (!strict_loaded.ok()) FUZZ_CHECK(strict_loaded.message() == dicts->warnings().front());

  const dyad::code::Coder coder(dicts);
  for (const std::string& w : coder.coref_warnings()) {
    FUZZ_CHECK_TEXT(dyad::fuzz::OneLine(w), w);
    FUZZ_CHECK_TEXT(dyad::fuzz::NoControlBytes(w), w);
  }
  dyad::code::Discourse discourse(coder.coref());
  for (const char* sentence : kSentences) {
    dyad::code::CodeResult result = coder.CodeInDocument(sentence, dyad::Date{1995, 1, 5}, &discourse);
    for (const auto& e : result.events) {
      FUZZ_CHECK(e.verb_span.empty() || (e.verb_span.begin >= 0 &&
                                         static_cast<size_t>(e.verb_span.end) <= std::string_view(sentence).size()));
    }
  }
  return 0;
}
