#include "write/event_writer.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dyad::write {

namespace {

nlohmann::json SpanJson(const Span& span) {
  if (span.empty()) return nullptr;
  return nlohmann::json::array({span.begin, span.end});
}

nlohmann::json PlaceJson(const Place& place) {
  if (place.empty()) return nullptr;
  nlohmann::json j = {{"name", place.name},     {"country", place.country},
                      {"admin1", place.admin1}, {"feature", place.feature},
                      {"lat", place.latitude},  {"lon", place.longitude}};
  if (!place.span.empty()) j["offsets"] = SpanJson(place.span);
  return j;
}

std::string FormatGoldstein(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", value);
  return buf;
}

// TABARI writes dates as YYMMDD; we keep four-digit years to avoid ambiguity.
std::string CompactDate(const Date& date) {
  if (!date.valid()) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", date.year, date.month, date.day);
  return buf;
}

const std::vector<std::string>& CsvColumns() {
  static const std::vector<std::string> kColumns = {
      "doc_id", "sentence_index", "date", "date_precision", "date_text", "date_end",
      "source", "target", "source_text", "target_text", "event_code", "root_code",
      "quad_class", "goldstein", "plover", "verb_text", "modality", "reported_by",
      "reported_by_text", "location", "location_country", "origin_country",
      "destination", "destination_country", "pattern_file", "pattern_line", "pattern_text",
      "source_begin", "source_end", "verb_begin", "verb_end", "target_begin", "target_end",
      "sentence", "source_ref", "target_ref", "page"};
  return kColumns;
}

// --- JSONL without a JSON object: the bytes nlohmann's dump() writes, appended directly. ---

// Well-formed UTF-8 (Unicode Table 3-7: no overlong forms, surrogates or code points past
// U+10FFFF), the same set nlohmann's serializer accepts.
bool IsWellFormedUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  for (size_t i = 0; i < n;) {
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    auto cont = [&](size_t k) { return i + k < n && (p[i + k] & 0xC0) == 0x80; };
    if (c >= 0xC2 && c <= 0xDF) {
      if (!cont(1)) return false;
      i += 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      if (!cont(1) || !cont(2)) return false;
      if (c == 0xE0 && p[i + 1] < 0xA0) return false;   // overlong
      if (c == 0xED && p[i + 1] > 0x9F) return false;   // surrogate
      i += 3;
    } else if (c >= 0xF0 && c <= 0xF4) {
      if (!cont(1) || !cont(2) || !cont(3)) return false;
      if (c == 0xF0 && p[i + 1] < 0x90) return false;   // overlong
      if (c == 0xF4 && p[i + 1] > 0x8F) return false;   // past U+10FFFF
      i += 4;
    } else {
      return false;
    }
  }
  return true;
}

// True when no byte of s needs a look: no '"', '\\', control character or non-ASCII byte.
// Eight bytes at a time (the sentence, the longest field, is a few hundred bytes).
bool IsPlainJson(std::string_view s) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  // Non-zero exactly when some byte of x is zero.
  const auto has_zero = [](uint64_t x) { return (x - kOnes) & ~x & kHighs; };
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t v;
    std::memcpy(&v, s.data() + i, 8);
    // A byte >= 0x80; a byte < 0x20 (nothing left once its low five bits are masked); '"'; '\\'.
    if ((v & kHighs) || has_zero(v & ~uint64_t{0x1F1F1F1F1F1F1F1Full}) ||
        has_zero(v ^ (kOnes * '"')) || has_zero(v ^ (kOnes * '\\')))
      return false;
  }
  for (; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) return false;
  }
  return true;
}

