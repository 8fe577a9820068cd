// Whole-pipeline benchmark: codes >= 200,000 sentences built from the anchors'
// texts with the production dictionaries, first checking the output against a
// reference, then timing one thread and two threads.
//
//   dyad_pipeline_bench [--shared DIR] [--sentences N] [--enrich] [--repeat N]
//
// --repeat N times the 1-thread and 2-thread runs N times each (alternating) and reports each
// run and the fastest: on a shared machine the fastest run is the closest to a free core.
//
// Reference check: every distinct sentence is coded once on one thread; the
// timed runs must reproduce exactly the same events for every copy (same
// codes, actors and offsets), on one thread and on two.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "dict/tabari_records.h"
#include "dyad/engine.h"

namespace {

using Clock = std::chrono::steady_clock;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void AddUnique(std::vector<std::string>& out, std::unordered_set<std::string>& seen, std::string s) {
  size_t b = s.find_first_not_of(" \t\n");
  if (b == std::string::npos) return;
  s = s.substr(b, s.find_last_not_of(" \t\n") - b + 1);
  if (s.size() < 10 || !seen.insert(s).second) return;
  out.push_back(std::move(s));
}

// The anchors' sentences: TABARI validation records, PETRARCH-1 records, PLOVER gold texts.
std::vector<std::string> AnchorSentences(const std::string& shared) {
  std::vector<std::string> out;
  std::unordered_set<std::string> seen;
  for (const char* file : {"/anchors/tabari/validation/Validate.text", "/anchors/tabari/validation/TABARI.Demo.text"}) {
    std::ifstream in(shared + file);
    dyad::dict::TabariRecordReader::Options options;
    options.name = file;
    dyad::dict::TabariRecordReader reader(in, options);
    dyad::dict::TabariRecord record;
    while (reader.Next(&record)) AddUnique(out, seen, dyad::dict::StripRecordComments(record.text));
  }
  const std::string xml = ReadFile(shared + "/anchors/petrarch1/PETR.UnitTest.records.xml");
  for (size_t at = xml.find("<Text>"); at != std::string::npos; at = xml.find("<Text>", at)) {
    size_t end = xml.find("</Text>", at);
    if (end == std::string::npos) break;
    std::string text = xml.substr(at + 6, end - at - 6);
    for (char& c : text)
      if (c == '\n') c = ' ';
    AddUnique(out, seen, text);
    at = end;
  }
  auto plover = nlohmann::json::parse(ReadFile(shared + "/anchors/plover/PLOVER_GSR_dev.json"), nullptr, false);
  if (plover.is_array())
    for (const auto& r : plover)
      if (r.contains("text") && r["text"].is_string()) AddUnique(out, seen, r["text"].get<std::string>());
  return out;
}

uint64_t Fingerprint(const std::vector<dyad::Event>& events) {
  uint64_t h = 1469598103934665603ull;
  auto mix = [&h](const std::string& s) {
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    h = (h ^ 0xff) * 1099511628211ull;
  };
  for (const auto& e : events) {
    mix(e.source);
    mix(e.target);
    mix(e.event_code);
    mix(e.date.ToIso());
    mix(std::to_string(e.verb_span.begin) + ":" + std::to_string(e.source_span.begin) + ":" +
        std::to_string(e.target_span.begin));
  }
  return h;
}

// CPU time of the calling thread: unlike wall time, not inflated when other processes
// share the cores (the rate per CPU-second is what one free core would give).
double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

long PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

}  // namespace

