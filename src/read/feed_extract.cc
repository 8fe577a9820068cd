#include "read/feed_extract.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <mutex>
#include <optional>

namespace dyad::read {
namespace {

constexpr std::string_view kAtomNamespace = "http://www.w3.org/2005/Atom";
constexpr std::string_view kContentNamespace = "http://purl.org/rss/1.0/modules/content/";
constexpr std::string_view kDublinCoreNamespace = "http://purl.org/dc/elements/1.1/";

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  return out;
}

std::string Trim(std::string_view s) {
  while (!s.empty() && std::string_view(" \t\r\n").find(s.front()) != std::string_view::npos) s.remove_prefix(1);
  while (!s.empty() && std::string_view(" \t\r\n").find(s.back()) != std::string_view::npos) s.remove_suffix(1);
  return std::string(s);
}

// The feed after a byte-order mark, blanks, the XML declaration, comments and a doctype.
size_t SkipProlog(std::string_view xml) {
  size_t i = 0;
  if (xml.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < xml.size()) {
    while (i < xml.size() && std::string_view(" \t\r\n").find(xml[i]) != std::string_view::npos) ++i;
    if (xml.substr(i, 2) == "<?") {
      size_t end = xml.find("?>", i);
      if (end == std::string_view::npos) return xml.size();
      i = end + 2;
    } else if (xml.substr(i, 4) == "<!--") {
      size_t end = xml.find("-->", i);
      if (end == std::string_view::npos) return xml.size();
      i = end + 3;
    } else if (xml.substr(i, 2) == "<!") {
      size_t end = xml.find('>', i);
      if (end == std::string_view::npos) return xml.size();
      i = end + 1;
    } else {
      break;
    }
  }
  return i;
}

// The root element's start tag (with its namespace declarations) and its name.
bool RootTag(std::string_view xml, std::string* tag, std::string* name) {
  size_t at = SkipProlog(xml);
  if (at >= xml.size() || xml[at] != '<') return false;
  size_t end = xml.find('>', at);
  if (end == std::string_view::npos) return false;
  *tag = std::string(xml.substr(at, end + 1 - at));
  size_t name_end = tag->find_first_of(" \t\r\n/>", 1);
  *name = tag->substr(1, name_end - 1);
  if (!tag->empty() && (*tag)[tag->size() - 2] == '/') return false;  // <rss/>
  return true;
}

// Finds the next "<item" element start (name followed by a blank, '>' or '/').
size_t FindElement(std::string_view xml, std::string_view open, size_t from) {
  while (true) {
    size_t at = xml.find(open, from);
    if (at == std::string_view::npos) return at;
    size_t after = at + open.size();
    if (after < xml.size() && std::string_view(" \t\r\n>/").find(xml[after]) != std::string_view::npos) return at;
    from = after;
  }
}

void Quiet(void*, const char*, ...) {}

void InitLibxml() {
  static std::once_flag once;
  std::call_once(once, [] {
    xmlInitParser();
    xmlSetGenericErrorFunc(nullptr, Quiet);
  });
}

struct XmlDoc {
  xmlParserCtxtPtr context = nullptr;
  xmlDocPtr doc = nullptr;
  ~XmlDoc() {
    if (doc) xmlFreeDoc(doc);
    if (context) xmlFreeParserCtxt(context);
  }
};

// The first error of a parse (libxml2 reports later ones that follow from it).
struct FirstError {
  std::string message;
  int line = 0;
};
void KeepFirstError(void* data, xmlErrorPtr error) {
  auto* first = static_cast<FirstError*>(data);
  if (first->message.empty() && error && error->message) {
    first->message = Trim(error->message);
    first->line = error->line;
  }
}

// Parses `xml`; on failure *error is libxml2's first message and *error_line its line.
bool Parse(const std::string& xml, bool recover, XmlDoc* out, std::string* error, int* error_line) {
  InitLibxml();
  FirstError first;
  xmlSetStructuredErrorFunc(&first, KeepFirstError);  // per thread in libxml2
  struct Restore {
    ~Restore() { xmlSetStructuredErrorFunc(nullptr, nullptr); }
  } restore;
  out->context = xmlNewParserCtxt();
  if (!out->context) {
    *error = "out of memory";
    return false;
  }
  int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
  if (recover) options |= XML_PARSE_RECOVER;
  out->doc = xmlCtxtReadMemory(out->context, xml.data(), static_cast<int>(xml.size()), "feed.xml", "UTF-8", options);
  if (out->doc && (recover || out->context->wellFormed)) return true;
  if (!first.message.empty()) {
    *error = first.message;
    *error_line = first.line;
    return false;
  }
  const xmlError* e = xmlCtxtGetLastError(out->context);
  *error = e && e->message ? Trim(e->message) : "not well-formed XML";
  *error_line = e ? e->line : 0;
  return false;
}

std::string_view Name(const xmlNode* node) { return reinterpret_cast<const char*>(node->name); }
std::string_view Namespace(const xmlNode* node) {
  return node->ns && node->ns->href ? std::string_view(reinterpret_cast<const char*>(node->ns->href)) : std::string_view();
}

std::string Content(const xmlNode* node) {
  xmlChar* text = xmlNodeGetContent(node);
  std::string out = text ? reinterpret_cast<const char*>(text) : "";
  if (text) xmlFree(text);
  return Trim(out);
}

std::string Attribute(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  std::string out = value ? reinterpret_cast<const char*>(value) : "";
  if (value) xmlFree(value);
  return out;
}

const xmlNode* FirstChild(const xmlNode* node, std::string_view name) {
  for (const xmlNode* c = node ? node->children : nullptr; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && Name(c) == name) return c;
  return nullptr;
}

bool LooksLikeHtml(std::string_view text) {
  return text.find('<') != std::string_view::npos && text.find('>') != std::string_view::npos;
}

// Fills an item from its element.
void ReadRssItem(const xmlNode* item, FeedItem* out) {
  std::string date_text, dc_date, description, encoded;
  for (const xmlNode* c = item->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    const std::string_view name = Name(c), ns = Namespace(c);
    if (ns == kContentNamespace && name == "encoded") encoded = Content(c);
    else if (ns == kDublinCoreNamespace && name == "date") dc_date = Content(c);
    else if (!ns.empty()) continue;
    else if (name == "title") out->title = Content(c);
    else if (name == "link") out->link = Content(c);
    else if (name == "description") description = Content(c);
    else if (name == "guid") out->id = Content(c);
    else if (name == "pubDate") date_text = Content(c);
    else if (name == "source") out->source = Content(c);
  }
  out->body = !encoded.empty() ? encoded : description;
  if (date_text.empty()) date_text = dc_date;
  if (!date_text.empty()) {
    auto date = ParseFeedDate(date_text);
    if (!date) out->error = "invalid date: '" + date_text + "'";
    else out->date = *date;
  }
}

void ReadAtomEntry(const xmlNode* entry, FeedItem* out) {
  std::string published, updated, content, summary;
  bool content_html = false, summary_html = false;
  for (const xmlNode* c = entry->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || Namespace(c) != kAtomNamespace) continue;
    const std::string_view name = Name(c);
    if (name == "title") out->title = Content(c);
    else if (name == "id") out->id = Content(c);
    else if (name == "published") published = Content(c);
    else if (name == "updated") updated = Content(c);
    else if (name == "content") {
      content = Content(c);
      content_html = Attribute(c, "type") != "text";
    } else if (name == "summary") {
      summary = Content(c);
      summary_html = Attribute(c, "type") != "text";
    } else if (name == "link") {
      const std::string rel = Attribute(c, "rel");
      if ((rel.empty() || rel == "alternate") && out->link.empty()) out->link = Attribute(c, "href");
    } else if (name == "source") {
      if (const xmlNode* title = FirstChild(c, "title")) out->source = Content(title);
    }
  }
  out->body = !content.empty() ? content : summary;
  out->body_is_html = !content.empty() ? content_html : summary_html;
  const std::string& date_text = !published.empty() ? published : updated;
  if (!date_text.empty()) {
    auto date = ParseFeedDate(date_text);
    if (!date) out->error = "invalid date: '" + date_text + "'";
    else out->date = *date;
  }
}

}  // namespace

