#include "enrich/places.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

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

// Regions, territories and named areas of the shipped conflicts (data/gazetteer/regions.tsv): the
// event gets the right country even where no city is named.
struct RegionCase {
  const char* sentence;
  const char* verb;
  const char* location;  // Place::name
  const char* location_iso3;
};
void PrintTo(const RegionCase& c, std::ostream* os) { *os << c.sentence << " [" << c.verb << "]"; }

class RegionTableTest : public ::testing::TestWithParam<RegionCase> {};

TEST_P(RegionTableTest, LocatesTheEventInTheRegionsCountry) {
  const RegionCase& c = GetParam();
  Event e = One(c.sentence, c.verb);
  EXPECT_EQ(e.location.name, c.location);
  EXPECT_EQ(e.location.country, c.location_iso3);
}

INSTANTIATE_TEST_SUITE_P(
    DrcM23, RegionTableTest,
    ::testing::Values(RegionCase{"Kigali deployed missile systems in North Kivu.", "deployed", "North Kivu", "COD"},
                      RegionCase{"Rwandan troops were seen in Rutshuru territory.", "seen", "Rutshuru", "COD"},
                      RegionCase{"The rebels pushed deeper into the hills around Masisi.", "pushed", "Masisi", "COD"},
                      RegionCase{"Heavy fighting raged in Nord-Kivu last week.", "raged", "North Kivu",
                                 "COD"},
                      RegionCase{"Ugandan soldiers hunted ADF fighters across Ituri province.", "hunted", "Ituri",
                                 "COD"},
                      RegionCase{"Burundian battalions were stationed in the Uvira territory.", "stationed",
                                 "Uvira territory", "COD"},
                      RegionCase{"Miners were killed in a landslide at Rubaya.", "killed", "Rubaya", "COD"},
                      RegionCase{"Mortar rounds were fired from Rubavu district.", "fired", "Rubavu", "RWA"},
                      RegionCase{"Rwandan special forces moved along the road near Kalehe.", "moved", "Kalehe",
                                 "COD"},
                      RegionCase{"Refugees gathered at Kamanyola after the fall of Bukavu.", "gathered", "Kamanyola",
                                 "COD"}));

INSTANTIATE_TEST_SUITE_P(
    Sudan, RegionTableTest,
    ::testing::Values(RegionCase{"RSF fighters attacked villages in West Darfur.", "attacked", "West Darfur", "SDN"},
                      RegionCase{"The army bombed paramilitary positions in North Kordofan.", "bombed",
                                 "North Kordofan", "SDN"},
                      RegionCase{"Thousands fled the fighting in Gezira state.", "fled", "Gezira State", "SDN"},
                      RegionCase{"Shelling killed dozens in the Zamzam camp.", "killed", "Zamzam camp", "SDN"},
                      RegionCase{"Cargo planes landed at Amdjarass airport.", "landed", "Amdjarass", "TCD"},
                      RegionCase{"Weapons were trucked through Kufra to the border.", "trucked", "Kufra", "LBY"},
                      RegionCase{"Refugees crossed the border at Adre.", "crossed", "Adré", "TCD"},
                      RegionCase{"Clashes broke out in the Blue Nile state.", "broke", "Blue Nile", "SDN"},
                      RegionCase{"Egyptian jets were accused of bombing fighters at Jebel Moya.", "bombing",
                                 "Jebel Moya", "SDN"}));

INSTANTIATE_TEST_SUITE_P(
    YemenRedSea, RegionTableTest,
    ::testing::Values(RegionCase{"Houthi forces fired missiles from Hodeidah province.", "fired",
                                 "Hodeidah Governorate", "YEM"},
                      RegionCase{"Coalition aircraft struck targets in Saada.", "struck", "Saada", "YEM"},
                      RegionCase{"Fighting intensified in Marib Governorate.", "intensified", "Marib Governorate",
                                 "YEM"},
                      RegionCase{"American jets bombed the fuel terminal at Ras Isa.", "bombed", "Ras Isa", "YEM"},
                      RegionCase{"Separatist units were deployed on Socotra.", "deployed", "Socotra", "YEM"},
                      RegionCase{"Government troops clashed with militants in Hadramout.", "clashed", "Hadramawt",
                                 "YEM"},
                      RegionCase{"A drone was shot down over Al Bayda province.", "shot",
                                 "Al Bayda Governorate", "YEM"},
                      RegionCase{"Drones were launched from Khuzestan province.", "launched", "Khuzestan", "IRN"}));

