// Writes the corpus of the end-to-end `dyad code` benchmark (docs/PERFORMANCE.md, headline):
// JSONL documents of 3-8 paragraphs drawn (seeded, with repetition) from the bodies of the
// bundled sample articles (data/samples, our own writing), until the documents hold at least
// --sentences sentences as the engine splits them. Prints the exact number of documents and
// sentences written, counted with the engine's own split (Engine::Code's sentences).
//
//   dyad_make_code_corpus --out FILE [--sentences 200000] [--seed 1]
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
  uint64_t seed = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (i + 1 >= argc) return Fail("missing value for " + flag);
    const char* value = argv[++i];
    if (flag == "--out") out_path = value;
    else if (flag == "--sentences") want = std::atoll(value);
    else if (flag == "--seed") seed = std::strtoull(value, nullptr, 10);
    else return Fail("unknown flag " + flag + " (--out FILE --sentences N --seed N)");
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

  std::mt19937_64 rng(seed);
  std::ofstream out(out_path, std::ios::binary);
  int64_t sentences = 0, documents = 0, bytes = 0;
  std::vector<dyad::Event> events;
  std::vector<dyad::CodedSentence> coded;
  while (sentences < want) {
    dyad::Document doc;
    doc.id = "corpus-" + std::to_string(documents);
    const int n = 3 + static_cast<int>(rng() % 6);
    for (int p = 0; p < n; ++p) {
      if (p) doc.text += "\n\n";
      doc.text += paragraphs[rng() % paragraphs.size()];
    }
    doc.date = dyad::Date{2022, 2, 1}.AddDays(static_cast<int64_t>(rng() % 900));
    events.clear();
    if (auto s = engine->Code(doc, &events, &coded); !s.ok()) return Fail(s.message());
    sentences += static_cast<int64_t>(coded.size());
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
  std::printf("%s: %lld documents, %lld sentences (the engine's split), %.1f MB of text\n", out_path.c_str(),
              static_cast<long long>(documents), static_cast<long long>(sentences), bytes / 1e6);
  return 0;
}
