// Responses: an HTTP answer (status, headers, body) to either the typed result or a typed error,
// following the Smithy awsJson 1.1 rules.
//
//   auto r = awsjson::decode_response<ssm::GetMaintenanceWindowExecutionTaskInvocation>(status, headers, body);
//   if (auto* out = r.result()) ...                          // the operation's output
//   else if (auto* e = r.service_error()) {                  // what the service said went wrong
//     if (e->is<ssm::DoesNotExistException>()) ...
//   } else ... r.output_error() ...                          // a 2xx body that was not a valid output
#pragma once

#include <boost/mp11/algorithm.hpp>

#include <string>
#include <string_view>
#include <variant>

#include "api/response.hpp"
#include "decode.hpp"
#include "operation.hpp"

namespace awsjson {

namespace detail {

struct error_body {
  bool is_object = false;
  std::string code, type, message;
  bool has_code = false, has_type = false, has_message = false;
};

// Not JSON: the <Code> and <Message> of an XML error, which AWS front ends (an expired or wrong
// signature) and emulators answer JSON protocols with.
inline void scan_xml_error(std::string_view body, error_body& eb) {
  auto element = [&](std::string_view open, std::string_view close, std::string& out) {
    auto b = body.find(open);
    if (b == std::string_view::npos) return false;
    b += open.size();
    auto e = body.find(close, b);
    if (e == std::string_view::npos || body.substr(b, e - b).find('<') != std::string_view::npos) return false;
    out.assign(body.substr(b, e - b));
    return true;
  };
  if (!skip_whitespace(body).starts_with('<')) return;
  eb.has_code = element("<Code>", "</Code>", eb.code);
  eb.has_message = element("<Message>", "</Message>", eb.message);
}

// Reads the top-level `code`, `__type`, `message` and `Message` of an error body (a `__type`
// nested in error details is never looked at).
inline error_body scan_error_body(std::string_view body) {
  error_body eb;
  auto json = padded_in_thread_buffer(body);
  od::document doc;
  od::object obj;
  if (this_thread_state().parser.iterate(json).get(doc) || doc.get_object().get(obj)) {
    scan_xml_error(body, eb);
    return eb;
  }
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
  if (skip_whitespace(body).empty()) return true;  // no body: an empty error
  decode_options options;
  options.case_insensitive_keys = true;  // `message` fills a `Message` member
  if (starts_with_bom(body.data(), body.size())) body.remove_prefix(3);
  return !decode_seldom(body, out, options);
}

}  // namespace detail

template <operation Op, class Headers>
response<Op> decode_response(int http_status, Headers const& headers, std::string_view body) {
  response<Op> r;
  r.metadata.http_status = http_status;
  r.metadata.request_id = std::string(detail::find_header(headers, "x-amzn-RequestId"));

  if (http_status >= 200 && http_status < 300) {
    auto& out = r.outcome.template emplace<0>();
    if (detail::skip_whitespace(body).empty()) return r;  // no payload: an empty result
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
  // awsQueryCompatible: `Code;Fault`, taken only when it is exactly two parts with a code (botocore).
  if (std::string_view q = detail::find_header(headers, "x-amzn-query-error"); !q.empty()) {
    auto semi = q.find(';');
    if (semi != 0 && semi != std::string_view::npos && q.find(';', semi + 1) == std::string_view::npos) {
      se.query_code = std::string(q.substr(0, semi));
      se.query_fault = std::string(q.substr(semi + 1));
    }
  }

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
