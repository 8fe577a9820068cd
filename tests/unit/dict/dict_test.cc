// Dictionary loading (TABARI and PETRARCH/Phoenix modes), options and the TABARI record reader.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "dict/dictionary.h"
#include "test_util.h"
#include "dict/options.h"
#include "dict/tabari_records.h"

namespace dyad::dict {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

using testing::LoadOk;
using testing::TempDir;

int32_t RootOf(const DictionarySet& d, const std::string& first_word, RootType type) {
  int32_t w = d.FindWord(first_word);
  auto [b, e] = d.RootsStartingWith(w);
  for (const int32_t* r = b; r != e; ++r)
    if (d.roots()[*r].type == type) return *r;
  return -1;
}

// ------------------------------------------------------------ records

TEST(TabariRecordReaderTest, ReadsDateIdAndJoinedBody) {
  std::istringstream in("banner line\n950101  DEMO-01\nArnor is about\nto restore ties. /* { ARN / GON / 064 } */\n\n"
                        "9501201 ACTORSYN-01\nsecond record\n\n");
  TabariRecordReader reader(in, {});
  TabariRecord r;
  ASSERT_TRUE(reader.Next(&r));
  EXPECT_EQ(r.date, (Date{1995, 1, 1}));
  EXPECT_EQ(r.id, "DEMO-01");
  EXPECT_EQ(r.line, 2);
  EXPECT_EQ(r.text, "Arnor is about to restore ties. /* { ARN / GON / 064 } */");
  EXPECT_EQ(StripRecordComments(r.text), "Arnor is about to restore ties.");
  ASSERT_TRUE(reader.Next(&r));
  EXPECT_EQ(r.date, (Date{1995, 1, 20}));
  EXPECT_EQ(r.id, "1 ACTORSYN-01");  // no separator needed after the date
  EXPECT_FALSE(reader.Next(&r));
}

TEST(TabariRecordReaderTest, BlankOnlyLineDoesNotEndTheBody) {
  std::istringstream in("020304 X-1\nfirst\n   \nsecond\n\n");
  TabariRecordReader reader(in, {});
  TabariRecord r;
  ASSERT_TRUE(reader.Next(&r));
  EXPECT_EQ(r.date, (Date{2002, 3, 4}));
  EXPECT_THAT(r.text, HasSubstr("second"));
}

TEST(TabariRecordReaderTest, SkipsInvalidDatesWithAWarning) {
  std::istringstream in("951301 BAD-1\ntext\n\n950101 OK-1\ntext\n\n");
  TabariRecordReader::Options o;
  o.name = "t.text";
  TabariRecordReader reader(in, o);
  TabariRecord r;
  ASSERT_TRUE(reader.Next(&r));
  EXPECT_EQ(r.id, "OK-1");
  ASSERT_EQ(reader.warnings().size(), 1u);
  EXPECT_EQ(reader.warnings()[0].message(), "t.text:1: invalid record date: '951301 BAD-1'");
  EXPECT_EQ(reader.warnings()[0].where(), "t.text:1");
  EXPECT_EQ(reader.warnings()[0].kind(), "invalid date");
}

TEST(TabariRecordReaderTest, YyyyModeReadsEightDigits) {
  std::istringstream in("186010029 YYYY-03\ntext\n\n");
  TabariRecordReader::Options o;
  o.yyyy = true;
  TabariRecordReader reader(in, o);
  TabariRecord r;
  ASSERT_TRUE(reader.Next(&r));
  EXPECT_EQ(r.date, (Date{1860, 10, 2}));
  EXPECT_EQ(r.id, "9 YYYY-03");
}

TEST(TabariRecordReaderTest, TruncatesLongBodiesInTabariMode) {
  std::string body(3000, 'x');
  std::istringstream in("950101 LONG\n" + body + "\n\n");
  TabariRecordReader::Options o;
  o.tabari_limits = true;
  TabariRecordReader reader(in, o);
  TabariRecord r;
  ASSERT_TRUE(reader.Next(&r));
  EXPECT_THAT(r.text, HasSubstr("[STORY TRUNCATED...]"));
  EXPECT_LT(r.text.size(), 2100u);
  EXPECT_EQ(reader.warnings().size(), 1u);
}

// ------------------------------------------------------------ options

TEST(OptionsTest, ParsesTheSuiteCommands) {
  TabariOptions o;
  EXPECT_TRUE(ApplyOptionLine("COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN", &o).ok());
  EXPECT_EQ(o.complex_verbs, 5);
  EXPECT_EQ(o.complex_conj, 4);
  EXPECT_TRUE(o.complex_noactprior);
  EXPECT_FALSE(o.complex_noverb);
  EXPECT_TRUE(ApplyOptionLine("SET: MINIMUM WORDS = 4  */", &o).ok());
  EXPECT_EQ(o.minimum_words, 4);
  EXPECT_TRUE(ApplyOptionLine("SET: CODE BY SENTENCE", &o).ok());
  EXPECT_EQ(o.code_by, CodeBy::kSentence);
  EXPECT_TRUE(ApplyOptionLine("SET: CODE ALL", &o).ok());
  EXPECT_EQ(o.code_by, CodeBy::kAll);
  EXPECT_TRUE(ApplyOptionLine("DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER", &o).ok());
  EXPECT_EQ(o.default_source, "DEFSRC");
  EXPECT_TRUE(o.default_prior && o.default_after);
  EXPECT_TRUE(ApplyOptionLine("DEFAULT: OFF", &o).ok());
  EXPECT_TRUE(o.default_source.empty());
  EXPECT_FALSE(o.default_prior);
  EXPECT_TRUE(ApplyOptionLine("COMMA: MIN = 4 MAX = 6 EMIN = 3 EMAX = 6 BMIN = 3 BMAX = 8", &o).ok());
  EXPECT_EQ(o.comma_min, 4);
  EXPECT_EQ(o.comma_bmax, 8);
  EXPECT_TRUE(ApplyOptionLine("FORWARD: ^^*****NNN*SSS", &o).ok());
  EXPECT_TRUE(o.forward);
  EXPECT_TRUE(ApplyOptionLine("FORWARD: ^^*****NNN*SSS OFF", &o).ok());
  EXPECT_FALSE(o.forward);
  EXPECT_TRUE(ApplyOptionLine("SET: TIME SHIFT = FALSE", &o).ok());
  EXPECT_EQ(o.time_shift, 0);
  EXPECT_FALSE(ApplyOptionLine("BOGUS: X", &o).ok());
  EXPECT_FALSE(ApplyOptionLine("no colon here", &o).ok());
}

// ------------------------------------------------------------ TABARI mode

TEST(DictionaryTest, LoadsActorsWithSynonymsAndDatedCodes) {
  TempDir dir;
  std::string actors = dir.Write("t.actors",
                                 "ARNOR [ARN]\n"
                                 "GOLLUM ; comment\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 950601 - 990815]\n\t[HOBREB > 990816]\n"
                                 "ALBRIGHT  [USAGOV 991201-010114] [---]\n"
                                 "USSR [USR <911226]\n"
                                 "<NOUN>\nSHEEP\n</NOUN>\n");
  auto d = LoadOk({actors});
  ASSERT_TRUE(d);
  EXPECT_TRUE(d->warnings().empty()) << d->warnings()[0];
  EXPECT_EQ(d->counts().actors, 4);
  EXPECT_EQ(d->counts().actor_phrases, 5);
  EXPECT_EQ(d->counts().nouns, 1);
  int32_t smeagol = RootOf(*d, "SMEAGOL", RootType::kActor);
  ASSERT_GE(smeagol, 0);
  const auto& codes = d->actors()[d->roots()[smeagol].entry].codes;
  ASSERT_EQ(codes.size(), 3u);
  EXPECT_EQ(codes[0].code, "HOB");
  EXPECT_EQ(codes[0].kind, ActorCode::kBefore);
  EXPECT_EQ(codes[1].kind, ActorCode::kRange);
  EXPECT_EQ(codes[2].code, "HOBREB");
  // A single dated bracket gets a [---] default.
  int32_t ussr = RootOf(*d, "USSR", RootType::kActor);
  const auto& uc = d->actors()[d->roots()[ussr].entry].codes;
  ASSERT_EQ(uc.size(), 2u);
  EXPECT_EQ(uc[1].code, "---");
  EXPECT_EQ(d->hash().size(), 64u);
}

// Bytes that are not text: a warning with file and line, escaped (no raw CR or
// invalid UTF-8 reaches a terminal), and the line is read as blank.
TEST(DictionaryTest, NulAndInvalidUtf8LinesAreWarnedAndEscaped) {
  TempDir dir;
  std::string verbs = dir.Write("bad.verbs", std::string("ATTACK [190]\n- * TROOPS [193]\n- * BO\0MB [195]\n"
                                                         "- * SH\xE9LL [194]\n", 62));
  std::string actors = dir.Write("bad.actors", "ARNOR [ARN]\nGON\xFF\xFE" "DOR [GON]\nROHAN\r [ \r]\n");
  LoadOptions o;
  o.paths = {verbs, actors};
  std::shared_ptr<const DictionarySet> d;
  ASSERT_TRUE(DictionarySet::Load(o, &d).ok());
  std::vector<std::string> w = d->warnings();
  ASSERT_GE(w.size(), 3u);
  EXPECT_EQ(w[0], verbs + ":3: NUL byte at byte 7, line ignored: '- * BO\\x00MB [195]'");
  EXPECT_EQ(w[1], verbs + ":4: invalid UTF-8 at byte 7, line ignored: '- * SH\\xE9LL [194]'");
  EXPECT_EQ(w[2], actors + ":2: invalid UTF-8 at byte 4, line ignored: 'GON\\xFF\\xFEDOR [GON]'");
  for (const std::string& line : w) {
    EXPECT_EQ(line.find('\r'), std::string::npos) << line;
    EXPECT_EQ(line.find('\0'), std::string::npos);
    for (char c : line) EXPECT_LT(static_cast<unsigned char>(c), 0x80u) << line;
  }
  EXPECT_GE(RootOf(*d, "ARNOR", RootType::kActor), 0);
}

// Found by the fuzz_dict harness: an .options line's own message quoted the line raw, so a
// control byte (an escape sequence) reached the terminal through the warning.
TEST(DictionaryTest, OptionWarningsEscapeControlBytes) {
  TempDir dir;
  std::string options = dir.Write("bad.options", "SET: MINIMUM WORDS = \x07\x1b[J\n");
  LoadOptions o;
  o.paths = {options};
  std::shared_ptr<const DictionarySet> d;
  ASSERT_TRUE(DictionarySet::Load(o, &d).ok());
  ASSERT_EQ(d->warnings().size(), 1u);
  const std::string& w = d->warnings()[0];
  EXPECT_THAT(w, HasSubstr(options + ":1: "));
  EXPECT_THAT(w, HasSubstr("\\x07\\x1B[J"));
  for (char c : w) EXPECT_GE(static_cast<unsigned char>(c), 0x20u) << w;
}

TEST(DictionaryTest, ReportsBadActorLinesWithFileAndLine) {
  TempDir dir;
  std::string actors = dir.Write("bad.actors",
                                 "ARNOR [ARN]\n"
                                 "ARNOR [XXX]\n"
                                 "GONDOR [GON 991301-000101]\n"
                                 "ROHAN [ ]\n"
                                 "  [ORPHAN]\n");
  LoadOptions o;
  o.paths = {actors};
  std::shared_ptr<const DictionarySet> d;
  ASSERT_TRUE(DictionarySet::Load(o, &d).ok());
  ASSERT_EQ(d->warnings().size(), 4u);
  EXPECT_EQ(d->warnings()[0], actors + ":2: duplicate actor phrase: 'ARNOR'");
  EXPECT_THAT(d->warnings()[1], HasSubstr(actors + ":3: bad date restriction"));
  // The orphan code line is reported when read, the empty bracket when its entry completes.
  EXPECT_EQ(d->warnings()[2], actors + ":5: no phrase: '[ORPHAN]'");
  EXPECT_EQ(d->warnings()[3], actors + ":4: no code: 'ROHAN [ ]'");
  // The first entry survives.
  EXPECT_GE(RootOf(*d, "ARNOR", RootType::kActor), 0);
  // Strict: the first warning fails the load with that message.
  o.strict = true;
  std::shared_ptr<const DictionarySet> strict;
  Status s = DictionarySet::Load(o, &strict);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.message(), actors + ":2: duplicate actor phrase: 'ARNOR'");
  EXPECT_FALSE(strict);
}

