// A small HTTP/1.1 server on 127.0.0.1 for the client's tests: a free port, one thread, one
// connection at a time, each answered by a handler and closed. Stopped (and joined) by its
// destructor. It stands in for the container credentials endpoint, the instance metadata service
// and a proxy that injects failures in front of moto_server.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace testing {

struct local_request {
  std::string method, path;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
};

struct local_answer {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  bool drop = false;  // close the connection without answering
};

class local_server {
 public:
  using handler = std::function<local_answer(local_request const&)>;

  explicit local_server(handler h) : handler_(std::move(h)) {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ::setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    if (::bind(listener_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(listener_, 16) != 0)
      throw std::runtime_error("local_server: cannot listen on 127.0.0.1");
    socklen_t n = sizeof a;
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&a), &n);
    port_ = ntohs(a.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~local_server() {
    stop_ = true;
    thread_.join();
    ::close(listener_);
  }
  local_server(local_server const&) = delete;
  local_server& operator=(local_server const&) = delete;

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int port() const { return port_; }
  /// The requests received so far.
  std::vector<local_request> requests() const {
    std::lock_guard lock(mutex_);
    return requests_;
  }

 private:
  void serve() {
    while (!stop_) {
      pollfd p{listener_, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      int c = ::accept(listener_, nullptr, nullptr);
      if (c < 0) continue;
      local_request r;
      if (read_request(c, r)) {
        {
          std::lock_guard lock(mutex_);
          requests_.push_back(r);
        }
        local_answer a = handler_(r);
        if (!a.drop) write_answer(c, a);
      }
      ::close(c);
    }
  }

  static bool read_request(int c, local_request& r) {
    std::string data;
    char buffer[8192];
    std::size_t header_end = std::string::npos;
    while ((header_end = data.find("\r\n\r\n")) == std::string::npos) {
      auto n = ::recv(c, buffer, sizeof buffer, 0);
      if (n <= 0) return false;
      data.append(buffer, std::size_t(n));
    }
    std::string head = data.substr(0, header_end);
    auto line_end = head.find("\r\n");
    std::string first = head.substr(0, line_end);
    auto s1 = first.find(' '), s2 = first.find(' ', s1 + 1);
    r.method = first.substr(0, s1);
    r.path = first.substr(s1 + 1, s2 - s1 - 1);
    for (std::size_t at = line_end; at != std::string::npos && at < head.size();) {
      auto next = head.find("\r\n", at + 2);
      std::string line = head.substr(at + 2, next == std::string::npos ? std::string::npos : next - at - 2);
      auto colon = line.find(':');
      if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        for (char& ch : name) ch = char(std::tolower(static_cast<unsigned char>(ch)));
        auto v = line.find_first_not_of(' ', colon + 1);
        r.headers[name] = v == std::string::npos ? "" : line.substr(v);
      }
      at = next;
    }
    std::size_t length = r.headers.count("content-length") ? std::stoul(r.headers["content-length"]) : 0;
    r.body = data.substr(header_end + 4);
    while (r.body.size() < length) {
      auto n = ::recv(c, buffer, sizeof buffer, 0);
      if (n <= 0) return false;
      r.body.append(buffer, std::size_t(n));
    }
    return true;
  }

  static void write_answer(int c, local_answer const& a) {
    std::string out = "HTTP/1.1 " + std::to_string(a.status) + " X\r\n";
    for (auto const& [k, v] : a.headers) out += k + ": " + v + "\r\n";
    out += "Content-Length: " + std::to_string(a.body.size()) + "\r\nConnection: close\r\n\r\n" + a.body;
    for (std::size_t sent = 0; sent < out.size();) {
      auto n = ::send(c, out.data() + sent, out.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return;
      sent += std::size_t(n);
    }
  }

  handler handler_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
  mutable std::mutex mutex_;
  std::vector<local_request> requests_;
};

}  // namespace testing
