#include "store/store.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <map>
#include <set>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "common/sha256.h"
#include "store/rows.h"
#include "store/schema.h"
#include "store/sqlite_util.h"

namespace dyad::store {

static_assert(kMigrationCount == kSchemaVersion, "one migration per schema version");

namespace {

bool FileExists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0;
}

uint64_t Mix64(uint64_t x) {  // splitmix64 finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

uint64_t Fnv1a(std::string_view s, uint64_t h = 0xcbf29ce484222325ULL) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

int64_t BandKey(int band, const uint32_t* rows) {
  uint64_t h = Mix64(0x9e3779b97f4a7c15ULL * static_cast<uint64_t>(band + 1));
  for (int r = 0; r < kMinHashRows; ++r) h = Mix64(h ^ rows[r]);
  return static_cast<int64_t>(h >> 1);
}

// The latest review's columns (rv = the reviews row kEventJoins joins), as ReadLatestReview reads them.
#define DYAD_REVIEW_COLUMNS                                                                          \
  "rv.id, rv.at, rv.reviewer, rv.event, rv.state, rv.source, rv.target, rv.event_code, rv.root_code, " \
  "rv.quad_class, rv.goldstein, rv.plover, rv.note, rv.machine_source, rv.machine_target, rv.machine_code"
// Columns read by ReadEventRow, in order (e = events, d = documents, s = sentences,
// c = codings), followed by the review's (DYAD_REVIEW_COLUMNS, or kNoReviewColumns).
constexpr const char* kEventColumns =
    "e.id, e.doc, e.sentence_idx, e.sentence_begin, e.sentence_end, e.day, e.day_end, "
    "e.date_precision, e.date_text, e.source, e.target, e.source_text, e.target_text, "
    "e.event_code, e.root_code, e.quad_class, e.goldstein, e.verb_text, e.plover, "
    "e.pattern_file, e.pattern_line, e.pattern_text, e.source_begin, e.source_end, "
    "e.verb_begin, e.verb_end, e.target_begin, e.target_end, e.modality, e.reported_by, "
    "e.reported_by_text, e.places, e.duplicate, d.input_id, d.url, d.title, d.source, "
    "d.sha256, d.pub_date, s.text, c.dict_hash, d.ingested_at, e.source_ref, e.target_ref, e.page, ";
// The latest review of event e's machine coding (reviews_event finds the candidates). Most
// documents have no review: the set of reviewed documents, built once per statement, answers for
// them, where a correlated subquery per row and column cost more than reading the row (a fifth of
// a role report's time on a store without any review).
#define DYAD_LATEST_REVIEW(column)                                                                 \
  "(CASE WHEN e.doc IN (SELECT doc FROM reviews) THEN"                                              \
  " (SELECT r." column " FROM reviews r WHERE r.doc = e.doc AND r.sentence_idx = e.sentence_idx"    \
  " AND r.verb_begin = e.verb_begin AND r.verb_end = e.verb_end AND r.machine_source = e.source"    \
  " AND r.machine_target = e.target AND r.machine_code = e.event_code ORDER BY r.id DESC LIMIT 1) END)"
constexpr const char* kEventJoins =
    " FROM events e JOIN documents d ON d.id = e.doc LEFT JOIN sentences s ON s.id = e.sentence"
    " LEFT JOIN codings c ON c.id = e.coding LEFT JOIN reviews rv ON rv.id = " DYAD_LATEST_REVIEW("id");
// The same for a store without any review: every event's latest review is none (NULL columns).
constexpr const char* kEventJoinsWithoutReviews =
    " FROM events e JOIN documents d ON d.id = e.doc LEFT JOIN sentences s ON s.id = e.sentence"
    " LEFT JOIN codings c ON c.id = e.coding";
// What kReportColumns read: the document's columns from its covering index (schema v8).
constexpr const char* kReportJoins =
    " FROM events e JOIN documents d INDEXED BY documents_report ON d.id = e.doc LEFT JOIN sentences s ON s.id = e.sentence"
    " LEFT JOIN reviews rv ON rv.id = " DYAD_LATEST_REVIEW("id");
constexpr const char* kReportJoinsWithoutReviews =
    " FROM events e JOIN documents d INDEXED BY documents_report ON d.id = e.doc LEFT JOIN sentences s ON s.id = e.sentence";
constexpr const char* kNoReviewColumns =
    "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL";

// The latest review from the row's kReviewColumns starting at column c (a Review with id 0 when
// the event has none).
void ReadLatestReview(const Stmt& st, int c, Review* out) {
  *out = Review{};
  if (st.IsNull(c)) return;
  Review& v = *out;
  v.id = st.Int(c++);
  v.at = st.Text(c++);
  v.reviewer = st.Text(c++);
  v.event_id = st.Int(c++);
  v.state = ParseReviewState(st.Text(c++));
  v.source = st.Text(c++);
  v.target = st.Text(c++);
  v.event_code = st.Text(c++);
  v.root_code = st.Text(c++);
  v.quad_class = static_cast<int>(st.Int(c++));
  v.goldstein = st.Double(c++);
  v.plover = st.Text(c++);
  v.note = st.Text(c++);
  v.machine_source = st.Text(c++);
  v.machine_target = st.Text(c++);
  v.machine_code = st.Text(c++);
}

// Sets every field of *out from the row (its strings keep their capacity from row to row).
void ReadEventRow(const Stmt& st, StoredEvent* out) {
  int c = 0;
  StoredEvent& r = *out;
  Event& e = r.event;
  r.id = st.Int(c++);
  r.document_id = st.Int(c++);
  e.sentence_index = static_cast<int>(st.Int(c++));
  e.sentence_span.begin = st.Int(c++);
  e.sentence_span.end = st.Int(c++);
  e.date = st.IsNull(c) ? Date{} : Date::FromDays(st.Int(c));
  ++c;
  e.date_end = st.IsNull(c) ? Date{} : Date::FromDays(st.Int(c));
  ++c;
  e.date_precision = ParsePrecision(st.View(c++));
  st.TextTo(c++, &e.date_text);
  st.TextTo(c++, &e.source);
  st.TextTo(c++, &e.target);
  st.TextTo(c++, &e.source_text);
  st.TextTo(c++, &e.target_text);
  st.TextTo(c++, &e.event_code);
  st.TextTo(c++, &e.root_code);
  e.quad_class = static_cast<int>(st.Int(c++));
  e.goldstein = st.Double(c++);
  st.TextTo(c++, &e.verb_text);
  st.TextTo(c++, &e.plover);
  st.TextTo(c++, &e.pattern.file);
  e.pattern.line = static_cast<int>(st.Int(c++));
  st.TextTo(c++, &e.pattern.text);
  e.source_span.begin = st.Int(c++);
  e.source_span.end = st.Int(c++);
  e.verb_span.begin = st.Int(c++);
  e.verb_span.end = st.Int(c++);
  e.target_span.begin = st.Int(c++);
  e.target_span.end = st.Int(c++);
  e.modality = ParseModality(st.View(c++));
  st.TextTo(c++, &e.reported_by);
  st.TextTo(c++, &e.reported_by_text);
  PlacesFromText(st.View(c++), &e);
  r.duplicate = st.Int(c++) != 0;
  st.TextTo(c++, &e.doc_id);
  st.TextTo(c++, &r.doc_url);
  st.TextTo(c++, &r.doc_title);
  st.TextTo(c++, &r.doc_source);
  st.TextTo(c++, &r.doc_sha256);
  const std::optional<Date> doc_date = Date::Parse(st.View(c++));
  r.doc_date = doc_date ? *doc_date : Date{};
  st.TextTo(c++, &e.sentence);
  st.TextTo(c++, &r.dict_hash);
  st.TextTo(c++, &r.doc_ingested_at);
  st.TextTo(c++, &e.source_ref);
  st.TextTo(c++, &e.target_ref);
  e.page = static_cast<int>(st.Int(c++));
  ReadLatestReview(st, c, &r.review);
}


// Columns read by ReadReportRow (EventFields::kReport), in order: what reports read, followed by
// the review's. The document's columns come from its covering index (kReportJoins): its text is
// never touched.
constexpr const char* kReportColumns =
    "e.id, e.doc, e.sentence_idx, e.day, e.day_end, e.date_precision, e.date_text, e.source, "
    "e.target, e.event_code, e.root_code, e.quad_class, e.goldstein, e.modality, e.reported_by, "
    "e.reported_by_text, e.places, e.duplicate, e.page, d.url, d.title, d.source, d.pub_date, s.text, "
    "e.sentence_begin, e.sentence_end, e.source_begin, e.source_end, e.verb_begin, e.verb_end, ";

// Sets the fields of EventFields::kReport from the row and clears the others.
void ReadReportRow(const Stmt& st, StoredEvent* out) {
  int c = 0;
  StoredEvent& r = *out;
  Event& e = r.event;
  r.id = st.Int(c++);
  r.document_id = st.Int(c++);
  e.sentence_index = static_cast<int>(st.Int(c++));
  e.date = st.IsNull(c) ? Date{} : Date::FromDays(st.Int(c));
  ++c;
  e.date_end = st.IsNull(c) ? Date{} : Date::FromDays(st.Int(c));
  ++c;
  e.date_precision = ParsePrecision(st.View(c++));
  st.TextTo(c++, &e.date_text);
  st.TextTo(c++, &e.source);
  st.TextTo(c++, &e.target);
  st.TextTo(c++, &e.event_code);
  st.TextTo(c++, &e.root_code);
  e.quad_class = static_cast<int>(st.Int(c++));
  e.goldstein = st.Double(c++);
  e.modality = ParseModality(st.View(c++));
  st.TextTo(c++, &e.reported_by);
  st.TextTo(c++, &e.reported_by_text);
  PlacesFromText(st.View(c++), &e);
  r.duplicate = st.Int(c++) != 0;
  e.page = static_cast<int>(st.Int(c++));
  st.TextTo(c++, &r.doc_url);
  st.TextTo(c++, &r.doc_title);
  st.TextTo(c++, &r.doc_source);
  const std::optional<Date> doc_date = Date::Parse(st.View(c++));
  r.doc_date = doc_date ? *doc_date : Date{};
  st.TextTo(c++, &e.sentence);
  // Where the sentence, source and verb are: whether a reporter alleges the event (analyze::BucketOf).
  e.sentence_span.begin = st.Int(c++);
  e.sentence_span.end = st.Int(c++);
  e.source_span.begin = st.Int(c++);
  e.source_span.end = st.Int(c++);
  e.verb_span.begin = st.Int(c++);
  e.verb_span.end = st.Int(c++);
  // Not read: left empty, as EventFields::kReport says.
  for (std::string* unread : {&e.doc_id, &e.source_text, &e.target_text, &e.source_ref, &e.target_ref,
                              &e.verb_text, &e.plover, &e.pattern.file, &e.pattern.text, &r.doc_sha256,
                              &r.dict_hash, &r.doc_ingested_at})
    unread->clear();
  e.pattern.line = 0;
  e.target_span = Span{};
  ReadLatestReview(st, c, &r.review);
}

}  // namespace

const char* AddOutcomeName(AddOutcome outcome) {
  switch (outcome) {
    case AddOutcome::kDuplicate: return "duplicate";
    case AddOutcome::kNearDuplicate: return "near-duplicate";
    case AddOutcome::kNew: break;
  }
  return "new";
}

// ---------------------------------------------------------------- MinHash

std::vector<uint32_t> MinHashSignature(std::string_view text) {
  // Words: maximal runs of ASCII alphanumerics or non-ASCII bytes.
  std::vector<uint64_t> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(Fnv1a(word));
    word.clear();
  };
  for (unsigned char c : text) {
    if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) {
      word += static_cast<char>(c);
    } else if (c >= 'A' && c <= 'Z') {
      word += static_cast<char>(c - 'A' + 'a');
    } else {
      flush();
    }
  }
  flush();
  if (words.size() < 3 || words.size() - 2 < static_cast<size_t>(kMinShinglesForNearDuplicate)) {
    return {};
  }
  std::vector<uint64_t> shingles;
  shingles.reserve(words.size() - 2);
  for (size_t i = 0; i + 2 < words.size(); ++i) {
    shingles.push_back(Mix64(words[i] ^ Mix64(words[i + 1] ^ Mix64(words[i + 2]))));
  }
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  std::vector<uint32_t> sig(kMinHashSize, UINT32_MAX);
  for (uint64_t s : shingles) {
    for (int i = 0; i < kMinHashSize; ++i) {
      uint32_t v = static_cast<uint32_t>(Mix64(s + 0x9e3779b97f4a7c15ULL * (i + 1)) >> 32);
      if (v < sig[i]) sig[i] = v;
    }
  }
  return sig;
}