INSTANTIATE_TEST_SUITE_P(
    RussiaUkraine, RegionTableTest,
    ::testing::Values(RegionCase{"Drones hit an oil depot in the Voronezh region.", "hit", "Voronezh Oblast", "RUS"},
                      RegionCase{"Shahed drones are assembled at Alabuga in Tatarstan.", "assembled",
                                 "Alabuga Special Economic Zone", "RUS"},
                      RegionCase{"Artillery shelled villages in the Zaporozhye region.", "shelled",
                                 "Zaporizhzhia Oblast", "UKR"},
                      RegionCase{"Explosions were heard in the Kharkov region.", "heard", "Kharkiv Oblast", "UKR"},
                      RegionCase{"Bombers took off from the Engels air base.", "took", "Engels air base", "RUS"},
                      RegionCase{"Helicopters flew out of Zyabrovka airfield.", "flew", "Zyabrovka air base", "BLR"},
                      RegionCase{"Russian aircraft were stationed in the Homel region.", "stationed", "Gomel Region",
                                 "BLR"},
                      RegionCase{"Missiles were fired from Primorye.", "fired", "Primorsky Krai", "RUS"},
                      RegionCase{"Missiles were launched from North Pyongan province.", "launched", "North Pyongan",
                                 "PRK"},
                      RegionCase{"Ukrainian drones struck a refinery in Krasnodar Krai.", "struck", "Krasnodar Krai",
                                 "RUS"}));

// Disputed areas take the internationally recognised state, as Crimea (UKR) and Nagorno-Karabakh
// (AZE) already did.
INSTANTIATE_TEST_SUITE_P(
    MiddleEastAndCaucasus, RegionTableTest,
    ::testing::Values(RegionCase{"Israeli jets struck depots in the Bekaa Valley.", "struck", "Bekaa Valley", "LBN"},
                      RegionCase{"Rockets fell in the Golan Heights.", "fell", "Golan Heights", "SYR"},
                      RegionCase{"Tanks advanced in Rafah.", "advanced", "Rafah", "PSE"},
                      RegionCase{"Bombs fell on Fordow.", "fell", "Fordow", "IRN"},
                      RegionCase{"Russian jets flew from Khmeimim air base.", "flew", "Khmeimim air base", "SYR"},
                      RegionCase{"Troops exchanged fire in Syunik.", "exchanged", "Syunik", "ARM"}));

struct GazetteerRow {
  int line = 0;
  std::vector<std::string> cols;
  std::vector<std::string> names;  // name and alternates
};

std::vector<GazetteerRow> ReadGazetteerFile(const std::string& file) {
  std::ifstream in(std::string(DYAD_SOURCE_DIR) + "/data/gazetteer/" + file);
  std::vector<GazetteerRow> rows;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty() || line[0] == '#') continue;
    GazetteerRow r;
    r.line = n;
    std::stringstream ss(line);
    for (std::string col; std::getline(ss, col, '\t');) r.cols.push_back(col);
    if (!line.empty() && line.back() == '\t') r.cols.push_back("");
    if (!r.cols.empty()) r.names.push_back(r.cols[0]);
    if (r.cols.size() > 1) {
      std::stringstream alts(r.cols[1]);
      for (std::string a; std::getline(alts, a, '|');) r.names.push_back(a);
    }
    rows.push_back(std::move(r));
  }
  return rows;
}

