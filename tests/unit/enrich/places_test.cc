#include "enrich/places.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "test_util.h"

namespace dyad::enrich {
namespace {

using testing::One;
using testing::RunSentence;

struct PlaceCase {
  const char* sentence;
  const char* verb;
  const char* location;  // Place::name, "" = none
  const char* location_iso3;
  const char* origin;
  const char* destination;
};
void PrintTo(const PlaceCase& c, std::ostream* os) { *os << c.sentence << " [" << c.verb << "]"; }

class PlaceTableTest : public ::testing::TestWithParam<PlaceCase> {};

TEST_P(PlaceTableTest, ReadsLocationOriginAndDestination) {
  const PlaceCase& c = GetParam();
  Event e = One(c.sentence, c.verb);
  EXPECT_EQ(e.location.name, c.location);
  EXPECT_EQ(e.location.country, c.location_iso3);
  EXPECT_EQ(e.origin.name, c.origin);
  EXPECT_EQ(e.destination.name, c.destination);
}

INSTANTIATE_TEST_SUITE_P(
    Sentences, PlaceTableTest,
    ::testing::Values(
        PlaceCase{"Columns of armour moved from Belarus towards Kyiv.", "moved", "Belarus", "BLR", "Belarus", "Kyiv"},
        PlaceCase{"Long convoys were seen moving from Belarus heading towards Kyiv.", "moving", "Belarus", "BLR",
                  "Belarus", "Kyiv"},
        PlaceCase{"Missiles were launched from Belarus.", "launched", "Belarus", "BLR", "Belarus", ""},
        PlaceCase{"Moscow deployed tactical nuclear weapons in Belarus.", "deployed", "Belarus", "BLR", "", ""},
        PlaceCase{"The deployment of mercenaries in Belarus alarmed its neighbours.", "deployment", "Belarus", "BLR",
                  "", ""},
        PlaceCase{"Shells hit a school in the city of Kharkiv.", "hit", "Kharkiv", "UKR", "", ""},
        PlaceCase{"Russian forces advanced in eastern Ukraine.", "advanced", "Ukraine", "UKR", "", ""},
        PlaceCase{"Fighting raged in Russian-occupied Crimea.", "raged", "Crimea", "UKR", "", ""},
        PlaceCase{"Drones struck targets in the Kyiv region.", "struck", "Kyiv Oblast", "UKR", "", ""},
        PlaceCase{"Refugees fled to Poland.", "fled", "", "", "", "Poland"},
        PlaceCase{"Troops were sent into Ukraine out of Belarus.", "sent", "Belarus", "BLR", "Belarus", "Ukraine"},
        PlaceCase{"Artillery shelled Kiev overnight.", "shelled", "", "", "", ""},  // no preposition
        PlaceCase{"Russia attacked Ukraine.", "attacked", "", "", "", ""},
        PlaceCase{"Talks took place in Minsk.", "took", "Minsk", "BLR", "", ""},
        PlaceCase{"Shells fell in Russia's Belgorod Oblast.", "fell", "Belgorod Oblast", "RUS", "", ""},
        PlaceCase{"A ceasefire was signed at Minsk in 2015.", "signed", "Minsk", "BLR", "", ""},
        // Capitalisation guards common words that are also city names.
        PlaceCase{"It was a nice gesture in the talks.", "gesture", "", "", "", ""},
        PlaceCase{"Mobile units were moved in quickly.", "moved", "", "", "", ""},
        PlaceCase{"The summit in Nice was cancelled.", "cancelled", "Nice", "FRA", "", ""},
        // A place beyond a clause boundary or too far from the verb is not the event's.
        PlaceCase{"Mercenaries arrived in Belarus; later Russia attacked the north.", "attacked", "", "", "", ""},
        PlaceCase{"Kyiv-based reporters saw the strike.", "saw", "", "", "", ""},
        PlaceCase{"An expert from the Belarusian Helsinki Committee spoke.", "spoke", "", "", "", ""}));

TEST(PlacesTest, EachEventGetsItsOwnPlace) {
  auto c = RunSentence("Troops massed in Belarus, and missiles later hit Lviv in western Ukraine.", {"massed", "hit"});
  EXPECT_EQ(c.events[0].location.name, "Belarus");
  EXPECT_EQ(c.events[1].location.name, "Ukraine");
}

TEST(PlacesTest, ASpeechActDoesNotTakeThePlacesItReports) {
  auto c =
      RunSentence("In Minsk, the minister said that troops were killed in the Kharkiv region.", {"said", "killed"});
  EXPECT_EQ(c.events[0].location.name, "Minsk");
  EXPECT_EQ(c.events[1].location.name, "Kharkiv Oblast");
  auto d = RunSentence("The UN said ten civilians were killed in Kharkiv.", {"said", "killed"});
  EXPECT_TRUE(d.events[0].location.empty());
  EXPECT_EQ(d.events[1].location.name, "Kharkiv");
}

TEST(PlacesTest, SpansAreByteOffsetsIntoTheSentence) {
  std::string s = "Columns moved from Belarus towards Kyiv.";
  Event e = One(s, "moved");
  ASSERT_FALSE(e.origin.empty());
  EXPECT_EQ(s.substr(e.origin.span.begin, e.origin.span.end - e.origin.span.begin), "Belarus");
  EXPECT_EQ(s.substr(e.destination.span.begin, e.destination.span.end - e.destination.span.begin), "Kyiv");
  EXPECT_EQ(e.destination.country, "UKR");
  EXPECT_EQ(e.destination.feature, "capital");
  EXPECT_NEAR(e.destination.latitude, 50.45, 0.1);
  EXPECT_NEAR(e.destination.longitude, 30.52, 0.1);
}

// Load time is measured in bench/, not asserted here.
TEST(GazetteerTest, LoadsTheBundledTables) {
  Gazetteer g;
  Status s = g.Load(std::string(DYAD_SOURCE_DIR) + "/data/gazetteer");
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_GT(g.size(), 4000u);
  ASSERT_NE(g.Lookup("Kiev"), nullptr);
  EXPECT_EQ(g.Lookup("Kiev")->name, "Kyiv");
  ASSERT_NE(g.Lookup("Gaza"), nullptr);
  EXPECT_EQ(g.Lookup("Gaza")->feature, "region");  // regions beat cities of the same name
  ASSERT_NE(g.Lookup("Belarus"), nullptr);
  EXPECT_EQ(g.Lookup("Belarus")->country, "BLR");
  EXPECT_EQ(g.Lookup("Belarus")->feature, "country");
  EXPECT_EQ(g.Lookup("Atlantis"), nullptr);
}

TEST(GazetteerTest, MatchesTheLongestNameCaseSensitively) {
  Gazetteer g;
  ASSERT_TRUE(g.Load(std::string(DYAD_SOURCE_DIR) + "/data/gazetteer").ok());
  auto tokens = Tokenize("From Ivano-Frankivsk to St. Petersburg via the Kyiv region, not kyiv.");
  auto m = g.Find(tokens);
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].place->name, "Ivano-Frankivsk");
  EXPECT_EQ(m[1].place->name, "Saint Petersburg");
  EXPECT_EQ(m[2].place->name, "Kyiv Oblast");
}

