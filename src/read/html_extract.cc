#include "read/html_extract.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <csetjmp>
#include <cstdlib>
#include <initializer_list>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>

#include "common/escape.h"

namespace dyad::read {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  return out;
}

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && IsAsciiSpace(s[b])) ++b;
  while (e > b && IsAsciiSpace(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  bool pending = false;
  for (char c : s) {
    if (IsAsciiSpace(c)) {
      pending = true;
      continue;
    }
    if (pending && !out.empty()) out.push_back(' ');
    pending = false;
    out.push_back(c);
  }
  return out;
}

const char* Attr(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? a->value : nullptr;
}

const GumboVector* Children(const GumboNode* node) {
  if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) return &node->v.element.children;
  if (node->type == GUMBO_NODE_DOCUMENT) return &node->v.document.children;
  return nullptr;
}

std::string TagName(const GumboNode* node) {
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return "";
  return gumbo_normalized_tagname(node->v.element.tag);
}

int HeadingLevel(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_H1: return 1;
    case GUMBO_TAG_H2: return 2;
    case GUMBO_TAG_H3: return 3;
    case GUMBO_TAG_H4: return 4;
    case GUMBO_TAG_H5: return 5;
    case GUMBO_TAG_H6: return 6;
    default: return 0;
  }
}

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
    case GUMBO_TAG_DD: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_HR:
    case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
      return true;
    default:
      return false;
  }
}

// All text below `node`, whitespace collapsed (script/style/template skipped).
void AppendText(const GumboNode* node, std::string* out) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
    out->append(node->v.text.text);
    return;
  }
  if (node->type == GUMBO_NODE_ELEMENT) {
    GumboTag t = node->v.element.tag;
    if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_NOSCRIPT) return;
    if (t == GUMBO_TAG_BR || IsBlock(t)) out->push_back(' ');
  }
  if (const GumboVector* kids = Children(node)) {
    for (unsigned i = 0; i < kids->length; ++i) AppendText(static_cast<const GumboNode*>(kids->data[i]), out);
  }
  if (node->type == GUMBO_NODE_ELEMENT && IsBlock(node->v.element.tag)) out->push_back(' ');
}

std::string NodeText(const GumboNode* node) {
  std::string raw;
  AppendText(node, &raw);
  return CollapseSpaces(raw);
}

// Lower-case words of class and id: "social-share_bar x" -> social, share, bar, x;
// also the whole tokens (for entries containing '-').
void ClassWords(const GumboNode* node, std::vector<std::string>* words, std::vector<std::string>* tokens) {
  for (const char* name : {"class", "id"}) {
    const char* v = Attr(node, name);
    if (v == nullptr) continue;
    std::string s = Lower(v);
    size_t i = 0;
    while (i < s.size()) {
      while (i < s.size() && IsAsciiSpace(s[i])) ++i;
      size_t j = i;
      while (j < s.size() && !IsAsciiSpace(s[j])) ++j;
      if (j > i) {
        std::string token = s.substr(i, j - i);
        tokens->push_back(token);
        size_t a = 0;
        while (a <= token.size()) {
          size_t b = token.find_first_of("-_", a);
          if (b == std::string::npos) b = token.size();
          if (b > a) words->push_back(token.substr(a, b - a));
          a = b + 1;
        }
      }
      i = j;
    }
  }
}

bool ClassMatches(const GumboNode* node, const std::vector<std::string>& entries) {
  std::vector<std::string> words, tokens;
  ClassWords(node, &words, &tokens);
  if (words.empty()) return false;
  static const char* const kSuffixes[] = {"", "s", "bar", "box", "links", "buttons", "wrapper", "container", "block"};
  for (const std::string& e : entries) {
    if (e.find('-') != std::string::npos) {
      for (const std::string& t : tokens) {
        if (t.find(e) != std::string::npos) return true;
      }
      continue;
    }
    for (const std::string& w : words) {
      if (w.compare(0, e.size(), e) != 0) continue;
      std::string_view rest = std::string_view(w).substr(e.size());
      for (const char* suffix : kSuffixes) {
        if (rest == suffix) return true;
      }
    }
  }
  return false;
}