TEST(DictionaryTest, LoadsAgents) {
  TempDir dir;
  std::string agents = dir.Write("t.agents", "PRESIDENT_  [ ~GOVPRS]\nHUMAN_RIGHTS_BODY_ [NGO~]\nBROKEN [GOV]\nNOCODE\n");
  auto d = LoadOk({agents});
  ASSERT_EQ(d->agents().size(), 2u);
  EXPECT_EQ(d->agents()[0].code, "GOVPRS");
  EXPECT_FALSE(d->agents()[0].prefix);
  EXPECT_EQ(d->agents()[1].code, "NGO");
  EXPECT_TRUE(d->agents()[1].prefix);
  ASSERT_EQ(d->warnings().size(), 2u);
  EXPECT_EQ(d->warnings()[0], agents + ":3: agent code without '~': 'BROKEN [GOV]'");
  EXPECT_EQ(d->warnings()[1], agents + ":4: missing left bracket: 'NOCODE'");
}

TEST(DictionaryTest, LoadsVerbsPatternsSynsetsAndTime) {
  TempDir dir;
  std::string verbs = dir.Write("t.verbs",
                                "<SYNSETS>\n&CURRENCY\n+DOLLAR\n+SWISS_FRANC\n</SYNSETS>\n"
                                "<TIME>\nYESTERDAY [-1]\nFOREVER [- - -]\n</TIME>\n"
                                "ATTEND  [031!]\n- SAID * SUMMIT  [082]\n"
                                "ADMIT  [013:012]\n"
                                "BREAK_ [1717]\n{ BROKE_ BROKEN_ }\n- * FOR { SANCTIONS | EMBARGO }  [172]\n- * &CURRENCY [903]\n"
                                "- * NEAR_CITY [111]\n- IN_ * [3]\n");
  auto d = LoadOk({verbs});
  EXPECT_TRUE(d->warnings().empty()) << d->warnings()[0];
  EXPECT_TRUE(d->has_time_section());
  EXPECT_EQ(d->counts().verbs, 3);
  EXPECT_EQ(d->counts().verb_forms, 2);
  EXPECT_EQ(d->counts().time_phrases, 2);
  EXPECT_EQ(d->counts().synsets, 1);
  int32_t attend = RootOf(*d, "ATTEND", RootType::kVerb);
  EXPECT_TRUE(d->verbs()[d->roots()[attend].entry].code.dom);
  int32_t admit = RootOf(*d, "ADMIT", RootType::kVerb);
  const auto& ac = d->verbs()[d->roots()[admit].entry].code;
  EXPECT_TRUE(ac.paired);
  EXPECT_EQ(ac.code, "013");
  EXPECT_EQ(ac.code2, "012");
  int32_t broke = RootOf(*d, "BROKE", RootType::kVerb);
  int32_t brk = RootOf(*d, "BREAK", RootType::kVerb);
  EXPECT_EQ(d->roots()[broke].entry, d->roots()[brk].entry);
  // Pattern lengths (spec §4.2) and longest-first order.
  const auto& list = d->pattern_lists()[d->verbs()[d->roots()[brk].entry].patterns];
  ASSERT_EQ(list.size(), 4u);
  EXPECT_EQ(d->patterns()[list[0]].length, 12);  // * FOR { SANCTIONS | EMBARGO }
  EXPECT_EQ(d->patterns()[list[1]].length, 9);   // * NEAR_CITY
  EXPECT_EQ(d->patterns()[list[2]].length, 8);   // * &CURRENCY
  EXPECT_EQ(d->patterns()[list[3]].length, 3);   // IN_ *
  EXPECT_EQ(d->patterns()[list[3]].line, 18);
  int32_t forever = RootOf(*d, "FOREVER", RootType::kTime);
  EXPECT_EQ(d->verbs()[d->roots()[forever].entry].code.shift, 0);
}

