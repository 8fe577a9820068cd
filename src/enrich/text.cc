#include "enrich/text.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>

namespace dyad::enrich {
namespace {

// ASCII letters and digits, and every non-ASCII byte (common/words.h).
bool IsAlnum(unsigned char c) { return IsWordByte(c); }
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool IsUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }

// An apostrophe before a letter, or a period between two digits or two capitals.
bool InnerMark(std::string_view text, size_t j) {
  unsigned char d = static_cast<unsigned char>(text[j]);
  unsigned char prev = static_cast<unsigned char>(text[j - 1]);
  unsigned char next = static_cast<unsigned char>(text[j + 1]);
  if (d == '\'') {
    // A possessive "'s" is a token of its own ("Ukraine's" -> "Ukraine" "'s").
    bool possessive =
        (next == 's' || next == 'S') && (j + 2 >= text.size() || !IsAlnum(static_cast<unsigned char>(text[j + 2])));
    return IsAlnum(next) && !possessive;
  }
  if (d == '.') return (IsDigit(prev) && IsDigit(next)) || (IsUpper(prev) && IsUpper(next));
  return false;
}

bool IsSpace(unsigned char c) { return c <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'); }

// `lowered`: the text ASCII-lower-cased, byte for byte.
void Finish(std::string_view text, std::string_view lowered, Token* t) {
  // (Views built in place: the token lies inside both texts, substr's range check is not needed.
  // `lowered` is the caller's: the lower-case view stays valid while it does.)
  const size_t length = static_cast<size_t>(t->end - t->begin);
  t->text = std::string_view(text.data() + t->begin, length);
  t->lower.SetLowered(std::string_view(lowered.data() + t->begin, length));
  t->filter_slot = t->lower.slot();
  unsigned char c0 = static_cast<unsigned char>(t->text[0]);
  t->word = IsAlnum(c0);
  t->capitalised = c0 >= 'A' && c0 <= 'Z';
  // Digits, optionally followed by an ordinal suffix (1st, 2nd, 3rd, 4th).
  size_t i = 0;
  while (i < t->text.size() && IsDigit(static_cast<unsigned char>(t->text[i]))) ++i;
  if (i > 0 && i <= 6) {
    const std::string_view rest = std::string_view(t->lower).substr(i);
    if (rest.empty() || rest == "st" || rest == "nd" || rest == "rd" || rest == "th") {
      t->number = rest.empty();
      int value = 0;  // (at most 6 digits)
      for (size_t k = 0; k < i; ++k) value = value * 10 + (t->text[k] - '0');
      t->value = value;
    }
  }
}

}  // namespace

std::string ToLowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

Tokens Tokenize(std::string_view text) {
  Tokens tokens;
  tokens.reserve(text.size() / 5 + 4);
  Tokenize(text, &tokens, tokens.lowered());
  return tokens;
}

void Tokenize(std::string_view text, std::vector<Token>* out, std::string* lowered_text) {
  std::vector<Token>& tokens = *out;
  // The text lower-cased once, eight bytes at a time ('A'-'Z' gain 0x20, other bytes stay): each
  // token's lower-case form is a view into it.
  std::string& lowered = *lowered_text;
  lowered.assign(text);
  LowerAsciiInPlace(lowered.data(), lowered.size());
  size_t count = 0;  // tokens written; those past it are left from an earlier text
  // The next token to fill: an earlier one reset, or a new one.
  auto next = [&]() -> Token& {
    if (count == tokens.size()) tokens.emplace_back();
    Token& t = tokens[count++];
    t.number = false;
    t.value = -1;
    return t;
  };
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (IsSpace(c)) {
      ++i;
      continue;
    }
    Token& t = next();
    t.begin = static_cast<int32_t>(i);
    if (IsAlnum(c)) {
      size_t j = i + 1;
      while (j < n) {
        // (ASCII letters, most bytes, only extend the word: passed over eight at a time.)
        j = SkipAsciiLetters(text, j);
        if (j >= n) break;
        unsigned char d = static_cast<unsigned char>(text[j]);
        if (IsAlnum(d)) {
          ++j;
        } else if (j + 1 < n && InnerMark(text, j)) {
          j += 2;  // "didn't", "U.S", "1.5"
        } else {
          break;
        }
      }
      // An initialism keeps its last period ("U.S.", "U.N."): it ends no sentence or clause.
      if (j < n && text[j] == '.' && j >= i + 3 && text[j - 2] == '.' && IsUpper(static_cast<unsigned char>(text[j - 1])))
        ++j;
      // "St." keeps its period when a capitalised word follows (St. Petersburg).
      if (j < n && text[j] == '.' && j - i <= 3 && j + 2 < n && text[j + 1] == ' ' && text[j + 2] >= 'A' &&
          text[j + 2] <= 'Z' && c >= 'A' && c <= 'Z' && std::string_view(text.substr(i, j - i)) == "St") {
        ++j;
      }
      t.end = static_cast<int32_t>(j);
      i = j;
    } else if (c == '\'' && i + 1 < n && (text[i + 1] == 's' || text[i + 1] == 'S') &&
               (i + 2 >= n || !IsAlnum(static_cast<unsigned char>(text[i + 2])))) {
      t.end = static_cast<int32_t>(i + 2);  // possessive "'s"
      i += 2;
    } else {
      t.end = static_cast<int32_t>(i + 1);
      i = i + 1;
    }
    Finish(text, lowered, &t);
  }
  tokens.resize(count);
}

