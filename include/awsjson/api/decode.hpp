// The decode API: decode_into and decode for any type, declared here without the decoder, so
// that a translation unit whose types' codec is compiled elsewhere (awsjson/compiled.hpp,
// awsjson/instantiate.hpp) parses none of it. awsjson/decode.hpp defines the decoder.
#pragma once

#include <simdjson.h>

#include <cstring>
#include <string>
#include <string_view>

#include "../decode_context.hpp"
#include "../detail/config.hpp"
#include "../error.hpp"

namespace awsjson {

namespace detail {

namespace od = simdjson::ondemand;

// Parser and buffers reused across calls on one thread; nothing is shared between threads.
struct thread_state {
  od::parser parser;
  std::string padded;
  std::string scratch;
};
inline thread_state& this_thread_state() {
  thread_local thread_state state;
  return state;
}

inline bool starts_with_bom(char const* p, std::size_t n) { return n >= 3 && std::memcmp(p, "\xEF\xBB\xBF", 3) == 0; }

/// The decoder's entry point for a T: the silent walk, else the reporting walk that names the problem.
/// Defined in awsjson/decode.hpp; explicitly instantiated by AWSJSON_INSTANTIATE_CODEC.
template <class T>
error decode_padded(simdjson::padded_string_view const& json, T& out, decode_options const& options);

/// decode_padded for input without simdjson's padding: copied into the thread's buffer first.
/// Defined and instantiated alongside decode_padded, so that the thread's parser and buffer are
/// not instantiated in translation units that use a codec compiled elsewhere.
template <class T>
error decode_unpadded(std::string_view json, T& out, decode_options const& options);

}  // namespace detail

/// Decodes into an existing object, reusing the capacity of its strings and lists.
/// Returns an empty error on success. Input that is already padded (simdjson::padded_string,
/// padded_string_view, or a std::string with SIMDJSON_PADDING spare capacity) is not copied.
// Inlined into the caller: a padded_string_view passed by value travels through the stack, and
// the copy between two frames (two 8-byte stores read back as one 16-byte load) stalls the CPU
// for longer than a small document takes to decode. Everything below takes it by reference.
template <class T>
AWSJSON_ALWAYS_INLINE error decode_into(simdjson::padded_string_view json, T& out, decode_options const& options = {}) {
  if (detail::starts_with_bom(json.data(), json.size()))  // RFC 8259 lets parsers ignore a BOM
    json = simdjson::padded_string_view(json.data() + 3, json.size() - 3, json.capacity() - 3);
  return detail::decode_padded(json, out, options);
}

template <class T>
error decode_into(std::string_view json, T& out, decode_options const& options = {}) {
  if (detail::starts_with_bom(json.data(), json.size())) json.remove_prefix(3);
  return detail::decode_unpadded(json, out, options);
}

template <class T>
error decode_into(std::string const& json, T& out, decode_options const& options = {}) {
  if (json.capacity() - json.size() >= simdjson::SIMDJSON_PADDING)
    return decode_into(simdjson::padded_string_view(json), out, options);
  return decode_into(std::string_view(json), out, options);
}

template <class T>
error decode_into(simdjson::padded_string const& json, T& out, decode_options const& options = {}) {
  return decode_into(simdjson::padded_string_view(json), out, options);
}

template <class T>
error decode_into(char const* json, T& out, decode_options const& options = {}) {
  return decode_into(std::string_view(json), out, options);
}

#if defined(__cpp_exceptions)
/// Decodes a T, throwing decode_error (with the JSON Pointer of the problem) on failure.
template <class T, class Json>
[[nodiscard]] T decode(Json const& json, decode_options const& options = {}) {
  T out{};
  if (auto err = decode_into(json, out, options)) throw decode_error(std::move(err));
  return out;
}
#endif

}  // namespace awsjson
