#include "store/rows.h"

#include <algorithm>
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

Modality ParseModality(std::string_view s) {
  if (s == "negated") return Modality::kNegated;
  if (s == "hypothetical") return Modality::kHypothetical;
  return Modality::kAsserted;
}

DatePrecision ParsePrecision(std::string_view s) {
  for (auto p : {DatePrecision::kDocument, DatePrecision::kDay, DatePrecision::kWeek,
                 DatePrecision::kMonth, DatePrecision::kSeason, DatePrecision::kYear,
                 DatePrecision::kRange, DatePrecision::kIngested}) {
    if (s == DatePrecisionName(p)) return p;
  }
  return DatePrecision::kDocument;
}

std::string PageStartsToText(const std::vector<int64_t>& starts) {
  if (starts.empty()) return "";
  return nlohmann::json(starts).dump();
}

std::vector<int64_t> PageStartsFromText(std::string_view text) {
  std::vector<int64_t> starts;
  if (text.empty()) return starts;
  nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_array()) return starts;
  for (const auto& v : j)
    if (v.is_number_integer()) starts.push_back(v.get<int64_t>());
  return starts;
}

std::string DocumentName(const std::string& title, const std::string& origin, const std::string& input_id) {
  if (!title.empty()) return title;
  std::string name = origin;
  // "reports/minsk.txt:1" -> "minsk.txt"
  if (size_t colon = name.find_last_of(':');
      colon != std::string::npos && colon + 1 < name.size() &&
      name.find_first_not_of("0123456789", colon + 1) == std::string::npos)
    name.resize(colon);
  if (size_t slash = name.find_last_of('/'); slash != std::string::npos) name = name.substr(slash + 1);
  if (name.empty() || name == "-" || name == "stdin") return input_id;
  return name;
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

namespace {

// The first `n` code points of UTF-8 `s`, like SQL substr(s, 1, n); *count is how many it has
// (fewer than `n` when `s` is shorter).
std::string_view FirstChars(std::string_view s, int n, int* count) {
  size_t i = 0;
  int chars = 0;
  while (i < s.size() && chars < n) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xc0) == 0x80) ++i;
    ++chars;
  }
  *count = chars;
  return s.substr(0, i);
}

}  // namespace

std::vector<std::string> EventCountries(const Event& e) {
  std::vector<std::string> out;
  auto add = [&out](std::string_view c) {
    if (std::find(out.begin(), out.end(), c) == out.end()) out.emplace_back(c);
  };
  int count = 0;
  for (const std::string* code : {&e.source, &e.target, &e.reported_by}) {
    const std::string_view c = FirstChars(*code, 3, &count);
    if (count == 3) add(c);
  }
  for (const Place* p : {&e.location, &e.origin, &e.destination}) {
    if (p->empty()) continue;
    if (FirstChars(p->country, 4, &count).size() == p->country.size() && count == 3) add(p->country);
  }
  return out;
}

std::string PlacesToText(const Event& e) {
  nlohmann::json j = nlohmann::json::object();
  if (!e.location.empty()) j["location"] = PlaceToJson(e.location);
  if (!e.origin.empty()) j["origin"] = PlaceToJson(e.origin);
  if (!e.destination.empty()) j["destination"] = PlaceToJson(e.destination);
  return j.empty() ? std::string() : j.dump();
}

namespace {

// A reader of the places column as PlacesToText writes it: an object of place objects whose
// values are strings without escapes and numbers. Anything else (escapes, other value types)
// returns false, and the caller reads the text with the JSON library instead: both give the same
// places on every text this one accepts.
class PlacesScanner {
 public:
  explicit PlacesScanner(std::string_view text) : s_(text) {}

  bool Read(Event* e) {
    if (!Consume('{')) return false;
    if (Consume('}')) return AtEnd();
    do {
      std::string_view key;
      if (!String(&key) || !Consume(':')) return false;
      Place* place = key == "location" ? &e->location
                     : key == "origin" ? &e->origin
                     : key == "destination" ? &e->destination
                                            : nullptr;
      if (!place) return false;
      *place = Place{};
      if (!ReadPlace(place)) return false;
    } while (Consume(','));
    return Consume('}') && AtEnd();
  }

