// dyad::store::Store: the evidence store. One SQLite database file (WAL mode)
// holding documents (immutable, hashed), their sentences (FTS5-indexed), the
// events derived from them by one dictionary set, the actors those events name,
// failed inputs and an append-only audit log. Schema: docs/store.md.
//
// Example:
//   std::unique_ptr<dyad::store::Store> store;
//   if (auto s = dyad::store::Store::Open("dyad.db", {}, &store); !s.ok()) ...
//   dyad::store::AddResult added;
//   s = store->AddDocument(document, events, engine->dictionary_hash(), &added);
//   dyad::store::EventQuery q;  q.actor = "BLR";  q.from = Date{2022, 2, 24};
//   std::vector<dyad::store::StoredEvent> rows;
//   s = store->QueryEvents(q, &rows);
//
// Contract:
//   - Thread safety: a Store is one SQLite connection. Every method locks an
//     internal mutex, so a Store may be shared between threads, but calls are
//     serialised; open one Store per thread for parallel reads (WAL lets readers
//     run beside one writer, in this or another process).
//   - Writers in different processes wait up to OpenOptions::busy_timeout_ms
//     for each other and then fail with "database is busy: another process is
//     writing to FILE".
//   - Errors: every method returns Status with one line naming the database and
//     what failed. Nothing throws, nothing prints.
//   - Documents are immutable once stored (an SQL trigger refuses UPDATE).
//     Adding the same bytes again (same SHA-256) is a no-op reported as a
//     duplicate. A near-duplicate (MinHash over word 3-shingles, estimated
//     Jaccard similarity >= kNearDuplicateJaccard with a stored document, found
//     through LSH bands) is stored and linked to the first copy; its events are stored but flagged duplicate and left out of
//     queries and exports unless EventQuery::include_duplicates.
//   - Events are derived data. Each row records the coding (dictionary-set hash)
//     that produced it. The "current" coding is the one of the latest ingest or
//     recode; queries return only current-coding events and report how many
//     others exist (QueryEvents' hidden count), so versions never mix silently.
//   - Durability: every Commit()/AddDocument() outside a batch is a committed
//     SQLite transaction; with WAL + synchronous=NORMAL it survives a kill -9 of
//     the process (not necessarily a power cut).
#ifndef DYAD_STORE_STORE_H_
#define DYAD_STORE_STORE_H_

#include <cstdint>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "dyad/date.h"
#include "dyad/document.h"
#include "dyad/event.h"
#include "dyad/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace dyad::store {

// The schema version this build writes (PRAGMA user_version).
inline constexpr int kSchemaVersion = 10;
// Two documents whose word 3-shingle sets have an estimated Jaccard similarity
// of at least this are near-duplicates. Documents with fewer shingles than
// kMinShinglesForNearDuplicate are only ever exact duplicates.
inline constexpr double kNearDuplicateJaccard = 0.8;
inline constexpr int kMinShinglesForNearDuplicate = 8;
// MinHash signature: kMinHashBands bands of kMinHashRows 32-bit values.
inline constexpr int kMinHashBands = 16;
inline constexpr int kMinHashRows = 4;
inline constexpr int kMinHashSize = kMinHashBands * kMinHashRows;

struct OpenOptions {
  bool read_only = false;
  // Create the file when absent (ignored when read_only).
  bool create = true;
  int busy_timeout_ms = 10000;
  // Migrate an older schema (after copying the file to FILE.bak-vN). When
  // false, an older schema is refused like a newer one.
  bool migrate = true;
  // SQLite's page cache, KiB; 0 = 2 MB for a reader (a command reads most pages once: more cache
  // is only more fresh memory), 256 MB for a writer. A long-lived reader (`dyad serve`'s
  // connections, which read the same pages request after request) wants more.
  int cache_kib = 0;
  // Tests only: build the schema up to this version instead of kSchemaVersion.
  int schema_version_for_testing = 0;
};

// A sentence of a document: index, code-point span in Document::text, text.
struct Sentence {
  int index = 0;
  Span span;
  std::string text;
};

