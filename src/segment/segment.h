// Sentence and token segmentation of normalised text (see normalize/normalize.h:
// quotes are straight, dashes are '-', spaces are ' ', line breaks are '\n').
//
// Sentences (SentenceSplitter::Split):
//   * A sentence ends after '.', '!' or '?' (a run of them, e.g. "?!" or "...")
//     and any closing quotes/brackets that follow, when whitespace and then an
//     upper-case letter, a digit or an opening quote/bracket follow (or the text ends).
//   * A blank line (a line of only blanks) always ends a sentence: a headline
//     without a full stop is its own sentence. A single '\n' does not (hard-
//     wrapped text).
//   * No sentence end before a lower-case word ("etc. and"), after a single
//     letter initial ("Alexander G. Lukashenko"), inside a number ("3.5"), or
//     after an abbreviation listed in data/segment/abbreviations.txt, by class:
//     title never, month unless a capitalised non-number follows, other only
//     when the next word is listed in data/segment/sentence_starters.txt.
//     Dotted acronyms of single letters ("U.N.", "N.A.T.O.") count as "other".
//   * A terminator inside a quotation or a bracket (a '"' / '(' / '[' whose
//     closing partner comes within kMaxQuoteBytes in the same paragraph) does
//     not end the sentence: "He said "We will win. Now." Then ..." ends after
//     the closing quote.
//   * Work is linear in the text. A sentence longer than kMaxSentenceBytes is
//     cut into pieces of at most that size, each at the last "; " ", " or blank
//     before the limit (else at a UTF-8 character boundary).
//   Spans are byte ranges into the text, trimmed of whitespace, never empty.
//
// Tokens (Tokenize): words (letters, digits and marks; internal hyphens and
// apostrophes kept: "pro-Russian", "O'Brien"), dotted single-letter acronyms
// with their final period ("U.S.", "e.g."), numbers (digits with ',' or '.'
// between digits: "1,000.5"), possessive "'s" / "'" and "n't" as tokens of their
// own, "..." as one token, and every other punctuation character alone.
//
// Thread safety: a SentenceSplitter is immutable after Create and safe to share.
#ifndef DYAD_SEGMENT_SEGMENT_H_
#define DYAD_SEGMENT_SEGMENT_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "dyad/status.h"

namespace dyad::segment {

inline constexpr size_t kMaxSentenceBytes = 2000;
inline constexpr size_t kMaxQuoteBytes = 600;

struct SentenceSpan {
  size_t begin = 0;  // byte offsets into the text, [begin, end)
  size_t end = 0;
  friend bool operator==(const SentenceSpan&, const SentenceSpan&) = default;
};

enum class TokenKind { kWord, kNumber, kPunct };

struct TokenSpan {
  size_t begin = 0;  // byte offsets into the tokenised string, [begin, end)
  size_t end = 0;
  TokenKind kind = TokenKind::kWord;
};

enum class AbbreviationClass { kTitle, kMonth, kOther };

class SentenceSplitter {
 public:
  // Loads <data_dir>/abbreviations.txt and <data_dir>/sentence_starters.txt.
  // Errors: "path: no such file", "path:line: unknown class 'x'" ...
  static Status Create(const std::string& data_dir, std::unique_ptr<SentenceSplitter>* out);
  // The splitter over DYAD_DATA_DIR/segment, loaded once (thread-safe). On a
  // load failure returns nullptr and sets *status (when given) to the error.
  static const SentenceSplitter* Default(Status* status = nullptr);

  std::vector<SentenceSpan> Split(std::string_view text) const;

  // The class of `word` (with its final '.'), or nullptr when not listed.
  const AbbreviationClass* Lookup(std::string_view word) const;

 private:
  friend std::vector<SentenceSpan> SplitSentences(std::string_view text);
  SentenceSplitter() = default;
  bool EndsSentence(std::string_view text, size_t term_begin, size_t next) const;

  std::unordered_map<std::string, AbbreviationClass> abbreviations_;
  std::unordered_set<std::string> starters_;
};

// Split with SentenceSplitter::Default(); if its data cannot be loaded, only
// the structural rules apply (call Default(&status) at start-up to report it).
std::vector<SentenceSpan> SplitSentences(std::string_view text);

std::vector<TokenSpan> Tokenize(std::string_view sentence);

}  // namespace dyad::segment

#endif  // DYAD_SEGMENT_SEGMENT_H_
