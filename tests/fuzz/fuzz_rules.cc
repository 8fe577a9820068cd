// The involvement rules (data/rules/involvement.toml, docs/role-report.md) as
// the role report loads them: errors are one line naming the file; rules that
// load look up subjects and classify the fixture's events without crashing.
#include <cstdint>
#include <string>

#include "analyze/model.h"
#include "fuzz_util.h"
#include "role_fixture.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const dyad::fuzz::RoleFixture& fixture = dyad::fuzz::GetRoleFixture();
  const std::string path = dyad::fuzz::WriteScratch("rules.toml", {reinterpret_cast<const char*>(data), size});
  dyad::analyze::RuleSet rules;
  dyad::Status s = dyad::analyze::LoadRules(path, &rules);
  if (!s.ok()) {
    FUZZ_CHECK_TEXT(dyad::fuzz::OneLine(s.message()), s.message());
    FUZZ_CHECK(s.message().find("rules.toml") != std::string::npos);
    return 0;
  }
  for (const dyad::analyze::Rule& rule : rules.rules) FUZZ_CHECK(rules.FindCategory(rule.category) != nullptr);
  dyad::fuzz::ClassifyAll(fixture.conflict, rules);
  return 0;
}
