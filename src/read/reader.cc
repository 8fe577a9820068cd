// DocumentReader implementations: text, JSONL, TABARI records, HTML.
#include "dyad/reader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <istream>
#include <optional>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "common/escape.h"
#include "common/sha256.h"
#include "dict/tabari_records.h"
#include "normalize/normalize.h"
#include "read/html_extract.h"
#include "read/input_source.h"
#include "read/feed_extract.h"
#include "read/pdf_extract.h"

namespace dyad {
namespace {

using read::InputSource;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  return out;
}

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

std::string_view StripBom(std::string_view s) {
  if (s.size() >= 3 && s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  return s;
}

std::string FileStem(const std::string& path) {
  size_t slash = path.find_last_of('/');
  std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  size_t dot = base.find_last_of('.');
  if (dot != std::string::npos && dot > 0) base.resize(dot);
  return base;
}

// Every reader failure is located (Status::At: "path" or "path:line") and has a kind
// (Status::WithKind), so that dyad ingest stores the place and the reason apart and counts
// failures by kind without reading messages.
Status Failure(const std::string& where, const char* kind, const std::string& what) {
  return Status::Error(what).WithKind(kind).At(where);
}

Status TooLarge(const std::string& where, size_t max) {
  return Failure(where, "document too large", "document too large (more than " + std::to_string(max) + " bytes)");
}

// Validates `text` (or repairs it when lenient). `base` is the byte offset of
// text in the input, `first_line` the line it starts on (0: unknown).
Status CheckUtf8(std::string* text, uint64_t base, const std::string& name, int first_line, bool lenient) {
  size_t bad = normalize::FindInvalidUtf8(*text);
  if (bad == std::string_view::npos) return Status::Ok();
  if (lenient) {
    *text = normalize::RepairUtf8(*text);
    return Status::Ok();
  }
  std::string where = name;
  if (first_line > 0) {
    int line = first_line;
    for (size_t i = 0; i < bad; ++i) line += (*text)[i] == '\n';
    where += ':';
    where += std::to_string(line);
  }
  return Failure(where, "invalid UTF-8", "invalid UTF-8 at byte " + std::to_string(base + bad));
}

std::string DataDir(const ReaderOptions& options) {
  if (!options.data_dir.empty()) return options.data_dir;
  if (const char* env = std::getenv("DYAD_DATA"); env != nullptr && *env != '\0') return env;
#ifdef DYAD_DATA_DIR
  return DYAD_DATA_DIR;
#else
  return "data";
#endif
}

// Parses the optional header lines of a plain-text document and fills the
// document. `content` is the whole document; `where_line(n)` names line n.
Status BuildTextDocument(std::string_view content, const std::string& name, int first_line, bool with_line,
                         uint64_t base, const std::string& default_id, const std::string& origin,
                         const ReaderOptions& options, Document* doc) {
  *doc = Document();
  doc->format = InputFormat::kText;
  if (options.hash) doc->sha256 = Sha256Hex(content);
  doc->origin = origin;
  doc->id = default_id;
  std::string where = with_line ? name + ":" + std::to_string(first_line) : name;

  std::string text(content);
  Status s = CheckUtf8(&text, base, name, first_line, options.lenient);
  if (!s.ok()) return s;

  std::string_view rest = StripBom(text);
  int line_no = first_line;
  bool any_header = false;
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 10) break;
    std::string key = Lower(line.substr(0, colon));
    std::string value(TrimView(line.substr(colon + 1)));
    if (key == "date") {
      std::optional<Date> d = Date::Parse(value);
      if (!d) return Failure(name + ":" + std::to_string(line_no), "invalid date", "invalid date: '" + EscapeForMessage(value) + "'");
      doc->date = *d;
    } else if (key == "source") {
      doc->source = value;
    } else if (key == "url") {
      doc->url = value;
    } else if (key == "title") {
      doc->title = value;
    } else if (key == "id") {
      if (!value.empty()) doc->id = value;
    } else if (key == "language" || key == "lang") {
      doc->language = value;
    } else {
      break;
    }
    any_header = true;
    ++line_no;
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
  }
  if (any_header) {  // blank lines between the headers and the body
    while (!rest.empty()) {
      size_t nl = rest.find('\n');
      if (!TrimView(rest.substr(0, nl)).empty()) break;
      rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    }
  }
  if (TrimView(rest).empty()) return Failure(where, "empty document", "empty document");
  doc->text = std::string(rest);
  return Status::Ok();
}