int64_t MinHashBandKey(int band, const uint32_t* rows) { return BandKey(band, rows); }

double EstimatedJaccard(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  if (a.empty() || a.size() != b.size()) return 0;
  size_t same = 0;
  for (size_t i = 0; i < a.size(); ++i) same += a[i] == b[i];
  return static_cast<double>(same) / static_cast<double>(a.size());
}

// ---------------------------------------------------------------- Store

struct SqliteStore::Statements {
  Stmt find_sha, insert_doc, band_lookup, band_insert, doc_minhash;
  Stmt insert_sentence, find_sentence, insert_fts;
  Stmt insert_event, insert_actor_code, insert_event_country;
  Stmt coding_lookup, coding_insert;
  Stmt insert_audit, insert_failure;
};

SqliteStore::SqliteStore(sqlite3* db, std::string path)
    : db_(db), path_(std::move(path)), stmts_(std::make_unique<Statements>()) {}

void SqliteStore::SetDeadline(std::chrono::steady_clock::time_point deadline) {
  std::lock_guard lock(mu_);
  deadline_ = deadline;
  interrupted_ = false;
  if (deadline == std::chrono::steady_clock::time_point::max()) {
    sqlite3_progress_handler(db_, 0, nullptr, nullptr);
    return;
  }
  // Called every 4,000 virtual-machine steps (well under a millisecond).
  sqlite3_progress_handler(
      db_, 4000,
      [](void* self) -> int {
        auto* store = static_cast<SqliteStore*>(self);
        if (std::chrono::steady_clock::now() < store->deadline_) return 0;
        store->interrupted_ = true;
        return 1;
      },
      this);
}

SqliteStore::~SqliteStore() {
  stmts_.reset();  // finalize before closing
  if (db_) sqlite3_close_v2(db_);
}

Status SqliteStore::Error(const char* what) const {
  int code = sqlite3_extended_errcode(db_);
  const std::string message = path_ + ": " + what + ": " + sqlite3_errmsg(db_);
  switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::Unavailable(path_ + ": database is busy: another process is writing to it (" + what +
                                 "); try again when it has finished");
    case SQLITE_INTERRUPT: return Status::DeadlineExceeded(message);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return Status::Corruption(message);
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM: return Status::IOError(message);
    case SQLITE_FULL:
    case SQLITE_NOMEM:
    case SQLITE_TOOBIG: return Status::ResourceExhausted(message);
    // SQLITE_ERROR: a statement the database refused; with a full-text query, that query's
    // syntax (the caller's); otherwise ours.
    case SQLITE_ERROR: return Status::InvalidArgument(message);
    default: return Status::Internal(message);
  }
}

Status SqliteStore::Exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    int code = sqlite3_extended_errcode(db_) & 0xff;
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED) return Error(sql);
    std::string first_line(sql);
    first_line = first_line.substr(0, first_line.find('\n'));
    return Status::Error(path_ + ": " + msg + " (in: " + first_line.substr(0, 60) + ")");
  }
  return Status::Ok();
}

namespace {

Status ReadPragmaInt(sqlite3* db, const std::string& path, const char* pragma, int64_t* out) {
  Stmt st;
  std::string sql = std::string("PRAGMA ") + pragma;
  if (st.Prepare(db, sql) != SQLITE_OK || st.Step() != SQLITE_ROW) {
    int code = sqlite3_errcode(db);
    if (code == SQLITE_NOTADB) return Status::Error(path + ": not an SQLite database");
    return Status::Error(path + ": cannot read " + pragma + ": " + sqlite3_errmsg(db));
  }
  *out = st.Int(0);
  return Status::Ok();
}

}  // namespace

