#include "dyad/date.h"

#include <gtest/gtest.h>

#include "common/sha256.h"

namespace dyad {
namespace {

TEST(DateTest, ParsesTheFormatsInputsUse) {
  EXPECT_EQ(Date::Parse("2024-03-25"), (Date{2024, 3, 25}));
  EXPECT_EQ(Date::Parse("20240325"), (Date{2024, 3, 25}));
  EXPECT_EQ(Date::Parse("950105"), (Date{1995, 1, 5}));
  EXPECT_EQ(Date::Parse("220224"), (Date{2022, 2, 24}));
  EXPECT_EQ(Date::Parse("2022-02-24T04:00:00Z"), (Date{2022, 2, 24}));
  EXPECT_FALSE(Date::Parse("2023-02-29"));
  EXPECT_FALSE(Date::Parse("yesterday"));
  EXPECT_FALSE(Date::Parse(""));
}

TEST(DateTest, DayArithmeticCrossesMonthsAndLeapYears) {
  EXPECT_EQ((Date{2024, 2, 28}).AddDays(1), (Date{2024, 2, 29}));
  EXPECT_EQ((Date{2024, 2, 29}).AddDays(1), (Date{2024, 3, 1}));
  EXPECT_EQ((Date{1995, 1, 1}).AddDays(-1), (Date{1994, 12, 31}));
  EXPECT_EQ((Date{1970, 1, 1}).ToDays(), 0);
  EXPECT_EQ((Date{2022, 2, 24}).Weekday(), 3);  // a Thursday
  EXPECT_EQ((Date{2022, 2, 24}).ToIso(), "2022-02-24");
  EXPECT_EQ(Date{}.ToIso(), "");
}

TEST(Sha256Test, MatchesKnownDigest) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace dyad
