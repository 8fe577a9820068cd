// PDF text extraction with poppler (libpoppler-cpp): the text of every page in
// reading order, cleaned as a reader of the printed report would read it.
//
// Cleaning (AssemblePages, separate so it is testable without a PDF):
//   - running headers and footers removed: a line among the first or last two
//     non-blank lines of a page that recurs (digits ignored, so "Page 3" and
//     "Page 4" are one line) on more than half the pages, at least two; a line
//     holding only a page number ("7", "- 7 -", "Page 7 of 12") at the top or
//     bottom of a page;
//   - paragraphs: a blank line or an indented line starts one; the lines of a
//     paragraph are joined by a space, paragraphs separated by a blank line; a
//     paragraph cut by a page break (no final punctuation, next page not
//     indented) continues across it;
//   - hyphenation at line ends repaired: "administra-" + "tion" -> "administration";
//     the hyphen stays when the next line starts with a capital or a digit
//     ("pro-" + "Russian") or when the document writes the compound with a hyphen
//     elsewhere and never as one word ("Russian-" + "backed"); a soft hyphen
//     (U+00AD) at a line end always joins.
// Never prints (poppler's own error messages are silenced). Thread-safe.
#ifndef DYAD_READ_PDF_EXTRACT_H_
#define DYAD_READ_PDF_EXTRACT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"

namespace dyad::read {

struct PdfText {
  std::string text;                   // UTF-8, paragraphs separated by blank lines
  std::vector<int64_t> page_starts;   // code point where page i+1 begins (Document::page_starts)
  std::string title;                  // the PDF's Title entry, "" when absent
  int pages = 0;
};

// Whether `head` (the first bytes of an input) is a PDF: "%PDF-" at the start.
bool IsPdf(std::string_view head);

// Extracts the text of a whole PDF file. Errors (one line, without the file name):
//   "encrypted PDF: it needs a password"
//   "truncated PDF: no %%EOF at its end (the file is incomplete)"
//   "damaged PDF: poppler cannot read it"            (no document, no pages)
//   "no text layer: it needs OCR (e.g. ocrmypdf), N pages of images"
Status ExtractPdf(std::string_view bytes, PdfText* out);

// The cleaning step: each element of `pages` is one page's text as poppler
// gives it (lines separated by '\n', a trailing form feed allowed). Fills
// out->text and out->page_starts (out->pages = pages.size()).
void AssemblePages(const std::vector<std::string>& pages, PdfText* out);

}  // namespace dyad::read

#endif  // DYAD_READ_PDF_EXTRACT_H_
