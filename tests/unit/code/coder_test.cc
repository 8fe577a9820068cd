// Coder semantics on small hand-written dictionaries (spec §2-4) and the validation checker.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "code/coder.h"
#include "code/validate.h"
#include "dict/dictionary.h"

namespace dyad::code {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

constexpr char kActors[] =
    "<NOUN>\nSHEEP\nGOATS\n</NOUN>\n"
    "ARNOR [ARN]\nGONDOR\n+MINAS_TIRITH\n\t[GON]\nMORDOR [ORC]\nROHAN [ROH]\nBREE [BRE]\nELROND [ELF]\n"
    "GANDALF [WIZ]\nLORIEN [ELR/GAL]\nBOROMIR [---]\nNASGUL [###]\nISILDUR [+++]\n"
    "USSR [USR <911226] [###]\nWASHINGTON [USAGOV]\nESTONIA_ [EST]\n@US_ [USA]\n^THE_WATCHERS_ [NGO]\n";
constexpr char kAgents[] = "FOREIGN_MINISTER_ [~GOVFRM]\nPOLICE_ [~COP]\nHUMAN_RIGHTS_BODY_ [NGO~]\nGOVERNMENT_ [~GOV]\n";
constexpr char kVerbs[] =
    "<TIME>\nYESTERDAY [-1]\nNEXT_WEEK [+7]\n</TIME>\n"
    "CONDEMN [122]\n- JOIN IN * [132]\n"
    "CRITICI [121]\n"
    "PROMISE [050]\n"
    "URGE [102]\n"
    "MEET [031:031]\n"
    "SAID [023?]\n- $ * REGRET [113]\n"
    "ATTEND [031!]\n"
    "RESTORE [064]\n- * FULL DIPLOMATIC TIES [901]\n"
    "CALL [---]\n- * FOR { SANCTIONS | BOYCOTT } [172]\n"
    "FREE [066]\n- + * FROM $ [067]\n"
    "SOCCER [###]\n"
    "BLAST [+++]\n";

class CoderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dyad_code_test_" + std::to_string(::getpid()));
    fs::remove_all(dir_);  // a reused pid finds an earlier run's files
    fs::create_directories(dir_);
    std::ofstream(dir_ / "t.actors") << kActors;
    std::ofstream(dir_ / "t.agents") << kAgents;
    std::ofstream(dir_ / "t.verbs") << kVerbs;
    dict::LoadOptions o;
    o.paths = {(dir_ / "t.actors").string(), (dir_ / "t.agents").string(), (dir_ / "t.verbs").string()};
    ASSERT_TRUE(dict::DictionarySet::Load(o, &dicts_).ok());
    ASSERT_TRUE(dicts_->warnings().empty()) << dicts_->warnings()[0];
    options_.minimum_words = 3;
    options_.time_shift = 0;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  CodeResult Code(const std::string& s, Date date = Date{1995, 1, 5}) {
    Coder coder(dicts_, CoderOptions{options_});
    return coder.Code(s, date);
  }
  static std::string Events(const CodeResult& r) {
    if (r.events.empty()) return "(" + r.problem + ")";
    std::string out;
    for (const auto& e : r.events) out += (out.empty() ? "" : " ") + e.source + "/" + e.target + "/" + e.code;
    return out;
  }

  fs::path dir_;
  std::shared_ptr<const dict::DictionarySet> dicts_;
  dict::TabariOptions options_;
};

// dyad extension: an "@" phrase matches only as written in capitals, so "US" is the country and
// "us" the pronoun; an all-capitals sentence cannot tell them apart and codes neither.
TEST_F(CoderTest, CaseSensitivePhraseMatchesOnlyCapitals) {
  EXPECT_EQ(Events(Code("The US condemned Mordor yesterday.")), "USA/ORC/122");
  EXPECT_EQ(Events(Code("Mordor condemned the US yesterday.")), "ORC/USA/122");
  EXPECT_EQ(Events(Code("Gondor told us it condemned Mordor.")), "GON/ORC/122");
  EXPECT_EQ(Events(Code("Rohan condemned Mordor for attacking us.")), "ROH/ORC/122");
  EXPECT_EQ(Events(Code("THE US CONDEMNED MORDOR YESTERDAY.")), "(No events found in text)");
  EXPECT_EQ(Events(Code("The Us condemned Mordor yesterday.")), "(No events found in text)");
}

