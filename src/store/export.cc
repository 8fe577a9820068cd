#include "store/export.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "write/event_writer.h"

namespace dyad::store {

namespace {

std::string Dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string Compact(const Date& d) {  // YYYYMMDD
  if (!d.valid()) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", d.year, d.month, d.day);
  return buf;
}

std::string Fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

// Tabs and line breaks would break a TSV row.
std::string TsvField(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return out;
}

// CAMEO actor code -> GDELT actor columns (Code, Name, CountryCode,
// KnownGroupCode, EthnicCode, Religion1Code, Religion2Code, Type1-3Code).
std::vector<std::string> GdeltActor(const std::string& code, const std::string& name) {
  std::vector<std::string> cols(10);
  if (code.empty()) return cols;
  cols[0] = code;
  cols[1] = TsvField(name);
  std::vector<std::string> parts;
  for (size_t i = 0; i + 3 <= code.size(); i += 3) parts.push_back(code.substr(i, 3));
  size_t next = 0, type = 0;  // type: index among Type1Code..Type3Code
  if (!parts.empty()) {
    const std::string& first = parts[0];
    if (first == "IGO" || first == "NGO" || first == "IMG" || first == "MNC") {
      // International bodies: "IGOUNO" -> Type1Code IGO, KnownGroupCode UNO.
      cols[7] = first;
      type = 1;
      if (parts.size() > 1) cols[3] = parts[1];
      next = 2;
    } else {
      cols[2] = first;  // country (CAMEO/ISO 3166-1 alpha-3)
      next = 1;
    }
  }
  for (; next < parts.size() && type < 3; ++next, ++type) cols[7 + type] = parts[next];
  return cols;
}

// Place -> GDELT geo columns (Type, FullName, CountryCode, ADM1Code, ADM2Code,
// Lat, Long, FeatureID). Type: 1 country, 4 world city, 5 world state/region.
std::vector<std::string> GdeltGeo(const Place& p) {
  std::vector<std::string> cols(8);
  if (p.empty()) return cols;
  cols[0] = p.feature == "country" ? "1" : p.feature == "city" ? "4" : "5";
  std::string full = p.name;
  if (!p.admin1.empty() && p.feature == "city") full += ", " + p.admin1;
  if (!p.country.empty() && p.feature != "country") full += ", " + p.country;
  cols[1] = TsvField(full);
  cols[2] = p.country;
  cols[3] = p.admin1.empty() ? "" : p.country + "-" + p.admin1;
  if (p.latitude != 0 || p.longitude != 0) {
    cols[5] = Fixed(p.latitude, 4);
    cols[6] = Fixed(p.longitude, 4);
  }
  return cols;
}

std::string IsoTimestampToGdelt(const std::string& iso) {  // 2024-03-25T10:00:00.123Z -> 20240325100000
  std::string out;
  for (char c : iso.substr(0, 19))
    if (c >= '0' && c <= '9') out += c;
  return out.size() == 14 ? out : "";
}

nlohmann::json PlaceJsonOrNull(const Place& p) {
  if (p.empty()) return nullptr;
  return {{"name", p.name},         {"country", p.country}, {"admin1", p.admin1},
          {"feature", p.feature},   {"lat", p.latitude},    {"lon", p.longitude}};
}

// The values of ReviewColumns for an event: its latest review, then the machine's coding (the
// review's record of it when there is one: the event itself may already carry the correction).
std::vector<std::string> ReviewValues(const StoredEvent& se) {
  const Review& v = se.review;
  if (v.id == 0) return {"", "", "", "", se.event.source, se.event.target, se.event.event_code};
  return {ReviewStateName(v.state), v.reviewer, v.at, v.note, v.machine_source, v.machine_target, v.machine_code};
}

}  // namespace

Status ParseExportFormat(std::string_view name, ExportFormat* out) {
  static const std::pair<const char*, ExportFormat> kNames[] = {
      {"jsonl", ExportFormat::kJsonl}, {"csv", ExportFormat::kCsv},
      {"gdelt", ExportFormat::kGdelt}, {"plover", ExportFormat::kPlover},
      {"acled", ExportFormat::kAcled}};
  for (const auto& [n, f] : kNames) {
    if (name == n) {
      *out = f;
      return Status::Ok();
    }
  }
  return Status::Error("unknown export format '" + std::string(name) +
                       "' (expected jsonl, csv, gdelt, plover or acled)");
}

const char* ExportFormatName(ExportFormat format) {
  switch (format) {
    case ExportFormat::kCsv: return "csv";
    case ExportFormat::kGdelt: return "gdelt";
    case ExportFormat::kPlover: return "plover";
    case ExportFormat::kAcled: return "acled";
    case ExportFormat::kJsonl: break;
  }
  return "jsonl";
}

std::string StoreDataDir() {
  if (const char* env = std::getenv("DYAD_DATA"); env && *env) return env;
  return DYAD_DATA_DIR;
}

Status AcledMap::Load(const std::string& path, AcledMap* out) {
  std::ifstream in(path);
  if (!in) return Status::Error(path + ": no such file");
  AcledMap map;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::stringstream ss(line);
    std::string col;
    while (std::getline(ss, col, '\t')) cols.push_back(col);
    if (cols.size() != 3 || cols[0].empty() ||
        cols[0].find_first_not_of("0123456789") != std::string::npos) {
      return Status::Error(path + ":" + std::to_string(number) +
                           ": expected 3 tab-separated columns (cameo_prefix, event_type, "
                           "sub_event_type): '" + line + "'");
    }
    map.rules_.push_back({cols[0], {cols[1], cols[2]}});
  }
  // Longest prefix first.
  std::stable_sort(map.rules_.begin(), map.rules_.end(), [](const auto& a, const auto& b) {
    return a.first.size() > b.first.size();
  });
  *out = std::move(map);
  return Status::Ok();
}

