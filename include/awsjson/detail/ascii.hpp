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

}  // namespace awsjson::detail