// dyad extension: a "^" phrase matches only written as a name (each word capitalised, small words
// like "the" aside), so an outlet or group named with common words ("Foreign Policy", "Amnesty")
// is not read into the same words in running text; an all-capitals sentence codes neither.
TEST_F(CoderTest, NamePhraseMatchesOnlyWrittenAsName) {
  EXPECT_EQ(Events(Code("The Watchers condemned Mordor yesterday.")), "NGO/ORC/122");
  EXPECT_EQ(Events(Code("Gondor condemned the watchers of Mordor yesterday.")), "GON/ORC/122");
  EXPECT_EQ(Events(Code("Gondor condemned the Watchers of Mordor yesterday.")), "GON/NGO/122");
  EXPECT_EQ(Events(Code("THE WATCHERS CONDEMNED MORDOR YESTERDAY.")), "(No events found in text)");
}

TEST_F(CoderTest, CodesRootVerbWithSpansAndPatternRef) {
  const std::string s = "Arnor strongly condemned Mordor on Monday.";
  CodeResult r = Code(s);
  ASSERT_EQ(Events(r), "ARN/ORC/122");
  const CodedEvent& e = r.events[0];
  EXPECT_EQ(e.source_text, "Arnor");
  EXPECT_EQ(e.target_text, "Mordor");
  EXPECT_EQ(e.verb_text, "condemned");
  EXPECT_EQ(s.substr(e.verb_span.begin, e.verb_span.end - e.verb_span.begin), "condemned");
  EXPECT_THAT(e.pattern.file, HasSubstr("t.verbs"));
  EXPECT_EQ(e.pattern.line, 5);
  EXPECT_EQ(e.pattern.text, "CONDEMN [122]");
  EXPECT_EQ(e.date, (Date{1995, 1, 5}));
}

TEST_F(CoderTest, PatternsWinOverRootCodesAndSetActors) {
  EXPECT_EQ(Events(Code("Arnor will join in condemning Mordor today.")), "ARN/ORC/132");
  EXPECT_EQ(Events(Code("Arnor will restore full diplomatic ties with Gondor.")), "ARN/GON/901");
  EXPECT_EQ(Events(Code("Arnor called for sanctions against Mordor.")), "ARN/ORC/172");
  // Null root code without a matching pattern: no event.
  EXPECT_EQ(Code("Arnor called Mordor on the phone.").problem, "Only null events found in text");
  EXPECT_EQ(Code("Arnor called Mordor on the phone.").problem_kind, Problem::kOnlyNull);
  // '+ * FROM $': target before the verb, source after FROM.
  EXPECT_EQ(Events(Code("Gondor was freed from Mordor after talks.")), "ORC/GON/067");
}

TEST_F(CoderTest, SynonymsEndingsAndStems) {
  EXPECT_EQ(Events(Code("Minas Tirith criticized Estonia's leaders.")), "GON/EST/121");
  EXPECT_EQ(Events(Code("Rohan criticizes Estonias leaders.")), "ROH/EST/121");
}

TEST_F(CoderTest, PassiveVoiceSwapsSourceAndTarget) {
  EXPECT_EQ(Events(Code("Elrond was criticized by Gandalf on Friday.")), "WIZ/ELF/121");
}

TEST_F(CoderTest, CompoundsCodedAndParsed) {
  EXPECT_EQ(Events(Code("Arnor promised aid to Lorien on Saturday.")), "ARN/ELR/050 ARN/GAL/050");
  EXPECT_EQ(Events(Code("Rohan and Bree urged Gondor to act.")), "ROH/GON/102 BRE/GON/102");
  // Paired code: both directions for each member pair.
  EXPECT_EQ(Events(Code("Arnor will meet Rohan and Bree next month.")), "ARN/ROH/031 ROH/ARN/031 ARN/BRE/031 BRE/ARN/031");
}

