// The network side: Boost.Beast HTTP/1.1 with keep-alive, timeouts, size and connection limits,
// N I/O threads, graceful stop. Only this file's .cpp includes Beast.
#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "http/message.h"

namespace dvld::http {

struct ServerConfig {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0 picks a free port (tests)
  unsigned threads = 0;       // 0: one per core
  std::size_t max_body_bytes = 3 * 1024 * 1024;  // the largest any route takes (photos); routes limit further
  std::size_t max_header_bytes = 16 * 1024;
  std::size_t max_connections = 2048;
  std::chrono::seconds idle_timeout{60};  // waiting for the next request on a kept-alive connection
  std::chrono::seconds read_timeout{30};  // reading one request's body once its headers arrived
  std::chrono::seconds write_timeout{30};
  std::chrono::seconds drain_timeout{10};  // on stop, how long requests in flight may take
};

using RequestHandler = std::function<void(std::shared_ptr<Request>, std::function<void(Response)>)>;

class Server {
 public:
  Server(ServerConfig config, RequestHandler handler);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds, starts the I/O threads and returns the bound port. Throws when it cannot bind.
  std::uint16_t Start();
  // Stops accepting, lets requests in flight finish (up to drain_timeout), closes idle
  // connections, joins the threads. Idempotent.
  void Stop();
  std::size_t OpenConnections() const;
  unsigned threads() const;

  struct Impl;  // public only so that server.cpp's sessions can name it

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace dvld::http
