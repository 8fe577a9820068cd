// Thin RAII helpers over the SQLite C API, private to the store stage.
// Not thread-safe: each object belongs to the connection's owner.
#ifndef DYAD_STORE_SQLITE_UTIL_H_
#define DYAD_STORE_SQLITE_UTIL_H_

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace dyad::store {

// A prepared statement, reset and re-bound for each use.
class Stmt {
 public:
  Stmt() = default;
  ~Stmt() { sqlite3_finalize(stmt_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  Stmt(Stmt&& other) noexcept : stmt_(other.stmt_) { other.stmt_ = nullptr; }
  Stmt& operator=(Stmt&& other) noexcept {
    std::swap(stmt_, other.stmt_);
    return *this;
  }

  // Returns the SQLite result code (SQLITE_OK on success).
  int Prepare(sqlite3* db, std::string_view sql) {
    sqlite3_finalize(stmt_);
    stmt_ = nullptr;
    return sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
  }
  bool prepared() const { return stmt_ != nullptr; }
  sqlite3_stmt* get() const { return stmt_; }

  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  // Parameters are 1-based, as in SQLite.
  void Bind(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  void Bind(int i, int v) { sqlite3_bind_int64(stmt_, i, v); }
  void Bind(int i, double v) { sqlite3_bind_double(stmt_, i, v); }
  void Bind(int i, std::string_view v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void Bind(int i, const std::string& v) { Bind(i, std::string_view(v)); }
  void Bind(int i, const char* v) { Bind(i, std::string_view(v)); }
  void BindBlob(int i, const void* data, size_t size) {
    sqlite3_bind_blob(stmt_, i, data, static_cast<int>(size), SQLITE_TRANSIENT);
  }
  void BindNull(int i) { sqlite3_bind_null(stmt_, i); }

  // SQLITE_ROW, SQLITE_DONE or an error code.
  int Step() { return sqlite3_step(stmt_); }

  // Columns are 0-based, as in SQLite.
  int64_t Int(int c) const { return sqlite3_column_int64(stmt_, c); }
  double Double(int c) const { return sqlite3_column_double(stmt_, c); }
  bool IsNull(int c) const { return sqlite3_column_type(stmt_, c) == SQLITE_NULL; }
  std::string Text(int c) const {
    const unsigned char* p = sqlite3_column_text(stmt_, c);
    int n = sqlite3_column_bytes(stmt_, c);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(n)) : std::string();
  }
  // The text of a column, valid until the next Step/Reset or another access to the column.
  std::string_view View(int c) const {
    const unsigned char* p = sqlite3_column_text(stmt_, c);
    int n = sqlite3_column_bytes(stmt_, c);
    return p ? std::string_view(reinterpret_cast<const char*>(p), static_cast<size_t>(n)) : std::string_view();
  }
  // Text(c) into *out, reusing its buffer.
  void TextTo(int c, std::string* out) const {
    const std::string_view v = View(c);
    out->assign(v.data(), v.size());
  }
  std::string_view Blob(int c) const {
    const void* p = sqlite3_column_blob(stmt_, c);
    int n = sqlite3_column_bytes(stmt_, c);
    return p ? std::string_view(static_cast<const char*>(p), static_cast<size_t>(n))
             : std::string_view();
  }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

// A bound parameter of a dynamically built query.
using Param = std::variant<int64_t, std::string>;

inline void BindAll(Stmt* stmt, const std::vector<Param>& params) {
  for (size_t i = 0; i < params.size(); ++i) {
    int index = static_cast<int>(i) + 1;
    if (const auto* v = std::get_if<int64_t>(&params[i])) {
      stmt->Bind(index, *v);
    } else {
      stmt->Bind(index, std::get<std::string>(params[i]));
    }
  }
}

}  // namespace dyad::store

#endif  // DYAD_STORE_SQLITE_UTIL_H_