bool HeadingMatches(std::string_view heading, const std::vector<std::string>& phrases) {
  std::string h = Lower(Trim(heading));
  while (!h.empty() && (h.back() == ':' || h.back() == '.' || h.back() == '!')) h.pop_back();
  if (h.empty()) return false;
  size_t words = 1 + static_cast<size_t>(std::count(h.begin(), h.end(), ' '));
  for (const std::string& p : phrases) {
    if (h == p) return true;
    if (words <= 4 && h.size() > p.size() && h.compare(0, p.size(), p) == 0 &&
        !std::isalnum(static_cast<unsigned char>(h[p.size()]))) {
      return true;
    }
  }
  return false;
}

// The first element child of `node`, skipping whitespace; nullptr if text comes first.
const GumboNode* FirstElementChild(const GumboNode* node) {
  const GumboVector* kids = Children(node);
  if (kids == nullptr) return nullptr;
  for (unsigned i = 0; i < kids->length; ++i) {
    const auto* k = static_cast<const GumboNode*>(kids->data[i]);
    if (k->type == GUMBO_NODE_WHITESPACE || k->type == GUMBO_NODE_COMMENT) continue;
    if (k->type == GUMBO_NODE_ELEMENT) return k;
    return nullptr;
  }
  return nullptr;
}

bool ContainerHeadingMatches(const GumboNode* node, const HtmlBoilerplate& bp) {
  const GumboNode* first = FirstElementChild(node);
  for (int depth = 0; first != nullptr && depth < 2; ++depth) {
    if (HeadingLevel(first->v.element.tag) > 0 || first->v.element.tag == GUMBO_TAG_STRONG) {
      return HeadingMatches(NodeText(first), bp.drop_headings);
    }
    first = FirstElementChild(first);
  }
  return false;
}

bool IsBoilerplate(const GumboNode* node, const HtmlBoilerplate& bp) {
  if (node->type != GUMBO_NODE_ELEMENT) return false;
  if (bp.drop_tags.count(TagName(node))) return true;
  if (Attr(node, "hidden") != nullptr) return true;
  if (const char* a = Attr(node, "aria-hidden"); a && Lower(a) == "true") return true;
  if (const char* role = Attr(node, "role"); role && bp.drop_roles.count(Lower(role))) return true;
  if (ClassMatches(node, bp.drop_classes)) return true;
  return ContainerHeadingMatches(node, bp);
}

// Text length below node, boilerplate skipped (to choose among candidates).
size_t ContentLength(const GumboNode* node, const HtmlBoilerplate& bp) {
  if (node->type == GUMBO_NODE_TEXT) {
    size_t n = 0;
    for (const char* p = node->v.text.text; *p; ++p) n += !IsAsciiSpace(*p);
    return n;
  }
  if (IsBoilerplate(node, bp)) return 0;
  if (node->type == GUMBO_NODE_ELEMENT &&
      (node->v.element.tag == GUMBO_TAG_SCRIPT || node->v.element.tag == GUMBO_TAG_STYLE)) {
    return 0;
  }
  size_t n = 0;
  if (const GumboVector* kids = Children(node)) {
    for (unsigned i = 0; i < kids->length; ++i) n += ContentLength(static_cast<const GumboNode*>(kids->data[i]), bp);
  }
  return n;
}

struct Metadata {
  std::map<std::string, std::string> meta;  // lower-case property/name/itemprop -> content
  std::string title_tag, first_h1, canonical, lang;
  std::vector<const GumboNode*> articles, mains, times, paragraphs, dated;  // dated: itemprop=datePublished
  const GumboNode* body = nullptr;
};

