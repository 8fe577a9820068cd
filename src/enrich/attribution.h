// Attribution (who reports an event: "X said that ...", "according to X",
// "reports of ...") and modality (negated: "did not attack"; hypothetical:
// "could attack", "if ... attack", "X will join only if ...", "ready to
// attack", "warn of a possible attack").
// The cue words live in data/enrich/attribution.tsv and data/enrich/modality.tsv.
//
// Thread safety: a CueLexicon is immutable after loading; the functions below
// are pure.
#ifndef DYAD_ENRICH_ATTRIBUTION_H_
#define DYAD_ENRICH_ATTRIBUTION_H_

#include <array>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "code/coder.h"
#include "dyad/event.h"
#include "dyad/status.h"
#include "enrich/text.h"

namespace dyad::enrich {

using Phrase = std::vector<std::string>;  // lower-case words

struct CueLexicon {
  // attribution.tsv
  PhraseSet report_verbs, sources, vague;
  PhraseSet reason_verbs;  // "sanctioned / blamed / condemned X for C-ing": X acts in C
  // modality.tsv
  PhraseSet negators, not_negators, neg_governors, modals, neg_modals, possibility, conditionals, warnings;
  PhraseSet conditionals_np;   // conditionals taking a noun phrase ("in the case of"): never extend forwards
  PhraseSet not_conditionals;  // "if" meaning "whether" ("asked if"), "as if"
  PhraseSet readiness;         // "ready to", "prepared to", "willing to": the action is not done
  PhraseSet subject_negators;  // "no", "none of", "not a single": opening the subject, they negate its verb
  PhraseSet appeals;           // "urged", "called on", "asked": "urged X to V" asks for V, which is not done
  PhraseSet unconfirmed;       // "no evidence that", "could not verify that": the clause after is not asserted
  FilteredWordSet neg_gap;     // words allowed between a negator and its verb
  FilteredWordSet past_forms;  // irregular simple past forms ("sent", "took"), besides "-ed"
  FilteredWordSet denial_verbs;  // verbs (and their particles) whose charge's "that" clause is denied
  FilteredWordSet charge_nouns;  // what one side says the other did: "accusation", "claims", "findings"
  // The first words of every phrase set above: FindCues reads only the tokens it may contain.
  // Kept by the Load functions; call IndexFirstWords() after adding phrases otherwise.
  WordFilter first_words;
  // The phrase sets in a fixed order (kPhraseSets; PhraseSetIndex names the places), and for each
  // WordFilter slot the sets whose first words may have it (bit k: kPhraseSets[k]): FindCues
  // hands each set only the tokens its own filter lets through, sorted out in one pass over the
  // sentence. Kept by IndexFirstWords() with first_words.
  enum PhraseSetIndex {
    kReportVerbs, kSources, kVague, kReasonVerbs, kNegators, kNotNegators, kNegGovernors, kModals,
    kNegModals, kPossibility, kConditionals, kWarnings, kConditionalsNp, kNotConditionals, kReadiness,
    kSubjectNegators, kAppeals, kUnconfirmed, kPhraseSetCount
  };
  static const std::array<PhraseSet CueLexicon::*, kPhraseSetCount> kPhraseSets;
  std::vector<uint32_t> sets_by_slot;  // WordFilter::kSlotCount entries once indexed

  // Each fails with "path:line: ..." on a malformed row or unknown kind.
  Status LoadAttribution(const std::string& path);
  Status LoadModality(const std::string& path);
  void IndexFirstWords();
};

// A cue found in a sentence: tokens [first, last).
struct Cue {
  int first = 0;
  int last = 0;
};

// The cues of one tokenised sentence.
struct SentenceCues {
  std::vector<Cue> report_verbs, sources, vague;
  std::vector<Cue> reason_verbs;
  std::vector<Cue> negators, neg_governors, modals, neg_modals, possibility, conditionals, warnings;
  std::vector<Cue> conditionals_np;  // subset of `conditionals`: the noun-phrase ones
  std::vector<Cue> readiness;
  std::vector<Cue> subject_negators;
  std::vector<Cue> appeals;
  std::vector<Cue> unconfirmed;

