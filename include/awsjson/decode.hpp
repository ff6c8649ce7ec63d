// decode: JSON text to any described type, with simdjson's on-demand parser.
//
// One generic codec, written once: it dispatches on the shape kind of each C++ type and reads
// the model metadata at compile time. It never names a member of a model type.
//
// A structure's decoder is data: a table per type (one row per member: key, metadata, and the
// decoder and reset of the member's type), read by walk_table_members, one function per context;
// so a model costs code in proportion to its kinds of members, not its members.
//
// One walker, instantiated twice by the context it carries. Decoding runs it first with a
// silent_context, whose reports are inline no-ops: simdjson's on-demand values and objects point
// into the document's iterator, and once any call that is not inlined receives one (even a call
// that never runs, such as an error report) the compiler keeps the iterator in memory for the
// whole function, and every step through the document waits on a store and a load. So near the
// root (a budget of inlined decoders, silent_inline_budget) the silent walk unrolls a structure's
// members into one function and hands out-of-line helpers only pointers and string views; below
// that it reads tables. On no (an error, a custom codec) the same walker runs again with a
// decode_context, from tables everywhere, which names the problem as a JSON Pointer and a message.
// Every rule (key order, null as absent, sparse collections, unknown members, duplicates, depth)
// is written once, below, and holds on every path.
//
//   auto r = awsjson::decode<Response>(body);            // throws awsjson::decode_error
//   awsjson::error e = awsjson::decode_into(body, r);    // no exceptions; reuses r's storage
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

#include "api/decode.hpp"
#include "decode_context.hpp"
#include "detail/ascii.hpp"
#include "detail/check_json.hpp"
#include "detail/config.hpp"
#include "detail/decimal.hpp"
#include "detail/json_string.hpp"
#include "detail/member_offset.hpp"
#include "detail/member_set.hpp"
#include "detail/raw_name.hpp"
#include "detail/raw_values.hpp"
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

// ---- The two contexts ---------------------------------------------------------------------------

/// The silent walk's context: decode_context's interface with nothing to report into. Every
/// report is an inline no-op that returns false, so the compiler removes it, and with it any use
/// of simdjson's value that would keep the iterator in memory.
struct silent_context {
  decode_options const& options;
  std::string& scratch;
  unsigned depth = 0;
  bool sensitive = false;

  AWSJSON_ALWAYS_INLINE static bool fail(errc, std::string_view) noexcept { return false; }
  AWSJSON_ALWAYS_INLINE static bool fail(errc, std::initializer_list<std::string_view>) noexcept { return false; }
  AWSJSON_ALWAYS_INLINE static bool mismatch(od::value&, std::string_view, errc = errc::type_mismatch) noexcept {
    return false;
  }
  AWSJSON_ALWAYS_INLINE static bool mismatch_because(od::value&, std::string_view, errc, char const*) noexcept {
    return false;
  }
  AWSJSON_ALWAYS_INLINE static bool json_error(simdjson::error_code) noexcept { return false; }
  AWSJSON_ALWAYS_INLINE static bool too_deep() noexcept { return false; }
  AWSJSON_ALWAYS_INLINE static std::string_view describe_token(std::string_view) noexcept { return {}; }
  AWSJSON_ALWAYS_INLINE static void prepend_path(std::string_view) noexcept {}
  AWSJSON_ALWAYS_INLINE static void prepend_path(std::size_t) noexcept {}
  AWSJSON_ALWAYS_INLINE static void prepend_document_key(std::string_view) noexcept {}
};

/// Whether a walk with this context reports (the other one only says yes or no).
template <class Ctx>
inline constexpr bool reports = std::is_same_v<Ctx, decode_context>;

/// `Left`, in the walker: how many more levels of structures, lists and maps the silent walk
/// unrolls into the function it is in (below them, silent_nested: a function per type); the
/// reporting walk has no such limit.
inline constexpr int unbounded_levels = -1;
constexpr int below(int left) noexcept { return left < 0 ? left : left - 1; }

