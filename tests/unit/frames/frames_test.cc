// Unit tests for the event-frame stage: file parsing, slot filling, the "never duplicate
// the coder" rule, and (with the bundled dictionaries) frames on real actor mentions.
#include "frames/frames.h"

#include <memory>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "code/coder.h"
#include "dict/dictionary.h"

namespace dyad::frames {
namespace {

// An actor mention at the first occurrence of `text` in `sentence`.
code::ActorMention At(std::string_view sentence, const std::string& text, const std::string& code) {
  const auto pos = sentence.find(text);
  EXPECT_NE(pos, std::string_view::npos) << text;
  return {code, text, {static_cast<int32_t>(pos), static_cast<int32_t>(pos + text.size())}};
}

FrameSet MustParse(const std::string& text) {
  FrameSet set;
  Status s = FrameSet::Parse(text, "test.tsv", &set);
  EXPECT_TRUE(s.ok()) << s.message();
  return set;
}

TEST(FramesParse, ReadsCodesPatternsAndComments) {
  FrameSet set = MustParse("# comment\n\n154\tdeployment|stationing of {S} in|to {T}\tthe deployment of A in B\n"
                           "015\t{S} ... admitted ... involvement\n");
  ASSERT_EQ(set.size(), 2u);
  EXPECT_EQ(set.frames()[0].code, "154");
  EXPECT_EQ(set.frames()[0].pattern.line, 3);
  EXPECT_EQ(set.frames()[0].pattern.file, "test.tsv");
  EXPECT_EQ(set.frames()[1].pattern.line, 4);
}

TEST(FramesParse, RejectsBadLinesWithFileAndLine) {
  FrameSet set;
  for (const char* bad : {"15x\tattack by {S}\n", "190 attack by {S}\n", "190\tattack by {X}\n",
                          "190\tattack by soldiers\n", "190\t{S} {T} attack\n", "190\tAttack by {S}\n",
                          "190\tattack by {S} ...\n", "190\tattack {S} {S}\n"}) {
    Status s = FrameSet::Parse(std::string("# first\n") + bad, "f.tsv", &set);
    EXPECT_FALSE(s.ok()) << bad;
    EXPECT_THAT(s.message(), ::testing::StartsWith("f.tsv:2: ")) << bad;
  }
  EXPECT_EQ(set.size(), 0u);  // untouched on failure
}

// A frame with {T} alone states an act whose actor is not named: armed forces only, the country of
// the place as source when one is named, never beside the coder's own reading of the act.
TEST(FramesMatch, TargetOnlyFramesCodeCasualtiesOfArmedForces) {
  FrameSet set = MustParse("190\t{T} were|was killed|wounded\n");
  const std::string s = "Dozens of Eritrean soldiers were killed last week.";
  std::vector<code::CodedEvent> events;
  set.ExtendWithActors(s, Date{}, {At(s, "Eritrean soldiers", "ERIMIL")}, &events);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].source, "");
  EXPECT_EQ(events[0].target, "ERIMIL");
  const std::string placed = "Eritrean soldiers were wounded near Mekelle in Ethiopia.";
  events.clear();
  set.ExtendWithActors(placed, Date{}, {At(placed, "Eritrean soldiers", "ERIMIL"), At(placed, "Ethiopia", "ETH")},
                       &events);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].source, "ETH");
  const std::string civilians = "Eritrean reporters were killed last week.";
  events.clear();
  set.ExtendWithActors(civilians, Date{}, {At(civilians, "Eritrean reporters", "ERIMED")}, &events);
  EXPECT_TRUE(events.empty());
  // ("20 Eritreans serving in Sudan were killed": the place after "in" is not who was killed.)
  const std::string serving = "Twenty volunteers serving in Sudan were killed.";
  events.clear();
  set.ExtendWithActors(serving, Date{}, {At(serving, "Sudan", "SDNMIL")}, &events);
  EXPECT_TRUE(events.empty());
}

TEST(FramesParse, BundledFileLoads) {
  FrameSet set;
  Status s = FrameSet::Load(std::string(DYAD_SOURCE_DIR) + "/data/frames/frames.tsv", &set);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_GT(set.size(), 20u);
  EXPECT_FALSE(FrameSet::Load("/nonexistent/frames.tsv", &set).ok());
}