Status AcledMap::LoadDefault(const std::string& data_dir, AcledMap* out) {
  return Load((data_dir.empty() ? StoreDataDir() : data_dir) + "/export/cameo_to_acled.tsv", out);
}

const std::pair<std::string, std::string>* AcledMap::Find(std::string_view cameo) const {
  for (const auto& [prefix, value] : rules_) {
    if (cameo.substr(0, prefix.size()) == prefix) return &value;
  }
  return nullptr;
}

const std::vector<std::string>& GdeltColumns() {
  static const std::vector<std::string> kColumns = [] {
    std::vector<std::string> c = {"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"};
    for (const char* actor : {"Actor1", "Actor2"}) {
      for (const char* f : {"Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                            "Religion1Code", "Religion2Code", "Type1Code", "Type2Code",
                            "Type3Code"})
        c.push_back(std::string(actor) + f);
    }
    for (const char* f : {"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode",
                          "QuadClass", "GoldsteinScale", "NumMentions", "NumSources",
                          "NumArticles", "AvgTone"})
      c.push_back(f);
    for (const char* geo : {"Actor1Geo_", "Actor2Geo_", "ActionGeo_"}) {
      for (const char* f : {"Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat",
                            "Long", "FeatureID"})
        c.push_back(std::string(geo) + f);
    }
    c.push_back("DATEADDED");
    c.push_back("SOURCEURL");
    // dyad's columns after GDELT's 61: readers by position still find GDELT's where they expect.
    c.push_back("Modality");
    c.push_back("ReportedBy");
    c.push_back("DatePrecision");
    for (const char* f : {"Review", "ReviewedBy", "ReviewedAt", "ReviewNote", "MachineActor1Code",
                          "MachineActor2Code", "MachineEventCode"})
      c.push_back(f);
    return c;
  }();
  return kColumns;
}