class ReaderBase : public DocumentReader {
 public:
  ReaderBase(std::unique_ptr<InputSource> source, InputFormat format, const ReaderOptions& options,
             const std::string& path)
      : source_(std::move(source)), format_(format), options_(options), origin_path_(path) {}
  InputFormat format() const override { return format_; }

 protected:
  const std::string& name() const { return source_->name(); }
  std::string Where(int line) const { return name() + ":" + std::to_string(line); }
  std::string Origin(int line) const { return origin_path_ + ":" + std::to_string(line); }
  // Reports a read error once, as fatal.
  Status Finish(bool* done) {
    *done = true;
    finished_ = true;
    if (source_->read_error() && !read_error_reported_) {
      read_error_reported_ = true;
      return Status::IOError("read error").WithKind("read error").At(name());
    }
    return Status::Ok();
  }

  std::unique_ptr<InputSource> source_;
  InputFormat format_;
  ReaderOptions options_;
  std::string origin_path_;
  bool finished_ = false;
  bool read_error_reported_ = false;
};

// One document per file.
class WholeTextReader : public ReaderBase {
 public:
  using ReaderBase::ReaderBase;
  Status Next(Document* doc, bool* done) override {
    if (finished_) return Finish(done);
    finished_ = true;
    *done = false;
    std::string content;
    bool too_long = false;
    source_->ReadAll(&content, options_.max_document_bytes, &too_long);
    if (source_->read_error()) return Finish(done);
    if (too_long) return TooLarge(name(), options_.max_document_bytes);
    return BuildTextDocument(content, name(), 1, false, 0, FileStem(origin_path_), Origin(1), options_, doc);
  }
};

// Text on stdin: documents separated by a form-feed line or a "---" line.
class StreamTextReader : public ReaderBase {
 public:
  using ReaderBase::ReaderBase;
  Status Next(Document* doc, bool* done) override {
    *done = false;
    while (!finished_) {
      std::string content;
      int first_line = line_no_ + 1;
      uint64_t base = source_->offset();
      bool too_large = false, any = false;
      if (carry_) {
        content = *carry_ + "\n";
        carry_.reset();
        any = true;
        --first_line;
      }
      std::string line;
      bool too_long = false, newline = false;
      while (source_->ReadLine(&line, options_.max_document_bytes + 1, &too_long, &newline)) {
        ++line_no_;
        std::string_view t = TrimView(line);
        bool has_ff = line.find('\f') != std::string::npos;
        if (t == "---" || (has_ff && t.empty())) break;
        if (!line.empty() && line[0] == '\f') {  // "\fNext document" starts the next one
          carry_ = line.substr(line.find_first_not_of('\f'));
          break;
        }
        any = true;
        if (too_long || content.size() + line.size() + 1 > options_.max_document_bytes) too_large = true;
        if (!too_large) {
          content += line;
          if (newline) content += '\n';
        }
      }
      if (!carry_ && !any) {
        if (source_->offset() == base || line_no_ < first_line) return Finish(done);
      }
      if (source_->read_error()) return Finish(done);
      if (!any || (TrimView(content).empty() && !too_large)) {
        if (!carry_ && source_->offset() == base) return Finish(done);
        continue;  // an empty document between separators
      }
      ++count_;
      if (too_large) return TooLarge(Where(first_line), options_.max_document_bytes);
      return BuildTextDocument(content, name(), first_line, true, base, name() + "-" + std::to_string(count_),
                               Origin(first_line), options_, doc);
    }
    return Finish(done);
  }

 private:
  int line_no_ = 0;
  int count_ = 0;
  std::optional<std::string> carry_;
};

