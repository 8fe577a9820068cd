#include "dyad/reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/resource.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace dyad {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::StartsWith;

// Under AddressSanitizer the process's peak RSS is mostly its quarantine and shadow memory, not
// the reader's buffers: the memory bounds below are asserted in normal builds only.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kRssIsOurs = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kRssIsOurs = false;
#else
constexpr bool kRssIsOurs = true;
#endif
#else
constexpr bool kRssIsOurs = true;
#endif

std::string TestData(const std::string& name) { return std::string(DYAD_SOURCE_DIR) + "/tests/unit/read/testdata/" + name; }

class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() / ("dyad_read_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter_++));
    fs::remove_all(path_);  // a reused pid finds an earlier run's files
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string Write(const std::string& name, const std::string& content) const {
    std::string p = (path_ / name).string();
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }
  std::string Path(const std::string& name) const { return (path_ / name).string(); }

 private:
  static inline int counter_ = 0;
  fs::path path_;
};

// Reads everything: documents and error messages in order.
struct ReadResult {
  std::vector<Document> docs;
  std::vector<std::string> errors;
  std::string open_error;
};

ReadResult ReadAll(const std::string& path, InputFormat format = InputFormat::kAuto, ReaderOptions options = {}) {
  ReadResult r;
  std::unique_ptr<DocumentReader> reader;
  Status s = DocumentReader::Open(path, format, options, &reader);
  if (!s.ok()) {
    r.open_error = s.message();
    return r;
  }
  for (int guard = 0; guard < 1000000; ++guard) {
    Document doc;
    bool done = false;
    Status n = reader->Next(&doc, &done);
    if (!n.ok()) {
      r.errors.push_back(n.message());
      if (done) break;
      continue;
    }
    if (done) break;
    r.docs.push_back(doc);
  }
  return r;
}

struct DetectCase {
  const char* path;
  std::string head;
  InputFormat expected;
};

class DetectFormatTest : public ::testing::TestWithParam<DetectCase> {};

TEST_P(DetectFormatTest, Detects) {
  EXPECT_EQ(InputFormatName(DetectFormat(GetParam().path, GetParam().head)), std::string(InputFormatName(GetParam().expected)));
}

INSTANTIATE_TEST_SUITE_P(
    Table, DetectFormatTest,
    ::testing::Values(DetectCase{"a/b.jsonl", "whatever", InputFormat::kJsonl},
                      DetectCase{"b.NDJSON", "", InputFormat::kJsonl},
                      DetectCase{"page.HTM", "text", InputFormat::kHtml},
                      DetectCase{"page.html", "", InputFormat::kHtml},
                      DetectCase{"x.txt", "\n\n950101 DEMO-01\nArnor attacked.\n", InputFormat::kTabari},
                      DetectCase{"x.txt", "19950101 DEMO-01\nArnor attacked.\n", InputFormat::kTabari},
                      DetectCase{"x.txt", "950101DEMO\n", InputFormat::kText},
                      // Prose that starts with a number is not a TABARI record.
                      DetectCase{"x.txt", "950101 X\n" + std::string(70000, 'a'), InputFormat::kText},
                      DetectCase{"x.txt", "950101 units moved north.\nThen south.\n", InputFormat::kText},
                      DetectCase{"x.txt", "951399 DEMO-01\nArnor attacked.\n", InputFormat::kText},
                      DetectCase{"x.txt", "950101 DEMO-01\n\nArnor attacked.\n", InputFormat::kText},
                      DetectCase{"x.txt", "950101 DEMO-01\nArnor attacked.\n\n" + std::string(70000, 'a'),
                                 InputFormat::kTabari},
                      DetectCase{"x.txt", "2024 was a year.\n", InputFormat::kText},
                      DetectCase{"x.txt", "date: 2024-03-01\n\nMinsk.", InputFormat::kText},
                      DetectCase{"noext", "  {\"text\":\"a\"}\n", InputFormat::kJsonl},
                      DetectCase{"noext", "\xEF\xBB\xBF<!DOCTYPE html><html>", InputFormat::kHtml},
                      DetectCase{"", "<html><body>x</body></html>", InputFormat::kHtml},
                      DetectCase{"", "<p>not a page", InputFormat::kText},
                      DetectCase{"dir.d/file", "Plain words.", InputFormat::kText}),
    [](const ::testing::TestParamInfo<DetectCase>& info) { return "case" + std::to_string(info.index); });