// A JSON string as dump(-1, ' ', false, replace) writes it: only '"', '\\' and control
// characters are escaped; other bytes are copied.
void AppendJsonString(std::string_view s, std::string* out) {
  if (IsPlainJson(s)) {
    // '"', s, '"' with one append: quotes all round, then s copied over the inner ones.
    const size_t at = out->size();
    out->append(s.size() + 2, '"');
    if (!s.empty()) std::memcpy(out->data() + at + 1, s.data(), s.size());
    return;
  }
  if (!IsWellFormedUtf8(s)) {  // rare: let nlohmann decide how each bad byte is replaced
    out->append(nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return;
  }
  out->push_back('"');
  // (The bytes kept as they are, most of them, appended a run at a time, not one by one.)
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\b': out->append("\\b"); break;
      case '\t': out->append("\\t"); break;
      case '\n': out->append("\\n"); break;
      case '\f': out->append("\\f"); break;
      case '\r': out->append("\\r"); break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out->append(buf);
        }
    }
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
}

}  // namespace

namespace {

// The JSONL writer's cursor: bytes written through a pointer into a buffer sized beforehand for
// the whole event (AppendEventJsonl bounds it), so that no field pays std::string's append
// (a capacity check and a call each: some 60 per event).
class Cursor {
 public:
  explicit Cursor(char* p) : p_(p) {}
  char* get() const { return p_; }
  void Put(char c) { *p_++ = c; }
  void Put(std::string_view s) {
    if (!s.empty()) std::memcpy(p_, s.data(), s.size());
    p_ += s.size();
  }
  template <size_t N>
  void Literal(const char (&text)[N]) {
    std::memcpy(p_, text, N - 1);
    p_ += N - 1;
  }
  // As AppendKey: `opening`, then '":'.
  template <size_t N>
  void Key(const char (&opening)[N]) {
    std::memcpy(p_, opening, N - 1);
    p_[N - 1] = '"';
    p_[N] = ':';
    p_ += N + 1;
  }
  // As AppendJsonString (which it calls for a string with anything to escape or non-ASCII).
  [[gnu::always_inline]] void String(std::string_view s) {  // (in line: 21 strings an event)
    // The plain case (IsPlainJson's test) copied as it is checked, eight bytes at a time: the
    // bytes land after the opening quote, and the cursor moves only when every byte passed.
    constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
    const auto has_zero = [](uint64_t x) { return (x - kOnes) & ~x & kHighs; };
    char* const dst = p_ + 1;
    size_t i = 0;
    bool plain = true;
#if defined(__SSE2__)
    // Sixteen bytes at a time where SSE2 is there (x86-64 always has it): a byte below 0x20 or
    // from 0x80 up (a signed compare with 0x20 finds both), a quote or a backslash stops the copy.
    // A string of 16 bytes or more ends with its last sixteen checked and copied again, as below.
    if (s.size() >= 16) {
      const __m128i space = _mm_set1_epi8(0x20), quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
      const auto special = [&](__m128i v) {
        return _mm_movemask_epi8(_mm_or_si128(_mm_cmplt_epi8(v, space),
                                              _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash))));
      };
      for (; i + 16 <= s.size(); i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
        if (special(v) != 0) {
          plain = false;
          break;
        }
        _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + i), v);
      }
      if (plain && i < s.size()) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + s.size() - 16));
        if (special(v) != 0) {
          plain = false;
        } else {
          _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + s.size() - 16), v);
          i = s.size();
        }
      }
    }
