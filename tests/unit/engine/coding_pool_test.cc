// CodingPool hands back every document's events in input order, the same as coding them one
// after another, whatever the thread count and batch size; failures come back in their place.
#include "engine/coding_pool.h"

#include <memory>
#include <string>
#include <vector>

#include "bundled_engine.h"
#include "gtest/gtest.h"

namespace dyad {
namespace {

// Documents from memory; "!bad" is a per-document read error, "!stop" an error the input cannot
// go on after.
class ScriptedReader : public DocumentReader {
 public:
  explicit ScriptedReader(std::vector<std::string> texts) : texts_(std::move(texts)) {}
  Status Next(Document* doc, bool* done) override {
    *done = false;
    if (at_ == texts_.size()) {
      *done = true;
      return Status::Ok();
    }
    const std::string& text = texts_[at_];
    *doc = Document();
    doc->id = "d" + std::to_string(at_++);
    if (text == "!bad") return Status::Error(doc->id + ": unreadable");
    if (text == "!stop") {
      *done = true;
      return Status::Error(doc->id + ": input broken");
    }
    doc->text = text;
    doc->date = *Date::Parse("2024-05-01");
    return Status::Ok();
  }
  InputFormat format() const override { return InputFormat::kJsonl; }

 private:
  std::vector<std::string> texts_;
  size_t at_ = 0;
};

class CodingPoolTest : public BundledEngineTest {
 protected:
  // What the pool hands back, one line per document: its id and events, or the error.
  static std::string Run(const std::vector<std::string>& texts, int threads, size_t batch, Status* status) {
    ScriptedReader reader(texts);
    CodingPool pool(*engine_, threads, batch);
    std::string out;
    *status = pool.Run(
        reader,
        [&](const Document& doc, const std::vector<Event>& events, const std::string& text) {
          out += doc.id + ":";
          for (const Event& e : events) out += " " + e.source + "/" + e.target + "/" + e.event_code;
          out += " [" + text + "]\n";
        },
        [&](const std::string& error) { out += "error " + error + "\n"; },
        [](const Document& doc, const std::vector<Event>& events, std::string* text) {
          *text = doc.id + "#" + std::to_string(events.size());
        });
    return out;
  }
};

std::vector<std::string> Texts() {
  std::vector<std::string> texts;
  const char* kSentences[] = {"Russian troops shelled Kharkiv on Monday.", "Belarus condemned Lithuania.",
                              "The weather was fine.", "Ukraine accused Russia of shelling Kyiv."};
  for (int i = 0; i < 23; ++i) texts.push_back(i == 5 || i == 17 ? "!bad" : kSentences[i % 4]);
  return texts;
}

TEST_F(CodingPoolTest, HandsBackTheSequentialResultInInputOrder) {
  Status status;
  const std::string expected = Run(Texts(), 1, 1000, &status);
  ASSERT_TRUE(status.ok());
  EXPECT_NE(expected.find("d0: RUSMIL/UKR"), std::string::npos) << expected;
  EXPECT_NE(expected.find("error d5: unreadable\nd6:"), std::string::npos) << expected;
  EXPECT_NE(expected.find("d22:"), std::string::npos);
  for (int threads : {1, 2, 3})
    for (size_t batch : {1, 2, 3, 7, 22, 23, 24}) {
      EXPECT_EQ(Run(Texts(), threads, batch, &status), expected) << threads << " threads, batch " << batch;
      EXPECT_TRUE(status.ok());
    }
}

TEST_F(CodingPoolTest, DocumentsReadBeforeABrokenInputAreHandedBack) {
  std::vector<std::string> texts = Texts();
  texts.insert(texts.begin() + 10, "!stop");
  for (int threads : {1, 2})
    for (size_t batch : {1, 4, 100}) {
      Status status;
      const std::string out = Run(texts, threads, batch, &status);
      EXPECT_FALSE(status.ok());
      EXPECT_EQ(status.message(), "d10: input broken");
      EXPECT_NE(out.find("d9:"), std::string::npos) << threads << " threads, batch " << batch << "\n" << out;
      EXPECT_EQ(out.find("d11"), std::string::npos);
    }
  Status status;
  EXPECT_EQ(Run({}, 2, 4, &status), "");
  EXPECT_TRUE(status.ok());
}

}  // namespace
}  // namespace dyad
