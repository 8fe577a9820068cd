// PDF input: the cleaning of page text (AssemblePages) on hand-made pages, and the whole
// reader on PDFs typeset at build time from tests/pdf/ (report, encrypted, truncated, scan).
#include "read/pdf_extract.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "dyad/reader.h"
#include "scratch_dir.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

std::string TestPdf(const std::string& name) { return std::string(DYAD_BINARY_DIR) + "/test_pdfs/" + name; }

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The code point offset of the first occurrence of `needle` in `text` (-1 when absent).
int64_t CodePointOf(const std::string& text, const std::string& needle) {
  size_t at = text.find(needle);
  if (at == std::string::npos) return -1;
  int64_t n = 0;
  for (size_t i = 0; i < at; ++i) n += (static_cast<unsigned char>(text[i]) & 0xc0) != 0x80;
  return n;
}

int PageOf(const read::PdfText& pdf, const std::string& needle) {
  Document doc;
  doc.text = pdf.text;
  doc.page_starts = pdf.page_starts;
  return PageAt(doc, CodePointOf(pdf.text, needle));
}

read::PdfText Assemble(const std::vector<std::string>& pages) {
  read::PdfText pdf;
  read::AssemblePages(pages, &pdf);
  return pdf;
}

TEST(AssemblePagesTest, RemovesRunningHeadersFootersAndPageNumbers) {
  const auto pdf = Assemble({
      "Monitoring Report                March 2024\n\n      First page body sentence one.\n\n\n   - 1 -\n\f",
      "Monitoring Report                March 2024\n\n      Second page body sentence.\n\n   - 2 -\n\f",
      "Monitoring Report                March 2024\n\n      Third page body sentence.\n\n   Page 3 of 3\n",
  });
  EXPECT_THAT(pdf.text, Not(HasSubstr("Monitoring Report")));
  EXPECT_THAT(pdf.text, Not(HasSubstr("- 2 -")));
  EXPECT_THAT(pdf.text, Not(HasSubstr("Page 3")));
  EXPECT_EQ(pdf.text, "First page body sentence one.\n\nSecond page body sentence.\n\nThird page body sentence.");
  EXPECT_EQ(pdf.pages, 3);
  ASSERT_EQ(pdf.page_starts.size(), 3u);
  EXPECT_EQ(pdf.page_starts[0], 0);
  EXPECT_EQ(pdf.page_starts[1], CodePointOf(pdf.text, "Second"));
  EXPECT_EQ(pdf.page_starts[2], CodePointOf(pdf.text, "Third"));
}

TEST(AssemblePagesTest, KeepsALineFoundAtThePageTopOfOnlyOnePage) {
  const auto pdf = Assemble({
      "Executive summary\n      Alpha reported shelling.\n",
      "      Beta reported shelling.\n",
      "      Gamma reported shelling.\n",
  });
  EXPECT_THAT(pdf.text, StartsWith("Executive summary"));
}

TEST(AssemblePagesTest, RepairsWordsHyphenatedAtLineEnds) {
  const auto pdf = Assemble({
      "      The regional administra-\ntion said the pro-\nRussian units and the Russian-\nbacked militias left.\n"
      "      A second paragraph names Russian-backed forces and re-\nturns to the town.\n",
  });
  EXPECT_THAT(pdf.text, HasSubstr("The regional administration said"));
  EXPECT_THAT(pdf.text, HasSubstr("the pro-Russian units"));
  EXPECT_THAT(pdf.text, HasSubstr("the Russian-backed militias"));  // written so elsewhere
  EXPECT_THAT(pdf.text, HasSubstr("and returns to the town"));
}

TEST(AssemblePagesTest, JoinsASoftHyphenAndIndentedLinesStartParagraphs) {
  const auto pdf = Assemble({"      Humani\u00ad\ntarian aid arrived.\n      Another paragraph.\n"});
  EXPECT_EQ(pdf.text, "Humanitarian aid arrived.\n\nAnother paragraph.");
}

TEST(AssemblePagesTest, ASentenceCutByAPageBreakContinuesOnTheNextPage) {
  const auto pdf = Assemble({
      "      Troops crossed the border near the vil-\n\n\n        7\n",
      "lage of Hoptivka at dawn.\n      Officials confirmed it.\n\n        8\n",
  });
  EXPECT_THAT(pdf.text, HasSubstr("near the village of Hoptivka at dawn."));
  ASSERT_EQ(pdf.page_starts.size(), 2u);
  // Page 2 begins inside the word repaired across the break.
  EXPECT_EQ(pdf.page_starts[1], CodePointOf(pdf.text, "lage of Hoptivka"));
  EXPECT_EQ(PageOf(pdf, "Troops"), 1);
  EXPECT_EQ(PageOf(pdf, "Officials"), 2);
}

TEST(AssemblePagesTest, AnEmptyPageKeepsTheNumberingOfTheOthers) {
  const auto pdf = Assemble({"      One.\n", "", "      Three.\n"});
  EXPECT_EQ(pdf.text, "One.\n\nThree.");
  EXPECT_EQ(PageOf(pdf, "Three"), 3);
  EXPECT_EQ(PageOf(pdf, "One"), 1);
}

