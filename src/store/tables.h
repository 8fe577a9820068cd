// The tables `dyad migrate` copies between stores, with their columns' kinds, in an order in
// which every row's references are copied before it. event_countries and the full-text
// indexes are not copied: each backend derives them from the rows written (WriteTable writes
// the event_countries rows of the events it writes, CopiedEventCountries). Private to the
// store stage; keep in step with schema.h and pg/pg_schema.h.
#ifndef DYAD_STORE_TABLES_H_
#define DYAD_STORE_TABLES_H_

#include <string>
#include <vector>

#include "store/store.h"

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
// The event_countries rows (rows.h: EventCountries) of `row`, a row of the copied table "events".
std::vector<std::string> CopiedEventCountries(const TableRow& row);

}  // namespace dyad::store

#endif  // DYAD_STORE_TABLES_H_
