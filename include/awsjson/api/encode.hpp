// The encode API: encode_into and encode for any type, declared here without the encoder (see
// api/decode.hpp for why). awsjson/encode.hpp defines it.
#pragma once

#include <string>
#include <utility>

#include "../error.hpp"

namespace awsjson {

/// Appends the JSON of `x` to `out`. On error, `out` is restored to what it held before.
/// Defined in awsjson/encode.hpp; explicitly instantiated by AWSJSON_INSTANTIATE_CODEC.
template <class T>
error encode_into(std::string& out, T const& x);

#if defined(__cpp_exceptions)
/// The JSON of `x`, compact. Throws awsjson::exception (encode_error).
template <class T>
[[nodiscard]] std::string encode(T const& x) {
  std::string out;
  if (auto err = encode_into(out, x)) throw encode_error(std::move(err));
  return out;
}
#endif

}  // namespace awsjson