/// prepend_unescaped_key (check_json.hpp) for the walk that reports; nothing for the silent one.
template <class Ctx>
AWSJSON_ALWAYS_INLINE void prepend_raw_key(Ctx& ctx, [[maybe_unused]] char const* raw) {
  if constexpr (reports<Ctx>) prepend_unescaped_key(ctx, raw);
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

// ---- Collections and structures -----------------------------------------------------------------

template <int Left, class Ctx, class T>
AWSJSON_ALWAYS_INLINE bool walk_value(od::value& v, T& out, Ctx& ctx);

template <class T>
AWSJSON_NOINLINE bool silent_nested(od::value& v, T& out, silent_context& ctx);

template <class Ctx>
AWSJSON_ALWAYS_INLINE bool enter(Ctx& ctx) {
  if (++ctx.depth <= ctx.options.max_depth) return true;
  return ctx.too_deep();
}

template <int Left, class Ctx, class L>
AWSJSON_ALWAYS_INLINE bool walk_list(od::value& v, L& out, Ctx& ctx) {
  od::array arr;
  if (v.get_array().get(arr)) return ctx.mismatch(v, "an array");
  if (!enter(ctx)) return false;
  std::size_t i = 0;
  for (auto er : arr) {
    if (auto e = er.error()) {
      ctx.json_error(e);
      ctx.prepend_path(i);
      return false;
    }
    od::value&& ev = std::move(er).value_unsafe();  // not a copy: see walk_members
    if (i == out.size()) {                          // elements already there are reused, keeping their capacity
      if (add_plain_string<typename L::value_type>(
              ev, [&](auto p, auto n) AWSJSON_LAMBDA_INLINE { out.emplace_back(p, n); })) {
        ++i;
        continue;
      }
      out.emplace_back();
    }
    if (!walk_value<Left>(ev, out[i], ctx)) {
      ctx.prepend_path(i);
      return false;
    }
    ++i;
  }
  while (out.size() > i) out.pop_back();  // not erase(), whose moving of a tail (never one here) is code per type
  --ctx.depth;
  return true;
}

template <int Left, class Ctx, class M>
AWSJSON_ALWAYS_INLINE bool walk_map(od::value& v, M& out, Ctx& ctx) {
  od::object obj;
  if (v.get_object().get(obj)) return ctx.mismatch(v, "an object");
  if (!enter(ctx)) return false;
  out.clear();
  for (auto fr : obj) {
    if (auto e = fr.error()) return ctx.json_error(e);
    od::field&& f = std::move(fr).value_unsafe();  // not a copy: see walk_members
    std::string_view key;
    if (auto st = string_body(f.key().raw(), key, ctx.scratch); st != unescape_status::ok)
      return ctx.fail(errc::invalid_json, describe(st));
    auto& slot = out[std::string(key)];  // a duplicate key: the last one wins
    reset_value(slot);
    if (!walk_value<Left>(f.value(), slot, ctx)) {
      prepend_raw_key(ctx, f.key().raw());
      return false;
    }
  }
  --ctx.depth;
  return true;
}

/// The JSON text of a value the walk does not descend into (an unknown member, a document, a
/// union member this build does not know), checked to be well-formed: simdjson steps over it (an
/// object or array by counting brackets) and check_json reads its text.
template <class Ctx>
AWSJSON_ALWAYS_INLINE bool checked_value_text(od::value& v, std::string_view& text, Ctx& ctx) {
  od::json_type t;
  if (auto e = v.type().get(t)) return ctx.json_error(e);
  simdjson::error_code e = simdjson::SUCCESS;
  if (t == od::json_type::object) {
    od::object obj;
    if (!(e = v.get_object().get(obj))) e = obj.raw_json().get(text);
  } else if (t == od::json_type::array) {
    od::array arr;
    if (!(e = v.get_array().get(arr))) e = arr.raw_json().get(text);
  } else {
    text = v.raw_json_token();
  }
  if (e) return ctx.json_error(e);
  text = trim_token(text);
  unsigned levels = ctx.options.max_depth > ctx.depth ? ctx.options.max_depth - ctx.depth : 0;
  if constexpr (reports<Ctx>)
    return check_json(text, levels, ctx.scratch, &ctx);
  else
    return check_json(text, levels, ctx.scratch, nullptr);
}

/// Skips an unknown member's value, checking that it is well-formed JSON.
template <class Ctx>
AWSJSON_ALWAYS_INLINE bool skip_unknown(od::value& v, Ctx& ctx) {
  std::string_view text;
  return checked_value_text(v, text, ctx);
}

/// A document: the value's text, checked, kept as written.
template <class Ctx>
AWSJSON_ALWAYS_INLINE bool walk_json_document(od::value& v, document& out, Ctx& ctx) {
  std::string_view text;
  if (!checked_value_text(v, text, ctx)) return false;
  document_access::assign(out, text);
  return true;
}

/// A key a union does not know: `__type` is ignored (Smithy says so), a null value is an absent
/// member, anything else is kept, name and text, as the union's unknown member (one at most).
template <class Ctx>
AWSJSON_NOINLINE bool keep_unknown_union_member(od::value& v, char const* key, tagged_union& out, Ctx& ctx) {
  std::string_view text;
  if (!checked_value_text(v, text, ctx)) return false;
  std::string_view name;
  if (auto st = string_body(key, name, ctx.scratch); st != unescape_status::ok)
    return ctx.fail(errc::invalid_json, describe(st));
  if (name == "__type" || text == "null") return true;
  if (out.unknown_member) return union_failure(2, ctx);
  out.unknown_member.emplace();
  out.unknown_member->name.assign(name);
  out.unknown_member->json.assign(text);
  return true;
}

template <class M>
struct optional_value {
  using type = M;
};
template <class T>
struct optional_value<std::optional<T>> {
  using type = T;
};

/// `__type`, the key a union value may carry and a decoder ignores.
inline constexpr std::array<std::string_view, 1> union_type_key{"__type"};

/// T's member keys as a document spells them without escapes, each with its closing quote, in
/// one padded buffer: a key that matched a member only once unescaped, or ignoring case, is
/// matched again as the member's own spelling, by the same comparisons that decode the member.
template <class T>
inline constexpr auto canonical_keys = [] {
  constexpr auto const& keys = member_keys<T>;
  constexpr std::size_t size = [] {
    std::size_t n = simdjson::SIMDJSON_PADDING;
    for (std::string_view k : member_keys<T>) n += k.size() + 1;
    return n;
  }();
  struct table {
    std::array<char, size> text{};
    std::array<std::size_t, keys.size()> at{};
  } t{};
  std::size_t o = 0;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    t.at[i] = o;
    for (char c : keys[i]) t.text[o++] = c;
    t.text[o++] = '"';
  }
  return t;
}();

