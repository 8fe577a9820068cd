#include "server/api.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyze/role_inputs.h"
#include "analyze/role_report.h"
#include "common/escape.h"
#include "normalize/normalize.h"
#include "server/single_flight.h"
#include "store/event_filter.h"
#include "store/export.h"
#include "store/format.h"
#include "store/review.h"
#include "write/cameo_table.h"
#include "write/event_writer.h"

namespace dyad::server {
namespace {

using nlohmann::json;

constexpr const char* kHtml = "text/html; charset=utf-8";
constexpr int kDefaultLimit = 100;

Response JsonResponse(const json& body, int status = 200) {
  Response r;
  r.status = status;
  // Replace invalid UTF-8 rather than throw: stored text is validated, but a
  // response must never fail half-way.
  r.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
  r.body += '\n';
  return r;
}

// Messages quote request text (paths, methods, parameters): escaped, so the error stays one line.
Response ErrorResponse(int status, const std::string& message) {
  return JsonResponse(json{{"error", EscapeForMessage(message)}}, status);
}

std::string Param(const Request& request, const std::string& name) {
  auto it = request.params.find(name);
  return it == request.params.end() ? std::string() : it->second;
}

// A non-negative integer parameter; `fallback` when absent.
StatusOr<int64_t> IntParam(const Request& request, const std::string& name, int64_t fallback) {
  const std::string text = Param(request, name);
  if (text.empty()) return fallback;
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 0)
    return Status::InvalidArgument(name + ": not a non-negative integer: '" + text + "'");
  return value;
}

// A 0/1 parameter (absent = 0); `meaning` says what 1 does, for the error.
Status FlagParam(const Request& request, const std::string& name, const std::string& meaning, bool* out) {
  const std::string text = Param(request, name);
  if (!text.empty() && text != "1" && text != "0")
    return Status::Error(name + ": '" + text + "' (1: " + meaning + ")");
  *out = text == "1";
  return Status::Ok();
}

// include_rejected=1: also the events an analyst rejected. Without it every list of events leaves
// them out (ReviewFilter::kNotRejected), as /api/events, /api/role and the CLI do: a rejected
// event is the machine's mistake, never evidence.
Status IncludeRejectedParam(const Request& request, bool* out) {
  return FlagParam(request, "include_rejected", "also events an analyst rejected", out);
}

// FTS5 cost grows with the number of terms (each a posting list, "the" a huge
// one): long queries are refused before they reach the database.
Status CheckFullTextQuery(const char* name, const std::string& q, const ApiOptions& options) {
  if (q.size() > options.max_query_bytes)
    return Status::Error(std::string(name) + ": " + std::to_string(q.size()) + " bytes; at most " +
                         std::to_string(options.max_query_bytes));
  int terms = 0;
  for (size_t i = 0; i < q.size();) {
    while (i < q.size() && (q[i] == ' ' || q[i] == '\t' || q[i] == '\n' || q[i] == '\r')) ++i;
    if (i < q.size()) ++terms;
    while (i < q.size() && !(q[i] == ' ' || q[i] == '\t' || q[i] == '\n' || q[i] == '\r')) ++i;
  }
  if (terms > options.max_query_terms)
    return Status::Error(std::string(name) + ": " + std::to_string(terms) + " terms; at most " +
                         std::to_string(options.max_query_terms));
  return Status::Ok();
}

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return static_cast<bool>(in) || in.eof();
}

// A data file as responses name it: relative to dyad's data directory ("dict/dyad.verbs",
// "conflicts/sudan.toml"), else by its file name: no response shows a path of the server's file system.
std::string ShownPath(const std::string& file, const std::string& data_dir) {
  const std::string prefix = data_dir.empty() || data_dir.back() == '/' ? data_dir : data_dir + "/";
  if (!prefix.empty() && file.rfind(prefix, 0) == 0) return file.substr(prefix.size());
  if (!file.empty() && file.front() == '/') return std::filesystem::path(file).filename().string();
  return file;
}

// An event as JSON, its dictionary file named by ShownPath().
json RelativePatternFile(json j, const std::string& data_dir) {
  if (j.contains("pattern") && j["pattern"].is_object() && j["pattern"].contains("file") &&
      j["pattern"]["file"].is_string()) {
    j["pattern"]["file"] = ShownPath(j["pattern"]["file"].get<std::string>(), data_dir);
  }
  return j;
}

json EventJson(const store::StoredEvent& e, const std::string& data_dir) {
  return RelativePatternFile(store::StoredEventObject(e), data_dir);
}

json DocumentJson(const store::StoredDocument& d) {
  const Document& doc = d.document;
  return json{{"document_id", d.id},
              {"id", doc.id},
              {"title", doc.title},
              {"source", doc.source},
              {"url", doc.url},
              {"date", doc.date.valid() ? doc.date.ToIso() : ""},
              {"language", doc.language},
              {"sha256", doc.sha256},
              {"origin", doc.origin},
              {"format", InputFormatName(doc.format)},
              {"ingested_at", d.ingested_at},
              {"tool_version", d.tool_version},
              {"near_duplicate_of", d.near_duplicate_of}};
}