TEST_F(CoderTest, AgentsComposeWithActors) {
  EXPECT_EQ(Events(Code("The foreign minister of Rohan urged Gondor to act.")), "ROHGOVFRM/GON/102");
  EXPECT_EQ(Events(Code("Gondor police condemned Mordor on Monday.")), "GONCOP/ORC/122");
  EXPECT_EQ(Events(Code("Arnor human rights body condemned Mordor today.")), "NGOARN/ORC/122");
  // Redundant agent: GOV already in USAGOV at a multiple of 3.
  EXPECT_EQ(Events(Code("Washington government condemned Mordor today.")), "USAGOV/ORC/122");
  // FORMER turns the agent into ELI.
  EXPECT_EQ(Events(Code("Arnor former police condemned Mordor today.")), "ARNELI/ORC/122");
}

TEST_F(CoderTest, PronounsAndSubordinateCodes) {
  // SAID [023?] is dropped when a main event exists; the pattern '$ * REGRET' takes "he".
  EXPECT_EQ(Events(Code("Elrond condemned Mordor and he said Rohan was wrong.")), "ELF/ORC/122");
  EXPECT_EQ(Events(Code("Elrond condemned Mordor and he said regret over Rohan.")), "ELF/ORC/122 ELF/ROH/113");
  EXPECT_EQ(Events(Code("Arnor said Gondor was wrong yesterday.")), "ARN/GON/023");
}

TEST_F(CoderTest, DominantCodesKeepOnlyDominantEvents) {
  options_.code_by = dict::CodeBy::kAll;
  EXPECT_EQ(Events(Code("Arnor condemned Mordor and will attend Gondor summit.")), "ARN/GON/031");
}

TEST_F(CoderTest, DiscardComplexAndNullActors) {
  EXPECT_EQ(Code("Arnor condemned Nasgul on Monday.").problem, "Discard code found in text");
  EXPECT_EQ(Code("Arnor condemned Nasgul on Monday.").problem_kind, Problem::kDiscard);
  EXPECT_EQ(Code("Arnor condemned soccer fans on Monday.").problem, "Discard code found in text");
  EXPECT_EQ(Code("Isildur condemned Mordor on Monday.").problem, "Complex code found in verb pattern");
  EXPECT_EQ(Code("Isildur condemned Mordor on Monday.").problem_kind, Problem::kComplex);
  EXPECT_EQ(Code("Arnor will blast Mordor on Monday.").problem, "Complex code found in verb pattern");
  // Date-restricted: USSR is an actor before 911226, a discard after.
  EXPECT_EQ(Events(Code("USSR condemned Mordor on Monday.", Date{1990, 1, 1})), "USR/ORC/122");
  EXPECT_EQ(Code("USSR condemned Mordor on Monday.", Date{1995, 1, 1}).problem, "Discard code found in text");
  // A null-coded actor becomes a noun, invisible to the source search.
  EXPECT_EQ(Events(Code("Boromir of Arnor condemned Mordor today.")), "ARN/ORC/122");
}

TEST_F(CoderTest, InputErrorsAndComplexity) {
  EXPECT_EQ(Code("").problem, "Input error: no text in record");
  EXPECT_EQ(Code("").problem_kind, Problem::kInputError);
  options_.minimum_words = 8;
  EXPECT_EQ(Code("Arnor condemned Mordor.").problem, "Input error: too few words in sentence");
  options_.minimum_words = 3;
  options_.complex_noactprior = true;
  options_.complex_explain = true;
  EXPECT_EQ(Code("Yesterday condemned Mordor was.").problem, "Complex text: No actor before verb");
  EXPECT_EQ(Code("Sheep and goats grazed quietly there.").problem, "Complex text: No actor before verb");
}

TEST_F(CoderTest, NounsFromDeterminersAndCapitals) {
  EXPECT_EQ(Code("Arnor welcomed the Restore of Gondor today.").problem, "No events found in text");
}

TEST_F(CoderTest, CommaClausesAreBlanked) {
  // The terminal clause ", Gondor said" (2 words) is blanked: GON cannot be the source.
  EXPECT_EQ(Events(Code("Arnor condemned Mordor on Monday, Gondor said.")), "ARN/ORC/122");
}

TEST_F(CoderTest, TimeShiftMovesTheEventDate) {
  options_.time_shift = 1;
  CodeResult r = Code("Arnor condemned Mordor yesterday in the capital.", Date{1995, 3, 1});
  ASSERT_EQ(Events(r), "ARN/ORC/122");
  EXPECT_EQ(r.events[0].date, (Date{1995, 2, 28}));
}

