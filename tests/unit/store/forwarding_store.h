// ForwardingStore: a Store that passes every call to another one. Tests derive from it to
// change one call (fail a commit, hold a writer at a point) and keep the rest of the backend.
#ifndef DYAD_TESTS_UNIT_STORE_FORWARDING_STORE_H_
#define DYAD_TESTS_UNIT_STORE_FORWARDING_STORE_H_

#include <memory>
#include <string>
#include <vector>

#include "store/store.h"

namespace dyad::store {

class ForwardingStore : public Store {
 public:
  explicit ForwardingStore(std::unique_ptr<Store> inner) : inner_(std::move(inner)) {}

  const std::string& path() const override { return inner_->path(); }
  Status Begin() override { return inner_->Begin(); }
  Status Commit() override { return inner_->Commit(); }
  Status Rollback() override { return inner_->Rollback(); }
  Status AddDocument(const Document& d, const std::vector<Event>& e, const std::string& h,
                     AddResult* r) override {
    return inner_->AddDocument(d, e, h, r);
  }
  Status AddDocument(const Document& d, const std::vector<Sentence>& s, const std::vector<Event>& e,
                     const std::string& h, AddResult* r) override {
    return inner_->AddDocument(d, s, e, h, r);
  }
  Status AddDocument(const Document& d, const std::vector<Sentence>& s, const std::vector<Event>& e,
                     const std::string& h, const std::vector<uint32_t>& m, AddResult* r) override {
    return inner_->AddDocument(d, s, e, h, m, r);
  }
  Status AddFailure(const std::string& o, const std::string& sha, const std::string& why) override {
    return inner_->AddFailure(o, sha, why);
  }
  Status FindDocumentBySha(const std::string& sha, int64_t* id) override {
    return inner_->FindDocumentBySha(sha, id);
  }
  Status QueryEvents(const EventQuery& q, std::vector<StoredEvent>* out) override {
    return inner_->QueryEvents(q, out);
  }
  Status CountHiddenEvents(int64_t* n) override { return inner_->CountHiddenEvents(n); }
  Status HasEvents(bool* any) override { return inner_->HasEvents(any); }
  Status CountNearDuplicates(int64_t* n) override { return inner_->CountNearDuplicates(n); }
  Status ForEachEvent(const EventQuery& q, const std::function<bool(const StoredEvent&)>& fn) override {
    return inner_->ForEachEvent(q, fn);
  }
  Status GetEvent(int64_t id, StoredEvent* out) override { return inner_->GetEvent(id, out); }
  Status GetDocument(int64_t id, StoredDocument* out) override { return inner_->GetDocument(id, out); }
  Status FindDocument(const std::string& key, StoredDocument* out) override {
    return inner_->FindDocument(key, out);
  }
  Status GetSentences(int64_t id, std::vector<Sentence>* out) override {
    return inner_->GetSentences(id, out);
  }
  Status ListDocumentIds(std::vector<int64_t>* out) override { return inner_->ListDocumentIds(out); }
  Status SearchSentences(const std::string& q, int64_t limit, std::vector<SentenceHit>* out) override {
    return inner_->SearchSentences(q, limit, out);
  }
  Status ForEachSentenceMatching(const std::string& q,
                                 const std::function<bool(int64_t, const Sentence&)>& fn) override {
    return inner_->ForEachSentenceMatching(q, fn);
  }
  Status ForEachDocumentActors(const std::vector<int64_t>& ids, bool include_rejected,
                               const std::function<bool(const DocumentActors&)>& fn) override {
    return inner_->ForEachDocumentActors(ids, include_rejected, fn);
  }
  Status ReplaceEvents(int64_t id, const std::vector<Event>& e, const std::string& h,
                       RecodeDelta* delta) override {
    return inner_->ReplaceEvents(id, e, h, delta);
  }
  Status SetCurrentCoding(const std::string& h, const std::string& description) override {
    return inner_->SetCurrentCoding(h, description);
  }
  Status CurrentCoding(std::string* h) override { return inner_->CurrentCoding(h); }
  Status DeleteDocument(int64_t id, const std::string& reason) override {
    return inner_->DeleteDocument(id, reason);
  }
  Status AddReview(int64_t id, const Review& review, Review* stored) override {
    return inner_->AddReview(id, review, stored);
  }
  Status ReviewHistory(int64_t id, std::vector<Review>* out) override {
    return inner_->ReviewHistory(id, out);
  }
  Status Audit(const std::string& action, const std::string& parameters) override {
    return inner_->Audit(action, parameters);
  }
  Status ReadAudit(std::vector<AuditEntry>* out) override { return inner_->ReadAudit(out); }
  Status GetStats(Stats* out) override { return inner_->GetStats(out); }
  void SetDeadline(std::chrono::steady_clock::time_point deadline) override {
    inner_->SetDeadline(deadline);
  }
  bool interrupted() const override { return inner_->interrupted(); }
  Status CheckIntegrity() override { return inner_->CheckIntegrity(); }
  Status ExplainQuery(const EventQuery& q, std::string* plan) override {
    return inner_->ExplainQuery(q, plan);
  }
  Status ReadTable(const std::string& t, const std::function<bool(const TableRow&)>& fn) override {
    return inner_->ReadTable(t, fn);
  }
  Status WriteTable(const std::string& t, const std::vector<TableRow>& rows) override {
    return inner_->WriteTable(t, rows);
  }

 protected:
  std::unique_ptr<Store> inner_;
};

}  // namespace dyad::store

#endif  // DYAD_TESTS_UNIT_STORE_FORWARDING_STORE_H_
