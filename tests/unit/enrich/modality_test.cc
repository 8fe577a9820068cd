// Modality of conditionals and readiness (docs/enrichment.md, "Modality"):
// a conditional attached to the main clause, before or after the verb, makes
// the event hypothetical; "ready to"/"prepared to"/"willing to" + action makes
// the action hypothetical; and the cases where neither may apply.
#include <gtest/gtest.h>

#include "enrich/attribution.h"
#include "test_util.h"

namespace dyad::enrich {
namespace {

using testing::One;
using testing::RunSentence;

struct Case {
  const char* sentence;
  const char* verb;
  const char* root;
  Modality modality;
};
void PrintTo(const Case& c, std::ostream* os) { *os << c.sentence << " [" << c.verb << "/" << c.root << "]"; }

class ConditionalModalityTest : public ::testing::TestWithParam<Case> {};

TEST_P(ConditionalModalityTest, ReadsTheCondition) {
  const Case& c = GetParam();
  Event e = One(c.sentence, c.verb, {}, testing::kDocDate, c.root);
  EXPECT_STREQ(ModalityName(e.modality), ModalityName(c.modality));
}

using M = Modality;
INSTANTIATE_TEST_SUITE_P(
    Attached, ConditionalModalityTest,
    ::testing::Values(
        // A conditional after the verb, in its clause.
        Case{"Belarus joins the war only if Ukrainian troops cross the border.", "joins", "19", M::kHypothetical},
        Case{"Minsk sends troops unless Kyiv withdraws its brigades.", "sends", "19", M::kHypothetical},
        Case{"Minsk supplies fuel to the army provided that Moscow pays for it.", "supplies", "07",
             M::kHypothetical},
        Case{"The army intervenes in case of an attack on the border.", "intervenes", "19", M::kHypothetical},
        // The clause a condition of extent or duration opens.
        Case{"Seoul may arm Kyiv depending on how far Pyongyang goes in supplying Moscow.", "supplying", "07",
             M::kHypothetical},
        Case{"The sanctions stay depending on whether Minsk sends more troops to the border.", "sends", "15",
             M::kHypothetical},
        Case{"Belarus fights alongside Russia, but only if attacked.", "fights", "19", M::kHypothetical},
        Case{"The brigade takes part in operations only in the case of direct aggression.", "takes", "19",
             M::kHypothetical},
        // A clausal conditional before the main clause.
        Case{"If Ukraine attacks, Belarus responds with force.", "responds", "19", M::kHypothetical},
        Case{"Minsk said that if Kyiv attacks, the army enters the war.", "enters", "19", M::kHypothetical},
        // The clause the conditional opens.
        Case{"The army is ready, meaning if Ukrainian troops threaten Belarus in any way.", "threaten", "13",
             M::kHypothetical},
        // Readiness is not the act, whatever the root (threats included).
        Case{"Minsk is ready to take part in operations in Ukraine.", "take", "13", M::kHypothetical},
        Case{"Minsk is ready to take part in operations in Ukraine.", "take", "19", M::kHypothetical},
        Case{"Belarusian troops are prepared to cross the border.", "cross", "19", M::kHypothetical},
        Case{"Minsk is ready to take part in operations in Ukraine.", "ready to", "13", M::kHypothetical},
        Case{"Belarus is willing to host more Russian missiles.", "host", "04", M::kHypothetical},
        Case{"Officials said the country is ready to participate in military operations only in the case of "
             "direct aggression.",
             "participate", "13", M::kHypothetical},
        // Warnings of future action stay hypothetical.
        Case{"Kyiv warned that Belarus could attack from the north.", "attack", "19", M::kHypothetical},
        Case{"Analysts warned that Minsk might send troops.", "send", "19", M::kHypothetical},
        // A pattern whose verb is the plan itself: the planned act is not done.
        Case{"Russia plans to deploy troops to Belarus.", "plans to deploy", "15", M::kHypothetical},
        Case{"Minsk is preparing to send fuel to the front.", "preparing to send", "07", M::kHypothetical},
        // An evasion asserts nothing of what it will not confirm.
        Case{"The minister has avoided confirming that Chadian troops entered Darfur.", "entered", "19",
             M::kHypothetical},
        Case{"Kampala declined to confirm that Ugandan units had crossed the border.", "crossed", "19",
             M::kHypothetical}));

INSTANTIATE_TEST_SUITE_P(
    NotHypothetical, ConditionalModalityTest,
    ::testing::Values(
        // A conditional in another sentence does not leak.
        Case{"Belarus attacked Ukraine. If Russia asks, it does so again.", "attacked", "19", M::kAsserted},
        // "if" = "whether" is no conditional; the question itself states nothing (hypothetical).
        Case{"Journalists asked if Belarusian troops crossed the border.", "crossed", "19", M::kHypothetical},
        Case{"Journalists asked if Belarusian troops crossed the border.", "asked", "01", M::kAsserted},
        Case{"Troops moved as if the border did not exist.", "moved", "19", M::kAsserted},
        // A precaution with a past-tense verb is a fact.
        Case{"Russia deployed troops to Belarus in case of an attack.", "deployed", "15", M::kAsserted},
        Case{"Russia sent troops to Belarus in case of unrest.", "sent", "15", M::kAsserted},
        // A noun-phrase "in the case of" opening the sentence is a topic, not a condition.
        Case{"In the case of Belarus, Russian troops crossed the border.", "crossed", "19", M::kAsserted},
        // The conditional opens another clause.
        Case{"Belarus hosts Russian troops, and if Ukraine attacks, Minsk responds.", "hosts", "04", M::kAsserted},
        Case{"Russia shells Kharkiv while Minsk says it joins only if attacked.", "shells", "19", M::kAsserted},
        // A conditional threat is an asserted threat.
        Case{"Russia threatened to strike Kyiv if Ukraine attacked Belarus.", "threatened", "13", M::kAsserted},
        Case{"Russia threatens Ukraine with strikes if it attacks Belarus.", "threatens", "13", M::kAsserted},
        // "even if" is concessive: the main clause holds.
        Case{"Belarus supplies fuel to Russia even if it denies it.", "supplies", "07", M::kAsserted},
        // A reporting verb is not made hypothetical by the condition it reports.
        Case{"Lukashenko says Belarus joins the war only if attacked.", "says", "01", M::kAsserted},
        // Negation unchanged.
        Case{"Belarus did not attack Ukraine.", "attack", "19", M::kNegated},
        Case{"Minsk refused to join the offensive.", "join", "19", M::kNegated},
        // A pledge or an intent coded from its own verb was made.
        Case{"Minsk pledged to send aid to Kyiv.", "pledged to send", "03", M::kAsserted},
        Case{"Kyiv plans to ask Minsk for talks.", "plans to ask", "02", M::kAsserted}));

TEST(ConditionalModalityTest, EachEventOfASentenceHasItsOwnModality) {
  // The speech act is asserted, the readiness and the condition hypothetical.
  auto c = RunSentence("Minsk said the army is ready to enter the war only if Kyiv attacks Belarus.",
                       {"said", "enter", "attacks"}, {}, testing::kDocDate, {"01", "19", "19"});
  EXPECT_EQ(c.events[0].modality, Modality::kAsserted);
  EXPECT_EQ(c.events[1].modality, Modality::kHypothetical);
  EXPECT_EQ(c.events[2].modality, Modality::kHypothetical);
}

}  // namespace
}  // namespace dyad::enrich