void Collect(const GumboNode* node, Metadata* md) {
  if (node->type == GUMBO_NODE_ELEMENT) {
    GumboTag t = node->v.element.tag;
    switch (t) {
      case GUMBO_TAG_HTML:
        if (const char* l = Attr(node, "lang")) md->lang = l;
        break;
      case GUMBO_TAG_TITLE:
        if (md->title_tag.empty()) md->title_tag = NodeText(node);
        break;
      case GUMBO_TAG_H1:
        if (md->first_h1.empty()) md->first_h1 = NodeText(node);
        break;
      case GUMBO_TAG_META: {
        const char* content = Attr(node, "content");
        if (content == nullptr) break;
        for (const char* key : {"property", "name", "itemprop"}) {
          if (const char* k = Attr(node, key)) md->meta.emplace(Lower(k), Trim(content));
        }
        break;
      }
      case GUMBO_TAG_LINK:
        if (const char* rel = Attr(node, "rel"); rel && Lower(rel) == "canonical") {
          if (const char* href = Attr(node, "href"); href && md->canonical.empty()) md->canonical = href;
        }
        break;
      case GUMBO_TAG_ARTICLE: md->articles.push_back(node); break;
      case GUMBO_TAG_MAIN: md->mains.push_back(node); break;
      case GUMBO_TAG_TIME: md->times.push_back(node); break;
      case GUMBO_TAG_P: md->paragraphs.push_back(node); break;
      case GUMBO_TAG_BODY: md->body = node; break;
      default: break;
    }
    if (const char* role = Attr(node, "role"); role && Lower(role) == "main" && t != GUMBO_TAG_MAIN) {
      md->mains.push_back(node);
    }
    if (const char* ip = Attr(node, "itemprop"); ip && Lower(ip) == "datepublished") md->dated.push_back(node);
  }
  if (const GumboVector* kids = Children(node)) {
    for (unsigned i = 0; i < kids->length; ++i) Collect(static_cast<const GumboNode*>(kids->data[i]), md);
  }
}

bool Contains(const GumboNode* ancestor, const GumboNode* node) {
  for (const GumboNode* n = node; n != nullptr; n = n->parent) {
    if (n == ancestor) return true;
  }
  return false;
}

const GumboNode* ChooseRoot(const Metadata& md, const HtmlBoilerplate& bp) {
  const GumboNode* best_article = nullptr;
  size_t best_article_len = 0;
  for (const GumboNode* a : md.articles) {
    size_t len = ContentLength(a, bp);
    if (len > best_article_len) best_article = a, best_article_len = len;
  }
  const GumboNode* best_main = nullptr;
  size_t best_main_len = 0;
  for (const GumboNode* m : md.mains) {
    size_t len = ContentLength(m, bp);
    if (len > best_main_len) best_main = m, best_main_len = len;
  }
  if (best_article != nullptr && (best_main == nullptr || best_article_len * 4 >= best_main_len)) return best_article;
  if (best_main != nullptr) return best_main;
  // Densest block: the parent whose <p> children hold the most text.
  std::map<const GumboNode*, size_t> score;
  const GumboNode* best = nullptr;
  size_t best_score = 0;
  for (const GumboNode* p : md.paragraphs) {
    if (p->parent == nullptr) continue;
    size_t& s = score[p->parent];
    s += ContentLength(p, bp);
    if (s > best_score) best = p->parent, best_score = s;
  }
  if (best != nullptr) return best;
  return md.body;
}

struct Paragraph {
  std::string text;
  int heading = 0;  // 1..6 for h1..h6
};

class Builder {
 public:
  void Text(std::string_view s) {
    for (char c : s) {
      if (IsAsciiSpace(c)) {
        pending_space_ = true;
        continue;
      }
      if (pending_space_ && !cur_.empty()) cur_.push_back(' ');
      pending_space_ = false;
      cur_.push_back(c);
    }
  }
  void Break(int heading = 0) {
    if (!cur_.empty()) paragraphs_.push_back({cur_, heading});
    cur_.clear();
    pending_space_ = false;
  }
  std::vector<Paragraph>& paragraphs() { return paragraphs_; }

