// Sensitive data (Smithy's @sensitive, on a member or on a whole shape) never appears in a print,
// an error message, a validation message or a path. Sensitivity is inherited: everything below a
// sensitive member or shape is sensitive, at any depth, through structures, lists, maps and
// custom codecs. Decode, encode and validate each carry one flag and raise it with this scope.
#pragma once

#include <string>
#include <string_view>

namespace awsjson {

/// What a path shows for a key read from a sensitive subtree (a map key, an unknown member).
inline constexpr std::string_view redacted_step = "/<redacted>";

/// Raises `flag` for the scope when `sensitive` (the flag stays up if it was up already) and
/// puts back what it was on the way out, so a sensitive subtree never leaks into its siblings.
class sensitive_scope {
 public:
  sensitive_scope(bool& flag, bool sensitive) noexcept : flag_(flag), outer_(flag) { flag = outer_ || sensitive; }
  ~sensitive_scope() { flag_ = outer_; }
  sensitive_scope(sensitive_scope const&) = delete;
  sensitive_scope& operator=(sensitive_scope const&) = delete;

 private:
  bool& flag_;
  bool outer_;
};

namespace detail {
// Whether `message` quotes `value` (a custom codec's message in a sensitive subtree is checked
// with this, as a safety net behind the rule that codecs describe, never quote).
inline bool quotes(std::string_view message, std::string_view value) noexcept {
  return !value.empty() && message.find(value) != std::string_view::npos;
}

/// Whether `message` quotes a value a codec wrote as JSON (a string's text counts without its
/// quotes).
inline bool quotes_json(std::string_view message, std::string_view json) noexcept {
  if (!json.empty() && json.front() == '"') json.remove_prefix(1);  // what was written may stop mid-string
  if (!json.empty() && json.back() == '"') json.remove_suffix(1);
  return quotes(message, json);
}

/// What replaces such a message.
inline constexpr char const* withheld_message =
    "invalid value (the codec's message quoted a sensitive value and was withheld)";
}  // namespace detail

}  // namespace awsjson