// The common JSONL line, read without building an nlohmann::json document (which cost about
// 90 instructions per byte): one object whose values are strings or null, in the exact JSON
// nlohmann accepts. Returns false, having filled nothing reliable, on anything else (numbers,
// nesting, a BOM, comments, duplicate keys, surrogate escapes, malformed text); the caller then
// parses the line with nlohmann, which gives the same fields or the error message.
class FlatJsonObject {
 public:
  struct Field {
    std::string key;
    std::string value;
    bool null = false;
  };
  bool Parse(std::string_view text) {
    fields_.clear();
    p_ = text.data();
    end_ = p_ + text.size();
    SkipSpace();
    if (!Eat('{')) return false;
    SkipSpace();
    if (Eat('}')) return AtEnd();
    while (true) {
      Field field;
      if (!Eat('"') || !String(&field.key)) return false;
      for (const Field& f : fields_)
        if (f.key == field.key) return false;
      SkipSpace();
      if (!Eat(':')) return false;
      SkipSpace();
      if (Eat('"')) {
        if (!String(&field.value)) return false;
      } else if (end_ - p_ >= 4 && std::string_view(p_, 4) == "null") {
        p_ += 4;
        field.null = true;
      } else {
        return false;
      }
      fields_.push_back(std::move(field));
      SkipSpace();
      if (Eat('}')) return AtEnd();
      if (!Eat(',')) return false;
      SkipSpace();
    }
  }
  // The field named `key` (its value may be moved out), or nullptr.
  Field* Find(std::string_view key) {
    for (Field& f : fields_)
      if (f.key == key) return &f;
    return nullptr;
  }

 private:
  void SkipSpace() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
  }
  bool Eat(char c) {
    if (p_ < end_ && *p_ == c) {
      ++p_;
      return true;
    }
    return false;
  }
  bool AtEnd() {
    SkipSpace();
    return p_ == end_;
  }
  static int Hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }
  // The rest of a string after its opening quote; UTF-8 as Unicode's Table 3-7 allows it.
  bool String(std::string* out) {
    out->clear();
    while (true) {
      const char* run = p_;
      // Eight bytes at a time while none is '"', '\\', a control character or non-ASCII (the
      // byte loop below finishes the run).
      constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
      const auto has_zero = [](uint64_t x) { return (x - kOnes) & ~x & kHighs; };
#if defined(__SSE2__)
      // Sixteen at a time first where SSE2 is there (x86-64 always has it): a signed compare with
      // 0x20 finds the control characters and the non-ASCII bytes at once.
      {
        const __m128i space = _mm_set1_epi8(0x20), quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
        while (end_ - p_ >= 16) {
          const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p_));
          const __m128i stop = _mm_or_si128(_mm_cmplt_epi8(v, space),
                                            _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
          if (_mm_movemask_epi8(stop) != 0) break;
          p_ += 16;
        }
      }
#endif
      while (end_ - p_ >= 8) {
        uint64_t v;
        std::memcpy(&v, p_, 8);
        if ((v & kHighs) || has_zero(v & ~uint64_t{0x1F1F1F1F1F1F1F1Full}) || has_zero(v ^ (kOnes * '"')) ||
            has_zero(v ^ (kOnes * '\\')))
          break;
        p_ += 8;
      }
      while (p_ < end_ && static_cast<unsigned char>(*p_) >= 0x20 && static_cast<unsigned char>(*p_) < 0x80 &&
             *p_ != '"' && *p_ != '\\')
        ++p_;
      out->append(run, static_cast<size_t>(p_ - run));
      if (p_ >= end_) return false;
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        ++p_;
        return true;
      }
      if (c < 0x20) return false;
      if (c == '\\') {
        if (end_ - p_ < 2) return false;
        const char e = p_[1];
        p_ += 2;
        switch (e) {
          case '"': out->push_back('"'); break;
          case '\\': out->push_back('\\'); break;
          case '/': out->push_back('/'); break;
          case 'b': out->push_back('\b'); break;
          case 'f': out->push_back('\f'); break;
          case 'n': out->push_back('\n'); break;
          case 'r': out->push_back('\r'); break;
          case 't': out->push_back('\t'); break;
          case 'u': {
            if (end_ - p_ < 4) return false;
            int cp = 0;
            for (int k = 0; k < 4; ++k) {
              const int h = Hex(p_[k]);
              if (h < 0) return false;
              cp = cp * 16 + h;
            }
            p_ += 4;
            if (cp >= 0xD800 && cp <= 0xDFFF) return false;  // surrogates: left to nlohmann
            if (cp < 0x80) {
              out->push_back(static_cast<char>(cp));
            } else if (cp < 0x800) {
              out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
              out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
            } else {
              out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
              out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
              out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
            }
            break;
          }
          default: return false;
        }
        continue;
      }
      // A multi-byte character.
      const auto byte = [&](ptrdiff_t k) { return static_cast<unsigned char>(p_[k]); };
      const auto cont = [&](ptrdiff_t k, unsigned char lo, unsigned char hi) {
        return k < end_ - p_ && byte(k) >= lo && byte(k) <= hi;
      };
      int length = 0;
      if (c >= 0xC2 && c <= 0xDF) length = cont(1, 0x80, 0xBF) ? 2 : 0;
      else if (c == 0xE0) length = cont(1, 0xA0, 0xBF) && cont(2, 0x80, 0xBF) ? 3 : 0;
      else if (c == 0xED) length = cont(1, 0x80, 0x9F) && cont(2, 0x80, 0xBF) ? 3 : 0;
      else if (c >= 0xE1 && c <= 0xEF) length = cont(1, 0x80, 0xBF) && cont(2, 0x80, 0xBF) ? 3 : 0;
      else if (c == 0xF0) length = cont(1, 0x90, 0xBF) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF) ? 4 : 0;
      else if (c >= 0xF1 && c <= 0xF3) length = cont(1, 0x80, 0xBF) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF) ? 4 : 0;
      else if (c == 0xF4) length = cont(1, 0x80, 0x8F) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF) ? 4 : 0;
      if (length == 0) return false;
      out->append(p_, static_cast<size_t>(length));
      p_ += length;
    }
  }

  std::vector<Field> fields_;
  const char* p_ = nullptr;
  const char* end_ = nullptr;
};

