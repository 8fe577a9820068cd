// Charges: what a reported clause says about an actor that makes the report an accusation or a
// criticism by its speaker. "The lawyer argues that Belarus breached the 1974 resolution" is the
// lawyer accusing Belarus (CAMEO 112) whatever verb of saying is used; "the opposition says the
// government is illegitimate" is a criticism (111). The words are data
// (data/enrich/charges.tsv): violation verbs with the norms they break, and evaluations that
// follow a copula.
//
// Thread safety: a loaded ChargeLexicon is immutable; Find is const and thread-safe.
// Errors: Load fails with "path:line: what: 'entry'".
#ifndef DYAD_ENRICH_CHARGES_H_
#define DYAD_ENRICH_CHARGES_H_

#include <string>
#include <string_view>
#include <vector>

#include "code/coder.h"
#include "dyad/status.h"
#include "enrich/text.h"

namespace dyad::enrich {

struct Charge {
  std::string code;           // CAMEO code of the speaker's act (112 accuse, 111 criticise)
  const code::ActorMention* accused = nullptr;  // one of the mentions passed to Find
  code::ByteSpan words;       // the violation verb or the evaluation, in the clause's offsets
  int line = 0;               // charges.tsv line of the word that made the charge
  std::string rule;           // that line's text
  // "has not violated": no charge; `accused` is who is cleared. Also set, with no `accused`, when
  // the nearest actor follows a preposition ("the sanctions against Belarus are illegal").
  bool negated = false;
  // "the government now in power in Belarus is illegitimate": the accused is named through its
  // government; the code the charge targets is the state's with GOV ("" = the mention's own).
  std::string accused_code;
};

class ChargeLexicon {
 public:
  Status Load(const std::string& path);
  const std::string& path() const { return path_; }
  // The charges `clause` makes against the actors named in it (`mentions`, clause offsets): the
  // accused is the nearest actor before the violation or the copula, in the same clause. With a
  // negation in between ("Minsk has not violated") the charge is returned with `negated` set.
  std::vector<Charge> Find(std::string_view clause, const std::vector<code::ActorMention>& mentions) const;
  // The same with the clause's tokens already made (Tokenize(clause), or the same tokens taken
  // from its sentence's).
  std::vector<Charge> Find(std::string_view clause, const std::vector<Token>& tokens,
                           const std::vector<code::ActorMention>& mentions) const;

 private:
  struct Entry {
    std::string code;
    int line = 0;
    std::string text;
  };
  std::string path_;
  std::unordered_map<std::string, Entry, ViewHash, std::equal_to<>> violations_;   // "breached" -> 112
  std::unordered_map<std::string, Entry, ViewHash, std::equal_to<>> norms_;        // "resolution"
  std::unordered_map<std::string, Entry, ViewHash, std::equal_to<>> evaluations_;  // "illegitimate" -> 111
  std::unordered_map<std::string, Entry, ViewHash, std::equal_to<>> lacks_;        // "legitimacy" after lacks/lacked -> 111
  std::unordered_map<std::string, Entry, ViewHash, std::equal_to<>> bears_;        // "responsibility" after bears/bore -> 112
  // The words a charge is read from (a violation, a copula, "bears", "lacks", "has" before "no"):
  // Find() passes over a token this filter rejects.
  WordFilter openers_;
};

}  // namespace dyad::enrich

#endif  // DYAD_ENRICH_CHARGES_H_
