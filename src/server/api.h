// The HTTP JSON API behind `dyad serve`, as a function from a request to a response.
// No sockets here (server/http.h binds an Api to cpp-httplib), so every route is
// tested without a network. Routes (docs/serve.md):
//   GET  /                      the web page (web/index.html)
//   GET  /app.js, /vendor/NAME  the page's files (web/), by file name only
//   GET  /api                   this list, as JSON
//   GET  /api/stats             what the database holds
//   GET  /api/events?actor=&source=&target=&code=&root=&from=&to=&modality=&text=&review=&reviewed_only=
//                   &include_rejected=&sort=&limit=&after=&offset=   (rejected events left out unless include_rejected=1)
//   GET  /api/cameo             the CAMEO codes with their names (data/cameo/cameo.tsv)
//   GET  /api/events/ID         one event, its sentence marked, its document's provenance
//   GET  /api/documents/KEY     one document (d<N>, its input id, or a sha256 prefix) with its events
//   GET  /api/search?q=&limit=  full-text search over stored sentences (FTS5 syntax)
//   GET  /api/conflicts         the conflicts described in data/conflicts
//   GET  /api/role?state=&conflict=&from=&to=&evidence=&reviewed=&include_rejected=   the role report as JSON
//   GET  /role?...                the same as a self-contained HTML page
//   POST /api/code?date=&id=    codes the request body (plain text) without storing it
//   POST /api/events/ID/review  an analyst's review (JSON body); needs "Authorization: Bearer TOKEN"
//   GET  /api/events/ID/reviews the event's reviews, oldest first
// Errors are JSON objects {"error": "one line"} with status 400 (bad parameter), 401 (no or a
// wrong token), 403 (writes are off), 404 (unknown route, event or document), 405 (wrong
// method), 413 (body too large), 503 (a query past its time limit) or 500: a failure's
// dyad::StatusCode picks it (HttpStatusOf, api.cc), never its words.
//
// Thread safety: Handle() may be called from many threads at once: each request takes a
// read-only connection from a pool (ApiOptions: connections for queries, for role reports, for
// look-ups of one thing), so a slow request holds only its own; the engine is immutable.
// Lifetime: the Api owns its connections and engine.
#ifndef DYAD_SERVER_API_H_
#define DYAD_SERVER_API_H_

#include <map>
#include <memory>
#include <chrono>
#include <string>

#include "dyad/engine.h"
#include "dyad/status.h"
#include "store/store.h"

namespace dyad::server {

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string path;    // without the query string
  std::multimap<std::string, std::string> params;  // decoded query parameters
  std::string body;
  std::string authorization;  // the Authorization header ("Bearer TOKEN"), "" when absent
};

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::map<std::string, std::string> headers;  // more response headers (Content-Security-Policy, ...)
};

struct ApiOptions {
  std::string db;              // the evidence database, opened read-only
  std::string data_dir;        // dyad's data directory ("" = DefaultDataDir())
  std::string rules;           // involvement rules ("" = <data_dir>/rules/involvement.toml)
  std::string conflicts_dir;   // conflict files ("" = <data_dir>/conflicts), as `dyad role --conflicts`
  std::string web_dir;         // where index.html and vendor/ live ("" = <data_dir>/../web)
  EngineOptions engine;        // for POST /api/code
  size_t max_body_bytes = 10 << 20;  // larger bodies get 413
  int max_limit = 1000;        // most events one /api/events page returns
  int connections = 4;         // read-only database connections (requests at once on the database)
  // Role reports (/api/role, /role) take one of these instead: a burst of reports never holds the
  // connections every other route needs (/api/stats stays fast while reports run).
  int report_connections = 2;
  // Look-ups of one thing (/api/stats, /api/events/ID and its reviews, /api/documents/KEY) take
  // one of these: event pages and searches, which can take seconds each on a large store, never
  // hold the connections they need (with 4 such queries running they waited up to 1.5 s at 1M).
  int lookup_connections = 2;
  // A request whose database work takes longer is interrupted and answered
  // 503 with a JSON error (0 = no limit).
  std::chrono::milliseconds query_time_limit{5000};
  // The same for a role report, on its own connections (it holds no connection other routes
  // need): 1 s alone at 1M events, more than 5 s when the cores are busy, and then one build
  // stopped at 5 s failed every request sharing it (0 = no limit).
  std::chrono::milliseconds report_time_limit{30000};
  // Who may write reviews: token -> the reviewer's name recorded with each review. Empty: the
  // server takes no writes (403). With tokens the database is also opened for writing (one
  // connection, which migrates an older schema at start).
  std::map<std::string, std::string> tokens;
  // Reads (/api/..., /role) need a token too: for a server listening beyond this machine.
  bool reads_need_token = false;
  size_t max_query_bytes = 512;  // longest full-text query (q=, text=); longer -> 400
  int max_query_terms = 16;      // most words in a full-text query; more -> 400
};

class Api {
 public:
  // Opens the database read-only and loads the engine. Errors: the store's or the
  // engine's one-line message ("FILE: no such database" when it does not exist).
  static Status Create(const ApiOptions& options, std::unique_ptr<Api>* out);
  ~Api();

  Response Handle(const Request& request) const;

 private:
  struct Impl;
  explicit Api(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dyad::server

#endif  // DYAD_SERVER_API_H_
