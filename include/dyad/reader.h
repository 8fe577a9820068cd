// DocumentReader: streams Documents out of a file or stdin in one of four
// formats (docs/input-formats.md has the full description).
//
// Example:
//   std::unique_ptr<dyad::DocumentReader> reader;
//   if (auto s = dyad::DocumentReader::Open(path, dyad::InputFormat::kAuto, {}, &reader); !s.ok()) {
//     ... s.message() ...   // "articles/x.html: no such file"
//   }
//   dyad::Document doc;
//   bool done = false;
//   while (true) {
//     dyad::Status s = reader->Next(&doc, &done);
//     if (!s.ok()) { report(s.message()); if (done) break; continue; }  // one bad document
//     if (done) break;
//     use(doc);
//   }
//
// Formats:
//   kText    one document per file; optional header lines at the top ("date:",
//            "source:", "url:", "title:", "id:", "language:"; case-insensitive).
//            On stdin, documents are separated by a line holding only a form
//            feed or only "---".
//   kJsonl   one JSON object per line: {"id","date","text","url","source","title","language"}.
//   kTabari  TABARI .text records ("YYMMDD ID" line, sentence lines, blank line).
//   kHtml    one web page: the article body is extracted (boilerplate dropped).
//   kPdf     one PDF file (found by its "%PDF-" start, whatever its name): the
//            text layer in reading order, running headers/footers and line-end
//            hyphenation repaired, Document::page_starts set. An encrypted,
//            truncated or image-only PDF is one error ("report.pdf: no text
//            layer: it needs OCR ...").
//   kFeed    an RSS 2.0 or Atom feed: one document per item (date, link,
//            source, title); a broken item is one error ("feed.xml:40: item 3:
//            not well-formed XML: ...") and the next items are still read.
//   kAuto    DetectFormat() on the path and the first 64 KiB.
//
// Errors are one line and start with the path ("stdin" for "-"), then the line
// where one is known: "feed.jsonl:12: invalid JSON: ...". Open() fails for a
// missing/unreadable file, an empty input and a binary file (NUL bytes in the
// first 64 KiB). Next() fails for one document at a time (invalid JSON, invalid
// UTF-8 unless lenient, a document over max_document_bytes, a bad header date);
// then *done is false and the next call continues with the following document.
// *done is true with an error only when the input cannot be read further.
//
// Memory is bounded by max_document_bytes (plus the 64 KiB read buffer)
// whatever the input size. Thread-compatible: one reader per thread. Never throws.
#ifndef DYAD_READER_H_
#define DYAD_READER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "dyad/document.h"
#include "dyad/status.h"

namespace dyad {

struct ReaderOptions {
  // Replace invalid UTF-8 by U+FFFD instead of failing the document.
  bool lenient = false;
  // Largest document (text file, stdin text document, JSONL line, HTML page)
  // in bytes; a larger one is an error "document too large" and is skipped.
  size_t max_document_bytes = size_t{8} << 20;
  // Largest PDF file in bytes (its extracted text is then held to max_document_bytes).
  size_t max_pdf_bytes = size_t{256} << 20;
  // Largest feed file in bytes (each item is then held to max_document_bytes).
  size_t max_feed_bytes = size_t{64} << 20;
  // TABARI records with 8-digit dates (YYYYMMDD).
  bool tabari_yyyy = false;
  // Fill Document::sha256. `dyad code`, which never shows it, turns it off (hashing each
  // document was 2 % of its time).
  bool hash = true;
  // Where data/read/html_boilerplate.txt is found; empty = $DYAD_DATA, else
  // the build's data/ folder.
  std::string data_dir;
};

// The format of `path` given its first bytes: "%PDF-" -> kPdf; an <rss> or Atom
// <feed> root element -> kFeed (also for .xml, .rss, .atom files); the extension (.jsonl .ndjson
// .json -> kJsonl, .html .htm .xhtml -> kHtml), else the content: a first
// non-blank line "YYMMDD[DD] ID" with a valid date and a one-word id, then a
// body line, and the first record ending within `head` (unless head is the
// whole input) -> kTabari; '{' -> kJsonl, "<!doctype" or "<html" -> kHtml,
// else kText. .txt files are sniffed for TABARI records and HTML.
InputFormat DetectFormat(std::string_view path, std::string_view head);

class DocumentReader {
 public:
  // path "-" reads stdin. format kAuto detects.
  static Status Open(const std::string& path, InputFormat format, const ReaderOptions& options,
                     std::unique_ptr<DocumentReader>* out);
  virtual ~DocumentReader();

  // Reads the next document into *doc (all fields overwritten). At the end of
  // the input returns Ok with *done = true. See the header comment for errors.
  virtual Status Next(Document* doc, bool* done) = 0;

  // The format being read (never kAuto after Open).
  virtual InputFormat format() const = 0;

 protected:
  DocumentReader() = default;
};

}  // namespace dyad

#endif  // DYAD_READER_H_
