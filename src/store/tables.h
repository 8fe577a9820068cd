// The tables `dyad migrate` copies between stores, with their columns' kinds, in an order in
// which every row's references are copied before it. event_countries and the full-text
// indexes are not copied: each backend derives them from the rows written. Private to the
// store stage; keep in step with schema.h and pg/pg_schema.h.
#ifndef DYAD_STORE_TABLES_H_
#define DYAD_STORE_TABLES_H_

#include <string>
#include <vector>

namespace dyad::store {

enum class ColumnKind { kInteger, kReal, kText, kBlob };

struct CopiedColumn {
  const char* name;
  ColumnKind kind;
};

struct CopiedTable {
  const char* name;
  const char* order_by;  // a unique order (the primary key), the same on both backends
  std::vector<CopiedColumn> columns;
};

const std::vector<CopiedTable>& CopiedTables();
// The table named `name`, or nullptr.
const CopiedTable* FindCopiedTable(const std::string& name);

}  // namespace dyad::store

#endif  // DYAD_STORE_TABLES_H_
