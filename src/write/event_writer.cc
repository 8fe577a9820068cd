#include "write/event_writer.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

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
  for (unsigned char c : s) {
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
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
  }
  out->push_back('"');
}

void AppendInteger(int64_t value, std::string* out) {
  char buf[24];
  const auto result = std::to_chars(buf, buf + sizeof buf, value);
  out->append(buf, result.ptr);
}

void AppendDouble(double value, std::string* out) {
  if (!std::isfinite(value)) {
    out->append("null");
    return;
  }
  std::array<char, 64> buf;
  char* end = nlohmann::detail::to_chars(buf.data(), buf.data() + buf.size(), value);
  out->append(buf.data(), end);
}

// `opening` is what precedes the key's closing quote: '{"name' or ',"name' (keys are
// literals without characters to escape); appends it and '":'.
// A template on the literal's length: no strlen per key.
template <size_t N>
void AppendKey(const char (&opening)[N], std::string* out) {
  // The key and '":' in one append.
  char key[N + 1];
  std::memcpy(key, opening, N - 1);
  key[N - 1] = '"';
  key[N] = ':';
  out->append(key, N + 1);
}

void AppendSpan(const Span& span, std::string* out) {
  if (span.empty()) {
    out->append("null");
    return;
  }
  out->push_back('[');
  AppendInteger(span.begin, out);
  out->push_back(',');
  AppendInteger(span.end, out);
  out->push_back(']');
}

void AppendPlace(const Place& place, std::string* out) {
  if (place.empty()) {
    out->append("null");
    return;
  }
  AppendKey("{\"admin1", out);
  AppendJsonString(place.admin1, out);
  AppendKey(",\"country", out);
  AppendJsonString(place.country, out);
  AppendKey(",\"feature", out);
  AppendJsonString(place.feature, out);
  AppendKey(",\"lat", out);
  AppendDouble(place.latitude, out);
  AppendKey(",\"lon", out);
  AppendDouble(place.longitude, out);
  AppendKey(",\"name", out);
  AppendJsonString(place.name, out);
  if (!place.span.empty()) {
    AppendKey(",\"offsets", out);
    AppendSpan(place.span, out);
  }
  out->push_back('}');
}

}  // namespace

void AppendEventJsonl(const Event& e, std::string* out) {
  // nlohmann::json objects are std::maps: the keys come out in byte order.
  const std::string date = e.date.ToIso();
  AppendKey("{\"date", out);
  AppendJsonString(date, out);
  AppendKey(",\"date_end", out);
  AppendJsonString(e.date_end.valid() ? e.date_end.ToIso() : date, out);
  AppendKey(",\"date_precision", out);
  AppendJsonString(DatePrecisionName(e.date_precision), out);
  AppendKey(",\"date_text", out);
  AppendJsonString(e.date_text, out);
  AppendKey(",\"destination", out);
  AppendPlace(e.destination, out);
  AppendKey(",\"doc_id", out);
  AppendJsonString(e.doc_id, out);
  AppendKey(",\"event_code", out);
  AppendJsonString(e.event_code, out);
  AppendKey(",\"goldstein", out);
  AppendDouble(e.goldstein, out);
  AppendKey(",\"location", out);
  AppendPlace(e.location, out);
  AppendKey(",\"modality", out);
  AppendJsonString(ModalityName(e.modality), out);
  AppendKey(",\"offsets", out);
  AppendKey("{\"sentence", out);
  AppendSpan(e.sentence_span, out);
  AppendKey(",\"source", out);
  AppendSpan(e.source_span, out);
  AppendKey(",\"target", out);
  AppendSpan(e.target_span, out);
  AppendKey(",\"verb", out);
  AppendSpan(e.verb_span, out);
  out->push_back('}');
  AppendKey(",\"origin", out);
  AppendPlace(e.origin, out);
  AppendKey(",\"page", out);
  if (e.page > 0) AppendInteger(e.page, out);
  else out->append("null");
  AppendKey(",\"pattern", out);
  AppendKey("{\"file", out);
  AppendJsonString(e.pattern.file, out);
  AppendKey(",\"line", out);
  AppendInteger(e.pattern.line, out);
  AppendKey(",\"text", out);
  AppendJsonString(e.pattern.text, out);
  out->push_back('}');
  AppendKey(",\"plover", out);
  AppendJsonString(e.plover, out);
  AppendKey(",\"quad_class", out);
  AppendInteger(e.quad_class, out);
  AppendKey(",\"reported_by", out);
  AppendJsonString(e.reported_by, out);
  AppendKey(",\"reported_by_text", out);
  AppendJsonString(e.reported_by_text, out);
  AppendKey(",\"root_code", out);
  AppendJsonString(e.root_code, out);
  AppendKey(",\"sentence", out);
  AppendJsonString(e.sentence, out);
  AppendKey(",\"sentence_index", out);
  AppendInteger(e.sentence_index, out);
  AppendKey(",\"source", out);
  AppendJsonString(e.source, out);
  AppendKey(",\"source_ref", out);
  AppendJsonString(e.source_ref, out);
  AppendKey(",\"source_text", out);
  AppendJsonString(e.source_text, out);
  AppendKey(",\"target", out);
  AppendJsonString(e.target, out);
  AppendKey(",\"target_ref", out);
  AppendJsonString(e.target_ref, out);
  AppendKey(",\"target_text", out);
  AppendJsonString(e.target_text, out);
  AppendKey(",\"verb_text", out);
  AppendJsonString(e.verb_text, out);
  out->append("}\n");
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
