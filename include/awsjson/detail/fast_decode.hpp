// decode's fast path: the whole walk of a document in one function, so that simdjson's iterator
// stays in registers.
//
// Why a second path: simdjson's on-demand values and objects point into the document's iterator.
// Once any call that is not inlined receives one, even a call that never runs (an error report),
// the compiler keeps the iterator in memory for the whole function, and every step through the
// document waits on a store and a load: about 13 ns per member on the benchmark machine, a third
// of the time of a typical response. So this path inlines every step, hands the out-of-line
// helpers only pointers and string views, and reports nothing. On anything it does not take (any
// error, a null, a key written with escapes, an unknown member holding an object or an array,
// nesting deeper than it unrolls, a type with a custom codec) it gives up, and decode starts over
// on the general path (decode.hpp), which reads the same document the same way and names the
// problem. The two paths share their leaf conversions (below); tests/test_fast_path.cpp and the
// fuzz targets check that they agree, and the decoding tests also run with this path compiled out
// (AWSJSON_DECODE_FAST_PATH=0).
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

// ---- Leaf conversions, shared with the general path -------------------------------------------

template <class T>
struct enum_of_t {
  using type = T;
};
template <class E>
struct enum_of_t<open_enum<E>> {
  using type = E;
};

// Each leaf below inlines its common case at the call site and keeps the rest out of line: a
// call costs its arguments' trip through memory, which for a value of a few bytes is much of
// the work.

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
constexpr std::string_view trim_token(std::string_view tok) noexcept {
  while (!tok.empty() && (tok.back() == ' ' || tok.back() == '\n' || tok.back() == '\r' || tok.back() == '\t'))
    tok.remove_suffix(1);
  return tok;
}

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

// ---- The fast path ----------------------------------------------------------------------------

/// At most this many levels of structures, lists and maps below the root are unrolled; deeper
/// documents go to the general path.
inline constexpr int fast_max_nesting = 3;

/// How many member and element decoders the fast path may inline for one root type. Each level
/// of a recursive or deeply nested model multiplies the code of one function (and its compile
/// time: under a sanitizer, minutes for a 27-member recursive structure at three levels), while
/// the common shapes of a response are flat or shallow.
inline constexpr std::size_t fast_inline_budget = 64;

struct fast_state {
  decode_options const& options;
  std::string& scratch;
  unsigned depth;
};

// `Left`, here and below: how many more levels of structures, lists and maps are unrolled.

/// Member and element decoders inlined for a T with `Left` levels to go (a custom codec: none).
template <class T, int Left>
constexpr std::size_t fast_inlined() {
  constexpr value_kind k = kind_of<T>;
  if constexpr (k == value_kind::custom) {
    return 0;
  } else if constexpr (k == value_kind::optional) {
    return fast_inlined<typename T::value_type, Left>();
  } else if constexpr (Left == 0 || !(k == value_kind::list || k == value_kind::map || k == value_kind::structure)) {
    return 1;
  } else if constexpr (k == value_kind::list) {
    return 1 + fast_inlined<typename T::value_type, Left - 1>();
  } else if constexpr (k == value_kind::map) {
    return 1 + fast_inlined<typename T::mapped_type, Left - 1>();
  } else {
    return 1 + []<class... D>(boost::mp11::mp_list<D...>) {
      return (std::size_t(0) + ... +
              fast_inlined<std::remove_cvref_t<decltype(std::declval<T&>().*D::pointer)>, Left - 1>());
    }(boost::mp11::mp_rename<members_of<T>, boost::mp11::mp_list>{});
  }
}

/// Levels unrolled below a root T: as many as the budget allows, at most fast_max_nesting (the
/// root's own members are always inlined).
template <class T>
inline constexpr int fast_levels = []<int... L>(std::integer_sequence<int, L...>) {
  int levels = 0;  // the root's members, as the root's own decoder: fast_inlined counts it as 1
  ((levels = fast_inlined<T, L + 2>() <= fast_inline_budget + 1 ? L + 1 : levels), ...);
  return levels;
}
(std::make_integer_sequence<int, fast_max_nesting>{});

/// Whether the fast path can decode a T (a custom codec takes the value itself, so it cannot).
template <class T, int Left = fast_levels<T> + 1>
constexpr bool fast_decodable() {
  constexpr value_kind k = kind_of<T>;
  if constexpr (k == value_kind::custom) {
    return false;
  } else if constexpr (k == value_kind::optional) {
    return fast_decodable<typename T::value_type, Left>();
  } else if constexpr (Left == 0) {
    return true;  // not unrolled: gives up at run time if a document nests this deep
  } else if constexpr (k == value_kind::list) {
    return fast_decodable<typename T::value_type, Left - 1>();
  } else if constexpr (k == value_kind::map) {
    return fast_decodable<typename T::mapped_type, Left - 1>();
  } else if constexpr (k == value_kind::structure) {
    return []<class... D>(boost::mp11::mp_list<D...>) {
      return (fast_decodable<std::remove_cvref_t<decltype(std::declval<T&>().*D::pointer)>, Left - 1>() && ...);
    }(boost::mp11::mp_rename<members_of<T>, boost::mp11::mp_list>{});
  } else {
    return true;
  }
}

