#include "enrich/attribution.h"

#include <gtest/gtest.h>

#include <fstream>

#include "test_util.h"

namespace dyad::enrich {
namespace {

using testing::One;
using testing::RunSentence;
using testing::TableFinder;

ActorFinder Actors() {
  return TableFinder({{"Lukashenko", "BLRGOV"},
                      {"Zerkalo", "BLRMED"},
                      {"Russian troops", "RUSMIL"},
                      {"Ukrainian officials", "UKRGOV"},
                      {"Deikalo", "BLRLEG"},
                      {"Helsinki Committee", "NGOHRI"},
                      {"Kremlin", "RUSGOV"},
                      {"Belarus", "BLR"},
                      {"Ukraine", "UKR"}});
}

struct AttributionCase {
  const char* sentence;
  const char* verb;
  const char* reported_by;
  const char* reported_by_text;
};
void PrintTo(const AttributionCase& c, std::ostream* os) { *os << c.sentence << " [" << c.verb << "]"; }

class AttributionTableTest : public ::testing::TestWithParam<AttributionCase> {};

TEST_P(AttributionTableTest, FindsTheReporter) {
  const AttributionCase& c = GetParam();
  Event e = One(c.sentence, c.verb, Actors());
  EXPECT_EQ(e.reported_by, c.reported_by);
  EXPECT_EQ(e.reported_by_text, c.reported_by_text);
}

INSTANTIATE_TEST_SUITE_P(
    Cues, AttributionTableTest,
    ::testing::Values(
        // Reported speech: the inner event is reported by the speaker.
        AttributionCase{"Lukashenko said that Russian troops attacked the village.", "attacked", "BLRGOV",
                        "Lukashenko"},
        AttributionCase{"Lukashenko said Russian troops attacked the village.", "attacked", "BLRGOV", "Lukashenko"},
        AttributionCase{"The Kremlin claims Ukraine shelled the border post.", "shelled", "RUSGOV", "Kremlin"},
        AttributionCase{"Zerkalo wrote that twenty volunteers were killed.", "killed", "BLRMED", "Zerkalo"},
        AttributionCase{"Lukashenko warned that Belarus would respond.", "respond", "BLRGOV", "Lukashenko"},
        AttributionCase{"Zerkalo reported that Belarus sent trucks.", "sent", "BLRMED", "Zerkalo"},
        AttributionCase{"Lukashenko told reporters that Belarus supplied fuel.", "supplied", "BLRGOV", "Lukashenko"},
        AttributionCase{"Lukashenko admitted that Belarus helped the invasion.", "helped", "BLRGOV", "Lukashenko"},
        // The speech act itself is not reported by its own speaker.
        AttributionCase{"Lukashenko said that Russian troops attacked the village.", "said", "", ""},
        AttributionCase{"Zerkalo wrote that twenty volunteers were killed.", "wrote", "", ""},
        // Appositive between the speaker and the verb.
        AttributionCase{"Deikalo, a lawyer from the Helsinki Committee, claims that Belarus violated the treaty.",
                        "violated", "BLRLEG", "Deikalo"},
        // Nested: the nearest reporting verb speaks.
        AttributionCase{"Zerkalo wrote that Lukashenko said Russian troops crossed the border.", "crossed", "BLRGOV",
                        "Lukashenko"},
        // "X, citing Y, said": X reports.
        AttributionCase{"Zerkalo, citing local sources, reported that Russian troops left.", "left", "BLRMED",
                        "Zerkalo"},
        AttributionCase{"Russian troops left, Zerkalo reported, citing officials.", "left", "BLRMED", "Zerkalo"},
        AttributionCase{"Lukashenko denied that Belarus had sent troops.", "sent", "BLRGOV", "Lukashenko"},
        AttributionCase{"Poland's president warned that Russia may attack.", "attack", "", "Poland's president"},
        // Sources after the cue.
        AttributionCase{"According to Zerkalo, twenty volunteers were killed.", "killed", "BLRMED", "Zerkalo"},
        AttributionCase{"Twenty volunteers were killed, according to Zerkalo.", "killed", "BLRMED", "Zerkalo"},
        AttributionCase{"Ground forces shrank, according to Global Firepower.", "shrank", "", "Global Firepower"},
        AttributionCase{"Troops massed, according to images published by Maxar.", "published", "", ""},
        // Post-posed attribution.
        AttributionCase{"Russian troops shelled the town, Ukrainian officials said.", "shelled", "UKRGOV",
                        "Ukrainian officials"},
        AttributionCase{"Russian troops shelled the town, said Ukrainian officials.", "shelled", "UKRGOV",
                        "Ukrainian officials"},
        AttributionCase{"Russian troops shelled the town, the mayor said on Sunday.", "shelled", "", "mayor"},
        // Post-posed passive: "<event> was confirmed / reported by X".
        AttributionCase{"Russian troops shelled the town, which was later confirmed by the Kremlin.", "shelled",
                        "RUSGOV", "Kremlin"},
        AttributionCase{"That Belarus sent trucks was reported by Zerkalo.", "sent", "BLRMED", "Zerkalo"},
        AttributionCase{"Russian troops left the town; the retreat was reported by Zerkalo.", "left", "", ""},
        // Vague sources: reported, but by no actor.
        AttributionCase{"There have been reports of Belarusian soldiers fighting in the invasion.", "fighting", "",
                        "There have been reports"},
        AttributionCase{"There were repeated reports of soldiers crossing the border.", "crossing", "", "reports"},
        AttributionCase{"Independent analysts warn of a possible attack.", "attack", "", "Independent analysts"},
        AttributionCase{"Russian troops reportedly entered the town.", "entered", "", "reportedly"},
        // First-hand: no cue.
        AttributionCase{"Russian troops attacked the village.", "attacked", "", ""},
        AttributionCase{"Russian troops attacked the village, and Ukraine said nothing.", "attacked", "", ""},
        AttributionCase{"The report of the commission was published.", "published", "", ""}));

TEST(CueLexiconTest, EachSetReadsTheTokensItsFirstWordsMayStartAt) {
  CueLexicon lex;
  lex.vague.Add({"sources", "said"});
  lex.report_verbs.Add({"said"});
  lex.modals.Add({"would"});
  lex.negators.Add({"not"});
  lex.IndexFirstWords();
  ASSERT_EQ(lex.sets_by_slot.size(), WordFilter::kSlotCount);
  EXPECT_TRUE(lex.sets_by_slot[WordFilter::Slot("not")] & (uint32_t{1} << CueLexicon::kNegators));
  EXPECT_TRUE(lex.sets_by_slot[WordFilter::Slot("said")] & (uint32_t{1} << CueLexicon::kReportVerbs));
  const auto tokens = Tokenize("Sources said Minsk would not send troops, Kyiv said");
  const SentenceCues cues = FindCues(lex, tokens);
  auto spans = [](const std::vector<Cue>& list) {
    std::vector<std::pair<int, int>> out;
    for (const Cue& c : list) out.emplace_back(c.first, c.last);
    return out;
  };
  using Spans = std::vector<std::pair<int, int>>;
  EXPECT_EQ(spans(cues.vague), (Spans{{0, 2}}));
  EXPECT_EQ(spans(cues.report_verbs), (Spans{{9, 10}}));  // (the "said" of the vague source is none)
  EXPECT_EQ(spans(cues.modals), (Spans{{3, 4}}));
  EXPECT_EQ(spans(cues.negators), (Spans{{4, 5}}));
  EXPECT_TRUE(cues.sources.empty());
}

TEST(AttributionTest, WorksWithoutAnActorFinder) {
  Event e = One("The defence minister said that troops attacked the village.", "attacked");
  EXPECT_EQ(e.reported_by, "");
  EXPECT_EQ(e.reported_by_text, "defence minister");
}

TEST(AttributionTest, EachEventOfASentenceIsAttributedOnItsOwn) {
  auto c = RunSentence("Lukashenko said that Russian troops attacked the village.", {"said", "attacked"}, Actors());
  EXPECT_EQ(c.events[0].reported_by_text, "");
  EXPECT_EQ(c.events[1].reported_by, "BLRGOV");
}

struct ModalityCase {
  const char* sentence;
  const char* verb;
  const char* root;
  Modality modality;
};
void PrintTo(const ModalityCase& c, std::ostream* os) { *os << c.sentence << " [" << c.verb << "]"; }

class ModalityTableTest : public ::testing::TestWithParam<ModalityCase> {};

TEST_P(ModalityTableTest, ReadsTheCues) {
  const ModalityCase& c = GetParam();
  Event e = One(c.sentence, c.verb, {}, testing::kDocDate, c.root);
  EXPECT_STREQ(ModalityName(e.modality), ModalityName(c.modality));
}

using M = Modality;
INSTANTIATE_TEST_SUITE_P(
    Cues, ModalityTableTest,
    ::testing::Values(
        // Negation scoped to the verb.
        ModalityCase{"Belarus did not attack Ukraine.", "attack", "19", M::kNegated},
        ModalityCase{"Belarus didn't attack Ukraine.", "attack", "19", M::kNegated},
        ModalityCase{"Belarus has not been designated an aggressor.", "designated", "11", M::kNegated},
        ModalityCase{"Belarus hasn't officially been designated an aggressor.", "designated", "11", M::kNegated},
        ModalityCase{"Belarusian troops never crossed the border.", "crossed", "19", M::kNegated},
        ModalityCase{"Belarus no longer hosts the mercenaries.", "hosts", "04", M::kNegated},
        ModalityCase{"Moscow denied that its troops shelled the village.", "shelled", "19", M::kNegated},
        ModalityCase{"Minsk refused to join the offensive.", "join", "19", M::kNegated},
        ModalityCase{"Belarus cannot be held accountable.", "held", "11", M::kNegated},
        // ... and what is not a negation of the verb.
        ModalityCase{"Belarus not only violated the resolution but also broke the treaty.", "violated", "11",
                     M::kAsserted},
        ModalityCase{"Moscow denied that its troops shelled the village.", "denied", "02", M::kAsserted},
        ModalityCase{"The troops that did not leave attacked the town.", "attacked", "19", M::kAsserted},
        // (Not negated, and not asserted either: an embedded question states nothing.)
        ModalityCase{"It is not clear whether the army attacked the town.", "attacked", "19", M::kHypothetical},
        // What nobody confirmed is not asserted either; evidence that it happened does not change it.
        ModalityCase{"No evidence has emerged that the brigade shelled the town.", "shelled", "19", M::kHypothetical},
        ModalityCase{"Monitors could not verify that the convoy carried rockets across the border.", "carried", "07",
                     M::kHypothetical},
        ModalityCase{"Nobody has confirmed that the drones were shipped from the port.", "shipped", "07",
                     M::kHypothetical},
        ModalityCase{"No independent monitor has confirmed that the brigade shelled the town.", "shelled", "19",
                     M::kHypothetical},
        ModalityCase{"No government has verified that the convoy carried rockets across the border.", "carried", "07",
                     M::kHypothetical},
        ModalityCase{"There was no doubt, monitors confirmed that the brigade shelled the town.", "shelled", "19",
                     M::kAsserted},
        ModalityCase{"There is evidence that the brigade shelled the town.", "shelled", "19", M::kAsserted},
        ModalityCase{"No evidence was found. The brigade later shelled the town.", "shelled", "19", M::kAsserted},
        ModalityCase{"Officials said its military potential has significantly increased.", "increased", "08",
                     M::kAsserted},
        ModalityCase{"Forces shrank, most likely due to the supply of troops to Russia.", "supply", "07", M::kAsserted},
        // Possibility, conditionals and warnings.
        ModalityCase{"Belarus could attack Ukraine.", "attack", "19", M::kHypothetical},
        ModalityCase{"Belarus may attack Ukraine.", "attack", "19", M::kHypothetical},
        ModalityCase{"Belarus might send troops.", "send", "19", M::kHypothetical},
        ModalityCase{"Belarus would retaliate.", "retaliate", "19", M::kHypothetical},
        ModalityCase{"The country is ready to participate in the war only in the case of aggression.", "participate",
                     "19", M::kHypothetical},
        ModalityCase{"If Ukrainian troops cross the border, Belarus will respond.", "cross", "19", M::kHypothetical},
        ModalityCase{"If Ukrainian troops cross the border, Belarus will respond.", "respond", "19", M::kHypothetical},
        ModalityCase{"Russia plans to deploy missiles in Belarus.", "deploy", "19", M::kHypothetical},
        ModalityCase{"Analysts warn of a possible full-scale attack from Belarus.", "attack", "19", M::kHypothetical},
        ModalityCase{"They fear the potential integration of its troops.", "integration", "19", M::kHypothetical},
        ModalityCase{"Russia threatened to strike Kyiv.", "strike", "19", M::kHypothetical},
        // Threats are asserted threats.
        ModalityCase{"Russia threatened to strike Kyiv.", "threatened", "13", M::kAsserted},
        ModalityCase{"Russia warned it could use force.", "warned", "13", M::kAsserted},
        ModalityCase{"May 9 parades were banned.", "banned", "11", M::kAsserted},
        ModalityCase{"Against the will of the people, the regime jailed them.", "jailed", "17", M::kAsserted},
        ModalityCase{"Russian forces could not capture the town in May 2023.", "capture", "19", M::kNegated},
        ModalityCase{"The army was unable to cross the river.", "cross", "19", M::kNegated},
        // Plain facts.
        ModalityCase{"Russian troops attacked the village.", "attacked", "19", M::kAsserted},
        ModalityCase{"Troops moved from Belarus towards Kyiv.", "moved", "19", M::kAsserted}));

TEST(CueLexiconTest, RejectsUnknownKindsWithFileAndLine) {
  std::string path = ::testing::TempDir() + "/modality_bad.tsv";
  {
    std::ofstream out(path);
    out << "negator\tnot\nmaybe\tperhaps\n";
  }
  CueLexicon lex;
  Status s = lex.LoadModality(path);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("modality_bad.tsv:2: unknown kind"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace dyad::enrich