int main(int argc, char** argv) {
  std::string shared = DYAD_SHARED_DIR;
  size_t target = 200000;
  bool enrich = false;
  int repeat = 1;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--shared") && i + 1 < argc) shared = argv[++i];
    else if (!std::strcmp(argv[i], "--sentences") && i + 1 < argc) target = std::stoul(argv[++i]);
    else if (!std::strcmp(argv[i], "--enrich")) enrich = true;
    else if (!std::strcmp(argv[i], "--repeat") && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
    else {
      std::fprintf(stderr, "usage: %s [--shared DIR] [--sentences N] [--enrich] [--repeat N]\n", argv[0]);
      return 2;
    }
  }
  const std::string dicts = shared + "/anchors";
  dyad::EngineOptions options;
  options.dictionaries = {dicts + "/tabari/dictionaries/CAMEO.091003.master.verbs",
                          dicts + "/petrarch2/dictionaries/Phoenix.Countries.actors.txt",
                          dicts + "/petrarch2/dictionaries/Phoenix.International.actors.txt",
                          dicts + "/petrarch2/dictionaries/Phoenix.MilNonState.actors.txt",
                          dicts + "/tabari/dictionaries/PSU.120522.agents"};
  options.enrich = enrich;
  auto load_start = Clock::now();
  std::unique_ptr<dyad::Engine> engine;
  if (auto s = dyad::Engine::Create(options, &engine); !s.ok()) {
    std::fprintf(stderr, "dyad_pipeline_bench: %s\n", s.message().c_str());
    return 1;
  }
  double load_s = std::chrono::duration<double>(Clock::now() - load_start).count();

  const std::vector<std::string> unique = AnchorSentences(shared);
  if (unique.empty()) {
    std::fprintf(stderr, "dyad_pipeline_bench: no anchor sentences under %s\n", shared.c_str());
    return 1;
  }
  // One document per sentence (as TABARI records are), dated like the records.
  std::vector<dyad::Document> docs(target);
  for (size_t i = 0; i < target; ++i) {
    docs[i].id = std::to_string(i);
    docs[i].date = dyad::Date{2024, 3, 25};
    docs[i].text = unique[i % unique.size()];
  }
  // Reference: each distinct sentence once.
  std::vector<uint64_t> reference(unique.size());
  size_t reference_events = 0;
  for (size_t i = 0; i < unique.size(); ++i) {
    std::vector<dyad::Event> events;
    if (auto s = engine->Code(docs[i], &events); !s.ok()) {
      std::fprintf(stderr, "dyad_pipeline_bench: %s\n", s.message().c_str());
      return 1;
    }
    reference[i] = Fingerprint(events);
    reference_events += events.size();
  }

  auto run = [&](int threads, double* seconds, double* cpu_seconds, size_t* events_out) {
    std::vector<uint64_t> got(target);
    std::atomic<size_t> next{0}, events{0};
    std::atomic<int64_t> cpu_ns{0};
    auto work = [&] {
      const double cpu_start = ThreadCpuSeconds();
      std::vector<dyad::Event> out;
      size_t local = 0;
      for (size_t i = next.fetch_add(1024); i < target; i = next.fetch_add(1024)) {
        for (size_t j = i; j < std::min(target, i + 1024); ++j) {
          out.clear();
          (void)engine->Code(docs[j], &out);
          got[j] = Fingerprint(out);
          local += out.size();
        }
      }
      events += local;
      cpu_ns += static_cast<int64_t>((ThreadCpuSeconds() - cpu_start) * 1e9);
    };
    auto start = Clock::now();
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    *seconds = std::chrono::duration<double>(Clock::now() - start).count();
    *cpu_seconds = static_cast<double>(cpu_ns.load()) * 1e-9;
    *events_out = events;
    size_t mismatches = 0;
    for (size_t i = 0; i < target; ++i) mismatches += got[i] != reference[i % unique.size()];
    return mismatches;
  };
  double s1 = 0, s2 = 0, c1 = 0, c2 = 0;
  size_t e1 = 0, e2 = 0, bad1 = 0, bad2 = 0;
  std::vector<std::string> runs;
  for (int r = 0; r < repeat; ++r) {
    double rs1 = 0, rs2 = 0, rc1 = 0, rc2 = 0;
    bad1 += run(1, &rs1, &rc1, &e1);
    bad2 += run(2, &rs2, &rc2, &e2);
    char line[200];
    std::snprintf(line, sizeof line, "run %d: 1 thread %.0f sentences/s (%.0f per CPU-second), 2 threads %.0f (%.2fx)\n",
                  r + 1, target / rs1, target / rc1, target / rs2, rs1 / rs2);
    runs.push_back(line);
    if (r == 0 || rs1 < s1) {
      s1 = rs1;
      c1 = rc1;
    }
    if (r == 0 || rs2 < s2) {
      s2 = rs2;
      c2 = rc2;
    }
  }
  if (repeat > 1)
    for (const auto& line : runs) std::fputs(line.c_str(), stdout);
  std::printf("dictionaries: production TABARI verbs + Phoenix actors + PSU agents, loaded in %.3f s\n", load_s);
  std::printf("corpus: %zu sentences (%zu distinct from the anchors), enrich %s\n", target, unique.size(),
              enrich ? "on" : "off");
  std::printf("reference check: %zu distinct sentences -> %zu events; mismatches: 1 thread %zu, 2 threads %zu\n",
              unique.size(), reference_events, bad1, bad2);
  if (repeat > 1) std::printf("fastest of %d runs:\n", repeat);
  std::printf("1 thread:  %.3f s, %.0f sentences/s, %zu events; CPU %.3f s, %.0f sentences per CPU-second\n", s1,
              target / s1, e1, c1, target / c1);
  std::printf("2 threads: %.3f s, %.0f sentences/s, %zu events (speed-up %.2fx); CPU %.3f s in all, %.0f sentences per "
              "CPU-second per thread\n",
              s2, target / s2, e2, s1 / s2, c2, target / c2);
  std::printf("peak memory: %ld MB\n", PeakRssMb());
  return bad1 || bad2 ? 1 : 0;
}
