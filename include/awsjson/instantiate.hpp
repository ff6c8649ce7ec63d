// Compiles the codec of chosen types in one translation unit (see awsjson/compiled.hpp): explicit
// instantiation definitions of the decoder and encoder entry points, so that other translation
// units call them instead of instantiating them.
//
//   AWSJSON_INSTANTIATE_CODEC(T)        decode_into / decode and encode_into / encode of T
//   AWSJSON_INSTANTIATE_OPERATION(Op)   the codec of Op's input, output and error shapes (through
//                                       decode_response), build_request / make_request, and
//                                       decode_response for headers as std::vector<http_header>
//
// Use each at namespace scope, once per type in the program. Header-only use needs neither.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "awsjson.hpp"

#define AWSJSON_INSTANTIATE_CODEC(...)                                                                       \
  template ::awsjson::error awsjson::detail::decode_padded<__VA_ARGS__>(                                     \
      ::simdjson::padded_string_view const&, __VA_ARGS__&, ::awsjson::decode_options const&);                \
  template ::awsjson::error awsjson::detail::decode_unpadded<__VA_ARGS__>(std::string_view, __VA_ARGS__&,    \
                                                                          ::awsjson::decode_options const&); \
  template ::awsjson::error awsjson::encode_into<__VA_ARGS__>(std::string&, __VA_ARGS__ const&);             \
  static_assert(true, "")

#define AWSJSON_INSTANTIATE_OPERATION(...)                                                                            \
  AWSJSON_INSTANTIATE_CODEC(__VA_ARGS__::input);                                                                      \
  AWSJSON_INSTANTIATE_CODEC(__VA_ARGS__::output);                                                                     \
  template ::awsjson::error awsjson::build_request<__VA_ARGS__>(__VA_ARGS__::input const&, ::awsjson::http_request&); \
  template ::awsjson::response<__VA_ARGS__> awsjson::decode_response<__VA_ARGS__, std::vector<awsjson::http_header>>( \
      int, std::vector<::awsjson::http_header> const&, std::string_view)
