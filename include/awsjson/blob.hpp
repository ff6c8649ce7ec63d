// Blobs: binary data carried as base64 text (RFC 4648, standard alphabet, with padding).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "status.hpp"

namespace awsjson {

/// The model's blob type. Any other type can be a blob by specializing is_blob.
using blob = std::vector<std::byte>;

template <class T>
inline constexpr bool is_blob = false;
template <>
inline constexpr bool is_blob<std::vector<std::byte>> = true;

namespace detail {
inline constexpr char base64_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

constexpr int base64_value(char c) noexcept {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}
}  // namespace detail

/// Appends the base64 form of `data`.
template <class Bytes>
void append_base64(std::string& out, Bytes const& data) {
  auto const* p = reinterpret_cast<unsigned char const*>(data.data());
  std::size_t n = data.size(), i = 0;
  out.reserve(out.size() + (n + 2) / 3 * 4);
  for (; i + 3 <= n; i += 3) {
    unsigned v = unsigned(p[i]) << 16 | unsigned(p[i + 1]) << 8 | p[i + 2];
    out += detail::base64_alphabet[v >> 18];
    out += detail::base64_alphabet[v >> 12 & 63];
    out += detail::base64_alphabet[v >> 6 & 63];
    out += detail::base64_alphabet[v & 63];
  }
  if (n - i == 1) {
    unsigned v = unsigned(p[i]) << 16;
    out += detail::base64_alphabet[v >> 18];
    out += detail::base64_alphabet[v >> 12 & 63];
    out += "==";
  } else if (n - i == 2) {
    unsigned v = unsigned(p[i]) << 16 | unsigned(p[i + 1]) << 8;
    out += detail::base64_alphabet[v >> 18];
    out += detail::base64_alphabet[v >> 12 & 63];
    out += detail::base64_alphabet[v >> 6 & 63];
    out += '=';
  }
}

/// Why base64 text could not be decoded.
enum class base64_status : unsigned char {
  ok = 0,
  bad_length,     ///< the length is not a multiple of 4
  bad_character,  ///< a character outside the alphabet, or padding before the end
};

constexpr char const* describe(base64_status s) noexcept {
  switch (s) {
    case base64_status::bad_length:
      return "base64 length is not a multiple of 4";
    case base64_status::bad_character:
      return "invalid base64 character";
    default:
      return "ok";
  }
}

/// Decodes base64 text into `out` (replacing its contents). Returns base64_status::ok, or what is
/// wrong: the length must be a multiple of 4, padding only at the end, only alphabet characters.
template <class Bytes>
[[nodiscard]] parse_result<base64_status> decode_base64(std::string_view s, Bytes& out) {
  out.clear();
  if (s.size() % 4 != 0) return base64_status::bad_length;
  out.reserve(s.size() / 4 * 3);
  using byte = typename Bytes::value_type;
  for (std::size_t i = 0; i < s.size(); i += 4) {
    int pad = 0;
    if (i + 4 == s.size()) pad = (s[i + 3] == '=') + (s[i + 3] == '=' && s[i + 2] == '=');
    int v[4];
    for (int k = 0; k < 4 - pad; ++k)
      if ((v[k] = detail::base64_value(s[i + std::size_t(k)])) < 0) return base64_status::bad_character;
    for (int k = 4 - pad; k < 4; ++k) v[k] = 0;
    unsigned word = unsigned(v[0]) << 18 | unsigned(v[1]) << 12 | unsigned(v[2]) << 6 | unsigned(v[3]);
    out.push_back(byte(word >> 16));
    if (pad < 2) out.push_back(byte(word >> 8 & 0xff));
    if (pad < 1) out.push_back(byte(word & 0xff));
  }
  return base64_status::ok;
}

}  // namespace awsjson