// In the states of the shipped conflicts, towns down to 5,000 people are places: front lines and
// supply routes run through them. Of two towns of one state sharing a name, the bigger is kept.
TEST(GazetteerTest, KnowsTheTownsOfTheFrontLines) {
  Gazetteer g;
  ASSERT_TRUE(g.Load(std::string(DYAD_SOURCE_DIR) + "/data/gazetteer").ok());
  for (const char* town : {"Toretsk", "Kutum", "Zalingei", "Sudzha"}) {
    const Place* p = g.Lookup(town);
    ASSERT_NE(p, nullptr) << town;
  }
  EXPECT_EQ(g.Lookup("Toretsk")->country, "UKR");
  EXPECT_EQ(g.Lookup("Kutum")->country, "SDN");
  const Place* blag = g.Lookup("Blagoveshchensk");
  ASSERT_NE(blag, nullptr);
  EXPECT_LT(blag->latitude, 52.0);  // the city on the Amur (50.3 N), not the town in Bashkortostan (55.0 N)
}

TEST(GazetteerTest, RejectsMalformedRowsWithFileAndLine) {
  std::string dir = ::testing::TempDir() + "/gaz_bad";
  std::filesystem::create_directories(dir);
  {
    std::ofstream out(dir + "/regions.tsv");
    out << "# header\nDonbas\t\tUKR\t\t48.3\t38.3\tregion\t\nNowhere\t\tUKR\t\tnorth\t38.3\tregion\t\n";
  }
  Gazetteer g;
  Status s = g.Load(dir);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("regions.tsv:3: bad latitude/longitude: 'Nowhere'"), std::string::npos) << s.message();
  Gazetteer empty;
  EXPECT_FALSE(empty.Load(::testing::TempDir() + "/no_such_dir").ok());
}

TEST(EnricherTest, CreateReportsAMissingDataDirectory) {
  std::unique_ptr<const Enricher> e;
  Status s = Enricher::Create(::testing::TempDir() + "/no_such_data", &e);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("temporal.tsv"), std::string::npos) << s.message();
}

TEST(EnricherTest, BadSpansAndNullEventsDoNotCrash) {
  Event e;
  e.date = testing::kDocDate;
  std::vector<EventInSentence> events = {{&e, {}, {40, 90}, {}}, {nullptr, {}, {0, 3}, {}}};
  testing::SharedEnricher().Enrich(SentenceContext{"Short.", testing::kDocDate, {}}, events);
  EXPECT_EQ(e.date_precision, DatePrecision::kDocument);
  EXPECT_EQ(e.modality, Modality::kAsserted);
  EXPECT_TRUE(e.location.empty());
}

TEST(TokenizeTest, SplitsPossessives) {
  std::vector<std::string> words;
  for (const Token& x : Tokenize("Ukraine's side, it's Lukashenko's plan")) words.push_back(x.text);
  EXPECT_EQ(words, (std::vector<std::string>{"Ukraine", "'s", "side", ",", "it", "'s", "Lukashenko", "'s", "plan"}));
}

TEST(TokenizeTest, KeepsContractionsAndSplitsHyphens) {
  auto t = Tokenize("Belarus didn't join February-March 2022, on 4th.");
  std::vector<std::string> words;
  for (const Token& x : t) words.push_back(x.text);
  EXPECT_EQ(words, (std::vector<std::string>{"Belarus", "didn't", "join", "February", "-", "March", "2022", ",", "on",
                                             "4th", "."}));
  EXPECT_TRUE(t[6].number);
  EXPECT_EQ(t[6].value, 2022);
  EXPECT_FALSE(t[9].number);
  EXPECT_EQ(t[9].value, 4);
  EXPECT_EQ(t[3].begin, 20);
}

}  // namespace
}  // namespace dyad::enrich
