// The server's request handling below the socket: a request line's target is
// split and decoded exactly as cpp-httplib does (detail::decode_url and
// detail::parse_query_text, what `dyad serve` receives), then handed to
// Api::Handle over a small database coded by the real engine.
// Input: "METHOD TARGET\nBODY" (a first line without a space is a GET target).
// Invariants: no 5xx but 503 (a time limit), the documented JSON error body
// (one line), JSON answers that parse, no server path in any answer.
#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "dyad/engine.h"
#include "fuzz_util.h"
#include "server/api.h"
#include "store/store.h"

namespace {

const dyad::server::Api& GetApi() {
  static const std::unique_ptr<dyad::server::Api> api = [] {
    std::unique_ptr<dyad::Engine> engine;
    FUZZ_CHECK(dyad::Engine::Create(dyad::EngineOptions{}, &engine).ok());
    const std::string db_path = (dyad::fuzz::ScratchDir() / "events.db").string();
    std::unique_ptr<dyad::store::Store> db;
    FUZZ_CHECK(dyad::store::Store::Open(db_path, dyad::store::OpenOptions{}, &db).ok());
    const char* texts[] = {
        "Belarus hosted Russian troops near the Ukrainian border on Monday. Ukraine accused Belarus of "
        "helping Russia. Lithuania strongly condemned Belarus on Tuesday.",
        "Russian missiles were launched from Belarusian territory, Kyiv said. Belarus denied it.",
        "Rwanda sent troops to help the M23 rebels near Goma, the Congolese government said.",
    };
    int n = 0;
    for (const char* text : texts) {
      dyad::Document doc;
      doc.id = "fuzz-" + std::to_string(++n);
      doc.title = "Our sample " + std::to_string(n);
      doc.url = "https://example.org/" + doc.id;
      doc.date = *dyad::Date::Parse("2024-03-0" + std::to_string(n));
      doc.text = text;
      std::vector<dyad::Event> events;
      FUZZ_CHECK(engine->Code(doc, &events).ok());
      dyad::store::AddResult added;
      FUZZ_CHECK(db->AddDocument(doc, events, engine->dictionary_hash(), &added).ok());
    }
    db.reset();
    dyad::server::ApiOptions options;
    options.db = db_path;
    options.query_time_limit = std::chrono::milliseconds(2000);
    options.report_time_limit = std::chrono::milliseconds(2000);
    std::unique_ptr<dyad::server::Api> out;
    FUZZ_CHECK(dyad::server::Api::Create(options, &out).ok());
    return out;
  }();
  return *api;
}

bool Contains(std::string_view haystack, std::string_view needle) { return haystack.find(needle) != std::string_view::npos; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const dyad::server::Api& api = GetApi();
  const std::string input(reinterpret_cast<const char*>(data), size);
  const size_t newline = input.find('\n');
  const std::string line = input.substr(0, newline);
  dyad::server::Request request;
  request.body = newline == std::string::npos ? "" : input.substr(newline + 1);
  std::string target = line;
  request.method = "GET";
  if (const size_t space = line.find(' '); space != std::string::npos) {
    request.method = line.substr(0, space);
    target = line.substr(space + 1);
  }
  // cpp-httplib 0.11 (Server::parse_request_line): path before '?', query after;
  // a second '?' makes the request malformed (400 before any handler runs).
  size_t parts = 0;
  httplib::detail::split(target.data(), target.data() + target.size(), '?', [&](const char* b, const char* e) {
    if (parts == 0) request.path = httplib::detail::decode_url(std::string(b, e), false);
    if (parts == 1 && e > b) httplib::detail::parse_query_text(std::string(b, e), request.params);
    ++parts;
  });
  if (parts > 2) return 0;

  const dyad::server::Response response = api.Handle(request);
  FUZZ_CHECK(response.status >= 200 && response.status < 600);
  FUZZ_CHECK(response.status < 500 || response.status == 503);
  if (response.content_type.rfind("application/json", 0) == 0) {
    const nlohmann::json body = nlohmann::json::parse(response.body, nullptr, /*allow_exceptions=*/false);
    FUZZ_CHECK(!body.is_discarded());
    if (response.status >= 400) {
      FUZZ_CHECK(body.is_object() && body.contains("error") && body["error"].is_string());
      FUZZ_CHECK_TEXT(dyad::fuzz::OneLine(body["error"].get<std::string>()), body["error"].get<std::string>());
    }
  } else {
    FUZZ_CHECK(response.status < 400);
  }
  // No absolute path of the server's files, unless the request itself wrote it.
  std::string sent = request.path + "\n" + request.body;
  for (const auto& [key, value] : request.params) sent += "\n" + key + "=" + value;
  for (const std::string& secret : {std::string(DYAD_DATA_DIR), dyad::fuzz::ScratchDir().string()}) {
    FUZZ_CHECK(Contains(sent, secret) || !Contains(response.body, secret));
  }
  return 0;
}
