#include "dict/dictionary.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "common/escape.h"
#include "common/words.h"
#include "common/sha256.h"
#include "dict/tabari_records.h"

namespace dyad::dict {

namespace fs = std::filesystem;

namespace {

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// Upper() with letters with diacritics folded to their ASCII capitals, as the coder folds the
// text's words (common/words.h): an entry "VIKTOR_ORBÁN_" matches "Viktor Orbán" and "Orban".
std::string UpperFolded(std::string_view s) {
  std::string out = Upper(s);
  out.resize(FoldLatinLetters(out.data(), out.size(), nullptr));
  return out;
}

std::string_view TrimView(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n')) --e;
  return s.substr(b, e - b);
}
std::string Trim(std::string_view s) { return std::string(TrimView(s)); }

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Phrase normalisation (spec §1.1): upper-case, '-' (not leading) -> '_', blanks around { | }.
std::string NormalizePhrase(std::string_view in) {
  std::string s = UpperFolded(in);
  for (size_t i = 1; i < s.size(); ++i)
    if (s[i] == '-') s[i] = '_';
  std::string out;
  out.reserve(s.size() + 8);
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '{') {
      if (!out.empty() && out.back() != '_' && out.back() != ' ') out.push_back(' ');
      out.push_back('{');
      out.push_back(' ');
    } else if (c == '|') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      out += "| ";
    } else if (c == '}') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      out.push_back('}');
      if (i + 1 < s.size() && s[i + 1] != '_' && s[i + 1] != ' ') out.push_back(' ');
    } else if (c == '\t') {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

struct Token {
  enum Kind { kWord, kVerb, kSource, kTarget, kCompound, kAttrib, kSkip, kSynset, kOpen, kBar, kClose } kind;
  std::string text;
  Link link = Link::kOpen;
  int length = 0;  // letters, digits, '_' and '\'' (spec §4.2)
};

bool IsDelim(char c) { return c == ' ' || c == '_' || c == '=' || c == '{' || c == '|' || c == '}'; }

// Splits a normalised phrase or pattern into tokens with their links.
bool Tokenize(const std::string& s, std::vector<Token>* out, std::string* error) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    if (i >= s.size()) break;
    Token t;
    char c = s[i];
    if (c == '{' || c == '|' || c == '}') {
      t.kind = c == '{' ? Token::kOpen : c == '|' ? Token::kBar : Token::kClose;
      t.text = std::string(1, c);
      ++i;
    } else if (c == '*' || c == '$' || c == '+' || c == '%' || c == '@' || c == '^') {
      t.kind = c == '*' ? Token::kVerb : c == '$' ? Token::kSource : c == '+' ? Token::kTarget
             : c == '%' ? Token::kCompound : c == '@' ? Token::kAttrib : Token::kSkip;
      t.text = std::string(1, c);
      ++i;
    } else {
      size_t b = i;
      while (i < s.size() && !IsDelim(s[i]) && !(s[i] == '~' && i + 1 < s.size() && s[i + 1] == '_')) ++i;
      t.text = s.substr(b, i - b);
      if (t.text.empty()) {
        if (s[i] == '_' || s[i] == '=' || s[i] == '~') {  // "X__Y", " _": a stray link, ignored
          ++i;
          continue;
        }
        *error = "bad character";
        return false;
      }
      if (t.text[0] == '&') {
        t.kind = Token::kSynset;
        t.text = t.text.substr(1);
        if (t.text.empty()) {
          *error = "empty synset name";
          return false;
        }
      } else {
        t.kind = Token::kWord;
      }
      for (char ch : t.text)
        if (IsAlnum(ch) || ch == '\'' || ch == '_') ++t.length;
    }
    // The link written after the token.
    if (i < s.size() && s[i] == '_') {
      ++i;
      ++t.length;
      t.link = (i < s.size() && s[i] == ' ') ? Link::kExactOpen : Link::kTight;
    } else if (i + 1 < s.size() && s[i] == '~' && s[i + 1] == '_') {
      i += 2;
      ++t.length;
      t.link = Link::kStemTight;
    } else if (i < s.size() && s[i] == '=') {
      ++i;
      t.link = Link::kNoEnd;
    } else {
      t.link = Link::kOpen;
    }
    out->push_back(std::move(t));
  }
  return true;
}

// Splits "PHRASE [code] ..." at the first '['.
void SplitCode(std::string_view line, std::string_view* phrase, std::string_view* code) {
  size_t lb = line.find('[');
  if (lb == std::string_view::npos) {
    *phrase = TrimView(line);
    *code = {};
  } else {
    *phrase = TrimView(line.substr(0, lb));
    *code = TrimView(line.substr(lb));
  }
}

// Parses one date of a restriction: 6 digits YYMMDD or 8 digits YYYYMMDD.
bool ParseRestrictionDate(std::string_view s, int64_t* days) {
  s = TrimView(s);
  bool yyyy = s.size() == 8;
  if (s.size() != 6 && s.size() != 8) return false;
  for (char c : s)
    if (!IsDigit(c)) return false;
  Date d = ParseTabariDate(s, yyyy);
  if (!d.valid()) return false;
  *days = d.ToDays();
  return true;
}

bool ParseEventHalf(std::string_view s, CodeKind* kind, std::string* code, bool* sub, bool* dom) {
  s = TrimView(s);
  *sub = *dom = false;
  while (!s.empty() && (s.back() == '?' || s.back() == '!')) {
    if (s.back() == '?') *sub = true;
    else *dom = true;
    s.remove_suffix(1);
    s = TrimView(s);
  }
  if (s.empty()) return false;
  *code = std::string(s);
  if (s == "---") *kind = CodeKind::kNull;
  else if (s == "###") *kind = CodeKind::kDiscard;
  else if (s == "+++") *kind = CodeKind::kComplex;
  else *kind = CodeKind::kNormal;
  return true;
}

// Length of the valid UTF-8 sequence at s[i], 0 when it is not one.
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  size_t n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  auto c1 = static_cast<unsigned char>(s[i + 1]);
  if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F))
    return 0;
  for (size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  return n;
}

// Byte offset of the first NUL or invalid UTF-8 byte, npos when the line is clean.
size_t FindBadByte(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t n = s[i] == '\0' ? 0 : Utf8SequenceLength(s, i);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

// Removes <!-- ... --> comments (also spanning lines), keeping the line count.
std::vector<std::string> StripXmlComments(const std::vector<std::string>& lines) {
  std::vector<std::string> clean(lines.size());
  bool in_comment = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    std::string out;
    for (size_t k = 0; k < l.size();) {
      if (in_comment) {
        size_t e = l.find("-->", k);
        if (e == std::string::npos) break;
        in_comment = false;
        k = e + 3;
      } else {
        size_t b = l.find("<!--", k);
        if (b == std::string::npos) {
          out += l.substr(k);
          break;
        }
        out += l.substr(k, b - k);
        in_comment = true;
        k = b + 4;
      }
    }
    clean[i] = std::move(out);
  }
  return clean;
}

}  // namespace

class Loader {
 public:
  Loader(DictionarySet* d, bool strict) : d_(d), strict_(strict) {}

  Status LoadPath(const std::string& path, LoadOptions::Mode mode);
  Status LoadFile(const std::string& path, const std::string& kind, LoadOptions::Mode mode);
  void AddBuiltins();
  void Finish();
  // Pattern::witnesses and DictionarySet::witness_sets() (after synsets are final).
  void ComputeWitnesses();
  Status first_error() const { return first_error_; }
  void SetOptions(const TabariOptions& o) { d_->options_ = o; d_->has_options_ = true; }

  static std::string KindFromName(const std::string& path);

 private:
  int32_t Intern(const std::string& w);
  void Warn(int line, const std::string& what, std::string_view entry);
  int32_t AddRoot(RootType type, const std::vector<PhraseWord>& words, int32_t entry, int line, int32_t parent);
  bool ParsePhrase(std::string_view text, std::vector<PhraseWord>* words, std::string* error);
  bool ParseElements(const std::vector<Token>& toks, size_t* pos, bool in_alt, std::vector<PatternElement>* out,
                     int* length, int* allowance, bool* has_alts, std::string* error);
  bool ParsePatternText(std::string_view text, Pattern* p, std::string* error);
  bool ParseEventCode(std::string_view block, bool time, EventCode* code, std::string* error);
  bool ParseActorCodes(std::string_view text, ActorEntry* entry, std::string* error, bool add_default = true);
  std::string PhraseKey(RootType group, const std::vector<PhraseWord>& w);