Status SqliteStore::Open(const std::string& path, const OpenOptions& options,
                   std::unique_ptr<Store>* out) {
  int flags = options.read_only ? SQLITE_OPEN_READONLY
                                : SQLITE_OPEN_READWRITE | (options.create ? SQLITE_OPEN_CREATE : 0);
  flags |= SQLITE_OPEN_NOMUTEX;  // the Store's own mutex serialises use
  if (options.read_only && !FileExists(path)) {
    return Status::Error(path + ": no such database (run `dyad ingest` first)");
  }
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  std::unique_ptr<SqliteStore> store(new SqliteStore(raw, path));
  if (rc != SQLITE_OK) {
    return Status::Error(path + ": cannot open database: " +
                         (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
  }
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, options.busy_timeout_ms);

  int64_t version = 0, app_id = 0, tables = 0;
  if (auto s = ReadPragmaInt(raw, path, "user_version", &version); !s.ok()) return s;
  if (auto s = ReadPragmaInt(raw, path, "application_id", &app_id); !s.ok()) return s;
  {
    Stmt st;
    if (st.Prepare(raw, "SELECT COUNT(*) FROM sqlite_schema") != SQLITE_OK ||
        st.Step() != SQLITE_ROW) {
      return store->Error("cannot read the schema");
    }
    tables = st.Int(0);
  }
  if (version > kSchemaVersion) {
    return Status::Error(path + ": schema version " + std::to_string(version) +
                         " is newer than this dyad supports (" + std::to_string(kSchemaVersion) +
                         "); use a newer dyad");
  }
  if ((version == 0 && tables > 0) || (version > 0 && app_id != kApplicationId)) {
    return Status::Error(path + ": not a dyad database (application_id " +
                         std::to_string(app_id) + ", " + std::to_string(tables) + " objects)");
  }

  const int target = options.schema_version_for_testing > 0
                         ? std::min(options.schema_version_for_testing, kSchemaVersion)
                         : kSchemaVersion;
  // Migrations that change nothing on SQLite (empty) need no backup, and a reader need not wait
  // for them.
  bool changes = false;
  for (int v = static_cast<int>(version); v < target; ++v) changes = changes || kMigrations[v][0] != '\0';
  if (options.read_only) {
    if (version < target && changes) {
      return Status::Error(path + ": schema version " + std::to_string(version) +
                           " is older than " + std::to_string(target) +
                           "; open it once for writing to migrate it");
    }
  } else {
    // WAL: readers do not block the writer; committed transactions survive a kill.
    if (auto s = store->Exec("PRAGMA journal_mode=WAL"); !s.ok()) return s;
    if (auto s = store->Exec("PRAGMA synchronous=NORMAL"); !s.ok()) return s;
    if (version > 0 && version < target && !options.migrate) {
      return Status::Error(path + ": schema version " + std::to_string(version) +
                           " is older than " + std::to_string(target) + " and migration is off");
    }
    if (version > 0 && version < target && changes) {
      std::string backup = path + ".bak-v" + std::to_string(version);
      for (int n = 2; FileExists(backup); ++n) {
        backup = path + ".bak-v" + std::to_string(version) + "." + std::to_string(n);
      }
      Stmt vacuum;
      if (vacuum.Prepare(raw, "VACUUM INTO ?") != SQLITE_OK) return store->Error("backup");
      vacuum.Bind(1, backup);
      if (vacuum.Step() != SQLITE_DONE) return store->Error(("backup to " + backup).c_str());
    }
    if (version < target) {
      if (auto s = store->Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
      // Another process may have migrated while we waited for the lock.
      if (auto s = ReadPragmaInt(raw, path, "user_version", &version); !s.ok()) {
        (void)store->Exec("ROLLBACK");
        return s;
      }
      for (int v = static_cast<int>(version); v < target; ++v) {
        if (auto s = store->Exec(kMigrations[v]); !s.ok()) {
          (void)store->Exec("ROLLBACK");
          return Status::Error(path + ": migration to schema version " + std::to_string(v + 1) +
                               " failed: " + s.message());
        }
      }
      std::string pragmas = "PRAGMA user_version=" + std::to_string(target) +
                            "; PRAGMA application_id=" + std::to_string(kApplicationId) + ";";
      if (auto s = store->Exec(pragmas.c_str()); !s.ok()) {
        (void)store->Exec("ROLLBACK");
        return s;
      }
      if (auto s = store->Exec("COMMIT"); !s.ok()) {
        (void)store->Exec("ROLLBACK");
        return s;
      }
      version = target;
    }
  }
  // A bigger page cache and fewer WAL checkpoints: ingest into a large
  // database is bound by B-tree pages that do not fit the cache. A reader reads most pages once
  // (the OS caches the file), so SQLite's default 2 MB: a larger cache is only fresh memory
  // faulted in page by page (a role report on 1M events read 85,000 pages either way, and took
  // a fifth more CPU with 32 MB than with 2 MB, most of it in page faults).
  const int cache_kib = options.cache_kib > 0 ? options.cache_kib : options.read_only ? 2048 : 262144;
  (void)store->Exec(("PRAGMA temp_store=MEMORY; PRAGMA cache_size=-" + std::to_string(cache_kib)).c_str());
  if (!options.read_only) (void)store->Exec("PRAGMA wal_autocheckpoint=10000");

  if (version >= kSchemaVersion) {
    Statements& s = *store->stmts_;
    struct {
      Stmt* stmt;
      const char* sql;
    } const kPrepared[] = {
        {&s.find_sha, "SELECT id, near_duplicate_of FROM documents WHERE sha256 = ?"},
        {&s.insert_doc,
         "INSERT INTO documents(input_id, sha256, source, url, title, language, pub_date, format, "
         "origin, text, ingested_at, tool_version, minhash, near_duplicate_of, page_starts) "
         "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"},
        {&s.band_lookup, "SELECT doc FROM minhash_bands WHERE key = ?"},
        {&s.band_insert, "INSERT OR IGNORE INTO minhash_bands(key, doc) VALUES(?, ?)"},
        {&s.doc_minhash, "SELECT minhash, near_duplicate_of FROM documents WHERE id = ?"},
        {&s.insert_sentence,
         "INSERT OR IGNORE INTO sentences(doc, idx, begin, end, text) VALUES(?,?,?,?,?)"},
        {&s.find_sentence, "SELECT id FROM sentences WHERE doc = ? AND idx = ?"},
        {&s.insert_fts,
         "INSERT INTO sentences_fts(rowid, text) SELECT id, text FROM sentences WHERE id BETWEEN ? AND ?"},
        {&s.insert_event,
         "INSERT INTO events(doc, coding, sentence, sentence_idx, sentence_begin, sentence_end, "
         "day, day_end, date_precision, date_text, source, target, source_text, target_text, "
         "event_code, root_code, quad_class, goldstein, verb_text, plover, pattern_file, "
         "pattern_line, pattern_text, source_begin, source_end, verb_begin, verb_end, "
         "target_begin, target_end, modality, reported_by, reported_by_text, places, duplicate, "
         "source_ref, target_ref, page) "
         "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"},
        {&s.insert_actor_code, "INSERT OR IGNORE INTO actor_codes(code) VALUES(?)"},
        {&s.insert_event_country, "INSERT OR IGNORE INTO event_countries(country, event) VALUES(?, ?)"},
        {&s.coding_lookup, "SELECT id FROM codings WHERE dict_hash = ?"},
        {&s.coding_insert,
         "INSERT INTO codings(dict_hash, description, first_used) VALUES(?, ?, ?)"},
        {&s.insert_audit,
         "INSERT INTO audit(at, action, parameters, tool_version) VALUES(?, ?, ?, ?)"},
        {&s.insert_failure,
         "INSERT INTO failures(at, origin, sha256, reason) VALUES(?, ?, ?, ?)"},
    };
    for (const auto& p : kPrepared) {
      if (p.stmt->Prepare(raw, p.sql) != SQLITE_OK) return store->Error("preparing statements");
    }
    std::lock_guard lock(store->mu_);
    if (auto st = store->LoadCurrentCodingLocked(); !st.ok()) return st;
  }
  *out = std::move(store);
  return Status::Ok();
}

Status SqliteStore::LoadCurrentCodingLocked() {
  Stmt st;
  if (st.Prepare(db_,
                 "SELECT c.id FROM meta m JOIN codings c ON c.dict_hash = m.value "
                 "WHERE m.key = 'current_coding'") != SQLITE_OK) {
    return Error("reading the current coding");
  }
  int rc = st.Step();
  if (rc == SQLITE_ROW) {
    current_coding_ = st.Int(0);
  } else if (rc == SQLITE_DONE) {
    current_coding_ = 0;
  } else {
    return Error("reading the current coding");
  }
  return Status::Ok();
}

Status SqliteStore::Begin() {
  std::lock_guard lock(mu_);
  if (in_batch_) return Status::Error(path_ + ": Begin() inside a batch");
  if (auto s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
  in_batch_ = true;
  return Status::Ok();
}

Status SqliteStore::Commit() {
  std::lock_guard lock(mu_);
  if (!in_batch_) return Status::Error(path_ + ": Commit() without Begin()");
  Status s = IndexPendingSentencesLocked();
  if (s.ok()) s = Exec("COMMIT");
  if (!s.ok()) {
    (void)Exec("ROLLBACK");
  }
  in_batch_ = false;
  EndTransactionLocked(s.ok());
  return s;
}

Status SqliteStore::Rollback() {
  std::lock_guard lock(mu_);
  if (!in_batch_) return Status::Ok();
  in_batch_ = false;
  Status s = Exec("ROLLBACK");
  EndTransactionLocked(false);
  return s;
}

Status SqliteStore::WithTransaction(const std::function<Status()>& body) {
  std::lock_guard lock(mu_);
  if (in_batch_) return body();
  if (auto s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
  in_batch_ = true;  // nested calls join this transaction
  Status s = body();
  if (s.ok()) s = IndexPendingSentencesLocked();
  in_batch_ = false;
  if (!s.ok()) {
    (void)Exec("ROLLBACK");
    EndTransactionLocked(false);
    return s;
  }
  if (auto c = Exec("COMMIT"); !c.ok()) {
    (void)Exec("ROLLBACK");
    EndTransactionLocked(false);
    return c;
  }
  EndTransactionLocked(true);
  return Status::Ok();
}

void SqliteStore::EndTransactionLocked(bool committed) {
  fts_first_ = fts_last_ = 0;
  if (committed) {
    actor_codes_committed_.merge(actor_codes_pending_);
  } else if (!LoadCurrentCodingLocked().ok()) {
    current_coding_ = 0;  // the rolled-back transaction may have set it
  }
  actor_codes_pending_.clear();
}

Status SqliteStore::CodingIdLocked(const std::string& dict_hash, int64_t* id) {
  Stmt& look = stmts_->coding_lookup;
  look.Reset();
  look.Bind(1, dict_hash);
  int rc = look.Step();
  if (rc == SQLITE_ROW) {
    *id = look.Int(0);
    look.Reset();
    return Status::Ok();
  }
  look.Reset();
  if (rc != SQLITE_DONE) return Error("looking up the coding");
  Stmt& ins = stmts_->coding_insert;
  ins.Reset();
  ins.Bind(1, dict_hash);
  ins.Bind(2, "");
  ins.Bind(3, NowIso());
  rc = ins.Step();
  ins.Reset();
  if (rc != SQLITE_DONE) return Error("recording the coding");
  *id = sqlite3_last_insert_rowid(db_);
  return Status::Ok();
}

Status SqliteStore::SetCurrentCoding(const std::string& dict_hash, const std::string& description) {
  return WithTransaction([&]() -> Status {
    int64_t id = 0;
    if (auto s = CodingIdLocked(dict_hash, &id); !s.ok()) return s;
    Stmt st;
    if (!description.empty()) {
      if (st.Prepare(db_, "UPDATE codings SET description = ? WHERE id = ?") != SQLITE_OK)
        return Error("describing the coding");
      st.Bind(1, description);
      st.Bind(2, id);
      if (st.Step() != SQLITE_DONE) return Error("describing the coding");
    }
    if (st.Prepare(db_, "INSERT OR REPLACE INTO meta(key, value) VALUES('current_coding', ?)") !=
        SQLITE_OK)
      return Error("setting the current coding");
    st.Bind(1, dict_hash);
    if (st.Step() != SQLITE_DONE) return Error("setting the current coding");
    current_coding_ = id;
    return Status::Ok();
  });
}

Status SqliteStore::CurrentCoding(std::string* dict_hash) {
  std::lock_guard lock(mu_);
  if (auto s = LoadCurrentCodingLocked(); !s.ok()) return s;
  dict_hash->clear();
  if (current_coding_ == 0) return Status::Ok();
  Stmt st;
  if (st.Prepare(db_, "SELECT dict_hash FROM codings WHERE id = ?") != SQLITE_OK)
    return Error("reading the coding");
  st.Bind(1, current_coding_);
  if (st.Step() == SQLITE_ROW) *dict_hash = st.Text(0);
  return Status::Ok();
}

Status SqliteStore::FindDocumentBySha(const std::string& sha256, int64_t* id) {
  std::lock_guard lock(mu_);
  Stmt& st = stmts_->find_sha;
  st.Reset();
  st.Bind(1, sha256);
  int rc = st.Step();
  *id = rc == SQLITE_ROW ? st.Int(0) : 0;
  st.Reset();
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return Error("looking up a document");
  return Status::Ok();
}

Status SqliteStore::AddDocument(const Document& document, const std::vector<Event>& events,
                          const std::string& dict_hash, AddResult* result) {
  return AddDocument(document, {}, events, dict_hash, MinHashSignature(document.text), result);
}

Status SqliteStore::AddDocument(const Document& document, const std::vector<Sentence>& sentences,
                          const std::vector<Event>& events, const std::string& dict_hash,
                          AddResult* result) {
  return AddDocument(document, sentences, events, dict_hash, MinHashSignature(document.text),
                     result);
}

Status SqliteStore::AddDocument(const Document& document, const std::vector<Sentence>& sentences,
                          const std::vector<Event>& events, const std::string& dict_hash,
                          const std::vector<uint32_t>& minhash, AddResult* result) {
  AddResult local;
  if (!result) result = &local;
  return WithTransaction([&] {
    return AddDocumentLocked(document, sentences, events, dict_hash, minhash, result);
  });
}

Status SqliteStore::AddDocumentLocked(const Document& document, const std::vector<Sentence>& sentences,
                                const std::vector<Event>& events, const std::string& dict_hash,
                                const std::vector<uint32_t>& minhash, AddResult* result) {
  *result = AddResult();
  Statements& s = *stmts_;
  const std::string sha = document.sha256.empty() ? Sha256Hex(document.text) : document.sha256;

  // Exact duplicate: the same bytes are already stored.
  s.find_sha.Reset();
  s.find_sha.Bind(1, sha);
  int rc = s.find_sha.Step();
  if (rc == SQLITE_ROW) {
    result->outcome = AddOutcome::kDuplicate;
    result->document_id = s.find_sha.Int(0);
    result->duplicate_of = s.find_sha.Int(0);
    s.find_sha.Reset();
    return Status::Ok();
  }
  s.find_sha.Reset();
  if (rc != SQLITE_DONE) return Error("looking up a document");

  int64_t coding = 0;
  if (auto st = CodingIdLocked(dict_hash, &coding); !st.ok()) return st;
  if (current_coding_ == 0) {
    Stmt meta;
    if (meta.Prepare(db_, "INSERT OR IGNORE INTO meta(key, value) VALUES('current_coding', ?)") !=
            SQLITE_OK)
      return Error("setting the current coding");
    meta.Bind(1, dict_hash);
    if (meta.Step() != SQLITE_DONE) return Error("setting the current coding");
    if (auto st = LoadCurrentCodingLocked(); !st.ok()) return st;
  }

  // Near duplicate: a stored original sharing an LSH band and enough MinHash values.
  int64_t near_of = 0;
  int64_t band_keys[kMinHashBands];
  if (static_cast<int>(minhash.size()) == kMinHashSize) {
    std::set<int64_t> candidates;
    for (int b = 0; b < kMinHashBands; ++b) {
      band_keys[b] = BandKey(b, minhash.data() + b * kMinHashRows);
      s.band_lookup.Reset();
      s.band_lookup.Bind(1, band_keys[b]);
      while ((rc = s.band_lookup.Step()) == SQLITE_ROW) candidates.insert(s.band_lookup.Int(0));
      s.band_lookup.Reset();
      if (rc != SQLITE_DONE) return Error("looking up near-duplicates");
    }
    for (int64_t candidate : candidates) {
      s.doc_minhash.Reset();
      s.doc_minhash.Bind(1, candidate);
      if (s.doc_minhash.Step() == SQLITE_ROW) {
        std::string_view blob = s.doc_minhash.Blob(0);
        if (blob.size() == minhash.size() * sizeof(uint32_t)) {
          std::vector<uint32_t> other(minhash.size());
          std::memcpy(other.data(), blob.data(), blob.size());
          if (EstimatedJaccard(minhash, other) >= kNearDuplicateJaccard) {
            near_of = s.doc_minhash.IsNull(1) ? candidate : s.doc_minhash.Int(1);
          }
        }
      }
      s.doc_minhash.Reset();
      if (near_of) break;
    }
  }

  Stmt& ins = s.insert_doc;
  ins.Reset();
  ins.Bind(1, document.id);
  ins.Bind(2, sha);
  ins.Bind(3, document.source);
  ins.Bind(4, document.url);
  ins.Bind(5, document.title);
  ins.Bind(6, document.language);
  ins.Bind(7, document.date.ToIso());
  ins.Bind(8, InputFormatName(document.format));
  ins.Bind(9, document.origin);
  ins.Bind(10, document.text);
  ins.Bind(11, NowIso());
  ins.Bind(12, kToolVersion);
  if (minhash.empty()) {
    ins.BindNull(13);
  } else {
    ins.BindBlob(13, minhash.data(), minhash.size() * sizeof(uint32_t));
  }
  if (near_of) {
    ins.Bind(14, near_of);
  } else {
    ins.BindNull(14);
  }
  ins.Bind(15, PageStartsToText(document.page_starts));
  rc = ins.Step();
  ins.Reset();
  if (rc != SQLITE_DONE) return Error("storing a document");
  const int64_t doc_row = sqlite3_last_insert_rowid(db_);
  result->document_id = doc_row;
  if (near_of) {
    result->outcome = AddOutcome::kNearDuplicate;
    result->duplicate_of = near_of;
  } else if (static_cast<int>(minhash.size()) == kMinHashSize) {
    // Only originals are candidates, so every copy links to the first one.
    for (int b = 0; b < kMinHashBands; ++b) {
      s.band_insert.Reset();
      s.band_insert.Bind(1, band_keys[b]);
      s.band_insert.Bind(2, doc_row);
      rc = s.band_insert.Step();
      s.band_insert.Reset();
      if (rc != SQLITE_DONE) return Error("indexing a document for near-duplicates");
    }
  }

  // Sentences: given, or those the events come from.
  std::vector<Sentence> derived;
  const std::vector<Sentence>* all = &sentences;
  if (sentences.empty()) {
    std::set<int> seen;
    for (const Event& e : events) {
      if (seen.insert(e.sentence_index).second)
        derived.push_back({e.sentence_index, e.sentence_span, e.sentence});
    }
    all = &derived;
  }
  std::unordered_map<int, int64_t> sentence_ids;
  if (auto st = EnsureSentencesLocked(doc_row, *all, &sentence_ids); !st.ok()) return st;
  return InsertEventsLocked(doc_row, events, coding, near_of != 0, &result->events_added,
                            &sentence_ids);
}

Status SqliteStore::EnsureSentencesLocked(int64_t doc_row, const std::vector<Sentence>& sentences,
                                    std::unordered_map<int, int64_t>* ids) {
  Statements& s = *stmts_;
  for (const Sentence& sentence : sentences) {
    s.insert_sentence.Reset();
    s.insert_sentence.Bind(1, doc_row);
    s.insert_sentence.Bind(2, sentence.index);
    s.insert_sentence.Bind(3, sentence.span.begin);
    s.insert_sentence.Bind(4, sentence.span.end);
    s.insert_sentence.Bind(5, sentence.text);
    int rc = s.insert_sentence.Step();
    s.insert_sentence.Reset();
    if (rc != SQLITE_DONE) return Error("storing a sentence");
    if (sqlite3_changes(db_) == 1) {
      const int64_t row = sqlite3_last_insert_rowid(db_);
      if (ids) (*ids)[sentence.index] = row;
      // Indexed with the rows around it (IndexPendingSentencesLocked): a range of row ids.
      if (fts_last_ != 0 && row != fts_last_ + 1) {
        if (auto st = IndexPendingSentencesLocked(); !st.ok()) return st;
      }
      if (fts_first_ == 0) fts_first_ = row;
      fts_last_ = row;
    }
  }
  return Status::Ok();
}

Status SqliteStore::IndexPendingSentencesLocked() {
  if (fts_first_ == 0) return Status::Ok();
  Stmt& st = stmts_->insert_fts;
  st.Reset();
  st.Bind(1, fts_first_);
  st.Bind(2, fts_last_);
  const int rc = st.Step();
  st.Reset();
  fts_first_ = fts_last_ = 0;
  if (rc != SQLITE_DONE) return Error("indexing sentences");
  return Status::Ok();
}

Status SqliteStore::InsertEventCountriesLocked(int64_t event_row,
                                               const std::vector<std::string>& countries) {
  Stmt& st = stmts_->insert_event_country;
  for (const std::string& country : countries) {
    st.Reset();
    st.Bind(1, country);
    st.Bind(2, event_row);
    const int rc = st.Step();
    st.Reset();
    if (rc != SQLITE_DONE) return Error("recording an event's countries");
  }
  return Status::Ok();
}

Status SqliteStore::InsertEventsLocked(int64_t doc_row, const std::vector<Event>& events,
                                 int64_t coding, bool duplicate, int* added,
                                 std::unordered_map<int, int64_t>* known_sentences) {
  Statements& s = *stmts_;
  std::unordered_map<int, int64_t> local;
  std::unordered_map<int, int64_t>& sentence_ids = known_sentences ? *known_sentences : local;
  *added = 0;
  for (const Event& e : events) {
    auto it = sentence_ids.find(e.sentence_index);
    if (it == sentence_ids.end()) {
      s.find_sentence.Reset();
      s.find_sentence.Bind(1, doc_row);
      s.find_sentence.Bind(2, e.sentence_index);
      int rc = s.find_sentence.Step();
      int64_t id = 0;
      if (rc == SQLITE_ROW) {
        id = s.find_sentence.Int(0);
        s.find_sentence.Reset();
      } else {
        s.find_sentence.Reset();
        if (rc != SQLITE_DONE) return Error("looking up a sentence");
        // Not stored yet (sentences were given without this one): store it.
        std::unordered_map<int, int64_t> stored;
        if (auto st = EnsureSentencesLocked(
                doc_row, {{e.sentence_index, e.sentence_span, e.sentence}}, &stored);
            !st.ok())
          return st;
        auto found = stored.find(e.sentence_index);
        if (found == stored.end()) return Error("storing a sentence");
        id = found->second;
      }
      it = sentence_ids.emplace(e.sentence_index, id).first;
    }
    Stmt& ins = s.insert_event;
    ins.Reset();
    int c = 1;
    ins.Bind(c++, doc_row);
    ins.Bind(c++, coding);
    ins.Bind(c++, it->second);
    ins.Bind(c++, e.sentence_index);
    ins.Bind(c++, e.sentence_span.begin);
    ins.Bind(c++, e.sentence_span.end);
    if (auto d = DayOf(e.date)) ins.Bind(c, *d); else ins.BindNull(c);
    ++c;
    if (auto d = DayOf(e.date_end.valid() ? e.date_end : e.date)) ins.Bind(c, *d); else ins.BindNull(c);
    ++c;
    ins.Bind(c++, DatePrecisionName(e.date_precision));
    ins.Bind(c++, e.date_text);
    ins.Bind(c++, e.source);
    ins.Bind(c++, e.target);
    ins.Bind(c++, e.source_text);
    ins.Bind(c++, e.target_text);
    ins.Bind(c++, e.event_code);
    ins.Bind(c++, e.root_code.empty() ? e.event_code.substr(0, 2) : e.root_code);
    ins.Bind(c++, e.quad_class);
    ins.Bind(c++, e.goldstein);
    ins.Bind(c++, e.verb_text);
    ins.Bind(c++, e.plover);
    ins.Bind(c++, e.pattern.file);
    ins.Bind(c++, e.pattern.line);
    ins.Bind(c++, e.pattern.text);
    ins.Bind(c++, e.source_span.begin);
    ins.Bind(c++, e.source_span.end);
    ins.Bind(c++, e.verb_span.begin);
    ins.Bind(c++, e.verb_span.end);
    ins.Bind(c++, e.target_span.begin);
    ins.Bind(c++, e.target_span.end);
    ins.Bind(c++, ModalityName(e.modality));
    ins.Bind(c++, e.reported_by);
    ins.Bind(c++, e.reported_by_text);
    ins.Bind(c++, PlacesToText(e));
    ins.Bind(c++, duplicate ? 1 : 0);
    ins.Bind(c++, e.source_ref);
    ins.Bind(c++, e.target_ref);
    ins.Bind(c++, e.page);
    int rc = ins.Step();
    ins.Reset();
    if (rc != SQLITE_DONE) return Error("storing an event");
    ++*added;
    if (auto st = InsertEventCountriesLocked(sqlite3_last_insert_rowid(db_), EventCountries(e)); !st.ok()) return st;

    for (const std::string* code : {&e.source, &e.target}) {
      if (code->empty() || actor_codes_committed_.count(*code) ||
          actor_codes_pending_.count(*code))
        continue;
      Stmt& ac = s.insert_actor_code;
      ac.Reset();
      ac.Bind(1, *code);
      rc = ac.Step();
      ac.Reset();
      if (rc != SQLITE_DONE) return Error("recording an actor code");
      actor_codes_pending_.insert(*code);
    }
  }
  return Status::Ok();
}

Status SqliteStore::AddFailure(const std::string& origin, const std::string& sha256,
                         const std::string& reason) {
  return WithTransaction([&]() -> Status {
    Stmt& st = stmts_->insert_failure;
    st.Reset();
    st.Bind(1, NowIso());
    st.Bind(2, origin);
    st.Bind(3, sha256);
    st.Bind(4, reason);
    int rc = st.Step();
    st.Reset();
    if (rc != SQLITE_DONE) return Error("recording a failed input");
    return Status::Ok();
  });
}

// ---------------------------------------------------------------- reviews

Status SqliteStore::AddReview(int64_t event_id, const Review& review, Review* stored) {
  StoredEvent event;
  if (auto s = CheckReview(review); !s.ok()) return s;
  if (auto s = GetEvent(event_id, &event); !s.ok()) return s;
  Review v;
  if (auto s = ReviewOfEvent(event, review, &v); !s.ok()) return s;
  const Event& e = event.event;
  return WithTransaction([&]() -> Status {
    Stmt st;
    if (st.Prepare(db_,
                   "INSERT INTO reviews(at, reviewer, event, doc, sentence_idx, verb_begin, verb_end, "
                   "machine_source, machine_target, machine_code, state, source, target, event_code, "
                   "root_code, quad_class, goldstein, plover, note) "
                   "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") != SQLITE_OK)
      return Error("writing a review");
    int i = 1;
    st.Bind(i++, v.at);
    st.Bind(i++, v.reviewer);
    st.Bind(i++, event_id);
    st.Bind(i++, event.document_id);
    st.Bind(i++, e.sentence_index);
    st.Bind(i++, e.verb_span.begin);
    st.Bind(i++, e.verb_span.end);
    st.Bind(i++, v.machine_source);
    st.Bind(i++, v.machine_target);
    st.Bind(i++, v.machine_code);
    st.Bind(i++, ReviewStateName(v.state));
    st.Bind(i++, v.source);
    st.Bind(i++, v.target);
    st.Bind(i++, v.event_code);
    st.Bind(i++, v.root_code);
    st.Bind(i++, v.quad_class);
    st.Bind(i++, v.goldstein);
    st.Bind(i++, v.plover);
    st.Bind(i++, v.note);
    if (st.Step() != SQLITE_DONE) return Error("writing a review");
    v.id = sqlite3_last_insert_rowid(db_);
    if (auto s = Audit("review", ReviewAuditParameters(v, event.document_id)); !s.ok()) return s;
    *stored = v;
    return Status::Ok();
  });
}

Status SqliteStore::ReviewHistory(int64_t event_id, std::vector<Review>* out) {
  out->clear();
  StoredEvent event;
  if (auto s = GetEvent(event_id, &event); !s.ok()) return s;
  std::lock_guard lock(mu_);
  Stmt st;
  if (st.Prepare(db_,
                 "SELECT id, at, reviewer, event, state, source, target, event_code, root_code, quad_class, "
                 "goldstein, plover, note, machine_source, machine_target, machine_code FROM reviews "
                 "WHERE doc = ? AND sentence_idx = ? AND verb_begin = ? AND verb_end = ? AND machine_source = ? "
                 "AND machine_target = ? AND machine_code = ? ORDER BY id") != SQLITE_OK)
    return Error("reading reviews");
  const Event& e = event.event;
  st.Bind(1, event.document_id);
  st.Bind(2, e.sentence_index);
  st.Bind(3, e.verb_span.begin);
  st.Bind(4, e.verb_span.end);
  st.Bind(5, e.source);
  st.Bind(6, e.target);
  st.Bind(7, e.event_code);
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    Review v;
    ReadLatestReview(st, 0, &v);  // (the same columns, in the same order)
    out->push_back(std::move(v));
  }
  if (rc != SQLITE_DONE) return Error("reading reviews");
  return Status::Ok();
}

Status SqliteStore::Audit(const std::string& action, const std::string& parameters) {
  return WithTransaction([&]() -> Status {
    Stmt& st = stmts_->insert_audit;
    st.Reset();
    st.Bind(1, NowIso());
    st.Bind(2, action);
    st.Bind(3, parameters.empty() ? std::string("{}") : parameters);
    st.Bind(4, kToolVersion);
    int rc = st.Step();
    st.Reset();
    if (rc != SQLITE_DONE) return Error("writing the audit log");
    return Status::Ok();
  });
}

Status SqliteStore::ReadAudit(std::vector<AuditEntry>* out) {
  std::lock_guard lock(mu_);
  out->clear();
  Stmt st;
  if (st.Prepare(db_, "SELECT id, at, action, parameters FROM audit ORDER BY id") != SQLITE_OK)
    return Error("reading the audit log");
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    out->push_back({st.Int(0), st.Text(1), st.Text(2), st.Text(3)});
  }
  if (rc != SQLITE_DONE) return Error("reading the audit log");
  return Status::Ok();
}

// ---------------------------------------------------------------- queries

namespace {

// Actor code prefix -> the stored codes it matches (from actor_codes).
using ExpandFn = std::function<std::vector<std::string>(const std::string&)>;

// The WHERE clause and parameters of an event query over coding `coding`.
// Actor prefixes become IN lists of exact codes, so that the index
// (coding, source, day) is searched by code and date range together.
// An FTS5 query matching any of `phrases` (each a quoted phrase: whole words, in order).
std::string AnyPhraseQuery(const std::vector<std::string>& phrases) {
  std::string query;
  for (const std::string& phrase : phrases) {
    if (phrase.find_first_not_of(" \t") == std::string::npos) continue;
    std::string quoted = "\"";
    for (char c : phrase) {
      if (c == '"') quoted += '"';
      quoted += c;
    }
    query += (query.empty() ? "" : " OR ") + quoted + "\"";
  }
  return query;
}

// Whether an index serves the query's filters. When none does (no filter, or only
// modality/root/reporting), rows are read in id order straight from the table and a limit stops
// the walk early; otherwise the matching ids are collected from the indexes and sorted.
bool UsesIndex(const EventQuery& q) {
  return !q.actor.empty() || !q.involving.empty() || !q.source.empty() || !q.target.empty() ||
         !q.code.empty() || !q.text.empty() || q.document_id > 0 || (q.from && q.from->valid()) ||
         (q.to && q.to->valid());
}

// `reviews`: whether the store holds any review. Without, every review filter is decided
// before the query (nothing is accepted or rejected), and no row is read to probe for one.
void BuildWhere(const EventQuery& q, int64_t coding, const ExpandFn& expand, bool reviews,
                std::string* where, std::vector<Param>* params) {
  // With an actor or country filter the rows come from the id lists below: "+" keeps the
  // planner from searching events_day / events_code for the outer query. Without any indexed
  // filter, "+" keeps it walking the table in id order rather than sorting every row.
  const bool by_actor = !q.actor.empty() || !q.involving.empty();
  std::string w = by_actor || !UsesIndex(q) ? "+e.coding = ?" : "e.coding = ?";
  params->push_back(coding);
  if (!q.involving.empty()) {
    // Events naming the country by code (event_countries), or by a word of the sentence.
    w += " AND e.id IN (SELECT event FROM event_countries WHERE country = ?";
    params->push_back(q.involving);
    if (const std::string words = AnyPhraseQuery(q.involving_words); !words.empty()) {
      w += " UNION ALL SELECT w.id FROM events w WHERE w.sentence IN "
           "(SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?)";
      params->push_back(words);
    }
    w += ")";
  }
  auto in_list = [&](const char* column, const std::vector<std::string>& codes) {
    if (codes.empty()) return std::string("0");
    std::string clause = std::string("e.") + column + " IN (";
    for (size_t i = 0; i < codes.size(); ++i) {
      clause += i ? ",?" : "?";
      params->push_back(codes[i]);
    }
    return clause + ")";
  };
  if (!q.actor.empty()) {
    // Source OR target: one index search each (events_source, events_target),
    // each by code and date range; the planner would not pick both for an OR.
    const auto codes = expand(q.actor);
    auto branch = [&](const char* column) {
      std::string sql = "SELECT e.id FROM events e WHERE e.coding = ?";
      params->push_back(coding);
      sql += " AND " + in_list(column, codes);
      if (q.from && q.from->valid()) {
        sql += " AND e.day >= ?";
        params->push_back(q.from->ToDays());
      }
      if (q.to && q.to->valid()) {
        sql += " AND e.day <= ?";
        params->push_back(q.to->ToDays());
      }
      return sql;
    };
    w += " AND e.id IN (" + branch("source");
    w += " UNION ALL " + branch("target") + ")";
  }
  if (!q.source.empty()) w += " AND " + in_list("source", expand(q.source));
  if (!q.target.empty()) w += " AND " + in_list("target", expand(q.target));
  if (!q.code.empty()) {
    const char* col = by_actor ? "+e.event_code" : "e.event_code";
    w += std::string(" AND (") + col + " >= ? AND " + col + " < ?)";
    params->push_back(q.code);
    params->push_back(PrefixEnd(q.code));
  }
  if (!q.root.empty()) {
    w += " AND e.root_code = ?";
    params->push_back(q.root);
  }
  // With only a code prefix, steer the planner to events_code ("+e.day"
  // cannot use events_day): without statistics it would prefer the date range.
  const bool narrow =
      by_actor || (q.source.empty() && q.target.empty() && !q.code.empty());
  const char* day = narrow ? " AND +e.day" : " AND e.day";
  if (q.from && q.from->valid()) {
    w += std::string(day) + " >= ?";
    params->push_back(q.from->ToDays());
  }
  if (q.to && q.to->valid()) {
    w += std::string(day) + " <= ?";
    params->push_back(q.to->ToDays());
  }
  if (q.modality) {
    w += " AND e.modality = ?";
    params->push_back(std::string(ModalityName(*q.modality)));
  }
  if (q.reported) w += *q.reported ? " AND e.reported_by <> ''" : " AND e.reported_by = ''";
  if (!q.text.empty()) {
    w += " AND e.sentence IN (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?)";
    params->push_back(q.text);
  }
  if (q.document_id > 0) {
    w += " AND e.doc = ?";
    params->push_back(q.document_id);
  }
  if (!reviews && (q.review == ReviewFilter::kAccepted || q.review == ReviewFilter::kRejected)) w += " AND 0";
  if (reviews) switch (q.review) {
    case ReviewFilter::kAny: break;
    case ReviewFilter::kAccepted: w += " AND " DYAD_LATEST_REVIEW("state") " IN ('confirmed', 'corrected')"; break;
    case ReviewFilter::kRejected: w += " AND " DYAD_LATEST_REVIEW("state") " = 'rejected'"; break;
    case ReviewFilter::kUnreviewed: w += " AND " DYAD_LATEST_REVIEW("id") " IS NULL"; break;
    case ReviewFilter::kNotRejected: w += " AND COALESCE(" DYAD_LATEST_REVIEW("state") ", '') <> 'rejected'"; break;
  }
  if (!q.include_duplicates) w += " AND e.duplicate = 0";
  if (q.after_id > 0) {
    w += " AND e.id > ?";
    params->push_back(q.after_id);
  }
  *where = w;
}

// Whether the ids of an actor query can come from the actor indexes alone (events_source and
// events_target hold coding, code, day and duplicate): no other filter reads the row.
bool ActorIdsFromIndexes(const EventQuery& q, bool reviews) {
  const bool review_decided = q.review == ReviewFilter::kAny ||
                              (!reviews && (q.review == ReviewFilter::kNotRejected || q.review == ReviewFilter::kUnreviewed));
  return !q.actor.empty() && q.involving.empty() && q.source.empty() && q.target.empty() && q.code.empty() &&
         q.root.empty() && !q.modality && !q.reported && q.text.empty() && q.document_id == 0 && review_decided;
}

// The ids of the first `limit` events of an actor query (ActorIdsFromIndexes), from the two
// covering indexes: no event row is read before the page is chosen.
std::string ActorIdsSql(const EventQuery& q, int64_t coding, const ExpandFn& expand, std::vector<Param>* params) {
  const std::vector<std::string> codes = expand(q.actor);
  auto branch = [&](const char* column) {
    std::string sql = std::string("SELECT e.id AS id FROM events e WHERE e.coding = ? AND e.") + column + " IN (";
    params->push_back(coding);
    for (size_t i = 0; i < codes.size(); ++i) {
      sql += i ? ",?" : "?";
      params->push_back(codes[i]);
    }
    sql += codes.empty() ? "NULL)" : ")";
    if (q.from && q.from->valid()) {
      sql += " AND e.day >= ?";
      params->push_back(q.from->ToDays());
    }
    if (q.to && q.to->valid()) {
      sql += " AND e.day <= ?";
      params->push_back(q.to->ToDays());
    }
    if (!q.include_duplicates) sql += " AND e.duplicate = 0";
    if (q.after_id > 0) {
      sql += " AND e.id > ?";
      params->push_back(q.after_id);
    }
    return sql;
  };
  // UNION: an event with the actor as both source and target is one id.
  return "SELECT id FROM (" + branch("source") + " UNION " + branch("target") + ") ORDER BY id LIMIT " +
         std::to_string(q.limit);
}

// The SQL of an event query and its parameters.
void BuildQuery(const EventQuery& q, int64_t coding, const ExpandFn& expand, bool reviews, std::string* sql,
                std::vector<Param>* params) {
  // With indexed filters, "+e.id": sort the matches rather than walk the table in id order, so
  // the planner uses the filter indexes (events_source, events_day, ...). Without, walk the
  // table in id order: rows stream out as they are read (no sort of the whole table) and a
  // limit stops after its rows. With a limit, the ids are chosen first (from the covering
  // indexes when the filters allow), and only the rows kept are joined with their documents
  // and sentences.
  // A country filter is a list of ids (e.id IN ...): read in id order from that list, no sort.
  std::string columns = q.fields == EventFields::kReport ? kReportColumns : kEventColumns;
  columns += reviews ? DYAD_REVIEW_COLUMNS : kNoReviewColumns;
  const char* joins = q.fields == EventFields::kReport ? (reviews ? kReportJoins : kReportJoinsWithoutReviews)
                                                       : (reviews ? kEventJoins : kEventJoinsWithoutReviews);
  const std::string select = "SELECT " + columns + joins;
  if (q.order == EventOrder::kId && q.limit > 0 && ActorIdsFromIndexes(q, reviews)) {
    *sql = select + " WHERE e.id IN (" + ActorIdsSql(q, coding, expand, params) + ") ORDER BY e.id";
    return;
  }
  std::string where;
  BuildWhere(q, coding, expand, reviews, &where, params);
  if (q.order != EventOrder::kId) {
    // By date: every match is sorted (events_day serves a date range, not the order of an
    // actor's events); undated events come last either way.
    *sql = select + " WHERE " + where +
           (q.order == EventOrder::kDate ? " ORDER BY e.day IS NULL, e.day, e.id"
                                         : " ORDER BY e.day IS NULL, e.day DESC, e.id DESC");
    if (q.limit > 0) *sql += " LIMIT " + std::to_string(q.limit);
    if (q.offset > 0) *sql += (q.limit > 0 ? "" : " LIMIT -1") + std::string(" OFFSET ") + std::to_string(q.offset);
    return;
  }
  const char* order = UsesIndex(q) && q.involving.empty() ? " ORDER BY +e.id" : " ORDER BY e.id";
  if (q.limit > 0) {
    *sql = select + " WHERE e.id IN (SELECT e.id FROM events e WHERE " + where + order + " LIMIT " +
           std::to_string(q.limit) + ") ORDER BY e.id";
    return;
  }
  *sql = select + " WHERE " + where + order;
}

}  // namespace

std::function<std::vector<std::string>(const std::string&)> SqliteStore::ExpandActor() {
  return [this](const std::string& prefix) {
    std::vector<std::string> codes;
    Stmt st;
    if (st.Prepare(db_, "SELECT code FROM actor_codes WHERE code >= ? AND code < ?") != SQLITE_OK)
      return codes;
    st.Bind(1, prefix);
    st.Bind(2, PrefixEnd(prefix));
    while (st.Step() == SQLITE_ROW) codes.push_back(st.Text(0));
    return codes;
  };
}

Status SqliteStore::RunQuery(const EventQuery& query,
                       const std::function<bool(const StoredEvent&)>& fn) {
  std::lock_guard lock(mu_);
  if (auto s = LoadCurrentCodingLocked(); !s.ok()) return s;
  if (current_coding_ == 0) return Status::Ok();  // nothing coded yet
  if (auto s = IndexPendingSentencesLocked(); !s.ok()) return s;  // inside a batch: its sentences too
  bool reviews = true;
  if (auto s = HasReviewsLocked(&reviews); !s.ok()) return s;
  std::string sql;
  std::vector<Param> params;
  BuildQuery(query, current_coding_, ExpandActor(), reviews, &sql, &params);
  Stmt st;
  if (st.Prepare(db_, sql) != SQLITE_OK) return Error("preparing the query");
  BindAll(&st, params);
  int rc;
  StoredEvent row;
  while ((rc = st.Step()) == SQLITE_ROW) {
    if (query.fields == EventFields::kReport) ReadReportRow(st, &row);
    else ReadEventRow(st, &row);
    if (query.review == ReviewFilter::kAccepted) ApplyCorrection(&row);
    if (!fn(row)) return Status::Ok();
  }
  if (rc != SQLITE_DONE) {
    std::string msg = sqlite3_errmsg(db_);
    if (!query.text.empty() && (sqlite3_errcode(db_) & 0xff) == SQLITE_ERROR) {
      return Status::Error("bad full-text query '" + query.text + "': " + msg);
    }
    return Error("querying events");
  }
  return Status::Ok();
}

Status SqliteStore::HasReviewsLocked(bool* any) {
  Stmt st;
  if (st.Prepare(db_, "SELECT EXISTS (SELECT 1 FROM reviews)") != SQLITE_OK || st.Step() != SQLITE_ROW)
    return Error("reading reviews");
  *any = st.Int(0) != 0;
  return Status::Ok();
}

Status SqliteStore::QueryEvents(const EventQuery& query, std::vector<StoredEvent>* out) {
  out->clear();
  return RunQuery(query, [out](const StoredEvent& e) {
    out->push_back(e);
    return true;
  });
}

Status SqliteStore::ForEachEvent(const EventQuery& query,
                           const std::function<bool(const StoredEvent&)>& fn) {
  return RunQuery(query, fn);
}

Status SqliteStore::ExplainQuery(const EventQuery& query, std::string* plan) {
  std::lock_guard lock(mu_);
  if (auto s = LoadCurrentCodingLocked(); !s.ok()) return s;
  bool reviews = true;
  if (auto s = HasReviewsLocked(&reviews); !s.ok()) return s;
  std::string sql;
  std::vector<Param> params;
  BuildQuery(query, current_coding_, ExpandActor(), reviews, &sql, &params);
  Stmt st;
  if (st.Prepare(db_, "EXPLAIN QUERY PLAN " + sql) != SQLITE_OK)
    return Error("explaining the query");
  BindAll(&st, params);
  plan->clear();
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) *plan += st.Text(3) + "\n";
  if (rc != SQLITE_DONE) return Error("explaining the query");
  return Status::Ok();
}

Status SqliteStore::CountHiddenEvents(int64_t* count) {
  std::lock_guard lock(mu_);
  if (auto s = LoadCurrentCodingLocked(); !s.ok()) return s;
  Stmt st;
  // Two ranges of events_day: no scan of the current coding's events.
  if (st.Prepare(db_, "SELECT (SELECT COUNT(*) FROM events WHERE coding < ?1) + "
                      "(SELECT COUNT(*) FROM events WHERE coding > ?1)") != SQLITE_OK)
    return Error("counting events");
  st.Bind(1, current_coding_);
  if (st.Step() != SQLITE_ROW) return Error("counting events");
  *count = st.Int(0);
  return Status::Ok();
}

Status SqliteStore::HasEvents(bool* any) {
  std::lock_guard lock(mu_);
  if (auto s = LoadCurrentCodingLocked(); !s.ok()) return s;
  Stmt st;
  if (st.Prepare(db_, "SELECT EXISTS(SELECT 1 FROM events WHERE coding = ?)") != SQLITE_OK)
    return Error("counting events");
  st.Bind(1, current_coding_);
  if (st.Step() != SQLITE_ROW) return Error("counting events");
  *any = st.Int(0) != 0;
  return Status::Ok();
}

Status SqliteStore::CountNearDuplicates(int64_t* count) {
  std::lock_guard lock(mu_);
  Stmt st;
  if (st.Prepare(db_, "SELECT COUNT(*) FROM documents WHERE near_duplicate_of IS NOT NULL") != SQLITE_OK ||
      st.Step() != SQLITE_ROW)
    return Error("counting near-duplicates");
  *count = st.Int(0);
  return Status::Ok();
}

Status SqliteStore::GetEvent(int64_t id, StoredEvent* out) {
  std::lock_guard lock(mu_);
  Stmt st;
  if (st.Prepare(db_, std::string("SELECT ") + kEventColumns + DYAD_REVIEW_COLUMNS + kEventJoins + " WHERE e.id = ?") !=
      SQLITE_OK)
    return Error("reading an event");
  st.Bind(1, id);
  int rc = st.Step();
  if (rc == SQLITE_ROW) {
    ReadEventRow(st, out);
    return Status::Ok();
  }
  if (rc == SQLITE_DONE) return Status::NotFound(path_ + ": no event " + std::to_string(id));
  return Error("reading an event");
}

namespace {
constexpr const char* kDocumentColumns =
    "SELECT id, input_id, sha256, source, url, title, language, pub_date, format, origin, text, "
    "ingested_at, tool_version, near_duplicate_of, page_starts FROM documents ";

void ReadDocumentRow(const Stmt& st, StoredDocument* out) {
  StoredDocument d;
  d.id = st.Int(0);
  d.document.id = st.Text(1);
  d.document.sha256 = st.Text(2);
  d.document.source = st.Text(3);
  d.document.url = st.Text(4);
  d.document.title = st.Text(5);
  d.document.language = st.Text(6);
  if (auto date = Date::Parse(st.Text(7))) d.document.date = *date;
  std::string format = st.Text(8);
  for (auto f : {InputFormat::kText, InputFormat::kTabari, InputFormat::kJsonl, InputFormat::kHtml,
                 InputFormat::kPdf, InputFormat::kFeed})
    if (format == InputFormatName(f)) d.document.format = f;
  d.document.origin = st.Text(9);
  d.document.text = st.Text(10);
  d.ingested_at = st.Text(11);
  d.tool_version = st.Text(12);
  d.near_duplicate_of = st.IsNull(13) ? 0 : st.Int(13);
  d.document.page_starts = PageStartsFromText(st.Text(14));
  *out = std::move(d);
}
}  // namespace

Status SqliteStore::GetDocument(int64_t id, StoredDocument* out) {
  std::lock_guard lock(mu_);
  Stmt st;
  if (st.Prepare(db_, std::string(kDocumentColumns) + "WHERE id = ?") != SQLITE_OK)
    return Error("reading a document");
  st.Bind(1, id);
  int rc = st.Step();
  if (rc == SQLITE_ROW) {
    ReadDocumentRow(st, out);
    return Status::Ok();
  }
  if (rc == SQLITE_DONE) return Status::NotFound(path_ + ": no document d" + std::to_string(id));
  return Error("reading a document");
}

Status SqliteStore::FindDocument(const std::string& key, StoredDocument* out) {
  if (key.size() > 1 && key[0] == 'd' &&
      key.find_first_not_of("0123456789", 1) == std::string::npos) {
    return GetDocument(std::stoll(key.substr(1)), out);
  }
  int64_t id = 0;
  {
    std::lock_guard lock(mu_);
    Stmt st;
    if (st.Prepare(db_, "SELECT id FROM documents WHERE input_id = ? ORDER BY id LIMIT 1") !=
        SQLITE_OK)
      return Error("finding a document");
    st.Bind(1, key);
    if (st.Step() == SQLITE_ROW) id = st.Int(0);
    if (id == 0 && key.size() >= 8 &&
        key.find_first_not_of("0123456789abcdef") == std::string::npos) {
      Stmt sha;
      if (sha.Prepare(db_, "SELECT id FROM documents WHERE sha256 >= ? AND sha256 < ? LIMIT 2") !=
          SQLITE_OK)
        return Error("finding a document");
      sha.Bind(1, key);
      sha.Bind(2, PrefixEnd(key));
      int found = 0;
      while (sha.Step() == SQLITE_ROW) {
        id = sha.Int(0);
        ++found;
      }
      if (found > 1) return Status::Error(path_ + ": sha256 prefix '" + key + "' is ambiguous");
    }
  }
  if (id == 0) return Status::NotFound(path_ + ": no document '" + key + "'");
  return GetDocument(id, out);
}

Status SqliteStore::GetSentences(int64_t document_id, std::vector<Sentence>* out) {
  std::lock_guard lock(mu_);
  out->clear();
  Stmt st;
  if (st.Prepare(db_, "SELECT idx, begin, end, text FROM sentences WHERE doc = ? ORDER BY idx") !=
      SQLITE_OK)
    return Error("reading sentences");
  st.Bind(1, document_id);
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    out->push_back({static_cast<int>(st.Int(0)), Span{st.Int(1), st.Int(2)}, st.Text(3)});
  }
  if (rc != SQLITE_DONE) return Error("reading sentences");
  return Status::Ok();
}