TEST_F(CoderTest, DefaultActors) {
  options_.default_source = "DEFSRC";
  options_.default_target = "DEFTAR";
  options_.default_after = true;
  EXPECT_EQ(Events(Code("Arnor condemned the decision on Monday.")), "ARN/DEFTAR/122");
}

TEST_F(CoderTest, FindActorsReturnsComposedCodesAndSpans) {
  Coder coder(dicts_, CoderOptions{options_});
  const std::string s = "The foreign minister of Rohan met Gondor police and Boromir.";
  auto m = coder.FindActors(s, Date{1995, 1, 1});
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].code, "ROHGOVFRM");
  EXPECT_EQ(m[0].text, "Rohan");
  EXPECT_EQ(m[1].code, "GONCOP");
  EXPECT_EQ(s.substr(m[1].span.begin, m[1].span.end - m[1].span.begin), "Gondor");
}

// A part of the sentence read just before it (a reported clause, a speaker) is split from the
// sentence's words; it must read exactly as the same text read after an unrelated one, also where
// a boundary cuts a word, a number or an abbreviation, or the capitals differ.
TEST_F(CoderTest, APartReadAfterItsSentenceReadsAsTheSameTextAlone) {
  Coder coder(dicts_, CoderOptions{options_});
  const Date date{1995, 1, 5};
  const std::string unrelated = "Sheep and goats were seen near Bree.";
  auto reading = [&](const std::string& before, const std::string& part) {
    std::string out;
    coder.FindActors(before, date);
    const CodeResult r = coder.Code(part, date);
    out += r.problem + "|";
    for (const auto& e : r.events)
      out += e.source + "/" + e.target + "/" + e.code + "/" + e.source_text + "/" + e.target_text + "/" +
             e.verb_text + "@" + std::to_string(e.source_span.begin) + "-" + std::to_string(e.source_span.end) + "," +
             std::to_string(e.verb_span.begin) + "," + std::to_string(e.target_span.begin) + "-" +
             std::to_string(e.target_span.end) + ";";
    coder.FindActors(before, date);
    for (const auto& m : coder.FindActors(part, date))
      out += "|" + m.code + "/" + m.text + "@" + std::to_string(m.span.begin) + "-" + std::to_string(m.span.end);
    return out;
  };
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Arnor said that Rohan condemned Mordor yesterday.", "Rohan condemned Mordor yesterday"},
      {"Arnor said that Rohan condemned Mordor yesterday.", "Arnor"},
      {"Arnor said Rohan condemned the foreign minister of Mordor.", "Rohan condemned the foreign minister of Mordor."},
      {"Arnor said: \"Gondor will restore full diplomatic ties with Rohan\", Bree reported.",
       "Gondor will restore full diplomatic ties with Rohan"},
      {"Arnor said Rohan condemned the U.S. yesterday.", "Rohan condemned the U.S"},
      {"Arnor said Rohan freed 50,000 sheep from Mordor.", "Rohan freed 50"},
      {"Arnor said Rohan condemned Mordor's police.", "Rohan condemned Mordor"},
      {"Arnor's envoy said Gondor condemned Mordor.", "Arnor"},
      {"Arnor said 'Rohan condemned Mordor', Bree reported.", "Rohan condemned Mordor"},
      {"Arnor said 'Rohan condemned Mordor yesterday.", "Rohan condemned Mordor yesterday"},
      {"Arnor said Rohan freed 3.5 goats from Mordor.", "Rohan freed 3"},
      {"Arnor said Gondor condemned Mordor.", "ondor condemned Mordor"},
      {"Arnor said ROHAN CONDEMNED MORDOR, and Bree agreed.", "ROHAN CONDEMNED MORDOR"},
      {"THE US CONDEMNED MORDOR, the envoy of Arnor said.", "the envoy of Arnor said."},
      {"Gandalf's police urged Gondor to act, Elrond said.", "Gandalf's police urged Gondor to act"},
      {"Arnor (and Rohan) condemned Mordor yesterday.", "and Rohan) condemned Mordor"},
      {"Arnor said /* a note */ Rohan condemned Mordor.", "Rohan condemned Mordor."},
      // (Roots: one crossing the part's end, one its start, a case-sensitive one in capitals.)
      {"Arnor said Rohan condemned Minas Tirith yesterday.", "Arnor said Rohan condemned Minas"},
      {"Arnor said Minas Tirith condemned Mordor.", "Tirith condemned Mordor"},
      {"Arnor said the US condemned Mordor, and BREE SAID THE US CONDEMNED ROHAN.", "THE US CONDEMNED ROHAN"},
      {"ARNOR SAID THE US CONDEMNED MORDOR, and Bree agreed.", "THE US CONDEMNED MORDOR"},
  };
  for (const auto& [sentence, part] : cases)
    EXPECT_EQ(reading(sentence, part), reading(unrelated, part)) << part << " (in " << sentence << ")";
}

