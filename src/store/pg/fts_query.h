// Full-text queries in FTS5 syntax, translated for PostgreSQL's to_tsquery, so that
// `dyad search` and `--text` take the same queries on both backends.
#ifndef DYAD_STORE_PG_FTS_QUERY_H_
#define DYAD_STORE_PG_FTS_QUERY_H_

#include <string>
#include <vector>

#include "dyad/status.h"

namespace dyad::store {

// Translates an FTS5 query: bare words (split at anything but letters and digits, as FTS5's
// unicode61 tokenizer does), "phrases", prefix*, AND, OR, NOT, parentheses; adjacent terms
// are ANDed. Words become quoted lexemes: "Kalinouski Regiment" -> ('kalinouski' <->
// 'regiment'). Column filters and NEAR are refused (InvalidArgument naming the query).
Status FtsToTsquery(const std::string& fts_query, std::string* tsquery);
// An FTS5 query matching any of `phrases` (each quoted: whole words in order); "" when none
// has a word.
std::string AnyPhraseFtsQuery(const std::vector<std::string>& phrases);

}  // namespace dyad::store

#endif  // DYAD_STORE_PG_FTS_QUERY_H_