 private:
  std::string cur_;
  bool pending_space_ = false;
  std::vector<Paragraph> paragraphs_;
};

void Walk(const GumboNode* node, const GumboNode* root, const HtmlBoilerplate& bp, Builder* b) {
  switch (node->type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
    case GUMBO_NODE_CDATA:
      b->Text(node->v.text.text);
      return;
    case GUMBO_NODE_ELEMENT: {
      if (node != root && IsBoilerplate(node, bp)) return;
      GumboTag t = node->v.element.tag;
      if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE) return;
      if (t == GUMBO_TAG_BR || t == GUMBO_TAG_HR) {
        b->Break();
        return;
      }
      bool block = IsBlock(t);
      if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) {
        b->Text(" ");
        block = false;
      }
      if (block) b->Break();
      const GumboVector* kids = Children(node);
      for (unsigned i = 0; i < kids->length; ++i) Walk(static_cast<const GumboNode*>(kids->data[i]), root, bp, b);
      if (block) b->Break(HeadingLevel(t));
      return;
    }
    case GUMBO_NODE_TEMPLATE:
    case GUMBO_NODE_DOCUMENT:
    case GUMBO_NODE_COMMENT:
      return;
  }
}

bool HasEmail(std::string_view s) {
  for (size_t at = s.find('@'); at != std::string_view::npos; at = s.find('@', at + 1)) {
    if (at == 0 || !std::isalnum(static_cast<unsigned char>(s[at - 1]))) continue;
    size_t j = at + 1;
    bool dot = false, alpha_after_dot = false;
    while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '.' || s[j] == '-')) {
      if (s[j] == '.') dot = true;
      else if (dot && std::isalpha(static_cast<unsigned char>(s[j]))) alpha_after_dot = true;
      ++j;
    }
    if (alpha_after_dot) return true;
  }
  return false;
}

bool HasPhone(std::string_view s) {
  std::string lower = Lower(s);
  bool keyword = lower.find("tel") != std::string::npos || lower.find("phone") != std::string::npos ||
                 lower.find("mob") != std::string::npos;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c != '+' && !std::isdigit(static_cast<unsigned char>(c))) continue;
    if (i > 0 && (std::isalnum(static_cast<unsigned char>(s[i - 1])) || s[i - 1] == '+')) continue;
    size_t j = i, digits = 0;
    while (j < s.size() && (std::isdigit(static_cast<unsigned char>(s[j])) || s[j] == ' ' || s[j] == '+' ||
                            s[j] == '-' || s[j] == '(' || s[j] == ')' || s[j] == '.')) {
      digits += std::isdigit(static_cast<unsigned char>(s[j])) != 0;
      ++j;
    }
    if (digits >= 8 && (c == '+' || keyword)) return true;
    i = j;
  }
  return false;
}

bool OnlyShareWords(std::string_view s, const std::unordered_set<std::string>& words) {
  std::string lower = Lower(s);
  size_t count = 0;
  size_t i = 0;
  while (i < lower.size()) {
    while (i < lower.size() && !std::isalnum(static_cast<unsigned char>(lower[i])) && lower[i] != '-' &&
           static_cast<unsigned char>(lower[i]) < 0x80) {
      ++i;
    }
    size_t j = i;
    while (j < lower.size() && (std::isalnum(static_cast<unsigned char>(lower[j])) || lower[j] == '-' ||
                                static_cast<unsigned char>(lower[j]) >= 0x80)) {
      ++j;
    }
    if (j > i) {
      if (!words.count(lower.substr(i, j - i))) return false;
      ++count;
    }
    i = j;
  }
  return count > 0;
}