TEST(TextReaderTest, HeadersAndBody) {
  TempDir dir;
  std::string content = "Date: 2024-03-25\nsource: Northern Watch\nURL: https://x.example/a\ntitle: Crossings reopen\n\n"
                        "Minsk reopened two crossings.\nPoland denied it.\n";
  std::string path = dir.Write("report-1.txt", content);
  ReadResult r = ReadAll(path);
  ASSERT_EQ(r.open_error, "");
  ASSERT_TRUE(r.errors.empty()) << r.errors[0];
  ASSERT_EQ(r.docs.size(), 1u);
  const Document& d = r.docs[0];
  EXPECT_EQ(d.id, "report-1");
  EXPECT_EQ(d.date.ToIso(), "2024-03-25");
  EXPECT_EQ(d.source, "Northern Watch");
  EXPECT_EQ(d.url, "https://x.example/a");
  EXPECT_EQ(d.title, "Crossings reopen");
  EXPECT_EQ(d.text, "Minsk reopened two crossings.\nPoland denied it.\n");
  EXPECT_EQ(d.origin, path + ":1");
  EXPECT_EQ(d.format, InputFormat::kText);
  EXPECT_EQ(d.sha256.size(), 64u);
}

TEST(TextReaderTest, NoHeadersKeepsEverything) {
  TempDir dir;
  std::string path = dir.Write("plain.txt", "Note: this line is text, not a header.\nMore.");
  ReadResult r = ReadAll(path);
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].text, "Note: this line is text, not a header.\nMore.");
  EXPECT_FALSE(r.docs[0].date.valid());
}

TEST(TextReaderTest, BadHeaderDateIsAnError) {
  TempDir dir;
  std::string path = dir.Write("d.txt", "title: T\ndate: yesterday\n\nBody.");
  ReadResult r = ReadAll(path);
  EXPECT_TRUE(r.docs.empty());
  EXPECT_THAT(r.errors, ::testing::ElementsAre(path + ":2: invalid date: 'yesterday'"));
}

TEST(TextReaderTest, SameBytesSameHash) {
  TempDir dir;
  ReadResult a = ReadAll(dir.Write("a.txt", "Minsk said."));
  ReadResult b = ReadAll(dir.Write("b.txt", "Minsk said."));
  ReadResult c = ReadAll(dir.Write("c.txt", "Minsk said!"));
  ASSERT_EQ(a.docs.size(), 1u);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(a.docs[0].sha256, b.docs[0].sha256);
  EXPECT_NE(a.docs[0].sha256, c.docs[0].sha256);
  // sha256sum of the file's bytes
  EXPECT_EQ(a.docs[0].sha256, "3d9ae521322179ecbc27cc01da90f90e5e137a697c0a54cfa35727b7cfbb9a14");
}

TEST(TextReaderTest, StdinDocumentsSeparatedByFormFeedOrDashes) {
  TempDir dir;
  std::string path = dir.Write("stream.txt",
                               "title: One\n\nFirst text.\n\f\nSecond text.\n---\n\n---\n\fdate: 2024-01-02\nThird.\n");
  ASSERT_NE(std::freopen(path.c_str(), "rb", stdin), nullptr);
  ReadResult r = ReadAll("-");
  ASSERT_EQ(r.open_error, "");
  ASSERT_TRUE(r.errors.empty()) << r.errors[0];
  ASSERT_EQ(r.docs.size(), 3u);
  EXPECT_EQ(r.docs[0].id, "stdin-1");
  EXPECT_EQ(r.docs[0].title, "One");
  EXPECT_EQ(r.docs[0].text, "First text.\n");
  EXPECT_EQ(r.docs[0].origin, "-:1");
  EXPECT_EQ(r.docs[1].id, "stdin-2");
  EXPECT_EQ(r.docs[1].text, "Second text.\n");
  EXPECT_EQ(r.docs[1].origin, "-:5");
  EXPECT_EQ(r.docs[2].id, "stdin-3");
  EXPECT_EQ(r.docs[2].date.ToIso(), "2024-01-02");
  EXPECT_EQ(r.docs[2].text, "Third.\n");
}