  // Empties every list, keeping their buffers (a thread reads sentence after sentence into one).
  void Clear();
};

SentenceCues FindCues(const CueLexicon& lexicon, const std::vector<Token>& tokens);
// The same into *out (cleared first), reusing its lists' buffers.
void FindCues(const CueLexicon& lexicon, const std::vector<Token>& tokens, SentenceCues* out);

// An actor mention located in tokens [first, last).
struct TokenMention {
  int first = 0;
  int last = 0;
  const code::ActorMention* mention = nullptr;
};

struct Attribution {
  std::string code;  // actor code of the reporter ("" when unknown or vague)
  std::string text;  // words naming the reporter; "" = first-hand
};

// Who reports the event whose verb is tokens [verb_first, verb_last). An event
// whose verb is itself a reporting verb is not attributed (empty result).
Attribution Attribute(const SentenceCues& cues, const std::vector<Token>& tokens, std::string_view sentence,
                      const std::vector<TokenMention>& mentions, int verb_first, int verb_last);

// The modality of the event whose verb is tokens [verb_first, verb_last), in
// this order (docs/enrichment.md, "Modality"):
//  1. negated: an inability ("could not capture");
//  2. hypothetical: a readiness cue before the verb ("ready to participate"),
//     any root: readiness is not the act;
//  3. hypothetical (not for root "13": a threat is an asserted threat even when
//     worded with modals or conditions): a modal, possibility or warning cue
//     before the verb in its clause; a conditional attached to the verb's main
//     clause, after it ("X joins only if ...", "... only in the case of
//     aggression"; not past-tense verbs: "deployed troops in case of unrest")
//     or before it as a clausal conditional ("If Y attacks, X responds");
//  4. hypothetical, any root: the verb inside the clause a conditional opens
//     ("if Ukrainian troops threaten Belarus");
//  5. negated: a negator or a governing denial/refusal.
// A reporting verb (`is_report`) is never made hypothetical by a conditional
// in what it reports. Conditionals never cross a sentence.
Modality ModalityOf(const CueLexicon& lexicon, const SentenceCues& cues, const std::vector<Token>& tokens,
                    int verb_first, int verb_last, const std::string& root_code, bool is_report = false);

// Whether the nearest reporting verb before the event's verb tokens (in the same
// sentence part) is itself negated, with only auxiliaries and adverbs between:
// "X has never admitted sending shells", "X did not confirm that ...". What such a
// verb reports is neither asserted nor denied by the speaker.
bool ReportIsNegated(const CueLexicon& lexicon, const SentenceCues& cues, const std::vector<Token>& tokens,
                     int verb_first);

// When the verb tokens are a reporting verb, the first token of what it
// reports (after "that" or the verb), else -1. Dates inside the report do not
// date the speech act.
int ReportComplementStart(const SentenceCues& cues, const std::vector<Token>& tokens, int verb_first, int verb_last);

// What a sentence reports, to be coded on its own so that the speaker is never the source or
// target of what it reports (docs/enrichment.md, "Reported content"). Token indices, [first, last).
struct ReportedClause {
  int first = 0, last = 0;                     // the reported clause
  int speaker_first = -1, speaker_last = -1;   // the actor mention that reports it, when one does
  // When the clause's subject is an actor named outside it, that mention: the speaker of a gerund,
  // an infinitive or a pronoun ("Tehran denied sending drones", "Lukashenko said he would ..."),
  // or the accused ("Seoul accused Pyongyang of sending shells"). The clause is coded after it.
  int subject_first = -1, subject_last = -1;
  // The clause opens with a possessive pronoun standing for the subject ("Pyongyang denied that its
  // soldiers ..."): the clause is coded after "<subject>'s".
  bool subject_possessive = false;
  bool first_person = false;  // the clause opened with "we"/"our": its subject is the speaker's side
  int verb_first = -1, verb_last = -1;  // the reporting verb ("said", "wrote"); -1 for "according to"
  // A passive report ("X has been accused of ..."): the reporting verb, whose own reading (X as the
  // accuser) is wrong.
  int passive_report_first = -1, passive_report_last = -1;
  // Object control ("X intended Y to V ..."): the "speaker" is the one who intends or orders; the
  // clause is not reported speech, and the speaker makes no statement.
  bool control = false;
};

// The reported clauses of a sentence:
//  * "X said/reported/claimed/denied (that) C" (a verb of telling or warning needs "that":
//    "X told reporters that C", not "X warned of C");
//  * "X accused Y of C-ing": Y is the subject of C; "X has been accused of C-ing": X is;
//  * "C, X said." and "C, said X." closing the sentence;
//  * "According to X, C" and "C, according to X."
// `mentions` are the sentence's actors (a reporting verb inside an actor's name is no report).
// True when a word that may take a clause without a reporting cue occurs (raising passives
// "is believed to", object control "ordered Y to"): FindReportedClauses is worth calling.
bool HasComplementVerb(const std::vector<Token>& tokens);

std::vector<ReportedClause> FindReportedClauses(const SentenceCues& cues, const std::vector<Token>& tokens,
                                                const std::vector<TokenMention>& mentions);

}  // namespace dyad::enrich

#endif  // DYAD_ENRICH_ATTRIBUTION_H_