class JsonlReader : public ReaderBase {
 public:
  using ReaderBase::ReaderBase;
  Status Next(Document* doc, bool* done) override {
    *done = false;
    std::string line;
    bool too_long = false, newline = false;
    while (!finished_) {
      uint64_t base = source_->offset();
      if (!source_->ReadLine(&line, options_.max_document_bytes, &too_long, &newline)) break;
      ++line_no_;
      if (too_long) return TooLarge(Where(line_no_), options_.max_document_bytes);
      if (TrimView(line).empty()) continue;
      return Parse(line, base, doc);
    }
    return Finish(done);
  }

 private:
  Status Parse(const std::string& raw, uint64_t base, Document* doc) {
    *doc = Document();
    const std::string where = Where(line_no_);
    std::string line = raw;
    if (line_no_ == 1) line = std::string(StripBom(line));
    size_t bad = normalize::FindInvalidUtf8(line);
    if (bad != std::string_view::npos) {
      if (!options_.lenient) return Failure(where, "invalid UTF-8", "invalid UTF-8 at byte " + std::to_string(base + bad));
      line = normalize::RepairUtf8(line);
    }
    std::string date;
    if (!ReadFlat(line, doc, &date)) {
      *doc = Document();
      date.clear();
      if (Status s = ReadWithNlohmann(line, where, doc, &date); !s.ok()) return s;
    }
    if (!date.empty()) {
      std::optional<Date> d = Date::Parse(date);
      if (!d) return Failure(where, "invalid date", "invalid date: '" + EscapeForMessage(date) + "'");
      doc->date = *d;
    }
    if (doc->id.empty()) doc->id = where;
    if (options_.hash) doc->sha256 = Sha256Hex(raw);
    doc->origin = Origin(line_no_);
    doc->format = InputFormat::kJsonl;
    return Status::Ok();
  }

  // The fields of a line FlatJsonObject reads; false when it cannot, or when the line is one
  // ReadWithNlohmann rejects (it then says why).
  bool ReadFlat(const std::string& line, Document* doc, std::string* date) {
    if (!flat_.Parse(line)) return false;
    bool has_text = false;
    for (const char* key : {"text", "body", "content"}) {
      if (auto* f = flat_.Find(key)) {
        if (f->null) return false;  // "is not a string"
        doc->text = std::move(f->value);
        has_text = true;
        break;
      }
    }
    if (!has_text) return false;  // "no \"text\" field"
    for (auto [key, out] : {std::pair<const char*, std::string*>{"id", &doc->id}, {"date", date},
                            {"url", &doc->url}, {"source", &doc->source}, {"title", &doc->title},
                            {"language", &doc->language}}) {
      if (auto* f = flat_.Find(key); f && !f->null) *out = std::move(f->value);
    }
    return true;
  }

