// Writes the corpus of the end-to-end `dyad code` benchmark (docs/PERFORMANCE.md, headline):
// JSONL documents of 3-8 paragraphs drawn (seeded, with repetition) from the bodies of the
// bundled sample articles (data/samples, our own writing), until the documents hold at least
// --sentences sentences as the engine splits them. Prints the exact number of documents and
// sentences written, counted with the engine's own split (Engine::Code's sentences).
//
//   dyad_make_code_corpus --out FILE [--sentences 200000] [--seed 1]
//   dyad_make_code_corpus --out FILE --docs 20000 --doc-sentences 10-30 [--seed 1]
//
// --docs N writes N documents instead (of any total); --doc-sentences A-B draws each document's
// length in sentences from A..B (paragraphs are added until it is reached; the last is dropped
// when it overshoots B and the rest hold A): wire-length documents for the ingest benchmark.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "dyad/engine.h"

namespace {

int Fail(const std::string& m) {
  std::fprintf(stderr, "make_code_corpus: %s\n", m.c_str());
  return 1;
}

// The body paragraphs (blank-line separated) of every sample article.
std::vector<std::string> SampleParagraphs(const std::string& dir) {
  std::vector<std::string> out;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    std::string body = text.str();
    const size_t header_end = body.find("\n\n");
    if (header_end == std::string::npos) continue;
    body = body.substr(header_end + 2);
    size_t at = 0;
    while (at < body.size()) {
      size_t end = body.find("\n\n", at);
      if (end == std::string::npos) end = body.size();
      std::string paragraph = body.substr(at, end - at);
      while (!paragraph.empty() && (paragraph.back() == '\n' || paragraph.back() == ' ')) paragraph.pop_back();
      if (!paragraph.empty()) out.push_back(paragraph);
      at = end + 2;
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string out_path;
  int64_t want = 200000;
  int64_t want_docs = 0;
  int min_sentences = 0, max_sentences = 0;
  uint64_t seed = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (i + 1 >= argc) return Fail("missing value for " + flag);
    const char* value = argv[++i];
    if (flag == "--out") out_path = value;
    else if (flag == "--sentences") want = std::atoll(value);
    else if (flag == "--seed") seed = std::strtoull(value, nullptr, 10);
    else if (flag == "--docs") want_docs = std::atoll(value);
    else if (flag == "--doc-sentences") {
      if (std::sscanf(value, "%d-%d", &min_sentences, &max_sentences) != 2 || min_sentences < 1 ||
          max_sentences < min_sentences)
        return Fail("--doc-sentences wants A-B with 1 <= A <= B, not " + std::string(value));
    } else {
      return Fail("unknown flag " + flag + " (--out FILE --sentences N --docs N --doc-sentences A-B --seed N)");
    }
  }
  if (out_path.empty()) return Fail("--out FILE is required");
  const auto paragraphs = SampleParagraphs(dyad::DefaultDataDir() + "/samples");
  if (paragraphs.size() < 10) return Fail("too few sample paragraphs in " + dyad::DefaultDataDir() + "/samples");

  // Counting only: the split is the same with enrichment and coreference off.
  dyad::EngineOptions options;
  options.enrich = false;
  options.coreference = false;
  std::unique_ptr<dyad::Engine> engine;
  if (auto s = dyad::Engine::Create(options, &engine); !s.ok()) return Fail(s.message());

  std::vector<dyad::Event> events;
  std::vector<dyad::CodedSentence> coded;
  // Sentences per paragraph (the engine's split), for --doc-sentences.
  std::vector<int> paragraph_sentences;
  if (min_sentences > 0) {
    for (const std::string& p : paragraphs) {
      dyad::Document doc;
      doc.text = p;
      if (auto s = engine->Code(doc, &events, &coded); !s.ok()) return Fail(s.message());
      paragraph_sentences.push_back(static_cast<int>(coded.size()));
    }
  }

  std::mt19937_64 rng(seed);
  std::ofstream out(out_path, std::ios::binary);
  int64_t sentences = 0, documents = 0, bytes = 0;
  int64_t shortest = 0, longest = 0;
  while (want_docs > 0 ? documents < want_docs : sentences < want) {
    dyad::Document doc;
    doc.id = "corpus-" + std::to_string(documents);
    if (min_sentences > 0) {
      const int target = min_sentences + static_cast<int>(rng() % static_cast<uint64_t>(max_sentences - min_sentences + 1));
      int have = 0;
      std::string text;
      while (have < target) {
        const size_t p = rng() % paragraphs.size();
        if (have + paragraph_sentences[p] > max_sentences && have >= min_sentences) break;
        if (!text.empty()) text += "\n\n";
        text += paragraphs[p];
        have += paragraph_sentences[p];
      }
      doc.text = std::move(text);
    } else {
      const int n = 3 + static_cast<int>(rng() % 6);
      for (int p = 0; p < n; ++p) {
        if (p) doc.text += "\n\n";
        doc.text += paragraphs[rng() % paragraphs.size()];
      }
    }
    doc.date = dyad::Date{2022, 2, 1}.AddDays(static_cast<int64_t>(rng() % 900));
    events.clear();
    if (auto s = engine->Code(doc, &events, &coded); !s.ok()) return Fail(s.message());
    sentences += static_cast<int64_t>(coded.size());
    const int64_t n = static_cast<int64_t>(coded.size());
    shortest = documents == 0 ? n : std::min(shortest, n);
    longest = std::max(longest, n);
    bytes += static_cast<int64_t>(doc.text.size());
    nlohmann::json j = {{"id", doc.id},
                        {"date", doc.date.ToIso()},
                        {"source", "Dyad Sample Wire"},
                        {"url", "https://example.org/corpus/" + std::to_string(documents)},
                        {"title", "Corpus document " + std::to_string(documents)},
                        {"text", doc.text}};
    out << j.dump() << '\n';
    ++documents;
  }
  out.close();
  if (!out) return Fail("cannot write " + out_path);
  std::printf("%s: %lld documents, %lld sentences (the engine's split; %lld-%lld per document), %.1f MB of text\n",
              out_path.c_str(), static_cast<long long>(documents), static_cast<long long>(sentences),
              static_cast<long long>(shortest), static_cast<long long>(longest), bytes / 1e6);
  return 0;
}
