#include "segment/segment.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <mutex>

#include "common/scan.h"

namespace dyad::segment {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool IsTerminator(char c) { return c == '.' || c == '!' || c == '?'; }
bool IsCloser(char c) { return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}'; }
bool IsOpener(char c) { return c == '"' || c == '\'' || c == '(' || c == '[' || c == '{'; }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// Bytes the scanning loops stop at: kSplitStops for SentenceSplitter::Split ('\n' and
// terminators), kProtectStops for ProtectedIntervals ('\n', '"' and brackets); sixteen bytes
// tested at a time (common/scan.h).
const ByteStops<4> kSplitStops({'\n', '.', '!', '?'});
const ByteStops<8> kProtectStops({'\n', '"', '(', '[', '{', ')', ']', '}'});

// Decodes the code point at byte i (invalid bytes decode as U+FFFD, length 1).
UChar32 CodePointAt(std::string_view s, size_t i, size_t* next) {
  int32_t pos = 0;
  UChar32 c;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data() + i);
  int32_t len = static_cast<int32_t>(std::min<size_t>(s.size() - i, 4));
  U8_NEXT(p, pos, len, c);
  if (c < 0) c = 0xFFFD;
  *next = i + static_cast<size_t>(pos);
  return c;
}

bool IsWordCp(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  if (u_isalnum(c)) return true;
  int8_t t = u_charType(c);
  return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK;
}

bool IsWordAt(std::string_view s, size_t i) {
  if (i >= s.size()) return false;
  size_t next;
  return IsWordCp(CodePointAt(s, i, &next));
}

// Code point ending just before byte i (i > 0).
UChar32 CodePointBefore(std::string_view s, size_t i) {
  size_t b = i - 1;
  while (b > 0 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80 && i - b < 4) --b;
  size_t next;
  UChar32 c = CodePointAt(s, b, &next);
  return next == i ? c : 0xFFFD;
}

bool IsWordBefore(std::string_view s, size_t i) { return i > 0 && IsWordCp(CodePointBefore(s, i)); }

std::string_view Trim(std::string_view s, size_t* begin) {
  size_t b = 0, e = s.size();
  while (b < e && IsSpace(s[b])) ++b;
  while (e > b && IsSpace(s[e - 1])) --e;
  *begin += b;
  return s.substr(b, e - b);
}

Status ReadLines(const std::string& path, std::vector<std::pair<int, std::string>>* lines) {
  std::ifstream in(path);
  if (!in) return Status::Error(path + ": no such file");
  std::string line;
  int no = 0;
  while (std::getline(in, line)) {
    ++no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t b = line.find_first_not_of(" \t");
    if (b == std::string::npos || line[b] == '#') continue;
    size_t e = line.find_last_not_of(" \t");
    lines->emplace_back(no, line.substr(b, e - b + 1));
  }
  if (in.bad()) return Status::Error(path + ": read error");
  return Status::Ok();
}

// "U.S.", "e.g.", "N.A.T.O." without the final period: single letters joined by '.'.
bool IsDottedAcronym(std::string_view w) {
  if (w.size() < 3) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    bool letter = (w[i] >= 'A' && w[i] <= 'Z') || (w[i] >= 'a' && w[i] <= 'z');
    if (i % 2 == 0 ? !letter : w[i] != '.') return false;
  }
  return w.size() % 2 == 1;
}