const json& RouteList() {
  static const json routes = json::array({
      "GET /api/stats",
      "GET /api/events?actor=&source=&target=&code=&root=&from=&to=&modality=&text=&review=&reviewed_only=&include_rejected=&sort=&limit=&after=&offset=",
      "GET /api/cameo",
      "GET /api/events/ID",
      "GET /api/documents/KEY?include_rejected=",
      "GET /api/search?q=&limit=&include_rejected=",
      "GET /api/conflicts",
      "GET /api/role?state=&conflict=&from=&to=&evidence=&reviewed=&reviewed_only=&include_rejected=",
      "GET /role?state=&conflict=&from=&to=&evidence=&reviewed=&reviewed_only=&include_rejected=",
      "POST /api/code?date=&id=",
      "POST /api/events/ID/review",
      "GET /api/events/ID/reviews",
  });
  return routes;
}

}  // namespace

// Read-only connections, one per request at a time: a slow query holds one
// connection, not the whole server.
class ConnectionPool {
 public:
  class Lease {
   public:
    Lease(ConnectionPool* pool, std::unique_ptr<store::Store> store) : pool_(pool), store_(std::move(store)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (store_) pool_->Return(std::move(store_));
    }
    store::Store& operator*() const { return *store_; }
    store::Store* operator->() const { return store_.get(); }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<store::Store> store_;
  };

  void Add(std::unique_ptr<store::Store> store) { free_.push_back(std::move(store)); }
  Lease Acquire() {
    std::unique_lock lock(mu_);
    ready_.wait(lock, [this] { return !free_.empty(); });
    std::unique_ptr<store::Store> store = std::move(free_.back());
    free_.pop_back();
    return Lease(this, std::move(store));
  }

 private:
  void Return(std::unique_ptr<store::Store> store) {
    {
      std::lock_guard lock(mu_);
      free_.push_back(std::move(store));
    }
    ready_.notify_one();
  }
  std::mutex mu_;
  std::condition_variable ready_;
  std::vector<std::unique_ptr<store::Store>> free_;
};

// A role report as built for /api/role and /role (they differ in rendering only).
struct BuiltReport {
  std::shared_ptr<const analyze::RoleReport> report;  // null when `error` is the answer
  Response error;
};

struct Api::Impl {
  ApiOptions options;
  mutable ConnectionPool pool;
  mutable ConnectionPool report_pool;  // for role reports only
  mutable ConnectionPool lookup_pool;  // for look-ups of one thing (stats, an event, a document)
  // Identical reports asked while one is being built share it (single_flight.h). A report is
  // shared only with requests that arrive while it is built, so nothing older than one build is
  // answered; each review stored by this server starts a new generation (part of the key), so a
  // reviewer's next report shows their review.
  mutable SingleFlight<BuiltReport> reports{BuiltReport{nullptr, ErrorResponse(500, "the role report failed")}};
  mutable std::atomic<uint64_t> review_generation{0};
  std::unique_ptr<store::Store> writer;  // reviews; only with tokens
  write::CameoTable cameo;               // checks corrected codes
  std::unique_ptr<Engine> engine;

  Response Stats(store::Store& store) const;
  Response Events(store::Store& store, const Request& request) const;
  Response OneEvent(store::Store& store, int64_t id) const;
  Response DocumentByKey(store::Store& store, const std::string& key, const Request& request) const;
  Response Search(store::Store& store, const Request& request) const;
  Response Conflicts() const;
  Response Cameo() const;
  Response Role(const Request& request, bool html) const;
  // Which pool a route's connection comes from.
  enum class Pool { kQueries, kLookups, kReports };
  // Runs `route` on a connection leased from `pool` under the query time limit; a query
  // past it is interrupted and answered 503.
  template <typename Route>
  Response WithStore(Route route, Pool pool = Pool::kQueries) const;
  Response Code(const Request& request) const;
  Response AddReview(int64_t id, const std::string& reviewer, const Request& request) const;
  Response Reviews(store::Store& store, int64_t id) const;
  // The reviewer a request's token names; "" when it carries no valid token.
  std::string Reviewer(const Request& request) const;
  Response WebPage() const;
  Response WebFile(const std::string& path) const;
  Response Dispatch(const Request& request) const;
  // `text` with the server's folders (data, conflicts, rules, database, web) cut from the paths
  // it names: error answers show no path of the server's file system.
  std::string HidePaths(std::string text) const;
};

Api::Api(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Api::~Api() = default;

Status Api::Create(const ApiOptions& options, std::unique_ptr<Api>* out) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  if (impl->options.data_dir.empty()) impl->options.data_dir = DefaultDataDir();
  if (impl->options.web_dir.empty()) impl->options.web_dir = impl->options.data_dir + "/../web";
  if (impl->options.engine.data_dir.empty()) impl->options.engine.data_dir = impl->options.data_dir;

  std::error_code ec;
  if (!store::IsPostgresUrl(options.db) && !std::filesystem::is_regular_file(options.db, ec))
    return Status::Error(options.db + ": no such database (create one with `dyad ingest --db " + options.db + " FILE...`)");
  if (!options.tokens.empty()) {
    // Opened first: it migrates an older schema before the read-only connections look at it.
    store::OpenOptions writable;
    writable.create = false;
    if (Status s = store::Store::Open(options.db, writable, &impl->writer); !s.ok()) return s;
  }
  if (Status s = write::CameoTable::Load(impl->options.data_dir + "/cameo/cameo.tsv", &impl->cameo); !s.ok())
    return s;
  store::OpenOptions open;
  open.read_only = true;
  open.create = false;
  open.migrate = false;
  open.cache_kib = 32 * 1024;  // each connection serves request after request: pages stay cached
  const std::pair<ConnectionPool*, int> pools[] = {{&impl->pool, options.connections},
                                                   {&impl->report_pool, options.report_connections},
                                                   {&impl->lookup_pool, options.lookup_connections}};
  for (const auto& [pool, count] : pools) {
    // Look-ups read a few pages each (and /api/stats is counted once per change): a smaller cache.
    open.cache_kib = pool == &impl->lookup_pool ? 8 * 1024 : 32 * 1024;
    for (int i = 0; i < std::max(1, count); ++i) {
      std::unique_ptr<store::Store> store;
      if (Status s = store::Store::Open(options.db, open, &store); !s.ok()) return s;
      pool->Add(std::move(store));
    }
  }
  if (Status s = Engine::Create(impl->options.engine, &impl->engine); !s.ok()) return s;
  *out = std::unique_ptr<Api>(new Api(std::move(impl)));
  return Status::Ok();
}