#endif
    for (; plain && i + 8 <= s.size(); i += 8) {
      uint64_t v;
      std::memcpy(&v, s.data() + i, 8);
      if ((v & kHighs) || has_zero(v & ~uint64_t{0x1F1F1F1F1F1F1F1Full}) || has_zero(v ^ (kOnes * '"')) ||
          has_zero(v ^ (kOnes * '\\'))) {
        plain = false;
        break;
      }
      std::memcpy(dst + i, &v, 8);
    }
    // The last (fewer than eight) bytes of a longer string: its last eight bytes checked and
    // copied again, overlapping bytes already passed, instead of one byte at a time.
    if (plain && i < s.size() && s.size() >= 8) {
      uint64_t v;
      std::memcpy(&v, s.data() + s.size() - 8, 8);
      if ((v & kHighs) || has_zero(v & ~uint64_t{0x1F1F1F1F1F1F1F1Full}) || has_zero(v ^ (kOnes * '"')) ||
          has_zero(v ^ (kOnes * '\\'))) {
        plain = false;
      } else {
        std::memcpy(dst + s.size() - 8, &v, 8);
        i = s.size();
      }
    }
    for (; plain && i < s.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(s[i]);
      if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) plain = false;
      else dst[i] = static_cast<char>(c);
    }
    if (plain) {
      *p_ = '"';
      dst[s.size()] = '"';
      p_ = dst + s.size() + 1;
      return;
    }
    thread_local std::string escaped;
    escaped.clear();
    AppendJsonString(s, &escaped);
    Put(escaped);
  }
  void Integer(int64_t value) { p_ = std::to_chars(p_, p_ + 24, value).ptr; }
  void Double(double value) {
    if (!std::isfinite(value)) {
      Literal("null");
      return;
    }
    // (Events repeat few values: a Goldstein score per code, a gazetteer place's coordinates. The
    // thread remembers the text of the values it formatted last, one per slot of a small table
    // keyed by the value's bits; a value not in it is formatted, and kept, as before.)
    struct Formatted {
      uint64_t bits = 0;
      bool valid = false;
      uint8_t size = 0;
      char text[30] = {};
    };
    thread_local std::array<Formatted, 256> formatted;
    uint64_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    Formatted& slot = formatted[((bits ^ (bits >> 29)) * 0x9E3779B97F4A7C15ull) >> 56];
    if (slot.valid && slot.bits == bits) {
      std::memcpy(p_, slot.text, sizeof slot.text);  // (the buffer has room for 64 bytes here)
      p_ += slot.size;
      return;
    }
    char* const end = nlohmann::detail::to_chars(p_, p_ + 64, value);
    const size_t size = static_cast<size_t>(end - p_);
    if (size <= sizeof slot.text) {
      slot.bits = bits;
      slot.valid = true;
      slot.size = static_cast<uint8_t>(size);
      std::memcpy(slot.text, p_, size);
    }
    p_ = end;
  }
  void SpanOf(const Span& span) {
    if (span.empty()) {
      Literal("null");
      return;
    }
    Put('[');
    Integer(span.begin);
    Put(',');
    Integer(span.end);
    Put(']');
  }
  void PlaceOf(const Place& place) {
    if (place.empty()) {
      Literal("null");
      return;
    }
    Key("{\"admin1");
    String(place.admin1);
    Key(",\"country");
    String(place.country);
    Key(",\"feature");
    String(place.feature);
    Key(",\"lat");
    Double(place.latitude);
    Key(",\"lon");
    Double(place.longitude);
    Key(",\"name");
    String(place.name);
    if (!place.span.empty()) {
      Key(",\"offsets");
      SpanOf(place.span);
    }
    Put('}');
  }

 private:
  char* p_;
};

// The most bytes a string field can take: every byte escaped as \u00XX (a malformed byte's
// replacement takes 3), and its quotes.
size_t StringBound(std::string_view s) { return 6 * s.size() + 2; }
size_t PlaceBound(const Place& p) {
  return StringBound(p.admin1) + StringBound(p.country) + StringBound(p.feature) + StringBound(p.name) + 256;
}

}  // namespace

