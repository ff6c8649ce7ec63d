// Where a described struct's members lie: their offsets, for the codec's per-type tables (decode
// and encode read a structure's members through a table of offsets rather than code per member).
#pragma once

#include <array>
#include <cstddef>
#include <cstring>
#include <type_traits>
#include <utility>

#include <boost/mp11/algorithm.hpp>

#include "../reflect.hpp"

namespace awsjson::detail {

/// A member's offset in T. Data member pointers are offsets in the Itanium C++ ABI, the ABI of
/// the only compilers awsjson supports (detail/config.hpp); a member of a base is converted to
/// one of T first, which adds the base's offset.
template <class T, class M>
std::size_t member_offset(M T::*p) noexcept {
  static_assert(sizeof(p) == sizeof(std::ptrdiff_t), "a data member pointer is an offset (Itanium C++ ABI)");
  std::ptrdiff_t offset;
  std::memcpy(&offset, &p, sizeof offset);
  return std::size_t(offset);
}

/// The type of the member a Boost.Describe descriptor D names in T.
template <class T, class D>
using member_type_t = std::remove_cvref_t<decltype(std::declval<T&>().*D::pointer)>;

/// The offsets of T's members, in member order: the one part of a table C++ cannot compute at
/// compile time (a member pointer cannot become a number in a constant expression), so computed
/// once, on first use.
template <class T>
std::size_t const* member_offsets() {
  static const auto offsets = []<class... D>(boost::mp11::mp_list<D...>) {
    return std::array<std::size_t, sizeof...(D) + 1>{member_offset<T, member_type_t<T, D>>(D::pointer)..., 0};
  }(boost::mp11::mp_rename<members_of<T>, boost::mp11::mp_list>{});
  return offsets.data();
}

}  // namespace awsjson::detail