/// The member a key names when it is written with escapes or (with case_insensitive_keys) in
/// another case; keys.size() when none does. Out of line: only a pointer goes in.
AWSJSON_NOINLINE inline std::size_t find_member_key(char const* raw, std::string_view const* keys, std::size_t n,
                                                    bool case_insensitive, std::string& scratch,
                                                    unescape_status& status) {
  bool escaped = false;
  std::string_view key(raw, raw_string_length(raw, escaped));
  if (escaped) {
    if ((status = unescape_string(raw, scratch)) != unescape_status::ok) return n;
    key = scratch;
  }
  for (std::size_t i = 0; i < n; ++i)
    if (keys[i] == key) return i;
  if (case_insensitive)
    for (std::size_t i = 0; i < n; ++i)
      if (iequals(keys[i], key)) return i;
  return n;
}

template <int Left, class Ctx, class M>
AWSJSON_ALWAYS_INLINE bool walk_member_value(od::value& v, M& m, Ctx& ctx, member_info const& info) {
  if constexpr (kind_of<M> == value_kind::document ||
                (kind_of<M> == value_kind::optional &&
                 kind_of<typename optional_value<M>::type> == value_kind::document)) {
    // A document takes null as a value; a member that is null is absent all the same.
    if (is_null(v)) {
      if (info.required && ctx.options.strict_required) {
        ctx.fail(errc::missing_member, "required member is null");
        ctx.prepend_path(info.key());
        return false;
      }
      reset_value(m);
      return true;
    }
  }
  bool ok;
  {
    sensitive_scope scope(ctx.sensitive, info.sensitive);  // the member's whole subtree
    if constexpr (kind_of<M> == value_kind::optional) {
      if (!m) {
        if (add_plain_string<typename M::value_type>(v, [&](auto p, auto n) AWSJSON_LAMBDA_INLINE { m.emplace(p, n); }))
          return true;
        m.emplace();
      }
      ok = walk_value<Left>(v, *m, ctx);
    } else {
      ok = walk_value<Left>(v, m, ctx);
    }
  }
  if (ok) return true;
  // null means absent (Smithy). Checked only once decoding failed: free when members are not null.
  // Every built-in decoder fails on null with a type mismatch (the silent walk runs nothing else);
  // a custom codec may take null, or fail on it for another reason.
  bool mismatched = true;
  if constexpr (reports<Ctx>) mismatched = ctx.err.code == errc::type_mismatch;
  if (mismatched && trimmed_token(v) == "null") {
    if (!(info.required && ctx.options.strict_required)) {
      if constexpr (reports<Ctx>) ctx.err = error{};
      reset_value(m);
      return true;
    }
    ctx.fail(errc::missing_member, "required member is null");
  }
  ctx.prepend_path(info.key());
  return false;
}

// A member decoded out of line: one function per member type and context, not per member (the
// string members of every structure share one copy; the metadata is an argument), which keeps the
// code, and the time to compile it, proportional to the kinds of members. Its address is what a
// structure's table holds; the reporting walk calls it for every member, the silent walk below the
// levels it unrolls.
template <class Ctx, class M>
AWSJSON_NOINLINE bool decode_member_of(od::value& v, void* m, Ctx& ctx, member_info const& info) {
  return walk_member_value<unbounded_levels>(v, *static_cast<M*>(m), ctx, info);
}

template <int Left, class D, class Ctx, class T>
AWSJSON_ALWAYS_INLINE bool walk_member(od::value& v, T& out, Ctx& ctx) {
  using M = std::remove_cvref_t<decltype(out.*D::pointer)>;
  if constexpr (reports<Ctx>)
    return decode_member_of<Ctx, M>(v, &(out.*D::pointer), ctx, member_meta<T, D>);
  else
    return walk_member_value<Left>(v, out.*D::pointer, ctx, member_meta<T, D>);
}

// Matches the raw key against the keys of the members from `from` on, as compile-time constants,
// and decodes the member it names: one chain of conditional branches the predictor learns for a
// recurring document shape, and no jump table (whose indirect branch mispredicts when the member
// changes from one field to the next).
template <int Left, class Ctx, class T, std::size_t... I>
AWSJSON_ALWAYS_INLINE std::size_t match_member([[maybe_unused]] char const* raw, [[maybe_unused]] std::size_t from,
                                               [[maybe_unused]] od::field& f, [[maybe_unused]] T& out,
                                               [[maybe_unused]] Ctx& ctx, [[maybe_unused]] bool& ok,
                                               std::index_sequence<I...>) {
  using Ms = members_of<T>;
  constexpr auto const& keys = member_keys<T>;
  std::size_t index = sizeof...(I);
  (void)((I >= from && raw_is<keys, I>(raw)
              ? (index = I, ok = walk_member<Left, boost::mp11::mp_at_c<Ms, I>>(f.value(), out, ctx), true)
              : false) ||
         ...);
  return index;
}

// ---- Rules every structure walk shares (the unrolled one and the table one) -------------------

