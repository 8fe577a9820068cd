// No dictionary or frame entry may repeat 4 or more words of a gold text verbatim: such an entry is
// written around one sentence and inflates the score on that sentence without generalising
// (docs/quality.md, "Rules for entries"). Gold texts: the seed article and the PLOVER dev records in
// shared/ (skipped when absent) and our own rewordings in tests/quality/*.txt.
// Phrases are read as tools/gold_phrases.py in shared/ reads them: a verb pattern with its verb in
// place of '*', WORD_ a whole word (with regular endings), WORD a stem, a frame's 'a|b' either word;
// a run of plain words is broken by anything else ($, +, &SET, {S}, ...).
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "gtest/gtest.h"
#include "scratch_dir.h"

namespace {

namespace fs = std::filesystem;
const std::string kShared = DYAD_SHARED_DIR;
const std::string kSource = DYAD_SOURCE_DIR;
constexpr size_t kMinWords = 4;

using Options = std::vector<std::string>;  // one pattern word: its alternatives, upper case

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::vector<std::string> Words(const std::string& text) {
  std::string folded;
  for (size_t i = 0; i < text.size(); ++i) {  // typographic apostrophes -> '
    if (text.compare(i, 3, "\xE2\x80\x99") == 0) {
      folded += '\'';
      i += 2;
    } else {
      folded += text[i];
    }
  }
  static const std::regex kWord("[A-Za-z][A-Za-z'\\-]*");
  std::vector<std::string> words;
  for (auto it = std::sregex_iterator(folded.begin(), folded.end(), kWord); it != std::sregex_iterator(); ++it)
    words.push_back(Upper(it->str()));
  return words;
}

bool WordMatches(const Options& options, const std::string& w) {
  for (const std::string& o : options) {
    if (!o.empty() && o.back() == '_') {
      const std::string b = o.substr(0, o.size() - 1);
      for (const char* end : {"", "S", "ES", "ED", "D", "ING"})
        if (w == b + end) return true;
    } else if (w.rfind(o, 0) == 0) {
      return true;
    }
  }
  return false;
}

bool Occurs(const std::vector<Options>& run, const std::vector<std::string>& text) {
  for (size_t i = 0; i + run.size() <= text.size(); ++i) {
    size_t j = 0;
    while (j < run.size() && WordMatches(run[j], text[i + j])) ++j;
    if (j == run.size()) return true;
  }
  return false;
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string part;
  std::istringstream in(s);
  while (std::getline(in, part, sep)) out.push_back(part);
  return out;
}

// The runs of plain words of one entry, each at least kMinWords long.
std::vector<std::vector<Options>> Runs(const std::vector<std::string>& tokens) {
  static const std::regex kPlain("[A-Za-z][A-Za-z'\\-]*_?");
  std::vector<std::vector<Options>> runs;
  std::vector<Options> run;
  auto flush = [&] {
    if (run.size() >= kMinWords) runs.push_back(run);
    run.clear();
  };
  for (const std::string& t : tokens) {
    Options options = Split(t, '|');
    bool plain = !options.empty();
    for (std::string& o : options) {
      plain = plain && std::regex_match(o, kPlain);
      o = Upper(o);
    }
    if (plain) run.push_back(options);
    else flush();
  }
  flush();
  return runs;
}

std::vector<std::string> Tokens(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string t; in >> t;) out.push_back(t);
  return out;
}

struct Hit {
  std::string where;
  std::string phrase;
};

