#include "enrich/dates.h"

#include <gtest/gtest.h>

#include <fstream>

#include "test_util.h"

namespace dyad::enrich {
namespace {

using testing::kDocDate;
using testing::One;
using testing::RunSentence;

struct DateCase {
  const char* sentence;
  const char* verb;
  Date start, end;
  DatePrecision precision;
  const char* text;
};

void PrintTo(const DateCase& c, std::ostream* os) { *os << c.sentence; }

class DateTableTest : public ::testing::TestWithParam<DateCase> {};

TEST_P(DateTableTest, ResolvesAgainstTheDocumentDate) {
  const DateCase& c = GetParam();
  Event e = One(c.sentence, c.verb);
  EXPECT_EQ(e.date.ToIso(), c.start.ToIso());
  EXPECT_EQ(e.date_end.ToIso(), c.end.ToIso());
  EXPECT_STREQ(DatePrecisionName(e.date_precision), DatePrecisionName(c.precision));
  EXPECT_EQ(e.date_text, c.text);
}

using P = DatePrecision;
// Document date 2024-03-25, a Monday.
INSTANTIATE_TEST_SUITE_P(
    IssueExpressions, DateTableTest,
    ::testing::Values(
        DateCase{"Russian artillery shelled the town on Tuesday.",
                 "shelled",
                 {2024, 3, 19},
                 {2024, 3, 19},
                 P::kDay,
                 "on Tuesday"},
        DateCase{"Border guards detained two men last Sunday.",
                 "detained",
                 {2024, 3, 24},
                 {2024, 3, 24},
                 P::kDay,
                 "last Sunday"},
        DateCase{
            "Troops crossed the border last week.", "crossed", {2024, 3, 18}, {2024, 3, 24}, P::kWeek, "last week"},
        DateCase{"On October 4th last year, the president said his army was ready.",
                 "said",
                 {2023, 10, 4},
                 {2023, 10, 4},
                 P::kDay,
                 "On October 4th last year"},
        DateCase{"Mercenaries were moved to the country in the summer of 2023.",
                 "moved",
                 {2023, 6, 1},
                 {2023, 8, 31},
                 P::kSeason,
                 "in the summer of 2023"},
        DateCase{"Moscow has kept warheads there since the fall of 2023.",
                 "kept",
                 {2023, 9, 1},
                 {2024, 3, 25},
                 P::kRange,
                 "since the fall of 2023"},
        DateCase{"The full-scale invasion began two years ago.",
                 "began",
                 {2022, 1, 1},
                 {2022, 12, 31},
                 P::kYear,
                 "two years ago"},
        DateCase{"At the beginning of this year, a new doctrine was adopted.",
                 "adopted",
                 {2024, 1, 1},
                 {2024, 4, 30},
                 P::kRange,
                 "At the beginning of this year"},
        DateCase{"Its soldiers took part in the assault in February-March 2022.",
                 "took",
                 {2022, 2, 1},
                 {2022, 3, 31},
                 P::kRange,
                 "in February-March 2022"},
        DateCase{"Between 2014 and February 24, 2022, twenty volunteers died in combat.",
                 "died",
                 {2014, 1, 1},
                 {2022, 2, 24},
                 P::kRange,
                 "Between 2014 and February 24, 2022"},
        DateCase{"A paper wrote that between the start of the war in 2014 and February 24, 2022, twenty men died.",
                 "died",
                 {2014, 1, 1},
                 {2022, 2, 24},
                 P::kRange,
                 "between the start of the war in 2014 and February 24, 2022"},
        DateCase{"A drone hit the depot yesterday.", "hit", {2024, 3, 24}, {2024, 3, 24}, P::kDay, "yesterday"},
        DateCase{"Russia invaded Ukraine on 24 February 2022.",
                 "invaded",
                 {2022, 2, 24},
                 {2022, 2, 24},
                 P::kDay,
                 "on 24 February 2022"},
        DateCase{"The talks were held in March.", "held", {2024, 3, 1}, {2024, 3, 31}, P::kMonth, "in March"},
        DateCase{"The talks were held in May.", "held", {2023, 5, 1}, {2023, 5, 31}, P::kMonth, "in May"},
        DateCase{
            "Fighting intensified last month.", "intensified", {2024, 2, 1}, {2024, 2, 29}, P::kMonth, "last month"},
        DateCase{"Drones struck the capital earlier this month.",
                 "struck",
                 {2024, 3, 1},
                 {2024, 3, 25},
                 P::kRange,
                 "earlier this month"},
        DateCase{"Protesters were beaten in 2020.", "beaten", {2020, 1, 1}, {2020, 12, 31}, P::kYear, "in 2020"},
        DateCase{"Volunteers have fought alongside Ukraine since 2014.",
                 "fought",
                 {2014, 1, 1},
                 {2024, 3, 25},
                 P::kRange,
                 "since 2014"},
        DateCase{"The strike came in March 2022.", "came", {2022, 3, 1}, {2022, 3, 31}, P::kMonth, "in March 2022"},
        DateCase{
            "The embassy closed in early 2023.", "closed", {2023, 1, 1}, {2023, 4, 30}, P::kRange, "in early 2023"},
        DateCase{"Talks resumed three days ago.", "resumed", {2024, 3, 22}, {2024, 3, 22}, P::kDay, "three days ago"},
        DateCase{"Sirens sounded today.", "sounded", {2024, 3, 25}, {2024, 3, 25}, P::kDay, "today"},
        DateCase{"The army was mobilised in the winter of 2022.",
                 "mobilised",
                 {2022, 12, 1},
                 {2023, 2, 28},
                 P::kSeason,
                 "in the winter of 2022"},
        DateCase{
            "The bridge was hit on March 3, 2023.", "hit", {2023, 3, 3}, {2023, 3, 3}, P::kDay, "on March 3, 2023"},
        DateCase{"Tuesday's strike killed four.", "strike", {2024, 3, 19}, {2024, 3, 19}, P::kDay, "Tuesday"},
        DateCase{"Exports fell last year.", "fell", {2023, 1, 1}, {2023, 12, 31}, P::kYear, "last year"},
        DateCase{"Talks resume next week.", "resume", {2024, 4, 1}, {2024, 4, 7}, P::kWeek, "next week"},
        DateCase{"Units arrived this week.", "arrived", {2024, 3, 25}, {2024, 3, 31}, P::kWeek, "this week"},
        DateCase{
            "Troops withdrew on 24 February.", "withdrew", {2024, 2, 24}, {2024, 2, 24}, P::kDay, "on 24 February"},
        DateCase{"Troops withdrew on 4 April.", "withdrew", {2023, 4, 4}, {2023, 4, 4}, P::kDay, "on 4 April"},
        DateCase{"Sabotage hit the railways in the spring of 2022.",
                 "hit",
                 {2022, 3, 1},
                 {2022, 5, 31},
                 P::kSeason,
                 "in the spring of 2022"},
        DateCase{"The plant was seized at the end of last year.",
                 "seized",
                 {2023, 9, 1},
                 {2023, 12, 31},
                 P::kRange,
                 "at the end of last year"},
        DateCase{"The unit was formed in mid-2023.", "formed", {2023, 5, 1}, {2023, 8, 31}, P::kRange, "in mid-2023"},
        DateCase{"Sanctions were imposed in late March.",
                 "imposed",
                 {2024, 3, 22},
                 {2024, 3, 31},
                 P::kRange,
                 "in late March"},
        DateCase{
            "The war has gone on since 2014-2015.", "gone", {2014, 1, 1}, {2024, 3, 25}, P::kRange, "since 2014-2015"},
        DateCase{"Protests were dispersed last weekend.",
                 "dispersed",
                 {2024, 3, 23},
                 {2024, 3, 24},
                 P::kRange,
                 "last weekend"},
        DateCase{"Protests were dispersed over the weekend.",
                 "dispersed",
                 {2024, 3, 23},
                 {2024, 3, 24},
                 P::kRange,
                 "over the weekend"},
        DateCase{"May 9 parades were banned.", "banned", {2023, 5, 9}, {2023, 5, 9}, P::kDay, "May 9"},
        DateCase{"Shelling continued from 2015 until 2017.",
                 "continued",
                 {2015, 1, 1},
                 {2017, 12, 31},
                 P::kRange,
                 "from 2015 until 2017"}));

// Expressions that must not set a date: the document date, marked as such.
INSTANTIATE_TEST_SUITE_P(
    NoDate, DateTableTest,
    ::testing::Values(
        DateCase{"Its military potential has grown in recent years.", "grown", kDocDate, kDocDate, P::kDocument, ""},
        DateCase{"Belarus may join the war.", "join", kDocDate, kDocDate, P::kDocument, ""},
        DateCase{"The fall of the city shocked the region.", "shocked", kDocDate, kDocDate, P::kDocument, ""},
        DateCase{"The country violated a resolution of 1974.", "violated", kDocDate, kDocDate, P::kDocument, ""},
        DateCase{"They will march on the capital.", "march", kDocDate, kDocDate, P::kDocument, ""},
        DateCase{"Police detained 2000 protesters.", "detained", kDocDate, kDocDate, P::kDocument, ""},
        DateCase{"Russian troops attacked the city.", "attacked", kDocDate, kDocDate, P::kDocument, ""}));

TEST(DateSelectionTest, EachEventTakesTheNearestExpression) {
  auto c =
      RunSentence("On Monday Russia attacked Kharkiv, and on Friday Ukraine struck Belgorod.", {"attacked", "struck"});
  EXPECT_EQ(c.events[0].date, (Date{2024, 3, 25}));  // the publication day is a Monday
  EXPECT_EQ(c.events[0].date_text, "On Monday");
  EXPECT_EQ(c.events[1].date, (Date{2024, 3, 22}));
  EXPECT_EQ(c.events[1].date_text, "on Friday");
}

TEST(DateSelectionTest, LastWeekdayNamingThePublicationDayIsAWeekBack) {
  auto c = RunSentence("Last Monday Russia attacked Kharkiv.", {"attacked"});
  EXPECT_EQ(c.events[0].date, (Date{2024, 3, 18}));
}

TEST(DateSelectionTest, DatesInsideAReportDoNotDateTheSpeechAct) {
  auto c = RunSentence("The newspaper wrote on Sunday that troops attacked the town in 2022.", {"wrote", "attacked"});
  EXPECT_EQ(c.events[0].date, (Date{2024, 3, 24}));
  EXPECT_EQ(c.events[0].date_precision, DatePrecision::kDay);
  EXPECT_EQ(c.events[1].date, (Date{2022, 1, 1}));
  EXPECT_EQ(c.events[1].date_precision, DatePrecision::kYear);
}

TEST(DateSelectionTest, RelativeExpressionsNeedADocumentDate) {
  Event e = One("A drone hit the depot yesterday.", "hit", {}, Date{});
  EXPECT_EQ(e.date_precision, DatePrecision::kDocument);
  EXPECT_FALSE(e.date.valid());
  Event f = One("Protesters were beaten in 2020.", "beaten", {}, Date{});
  EXPECT_EQ(f.date, (Date{2020, 1, 1}));
  EXPECT_EQ(f.date_precision, DatePrecision::kYear);
}

TEST(DateSelectionTest, KeepsATabariShiftedDateWhenNoExpression) {
  testing::Coded c;
  c.events.resize(1);
  c.events[0].date = Date{2024, 3, 20};
  std::string s = "Troops attacked the town.";
  c.located.push_back(EventInSentence{&c.events[0], {}, {7, 15}, {}});
  testing::SharedEnricher().Enrich(SentenceContext{s, kDocDate, {}}, c.located);
  EXPECT_EQ(c.events[0].date, (Date{2024, 3, 20}));
  EXPECT_EQ(c.events[0].date_end, (Date{2024, 3, 20}));
  EXPECT_EQ(c.events[0].date_precision, DatePrecision::kDocument);
}

TEST(PrecisionOfTest, FollowsTheShapeOfThePeriod) {
  EXPECT_EQ(PrecisionOf({2024, 3, 4}, {2024, 3, 4}), DatePrecision::kDay);
  EXPECT_EQ(PrecisionOf({2024, 3, 18}, {2024, 3, 24}), DatePrecision::kWeek);
  EXPECT_EQ(PrecisionOf({2024, 3, 19}, {2024, 3, 25}), DatePrecision::kRange);  // not Monday-Sunday
  EXPECT_EQ(PrecisionOf({2024, 2, 1}, {2024, 2, 29}), DatePrecision::kMonth);
  EXPECT_EQ(PrecisionOf({2023, 12, 1}, {2024, 2, 29}), DatePrecision::kSeason);
  EXPECT_EQ(PrecisionOf({2023, 1, 1}, {2023, 12, 31}), DatePrecision::kYear);
  EXPECT_EQ(PrecisionOf({2023, 1, 1}, {2024, 12, 31}), DatePrecision::kRange);
  EXPECT_EQ(PrecisionOf({}, {2024, 1, 1}), DatePrecision::kDocument);
}

TEST(DateLexiconTest, RejectsMalformedRowsWithFileAndLine) {
  std::string path = ::testing::TempDir() + "/temporal_bad.tsv";
  {
    std::ofstream out(path);
    out << "# comment\nmonth\tjanuary\t1\nmonth\tsmarch\tx\n";
  }
  DateLexicon lex;
  Status s = lex.Load(path);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("temporal_bad.tsv:3:"), std::string::npos) << s.message();
  DateLexicon missing;
  EXPECT_FALSE(missing.Load(::testing::TempDir() + "/no_such_file.tsv").ok());
}

}  // namespace
}  // namespace dyad::enrich