TEST(TextReaderTest, StdinTooLargeDocumentIsSkipped) {
  TempDir dir;
  std::string big(3000, 'a');
  std::string path = dir.Write("stream.txt", "Small one.\n---\n" + big + "\n" + big + "\n---\nAfter.\n");
  ASSERT_NE(std::freopen(path.c_str(), "rb", stdin), nullptr);
  ReaderOptions options;
  options.max_document_bytes = 4000;
  ReadResult r = ReadAll("-", InputFormat::kText, options);
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].text, "Small one.\n");
  EXPECT_EQ(r.docs[1].text, "After.\n");
  EXPECT_THAT(r.errors, ::testing::ElementsAre("stdin:3: document too large (more than 4000 bytes)"));
}

TEST(JsonlReaderTest, LinesErrorsAndRecovery) {
  TempDir dir;
  std::string path = dir.Write(
      "feed.jsonl",
      "{\"id\":\"a1\",\"date\":\"2024-03-25\",\"text\":\"Minsk said.\",\"url\":\"https://x\",\"source\":\"S\",\"title\":\"T\"}\n"
      "\n"
      "{\"id\": 7, \"text\": \"Numeric id.\"}\n"
      "{not json}\n"
      "{\"text\":\"No id here.\"}\n"
      "{\"id\":\"b\"}\n"
      "[1,2]\n"
      "{\"id\":\"c\",\"date\":\"soon\",\"text\":\"x\"}\n"
      "{\"id\":\"d\",\"text\":\"caf\xC3\xA9 last line without newline\"}");
  ReadResult r = ReadAll(path);
  ASSERT_EQ(r.open_error, "");
  ASSERT_EQ(r.docs.size(), 4u);
  EXPECT_EQ(r.docs[0].id, "a1");
  EXPECT_EQ(r.docs[0].date.ToIso(), "2024-03-25");
  EXPECT_EQ(r.docs[0].text, "Minsk said.");
  EXPECT_EQ(r.docs[0].url, "https://x");
  EXPECT_EQ(r.docs[0].source, "S");
  EXPECT_EQ(r.docs[0].title, "T");
  EXPECT_EQ(r.docs[0].origin, path + ":1");
  EXPECT_EQ(r.docs[0].format, InputFormat::kJsonl);
  EXPECT_EQ(r.docs[1].id, "7");
  EXPECT_EQ(r.docs[1].origin, path + ":3");
  EXPECT_EQ(r.docs[2].id, path + ":5");
  EXPECT_EQ(r.docs[3].id, "d");
  ASSERT_EQ(r.errors.size(), 4u);
  EXPECT_THAT(r.errors[0], StartsWith(path + ":4: invalid JSON: "));
  EXPECT_THAT(r.errors[0], Not(HasSubstr("json.exception")));
  EXPECT_EQ(r.errors[1], path + ":6: no \"text\" field");
  EXPECT_EQ(r.errors[2], path + ":7: invalid JSON: not an object");
  EXPECT_EQ(r.errors[3], path + ":8: invalid date: 'soon'");
  EXPECT_EQ(r.errors[0].find('\n'), std::string::npos);
}

// Most lines are read without nlohmann (FlatJsonObject); whatever the reader takes, the fields
// are the ones nlohmann's parse gives, and lines it cannot take fall back to nlohmann.
TEST(JsonlReaderTest, FieldsAreNlohmannsOnEveryKindOfLine) {
  const std::vector<std::string> lines = {
      R"({"id":"a","text":"plain"})",
      " \t{ \"id\" : \"b\" , \"text\" : \"spaced\" , \"url\" : null } \r",
      R"({"id":"c","text":"esc \" \\ \/ \b \f \n \r \t \u0041\u00e9\u20ac\u0000 end"})",
      R"({"id":"d","text":"pair \ud83d\ude00 surrogates"})",
      "{\"id\":\"e\",\"text\":\"utf-8 caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D \xF0\x9F\x98\x80\"}",
      R"({"id":"f","body":"from body","title":"T"})",
      R"({"id":"g","content":"from content","language":"en"})",
      R"({"id":"h","text":"first","text":"duplicate key: the last wins"})",
      R"({"id":9,"text":"numeric id"})",
      R"({"id":"i","text":"nested","extra":{"a":[1,2,true]}})",
      R"({"id":"j","te\u0078t":"escaped key"})",
      R"({"text":"no id","source":"S","date":"2024-03-25"})",
      R"({"id":"k","text":"trailing"} )",
  };
  TempDir dir;
  std::string content;
  for (const std::string& line : lines) content += line + "\n";
  const std::string path = dir.Write("kinds.jsonl", content);
  ReadResult r = ReadAll(path);
  ASSERT_EQ(r.errors, std::vector<std::string>{});
  ASSERT_EQ(r.docs.size(), lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    SCOPED_TRACE(lines[i]);
    const nlohmann::json j = nlohmann::json::parse(lines[i]);
    std::string text;
    for (const char* key : {"text", "body", "content"})
      if (j.contains(key)) {
        text = j[key].get<std::string>();
        break;
      }
    EXPECT_EQ(r.docs[i].text, text);
    const auto field = [&](const char* key) -> std::string {
      if (!j.contains(key) || j[key].is_null()) return "";
      return j[key].is_string() ? j[key].get<std::string>() : j[key].dump();
    };
    EXPECT_EQ(r.docs[i].id, j.contains("id") ? field("id") : path + ":" + std::to_string(i + 1));
    EXPECT_EQ(r.docs[i].url, field("url"));
    EXPECT_EQ(r.docs[i].source, field("source"));
    EXPECT_EQ(r.docs[i].title, field("title"));
    EXPECT_EQ(r.docs[i].language, field("language"));
    EXPECT_EQ(r.docs[i].date.valid() ? r.docs[i].date.ToIso() : "", field("date"));
  }
}

