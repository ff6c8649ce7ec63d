// Structures unrolled: the silent decode walk's levels near the root (awsjson/decode.hpp), each
// member's key compared as a constant and its decoder inlined.
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

namespace awsjson::detail {

namespace od = simdjson::ondemand;

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

}  // namespace awsjson::detail
