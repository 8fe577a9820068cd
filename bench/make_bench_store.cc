// Writes a synthetic evidence store for the query benchmarks of docs/PERFORMANCE.md
// (`dyad events`, `dyad role` on a store of a million events). Nothing is coded: documents,
// sentences (with their full-text index) and events go straight through the Store API, so a
// store of 1M events takes a minute or two instead of a full ingest. The data are made up but
// shaped like a news corpus on the Russia-Ukraine war: one event per event sentence, a few
// sentences without events per document, reporters, places, negated and hypothetical events,
// and a small share of events involving Belarus (the subject of the role benchmark).
//
//   dyad_make_bench_store --db PATH [--events 1000000] [--docs 140000] [--seed 1]
//   dyad_make_bench_store --upgrade PATH
//
// PATH must not exist. Deterministic for a given seed. Prints what it wrote. --upgrade opens an
// existing store for writing once, which migrates an older schema (timed), and changes nothing else.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "dyad/event.h"
#include "store/store.h"

namespace {

using Clock = std::chrono::steady_clock;
double Since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

int Fail(const std::string& m) {
  std::fprintf(stderr, "make_bench_store: %s\n", m.c_str());
  return 1;
}

struct Actor {
  const char* code;
  const char* text;
  int weight;
};
// Belarus (BLR*) is about 1 in 50 of the actors drawn.
const Actor kActors[] = {
    {"RUSMIL", "Russian forces", 30},  {"RUSGOV", "the Kremlin", 14},        {"RUS", "Russia", 14},
    {"UKRMIL", "Ukrainian troops", 22}, {"UKRGOV", "the government in Kyiv", 10}, {"UKR", "Ukraine", 14},
    {"UKRCVL", "civilians", 6},        {"USAGOV", "Washington", 6},          {"POLGOV", "Warsaw", 3},
    {"DEU", "Germany", 4},             {"FRA", "France", 3},                 {"GBR", "Britain", 3},
    {"CHN", "China", 3},               {"IRN", "Iran", 3},                   {"PRK", "North Korea", 2},
    {"TUR", "Turkey", 2},              {"IGONAT", "NATO", 3},                {"IGOUNO", "the United Nations", 3},
    {"LTU", "Lithuania", 2},           {"BLRGOV", "Minsk", 1},               {"BLRMIL", "Belarusian troops", 1},
    {"BLR", "Belarus", 1},
};

struct Verb {
  const char* code;
  const char* past;
  double goldstein;
};
const Verb kVerbs[] = {
    {"010", "made a statement about", 0},       {"020", "appealed to", 3},
    {"036", "offered to meet", 4},              {"040", "held talks with", 1},
    {"043", "hosted a visit by", 2.8},          {"057", "signed an agreement with", 8},
    {"061", "cooperated militarily with", 6.4}, {"072", "supplied weapons to", 7.4},
    {"016", "denied the accusations of", -2},   {"111", "criticised", -2},
    {"112", "accused", -2},                     {"130", "threatened", -4.4},
    {"138", "threatened military force against", -7}, {"154", "massed troops near", -7.2},
    {"163", "imposed an embargo on", -8},       {"173", "arrested citizens of", -5},
    {"190", "fought", -10},                     {"193", "fought with small arms against", -10},
    {"194", "shelled", -10},                    {"195", "carried out air strikes on", -10},
};

struct City {
  const char* name;
  const char* country;
  int weight;
};
const City kCities[] = {
    {"Kyiv", "UKR", 10}, {"Kharkiv", "UKR", 10}, {"Mariupol", "UKR", 6}, {"Kherson", "UKR", 6},
    {"Belgorod", "RUS", 5}, {"Moscow", "RUS", 4}, {"Warsaw", "POL", 2}, {"Vilnius", "LTU", 1},
    {"Gomel", "BLR", 1}, {"Mazyr", "BLR", 1},
};

const char* kFiller[] = {
    "Officials gave no further details.",
    "The statement was published late in the evening.",
    "Analysts expected more talks in the coming weeks.",
    "The ministry did not answer questions from reporters.",
    "Independent verification was not possible.",
    "Fighting continued along much of the front line.",
    "Prices of fuel and grain rose again in the region.",
    "The report could not be confirmed by other sources.",
};

template <typename T, size_t N>
const T& Pick(const T (&items)[N], std::mt19937_64& rng) {
  int total = 0;
  for (const T& item : items) total += item.weight;
  int r = static_cast<int>(rng() % static_cast<uint64_t>(total));
  for (const T& item : items) {
    if (r < item.weight) return item;
    r -= item.weight;
  }
  return items[N - 1];
}

int QuadOfRoot(int root) {
  if (root <= 5) return 1;
  if (root <= 8) return 2;
  if (root <= 13) return 3;
  return 4;
}

}  // namespace