  // Per-file readers.
  void ReadActors(const std::vector<std::string>& lines, bool petrarch);
  void ReadAgents(const std::vector<std::string>& lines, bool petrarch);
  void ReadVerbs(const std::vector<std::string>& lines);
  void ReadPetrarchVerbs(const std::vector<std::string>& lines);
  Status ReadOptions(const std::vector<std::string>& lines);
  int32_t AddSynsetMember(int32_t synset, std::string_view text, int line, bool plurals);
  int32_t FindSynset(const std::string& name) const;

  DictionarySet* d_;
  bool strict_;
  Status first_error_;
  int32_t file_ = -1;
  std::string file_name_;
  std::unordered_map<std::string, int32_t> phrase_keys_;
  std::unordered_map<std::string, int32_t> synset_ids_;
  Sha256 sha_;
 public:
  std::string Digest() { return sha_.HexDigest(); }
};

int32_t Loader::Intern(const std::string& w) {
  auto it = d_->word_ids_.find(w);
  if (it != d_->word_ids_.end()) return it->second;
  int32_t id = static_cast<int32_t>(d_->words_.size());
  d_->words_.push_back(w);
  d_->word_ids_.emplace(w, id);
  return id;
}

void Loader::Warn(int line, const std::string& what, std::string_view entry) {
  // `what` may quote the line too (the .options parser's messages do): escaped like the entry.
  std::string msg = file_name_ + ":" + std::to_string(line) + ": " + EscapeForMessage(what) + ": '" +
                    EscapeForMessage(TrimView(entry)) + "'";
  if (first_error_.ok() && strict_) first_error_ = Status::Error(msg);
  d_->warnings_.push_back(std::move(msg));
}

std::string Loader::PhraseKey(RootType group, const std::vector<PhraseWord>& w) {
  std::string key(1, static_cast<char>('A' + static_cast<int>(group)));
  for (const auto& pw : w) {
    key += d_->words_[pw.word];
    key.push_back(static_cast<char>('0' + static_cast<int>(pw.link)));
  }
  return key;
}

int32_t Loader::AddRoot(RootType type, const std::vector<PhraseWord>& words, int32_t entry, int line, int32_t parent) {
  Root r;
  r.type = type;
  r.words_begin = static_cast<int32_t>(d_->phrase_words_.size());
  r.n_words = static_cast<int32_t>(words.size());
  r.entry = entry;
  r.file = file_;
  r.line = line;
  r.parent = parent;
  d_->phrase_words_.insert(d_->phrase_words_.end(), words.begin(), words.end());
  d_->roots_.push_back(r);
  return static_cast<int32_t>(d_->roots_.size() - 1);
}

bool Loader::ParsePhrase(std::string_view text, std::vector<PhraseWord>* words, std::string* error) {
  std::string norm = NormalizePhrase(text);
  if (norm.size() < 2 && !(norm.size() == 1 && IsAlnum(norm[0]))) {
    *error = "no phrase";
    return false;
  }
  std::vector<Token> toks;
  if (!Tokenize(norm, &toks, error)) return false;
  words->clear();
  for (const auto& t : toks) {
    if (t.kind != Token::kWord) {
      *error = "unexpected '" + t.text + "' in phrase";
      return false;
    }
    words->push_back({Intern(t.text), t.link});
  }
  if (words->empty()) {
    *error = "no phrase";
    return false;
  }
  return true;
}

int32_t Loader::FindSynset(const std::string& name) const {
  auto it = synset_ids_.find(name);
  return it == synset_ids_.end() ? -1 : it->second;
}

bool Loader::ParseElements(const std::vector<Token>& toks, size_t* pos, bool in_alt,
                           std::vector<PatternElement>* out, int* length, int* allowance, bool* has_alts,
                           std::string* error) {
  while (*pos < toks.size()) {
    const Token& t = toks[*pos];
    if (t.kind == Token::kBar || t.kind == Token::kClose) {
      if (!in_alt) {
        *error = "unbalanced '" + t.text + "'";
        return false;
      }
      return true;
    }
    ++*pos;
    PatternElement e;
    e.link = t.link;
    switch (t.kind) {
      case Token::kWord:
        e.kind = PatternElement::kWord;
        e.id = Intern(t.text);
        *length += t.length;
        break;
      case Token::kVerb: e.kind = PatternElement::kVerb; *length += t.length; break;
      case Token::kSource: e.kind = PatternElement::kSource; *length += t.length; break;
      case Token::kTarget: e.kind = PatternElement::kTarget; *length += t.length; break;
      case Token::kCompound: e.kind = PatternElement::kCompound; *length += t.length; break;
      case Token::kAttrib: e.kind = PatternElement::kAttrib; *length += t.length; break;
      case Token::kSkip: e.kind = PatternElement::kSkip; *length += t.length; break;
      case Token::kSynset:
        e.kind = PatternElement::kSynset;
        e.id = FindSynset(t.text);
        if (e.id < 0) {
          *error = "unknown synset '&" + t.text + "'";
          return false;
        }
        *length += t.length;
        break;
      case Token::kOpen: {
        AltGroup g;
        int best = 0;
        while (true) {
          std::vector<PatternElement> alt;
          int len = 0, inner_allow = 0;
          if (!ParseElements(toks, pos, true, &alt, &len, &inner_allow, has_alts, error)) return false;
          for (const auto& a : alt)
            if (a.kind == PatternElement::kVerb) {
              *error = "'*' inside alternatives";
              return false;
            }
          g.alts.push_back(std::move(alt));
          g.alt_lengths.push_back(len);
          best = std::max(best, len);
          if (*pos >= toks.size()) {
            *error = "missing '}'";
            return false;
          }
          const Token& sep = toks[(*pos)++];
          if (sep.kind == Token::kClose) {
            e.link = sep.link;
            *length += sep.length;
            break;
          }
        }
        g.max_length = best;
        *length += best;
        *allowance += best;
        *has_alts = true;
        e.kind = PatternElement::kAlternatives;
        e.id = static_cast<int32_t>(d_->alt_groups_.size());
        d_->alt_groups_.push_back(std::move(g));
        break;
      }
      default:
        break;
    }
    out->push_back(e);
  }
  if (in_alt) {
    *error = "missing '}'";
    return false;
  }
  return true;
}

bool Loader::ParsePatternText(std::string_view text, Pattern* p, std::string* error) {
  std::string norm = NormalizePhrase(text);
  std::vector<Token> toks;
  if (!Tokenize(norm, &toks, error)) return false;
  std::vector<PatternElement> all;
  size_t pos = 0;
  int length = 0, allowance = 0;
  bool has_alts = false;
  if (!ParseElements(toks, &pos, false, &all, &length, &allowance, &has_alts, error)) return false;
  int verbs = 0;
  for (const auto& e : all) verbs += e.kind == PatternElement::kVerb;
  if (verbs != 1) {
    *error = verbs == 0 ? "pattern has no '*'" : "pattern has more than one '*'";
    return false;
  }
  bool upper = false;
  for (const auto& e : all) {
    if (e.kind == PatternElement::kVerb) {
      upper = true;
      p->verb_link = e.link;
      continue;
    }
    (upper ? p->upper : p->lower).push_back(e);
  }
  p->length = length;
  p->alt_allowance = allowance;
  p->has_alts = has_alts;
  return true;
}

bool Loader::ParseEventCode(std::string_view block, bool time, EventCode* code, std::string* error) {
  // block starts with '['
  size_t rb = block.find(']');
  if (block.empty() || block[0] != '[' || rb == std::string_view::npos) {
    *error = "missing right bracket";
    return false;
  }
  std::string_view inner = TrimView(block.substr(1, rb - 1));
  // Drop /issue parts and actor sub-blocks.
  size_t slash = inner.find('/');
  if (slash != std::string_view::npos) inner = TrimView(inner.substr(0, slash));
  if (inner.empty()) {
    *error = "no code";
    return false;
  }
  if (time) {
    std::string compact;
    for (char c : inner)
      if (c != ' ') compact.push_back(c);
    if (inner == "---") { code->kind = CodeKind::kNull; code->code = "---"; return true; }
    if (compact == "###") { code->kind = CodeKind::kDiscard; code->code = "###"; return true; }
    if (compact == "+++") { code->kind = CodeKind::kComplex; code->code = "+++"; return true; }
    if (compact == "---") { code->kind = CodeKind::kNormal; code->shift = 0; code->code = "0"; return true; }  // [q] "[- - -]"
    int sign = 1;
    size_t i = 0;
    if (i < compact.size() && (compact[i] == '+' || compact[i] == '-')) sign = compact[i++] == '-' ? -1 : 1;
    if (i >= compact.size()) { *error = "bad time shift"; return false; }
    long v = 0;
    for (; i < compact.size(); ++i) {
      if (!IsDigit(compact[i])) { *error = "bad time shift"; return false; }
      v = v * 10 + (compact[i] - '0');
      if (v > 100000) v = 100000;
    }
    if (v > 8191) v = 0;
    code->kind = CodeKind::kNormal;
    code->shift = static_cast<int>(sign * v);
    code->code = std::to_string(code->shift);
    return true;
  }
  size_t colon = inner.find(':');
  if (colon != std::string_view::npos) {
    code->paired = true;
    if (!ParseEventHalf(inner.substr(0, colon), &code->kind, &code->code, &code->sub, &code->dom) ||
        !ParseEventHalf(inner.substr(colon + 1), &code->kind2, &code->code2, &code->sub2, &code->dom2)) {
      *error = "bad paired code";
      return false;
    }
    return true;
  }
  if (!ParseEventHalf(inner, &code->kind, &code->code, &code->sub, &code->dom)) {
    *error = "no code";
    return false;
  }
  return true;
}

