// Shared by the fuzz targets: the differential property "whatever decodes, encodes, and decodes
// again to an equal value" (compared as encoded JSON, so NaN, which is unequal to itself, is fine).
#pragma once

#include <awsjson/awsjson.hpp>

#include <cstdlib>
#include <string_view>

namespace fuzz {

// decode's two paths (detail/fast_decode.hpp) agree: what the fast one accepts, the general one
// accepts with an equal value; what the general one rejects, the fast one gives up on.
template <class T>
void paths_agree(std::string_view input) {
  if constexpr (awsjson::detail::fast_decodable<T>()) {
    thread_local simdjson::ondemand::parser parser;
    std::string scratch, fast_json, general_json;
    simdjson::padded_string padded(input);
    T fast{}, general{};
    bool took = awsjson::detail::fast_decode(parser, padded, fast, {}, scratch);
    awsjson::error err = awsjson::detail::decode_general(padded, general, {});
    if (!took) return;
    if (err) std::abort();
    auto e1 = awsjson::encode_into(fast_json, fast), e2 = awsjson::encode_into(general_json, general);
    if (e1.code != e2.code || fast_json != general_json) std::abort();
  }
}

template <class T>
void round_trip(std::string_view input) {
  paths_agree<T>(input);
  T value;
  if (awsjson::decode_into(input, value)) return;  // rejected: fine, as long as nothing crashed
  std::string once;
  if (auto err = awsjson::encode_into(once, value)) {
    // Decoded strings are valid UTF-8, so the one legitimate failure is a timestamp its member's
    // format cannot write (a date-time beyond the year 9999 that arrived as epoch seconds).
    if (err.code != awsjson::errc::out_of_range) std::abort();
    return;
  }
  T again;
  if (awsjson::decode_into(once, again)) std::abort();
  std::string twice;
  if (awsjson::encode_into(twice, again) || twice != once) std::abort();
  (void)awsjson::to_string(value);  // printing never fails either
  (void)awsjson::validate(value);
}

}  // namespace fuzz
