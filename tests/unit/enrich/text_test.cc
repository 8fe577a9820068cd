#include "enrich/text.h"

#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <vector>

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
  std::string lowered;
  for (const std::string& text : texts) {
    Tokenize(text, &reused, &lowered);
    EXPECT_TRUE(SameTokens(reused, Tokenize(text))) << text;
  }
}

// The lower-case forms view the buffer the caller keeps with the tokens: tokenising another text
// into another buffer leaves them as they were (one buffer shared by every call would not).
TEST(TokenizeTest, LowerCaseFormsViewTheCallersBufferAndOutliveOtherTexts) {
  const std::string first = "Kyiv SAID Minsk's U.S. troops";
  std::vector<Token> tokens;
  std::string lowered;
  Tokenize(first, &tokens, &lowered);
  EXPECT_EQ(lowered, "kyiv said minsk's u.s. troops");
  std::vector<Token> other;
  std::string other_lowered;
  Tokenize("ANOTHER SENTENCE ENTIRELY, LONGER THAN THE FIRST ONE", &other, &other_lowered);
  Tokens alone = Tokenize("Belarus SENT Aid TOO");
  std::vector<std::string> words;
  for (const Token& t : tokens) {
    words.emplace_back(t.lower);
    EXPECT_GE(t.lower.data(), lowered.data());
    EXPECT_LE(t.lower.data() + t.lower.size(), lowered.data() + lowered.size());
    EXPECT_EQ(t.lower.slot(), WordFilter::Slot(std::string(t.lower)));
  }
  EXPECT_EQ(words, (std::vector<std::string>{"kyiv", "said", "minsk", "'s", "u.s.", "troops"}));
}

// Tokens moved (here into a vector that grows, moving them again) keep their lower-case forms:
// the lower-cased text is on the heap, not in the object moved.
TEST(TokenizeTest, MovedTokensKeepTheirLowerCaseForms) {
  std::vector<Tokens> kept;
  const std::vector<std::string> texts = {"Short ONE", "Kyiv", "A", "The SECOND Text", "X Y Z", "Minsk Said"};
  for (const std::string& text : texts) {
    Tokens tokens = Tokenize(text);
    kept.push_back(std::move(tokens));
    Tokens overwrite = Tokenize("ZZZZZZZZZ QQQQQQQQQ");  // (reuses the stack slot of `tokens`)
    EXPECT_EQ(overwrite.size(), 2u);
  }
  for (size_t i = 0; i < texts.size(); ++i) {
    std::string joined;
    for (const Token& t : kept[i]) joined += std::string(t.lower) + " ";
    std::string expected;
    for (const Token& t : Tokenize(texts[i])) expected += std::string(t.text) + " ";
    for (char& c : expected) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_EQ(joined, expected) << texts[i];
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
  const Tokens tokens = Tokenize("Troops TOOK the town and sent aid.");
  EXPECT_EQ(words.count(tokens[1].lower), 1u);
  EXPECT_EQ(words.count(tokens[2].lower), 0u);
  EXPECT_EQ(words.count(tokens[5].lower), 1u);
}

}  // namespace
}  // namespace dyad::enrich