// Every hand-written row: 8 columns, a country code that countries.tsv knows, a centroid, a
// feature, an admin1; no empty or repeated name; and no name that a country or a city of another
// state already has (regions beat cities, so such a name would move that city to another state).
TEST(GazetteerTest, EveryRegionRowIsWellFormed) {
  std::set<std::string> iso3;
  std::map<std::string, std::string> country_names, city_names;
  for (const GazetteerRow& r : ReadGazetteerFile("countries.tsv")) {
    ASSERT_GE(r.cols.size(), 3u);
    iso3.insert(r.cols[2]);
    for (const std::string& n : r.names) country_names[n] = r.cols[2];
  }
  for (const GazetteerRow& r : ReadGazetteerFile("cities.tsv")) {
    for (const std::string& n : r.names) city_names.emplace(n, r.cols[2]);
  }
  ASSERT_GT(iso3.size(), 200u);
  Gazetteer g;
  ASSERT_TRUE(g.Load(std::string(DYAD_SOURCE_DIR) + "/data/gazetteer").ok());
  std::set<std::string> seen;
  auto rows = ReadGazetteerFile("regions.tsv");
  EXPECT_GT(rows.size(), 300u);
  for (const GazetteerRow& r : rows) {
    SCOPED_TRACE("regions.tsv:" + std::to_string(r.line));
    ASSERT_EQ(r.cols.size(), 8u);
    const std::string& country = r.cols[2];
    EXPECT_TRUE(iso3.count(country)) << r.cols[0] << ": " << country;
    EXPECT_FALSE(r.cols[3].empty()) << r.cols[0];
    double lat = std::atof(r.cols[4].c_str()), lon = std::atof(r.cols[5].c_str());
    EXPECT_FALSE(r.cols[4].empty() || r.cols[5].empty() || (lat == 0 && lon == 0)) << r.cols[0];
    EXPECT_TRUE(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180) << r.cols[0];
    EXPECT_TRUE(r.cols[6] == "region" || r.cols[6] == "city") << r.cols[0] << ": " << r.cols[6];
    for (const std::string& n : r.names) {
      EXPECT_FALSE(n.empty()) << r.cols[0];
      EXPECT_TRUE(seen.insert(n).second) << "name listed twice: " << n;
      EXPECT_FALSE(country_names.count(n)) << "a country's name: " << n;
      auto city = city_names.find(n);
      EXPECT_TRUE(city == city_names.end() || city->second == country) << n << " is a city of " << city->second;
      const Place* p = g.Lookup(n);
      ASSERT_NE(p, nullptr) << n;
      EXPECT_EQ(p->country, country) << n;
    }
  }
}

// A region named like its capital keeps the name for the city ("Kherson" is the city, "Kherson
// region" the oblast); the country is the same either way.
TEST(GazetteerTest, ARegionNamedLikeItsCapitalLeavesTheNameToTheCity) {
  Gazetteer g;
  ASSERT_TRUE(g.Load(std::string(DYAD_SOURCE_DIR) + "/data/gazetteer").ok());
  for (const char* city : {"Donetsk", "Kherson", "Kursk", "Kassala", "Beni", "Isfahan", "Idlib", "Sanaa"}) {
    const Place* p = g.Lookup(city);
    ASSERT_NE(p, nullptr) << city;
    EXPECT_TRUE(p->feature == "city" || p->feature == "capital") << city << ": " << p->feature;
  }
  for (const char* region : {"Donetsk region", "Kherson Oblast", "Kursk region", "Kassala State", "Beni territory",
                             "Isfahan province", "Idlib province", "Sanaa Governorate"}) {
    const Place* p = g.Lookup(region);
    ASSERT_NE(p, nullptr) << region;
    EXPECT_EQ(p->feature, "region") << region;
  }
  EXPECT_EQ(g.Lookup("Kursk region")->country, "RUS");
  EXPECT_EQ(g.Lookup("Sanaa Governorate")->country, "YEM");
}

// Capitalised ordinary words (sentence-initial, in headlines) and lower-case words that are parts of
// region names are no places.
TEST(GazetteerTest, OrdinaryWordsAreNoPlaces) {
  Gazetteer g;
  ASSERT_TRUE(g.Load(std::string(DYAD_SOURCE_DIR) + "/data/gazetteer").ok());
  for (const char* text :
       {"North and South agreed. Central banks cut rates. Northern lights glowed. Unity matters. Lakes froze.",
        "Upper chambers voted. Western aid slowed. Blue skies returned. White smoke rose. Red flags flew.",
        "River traffic resumed. Eastern Orthodox clergy met. Southern Baptists prayed. Centre parties lost.",
        "Orientale music played. Bas reliefs survive. Sila is a name. Lac is French. Province officials spoke.",
        "Rural voters stayed home. Mountains loomed. Nile perch sold well. State media reported it.",
        "the north of the province, the centre of the state, the upper nile of the river, unity state"}) {
    auto matches = g.Find(Tokenize(text));
    std::string found;
    for (const auto& m : matches) found += m.place->name + "; ";
    EXPECT_TRUE(matches.empty()) << text << " -> " << found;
  }
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
  for (const Token& x : Tokenize("Ukraine's side, it's Lukashenko's plan")) words.emplace_back(x.text);
  EXPECT_EQ(words, (std::vector<std::string>{"Ukraine", "'s", "side", ",", "it", "'s", "Lukashenko", "'s", "plan"}));
}

TEST(TokenizeTest, KeepsContractionsAndSplitsHyphens) {
  auto t = Tokenize("Belarus didn't join February-March 2022, on 4th.");
  std::vector<std::string> words;
  for (const Token& x : t) words.emplace_back(x.text);
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
