// Document coreference (docs/coreference.md): pronouns and definite noun phrases resolved across
// the sentences of a document, on small hand-written dictionaries and sentences.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "code/coder.h"
#include "code/coreference.h"
#include "dict/dictionary.h"

namespace dyad::code {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

constexpr char kActors[] =
    "ARNOR [ARN]\nGONDOR [GON]\nMORDOR [ORC]\nROHAN [ROH]\nARAGORN [GONGOV]\nWESTERLANDS [WST]\n"
    "WHITE_COUNCIL [IGOWHC]\nTHEODEN_KING_OF_ROHAN [ROHGOV]\nTHEODEN_KING [ROHGOV]\n"
    "THEODRED_PRINCE [ROHGOV]\nEMERIC_DOL [ROHGOV]\n";
constexpr char kAgents[] = "POLICE_ [~COP]\nTROOPS_ [~MIL]\nGOVERNMENT_ [~GOV]\n";
constexpr char kVerbs[] =
    "CONDEMN [122]\nATTACK [190]\nMEET [031:031]\nPRAISE [051]\nVISIT [042]\nHOST [043]\nACCUSE [112]\n";
constexpr char kCoref[] =
    "# test rules\n"
    "PRONOUN: PERSON HE HIM SHE HER\n"
    "PRONOUN: THING IT ITS\n"
    "PRONOUN: GROUP THEY THEM THEIR\n"
    "EXPLETIVE: IS WAS\n"
    "WINDOW: PRONOUN 2\n"
    "WINDOW: DEFINITE 3\n"
    "NONSTATE: WST IGO\n"
    "MENTION: THE COUNTRY = STATE\n"
    "MENTION: THE TWO COUNTRIES = STATES\n"
    "MENTION: THE REGIME = STATE GOV\n"
    "MENTION: THE GOVERNMENT = STATE GOV\n"
    "MENTION: THE MINISTRY = STATE GOV MOST SUBJECT\n"
    "SET: KINGDOMS ROH GON\n"
    "SET: WESTERN ARN ROH\n"
    "MENTION: THE KINGDOM = STATE IN KINGDOMS\n"
    "MENTION: THE WESTERLANDS NATION = STATE IN WESTERN\n"
    "WINDOW: EVENT 2\n"
    "MENTION: THE ATTACK = ACTOR OF 19 20\n"
    "MENTION: THE RAIDS = ACTOR OF 19 20\n"
    "MENTION: THE TROOPS = GROUP MIL SUBJECT\n"
    "MENTION: THE SOLDIERS = GROUP MIL SUBJECT\n";

class CoreferenceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dyad_coref_test_" + std::to_string(::getpid()));
    fs::remove_all(dir_);  // a reused pid finds an earlier run's files
    fs::create_directories(dir_);
    std::ofstream(dir_ / "t.actors") << kActors;
    std::ofstream(dir_ / "t.agents") << kAgents;
    std::ofstream(dir_ / "t.verbs") << kVerbs;
    std::ofstream(dir_ / "t.coref") << kCoref;
    options_.minimum_words = 3;
    options_.time_shift = 0;
    dict::LoadOptions o;
    o.paths = {dir_.string()};  // a directory: the .coref file is picked up with the others
    ASSERT_TRUE(dict::DictionarySet::Load(o, &with_rules_).ok());
    ASSERT_TRUE(with_rules_->warnings().empty()) << with_rules_->warnings().front();
    o.paths = {(dir_ / "t.actors").string(), (dir_ / "t.agents").string(), (dir_ / "t.verbs").string()};
    ASSERT_TRUE(dict::DictionarySet::Load(o, &without_rules_).ok());
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  static std::string Events(const CodeResult& r) {
    if (r.events.empty()) return "(" + r.problem + ")";
    std::string out;
    for (const auto& e : r.events) out += (out.empty() ? "" : " ") + e.source + "/" + e.target + "/" + e.code;
    return out;
  }
  // Codes the sentences as one document; "\n\n" before a sentence marks a new paragraph.
  std::vector<CodeResult> Document(const std::vector<std::string>& sentences, bool rules = true) {
    Coder coder(rules ? with_rules_ : without_rules_, CoderOptions{options_});
    Discourse discourse(coder.coref());
    std::vector<CodeResult> out;
    for (const auto& s : sentences) {
      const bool para = s.rfind("\n\n", 0) == 0;
      out.push_back(coder.CodeInDocument(para ? s.substr(2) : s, Date{2024, 3, 1}, &discourse, para));
      // As the engine does once a sentence's events are settled (it notes only asserted ones).
      for (const auto& e : out.back().events) discourse.NoteEvent(e.code, e.source, e.source_text);
    }
    return out;
  }
  std::string Last(const std::vector<std::string>& sentences, bool rules = true) {
    return Events(Document(sentences, rules).back());
  }

  fs::path dir_;
  std::shared_ptr<const dict::DictionarySet> with_rules_, without_rules_;
  dict::TabariOptions options_;
};

