// Real inputs through the dyad binary (issue 13): PDF reports with their pages, provenance for
// files without headers, feeds, and the options every sub-command shares.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "scratch_dir.h"

namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

// Emptied at start, removed at exit (scratch_dir.h).
fs::path TempDir() { return dyad::tests::ProcessScratchDir("dyad_inputs_test"); }

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path Write(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

std::string TestPdf(const std::string& name) { return std::string(DYAD_BINARY_DIR) + "/test_pdfs/" + name; }

struct RunResult {
  int exit_code = -1;
  std::string out, err;
};

// Runs `[ENV] dyad ARGS [< STDIN]` from the temp folder.
RunResult Dyad(const std::string& args, const std::string& env = "", const std::string& stdin_file = "/dev/null") {
  const fs::path out = TempDir() / "stdout", err = TempDir() / "stderr";
  const std::string command = "cd " + TempDir().string() + " && " + env + " " + std::string(DYAD_BINARY_DIR) +
                              "/tools/dyad/dyad " + args + " < " + stdin_file + " > " + out.string() + " 2> " +
                              err.string();
  const int status = std::system(command.c_str());
  RunResult run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = Slurp(out);
  run.err = Slurp(err);
  return run;
}

std::vector<nlohmann::json> JsonLines(const std::string& text) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

// A folder of PDFs, good and bad, beside a text file: the good ones are stored with the page of
// each event, each bad one is one line naming it, and the others are still ingested.
TEST(PdfIngestTest, EventsKeepTheirPageAndBadPdfsAreOneLineEach) {
  const fs::path folder = TempDir() / "reports";
  fs::create_directories(folder);
  for (const char* name : {"report.pdf", "encrypted.pdf", "truncated.pdf", "scan.pdf"})
    fs::copy_file(TestPdf(name), folder / name, fs::copy_options::overwrite_existing);
  // A PDF without the extension is still a PDF.
  fs::copy_file(TestPdf("report.pdf"), folder / "report.pdf.download", fs::copy_options::overwrite_existing);
  Write(folder / "note.txt", "Russian forces shelled Kharkiv on 3 March 2024.\n");
  const std::string db = (TempDir() / "pdf.db").string();

  RunResult ingest = Dyad("ingest --threads 1 --db " + db + " " + folder.string());
  EXPECT_EQ(ingest.exit_code, 3) << ingest.err;  // some inputs failed
  EXPECT_THAT(ingest.out, HasSubstr("2 new, 1 duplicate"));
  EXPECT_THAT(ingest.out, HasSubstr((folder / "encrypted.pdf").string() + ": encrypted PDF: it needs a password\n"));
  EXPECT_THAT(ingest.out, HasSubstr((folder / "truncated.pdf").string() + ": truncated PDF"));
  EXPECT_THAT(ingest.out, HasSubstr((folder / "scan.pdf").string() + ": no text layer: it needs OCR"));

  RunResult events = Dyad("events --format jsonl --db " + db);
  ASSERT_EQ(events.exit_code, 0) << events.err;
  int with_page = 0;
  for (const auto& e : JsonLines(events.out)) {
    const std::string sentence = e["sentence"];
    if (e["doc_id"] == "note") {
      EXPECT_TRUE(e["page"].is_null());
      continue;
    }
    ++with_page;
    if (sentence.starts_with("The regional administration of Kharkiv")) {
      EXPECT_EQ(e["page"], 1);
    }
    if (sentence.starts_with("Ukrainian officials accused Russia")) {
      EXPECT_EQ(e["page"], 2);
    }
    if (sentence.starts_with("Belarus hosted Russian troops")) {
      EXPECT_EQ(e["page"], 3);
      RunResult show = Dyad("show --db " + db + " " + std::to_string(e["id"].get<int64_t>()));
      EXPECT_THAT(show.out, HasSubstr("  page:      3\n"));
    }
  }
  EXPECT_GE(with_page, 3);

  RunResult table = Dyad("events --format table --actor BLR --db " + db);
  EXPECT_THAT(table.out, HasSubstr("(p. 3) Belarus hosted Russian troops"));
  RunResult doc = Dyad("show report --db " + db);
  EXPECT_THAT(doc.out, HasSubstr("(pdf, 3 pages)"));
  EXPECT_THAT(doc.out, HasSubstr("Shelling of Kharkiv Oblast, March 2024"));
}

// A file without headers takes its provenance from the command line: the document is dated (its
// events too), named and sourced, and search names it by its title or file name, never "d1" alone.
TEST(ProvenanceTest, FlagsGiveAHeaderlessFileItsDateSourceAndUrl) {
  const fs::path file = Write(TempDir() / "given" / "nhc-belarus.txt",
                              "Belarusian police detained dozens of protesters in Minsk.\n");
  const std::string db = (TempDir() / "given.db").string();
  RunResult ingest = Dyad("ingest --db " + db + " " + file.string() +
                          " --date 2024-03-25 --source 'Norwegian Helsinki Committee' --url https://example.org/nhc");
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err << ingest.out;
  RunResult doc = Dyad("show nhc-belarus --db " + db);
  EXPECT_THAT(doc.out, HasSubstr("  source:    Norwegian Helsinki Committee\n"));
  EXPECT_THAT(doc.out, HasSubstr("  url:       https://example.org/nhc\n"));
  EXPECT_THAT(doc.out, HasSubstr("  date:      2024-03-25\n"));
  RunResult events = Dyad("events --format jsonl --db " + db);
  const auto lines = JsonLines(events.out);
  ASSERT_FALSE(lines.empty()) << events.err;
  EXPECT_EQ(lines[0]["date"], "2024-03-25");
  RunResult search = Dyad("search protesters --db " + db);
  EXPECT_THAT(search.out, HasSubstr("2024-03-25  nhc-belarus.txt - Norwegian Helsinki Committee\n"));

  RunResult bad = Dyad("ingest --db " + db + " " + file.string() + " --date 25.03.2024");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err, "dyad: ingest: invalid --date '25.03.2024' (expected YYYY-MM-DD)\n");
}

