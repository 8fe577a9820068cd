#include "store/tables.h"

#include <cstring>

#include "store/rows.h"

namespace dyad::store {

const std::vector<CopiedTable>& CopiedTables() {
  constexpr ColumnKind I = ColumnKind::kInteger, R = ColumnKind::kReal, T = ColumnKind::kText,
                       B = ColumnKind::kBlob;
  static const std::vector<CopiedTable> kTables = {
      {"meta", "key", {{"key", T}, {"value", T}}},
      {"codings", "id", {{"id", I}, {"dict_hash", T}, {"description", T}, {"first_used", T}}},
      {"documents", "id",
       {{"id", I}, {"input_id", T}, {"sha256", T}, {"source", T}, {"url", T}, {"title", T},
        {"language", T}, {"pub_date", T}, {"format", T}, {"origin", T}, {"text", T},
        {"ingested_at", T}, {"tool_version", T}, {"minhash", B}, {"near_duplicate_of", I},
        {"page_starts", T}}},
      {"minhash_bands", "key, doc", {{"key", I}, {"doc", I}}},
      {"sentences", "id",
       {{"id", I}, {"doc", I}, {"idx", I}, {"begin", I}, {"end", I}, {"text", T}}},
      {"events", "id",
       {{"id", I}, {"doc", I}, {"coding", I}, {"sentence", I}, {"sentence_idx", I},
        {"sentence_begin", I}, {"sentence_end", I}, {"day", I}, {"day_end", I},
        {"date_precision", T}, {"date_text", T}, {"source", T}, {"target", T},
        {"source_text", T}, {"target_text", T}, {"event_code", T}, {"root_code", T},
        {"quad_class", I}, {"goldstein", R}, {"verb_text", T}, {"plover", T},
        {"pattern_file", T}, {"pattern_line", I}, {"pattern_text", T}, {"source_begin", I},
        {"source_end", I}, {"verb_begin", I}, {"verb_end", I}, {"target_begin", I},
        {"target_end", I}, {"modality", T}, {"reported_by", T}, {"reported_by_text", T},
        {"places", T}, {"duplicate", I}, {"source_ref", T}, {"target_ref", T},
        {"page", I}}},
      {"reviews", "id",
       {{"id", I}, {"at", T}, {"reviewer", T}, {"event", I}, {"doc", I}, {"sentence_idx", I},
        {"verb_begin", I}, {"verb_end", I}, {"machine_source", T}, {"machine_target", T},
        {"machine_code", T}, {"state", T}, {"source", T}, {"target", T}, {"event_code", T},
        {"root_code", T}, {"quad_class", I}, {"goldstein", R}, {"plover", T}, {"note", T}}},
      {"actor_codes", "code", {{"code", T}}},
      {"failures", "id", {{"id", I}, {"at", T}, {"origin", T}, {"sha256", T}, {"reason", T}}},
      {"audit", "id",
       {{"id", I}, {"at", T}, {"action", T}, {"parameters", T}, {"tool_version", T}}},
  };
  return kTables;
}

const CopiedTable* FindCopiedTable(const std::string& name) {
  for (const CopiedTable& table : CopiedTables())
    if (name == table.name) return &table;
  return nullptr;
}

std::vector<std::string> CopiedEventCountries(const TableRow& row) {
  static const CopiedTable* const kEvents = FindCopiedTable("events");
  auto column = [&row](const char* name) -> const std::optional<std::string>& {
    size_t i = 0;
    while (std::strcmp(kEvents->columns[i].name, name) != 0) ++i;
    return row.at(i);
  };
  Event e;
  for (auto [name, field] : {std::pair{"source", &e.source}, std::pair{"target", &e.target},
                             std::pair{"reported_by", &e.reported_by}})
    if (const auto& value = column(name)) *field = *value;
  if (const auto& places = column("places")) PlacesFromText(*places, &e);
  return EventCountries(e);
}

}  // namespace dyad::store