TEST_F(CoreferenceTest, RulesAreReadFromTheCorefFile) {
  Coder coder(with_rules_, CoderOptions{options_});
  const CorefRules& r = coder.coref();
  EXPECT_TRUE(coder.coref_warnings().empty());
  EXPECT_EQ(r.pronouns.at("HE"), PronounKind::kPerson);
  EXPECT_EQ(r.pronouns.at("THEIR"), PronounKind::kGroup);
  EXPECT_EQ(r.definite_window, 3);
  EXPECT_EQ(r.event_window, 2);
  ASSERT_EQ(r.definites.size(), 11u);
  for (const auto& d : r.definites) {
    EXPECT_EQ(d.subject_only, d.words.back() == "TROOPS" || d.words.back() == "SOLDIERS" || d.words.back() == "MINISTRY");
    EXPECT_EQ(d.most_named, d.words.back() == "MINISTRY");
  }
  EXPECT_EQ(r.definites[0].words, (std::vector<std::string>{"THE", "TWO", "COUNTRIES"}));  // longest first
  EXPECT_TRUE(r.IsStateCode("ARN"));
  EXPECT_TRUE(r.IsStateCode("GONGOV"));     // first three letters
  EXPECT_FALSE(r.IsStateCode("WST"));       // NONSTATE
  EXPECT_FALSE(r.IsStateCode("IGOWHC"));
  // No .coref file, or coreference switched off: no rules.
  EXPECT_TRUE(Coder(without_rules_, CoderOptions{options_}).coref().empty());
  CoderOptions off{options_};
  off.coreference = false;
  EXPECT_TRUE(Coder(with_rules_, off).coref().empty());
}

TEST(ThreeLetterCodeSetTest, KeepsThreeCapitalsAndAnswersForNothingElse) {
  ThreeLetterCodeSet set = {"ARN", "ZZZ", "AAA"};
  set.insert("GON");
  set.insert("GONGOV");  // not three letters: not kept
  set.insert("ab1");
  for (const char* code : {"ARN", "ZZZ", "AAA", "GON"}) EXPECT_EQ(set.count(code), 1u) << code;
  for (const char* code : {"ROH", "ARM", "GONGOV", "GO", "", "arn", "AR1", "AB1", "ab1", "AR["}) EXPECT_EQ(set.count(code), 0u) << code;
}

TEST_F(CoreferenceTest, BadLinesAreWarningsWithFileAndLine) {
  CorefRules r;
  std::vector<std::string> warnings;
  r.ParseLines({"PRONOUN: PERSON HE", "PRONOUN: ANIMAL IT", "PRONOUN: THING ITSELF", "WINDOW: PRONOUN x",
                "MENTION: THE COUNTRY STATE", "MENTION: THE COUNTRY = PLANET", "FOO: BAR", "# fine", "",
                "MENTION: THE ATTACK = ACTOR OF", "MENTION: THE ATTACK = ACTOR OF 19X"},
               "x.coref", &warnings);
  ASSERT_EQ(warnings.size(), 8u);
  EXPECT_EQ(warnings[0], "x.coref:2: unknown pronoun kind (PERSON, THING or GROUP): 'PRONOUN: ANIMAL IT'");
  EXPECT_THAT(warnings[1], HasSubstr("x.coref:3: not one of the coder's pronouns"));
  EXPECT_THAT(warnings[2], HasSubstr("x.coref:4: WINDOW:"));
  EXPECT_THAT(warnings[3], HasSubstr("x.coref:5: MENTION:"));
  EXPECT_THAT(warnings[4], HasSubstr("x.coref:6: unknown mention kind"));
  EXPECT_THAT(warnings[5], HasSubstr("x.coref:7: unknown coreference command"));
  EXPECT_THAT(warnings[6], HasSubstr("x.coref:10: ACTOR OF expects CAMEO code prefixes"));
  EXPECT_THAT(warnings[7], HasSubstr("x.coref:11: ACTOR OF expects CAMEO code prefixes"));
  EXPECT_EQ(r.pronouns.size(), 1u);  // the good line is kept
}

// Found by fuzz_dict: a bad line was quoted raw, so its control bytes reached the terminal.
TEST_F(CoreferenceTest, WarningsQuoteLinesEscaped) {
  CorefRules r;
  std::vector<std::string> warnings;
  r.ParseLines({"FOO\x05: \x1b[2J\r"}, "x.coref", &warnings);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0], "x.coref:1: unknown coreference command: 'FOO\\x05: \\x1B[2J\\r'");
}

// The rules tried at a word are exactly those whose words can start there, in list order.
TEST_F(CoreferenceTest, DefiniteCandidatesAreTheRulesThatCanStartAtAWord) {
  CorefRules r;
  std::vector<std::string> warnings;
  r.ParseLines({"MENTION: THE COUNTRY = STATE", "MENTION: THE TWO COUNTRIES = STATES", "MENTION: THE AGGRESSOR = AGGRESSOR",
                "MENTION: THE AGGRESSOR STATE = AGGRESSOR", "MENTION: BOTH COUNTRIES = STATES", "MENTION: MOSCOW = STATE"},
               "x.coref", &warnings);
  ASSERT_TRUE(warnings.empty());
  auto words_of = [&](std::string_view first, std::string_view second) {
    std::vector<uint32_t> candidates;
    r.DefiniteCandidates(first, second, &candidates);
    std::vector<std::string> out;
    for (const uint32_t c : candidates) {
      std::string words;
      for (const auto& w : r.definites[c].words) words += (words.empty() ? "" : " ") + w;
      out.push_back(words);
    }
    return out;
  };
  using V = std::vector<std::string>;
  // Longest rules first (the list's order), and only those with these first two words.
  EXPECT_EQ(words_of("THE", "AGGRESSOR"), (V{"THE AGGRESSOR STATE", "THE AGGRESSOR"}));
  EXPECT_EQ(words_of("THE", "AGGRESSOR'S"), (V{"THE AGGRESSOR"}));  // a possessive ends a rule
  EXPECT_EQ(words_of("THE", "COUNTRY"), (V{"THE COUNTRY"}));
  EXPECT_EQ(words_of("THE", "COUNTRIES'"), V{});  // "THE COUNTRIES" is no rule
  EXPECT_EQ(words_of("THE", "TWO"), (V{"THE TWO COUNTRIES"}));
  EXPECT_EQ(words_of("THE", ""), V{});
  EXPECT_EQ(words_of("THEY", "AGGRESSOR"), V{});
  EXPECT_EQ(words_of("BOTH", "COUNTRIES'"), (V{"BOTH COUNTRIES"}));
  EXPECT_EQ(words_of("MOSCOW'S", "TROOPS"), (V{"MOSCOW"}));
  EXPECT_EQ(words_of("MOSCOW", ""), (V{"MOSCOW"}));
  // The filter in front of the look-up passes a possessive through its stem, and nothing else.
  EXPECT_EQ(words_of("MOSCOW'", "TROOPS"), (V{"MOSCOW"}));
  EXPECT_EQ(words_of("'S", "TROOPS"), V{});
  EXPECT_EQ(words_of("'", ""), V{});
  EXPECT_EQ(words_of("", ""), V{});
  std::vector<uint32_t> left = {7, 8};  // a list left from an earlier word is emptied
  r.DefiniteCandidates("KYIV", "SAID", &left);
  EXPECT_TRUE(left.empty());
}

