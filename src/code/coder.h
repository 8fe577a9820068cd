// The TABARI-compatible event coder: one sentence in, CAMEO events out.
//
// CONTRACT (the engine, the enrich stage and `dyad validate` rely on these names;
// the implementation may add members but keeps these):
//   - A Coder is immutable after construction and shares its compiled
//     dictionaries; Code() and FindActors() are safe to call from many threads.
//   - Spans are BYTE offsets into the sentence string passed in.
//   - Code() never throws and never prints; problems (no events, discard,
//     complex, too few words) come back in CodeResult::problem, in TABARI's words.
#ifndef DYAD_CODE_CODER_H_
#define DYAD_CODE_CODER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <optional>

#include "dict/dictionary.h"
#include "code/coreference.h"
#include "dict/options.h"
#include "dyad/date.h"
#include "dyad/event.h"

namespace dyad::code {

struct ByteSpan {
  int32_t begin = -1;
  int32_t end = -1;
  bool empty() const { return begin < 0 || end <= begin; }
};

struct CodedEvent {
  std::string source;       // actor code ("" when absent)
  std::string target;
  std::string code;         // CAMEO event code as coded ("190", "0874")
  std::string source_text;  // the words that named the source
  std::string target_text;
  // When the source/target was named through a pronoun or a definite noun phrase ("he", "the
  // country"): the words of its antecedent ("Lukashenko", "Belarus"); "" otherwise.
  std::string source_ref, target_ref;
  std::string verb_text;
  ByteSpan source_span, target_span, verb_span;
  PatternRef pattern;       // the verb root or pattern line that produced the code
  Date date;                // record date after any <TIME> shift
};

// An actor phrase found in a sentence (with agent composition applied).
struct ActorMention {
  std::string code;
  std::string text;
  ByteSpan span;
  std::string ref;          // antecedent words when named through a pronoun/definite phrase
};

// A restrictive relative clause on a noun of war materiel or forces ("the drones that struck
// Port Sudan", "weapons that Iran sent to Russia"), set aside from the sentence's reading (document
// coding only). The caller codes it on its own: the antecedent before the body, or, when the body
// has a subject of its own, inserted at `insert_at` ("Iran sent <weapons> to Russia").
struct RelativeClause {
  ByteSpan antecedent;
  ByteSpan body;            // after "that/which/who"
  int32_t insert_at = -1;   // a byte offset in body (or body.end); -1: the antecedent is the subject
};

// Why a sentence gave no events, for callers to decide by (the validation suite's {---}, {###} and
// {+++} expectations); CodeResult::problem says it in TABARI's words, for people.
enum class Problem {
  kNone,        // events were coded
  kNoEvents,    // no events, or no valid ones, found
  kOnlyNull,    // only null events found
  kInputError,  // no text, or too few words
  kDiscard,     // a discard code (###) in the text or a verb pattern
  kComplex,     // a complex code (+++), or the text failed the complexity conditions
};

struct CodeResult {
  std::vector<CodedEvent> events;
  std::vector<RelativeClause> relative_clauses;
  std::string problem;      // "" when events were coded; else TABARI's reason
  Problem problem_kind = Problem::kNone;  // the same reason as a kind
  // With a Discourse (CodeInDocument): the pronouns and definite noun phrases of the sentence
  // that were resolved across sentences, with their codes and antecedents (text order).
  std::vector<ActorMention> resolved;
};

// Coding options: TABARI's .options settings. When `tabari` is empty the dictionary set's
// .options (or TABARI's defaults when it has none) are used.
struct CoderOptions {
  std::optional<dict::TabariOptions> tabari;
  // Read the dictionary set's `.coref` files (docs/coreference.md). Without such a file there are
  // no rules and CodeInDocument() codes exactly like Code().
  bool coreference = true;
};

// State carried from one record to the next for FORWARD (pronoun forwarding). Owned by a
// Session; Coder::Code never forwards.
struct ForwardState {
  bool valid = false;
  std::string story;          // story number of the previous record
  long sentence = -1;         // its sentence number
  int32_t first_actor_root = -1;     // first named actor of the previous record
  int32_t first_compound_root = -1;  // first actor of its first compound (-1 if none)
};

class Coder {
 public:
  Coder(std::shared_ptr<const dict::DictionarySet> dicts, CoderOptions options = {});