// The coder passes over the synset members a word cannot start or end by these indexes.
TEST(DictionaryTest, SynsetMembersAreIndexedByTheirFirstAndLastWords) {
  TempDir dir;
  std::string verbs = dir.Write("t.verbs", "<SYNSETS>\n&CURRENCY\n+DOLLAR\n+SWISS_FRANC\n</SYNSETS>\nPAY [903]\n");
  auto d = LoadOk({verbs});
  const Synset& s = d->synsets().at(0);
  ASSERT_EQ(s.members.size(), 2u);  // longest first
  ASSERT_EQ(s.first_words.size(), 2u);
  EXPECT_EQ(d->word(s.first_words[0]), "SWISS");
  EXPECT_EQ(d->word(s.first_words[1]), "DOLLAR");
  ASSERT_EQ(s.by_last_word.size(), 2u);
  for (const auto& [word, member] : s.by_last_word) EXPECT_EQ(s.members[member].back().id, word);
  EXPECT_LT(s.by_last_word[0].first, s.by_last_word[1].first);  // sorted by word
}

TEST(DictionaryTest, KnowsWhetherAnyCodeDiscardsASentence) {
  TempDir dir;
  EXPECT_FALSE(LoadOk({dir.Write("a.actors", "ARNOR [ARN]\nBOROMIR [---]\n"), dir.Write("a.verbs", "PAY [903]\n")})
                   ->has_discard_codes());
  EXPECT_TRUE(LoadOk({dir.Write("b.actors", "ARNOR [ARN]\nNASGUL [###]\n")})->has_discard_codes());
  // (A dated bracket counts too: the discard may hold on the sentence's date.)
  EXPECT_TRUE(LoadOk({dir.Write("c.actors", "USSR [USR <911226] [###]\n")})->has_discard_codes());
  EXPECT_TRUE(LoadOk({dir.Write("d.verbs", "PAY [903]\nSPOIL [###]\n")})->has_discard_codes());
}

