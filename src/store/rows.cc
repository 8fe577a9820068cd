#include "store/rows.h"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <ctime>

#include <nlohmann/json.hpp>

namespace dyad::store {

std::string NowIso() {
  auto now = std::chrono::system_clock::now();
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(ms % 1000));
  return buf;
}

// The smallest string greater than every string starting with `prefix`.
std::string PrefixEnd(const std::string& prefix) {
  std::string end = prefix;
  while (!end.empty()) {
    unsigned char c = static_cast<unsigned char>(end.back());
    if (c < 0xff) {
      end.back() = static_cast<char>(c + 1);
      return end;
    }
    end.pop_back();
  }
  return std::string(1, '\x7f');  // unreachable for non-empty ASCII prefixes
}

Modality ParseModality(const std::string& s) {
  if (s == "negated") return Modality::kNegated;
  if (s == "hypothetical") return Modality::kHypothetical;
  return Modality::kAsserted;
}

DatePrecision ParsePrecision(const std::string& s) {
  for (auto p : {DatePrecision::kDocument, DatePrecision::kDay, DatePrecision::kWeek,
                 DatePrecision::kMonth, DatePrecision::kSeason, DatePrecision::kYear,
                 DatePrecision::kRange}) {
    if (s == DatePrecisionName(p)) return p;
  }
  return DatePrecision::kDocument;
}

namespace {

nlohmann::json PlaceToJson(const Place& p) {
  return {{"name", p.name},         {"country", p.country},     {"admin1", p.admin1},
          {"latitude", p.latitude}, {"longitude", p.longitude}, {"feature", p.feature},
          {"begin", p.span.begin},  {"end", p.span.end}};
}

Place PlaceFromJson(const nlohmann::json& j) {
  Place p;
  p.name = j.value("name", "");
  p.country = j.value("country", "");
  p.admin1 = j.value("admin1", "");
  p.latitude = j.value("latitude", 0.0);
  p.longitude = j.value("longitude", 0.0);
  p.feature = j.value("feature", "");
  p.span.begin = j.value("begin", int64_t{-1});
  p.span.end = j.value("end", int64_t{-1});
  return p;
}

}  // namespace

std::string PlacesToText(const Event& e) {
  nlohmann::json j = nlohmann::json::object();
  if (!e.location.empty()) j["location"] = PlaceToJson(e.location);
  if (!e.origin.empty()) j["origin"] = PlaceToJson(e.origin);
  if (!e.destination.empty()) j["destination"] = PlaceToJson(e.destination);
  return j.empty() ? std::string() : j.dump();
}

void PlacesFromText(const std::string& text, Event* e) {
  if (text.empty()) return;
  auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return;
  if (j.contains("location")) e->location = PlaceFromJson(j["location"]);
  if (j.contains("origin")) e->origin = PlaceFromJson(j["origin"]);
  if (j.contains("destination")) e->destination = PlaceFromJson(j["destination"]);
}

std::optional<int64_t> DayOf(const Date& d) {
  if (!d.valid()) return std::nullopt;
  return d.ToDays();
}

// What identifies an event within a document across recodes, and its content.
std::string EventKey(const Event& e) {
  return std::to_string(e.sentence_index) + ":" + std::to_string(e.verb_span.begin) + ":" +
         std::to_string(e.verb_span.end);
}
std::string EventContent(const Event& e) {
  return e.source + "|" + e.target + "|" + e.event_code + "|" + e.date.ToIso() + "|" +
         ModalityName(e.modality) + "|" + e.reported_by + "|" +
         std::to_string(e.source_span.begin) + "|" + std::to_string(e.target_span.begin) + "|" +
         e.location.name;  // not the pattern: the same coding from a moved line is unchanged
}

std::string FormatReal(double value) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  return ec == std::errc() ? std::string(buf, end) : std::to_string(value);
}

}  // namespace dyad::store
