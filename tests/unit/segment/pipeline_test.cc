// read -> normalise -> sentences -> tokens on the seed article (read in place
// from shared/corpus; skipped when absent). Only structural facts are checked:
// the article's text is not copied into the repository.
#include <gtest/gtest.h>

#include <filesystem>

#include "dyad/reader.h"
#include "normalize/normalize.h"
#include "segment/segment.h"

namespace dyad {
namespace {

std::u32string Decode(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    int len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    for (int k = 1; k < len && i + k < s.size(); ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(c);
    i += len;
  }
  return out;
}

TEST(PipelineTest, SeedArticle) {
  std::string path = std::string(DYAD_SHARED_DIR) + "/corpus/role-of-belarus-in-the-war.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "seed article not found at " << path;
  std::unique_ptr<DocumentReader> reader;
  ASSERT_TRUE(DocumentReader::Open(path, InputFormat::kAuto, {}, &reader).ok());
  Document doc;
  bool done = false;
  Status s = reader->Next(&doc, &done);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_FALSE(done);
  EXPECT_EQ(doc.format, InputFormat::kText);

  normalize::NormalizedText norm;
  s = normalize::Normalize(doc.text, {}, &norm);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(norm.text.find("\u2019"), std::string::npos);  // curly apostrophes folded

  // The map points every ASCII letter and digit back to the same character of the original.
  std::u32string original = Decode(doc.text);
  ASSERT_EQ(norm.original_cp.back(), original.size());
  for (size_t i = 0; i < norm.text.size(); ++i) {
    char c = norm.text[i];
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      ASSERT_EQ(original[norm.OriginalCodePoint(i)], static_cast<char32_t>(c)) << "at byte " << i;
    }
  }

  std::vector<segment::SentenceSpan> sentences = segment::SplitSentences(norm.text);
  EXPECT_GE(sentences.size(), 35u);
  EXPECT_LE(sentences.size(), 60u);
  // The headline (no full stop) is a sentence of its own.
  std::string_view first(norm.text.data() + sentences[0].begin, sentences[0].end - sentences[0].begin);
  EXPECT_EQ(first.find('.'), std::string_view::npos);
  EXPECT_LT(first.size(), 80u);
  size_t tokens = 0;
  for (const auto& span : sentences) {
    std::string_view text(norm.text.data() + span.begin, span.end - span.begin);
    EXPECT_LE(text.size(), segment::kMaxSentenceBytes);
    EXPECT_FALSE(text[0] >= 'a' && text[0] <= 'z') << text;
    tokens += segment::Tokenize(text).size();
  }
  EXPECT_GT(tokens, 800u);

  ASSERT_TRUE(reader->Next(&doc, &done).ok());
  EXPECT_TRUE(done);
}

}  // namespace
}  // namespace dyad
