#include "segment/segment.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "scratch_dir.h"

namespace dyad::segment {
namespace {

std::vector<std::string> Sentences(std::string_view text) {
  Status status;
  const SentenceSplitter* splitter = SentenceSplitter::Default(&status);
  EXPECT_TRUE(status.ok()) << status.message();
  std::vector<std::string> out;
  if (splitter == nullptr) return out;
  for (const SentenceSpan& s : splitter->Split(text)) out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

struct SplitCase {
  const char* name;
  std::string text;
  std::vector<std::string> expected;
};

class SplitTest : public ::testing::TestWithParam<SplitCase> {};

TEST_P(SplitTest, Splits) { EXPECT_EQ(Sentences(GetParam().text), GetParam().expected); }

INSTANTIATE_TEST_SUITE_P(
    Table, SplitTest,
    ::testing::Values(
        SplitCase{"simple", "Troops crossed. Minsk denied it! Why? ", {"Troops crossed.", "Minsk denied it!", "Why?"}},
        SplitCase{"empty", "  \n ", {}},
        SplitCase{"no_stop", "Belarus hosts Russian troops", {"Belarus hosts Russian troops"}},
        SplitCase{"titles", "Gen. Viktor Gulevich met Mr. Shoigu. Talks ended.",
                  {"Gen. Viktor Gulevich met Mr. Shoigu.", "Talks ended."}},
        SplitCase{"initial", "Alexander G. Lukashenko spoke. He left.", {"Alexander G. Lukashenko spoke.", "He left."}},
        SplitCase{"month_number", "On Feb. 24 troops moved. Sept. 11 was different.",
                  {"On Feb. 24 troops moved.", "Sept. 11 was different."}},
        SplitCase{"us_army", "The U.S. Army sent aid. It arrived.", {"The U.S. Army sent aid.", "It arrived."}},
        SplitCase{"us_end", "Minsk blamed the U.S. The ministry said so.", {"Minsk blamed the U.S.", "The ministry said so."}},
        SplitCase{"un_acronym", "The U.N. Security Council met.", {"The U.N. Security Council met."}},
        SplitCase{"etc_lower", "Tanks, trucks etc. were seen. Later more.", {"Tanks, trucks etc. were seen.", "Later more."}},
        SplitCase{"eg", "Weapons, e.g. Iskander missiles, moved.", {"Weapons, e.g. Iskander missiles, moved."}},
        SplitCase{"decimal", "Growth was 3.5 percent. Prices rose.", {"Growth was 3.5 percent.", "Prices rose."}},
        SplitCase{"no_digit_abbrev", "See No. 5 below. Done.", {"See No. 5 below.", "Done."}},
        SplitCase{"quote_close", "He said \"We will win.\" Then he left.", {"He said \"We will win.\"", "Then he left."}},
        SplitCase{"quote_inner", "He said \"Stop! Now.\" and left. Next.", {"He said \"Stop! Now.\" and left.", "Next."}},
        SplitCase{"quote_attrib", "\"We will win. They cannot stop us,\" he said.",
                  {"\"We will win. They cannot stop us,\" he said."}},
        SplitCase{"bracket", "Minsk (as reported. Later denied) agreed. Kyiv objected.",
                  {"Minsk (as reported. Later denied) agreed.", "Kyiv objected."}},
        SplitCase{"headline", "Belarus moves troops\n\nMinsk said on Monday it would.",
                  {"Belarus moves troops", "Minsk said on Monday it would."}},
        SplitCase{"hard_wrap", "Minsk said on Monday\nthat it would. Kyiv\ndisagreed.",
                  {"Minsk said on Monday\nthat it would.", "Kyiv\ndisagreed."}},
        SplitCase{"blank_line_with_spaces", "One\n  \t\nTwo", {"One", "Two"}},
        SplitCase{"ellipsis", "They waited... Then they fired. And... no.",
                  {"They waited...", "Then they fired.", "And... no."}},
        SplitCase{"lower_after_stop", "The figure (approx. ten) held. ok", {"The figure (approx. ten) held. ok"}},
        SplitCase{"cyrillic", "\u041C\u0456\u043D\u0441\u043A. \u041A\u0438\u0457\u0432.", {"\u041C\u0456\u043D\u0441\u043A.", "\u041A\u0438\u0457\u0432."}},
        SplitCase{"closing_paren", "(They left.) Then came.", {"(They left.)", "Then came."}},
        SplitCase{"url", "Visit www.example.org today. Bye.", {"Visit www.example.org today.", "Bye."}}),
    [](const ::testing::TestParamInfo<SplitCase>& info) { return std::string(info.param.name); });

TEST(SplitTest, SpansAreTrimmedOffsets) {
  std::string text = "  One.  Two. ";
  auto spans = SentenceSplitter::Default()->Split(text);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0], (SentenceSpan{2, 6}));
  EXPECT_EQ(spans[1], (SentenceSpan{8, 12}));
  EXPECT_EQ(SplitSentences(text), spans);
}

TEST(SplitTest, LongSentenceIsCappedAtSafeBoundaries) {
  std::string text;
  while (text.size() < 9000) text += "Belarus, a Russian ally, allowed troops through its territory ";
  text += "\u00E9";  // a multibyte character at the end
  auto spans = SentenceSplitter::Default()->Split(text);
  ASSERT_GT(spans.size(), 4u);
  size_t covered = 0;
  for (const auto& s : spans) {
    EXPECT_LE(s.end - s.begin, kMaxSentenceBytes);
    EXPECT_GT(s.end, s.begin);
    EXPECT_NE(text[s.begin], ' ');
    covered += s.end - s.begin;
  }
  EXPECT_GT(covered, text.size() - 2 * spans.size());
  EXPECT_EQ(text.substr(spans.back().begin, spans.back().end - spans.back().begin).substr(
                spans.back().end - spans.back().begin - 2),
            "\u00E9");
}

TEST(SplitTest, NoBlanksIsCutAtCharacterBoundaries) {
  std::string text;
  while (text.size() < 5000) text += "\u041C";  // 2-byte characters, no blank
  text += "x";
  auto spans = SentenceSplitter::Default()->Split(text);
  ASSERT_GE(spans.size(), 3u);
  for (const auto& s : spans) {
    EXPECT_LE(s.end - s.begin, kMaxSentenceBytes);
    EXPECT_NE(static_cast<unsigned char>(text[s.begin]) & 0xC0, 0x80u);
  }
}

TEST(SplitTest, TenMegabyteLineIsLinear) {
  std::string text;
  text.reserve(10 << 20);
  while (text.size() < (10u << 20)) text += "word \"quoted (open ";
  auto start = std::chrono::steady_clock::now();
  auto spans = SentenceSplitter::Default()->Split(text);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_GT(spans.size(), 5000u);
  EXPECT_LT(seconds, 5.0);
}

TEST(SplitterCreateTest, MissingDirectoryIsAnError) {
  std::unique_ptr<SentenceSplitter> splitter;
  Status s = SentenceSplitter::Create("/nonexistent/dir", &splitter);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message(), "/nonexistent/dir/abbreviations.txt: no such file");
  EXPECT_EQ(splitter, nullptr);
}

