#include "eval/score.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace dyad::eval {
namespace {

std::string WriteTemp(const std::string& name, const std::string& content) {
  auto path = std::filesystem::temp_directory_path() / ("dyad_eval_" + name);
  std::ofstream(path) << content;
  return path.string();
}

Event MakeEvent(std::string source, std::string target, std::string code,
                Modality modality = Modality::kAsserted) {
  Event e;
  e.source = std::move(source);
  e.target = std::move(target);
  e.event_code = std::move(code);
  e.root_code = e.event_code.substr(0, 2);
  e.modality = modality;
  return e;
}

Crosswalk SmallCrosswalk() {
  Crosswalk crosswalk;
  std::string path = WriteTemp("crosswalk.tsv",
                               "cameo\tplover_2021\tplover_0.5b1\tnote\n"
                               "01\t\t(none)\t\n03\tAGREE\tAGREE\t\n19\tASSAULT\tFIGHT\t\n"
                               "190\tASSAULT\tFIGHT\t\n11\tACCUSE\tDISAPPROVE\t\n");
  EXPECT_TRUE(Crosswalk::Load(path, &crosswalk).ok());
  return crosswalk;
}

TEST(CrosswalkTest, FallsBackToParentAndKnowsCodesWithoutType) {
  Crosswalk crosswalk = SmallCrosswalk();
  EXPECT_EQ(crosswalk.Find("190"), "FIGHT");
  EXPECT_EQ(crosswalk.Find("195"), "FIGHT");   // parent 19
  EXPECT_EQ(crosswalk.Find("0311"), "AGREE");  // parent 03
  EXPECT_EQ(crosswalk.Find("010"), "");        // 01x: none
}

TEST(CrosswalkTest, BadHeaderNamesTheFile) {
  Crosswalk crosswalk;
  std::string path = WriteTemp("bad_crosswalk.tsv", "a\tb\n");
  Status s = Crosswalk::Load(path, &crosswalk);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find(path + ":1:"), std::string::npos);
}

TEST(ScoreTest, PloverProtocolMatchesTypeAndActorPrefixes) {
  GoldSet gold;
  ASSERT_TRUE(LoadGold(WriteTemp("plover.json", R"([
    {"id":"doc","event":"DOCUMENT","eventText":"x"},
    {"id":"a","date":"2001-01-01","text":"Russia attacked Georgia.","event":"FIGHT",
     "source":[{"code":"RUS"}],"target":[{"code":"GEO"}]},
    {"id":"b","date":"2001-01-01","text":"Iran rejected the plan.","event":"REJECT",
     "source":[{"code":"IRN"}]}])"), &gold).ok());
  ASSERT_EQ(gold.format, GoldFormat::kPlover);
  ASSERT_EQ(gold.documents.size(), 2u);  // the DOCUMENT record is skipped
  std::vector<std::vector<Event>> events = {
      {MakeEvent("RUSMIL", "GEOGOV", "190"), MakeEvent("RUS", "GEO", "010")},  // 010 left out
      {MakeEvent("IRN", "", "112")}};  // wrong type: spurious + missed
  EvalReport report = ScoreEvents(gold, events, SmallCrosswalk());
  EXPECT_EQ(report.overall.true_positives, 1);
  EXPECT_EQ(report.overall.false_positives, 1);
  EXPECT_EQ(report.overall.false_negatives, 1);
  EXPECT_DOUBLE_EQ(report.overall.f1(), 0.5);
  EXPECT_EQ(report.per_type["FIGHT"].true_positives, 1);
  EXPECT_EQ(report.per_type["REJECT"].false_negatives, 1);
  EXPECT_EQ(report.per_type["DISAPPROVE"].false_positives, 1);
  ASSERT_EQ(report.disagreements.size(), 2u);
}

TEST(ScoreTest, JsonlGoldUsesCodeAndActorPrefixesAndModality) {
  GoldSet gold;
  std::string doc = WriteTemp("doc.txt", "Belarus troops fired on Ukraine.");
  ASSERT_TRUE(LoadGold(WriteTemp("gold.jsonl",
                                 "{\"id\":\"d\",\"date\":\"2024-03-25\",\"path\":\"" + doc +
                                     "\",\"events\":[{\"source\":\"BLR\",\"target\":\"UKR\",\"code\":\"19\"},"
                                     "{\"source\":\"BLR\",\"code\":\"13\",\"modality\":\"hypothetical\"}]}\n"),
                       &gold)
                  .ok());
  ASSERT_EQ(gold.documents[0].text, "Belarus troops fired on Ukraine.");
  std::vector<std::vector<Event>> events = {
      {MakeEvent("BLRMIL", "UKR", "190"), MakeEvent("BLRGOV", "UKR", "138", Modality::kAsserted)}};
  EvalReport report = ScoreEvents(gold, events, Crosswalk());
  EXPECT_EQ(report.overall.true_positives, 1);   // the 13 is asserted, gold says hypothetical
  EXPECT_EQ(report.overall.false_negatives, 1);
  EXPECT_EQ(report.overall.false_positives, 1);
}

TEST(GoldTest, ErrorsNameFileAndLine) {
  GoldSet gold;
  std::string path = WriteTemp("broken.jsonl", "{\"id\":\"a\",\"text\":\"x\",\"events\":[]}\nnot json\n");
  Status s = LoadGold(path, &gold);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find(path + ":2: invalid JSON"), std::string::npos);
}

}  // namespace
}  // namespace dyad::eval
