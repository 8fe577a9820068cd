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

TEST(WordFilterTest, NeverRejectsAWordAddedAndRejectsMostOthers) {
  WordFilter filter;
  const std::vector<std::string> added = {"on", "the", "at", "earlier", "", std::string(80, 'x')};
  for (const auto& w : added) filter.Add(w);
  for (const auto& w : added) EXPECT_TRUE(filter.MayContain(w)) << w;
  int passed = 0;
  for (const char* w : {"in", "over", "a", "these", "they", "later", "it", "an", "of", "to", "and", "said"})
    passed += filter.MayContain(w);
  EXPECT_LE(passed, 2);
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
