#include "analyze/classify.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "test_util.h"

namespace dyad::analyze {
namespace {

using testing::Country;
using testing::MakeEvent;

class ClassifyTest : public testing::BelarusInRussiaUkraine {
 protected:
  std::vector<int> Categories(const Event& e) const {
    std::vector<int> out;
    for (const Match& m : Classify(e, x_, conflict_, rules_)) out.push_back(m.category);
    return out;
  }
  bool Has(const Event& e, int category) const {
    std::vector<int> c = Categories(e);
    return std::find(c.begin(), c.end(), category) != c.end();
  }
};

// 1: the aggressor attacks the victim FROM X: neither actor is X.
TEST_F(ClassifyTest, TerritoryAttackWithOriginInX) {
  Event e = MakeEvent("RUSMIL", "190", "UKR",
                      "Russian troops crossed into Ukraine from Belarus on Thursday.");
  e.origin = Country("BLR", "Belarus");
  EXPECT_TRUE(Has(e, 1));
  EXPECT_FALSE(Has(e, 2)) << "X's forces did not act";
}

TEST_F(ClassifyTest, TerritoryAttackFromXByKeywordWithoutPlaces) {
  Event e = MakeEvent("RUSMIL", "195", "UKR",
                      "Russian bombers fired missiles at Ukraine from Belarusian airspace.");
  EXPECT_TRUE(Has(e, 1));
  Event other = MakeEvent("RUSMIL", "195", "UKR", "Russian bombers fired missiles at Ukraine.");
  EXPECT_FALSE(Has(other, 1));
}

TEST_F(ClassifyTest, TerritoryHostingTroopsNuclearWeaponsAndWagner) {
  Event troops = MakeEvent("RUSMIL", "042", "BLR", "Russian troops began arriving in Belarus.");
  EXPECT_TRUE(Has(troops, 1));
  Event nuclear = MakeEvent("RUS", "070", "BLR",
                            "Russia has deployed its first tactical nuclear weapons in Belarus.");
  EXPECT_TRUE(Has(nuclear, 1));
  Event wagner = MakeEvent("", "042", "", "Wagner fighters arrived at a camp in Belarus on Wednesday.");
  wagner.location = Country("BLR", "Belarus");
  EXPECT_TRUE(Has(wagner, 1));
  Event hosting = MakeEvent("BLRGOV", "043", "RUSMIL", "Belarus hosted Russian troops at its airfields.");
  EXPECT_TRUE(Has(hosting, 1));
}

// 2: X's own forces use force against the victim.
TEST_F(ClassifyTest, DirectParticipation) {
  Event e = MakeEvent("BLRMIL", "190", "UKR", "Belarusian troops attacked Ukrainian positions.");
  EXPECT_TRUE(Has(e, 2));
  Event in = MakeEvent("BLRMIL", "192", "", "Belarusian troops entered the Chernihiv region.");
  in.location = Country("UKR", "Ukraine");
  EXPECT_TRUE(Has(in, 2));
  Event opp = MakeEvent("BLROPP", "190", "UKR", "Belarusian rebels attacked.");
  EXPECT_FALSE(Has(opp, 2)) << "the opposition is not X's forces";
}

// 3: material and logistical support.
TEST_F(ClassifyTest, MaterialSupport) {
  Event arms = MakeEvent("BLRGOV", "062", "RUSMIL", "Belarus supplied ammunition to the Russian army.");
  EXPECT_TRUE(Has(arms, 3));
  Event repair = MakeEvent("BLR", "070", "RUSMIL",
                           "Belarusian factories repaired damaged Russian military equipment.");
  EXPECT_TRUE(Has(repair, 3));
  Event rail = MakeEvent("RUSMIL", "150", "", "Trains carried Russian tanks into Belarus by rail.");
  rail.destination = Country("BLR", "Belarus");
  EXPECT_TRUE(Has(rail, 3));
  EXPECT_TRUE(Has(rail, 1));
}

// 4: threats and posture.
TEST_F(ClassifyTest, ThreatsAndPosture) {
  Event threat = MakeEvent("BLRGOV", "138", "UKR", "Lukashenko threatened Ukraine with force.");
  EXPECT_TRUE(Has(threat, 4));
  Event alert = MakeEvent("BLRMIL", "152", "", "The Belarusian army held snap combat readiness checks.");
  EXPECT_TRUE(Has(alert, 4));
  Event drills = MakeEvent("RUSMIL", "042", "BLRMIL",
                           "Russian and Belarusian forces held joint drills near the border with Ukraine.");
  EXPECT_TRUE(Has(drills, 4));
}

// 5: political alignment.
TEST_F(ClassifyTest, PoliticalAlignment) {
  Event praise = MakeEvent("BLRGOV", "051", "RUSGOV", "Lukashenko praised Putin.");
  EXPECT_TRUE(Has(praise, 5));
  Event agreement = MakeEvent("RUSMIL", "057", "BLRMIL",
                              "The defence ministers of Russia and Belarus signed an agreement.");
  EXPECT_TRUE(Has(agreement, 5));
  Event doctrine = MakeEvent("BLRGOV", "057", "", "The All-Belarusian People's Assembly approved a new military doctrine.");
  EXPECT_TRUE(Has(doctrine, 5));
  Event unrelated = MakeEvent("FRAGOV", "057", "", "France approved a new military doctrine.");
  EXPECT_FALSE(Has(unrelated, 5)) << "a third state's doctrine is not X's alignment";
}

// 6: acknowledgements and denials, with the denials marked as contradicting claims.
TEST_F(ClassifyTest, AcknowledgementsAndDenials) {
  Event ack = MakeEvent("BLRGOV", "015", "", "Lukashenko acknowledged that Russian troops attacked from Belarus.");
  EXPECT_TRUE(Has(ack, 6));
  Event deny = MakeEvent("BLRGOV", "016", "", "Lukashenko denied that Belarus had taken part in the invasion.");
  std::vector<Match> m = Classify(deny, x_, conflict_, rules_);
  auto six = std::find_if(m.begin(), m.end(), [](const Match& k) { return k.category == 6; });
  ASSERT_NE(six, m.end());
  EXPECT_FALSE(six->contradicts.empty());
  Event reported = MakeEvent("RUSMIL", "190", "UKR", "Russian forces attacked Ukraine, Lukashenko said.");
  reported.reported_by = "BLRGOV";
  reported.location = Country("BLR", "Belarus");
  EXPECT_TRUE(Has(reported, 6));
}

// A denial is something said: X's own threats, force or material acts are no denial of support,
// whatever negation and supply words the sentence holds; a negated supply still is one.
TEST_F(ClassifyTest, ThreatsAndMaterialActsAreNoDenialsOfSupport) {
  Event threat = MakeEvent("BLRMIL", "1384", "UKR",
                           "The general threatened to strike any unit that did not hand over its weapons.");
  EXPECT_FALSE(Has(threat, 6)) << "a threat is no denial";
  Event bought = MakeEvent("BLR", "061", "RUS",
                           "Belarus bought weapons for Russia, a step that did not name its government.");
  EXPECT_FALSE(Has(bought, 6)) << "a purchase is no denial";
  Event said = MakeEvent("BLRGOV", "010", "", "Minsk said it had never supplied weapons to Russia.");
  EXPECT_TRUE(Has(said, 6));
}

// 6: X's leader calling its own fallen heroes, in a statement as in praise, is X's word that its
// forces fought.
TEST_F(ClassifyTest, CallingOwnFallenHeroesIsAnAcknowledgement) {
  Event described = MakeEvent("BLRGOV", "010", "", "Lukashenko described the dead as heroes who had fought for the fatherland.");
  EXPECT_TRUE(Has(described, 6));
  Event praised = MakeEvent("BLRGOV", "051", "", "Lukashenko praised the soldiers who died in the operation as heroes.");
  EXPECT_TRUE(Has(praised, 6));
}

// 7: aid with no receiver named that the sentence calls humanitarian is relief for the war's
// victims; military aid never is.
TEST_F(ClassifyTest, UntargetedHumanitarianAidIsACounterIndicator) {
  Event relief = MakeEvent("BLRGOV", "071", "",
                           "Minsk pledged 20 million dollars in humanitarian relief for civilians displaced by the war.");
  EXPECT_TRUE(Has(relief, 7));
  Event military = MakeEvent("BLRGOV", "070", "", "Minsk sent military aid and ammunition during the war.");
  EXPECT_FALSE(Has(military, 7));
}

// 7: forces sent to a regional, UN or AU peace force are X's part in a multinational force.
TEST_F(ClassifyTest, ForcesSentToAPeaceForceAreACounterIndicator) {
  Event sent = MakeEvent("BLRMIL", "154", "IGOUNO", "Belarus sent a battalion to the UN peacekeeping mission.");
  EXPECT_TRUE(Has(sent, 7));
  Event regional = MakeEvent("BLR", "150", "", "Belarusian units joined the regional force in the east.");
  EXPECT_TRUE(Has(regional, 7));
  Event denied = MakeEvent("BLRMIL", "154", "IGOUNO", "Belarus has never sent troops to a peacekeeping mission.");
  EXPECT_FALSE(Has(denied, 7));
}

// 6: X's own word on where its forces are is an acknowledgement, listed once (not as posture or
// participation); forces it says it sent to the aggressor stay participation.
TEST_F(ClassifyTest, AcknowledgedPresenceOfOwnForces) {
  Event presence = MakeEvent("BLRMIL", "154", "UKR", "Minsk's defence minister admitted that Belarusian units were in northern Ukraine.");
  presence.reported_by = "BLRGOV";
  EXPECT_TRUE(Has(presence, 6));
  EXPECT_FALSE(Has(presence, 2));
  EXPECT_FALSE(Has(presence, 4));
  Event sent = MakeEvent("BLRMIL", "154", "RUS", "Minsk confirmed that it had deployed combat troops to Russia.");
  sent.reported_by = "BLRGOV";
  EXPECT_TRUE(Has(sent, 2)) << "still listed as participation beside the aggressor";
  Event others = MakeEvent("BLRMIL", "154", "UKR", "Kyiv confirmed that Belarusian units were in northern Ukraine.");
  others.reported_by = "UKRGOV";
  EXPECT_FALSE(Has(others, 6)) << "another state's confirmation is no acknowledgement by X";
}

// 7: counter-indicators, including volunteers whose code is not X at all.
TEST_F(ClassifyTest, CounterIndicators) {
  Event unit = MakeEvent("UKRMIL", "190", "RUSMIL",
                         "The Kalinouski Regiment said its fighters fought Russian troops near Lysychansk.");
  EXPECT_TRUE(Has(unit, 7));
  EXPECT_FALSE(Has(unit, 2)) << "volunteers for the victim are not X's participation";
  Event volunteers = MakeEvent("UKRMIL", "190", "RUSMIL", "Belarusian volunteers fought Russian troops near Irpin.");
  EXPECT_TRUE(Has(volunteers, 7));
  Event opposition = MakeEvent("BLROPP", "111", "RUS", "Tsikhanouskaya condemned the Russian invasion of Ukraine.");
  EXPECT_TRUE(Has(opposition, 7));
  EXPECT_FALSE(Has(opposition, 5));
  Event talks = MakeEvent("BLRGOV", "043", "UKRGOV", "Belarus hosted talks between Russia and Ukraine.");
  EXPECT_TRUE(Has(talks, 7));
  Event statement = MakeEvent("BLRMIL", "190", "UKR", "Belarusian troops would not enter Ukraine.");
  statement.modality = Modality::kNegated;
  EXPECT_TRUE(Has(statement, 7));
}

// 8: the international response, where X is the target.
TEST_F(ClassifyTest, InternationalResponse) {
  Event sanctions = MakeEvent("IGOEUREEC", "163", "BLR", "The European Union imposed sanctions on Belarus.");
  EXPECT_TRUE(Has(sanctions, 8));
  Event deplore = MakeEvent("IGOUNO", "111", "BLR",
                            "The General Assembly deplored the involvement of Belarus in the use of force.");
  EXPECT_TRUE(Has(deplore, 8));
  Event accuse = MakeEvent("UKRGOV", "112", "BLRGOV", "Ukrainian officials accused Belarus of helping Russia.");
  EXPECT_TRUE(Has(accuse, 8));
  Event repression = MakeEvent("BLRCOP", "173", "BLRCVL", "Belarusian police detained protesters.");
  EXPECT_FALSE(Has(repression, 8)) << "X acting on its own citizens is not a response to X";
}

// Coders sometimes take the wrong actors; the sentence still says where forces came from.
TEST_F(ClassifyTest, SentenceLevelTerritoryAndVolunteerKeywords) {
  Event columns = MakeEvent("BLR", "150", "UKRGOV",
                            "Long columns of Russian equipment were seen moving from Belarus towards Kyiv.");
  EXPECT_TRUE(Has(columns, 1));
  Event no_aggressor = MakeEvent("BLR", "150", "UKRGOV", "Columns were seen moving from Belarus towards Kyiv.");
  std::vector<Match> m = Classify(no_aggressor, x_, conflict_, rules_);
  for (const Match& k : m) EXPECT_NE(k.rule->id, "territory.sentence") << "and_keywords needs the aggressor named";
  Event serving = MakeEvent("BLR", "190", "UKR", "Twenty Belarusians serving in Ukraine were killed in combat.");
  EXPECT_FALSE(Has(serving, 2)) << "not_keywords keep volunteers out of participation";
  EXPECT_TRUE(Has(serving, 7));
}

TEST_F(ClassifyTest, UnrelatedEventsMatchNothing) {
  EXPECT_TRUE(Categories(MakeEvent("FRAGOV", "042", "DEUGOV", "Macron visited Berlin.")).empty());
  EXPECT_TRUE(Categories(MakeEvent("RUSMIL", "190", "UKRMIL", "Russian troops shelled Kharkiv.")).empty());
  EXPECT_TRUE(Categories(Event{}).empty());
}

TEST_F(ClassifyTest, BucketsKeepNegatedAndHypotheticalApart) {
  Event e = MakeEvent("BLRMIL", "190", "UKR", "x");
  EXPECT_EQ(BucketOf(e), Bucket::kAsserted);
  e.reported_by = "UKRGOV";
  EXPECT_EQ(BucketOf(e), Bucket::kReported);
  e.modality = Modality::kNegated;
  EXPECT_EQ(BucketOf(e), Bucket::kNegated);
  e.modality = Modality::kHypothetical;
  EXPECT_EQ(BucketOf(e), Bucket::kHypothetical);
}

TEST_F(ClassifyTest, KeywordsNeedWholeWordsAndKnownPlaceholders) {
  Event e = MakeEvent("RUSMIL", "190", "UKR", "Russian troops attacked from Belarusia.");
  EXPECT_FALSE(Has(e, 1)) << "'from belarus' must not match inside 'belarusia'";
  Subject no_name{"BLR", "", ""};
  Event k = MakeEvent("UKRMIL", "190", "RUSMIL", "Belarusian volunteers fought Russian troops.");
  std::vector<Match> m = Classify(k, no_name, conflict_, rules_);
  // The Belarusian Volunteer Corps group still names it; the {x_adj} keyword rule is disabled.
  ASSERT_FALSE(m.empty());
  EXPECT_EQ(m.back().rule->id, "counter.volunteer-unit");
}

// One Classifier classifies a report's events one after another: what it learnt of one sentence
// (its phrases, its sides) must not carry over to the next.
TEST_F(ClassifyTest, ClassifierReusedAcrossEventsAnswersAsIfFresh) {
  const std::vector<Event> events = {
      MakeEvent("RUSMIL", "195", "UKR", "Russian bombers fired missiles at Ukraine from Belarusian airspace."),
      MakeEvent("RUSMIL", "195", "UKR", "Russian bombers fired missiles at Ukraine."),
      MakeEvent("BLRMIL", "190", "UKR", "Belarusian troops attacked Ukrainian positions."),
      MakeEvent("UKRMIL", "190", "RUSMIL", "Belarusian volunteers fought Russian troops."),
      MakeEvent("FRAGOV", "042", "DEUGOV", "Macron visited Berlin."),
      MakeEvent("RUSMIL", "190", "UKR", "Russian troops attacked from Belarusia."),
      MakeEvent("RUSMIL", "042", "BLR", "Russian troops began arriving in Belarus."),
  };
  const Classifier classifier(rules_, conflict_, x_);
  for (int round = 0; round < 2; ++round) {
    for (const Event& e : events) {
      SCOPED_TRACE(e.sentence);
      const std::vector<Match> reused = classifier.Classify(e);
      const std::vector<Match> fresh = Classifier(rules_, conflict_, x_).Classify(e);
      ASSERT_EQ(reused.size(), fresh.size());
      for (size_t i = 0; i < reused.size(); ++i) {
        EXPECT_EQ(reused[i].category, fresh[i].category);
        EXPECT_EQ(reused[i].rule, fresh[i].rule);
        EXPECT_EQ(reused[i].contradicts, fresh[i].contradicts);
      }
    }
  }
  // The sentences differ in what they name, so the check above compares something.
  EXPECT_FALSE(classifier.Classify(events[0]).empty());
  EXPECT_TRUE(classifier.Classify(events[1]).empty());
}

// Phrases are first screened by the byte pairs of the sentence: a phrase of non-ASCII letters,
// or of one byte, is still found.
// A weapon system of X's ({x_weapon}) names X for the rule whose keywords use it, and Involves says
// so too; for a rule without it, the weapon names no one.
TEST_F(ClassifyTest, WeaponSystemsNameXOnlyForTheRuleThatUsesThem) {
  Subject x = x_;
  x.weapons = {"polonez"};
  Rule weapon_rule;
  weapon_rule.involves = {Involvement::kNamed};
  weapon_rule.keywords = {"{x_weapon}"};
  Rule name_rule;
  name_rule.involves = {Involvement::kNamed};
  name_rule.keywords = {"fired"};
  const Event e = MakeEvent("RUSMIL", "195", "UKR", "Russian crews fired Polonez rockets at Ukraine.");
  EXPECT_TRUE(Involves(weapon_rule, e, x, conflict_));
  EXPECT_TRUE(RuleMatches(weapon_rule, e, x, conflict_));
  EXPECT_FALSE(Involves(name_rule, e, x, conflict_));
  EXPECT_FALSE(RuleMatches(name_rule, e, x, conflict_));
}

TEST_F(ClassifyTest, KeywordScreenKeepsNonAsciiAndShortPhrases) {
  Subject x = x_;
  x.names = {"belarus", "беларусь"};
  Event e = MakeEvent("RUSMIL", "195", "UKR", "Russian bombers fired missiles at Ukraine from беларусь.");
  bool named = false;
  for (const Rule& r : rules_.rules) {
    if (std::find(r.involves.begin(), r.involves.end(), Involvement::kNamed) != r.involves.end())
      named = named || Involves(r, e, x, conflict_);
  }
  EXPECT_TRUE(named);
  Rule one;
  one.involves = {Involvement::kSource};
  one.keywords = {"x"};
  Event short_word = MakeEvent("BLRMIL", "190", "UKR", "Belarus says x marks the spot.");
  EXPECT_TRUE(RuleMatches(one, short_word, x_, conflict_));
  short_word.sentence = "Belarus says nothing.";
  EXPECT_FALSE(RuleMatches(one, short_word, x_, conflict_));
}

}  // namespace
}  // namespace dyad::analyze