TEST_F(CoreferenceTest, PronounTakesActorOfPreviousSentence) {
  auto doc = Document({"Aragorn visited Rohan on Monday.", "He condemned Mordor on Tuesday."});
  ASSERT_EQ(Events(doc[1]), "GONGOV/ORC/122");
  const CodedEvent& e = doc[1].events[0];
  EXPECT_EQ(e.source_text, "He");  // the words of THIS sentence
  EXPECT_EQ(e.source_span.begin, 0);
  EXPECT_EQ(e.source_span.end, 2);
  EXPECT_EQ(e.source_ref, "Aragorn");  // what it was resolved to
  EXPECT_EQ(e.target_ref, "");
  ASSERT_EQ(doc[1].resolved.size(), 1u);
  EXPECT_EQ(doc[1].resolved[0].code, "GONGOV");
  EXPECT_EQ(doc[1].resolved[0].text, "He");
}

// A clause coded on its own (the engine's reported content) reads the discourse as the sentence
// would, and leaves it as it was: its mentions are not recorded.
TEST_F(CoreferenceTest, AClauseIsCodedAgainstTheDiscourseWithoutChangingIt) {
  Coder coder(with_rules_, CoderOptions{options_});
  Discourse discourse(coder.coref());
  coder.CodeInDocument("Aragorn visited Rohan on Monday.", Date{2024, 3, 1}, &discourse);
  const size_t mentions = discourse.current().size();
  Discourse copy(discourse);
  const CodeResult sentence = coder.CodeInDocument("He condemned Mordor on Tuesday.", Date{2024, 3, 1}, &copy);
  const CodeResult clause = coder.CodeClauseInDocument("He condemned Mordor on Tuesday.", Date{2024, 3, 1}, discourse);
  EXPECT_EQ(Events(clause), "GONGOV/ORC/122");
  EXPECT_EQ(Events(clause), Events(sentence));
  EXPECT_EQ(clause.events[0].source_ref, "Aragorn");
  EXPECT_TRUE(clause.resolved.empty());
  EXPECT_EQ(discourse.current().size(), mentions);  // still the first sentence's
  // Another clause against the same discourse reads it the same way.
  EXPECT_EQ(Events(coder.CodeClauseInDocument("He condemned Mordor on Tuesday.", Date{2024, 3, 1}, discourse)),
            "GONGOV/ORC/122");
}

// A common name standing alone is the person of that name named before ("Theoden King ... Theoden").
TEST_F(CoreferenceTest, AShortNameIsThePersonNamedBefore) {
  EXPECT_EQ(Last({"Theoden King visited Gondor on Monday.", "Theoden condemned Mordor on Tuesday."}), "ROHGOV/ORC/122");
  EXPECT_EQ(Last({"Theoden King visited Gondor on Monday.", "Nothing happened.", "Later Theoden condemned Mordor."}),
            "ROHGOV/ORC/122");
  // Without such a name before it, or without rules, the word stays ordinary.
  EXPECT_EQ(Last({"Aragorn visited Rohan on Monday.", "Theoden condemned Mordor on Tuesday."}),
            Last({"Aragorn visited Rohan on Monday.", "Theoden condemned Mordor on Tuesday."}, false));
  EXPECT_EQ(Last({"Theoden King visited Gondor on Monday.", "Theoden condemned Mordor on Tuesday."}, false),
            "(No events found in text)");
  // Part of a longer unknown name ("Theoden Smith") is someone else; a state's name is no person's.
  EXPECT_NE(Last({"Theoden King visited Gondor on Monday.", "Theoden Smith condemned Mordor on Tuesday."}),
            "ROHGOV/ORC/122");
}

// The full name may lie beyond every rule window (the discourse keeps the document's people apart
// from its last sentences), and a copy of the discourse sees the people named before it was made.
TEST_F(CoreferenceTest, AShortNameFindsItsFullNameFarBack) {
  std::vector<std::string> text = {"Theoden King visited Gondor on Monday."};
  for (int i = 0; i < 15; ++i) text.push_back("Nothing happened.");
  text.push_back("Later Theoden condemned Mordor.");
  EXPECT_EQ(Last(text), "ROHGOV/ORC/122");
  // A possessive is the name too.
  EXPECT_EQ(Last({"Theoden King visited Gondor on Monday.", "Gondor condemned Theoden's decision."}), "GON/ROHGOV/122");
}