std::optional<Date> ParseFeedDate(std::string_view text) {
  std::string t = Trim(text);
  if (auto iso = Date::Parse(t)) return iso;
  // RFC 822: [Day, ]DD Mon YY[YY] [hh:mm[:ss] zone]
  std::string_view s = t;
  if (size_t comma = s.find(','); comma != std::string_view::npos && comma <= 9) s.remove_prefix(comma + 1);
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  int day = 0;
  size_t i = 0;
  while (i < s.size() && i < 2 && s[i] >= '0' && s[i] <= '9') day = day * 10 + (s[i++] - '0');
  if (i == 0 || i >= s.size() || s[i] != ' ') return std::nullopt;
  s.remove_prefix(i + 1);
  static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  const std::string month_name = Lower(s.substr(0, 3));
  int month = 0;
  for (int m = 0; m < 12; ++m)
    if (month_name == kMonths[m]) month = m + 1;
  if (month == 0) return std::nullopt;
  size_t space = s.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  s.remove_prefix(space + 1);
  int year = 0;
  i = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') year = year * 10 + (s[i++] - '0');
  if (i == 2) year += 2000;
  else if (i != 4) return std::nullopt;
  if (i < s.size() && s[i] != ' ') return std::nullopt;
  Date date{year, month, day};
  if (!date.valid()) return std::nullopt;
  return date;
}

