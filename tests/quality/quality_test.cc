// Measured coding quality of the bundled dictionaries (data/dict/), scored with
// dyad::eval against two gold sets:
//  * the PLOVER gold-standard dev records in shared/anchors (third-party, read in
//    place; skipped when absent), with the published CAMEO->PLOVER crosswalk;
//  * tests/quality/seed_gold.jsonl, hand-coded events of the seed article, which
//    the gold file points at in shared/corpus (skipped when absent).
// Bars (the dictionaries issue): F1 >= 0.60 on PLOVER dev and F1 >= 0.75 on the seed
// gold; both tests fail below their bar. Measured 2026-11-27: 0.703 and 0.780.
// docs/quality.md records the numbers and the disagreements that remain.
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "dyad/engine.h"
#include "eval/gold.h"
#include "eval/score.h"
#include "gtest/gtest.h"

namespace dyad {
namespace {

const std::string kShared = DYAD_SHARED_DIR;
const std::string kSource = DYAD_SOURCE_DIR;

// Codes every gold document with the bundled dictionaries and scores the events.
eval::EvalReport CodeAndScore(const eval::GoldSet& gold, const eval::Crosswalk& crosswalk) {
  EngineOptions options;  // bundled dictionaries, enrichment on (modality)
  std::unique_ptr<Engine> engine;
  Status created = Engine::Create(options, &engine);
  EXPECT_TRUE(created.ok()) << created.message();
  std::vector<std::vector<Event>> events(gold.documents.size());
  if (!engine) return eval::ScoreEvents(gold, events, crosswalk);
  for (size_t i = 0; i < gold.documents.size(); ++i) {
    const eval::GoldDocument& g = gold.documents[i];
    Document doc;
    doc.id = g.id;
    doc.date = g.date;
    doc.text = g.text;
    doc.origin = "quality:" + g.id;
    Status coded = engine->Code(doc, &events[i]);
    EXPECT_TRUE(coded.ok()) << g.id << ": " << coded.message();
  }
  return eval::ScoreEvents(gold, events, crosswalk);
}

void Report(const char* name, const eval::EvalReport& report) {
  const eval::Score& s = report.overall;
  std::cout << name << ": P " << s.precision() << "  R " << s.recall() << "  F1 " << s.f1()
            << "  (tp " << s.true_positives << ", fp " << s.false_positives << ", fn "
            << s.false_negatives << "); documents with no scorable event: "
            << report.documents_with_no_event << " of " << report.documents << "\n";
  for (const auto& [type, t] : report.per_type)
    std::cout << "  " << type << ": P " << t.precision() << "  R " << t.recall() << "  F1 "
              << t.f1() << "\n";
  ::testing::Test::RecordProperty("precision", std::to_string(s.precision()));
  ::testing::Test::RecordProperty("recall", std::to_string(s.recall()));
  ::testing::Test::RecordProperty("f1", std::to_string(s.f1()));
}

TEST(Quality, DefaultDictionariesLoadWithoutWarnings) {
  EngineOptions options;
  options.strict = true;
  std::unique_ptr<Engine> engine;
  Status created = Engine::Create(options, &engine);
  ASSERT_TRUE(created.ok()) << created.message();
  EXPECT_TRUE(engine->load_report().warnings.empty())
      << engine->load_report().warnings.size() << " warnings, first: "
      << engine->load_report().warnings.front();
  EXPECT_GT(engine->load_report().actors, 0u);
  EXPECT_GT(engine->load_report().verbs, 0u);
}

// PLOVER dev records, one half (eval::SplitOf): dictionary work looks only at the tuning half.
eval::EvalReport ScorePloverHalf(eval::Split half, const char* name) {
  const std::string gold_path = kShared + "/anchors/plover/PLOVER_GSR_dev.json";
  const std::string crosswalk_path = kShared + "/anchors/plover/cameo_to_plover05b1.tsv";
  eval::GoldSet gold;
  Status loaded = eval::LoadGold(gold_path, &gold);
  EXPECT_TRUE(loaded.ok()) << loaded.message();
  EXPECT_EQ(gold.format, eval::GoldFormat::kPlover);
  eval::KeepSplit(half, &gold);
  Status aliased = eval::ApplyCountryAliases(DefaultDataDir() + "/cameo/country_aliases.tsv", &gold);
  EXPECT_TRUE(aliased.ok()) << aliased.message();
  EXPECT_GT(gold.documents.size(), 60u);
  eval::Crosswalk crosswalk;
  Status cw = eval::Crosswalk::Load(crosswalk_path, &crosswalk);
  EXPECT_TRUE(cw.ok()) << cw.message();
  eval::EvalReport report = CodeAndScore(gold, crosswalk);
  Report(name, report);
  return report;
}

bool PloverAbsent() {
  return !std::filesystem::exists(kShared + "/anchors/plover/PLOVER_GSR_dev.json") ||
         !std::filesystem::exists(kShared + "/anchors/plover/cameo_to_plover05b1.tsv");
}

// Floors: the strict figures measured when they were set (docs/quality.md), less a small margin,
// so a regression shows. Held-out must stay within kMaxGap of tuning: a larger gap means a change
// fitted the tuning records, not English.
constexpr double kPloverTuneFloor = 0.60;
constexpr double kPloverHeldOutFloor = 0.60;
constexpr double kMaxGap = 0.08;

TEST(Quality, PloverTuningAndHeldOutHalvesAboveFloorAndClose) {
  if (PloverAbsent()) GTEST_SKIP() << "PLOVER dev gold or crosswalk not found under " << kShared << "/anchors/plover";
  const double tune = ScorePloverHalf(eval::Split::kTune, "PLOVER dev, tuning half").overall.f1();
  const double held = ScorePloverHalf(eval::Split::kHeldOut, "PLOVER dev, held-out half").overall.f1();
  EXPECT_GE(tune, kPloverTuneFloor);
  EXPECT_GE(held, kPloverHeldOutFloor);
  EXPECT_LT(tune - held, kMaxGap) << "tuning " << tune << " vs held-out " << held;
}

eval::EvalReport ScoreSeedGold(const std::string& gold_file, const char* name) {
  eval::GoldSet gold;
  Status loaded = eval::LoadGold(kSource + "/tests/quality/" + gold_file, &gold);
  EXPECT_TRUE(loaded.ok()) << loaded.message();
  EXPECT_EQ(gold.format, eval::GoldFormat::kJsonl);
  EXPECT_EQ(gold.documents.size(), 1u);
  eval::Crosswalk crosswalk;  // dyad's own CAMEO table (JSONL gold scores CAMEO prefixes)
  Status cw = eval::Crosswalk::Load(DefaultDataDir() + "/cameo/cameo.tsv", &crosswalk);
  EXPECT_TRUE(cw.ok()) << cw.message();
  eval::EvalReport report = CodeAndScore(gold, crosswalk);
  Report(name, report);
  EXPECT_EQ(report.unanchored, 0) << "every seed gold event names its sentence";
  EXPECT_EQ(report.anchors_not_found, 0);
  for (const eval::Disagreement& d : report.disagreements)
    std::cout << "  " << d.kind << ": " << (d.kind == "missed" ? d.expected : d.got) << "\n";
  return report;
}

// The seed article, scored strictly (sentence by sentence, one to one). The floor follows what the
// general mechanisms reach, not an entry written for the article (docs/quality.md).
constexpr double kSeedFloor = 0.80;  // 0.864 on 7 Dec 2026

TEST(Quality, SeedArticleF1AtLeastBar) {
  const std::string article = kShared + "/corpus/role-of-belarus-in-the-war.txt";
  if (!std::filesystem::exists(article)) GTEST_SKIP() << "seed article not found: " << article;
  const eval::EvalReport report = ScoreSeedGold("seed_gold.jsonl", "seed article");
  std::cout << "seed article F1 " << report.overall.f1() << " (floor " << kSeedFloor << ")\n";
  EXPECT_GE(report.overall.f1(), kSeedFloor);
}

// Two rewordings of the seed article written by us (the same facts in other words; no run of five
// words of the original), scored against the seed gold's events anchored in them. The bar
// is "within 0.05 of the original", asserted; the floors below are what the general mechanisms
// reach today less a margin (0.913 and 0.837 against the original's 0.864 on 7 Dec 2026,
// docs/quality.md).
TEST(Quality, SeedRewordingsAboveTheirFloors) {
  const std::string article = kShared + "/corpus/role-of-belarus-in-the-war.txt";
  if (!std::filesystem::exists(article)) GTEST_SKIP() << "seed article not found: " << article;
  const double original = ScoreSeedGold("seed_gold.jsonl", "seed article").overall.f1();
  const std::pair<const char*, double> rewordings[] = {{"seed_reworded_1.jsonl", 0.85}, {"seed_reworded_2.jsonl", 0.78}};
  for (const auto& [file, floor] : rewordings) {
    const double f1 = ScoreSeedGold(file, file).overall.f1();
    std::cout << file << " F1 " << f1 << " (floor " << floor << "; gap to the original " << original - f1 << ")\n";
    EXPECT_GE(f1, floor) << file;
    // The bar: a rewording loses at most 0.05 against the original.
    EXPECT_LE(original - f1, 0.05) << file << ": " << f1 << " against the original's " << original;
  }
}

}  // namespace
}  // namespace dyad