enum class AddOutcome { kNew, kDuplicate, kNearDuplicate };
const char* AddOutcomeName(AddOutcome outcome);  // "new", "duplicate", "near-duplicate"

struct AddResult {
  AddOutcome outcome = AddOutcome::kNew;
  int64_t document_id = 0;     // the stored row (for kDuplicate: the existing one)
  int64_t duplicate_of = 0;    // kNearDuplicate: the earlier document it repeats
  int events_added = 0;
};

// Which fields of StoredEvent a query fills.
enum class EventFields {
  kAll,
  // What reports read: ids, dates (with precision and text), source, target, event and root
  // codes, quad class, Goldstein, modality, reporter, places, duplicate flag, the sentence, its
  // page (PDF), the sentence's, source's and verb's spans (where a reporter's words stand), the
  // document's date, source, url and title, and the latest review. The rest stay empty (the
  // target's span, actor and verb texts, references, PLOVER, pattern, doc_id, sha256,
  // ingested_at, dict_hash). Cheaper per row: fewer columns, and the document's text is never
  // walked through.
  kReport,
};

// An analyst's verdict on an event's machine coding.
enum class ReviewState { kNone, kConfirmed, kRejected, kCorrected };
const char* ReviewStateName(ReviewState state);  // "", "confirmed", "rejected", "corrected"
// "confirmed" | "rejected" | "corrected"; anything else is kNone.
ReviewState ParseReviewState(std::string_view name);

// A review: who said what about an event when. Stored beside the machine coding, never over it.
struct Review {
  int64_t id = 0;            // 0 = no review
  std::string at;            // ISO 8601 UTC
  std::string reviewer;
  int64_t event_id = 0;      // the event reviewed (its id then)
  ReviewState state = ReviewState::kNone;
  // kCorrected: the coding the analyst gave (each field the machine's when not corrected), with
  // the CAMEO values of its code; otherwise the machine's coding.
  std::string source, target, event_code, root_code, plover;
  int quad_class = 0;
  double goldstein = 0;
  std::string note;
  // The machine coding the review was given on.
  std::string machine_source, machine_target, machine_code;
};

// Which events a query keeps by their latest review.
enum class ReviewFilter {
  kAny,
  kAccepted,    // confirmed or corrected, with corrections applied (evidence an analyst checked)
  kRejected,
  kUnreviewed,  // no review (of the current machine coding)
  kNotRejected, // every event but those whose latest review rejects them (what exports give by default)
};

// The order QueryEvents returns rows in.
enum class EventOrder {
  kId,              // storage order; page with EventQuery::after_id
  kDate,            // event date, oldest first, undated last, ties by id; page with offset
  kDateDescending,  // event date, newest first, undated last, ties by id descending
};

// Filters of QueryEvents. Unset fields do not filter. Actor codes match as
// prefixes ("BLR" matches "BLRMIL"); event codes likewise ("19" matches "193").
struct EventQuery {
  std::string actor;     // source OR target
  std::string source;
  std::string target;
  std::string code;      // CAMEO code prefix
  std::string root;      // CAMEO root, exact ("19")
  std::optional<Date> from, to;  // event date, inclusive
  std::optional<Modality> modality;
  std::optional<bool> reported;  // true: only reported events; false: only first-hand
  std::string text;      // FTS5 query over the event's sentence
  // Only events involving this country (a 3-letter code, "BLR"): it begins the source, target or
  // reporter code, or is the country of a place; or, when `involving_words` are given, one of
  // them occurs in the sentence (as a phrase, whole words, case- and accent-insensitive). Read
  // from an index (event_countries, the full-text index): the other events are never loaded.
  std::string involving;
  std::vector<std::string> involving_words;  // "Belarus", "Belarusian", "Kalinouski Regiment"
  int64_t document_id = 0;       // only this document's events
  bool include_duplicates = false;
  int64_t limit = 0;     // 0: no limit
  int64_t after_id = 0;  // keyset paging: only ids > after_id (rows come in id order)
  EventFields fields = EventFields::kAll;
  // kAccepted returns corrected events with the correction in `event` (source, target, codes,
  // quad class, Goldstein, PLOVER) and the machine's coding in `review.machine_*`. The other
  // filters match the machine coding.
  ReviewFilter review = ReviewFilter::kAny;
  EventOrder order = EventOrder::kId;
  int64_t offset = 0;    // rows skipped before the first returned (with a limit)
};

