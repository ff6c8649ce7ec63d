// encode: any described type to compact JSON, the way the awsJson 1.1 protocol sends it.
//
//   std::string body = awsjson::encode(request);             // throws awsjson::encode_error
//   awsjson::error e = awsjson::encode_into(out, request);   // appends to out; no exceptions
//
// Members in declaration order, absent optionals omitted, timestamps as epoch seconds unless the
// member's metadata says otherwise, enums by wire name, NaN/Infinity as strings, blobs as base64.
#pragma once

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <string>
#include <string_view>

#include "api/encode.hpp"
#include "codec.hpp"
#include "detail/config.hpp"
#include "detail/json_string.hpp"
#include "detail/member_offset.hpp"
#include "detail/structure_table.hpp"
#include "encode_context.hpp"
#include "error.hpp"
#include "json_pointer.hpp"
#include "sensitivity.hpp"
#include "type_traits.hpp"

namespace awsjson {

namespace detail {

template <class T>
bool encode_any(encode_context& ctx, T const& x);

// A custom codec's failure in a sensitive subtree: should its message quote what it had written
// of the value, the message is withheld (the codec should say what is wrong, not show it).
AWSJSON_COLD inline void scrub_custom_message(encode_context& ctx, std::size_t mark) {
  if (quotes_json(ctx.err.message, std::string_view(ctx.out).substr(mark))) ctx.err.message = withheld_message;
}

template <class T>
bool encode_custom(encode_context& ctx, T const& x) {
  std::size_t mark = ctx.out.size();
  if (codec<T>::encode(ctx, x)) return true;
  if (ctx.sensitive) scrub_custom_message(ctx, mark);
  return false;
}

inline bool encode_string(encode_context& ctx, std::string_view s) {
  if (append_json_string(ctx.out, s)) return true;
  std::string at = std::to_string(valid_utf8_prefix(s));
  return ctx.fail(errc::invalid_value, std::string("string is not valid UTF-8 (at byte ").append(at).append(")"));
}

template <class T>
void encode_number(std::string& out, T x) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, x);  // shortest form that reads back to the same value
  out.append(buf, r.ptr);
}

template <class T>
bool encode_floating(encode_context& ctx, T x) {
  if (std::isnan(x))
    ctx.out += "\"NaN\"";
  else if (std::isinf(x))
    ctx.out += x > 0 ? "\"Infinity\"" : "\"-Infinity\"";
  else
    encode_number(ctx.out, x);
  return true;
}

/// A union with other than one member set cannot be sent.
AWSJSON_COLD inline bool union_set_failure(encode_context& ctx, std::size_t set) {
  return ctx.fail(errc::invalid_value, union_members_message(set));
}

/// What a redacting encode writes for a sensitive value.
inline constexpr std::string_view redacted_json = "\"***\"";

// ---- Structures as tables ---------------------------------------------------------------------
//
// A structure's encoder is data: one row per member (its metadata and the encoder of its type),
// read by encode_from_table, compiled once (detail/structure_table.hpp). The rows' functions exist once per member
// *type*.

/// Writes one member (`,"Key":value`, the comma only after the first), or nothing when it is an
/// absent optional: one function per member type, the metadata an argument.
template <class M>
bool encode_member_of(encode_context& ctx, void const* p, member_info const& info, bool& first) {
  M const& m = *static_cast<M const*>(p);
  if constexpr (kind_of<M> == value_kind::optional) {
    if (!m) return true;  // absent: omitted, never null
  }
  if (!first) ctx.out.push_back(',');
  first = false;
  ctx.out.push_back('"');
  ctx.out += info.key();  // keys come from the model: plain ASCII identifiers
  ctx.out += "\":";
  ctx.timestamps = info.timestamp;
  bool ok;
  {
    sensitive_scope scope(ctx.sensitive, info.sensitive);
    if (ctx.redact && ctx.sensitive) {
      ctx.out += redacted_json;
      ok = true;
    } else if constexpr (kind_of<M> == value_kind::optional) {
      ok = encode_any(ctx, *m);
    } else {
      ok = encode_any(ctx, m);
    }
  }
  ctx.timestamps = timestamp_format::protocol_default;
  if (!ok) ctx.prepend_path(info.key());
  return ok;
}