TEST(PageAtTest, NoPagesIsZero) {
  Document doc;
  doc.text = "abc";
  EXPECT_EQ(PageAt(doc, 1), 0);
  doc.page_starts = {0, 2};
  EXPECT_EQ(PageAt(doc, 1), 1);
  EXPECT_EQ(PageAt(doc, 2), 2);
  EXPECT_EQ(PageAt(doc, -1), 0);
}

TEST(ExtractPdfTest, ReadsTheTypesetReportInReadingOrderWithItsPages) {
  read::PdfText pdf;
  Status s = read::ExtractPdf(Slurp(TestPdf("report.pdf")), &pdf);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(pdf.pages, 3);
  EXPECT_EQ(pdf.title, "Shelling of Kharkiv Oblast, March 2024");
  EXPECT_THAT(pdf.text, StartsWith("Shelling of Kharkiv Oblast\n\nThe regional administration of Kharkiv said"));
  EXPECT_THAT(pdf.text, HasSubstr("Witnesses saw Russian-backed militias"));
  EXPECT_THAT(pdf.text, HasSubstr("continued into the evening of the same day, according to residents"));
  EXPECT_THAT(pdf.text, Not(HasSubstr("Field Monitoring Mission")));  // running header
  EXPECT_THAT(pdf.text, Not(HasSubstr("Report 7/2024")));
  EXPECT_THAT(pdf.text, Not(HasSubstr("Page 2")));                    // running footer
  EXPECT_EQ(PageOf(pdf, "Witnesses saw"), 1);
  EXPECT_EQ(PageOf(pdf, "Ukrainian officials accused"), 2);
  EXPECT_EQ(PageOf(pdf, "Belarus hosted"), 3);
}

TEST(ExtractPdfTest, EncryptedTruncatedAndImageOnlyPdfsAreOneLineEach) {
  const std::pair<const char*, const char*> kCases[] = {
      {"encrypted.pdf", "encrypted PDF: it needs a password"},
      {"truncated.pdf", "truncated PDF"},
      {"scan.pdf", "no text layer: it needs OCR"},
  };
  for (const auto& [file, expected] : kCases) {
    read::PdfText pdf;
    Status s = read::ExtractPdf(Slurp(TestPdf(file)), &pdf);
    EXPECT_FALSE(s.ok()) << file;
    EXPECT_THAT(s.message(), HasSubstr(expected)) << file;
    EXPECT_EQ(s.message().find('\n'), std::string::npos) << file;
  }
}

TEST(ExtractPdfTest, GarbageAfterThePdfMarkerIsDamagedNotACrash) {
  read::PdfText pdf;
  Status s = read::ExtractPdf("%PDF-1.7\nnot really a pdf at all\n%%EOF\n", &pdf);
  EXPECT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("PDF"));
}

// The reader finds a PDF by its bytes, whatever its name, and keeps its pages.
TEST(PdfReaderTest, APdfNamedTxtIsReadAsPdfWithPages) {
  const fs::path copy = dyad::tests::ProcessScratchDir("dyad_pdf_test") / "report.txt";
  fs::copy_file(TestPdf("report.pdf"), copy, fs::copy_options::overwrite_existing);
  std::unique_ptr<DocumentReader> reader;
  ASSERT_TRUE(DocumentReader::Open(copy.string(), InputFormat::kAuto, {}, &reader).ok());
  EXPECT_EQ(reader->format(), InputFormat::kPdf);
  Document doc;
  bool done = false;
  Status s = reader->Next(&doc, &done);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_FALSE(done);
  EXPECT_EQ(doc.format, InputFormat::kPdf);
  EXPECT_EQ(doc.title, "Shelling of Kharkiv Oblast, March 2024");
  EXPECT_EQ(doc.page_starts.size(), 3u);
  EXPECT_EQ(doc.sha256.size(), 64u);
  EXPECT_EQ(PageAt(doc, CodePointOf(doc.text, "Belarus hosted")), 3);
  ASSERT_TRUE(reader->Next(&doc, &done).ok());
  EXPECT_TRUE(done);
  fs::remove(copy);
}

TEST(PdfReaderTest, ErrorsNameTheFile) {
  std::unique_ptr<DocumentReader> reader;
  ASSERT_TRUE(DocumentReader::Open(TestPdf("scan.pdf"), InputFormat::kAuto, {}, &reader).ok());
  Document doc;
  bool done = false;
  Status s = reader->Next(&doc, &done);
  EXPECT_FALSE(s.ok());
  EXPECT_THAT(s.message(), StartsWith(TestPdf("scan.pdf") + ": no text layer: it needs OCR"));
  ASSERT_TRUE(reader->Next(&doc, &done).ok());
  EXPECT_TRUE(done);
}

TEST(PdfReaderTest, APdfForcedToTextIsRefused) {
  std::unique_ptr<DocumentReader> reader;
  Status s = DocumentReader::Open(TestPdf("report.pdf"), InputFormat::kText, {}, &reader);
  EXPECT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("a PDF file, not text"));
}

}  // namespace
}  // namespace dyad