int main(int argc, char** argv) {
  std::string db_path, upgrade;
  int64_t total_events = 1000000, docs = 140000;
  uint64_t seed = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (i + 1 >= argc) return Fail("missing value for " + flag);
    const char* value = argv[++i];
    if (flag == "--db") db_path = value;
    else if (flag == "--upgrade") upgrade = value;
    else if (flag == "--events") total_events = std::atoll(value);
    else if (flag == "--docs") docs = std::atoll(value);
    else if (flag == "--seed") seed = std::strtoull(value, nullptr, 10);
    else return Fail("unknown flag " + flag + " (--db PATH --events N --docs N --seed N)");
  }
  if (!upgrade.empty()) {
    if (!std::filesystem::exists(upgrade)) return Fail(upgrade + ": no such file");
    const auto t0 = Clock::now();
    std::unique_ptr<dyad::store::Store> db;
    if (auto s = dyad::store::Store::Open(upgrade, {}, &db); !s.ok()) return Fail(s.message());
    db.reset();
    std::printf("%s: opened for writing (schema %d) in %.1f s\n", upgrade.c_str(), dyad::store::kSchemaVersion,
                Since(t0));
    return 0;
  }
  if (db_path.empty()) return Fail("--db PATH is required");
  if (docs <= 0 || total_events < 0) return Fail("--docs must be > 0 and --events >= 0");
  if (std::filesystem::exists(db_path)) return Fail(db_path + " exists: give a new file");

  std::unique_ptr<dyad::store::Store> db;
  if (auto s = dyad::store::Store::Open(db_path, {}, &db); !s.ok()) return Fail(s.message());
  const std::string hash = "bench-synthetic-" + std::to_string(seed);
  if (auto s = db->SetCurrentCoding(hash, "dyad_make_bench_store"); !s.ok()) return Fail(s.message());

  std::mt19937_64 rng(seed);
  const auto t0 = Clock::now();
  int64_t written = 0, sentences_written = 0;
  const dyad::Date first{2014, 1, 1};
  const int64_t days = dyad::Date{2025, 12, 31}.ToDays() - first.ToDays() + 1;
  if (auto s = db->Begin(); !s.ok()) return Fail(s.message());
  for (int64_t d = 0; d < docs; ++d) {
    const int64_t n_events = total_events / docs + (d < total_events % docs ? 1 : 0);
    const int n_filler = 1 + static_cast<int>(rng() % 4);
    dyad::Document doc;
    doc.id = "bench-" + std::to_string(seed) + "-" + std::to_string(d);
    doc.date = first.AddDays(static_cast<int64_t>(rng() % static_cast<uint64_t>(days)));
    doc.source = "source-" + std::to_string(rng() % 40);
    doc.url = "https://example.org/bench/" + std::to_string(d);
    doc.title = "Synthetic report " + std::to_string(d);
    doc.language = "en";
    doc.format = dyad::InputFormat::kJsonl;
    doc.origin = "make_bench_store";

    std::vector<dyad::store::Sentence> sentences;
    std::vector<dyad::Event> events;
    // Event sentences and filler sentences, shuffled into one document.
    std::vector<int> order(static_cast<size_t>(n_events + n_filler));
    for (size_t i = 0; i < order.size(); ++i) order[i] = i < static_cast<size_t>(n_events) ? 1 : 0;
    std::shuffle(order.begin(), order.end(), rng);
    for (int kind : order) {
      dyad::store::Sentence sentence;
      sentence.index = static_cast<int>(sentences.size());
      const int64_t at = static_cast<int64_t>(doc.text.size());
      if (kind == 0) {
        sentence.text = kFiller[rng() % (sizeof(kFiller) / sizeof(kFiller[0]))];
        // Now and then a sentence names Belarus without an event.
        if (rng() % 500 == 0) sentence.text = "Belarus was not mentioned in the statement.";
      } else {
        const Actor& source = Pick(kActors, rng);
        const Actor* target = &Pick(kActors, rng);
        while (target == &source) target = &Pick(kActors, rng);
        const Verb& verb = kVerbs[rng() % (sizeof(kVerbs) / sizeof(kVerbs[0]))];
        dyad::Event e;
        e.sentence_index = sentence.index;
        std::string text;
        const int reported = static_cast<int>(rng() % 4);  // 1 in 4 reported
        const Actor* reporter = reported == 0 ? &Pick(kActors, rng) : nullptr;
        if (reporter) {
          text = std::string(reporter->text) + " said that ";
          text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
          e.reported_by = reporter->code;
          e.reported_by_text = reporter->text;
        }
        const int modality = static_cast<int>(rng() % 50);
        e.source_span = {at + static_cast<int64_t>(text.size()), 0};
        text += source.text;
        e.source_span.end = at + static_cast<int64_t>(text.size());
        if (modality < 3) {
          text += " did not";
          e.modality = dyad::Modality::kNegated;
        } else if (modality < 6) {
          text += " may have";
          e.modality = dyad::Modality::kHypothetical;
        }
        text += " ";
        e.verb_span = {at + static_cast<int64_t>(text.size()), 0};
        text += verb.past;  // "did not shelled": grammar does not matter to the queries
        e.verb_span.end = at + static_cast<int64_t>(text.size());
        text += " ";
        e.target_span = {at + static_cast<int64_t>(text.size()), 0};
        text += target->text;
        e.target_span.end = at + static_cast<int64_t>(text.size());
        if (rng() % 5 == 0) {
          const City& city = Pick(kCities, rng);
          const bool origin = rng() % 3 == 0;
          text += origin ? " from " : " near ";
          dyad::Place& place = origin ? e.origin : e.location;
          place.name = city.name;
          place.country = city.country;
          place.feature = "city";
          place.span = {at + static_cast<int64_t>(text.size()), 0};
          text += city.name;
          place.span.end = at + static_cast<int64_t>(text.size());
        }
        text += ".";
        if (text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
        sentence.text = text;
        e.sentence = text;
        e.date = doc.date.AddDays(-static_cast<int64_t>(rng() % 3));
        e.date_end = e.date;
        e.date_precision = dyad::DatePrecision::kDay;
        e.date_text = "on " + e.date.ToIso();
        e.source = source.code;
        e.target = target->code;
        e.source_text = source.text;
        e.target_text = target->text;
        e.event_code = verb.code;
        e.root_code = e.event_code.substr(0, 2);
        e.quad_class = QuadOfRoot(std::atoi(e.root_code.c_str()));
        e.goldstein = verb.goldstein;
        e.verb_text = verb.past;
        e.pattern = {"bench.verbs", 1, verb.past};
        events.push_back(std::move(e));
      }
      if (!doc.text.empty()) doc.text += ' ';
      sentence.span = {static_cast<int64_t>(doc.text.size()), 0};
      doc.text += sentence.text;
      sentence.span.end = static_cast<int64_t>(doc.text.size());
      // Every offset above was computed before the separating space: move them by it.
      const int64_t shift = sentence.span.begin - at;
      for (dyad::Event& e : events) {
        if (e.sentence_index != sentence.index) continue;
        e.sentence_span = sentence.span;
        for (dyad::Span* span : {&e.source_span, &e.verb_span, &e.target_span, &e.location.span, &e.origin.span})
          if (span->end > 0) span->begin += shift, span->end += shift;
      }
      sentences.push_back(std::move(sentence));
    }
    dyad::store::AddResult added;
    if (auto s = db->AddDocument(doc, sentences, events, hash, {}, &added); !s.ok()) return Fail(s.message());
    written += added.events_added;
    sentences_written += static_cast<int64_t>(sentences.size());
    if ((d + 1) % 5000 == 0) {
      if (auto s = db->Commit(); !s.ok()) return Fail(s.message());
      if (auto s = db->Begin(); !s.ok()) return Fail(s.message());
      std::fprintf(stderr, "\r%lld documents, %lld events", static_cast<long long>(d + 1),
                   static_cast<long long>(written));
    }
  }
  if (auto s = db->Commit(); !s.ok()) return Fail(s.message());
  db.reset();  // the last connection's close checkpoints the WAL into the file
  std::fprintf(stderr, "\r");
  std::printf("%s: %lld documents, %lld sentences, %lld events in %.1f s, %.0f MB\n", db_path.c_str(),
              static_cast<long long>(docs), static_cast<long long>(sentences_written),
              static_cast<long long>(written), Since(t0), std::filesystem::file_size(db_path) / 1e6);
  return 0;
}