bool Loader::ParseActorCodes(std::string_view text, ActorEntry* entry, std::string* error, bool add_default) {
  size_t i = 0;
  int brackets = 0;
  while (true) {
    size_t lb = text.find('[', i);
    if (lb == std::string_view::npos) break;
    size_t rb = text.find(']', lb);
    if (rb == std::string_view::npos) {
      *error = "missing right bracket";
      return false;
    }
    ++brackets;
    std::string_view inner = TrimView(text.substr(lb + 1, rb - lb - 1));
    i = rb + 1;
    if (inner.empty()) {
      *error = "no code";
      return false;
    }
    ActorCode ac;
    size_t k = 0;
    if (inner[0] != '<' && inner[0] != '>' && !IsDigit(inner[0])) {
      while (k < inner.size() && inner[k] != ' ' && inner[k] != '\t' && inner[k] != '<' && inner[k] != '>') ++k;
      ac.code = Upper(inner.substr(0, k));
      // "---" is a code; a code followed directly by "-digits" is not split here.
    } else {
      *error = "incorrect code block";
      return false;
    }
    std::string_view rest = TrimView(inner.substr(k));
    if (!rest.empty()) {
      if (rest[0] == '<' || rest[0] == '>') {
        ac.kind = rest[0] == '<' ? ActorCode::kBefore : ActorCode::kAfter;
        if (!ParseRestrictionDate(rest.substr(1), &ac.lo)) {
          *error = "bad date restriction";
          return false;
        }
      } else {
        size_t dash = rest.find('-');
        if (dash == std::string_view::npos || !ParseRestrictionDate(rest.substr(0, dash), &ac.lo) ||
            !ParseRestrictionDate(rest.substr(dash + 1), &ac.hi)) {
          *error = "bad date restriction";
          return false;
        }
        ac.kind = ActorCode::kRange;
      }
    }
    entry->codes.push_back(std::move(ac));
  }
  if (add_default && brackets == 1 && entry->codes.size() == 1 && entry->codes[0].kind != ActorCode::kAny) {
    // [q] a default [---] only when the first '<', '>' or '-' is followed directly by a digit.
    size_t p = text.find_first_of("<>-", text.find(' ') == std::string_view::npos ? 0 : 1);
    std::string_view inner = text.substr(text.find('[') + 1);
    size_t code_end = inner.find_first_of(" \t<>");
    size_t q = code_end == std::string_view::npos ? std::string_view::npos : inner.find_first_of("<>-", code_end);
    (void)p;
    if (q != std::string_view::npos && q + 1 < inner.size() && IsDigit(inner[q + 1])) {
      ActorCode def;
      def.code = "---";
      entry->codes.push_back(def);
    }
  }
  return true;
}

void Loader::AddBuiltins() {
  struct B { const char* w; RootType t; };
  static const B kBuiltins[] = {
      {"A", RootType::kDeterminer},    {"AN", RootType::kDeterminer},   {"THE", RootType::kDeterminer},
      {"AND", RootType::kConjunction}, {"NOR", RootType::kConjunction}, {"BUT", RootType::kConjunction},
      {"OR", RootType::kConjunction},  {"IN", RootType::kPreposition},  {"OF", RootType::kPreposition},
      {"HE", RootType::kPronoun},      {"HIM", RootType::kPronoun},     {"SHE", RootType::kPronoun},
      {"HER", RootType::kPronoun},     {"IT", RootType::kPronoun},      {"THEM", RootType::kPronoun},
      {"THEIR", RootType::kPronoun},   {"THEY", RootType::kPronoun},    {"WERE", RootType::kAuxiliary},
      {"WAS", RootType::kAuxiliary},   {"BEEN", RootType::kAuxiliary},  {"BY", RootType::kBy},
      {"FORMER", RootType::kFormer},
  };
  for (const auto& b : kBuiltins) AddRoot(b.t, {{Intern(b.w), Link::kTight}}, -1, 0, -1);
}

std::string Loader::KindFromName(const std::string& path) {
  std::string name = fs::path(path).filename().string();
  std::string lower = name;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto ends = [&](const char* suf) {
    std::string s(suf);
    return lower.size() >= s.size() && lower.compare(lower.size() - s.size(), s.size(), s) == 0;
  };
  if (ends(".actors")) return "actors";
  if (ends(".agents")) return "agents";
  if (ends(".verbs")) return "verbs";
  if (ends(".options")) return "options";
  if (ends(".project")) return "project";
  if (ends(".coref")) return "coref";  // dyad coreference rules (code/coreference.h): kept, read by the coder
  if (lower.find("actors") != std::string::npos) return "actors";
  if (lower.find("agents") != std::string::npos) return "agents";
  if (lower.find("verb") != std::string::npos) return "verbs";
  return "";
}

Status Loader::LoadPath(const std::string& path, LoadOptions::Mode mode) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(path, ec))
      if (e.is_regular_file()) files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    // Options first, then actors, agents, verbs (TABARI reads options before dictionaries).
    for (const char* want : {"options", "actors", "agents", "verbs", "coref"})
      for (const auto& f : files)
        if (KindFromName(f) == want) {
          Status s = LoadFile(f, want, mode);
          if (!s.ok()) return s;
        }
    return Status::Ok();
  }
  if (!fs::exists(path, ec)) return Status::Error(path + ": no such file or directory");
  std::string kind = KindFromName(path);
  if (kind.empty() || kind == "project")
    return Status::Error(path + ": cannot tell the dictionary kind from the file name");
  return LoadFile(path, kind, mode);
}

Status Loader::LoadFile(const std::string& path, const std::string& kind, LoadOptions::Mode mode) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(path + ": cannot open");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string bytes = ss.str();
  DictFile f;
  f.path = path;
  f.kind = kind;
  size_t b = 0;
  while (b < bytes.size()) {
    size_t e = bytes.find('\n', b);
    if (e == std::string::npos) e = bytes.size();
    std::string line = bytes.substr(b, e - b);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    f.lines.push_back(std::move(line));
    b = e + 1;
  }
  bool petrarch = mode == LoadOptions::Mode::kPetrarch;
  if (mode == LoadOptions::Mode::kAuto) {
    std::string lower = fs::path(path).filename().string();
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    petrarch = lower.size() > 4 && lower.compare(lower.size() - 4, 4, ".txt") == 0;
    if (kind == "verbs") {
      petrarch = false;
      for (const auto& l : f.lines)
        if (l.rfind("---", 0) == 0 && l.find('[') != std::string::npos) { petrarch = true; break; }
    }
  }
  f.petrarch = petrarch;
  file_ = static_cast<int32_t>(d_->files_.size());
  file_name_ = path;
  // A NUL or invalid UTF-8 would reach phrases and codes unseen: warn with the
  // line and read it as blank.
  for (size_t i = 0; i < f.lines.size(); ++i) {
    size_t bad = FindBadByte(f.lines[i]);
    if (bad == std::string::npos) continue;
    Warn(static_cast<int>(i + 1),
         std::string(f.lines[i][bad] == '\0' ? "NUL byte" : "invalid UTF-8") + " at byte " + std::to_string(bad + 1) +
             ", line ignored",
         f.lines[i].substr(0, 80));
    f.lines[i].clear();
  }
  d_->files_.push_back(std::move(f));
  sha_.Update(bytes);
  std::vector<std::string> cleaned;
  if (petrarch) cleaned = StripXmlComments(d_->files_.back().lines);
  const auto& lines = petrarch ? cleaned : d_->files_.back().lines;
  if (kind == "actors") ReadActors(lines, petrarch);
  else if (kind == "agents") ReadAgents(lines, petrarch);
  else if (kind == "verbs") {
    if (petrarch) ReadPetrarchVerbs(lines);
    else ReadVerbs(lines);
  } else if (kind == "options") {
    Status s = ReadOptions(lines);
    if (!s.ok()) return s;
  }
  return first_error_;
}

