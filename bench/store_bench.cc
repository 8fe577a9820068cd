// Store benchmark (plain program): fills a database with synthetic events up to
// --prefill events, measures `dyad events`-style query latency (actor + date
// range) on it, then ingests a generated corpus end to end (JSONL reader ->
// engine on --threads workers -> single writer) into the same database.
//
//   dyad_store_bench [--db PATH] [--prefill N] [--docs N] [--threads N] [--queries N]
//                    [--reuse PATH] [--batch N]
//
// --reuse PATH keeps a pristine prefilled database at PATH: the first run fills
// it, later runs copy it to --db instead of prefilling again (about a minute
// for 1M events), so every run ingests into the same starting state.
//
// Verifies before timing: the query plan uses the events_source/events_target
// indexes, and the ingest stores every generated document.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "dyad/engine.h"
#include "dyad/reader.h"
#include "segment/segment.h"
#include "store/ingest.h"
#include "store/store.h"

namespace {

using Clock = std::chrono::steady_clock;
double Since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

int Fail(const std::string& m) {
  std::fprintf(stderr, "store_bench: %s\n", m.c_str());
  return 1;
}

const char* kActors[] = {"BLR",    "BLRGOV", "BLRMIL", "BLROPP", "RUS",    "RUSGOV", "RUSMIL",
                         "UKR",    "UKRGOV", "UKRMIL", "UKRCVL", "USA",    "USAGOV", "POL",
                         "POLGOV", "LTU",    "LVA",    "DEU",    "FRA",    "GBR",    "CHN",
                         "IGOUNO", "IGONAT", "IGOEUREEC", "NGOHRI", "SYR", "IRN",   "TUR",
                         "GEO",    "KAZ",    "ARM",    "AZE",    "MDA",    "ISR",    "PSE"};
const char* kCodes[] = {"010", "020", "036", "040", "042", "043", "051", "057", "061", "070",
                        "111", "112", "120", "130", "138", "141", "150", "163", "172", "173",
                        "180", "190", "193", "194", "195"};

// Adds synthetic documents (10 events each) until the current coding has `target` events.
int Prefill(dyad::store::Store& db, int64_t target, const std::string& hash) {
  dyad::store::Stats stats;
  if (auto s = db.GetStats(&stats); !s.ok()) return Fail(s.message());
  if (stats.events >= target) {
    std::printf("prefill: database already holds %lld events\n", static_cast<long long>(stats.events));
    return 0;
  }
  std::mt19937_64 rng(42);
  const int64_t docs = (target - stats.events + 9) / 10;
  auto t0 = Clock::now();
  const size_t na = sizeof(kActors) / sizeof(kActors[0]), nc = sizeof(kCodes) / sizeof(kCodes[0]);
  if (auto s = db.Begin(); !s.ok()) return Fail(s.message());
  for (int64_t d = 0; d < docs; ++d) {
    dyad::Document doc;
    doc.id = "prefill-" + std::to_string(stats.documents + d);
    doc.text = "Synthetic prefill document " + doc.id + " number " + std::to_string(rng()) + ".";
    doc.date = dyad::Date{2014, 1, 1}.AddDays(static_cast<int64_t>(rng() % 3900));
    doc.source = "bench";
    std::vector<dyad::Event> events(10);
    for (int i = 0; i < 10; ++i) {
      dyad::Event& e = events[i];
      e.sentence_index = 0;
      e.sentence = doc.text;
      e.sentence_span = {0, static_cast<int64_t>(doc.text.size())};
      e.date = doc.date.AddDays(-static_cast<int64_t>(rng() % 3));
      e.source = kActors[rng() % na];
      e.target = kActors[rng() % na];
      e.event_code = kCodes[rng() % nc];
      e.root_code = e.event_code.substr(0, 2);
      e.verb_span = {10, 20};
    }
    dyad::store::AddResult r;
    if (auto s = db.AddDocument(doc, {}, events, hash, {}, &r); !s.ok()) return Fail(s.message());
    if ((d + 1) % 2000 == 0) {
      if (auto s = db.Commit(); !s.ok()) return Fail(s.message());
      if (auto s = db.Begin(); !s.ok()) return Fail(s.message());
    }
  }
  if (auto s = db.Commit(); !s.ok()) return Fail(s.message());
  std::printf("prefill: %lld documents, %lld events in %.1f s (store only: %.0f events/s)\n",
              static_cast<long long>(docs), static_cast<long long>(docs * 10), Since(t0),
              docs * 10 / Since(t0));
  return 0;
}

int Queries(dyad::store::Store& db, int runs) {
  struct Case {
    const char* name;
    dyad::store::EventQuery q;
  };
  std::vector<Case> cases;
  dyad::store::EventQuery q;
  q.actor = "BLR";
  q.from = dyad::Date{2022, 1, 1};
  q.to = dyad::Date{2022, 12, 31};
  q.limit = 100;
  cases.push_back({"actor BLR + 2022, limit 100 (dyad events default)", q});
  q.limit = 0;
  cases.push_back({"actor BLR + 2022, all rows", q});
  dyad::store::EventQuery s;
  s.source = "BLRMIL";
  s.from = dyad::Date{2020, 1, 1};
  s.to = dyad::Date{2024, 12, 31};
  cases.push_back({"source BLRMIL + 2020..2024, all rows", s});
  for (const Case& c : cases) {
    std::string plan;
    if (auto st = db.ExplainQuery(c.q, &plan); !st.ok()) return Fail(st.message());
    if (plan.find("events_source") == std::string::npos) return Fail("plan does not use events_source:\n" + plan);
    std::vector<double> ms;
    size_t rows = 0;
    for (int i = 0; i < runs; ++i) {
      std::vector<dyad::store::StoredEvent> out;
      auto t0 = Clock::now();
      if (auto st = db.QueryEvents(c.q, &out); !st.ok()) return Fail(st.message());
      ms.push_back(Since(t0) * 1000);
      rows = out.size();
    }
    std::sort(ms.begin(), ms.end());
    std::printf("query %-52s %6zu rows  median %7.2f ms  p95 %7.2f ms\n", c.name, rows, ms[ms.size() / 2],
                ms[std::min(ms.size() - 1, ms.size() * 95 / 100)]);
  }
  return 0;
}

// A JSONL corpus of `n` documents of 20-40 sentences drawn from the bundled samples.
int WriteCorpus(const std::string& path, int n, int64_t seed) {
  std::vector<std::string> pool;
  for (const auto& entry : std::filesystem::directory_iterator(DYAD_DATA_DIR "/samples")) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path());
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    size_t body = text.find("\n\n");
    if (body != std::string::npos) text = text.substr(body + 2);
    for (const auto& span : dyad::segment::SplitSentences(text)) {
      std::string sentence = text.substr(span.begin, span.end - span.begin);
      std::replace(sentence.begin(), sentence.end(), '\n', ' ');
      if (sentence.size() > 30) pool.push_back(sentence);
    }
  }
  if (pool.size() < 40) return Fail("too few sample sentences in " DYAD_DATA_DIR "/samples");
  std::mt19937_64 rng(static_cast<uint64_t>(seed));
  std::ofstream out(path);
  for (int d = 0; d < n; ++d) {
    int sentences = 20 + static_cast<int>(rng() % 21);
    std::string text;
    for (int i = 0; i < sentences; ++i) {
      if (i) text += i % 5 == 0 ? "\n\n" : " ";
      text += pool[rng() % pool.size()];
    }
    dyad::Date date = dyad::Date{2022, 2, 1}.AddDays(static_cast<int64_t>(rng() % 900));
    nlohmann::json j = {{"id", "bench-" + std::to_string(seed) + "-" + std::to_string(d)},
                        {"date", date.ToIso()},
                        {"source", "bench"},
                        {"url", "https://example.org/bench/" + std::to_string(seed) + "/" + std::to_string(d)},
                        {"title", "Bench document " + std::to_string(d)},
                        {"text", text}};
    out << j.dump() << '\n';
  }
  return out ? 0 : Fail("cannot write " + path);
}

