#include "normalize/normalize.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dyad::normalize {
namespace {

struct FoldCase {
  const char* name;
  std::string input;
  std::string expected;
};

class FoldTest : public ::testing::TestWithParam<FoldCase> {};

TEST_P(FoldTest, Folds) {
  const FoldCase& c = GetParam();
  NormalizedText out;
  Status s = Normalize(c.input, {}, &out);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(out.text, c.expected);
  ASSERT_EQ(out.original_cp.size(), out.text.size() + 1);
  for (size_t i = 1; i < out.original_cp.size(); ++i) {
    EXPECT_LE(out.original_cp[i - 1], out.original_cp[i]) << "map must not decrease at " << i;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, FoldTest,
    ::testing::Values(
        FoldCase{"ascii", "Belarus said.", "Belarus said."},
        FoldCase{"single_quotes", "\u2018a\u2019 \u201Ab\u201B \u2032", "'a' 'b' '"},
        FoldCase{"double_quotes", "\u201Ca\u201D \u201Eb\u201F \u00ABc\u00BB \u2033", "\"a\" \"b\" \"c\" \""},
        FoldCase{"apostrophes", "Belarus\u2019s Lukashenko\u02BCs", "Belarus's Lukashenko's"},
        FoldCase{"hyphens", "pro\u2010Russian non\u2011state 1990\u20131995 \u22123", "pro-Russian non-state 1990-1995 -3"},
        FoldCase{"figure_dash", "555\u20121234", "555-1234"},
        FoldCase{"em_dash_spaced", "war \u2014 and peace", "war - and peace"},
        FoldCase{"en_dash_spaced", "war \u2013 and peace", "war - and peace"},
        FoldCase{"em_dash_glued", "war\u2014and peace", "war - and peace"},
        FoldCase{"bar_glued", "a\u2015b", "a - b"},
        FoldCase{"em_dash_at_end", "and\u2014", "and-"},
        FoldCase{"nbsp", "10\u00A0km\u202Fnorth\u2009of\u3000Minsk", "10 km north of Minsk"},
        FoldCase{"zero_width", "Min\u200Bsk\u200D \uFEFFtext\u00ADbook \u200Eleft", "Minsk textbook left"},
        FoldCase{"crlf", "a\r\nb\rc\n", "a\nb\nc\n"},
        FoldCase{"controls", std::string("a\x01" "b\x7F" "c\td", 7) + "\u0085e", "a b c\td e"},
        FoldCase{"nfc_combining", "Cafe\u0301 \u00C5", "Caf\u00E9 \u00C5"},
        FoldCase{"nfc_angstrom_singleton", "\u212B", "\u00C5"},
        FoldCase{"cyrillic", "\u041C\u0456\u043D\u0441\u043A", "\u041C\u0456\u043D\u0441\u043A"},
        FoldCase{"ellipsis", "wait\u2026", "wait..."},
        FoldCase{"line_para_sep", "a\u2028b\u2029c", "a\nb\n\nc"},
        FoldCase{"empty", "", ""}),
    [](const ::testing::TestParamInfo<FoldCase>& info) { return std::string(info.param.name); });

TEST(NormalizeTest, FastPathIsIdentityMap) {
  NormalizedText out;
  ASSERT_TRUE(Normalize("abc\ndef", {}, &out).ok());
  EXPECT_EQ(out.text, "abc\ndef");
  EXPECT_EQ(out.original_cp, (std::vector<uint32_t>{0, 1, 2, 3, 4, 5, 6, 7}));
}

TEST(NormalizeTest, AsciiControlsInLongInputLeaveTheFastPath) {
  for (char bad : {'\x01', '\x1F', '\x7F', '\r', '\x0B'}) {
    for (size_t pos : {0u, 7u, 8u, 13u, 31u, 33u}) {
      std::string text(34, 'a');
      text[pos] = bad;
      NormalizedText out;
      ASSERT_TRUE(Normalize(text, {}, &out).ok());
      std::string expected(34, 'a');
      expected[pos] = bad == '\r' ? '\n' : ' ';
      EXPECT_EQ(out.text, expected) << "byte " << int(bad) << " at " << pos;
    }
  }
}

TEST(NormalizeTest, MapCountsCodePointsOfTheInput) {
  // "é" precomposed (2 bytes, 1 code point), then a curly apostrophe (3 bytes).
  NormalizedText out;
  ASSERT_TRUE(Normalize("\u00E9x\u2019s", {}, &out).ok());
  EXPECT_EQ(out.text, "\u00E9x's");
  // bytes: C3 A9 x ' s
  EXPECT_EQ(out.original_cp, (std::vector<uint32_t>{0, 0, 1, 2, 3, 4}));
  EXPECT_EQ(out.OriginalCodePoint(4), 3);
  EXPECT_EQ(out.OriginalCodePoint(99), 4);
}

TEST(NormalizeTest, MapThroughNfcComposition) {
  // "e" + U+0301 (2 code points) composes to one character mapped to the "e".
  NormalizedText out;
  ASSERT_TRUE(Normalize("e\u0301t\r\nz", {}, &out).ok());
  EXPECT_EQ(out.text, "\u00E9t\nz");
  EXPECT_EQ(out.original_cp, (std::vector<uint32_t>{0, 0, 2, 3, 5, 6}));
}

TEST(NormalizeTest, OriginalEndOfSpansInsideExpansions) {
  // "a—b…" : a(0) —(1) b(2) …(3); normalised "a - b..." .
  NormalizedText out;
  ASSERT_TRUE(Normalize("a\u2014b\u2026", {}, &out).ok());
  ASSERT_EQ(out.text, "a - b...");
  EXPECT_EQ(out.OriginalCodePoint(2), 1);  // the "-"
  EXPECT_EQ(out.OriginalEnd(3), 2);        // after the "-": the em dash ends at 2
  EXPECT_EQ(out.OriginalEnd(1), 1);        // after "a"
  EXPECT_EQ(out.OriginalCodePoint(5), 3);  // "..." starts at the ellipsis
  EXPECT_EQ(out.OriginalEnd(6), 4);        // after the first "."
  EXPECT_EQ(out.OriginalEnd(8), 4);        // end of text
  // A composed character keeps its combining mark inside the span.
  ASSERT_TRUE(Normalize("e\u0301 x", {}, &out).ok());
  EXPECT_EQ(out.OriginalEnd(2), 2);  // "é" covers original code points [0, 2)
}

TEST(NormalizeTest, DroppedCharactersSkipOffsets) {
  NormalizedText out;
  ASSERT_TRUE(Normalize("a\u200Bb", {}, &out).ok());
  EXPECT_EQ(out.text, "ab");
  EXPECT_EQ(out.original_cp, (std::vector<uint32_t>{0, 2, 3}));
}

struct BadCase {
  const char* name;
  std::string input;
  size_t bad_byte;
};

class InvalidUtf8Test : public ::testing::TestWithParam<BadCase> {};

TEST_P(InvalidUtf8Test, StrictFailsNamingTheByte) {
  const BadCase& c = GetParam();
  NormalizedText out;
  Status s = Normalize(c.input, {}, &out);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message(), "invalid UTF-8 at byte " + std::to_string(c.bad_byte));
  EXPECT_EQ(FindInvalidUtf8(c.input), c.bad_byte);
}

TEST_P(InvalidUtf8Test, LenientReplaces) {
  const BadCase& c = GetParam();
  NormalizedText out;
  NormalizeOptions options;
  options.lenient = true;
  Status s = Normalize(c.input, options, &out);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_NE(out.text.find("\uFFFD"), std::string::npos);
  EXPECT_EQ(FindInvalidUtf8(out.text), std::string_view::npos);
  ASSERT_EQ(out.original_cp.size(), out.text.size() + 1);
}

INSTANTIATE_TEST_SUITE_P(
    Table, InvalidUtf8Test,
    ::testing::Values(BadCase{"lone_continuation", "ab\x80" "c", 2},
                      BadCase{"truncated_2", "abc\xC3", 3},
                      BadCase{"overlong_2", "\xC0\xAF", 0},
                      BadCase{"overlong_3", "x\xE0\x80\xAF", 1},
                      BadCase{"surrogate", "xy\xED\xA0\x80", 2},
                      BadCase{"above_max", "\xF4\x90\x80\x80", 0},
                      BadCase{"f5", "ok \xF5\x80\x80\x80", 3},
                      BadCase{"latin1", "Caf\xE9 au lait", 3},
                      BadCase{"after_valid_multibyte", "\u00E9\u2019\xFF", 5}),
    [](const ::testing::TestParamInfo<BadCase>& info) { return std::string(info.param.name); });

TEST(NormalizeTest, LenientCountsEachInvalidByteAsOneCodePoint) {
  NormalizedText out;
  NormalizeOptions options;
  options.lenient = true;
  ASSERT_TRUE(Normalize("a\xFF\xFE" "b", options, &out).ok());
  EXPECT_EQ(out.text, "a\uFFFD\uFFFDb");
  EXPECT_EQ(out.OriginalCodePoint(out.text.size() - 1), 3);  // the "b"
  EXPECT_EQ(out.original_cp.back(), 4u);
}

TEST(NormalizeTest, ValidFourByteSequence) {
  NormalizedText out;
  ASSERT_TRUE(Normalize("\U0001F600!", {}, &out).ok());
  EXPECT_EQ(out.text, "\U0001F600!");
  EXPECT_EQ(out.OriginalCodePoint(4), 1);
}

TEST(NormalizeTest, LargeInputIsLinear) {
  std::string big;
  for (int i = 0; i < 200000; ++i) big += "Lukashenko\u2019s \u201Cwar\u201D \u2014 ";
  NormalizedText out;
  ASSERT_TRUE(Normalize(big, {}, &out).ok());
  EXPECT_EQ(out.text.size() + 1, out.original_cp.size());
  EXPECT_EQ(out.original_cp.back(), CountCodePoints(big));
}

}  // namespace
}  // namespace dyad::normalize
