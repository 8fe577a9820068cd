// Serves an Api over HTTP/1.1 with cpp-httplib (a thread pool; each request is
// handed to Api::Handle). Used by `dyad serve`; tests bind it to a free port.
//
// Thread safety: Bind() and Listen() from one thread; Stop() from any thread.
// Lifetime: the Api must outlive the HttpServer. Errors: Bind() says which
// address could not be bound.
#ifndef DYAD_SERVER_HTTP_H_
#define DYAD_SERVER_HTTP_H_

#include <functional>
#include <memory>
#include <string>

#include "dyad/status.h"
#include "server/api.h"

namespace dyad::server {

class HttpServer {
 public:
  // `log`, when set, is called once per request with "METHOD PATH STATUS" (the
  // front end decides whether to print it: library code never prints).
  explicit HttpServer(const Api& api, std::function<void(const std::string&)> log = nullptr);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds host:port; port 0 picks a free port. *bound gets the port in use.
  Status Bind(const std::string& host, int port, int* bound);
  // Serves until Stop(). Returns an error if the server could not run.
  Status Listen();
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dyad::server

#endif  // DYAD_SERVER_HTTP_H_
