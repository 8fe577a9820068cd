// Copying a whole evidence store between backends (`dyad migrate`), and proving nothing was
// lost: each table's row count and a SHA-256 over its rows, read back through the same
// interface on both sides.
#ifndef DYAD_STORE_COPY_H_
#define DYAD_STORE_COPY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "store/store.h"

namespace dyad::store {

struct TableDigest {
  std::string table;
  int64_t rows = 0;
  std::string sha256;  // over every row in primary-key order, values length-prefixed
};

// The digest of every copied table of `store` (store/tables.h), in copy order.
Status DigestStore(Store* store, std::vector<TableDigest>* out);

// Copies every table of `from` into `to`, ids included, in one transaction of `to`; `to` must
// be empty (no document, failure or audit entry): refused otherwise, naming it.
// `progress` (may be empty) is called with each table's name and the rows copied so far.
Status CopyStore(Store* from, Store* to,
                 const std::function<void(const std::string&, int64_t)>& progress = {});

// "" when the digests agree; otherwise one line naming the first table that differs.
std::string CompareDigests(const std::vector<TableDigest>& from, const std::vector<TableDigest>& to,
                           const std::string& from_name, const std::string& to_name);

}  // namespace dyad::store

#endif  // DYAD_STORE_COPY_H_