const std::vector<std::string>& AcledColumns() {
  static const std::vector<std::string> kColumns = {
      "event_id_cnty", "event_date",  "year",      "time_precision", "event_type",
      "sub_event_type", "actor1",     "actor2",    "interaction",    "country",
      "admin1",         "location",   "latitude",  "longitude",      "geo_precision",
      "source",         "source_url", "notes",     "fatalities",     "cameo_code",
      "modality",       "reported_by", "date_precision"};
  static const std::vector<std::string> kWithReview = [] {
    std::vector<std::string> c = kColumns;
    c.insert(c.end(), ReviewColumns().begin(), ReviewColumns().end());
    return c;
  }();
  return kWithReview;
}

const std::vector<std::string>& ReviewColumns() {
  static const std::vector<std::string> kColumns = {"review",         "reviewed_by",    "reviewed_at", "review_note",
                                                    "machine_source", "machine_target", "machine_code"};
  return kColumns;
}

const std::vector<std::string>& CsvColumns() {
  static const std::vector<std::string> kColumns = {"id",         "document",  "doc_url",
                                                    "doc_title",  "doc_source", "doc_date",
                                                    "doc_sha256", "dict_hash"};
  return kColumns;
}

std::string StoredEventJson(const StoredEvent& e) { return Dump(StoredEventObject(e)); }

nlohmann::json ReviewObject(const Review& r) {
  if (r.id == 0) return nullptr;
  nlohmann::json j = {{"id", r.id},         {"state", ReviewStateName(r.state)}, {"reviewer", r.reviewer},
                      {"at", r.at},         {"note", r.note},                    {"event", r.event_id},
                      {"machine", {{"source", r.machine_source}, {"target", r.machine_target}, {"event_code", r.machine_code}}}};
  if (r.state == ReviewState::kCorrected)
    j["corrected"] = {{"source", r.source}, {"target", r.target}, {"event_code", r.event_code}};
  return j;
}

nlohmann::json StoredEventObject(const StoredEvent& e) {
  nlohmann::json j = write::EventToJson(e.event);
  j["id"] = e.id;
  j["document"] = e.document_id;
  j["doc_url"] = e.doc_url;
  j["doc_title"] = e.doc_title;
  j["doc_source"] = e.doc_source;
  j["doc_date"] = e.doc_date.ToIso();
  j["doc_sha256"] = e.doc_sha256;
  j["dict_hash"] = e.dict_hash;
  if (e.duplicate) j["near_duplicate"] = true;
  j["review"] = ReviewObject(e.review);
  return j;
}

bool ExportsModality(ExportFormat format, const ExportOptions& options, Modality modality) {
  if (format == ExportFormat::kJsonl || format == ExportFormat::kCsv) return true;
  switch (modality) {
    case Modality::kNegated: return options.include_negated;
    case Modality::kHypothetical: return options.include_hypothetical;
    case Modality::kAsserted: break;
  }
  return true;
}

std::pair<Date, DatePrecision> ExportDate(const StoredEvent& se) {
  const Event& e = se.event;
  if (e.date.valid()) return {e.date, e.date_precision};
  if (se.doc_date.valid()) return {se.doc_date, DatePrecision::kDocument};
  if (auto ingested = Date::Parse(se.doc_ingested_at.substr(0, 10))) return {*ingested, DatePrecision::kIngested};
  return {Date{}, DatePrecision::kIngested};
}

void Exporter::Begin() {
  if (format_ == ExportFormat::kAcled) {
    std::string line;
    for (size_t i = 0; i < AcledColumns().size(); ++i) {
      if (i) line += ',';
      line += AcledColumns()[i];
    }
    out_ << line << '\n';
  }
  // CSV: the header comes with the first event (it includes the event columns).
}

