// dyad serve: the HTTP JSON API and the web page over an evidence database.
//   dyad serve [--db FILE] [--host ADDR] [--port N] [--dict PATH]... [--rules FILE] [--conflicts DIR]
//              [--token-file FILE] [--quiet] [--threads N] [--connections N] [--report-connections N]
//              [--header-timeout S] [--body-timeout S]
//              [--body-min-rate BYTES] [--read-timeout S] [--keep-alive S] [--max-connections-per-client N]
// Routes and their parameters: docs/serve.md (src/server/api.h).
#include <malloc.h>
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>
#include <vector>

#include "command.h"
#include "server/api.h"
#include "server/http.h"

namespace dyad::cli {
namespace {

struct ServeFlags {
  std::string db;
  std::string host = "127.0.0.1";
  int port = 8080;
  std::vector<std::string> dictionaries;
  std::string data_dir;
  std::string rules;
  std::string conflicts_dir;
  bool quiet = false;
  std::string token_file;
  server::HttpOptions http;  // limits on slow clients and workers (docs/serve.md)
  int connections = server::ApiOptions{}.connections;
  int report_connections = server::ApiOptions{}.report_connections;
};

bool Loopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

// The token file: one "NAME TOKEN" per line (the name is recorded with each review), or a lone
// TOKEN (name "analyst"); blank lines and '#' comments are skipped. Tokens of fewer than 16
// characters are refused: they could be guessed.
Status ReadTokens(const std::string& path, std::map<std::string, std::string>* tokens) {
  std::ifstream in(path);
  if (!in) return Status::Error(path + ": cannot read the token file");
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    std::istringstream words(line);
    std::vector<std::string> parts;
    for (std::string w; words >> w;) parts.push_back(w);
    if (parts.empty() || parts[0][0] == '#') continue;
    if (parts.size() > 2)
      return Status::Error(path + ":" + std::to_string(number) + ": expected 'NAME TOKEN' or 'TOKEN'");
    const std::string token = parts.back(), name = parts.size() == 2 ? parts[0] : "analyst";
    if (token.size() < 16)
      return Status::Error(path + ":" + std::to_string(number) + ": the token of " + name +
                           " is shorter than 16 characters (e.g. `openssl rand -hex 16`)");
    (*tokens)[token] = name;
  }
  if (tokens->empty()) return Status::Error(path + ": no token in the token file");
  return Status::Ok();
}

int Run(const ServeFlags& f) {
  // glibc gives each thread that allocates an arena of its own (up to 8 per core), and an arena
  // keeps what it freed: with 256 workers building report answers the server's peak RSS at 1M
  // events was 625-700 MB, with 2 arenas 364 MB (scripts/load_test.py, docs/PERFORMANCE.md).
  // Unless the user set MALLOC_ARENA_MAX.
  if (std::getenv("MALLOC_ARENA_MAX") == nullptr) mallopt(M_ARENA_MAX, 2);
  server::ApiOptions options;
  options.db = f.db;
  options.data_dir = f.data_dir;
  options.rules = f.rules;
  options.conflicts_dir = f.conflicts_dir;
  options.engine.dictionaries = f.dictionaries;
  options.connections = f.connections;
  options.report_connections = f.report_connections;
  if (!f.token_file.empty()) {
    if (Status s = ReadTokens(f.token_file, &options.tokens); !s.ok()) return Fail("serve: " + s.message(), 2);
    // Beyond this machine, the data is shared with token holders only.
    options.reads_need_token = !Loopback(f.host);
  }
  std::unique_ptr<server::Api> api;
  if (Status s = server::Api::Create(options, &api); !s.ok()) return Fail("serve: " + s.message());

  // SIGINT/SIGTERM stop the server cleanly: blocked in every thread, taken by a waiter.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  std::function<void(const std::string&)> log;
  if (!f.quiet) log = [](const std::string& line) { std::fprintf(stderr, "dyad: %s\n", line.c_str()); };
  server::HttpServer http(*api, log, f.http);
  int port = 0;
  if (Status s = http.Bind(f.host, f.port, &port); !s.ok()) return Fail("serve: " + s.message());
  std::fprintf(stderr, "dyad: serving %s on http://%s:%d/ (Ctrl-C stops)\n", f.db.c_str(), f.host.c_str(), port);
  if (const int most = f.http.max_connections_per_client; most == 0 || most >= f.http.threads) {
    std::fprintf(stderr, "dyad: note: one client may hold all %d workers (--max-connections-per-client %d)\n",
                 f.http.threads, most);
  }

  std::thread waiter([&http, stop_signals]() {
    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    http.Stop();
  });
  Status s = http.Listen();
  // Listen() also returns when the socket fails: wake the waiter so it can end.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  if (!s.ok()) return Fail("serve: " + s.message());
  std::fprintf(stderr, "dyad: stopped\n");
  return 0;
}

Registration reg(
    "serve", "Serve the HTTP JSON API and the web page over an evidence database",
    [](CLI::App& app) -> Runner {
      auto f = std::make_shared<ServeFlags>();
      f->db = DefaultDatabase();
      app.add_option("--db", f->db, "Evidence database, opened read-only unless --token-file (default $DYAD_DB or dyad.db)");
      app.add_option("--host", f->host, "Address to listen on (default 127.0.0.1: this machine only)");
      app.add_option("--port", f->port, "Port (default 8080; 0 picks a free one)")->check(CLI::Range(0, 65535));
      app.add_option("--dict", f->dictionaries, "Dictionary file or directory for POST /api/code (repeatable)");
      app.add_option("--data", f->data_dir, "dyad's data directory");
      app.add_option("--rules", f->rules, "Involvement rules for role reports (default <data>/rules/involvement.toml)");
      app.add_option("--conflicts", f->conflicts_dir,
                     "Folder of conflict files for role reports (default <data>/conflicts), as `dyad role --conflicts`");
      app.add_flag("-q,--quiet", f->quiet, "Do not log requests to standard error");
      app.add_option("--token-file", f->token_file,
                     "Take reviews from holders of these tokens ('NAME TOKEN' per line; header Authorization: Bearer TOKEN); "
                     "reads need a token too unless the server listens on this machine only");
      app.add_option("--threads", f->http.threads,
                     "Workers (default 256); each open connection holds one while it is open")
          ->check(CLI::Range(1, 4096));
      app.add_option("--connections", f->connections,
                     "Database connections for event pages and searches: how many run at once (default 4)")
          ->check(CLI::Range(1, 64));
      app.add_option("--report-connections", f->report_connections,
                     "Database connections for role reports: how many different reports are built at once (default 2)")
          ->check(CLI::Range(1, 64));
      app.add_option("--header-timeout", f->http.header_timeout_seconds,
                     "Seconds a client has to send a request's line and headers, from their first byte; "
                     "slower clients get 408 and are disconnected (default 10)")
          ->check(CLI::Range(1, 3600));
      app.add_option("--body-timeout", f->http.body_timeout_seconds,
                     "Seconds a client has to send a request body after its headers, plus 1 s per "
                     "--body-min-rate bytes received; slower clients get 408 and are disconnected (default 10)")
          ->check(CLI::Range(1, 3600));
      app.add_option("--body-min-rate", f->http.body_min_bytes_per_second,
                     "Bytes per second a request body must keep arriving at, past --body-timeout (default 4096)")
          ->check(CLI::Range(1, 1 << 30));
      app.add_option("--read-timeout", f->http.read_timeout_seconds,
                     "Seconds a client may stay silent while sending a request or not read the answer (default 5)")
          ->check(CLI::Range(1, 3600));
      app.add_option("--keep-alive", f->http.keep_alive_seconds,
                     "Seconds an idle kept-alive connection stays open (default 2)")
          ->check(CLI::Range(1, 3600));
      app.add_option("--max-connections-per-client", f->http.max_connections_per_client,
                     "Connections one client address (IPv6: one /64) may hold at once; more are answered 503 "
                     "with Retry-After and closed (default 16; 0: no limit, e.g. behind a proxy that is every "
                     "client's address)")
          ->check(CLI::Range(0, 4096));
      return [f]() { return Run(*f); };
    });

}  // namespace
}  // namespace dyad::cli
