// The transport a client sends its requests through: an interface, so that a program can plug its
// own HTTP stack (or a test its fake); awsjson/client/curl_transport.hpp is the one shipped.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../api/operation.hpp"

namespace awsjson {

/// An HTTP answer.
struct http_response {
  int status = 0;
  std::vector<http_header> headers;
  std::string body;

  /// The value of a header (case-insensitive), or "" when absent.
  std::string_view header(std::string_view name) const { return detail::find_header(headers, name); }
};

/// Why no HTTP answer arrived. Never holds a header's value (an authorization, a token).
struct transport_error {
  enum class kind : unsigned char {
    connect,  ///< the connection could not be made (refused, DNS, TLS)
    timeout,  ///< connecting or reading took too long
    other,    ///< the connection broke, a malformed answer, ...
  };
  kind what = kind::other;
  std::string message;
};

/// Sends one HTTP request and waits for its answer. Implementations must allow concurrent calls
/// of send() from several threads.
class transport {
 public:
  virtual ~transport() = default;
  /// Sends `request` (its method, path, headers and body) to `endpoint`, a URL of a scheme, a host
  /// and an optional port (`https://ssm.us-east-1.amazonaws.com`, `http://127.0.0.1:5000`). Fills
  /// `response` and returns std::nullopt when an answer arrived, whatever its status.
  virtual std::optional<transport_error> send(std::string_view endpoint, http_request const& request,
                                              http_response& response) = 0;
};

}  // namespace awsjson