// A folder's sources.tsv gives each file its provenance; it is not ingested itself; a bad one
// stops the ingest before anything is stored, with its file and line.
TEST(ProvenanceTest, AFoldersSourcesTsvGivesEachFileItsProvenance) {
  const fs::path folder = TempDir() / "folder";
  Write(folder / "a.txt", "Russian forces shelled Kharkiv.\n");
  Write(folder / "b.txt", "Ukrainian officials condemned Russia.\n");
  fs::copy_file(TestPdf("report.pdf"), folder / "report.pdf", fs::copy_options::overwrite_existing);
  Write(folder / "sources.tsv",
        "file\tdate\tsource\turl\ttitle\n"
        "*\t\tField Monitoring Mission\t\t\n"
        "a.txt\t2024-03-01\t\thttps://example.org/a\tShelling of Kharkiv\n"
        "report.pdf\t2024-03-20\t\t\t\n");
  const std::string db = (TempDir() / "folder.db").string();
  RunResult ingest = Dyad("ingest --db " + db + " " + folder.string());
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err << ingest.out;
  EXPECT_THAT(ingest.out, HasSubstr("3 new"));  // sources.tsv is no document
  RunResult a = Dyad("show a --db " + db);
  EXPECT_THAT(a.out, HasSubstr("  Shelling of Kharkiv\n  id:        a\n"));
  EXPECT_THAT(a.out, HasSubstr("  source:    Field Monitoring Mission\n"));
  EXPECT_THAT(a.out, HasSubstr("  date:      2024-03-01\n"));
  RunResult b = Dyad("show b --db " + db);
  EXPECT_THAT(b.out, HasSubstr("  source:    Field Monitoring Mission\n"));
  EXPECT_THAT(b.out, HasSubstr("  date:      (unknown)\n"));
  RunResult pdf = Dyad("show report --db " + db);
  EXPECT_THAT(pdf.out, HasSubstr("  date:      2024-03-20\n"));
  EXPECT_THAT(pdf.out, HasSubstr("Shelling of Kharkiv Oblast, March 2024"));  // its own title kept
  RunResult search = Dyad("search Belarus --db " + db);
  EXPECT_THAT(search.out, HasSubstr("Shelling of Kharkiv Oblast, March 2024 (p. 3) - Field Monitoring Mission"));

  Write(folder / "sources.tsv", "file\tdate\nb.txt\tyesterday\n");
  const std::string db2 = (TempDir() / "folder2.db").string();
  RunResult bad = Dyad("ingest --db " + db2 + " " + folder.string());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err, "dyad: ingest: " + (folder / "sources.tsv").string() +
                         ":2: invalid date: 'yesterday' (expected YYYY-MM-DD)\n");
  EXPECT_FALSE(fs::exists(db2));
}

