// tagged_union: Smithy's `union` (botocore's `"union": true`), a value that is exactly one of its
// members.
//
// A union is a described struct whose members are all optional, deriving from tagged_union:
//
//   struct ExecutionInputs : awsjson::tagged_union {
//     std::optional<AutomationExecutionInputs> Automation;
//     friend bool operator==(ExecutionInputs const&, ExecutionInputs const&) = default;
//   };
//   BOOST_DESCRIBE_STRUCT(ExecutionInputs, (), (Automation))
//
// On the wire it is an object with one member. Decoding takes one member with a non-null value,
// ignores null members and a `__type` member, and fails (naming the union's path) on none or
// more than one. A member this build does not know is kept, name and JSON text, in
// `unknown_member`, and encodes back unchanged. Encoding and validation require exactly one
// member set. Members keep the model's names, several members may share a type, and the codec,
// printer and validator treat it as the structure it is (docs/generators.md says why this form).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "reflect.hpp"

namespace awsjson {

/// A union member this version of the model does not know: its key and its value's JSON text
/// (as the service wrote it), sent back as it came.
struct unknown_union_member {
  std::string name;
  std::string json;
  friend bool operator==(unknown_union_member const&, unknown_union_member const&) = default;
};

/// The base of every tagged union: holds the member this build does not know, if that is the one.
struct tagged_union {
  std::optional<unknown_union_member> unknown_member;
  friend bool operator==(tagged_union const&, tagged_union const&) = default;
};

/// Whether T is a tagged union: a described struct deriving from tagged_union.
template <class T>
inline constexpr bool is_tagged_union = std::is_base_of_v<tagged_union, T>&& described_struct<T>;

/// The wire name of the member a union holds: "" when it holds none, and the name of the unknown
/// member when it holds that. (When, wrongly, several are set, the first in model order.)
template <class U>
requires is_tagged_union<U> std::string_view which(U const& u) {
  std::string_view found;
  boost::mp11::mp_for_each<members_of<U>>([&](auto d) {
    if (found.empty() && (u.*d.pointer).has_value()) found = member_meta<U, decltype(d)>.key();
  });
  if (found.empty() && u.unknown_member) found = u.unknown_member->name;
  return found;
}

/// How many members a union holds (exactly one in a valid union), its unknown member included.
template <class U>
requires is_tagged_union<U> std::size_t members_set(U const& u) {
  std::size_t n = u.unknown_member ? 1 : 0;
  boost::mp11::mp_for_each<members_of<U>>([&](auto d) { n += (u.*d.pointer).has_value(); });
  return n;
}

namespace detail {
/// A union's parts through a pointer to it, for the per-type tables of decode, encode and print;
/// null functions for a type that is not a union.
template <class U>
tagged_union const* union_base(void const* p) {
  return static_cast<U const*>(p);
}
template <class U>
std::size_t union_members_set(void const* p) {
  return members_set(*static_cast<U const*>(p));
}
template <class T>
constexpr auto union_base_function() {
  using fn = tagged_union const* (*)(void const*);
  if constexpr (is_tagged_union<T>)
    return fn{&union_base<T>};
  else
    return fn{nullptr};
}
template <class T>
constexpr auto union_members_set_function() {
  using fn = std::size_t (*)(void const*);
  if constexpr (is_tagged_union<T>)
    return fn{&union_members_set<T>};
  else
    return fn{nullptr};
}

/// What decode, encode and validate say of a union with `set` members set instead of one.
inline std::string union_members_message(std::size_t set) {
  return "expected a union with exactly one member set, found " + (set ? std::to_string(set) : std::string("none"));
}
}  // namespace detail

}  // namespace awsjson
