#include "enrich/dates.h"

#include <algorithm>
#include <cstdio>

namespace dyad::enrich {
namespace {

struct Period {
  Date start, end;
};

Date MonthEnd(int y, int m) { return Date{y, m, Date::DaysInMonth(y, m)}; }
Period MonthPeriod(int y, int m) { return {Date{y, m, 1}, MonthEnd(y, m)}; }
Period YearPeriod(int y) { return {Date{y, 1, 1}, Date{y, 12, 31}}; }
Period SeasonPeriod(int y, std::pair<int, int> months) {
  if (months.first <= months.second) return {Date{y, months.first, 1}, MonthEnd(y, months.second)};
  return {Date{y, months.first, 1}, MonthEnd(y + 1, months.second)};  // winter: Dec y .. Feb y+1
}
Period WeekOf(Date d) {
  Date monday = d.AddDays(-d.Weekday());
  return {monday, monday.AddDays(6)};
}
Date AddMonths(Date d, int n) {
  int index = d.year * 12 + (d.month - 1) + n;
  int y = index / 12, m = index % 12 + 1;
  return Date{y, m, std::min(d.day, Date::DaysInMonth(y, m))};
}

// The first, middle or last third of a period ("beginning of this year").
Period PartOf(Period p, const std::string& part) {
  int64_t a = p.start.ToDays(), b = p.end.ToDays();
  int64_t len = b - a + 1;
  if (p.start.day == 1 && p.end == MonthEnd(p.end.year, p.end.month)) {
    // Whole months: split in months when there are at least three.
    int months = (p.end.year - p.start.year) * 12 + p.end.month - p.start.month + 1;
    if (months >= 3 && months % 3 == 0) {
      int third = months / 3;
      int skip = part == "early" ? 0 : part == "mid" ? third : 2 * third;
      Date s = AddMonths(p.start, skip);
      Date e = AddMonths(s, third - 1);
      return {s, MonthEnd(e.year, e.month)};
    }
  }
  int64_t third = len / 3;
  if (part == "early") return {p.start, Date::FromDays(a + third - 1)};
  if (part == "mid") return {Date::FromDays(a + third), Date::FromDays(b - third)};
  return {Date::FromDays(b - third + 1), p.end};
}

const WordSet& LeadingPreps() {
  static const WordSet kPreps = {"on",         "in",      "at",     "since", "during",
                                               "from",       "between", "until",  "till",  "by",
                                               "throughout", "over",    "before", "after", "through"};
  return kPreps;
}

class Parser {
 public:
  Parser(const DateLexicon& lex, const std::vector<Token>& tokens, std::string_view sentence, Date anchor)
      : lex_(lex), t_(tokens), sentence_(sentence), anchor_(anchor), have_anchor_(anchor.valid()) {}

  std::vector<DateExpr> Run() {
    std::vector<DateExpr> out;
    size_t i = 0;
    while (i < t_.size()) {
      Period p;
      size_t next = i;
      bool vague = false;
      if (t_[i].value < 0 && !lex_.openers.MayContainSlot(t_[i].filter_slot)) {
        ++i;  // (ParseAt would find nothing here)
      } else if (ParseAt(i, &p, &next, &vague) && next > i) {
        DateExpr e;
        e.first = static_cast<int>(i);
        e.last = static_cast<int>(next);
        e.vague = vague;
        if (!vague) {
          e.start = p.start;
          e.end = p.end;
        }
        // Take a leading preposition into the expression; "since" runs to the document date.
        if (i > 0 && LeadingPreps().count(t_[i - 1].lower) && (out.empty() || out.back().last < e.first)) {
          e.first = static_cast<int>(i - 1);
          if (t_[i - 1].lower == "since" && !vague && have_anchor_ && anchor_ > e.start) e.end = anchor_;
        }
        if (!vague) e.precision = PrecisionOf(e.start, e.end);
        out.push_back(e);
        i = next;
      } else {
        ++i;
      }
    }
    Combine(&out);
    for (DateExpr& e : out) {
      e.text = std::string(sentence_.substr(t_[e.first].begin, t_[e.last - 1].end - t_[e.first].begin));
    }
    return out;
  }

 private:
  bool Is(size_t i, std::string_view w) const { return i < t_.size() && t_[i].lower == w; }