Status SqliteStore::ListDocumentIds(std::vector<int64_t>* out) {
  std::lock_guard lock(mu_);
  out->clear();
  Stmt st;
  if (st.Prepare(db_, "SELECT id FROM documents ORDER BY id") != SQLITE_OK)
    return Error("listing documents");
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) out->push_back(st.Int(0));
  if (rc != SQLITE_DONE) return Error("listing documents");
  return Status::Ok();
}

Status SqliteStore::SearchSentences(const std::string& fts_query, int64_t limit,
                              std::vector<SentenceHit>* out) {
  std::lock_guard lock(mu_);
  out->clear();
  if (auto s = IndexPendingSentencesLocked(); !s.ok()) return s;  // inside a batch: its sentences too
  Stmt st;
  std::string sql =
      "SELECT s.doc, s.idx, s.begin, s.end, s.text, "
      "highlight(sentences_fts, 0, '[', ']'), d.title, d.url, d.pub_date, d.origin, d.input_id, "
      "d.page_starts, d.source "
      "FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid "
      "JOIN documents d ON d.id = s.doc WHERE sentences_fts MATCH ? ORDER BY rank";
  if (limit > 0) sql += " LIMIT " + std::to_string(limit);
  if (st.Prepare(db_, sql) != SQLITE_OK) return Error("searching sentences");
  st.Bind(1, fts_query);
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    SentenceHit hit;
    hit.document_id = st.Int(0);
    hit.sentence = {static_cast<int>(st.Int(1)), Span{st.Int(2), st.Int(3)}, st.Text(4)};
    hit.snippet = st.Text(5);
    hit.doc_title = st.Text(6);
    hit.doc_url = st.Text(7);
    if (auto d = Date::Parse(st.Text(8))) hit.doc_date = *d;
    hit.doc_name = DocumentName(hit.doc_title, st.Text(9), st.Text(10));
    Document paged;
    paged.page_starts = PageStartsFromText(st.Text(11));
    hit.page = PageAt(paged, hit.sentence.span.begin);
    hit.doc_source = st.Text(12);
    out->push_back(std::move(hit));
  }
  if (rc != SQLITE_DONE) {
    return Status::Error("bad full-text query '" + fts_query + "': " + sqlite3_errmsg(db_));
  }
  return Status::Ok();
}