TEST_F(CoreferenceTest, AShortNameWithDiacriticsIsThePersonNamedBefore) {
  // The text keeps its letters ("Théodred"), the coder reads them folded (THEODRED): the short form
  // is compared as the coder reads it, and a name may start with a capital with a diacritic.
  EXPECT_EQ(Last({"Théodred Prince visited Gondor on Monday.", "Théodred condemned Mordor on Tuesday."}),
            "ROHGOV/ORC/122");
  EXPECT_EQ(Last({"Théodred Prince visited Gondor on Monday.", "Later Theodred condemned Mordor."}), "ROHGOV/ORC/122");
  EXPECT_EQ(Last({"Émeric Dol visited Gondor on Monday.", "Later Émeric condemned Mordor."}), "ROHGOV/ORC/122");
  EXPECT_EQ(Last({"Émeric Dol visited Gondor on Monday.", "Later Dol condemned Mordor."}), "ROHGOV/ORC/122");
  // A different letter is a different word.
  EXPECT_NE(Last({"Théodred Prince visited Gondor on Monday.", "Later Théodrid condemned Mordor."}), "ROHGOV/ORC/122");
}

TEST_F(CoreferenceTest, ItsBeforeAnAgentIsResolvedLikeIt) {
  // "Its" is no TABARI pronoun: resolved across sentences only before an agent, with no actor
  // before it in its sentence; a government's troops are the state's.
  EXPECT_EQ(Last({"Rohan praised the weather on Monday.", "Its troops attacked Mordor on Tuesday."}), "ROHMIL/ORC/190");
  EXPECT_EQ(Last({"Aragorn praised the weather on Monday.", "Its troops attacked Mordor on Tuesday."}), "GONMIL/ORC/190");
  // After an opening phrase too; never after a noun that may own it ("The council said its troops").
  EXPECT_EQ(Last({"Rohan praised the weather on Monday.", "On Tuesday, its troops attacked Mordor."}), "ROHMIL/ORC/190");
  EXPECT_TRUE(Document({"Rohan praised the weather on Monday.", "The council said its troops attacked Mordor on Tuesday."})[1]
                  .resolved.empty());
  // Without an agent after it, or without rules, nothing is resolved.
  EXPECT_TRUE(Document({"Rohan praised the weather on Monday.", "Its walls condemned Mordor on Tuesday."})[1]
                  .resolved.empty());
  EXPECT_EQ(Last({"Rohan praised the weather on Monday.", "Its troops attacked Mordor on Tuesday."}, false),
            "(No events found in text)");
}

TEST_F(CoreferenceTest, ATitleWhoseHolderFollowsIsLeftToTheHolder) {
  // "The regime, Aragorn, ...": the actor in apposition names it; no antecedent is looked for.
  auto doc = Document({"Rohan praised the weather on Monday.", "The regime, Aragorn, condemned Mordor on Tuesday."});
  EXPECT_TRUE(doc[1].resolved.empty());
  EXPECT_EQ(Last({"Rohan praised the weather on Monday.", "The regime condemned Mordor on Tuesday."}), "ROHGOV/ORC/122");
}

TEST_F(CoreferenceTest, MostIsTheStateNamedMostOftenSoFar) {
  // Rohan twice, Arnor once and nearest: "the ministry" (MOST) is Rohan's, "the government" Arnor's.
  const std::vector<std::string> before = {"Rohan praised Gondor on Monday.", "Rohan condemned Mordor on Tuesday.",
                                           "Arnor praised the weather on Wednesday."};
  auto with = [&](const std::string& last) {
    auto doc = before;
    doc.push_back(last);
    return Last(doc);
  };
  EXPECT_EQ(with("The ministry condemned Mordor on Thursday."), "ROHGOV/ORC/122");
  EXPECT_EQ(with("The government condemned Mordor on Thursday."), "ARNGOV/ORC/122");
  // MOST is for states only.
  CorefRules r;
  std::vector<std::string> warnings;
  r.ParseLines({"MENTION: THE FIGHTERS = GROUP MIL MOST"}, "x.coref", &warnings);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_THAT(warnings[0], HasSubstr("x.coref:1: MOST is for STATE mentions only"));
}

TEST_F(CoreferenceTest, ANameAfterATitleIsThatPersons) {
  // "Rohan government Theodwyn Marsh": a title with a role, then a name the dictionaries do not know.
  EXPECT_EQ(Last({"Rohan government Theodwyn Marsh visited Gondor on Monday.", "Later Marsh condemned Mordor."}),
            "ROHGOV/ORC/122");
  // A bare state is no title, and four capitalised words are no name of one person.
  EXPECT_EQ(Last({"Rohan Theodwyn Marsh visited Gondor on Monday.", "Later Marsh condemned Mordor."}),
            "(No events found in text)");
}

TEST_F(CoreferenceTest, NoAntecedentNothingInvented) {
  // First sentence of the document: nothing to look back at.
  EXPECT_EQ(Last({"He condemned Mordor on Tuesday."}), Last({"He condemned Mordor on Tuesday."}, false));
  EXPECT_TRUE(Document({"He condemned Mordor on Tuesday."})[0].resolved.empty());
  // The previous sentence names no actor.
  EXPECT_TRUE(Document({"Nothing happened on Monday at all.", "He condemned Mordor on Tuesday."})[1].resolved.empty());
  // "The country" with no state mentioned before it (Mordor comes after; Westerlands is a region).
  auto doc = Document({"Westerlands praised the weather on Monday.", "The country condemned Mordor on Friday."});
  EXPECT_TRUE(doc[1].resolved.empty());
  for (const auto& e : doc[1].events) EXPECT_EQ(e.source_ref, "");
  // "The two countries" with only one state mentioned.
  EXPECT_TRUE(Document({"Arnor praised the weather on Monday.", "The two countries condemned Mordor today."})[1]
                  .resolved.empty());
}

