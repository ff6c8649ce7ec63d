// decode: JSON text to any described type, with simdjson's on-demand parser.
//
// One generic codec, written once: it dispatches on the shape kind of each C++ type and reads
// the model metadata at compile time. It never names a member of a model type.
//
// A structure's decoder is data: a table per type (one row per member: key, metadata, and the
// decoder and reset of the member's type), read by decode_members_from_table, one function per context;
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
// is written once, here and in detail/decode_*.hpp (contexts, scalars, collections and members,
// structures unrolled, structures as tables), and holds on every path.
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
#include "detail/config.hpp"
#include "detail/decode_table.hpp"
#include "detail/decode_unrolled.hpp"
#include "type_traits.hpp"

namespace awsjson {

namespace detail {

namespace od = simdjson::ondemand;

// ---- Dispatch: one value of any kind, one whole document -------------------------------------

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
    return decode_from_table(v, &out, table_of<decode_walk<Ctx>, T>, ctx);  // not unrolled: the type's table
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
      if (!decode_members_from_table(obj, reinterpret_cast<char*>(&out), table_of<decode_walk<Ctx>, T>, ctx))
        return false;
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