TEST(FramesMatch, NominalWithSourceAndTarget) {
  FrameSet set = MustParse("154\tdeployment of {S} in|to {T}\n");
  const std::string s = "Officials confirmed the deployment of Chinese naval units to Cambodia last month.";
  std::vector<code::CodedEvent> events;
  set.ExtendWithActors(s, Date{}, {At(s, "Chinese", "CHN"), At(s, "Cambodia", "KHM")}, &events);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].source, "CHN");
  EXPECT_EQ(events[0].target, "KHM");
  EXPECT_EQ(events[0].code, "154");
  EXPECT_EQ(events[0].verb_text, "deployment");
  EXPECT_EQ(s.substr(events[0].verb_span.begin, events[0].verb_span.end - events[0].verb_span.begin), "deployment");
  EXPECT_EQ(events[0].target_text, "Cambodia");
  EXPECT_EQ(events[0].pattern.line, 1);
}

TEST(FramesMatch, RequiredSlotMissingGivesNothing) {
  FrameSet set = MustParse("154\tdeployment of {S} in|to {T}\n175\trepression of {T} by {S}\n");
  const std::string s = "The deployment of new radars to the coast and the repression of Kurds drew criticism.";
  std::vector<code::CodedEvent> events;
  set.ExtendWithActors(s, Date{}, {At(s, "Kurds", "KUR")}, &events);
  EXPECT_TRUE(events.empty());
}

TEST(FramesMatch, SlotStopsAtNewPhrase) {
  // "from Syria and the ... into Iraq": the optional target must not jump over "and the".
  FrameSet set = MustParse("190\tattack from {S} on|against|into {T}\n190\tattack from {S}\n");
  const std::string s = "Analysts fear an attack from Syria and the spread of fighting into Iraq.";
  std::vector<code::CodedEvent> events;
  set.ExtendWithActors(s, Date{}, {At(s, "Syria", "SYR"), At(s, "Iraq", "IRQ")}, &events);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].source, "SYR");
  EXPECT_EQ(events[0].target, "");
  EXPECT_EQ(events[0].pattern.line, 2);
}

TEST(FramesMatch, LeadingSlotNearAndFar) {
  FrameSet set = MustParse("175\t{S} crackdown on {T}\n015\t{S} ... admitted ... responsibility\n");
  const std::string s1 = "Iran's crackdown on Kurdish activists continued.";
  std::vector<code::CodedEvent> events;
  set.ExtendWithActors(s1, Date{}, {At(s1, "Iran", "IRN"), At(s1, "Kurdish", "KUR")}, &events);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].source, "IRN");
  EXPECT_EQ(events[0].target, "KUR");

  // Near leading slot: an actor many words back does not fill "{S} crackdown".
  const std::string s2 = "Iran said yesterday that the long and brutal crackdown on Kurdish activists continued.";
  events.clear();
  set.ExtendWithActors(s2, Date{}, {At(s2, "Iran", "IRN"), At(s2, "Kurdish", "KUR")}, &events);
  EXPECT_TRUE(events.empty());

  // "{S} ... trigger" looks back across the clause, and the target is optional.
  const std::string s3 = "The rebel commander, Abu Hamza, later admitted his group's responsibility for the blast.";
  events.clear();
  set.ExtendWithActors(s3, Date{}, {At(s3, "Abu Hamza", "REB")}, &events);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].source, "REB");
  EXPECT_EQ(events[0].code, "015");
}

TEST(FramesMatch, NeverDuplicatesTheCoder) {
  FrameSet set = MustParse("154\tdeployment of {S} in|to {T}\n190\t{S} attack on {T}\n");
  const std::string s = "The deployment of Chinese troops to Cambodia followed a Chinese attack on Vietnam.";
  const auto second = static_cast<int32_t>(s.rfind("Chinese"));
  const std::vector<code::ActorMention> actors = {At(s, "Chinese", "CHN"), At(s, "Cambodia", "KHM"),
                                                  {"CHN", "Chinese", {second, second + 7}}, At(s, "Vietnam", "VNM")};
  {  // Without coder events both frames fire ...
    std::vector<code::CodedEvent> alone;
    set.ExtendWithActors(s, Date{}, actors, &alone);
    ASSERT_EQ(alone.size(), 2u);
    EXPECT_EQ(alone[1].target, "VNM");
  }
  std::vector<code::CodedEvent> events(2);
  // The coder coded "deployment" itself (verb span over the word) ...
  events[0].source = "CHN";
  events[0].target = "KHM";
  events[0].code = "150";
  const auto dep = static_cast<int32_t>(s.find("deployment"));
  events[0].verb_span = {dep, dep + 10};
  // ... and the attack with the same actors and root under another verb.
  events[1].source = "CHN";
  events[1].target = "VNM";
  events[1].code = "193";
  set.ExtendWithActors(s, Date{}, actors, &events);
  EXPECT_EQ(events.size(), 2u);  // ... with them, neither does

}

