// RSS 2.0 and Atom feeds (saved files or piped in): one item per document, with
// its date, link and source. Each item is parsed on its own (libxml2, no network,
// no external entities), so a broken item is reported and skipped while the good
// ones are kept. Never prints. Thread-compatible.
#ifndef DYAD_READ_FEED_EXTRACT_H_
#define DYAD_READ_FEED_EXTRACT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/date.h"
#include "dyad/status.h"

namespace dyad::read {

struct FeedItem {
  int line = 0;            // 1-based line of the feed where the item starts
  int number = 0;          // 1-based position among the feed's items
  std::string error;       // set: the item is broken ("no </item>: the feed is cut short", ...)
  std::string id;          // RSS <guid>, Atom <id>
  std::string title;
  std::string link;        // RSS <link>, Atom <link rel="alternate" href>
  std::string body;        // RSS <content:encoded> or <description>, Atom <content> or <summary>; may be HTML
  bool body_is_html = false;
  std::string source;      // RSS <source>, else the channel's / feed's title
  Date date;               // RSS <pubDate> (RFC 822) or <dc:date>; Atom <published>, else <updated>
  std::string raw;         // the item's bytes in the feed
};

struct Feed {
  std::string title;       // the channel's / feed's title
  std::string language;    // RSS <language>, Atom xml:lang
  std::vector<FeedItem> items;
};

// Whether `head` starts (after a byte-order mark, blanks, an XML declaration and
// comments) an RSS 2.0 (<rss>) or Atom (<feed xmlns="http://www.w3.org/2005/Atom">) document.
bool LooksLikeFeed(std::string_view head);

// Splits and parses the feed. Fails only when it is no RSS or Atom feed at all
// ("no <rss> or Atom <feed> root element") or has no item; broken items come
// back with `error` set.
Status ParseFeed(std::string_view xml, Feed* out);

// "Mon, 25 Mar 2024 10:00:00 +0000" (RFC 822/2822; the weekday and the time are
// optional, two-digit years are 20xx), or an ISO date. nullopt on anything else.
std::optional<Date> ParseFeedDate(std::string_view text);

}  // namespace dyad::read

#endif  // DYAD_READ_FEED_EXTRACT_H_