std::string JoinParagraphs(std::vector<Paragraph>& paragraphs, const std::string& title, const HtmlBoilerplate& bp) {
  std::string out;
  int dropping_below = 0;  // > 0: dropping until a heading of this level or higher
  for (const Paragraph& p : paragraphs) {
    if (p.heading > 0) {
      if (dropping_below > 0 && p.heading <= dropping_below) dropping_below = 0;
      if (dropping_below == 0 && HeadingMatches(p.text, bp.drop_headings)) {
        dropping_below = p.heading;
        continue;
      }
    }
    if (dropping_below > 0) continue;
    if (!title.empty() && p.text == title) continue;
    if (p.text.size() < 300) {
      if (HasEmail(p.text) || HasPhone(p.text)) continue;
      std::string lower = Lower(p.text);
      bool phrase = false;
      for (const std::string& d : bp.drop_paragraphs) {
        if (lower.find(d) != std::string::npos) {
          phrase = true;
          break;
        }
      }
      if (phrase) continue;
      if (OnlyShareWords(p.text, bp.share_words)) continue;
    }
    if (!out.empty()) out += "\n\n";
    out += p.text;
  }
  return out;
}

std::string MetaValue(const Metadata& md, std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    auto it = md.meta.find(k);
    if (it != md.meta.end() && !it->second.empty()) return it->second;
  }
  return "";
}

}  // namespace

Status HtmlBoilerplate::Load(const std::string& path, HtmlBoilerplate* out) {
  std::ifstream in(path);
  if (!in) return Status::Error(path + ": no such file");
  HtmlBoilerplate bp;
  std::string line, section;
  int no = 0;
  while (std::getline(in, line)) {
    ++no;
    std::string entry = Lower(Trim(line));
    if (entry.empty() || entry[0] == '#') continue;
    if (entry.front() == '[' && entry.back() == ']') {
      section = entry.substr(1, entry.size() - 2);
      if (section != "drop_tag" && section != "drop_class" && section != "drop_role" && section != "drop_heading" &&
          section != "drop_paragraph" && section != "share_word") {
        return Status::Error(path + ":" + std::to_string(no) + ": unknown section '" + EscapeForMessage(entry) + "'");
      }
      continue;
    }
    if (section.empty()) return Status::Error(path + ":" + std::to_string(no) + ": entry outside a section: '" + EscapeForMessage(entry) + "'");
    if (section == "drop_tag") bp.drop_tags.insert(entry);
    else if (section == "drop_class") bp.drop_classes.push_back(entry);
    else if (section == "drop_role") bp.drop_roles.insert(entry);
    else if (section == "drop_heading") bp.drop_headings.push_back(entry);
    else if (section == "drop_paragraph") bp.drop_paragraphs.push_back(entry);
    else bp.share_words.insert(entry);
  }
  *out = std::move(bp);
  return Status::Ok();
}

Status HtmlBoilerplate::Default(const std::string& data_dir, const HtmlBoilerplate** out) {
  static std::mutex mu;
  static std::map<std::string, std::pair<Status, std::unique_ptr<HtmlBoilerplate>>> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(data_dir);
  if (it == cache.end()) {
    auto bp = std::make_unique<HtmlBoilerplate>();
    Status s = Load(data_dir + "/read/html_boilerplate.txt", bp.get());
    if (!s.ok()) bp.reset();
    it = cache.emplace(data_dir, std::make_pair(s, std::move(bp))).first;
  }
  *out = it->second.second.get();
  return it->second.first;
}

namespace {

// gumbo 0.10 has no depth or work limit and assumes malloc never fails. Every
// allocation goes through this budget; past it the parse is abandoned with
// longjmp (gumbo is C: no destructor is skipped) and all live blocks are freed
// from the list, which also spares gumbo's recursive destroy on deep trees.
struct ParseArena {
  struct Block {
    Block* prev;
    Block* next;
    size_t size;
    size_t pad;  // keeps the payload 16-byte aligned
  };
  Block head{&head, &head, 0, 0};
  size_t live = 0, budget = 0;
  bool exhausted = false;
  std::jmp_buf on_exhausted;