// Cuts [b, e) into pieces of at most kMaxSentenceBytes and appends them trimmed.
void AppendCapped(std::string_view text, size_t b, size_t e, std::vector<SentenceSpan>* out) {
  while (b < e) {
    size_t tb = b;
    std::string_view piece = Trim(text.substr(b, e - b), &tb);
    if (piece.empty()) return;
    b = tb;
    e = tb + piece.size();
    if (e - b <= kMaxSentenceBytes) {
      out->push_back({b, e});
      return;
    }
    size_t limit = b + kMaxSentenceBytes;  // the piece is [b, cut), cut <= limit
    size_t semi = 0, comma = 0, blank = 0;
    for (size_t i = limit; i > b + 1; --i) {  // blank at text[i - 1]... look at boundary i
      if (!IsSpace(text[i])) continue;
      if (blank == 0) blank = i;
      char prev = text[i - 1];
      if (prev == ';' && semi == 0) semi = i;
      if (prev == ',' && comma == 0) comma = i;
      if (semi) break;
    }
    size_t half = b + kMaxSentenceBytes / 2;
    size_t cut = semi > half ? semi : comma > half ? comma : blank ? blank : 0;
    if (cut == 0) {  // no blank at all: cut at a UTF-8 character boundary
      cut = limit;
      while (cut > b + 1 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    }
    size_t pb = b;
    std::string_view head = Trim(text.substr(b, cut - b), &pb);
    if (!head.empty()) out->push_back({pb, pb + head.size()});
    b = cut;
  }
}

struct Interval {
  size_t open, close;  // positions of the opening and closing characters
};

// Quotations and brackets closed within kMaxQuoteBytes in the same paragraph,
// merged into disjoint intervals sorted by position.
std::vector<Interval> ProtectedIntervals(std::string_view text) {
  std::vector<Interval> found;
  constexpr size_t kNone = static_cast<size_t>(-1);
  size_t quote = kNone;
  std::vector<std::pair<char, size_t>> stack;
  const size_t n = text.size();
  for (size_t i = 0; i < n; ++i) {
    // Only '\n', '"' and brackets matter here: every other byte is skipped, sixteen at a time.
    i = kProtectStops.Find(text, i);
    if (i >= n) break;
    char c = text[i];
    if (c == '\n') {
      size_t j = i + 1;
      while (j < n && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) ++j;
      if (j < n && text[j] == '\n') {  // paragraph break
        quote = kNone;
        stack.clear();
      }
      continue;
    }
    if (c == '"') {
      bool space_before = i == 0 || IsSpace(text[i - 1]) || text[i - 1] == '(' || text[i - 1] == '[';
      bool space_after = i + 1 >= n || IsSpace(text[i + 1]);
      if (space_before && !space_after) {
        quote = i;  // opening (a second opening restarts the quotation)
      } else if (quote != kNone) {
        if (i - quote <= kMaxQuoteBytes) found.push_back({quote, i});
        quote = kNone;
      }
    } else if (c == '(' || c == '[' || c == '{') {
      if (stack.size() >= 16) stack.erase(stack.begin());
      stack.emplace_back(c, i);
    } else if (c == ')' || c == ']' || c == '}') {
      char want = c == ')' ? '(' : c == ']' ? '[' : '{';
      while (!stack.empty() && stack.back().first != want) stack.pop_back();
      if (!stack.empty()) {
        if (i - stack.back().second <= kMaxQuoteBytes) found.push_back({stack.back().second, i});
        stack.pop_back();
      }
    }
    // An opening quote older than kMaxQuoteBytes is not closed by a later '"': the check
    // `i - quote <= kMaxQuoteBytes` above rejects it when that '"' is reached.
  }
  std::sort(found.begin(), found.end(), [](const Interval& a, const Interval& b) { return a.open < b.open; });
  std::vector<Interval> merged;
  for (const Interval& iv : found) {
    if (!merged.empty() && iv.open <= merged.back().close) {
      merged.back().close = std::max(merged.back().close, iv.close);
    } else {
      merged.push_back(iv);
    }
  }
  return merged;
}

}  // namespace

Status SentenceSplitter::Create(const std::string& data_dir, std::unique_ptr<SentenceSplitter>* out) {
  std::unique_ptr<SentenceSplitter> splitter(new SentenceSplitter());
  std::string abbr_path = data_dir + "/abbreviations.txt";
  std::vector<std::pair<int, std::string>> lines;
  Status s = ReadLines(abbr_path, &lines);
  if (!s.ok()) return s;
  for (const auto& [no, line] : lines) {
    size_t sp = line.find_first_of(" \t");
    std::string word = line.substr(0, sp);
    std::string cls = sp == std::string::npos ? "" : line.substr(line.find_first_not_of(" \t", sp));
    AbbreviationClass c;
    if (cls == "title") {
      c = AbbreviationClass::kTitle;
    } else if (cls == "month") {
      c = AbbreviationClass::kMonth;
    } else if (cls == "other") {
      c = AbbreviationClass::kOther;
    } else {
      return Status::Error(abbr_path + ":" + std::to_string(no) + ": unknown class '" + cls +
                           "' (want title, month or other): '" + line + "'");
    }
    if (word.size() < 2 || word.back() != '.') {
      return Status::Error(abbr_path + ":" + std::to_string(no) + ": abbreviation must end in '.': '" + line + "'");
    }
    splitter->abbreviations_[word] = c;
  }
  lines.clear();
  std::string starters_path = data_dir + "/sentence_starters.txt";
  s = ReadLines(starters_path, &lines);
  if (!s.ok()) return s;
  for (const auto& [no, line] : lines) {
    if (line.find_first_of(" \t") != std::string::npos) {
      return Status::Error(starters_path + ":" + std::to_string(no) + ": one word per line: '" + line + "'");
    }
    splitter->starters_.insert(line);
  }
  *out = std::move(splitter);
  return Status::Ok();
}

