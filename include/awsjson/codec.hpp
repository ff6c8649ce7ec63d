// The one customization point: specialize awsjson::codec<T> for a type awsjson does not know.
//
//   template <> struct awsjson::codec<MyString> {
//     static bool decode(simdjson::ondemand::value& v, MyString& out, awsjson::decode_context& ctx);
//     static bool encode(awsjson::encode_context& ctx, MyString const& x);
//     static void print(std::string& out, MyString const& x);                     // optional
//     static void validate(MyString const& x, awsjson::validate_context& ctx);   // optional
//   };
//
// decode and encode return false after ctx.fail(...) on error; either may be left out if the
// type is only encoded or only decoded (using the missing one is a compile error that says so).
// Without print, the printer shows the JSON that encode writes. Parts of the value go back to the
// library with awsjson::decode_value, awsjson::encode_value and validate_context::value. A type
// with a codec is value_kind::custom (type_traits.hpp), whatever else it is. See
// docs/generators.md for a complete example.
#pragma once

namespace awsjson {

template <class T, class Enable = void>
struct codec;

}  // namespace awsjson