TEST(DictionaryTest, ReportsBadVerbLines) {
  TempDir dir;
  std::string verbs = dir.Write("bad.verbs",
                                "- * ORPHAN [010]\n"
                                "CONDEMN [122]\n"
                                "- NO VERB HERE [122]\n"
                                "- * &NOSUCH [122]\n"
                                "- * { A | B [122]\n"
                                "NOCODE\n"
                                "CONDEMN [121]\n"
                                "- * SKIPPED [000]\n");
  auto d = LoadOk({verbs});
  ASSERT_EQ(d->warnings().size(), 6u);
  EXPECT_EQ(d->warnings()[0], verbs + ":1: pattern before any verb: '- * ORPHAN [010]'");
  EXPECT_EQ(d->warnings()[1], verbs + ":3: pattern has no '*': '- NO VERB HERE [122]'");
  EXPECT_EQ(d->warnings()[2], verbs + ":4: unknown synset '&NOSUCH': '- * &NOSUCH [122]'");
  EXPECT_EQ(d->warnings()[3], verbs + ":5: missing '}': '- * { A | B [122]'");
  EXPECT_EQ(d->warnings()[4], verbs + ":6: missing left bracket: 'NOCODE'");
  EXPECT_EQ(d->warnings()[5], verbs + ":7: duplicate verb: 'CONDEMN [121]'");
  EXPECT_EQ(d->counts().patterns, 0);
}

