// sources.tsv: provenance for a folder's files without headers.
#include "read/provenance.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace dyad::read {
namespace {

using ::testing::HasSubstr;

TEST(SourcesTableTest, ReadsRowsInAnyColumnOrderWithAFolderDefault) {
  std::map<std::string, Provenance> rows;
  Status s = ParseSourcesTable(
      "# provenance of the reports\n"
      "title\tfile\tsource\tdate\turl\n"
      "\t*\tNorwegian Helsinki Committee\t\t\n"
      "Belarus report\tnhc.pdf\t\t2024-03-25\thttps://example.org/nhc\n"
      "\n",
      "dir/sources.tsv", &rows);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(rows.size(), 2u);
  Provenance p = rows["*"];
  p.Merge(rows["nhc.pdf"]);
  EXPECT_EQ(p.source, "Norwegian Helsinki Committee");  // from the folder's row
  EXPECT_EQ(p.title, "Belarus report");
  EXPECT_EQ(p.url, "https://example.org/nhc");
  ASSERT_TRUE(p.date.has_value());
  EXPECT_EQ(p.date->ToIso(), "2024-03-25");

  Document doc;
  doc.title = "from the PDF";
  doc.id = "nhc-report-2024";
  p.ApplyTo(&doc);
  EXPECT_EQ(doc.title, "Belarus report");  // given provenance overrides what the file says
  EXPECT_EQ(doc.id, "nhc-report-2024");    // and leaves the rest
}

TEST(SourcesTableTest, ErrorsNameTheFileAndLine) {
  std::map<std::string, Provenance> rows;
  Status s = ParseSourcesTable("file\tdate\na.pdf\t25/03/2024\n", "dir/sources.tsv", &rows);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.message(), "dir/sources.tsv:2: invalid date: '25/03/2024' (expected YYYY-MM-DD)");
  s = ParseSourcesTable("date\tsource\n", "dir/sources.tsv", &rows);
  EXPECT_THAT(s.message(), HasSubstr("dir/sources.tsv:1: no 'file' column"));
  s = ParseSourcesTable("file\tdate\na.pdf\t2024-01-01\textra\n", "s.tsv", &rows);
  EXPECT_EQ(s.message(), "s.tsv:2: 3 cells, the header has 2");
  s = ParseSourcesTable("file\tdate\na.pdf\t2024-01-01\na.pdf\t2024-01-02\n", "s.tsv", &rows);
  EXPECT_EQ(s.message(), "s.tsv:3: 'a.pdf' has a row already");
}

}  // namespace
}  // namespace dyad::read