void AppendEventJsonl(const Event& e, std::string* out) {
  // nlohmann::json objects are std::maps: the keys come out in byte order.
  const std::string date = e.date.ToIso();
  const std::string date_end = e.date_end.valid() ? e.date_end.ToIso() : date;
  const char* const precision = DatePrecisionName(e.date_precision);
  const char* const modality = ModalityName(e.modality);
  // An upper bound of the line: the fields' worst cases, and 1 KB for the keys (about 300
  // bytes), numbers (at most 24 bytes each, doubles 64) and punctuation.
  size_t bound = 1024 + StringBound(date) + StringBound(date_end) + StringBound(precision) + StringBound(modality);
  for (const std::string* field :
       {&e.date_text, &e.doc_id, &e.event_code, &e.pattern.file, &e.pattern.text, &e.plover, &e.reported_by,
        &e.reported_by_text, &e.root_code, &e.sentence, &e.source, &e.source_ref, &e.source_text, &e.target,
        &e.target_ref, &e.target_text, &e.verb_text})
    bound += StringBound(*field);
  bound += PlaceBound(e.destination) + PlaceBound(e.location) + PlaceBound(e.origin);
  thread_local std::vector<char> buffer;
  if (buffer.size() < bound) buffer.resize(bound);
  Cursor c(buffer.data());
  c.Key("{\"date");
  c.String(date);
  c.Key(",\"date_end");
  c.String(date_end);
  c.Key(",\"date_precision");
  c.String(precision);
  c.Key(",\"date_text");
  c.String(e.date_text);
  c.Key(",\"destination");
  c.PlaceOf(e.destination);
  c.Key(",\"doc_id");
  c.String(e.doc_id);
  c.Key(",\"event_code");
  c.String(e.event_code);
  c.Key(",\"goldstein");
  c.Double(e.goldstein);
  c.Key(",\"location");
  c.PlaceOf(e.location);
  c.Key(",\"modality");
  c.String(modality);
  c.Key(",\"offsets");
  c.Key("{\"sentence");
  c.SpanOf(e.sentence_span);
  c.Key(",\"source");
  c.SpanOf(e.source_span);
  c.Key(",\"target");
  c.SpanOf(e.target_span);
  c.Key(",\"verb");
  c.SpanOf(e.verb_span);
  c.Put('}');
  c.Key(",\"origin");
  c.PlaceOf(e.origin);
  c.Key(",\"page");
  if (e.page > 0) c.Integer(e.page);
  else c.Literal("null");
  c.Key(",\"pattern");
  c.Key("{\"file");
  c.String(e.pattern.file);
  c.Key(",\"line");
  c.Integer(e.pattern.line);
  c.Key(",\"text");
  c.String(e.pattern.text);
  c.Put('}');
  c.Key(",\"plover");
  c.String(e.plover);
  c.Key(",\"quad_class");
  c.Integer(e.quad_class);
  c.Key(",\"reported_by");
  c.String(e.reported_by);
  c.Key(",\"reported_by_text");
  c.String(e.reported_by_text);
  c.Key(",\"root_code");
  c.String(e.root_code);
  c.Key(",\"sentence");
  c.String(e.sentence);
  c.Key(",\"sentence_index");
  c.Integer(e.sentence_index);
  c.Key(",\"source");
  c.String(e.source);
  c.Key(",\"source_ref");
  c.String(e.source_ref);
  c.Key(",\"source_text");
  c.String(e.source_text);
  c.Key(",\"target");
  c.String(e.target);
  c.Key(",\"target_ref");
  c.String(e.target_ref);
  c.Key(",\"target_text");
  c.String(e.target_text);
  c.Key(",\"verb_text");
  c.String(e.verb_text);
  c.Literal("}\n");
  out->append(buffer.data(), static_cast<size_t>(c.get() - buffer.data()));
}

Status ParseOutputFormat(std::string_view name, OutputFormat* out) {
  if (name == "jsonl" || name == "json") {
    *out = OutputFormat::kJsonl;
  } else if (name == "csv") {
    *out = OutputFormat::kCsv;
  } else if (name == "tsv" || name == "tabari") {
    *out = OutputFormat::kTsv;
  } else {
    return Status::Error("unknown output format '" + std::string(name) +
                         "' (expected jsonl, csv or tsv)");
  }
  return Status::Ok();
}

