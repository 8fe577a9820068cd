// The coder's look-up structures compiled by DictionarySet: the second-word index of large
// first-word groups, the pattern filters and the witness sets of synsets and alternatives.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "dict/dictionary.h"
#include "test_util.h"

namespace dyad::dict {
namespace {

namespace fs = std::filesystem;

using testing::LoadOk;
using testing::TempDir;

std::vector<int32_t> Positions(std::pair<const int32_t*, const int32_t*> range) {
  return range.first == nullptr ? std::vector<int32_t>{} : std::vector<int32_t>(range.first, range.second);
}

TEST(CompiledIndexTest, LargeFirstWordGroupsArePartitionedBySecondWord) {
  TempDir dir;
  std::string actors = dir.Write("t.actors",
                                 "THE_ALPHA [AAA]\nTHE_BETA [BBB]\nTHE_GAMMA [CCC]\nTHE_DELTA [DDD]\n"
                                 "THE_BETA_FORCE [BBF]\nTHE_EPSILON [EEE]\nTHE_ZETA_ONE [ZZZ]\nTHE_ETA [HHH]\n"
                                 "THE_BETA_GROUP [BBG]\nTHE [TTT]\nTHE OMEGA [OOO]\n"
                                 "SMALL_GROUP [SSS]\nSMALL [SMA]\n");
  auto d = LoadOk({actors});
  ASSERT_TRUE(d);
  const int32_t the = d->FindWord("THE");
  ASSERT_GE(the, 0);
  auto [b, e] = d->RootsStartingWith(the);
  ASSERT_GE(e - b, 10);
  ASSERT_TRUE(d->PairIndexed(the));
  EXPECT_FALSE(d->PairIndexed(d->FindWord("SMALL")));

  // Every root of the group is in exactly one list; each list ascends (load order).
  std::vector<int32_t> seen = Positions(d->RootsUnpaired(the));
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
  std::set<int32_t> seconds;
  for (const int32_t* r = b; r != e; ++r) {
    const Root& root = d->roots()[*r];
    if (root.n_words > 1) seconds.insert(d->phrase_words()[root.words_begin + 1].word);
  }
  for (int32_t second : seconds) {
    std::vector<int32_t> with = Positions(d->RootsWithSecond(the, second));
    EXPECT_TRUE(std::is_sorted(with.begin(), with.end()));
    for (int32_t pos : with) {
      const Root& root = d->roots()[b[pos]];
      ASSERT_GE(root.n_words, 2);
      EXPECT_EQ(d->phrase_words()[root.words_begin + 1].word, second);
      EXPECT_FALSE(LinkGap(d->phrase_words()[root.words_begin].link));
    }
    seen.insert(seen.end(), with.begin(), with.end());
  }
  std::sort(seen.begin(), seen.end());
  std::vector<int32_t> all(e - b);
  for (int32_t i = 0; i < e - b; ++i) all[i] = i;
  EXPECT_EQ(seen, all);

  // THE_BETA, THE_BETA_FORCE, THE_BETA_GROUP in load order; the one-word THE is unpaired.
  const int32_t beta = d->FindWord("BETA");
  std::vector<int32_t> with_beta = Positions(d->RootsWithSecond(the, beta));
  ASSERT_EQ(with_beta.size(), 3u);
  EXPECT_EQ(d->roots()[b[with_beta[0]]].n_words, 2);  // THE_BETA
  for (int32_t pos : Positions(d->RootsUnpaired(the))) {
    const Root& root = d->roots()[b[pos]];
    EXPECT_TRUE(root.n_words == 1 || LinkGap(d->phrase_words()[root.words_begin].link)) << d->RootText(b[pos]);
  }
  EXPECT_TRUE(Positions(d->RootsWithSecond(the, d->FindWord("SMALL"))).empty());
  EXPECT_TRUE(Positions(d->RootsWithSecond(the, -1)).empty());
}

TEST(CompiledIndexTest, PatternFiltersAndWitnessSets) {
  TempDir dir;
  std::string verbs = dir.Write("t.verbs",
                                "<SYNSETS>\n&CURRENCY\n+DOLLAR\n+SWISS_FRANC\n</SYNSETS>\n"
                                "BREAK_ [1717]\n- * FOR { SANCTIONS | EMBARGO }  [172]\n- * &CURRENCY [903]\n"
                                "- * NEAR_CITY [111]\n- IN_ * [3]\n");
  auto d = LoadOk({verbs});
  ASSERT_TRUE(d);
  EXPECT_TRUE(d->warnings().empty()) << d->warnings()[0];
  const int32_t brk = d->FindWord("BREAK");
  auto [b, e] = d->RootsStartingWith(brk);
  ASSERT_EQ(e - b, 1);
  const int32_t list_id = d->verbs()[d->roots()[*b].entry].patterns;
  const auto& list = d->pattern_lists()[list_id];
  const auto& filters = d->pattern_list_filters()[list_id];
  ASSERT_EQ(filters.size(), list.size());
  auto words_of = [&](int32_t set) {
    std::set<std::string> out;
    for (int32_t w : d->witness_sets()[set]) out.insert(d->word(w));
    return out;
  };
  for (size_t i = 0; i < list.size(); ++i) {
    const Pattern& p = d->patterns()[list[i]];
    EXPECT_EQ(filters[i].pattern, list[i]);
    EXPECT_EQ(filters[i].mask, p.required_mask);
    if (p.required.empty()) {
      EXPECT_EQ(filters[i].key, -1);
    } else {
      EXPECT_NE(std::find(p.required.begin(), p.required.end(), filters[i].key), p.required.end());
    }
  }
  // list order: * FOR {..}, * NEAR_CITY, * &CURRENCY, IN_ *
  const Pattern& alts = d->patterns()[list[0]];
  EXPECT_EQ(d->word(filters[0].key), "FOR");
  ASSERT_EQ(alts.witnesses.size(), 1u);
  EXPECT_EQ(words_of(alts.witnesses[0]), (std::set<std::string>{"SANCTIONS", "EMBARGO"}));
  EXPECT_EQ(d->word(filters[1].key), "NEAR");  // the longest required word, the first among equals
  EXPECT_TRUE(d->patterns()[list[1]].witnesses.empty());
  const Pattern& currency = d->patterns()[list[2]];
  EXPECT_EQ(filters[2].key, -1);
  ASSERT_EQ(currency.witnesses.size(), 1u);
  EXPECT_EQ(words_of(currency.witnesses[0]), (std::set<std::string>{"DOLLAR", "SWISS"}));
}

}  // namespace
}  // namespace dyad::dict
