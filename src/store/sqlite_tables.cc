// SqliteStore's whole-table copy for `dyad migrate` (store.h: ReadTable, WriteTable).
#include <cstdlib>

#include "store/rows.h"
#include "store/sqlite_util.h"
#include "store/store.h"
#include "store/tables.h"

namespace dyad::store {

namespace {

std::string ColumnList(const CopiedTable& table) {
  std::string list;
  for (const CopiedColumn& column : table.columns) {
    if (!list.empty()) list += ", ";
    list += std::string("\"") + column.name + "\"";
  }
  return list;
}

}  // namespace

Status SqliteStore::ReadTable(const std::string& name,
                              const std::function<bool(const TableRow&)>& fn) {
  const CopiedTable* table = FindCopiedTable(name);
  if (!table) return Status::InvalidArgument(path_ + ": no table '" + name + "' to copy");
  std::lock_guard lock(mu_);
  Stmt st;
  const std::string sql = "SELECT " + ColumnList(*table) + " FROM " + table->name +
                          " ORDER BY " + table->order_by;
  if (st.Prepare(db_, sql) != SQLITE_OK) return Error(("reading " + name).c_str());
  TableRow row(table->columns.size());
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    for (size_t c = 0; c < table->columns.size(); ++c) {
      const int i = static_cast<int>(c);
      if (st.IsNull(i)) {
        row[c].reset();
        continue;
      }
      switch (table->columns[c].kind) {
        case ColumnKind::kInteger: row[c] = std::to_string(st.Int(i)); break;
        case ColumnKind::kReal: row[c] = FormatReal(st.Double(i)); break;
        case ColumnKind::kText: row[c] = st.Text(i); break;
        case ColumnKind::kBlob: row[c] = std::string(st.Blob(i)); break;
      }
    }
    if (!fn(row)) return Status::Ok();
  }
  if (rc != SQLITE_DONE) return Error(("reading " + name).c_str());
  return Status::Ok();
}

Status SqliteStore::WriteTable(const std::string& name, const std::vector<TableRow>& rows) {
  const CopiedTable* table = FindCopiedTable(name);
  if (!table) return Status::InvalidArgument(path_ + ": no table '" + name + "' to copy");
  return WithTransaction([&]() -> Status {
    std::string marks;
    for (size_t c = 0; c < table->columns.size(); ++c) marks += c ? ",?" : "?";
    Stmt insert, fts;
    if (insert.Prepare(db_, "INSERT INTO " + std::string(table->name) + "(" + ColumnList(*table) +
                                ") VALUES(" + marks + ")") != SQLITE_OK)
      return Error(("writing " + name).c_str());
    const bool sentences = name == "sentences";
    const bool events = name == "events";  // and their event_countries rows (no trigger since v7)
    if (sentences && fts.Prepare(db_, "INSERT INTO sentences_fts(rowid, text) VALUES(?, ?)") != SQLITE_OK)
      return Error("indexing sentences");
    for (const TableRow& row : rows) {
      if (row.size() != table->columns.size())
        return Status::InvalidArgument(path_ + ": a row of " + name + " has " +
                                       std::to_string(row.size()) + " values, not " +
                                       std::to_string(table->columns.size()));
      insert.Reset();
      for (size_t c = 0; c < row.size(); ++c) {
        const int i = static_cast<int>(c) + 1;
        if (!row[c]) {
          insert.BindNull(i);
          continue;
        }
        const std::string& v = *row[c];
        switch (table->columns[c].kind) {
          case ColumnKind::kInteger: insert.Bind(i, static_cast<int64_t>(std::strtoll(v.c_str(), nullptr, 10))); break;
          case ColumnKind::kReal: insert.Bind(i, std::strtod(v.c_str(), nullptr)); break;
          case ColumnKind::kText: insert.Bind(i, v); break;
          case ColumnKind::kBlob: insert.BindBlob(i, v.data(), v.size()); break;
        }
      }
      if (insert.Step() != SQLITE_DONE) return Error(("writing " + name).c_str());
      if (events) {
        if (auto s = InsertEventCountriesLocked(sqlite3_last_insert_rowid(db_), CopiedEventCountries(row));
            !s.ok())
          return s;
      }
      if (sentences) {  // external-content FTS5: index what was written (columns id, ..., text)
        fts.Reset();
        fts.Bind(1, static_cast<int64_t>(std::strtoll(row[0]->c_str(), nullptr, 10)));
        fts.Bind(2, *row[5]);
        if (fts.Step() != SQLITE_DONE) return Error("indexing sentences");
      }
    }
    return Status::Ok();
  });
}

}  // namespace dyad::store
