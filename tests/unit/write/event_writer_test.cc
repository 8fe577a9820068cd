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

TEST(EventWriterTest, RejectsUnknownFormatByName) {
  OutputFormat format;
  Status s = ParseOutputFormat("xml", &format);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("'xml'"), std::string::npos);
}

}  // namespace
}  // namespace dyad::write
