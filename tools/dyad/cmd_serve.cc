// dyad serve: the HTTP JSON API and the web page over an evidence database.
//   dyad serve [--db FILE] [--host ADDR] [--port N] [--dict PATH]... [--rules FILE] [--conflicts DIR] [--quiet]
// Routes and their parameters: docs/serve.md (src/server/api.h).
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <thread>

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
};

int Run(const ServeFlags& f) {
  server::ApiOptions options;
  options.db = f.db;
  options.data_dir = f.data_dir;
  options.rules = f.rules;
  options.conflicts_dir = f.conflicts_dir;
  options.engine.dictionaries = f.dictionaries;
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
  server::HttpServer http(*api, log);
  int port = 0;
  if (Status s = http.Bind(f.host, f.port, &port); !s.ok()) return Fail("serve: " + s.message());
  std::fprintf(stderr, "dyad: serving %s on http://%s:%d/ (Ctrl-C stops)\n", f.db.c_str(), f.host.c_str(), port);

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
      app.add_option("--db", f->db, "Evidence database, opened read-only (default $DYAD_DB or dyad.db)");
      app.add_option("--host", f->host, "Address to listen on (default 127.0.0.1: this machine only)");
      app.add_option("--port", f->port, "Port (default 8080; 0 picks a free one)")->check(CLI::Range(0, 65535));
      app.add_option("--dict", f->dictionaries, "Dictionary file or directory for POST /api/code (repeatable)");
      app.add_option("--data", f->data_dir, "dyad's data directory");
      app.add_option("--rules", f->rules, "Involvement rules for role reports (default <data>/rules/involvement.toml)");
      app.add_option("--conflicts", f->conflicts_dir,
                     "Folder of conflict files for role reports (default <data>/conflicts), as `dyad role --conflicts`");
      app.add_flag("-q,--quiet", f->quiet, "Do not log requests to standard error");
      return [f]() { return Run(*f); };
    });

}  // namespace
}  // namespace dyad::cli