Status Loader::ReadOptions(const std::vector<std::string>& lines) {
  TabariOptions o = d_->options_;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    if (!l.empty() && l[0] == '~') break;
    Status s = ApplyOptionLine(l, &o);
    if (!s.ok()) Warn(static_cast<int>(i + 1), s.message(), l);
  }
  SetOptions(o);
  return first_error_;
}

namespace {

// Line rules shared by the dictionaries (spec §1.1, with the PETRARCH/Phoenix conveniences:
// a line whose first non-blank is '#' is a comment, and " #" starts a trailing comment).
// Returns false when the line is to be skipped; *stop at a '~' line.
bool PrepLine(const std::string& raw, std::string* out, bool* indented, bool* stop) {
  *stop = false;
  if (raw.empty()) return false;
  if (raw[0] == '/' || raw[0] == '#') return false;
  if (raw[0] == '~') {
    *stop = true;
    return false;
  }
  *indented = raw[0] == ' ' || raw[0] == '\t';
  std::string_view v = raw;
  size_t semi = v.find(';');
  if (semi != std::string_view::npos) v = v.substr(0, semi);
  for (size_t i = 1; i < v.size(); ++i)
    if (v[i] == '#' && (v[i - 1] == ' ' || v[i - 1] == '\t')) {
      v = v.substr(0, i);
      break;
    }
  v = TrimView(v);
  if (v.empty() || v[0] == '#') return false;
  *out = std::string(v);
  return true;
}

}  // namespace

void Loader::ReadActors(const std::vector<std::string>& lines, bool petrarch) {
  struct PendingPhrase {
    std::string text;
    int line;
  };
  struct Pending {
    bool active = false;
    std::vector<PendingPhrase> phrases;
    std::string inline_code, extra_code;
    int line = 0;
  } p;
  auto finalize = [&]() {
    if (!p.active) return;
    p.active = false;
    ActorEntry entry;
    std::string error;
    bool ok = true;
    if (p.inline_code.empty() && p.extra_code.empty()) {
      ActorCode ac;
      ac.code = petrarch ? "---" : "";
      entry.codes.push_back(ac);
    } else if (!p.inline_code.empty() && !p.extra_code.empty()) {
      ActorEntry extra;
      ok = ParseActorCodes(p.inline_code, &entry, &error, false) && ParseActorCodes(p.extra_code, &extra, &error, false);
      if (ok) {
        // Dated lines under an entry with an inline code: restrictions first, inline code last.
        std::vector<ActorCode> merged;
        for (auto& c : extra.codes)
          if (c.kind != ActorCode::kAny) merged.push_back(c);
        for (auto& c : entry.codes)
          if (c.kind != ActorCode::kAny) merged.push_back(c);
        for (auto& c : extra.codes)
          if (c.kind == ActorCode::kAny) merged.push_back(c);
        for (auto& c : entry.codes)
          if (c.kind == ActorCode::kAny) merged.push_back(c);
        entry.codes = std::move(merged);
      }
    } else {
      ok = ParseActorCodes(p.inline_code.empty() ? p.extra_code : p.inline_code, &entry, &error);
    }
    if (!ok) {
      Warn(p.line, error, p.phrases.empty() ? "" : p.phrases[0].text + " " + p.inline_code + p.extra_code);
      return;
    }
    int32_t entry_id = static_cast<int32_t>(d_->actors_.size());
    d_->actors_.push_back(std::move(entry));
    ++d_->counts_.actors;
    int32_t parent = -1;
    for (const auto& ph : p.phrases) {
      std::vector<PhraseWord> words;
      std::string_view text = ph.text;
      const bool case_sensitive = !text.empty() && text[0] == '@';  // dyad extension: "@US_"
      if (case_sensitive) text.remove_prefix(1);
      const bool written_as_name = !text.empty() && text[0] == '^';  // dyad extension: "^FOREIGN_POLICY_"
      if (written_as_name) text.remove_prefix(1);
      if (!ParsePhrase(text, &words, &error)) {
        Warn(ph.line, error, ph.text);
        continue;
      }
      std::string key = PhraseKey(RootType::kActor, words);
      if (const auto have = phrase_keys_.find(key); have != phrase_keys_.end()) {
        // (A name given with and without its diacritics in one entry, "VIKTOR_ORBAN_" and
        // "+VIKTOR_ORBÁN_", is one phrase once folded: no mistake to warn about.)
        const bool diacritics = std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
        if (!diacritics || d_->roots_[have->second].entry != entry_id) Warn(ph.line, "duplicate actor phrase", ph.text);
        continue;
      }
      int32_t r = AddRoot(RootType::kActor, words, entry_id, ph.line, parent);
      d_->roots_[r].case_sensitive = case_sensitive;
      d_->roots_[r].written_as_name = written_as_name;
      if (parent < 0) parent = r;
      phrase_keys_.emplace(key, r);
      ++d_->counts_.actor_phrases;
    }
  };
  int section = 0;  // 1 noun, 2 adjective
  for (size_t i = 0; i < lines.size(); ++i) {
    const int ln = static_cast<int>(i + 1);
    std::string l;
    bool indented = false, stop = false;
    if (!PrepLine(lines[i], &l, &indented, &stop)) {
      if (stop) break;
      continue;
    }
    if (!petrarch && lines[i].size() > 255) {
      Warn(ln, "line longer than 255 characters", lines[i].substr(0, 60));
      continue;
    }
    if (l[0] == '<') {
      finalize();
      std::string tag = Upper(l);
      if (tag.rfind("<NOUN", 0) == 0) section = 1;
      else if (tag.rfind("<ADJ", 0) == 0) section = 2;
      else if (tag.rfind("</NOUN", 0) == 0 || tag.rfind("</ADJ", 0) == 0) section = 0;
      continue;
    }
    if (section) {
      std::string_view phrase, code;
      SplitCode(l, &phrase, &code);
      std::vector<PhraseWord> words;
      std::string error;
      if (!ParsePhrase(phrase, &words, &error)) {
        Warn(ln, error, l);
        continue;
      }
      RootType t = section == 1 ? RootType::kNoun : RootType::kAdjective;
      std::string key = PhraseKey(t, words);
      if (phrase_keys_.count(key)) continue;
      phrase_keys_.emplace(key, AddRoot(t, words, -1, ln, -1));
      ++(section == 1 ? d_->counts_.nouns : d_->counts_.adjectives);
      continue;
    }
    if (indented && l[0] == '[') {
      if (!p.active) {
        Warn(ln, "no phrase", l);
        continue;
      }
      if (!p.inline_code.empty() && !petrarch) {
        Warn(ln, "no phrase", l);
        continue;
      }
      p.extra_code += " " + l;
      continue;
    }
    if (l[0] == '+') {
      std::string_view phrase, code;
      SplitCode(std::string_view(l).substr(1), &phrase, &code);
      if (!p.active) {
        Warn(ln, "synonym without an actor", l);
        continue;
      }
      p.phrases.push_back({std::string(phrase), ln});
      continue;
    }
    finalize();
    std::string_view phrase, code;
    SplitCode(l, &phrase, &code);
    p = Pending();
    p.active = true;
    p.line = ln;
    p.phrases.push_back({std::string(phrase), ln});
    p.inline_code = std::string(code);
  }
  finalize();
}