  // Codes one sentence dated `date`. Thread-safe; allocation only for the result.
  CodeResult Code(std::string_view sentence, Date date) const;

  // Codes one sentence of a document whose earlier sentences went through the same `discourse`
  // (pronouns and definite noun phrases resolved across sentences; docs/coreference.md): starts
  // the sentence in `discourse`, codes it, and records the sentence's actor mentions there. With no rules, or discourse == nullptr, the
  // same as Code(). Thread-safe for distinct discourses.
  // `new_paragraph`: a blank line separates the sentence from the previous one.
  CodeResult CodeInDocument(std::string_view sentence, Date date, Discourse* discourse,
                            bool new_paragraph = false) const;
  // A clause of a sentence coded on its own as a sentence of the document, read against `before`
  // (the discourse as it stood before that sentence) as CodeInDocument() would read it against a
  // copy of `before`; `before` stays as it was. The clause's mentions are not recorded (the copy
  // would be thrown away) and the result's `resolved` is empty.
  CodeResult CodeClauseInDocument(std::string_view clause, Date date, const Discourse& before,
                                  bool new_paragraph = false) const;

  // The coreference rules read from the dictionaries (empty when none or disabled), and the
  // problems found reading them ("file:line: what: 'entry'").
  const CorefRules& coref() const { return coref_; }
  const std::vector<std::string>& coref_warnings() const { return coref_warnings_; }

  // Actor phrases (with attached agents composed into the code) found in `text`.
  std::vector<ActorMention> FindActors(std::string_view text, Date date) const;

  // The engine behind Code(), with explicit options and optional forwarding state (used by
  // Session). `record_id` is the record's id line (for FORWARD story/sentence numbers).
  // `record_mentions`: with a discourse, record the sentence's actor mentions there (and return
  // the resolved ones); CodeClauseInDocument() codes without.
  CodeResult CodeWith(std::string_view sentence, Date date, const dict::TabariOptions& options,
                      ForwardState* forward, std::string_view record_id, Discourse* discourse = nullptr,
                      bool record_mentions = true) const;

  const dict::DictionarySet& dictionaries() const { return *dicts_; }
  const dict::TabariOptions& options() const { return options_; }
  bool time_shift_enabled(const dict::TabariOptions& o) const;

 private:
  std::shared_ptr<const dict::DictionarySet> dicts_;
  dict::TabariOptions options_;
  CorefRules coref_;
  std::vector<std::string> coref_warnings_;
};

// Word classes the engine's readings share with the coder's (words upper-case, as the coder reads
// them): a text that can say something ("resolution", "statement", "letter"), and a verb by which
// its subject authors such a text ("adopted", "issued", "sent").
bool IsTextNoun(std::string_view upper_word);
bool IsAuthoringVerb(std::string_view upper_word);

// A validation/FORWARD session: per-record state across records (forwarding, OPTION records
// changing the options). Not thread-safe; one per input stream.
class Session {
 public:
  explicit Session(const Coder& coder) : coder_(coder), options_(coder.options()) {}
  CodeResult Code(std::string_view sentence, Date date, std::string_view record_id) {
    return coder_.CodeWith(sentence, date, options_, &forward_, record_id);
  }
  dict::TabariOptions& options() { return options_; }
  bool time_shift_enabled() const { return coder_.time_shift_enabled(options_); }

 private:
  const Coder& coder_;
  dict::TabariOptions options_;
  ForwardState forward_;
};

}  // namespace dyad::code

#endif  // DYAD_CODE_CODER_H_