  Status ReadWithNlohmann(const std::string& line, const std::string& where, Document* doc, std::string* date) {
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception& e) {
      std::string what = e.what();
      if (size_t close = what.find("] "); what.rfind("[json.exception", 0) == 0 && close != std::string::npos) {
        what = what.substr(close + 2);
      }
      return Failure(where, "invalid JSON", "invalid JSON: " + what);
    }
    if (!j.is_object()) return Failure(where, "invalid JSON", "invalid JSON: not an object");
    auto get_string = [&](const char* key, std::string* out) -> Status {
      auto it = j.find(key);
      if (it == j.end() || it->is_null()) return Status::Ok();
      if (it->is_string()) {
        *out = it->get<std::string>();
      } else if (it->is_number_integer() || it->is_number_unsigned()) {
        *out = it->dump();
      } else {
        return Failure(where, "JSONL field not a string", "field \"" + std::string(key) + "\" is not a string");
      }
      return Status::Ok();
    };
    for (const char* key : {"text", "body", "content"}) {
      if (j.contains(key)) {
        if (!j[key].is_string())
          return Failure(where, "JSONL field not a string", "field \"" + std::string(key) + "\" is not a string");
        doc->text = j[key].get<std::string>();
        break;
      }
      if (std::string_view(key) == "content") return Failure(where, "no text field", "no \"text\" field");
    }
    for (auto [key, out] : {std::pair<const char*, std::string*>{"id", &doc->id}, {"date", date},
                            {"url", &doc->url}, {"source", &doc->source}, {"title", &doc->title},
                            {"language", &doc->language}}) {
      Status s = get_string(key, out);
      if (!s.ok()) return s;
    }
    return Status::Ok();
  }

  int line_no_ = 0;
  FlatJsonObject flat_;
};

class TabariReader : public ReaderBase {
 public:
  TabariReader(std::unique_ptr<InputSource> source, InputFormat format, const ReaderOptions& options,
               const std::string& path)
      : ReaderBase(std::move(source), format, options, path),
        stream_(source_.get()),
        records_(stream_, MakeOptions(source_->name(), options)) {}

  Status Next(Document* doc, bool* done) override {
    *done = false;
    if (!pending_errors_.empty()) return PopError();
    if (pending_) return Emit(doc);
    if (finished_) return Finish(done);
    dict::TabariRecord record;
    bool got = records_.Next(&record);
    for (; warnings_seen_ < records_.warnings().size(); ++warnings_seen_) {
      pending_errors_.push_back(records_.warnings()[warnings_seen_]);
    }
    if (got) pending_ = std::move(record);
    else finished_ = true;
    if (!pending_errors_.empty()) return PopError();
    if (pending_) return Emit(doc);
    return Finish(done);
  }

 private:
  static dict::TabariRecordReader::Options MakeOptions(const std::string& name, const ReaderOptions& options) {
    dict::TabariRecordReader::Options o;
    o.name = name;
    o.yyyy = options.tabari_yyyy;
    o.max_record_bytes = options.max_document_bytes;
    return o;
  }
  Status PopError() {
    Status s = pending_errors_.front();
    pending_errors_.pop_front();
    return s;
  }
  Status Emit(Document* doc) {
    dict::TabariRecord record = std::move(*pending_);
    pending_.reset();
    *doc = Document();
    const std::string where = Where(record.line);
    if (record.text.size() > options_.max_document_bytes) {
      return TooLarge(where, options_.max_document_bytes);
    }
    if (options_.hash) doc->sha256 = Sha256Hex(record.header + "\n" + record.text);
    std::string text = dict::StripRecordComments(record.text);
    size_t bad = normalize::FindInvalidUtf8(text);
    if (bad != std::string_view::npos) {
      if (!options_.lenient)
        return Failure(where, "invalid UTF-8", "invalid UTF-8 at byte " + std::to_string(bad) + " of the record");
      text = normalize::RepairUtf8(text);
    }
    doc->text = std::move(text);
    doc->id = record.id.empty() ? where : record.id;
    if (normalize::FindInvalidUtf8(doc->id) != std::string_view::npos) doc->id = normalize::RepairUtf8(doc->id);
    doc->date = record.date;
    doc->origin = Origin(record.line);
    doc->format = InputFormat::kTabari;
    return Status::Ok();
  }

  std::istream stream_;
  dict::TabariRecordReader records_;
  size_t warnings_seen_ = 0;
  std::deque<Status> pending_errors_;
  std::optional<dict::TabariRecord> pending_;
};

