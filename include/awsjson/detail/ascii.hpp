// ASCII helpers shared by the codec and the HTTP side.
#pragma once

#include <string_view>

namespace awsjson::detail {

constexpr char ascii_lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

/// Case-insensitive equality of ASCII text (HTTP header names, error codes).
constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

/// Whitespace as JSON (RFC 8259) and HTTP header values know it: space, tab, line feed, return.
constexpr bool is_whitespace(char c) noexcept { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

/// Text without the whitespace at its end (a token simdjson hands out runs up to the next one).
constexpr std::string_view trim_token(std::string_view tok) noexcept {
  while (!tok.empty() && is_whitespace(tok.back())) tok.remove_suffix(1);
  return tok;
}

/// The text from its first character that is not whitespace ("" when there is none).
constexpr std::string_view skip_whitespace(std::string_view text) noexcept {
  while (!text.empty() && is_whitespace(text.front())) text.remove_prefix(1);
  return text;
}

/// A hexadecimal digit's value, or -1.
constexpr int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace awsjson::detail
