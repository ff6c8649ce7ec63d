// Parser outcomes: a status enum per parser (`timestamp_status`, `base64_status`), each with a
// `describe()`, carried in one result type so that callers test codes, never message text.
//
//   if (auto r = awsjson::parse_date_time(text, t)) {   // true when something is wrong
//     if (r.code == awsjson::timestamp_status::no_such_date) ...
//     log(r.describe());
//   }
#pragma once

#include <cstddef>
#include <string_view>

namespace awsjson {

namespace detail {
template <class E>
constexpr char const* describe_status(E c) noexcept {
  return describe(c);  // the status enum's own describe(), found by argument-dependent lookup
}
}  // namespace detail

/// What a parser returns: `E{}` (each status enum's `ok`) on success, else what is wrong.
/// Converts to true when something is wrong. The first releases returned the description as a
/// `char const*` (nullptr on success); the implicit conversion keeps code written against them
/// compiling (`char const* p = parse_...`, `== nullptr`, comparing with the text), but new code
/// should test `code`.
template <class E>
struct [[nodiscard]] parse_result {
  E code{};

  constexpr parse_result() noexcept = default;
  constexpr parse_result(E c) noexcept : code(c) {}  // NOLINT: a status is a result

  constexpr explicit operator bool() const noexcept { return code != E{}; }
  /// What is wrong, as a sentence fragment ("no such calendar date"); "ok" on success.
  constexpr char const* describe() const noexcept { return detail::describe_status(code); }
  /// Deprecated form of the first releases: nullptr on success, else the description.
  constexpr operator char const*() const noexcept { return code == E{} ? nullptr : detail::describe_status(code); }

  friend constexpr bool operator==(parse_result a, parse_result b) noexcept { return a.code == b.code; }
  friend constexpr bool operator==(parse_result a, E b) noexcept { return a.code == b; }
  /// The first releases' tests of a result: `== nullptr` for success, or the reason's text.
  friend constexpr bool operator==(parse_result a, std::nullptr_t) noexcept { return a.code == E{}; }
  friend constexpr bool operator==(parse_result a, std::string_view text) noexcept {
    return a.code != E{} && text == detail::describe_status(a.code);
  }
};

}  // namespace awsjson