TEST_F(CoreferenceTest, PronounResolvedInItsSentenceStaysAsTabari) {
  const std::string s = "Gondor said it would condemn Mordor soon.";
  auto doc = Document({"Rohan praised Arnor on Monday.", s});
  EXPECT_EQ(Events(doc[1]), Last({s}, false));
  EXPECT_TRUE(doc[1].resolved.empty());  // nothing resolved across sentences
  // The event through the in-sentence pronoun still says what it stands for.
  auto r = Document({"Rohan and Arnor met today.", "Gondor hosted Arnor, and it condemned Mordor."});
  for (const auto& e : r[1].events)
    if (e.source_text == "it") {
      EXPECT_EQ(e.source_ref, "Gondor");
    }
}

TEST_F(CoreferenceTest, PersonPronounSkipsBareStates) {
  EXPECT_EQ(Last({"In Arnor, Aragorn condemned Rohan.", "He condemned Mordor on Tuesday."}), "GONGOV/ORC/122");
  // IT may take the state.
  EXPECT_EQ(Last({"Arnor hosted Aragorn on Monday.", "It condemned Mordor on Tuesday."}), "ARN/ORC/122");
}

TEST_F(CoreferenceTest, PronounTakesOnlyTheSubjectOfTheEarlierSentence) {
  // The object of the earlier sentence is not taken ("he" is not the country Arnor either).
  EXPECT_TRUE(Document({"Arnor hosted Aragorn on Monday.", "He condemned Mordor on Tuesday."})[1].resolved.empty());
  // The subject is no actor: the pronoun stands for it, not for an actor named later.
  EXPECT_TRUE(Document({"The resolution condemned Mordor strongly.", "It attacked Rohan on Friday."})[1].resolved.empty());
  // ... and the search does not go on to the sentence before.
  EXPECT_TRUE(Document({"Gondor praised Rohan today.", "The resolution condemned Mordor strongly.",
                        "It attacked Rohan on Friday."})
                  .back()
                  .resolved.empty());
}

TEST_F(CoreferenceTest, TheyPrefersCompoundThenGroup) {
  EXPECT_EQ(Last({"Rohan and Arnor met Aragorn today.", "They condemned Mordor on Friday."}),
            "ROH/ORC/122 ARN/ORC/122");
  EXPECT_EQ(Last({"Aragorn's Gondor troops praised Rohan.", "They attacked Mordor on Friday."}), "GONMIL/ORC/190");
  // No compound, no group: the first actor.
  EXPECT_EQ(Last({"Aragorn praised Rohan on Monday.", "They attacked Mordor on Friday."}), "GONGOV/ORC/190");
}

// "According to Aragorn's plan, they will...": a singular possessor naming no group owns the
// plan; it is neither the referent of THEY nor the source while another actor precedes the verb.
TEST_F(CoreferenceTest, SingularPossessorIsNotTheyNorTheSource) {
  const std::vector<std::string> doc = {"Gondor troops arrived in Arnor on Monday.",
                                        "Under Aragorn's plan they attacked Mordor on Friday."};
  EXPECT_EQ(Last(doc), "GONMIL/ORC/190");
  EXPECT_EQ(Last(doc, false), "GONGOV/ORC/190");  // TABARI's rule: the first actor before THEY
  // A possessor followed by an agent names the group itself; alone before the verb it stays the source.
  EXPECT_EQ(Last({"Gondor troops arrived in Arnor on Monday.", "Aragorn's troops attacked Mordor on Tuesday."}),
            "GONGOVMIL/ORC/190");
  EXPECT_EQ(Last({"Gondor troops arrived in Arnor on Monday.", "Aragorn's plan to attack Mordor failed."}),
            "GONGOV/ORC/190");
}

TEST_F(CoreferenceTest, PronounWindowAndParagraphs) {
  // Two sentences back: fine within the window; three: too far.
  EXPECT_EQ(Last({"Aragorn visited Rohan on Monday.", "Nothing happened on Monday at all.",
                  "He condemned Mordor on Tuesday."}),
            "GONGOV/ORC/122");
  EXPECT_TRUE(Document({"Aragorn visited Rohan on Monday.", "Nothing happened on Monday at all.",
                        "Nothing else happened then.", "He condemned Mordor on Tuesday."})
                  .back()
                  .resolved.empty());
  // A paragraph's first sentence may look at the last sentence of the previous paragraph...
  EXPECT_EQ(Last({"Aragorn visited Rohan on Monday.", "\n\nHe condemned Mordor on Tuesday."}), "GONGOV/ORC/122");
  // ... but no further back.
  EXPECT_TRUE(Document({"Aragorn visited Rohan on Monday.", "Nothing happened on Monday at all.",
                        "\n\nHe condemned Mordor on Tuesday."})
                  .back()
                  .resolved.empty());
  EXPECT_TRUE(Document({"Aragorn visited Rohan on Monday.", "\n\nNothing happened on Monday at all.",
                        "He condemned Mordor on Tuesday."})
                  .back()
                  .resolved.empty());
}

TEST_F(CoreferenceTest, ExpletiveItIsNotResolved) {
  auto doc = Document({"Arnor praised Rohan on Monday.", "It is said that Gondor will condemn Mordor."});
  EXPECT_TRUE(doc[1].resolved.empty());
  EXPECT_EQ(Events(doc[1]), "GON/ORC/122");
}

