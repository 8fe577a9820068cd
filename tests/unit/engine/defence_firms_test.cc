// Text in, events out, through the facade with the bundled dictionaries: the defence-industry firms,
// arms exporters, state procurement agencies and sanctioned carriers of the states in today's wars
// (data/dict/organisations.actors, "Defence industry, arms exporters ..."). Each state group has two
// or more sentences; every sentence is our own wording, written for these tests, and none comes from a
// gold file. See docs/dictionaries-data.md, "Defence firms and procurement agencies".
#include <memory>
#include <string>
#include <vector>

#include "bundled_engine.h"
#include "dyad/engine.h"
#include "gtest/gtest.h"

namespace dyad {
namespace {

class DefenceFirms : public BundledEngineTest {
 public:
  static std::vector<Event> Code(const std::string& text, const char* date = "2025-03-01") { return CodeDated(text, date); }

};

bool StartsWith(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

std::string Describe(const std::vector<Event>& events) {
  std::string out;
  for (const Event& e : events)
    out += "  " + e.source + " " + e.event_code + " " + e.target + " " + ModalityName(e.modality) + "\n";
  return out.empty() ? "  (no events)\n" : out;
}

struct Expected {
  const char* sentence;
  const char* source;  // code prefix
  const char* code;    // CAMEO prefix
  const char* target;  // code prefix
};

// The asserted event the sentence must yield (among others it may yield).
void ExpectEvent(const std::vector<Event>& events, const Expected& x) {
  for (const Event& e : events) {
    if (StartsWith(e.source, x.source) && StartsWith(e.event_code, x.code) && StartsWith(e.target, x.target) &&
        e.modality == Modality::kAsserted)
      return;
  }
  ADD_FAILURE() << x.sentence << "\nexpected " << x.source << " " << x.code << " " << x.target << "\ngot:\n"
                << Describe(events);
}

void ExpectAll(const std::vector<Expected>& xs) {
  for (const Expected& x : xs) ExpectEvent(DefenceFirms::Code(x.sentence), x);
}

// No event names `actor` (a code prefix) as source or target: a lookalike is not the firm.
void ExpectNoActor(const std::string& sentence, const char* actor) {
  const std::vector<Event> events = DefenceFirms::Code(sentence);
  for (const Event& e : events)
    EXPECT_FALSE(StartsWith(e.source, actor) || StartsWith(e.target, actor))
        << sentence << "\nmust not name " << actor << ", got:\n"
        << Describe(events);
}

TEST_F(DefenceFirms, IranianDroneAndMissileMakersAndCarriers) {
  ExpectAll({
      {"Washington blacklisted Qods Aviation Industries over its drone transfers to Moscow.", "USAGOV", "163", "IRNBUS"},
      {"Britain sanctioned Shahed Aviation Industries for supplying attack drones to Russia.", "GBR", "163", "IRNBUS"},
      {"Britain sanctioned Shahed Aviation Industries for supplying attack drones to Russia.", "IRNBUS", "072", "RUS"},
      {"HESA shipped drone parts to Russia, Ukrainian intelligence said.", "IRNBUS", "072", "RUS"},
      {"The US Treasury sanctioned the Aerospace Industries Organization over missile deliveries to Moscow.", "USAGOV",
       "163", "IRNBUS"},
      {"Mahan Air flew weapons to Hezbollah, Israeli officials said.", "IRNBUS", "072", "LBN"},
      {"The European Union sanctioned IRISL for shipping missiles to Russia.", "IGOEUREEC", "163", "IRNBUS"},
  });
}

// MODAFL is Iran's defence ministry: MIL, as "defence ministry" and Iran's defence ministers are.
TEST_F(DefenceFirms, IranianDefenceMinistryAndMissileForceAreMilitary) {
  ExpectAll({
      {"Washington imposed sanctions on MODAFL over its drone deliveries to Russia.", "USAGOV", "163", "IRNMIL"},
      {"Canada imposed sanctions on the IRGC Aerospace Force.", "CAN", "163", "IRNMIL"},
  });
}

// Trading companies are BUS; the party's Munitions Industry Department and the Second Economic
// Committee are the state (GOV).
TEST_F(DefenceFirms, NorthKoreanExportersAndArmsIndustryBodies) {
  ExpectAll({
      {"KOMID shipped missile parts to Russia.", "PRKBUS", "072", "RUS"},
      {"Washington sanctioned Green Pine Associated Corporation over arms sales to Iran.", "USAGOV", "163", "PRKBUS"},
      {"The United States imposed sanctions on Korea Ryonbong General Corporation.", "USA", "163", "PRKBUS"},
      {"South Korea sanctioned the Munitions Industry Department over shell shipments to Russia.", "KOR", "163",
       "PRKGOV"},
      {"The Second Economic Committee supplied artillery shells to Russia.", "PRKGOV", "072", "RUS"},
  });
}

TEST_F(DefenceFirms, ChineseArmsMakersAndSuppliersOfRussiasWar) {
  ExpectAll({
      {"Washington sanctioned Norinco for supplying Iran.", "USAGOV", "163", "CHNBUS"},
      {"The European Union sanctioned Xiamen Limbach for supplying drone engines to Russia.", "CHNBUS", "072", "RUS"},
      {"The US Treasury sanctioned Spacety for providing satellite images to Wagner.", "USAGOV", "163", "CHNBUS"},
      {"Poly Technologies sold rifles to Myanmar's army.", "CHNBUS", "062", "MMR"},
      {"Washington sanctioned China Great Wall Industry Corporation.", "USAGOV", "163", "CHNBUS"},
  });
}

TEST_F(DefenceFirms, EmiratiArmsMakerAndProcurementCouncil) {
  ExpectAll({
      {"EDGE Group signed a contract with Indonesia.", "AREBUS", "057", "IDN"},
      {"The Tawazun Council signed a contract with Rheinmetall.", "AREGOV", "057", "DEUBUS"},
  });
}

TEST_F(DefenceFirms, TurkishArmsMakersAndProcurementAgency) {
  ExpectAll({
      {"Aselsan supplied radars to Ukraine.", "TURBUS", "07", "UKR"},
      {"Roketsan sold missiles to Indonesia.", "TURBUS", "062", "IDN"},
      {"Washington sanctioned Turkey's Presidency of Defense Industries.", "USAGOV", "163", "TURGOV"},
  });
}

TEST_F(DefenceFirms, RussianMissileAndDroneMakersAndShipping) {
  ExpectAll({
      {"Kyiv sanctioned the Tactical Missiles Corporation.", "UKRGOV", "163", "RUSBUS"},
      {"Britain sanctioned Kupol, the maker of the Garpiya drone.", "GBR", "163", "RUSBUS"},
      {"The EU imposed sanctions on ZALA Aero.", "IGOEUREEC", "163", "RUSBUS"},
      {"The US Treasury sanctioned Sovcomflot.", "USAGOV", "163", "RUSBUS"},
      {"The EU sanctioned the Federal Service for Military-Technical Cooperation.", "IGOEUREEC", "163", "RUSGOV"},
  });
}

// The State Authority for Military Industry is a state committee: GOV.
TEST_F(DefenceFirms, BelarusianArmsExportersAndRepairPlants) {
  ExpectAll({
      {"The EU sanctioned BelTechExport for supplying weapons to Russia.", "BLRBUS", "072", "RUS"},
      {"Minotor-Service repaired tanks for the Russian army.", "BLRBUS", "062", "RUSMIL"},
      {"The EU sanctioned the State Authority for Military Industry of Belarus.", "IGOEUREEC", "163", "BLRGOV"},
  });
}

// The army's industrial arm codes as the army, the RSF's companies as the RSF (dated like it).
TEST_F(DefenceFirms, SudaneseFirmsCodeAsTheSideThatOwnsThem) {
  ExpectAll({
      {"The United States sanctioned the Defense Industries System and Zadna.", "USA", "163", "SDNMIL"},
      {"Sudan's Defence Industries System bought drones from Iran.", "SDNMIL", "062", "IRN"},
      {"The United States imposed sanctions on Al Junaid.", "USA", "163", "SDNREB"},
      {"Washington sanctioned Tradive General Trading for buying weapons for the Rapid Support Forces.", "USAGOV",
       "163", "SDNREB"},
  });
  ExpectEvent(Code("Washington criticised Al Junaid.", "2022-06-01"),
              {"Washington criticised Al Junaid. (2022)", "USAGOV", "111", "SDNMIL"});
}

TEST_F(DefenceFirms, RwandanMinesBoardIsTheState) {
  ExpectAll({
      {"The EU sanctioned the Rwanda Mines Board over minerals from Congo.", "IGOEUREEC", "163", "RWAGOV"},
      {"Kinshasa accused the Rwanda Mines Board of laundering Congolese minerals.", "CODGOV", "112", "RWAGOV"},
  });
}

TEST_F(DefenceFirms, EgyptianArabOrganizationForIndustrialization) {
  ExpectAll({
      {"The Arab Organization for Industrialization signed a deal with China.", "EGYBUS", "057", "CHN"},
      {"Egypt's Arab Organization for Industrialization delivered armored vehicles to Libya.", "EGYBUS", "072", "LBY"},
  });
}

TEST_F(DefenceFirms, IsraeliArmsMakers) {
  ExpectAll({
      {"Elbit Systems sold drones to Azerbaijan.", "ISRBUS", "062", "AZE"},
      {"Colombia cancelled contracts with Rafael Advanced Defense Systems.", "COL", "16", "ISRBUS"},
      {"Israel Aerospace Industries delivered missiles to India.", "ISRBUS", "072", "IND"},
  });
}

TEST_F(DefenceFirms, AmericanAndBritishArmsMakers) {
  ExpectAll({
      {"China sanctioned Raytheon over arms sales to Taiwan.", "CHN", "163", "USABUS"},
      {"Beijing imposed sanctions on General Dynamics and Northrop Grumman.", "CHNGOV", "163", "USABUS"},
      {"Lockheed Martin delivered F-35 jets to Israel.", "USABUS", "07", "ISR"},
      {"China sanctioned L3Harris over Taiwan arms sales.", "CHN", "163", "USABUS"},
      {"BAE Systems signed a contract with Ukraine.", "GBRBUS", "057", "UKR"},
      {"Russia sanctioned QinetiQ.", "RUS", "163", "GBRBUS"},
  });
}

TEST_F(DefenceFirms, OtherStatesArmsMakers) {
  ExpectAll({
      {"Hanwha Aerospace delivered howitzers to Poland.", "KORBUS", "072", "POL"},
      {"Thales delivered radars to Ukraine.", "FRABUS", "07", "UKR"},
      {"Russia struck the Pivdenmash plant.", "RUS", "19", "UKRBUS"},
      {"Yugoimport sold ammunition to Ukraine.", "SRBBUS", "062", "UKR"},
  });
}

// Weapons, descriptions and people that share a word with a firm are not the firm.
TEST_F(DefenceFirms, LookalikesAreNotTheFirms) {
  ExpectNoActor("Israel's Green Pine radar tracked missiles fired by Iran.", "PRK");
  ExpectNoActor("Iran's air defences fired at Israeli jets.", "IRNBUS");
  ExpectNoActor("Rafael Grossi met Iranian officials in Tehran.", "ISR");
  ExpectNoActor("Russian helicopters attacked Ukrainian positions near Kupiansk.", "RUSBUS");
  ExpectNoActor("Russia used Shahed drones to attack Kyiv.", "IRNBUS");
  EXPECT_TRUE(Code("Hikers walked past a green pine forest near the border.").empty());
  EXPECT_TRUE(Code("A Russian naval group entered the Mediterranean.").empty());
}

}  // namespace
}  // namespace dyad
