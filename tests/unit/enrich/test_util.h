// Helpers for the enrich unit tests: one Enricher over the repository's data/,
// hand-made actor mentions, and events located by their verb's words.
#ifndef DYAD_TESTS_UNIT_ENRICH_TEST_UTIL_H_
#define DYAD_TESTS_UNIT_ENRICH_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "enrich/enrich.h"

namespace dyad::enrich::testing {

inline const Enricher& SharedEnricher() {
  static std::unique_ptr<const Enricher> enricher = [] {
    std::unique_ptr<const Enricher> e;
    Status s = Enricher::Create(std::string(DYAD_SOURCE_DIR) + "/data", &e);
    EXPECT_TRUE(s.ok()) << s.message();
    return e;
  }();
  return *enricher;
}

inline constexpr Date kDocDate{2024, 3, 25};  // a Monday

// An actor finder over a fixed table: every occurrence of each name, longest first.
inline ActorFinder TableFinder(std::vector<std::pair<std::string, std::string>> table) {
  return [table](std::string_view text) {
    std::vector<code::ActorMention> out;
    std::vector<bool> used(text.size(), false);
    auto sorted = table;
    std::sort(sorted.begin(), sorted.end(), [](auto& a, auto& b) { return a.first.size() > b.first.size(); });
    for (const auto& [name, code] : sorted) {
      for (size_t at = text.find(name); at != std::string_view::npos; at = text.find(name, at + 1)) {
        bool free = true;
        for (size_t k = at; k < at + name.size(); ++k) free = free && !used[k];
        if (!free) continue;
        for (size_t k = at; k < at + name.size(); ++k) used[k] = true;
        out.push_back(
            code::ActorMention{code, name, {static_cast<int32_t>(at), static_cast<int32_t>(at + name.size())}});
      }
    }
    return out;
  };
}

// Events of one sentence, each given by its verb's words (first occurrence).
struct Coded {
  std::vector<Event> events;
  std::vector<EventInSentence> located;
};

inline Coded RunSentence(const std::string& sentence, const std::vector<std::string>& verbs, ActorFinder finder = {},
                         Date doc = kDocDate, const std::vector<std::string>& roots = {}) {
  Coded c;
  c.events.resize(verbs.size());
  for (size_t i = 0; i < verbs.size(); ++i) {
    Event& e = c.events[i];
    e.date = doc;
    e.sentence = sentence;
    e.verb_text = verbs[i];
    if (i < roots.size()) {
      e.root_code = roots[i];
      e.event_code = roots[i] + "0";
    }
    size_t at = sentence.find(verbs[i]);
    EXPECT_NE(at, std::string::npos) << verbs[i];
    code::ByteSpan span;
    if (at != std::string::npos) span = {static_cast<int32_t>(at), static_cast<int32_t>(at + verbs[i].size())};
    c.located.push_back(EventInSentence{&e, {}, span, {}});
  }
  SentenceContext ctx{sentence, doc, std::move(finder)};
  SharedEnricher().Enrich(ctx, c.located);
  return c;
}

inline Event One(const std::string& sentence, const std::string& verb, ActorFinder finder = {}, Date doc = kDocDate,
                 const std::string& root = "") {
  std::vector<std::string> roots;
  if (!root.empty()) roots.push_back(root);
  return RunSentence(sentence, {verb}, std::move(finder), doc, roots).events[0];
}

}  // namespace dyad::enrich::testing

#endif  // DYAD_TESTS_UNIT_ENRICH_TEST_UTIL_H_