  bool YearAt(size_t i, int* y) const {
    if (i >= t_.size() || !t_[i].number || t_[i].text.size() != 4) return false;
    if (t_[i].value < 1900 || t_[i].value > 2100) return false;
    *y = t_[i].value;
    return true;
  }
  // YEAR, or "last/this/next year".
  bool YearPhraseAt(size_t i, int* y, size_t* next) const {
    if (YearAt(i, y)) {
      *next = i + 1;
      return true;
    }
    if (have_anchor_ && i + 1 < t_.size() && lex_.anchor.count(t_[i].lower) && Is(i + 1, "year")) {
      *y = anchor_.year + lex_.anchor.at(t_[i].lower);
      *next = i + 2;
      return true;
    }
    return false;
  }
  bool MonthAt(size_t i, int* m) const {
    if (i >= t_.size() || !t_[i].capitalised) return false;
    auto it = lex_.month.find(t_[i].lower);
    if (it == lex_.month.end()) return false;
    *m = it->second;
    return true;
  }
  bool DayAt(size_t i, int* d) const {
    if (i >= t_.size() || t_[i].value < 1 || t_[i].value > 31 || t_[i].text.size() > 4) return false;
    *d = t_[i].value;
    return true;
  }
  // Optional ", YEAR" / "YEAR" / "last year" after a day or month; else the
  // most recent year that puts the date on or before the anchor.
  bool YearAfter(size_t i, int* y, size_t* next, int month, int day) const {
    size_t j = i;
    if (Is(j, ",") && (YearAt(j + 1, y))) {
      *next = j + 2;
      return true;
    }
    if (YearPhraseAt(j, y, next)) return true;
    if (!have_anchor_) return false;
    *y = anchor_.year;
    if (Date{*y, month, std::max(day, 1)} > anchor_) --*y;
    *next = i;
    return true;
  }

  bool Longest(bool ok, size_t n, Period p, size_t* best_next, Period* best) const {
    if (ok && n > *best_next) {
      *best_next = n;
      *best = p;
      return true;
    }
    return false;
  }

  bool ParseAt(size_t i, Period* out, size_t* next, bool* vague) const {
    size_t best_next = i;
    Period best;
    Period p;
    size_t n = i;
    // Vague expressions first: they only block others when longer. (The phrases are read only
    // at a word one of them starts with.)
    if (lex_.vague_first.MayContainSlot(t_[i].filter_slot))
      for (const auto& phrase : lex_.vague) {
        size_t m;
        if (!phrase.empty() && phrase[0] == t_[i].lower && MatchPhrase(t_, i, phrase, &m) && m > best_next) {
          best_next = m;
          *vague = true;
        }
      }
    bool any_vague = *vague;
    size_t vague_next = best_next;
    best_next = i;
    if (DayMonth(i, &p, &n)) Longest(true, n, p, &best_next, &best);
    if (MonthDay(i, &p, &n)) Longest(true, n, p, &best_next, &best);
    if (MonthRange(i, &p, &n)) Longest(true, n, p, &best_next, &best);
    if (MonthYear(i, &p, &n, /*need_context=*/true)) Longest(true, n, p, &best_next, &best);
    if (YearExpr(i, &p, &n, /*need_context=*/true)) Longest(true, n, p, &best_next, &best);
    if (Season(i, &p, &n)) Longest(true, n, p, &best_next, &best);
    if (Part(i, &p, &n)) Longest(true, n, p, &best_next, &best);
    if (Anchored(i, &p, &n)) Longest(true, n, p, &best_next, &best);
    if (Weekday(i, &p, &n)) Longest(true, n, p, &best_next, &best);
    if (Ago(i, &p, &n)) Longest(true, n, p, &best_next, &best);
    if (RelDay(i, &p, &n)) Longest(true, n, p, &best_next, &best);
    if (any_vague && vague_next >= best_next) {
      *next = vague_next;
      return true;
    }
    *vague = false;
    if (best_next == i) return false;
    *out = best;
    *next = best_next;
    return true;
  }

