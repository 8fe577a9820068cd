// dyad::store::PgStore: the evidence store in a PostgreSQL database (libpqxx), for a team
// or an archive that outgrows one SQLite file. Same schema, versions and results as the
// SQLite backend (pg_schema.h); chosen by Store::Open for a postgresql:// URL.
//
// Contract (as Store's, with these differences):
//   - Concurrency: any number of processes on any machines may ingest into one database.
//     Documents are unique by SHA-256 (a unique index; INSERT ... ON CONFLICT DO NOTHING): two
//     writers adding the same bytes store them once, the second sees a duplicate. A writer
//     that deadlocks with another (the same new documents in opposite orders) or fails to
//     serialize gets kAborted: the server rolled its transaction back (call Rollback()), and
//     running the same transaction again may succeed (Ingester does, a bounded number of times).
//   - Batches: everything between Begin() and Commit() is one transaction; without Begin()
//     each call is its own. Sentences and events are sent with COPY when the transaction
//     ends (or before the store reads them back), so readers never see part of a document.
//   - Schema: dyad_schema(application, version). An older version is migrated in one
//     transaction on a writable open (PostgreSQL's DDL is transactional: no backup file);
//     a read-only open refuses it, naming the command that migrates.
//   - Errors: one line naming the URL without its password and what to do.
//   - Thread safety: one connection; calls are serialised by a mutex.
#ifndef DYAD_STORE_PG_PG_STORE_H_
#define DYAD_STORE_PG_PG_STORE_H_

#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "store/store.h"

namespace pqxx {
class dbtransaction;
class transaction_base;
}  // namespace pqxx

namespace dyad::store {

class PgStore final : public Store {
 public:
  // `url`: postgresql://[user[:password]@][host][:port]/database[?param=value...]
  // (libpq's URI; host may be a Unix socket folder: postgresql:///dyad?host=/run/postgresql).
  static Status Open(const std::string& url, const OpenOptions& options,
                     std::unique_ptr<Store>* out);
  ~PgStore() override;

  const std::string& path() const override { return location_; }

  Status Begin() override;
  Status Commit() override;
  Status Rollback() override;

  Status AddDocument(const Document& document, const std::vector<Event>& events,
                     const std::string& dict_hash, AddResult* result) override;
  Status AddDocument(const Document& document, const std::vector<Sentence>& sentences,
                     const std::vector<Event>& events, const std::string& dict_hash,
                     AddResult* result) override;
  Status AddDocument(const Document& document, const std::vector<Sentence>& sentences,
                     const std::vector<Event>& events, const std::string& dict_hash,
                     const std::vector<uint32_t>& minhash, AddResult* result) override;
  Status AddFailure(const std::string& origin, const std::string& sha256,
                    const std::string& reason) override;
  Status FindDocumentBySha(const std::string& sha256, int64_t* id) override;

  Status QueryEvents(const EventQuery& query, std::vector<StoredEvent>* out) override;
  Status CountHiddenEvents(int64_t* count) override;
  Status HasEvents(bool* any) override;
  Status CountNearDuplicates(int64_t* count) override;
  Status ForEachEvent(const EventQuery& query,
                      const std::function<bool(const StoredEvent&)>& fn) override;
  Status GetEvent(int64_t id, StoredEvent* out) override;

  Status GetDocument(int64_t id, StoredDocument* out) override;
  Status FindDocument(const std::string& key, StoredDocument* out) override;
  Status GetSentences(int64_t document_id, std::vector<Sentence>* out) override;
  Status ListDocumentIds(std::vector<int64_t>* out) override;
  Status SearchSentences(const std::string& fts_query, int64_t limit,
                         std::vector<SentenceHit>* out) override;
  Status ForEachSentenceMatching(const std::string& fts_query,
                                 const std::function<bool(int64_t, const Sentence&)>& fn) override;
  Status ForEachDocumentActors(const std::vector<int64_t>& document_ids, bool include_rejected,
                               const std::function<bool(const DocumentActors&)>& fn) override;

  Status ReplaceEvents(int64_t document_id, const std::vector<Event>& events,
                       const std::string& dict_hash, RecodeDelta* delta) override;
  Status SetCurrentCoding(const std::string& dict_hash, const std::string& description) override;
  Status CurrentCoding(std::string* dict_hash) override;
  Status DeleteDocument(int64_t id, const std::string& reason) override;
  Status AddReview(int64_t event_id, const Review& review, Review* stored) override;
  Status ReviewHistory(int64_t event_id, std::vector<Review>* out) override;
  Status Audit(const std::string& action, const std::string& parameters) override;
  Status ReadAudit(std::vector<AuditEntry>* out) override;
  Status GetStats(Stats* out) override;

  // statement_timeout of the connection: a statement still running at the deadline is
  // cancelled by the server.
  void SetDeadline(std::chrono::steady_clock::time_point deadline) override;
  bool interrupted() const override { return interrupted_; }