class HtmlReader : public ReaderBase {
 public:
  HtmlReader(std::unique_ptr<InputSource> source, InputFormat format, const ReaderOptions& options,
             const std::string& path, const read::HtmlBoilerplate* boilerplate)
      : ReaderBase(std::move(source), format, options, path), boilerplate_(boilerplate) {}

  Status Next(Document* doc, bool* done) override {
    if (finished_) return Finish(done);
    finished_ = true;
    *done = false;
    std::string html;
    bool too_long = false;
    source_->ReadAll(&html, options_.max_document_bytes, &too_long);
    if (source_->read_error()) return Finish(done);
    if (too_long) return TooLarge(name(), options_.max_document_bytes);
    *doc = Document();
    if (options_.hash) doc->sha256 = Sha256Hex(html);
    Status s = CheckUtf8(&html, 0, name(), 1, options_.lenient);
    if (!s.ok()) return s;
    read::HtmlArticle article;
    s = read::ExtractHtml(StripBom(html), *boilerplate_, &article);
    if (!s.ok()) return s.At(name());
    if (TrimView(article.text).empty()) return Failure(name(), "no article text", "no article text found in HTML");
    doc->id = FileStem(origin_path_ == "-" ? std::string("stdin") : origin_path_);
    doc->date = article.date;
    doc->source = std::move(article.source);
    doc->url = std::move(article.url);
    doc->title = std::move(article.title);
    doc->language = std::move(article.language);
    doc->text = std::move(article.text);
    doc->origin = Origin(1);
    doc->format = InputFormat::kHtml;
    return Status::Ok();
  }

 private:
  const read::HtmlBoilerplate* boilerplate_;
};

// One PDF file: its text layer in reading order, with its pages (read/pdf_extract.h).
class PdfReader : public ReaderBase {
 public:
  using ReaderBase::ReaderBase;
  Status Next(Document* doc, bool* done) override {
    if (finished_) return Finish(done);
    finished_ = true;
    *done = false;
    std::string bytes;
    bool too_long = false;
    source_->ReadAll(&bytes, options_.max_pdf_bytes, &too_long);
    if (source_->read_error()) return Finish(done);
    if (too_long) {
      return Failure(name(), "PDF too large", "PDF too large (more than " + std::to_string(options_.max_pdf_bytes) + " bytes)");
    }
    read::PdfText pdf;
    if (Status s = read::ExtractPdf(bytes, &pdf); !s.ok()) return s.At(name());
    if (pdf.text.size() > options_.max_document_bytes) return TooLarge(name(), options_.max_document_bytes);
    *doc = Document();
    if (options_.hash) doc->sha256 = Sha256Hex(bytes);
    doc->id = FileStem(origin_path_ == "-" ? std::string("stdin") : origin_path_);
    doc->title = std::move(pdf.title);
    doc->text = std::move(pdf.text);
    doc->page_starts = std::move(pdf.page_starts);
    doc->origin = origin_path_ == "-" ? std::string("stdin") : origin_path_;
    doc->format = InputFormat::kPdf;
    return Status::Ok();
  }
};

// An RSS or Atom feed: one document per item (read/feed_extract.h).
class FeedReader : public ReaderBase {
 public:
  FeedReader(std::unique_ptr<InputSource> source, InputFormat format, const ReaderOptions& options,
             const std::string& path, const read::HtmlBoilerplate* boilerplate)
      : ReaderBase(std::move(source), format, options, path), boilerplate_(boilerplate) {}

