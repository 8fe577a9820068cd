// Everything a role report needs besides the events: the involvement rules, the
// conflict and the state under study, loaded from dyad's data files. Shared by
// `dyad role` and `dyad serve` so both accept the same arguments with the same errors.
#ifndef DYAD_ANALYZE_ROLE_INPUTS_H_
#define DYAD_ANALYZE_ROLE_INPUTS_H_

#include <string>

#include "analyze/classify.h"
#include "analyze/model.h"
#include "dyad/status.h"

namespace dyad::analyze {

struct RoleInputPaths {
  std::string data_dir;       // dyad's data directory (rules/, conflicts/, countries.tsv)
  std::string rules;          // "" = <data_dir>/rules/involvement.toml
  std::string conflicts_dir;  // "" = <data_dir>/conflicts
};

// Rules, conflict and subject. Not copyable: the classifier keeps pointers into `rules`.
struct RoleInputs {
  RuleSet rules;
  Conflict conflict;
  Subject subject;
  RoleInputs() = default;
  RoleInputs(const RoleInputs&) = delete;
  RoleInputs& operator=(const RoleInputs&) = delete;
};

// Loads the three for `state` (a 3-letter code or a name, see LookupSubject) in `conflict_id`
// (an id or alias, any case).
// Errors are the loaders' one-line messages (file:line for a rules syntax error,
// "unknown conflict ...", "unknown state ...").
Status LoadRoleInputs(const RoleInputPaths& paths, const std::string& state,
                      const std::string& conflict_id, RoleInputs* out);

}  // namespace dyad::analyze

#endif  // DYAD_ANALYZE_ROLE_INPUTS_H_