TEST(FramesMatch, ContentOfACodedDemandIsNotAnEvent) {
  FrameSet set = MustParse("0874\twithdrawal of {S} from {T?}\n");
  const std::string s = "France demanded the withdrawal of Libyan forces from Chad.";
  const std::vector<code::ActorMention> actors = {At(s, "France", "FRA"), At(s, "Libyan", "LBY"),
                                                  At(s, "Chad", "TCD")};
  std::vector<code::CodedEvent> events;
  set.ExtendWithActors(s, Date{}, actors, &events);  // no coder event: the frame fires
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].source, "LBY");
  EXPECT_EQ(events[0].target, "TCD");

  events.assign(1, code::CodedEvent{});  // the coder coded "demanded" (10x)
  events[0].source = "FRA";
  events[0].target = "LBY";
  events[0].code = "1056";
  const auto v = static_cast<int32_t>(s.find("demanded"));
  events[0].verb_span = {v, v + 8};
  set.ExtendWithActors(s, Date{}, actors, &events);
  EXPECT_EQ(events.size(), 1u);
}

TEST(FramesMatch, NegatedAndNonModifierReadingsAreSkipped) {
  FrameSet set = MustParse("190\tattack from {S}\n154\t{S} deployment\n");
  const std::string s1 = "Guards saw no sign of an attack from Syria.";
  std::vector<code::CodedEvent> events;
  set.ExtendWithActors(s1, Date{}, {At(s1, "Syria", "SYR")}, &events);
  EXPECT_TRUE(events.empty());
  const std::string s2 = "Japan condemned the deployment.";
  set.ExtendWithActors(s2, Date{}, {At(s2, "Japan", "JPN")}, &events);
  EXPECT_TRUE(events.empty());
  const std::string s3 = "The Japanese naval deployment continued.";
  set.ExtendWithActors(s3, Date{}, {At(s3, "Japanese", "JPN")}, &events);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].source, "JPN");
  // A verb the coder coded between actor and noun: "Japan froze deployment plans" is no deployment.
  {
    events.clear();
    const std::string s = "Japan froze deployment plans.";
    std::vector<code::CodedEvent> coded(1);
    coded[0].source = "JPN";
    coded[0].code = "160";
    coded[0].verb_span = {6, 11};
    set.ExtendWithActors(s, Date{}, {At(s, "Japan", "JPN")}, &coded);
    EXPECT_EQ(coded.size(), 1u);
  }
  // A preposition between actor and noun: the actor does not modify the noun.
  for (const std::string s : {"Oslo fined Japanese firms over deployment plans.", "Talks with Japanese envoys on deployment ended."}) {
    events.clear();
    set.ExtendWithActors(s, Date{}, {At(s, "Japanese", "JPN")}, &events);
    EXPECT_TRUE(events.empty()) << s;
  }
}

TEST(FramesMatch, SelfPairsAreDropped) {
  FrameSet set = MustParse("154\tdeployment of {S} in|to {T}\n");
  const std::string s = "The deployment of Russian troops in Russia's west worried planners.";
  std::vector<code::CodedEvent> events;
  set.ExtendWithActors(s, Date{}, {At(s, "Russian", "RUS"), At(s, "Russia", "RUS")}, &events);
  EXPECT_TRUE(events.empty());
}

TEST(FramesMatch, OddInputDoesNotCrash) {
  FrameSet set = MustParse("154\tdeployment of {S} in|to {T}\n015\t{S} ... admitted ... role\n");
  std::vector<code::CodedEvent> events;
  for (const std::string& s : {std::string(), std::string("deployment"), std::string("deployment of"),
                              std::string("\xE2\x80\x9C deployment of \xE2\x80\x9D in"), std::string("admitted role"),
                              std::string(3, '\xff')}) {
    set.ExtendWithActors(s, Date{}, {}, &events);
  }
  EXPECT_TRUE(events.empty());
}