// The plain runs of a string are passed over sixteen bytes at a time, then eight: an escape, a
// multi-byte character or the closing quote at every position of texts around those widths is read
// as nlohmann reads it.
TEST(JsonlReaderTest, StringsAgreeWithNlohmannWhereverTheirEscapesFall) {
  const std::vector<std::string> specials = {"\\\"", "\\n", "\\\\", "\\u00e9", "\xC3\xA9", "\xE2\x80\x9C", "\t"};
  std::vector<std::string> lines;
  for (size_t size : {7u, 8u, 15u, 16u, 17u, 33u}) {
    for (size_t pos = 0; pos <= size; ++pos) {
      for (const std::string& special : specials) {
        std::string text(size, 'x');
        for (size_t k = 0; k < size; ++k) text[k] = static_cast<char>(k % 5 ? 'a' + k % 26 : ' ');
        text.insert(pos, special);
        lines.push_back("{\"id\":\"s\",\"text\":\"" + text + "\"}");
      }
    }
  }
  TempDir dir;
  std::string content;
  for (const std::string& line : lines) content += line + "\n";
  const std::string path = dir.Write("strings.jsonl", content);
  ReadResult r = ReadAll(path);
  ASSERT_EQ(r.docs.size() + r.errors.size(), lines.size());
  size_t d = 0;
  for (const std::string& line : lines) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) continue;  // (a raw tab is no valid JSON: both reject it)
    ASSERT_LT(d, r.docs.size());
    EXPECT_EQ(r.docs[d++].text, j["text"].get<std::string>()) << line;
  }
  EXPECT_EQ(d, r.docs.size());
}

// Lines the reader rejects keep nlohmann's messages, whichever way they were first read.
TEST(JsonlReaderTest, RejectedLinesKeepTheirMessages) {
  TempDir dir;
  const std::string path = dir.Write("bad.jsonl",
                                     "{\"id\":\"a\",\"text\":null}\n"
                                     "{\"id\":\"b\",\"text\":\"x\"} trailing\n"
                                     "{\"id\":\"c\",\"text\":\"bad escape \\q\"}\n"
                                     "{\"id\":\"d\",\"text\":\"lone \\udc00 surrogate\"}\n"
                                     "{\"id\":\"e\",\"text\":\"raw\ttab\"}\n"
                                     "{\"id\":true,\"text\":\"x\"}\n"
                                     "{\"id\":\"f\"}\n");
  ReadResult r = ReadAll(path);
  EXPECT_EQ(r.docs.size(), 0u);
  ASSERT_EQ(r.errors.size(), 7u);
  EXPECT_EQ(r.errors[0], path + ":1: field \"text\" is not a string");
  for (int line : {2, 3, 4, 5}) EXPECT_THAT(r.errors[line - 1], StartsWith(path + ":" + std::to_string(line) + ": invalid JSON: "));
  EXPECT_EQ(r.errors[5], path + ":6: field \"id\" is not a string");
  EXPECT_EQ(r.errors[6], path + ":7: no \"text\" field");
}