// One stored event with the document that supports it.
struct StoredEvent {
  int64_t id = 0;
  int64_t document_id = 0;
  Event event;
  std::string doc_url, doc_title, doc_source, doc_sha256;
  Date doc_date;
  std::string doc_ingested_at;  // ISO 8601 UTC
  bool duplicate = false;     // from a near-duplicate document
  std::string dict_hash;      // the coding that produced it
  Review review;              // the latest review of this coding (id 0 when none)
};

struct StoredDocument {
  int64_t id = 0;
  Document document;          // text and metadata as stored
  std::string ingested_at;    // ISO 8601 UTC
  std::string tool_version;
  int64_t near_duplicate_of = 0;  // 0 when original
};

struct SentenceHit {
  int64_t document_id = 0;
  Sentence sentence;
  std::string snippet;        // the sentence with matches in [brackets]
  std::string doc_title, doc_url, doc_source;
  std::string doc_name;       // DocumentName(): the title, else the file name
  Date doc_date;
  int page = 0;               // the sentence's page in a PDF, 0 without pages
};

// A document's metadata and the actors of its events (Store::ForEachDocumentActors).
struct DocumentActors {
  int64_t document_id = 0;
  std::string url, title, source;
  Date date;
  // The (source, target) codes of its events, each pair once, in no particular order.
  std::vector<std::pair<std::string, std::string>> pairs;
};

struct AuditEntry {
  int64_t id = 0;
  std::string at;             // ISO 8601 UTC
  std::string action;         // "ingest", "recode", "export", "delete", ...
  std::string parameters;     // JSON object
};

struct Stats {
  int64_t documents = 0, near_duplicates = 0, sentences = 0, failures = 0;
  int64_t events = 0;         // current coding, duplicates included
  int64_t other_coding_events = 0;
  std::string current_dict_hash;  // "" when nothing coded yet
  int schema_version = 0;
};

// What changed for one document when it was coded again.
struct RecodeDelta {
  int added = 0, removed = 0, changed = 0, unchanged = 0;
};

// One row of a table as text, for copying a whole store (`dyad migrate`): integers in decimal,
// reals in their shortest exact form, blobs as raw bytes; nullopt = SQL NULL.
using TableRow = std::vector<std::optional<std::string>>;

// True when `location` names a PostgreSQL database (postgresql://... or postgres://...)
// rather than an SQLite file.
bool IsPostgresUrl(const std::string& location);
// `location` with any password removed, for messages ("postgresql://ana@db/dyad").
std::string RedactedLocation(const std::string& location);

// The evidence store's interface. Two backends implement it: SqliteStore (one file, the
// default) and PgStore (a PostgreSQL database, src/store/pg/). Both hold the same schema and
// give the same results for the same data; docs/store.md says when to choose which.
class Store {
 public:
  // Opens `location`: a PostgreSQL URL (IsPostgresUrl) opens PgStore, anything else is an
  // SQLite file (SqliteStore::Open). Options as documented there.
  static Status Open(const std::string& location, const OpenOptions& options,
                     std::unique_ptr<Store>* out);
  virtual ~Store() = default;

  // The file, or the URL without its password: what messages name.
  virtual const std::string& path() const = 0;

  // Batches: AddDocument/AddFailure calls between Begin() and Commit() share
  // one transaction. Without Begin() each call commits alone.
  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;