// A feed piped in: one document per good item with its date, link and source; each broken item
// is one line naming it, and the good ones are kept.
TEST(FeedIngestTest, PipedRssKeepsGoodItemsAndNamesBrokenOnes) {
  const fs::path feed = Write(TempDir() / "feed.xml",
                              "<?xml version=\"1.0\"?>\n"
                              "<rss version=\"2.0\"><channel><title>Kharkiv Monitor</title>\n"
                              "<item><title>Kupiansk</title><link>https://example.org/k</link>\n"
                              "<pubDate>Tue, 12 Mar 2024 09:30:00 GMT</pubDate>\n"
                              "<description>Russian forces shelled Kupiansk.</description></item>\n"
                              "<item><title>Broken & bad</title><description>x</description></item>\n"
                              "<item><title>Convoy</title><link>https://example.org/c</link>\n"
                              "<pubDate>13 Mar 2024</pubDate>\n"
                              "<description>Ukrainian officials accused Russia of attacking an aid convoy.</description></item>\n"
                              "</channel></rss>\n");
  const std::string db = (TempDir() / "feed.db").string();
  RunResult ingest = Dyad("ingest --db " + db + " -", "", feed.string());
  EXPECT_EQ(ingest.exit_code, 3) << ingest.err << ingest.out;
  EXPECT_THAT(ingest.out, HasSubstr("2 new"));
  EXPECT_THAT(ingest.out, HasSubstr("    stdin:6: item 2: not well-formed XML: "));
  RunResult events = Dyad("events --format jsonl --db " + db);
  bool kupiansk = false;
  for (const auto& e : JsonLines(events.out)) {
    if (e["doc_url"] != "https://example.org/k") continue;
    kupiansk = true;
    EXPECT_EQ(e["date"], "2024-03-12");
    EXPECT_EQ(e["doc_source"], "Kharkiv Monitor");
  }
  EXPECT_TRUE(kupiansk) << events.out;
}

// DYAD_DB names the database of every sub-command that takes --db; --db still wins.
TEST(DyadDbTest, EverySubCommandReadsTheDatabaseFromTheEnvironment) {
  const fs::path file = Write(TempDir() / "env" / "blr.txt",
                              "date: 2022-02-24\n\nRussian forces attacked Ukraine from Belarus.\n"
                              "Belarus hosted Russian troops.\n");
  const std::string db = (TempDir() / "env.db").string();
  const std::string env = "DYAD_DB=" + db;
  RunResult ingest = Dyad("ingest " + file.string(), env);
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  EXPECT_THAT(ingest.out, HasSubstr("events stored in " + db));
  EXPECT_FALSE(fs::exists(TempDir() / "dyad.db"));
  for (const char* command : {"events --limit 1", "export --format jsonl", "search Belarus", "show 1",
                                     "recode", "role BLR --conflict russia-ukraine"}) {
    RunResult run = Dyad(command, env);
    EXPECT_EQ(run.exit_code, 0) << command << ": " << run.err;
    EXPECT_FALSE(run.out.empty()) << command;
  }
  EXPECT_FALSE(fs::exists(TempDir() / "dyad.db"));  // none fell back to ./dyad.db
  RunResult explicit_db = Dyad("events --db " + (TempDir() / "missing.db").string(), env);
  EXPECT_NE(explicit_db.exit_code, 0);
}