 private:
  bool ReadPlace(Place* p) {
    if (!Consume('{')) return false;
    if (Consume('}')) return true;
    do {
      std::string_view key;
      if (!String(&key) || !Consume(':')) return false;
      Skip();
      if (i_ < s_.size() && s_[i_] == '"') {
        std::string_view value;
        if (!String(&value)) return false;
        std::string* field = key == "name" ? &p->name
                             : key == "country" ? &p->country
                             : key == "admin1" ? &p->admin1
                             : key == "feature" ? &p->feature
                                                : nullptr;
        if (key == "latitude" || key == "longitude" || key == "begin" || key == "end") return false;
        if (field) field->assign(value.data(), value.size());
        continue;
      }
      double real = 0;
      int64_t integer = 0;
      bool is_integer = false;
      if (!Number(&real, &integer, &is_integer)) return false;
      const double as_double = is_integer ? static_cast<double>(integer) : real;
      const int64_t as_integer = is_integer ? integer : static_cast<int64_t>(real);
      if (key == "latitude") p->latitude = as_double;
      else if (key == "longitude") p->longitude = as_double;
      else if (key == "begin") p->span.begin = as_integer;
      else if (key == "end") p->span.end = as_integer;
      else if (key == "name" || key == "country" || key == "admin1" || key == "feature") return false;
    } while (Consume(','));
    return Consume('}');
  }

  void Skip() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }
  bool Consume(char c) {
    Skip();
    if (i_ >= s_.size() || s_[i_] != c) return false;
    ++i_;
    return true;
  }
  bool AtEnd() {
    Skip();
    return i_ == s_.size();
  }
  // A string of printable ASCII without escapes (the JSON library checks the rest: UTF-8).
  bool String(std::string_view* out) {
    if (!Consume('"')) return false;
    const size_t begin = i_;
    while (i_ < s_.size() && s_[i_] != '"') {
      const unsigned char c = static_cast<unsigned char>(s_[i_]);
      if (c == '\\' || c < 0x20 || c >= 0x80) return false;
      ++i_;
    }
    if (i_ >= s_.size()) return false;
    *out = s_.substr(begin, i_ - begin);
    ++i_;
    return true;
  }
  // A JSON number; integers (no fraction or exponent) that fit in int64 apart from others.
  bool Number(double* real, int64_t* integer, bool* is_integer) {
    const size_t begin = i_;
    if (i_ < s_.size() && s_[i_] == '-') ++i_;
    const size_t digits = i_;
    while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
    if (i_ == digits || (s_[digits] == '0' && i_ - digits > 1)) return false;
    bool fraction = false;
    if (i_ < s_.size() && s_[i_] == '.') {
      fraction = true;
      const size_t f = ++i_;
      while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
      if (i_ == f) return false;
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      fraction = true;
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      const size_t x = i_;
      while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
      if (i_ == x) return false;
    }
    const std::string token(s_.substr(begin, i_ - begin));
    if (!fraction && i_ - digits <= 18) {
      *integer = std::strtoll(token.c_str(), nullptr, 10);
      *is_integer = true;
      return true;
    }
    if (!fraction) return false;  // a long integer: left to the JSON library's rules
    *real = std::strtod(token.c_str(), nullptr);
    *is_integer = false;
    return true;
  }

  std::string_view s_;
  size_t i_ = 0;
};

// Sets the three places of `e` from the places column ("" = none).
}  // namespace

void PlacesFromText(std::string_view text, Event* e) {
  e->location = Place{};
  e->origin = Place{};
  e->destination = Place{};
  if (text.empty()) return;
  if (PlacesScanner(text).Read(e)) return;
  e->location = Place{};
  e->origin = Place{};
  e->destination = Place{};
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
