#include "read/pdf_extract.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>
#include <unicode/uchar.h>

#include <climits>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <unordered_set>

#include "normalize/normalize.h"

namespace dyad::read {
namespace {

struct Line {
  std::string text;  // trimmed, runs of blanks collapsed to one space
  int indent = 0;    // leading blanks
  bool blank() const { return text.empty(); }
};

Line MakeLine(std::string_view raw) {
  Line line;
  size_t i = 0;
  while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\t')) ++i, ++line.indent;
  bool space = false;
  for (; i < raw.size(); ++i) {
    const auto c = static_cast<unsigned char>(raw[i]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      space = true;
      continue;
    }
    if (c < 0x20 || c == 0x7f) continue;  // control bytes are no text
    if (space && !line.text.empty()) line.text += ' ';
    space = false;
    line.text += static_cast<char>(c);
  }
  return line;
}

std::vector<Line> SplitLines(std::string_view page) {
  std::vector<Line> lines;
  while (!page.empty()) {
    size_t nl = page.find('\n');
    lines.push_back(MakeLine(page.substr(0, nl)));
    if (nl == std::string_view::npos) break;
    page.remove_prefix(nl + 1);
  }
  return lines;
}

// The code point starting at s[i] (U+FFFD when malformed), and its length in bytes.
UChar32 CodePointAt(std::string_view s, size_t i, size_t* length) {
  const auto c = static_cast<unsigned char>(s[i]);
  int n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
  if (n == 0 || i + n > s.size()) {
    *length = 1;
    return 0xfffd;
  }
  UChar32 cp = n == 1 ? c : n == 2 ? (c & 0x1f) : n == 3 ? (c & 0x0f) : (c & 0x07);
  for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
  *length = static_cast<size_t>(n);
  return cp;
}

// The code point that ends at s[end) (end > 0), and its first byte.
UChar32 CodePointBefore(std::string_view s, size_t end, size_t* start) {
  size_t i = end - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xc0) == 0x80) --i;
  size_t length = 0;
  *start = i;
  return CodePointAt(s, i, &length);
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  return out;
}

// A header/footer line with its numbers blurred: "Page 3 of 12" and "Page 4 of 12" are one key.
std::string RunningKey(std::string_view text) {
  std::string key;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      if (key.empty() || key.back() != '#') key += '#';
      continue;
    }
    key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  return key;
}

