// The operation API: descriptors, the HTTP request, build_request and make_request, declared
// here without the encoder and the validator (see api/decode.hpp for why).
// awsjson/operation.hpp defines build_request.
#pragma once

#include <concepts>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../detail/ascii.hpp"
#include "../error.hpp"

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

/// Whether Op's service is awsQueryCompatible (SQS, CloudWatch, ...: a former Query protocol
/// service): its descriptor says `static constexpr bool query_compatible = true;`. Its requests
/// carry `x-amzn-query-mode: true`, and its errors the Query protocol's code and fault in
/// `x-amzn-query-error` (operation_error::query_code and query_fault).
template <class Op>
inline constexpr bool query_compatible = requires {
  requires bool(Op::query_compatible);
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

  /// Sets a header: the first of that name (case-insensitive) gets `value`, or it is added.
  void set_header(std::string_view name, std::string value) {
    for (auto& h : headers)
      if (detail::iequals(h.name, name)) {
        h.value = std::move(value);
        return;
      }
    headers.push_back({std::string(name), std::move(value)});
  }
};

/// Op's service in configured endpoints: `static constexpr std::string_view service_id` in its
/// descriptor (the model's serviceId, `DynamoDB Streams`), "" without.
template <class Op>
constexpr std::string_view service_id_of() noexcept {
  if constexpr (requires { Op::service_id; })
    return Op::service_id;
  else
    return {};
}

/// Builds the HTTP request for `input` into `out`. Checks only that required members are
/// present (Smithy: leave length and pattern checks to the service); call validate() for more.
/// Defined in awsjson/operation.hpp; explicitly instantiated by AWSJSON_INSTANTIATE_OPERATION.
template <operation Op>
error build_request(typename Op::input const& input, http_request& out);

#if defined(__cpp_exceptions)
/// Throws awsjson::exception (request_error) when the input lacks a required member or cannot be
/// encoded.
template <operation Op>
[[nodiscard]] http_request make_request(typename Op::input const& input) {
  http_request r;
  if (auto err = build_request<Op>(input, r)) throw request_error(std::move(err));
  return r;
}
#endif

}  // namespace awsjson