/// A member, as the encode walk reads it.
struct encode_row {
  member_info const* info;
  bool (*encode)(encode_context&, void const* member, member_info const&, bool& first);
};

/// The encode walk, for structure_table_of.
struct encode_walk {
  using row = encode_row;
  template <class T, class... D>
  static constexpr std::array<row, sizeof...(D)> rows_of(boost::mp11::mp_list<D...>) {
    return {row{&member_meta<T, D>, &encode_member_of<member_type_t<T, D>>}...};
  }
};

/// A structure or a tagged union, from its table.
AWSJSON_NOINLINE inline bool encode_from_table(encode_context& ctx, void const* x,
                                               structure_table<encode_row> const& t) {
  if (ctx.redact && t.sensitive) {
    ctx.out += redacted_json;
    return true;
  }
  sensitive_scope shape_scope(ctx.sensitive, t.sensitive);
  if (t.as_union) {
    if (std::size_t set = t.members_set(x); set != 1) return union_set_failure(ctx, set);
    if (tagged_union const* u = t.as_union(x); u->unknown_member) {  // not known to this build: sent as it came
      ctx.out.push_back('{');
      if (!encode_string(ctx, u->unknown_member->name)) return false;
      ctx.out.push_back(':');
      ctx.out += u->unknown_member->json;
      ctx.out.push_back('}');
      return true;
    }
  }
  ctx.out.push_back('{');
  encode_row const* const rows = t.rows;  // read once, as in reset_from_table
  std::size_t const n = t.size;
  std::size_t const* const offsets = t.offsets();
  char const* base = static_cast<char const*>(x);
  bool first = true;
  for (std::size_t i = 0; i < n; ++i)
    if (!rows[i].encode(ctx, base + offsets[i], *rows[i].info, first)) return false;
  ctx.out.push_back('}');
  return true;
}

template <class T>
bool encode_struct(encode_context& ctx, T const& x) {
  return encode_from_table(ctx, &x, table_of<encode_walk, T>);
}

