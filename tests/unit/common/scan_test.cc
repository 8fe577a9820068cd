#include "common/scan.h"

#include <gtest/gtest.h>

#include <string>

namespace dyad {
namespace {

// The byte-at-a-time reading ByteStops::Find stands for.
template <size_t K>
size_t FindByteByByte(const ByteStops<K>& stops, std::string_view s, size_t at) {
  while (at < s.size() && !stops.contains(static_cast<unsigned char>(s[at]))) ++at;
  return at;
}

TEST(ByteStopsTest, FindsTheFirstByteOfTheSet) {
  const ByteStops<4> terminators({'\n', '.', '!', '?'});
  EXPECT_EQ(terminators.Find("", 0), 0u);
  EXPECT_EQ(terminators.Find("Belarus", 0), 7u);
  EXPECT_EQ(terminators.Find("Minsk said so. Kyiv did not.", 0), 13u);
  EXPECT_EQ(terminators.Find("Minsk said so. Kyiv did not.", 14), 27u);
  EXPECT_EQ(terminators.Find("Minsk said so. Kyiv did not.", 28), 28u);  // at the end
  EXPECT_EQ(terminators.Find("a sentence of more than sixteen bytes before its end!", 0), 52u);
  EXPECT_EQ(terminators.Find("a sentence of more than sixteen bytes\nand a line", 3), 37u);
  EXPECT_TRUE(terminators.contains('?'));
  EXPECT_FALSE(terminators.contains('"'));
}

TEST(ByteStopsTest, AgreesWithTheByteLoopOnEveryByteAndPosition) {
  const ByteStops<8> brackets({'\n', '"', '(', '[', '{', ')', ']', '}'});
  const ByteStops<1> quote({'"'});
  // Every byte value at every position of a text of 40 bytes (two blocks of sixteen and a tail),
  // read from several starts, the text also cut right after the byte.
  for (int b = 0; b < 256; ++b) {
    for (size_t pos = 0; pos < 40; ++pos) {
      std::string s(40, 'x');
      for (size_t k = 0; k < s.size(); ++k) s[k] = static_cast<char>(k % 3 ? 'a' + k % 26 : ' ');
      s[pos] = static_cast<char>(b);
      for (size_t from = 0; from <= pos; from += 5) {
        EXPECT_EQ(brackets.Find(s, from), FindByteByByte(brackets, s, from)) << "byte " << b << " at " << pos;
        EXPECT_EQ(quote.Find(s, from), FindByteByByte(quote, s, from)) << "byte " << b << " at " << pos;
        const std::string_view shorter = std::string_view(s).substr(0, pos + 1);
        EXPECT_EQ(brackets.Find(shorter, from), FindByteByByte(brackets, shorter, from)) << "byte " << b;
      }
    }
  }
}

}  // namespace
}  // namespace dyad