TEST(SplitterCreateTest, BadClassNamesLine) {
  auto dir = dyad::tests::ProcessScratchDir("dyad_segment_test_bad");
  std::ofstream(dir / "abbreviations.txt") << "# comment\nMr. title\nGen. general\n";
  std::ofstream(dir / "sentence_starters.txt") << "The\n";
  std::unique_ptr<SentenceSplitter> splitter;
  Status s = SentenceSplitter::Create(dir.string(), &splitter);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message(), (dir / "abbreviations.txt").string() +
                             ":3: unknown class 'general' (want title, month or other): 'Gen. general'");
  std::filesystem::remove_all(dir);
}

TEST(SplitterCreateTest, LookupAcceptsCaseVariants) {
  const SentenceSplitter* splitter = SentenceSplitter::Default();
  ASSERT_NE(splitter, nullptr);
  ASSERT_NE(splitter->Lookup("Gen."), nullptr);
  EXPECT_EQ(*splitter->Lookup("Gen."), AbbreviationClass::kTitle);
  ASSERT_NE(splitter->Lookup("GEN."), nullptr);
  ASSERT_NE(splitter->Lookup("Etc."), nullptr);
  EXPECT_EQ(splitter->Lookup("Minsk."), nullptr);
}

struct TokenCase {
  const char* name;
  std::string text;
  std::vector<std::string> expected;
};

class TokenizeTest : public ::testing::TestWithParam<TokenCase> {};

TEST_P(TokenizeTest, Tokens) {
  const std::string& text = GetParam().text;
  std::vector<std::string> got;
  for (const TokenSpan& t : Tokenize(text)) got.push_back(text.substr(t.begin, t.end - t.begin));
  EXPECT_EQ(got, GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Table, TokenizeTest,
    ::testing::Values(
        TokenCase{"words", "Belarus hosts troops.", {"Belarus", "hosts", "troops", "."}},
        TokenCase{"possessive", "Belarus's army and the allies' plans", {"Belarus", "'s", "army", "and", "the", "allies", "'", "plans"}},
        TokenCase{"hyphen", "pro-Russian, Minsk-based forces", {"pro-Russian", ",", "Minsk-based", "forces"}},
        TokenCase{"numbers", "1,000 troops, 3.5 km, 2,000.50 or 2022,2023",
                  {"1,000", "troops", ",", "3.5", "km", ",", "2,000.50", "or", "2022", ",", "2023"}},
        TokenCase{"acronyms", "The U.S. and e.g. U.N.", {"The", "U.S.", "and", "e.g.", "U.N."}},
        TokenCase{"contraction", "They don't and O'Brien can't", {"They", "do", "n't", "and", "O'Brien", "ca", "n't"}},
        TokenCase{"punct", "\"Stop!\" (now)... -3", {"\"", "Stop", "!", "\"", "(", "now", ")", "...", "-", "3"}},
        TokenCase{"mixed", "155mm shells", {"155mm", "shells"}},
        TokenCase{"cyrillic", "\u041C\u0456\u043D\u0441\u043A, \u0411\u0435\u043B\u0430\u0440\u0443\u0441\u044C",
                  {"\u041C\u0456\u043D\u0441\u043A", ",", "\u0411\u0435\u043B\u0430\u0440\u0443\u0441\u044C"}},
        TokenCase{"initial", "G. Lukashenko", {"G", ".", "Lukashenko"}},
        TokenCase{"invalid_utf8", "a\xFF" "b", {"a", "\xFF", "b"}},
        TokenCase{"empty", "", {}}),
    [](const ::testing::TestParamInfo<TokenCase>& info) { return std::string(info.param.name); });

TEST(TokenizeTest, Kinds) {
  auto tokens = Tokenize("Minsk sent 1,000 troops.");
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(tokens[0].kind, TokenKind::kWord);
  EXPECT_EQ(tokens[2].kind, TokenKind::kNumber);
  EXPECT_EQ(tokens[4].kind, TokenKind::kPunct);
}

}  // namespace
}  // namespace dyad::segment
