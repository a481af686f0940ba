#include "http/server/server.h"

#include <pthread.h>
#include <spdlog/spdlog.h>

#include <array>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include "http/problem.h"

namespace dvld::http {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {
class Session;
}

struct Server::Impl {
  ServerConfig config;
  RequestHandler handler;
  // Declared before the io_context: sessions still queued in it unregister themselves here when
  // it is destroyed.
  std::mutex mu;
  std::unordered_map<Session*, std::weak_ptr<Session>> sessions;
  std::atomic<std::size_t> open{0};
  std::atomic<bool> stopping{false};
  bool stopped = false;
  net::io_context ioc;
  std::optional<net::executor_work_guard<net::io_context::executor_type>> work;
  tcp::acceptor acceptor{ioc};
  std::vector<std::thread> threads;

  Impl(ServerConfig c, RequestHandler h) : config(std::move(c)), handler(std::move(h)) {}
  void Accept();
};

namespace {

Request ToRequest(bhttp::request<bhttp::string_body>&& in, const std::string& remote_ip, bool& ok) {
  Request r;
  r.method = std::string(in.method_string());
  r.target = std::string(in.target());
  r.remote_ip = remote_ip;
  for (const auto& f : in) r.headers[std::string(f.name_string())] = std::string(f.value());
  r.body = std::move(in.body());
  auto url = boost::urls::parse_origin_form(r.target);
  ok = url.has_value();
  if (ok) {
    r.path = std::string(url->path());
    for (auto p : url->params()) r.query[std::string(p.key)] = std::string(p.value);
    if (r.path.empty()) r.path = "/";
  }
  return r;
}

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Server::Impl& server) : stream_(std::move(socket)), server_(server) {
    boost::system::error_code ec;
    auto ep = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ip_ = ep.address().to_string();
  }

  ~Session() {
    std::lock_guard lock(server_.mu);
    server_.sessions.erase(this);
    --server_.open;
  }

  void Start() {
    {
      std::lock_guard lock(server_.mu);
      server_.sessions.emplace(this, weak_from_this());
    }
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->ReadHeader(); });
  }

  // Refuses a connection over the limit with a 503 and closes it.
  void Reject() {
    {
      std::lock_guard lock(server_.mu);
      server_.sessions.emplace(this, weak_from_this());
    }
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      Response r = Problem(core::ErrorCode::kUnavailable, "too-many-connections", "The server is at its connection limit.");
      r.SetHeader("Retry-After", "1");
      self->Write(std::move(r), false, 11, false);
    });
  }

  // On stop: close now when idle; otherwise after the current answer.
  void CloseWhenIdle() {
    net::post(stream_.get_executor(), [self = shared_from_this()] {
      if (!self->busy_) self->Close();
    });
  }

 private:
  void ReadHeader() {
    if (server_.stopping) return Close();
    parser_.emplace();
    parser_->body_limit(server_.config.max_body_bytes);
    parser_->header_limit(static_cast<std::uint32_t>(server_.config.max_header_bytes));
    stream_.expires_after(server_.config.idle_timeout);
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             [self = shared_from_this()](beast::error_code ec, std::size_t) { self->OnHeader(ec); });
  }

  void OnHeader(beast::error_code ec) {
    if (ec) return OnReadError(ec);
    busy_ = true;
    if (parser_->get()[bhttp::field::expect] == "100-continue") {
      // Small bodies only: answer 100 Continue implicitly by reading on.
    }
    stream_.expires_after(server_.config.read_timeout);
    bhttp::async_read(stream_, buffer_, *parser_,
                      [self = shared_from_this()](beast::error_code e, std::size_t) { self->OnRead(e); });
  }

  void OnReadError(beast::error_code ec) {
    busy_ = true;
    if (ec == bhttp::error::end_of_stream || ec == net::error::eof || ec == beast::error::timeout ||
        ec == net::error::operation_aborted || ec == net::error::connection_reset) {
      return Close();
    }
    if (ec == bhttp::error::body_limit) {
      return Write(Problem(core::ErrorCode::kTooLarge, "body-too-large",
                           "The request body is larger than " + std::to_string(server_.config.max_body_bytes) +
                               " bytes."),
                   false, 11, false);
    }
    if (ec == bhttp::error::header_limit) {
      Response r = ProblemWithStatus(431, core::Error::Of(core::ErrorCode::kMalformed, "headers-too-large",
                                                          "The request headers are too large."));
      return Write(std::move(r), false, 11, false);
    }
    return Write(Problem(core::ErrorCode::kMalformed, "malformed-request", "The request is not valid HTTP/1.1."),
                 false, 11, false);
  }

  void OnRead(beast::error_code ec) {
    if (ec) return OnReadError(ec);
    auto raw = parser_->release();
    const bool keep_alive = raw.keep_alive();
    const unsigned version = raw.version();
    const bool head = raw.method() == bhttp::verb::head;
    bool ok = true;
    auto request = std::make_shared<Request>(ToRequest(std::move(raw), remote_ip_, ok));
    if (!ok) {
      return Write(Problem(core::ErrorCode::kMalformed, "malformed-target", "The request target is not a valid path."),
                   false, version, false);
    }
    server_.handler(request, [self = shared_from_this(), keep_alive, version, head](Response res) {
      net::post(self->stream_.get_executor(), [self, res = std::move(res), keep_alive, version, head]() mutable {
        self->Write(std::move(res), keep_alive, version, head);
      });
    });
  }

  void Write(Response res, bool keep_alive, unsigned version, bool head) {
    busy_ = true;
    auto out = std::make_shared<bhttp::response<bhttp::string_body>>(static_cast<bhttp::status>(res.status), version);
    out->set(bhttp::field::server, "dvld");
    if (!res.content_type.empty()) out->set(bhttp::field::content_type, res.content_type);
    for (auto& [name, value] : res.headers) out->insert(name, value);
    const auto length = res.body.size();
    if (!head) out->body() = std::move(res.body);
    out->content_length(length);
    out->keep_alive(keep_alive && !server_.stopping);
    stream_.expires_after(server_.config.write_timeout);
    bhttp::async_write(stream_, *out, [self = shared_from_this(), out](beast::error_code ec, std::size_t) {
      self->busy_ = false;
      if (ec) return self->Close();
      if (!out->keep_alive()) return self->Linger();
      self->ReadHeader();
    });
  }

  void Close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.socket().close(ec);
  }

  // Closes after an answer that ends the connection. The client may still be sending what the
  // server refused to read (a body over the limit, a malformed request): closing at once would
  // reset the connection and the client would see a broken pipe instead of the 413 or 400. So the
  // server stops sending, reads and drops what still comes for a few seconds, and then closes.
  void Linger() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return Close();
    stream_.expires_after(std::chrono::seconds(3));
    Drain();
  }
  void Drain() {
    if (!drain_) drain_ = std::make_unique<std::array<char, 16384>>();
    stream_.async_read_some(net::buffer(*drain_), [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->Close();  // the client closed (or the time is up)
      self->Drain();
    });
  }

  beast::tcp_stream stream_;
  Server::Impl& server_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::string remote_ip_;
  bool busy_ = false;
  std::unique_ptr<std::array<char, 16384>> drain_;  // Linger's scratch
};

}  // namespace