TEST(JsonlReaderTest, InvalidUtf8StrictAndLenient) {
  TempDir dir;
  std::string path = dir.Write("u.jsonl", "{\"id\":\"ok\",\"text\":\"fine\"}\n{\"id\":\"bad\",\"text\":\"caf\xE9\"}\n");
  ReadResult strict = ReadAll(path);
  ASSERT_EQ(strict.docs.size(), 1u);
  EXPECT_THAT(strict.errors, ::testing::ElementsAre(path + ":2: invalid UTF-8 at byte 49"));
  ReaderOptions lenient;
  lenient.lenient = true;
  ReadResult r = ReadAll(path, InputFormat::kAuto, lenient);
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[1].text, "caf\uFFFD");
}

TEST(JsonlReaderTest, LongLineIsSkippedAndReadingContinues) {
  TempDir dir;
  std::string path = dir.Write("l.jsonl", "{\"text\":\"" + std::string(5000, 'x') + "\"}\n{\"id\":\"next\",\"text\":\"y\"}\n");
  ReaderOptions options;
  options.max_document_bytes = 1000;
  ReadResult r = ReadAll(path, InputFormat::kAuto, options);
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].id, "next");
  EXPECT_THAT(r.errors, ::testing::ElementsAre(path + ":1: document too large (more than 1000 bytes)"));
}

TEST(JsonlReaderTest, LargeStreamUsesBoundedMemory) {
  TempDir dir;
  std::string path = dir.Path("big.jsonl");
  {
    std::ofstream out(path, std::ios::binary);
    std::string text(900, 'w');
    for (int i = 0; i < 60000; ++i) out << "{\"id\":\"" << i << "\",\"text\":\"" << text << "\"}\n";
  }  // ~55 MB
  struct rusage before;
  getrusage(RUSAGE_SELF, &before);
  std::unique_ptr<DocumentReader> reader;
  ASSERT_TRUE(DocumentReader::Open(path, InputFormat::kAuto, {}, &reader).ok());
  size_t count = 0;
  Document doc;
  bool done = false;
  while (reader->Next(&doc, &done).ok() && !done) ++count;
  struct rusage after;
  getrusage(RUSAGE_SELF, &after);
  EXPECT_EQ(count, 60000u);
  if (kRssIsOurs) {
    EXPECT_LT(after.ru_maxrss - before.ru_maxrss, 20 * 1024) << "KiB";
  }
}

TEST(TabariReaderTest, Records) {
  TempDir dir;
  std::string path = dir.Write("demo.txt",
                               "950101 DEMO-01\nArnor is about to restore full diplomatic ties with Gondor.\n"
                               "/* { ARN / GON / 064 } */\n\n"
                               "950102 DEMO-02\nGondor accused Arnor.\n\n");
  ReadResult r = ReadAll(path);
  ASSERT_EQ(r.open_error, "");
  ASSERT_TRUE(r.errors.empty()) << r.errors[0];
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].id, "DEMO-01");
  EXPECT_EQ(r.docs[0].date.ToIso(), "1995-01-01");
  EXPECT_EQ(r.docs[0].text, "Arnor is about to restore full diplomatic ties with Gondor.");
  EXPECT_EQ(r.docs[0].origin, path + ":1");
  EXPECT_EQ(r.docs[0].format, InputFormat::kTabari);
  EXPECT_EQ(r.docs[1].id, "DEMO-02");
  EXPECT_EQ(r.docs[1].origin, path + ":5");
  EXPECT_NE(r.docs[0].sha256, r.docs[1].sha256);
}

// A huge record is read to its end without being kept: one error, the next
// record is read, and memory stays near max_document_bytes.
TEST(TabariReaderTest, HugeRecordIsSkippedWithBoundedMemory) {
  TempDir dir;
  std::string path = dir.Path("huge.txt");
  {
    std::ofstream out(path, std::ios::binary);
    out << "950101 BIG-01\n";
    std::string line(1000, 'w');
    for (int i = 0; i < 40000; ++i) out << line << "\n";  // 40 MB of body lines
    out << "\n950102 LONG-02\n" << std::string(30u << 20, 'x') << "\n\n";  // one 30 MB line
    out << "950103 OK-03\nGondor accused Arnor.\n\n";
  }
  struct rusage before;
  getrusage(RUSAGE_SELF, &before);
  ReaderOptions options;
  options.max_document_bytes = 1u << 20;
  ReadResult r = ReadAll(path, InputFormat::kTabari, options);
  struct rusage after;
  getrusage(RUSAGE_SELF, &after);
  ASSERT_EQ(r.open_error, "");
  EXPECT_THAT(r.errors, ::testing::ElementsAre(path + ":1: document too large (more than 1048576 bytes)",
                                               path + ":40003: document too large (more than 1048576 bytes)"));
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].id, "OK-03");
  if (kRssIsOurs) {
    EXPECT_LT(after.ru_maxrss - before.ru_maxrss, 20 * 1024) << "KiB";
  }
}

