#include "write/event_writer.h"

#include <gtest/gtest.h>

#include <sstream>

namespace dyad::write {
namespace {

Event SampleEvent() {
  Event e;
  e.doc_id = "doc-1";
  e.sentence_index = 2;
  e.sentence = "Russian troops shelled Kharkiv, officials said.";
  e.date = Date{2022, 2, 24};
  e.source = "RUSMIL";
  e.target = "UKR";
  e.source_text = "Russian troops";
  e.target_text = "Kharkiv";
  e.event_code = "194";
  e.root_code = "19";
  e.quad_class = 4;
  e.goldstein = -10;
  e.verb_text = "shelled";
  e.pattern = {"dyad.verbs", 12, "SHELL [194]"};
  e.source_span = {0, 14};
  e.verb_span = {15, 22};
  e.target_span = {23, 30};
  return e;
}

TEST(EventWriterTest, JsonlCarriesTheDocumentedFields) {
  std::ostringstream out;
  EventWriter writer(out, OutputFormat::kJsonl);
  writer.Write(SampleEvent());
  auto j = nlohmann::json::parse(out.str());
  EXPECT_EQ(j["doc_id"], "doc-1");
  EXPECT_EQ(j["sentence_index"], 2);
  EXPECT_EQ(j["date"], "2022-02-24");
  EXPECT_EQ(j["source"], "RUSMIL");
  EXPECT_EQ(j["target"], "UKR");
  EXPECT_EQ(j["event_code"], "194");
  EXPECT_EQ(j["root_code"], "19");
  EXPECT_EQ(j["quad_class"], 4);
  EXPECT_EQ(j["pattern"]["line"], 12);
  EXPECT_EQ(j["offsets"]["verb"][0], 15);
  EXPECT_TRUE(j["offsets"]["sentence"].is_null());
  EXPECT_EQ(j["modality"], "asserted");
  EXPECT_EQ(j["source_ref"], "");  // named directly (docs/coreference.md)
  EXPECT_EQ(j["target_ref"], "");
  EXPECT_EQ(out.str().back(), '\n');
  EXPECT_EQ(out.str().find('\n'), out.str().size() - 1);  // one line
}

TEST(EventWriterTest, JsonlCarriesTheAntecedentOfAResolvedMention) {
  Event e = SampleEvent();
  e.source_text = "They";
  e.source_ref = "Russian troops";
  e.target_text = "the country's";
  e.target_ref = "Ukraine";
  std::ostringstream out;
  EventWriter writer(out, OutputFormat::kJsonl);
  writer.Write(e);
  auto j = nlohmann::json::parse(out.str());
  EXPECT_EQ(j["source_text"], "They");
  EXPECT_EQ(j["source_ref"], "Russian troops");
  EXPECT_EQ(j["target_text"], "the country's");
  EXPECT_EQ(j["target_ref"], "Ukraine");
}

TEST(EventWriterTest, CsvQuotesFieldsAndWritesOneHeader) {
  std::ostringstream out;
  EventWriter writer(out, OutputFormat::kCsv);
  writer.Write(SampleEvent());
  writer.Write(SampleEvent());
  std::string text = out.str();
  EXPECT_EQ(text.rfind("doc_id,sentence_index,date", 0), 0u);
  EXPECT_EQ(text.find("doc_id,", 1), std::string::npos);
  EXPECT_NE(text.find("\"Russian troops shelled Kharkiv, officials said.\""), std::string::npos);
  EXPECT_EQ(CsvField("a\"b"), "\"a\"\"b\"");
}

TEST(EventWriterTest, TsvFollowsTabariColumnOrder) {
  std::ostringstream out;
  EventWriter writer(out, OutputFormat::kTsv);
  writer.Write(SampleEvent());
  EXPECT_EQ(out.str(), "20220224\tRUSMIL\tUKR\t194\tdoc-1\t2\tshelled\n");
}

// The JSONL line written without a JSON object is the line nlohmann's dump() would write, byte
// for byte: key order, numbers, escapes, nulls, invalid UTF-8 replaced.
std::string DumpLine(const Event& e) {
  return EventToJson(e).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

TEST(EventWriterTest, JsonlLineEqualsTheJsonObjectsDump) {
  std::vector<Event> events;
  events.push_back(SampleEvent());
  Event placed = SampleEvent();
  placed.location = {"Kyiv", "UKR", "Kyiv City", 50.4501, 30.5234, "capital", {40, 44}};
  placed.origin = {"Belarus", "BLR", "", 53.0, -27.95, "country", {}};
  placed.destination = {"", "POL", "", 0.1, 1e-7, "country", {5, 9}};
  placed.date_end = Date{2022, 3, 1};
  placed.date_text = "between February 24 and March 1";
  placed.date_precision = DatePrecision::kRange;
  placed.modality = Modality::kHypothetical;
  placed.reported_by = "UKRGOV";
  placed.reported_by_text = "Kyiv";
  placed.goldstein = 3.4;
  placed.sentence_span = {1234567890123, 1234567890200};
  placed.pattern.line = -1;
  placed.page = 12;
  events.push_back(placed);
  Event escaped = SampleEvent();
  escaped.sentence = "He said \"no\" \\ back\tslash\nnew\rline\f\b \x01\x1f\x7f Łukašenka — 北京 😀";
  escaped.date = Date{};
  escaped.goldstein = -10;
  escaped.source_text = "quote\"";
  events.push_back(escaped);
  Event invalid = SampleEvent();
  invalid.doc_id = std::string("bad\xff\xfe name\xc3");
  invalid.sentence = std::string("overlong \xc0\xaf surrogate \xed\xa0\x80 end \xf4\x90\x80\x80 cut \xe2\x82");
  invalid.pattern.text = std::string("\x80 lone");
  events.push_back(invalid);
  for (const Event& e : events) {
    std::string line;
    AppendEventJsonl(e, &line);
    EXPECT_EQ(line, DumpLine(e));
    std::ostringstream out;
    EventWriter writer(out, OutputFormat::kJsonl);
    writer.Write(e);
    EXPECT_EQ(out.str(), DumpLine(e));
  }
}

// The plain-string copy reads sixteen bytes at a time (eight below sixteen): every byte value at
// every position of strings around those widths is written as the JSON object's dump writes it.
TEST(EventWriterTest, JsonlStringsAgreeWithTheDumpForEveryByteAtEveryPosition) {
  for (size_t size : {7u, 8u, 15u, 16u, 17u, 31u, 40u}) {
    for (size_t pos = 0; pos < size; ++pos) {
      for (int b = 0; b < 256; ++b) {
        Event e = SampleEvent();
        e.sentence.assign(size, 'x');
        for (size_t k = 0; k < size; ++k) e.sentence[k] = static_cast<char>(k % 4 ? 'a' + k % 26 : ' ');
        e.sentence[pos] = static_cast<char>(b);
        std::string line;
        AppendEventJsonl(e, &line);
        ASSERT_EQ(line, DumpLine(e)) << "size " << size << ", byte " << b << " at " << pos;
        // ... and with a character of two bytes after it (the escaping path, run by run).
        e.sentence += "\xC3\xA9";
        line.clear();
        AppendEventJsonl(e, &line);
        ASSERT_EQ(line, DumpLine(e)) << "size " << size << ", byte " << b << " at " << pos << ", with U+00E9";
      }
    }
  }
}

// Numbers are formatted once per thread and value and then copied: every line, the first time a
// value is written and the times after (values sharing a slot of the table too), equals the dump.
TEST(EventWriterTest, JsonlNumbersWrittenAgainEqualTheDump) {
  std::vector<double> values = {0.0, -0.0, 1.0, -10.0, 3.4, 7.0, -2.2, 50.4501, 30.5234, 1e-7, 1e300,
                                -1.2345678901234567e-308, 0.1, 2.0 / 3.0, 123456789.125};
  for (int i = 0; i < 600; ++i) values.push_back(i * 0.37 - 100.0);  // more values than slots
  for (int round = 0; round < 3; ++round) {
    for (double v : values) {
      Event e = SampleEvent();
      e.goldstein = v;
      e.location = {"Kyiv", "UKR", "Kyiv City", v, -v / 3, "capital", {40, 44}};
      std::string line;
      AppendEventJsonl(e, &line);
      ASSERT_EQ(line, DumpLine(e)) << "value " << v << ", round " << round;
    }
  }
}

// A PDF's event carries its page (null without pages), in JSONL and in CSV's last column.
TEST(EventWriterTest, PageIsNullWithoutPagesAndANumberWithThem) {
  Event e = SampleEvent();
  EXPECT_TRUE(nlohmann::json::parse(DumpLine(e))["page"].is_null());
  e.page = 3;
  std::string line;
  AppendEventJsonl(e, &line);
  EXPECT_EQ(nlohmann::json::parse(line)["page"], 3);
  std::ostringstream out;
  EventWriter writer(out, OutputFormat::kCsv);
  writer.Write(e);
  const std::string csv = out.str();
  const std::string header = csv.substr(0, csv.find('\n'));
  EXPECT_TRUE(header.ends_with(",page"));
  EXPECT_EQ(csv.substr(csv.size() - 3), ",3\n");
}

TEST(EventWriterTest, RejectsUnknownFormatByName) {
  OutputFormat format;
  Status s = ParseOutputFormat("xml", &format);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("'xml'"), std::string::npos);
}

}  // namespace
}  // namespace dyad::write