/// A key that names no member (`status`: why unescaping it failed, if it did): a union keeps it as
/// its unknown member (`u`, null for a structure), strict options reject it, otherwise its value
/// is skipped, checked to be well-formed.
template <class Ctx>
AWSJSON_ALWAYS_INLINE bool unknown_key(od::field& f, char const* key, unescape_status status, tagged_union* u,
                                       Ctx& ctx) {
  if (status != unescape_status::ok) return ctx.fail(errc::invalid_json, describe(status));
  if (u && (!ctx.options.reject_unknown_members || raw_is<union_type_key, 0>(key))) {
    if (!keep_unknown_union_member(f.value(), key, *u, ctx)) {
      prepend_raw_key(ctx, key);
      return false;
    }
    return true;
  }
  if (ctx.options.reject_unknown_members) {
    ctx.fail(errc::unknown_member, "unknown member");
    prepend_raw_key(ctx, key);
    return false;
  }
  if (!skip_unknown(f.value(), ctx)) {
    prepend_raw_key(ctx, key);
    return false;
  }
  return true;
}

/// A member the document did not carry: false (reported) when strict options require it; else
/// the caller resets it (an absent optional, the zero value otherwise).
template <class Ctx>
AWSJSON_ALWAYS_INLINE bool absent_member_allowed(member_info const& info, Ctx& ctx) {
  if (!(info.required && ctx.options.strict_required)) return true;
  ctx.fail(errc::missing_member, "required member is missing");
  ctx.prepend_path(info.key());
  return false;
}

// ---- Structures unrolled (the silent walk's levels near the root) --------------------------------

/// Whether the silent walk may unroll a T's members near the root: a structure of at most 64
/// members (one word of bits for the members met, and a chain of comparisons of bounded length);
/// a larger one is read from its table at any level.
template <class T>
inline constexpr bool unrolled_struct = [] {
  if constexpr (kind_of<T> == value_kind::structure || kind_of<T> == value_kind::tagged_union)
    return boost::mp11::mp_size<members_of<T>>::value <= member_set_word_bits;
  else
    return true;
}();

template <int Left, class Ctx, class T>
AWSJSON_ALWAYS_INLINE bool walk_members(od::object& obj, T& out, Ctx& ctx) {
  using Ms = members_of<T>;
  constexpr std::size_t N = boost::mp11::mp_size<Ms>::value;
  tagged_union* u = nullptr;
  if constexpr (kind_of<T> == value_kind::tagged_union) u = &out;
  static_assert(N <= member_set_word_bits, "larger structures are read from their tables (unrolled_struct)");
  narrow_member_set seen(N);
  std::size_t next = 0;  // where the search for the next key starts
  for (auto fr : obj) {
    if (auto e = fr.error()) return ctx.json_error(e);
    // The field itself, not a copy into a local (simdjson's get()): g++ copies it with 8-byte
    // stores that it reads back as 16-byte loads, which the store buffer cannot forward. Whether
    // it does depends on the size of the whole walk, and when it did, each member cost about
    // 10 ns more (minimal took 100 ns instead of 62).
    od::field&& f = std::move(fr).value_unsafe();
    char const* const key = f.key().raw();
    char const* raw = key;
    bool ok = true;
    std::size_t index;
    unescape_status status = unescape_status::ok;
    // Services write members in the model's order, so the search starts past the last member
    // found: a document in that order costs one comparison per member, whichever members it
    // omits. Then, out of order, from the first member; then, for a key with escapes or in
    // another case, as the member it names.
    for (std::size_t from = next;;) {
      index = match_member<Left>(raw, from, f, out, ctx, ok, std::make_index_sequence<N>{});
      if (index < N || raw != key) break;
      if (from != 0) {
        from = 0;
        continue;
      }
      std::size_t k =
          find_member_key(key, member_keys<T>.data(), N, ctx.options.case_insensitive_keys, ctx.scratch, status);
      if (k == N) break;
      raw = canonical_keys<T>.text.data() + canonical_keys<T>.at[k];
    }
    if (index < N) {
      if (!ok) return false;
      seen.add(index);
      next = index + 1;
      continue;
    }
    if (!unknown_key(f, key, status, u, ctx)) return false;
  }
  // Members the document did not carry: absent optionals, zero values for the rest.
  if (!seen.full()) {
    bool ok = true;
    std::size_t i = 0;
    boost::mp11::mp_for_each<Ms>([&](auto d) {
      if (ok && !seen.has(i)) {
        if (!absent_member_allowed(member_meta<T, decltype(d)>, ctx))
          ok = false;
        else
          reset_value(out.*d.pointer);
      }
      ++i;
    });
    if (!ok) return false;
  }
  return true;
}

// ---- Structures as tables (the reporting walk, and the silent walk below its unrolled levels) ----
//
// A structure's decoder is data: one row per member (its key, where it lies in the object, its
// metadata, and the decoder and reset of its type), read by walk_table, compiled once per context.
// The rows' functions exist once per member *type* (decode_member_of), so a model's decoders cost
// code in proportion to its kinds of members, not to its members.

template <class Ctx>
using member_decoder = bool (*)(od::value&, void* member, Ctx&, member_info const&);

/// Members whose commonest value the table walk stores itself, without a call: a string without
/// escapes into a std::string or std::optional<std::string> (most members of most AWS shapes).
/// Every other value of theirs, and every other member, goes to the member's decoder.
enum class row_leaf : unsigned char { other, string, optional_string };

