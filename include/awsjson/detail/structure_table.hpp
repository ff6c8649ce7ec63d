// A structure as data, for every walk over structures (decode, encode, print, validate, reset):
// one row per member, made by the walk, in one table that also holds what every walk reads of
// the shape. A walk's code then exists once per walk and member *type*, not per structure.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include <boost/mp11/algorithm.hpp>

#include "../metadata.hpp"
#include "../reflect.hpp"
#include "../tagged_union.hpp"
#include "member_offset.hpp"

namespace awsjson::detail {

/// T's members as rows of type Row, with what the walks read of T itself.
template <class Row>
struct structure_table {
  Row const* rows;
  std::size_t size;
  std::size_t const* (*offsets)();                      ///< where each member lies in the object (member_offsets)
  std::string_view const* keys;                         ///< the members' JSON keys (member_keys)
  std::string_view name;                                ///< the shape's name
  bool sensitive;                                       ///< the shape is @sensitive as a whole
  tagged_union const* (*as_union)(void const* object);  ///< null for a structure
  std::size_t (*members_set)(void const* object);       ///< a union's members set; null for a structure
};

/// T's table for a walk. A walk is a class with its row type, `row`, and the function that makes
/// the rows of T's members from their descriptors, in order: `template <class T, class... D>
/// static constexpr std::array<row, sizeof...(D)> rows_of(boost::mp11::mp_list<D...>)` (one
/// function per structure: a function per member would cost the compiler more). (A class rather
/// than lambdas in a variable template: g++ 12 shares such lambdas between the template's
/// instantiations.)
template <class Walk, class T>
struct structure_table_of {
  using row = typename Walk::row;
  static constexpr auto rows = Walk::template rows_of<T>(boost::mp11::mp_rename<members_of<T>, boost::mp11::mp_list>{});
  static constexpr structure_table<row> table{rows.data(),
                                              rows.size(),
                                              &member_offsets<T>,
                                              member_keys<T>.data(),
                                              shape_of<T>().name,
                                              shape_of<T>().sensitive,
                                              union_base_function<T>(),
                                              union_members_set_function<T>()};
};

/// T's table for Walk.
template <class Walk, class T>
inline constexpr structure_table<typename Walk::row> const& table_of = structure_table_of<Walk, T>::table;

}  // namespace awsjson::detail