const SentenceSplitter* SentenceSplitter::Default(Status* status) {
  static std::once_flag once;
  static Status load_status;
  static std::unique_ptr<SentenceSplitter> instance;
  std::call_once(once, [] {
#ifdef DYAD_DATA_DIR
    load_status = Create(std::string(DYAD_DATA_DIR) + "/segment", &instance);
#else
    load_status = Status::Error("segment data directory unknown (DYAD_DATA_DIR not set)");
#endif
  });
  if (status != nullptr) *status = load_status;
  return instance.get();
}

const AbbreviationClass* SentenceSplitter::Lookup(std::string_view word) const {
  auto it = abbreviations_.find(std::string(word));
  if (it != abbreviations_.end()) return &it->second;
  std::string lower(word);
  for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  it = abbreviations_.find(lower);
  if (it != abbreviations_.end()) return &it->second;
  if (!lower.empty() && lower[0] >= 'a' && lower[0] <= 'z') {
    lower[0] = static_cast<char>(lower[0] - 32);
    it = abbreviations_.find(lower);
    if (it != abbreviations_.end()) return &it->second;
  }
  return nullptr;
}

// term_begin: the first terminator; next: the first non-blank after the terminator
// run and its closing quotes/brackets (next < text.size()).
bool SentenceSplitter::EndsSentence(std::string_view text, size_t term_begin, size_t next) const {
  size_t cp_end;
  UChar32 c = CodePointAt(text, next, &cp_end);
  if (u_islower(c)) return false;
  bool letter = u_isalpha(c);
  bool starts = letter || u_isdigit(c) || IsOpener(text[next]);
  if (!starts) return false;

  size_t term_end = term_begin;
  while (term_end < text.size() && IsTerminator(text[term_end])) ++term_end;
  if (term_end - term_begin != 1 || text[term_begin] != '.') return true;

  // The word before the period.
  size_t wb = term_begin;
  while (wb > 0 && !IsSpace(text[wb - 1])) --wb;
  while (wb < term_begin && IsOpener(text[wb])) ++wb;
  std::string_view word = text.substr(wb, term_begin - wb);
  if (word.empty()) return true;

  // A single-letter initial: "G. Lukashenko".
  size_t first_end;
  UChar32 first = CodePointAt(text, wb, &first_end);
  if (first_end == term_begin && u_isupper(first)) return false;

  const AbbreviationClass* cls = nullptr;
  AbbreviationClass acronym = AbbreviationClass::kOther;
  std::string with_dot(word);
  with_dot.push_back('.');
  cls = Lookup(with_dot);
  if (cls == nullptr && IsDottedAcronym(word)) cls = &acronym;
  if (cls == nullptr) return true;
  switch (*cls) {
    case AbbreviationClass::kTitle:
      return false;
    case AbbreviationClass::kMonth:
      return letter && u_isupper(c);
    case AbbreviationClass::kOther: {
      size_t e = next;
      while (e < text.size() && IsWordAt(text, e)) CodePointAt(text, e, &e);
      return starters_.count(std::string(text.substr(next, e - next))) > 0;
    }
  }
  return true;
}

std::vector<SentenceSpan> SentenceSplitter::Split(std::string_view text) const {
  std::vector<SentenceSpan> out;
  const std::vector<Interval> protect = ProtectedIntervals(text);
  size_t pi = 0;  // first interval whose close >= the current position
  const size_t n = text.size();
  size_t start = 0;
  size_t i = 0;
  while (i < n) {
    // Only '\n' and terminators matter here: every other byte is skipped, sixteen at a time.
    i = kSplitStops.Find(text, i);
    if (i >= n) break;
    char c = text[i];
    if (c == '\n') {
      size_t j = i + 1;
      while (j < n && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) ++j;
      if (j < n && text[j] == '\n') {
        AppendCapped(text, start, i, &out);
        while (j < n && IsSpace(text[j])) ++j;
        start = i = j;
        continue;
      }
      ++i;
      continue;
    }
    if (!IsTerminator(c)) {
      ++i;
      continue;
    }
    size_t term = i;
    size_t j = i;
    while (j < n && IsTerminator(text[j])) ++j;
    size_t k = j;
    while (k < n && IsCloser(text[k])) ++k;
    i = k;
    if (k < n && !IsSpace(text[k])) continue;  // "3.5", "www.x.org", "U.S.-led"
    while (pi < protect.size() && protect[pi].close < term) ++pi;
    // Inside a quotation/bracket that does not close within the closers just read.
    if (pi < protect.size() && protect[pi].open < term && protect[pi].close >= k) continue;
    size_t next = k;
    while (next < n && (text[next] == ' ' || text[next] == '\t' || text[next] == '\r')) ++next;
    if (next < n && text[next] == '\n') {
      size_t m = next + 1;
      while (m < n && (text[m] == ' ' || text[m] == '\t' || text[m] == '\r')) ++m;
      if (m < n && text[m] == '\n') continue;  // the paragraph break ends it anyway
      next = m;
    }
    if (next >= n || EndsSentence(text, term, next)) {
      AppendCapped(text, start, k, &out);
      start = k;
    }
  }
  AppendCapped(text, start, n, &out);
  return out;
}