  // "24 February 2022", "4th of October", "24 February".
  bool DayMonth(size_t i, Period* p, size_t* next) const {
    int d, m, y;
    if (!DayAt(i, &d)) return false;
    size_t j = i + 1;
    if (Is(j, "of")) ++j;
    if (!MonthAt(j, &m)) return false;
    if (d > Date::DaysInMonth(2000, m)) return false;
    if (!YearAfter(j + 1, &y, next, m, d)) return false;
    Date date{y, m, d};
    if (!date.valid()) return false;
    *p = {date, date};
    return true;
  }
  // "February 24, 2022", "October 4th last year", "March 3".
  bool MonthDay(size_t i, Period* p, size_t* next) const {
    int d, m, y;
    if (!MonthAt(i, &m) || !DayAt(i + 1, &d)) return false;
    if (i + 2 < t_.size() && t_[i + 2].lower == ":") return false;  // a time, "March 3:30"
    if (!YearAfter(i + 2, &y, next, m, d)) return false;
    Date date{y, m, d};
    if (!date.valid()) return false;
    *p = {date, date};
    return true;
  }
  // "February-March 2022".
  bool MonthRange(size_t i, Period* p, size_t* next) const {
    int m1, m2, y;
    if (!MonthAt(i, &m1) || !Is(i + 1, "-") || !MonthAt(i + 2, &m2)) return false;
    if (!YearAfter(i + 3, &y, next, m2, 1)) return false;
    int y1 = m1 <= m2 ? y : y - 1;
    *p = {Date{y1, m1, 1}, MonthEnd(y, m2)};
    return true;
  }
  // "March 2022", "March of 2022", and a bare "March" after a preposition.
  bool MonthYear(size_t i, Period* p, size_t* next, bool need_context) const {
    int m, y;
    if (!MonthAt(i, &m)) return false;
    size_t j = i + 1;
    if (Is(j, "of") || Is(j, ",")) ++j;
    if (YearPhraseAt(j, &y, next)) {
      *p = MonthPeriod(y, m);
      return true;
    }
    if (need_context && !(i > 0 && lex_.month_prep.count(t_[i - 1].lower))) return false;
    if (!have_anchor_) return false;
    int a = 0;  // "last March" / "this March" / "next March"
    if (i > 0 && lex_.anchor.count(t_[i - 1].lower)) a = lex_.anchor.at(t_[i - 1].lower);
    y = anchor_.year;
    if (a == 0 && m > anchor_.month && !(i > 0 && t_[i - 1].lower == "this")) --y;
    if (a < 0) y = m < anchor_.month ? anchor_.year : anchor_.year - 1;
    if (a > 0) y = m > anchor_.month ? anchor_.year : anchor_.year + 1;
    *p = MonthPeriod(y, m);
    *next = i + 1;
    return true;
  }
  // "2020" after a preposition, "2014-2022".
  bool YearExpr(size_t i, Period* p, size_t* next, bool need_context) const {
    int y, y2;
    if (!YearAt(i, &y)) return false;
    if (Is(i + 1, "-") && YearAt(i + 2, &y2) && y2 > y) {
      *p = {Date{y, 1, 1}, Date{y2, 12, 31}};
      *next = i + 3;
      return true;
    }
    if (need_context && !(i > 0 && lex_.year_prep.count(t_[i - 1].lower))) return false;
    *p = YearPeriod(y);
    *next = i + 1;
    return true;
  }
  // "the summer of 2023", "summer 2023", "last summer", "in the summer".
  bool Season(size_t i, Period* p, size_t* next) const {
    size_t j = i;
    int a = 0;
    bool anchored = false;
    if (Is(j, "the"))
      ++j;
    else if (j < t_.size() && lex_.anchor.count(t_[j].lower)) {
      a = lex_.anchor.at(t_[j].lower);
      anchored = true;
      ++j;
    }
    if (j >= t_.size()) return false;
    auto it = lex_.season.find(t_[j].lower);
    if (it == lex_.season.end()) return false;
    size_t k = j + 1;
    if (Is(k, "of")) ++k;
    int y;
    if (!anchored && YearPhraseAt(k, &y, next)) {
      // "winter of 2022" is Dec 2022 .. Feb 2023.
      *p = SeasonPeriod(y, it->second);
      return true;
    }
    if (!have_anchor_) return false;
    bool bare_ok =
        anchored || (Is(i, "the") && i > 0 && (Is(i - 1, "in") || Is(i - 1, "during")) && t_[j].lower != "fall");
    if (!bare_ok) return false;
    // The season of the anchor's year that contains or precedes the anchor.
    int first = it->second.first;
    int sy = anchor_.year;
    if (first > it->second.second && anchor_.month <= it->second.second) sy -= 1;  // Jan/Feb: last Dec's winter
    Period cur = SeasonPeriod(sy, it->second);
    if (cur.start > anchor_) cur = SeasonPeriod(sy - 1, it->second);
    if (a < 0) {
      if (cur.end >= anchor_) cur = SeasonPeriod(cur.start.year - 1, it->second);
    } else if (a > 0) {
      cur = SeasonPeriod(cur.start.year + 1, it->second);
    }
    *p = cur;
    *next = j + 1;
    return true;
  }
  // A period that a part word can take: a month, year, season or anchored unit.
  bool Inner(size_t i, Period* p, size_t* next) const {
    return MonthRange(i, p, next) || MonthYear(i, p, next, /*need_context=*/false) ||
           YearExpr(i, p, next, /*need_context=*/false) || Season(i, p, next) || Anchored(i, p, next);
  }
  // "at the beginning of this year", "the end of 2023", "early 2023", "mid-2023", "late March".
  bool Part(size_t i, Period* p, size_t* next) const {
    size_t j = i;
    if (Is(j, "at") || Is(j, "by") || Is(j, "towards") || Is(j, "toward")) ++j;
    bool the = false;
    if (Is(j, "the")) {
      the = true;
      ++j;
    }
    if (j >= t_.size()) return false;
    auto it = lex_.part.find(t_[j].lower);
    if (it == lex_.part.end()) return false;
    size_t k = j + 1;
    if (Is(k, "of")) {
      ++k;
      if (Is(k, "the") && !(k + 1 < t_.size() && lex_.season.count(t_[k + 1].lower))) ++k;
    } else if (the) {
      return false;  // "the end" must be "the end of ..."
    } else if (Is(k, "-")) {
      ++k;
    }
    Period inner;
    if (!Inner(k, &inner, next)) return false;
    if (j == i && t_[j].lower != "early" && t_[j].lower != "late" && t_[j].lower != "mid" && !Is(j + 1, "of")) {
      return false;
    }
    *p = PartOf(inner, it->second);
    return true;
  }
  // "last week", "this month", "next year", "earlier this month", "later this year", "last March".
  bool Anchored(size_t i, Period* p, size_t* next) const {
    if (!have_anchor_) return false;
    size_t j = i;
    int mode = 0;  // -1 earlier, +1 later
    if (Is(j, "earlier")) {
      mode = -1;
      ++j;
    } else if (Is(j, "later")) {
      mode = 1;
      ++j;
    }
    if (mode == 0 && Is(j, "the") && j + 1 < t_.size() && j > 0 && (Is(j - 1, "over") || Is(j - 1, "at")) &&
        lex_.unit.count(t_[j + 1].lower) && lex_.unit.at(t_[j + 1].lower) == "weekend") {
      // "over the weekend": the most recent weekend that has started.
      Period week = WeekOf(anchor_);
      Period cur{week.start.AddDays(5), week.end};
      if (cur.start > anchor_) cur = {cur.start.AddDays(-7), cur.end.AddDays(-7)};
      *p = cur;
      *next = j + 2;
      return true;
    }
    if (j + 1 >= t_.size() || !lex_.anchor.count(t_[j].lower)) return false;
    int a = lex_.anchor.at(t_[j].lower);
    auto u = lex_.unit.find(t_[j + 1].lower);
    if (u == lex_.unit.end()) {
      int m;
      if (mode == 0 && MonthAt(j + 1, &m)) return MonthYear(j + 1, p, next, /*need_context=*/true);
      return false;
    }
    const std::string& unit = u->second;
    Period cur;
    if (unit == "week") {
      cur = WeekOf(anchor_.AddDays(7 * a));
    } else if (unit == "month") {
      Date d = AddMonths(Date{anchor_.year, anchor_.month, 1}, a);
      cur = MonthPeriod(d.year, d.month);
    } else if (unit == "year") {
      cur = YearPeriod(anchor_.year + a);
    } else if (unit == "weekend") {
      // "last weekend": the Saturday-Sunday before the document date's week;
      // "this weekend": the most recent one that has started.
      Period week = WeekOf(anchor_.AddDays(7 * a));
      cur = {week.start.AddDays(5), week.end};
      if (a == 0 && cur.start > anchor_) cur = {cur.start.AddDays(-7), cur.end.AddDays(-7)};
    } else {
      return false;
    }
    if (mode != 0 && a != 0) return false;
    if (mode < 0) cur.end = anchor_;
    if (mode > 0) cur.start = anchor_;
    *p = cur;
    *next = j + 2;
    return true;
  }
  // "Tuesday", "last Tuesday", "next Friday": the most recent such day up to
  // the document date (strictly before it for "last", after it for "next").
  bool Weekday(size_t i, Period* p, size_t* next) const {
    if (!have_anchor_) return false;
    size_t j = i;
    int a = -1;
    if (j < t_.size() && lex_.anchor.count(t_[j].lower) && j + 1 < t_.size() && lex_.weekday.count(t_[j + 1].lower)) {
      a = lex_.anchor.at(t_[j].lower) > 0 ? 1 : -1;
      ++j;
    }
    if (j >= t_.size() || !t_[j].capitalised) return false;
    auto it = lex_.weekday.find(t_[j].lower);
    if (it == lex_.weekday.end()) return false;
    int wd = it->second;
    int cur = anchor_.Weekday();
    Date d;
    if (a < 0) {
      // A bare weekday naming the publication day is that day (wire style: an
      // article of Thursday saying "on Thursday"); "last Thursday" is a week back.
      int back = (cur - wd + 7) % 7;
      if (back == 0 && j != i) back = 7;
      d = anchor_.AddDays(-back);
    } else {
      int fwd = (wd - cur + 7) % 7;
      if (fwd == 0) fwd = 7;
      d = anchor_.AddDays(fwd);
    }
    *p = {d, d};
    *next = j + 1;
    return true;
  }
  // "two years ago", "3 days ago", "a week ago".
  bool Ago(size_t i, Period* p, size_t* next) const {
    if (!have_anchor_ || i + 2 >= t_.size() || !Is(i + 2, "ago")) return false;
    int n;
    if (t_[i].number && t_[i].value > 0 && t_[i].value < 1000) {
      n = t_[i].value;
    } else if (lex_.number.count(t_[i].lower)) {
      n = lex_.number.at(t_[i].lower);
    } else {
      return false;
    }
    auto u = lex_.unit.find(t_[i + 1].lower);
    if (u == lex_.unit.end()) return false;
    const std::string& unit = u->second;
    if (unit == "day") {
      Date d = anchor_.AddDays(-n);
      *p = {d, d};
    } else if (unit == "week") {
      *p = WeekOf(anchor_.AddDays(-7 * n));
    } else if (unit == "month") {
      Date d = AddMonths(anchor_, -n);
      *p = MonthPeriod(d.year, d.month);
    } else if (unit == "year") {
      *p = YearPeriod(anchor_.year - n);
    } else if (unit == "decade") {
      *p = YearPeriod(anchor_.year - 10 * n);
    } else {
      return false;
    }
    *next = i + 3;
    return true;
  }
  // "yesterday", "today", "last night", "this morning", "the day before yesterday".
  bool RelDay(size_t i, Period* p, size_t* next) const {
    if (!have_anchor_ || i >= t_.size()) return false;
    int offset;
    size_t n;
    if (Is(i, "the") && Is(i + 1, "day") && Is(i + 2, "before") && Is(i + 3, "yesterday")) {
      offset = -2;
      n = i + 4;
    } else if (lex_.relday.count(t_[i].lower)) {
      offset = lex_.relday.at(t_[i].lower);
      n = i + 1;
    } else if (Is(i, "last") && Is(i + 1, "night")) {
      offset = -1;
      n = i + 2;
    } else if (Is(i, "this") && (Is(i + 1, "morning") || Is(i + 1, "afternoon") || Is(i + 1, "evening"))) {
      offset = 0;
      n = i + 2;
    } else {
      return false;
    }
    Date d = anchor_.AddDays(offset);
    *p = {d, d};
    *next = n;
    return true;
  }