Status SqliteStore::ForEachSentenceMatching(const std::string& fts_query,
                                            const std::function<bool(int64_t, const Sentence&)>& fn) {
  std::lock_guard lock(mu_);
  if (auto s = IndexPendingSentencesLocked(); !s.ok()) return s;  // inside a batch: its sentences too
  Stmt st;
  if (st.Prepare(db_, "SELECT s.doc, s.idx, s.begin, s.end, s.text FROM sentences_fts "
                      "JOIN sentences s ON s.id = sentences_fts.rowid WHERE sentences_fts MATCH ?") != SQLITE_OK)
    return Error("searching sentences");
  st.Bind(1, fts_query);
  int rc;
  Sentence sentence;
  while ((rc = st.Step()) == SQLITE_ROW) {
    sentence.index = static_cast<int>(st.Int(1));
    sentence.span = Span{st.Int(2), st.Int(3)};
    st.TextTo(4, &sentence.text);
    if (!fn(st.Int(0), sentence)) return Status::Ok();
  }
  if (rc != SQLITE_DONE) return Status::Error("bad full-text query '" + fts_query + "': " + sqlite3_errmsg(db_));
  return Status::Ok();
}

Status SqliteStore::ForEachDocumentActors(const std::vector<int64_t>& document_ids, bool include_rejected,
                                          const std::function<bool(const DocumentActors&)>& fn) {
  std::lock_guard lock(mu_);
  if (auto s = LoadCurrentCodingLocked(); !s.ok()) return s;
  if (current_coding_ == 0 || document_ids.empty()) return Status::Ok();
  bool reviews = true;
  if (auto s = HasReviewsLocked(&reviews); !s.ok()) return s;
  // The ids as one JSON array: one statement for every document. CROSS JOIN keeps the order:
  // document by document as listed, each read once from documents_report, its events from the
  // covering index events_doc.
  std::string ids = "[";
  for (size_t i = 0; i < document_ids.size(); ++i) {
    if (i) ids += ',';
    ids += std::to_string(document_ids[i]);
  }
  ids += ']';
  std::string sql =
      "SELECT d.id, d.url, d.title, d.source, d.pub_date, e.source, e.target FROM json_each(?) j"
      " CROSS JOIN documents d INDEXED BY documents_report ON d.id = j.value"
      " CROSS JOIN events e ON e.doc = d.id WHERE e.coding = ? AND e.duplicate = 0";
  if (reviews && !include_rejected) sql += " AND COALESCE(" DYAD_LATEST_REVIEW("state") ", '') <> 'rejected'";
  Stmt st;
  if (st.Prepare(db_, sql) != SQLITE_OK) return Error("reading the documents' actors");
  st.Bind(1, ids);
  st.Bind(2, current_coding_);
  DocumentActors doc;
  std::pair<std::string, std::string> pair;
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    const int64_t id = st.Int(0);
    if (id != doc.document_id) {
      if (doc.document_id != 0 && !fn(doc)) return Status::Ok();
      doc.document_id = id;
      st.TextTo(1, &doc.url);
      st.TextTo(2, &doc.title);
      st.TextTo(3, &doc.source);
      const std::optional<Date> date = Date::Parse(st.View(4));
      doc.date = date ? *date : Date{};
      doc.pairs.clear();
    }
    st.TextTo(5, &pair.first);
    st.TextTo(6, &pair.second);
    if (std::find(doc.pairs.begin(), doc.pairs.end(), pair) == doc.pairs.end()) doc.pairs.push_back(pair);
  }
  if (rc != SQLITE_DONE) return Error("reading the documents' actors");
  if (doc.document_id != 0) fn(doc);
  return Status::Ok();
}