template <class M>
inline constexpr row_leaf row_leaf_of = std::is_same_v<M, std::string>                  ? row_leaf::string
                                        : std::is_same_v<M, std::optional<std::string>> ? row_leaf::optional_string
                                                                                        : row_leaf::other;

template <class Ctx>
struct member_row {
  std::uint64_t word;  ///< the key's first bytes and its closing quote, as load_word reads them
  std::uint64_t mask;  ///< the bytes of `word` the key fills (all when it is 7 bytes or longer)
  std::string_view key;
  member_info const* info;
  member_decoder<Ctx> decode;
  void (*reset)(void* member);
  row_leaf leaf;
};

/// A plain string (no escapes) into a string member the row says `m` is; false, having stored
/// nothing, for any other value (the member's decoder then reads it: null, escapes, a mismatch).
AWSJSON_ALWAYS_INLINE bool store_plain_string(od::value& v, char* m, row_leaf leaf) {
  od::raw_json_string raw;
  if (v.get_raw_json_string().get(raw)) return false;
  char const* p = raw.raw();
  char const* end = find_quote_or_backslash(p);
  if (*end != '"') return false;
  std::size_t n = std::size_t(end - p);
  std::string* s = reinterpret_cast<std::string*>(m);
  if (leaf == row_leaf::optional_string) {
    auto& o = *reinterpret_cast<std::optional<std::string>*>(m);
    if (!o) {
      o.emplace(p, n);  // one allocation of its size (see add_plain_string)
      return true;
    }
    s = &*o;
  }
  if (n <= s->capacity()) {
    s->clear();
    s->append(p, n);
  } else {
    *s = std::string(p, n);
  }
  return true;
}

template <class Ctx>
struct struct_table {
  member_row<Ctx> const* rows;
  std::size_t size;
  std::size_t const* (*offsets)();                      ///< where each member lies in the object (member_offsets)
  std::string_view const* keys;                         ///< member_keys<T>, for find_member_key
  bool sensitive;                                       ///< the shape is @sensitive as a whole
  tagged_union const* (*as_union)(void const* object);  ///< null for a structure
  std::size_t (*members_set)(void const* object);
};

/// Whether the raw key at `raw` is the row's key: its first word against a constant (most other
/// keys differ there), then the rest and the closing quote. Reading past a shorter key stays in
/// the document or its padding as long as the key is well under the padding; longer keys are
/// measured first.
inline bool raw_is_row_key(char const* raw, std::uint64_t word, std::uint64_t mask, std::string_view key) noexcept {
  if ((load_word(raw) & mask) != word) return false;
  std::size_t n = key.size();
  if (n < 8) return true;  // the word held the key and its quote
  if (n >= simdjson::SIMDJSON_PADDING / 2) {
    bool escaped;
    if (raw_string_length(raw, escaped) != n) return false;
  }
  for (std::size_t at = 8; at < n; at += 8) {  // word by word, the last one overlapping: no call to memcmp
    std::size_t w = at + 8 <= n ? at : n - 8;
    if (load_word(raw + w) != load_word(key.data() + w)) return false;
  }
  return raw[n] == '"';
}

/// T's decoder for a walk with context Ctx, as data. (A class rather than lambdas in a variable
/// template: g++ 12 shares such lambdas between the template's instantiations.)
template <class Ctx, class T>
struct table_maker {
  template <class D>
  static constexpr member_row<Ctx> row(std::string_view key) {
    using M = member_type_t<T, D>;
    return {quoted_key_word(key),      quoted_key_mask(key.size()), key,           &member_meta<T, D>,
            &decode_member_of<Ctx, M>, &reset_member_of<M>,         row_leaf_of<M>};
  }
  template <class... D>
  static constexpr auto rows(boost::mp11::mp_list<D...>) {
    std::size_t i = 0;
    return std::array<member_row<Ctx>, sizeof...(D)>{row<D>(member_keys<T>[i++])...};
  }

  static constexpr auto member_rows = rows(boost::mp11::mp_rename<members_of<T>, boost::mp11::mp_list>{});
  static constexpr struct_table<Ctx> table{member_rows.data(),
                                           member_rows.size(),
                                           &member_offsets<T>,
                                           member_keys<T>.data(),
                                           shape_of<T>().sensitive,
                                           union_base_function<T>(),
                                           union_members_set_function<T>()};
};

template <class Ctx, class T>
inline constexpr struct_table<Ctx> const& table_of = table_maker<Ctx, T>::table;

/// The row in [from, to) whose key the raw key at `raw` is; `to` when none is.
template <class Ctx>
AWSJSON_ALWAYS_INLINE std::size_t find_row(char const* raw, member_row<Ctx> const* rows, std::size_t from,
                                           std::size_t to) noexcept {
  for (std::size_t i = from; i < to; ++i)
    if (raw_is_row_key(raw, rows[i].word, rows[i].mask, rows[i].key)) return i;
  return to;
}