namespace {
// The one place a failure's code becomes an HTTP status.
int HttpStatusOf(const Status& s) {
  switch (s.code()) {
    case StatusCode::kOk: return 200;
    case StatusCode::kInvalidArgument: return 400;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kResourceExhausted: return 413;
    case StatusCode::kDeadlineExceeded:
    case StatusCode::kUnavailable:
    case StatusCode::kAborted: return 503;
    case StatusCode::kCorruption:
    case StatusCode::kIOError:
    case StatusCode::kInternal: return 500;
  }
  return 500;
}

Response StatusResponse(const Status& s) { return ErrorResponse(HttpStatusOf(s), s.message()); }

Response Unauthorized() {
  Response r = ErrorResponse(401, "give the token as the header 'Authorization: Bearer TOKEN' (dyad serve --token-file)");
  r.headers["WWW-Authenticate"] = "Bearer realm=\"dyad\"";
  return r;
}

// Compares every byte whatever the first difference: how long a refusal takes says nothing about
// how much of a token was right.
bool SameToken(const std::string& a, const std::string& b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ (i < b.size() ? b[i] : 0));
  return diff == 0;
}

// The files of the web folder the page loads: "/app.js", "/vendor/d3-geo.min.js". A name of
// letters, digits, '.', '-' and '_' (no "..", no other folder), one of the extensions below.
const char* WebFileType(const std::string& path) {
  const size_t dot = path.rfind('.');
  if (dot == std::string::npos) return nullptr;
  const std::string ext = path.substr(dot);
  if (ext == ".js") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json") return "application/json";
  if (ext == ".md" || ext == ".txt") return "text/plain; charset=utf-8";
  return nullptr;
}

bool IsWebFileName(const std::string& path) {
  std::string name = path;
  if (name.rfind("/vendor/", 0) == 0) name = name.substr(8);
  else if (name.rfind("/", 0) == 0) name = name.substr(1);
  else return false;
  if (name.empty() || name.front() == '.' || name.find("..") != std::string::npos) return false;
  for (char c : name)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_')) return false;
  return WebFileType(path) != nullptr;
}

// Every parameter a route takes; anything else is refused (a misspelt "acter=BLR" must not
// silently return everything).
const std::map<std::string, std::vector<std::string>>& RouteParams() {
  static const std::map<std::string, std::vector<std::string>> kParams = {
      {"/api/events", {"actor", "source", "target", "code", "root", "from", "to", "modality", "text", "limit",
                       "after", "offset", "sort", "review", "reviewed_only", "include_rejected", "include_duplicates"}},
      {"/api/cameo", {}},
      {"/api/search", {"q", "limit", "include_rejected"}},
      {"/api/documents/KEY", {"include_rejected"}},
      {"/api/role", {"state", "conflict", "from", "to", "evidence", "reviewed", "reviewed_only", "include_rejected"}},
      {"/role", {"state", "conflict", "from", "to", "evidence", "reviewed", "reviewed_only", "include_rejected"}},
      {"/api/stats", {}},
      {"/api/conflicts", {}},
      {"/api", {}},
      {"/api/code", {"id", "date"}},
  };
  return kParams;
}

// The route a path names, as RouteParams() lists it: "/api/documents/d7" is "/api/documents/KEY".
std::string RouteOf(const std::string& path) {
  static const std::string kDocument = "/api/documents/";
  return path.rfind(kDocument, 0) == 0 && path.size() > kDocument.size() ? kDocument + "KEY" : path;
}

std::string UnknownParam(const Request& request) {
  auto route = RouteParams().find(RouteOf(request.path));
  if (route == RouteParams().end()) return "";
  for (const auto& [name, value] : request.params) {
    if (std::find(route->second.begin(), route->second.end(), name) != route->second.end()) continue;
    std::string known;
    for (const std::string& k : route->second) known += (known.empty() ? "" : ", ") + k;
    return "unknown parameter '" + name + "' for " + route->first + " (" + (known.empty() ? "it takes none" : "known: " + known) + ")";
  }
  return "";
}
}  // namespace