TEST(DictionaryTest, UnreadableOrUnknownPathsFail) {
  LoadOptions o;
  o.paths = {"/nonexistent/x.verbs"};
  std::shared_ptr<const DictionarySet> d;
  Status s = DictionarySet::Load(o, &d);
  EXPECT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("/nonexistent/x.verbs"));
  TempDir dir;
  o.paths = {dir.Write("notes.md", "hello")};
  EXPECT_FALSE(DictionarySet::Load(o, &d).ok());
}

TEST(DictionaryTest, DirectoryLoadsEveryDictionaryAndOptions) {
  TempDir dir;
  dir.Write("a.actors", "ARNOR [ARN]\n");
  dir.Write("b.verbs", "CONDEMN [122]\n");
  dir.Write("c.agents", "PRESIDENT_ [~GOVPRS]\n");
  dir.Write("d.options", "SET: MINIMUM WORDS = 3\n");
  dir.Write("README.md", "not a dictionary\n");
  auto d = LoadOk({dir.path()});
  EXPECT_EQ(d->counts().actors, 1);
  EXPECT_EQ(d->counts().verbs, 1);
  EXPECT_EQ(d->counts().agents, 1);
  EXPECT_TRUE(d->has_options());
  EXPECT_EQ(d->options().minimum_words, 3);
  EXPECT_EQ(d->files().size(), 4u);
}