template <class T, int Left>
AWSJSON_ALWAYS_INLINE bool fast_value(od::value& v, T& out, fast_state& st);

AWSJSON_ALWAYS_INLINE bool fast_enter(fast_state& st) { return ++st.depth <= st.options.max_depth; }

// An unknown member's value: checked like the general path checks it, for scalars. An object or
// an array would need a recursive walk; those give up.
AWSJSON_ALWAYS_INLINE bool fast_skip(od::value& v, fast_state& st) {
  od::json_type t;
  if (v.type().get(t)) return false;
  switch (t) {
    case od::json_type::string: {
      od::raw_json_string raw;
      std::string_view s;
      return !v.get_raw_json_string().get(raw) && string_body(raw.raw(), s, st.scratch) == unescape_status::ok;
    }
    case od::json_type::number: {
      decimal d;
      return parse_decimal(trimmed_token(v), d);
    }
    case od::json_type::boolean: {
      bool b;
      return !v.get_bool().get(b);
    }
    case od::json_type::null:
      return trimmed_token(v) == "null";
    default:
      return false;
  }
}

template <class T, class D, int Left>
AWSJSON_ALWAYS_INLINE bool fast_member(od::value& v, T& out, fast_state& st) {
  auto& m = out.*D::pointer;
  if constexpr (kind_of<std::remove_cvref_t<decltype(m)>> == value_kind::optional) {
    if (!m) m.emplace();
    return fast_value<typename std::remove_cvref_t<decltype(m)>::value_type, Left>(v, *m, st);
  } else {
    return fast_value<std::remove_cvref_t<decltype(m)>, Left>(v, m, st);
  }
}

// Matches the raw key against the keys of the members from `from` on, as compile-time constants,
// and decodes the member it names. Services write members in the model's order, so the search
// starts past the last member found: a document in that order costs one comparison per member,
// whichever members it omits, instead of one per member declared before it.
template <class T, int Left, std::size_t... I>
AWSJSON_ALWAYS_INLINE std::size_t fast_match([[maybe_unused]] char const* raw, [[maybe_unused]] std::size_t from,
                                             [[maybe_unused]] od::field& f, [[maybe_unused]] T& out,
                                             [[maybe_unused]] fast_state& st, [[maybe_unused]] bool& ok,
                                             std::index_sequence<I...>) {
  using Ms = members_of<T>;
  constexpr auto const& keys = member_keys<T>;
  std::size_t index = sizeof...(I);
  (void)((I >= from && raw_is<keys, I>(raw)
              ? (index = I, ok = fast_member<T, boost::mp11::mp_at_c<Ms, I>, Left>(f.value(), out, st), true)
              : false) ||
         ...);
  return index;
}

template <class T, int Left>
AWSJSON_ALWAYS_INLINE bool fast_members(od::object& obj, T& out, fast_state& st) {
  using Ms = members_of<T>;
  constexpr std::size_t N = boost::mp11::mp_size<Ms>::value;
  static_assert(N <= 64, "awsjson supports up to 64 members per structure");
  std::uint64_t seen = 0;
  std::size_t next = 0;  // where the search for the next key starts
  for (auto fr : obj) {
    od::field f;
    if (std::move(fr).get(f)) return false;
    char const* raw = f.key().raw();
    bool ok = true;
    std::size_t index;
    for (std::size_t from = next;; from = 0) {  // then, out of order, from the first member
      index = fast_match<T, Left>(raw, from, f, out, st, ok, std::make_index_sequence<N>{});
      if (index < N || from == 0) break;
    }
    if (index < N) {
      if (!ok) return false;
      seen |= std::uint64_t(1) << index;
      next = index + 1;
      continue;
    }
    // Not a key as written: an unknown member, or a known one with escapes or in another case.
    bool escaped;
    (void)raw_string_length(raw, escaped);
    if (escaped || st.options.reject_unknown_members || st.options.case_insensitive_keys) return false;
    if (!fast_skip(f.value(), st)) return false;
  }
  constexpr std::uint64_t all = N == 64 ? ~std::uint64_t(0) : (std::uint64_t(1) << N) - 1;
  if (seen != all) {
    bool ok = true;
    std::size_t i = 0;
    boost::mp11::mp_for_each<Ms>([&](auto d) {
      if (!(seen >> i & 1)) {
        if (member_meta<T, decltype(d)>.required && st.options.strict_required) ok = false;
        reset_value(out.*d.pointer);
      }
      ++i;
    });
    if (!ok) return false;
  }
  return true;
}