  // Stores the document (if its SHA-256 is new), its sentences and events.
  // `sentences` may be empty: the events' sentences are stored then.
  // Document::sha256 empty: computed from the text. Events' doc_id is ignored
  // (the document's row is the link).
  virtual Status AddDocument(const Document& document, const std::vector<Event>& events,
                             const std::string& dict_hash, AddResult* result) = 0;
  virtual Status AddDocument(const Document& document, const std::vector<Sentence>& sentences,
                             const std::vector<Event>& events, const std::string& dict_hash,
                             AddResult* result) = 0;
  // As above with a precomputed MinHashSignature(document.text).
  virtual Status AddDocument(const Document& document, const std::vector<Sentence>& sentences,
                             const std::vector<Event>& events, const std::string& dict_hash,
                             const std::vector<uint32_t>& minhash, AddResult* result) = 0;
  // Records an input that could not be stored, with its reason.
  virtual Status AddFailure(const std::string& origin, const std::string& sha256,
                            const std::string& reason) = 0;
  // Id of the document with these bytes, 0 when absent.
  virtual Status FindDocumentBySha(const std::string& sha256, int64_t* id) = 0;

  virtual Status QueryEvents(const EventQuery& query, std::vector<StoredEvent>* out) = 0;
  // Number of events of other codings that a query ignores (0 when none).
  virtual Status CountHiddenEvents(int64_t* count) = 0;
  // Whether the current coding has any event (cheap, unlike GetStats on a large store).
  virtual Status HasEvents(bool* any) = 0;
  // Number of near-duplicate documents (from an index; cheap).
  virtual Status CountNearDuplicates(int64_t* count) = 0;
  // Calls `fn` for each event matching `query`, streaming (for exports).
  // Stop early by returning false.
  virtual Status ForEachEvent(const EventQuery& query,
                              const std::function<bool(const StoredEvent&)>& fn) = 0;
  virtual Status GetEvent(int64_t id, StoredEvent* out) = 0;  // any coding

  // By row id; or by the input's id, "d<N>", or a sha256 prefix (>= 8 hex).
  virtual Status GetDocument(int64_t id, StoredDocument* out) = 0;
  virtual Status FindDocument(const std::string& key, StoredDocument* out) = 0;
  virtual Status GetSentences(int64_t document_id, std::vector<Sentence>* out) = 0;
  // Document ids in ascending order, for recoding.
  virtual Status ListDocumentIds(std::vector<int64_t>* out) = 0;

  // Full-text query over all stored sentences, in FTS5 syntax (words, "phrases", prefix*,
  // AND, OR, NOT, parentheses) on both backends. Best matches first.
  virtual Status SearchSentences(const std::string& fts_query, int64_t limit,
                                 std::vector<SentenceHit>* out) = 0;
  // Every sentence matching `fts_query` (the same syntax) with its document's id, in no particular
  // order and unranked: what the role report reads to find sentences naming a state that no coded
  // event covers (it knows their documents from their events). `fn` returns false to stop; it must
  // not call the store (the SQLite store holds its lock while it runs).
  virtual Status ForEachSentenceMatching(const std::string& fts_query,
                                         const std::function<bool(int64_t document_id, const Sentence&)>& fn) = 0;

  // The actors of each document of `document_ids` (ascending, no repeats) that has events in the
  // current coding, in that order: what the role report reads to decide whether a document is about
  // a war between two sides, in one query instead of one per document. Events of near-duplicate
  // documents are left out, and so are those whose latest review rejects them unless
  // `include_rejected`. Read from the index events_doc (doc, coding, duplicate, source, target,
  // schema v9): no event row of an unreviewed document is read. `fn` returns false to stop; it
  // must not call the store.
  virtual Status ForEachDocumentActors(const std::vector<int64_t>& document_ids, bool include_rejected,
                                       const std::function<bool(const DocumentActors&)>& fn) = 0;

  // Replaces the document's events with `events` coded by `dict_hash`,
  // reporting what changed (matched by sentence and verb span).
  virtual Status ReplaceEvents(int64_t document_id, const std::vector<Event>& events,
                               const std::string& dict_hash, RecodeDelta* delta) = 0;
  // Makes `dict_hash` the coding that queries use.
  virtual Status SetCurrentCoding(const std::string& dict_hash,
                                  const std::string& description) = 0;
  virtual Status CurrentCoding(std::string* dict_hash) = 0;

