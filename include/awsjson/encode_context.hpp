// The state an encode carries: the output, the error being built, the member's timestamp format
// and whether the value is sensitive. Custom codecs (awsjson::codec<T>) receive it.
#pragma once

#include <chrono>
#include <concepts>
#include <string>
#include <string_view>

#include "codec.hpp"
#include "detail/config.hpp"
#include "error.hpp"
#include "json_pointer.hpp"
#include "metadata.hpp"
#include "sensitivity.hpp"

namespace awsjson {

/// Passed through an encode: the output buffer and the error being built.
class encode_context {
 public:
  explicit encode_context(std::string& o, error& e) noexcept : out(o), err(e) {}
  std::string& out;
  error& err;
  timestamp_format timestamps = timestamp_format::protocol_default;  // of the member being written
  /// Inside a @sensitive member or shape, at any depth: messages never show values, and map keys
  /// are redacted from the path.
  bool sensitive = false;
  /// Sensitive values are written as "***" (encode_options::redact_sensitive).
  bool redact = false;
  /// Writes every timestamp instead of its format (encode_options::write_timestamp).
  void (*write_timestamp)(std::string& out, std::chrono::sys_time<std::chrono::microseconds> t) = nullptr;

  AWSJSON_COLD bool fail(errc code, std::string_view message) {
    err.code = code;
    err.message.assign(message);
    return false;
  }
  /// Prepends a member name from the model to the error's path.
  AWSJSON_COLD void prepend_path(std::string_view key) { err.path.insert(0, json_pointer_step(key)); }
  /// Prepends a map key (data: `/<redacted>` inside a sensitive subtree).
  AWSJSON_COLD void prepend_document_key(std::string_view key) {
    err.path.insert(0, sensitive ? std::string(redacted_step) : json_pointer_step(key));
  }
  AWSJSON_COLD void prepend_path(std::size_t index) { err.path.insert(0, json_pointer_step(index)); }
};

template <class T>
concept has_custom_encode = requires(encode_context& ctx, T const& x) {
  { codec<T>::encode(ctx, x) } -> std::same_as<bool>;
};

namespace detail {
/// Says what is wrong with a codec<T> that cannot encode, instead of an error deep in the encoder.
template <class T>
constexpr void check_codec_encode() {
  static_assert(has_custom_encode<T>,
                "awsjson::codec<T> is specialized but has no `static bool encode(awsjson::encode_context&, T const&)`: "
                "add it to encode T");
}
}  // namespace detail

}  // namespace awsjson