TEST(DictionaryTest, HashChangesWithContent) {
  TempDir dir;
  auto a = LoadOk({dir.Write("x.actors", "ARNOR [ARN]\n")});
  auto b = LoadOk({dir.Write("y.actors", "ARNOR [ARX]\n")});
  EXPECT_NE(a->hash(), b->hash());
}

// ------------------------------------------------------------ PETRARCH / Phoenix mode

TEST(DictionaryTest, PhoenixActorConveniences) {
  TempDir dir;
  std::string actors = dir.Write("Test.Countries.actors.txt",
                                 "<!-- a comment\n spanning lines -->\n"
                                 "AFGHANISTAN_  [AFG]\n+AFGHAN_ # trailing comment\n"
                                 "\t[AFGGOV 20041207-20091119] # dated line under a coded entry\n"
                                 "   #[IRNGOV >20130804] indented comment\n"
                                 "NOCODE_ENTRY_\n"
                                 "ZAHIR_SHAH_  # CountryInfo.txt\n\t[AFGELI 19330101-730717]\n");
  auto d = LoadOk({actors});
  EXPECT_TRUE(d->warnings().empty()) << d->warnings()[0];
  EXPECT_TRUE(d->files()[0].petrarch);
  int32_t afghan = RootOf(*d, "AFGHAN", RootType::kActor);
  ASSERT_GE(afghan, 0);
  const auto& codes = d->actors()[d->roots()[afghan].entry].codes;
  ASSERT_EQ(codes.size(), 2u);
  EXPECT_EQ(codes[0].code, "AFGGOV");  // the date line first, the inline code as default
  EXPECT_EQ(codes[1].code, "AFG");
  EXPECT_EQ(Date::FromDays(codes[0].lo), (Date{2004, 12, 7}));
  int32_t zahir = RootOf(*d, "ZAHIR", RootType::kActor);
  const auto& zc = d->actors()[d->roots()[zahir].entry].codes;
  EXPECT_EQ(Date::FromDays(zc[0].lo), (Date{1933, 1, 1}));
  EXPECT_EQ(Date::FromDays(zc[0].hi), (Date{1973, 7, 17}));
  int32_t nocode = RootOf(*d, "NOCODE", RootType::kActor);
  EXPECT_EQ(d->actors()[d->roots()[nocode].entry].codes[0].code, "---");
}