// With the bundled dictionaries and frames: the coder's actor finder fills the slots.
TEST(FramesWithCoder, BundledFramesOnNominalSentences) {
  dict::LoadOptions load;
  load.paths.push_back(std::string(DYAD_SOURCE_DIR) + "/data/dict");
  std::shared_ptr<const dict::DictionarySet> dicts;
  ASSERT_TRUE(dict::DictionarySet::Load(load, &dicts).ok());
  code::Coder coder(dicts);
  FrameSet set;
  ASSERT_TRUE(FrameSet::Load(std::string(DYAD_SOURCE_DIR) + "/data/frames/frames.tsv", &set).ok());
  const Date date = *Date::Parse("2024-05-01");

  struct Case {
    std::string sentence, source, target, code;
  };
  for (const Case& c : std::vector<Case>{
           {"Observers noted the deployment of Russian troops in Syria this spring.", "RUS", "SYR", "154"},
           // A dispatch of troops is a deployment.
           {"The dispatch of Serbian troops to Armenia surprised observers.", "SRB", "ARM", "154"},
           {"Diplomats criticised the repression of Iranian students by Syria.", "SYR", "IRN", "175"},
           {"Experts warned of an invasion from Iraq.", "IRQ", "", "190"},
           // A maker's weapons bound for someone: the maker supplies them.
           {"Inspectors found Turkish-built drones destined for Libya.", "TUR", "LBY", "072"},
           {"Observers listed Iranian-made rocket parts headed for Sudan.", "IRN", "SDN", "072"},
           // Every weapons class in nominal deliveries.
           {"Analysts noted the Serbian shipments of artillery rounds to Kyiv.", "SRB", "UKR", "072"},
           // The supplier before the receiver: "the transfer of X by A to B".
           {"Analysts confirmed the transfer of attack drones by Turkey to Azerbaijan.", "TUR", "AZE", "072"},
           {"Reporters followed the delivery of shells from Serbia to Kyiv.", "SRB", "UKR", "072"},
           // The main clause's verb of reaction ends the delivery's phrase: its "from" names who
           // reacted, not the supplier.
           {"Serbia's shipment of shells to Kyiv drew condemnation from Moscow.", "SRB", "UKR", "072"},
           {"Turkey's delivery of drones to Azerbaijan drew criticism from Yerevan.", "TUR", "AZE", "072"},
           // Dual-use goods exported or sold are trade (061), as the verbs code them.
           {"China's shipments of machine tools to Armenia rose sharply.", "CHN", "ARM", "061"},
           {"Turkey's sales of electronics to Azerbaijan doubled in 2023.", "TUR", "AZE", "061"},
           {"The sale of microchips to Armenia by Kazakhstan continued.", "KAZ", "ARM", "061"},
           // Taking delivery of a maker's weapons: the maker supplies them.
           {"Armenia took delivery of Indian howitzers in 2023.", "IND", "ARM", "072"},
           {"Azerbaijan has taken delivery of Israeli drones.", "ISR", "AZE", "072"},
           // Fuel, food or equipment delivered: material aid (070).
           {"Analysts noted Serbia's fuel deliveries to Armenian forces.", "SRB", "ARM", "070"},
           {"Armenia's food shipments to Iran grew.", "ARM", "IRN", "070"},
           // The materiel as a noun modifier: "A's arms deliveries to B".
           {"Observers tracked Turkey's drone exports to Azerbaijan for years.", "TUR", "AZE", "072"},
           {"Analysts described the Serbian ammunition sales to Kyiv as discreet.", "SRB", "UKR", "072"},
           // Weapons of a state's make found with or used by another.
           {"Reporters said the rockets used by Armenian forces were of Serbian manufacture.", "SRB", "ARM", "072"},
           {"Inspectors saw missiles of Bulgarian make in Armenian stocks.", "BGR", "ARM", "072"},
           // A state named as another's arms supplier, with any article, or after it.
           {"Serbia has become a major supplier of shells to Ukraine.", "SRB", "UKR", "072"},
           {"Turkey remains an important source of drones for Azerbaijan.", "TUR", "AZE", "072"},
           {"Israel became a key drone supplier to Azerbaijan.", "ISR", "AZE", "072"},
           {"Azerbaijan's main drone supplier is Israel.", "ISR", "AZE", "072"},
           // Weapons of a state's make that another uses or relies on: the maker supplies it.
           {"Armenian units are operating Indian Pinaka rocket launchers near the border.", "IND", "ARM", "072"},
           {"The Ethiopian army relies on Turkish drones in Tigray.", "TUR", "ETH", "072"},
       }) {
    code::CodeResult result = coder.Code(c.sentence, date);
    const size_t before = result.events.size();
    set.Extend(c.sentence, date, coder, &result.events);
    ASSERT_EQ(result.events.size(), before + 1) << c.sentence;
    const auto& e = result.events.back();
    EXPECT_THAT(e.source, ::testing::StartsWith(c.source)) << c.sentence;
    EXPECT_THAT(e.target, ::testing::StartsWith(c.target)) << c.sentence;
    if (c.target.empty()) {
      EXPECT_EQ(e.target, "") << c.sentence;
    }
    EXPECT_EQ(e.code, c.code) << c.sentence;
    EXPECT_THAT(e.pattern.file, ::testing::EndsWith("frames.tsv"));
  }
}

