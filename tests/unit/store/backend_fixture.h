// StoreBackendTest: a StoreTest run once per backend (GoogleTest value parameter "sqlite" or
// "postgresql"). For PostgreSQL each test gets a new database on the server named by
// DYAD_TEST_PG (scripts/pg_test_server.sh starts a throwaway one; .ci/run does), dropped
// afterwards; without DYAD_TEST_PG the PostgreSQL instances skip, saying so.
// QueryText/ExecError run SQL on whichever backend the test has.
#ifndef DYAD_TESTS_UNIT_STORE_BACKEND_FIXTURE_H_
#define DYAD_TESTS_UNIT_STORE_BACKEND_FIXTURE_H_

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "test_util.h"

namespace dyad::store {

// `url` with its database name replaced by `database`.
inline std::string PgUrlWithDatabase(const std::string& url, const std::string& database) {
  const size_t authority = url.find("://") + 3;
  size_t slash = url.find('/', authority);
  const size_t query = url.find('?', authority);
  if (slash == std::string::npos || (query != std::string::npos && slash > query)) {
    slash = query == std::string::npos ? url.size() : query;
    return url.substr(0, slash) + "/" + database + url.substr(slash);
  }
  const size_t end = query == std::string::npos ? url.size() : query;
  return url.substr(0, slash + 1) + database + url.substr(end);
}

// The server for PostgreSQL tests, "" when none (then they skip).
inline std::string TestPgUrl() {
  const char* url = std::getenv("DYAD_TEST_PG");
  return url ? url : "";
}
inline constexpr const char* kNoPgServer =
    "DYAD_TEST_PG is unset: no PostgreSQL server to test against "
    "(scripts/pg_test_server.sh COMMAND runs COMMAND beside a throwaway one)";

// A new empty database on the test server; returns its URL. Drop it with DropTestPgDatabase.
inline std::string CreateTestPgDatabase(const std::string& base) {
  static int counter = 0;
  const std::string name = "dyad_test_" + std::to_string(getpid()) + "_" + std::to_string(++counter);
  pqxx::connection admin(base);
  pqxx::nontransaction n(admin);
  n.exec("DROP DATABASE IF EXISTS " + name);
  n.exec("CREATE DATABASE " + name);
  return PgUrlWithDatabase(base, name);
}
inline void DropTestPgDatabase(const std::string& base, const std::string& url) {
  const size_t authority = url.find("://") + 3;
  const size_t slash = url.find('/', authority);
  const std::string name = url.substr(slash + 1, url.find('?', slash) - slash - 1);
  try {
    pqxx::connection admin(base);
    pqxx::nontransaction n(admin);
    n.exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  } catch (const std::exception&) {
  }
}

class StoreBackendTest : public StoreTest, public ::testing::WithParamInterface<std::string> {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (!pg()) return;
    if (TestPgUrl().empty()) GTEST_SKIP() << kNoPgServer;
    path_ = CreateTestPgDatabase(TestPgUrl());
  }
  void TearDown() override {
    if (pg() && !TestPgUrl().empty() && IsPostgresUrl(path_)) DropTestPgDatabase(TestPgUrl(), path_);
    StoreTest::TearDown();
  }
  bool pg() const { return GetParam() == "postgresql"; }
  // An empty store again: the file removed, or a new database.
  void ResetStore() {
    if (pg()) {
      DropTestPgDatabase(TestPgUrl(), path_);
      path_ = CreateTestPgDatabase(TestPgUrl());
      return;
    }
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }

  std::string QueryText(const std::string& sql) {
    if (!pg()) return StoreTest::QueryText(sql);
    try {
      pqxx::connection c(path_);
      pqxx::nontransaction n(c);
      pqxx::result r = n.exec(sql);
      return r.empty() || r[0][0].is_null() ? "" : r[0][0].c_str();
    } catch (const std::exception& e) {
      return std::string("error: ") + e.what();
    }
  }
  std::string ExecError(const std::string& sql) {
    if (!pg()) return StoreTest::ExecError(sql);
    try {
      pqxx::connection c(path_);
      pqxx::nontransaction n(c);
      n.exec(sql);
      return "";
    } catch (const std::exception& e) {
      return e.what();
    }
  }
  void ExecOk(const std::string& sql) { EXPECT_EQ(ExecError(sql), "") << sql; }

  // Forks a writer process that opens this test's store and exits with what `body` returns (2 if
  // the store does not open); returns its pid.
  pid_t ForkWriter(const std::function<int(Store&)>& body) {
    const pid_t child = fork();
    if (child == 0) {
      std::unique_ptr<Store> store;
      _exit(Store::Open(path_, {}, &store).ok() ? body(*store) : 2);
    }
    EXPECT_GT(child, 0) << "fork failed";
    return child;
  }
  // Waits for forked writers: each must have exited with status 0.
  static void ExpectExitedZero(const std::vector<pid_t>& children) {
    for (pid_t child : children) {
      if (child <= 0) continue;  // not forked (ForkWriter said so)
      int status = 0;
      EXPECT_EQ(waitpid(child, &status, 0), child);
      EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "writer " << child << ": status " << status;
    }
  }
  // `documents` documents stored, each SHA-256 once, and the store whole.
  void ExpectEachDocumentOnce(int documents) {
    EXPECT_EQ(QueryText("SELECT COUNT(*) FROM documents"), std::to_string(documents));
    EXPECT_EQ(QueryText("SELECT COUNT(DISTINCT sha256) FROM documents"), std::to_string(documents));
    auto store = OpenStore();
    EXPECT_TRUE(store->CheckIntegrity().ok());
  }
};

inline std::string BackendName(const ::testing::TestParamInfo<std::string>& info) { return info.param; }

}  // namespace dyad::store

// Runs every TEST_P of `suite` (a StoreBackendTest) on both backends.
#define DYAD_ON_BOTH_BACKENDS(suite)                                                       \
  INSTANTIATE_TEST_SUITE_P(Backends, suite, ::testing::Values("sqlite", "postgresql"), \
                           ::dyad::store::BackendName)

#endif  // DYAD_TESTS_UNIT_STORE_BACKEND_FIXTURE_H_
