// Attribution (who reports an event: "X said that ...", "according to X",
// "reports of ...") and modality (negated: "did not attack"; hypothetical:
// "could attack", "if ... attack", "warn of a possible attack").
// The cue words live in data/enrich/attribution.tsv and data/enrich/modality.tsv.
//
// Thread safety: a CueLexicon is immutable after loading; the functions below
// are pure.
#ifndef DYAD_ENRICH_ATTRIBUTION_H_
#define DYAD_ENRICH_ATTRIBUTION_H_

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
  // modality.tsv
  PhraseSet negators, not_negators, neg_governors, modals, neg_modals, possibility, conditionals, warnings;
  std::set<std::string> neg_gap;  // words allowed between a negator and its verb

  // Each fails with "path:line: ..." on a malformed row or unknown kind.
  Status LoadAttribution(const std::string& path);
  Status LoadModality(const std::string& path);
};

// A cue found in a sentence: tokens [first, last).
struct Cue {
  int first = 0;
  int last = 0;
};

// The cues of one tokenised sentence.
struct SentenceCues {
  std::vector<Cue> report_verbs, sources, vague;
  std::vector<Cue> negators, neg_governors, modals, neg_modals, possibility, conditionals, warnings;
};

SentenceCues FindCues(const CueLexicon& lexicon, const std::vector<Token>& tokens);

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

// The modality of the event (`neg_gap`: CueLexicon::neg_gap) whose verb is tokens [verb_first, verb_last).
// `root_code` is the CAMEO root ("13" threats keep modal cues from making them
// hypothetical: the threat itself is asserted).
Modality ModalityOf(const std::set<std::string>& neg_gap, const SentenceCues& cues, const std::vector<Token>& tokens,
                    int verb_first, int verb_last, const std::string& root_code);

// When the verb tokens are a reporting verb, the first token of what it
// reports (after "that" or the verb), else -1. Dates inside the report do not
// date the speech act.
int ReportComplementStart(const SentenceCues& cues, const std::vector<Token>& tokens, int verb_first, int verb_last);

}  // namespace dyad::enrich

#endif  // DYAD_ENRICH_ATTRIBUTION_H_