  // "between E1 and E2", "from E1 to E2": one range from E1's start to E2's end.
  void Combine(std::vector<DateExpr>* exprs) const {
    std::vector<DateExpr> out;
    for (size_t k = 0; k < exprs->size(); ++k) {
      DateExpr e = (*exprs)[k];
      if (k + 1 < exprs->size() && !e.vague && !(*exprs)[k + 1].vague) {
        const DateExpr& f = (*exprs)[k + 1];
        // Joiner: the tokens between e and f (f's own leading preposition excluded).
        int gap_begin = e.last, gap_end = f.first;
        bool joined = false;
        std::string opener;
        if (gap_end - gap_begin == 1) {
          const LowerWord& w = t_[gap_begin].lower;
          joined = w == "and" || w == "to" || w == "until" || w == "till" || w == "through" || w == "-";
        } else if (gap_end == gap_begin && t_[f.first].lower == "until") {
          joined = true;
        }
        // Opener: "between"/"from" at or shortly before e, after the previous expression.
        int floor = out.empty() ? 0 : out.back().last;
        int opener_at = -1;
        for (int b = e.first; b >= floor && b >= e.first - 8; --b) {
          const LowerWord& w = t_[b].lower;
          if (w == "between" || w == "from") {
            opener_at = b;
            break;
          }
          if (b < e.first && (w == "," || w == ";" || w == ".")) break;
        }
        if (joined && opener_at >= 0 && f.end >= e.start) {
          e.first = opener_at;
          e.last = f.last;
          e.end = f.end;
          e.precision = PrecisionOf(e.start, e.end);
          out.push_back(e);
          ++k;
          continue;
        }
      }
      out.push_back(e);
    }
    *exprs = std::move(out);
  }

