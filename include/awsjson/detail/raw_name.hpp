// Matching a raw JSON string against names known at compile time (member keys, enum values).
//
// `raw` points just past the string's opening quote, inside simdjson's padded input. Each name is
// compared as a compile-time constant, its bytes and then the closing quote, like simdjson's
// unsafe_is_equal: no unescaping and no scan for the string's end. A string written with escapes
// never matches here; callers fall back to unescaping it.
#pragma once

#include <simdjson.h>

#include <array>
#include <cstddef>
#include <cstring>
#include <string_view>
#include <utility>

#include "json_string.hpp"

namespace awsjson::detail {

/// Whether the raw string at `raw` is exactly `Names[I]` (unescaped).
template <auto const& Names, std::size_t I>
inline bool raw_is(char const* raw) noexcept {
  constexpr std::string_view k = Names[I];
  if constexpr (k.size() < simdjson::SIMDJSON_PADDING / 2) {
    // Reading k + 1 bytes from a shorter string stays inside the document or its padding.
    return std::memcmp(raw, k.data(), k.size()) == 0 && raw[k.size()] == '"';
  } else {
    bool escaped;
    return raw_string_length(raw, escaped) == k.size() && std::memcmp(raw, k.data(), k.size()) == 0;
  }
}

/// The index in `Names` of the name the raw string at `raw` spells, or Names.size() if none.
/// A chain of constant comparisons: for a recurring document shape the branches are learnt.
template <auto const& Names>
inline std::size_t raw_index(char const* raw) noexcept {
  constexpr std::size_t n = Names.size();
  return [raw]<std::size_t... I>(std::index_sequence<I...>) {
    std::size_t index = n;
    (void)((raw_is<Names, I>(raw) ? (index = I, true) : false) || ...);
    return index;
  }
  (std::make_index_sequence<n>{});
}

}  // namespace awsjson::detail