bool LooksLikeFeed(std::string_view head) {
  std::string tag, name;
  if (!RootTag(head, &tag, &name)) return false;
  if (name == "rss") return true;
  return name == "feed" && tag.find(kAtomNamespace) != std::string::npos;
}

Status ParseFeed(std::string_view xml, Feed* out) {
  *out = Feed();
  std::string root_tag, root;
  if (!RootTag(xml, &root_tag, &root) || (root != "rss" && root != "feed"))
    return Status::Error("no <rss> or Atom <feed> root element").WithKind("not a feed");
  const bool rss = root == "rss";
  if (!rss && root_tag.find(kAtomNamespace) == std::string::npos)
    return Status::Error("a <feed> that is not Atom (no xmlns=\"http://www.w3.org/2005/Atom\")").WithKind("not a feed");
  const std::string open = rss ? "<item" : "<entry", close = rss ? "</item>" : "</entry>";
  // The item's wrapper: the root's start tag (namespace declarations) and, for RSS, <channel>.
  const std::string prefix = root_tag + (rss ? "<channel>" : ""), suffix = std::string(rss ? "</channel>" : "") + "</" + root + ">";
  const int prefix_lines = static_cast<int>(std::count(prefix.begin(), prefix.end(), '\n'));

  const size_t first = FindElement(xml, open, 0);
  {  // The channel's (feed's) own fields: what precedes the first item, closed and parsed leniently.
    XmlDoc head;
    std::string error;
    int line = 0;
    const size_t body = SkipProlog(xml) + root_tag.size();
    std::string head_xml = root_tag + std::string(xml.substr(body, (first == std::string_view::npos ? xml.size() : first) - body)) +
                           suffix;
    if (Parse(head_xml, true, &head, &error, &line) && head.doc) {
      const xmlNode* top = xmlDocGetRootElement(head.doc);
      const xmlNode* channel = rss ? FirstChild(top, "channel") : top;
      if (const xmlNode* title = FirstChild(channel, "title")) out->title = Content(title);
      if (rss) {
        if (const xmlNode* language = FirstChild(channel, "language")) out->language = Content(language);
      } else if (top) {
        out->language = Attribute(top, "xml:lang");
        if (out->language.empty()) {
          xmlChar* lang = xmlNodeGetLang(top);
          if (lang) {
            out->language = reinterpret_cast<const char*>(lang);
            xmlFree(lang);
          }
        }
      }
    }
  }
  if (first == std::string_view::npos)
    return Status::Error(std::string("no ") + (rss ? "<item>" : "<entry>") + " in the feed").WithKind("empty feed");

  int line = 1 + static_cast<int>(std::count(xml.begin(), xml.begin() + static_cast<std::ptrdiff_t>(first), '\n'));
  size_t counted = first;
  for (size_t at = first; at != std::string_view::npos; at = FindElement(xml, open, at + open.size())) {
    line += static_cast<int>(std::count(xml.begin() + static_cast<std::ptrdiff_t>(counted),
                                        xml.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
    counted = at;
    FeedItem item;
    item.line = line;
    item.number = static_cast<int>(out->items.size()) + 1;
    size_t end = xml.find(close, at);
    const size_t next = FindElement(xml, open, at + open.size());
    if (end == std::string_view::npos || (next != std::string_view::npos && next < end)) {
      item.error = "no " + close + ": the item is not closed";
      if (end == std::string_view::npos) item.error += " (the feed is cut short)";
      out->items.push_back(std::move(item));
      continue;
    }
    end += close.size();
    item.raw = std::string(xml.substr(at, end - at));
    XmlDoc doc;
    std::string error;
    int error_line = 0;
    if (!Parse(prefix + item.raw + suffix, false, &doc, &error, &error_line)) {
      if (error_line > 0) item.line = line + std::max(0, error_line - 1 - prefix_lines);
      item.error = "not well-formed XML: " + error;
      out->items.push_back(std::move(item));
      continue;
    }
    const xmlNode* top = xmlDocGetRootElement(doc.doc);
    const xmlNode* element = rss ? FirstChild(FirstChild(top, "channel"), "item") : FirstChild(top, "entry");
    if (!element) {
      item.error = "not an item";
    } else if (rss) {
      ReadRssItem(element, &item);
      item.body_is_html = LooksLikeHtml(item.body);
    } else {
      ReadAtomEntry(element, &item);
      if (item.body_is_html) item.body_is_html = LooksLikeHtml(item.body);
    }
    if (item.error.empty() && item.title.empty() && item.body.empty())
      item.error = "no text: neither a title nor a description";
    if (item.source.empty()) item.source = out->title;
    out->items.push_back(std::move(item));
  }
  return Status::Ok();
}

}  // namespace dyad::read