  Status Next(Document* doc, bool* done) override {
    *done = false;
    if (!parsed_) {
      parsed_ = true;
      std::string xml;
      bool too_long = false;
      source_->ReadAll(&xml, options_.max_feed_bytes, &too_long);
      if (source_->read_error()) return Finish(done);
      if (too_long) {
        finished_ = true;
        return Failure(name(), "feed too large", "feed too large (more than " + std::to_string(options_.max_feed_bytes) + " bytes)");
      }
      if (Status s = CheckUtf8(&xml, 0, name(), 1, options_.lenient); !s.ok()) {
        finished_ = true;
        return s;
      }
      if (Status s = read::ParseFeed(xml, &feed_); !s.ok()) {
        finished_ = true;
        return s.At(name());
      }
    }
    if (finished_ || next_ >= feed_.items.size()) return Finish(done);
    read::FeedItem& item = feed_.items[next_++];
    const std::string where = Where(item.line) + ": item " + std::to_string(item.number);
    if (!item.error.empty()) return Failure(where, "bad feed item", item.error);
    *doc = Document();
    std::string text = item.body;
    if (item.body_is_html) {
      read::HtmlArticle article;
      text = read::ExtractHtml(text, *boilerplate_, &article).ok() ? article.text : std::string();
    }
    if (TrimView(text).empty()) text = item.title;  // a headline-only item
    if (text.size() > options_.max_document_bytes) return TooLarge(where, options_.max_document_bytes);
    doc->text = std::move(text);
    doc->title = std::move(item.title);
    doc->url = std::move(item.link);
    doc->source = std::move(item.source);
    doc->date = item.date;
    doc->language = feed_.language;
    doc->id = !item.id.empty() ? item.id : !doc->url.empty() ? doc->url
                                         : FileStem(origin_path_ == "-" ? std::string("stdin") : origin_path_) + "-" +
                                               std::to_string(item.number);
    if (options_.hash) doc->sha256 = Sha256Hex(item.raw);
    doc->origin = Origin(item.line);
    doc->format = InputFormat::kFeed;
    item = read::FeedItem();  // its memory is no longer needed
    return Status::Ok();
  }

 private:
  const read::HtmlBoilerplate* boilerplate_;
  bool parsed_ = false;
  read::Feed feed_;
  size_t next_ = 0;
};

bool LooksLikeTabariHeader(std::string_view line) {
  size_t digits = 0;
  while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
  if (digits != 6 && digits != 8) return false;
  size_t i = digits;
  if (i >= line.size() || (line[i] != ' ' && line[i] != '\t')) return false;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  return i < line.size() && !IsBlank(line[i]);
}

// TABARI records, not prose that starts with a number: `rest` (from the first
// non-blank line) opens with "YYMMDD[DD] ID" where the date is valid and the id
// one word of at most 64 characters, a non-blank body line follows, and the
// first record ends (an empty line) within the head unless the head is the
// whole input.
bool LooksLikeTabari(std::string_view rest, bool whole_input) {
  size_t nl = rest.find('\n');
  std::string_view first = rest.substr(0, nl);
  if (!first.empty() && first.back() == '\r') first.remove_suffix(1);
  if (!LooksLikeTabariHeader(first)) return false;
  size_t digits = first.find_first_of(" \t");
  if (!dict::ParseTabariDate(first, digits == 8).valid()) return false;
  std::string_view id = TrimView(first.substr(digits));
  if (id.size() > 64 || id.find_first_of(" \t") != std::string_view::npos) return false;
  if (nl == std::string_view::npos) return whole_input;
  std::string_view body = rest.substr(nl + 1);
  std::string_view second = body.substr(0, body.find('\n'));
  if (TrimView(second).empty()) return false;
  if (whole_input) return true;
  return body.find("\n\n") != std::string_view::npos || body.find("\n\r\n") != std::string_view::npos;
}

// What a binary input is ("a PDF file", ...), "" for text. Checked before
// UTF-8 so that --lenient never stores a binary file as a text document.
std::string BinaryKind(std::string_view head) {
  static const std::pair<std::string_view, const char*> kMagic[] = {
      {std::string_view("PK\x03\x04", 4), "a ZIP archive (.docx, .odt, .epub ...)"},
      {"\x1f\x8b", "a gzip file (decompress it first)"},
      {"\x89PNG", "an image"},
      {"\xff\xd8\xff", "an image"},
      {"GIF8", "an image"},
  };
  for (const auto& [magic, kind] : kMagic) {
    if (head.substr(0, magic.size()) == magic) return kind;
  }
  if (head.find('\0') != std::string_view::npos) return "binary file";
  // Control bytes other than blanks are rare in text and common in binary data.
  size_t controls = 0;
  for (char ch : head) {
    auto c = static_cast<unsigned char>(ch);
    controls += (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7f;
  }
  if (controls > std::max<size_t>(8, head.size() / 100)) return "binary file";
  return "";
}

}  // namespace

DocumentReader::~DocumentReader() = default;