  // Deletes a document with its sentences and events; the request (with its
  // reason) stays in the audit log.
  virtual Status DeleteDocument(int64_t id, const std::string& reason) = 0;

  // Adds a review of event `event_id` (its machine coding as stored now) by `review.reviewer`
  // with `review.state` and `review.note`. For kCorrected, `review.source`, `target` and
  // `event_code` are the correction: empty keeps the machine's, "-" removes an actor; a new code
  // needs its CAMEO values (CompleteCorrection, store/review.h). The event's row is not changed; the review and an
  // audit entry ("review") are written in one transaction. *stored gets the row.
  // Errors: no such event (kNotFound); no reviewer, no state, a correction that changes nothing
  // or a new code without its CAMEO values (kInvalidArgument).
  virtual Status AddReview(int64_t event_id, const Review& review, Review* stored) = 0;
  // Every review of the event (its machine coding, across recodes), oldest first.
  virtual Status ReviewHistory(int64_t event_id, std::vector<Review>* out) = 0;
  // Applies a kCorrected review to the event's fields (no-op otherwise).
  static void ApplyCorrection(StoredEvent* event);

  // Append-only audit log; `parameters` is a JSON object text.
  virtual Status Audit(const std::string& action, const std::string& parameters) = 0;
  virtual Status ReadAudit(std::vector<AuditEntry>* out) = 0;

  virtual Status GetStats(Stats* out) = 0;
  // Interrupts any statement of this connection still running at `deadline`: it fails and
  // interrupted() turns true until the next SetDeadline. time_point::max() = no limit.
  virtual void SetDeadline(std::chrono::steady_clock::time_point deadline) = 0;
  virtual bool interrupted() const = 0;

  // The backend's own consistency check; ok when it finds nothing wrong.
  virtual Status CheckIntegrity() = 0;
  // The plan of the SQL QueryEvents would run (tests, --explain).
  virtual Status ExplainQuery(const EventQuery& query, std::string* plan) = 0;

  // Whole-table copy for `dyad migrate` (tables and columns: kCopiedTables, store/tables.h).
  // ReadTable calls `fn` for each row in primary-key order; stop early by returning false.
  // WriteTable appends rows as they are, ids included, inside the open batch (Begin()); a
  // derived index (full-text, event countries, id sequences) follows the rows written.
  virtual Status ReadTable(const std::string& table, const std::function<bool(const TableRow&)>& fn) = 0;
  virtual Status WriteTable(const std::string& table, const std::vector<TableRow>& rows) = 0;

 protected:
  Store() = default;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;
};

// The SQLite backend: one database file (WAL mode).
class SqliteStore final : public Store {
 public:
  // Opens (creating or migrating as OpenOptions say) the database at `path`.
  // Refuses a newer schema: "FILE: schema version N is newer than this dyad
  // supports (M); use a newer dyad". Migrates an older one in one transaction
  // after copying it to FILE.bak-vN.
  static Status Open(const std::string& path, const OpenOptions& options,
                     std::unique_ptr<Store>* out);
  ~SqliteStore() override;

  const std::string& path() const override { return path_; }

  // Batches: AddDocument/AddFailure calls between Begin() and Commit() share
  // one transaction (BEGIN IMMEDIATE). Without Begin() each call commits alone.
  Status Begin();
  Status Commit();
  Status Rollback();

  // Stores the document (if its SHA-256 is new), its sentences and events.
  // `sentences` may be empty: the events' sentences are stored then.
  // Document::sha256 empty: computed from the text. Events' doc_id is ignored
  // (the document's row is the link).
  Status AddDocument(const Document& document, const std::vector<Event>& events,
                     const std::string& dict_hash, AddResult* result);
  Status AddDocument(const Document& document, const std::vector<Sentence>& sentences,
                     const std::vector<Event>& events, const std::string& dict_hash,
                     AddResult* result);
  // As above with a precomputed MinHashSignature(document.text) (the ingest
  // pipeline computes it on worker threads).
  Status AddDocument(const Document& document, const std::vector<Sentence>& sentences,
                     const std::vector<Event>& events, const std::string& dict_hash,
                     const std::vector<uint32_t>& minhash, AddResult* result);
  // Records an input that could not be stored, with its reason.
  Status AddFailure(const std::string& origin, const std::string& sha256,
                    const std::string& reason);
  // Id of the document with these bytes, 0 when absent.
  Status FindDocumentBySha(const std::string& sha256, int64_t* id);

