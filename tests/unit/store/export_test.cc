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
  ASSERT_EQ(GdeltColumns().size(), 71u);
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
  ASSERT_EQ(cols.size(), 71u);
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
  EXPECT_TRUE(acled.str().ends_with(",asserted,,ingested,,,,,BLRMIL,UKRCVL,194\n")) << acled.str();
  Exporter(gdelt, ExportFormat::kGdelt).Write(undated);
  EXPECT_EQ(Split(gdelt.str(), '\t')[1], "20220306");
  EXPECT_TRUE(gdelt.str().ends_with("\tdocument\t\t\t\t\tBLRMIL\tUKRCVL\t194\n")) << gdelt.str();
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

// The sample as an analyst reviewed it. A correction carries its CAMEO values (as
// CompleteCorrection gives them): 042 "make a visit" is verbal cooperation, PLOVER CONSULT.
StoredEvent Reviewed(ReviewState state) {
  StoredEvent se = Sample();
  Review& v = se.review;
  v.id = 5;
  v.at = "2024-05-06T07:08:09.010Z";
  v.reviewer = "ana";
  v.event_id = se.id;
  v.state = state;
  v.note = "checked, twice";
  v.machine_source = "BLRMIL";
  v.machine_target = "UKRCVL";
  v.machine_code = "194";
  v.source = "RUSMIL";
  v.target = "UKRCVL";
  v.event_code = "194";
  v.root_code = "19";
  v.quad_class = 4;
  v.goldstein = -10;
  v.plover = "ASSAULT";
  if (state == ReviewState::kCorrected) {
    v.event_code = "042";
    v.root_code = "04";
    v.quad_class = 1;
    v.goldstein = 1.9;
    v.plover = "CONSULT";
  } else {
    v.source = "BLRMIL";
  }
  return se;
}

// Splits a CSV export (no quoted commas except in `note`-free rows) into header and rows.
std::vector<std::vector<std::string>> CsvRows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) rows.push_back(Split(line, ','));
  return rows;
}

TEST(ExportTest, CsvEndsWithTheReviewColumns) {
  std::ostringstream csv;
  Exporter c(csv, ExportFormat::kCsv);
  c.Begin();
  StoredEvent confirmed = Reviewed(ReviewState::kConfirmed);
  confirmed.review.note = "seen";
  ASSERT_TRUE(c.Write(confirmed));
  ASSERT_TRUE(c.Write(Sample()));
  auto rows = CsvRows(csv.str());
  ASSERT_EQ(rows.size(), 3u);
  const std::vector<std::string>& header = rows[0];
  ASSERT_GT(header.size(), ReviewColumns().size());
  // The columns before stay where they were: the review columns come last.
  EXPECT_EQ(header[0], "id");
  EXPECT_EQ(std::vector<std::string>(header.end() - 7, header.end()),
            (std::vector<std::string>{"review", "reviewed_by", "reviewed_at", "review_note", "machine_source",
                                      "machine_target", "machine_code"}));
  ASSERT_EQ(rows[1].size(), header.size());
  ASSERT_EQ(rows[2].size(), header.size());
  EXPECT_EQ(std::vector<std::string>(rows[1].end() - 7, rows[1].end()),
            (std::vector<std::string>{"confirmed", "ana", "2024-05-06T07:08:09.010Z", "seen", "BLRMIL", "UKRCVL", "194"}));
  // Unreviewed: no review, and the machine's coding is the event's.
  EXPECT_EQ(std::vector<std::string>(rows[2].end() - 7, rows[2].end()),
            (std::vector<std::string>{"", "", "", "", "BLRMIL", "UKRCVL", "194"}));
}