void Loader::ReadAgents(const std::vector<std::string>& lines, bool petrarch) {
  std::map<std::string, std::vector<std::string>> subs;  // "!PERSON!" -> words
  for (size_t i = 0; i < lines.size(); ++i) {
    const int ln = static_cast<int>(i + 1);
    std::string l;
    bool indented = false, stop = false;
    if (!PrepLine(lines[i], &l, &indented, &stop)) {
      if (stop) break;
      continue;
    }
    if (l[0] == '<') continue;
    if (petrarch && l[0] == '!' && l.find('=') != std::string::npos && l.find('[') == std::string::npos) {
      size_t close = l.find('!', 1), eq = l.find('=');
      if (close == std::string::npos || eq == std::string::npos || eq < close) {
        Warn(ln, "bad substitution", l);
        continue;
      }
      std::vector<std::string> words;
      std::string rest = l.substr(eq + 1);
      std::stringstream ss(rest);
      std::string w;
      while (std::getline(ss, w, ',')) {
        std::string t = Upper(TrimView(w));
        if (!t.empty()) words.push_back(t);
      }
      subs[Upper(l.substr(0, close + 1))] = words;
      continue;
    }
    std::string_view phrase_v, code_v;
    SplitCode(l, &phrase_v, &code_v);
    if (code_v.empty()) {
      Warn(ln, "missing left bracket", l);
      continue;
    }
    size_t rb = code_v.find(']');
    if (rb == std::string_view::npos) {
      Warn(ln, "missing right bracket", l);
      continue;
    }
    std::string code;
    for (char c : code_v.substr(1, rb - 1))
      if (c != ' ' && c != '\t') code.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    size_t tilde = code.find('~');
    if (tilde == std::string::npos) {
      Warn(ln, "agent code without '~'", l);
      continue;
    }
    AgentEntry entry;
    entry.prefix = tilde > 0;
    entry.code = entry.prefix ? code.substr(0, tilde) : code.substr(tilde + 1);
    std::string phrase(phrase_v);
    std::vector<std::string> plurals;
    bool explicit_plurals = false;
    if (petrarch) {
      size_t lb = phrase.find('{');
      if (lb != std::string::npos) {
        size_t cb = phrase.find('}', lb);
        std::string inner = phrase.substr(lb + 1, cb == std::string::npos ? std::string::npos : cb - lb - 1);
        std::stringstream ss(inner);
        std::string w;
        while (ss >> w) plurals.push_back(w);
        explicit_plurals = true;
        phrase = Trim(phrase.substr(0, lb));
      }
    }
    std::vector<std::string> phrases{phrase};
    if (petrarch && phrase.find('!') != std::string::npos) {
      phrases.clear();
      size_t a = phrase.find('!'), b = phrase.find('!', a + 1);
      auto it = b == std::string::npos ? subs.end() : subs.find(Upper(phrase.substr(a, b - a + 1)));
      if (it == subs.end()) {
        Warn(ln, "unknown substitution", l);
        continue;
      }
      for (const auto& w : it->second) phrases.push_back(phrase.substr(0, a) + w + phrase.substr(b + 1));
    }
    if (petrarch && !explicit_plurals) {
      // PETRARCH-style regular plurals for the last word (Y -> IES; the S/ES endings are
      // matched by the ending rule already).
      for (const auto& ph : phrases) {
        std::string up = Upper(ph);
        std::string base = up;
        bool tight = !base.empty() && base.back() == '_';
        if (tight) base.pop_back();
        if (base.size() > 2 && base.back() == 'Y' && std::string("AEIOU").find(base[base.size() - 2]) == std::string::npos)
          plurals.push_back(base.substr(0, base.size() - 1) + "IES" + (tight ? "_" : ""));
      }
    }
    for (const auto& pl : plurals) phrases.push_back(pl);
    int32_t entry_id = -1;
    for (const auto& ph : phrases) {
      std::vector<PhraseWord> words;
      std::string error;
      if (!ParsePhrase(ph, &words, &error)) {
        Warn(ln, error, l);
        continue;
      }
      std::string key = PhraseKey(RootType::kAgent, words);
      if (phrase_keys_.count(key)) continue;  // duplicates are skipped cleanly
      if (entry_id < 0) {
        entry_id = static_cast<int32_t>(d_->agents_.size());
        d_->agents_.push_back(entry);
        ++d_->counts_.agents;
      }
      phrase_keys_.emplace(key, AddRoot(RootType::kAgent, words, entry_id, ln, -1));
    }
  }
}

int32_t Loader::AddSynsetMember(int32_t synset, std::string_view text, int line, bool plurals) {
  std::string norm = NormalizePhrase(text);
  std::vector<Token> toks;
  std::string error;
  if (!Tokenize(norm, &toks, &error)) {
    Warn(line, error, text);
    return -1;
  }
  for (const auto& t : toks)
    if (t.kind == Token::kSynset && FindSynset(t.text) == synset) {
      Warn(line, "synset uses its own name", text);
      return -1;
    }
  size_t pos = 0;
  std::vector<PatternElement> elems;
  int length = 0, allowance = 0;
  bool has_alts = false;
  if (!ParseElements(toks, &pos, false, &elems, &length, &allowance, &has_alts, &error)) {
    Warn(line, error, text);
    return -1;
  }
  if (elems.empty()) {
    Warn(line, "empty synset member", text);
    return -1;
  }
  for (const auto& e : elems)
    if (e.kind == PatternElement::kVerb || e.kind == PatternElement::kAlternatives) {
      Warn(line, "'*' or alternatives in a synset member", text);
      return -1;
    }
  Synset& s = d_->synsets_[synset];
  s.members.push_back(elems);
  s.member_lengths.push_back(length);
  if (plurals && elems.back().kind == PatternElement::kWord) {
    std::string w = d_->words_[elems.back().id];
    std::string pl = w + "S";
    if (w.size() > 1 && w.back() == 'Y' && std::string("AEIOU").find(w[w.size() - 2]) == std::string::npos)
      pl = w.substr(0, w.size() - 1) + "IES";
    else if (w.back() == 'S' || w.back() == 'X' || w.back() == 'Z' || (w.size() > 1 && w.back() == 'H'))
      pl = w + "ES";
    elems.back().id = Intern(pl);
    s.members.push_back(elems);
    s.member_lengths.push_back(length + static_cast<int>(pl.size() - w.size()));
  }
  return 0;
}

void Loader::ReadVerbs(const std::vector<std::string>& lines) {
  int section = 0;  // 1 synsets, 2 time, 3 attrib
  int32_t cur_synset = -1;
  int32_t cur_entry = -1;  // verb entry receiving patterns and forms
  int32_t cur_root = -1;
  bool skipping = false;    // after a duplicate root: its patterns are skipped
  for (size_t i = 0; i < lines.size(); ++i) {
    const int ln = static_cast<int>(i + 1);
    std::string l;
    bool indented = false, stop = false;
    if (!PrepLine(lines[i], &l, &indented, &stop)) {
      if (stop) break;
      continue;
    }
    if (lines[i].size() > 255) {
      Warn(ln, "line longer than 255 characters", lines[i].substr(0, 60));
      continue;
    }
    if (l[0] == '<') {
      std::string tag = Upper(l);
      if (tag.rfind("<SYN", 0) == 0) section = 1;
      else if (tag.rfind("<TIME", 0) == 0) { section = 2; d_->has_time_ = true; }
      else if (tag.rfind("<ATTRIB", 0) == 0) section = 3;
      else if (tag.rfind("</", 0) == 0) section = 0;
      cur_entry = cur_root = -1;
      skipping = false;
      continue;
    }
    if (l[0] == '&') {
      std::string name = Upper(TrimView(std::string_view(l).substr(1)));
      if (name.empty()) {
        Warn(ln, "empty synset name", l);
        continue;
      }
      auto it = synset_ids_.find(name);
      if (it == synset_ids_.end()) {
        cur_synset = static_cast<int32_t>(d_->synsets_.size());
        d_->synsets_.push_back(Synset{name, {}, {}});
        synset_ids_.emplace(name, cur_synset);
        ++d_->counts_.synsets;
      } else {
        cur_synset = it->second;
      }
      continue;
    }
    if (l[0] == '+') {
      if (cur_synset < 0) {
        Warn(ln, "synonym outside a synset", l);
        continue;
      }
      AddSynsetMember(cur_synset, std::string_view(l).substr(1), ln, false);
      continue;
    }
    if (l[0] == '{') {
      if (cur_root < 0) {
        if (!skipping) Warn(ln, "verb forms without a root", l);
        continue;
      }
      std::string inner = l.substr(1);
      size_t cb = inner.find('}');
      if (cb != std::string::npos) inner = inner.substr(0, cb);
      std::stringstream ss(inner);
      std::string form;
      while (ss >> form) {
        std::vector<PhraseWord> words;
        std::string error;
        if (!ParsePhrase(form, &words, &error)) {
          Warn(ln, error, form);
          continue;
        }
        RootType t = d_->roots_[cur_root].type;
        std::string key = PhraseKey(t, words);
        if (phrase_keys_.count(key)) continue;  // duplicate form skipped
        phrase_keys_.emplace(key, AddRoot(t, words, cur_entry, ln, cur_root));
        ++d_->counts_.verb_forms;
      }
      continue;
    }
    std::string_view phrase, code;
    SplitCode(l, &phrase, &code);
    if (l[0] == '-') {
      if (skipping) continue;
      if (cur_entry < 0) {
        Warn(ln, "pattern before any verb", l);
        continue;
      }
      if (section == 3 && code.empty()) code = "[---]";
      if (code.empty()) {
        Warn(ln, "missing left bracket", l);
        continue;
      }
      Pattern pat;
      std::string error;
      if (!ParsePatternText(phrase.substr(1), &pat, &error) || !ParseEventCode(code, section == 2, &pat.code, &error)) {
        Warn(ln, error, l);
        continue;
      }
      pat.file = file_;
      pat.line = ln;
      VerbEntry& v = d_->verbs_[cur_entry];
      if (v.patterns < 0) {
        v.patterns = static_cast<int32_t>(d_->pattern_lists_.size());
        d_->pattern_lists_.emplace_back();
      }
      d_->pattern_lists_[v.patterns].push_back(static_cast<int32_t>(d_->patterns_.size()));
      d_->patterns_.push_back(std::move(pat));
      ++d_->counts_.patterns;
      continue;
    }
    if (section == 1) {
      Warn(ln, "entry in <SYNSETS> is neither '&NAME' nor '+member'", l);
      continue;
    }
    // A root.
    cur_entry = cur_root = -1;
    skipping = false;
    if (code.empty() && section != 3) {
      Warn(ln, "missing left bracket", l);
      skipping = true;
      continue;
    }
    VerbEntry v;
    std::string error;
    if (!code.empty() && !ParseEventCode(code, section == 2, &v.code, &error)) {
      Warn(ln, error, l);
      skipping = true;
      continue;
    }
    std::vector<PhraseWord> words;
    if (!ParsePhrase(phrase, &words, &error)) {
      Warn(ln, error, l);
      skipping = true;
      continue;
    }
    RootType t = section == 2 ? RootType::kTime : section == 3 ? RootType::kAttrib : RootType::kVerb;
    std::string key = PhraseKey(t, words);
    if (phrase_keys_.count(key)) {
      Warn(ln, "duplicate verb", l);
      skipping = true;
      continue;
    }
    v.file = file_;
    v.line = ln;
    cur_entry = static_cast<int32_t>(d_->verbs_.size());
    d_->verbs_.push_back(std::move(v));
    cur_root = AddRoot(t, words, cur_entry, ln, -1);
    phrase_keys_.emplace(key, cur_root);
    if (t == RootType::kTime) ++d_->counts_.time_phrases;
    else ++d_->counts_.verbs;
  }
}

