#include "server/http.h"

#include <httplib.h>

namespace dyad::server {

struct HttpServer::Impl {
  const Api& api;
  std::function<void(const std::string&)> log;
  httplib::Server server;
  Impl(const Api& a, std::function<void(const std::string&)> l) : api(a), log(std::move(l)) {}
};

HttpServer::HttpServer(const Api& api, std::function<void(const std::string&)> log)
    : impl_(std::make_unique<Impl>(api, std::move(log))) {
  auto handler = [this](const httplib::Request& in, httplib::Response& out) {
    Request request;
    request.method = in.method;
    request.path = in.path;
    request.params = in.params;
    request.body = in.body;
    Response response = impl_->api.Handle(request);
    out.status = response.status;
    out.set_content(response.body, response.content_type.c_str());
    // Pages and data are local evidence; a browser on another origin must not read them.
    out.set_header("X-Content-Type-Options", "nosniff");
    if (impl_->log) impl_->log(in.method + " " + in.path + " " + std::to_string(response.status));
  };
  auto& s = impl_->server;
  s.Get(".*", handler);
  s.Post(".*", handler);
  s.Put(".*", handler);
  s.Delete(".*", handler);
  s.Patch(".*", handler);
}

HttpServer::~HttpServer() { Stop(); }

Status HttpServer::Bind(const std::string& host, int port, int* bound) {
  auto& s = impl_->server;
  int got = port == 0 ? s.bind_to_any_port(host.c_str()) : (s.bind_to_port(host.c_str(), port) ? port : -1);
  if (got <= 0)
    return Status::Error("cannot listen on " + host + ":" + std::to_string(port) +
                         " (address in use, or not an address of this machine)");
  *bound = got;
  return Status::Ok();
}

Status HttpServer::Listen() {
  if (!impl_->server.listen_after_bind()) return Status::Error("the HTTP server stopped with an error");
  return Status::Ok();
}

void HttpServer::Stop() { impl_->server.stop(); }

}  // namespace dyad::server
