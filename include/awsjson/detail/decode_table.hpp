// Structures as tables: the reporting decode walk, and the silent one below its unrolled levels
// (awsjson/decode.hpp). One row per member; the rows' functions exist once per member type.
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
#include "decode_collections.hpp"
#include "json_string.hpp"
#include "member_offset.hpp"
#include "member_set.hpp"
#include "raw_name.hpp"
#include "raw_values.hpp"
#include "structure_table.hpp"

namespace awsjson::detail {

namespace od = simdjson::ondemand;

// ---- Structures as tables (the reporting walk, and the silent walk below its unrolled levels) ----
//
// A structure's decoder is data: one row per member (its key, where it lies in the object, its
// metadata, and the decoder and reset of its type; detail/structure_table.hpp), read by
// decode_from_table, compiled once per context. The rows' functions exist once per member *type* (decode_member_of), so
// a model's decoders cost code in proportion to its kinds of members, not to its members.

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

/// A member, as the decode walk with context Ctx reads it.
template <class Ctx>
struct decode_row {
  std::uint64_t word;  ///< the key's first bytes and its closing quote, as load_word reads them
  std::uint64_t mask;  ///< the bytes of `word` the key fills (all when it is 7 bytes or longer)
  std::string_view key;
  member_info const* info;
  member_decoder<Ctx> decode;
  void (*reset)(void* member);
  row_leaf leaf;
};

/// The decode walk with context Ctx, for structure_table_of.
template <class Ctx>
struct decode_walk {
  using row = decode_row<Ctx>;
  template <class T, class D>
  static constexpr row row_of(std::string_view key) {
    using M = member_type_t<T, D>;
    return {quoted_key_word(key),      quoted_key_mask(key.size()), key,           &member_meta<T, D>,
            &decode_member_of<Ctx, M>, &reset_member_of<M>,         row_leaf_of<M>};
  }
  template <class T, class... D>
  static constexpr std::array<row, sizeof...(D)> rows_of(boost::mp11::mp_list<D...>) {
    std::size_t i = 0;
    return {row_of<T, D>(member_keys<T>[i++])...};
  }
};

template <class Ctx>
using decode_table = structure_table<decode_row<Ctx>>;

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

/// The row in [from, to) whose key the raw key at `raw` is; `to` when none is.
template <class Ctx>
AWSJSON_ALWAYS_INLINE std::size_t find_row(char const* raw, decode_row<Ctx> const* rows, std::size_t from,
                                           std::size_t to) noexcept {
  for (std::size_t i = from; i < to; ++i)
    if (raw_is_row_key(raw, rows[i].word, rows[i].mask, rows[i].key)) return i;
  return to;
}

/// A structure's members from a table: the rules of walk_members, with keys and decoders read from
/// rows rather than unrolled; Set keeps which members the document carried.
template <class Set, class Ctx>
AWSJSON_ALWAYS_INLINE bool decode_members_from_table_with(od::object& obj, char* out, decode_table<Ctx> const& t,
                                                          Ctx& ctx) {
  std::size_t const n = t.size;
  decode_row<Ctx> const* const rows = t.rows;
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
      decode_row<Ctx> const& r = rows[index];
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

/// decode_members_from_table_with the set that fits the structure: one word for 64 members or fewer.
template <class Ctx>
AWSJSON_NOINLINE bool decode_members_from_table(od::object& obj, char* out, decode_table<Ctx> const& t, Ctx& ctx) {
  if (t.size <= member_set_word_bits) [[likely]]
    return decode_members_from_table_with<narrow_member_set>(obj, out, t, ctx);
  return decode_members_from_table_with<wide_member_set>(obj, out, t, ctx);
}

/// A structure, or a tagged union, from its table.
template <class Ctx>
AWSJSON_NOINLINE bool decode_from_table(od::value& v, void* out, decode_table<Ctx> const& t, Ctx& ctx) {
  sensitive_scope scope(ctx.sensitive, t.sensitive);  // a shape sensitive as a whole
  od::object obj;
  if (v.get_object().get(obj)) return ctx.mismatch(v, "an object");
  if (t.as_union) const_cast<tagged_union*>(t.as_union(out))->unknown_member.reset();
  if (!enter(ctx) || !decode_members_from_table(obj, static_cast<char*>(out), t, ctx)) return false;
  --ctx.depth;
  if (t.as_union) {
    if (std::size_t set = t.members_set(out); set != 1) return union_failure(set, ctx);
  }
  return true;
}

}  // namespace awsjson::detail
