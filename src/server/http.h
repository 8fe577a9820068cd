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

// Limits against hostile or slow clients (docs/serve.md).
struct HttpOptions {
  // Larger request bodies get 413: on Content-Length before reading, and while
  // reading (chunked bodies; gzip bodies counted after inflating).
  size_t max_body_bytes = 10 << 20;
  int read_timeout_seconds = 5;   // a client silent this long is disconnected
  int keep_alive_seconds = 2;     // an idle kept-alive connection is closed after this
  // A request's line and header block must arrive in full this long after its first byte, or the
  // client gets 408 and is disconnected: a client trickling a byte now and then ("slowloris")
  // never stays silent for the read timeout, and would otherwise hold its worker for ever.
  int header_timeout_seconds = 10;
  // A request body must keep coming at body_min_bytes_per_second: its deadline is
  // body_timeout_seconds after the header block ends, moved on one second for every
  // body_min_bytes_per_second bytes received (Apache's mod_reqtimeout "body=10,MinRate=..."). Past
  // it the client gets 408 and is disconnected: a client sending a byte just before each read
  // timeout held its worker until its Content-Length (up to max_body_bytes) had arrived.
  int body_timeout_seconds = 10;
  int body_min_bytes_per_second = 4096;
  // Workers. cpp-httplib 0.11 gives each connection a worker for as long as it is open; with the
  // header timeout a slow client holds one for at most header_timeout_seconds, so an attacker
  // must open threads / header_timeout_seconds connections a second to keep them all (an idle
  // worker costs only its stack's address space, not memory in use).
  int threads = 256;
  // Connections one client may hold at once (an IPv4 address; IPv6 by its /64, the block one
  // host is usually given). More are answered 503 with Retry-After and closed at once, so one
  // client opening or reopening connections cannot take every worker. 0: no limit. Loopback
  // counts too: browsers open at most 6 connections to a server, so 16 leaves the page room.
  int max_connections_per_client = 16;
  int listen_backlog = 1024;      // connections waiting to be accepted
  // A connection is handed to a worker only once its first bytes arrive, or after this long
  // (TCP_DEFER_ACCEPT): sockets opened and left silent take no worker meanwhile.
  int defer_accept_seconds = 10;
};

class HttpServer {
 public:
  // `log`, when set, is called once per request with "METHOD PATH STATUS" (the
  // front end decides whether to print it: library code never prints).
  explicit HttpServer(const Api& api, std::function<void(const std::string&)> log = nullptr,
                      HttpOptions options = {});
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