namespace {

// PETRARCH regular verb forms of one word.
std::vector<std::string> RegularForms(const std::string& w) {
  std::vector<std::string> out;
  if (w.empty()) return out;
  char last = w.back();
  bool cons_y = w.size() > 1 && last == 'Y' && std::string("AEIOU").find(w[w.size() - 2]) == std::string::npos;
  if (cons_y) {
    std::string stem = w.substr(0, w.size() - 1);
    out.push_back(stem + "IES");
    out.push_back(stem + "IED");
  } else if (last == 'S' || last == 'X' || last == 'Z' || (w.size() > 1 && last == 'H' && (w[w.size() - 2] == 'S' || w[w.size() - 2] == 'C'))) {
    out.push_back(w + "ES");
    out.push_back(w + "ED");
  } else if (last == 'E') {
    out.push_back(w + "S");
    out.push_back(w + "D");
  } else {
    out.push_back(w + "S");
    out.push_back(w + "ED");
  }
  if (last == 'E' && w.size() > 2) out.push_back(w.substr(0, w.size() - 1) + "ING");
  else out.push_back(w + "ING");
  return out;
}

// In PETRARCH mode every word is whole: open links become exact-open.
std::string WholeWords(std::string_view phrase) {
  std::string out;
  std::string_view p = TrimView(phrase);
  for (size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    out.push_back(c);
    bool word_end = i + 1 == p.size() || p[i + 1] == ' ';
    if (word_end && c != ' ' && c != '_' && c != '*' && c != '$' && c != '+' && c != '%' && c != '^' &&
        c != '@' && c != '{' && c != '|' && c != '}' && c != '=')
      out.push_back('_');
  }
  return out;
}

}  // namespace

void Loader::ReadPetrarchVerbs(const std::vector<std::string>& lines) {
  const std::vector<std::string> clean = StripXmlComments(lines);
  int32_t cur_synset = -1;
  bool synset_plurals = true;
  bool in_synset = false;
  int32_t block_list = -1;       // pattern list shared by the block's verbs
  EventCode block_code;
  bool have_block = false;
  for (size_t i = 0; i < clean.size(); ++i) {
    const int ln = static_cast<int>(i + 1);
    std::string l;
    bool indented = false, stop = false;
    if (!PrepLine(clean[i], &l, &indented, &stop)) {
      if (stop) break;
      continue;
    }
    if (l[0] == '<') continue;
    if (l[0] == '&') {
      std::string name = Upper(TrimView(std::string_view(l).substr(1)));
      synset_plurals = true;
      if (!name.empty() && name.back() == '_') {
        name.pop_back();
        synset_plurals = false;
      }
      auto it = synset_ids_.find(name);
      if (it == synset_ids_.end()) {
        cur_synset = static_cast<int32_t>(d_->synsets_.size());
        d_->synsets_.push_back(Synset{name, {}, {}});
        synset_ids_.emplace(name, cur_synset);
        ++d_->counts_.synsets;
      } else {
        cur_synset = it->second;
      }
      in_synset = true;
      continue;
    }
    if (l[0] == '+' && in_synset) {
      AddSynsetMember(cur_synset, WholeWords(std::string_view(l).substr(1)), ln, synset_plurals);
      continue;
    }
    in_synset = false;
    if (l.rfind("---", 0) == 0) {
      // --- LABEL [code] ---
      std::string_view body = TrimView(std::string_view(l).substr(3));
      if (body.size() >= 3 && body.substr(body.size() - 3) == "---") body = TrimView(body.substr(0, body.size() - 3));
      std::string_view phrase, code;
      SplitCode(body, &phrase, &code);
      block_code = EventCode();
      block_code.kind = CodeKind::kNull;
      block_code.code = "---";
      std::string error;
      if (!code.empty() && !ParseEventCode(code, false, &block_code, &error)) {
        Warn(ln, error, l);
        have_block = false;
        continue;
      }
      have_block = true;
      block_list = static_cast<int32_t>(d_->pattern_lists_.size());
      d_->pattern_lists_.emplace_back();
      continue;
    }
    std::string_view phrase, code;
    SplitCode(l, &phrase, &code);
    if (l[0] == '-') {
      if (!have_block) {
        Warn(ln, "pattern before any verb block", l);
        continue;
      }
      if (code.empty()) {
        Warn(ln, "missing left bracket", l);
        continue;
      }
      Pattern pat;
      std::string error;
      if (!ParsePatternText(WholeWords(phrase.substr(1)), &pat, &error) || !ParseEventCode(code, false, &pat.code, &error)) {
        Warn(ln, error, l);
        continue;
      }
      pat.file = file_;
      pat.line = ln;
      d_->pattern_lists_[block_list].push_back(static_cast<int32_t>(d_->patterns_.size()));
      d_->patterns_.push_back(std::move(pat));
      ++d_->counts_.patterns;
      continue;
    }
    if (!have_block) {
      Warn(ln, "verb outside a '--- LABEL ---' block", l);
      continue;
    }
    // A verb of the block: "SAY {SAYS SAID SAYING}", "+CLEAR_UP", "KLM_NOP_+RST [002]".
    std::string text(phrase);
    if (!text.empty() && text[0] == '+') text = text.substr(1);
    std::vector<std::string> forms;
    bool explicit_forms = false;
    size_t lb = text.find('{');
    if (lb != std::string::npos) {
      size_t cb = text.find('}', lb);
      std::string inner = text.substr(lb + 1, cb == std::string::npos ? std::string::npos : cb - lb - 1);
      std::stringstream ss(inner);
      std::string w;
      while (ss >> w) forms.push_back(w);
      explicit_forms = true;
      text = Trim(text.substr(0, lb));
    }
    // The verb word: marked by '+', else the first word.
    std::string up = Upper(text);
    size_t plus = up.find('+');
    std::string clean_text = up;
    clean_text.erase(std::remove(clean_text.begin(), clean_text.end(), '+'), clean_text.end());
    if (!explicit_forms) {
      size_t vb = plus == std::string::npos ? 0 : plus;
      std::string rest = up;
      rest.erase(std::remove(rest.begin(), rest.end(), '+'), rest.end());
      size_t ve = vb;
      while (ve < rest.size() && rest[ve] != '_' && rest[ve] != ' ') ++ve;
      std::string verb_word = rest.substr(vb, ve - vb);
      for (const auto& f : RegularForms(verb_word)) forms.push_back(rest.substr(0, vb) + f + rest.substr(ve));
    } else {
      for (auto& f : forms) f.erase(std::remove(f.begin(), f.end(), '+'), f.end());
    }
    VerbEntry v;
    v.code = block_code;
    std::string error;
    if (!code.empty() && !ParseEventCode(code, false, &v.code, &error)) {
      Warn(ln, error, l);
      continue;
    }
    v.file = file_;
    v.line = ln;
    v.patterns = block_list;
    std::vector<PhraseWord> words;
    if (!ParsePhrase(WholeWords(clean_text), &words, &error)) {
      Warn(ln, error, l);
      continue;
    }
    std::string key = PhraseKey(RootType::kVerb, words);
    if (phrase_keys_.count(key)) {
      Warn(ln, "duplicate verb", l);
      continue;
    }
    int32_t entry = static_cast<int32_t>(d_->verbs_.size());
    d_->verbs_.push_back(std::move(v));
    int32_t root = AddRoot(RootType::kVerb, words, entry, ln, -1);
    phrase_keys_.emplace(key, root);
    ++d_->counts_.verbs;
    for (const auto& f : forms) {
      std::vector<PhraseWord> fw;
      if (!ParsePhrase(WholeWords(f), &fw, &error)) continue;
      std::string fkey = PhraseKey(RootType::kVerb, fw);
      if (phrase_keys_.count(fkey)) continue;
      phrase_keys_.emplace(fkey, AddRoot(RootType::kVerb, fw, entry, ln, root));
      ++d_->counts_.verb_forms;
    }
  }
}

