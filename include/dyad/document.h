// Document: one input text (an article, a TABARI record, a JSONL line) as read.
#ifndef DYAD_DOCUMENT_H_
#define DYAD_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "dyad/date.h"

namespace dyad {

enum class InputFormat { kAuto, kText, kTabari, kJsonl, kHtml, kPdf, kFeed };

// "text", "tabari", "jsonl", "html", "pdf", "feed", "auto".
const char* InputFormatName(InputFormat format);

struct Document {
  std::string id;        // from the input, or derived from the file name / hash
  Date date;             // publication date (may be unknown)
  std::string source;    // publisher or feed
  std::string url;
  std::string title;
  std::string language;  // BCP 47, "" when unknown
  // The text as read, UTF-8 (for HTML: the extracted article body, paragraphs
  // separated by blank lines). Every offset dyad reports counts Unicode code
  // points from the start of this string.
  std::string text;
  std::string sha256;    // hex SHA-256 of the document's original bytes
  std::string origin;    // file path (or "-") and line/record the document came from
  InputFormat format = InputFormat::kAuto;
  // Paged documents (PDF): where each page begins in `text`, in code points, ascending;
  // page_starts[0] == 0 is page 1. Empty when the document has no pages.
  std::vector<int64_t> page_starts;
};

// The 1-based page holding code point `offset` of document.text; 0 when the
// document has no pages or the offset is negative.
int PageAt(const Document& document, int64_t offset);

}  // namespace dyad

#endif  // DYAD_DOCUMENT_H_
