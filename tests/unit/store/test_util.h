// Shared helpers of the store tests: a temporary database per test, documents
// and events built by hand, raw SQL access to check what the store wrote.
#ifndef DYAD_TESTS_UNIT_STORE_TEST_UTIL_H_
#define DYAD_TESTS_UNIT_STORE_TEST_UTIL_H_

#include <sqlite3.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "common/sha256.h"
#include "store/store.h"

namespace dyad::store {

// A deterministic news-like story of 30 sentences; different seeds give
// unrelated word sequences. Always contains the word "troops".
inline std::string Story(uint64_t seed, int sentences = 30) {
  static const char* kWords[] = {
      "army",     "border",   "column",   "convoy",    "minister", "talks",    "village",
      "shelling", "airfield", "brigade",  "missile",   "drone",    "bridge",   "river",
      "capital",  "president", "official", "statement", "sanctions", "aid",    "refugees",
      "fuel",     "train",    "railway",  "exercise",  "summit",   "envoy",    "treaty",
      "checkpoint", "garrison", "artillery", "tank",   "helicopter", "night",   "morning",
      "region",   "province", "district", "police",    "protest",  "crowd",    "court",
      "election", "parliament", "embassy", "ambassador", "ceasefire", "offensive", "retreat",
      "supply",   "depot",    "warehouse", "hospital", "school",   "market",   "harbour",
      "coast",    "forest",   "marsh",    "highway",   "airport",  "station",  "plant"};
  const size_t n = sizeof(kWords) / sizeof(kWords[0]);
  uint64_t x = seed * 0x9e3779b97f4a7c15ULL + 1;
  auto next = [&] {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
  };
  std::string text = "Belarus troops moved toward the border.";
  for (int s = 1; s < sentences; ++s) {
    text += " The";
    int words = 8 + static_cast<int>(next() % 8);
    for (int w = 0; w < words; ++w) {
      text += ' ';
      text += kWords[next() % n];
    }
    text += '.';
  }
  return text;
}

inline Document MakeDocument(const std::string& id, const std::string& text) {
  Document d;
  d.id = id;
  d.text = text;
  d.sha256 = Sha256Hex(text);
  d.date = Date{2022, 2, 24};
  d.source = "Wire";
  d.url = "https://example.org/" + id;
  d.title = "Title of " + id;
  d.language = "en";
  d.origin = "test:" + id;
  d.format = InputFormat::kText;
  return d;
}

inline Event MakeEvent(int sentence_index, const std::string& sentence, const std::string& source,
                       const std::string& target, const std::string& code, Date date) {
  Event e;
  e.sentence_index = sentence_index;
  e.sentence = sentence;
  e.sentence_span = {sentence_index * 100, sentence_index * 100 + 40};
  e.date = date;
  e.date_end = date;
  e.date_precision = DatePrecision::kDay;
  e.source = source;
  e.target = target;
  e.source_text = "source words";
  e.target_text = target.empty() ? "" : "target words";
  e.event_code = code;
  e.root_code = code.substr(0, 2);
  e.quad_class = 4;
  e.goldstein = -10;
  e.verb_text = "attacked";
  e.plover = "ASSAULT";
  e.pattern = {"verbs.txt", 42, "ATTACK [190]"};
  e.source_span = {0, 7};
  e.verb_span = {15, 23};
  e.target_span = {24, 31};
  e.location.name = "Kyiv";
  e.location.country = "UKR";
  e.location.latitude = 50.45;
  e.location.longitude = 30.52;
  e.location.feature = "city";
  return e;
}

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/dyad_store_test.XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    path_ = dir_ + "/test.db";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<Store> OpenStore(OpenOptions options = {}) {
    std::unique_ptr<Store> store;
    Status s = Store::Open(path_, options, &store);
    EXPECT_TRUE(s.ok()) << s.message();
    return store;
  }

  // First column of the first row, as text ("" when no row).
  std::string QueryText(const std::string& sql, const std::string& path = "") {
    sqlite3* db = nullptr;
    sqlite3_open((path.empty() ? path_ : path).c_str(), &db);
    sqlite3_stmt* st = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0)) {
      out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
  }

  // Runs SQL on a raw connection; returns SQLite's error message ("" on success).
  std::string ExecError(const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open(path_.c_str(), &db);
    char* err = nullptr;
    std::string out;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      out = err ? err : "error";
    }
    sqlite3_free(err);
    sqlite3_close(db);
    return out;
  }
  void ExecOk(const std::string& sql) { EXPECT_EQ(ExecError(sql), "") << sql; }

  std::string dir_, path_;
};

}  // namespace dyad::store

#endif  // DYAD_TESTS_UNIT_STORE_TEST_UTIL_H_