nlohmann::json EventToJson(const Event& e) {
  nlohmann::json j;
  j["doc_id"] = e.doc_id;
  j["sentence_index"] = e.sentence_index;
  j["date"] = e.date.ToIso();
  j["date_precision"] = DatePrecisionName(e.date_precision);
  j["date_text"] = e.date_text;
  j["date_end"] = e.date_end.valid() ? e.date_end.ToIso() : e.date.ToIso();
  j["source"] = e.source;
  j["target"] = e.target;
  j["source_text"] = e.source_text;
  j["target_text"] = e.target_text;
  j["source_ref"] = e.source_ref;
  j["target_ref"] = e.target_ref;
  j["event_code"] = e.event_code;
  j["root_code"] = e.root_code;
  j["quad_class"] = e.quad_class;
  j["goldstein"] = e.goldstein;
  j["plover"] = e.plover;
  j["verb_text"] = e.verb_text;
  j["modality"] = ModalityName(e.modality);
  j["reported_by"] = e.reported_by;
  j["reported_by_text"] = e.reported_by_text;
  j["location"] = PlaceJson(e.location);
  j["origin"] = PlaceJson(e.origin);
  j["destination"] = PlaceJson(e.destination);
  j["pattern"] = {{"file", e.pattern.file}, {"line", e.pattern.line}, {"text", e.pattern.text}};
  j["offsets"] = {{"source", SpanJson(e.source_span)},
                  {"verb", SpanJson(e.verb_span)},
                  {"target", SpanJson(e.target_span)},
                  {"sentence", SpanJson(e.sentence_span)}};
  j["sentence"] = e.sentence;
  j["page"] = e.page > 0 ? nlohmann::json(e.page) : nlohmann::json(nullptr);
  return j;
}

std::string CsvField(std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

void EventWriter::Write(const Event& e) {
  line_.clear();
  Format(e, &line_);
  WriteLines(line_);
}

void EventWriter::WriteLines(std::string_view lines) {
  if (lines.empty()) return;
  if (format_ == OutputFormat::kCsv && !header_written_) {
    std::string header;
    for (size_t i = 0; i < CsvColumns().size(); ++i) {
      if (i) header += ',';
      header += CsvColumns()[i];
    }
    header += '\n';
    out_.write(header.data(), static_cast<std::streamsize>(header.size()));
    header_written_ = true;
  }
  out_.write(lines.data(), static_cast<std::streamsize>(lines.size()));
}

void EventWriter::Format(const Event& e, std::string* out) const {
  switch (format_) {
    case OutputFormat::kJsonl:
      AppendEventJsonl(e, out);
      return;
    case OutputFormat::kTsv: {
      // TABARI's event line: date, source, target, code, then our provenance.
      *out += CompactDate(e.date);
      for (const std::string* field : {&e.source, &e.target, &e.event_code, &e.doc_id}) {
        *out += '\t';
        *out += *field;
      }
      *out += '\t';
      *out += std::to_string(e.sentence_index);
      *out += '\t';
      *out += e.verb_text;
      *out += '\n';
      return;
    }
    case OutputFormat::kCsv: {
      auto num = [](int64_t v) { return v < 0 ? std::string() : std::to_string(v); };
      const std::vector<std::string> fields = {
          e.doc_id, std::to_string(e.sentence_index), e.date.ToIso(),
          DatePrecisionName(e.date_precision), e.date_text,
          e.date_end.valid() ? e.date_end.ToIso() : e.date.ToIso(), e.source, e.target,
          e.source_text, e.target_text, e.event_code, e.root_code, std::to_string(e.quad_class),
          FormatGoldstein(e.goldstein), e.plover, e.verb_text, ModalityName(e.modality),
          e.reported_by, e.reported_by_text, e.location.name, e.location.country,
          e.origin.country, e.destination.name, e.destination.country, e.pattern.file,
          std::to_string(e.pattern.line), e.pattern.text, num(e.source_span.begin),
          num(e.source_span.end), num(e.verb_span.begin), num(e.verb_span.end),
          num(e.target_span.begin), num(e.target_span.end), e.sentence, e.source_ref, e.target_ref,
          e.page > 0 ? std::to_string(e.page) : std::string()};
      for (size_t i = 0; i < fields.size(); ++i) {
        if (i) *out += ',';
        *out += CsvField(fields[i]);
      }
      *out += '\n';
      return;
    }
  }
}

}  // namespace dyad::write
