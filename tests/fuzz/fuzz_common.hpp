// Shared by the fuzz targets: the differential property "whatever decodes, encodes, and decodes
// again to an equal value" (compared as encoded JSON, so NaN, which is unequal to itself, is fine).
#pragma once

#include <awsjson/awsjson.hpp>

#include <cstdlib>
#include <string_view>

namespace fuzz {

template <class T>
void round_trip(std::string_view input) {
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
