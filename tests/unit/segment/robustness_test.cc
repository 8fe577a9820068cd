// Deterministic random inputs through normalise -> split -> tokenize and the
// HTML extractor: the invariants the tests/fuzz harnesses check, run in every build.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "normalize/normalize.h"
#include "read/html_extract.h"
#include "segment/segment.h"

namespace dyad {
namespace {

std::string RandomText(std::mt19937& rng, size_t max_len) {
  static const std::vector<std::string> kPieces = {
      "a", "Minsk", " ", " ", "  ", ".", ". ", "!", "?", "\"", "'", "(", ")", "[", "]", "\n", "\n\n", "\r\n", "\t",
      "U.S.", "Gen.", "e.g.", "3.5", "1,000", "G.", "\u2019", "\u201C", "\u201D", "\u2014", "\u00A0", "\u200B",
      "e\u0301", "\u041C\u0456\u043D\u0441\u043A", "\U0001F600", "\xFF", "\xC3", "\xE2\x80", "\x01", "\x7F", "---",
      "Mr", "s", "'s", "n't", "-", ",", ";", "..."};
  std::uniform_int_distribution<size_t> len(0, max_len), pick(0, kPieces.size() - 1);
  std::string out;
  for (size_t n = len(rng), i = 0; i < n; ++i) out += kPieces[pick(rng)];
  return out;
}

TEST(RobustnessTest, NormalizeSplitTokenizeInvariants) {
  std::mt19937 rng(20261127);
  for (int iter = 0; iter < 3000; ++iter) {
    std::string input = RandomText(rng, iter < 2900 ? 60 : 2000);
    normalize::NormalizeOptions options;
    options.lenient = true;
    normalize::NormalizedText norm;
    ASSERT_TRUE(normalize::Normalize(input, options, &norm).ok());
    ASSERT_EQ(norm.original_cp.size(), norm.text.size() + 1);
    for (size_t i = 1; i < norm.original_cp.size(); ++i) ASSERT_LE(norm.original_cp[i - 1], norm.original_cp[i]);
    ASSERT_EQ(normalize::FindInvalidUtf8(norm.text), std::string_view::npos) << input;
    size_t prev_end = 0;
    for (const auto& s : segment::SplitSentences(norm.text)) {
      ASSERT_GE(s.begin, prev_end);
      ASSERT_GT(s.end, s.begin);
      ASSERT_LE(s.end, norm.text.size());
      ASSERT_LE(s.end - s.begin, segment::kMaxSentenceBytes);
      ASSERT_NE(norm.text[s.begin], ' ');
      ASSERT_NE(norm.text[s.end - 1], ' ');
      prev_end = s.end;
      std::string_view sentence(norm.text.data() + s.begin, s.end - s.begin);
      size_t prev_token = 0;
      for (const auto& t : segment::Tokenize(sentence)) {
        ASSERT_GE(t.begin, prev_token);
        ASSERT_GT(t.end, t.begin);
        ASSERT_LE(t.end, sentence.size());
        prev_token = t.end;
      }
    }
    // Raw (unnormalised, possibly invalid) text must not break the segmenter either.
    for (const auto& s : segment::SplitSentences(input)) ASSERT_LE(s.end, input.size());
    for (const auto& t : segment::Tokenize(input)) ASSERT_LE(t.end, input.size());
  }
}

TEST(RobustnessTest, HtmlExtractorOnRandomMarkup) {
  const read::HtmlBoilerplate* bp = nullptr;
  ASSERT_TRUE(read::HtmlBoilerplate::Default(DYAD_SOURCE_DIR "/data", &bp).ok());
  static const std::vector<std::string> kTags = {
      "<p>", "</p>", "<div class='share'>", "<div>", "</div>", "<article>", "</article>", "<main>", "</main>",
      "<h2>", "</h2>", "Contact us", "Kontakt oss", "<br>", "<script>", "</script>", "<nav>", "</nav>",
      "<time datetime='2024-01-02'>", "</time>", "&amp;", "&nbsp;", "<!--", "-->", "<", ">", "text ", "Minsk. ",
      "a@b.org ", "+47 22 33 44 55 ", "<table><tr><td>", "</td></tr></table>", "<meta property='og:title' content='T'>"};
  std::mt19937 rng(42);
  std::uniform_int_distribution<size_t> len(0, 80), pick(0, kTags.size() - 1);
  for (int iter = 0; iter < 1500; ++iter) {
    std::string html;
    for (size_t n = len(rng), i = 0; i < n; ++i) html += kTags[pick(rng)];
    read::HtmlArticle article;
    ASSERT_TRUE(read::ExtractHtml(html, *bp, &article).ok());
    ASSERT_EQ(normalize::FindInvalidUtf8(article.text), std::string_view::npos);
    ASSERT_EQ(article.text.find("\n\n\n"), std::string::npos) << html;
  }
}

}  // namespace
}  // namespace dyad
