// Writes a synthetic evidence store for the query benchmarks of docs/PERFORMANCE.md
// (`dyad events`, `dyad role` on a store of a million events). Nothing is coded: documents,
// sentences (with their full-text index) and events go straight through the Store API, so a
// store of 1M events takes a minute or two instead of a full ingest. The data are made up but
// shaped like a news corpus on the Russia-Ukraine war: one event per event sentence, a few
// sentences without events per document, reporters, places, negated and hypothetical events,
// and a small share of events involving Belarus (the subject of the role benchmark).
//
//   dyad_make_bench_store --db PATH [--events 1000000] [--docs 140000] [--seed 1]
//   dyad_make_bench_store --db postgresql://... [--events 10000000 --docs 1400000]
//   dyad_make_bench_store --db PATH --events 1000000 --docs 140000 --background-events 9000000
//   dyad_make_bench_store --upgrade PATH
//
// --background-events N adds N events about other wars (Sudan, Yemen, the DRC, the Sahel, Gaza,
// Myanmar: no Belarusian actor, place or word) in as many documents again as N needs at the
// war's events per document, spread among the war's documents: an archive of which the war is
// a part, as a GDELT-sized one would be. The war's documents are drawn as without it (not the
// same ones: the draws interleave).
//
// PATH must not exist; a PostgreSQL database must hold no documents yet. Deterministic for a
// given seed: the same seed gives the same rows, with the same ids, on both backends. Prints what
// it wrote. On PostgreSQL the rows go through the same Store API (documents one by one, sentences
// and events by COPY at each commit), but the secondary indexes of events and sentences (the
// non-unique ones: events by actor, day, code, document and sentence, the full-text GIN index) are
// dropped first and built again at the end, then the tables are vacuumed and analysed: a bulk
// load, each step timed. --upgrade opens an existing store for writing once, which migrates an
// older schema (timed), and changes nothing else.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include <pqxx/pqxx>

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

// Other wars, for --background-events: an archive where the war under study is a part.
const Actor kOtherActors[] = {
    {"SDNMIL", "the Sudanese army", 20}, {"SDNREB", "the Rapid Support Forces", 20}, {"SDN", "Sudan", 8},
    {"YEMREB", "the Houthis", 14},       {"YEMGOV", "the government in Aden", 8},  {"SAU", "Saudi Arabia", 8},
    {"ARE", "the Emirates", 6},          {"CODMIL", "Congolese troops", 12},      {"CODREB", "M23 rebels", 12},
    {"RWA", "Rwanda", 6},                {"ETHMIL", "Ethiopian forces", 8},       {"MLIMIL", "the Malian army", 8},
    {"NGAMIL", "Nigerian troops", 8},    {"SOMREB", "al-Shabaab", 8},            {"MMRMIL", "the Myanmar military", 10},
    {"ISRMIL", "Israeli forces", 10},    {"PSE", "Gaza", 10},                    {"IGOAFU", "the African Union", 4},
};
const City kOtherCities[] = {
    {"Khartoum", "SDN", 10}, {"El Fasher", "SDN", 6}, {"Sanaa", "YEM", 8}, {"Hodeidah", "YEM", 6},
    {"Goma", "COD", 8},      {"Bamako", "MLI", 4},    {"Mogadishu", "SOM", 5}, {"Mandalay", "MMR", 4},
    {"Gaza City", "PSE", 8},
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

template <typename T>
const T& Pick(const std::vector<T>& items, std::mt19937_64& rng) {
  int total = 0;
  for (const T& item : items) total += item.weight;
  int r = static_cast<int>(rng() % static_cast<uint64_t>(total));
  for (const T& item : items) {
    if (r < item.weight) return item;
    r -= item.weight;
  }
  return items.back();
}

// The actors and places a document's events are drawn from; belarus: now and then a sentence
// names Belarus without an event.
struct Theme {
  std::vector<Actor> actors;
  std::vector<City> cities;
  bool belarus = false;
};

// PostgreSQL bulk load: drops the non-unique indexes of events and sentences, and builds them
// again (Rebuild) from their definitions, then vacuums and analyses.
class PgBulkLoad {
 public:
  explicit PgBulkLoad(const std::string& url) : conn_(url) {}
  void DropIndexes() {
    pqxx::work tx(conn_);
    for (const pqxx::row& r : tx.exec(
             "SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i "
             "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid "
             "WHERE t.relname IN ('events', 'sentences') AND NOT i.indisunique "
             "AND t.relnamespace = to_regnamespace(current_schema())::oid ORDER BY c.relname")) {
      names_.push_back(r[0].c_str());
      definitions_.push_back(r[1].c_str());
      tx.exec("DROP INDEX " + tx.quote_name(names_.back()));
    }
    tx.commit();
  }
  void Rebuild() {
    pqxx::nontransaction n(conn_);
    n.exec("SET maintenance_work_mem = '1GB'");
    for (size_t i = 0; i < definitions_.size(); ++i) {
      const auto t0 = Clock::now();
      n.exec(definitions_[i]);
      std::printf("  index %s built in %.1f s\n", names_[i].c_str(), Since(t0));
      std::fflush(stdout);
    }
    const auto t0 = Clock::now();
    n.exec("VACUUM (ANALYZE)");
    std::printf("  VACUUM (ANALYZE) in %.1f s\n", Since(t0));
  }
  double DatabaseMegabytes() {
    pqxx::nontransaction n(conn_);
    return std::atof(n.exec("SELECT pg_database_size(current_database())")[0][0].c_str()) / 1e6;
  }
  int64_t Documents() {
    pqxx::nontransaction n(conn_);
    return std::atoll(n.exec("SELECT COUNT(*) FROM documents")[0][0].c_str());
  }

 private:
  pqxx::connection conn_;
  std::vector<std::string> names_, definitions_;
};

int QuadOfRoot(int root) {
  if (root <= 5) return 1;
  if (root <= 8) return 2;
  if (root <= 13) return 3;
  return 4;
}

}  // namespace

