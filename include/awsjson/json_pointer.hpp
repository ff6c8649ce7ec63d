// JSON Pointer (RFC 6901) steps, as errors and violations name where a problem is: `/Tags/a~1b`.
#pragma once

#include <string>
#include <string_view>

namespace awsjson {

/// Appends `/key` to a pointer, with `~` written `~0` and `/` written `~1`.
inline void append_json_pointer_step(std::string& pointer, std::string_view key) {
  pointer += '/';
  for (char c : key) {
    if (c == '~')
      pointer += "~0";
    else if (c == '/')
      pointer += "~1";
    else
      pointer += c;
  }
}

/// The step `/key`, escaped as append_json_pointer_step does.
inline std::string json_pointer_step(std::string_view key) {
  std::string step;
  append_json_pointer_step(step, key);
  return step;
}

/// The step `/index` of an array element.
inline std::string json_pointer_step(std::size_t index) {
  std::string step = "/";
  step += std::to_string(index);
  return step;
}

}  // namespace awsjson