// "7", "- 7 -", "Page 7", "page 7 of 12", "7/12", "[7]", "iv".
bool IsPageNumberLine(std::string_view text) {
  auto is_decoration = [](char c) { return c == '-' || c == '|' || c == '[' || c == ']' || c == '(' || c == ')' || c == ' '; };
  // En and em dashes are decoration too.
  std::string t;
  for (size_t i = 0; i < text.size(); ++i) {
    const std::string_view rest = text.substr(i);
    if (rest.starts_with("\u2013") || rest.starts_with("\u2014")) {
      t += ' ';
      i += 2;
    } else {
      t += text[i];
    }
  }
  std::string_view s = t;
  while (!s.empty() && is_decoration(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_decoration(s.back())) s.remove_suffix(1);
  if (s.empty()) return false;
  std::string lower = AsciiLower(s);
  std::string_view rest = lower;
  if (rest.rfind("page", 0) == 0) {
    rest.remove_prefix(4);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  }
  auto digits = [&rest]() {
    size_t n = 0;
    while (n < rest.size() && rest[n] >= '0' && rest[n] <= '9') ++n;
    rest.remove_prefix(n);
    return n > 0;
  };
  if (digits()) {
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (rest.empty()) return true;
    if (rest.rfind("of", 0) == 0) rest.remove_prefix(2);
    else if (rest.front() == '/') rest.remove_prefix(1);
    else return false;
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    return digits() && rest.empty();
  }
  // Lower-case roman numerals of front matter, alone on the line.
  return lower.size() <= 6 && lower.find_first_not_of("ivxlc") == std::string::npos && lower == std::string(s);
}

bool IsLetter(UChar32 cp) { return u_isalpha(cp) != 0; }

// The words of the document: written as one word, and written with a hyphen inside a line.
struct Vocabulary {
  std::unordered_set<std::string> words, hyphenated;

  void Add(std::string_view line) {
    size_t i = 0;
    while (i < line.size()) {
      size_t end = line.find(' ', i);
      if (end == std::string_view::npos) end = line.size();
      AddToken(line.substr(i, end - i));
      i = end + 1;
    }
  }
  void AddToken(std::string_view token) {
    // Trim what is neither a letter nor a hyphen at both ends.
    size_t begin = 0, end = token.size();
    while (begin < end) {
      size_t n = 0;
      UChar32 cp = CodePointAt(token, begin, &n);
      if (IsLetter(cp)) break;
      begin += n;
    }
    while (end > begin) {
      size_t start = 0;
      UChar32 cp = CodePointBefore(token, end, &start);
      if (IsLetter(cp)) break;
      end = start;
    }
    if (begin >= end) return;
    std::string word = AsciiLower(token.substr(begin, end - begin));
    if (word.find('-') != std::string::npos) hyphenated.insert(std::move(word));
    else words.insert(std::move(word));
  }
};

bool EndsSentence(std::string_view paragraph) {
  if (paragraph.empty()) return true;
  size_t start = 0;
  UChar32 cp = CodePointBefore(paragraph, paragraph.size(), &start);
  switch (cp) {
    case '.': case '!': case '?': case ':': case ';': case '"': case '\'':
    case 0x201d: case 0x2019: case 0x2026:  // ” ’ …
      return true;
    default:
      return false;
  }
}

// Appends the next line of a paragraph to it, repairing a word hyphenated at the line end.
void JoinLine(std::string* paragraph, std::string_view next, const Vocabulary& vocabulary) {
  if (paragraph->empty()) {
    paragraph->append(next);
    return;
  }
  const std::string_view soft_hyphen = "\u00ad";
  if (std::string_view(*paragraph).ends_with(soft_hyphen)) {
    paragraph->resize(paragraph->size() - soft_hyphen.size());
    paragraph->append(next);
    return;
  }
  if (paragraph->back() == '-' && paragraph->size() >= 2 && !next.empty()) {
    size_t letter_start = 0;
    const bool after_letter = IsLetter(CodePointBefore(*paragraph, paragraph->size() - 1, &letter_start));
    size_t n = 0;
    const UChar32 first = CodePointAt(next, 0, &n);
    if (after_letter && (u_isupper(first) || u_isdigit(first))) {  // "pro-" + "Russian": a compound
      paragraph->append(next);
      return;
    }
    if (after_letter && u_islower(first)) {
      size_t prefix_begin = paragraph->rfind(' ');
      prefix_begin = prefix_begin == std::string::npos ? 0 : prefix_begin + 1;
      std::string_view prefix(paragraph->data() + prefix_begin, paragraph->size() - 1 - prefix_begin);
      size_t suffix_end = 0;
      while (suffix_end < next.size()) {
        size_t k = 0;
        if (!IsLetter(CodePointAt(next, suffix_end, &k))) break;
        suffix_end += k;
      }
      const std::string suffix = AsciiLower(next.substr(0, suffix_end));
      const std::string lower_prefix = AsciiLower(prefix);
      // Trim a leading non-letter ("(Russian-") from the prefix for the lookup.
      size_t p = 0;
      while (p < lower_prefix.size()) {
        size_t k = 0;
        if (IsLetter(CodePointAt(lower_prefix, p, &k))) break;
        p += k;
      }
      const std::string stem = lower_prefix.substr(p);
      const bool compound = vocabulary.hyphenated.count(stem + "-" + suffix) > 0 &&
                            vocabulary.words.count(stem + suffix) == 0;
      if (!compound) paragraph->pop_back();
      paragraph->append(next);
      return;
    }
  }
  paragraph->push_back(' ');
  paragraph->append(next);
}

size_t CountCodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xc0) != 0x80;
  return n;
}

void SilencePoppler() {
  static std::once_flag once;
  std::call_once(once, [] {
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
  });
}

}  // namespace

bool IsPdf(std::string_view head) { return head.substr(0, 5) == "%PDF-"; }

