// RSS 2.0 and Atom feeds: one document per item; a broken item is one error, the good ones kept.
#include "read/feed_extract.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "dyad/reader.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::StartsWith;

// Items 1 and 4 are good; 2 is not well-formed (a tag closed twice), 3 has a bad date,
// the last is cut short.
const char kRss[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n"
    "<channel>\n"
    "  <title>Kharkiv Monitor</title>\n"
    "  <language>en</language>\n"
    "  <item>\n"
    "    <title>Shelling in Kupiansk</title>\n"
    "    <link>https://example.org/kupiansk</link>\n"
    "    <guid>kupiansk-1</guid>\n"
    "    <pubDate>Tue, 12 Mar 2024 09:30:00 +0000</pubDate>\n"
    "    <description>&lt;p&gt;Russian forces shelled Kupiansk &amp;amp; nearby villages.&lt;/p&gt;</description>\n"
    "  </item>\n"
    "  <item>\n"
    "    <title>Broken</title></title>\n"
    "    <description>Never read.</description>\n"
    "  </item>\n"
    "  <item>\n"
    "    <title>Undated</title>\n"
    "    <pubDate>sometime last week</pubDate>\n"
    "    <description>Ukraine condemned Russia.</description>\n"
    "  </item>\n"
    "  <item>\n"
    "    <title>Aid convoy</title>\n"
    "    <link>https://example.org/aid</link>\n"
    "    <content:encoded><![CDATA[<p>Ukrainian officials accused Russia of attacking an aid convoy.</p>]]></content:encoded>\n"
    "    <description>Short summary.</description>\n"
    "  </item>\n"
    "  <item>\n"
    "    <title>Cut</title>\n";

const char kAtom[] =
    "<?xml version=\"1.0\"?>\n"
    "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">\n"
    "  <title>Border Watch</title>\n"
    "  <entry>\n"
    "    <title>Troops near the border</title>\n"
    "    <id>urn:uuid:1</id>\n"
    "    <link rel=\"alternate\" href=\"https://example.org/border\"/>\n"
    "    <updated>2024-03-26T08:00:00Z</updated>\n"
    "    <published>2024-03-25T08:00:00Z</published>\n"
    "    <summary type=\"text\">Belarus moved troops towards the border with Ukraine.</summary>\n"
    "  </entry>\n"
    "  <entry>\n"
    "    <id>urn:uuid:2</id>\n"
    "  </entry>\n"
    "</feed>\n";

struct Read {
  std::vector<Document> docs;
  std::vector<std::string> errors;
  std::string open_error;
  InputFormat format = InputFormat::kAuto;
};

Read ReadFile(const std::string& name, const std::string& content) {
  const fs::path path = fs::temp_directory_path() / ("dyad_feed_test_" + std::to_string(::getpid()) + "_" + name);
  std::ofstream(path, std::ios::binary) << content;
  Read r;
  std::unique_ptr<DocumentReader> reader;
  if (Status s = DocumentReader::Open(path.string(), InputFormat::kAuto, {}, &reader); !s.ok()) {
    r.open_error = s.message();
    return r;
  }
  r.format = reader->format();
  for (int guard = 0; guard < 100; ++guard) {
    Document doc;
    bool done = false;
    Status s = reader->Next(&doc, &done);
    if (!s.ok()) r.errors.push_back(s.message().substr(s.message().find(name)));
    else if (!done) r.docs.push_back(doc);
    if (done) break;
  }
  fs::remove(path);
  return r;
}

TEST(FeedReaderTest, RssItemsAreDocumentsAndBrokenItemsAreOneLineEach) {
  Read r = ReadFile("monitor.xml", kRss);
  ASSERT_EQ(r.open_error, "");
  EXPECT_EQ(r.format, InputFormat::kFeed);
  ASSERT_EQ(r.docs.size(), 2u);
  const Document& first = r.docs[0];
  EXPECT_EQ(first.id, "kupiansk-1");
  EXPECT_EQ(first.title, "Shelling in Kupiansk");
  EXPECT_EQ(first.url, "https://example.org/kupiansk");
  EXPECT_EQ(first.source, "Kharkiv Monitor");  // the channel
  EXPECT_EQ(first.language, "en");
  EXPECT_EQ(first.date.ToIso(), "2024-03-12");
  EXPECT_EQ(first.text, "Russian forces shelled Kupiansk & nearby villages.");  // HTML to text
  EXPECT_EQ(first.format, InputFormat::kFeed);
  EXPECT_THAT(first.origin, HasSubstr("monitor.xml:6"));
  const Document& aid = r.docs[1];
  EXPECT_EQ(aid.text, "Ukrainian officials accused Russia of attacking an aid convoy.");  // content:encoded wins
  EXPECT_EQ(aid.id, "https://example.org/aid");  // no guid: the link
  EXPECT_FALSE(aid.date.valid());
  ASSERT_EQ(r.errors.size(), 3u);
  EXPECT_THAT(r.errors[0], StartsWith("monitor.xml:14: item 2: not well-formed XML: Opening and ending tag mismatch"));
  EXPECT_EQ(r.errors[1], "monitor.xml:17: item 3: invalid date: 'sometime last week'");
  EXPECT_EQ(r.errors[2], "monitor.xml:28: item 5: no </item>: the item is not closed (the feed is cut short)");
  for (const auto& e : r.errors) EXPECT_EQ(e.find('\n'), std::string::npos);
}

TEST(FeedReaderTest, AtomEntriesTakeTheirPublishedDateAndAlternateLink) {
  Read r = ReadFile("watch.atom", kAtom);
  ASSERT_EQ(r.open_error, "");
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].date.ToIso(), "2024-03-25");
  EXPECT_EQ(r.docs[0].url, "https://example.org/border");
  EXPECT_EQ(r.docs[0].source, "Border Watch");
  EXPECT_EQ(r.docs[0].id, "urn:uuid:1");
  EXPECT_EQ(r.docs[0].text, "Belarus moved troops towards the border with Ukraine.");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0], "watch.atom:12: item 2: no text: neither a title nor a description");
}

TEST(FeedReaderTest, XmlThatIsNoFeedIsNotReadAsOne) {
  EXPECT_FALSE(read::LooksLikeFeed("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"));
  EXPECT_FALSE(read::LooksLikeFeed("<feed><entry/></feed>"));  // no Atom namespace
  EXPECT_TRUE(read::LooksLikeFeed("\xEF\xBB\xBF<!-- saved -->\n<rss version=\"2.0\"><channel>"));
  read::Feed feed;
  EXPECT_EQ(read::ParseFeed("<rss version=\"2.0\"><channel><title>x</title></channel></rss>", &feed).message(),
            "no <item> in the feed");
}

TEST(FeedDateTest, ReadsRfc822AndIsoDates) {
  EXPECT_EQ(read::ParseFeedDate("Mon, 25 Mar 2024 10:00:00 +0000")->ToIso(), "2024-03-25");
  EXPECT_EQ(read::ParseFeedDate("5 Mar 24")->ToIso(), "2024-03-05");
  EXPECT_EQ(read::ParseFeedDate("2024-03-25T10:00:00+01:00")->ToIso(), "2024-03-25");
  EXPECT_FALSE(read::ParseFeedDate("31 Feb 2024").has_value());
  EXPECT_FALSE(read::ParseFeedDate("Mon, 25 March").has_value());
}

}  // namespace
}  // namespace dyad