TEST(DictionaryTest, PhoenixAgentSubstitutionsAndPlurals) {
  TempDir dir;
  std::string agents = dir.Write("Test.agents.txt",
                                 "!PERSON! = MAN, MEN, WOMAN\n"
                                 "CATTLE!PERSON! [~AGR]\n"
                                 "CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]\n"
                                 "MILITIA [~REB]\n");
  auto d = LoadOk({agents});
  EXPECT_TRUE(d->warnings().empty()) << d->warnings()[0];
  EXPECT_GE(RootOf(*d, "CATTLEMAN", RootType::kAgent), 0);
  EXPECT_GE(RootOf(*d, "CATTLEMEN", RootType::kAgent), 0);
  EXPECT_GE(RootOf(*d, "CATTLEWOMAN", RootType::kAgent), 0);
  EXPECT_GE(RootOf(*d, "CHAMBERS", RootType::kAgent), 0);
}

TEST(DictionaryTest, PetrarchVerbBlocks) {
  TempDir dir;
  std::string verbs = dir.Write("Test.verbs.txt",
                                "<!-- header -->\n&TIETYPES\n+MILITARY\n"
                                "--- ABANDON  [345]  ---\nABANDON    # comment\n+CLEAR_UP\nKLM_NOP_+RST [002]\n"
                                "- * &TIETYPES TIES [902]\n"
                                "--- SAY [023] ---\nSAY {SAYS SAID SAYING}\n");
  auto d = LoadOk({verbs});
  EXPECT_TRUE(d->warnings().empty()) << d->warnings()[0];
  EXPECT_TRUE(d->files()[0].petrarch);
  int32_t abandoned = RootOf(*d, "ABANDONED", RootType::kVerb);
  int32_t cleared = RootOf(*d, "CLEARED", RootType::kVerb);
  int32_t said = RootOf(*d, "SAID", RootType::kVerb);
  ASSERT_GE(abandoned, 0);
  ASSERT_GE(cleared, 0);
  ASSERT_GE(said, 0);
  EXPECT_EQ(RootOf(*d, "SAYED", RootType::kVerb), -1);  // explicit forms only
  // Block verbs share one pattern list; own codes override the block code.
  int32_t klm = RootOf(*d, "KLM", RootType::kVerb);
  EXPECT_EQ(d->verbs()[d->roots()[klm].entry].code.code, "002");
  EXPECT_EQ(d->verbs()[d->roots()[abandoned].entry].code.code, "345");
  EXPECT_EQ(d->verbs()[d->roots()[klm].entry].patterns, d->verbs()[d->roots()[abandoned].entry].patterns);
  EXPECT_EQ(d->counts().patterns, 1);
}

// ------------------------------------------------------------ project

TEST(ProjectTest, LoadsInProjectOrderAndReportsMissingFiles) {
  TempDir dir;
  dir.Write("a.actors", "ARNOR [ARN]\n");
  dir.Write("b.verbs", "CONDEMN [122]\n");
  dir.Write("o.options", "SET: MINIMUM WORDS = 5\n");
  dir.Write("t.text", "950101 X\nArnor condemned.\n\n");
  std::string project = dir.Write("p.project",
                                  "title line\n<actorsfile> a.actors\n<verbsfile>\tb.verbs\n<optionsfile> o.options\n"
                                  "<textfile> t.text\n<eventfile> out\n");
  Project p;
  Status s = LoadProject(project, false, &p);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(p.texts.size(), 1u);
  EXPECT_EQ(p.dicts->options().minimum_words, 5);
  std::string bad = dir.Write("bad.project", "<actorsfile> a.actors\n<verbsfile> missing.verbs\n<textfile> t.text\n");
  s = LoadProject(bad, false, &p);
  EXPECT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr(bad + ":2: missing file:"));
  EXPECT_THAT(s.message(), HasSubstr("missing.verbs"));
}

}  // namespace
}  // namespace dyad::dict
