// `dyad ingest` stores the sentences the engine coded: stored sentence N of a document is the
// sentence of its events numbered N, also when the engine's splitter (from the data directory it
// runs with) splits differently from the bundled default.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "dyad/engine.h"
#include "segment/segment.h"
#include "store/store.h"
#include "scratch_dir.h"

namespace {

namespace fs = std::filesystem;

// Emptied at start, removed at exit (scratch_dir.h).
fs::path TempDir() { return dyad::tests::ProcessScratchDir("dyad_ingest_sentences_test"); }

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs `ENV dyad ARGS`; returns the exit code (-1 on a crash), stderr in *err.
int Dyad(const std::string& env, const std::string& args, std::string* err) {
  const fs::path out = TempDir() / "stdout", errf = TempDir() / "stderr";
  const std::string command = env + " " + std::string(DYAD_BINARY_DIR) + "/tools/dyad/dyad " + args +
                              " < /dev/null > " + out.string() + " 2> " + errf.string();
  const int status = std::system(command.c_str());
  *err = Slurp(errf);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// A copy of the bundled data whose abbreviation list lacks "Gen.": its splitter ends a sentence
// after "Gen." where the bundled one does not.
fs::path DataWithoutGeneral() {
  const fs::path data = TempDir() / "data";
  fs::copy(DYAD_SOURCE_DIR "/data", data, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  const fs::path abbreviations = data / "segment" / "abbreviations.txt";
  std::istringstream in(Slurp(abbreviations));
  std::string kept, line;
  while (std::getline(in, line))
    if (line.rfind("Gen. ", 0) != 0) kept += line + "\n";
  std::ofstream(abbreviations, std::ios::binary | std::ios::trunc) << kept;
  return data;
}

const char* kText =
    "Belarus hosted Russian troops near the border, Gen. Volkov said. "
    "Russian forces attacked Ukraine from Belarus. Ukraine condemned Belarus on Friday.\n";

// Ingests `text` with the data in `data_dir` ("" = bundled) and checks the stored sentences
// against what the engine over the same data codes: the same sentences, in the same order, and
// every event's sentence number pointing at its sentence.
void ExpectStoredSentencesAreTheEngines(const std::string& name, const std::string& data_dir) {
  SCOPED_TRACE(name);
  const fs::path doc_path = TempDir() / (name + ".txt");
  std::ofstream(doc_path, std::ios::binary) << kText;
  const fs::path db_path = TempDir() / (name + ".db");
  std::string err;
  const std::string env = data_dir.empty() ? "" : "DYAD_DATA=" + data_dir;
  ASSERT_EQ(Dyad(env, "ingest --threads 1 --db " + db_path.string() + " " + doc_path.string(), &err), 0) << err;

  dyad::EngineOptions options;
  options.data_dir = data_dir;
  std::unique_ptr<dyad::Engine> engine;
  ASSERT_TRUE(dyad::Engine::Create(options, &engine).ok());
  dyad::Document doc;
  doc.id = name;
  doc.text = kText;
  std::vector<dyad::Event> events;
  std::vector<dyad::CodedSentence> coded;
  ASSERT_TRUE(engine->Code(doc, &events, &coded).ok());
  ASSERT_FALSE(events.empty()) << "the test text codes no event";

  dyad::store::OpenOptions open;
  open.read_only = true;
  std::unique_ptr<dyad::store::Store> db;
  ASSERT_TRUE(dyad::store::Store::Open(db_path.string(), open, &db).ok());
  std::vector<int64_t> ids;
  ASSERT_TRUE(db->ListDocumentIds(&ids).ok());
  ASSERT_EQ(ids.size(), 1u);
  std::vector<dyad::store::Sentence> stored;
  ASSERT_TRUE(db->GetSentences(ids[0], &stored).ok());

  // Every sentence, with or without events, as the engine split it.
  ASSERT_EQ(stored.size(), coded.size());
  for (size_t i = 0; i < coded.size(); ++i) {
    EXPECT_EQ(stored[i].index, static_cast<int>(i));
    EXPECT_EQ(stored[i].text, coded[i].text);
    EXPECT_EQ(stored[i].span.begin, coded[i].span.begin);
    EXPECT_EQ(stored[i].span.end, coded[i].span.end);
  }
  // Stored sentence N is the sentence of the events numbered N.
  for (const dyad::Event& e : events) {
    ASSERT_GE(e.sentence_index, 0);
    ASSERT_LT(static_cast<size_t>(e.sentence_index), stored.size());
    const auto& s = stored[static_cast<size_t>(e.sentence_index)];
    EXPECT_EQ(s.text, e.sentence) << e.event_code;
    EXPECT_EQ(s.span.begin, e.sentence_span.begin);
    EXPECT_EQ(s.span.end, e.sentence_span.end);
  }
  dyad::store::EventQuery all;
  std::vector<dyad::store::StoredEvent> rows;
  ASSERT_TRUE(db->QueryEvents(all, &rows).ok());
  EXPECT_EQ(rows.size(), events.size());
  for (const auto& row : rows) {
    ASSERT_LT(static_cast<size_t>(row.event.sentence_index), coded.size());
    EXPECT_EQ(row.event.sentence, coded[static_cast<size_t>(row.event.sentence_index)].text);
  }
}

TEST(IngestSentencesTest, StoredSentenceNIsTheSentenceOfEventsNumberedN) {
  ExpectStoredSentencesAreTheEngines("bundled", "");
}

// Every document of the bundled samples, ingested on two threads: in each, the stored sentences
// are numbered 0..n-1 and every event's sentence is the stored sentence of its number.
TEST(IngestSentencesTest, EveryDocumentsEventsPointAtItsStoredSentences) {
  const fs::path db_path = TempDir() / "samples.db";
  std::string err;
  ASSERT_EQ(Dyad("", "ingest --threads 2 --db " + db_path.string() + " " DYAD_SOURCE_DIR "/data/samples", &err), 0)
      << err;
  dyad::store::OpenOptions open;
  open.read_only = true;
  std::unique_ptr<dyad::store::Store> db;
  ASSERT_TRUE(dyad::store::Store::Open(db_path.string(), open, &db).ok());
  std::vector<int64_t> ids;
  ASSERT_TRUE(db->ListDocumentIds(&ids).ok());
  ASSERT_GE(ids.size(), 10u);
  size_t checked = 0;
  for (int64_t id : ids) {
    SCOPED_TRACE(id);
    std::vector<dyad::store::Sentence> stored;
    ASSERT_TRUE(db->GetSentences(id, &stored).ok());
    ASSERT_FALSE(stored.empty());
    for (size_t i = 0; i < stored.size(); ++i) EXPECT_EQ(stored[i].index, static_cast<int>(i));
    dyad::store::EventQuery q;
    q.document_id = id;
    std::vector<dyad::store::StoredEvent> rows;
    ASSERT_TRUE(db->QueryEvents(q, &rows).ok());
    for (const auto& row : rows) {
      const dyad::Event& e = row.event;
      ASSERT_GE(e.sentence_index, 0);
      ASSERT_LT(static_cast<size_t>(e.sentence_index), stored.size());
      const auto& s = stored[static_cast<size_t>(e.sentence_index)];
      EXPECT_EQ(s.text, e.sentence);
      EXPECT_EQ(s.span.begin, e.sentence_span.begin);
      EXPECT_EQ(s.span.end, e.sentence_span.end);
      ++checked;
    }
  }
  EXPECT_GT(checked, 50u) << "the samples code few events";
}

TEST(IngestSentencesTest, SameWhenTheEnginesSplitterDiffersFromTheDefault) {
  const fs::path data = DataWithoutGeneral();
  // The premise: the bundled default splitter and the engine's (over `data`) disagree on the text.
  std::unique_ptr<dyad::segment::SentenceSplitter> changed;
  ASSERT_TRUE(dyad::segment::SentenceSplitter::Create((data / "segment").string(), &changed).ok());
  ASSERT_NE(changed->Split(kText).size(), dyad::segment::SplitSentences(kText).size());
  ExpectStoredSentencesAreTheEngines("changed", data.string());
}

}  // namespace
