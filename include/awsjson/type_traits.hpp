// Which Smithy shape kind a C++ type plays. The codec, validator and printer dispatch on these.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "blob.hpp"
#include "open_enum.hpp"
#include "reflect.hpp"
#include "timestamp.hpp"

namespace awsjson {

template <class T>
inline constexpr bool is_optional = false;
template <class T>
inline constexpr bool is_optional<std::optional<T>> = true;

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

/// Resets a value to its zero value, keeping any capacity it has (strings, lists, maps).
template <class T>
void reset_value(T& x) {
  if constexpr (is_optional<T>) {
    x.reset();
  } else if constexpr (std::is_same_v<T, std::string> || is_list<T> || is_map<T> || is_blob<T>) {
    x.clear();
  } else if constexpr (described_struct<T>) {
    boost::mp11::mp_for_each<members_of<T>>([&](auto d) { reset_value(x.*d.pointer); });
  } else {
    x = T{};
  }
}

}  // namespace awsjson
