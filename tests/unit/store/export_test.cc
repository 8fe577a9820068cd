#include "store/export.h"

#include <sstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_util.h"

namespace dyad::store {
namespace {

using ::testing::HasSubstr;

std::vector<std::string> Split(const std::string& line, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : line) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

StoredEvent Sample() {
  StoredEvent se;
  se.id = 17;
  se.document_id = 3;
  se.event = MakeEvent(0, "Belarusian troops shelled Chernihiv.", "BLRMIL", "UKRCVL", "194",
                       Date{2022, 3, 5});
  se.event.source_text = "Belarusian troops";
  se.event.target_text = "civilians";
  se.event.location = {};
  se.event.location.name = "Chernihiv";
  se.event.location.country = "UKR";
  se.event.location.admin1 = "Chernihiv Oblast";
  se.event.location.latitude = 51.5;
  se.event.location.longitude = 31.3;
  se.event.location.feature = "city";
  se.doc_url = "https://example.org/a";
  se.doc_source = "Wire";
  se.doc_date = Date{2022, 3, 6};
  se.doc_sha256 = "abc";
  se.dict_hash = "h";
  se.doc_ingested_at = "2024-01-02T03:04:05.678Z";
  return se;
}

TEST(ExportTest, GdeltRowHas61ColumnsInGdeltOrderThenDyads) {
  ASSERT_EQ(GdeltColumns().size(), 64u);
  EXPECT_EQ(GdeltColumns()[0], "GLOBALEVENTID");
  EXPECT_EQ(GdeltColumns()[26], "EventCode");
  EXPECT_EQ(GdeltColumns()[60], "SOURCEURL");
  std::ostringstream out;
  Exporter exporter(out, ExportFormat::kGdelt);
  exporter.Begin();
  ASSERT_TRUE(exporter.Write(Sample()));
  std::string text = out.str();
  ASSERT_EQ(text.back(), '\n');
  auto cols = Split(text.substr(0, text.size() - 1), '\t');
  ASSERT_EQ(cols.size(), 64u);
  auto col = [&](const std::string& name) {
    auto it = std::find(GdeltColumns().begin(), GdeltColumns().end(), name);
    return cols[static_cast<size_t>(it - GdeltColumns().begin())];
  };
  EXPECT_EQ(col("GLOBALEVENTID"), "17");
  EXPECT_EQ(col("SQLDATE"), "20220305");
  EXPECT_EQ(col("MonthYear"), "202203");
  EXPECT_EQ(col("Year"), "2022");
  EXPECT_EQ(col("Actor1Code"), "BLRMIL");
  EXPECT_EQ(col("Actor1Name"), "Belarusian troops");
  EXPECT_EQ(col("Actor1CountryCode"), "BLR");
  EXPECT_EQ(col("Actor1Type1Code"), "MIL");
  EXPECT_EQ(col("Actor2CountryCode"), "UKR");
  EXPECT_EQ(col("Actor2Type1Code"), "CVL");
  EXPECT_EQ(col("EventCode"), "194");
  EXPECT_EQ(col("EventBaseCode"), "194");
  EXPECT_EQ(col("EventRootCode"), "19");
  EXPECT_EQ(col("QuadClass"), "4");
  EXPECT_EQ(col("GoldsteinScale"), "-10.0");
  EXPECT_EQ(col("IsRootEvent"), "1");
  EXPECT_EQ(col("ActionGeo_Type"), "4");
  EXPECT_EQ(col("ActionGeo_FullName"), "Chernihiv, Chernihiv Oblast, UKR");
  EXPECT_EQ(col("ActionGeo_Lat"), "51.5000");
  EXPECT_EQ(col("DATEADDED"), "20240102030405");
  EXPECT_EQ(col("SOURCEURL"), "https://example.org/a");
  EXPECT_EQ(col("Modality"), "asserted");
  EXPECT_EQ(col("ReportedBy"), "");
  EXPECT_EQ(col("DatePrecision"), "day");
}

// "Lukashenko said Belarusian troops were not taking part" is no battle: the exchange formats
// write asserted (first-hand or reported) events only, unless asked for the others.
TEST(ExportTest, ExchangeFormatsLeaveOutNegatedAndHypotheticalEventsByDefault) {
  AcledMap map;
  ASSERT_TRUE(AcledMap::LoadDefault(DYAD_SOURCE_DIR "/data", &map).ok());
  StoredEvent denied = Sample();
  denied.event.event_code = "190";
  denied.event.modality = Modality::kNegated;
  denied.event.reported_by = "BLRGOV";
  StoredEvent conditional = Sample();
  conditional.event.event_code = "190";
  conditional.event.modality = Modality::kHypothetical;
  StoredEvent reported = Sample();
  reported.event.reported_by = "UKRGOV";
  for (ExportFormat format : {ExportFormat::kAcled, ExportFormat::kGdelt, ExportFormat::kPlover}) {
    SCOPED_TRACE(ExportFormatName(format));
    std::ostringstream out;
    Exporter exporter(out, format, &map);
    EXPECT_FALSE(exporter.Write(denied));
    EXPECT_FALSE(exporter.Write(conditional));
    EXPECT_TRUE(exporter.Write(reported));
    EXPECT_EQ(exporter.skipped_modality(), 2);
    EXPECT_THAT(out.str(), HasSubstr("UKRGOV"));  // the reporter has a column
    ExportOptions all;
    all.include_negated = all.include_hypothetical = true;
    std::ostringstream everything;
    Exporter with_all(everything, format, &map, all);
    EXPECT_TRUE(with_all.Write(denied));
    EXPECT_TRUE(with_all.Write(conditional));
    EXPECT_THAT(everything.str(), HasSubstr("negated"));
    EXPECT_THAT(everything.str(), HasSubstr("hypothetical"));
  }
  std::ostringstream jsonl;  // dyad's own formats carry every event with its modality
  Exporter own(jsonl, ExportFormat::kJsonl);
  EXPECT_TRUE(own.Write(denied));
}

// An undated event gets its document's date, flagged "document"; without that, the day the
// document was ingested, flagged "ingested": never an empty date.
TEST(ExportTest, UndatedEventsTakeTheDocumentDateWithAPrecisionFlag) {
  AcledMap map;
  ASSERT_TRUE(AcledMap::LoadDefault(DYAD_SOURCE_DIR "/data", &map).ok());
  StoredEvent undated = Sample();
  undated.event.date = Date{};
  undated.event.date_end = Date{};
  undated.event.date_precision = DatePrecision::kDocument;
  StoredEvent unknown = undated;
  unknown.doc_date = Date{};
  EXPECT_EQ(ExportDate(undated).first.ToIso(), "2022-03-06");
  EXPECT_EQ(ExportDate(undated).second, DatePrecision::kDocument);
  EXPECT_EQ(ExportDate(unknown).first.ToIso(), "2024-01-02");
  EXPECT_EQ(ExportDate(unknown).second, DatePrecision::kIngested);

  std::ostringstream acled, gdelt, plover, jsonl, csv;
  Exporter(acled, ExportFormat::kAcled, &map).Write(unknown);
  EXPECT_THAT(acled.str(), HasSubstr("DYAD17,2024-01-02,2024,3,"));
  EXPECT_TRUE(acled.str().ends_with(",asserted,,ingested\n"));
  Exporter(gdelt, ExportFormat::kGdelt).Write(undated);
  EXPECT_EQ(Split(gdelt.str(), '\t')[1], "20220306");
  EXPECT_TRUE(gdelt.str().ends_with("\tdocument\n"));
  Exporter(plover, ExportFormat::kPlover).Write(unknown);
  auto p = nlohmann::json::parse(plover.str());
  EXPECT_EQ(p["date"], "2024-01-02");
  EXPECT_EQ(p["datePrecision"], "ingested");
  Exporter(jsonl, ExportFormat::kJsonl).Write(undated);
  auto j = nlohmann::json::parse(jsonl.str());
  EXPECT_EQ(j["date"], "2022-03-06");
  EXPECT_EQ(j["date_precision"], "document");
  Exporter(csv, ExportFormat::kCsv).Write(unknown);
  EXPECT_THAT(csv.str(), HasSubstr(",2024-01-02,ingested,"));
}

TEST(ExportTest, GdeltSplitsInternationalActorCodes) {
  StoredEvent se = Sample();
  se.event.source = "IGOUNOHRI";
  std::ostringstream out;
  Exporter exporter(out, ExportFormat::kGdelt);
  ASSERT_TRUE(exporter.Write(se));
  auto cols = Split(out.str().substr(0, out.str().size() - 1), '\t');
  EXPECT_EQ(cols[5], "IGOUNOHRI");
  EXPECT_EQ(cols[7], "");        // Actor1CountryCode
  EXPECT_EQ(cols[8], "UNO");     // Actor1KnownGroupCode
  EXPECT_EQ(cols[12], "IGO");    // Actor1Type1Code
  EXPECT_EQ(cols[13], "HRI");    // Actor1Type2Code
}

TEST(ExportTest, AcledMapsCameoAndSkipsVerbalEvents) {
  AcledMap map;
  Status s = AcledMap::LoadDefault(DYAD_SOURCE_DIR "/data", &map);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_NE(map.Find("194"), nullptr);
  EXPECT_EQ(map.Find("194")->first, "Explosions/Remote violence");
  EXPECT_EQ(map.Find("1951")->second, "Air/drone strike");
  EXPECT_EQ(map.Find("190")->first, "Battles");
  EXPECT_EQ(map.Find("145")->first, "Riots");
  EXPECT_EQ(map.Find("141")->first, "Protests");
  EXPECT_EQ(map.Find("042"), nullptr);

  std::ostringstream out;
  Exporter exporter(out, ExportFormat::kAcled, &map);
  exporter.Begin();
  ASSERT_TRUE(exporter.Write(Sample()));
  StoredEvent verbal = Sample();
  verbal.event.event_code = "042";
  EXPECT_FALSE(exporter.Write(verbal));
  EXPECT_EQ(exporter.written(), 1);
  EXPECT_EQ(exporter.skipped(), 1);
  std::istringstream lines(out.str());
  std::string header, row, extra;
  std::getline(lines, header);
  std::getline(lines, row);
  EXPECT_FALSE(std::getline(lines, extra));
  EXPECT_EQ(Split(header, ','), AcledColumns());
  EXPECT_THAT(header, HasSubstr("event_date,year,time_precision,event_type,sub_event_type"));
  EXPECT_THAT(row, HasSubstr("DYAD17,2022-03-05,2022,1,Explosions/Remote violence,"
                             "Shelling/artillery/missile attack,BLRMIL,UKRCVL,,UKR,"
                             "Chernihiv Oblast,Chernihiv,51.5000,31.3000,1,Wire,"));
}

TEST(ExportTest, AcledMapReportsBadLines) {
  char path[] = "/tmp/dyad_acled_XXXXXX";
  int fd = mkstemp(path);
  ASSERT_GE(fd, 0);
  std::string content = "# comment\n190\tBattles\tArmed clash\nnot a rule\n";
  ASSERT_EQ(write(fd, content.data(), content.size()), static_cast<ssize_t>(content.size()));
  close(fd);
  AcledMap map;
  Status s = AcledMap::Load(path, &map);
  unlink(path);
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr(":3: expected 3 tab-separated columns"));
  EXPECT_THAT(s.message(), HasSubstr("'not a rule'"));
}

TEST(ExportTest, PloverRecordsCarryProvenanceAndSkipUntyped) {
  std::ostringstream out;
  Exporter exporter(out, ExportFormat::kPlover);
  ASSERT_TRUE(exporter.Write(Sample()));
  StoredEvent untyped = Sample();
  untyped.event.plover = "";
  EXPECT_FALSE(exporter.Write(untyped));
  auto j = nlohmann::json::parse(out.str());
  EXPECT_EQ(j["id"], "dyad-17");
  EXPECT_EQ(j["event"], "ASSAULT");
  EXPECT_EQ(j["date"], "2022-03-05");
  EXPECT_EQ(j["source"][0]["code"], "BLRMIL");
  EXPECT_EQ(j["target"][0]["actorText"], "civilians");
  EXPECT_EQ(j["text"], "Belarusian troops shelled Chernihiv.");
  EXPECT_EQ(j["dictionary"]["line"], 42);
  EXPECT_EQ(j["sha256"], "abc");
}

TEST(ExportTest, CsvAndJsonlCarryIdAndProvenance) {
  std::ostringstream csv;
  Exporter c(csv, ExportFormat::kCsv);
  c.Begin();
  ASSERT_TRUE(c.Write(Sample()));
  ASSERT_TRUE(c.Write(Sample()));
  std::istringstream lines(csv.str());
  std::string header, row1, row2;
  std::getline(lines, header);
  std::getline(lines, row1);
  std::getline(lines, row2);
  EXPECT_THAT(header, ::testing::StartsWith("id,document,doc_url,doc_title,doc_source,doc_date,"
                                            "doc_sha256,dict_hash,doc_id,"));
  EXPECT_THAT(row1, ::testing::StartsWith("17,3,https://example.org/a,,Wire,2022-03-06,abc,h,"));
  EXPECT_EQ(row1, row2);

  std::ostringstream jsonl;
  Exporter j(jsonl, ExportFormat::kJsonl);
  ASSERT_TRUE(j.Write(Sample()));
  auto obj = nlohmann::json::parse(jsonl.str());
  EXPECT_EQ(obj["id"], 17);
  EXPECT_EQ(obj["event_code"], "194");
  EXPECT_EQ(obj["doc_sha256"], "abc");
}

TEST(ExportTest, ParsesFormatNames) {
  ExportFormat f;
  EXPECT_TRUE(ParseExportFormat("gdelt", &f).ok());
  EXPECT_EQ(f, ExportFormat::kGdelt);
  Status s = ParseExportFormat("xml", &f);
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("'xml'"));
}

}  // namespace
}  // namespace dyad::store
