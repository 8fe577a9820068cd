#include "analyze/role_inputs.h"

namespace dyad::analyze {

Status LoadRoleInputs(const RoleInputPaths& paths, const std::string& state,
                      const std::string& conflict_id, RoleInputs* out) {
  const std::string rules = paths.rules.empty() ? paths.data_dir + "/rules/involvement.toml" : paths.rules;
  const std::string conflicts = paths.conflicts_dir.empty() ? paths.data_dir + "/conflicts" : paths.conflicts_dir;
  if (Status s = LoadRules(rules, &out->rules); !s.ok()) return s;
  if (Status s = FindConflict(conflicts, conflict_id, &out->conflict); !s.ok()) return s;
  return LookupSubject(state, paths.data_dir + "/gazetteer/countries.tsv", out->rules, &out->subject);
}

}  // namespace dyad::analyze
