// The response API: the typed outcome of an operation (result, service error, or a body that is
// not a valid output) and decode_response, declared here without the decoder (see
// api/decode.hpp for why). awsjson/response.hpp defines decode_response.
#pragma once

#include <boost/mp11/algorithm.hpp>

#include <string>
#include <string_view>
#include <variant>

#include "../metadata.hpp"
#include "operation.hpp"

namespace awsjson {

/// What every response carries besides its body, as botocore's ResponseMetadata does.
struct response_metadata {
  std::string request_id;  ///< the x-amzn-RequestId header
  int http_status = 0;
};

/// An error whose code matches none of the operation's error shapes (throttling, access
/// denied and other service-wide errors arrive this way), or a body that is not JSON at all.
struct unknown_error {
  std::string code;  ///< the sanitized error code; empty when the response named none
  std::string message;
  int http_status = 0;
  std::string raw_body;  ///< the body as received, when it was not a JSON object (an HTML page from a proxy)
  friend bool operator==(unknown_error const&, unknown_error const&) = default;
};

/// The error a service returned (operation_error<Op>): one of the operation's error types, or unknown_error.
template <operation Op>
struct operation_error {
  using variant_type =
      boost::mp11::mp_push_back<boost::mp11::mp_rename<typename Op::errors, std::variant>, unknown_error>;

  variant_type error;
  std::string code;     ///< sanitized: `com.amazonaws.ssm#DoesNotExistException:http://...` is `DoesNotExistException`
  std::string message;  ///< from the body's `message` or `Message`
  int http_status = 0;
  /// An awsQueryCompatible service's `x-amzn-query-error: Code;Fault` header: the error code users
  /// know from the Query protocol (`AWS.SimpleQueueService.NonExistentQueue`, botocore's
  /// Error.Code) and the fault, `Sender` or `Receiver` (botocore's Error.Type). Empty when the
  /// header is absent or not of that form; the error is typed by its shape (`code`) either way.
  std::string query_code;
  std::string query_fault;

  template <class E>
  bool is() const noexcept {
    return std::holds_alternative<E>(error);
  }
  template <class E>
  E const* get_if() const noexcept {
    return std::get_if<E>(&error);
  }
  /// A server-side fault (the shape is a server error, an unknown error with a 5xx status, or the
  /// Query protocol's fault says `Receiver`).
  bool is_fault() const noexcept {
    bool fault = http_status >= 500 || query_fault == "Receiver";
    std::visit(
        [&](auto const& e) {
          using E = std::remove_cvref_t<decltype(e)>;
          if constexpr (!std::is_same_v<E, unknown_error>) fault = shape_of<E>().kind == shape_kind::server_error;
        },
        error);
    return fault;
  }
};

/// A decoded response: the result, a service error, or an error decoding a 2xx body.
template <operation Op>
struct response {
  response_metadata metadata;
  std::variant<typename Op::output, operation_error<Op>, awsjson::error> outcome;

  bool ok() const noexcept { return outcome.index() == 0; }
  typename Op::output const* result() const noexcept { return std::get_if<0>(&outcome); }
  typename Op::output* result() noexcept { return std::get_if<0>(&outcome); }
  operation_error<Op> const* service_error() const noexcept { return std::get_if<1>(&outcome); }
  /// The error decoding a 2xx body that was not a valid output.
  awsjson::error const* output_error() const noexcept { return std::get_if<2>(&outcome); }
  /// The first releases' name of output_error(), which reads like the exception awsjson::decode_error.
  [[deprecated("use output_error()")]] awsjson::error const* decode_error() const noexcept { return output_error(); }
};

/// Smithy's sanitizing of an error type: drop the first ':' and all after it, then everything up
/// to and including the first '#'.
constexpr std::string_view sanitize_error_code(std::string_view code) noexcept {
  if (auto colon = code.find(':'); colon != std::string_view::npos) code = code.substr(0, colon);
  if (auto hash = code.find('#'); hash != std::string_view::npos) code = code.substr(hash + 1);
  return code;
}

/// Decodes an HTTP response of operation Op. `headers` is any range of http_header or of
/// (name, value) pairs; names match case-insensitively.
template <operation Op, class Headers>
[[nodiscard]] response<Op> decode_response(int http_status, Headers const& headers, std::string_view body);

}  // namespace awsjson
