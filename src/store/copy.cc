#include "store/copy.h"

#include "common/sha256.h"
#include "store/tables.h"

namespace dyad::store {

namespace {
constexpr size_t kRowsPerWrite = 2000;
}  // namespace

Status DigestStore(Store* store, std::vector<TableDigest>* out) {
  out->clear();
  for (const CopiedTable& table : CopiedTables()) {
    TableDigest digest;
    digest.table = table.name;
    Sha256 sha;
    Status s = store->ReadTable(table.name, [&](const TableRow& row) {
      ++digest.rows;
      for (const auto& value : row) {
        if (!value) {
          sha.Update(std::string_view("N", 1));
          continue;
        }
        const std::string length = "V" + std::to_string(value->size()) + ":";
        sha.Update(length);
        sha.Update(*value);
      }
      return true;
    });
    if (!s.ok()) return s;
    digest.sha256 = sha.HexDigest();
    out->push_back(std::move(digest));
  }
  return Status::Ok();
}

Status CopyStore(Store* from, Store* to,
                 const std::function<void(const std::string&, int64_t)>& progress) {
  Stats stats;
  if (Status s = to->GetStats(&stats); !s.ok()) return s;
  std::vector<AuditEntry> audit;
  if (Status s = to->ReadAudit(&audit); !s.ok()) return s;
  if (stats.documents > 0 || stats.failures > 0 || !audit.empty()) {
    return Status::Error(to->path() + ": not empty (" + std::to_string(stats.documents) +
                         " documents, " + std::to_string(audit.size()) +
                         " audit entries); copy into a new database");
  }
  if (Status s = to->Begin(); !s.ok()) return s;
  for (const CopiedTable& table : CopiedTables()) {
    std::vector<TableRow> rows;
    int64_t copied = 0;
    Status write;
    Status read = from->ReadTable(table.name, [&](const TableRow& row) {
      rows.push_back(row);
      if (rows.size() < kRowsPerWrite) return true;
      write = to->WriteTable(table.name, rows);
      copied += static_cast<int64_t>(rows.size());
      rows.clear();
      if (progress) progress(table.name, copied);
      return write.ok();
    });
    if (read.ok() && write.ok() && !rows.empty()) {
      write = to->WriteTable(table.name, rows);
      copied += static_cast<int64_t>(rows.size());
      if (progress) progress(table.name, copied);
    }
    if (!read.ok() || !write.ok()) {
      (void)to->Rollback();
      return read.ok() ? write : read;
    }
  }
  return to->Commit();
}

std::string CompareDigests(const std::vector<TableDigest>& from, const std::vector<TableDigest>& to,
                           const std::string& from_name, const std::string& to_name) {
  for (size_t i = 0; i < from.size(); ++i) {
    const TableDigest* other = i < to.size() ? &to[i] : nullptr;
    if (!other || other->rows != from[i].rows || other->sha256 != from[i].sha256) {
      return "table " + from[i].table + " differs after the copy: " + std::to_string(from[i].rows) +
             " rows (sha256 " + from[i].sha256.substr(0, 12) + ") in " + from_name + ", " +
             (other ? std::to_string(other->rows) + " rows (sha256 " + other->sha256.substr(0, 12) + ")"
                    : std::string("none")) +
             " in " + to_name;
    }
  }
  return "";
}

}  // namespace dyad::store
