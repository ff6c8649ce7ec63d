// Lists, maps, documents, unknown members and the members of structures for the decode walk
// (awsjson/decode.hpp), and the rules every structure walk shares.
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
#include "decode_scalars.hpp"
#include "json_string.hpp"
#include "member_offset.hpp"
#include "member_set.hpp"
#include "raw_name.hpp"
#include "raw_values.hpp"

namespace awsjson::detail {

namespace od = simdjson::ondemand;

// ---- Collections and structures -----------------------------------------------------------------

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
                (kind_of<M> == value_kind::optional && kind_of<unwrap_optional_t<M>> == value_kind::document)) {
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

}  // namespace awsjson::detail
