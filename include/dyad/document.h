// Document: one input text (an article, a TABARI record, a JSONL line) as read.
#ifndef DYAD_DOCUMENT_H_
#define DYAD_DOCUMENT_H_

#include <string>

#include "dyad/date.h"

namespace dyad {

enum class InputFormat { kAuto, kText, kTabari, kJsonl, kHtml };

// "text", "tabari", "jsonl", "html", "auto".
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
};

}  // namespace dyad

#endif  // DYAD_DOCUMENT_H_
