// Text in, events out, through the facade with the bundled dictionaries: the general mechanisms of
// issue 9 (reported speech, modality of plans and denials). Every sentence here is our own wording,
// written for these tests; none comes from a gold file.
#include <set>
#include <memory>
#include <string>
#include <vector>

#include "bundled_engine.h"
#include "dyad/engine.h"
#include "gtest/gtest.h"

namespace dyad {
namespace {

struct Expected;

class EngineText : public BundledEngineTest {
 protected:
  // Each sentence must yield its event (ExpectEvent).
  static void ExpectEach(const std::vector<Expected>& cases);

  // An act the sentence must not yield: no event whose source starts with `source` and whose code
  // starts with `code` ("" = any code).
  struct Absent {
    const char* sentence;
    const char* source;
    const char* code;
  };
  static void ExpectNone(const std::vector<Absent>& cases);

  static std::vector<Event> Code(const std::string& text, const char* date = "2024-05-01") { return CodeDated(text, date); }

  static std::string Describe(const std::vector<Event>& events) {
    std::string out;
    for (const Event& e : events)
      out += "  " + e.source + " " + e.event_code + " " + e.target + " " + ModalityName(e.modality) +
             " reported_by=" + e.reported_by + "\n";
    return out.empty() ? "  (no events)\n" : out;
  }

};

bool StartsWith(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

struct Expected {
  const char* sentence;
  const char* source;       // code prefix
  const char* code;         // CAMEO prefix
  const char* target;       // code prefix; "" = no target
  Modality modality;
  const char* reported_by;  // code prefix; "" = first-hand
};

// The event the sentence must yield (among others it may yield).
void ExpectEvent(const std::vector<Event>& events, const Expected& x, const std::string& all) {
  for (const Event& e : events) {
    if (StartsWith(e.source, x.source) && StartsWith(e.event_code, x.code) &&
        (*x.target ? StartsWith(e.target, x.target) : e.target.empty()) && e.modality == x.modality &&
        (*x.reported_by ? StartsWith(e.reported_by, x.reported_by) : e.reported_by.empty()))
      return;
  }
  ADD_FAILURE() << x.sentence << "\nexpected " << x.source << " " << x.code << " " << x.target << " "
                << ModalityName(x.modality) << " reported_by=" << x.reported_by << "\ngot:\n" << all;
}

void EngineText::ExpectEach(const std::vector<Expected>& cases) {
  for (const Expected& x : cases) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

void EngineText::ExpectNone(const std::vector<Absent>& cases) {
  for (const Absent& x : cases) {
    const auto events = Code(x.sentence);
    for (const Event& e : events)
      EXPECT_FALSE(StartsWith(e.source, x.source) && StartsWith(e.event_code, x.code))
          << x.sentence << "\n" << Describe(events);
  }
}

TEST_F(EngineText, TheContentOfReportedSpeechIsCodedWithTheSpeakerAsReporter) {
  for (const Expected& x : std::vector<Expected>{
           // "X said (that) C": the speaker reports C; C's own actors act in it.
           {"Warsaw said Minsk had delivered diesel to the Russian army.", "BLR", "07", "RUS", Modality::kAsserted, "POL"},
           {"Kyiv said that Minsk had supplied fuel to Russian troops.", "BLR", "07", "RUS", Modality::kAsserted, "UKR"},
           {"The Pentagon said North Korean troops had attacked Ukrainian positions.", "PRK", "19", "UKR",
            Modality::kAsserted, "USA"},
           // A body named in the speaker's phrase before the name is the speaker's, not the clause's
           // subject.
           {"White House spokesman John Kirby said Iran provided Russia with drones.", "IRN", "07", "RUS",
            Modality::kAsserted, "USA"},
           {"Kremlin spokesman Dmitry Peskov said Belarus had sent fuel to the Russian army.", "BLR", "07", "RUS",
            Modality::kAsserted, "RUS"},
           // "C, X said."
           {"Russian troops attacked Kherson overnight, the Ukrainian military said.", "RUS", "19", "UKR",
            Modality::kAsserted, "UKR"},
           // Negated content keeps its actors and is marked negated.
           {"Foreign Minister Sergei Lavrov said Moscow had not sold any fighter jets to Tehran.", "RUS", "06", "IRN",
            Modality::kNegated, "RUS"},
           {"The minister told reporters that China had not delivered weapons to Russia.", "CHN", "07", "RUS",
            Modality::kNegated, ""},
           // A denial with a gerund: the denier is the actor of what it denies.
           {"Iran denied supplying ballistic missiles to Russia.", "IRN", "07", "RUS", Modality::kNegated, "IRN"},
           // An accusation: the accused acts in what it is accused of; the accuser reports it.
           {"Seoul accused Pyongyang of shipping artillery shells to Moscow.", "PRK", "07", "RUS", Modality::kAsserted,
            "KOR"},
           // Denying a report is a denial of what it reports.
           {"Beijing dismissed reports that it had supplied drones to Russia.", "CHN", "07", "RUS", Modality::kNegated,
            "CHN"},
           {"Minsk rejected claims that Belarusian troops had crossed into Ukraine.", "BLR", "", "UKR",
            Modality::kNegated, "BLR"},
           // A clause the speaker fears or believes is reported; alone it names no target.
           {"Kyiv fears that Belarus might open a second front.", "BLR", "19", "", Modality::kHypothetical, "UKR"},
           // A passive accusation: the accused acts in what it is accused of, and accuses no one.
           {"Belarus has been accused of allowing Russian troops to use its territory.", "BLR", "06", "RUS",
            Modality::kAsserted, ""},
           {"Rwanda was accused by Kinshasa of sending soldiers into North Kivu.", "RWA", "15", "COD", Modality::kAsserted,
            "COD"},
           // Every way of rejecting an allegation denies what it alleges.
           {"Abu Dhabi refuted allegations that it had armed the Rapid Support Forces.", "ARE", "07", "SDN",
            Modality::kNegated, "ARE"},
           {"Tehran disputed accusations that it supplied drones to Moscow.", "IRN", "07", "RUS", Modality::kNegated,
            "IRN"},
           // A possessive pronoun opening the clause is the speaker's.
           {"Kigali denied that its soldiers were fighting in North Kivu.", "RWAMIL", "", "COD", Modality::kNegated,
            "RWA"},
           {"Minsk insisted that its troops had not crossed into Ukraine.", "BLR", "", "UKR", Modality::kNegated, "BLR"},
           // A pronoun subject of the reported clause is the speaker.
           {"The Houthis claimed they had fired missiles at an American destroyer.", "YEM", "19", "USA",
            Modality::kAsserted, "YEM"},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// The one sanctioned or thanked for its part or role in an act is that act's actor.
TEST_F(EngineText, ThePartOrRoleAReasonNamesIsTheObjectsAct) {
  ExpectEach({
      {"Washington sanctioned the Emirati firm for its role in supplying drones to the RSF.", "ARE", "07", "SDN",
       Modality::kAsserted, "USA"},
      {"Britain sanctioned Iranian generals for their role in transferring drones to Russia.", "IRN", "07", "RUS",
       Modality::kAsserted, "GBR"},
  });
}

// A text that says something ("a resolution demanding ...") is the one saying it; the sentence's
// subject only votes on it, unless it authors the text.
TEST_F(EngineText, ATextNotAuthoredIsNotTheVotersAct) {
  ExpectNone({
      {"North Korea voted against a resolution demanding that Russia withdraw.", "PRK", "10"},
      {"Belarus opposed a resolution demanding Russia's withdrawal from Ukraine.", "BLR", "10"},
  });
}

// People the dictionaries do not know as the subject ("Analysts noted ...") name no act of the actor
// their object names.
TEST_F(EngineText, UnknownPeopleAsSubjectLendNoActToTheirObject) {
  ExpectNone({
      {"Analysts noted the dispatch of Chadian troops to Sudan.", "TCD", "01"},
      {"Some researchers noted the presence of Iranian advisers in Yemen.", "IRN", "01"},
      // (Nor does evidence that records or shows: the footage investigates nothing.)
      {"Satellite images documented the arrival of North Korean shells in Russia.", "PRK", "09"},
      {"Footage documented the arrival of North Korean guns on the Russian side of the front.", "PRK", "09"},
  });
  // What the evidence shows is still coded: the arrival of the shells is their supply.
  ExpectEach({{"Satellite images documented the arrival of North Korean shells in Russia.", "PRK", "07", "RUS",
               Modality::kAsserted, ""}});
}

// What a reported clause with an unnamed subject gives someone names no act of the receiver's:
// "Kyiv said the company had shipped fuel to the Russian army" is no Russian supply.
TEST_F(EngineText, TheReceiverInAClauseWithAnUnnamedSubjectIsNoSource) {
  ExpectNone({
      {"Kyiv said the company had shipped fuel to the Russian army.", "RUS", ""},
      {"Khartoum said the airline had flown weapons to the Rapid Support Forces.", "SDNREB", ""},
  });
}

// An embargo named by what it bans or by who imposed it is a noun, no new embargo by the sentence's
// subject; a verb taking it as its object still imposes it. A statement by a speaker the
// dictionaries do not know ("the panel said") is no statement by an actor of what it says.
TEST_F(EngineText, AnEmbargoNamedIsNoNewEmbargo) {
  ExpectNone({
      {"Iran has flouted the UN embargo on the Houthis, the panel said.", "IRN", ""},
      {"Iranian weapons reached the Houthis despite the arms embargo on the group.", "IRN", ""},
  });
  const auto extended = Code("The UN Security Council extended the arms embargo on the Houthis.");
  EXPECT_TRUE(std::any_of(extended.begin(), extended.end(), [](const Event& e) {
    return StartsWith(e.source, "IGOUNO") && StartsWith(e.event_code, "163") && StartsWith(e.target, "YEM");
  })) << Describe(extended);
}

// The wounded of a casualty count ("300 killed and 2,700 wounded") are no attackers.
TEST_F(EngineText, TheWoundedOfACasualtyCountAreNoAttackers) {
  ExpectNone({
      {"Seoul said about 300 North Korean soldiers had been killed and 2,700 wounded in Kursk.", "PRK", "19"},
      {"Kyiv said 40 Russian soldiers had been killed and 100 wounded near Bakhmut.", "RUS", "19"},
  });
}

TEST_F(EngineText, TheSpeakerIsNeverTheSourceOrTargetOfWhatItReports) {
  for (const auto& [sentence, speaker] : std::vector<std::pair<const char*, const char*>>{
           {"Kyiv said Minsk had supplied fuel to the Russian army.", "UKR"},
           {"Warsaw said Belarusian helicopters had violated Lithuanian airspace.", "POL"},
           {"Ukraine's air force said Russian bombers launched cruise missiles at Odesa.", "UKRMIL"},
       }) {
    const auto events = Code(sentence);
    EXPECT_FALSE(events.empty()) << sentence;
    for (const Event& e : events) {
      EXPECT_FALSE(e.source == speaker || e.target == speaker) << sentence << "\n" << Describe(events);
    }
  }
}

TEST_F(EngineText, PlansPreparationsAndConditionsAreNotAsserted) {
  for (const Expected& x : std::vector<Expected>{
           {"China is preparing to supply Russia with drone engines.", "CHN", "07", "RUS", Modality::kHypothetical, ""},
           // A stated plan with an intent pattern is CAMEO's expression of intent (03x): the statement is the act.
           {"Tehran plans to send more drones to Moscow.", "IRN", "03", "RUS", Modality::kAsserted, ""},
           {"North Korea could send more soldiers to Russia.", "PRK", "", "RUS", Modality::kHypothetical, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

TEST_F(EngineText, APassiveVerbTakesItsSourceFromTheByPhrase) {
  for (const Expected& x : std::vector<Expected>{
           {"The border post was shelled by Russian artillery near Sumy.", "RUS", "19", "UKR", Modality::kAsserted, ""},
           {"The Houthis were supplied with rockets by Iran.", "IRN", "07", "YEM", Modality::kAsserted, ""},
           {"Artillery shells were shipped to Russia by North Korea.", "PRK", "07", "RUS", Modality::kAsserted, ""},
           {"Kinshasa was criticised by the African Union.", "IGOAFR", "11", "COD", Modality::kAsserted, ""},
           // The owner of what is delivered is its sender.
           {"North Korean shells were delivered to Russian units.", "PRK", "07", "RUS", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

TEST_F(EngineText, TheVictimOfAnAgentlessPassiveNeverActs) {
  // No one named did it: the victim is never the source, and the side it fought for never the target.
  for (const auto& [sentence, victim] : std::vector<std::pair<const char*, const char*>>{
           {"Dozens of Belarusian volunteers have been killed fighting for Ukraine.", "BLR"},
           {"Several North Korean soldiers were reportedly wounded.", "PRK"},
           {"Two Rwandan officers were captured.", "RWA"},
           {"Iran was condemned for its drone deliveries.", "IRN"},
       }) {
    const auto events = Code(sentence);
    for (const Event& e : events) {
      // (Fighting for Ukraine is their own act; being killed is not.)
      EXPECT_FALSE(StartsWith(e.source, victim) && e.root_code >= "11" && e.verb_text != "fighting")
          << sentence << "\n" << Describe(events);
    }
  }
  // The place where it happened stands for the unnamed perpetrator (PLOVER's convention).
  const auto events = Code("Three Chinese engineers were killed in Islamabad.");
  ExpectEvent(events, Expected{"Three Chinese engineers ...", "PAK", "", "CHN", Modality::kAsserted, ""},
              Describe(events));
  for (const Event& e : events) EXPECT_NE(e.source.substr(0, 3), "CHN") << Describe(events);
}

TEST_F(EngineText, APredicateBeforeAnInfinitiveIsNoPassive) {
  const auto events = Code("Minsk is determined to deploy more troops to the Ukrainian border.");
  ExpectEvent(events, Expected{"Minsk is determined ...", "BLR", "15", "UKR", Modality::kHypothetical, ""},
              Describe(events));
}

TEST_F(EngineText, AnAcronymEndingTheSentenceIsStillAnActor) {
  for (const Expected& x : std::vector<Expected>{
           {"Tehran condemned the sanctions imposed by the EU.", "IRN", "11", "IGOEU", Modality::kAsserted, ""},
           {"Sudan's army chief accused the UAE.", "SDN", "112", "ARE", Modality::kAsserted, ""},
           {"Moscow expelled two diplomats from the UK.", "RUS", "", "GBR", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

TEST_F(EngineText, AClauseBetweenCommasIsCodedWithTheActorItHangsOn) {
  for (const Expected& x : std::vector<Expected>{
           {"Hungary, which buys Russian gas, refused to send weapons to Kyiv.", "HUN", "", "RUS", Modality::kAsserted, ""},
           {"Tehran, which has shipped drones to Moscow, called for talks.", "IRN", "07", "RUS", Modality::kAsserted, ""},
           {"Kigali, by sending troops across the border, violated Congolese sovereignty.", "RWA", "", "COD",
            Modality::kAsserted, ""},
           {"By supplying fuel to the Russian army, Minsk took sides.", "BLR", "07", "RUS", Modality::kAsserted, ""},
           // (A long ", which ..." aside after an actor, whose report ends with it.)
           {"Uganda, which accuses Kinshasa of harbouring the rebels who attacked its border posts in the north, "
            "sent troops to Congo.", "UGA", "154", "COD", Modality::kAsserted, ""},
           {"Uganda, which accuses Kinshasa of harbouring the rebels who attacked its border posts in the north, "
            "sent troops to Congo.", "UGA", "112", "COD", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

TEST_F(EngineText, AClauseOpenedByAConjunctionAfterACommaIsNoAside) {
  for (const Expected& x : std::vector<Expected>{
           {"Slovakia stays neutral, but it sends ammunition to Ukraine.", "SVK", "07", "UKR", Modality::kAsserted, ""},
           {"Austria is no party to the war, although it delivers fuel to Ukraine.", "AUT", "07", "UKR",
            Modality::kAsserted, ""},
           {"Egypt kept quiet, while Turkey sold drones to Kyiv.", "TUR", "06", "UKR", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// After its opener ("while", "much as", "just as") a clause names its own subject: the previous
// clause's source does not carry over; "they" there names the nearest plural actor before it.
TEST_F(EngineText, AClauseAfterItsOpenerNamesItsOwnSubject) {
  for (const Expected& x : std::vector<Expected>{
           {"Iran supplies drones to Moscow, while North Korea ships shells to Russia.", "PRK", "07", "RUS",
            Modality::kAsserted, ""},
           {"Tehran sells drones to Moscow, just as North Korean officials sell shells to Russia.", "PRKGOV", "06", "RUS",
            Modality::kAsserted, ""},
           {"Minsk is no party to the war, just as NATO members are not at war although they send arms to Kyiv.",
            "IGOWSTNAT", "07", "UKR", Modality::kAsserted, ""},
           {"Moldova stays neutral, much as NATO members take no part in the fighting although they ship shells to Ukraine.",
            "IGOWSTNAT", "07", "UKR", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
    for (const Event& e : events)
      EXPECT_FALSE(e.target.compare(0, 3, "UKR") == 0 && (e.source == "BLR" || e.source == "BLRGOV" || e.source == "MDA"))
          << x.sentence << "\n" << Describe(events);
  }
}

// An attack that is feared has not happened.
TEST_F(EngineText, FearedAttacksAreHypothetical) {
  for (const Expected& x : std::vector<Expected>{
           {"Officials were worried about a new offensive from Belarusian territory.", "BLR", "19", "",
            Modality::kHypothetical, ""},
           {"Lithuania fears an incursion from Belarus.", "BLR", "19", "", Modality::kHypothetical, "LTU"},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// Joining another state's offensive or war is military cooperation with it (062), never force
// against it (nor against a place in its land); repelling its offensive is force against it.
TEST_F(EngineText, JoiningAnAllysOffensiveIsCooperationWithIt) {
  for (const Expected& x : std::vector<Expected>{
           {"Belarusian troops could join Russia's offensive.", "BLRMIL", "062", "RUS", Modality::kHypothetical, ""},
           {"North Korean units joined Russia's offensive in Kursk.", "PRKMIL", "062", "RUS", Modality::kAsserted, ""},
           {"Belarusian troops could be merged into Russia's ground offensive.", "BLRMIL", "062", "RUS",
            Modality::kHypothetical, ""},
           {"Belarusian troops joined Russia's offensive against Kyiv.", "BLRMIL", "19", "UKR", Modality::kAsserted, ""},
           {"Ukraine repelled Russia's offensive.", "UKR", "19", "RUS", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  for (const char* sentence : {"North Korean units joined Russia's offensive in Kursk.",
                               "North Korean soldiers took part in Russia's assault on Sudzha."})
    for (const Event& e : Code(sentence))
      EXPECT_FALSE(e.root_code == "19" && e.target.compare(0, 3, "RUS") == 0) << sentence << "\n" << Describe(Code(sentence));
}

// "denied any link / role / involvement": a denial (016), whatever the sentence names after it.
TEST_F(EngineText, DenyingAnyLinkOrRoleIsADenial) {
  for (const Expected& x : std::vector<Expected>{
           {"An Iranian spokesman rejected any link between Tehran and the attacks at sea.", "IRNGOV", "016", "",
            Modality::kAsserted, ""},
           {"Minsk denied all involvement in the strikes.", "BLRGOV", "016", "", Modality::kAsserted, ""},
           {"Kampala disclaimed any responsibility for the rebels' advance.", "UGAGOV", "016", "", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// Two parties signing in a witness's presence, or under a go-between, sign with each other.
TEST_F(EngineText, AWitnessOrGoBetweenIsNoCounterparty) {
  for (const Expected& x : std::vector<Expected>{
           {"Armenia and Azerbaijan signed a peace deal in the presence of the American president.", "ARM", "057", "AZE",
            Modality::kAsserted, ""},
           {"Kigali's envoy and his Congolese counterpart signed the accord in Washington in the presence of Secretary of State Marco Rubio.",
            "RWA", "057", "COD", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// Two forces named with their agent nouns act together; a place in one member's own country is
// where they acted; their joint operations are their military cooperation.
TEST_F(EngineText, CompoundForcesActTogetherInTheirOwnCountry) {
  for (const Expected& x : std::vector<Expected>{
           {"Russian troops and Belarusian soldiers attacked Ukrainian positions.", "BLRMIL", "19", "UKR",
            Modality::kAsserted, ""},
           {"Uganda and Congo launched joint operations against the ADF in Ituri.", "UGA", "062", "COD",
            Modality::kAsserted, ""},
           {"Ugandan and Congolese forces conducted a joint offensive against ADF rebels.", "UGA", "062", "COD",
            Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  const auto ituri = Code("Ugandan troops and the Congolese army attacked rebel camps in Ituri.");
  for (const Event& e : ituri)
    EXPECT_FALSE(e.source.compare(0, 3, "UGA") == 0 && e.target.compare(0, 3, "COD") == 0) << Describe(ituri);
}

// Force used somewhere against someone: the place is no target when "against" names one.
TEST_F(EngineText, HostilityInAPlaceAgainstAnActorTargetsTheActor) {
  for (const Expected& x : std::vector<Expected>{
           {"Kenyan troops fought in Somalia against al-Shabaab.", "KENMIL", "19", "SOMINS", Modality::kAsserted, ""},
           {"Ugandan troops are fighting in Congo against the Allied Democratic Forces.", "UGAMIL", "19", "UGAREB",
            Modality::kAsserted, ""},
           // ("against" inside the object's noun phrase leaves the object the target)
           {"France condemned Iran's role in the war against Ukraine.", "FRA", "11", "IRN", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

TEST_F(EngineText, ToArmSomeoneIsToSupplyItWithWeapons) {
  for (const Expected& x : std::vector<Expected>{
           {"Tehran arms Hezbollah.", "IRN", "072", "LBN", Modality::kAsserted, ""},
           {"Egypt has armed the Sudanese army with drones.", "EGY", "072", "SDNMIL", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  // "armed" as an adjective arms no one.
  for (const char* sentence : {"Heavily armed Russian troops attacked Kharkiv.", "Armed men attacked a Ukrainian checkpoint."}) {
    for (const Event& e : Code(sentence)) EXPECT_NE(e.event_code, "072") << sentence;
  }
}

TEST_F(EngineText, TheSideOneFightsForIsAnAllyNotTheTarget) {
  for (const Expected& x : std::vector<Expected>{
           {"Georgian volunteers fought for Ukraine near Bakhmut.", "GEO", "19", "", Modality::kAsserted, ""},
           {"Ugandan troops fought alongside Congolese soldiers against the M23.", "UGA", "19", "CODREB",
            Modality::kAsserted, ""},
           {"Chechen fighters are fighting on Moscow's side.", "RUS", "19", "", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

TEST_F(EngineText, AStatedReadinessToUseForceIsAThreatOfForce) {
  for (const Expected& x : std::vector<Expected>{
           {"Minsk is ready to take part in combat operations against Ukraine.", "BLR", "138", "UKR",
            Modality::kHypothetical, ""},
           {"Pyongyang is willing to participate in military operations in Ukraine.", "PRK", "138", "UKR",
            Modality::kHypothetical, ""},
           // Readiness to talk or help stays an expression of intent.
           {"Tehran is ready to negotiate with Washington.", "IRN", "03", "USA", Modality::kHypothetical, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

TEST_F(EngineText, TheWarTheDocumentTellsIsTheTargetOfTakingPartInIt) {
  // "the invasion" points back to the invasion the document has told of.
  auto events = Code("Russian forces invaded Ukraine in 2022. Belarusian officers later took part in the invasion.");
  ExpectEvent(events, Expected{"... took part in the invasion.", "BLR", "19", "UKR", Modality::kAsserted, ""},
              Describe(events));
  events = Code("Azerbaijan attacked Armenia in 2022. Turkish drones were reportedly used in the offensive.");
  for (const Event& e : events) EXPECT_NE(e.source.substr(0, 3), "ARM") << Describe(events);
  // A war named with its object is that war; no earlier war means no target.
  events = Code("Chechen volunteers took part in the fighting.");
  ExpectEvent(events, Expected{"Chechen volunteers ...", "RUS", "19", "", Modality::kAsserted, ""}, Describe(events));
  // Denied or refused participation is coded, negated: a state's word that its troops stay out is evidence.
  for (const char* later : {"Kazakh soldiers did not fight in the war.", "Kazakh officers would not take part in the invasion.",
                            "Kazakh units have never fought in the war."}) {
    events = Code(std::string("Russian forces invaded Ukraine in 2022. ") + later);
    ExpectEvent(events, Expected{later, "KAZ", "19", "UKR", Modality::kNegated, ""}, Describe(events));
  }
  // A description of others ("countries not taking part in the war") is no event.
  events = Code("Russian forces invaded Ukraine in 2022. Arms came from NATO countries not taking part in the war.");
  for (const Event& e : events) EXPECT_NE(e.sentence_index == 1 ? e.event_code.substr(0, 2) : "", "19") << Describe(events);
}

// Taking part in a named operation of the war: its object is the target; scare quotes do not cut
// the sentence.
TEST_F(EngineText, TakingPartInAnOperationTargetsItsObject) {
  for (const Expected& x : std::vector<Expected>{
           {"Belarusian officers participated in the siege of Mariupol.", "BLR", "19", "UKR", Modality::kAsserted, ""},
           {"Chadian fighters took part in the recapture of El Fasher.", "TCD", "19", "SDN", Modality::kAsserted, ""},
           {"Belarusian officers took part in the \"liberation\" of Mariupol.", "BLR", "19", "UKR", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  // The ruling party speaks for its state.
  const auto party = Code("Pyongyang sent soldiers to Russia in 2024. In April the ruling party said North Korean troops had "
                          "taken part in the \"liberation\" of Kursk.");
  ExpectEvent(party, {"the ruling party said", "PRK", "19", "RUS", Modality::kAsserted, "PRKGOV"}, Describe(party));
}

// A participle of speech after the main clause ("..., accusing X of ...", "... urging X to ...") is
// the main clause's subject's act too; what it accuses of is not coded from it.
TEST_F(EngineText, AParticipleOfSpeechIsTheSubjectsActToo) {
  for (const Expected& x : std::vector<Expected>{
           {"Kyiv sent a letter to the UN accusing Minsk of aiding Russia.", "UKR", "112", "BLR", Modality::kAsserted, ""},
           {"Khartoum recalled its ambassador from Abu Dhabi, blaming the Emirates for the siege.", "SDN", "112", "ARE",
            Modality::kAsserted, ""},
           {"Washington imposed new sanctions on Tehran, urging Iran to stop arming Russia.", "USA", "02", "IRN",
            Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  for (const Event& e : Code("Sudan severed relations with the UAE, accusing Abu Dhabi of supplying drones to the RSF."))
    EXPECT_FALSE(StartsWith(e.source, "ARE") && e.modality == Modality::kAsserted && e.reported_by.empty()) << e.event_code;
  // "by accusing" is the means of the main act, coded as before.
  const auto by = Code("Belarus angered Kyiv by accusing it of provocations.");
  ExpectEvent(by, {"by accusing", "BLR", "112", "UKR", Modality::kAsserted, ""}, Describe(by));
}

// A speaker is never the subject of what it reports, even when that subject is no actor the
// dictionaries know ("a company", "another firm"): the supplier stays unnamed.
TEST_F(EngineText, TheSpeakerIsNotTheUnnamedSubjectOfItsReport) {
  for (const char* sentence : {"Kyiv said a company had shipped fuel to the Russian army.",
                               "Vilnius said another firm had sold drone engines to Russian forces.",
                               "Warsaw said a trader had delivered diesel to the Russian military."}) {
    for (const Event& e : Code(sentence)) {
      EXPECT_FALSE(e.source == e.reported_by && !e.source.empty()) << sentence << "\n" << Describe(Code(sentence));
      EXPECT_FALSE(e.event_code.starts_with("0") && e.event_code != "010" && !e.source.empty() &&
                   (StartsWith(e.source, "UKR") || StartsWith(e.source, "LTU") || StartsWith(e.source, "POL")))
          << sentence << "\n" << Describe(Code(sentence));
    }
  }
  // A named subject is still the one acting.
  const auto named = Code("Kyiv said Minsk had supplied fuel to the Russian army.");
  ExpectEvent(named, {"Minsk had supplied", "BLR", "07", "RUS", Modality::kAsserted, "UKR"}, Describe(named));
}

// Force has its subject before the verb: what an active verb of force struck is never the one who
// struck ("the missile that struck Zaporizhzhia" names no Ukrainian attack), and a weapon's maker
// named after the verb is not its target.
TEST_F(EngineText, WhatAnActiveVerbOfForceStruckNeverStrikes) {
  for (const char* sentence : {"Kyiv said the missile that struck Zaporizhzhia was a North Korean KN-23.",
                               "The drone that hit Odesa's port was an Iranian Shahed, officials said."}) {
    for (const Event& e : Code(sentence))
      EXPECT_FALSE(e.event_code.starts_with("19") && StartsWith(e.source, "UKR")) << sentence << "\n" << Describe(Code(sentence));
  }
  const auto named = Code("Russian missiles that struck Kyiv killed five people.");
  ExpectEvent(named, {"struck", "RUS", "19", "UKR", Modality::kAsserted, ""}, Describe(named));
}

// A plain verb form right after a noun's "of" is a noun ("the flow of support to the RSF"); a
// gerund after "of" stays a verb ("accused of supplying").
TEST_F(EngineText, APlainFormAfterANounsOfIsANoun) {
  for (const char* sentence : {"Chadian officers resented the flow of support to the RSF.",
                               "Kenyan diplomats questioned the level of support for the RSF."}) {
    for (const Event& e : Code(sentence)) EXPECT_FALSE(e.event_code.starts_with("05")) << sentence << "\n" << Describe(Code(sentence));
  }
  // A munition named by its weapon is a noun: "artillery shells", "mortar bombs".
  for (const char* sentence : {"Iranian deliveries of artillery shells to Russia rose sharply.",
                               "Belarus sold mortar bombs and tank rounds to Russian forces."}) {
    for (const Event& e : Code(sentence)) EXPECT_FALSE(e.event_code.starts_with("19")) << sentence << "\n" << Describe(Code(sentence));
  }
  const auto gerund = Code("Washington accused Tehran of supplying drones to Russia.");
  ExpectEvent(gerund, {"of supplying", "IRN", "07", "RUS", Modality::kAsserted, "USA"}, Describe(gerund));
}

TEST_F(EngineText, AStatementAboutOnesOwnCountrysDoingHasNoTarget) {
  for (const Expected& x : std::vector<Expected>{
           {"Putin acknowledged Russia's losses in the war.", "RUS", "015", "", Modality::kAsserted, ""},
           {"Kagame admitted the country's role in the crisis.", "RWA", "015", "", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

TEST_F(EngineText, TerritoryPlacedAtAnothersDisposalIsMilitaryCooperation) {
  for (const Expected& x : std::vector<Expected>{
           {"Minsk made its airfields available to Russian bombers.", "BLR", "062", "RUS", Modality::kAsserted, ""},
           {"Tajikistan lent its airspace to the US air force.", "TJK", "062", "USA", Modality::kAsserted, ""},
           {"Belarus, by offering its territory for use, became complicit.", "BLR", "062", "", Modality::kAsserted, ""},
           {"By placing its railways at Russia's disposal, Belarus took sides.", "BLR", "062", "RUS",
            Modality::kAsserted, ""},
           {"The lawyer said that by lending its airspace to Russian bombers, Belarus broke its promises.", "BLR",
            "062", "RUS", Modality::kAsserted, ""},
           {"Kazakhstan refused to make its territory available to Russia.", "KAZ", "062", "RUS", Modality::kNegated,
            ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

TEST_F(EngineText, EnteringAWarIsFighting) {
  for (const Expected& x : std::vector<Expected>{
           {"Hungary could be drawn into the war.", "HUN", "190", "", Modality::kHypothetical, ""},
           {"Moldova may yet become a party to the conflict against Russia.", "MDA", "190", "RUS",
            Modality::kHypothetical, ""},
           {"Pyongyang entered the war against Ukraine in late 2024.", "PRK", "190", "UKR", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

TEST_F(EngineText, AReportNamingNoPairIsTheSpeakersStatementToNoOne) {
  for (const Expected& x : std::vector<Expected>{
           {"The Kyiv Independent reported that food prices had doubled in Kherson.", "UKR", "010", "",
            Modality::kAsserted, ""},
           {"The outlet Zerkalo wrote that the number of Belarusian exiles had doubled since 2020.", "BLR", "010", "",
            Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

TEST_F(EngineText, VocabularyByClass) {
  for (const Expected& x : std::vector<Expected>{
           // Acknowledging: "concede that" like "admit", "acknowledge"; about one's own country, to no one.
           {"Erdogan conceded that Turkey had made mistakes.", "TUR", "015", "", Modality::kAsserted, ""},
           // Keeping or maintaining forces and nuclear arms somewhere is force posture.
           {"Moscow has maintained nuclear warheads in Kaliningrad for years.", "RUS", "15", "RUS",
            Modality::kAsserted, ""},
           {"Washington keeps troops in Syria.", "USA", "154", "SYR", Modality::kAsserted, ""},
           // Handing weapons or equipment to someone is military aid.
           {"Poland handed tanks to Ukraine.", "POL", "072", "UKR", Modality::kAsserted, ""},
           {"Slovakia handed over equipment to the Ukrainian army.", "SVK", "072", "UKR", Modality::kAsserted, ""},
           // Joining military action or the invasion is fighting.
           {"Chad joined the military action against the rebels in Mali.", "TCD", "190", "MLI", Modality::kAsserted, ""},
           {"Several Chechen units had taken part in the offensive.", "RUS", "190", "", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  // The dead of a battle did not use force.
  for (const Event& e : Code("Thirty Colombians died in combat in eastern Ukraine."))
    EXPECT_NE(e.source.substr(0, 3), "COL") << e.event_code;
}

TEST_F(EngineText, WhatIsReceivedFromSomeoneWasGivenByThem) {
  for (const Expected& x : std::vector<Expected>{
           // receive / get X from Y: Y gives X to the receiver, whatever X is.
           {"Russia received training from Iran.", "IRN", "062", "RUS", Modality::kAsserted, ""},
           {"Mali's junta received military advisers from Russia.", "RUS", "062", "MLI", Modality::kAsserted, ""},
           {"Moscow got artillery shells from Pyongyang.", "PRK", "072", "RUS", Modality::kAsserted, ""},
           {"Yemen got arms and ammunition from Iran.", "IRN", "072", "YEM", Modality::kAsserted, ""},
           {"Russia received logistical support from Belarus.", "BLR", "070", "RUS", Modality::kAsserted, ""},
           // Lists of what is given, with gerunds and a comma, stay one object.
           {"The M23 receives weapons, training and logistical support from Rwanda.", "RWA", "07", "CODREB",
            Modality::kAsserted, ""},
           {"Russia received weapons and support from Iran.", "IRN", "072", "RUS", Modality::kAsserted, ""},
           {"Iran sent arms and ammunition to Yemen.", "IRN", "072", "YEM", Modality::kAsserted, ""},
           // A visitor from a state is hosted.
           {"Putin received a delegation from Iran.", "RUS", "043", "IRN", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  // The receiver never acts on the giver, and a letter is no visit.
  for (const char* sentence : {"Russia received training from Iran.", "Russia received a letter from Ukraine."})
    for (const Event& e : Code(sentence)) EXPECT_NE(e.source.substr(0, 3), "RUS") << sentence << " " << e.event_code;
}

TEST_F(EngineText, LabellingAStateAnAggressorIsAnAccusation) {
  for (const Expected& x : std::vector<Expected>{
           {"Lithuania regards Belarus as a party to the war.", "LTU", "112", "BLR", Modality::kAsserted, ""},
           {"Ukraine called Russia an aggressor.", "UKR", "112", "RUS", Modality::kAsserted, ""},
           {"Latvia's parliament treats Minsk as an accomplice of Moscow.", "LVA", "112", "BLR", Modality::kAsserted, ""},
           // An appeal to label a state is an appeal, not the appellant's label.
           {"The European Parliament called on the EU to treat Belarus as a co-aggressor.", "IGOEUREEC", "02", "BLR",
            Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  for (const Event& e : Code("The European Parliament called on the EU to treat Belarus as a co-aggressor."))
    EXPECT_NE(e.source.substr(0, 3), "BLR") << e.event_code;
}

TEST_F(EngineText, ForcesPresentSomewhereAreStationedThere) {
  for (const Expected& x : std::vector<Expected>{
           {"Russian troops remained in Belarus.", "RUS", "154", "BLR", Modality::kAsserted, ""},
           {"North Korean soldiers stayed in Russia.", "PRK", "154", "RUS", Modality::kAsserted, ""},
           {"Iranian instructors were in occupied Crimea.", "IRN", "154", "UKR", Modality::kAsserted, ""},
           {"Rwandan soldiers are present in North Kivu.", "RWA", "154", "COD", Modality::kAsserted, ""},
           {"Some 4,000 Rwandan troops are operating in eastern Congo.", "RWA", "154", "COD", Modality::kAsserted, ""},
           {"Kigali denied that Rwandan troops were in Congo.", "RWA", "154", "COD", Modality::kNegated, "RWA"},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  // A leader's stay is a visit, not a deployment.
  for (const Event& e : Code("Lukashenko stayed in Moscow for two days.")) EXPECT_NE(e.event_code, "154");
}

TEST_F(EngineText, StrikesAndRaidsCarriedOutOnSomeone) {
  for (const Expected& x : std::vector<Expected>{
           // A counted or launched "strikes" is a noun: the attack on whoever follows "on".
           {"The United States carried out hundreds of strikes on Houthi targets in Yemen.", "USA", "19", "YEM",
            Modality::kAsserted, ""},
           {"Israel launched several strikes on Hezbollah positions in Lebanon.", "ISR", "19", "LBN", Modality::kAsserted, ""},
           {"Russia conducted new strikes on Kharkiv.", "RUS", "19", "UKR", Modality::kAsserted, ""},
           {"Britain joined US strikes on Houthi targets.", "GBR", "19", "YEM", Modality::kAsserted, ""},
           // The broker of a ceasefire is not a party to it.
           {"Lebanon accepted a U.S.-brokered ceasefire with Israel.", "LBN", "08", "ISR", Modality::kAsserted, ""},
           // The owner or flag of a ship that is attacked is the target.
           {"The Houthis attacked a Greek-owned tanker in the Red Sea.", "YEM", "19", "GRC", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  for (const char* sentence : {"The United States carried out hundreds of strikes on Houthi targets in Yemen.",
                               "Lebanon accepted a U.S.-brokered ceasefire with Israel.", "Teachers joined strikes in France."})
    for (const Event& e : Code(sentence)) {
      EXPECT_NE(e.event_code.substr(0, 2), "14") << sentence;  // no labour strike
      EXPECT_NE(e.target, "USA") << sentence;
    }
}

// The maker of a weapon used in force is never its target, however many words name the model;
// it supplied the user.
TEST_F(EngineText, TheMakerOfAWeaponUsedIsItsSupplierNotItsTarget) {
  for (const char* sentence : {"Armenian forces are using Indian Pinaka rocket launchers near the border.",
                               "Russian forces used Iranian Shahed-136 drones against power plants."}) {
    const auto events = Code(sentence);
    for (const Event& e : events) {
      EXPECT_FALSE(e.target.starts_with("IND") || e.target.starts_with("IRN")) << sentence << "\n" << Describe(events);
    }
  }
  const auto events = Code("Armenian forces are using Indian Pinaka rocket launchers near the border.");
  ExpectEvent(events, {"Armenian forces are using Indian Pinaka rocket launchers near the border.", "IND", "072", "ARM", Modality::kAsserted, ""}, Describe(events));
}

// A plural possessive keeps its apostrophe and still names its actor.
TEST_F(EngineText, APluralPossessiveNamesItsActor) {
  for (const Expected& x : std::vector<Expected>{
           {"Iran praised the Houthis' attacks on shipping.", "IRN", "051", "YEMREB", Modality::kAsserted, ""},
           {"The Houthis' leader thanked Tehran for its help.", "YEMREB", "051", "IRN", Modality::kAsserted, ""},
           {"Russia praised the Americans' decision to pause aid.", "RUS", "051", "USA", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// A plural form right after a participle is a noun ("guided bombs", "armoured vehicles"): the
// finding of supplied bombs is no bombing, and bombs dropped on a city are.
TEST_F(EngineText, APluralAfterAParticipleIsANoun) {
  for (const char* sentence : {"Chinese-made guided bombs supplied by the Emirates were found in Khartoum.",
                               "Serbian-made guided bombs sold by Belgrade were found in Tripoli."})
    for (const Event& e : Code(sentence)) EXPECT_NE(e.root_code, "19") << sentence << "\n" << Describe(Code(sentence));
  for (const Expected& x : std::vector<Expected>{
           {"Russian jets dropped guided bombs on Kharkiv.", "RUS", "195", "UKR", Modality::kAsserted, ""},
           {"Turkish jets dropped unguided bombs on villages in northern Syria.", "TUR", "195", "SYR", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// A plural verb form after a quantifier and an actor is a noun: "for further Houthi attacks" names
// no attack on the state named before it.
TEST_F(EngineText, APluralAfterAQuantifierAndAnActorIsANoun) {
  for (const char* sentence : {"Iran would be held accountable for further Houthi attacks.",
                               "Minsk will answer for any Russian strikes."})
    for (const Event& e : Code(sentence)) EXPECT_NE(e.root_code, "19") << sentence << "\n" << Describe(Code(sentence));
  const Expected x{"Several Russian units attack Kupiansk every day.", "RUSMIL", "190", "UKR", Modality::kAsserted, ""};
  const auto events = Code(x.sentence);
  ExpectEvent(events, x, Describe(events));
}

TEST_F(EngineText, WeaponsGivenInThePassive) {
  // Every verb of giving weapons works in the passive, with the giver after "by".
  for (const Expected& x : std::vector<Expected>{
           {"Drones were smuggled to the Houthis by Iran.", "IRN", "072", "YEM", Modality::kAsserted, ""},
           {"Weapons were flown to the RSF by the UAE.", "ARE", "072", "SDNREB", Modality::kAsserted, ""},
           {"Armoured vehicles had been re-exported to the RSF by the UAE.", "ARE", "06", "SDNREB", Modality::kAsserted, ""},
           {"Shells were funnelled to Russia by North Korea.", "PRK", "072", "RUS", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  // No giver named and no owner before the verb: no event (the receiver or a transit state never gives).
  for (const char* sentence : {"Weapons were funnelled to the RSF through Chad.", "Drones were delivered to Russia via Belarus."})
    EXPECT_TRUE(Code(sentence).empty()) << sentence << "\n" << Describe(Code(sentence));
  // A state that leads forces acts through them.
  ExpectEvent(Code("Saudi-led forces attacked Houthi positions."),
              {"Saudi-led forces attacked ...", "SAU", "19", "YEM", Modality::kAsserted, ""},
              Describe(Code("Saudi-led forces attacked Houthi positions.")));
}

TEST_F(EngineText, APassiveGiftWithAGiverAndNoReceiverAndAClauseAfterIt) {
  // A giver after "by" and no receiver: the gift is coded with no target, like its active form.
  for (const char* sentence : {"Attack drones were also supplied by Tehran.", "More artillery shells were sent by Pyongyang last month."}) {
    const auto events = Code(sentence);
    ASSERT_EQ(events.size(), 1u) << sentence << "\n" << Describe(events);
    EXPECT_EQ(events[0].event_code.substr(0, 2), "07") << sentence;
    EXPECT_EQ(events[0].target, "") << sentence;
  }
  // ", and" before an actor and its verb opens a clause: that actor is no second giver.
  for (const char* sentence : {"Drones were supplied to Moscow by Tehran, and Ukrainian troops shot one down near Odesa.",
                               "Cruise missiles were delivered by Iran, and Kyiv said it had recovered parts."}) {
    const auto events = Code(sentence);
    for (const Event& e : events)
      if (e.event_code.starts_with("07")) {
        EXPECT_EQ(e.source.substr(0, 3), "IRN") << sentence << "\n" << Describe(events);
      }
  }
  // With no comma the actors after "by" stay one list of givers.
  const auto both = Code("Drones were supplied to Moscow by Tehran and Minsk.");
  int givers = 0;
  for (const Event& e : both) givers += e.event_code.starts_with("07") && e.target.starts_with("RUS");
  EXPECT_EQ(givers, 2) << Describe(both);
}

TEST_F(EngineText, AReportedListOfActorsActsAsAWhole) {
  // Every member of a reported subject acts, not only the one next to the verb.
  for (const char* sentence : {"Belarus said Russia and Iran attacked Ukraine.",
                               "Officials in Kyiv say Moscow and Minsk attacked Ukrainian border posts."}) {
    const auto events = Code(sentence);
    std::set<std::string> sources;
    for (const Event& e : events)
      if (e.event_code.starts_with("19")) sources.insert(e.source.substr(0, 3));
    EXPECT_EQ(sources.size(), 2u) << sentence << "\n" << Describe(events);
  }
}

TEST_F(EngineText, APlaceHeldByAnActorStandsForItsHolder) {
  // What is sent to a held place goes to whoever holds it, not to the place's country.
  for (const Expected& x : std::vector<Expected>{
           {"Minsk delivered diesel to Russian-occupied Mariupol.", "BLR", "07", "RUS", Modality::kAsserted, ""},
           {"Tehran shipped missiles to Houthi-held Saada.", "IRN", "07", "YEM", Modality::kAsserted, ""},
           {"Rwandan soldiers trained recruits in rebel-controlled Goma.", "RWA", "06", "CODREB", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
    for (const Event& e : events) EXPECT_NE(e.target, "UKR") << x.sentence;
  }
  // Towns of the front lines are their country's places too.
  for (const Expected& x : std::vector<Expected>{
           {"Rwandan soldiers trained recruits in rebel-held Masisi.", "RWA", "06", "CODREB", Modality::kAsserted, ""},
           {"Russian drones struck Toretsk overnight.", "RUS", "19", "UKR", Modality::kAsserted, ""},
           {"RSF fighters shelled Kutum.", "SDNREB", "19", "SDN", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  // A plain place stays its country's.
  const auto plain = Code("Minsk delivered diesel to Mariupol.");
  for (const Event& e : plain) EXPECT_NE(e.target.substr(0, 3), "RUS") << Describe(plain);
}

TEST_F(EngineText, AnActivityAfterAPrepositionOfTimeIsNoAct) {
  // "after training in ...": the soldiers trained; no one trained anyone.
  for (const char* sentence : {"Thousands of North Korean troops reached the Kursk region after training in eastern Russia.",
                               "Wagner fighters moved to Belarus before deploying to Africa."})
    for (const Event& e : Code(sentence)) EXPECT_FALSE(e.event_code.starts_with("06")) << sentence << "\n" << Describe(Code(sentence));
  // With an object it stays an act of the clause's subject.
  const auto trained = Code("Belarusian officers trained Russian conscripts after arriving in Minsk.");
  bool cooperation = false;
  for (const Event& e : trained) cooperation = cooperation || e.event_code.starts_with("06");
  EXPECT_TRUE(cooperation) << Describe(trained);
}

TEST_F(EngineText, AnAccusationByNoActorIsMadeAgainstTheAccused) {
  // A report or a study accuses: the actor after the verb is the accused, never the accuser.
  for (const char* sentence : {"The monitors' latest report accused Minsk of violations of the arms embargo.",
                               "A new study accuses Kigali of breaches of the Luanda ceasefire."}) {
    const auto events = Code(sentence);
    bool accused = false;
    for (const Event& e : events) {
      if (!e.event_code.starts_with("112")) continue;
      accused = true;
      EXPECT_EQ(e.source, "") << sentence << "\n" << Describe(events);
      EXPECT_TRUE(e.target.starts_with("BLR") || e.target.starts_with("RWA")) << sentence << "\n" << Describe(events);
    }
    EXPECT_TRUE(accused) << sentence << "\n" << Describe(events);
  }
  // A named accuser keeps its place.
  const auto named = Code("Kyiv accused Minsk of violations of the ceasefire.");
  ASSERT_FALSE(named.empty());
  EXPECT_EQ(named[0].source.substr(0, 3), "UKR") << Describe(named);
}

TEST_F(EngineText, VenuesModifiersAndTrailingHarm) {
  for (const Expected& x : std::vector<Expected>{
           // An -ing form after its actor modifies it; the finite verb is the act.
           {"NATO leaders meeting in Washington pledged air defence systems to Ukraine.", "IGOWSTNAT", "03", "UKR",
            Modality::kAsserted, ""},
           {"The RSF fighters attacking El Fasher killed dozens of Sudanese civilians.", "SDNREB", "19", "SDN",
            Modality::kAsserted, ""},
           // ", killing ..." is the main subject's harm when the main clause names no victim.
           {"Hezbollah drones attacked an army base near Binyamina, killing four Israeli soldiers.", "LBN", "19", "ISR",
            Modality::kAsserted, ""},
           {"The RSF stormed the camp, killing dozens of Sudanese.", "SDNREB", "19", "SDN", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  // Where people meet is no one they meet.
  for (const char* sentence : {"NATO leaders meeting in Washington pledged air defence systems to Ukraine.",
                               "Congolese and Rwandan officials met in Doha.", "The two delegations held talks in Beijing."})
    for (const Event& e : Code(sentence)) {
      EXPECT_NE(e.target.substr(0, 3), "USA") << sentence;
      EXPECT_NE(e.target.substr(0, 3), "QAT") << sentence;
      EXPECT_NE(e.target.substr(0, 3), "CHN") << sentence;
    }
}

TEST_F(EngineText, TheReasonForASanctionOrBlameIsTheObjectsActReportedByTheSubject) {
  for (const Expected& x : std::vector<Expected>{
           {"Washington blamed Tehran for arming the Houthis.", "IRN", "07", "YEM", Modality::kAsserted, "USA"},
           {"Washington sanctioned UAE firms for supplying weapons to the RSF.", "ARE", "07", "SDNREB",
            Modality::kAsserted, "USA"},
           {"Kyiv condemned Minsk for allowing Russian troops into Belarus.", "BLR", "", "RUS", Modality::kAsserted, "UKR"},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  // The sanctioning state does not supply anyone.
  for (const Event& e : Code("Washington sanctioned UAE firms for supplying weapons to the RSF."))
    EXPECT_FALSE(e.source.starts_with("USA") && e.event_code.starts_with("07"));
}

// The verbs of the class "V someone for doing": listing or designating (a sanction), decorating or
// honouring, jailing. The one named does the act, as the subject reports; the verb keeps its event.
TEST_F(EngineText, ListingDecoratingOrJailingForAnActMakesTheOneNamedItsActor) {
  ExpectEach({
           {"The EU listed three Iranian generals for delivering drones to Moscow.", "IRN", "07", "RUS",
            Modality::kAsserted, "IGOEUREEC"},
           {"The EU listed three Iranian generals for delivering drones to Moscow.", "IGOEUREEC", "163", "IRNMIL",
            Modality::kAsserted, ""},
           {"Washington designated the Iranian airline for transporting drones to Russia.", "IRN", "07", "RUS",
            Modality::kAsserted, "USA"},
           {"Washington designated the Iranian airline for transporting drones to Russia.", "USAGOV", "163", "IRN",
            Modality::kAsserted, ""},
           {"The EU followed in October by listing two Iranian airlines for carrying drones to Russia.", "IGOEUREEC",
            "163", "IRN", Modality::kAsserted, ""},
           {"Putin decorated North Korean soldiers for fighting Ukrainian forces in Kursk.", "PRKMIL", "19", "UKR",
            Modality::kAsserted, "RUSGOV"},
           {"Moscow honoured the Iranian engineers for helping Russia build the drones.", "IRN", "07", "RUS",
            Modality::kAsserted, "RUSGOV"},
  });
  // The one who lists or decorates does not deliver or fight.
  for (const char* sentence : {"The EU listed three Iranian generals for delivering drones to Moscow.",
                               "Putin decorated North Korean soldiers for fighting Ukrainian forces in Kursk."})
    for (const Event& e : Code(sentence)) {
      EXPECT_FALSE(e.source.starts_with("IGO") && e.event_code.starts_with("07")) << sentence;
      EXPECT_FALSE(e.source.starts_with("RUS") && e.event_code.starts_with("19")) << sentence;
    }
}

// A participle after the object of a coded verb describes that object ("a truck carrying fuel"), and
// a relative clause describes the noun before its pronoun: neither is the subject's act.
TEST_F(EngineText, AParticipleOrRelativeClauseAfterAnObjectIsNotTheSubjectsAct) {
  ExpectNone({
      {"Poland stopped a truck carrying Belarusian fuel to Russia.", "POL", "07"},
      {"Ukraine struck a train carrying North Korean shells to Russia.", "UKR", "07"},
      {"The US Navy intercepted a dhow, which was carrying Iranian weapons to Yemen.", "USA", "07"},
  });
  // The actor right before the pronoun is the relative clause's subject; so is a subject with no
  // coded verb before the participle.
  ExpectEach({
      {"Belarus, which carried Russian fuel to the front, denied any role.", "BLR", "07", "RUS", Modality::kAsserted, ""},
      {"Belarusian trains carrying Russian ammunition crossed the border.", "BLR", "06", "RUS", Modality::kAsserted, ""},
  });
}

// Members of a compound subject that deny or comment make the statement each, to no one: "Moscow
// and Pyongyang dismissed the reports" is no denial addressed by Moscow to Pyongyang.
TEST_F(EngineText, EachMemberOfACompoundSubjectDeniesAlone) {
  ExpectEach({
      {"Moscow and Pyongyang dismissed the reports as fabrications.", "RUS", "016", "", Modality::kAsserted, ""},
      {"Moscow and Pyongyang dismissed the reports as fabrications.", "PRK", "016", "", Modality::kAsserted, ""},
      {"Tehran and Moscow rejected the claims as Western lies.", "IRN", "016", "", Modality::kAsserted, ""},
  });
  for (const char* sentence : {"Moscow and Pyongyang dismissed the reports as fabrications.",
                               "Tehran and Moscow rejected the claims as Western lies."})
    for (const Event& e : Code(sentence))
      EXPECT_TRUE(e.target.empty()) << sentence << "\n" << Describe(Code(sentence));
}

// The agents of a passive act of force together: neither is the other's target.
TEST_F(EngineText, APassivesCompoundAgentsDoNotFightEachOther) {
  ExpectNone({
      {"The town was shelled by Rwandan troops and the M23.", "RWA", "19"},
      {"The village was attacked by Russian soldiers and Wagner fighters.", "RUS", "19"},
  });
  // (The fire from their positions is theirs, at no one named: not at each other.)
  const char* positions = "Shells were fired from positions held by Rwandan troops and the M23.";
  for (const Event& e : Code(positions)) EXPECT_FALSE(StartsWith(e.target, "COD")) << positions << "\n" << Describe(Code(positions));
}

// "Joined the invasion" with no act of force before it that named a target points to the state the
// document said the war was in or against.
TEST_F(EngineText, TheInvasionJoinedIsTheWarTheDocumentNamed) {
  ExpectEach({
      {"Analysts say the war in Ukraine will decide Belarus's future. Belarusian soldiers were reported to have "
       "joined the invasion in March.",
       "BLR", "19", "UKR", Modality::kAsserted, ""},
      {"Moscow's war against Ukraine entered its third year. Volunteers from Belarus later took part in the "
       "invasion.",
       "BLR", "19", "UKR", Modality::kAsserted, ""},
  });
}

// An act with no target named is kept when the sentence's only other reading is a null pattern in a
// relative clause about its object ("a ceasefire that took effect"), as after a comma.
TEST_F(EngineText, ARelativeClauseAboutTheObjectKeepsAnUntargetedAct) {
  ExpectEach({
      {"Rwanda agreed to a ceasefire that took effect in August.", "RWA", "035", "", Modality::kAsserted, ""},
      {"Uganda agreed to a truce that took effect the next day.", "UGA", "035", "", Modality::kAsserted, ""},
  });
}

// The one told, right before a "that" clause that opens with a gerund, does not do what the gerund
// names.
TEST_F(EngineText, TheOneToldDoesNotDoWhatTheGerundNames) {
  ExpectNone({
      {"The envoy told Putin that helping Russia was a fraternal duty.", "RUS", "07"},
      {"The delegation told Putin that helping Russia was an honour.", "RUS", "07"},
  });
}

TEST_F(EngineText, AnInitialismEndsNoClause) {
  // "U.S." and "U.N." keep their last period: the speaker before them is still found.
  for (const Expected& x : std::vector<Expected>{
           {"The U.S. Treasury said Iran armed the Houthis.", "IRN", "07", "YEM", Modality::kAsserted, "USA"},
           {"Iran armed the Houthis, U.N. experts said.", "IRN", "07", "YEM", Modality::kAsserted, "IGOUNO"},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

TEST_F(EngineText, WeaponPartsAndForceThatLastsDays) {
  for (const Expected& x : std::vector<Expected>{
           {"Iran provided the Houthis with drone engines and missile parts.", "IRN", "072", "YEM", Modality::kAsserted, ""},
           {"China shipped drone components to Russia.", "CHN", "072", "RUS", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  // Striking a place for days is force, not a labour strike; striking for higher wages is one.
  for (const Event& e : Code("Russian drones struck Odesa for three nights.")) EXPECT_NE(e.event_code, "143");
}

TEST_F(EngineText, APassiveGiftGoesToItsReceiverAndAFindIsNoReport) {
  // The receiver after "to", not a place in the subject; "found in X" reports nothing.
  for (const Expected& x : std::vector<Expected>{
           {"Amnesty International said that Chinese-made bombs found in Darfur had been re-exported to the RSF by the UAE.",
            "ARE", "06", "SDNREB", Modality::kAsserted, "NGO"},
           {"Investigators said rifles seen in Goma had been smuggled to the M23 by Rwanda.", "RWA", "072", "CODREB",
            Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

TEST_F(EngineText, AListOfSpeakersNeverActsInWhatTheySay) {
  for (const char* sentence : {"The United States, Britain, France and Germany said Iran supplied the weapons behind the attacks.",
                               "Poland, Latvia and Lithuania said in a statement that Belarus had armed the militia."}) {
    const auto events = Code(sentence);
    for (const Event& e : events) {
      for (const char* speaker : {"USA", "GBR", "FRA", "POL", "LVA"})
        EXPECT_FALSE(e.source.starts_with(speaker) && !e.event_code.starts_with("01")) << sentence << "\n" << Describe(events);
    }
  }
  const auto events = Code("The United States, Britain, France and Germany said Iran supplied the weapons behind the attacks.");
  int iran = 0;
  for (const Event& e : events) iran += e.source.starts_with("IRN") ? 1 : 0;
  EXPECT_EQ(iran, 1) << Describe(events);
}

TEST_F(EngineText, AThreatIsMadeByWhoeverUttersIt) {
  auto events = Code("Kim Jong Un declared that North Korea was ready to strike South Korea.");
  ExpectEvent(events, Expected{"Kim Jong Un declared ...", "PRKGOV", "13", "KOR", Modality::kHypothetical, "PRK"},
              Describe(events));
  // Force one's own state would use is a threat of force; force it used is reported force.
  events = Code("Erdogan said Turkey would strike Kurdish positions in Syria.");
  ExpectEvent(events, Expected{"Erdogan said Turkey would ...", "TURGOV", "138", "SYR", Modality::kAsserted, "TUR"},
              Describe(events));
  events = Code("Erdogan said Turkey had struck positions in Syria.");
  ExpectEvent(events, Expected{"Erdogan said Turkey had ...", "TUR", "19", "SYR", Modality::kAsserted, "TUR"},
              Describe(events));
}

TEST_F(EngineText, MovementAndFightingByClass) {
  for (const Expected& x : std::vector<Expected>{
           {"Columns of Russian tanks were seen driving out of Belarus towards Kyiv.", "RUS", "15", "UKR",
            Modality::kAsserted, ""},
           {"Russian armour rolled into Ukraine.", "RUS", "15", "UKR", Modality::kAsserted, ""},
           {"Serbia could be pulled slowly into the conflict against Kosovo.", "SRB", "190", "KSV",
            Modality::kHypothetical, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  const auto events = Code("Russia invaded Ukraine in 2022. Belarusian paratroopers fought in the invasion.");
  ExpectEvent(events, Expected{"... fought in the invasion.", "BLR", "190", "UKR", Modality::kAsserted, ""},
              Describe(events));
}

TEST_F(EngineText, AnInsertedClauseIsReadWithItsOwnSubject) {
  const auto events = Code("The report quotes an envoy: Armenia, which hosts Russian troops, is no party to it.");
  ExpectEvent(events, Expected{"... Armenia, which hosts ...", "ARM", "", "RUS", Modality::kAsserted, ""},
              Describe(events));
}

TEST_F(EngineText, TwoNeighboursAreTheTwoStatesLastNamed) {
  const auto events = Code("Serbia and Hungary share a border. The two neighbours signed a gas deal in 2023.");
  ExpectEvent(events, Expected{"The two neighbours signed ...", "SRB", "057", "HUN", Modality::kAsserted, ""},
              Describe(events));
}

TEST_F(EngineText, OriginVenueAndMakerAreNeverTheTarget) {
  for (const Expected& x : std::vector<Expected>{
           // The origin of a launch or a shipment is no target; what it is aimed at is.
           {"Russian forces launched Iskander missiles from Belarus.", "RUS", "19", "", Modality::kAsserted, ""},
           {"Russian bombers fired cruise missiles from Belarusian airspace at Kyiv.", "RUS", "19", "UKR",
            Modality::kAsserted, ""},
           {"Iran shipped drones from Bandar Abbas to Russia.", "IRN", "07", "RUS", Modality::kAsserted, ""},
           // An organisation's seat named as a venue is no party to the act.
           {"Serbia and Kosovo signed a trade agreement in Brussels.", "SRB", "05", "KSV", Modality::kAsserted, ""},
           // Where a cooperative act happens is no party to it: the members acted with each other.
           {"Belarus and Russia held joint military exercises near the Ukrainian border.", "BLR", "06", "RUS",
            Modality::kAsserted, ""},
           // The state a force withdraws from stays the target (the pattern names "from").
           {"Russian troops withdrew from Kherson.", "RUS", "087", "UKR", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  for (const Event& e : Code("Ukraine shelled the bridge with US-made howitzers.")) EXPECT_NE(e.target, "USA");
  // A site the act starts from, in a place: where it comes from, never its target.
  for (const char* sentence : {"Russian bombers flew combat sorties from airfields in Belarus.",
                               "Russian jets took off from air bases inside Belarus to strike Kyiv.",
                               "Russian aircraft flew from Belarusian airfields."}) {
    for (const Event& e : Code(sentence)) EXPECT_FALSE(StartsWith(e.target, "BLR")) << sentence << "\n" << Describe(Code(sentence));
  }
  const auto sorties = Code("Russian bombers flew combat sorties from airfields in Belarus.");
  ASSERT_FALSE(sorties.empty());
  EXPECT_EQ(sorties[0].origin.country, "BLR");
  // Two places: from the first, into the second ("mercenaries from Russia in Belarus").
  const auto stationed = Code("The stationing of Wagner mercenaries from Russia in Belarus alarmed Vilnius.");
  ExpectEvent(stationed, {"stationing in Belarus", "RUS", "15", "BLR", Modality::kAsserted, ""}, Describe(stationed));
  // A route or a means after "by" is no passive's agent: "by way of Chad", "by means of drones".
  for (const char* sentence : {"Weapons were delivered to the RSF by way of Chad.",
                               "Ammunition was shipped to the Houthis by way of Oman."}) {
    for (const Event& e : Code(sentence))
      EXPECT_FALSE(StartsWith(e.source, "TCD") || StartsWith(e.source, "OMN")) << sentence << "\n" << Describe(Code(sentence));
  }
  // A trip goes where it goes: "from Minsk to Beijing".
  const auto trip = Code("Putin flew from Minsk to Beijing for talks.");
  ExpectEvent(trip, {"flew to Beijing", "RUS", "042", "CHN", Modality::kAsserted, ""}, Describe(trip));
}

TEST_F(EngineText, NominalSuppliesNameTheirSupplier) {
  for (const Expected& x : std::vector<Expected>{
           // The supplier as the adjective of what is supplied (frames.tsv).
           {"The delivery of Iranian missiles to Russia alarmed European governments.", "IRN", "072", "RUS",
            Modality::kAsserted, ""},
           {"The transfer of North Korean artillery shells to Russia continued through the winter.", "PRK", "072", "RUS",
            Modality::kAsserted, ""},
           // The supplier as possessor, with a passive verb after the phrase: the passive's agent is not the supplier.
           {"Iran's delivery of drones to Russia was condemned by Ukraine.", "IRN", "072", "RUS", Modality::kAsserted, ""},
           // Sending drones or missiles TO a state supplies it (dyad.verbs, SEND_).
           {"Iran sent drones to Russia last autumn.", "IRN", "072", "RUS", Modality::kAsserted, ""},
           {"Tehran denied sending drones to Moscow.", "IRN", "072", "RUS", Modality::kNegated, "IRN"},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  for (const Event& e : Code("Iran's delivery of drones to Russia was condemned by Ukraine."))
    EXPECT_FALSE(e.source == "UKR" && e.event_code == "072");
}

TEST_F(EngineText, APresentTenseVerbAfterTheAndAnActorTakesItsObject) {
  // "the EU sanctions" is a noun before a preposition, a verb or the end; before an object it is the verb.
  for (const Expected& x : std::vector<Expected>{
           {"The Kremlin sends weapons to Syria.", "RUS", "07", "SYR", Modality::kAsserted, ""},
           {"The M23 receives arms and ammunition from Rwanda.", "RWA", "07", "CODREB", Modality::kAsserted, ""},
           {"The Russian government receives drones from Iran.", "IRN", "07", "RUS", Modality::kAsserted, ""},
           {"The Belarusian army conducts exercises near the Polish border.", "BLR", "15", "POL", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  // Nouns: the sanctions are no new act of sanctioning; the strikes' act is the verb after them.
  for (const Event& e : Code("The EU sanctions against Russia were extended until July.")) EXPECT_NE(e.verb_text, "extended");
  for (const Event& e : Code("The Russian strikes on Kyiv killed 20 people.")) EXPECT_NE(e.verb_text, "strikes");
  for (const Event& e : Code("Ukraine condemned the Russian strikes.")) EXPECT_FALSE(e.source == "RUS" && e.event_code == "195");
}

TEST_F(EngineText, AHyphenatedMakerOrBackerIsNotTheActor) {
  for (const Expected& x : std::vector<Expected>{
           {"Rwandan-backed M23 rebels seized Goma.", "CODREB", "17", "COD", Modality::kAsserted, ""},
           {"Iranian-backed Houthi rebels attacked Saudi Arabia.", "YEMREB", "19", "SAU", Modality::kAsserted, ""},
           // A stance towards a state, or membership of an alliance, is not the state or the alliance.
           {"The pro-Iranian Hezbollah group fired rockets at Israel.", "LBN", "19", "ISR", Modality::kAsserted, ""},
           {"NATO-member Norway sent troops to Lithuania.", "NOR", "15", "LTU", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  // "the EU sanctions" is a noun phrase: Belarus imposes no sanctions here; "The EU sanctions Russia" is a verb.
  for (const Event& e : Code("Belarus's government called the EU sanctions illegal.")) EXPECT_NE(e.event_code, "163");
  ExpectEvent(Code("The EU sanctions Russia again."), {"The EU sanctions Russia again.", "IGOEUREEC", "163", "RUS", Modality::kAsserted, ""},
              Describe(Code("The EU sanctions Russia again.")));
  // The drones' maker did not fly them; and "Russian-occupied" is no act of occupation.
  for (const char* sentence : {"Iranian-made drones hit Kyiv overnight.",
                               "Pyongyang sent engineers to Russian-occupied Donetsk."})
    for (const Event& e : Code(sentence)) EXPECT_FALSE(e.source == "IRN" || e.event_code == "192") << sentence;
}

// "X was reported / is believed to have V-ed": X's act, reported by no one named (or by the
// "by" phrase); X reports nothing itself.
TEST_F(EngineText, RaisingPassivesCodeTheSubjectsAct) {
  for (const Expected& x : std::vector<Expected>{
           {"Iranian instructors are believed to have trained Russian drone crews in Crimea.", "IRN", "06", "RUS",
            Modality::kAsserted, ""},
           {"North Korean soldiers were said by Kyiv to have attacked Ukrainian positions near Sudzha.", "PRK", "19",
            "UKR", Modality::kAsserted, "UKR"},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  // Only the clause's frame has the subject next to its verb.
  const auto war = Code("Russia invaded Ukraine. Chechen units of the Russian army were reported to have fought in the invasion.");
  ExpectEvent(war, {"fought in the invasion", "RUS", "19", "UKR", Modality::kAsserted, ""}, Describe(war));
}

// "A conceded that ..." with no second actor is still A's admission (015).
TEST_F(EngineText, AConcessionNamingNoSecondActorIsAnAdmission) {
  for (const Expected& x : std::vector<Expected>{
           {"The Kremlin has acknowledged that its warplanes were involved.", "RUS", "015", "", Modality::kAsserted, ""},
           {"Kigali eventually conceded that some of its units had been deployed.", "RWA", "015", "",
            Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// The arrival of forces somewhere is a deployment (154), in either word order.
TEST_F(EngineText, TheArrivalOfForcesIsADeployment) {
  for (const Expected& x : std::vector<Expected>{
           {"The arrival of Rwandan troops in Goma changed the balance.", "RWA", "154", "COD", Modality::kAsserted, ""},
           {"Analysts noted the arrival in Syria of Russian military police.", "RUS", "154", "SYR", Modality::kAsserted,
            ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// A report that an actor broke a norm, or is illegitimate, complicit or an aggressor, is the
// speaker's accusation (112) or criticism (111) of it, whatever verb of saying is used.
TEST_F(EngineText, AReportedViolationIsTheSpeakersCharge) {
  for (const Expected& x : std::vector<Expected>{
           {"Human Rights Watch maintains that Sudan's army flouted the arms embargo in Darfur.", "NGO", "112", "SDN",
            Modality::kAsserted, ""},
           {"Kinshasa insists that Kigali has breached the Luanda agreement twice this year.", "COD", "112", "RWA",
            Modality::kAsserted, ""},
           {"Tsikhanouskaya's movement argues that Belarus's rulers lack legitimacy.", "BLR", "111", "BLR",
            Modality::kAsserted, ""},
           {"Ukraine's foreign minister contended that Minsk remains complicit.", "UKR", "112", "BLR",
            Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  // Every actor joined by "and" is charged.
  const auto joined = Code("Vilnius said Minsk and Moscow had breached the treaty.");
  ExpectEvent(joined, {"Minsk and Moscow", "LTU", "112", "BLR", Modality::kAsserted, ""}, Describe(joined));
  ExpectEvent(joined, {"Minsk and Moscow", "LTU", "112", "RUS", Modality::kAsserted, ""}, Describe(joined));
  // A denial charges no one, and a speaker does not accuse itself.
  for (const char* sentence : {"Minsk said it had never violated the treaty.",
                               "Kinshasa said that Kigali had not breached the agreement."})
    for (const Event& e : Code(sentence)) EXPECT_FALSE(StartsWith(e.event_code, "11")) << sentence << "\n" << Describe(Code(sentence));
}

// "The aggressor" is the state the document has reported using force most often (the first on a tie).
TEST_F(EngineText, TheAggressorIsTheStateReportedUsingForceMostOften) {
  const auto a = Code("Russian troops attacked Ukraine from the north. Belarus later lent its airfields to the aggressor.");
  ExpectEvent(a, {"lent its airfields to the aggressor", "BLR", "06", "RUS", Modality::kAsserted, ""}, Describe(a));
  const auto b = Code("Armenia said Azerbaijan shelled Jermuk. Iran warned against supplying the attacking state with drones.");
  for (const Event& e : b) EXPECT_NE(e.target, "ARM") << Describe(b);
  // Before any act of force, the phrase stands for no one.
  for (const Event& e : Code("The aggressor must be named, the lawyers said. Poland sent aid to Ukraine."))
    EXPECT_FALSE(e.source.empty() && e.target.empty());
}

// An event named again by what it was ("the deployment", "the deliveries", "the strikes", "the
// sanctions"; data/dict/dyad.coref ACTOR OF) stands for who did it when someone acts on it.
TEST_F(EngineText, AnEventNamedAgainStandsForWhoDidIt) {
  for (const auto& [text, x] : std::vector<std::pair<std::string, Expected>>{
           {"Pyongyang has sent thousands of soldiers to Russia. Tokyo condemned the deployment on Monday.",
            {"condemned the deployment", "JPN", "11", "PRK", Modality::kAsserted, ""}},
           {"Iran shipped drones to Russia last year. Kyiv denounced the deliveries.",
            {"denounced the deliveries", "UKR", "11", "IRN", Modality::kAsserted, ""}},
           {"The UAE supplied weapons to the RSF, investigators said. Khartoum protested against such shipments.",
            {"protested against such shipments", "SDN", "1", "ARE", Modality::kAsserted, ""}},
           {"Israeli jets struck the port of Hodeidah. The UN secretary-general condemned the air strikes.",
            {"condemned the air strikes", "IGOUNO", "11", "ISR", Modality::kAsserted, ""}},
           {"Washington imposed sanctions on Minsk in August. Belarus condemned the sanctions.",
            {"condemned the sanctions", "BLR", "11", "USA", Modality::kAsserted, ""}},
           // Visits, threats, accusations and statements; a guest hosted or received made the visit.
           {"Abiy Ahmed received Hemedti in Addis Ababa in December. Sudanese officials criticised the reception.",
            {"criticised the reception", "SDN", "11", "ETH", Modality::kAsserted, ""}},
           {"Putin flew to Pyongyang in June. Seoul criticised the trip.",
            {"criticised the trip", "KOR", "11", "RUS", Modality::kAsserted, ""}},
           {"Viktor Orban visited Moscow in July. The European Commission condemned the visit.",
            {"condemned the visit", "IGOEUREEC", "11", "HUN", Modality::kAsserted, ""}},
           {"Orban was received by Putin in the Kremlin. The European Commission condemned the visit.",
            {"condemned the visit", "IGOEUREEC", "11", "HUN", Modality::kAsserted, ""}},
           {"Lukashenko threatened to strike Poland with nuclear weapons. Warsaw condemned the threat.",
            {"condemned the threat", "POL", "11", "BLR", Modality::kAsserted, ""}},
           {"Kyiv accused Minsk of helping Russian troops. Belarus rejected the accusations.",
            {"rejected the accusations", "BLR", "", "UKR", Modality::kAsserted, ""}},
           // What a speaker reports is its statement: its confirmation, remarks, claims.
           {"Pyongyang confirmed that its troops had been sent to Russia. Seoul condemned the confirmation.",
            {"condemned the confirmation", "KOR", "11", "PRK", Modality::kAsserted, ""}},
           {"Lukashenko said Belarusian troops would never enter Ukraine. Kyiv dismissed the remarks.",
            {"dismissed the remarks", "UKR", "", "BLR", Modality::kAsserted, ""}},
           // (A claim may be an accusation: the nearest one's maker.)
           {"Kigali said its forces had acted in self-defence. The M23 accused Burundian troops of fighting "
            "beside the militia. Bujumbura rejected the claim.",
            {"rejected the claim", "BDI", "", "CODREB", Modality::kAsserted, ""}},
       }) {
    const auto events = Code(text);
    ExpectEvent(events, x, Describe(events));
  }
  // A denied act is no antecedent; the phrase is no subject; its own doer ("of Iranian drones") wins.
  for (const Event& e : Code("Minsk denied sending troops to Russia. Lithuania condemned the deployment."))
    EXPECT_FALSE(StartsWith(e.target, "BLR")) << e.sentence;
  for (const Event& e : Code("Iran shipped missiles to Russia. The delivery of the missiles led Britain to cut ties with Iran."))
    EXPECT_FALSE(StartsWith(e.source, "IRN") && e.sentence_index == 1) << e.source << " " << e.event_code;
  // One supplies or attacks an actor, not an act: "drones for the attacks" is no aid to the attacker.
  for (const Event& e : Code("Russian missiles struck Kyiv on Sunday. Iran later supplied drones for the attacks."))
    EXPECT_FALSE(StartsWith(e.source, "IRN") && StartsWith(e.target, "RUS")) << e.source << " " << e.event_code;
}

// An official posted to an international body speaks for the state that posted them ("Iran's
// mission to the United Nations", "the Iranian ambassador to the UN", "its envoy to the Security
// Council"); the body is where they sit, not who acts. After a verb it stays what it is.
TEST_F(EngineText, APostedOfficialActsForThePostingState) {
  for (const Expected& x : std::vector<Expected>{
           {"Iran's mission to the United Nations described the accusations as baseless.", "IRNGOV", "016", "",
            Modality::kAsserted, ""},
           {"The Iranian ambassador to the UN dismissed the report as fabricated.", "IRNGOV", "016", "",
            Modality::kAsserted, ""},
           {"Minsk rejected the report, and its permanent representative to the OSCE called it slander.", "BLR", "016",
            "", Modality::kAsserted, ""},
           // The body before the post: "its UN envoy", "Iran's UN mission".
           {"Minsk rejected the report, and its UN envoy called it slander.", "BLR", "016", "", Modality::kAsserted, ""},
           {"Iran's UN mission told the Council that Tehran had never sold drones to Russia.", "IRN", "06", "RUS",
            Modality::kNegated, "IRNGOV"},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
    for (const Event& e : events) EXPECT_FALSE(StartsWith(e.source, "IGO")) << x.sentence << "\n" << Describe(events);
  }
  const auto recalled = Code("Moscow recalled its envoy to the OSCE in protest.");
  ExpectEvent(recalled, {"recalled its envoy", "RUS", "16", "IGOEURSCE", Modality::kAsserted, ""}, Describe(recalled));
}

// "X, a lawyer at Y, argues that ...": the appositive names the speaker.
TEST_F(EngineText, AnAppositiveAfterTheSubjectNamesTheSpeaker) {
  const auto events = Code("Oleksandra Matviichuk, head of the Center for Civil Liberties, argued that Russia violated the Geneva Conventions.");
  bool charged = false;
  for (const Event& e : events) charged = charged || (StartsWith(e.event_code, "112") && e.target == "RUS");
  EXPECT_TRUE(charged) << Describe(events);
}

// An introductory phrase ("Addressing Chinese students,", "During talks with Hungarian
// diplomats,") names neither side of the main clause.
TEST_F(EngineText, AnIntroductoryPhraseNamesNeitherSide) {
  for (const Expected& x : std::vector<Expected>{
           {"Addressing Chinese students, Zelensky criticised Russia.", "UKR", "11", "RUS", Modality::kAsserted, ""},
           {"During talks with Hungarian diplomats, Dmytro Kuleba condemned Belarus.", "UKR", "11", "BLR", Modality::kAsserted, ""},
           // A long one: a summit of leaders from other states with its place and date.
           {"At the annual summit of Central European and Hungarian leaders in Budapest on 3 May last year, Kuleba condemned Belarus.",
            "UKR", "11", "BLR", Modality::kAsserted, ""},
           {"At a long meeting of the regional defence chiefs with Chinese officials in Arusha last week, Uganda pledged troops to Congo.",
            "UGA", "03", "COD", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
    for (const Event& e : events) EXPECT_TRUE(e.source.rfind("CHN", 0) != 0 && e.source.rfind("HUN", 0) != 0) << Describe(events);
  }
}

// After a semicolon or a colon, an actor and its verb are a sentence of their own: the first part's
// subject does not act in it.
TEST_F(EngineText, ASemicolonOrColonOpensAClauseWithItsOwnSubject) {
  for (const Expected& x : std::vector<Expected>{
           {"Europe reacted quickly; Germany froze aid to Rwanda.", "DEU", "16", "RWA", Modality::kAsserted, ""},
           {"The allies answered at once: Norway suspended military cooperation with Uganda.", "NOR", "16", "UGA",
            Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
    for (const Event& e : events) EXPECT_FALSE(StartsWith(e.source, "EUR") || StartsWith(e.source, "IGO")) << Describe(events);
  }
}

// A second verb with an adverb before it ("had commanded and directly supported") has the first
// clause's subject; what is backed or praised is an operation, not the place it is in.
TEST_F(EngineText, AnAdverbedSecondVerbKeepsTheSubjectAndAnOperationsPlaceIsItsVenue) {
  const auto rdf = Code("Investigators said the RDF had commanded and directly supported the M23 rebels.");
  ExpectEvent(rdf, {"directly supported", "RWA", "05", "CODREB", Modality::kAsserted, ""}, Describe(rdf));
  // (A verb's place stays: the denial of "fighting in North Kivu" is coded.)
  const auto denial = Code("Kampala dismissed reports that its soldiers were fighting in Ituri.");
  ExpectEvent(denial, {"dismissed", "UGA", "016", "COD", Modality::kAsserted, ""}, Describe(denial));
  for (const char* sentence : {"Pyongyang praised the operation in Kursk.", "Belarus welcomed the offensive in Ukraine."})
    for (const Event& e : Code(sentence))
      EXPECT_FALSE(e.event_code.starts_with("05") && (StartsWith(e.target, "RUS") || StartsWith(e.target, "UKR")))
          << sentence << "\n" << Describe(Code(sentence));
}

// A place by any preposition of place is where a compound subject acted together ("held joint drills
// near the Polish border"); an origin with a compass word is still an origin ("from southern Belarus").
TEST_F(EngineText, PlacesNearAndFromCompassPointsAreNoTargets) {
  const auto drills = Code("Belarus and Russia held joint military drills near the Polish border.");
  ExpectEvent(drills, {"held joint drills", "BLR", "06", "RUS", Modality::kAsserted, ""}, Describe(drills));
  const auto fired = Code("Russian forces fired Iskander missiles from southern Belarus at Zhytomyr.");
  ExpectEvent(fired, {"fired", "RUS", "19", "UKR", Modality::kAsserted, ""}, Describe(fired));
  for (const Event& e : fired) EXPECT_FALSE(StartsWith(e.target, "BLR")) << Describe(fired);
}

// A pronoun right after a participle of speech is the main act's target: "accusing it" names the
// state just acted against, not the subject.
TEST_F(EngineText, APronounAfterAParticipleIsTheMainActsTarget) {
  ExpectEach({
           {"Kinshasa broke off relations with Kigali, accusing it of backing the M23.", "COD", "112", "RWA",
            Modality::kAsserted, ""},
           {"Sudan took the UAE to the International Court of Justice, accusing it of complicity in genocide.", "SDN",
            "112", "ARE", Modality::kAsserted, ""},
           {"Washington imposed new sanctions on Tehran, urging it to stop arming Russia.", "USA", "02", "IRN",
            Modality::kAsserted, ""},
  });
}

// Losses taken in attacks name who attacked whom (a frame: "A took casualties in attacks on B").
TEST_F(EngineText, LossesInAttacksNameTheAttacker) {
  ExpectEach({
           {"Wagner fighters took heavy casualties in repeated attacks on Ukrainian trenches near Bakhmut.", "RUS", "19",
            "UKR", Modality::kAsserted, ""},
           {"Chadian soldiers took heavy casualties in repeated attacks on Sudanese posts.", "TCD", "19", "SDN",
            Modality::kAsserted, ""},
  });
}

// "Brussels" is the EU in news text, but Belgium's government in a document that has named Belgium,
// unless the sentence names the EU; a place in Brussels is no actor at all.
TEST_F(EngineText, BrusselsIsBelgiumInADocumentAboutBelgium) {
  const auto belgium = Code("Rwanda broke off diplomatic relations with Belgium in March. Kigali accused Brussels of "
                            "taking sides in the war.");
  ExpectEvent(belgium, {"accused Brussels", "RWA", "112", "BEL", Modality::kAsserted, ""}, Describe(belgium));
  const auto eu = Code("The EU imposed sanctions on Rwandan officers. Kigali accused Brussels of bias.");
  ExpectEvent(eu, {"accused Brussels", "RWA", "112", "IGO", Modality::kAsserted, ""}, Describe(eu));
  const auto named_eu = Code("Belgium condemned the offensive. Brussels pressed EU partners to sanction Rwanda.");
  for (const Event& e : named_eu) EXPECT_FALSE(StartsWith(e.source, "BEL") && e.event_code.starts_with("10")) << Describe(named_eu);
  const auto rally = Code("Belgium condemned the offensive. Congolese exiles rallied in the Matonge district of Brussels.");
  for (const Event& e : rally) EXPECT_FALSE(StartsWith(e.target, "BEL")) << Describe(rally);
}

// An opening subordinate clause is the setting of the main clause's report, not what it reports.
TEST_F(EngineText, AnOpeningSubordinateClauseIsNotTheMainClausesReport) {
  ExpectEach({
      {"After Russia invaded Ukraine, Lithuania said it would expel the Russian ambassador.", "RUS", "19", "UKR",
       Modality::kAsserted, ""},
      {"When Iranian drones struck Odesa, Kyiv said it would cut ties with Tehran.", "IRN", "19", "UKR",
       Modality::kAsserted, ""},
  });
}

// A subordinator of time or cause mid-sentence, with no comma, opens a clause with its own subject:
// "after Russia began striking" is Russia's act, not the main clause's subject's.
TEST_F(EngineText, AMidSentenceSubordinateClauseHasItsOwnSubject) {
  ExpectEach({
      {"Britain froze new aid to Kigali after Rwandan troops shelled the outskirts of Goma.", "RWA", "19", "COD",
       Modality::kAsserted, ""},
      {"Seoul widened its sanctions while North Korean gunners shelled Ukrainian positions near Kursk.", "PRK", "19",
       "UKR", Modality::kAsserted, ""},
      {"Kyiv recalled its envoy from Tehran because Iran had shipped attack drones to Russia.", "IRN", "07", "RUS",
       Modality::kAsserted, ""},
  });
  // The main clause keeps its own subject and act.
  ExpectEach({
      {"Britain froze new aid to Kigali after Rwandan troops shelled the outskirts of Goma.", "GBR", "16", "RWA",
       Modality::kAsserted, ""},
      {"Warsaw shut its crossings into Belarus as Minsk and Moscow began the exercises.", "POL", "191", "BLR",
       Modality::kAsserted, ""},
  });
  // A verb of beginning the dictionaries do not code still opens the clause: its actor is neither
  // the main clause's target nor its exercises the main clause's subject's.
  for (const char* sentence : {"Poland closed the border as Russia began drills.",
                               "Vilnius closed the frontier as Belarus started large-scale drills."}) {
    const auto events = Code(sentence);
    for (const auto& e : events)
      EXPECT_FALSE(e.source.compare(0, 3, "POL") == 0 || e.source.compare(0, 3, "LTU") == 0)
          << sentence << "\n" << Describe(events);
  }
}

// "X backed by Y <verb> ...": the participle and its agent are a reduced relative clause; the
// main act after them is X's.
TEST_F(EngineText, AReducedRelativeWithAnAgentLeavesTheMainActToItsSubject) {
  ExpectEach({
      {"M23 rebels backed by Rwanda's army seized the airport in Goma.", "CODREB", "19", "COD", Modality::kAsserted, ""},
      {"M23 rebels backed by Rwanda's army seized the airport in Goma.", "RWA", "05", "CODREB", Modality::kAsserted, ""},
      {"RSF units supplied by the Emirates attacked El Fasher.", "SDNREB", "19", "SDN", Modality::kAsserted, ""},
      {"Russian troops trained by Belarusian instructors crossed into Ukraine.", "RUS", "15", "UKR",
       Modality::kAsserted, ""},
      // ... also with nouns the actor names before the participle: the agent acts on the actor.
      {"The Iranian tanker seized by the British navy was carrying oil.", "GBRMIL", "17", "IRN", Modality::kAsserted, ""},
      {"Three Chinese firms sanctioned by Canberra later shipped drone engines to Russia.", "AUS", "163", "CHNBUS",
       Modality::kAsserted, ""},
      {"Three Chinese firms sanctioned by Canberra later shipped drone engines to Russia.", "CHNBUS", "07", "RUS",
       Modality::kAsserted, ""},
      // What one denies of oneself: wrongdoing, involvement, a role.
      {"Two Kyrgyz banks sanctioned by Washington denied wrongdoing.", "KGZBUS", "016", "", Modality::kAsserted, ""},
      {"Minsk denied responsibility for the fire.", "BLRGOV", "016", "", Modality::kAsserted, ""},
      {"Tehran denied complicity in the attacks.", "IRNGOV", "016", "", Modality::kAsserted, ""},
  });
}

// "X allowed Y to <act>": the permission is X's, the act Y's; a permission refused or planned
// gives no act.
TEST_F(EngineText, WhatAPermittedActorDidIsCoded) {
  ExpectEach({
      {"Lukashenko allowed Russian forces to launch Iskander missiles at Ukraine.", "RUS", "19", "UKR",
       Modality::kAsserted, ""},
      {"Chad permitted Emirati planes to deliver weapons to the RSF.", "ARE", "07", "SDNREB", Modality::kAsserted, ""},
  });
  const auto refused = Code("Minsk would not allow Russian troops to attack Ukraine from its territory.");
  for (const Event& e : refused)
    EXPECT_FALSE(StartsWith(e.source, "RUS") && e.event_code.starts_with("19") && e.modality == Modality::kAsserted)
        << Describe(refused);
}

// A participle between a determiner, a number or a verb and an actor describes the actor ("two
// wounded North Korean soldiers"): no attack. Treating the wounded is humanitarian aid.
TEST_F(EngineText, AParticipleBeforeAnActorDescribesIt) {
  ExpectEach({
      {"Belarusian hospitals treated wounded Russian soldiers in the spring.", "BLR", "073", "RUS", Modality::kAsserted,
       ""},
      {"Clinics in Gomel treated injured Russian troops.", "BLR", "073", "RUS", Modality::kAsserted, ""},
  });
  for (const char* text : {"Ukrainian forces captured two wounded North Korean soldiers.",
                           "Kyiv exchanged several injured Russian prisoners for its own soldiers."}) {
    const auto events = Code(text);
    for (const Event& e : events) EXPECT_FALSE(e.event_code.starts_with("19")) << text << "\n" << Describe(events);
  }
  // A body named with a number stays the actor ("the Group of Seven condemned").
  ExpectEach({{"The Group of Seven condemned North Korea's deployment of troops to Russia.", "IGO", "11", "PRK",
               Modality::kAsserted, ""}});
}

// Fighting beside one side against another: the enemy is the one after "against".
TEST_F(EngineText, WhomAFighterFightsIsNamedAfterAgainst) {
  ExpectEach({
      {"Burundian soldiers fought beside the Congolese army against M23 in South Kivu.", "BDI", "19", "CODREB",
       Modality::kAsserted, ""},
      {"Wagner fighters fought with Russian troops against Ukrainian forces.", "RUS", "19", "UKR", Modality::kAsserted,
       ""},
  });
}

// An opening phrase of place or occasion with no comma ("At a London conference the UAE ...") is no
// subject: the actor after "the", right before the verb, is.
TEST_F(EngineText, AnOpeningPhraseWithoutACommaIsNoSubject) {
  ExpectEach({
      {"At a London conference the UAE promised 200 million dollars of relief for Sudanese civilians.", "ARE", "03",
       "SDN", Modality::kAsserted, ""},
      {"In Minsk the Russian defence minister signed a security pact with Belarus.", "RUS", "057", "BLR",
       Modality::kAsserted, ""},
      {"On 27 June the foreign ministers of Rwanda and the DRC signed a peace agreement.", "RWA", "057", "COD",
       Modality::kAsserted, ""},
  });
}

// A speaker the dictionaries know only as a phrase the sentences before resolve ("the Treasury",
// "the foreign ministry") reports what it says like any named speaker: the content is coded with
// its own subject, the speaker its reporter (it had been the source of the content's act).
TEST_F(EngineText, ASpeakerResolvedFromTheSentencesBeforeReportsItsContent) {
  ExpectEach({
      {"Washington sanctioned Keremet Bank, a Kyrgyz lender. The Treasury said that the bank had helped Russia.",
       "KGZBUS", "070", "RUS", Modality::kAsserted, "USAGOV"},
      {"Moscow praised Minsk. The foreign ministry said that Belarus had sent fuel to Russia.", "BLR", "07", "RUS",
       Modality::kAsserted, "RUSGOV"},
  });
  ExpectNone({
      {"Moscow praised Minsk. The foreign ministry said that Belarus had sent fuel to Russia.", "RUSGOV", "07"},
  });
}

// A name right after the opening time or place, then an apposition, is the subject ("In April
// Lavrov, Russia's foreign minister, thanked ..."): the opener ends before the name, which the
// comma rules had set aside with the opener.
TEST_F(EngineText, ANameAfterAnOpeningTimeAndBeforeAnAppositionIsTheSubject) {
  ExpectEach({
      {"In April Lavrov, Russia's foreign minister, thanked North Korean diplomats.", "RUS", "051", "PRK",
       Modality::kAsserted, ""},
      {"On 26 April 2025 Valery Gerasimov, the chief of Russia's general staff, thanked North Korean servicemen for "
       "their part in the battle.", "RUS", "051", "PRK", Modality::kAsserted, ""},
      {"In Moscow Lavrov, the foreign minister, praised the Houthis.", "RUS", "051", "YEMREB", Modality::kAsserted,
       ""},
  });
  ExpectNone({
      {"On 26 April 2025 Valery Gerasimov, the chief of Russia's general staff, thanked North Korean servicemen for "
       "their part in the battle.", "PRK", "051"},
  });
}

// Weapons used and named by their model ("Iranian-designed Shahed drones", "North Korean KN-23
// missiles") were supplied by their maker; a named drone that is shot down is the target's own.
TEST_F(EngineText, TheMakerOfNamedWeaponsUsedSuppliedTheUser) {
  ExpectEach({
      {"Russia launched Iranian-designed Shahed drones at Kyiv overnight.", "IRN", "07", "RUS", Modality::kAsserted, ""},
      {"Russian forces fired North Korean KN-23 missiles at Kharkiv.", "PRK", "07", "RUS", Modality::kAsserted, ""},
      {"A U.S. MQ-9 Reaper drone was shot down over Marib by Houthi air defences.", "YEMREB", "19", "USA",
       Modality::kAsserted, ""},
  });
}

// The reason given for a measure against X is X's act: "over its drone deliveries to Moscow".
TEST_F(EngineText, TheReasonForAMeasureAgainstXIsXsAct) {
  ExpectEach({
      {"Ukraine downgraded its diplomatic relations with Iran over its drone deliveries to Moscow.", "IRN", "072", "RUS",
       Modality::kAsserted, ""},
      {"Britain suspended most bilateral aid to Rwanda because of its backing for M23.", "RWA", "070", "CODREB",
       Modality::kAsserted, ""},
      {"Kyiv expelled Iran's ambassador in response to Iranian drone deliveries to Russia.", "IRN", "072", "RUS",
       Modality::kAsserted, ""},
      {"Japan imposed sanctions on North Korean companies over arms shipments to Russia.", "PRK", "072", "RUS",
       Modality::kAsserted, ""},
  });
  // A reason that names no support is no act of the target's.
  const auto events = Code("Kyiv cut ties with Tehran over Russian attacks on Ukrainian cities.");
  for (const Event& e : events) EXPECT_FALSE(StartsWith(e.source, "IRN") && e.event_code.starts_with("07")) << Describe(events);
}

// The speaker's own state, named before the verb of saying, is no target of what its forces are
// said to do.
TEST_F(EngineText, TheSpeakersStateIsNoTargetOfItsOwnForces) {
  for (const char* text : {"Rwanda's government spokeswoman, Yolande Makolo, wrote that the RDF would never target a camp.",
                           "Uganda's army spokesman, Felix Kulayigye, said the UPDF had never attacked a school."}) {
    const auto events = Code(text);
    ASSERT_FALSE(events.empty()) << text;
    for (const Event& e : events)
      EXPECT_FALSE(e.source.size() >= 3 && e.target.size() >= 3 && e.source.compare(0, 3, e.target, 0, 3) == 0 &&
                   e.event_code.starts_with("19"))
          << text << "\n" << Describe(events);
  }
}

// An object pronoun after a verb joined by "and" names the object of the clause before; branding a
// state an aggressor is an accusation.
TEST_F(EngineText, AnObjectPronounInASecondClauseNamesTheFirstClausesObject) {
  ExpectEach({
      {"Kyiv cut ties with Tehran and accused it of complicity in Russia's war.", "UKR", "112", "IRN",
       Modality::kAsserted, ""},
      {"Sudan severed relations with the UAE and branded it an aggressor state.", "SDN", "112", "ARE",
       Modality::kAsserted, ""},
      {"Britain summoned Iran's ambassador and warned it against arming Russia.", "GBR", "13", "IRN",
       Modality::kAsserted, ""},
      {"Ukrainian officials dubbed Minsk an accomplice of Moscow.", "UKR", "112", "BLR", Modality::kAsserted, ""},
  });
}

// An object pronoun right after its verb never stands for that verb's subject: with no other actor
// before it, it takes the subject of the sentence before.
TEST_F(EngineText, AnObjectPronounIsNotItsOwnVerbsSubject) {
  ExpectEach({
      {"Belgium froze part of its aid. Kagame accused it of arrogance.", "RWA", "112", "BEL", Modality::kAsserted, ""},
      {"Minsk hosted Russian troops. Kyiv condemned it for that.", "UKR", "111", "BLR", Modality::kAsserted, ""},
      {"Tehran sent drones to Russia. Britain sanctioned it in response.", "GBR", "16", "IRN", Modality::kAsserted, ""},
  });
}

// A pronoun the sentence before resolves, right before a reporting verb whose content codes
// nothing, is the speaker of a statement (010).
TEST_F(EngineText, APronounSpeakersUncodedReportIsItsStatement) {
  ExpectEach({
      {"Lukashenko met Putin in Sochi. He insisted the war was a tragedy for both peoples.", "BLR", "010", "",
       Modality::kAsserted, ""},
      {"Kagame spoke in Kigali on Friday. He then said that the talks had been useful.", "RWA", "010", "",
       Modality::kAsserted, ""},
      // (... also when the content's subject is the speaker's own: "his country", "his troops".)
      {"Lukashenko met Putin in Sochi. He said his country was not a party to the war.", "BLR", "010", "",
       Modality::kAsserted, ""},
      {"Lukashenko met Putin in Sochi. He said his troops had never entered Ukraine.", "BLR", "192", "UKR",
       Modality::kNegated, "BLR"},
  });
}

// "said that A and that B": a second clause of what was said, its pronoun the speaker as after the verb.
TEST_F(EngineText, ASecondThatClauseIsMoreOfWhatWasSaid) {
  ExpectEach({
      {"Tokayev said that the sanctions were unfair and that his government would never help Moscow evade them.",
       "KAZGOV", "07", "RUS", Modality::kNegated, "KAZGOV"},
      {"Kagame said that the talks had failed and that his troops had shelled Uvira.", "RWAMIL", "19", "COD",
       Modality::kAsserted, "RWAGOV"},
  });
  // An object pronoun is no subject of a later verb: "was prolonging it by arming B" is the subject's arming.
  ExpectEach({
      {"Tehran's envoy said that the cause of the war was NATO and that London was prolonging it by arming Kyiv.",
       "GBR", "07", "UKR", Modality::kAsserted, "IRNGOV"},
  });
}

// A "who" clause on the subject is set aside and coded on its own; the main verb after it is the
// subject's ("volunteers who had joined the Ukrainian army suffered losses in attacks on B" attack B,
// not the army they joined).
TEST_F(EngineText, ASubjectsWhoClauseLeavesTheMainVerbToTheSubject) {
  ExpectEach({
      {"Eritrean soldiers who had been sent to Kassala suffered heavy losses in assaults on Ethiopian positions.",
       "ERIMIL", "19", "ETH", Modality::kAsserted, ""},
      {"Eritrean soldiers who had been sent to Kassala suffered heavy losses in assaults on Ethiopian positions.",
       "ERIMIL", "15", "SDN", Modality::kAsserted, ""},
      {"Georgian volunteers who had joined the Ukrainian army suffered heavy losses in attacks on Russian positions.",
       "GEOCVL", "19", "RUS", Modality::kAsserted, ""},
  });
  // (A "who" clause on an object stays with the forces' relative clauses: the object's own act.)
  ExpectEach({
      {"Tehran sent Iranian instructors who trained Russian crews in Crimea.", "IRN", "062", "RUS",
       Modality::kAsserted, ""},
      {"Minsk hosted Russian soldiers who later attacked Kyiv.", "RUSMIL", "19", "UKR", Modality::kAsserted, ""},
  });
  const auto events = Code("Georgian volunteers who had joined the Ukrainian army suffered heavy losses in attacks on "
                           "Russian positions.");
  for (const Event& e : events)
    EXPECT_FALSE(StartsWith(e.event_code, "19") && StartsWith(e.target, "UKR")) << Describe(events);
}

// A reporting verb joined by "and" after a "that" clause has the sentence's subject: "Qatar rejected a
// claim that it funded the RSF and said it was sending tents to refugees" is Qatar's report.
TEST_F(EngineText, AReportAfterAThatClauseIsTheSubjects) {
  ExpectEach({
      {"Qatar rejected a claim that it funded the Rapid Support Forces and said it was sending food aid to "
       "Sudanese refugees.",
       "QAT", "073", "SDNREF", Modality::kAsserted, "QAT"},
  });
}

// What a speaker tells a newspaper or a broadcaster is said to the public: no target.
TEST_F(EngineText, AStatementToTheMediaIsAddressedToNoOne) {
  ExpectEach({
      {"Lukashenko told Russian television that the war was a tragedy.", "BLR", "010", "", Modality::kAsserted, ""},
      {"The Iranian envoy told a British radio station that the talks had been useful.", "IRN", "010", "",
       Modality::kAsserted, ""},
  });
}

// Opening camps or reception points for refugees is sheltering them (075), whoever they are.
TEST_F(EngineText, CampsOpenedForRefugeesAreShelter) {
  ExpectEach({
      {"Hungary set up reception points at the border for refugees from Ukraine.", "HUN", "075", "",
       Modality::kAsserted, ""},
      {"Chad built new camps near Adre for families who fled the fighting in Darfur.", "TCD", "075", "",
       Modality::kAsserted, ""},
  });
}

// "X, whose arsenal is supplied by Y, ...": Y acted on X.
TEST_F(EngineText, APossessiveRelativeWithAnAgentCodesTheAgentsAct) {
  ExpectEach({
      {"The RSF, whose drones are supplied by the UAE, struck Port Sudan.", "ARE", "07", "SDNREB", Modality::kAsserted, ""},
      {"The M23 rebels, whose offensive was backed by Rwandan troops, captured Goma in January.", "RWA", "05", "CODREB",
       Modality::kAsserted, ""},
      {"The RSF, whose drones are supplied by the UAE, struck Port Sudan.", "SDNREB", "19", "SDN", Modality::kAsserted, ""},
  });
}

// ", which <actor> <verb> ...": an object relative clause with a subject of its own is coded with it.
TEST_F(EngineText, AnObjectRelativeClauseHasItsOwnSubject) {
  ExpectEach({
      {"Port Sudan severed ties with Abu Dhabi after drone strikes on the city, which Sudanese officials blamed on "
       "the Emirates.", "SDN", "112", "ARE", Modality::kAsserted, ""},
      {"Kyiv recalled its ambassador after the blasts, which Ukrainian investigators blamed on Iran.", "UKR", "112",
       "IRN", Modality::kAsserted, ""},
  });
}

// ", where they ...": the pronoun opening a place aside names the main clause's actor.
TEST_F(EngineText, APronounOpeningAWhereClauseNamesTheMainActor) {
  ExpectEach({
      {"Burundi has deployed thousands of soldiers to South Kivu, where they fight the M23 alongside the Congolese "
       "army.", "BDI", "19", "CODREB", Modality::kAsserted, ""},
      {"North Korea sent troops to the Kursk region, where they attacked Ukrainian positions.", "PRK", "19", "UKR",
       Modality::kAsserted, ""},
  });
}

// A verb form in -s after "to" is a noun: drones "on their way to targets in Ukraine" attack no one
// whose airspace they cross.
TEST_F(EngineText, AVerbFormInSAfterToIsANoun) {
  for (const char* text : {"Since May, Russian strike drones have several times crossed Belarusian airspace en route "
                           "to targets in northern and western Ukraine.",
                           "Russian drones crossed Moldovan airspace on their way to targets in southern and central "
                           "Ukraine."}) {
    const auto events = Code(text);
    for (const Event& e : events)
      EXPECT_FALSE(e.event_code.starts_with("19") && (StartsWith(e.target, "BLR") || StartsWith(e.source, "MDA")))
          << text << "\n" << Describe(events);
  }
}

// A government named by who rules it ("the army-led government", "the junta") is the state named
// before.
TEST_F(EngineText, AGovernmentNamedByWhoRulesItIsTheStateNamedBefore) {
  ExpectEach({
      {"Sudan accused the UAE of arming the RSF. The army-led government cut diplomatic ties with Abu Dhabi.", "SDN",
       "16", "ARE", Modality::kAsserted, ""},
      {"Mali signed a defence pact with Russia. The junta later expelled the French ambassador.", "MLI", "16", "FRA",
       Modality::kAsserted, ""},
  });
}

// "X <verb> ... by V-ing ...": the gerund's subject is the clause's subject.
TEST_F(EngineText, AByGerundInsideAClauseIsItsSubjectsAct) {
  const auto a = Code("Russia attacked Georgia in 2008. Armenia angered Tbilisi by lending its airfields to the aggressor.");
  ExpectEvent(a, {"lending its airfields", "ARM", "062", "RUS", Modality::kAsserted, ""}, Describe(a));
  const auto b = Code("Kyiv says Tehran prolonged the war by shipping drones to Russian forces.");
  ExpectEvent(b, {"shipping drones", "IRN", "07", "RUS", Modality::kAsserted, "UKR"}, Describe(b));
}

// A sentence opening with a subordinate clause ("When ..., ...") keeps each clause's actors apart.
TEST_F(EngineText, AnOpeningSubordinateClauseKeepsItsActors) {
  for (const char* sentence : {"When Belgrade recalled its envoy, Croatian officials criticised Serbia.",
                               "As Tehran prepared its response, Israeli jets struck Syria."})
    for (const Event& e : Code(sentence)) EXPECT_NE(e.source.substr(0, 3), e.target.substr(0, 3)) << sentence;
  const auto a = Code("As Tehran prepared its response, Israeli jets struck Syria.");
  ExpectEvent(a, {"Israeli jets struck Syria", "ISR", "19", "SYR", Modality::kAsserted, ""}, Describe(a));
  // The main clause after an opening conditional is never skipped as an aside.
  const auto b = Code("If provoked, Serbia would strike Kosovo.");
  ExpectEvent(b, {"Serbia would strike Kosovo", "SRB", "19", "KSV", Modality::kHypothetical, ""}, Describe(b));
}

// A charge skips an inserted clause between the accused and the violation, and "not only" is no
// negation.
TEST_F(EngineText, AChargePassesOverAnInsertedClause) {
  const auto a = Code("Poland argues that Hungary, by blocking aid to Ukraine, breached its EU obligations.");
  ExpectEvent(a, {"Hungary ... breached", "POL", "112", "HUN", Modality::kAsserted, ""}, Describe(a));
  const auto b = Code("Seoul claims that Pyongyang not only violated UN resolutions but also armed Russia.");
  ExpectEvent(b, {"not only violated", "KOR", "112", "PRK", Modality::kAsserted, ""}, Describe(b));
}

// What witnesses saw is coded as a clause, reported by them; an opening clause before the comma
// holds no speaker.
TEST_F(EngineText, WhatWitnessesSawIsCodedAsAClause) {
  for (const Expected& x : std::vector<Expected>{
           {"Residents filmed Russian armoured vehicles driving out of Belarus towards Chernihiv.", "RUS", "15", "UKR",
            Modality::kAsserted, ""},
           {"As the offensive began, villagers saw Belarusian trucks rolling from Gomel en route to Ukraine.", "BLR",
            "15", "UKR", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  const auto a = Code("When Minsk hosted the drills, observers spotted Russian tanks moving from Belarus into Ukraine.");
  for (const Event& e : a) EXPECT_NE(e.reported_by.substr(0, 3), "BLR") << Describe(a);
}

// A protest with no addressee named is addressed to the protesters' own state.
TEST_F(EngineText, AProtestWithNoAddresseeIsAddressedToTheProtestersOwnState) {
  for (const Expected& x : std::vector<Expected>{
           {"Hundreds of Serbian farmers protested near Novi Sad on Friday.", "SRB", "14", "SRB", Modality::kAsserted, ""},
           {"Armenian opposition supporters rallied in the centre of the capital.", "ARM", "14", "ARM", Modality::kAsserted,
            ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  // "in protest at" is no protest by whoever is named before it.
  for (const Event& e : Code("Vilnius recalled its envoy from Minsk in protest at the arrests."))
    EXPECT_NE(e.event_code.substr(0, 2), "14");
  const auto a = Code("Ukrainian refugees protested against Russia in Warsaw.");
  ExpectEvent(a, {"protested against Russia", "UKR", "14", "RUS", Modality::kAsserted, ""}, Describe(a));
}

// Forces moved to a border with no state named are still a deployment (154) by the one moving
// them; a post-posed speaker makes the statement, never the one spoken about.
TEST_F(EngineText, ForcesMovedToABorderAndPostposedSpeakers) {
  for (const Expected& x : std::vector<Expected>{
           {"Azerbaijan has massed armour along the frontier.", "AZE", "154", "", Modality::kAsserted, ""},
           {"Belgrade moved several brigades towards the border, Pristina said.", "SRB", "154", "", Modality::kAsserted,
            "KSV"},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  const auto a = Code("Rwanda jammed satellite signals over Bukavu, the UN said.");
  for (const Event& e : a) EXPECT_FALSE(e.source.rfind("RWA", 0) == 0 && e.event_code == "010") << Describe(a);
}

// "X intended/ordered Y to V": Y's act, never X's; and passing on or sharing combat know-how is
// military cooperation (062), plain know-how cooperation (060).
TEST_F(EngineText, ObjectControlAndKnowHow) {
  for (const Expected& x : std::vector<Expected>{
           {"Tehran wanted Hezbollah to train Houthi fighters.", "LBN", "06", "YEM", Modality::kAsserted, ""},
           {"Pyongyang sent engineers to Russia. Kim Jong Un ordered them to share their battlefield expertise with Russian "
            "units.",
            "PRK", "062", "RUS", Modality::kAsserted, ""},
           {"Chinese engineers shared technical know-how with Russian firms.", "CHN", "060", "RUS", Modality::kAsserted,
            ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  for (const Event& e : Code("Tehran wanted Hezbollah to train Houthi fighters."))
    EXPECT_FALSE(e.source.rfind("IRN", 0) == 0 && e.event_code.rfind("06", 0) == 0);
}

// Personnel sent abroad by class: military advisers and instructors are military cooperation
// (062); engineers, technicians and workers material cooperation (060); troops a deployment.
TEST_F(EngineText, PersonnelSentAbroadByClass) {
  for (const Expected& x : std::vector<Expected>{
           {"Moscow dispatched military instructors to Burkina Faso.", "RUS", "062", "BFA", Modality::kAsserted, ""},
           {"Tehran has sent advisers to Venezuela.", "IRN", "062", "VEN", Modality::kAsserted, ""},
           {"Beijing sent technicians to Serbia.", "CHN", "060", "SRB", Modality::kAsserted, ""},
           {"Pyongyang is sending labourers to Russia.", "PRK", "060", "RUS", Modality::kAsserted, ""},
           {"Chinese technicians were sent to Iran last year.", "CHN", "060", "IRN", Modality::kAsserted, ""},
           {"Russian military advisers have been deployed to Niger.", "RUS", "062", "NER", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// Launching an attack with no target named is still the attacker's act; forces merged into
// another state's campaign or command are military cooperation; "has no legitimacy" is a charge;
// "recalls a statement" is remembering, not recalling an envoy.
TEST_F(EngineText, OneSidedAttacksIntegrationAndRecall) {
  for (const Expected& x : std::vector<Expected>{
           {"Experts fear Azerbaijan may mount a fresh offensive this spring.", "AZE", "19", "", Modality::kHypothetical,
            ""},
           {"Houthi units were incorporated into Iran's regional command, the report said.", "YEM", "06", "IRN",
            Modality::kAsserted, ""},
           {"The Georgian Dream government has no legitimacy, Georgia's opposition insists.", "GEO", "111", "GEO",
            Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  for (const Event& e : Code("The minister recalled an OSCE statement on Belarus."))
    EXPECT_NE(e.event_code, "161");
  const auto envoy = Code("Poland recalled its envoy from Minsk.");
  ExpectEvent(envoy, {"recalled its envoy", "POL", "161", "BLR", Modality::kAsserted, ""}, Describe(envoy));
}

// Leading an assault is taking part in it; building a weapons factory or a base in another state
// is military cooperation; a charge is never made against an actor named after a preposition.
TEST_F(EngineText, LeadingAssaultsFactoriesAndChargesAfterPrepositions) {
  for (const Expected& x : std::vector<Expected>{
           {"Chechen battalions led the offensive against Bakhmut.", "RUS", "19", "UKR", Modality::kAsserted, ""},
           {"Kyiv says North Korean units took part in assaults near Kupiansk.", "PRK", "19", "UKR", Modality::kAsserted,
            "UKR"},
           {"China is said to be setting up a missile plant in Iran.", "CHN", "062", "IRN", Modality::kAsserted, ""},
           {"Turkey opened a military base in Somalia in 2017.", "TUR", "062", "SOM", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  for (const char* sentence : {"Tehran said the embargo on Iran was illegal.",
                               "Pyongyang claims that the measures against North Korea violate the UN charter."})
    for (const Event& e : Code(sentence))
      EXPECT_FALSE(e.event_code.rfind("11", 0) == 0 && e.target.size() >= 3 && e.target.substr(0, 3) == e.source.substr(0, 3))
          << sentence << "\n" << Describe(Code(sentence));
}

// With a compound subject, the place where the members met or signed is not the target.
TEST_F(EngineText, ACompoundSubjectActsTowardsItsOtherMemberNotTheVenue) {
  for (const Expected& x : std::vector<Expected>{
           {"Serbia and Kosovo signed an accord in Brussels.", "SRB", "05", "KSV", Modality::kAsserted, ""},
           {"Ethiopia and Eritrea held talks in Riyadh last week.", "ETH", "04", "ERI", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
    for (const Event& e : events) EXPECT_TRUE(e.target.rfind("BEL", 0) != 0 && e.target.rfind("SAU", 0) != 0) << Describe(events);
  }
}

// A passive statement, appeal, meeting, endorsement, investigation or demand with no named agent
// is nobody's act: the named subject is its object.
TEST_F(EngineText, APassiveVerbalActWithNoAgentIsNoEvent) {
  for (const char* sentence : {"The sale of Chinese drones to Iran was reported by several outlets.",
                               "Armenia was invited to the summit in Astana.",
                               "The shipment of Belarusian fuel to Russia was investigated last year."})
    for (const Event& e : Code(sentence))
      EXPECT_FALSE(e.event_code.rfind("01", 0) == 0 || e.event_code.rfind("02", 0) == 0 ||
                   e.event_code.rfind("04", 0) == 0 || e.event_code.rfind("09", 0) == 0)
          << sentence << "\n" << Describe(Code(sentence));
  const auto a = Code("Belarus was praised by Moscow for its loyalty.");
  ExpectEvent(a, {"praised by Moscow", "RUS", "051", "BLR", Modality::kAsserted, ""}, Describe(a));
}

// "B received A-made weapons": the adjective names the supplier; and "received North Korean
// shells" is no shelling.
TEST_F(EngineText, ReceivedWeaponsNameTheirSupplierByAdjective) {
  for (const Expected& x : std::vector<Expected>{
           {"Venezuela acquired Iranian drones in 2020.", "IRN", "072", "VEN", Modality::kAsserted, ""},
           {"Pyongyang reportedly received Russian fighter jets.", "RUS", "072", "PRK", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  for (const Event& e : Code("Moscow received North Korean shells by rail.")) EXPECT_NE(e.event_code, "194");
}

// A verb form after a possessive is a noun, and "B's use of A's territory" is A placing it at B's
// disposal; an actor after a preposition never takes a possessor's place as subject.
TEST_F(EngineText, PossessiveNominalsAndUseOfTerritory) {
  for (const Expected& x : std::vector<Expected>{
           {"Moscow's use of Syrian airfields drew criticism.", "SYR", "062", "RUS", Modality::kAsserted, ""},
           {"Israel condemned Iran's use of Iraqi territory for drone launches.", "IRQ", "062", "IRN",
            Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  const auto a = Code("Azerbaijan's offensive against Stepanakert killed dozens.");
  for (const Event& e : a) EXPECT_NE(e.source.substr(0, 3), "ARM") << Describe(a);
}

// "X denies V-ing ... and accuses Y of ...": the denial's clause ends at the joined reporting
// verb, whose subject (and reporter) is X; the denied act is negated.
TEST_F(EngineText, AJoinedReportingVerbKeepsTheFirstSubject) {
  const auto a = Code("Baku denies shelling Armenia and accuses Yerevan of arming separatists.");
  ExpectEvent(a, {"accuses Yerevan", "AZE", "112", "ARM", Modality::kAsserted, ""}, Describe(a));
  ExpectEvent(a, {"denies shelling Armenia", "AZE", "19", "ARM", Modality::kNegated, "AZE"}, Describe(a));
  const auto b = Code("Tehran denies selling drones and missiles to Moscow.");
  ExpectEvent(b, {"drones and missiles", "IRN", "06", "RUS", Modality::kNegated, "IRN"}, Describe(b));
}

// "B came under fire/attack from A" is A's attack on B; after a demonym a plural verb form is a
// noun ("Ukrainian positions", "Russian strikes"); a frame naming no target repeats nothing.
TEST_F(EngineText, ComingUnderFireAndDemonymNouns) {
  for (const Expected& x : std::vector<Expected>{
           {"A Red Cross convoy came under attack from RSF fighters near El Fasher.", "SDNREB", "19", "",
            Modality::kAsserted, ""},
           {"Armenian positions came under heavy fire from Azerbaijani forces.", "AZE", "19", "ARM", Modality::kAsserted,
            ""},
       }) {
    const auto events = Code(x.sentence);
    bool found = false;
    for (const Event& e : events)
      found = found || (StartsWith(e.source, x.source) && StartsWith(e.event_code, x.code) &&
                        (!*x.target || StartsWith(e.target, x.target)));
    EXPECT_TRUE(found) << x.sentence << "\n" << Describe(events);
  }
  const auto a = Code("Armenian positions came under heavy fire from Azerbaijani forces.");
  for (const Event& e : a) EXPECT_NE(e.source.substr(0, 3), "ARM") << Describe(a);
  EXPECT_EQ(Code("A UN convoy came under attack from M23 rebels.").size(), 1u);
}

// A reported clause may open with a quantity of its subject ("said about 11,000 ... soldiers");
// a reduced relative passive ("fighters backed by Rwandan troops") takes its source from "by".
TEST_F(EngineText, QuantitiesBeforeTheSubjectAndReducedRelativePassives) {
  const auto a = Code("Kyiv said some 3,000 Chechen fighters had been sent to Kursk.");
  for (const Event& e : a) EXPECT_NE(e.source.substr(0, 3), "UKR") << Describe(a);
  const auto b = Code("Houthi units backed by Iranian advisers attacked a tanker.");
  ExpectEvent(b, {"backed by Iranian advisers", "IRN", "05", "YEM", Modality::kAsserted, ""}, Describe(b));
}

// Cooperation in the passive with a place ("were trained in Britain") is the host's; a subject
// that uses force together names no target among its members; "will not fight" is a negation;
// a one-sided rejection of accusations is a denial (016).
TEST_F(EngineText, HostsAlliesCommitmentsAndDenials) {
  for (const Expected& x : std::vector<Expected>{
           {"Ukrainian pilots were trained in Denmark last year.", "DNK", "062", "UKR", Modality::kAsserted, ""},
           {"Minsk said Belarusian troops would never enter Ukraine.", "BLR", "19", "UKR", Modality::kNegated, "BLR"},
           {"Tehran dismissed the allegations as lies.", "IRN", "016", "", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  const auto a = Code("Rwandan and Burundian soldiers launched joint raids against the FDLR.");
  for (const Event& e : a)  // (the FDLR is RWAREB: Rwandan rebels, a fair target; joint raids are
                             // the members' military cooperation, 062, never force between them)
    EXPECT_TRUE(e.event_code == "062" ||
                (e.target != "RWA" && e.target != "RWAMIL" && e.target.rfind("BDI", 0) != 0)) << Describe(a);
  // A refusal coded from its negation is not negated again.
  const auto b = Code("Washington said it would not meet the kidnappers' demands in Iraq.");
  for (const Event& e : b) {
    if (e.event_code.rfind("12", 0) == 0) {
      EXPECT_NE(e.modality, Modality::kNegated) << Describe(b);
    }
  }
}

// An origin is never the one who moves or strikes; "forces" is no "force" (use of force); "called
// the accusations baseless" is a denial.
TEST_F(EngineText, OriginsForcesAndBaselessAccusations) {
  for (const Event& e : Code("Rockets fired from Lebanese territory hit Haifa, the army said."))
    EXPECT_NE(e.source.substr(0, 3), "LBN") << Describe(Code("Rockets fired from Lebanese territory hit Haifa, the army said."));
  for (const Event& e : Code("Chinese drones have been used by Russian forces in Zaporizhzhia."))
    EXPECT_FALSE(e.event_code == "190" && e.target.rfind("CHN", 0) == 0);
  const auto a = Code("Tehran called the accusations baseless.");
  ExpectEvent(a, {"called the accusations baseless", "IRN", "016", "", Modality::kAsserted, ""}, Describe(a));
}

// Repression of unnamed people is addressed to the repressor's own country; a number written
// with a comma is one word; "took off from" an airfield is no capture.
TEST_F(EngineText, DomesticRepressionNumbersAndTakeOff) {
  for (const Expected& x : std::vector<Expected>{
           {"Georgian police have detained more than 2,000 protesters since November.", "GEO", "17", "GEO",
            Modality::kAsserted, ""},
           {"Azerbaijan jailed six journalists last year, the press group said.", "AZE", "17", "AZE", Modality::kAsserted,
            ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  for (const Event& e : Code("Russian fighter jets took off from the Baranovichi air base."))
    EXPECT_NE(e.event_code.substr(0, 3), "192") << Describe(Code("Russian fighter jets took off from the Baranovichi air base."));
}

// Carrying another state's fuel, ammunition or troops is logistics for it (072); where a verb
// pattern reads the destination instead ("transported weapons to Darfur"), that reading stands.
TEST_F(EngineText, CarryingAnotherStatesSuppliesIsLogistics) {
  for (const Expected& x : std::vector<Expected>{
           {"Kazakh trucks hauled Russian ammunition across the steppe.", "KAZ", "072", "RUS", Modality::kAsserted, ""},
           {"Chadian lorries hauled Emirati weapons, the report found.", "TCD", "072", "ARE",
            Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// "The rebels", "the militia", "the mercenaries" name the most recent armed group of that kind;
// "wanted the mercenaries to train ..." is their act.
TEST_F(EngineText, ArmedGroupsNamedAgainByWhatTheyAre) {
  const auto a = Code("The Houthis fired missiles at Israel. Washington accused Tehran of arming the rebels.");
  ExpectEvent(a, {"arming the rebels", "IRN", "07", "YEM", Modality::kAsserted, "USA"}, Describe(a));
  const auto b = Code("Wagner fighters moved to Mali in 2021. Bamako wanted the mercenaries to train the Malian army.");
  ExpectEvent(b, {"the mercenaries to train", "RUS", "06", "MLI", Modality::kAsserted, ""}, Describe(b));
}

// A title before the speaker's name is the speaker's too: the clause's actor is the one it names.
TEST_F(EngineText, ATitleAndANameSpeakTogether) {
  for (const Expected& x : std::vector<Expected>{
           {"Chad's prime minister Allamaye Halina said in a radio interview that Libya was arming the rebels.", "LBY",
            "07", "", Modality::kAsserted, ""},
           {"Ukraine's defence minister Rustem Umerov said that Iran had shipped missiles to Russia.", "IRN", "07",
            "RUS", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    for (const Event& e : events)
      EXPECT_FALSE(StartsWith(e.source, x.sentence[0] == 'C' ? "TCD" : "UKR") && e.event_code.starts_with("07"))
          << x.sentence << "\n" << Describe(events);
  }
}

// "Sudan's Defence and Security Council", "Russia's UN envoy": an international body's name after
// a state's possessive is that state's own organ.
TEST_F(EngineText, AStatesOwnCouncilOrEnvoyIsThatState) {
  for (const Expected& x : std::vector<Expected>{
           {"Iran's Supreme National Security Council condemned Israel.", "IRNGOV", "111", "ISR", Modality::kAsserted, ""},
           {"China's UN ambassador Fu Cong criticised Washington.", "CHNGOV", "11", "USA", Modality::kAsserted, ""},
           {"The Security Council condemned Israel.", "IGOUNO", "111", "ISR", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// Taking a state to court, in every common phrasing, is CAMEO 115.
TEST_F(EngineText, TakingAStateToCourt) {
  for (const Expected& x : std::vector<Expected>{
           {"Ukraine took Russia to the International Court of Justice in 2022.", "UKR", "115", "RUS",
            Modality::kAsserted, ""},
           {"The Gambia brought a case against Myanmar over the killings.", "GMB", "115", "MMR", Modality::kAsserted, ""},
           {"Armenia instituted proceedings against Azerbaijan in September.", "ARM", "115", "AZE", Modality::kAsserted,
            ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// A denial that names no one else is still the speaker's denial (016), with the speaker as the
// whole sentence reads it (its agents).
TEST_F(EngineText, ADenialNamingNoOneElseIsADenial) {
  for (const Expected& x : std::vector<Expected>{
           {"The Egyptian foreign ministry denied carrying out any air strikes.", "EGYGOV", "016", "", Modality::kAsserted,
            ""},
           {"Tehran has always denied shipping weapons to either side.", "IRN", "016", "", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// "The drones that struck X had been supplied to Y by Z": the relative clause is coded on its own
// and its words are no actors of the main verb.
TEST_F(EngineText, RelativeClausesOnWeaponsAndForces) {
  for (const Expected& x : std::vector<Expected>{
           {"The missiles that hit Odesa last week had been shipped to Russia by North Korea.", "PRK", "07", "RUS",
            Modality::kAsserted, ""},
           {"Rifles that Belgrade sold to Kyiv were found in the Donbas.", "SRB", "0", "UKR", Modality::kAsserted, ""},
           {"Officials inspected the drones which Iran delivered to Moscow.", "IRN", "07", "RUS", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
    for (const Event& e : events)
      EXPECT_FALSE(e.event_code.starts_with("19") || e.event_code.starts_with("18"))
          << x.sentence << "\n" << Describe(events);
  }
}

// A second verb joined by "and" has the first clause's subject even when the first verb codes
// nothing; nominal deliveries of any weapons class are supply.
TEST_F(EngineText, AJoinedVerbKeepsTheSubjectAndNominalDeliveries) {
  for (const Expected& x : std::vector<Expected>{
           {"Zelensky called the strike a war crime and accused Tehran of arming Moscow.", "UKR", "112", "IRN",
            Modality::kAsserted, ""},
           {"Chinese shipments of drone components to Russia doubled last year.", "CHN", "07", "RUS", Modality::kAsserted, ""},
           {"Belarusian deliveries of artillery rounds to Russia continued.", "BLR", "07", "RUS", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
    for (const Event& e : events)
      EXPECT_FALSE(e.event_code == "112" && e.source.starts_with("IRN")) << x.sentence << "\n" << Describe(events);
  }
}

// Intelligence of every kind given to a party is CAMEO 064, and "targeting" before "data" is no
// attack; a body's "sanctions monitors" sanction no one.
TEST_F(EngineText, IntelligenceGivenAndSanctionsMonitors) {
  for (const Expected& x : std::vector<Expected>{
           {"Beijing passed satellite imagery to Moscow.", "CHN", "064", "RUS", Modality::kAsserted, ""},
           {"Tehran gave the Houthis real-time intelligence on ships.", "IRN", "064", "YEM", Modality::kAsserted, ""},
           {"Iran fed targeting coordinates to Hezbollah.", "IRN", "064", "", Modality::kAsserted, ""},
           {"EU sanctions experts said Minsk had shipped shells to Moscow.", "BLR", "07", "RUS", Modality::kAsserted, "IGOEU"},
       }) {
    const auto events = Code(x.sentence);
    if (*x.target) ExpectEvent(events, x, Describe(events));
    for (const Event& e : events)
      EXPECT_FALSE(e.event_code.starts_with("19") || e.event_code == "163") << x.sentence << "\n" << Describe(events);
  }
}

// "The group", "the movement", "the militants" name the most recent armed group; given from a
// state, a thing was given by that state.
TEST_F(EngineText, TheGroupAndGivingFromAState) {
  const auto a = Code("The M23 took Goma in January. Kigali denied arming the group.");
  ExpectEvent(a, {"arming the group", "RWA", "07", "COD", Modality::kNegated, "RWA"}, Describe(a));
  const auto b = Code("The Houthis fired missiles at Israel. Tehran sent drones to the movement.");
  ExpectEvent(b, {"drones to the movement", "IRN", "07", "YEM", Modality::kAsserted, ""}, Describe(b));
  const auto c = Code("Artillery rounds were shipped from North Korea to Russia by sea.");
  ExpectEvent(c, {"shipped from North Korea", "PRK", "07", "RUS", Modality::kAsserted, ""}, Describe(c));
  const auto d = Code("Rifles were sent from Serbia to Ukraine through Romania.");
  ExpectEvent(d, {"sent from Serbia", "SRB", "07", "UKR", Modality::kAsserted, ""}, Describe(d));
}

// "for X to V" makes X the subject; "according to X" with nothing else coded is X's statement; a
// government named through its state is charged; forces heading or pouring out of one state
// towards another move (150); "X fighting for Y lost ..." is no fight by X against Y.
TEST_F(EngineText, InfinitiveSubjectsStatementsGovernmentsAndMovement) {
  for (const Expected& x : std::vector<Expected>{
           {"Putin's plan was for Belarusian troops to attack Kyiv.", "BLR", "19", "UKR", Modality::kAsserted, ""},
           {"The general's aim was for Iranian instructors to train Russian crews.", "IRN", "06", "RUS",
            Modality::kAsserted, ""},
           {"According to Meduza, an independent Russian outlet, 300 Russians serving in Ukraine died last year.", "RUS",
            "010", "", Modality::kAsserted, ""},
           {"The Sudanese opposition says the regime in Khartoum is illegitimate.", "SDN", "111", "SDNGOV",
            Modality::kAsserted, ""},
           {"Russian tanks poured out of Belarus towards Chernihiv.", "RUS", "150", "UKR", Modality::kAsserted, ""},
           {"Rwandan columns headed from Rwanda into Congo.", "RWA", "150", "COD", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  // A list of weapons whose last member has a modifier stays one object.
  const auto rounds = Code("Minsk had sent millions of rounds of artillery and rocket ammunition to Moscow.");
  ExpectEvent(rounds, {"rocket ammunition", "BLR", "07", "RUS", Modality::kAsserted, ""}, Describe(rounds));
  const auto lost = Code("Dozens of Georgians fighting for Ukraine lost their lives in 2023.");
  for (const Event& e : lost) EXPECT_FALSE(e.event_code.starts_with("19")) << Describe(lost);
}

// Envoys sent are recognition (054); "X bore responsibility" is the speaker's accusation of X;
// the subject "members of X" acts for X in a joined verb.
TEST_F(EngineText, EnvoysResponsibilityAndMembersOf) {
  for (const Expected& x : std::vector<Expected>{
           {"Moscow accredited an envoy of the Taliban in 2024.", "RUS", "054", "AFG", Modality::kAsserted, ""},
           {"Iran appointed an ambassador to the Houthi government.", "IRN", "054", "YEM", Modality::kAsserted, ""},
           {"Warsaw said Minsk bore full responsibility for the incursion.", "POL", "112", "BLR", Modality::kAsserted, ""},
           {"Members of Rwanda's army are deployed in Rutshuru and help the M23 recruit fighters.", "RWA", "06", "COD",
            Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// Sent to a place in order to help someone is help to that someone; what was allowed is not
// retargeted. A designation with no label is a sanctions designation.
TEST_F(EngineText, PurposeClausesAndDesignations) {
  for (const Expected& x : std::vector<Expected>{
           {"Minsk sent instructors to Rostov to train Russian conscripts.", "BLR", "06", "RUS", Modality::kAsserted, ""},
           {"Chinese engineers were sent to Tehran in 2023 to help Russian crews.", "CHN", "0", "RUS", Modality::kAsserted, ""},
           {"Belarus allowed Russian bombers to use its airfields for raids on Ukraine.", "BLR", "06", "RUS",
            Modality::kAsserted, ""},
           {"The US Treasury designated three Belarusian companies over shell deliveries to Russia.", "USA", "163", "BLR",
            Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// "sent no weapons" is a negated sending; weapons "for use against" a state are not given to it.
TEST_F(EngineText, NoBeforeTheObjectAndUseAgainst) {
  for (const Expected& x : std::vector<Expected>{
           {"Minsk has sent no troops to Russia.", "BLR", "15", "RUS", Modality::kNegated, ""},
           {"Beijing provided no weapons to Moscow, the ministry said.", "CHN", "07", "RUS", Modality::kNegated, ""},
           {"Pyongyang shipped shells to Moscow for use against Ukraine.", "PRK", "07", "RUS", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
    for (const Event& e : events) EXPECT_NE(e.target.substr(0, 3), "UKR") << x.sentence << "\n" << Describe(events);
  }
}

// A text that condemns condemns for whoever wrote or backed it, not for whoever voted on it.
TEST_F(EngineText, WhatAResolutionSays) {
  const auto abstained = Code("India abstained on a UN resolution condemning Moscow.");
  for (const Event& e : abstained) EXPECT_FALSE(e.source.starts_with("IND")) << Describe(abstained);
  const auto adopted = Code("The Security Council adopted a resolution condemning the Houthis.");
  ExpectEvent(adopted, {"adopted", "IGOUNO", "111", "YEM", Modality::kAsserted, ""}, Describe(adopted));
  const auto backed = Code("Chile backed a resolution condemning Moscow.");
  ExpectEvent(backed, {"backed", "CHL", "111", "RUS", Modality::kAsserted, ""}, Describe(backed));
}

// Dual-use goods exported are trade that arms a war (061); weapons of a state's making used in an
// attack were supplied by it (072), and force is not used against their maker.
TEST_F(EngineText, DualUseExportsAndWeaponsOfAnotherMaking) {
  for (const Expected& x : std::vector<Expected>{
           {"Turkish traders exported microelectronics and ball bearings to Russia.", "TUR", "061", "RUS",
            Modality::kAsserted, ""},
           {"Armenian firms sold machine tools to Russian factories.", "ARM", "061", "RUS", Modality::kAsserted, ""},
           {"Russian units shelled Zaporizhzhia with North Korean artillery shells.", "PRK", "072", "RUS",
            Modality::kAsserted, ""},
           {"Moscow struck Lviv using Iranian drones.", "IRN", "072", "RUS", Modality::kAsserted, ""},
           {"Iranian missiles were fired by Russian forces at Odesa.", "IRN", "072", "RUS", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
    for (const Event& e : events)
      EXPECT_FALSE((e.event_code.starts_with("19") || e.event_code.starts_with("18")) &&
                   (e.target.starts_with("IRN") || e.target.starts_with("PRK")))
          << x.sentence << "\n" << Describe(events);
  }
  // Shooting down another state's drone is force against it.
  const auto down = Code("Polish jets shot down a Belarusian drone over Podlasie.");
  ExpectEvent(down, {"shot down", "POL", "19", "BLR", Modality::kAsserted, ""}, Describe(down));
}

// Weapons taken from the enemy were not supplied by their maker, the maker of what is fired is not
// its target, and the place struck does not receive the weapons used on it.
TEST_F(EngineText, CapturedWeaponsAndInstrumentsAreNoSupplyOrTarget) {
  for (const char* sentence : {"Ukrainian gunners fired captured Russian shells at the village.",
                               "Ukrainian gunners fired Russian-made rockets seized near Izium at the bridge."}) {
    const auto events = Code(sentence);
    for (const Event& e : events) {
      EXPECT_FALSE(e.target.starts_with("RUS")) << sentence << "\n" << Describe(events);
      EXPECT_FALSE(e.source.starts_with("RUS") && e.event_code.starts_with("07")) << sentence << "\n" << Describe(events);
    }
  }
  for (const char* sentence : {"Russia attacked Odesa using Iranian drones.",
                               "Russian troops hit Kharkiv overnight, using Iranian missiles."}) {
    const auto events = Code(sentence);
    ExpectEvent(events, {"", "IRN", "072", "RUS", Modality::kAsserted, ""}, Describe(events));
    for (const Event& e : events)
      EXPECT_FALSE(e.source.starts_with("IRN") && e.target.starts_with("UKR")) << sentence << "\n" << Describe(events);
  }
  // (An object with an infinitive after it is that infinitive's subject: Moscow launches the attacks.)
  const auto allowed = Code("The Council said Minsk had allowed Moscow to launch attacks on Kyiv from its territory.");
  ExpectEvent(allowed, {"", "RUS", "19", "UKR", Modality::kAsserted, ""}, Describe(allowed));
}

// An official posted somewhere speaks for the state that posted them, not for the place of posting:
// "X's envoy to the UN said"; a report by experts keeps the experts. A contrast ("rather than",
// "instead of") denies the act it introduces.
TEST_F(EngineText, APostedOfficialSpeaksForTheirStateAndAContrastDenies) {
  for (const Expected& x : std::vector<Expected>{
           {"Egypt's ambassador to the UN said Cairo had not sent troops to Libya.", "EGY", "15", "LBY",
            Modality::kNegated, "EGY"},
           {"Turkey's envoy at NATO said Ankara would not attack Syria.", "TUR", "19", "SYR", Modality::kNegated, "TUR"},
           {"A report by UN experts said Uganda had sent troops to Congo.", "UGA", "15", "COD", Modality::kAsserted,
            "IGOUNO"},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  for (const char* sentence : {"Most rifles were made in Serbia rather than shipped from Bulgaria to Serbia.",
                               "The shells were produced locally instead of delivered from Bulgaria to Serbia."}) {
    const auto events = Code(sentence);
    for (const Event& e : events)
      EXPECT_FALSE(e.event_code.starts_with("07") && e.modality == Modality::kAsserted) << sentence << "\n"
                                                                                        << Describe(events);
  }
}

// "X said the country ..." is X's own country, as "his country" is; what a speaker calls its own is
// its state's, whatever office or outlet speaks: "the agency said its troops" are the state's troops.
TEST_F(EngineText, TheSpeakersCountryAndTroopsAreItsStates) {
  for (const Expected& x : std::vector<Expected>{
           {"Lukashenko said the country would never attack Poland.", "BLR", "19", "POL", Modality::kNegated, "BLR"},
           {"The Kremlin said its forces had struck Odesa.", "RUSMIL", "19", "UKR", Modality::kAsserted, "RUS"},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
    for (const Event& e : events) EXPECT_FALSE(e.source.size() > 6) << x.sentence << "\n" << Describe(events);
  }
}

// "Weapons of X origin|design|make": X made them. Used by someone, X supplied that user; X is never
// the target of what is done with them.
TEST_F(EngineText, WeaponsOfAStatesMakeNameTheirMaker) {
  for (const Expected& x : std::vector<Expected>{
           {"Sudan's army used drones of Turkish origin.", "TUR", "072", "SDN", Modality::kAsserted, ""},
           {"Azerbaijan struck Stepanakert with drones of Israeli design.", "ISR", "072", "AZE", Modality::kAsserted, ""},
           {"Inspectors said the missiles fired by Azerbaijani forces were of Israeli make.", "ISR", "072", "AZE",
            Modality::kAsserted, ""},
           // (A first word before "of" is the subject noun, not a verb: "Shells of ...".)
           {"Shells of Israeli make were found in Azerbaijani stocks.", "ISR", "072", "AZE", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    if (*x.target) ExpectEvent(events, x, Describe(events));
    for (const Event& e : events)
      EXPECT_FALSE((e.event_code.starts_with("19") || e.event_code.starts_with("18")) &&
                   (e.target.starts_with("TUR") || e.target.starts_with("ISR")))
          << x.sentence << "\n" << Describe(events);
  }
  // Shooting one down: its maker supplied whoever launched it, not the one who shot it down.
  const auto down = Code("Armenia shot down a drone of Turkish design.");
  for (const Event& e : down) {
    EXPECT_FALSE(e.source.starts_with("TUR") && e.target.starts_with("ARM")) << Describe(down);
    EXPECT_FALSE(e.target.starts_with("TUR")) << Describe(down);
  }
}

// A second verb and its object after "and" share the first clause's subject, however short the
// second clause ("toured the plant and met Erdogan").
TEST_F(EngineText, AVerbAndItsObjectAfterAndShareTheSubject) {
  for (const Expected& x : std::vector<Expected>{
           {"Lukashenko toured a tractor plant and met Tokayev.", "BLR", "040", "KAZ", Modality::kAsserted, ""},
           {"Aliyev inspected the new airport and received Erdogan.", "AZE", "04", "TUR", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// A clause needs a verb: "and" with none before it joins the members of the subject, and a
// possessive opens the second member ("Lavrov and his Iranian counterpart").
TEST_F(EngineText, MembersOfASubjectJoinedByAndActTogether) {
  for (const Expected& x : std::vector<Expected>{
           {"Ukrainian lawyers and human rights campaigners have accused Minsk of hiding deportations.", "UKR",
            "112", "BLR", Modality::kAsserted, ""},
           {"Sudanese army officers and some local journalists accused Abu Dhabi of prolonging the war.", "SDN",
            "112", "ARE", Modality::kAsserted, ""},
           {"Lavrov and his Iranian counterpart signed an agreement in Moscow.", "RUS", "057", "IRN",
            Modality::kAsserted, ""},
           {"Kagame and his Burundian counterpart signed a border accord.", "RWA", "057", "BDI",
            Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// "X stands accused of ..." names no accuser: X is accused (by no one named) and accuses no one;
// an opening span of time ("Two years after ...,") is a clause of its own; and a verb followed by
// its own clause ("..., Rwanda denied sending troops") reports nothing before the comma.
TEST_F(EngineText, AnAccusedStateAccusesNoOneAndAnOpeningClauseIsNotReported) {
  for (const Expected& x : std::vector<Expected>{
           {"Eritrea stands accused of being the main backer of the Sudanese army.", "", "112", "ERI", Modality::kAsserted,
            ""},
           {"Two years after the war began, Iran stands accused of being the main drone supplier of Russia.", "", "112",
            "IRN", Modality::kAsserted, ""},
           {"Three days after the rebels seized Goma, Kigali denied sending troops.", "RWA", "15", "",
            Modality::kNegated, "RWA"},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
    for (const Event& e : events) {
      // (The accused accuses no one; what it is accused of is its act: "ERI 07x SDN".)
      EXPECT_FALSE((e.source == "ERI" || e.source == "IRN") && e.event_code.starts_with("11"))
          << x.sentence << "\n" << Describe(events);
      // (The opening clause is no one's report.)
      EXPECT_TRUE(e.reported_by.empty() || !e.event_code.starts_with("17")) << x.sentence << "\n" << Describe(events);
    }
  }
}

// Every way to say a state builds up its forces is posture (154), with or without a state named at
// the border; strengthening ties is not.
TEST_F(EngineText, ForcesBuiltUpAtABorderArePosture) {
  for (const Expected& x : std::vector<Expected>{
           {"Belarus bolstered its forces near the Ukrainian border.", "BLR", "154", "UKR", Modality::kAsserted, ""},
           {"Uganda strengthened its military presence along the border with Congo.", "UGA", "154", "COD",
            Modality::kAsserted, ""},
           {"Minsk beefed up troops on the border with Ukraine.", "BLR", "154", "UKR", Modality::kAsserted, ""},
           {"Burundi reinforced its units and air defences along the frontier.", "BDI", "154", "",
            Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  for (const Event& e : Code("Russia and Iran strengthened ties.")) EXPECT_NE(e.event_code, "154");
}

// "A UN report estimated that ...": a plain form before a past verb is the subject's noun, so the
// report's content is coded with the UN as its reporter; "troops of X" are X's troops.
TEST_F(EngineText, AReportBeforeItsVerbIsTheSpeakersNounAndTroopsOfXAreXs) {
  for (const Expected& x : std::vector<Expected>{
           {"A UN report estimated that Rwanda sent troops to Congo.", "RWA", "154", "COD", Modality::kAsserted,
            "IGO"},
           {"The Amnesty report published in May found that Belarus had sent fuel to the Russian army.", "BLR",
            "07", "RUS", Modality::kAsserted, "NGO"},
           {"Some 2,000 soldiers of the Uganda People's Defence Force are stationed in Ituri.", "UGAMIL", "154",
            "COD", Modality::kAsserted, ""},
           {"Units of the Belarusian army operated in Kyiv oblast in 2022.", "BLRMIL", "154", "UKR",
            Modality::kAsserted, ""},
           {"Minsk supplied diesel and spare parts to Russian units.", "BLR", "07", "RUS", Modality::kAsserted, ""},
           {"Tehran shipped jet fuel to the Houthis.", "IRN", "07", "YEMREB", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// ", where ..." and ", when ..." are asides coded on their own ("where" at the main clause's place);
// entering combat is fighting.
TEST_F(EngineText, WhereAndWhenAsidesAreCodedApartAndEnteringCombatIsFighting) {
  for (const Expected& x : std::vector<Expected>{
           {"Convoys assembled near Gomel, where Russia had stationed tanks.", "RUS", "", "BLR", Modality::kAsserted,
            ""},
           {"Belarusian units went into combat in the Zhytomyr region, where Ukraine had retaken two villages.",
            "BLRMIL", "190", "UKR", Modality::kAsserted, ""},
           {"Pyongyang's soldiers entered combat against Ukrainian troops in January.", "PRK", "190", "UKR",
            Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
    for (const Event& e : events) EXPECT_FALSE(e.source.starts_with("UKR")) << x.sentence << "\n" << Describe(events);
  }
}

// With no "by" phrase, the owner of the weapons fired them, at whoever follows "at/on/against".
TEST_F(EngineText, TheOwnerOfWeaponsFiredByNoOneNamedFiredThem) {
  for (const Expected& x : std::vector<Expected>{
           {"Russian cruise missiles were fired at Ukrainian power plants.", "RUS", "19", "UKR", Modality::kAsserted,
            ""},
           {"Houthi drones were launched against Saudi oil facilities.", "YEMREB", "19", "SAU", Modality::kAsserted,
            ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
    for (const Event& e : events) EXPECT_FALSE(e.target.starts_with("RUS") || e.target.starts_with("YEMREB"));
  }
}

// A long speaker after a post-posed quote is still the reporter, and a body both China's and North
// Korea's ruling parties have takes its state from the words around it.
TEST_F(EngineText, LongSpeakersAndBodiesOfSeveralStates) {
  for (const Expected& x : std::vector<Expected>{
           {"Belarus sent drones to Russia, the Central Military Commission of the Workers' Party said.",
            "BLR", "07", "RUS", Modality::kAsserted, "PRK"},
           {"North Korea's Central Military Commission threatened South Korea.", "PRKMIL", "13", "KOR",
            Modality::kAsserted, ""},
           {"China's Central Military Commission threatened Taiwan.", "CHNMIL", "13", "TWN", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// Aid and posture whose receiver the sentence does not name are coded with no target when the
// sentence yields nothing else; a noun read as a verb ("merchant ships") never is.
TEST_F(EngineText, AidAndPostureWithNoReceiverNamed) {
  for (const Expected& x : std::vector<Expected>{
           {"Tehran has also sent howitzers and rocket launchers.", "IRN", "07", "", Modality::kAsserted, ""},
           {"Minsk deployed troops in the spring.", "BLR", "15", "", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  for (const Event& e : Code("The frigate escorted merchant ships through the strait."))
    EXPECT_NE(e.event_code.substr(0, 2), "07") << e.source << " " << e.event_code;
  // (With a receiver named, the event has it.)
  const auto named = Code("Tehran has also sent Shahed drones to Russia.");
  ExpectEvent(named, {"Tehran has also sent Shahed drones to Russia.", "IRN", "", "RUS", Modality::kAsserted, ""},
              Describe(named));
}

// An embedded question states nothing: what it asks about is hypothetical.
TEST_F(EngineText, AnEmbeddedQuestionStatesNothing) {
  for (const char* sentence : {"Asked whether Ugandan troops were in Ituri, Museveni said he would not comment.",
                               "Reporters wanted to know if Iran had sent missiles to Russia."}) {
    for (const Event& e : Code(sentence)) {
      if (e.event_code.starts_with("15") || e.event_code.starts_with("07")) {
        EXPECT_EQ(e.modality, Modality::kHypothetical) << sentence << " " << e.source << " " << e.event_code;
      }
    }
  }
}

// Troops shipped somewhere are forces sent; the maker named before a weapon noun is not the
// subject when another actor acts before the verb.
TEST_F(EngineText, ShippedTroopsAndTheMakerOfWeaponsAnotherFires) {
  for (const Expected& x : std::vector<Expected>{
           {"Thousands of Eritrean soldiers were shipped to Sudan.", "ERIMIL", "15", "SDN", Modality::kAsserted, ""},
           {"Iranian drones make up most of the arsenal Russia fires at Ukrainian cities.", "RUS", "19", "UKR",
            Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
    for (const Event& e : events) EXPECT_FALSE(e.source.starts_with("IRN") && e.event_code.starts_with("19"));
  }
}

// A state named as another's main supplier, backer or patron gives it aid (070).
TEST_F(EngineText, AStateNamedAsAnothersSupplierOrBacker) {
  for (const Expected& x : std::vector<Expected>{
           {"Belarus has become Russia's biggest supplier of tank rounds.", "BLR", "07", "RUS", Modality::kAsserted, ""},
           {"Eritrea remains the main backer of the Sudanese army.", "ERI", "07", "SDN", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// After the verb, "and" with no verb before a preposition joins the verb's objects.
TEST_F(EngineText, ObjectsJoinedByAndBeforeAPreposition) {
  for (const Expected& x : std::vector<Expected>{
           {"Britain added Kagame's adviser and two mining firms to its sanctions list.", "GBR", "163", "RWA",
            Modality::kAsserted, ""},
           {"Minsk moved tanks and heavy artillery towards the Ukrainian border.", "BLR", "15", "UKR",
            Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// A quote closed after its comma ("...," X said) is X's report; "we" and "our" in it are X's side.
TEST_F(EngineText, QuotesInTheFirstPersonSpeakForTheSpeakersSide) {
  for (const Expected& x : std::vector<Expected>{
           {"\"We sent drones to Russia before the war,\" Araghchi said.", "IRN", "07", "RUS", Modality::kAsserted,
            "IRN"},
           {"\"Our soldiers captured two Belarusian saboteurs near Chernihiv,\" Zelensky wrote on Monday, posting "
            "photographs of the men.", "UKR", "1", "BLR", Modality::kAsserted, "UKR"},
           {"\"We will never send our troops to Ukraine,\" Lukashenko said.", "BLR", "", "UKR", Modality::kNegated,
            "BLR"},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// Sent to investigate: the purpose names the act, whoever is sent.
TEST_F(EngineText, SentToInvestigateIsAnInvestigation) {
  const auto events = Code("The OSCE sent 30 military and civilian experts to Ukraine on Friday to investigate the shelling.");
  ExpectEvent(events, {"", "IGO", "09", "UKR", Modality::kAsserted, ""}, Describe(events));
}

// After an introductory phrase ("In February,", "Last year,") the span up to the next comma holds
// the main clause when it has an actor and a verb: it is no aside to be blanked.
TEST_F(EngineText, TheClauseAfterAnIntroductoryPhraseIsTheMainClause) {
  for (const Expected& x : std::vector<Expected>{
           {"In February, the US Treasury sanctioned James Kabarebe, Rwanda's minister of state for regional "
            "integration, along with two companies.",
            "USAGOV", "16", "RWAGOV", Modality::kAsserted, ""},
           {"Last year, Britain sanctioned two Iranian generals, the heads of the drone programme, over the "
            "attacks.",
            "GBR", "16", "IRN", Modality::kAsserted, ""},
           {"In March, North Korea shipped artillery shells to Russia, according to Seoul, by rail and by sea.",
            "PRK", "07", "RUS", Modality::kAsserted, "KORGOV"},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// "No", "none (of)", "not a single", "neither" opening a clause's subject negate its verb.
TEST_F(EngineText, ANegatedSubjectNegatesItsVerb) {
  for (const Expected& x : std::vector<Expected>{
           {"No Belarusian troops have crossed into Ukraine, Minsk said.", "BLRMIL", "", "UKR", Modality::kNegated,
            "BLRGOV"},
           {"Iran supplied drones to Russia, while insisting that none had been sent for use in Ukraine.", "IRN",
            "07", "UKR", Modality::kNegated, ""},
           {"No North Korean soldiers fought in Ukraine itself, Seoul said.", "PRKMIL", "", "UKR",
            Modality::kNegated, "KORGOV"},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  // ... but not "no matter", and not a "no" inside another clause.
  for (const char* sentence : {"Iran has sent drones to Russia, no matter what the West says.",
                               "Russia, which had no allies left, bought drones from Iran."}) {
    const auto events = Code(sentence);
    bool asserted = false;
    for (const Event& e : events)
      asserted = asserted || ((e.root_code == "07" || e.root_code == "06") && e.modality == Modality::kAsserted);
    EXPECT_TRUE(asserted) << sentence << "\n" << Describe(events);
  }
}

// Forces deployed, sent or stationed to train, advise or assist another cooperate with it (062):
// the purpose names the act and whom it is for, whatever place they went to.
TEST_F(EngineText, ForcesSentToTrainOrAdviseCooperateWithWhomTheyServe) {
  for (const Expected& x : std::vector<Expected>{
           {"Iranian personnel were deployed to Crimea to train Russian crews.", "IRN", "062", "RUS",
            Modality::kAsserted, ""},
           {"Officers of the Quds Force have been stationed in Sanaa to advise Houthi commanders.", "IRNMIL", "062",
            "YEMREB", Modality::kAsserted, ""},
           {"Egypt dispatched pilots to Port Sudan to assist the Sudanese army.", "EGY", "062", "SDNMIL",
            Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// A vote against a measure against a state (suspending, expelling, condemning it) sides with that
// state; a vote against the state itself opposes it.
TEST_F(EngineText, AVoteAgainstAMeasureAgainstAStateSidesWithIt) {
  for (const Expected& x : std::vector<Expected>{
           {"North Korea voted against expelling Russia from the council.", "PRK", "051", "RUS", Modality::kAsserted, ""},
           {"Belarus voted against a resolution condemning Russia's annexation of four Ukrainian regions.", "BLR",
            "051", "RUS", Modality::kAsserted, ""},
           {"Iran voted in April 2022 against suspending Russia from the Human Rights Council.", "IRN", "051", "RUS",
            Modality::kAsserted, ""},
           {"Poland voted against Russia's candidacy.", "POL", "111", "RUS", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// Saluting, extolling, glorifying, acclaiming or toasting another's cause is praise (051).
TEST_F(EngineText, SalutingExtollingOrGlorifyingIsPraise) {
  for (const Expected& x : std::vector<Expected>{
           {"Lukashenko saluted the Russian army on its holiday.", "BLRGOV", "051", "RUSMIL", Modality::kAsserted, ""},
           {"Iranian state television extolled Russia's resistance to NATO.", "IRNGOVMED", "051", "RUS",
            Modality::kAsserted, ""},
           {"North Korean media glorified the Russian offensive in Donbas.", "PRKMED", "051", "RUS",
            Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// Sanctions, frameworks and packages "targeting" someone sanction it (163); forces targeting
// someone attack it.
TEST_F(EngineText, MeasuresTargetingSomeoneSanctionIt) {
  for (const Expected& x : std::vector<Expected>{
           {"In 2023 the EU created a dedicated legal framework targeting Iran's drone and missile programmes.",
            "IGOEUREEC", "163", "IRN", Modality::kAsserted, ""},
           {"The EU adopted a package targeting North Korean banks.", "IGOEUREEC", "163", "PRKBUS",
            Modality::kAsserted, ""},
           {"Israeli jets targeted Houthi positions near Hodeidah.", "ISR", "190", "YEMREB", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// Training received at someone's facilities or in a state was given by them; accepting an
// ambassador or receiving an envoy's credentials recognises the government that sent them (054).
TEST_F(EngineText, TrainingReceivedSomewhereAndCredentialsAccepted) {
  for (const Expected& x : std::vector<Expected>{
           {"M23 fighters received military training in Rwanda, the experts said.", "RWA", "062", "CODREB",
            Modality::kAsserted, ""},
           {"Houthi technicians received training at IRGC facilities near Tehran.", "IRNMIL", "062", "YEMREB",
            Modality::kAsserted, ""},
           {"In 2020 Iran accepted an ambassador from the Houthi authorities in Sanaa.", "IRN", "054", "YEMREB",
            Modality::kAsserted, ""},
           {"Tehran received the credentials of a Houthi envoy.", "IRNGOV", "054", "YEMREB", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// A participle after a noun and before a preposition ("companies involved in", "firms linked to")
// modifies the noun: a list of objects runs on through it to the verb's preposition; after an
// auxiliary ("is prepared to") it is a verb of a clause of its own.
TEST_F(EngineText, AParticipleModifyingAnObjectKeepsTheObjectListWhole) {
  for (const Expected& x : std::vector<Expected>{
           {"The EU and Britain have also added Iranian individuals and companies involved in drone and missile "
            "production to their sanctions lists.",
            "GBR", "163", "IRN", Modality::kAsserted, ""},
           {"Canada added Chinese traders and firms linked to Russian arms makers to its sanctions list.", "CAN",
            "163", "CHN", Modality::kAsserted, ""},
           {"Diplomats said that Tehran opposes the war and is prepared to help mediate between Moscow and Kyiv.",
            "IRNGOV", "039", "RUS", Modality::kHypothetical, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// A participle describing weapons ("advanced", "guided", "upgraded") is an adjective, an irregular
// past ("sent", "sold") before another participle stays the verb, and "called ... for" is an
// appeal only with "for" right after the verb.
TEST_F(EngineText, ParticiplesBeforeWeaponsAndCallFor) {
  for (const Expected& x : std::vector<Expected>{
           {"Iran sent advanced drones to Russia.", "IRN", "072", "RUS", Modality::kAsserted, ""},
           {"Iran sent sophisticated weapons to Russia.", "IRN", "072", "RUS", Modality::kAsserted, ""},
           {"Kyiv called for more weapons from Germany.", "UKRGOV", "023", "DEU", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  for (const char* sentence :
       {"US Central Command called it the largest seizure of Iranian advanced conventional weapons bound for the "
        "Houthis.",
        "The navy called the cargo of guided missiles bound for Yemen a grave threat."}) {
    const auto events = Code(sentence);
    for (const Event& e : events)
      EXPECT_FALSE(e.root_code == "02" || e.root_code == "19") << sentence << "\n" << Describe(events);
  }
}

// Advising or mentoring another's forces is military cooperation (062); officers and commanders
// present somewhere are forces stationed there (154).
TEST_F(EngineText, AdvisingAnothersForcesIsCooperationAndOfficersArePresent) {
  for (const Expected& x : std::vector<Expected>{
           {"Iranian advisers advised Houthi commanders on missile attacks.", "IRN", "062", "YEMREB",
            Modality::kAsserted, ""},
           {"Russian officers mentored Sudanese army units.", "RUSMIL", "062", "SDNMIL", Modality::kAsserted, ""},
           {"Rwandan officers were present in Goma.", "RWAMIL", "154", "COD", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// More verbs report what someone said ("retorted", "countered", "tweeted", "conceded"): the
// speaker reports the content, never acts in it.
TEST_F(EngineText, MoreVerbsReportSpeech) {
  for (const Expected& x : std::vector<Expected>{
           {"Lukashenko tweeted that Belarusian troops would never enter Ukraine.", "BLRMIL", "", "UKR",
            Modality::kNegated, "BLRGOV"},
           {"Kyiv countered that Minsk had supplied fuel to the Russian army.", "BLRGOV", "07", "RUSMIL",
            Modality::kAsserted, "UKRGOV"},
           {"Tehran conceded that Iran had sent drones to Russia before the war.", "IRN", "07", "RUS",
            Modality::kAsserted, "IRNGOV"},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// Listing someone over or for what it did is a sanctions listing; a count opens a compound's second
// member ("X and three Iranian generals").
TEST_F(EngineText, ListingOverAnActIsASanctionAndCountsJoinCompounds) {
  for (const Expected& x : std::vector<Expected>{
           {"The EU listed three Iranian generals over the drone transfers.", "IGOEUREEC", "163", "IRNMIL",
            Modality::kAsserted, ""},
           {"Britain listed two Chinese firms for supplying drone parts to Russia.", "GBR", "163", "CHNBUS",
            Modality::kAsserted, ""},
           {"Washington sanctioned Kabarebe and two Rwandan commanders.", "USAGOV", "163", "RWAMIL",
            Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  const auto report = Code("The report listed Russia among the worst offenders.");
  for (const Event& e : report) EXPECT_NE(e.root_code, "16") << Describe(report);
}

// A nominal transfer takes modifiers before its materiel ("Iran's transfer of ballistic missiles to
// Moscow"), and a verb form naming a craft's use ("attack drones", "strike aircraft") is no act.
TEST_F(EngineText, NominalTransfersTakeModifiedMaterielAndCraftUsesAreNoActs) {
  for (const Expected& x : std::vector<Expected>{
           {"Iran's transfer of ballistic missiles to Moscow drew new EU sanctions.", "IRN", "07", "RUSGOV",
            Modality::kAsserted, ""},
           {"Pyongyang's shipments of old Soviet-calibre artillery shells to Russia continued.", "PRKGOV", "07",
            "RUS", Modality::kAsserted, ""},
           {"Deliveries of long-range attack drones to the RSF by the Emirates were documented.", "ARE", "07",
            "SDNREB", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  for (const char* sentence : {"Tehran's deliveries of Shahed attack drones to Russia began in 2022.",
                               "Minsk's transfer of strike aircraft parts to Moscow was reported."}) {
    const auto events = Code(sentence);
    for (const Event& e : events) EXPECT_NE(e.root_code, "19") << Describe(events);
  }
}

// What a negated report says is neither asserted nor denied by its speaker: "X has never admitted
// sending shells" is no admission and no fact.
TEST_F(EngineText, TheContentOfANegatedReportIsNotAsserted) {
  for (const Expected& x : std::vector<Expected>{
           {"Pyongyang has never admitted supplying shells to Russia.", "PRKGOV", "07", "RUS",
            Modality::kHypothetical, "PRKGOV"},
           {"Tehran did not acknowledge that it had shipped missiles to Moscow.", "IRNGOV", "07", "RUSGOV",
            Modality::kHypothetical, "IRNGOV"},
           {"Kigali said Rwanda had not supplied weapons to the M23.", "RWA", "07", "CODREB", Modality::kNegated,
            "RWAGOV"},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// Standing with someone is endorsing it (051); calling reports fake or fiction rejects them (016).
TEST_F(EngineText, StandingWithAnActorIsEndorsementAndFakeReportsAreRejected) {
  for (const Expected& x : std::vector<Expected>{
           {"Belarus stood shoulder to shoulder with Russia at the summit.", "BLR", "05", "RUS", Modality::kAsserted, ""},
           {"Tehran stands firmly with the Houthis, the spokesman said.", "IRNGOV", "05", "YEMREB", Modality::kAsserted,
            ""},
           {"Pyongyang called the reports of arms sales fake.", "PRKGOV", "01", "", Modality::kAsserted, ""},
           {"Kigali described the claims of troop deployments as fiction.", "RWAGOV", "01", "", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// Buying or importing a group's gold or minerals is trade with it (061); importing weapons from a
// state is that state's supply (072, as "got arms from").
TEST_F(EngineText, BuyingAGroupsGoodsIsTradeAndImportedArmsAreTheExportersSupply) {
  for (const Expected& x : std::vector<Expected>{
           {"Emirati companies bought gold from the RSF.", "AREBUS", "06", "SDNREB", Modality::kAsserted, ""},
           {"Kigali purchased minerals from the M23.", "RWAGOV", "06", "CODREB", Modality::kAsserted, ""},
           {"Russia imported drones from Iran in 2022.", "IRN", "07", "RUS", Modality::kAsserted, ""},
           {"Moscow has imported artillery shells from North Korea.", "PRK", "07", "RUSGOV", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// After "a", "an", "any", "every" and an actor, a plain verb form is a noun: "any US strike on
// Yemen" is the US's strike, not an act of the sentence's subject.
TEST_F(EngineText, ASingularDeterminerOpensANounNotAVerb) {
  const auto warned = Code("Iran warned that it would respond to any US strike on Yemen.");
  for (const Event& e : warned) EXPECT_FALSE(e.source.rfind("IRN", 0) == 0 && e.root_code == "19") << Describe(warned);
  const auto attack = Code("A Russian attack on Kyiv killed five people.");
  ASSERT_FALSE(attack.empty());
  EXPECT_EQ(attack[0].source.substr(0, 3), "RUS") << Describe(attack);
  EXPECT_EQ(attack[0].root_code, "19") << Describe(attack);
}

// Flying sorties or bombing missions is using aerial weapons (195), not a visit.
TEST_F(EngineText, FlyingSortiesIsAnAirAttackNotAVisit) {
  for (const char* sentence : {"Russian bombers flew combat sorties from Belarusian airfields.",
                               "Saudi jets flew bombing missions over Sanaa."}) {
    const auto events = Code(sentence);
    ASSERT_FALSE(events.empty()) << sentence;
    EXPECT_EQ(events[0].event_code, "195") << Describe(events);
  }
}

// An actor opening a "that" clause right before its verb is the verb's subject, whoever spoke
// ("Minsk repeated Moscow's claim that NATO is arming Ukraine": NATO arms, not Minsk).
TEST_F(EngineText, TheActorOpeningAThatClauseIsItsVerbsSubject) {
  for (const Expected& x : std::vector<Expected>{
           {"Minsk repeated Moscow's claim that NATO is sending weapons to Ukraine.", "IGOWSTNAT", "07", "UKR",
            Modality::kAsserted, "RUSGOV"},
           {"Tehran echoed the Kremlin's assertion that the West was fighting a war against Russia.", "WST", "19", "RUS",
            Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
    for (const Event& e : events) EXPECT_FALSE(e.source == "BLRGOV" || e.source == "IRNGOV") << Describe(events);
  }
}

// Materiel arriving is supplied by its maker's state (072); troops arriving are deployed (154).
TEST_F(EngineText, ArrivingMaterielIsSuppliedAndArrivingTroopsAreDeployed) {
  for (const Expected& x : std::vector<Expected>{
           {"The arrival of Iranian drones in Russia was confirmed in October.", "IRN", "07", "RUS",
            Modality::kAsserted, ""},
           {"Analysts noted the arrival of North Korean rocket launchers at Russian depots.", "PRK", "07", "RUS",
            Modality::kAsserted, ""},
           {"The arrival of North Korean troops in Kursk alarmed Kyiv.", "PRKMIL", "15", "RUS", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// Recruiting fighters for a group is military cooperation with it (062); a case brought against
// someone is its bringer's accusation (112).
TEST_F(EngineText, RecruitingForAGroupIsCooperationAndACaseAccuses) {
  for (const Expected& x : std::vector<Expected>{
           {"The UAE recruited mercenaries for the RSF.", "ARE", "06", "SDNREB", Modality::kAsserted, ""},
           {"A Russian company recruited Syrian veterans to fight for the RSF.", "RUSBUS", "06", "SDNREB",
            Modality::kAsserted, ""},
           {"The court rejected Ukraine's lawsuit accusing Russia of genocide.", "UKR", "11", "RUS",
            Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// Forces seen or spotted somewhere are there (154); bringing forces or weapons into a place deploys
// them there.
TEST_F(EngineText, ForcesSeenOrBroughtSomewhereArePresentThere) {
  for (const Expected& x : std::vector<Expected>{
           {"Ugandan soldiers were spotted in Bunia last week.", "UGAMIL", "15", "COD", Modality::kAsserted, ""},
           {"Belarusian instructors were seen in Mali in March.", "BLR", "15", "MLI", Modality::kAsserted, ""},
           {"Russian units brought rocket launchers into Zaporizhzhia.", "RUSMIL", "15", "UKR", Modality::kAsserted, ""},
           // ... near, around or on the outskirts of a place, or reported or believed to be there,
           {"Burundian soldiers were photographed near Uvira.", "BDIMIL", "15", "COD", Modality::kAsserted, ""},
           {"Eritrean troops were spotted on the outskirts of Kassala.", "ERIMIL", "15", "SDN", Modality::kAsserted, ""},
           {"Belarusian specialists are reported around Kherson.", "BLR", "15", "UKR", Modality::kAsserted, ""},
           {"Iranian officers are thought to be in Hodeidah.", "IRNMIL", "15", "YEM", Modality::kAsserted, ""},
           // ... also when the dictionary names the force and its noun as one phrase.
           {"Russian troops are in Belarus.", "RUSMIL", "15", "BLR", Modality::kAsserted, ""},
           {"Russian forces were stationed in Transnistria.", "RUSMIL", "15", "MDA", Modality::kAsserted, ""},
           // (An actor before the noun comes first: "Belarusian and Wagner commanders".)
           {"Belarusian and Wagner commanders were in Mali.", "BLR", "15", "MLI", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  // A time after the preposition is no place: the actor further on is not where they are.
  EXPECT_TRUE(Code("Chinese advisers were reported in 2024 to be near Sudanese army positions.").empty());
}

// "as" with an actor and its verb opens a clause with its own subject ("... as US warships struck
// Houthi targets": the US strikes); "as part of" and "such as" open none.
TEST_F(EngineText, AsWithAnActorAndAVerbOpensItsOwnClause) {
  for (const Expected& x : std::vector<Expected>{
           {"A Russian convoy entered Belarus in February as Ukrainian forces shelled Russian positions.", "UKRMIL",
            "19", "RUS", Modality::kAsserted, ""},
           {"Iran sent drones to the Houthis as part of its support.", "IRN", "07", "YEMREB", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  const auto convoy = Code("A Russian convoy entered Belarus in February as Ukrainian forces shelled Russian positions.");
  for (const Event& e : convoy) EXPECT_FALSE(e.source.rfind("RUS", 0) == 0 && e.root_code == "19") << Describe(convoy);
}

// Funding or bankrolling someone is economic aid (071); a fund is no act.
TEST_F(EngineText, FundingOrBankrollingIsEconomicAid) {
  for (const Expected& x : std::vector<Expected>{
           {"Tehran funds the Houthis through oil sales.", "IRNGOV", "07", "YEMREB", Modality::kAsserted, ""},
           {"The UAE has bankrolled the RSF since 2023.", "ARE", "07", "SDNREB", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  const auto fund = Code("The reconstruction fund for Yemen was launched in Riyadh.");
  for (const Event& e : fund) EXPECT_NE(e.root_code, "07") << Describe(fund);
}

// "no intention of", "no plans to": the act named is negated.
TEST_F(EngineText, NoIntentionOrPlanNegatesTheAct) {
  for (const Expected& x : std::vector<Expected>{
           {"Pyongyang said North Korea had no intention of exporting weapons to Russia.", "PRK", "06", "RUS",
            Modality::kNegated, "PRKGOV"},
           {"Minsk has no plans to send troops to Ukraine, Lukashenko said.", "BLRGOV", "15", "UKR", Modality::kNegated,
            "BLRGOV"},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// Facing sanctions from someone is being sanctioned by it (163); facing an army is no sanction.
TEST_F(EngineText, FacingSanctionsFromSomeoneIsBeingSanctionedByIt) {
  for (const Expected& x : std::vector<Expected>{
           {"Emirati firms could face new sanctions from Washington.", "USAGOV", "16", "AREBUS", Modality::kHypothetical,
            ""},
           {"Belarus faces further sanctions from the European Union.", "IGOEUREEC", "16", "BLR", Modality::kAsserted,
            ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  const auto army = Code("The rebels face the Congolese army near Goma.");
  for (const Event& e : army) EXPECT_NE(e.root_code, "16") << Describe(army);
}

// Using a state as a springboard or launch pad is that state lending its land (062 from it).
TEST_F(EngineText, UsingAStateAsASpringboardIsItsLandLent) {
  for (const Expected& x : std::vector<Expected>{
           {"Russia used Belarus as a springboard for its attack on Kyiv.", "BLR", "06", "RUS", Modality::kAsserted, ""},
           {"The Houthis use Eritrea as a staging post for smuggling, the report said.", "ERI", "06", "YEMREB",
            Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// Materiel sent or transferred to a side's forces: the forces receive it (072), they are not sent (154).
TEST_F(EngineText, MaterielSentToASidesForcesIsSupplyNotDeployment) {
  for (const Expected& x : std::vector<Expected>{
           {"Cairo has sent drones and ammunition to Burhan's forces.", "EGY", "072", "SDN", Modality::kAsserted, ""},
           {"Russia sent shells to Haftar's forces in Libya.", "RUS", "072", "LBY", Modality::kAsserted, ""},
           {"Minsk sent ammunition to Russian troops.", "BLR", "072", "RUS", Modality::kAsserted, ""},
           {"Iran transferred missiles to Houthi forces.", "IRN", "072", "YEMREB", Modality::kAsserted, ""},
           // Forces sent are still forces deployed.
           {"Russia sent troops to Belarus.", "RUS", "154", "BLR", Modality::kAsserted, ""},
           {"Russia transferred troops to Belarus.", "RUS", "154", "BLR", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// A group's positions, bases, convoys or drones name the group ("RSF positions", "RSF drones").
TEST_F(EngineText, AGroupsPositionsAndWeaponsNameTheGroup) {
  for (const Expected& x : std::vector<Expected>{
           {"Egyptian warplanes bombed RSF positions.", "EGY", "19", "SDNREB", Modality::kAsserted, ""},
           {"Egyptian jets struck RSF convoys near Omdurman.", "EGY", "19", "SDNREB", Modality::kAsserted, ""},
           {"RSF drones hit a fuel depot in Port Sudan.", "SDNREB", "19", "SDN", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// Appeals: what one party asks another to do is asked for, not done; with no asker named, the actor
// right after the appeal verb is the one asked, never the actor of what it is asked to do.
TEST_F(EngineText, WhatAnAppealAsksForIsNotDone) {
  for (const Expected& x : std::vector<Expected>{
           {"Kyiv urged India to push for a ceasefire.", "UKR", "02", "IND", Modality::kAsserted, ""},
           {"The statement urged Belarus to stop hosting Russian troops.", "", "02", "BLR", Modality::kAsserted, ""},
           {"Officials in Kyiv have urged New Delhi to use its ties with Moscow to press for talks.", "", "02", "IND",
            Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  const auto asked = Code("Diplomats pressed Kazakhstan to halt exports of drone parts to Russia.");
  for (const Event& e : asked) {
    if (StartsWith(e.source, "KAZ")) {
      EXPECT_NE(e.modality, Modality::kAsserted) << Describe(asked);
    }
  }
}

// Appeals, pledges and offers with no one addressed are coded with no target; a subject named by an
// agent phrase ("the Saudi foreign ministry", "Chad's president") or a title and a name the
// dictionaries lack ("President Mahamat Idriss Deby") is their source.
TEST_F(EngineText, UntargetedAppealsAndOffersKeepTheirSubject) {
  for (const Expected& x : std::vector<Expected>{
           {"Chad called for a ceasefire.", "TCD", "02", "", Modality::kAsserted, ""},
           {"The Saudi foreign ministry called for restraint.", "SAUGOV", "02", "", Modality::kAsserted, ""},
           {"Chad's president called for an immediate truce.", "TCDGOV", "02", "", Modality::kAsserted, ""},
           {"Chad's President Mahamat Idriss Déby called for a truce in the first weeks of the fighting.", "TCDGOV",
            "02", "", Modality::kAsserted, ""},
           {"The Angolan government offered to mediate.", "AGOGOV", "039", "", Modality::kAsserted, ""},
           // A known leader named after his state and title is the subject again, not a target.
           {"Russian President Vladimir Putin urged restraint on Monday.", "RUSGOV", "02", "", Modality::kAsserted, ""},
           {"Turkey's President Recep Tayyip Erdogan called for a ceasefire on Friday.", "TURGOV", "02", "",
            Modality::kAsserted, ""},
           // A second clause that codes nothing (a null pattern) leaves the appeal standing.
           {"Brazil called for a ceasefire, while also asking that the concerns of all parties be taken seriously.", "BRA",
            "02", "", Modality::kAsserted, ""},
           // ... and so does an event of an actor on itself, which is dropped.
           {"Turkey called for a ceasefire and said talks must resume.", "TUR", "02", "", Modality::kAsserted, ""},
           {"Kenya urged restraint and said the region must stay calm.", "KEN", "02", "", Modality::kAsserted, ""},
           // What a text says, its author says: "issued a statement calling for ...".
           {"China issued a statement calling for a ceasefire.", "CHN", "02", "", Modality::kAsserted, ""},
           {"Brazil issued a statement which urged restraint.", "BRA", "02", "", Modality::kAsserted, ""},
           {"China published a new peace plan calling for a ceasefire.", "CHN", "02", "", Modality::kAsserted, ""},
           {"The foreign ministry in Beijing published a twelve-point position paper that called for a ceasefire.",
            "CHNGOV", "02", "", Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
}

// A name the dictionaries lack, then a noun phrase between commas naming an actor: the apposition
// is the subject ("Mr Smith, a Russian diplomat, criticised Ukraine").
TEST_F(EngineText, AnAppositionNamesTheSubject) {
  for (const Expected& x : std::vector<Expected>{
           {"Mr Smith, a Russian diplomat, criticised Ukraine.", "RUS", "11", "UKR", Modality::kAsserted, ""},
           {"Oleg Ivanenko, the Ukrainian envoy, accused Minsk of hosting Russian missiles.", "UKR", "11", "BLR",
            Modality::kAsserted, ""},
       }) {
    const auto events = Code(x.sentence);
    ExpectEvent(events, x, Describe(events));
  }
  // A place followed by its description is no apposition of a name the dictionaries lack.
  const auto kyiv = Code("Kyiv, the Ukrainian capital, was struck by Russian missiles.");
  ExpectEvent(kyiv, {"", "RUS", "19", "UKR", Modality::kAsserted, ""}, Describe(kyiv));
}

// A clause after ", and" whose named subject acts in the simple past is the narrative's own, not
// more of what the first speaker said; a backshifted one ("had allowed") is still reported.
TEST_F(EngineText, ANarrativeClauseAfterAReportIsFirstHand) {
  ExpectEach({
      {"Ukraine said Iran delivered drones to Russia, and Britain summoned Iran's envoy.", "GBR", "114", "IRN",
       Modality::kAsserted, ""},
      {"Putin said Russia would defend Belarus, and Lukashenko thanked Russia for its support.", "BLR", "051", "RUS",
       Modality::kAsserted, ""},
      {"Kyiv said Russian troops had crossed from Belarus, and Minsk had allowed it.", "BLR", "080", "UKR",
       Modality::kAsserted, "UKR"},
      // (So is a verb in the simple past joined by "and" after an accusation's charge.)
      {"Kyiv accused Minsk of helping Russia and summoned Belarus's envoy.", "UKR", "114", "BLR", Modality::kAsserted,
       ""},
      {"Kyiv accused Minsk of helping Russia and summoned Belarus's envoy.", "BLR", "07", "RUS", Modality::kAsserted,
       "UKR"},
  });
}

// "C, X, <apposition>, said in October": the words after the verb are its time, not its speaker;
// the speaker is named before the apposition.
TEST_F(EngineText, ASpeakerBeforeAnAppositionAndAPostposedVerbReports) {
  const std::string sentences[] = {
      "Tehran had sent a team of trainers to Crimea, John Kirby, the White House national security spokesman, said in "
      "October 2022.",
      "Belarus sent fuel to the Russian army, Anton Motolko, a Belarusian activist, said on Tuesday.",
  };
  const std::string speakers[] = {"John Kirby", "Anton Motolko"};
  for (size_t i = 0; i < 2; ++i) {
    const auto events = Code(sentences[i]);
    ASSERT_FALSE(events.empty()) << sentences[i];
    for (const Event& e : events) EXPECT_EQ(e.reported_by_text, speakers[i]) << sentences[i] << "\n" << Describe(events);
  }
}

// A quotation that comes first ends before its speaker: no one named after the verb of saying
// (in a participle clause about something else) is the target of what was quoted.
TEST_F(EngineText, AQuotationBeforeItsSpeakerTakesNoTargetFromAfterIt) {
  ExpectEach({
      {"\"China has never provided lethal weapons to any party to the conflict,\" a spokesperson said, vowing to "
       "protect Chinese companies.",
       "CHN", "07", "", Modality::kNegated, ""},
      {"\"Iran has not delivered any drones to the front,\" a diplomat said in Tehran, praising Russian officials.",
       "IRN", "07", "", Modality::kNegated, ""},
      // (A target inside the quotation stays.)
      {"\"Belarus has never sent troops into Ukraine,\" the spokesman said, warning Polish authorities.", "BLR",
       "15", "UKR", Modality::kNegated, ""},
  });
}

}  // namespace
}  // namespace dyad
