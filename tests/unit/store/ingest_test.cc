#include "store/ingest.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "backend_fixture.h"
#include "forwarding_store.h"
#include "test_util.h"

namespace dyad::store {
namespace {

using ::testing::HasSubstr;

// A hand-written coder for the tests: each sentence naming "Belarus" and
// "attacked" yields a BLRMIL -> UKR 190 event; a document whose id starts with
// "reject" fails to code.
Status TestCoder(const Document& doc, std::vector<Sentence>* sentences, std::vector<Event>* events) {
  if (doc.id.rfind("reject", 0) == 0) return Status::Error("test coder: cannot code '" + doc.id + "'");
  size_t begin = 0;
  int index = 0;
  while (begin < doc.text.size()) {
    size_t end = doc.text.find('.', begin);
    end = end == std::string::npos ? doc.text.size() : end + 1;
    std::string text = doc.text.substr(begin, end - begin);
    while (!text.empty() && text.front() == ' ') {
      text.erase(0, 1);
      ++begin;
    }
    Span span{static_cast<int64_t>(begin), static_cast<int64_t>(end)};
    sentences->push_back({index, span, text});
    if (text.find("Belarus") != std::string::npos && text.find("attack") != std::string::npos) {
      Event e = MakeEvent(index, text, "BLRMIL", "UKR", "190", doc.date);
      e.sentence_span = span;
      events->push_back(e);
    }
    begin = end;
    ++index;
  }
  return Status::Ok();
}

std::vector<Document> Corpus(int n, int first_seed = 1000) {
  std::vector<Document> docs;
  for (int i = 0; i < n; ++i) {
    std::string text = "Belarus troops attacked the border post " + std::to_string(i) + ". " +
                       Story(static_cast<uint64_t>(first_seed + i), 20);
    docs.push_back(MakeDocument("doc-" + std::to_string(i), text));
  }
  return docs;
}

IngestSummary Ingest(Store* store, const std::vector<Document>& docs, IngestOptions options = {}) {
  Ingester ingester(store, TestCoder, "test-dict", options);
  EXPECT_TRUE(ingester.Start().ok());
  for (const Document& d : docs) ingester.Add(d);
  IngestSummary summary;
  Status s = ingester.Finish(&summary);
  EXPECT_TRUE(s.ok()) << s.message();
  return summary;
}

// The progress line counts near-duplicates apart from exact duplicates, and reading every byte
// ahead of the coders never shows 100%.
TEST(IngestProgressLineTest, CountsNearDuplicatesApartAndNeverShowsAFinishedIngestEarly) {
  IngestProgress p;
  p.queued = 100;
  p.done = 50;
  p.new_documents = 40;
  p.duplicates = 3;
  p.near_duplicates = 5;
  p.failed = 2;
  p.seconds = 10;
  std::string line = IngestProgressLine(p, 1.0);  // every byte read, half the documents stored
  EXPECT_THAT(line, ::testing::HasSubstr("50 documents (40 new, 3 duplicate, 5 near-duplicate, 2 failed), 5 docs/s"));
  EXPECT_THAT(line, ::testing::HasSubstr(", 50%, ETA 0m10s"));
  p.done = 100;
  p.new_documents = 90;
  EXPECT_THAT(IngestProgressLine(p, 1.0), ::testing::HasSubstr(", 99%,"));  // done only at Finish()
  EXPECT_THAT(IngestProgressLine(p, 0.25), ::testing::HasSubstr(", 25%,"));
  EXPECT_EQ(IngestProgressLine(p, 0).find('%'), std::string::npos);  // stdin: size unknown
}

TEST_P(StoreBackendTest, IngestsCountsDuplicatesAndRecordsBadDocuments) {
  auto store = OpenStore();
  std::vector<Document> docs = Corpus(50);
  docs.push_back(docs[3]);                              // exact duplicate
  docs.push_back(MakeDocument("empty", "  \n\t "));     // empty
  docs.push_back(MakeDocument("bad-utf8", "Belarus \xC3\x28 attacked."));
  docs.push_back(MakeDocument("huge", std::string(6000, 'x')));
  docs.push_back(MakeDocument("reject-me", "Belarus attacked nobody in particular today."));
  IngestOptions options;
  options.batch_size = 7;
  options.threads = 3;
  options.max_document_bytes = 5000;
  std::atomic<int> progress_calls{0};
  options.progress = [&](const IngestProgress& p) {
    ++progress_calls;
    EXPECT_LE(p.done, p.queued);
  };
  Ingester ingester(store.get(), TestCoder, "test-dict", options);
  ASSERT_TRUE(ingester.Start().ok());
  for (const Document& d : docs) ingester.Add(d);
  ingester.AddFailure("missing.txt", Status::IOError("unreadable: No such file or directory").WithKind("unreadable"));
  IngestSummary s;
  ASSERT_TRUE(ingester.Finish(&s).ok());
  EXPECT_EQ(s.new_documents, 50);
  EXPECT_EQ(s.duplicates, 1);
  EXPECT_EQ(s.failed, 5);
  EXPECT_EQ(s.done, static_cast<int64_t>(docs.size()) + 1);
  EXPECT_EQ(s.events, 50);
  EXPECT_EQ(s.failure_reasons["empty document"], 1);
  EXPECT_EQ(s.failure_reasons["invalid UTF-8"], 1);
  EXPECT_EQ(s.failure_reasons["too large"], 1);
  EXPECT_EQ(s.failure_reasons["coding failed"], 1);
  EXPECT_EQ(s.failure_reasons["unreadable"], 1);
  EXPECT_GT(progress_calls.load(), 1);

  Stats stats;
  ASSERT_TRUE(store->GetStats(&stats).ok());
  EXPECT_EQ(stats.documents, 50);
  EXPECT_EQ(stats.failures, 5);
  EXPECT_EQ(stats.events, 50);
  EXPECT_EQ(stats.sentences, 50 * 21);  // every sentence, not only coded ones
  EXPECT_EQ(QueryText("SELECT reason FROM failures WHERE origin = 'test:huge'"),
            "too large (6000 bytes > 5000)");
  std::vector<AuditEntry> audit;
  ASSERT_TRUE(store->ReadAudit(&audit).ok());
  ASSERT_GE(audit.size(), 2u);
  EXPECT_EQ(audit[audit.size() - 2].action, "ingest");
  EXPECT_EQ(audit.back().action, "ingest-finished");
  EXPECT_THAT(audit.back().parameters, HasSubstr("\"new\":50"));

  // A second run stores nothing new.
  IngestSummary again = Ingest(store.get(), Corpus(50));
  EXPECT_EQ(again.new_documents, 0);
  EXPECT_EQ(again.duplicates, 50);
}

TEST(ValidateDocumentTest, NamesTheProblem) {
  EXPECT_TRUE(ValidateDocument(MakeDocument("a", "fine text"), 100).ok());
  EXPECT_EQ(ValidateDocument(MakeDocument("a", ""), 100).message(), "empty document");
  EXPECT_EQ(ValidateDocument(MakeDocument("a", ""), 100).kind(), "empty document");
  EXPECT_EQ(ValidateDocument(MakeDocument("a", "\xF0\x9F\x98"), 100).kind(), "invalid UTF-8");
  EXPECT_EQ(ValidateDocument(MakeDocument("a", std::string(101, 'x')), 100).kind(), "too large");
  EXPECT_THAT(ValidateDocument(MakeDocument("a", "ok \xED\xA0\x80 surrogate"), 100).message(),
              HasSubstr("invalid UTF-8 (at byte 3)"));
  EXPECT_THAT(ValidateDocument(MakeDocument("a", "\xF0\x9F\x98"), 100).message(), HasSubstr("invalid UTF-8"));
  EXPECT_TRUE(ValidateDocument(MakeDocument("a", "caf\xC3\xA9 \xF0\x9F\x98\x80"), 100).ok());
}

// Reads newline-terminated numbers from `fd` until `want` is reached or EOF.
int64_t ReadUntil(int fd, int64_t want) {
  int64_t last = 0;
  std::string buffer;
  char chunk[256];
  while (last < want) {
    ssize_t n = read(fd, chunk, sizeof chunk);
    if (n <= 0) break;
    buffer.append(chunk, static_cast<size_t>(n));
    size_t nl;
    while ((nl = buffer.find('\n')) != std::string::npos) {
      last = std::stoll(buffer.substr(0, nl));
      buffer.erase(0, nl + 1);
    }
  }
  return last;
}

// kill -9 in the middle of an ingest (a real child process): the database opens,
// passes integrity_check, holds every document the child reported committed,
// and a re-run ingests exactly the rest.
TEST_P(StoreBackendTest, SurvivesKillNineMidIngest) {
  const int kDocs = 3000;
  std::vector<Document> docs = Corpus(kDocs);
  for (int64_t kill_after : {100, 900, 2000}) {
    ResetStore();
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      close(fds[0]);
      std::unique_ptr<Store> store;
      if (!Store::Open(path_, {}, &store).ok()) _exit(2);
      IngestOptions options;
      options.batch_size = 16;
      options.progress = [&](const IngestProgress& p) {
        std::string line = std::to_string(p.done) + "\n";
        if (write(fds[1], line.data(), line.size()) < 0) _exit(3);
      };
      Ingester ingester(store.get(), TestCoder, "test-dict", options);
      if (!ingester.Start().ok()) _exit(4);
      for (const Document& d : docs) ingester.Add(d);
      IngestSummary s;
      _exit(ingester.Finish(&s).ok() ? 0 : 5);
    }
    close(fds[1]);
    int64_t reported = ReadUntil(fds[0], kill_after);
    ASSERT_EQ(kill(child, SIGKILL), 0);
    int status = 0;
    waitpid(child, &status, 0);
    // Anything reported after our read but before the kill is in the pipe.
    int64_t more = ReadUntil(fds[0], INT64_MAX);
    close(fds[0]);
    reported = std::max(reported, more);
    ASSERT_GE(reported, kill_after) << "child ended before the kill point";
    ASSERT_TRUE(WIFSIGNALED(status)) << "child was not killed mid-run";

    auto store = OpenStore();
    ASSERT_TRUE(store->CheckIntegrity().ok());
    Stats stats;
    ASSERT_TRUE(store->GetStats(&stats).ok());
    EXPECT_GE(stats.documents, reported) << "kill after " << kill_after;
    EXPECT_LT(stats.documents, kDocs) << "the kill came too late to test anything";
    const int64_t stored = stats.documents;
    IngestSummary rest = Ingest(store.get(), docs);
    EXPECT_EQ(rest.new_documents, kDocs - stored);
    EXPECT_EQ(rest.duplicates, stored);
    ASSERT_TRUE(store->GetStats(&stats).ok());
    EXPECT_EQ(stats.documents, kDocs);
    EXPECT_EQ(stats.events, kDocs);
    EXPECT_TRUE(store->CheckIntegrity().ok());
  }
}

// Two processes ingesting into one database at once both succeed: the second
// writer waits for the first (busy_timeout) instead of failing.
TEST_P(StoreBackendTest, TwoWritingProcessesBothSucceed) {
  { auto store = OpenStore(); }
  std::vector<pid_t> children;
  for (int p = 0; p < 2; ++p) {
    children.push_back(ForkWriter([&](Store& store) {
      IngestOptions options;
      options.batch_size = 8;
      return Ingest(&store, Corpus(400, 5000 + p * 1000), options).new_documents == 400 ? 0 : 4;
    }));
  }
  ExpectExitedZero(children);
  auto store = OpenStore();
  Stats stats;
  ASSERT_TRUE(store->GetStats(&stats).ok());
  EXPECT_EQ(stats.documents, 800);
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

// ---------------------------------------------------------------- conflicts with other writers

// A store whose first `conflicts` commits fail as a deadlock with another writer does on
// PostgreSQL: the transaction is rolled back and the error says so (kAborted).
class ConflictingStore : public ForwardingStore {
 public:
  ConflictingStore(std::unique_ptr<Store> inner, int conflicts)
      : ForwardingStore(std::move(inner)), conflicts_(conflicts) {}
  Status Commit() override {
    ++commits_;
    if (conflicts_ > 0) {
      --conflicts_;
      (void)inner_->Rollback();
      return Status::Aborted(path() + ": committing: deadlock detected; another writer held the same rows: try again");
    }
    return inner_->Commit();
  }
  int commits() const { return commits_; }

 private:
  int conflicts_;
  int commits_ = 0;
};

// A batch aborted by a conflict with another writer is rolled back and stored again, whole:
// the ingest ends as if nothing had happened, and says how many batches it retried.
TEST_P(StoreBackendTest, ABatchAbortedByAConflictIsStoredAgain) {
  ConflictingStore store(OpenStore(), 3);
  IngestOptions options;
  options.batch_size = 16;
  options.retry_backoff_ms = 1;
  std::vector<Document> docs = Corpus(60);
  IngestSummary s = Ingest(&store, docs, options);
  EXPECT_EQ(s.new_documents, 60);
  EXPECT_EQ(s.duplicates, 0);
  EXPECT_EQ(s.done, 60);
  EXPECT_EQ(s.events, 60);
  EXPECT_EQ(s.retries, 3);
  Stats stats;
  ASSERT_TRUE(store.GetStats(&stats).ok());
  EXPECT_EQ(stats.documents, 60);
  EXPECT_EQ(stats.events, 60);
  EXPECT_EQ(stats.sentences, 60 * 21);
  EXPECT_EQ(QueryText("SELECT COUNT(DISTINCT sha256) FROM documents"), "60");
  EXPECT_TRUE(store.CheckIntegrity().ok());
}

// Retries are bounded: a batch that keeps conflicting stops the ingest with the conflict.
TEST_P(StoreBackendTest, RetriesOfAConflictingBatchAreBounded) {
  ConflictingStore store(OpenStore(), 1000);
  IngestOptions options;
  options.batch_size = 16;
  options.max_attempts = 4;
  options.retry_backoff_ms = 1;
  Ingester ingester(&store, TestCoder, "test-dict", options);
  ASSERT_TRUE(ingester.Start().ok());
  for (const Document& d : Corpus(20)) ingester.Add(d);
  IngestSummary summary;
  Status s = ingester.Finish(&summary);
  EXPECT_EQ(s.code(), StatusCode::kAborted) << s.message();
  EXPECT_THAT(s.message(), HasSubstr("deadlock detected"));
  EXPECT_EQ(store.commits(), 4);
  EXPECT_EQ(summary.new_documents, 0);
  Stats stats;
  ASSERT_TRUE(store.GetStats(&stats).ok());
  EXPECT_EQ(stats.documents, 0);
}

// Two processes ingesting overlapping documents, the shared ones in opposite orders, in small
// batches at the same time: both finish, and each document is stored once with its events.
// (Whether their batches deadlock depends on timing; the test below forces it.)
TEST_P(StoreBackendTest, TwoIngestsOfOverlappingDocumentsInOppositeOrdersStoreEachOnce) {
  { auto store = OpenStore(); }
  std::vector<Document> docs = Corpus(900, 20000);
  std::vector<pid_t> children;
  for (int p = 0; p < 2; ++p) {
    children.push_back(ForkWriter([&](Store& store) {
      // The first: documents 0..599 in order; the second: 300..899 from the last.
      std::vector<Document> mine(docs.begin() + p * 300, docs.begin() + p * 300 + 600);
      if (p == 1) std::reverse(mine.begin(), mine.end());
      IngestOptions options;
      options.batch_size = 16;
      const IngestSummary s = Ingest(&store, mine, options);  // (says why if the ingest fails)
      return s.new_documents + s.duplicates == 600 ? 0 : 4;
    }));
  }
  ExpectExitedZero(children);
  ExpectEachDocumentOnce(900);
  EXPECT_EQ(QueryText("SELECT COUNT(*) FROM events"), "900");
  EXPECT_EQ(QueryText("SELECT COUNT(*) FROM sentences"), std::to_string(900 * 21));
}

// PostgreSQL only: writers that do not wait for each other.
class PgIngestTest : public StoreBackendTest {};
INSTANTIATE_TEST_SUITE_P(Backends, PgIngestTest, ::testing::Values("postgresql"), BackendName);

// Holds each writer after the first document it stores until the other writer has stored its
// first too: both transactions are then open, each holding a document the other adds later.
struct Rendezvous {
  std::mutex mu;
  std::condition_variable cv;
  int arrived = 0;
};
class MeetingStore : public ForwardingStore {
 public:
  MeetingStore(std::unique_ptr<Store> inner, Rendezvous* rendezvous)
      : ForwardingStore(std::move(inner)), rendezvous_(rendezvous) {}
  Status AddDocument(const Document& d, const std::vector<Sentence>& s, const std::vector<Event>& e,
                     const std::string& h, const std::vector<uint32_t>& m, AddResult* r) override {
    Status status = inner_->AddDocument(d, s, e, h, m, r);
    if (!met_) {
      met_ = true;
      std::unique_lock lock(rendezvous_->mu);
      ++rendezvous_->arrived;
      rendezvous_->cv.notify_all();
      rendezvous_->cv.wait_for(lock, std::chrono::seconds(20), [&] { return rendezvous_->arrived >= 2; });
    }
    return status;
  }

 private:
  Rendezvous* rendezvous_;
  bool met_ = false;
};

// Two ingests of the same new documents in opposite orders, one batch each, both transactions
// open at once: they must meet in the middle, each waiting for a document the other holds, and
// the server aborts one of them (a deadlock, 40P01). The aborted batch is stored again, so both
// ingests finish and each document is stored once.
TEST_P(PgIngestTest, TwoIngestsThatDeadlockBothFinishWithEachDocumentOnce) {
  { auto store = OpenStore(); }
  std::vector<Document> docs = Corpus(40, 30000);
  std::vector<Document> reversed(docs.rbegin(), docs.rend());
  Rendezvous rendezvous;
  MeetingStore first(OpenStore(), &rendezvous), second(OpenStore(), &rendezvous);
  IngestOptions options;
  options.threads = 1;
  options.batch_size = 40;
  options.max_batch_ms = 60000;
  options.retry_backoff_ms = 10;
  IngestSummary a, b;
  Status sa, sb;
  std::thread other([&] {
    Ingester ingester(&second, TestCoder, "test-dict", options);
    sb = ingester.Start();
    if (!sb.ok()) return;
    for (const Document& d : reversed) ingester.Add(d);
    sb = ingester.Finish(&b);
  });
  {
    Ingester ingester(&first, TestCoder, "test-dict", options);
    sa = ingester.Start();
    if (sa.ok()) {
      for (const Document& d : docs) ingester.Add(d);
      sa = ingester.Finish(&a);
    }
  }
  other.join();
  EXPECT_TRUE(sa.ok()) << sa.message();
  EXPECT_TRUE(sb.ok()) << sb.message();
  EXPECT_GE(a.retries + b.retries, 1) << "the two batches did not deadlock";
  EXPECT_EQ(a.new_documents + b.new_documents, 40);
  EXPECT_EQ(a.duplicates + b.duplicates, 40);
  EXPECT_EQ(QueryText("SELECT COUNT(*) FROM documents"), "40");
  EXPECT_EQ(QueryText("SELECT COUNT(DISTINCT sha256) FROM documents"), "40");
  EXPECT_EQ(QueryText("SELECT COUNT(*) FROM events"), "40");
  EXPECT_EQ(QueryText("SELECT COUNT(*) FROM sentences"), std::to_string(40 * 21));
  EXPECT_TRUE(first.CheckIntegrity().ok());
}

}  // namespace
}  // namespace dyad::store