void Loader::Finish() {
  d_->has_discard_codes_ = false;
  for (const ActorEntry& entry : d_->actors_)
    for (const ActorCode& code : entry.codes) d_->has_discard_codes_ = d_->has_discard_codes_ || code.code == "###";
  for (const VerbEntry& verb : d_->verbs_)
    d_->has_discard_codes_ = d_->has_discard_codes_ || verb.code.kind == CodeKind::kDiscard;
  // Character trie over every interned word.
  d_->trie_.clear();
  d_->trie_top_.assign(256, -1);
  for (int32_t id = 0; id < static_cast<int32_t>(d_->words_.size()); ++id) {
    const std::string& w = d_->words_[id];
    if (w.empty()) continue;
    int32_t* slot = &d_->trie_top_[static_cast<unsigned char>(w[0])];
    int32_t node = *slot;
    if (node < 0) {
      node = static_cast<int32_t>(d_->trie_.size());
      d_->trie_.push_back({});
      d_->trie_[node].c = static_cast<unsigned char>(w[0]);
      *slot = node;
    }
    for (size_t i = 1; i < w.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(w[i]);
      int32_t child = d_->trie_[node].first_child;
      while (child >= 0 && d_->trie_[child].c != c) child = d_->trie_[child].sibling;
      if (child < 0) {
        child = static_cast<int32_t>(d_->trie_.size());
        d_->trie_.push_back({});
        d_->trie_[child].c = c;
        d_->trie_[child].sibling = d_->trie_[node].first_child;
        d_->trie_[node].first_child = child;
      }
      node = child;
    }
    d_->trie_[node].word = id;
  }
  {
    size_t edges = d_->trie_.size();
    size_t cap = 16;
    while (cap < edges * 2) cap <<= 1;
    d_->edge_keys_.assign(cap, 0);
    d_->edge_vals_.assign(cap, -1);
    d_->edge_mask_ = cap - 1;
    for (int32_t node = 0; node < static_cast<int32_t>(d_->trie_.size()); ++node)
      for (int32_t child = d_->trie_[node].first_child; child >= 0; child = d_->trie_[child].sibling) {
        const uint64_t key = (static_cast<uint64_t>(node) << 8 | d_->trie_[child].c) + 1;
        uint64_t h = (key * 0x9E3779B97F4A7C15ull) >> 20;
        while (d_->edge_keys_[h & d_->edge_mask_] != 0) ++h;
        d_->edge_keys_[h & d_->edge_mask_] = key;
        d_->edge_vals_[h & d_->edge_mask_] = child;
      }
  }
  for (auto& p : d_->patterns_) {
    p.required.clear();
    p.required_mask = 0;
    for (const auto* part : {&p.lower, &p.upper})
      for (const auto& e : *part)
        if (e.kind == PatternElement::kWord) {
          p.required.push_back(e.id);
          p.required_mask |= WordBit(e.id);
        }
  }
  // Roots by first word (CSR, load order).
  const int32_t nw = static_cast<int32_t>(d_->words_.size());
  d_->root_index_begin_.assign(nw + 1, 0);
  for (const auto& r : d_->roots_) ++d_->root_index_begin_[d_->phrase_words_[r.words_begin].word + 1];
  for (int32_t i = 0; i < nw; ++i) d_->root_index_begin_[i + 1] += d_->root_index_begin_[i];
  d_->root_index_.assign(d_->roots_.size(), 0);
  std::vector<int32_t> fill(d_->root_index_begin_.begin(), d_->root_index_begin_.end() - 1);
  d_->root_second_.assign(d_->roots_.size(), -1);
  for (int32_t r = 0; r < static_cast<int32_t>(d_->roots_.size()); ++r) {
    const Root& root = d_->roots_[r];
    int32_t at = fill[d_->phrase_words_[root.words_begin].word]++;
    d_->root_index_[at] = r;
    if (root.n_words > 1) d_->root_second_[at] = d_->phrase_words_[root.words_begin + 1].word;
  }
  // Large first-word groups by second word (DictionarySet::RootsWithSecond).
  {
    d_->unpaired_.clear();
    d_->unpaired_begin_.assign(nw + 1, 0);
    std::vector<std::pair<uint64_t, int32_t>> pairs;  // (key, position), grouped below
    for (int32_t first = 0; first < nw; ++first) {
      d_->unpaired_begin_[first] = static_cast<int32_t>(d_->unpaired_.size());
      if (!d_->PairIndexed(first)) continue;
      const int32_t b = d_->root_index_begin_[first], e = d_->root_index_begin_[first + 1];
      for (int32_t pos = 0; pos < e - b; ++pos) {
        const Root& root = d_->roots_[d_->root_index_[b + pos]];
        if (root.n_words < 2 || LinkGap(d_->phrase_words_[root.words_begin].link)) {
          d_->unpaired_.push_back(pos);
        } else {
          const auto second = static_cast<uint32_t>(d_->phrase_words_[root.words_begin + 1].word);
          pairs.emplace_back((static_cast<uint64_t>(first) << 32 | second) + 1, pos);
        }
      }
    }
    d_->unpaired_begin_[nw] = static_cast<int32_t>(d_->unpaired_.size());
    std::stable_sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    size_t slots = 16;
    while (slots < pairs.size() * 2) slots *= 2;
    d_->pair_slots_.assign(slots, {});
    d_->pair_mask_ = slots - 1;
    d_->pair_positions_.clear();
    for (size_t i = 0; i < pairs.size();) {
      const uint64_t key = pairs[i].first;
      const auto begin = static_cast<int32_t>(d_->pair_positions_.size());
      for (; i < pairs.size() && pairs[i].first == key; ++i) d_->pair_positions_.push_back(pairs[i].second);
      uint64_t h = (key * 0x9E3779B97F4A7C15ull) >> 20;
      while (d_->pair_slots_[h & d_->pair_mask_].key != 0) ++h;
      d_->pair_slots_[h & d_->pair_mask_] = {key, begin, static_cast<int32_t>(d_->pair_positions_.size())};
    }
  }
  // Patterns longest first, file order among equals.
  for (auto& list : d_->pattern_lists_)
    std::stable_sort(list.begin(), list.end(), [&](int32_t a, int32_t b) {
      return d_->patterns_[a].length > d_->patterns_[b].length;
    });
  d_->pattern_list_masks_.clear();
  for (const auto& list : d_->pattern_lists_) {
    d_->pattern_list_masks_.emplace_back();
    for (int32_t pi : list) d_->pattern_list_masks_.back().push_back(d_->patterns_[pi].required_mask);
  }
  d_->pattern_list_filters_.clear();
  for (const auto& list : d_->pattern_lists_) {
    d_->pattern_list_filters_.emplace_back();
    for (int32_t pi : list) {
      int32_t key = -1;
      for (int32_t word : d_->patterns_[pi].required)
        if (key < 0 || d_->words_[word].size() > d_->words_[key].size()) key = word;
      d_->pattern_list_filters_.back().push_back({d_->patterns_[pi].required_mask, key, pi});
    }
  }
  // Synset members longest first.
  for (auto& s : d_->synsets_) {
    std::vector<size_t> order(s.members.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return s.member_lengths[a] > s.member_lengths[b]; });
    Synset sorted{s.name, {}, {}};
    for (size_t i : order) {
      sorted.members.push_back(s.members[i]);
      sorted.member_lengths.push_back(s.member_lengths[i]);
      const auto& member = sorted.members.back();
      sorted.first_words.push_back(!member.empty() && member[0].kind == PatternElement::kWord ? member[0].id : -1);
      if (!member.empty() && member.back().kind == PatternElement::kWord)
        sorted.by_last_word.emplace_back(member.back().id, static_cast<uint32_t>(sorted.members.size() - 1));
    }
    std::sort(sorted.by_last_word.begin(), sorted.by_last_word.end());
    s = std::move(sorted);
  }
  ComputeWitnesses();
  d_->hash_ = Digest();
}