Status SqliteStore::ReplaceEvents(int64_t document_id, const std::vector<Event>& events,
                            const std::string& dict_hash, RecodeDelta* delta) {
  return WithTransaction([&]() -> Status {
    *delta = RecodeDelta();
    Stmt doc;
    if (doc.Prepare(db_, "SELECT near_duplicate_of FROM documents WHERE id = ?") != SQLITE_OK)
      return Error("reading a document");
    doc.Bind(1, document_id);
    if (doc.Step() != SQLITE_ROW)
      return Status::Error(path_ + ": no document d" + std::to_string(document_id));
    const bool duplicate = !doc.IsNull(0);

    // Old events of this document, any coding.
    std::multimap<std::string, std::string> old_events;  // key -> content
    {
      Stmt st;
      if (st.Prepare(db_, std::string("SELECT ") + kEventColumns + DYAD_REVIEW_COLUMNS + kEventJoins +
                              " WHERE e.doc = ?") != SQLITE_OK)
        return Error("reading events");
      st.Bind(1, document_id);
      StoredEvent row;
      int rc;
      while ((rc = st.Step()) == SQLITE_ROW) {
        ReadEventRow(st, &row);
        old_events.emplace(EventKey(row.event), EventContent(row.event));
      }
      if (rc != SQLITE_DONE) return Error("reading events");
    }
    // Match new against old: same key and content = unchanged; same key, other
    // content = changed; the rest added or removed.
    std::vector<std::pair<std::string, std::string>> fresh;
    for (const Event& e : events) fresh.emplace_back(EventKey(e), EventContent(e));
    std::vector<bool> matched(fresh.size(), false);
    for (size_t i = 0; i < fresh.size(); ++i) {
      auto range = old_events.equal_range(fresh[i].first);
      for (auto it = range.first; it != range.second; ++it) {
        if (it->second == fresh[i].second) {
          ++delta->unchanged;
          matched[i] = true;
          old_events.erase(it);
          break;
        }
      }
    }
    for (size_t i = 0; i < fresh.size(); ++i) {
      if (matched[i]) continue;
      auto it = old_events.find(fresh[i].first);
      if (it != old_events.end()) {
        ++delta->changed;
        old_events.erase(it);
      } else {
        ++delta->added;
      }
    }
    delta->removed = static_cast<int>(old_events.size());

    if (auto s = Exec(("DELETE FROM events WHERE doc = " + std::to_string(document_id)).c_str());
        !s.ok())
      return s;
    int64_t coding = 0;
    if (auto s = CodingIdLocked(dict_hash, &coding); !s.ok()) return s;
    std::vector<Sentence> sentences;
    std::set<int> seen;
    for (const Event& e : events)
      if (seen.insert(e.sentence_index).second)
        sentences.push_back({e.sentence_index, e.sentence_span, e.sentence});
    if (auto s = EnsureSentencesLocked(document_id, sentences); !s.ok()) return s;
    int added = 0;
    return InsertEventsLocked(document_id, events, coding, duplicate, &added);
  });
}

