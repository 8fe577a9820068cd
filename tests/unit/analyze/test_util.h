// Helpers shared by the analyze tests: the shipped data and hand-written events.
#ifndef DYAD_TESTS_UNIT_ANALYZE_TEST_UTIL_H_
#define DYAD_TESTS_UNIT_ANALYZE_TEST_UTIL_H_

#include <string>

#include <gtest/gtest.h>

#include "analyze/classify.h"
#include "analyze/model.h"
#include "dyad/event.h"
#include "store/store.h"

namespace dyad::analyze::testing {

inline std::string DataDir() { return std::string(DYAD_SOURCE_DIR) + "/data"; }
inline std::string RulesPath() { return DataDir() + "/rules/involvement.toml"; }
inline std::string ConflictPath() { return DataDir() + "/conflicts/russia-ukraine.toml"; }

// A fixture with the shipped rules, the Russia-Ukraine conflict and Belarus as X.
class BelarusInRussiaUkraine : public ::testing::Test {
 protected:
  void SetUp() override {
    Status s = LoadRules(RulesPath(), &rules_);
    ASSERT_TRUE(s.ok()) << s.message();
    s = LoadConflict(ConflictPath(), &conflict_);
    ASSERT_TRUE(s.ok()) << s.message();
    x_ = {"BLR", "Belarus", "belarusian"};
  }
  RuleSet rules_;
  Conflict conflict_;
  Subject x_;
};

inline Event MakeEvent(const std::string& source, const std::string& code, const std::string& target,
                       const std::string& sentence, Date date = Date{2022, 2, 24}) {
  Event e;
  e.source = source;
  e.event_code = code;
  e.root_code = code.substr(0, 2);
  e.target = target;
  e.sentence = sentence;
  e.date = date;
  e.date_end = date;
  return e;
}

inline Place Country(const std::string& iso3, const std::string& name) {
  Place p;
  p.name = name;
  p.country = iso3;
  p.feature = "country";
  return p;
}

inline store::StoredEvent Stored(int64_t id, const Event& e, const std::string& doc_source,
                                 const std::string& url) {
  store::StoredEvent s;
  s.id = id;
  s.event = e;
  s.doc_source = doc_source;
  s.doc_url = url;
  s.doc_title = "Title of " + url;
  s.doc_date = e.date;
  return s;
}

}  // namespace dyad::analyze::testing

#endif  // DYAD_TESTS_UNIT_ANALYZE_TEST_UTIL_H_
