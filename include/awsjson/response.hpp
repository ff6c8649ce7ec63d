// Responses: an HTTP answer (status, headers, body) to either the typed result or a typed error,
// following the Smithy awsJson 1.1 rules.
//
//   auto r = awsjson::decode_response<ssm::GetMaintenanceWindowExecutionTaskInvocation>(status, headers, body);
//   if (auto* out = r.result()) ...                          // the operation's output
//   else if (auto* e = r.service_error()) {                  // what the service said went wrong
//     if (e->is<ssm::DoesNotExistException>()) ...
//   } else ... r.decode_error() ...                          // a 2xx body that was not a valid output
#pragma once

#include <boost/mp11/algorithm.hpp>

#include <string>
#include <string_view>
#include <variant>

#include "decode.hpp"
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

  template <class E>
  bool is() const noexcept {
    return std::holds_alternative<E>(error);
  }
  template <class E>
  E const* get_if() const noexcept {
    return std::get_if<E>(&error);
  }
  /// A server-side fault (the shape is a server error, or an unknown error with a 5xx status).
  bool is_fault() const noexcept {
    bool fault = http_status >= 500;
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
  awsjson::error const* decode_error() const noexcept { return std::get_if<2>(&outcome); }
};

/// Smithy's sanitizing of an error type: drop the first ':' and all after it, then everything up
/// to and including the first '#'.
constexpr std::string_view sanitize_error_code(std::string_view code) noexcept {
  if (auto colon = code.find(':'); colon != std::string_view::npos) code = code.substr(0, colon);
  if (auto hash = code.find('#'); hash != std::string_view::npos) code = code.substr(hash + 1);
  return code;
}

namespace detail {

struct error_body {
  bool is_object = false;
  std::string code, type, message;
  bool has_code = false, has_type = false, has_message = false;
};

// Reads the top-level `code`, `__type`, `message` and `Message` of an error body (a `__type`
// nested in error details is never looked at).
inline error_body scan_error_body(std::string_view body) {
  error_body eb;
  auto& st = this_thread_state();
  st.padded.reserve(body.size() + simdjson::SIMDJSON_PADDING);
  st.padded.assign(body);
  od::document doc;
  od::object obj;
  if (st.parser.iterate(simdjson::padded_string_view(st.padded.data(), st.padded.size(), st.padded.capacity()))
          .get(doc) ||
      doc.get_object().get(obj))
    return eb;
  eb.is_object = true;
  for (auto fr : obj) {
    od::field f;
    if (std::move(fr).get(f)) {
      eb.is_object = false;
      return eb;
    }
    std::string* slot = nullptr;
    bool* seen = nullptr;
    bool message = false;
    if (f.key().unsafe_is_equal("code")) {
      slot = &eb.code, seen = &eb.has_code;
    } else if (f.key().unsafe_is_equal("__type")) {
      slot = &eb.type, seen = &eb.has_type;
    } else if (f.key().unsafe_is_equal("message") || f.key().unsafe_is_equal("Message")) {
      slot = &eb.message, seen = &eb.has_message, message = true;
    }
    if (!slot || (message && eb.has_message)) continue;  // `message` and `Message`: the first one wins
    od::raw_json_string raw;
    if (f.value().get_raw_json_string().get(raw)) continue;  // not a string: not an error code
    if (unescape_string(raw.raw(), *slot) == unescape_status::ok) *seen = true;
  }
  return eb;
}

template <class E>
[[nodiscard]] bool decode_error_shape(std::string_view body, E& out) {
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) return true;  // no body: an empty error
  decode_options options;
  options.case_insensitive_keys = true;  // `message` fills a `Message` member
  return !decode_into(body, out, options);
}

}  // namespace detail

/// Decodes an HTTP response of operation Op. `headers` is any range of http_header or of
/// (name, value) pairs; names match case-insensitively.
template <operation Op, class Headers>
[[nodiscard]] response<Op> decode_response(int http_status, Headers const& headers, std::string_view body) {
  response<Op> r;
  r.metadata.http_status = http_status;
  r.metadata.request_id = std::string(detail::find_header(headers, "x-amzn-RequestId"));

  if (http_status >= 200 && http_status < 300) {
    auto& out = r.outcome.template emplace<0>();
    if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) return r;  // no payload: an empty result
    if (auto err = decode_into(body, out)) r.outcome.template emplace<2>(std::move(err));
    return r;
  }

  operation_error<Op> se;
  se.http_status = http_status;
  auto eb = detail::scan_error_body(body);
  // The error type: the X-Amzn-Errortype header, else the body's `code`, else its `__type`.
  std::string_view raw_code = detail::find_header(headers, "x-amzn-ErrorType");
  if (raw_code.empty()) raw_code = eb.has_code ? std::string_view(eb.code) : std::string_view(eb.type);
  se.code = std::string(sanitize_error_code(raw_code));
  se.message = eb.message;

  bool matched = false;
  // mp_identity: iterate over the types without constructing an error object per type.
  boost::mp11::mp_for_each<boost::mp11::mp_transform<boost::mp11::mp_identity, typename Op::errors>>([&](auto type) {
    using E = typename decltype(type)::type;
    if (matched || !detail::iequals(shape_of<E>().name, se.code)) return;
    auto& e = se.error.template emplace<E>();  // in place: no moves of optionals through the variant
    matched = !eb.is_object || detail::decode_error_shape(body, e);
  });
  if (!matched)
    se.error = unknown_error{se.code, se.message, http_status, eb.is_object ? std::string() : std::string(body)};
  r.outcome.template emplace<1>(std::move(se));
  return r;
}

}  // namespace awsjson
