#include "enrich/text.h"

#include <gtest/gtest.h>

namespace dyad::enrich {
namespace {

TEST(WordSetTest, CountsExactlyTheWordsGiven) {
  const WordSet words = {"and", "but", "that", ",", "whereas", ""};
  for (const char* w : {"and", "but", "that", ",", "whereas", ""}) EXPECT_EQ(words.count(w), 1u) << w;
  // Same length and first byte as a member, a prefix, a longer word, another case: not members.
  for (const char* w : {"ant", "bus", "than", "an", "andy", "And", ";", "whereby", "whereass"})
    EXPECT_EQ(words.count(w), 0u) << w;
}

TEST(WordFilterTest, NeverRejectsAWordAdded) {
  WordFilter filter;
  const std::string long_word(80, 'x');
  for (std::string_view w : {std::string_view("on"), std::string_view("the"), std::string_view(long_word)})
    filter.Add(w);
  EXPECT_TRUE(filter.MayContain("on"));
  EXPECT_TRUE(filter.MayContain("the"));
  EXPECT_TRUE(filter.MayContain(long_word));
  EXPECT_TRUE(filter.MayContain(std::string(70, 'x')));  // lengths of 63 and more share one bit
  EXPECT_FALSE(filter.MayContain("in"));                  // no word added starts with 'i'
  EXPECT_FALSE(filter.MayContain("over"));                // nor has four bytes
  EXPECT_FALSE(filter.MayContain(""));
}

TEST(PhraseSetTest, LongestPhraseAtATokenIgnoresWordsNoPhraseStartsWith) {
  PhraseSet phrases;
  phrases.Add({"according", "to"});
  phrases.Add({"said"});
  phrases.Add({"according", "to", "reports"});
  const auto tokens = Tokenize("Kyiv said, according to reports, that accordingly nothing happened");
  std::vector<size_t> lengths;
  for (size_t i = 0; i < tokens.size(); ++i) lengths.push_back(phrases.LongestAt(tokens, i));
  EXPECT_EQ(lengths, (std::vector<size_t>{0, 1, 0, 3, 0, 0, 0, 0, 0, 0, 0}));
}

}  // namespace
}  // namespace dyad::enrich
