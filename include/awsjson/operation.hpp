// Operations: a descriptor type per operation (its input, output and error types and its wire
// facts), and the request builder that turns an input into the HTTP request to send.
//
//   auto http = awsjson::make_request<ssm::GetMaintenanceWindowExecutionTaskInvocation>(req);
//   // http.method == "POST", http.path == "/", headers X-Amz-Target and Content-Type, http.body
//
// Signing (SigV4), Host and Content-Length belong to the caller's HTTP client.
#pragma once

#include <boost/mp11/list.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "detail/ascii.hpp"
#include "encode.hpp"
#include "validate.hpp"

namespace awsjson {

/// An awsJson operation descriptor: what a generator emits for each operation.
template <class Op>
concept operation = requires {
  typename Op::input;
  typename Op::output;
  typename Op::errors;  // a boost::mp11::mp_list of error structures
  { Op::name } -> std::convertible_to<std::string_view>;
  { Op::target_prefix } -> std::convertible_to<std::string_view>;  // e.g. AmazonSSM
  { Op::json_version } -> std::convertible_to<std::string_view>;   // "1.0" or "1.1"
};

struct http_header {
  std::string name;
  std::string value;
  friend bool operator==(http_header const&, http_header const&) = default;
};

namespace detail {
// Finds a header by name, case-insensitively, in any range of http_header or of pairs.
template <class Headers>
std::string_view find_header(Headers const& headers, std::string_view name) {
  for (auto const& h : headers) {
    if constexpr (requires { h.first; }) {
      if (iequals(h.first, name)) return h.second;
    } else {
      if (iequals(h.name, name)) return h.value;
    }
  }
  return {};
}
}  // namespace detail

/// An HTTP request to send, before signing.
struct http_request {
  std::string method;
  std::string path;
  std::vector<http_header> headers;
  std::string body;

  /// The value of a header (case-insensitive), or "" when absent.
  std::string_view header(std::string_view name) const { return detail::find_header(headers, name); }
};

/// Builds the HTTP request for `input` into `out`. Checks only that required members are
/// present (Smithy: leave length and pattern checks to the service); call validate() for more.
template <operation Op>
error build_request(typename Op::input const& input, http_request& out) {
  error err;
  if (auto missing = check_required(input); !missing.empty()) {
    err.code = errc::missing_member;
    err.path = missing.front().path;
    err.message = missing.front().message;
    for (std::size_t i = 1; i < missing.size(); ++i) err.message += "; " + missing[i].to_string();
    return err;
  }
  out.method = "POST";  // awsJson: every request is a POST to the root
  out.path = "/";
  out.headers.clear();
  out.headers.push_back({"X-Amz-Target", std::string(Op::target_prefix) + "." + std::string(Op::name)});
  out.headers.push_back({"Content-Type", std::string("application/x-amz-json-").append(Op::json_version)});
  out.body.clear();
  return encode_into(out.body, input);
}

#if defined(__cpp_exceptions)
/// Thrown by make_request when the input lacks a required member or cannot be encoded.
class request_error : public std::runtime_error {
 public:
  explicit request_error(error e) : std::runtime_error(e.to_string()), error_(std::move(e)) {}
  std::string const& path() const noexcept { return error_.path; }
  awsjson::error const& details() const noexcept { return error_; }

 private:
  awsjson::error error_;
};

template <operation Op>
[[nodiscard]] http_request make_request(typename Op::input const& input) {
  http_request r;
  if (auto err = build_request<Op>(input, r)) throw request_error(std::move(err));
  return r;
}
#endif

}  // namespace awsjson
