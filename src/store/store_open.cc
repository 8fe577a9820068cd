// Store::Open: the backend chosen by the database argument.
#include "store/store.h"
#include "store/pg/pg_store.h"

namespace dyad::store {

bool IsPostgresUrl(const std::string& location) {
  return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

std::string RedactedLocation(const std::string& location) {
  if (!IsPostgresUrl(location)) return location;
  std::string out = location;
  const size_t authority = out.find("://") + 3;
  const size_t authority_end = std::min(out.find('/', authority), out.find('?', authority));
  const size_t at = out.rfind('@', authority_end == std::string::npos ? out.size() : authority_end);
  if (at != std::string::npos && at >= authority) {
    const size_t colon = out.find(':', authority);
    if (colon != std::string::npos && colon < at) out.erase(colon, at - colon);
  }
  // A password given as a parameter: ?password=... or &password=...
  for (size_t p = out.find("password=", authority); p != std::string::npos;
       p = out.find("password=", p)) {
    if (p == 0 || (out[p - 1] != '?' && out[p - 1] != '&')) {
      ++p;
      continue;
    }
    size_t end = out.find('&', p);
    if (end == std::string::npos) {
      out.erase(p - 1);  // with its '?' or '&'
    } else {
      out.erase(p, end + 1 - p);
    }
  }
  return out;
}

Status Store::Open(const std::string& location, const OpenOptions& options,
                   std::unique_ptr<Store>* out) {
  if (IsPostgresUrl(location)) return PgStore::Open(location, options, out);
  return SqliteStore::Open(location, options, out);
}

}  // namespace dyad::store