  const DateLexicon& lex_;
  const std::vector<Token>& t_;
  std::string_view sentence_;
  Date anchor_;
  bool have_anchor_;
};

}  // namespace

DatePrecision PrecisionOf(Date start, Date end) {
  if (!start.valid() || !end.valid()) return DatePrecision::kDocument;
  if (start == end) return DatePrecision::kDay;
  if (start.Weekday() == 0 && end == start.AddDays(6)) return DatePrecision::kWeek;
  if (start.day == 1 && end == MonthEnd(end.year, end.month)) {
    int months = (end.year - start.year) * 12 + end.month - start.month + 1;
    if (months == 1) return DatePrecision::kMonth;
    if (months == 3 && (start.month == 3 || start.month == 6 || start.month == 9 || start.month == 12)) {
      return DatePrecision::kSeason;
    }
    if (months == 12 && start.month == 1) return DatePrecision::kYear;
  }
  return DatePrecision::kRange;
}

Status DateLexicon::Load(const std::string& path) {
  std::vector<TsvRow> rows;
  if (Status s = ReadTsv(path, 2, &rows); !s.ok()) return s;
  for (const TsvRow& row : rows) {
    const std::string& kind = row.cols[0];
    const std::string word = ToLowerAscii(row.cols[1]);
    const std::string value = row.cols.size() > 2 ? row.cols[2] : "";
    auto bad = [&](const std::string& what) {
      return Status::Error(path + ":" + std::to_string(row.line) + ": " + what + ": '" + kind + "\t" + row.cols[1] +
                           "'");
    };
    auto integer = [&](int* v) {
      try {
        size_t used = 0;
        *v = std::stoi(value, &used);
        return used == value.size();
      } catch (...) {
        return false;
      }
    };
    int v = 0;
    if (kind == "vague") {
      vague.push_back(SplitWords(word));
    } else if (kind == "yearprep") {
      year_prep.insert(word);
    } else if (kind == "monthprep") {
      month_prep.insert(word);
    } else if (kind == "unit") {
      if (value != "day" && value != "week" && value != "weekend" && value != "month" && value != "year" &&
          value != "decade") {
        return bad("unit must be day, week, weekend, month, year or decade");
      }
      unit[word] = value;
    } else if (kind == "part") {
      if (value != "early" && value != "mid" && value != "late") return bad("part must be early, mid or late");
      part[word] = value;
    } else if (kind == "season") {
      int a = 0, b = 0;
      if (std::sscanf(value.c_str(), "%d-%d", &a, &b) != 2 || a < 1 || a > 12 || b < 1 || b > 12) {
        return bad("season needs FIRST-LAST months");
      }
      season[word] = {a, b};
    } else if (kind == "month" || kind == "weekday" || kind == "number" || kind == "relday" || kind == "anchor") {
      if (!integer(&v)) return bad("expected an integer value");
      if (kind == "month" && (v < 1 || v > 12)) return bad("month must be 1..12");
      if (kind == "weekday" && (v < 0 || v > 6)) return bad("weekday must be 0..6");
      auto& map = kind == "month"     ? month
                  : kind == "weekday" ? weekday
                  : kind == "number"  ? number
                  : kind == "relday"  ? relday
                                      : anchor;
      map[word] = v;
    } else {
      return bad("unknown kind");
    }
  }
  for (const auto* words : {&month, &weekday, &number, &relday, &anchor})
    for (const auto& [word, value] : *words) openers.Add(word);
  for (const auto& [word, months] : season) openers.Add(word);
  for (const auto& [word, value] : part) openers.Add(word);
  for (const auto& phrase : vague)
    if (!phrase.empty()) {
      openers.Add(phrase.front());
      vague_first.Add(phrase.front());
    }
  for (const char* word : {"the", "at", "by", "towards", "toward", "earlier", "later", "last", "this"}) openers.Add(word);
  return Status::Ok();
}

std::vector<DateExpr> FindDates(const DateLexicon& lexicon, const std::vector<Token>& tokens, std::string_view sentence,
                                Date anchor) {
  return Parser(lexicon, tokens, sentence, anchor).Run();
}

}  // namespace dyad::enrich