  Status QueryEvents(const EventQuery& query, std::vector<StoredEvent>* out);
  // Number of events of other codings that a query ignores (0 when none).
  Status CountHiddenEvents(int64_t* count);
  // Whether the current coding has any event (cheap, unlike GetStats on a large store).
  Status HasEvents(bool* any);
  // Number of near-duplicate documents (from an index; cheap).
  Status CountNearDuplicates(int64_t* count);
  // Calls `fn` for each event matching `query`, streaming (for exports).
  // Stop early by returning false.
  Status ForEachEvent(const EventQuery& query,
                      const std::function<bool(const StoredEvent&)>& fn);
  Status GetEvent(int64_t id, StoredEvent* out);  // any coding

  // By row id; or by the input's id, "d<N>", or a sha256 prefix (>= 8 hex).
  Status GetDocument(int64_t id, StoredDocument* out);
  Status FindDocument(const std::string& key, StoredDocument* out);
  Status GetSentences(int64_t document_id, std::vector<Sentence>* out);
  // Document ids in ascending order, for recoding.
  Status ListDocumentIds(std::vector<int64_t>* out);

  // FTS5 query over all stored sentences (syntax: sqlite.org/fts5.html#full_text_query_syntax).
  Status SearchSentences(const std::string& fts_query, int64_t limit,
                         std::vector<SentenceHit>* out);
  Status ForEachSentenceMatching(const std::string& fts_query,
                                 const std::function<bool(int64_t, const Sentence&)>& fn) override;
  Status ForEachDocumentActors(const std::vector<int64_t>& document_ids, bool include_rejected,
                               const std::function<bool(const DocumentActors&)>& fn) override;

  // Replaces the document's events with `events` coded by `dict_hash`,
  // reporting what changed (matched by sentence and verb span).
  Status ReplaceEvents(int64_t document_id, const std::vector<Event>& events,
                       const std::string& dict_hash, RecodeDelta* delta);
  // Makes `dict_hash` the coding that queries use.
  Status SetCurrentCoding(const std::string& dict_hash, const std::string& description);
  Status CurrentCoding(std::string* dict_hash);

  // Deletes a document with its sentences and events; the request (with its
  // reason) stays in the audit log.
  Status DeleteDocument(int64_t id, const std::string& reason);

  Status AddReview(int64_t event_id, const Review& review, Review* stored);
  Status ReviewHistory(int64_t event_id, std::vector<Review>* out);

  // Append-only audit log; `parameters` is a JSON object text.
  Status Audit(const std::string& action, const std::string& parameters);
  Status ReadAudit(std::vector<AuditEntry>* out);

  Status GetStats(Stats* out);
  // Interrupts any statement of this connection still running at `deadline`
  // (sqlite3_progress_handler): it fails and interrupted() turns true until the
  // next SetDeadline. time_point::max() (the default) = no limit. One
  // connection per thread at a time (the server's pool leases them).
  void SetDeadline(std::chrono::steady_clock::time_point deadline);
  bool interrupted() const override { return interrupted_; }

  // PRAGMA integrity_check; ok when it says "ok".
  Status CheckIntegrity();
  // EXPLAIN QUERY PLAN of the SQL QueryEvents would run (tests, --explain).
  Status ExplainQuery(const EventQuery& query, std::string* plan);
  // `dyad migrate` (sqlite_tables.cc).
  Status ReadTable(const std::string& table, const std::function<bool(const TableRow&)>& fn);
  Status WriteTable(const std::string& table, const std::vector<TableRow>& rows);