TEST_F(CoreferenceTest, TheCountryIsTheFirstStateOfTheNearestSentence) {
  auto doc = Document({"Rohan accused Mordor on Monday.", "The country condemned Gondor on Friday."});
  ASSERT_EQ(Events(doc[1]), "ROH/GON/122");
  EXPECT_EQ(doc[1].events[0].source_text, "The country");
  EXPECT_EQ(doc[1].events[0].source_ref, "Rohan");
  // The nearest sentence with a state wins over earlier ones.
  EXPECT_EQ(Last({"Rohan accused Mordor on Monday.", "Gondor praised the weather.", "The country condemned Arnor."}),
            "GON/ARN/122");
  // A state earlier in the same sentence comes first; agents compose after the possessive.
  auto same = Document({"Rohan praised Gondor today.", "Arnor police condemned the country's government."});
  ASSERT_EQ(Events(same[1]), "ARNCOP/ARNGOV/122");
  EXPECT_EQ(same[1].events[0].target_text, "the country's");
  EXPECT_EQ(same[1].events[0].target_ref, "Arnor");
  // An actor that only starts with a state code still names that state.
  auto person = Document({"Aragorn praised the weather today.", "The country condemned Mordor on Friday."});
  ASSERT_EQ(Events(person[1]), "GON/ORC/122");
  EXPECT_EQ(person[1].events[0].source_ref, "Aragorn");
  // ... but the state's own name, when in reach, is what the reference reports.
  auto named = Document({"Gondor praised the weather today.", "Aragorn condemned the country's police."});
  ASSERT_EQ(Events(named[1]), "GONGOV/GONCOP/122");
  EXPECT_EQ(named[1].events[0].target_ref, "Gondor");
}

TEST_F(CoreferenceTest, TheTwoCountriesIsACompoundOfTheTwoMostRecentStates) {
  auto doc = Document({"Arnor met Rohan on Monday.", "The two countries condemned Mordor today."});
  EXPECT_EQ(Events(doc[1]), "ARN/ORC/122 ROH/ORC/122");
  for (const auto& e : doc[1].events) {
    EXPECT_EQ(e.source_text, "The two countries");
    EXPECT_EQ(e.source_ref, "Arnor and Rohan");
  }
  // A repeated state counts once; the compound is in text order of the mentions taken.
  EXPECT_EQ(Last({"Arnor praised Rohan today.", "Arnor praised Arnor again.", "The two countries condemned Mordor."}),
            "ROH/ORC/122 ARN/ORC/122");
}

TEST_F(CoreferenceTest, RegimeComposesTheAgentAndOfActorWins) {
  EXPECT_EQ(Last({"Mordor accused Rohan on Monday.", "The regime attacked Rohan on Friday."}), "ORCGOV/ROH/190");
  // "the government of Rohan" names its own actor.
  EXPECT_EQ(Last({"Arnor praised the weather today.", "The government of Rohan condemned Mordor."}),
            "ROHGOV/ORC/122");
}

TEST_F(CoreferenceTest, DefiniteWindowLimitsHowFarBack) {
  EXPECT_TRUE(Document({"Arnor praised the weather today.", "Nothing happened.", "Nothing happened again.",
                        "Nothing at all happened.", "The country condemned Mordor on Friday."})
                  .back()
                  .resolved.empty());
}

// "The kingdom", "the East African nation": a descriptor stands for the latest-named state of
// its kind, however far back, and never for a state of another kind.
TEST_F(CoreferenceTest, DescriptorOfAKindOfStateTakesTheLatestStateOfThatKind) {
  // The nearest state (Arnor) is no kingdom: the kingdom is Rohan.
  auto doc = Document({"Rohan accused Mordor on Monday.", "Arnor praised the weather today.",
                       "The kingdom condemned Arnor on Friday."});
  ASSERT_EQ(Events(doc[2]), "ROH/ARN/122");
  EXPECT_EQ(doc[2].events[0].source_text, "The kingdom");
  EXPECT_EQ(doc[2].events[0].source_ref, "Rohan");
  // The latest kingdom wins; agents compose after the possessive.
  EXPECT_EQ(Last({"Rohan accused Mordor on Monday.", "Gondor praised the weather.",
                  "Arnor police condemned the kingdom's government."}),
            "ARNCOP/GONGOV/122");
  // Past the window (3 sentences here), where "the country" is no longer resolved.
  EXPECT_EQ(Last({"Rohan accused Mordor on Monday.", "Nothing happened.", "Nothing happened again.",
                  "Nothing at all happened.", "The kingdom condemned Mordor on Friday."}),
            "ROH/ORC/122");
  // No kingdom named: nothing is invented.
  EXPECT_TRUE(Document({"Arnor accused Mordor on Monday.", "The kingdom condemned Arnor on Friday."})
                  .back()
                  .resolved.empty());
}

TEST_F(CoreferenceTest, DescriptorMayContainARegionsName) {
  // "Westerlands" alone is a region (WST); inside the descriptor it names a western state.
  auto doc = Document({"Arnor accused Mordor on Monday.", "The Westerlands nation condemned Gondor on Friday."});
  ASSERT_EQ(Events(doc[1]), "ARN/GON/122");
  EXPECT_EQ(doc[1].events[0].source_ref, "Arnor");
  EXPECT_EQ(Last({"Arnor accused Mordor on Monday.", "Westerlands police condemned Gondor on Friday."}),
            "WSTCOP/GON/122");
  // With no western state named, the region stays the actor.
  EXPECT_EQ(Last({"Gondor accused Mordor on Monday.", "The Westerlands nation condemned Gondor on Friday."}),
            "WST/GON/122");
}