Response Api::Impl::Dispatch(const Request& request) const {
  if (std::string unknown = UnknownParam(request); !unknown.empty()) return ErrorResponse(400, unknown);
  // Parameters are text: one that is not UTF-8 is refused here, before any route quotes it in
  // JSON (the role routes' report key threw on it, a 500).
  for (const auto& [name, value] : request.params)
    if (normalize::FindInvalidUtf8(value) != std::string_view::npos)
      return ErrorResponse(400, name + ": not UTF-8: '" + value + "'");
  const std::string& path = request.path;
  const bool get = request.method == "GET" || request.method == "HEAD";
  // A server reachable from other machines shares its data only with token holders; the page
  // itself and its files (no data) stay open so that the token can be entered.
  if (options.reads_need_token && (path.rfind("/api", 0) == 0 || path == "/role") && Reviewer(request).empty())
    return Unauthorized();
  auto only_get = [&]() { return ErrorResponse(405, request.method + " " + path + ": use GET"); };
  try {
    if (path == "/api/code") {
      if (request.method != "POST") return ErrorResponse(405, request.method + " /api/code: use POST with the text as the body");
      return Code(request);
    }
    if (path == "/" || path == "/index.html") return get ? WebPage() : only_get();
    if (IsWebFileName(path)) return get ? WebFile(path) : only_get();
    if (path == "/api" || path == "/api/") return get ? JsonResponse(json{{"routes", RouteList()}}) : only_get();
    const Impl& impl = *this;
    if (path == "/api/stats")
      return get ? impl.WithStore([&](store::Store& db) { return impl.Stats(db); }, Pool::kLookups) : only_get();
    if (path == "/api/events")
      return get ? impl.WithStore([&](store::Store& db) { return impl.Events(db, request); }) : only_get();
    if (path == "/api/search")
      return get ? impl.WithStore([&](store::Store& db) { return impl.Search(db, request); }) : only_get();
    if (path == "/api/conflicts") return get ? Conflicts() : only_get();
    if (path == "/api/cameo") return get ? Cameo() : only_get();
    if (path == "/api/role") return get ? impl.Role(request, false) : only_get();
    if (path == "/role") return get ? impl.Role(request, true) : only_get();
    static const std::string kEvent = "/api/events/", kDocument = "/api/documents/";
    if (path.rfind(kEvent, 0) == 0) {
      // /api/events/ID, /api/events/ID/review (POST), /api/events/ID/reviews
      std::string id_text = path.substr(kEvent.size()), sub;
      if (const size_t slash = id_text.find('/'); slash != std::string::npos) {
        sub = id_text.substr(slash + 1);
        id_text.resize(slash);
      }
      int64_t id = 0;
      auto [end, ec] = std::from_chars(id_text.data(), id_text.data() + id_text.size(), id);
      if (id_text.empty() || ec != std::errc() || end != id_text.data() + id_text.size() || id <= 0)
        return ErrorResponse(404, "no event '" + id_text + "': event ids are positive integers");
      if (sub == "review") {
        if (request.method != "POST") return ErrorResponse(405, request.method + " " + path + ": use POST with a JSON body");
        if (options.tokens.empty())
          return ErrorResponse(403, "this server takes no reviews: start it with `dyad serve --token-file FILE`");
        const std::string reviewer = impl.Reviewer(request);
        if (reviewer.empty()) return Unauthorized();
        return impl.AddReview(id, reviewer, request);
      }
      if (!get) return only_get();
      if (sub == "reviews") return impl.WithStore([&](store::Store& db) { return impl.Reviews(db, id); }, Pool::kLookups);
      if (!sub.empty()) return ErrorResponse(404, "no route " + path + " (GET /api lists them)");
      return impl.WithStore([&](store::Store& db) { return impl.OneEvent(db, id); }, Pool::kLookups);
    }
    if (path.rfind(kDocument, 0) == 0 && path.size() > kDocument.size()) {
      return get ? impl.WithStore(
                       [&](store::Store& db) { return impl.DocumentByKey(db, path.substr(kDocument.size()), request); },
                       Pool::kLookups)
                 : only_get();
    }
    return ErrorResponse(404, "no route " + path + " (GET /api lists them)");
  } catch (const std::exception& e) {
    // Nothing above should throw; a bug must not take the server down.
    return ErrorResponse(500, std::string("internal error: ") + e.what());
  }
}

Response Api::Handle(const Request& request) const {
  Response response = impl_->Dispatch(request);
  if (response.status >= 400) response.body = impl_->HidePaths(std::move(response.body));
  return response;
}

