#include "eval/gold.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include <nlohmann/json.hpp>

namespace dyad::eval {

namespace {

using nlohmann::json;

std::vector<std::string> ActorCodes(const json& list) {
  std::vector<std::string> codes;
  if (!list.is_array()) return codes;
  for (const auto& actor : list) {
    if (actor.is_object() && actor.contains("code") && actor["code"].is_string()) {
      codes.push_back(actor["code"].get<std::string>());
    }
  }
  return codes;
}

std::string StringField(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Status LoadPlover(const std::string& path, const json& records, GoldSet* out) {
  out->format = GoldFormat::kPlover;
  for (const auto& record : records) {
    if (!record.is_object()) return Status::Error(path + ": a record is not a JSON object");
    const std::string event = StringField(record, "event");
    const std::string text = StringField(record, "text");
    if (event.empty() || event == "DOCUMENT" || text.empty()) continue;  // documentation records
    GoldDocument doc;
    doc.id = StringField(record, "id");
    doc.text = text;
    if (auto date = Date::Parse(StringField(record, "date"))) doc.date = *date;
    GoldEvent gold;
    gold.sources = ActorCodes(record.value("source", json::array()));
    gold.targets = ActorCodes(record.value("target", json::array()));
    // Compound actors marked "(SRC/TAR: Jordan) and (SRC/TAR: Britain)" act on each other:
    // each is also a target, as the markup says.
    const json info = record.value("textInfo", json::object());
    if (gold.targets.empty() && info.is_object() && StringField(info, "markup").find("SRC/TAR") != std::string::npos)
      gold.targets = gold.sources;
    gold.type = event;
    doc.events.push_back(std::move(gold));
    out->documents.push_back(std::move(doc));
  }
  return Status::Ok();
}

Status LoadJsonl(const std::string& path, std::istream& in, GoldSet* out) {
  out->format = GoldFormat::kJsonl;
  const std::filesystem::path folder = std::filesystem::path(path).parent_path();
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    const std::string where = path + ":" + std::to_string(number);
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) return Status::Error(where + ": invalid JSON");
    GoldDocument doc;
    doc.id = StringField(j, "id");
    if (doc.id.empty()) return Status::Error(where + ": missing \"id\"");
    if (auto date = Date::Parse(StringField(j, "date"))) doc.date = *date;
    doc.text = StringField(j, "text");
    if (doc.text.empty()) {
      std::string relative = StringField(j, "path");
      if (relative.empty()) return Status::Error(where + ": needs \"text\" or \"path\"");
      std::filesystem::path file = relative;
      if (file.is_relative()) file = folder / file;
      std::ifstream text_in(file, std::ios::binary);
      if (!text_in) return Status::Error(where + ": cannot read document '" + file.string() + "'");
      std::ostringstream text;
      text << text_in.rdbuf();
      doc.text = text.str();
    }
    if (!j.contains("events") || !j["events"].is_array())
      return Status::Error(where + ": missing \"events\" array");
    for (const auto& e : j["events"]) {
      GoldEvent gold;
      std::string source = StringField(e, "source"), target = StringField(e, "target");
      if (!source.empty()) gold.sources.push_back(source);
      if (!target.empty()) gold.targets.push_back(target);
      gold.type = StringField(e, "code");
      gold.modality = StringField(e, "modality");
      gold.note = StringField(e, "note");
      gold.sentence = StringField(e, "sentence");
      if (gold.type.empty()) return Status::Error(where + ": an event has no \"code\"");
      doc.events.push_back(std::move(gold));
    }
    out->documents.push_back(std::move(doc));
  }
  return Status::Ok();
}

}  // namespace

Status LoadGold(const std::string& path, GoldSet* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(path + ": cannot open gold file");
  char first = 0;
  while (in.get(first) && std::isspace(static_cast<unsigned char>(first))) {
  }
  in.clear();
  in.seekg(0);
  if (first == '[') {
    json records = json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (records.is_discarded() || !records.is_array())
      return Status::Error(path + ": invalid JSON array of PLOVER records");
    if (Status s = LoadPlover(path, records, out); !s.ok()) return s;
  } else if (Status s = LoadJsonl(path, in, out); !s.ok()) {
    return s;
  }
  // A score over nothing would read as a pass.
  if (out->documents.empty()) return Status::Error(path + ": no gold documents (empty, or no record has an event and text)");
  return Status::Ok();
}

Split SplitOf(const std::string& record_id) {
  const size_t dash = record_id.find_last_of('-');
  const std::string number = dash == std::string::npos ? record_id : record_id.substr(dash + 1);
  if (number.empty() || number.find_first_not_of("0123456789") != std::string::npos) return Split::kHeldOut;
  return std::stol(number.substr(number.size() > 9 ? number.size() - 9 : 0)) % 4 == 2 ? Split::kTune
                                                                                      : Split::kHeldOut;
}

void KeepSplit(Split split, GoldSet* gold) {
  if (split == Split::kAll) return;
  std::erase_if(gold->documents, [split](const GoldDocument& d) { return SplitOf(d.id) != split; });
}

Status ApplyCountryAliases(const std::string& path, GoldSet* gold) {
  std::ifstream in(path);
  if (!in) return Status::Error(path + ": cannot open country code aliases");
  std::unordered_map<std::string, std::string> aliases;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#' || line == "gold\tiso") continue;
    const size_t tab = line.find('\t');
    if (tab != 3 || line.size() != 7)
      return Status::Error(path + ":" + std::to_string(number) + ": expected 'GOLD<TAB>ISO' (3 letters each): '" +
                           line + "'");
    aliases[line.substr(0, 3)] = line.substr(4, 3);
  }
  auto rename = [&](std::vector<std::string>* codes) {
    for (std::string& code : *codes) {
      auto it = code.size() >= 3 ? aliases.find(code.substr(0, 3)) : aliases.end();
      if (it != aliases.end()) code = it->second + code.substr(3);
    }
  };
  for (GoldDocument& doc : gold->documents)
    for (GoldEvent& e : doc.events) {
      rename(&e.sources);
      rename(&e.targets);
    }
  return Status::Ok();
}

}  // namespace dyad::eval