TEST_F(CoreferenceTest, SeatsAreCheckedWhenRead) {
  CorefRules r;
  std::vector<std::string> warnings;
  r.ParseLines({"SEAT: MINAS TIRITH = GON UNLESS COUNCIL", "SEAT: EDORAS ROH", "SEAT: EDORAS = ROHAN",
                "SEAT: EDORAS = ROH BECAUSE KING", "SEAT: = ROH"},
               "x.coref", &warnings);
  ASSERT_EQ(warnings.size(), 4u);
  EXPECT_THAT(warnings[0], HasSubstr("x.coref:2: SEAT: expects WORDS = STATE"));
  EXPECT_THAT(warnings[1], HasSubstr("x.coref:3: SEAT: the state is a three-letter code"));
  EXPECT_THAT(warnings[2], HasSubstr("x.coref:4: SEAT: after the state, only UNLESS"));
  EXPECT_THAT(warnings[3], HasSubstr("x.coref:5: SEAT: expects WORDS = STATE"));
  ASSERT_EQ(r.seats.size(), 1u);
  EXPECT_EQ(r.seats[0].words, (std::vector<std::string>{"MINAS", "TIRITH"}));
  EXPECT_EQ(r.seats[0].state, "GON");
  EXPECT_EQ(r.seats[0].unless, std::vector<std::string>{"COUNCIL"});
}

TEST_F(CoreferenceTest, SetsAreCheckedWhenRead) {
  CorefRules r;
  std::vector<std::string> warnings;
  r.ParseLines({"SET: GOOD ARN ROH", "SET: BAD ARNOR", "SET: EMPTY", "MENTION: THE KINGDOM = STATE IN NOSUCH",
                "MENTION: THE TWO KINGDOMS = STATES IN GOOD", "MENTION: THE REALM = STATE GOV IN GOOD"},
               "x.coref", &warnings);
  ASSERT_EQ(warnings.size(), 4u);
  EXPECT_THAT(warnings[0], HasSubstr("x.coref:2: SET: state codes are three letters"));
  EXPECT_THAT(warnings[1], HasSubstr("x.coref:3: SET: needs a name"));
  EXPECT_THAT(warnings[2], HasSubstr("x.coref:4: unknown set"));
  EXPECT_THAT(warnings[3], HasSubstr("x.coref:5: IN set is for STATE mentions only"));
  ASSERT_EQ(r.definites.size(), 1u);
  EXPECT_EQ(r.definites[0].agent, "GOV");
  EXPECT_EQ(r.definites[0].among, (std::vector<std::string>{"ARN", "ROH"}));
}

// An event named again ("the attack", ACTOR OF rules) stands for who did it, as the object of what
// someone does about it: the latest such event within the EVENT window.
TEST_F(CoreferenceTest, AnEventNamedAgainIsWhoDidIt) {
  auto doc = Document({"Mordor attacked Gondor on Monday.", "Rohan condemned the attack on Tuesday."});
  ASSERT_EQ(Events(doc[1]), "ROH/ORC/122");
  EXPECT_EQ(doc[1].events[0].target_text, "the attack");
  EXPECT_EQ(doc[1].events[0].target_ref, "Mordor");
  EXPECT_EQ(Last({"Arnor attacked Mordor on Monday.", "Gondor praised Rohan.", "Rohan condemned the raids today."}),
            "ROH/ARN/122");
  // The nearest event of the kind wins; one of another kind is no antecedent.
  EXPECT_EQ(Last({"Arnor attacked Mordor on Monday.", "Mordor attacked Rohan on Friday.", "Gondor condemned the attack."}),
            "GON/ORC/122");
  EXPECT_EQ(Last({"Arnor praised Mordor on Monday.", "Gondor condemned the attack on Friday."}), "(No events found in text)");
  // Beyond the window (2 sentences), or without rules: ordinary words.
  EXPECT_EQ(Last({"Mordor attacked Gondor on Monday.", "Nothing happened.", "Nothing else happened.",
                  "Rohan condemned the attack on Tuesday."}),
            "(No events found in text)");
  EXPECT_EQ(Last({"Mordor attacked Gondor on Monday.", "Rohan condemned the attack on Tuesday."}, false),
            "(No events found in text)");
}

// Such a phrase is never the one acting ("The attack on Gondor condemned ..." acts for no one), and
// one whose own words name the doer ("the attack by Arnor") needs no antecedent.
TEST_F(CoreferenceTest, AnEventNamedAgainIsNoSubjectAndYieldsToItsOwnDoer) {
  // (With a dictionary verb after it: as a subject the phrase stands for no one.)
  EXPECT_EQ(Last({"Mordor attacked Gondor on Monday.", "The attack condemned Rohan on Tuesday."}),
            "(No events found in text)");
  EXPECT_EQ(Last({"Mordor attacked Gondor on Monday.", "Rohan praised Arnor after the raids condemned Gondor."}),
            "ROH/ARN/051");
  EXPECT_EQ(Last({"Mordor attacked Gondor on Monday.", "Rohan condemned the attack by Arnor on Tuesday."}),
            "ROH/ARN/122");
}

