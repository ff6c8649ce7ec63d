// Model metadata: what a Smithy model says about a shape beyond its C++ type.
//
// A described type opts in with one constexpr function found by ADL, next to the type:
//
//   constexpr auto awsjson_shape(MyStruct const*) {
//     return awsjson::shape("MyStruct", {
//         {.name = "Id", .required = true, .min_length = 36, .max_length = 36},
//         {.name = "Secret", .sensitive = true},
//     });
//   }
//
// Members not listed get the defaults below. The data is read at compile time by the codec,
// the validator and the printer; a type without awsjson_shape works with all defaults.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>

namespace awsjson {

/// How a timestamp member travels as text (Smithy's @timestampFormat).
enum class timestamp_format : unsigned char {
  protocol_default,  ///< awsJson: epoch seconds
  epoch_seconds,
  date_time,  ///< RFC 3339, always written in UTC with a `Z`
  http_date,  ///< IMF-fixdate, e.g. `Sun, 02 Jan 2000 20:34:56 GMT`
};

inline constexpr std::int64_t unbounded = std::numeric_limits<std::int64_t>::min();

/// What the model says about one member. Only `name` is needed; the rest defaults to "nothing special".
struct member_info {
  std::string_view name;                ///< the C++ member name, as Boost.Describe spells it
  std::string_view wire_name{};         ///< the JSON key, when it differs from `name`
  bool required = false;                ///< @required: absent is an error in strict decoding and validation
  bool sensitive = false;               ///< @sensitive: never printed
  std::int64_t min_length = unbounded;  ///< @length: characters of a string, elements of a list or map
  std::int64_t max_length = unbounded;
  std::int64_t min_value = unbounded;  ///< @range on a number
  std::int64_t max_value = unbounded;
  std::string_view pattern{};  ///< @pattern (ECMAScript regular expression)
  timestamp_format timestamp = timestamp_format::protocol_default;
  bool idempotency_token = false;  ///< @idempotencyToken: the client fills a UUID v4 when left unset
  bool host_label = false;         ///< @hostLabel: fills `{name}` in the operation's host prefix

  constexpr std::string_view key() const noexcept { return wire_name.empty() ? name : wire_name; }
};

/// The kind of a structure: plain, or an error the service returns.
enum class shape_kind : unsigned char { structure, client_error, server_error };

template <std::size_t N>
struct shape_info {
  std::string_view name;  ///< the Smithy shape name (also the error code of an error shape)
  std::array<member_info, N> members;
  shape_kind kind = shape_kind::structure;
  bool sensitive = false;  ///< the whole structure is @sensitive
};

/// Builds a shape_info; the member list is a braced list of member_info.
template <std::size_t N>
constexpr shape_info<N> shape(std::string_view name, member_info const (&members)[N],
                              shape_kind kind = shape_kind::structure, bool sensitive = false) {
  shape_info<N> s{name, {}, kind, sensitive};
  for (std::size_t i = 0; i < N; ++i) s.members[i] = members[i];
  return s;
}
constexpr shape_info<0> shape(std::string_view name, shape_kind kind = shape_kind::structure, bool sensitive = false) {
  return {name, {}, kind, sensitive};
}

namespace detail {
template <class T>
constexpr std::string_view type_name_of() noexcept {
  // Fallback name for types without awsjson_shape: parsed from the compiler's signature.
  std::string_view f = __PRETTY_FUNCTION__;
  auto start = f.find("T = ") + 4;
  auto end = f.find_first_of(";]", start);
  auto name = f.substr(start, end - start);
  auto colon = name.rfind("::");
  return colon == std::string_view::npos ? name : name.substr(colon + 2);
}
}  // namespace detail

template <class T>
concept has_shape_info = requires {
  awsjson_shape(static_cast<T const*>(nullptr));
};

/// The metadata of T (empty defaults when T has none).
template <class T>
constexpr auto shape_of() {
  if constexpr (has_shape_info<T>)
    return awsjson_shape(static_cast<T const*>(nullptr));
  else
    return shape_info<0>{detail::type_name_of<T>(), {}};
}

/// The metadata of the member called `name` of T (defaults when not listed).
template <class T>
constexpr member_info member_of(std::string_view name) {
  constexpr auto s = shape_of<T>();
  for (auto const& m : s.members)
    if (m.name == name) return m;
  return member_info{name};
}

}  // namespace awsjson
