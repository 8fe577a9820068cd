#include "server/http.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <unordered_map>

#include "common/escape.h"

namespace dyad::server {
namespace {

const char* kJson = "application/json";

std::string ErrorBody(const std::string& message) {
  // Messages may quote a header (Host): control bytes and invalid UTF-8 escaped as \xNN first,
  // then JSON's quotes and backslashes.
  std::string escaped;
  for (char c : EscapeForMessage(message)) {
    if (c == '"' || c == '\\') escaped.push_back('\\');
    escaped.push_back(c);
  }
  return "{\"error\":\"" + escaped + "\"}\n";
}

// Set on a worker's thread by Refuse: the connection ends after this answer. httplib 0.11 keeps a
// connection open whatever the response's Connection header says, so the connection loop
// (DeadlineServer::Serve) reads this.
thread_local bool close_after_answer = false;

// Ends the connection after this answer: the unread body must not be taken
// for the next request (it could hold one, which would then be answered).
void Refuse(httplib::Response& out, int status, const std::string& message) {
  out.status = status;
  out.set_content(ErrorBody(message), kJson);
  out.set_header("Connection", "close");
  close_after_answer = true;
}

// Content-Length as a number; a malformed one counts as huge (refused).
uint64_t ContentLength(const httplib::Request& in) {
  if (!in.has_header("Content-Length")) return 0;
  const std::string text = in.get_header_value("Content-Length");
  uint64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return UINT64_MAX;
  return value;
}

bool HasBody(const httplib::Request& in) { return in.has_header("Transfer-Encoding") || ContentLength(in) > 0; }

std::string StatusText(int status) {
  switch (status) {
    case 400: return "bad request";
    case 404: return "not found";
    case 405: return "method not allowed";
    case 408: return "request timeout";
    case 413: return "request body too large";
    case 414: return "request URI too long";
    case 415: return "unsupported media type";
    case 416: return "range not satisfiable";
    case 431: return "request header fields too large";
    case 503: return "service unavailable";
    default: return status >= 500 ? "server error" : "request error";
  }
}

// The Host header a request to `bound` may carry: any, unless the server listens on a loopback
// address; then only a loopback name, with or without a port.
bool HostAllowed(const std::string& bound, const std::string& host_header) {
  const bool loopback = bound == "127.0.0.1" || bound == "localhost" || bound == "::1" || bound.rfind("127.", 0) == 0;
  if (!loopback || host_header.empty()) return true;
  std::string host = host_header;
  if (!host.empty() && host.front() == '[') {  // "[::1]:8080"
    const size_t close = host.find(']');
    host = close == std::string::npos ? host : host.substr(1, close - 1);
  } else if (const size_t colon = host.rfind(':'); colon != std::string::npos) {
    host = host.substr(0, colon);
  }
  for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0 || host == bound;
}

using Clock = std::chrono::steady_clock;

// Set on a worker's thread when the request it is reading ran past the header deadline, so the
// error handler answers 408 instead of httplib's 400 (a connection stays on one worker).
thread_local bool header_deadline_passed = false;
// The same for the body's deadline (the body handler answers 408 instead of "could not be read").
thread_local bool body_deadline_passed = false;

std::string HeaderTimeoutMessage(int seconds) {
  return "request timeout: the request line and headers must arrive within " + std::to_string(seconds) + " s";
}

std::string BodyTimeoutMessage(const HttpOptions& options) {
  return "request timeout: a request body must arrive within " + std::to_string(options.body_timeout_seconds) +
         " s of its headers, plus 1 s per " + std::to_string(options.body_min_bytes_per_second) + " bytes";
}

// A whole 408 response, for a client cut off before httplib could answer.
std::string HeaderTimeoutAnswer(int seconds) {
  const std::string body = ErrorBody(HeaderTimeoutMessage(seconds));
  return "HTTP/1.1 408 Request Timeout\r\nContent-Type: application/json\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

// How often a waiting worker looks whether the server is stopping.
constexpr auto kStopCheck = std::chrono::milliseconds(100);

// A connection's socket for httplib, with a deadline on each request's line and header block and
// one on its body. httplib's own stream only bounds each read, so a client sending a byte just
// before every read timeout kept its worker for ever. Reads are buffered (httplib reads headers a
// byte at a time).
class DeadlineStream : public httplib::Stream {
 public:
  // `listen_fd` is the server's listening socket, INVALID_SOCKET once it stops.
  DeadlineStream(int fd, const HttpOptions& options, const std::atomic<socket_t>& listen_fd)
      : fd_(fd), options_(options), listen_fd_(listen_fd) {}

  // A new request starts: its header block must be complete within the header timeout.
  void BeginRequest() {
    in_header_ = true;
    header_end_match_ = 0;
    deadline_ = Clock::now() + std::chrono::seconds(options_.header_timeout_seconds);
    header_deadline_passed = false;
    body_deadline_passed = false;
    close_after_answer = false;
    wrote_answer_ = false;
  }
  bool wrote_answer() const { return wrote_answer_; }
  bool has_buffered() const { return next_ < end_; }

  bool is_readable() const override { return has_buffered() || WaitFor(POLLIN, ReadTimeout()); }
  bool is_writable() const override {
    return WaitFor(POLLOUT, std::chrono::seconds(options_.read_timeout_seconds));
  }

  ssize_t read(char* ptr, size_t size) override {
    if (!has_buffered()) {
      if (!WaitFor(POLLIN, ReadTimeout())) {
        if (Clock::now() >= deadline_) (in_header_ ? header_deadline_passed : body_deadline_passed) = true;
        return -1;
      }
      ssize_t got;
      do {
        got = ::recv(fd_, buffer_, sizeof buffer_, 0);
      } while (got < 0 && errno == EINTR);
      if (got <= 0) return got;
      next_ = 0;
      end_ = static_cast<size_t>(got);
    }
    const size_t n = std::min(size, end_ - next_);
    std::memcpy(ptr, buffer_ + next_, n);
    next_ += n;
    if (in_header_) {
      FindHeaderEnd(ptr, n);
    } else {
      ExtendBodyDeadline(n);
    }
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (!is_writable()) return -1;
    wrote_answer_ = true;
    return ::send(fd_, ptr, size, MSG_NOSIGNAL);
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override { Address(true, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { Address(false, ip, port); }
  socket_t socket() const override { return fd_; }

  // Waits for a client's next request on a kept-alive connection (false: none came in time).
  bool WaitForRequest() const {
    return has_buffered() || WaitFor(POLLIN, std::chrono::seconds(options_.keep_alive_seconds));
  }

 private:
  // The wait also ends at the deadline of the header or the body being read.
  Clock::duration ReadTimeout() const {
    return std::min<Clock::duration>(std::chrono::seconds(options_.read_timeout_seconds), deadline_ - Clock::now());
  }

  // Each body byte received moves the body's deadline on by 1 / body_min_bytes_per_second s.
  void ExtendBodyDeadline(size_t received) {
    const int rate = std::max(1, options_.body_min_bytes_per_second);
    body_credit_bytes_ += received;
    deadline_ += std::chrono::seconds(body_credit_bytes_ / rate);
    body_credit_bytes_ %= rate;
  }

  // Polls in short slices so a stopping server does not wait for slow clients.
  bool WaitFor(short events, Clock::duration timeout) const {
    const auto until = Clock::now() + timeout;
    for (;;) {
      const auto left = until - Clock::now();
      if (left <= Clock::duration::zero() || listen_fd_.load() == INVALID_SOCKET) return false;
      const auto slice = std::chrono::duration_cast<std::chrono::milliseconds>(std::min<Clock::duration>(left, kStopCheck));
      pollfd p{fd_, events, 0};
      const int ready = ::poll(&p, 1, std::max<int>(1, static_cast<int>(slice.count())));
      if (ready > 0) return true;
      if (ready < 0 && errno != EINTR) return false;
    }
  }

  // The header block ends at the first empty line ("\r\n\r\n"; a bare "\n\n" too, as httplib reads
  // lines); from there on the body's deadline applies.
  void FindHeaderEnd(const char* data, size_t n) {
    for (size_t i = 0; i < n && in_header_; ++i) {
      const char c = data[i];
      if (c == '\n') {
        if (header_end_match_ >= 1) {
          in_header_ = false;
          deadline_ = Clock::now() + std::chrono::seconds(options_.body_timeout_seconds);
          body_credit_bytes_ = n - i - 1;  // body bytes read with the header's end, if any
        }
        header_end_match_ = 1;
      } else if (c != '\r') {
        header_end_match_ = 0;
      }
    }
  }

  void Address(bool remote, std::string& ip, int& port) const {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    auto* raw = reinterpret_cast<sockaddr*>(&address);
    const int rc = remote ? ::getpeername(fd_, raw, &length) : ::getsockname(fd_, raw, &length);
    ip.clear();
    port = 0;
    if (rc != 0) return;
    char text[INET6_ADDRSTRLEN] = {};
    if (address.ss_family == AF_INET) {
      auto* in4 = reinterpret_cast<sockaddr_in*>(&address);
      ::inet_ntop(AF_INET, &in4->sin_addr, text, sizeof text);
      port = ntohs(in4->sin_port);
    } else if (address.ss_family == AF_INET6) {
      auto* in6 = reinterpret_cast<sockaddr_in6*>(&address);
      ::inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text);
      port = ntohs(in6->sin6_port);
    }
    ip = text;
  }

  int fd_;
  const HttpOptions& options_;
  const std::atomic<socket_t>& listen_fd_;
  char buffer_[4096];
  size_t next_ = 0, end_ = 0;
  bool in_header_ = false;
  bool wrote_answer_ = false;
  int header_end_match_ = 0;  // 1 after a line's '\n' (and any '\r'): one more '\n' ends the block
  Clock::time_point deadline_{};  // of the header block, then of the body
  size_t body_credit_bytes_ = 0;  // body bytes not yet turned into whole seconds of deadline
};

// The client a connection counts against, as text: an IPv4 address; an IPv6 one by its /64 (a
// host is usually given a whole /64, so single addresses would let it open as many connections as
// it likes), but an IPv4-mapped one ("::ffff:203.0.113.5") as its IPv4 address. Empty when the
// peer is already gone.
std::string ClientOf(int fd) {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  if (::getpeername(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) return "";
  char text[INET6_ADDRSTRLEN] = {};
  if (address.ss_family == AF_INET) {
    ::inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(&address)->sin_addr, text, sizeof text);
    return text;
  }
  if (address.ss_family != AF_INET6) return "";
  in6_addr ip = reinterpret_cast<sockaddr_in6*>(&address)->sin6_addr;
  if (IN6_IS_ADDR_V4MAPPED(&ip)) {
    ::inet_ntop(AF_INET, &ip.s6_addr[12], text, sizeof text);
    return text;
  }
  if (IN6_IS_ADDR_LOOPBACK(&ip)) return "::1";  // its /64 would be "::/64"
  std::memset(&ip.s6_addr[8], 0, 8);
  ::inet_ntop(AF_INET6, &ip, text, sizeof text);
  return std::string(text) + "/64";
}

// How many connections each client holds, bounded by max_connections_per_client (0: no bound).
// Clients are forgotten when their last connection ends, so the table stays as small as the
// number of clients connected.
class ConnectionsPerClient {
 public:
  explicit ConnectionsPerClient(int limit) : limit_(limit) {}

  // True when `client` may hold one more connection; then Release(client) must follow.
  bool TryAcquire(const std::string& client) {
    std::lock_guard<std::mutex> lock(mutex_);
    int& open = open_[client];
    if (limit_ > 0 && open >= limit_) return false;
    ++open;
    return true;
  }

  void Release(const std::string& client) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = open_.find(client);
    if (it != open_.end() && --it->second <= 0) open_.erase(it);
  }

  int limit() const { return limit_; }

 private:
  const int limit_;
  std::mutex mutex_;
  std::unordered_map<std::string, int> open_;
};

// A connection's place among its client's, given back however the connection ends (a timeout,
// a reset, an exception out of httplib).
class ClientPlace {
 public:
  ClientPlace(ConnectionsPerClient& clients, const std::string& client) : clients_(clients), client_(client) {}
  ~ClientPlace() { clients_.Release(client_); }
  ClientPlace(const ClientPlace&) = delete;
  ClientPlace& operator=(const ClientPlace&) = delete;

 private:
  ConnectionsPerClient& clients_;
  const std::string& client_;
};

std::string TooManyConnectionsMessage(const std::string& client, int limit) {
  return "too many connections from " + client + ": " + std::to_string(limit) +
         " are open, the most one client may hold; retry when one has closed";
}

// Answers a connection over its client's limit without reading its request: the worker is free
// again at once, however slowly the client would send.
void RefuseOverLimit(int fd, const std::string& client, int limit) {
  const std::string body = ErrorBody(TooManyConnectionsMessage(client, limit));
  const std::string answer =
      "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: " +
      std::to_string(body.size()) +
      "\r\nRetry-After: 1\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n" + body;
  // Whatever the client has sent is read first (without waiting, and only so much): closing a
  // socket with unread bytes resets it, and the client could lose the answer.
  char discard[4096];
  for (int i = 0; i < 16 && ::recv(fd, discard, sizeof discard, MSG_DONTWAIT) > 0; ++i) {
  }
  (void)::send(fd, answer.data(), answer.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
  ::shutdown(fd, SHUT_RDWR);
  ::close(fd);
}

// httplib's server with its connection loop replaced (process_and_close_socket is its virtual
// for this, as SSLServer uses): the same keep-alive rules, each request read from a DeadlineStream.
class DeadlineServer : public httplib::Server {
 public:
  // `log` as HttpServer's (may be empty).
  DeadlineServer(const HttpOptions& options, const std::function<void(const std::string&)>& log)
      : options_(options),
        log_(log),
        header_timeout_answer_(HeaderTimeoutAnswer(options.header_timeout_seconds)),
        clients_(options.max_connections_per_client) {}

 private:
  bool process_and_close_socket(socket_t sock) override {
    const std::string client = ClientOf(sock);
    if (client.empty()) {  // reset before a worker took it: nobody to answer
      ::close(sock);
      return false;
    }
    if (!clients_.TryAcquire(client)) {
      RefuseOverLimit(sock, client, clients_.limit());
      if (log_) log_("- - 503 " + TooManyConnectionsMessage(client, clients_.limit()));
      return false;
    }
    bool ok;
    {
      // Given back before the socket closes: a client that sees its connection closed may open
      // another at once and must find the place free.
      ClientPlace place(clients_, client);
      ok = Serve(sock);
    }
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    return ok;
  }

  // httplib's keep-alive loop, each request read from a DeadlineStream.
  bool Serve(socket_t sock) {
    DeadlineStream stream(sock, options_, svr_sock_);
    bool ok = false;
    for (size_t left = keep_alive_max_count_; left > 0 && svr_sock_.load() != INVALID_SOCKET; --left) {
      if (!stream.WaitForRequest()) break;
      stream.BeginRequest();
      bool connection_closed = false;
      ok = process_request(stream, /*close_connection=*/left == 1, connection_closed, [&](httplib::Request& request) {
        stream.get_remote_ip_and_port(request.remote_addr, request.remote_port);
        stream.get_local_ip_and_port(request.local_addr, request.local_port);
      });
      if (header_deadline_passed) {
        // Cut off in the request line, httplib closes without a word: say why.
        if (!stream.wrote_answer()) (void)stream.write(header_timeout_answer_.data(), header_timeout_answer_.size());
        break;
      }
      if (!ok || connection_closed || close_after_answer) break;
    }
    header_deadline_passed = false;
    body_deadline_passed = false;
    close_after_answer = false;
    return ok;
  }

  const HttpOptions& options_;
  const std::function<void(const std::string&)>& log_;
  const std::string header_timeout_answer_;
  ConnectionsPerClient clients_;
};

}  // namespace

struct HttpServer::Impl {
  const Api& api;
  std::function<void(const std::string&)> log;
  HttpOptions options;
  std::atomic<int> listen_fd{-1};
  DeadlineServer server;
  std::string bound_host;  // the address given to Bind
  Impl(const Api& a, std::function<void(const std::string&)> l, HttpOptions o)
      : api(a), log(std::move(l)), options(o), server(options, log) {}

  void Answer(const httplib::Request& in, std::string body, httplib::Response& out) {
    Request request;
    request.method = in.method;
    request.path = in.path;
    request.params = in.params;
    request.body = std::move(body);
    request.authorization = in.get_header_value("Authorization");
    Response response = api.Handle(request);
    out.status = response.status;
    out.set_content(response.body, response.content_type.c_str());
    for (const auto& [name, value] : response.headers) out.set_header(name, value);
    // Pages and data are local evidence; a browser on another origin must not read them.
    out.set_header("X-Content-Type-Options", "nosniff");
    if (log) log(in.method + " " + in.path + " " + std::to_string(response.status));
  }
};

HttpServer::HttpServer(const Api& api, std::function<void(const std::string&)> log, HttpOptions options)
    : impl_(std::make_unique<Impl>(api, std::move(log), options)) {
  Impl* impl = impl_.get();
  auto& s = impl->server;
  const size_t max_body = options.max_body_bytes;
  const std::string too_large = "body: more than " + std::to_string(max_body) +
                                " bytes per request (use `dyad ingest` for more)";
  const std::string body_too_slow = BodyTimeoutMessage(options);

  // Before any body is read: refuse by Content-Length, and bodies where no route takes one.
  s.set_pre_routing_handler([impl, max_body, too_large](const httplib::Request& in, httplib::Response& out) {
    // DNS rebinding: a server bound to this machine only answers requests addressed to it.
    if (!HostAllowed(impl->bound_host, in.get_header_value("Host"))) {
      Refuse(out, 403, "Host '" + in.get_header_value("Host") + "' is not this server's address (" +
                           impl->bound_host + "); use http://127.0.0.1 or http://localhost");
      if (impl->log) impl->log(in.method + " " + in.path + " 403");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (!HasBody(in)) return httplib::Server::HandlerResponse::Unhandled;
    if (in.method == "GET" || in.method == "HEAD" || in.method == "OPTIONS") {
      Refuse(out, 400, in.method + " " + in.path + ": takes no request body");
    } else if (ContentLength(in) > max_body) {
      Refuse(out, 413, too_large);
    } else if (in.is_multipart_form_data()) {
      Refuse(out, 415, "body: send the text itself (text/plain), not a multipart form");
    } else {
      return httplib::Server::HandlerResponse::Unhandled;
    }
    if (impl->log) impl->log(in.method + " " + in.path + " " + std::to_string(out.status));
    return httplib::Server::HandlerResponse::Handled;
  });
  s.Get(".*", [impl](const httplib::Request& in, httplib::Response& out) { impl->Answer(in, "", out); });
  // Bodies are read through a counting receiver, after decompression: a chunked
  // or gzip body stops being read at the limit (a small gzip can inflate to GBs).
  auto with_body = [impl, max_body, too_large, body_too_slow](const httplib::Request& in, httplib::Response& out,
                                                              const httplib::ContentReader& reader) {
    std::string body;
    bool over = false;
    bool ok = reader([&](const char* data, size_t n) {
      if (body.size() + n > max_body) {
        over = true;
        return false;
      }
      body.append(data, n);
      return true;
    });
    if (over) {
      Refuse(out, 413, too_large);
      if (impl->log) impl->log(in.method + " " + in.path + " 413");
      return;
    }
    if (!ok && body_deadline_passed) {
      Refuse(out, 408, body_too_slow);
      if (impl->log) impl->log(in.method + " " + in.path + " 408");
      return;
    }
    if (!ok) {
      Refuse(out, 400, "body: could not be read");
      return;
    }
    impl->Answer(in, std::move(body), out);
  };
  s.Post(".*", with_body);
  s.Put(".*", with_body);
  s.Delete(".*", with_body);
  s.Patch(".*", with_body);
  // httplib's own refusals (414, 413 ...) carry the documented JSON body too.
  const std::string header_timeout = HeaderTimeoutMessage(options.header_timeout_seconds);
  s.set_error_handler([header_timeout](const httplib::Request&, httplib::Response& out) {
    if (header_deadline_passed) {  // httplib says 400: the header was cut off, not malformed
      Refuse(out, 408, header_timeout);
      return;
    }
    if (!out.body.empty()) return;
    out.set_content(ErrorBody(StatusText(out.status)), kJson);
  });
  s.set_payload_max_length(max_body);
  s.set_read_timeout(options.read_timeout_seconds, 0);
  s.set_write_timeout(options.read_timeout_seconds, 0);
  s.set_keep_alive_timeout(options.keep_alive_seconds);
  s.set_keep_alive_max_count(100);
  const int threads = std::max(1, options.threads);
  s.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  // SO_REUSEADDR only: with httplib's default SO_REUSEPORT a second server
  // could bind the same port and take half the requests.
  s.set_socket_options([impl](socket_t fd) {
    int yes = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    int defer = impl->options.defer_accept_seconds;
    if (defer > 0) setsockopt(fd, IPPROTO_TCP, TCP_DEFER_ACCEPT, &defer, sizeof defer);
    impl->listen_fd = fd;
  });
}

HttpServer::~HttpServer() { Stop(); }

Status HttpServer::Bind(const std::string& host, int port, int* bound) {
  auto& s = impl_->server;
  impl_->bound_host = host;
  int got = port == 0 ? s.bind_to_any_port(host.c_str()) : (s.bind_to_port(host.c_str(), port) ? port : -1);
  if (got <= 0) {
    if (port != 0) {
      return Status::Error("port " + std::to_string(port) + " is in use, or " + host +
                           " is not an address of this machine");
    }
    return Status::Error("cannot listen on " + host + " (not an address of this machine?)");
  }
  // httplib listens with a backlog of 5; listen() again only resizes the queue.
  if (int fd = impl_->listen_fd.load(); fd >= 0) ::listen(fd, impl_->options.listen_backlog);
  *bound = got;
  return Status::Ok();
}

Status HttpServer::Listen() {
  if (!impl_->server.listen_after_bind()) return Status::Error("the HTTP server stopped with an error");
  return Status::Ok();
}

void HttpServer::Stop() { impl_->server.stop(); }

}  // namespace dyad::server