  ~ParseArena() {
    for (Block* b = head.next; b != &head;) {
      Block* next = b->next;
      std::free(b);
      b = next;
    }
  }
};

void* ArenaAlloc(void* userdata, size_t size) {
  auto* arena = static_cast<ParseArena*>(userdata);
  if (arena->live + size > arena->budget) {
    arena->exhausted = true;
    std::longjmp(arena->on_exhausted, 1);
  }
  auto* b = static_cast<ParseArena::Block*>(std::malloc(sizeof(ParseArena::Block) + size));
  if (b == nullptr) {
    arena->exhausted = true;
    std::longjmp(arena->on_exhausted, 1);
  }
  b->size = size;
  b->prev = &arena->head;
  b->next = arena->head.next;
  arena->head.next->prev = b;
  arena->head.next = b;
  arena->live += size;
  return b + 1;
}

void ArenaFree(void* userdata, void* ptr) {
  if (ptr == nullptr) return;
  auto* arena = static_cast<ParseArena*>(userdata);
  auto* b = static_cast<ParseArena::Block*>(ptr) - 1;
  b->prev->next = b->next;
  b->next->prev = b->prev;
  arena->live -= b->size;
  std::free(b);
}

// No object with a destructor lives in this frame (longjmp lands here).
GumboOutput* ParseBounded(std::string_view html, ParseArena* arena) {
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = ArenaAlloc;
  options.deallocator = ArenaFree;
  options.userdata = arena;
  // Each parse error keeps a copy of the open-element stack: without a cap,
  // nested tables cost memory in the square of their depth.
  options.max_errors = 100;
  if (setjmp(arena->on_exhausted) != 0) return nullptr;
  return gumbo_parse_with_options(&options, html.data(), html.size());
}

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// An upper estimate of the element depth, from the tags alone, in one linear
// pass: gumbo's cost grows with the square of the depth (each start tag scans
// the open elements), so pages far past the limit are refused before parsing.
// Void and implicitly closed elements (p, li, td ...) do not count.
size_t EstimateDepth(std::string_view html) {
  static const std::unordered_set<std::string> kNoDepth = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
      "param", "keygen", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "tbody", "thead",
      "tfoot", "colgroup", "rb", "rt", "rp", "html", "head", "body"};
  static const std::unordered_set<std::string> kRawText = {"script", "style", "textarea", "title", "xmp",
                                                            "iframe", "noembed", "noframes", "plaintext"};
  size_t depth = 0, max_depth = 0;
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    ++i;
    if (i >= html.size()) break;
    if (html.compare(i, 3, "!--") == 0) {
      size_t end = html.find("-->", i + 3);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    bool closing = html[i] == '/';
    if (closing) ++i;
    if (i >= html.size() || !IsAsciiAlpha(html[i])) continue;
    size_t b = i;
    while (i < html.size() && !IsAsciiSpace(html[i]) && html[i] != '>' && html[i] != '/') ++i;
    std::string name = Lower(html.substr(b, i - b));
    size_t gt = html.find('>', i);
    if (gt == std::string_view::npos) break;
    bool self_closing = gt > 0 && html[gt - 1] == '/';
    i = gt + 1;
    if (closing) {
      if (!kNoDepth.count(name) && depth > 0) --depth;
      continue;
    }
    if (kRawText.count(name)) {  // skip to the end tag: its content is text
      size_t end = i;
      for (;;) {
        end = html.find("</", end);
        if (end == std::string_view::npos) return max_depth;
        if (Lower(html.substr(end + 2, name.size())) == name) break;
        end += 2;
      }
      i = end;
      continue;
    }
    if (self_closing || kNoDepth.count(name)) continue;
    max_depth = std::max(max_depth, ++depth);
  }
  return max_depth;
}

