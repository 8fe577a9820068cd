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

TEST(Quality, PloverDevF1AtLeast060) {
  const std::string gold_path = kShared + "/anchors/plover/PLOVER_GSR_dev.json";
  const std::string crosswalk_path = kShared + "/anchors/plover/cameo_to_plover05b1.tsv";
  if (!std::filesystem::exists(gold_path) || !std::filesystem::exists(crosswalk_path))
    GTEST_SKIP() << "PLOVER dev gold or crosswalk not found under " << kShared << "/anchors/plover";
  eval::GoldSet gold;
  Status loaded = eval::LoadGold(gold_path, &gold);
  ASSERT_TRUE(loaded.ok()) << loaded.message();
  ASSERT_EQ(gold.format, eval::GoldFormat::kPlover);
  ASSERT_FALSE(gold.documents.empty());
  eval::Crosswalk crosswalk;
  Status cw = eval::Crosswalk::Load(crosswalk_path, &crosswalk);
  ASSERT_TRUE(cw.ok()) << cw.message();
  eval::EvalReport report = CodeAndScore(gold, crosswalk);
  Report("PLOVER dev", report);
  EXPECT_GE(report.overall.f1(), 0.60);
}

TEST(Quality, SeedArticleF1AtLeastBar) {
  const std::string gold_path = kSource + "/tests/quality/seed_gold.jsonl";
  const std::string article = kShared + "/corpus/role-of-belarus-in-the-war.txt";
  if (!std::filesystem::exists(article))
    GTEST_SKIP() << "seed article not found: " << article;
  eval::GoldSet gold;
  Status loaded = eval::LoadGold(gold_path, &gold);
  ASSERT_TRUE(loaded.ok()) << loaded.message();
  ASSERT_EQ(gold.format, eval::GoldFormat::kJsonl);
  ASSERT_EQ(gold.documents.size(), 1u);
  ASSERT_GE(gold.documents[0].events.size(), 15u);
  ASSERT_FALSE(gold.documents[0].text.empty());
  eval::Crosswalk crosswalk;  // dyad's own CAMEO table (JSONL gold scores CAMEO prefixes)
  Status cw = eval::Crosswalk::Load(DefaultDataDir() + "/cameo/cameo.tsv", &crosswalk);
  ASSERT_TRUE(cw.ok()) << cw.message();
  eval::EvalReport report = CodeAndScore(gold, crosswalk);
  Report("seed article", report);
  for (const eval::Disagreement& d : report.disagreements)
    std::cout << "  " << d.kind << ": " << (d.kind == "missed" ? d.expected : d.got) << "\n";
  constexpr double kSeedBar = 0.75;  // the bar; measured 0.780 (tp 16, fp 3, fn 6)
  std::cout << "seed article F1 " << report.overall.f1() << " (bar " << kSeedBar << ")\n";
  EXPECT_GE(report.overall.f1(), kSeedBar);
}

}  // namespace
}  // namespace dyad