void Server::Impl::Accept() {
  acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (ec) {
      if (ec == net::error::operation_aborted || !acceptor.is_open()) return;
      spdlog::warn(R"({{"msg":"accept failed","error":"{}"}})", ec.message());
    } else {
      const auto now_open = ++open;
      auto session = std::make_shared<Session>(std::move(socket), *this);
      if (now_open > config.max_connections || stopping) {
        session->Reject();
      } else {
        session->Start();
      }
    }
    if (!stopping) Accept();
  });
}

Server::Server(ServerConfig config, RequestHandler handler)
    : impl_(std::make_unique<Impl>(std::move(config), std::move(handler))) {}

Server::~Server() { Stop(); }

std::uint16_t Server::Start() {
  auto& s = *impl_;
  const auto address = net::ip::make_address(s.config.host);
  tcp::endpoint endpoint{address, s.config.port};
  s.acceptor.open(endpoint.protocol());
  s.acceptor.set_option(net::socket_base::reuse_address(true));
  s.acceptor.bind(endpoint);
  s.acceptor.listen(net::socket_base::max_listen_connections);
  const auto port = s.acceptor.local_endpoint().port();
  s.work.emplace(s.ioc.get_executor());
  s.Accept();
  const unsigned n = threads();
  for (unsigned i = 0; i < n; ++i) {
    s.threads.emplace_back([&s] {
      pthread_setname_np(pthread_self(), "dvld-io");
      s.ioc.run();
    });
  }
  return port;
}

unsigned Server::threads() const {
  if (impl_->config.threads > 0) return impl_->config.threads;
  const unsigned hw = std::thread::hardware_concurrency();
  return hw == 0 ? 2 : hw;
}

std::size_t Server::OpenConnections() const { return impl_->open.load(); }

void Server::Stop() {
  auto& s = *impl_;
  if (s.stopped) return;
  s.stopped = true;
  s.stopping = true;
  net::post(s.ioc, [&s] {
    beast::error_code ec;
    s.acceptor.close(ec);
  });
  const auto deadline = std::chrono::steady_clock::now() + s.config.drain_timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    std::vector<std::shared_ptr<Session>> live;
    {
      std::lock_guard lock(s.mu);
      for (auto& [ptr, weak] : s.sessions) {
        if (auto sp = weak.lock()) live.push_back(std::move(sp));
      }
    }
    if (live.empty() && s.open == 0) break;
    for (auto& sp : live) sp->CloseWhenIdle();
    live.clear();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  s.work.reset();
  s.ioc.stop();
  for (auto& t : s.threads) {
    if (t.joinable()) t.join();
  }
  s.threads.clear();
}

}  // namespace dvld::http