std::vector<SentenceSpan> SplitSentences(std::string_view text) {
  const SentenceSplitter* splitter = SentenceSplitter::Default();
  if (splitter != nullptr) return splitter->Split(text);
  static const SentenceSplitter kStructuralOnly;  // no abbreviation data
  return kStructuralOnly.Split(text);
}

std::vector<TokenSpan> Tokenize(std::string_view s) {
  std::vector<TokenSpan> out;
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    size_t next;
    UChar32 c = CodePointAt(s, i, &next);
    if (IsSpace(s[i]) || u_isUWhiteSpace(c)) {
      i = next;
      continue;
    }
    if (IsWordCp(c)) {
      // Dotted acronym: letter '.' letter '.' ... with the final period.
      if (c < 0x80 && u_isalpha(c) && i + 3 < n && s[i + 1] == '.') {
        size_t j = i;
        int letters = 0;
        while (j + 1 < n && s[j + 1] == '.' && ((s[j] >= 'A' && s[j] <= 'Z') || (s[j] >= 'a' && s[j] <= 'z')) &&
               (j == i || s[j - 1] == '.')) {
          ++letters;
          j += 2;
        }
        if (letters >= 2 && !IsWordAt(s, j)) {
          out.push_back({i, j, TokenKind::kWord});
          i = j;
          continue;
        }
      }
      size_t b = i;
      size_t j = next;
      bool all_digits = u_isdigit(c);
      while (j < n) {
        size_t nj;
        UChar32 d = CodePointAt(s, j, &nj);
        if (IsWordCp(d)) {
          all_digits = all_digits && u_isdigit(d);
          j = nj;
          continue;
        }
        char ch = s[j];
        bool word_after = IsWordAt(s, j + 1);
        bool thousands = ch == ',' && j + 3 < n && IsAsciiDigit(s[j + 1]) && IsAsciiDigit(s[j + 2]) &&
                         IsAsciiDigit(s[j + 3]) && (j + 4 >= n || !IsAsciiDigit(s[j + 4]));
        bool decimal = ch == '.' && j + 1 < n && IsAsciiDigit(s[j + 1]);
        if ((thousands || decimal) && all_digits && IsAsciiDigit(s[j - 1])) {
          j += 1;  // "1,000.5"
          continue;
        }
        if (ch == '-' && word_after) {
          all_digits = false;
          j += 1;
          continue;
        }
        if (ch == '\'' && word_after) {
          bool possessive = (s[j + 1] == 's' || s[j + 1] == 'S') && !IsWordAt(s, j + 2);
          bool nt = (s[j + 1] == 't' || s[j + 1] == 'T') && !IsWordAt(s, j + 2) && j - b >= 2 &&
                    (s[j - 1] == 'n' || s[j - 1] == 'N');
          if (possessive) break;
          if (nt) {
            if (j - 1 > b) out.push_back({b, j - 1, TokenKind::kWord});
            b = j - 1;
            j += 2;
            all_digits = false;
            break;
          }
          all_digits = false;
          j += 1;
          continue;
        }
        break;
      }
      out.push_back({b, j, all_digits ? TokenKind::kNumber : TokenKind::kWord});
      i = j;
      continue;
    }
    if (s[i] == '\'' && i + 1 < n && (s[i + 1] == 's' || s[i + 1] == 'S') && !IsWordAt(s, i + 2) &&
        IsWordBefore(s, i)) {
      out.push_back({i, i + 2, TokenKind::kWord});  // possessive 's
      i += 2;
      continue;
    }
    if (s[i] == '.' && i + 1 < n && s[i + 1] == '.') {
      size_t j = i;
      while (j < n && s[j] == '.') ++j;
      out.push_back({i, j, TokenKind::kPunct});
      i = j;
      continue;
    }
    out.push_back({i, next, TokenKind::kPunct});
    i = next;
  }
  return out;
}

}  // namespace dyad::segment