std::string Api::Impl::HidePaths(std::string text) const {
  // Longest first, so a conflicts folder inside the data folder is cut whole.
  std::vector<std::pair<std::string, std::string>> dirs;
  auto add = [&](const std::string& dir) {
    if (dir.empty() || dir == "/") return;
    std::string d = dir.back() == '/' ? dir.substr(0, dir.size() - 1) : dir;
    dirs.emplace_back(d, std::filesystem::path(d).filename().string());
  };
  add(options.data_dir);
  add(options.conflicts_dir);
  if (!options.rules.empty()) add(std::filesystem::path(options.rules).parent_path().string());
  add(std::filesystem::path(options.db).parent_path().string());
  add(options.web_dir);
  std::sort(dirs.begin(), dirs.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  for (const auto& [dir, name] : dirs) {
    if (dir.front() != '/') continue;  // relative paths tell nothing about the server
    for (size_t at = text.find(dir); at != std::string::npos; at = text.find(dir, at)) {
      const size_t after = at + dir.size();
      if (after < text.size() && text[after] == '/') {
        text.erase(at, dir.size() + 1);  // "DIR/x.toml" -> "x.toml"
      } else {
        text.replace(at, dir.size(), name);  // "DIR" -> its last component
        at += name.size();
      }
    }
  }
  return text;
}

template <typename Route>
Response Api::Impl::WithStore(Route route, Pool from) const {
  ConnectionPool::Lease db = (from == Pool::kReports ? report_pool : from == Pool::kLookups ? lookup_pool : pool).Acquire();
  const std::chrono::milliseconds limit = from == Pool::kReports ? options.report_time_limit : options.query_time_limit;
  db->SetDeadline(limit.count() > 0 ? std::chrono::steady_clock::now() + limit
                                    : std::chrono::steady_clock::time_point::max());
  Response response = route(*db);
  const bool interrupted = db->interrupted();
  db->SetDeadline(std::chrono::steady_clock::time_point::max());
  if (interrupted) {
    return ErrorResponse(503, "the query took longer than " + std::to_string(limit.count()) +
                                  " ms and was stopped; narrow it (fewer terms, a date range, an actor)");
  }
  return response;
}

Response Api::Impl::Stats(store::Store& store) const {
  store::Stats s;
  if (Status st = store.GetStats(&s); !st.ok()) return StatusResponse(st);
  // The database's file name only: no response shows a path of the server's file system.
  return JsonResponse(json{{"database", store::IsPostgresUrl(options.db)
                                            ? std::string("postgresql")
                                            : std::filesystem::path(options.db).filename().string()},
                           {"documents", s.documents},
                           {"near_duplicates", s.near_duplicates},
                           {"sentences", s.sentences},
                           {"failures", s.failures},
                           {"events", s.events},
                           {"other_coding_events", s.other_coding_events},
                           {"dictionary_hash", s.current_dict_hash},
                           {"schema_version", s.schema_version}});
}

Response Api::Impl::Events(store::Store& store, const Request& request) const {
  store::EventFilter filter;
  filter.actor = Param(request, "actor");
  filter.source = Param(request, "source");
  filter.target = Param(request, "target");
  filter.code = Param(request, "code");
  filter.root = Param(request, "root");
  filter.from = Param(request, "from");
  filter.to = Param(request, "to");
  filter.modality = Param(request, "modality");
  filter.text = Param(request, "text");
  filter.review = Param(request, "review");
  if (Status s = FlagParam(request, "reviewed_only", "only events an analyst confirmed or corrected", &filter.reviewed_only);
      !s.ok())
    return StatusResponse(s);
  if (Status s = IncludeRejectedParam(request, &filter.include_rejected); !s.ok()) return StatusResponse(s);
  if (Status s = CheckFullTextQuery("text", filter.text, options); !s.ok()) return StatusResponse(s);
  store::EventQuery query;
  if (Status s = store::ParseEventFilter(filter, &query, ""); !s.ok()) return StatusResponse(s);
  const StatusOr<int64_t> limit_param = IntParam(request, "limit", kDefaultLimit);
  const StatusOr<int64_t> after_param = IntParam(request, "after", 0);
  const StatusOr<int64_t> offset_param = IntParam(request, "offset", 0);
  for (const auto* p : {&limit_param, &after_param, &offset_param})
    if (!p->ok()) return StatusResponse(p->status());
  const int64_t limit = *limit_param, after = *after_param, offset = *offset_param;
  if (limit == 0 || limit > options.max_limit)
    return ErrorResponse(400, "limit: must be 1.." + std::to_string(options.max_limit) + " (page with after=)");
  const std::string sort = Param(request, "sort");
  if (sort == "date") query.order = store::EventOrder::kDate;
  else if (sort == "-date") query.order = store::EventOrder::kDateDescending;
  else if (!sort.empty() && sort != "id")
    return ErrorResponse(400, "sort: '" + sort + "' is not an order (use id, date or -date)");
  const bool by_id = query.order == store::EventOrder::kId;
  if (by_id && offset > 0) return ErrorResponse(400, "offset: only with sort=date or -date (page by id with after=)");
  if (!by_id && after > 0) return ErrorResponse(400, "after: only with sort=id (page by date with offset=)");
  query.limit = limit;
  query.after_id = after;
  query.offset = offset;
  query.include_duplicates = Param(request, "include_duplicates") == "1";
  std::vector<store::StoredEvent> rows;
  // (A malformed FTS5 query is the caller's mistake: the store says kInvalidArgument.)
  if (Status s = store.QueryEvents(query, &rows); !s.ok()) return StatusResponse(s);
  json events = json::array();
  for (const auto& e : rows) events.push_back(EventJson(e, options.data_dir));
  json body{{"count", rows.size()}, {"events", std::move(events)}};
  const bool full = static_cast<int64_t>(rows.size()) == limit;
  if (by_id) body["next_after"] = full ? json(rows.back().id) : json(nullptr);
  else body["next_offset"] = full ? json(offset + limit) : json(nullptr);
  return JsonResponse(body);
}

Response Api::Impl::OneEvent(store::Store& store, int64_t id) const {
  store::StoredEvent e;
  // The store's words name the database file: no answer shows a path of the server's.
  if (Status s = store.GetEvent(id, &e); !s.ok())
    return s.code() == StatusCode::kNotFound ? ErrorResponse(404, "no event " + std::to_string(id)) : StatusResponse(s);
  store::StoredDocument doc;
  json body{{"event", EventJson(e, options.data_dir)}};
  if (store.GetDocument(e.document_id, &doc).ok()) {
    body["sentence_marked"] = store::HighlightSentence(doc.document.text, e.event, false);
    body["document"] = DocumentJson(doc);
  }
  std::vector<store::Review> history;
  if (Status s = store.ReviewHistory(id, &history); !s.ok()) return StatusResponse(s);
  json reviews = json::array();
  for (const auto& r : history) reviews.push_back(store::ReviewObject(r));
  body["reviews"] = std::move(reviews);
  // Whether this server takes reviews (the page shows the review form only then).
  body["reviews_open"] = !options.tokens.empty();
  return JsonResponse(body);
}

Response Api::Impl::DocumentByKey(store::Store& store, const std::string& key, const Request& request) const {
  bool include_rejected = false;
  if (Status s = IncludeRejectedParam(request, &include_rejected); !s.ok()) return StatusResponse(s);
  store::StoredDocument doc;
  if (Status s = store.FindDocument(key, &doc); !s.ok()) {
    return s.code() == StatusCode::kNotFound
               ? ErrorResponse(404, "no document '" + key + "' (give d<N>, its input id or 8+ hex digits of its sha256)")
               : StatusResponse(s);
  }
  std::vector<store::Sentence> sentences;
  if (Status s = store.GetSentences(doc.id, &sentences); !s.ok()) return StatusResponse(s);
  store::EventQuery query;
  query.document_id = doc.id;
  query.include_duplicates = true;
  query.review = include_rejected ? store::ReviewFilter::kAny : store::ReviewFilter::kNotRejected;
  std::vector<store::StoredEvent> rows;
  if (Status s = store.QueryEvents(query, &rows); !s.ok()) return StatusResponse(s);
  // How many were left out, so the page can say so and offer them (a reviewer un-rejects there).
  int64_t rejected_left_out = 0;
  if (!include_rejected) {
    query.review = store::ReviewFilter::kRejected;
    query.fields = store::EventFields::kReport;
    if (Status s = store.ForEachEvent(query, [&](const store::StoredEvent&) { return ++rejected_left_out, true; }); !s.ok())
      return StatusResponse(s);
  }
  json body = DocumentJson(doc);
  body["text"] = doc.document.text;
  json list = json::array();
  for (const auto& s : sentences)
    list.push_back(json{{"index", s.index}, {"begin", s.span.begin}, {"end", s.span.end}, {"text", s.text}});
  body["sentences"] = std::move(list);
  json events = json::array();
  for (const auto& e : rows) events.push_back(EventJson(e, options.data_dir));
  body["events"] = std::move(events);
  body["rejected_events_left_out"] = rejected_left_out;
  return JsonResponse(body);
}

Response Api::Impl::Search(store::Store& store, const Request& request) const {
  const std::string q = Param(request, "q");
  if (q.empty()) return ErrorResponse(400, "q: give a full-text query, e.g. q=troops%20Belarus");
  if (Status s = CheckFullTextQuery("q", q, options); !s.ok()) return StatusResponse(s);
  const StatusOr<int64_t> limit = IntParam(request, "limit", kDefaultLimit);
  if (!limit.ok()) return StatusResponse(limit.status());
  if (*limit == 0 || *limit > options.max_limit)
    return ErrorResponse(400, "limit: must be 1.." + std::to_string(options.max_limit));
  bool include_rejected = false;
  if (Status s = IncludeRejectedParam(request, &include_rejected); !s.ok()) return StatusResponse(s);
  std::vector<store::SentenceHit> hits;
  if (Status s = store.SearchSentences(q, *limit, &hits); !s.ok()) return StatusResponse(s);
  // The events each hit's sentence carries (current coding; rejected ones only with
  // include_rejected=1), so a result links to them, and each one's latest review state (null when
  // none) in `event_reviews`, in the same order: one query per document among the hits.
  struct SentenceEvents {
    json ids = json::array(), reviews = json::array();
  };
  std::map<int64_t, std::map<int, SentenceEvents>> events_by_sentence;
  for (const auto& h : hits) {
    if (events_by_sentence.count(h.document_id)) continue;
    auto& sentences = events_by_sentence[h.document_id];
    store::EventQuery query;
    query.document_id = h.document_id;
    query.include_duplicates = true;
    query.review = include_rejected ? store::ReviewFilter::kAny : store::ReviewFilter::kNotRejected;
    query.fields = store::EventFields::kReport;  // ids, sentences and reviews are all it reads
    std::vector<store::StoredEvent> rows;
    if (Status s = store.QueryEvents(query, &rows); !s.ok()) return StatusResponse(s);
    for (const auto& e : rows) {
      SentenceEvents& listed = sentences[e.event.sentence_index];
      listed.ids.push_back(e.id);
      listed.reviews.push_back(e.review.id == 0 ? json(nullptr) : json(store::ReviewStateName(e.review.state)));
    }
  }
  json list = json::array();
  for (const auto& h : hits) {
    const auto& sentences = events_by_sentence[h.document_id];
    const auto listed = sentences.find(h.sentence.index);
    const SentenceEvents none;
    const SentenceEvents& events = listed == sentences.end() ? none : listed->second;
    list.push_back(json{{"document_id", h.document_id},
                        {"events", events.ids},
                        {"event_reviews", events.reviews},
                        {"sentence_index", h.sentence.index},
                        {"text", h.sentence.text},
                        {"snippet", h.snippet},
                        {"doc_title", h.doc_title},
                        {"doc_url", h.doc_url},
                        {"doc_date", h.doc_date.valid() ? h.doc_date.ToIso() : ""}});
  }
  return JsonResponse(json{{"count", hits.size()}, {"hits", std::move(list)}});
}

Response Api::Impl::Conflicts() const {
  std::vector<analyze::Conflict> all;
  std::vector<std::pair<std::string, std::string>> failed;
  if (Status s = analyze::ListConflicts(
          options.conflicts_dir.empty() ? options.data_dir + "/conflicts" : options.conflicts_dir, &all, &failed);
      !s.ok())
    return ErrorResponse(500, s.message());
  json list = json::array(), problems = json::array();
  // A listed problem names its file as an error would: without the server's folders.
  for (const auto& f : failed) problems.push_back(HidePaths(f.second));
  for (const auto& c : all) {
    json phases = json::array();
    for (const auto& p : c.phases)
      phases.push_back(json{{"name", p.name},
                            {"begin", p.begin.valid() ? p.begin.ToIso() : ""},
                            {"end", p.end.valid() ? p.end.ToIso() : ""}});
    list.push_back(json{{"id", c.id},
                        {"name", c.name},
                        {"aliases", c.aliases},
                        {"aggressor", c.aggressor},
                        {"victim", c.victim},
                        {"phases", std::move(phases)}});
  }
  return JsonResponse(json{{"conflicts", std::move(list)}, {"errors", std::move(problems)}});
}

Response Api::Impl::Cameo() const {
  write::CameoTable table;
  if (Status s = write::CameoTable::Load(options.data_dir + "/cameo/cameo.tsv", &table); !s.ok())
    return ErrorResponse(500, "cannot read the CAMEO table cameo/cameo.tsv of the data directory");
  json codes = json::array();
  for (const auto& c : table.codes())
    codes.push_back(json{{"code", c.code}, {"name", c.name}, {"goldstein", c.goldstein},
                         {"quad_class", c.quad_class}, {"plover", c.plover}});
  return JsonResponse(json{{"codes", std::move(codes)}});
}

Response Api::Impl::Role(const Request& request, bool html) const {
  const std::string state = Param(request, "state"), conflict = Param(request, "conflict");
  if (state.empty() || conflict.empty())
    return ErrorResponse(400, "state and conflict are required, e.g. ?state=BLR&conflict=russia-ukraine");
  analyze::RoleOptions ro;
  for (const char* name : {"from", "to"}) {
    const std::string text = Param(request, name);
    if (text.empty()) continue;
    auto date = Date::Parse(text);
    if (!date || !date->valid()) return ErrorResponse(400, std::string(name) + ": not a date: '" + text + "' (use YYYY-MM-DD)");
    (std::string(name) == "from" ? ro.from : ro.to) = *date;
  }
  // As `dyad role` and /api/events: a reversed window is a mistake, not an empty report.
  if (ro.from.valid() && ro.to.valid() && ro.to < ro.from)
    return ErrorResponse(400, "from " + ro.from.ToIso() + " is after to " + ro.to.ToIso());
  const StatusOr<int64_t> evidence = IntParam(request, "evidence", ro.evidence_per_category);
  if (!evidence.ok()) return StatusResponse(evidence.status());
  if (*evidence < 1 || *evidence > 100) return ErrorResponse(400, "evidence: must be 1..100");
  ro.evidence_per_category = static_cast<int>(*evidence);
  // reviewed=1 (what the page sends) and reviewed_only=1 (as /api/events) are one choice.
  bool reviewed = false, reviewed_only = false;
  for (auto [name, flag] : {std::pair{"reviewed", &reviewed}, std::pair{"reviewed_only", &reviewed_only}})
    if (Status s = FlagParam(request, name, "only evidence an analyst confirmed or corrected", flag); !s.ok())
      return StatusResponse(s);
  ro.reviewed_only = reviewed || reviewed_only;
  if (Status s = IncludeRejectedParam(request, &ro.include_rejected); !s.ok()) return StatusResponse(s);
  if (ro.include_rejected && ro.reviewed_only)
    return ErrorResponse(400, std::string("include_rejected=1 and ") + (reviewed ? "reviewed=1" : "reviewed_only=1") +
                                  " contradict each other");

  // Everything the report depends on; /role and /api/role share it (they differ in rendering).
  const std::string key = json{state,
                               conflict,
                               ro.from.ToIso(),
                               ro.to.ToIso(),
                               ro.evidence_per_category,
                               ro.contradictions_per_category,
                               ro.contradiction_days,
                               ro.reviewed_only,
                               ro.include_rejected,
                               review_generation.load()}
                              .dump();
  const BuiltReport built = reports.Get(key, [&]() -> BuiltReport {
    // Read per build on purpose: rules and conflicts are data users edit, and a running server
    // should answer with the files as they are now (a few ms against the report's query).
    analyze::RoleInputs inputs;
    analyze::RoleInputPaths paths;
    paths.data_dir = options.data_dir;
    paths.rules = options.rules;
    paths.conflicts_dir = options.conflicts_dir;
    // Unknown state or conflict: the caller's (400); a broken data file: ours (500).
    if (Status s = analyze::LoadRoleInputs(paths, state, conflict, &inputs); !s.ok())
      return {nullptr, StatusResponse(s)};
    auto report = std::make_shared<analyze::RoleReport>();
    Response answer = WithStore(
        [&](store::Store& store) {
          if (Status s = analyze::BuildRoleReportFromStore(store, inputs.rules, inputs.conflict, inputs.subject, ro,
                                                           report.get());
              !s.ok())
            return StatusResponse(s);
          return Response{};
        },
        Pool::kReports);
    if (answer.status != 200) return {nullptr, std::move(answer)};
    report->conflict_file = ShownPath(report->conflict_file, options.data_dir);
    report->rules_file = ShownPath(report->rules_file, options.data_dir);
    return {std::move(report), Response{}};
  });
  if (!built.report) return built.error;
  const analyze::RoleReport& report = *built.report;
  if (!html) {
    Response r;
    r.body = analyze::RenderJson(report);
    return r;
  }
  std::string chart_js;
  const std::string chart_path = options.web_dir + "/vendor/chart.umd.min.js";
  if (!ReadFile(chart_path, &chart_js) || chart_js.empty())
    return ErrorResponse(500, "cannot read the Chart.js file " + chart_path);
  Response r;
  r.content_type = kHtml;
  r.body = analyze::RenderHtml(report, chart_js);
  return r;
}

std::string Api::Impl::Reviewer(const Request& request) const {
  static const std::string kBearer = "Bearer ";
  if (request.authorization.size() <= kBearer.size() || request.authorization.compare(0, kBearer.size(), kBearer) != 0)
    return "";
  const std::string given = request.authorization.substr(kBearer.size());
  std::string name;
  for (const auto& [token, reviewer] : options.tokens)
    if (SameToken(given, token)) name = reviewer;
  return name;
}

Response Api::Impl::AddReview(int64_t id, const std::string& reviewer, const Request& request) const {
  if (request.body.size() > 64 * 1024) return ErrorResponse(413, "body: a review is at most 64 KB");
  const json body = json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (!body.is_object())
    return ErrorResponse(400, "body: send a JSON object {\"state\": \"confirmed|rejected|corrected\", \"note\": ..., "
                              "\"source\", \"target\", \"code\" (corrections)}");
  for (const auto& [key, value] : body.items()) {
    if (key != "state" && key != "note" && key != "source" && key != "target" && key != "code")
      return ErrorResponse(400, "body: unknown field '" + key + "' (known: state, note, source, target, code)");
    if (!value.is_string()) return ErrorResponse(400, "body: " + key + " must be a string");
  }
  store::Review review;
  review.reviewer = reviewer;
  review.state = store::ParseReviewState(body.value("state", ""));
  if (review.state == store::ReviewState::kNone)
    return ErrorResponse(400, "state: '" + body.value("state", "") + "' (expected confirmed, rejected or corrected)");
  review.note = body.value("note", "");
  review.source = body.value("source", "");
  review.target = body.value("target", "");
  review.event_code = body.value("code", "");
  if (review.state != store::ReviewState::kCorrected && !(review.source.empty() && review.target.empty() && review.event_code.empty()))
    return ErrorResponse(400, "source, target and code are corrections: give them with state corrected");
  if (Status s = store::CompleteCorrection(cameo, &review); !s.ok()) return StatusResponse(s);
  store::Review stored;
  if (Status s = writer->AddReview(id, review, &stored); !s.ok()) {
    return s.code() == StatusCode::kNotFound ? ErrorResponse(404, "no event " + std::to_string(id)) : StatusResponse(s);
  }
  ++review_generation;  // a report asked from now on is built afresh and shows this review
  Response r = JsonResponse(json{{"review", store::ReviewObject(stored)}}, 201);
  return r;
}

Response Api::Impl::Reviews(store::Store& store, int64_t id) const {
  std::vector<store::Review> history;
  if (Status s = store.ReviewHistory(id, &history); !s.ok())
    return s.code() == StatusCode::kNotFound ? ErrorResponse(404, "no event " + std::to_string(id)) : StatusResponse(s);
  json list = json::array();
  for (const auto& r : history) list.push_back(store::ReviewObject(r));
  return JsonResponse(json{{"reviews", std::move(list)}});
}

Response Api::Impl::Code(const Request& request) const {
  if (request.body.size() > options.max_body_bytes)
    return ErrorResponse(413, "body: " + std::to_string(request.body.size()) + " bytes; at most " +
                                  std::to_string(options.max_body_bytes) + " per request (use `dyad ingest` for more)");
  if (request.body.empty()) return ErrorResponse(400, "body: empty; send the text to code as the request body");
  Document doc;
  doc.id = Param(request, "id").empty() ? "request" : Param(request, "id");
  doc.origin = "POST /api/code";
  doc.text = request.body;
  if (const std::string date = Param(request, "date"); !date.empty()) {
    auto parsed = Date::Parse(date);
    if (!parsed || !parsed->valid()) return ErrorResponse(400, "date: not a date: '" + date + "' (use YYYY-MM-DD)");
    doc.date = *parsed;
  }
  std::vector<dyad::Event> events;
  if (Status s = engine->Code(doc, &events); !s.ok()) return StatusResponse(s);
  json list = json::array();
  for (const auto& e : events) list.push_back(RelativePatternFile(write::EventToJson(e), options.data_dir));
  return JsonResponse(json{{"dictionary_hash", engine->dictionary_hash()},
                           {"count", events.size()},
                           {"events", std::move(list)}});
}

Response Api::Impl::WebFile(const std::string& path) const {
  Response r;
  if (!ReadFile(options.web_dir + path, &r.body)) return ErrorResponse(404, "no file " + path + " in the web folder");
  r.content_type = WebFileType(path);
  return r;
}

Response Api::Impl::WebPage() const {
  Response r;
  const std::string path = options.web_dir + "/index.html";
  if (!ReadFile(path, &r.body)) return ErrorResponse(500, "cannot read the web page " + path);
  r.content_type = kHtml;
  // The page shows text from documents: even if some of it slipped through unescaped, no script
  // but the page's own files runs, and nothing is loaded from elsewhere.
  r.headers["Content-Security-Policy"] =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src 'self'; "
      "object-src 'none'; base-uri 'none'; form-action 'self'";
  return r;
}

}  // namespace dyad::server