/// A structure's members from a table: the rules of walk_members, with keys and decoders read from
/// rows rather than unrolled; Set keeps which members the document carried.
template <class Set, class Ctx>
AWSJSON_ALWAYS_INLINE bool walk_table_members_with(od::object& obj, char* out, struct_table<Ctx> const& t, Ctx& ctx) {
  std::size_t const n = t.size;
  member_row<Ctx> const* const rows = t.rows;
  std::size_t const* const offsets = t.offsets();
  // A union's own object, which the decoder is filling (the table's accessor is const).
  tagged_union* u = t.as_union ? const_cast<tagged_union*>(t.as_union(out)) : nullptr;
  Set seen(n);
  std::size_t next = 0;  // as in walk_members: the model's order first
  for (auto fr : obj) {
    if (auto e = fr.error()) return ctx.json_error(e);
    od::field&& f = std::move(fr).value_unsafe();  // not a copy: see walk_members
    char const* const key = f.key().raw();
    std::size_t index = n;
    unescape_status status = unescape_status::ok;
    if ((index = find_row(key, rows, next, n)) == n && (index = find_row(key, rows, 0, next)) == next)
      index = find_member_key(key, t.keys, n, ctx.options.case_insensitive_keys, ctx.scratch, status);
    if (index < n) {
      member_row<Ctx> const& r = rows[index];
      char* m = out + offsets[index];
      if (!(r.leaf != row_leaf::other && store_plain_string(f.value(), m, r.leaf)) &&
          !r.decode(f.value(), m, ctx, *r.info))
        return false;
      seen.add(index);
      next = index + 1;
      continue;
    }
    if (!unknown_key(f, key, status, u, ctx)) return false;
  }
  if (!seen.full())
    for (std::size_t i = 0; i < n; ++i)
      if (!seen.has(i)) {
        if (!absent_member_allowed(*rows[i].info, ctx)) return false;
        char* m = out + offsets[i];
        if (rows[i].leaf == row_leaf::optional_string)
          reinterpret_cast<std::optional<std::string>*>(m)->reset();
        else
          rows[i].reset(m);
      }
  return true;
}

/// walk_table_members_with the set that fits the structure: one word for 64 members or fewer.
template <class Ctx>
AWSJSON_NOINLINE bool walk_table_members(od::object& obj, char* out, struct_table<Ctx> const& t, Ctx& ctx) {
  if (t.size <= member_set_word_bits) [[likely]]
    return walk_table_members_with<narrow_member_set>(obj, out, t, ctx);
  return walk_table_members_with<wide_member_set>(obj, out, t, ctx);
}

/// A structure, or a tagged union, from its table.
template <class Ctx>
AWSJSON_NOINLINE bool walk_table(od::value& v, void* out, struct_table<Ctx> const& t, Ctx& ctx) {
  sensitive_scope scope(ctx.sensitive, t.sensitive);  // a shape sensitive as a whole
  od::object obj;
  if (v.get_object().get(obj)) return ctx.mismatch(v, "an object");
  if (t.as_union) const_cast<tagged_union*>(t.as_union(out))->unknown_member.reset();
  if (!enter(ctx) || !walk_table_members(obj, static_cast<char*>(out), t, ctx)) return false;
  --ctx.depth;
  if (t.as_union) {
    if (std::size_t set = t.members_set(out); set != 1) return union_failure(set, ctx);
  }
  return true;
}

/// A structure, or a tagged union: a structure with exactly one member set.
template <int Left, class Ctx, class T>
AWSJSON_ALWAYS_INLINE bool walk_struct(od::value& v, T& out, Ctx& ctx) {
  sensitive_scope scope(ctx.sensitive, shape_of<T>().sensitive);  // a shape sensitive as a whole
  od::object obj;
  if (v.get_object().get(obj)) return ctx.mismatch(v, "an object");
  if constexpr (kind_of<T> == value_kind::tagged_union) out.unknown_member.reset();
  if (!enter(ctx) || !walk_members<Left>(obj, out, ctx)) return false;
  --ctx.depth;
  if constexpr (kind_of<T> == value_kind::tagged_union) {
    if (std::size_t set = members_set(out); set != 1) return union_failure(set, ctx);
  }
  return true;
}

template <int Left, class Ctx, class T>
AWSJSON_ALWAYS_INLINE bool walk_value(od::value& v, T& out, Ctx& ctx) {
  constexpr value_kind k = kind_of<T>;
  if constexpr (k == value_kind::custom) {
    if constexpr (reports<Ctx>)
      return walk_custom(v, out, ctx);
    else
      return false;  // the reporting walk takes over: a custom codec receives simdjson's value itself
                     // (silent_walkable keeps such types from the levels the root unrolls; below
                     // them, inside silent_nested, this is how the silent walk gives up)
  } else if constexpr (k == value_kind::string) {
    return walk_string(v, out, ctx);
  } else if constexpr (k == value_kind::boolean) {
    if (v.get_bool().get(out)) return ctx.mismatch(v, "a boolean");
    return true;
  } else if constexpr (k == value_kind::integer) {
    return walk_integer(v, out, ctx);
  } else if constexpr (k == value_kind::floating) {
    return walk_floating(v, out, ctx);
  } else if constexpr (k == value_kind::enumeration || k == value_kind::open_enum) {
    return walk_enum(v, out, ctx);
  } else if constexpr (k == value_kind::timestamp) {
    return walk_timestamp(v, out, ctx);
  } else if constexpr (k == value_kind::blob) {
    return walk_blob(v, out, ctx);
  } else if constexpr (k == value_kind::document) {
    return walk_json_document(v, out, ctx);
  } else if constexpr (k == value_kind::optional) {  // a sparse list's or map's element
    if (is_null(v)) {
      out.reset();
      return true;
    }
    if (!out) {
      if (add_plain_string<typename T::value_type>(v, [&](auto p, auto n) AWSJSON_LAMBDA_INLINE { out.emplace(p, n); }))
        return true;
      out.emplace();
    }
    return walk_value<Left>(v, *out, ctx);
  } else if constexpr (k == value_kind::indirect) {  // seen through: the levels are its value's
    return walk_value<Left>(v, out.ensure_value(), ctx);
  } else if constexpr ((k == value_kind::structure || k == value_kind::tagged_union) &&
                       (Left <= 0 || !unrolled_struct<T>)) {
    return walk_table(v, &out, table_of<Ctx, T>, ctx);  // not unrolled: the type's table
  } else if constexpr (Left == 0) {
    return silent_nested(v, out, ctx);  // unrolled no deeper here: a function of the type's own
  } else if constexpr (k == value_kind::list) {
    return walk_list<below(Left)>(v, out, ctx);
  } else if constexpr (k == value_kind::map) {
    return walk_map<below(Left)>(v, out, ctx);
  } else if constexpr (k == value_kind::structure || k == value_kind::tagged_union) {
    return walk_struct<below(Left)>(v, out, ctx);
  } else {
    static_assert(k != value_kind::unsupported,
                  "awsjson cannot decode this type: describe it (BOOST_DESCRIBE_STRUCT / BOOST_DESCRIBE_ENUM) or "
                  "specialize awsjson::codec<T>");
    return false;
  }
}

