// The bridge between Boost.Describe and the metadata: which types are structures and enums,
// their members in declaration order, and each member's metadata, all at compile time.
#pragma once

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>
#include <boost/describe/enumerators.hpp>
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <array>
#include <string_view>

#include "metadata.hpp"

namespace awsjson {

template <class T>
concept described_struct = boost::describe::has_describe_members<T>::value && std::is_class_v<T>;

template <class T>
concept described_enum = boost::describe::has_describe_enumerators<T>::value && std::is_enum_v<T>;

/// Public data members of T (including those of described bases), in declaration order.
template <class T>
using members_of = boost::describe::describe_members<T, boost::describe::mod_public | boost::describe::mod_inherited>;

namespace detail {
template <class T>
constexpr bool metadata_names_members() {
  constexpr auto s = shape_of<T>();
  for (auto const& m : s.members) {
    bool found = false;
    boost::mp11::mp_for_each<members_of<T>>([&](auto d) { found = found || m.name == d.name; });
    if (!found) return false;
  }
  return true;
}
}  // namespace detail

/// Metadata of the member behind descriptor D of T. Checks once per type that every
/// name in awsjson_shape is a described member, so a typo is a compile error, not a silent default.
template <class T, class D>
inline constexpr member_info member_meta = [] {
  static_assert(detail::metadata_names_members<T>(), "awsjson_shape names a member the type does not describe");
  return member_of<T>(D::name);
}();

namespace detail {
// The JSON keys of T's members, in declaration order.
template <class T>
inline constexpr auto member_keys = [] {
  using Ms = members_of<T>;
  std::array<std::string_view, boost::mp11::mp_size<Ms>::value> keys{};
  std::size_t i = 0;
  boost::mp11::mp_for_each<Ms>([&](auto d) { keys[i++] = member_meta<T, decltype(d)>.key(); });
  return keys;
}();

}  // namespace detail

}  // namespace awsjson