// The depth of the deepest node, counted without recursion.
size_t TreeDepth(const GumboNode* root) {
  size_t max_depth = 0;
  std::vector<std::pair<const GumboNode*, size_t>> stack{{root, 1}};
  while (!stack.empty()) {
    auto [node, depth] = stack.back();
    stack.pop_back();
    max_depth = std::max(max_depth, depth);
    if (const GumboVector* kids = Children(node)) {
      for (unsigned i = 0; i < kids->length; ++i) stack.emplace_back(static_cast<const GumboNode*>(kids->data[i]), depth + 1);
    }
  }
  return max_depth;
}

}  // namespace

Status ExtractHtml(std::string_view html, const HtmlBoilerplate& boilerplate, HtmlArticle* out) {
  *out = HtmlArticle();
  if (size_t estimate = EstimateDepth(html); estimate > kHtmlMaxEstimatedDepth) {
    return Status::ResourceExhausted("HTML nested too deeply (about " + std::to_string(estimate) +
                                     " levels; the limit is " + std::to_string(kHtmlMaxDepth) + ")")
        .WithKind("HTML nested too deeply");
  }
  ParseArena arena;
  arena.budget = kHtmlParseBaseBytes + kHtmlParseBytesPerInputByte * html.size();
  GumboOutput* output = ParseBounded(html, &arena);
  if (arena.exhausted) {
    return Status::ResourceExhausted("HTML too complex: the parser needs more than " +
                                     std::to_string(arena.budget >> 20) + " MiB for it")
        .WithKind("HTML too complex");
  }
  if (output == nullptr) return Status::Internal("HTML parser failed").WithKind("HTML parser failed");
  // The output's memory belongs to the arena: freed with it, never walked.
  if (size_t depth = TreeDepth(output->document); depth > kHtmlMaxDepth) {
    return Status::ResourceExhausted("HTML nested too deeply (" + std::to_string(depth) + " levels; the limit is " +
                                     std::to_string(kHtmlMaxDepth) + ")")
        .WithKind("HTML nested too deeply");
  }

  Metadata md;
  Collect(output->document, &md);

  out->title = MetaValue(md, {"og:title", "twitter:title"});
  if (out->title.empty() && !md.title_tag.empty()) {
    std::string t = md.title_tag;
    for (const char* sep : {" | ", " - ", " – ", " — "}) {
      size_t cut = t.find(sep);
      if (cut != std::string::npos && cut > 0) {
        t = t.substr(0, cut);
        break;
      }
    }
    out->title = Trim(t);
  }
  if (out->title.empty()) out->title = md.first_h1;
  out->title = CollapseSpaces(out->title);

  const GumboNode* root = ChooseRoot(md, boilerplate);

  std::string date_text = MetaValue(md, {"article:published_time", "og:article:published_time", "datepublished",
                                         "date", "pubdate", "publishdate", "publish-date", "dc.date",
                                         "dc.date.issued", "dcterms.date", "dcterms.created", "parsely-pub-date",
                                         "sailthru.date", "article.published"});
  if (date_text.empty()) {
    for (const GumboNode* d : md.dated) {
      if (const char* v = Attr(d, "datetime")) date_text = v;
      else if (const char* c = Attr(d, "content")) date_text = c;
      if (!date_text.empty()) break;
    }
  }
  if (date_text.empty()) {
    for (int pass = 0; pass < 2 && date_text.empty(); ++pass) {
      for (const GumboNode* t : md.times) {
        if (pass == 0 && (root == nullptr || !Contains(root, t))) continue;
        if (const char* v = Attr(t, "datetime")) {
          date_text = v;
          break;
        }
      }
    }
  }
  if (auto d = Date::Parse(Trim(date_text))) out->date = *d;

  out->source = MetaValue(md, {"og:site_name", "application-name"});
  out->url = MetaValue(md, {"og:url"});
  if (out->url.empty()) out->url = md.canonical;
  out->language = md.lang;

  if (root != nullptr) {
    Builder builder;
    Walk(root, root, boilerplate, &builder);
    builder.Break();
    out->text = JoinParagraphs(builder.paragraphs(), out->title, boilerplate);
  }
  return Status::Ok();
}

}  // namespace dyad::read
