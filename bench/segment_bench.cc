// Normalise and segment throughput (Google Benchmark), in bytes per second.
// The input is synthetic news-like text (curly quotes, dashes, abbreviations,
// numbers); each benchmark first checks its output against the expected
// counts and reports an error instead of timing when they differ.
#include <benchmark/benchmark.h>

#include <string>

#include "normalize/normalize.h"
#include "segment/segment.h"

namespace {

constexpr int kParagraphs = 2000;

// 4 sentences per paragraph, paragraphs separated by blank lines.
std::string MakeText(bool unicode) {
  std::string para = unicode
      ? "Gen. Viktor Gulevich met U.S. officials in Minsk on Feb. 24, the ministry\u2019s statement said. "
        "\u201CWe will not attack,\u201D he told reporters \u2014 adding that 3.5 percent of troops had left. "
        "About 1,000 soldiers moved towards the border\u2026 Kyiv denied it!\n\n"
      : "Gen. Viktor Gulevich met U.S. officials in Minsk on Feb. 24, the ministry's statement said. "
        "\"We will not attack,\" he told reporters - adding that 3.5 percent of troops had left. "
        "About 1,000 soldiers moved towards the border... Kyiv denied it!\n\n";
  std::string text;
  for (int i = 0; i < kParagraphs; ++i) text += para;
  return text;
}

void BM_Normalize(benchmark::State& state) {
  const std::string text = MakeText(state.range(0) != 0);
  dyad::normalize::NormalizedText out;
  if (!dyad::normalize::Normalize(text, {}, &out).ok() || out.text != MakeText(false)) {
    state.SkipWithError("normalised text differs from the reference");
    return;
  }
  for (auto _ : state) {
    dyad::Status s = dyad::normalize::Normalize(text, {}, &out);
    benchmark::DoNotOptimize(s);
    benchmark::DoNotOptimize(out.text.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_Normalize)->Arg(0)->Arg(1)->ArgNames({"unicode"});

void BM_SplitSentences(benchmark::State& state) {
  const std::string text = MakeText(false);
  if (dyad::segment::SplitSentences(text).size() != 4u * kParagraphs) {
    state.SkipWithError("sentence count differs from the reference");
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(dyad::segment::SplitSentences(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_SplitSentences);

void BM_Tokenize(benchmark::State& state) {
  const std::string text = MakeText(false);
  const auto sentences = dyad::segment::SplitSentences(text);
  size_t tokens = 0;
  for (const auto& s : sentences) tokens += dyad::segment::Tokenize(std::string_view(text).substr(s.begin, s.end - s.begin)).size();
  if (tokens != 52u * kParagraphs) {
    state.SkipWithError(("token count " + std::to_string(tokens) + " differs from the reference").c_str());
    return;
  }
  for (auto _ : state) {
    for (const auto& s : sentences) {
      benchmark::DoNotOptimize(dyad::segment::Tokenize(std::string_view(text).substr(s.begin, s.end - s.begin)));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_Tokenize);

}  // namespace

BENCHMARK_MAIN();
