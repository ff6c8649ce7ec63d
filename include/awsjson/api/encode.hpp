// The encode API: encode_into and encode for any type, declared here without the encoder (see
// api/decode.hpp for why). awsjson/encode.hpp defines it.
#pragma once

#include <chrono>
#include <string>
#include <utility>

#include "../error.hpp"

namespace awsjson {

/// Appends the JSON of `x` to `out`. On error, `out` is restored to what it held before.
/// Defined in awsjson/encode.hpp; explicitly instantiated by AWSJSON_INSTANTIATE_CODEC.
template <class T>
error encode_into(std::string& out, T const& x);

/// How to write: the wire form (default), or a form to show people.
struct encode_options {
  /// Write every value under a @sensitive member or shape as "***" (output for a terminal or a
  /// log; what is sent to a service is never redacted).
  bool redact_sensitive = false;
  /// Writes every timestamp with this function, whatever its member's format (output for people:
  /// the awsjson command writes ISO 8601 in local time, as the AWS CLI does). It appends a JSON
  /// value, quotes included; microseconds, as the finest a timestamp is shown.
  void (*write_timestamp)(std::string& out, std::chrono::sys_time<std::chrono::microseconds> t) = nullptr;
};

/// Appends the JSON of `x` to `out`, as `options` say. Defined in awsjson/encode.hpp.
template <class T>
error encode_into(std::string& out, T const& x, encode_options const& options);

#if defined(__cpp_exceptions)
/// The JSON of `x`, compact. Throws awsjson::exception (encode_error).
template <class T>
[[nodiscard]] std::string encode(T const& x) {
  std::string out;
  if (auto err = encode_into(out, x)) throw encode_error(std::move(err));
  return out;
}

/// The JSON of `x`, as `options` say. Throws awsjson::exception (encode_error).
template <class T>
[[nodiscard]] std::string encode(T const& x, encode_options const& options) {
  std::string out;
  if (auto err = encode_into(out, x, options)) throw encode_error(std::move(err));
  return out;
}
#endif

}  // namespace awsjson