TEST_F(CoderTest, CoderIsSafeAcrossThreads) {
  Coder coder(dicts_, CoderOptions{options_});
  std::vector<std::string> got(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) got[t] = Events(coder.Code("Rohan and Bree urged Gondor to act.", Date{1995, 1, 1}));
    });
  for (auto& th : threads) th.join();
  for (const auto& g : got) EXPECT_EQ(g, "ROH/GON/102 BRE/GON/102");
}

// ------------------------------------------------------------ validation checker

TEST(CheckRecordTest, FollowsTheSuiteRules) {
  CodeResult two;
  two.events.resize(2);
  two.events[0].source = "ARN"; two.events[0].target = "GON"; two.events[0].code = "064";
  two.events[1].source = "GON"; two.events[1].target = "ARN"; two.events[1].code = "065";
  EXPECT_EQ(CheckRecord("x /* { ARN / GON / 064 } { GON / ARN / 065 } */", two, false, false), "");
  EXPECT_EQ(CheckRecord("x /* { GON / ARN / 065 } { ARN / GON / 064 } */", two, false, false), "does not match");
  EXPECT_EQ(CheckRecord("x /* { ARN / GON / 064 } */", two, false, false), "more events coded than expected");
  EXPECT_EQ(CheckRecord("x /* { ARN / GON / 064 } { GON / ARN / 065 } { A / B / 1 } */", two, false, false),
            "fewer events coded than expected");
  EXPECT_EQ(CheckRecord("x /* -{ XXX } */", two, false, false), "");
  EXPECT_EQ(CheckRecord("x /* { ARN / GON / 06 } */", two, false, false), "does not match");
  EXPECT_EQ(CheckRecord("no comment { ARN / GON / 064 }", two, false, false), "no verification record");
  // No events: the problem's kind decides (issue 11, item 13: its words were read, "ard co" for a
  // discard); the words only go into the reason.
  CodeResult none;
  none.problem = "reworded: no events at all";
  none.problem_kind = Problem::kNoEvents;
  EXPECT_EQ(CheckRecord("x /* {---} */", none, false, false), "");
  EXPECT_EQ(CheckRecord("x /* {###} */", none, false, false), "does not match: reworded: no events at all");
  none.problem_kind = Problem::kInputError;
  EXPECT_EQ(CheckRecord("x /* {---} */", none, false, false), "");
  none.problem_kind = Problem::kOnlyNull;
  EXPECT_NE(CheckRecord("x /* {---} */", none, false, false), "");
  none.problem = "Complex code found";  // words of another kind change nothing
  none.problem_kind = Problem::kDiscard;
  EXPECT_EQ(CheckRecord("x /* {###} */", none, false, false), "");
  EXPECT_NE(CheckRecord("x /* {+++} */", none, false, false), "");
  none.problem_kind = Problem::kComplex;
  EXPECT_EQ(CheckRecord("x /* {+++} */", none, false, false), "");
  // Time shifting: the first digits after the first '}' must be in event 0's line.
  two.events[0].date = Date{1995, 1, 3};
  EXPECT_EQ(CheckRecord("x /* { ARN / GON / 064 } 950103 { GON / ARN / 065 } */", two, true, false), "");
  EXPECT_NE(CheckRecord("x /* { ARN / GON / 064 } 950104 { GON / ARN / 065 } */", two, true, false), "");
}

}  // namespace
}  // namespace dyad::code
