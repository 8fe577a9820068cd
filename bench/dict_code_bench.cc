// Benchmarks of the dict and code stages with the production dictionaries (read in place from
// ${DYAD_SHARED_DIR}/anchors; the benchmarks report an error when the folder is absent).
//   dict_code_bench --benchmark_filter=Load     dictionary load time
//   dict_code_bench --benchmark_filter=Code     Code() per sentence, one thread
#include <benchmark/benchmark.h>

#include <fstream>
#include <string>
#include <vector>

#include "code/coder.h"
#include "dict/dictionary.h"
#include "dict/tabari_records.h"

namespace {

const std::string kShared = DYAD_SHARED_DIR;

dyad::dict::LoadOptions ProductionOptions() {
  dyad::dict::LoadOptions o;
  o.paths = {kShared + "/anchors/tabari/dictionaries/CAMEO.091003.master.verbs",
             kShared + "/anchors/petrarch2/dictionaries/Phoenix.Countries.actors.txt",
             kShared + "/anchors/petrarch2/dictionaries/Phoenix.International.actors.txt",
             kShared + "/anchors/petrarch2/dictionaries/Phoenix.MilNonState.actors.txt",
             kShared + "/anchors/tabari/dictionaries/PSU.120522.agents"};
  return o;
}

// Sentences: the TABARI validation records' text (comments stripped).
std::vector<std::string> Sentences() {
  std::vector<std::string> out;
  std::ifstream in(kShared + "/anchors/tabari/validation/Validate.text");
  dyad::dict::TabariRecordReader reader(in, {});
  dyad::dict::TabariRecord r;
  while (reader.Next(&r)) out.push_back(dyad::dict::StripRecordComments(r.text));
  return out;
}

void BM_LoadProduction(benchmark::State& state) {
  for (auto _ : state) {
    std::shared_ptr<const dyad::dict::DictionarySet> d;
    dyad::Status s = dyad::dict::DictionarySet::Load(ProductionOptions(), &d);
    if (!s.ok()) {
      state.SkipWithError(s.message().c_str());
      return;
    }
    benchmark::DoNotOptimize(d);
  }
}
BENCHMARK(BM_LoadProduction)->Unit(benchmark::kMillisecond);

void BM_CodeSentence(benchmark::State& state) {
  std::shared_ptr<const dyad::dict::DictionarySet> d;
  dyad::Status s = dyad::dict::DictionarySet::Load(ProductionOptions(), &d);
  std::vector<std::string> sentences = Sentences();
  if (!s.ok() || sentences.empty()) {
    state.SkipWithError(s.ok() ? "no sentences" : s.message().c_str());
    return;
  }
  dyad::code::Coder coder(d);
  size_t i = 0, events = 0;
  for (auto _ : state) {
    auto r = coder.Code(sentences[i], dyad::Date{2024, 3, 1});
    events += r.events.size();
    if (++i == sentences.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["events"] = static_cast<double>(events);
}
BENCHMARK(BM_CodeSentence);

}  // namespace

BENCHMARK_MAIN();
