// open_enum<E>: an enum that keeps wire values it does not know.
//
// AWS adds enum values without notice, and Smithy says clients must neither fail on them nor
// lose them. An open_enum holds either an enumerator of E or the unknown wire string verbatim;
// an unknown value compares unequal to every enumerator and encodes back unchanged.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "enum.hpp"

namespace awsjson {

template <described_enum E>
class open_enum {
 public:
  using enum_type = E;

  constexpr open_enum() noexcept = default;
  constexpr open_enum(E e) noexcept : value_(e) {}  // NOLINT: implicit, so `x = E::FOO` reads naturally

  /// From a wire string: the enumerator if known, else the string kept as is.
  static open_enum from_string(std::string_view wire) {
    open_enum r;
    r.assign(wire);
    return r;
  }

  /// Replaces the value with the one a wire string names (reuses the unknown string's capacity).
  void assign(std::string_view wire) {
    if (auto e = enum_from_string<E>(wire)) {
      assign(*e);
    } else {
      known_ = false;
      unknown_.assign(wire);
    }
  }

  /// Replaces the value with a known enumerator (keeps the unknown string's capacity for reuse).
  void assign(E e) noexcept {
    value_ = e;
    known_ = true;
    unknown_.clear();
  }

  constexpr bool is_known() const noexcept { return known_; }
  /// The enumerator, or nullopt for a value this build does not know.
  constexpr std::optional<E> known() const noexcept { return known_ ? std::optional<E>(value_) : std::nullopt; }
  /// The wire string, known or not.
  std::string_view wire() const noexcept { return known_ ? awsjson::to_string(value_) : std::string_view(unknown_); }

  friend bool operator==(open_enum const& a, E b) noexcept { return a.known_ && a.value_ == b; }
  friend bool operator==(open_enum const& a, open_enum const& b) noexcept { return a.wire() == b.wire(); }

 private:
  E value_{};
  bool known_ = true;
  std::string unknown_;
};

template <class T>
inline constexpr bool is_open_enum = false;
template <class E>
inline constexpr bool is_open_enum<open_enum<E>> = true;

/// The wire string of an open enum value, unknown ones included.
template <class E>
std::string_view to_string(open_enum<E> const& e) noexcept {
  return e.wire();
}

}  // namespace awsjson
