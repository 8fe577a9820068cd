#include "store/pg/pg_store.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <map>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "common/sha256.h"
#include "store/pg/fts_query.h"
#include "store/pg/pg_schema.h"
#include "store/rows.h"
#include "store/tables.h"

namespace dyad::store {

static_assert(kPgMigrationCount == kSchemaVersion, "one PostgreSQL migration per schema version");

namespace {

// Key of the advisory lock that serialises schema creation and migration ("dyad").
constexpr int64_t kSchemaLockKey = 0x64796164;
// Rows fetched at a time from a cursor (exports, whole-table copies).
constexpr int kFetchRows = 2000;

// Runs `sql` through the cursor `cursor` and hands its rows to `fn` in order (false stops),
// kFetchRows at a time. The next page is asked for before this one is handed on (a pipeline), so
// the server reads it while the caller works through this one: with a FETCH per page the server
// sat idle while the rows were read, a third of a role report's events phase at 10M events.
void ForEachCursorRow(pqxx::transaction_base& tx, const std::string& cursor, const std::string& sql,
                      const std::function<bool(const pqxx::row&)>& fn) {
  tx.exec("DECLARE " + cursor + " NO SCROLL CURSOR FOR " + sql);
  const std::string fetch = "FETCH " + std::to_string(kFetchRows) + " FROM " + cursor;
  {
    pqxx::pipeline pipe(tx);
    pipe.retain(0);  // each FETCH goes out as soon as it is inserted
    pqxx::pipeline::query_id next = pipe.insert(fetch);
    bool more = true;
    while (more) {
      const pqxx::result page = pipe.retrieve(next);
      more = page.size() == static_cast<pqxx::result::size_type>(kFetchRows);
      if (more) next = pipe.insert(fetch);
      for (const pqxx::row& r : page) {
        if (!fn(r)) {
          more = false;
          break;
        }
      }
    }
    pipe.complete();  // a page asked for before the caller stopped
  }
  tx.exec("CLOSE " + cursor);
}

std::string FirstLine(std::string message) {
  for (const char* prefix : {"ERROR:  ", "FATAL:  "})
    if (message.rfind(prefix, 0) == 0) message.erase(0, std::string(prefix).size());
  message = message.substr(0, message.find('\n'));
  while (!message.empty() && (message.back() == ' ' || message.back() == '\r')) message.pop_back();
  return message;
}

// One line for a connection that could not be made: what happened and what to do.
Status ConnectError(const std::string& where, const std::string& what) {
  const std::string reason = FirstLine(what);
  auto has = [&](const char* s) { return what.find(s) != std::string::npos; };
  if (has("password authentication failed") || has("no password supplied") ||
      has("authentication failed") || has("role \"") ) {
    return Status::Error(where + ": the server refused the credentials (" + reason +
                         "); check the user name and password (URL, PGPASSWORD or ~/.pgpass)");
  }
  if (has("database \"") && has("does not exist")) {
    return Status::Error(where + ": " + reason +
                         "; create it first (createdb, or ask the server's administrator)");
  }
  return Status::Unavailable(where + ": cannot reach the PostgreSQL server (" + reason +
                             "); check that it is running and that the host and port are right");
}

// A column name in double quotes. (Not "\"" + name + "\"": g++ 12 warns -Wrestrict on that once inlined.)
std::string QuotedName(const char* name) {
  std::string quoted = "\"";
  quoted.append(name).push_back('"');
  return quoted;
}

std::string Text(const pqxx::field& f) {
  return f.is_null() ? std::string() : std::string(f.c_str(), f.size());
}
int64_t Int(const pqxx::field& f) { return f.is_null() ? 0 : std::strtoll(f.c_str(), nullptr, 10); }
double Real(const pqxx::field& f) { return f.is_null() ? 0 : std::strtod(f.c_str(), nullptr); }

std::string HexOf(const void* data, size_t size) {
  static const char kHex[] = "0123456789abcdef";
  const auto* p = static_cast<const unsigned char*>(data);
  std::string out;
  out.reserve(size * 2);
  for (size_t i = 0; i < size; ++i) {
    out += kHex[p[i] >> 4];
    out += kHex[p[i] & 15];
  }
  return out;
}

std::string BytesOfHex(std::string_view hex) {
  auto nibble = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
  std::string out(hex.size() / 2, '\0');
  for (size_t i = 0; i < out.size(); ++i)
    out[i] = static_cast<char>(nibble(hex[2 * i]) << 4 | nibble(hex[2 * i + 1]));
  return out;
}

// Columns read by ReadEventRow, in order (as in the SQLite store).
constexpr const char* kEventColumns =
    "e.id, e.doc, e.sentence_idx, e.sentence_begin, e.sentence_end, e.day, e.day_end, "
    "e.date_precision, e.date_text, e.source, e.target, e.source_text, e.target_text, "
    "e.event_code, e.root_code, e.quad_class, e.goldstein, e.verb_text, e.plover, "
    "e.pattern_file, e.pattern_line, e.pattern_text, e.source_begin, e.source_end, "
    "e.verb_begin, e.verb_end, e.target_begin, e.target_end, e.modality, e.reported_by, "
    "e.reported_by_text, e.places, e.duplicate, d.input_id, d.url, d.title, d.source, "
    "d.sha256, d.pub_date, s.text, c.dict_hash, d.ingested_at, e.source_ref, e.target_ref, e.page, "
    "rv.id, rv.at, rv.reviewer, rv.event, rv.state, rv.source, rv.target, rv.event_code, rv.root_code, "
    "rv.quad_class, rv.goldstein, rv.plover, rv.note, rv.machine_source, rv.machine_target, rv.machine_code";
// The latest review of event e's machine coding (reviews_event finds the candidates). Most
// documents have no review: the set of reviewed documents, built once per statement, answers for
// them, where a correlated subquery per row and column cost more than reading the row (a fifth of
// a role report's time on a store without any review).
#define DYAD_LATEST_REVIEW(column)                                                                 \
  "(CASE WHEN e.doc IN (SELECT doc FROM reviews) THEN"                                              \
  " (SELECT r." column " FROM reviews r WHERE r.doc = e.doc AND r.sentence_idx = e.sentence_idx"    \
  " AND r.verb_begin = e.verb_begin AND r.verb_end = e.verb_end AND r.machine_source = e.source"    \
  " AND r.machine_target = e.target AND r.machine_code = e.event_code ORDER BY r.id DESC LIMIT 1) END)"
#define DYAD_EVENT_JOINS \
  " FROM events e JOIN documents d ON d.id = e.doc LEFT JOIN sentences s ON s.id = e.sentence" \
  " LEFT JOIN codings c ON c.id = e.coding LEFT JOIN reviews rv ON "
constexpr const char* kEventJoins = DYAD_EVENT_JOINS "rv.id = " DYAD_LATEST_REVIEW("id");
// A store without any review (most): the review columns are NULL, no lookup per row.
constexpr const char* kEventJoinsWithoutReviews = DYAD_EVENT_JOINS "FALSE";

// The columns of a reviews row, in the order ReadReview reads them.
constexpr const char* kReviewColumns =
    "id, at, reviewer, event, state, source, target, event_code, root_code, quad_class, "
    "goldstein, plover, note, machine_source, machine_target, machine_code";

// Reads a review from the row's columns starting at *c (kReviewColumns' order).
void ReadReview(const pqxx::row& r, int* c, Review* v) {
  v->id = Int(r[(*c)++]);
  v->at = Text(r[(*c)++]);
  v->reviewer = Text(r[(*c)++]);
  v->event_id = Int(r[(*c)++]);
  v->state = ParseReviewState(Text(r[(*c)++]));
  v->source = Text(r[(*c)++]);
  v->target = Text(r[(*c)++]);
  v->event_code = Text(r[(*c)++]);
  v->root_code = Text(r[(*c)++]);
  v->quad_class = static_cast<int>(Int(r[(*c)++]));
  v->goldstein = Real(r[(*c)++]);
  v->plover = Text(r[(*c)++]);
  v->note = Text(r[(*c)++]);
  v->machine_source = Text(r[(*c)++]);
  v->machine_target = Text(r[(*c)++]);
  v->machine_code = Text(r[(*c)++]);
}

void ReadEventRow(const pqxx::row& r, StoredEvent* out) {
  int c = 0;
  StoredEvent s;
  Event& e = s.event;
  s.id = Int(r[c++]);
  s.document_id = Int(r[c++]);
  e.sentence_index = static_cast<int>(Int(r[c++]));
  e.sentence_span.begin = Int(r[c++]);
  e.sentence_span.end = Int(r[c++]);
  if (!r[c].is_null()) e.date = Date::FromDays(Int(r[c]));
  ++c;
  if (!r[c].is_null()) e.date_end = Date::FromDays(Int(r[c]));
  ++c;
  e.date_precision = ParsePrecision(Text(r[c++]));
  e.date_text = Text(r[c++]);
  e.source = Text(r[c++]);
  e.target = Text(r[c++]);
  e.source_text = Text(r[c++]);
  e.target_text = Text(r[c++]);
  e.event_code = Text(r[c++]);
  e.root_code = Text(r[c++]);
  e.quad_class = static_cast<int>(Int(r[c++]));
  e.goldstein = Real(r[c++]);
  e.verb_text = Text(r[c++]);
  e.plover = Text(r[c++]);
  e.pattern.file = Text(r[c++]);
  e.pattern.line = static_cast<int>(Int(r[c++]));
  e.pattern.text = Text(r[c++]);
  e.source_span.begin = Int(r[c++]);
  e.source_span.end = Int(r[c++]);
  e.verb_span.begin = Int(r[c++]);
  e.verb_span.end = Int(r[c++]);
  e.target_span.begin = Int(r[c++]);
  e.target_span.end = Int(r[c++]);
  e.modality = ParseModality(Text(r[c++]));
  e.reported_by = Text(r[c++]);
  e.reported_by_text = Text(r[c++]);
  PlacesFromText(Text(r[c++]), &e);
  s.duplicate = Int(r[c++]) != 0;
  e.doc_id = Text(r[c++]);
  s.doc_url = Text(r[c++]);
  s.doc_title = Text(r[c++]);
  s.doc_source = Text(r[c++]);
  s.doc_sha256 = Text(r[c++]);
  if (auto d = Date::Parse(Text(r[c++]))) s.doc_date = *d;
  e.sentence = Text(r[c++]);
  s.dict_hash = Text(r[c++]);
  s.doc_ingested_at = Text(r[c++]);
  e.source_ref = Text(r[c++]);
  e.target_ref = Text(r[c++]);
  e.page = static_cast<int>(Int(r[c++]));
  if (!r[c].is_null()) ReadReview(r, &c, &s.review);
  *out = std::move(s);
}

constexpr const char* kDocumentColumns =
    "SELECT id, input_id, sha256, source, url, title, language, pub_date, format, origin, text, "
    "ingested_at, tool_version, near_duplicate_of, page_starts FROM documents ";

void ReadDocumentRow(const pqxx::row& r, StoredDocument* out) {
  StoredDocument d;
  d.id = Int(r[0]);
  d.document.id = Text(r[1]);
  d.document.sha256 = Text(r[2]);
  d.document.source = Text(r[3]);
  d.document.url = Text(r[4]);
  d.document.title = Text(r[5]);
  d.document.language = Text(r[6]);
  if (auto date = Date::Parse(Text(r[7]))) d.document.date = *date;
  const std::string format = Text(r[8]);
  for (auto f : {InputFormat::kText, InputFormat::kTabari, InputFormat::kJsonl, InputFormat::kHtml,
                 InputFormat::kPdf, InputFormat::kFeed})
    if (format == InputFormatName(f)) d.document.format = f;
  d.document.origin = Text(r[9]);
  d.document.text = Text(r[10]);
  d.ingested_at = Text(r[11]);
  d.tool_version = Text(r[12]);
  d.near_duplicate_of = Int(r[13]);
  d.document.page_starts = PageStartsFromText(Text(r[14]));
  *out = std::move(d);
}

// Whether an index serves the query's filters (as in the SQLite store): then the matching ids
// are collected first and sorted; otherwise rows are read in id order and a limit stops early.
bool UsesIndex(const EventQuery& q) {
  return !q.actor.empty() || !q.involving.empty() || !q.source.empty() || !q.target.empty() ||
         !q.code.empty() || !q.text.empty() || q.document_id > 0 || (q.from && q.from->valid()) ||
         (q.to && q.to->valid());
}

// A PostgreSQL array literal of bigints: {1,2,3}.
std::string BigintArray(const int64_t* values, size_t n) {
  std::string out = "{";
  for (size_t i = 0; i < n; ++i) {
    if (i) out += ',';
    out += std::to_string(values[i]);
  }
  return out + "}";
}

template <size_t N>
void CopyRows(pqxx::transaction_base& tx, const std::string& table,
              const std::vector<std::string>& columns,
              const std::vector<std::vector<std::optional<std::string>>>& rows) {
  pqxx::stream_to stream(tx, table, columns);  // column names as given: quote keywords
  std::array<const char*, N> fields;
  for (const auto& row : rows) {
    for (size_t i = 0; i < N; ++i) fields[i] = row[i] ? row[i]->c_str() : nullptr;
    stream << fields;
  }
  stream.complete();
}

const std::vector<std::string>& SentenceColumns() {
  static const std::vector<std::string> kColumns = {"id", "doc", "idx", "\"begin\"", "\"end\"", "text"};
  return kColumns;
}

const std::vector<std::string>& EventColumns() {
  static const std::vector<std::string> kColumns = {
      "id", "doc", "coding", "sentence", "sentence_idx", "sentence_begin", "sentence_end", "day",
      "day_end", "date_precision", "date_text", "source", "target", "source_text",
      "target_text", "event_code", "root_code", "quad_class", "goldstein", "verb_text",
      "plover", "pattern_file", "pattern_line", "pattern_text", "source_begin", "source_end",
      "verb_begin", "verb_end", "target_begin", "target_end", "modality", "reported_by",
      "reported_by_text", "places", "duplicate", "source_ref", "target_ref", "page"};
  return kColumns;
}
constexpr size_t kEventColumnCount = 38;

const std::vector<std::string>& EventCountryColumns() {
  static const std::vector<std::string> kColumns = {"country", "event"};
  return kColumns;
}

}  // namespace

// ---------------------------------------------------------------- opening

struct PgStore::Connection {
  explicit Connection(const std::string& conninfo) : c(conninfo) {}
  pqxx::connection c;
};

PgStore::PgStore(std::unique_ptr<Connection> conn, std::string location, bool read_only)
    : conn_(std::move(conn)), location_(std::move(location)), read_only_(read_only) {}

PgStore::~PgStore() {
  if (batch_) {
    try {
      batch_->abort();
    } catch (...) {
    }
    batch_.reset();
  }
}

Status PgStore::Open(const std::string& url, const OpenOptions& options,
                     std::unique_ptr<Store>* out) {
  const std::string where = RedactedLocation(url);
  std::string conninfo = url;
  if (conninfo.find("connect_timeout=") == std::string::npos)  // an unreachable host fails in 10 s
    conninfo += std::string(conninfo.find('?') == std::string::npos ? "?" : "&") + "connect_timeout=10";
  std::unique_ptr<Connection> conn;
  try {
    conn = std::make_unique<Connection>(conninfo);
  } catch (const std::exception& e) {
    return ConnectError(where, e.what());
  }
  std::unique_ptr<PgStore> store(new PgStore(std::move(conn), where, options.read_only));
  const int target = options.schema_version_for_testing > 0
                         ? std::min(options.schema_version_for_testing, kSchemaVersion)
                         : kSchemaVersion;
  try {
    int version = 0;
    if (options.read_only && target == kSchemaVersion) {
      // A reader of a current store (most opens: every query command) reads the version without
      // the schema lock, which only orders writers that may migrate; anything else takes the
      // path below, which says what is wrong.
      pqxx::nontransaction n(store->conn_->c);
      if (n.exec("SELECT to_regclass('dyad_schema') IS NOT NULL")[0][0].as<bool>()) {
        pqxx::result r = n.exec("SELECT version FROM dyad_schema WHERE application = 'dyad'");
        if (!r.empty() && Int(r[0][0]) == kSchemaVersion) version = kSchemaVersion;
      }
    }
    if (version != kSchemaVersion) {
    pqxx::work tx(store->conn_->c);
    tx.exec("SET LOCAL client_min_messages = warning");
    tx.exec("SELECT pg_advisory_xact_lock(" + std::to_string(kSchemaLockKey) + ")");
    const bool has_version_table =
        tx.exec("SELECT to_regclass('dyad_schema') IS NOT NULL")[0][0].as<bool>();
    if (has_version_table) {
      pqxx::result r = tx.exec("SELECT version FROM dyad_schema WHERE application = 'dyad'");
      if (!r.empty()) version = static_cast<int>(Int(r[0][0]));
    } else {
      const int64_t tables = Int(tx.exec(
          "SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema()")[0][0]);
      if (tables > 0) {
        return Status::Error(where + ": not a dyad database (" + std::to_string(tables) +
                             " tables and no dyad_schema); give an empty database");
      }
    }
    if (version > kSchemaVersion) {
      return Status::Error(where + ": schema version " + std::to_string(version) +
                           " is newer than this dyad supports (" + std::to_string(kSchemaVersion) +
                           "); use a newer dyad");
    }
    if (version < target) {
      if (options.read_only && version == 0) {
        return Status::Error(where + ": no dyad store in this database yet (run `dyad ingest --db " +
                             where + " FILE...` first)");
      }
      if (options.read_only || (version > 0 && !options.migrate)) {
        return Status::Error(where + ": schema version " + std::to_string(version) +
                             " is older than this dyad's " + std::to_string(target) +
                             "; run `dyad migrate --to " + where + "` to upgrade it");
      }
      tx.exec(kPgSchemaTable);
      for (int v = version; v < target; ++v) {
        try {
          tx.exec(kPgMigrations[v]);
        } catch (const pqxx::sql_error& e) {
          return Status::Error(where + ": migration to schema version " + std::to_string(v + 1) +
                               " failed: " + FirstLine(e.what()));
        }
      }
      tx.exec("INSERT INTO dyad_schema(application, version) VALUES('dyad', " +
              std::to_string(target) + ") ON CONFLICT (application) DO UPDATE SET version = " +
              std::to_string(target));
      version = target;
    }
    tx.commit();
    }
    if (version >= kSchemaVersion) {
      pqxx::connection& c = store->conn_->c;
      c.prepare("find_sha", "SELECT id FROM documents WHERE sha256 = $1");
      // A new document in one round trip: its row, and its LSH band keys ($16, '{}' for none).
      c.prepare("insert_doc",
                "WITH d AS (INSERT INTO documents(input_id, sha256, source, url, title, language, "
                "pub_date, format, origin, text, ingested_at, tool_version, minhash, "
                "near_duplicate_of, page_starts) "
                "VALUES($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,decode($13, 'hex'),$14,$15) "
                "ON CONFLICT (sha256) DO NOTHING RETURNING id), "
                "b AS (INSERT INTO minhash_bands(key, doc) SELECT k, d.id FROM d, "
                "unnest($16::bigint[]) AS k ON CONFLICT DO NOTHING) "
                "SELECT id FROM d");
      // Before storing a document, in one round trip: a stored copy of its bytes (kind 0), and
      // the originals sharing one of its LSH bands ($2, '{}' for none; kind 1), by id.
      c.prepare("lookup_doc",
                "SELECT 0, id, NULL, NULL FROM documents WHERE sha256 = $1 "
                "UNION ALL SELECT 1, id, encode(minhash, 'hex'), near_duplicate_of FROM documents "
                "WHERE id IN (SELECT doc FROM minhash_bands WHERE key = ANY($2::bigint[])) "
                "ORDER BY 1, 2");
      // $1 sentence ids, then $2 event ids.
      c.prepare("reserve_ids",
                "SELECT 0 AS k, nextval('sentences_id_seq') AS id FROM generate_series(1, $1) "
                "UNION ALL SELECT 1, nextval('events_id_seq') FROM generate_series(1, $2) "
                "ORDER BY k, id");
      c.prepare("coding_lookup", "SELECT id FROM codings WHERE dict_hash = $1");
    }
    {
      pqxx::nontransaction n(store->conn_->c);
      // The store's queries are index look-ups: compiling them (JIT, for plans the planner
      // costs high, such as a report's thousands of look-ups) only adds time.
      n.exec("SET jit = off");
      if (options.read_only) n.exec("SET default_transaction_read_only = on");
    }
    std::lock_guard lock(store->mu_);
    pqxx::nontransaction n(store->conn_->c);
    if (version >= kSchemaVersion) store->LoadCurrentCodingLocked(n);
  } catch (const pqxx::broken_connection& e) {
    return ConnectError(where, e.what());
  } catch (const std::exception& e) {
    return Status::Error(where + ": cannot open the store: " + FirstLine(e.what()));
  }
  *out = std::move(store);
  return Status::Ok();
}

// ---------------------------------------------------------------- transactions

Status PgStore::ErrorFrom(const std::exception& e, const char* what) {
  const std::string message = FirstLine(e.what());
  if (dynamic_cast<const pqxx::broken_connection*>(&e)) {
    return Status::Unavailable(location_ + ": lost the connection to the server while " + what +
                               " (" + message + "); check that it is running and try again");
  }
  const auto* sql = dynamic_cast<const pqxx::sql_error*>(&e);
  const std::string state = sql ? sql->sqlstate() : "";
  const std::string line = location_ + ": " + what + ": " + message;
  // A deadlock (40P01) or serialization failure (40001) with another writer: the server rolled
  // the transaction back; running it again may succeed (the ingest does, store/ingest.h).
  // libpqxx 6 throws these as transaction_rollback, which is no sql_error (no SQLSTATE).
  if (dynamic_cast<const pqxx::deadlock_detected*>(&e) ||
      dynamic_cast<const pqxx::serialization_failure*>(&e) || state == "40P01" || state == "40001")
    return Status::Aborted(line + "; a conflict with another writer rolled the transaction back: run it again");
  if (state == "57014") {  // query_canceled: statement_timeout
    if (deadline_ != std::chrono::steady_clock::time_point::max()) interrupted_ = true;
    return Status::DeadlineExceeded(line);
  }
  if (state == "55P03" || dynamic_cast<const pqxx::transaction_rollback*>(&e))
    return Status::Unavailable(line + "; another writer held the same rows: try again");
  if (state == "25006") return Status::Error(location_ + ": the store is open read-only (" + what + ")");
  if (state.rfind("53", 0) == 0) return Status::ResourceExhausted(line);
  if (state.rfind("42", 0) == 0 || state.rfind("22", 0) == 0 || state.rfind("23", 0) == 0 ||
      state == "P0001")
    return Status::InvalidArgument(line);
  return sql ? Status::Error(line) : Status::Internal(line);
}

Status PgStore::Write(const char* what, const std::function<Status(pqxx::transaction_base&)>& body) {
  std::lock_guard lock(mu_);
  if (batch_) {
    try {
      return body(*batch_);
    } catch (const std::exception& e) {
      return ErrorFrom(e, what);
    }
  }
  if (active_) return body(*active_);
  try {
    Status s;
    {
      pqxx::work tx(conn_->c);
      active_ = &tx;
      s = body(tx);
      if (s.ok()) {
        FlushLocked(tx);
        tx.commit();
      } else {
        tx.abort();
      }
      active_ = nullptr;
    }
    EndTransactionLocked(s.ok());
    return s;
  } catch (const std::exception& e) {
    active_ = nullptr;
    EndTransactionLocked(false);
    return ErrorFrom(e, what);
  }
}

Status PgStore::Read(const char* what, const std::function<Status(pqxx::transaction_base&)>& body) {
  std::lock_guard lock(mu_);
  try {
    if (batch_) {
      FlushLocked(*batch_);
      return body(*batch_);
    }
    if (active_) {
      FlushLocked(*active_);
      return body(*active_);
    }
    pqxx::read_transaction tx(conn_->c);
    active_ = &tx;
    Status s = body(tx);
    active_ = nullptr;
    tx.commit();
    return s;
  } catch (const std::exception& e) {
    active_ = nullptr;
    return ErrorFrom(e, what);
  }
}

Status PgStore::Begin() {
  std::lock_guard lock(mu_);
  if (batch_) return Status::Error(location_ + ": Begin() inside a batch");
  try {
    batch_ = std::make_unique<pqxx::work>(conn_->c);
  } catch (const std::exception& e) {
    return ErrorFrom(e, "starting a transaction");
  }
  return Status::Ok();
}

Status PgStore::Commit() {
  std::lock_guard lock(mu_);
  if (!batch_) return Status::Error(location_ + ": Commit() without Begin()");
  Status s;
  try {
    FlushLocked(*batch_);
    batch_->commit();
  } catch (const std::exception& e) {
    s = ErrorFrom(e, "committing");
    try {
      batch_->abort();
    } catch (...) {
    }
  }
  batch_.reset();
  EndTransactionLocked(s.ok());
  return s;
}

Status PgStore::Rollback() {
  std::lock_guard lock(mu_);
  if (!batch_) return Status::Ok();
  Status s;
  try {
    batch_->abort();
  } catch (const std::exception& e) {
    s = ErrorFrom(e, "rolling back");
  }
  batch_.reset();
  EndTransactionLocked(false);
  return s;
}

void PgStore::EndTransactionLocked(bool committed) {
  if (committed) {
    actor_codes_committed_.insert(actor_codes_pending_.begin(), actor_codes_pending_.end());
    coding_ids_committed_.insert(coding_ids_pending_.begin(), coding_ids_pending_.end());
  } else {
    try {
      pqxx::nontransaction n(conn_->c);
      LoadCurrentCodingLocked(n);
    } catch (...) {
      current_coding_ = 0;  // the rolled-back transaction may have set it
    }
  }
  actor_codes_pending_.clear();
  coding_ids_pending_.clear();
  pending_sentences_.clear();
  pending_events_.clear();
  pending_event_countries_.clear();
  pending_event_sentences_.clear();
  pending_docs_.clear();
}

void PgStore::FlushLocked(pqxx::transaction_base& tx) {
  if (!pending_sentences_.empty() || !pending_events_.empty()) {
    // Ids for the buffered sentences and events in one round trip, in buffered order; then each
    // event gets its sentence's id, and its countries can be written with it.
    pqxx::result reserved =
        tx.exec_prepared("reserve_ids", static_cast<int64_t>(pending_sentences_.size()),
                         static_cast<int64_t>(pending_events_.size()));
    size_t next = 0;
    for (Row& row : pending_sentences_) row[0] = Text(reserved[static_cast<pqxx::result::size_type>(next++)][1]);
    std::vector<Row> countries;
    for (size_t i = 0; i < pending_events_.size(); ++i) {
      std::string id = Text(reserved[static_cast<pqxx::result::size_type>(next++)][1]);
      for (std::string& country : pending_event_countries_[i]) countries.push_back({std::move(country), id});
      pending_events_[i][0] = std::move(id);
      const int64_t sentence = pending_event_sentences_[i];
      pending_events_[i][3] = sentence > 0 ? std::to_string(sentence)
                                           : *pending_sentences_[PendingSentenceIndex(sentence)][0];
    }
    if (!pending_sentences_.empty()) CopyRows<6>(tx, "sentences", SentenceColumns(), pending_sentences_);
    if (!pending_events_.empty()) CopyRows<kEventColumnCount>(tx, "events", EventColumns(), pending_events_);
    if (!countries.empty()) CopyRows<2>(tx, "event_countries", EventCountryColumns(), countries);
    pending_sentences_.clear();
    pending_events_.clear();
    pending_event_countries_.clear();
    pending_event_sentences_.clear();
  }
  pending_docs_.clear();
  // New actor codes in one statement, in byte order: two writers lock them in the same order.
  std::vector<std::string> fresh;
  for (const std::string& code : actor_codes_pending_)
    if (!actor_codes_committed_.count(code)) fresh.push_back(code);
  if (!fresh.empty()) {
    std::string values;
    for (const std::string& code : fresh) values += (values.empty() ? "(" : ",(") + tx.quote(code) + ")";
    tx.exec("INSERT INTO actor_codes(code) VALUES " + values + " ON CONFLICT DO NOTHING");
  }
}

void PgStore::LoadCurrentCodingLocked(pqxx::transaction_base& tx) {
  pqxx::result r = tx.exec(
      "SELECT c.id FROM meta m JOIN codings c ON c.dict_hash = m.value WHERE m.key = 'current_coding'");
  current_coding_ = r.empty() ? 0 : Int(r[0][0]);
}

int64_t PgStore::CodingIdLocked(pqxx::transaction_base& tx, const std::string& dict_hash) {
  // Codings are never deleted: an id committed once holds for good (asked once per connection).
  if (auto it = coding_ids_committed_.find(dict_hash); it != coding_ids_committed_.end()) return it->second;
  if (auto it = coding_ids_pending_.find(dict_hash); it != coding_ids_pending_.end()) return it->second;
  int64_t id = 0;
  pqxx::result r = tx.exec_prepared("coding_lookup", dict_hash);
  if (!r.empty()) {
    id = Int(r[0][0]);
  } else {
    r = tx.exec_params(
        "INSERT INTO codings(dict_hash, description, first_used) VALUES($1, '', $2) "
        "ON CONFLICT (dict_hash) DO NOTHING RETURNING id",
        dict_hash, NowIso());
    id = !r.empty() ? Int(r[0][0]) : Int(tx.exec_prepared("coding_lookup", dict_hash)[0][0]);  // another writer's
  }
  coding_ids_pending_[dict_hash] = id;  // known for good once this transaction commits
  return id;
}

Status PgStore::SetCurrentCoding(const std::string& dict_hash, const std::string& description) {
  return Write("setting the current coding", [&](pqxx::transaction_base& tx) {
    const int64_t id = CodingIdLocked(tx, dict_hash);
    if (!description.empty())
      tx.exec_params("UPDATE codings SET description = $1 WHERE id = $2", description, id);
    tx.exec_params(
        "INSERT INTO meta(key, value) VALUES('current_coding', $1) "
        "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
        dict_hash);
    current_coding_ = id;
    return Status::Ok();
  });
}

Status PgStore::CurrentCoding(std::string* dict_hash) {
  return Read("reading the current coding", [&](pqxx::transaction_base& tx) {
    LoadCurrentCodingLocked(tx);
    dict_hash->clear();
    if (current_coding_ == 0) return Status::Ok();
    pqxx::result r = tx.exec_params("SELECT dict_hash FROM codings WHERE id = $1", current_coding_);
    if (!r.empty()) *dict_hash = Text(r[0][0]);
    return Status::Ok();
  });
}

// ---------------------------------------------------------------- writing

Status PgStore::FindDocumentBySha(const std::string& sha256, int64_t* id) {
  return Read("looking up a document", [&](pqxx::transaction_base& tx) {
    pqxx::result r = tx.exec_prepared("find_sha", sha256);
    *id = r.empty() ? 0 : Int(r[0][0]);
    return Status::Ok();
  });
}

Status PgStore::AddDocument(const Document& document, const std::vector<Event>& events,
                            const std::string& dict_hash, AddResult* result) {
  return AddDocument(document, {}, events, dict_hash, MinHashSignature(document.text), result);
}

Status PgStore::AddDocument(const Document& document, const std::vector<Sentence>& sentences,
                            const std::vector<Event>& events, const std::string& dict_hash,
                            AddResult* result) {
  return AddDocument(document, sentences, events, dict_hash, MinHashSignature(document.text),
                     result);
}

Status PgStore::AddDocument(const Document& document, const std::vector<Sentence>& sentences,
                            const std::vector<Event>& events, const std::string& dict_hash,
                            const std::vector<uint32_t>& minhash, AddResult* result) {
  AddResult local;
  if (!result) result = &local;
  return Write("storing a document", [&](pqxx::transaction_base& tx) {
    return AddDocumentLocked(tx, document, sentences, events, dict_hash, minhash, result);
  });
}

Status PgStore::AddDocumentLocked(pqxx::transaction_base& tx, const Document& document,
                                  const std::vector<Sentence>& sentences,
                                  const std::vector<Event>& events, const std::string& dict_hash,
                                  const std::vector<uint32_t>& minhash, AddResult* result) {
  *result = AddResult();
  const std::string sha = document.sha256.empty() ? Sha256Hex(document.text) : document.sha256;
  int64_t band_keys[kMinHashBands];
  const bool has_signature = static_cast<int>(minhash.size()) == kMinHashSize;
  if (has_signature) {
    for (int b = 0; b < kMinHashBands; ++b)
      band_keys[b] = MinHashBandKey(b, minhash.data() + b * kMinHashRows);
  }
  const std::string bands = has_signature ? BigintArray(band_keys, kMinHashBands) : "{}";
  // A stored copy of the same bytes, or else a near duplicate: a stored original sharing an LSH
  // band and enough MinHash values.
  pqxx::result found = tx.exec_prepared("lookup_doc", sha, bands);
  if (!found.empty() && Int(found[0][0]) == 0) {
    result->outcome = AddOutcome::kDuplicate;
    result->document_id = result->duplicate_of = Int(found[0][1]);
    return Status::Ok();
  }
  int64_t near_of = 0;
  for (const pqxx::row& row : found) {
    const std::string blob = BytesOfHex(Text(row[2]));
    if (blob.size() != minhash.size() * sizeof(uint32_t)) continue;
    std::vector<uint32_t> other(minhash.size());
    std::memcpy(other.data(), blob.data(), blob.size());
    if (EstimatedJaccard(minhash, other) >= kNearDuplicateJaccard) {
      near_of = row[3].is_null() ? Int(row[1]) : Int(row[3]);
      break;
    }
  }
  const int64_t coding = CodingIdLocked(tx, dict_hash);
  if (current_coding_ == 0) {
    tx.exec_params("INSERT INTO meta(key, value) VALUES('current_coding', $1) ON CONFLICT DO NOTHING",
                   dict_hash);
    LoadCurrentCodingLocked(tx);
  }

  const std::string minhash_hex =
      minhash.empty() ? std::string() : HexOf(minhash.data(), minhash.size() * sizeof(uint32_t));
  pqxx::result inserted = tx.exec_prepared(
      "insert_doc", document.id, sha, document.source, document.url, document.title,
      document.language, document.date.ToIso(), InputFormatName(document.format),
      document.origin, document.text, NowIso(), kToolVersion,
      minhash.empty() ? nullptr : minhash_hex.c_str(),
      near_of ? std::to_string(near_of).c_str() : nullptr, PageStartsToText(document.page_starts),
      // Only originals are band candidates, so every copy links to the first one.
      near_of ? std::string("{}") : bands);
  if (inserted.empty()) {  // another writer stored the same bytes meanwhile
    pqxx::result r = tx.exec_prepared("find_sha", sha);
    result->outcome = AddOutcome::kDuplicate;
    result->document_id = result->duplicate_of = r.empty() ? 0 : Int(r[0][0]);
    return Status::Ok();
  }
  const int64_t doc_row = Int(inserted[0][0]);
  result->document_id = doc_row;
  if (near_of) {
    result->outcome = AddOutcome::kNearDuplicate;
    result->duplicate_of = near_of;
  }

  std::vector<Sentence> derived;
  const std::vector<Sentence>* all = &sentences;
  if (sentences.empty()) {
    std::set<int> seen;
    for (const Event& e : events)
      if (seen.insert(e.sentence_index).second)
        derived.push_back({e.sentence_index, e.sentence_span, e.sentence});
    all = &derived;
  }
  std::unordered_map<int, int64_t> sentence_ids;
  EnsureSentencesLocked(tx, doc_row, /*doc_is_new=*/true, *all, &sentence_ids);
  BufferEventsLocked(tx, doc_row, /*doc_is_new=*/true, events, coding, near_of != 0,
                     &sentence_ids, &result->events_added);
  return Status::Ok();
}

void PgStore::EnsureSentencesLocked(pqxx::transaction_base& tx, int64_t doc, bool doc_is_new,
                                    const std::vector<Sentence>& sentences,
                                    std::unordered_map<int, int64_t>* ids) {
  if (!doc_is_new && ids->empty()) {
    for (const pqxx::row& row : tx.exec_params("SELECT idx, id FROM sentences WHERE doc = $1", doc))
      (*ids)[static_cast<int>(Int(row[0]))] = Int(row[1]);
  }
  std::vector<const Sentence*> fresh;
  std::set<int> seen;
  for (const Sentence& s : sentences)
    if (!ids->count(s.index) && seen.insert(s.index).second) fresh.push_back(&s);
  if (fresh.empty()) return;
  for (const Sentence* s : fresh) {
    (*ids)[s->index] = PendingSentenceRef(pending_sentences_.size());
    pending_sentences_.push_back({std::nullopt, std::to_string(doc), std::to_string(s->index),
                                  std::to_string(s->span.begin), std::to_string(s->span.end), s->text});
  }
  pending_docs_.insert(doc);
}

void PgStore::BufferEventsLocked(pqxx::transaction_base& tx, int64_t doc, bool doc_is_new,
                                 const std::vector<Event>& events, int64_t coding, bool duplicate,
                                 std::unordered_map<int, int64_t>* sentence_ids, int* added) {
  std::vector<Sentence> sentences;
  for (const Event& e : events) sentences.push_back({e.sentence_index, e.sentence_span, e.sentence});
  EnsureSentencesLocked(tx, doc, doc_is_new, sentences, sentence_ids);
  *added = 0;
  auto num = [](int64_t v) { return std::optional<std::string>(std::to_string(v)); };
  for (const Event& e : events) {
    Row row;
    row.reserve(kEventColumnCount);
    row.push_back(std::nullopt);  // the id, reserved by FlushLocked
    row.push_back(num(doc));
    row.push_back(num(coding));
    row.push_back(std::nullopt);  // the sentence's id: pending_event_sentences_
    pending_event_sentences_.push_back(sentence_ids->at(e.sentence_index));
    row.push_back(num(e.sentence_index));
    row.push_back(num(e.sentence_span.begin));
    row.push_back(num(e.sentence_span.end));
    auto day = DayOf(e.date);
    row.push_back(day ? num(*day) : std::nullopt);
    auto day_end = DayOf(e.date_end.valid() ? e.date_end : e.date);
    row.push_back(day_end ? num(*day_end) : std::nullopt);
    row.push_back(std::string(DatePrecisionName(e.date_precision)));
    row.push_back(e.date_text);
    row.push_back(e.source);
    row.push_back(e.target);
    row.push_back(e.source_text);
    row.push_back(e.target_text);
    row.push_back(e.event_code);
    row.push_back(e.root_code.empty() ? e.event_code.substr(0, 2) : e.root_code);
    row.push_back(num(e.quad_class));
    row.push_back(FormatReal(e.goldstein));
    row.push_back(e.verb_text);
    row.push_back(e.plover);
    row.push_back(e.pattern.file);
    row.push_back(num(e.pattern.line));
    row.push_back(e.pattern.text);
    row.push_back(num(e.source_span.begin));
    row.push_back(num(e.source_span.end));
    row.push_back(num(e.verb_span.begin));
    row.push_back(num(e.verb_span.end));
    row.push_back(num(e.target_span.begin));
    row.push_back(num(e.target_span.end));
    row.push_back(std::string(ModalityName(e.modality)));
    row.push_back(e.reported_by);
    row.push_back(e.reported_by_text);
    row.push_back(PlacesToText(e));
    row.push_back(num(duplicate ? 1 : 0));
    row.push_back(e.source_ref);
    row.push_back(e.target_ref);
    row.push_back(num(e.page));
    pending_events_.push_back(std::move(row));
    pending_event_countries_.push_back(EventCountries(e));
    ++*added;
    for (const std::string* code : {&e.source, &e.target})
      if (!code->empty() && !actor_codes_committed_.count(*code)) actor_codes_pending_.insert(*code);
  }
  if (!events.empty()) pending_docs_.insert(doc);
}

Status PgStore::AddFailure(const std::string& origin, const std::string& sha256,
                           const std::string& reason) {
  return Write("recording a failed input", [&](pqxx::transaction_base& tx) {
    tx.exec_params("INSERT INTO failures(at, origin, sha256, reason) VALUES($1, $2, $3, $4)",
                   NowIso(), origin, sha256, reason);
    return Status::Ok();
  });
}

Status PgStore::Audit(const std::string& action, const std::string& parameters) {
  return Write("writing the audit log", [&](pqxx::transaction_base& tx) {
    tx.exec_params("INSERT INTO audit(at, action, parameters, tool_version) VALUES($1, $2, $3, $4)",
                   NowIso(), action, parameters.empty() ? std::string("{}") : parameters,
                   kToolVersion);
    return Status::Ok();
  });
}

Status PgStore::AddReview(int64_t event_id, const Review& review, Review* stored) {
  if (auto s = CheckReview(review); !s.ok()) return s;
  StoredEvent event;
  if (auto s = GetEvent(event_id, &event); !s.ok()) return s;
  Review v;
  if (auto s = ReviewOfEvent(event, review, &v); !s.ok()) return s;
  const Event& e = event.event;
  return Write("writing a review", [&](pqxx::transaction_base& tx) -> Status {
    pqxx::result r = tx.exec_params(
        "INSERT INTO reviews(at, reviewer, event, doc, sentence_idx, verb_begin, verb_end, "
        "machine_source, machine_target, machine_code, state, source, target, event_code, "
        "root_code, quad_class, goldstein, plover, note) "
        "VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) "
        "RETURNING id",
        v.at, v.reviewer, event_id, event.document_id, e.sentence_index, e.verb_span.begin,
        e.verb_span.end, v.machine_source, v.machine_target, v.machine_code,
        std::string(ReviewStateName(v.state)), v.source, v.target, v.event_code, v.root_code,
        v.quad_class, FormatReal(v.goldstein), v.plover, v.note);
    v.id = Int(r[0][0]);
    if (auto s = Audit("review", ReviewAuditParameters(v, event.document_id)); !s.ok()) return s;
    *stored = v;
    return Status::Ok();
  });
}

Status PgStore::ReviewHistory(int64_t event_id, std::vector<Review>* out) {
  out->clear();
  StoredEvent event;
  if (auto s = GetEvent(event_id, &event); !s.ok()) return s;
  const Event& e = event.event;
  return Read("reading reviews", [&](pqxx::transaction_base& tx) {
    for (const pqxx::row& r : tx.exec_params(
             std::string("SELECT ") + kReviewColumns +
                 " FROM reviews WHERE doc = $1 AND sentence_idx = $2 AND verb_begin = $3 AND "
                 "verb_end = $4 AND machine_source = $5 AND machine_target = $6 AND "
                 "machine_code = $7 ORDER BY id",
             event.document_id, e.sentence_index, e.verb_span.begin, e.verb_span.end, e.source,
             e.target, e.event_code)) {
      Review v;
      int c = 0;
      ReadReview(r, &c, &v);
      out->push_back(std::move(v));
    }
    return Status::Ok();
  });
}

Status PgStore::ReadAudit(std::vector<AuditEntry>* out) {
  return Read("reading the audit log", [&](pqxx::transaction_base& tx) {
    out->clear();
    for (const pqxx::row& r : tx.exec("SELECT id, at, action, parameters FROM audit ORDER BY id"))
      out->push_back({Int(r[0]), Text(r[1]), Text(r[2]), Text(r[3])});
    return Status::Ok();
  });
}

Status PgStore::ReplaceEvents(int64_t document_id, const std::vector<Event>& events,
                              const std::string& dict_hash, RecodeDelta* delta) {
  return Write("replacing events", [&](pqxx::transaction_base& tx) -> Status {
    if (pending_docs_.count(document_id)) FlushLocked(tx);
    *delta = RecodeDelta();
    pqxx::result doc =
        tx.exec_params("SELECT near_duplicate_of FROM documents WHERE id = $1", document_id);
    if (doc.empty()) return Status::Error(location_ + ": no document d" + std::to_string(document_id));
    const bool duplicate = !doc[0][0].is_null();
    std::multimap<std::string, std::string> old_events;  // key -> content
    StoredEvent row;
    for (const pqxx::row& r : tx.exec_params(std::string("SELECT ") + kEventColumns + kEventJoins +
                                                 " WHERE e.doc = $1",
                                             document_id)) {
      ReadEventRow(r, &row);
      old_events.emplace(EventKey(row.event), EventContent(row.event));
    }
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
    tx.exec_params("DELETE FROM events WHERE doc = $1", document_id);
    const int64_t coding = CodingIdLocked(tx, dict_hash);
    int added = 0;
    std::unordered_map<int, int64_t> sentence_ids;  // read from the document's stored sentences
    BufferEventsLocked(tx, document_id, /*doc_is_new=*/false, events, coding, duplicate,
                       &sentence_ids, &added);
    return Status::Ok();
  });
}

Status PgStore::DeleteDocument(int64_t id, const std::string& reason) {
  StoredDocument doc;
  if (auto s = GetDocument(id, &doc); !s.ok()) return s;
  nlohmann::json params = {{"document", id},
                           {"sha256", doc.document.sha256},
                           {"url", doc.document.url},
                           {"reason", reason}};
  return Write("deleting a document", [&](pqxx::transaction_base& tx) -> Status {
    FlushLocked(tx);
    if (auto s = Audit("delete", params.dump()); !s.ok()) return s;
    for (const char* sql : {"DELETE FROM events WHERE doc = $1", "DELETE FROM sentences WHERE doc = $1",
                            "DELETE FROM minhash_bands WHERE doc = $1",
                            "DELETE FROM documents WHERE id = $1"})
      tx.exec_params(sql, id);
    return Status::Ok();
  });
}

// ---------------------------------------------------------------- reading

std::vector<std::string> PgStore::ExpandActorLocked(pqxx::transaction_base& tx,
                                                    const std::string& prefix) {
  std::vector<std::string> codes;
  for (const pqxx::row& r : tx.exec_params(
           "SELECT code FROM actor_codes WHERE code >= $1 AND code < $2 ORDER BY code", prefix,
           PrefixEnd(prefix)))
    codes.push_back(Text(r[0]));
  return codes;
}

// Whether an actor query's page can be chosen from events_source and events_target alone (the
// actor, dates and duplicate flag are its only filters, with a limit, in id order): those
// indexes hold them and, since schema v10, the id; no event row is read before the page is chosen.
static bool ActorIdsFromIndexes(const EventQuery& q, bool reviews) {
  const bool review_decided = q.review == ReviewFilter::kAny ||
                              (!reviews && (q.review == ReviewFilter::kNotRejected || q.review == ReviewFilter::kUnreviewed));
  return q.order == EventOrder::kId && q.limit > 0 && !q.actor.empty() && q.involving.empty() &&
         q.source.empty() && q.target.empty() && q.code.empty() && q.root.empty() && !q.modality &&
         !q.reported && q.text.empty() && q.document_id == 0 && review_decided;
}

std::string PgStore::QuerySqlLocked(pqxx::transaction_base& tx, const EventQuery& q, bool reviews,
                                    std::string* error) {
  auto lit = [&](const std::string& s) { return tx.quote(s); };
  auto tsquery = [&](const std::string& fts, std::string* out) {
    std::string translated;
    Status s = FtsToTsquery(fts, &translated);
    if (!s.ok()) {
      *error = s.message();
      return false;
    }
    *out = "to_tsquery('dyad_text', " + lit(translated) + ")";
    return true;
  };
  const std::string select = std::string("SELECT ") + kEventColumns +
                             (reviews ? kEventJoins : kEventJoinsWithoutReviews);
  const std::string limit = q.limit > 0 ? " LIMIT " + std::to_string(q.limit) : "";
  auto in_list = [&](const char* column, const std::vector<std::string>& codes) {
    if (codes.empty()) return std::string("FALSE");
    std::string clause = std::string("e.") + column + " IN (";
    for (size_t i = 0; i < codes.size(); ++i) {
      if (i) clause += ',';
      clause += lit(codes[i]);  // (not "," + lit(...): g++ 12 warns -Wrestrict on that once inlined)
    }
    return clause + ")";
  };
  const std::string coding = "e.coding = " + std::to_string(current_coding_);
  std::string dates;
  if (q.from && q.from->valid()) dates += " AND e.day >= " + std::to_string(q.from->ToDays());
  if (q.to && q.to->valid()) dates += " AND e.day <= " + std::to_string(q.to->ToDays());
  if (ActorIdsFromIndexes(q, reviews)) {
    // The page's ids from two index-only scans (UNION: an event with the actor on both sides is
    // one id); only its rows are read. Each side keeps only its first ids of a page (a top-N sort)
    // before the union: at 10M events a year of an actor's events is 34,000 index entries, and
    // the union of them all took 22 ms, its two pages 5 ms.
    const auto codes = ExpandActorLocked(tx, q.actor);
    auto branch = [&](const char* column) {
      return "(SELECT e.id FROM events e WHERE " + coding + " AND " + in_list(column, codes) + dates +
             (q.include_duplicates ? "" : " AND e.duplicate = 0") +
             (q.after_id > 0 ? " AND e.id > " + std::to_string(q.after_id) : "") + " ORDER BY e.id" + limit + ")";
    };
    return select + " WHERE e.id IN (SELECT id FROM (" + branch("source") + " UNION " + branch("target") +
           ") u ORDER BY id" + limit + ") ORDER BY e.id";
  }

  // The events involving a country: their ids, from its rows in event_countries and the sentences
  // naming it (full-text index, then events_sentence), sorted; then each event read by its id.
  std::string involving_ids;
  if (!q.involving.empty()) {
    involving_ids = "SELECT event AS id FROM event_countries WHERE country = " + lit(q.involving);
    // Single words and phrases apart: a match of single words needs no second look at the
    // sentence (a phrase does: the index holds no positions), so most matches are not rechecked.
    std::vector<std::string> single, phrases;
    for (const std::string& w : q.involving_words)
      (w.find_first_of(" \t-'") == std::string::npos ? single : phrases).push_back(w);
    for (const auto* group : {&single, &phrases}) {
      if (const std::string words = AnyPhraseFtsQuery(*group); !words.empty()) {
        std::string match;
        if (!tsquery(words, &match)) return "";
        involving_ids += " UNION SELECT w.id FROM sentences ws JOIN events w ON w.sentence = ws.id "
                         "WHERE ws.tsv @@ " + match;
      }
    }
  }
  std::string w = coding;
  if (!q.involving.empty() && q.order != EventOrder::kId)
    w += " AND e.id IN (" + involving_ids + ")";
  if (!q.actor.empty()) {
    const auto codes = ExpandActorLocked(tx, q.actor);
    w += " AND (" + in_list("source", codes) + " OR " + in_list("target", codes) + ")";
  }
  if (!q.source.empty()) w += " AND " + in_list("source", ExpandActorLocked(tx, q.source));
  if (!q.target.empty()) w += " AND " + in_list("target", ExpandActorLocked(tx, q.target));
  if (!q.code.empty())
    w += " AND e.event_code >= " + lit(q.code) + " AND e.event_code < " + lit(PrefixEnd(q.code));
  if (!q.root.empty()) w += " AND e.root_code = " + lit(q.root);
  w += dates;
  if (q.modality) w += " AND e.modality = " + lit(ModalityName(*q.modality));
  if (q.reported) w += *q.reported ? " AND e.reported_by <> ''" : " AND e.reported_by = ''";
  if (!q.text.empty()) {
    std::string match;
    if (!tsquery(q.text, &match)) return "";
    w += " AND e.sentence IN (SELECT id FROM sentences WHERE tsv @@ " + match + ")";
  }
  if (q.document_id > 0) w += " AND e.doc = " + std::to_string(q.document_id);
  if (!reviews && (q.review == ReviewFilter::kAccepted || q.review == ReviewFilter::kRejected)) w += " AND FALSE";
  if (reviews) switch (q.review) {
    case ReviewFilter::kAny: break;
    case ReviewFilter::kAccepted: w += " AND " DYAD_LATEST_REVIEW("state") " IN ('confirmed', 'corrected')"; break;
    case ReviewFilter::kRejected: w += " AND " DYAD_LATEST_REVIEW("state") " = 'rejected'"; break;
    case ReviewFilter::kUnreviewed: w += " AND " DYAD_LATEST_REVIEW("id") " IS NULL"; break;
    case ReviewFilter::kNotRejected: w += " AND COALESCE(" DYAD_LATEST_REVIEW("state") ", '') <> 'rejected'"; break;
  }
  if (!q.include_duplicates) w += " AND e.duplicate = 0";
  if (q.after_id > 0) w += " AND e.id > " + std::to_string(q.after_id);
  if (q.order != EventOrder::kId) {
    // By date: every match is sorted; undated events come last either way (as in SQLite).
    std::string sql = select + " WHERE " + w +
                      (q.order == EventOrder::kDate ? " ORDER BY e.day IS NULL, e.day, e.id"
                                                    : " ORDER BY e.day IS NULL, e.day DESC, e.id DESC") +
                      limit;
    if (q.offset > 0) sql += " OFFSET " + std::to_string(q.offset);
    return sql;
  }
  if (!q.involving.empty()) {
    // One event at a time by its id (a lateral subquery that cannot be merged into a join, so
    // the planner never walks the whole table to join thousands of ids); rows in id order.
    return "WITH m AS MATERIALIZED (" + involving_ids + ") SELECT x.* FROM (SELECT id FROM m ORDER BY id) m, "
           "LATERAL (" + select + " WHERE e.id = m.id AND " + w + " OFFSET 0) x ORDER BY m.id" + limit;
  }
  if (UsesIndex(q)) {
    // The matching ids first, from the filters' indexes; only the rows kept are joined.
    return "WITH m AS MATERIALIZED (SELECT e.id FROM events e WHERE " + w + ") " + select +
           " WHERE e.id IN (SELECT id FROM m ORDER BY id" + limit + ") ORDER BY e.id";
  }
  return select + " WHERE " + w + " ORDER BY e.id" + limit;
}

Status PgStore::RunQuery(const EventQuery& query,
                         const std::function<bool(const StoredEvent&)>& fn) {
  return Read("querying events", [&](pqxx::transaction_base& tx) -> Status {
    LoadCurrentCodingLocked(tx);
    if (current_coding_ == 0) return Status::Ok();  // nothing coded yet
    std::string error;
    const std::string sql = QuerySqlLocked(tx, query, HasReviewsLocked(tx), &error);
    if (sql.empty()) return Status::InvalidArgument(error);
    StoredEvent row;
    const bool corrected = query.review == ReviewFilter::kAccepted;
    if (query.limit > 0 && query.limit <= kFetchRows) {
      for (const pqxx::row& r : tx.exec(sql)) {
        ReadEventRow(r, &row);
        if (corrected) ApplyCorrection(&row);
        if (!fn(row)) return Status::Ok();
      }
      return Status::Ok();
    }
    // Streaming: a cursor, read kFetchRows at a time.
    static int cursor_number = 0;
    ForEachCursorRow(tx, "dyad_events_" + std::to_string(++cursor_number), sql, [&](const pqxx::row& r) {
      ReadEventRow(r, &row);
      if (corrected) ApplyCorrection(&row);
      return fn(row);
    });
    return Status::Ok();
  });
}

bool PgStore::HasReviewsLocked(pqxx::transaction_base& tx) {
  return tx.exec("SELECT EXISTS (SELECT 1 FROM reviews)")[0][0].as<bool>();
}

Status PgStore::QueryEvents(const EventQuery& query, std::vector<StoredEvent>* out) {
  out->clear();
  return RunQuery(query, [out](const StoredEvent& e) {
    out->push_back(e);
    return true;
  });
}

Status PgStore::ForEachEvent(const EventQuery& query,
                             const std::function<bool(const StoredEvent&)>& fn) {
  return RunQuery(query, fn);
}

Status PgStore::ExplainQuery(const EventQuery& query, std::string* plan) {
  return Read("explaining the query", [&](pqxx::transaction_base& tx) -> Status {
    LoadCurrentCodingLocked(tx);
    std::string error;
    const std::string sql = QuerySqlLocked(tx, query, HasReviewsLocked(tx), &error);
    if (sql.empty()) return Status::InvalidArgument(error);
    plan->clear();
    for (const pqxx::row& r : tx.exec("EXPLAIN " + sql)) *plan += Text(r[0]) + "\n";
    return Status::Ok();
  });
}

Status PgStore::CountHiddenEvents(int64_t* count) {
  return Read("counting events", [&](pqxx::transaction_base& tx) {
    LoadCurrentCodingLocked(tx);
    *count = Int(tx.exec_params("SELECT (SELECT COUNT(*) FROM events WHERE coding < $1) + "
                                "(SELECT COUNT(*) FROM events WHERE coding > $1)",
                                current_coding_)[0][0]);
    return Status::Ok();
  });
}

Status PgStore::HasEvents(bool* any) {
  return Read("counting events", [&](pqxx::transaction_base& tx) {
    LoadCurrentCodingLocked(tx);
    *any = tx.exec_params("SELECT EXISTS(SELECT 1 FROM events WHERE coding = $1)", current_coding_)[0][0]
               .as<bool>();
    return Status::Ok();
  });
}

Status PgStore::CountNearDuplicates(int64_t* count) {
  return Read("counting near-duplicates", [&](pqxx::transaction_base& tx) {
    *count = Int(tx.exec("SELECT COUNT(*) FROM documents WHERE near_duplicate_of IS NOT NULL")[0][0]);
    return Status::Ok();
  });
}

Status PgStore::GetEvent(int64_t id, StoredEvent* out) {
  return Read("reading an event", [&](pqxx::transaction_base& tx) {
    pqxx::result r =
        tx.exec_params(std::string("SELECT ") + kEventColumns + kEventJoins + " WHERE e.id = $1", id);
    if (r.empty()) return Status::NotFound(location_ + ": no event " + std::to_string(id));
    ReadEventRow(r[0], out);
    return Status::Ok();
  });
}

Status PgStore::GetDocument(int64_t id, StoredDocument* out) {
  return Read("reading a document", [&](pqxx::transaction_base& tx) {
    pqxx::result r = tx.exec_params(std::string(kDocumentColumns) + "WHERE id = $1", id);
    if (r.empty()) return Status::NotFound(location_ + ": no document d" + std::to_string(id));
    ReadDocumentRow(r[0], out);
    return Status::Ok();
  });
}

Status PgStore::FindDocument(const std::string& key, StoredDocument* out) {
  if (key.size() > 1 && key[0] == 'd' &&
      key.find_first_not_of("0123456789", 1) == std::string::npos) {
    return GetDocument(std::stoll(key.substr(1)), out);
  }
  int64_t id = 0;
  Status s = Read("finding a document", [&](pqxx::transaction_base& tx) -> Status {
    pqxx::result r = tx.exec_params(
        "SELECT id FROM documents WHERE input_id = $1 ORDER BY id LIMIT 1", key);
    if (!r.empty()) id = Int(r[0][0]);
    if (id == 0 && key.size() >= 8 && key.find_first_not_of("0123456789abcdef") == std::string::npos) {
      r = tx.exec_params("SELECT id FROM documents WHERE sha256 >= $1 AND sha256 < $2 LIMIT 2", key,
                         PrefixEnd(key));
      if (r.size() > 1) return Status::Error(location_ + ": sha256 prefix '" + key + "' is ambiguous");
      if (!r.empty()) id = Int(r[0][0]);
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  if (id == 0) return Status::NotFound(location_ + ": no document '" + key + "'");
  return GetDocument(id, out);
}

Status PgStore::GetSentences(int64_t document_id, std::vector<Sentence>* out) {
  return Read("reading sentences", [&](pqxx::transaction_base& tx) {
    out->clear();
    for (const pqxx::row& r : tx.exec_params(
             "SELECT idx, \"begin\", \"end\", text FROM sentences WHERE doc = $1 ORDER BY idx",
             document_id))
      out->push_back({static_cast<int>(Int(r[0])), Span{Int(r[1]), Int(r[2])}, Text(r[3])});
    return Status::Ok();
  });
}

Status PgStore::ListDocumentIds(std::vector<int64_t>* out) {
  return Read("listing documents", [&](pqxx::transaction_base& tx) {
    out->clear();
    for (const pqxx::row& r : tx.exec("SELECT id FROM documents ORDER BY id")) out->push_back(Int(r[0]));
    return Status::Ok();
  });
}

Status PgStore::SearchSentences(const std::string& fts_query, int64_t limit,
                                std::vector<SentenceHit>* out) {
  out->clear();
  std::string tsquery;
  if (Status s = FtsToTsquery(fts_query, &tsquery); !s.ok()) return s;
  return Read("searching sentences", [&](pqxx::transaction_base& tx) {
    std::string sql =
        "SELECT s.doc, s.idx, s.\"begin\", s.\"end\", s.text, "
        "ts_headline('dyad_text', s.text, q, 'StartSel=[, StopSel=], HighlightAll=true'), "
        "d.title, d.url, d.pub_date, d.origin, d.input_id, d.page_starts, d.source "
        "FROM to_tsquery('dyad_text', $1) q, sentences s JOIN documents d ON d.id = s.doc "
        "WHERE s.tsv @@ q ORDER BY ts_rank(s.tsv, q) DESC, s.id";
    if (limit > 0) sql += " LIMIT " + std::to_string(limit);
    for (const pqxx::row& r : tx.exec_params(sql, tsquery)) {
      SentenceHit hit;
      hit.document_id = Int(r[0]);
      hit.sentence = {static_cast<int>(Int(r[1])), Span{Int(r[2]), Int(r[3])}, Text(r[4])};
      hit.snippet = Text(r[5]);
      hit.doc_title = Text(r[6]);
      hit.doc_url = Text(r[7]);
      if (auto d = Date::Parse(Text(r[8]))) hit.doc_date = *d;
      hit.doc_name = DocumentName(hit.doc_title, Text(r[9]), Text(r[10]));
      Document paged;
      paged.page_starts = PageStartsFromText(Text(r[11]));
      hit.page = PageAt(paged, hit.sentence.span.begin);
      hit.doc_source = Text(r[12]);
      out->push_back(std::move(hit));
    }
    return Status::Ok();
  });
}

Status PgStore::ForEachSentenceMatching(const std::string& fts_query,
                                        const std::function<bool(int64_t, const Sentence&)>& fn) {
  std::string tsquery;
  if (Status s = FtsToTsquery(fts_query, &tsquery); !s.ok()) return s;
  return Read("searching sentences", [&](pqxx::transaction_base& tx) {
    Sentence sentence;
    for (const pqxx::row& r : tx.exec_params("SELECT s.doc, s.idx, s.\"begin\", s.\"end\", s.text "
                                             "FROM to_tsquery('dyad_text', $1) q, sentences s WHERE s.tsv @@ q",
                                             tsquery)) {
      sentence.index = static_cast<int>(Int(r[1]));
      sentence.span = Span{Int(r[2]), Int(r[3])};
      sentence.text = Text(r[4]);
      if (!fn(Int(r[0]), sentence)) break;
    }
    return Status::Ok();
  });
}

Status PgStore::ForEachDocumentActors(const std::vector<int64_t>& document_ids, bool include_rejected,
                                      const std::function<bool(const DocumentActors&)>& fn) {
  if (document_ids.empty()) return Status::Ok();
  return Read("reading the documents' actors", [&](pqxx::transaction_base& tx) -> Status {
    LoadCurrentCodingLocked(tx);
    if (current_coding_ == 0) return Status::Ok();  // nothing coded yet
    // One statement for every document (as the SQLite store): its events from the index
    // events_doc (doc, coding, duplicate, source, target), one look-up per listed document. (Driven
    // from the list, not joined to it: with the planner's estimate of distinct events.doc too low,
    // a join walked all 1.4M documents of a 10M-event store, 471 ms instead of 12.)
    std::string sql =
        "SELECT d.id, d.url, d.title, d.source, d.pub_date, e.source, e.target"
        " FROM unnest($1::bigint[]) AS listed(id) JOIN documents d ON d.id = listed.id"
        " CROSS JOIN LATERAL (SELECT e.source, e.target FROM events e WHERE e.doc = listed.id AND e.coding = $2"
        " AND e.duplicate = 0";
    // Without any review in the store, no event is rejected: the index alone answers.
    if (!include_rejected && HasReviewsLocked(tx))
      sql += " AND COALESCE(" DYAD_LATEST_REVIEW("state") ", '') <> 'rejected'";
    sql += ") e ORDER BY d.id";
    DocumentActors doc;
    for (const pqxx::row& r :
         tx.exec_params(sql, BigintArray(document_ids.data(), document_ids.size()), current_coding_)) {
      const int64_t id = Int(r[0]);
      if (id != doc.document_id) {
        if (doc.document_id != 0 && !fn(doc)) return Status::Ok();
        doc.document_id = id;
        doc.url = Text(r[1]);
        doc.title = Text(r[2]);
        doc.source = Text(r[3]);
        const std::optional<Date> date = Date::Parse(Text(r[4]));
        doc.date = date ? *date : Date{};
        doc.pairs.clear();
      }
      std::pair<std::string, std::string> pair(Text(r[5]), Text(r[6]));
      if (std::find(doc.pairs.begin(), doc.pairs.end(), pair) == doc.pairs.end()) doc.pairs.push_back(std::move(pair));
    }
    if (doc.document_id != 0) fn(doc);
    return Status::Ok();
  });
}

Status PgStore::GetStats(Stats* out) {
  return Read("counting", [&](pqxx::transaction_base& tx) {
    LoadCurrentCodingLocked(tx);
    Stats st;
    const std::string c = std::to_string(current_coding_);
    pqxx::row r = tx.exec(
        "SELECT (SELECT COUNT(*) FROM documents), "
        "(SELECT COUNT(*) FROM documents WHERE near_duplicate_of IS NOT NULL), "
        "(SELECT COUNT(*) FROM sentences), (SELECT COUNT(*) FROM failures), "
        "(SELECT COUNT(*) FROM events WHERE coding = " + c + "), "
        "(SELECT COUNT(*) FROM events WHERE coding <> " + c + "), "
        "(SELECT dict_hash FROM codings WHERE id = " + c + "), "
        "(SELECT version FROM dyad_schema WHERE application = 'dyad')")[0];
    st.documents = Int(r[0]);
    st.near_duplicates = Int(r[1]);
    st.sentences = Int(r[2]);
    st.failures = Int(r[3]);
    st.events = Int(r[4]);
    st.other_coding_events = Int(r[5]);
    st.current_dict_hash = Text(r[6]);
    st.schema_version = static_cast<int>(Int(r[7]));
    *out = st;
    return Status::Ok();
  });
}

void PgStore::SetDeadline(std::chrono::steady_clock::time_point deadline) {
  std::lock_guard lock(mu_);
  deadline_ = deadline;
  interrupted_ = false;
  int64_t ms = 0;  // 0: no limit
  if (deadline != std::chrono::steady_clock::time_point::max()) {
    ms = std::max<int64_t>(1, std::chrono::duration_cast<std::chrono::milliseconds>(
                                  deadline - std::chrono::steady_clock::now())
                                  .count());
  }
  try {
    if (batch_ || active_) return;  // not inside a transaction: SET would end with it
    pqxx::nontransaction n(conn_->c);
    n.exec("SET statement_timeout = " + std::to_string(ms));
  } catch (...) {
  }
}

Status PgStore::CheckIntegrity() {
  return Read("integrity check", [&](pqxx::transaction_base& tx) {
    pqxx::row r = tx.exec(
        "SELECT (SELECT COUNT(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = e.doc)), "
        "(SELECT COUNT(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.id = e.sentence)), "
        "(SELECT COUNT(*) FROM sentences s WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = s.doc))")[0];
    const int64_t orphan_events = Int(r[0]) + Int(r[1]), orphan_sentences = Int(r[2]);
    if (orphan_events || orphan_sentences)
      return Status::Error(location_ + ": integrity check failed: " + std::to_string(orphan_events) +
                           " events and " + std::to_string(orphan_sentences) +
                           " sentences refer to missing rows");
    return Status::Ok();
  });
}

// ---------------------------------------------------------------- whole-table copy

Status PgStore::ReadTable(const std::string& name, const std::function<bool(const TableRow&)>& fn) {
  const CopiedTable* table = FindCopiedTable(name);
  if (!table) return Status::InvalidArgument(location_ + ": no table '" + name + "' to copy");
  return Read(("reading " + name).c_str(), [&](pqxx::transaction_base& tx) {
    std::string columns;
    for (const CopiedColumn& c : table->columns) {
      if (!columns.empty()) columns += ", ";
      const std::string quoted = QuotedName(c.name);
      columns += c.kind == ColumnKind::kBlob ? "encode(" + quoted + ", 'hex')" : quoted;
    }
    TableRow row(table->columns.size());
    ForEachCursorRow(tx, std::string("dyad_copy_") + table->name,
                     "SELECT " + columns + " FROM " + table->name + " ORDER BY " + table->order_by,
                     [&](const pqxx::row& r) {
                       for (size_t c = 0; c < table->columns.size(); ++c) {
                         const pqxx::field f = r[static_cast<pqxx::row::size_type>(c)];
                         if (f.is_null()) {
                           row[c].reset();
                           continue;
                         }
                         switch (table->columns[c].kind) {
                           case ColumnKind::kInteger:
                           case ColumnKind::kText: row[c] = Text(f); break;
                           case ColumnKind::kReal: row[c] = FormatReal(Real(f)); break;
                           case ColumnKind::kBlob: row[c] = BytesOfHex(Text(f)); break;
                         }
                       }
                       return fn(row);
                     });
    return Status::Ok();
  });
}

Status PgStore::WriteTable(const std::string& name, const std::vector<TableRow>& rows) {
  const CopiedTable* table = FindCopiedTable(name);
  if (!table) return Status::InvalidArgument(location_ + ": no table '" + name + "' to copy");
  return Write(("writing " + name).c_str(), [&](pqxx::transaction_base& tx) -> Status {
    FlushLocked(tx);
    std::vector<std::string> columns;
    for (const CopiedColumn& c : table->columns) columns.push_back(QuotedName(c.name));
    std::vector<TableRow> encoded = rows;
    for (TableRow& row : encoded) {
      if (row.size() != table->columns.size())
        return Status::InvalidArgument(location_ + ": a row of " + name + " has " +
                                       std::to_string(row.size()) + " values, not " +
                                       std::to_string(table->columns.size()));
      for (size_t c = 0; c < row.size(); ++c)
        if (row[c] && table->columns[c].kind == ColumnKind::kBlob)
          row[c] = "\\x" + HexOf(row[c]->data(), row[c]->size());
    }
    switch (columns.size()) {  // COPY rows are fixed-size arrays: one case per table width
      case 1: CopyRows<1>(tx, table->name, columns, encoded); break;
      case 2: CopyRows<2>(tx, table->name, columns, encoded); break;
      case 4: CopyRows<4>(tx, table->name, columns, encoded); break;
      case 5: CopyRows<5>(tx, table->name, columns, encoded); break;
      case 6: CopyRows<6>(tx, table->name, columns, encoded); break;
      case 16: CopyRows<16>(tx, table->name, columns, encoded); break;
      case 20: CopyRows<20>(tx, table->name, columns, encoded); break;
      case 38: CopyRows<38>(tx, table->name, columns, encoded); break;
      default: return Status::Internal(location_ + ": no COPY for a table of " + std::to_string(columns.size()) + " columns");
    }
    if (name == "events") {  // their event_countries rows (no insert trigger since schema v7)
      std::vector<Row> countries;
      for (const TableRow& row : rows)
        for (std::string& country : CopiedEventCountries(row)) countries.push_back({std::move(country), row.at(0)});
      if (!countries.empty()) CopyRows<2>(tx, "event_countries", EventCountryColumns(), countries);
    }
    if (table->columns.front().name == std::string("id")) {  // ids given: move the sequence past them
      tx.exec(std::string("SELECT setval(pg_get_serial_sequence('") + table->name +
              "', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM " + table->name);
    }
    return Status::Ok();
  });
}

}  // namespace dyad::store
