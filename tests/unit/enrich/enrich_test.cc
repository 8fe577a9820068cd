// End-to-end checks of Enricher::Enrich: all fields at once, many threads,
// and inputs that must not crash.
#include "enrich/enrich.h"

#include <gtest/gtest.h>

#include <random>
#include <thread>

#include "test_util.h"

namespace dyad::enrich {
namespace {

using testing::Coded;
using testing::kDocDate;
using testing::RunSentence;
using testing::TableFinder;

TEST(EnrichTest, FillsEveryFieldOfAReportedStrike) {
  auto c =
      RunSentence("On Tuesday, Russian troops launched missiles at Kyiv from Belarus, the Ukrainian air force said.",
                  {"launched", "said"}, TableFinder({{"Russian troops", "RUSMIL"}, {"Ukrainian air force", "UKRMIL"}}),
                  kDocDate, {"19", "01"});
  const Event& strike = c.events[0];
  EXPECT_EQ(strike.date, (Date{2024, 3, 19}));
  EXPECT_EQ(strike.date_precision, DatePrecision::kDay);
  EXPECT_EQ(strike.date_text, "On Tuesday");
  EXPECT_EQ(strike.modality, Modality::kAsserted);
  EXPECT_EQ(strike.reported_by, "UKRMIL");
  EXPECT_EQ(strike.reported_by_text, "Ukrainian air force");
  EXPECT_EQ(strike.location.name, "Kyiv");
  EXPECT_EQ(strike.origin.name, "Belarus");
  EXPECT_TRUE(strike.destination.empty());
  const Event& statement = c.events[1];
  EXPECT_EQ(statement.reported_by_text, "");  // the speech act itself
}

// "States" in "The United States" is part of a name, not the reporting verb "X states that".
TEST(EnrichTest, AReportingVerbInsideAnActorsNameIsNoReport) {
  auto finder = TableFinder({{"United States", "USA"}, {"Belarusian banks", "BLRBUS"}, {"US Treasury", "USAGOV"}});
  auto c = RunSentence("The United States imposed sanctions on Belarusian banks on Thursday, the US Treasury said.",
                       {"imposed"}, finder, kDocDate, {"16"});
  EXPECT_EQ(c.events[0].reported_by, "USAGOV");
  EXPECT_EQ(c.events[0].reported_by_text, "US Treasury");
  auto first_hand = RunSentence("The United States imposed sanctions on Belarusian banks on Thursday.", {"imposed"},
                                finder, kDocDate, {"16"});
  EXPECT_EQ(first_hand.events[0].reported_by_text, "");
  // A real "states that" still attributes.
  auto reported = RunSentence("The ministry states that Russian troops attacked the village.", {"attacked"},
                              TableFinder({{"Russian troops", "RUSMIL"}}), kDocDate, {"19"});
  EXPECT_EQ(reported.events[0].reported_by_text, "ministry");
}

TEST(EnrichTest, AsksForActorsOnlyWhenASentenceNamesAReporter) {
  int calls = 0;
  ActorFinder counting = [&](std::string_view) {
    ++calls;
    return std::vector<code::ActorMention>{};
  };
  RunSentence("Russian troops attacked the village.", {"attacked"}, counting);
  EXPECT_EQ(calls, 0);
  RunSentence("The mayor said that Russian troops attacked the village.", {"said", "attacked"}, counting);
  EXPECT_EQ(calls, 1);
}

TEST(EnrichTest, ReadsTheSentencesActorsInPlaceWhenGivenThem) {
  const std::string sentence = "On Tuesday, Russian troops launched missiles at Kyiv from Belarus, the Ukrainian air force said.";
  const ActorFinder table = TableFinder({{"Russian troops", "RUSMIL"}, {"Ukrainian air force", "UKRMIL"}, {"Kyiv", "UKR"}});
  auto with_finder = RunSentence(sentence, {"launched", "said"}, table, kDocDate, {"19", "01"});
  // The same sentence with its actors handed over: the same events, and the finder never asked.
  const std::vector<code::ActorMention> actors = table(sentence);
  int calls = 0;
  ActorFinder counting = [&](std::string_view text) {
    ++calls;
    return table(text);
  };
  Coded given;
  given.events.resize(2);
  const std::vector<std::string> verbs = {"launched", "said"}, roots = {"19", "01"};
  for (size_t i = 0; i < 2; ++i) {
    Event& e = given.events[i];
    e.date = kDocDate;
    e.sentence = sentence;
    e.verb_text = verbs[i];
    e.root_code = roots[i];
    e.event_code = roots[i] + "0";
    const auto at = static_cast<int32_t>(sentence.find(verbs[i]));
    given.located.push_back(EventInSentence{&e, {}, {at, at + static_cast<int32_t>(verbs[i].size())}, {}});
  }
  SentenceContext ctx{sentence, kDocDate, counting};
  ctx.actors = &actors;
  testing::SharedEnricher().Enrich(ctx, given.located);
  EXPECT_EQ(calls, 0);
  for (size_t i = 0; i < 2; ++i) {
    const Event &a = with_finder.events[i], &b = given.events[i];
    EXPECT_EQ(a.date, b.date);
    EXPECT_EQ(a.date_text, b.date_text);
    EXPECT_EQ(a.modality, b.modality);
    EXPECT_EQ(a.reported_by, b.reported_by);
    EXPECT_EQ(a.reported_by_text, b.reported_by_text);
    EXPECT_EQ(a.location.name, b.location.name);
    EXPECT_EQ(a.origin.name, b.origin.name);
    EXPECT_EQ(a.target, b.target);
  }
  EXPECT_EQ(with_finder.events[0].reported_by, "UKRMIL");
  // FindReportedContent the same way.
  const auto by_finder = testing::SharedEnricher().FindReportedContent(sentence, table);
  const auto in_place = testing::SharedEnricher().FindReportedContent(sentence, counting, &actors);
  EXPECT_EQ(calls, 0);
  ASSERT_EQ(by_finder.size(), in_place.size());
  for (size_t i = 0; i < by_finder.size(); ++i) {
    EXPECT_EQ(by_finder[i].clause.begin, in_place[i].clause.begin);
    EXPECT_EQ(by_finder[i].clause.end, in_place[i].clause.end);
    EXPECT_EQ(by_finder[i].speaker.begin, in_place[i].speaker.begin);
    EXPECT_EQ(by_finder[i].speaker.end, in_place[i].speaker.end);
  }
}

// A clause of the sentence just read takes its tokens from the sentence's: its charges must be
// those of the same clause read after another sentence, also where its ends cut a word, a
// possessive, an initialism or "St." off what follows.
TEST(EnrichTest, ChargesOfAClauseOfTheSentenceReadAreThoseOfTheClauseAlone) {
  const Enricher& enricher = testing::SharedEnricher();
  const auto finder = TableFinder({{"Belarus", "BLR"}, {"Minsk", "BLR"}, {"Kyiv", "UKR"}, {"Lukashenko", "BLRGOV"},
                                   {"the U.S.", "USA"}, {"St. Petersburg", "RUS"}});
  auto charges = [&](const std::string& read_before, const std::string& sentence, size_t at, size_t size) {
    enricher.FindReportedContent(read_before, finder);
    const std::string_view clause = std::string_view(sentence).substr(at, size);
    const std::vector<code::ActorMention> mentions = finder(clause);
    std::string out;
    for (const Charge& c : enricher.FindCharges(clause, mentions))
      out += c.code + "/" + (c.accused ? c.accused->code : "-") + "/" + std::to_string(c.words.begin) + "-" +
             std::to_string(c.words.end) + "/" + std::to_string(c.line) + (c.negated ? "/negated" : "") + "/" +
             c.accused_code + ";";
    return out;
  };
  const std::string unrelated = "Analysts warn of a possible attack from Belarus in the summer of 2024.";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Kyiv said that Belarus breached the 1974 resolution on aggression.", "Belarus breached the 1974 resolution on aggression"},
      {"Kyiv said that Belarus breached the 1974 resolution on aggression.", "Belarus breached the 1974 resolution"},
      {"Kyiv argues that Minsk has not violated the charter, officials said.", "Minsk has not violated the charter"},
      {"Kyiv said Lukashenko's regime is illegitimate and violated the charter.", "Lukashenko's regime is illegitimate"},
      {"Kyiv said Lukashenko's regime is illegitimate.", "Lukashenko'"},
      {"Kyiv said Belarus violated the charter as did the U.S. in St. Petersburg.", "Belarus violated the charter as did the U.S"},
      {"Kyiv said Belarus violated the charter in St. Petersburg.", "Belarus violated the charter in St."},
      {"Kyiv said Belarus violated the charter in St. Petersburg.", "Belarus violated the charter in St"},
      {"Kyiv said Belarus's government violated the charter.", "Belarus'"},
      {"Kyiv said Belarus violated the charter.", "elarus violated the charter"},
      {"Kyiv said Belarus is illegitimately ruled.", "Belarus is illegitimate"},
      {"Kyiv said Belarus is illegitimate's opposite.", "Belarus is illegitimate"},
  };
  for (const auto& [sentence, clause] : cases) {
    const size_t at = sentence.find(clause);
    ASSERT_NE(at, std::string::npos) << clause;
    EXPECT_EQ(charges(sentence, sentence, at, clause.size()), charges(unrelated, sentence, at, clause.size()))
        << clause << " (in " << sentence << ")";
  }
}

TEST(EnrichTest, IsSafeToCallFromManyThreads) {
  const std::vector<std::string> sentences = {
      "On Tuesday, Russian troops launched missiles at Kyiv from Belarus, officials said.",
      "Belarus did not attack Ukraine in 2022, according to Zerkalo.",
      "Analysts warn of a possible attack from Belarus in the summer of 2024.",
      "Between 2014 and February 24, 2022, twenty volunteers died in Donbas."};
  const std::vector<std::string> verbs = {"launched", "attack", "attack", "died"};
  auto snapshot = [&](size_t i) {
    Event e = testing::One(sentences[i], verbs[i], TableFinder({{"Zerkalo", "BLRMED"}}));
    return e.date.ToIso() + e.date_end.ToIso() + e.date_text + ModalityName(e.modality) + e.reported_by +
           e.reported_by_text + e.location.name + e.origin.name;
  };
  std::vector<std::string> expected;
  for (size_t i = 0; i < sentences.size(); ++i) expected.push_back(snapshot(i));
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 50; ++round) {
        size_t i = static_cast<size_t>((round + t) % sentences.size());
        if (snapshot(i) != expected[i]) ++mismatches[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

TEST(EnrichTest, SurvivesArbitraryBytesAndSpans) {
  std::mt19937 rng(7);
  const std::string alphabet = "abcXYZ 0123456789,.;:'\"-()\xC3\xA9\xE2\x80\x99 in on from Kyiv March May 2022 not if";
  for (int round = 0; round < 300; ++round) {
    std::string s;
    int len = static_cast<int>(rng() % 120);
    for (int k = 0; k < len; ++k) s += alphabet[rng() % alphabet.size()];
    Event e;
    e.date = round % 3 == 0 ? Date{} : kDocDate;
    int32_t b = static_cast<int32_t>(rng() % 140) - 10, en = static_cast<int32_t>(rng() % 140) - 10;
    std::vector<EventInSentence> events = {{&e, {b, en}, {b, en}, {en, b}}};
    ActorFinder finder = [&](std::string_view text) {
      int32_t x = static_cast<int32_t>(rng() % (text.size() + 3));
      return std::vector<code::ActorMention>{{"X", "x", {x, x + 4}}, {"Y", "y", {-3, 200}}};
    };
    testing::SharedEnricher().Enrich(SentenceContext{s, e.date, finder}, events);
    if (e.date_precision == DatePrecision::kDocument) {
      EXPECT_TRUE(e.date_text.empty());
    } else {
      EXPECT_TRUE(e.date.valid()) << s;
      EXPECT_LE(e.date, e.date_end) << s;
    }
  }
  std::vector<EventInSentence> none;
  testing::SharedEnricher().Enrich(SentenceContext{"", kDocDate, {}}, none);
}

}  // namespace
}  // namespace dyad::enrich