InputFormat DetectFormat(std::string_view path, std::string_view head) {
  size_t slash = path.find_last_of('/');
  std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  size_t dot = base.find_last_of('.');
  std::string ext = dot == std::string_view::npos ? "" : Lower(base.substr(dot + 1));
  if (read::IsPdf(head)) return InputFormat::kPdf;  // by its bytes, whatever the name
  if (read::LooksLikeFeed(head)) return InputFormat::kFeed;
  if (ext == "jsonl" || ext == "ndjson" || ext == "json") return InputFormat::kJsonl;
  if (ext == "html" || ext == "htm" || ext == "xhtml") return InputFormat::kHtml;

  std::string_view rest = StripBom(head);
  while (!rest.empty() && IsBlank(rest.front())) rest.remove_prefix(1);
  if (rest.empty()) return InputFormat::kText;
  if (LooksLikeTabari(rest, head.size() < read::InputSource::kBufferBytes)) return InputFormat::kTabari;
  if (rest.front() == '{') return InputFormat::kJsonl;
  if (rest.front() == '<') {
    std::string lower = Lower(rest.substr(0, 4096));
    if (lower.rfind("<!doctype", 0) == 0 || lower.rfind("<html", 0) == 0 ||
        lower.find("<html") != std::string::npos || lower.find("<body") != std::string::npos) {
      return InputFormat::kHtml;
    }
  }
  return InputFormat::kText;
}

Status DocumentReader::Open(const std::string& path, InputFormat format, const ReaderOptions& options,
                            std::unique_ptr<DocumentReader>* out) {
  out->reset();
  std::unique_ptr<InputSource> source;
  Status s = InputSource::Open(path, &source);
  if (!s.ok()) return s;
  std::string_view head = source->Head();
  if (source->read_error()) return Status::IOError("read error").WithKind("read error").At(source->name());
  if (TrimView(StripBom(head)).empty() && head.size() < InputSource::kBufferBytes) {
    return Failure(source->name(), "empty document", "empty document");
  }
  if (format == InputFormat::kAuto) format = DetectFormat(path == "-" ? std::string_view() : path, head);
  if (read::IsPdf(head) && format != InputFormat::kPdf) {
    return Failure(source->name(), "wrong format",
                   std::string("a PDF file, not ") + InputFormatName(format) +
                       " (read it as PDF: leave the format to detection)");
  }
  if (format == InputFormat::kPdf) {
    if (!read::IsPdf(head)) return Failure(source->name(), "not a PDF file", "not a PDF file (no %PDF- at its start)");
    out->reset(new PdfReader(std::move(source), format, options, path));
    return Status::Ok();
  }
  if (std::string kind = BinaryKind(head); !kind.empty()) {
    return Failure(source->name(), "not text", kind + ", not text");
  }
  if (options.max_document_bytes == 0) return Status::Error("max_document_bytes must be positive");

  switch (format) {
    case InputFormat::kJsonl: {
      std::string_view first = TrimView(StripBom(head));
      first = TrimView(first.substr(0, first.find('\n')));
      if (!first.empty() && first.front() == '[') {
        return Failure(source->name(), "not JSONL", "a JSON array is not JSONL: write one JSON object per line");
      }
      if (first == "{") {
        return Failure(source->name(), "not JSONL", "pretty-printed JSON is not JSONL: write one JSON object per line");
      }
      out->reset(new JsonlReader(std::move(source), format, options, path));
      break;
    }
    case InputFormat::kTabari:
      out->reset(new TabariReader(std::move(source), format, options, path));
      break;
    case InputFormat::kHtml: {
      const read::HtmlBoilerplate* boilerplate = nullptr;
      s = read::HtmlBoilerplate::Default(DataDir(options), &boilerplate);
      if (!s.ok()) return s;
      out->reset(new HtmlReader(std::move(source), format, options, path, boilerplate));
      break;
    }
    case InputFormat::kFeed: {
      const read::HtmlBoilerplate* boilerplate = nullptr;
      s = read::HtmlBoilerplate::Default(DataDir(options), &boilerplate);
      if (!s.ok()) return s;
      out->reset(new FeedReader(std::move(source), format, options, path, boilerplate));
      break;
    }
    case InputFormat::kPdf:  // opened above
    case InputFormat::kText:
    case InputFormat::kAuto:
      if (path == "-") {
        out->reset(new StreamTextReader(std::move(source), InputFormat::kText, options, path));
      } else {
        out->reset(new WholeTextReader(std::move(source), InputFormat::kText, options, path));
      }
      break;
  }
  return Status::Ok();
}

}  // namespace dyad