 private:
  struct Statements;
  SqliteStore(sqlite3* db, std::string path);
  Status Exec(const char* sql);
  Status Error(const char* what) const;
  Status AddDocumentLocked(const Document& document, const std::vector<Sentence>& sentences,
                           const std::vector<Event>& events, const std::string& dict_hash,
                           const std::vector<uint32_t>& minhash, AddResult* result);
  Status CodingIdLocked(const std::string& dict_hash, int64_t* id);
  // `sentence_ids`: sentence index -> sentences.id already known (may be null).
  Status InsertEventsLocked(int64_t doc_row, const std::vector<Event>& events,
                            int64_t coding, bool duplicate, int* added,
                            std::unordered_map<int, int64_t>* sentence_ids = nullptr);
  // Transaction ended: keep (committed) or forget (rolled back) the actor
  // codes inserted in it; after a rollback, reload the current coding.
  void EndTransactionLocked(bool committed);
  // Stores the sentences not stored yet; records the row id of each one it
  // inserts in `ids` (sentence index -> sentences.id) when given.
  Status EnsureSentencesLocked(int64_t doc_row, const std::vector<Sentence>& sentences,
                               std::unordered_map<int, int64_t>* ids = nullptr);
  // Writes the event_countries rows of the event stored as `event_row` (rows.h: EventCountries).
  Status InsertEventCountriesLocked(int64_t event_row, const std::vector<std::string>& countries);
  // Adds the sentences stored since the last call to the full-text index, in one statement.
  // SQLite 3.40's FTS5 writes its pending rows out at every statement savepoint: indexing each
  // sentence as it was stored made one index segment per sentence (and their merges). So the
  // sentence rows of a transaction are indexed together before it commits, or before anything
  // in it searches or deletes index rows.
  Status IndexPendingSentencesLocked();
  Status LoadCurrentCodingLocked();
  Status RunQuery(const EventQuery& query, const std::function<bool(const StoredEvent&)>& fn);
  // Whether the store holds any review (queries of a store without leave the review filters out).
  Status HasReviewsLocked(bool* any);
  // Actor code prefix -> stored codes (caller holds mu_).
  std::function<std::vector<std::string>(const std::string&)> ExpandActor();
  Status WithTransaction(const std::function<Status()>& body);

  sqlite3* db_ = nullptr;
  std::string path_;
  std::unique_ptr<Statements> stmts_;
  bool in_batch_ = false;
  int64_t fts_first_ = 0, fts_last_ = 0;  // sentences rows fts_first_..fts_last_ not indexed yet (0: none)
  int64_t current_coding_ = 0;  // cached; 0 = none
  // actor_codes rows known to be committed (rows are never deleted), and those
  // inserted by the open transaction: skips an INSERT OR IGNORE per actor.
  std::unordered_set<std::string> actor_codes_committed_, actor_codes_pending_;
  std::recursive_mutex mu_;
  std::chrono::steady_clock::time_point deadline_ = std::chrono::steady_clock::time_point::max();
  bool interrupted_ = false;
  // GetStats' last answer, kept while no connection has written since: its counts scan a table
  // or an index each (about 60 ms at 1M events), and `dyad serve` is asked for them often.
  struct StatsCache {
    bool valid = false;
    int64_t data_version = 0;   // PRAGMA data_version: changes when another connection commits
    int64_t total_changes = 0;  // sqlite3_total_changes64: changes when this one writes
    Stats stats;
  };
  StatsCache stats_cache_;
};

// What a person calls a stored document: its title, else its file's name (from the origin
// "reports/minsk.txt:1" -> "minsk.txt"), else its input id (stdin, JSONL lines without a path).
std::string DocumentName(const std::string& title, const std::string& origin, const std::string& input_id);

// MinHash signature (kMinHashSize values) over the word 3-shingles of `text`
// (ASCII letters lower-cased, other bytes kept). Empty when the text has fewer
// than kMinShinglesForNearDuplicate shingles. Deterministic across runs and
// machines. Thread-safe.
std::vector<uint32_t> MinHashSignature(std::string_view text);
// Fraction of equal positions: an estimate of the Jaccard similarity.
double EstimatedJaccard(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);

}  // namespace dyad::store

#endif  // DYAD_STORE_STORE_H_