TEST(TabariReaderTest, BadRecordDateIsReportedAndReadingContinues) {
  TempDir dir;
  std::string path = dir.Write("bad.txt", "950101 A\nOne.\n\n951399 B\nTwo.\n\n950103 C\nThree.\n");
  ReadResult r = ReadAll(path, InputFormat::kTabari);
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].id, "A");
  EXPECT_EQ(r.docs[1].id, "C");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_THAT(r.errors[0], HasSubstr("bad.txt:4: invalid record date"));
}

TEST(HtmlReaderTest, NgoArticle) {
  std::string path = TestData("ngo_article.html");
  ReadResult r = ReadAll(path);
  ASSERT_EQ(r.open_error, "");
  ASSERT_TRUE(r.errors.empty()) << r.errors[0];
  ASSERT_EQ(r.docs.size(), 1u);
  const Document& d = r.docs[0];
  EXPECT_EQ(d.format, InputFormat::kHtml);
  EXPECT_EQ(d.id, "ngo_article");
  EXPECT_EQ(d.title, "Border crossings reopen near Brest");
  EXPECT_EQ(d.date.ToIso(), "2024-03-25");
  EXPECT_EQ(d.source, "Northern Watch");
  EXPECT_EQ(d.url, "https://northern-watch.example.org/reports/border-crossings");
  EXPECT_EQ(d.language, "en-GB");
  EXPECT_EQ(d.text,
            "Belarusian authorities reopened two crossings on the border with Poland on Monday, the State Border "
            "Committee said.\n\n"
            "The crossings near Brest had been closed since February, when officials in Minsk accused Warsaw of "
            "\u201Cprovocations\u201D along the frontier. Polish officials denied the claim.\n\n"
            "Troop movements\n\n"
            "Satellite images reviewed by Northern Watch show that a Russian motorised unit left a training ground "
            "near Baranovichi in early March.\n\n"
            "It was not clear where the unit went.\n\n"
            "The U.S. State Department said it was monitoring the situation. Gen. Viktor Gulevich, chief of the "
            "Belarusian general staff, did not comment.");
}

TEST(HtmlReaderTest, FlatPageWithKontaktOss) {
  ReadResult r = ReadAll(TestData("kontakt_flat.html"));
  ASSERT_TRUE(r.errors.empty()) << r.errors[0];
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].title, "\u00D8velser i Hviterussland");
  EXPECT_EQ(r.docs[0].date.ToIso(), "2023-09-14");
  EXPECT_EQ(r.docs[0].language, "nb");
  EXPECT_EQ(r.docs[0].text,
            "Russiske og hviterussiske styrker holdt en felles \u00F8velse n\u00E6r grensen til Litauen i september."
            "\n\nLitauen kalte \u00F8velsen en trussel.");
}

TEST(HtmlReaderTest, DensestBlockWithoutArticleOrMain) {
  TempDir dir;
  std::string path = dir.Write("x.html",
                               "<!doctype html><body><div class='menu-col'><p>Home</p><p>News</p></div>"
                               "<div class='col'><p>Troops crossed the river at dawn, officials said.</p>"
                               "<p>Kyiv condemned the move.</p></div><div class='footer-note'><p>Short.</p></div></body>");
  ReadResult r = ReadAll(path);
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].text, "Troops crossed the river at dawn, officials said.\n\nKyiv condemned the move.");
}

TEST(HtmlReaderTest, PageWithoutTextIsAnError) {
  TempDir dir;
  std::string path = dir.Write("e.html", "<html><head><title>T</title></head><body><nav>Menu</nav></body></html>");
  ReadResult r = ReadAll(path);
  EXPECT_TRUE(r.docs.empty());
  EXPECT_THAT(r.errors, ::testing::ElementsAre(path + ": no article text found in HTML"));
}

// Hostile pages: one error line each, no crash (deep recursion), no runaway
// memory (gumbo keeps the open-element stack per parse error).
TEST(HtmlReaderTest, DeeplyNestedDivsFailInOneLine) {
  TempDir dir;
  std::string html = "<html><body><p>Russia attacked Ukraine.";
  for (int i = 0; i < 40000; ++i) html += "<div>";
  html += "x</body>";
  std::string path = dir.Write("deep.html", html);
  ReadResult r = ReadAll(path);
  EXPECT_TRUE(r.docs.empty());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_THAT(r.errors[0], StartsWith(path + ": HTML nested too deeply ("));
}

