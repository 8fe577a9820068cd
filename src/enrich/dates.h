// Event dates: finds the temporal expressions of a sentence ("on Tuesday",
// "last week", "in the summer of 2023", "between 2014 and February 24, 2022")
// and resolves each against the document date to a period [start, end] with a
// precision (day, week, month, season, year or range). docs/enrichment.md
// lists every form and how it resolves.
//
// Thread safety: a DateLexicon is immutable after Load(); FindDates() is a pure
// function of its arguments.
#ifndef DYAD_ENRICH_DATES_H_
#define DYAD_ENRICH_DATES_H_

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dyad/date.h"
#include "dyad/event.h"
#include "dyad/status.h"
#include "enrich/text.h"

namespace dyad::enrich {

// One word list of the lexicon (word -> value): a std::map whose find() and count() first ask a
// filter of its words. The parser asks several lists about most tokens it reads ("the", "last",
// numbers), and a word a list lacks is turned away by one bit test instead of a tree search.
template <typename V>
class WordMap {
 public:
  using const_iterator = typename std::map<std::string, V, std::less<>>::const_iterator;
  V& operator[](const std::string& word) {
    filter_.Add(word);
    return map_[word];
  }
  // (Asked by a token's view, without building a std::string.)
  const_iterator find(std::string_view word) const {
    return filter_.MayContain(word) ? map_.find(word) : map_.end();
  }
  size_t count(std::string_view word) const { return find(word) != map_.end() ? 1 : 0; }
  const V& at(std::string_view word) const {
    const auto it = map_.find(word);
    return it != map_.end() ? it->second : map_.at(std::string(word));  // (at() throws for a word it lacks)
  }
  const_iterator begin() const { return map_.begin(); }
  const_iterator end() const { return map_.end(); }

 private:
  WordFilter filter_;
  std::map<std::string, V, std::less<>> map_;
};

// The temporal words of data/enrich/temporal.tsv.
struct DateLexicon {
  WordMap<int> month, weekday, number, relday, anchor;
  WordMap<std::pair<int, int>> season;  // first and last month
  WordMap<std::string> unit;            // "weeks" -> "week"
  WordMap<std::string> part;            // "beginning" -> "early"
  std::vector<std::vector<std::string>> vague;        // "recent years"
  std::set<std::string, std::less<>> year_prep, month_prep;
  // The words an expression can open with (every list's words, the first words of the vague
  // phrases, and the parser's own "the", "at", "earlier", ...): Load builds it; other words
  // (and no number) start no expression, so the parser skips them.
  WordFilter openers;
  WordFilter vague_first;  // the first words of the vague phrases (most openers start none)

  // Fails with "path:line: ..." on a malformed row or unknown kind.
  Status Load(const std::string& path);
};

// One resolved temporal expression. Tokens [first, last) of the sentence.
struct DateExpr {
  int first = 0;
  int last = 0;
  Date start, end;
  DatePrecision precision = DatePrecision::kDocument;
  bool vague = false;  // "in recent years": names no date
  std::string text;    // the expression as written
};

// The precision a period [start, end] has by its shape: one day, a Monday-to-
// Sunday week, a calendar month, a season (Mar-May, Jun-Aug, Sep-Nov, Dec-Feb),
// a calendar year, else kRange.
DatePrecision PrecisionOf(Date start, Date end);

// Finds and resolves the temporal expressions of a tokenised sentence, in text
// order, not overlapping. `anchor` is the document date; when it is invalid,
// only expressions that name their own year are resolved.
std::vector<DateExpr> FindDates(const DateLexicon& lexicon, const std::vector<Token>& tokens, std::string_view sentence,
                                Date anchor);

}  // namespace dyad::enrich

#endif  // DYAD_ENRICH_DATES_H_
