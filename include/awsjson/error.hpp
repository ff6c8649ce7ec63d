// Decode errors: what went wrong and where (a JSON Pointer such as `/StartTime`).
#pragma once

#include <stdexcept>
#include <string>
#include <utility>

namespace awsjson {

enum class errc : unsigned char {
  ok = 0,
  empty_input,       ///< nothing but whitespace
  invalid_json,      ///< not well-formed JSON (truncated, bad literal, bad escape, invalid UTF-8, ...)
  type_mismatch,     ///< well-formed, but not the type the member needs
  out_of_range,      ///< a number or timestamp the member's type cannot hold
  invalid_value,     ///< right JSON type, wrong content (a malformed timestamp, bad base64, unknown enum)
  missing_member,    ///< a required member is absent (strict decoding only)
  unknown_member,    ///< a member the type does not know (only with reject_unknown_members)
  too_deep,          ///< nesting beyond decode_options::max_depth
  trailing_content,  ///< more JSON after the document
  capacity,          ///< larger than the parser can take
};

/// The outcome of a non-throwing decode, encode or request build: empty (`!err`) on success.
/// [[nodiscard]]: every function that returns one warns when the result is dropped
/// (`decode_into(body, r);` would silently ignore a malformed body).
struct [[nodiscard]] error {
  errc code = errc::ok;
  std::string path;     ///< JSON Pointer of the offending value ("" for the whole document)
  std::string message;  ///< what was expected and what was found

  explicit operator bool() const noexcept { return code != errc::ok; }
  /// `/StartTime: expected a timestamp (number or string), found true`
  std::string to_string() const { return (path.empty() ? std::string("(document)") : path) + ": " + message; }
};

#if defined(__cpp_exceptions)
/// Thrown by the throwing forms of decode, encode and request building, carrying the error
/// (`what()` is its to_string()). One type, so that one handler catches any of them.
class exception : public std::runtime_error {
 public:
  explicit exception(error e) : std::runtime_error(e.to_string()), error_(std::move(e)) {}
  /// The JSON Pointer of the offending value.
  std::string const& path() const noexcept { return error_.path; }
  errc code() const noexcept { return error_.code; }
  awsjson::error const& details() const noexcept { return error_; }

 private:
  awsjson::error error_;
};

/// The names the first releases threw under: each is awsjson::exception.
using decode_error = exception;
using encode_error = exception;
using request_error = exception;
#endif

}  // namespace awsjson