// `role -o r.html` writes HTML, `-o r.json` JSON, unless --format says otherwise.
TEST(RoleOutputTest, TheFormatFollowsTheOutputFilesExtension) {
  const fs::path file = Write(TempDir() / "role" / "blr.txt",
                              "date: 2022-02-24\n\nRussian forces attacked Ukraine from Belarus.\n");
  const std::string db = (TempDir() / "role.db").string();
  ASSERT_EQ(Dyad("ingest --db " + db + " " + file.string()).exit_code, 0);
  const fs::path html = TempDir() / "r.html", json = TempDir() / "r.json", md = TempDir() / "r.html.txt";
  RunResult run = Dyad("role BLR --conflict russia-ukraine --db " + db + " -o " + html.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(Slurp(html), HasSubstr("<html"));
  ASSERT_EQ(Dyad("role BLR --conflict russia-ukraine --db " + db + " -o " + json.string()).exit_code, 0);
  EXPECT_FALSE(nlohmann::json::parse(Slurp(json), nullptr, false).is_discarded());
  ASSERT_EQ(Dyad("role BLR --conflict russia-ukraine --db " + db + " -o " + md.string()).exit_code, 0);
  EXPECT_THAT(Slurp(md), Not(HasSubstr("<html")));
  ASSERT_EQ(Dyad("role BLR --conflict russia-ukraine --format md --db " + db + " -o " + html.string()).exit_code, 0);
  EXPECT_THAT(Slurp(html), Not(HasSubstr("<html")));  // --format wins
}

// export: a denial is no ACLED battle unless asked for; an undated document's events are dated
// by the day of ingest and flagged so.
TEST(ExportModalityTest, AcledLeavesOutTheDenialAndNeverWritesAnEmptyDate) {
  const fs::path file = Write(TempDir() / "export" / "denial.txt",
                              "Lukashenko said Belarusian troops were not taking part in the war.\n\n"
                              "Russian forces attacked Ukraine.\n");
  const std::string db = (TempDir() / "export.db").string();
  ASSERT_EQ(Dyad("ingest --db " + db + " " + file.string()).exit_code, 0);
  RunResult acled = Dyad("export --format acled --db " + db);
  ASSERT_EQ(acled.exit_code, 0) << acled.err;
  EXPECT_THAT(acled.out, Not(HasSubstr("not taking part")));
  EXPECT_THAT(acled.out, HasSubstr("Russian forces attacked Ukraine."));
  EXPECT_THAT(acled.err, HasSubstr("negated or hypothetical events left out"));
  std::istringstream rows(acled.out);
  std::string row;
  std::getline(rows, row);
  // dyad's columns, then the (empty: unreviewed) review columns.
  EXPECT_TRUE(row.ends_with(",modality,reported_by,date_precision,review,reviewed_by,reviewed_at,review_note,"
                            "machine_source,machine_target,machine_code")) << row;
  while (std::getline(rows, row)) {
    EXPECT_THAT(row, Not(HasSubstr("DYAD1,,")));  // event_date is never empty
    EXPECT_THAT(row, HasSubstr(",ingested,,,,,"));
  }
  RunResult all = Dyad("export --format acled --include-negated --db " + db);
  EXPECT_THAT(all.out, HasSubstr("not taking part"));
  EXPECT_THAT(all.out, HasSubstr(",negated,BLRGOV,ingested"));
}

}  // namespace
