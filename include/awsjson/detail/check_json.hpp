// Checking an unknown member's value without decoding it: one function over the value's raw text.
//
// simdjson skips a value it is not asked for by counting brackets, without checking the grammar
// inside; a document must be well-formed all the same, so awsjson checks what it skips. The check
// reads the text (a pointer and a length into the padded input), never simdjson's value: handing
// one of those to code that is not inlined would keep the decoder's iterator in memory (see
// decode.hpp). The silent walk calls it with no context and learns yes or no; the reporting walk
// passes its context and gets the error and the path inside the value.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "../decode_context.hpp"
#include "config.hpp"
#include "decimal.hpp"
#include "json_string.hpp"

namespace awsjson::detail {

/// Prepends a key read from the document, from its raw text: the scratch buffer that held it
/// unescaped may hold something else by the time an error unwinds.
AWSJSON_COLD inline void prepend_unescaped_key(decode_context& ctx, char const* raw) {
  std::string key;
  (void)unescape_string(raw, key);
  ctx.prepend_document_key(key);
}

class json_checker {
 public:
  json_checker(std::string_view text, std::string& scratch, decode_context* report) noexcept
      : p_(text.data()), end_(text.data() + text.size()), scratch_(scratch), report_(report) {}

  /// One value, nested at most `levels` deep, then only whitespace.
  bool document(unsigned levels) {
    if (!value(levels)) return false;
    skip_whitespace();
    return p_ == end_ || malformed("unexpected content after the value");
  }

 private:
  static constexpr bool is_delimiter(char c) noexcept {
    return is_whitespace(c) || c == ',' || c == ']' || c == '}' || c == ':';
  }

  void skip_whitespace() noexcept {
    while (p_ != end_ && is_whitespace(*p_)) ++p_;
  }
  bool at(char c) noexcept {
    skip_whitespace();
    if (p_ == end_ || *p_ != c) return false;
    ++p_;
    return true;
  }
  /// The token at p_: up to the next delimiter.
  std::string_view token() const noexcept {
    char const* q = p_;
    while (q != end_ && !is_delimiter(*q)) ++q;
    return {p_, std::size_t(q - p_)};
  }

  AWSJSON_COLD bool malformed(std::string_view what) {
    if (report_) report_->fail(errc::invalid_json, {"malformed JSON: ", what});
    return false;
  }
  AWSJSON_COLD bool found(std::string_view expected, std::string_view tok) {
    if (report_) report_->fail(errc::invalid_json, {expected, report_->describe_token(tok)});
    return false;
  }

  bool value(unsigned levels) {
    skip_whitespace();
    if (p_ == end_) return malformed("expected a value, found the end of the document");
    switch (*p_) {
      case '{':
        return object(levels);
      case '[':
        return array(levels);
      case '"':
        return string();
      case 't':
      case 'f':
      case 'n': {
        std::string_view tok = token();
        if (tok != "true" && tok != "false" && tok != "null") return found("expected true, false or null, found ", tok);
        p_ += tok.size();
        return true;
      }
      default: {
        std::string_view tok = token();
        if (tok.empty()) return found("malformed JSON: expected a value, found ", std::string_view(p_, 1));
        if (decimal d; !parse_decimal(tok, d)) return found("malformed number: ", tok);
        p_ += tok.size();
        return true;
      }
    }
  }

  bool string() {
    char const* body = ++p_;
    bool escaped;
    std::size_t n = raw_string_length(body, escaped);
    if (escaped) {
      if (auto st = unescape_string(body, n, scratch_); st != unescape_status::ok) {
        if (report_) report_->fail(errc::invalid_json, describe(st));
        return false;
      }
    }
    p_ = body + n + 1;
    return true;
  }

  AWSJSON_COLD bool too_deep() {
    if (report_) report_->too_deep();
    return false;
  }

  bool object(unsigned levels) {
    ++p_;
    if (levels == 0) return too_deep();
    if (at('}')) return true;
    do {
      skip_whitespace();
      if (p_ == end_ || *p_ != '"') return malformed("expected a member name");
      char const* key = p_ + 1;
      if (!string()) return false;
      if (!at(':')) return malformed("expected ':' after a member name");
      if (!value(levels - 1)) {
        if (report_) prepend_unescaped_key(*report_, key);
        return false;
      }
    } while (at(','));
    return at('}') || malformed("expected ',' or '}' in an object");
  }

  bool array(unsigned levels) {
    ++p_;
    if (levels == 0) return too_deep();
    if (at(']')) return true;
    std::size_t i = 0;
    do {
      if (!value(levels - 1)) {
        if (report_) report_->prepend_path(i);
        return false;
      }
      ++i;
    } while (at(','));
    return at(']') || malformed("expected ',' or ']' in an array");
  }

  char const* p_;
  char const* end_;
  std::string& scratch_;
  decode_context* report_;
};

/// Whether `text` (in simdjson's padded input) is one well-formed JSON value nested at most
/// `levels` deep. With `report`, a failure is described there, with its path inside the value.
AWSJSON_NOINLINE inline bool check_json(std::string_view text, unsigned levels, std::string& scratch,
                                        decode_context* report) {
  return json_checker(text, scratch, report).document(levels);
}

}  // namespace awsjson::detail