Status SqliteStore::DeleteDocument(int64_t id, const std::string& reason) {
  StoredDocument doc;
  if (auto s = GetDocument(id, &doc); !s.ok()) return s;
  nlohmann::json params = {{"document", id},
                           {"sha256", doc.document.sha256},
                           {"url", doc.document.url},
                           {"reason", reason}};
  return WithTransaction([&]() -> Status {
    if (auto s = IndexPendingSentencesLocked(); !s.ok()) return s;  // the index rows it deletes
    if (auto s = Audit("delete", params.dump()); !s.ok()) return s;
    const std::string d = std::to_string(id);
    const std::string sql =
        "DELETE FROM events WHERE doc = " + d + ";"
        "INSERT INTO sentences_fts(sentences_fts, rowid, text) "
        "  SELECT 'delete', id, text FROM sentences WHERE doc = " + d + ";"
        "DELETE FROM sentences WHERE doc = " + d + ";"
        "DELETE FROM minhash_bands WHERE doc = " + d + ";"
        "DELETE FROM documents WHERE id = " + d + ";";
    return Exec(sql.c_str());
  });
}

Status SqliteStore::GetStats(Stats* out) {
  std::lock_guard lock(mu_);
  // Read before the counts: a commit after this changes it, and the next call counts again.
  int64_t data_version = 0;
  if (auto s = ReadPragmaInt(db_, path_, "data_version", &data_version); !s.ok()) return s;
  const int64_t total_changes = sqlite3_total_changes64(db_);
  // Inside a transaction of this connection nothing is cached: a rollback undoes its changes
  // without lowering total_changes.
  const bool cacheable = sqlite3_get_autocommit(db_) != 0;
  if (cacheable && stats_cache_.valid && stats_cache_.data_version == data_version &&
      stats_cache_.total_changes == total_changes) {
    *out = stats_cache_.stats;
    return Status::Ok();
  }
  if (auto s = LoadCurrentCodingLocked(); !s.ok()) return s;
  Stats st;
  auto count = [&](const std::string& sql, int64_t* value) -> Status {
    Stmt q;
    if (q.Prepare(db_, sql) != SQLITE_OK) return Error("counting");
    if (sql.find('?') != std::string::npos) q.Bind(1, current_coding_);
    if (q.Step() != SQLITE_ROW) return Error("counting");
    *value = q.Int(0);
    return Status::Ok();
  };
  const std::pair<const char*, int64_t*> counts[] = {
      {"SELECT COUNT(*) FROM documents", &st.documents},
      {"SELECT COUNT(*) FROM documents WHERE near_duplicate_of IS NOT NULL", &st.near_duplicates},
      {"SELECT COUNT(*) FROM sentences", &st.sentences},
      {"SELECT COUNT(*) FROM failures", &st.failures},
      {"SELECT COUNT(*) FROM events WHERE coding = ?", &st.events},
      {"SELECT (SELECT COUNT(*) FROM events WHERE coding < ?1) + "
       "(SELECT COUNT(*) FROM events WHERE coding > ?1)", &st.other_coding_events},
  };
  for (const auto& [sql, value] : counts)
    if (auto s = count(sql, value); !s.ok()) return s;
  Stmt q;
  if (q.Prepare(db_, "SELECT dict_hash FROM codings WHERE id = ?") == SQLITE_OK) {
    q.Bind(1, current_coding_);
    if (q.Step() == SQLITE_ROW) st.current_dict_hash = q.Text(0);
  }
  int64_t version = 0;
  if (auto s = ReadPragmaInt(db_, path_, "user_version", &version); !s.ok()) return s;
  st.schema_version = static_cast<int>(version);
  if (cacheable) stats_cache_ = StatsCache{true, data_version, total_changes, st};
  *out = st;
  return Status::Ok();
}

Status SqliteStore::CheckIntegrity() {
  std::lock_guard lock(mu_);
  Stmt st;
  if (st.Prepare(db_, "PRAGMA integrity_check") != SQLITE_OK) return Error("integrity check");
  std::string result;
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    if (!result.empty()) result += "; ";
    result += st.Text(0);
  }
  if (rc != SQLITE_DONE) return Error("integrity check");
  if (result != "ok") return Status::Error(path_ + ": integrity check failed: " + result);
  return Status::Ok();
}

}  // namespace dyad::store
