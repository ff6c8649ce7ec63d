// awsjson's HTTP transport on libcurl (link CURL::libcurl; the CMake target awsjson::client does).
// Each request takes an easy handle from a pool, so that connections are kept alive between calls
// and calls from several threads run side by side. No global init or shutdown: libcurl (>= 7.84,
// Debian 12 has 7.88) initializes itself, thread-safely, on the first handle.
#pragma once

#include <curl/curl.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "transport.hpp"

namespace awsjson {

class curl_transport final : public transport {
 public:
  struct options {
    std::chrono::milliseconds connect_timeout{3100};  ///< botocore's "standard" defaults
    std::chrono::milliseconds request_timeout{60000};
    std::size_t pool_size = 16;  ///< idle handles kept (each holds its open connections)
  };

  curl_transport() : curl_transport(options{}) {}
  explicit curl_transport(options o) : options_(o) {}
  ~curl_transport() override {
    for (CURL* h : idle_) curl_easy_cleanup(h);
  }
  curl_transport(curl_transport const&) = delete;
  curl_transport& operator=(curl_transport const&) = delete;

  std::optional<transport_error> send(std::string_view endpoint, http_request const& request,
                                      http_response& response) override {
    CURL* curl = take();
    if (!curl) return transport_error{transport_error::kind::other, "libcurl could not make a handle"};
    response = {};
    char error[CURL_ERROR_SIZE] = {};
    curl_slist* headers = nullptr;
    for (auto const& h : request.headers) headers = curl_slist_append(headers, (h.name + ": " + h.value).c_str());
    headers = curl_slist_append(headers, "Expect:");  // no 100-continue round trip
    std::string url = std::string(endpoint) + (request.path.empty() ? "/" : request.path);
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.empty() ? "POST" : request.method.c_str());
    if (request.method == "GET") {
      curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    } else {
      curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
      curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, long(request.body.size()));
    }
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &collect_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, &collect_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response.headers);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, long(options_.connect_timeout.count()));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, long(options_.request_timeout.count()));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    CURLcode rc = curl_easy_perform(curl);
    std::optional<transport_error> failure;
    if (rc != CURLE_OK) {
      auto what = rc == CURLE_OPERATION_TIMEDOUT ? transport_error::kind::timeout
                  : rc == CURLE_COULDNT_CONNECT || rc == CURLE_COULDNT_RESOLVE_HOST || rc == CURLE_SSL_CONNECT_ERROR ||
                          rc == CURLE_PEER_FAILED_VERIFICATION
                      ? transport_error::kind::connect
                      : transport_error::kind::other;
      // libcurl's message names the host and the failure, never a header
      failure = transport_error{what, std::string(error[0] ? error : curl_easy_strerror(rc))};
      response = {};
    } else {
      long status = 0;
      curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
      response.status = int(status);
    }
    curl_slist_free_all(headers);
    give_back(curl, rc == CURLE_OK);
    return failure;
  }

 private:
  static std::size_t collect_body(char* data, std::size_t size, std::size_t n, void* user) {
    static_cast<std::string*>(user)->append(data, size * n);
    return size * n;
  }
  static std::size_t collect_header(char* data, std::size_t size, std::size_t n, void* user) {
    std::string_view line(data, size * n);
    auto& headers = *static_cast<std::vector<http_header>*>(user);
    if (line.starts_with("HTTP/")) headers.clear();  // a new status line (after a redirect or 100)
    auto colon = line.find(':');
    if (colon != std::string_view::npos) {
      auto value = line.substr(colon + 1);
      auto b = value.find_first_not_of(" \t"), e = value.find_last_not_of(" \t\r\n");
      headers.push_back({std::string(line.substr(0, colon)),
                         b == std::string_view::npos ? "" : std::string(value.substr(b, e - b + 1))});
    }
    return size * n;
  }

  CURL* take() {
    {
      std::lock_guard lock(mutex_);
      if (!idle_.empty()) {
        CURL* h = idle_.back();
        idle_.pop_back();
        curl_easy_reset(h);  // options cleared, connections and caches kept
        return h;
      }
    }
    return curl_easy_init();
  }
  void give_back(CURL* h, bool healthy) {
    std::lock_guard lock(mutex_);
    if (healthy && idle_.size() < options_.pool_size)
      idle_.push_back(h);
    else
      curl_easy_cleanup(h);
  }

  options options_;
  std::mutex mutex_;
  std::vector<CURL*> idle_;
};

}  // namespace awsjson
