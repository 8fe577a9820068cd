// Article extraction from an HTML page (gumbo, a conforming HTML5 parser).
//
// The body is taken from the largest <article> (unless it holds less than a
// quarter of the text of <main>), else <main> / role="main", else the element
// whose direct <p> children hold the most text, else <body>. Inside it,
// boilerplate listed in data/read/html_boilerplate.txt is dropped: elements by
// tag (script, nav, header, footer, aside, form ...), by class/id word (share,
// cookie, contact, byline ...), by ARIA role, hidden elements, containers whose
// first heading is "Contact us" / "Kontakt oss" / "About the author" ..., short
// paragraphs with an e-mail address or a phone number (bylines, contact
// lines), short paragraphs with a listed phrase (cookie notices, copyright),
// and share bars (paragraphs made only of share words).
// Block elements become paragraphs separated by blank lines; whitespace is
// collapsed; entities are decoded.
//
// Metadata: title from og:title, twitter:title, <title> (before " | "), or the
// first <h1>; date from article:published_time / datePublished / date-like
// <meta>, else the first <time datetime> in the article, else in the page;
// source from og:site_name; url from og:url or <link rel=canonical>; language
// from <html lang>.
//
// Thread-safe: HtmlBoilerplate is immutable after Load. Never throws.
#ifndef DYAD_READ_HTML_EXTRACT_H_
#define DYAD_READ_HTML_EXTRACT_H_

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "dyad/date.h"
#include "dyad/status.h"

namespace dyad::read {

struct HtmlBoilerplate {
  std::unordered_set<std::string> drop_tags, drop_roles, share_words;
  std::vector<std::string> drop_classes, drop_headings, drop_paragraphs;

  // Errors: "path: no such file", "path:line: entry outside a section: 'x'",
  // "path:line: unknown section '[x]'".
  static Status Load(const std::string& path, HtmlBoilerplate* out);
  // <data_dir>/read/html_boilerplate.txt, loaded once per data_dir (thread-safe).
  static Status Default(const std::string& data_dir, const HtmlBoilerplate** out);
};

struct HtmlArticle {
  std::string title;
  Date date;
  std::string source;
  std::string url;
  std::string language;
  std::string text;  // paragraphs separated by "\n\n"
};

// Limits on hostile pages (docs/input-formats.md): the parser may use at most
// kHtmlParseBaseBytes + kHtmlParseBytesPerInputByte * html.size() bytes, and
// the tree may be at most kHtmlMaxDepth elements deep (kHtmlMaxEstimatedDepth
// for a first estimate from the tags alone). Past either the page
// fails with one line ("HTML too complex: ..." / "HTML nested too deeply ...").
inline constexpr size_t kHtmlMaxDepth = 512;
// Pages whose tags alone open more elements than this are refused before
// parsing (the parser's time grows with the square of the depth).
inline constexpr size_t kHtmlMaxEstimatedDepth = 4096;
inline constexpr size_t kHtmlParseBaseBytes = size_t{32} << 20;
inline constexpr size_t kHtmlParseBytesPerInputByte = 24;

// `html` must be valid UTF-8. Fails when gumbo cannot parse it within the
// limits above.
Status ExtractHtml(std::string_view html, const HtmlBoilerplate& boilerplate, HtmlArticle* out);

}  // namespace dyad::read

#endif  // DYAD_READ_HTML_EXTRACT_H_