TEST(HtmlReaderTest, NestingPastTheTreeLimitFailsInOneLine) {
  TempDir dir;
  std::string html = "<html><body><p>Russia attacked Ukraine.";
  for (int i = 0; i < 1000; ++i) html += "<span>";  // under the estimate's limit, over the tree's
  std::string path = dir.Write("deep1000.html", html + "x</body>");
  ReadResult r = ReadAll(path);
  EXPECT_TRUE(r.docs.empty());
  EXPECT_THAT(r.errors, ::testing::ElementsAre(path + ": HTML nested too deeply (1005 levels; the limit is 512)"));
}

TEST(HtmlReaderTest, NestedTablesFailWithBoundedMemory) {
  TempDir dir;
  std::string html = "<table>";
  for (int i = 0; i < 4000; ++i) html += "<table><tr><td>";  // under the estimate's limit: parsed
  std::string path = dir.Write("tables.html", html);
  struct rusage before;
  getrusage(RUSAGE_SELF, &before);
  ReadResult r = ReadAll(path);
  struct rusage after;
  getrusage(RUSAGE_SELF, &after);
  EXPECT_TRUE(r.docs.empty());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_THAT(r.errors[0], StartsWith(path + ": HTML "));
  if (kRssIsOurs) {
    EXPECT_LT(after.ru_maxrss - before.ru_maxrss, 200 * 1024) << "KiB";
  }
}

TEST(HtmlReaderTest, NestingBelowTheLimitIsRead) {
  TempDir dir;
  std::string html = "<html><body>";
  for (int i = 0; i < 200; ++i) html += "<div>";
  html += "<p>Russia attacked Ukraine.</p></body></html>";
  ReadResult r = ReadAll(dir.Write("ok.html", html));
  ASSERT_EQ(r.docs.size(), 1u) << (r.errors.empty() ? "" : r.errors[0]);
  EXPECT_EQ(r.docs[0].text, "Russia attacked Ukraine.");
}

// Bad input: one-line errors, never a crash.
struct BadInputCase {
  const char* name;
  std::string file;     // file name ("" = a path that does not exist)
  std::string content;
  bool lenient;
  std::string open_error;    // expected Open() error ("" = opens)
  std::string first_error;   // expected first Next() error ("" = none)
  size_t documents;
};

class BadInputTest : public ::testing::TestWithParam<BadInputCase> {};

std::string TenMegabyteLine() {
  std::string s;
  s.reserve(10u << 20);
  while (s.size() < (10u << 20)) s += "troops moved along the border without a full stop ";
  return s;
}

TEST_P(BadInputTest, OneLineErrors) {
  const BadInputCase& c = GetParam();
  TempDir dir;
  std::string path = c.file.empty() ? dir.Path("missing.txt")
                                    : dir.Write(c.file, c.content == "@TEN_MB_LINE@" ? TenMegabyteLine() : c.content);
  ReaderOptions options;
  options.lenient = c.lenient;
  ReadResult r = ReadAll(path, InputFormat::kAuto, options);
  auto expand = [&](const std::string& s) {
    std::string out = s;
    size_t at = out.find("PATH");
    if (at != std::string::npos) out.replace(at, 4, path);
    return out;
  };
  EXPECT_EQ(r.open_error, expand(c.open_error));
  if (c.first_error.empty()) {
    EXPECT_TRUE(r.errors.empty()) << r.errors[0];
  } else {
    ASSERT_FALSE(r.errors.empty());
    EXPECT_EQ(r.errors[0], expand(c.first_error));
  }
  for (const auto& e : r.errors) EXPECT_EQ(e.find('\n'), std::string::npos);
  EXPECT_EQ(r.docs.size(), c.documents);
}