/// A whole document: one value, then nothing but whitespace.
template <int Left, class Ctx, class T>
AWSJSON_ALWAYS_INLINE bool walk_document(od::parser& parser, simdjson::padded_string_view const& json, T& out,
                                         Ctx& ctx) {
  od::document doc;
  if (auto e = parser.iterate(json).get(doc)) {
    if (e == simdjson::EMPTY) return ctx.fail(errc::empty_input, "empty input: expected a JSON document");
    return ctx.json_error(e);
  }
  if constexpr (!reports<Ctx> && kind_of<T> == value_kind::structure) {
    // simdjson's root object directly: a few instructions fewer per document than through a
    // value (the reporting walk takes the value, to describe a root that is not an object).
    od::object obj;
    if (doc.get_object().get(obj) || !enter(ctx)) return false;
    if constexpr (Left > 0 && unrolled_struct<T>) {
      if (!walk_members<below(Left)>(obj, out, ctx)) return false;
    } else {
      if (!walk_table_members(obj, reinterpret_cast<char*>(&out), table_of<Ctx, T>, ctx)) return false;
    }
  } else {
    od::value root;
    if (auto e = doc.get_value().get(root)) {
      if constexpr (reports<Ctx>) {
        std::string_view tok;
        if (e == simdjson::SCALAR_DOCUMENT_AS_VALUE && !doc.raw_json_token().get(tok))
          return ctx.fail(errc::type_mismatch, {"expected a JSON object or array, found ", ctx.describe_token(tok)});
      }
      return ctx.json_error(e);
    }
    if (!walk_value<Left>(root, out, ctx)) return false;
  }
  char const* rest = "";
  if (doc.current_location().get(rest) != simdjson::OUT_OF_BOUNDS)  // out of bounds: nothing after it
    return ctx.fail(errc::trailing_content, {"unexpected content after the JSON document: ", ctx.describe_token(rest)});
  return true;
}

// ---- How far the silent walk unrolls --------------------------------------------------------------

/// At most this many levels of structures, lists and maps below the root are unrolled; deeper
/// ones are walked by silent_nested, a function per type.
inline constexpr int silent_max_nesting = 3;

/// How many member and element decoders the silent walk may inline for one root type (deeper
/// structures are read from their tables, deeper lists and maps by a function per type). Each
/// inlined decoder of a string is about 1 KB of code at -O2 and a generated service has thousands:
/// the flat responses the seed operation and most AWS operations return (up to 16 members; the
/// seed's 13) are inlined whole, the rest of a model costs tables. AWSJSON_DECODE_INLINE_BUDGET
/// (detail/config.hpp) sets it; 0 reads the root from its table too.
inline constexpr std::size_t silent_inline_budget = AWSJSON_DECODE_INLINE_BUDGET;

/// Member and element decoders inlined for a T with `Left` levels to go (a custom codec: none).
template <class T, int Left>
constexpr std::size_t silent_inlined() {
  constexpr value_kind k = kind_of<T>;
  if constexpr (k == value_kind::custom) {
    return 0;
  } else if constexpr (k == value_kind::optional || k == value_kind::indirect) {
    return silent_inlined<typename T::value_type, Left>();
  } else if constexpr (Left == 0 || !(k == value_kind::list || k == value_kind::map || k == value_kind::structure ||
                                      k == value_kind::tagged_union)) {
    return 1;
  } else if constexpr (!unrolled_struct<T>) {
    return 1;  // read from its table
  } else if constexpr (k == value_kind::list) {
    return 1 + silent_inlined<typename T::value_type, Left - 1>();
  } else if constexpr (k == value_kind::map) {
    return 1 + silent_inlined<typename T::mapped_type, Left - 1>();
  } else {
    std::size_t n = 1;
    boost::mp11::mp_for_each<members_of<T>>(
        [&](auto d) { n += silent_inlined<std::remove_cvref_t<decltype(std::declval<T&>().*d.pointer)>, Left - 1>(); });
    return n;
  }
}

