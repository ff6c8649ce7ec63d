// The state a decode carries: its options, the error being built, and a scratch buffer.
// Custom codecs (awsjson::codec<T>) receive the context and report failures through it.
#pragma once

#include <simdjson.h>

#include <initializer_list>
#include <string>
#include <string_view>

#include "codec.hpp"
#include "detail/ascii.hpp"
#include "detail/config.hpp"
#include "error.hpp"
#include "json_pointer.hpp"
#include "sensitivity.hpp"

namespace awsjson {

struct decode_options {
  /// A @required member absent from the document is an error (a server or test double wants
  /// this). Off by default: clients fill in the zero value, as Smithy's awsJson rules ask.
  bool strict_required = false;
  /// Members the type does not know are an error instead of being skipped.
  bool reject_unknown_members = false;
  /// A key that matches no member exactly may match one ignoring ASCII case (used for error
  /// bodies, where services write `message` for a `Message` member).
  bool case_insensitive_keys = false;
  /// Deepest nesting of arrays and objects accepted, unknown members' values included.
  unsigned max_depth = 256;
};

/// Passed through a decode: the options, the error being built, and a scratch buffer.
/// Custom codecs (awsjson::codec<T>) receive it and report failures through fail().
class decode_context {
 public:
  decode_context(decode_options const& o, error& e, std::string& scratch) noexcept
      : options(o), err(e), scratch(scratch) {}

  decode_options const& options;
  error& err;
  std::string& scratch;
  unsigned depth = 0;
  /// Inside a @sensitive member or shape, at any depth: errors describe types, never values, and
  /// keys read from the document (map keys, unknown members) are redacted from the path.
  bool sensitive = false;

  // Everything below runs only on failure: kept out of line and cold, so the decoding paths stay
  // small (and quick to compile) however many members a type has.
  AWSJSON_COLD bool fail(errc code, std::string_view message) {
    err.code = code;
    err.message.assign(message);
    return false;
  }
  /// fail() with a message made of parts: one buffer, no temporaries (and less code to compile).
  AWSJSON_COLD bool fail(errc code, std::initializer_list<std::string_view> parts) {
    std::string message;  // built apart: a part may view the old message
    for (std::string_view p : parts) message += p;
    err.code = code;
    err.message = std::move(message);
    return false;
  }
  /// "expected <what>, found <the value at v>"
  AWSJSON_COLD bool mismatch(simdjson::ondemand::value& v, std::string_view what, errc code = errc::type_mismatch) {
    std::string f = found(v);
    if (f == "nothing")
      return fail(errc::invalid_json, {"malformed JSON: expected ", what, ", found the end of the document"});
    return fail(code, {"expected ", what, ", found ", f});
  }
  AWSJSON_COLD bool json_error(simdjson::error_code e) {
    return fail(e == simdjson::CAPACITY ? errc::capacity : errc::invalid_json,
                {"malformed JSON: ", simdjson::error_message(e)});
  }

  /// A short description of the value at v, for messages: `true`, `"abc"`, `an object`.
  AWSJSON_COLD std::string found(simdjson::ondemand::value& v) const { return describe_token(v.raw_json_token()); }

  AWSJSON_COLD std::string describe_token(std::string_view tok) const {
    tok = detail::trim_token(tok);
    if (tok.empty()) return "nothing";
    switch (tok[0]) {
      case '{':
        return "an object";
      case '[':
        return "an array";
      case '"':
        if (sensitive) return "a string";
        break;
      case 't':
      case 'f':
      case 'n':
        if (tok == "true" || tok == "false" || tok == "null") return std::string(tok);
        [[fallthrough]];
      default:
        if (sensitive) return (tok[0] == '-' || (tok[0] >= '0' && tok[0] <= '9')) ? "a number" : "a value";
    }
    constexpr std::size_t max = 40;
    return tok.size() <= max ? std::string(tok) : std::string(tok.substr(0, max)) + "...";
  }

  /// Prepends a member name from the model to the error's path as it unwinds (only ever runs on
  /// failure).
  AWSJSON_COLD void prepend_path(std::string_view key) { err.path.insert(0, json_pointer_step(key)); }
  /// Prepends a key read from the document (a map key, an unknown member): data, so inside a
  /// sensitive subtree it is written as `/<redacted>`.
  AWSJSON_COLD void prepend_document_key(std::string_view key) {
    err.path.insert(0, sensitive ? std::string(redacted_step) : json_pointer_step(key));
  }
  AWSJSON_COLD void prepend_path(std::size_t index) { err.path.insert(0, json_pointer_step(index)); }
  /// "expected <what>, found <the value at v> (<reason>)"
  AWSJSON_COLD bool mismatch_because(simdjson::ondemand::value& v, std::string_view what, errc code,
                                     char const* reason) {
    std::string f = found(v);
    return fail(code, {"expected ", what, ", found ", f, " (", reason, ")"});
  }
  AWSJSON_COLD bool too_deep() {
    std::string n = std::to_string(options.max_depth);
    return fail(errc::too_deep, {"nesting deeper than ", n, " levels"});
  }
};

template <class T>
concept has_custom_decode = requires(simdjson::ondemand::value& v, T& x, decode_context& ctx) {
  { codec<T>::decode(v, x, ctx) } -> std::same_as<bool>;
};

namespace detail {
/// Says what is wrong with a codec<T> that cannot decode, instead of an error deep in the decoder.
template <class T>
constexpr void check_codec_decode() {
  static_assert(has_custom_decode<T>,
                "awsjson::codec<T> is specialized but has no `static bool decode(simdjson::ondemand::value&, T&, "
                "awsjson::decode_context&)`: add it to decode T (encode, print and validate need only their own)");
}
}  // namespace detail

}  // namespace awsjson