int main(int argc, char** argv) {
  std::string db_path, upgrade;
  int64_t total_events = 1000000, docs = 140000, background_events = 0;
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
    else if (flag == "--background-events") background_events = std::atoll(value);
    else return Fail("unknown flag " + flag + " (--db PATH --events N --docs N --seed N --background-events N)");
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
  if (docs <= 0 || total_events < 0 || background_events < 0)
    return Fail("--docs must be > 0, --events and --background-events >= 0");
  const bool pg = dyad::store::IsPostgresUrl(db_path);
  if (!pg && std::filesystem::exists(db_path)) return Fail(db_path + " exists: give a new file");

  std::unique_ptr<dyad::store::Store> db;
  if (auto s = dyad::store::Store::Open(db_path, {}, &db); !s.ok()) return Fail(s.message());
  std::unique_ptr<PgBulkLoad> bulk;
  if (pg) {
    try {
      bulk = std::make_unique<PgBulkLoad>(db_path);
      if (bulk->Documents() > 0) return Fail(db->path() + " holds documents: give an empty database");
      bulk->DropIndexes();
    } catch (const std::exception& e) {
      return Fail(db->path() + ": " + e.what());
    }
  }
  const std::string hash = "bench-synthetic-" + std::to_string(seed);
  if (auto s = db->SetCurrentCoding(hash, "dyad_make_bench_store"); !s.ok()) return Fail(s.message());

  std::mt19937_64 rng(seed);
  const auto t0 = Clock::now();
  int64_t written = 0, sentences_written = 0;
  const dyad::Date first{2014, 1, 1};
  const int64_t days = dyad::Date{2025, 12, 31}.ToDays() - first.ToDays() + 1;
  const Theme war{{std::begin(kActors), std::end(kActors)}, {std::begin(kCities), std::end(kCities)}, true};
  const Theme others{{std::begin(kOtherActors), std::end(kOtherActors)},
                     {std::begin(kOtherCities), std::end(kOtherCities)}, false};
  // Background documents hold as many events each as the war's, and come between them: document
  // k of every `period` is the war's (the archive was not ingested one war after the other).
  const int64_t background_docs =
      total_events > 0 ? static_cast<int64_t>(static_cast<double>(background_events) * docs / total_events) : 0;
  const int64_t all_docs = docs + background_docs;
  int64_t war_docs = 0, other_docs = 0, other_events_written = 0;
  if (auto s = db->Begin(); !s.ok()) return Fail(s.message());
  for (int64_t d = 0; d < all_docs; ++d) {
    // Document d is the war's when the war's share of the first d+1 documents is due.
    const bool is_war = (d + 1) * docs / all_docs > war_docs;
    const Theme& theme = is_war ? war : others;
    const int64_t index = is_war ? war_docs++ : other_docs++;
    const int64_t n_events = is_war ? total_events / docs + (index < total_events % docs ? 1 : 0)
                                    : background_events / background_docs +
                                          (index < background_events % background_docs ? 1 : 0);
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
        if (rng() % 500 == 0 && theme.belarus) sentence.text = "Belarus was not mentioned in the statement.";
      } else {
        const Actor& source = Pick(theme.actors, rng);
        const Actor* target = &Pick(theme.actors, rng);
        while (target == &source) target = &Pick(theme.actors, rng);
        const Verb& verb = kVerbs[rng() % (sizeof(kVerbs) / sizeof(kVerbs[0]))];
        dyad::Event e;
        e.sentence_index = sentence.index;
        std::string text;
        const int reported = static_cast<int>(rng() % 4);  // 1 in 4 reported
        const Actor* reporter = reported == 0 ? &Pick(theme.actors, rng) : nullptr;
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
          const City& city = Pick(theme.cities, rng);
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
    if (!is_war) other_events_written += added.events_added;
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
  const double load_seconds = Since(t0);
  double megabytes = 0;
  if (bulk) {
    std::printf("%s: rows loaded in %.1f s; building the indexes again\n",
                dyad::store::RedactedLocation(db_path).c_str(), load_seconds);
    std::fflush(stdout);
    try {
      bulk->Rebuild();
      megabytes = bulk->DatabaseMegabytes();
    } catch (const std::exception& e) {
      return Fail(dyad::store::RedactedLocation(db_path) + ": " + e.what());
    }
  } else {
    megabytes = std::filesystem::file_size(db_path) / 1e6;
  }
  if (background_docs > 0)
    std::printf("background: %lld documents, %lld events about other wars\n",
                static_cast<long long>(background_docs), static_cast<long long>(other_events_written));
  std::printf("%s: %lld documents, %lld sentences, %lld events in %.1f s, %.0f MB\n",
              dyad::store::RedactedLocation(db_path).c_str(), static_cast<long long>(all_docs),
              static_cast<long long>(sentences_written), static_cast<long long>(written), Since(t0),
              megabytes);
  return 0;
}
