#include "store/pg/fts_query.h"

#include <cctype>

namespace dyad::store {

namespace {

bool IsWordByte(unsigned char c) { return c >= 0x80 || std::isalnum(c); }

// The words of `text` as quoted lexemes joined by <-> (a phrase); "" when it has none.
std::string PhraseOf(const std::string& text, bool prefix_last) {
  std::vector<std::string> words;
  std::string word;
  for (unsigned char c : text) {
    if (IsWordByte(c)) {
      word += static_cast<char>(std::tolower(c));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i) out += " <-> ";
    out += "'" + words[i] + "'";
  }
  if (prefix_last && !out.empty()) out += ":*";
  if (words.size() > 1) out = "(" + out + ")";
  return out;
}

}  // namespace

Status FtsToTsquery(const std::string& fts_query, std::string* tsquery) {
  auto bad = [&](const std::string& why) {
    return Status::InvalidArgument("bad full-text query '" + fts_query + "': " + why);
  };
  std::string out;
  bool want_operand = true;  // at the start, after an operator or '('
  int depth = 0;
  auto operand = [&](const std::string& term) {
    if (term.empty()) return;
    if (!want_operand) out += " & ";
    out += term;
    want_operand = false;
  };
  size_t i = 0;
  const size_t n = fts_query.size();
  while (i < n) {
    const char c = fts_query[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (c == '"') {
      std::string phrase;
      size_t j = i + 1;
      for (; j < n; ++j) {
        if (fts_query[j] == '"') {
          if (j + 1 < n && fts_query[j + 1] == '"') {  // "" inside a phrase: a quote
            phrase += '"';
            ++j;
            continue;
          }
          break;
        }
        phrase += fts_query[j];
      }
      if (j >= n) return bad("unterminated string");
      i = j + 1;
      const bool prefix = i < n && fts_query[i] == '*';
      if (prefix) ++i;
      operand(PhraseOf(phrase, prefix));
    } else if (c == '(') {
      if (!want_operand) out += " & ";
      out += "(";
      ++depth;
      want_operand = true;
      ++i;
    } else if (c == ')') {
      if (depth == 0 || want_operand) return bad("syntax error near \")\"");
      out += ")";
      --depth;
      ++i;
    } else {
      size_t j = i;
      while (j < n && !std::isspace(static_cast<unsigned char>(fts_query[j])) &&
             fts_query[j] != '(' && fts_query[j] != ')' && fts_query[j] != '"')
        ++j;
      const std::string token = fts_query.substr(i, j - i);
      i = j;
      if (token == "AND" || token == "OR" || token == "NOT") {
        if (want_operand) return bad("syntax error near \"" + token + "\"");
        out += token == "AND" ? " & " : token == "OR" ? " | " : " & !";
        want_operand = true;
      } else if (token == "NEAR" || token.find(':') != std::string::npos ||
                 token.rfind('^', 0) == 0 || token.rfind('-', 0) == 0 || token.rfind('+', 0) == 0) {
        return bad("'" + token + "' (column filters and NEAR are not supported)");
      } else {
        const bool prefix = token.size() > 1 && token.back() == '*';
        operand(PhraseOf(prefix ? token.substr(0, token.size() - 1) : token, prefix));
      }
    }
  }
  if (depth != 0) return bad("unbalanced parentheses");
  if (out.empty()) return bad("no word to search for");
  if (want_operand) return bad("syntax error at the end");
  *tsquery = out;
  return Status::Ok();
}

std::string AnyPhraseFtsQuery(const std::vector<std::string>& phrases) {
  std::string query;
  for (const std::string& phrase : phrases) {
    bool has_word = false;
    for (unsigned char c : phrase) has_word = has_word || IsWordByte(c);
    if (!has_word) continue;
    std::string quoted = "\"";
    for (char c : phrase) {
      if (c == '"') quoted += '"';
      quoted += c;
    }
    query += (query.empty() ? "" : " OR ") + quoted + "\"";
  }
  return query;
}

}  // namespace dyad::store
