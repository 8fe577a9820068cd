#include "write/event_writer.h"

#include <cstdio>
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
      "sentence", "source_ref", "target_ref"};
  return kColumns;
}

}  // namespace

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
  switch (format_) {
    case OutputFormat::kJsonl:
      out_ << EventToJson(e).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
      return;
    case OutputFormat::kTsv: {
      // TABARI's event line: date, source, target, code, then our provenance.
      out_ << CompactDate(e.date) << '\t' << e.source << '\t' << e.target << '\t'
           << e.event_code << '\t' << e.doc_id << '\t' << e.sentence_index << '\t'
           << e.verb_text << '\n';
      return;
    }
    case OutputFormat::kCsv: {
      std::string line;
      if (!header_written_) {
        for (size_t i = 0; i < CsvColumns().size(); ++i) {
          if (i) line += ',';
          line += CsvColumns()[i];
        }
        line += '\n';
        header_written_ = true;
      }
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
          num(e.target_span.begin), num(e.target_span.end), e.sentence, e.source_ref, e.target_ref};
      for (size_t i = 0; i < fields.size(); ++i) {
        if (i) line += ',';
        line += CsvField(fields[i]);
      }
      line += '\n';
      out_ << line;
      return;
    }
  }
}

}  // namespace dyad::write
