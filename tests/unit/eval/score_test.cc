#include "eval/score.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "scratch_dir.h"

namespace dyad::eval {
namespace {

std::string WriteTemp(const std::string& name, const std::string& content) {
  auto path = dyad::tests::ProcessScratchDir("dyad_eval_test") / name;
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

Event InSentence(Event e, std::string sentence) {
  e.sentence = std::move(sentence);
  return e;
}

GoldSet OneDocument(std::vector<GoldEvent> events) {
  GoldSet gold;
  gold.format = GoldFormat::kJsonl;
  GoldDocument doc;
  doc.id = "d";
  doc.text = "Belarus shelled Ukraine. Belarus shelled Ukraine again.";
  doc.events = std::move(events);
  gold.documents.push_back(std::move(doc));
  return gold;
}

TEST(StrictScoreTest, EmptyGoldTargetMatchesOnlyAnEmptyTarget) {
  GoldSet gold = OneDocument({GoldEvent{{"BLR"}, {}, "19", "", "", ""}});
  std::vector<std::vector<Event>> events = {{MakeEvent("BLRMIL", "UKR", "190")}};
  EXPECT_EQ(ScoreEvents(gold, events, Crosswalk(), {.strict = true}).overall.true_positives, 0);
  EXPECT_EQ(ScoreEvents(gold, events, Crosswalk(), {.strict = false}).overall.true_positives, 1);
  events = {{MakeEvent("BLRMIL", "", "190")}};
  EXPECT_EQ(ScoreEvents(gold, events, Crosswalk(), {.strict = true}).overall.true_positives, 1);
}

TEST(StrictScoreTest, AnEventCountsOnlyAgainstTheGoldOfItsSentence) {
  GoldSet gold = OneDocument({GoldEvent{{"BLR"}, {"UKR"}, "19", "", "", "Ukraine again"}});
  // The same event, but in the other sentence: strict misses it, loose credits it.
  std::vector<std::vector<Event>> events = {
      {InSentence(MakeEvent("BLR", "UKR", "190"), "Belarus shelled Ukraine.")}};
  EvalReport strict = ScoreEvents(gold, events, Crosswalk(), {.strict = true});
  EXPECT_EQ(strict.overall.true_positives, 0);
  EXPECT_EQ(strict.overall.false_positives, 1);
  EXPECT_EQ(strict.unanchored, 0);
  EXPECT_EQ(ScoreEvents(gold, events, Crosswalk(), {.strict = false}).overall.true_positives, 1);
  events = {{InSentence(MakeEvent("BLR", "UKR", "190"), "Belarus shelled  UKRAINE again.")}};  // folded
  EXPECT_EQ(ScoreEvents(gold, events, Crosswalk(), {.strict = true}).overall.true_positives, 1);
}

TEST(StrictScoreTest, PairsOneToOneWithTheBestMatchingNotTheFirst) {
  // Greedy pairing gives the BLRMIL event to the first (broader) gold event and misses the second.
  GoldSet gold = OneDocument({GoldEvent{{"BLR"}, {}, "19", "", "", ""}, GoldEvent{{"BLRMIL"}, {}, "19", "", "", ""}});
  std::vector<std::vector<Event>> events = {{MakeEvent("BLRMIL", "", "190"), MakeEvent("BLRGOV", "", "190")}};
  EXPECT_EQ(ScoreEvents(gold, events, Crosswalk(), {.strict = true}).overall.true_positives, 2);
  EXPECT_EQ(ScoreEvents(gold, events, Crosswalk(), {.strict = false}).overall.true_positives, 1);
}

TEST(StrictScoreTest, ExactActorsComparesWholeCodes) {
  GoldSet gold = OneDocument({GoldEvent{{"BLR"}, {"UKR"}, "19", "", "", ""}});
  std::vector<std::vector<Event>> events = {{MakeEvent("BLRMIL", "UKR", "190")}};
  EXPECT_EQ(ScoreEvents(gold, events, Crosswalk(), {.strict = true}).overall.true_positives, 1);
  EXPECT_EQ(ScoreEvents(gold, events, Crosswalk(), {.strict = true, .exact_actors = true}).overall.true_positives, 0);
}

TEST(StrictScoreTest, PloverCompoundActorsAreTargetsAndNegatedActsAreLeftOut) {
  GoldSet gold;
  ASSERT_TRUE(LoadGold(WriteTemp("plover_compound.json", R"js([
    {"id":"X-AGREE-0002","date":"2001-01-01","text":"Jordan and Britain agreed to hold exercises.",
     "event":"AGREE","source":[{"code":"JOR"},{"code":"GBR"}],"target":"",
     "textInfo":{"markup":"(SRC/TAR: Jordan) and (SRC/TAR: Britain) have (EVT: agreed)"}}])js"), &gold).ok());
  ASSERT_EQ(gold.documents[0].events[0].targets, (std::vector<std::string>{"JOR", "GBR"}));
  std::vector<std::vector<Event>> events = {
      {MakeEvent("JOR", "GBR", "030"), MakeEvent("GBR", "JOR", "030", Modality::kNegated)}};
  EvalReport report = ScoreEvents(gold, events, SmallCrosswalk(), {.strict = true});
  EXPECT_EQ(report.overall.true_positives, 1);
  EXPECT_EQ(report.overall.false_positives, 0);  // the negated one is no act
}

TEST(SplitTest, RecordIdsSplitIntoTuningAndHeldOutHalves) {
  EXPECT_EQ(SplitOf("PLOVER-GSR01-AGREE-0002"), Split::kTune);
  EXPECT_EQ(SplitOf("PLOVER-GSR01-AGREE-0004"), Split::kHeldOut);
  EXPECT_EQ(SplitOf("PLOVER-GSR01-FIGHT-0010"), Split::kTune);
  EXPECT_EQ(SplitOf("no-number"), Split::kHeldOut);
  GoldSet gold;
  for (const char* id : {"A-0002", "A-0004", "A-0006", "A-0008"}) gold.documents.push_back(GoldDocument{id, {}, "x", {}});
  KeepSplit(Split::kTune, &gold);
  ASSERT_EQ(gold.documents.size(), 2u);
  EXPECT_EQ(gold.documents[1].id, "A-0006");
}

TEST(GoldTest, LegacyCountryCodesInGoldAreReadAsIsoCodes) {
  GoldSet gold = OneDocument({GoldEvent{{"JAP"}, {"ITLGOV"}, "19", "", "", ""}});
  ASSERT_TRUE(ApplyCountryAliases(WriteTemp("aliases.tsv", "gold\tiso\nJAP\tJPN\nITL\tITA\n"), &gold).ok());
  EXPECT_EQ(gold.documents[0].events[0].sources[0], "JPN");
  EXPECT_EQ(gold.documents[0].events[0].targets[0], "ITAGOV");
  const std::string bad = WriteTemp("bad_aliases.tsv", "JAPAN\tJPN\n");
  Status s = ApplyCountryAliases(bad, &gold);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find(bad + ":1:"), std::string::npos);
}

TEST(GoldTest, ErrorsNameFileAndLine) {
  GoldSet gold;
  std::string path = WriteTemp("broken.jsonl", "{\"id\":\"a\",\"text\":\"x\",\"events\":[]}\nnot json\n");
  Status s = LoadGold(path, &gold);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find(path + ":2: invalid JSON"), std::string::npos);
}

// A score over nothing would pass any check: an empty or documentation-only file is an error.
TEST(GoldTest, NoGoldDocumentIsAnError) {
  for (const auto& [name, content] : std::vector<std::pair<std::string, std::string>>{
           {"empty.jsonl", ""}, {"blank.jsonl", "\n  \n"}, {"docs_only.json", "[{\"event\":\"DOCUMENT\"}]"},
           {"empty_array.json", "[]"}}) {
    GoldSet gold;
    const std::string path = WriteTemp(name, content);
    Status s = LoadGold(path, &gold);
    ASSERT_FALSE(s.ok()) << name;
    EXPECT_EQ(s.message(), path + ": no gold documents (empty, or no record has an event and text)");
  }
}

}  // namespace
}  // namespace dyad::eval
