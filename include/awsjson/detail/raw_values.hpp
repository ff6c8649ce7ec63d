// Scalars read straight from simdjson's padded input: enums matched as compile-time constants,
// timestamps from their token's text. Each inlines its common case at the call site and keeps
// the rest out of line: a call costs its arguments' trip through memory, which for a value of a
// few bytes is much of the work.
#pragma once

#include <simdjson.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <utility>

#include "../decode_context.hpp"
#include "../enum.hpp"
#include "../type_traits.hpp"
#include "config.hpp"
#include "decimal.hpp"
#include "json_string.hpp"
#include "raw_name.hpp"

namespace awsjson::detail {

namespace od = simdjson::ondemand;

template <class T>
struct enum_of_t {
  using type = T;
};
template <class E>
struct enum_of_t<open_enum<E>> {
  using type = E;
};

/// enum_from_raw's long way: a name written with escapes, or one the enum does not know.
template <class T>
bool enum_from_escaped_or_unknown(char const* raw, T& out, std::string& scratch) {
  std::string_view s;
  if (string_body(raw, s, scratch) != unescape_status::ok) return false;
  if constexpr (is_open_enum<T>) {
    out.assign(s);
    return true;
  } else {
    auto e = enum_from_string<T>(s);
    if (e) out = *e;
    return e.has_value();
  }
}

/// Sets a described enum or an open_enum from a raw JSON string. The string is first matched
/// against the wire names as compile-time constants (no length scan, no copy); escapes and
/// unknown values take the long way. False for a bad escape or a value a closed enum lacks.
template <class T>
AWSJSON_ALWAYS_INLINE bool enum_from_raw(char const* raw, T& out, std::string& scratch) {
  using E = typename enum_of_t<T>::type;
  constexpr auto const& names = enum_wire_names<E>;
  if (std::size_t i = raw_index<names>(raw); i < names.size()) {
    if constexpr (is_open_enum<T>)
      out.assign(enum_table<E>[i].value);
    else
      out = enum_table<E>[i].value;
    return true;
  }
  return enum_from_escaped_or_unknown(raw, out, scratch);
}

/// A token without the whitespace simdjson leaves after it.

/// timestamp_from_token's long way: any number, or a string.
template <class D>
timestamp_result timestamp_from_text(std::string_view tok, std::chrono::sys_time<D>& out, std::string& scratch) {
  tok = trim_token(tok);
  if (!tok.empty() && (tok[0] == '-' || unsigned(tok[0] - '0') < 10)) return parse_epoch_seconds(tok, out);
  if (tok.empty() || tok[0] != '"') return timestamp_status::not_number_or_string;
  std::string_view s;
  if (string_body(tok.data() + 1, s, scratch) != unescape_status::ok) return timestamp_status::bad_json_string;
  return parse_timestamp_string(s, out);
}

/// Reads a timestamp from its JSON token in simdjson's padded input (a number's text or a quoted
/// string, whitespace after it allowed). Returns ok, or what is wrong: not_number_or_string,
/// bad_json_string, or the parser's reason.
template <class D>
AWSJSON_ALWAYS_INLINE timestamp_result timestamp_from_token(std::string_view tok, std::chrono::sys_time<D>& out,
                                                            std::string& scratch) {
  if (typename D::rep ticks{};
      padded_epoch_seconds_to_ticks<typename D::rep, typename D::period>(tok.data(), tok.size(), ticks)) {
    out = std::chrono::sys_time<D>(D(ticks));
    return timestamp_status::ok;
  }
  return timestamp_from_text(tok, out, scratch);
}

/// A value's token without the whitespace simdjson leaves after it.
AWSJSON_ALWAYS_INLINE std::string_view trimmed_token(od::value& v) { return trim_token(v.raw_json_token()); }

AWSJSON_ALWAYS_INLINE bool is_null(od::value& v) {
  bool n = false;
  return !v.is_null().get(n) && n;
}

}  // namespace awsjson::detail