void CheckFile(const fs::path& path, const std::vector<std::vector<std::string>>& golds, std::vector<Hit>* hits) {
  std::ifstream in(path);
  const bool verbs = path.extension() == ".verbs", tsv = path.extension() == ".tsv";
  std::vector<std::string> root;  // the current verb's words, for '*'
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    std::vector<std::string> tokens;
    if (tsv) {
      if (line.empty() || line[0] == '#') continue;
      auto cols = Split(line, '\t');
      if (cols.size() < 2) continue;
      tokens = Tokens(cols[1]);
    } else {
      std::string body = line.substr(0, std::min(line.find('#'), line.find(" ;")));
      if (!body.empty() && body[0] == ';') continue;
      tokens = Tokens(body);
      if (tokens.empty() || std::string("<{&+=").find(tokens[0][0]) != std::string::npos) continue;
      if (tokens[0] == "-") {
        std::vector<std::string> expanded;
        for (size_t i = 1; i < tokens.size(); ++i) {
          if (tokens[i] == "*" && !root.empty()) expanded.insert(expanded.end(), root.begin(), root.end());
          else expanded.push_back(tokens[i]);
        }
        tokens = expanded;
      } else {
        root.clear();
        static const std::regex kRoot("[A-Za-z][A-Za-z'\\-_]*");
        if (verbs && std::regex_match(tokens[0], kRoot)) {
          auto parts = Split(tokens[0], '_');
          std::erase(parts, "");
          for (size_t i = 0; i < parts.size(); ++i)
            root.push_back(parts[i] + (i + 1 < parts.size() || tokens[0].back() == '_' ? "_" : ""));
        }
      }
    }
    for (const auto& run : Runs(tokens)) {
      for (const auto& gold : golds) {
        if (!Occurs(run, gold)) continue;
        std::string phrase;
        for (const auto& o : run) phrase += (phrase.empty() ? "" : " ") + o[0];
        hits->push_back({path.filename().string() + ":" + std::to_string(number), phrase});
        break;
      }
    }
  }
}

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(GoldPhrases, NoEntryRepeatsFourWordsOfAGoldText) {
  std::vector<std::vector<std::string>> golds;
  for (const auto& e : fs::directory_iterator(kSource + "/tests/quality"))
    if (e.path().extension() == ".txt") golds.push_back(Words(ReadAll(e.path())));
  if (fs::exists(kShared + "/corpus")) {
    for (const auto& e : fs::directory_iterator(kShared + "/corpus")) {
      std::string text = ReadAll(e.path());
      text = text.substr(0, text.find("Kontakt oss"));  // the article, not its contact block
      golds.push_back(Words(text));
    }
  } else {
    std::cout << "shared/corpus not found: the seed article is not checked\n";
  }
  const fs::path plover = kShared + "/anchors/plover/PLOVER_GSR_dev.json";
  if (fs::exists(plover)) {
    auto records = nlohmann::json::parse(ReadAll(plover), nullptr, false);
    ASSERT_TRUE(records.is_array());
    for (const auto& r : records)
      if (r.contains("text") && r["text"].is_string()) golds.push_back(Words(r["text"].get<std::string>()));
  } else {
    std::cout << "PLOVER dev records not found: they are not checked\n";
  }
  std::vector<Hit> hits;
  for (const auto& e : fs::directory_iterator(kSource + "/data/dict")) {
    const auto ext = e.path().extension();
    if (ext == ".verbs" || ext == ".actors" || ext == ".agents") CheckFile(e.path(), golds, &hits);
  }
  CheckFile(kSource + "/data/frames/frames.tsv", golds, &hits);
  for (const Hit& h : hits) ADD_FAILURE() << h.where << ": '" << h.phrase << "' repeats a gold text verbatim";
}

// The check itself: it must find a planted phrase and pass over a shorter one.
TEST(GoldPhrases, TheCheckFindsAPlantedPhrase) {
  const fs::path dir = dyad::tests::ProcessScratchDir("dyad_gold_phrase_test");
  std::ofstream(dir / "t.verbs") << "SEND_ [---]\n- * TROOPS TO_ THE_ FRONT [190]\n- * TROOPS [150]\n";
  std::vector<Hit> hits;
  CheckFile(dir / "t.verbs", {Words("Belarus will send troops to the front, they said.")}, &hits);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].where, "t.verbs:2");
  hits.clear();
  CheckFile(dir / "t.verbs", {Words("Belarus will send its troops to the front.")}, &hits);
  EXPECT_TRUE(hits.empty());
}

}  // namespace
