// A conflict file (data/conflicts/*.toml, docs/role-report.md) as `dyad role`
// and `dyad serve` load it: errors are one line naming the file; a conflict that
// loads has its id and parties and classifies the fixture's events without crashing.
#include <cstdint>
#include <string>
#include <vector>

#include "analyze/model.h"
#include "fuzz_util.h"
#include "role_fixture.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const dyad::fuzz::RoleFixture& fixture = dyad::fuzz::GetRoleFixture();
  const std::string path = dyad::fuzz::WriteScratch("conflicts/fuzz.toml", {reinterpret_cast<const char*>(data), size});
  dyad::analyze::Conflict conflict;
  dyad::Status s = dyad::analyze::LoadConflict(path, &conflict);
  std::vector<dyad::analyze::Conflict> listed;
  std::vector<std::pair<std::string, std::string>> failed;
  FUZZ_CHECK(dyad::analyze::ListConflicts((dyad::fuzz::ScratchDir() / "conflicts").string(), &listed, &failed).ok());
  FUZZ_CHECK(listed.size() + failed.size() == 1);
  if (!s.ok()) {
    FUZZ_CHECK_TEXT(dyad::fuzz::OneLine(s.message()), s.message());
    FUZZ_CHECK(s.message().find("fuzz.toml") != std::string::npos);
    FUZZ_CHECK(failed.size() == 1 && failed[0].second == s.message());
    return 0;
  }
  FUZZ_CHECK(!conflict.id.empty());
  FUZZ_CHECK(!conflict.aggressor.empty() && !conflict.victim.empty());
  dyad::fuzz::ClassifyAll(conflict, fixture.rules);
  return 0;
}