  // Referential checks: every event's document and sentence, every sentence's document exist.
  Status CheckIntegrity() override;
  // EXPLAIN of the query QueryEvents would run.
  Status ExplainQuery(const EventQuery& query, std::string* plan) override;

  Status ReadTable(const std::string& table, const std::function<bool(const TableRow&)>& fn) override;
  Status WriteTable(const std::string& table, const std::vector<TableRow>& rows) override;

 private:
  using Row = std::vector<std::optional<std::string>>;
  struct Connection;  // a pqxx::connection (whose name is an alias: it cannot be declared here)
  PgStore(std::unique_ptr<Connection> conn, std::string location, bool read_only);

  // Runs `body` in the open batch's transaction, or in a transaction of its own that
  // commits when the body succeeds. Exceptions become Status naming `what`.
  Status Write(const char* what, const std::function<Status(pqxx::transaction_base&)>& body);
  // Runs `body` in the open batch's transaction (after sending what is buffered), or in a
  // read-only one of its own.
  Status Read(const char* what, const std::function<Status(pqxx::transaction_base&)>& body);
  Status ErrorFrom(const std::exception& e, const char* what);
  // Sends buffered sentences and events (COPY) and new actor codes.
  void FlushLocked(pqxx::transaction_base& tx);
  void EndTransactionLocked(bool committed);
  void LoadCurrentCodingLocked(pqxx::transaction_base& tx);
  int64_t CodingIdLocked(pqxx::transaction_base& tx, const std::string& dict_hash);
  Status AddDocumentLocked(pqxx::transaction_base& tx, const Document& document,
                           const std::vector<Sentence>& sentences, const std::vector<Event>& events,
                           const std::string& dict_hash, const std::vector<uint32_t>& minhash,
                           AddResult* result);
  // Buffers the sentences of `doc` not stored yet (their ids are reserved by FlushLocked); fills
  // `ids` (sentence index -> sentences.id, or PendingSentenceRef of a buffered one) for every
  // sentence given or already stored. Of a document not new, `ids` empty: read from the store.
  void EnsureSentencesLocked(pqxx::transaction_base& tx, int64_t doc, bool doc_is_new,
                             const std::vector<Sentence>& sentences,
                             std::unordered_map<int, int64_t>* ids);
  // Buffers the events and the sentences they name (EnsureSentencesLocked, with `sentence_ids`).
  void BufferEventsLocked(pqxx::transaction_base& tx, int64_t doc, bool doc_is_new,
                          const std::vector<Event>& events, int64_t coding, bool duplicate,
                          std::unordered_map<int, int64_t>* sentence_ids, int* added);
  // A sentence buffered at `index` of pending_sentences_, as a (negative) sentence id, and back.
  static int64_t PendingSentenceRef(size_t index) { return -static_cast<int64_t>(index) - 1; }
  static size_t PendingSentenceIndex(int64_t ref) { return static_cast<size_t>(-ref - 1); }
  std::vector<std::string> ExpandActorLocked(pqxx::transaction_base& tx, const std::string& prefix);
  // The SQL of an event query (values inlined as quoted literals); "" and *error for a bad
  // full-text query. `reviews`: whether the store has any review (without, no review is looked up).
  std::string QuerySqlLocked(pqxx::transaction_base& tx, const EventQuery& query, bool reviews,
                             std::string* error);
  bool HasReviewsLocked(pqxx::transaction_base& tx);
  Status RunQuery(const EventQuery& query, const std::function<bool(const StoredEvent&)>& fn);

  std::unique_ptr<Connection> conn_;
  std::unique_ptr<pqxx::dbtransaction> batch_;  // open between Begin() and Commit()
  pqxx::transaction_base* active_ = nullptr;     // of a call in progress: nested calls join it
  std::string location_;
  bool read_only_ = false;
  int64_t current_coding_ = 0;
  std::unordered_set<std::string> actor_codes_committed_;
  std::set<std::string> actor_codes_pending_;
  std::vector<Row> pending_sentences_, pending_events_;
  // The event_countries rows of each buffered event (rows.h: EventCountries), written with it
  // once FlushLocked has reserved its id (no insert trigger since schema v7).
  std::vector<std::vector<std::string>> pending_event_countries_;
  // The sentence of each buffered event: its id, or PendingSentenceRef of a buffered sentence.
  std::vector<int64_t> pending_event_sentences_;
  // Coding ids by dictionary hash: committed (never deleted, so kept), and of the open transaction.
  std::unordered_map<std::string, int64_t> coding_ids_committed_, coding_ids_pending_;
  std::unordered_set<int64_t> pending_docs_;  // documents with buffered rows
  std::recursive_mutex mu_;
  std::chrono::steady_clock::time_point deadline_ = std::chrono::steady_clock::time_point::max();
  bool interrupted_ = false;
};

}  // namespace dyad::store

#endif  // DYAD_STORE_PG_PG_STORE_H_
