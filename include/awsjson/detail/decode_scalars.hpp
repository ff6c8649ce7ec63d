// Scalars for the decode walk (awsjson/decode.hpp): strings, enums, integers, floating-point
// numbers, timestamps, blobs and custom codecs, each read from one simdjson value.
#pragma once

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "../api/decode.hpp"
#include "../decode_context.hpp"
#include "../type_traits.hpp"
#include "ascii.hpp"
#include "check_json.hpp"
#include "config.hpp"
#include "decimal.hpp"
#include "decode_contexts.hpp"
#include "json_string.hpp"
#include "member_offset.hpp"
#include "member_set.hpp"
#include "raw_name.hpp"
#include "raw_values.hpp"

namespace awsjson::detail {

namespace od = simdjson::ondemand;

template <class T>
constexpr std::string_view integer_name() {
  if constexpr (std::is_signed_v<T>) {
    switch (sizeof(T)) {
      case 1:
        return "an 8-bit integer";
      case 2:
        return "a 16-bit integer";
      case 4:
        return "a 32-bit integer";
      default:
        return "a 64-bit integer";
    }
  } else {
    switch (sizeof(T)) {
      case 1:
        return "an unsigned 8-bit integer";
      case 2:
        return "an unsigned 16-bit integer";
      case 4:
        return "an unsigned 32-bit integer";
      default:
        return "an unsigned 64-bit integer";
    }
  }
}

template <class E>
std::string enum_expectation() {
  std::string s = "one of";
  char sep = ' ';
  for (auto const& t : enum_table<E>) {
    s += sep;
    s += t.wire;
    sep = ',';
  }
  return s;
}

// ---- Scalars ------------------------------------------------------------------------------------

// Reads a JSON string's body (no copy when it has no escapes, else unescaped into scratch).
template <class Ctx>
AWSJSON_ALWAYS_INLINE bool read_string_view(od::value& v, std::string_view& out, Ctx& ctx, std::string_view what) {
  od::raw_json_string raw;
  if (v.get_raw_json_string().get(raw)) return ctx.mismatch(v, what);
  if (auto st = string_body(raw.raw(), out, ctx.scratch); st != unescape_status::ok)
    return ctx.fail(errc::invalid_json, describe(st));
  return true;
}

template <class Ctx>
AWSJSON_ALWAYS_INLINE bool walk_string(od::value& v, std::string& out, Ctx& ctx) {
  od::raw_json_string raw;
  if (v.get_raw_json_string().get(raw)) return ctx.mismatch(v, "a string");
  // The token, quotes included, is never shorter than the unescaped text.
  if (auto st = assign_string(raw.raw(), v.raw_json_token().size(), out); st != unescape_status::ok)
    return ctx.fail(errc::invalid_json, describe(st));
  return true;
}

/// A string member or element that does not exist yet (an empty optional, a new list element) is
/// constructed straight from the document's bytes when it has no escapes: one allocation of its
/// size, where a default-constructed string would be grown into. `add(p, n)` constructs it (a
/// generic lambda, so that its body is compiled only for strings); false
/// when it is not such a string (escapes, another type), and the caller decodes in place as for
/// any value.
template <class T, class Add>
AWSJSON_ALWAYS_INLINE bool add_plain_string([[maybe_unused]] od::value& v, [[maybe_unused]] Add&& add) {
  if constexpr (kind_of<T> != value_kind::string) {
    return false;
  } else {
    od::raw_json_string raw;
    if (v.get_raw_json_string().get(raw)) return false;
    char const* end = find_quote_or_backslash(raw.raw());
    if (*end != '"') return false;
    add(raw.raw(), std::size_t(end - raw.raw()));
    return true;
  }
}

/// A union with other than one member set.
template <class Ctx>
AWSJSON_COLD bool union_failure(std::size_t set, Ctx& ctx) {
  if constexpr (reports<Ctx>) {
    return ctx.fail(errc::invalid_value, union_members_message(set));
  } else {
    return false;
  }
}

// Why an enum did not decode: a bad escape, or a value the enum lacks.
template <class E>
AWSJSON_COLD bool enum_failure(od::value& v, char const* raw, decode_context& ctx) {
  std::string_view s;
  if (auto st = string_body(raw, s, ctx.scratch); st != unescape_status::ok)
    return ctx.fail(errc::invalid_json, describe(st));
  return ctx.mismatch(v, enum_expectation<E>(), errc::invalid_value);
}

// A described enum or an open_enum.
template <class Ctx, class T>
AWSJSON_ALWAYS_INLINE bool walk_enum(od::value& v, T& out, Ctx& ctx) {
  od::raw_json_string raw;
  if (v.get_raw_json_string().get(raw)) return ctx.mismatch(v, "a string");
  if (enum_from_raw(raw.raw(), out, ctx.scratch)) return true;
  if constexpr (reports<Ctx>)
    return enum_failure<typename enum_of_t<T>::type>(v, raw.raw(), ctx);
  else
    return false;
}

inline bool is_integer_text(std::string_view tok) {
  std::size_t i = tok.size() && tok[0] == '-';
  if (i == tok.size()) return false;
  for (; i < tok.size(); ++i)
    if (tok[i] < '0' || tok[i] > '9') return false;
  return true;
}

// Why an integer did not decode: out of T's range (as a number, or as digits simdjson could not
// take), or not an integer at all.
template <class T>
AWSJSON_COLD bool integer_failure(od::value& v, bool parsed, decode_context& ctx) {
  std::string_view tok = trimmed_token(v);
  bool range = is_integer_text(tok) || (parsed && tok.size());
  if (range && !ctx.sensitive)
    return ctx.fail(errc::out_of_range,
                    {"expected ", integer_name<T>(), ", found ", ctx.describe_token(tok), " (out of range)"});
  return ctx.mismatch(v, integer_name<T>(), range ? errc::out_of_range : errc::type_mismatch);
}

template <class Ctx, class T>
AWSJSON_ALWAYS_INLINE bool walk_integer(od::value& v, T& out, Ctx& ctx) {
  using wide = std::conditional_t<std::is_signed_v<T>, std::int64_t, std::uint64_t>;
  wide w;
  simdjson::error_code e;
  if constexpr (std::is_signed_v<T>)
    e = v.get_int64().get(w);
  else
    e = v.get_uint64().get(w);
  if (!e && w >= wide(std::numeric_limits<T>::min()) && w <= wide(std::numeric_limits<T>::max())) {
    out = T(w);
    return true;
  }
  if constexpr (reports<Ctx>)
    return integer_failure<T>(v, !e, ctx);
  else
    return false;
}

template <class Ctx, class T>
AWSJSON_ALWAYS_INLINE bool walk_floating(od::value& v, T& out, Ctx& ctx) {
  constexpr std::string_view what = "a number (or \"NaN\", \"Infinity\", \"-Infinity\")";
  if (double d; !v.get_double().get(d)) {
    // A float member takes the nearest float, and beyond float's range an infinity of the number's
    // sign (IEEE 754's conversion, as aws-sdk-go-v2 and smithy-rs do): one value out of a float's
    // range does not cost the whole response.
    out = T(d);
    return true;
  }
  // Not a number simdjson reads: the strings for the values JSON cannot write, or an error.
  od::json_type t;
  if (auto e = v.type().get(t)) return ctx.json_error(e);
  if (t == od::json_type::number) return ctx.mismatch(v, what, errc::out_of_range);
  if (t != od::json_type::string) return ctx.mismatch(v, what);
  std::string_view s;
  if (!read_string_view(v, s, ctx, what)) return false;
  if (s == "NaN")
    out = std::numeric_limits<T>::quiet_NaN();
  else if (s == "Infinity")
    out = std::numeric_limits<T>::infinity();
  else if (s == "-Infinity")
    out = -std::numeric_limits<T>::infinity();
  else if constexpr (reports<Ctx>) {
    std::string quoted;
    quoted.append(1, '"').append(s).append(1, '"');
    return ctx.fail(errc::type_mismatch, {"expected ", what, ", found ", ctx.describe_token(quoted)});
  } else {
    return false;
  }
  return true;
}

template <class Ctx, class D>
AWSJSON_ALWAYS_INLINE bool walk_timestamp(od::value& v, std::chrono::sys_time<D>& out, Ctx& ctx) {
  constexpr std::string_view what = "a timestamp (number or string)";
  auto problem = timestamp_from_token(v.raw_json_token(), out, ctx.scratch);
  switch (problem.code) {
    case timestamp_status::ok:
      return true;
    case timestamp_status::not_number_or_string:
      return ctx.mismatch(v, what);
    case timestamp_status::bad_json_string: {
      std::string_view s;
      return read_string_view(v, s, ctx, what);  // fails, saying which escape is wrong
    }
    default:
      return ctx.mismatch_because(
          v, what, problem.code == timestamp_status::out_of_range ? errc::out_of_range : errc::invalid_value,
          problem.describe());
  }
}

template <class Ctx, class T>
AWSJSON_ALWAYS_INLINE bool walk_blob(od::value& v, T& out, Ctx& ctx) {
  std::string_view s;
  if (!read_string_view(v, s, ctx, "a base64 string")) return false;
  if (auto problem = decode_base64(s, out))
    return ctx.mismatch_because(v, "a base64 string", errc::invalid_value, problem.describe());
  return true;
}

// A custom codec's failure in a sensitive subtree: the codec should describe, never quote (the
// context's mismatch() and describe_token() do that for it); should it quote the value anyway,
// its message is replaced, so that the guarantee does not rest on every codec author.
AWSJSON_COLD inline void scrub_custom_message(std::string_view token, decode_context& ctx) {
  token = trim_token(token);
  std::string body;
  if (token.size() >= 2 && token.front() == '"') {
    token = token.substr(1, token.size() - 2);
    if (unescape_string(token.data(), body) != unescape_status::ok) body.clear();
  }
  if (quotes(ctx.err.message, token) || quotes(ctx.err.message, body)) ctx.err.message = withheld_message;
}

// A custom codec receives simdjson's value itself: only the reporting walk runs one.
template <class T>
bool walk_custom(od::value& v, T& out, decode_context& ctx) {
  check_codec_decode<T>();
  std::string_view token = v.raw_json_token();  // a scalar's whole text; an object's or array's first byte
  if (codec<T>::decode(v, out, ctx)) return true;
  if (ctx.sensitive) scrub_custom_message(token, ctx);
  return false;
}

}  // namespace awsjson::detail