INSTANTIATE_TEST_SUITE_P(
    Table, BadInputTest,
    ::testing::Values(
        BadInputCase{"missing", "", "", false, "PATH: no such file", "", 0},
        BadInputCase{"empty", "e.txt", "", false, "PATH: empty document", "", 0},
        BadInputCase{"blank", "b.txt", " \n\n\t\n", false, "PATH: empty document", "", 0},
        BadInputCase{"empty_jsonl", "e.jsonl", "", false, "PATH: empty document", "", 0},
        BadInputCase{"binary", "x.txt", std::string("\x7F" "ELF\x02\x01\x01\0\0\0", 10), false,
                     "PATH: binary file, not text", "", 0},
        // A PDF is found by its bytes whatever its name; this one stops after its first object.
        BadInputCase{"pdf", "report.txt", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n", false, "",
                     "PATH: truncated PDF: no %%EOF at its end (the file is incomplete)", 0},
        BadInputCase{"pdf_lenient", "report2.txt", "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n", true, "",
                     "PATH: truncated PDF: no %%EOF at its end (the file is incomplete)", 0},
        BadInputCase{"control_bytes_lenient", "blob.txt",
                     "x\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\xff\xfe", true,
                     "PATH: binary file, not text", "", 0},
        BadInputCase{"utf16", "u.txt", std::string("\xFF\xFEM\0i\0n\0", 8), false, "PATH: binary file, not text", "", 0},
        BadInputCase{"invalid_utf8", "l.txt", "Minsk\nCaf\xE9 au lait", false, "", "PATH:2: invalid UTF-8 at byte 9", 0},
        BadInputCase{"invalid_utf8_lenient", "l.txt", "Caf\xE9 au lait", true, "", "", 1},
        BadInputCase{"invalid_utf8_html", "p.html", "<html><body><p>Caf\xE9</p></body></html>", false, "",
                     "PATH:1: invalid UTF-8 at byte 18", 0},
        BadInputCase{"ten_mb_line", "big.txt", "@TEN_MB_LINE@", false, "",
                     "PATH: document too large (more than 8388608 bytes)", 0},
        BadInputCase{"header_only", "h.txt", "title: Only a title\n\n", false, "", "PATH: empty document", 0},
        BadInputCase{"json_array", "a.json", "[{\"text\":\"x\"}]", false,
                     "PATH: a JSON array is not JSONL: write one JSON object per line", "", 0},
        BadInputCase{"pretty_json", "p.json", "{\n  \"text\": \"x\"\n}\n", false,
                     "PATH: pretty-printed JSON is not JSONL: write one JSON object per line", "", 0},
        BadInputCase{"bom_text", "bom.txt", "\xEF\xBB\xBF" "date: 2024-01-01\nText.", false, "", "", 1},
        // Found by fuzz_reader / fuzz_jsonl: a bad date was quoted raw (a CR or an escaped
        // newline broke the one-line message).
        BadInputCase{"header_date_with_cr", "cr.txt", "title: T\ndate: 2024\r03-04\n\nText.", false, "",
                     "PATH:2: invalid date: '2024\\r03-04'", 0},
        BadInputCase{"jsonl_date_with_newline", "n.jsonl", "{\"text\":\"x\",\"date\":\"2024\\n01\\u001b\"}\n", false, "",
                     "PATH:1: invalid date: '2024\\x0A01\\x1B'", 0},
        BadInputCase{"tabari_date_with_control_bytes", "t.txt", "950101 X\nText.\n\n951301\x01\x1b X\nMore.\n\n",
                     false, "", "PATH:4: invalid record date: '951301\\x01\\x1B X'", 1}),
    [](const ::testing::TestParamInfo<BadInputCase>& info) { return std::string(info.param.name); });

TEST(ReaderOpenTest, DirectoryIsAnError) {
  TempDir dir;
  std::unique_ptr<DocumentReader> reader;
  std::string path = dir.Path("");
  Status s = DocumentReader::Open(dir.Path("sub"), InputFormat::kAuto, {}, &reader);
  EXPECT_EQ(s.message(), dir.Path("sub") + ": no such file");
  fs::create_directories(dir.Path("sub"));
  s = DocumentReader::Open(dir.Path("sub"), InputFormat::kAuto, {}, &reader);
  EXPECT_EQ(s.message(), dir.Path("sub") + ": is a directory");
  EXPECT_EQ(reader, nullptr);
}

TEST(ReaderOpenTest, MissingBoilerplateDataIsAnError) {
  ReaderOptions options;
  options.data_dir = "/nonexistent";
  std::unique_ptr<DocumentReader> reader;
  Status s = DocumentReader::Open(TestData("ngo_article.html"), InputFormat::kAuto, options, &reader);
  EXPECT_EQ(s.message(), "/nonexistent/read/html_boilerplate.txt: no such file");
}

}  // namespace
}  // namespace dyad
