// A test suite's engine with the bundled dictionaries, created once for the suite: text in,
// events out through the facade (dictionary classes, defence firms, reported speech).
#ifndef DYAD_TESTS_UNIT_ENGINE_BUNDLED_ENGINE_H_
#define DYAD_TESTS_UNIT_ENGINE_BUNDLED_ENGINE_H_

#include <memory>
#include <string>
#include <vector>

#include "dyad/engine.h"
#include "gtest/gtest.h"

namespace dyad {

class BundledEngineTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Status s = Engine::Create(EngineOptions{}, &engine_);
    ASSERT_TRUE(s.ok()) << s.message();
  }
  static void TearDownTestSuite() { engine_.reset(); }

  // The events of `text` coded as one document dated `date`.
  static std::vector<Event> CodeDated(const std::string& text, const char* date) {
    Document doc;
    doc.id = "t";
    doc.text = text;
    doc.date = *Date::Parse(date);
    std::vector<Event> events;
    Status s = engine_->Code(doc, &events);
    EXPECT_TRUE(s.ok()) << s.message();
    return events;
  }

  inline static std::unique_ptr<Engine> engine_;
};

}  // namespace dyad

#endif  // DYAD_TESTS_UNIT_ENGINE_BUNDLED_ENGINE_H_