template <class T, int Left>
AWSJSON_ALWAYS_INLINE bool fast_value(od::value& v, T& out, fast_state& st) {
  constexpr value_kind k = kind_of<T>;
  if constexpr (k == value_kind::string) {
    od::raw_json_string raw;
    if (v.get_raw_json_string().get(raw)) return false;
    // The token, quotes included, is never shorter than the unescaped text.
    return assign_string(raw.raw(), v.raw_json_token().size(), out) == unescape_status::ok;
  } else if constexpr (k == value_kind::boolean) {
    return !v.get_bool().get(out);
  } else if constexpr (k == value_kind::integer) {
    using wide = std::conditional_t<std::is_signed_v<T>, std::int64_t, std::uint64_t>;
    wide w;
    if constexpr (std::is_signed_v<T>) {
      if (v.get_int64().get(w)) return false;
    } else {
      if (v.get_uint64().get(w)) return false;
    }
    if (w < wide(std::numeric_limits<T>::min()) || w > wide(std::numeric_limits<T>::max())) return false;
    out = T(w);
    return true;
  } else if constexpr (k == value_kind::floating) {
    double d;
    if (v.get_double().get(d)) return false;  // strings ("NaN", ...) and errors: the general path
    if constexpr (sizeof(T) < sizeof(double)) {
      if (std::isfinite(d) && std::fabs(d) > double(std::numeric_limits<T>::max())) return false;
    }
    out = T(d);
    return true;
  } else if constexpr (k == value_kind::enumeration || k == value_kind::open_enum) {
    od::raw_json_string raw;
    return !v.get_raw_json_string().get(raw) && enum_from_raw(raw.raw(), out, st.scratch);
  } else if constexpr (k == value_kind::timestamp) {
    return !timestamp_from_token(v.raw_json_token(), out, st.scratch);
  } else if constexpr (k == value_kind::blob) {
    od::raw_json_string raw;
    std::string_view s;
    return !v.get_raw_json_string().get(raw) && string_body(raw.raw(), s, st.scratch) == unescape_status::ok &&
           !decode_base64(s, out);
  } else if constexpr (k == value_kind::optional) {  // a sparse list's or map's element
    if (is_null(v)) {
      out.reset();
      return true;
    }
    if (!out) out.emplace();
    return fast_value<typename T::value_type, Left>(v, *out, st);
  } else if constexpr (Left == 0) {
    return false;
  } else if constexpr (k == value_kind::list) {
    od::array arr;
    if (v.get_array().get(arr) || !fast_enter(st)) return false;
    std::size_t i = 0;
    for (auto er : arr) {
      od::value ev;
      if (std::move(er).get(ev)) return false;
      if (i == out.size()) out.emplace_back();  // elements already there are reused, keeping their capacity
      if (!fast_value<typename T::value_type, Left - 1>(ev, out[i], st)) return false;
      ++i;
    }
    out.erase(out.begin() + std::ptrdiff_t(i), out.end());
    --st.depth;
    return true;
  } else if constexpr (k == value_kind::map) {
    od::object obj;
    if (v.get_object().get(obj) || !fast_enter(st)) return false;
    out.clear();
    for (auto fr : obj) {
      od::field f;
      std::string_view key;
      if (std::move(fr).get(f) || string_body(f.key().raw(), key, st.scratch) != unescape_status::ok) return false;
      auto& slot = out[std::string(key)];  // a duplicate key: the last one wins
      reset_value(slot);
      if (!fast_value<typename T::mapped_type, Left - 1>(f.value(), slot, st)) return false;
    }
    --st.depth;
    return true;
  } else if constexpr (k == value_kind::structure) {
    od::object obj;
    if (v.get_object().get(obj) || !fast_enter(st)) return false;
    if (!fast_members<T, Left - 1>(obj, out, st)) return false;
    --st.depth;
    return true;
  } else {
    return false;
  }
}

/// Decodes a document whose root is a T in one pass, or returns false having decided nothing:
/// the caller then decodes the document on the general path. Everything above is inlined here.
template <class T>
AWSJSON_NOINLINE bool fast_decode(od::parser& parser, simdjson::padded_string_view const& json, T& out,
                                  decode_options const& options, std::string& scratch) {
  od::document doc;
  od::object obj;
  if (parser.iterate(json).get(doc) || doc.get_object().get(obj)) return false;
  fast_state st{options, scratch, 1};
  if (st.options.max_depth < 1 || !fast_members<T, fast_levels<T>>(obj, out, st)) return false;
  char const* rest;
  return doc.current_location().get(rest) == simdjson::OUT_OF_BOUNDS;  // nothing after the document
}

}  // namespace awsjson::detail
