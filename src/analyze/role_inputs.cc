#include "analyze/role_inputs.h"

namespace dyad::analyze {

Status LoadRoleInputs(const RoleInputPaths& paths, const std::string& state,
                      const std::string& conflict_id, RoleInputs* out) {
  const std::string rules = paths.rules.empty() ? paths.data_dir + "/rules/involvement.toml" : paths.rules;
  const std::string conflicts = paths.conflicts_dir.empty() ? paths.data_dir + "/conflicts" : paths.conflicts_dir;
  // A rules or conflict file that does not load is the data's fault (kCorruption), whoever asked;
  // an unknown conflict or state is the caller's (kInvalidArgument).
  if (Status s = LoadRules(rules, &out->rules); !s.ok()) return Status::Corruption(s.message());
  if (Status s = FindConflict(conflicts, conflict_id, &out->conflict); !s.ok()) return s;
  // Instruments name categories by key: a typo must not hide an instrument.
  for (const ConflictInstrument& ci : out->conflict.instruments) {
    for (const std::string& key : ci.categories) {
      bool known = false;
      for (const Category& c : out->rules.categories) known = known || c.key == key;
      if (!known)
        return Status::Corruption(out->conflict.file + ":" + std::to_string(ci.line) + ": [[instruments]] '" +
                             ci.test.instrument + "': unknown category '" + key + "' (not in " + rules + ")");
    }
  }
  return LookupSubject(state, paths.data_dir + "/countries.tsv", out->rules, &out->subject);
}

}  // namespace dyad::analyze
