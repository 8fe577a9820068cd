// Rules that read the conflict's context (participation in "the invasion" with
// no enemy named: the conflict's victim, with the reason in the evidence),
// mutual-defence clauses as alignment, hypothetical/negated evidence listed
// apart, and period-dated events overlapping the window. Hand-written events.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "analyze/role_report.h"
#include "test_util.h"
#include "scratch_dir.h"

namespace dyad::analyze {
namespace {

using testing::Country;
using testing::MakeEvent;
using testing::Stored;

class ConflictContextTest : public testing::BelarusInRussiaUkraine {
 protected:
  const Match* Find(const Event& e, int category) const {
    matches_ = Classify(e, x_, conflict_, rules_);
    for (const Match& m : matches_)
      if (m.category == category) return &m;
    return nullptr;
  }
  mutable std::vector<Match> matches_;
};

TEST_F(ConflictContextTest, ParticipationInTheConflictsWarWithoutATarget) {
  Event e = MakeEvent("BLRMIL", "190", "", "Belarusian paratroopers took part in the invasion in March 2022.");
  const Match* m = Find(e, 2);
  ASSERT_NE(m, nullptr) << "X's forces in 'the invasion' of a conflict whose parties are known";
  EXPECT_EQ(m->rule->id, "participation.in-conflict");
  std::string reason;
  EXPECT_EQ(TargetFromConflict(*m->rule, e, x_, conflict_, &reason), "UKR");
  EXPECT_NE(reason.find("the invasion"), std::string::npos) << reason;
  EXPECT_NE(reason.find("taken from the conflict"), std::string::npos) << reason;

  Event bare = MakeEvent("BLR", "193", "", "Belarus took part in hostilities from the first day.");
  EXPECT_NE(Find(bare, 2), nullptr) << "the state itself, 'hostilities'";
}

TEST_F(ConflictContextTest, ParticipationNeedsXsForcesTheConflictAndNoOtherSide) {
  Event volunteers = MakeEvent("BLRMIL", "190", "", "Belarusian volunteers took part in the war on Ukraine's side.");
  EXPECT_EQ(Find(volunteers, 2), nullptr) << "volunteers for the victim are a counter-indicator";
  Event opposition = MakeEvent("BLROPP", "190", "", "Belarusian rebels took part in the war.");
  EXPECT_EQ(Find(opposition, 2), nullptr) << "the opposition is not X's forces";
  Event elsewhere = MakeEvent("BLRMIL", "190", "", "Belarusian officers took part in the war in Syria.");
  elsewhere.location = Country("SYR", "Syria");
  EXPECT_EQ(Find(elsewhere, 2), nullptr) << "a war located elsewhere is not this conflict";
  Event no_war = MakeEvent("BLRMIL", "190", "", "Belarusian soldiers fired shots during a hunting accident.");
  EXPECT_EQ(Find(no_war, 2), nullptr) << "no war, invasion or hostilities named";
  Event other_target = MakeEvent("BLRMIL", "190", "POL", "Belarusian soldiers took part in the war against Poland.");
  const Match* m = Find(other_target, 2);
  EXPECT_TRUE(m == nullptr || m->rule->id != "participation.in-conflict") << "a coded target is kept";
  Event not_x = MakeEvent("KAZMIL", "190", "", "Kazakh soldiers took part in the invasion.");
  EXPECT_EQ(Find(not_x, 2), nullptr);
}

TEST_F(ConflictContextTest, MutualDefenceClauseIsAlignment) {
  Event e = MakeEvent("BLR", "138", "",
                      "Minsk declared that an attack on any state allied with Belarus will be regarded as an "
                      "attack on Belarus.");
  const Match* m = Find(e, 5);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->rule->id, "alignment.mutual-defence");
  Event pledge = MakeEvent("BLRGOV", "0312", "RUS", "Belarus and Russia pledged mutual defence.");
  EXPECT_NE(Find(pledge, 5), nullptr);
  Event opposition = MakeEvent("BLROPP", "138", "",
                               "Exiles said an attack on any state allied with Belarus is considered an attack on "
                               "Belarus.");
  EXPECT_EQ(Find(opposition, 5), nullptr);
  Event victim = MakeEvent("BLR", "138", "UKR", "Belarus said an attack on an ally would be answered.");
  EXPECT_EQ(Find(victim, 5), nullptr) << "aimed at the victim: a threat, not alignment";
}

TEST_F(ConflictContextTest, ReportShowsTheInferredTargetAndTheReason) {
  Event e = MakeEvent("BLRMIL", "190", "", "Belarusian paratroopers took part in the invasion in March 2022.",
                      Date{2022, 3, 1});
  RoleReport r = BuildRoleReport(rules_, conflict_, x_, {}, {Stored(7, e, "Wire", "u7")});
  const CategoryReport& c = r.categories.at(1);
  ASSERT_EQ(c.strongest.size(), 1u);
  EXPECT_EQ(c.strongest[0].target, "");
  EXPECT_EQ(c.strongest[0].target_from_conflict, "UKR");
  std::string md = RenderMarkdown(r);
  EXPECT_NE(md.find("BLRMIL 190 UKR (from the conflict)"), std::string::npos) << md;
  EXPECT_NE(md.find("taken from the conflict"), std::string::npos);
  nlohmann::json j = nlohmann::json::parse(RenderJson(r));
  EXPECT_EQ(j["categories"][1]["strongest"][0]["target_from_conflict"], "UKR");
}

TEST_F(ConflictContextTest, HypotheticalAndNegatedEvidenceIsListedApart) {
  Event hyp = MakeEvent("BLRMIL", "190", "UKR", "Belarusian troops could attack Ukraine.", Date{2022, 3, 1});
  hyp.modality = Modality::kHypothetical;
  Event neg = MakeEvent("BLRMIL", "190", "UKR", "Belarusian troops did not attack Ukraine.", Date{2022, 3, 2});
  neg.modality = Modality::kNegated;
  RoleReport r = BuildRoleReport(rules_, conflict_, x_, {}, {Stored(1, hyp, "A", "u1"), Stored(2, neg, "B", "u2")});
  const CategoryReport& c = r.categories.at(1);
  EXPECT_TRUE(c.strongest.empty());
  ASSERT_EQ(c.unasserted.size(), 2u);
  for (const Evidence& e : c.unasserted) EXPECT_NE(e.bucket, Bucket::kAsserted);
  std::string md = RenderMarkdown(r);
  EXPECT_NE(md.find("Hypothetical and negated statements"), std::string::npos);
  nlohmann::json j = nlohmann::json::parse(RenderJson(r));
  EXPECT_EQ(j["categories"][1]["hypothetical_or_negated"].size(), 2u);
}

TEST_F(ConflictContextTest, PeriodDatedEventsOverlappingTheWindowCount) {
  Event since = MakeEvent("BLRCVL", "190", "", "Belarusian volunteers have been fighting for Ukraine since 2014.",
                          Date{2014, 1, 1});
  since.date_end = Date{2014, 12, 31};
  Event before = since;
  before.date = Date{2013, 1, 1};
  before.date_end = Date{2013, 12, 31};
  RoleReport r = BuildRoleReport(rules_, conflict_, x_, {}, {Stored(1, since, "A", "u1"), Stored(2, before, "A", "u2")});
  EXPECT_EQ(r.events_scanned, 1) << "2014 overlaps the conflict's start (2014-02-20); 2013 does not";
  EXPECT_EQ(r.categories.at(6).counts.total(), 1);
}

TEST_F(ConflictContextTest, NonParticipationNeedsANegationNotAWarning) {
  Event warned = MakeEvent("BLR", "190", "", "Analysts warn of a possible attack from Belarus.");
  warned.modality = Modality::kHypothetical;
  EXPECT_EQ(Find(warned, 7), nullptr) << "a warning that X may attack is no counter-indicator";
  Event stated = MakeEvent("BLRGOV", "190", "UKR", "Lukashenko said Belarusian troops would never enter Ukraine.");
  stated.modality = Modality::kHypothetical;
  EXPECT_NE(Find(stated, 7), nullptr) << "X's statement that its forces will not fight";
}

TEST_F(ConflictContextTest, AgreementsAreBetweenXAndTheAggressorNotWithinX) {
  Event with = MakeEvent("BLRGOV", "057", "RUS", "Belarus and Russia signed a military cooperation agreement.");
  EXPECT_NE(Find(with, 5), nullptr);
  Event by = MakeEvent("RUSGOV", "061", "BLRGOV", "Moscow granted Minsk a loan for its power plant.");
  EXPECT_NE(Find(by, 5), nullptr);
  // The aggressor's forces training X's: force posture or territory, not X's alignment.
  Event trained = MakeEvent("RUSMIL", "062", "BLRMIL", "Russian instructors began training the Belarusian army.");
  EXPECT_EQ(Find(trained, 5), nullptr);
  EXPECT_TRUE(Find(trained, 1) != nullptr || Find(trained, 4) != nullptr);
  Event internal = MakeEvent("BLRGOV", "062", "BLRMIL", "The president ordered the army to train reservists.");
  EXPECT_EQ(Find(internal, 5), nullptr) << "X's government and X's army: internal, not alignment";
}

TEST(BucketTest, VagueSourcingIsReported) {
  Event e = MakeEvent("BLRMIL", "190", "", "There have been reports of Belarusian soldiers in the invasion.");
  EXPECT_EQ(BucketOf(e), Bucket::kAsserted);
  e.reported_by_text = "There have been reports";
  EXPECT_EQ(BucketOf(e), Bucket::kReported);
  e.modality = Modality::kHypothetical;
  EXPECT_EQ(BucketOf(e), Bucket::kHypothetical);
}

// An event its own sentence calls an accusation with no accuser named ("stands accused of",
// "allegedly") is alleged, not evidence of conduct.
TEST(BucketTest, AnAccusationWithoutAnAccuserIsAlleged) {
  const std::vector<std::string> allegation = {"accused", "alleged"};
  auto with_spans = [](const char* source, const char* verb, const std::string& sentence) {
    Event e = MakeEvent("ARE", "072", "SDNREB", sentence);
    const size_t s = sentence.find(source), v = sentence.find(verb);
    e.source_span = {static_cast<int64_t>(s), static_cast<int64_t>(s + std::string(source).size())};
    e.verb_span = {static_cast<int64_t>(v), static_cast<int64_t>(v + std::string(verb).size())};
    return e;
  };
  EXPECT_EQ(BucketOf(with_spans("Abu Dhabi", "supplying", "Abu Dhabi stands accused of supplying drones to the RSF."),
                     allegation),
            Bucket::kAlleged);
  EXPECT_EQ(BucketOf(with_spans("The Emirates", "shipped", "The Emirates allegedly shipped rifles to the RSF."), allegation),
            Bucket::kAlleged);
  EXPECT_EQ(BucketOf(with_spans("The Emirates", "shipped", "The Emirates shipped rifles to the RSF, it was alleged later."),
                     allegation),
            Bucket::kAsserted);
  EXPECT_EQ(BucketOf(with_spans("The Emirates", "shipped", "The Emirates shipped rifles to the RSF."), allegation),
            Bucket::kAsserted);
}

// What another party claims X did is its claim, listed apart like an accusation (the rules file's
// `allegation` words include "claimed").
TEST(BucketTest, AnotherPartysClaimIsAlleged) {
  RuleSet rules;
  ASSERT_TRUE(LoadRules(testing::DataDir() + "/rules/involvement.toml", &rules).ok());
  const std::string sentence = "Khartoum claimed that the Emirates shipped rifles to the RSF.";
  Event e = MakeEvent("ARE", "072", "SDNREB", sentence);
  e.reported_by = "SDNGOV";
  e.reported_by_text = "Khartoum";
  const size_t s = sentence.find("the Emirates"), v = sentence.find("shipped");
  e.source_span = {static_cast<int64_t>(s), static_cast<int64_t>(s + 12)};
  e.verb_span = {static_cast<int64_t>(v), static_cast<int64_t>(v + 7)};
  EXPECT_EQ(BucketOf(e, rules.allegation), Bucket::kAlleged);
}

TEST(TargetFromConflictRuleTest, BadValueIsAnErrorWithTheRule) {
  std::string dir = dyad::tests::ProcessScratchDir("dyad_target_from_conflict_test").string();
  std::string path = dir + "/r.toml";
  std::ofstream(path) << "[[categories]]\nnumber = 1\nkey = \"a\"\nname = \"A\"\n\n[[rules]]\nid = \"r\"\n"
                         "category = 1\ntarget_from_conflict = \"friend\"\n";
  RuleSet rules;
  Status s = LoadRules(path, &rules);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("target_from_conflict"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("r.toml:6"), std::string::npos) << s.message();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace dyad::analyze