struct IoCounters {
  double wchar = 0;
  int64_t syscw = 0;
};
// Bytes this process handed to write() and pwrite() (and how many calls), from /proc/self/io.
IoCounters ReadIo() {
  IoCounters c;
  std::ifstream in("/proc/self/io");
  std::string key;
  double value = 0;
  while (in >> key >> value) {
    if (key == "wchar:") c.wchar = value;
    if (key == "syscw:") c.syscw = static_cast<int64_t>(value);
  }
  return c;
}

double ProcessCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

int IngestCorpus(dyad::store::Store& db, const dyad::Engine* engine, const std::string& corpus, int threads,
                 int batch, int expected) {
  const dyad::Engine* coder = engine;
  dyad::store::CodeFunction code = [coder](const dyad::Document& doc, std::vector<dyad::store::Sentence>* sentences,
                                           std::vector<dyad::Event>* events) -> dyad::Status {
    thread_local std::vector<dyad::CodedSentence> coded;
    if (auto s = coder->Code(doc, events, &coded); !s.ok()) return s;
    sentences->clear();
    for (auto& c : coded) sentences->push_back({c.index, c.span, std::move(c.text)});
    return dyad::Status::Ok();
  };
  dyad::store::IngestOptions options;
  options.threads = threads;
  options.batch_size = static_cast<size_t>(batch);
  auto t0 = Clock::now();
  const double cpu0 = ProcessCpuSeconds();
  const IoCounters io0 = ReadIo();
  dyad::store::Ingester ingester(&db, code, engine->dictionary_hash(), options);
  if (auto s = ingester.Start(); !s.ok()) return Fail(s.message());
  std::unique_ptr<dyad::DocumentReader> reader;
  if (auto s = dyad::DocumentReader::Open(corpus, dyad::InputFormat::kJsonl, {}, &reader); !s.ok())
    return Fail(s.message());
  while (true) {
    dyad::Document doc;
    bool done = false;
    auto s = reader->Next(&doc, &done);
    if (done) break;
    if (!s.ok()) return Fail(s.message());
    ingester.Add(std::move(doc));
  }
  dyad::store::IngestSummary summary;
  if (auto s = ingester.Finish(&summary); !s.ok()) return Fail(s.message());
  double seconds = Since(t0);
  if (summary.new_documents + summary.near_duplicates != expected) {
    return Fail("stored " + std::to_string(summary.new_documents) + " of " + std::to_string(expected) + " documents");
  }
  std::printf("ingest: %d documents (20-40 sentences), %lld events, %d threads: %.2f s = %.0f docs/s, %.0f events/s\n",
              expected, static_cast<long long>(summary.events), threads, seconds, expected / seconds,
              summary.events / seconds);
  const double cpu = ProcessCpuSeconds() - cpu0;
  const IoCounters io = ReadIo();
  std::printf("ingest: wrote %.0f MB (%.1f KB/doc), %lld write calls; writer busy %.2f s wall\n",
              (io.wchar - io0.wchar) / 1e6, (io.wchar - io0.wchar) / 1e3 / expected,
              static_cast<long long>(io.syscw - io0.syscw), summary.writer_seconds);
  std::printf("ingest: CPU %.2f s in all (%.2f ms/doc): writer %.2f s (%.2f ms/doc), coding workers %.2f s "
              "(%.2f ms/doc); %.0f docs/s if the 2 cores were ours alone\n",
              cpu, 1000 * cpu / expected, summary.writer_cpu_seconds, 1000 * summary.writer_cpu_seconds / expected,
              summary.worker_cpu_seconds, 1000 * summary.worker_cpu_seconds / expected,
              expected / std::max(cpu / 2, summary.writer_cpu_seconds));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string db_path = "/tmp/dyad_store_bench.db";
  int64_t prefill = 1000000;
  std::string reuse;
  int docs = 3000, threads = 2, runs = 21, batch = static_cast<int>(dyad::store::IngestOptions().batch_size);
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--db") db_path = argv[i + 1];
    else if (flag == "--prefill") prefill = std::atoll(argv[i + 1]);
    else if (flag == "--docs") docs = std::atoi(argv[i + 1]);
    else if (flag == "--threads") threads = std::atoi(argv[i + 1]);
    else if (flag == "--queries") runs = std::atoi(argv[i + 1]);
    else if (flag == "--reuse") reuse = argv[i + 1];
    else if (flag == "--batch") batch = std::atoi(argv[i + 1]);
    else return Fail("unknown flag " + flag);
  }
  std::unique_ptr<dyad::Engine> engine;
  if (auto s = dyad::Engine::Create({}, &engine); !s.ok()) return Fail(s.message());
  if (!reuse.empty()) {
    namespace fs = std::filesystem;
    if (reuse == db_path) return Fail("--reuse and --db must differ");
    if (!fs::exists(reuse)) {
      std::unique_ptr<dyad::store::Store> pristine;
      if (auto s = dyad::store::Store::Open(reuse, {}, &pristine); !s.ok()) return Fail(s.message());
      if (auto s = pristine->SetCurrentCoding(engine->dictionary_hash(), ""); !s.ok()) return Fail(s.message());
      if (int rc = Prefill(*pristine, prefill, engine->dictionary_hash())) return rc;
      pristine.reset();  // the last connection's close checkpoints the WAL into the file
    }
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_path + suffix, ec);
    auto t0 = Clock::now();
    fs::copy_file(reuse, db_path, ec);
    if (ec) return Fail("cannot copy " + reuse + " to " + db_path + ": " + ec.message());
    std::printf("reuse: copied %s to %s in %.1f s\n", reuse.c_str(), db_path.c_str(), Since(t0));
  }
  std::unique_ptr<dyad::store::Store> db;
  if (auto s = dyad::store::Store::Open(db_path, {}, &db); !s.ok()) return Fail(s.message());
  if (auto s = db->SetCurrentCoding(engine->dictionary_hash(), ""); !s.ok()) return Fail(s.message());
  if (int rc = Prefill(*db, prefill, engine->dictionary_hash())) return rc;
  if (int rc = Queries(*db, runs)) return rc;
  const std::string corpus = db_path + ".corpus.jsonl";
  const int64_t seed = static_cast<int64_t>(std::chrono::system_clock::now().time_since_epoch().count() % 1000000);
  if (int rc = WriteCorpus(corpus, docs, seed)) return rc;
  int rc = IngestCorpus(*db, engine.get(), corpus, threads, batch, docs);
  std::filesystem::remove(corpus);
  dyad::store::Stats stats;
  if (db->GetStats(&stats).ok()) {
    std::printf("database: %lld documents, %lld events (current coding), %lld other-coding events, %.0f MB\n",
                static_cast<long long>(stats.documents), static_cast<long long>(stats.events),
                static_cast<long long>(stats.other_coding_events),
                std::filesystem::file_size(db_path) / 1e6);
  }
  return rc;
}