// "The troops" named again as the one acting stands for the latest troops (GROUP MIL SUBJECT);
// after a verb the phrase is left alone; a mention in an aside is no antecedent of THEY.
TEST_F(CoreferenceTest, TheTroopsAsSubjectAreTheTroopsNamedBefore) {
  EXPECT_EQ(Last({"Gondor troops arrived in Arnor on Monday.", "The troops attacked Mordor on Friday."}),
            "GONMIL/ORC/190");
  EXPECT_EQ(Last({"Rohan troops crossed into Arnor in May.", "Two weeks later the soldiers attacked Mordor."}),
            "ROHMIL/ORC/190");
  // After the verb: not resolved ("Mordor attacked the troops" names no one the rule may pick).
  EXPECT_EQ(Last({"Gondor troops arrived in Arnor on Monday.", "Mordor attacked the troops on Friday."}),
            "(No events found in text)");
  // The sentence's subject is "the troops" (Gondor's); Rohan, named in the aside, is not THEY.
  EXPECT_EQ(Last({"Gondor troops arrived in Arnor on Monday.",
                  "The troops, counted by Rohan at about two thousand, moved west.", "They attacked Mordor on Friday."}),
            "GONMIL/ORC/190");
  EXPECT_EQ(Last({"Gondor troops arrived in Arnor on Monday.",
                  "The soldiers, praised by Aragorn for their courage, marched east.", "They attacked Mordor on Friday."}),
            "GONMIL/ORC/190");
  // The subject is no actor and the only actor is in the aside: THEY stays unresolved.
  EXPECT_TRUE(Document({"Gondor troops arrived in Arnor on Monday.",
                        "The convoy, escorted by Rohan troops for two days, moved west.", "They attacked Mordor on Friday."})
                  .back()
                  .resolved.empty());
}

TEST_F(CoreferenceTest, WithoutCorefFileEveryDocumentCodesLikeCode) {
  const std::vector<std::string> sentences = {"Aragorn visited Rohan on Monday.", "He condemned Mordor on Tuesday.",
                                              "The country condemned Gondor on Friday.",
                                              "The two countries condemned Mordor today."};
  Coder plain(without_rules_, CoderOptions{options_});
  auto doc = Document(sentences, false);
  for (size_t i = 0; i < sentences.size(); ++i) {
    EXPECT_EQ(Events(doc[i]), Events(plain.Code(sentences[i], Date{2024, 3, 1}))) << sentences[i];
    EXPECT_TRUE(doc[i].resolved.empty());
  }
}

TEST(DiscourseTest, LooksOnlyAsFarAsTheWindows) {
  CorefRules rules;
  rules.states = {"ARN", "ROH"};
  rules.pronoun_window = 1;
  rules.definite_window = 1;
  Discourse d(rules);
  for (int i = 0; i < 1000; ++i) {  // old sentences are dropped as the document goes on
    d.BeginSentence(false);
    d.Add({i % 2 ? "ARN" : "ROHGOV", i % 2 ? "Arnor" : "Rohan's leader", 0, -1, false});
  }
  d.BeginSentence(false);
  Antecedent a;
  EXPECT_FALSE(d.ResolvePronoun(PronounKind::kPerson, &a));  // only "Arnor" is in reach: a bare state
  ASSERT_TRUE(d.ResolvePronoun(PronounKind::kThing, &a));
  EXPECT_EQ(a.code, "ARN");
  EXPECT_EQ(a.text, "Arnor");
  DefiniteRule two;
  two.kind = DefiniteKind::kStates;
  EXPECT_FALSE(d.ResolveDefinite(two, {}, &a));  // one state in reach
  EXPECT_TRUE(d.ResolveDefinite(two, {{"ROH", "Rohan", 0, -1, false}}, &a));
  EXPECT_EQ(a.code, "ARN/ROH");
  EXPECT_EQ(a.text, "Arnor and Rohan");
}

// AssignFrom makes a discourse a copy of another, whatever it held before: the same answers as a
// discourse copy-constructed from it, and neither changes the other afterwards.
TEST(DiscourseTest, AssignFromGivesTheSameAnswersAsACopy) {
  CorefRules rules;
  rules.states = {"ARN", "ROH", "GON"};
  rules.pronoun_window = 2;
  rules.definite_window = 2;
  Discourse original(rules);
  original.BeginSentence(false);
  original.Add({"ARN", "Arnor", 0, -1, false});
  original.NoteForce("ROH", "Rohan");
  original.BeginSentence(false);
  original.Add({"ROHGOV", "the government of Rohan and its long-winded envoys", 2, -1, true});
  Discourse reused(rules);  // holding other sentences and states first
  for (int i = 0; i < 5; ++i) {
    reused.BeginSentence(i % 2 == 1);
    reused.Add({"GON", "Gondor, the kingdom of the south", 0, -1, false});
    reused.NoteForce("GON", "Gondor");
  }
  reused.AssignFrom(original);
  Discourse copied(original);
  reused.BeginSentence(false);
  copied.BeginSentence(false);
  for (PronounKind kind : {PronounKind::kThing, PronounKind::kPerson, PronounKind::kGroup}) {
    Antecedent a, b;
    EXPECT_EQ(reused.ResolvePronoun(kind, &a), copied.ResolvePronoun(kind, &b));
    EXPECT_EQ(a.code, b.code);
    EXPECT_EQ(a.text, b.text);
  }
  for (Discourse* d : {&reused, &copied}) {
    Antecedent a;
    EXPECT_TRUE(d->HasNamed("ARN"));
    EXPECT_TRUE(d->HasNamed("ROH"));
    EXPECT_FALSE(d->HasNamed("GON"));  // what `reused` held before is gone
    DefiniteRule two;
    two.kind = DefiniteKind::kStates;
    ASSERT_TRUE(d->ResolveDefinite(two, {}, &a));
    EXPECT_EQ(a.code, "ARN/ROH");
  }
  // The copy's new sentence is its own: the original's current sentence is unchanged.
  reused.Add({"GON", "Gondor", 0, -1, false});
  EXPECT_EQ(original.current().size(), 1u);
  reused.ReleaseSentences();
  EXPECT_EQ(original.current().size(), 1u);
  EXPECT_EQ(original.current().front().code, "ROHGOV");
}

}  // namespace
}  // namespace dyad::code
