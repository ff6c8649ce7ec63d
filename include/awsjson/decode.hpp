// decode: JSON text to any described type, with simdjson's on-demand parser.
//
// One generic codec, written once: it dispatches on the shape kind of each C++ type and reads
// the model metadata at compile time. It never names a member of a model type.
//
//   auto r = awsjson::decode<Response>(body);            // throws awsjson::decode_error
//   awsjson::error e = awsjson::decode_into(body, r);    // no exceptions; reuses r's storage
#pragma once

#include <simdjson.h>

#include <cmath>
#include <initializer_list>
#include <limits>
#include <string>
#include <string_view>

#include "api/decode.hpp"
#include "decode_context.hpp"
#include "detail/ascii.hpp"
#include "detail/config.hpp"
#include "detail/decimal.hpp"
#include "detail/fast_decode.hpp"
#include "detail/json_string.hpp"
#include "detail/raw_name.hpp"
#include "type_traits.hpp"

namespace awsjson {

namespace detail {

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

// The body of a raw JSON string: a view of the input when it has no escapes, else unescaped into
// scratch.
inline bool raw_string_view(od::raw_json_string raw, std::string_view& out, decode_context& ctx) {
  if (auto st = string_body(raw.raw(), out, ctx.scratch); st != unescape_status::ok)
    return ctx.fail(errc::invalid_json, describe(st));
  return true;
}

// Reads a JSON string's body (no copy when it has no escapes, else unescaped into scratch).
inline bool read_string_view(od::value& v, std::string_view& out, decode_context& ctx, std::string_view what) {
  od::raw_json_string raw;
  if (v.get_raw_json_string().get(raw)) return ctx.mismatch(v, what);
  return raw_string_view(raw, out, ctx);
}

// A described enum or an open_enum.
template <class T>
bool decode_enum(od::value& v, T& out, decode_context& ctx) {
  od::raw_json_string raw;
  if (v.get_raw_json_string().get(raw)) return ctx.mismatch(v, "a string");
  if (enum_from_raw(raw.raw(), out, ctx.scratch)) return true;
  std::string_view s;  // what went wrong: an escape, or a value the enum lacks
  if (!raw_string_view(raw, s, ctx)) return false;
  return ctx.mismatch(v, enum_expectation<typename enum_of_t<T>::type>(), errc::invalid_value);
}

inline bool read_string(od::value& v, std::string& out, decode_context& ctx) {
  od::raw_json_string raw;
  if (v.get_raw_json_string().get(raw)) return ctx.mismatch(v, "a string");
  // The token, quotes included, is never shorter than the unescaped text.
  if (auto st = assign_string(raw.raw(), v.raw_json_token().size(), out); st != unescape_status::ok)
    return ctx.fail(errc::invalid_json, describe(st));
  return true;
}

inline bool is_integer_text(std::string_view tok) {
  std::size_t i = tok.size() && tok[0] == '-';
  if (i == tok.size()) return false;
  for (; i < tok.size(); ++i)
    if (tok[i] < '0' || tok[i] > '9') return false;
  return true;
}

template <class T>
bool decode_integer(od::value& v, T& out, decode_context& ctx) {
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
  std::string_view tok = trimmed_token(v);
  bool range = is_integer_text(tok) || (!e && tok.size());
  if (range && !ctx.sensitive)
    return ctx.fail(errc::out_of_range,
                    {"expected ", integer_name<T>(), ", found ", ctx.describe_token(tok), " (out of range)"});
  return ctx.mismatch(v, integer_name<T>(), range ? errc::out_of_range : errc::type_mismatch);
}

template <class T>
bool decode_floating(od::value& v, T& out, decode_context& ctx) {
  constexpr std::string_view what = "a number (or \"NaN\", \"Infinity\", \"-Infinity\")";
  od::json_type t;
  if (auto e = v.type().get(t)) return ctx.json_error(e);
  if (t == od::json_type::string) {
    std::string_view s;
    if (!read_string_view(v, s, ctx, what)) return false;
    if (s == "NaN")
      out = std::numeric_limits<T>::quiet_NaN();
    else if (s == "Infinity")
      out = std::numeric_limits<T>::infinity();
    else if (s == "-Infinity")
      out = -std::numeric_limits<T>::infinity();
    else {
      std::string quoted;
      quoted.append(1, '"').append(s).append(1, '"');
      return ctx.fail(errc::type_mismatch, {"expected ", what, ", found ", ctx.describe_token(quoted)});
    }
    return true;
  }
  double d;
  if (auto e = v.get_double().get(d)) {
    if (t == od::json_type::number) return ctx.mismatch(v, what, errc::out_of_range);
    return ctx.mismatch(v, what);
  }
  if constexpr (sizeof(T) < sizeof(double)) {
    if (std::isfinite(d) && std::fabs(d) > double(std::numeric_limits<T>::max()))
      return ctx.mismatch(v, "a number in the range of a float", errc::out_of_range);
  }
  out = T(d);
  return true;
}

template <class D>
bool decode_timestamp(od::value& v, std::chrono::sys_time<D>& out, decode_context& ctx) {
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

template <class T>
bool decode_any(od::value& v, T& out, decode_context& ctx);

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

template <class T>
bool decode_custom(od::value& v, T& out, decode_context& ctx) {
  std::string_view token = v.raw_json_token();  // a scalar's whole text; an object's or array's first byte
  if (codec<T>::decode(v, out, ctx)) return true;
  if (ctx.sensitive) scrub_custom_message(token, ctx);
  return false;
}

// Consumes any value, checking it is well-formed JSON (simdjson would skip it unchecked).
inline bool skip_value(od::value& v, decode_context& ctx) {
  od::json_type t;
  if (auto e = v.type().get(t)) return ctx.json_error(e);
  switch (t) {
    case od::json_type::object: {
      od::object obj;
      if (auto e = v.get_object().get(obj)) return ctx.json_error(e);
      if (++ctx.depth > ctx.options.max_depth) return ctx.too_deep();
      for (auto fr : obj) {
        od::field f;
        if (auto e = std::move(fr).get(f)) return ctx.json_error(e);
        if (auto st = unescape_string(f.key().raw(), ctx.scratch); st != unescape_status::ok)
          return ctx.fail(errc::invalid_json, describe(st));
        if (!skip_value(f.value(), ctx)) {
          std::string key;  // the scratch buffer was reused below: unescape the key again
          (void)unescape_string(f.key().raw(), key);
          ctx.prepend_document_key(key);
          return false;
        }
      }
      --ctx.depth;
      return true;
    }
    case od::json_type::array: {
      od::array arr;
      if (auto e = v.get_array().get(arr)) return ctx.json_error(e);
      if (++ctx.depth > ctx.options.max_depth) return ctx.too_deep();
      std::size_t i = 0;
      for (auto er : arr) {
        od::value ev;
        if (auto e = std::move(er).get(ev)) return ctx.json_error(e);
        if (!skip_value(ev, ctx)) {
          ctx.prepend_path(i);
          return false;
        }
        ++i;
      }
      --ctx.depth;
      return true;
    }
    case od::json_type::string: {
      od::raw_json_string raw;
      if (auto e = v.get_raw_json_string().get(raw)) return ctx.json_error(e);
      if (auto st = unescape_string(raw.raw(), ctx.scratch); st != unescape_status::ok)
        return ctx.fail(errc::invalid_json, describe(st));
      return true;
    }
    case od::json_type::number: {
      decimal d;
      if (!parse_decimal(trimmed_token(v), d))
        return ctx.fail(errc::invalid_json, {"malformed number: ", ctx.found(v)});
      return true;
    }
    case od::json_type::boolean: {
      bool b;
      if (v.get_bool().get(b))
        return ctx.fail(errc::invalid_json, {"expected true, false or null, found ", ctx.found(v)});
      return true;
    }
    case od::json_type::null:
      if (trimmed_token(v) != "null")
        return ctx.fail(errc::invalid_json, {"expected true, false or null, found ", ctx.found(v)});
      return true;
  }
  return ctx.fail(errc::invalid_json, "malformed value");
}

// A list element or map value: null only where the element type is itself optional (sparse).
template <class T>
bool decode_element(od::value& v, T& out, decode_context& ctx) {
  if constexpr (kind_of<T> == value_kind::optional) {
    if (is_null(v)) {
      out.reset();
      return true;
    }
    if (!out) out.emplace();
    return decode_any(v, *out, ctx);
  } else {
    return decode_any(v, out, ctx);
  }
}

template <class T>
bool enter(decode_context& ctx) {
  if (++ctx.depth <= ctx.options.max_depth) return true;
  return ctx.too_deep();
}

template <class L>
bool decode_list(od::value& v, L& out, decode_context& ctx) {
  od::array arr;
  if (v.get_array().get(arr)) return ctx.mismatch(v, "an array");
  if (!enter<L>(ctx)) return false;
  std::size_t i = 0;
  for (auto er : arr) {
    od::value ev;
    if (auto e = std::move(er).get(ev)) {
      ctx.json_error(e);
      ctx.prepend_path(i);
      return false;
    }
    if (i == out.size()) out.emplace_back();  // elements already there are reused, keeping their capacity
    if (!decode_element(ev, out[i], ctx)) {
      ctx.prepend_path(i);
      return false;
    }
    ++i;
  }
  out.erase(out.begin() + std::ptrdiff_t(i), out.end());
  --ctx.depth;
  return true;
}

template <class M>
bool decode_map(od::value& v, M& out, decode_context& ctx) {
  od::object obj;
  if (v.get_object().get(obj)) return ctx.mismatch(v, "an object");
  if (!enter<M>(ctx)) return false;
  out.clear();
  for (auto fr : obj) {
    od::field f;
    if (auto e = std::move(fr).get(f)) return ctx.json_error(e);
    std::string key;
    if (auto st = unescape_string(f.key().raw(), key); st != unescape_status::ok)
      return ctx.fail(errc::invalid_json, describe(st));
    auto& slot = out[key];  // a duplicate key: the last one wins
    reset_value(slot);
    if (!decode_element(f.value(), slot, ctx)) {
      ctx.prepend_document_key(key);
      return false;
    }
  }
  --ctx.depth;
  return true;
}

// A member's value. Instantiated once per member type, not once per member: the string members of
// every structure share one copy (the metadata is a run-time argument), which keeps the code, and
// the time to compile it, proportional to the kinds of members rather than their number.
template <class M>
AWSJSON_NOINLINE bool decode_member_value(od::value& v, M& m, decode_context& ctx, member_info const& info) {
  bool ok;
  {
    sensitive_scope scope(ctx.sensitive, info.sensitive);  // the member's whole subtree
    if constexpr (kind_of<M> == value_kind::optional) {
      if (!m) m.emplace();
      ok = decode_any(v, *m, ctx);
    } else {
      ok = decode_any(v, m, ctx);
    }
  }
  if (ok) return true;
  // null means absent (Smithy). Checked only once decoding failed: free when members are not null.
  if (ctx.err.code == errc::type_mismatch && trimmed_token(v) == "null") {
    if (!(info.required && ctx.options.strict_required)) {
      ctx.err = error{};
      reset_value(m);
      return true;
    }
    ctx.fail(errc::missing_member, "required member is null");
  }
  ctx.prepend_path(info.key());
  return false;
}

template <class T, class D>
bool decode_member(od::value& v, T& out, decode_context& ctx) {
  return decode_member_value(v, out.*D::pointer, ctx, member_meta<T, D>);
}

template <class T>
bool decode_members(od::object& obj, T& out, decode_context& ctx) {
  using Ms = members_of<T>;
  constexpr std::size_t N = boost::mp11::mp_size<Ms>::value;
  static_assert(N <= 64, "awsjson supports up to 64 members per structure");
  constexpr auto const& keys = member_keys<T>;
  if (!enter<T>(ctx)) return false;
  std::uint64_t seen = 0;
  for (auto fr : obj) {
    od::field f;
    if (auto e = std::move(fr).get(f)) return ctx.json_error(e);
    char const* raw = f.key().raw();
    // Compare the raw key with each member's key as a compile-time constant, like unsafe_is_equal:
    // the bytes, then the closing quote; no unescaping, no length scan.
    auto is_key = [raw](auto I) { return raw_is<keys, decltype(I)::value>(raw); };
    // One chain of compile-time comparisons fused with the member's decoding: conditional branches
    // the predictor learns for a recurring document shape, and no jump table (whose indirect
    // branch mispredicts when the member changes from one field to the next).
    std::size_t index = N;
    bool ok = true;
    boost::mp11::mp_for_each<boost::mp11::mp_iota_c<N>>([&](auto I) {
      if (index == N && is_key(I)) {
        index = I;
        ok = decode_member<T, boost::mp11::mp_at_c<Ms, I>>(f.value(), out, ctx);
      }
    });
    if (index != N) {
      if (!ok) return false;
      seen |= std::uint64_t(1) << index;
      continue;
    }
    // Unknown, or a known key written with escapes or in another case.
    bool escaped = false;
    std::string_view key(raw, raw_string_length(raw, escaped));
    if (escaped) {
      if (auto st = unescape_string(raw, ctx.scratch); st != unescape_status::ok)
        return ctx.fail(errc::invalid_json, describe(st));
      key = ctx.scratch;
    }
    for (std::size_t i = 0; i < N && index == N; ++i)
      if (keys[i] == key || (ctx.options.case_insensitive_keys && iequals(keys[i], key))) index = i;
    if (index == N) {
      if (ctx.options.reject_unknown_members) {
        std::string k(key);
        ctx.fail(errc::unknown_member, "unknown member");
        ctx.prepend_document_key(k);
        return false;
      }
      std::string copy = escaped ? std::string(key) : std::string();  // skip_value reuses scratch
      if (!skip_value(f.value(), ctx)) {
        ctx.prepend_document_key(escaped ? std::string_view(copy) : key);
        return false;
      }
      continue;
    }
    if constexpr (N > 0) {
      if (!boost::mp11::mp_with_index<N>(
              index, [&](auto I) { return decode_member<T, boost::mp11::mp_at_c<Ms, I>>(f.value(), out, ctx); }))
        return false;
    }
    seen |= std::uint64_t(1) << index;
  }
  // Members the document did not carry: absent optionals, zero values for the rest.
  constexpr std::uint64_t all = N == 64 ? ~std::uint64_t(0) : (std::uint64_t(1) << N) - 1;
  if (seen != all) {
    bool ok = true;
    std::size_t i = 0;
    boost::mp11::mp_for_each<Ms>([&](auto d) {
      if (ok && !(seen >> i & 1)) {
        constexpr member_info info = member_meta<T, decltype(d)>;
        if (info.required && ctx.options.strict_required) {
          ok = ctx.fail(errc::missing_member, "required member is missing");
          ctx.prepend_path(info.key());
        } else {
          reset_value(out.*d.pointer);
        }
      }
      ++i;
    });
    if (!ok) return false;
  }
  --ctx.depth;
  return true;
}

template <class T>
bool decode_struct(od::value& v, T& out, decode_context& ctx) {
  sensitive_scope scope(ctx.sensitive, shape_of<T>().sensitive);  // a shape sensitive as a whole
  od::object obj;
  if (v.get_object().get(obj)) return ctx.mismatch(v, "an object");
  return decode_members(obj, out, ctx);
}

template <class T>
bool decode_any(od::value& v, T& out, decode_context& ctx) {
  constexpr value_kind k = kind_of<T>;
  if constexpr (k == value_kind::custom) {
    check_codec_decode<T>();
    return decode_custom(v, out, ctx);
  } else if constexpr (k == value_kind::string) {
    return read_string(v, out, ctx);
  } else if constexpr (k == value_kind::boolean) {
    if (v.get_bool().get(out)) return ctx.mismatch(v, "a boolean");
    return true;
  } else if constexpr (k == value_kind::integer) {
    return decode_integer(v, out, ctx);
  } else if constexpr (k == value_kind::floating) {
    return decode_floating(v, out, ctx);
  } else if constexpr (k == value_kind::enumeration || k == value_kind::open_enum) {
    return decode_enum(v, out, ctx);
  } else if constexpr (k == value_kind::timestamp) {
    return decode_timestamp(v, out, ctx);
  } else if constexpr (k == value_kind::blob) {
    std::string_view s;
    if (!read_string_view(v, s, ctx, "a base64 string")) return false;
    if (auto problem = decode_base64(s, out))
      return ctx.mismatch_because(v, "a base64 string", errc::invalid_value, problem.describe());
    return true;
  } else if constexpr (k == value_kind::optional) {
    return decode_element(v, out, ctx);
  } else if constexpr (k == value_kind::list) {
    return decode_list(v, out, ctx);
  } else if constexpr (k == value_kind::map) {
    return decode_map(v, out, ctx);
  } else if constexpr (k == value_kind::structure) {
    return decode_struct(v, out, ctx);
  } else {
    static_assert(k != value_kind::unsupported,
                  "awsjson cannot decode this type: describe it (BOOST_DESCRIBE_STRUCT / BOOST_DESCRIBE_ENUM) or "
                  "specialize awsjson::codec<T>");
    return false;
  }
}

// The general path: any type, any document, and the error that names the problem.
template <class T>
error decode_general(simdjson::padded_string_view const& json, T& out, decode_options const& options) {
  auto& st = this_thread_state();
  error err;
  decode_context ctx(options, err, st.scratch);
  od::document doc;
  if (auto e = st.parser.iterate(json).get(doc)) {
    if (e == simdjson::EMPTY)
      ctx.fail(errc::empty_input, "empty input: expected a JSON document");
    else
      ctx.json_error(e);
    return err;
  }
  od::value root;
  if (auto e = doc.get_value().get(root)) {
    std::string_view tok;
    if (e == simdjson::SCALAR_DOCUMENT_AS_VALUE && !doc.raw_json_token().get(tok))
      ctx.fail(errc::type_mismatch, {"expected a JSON object or array, found ", ctx.describe_token(tok)});
    else
      ctx.json_error(e);
    return err;
  }
  if (!decode_any(root, out, ctx)) return err;
  char const* rest;
  if (!doc.current_location().get(rest))
    ctx.fail(errc::trailing_content, {"unexpected content after the JSON document: ", ctx.describe_token(rest)});
  return err;
}

// The fast path first (fast_decode.hpp); the general path for everything it does not take.
template <class T>
error decode_padded(simdjson::padded_string_view const& json, T& out, decode_options const& options) {
  if constexpr (AWSJSON_DECODE_FAST_PATH && kind_of<T> == value_kind::structure && fast_decodable<T>()) {
    auto& st = this_thread_state();
    if (fast_decode(st.parser, json, out, options, st.scratch)) return error{};
  }
  return decode_general(json, out, options);
}

}  // namespace detail

/// For custom codecs: decodes a part of a custom value (a string, a described structure, any type
/// awsjson knows, custom ones included) with the library's own rules; errors go to the same
/// context, with their paths.
template <class T>
bool decode_value(simdjson::ondemand::value& v, T& out, decode_context& ctx) {
  return detail::decode_any(v, out, ctx);
}

}  // namespace awsjson