template <class T>
bool encode_any(encode_context& ctx, T const& x) {
  constexpr value_kind k = kind_of<T>;
  if constexpr (k == value_kind::custom) {
    check_codec_encode<T>();
    return encode_custom(ctx, x);
  } else if constexpr (k == value_kind::string) {
    return encode_string(ctx, x);
  } else if constexpr (k == value_kind::boolean) {
    ctx.out += x ? "true" : "false";
    return true;
  } else if constexpr (k == value_kind::integer) {
    encode_number(ctx.out, x);
    return true;
  } else if constexpr (k == value_kind::floating) {
    return encode_floating(ctx, x);
  } else if constexpr (k == value_kind::enumeration) {
    auto s = to_string(x);
    if (s.empty()) {
      if (ctx.sensitive) return ctx.fail(errc::invalid_value, "enum holds no enumerator");
      std::string n = std::to_string(long(x));
      return ctx.fail(errc::invalid_value, std::string("enum holds no enumerator (").append(n).append(")"));
    }
    return encode_string(ctx, s);
  } else if constexpr (k == value_kind::open_enum) {
    return encode_string(ctx, x.wire());
  } else if constexpr (k == value_kind::timestamp) {
    if (ctx.write_timestamp) {
      ctx.write_timestamp(ctx.out, std::chrono::floor<std::chrono::microseconds>(x));
      return true;
    }
    bool quoted = ctx.timestamps == timestamp_format::date_time || ctx.timestamps == timestamp_format::http_date;
    if (quoted) ctx.out.push_back('"');
    if (!append_timestamp(ctx.out, x, ctx.timestamps))
      return ctx.fail(errc::out_of_range, "timestamp outside the years 0000-9999 has no date-time or HTTP-date form");
    if (quoted) ctx.out.push_back('"');
    return true;
  } else if constexpr (k == value_kind::blob) {
    ctx.out.push_back('"');
    append_base64(ctx.out, x);
    ctx.out.push_back('"');
    return true;
  } else if constexpr (k == value_kind::optional) {  // an element of a sparse collection
    if (!x) {
      ctx.out += "null";
      return true;
    }
    return encode_any(ctx, *x);
  } else if constexpr (k == value_kind::indirect) {
    if (x.valueless_after_move()) return ctx.fail(errc::invalid_value, "indirect holds no value (it was moved from)");
    return encode_any(ctx, *x);
  } else if constexpr (k == value_kind::list) {
    ctx.out.push_back('[');
    auto format = ctx.timestamps;  // a list of timestamps follows its member's format
    std::size_t i = 0;
    for (auto const& e : x) {
      if (i) ctx.out.push_back(',');
      ctx.timestamps = format;
      if (!encode_any(ctx, e)) {
        ctx.prepend_path(i);
        return false;
      }
      ++i;
    }
    ctx.out.push_back(']');
    return true;
  } else if constexpr (k == value_kind::map) {
    ctx.out.push_back('{');
    auto format = ctx.timestamps;
    bool first = true;
    auto entry = [&](std::string const& k, auto const& v) {
      if (!first) ctx.out.push_back(',');
      first = false;
      if (!encode_string(ctx, k)) {
        ctx.err.message = "map key " + ctx.err.message;
        return false;
      }
      ctx.out.push_back(':');
      ctx.timestamps = format;
      if (!encode_any(ctx, v)) {
        ctx.prepend_document_key(k);
        return false;
      }
      return true;
    };
    if constexpr (requires { x.key_comp(); }) {
      for (auto const& [k, v] : x)
        if (!entry(k, v)) return false;
    } else {  // unordered: write keys sorted, so equal maps always give equal JSON
      std::vector<typename T::value_type const*> sorted;
      sorted.reserve(x.size());
      for (auto const& e : x) sorted.push_back(&e);
      std::sort(sorted.begin(), sorted.end(), [](auto a, auto b) { return a->first < b->first; });
      for (auto const* e : sorted)
        if (!entry(e->first, e->second)) return false;
    }
    ctx.out.push_back('}');
    return true;
  } else if constexpr (k == value_kind::structure || k == value_kind::tagged_union) {
    return encode_struct(ctx, x);
  } else if constexpr (k == value_kind::document) {
    ctx.out += x.json();  // checked JSON, sent as it came
    return true;
  } else {
    static_assert(k != value_kind::unsupported,
                  "awsjson cannot encode this type: describe it (BOOST_DESCRIBE_STRUCT / BOOST_DESCRIBE_ENUM) or "
                  "specialize awsjson::codec<T>");
    return false;
  }
}

}  // namespace detail

template <class T>
error encode_into(std::string& out, T const& x) {
  error err;
  encode_context ctx(out, err);
  std::size_t mark = out.size();
  if (!detail::encode_any(ctx, x)) out.resize(mark);
  return err;
}

template <class T>
error encode_into(std::string& out, T const& x, encode_options const& options) {
  error err;
  encode_context ctx(out, err);
  ctx.redact = options.redact_sensitive;
  ctx.write_timestamp = options.write_timestamp;
  std::size_t mark = out.size();
  if (!detail::encode_any(ctx, x)) out.resize(mark);
  return err;
}

/// For custom codecs: writes a part of a custom value (a string, a described structure, any type
/// awsjson knows, custom ones included) with the library's own rules, through the same context.
template <class T>
bool encode_value(encode_context& ctx, T const& x) {
  return detail::encode_any(ctx, x);
}

}  // namespace awsjson
