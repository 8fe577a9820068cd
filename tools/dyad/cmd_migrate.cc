// dyad migrate --from SOURCE --to DESTINATION
//   Copies a whole evidence store between backends (an analyst's SQLite file into the team's
//   PostgreSQL database, or back), ids and all, in one transaction of the destination, then
//   compares every table's row count and SHA-256 on both sides. The destination must be empty.
// dyad migrate --to DATABASE
//   Upgrades the schema of DATABASE to this dyad's version, in place.
#include <cstdio>
#include <memory>

#include <nlohmann/json.hpp>

#include "command.h"
#include "store/copy.h"
#include "store/store.h"

namespace dyad::cli {
namespace {

struct MigrateFlags {
  std::string from, to;
  bool quiet = false;
};

int RunMigrate(const MigrateFlags& f) {
  const std::string to_name = store::RedactedLocation(f.to);
  if (f.from.empty()) {  // upgrade in place
    std::unique_ptr<store::Store> db;
    if (Status s = store::Store::Open(f.to, {}, &db); !s.ok()) return Fail(s, "migrate: ");
    store::Stats stats;
    if (Status s = db->GetStats(&stats); !s.ok()) return Fail(s, "migrate: ");
    std::fprintf(stderr, "migrate: %s is at schema version %d\n", to_name.c_str(), stats.schema_version);
    return 0;
  }
  const std::string from_name = store::RedactedLocation(f.from);
  if (!store::IsPostgresUrl(f.to) && f.to == f.from) return Fail("migrate: --from and --to are the same", 2);
  store::OpenOptions read_only;
  read_only.read_only = true;
  read_only.create = false;
  read_only.migrate = false;
  std::unique_ptr<store::Store> from, to;
  if (Status s = store::Store::Open(f.from, read_only, &from); !s.ok()) return Fail(s, "migrate: ");
  if (Status s = store::Store::Open(f.to, {}, &to); !s.ok()) return Fail(s, "migrate: ");

  std::string last_table;
  auto progress = [&](const std::string& table, int64_t rows) {
    if (f.quiet || !StderrIsTerminal()) return;
    std::fprintf(stderr, "\rmigrate: %s: %lld rows   ", table.c_str(), static_cast<long long>(rows));
    last_table = table;
  };
  if (Status s = store::CopyStore(from.get(), to.get(), progress); !s.ok()) return Fail(s, "migrate: ");
  if (!last_table.empty()) std::fprintf(stderr, "\n");

  std::vector<store::TableDigest> before, after;
  if (Status s = store::DigestStore(from.get(), &before); !s.ok()) return Fail(s, "migrate: ");
  if (Status s = store::DigestStore(to.get(), &after); !s.ok()) return Fail(s, "migrate: ");
  if (std::string diff = store::CompareDigests(before, after, from_name, to_name); !diff.empty())
    return Fail("migrate: " + diff);

  nlohmann::json counts = nlohmann::json::object();
  for (const auto& d : before) {
    counts[d.table] = d.rows;
    if (!f.quiet) {
      std::printf("%-14s %10lld rows  sha256 %s  same in both\n", d.table.c_str(),
                  static_cast<long long>(d.rows), d.sha256.substr(0, 16).c_str());
    }
  }
  nlohmann::json params = {{"from", from_name}, {"to", to_name}, {"rows", counts}};
  if (Status s = to->Audit("migrate", params.dump()); !s.ok()) return Fail(s, "migrate: ");
  std::fprintf(stderr, "migrate: copied %s into %s; every table's rows and SHA-256 agree\n",
               from_name.c_str(), to_name.c_str());
  std::string why;
  if (StdoutFailed(&why)) return Fail(Status::IOError("migrate: " + why));
  return 0;
}

Registration reg("migrate",
                 "Copy an evidence store between SQLite and PostgreSQL, losing nothing (or upgrade one's schema)",
                 [](CLI::App& app) -> Runner {
                   auto f = std::make_shared<MigrateFlags>();
                   app.add_option("--from", f->from, "Source: a database file or postgresql:// URL (read only)");
                   app.add_option("--to", f->to, "Destination: a new file or an empty PostgreSQL database")
                       ->required();
                   app.add_flag("--quiet", f->quiet, "Print no table counts");
                   return [f]() { return RunMigrate(*f); };
                 });

}  // namespace
}  // namespace dyad::cli