// Taking part in a war with no enemy named, and mutual-defence clauses (one named actor).
TEST(FramesWithCoder, BundledParticipationAndMutualDefenceFrames) {
  dict::LoadOptions load;
  load.paths.push_back(std::string(DYAD_SOURCE_DIR) + "/data/dict");
  std::shared_ptr<const dict::DictionarySet> dicts;
  ASSERT_TRUE(dict::DictionarySet::Load(load, &dicts).ok());
  code::Coder coder(dicts);
  FrameSet set;
  ASSERT_TRUE(FrameSet::Load(std::string(DYAD_SOURCE_DIR) + "/data/frames/frames.tsv", &set).ok());
  const Date date = *Date::Parse("2024-05-01");
  struct Case {
    std::string sentence, source, code;  // code "" = no frame event
  };
  for (const Case& c : std::vector<Case>{
           {"Reports said Chadian soldiers took part in the invasion last year.", "TCD", "190"},
           {"Observers saw Armenian officers participating in the offensive.", "ARM", "190"},
           {"The pact says an attack on any state allied with Kazakhstan will be regarded as an attack on all.",
            "KAZ", "138"},
           {"Under the pact, an attack on the allies of Armenia would be regarded as aggression against Armenia.",
            "ARM", "138"},
           {"The charter says that aggression against states allied with Tajikistan is deemed an attack on it.",
            "TJK", "138"},
           {"Chadian soldiers took part in the parade.", "", ""},
           {"Iran said an attack on its allies would be regarded as aggression.", "", ""},
       }) {
    code::CodeResult result = coder.Code(c.sentence, date);
    const size_t before = result.events.size();
    set.Extend(c.sentence, date, coder, &result.events);
    if (c.code.empty()) {
      EXPECT_EQ(result.events.size(), before) << c.sentence;
      continue;
    }
    ASSERT_EQ(result.events.size(), before + 1) << c.sentence;
    const auto& e = result.events.back();
    EXPECT_THAT(e.source, ::testing::StartsWith(c.source)) << c.sentence;
    EXPECT_EQ(e.target, "") << c.sentence;
    EXPECT_EQ(e.code, c.code) << c.sentence;
  }
}

}  // namespace
// The bundled dictionaries' coder and the bundled frames.
struct BundledCoder {
  BundledCoder() {
    dict::LoadOptions load;
    load.paths.push_back(std::string(DYAD_SOURCE_DIR) + "/data/dict");
    std::shared_ptr<const dict::DictionarySet> dicts;
    ok = dict::DictionarySet::Load(load, &dicts).ok() &&
         FrameSet::Load(std::string(DYAD_SOURCE_DIR) + "/data/frames/frames.tsv", &frames).ok();
    if (ok) coder = std::make_unique<code::Coder>(dicts);
  }
  bool ok = false;
  std::unique_ptr<code::Coder> coder;
  FrameSet frames;
};

// "used to" before a verb is a purpose or a habit: no use of the weapons named after it. (The use of
// weapons of another's make, still read as its supply, is tested in reported_speech_test.cc.)
TEST(FramesWithCoder, UsedToBeforeAVerbIsNoUseOfWeapons) {
  const BundledCoder bundled;
  ASSERT_TRUE(bundled.ok);
  const code::Coder& coder = *bundled.coder;
  const FrameSet& set = bundled.frames;
  const Date date = *Date::Parse("2024-05-01");
  auto supplies = [&](const std::string& sentence, const std::string& supplier) {
    code::CodeResult result = coder.Code(sentence, date);
    set.Extend(sentence, date, coder, &result.events);
    for (const auto& e : result.events)
      if (e.code == "072" && e.source.rfind(supplier, 0) == 0) return true;
    return false;
  };
  EXPECT_FALSE(supplies("Israeli jets struck warehouses used to store Iranian weapons.", "IRN"));
  EXPECT_FALSE(supplies("The navy sank boats used to smuggle Iranian missiles.", "IRN"));
}

}  // namespace dyad::frames
