// Enum <-> wire string for described enums.
//
// The wire name is the enumerator's name unless the type supplies overrides, for wire values
// that are not C++ identifiers (`Intelligent-Tiering`, `AWS::EC2::Instance`):
//
//   constexpr auto awsjson_enum_wire_names(StorageClass const*) {
//     return std::array{awsjson::enum_wire{StorageClass::Intelligent_Tiering, "Intelligent-Tiering"}};
//   }
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "reflect.hpp"

namespace awsjson {

template <class E>
struct enum_wire {
  E value;
  std::string_view wire;
};
template <class E, class S>
enum_wire(E, S) -> enum_wire<E>;  // clang 14 has no aggregate deduction

template <class E>
concept has_enum_wire_names = requires {
  awsjson_enum_wire_names(static_cast<E const*>(nullptr));
};

namespace detail {
template <class E>
constexpr auto make_enum_table() {
  using Ds = boost::describe::describe_enumerators<E>;
  std::array<enum_wire<E>, boost::mp11::mp_size<Ds>::value> table{};
  std::size_t i = 0;
  boost::mp11::mp_for_each<Ds>([&](auto d) { table[i++] = {d.value, d.name}; });
  if constexpr (has_enum_wire_names<E>) {
    for (auto const& o : awsjson_enum_wire_names(static_cast<E const*>(nullptr)))
      for (auto& t : table)
        if (t.value == o.value) t.wire = o.wire;
  }
  return table;
}
}  // namespace detail

/// All enumerators of E with their wire names, in declaration order.
template <described_enum E>
inline constexpr auto enum_table = detail::make_enum_table<E>();

/// The wire names alone, in the same order (for matching raw input against them).
template <described_enum E>
inline constexpr auto enum_wire_names = [] {
  std::array<std::string_view, enum_table<E>.size()> names{};
  for (std::size_t i = 0; i < names.size(); ++i) names[i] = enum_table<E>[i].wire;
  return names;
}();

/// The wire string of an enumerator; empty if `e` is not one of E's enumerators.
template <described_enum E>
constexpr std::string_view to_string(E e) noexcept {
  for (auto const& t : enum_table<E>)
    if (t.value == e) return t.wire;
  return {};
}

/// The enumerator whose wire string is `s`, if any.
template <described_enum E>
constexpr std::optional<E> enum_from_string(std::string_view s) noexcept {
  for (auto const& t : enum_table<E>)
    if (t.wire == s) return t.value;
  return std::nullopt;
}

}  // namespace awsjson