void Loader::ComputeWitnesses() {
  auto& sets = d_->witness_sets_;
  sets.clear();
  const size_t n_syn = d_->synsets_.size();
  std::vector<uint8_t> syn_state(n_syn, 0);   // 0 not seen, 1 being computed, 2 done
  std::vector<int32_t> syn_set(n_syn, -1);    // index into sets, -1: no set
  auto add = [&](std::vector<int32_t> words) {
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    sets.push_back(std::move(words));
    return static_cast<int32_t>(sets.size() - 1);
  };
  auto synset_set = [&](auto&& self, int32_t id) -> int32_t {
    if (id < 0 || static_cast<size_t>(id) >= n_syn) return -1;
    if (syn_state[id] == 2) return syn_set[id];
    if (syn_state[id] == 1) return -1;  // a synset naming itself: no set
    syn_state[id] = 1;
    std::vector<int32_t> words;
    bool ok = !d_->synsets_[id].members.empty();
    for (const auto& member : d_->synsets_[id].members) {
      if (member.empty()) ok = false;
      if (!ok) break;
      const PatternElement& first = member[0];
      if (first.kind == PatternElement::kWord) {
        words.push_back(first.id);
      } else if (first.kind == PatternElement::kSynset) {
        const int32_t inner = self(self, first.id);
        if (inner < 0) ok = false;
        else words.insert(words.end(), sets[inner].begin(), sets[inner].end());
      } else {
        ok = false;
      }
    }
    syn_set[id] = ok ? add(std::move(words)) : -1;
    syn_state[id] = 2;
    return syn_set[id];
  };
  std::vector<int32_t> alt_set(d_->alt_groups_.size(), -2);  // -2: not computed
  auto alt_group_set = [&](int32_t id) -> int32_t {
    if (id < 0 || static_cast<size_t>(id) >= alt_set.size()) return -1;
    if (alt_set[id] != -2) return alt_set[id];
    std::vector<int32_t> words;
    bool ok = !d_->alt_groups_[id].alts.empty();
    for (const auto& alt : d_->alt_groups_[id].alts) {
      int32_t pick = -1;  // the alternative's longest plain word
      for (const auto& e : alt)
        if (e.kind == PatternElement::kWord && (pick < 0 || d_->words_[e.id].size() > d_->words_[pick].size()))
          pick = e.id;
      if (pick < 0) {
        ok = false;
        break;
      }
      words.push_back(pick);
    }
    alt_set[id] = ok ? add(std::move(words)) : -1;
    return alt_set[id];
  };
  for (auto& p : d_->patterns_) {
    p.witnesses.clear();
    for (const auto* part : {&p.lower, &p.upper})
      for (const auto& e : *part) {
        int32_t set = -1;
        if (e.kind == PatternElement::kSynset) set = synset_set(synset_set, e.id);
        else if (e.kind == PatternElement::kAlternatives) set = alt_group_set(e.id);
        if (set >= 0 && std::find(p.witnesses.begin(), p.witnesses.end(), set) == p.witnesses.end())
          p.witnesses.push_back(set);
      }
  }
}

int32_t DictionarySet::FindWord(std::string_view upper) const {
  auto it = word_ids_.find(std::string(upper));
  return it == word_ids_.end() ? -1 : it->second;
}

std::string DictionarySet::RootText(int32_t root) const {
  const Root& r = roots_[root];
  std::string out;
  for (int32_t i = 0; i < r.n_words; ++i) {
    const PhraseWord& pw = phrase_words_[r.words_begin + i];
    out += words_[pw.word];
    switch (pw.link) {
      case Link::kOpen: out += ' '; break;
      case Link::kTight: out += '_'; break;
      case Link::kExactOpen: out += "_ "; break;
      case Link::kStemTight: out += "~_"; break;
      case Link::kNoEnd: out += '='; break;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::pair<const int32_t*, const int32_t*> DictionarySet::RootsWithSecond(int32_t first, int32_t second) const {
  if (pair_slots_.empty() || first < 0 || second < 0) return {nullptr, nullptr};
  const uint64_t key = (static_cast<uint64_t>(first) << 32 | static_cast<uint32_t>(second)) + 1;
  for (uint64_t h = (key * 0x9E3779B97F4A7C15ull) >> 20;; ++h) {
    const PairSlot& slot = pair_slots_[h & pair_mask_];
    if (slot.key == key) return {pair_positions_.data() + slot.begin, pair_positions_.data() + slot.end};
    if (slot.key == 0) return {nullptr, nullptr};
  }
}

uint64_t DictionarySet::NextInstanceId() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

Status DictionarySet::Load(const LoadOptions& options, std::shared_ptr<const DictionarySet>* out) {
  auto d = std::make_shared<DictionarySet>();
  Loader loader(d.get(), options.strict);
  loader.AddBuiltins();
  for (const auto& p : options.paths) {
    Status s = loader.LoadPath(p, options.mode);
    if (!s.ok()) return s;
  }
  loader.Finish();
  *out = std::move(d);
  return Status::Ok();
}

Status LoadProject(const std::string& path, bool strict, Project* out) {
  std::ifstream in(path);
  if (!in) return Status::Error(path + ": cannot open project file");
  Project p;
  p.path = path;
  fs::path dir = fs::path(path).parent_path();
  struct Item { std::string kind, path; };
  std::vector<Item> dicts;
  std::string line;
  int ln = 0;
  while (std::getline(in, line)) {
    ++ln;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] != '<') continue;
    size_t gt = line.find('>');
    if (gt == std::string::npos) continue;
    std::string tag = Upper(line.substr(1, gt - 1));
    std::string value = line.substr(gt + 1);
    size_t lt = value.find('<');
    if (lt != std::string::npos) value = value.substr(0, lt);
    value = Trim(value);
    if (value.empty() || tag.empty()) continue;
    std::string kind;
    char c0 = tag[0], c1 = tag.size() > 1 ? tag[1] : ' ';
    if (c0 == 'A' && c1 == 'C') kind = "actors";
    else if (c0 == 'A') kind = "agents";
    else if (c0 == 'V') kind = "verbs";
    else if (c0 == 'O' && c1 != 'U') kind = "options";
    else if (c0 == 'T') kind = "text";
    else continue;
    std::string full = fs::path(value).is_absolute() ? value : (dir / value).string();
    std::error_code ec;
    if (!fs::exists(full, ec))
      return Status::Error(path + ":" + std::to_string(ln) + ": missing file: '" + full + "'");
    if (kind == "actors") p.actors.push_back(full);
    else if (kind == "agents") p.agents.push_back(full);
    else if (kind == "verbs") p.verbs.push_back(full);
    else if (kind == "options") p.options_file = full;
    else p.texts.push_back(full);
    if (kind != "text" && kind != "options") dicts.push_back({kind, full});
  }
  if (p.actors.empty() || p.verbs.empty())
    return Status::Error(path + ": project names no actors file or no verbs file");
  auto d = std::make_shared<DictionarySet>();
  Loader loader(d.get(), strict);
  loader.AddBuiltins();
  if (!p.options_file.empty()) {
    Status s = loader.LoadFile(p.options_file, "options", LoadOptions::Mode::kTabari);
    if (!s.ok()) return s;
  }
  for (const auto& item : dicts) {
    Status s = loader.LoadFile(item.path, item.kind, LoadOptions::Mode::kAuto);
    if (!s.ok()) return s;
  }
  loader.Finish();
  p.dicts = std::move(d);
  *out = std::move(p);
  return Status::Ok();
}

}  // namespace dyad::dict
