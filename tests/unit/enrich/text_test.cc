#include "enrich/text.h"

#include <gtest/gtest.h>

namespace dyad::enrich {
namespace {

bool SameTokens(const std::vector<Token>& a, const std::vector<Token>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].begin != b[i].begin || a[i].end != b[i].end || a[i].text != b[i].text || a[i].lower != b[i].lower ||
        a[i].word != b[i].word || a[i].capitalised != b[i].capitalised || a[i].number != b[i].number ||
        a[i].value != b[i].value || a[i].filter_slot != b[i].filter_slot)
      return false;
  return true;
}

TEST(TokenizeTest, IntoAReusedVectorGivesTheTokensOfAFreshOne) {
  // Longer texts first: the later ones reuse tokens (numbers, long words) of the earlier.
  const std::vector<std::string> texts = {
      "On 24 February 2022, the Internationally-Recognised government's 3rd brigade didn't move 1,500 troops.",
      "12 said: U.S. forces in St. Petersburg",
      "Kyiv's 4th",
      "",
      "Belarus"};
  std::vector<Token> reused;
  for (const std::string& text : texts) {
    Tokenize(text, &reused);
    EXPECT_TRUE(SameTokens(reused, Tokenize(text))) << text;
  }
}

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

TEST(FilteredWordSetTest, CountsExactlyTheWordsInserted) {
  FilteredWordSet words;
  for (const char* w : {"sent", "took", "fled", "a", ""}) words.insert(w);
  words.insert("took");  // (a set: once)
  EXPECT_EQ(words.size(), 5u);
  for (const char* w : {"sent", "took", "fled", "a", ""}) EXPECT_EQ(words.count(w), 1u) << w;
  for (const char* w : {"send", "take", "Sent", "sent ", "tooks", "b", "fle"}) EXPECT_EQ(words.count(w), 0u) << w;
  // A token's lower-case word is asked as it is.
  std::vector<Token> tokens = Tokenize("Troops TOOK the town and sent aid.");
  EXPECT_EQ(words.count(tokens[1].lower), 1u);
  EXPECT_EQ(words.count(tokens[2].lower), 0u);
  EXPECT_EQ(words.count(tokens[5].lower), 1u);
}

}  // namespace
}  // namespace dyad::enrich
