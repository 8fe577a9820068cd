// What the conflict and rules harnesses classify: events coded by the real
// engine from our own sentences, the bundled rules and conflict, and a subject.
#ifndef DYAD_TESTS_FUZZ_ROLE_FIXTURE_H_
#define DYAD_TESTS_FUZZ_ROLE_FIXTURE_H_

#include <memory>
#include <string>
#include <vector>

#include "analyze/classify.h"
#include "analyze/model.h"
#include "dyad/engine.h"
#include "fuzz_util.h"

namespace dyad::fuzz {

struct RoleFixture {
  std::vector<Event> events;
  analyze::RuleSet rules;       // data/rules/involvement.toml
  analyze::Conflict conflict;   // data/conflicts/russia-ukraine.toml
};

inline const RoleFixture& GetRoleFixture() {
  static const RoleFixture fixture = [] {
    RoleFixture f;
    std::unique_ptr<Engine> engine;
    FUZZ_CHECK(Engine::Create(EngineOptions{}, &engine).ok());
    Document doc;
    doc.id = "fuzz-role";
    doc.date = *Date::Parse("2024-03-04");
    doc.text =
        "Belarus hosted Russian troops near the Ukrainian border on Monday. "
        "Ukraine accused Belarus of helping Russia. Russian missiles were launched from Belarusian territory. "
        "Belarus denied sending troops to Ukraine. Lithuania strongly condemned Belarus on Tuesday. "
        "Minsk supplied fuel and ammunition to the Russian army, Kyiv said.";
    FUZZ_CHECK(engine->Code(doc, &f.events).ok());
    FUZZ_CHECK(!f.events.empty());
    FUZZ_CHECK(analyze::LoadRules(std::string(DYAD_DATA_DIR) + "/rules/involvement.toml", &f.rules).ok());
    FUZZ_CHECK(analyze::LoadConflict(std::string(DYAD_DATA_DIR) + "/conflicts/russia-ukraine.toml", &f.conflict).ok());
    return f;
  }();
  return fixture;
}

// Subject lookup and classification of every fixture event: must not crash.
inline void ClassifyAll(const analyze::Conflict& conflict, const analyze::RuleSet& rules) {
  const RoleFixture& f = GetRoleFixture();
  for (const char* state : {"BLR", "Belarus", "the United States"}) {
    analyze::Subject x;
    Status s = analyze::LookupSubject(state, std::string(DYAD_DATA_DIR) + "/countries.tsv", rules, &x);
    if (!s.ok()) {
      FUZZ_CHECK(OneLine(s.message()));
      continue;
    }
    for (const Event& e : f.events) {
      for (const analyze::Match& m : analyze::Classify(e, x, conflict, rules)) {
        FUZZ_CHECK(m.rule != nullptr && rules.FindCategory(m.category) != nullptr);
      }
    }
  }
}

}  // namespace dyad::fuzz

#endif  // DYAD_TESTS_FUZZ_ROLE_FIXTURE_H_
