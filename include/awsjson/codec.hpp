// The one customization point: specialize awsjson::codec<T> for a type awsjson does not know.
//
//   template <> struct awsjson::codec<MyString> {
//     static bool decode(simdjson::ondemand::value& v, MyString& out, awsjson::decode_context& ctx);
//     static bool encode(awsjson::encode_context& ctx, MyString const& x);
//   };
//
// Each returns false after ctx.fail(...) on error. Either function may be left out if the type
// is only decoded or only encoded. See docs/generators.md for a complete example.
#pragma once

namespace awsjson {

template <class T, class Enable = void>
struct codec;

}  // namespace awsjson