int TokenAt(const std::vector<Token>& tokens, int32_t begin, int32_t end) {
  if (begin < 0) return -1;
  if (end <= begin) end = begin + 1;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].end > begin && tokens[i].begin < end) return static_cast<int>(i);
  }
  return -1;
}

bool MatchPhrase(const std::vector<Token>& tokens, size_t i, const std::vector<std::string>& phrase, size_t* next) {
  if (phrase.empty() || i + phrase.size() > tokens.size()) return false;
  for (size_t k = 0; k < phrase.size(); ++k) {
    if (tokens[i + k].lower != phrase[k]) return false;
  }
  if (next) *next = i + phrase.size();
  return true;
}

std::vector<std::string> SplitWords(std::string_view phrase) {
  std::vector<std::string> words;
  std::istringstream in{std::string(phrase)};
  std::string w;
  while (in >> w) words.push_back(ToLowerAscii(w));
  return words;
}

WordSet::WordSet(std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    filter_.Add(w);
    words_.emplace_back(w);
  }
}

void PhraseSet::Add(std::vector<std::string> words) {
  if (words.empty()) return;
  std::string first = words.front();
  first_words_.Add(first);
  // Longest first (after the longer ones and the ones as long): LongestFrom stops at the first
  // phrase that matches.
  std::vector<std::vector<std::string>>& phrases = by_first_[first];
  auto at = std::find_if(phrases.begin(), phrases.end(),
                         [&](const std::vector<std::string>& p) { return p.size() < words.size(); });
  phrases.insert(at, std::move(words));
  ++size_;
}

size_t PhraseSet::LongestFrom(const std::vector<Token>& tokens, size_t i) const {
  auto it = by_first_.find(tokens[i].lower);
  if (it == by_first_.end()) return 0;
  for (const auto& phrase : it->second) {
    // (The first word is the key just found: the words after it are compared.)
    if (i + phrase.size() > tokens.size()) continue;
    bool match = true;
    for (size_t k = 1; k < phrase.size() && match; ++k) match = tokens[i + k].lower == phrase[k];
    if (match) return phrase.size();
  }
  return 0;
}

Status ReadTsv(const std::string& path, size_t min_cols, std::vector<TsvRow>* rows) {
  std::ifstream in(path);
  if (!in) return Status::Error(path + ": cannot open file");
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    TsvRow row;
    row.line = number;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      row.cols.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (row.cols.size() < min_cols || row.cols[0].empty()) {
      return Status::Error(path + ":" + std::to_string(number) + ": expected " + std::to_string(min_cols) +
                           " tab-separated columns: '" + line + "'");
    }
    rows->push_back(std::move(row));
  }
  return Status::Ok();
}

}  // namespace dyad::enrich