bool Exporter::Write(const StoredEvent& stored) {
  if (!ExportsModality(format_, options_, stored.event.modality)) {
    ++skipped_modality_;
    return false;
  }
  // Undated events take their document's date, flagged in date_precision: never an empty date.
  const auto [date, precision] = ExportDate(stored);
  const bool redate = !stored.event.date.valid() && date.valid();
  // A correction is what the export asserts; the machine's coding goes to the review columns.
  const bool corrected = stored.review.id != 0 && stored.review.state == ReviewState::kCorrected;
  StoredEvent copy;
  if (redate || corrected) {
    copy = stored;
    Store::ApplyCorrection(&copy);
    if (redate) {
      copy.event.date = date;
      copy.event.date_end = date;
      copy.event.date_precision = precision;
    }
  }
  const StoredEvent& se = redate || corrected ? copy : stored;
  const Event& e = se.event;
  const std::vector<std::string> review = ReviewValues(stored);
  switch (format_) {
    case ExportFormat::kJsonl:
      out_ << StoredEventJson(se) << '\n';
      break;
    case ExportFormat::kCsv: {
      std::ostringstream body;
      write::EventWriter writer(body, write::OutputFormat::kCsv);
      writer.Write(e);
      std::string text = body.str();
      size_t nl = text.find('\n');
      std::string header = text.substr(0, nl), row = text.substr(nl + 1);
      std::string prefix;
      const std::vector<std::string> fields = {std::to_string(se.id),
                                               std::to_string(se.document_id),
                                               se.doc_url,
                                               se.doc_title,
                                               se.doc_source,
                                               se.doc_date.ToIso(),
                                               se.doc_sha256,
                                               se.dict_hash};
      for (const auto& f : fields) prefix += write::CsvField(f) + ",";
      if (!row.empty() && row.back() == '\n') row.pop_back();
      for (const auto& f : review) row += "," + write::CsvField(f);
      if (written_ == 0 && skipped_ == 0) {
        std::string names;
        for (const auto& c : CsvColumns()) names += c + ",";
        names += header;
        for (const auto& c : ReviewColumns()) names += "," + c;
        out_ << names << '\n';
      }
      out_ << prefix << row << '\n';
      break;
    }
    case ExportFormat::kGdelt: {
      std::vector<std::string> cols;
      cols.reserve(61);
      cols.push_back(std::to_string(se.id));
      cols.push_back(Compact(date));
      cols.push_back(date.valid() ? Compact(date).substr(0, 6) : "");
      cols.push_back(date.valid() ? std::to_string(date.year) : "");
      cols.push_back(date.valid() ? Fixed(date.year + (date.month * 30 + date.day) / 365.0, 4) : "");
      for (auto& c : GdeltActor(e.source, e.source_text)) cols.push_back(std::move(c));
      for (auto& c : GdeltActor(e.target, e.target_text)) cols.push_back(std::move(c));
      cols.push_back(e.sentence_index == 0 ? "1" : "0");
      cols.push_back(e.event_code);
      cols.push_back(e.event_code.substr(0, 3));
      cols.push_back(e.root_code.empty() ? e.event_code.substr(0, 2) : e.root_code);
      cols.push_back(std::to_string(e.quad_class));
      cols.push_back(Fixed(e.goldstein, 1));
      cols.push_back("1");  // NumMentions
      cols.push_back("1");  // NumSources
      cols.push_back("1");  // NumArticles (near-duplicates are not counted)
      cols.push_back("0");  // AvgTone: not computed
      for (auto& c : GdeltGeo(e.origin)) cols.push_back(std::move(c));
      for (auto& c : GdeltGeo(e.destination)) cols.push_back(std::move(c));
      for (auto& c : GdeltGeo(e.location)) cols.push_back(std::move(c));
      cols.push_back(IsoTimestampToGdelt(se.doc_ingested_at));
      cols.push_back(TsvField(se.doc_url));
      cols.push_back(ModalityName(e.modality));
      cols.push_back(TsvField(e.reported_by));
      cols.push_back(DatePrecisionName(precision));
      for (size_t i = 0; i < review.size(); ++i)
        cols.push_back(i == 2 ? IsoTimestampToGdelt(review[i]) : TsvField(review[i]));
      std::string line;
      for (size_t i = 0; i < cols.size(); ++i) {
        if (i) line += '\t';
        line += cols[i];
      }
      out_ << line << '\n';
      break;
    }
    case ExportFormat::kPlover: {
      if (e.plover.empty()) {
        ++skipped_;
        return false;
      }
      nlohmann::json j;
      j["id"] = "dyad-" + std::to_string(se.id);
      j["date"] = date.ToIso();
      j["source"] = nlohmann::json::array();
      if (!e.source.empty()) j["source"].push_back({{"actorText", e.source_text}, {"code", e.source}});
      j["target"] = nlohmann::json::array();
      if (!e.target.empty()) j["target"].push_back({{"actorText", e.target_text}, {"code", e.target}});
      j["event"] = e.plover;
      j["mode"] = "";
      j["context"] = "";
      j["eventText"] = e.verb_text;
      j["text"] = e.sentence;
      j["cameo"] = e.event_code;
      j["modality"] = ModalityName(e.modality);
      j["reportedBy"] = e.reported_by;
      j["datePrecision"] = DatePrecisionName(precision);
      j["review"] = review[0];
      j["reviewedBy"] = review[1];
      j["reviewedAt"] = review[2];
      j["reviewNote"] = review[3];
      j["machineSource"] = review[4];
      j["machineTarget"] = review[5];
      j["machineCameo"] = review[6];
      j["location"] = PlaceJsonOrNull(e.location);
      j["publication"] = se.doc_source;
      j["url"] = se.doc_url;
      j["storyDate"] = se.doc_date.ToIso();
      j["sha256"] = se.doc_sha256;
      j["coder"] = "dyad " DYAD_VERSION;
      j["dateCoded"] = se.doc_ingested_at.substr(0, 10);
      j["dictionary"] = {{"hash", se.dict_hash},
                         {"file", e.pattern.file},
                         {"line", e.pattern.line},
                         {"text", e.pattern.text}};
      out_ << Dump(j) << '\n';
      break;
    }
    case ExportFormat::kAcled: {
      const auto* type = acled_ ? acled_->Find(e.event_code) : nullptr;
      if (!type) {
        ++skipped_;
        return false;
      }
      int time_precision = 1;
      switch (e.date_precision) {
        case DatePrecision::kDay: time_precision = 1; break;
        case DatePrecision::kWeek: time_precision = 2; break;
        case DatePrecision::kDocument: time_precision = 1; break;
        default: time_precision = 3; break;  // month, season, year, range, ingested
      }
      const Place& p = e.location;
      int geo_precision = p.empty() ? 3 : p.feature == "city" ? 1 : p.feature == "region" ? 2 : 3;
      std::string notes = e.sentence;
      if (!e.reported_by.empty()) notes += " [reported by " + e.reported_by + "]";
      if (e.modality != Modality::kAsserted) notes += std::string(" [") + ModalityName(e.modality) + "]";
      std::string country = p.country.empty() ? e.source.substr(0, 3) : p.country;
      std::vector<std::string> fields = {
          "DYAD" + std::to_string(se.id),
          date.ToIso(),
          date.valid() ? std::to_string(date.year) : "",
          std::to_string(time_precision),
          type->first,
          type->second,
          e.source,
          e.target,
          "",  // interaction: ACLED's actor-type pair code, not derived
          country,
          p.admin1,
          p.name,
          p.empty() ? "" : Fixed(p.latitude, 4),
          p.empty() ? "" : Fixed(p.longitude, 4),
          std::to_string(geo_precision),
          se.doc_source,
          se.doc_url,
          notes,
          "",  // fatalities: not extracted
          e.event_code,
          ModalityName(e.modality),
          e.reported_by,
          DatePrecisionName(precision)};
      std::string line;
      fields.insert(fields.end(), review.begin(), review.end());
      for (size_t i = 0; i < fields.size(); ++i) {
        if (i) line += ',';
        line += write::CsvField(fields[i]);
      }
      out_ << line << '\n';
      break;
    }
  }
  ++written_;
  return true;
}

}  // namespace dyad::store