TEST(ExportTest, ACorrectionIsExportedAsCorrectedWithTheMachineCodingKept) {
  const StoredEvent corrected = Reviewed(ReviewState::kCorrected);
  auto column = [](const std::vector<std::string>& names, const std::vector<std::string>& row, const std::string& name) {
    auto it = std::find(names.begin(), names.end(), name);
    EXPECT_NE(it, names.end()) << name;
    return it == names.end() ? std::string("?") : row.at(static_cast<size_t>(it - names.begin()));
  };
  {
    std::ostringstream csv;
    Exporter c(csv, ExportFormat::kCsv);
    ASSERT_TRUE(c.Write(corrected));
    std::istringstream lines(csv.str());
    std::string header, row;
    std::getline(lines, header);
    std::getline(lines, row);
    EXPECT_THAT(row, HasSubstr(",\"checked, twice\","));  // quoted
    row.replace(row.find("\"checked, twice\""), 16, "note");
    const auto names = Split(header, ','), cols = Split(row, ',');
    ASSERT_EQ(cols.size(), names.size()) << row;
    EXPECT_EQ(column(names, cols, "source"), "RUSMIL");
    EXPECT_EQ(column(names, cols, "event_code"), "042");
    EXPECT_EQ(column(names, cols, "quad_class"), "1");
    EXPECT_EQ(column(names, cols, "review"), "corrected");
    EXPECT_EQ(column(names, cols, "reviewed_by"), "ana");
    EXPECT_EQ(column(names, cols, "machine_source"), "BLRMIL");
    EXPECT_EQ(column(names, cols, "machine_code"), "194");
  }
  {
    std::ostringstream gdelt;
    Exporter g(gdelt, ExportFormat::kGdelt);
    ASSERT_TRUE(g.Write(corrected));
    std::string text = gdelt.str();
    const auto cols = Split(text.substr(0, text.size() - 1), '\t');
    ASSERT_EQ(cols.size(), GdeltColumns().size());
    EXPECT_EQ(column(GdeltColumns(), cols, "Actor1Code"), "RUSMIL");
    EXPECT_EQ(column(GdeltColumns(), cols, "Actor1CountryCode"), "RUS");
    EXPECT_EQ(column(GdeltColumns(), cols, "EventCode"), "042");
    EXPECT_EQ(column(GdeltColumns(), cols, "EventRootCode"), "04");
    EXPECT_EQ(column(GdeltColumns(), cols, "QuadClass"), "1");
    EXPECT_EQ(column(GdeltColumns(), cols, "GoldsteinScale"), "1.9");
    EXPECT_EQ(column(GdeltColumns(), cols, "Review"), "corrected");
    EXPECT_EQ(column(GdeltColumns(), cols, "ReviewedBy"), "ana");
    EXPECT_EQ(column(GdeltColumns(), cols, "ReviewedAt"), "20240506070809");
    EXPECT_EQ(column(GdeltColumns(), cols, "MachineActor1Code"), "BLRMIL");
    EXPECT_EQ(column(GdeltColumns(), cols, "MachineActor2Code"), "UKRCVL");
    EXPECT_EQ(column(GdeltColumns(), cols, "MachineEventCode"), "194");
  }
  {
    std::ostringstream plover;
    Exporter p(plover, ExportFormat::kPlover);
    ASSERT_TRUE(p.Write(corrected));
    auto j = nlohmann::json::parse(plover.str());
    EXPECT_EQ(j["event"], "CONSULT");
    EXPECT_EQ(j["cameo"], "042");
    EXPECT_EQ(j["source"][0]["code"], "RUSMIL");
    EXPECT_EQ(j["review"], "corrected");
    EXPECT_EQ(j["reviewedBy"], "ana");
    EXPECT_EQ(j["reviewedAt"], "2024-05-06T07:08:09.010Z");
    EXPECT_EQ(j["reviewNote"], "checked, twice");
    EXPECT_EQ(j["machineSource"], "BLRMIL");
    EXPECT_EQ(j["machineCameo"], "194");
  }
  {
    AcledMap map;
    ASSERT_TRUE(AcledMap::LoadDefault(DYAD_SOURCE_DIR "/data", &map).ok());
    // 042 is no ACLED event: the correction takes the machine's shelling out of ACLED.
    std::ostringstream acled;
    Exporter a(acled, ExportFormat::kAcled, &map);
    a.Begin();
    EXPECT_FALSE(a.Write(corrected));
    StoredEvent to_battle = corrected;
    to_battle.review.event_code = "190";
    to_battle.review.root_code = "19";
    ASSERT_TRUE(a.Write(to_battle));
    std::istringstream lines(acled.str());
    std::string header, row;
    std::getline(lines, header);
    std::getline(lines, row);
    EXPECT_EQ(Split(header, ','), AcledColumns());
    EXPECT_EQ(std::vector<std::string>(AcledColumns().end() - 7, AcledColumns().end()), ReviewColumns());
    row.replace(row.find("\"checked, twice\""), 16, "note");
    const auto cols = Split(row, ',');
    ASSERT_EQ(cols.size(), AcledColumns().size()) << row;
    EXPECT_EQ(column(AcledColumns(), cols, "event_type"), "Battles");
    EXPECT_EQ(column(AcledColumns(), cols, "actor1"), "RUSMIL");
    EXPECT_EQ(column(AcledColumns(), cols, "cameo_code"), "190");
    EXPECT_EQ(column(AcledColumns(), cols, "review"), "corrected");
    EXPECT_EQ(column(AcledColumns(), cols, "machine_source"), "BLRMIL");
    EXPECT_EQ(column(AcledColumns(), cols, "machine_code"), "194");
  }
  {
    std::ostringstream jsonl;
    Exporter j(jsonl, ExportFormat::kJsonl);
    ASSERT_TRUE(j.Write(corrected));
    auto obj = nlohmann::json::parse(jsonl.str());
    EXPECT_EQ(obj["source"], "RUSMIL");
    EXPECT_EQ(obj["event_code"], "042");
    EXPECT_EQ(obj["plover"], "CONSULT");
    EXPECT_EQ(obj["review"]["state"], "corrected");
    EXPECT_EQ(obj["review"]["reviewer"], "ana");
    EXPECT_EQ(obj["review"]["machine"]["source"], "BLRMIL");
    EXPECT_EQ(obj["review"]["machine"]["event_code"], "194");
  }
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