void AssemblePages(const std::vector<std::string>& pages, PdfText* out) {
  out->text.clear();
  out->page_starts.clear();
  out->pages = static_cast<int>(pages.size());
  std::vector<std::vector<Line>> lines;
  lines.reserve(pages.size());
  for (const auto& page : pages) lines.push_back(SplitLines(page));

  // Running headers and footers: the first and last two non-blank lines of each page.
  constexpr int kEdgeLines = 2;
  constexpr size_t kLongestRunningLine = 160;
  auto edges = [&](const std::vector<Line>& page) {
    std::vector<size_t> nonblank, at;
    for (size_t i = 0; i < page.size(); ++i)
      if (!page[i].blank()) nonblank.push_back(i);
    for (size_t k = 0; k < nonblank.size(); ++k)
      if (k < kEdgeLines || k + kEdgeLines >= nonblank.size()) at.push_back(nonblank[k]);
    return at;
  };
  std::map<std::string, std::set<size_t>> pages_of_key;
  for (size_t p = 0; p < lines.size(); ++p)
    for (size_t i : edges(lines[p]))
      if (lines[p][i].text.size() <= kLongestRunningLine) pages_of_key[RunningKey(lines[p][i].text)].insert(p);
  const size_t page_count = pages.size();
  for (size_t p = 0; p < lines.size(); ++p) {
    for (size_t i : edges(lines[p])) {
      Line& line = lines[p][i];
      auto it = pages_of_key.find(RunningKey(line.text));
      const bool running = line.text.size() <= kLongestRunningLine && it != pages_of_key.end() &&
                           it->second.size() >= 2 && it->second.size() * 2 > page_count;
      if (running || IsPageNumberLine(line.text)) line.text.clear();
    }
  }

  Vocabulary vocabulary;
  for (const auto& page : lines)
    for (const auto& line : page) vocabulary.Add(line.text);

  std::string paragraph;         // the paragraph being built
  std::vector<size_t> starts;    // byte offset of each page in out->text (+ paragraph)
  auto flush = [&]() {
    if (paragraph.empty()) return;
    if (!out->text.empty()) out->text += "\n\n";
    out->text += paragraph;
    paragraph.clear();
  };
  for (size_t p = 0; p < lines.size(); ++p) {
    const auto& page = lines[p];
    int min_indent = INT_MAX;
    for (const auto& line : page)
      if (!line.blank()) min_indent = std::min(min_indent, line.indent);
    bool first_line = true;
    bool page_started = false;
    // A blank line ends the paragraph when more text follows on the page (at the bottom of a
    // page, blank lines before a footer say nothing).
    bool pending_break = false;
    // Where the paragraph being built will begin in out->text once flushed.
    auto paragraph_base = [&]() { return out->text.size() + (out->text.empty() ? 0 : 2); };
    for (const auto& line : page) {
      if (line.blank()) {
        pending_break = !first_line;
        continue;
      }
      const bool indented = line.indent >= min_indent + 3;
      if (first_line) {
        first_line = false;
        page_started = true;
        // A paragraph cut by the page break continues unless the new page starts a new one.
        if (!paragraph.empty() && !indented && !EndsSentence(paragraph)) {
          JoinLine(&paragraph, line.text, vocabulary);  // a space, or the hyphenated word repaired
          starts.push_back(paragraph_base() + paragraph.size() - line.text.size());
        } else {
          flush();
          starts.push_back(paragraph_base());
          paragraph = line.text;
        }
        continue;
      }
      if (indented || pending_break) flush();
      pending_break = false;
      JoinLine(&paragraph, line.text, vocabulary);
    }
    if (!page_started) {  // nothing on the page: it begins where the next text will
      flush();
      starts.push_back(paragraph_base());
    }
    // A page ending in a complete sentence ends its paragraph.
    if (EndsSentence(paragraph)) flush();
  }
  flush();
  while (!out->text.empty() && (out->text.back() == ' ' || out->text.back() == '\n')) out->text.pop_back();

  // Byte offsets -> code points.
  size_t done_bytes = 0, code_points = 0;
  for (size_t start : starts) {
    start = std::min(start, out->text.size());
    if (start < done_bytes) start = done_bytes;
    code_points += CountCodePoints(std::string_view(out->text).substr(done_bytes, start - done_bytes));
    done_bytes = start;
    out->page_starts.push_back(static_cast<int64_t>(code_points));
  }
  if (!out->page_starts.empty()) out->page_starts[0] = 0;
}

Status ExtractPdf(std::string_view bytes, PdfText* out) {
  *out = PdfText();
  if (!IsPdf(bytes)) return Status::Error("not a PDF file (no %PDF- at its start)").WithKind("not a PDF file");
  if (bytes.substr(bytes.size() > 2048 ? bytes.size() - 2048 : 0).find("%%EOF") == std::string_view::npos)
    return Status::Error("truncated PDF: no %%EOF at its end (the file is incomplete)").WithKind("truncated PDF");
  if (bytes.size() > static_cast<size_t>(INT_MAX))
    return Status::ResourceExhausted("PDF too large for poppler (over 2 GiB)").WithKind("PDF too large");
  SilencePoppler();
  std::vector<std::string> pages;
  std::string title;
  try {
    std::unique_ptr<poppler::document> document(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!document) return Status::Error("damaged PDF: poppler cannot read it").WithKind("damaged PDF");
    if (document->is_locked()) return Status::Error("encrypted PDF: it needs a password").WithKind("encrypted PDF");
    const int count = document->pages();
    if (count <= 0) return Status::Error("damaged PDF: poppler finds no pages").WithKind("damaged PDF");
    for (int i = 0; i < count; ++i) {
      std::unique_ptr<poppler::page> page(document->create_page(i));
      if (!page) {
        pages.emplace_back();
        continue;
      }
      const poppler::byte_array utf8 = page->text().to_utf8();
      pages.emplace_back(utf8.begin(), utf8.end());
    }
    const poppler::byte_array title_utf8 = document->get_title().to_utf8();
    title.assign(title_utf8.begin(), title_utf8.end());
  } catch (const std::exception& e) {
    return Status::Error(std::string("damaged PDF: ") + e.what()).WithKind("damaged PDF");
  }
  for (auto& page : pages)
    if (normalize::FindInvalidUtf8(page) != std::string_view::npos) page = normalize::RepairUtf8(page);
  AssemblePages(pages, out);
  if (out->text.empty()) {
    return Status::Error("no text layer: it needs OCR (e.g. ocrmypdf), " + std::to_string(pages.size()) +
                         (pages.size() == 1 ? " page" : " pages") + " of images")
        .WithKind("no text layer");
  }
  Line cleaned = MakeLine(title);
  if (normalize::FindInvalidUtf8(cleaned.text) == std::string_view::npos) out->title = cleaned.text;
  return Status::Ok();
}

}  // namespace dyad::read
