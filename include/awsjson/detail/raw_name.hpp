// Matching a raw JSON string against names known at compile time (member keys, enum values).
//
// `raw` points just past the string's opening quote, inside simdjson's padded input. Each name is
// compared as a compile-time constant, its bytes and then the closing quote, like simdjson's
// unsafe_is_equal: no unescaping and no scan for the string's end. A string written with escapes
// never matches here; callers fall back to unescaping it.
#pragma once

#include <simdjson.h>

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>

#include "json_string.hpp"

namespace awsjson::detail {

/// The 8 bytes of `k` from `at`, as a little-endian load of them would read.
constexpr std::uint64_t word_of(std::string_view k, std::size_t at) noexcept {
  std::uint64_t w = 0;
  for (std::size_t j = 0; j < 8; ++j) w |= std::uint64_t(static_cast<unsigned char>(k[at + j])) << 8 * j;
  return w;
}

inline std::uint64_t load_word(char const* p) noexcept {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

/// The first bytes of key `k` followed by its closing quote, as load_word reads them (8 bytes at
/// most), and the mask of the bytes they fill.
constexpr std::uint64_t quoted_key_word(std::string_view k) noexcept {
  std::uint64_t w = 0;
  for (std::size_t j = 0; j < 8 && j <= k.size(); ++j)
    w |= std::uint64_t(static_cast<unsigned char>(j < k.size() ? k[j] : '"')) << 8 * j;
  return w;
}
constexpr std::uint64_t quoted_key_mask(std::size_t n) noexcept {
  return n >= 7 ? ~std::uint64_t(0) : ~std::uint64_t(0) >> 8 * (7 - n);
}

/// Whether the raw string at `raw` is exactly `Names[I]` (unescaped).
template <auto const& Names, std::size_t I>
inline bool raw_is(char const* raw) noexcept {
  constexpr std::string_view k = Names[I];
  constexpr std::size_t n = k.size();
  // Reading n + 1 bytes from a shorter string stays inside the document or its padding, as long
  // as n is well under the padding.
  if constexpr (n >= simdjson::SIMDJSON_PADDING / 2) {
    bool escaped;
    return raw_string_length(raw, escaped) == n && std::memcmp(raw, k.data(), n) == 0;
  } else if constexpr (n >= 8 && std::endian::native == std::endian::little) {
    // Whole 8-byte words against constants (the last one overlapping), then the closing quote:
    // no call to memcmp, which the compiler makes for names longer than a few bytes.
    constexpr std::size_t whole = (n - 1) / 8;
    constexpr auto words = [k] {
      std::array<std::uint64_t, whole + 1> w{};
      for (std::size_t i = 0; i < whole; ++i) w[i] = word_of(k, i * 8);
      w[whole] = word_of(k, n - 8);
      return w;
    }();
    if (load_word(raw) != words[0]) return false;  // most other names differ here: one compare
    std::uint64_t diff = load_word(raw + n - 8) ^ words[whole];
    for (std::size_t i = 1; i < whole; ++i) diff |= load_word(raw + i * 8) ^ words[i];
    return diff == 0 && raw[n] == '"';
  } else if constexpr (std::endian::native == std::endian::little) {
    // The name and its closing quote fit in one word: compare those bytes of it.
    constexpr std::uint64_t mask = quoted_key_mask(n), word = quoted_key_word(k);  // constants, not calls
    return (load_word(raw) & mask) == word;
  } else {
    return std::memcmp(raw, k.data(), n) == 0 && raw[n] == '"';
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
