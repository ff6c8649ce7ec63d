// Which Smithy shape kind a C++ type plays: kind_of<T>, the one classification that decode,
// encode, print, validate and reset dispatch on.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "blob.hpp"
#include "codec.hpp"
#include "detail/config.hpp"
#include "detail/member_offset.hpp"
#include "detail/structure_table.hpp"
#include "document.hpp"
#include "indirect.hpp"
#include "open_enum.hpp"
#include "reflect.hpp"
#include "tagged_union.hpp"
#include "timestamp.hpp"

namespace awsjson {

template <class T>
inline constexpr bool is_optional = false;
template <class T>
inline constexpr bool is_optional<std::optional<T>> = true;

namespace detail {
template <class T>
struct unwrap_optional {
  using type = T;
};
template <class T>
struct unwrap_optional<std::optional<T>> {
  using type = T;
};
}  // namespace detail

/// T, or what a std::optional<T> holds: the type of a member's value, present or not.
template <class T>
using unwrap_optional_t = typename detail::unwrap_optional<T>::type;

/// A list: std::vector<T> that is not a blob.
template <class T>
inline constexpr bool is_list = false;
template <class T, class A>
inline constexpr bool is_list<std::vector<T, A>> = !is_blob<std::vector<T, A>>;

/// A map: an associative container keyed by std::string (std::map, std::unordered_map, or any
/// other with their interface). Recognised by its interface, so that the model headers need
/// neither <map> nor <unordered_map> unless their types use one.
template <class T>
inline constexpr bool is_map = requires(T& m, std::string const& k) {
  requires std::is_same_v<typename T::key_type, std::string>;
  typename T::mapped_type;
  m[k];
  m.clear();
};

template <class T>
inline constexpr bool is_integer = std::is_integral_v<T> && !std::is_same_v<T, bool> && !std::is_same_v<T, char>;

/// A type with a specialization of awsjson::codec<T>: the codec decides everything about it.
template <class T>
concept has_codec = requires {
  sizeof(codec<T>);
};

/// The kinds of value awsjson knows, one per Smithy shape kind it maps (and `custom`).
enum class value_kind : unsigned char {
  custom,        ///< has an awsjson::codec<T> specialization (checked first: it overrides the rest)
  string,        ///< std::string
  boolean,       ///< bool
  integer,       ///< 8- to 64-bit signed and unsigned integers (not bool, not char)
  floating,      ///< float, double
  enumeration,   ///< a described enum
  open_enum,     ///< awsjson::open_enum<E>
  timestamp,     ///< std::chrono::sys_time<D>
  blob,          ///< awsjson::blob, or any type with is_blob<T> (checked before list)
  optional,      ///< std::optional<T>
  list,          ///< std::vector<T>
  map,           ///< a string-keyed associative container
  structure,     ///< a described struct
  tagged_union,  ///< a described struct deriving from awsjson::tagged_union (checked before structure)
  document,      ///< awsjson::document: any JSON value, kept as its text
  indirect,      ///< awsjson::indirect<T>: a T held on the heap (recursion by value); seen through
  unsupported,   ///< none of these: decode and encode stop with a static_assert
};

namespace detail {
template <class T>
constexpr value_kind classify() noexcept {
  if constexpr (has_codec<T>)
    return value_kind::custom;
  else if constexpr (std::is_same_v<T, std::string>)
    return value_kind::string;
  else if constexpr (std::is_same_v<T, bool>)
    return value_kind::boolean;
  else if constexpr (is_integer<T>)
    return value_kind::integer;
  else if constexpr (std::is_floating_point_v<T>)
    return value_kind::floating;
  else if constexpr (described_enum<T>)
    return value_kind::enumeration;
  else if constexpr (is_open_enum<T>)
    return value_kind::open_enum;
  else if constexpr (is_timestamp<T>)
    return value_kind::timestamp;
  else if constexpr (is_blob<T>)
    return value_kind::blob;
  else if constexpr (is_optional<T>)
    return value_kind::optional;
  else if constexpr (is_indirect<T>)
    return value_kind::indirect;
  else if constexpr (is_list<T>)
    return value_kind::list;
  else if constexpr (is_map<T>)
    return value_kind::map;
  else if constexpr (std::is_same_v<T, document>)
    return value_kind::document;
  else if constexpr (is_tagged_union<T>)
    return value_kind::tagged_union;
  else if constexpr (described_struct<T>)
    return value_kind::structure;
  else
    return value_kind::unsupported;
}
}  // namespace detail

/// The kind T plays. The order of the tests lives here only: a custom codec first, a blob before
/// a list, a tagged union before a structure.
template <class T>
inline constexpr value_kind kind_of = detail::classify<std::remove_cv_t<T>>();

template <class T>
void reset_value(T& x);

namespace detail {
/// reset_value through a pointer: one function per member type, what a structure's reset table
/// (and decode's table) holds.
template <class M>
void reset_member_of(void* m) {
  reset_value(*static_cast<M*>(m));
}

/// A member, as the reset walk reads it.
struct reset_row {
  void (*reset)(void* member);
};

/// The reset walk, for structure_table_of.
struct reset_walk {
  using row = reset_row;
  template <class T, class... D>
  static constexpr std::array<row, sizeof...(D)> rows_of(boost::mp11::mp_list<D...>) {
    return {row{&reset_member_of<member_type_t<T, D>>}...};
  }
};

AWSJSON_NOINLINE inline void reset_from_table(void* x, structure_table<reset_row> const& t) {
  reset_row const* const rows = t.rows;  // read once: the calls could change `t` for all the compiler knows
  std::size_t const n = t.size;
  std::size_t const* const offsets = t.offsets();
  for (std::size_t i = 0; i < n; ++i) rows[i].reset(static_cast<char*>(x) + offsets[i]);
}
}  // namespace detail

/// Resets a value to its zero value, keeping any capacity it has (strings, lists, maps).
template <class T>
void reset_value(T& x) {
  constexpr value_kind k = kind_of<T>;
  if constexpr (k == value_kind::optional) {
    x.reset();
  } else if constexpr (k == value_kind::indirect) {
    reset_value(x.ensure_value());
  } else if constexpr (k == value_kind::string || k == value_kind::list || k == value_kind::map ||
                       k == value_kind::blob) {
    x.clear();
  } else if constexpr (k == value_kind::structure || k == value_kind::tagged_union) {
    detail::reset_from_table(&x, detail::table_of<detail::reset_walk, T>);
    if constexpr (k == value_kind::tagged_union) x.unknown_member.reset();
  } else if constexpr (k == value_kind::document) {
    x = document{};
  } else {
    x = T{};
  }
}

}  // namespace awsjson
