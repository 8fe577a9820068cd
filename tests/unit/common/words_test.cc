#include "common/words.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dyad {
namespace {

// The byte-at-a-time reading SkipAsciiLetters stands for.
size_t SkipLettersByteByByte(std::string_view s, size_t at) {
  while (at < s.size() && ((s[at] >= 'a' && s[at] <= 'z') || (s[at] >= 'A' && s[at] <= 'Z'))) ++at;
  return at;
}

// Letters with diacritics fold to their ASCII capitals, both cases; anything else is left alone.
TEST(WordsTest, LatinLettersWithDiacriticsFoldToTheirAsciiCapitals) {
  auto fold = [](std::string s, bool* first_upper = nullptr) {
    s.resize(FoldLatinLetters(s.data(), s.size(), first_upper));
    return s;
  };
  EXPECT_EQ(fold("ORBáN"), "ORBAN");
  EXPECT_EQ(fold("ORBÁN"), "ORBAN");
  EXPECT_EQ(fold("SZIJJáRTó"), "SZIJJARTO");
  EXPECT_EQ(fold("ERDOğAN"), "ERDOGAN");
  EXPECT_EQ(fold("WAłęSA"), "WALESA");
  EXPECT_EQ(fold("ŞTEFAN"), "STEFAN");
  EXPECT_EQ(fold("șTEFAN"), "STEFAN");  // Romanian comma below
  EXPECT_EQ(fold("DéBY"), "DEBY");
  EXPECT_EQ(fold("ÿ"), "Y");
  // No one-letter base, or no letter: unchanged.
  EXPECT_EQ(fold("ÆTHER"), "ÆTHER");
  EXPECT_EQ(fold("STRAßE"), "STRAßE");
  EXPECT_EQ(fold("KYIV’S"), "KYIV’S");
  EXPECT_EQ(fold("МИНСК"), "МИНСК");
  EXPECT_EQ(fold(std::string("A\xC3")), std::string("A\xC3"));  // a cut sequence
  bool upper = false;
  fold("Élysée", &upper);
  EXPECT_TRUE(upper);
  upper = false;
  fold("éLYSEE", &upper);
  EXPECT_FALSE(upper);
  // Every capital/small pair of Latin-1 and Latin Extended-A folds to one letter, the capital
  // flagged as such (Ÿ's small letter is ÿ, U+00FF).
  for (unsigned cp = 0xC0; cp < 0x180; ++cp) {
    bool up = false;
    const char base = FoldLatinLetter(static_cast<unsigned char>(0xC0 | (cp >> 6)),
                                      static_cast<unsigned char>(0x80 | (cp & 0x3F)), &up);
    if (base == 0) continue;
    EXPECT_TRUE(base >= 'A' && base <= 'Z') << cp;
    if (cp < 0xE0) {
      EXPECT_TRUE(up) << cp;
    } else if (cp < 0x100) {
      EXPECT_FALSE(up) << cp;
    }
  }
}

TEST(WordsTest, SkipAsciiLettersStopsAtTheFirstByteNoLetter) {
  EXPECT_EQ(SkipAsciiLetters("", 0), 0u);
  EXPECT_EQ(SkipAsciiLetters("Belarus", 0), 7u);
  EXPECT_EQ(SkipAsciiLetters("Belarus, Russia", 0), 7u);
  EXPECT_EQ(SkipAsciiLetters("Belarus, Russia", 9), 15u);
  EXPECT_EQ(SkipAsciiLetters("Lukashenko's statement", 0), 10u);
  EXPECT_EQ(SkipAsciiLetters("abcdefghABCDEFGHxyz1", 0), 19u);  // past two full words of eight
  EXPECT_EQ(SkipAsciiLetters("Zelenskyy\xE2\x80\x99s", 0), 9u);  // a typographic apostrophe
  EXPECT_EQ(SkipAsciiLetters("Kyiv", 4), 4u);
}

TEST(WordsTest, SkipAsciiLettersAgreesWithTheByteLoopOnEveryByte) {
  // Every byte value at every position of a word of letters, with and without eight more after it.
  for (int b = 0; b < 256; ++b) {
    for (size_t pos = 0; pos < 20; ++pos) {
      std::string s(24, 'q');
      for (size_t k = 0; k < s.size(); ++k) s[k] = static_cast<char>(k % 2 ? 'A' + k % 26 : 'a' + k % 26);
      s[pos] = static_cast<char>(b);
      for (size_t from = 0; from <= pos; from += 3) {
        EXPECT_EQ(SkipAsciiLetters(s, from), SkipLettersByteByByte(s, from)) << "byte " << b << " at " << pos;
        const std::string_view shorter = std::string_view(s).substr(0, pos + 1);
        EXPECT_EQ(SkipAsciiLetters(shorter, from), SkipLettersByteByByte(shorter, from)) << "byte " << b;
      }
    }
  }
}

TEST(WordsTest, WordListCountsItsWordsAndNoOthers) {
  const WordList list = {"THE", "A", "AN", "ITS", "THEIR", "TOWARDS", "TOWARD"};
  for (std::string_view w : {"THE", "A", "AN", "ITS", "THEIR", "TOWARDS", "TOWARD"}) EXPECT_EQ(list.count(w), 1u) << w;
  // Words of the same length and first and last bytes as a listed one share its slot: compared.
  for (std::string_view w : {"TEE", "TOE", "ATN", "IDS", "TOWARDT", "", "THEM", "B"}) EXPECT_EQ(list.count(w), 0u) << w;
}

// A list longer than its buckets (several words to a bucket, and words of one slot): every word
// listed is counted, and no other word of the same shapes.
TEST(WordsTest, WordListCountsEveryWordOfALongList) {
  const std::vector<std::string_view> words = {
      "AAA", "AEA", "AOA", "BAB", "BEB", "BOB", "CAC", "CEC", "COC", "DAD", "DED", "DOD", "EAE",
      "EEE", "EOE", "FAF", "FEF", "FOF", "GAG", "GEG", "GOG", "HAH", "HEH", "HOH", "IAI", "IEI",
      "IOI", "JAJ", "JEJ", "JOJ", "KAK", "KEK", "KOK", "LAL", "LEL", "LOL", "MAM", "MEM", "MOM",
      "NAN", "NEN", "NON", "OAO", "OEO", "OOO", "PAP", "PEP", "POP", "QAQ", "QEQ", "QOQ", "RAR",
      "RER", "ROR", "SAS", "SES", "SOS", "TAT", "TET", "TOT", "UAU", "UEU", "UOU", "VAV", "VEV",
      "VOV", "WAW", "WEW", "WOW", "XAX", "XEX", "XOX", "YAY", "YEY", "YOY", "ZAZ", "ZEZ", "ZOZ",
      "XY", "XXY", "XXXY", "XXXXY", "XXXXXY", "XXXXXXY", "XXXXXXXY", "XXXXXXXXY", "XXXXXXXXXY",
      "XXXXXXXXXXY", "XXXXXXXXXXXY", "XXXXXXXXXXXXY"};
  const WordList list(words);
  for (std::string_view w : words) EXPECT_EQ(list.count(w), 1u) << w;
  for (char a = 'A'; a <= 'Z'; ++a)
    for (char b : {'B', 'I', 'U'}) EXPECT_EQ(list.count(std::string{a, b, a}), 0u) << a << b << a;
  EXPECT_EQ(list.count("XY2"), 0u);
  EXPECT_EQ(list.count("XXXXXXXXXXXXXY"), 0u);
  EXPECT_EQ(list.count(""), 0u);
}

}  // namespace
}  // namespace dyad