/// Levels unrolled below a root T: as many as the budget allows, at most silent_max_nesting (the
/// root's own members are always inlined).
template <class T>
inline constexpr int silent_levels = []<int... L>(std::integer_sequence<int, L...>) {
  int levels = 0;  // the root's members, as the root's own decoder: silent_inlined counts it as 1
  ((levels = silent_inlined<T, L + 2>() <= silent_inline_budget + 1 ? L + 1 : levels), ...);
  return levels;
}
(std::make_integer_sequence<int, silent_max_nesting>{});

/// The levels the silent walk unrolls from a root T, the root's own members included (0: none,
/// the root is read from its table).
template <class T>
inline constexpr int silent_root_levels = silent_inline_budget == 0 ? 0 : silent_levels<T> + 1;

/// Whether the silent walk can take a T: no custom codec within the levels it unrolls, nor where
/// it stops (a custom codec takes simdjson's value itself).
template <class T, int Left = silent_root_levels<T>>
constexpr bool silent_walkable() {
  constexpr value_kind k = kind_of<T>;
  if constexpr (k == value_kind::custom) {
    return false;
  } else if constexpr (k == value_kind::optional || k == value_kind::indirect) {
    return silent_walkable<typename T::value_type, Left>();
  } else if constexpr (Left == 0) {
    return true;  // not unrolled: silent_nested walks it, and gives up on a custom codec there
  } else if constexpr (k == value_kind::list) {
    return silent_walkable<typename T::value_type, Left - 1>();
  } else if constexpr (k == value_kind::map) {
    return silent_walkable<typename T::mapped_type, Left - 1>();
  } else if constexpr ((k == value_kind::structure || k == value_kind::tagged_union) && unrolled_struct<T>) {
    return []<class... D>(boost::mp11::mp_list<D...>) {
      return (silent_walkable<std::remove_cvref_t<decltype(std::declval<T&>().*D::pointer)>, Left - 1>() && ...);
    }(boost::mp11::mp_rename<members_of<T>, boost::mp11::mp_list>{});
  } else {
    return true;
  }
}

/// A list or map below the levels the silent walk unrolls in its parent: walked by a function of
/// its own (one per type, shared by every parent that holds it), whose structures are read from
/// their tables. The code of a deep or recursive model (a generated service's responses,
/// DynamoDB's AttributeValue) stays proportional to its number of shapes, and a nested document is
/// still walked in one pass.
template <class T>
AWSJSON_NOINLINE bool silent_nested(od::value& v, T& out, silent_context& ctx) {
  return walk_value<unbounded_levels>(v, out, ctx);
}

/// The silent walk of a document whose root is a T: true when it decoded, false having decided
/// nothing (the reporting walk then runs). Everything above is inlined here.
template <class T>
AWSJSON_NOINLINE bool silent_decode(od::parser& parser, simdjson::padded_string_view const& json, T& out,
                                    decode_options const& options, std::string& scratch) {
  silent_context ctx{options, scratch};
  return walk_document<silent_root_levels<T>>(parser, json, out, ctx);
}

/// The reporting walk of a whole document: out of line, so that the caller of a silent walk that
/// succeeds keeps a small frame.
template <class T>
AWSJSON_NOINLINE error reported_decode(simdjson::padded_string_view const& json, T& out,
                                       decode_options const& options) {
  auto& st = this_thread_state();
  error err;
  decode_context ctx(options, err, st.scratch);
  (void)walk_document<unbounded_levels>(st.parser, json, out, ctx);
  return err;
}

// The silent walk first; the reporting one when it says no.
template <class T>
error decode_padded(simdjson::padded_string_view const& json, T& out, decode_options const& options) {
  if constexpr (AWSJSON_DECODE_SILENT_WALK && kind_of<T> == value_kind::structure && silent_walkable<T>()) {
    auto& st = this_thread_state();
    if (silent_decode(st.parser, json, out, options, st.scratch)) return error{};
  }
  return reported_decode(json, out, options);
}

/// `json` copied into the thread's buffer, with simdjson's padding after it.
inline simdjson::padded_string_view padded_in_thread_buffer(std::string_view json) {
  auto& buf = this_thread_state().padded;
  buf.reserve(json.size() + simdjson::SIMDJSON_PADDING);
  buf.assign(json);
  return simdjson::padded_string_view(buf.data(), buf.size(), buf.capacity());
}

template <class T>
error decode_unpadded(std::string_view json, T& out, decode_options const& options) {
  return decode_padded(padded_in_thread_buffer(json), out, options);
}

/// The reporting walk alone, for documents decoded seldom (a service error's shape): the silent
/// walk would add its code, and the time to compile it, to every such type and save nothing.
template <class T>
error decode_seldom(std::string_view json, T& out, decode_options const& options) {
  return reported_decode(padded_in_thread_buffer(json), out, options);
}

}  // namespace detail

/// For custom codecs: decodes a part of a custom value (a string, a described structure, any type
/// awsjson knows, custom ones included) with the library's own rules; errors go to the same
/// context, with their paths.
template <class T>
bool decode_value(simdjson::ondemand::value& v, T& out, decode_context& ctx) {
  return detail::walk_value<detail::unbounded_levels>(v, out, ctx);
}

}  // namespace awsjson
