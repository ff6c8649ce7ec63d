// The syntax facts both pattern engines read the same way (detail/pattern.hpp rewrites them for
// RE2, detail/pattern_nfa.hpp compiles them): ECMAScript's white space, Java's POSIX classes, and
// what a `{n,m}` repetition says.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace awsjson::detail::pattern_syntax {
inline bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
inline bool is_hex(char c) noexcept { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

/// Java's POSIX classes (ASCII, as Java reads them), and Java's LD, as the body of a class.
inline std::optional<std::string_view> java_class(std::string_view name) {
  if (name == "Alnum") return "0-9A-Za-z";
  if (name == "Alpha") return "A-Za-z";
  if (name == "Digit") return "0-9";
  if (name == "Upper") return "A-Z";
  if (name == "Lower") return "a-z";
  if (name == "ASCII") return "\\x00-\\x7F";
  if (name == "Print") return "\\x20-\\x7E";
  if (name == "Graph") return "\\x21-\\x7E";
  if (name == "Punct") return "!-/:-@\\[-`{-~";
  if (name == "Space") return "\\t\\n\\x0B\\f\\r ";
  if (name == "LD") return "\\p{L}\\p{Nd}";
  return std::nullopt;
}

/// ECMAScript's WhiteSpace and LineTerminator (ECMA-262 \s), and their complement, as class bodies.
inline constexpr std::string_view ecma_space =
    "\\t\\n\\x0B\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}";
inline constexpr std::string_view ecma_non_space =
    "\\x00-\\x08\\x0E-\\x1F\\x21-\\x{9F}\\x{A1}-\\x{167F}\\x{1681}-\\x{1FFF}\\x{200B}-\\x{2027}\\x{202A}-\\x{202E}"
    "\\x{2030}-\\x{205E}\\x{2060}-\\x{2FFF}\\x{3001}-\\x{FEFE}\\x{FF00}-\\x{10FFFF}";

/// `{n}`, `{n,}` or `{n,m}` at p[i] ('{'): its bounds and length; nothing when it is a literal brace.
struct repeat {
  unsigned long min, max;  // max == -1: unbounded
  std::size_t length;
};
inline std::optional<repeat> read_repeat(std::string_view p, std::size_t i) {
  std::size_t j = i + 1;
  auto number = [&](unsigned long& n) {
    std::size_t from = j;
    n = 0;
    while (j < p.size() && is_digit(p[j]) && j - from < 9) n = n * 10 + unsigned(p[j++] - '0');
    return j > from;
  };
  repeat r{0, 0, 0};
  if (!number(r.min)) return std::nullopt;
  r.max = r.min;
  if (j < p.size() && p[j] == ',') {
    ++j;
    if (!number(r.max)) r.max = static_cast<unsigned long>(-1);
  }
  if (j >= p.size() || p[j] != '}' || r.max < r.min) return std::nullopt;
  r.length = j + 1 - i;
  return r;
}

}  // namespace awsjson::detail::pattern_syntax
