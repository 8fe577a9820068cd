#include "common/words.h"

#include <gtest/gtest.h>

#include <string>

namespace dyad {
namespace {

// The byte-at-a-time reading SkipAsciiLetters stands for.
size_t SkipLettersByteByByte(std::string_view s, size_t at) {
  while (at < s.size() && ((s[at] >= 'a' && s[at] <= 'z') || (s[at] >= 'A' && s[at] <= 'Z'))) ++at;
  return at;
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

}  // namespace
}  // namespace dyad
