// document: Smithy's `document` (botocore's `"document": true`), any JSON value, kept as the JSON
// text the service wrote.
//
// A document keeps its text exactly, numbers included (`1e400`, a 20-digit integer), and encodes
// back byte for byte. It is read like a small tree:
//
//   awsjson::document const& d = *user.Attributes;          // {"name":{"given":"Ana"},"ids":[7,8]}
//   d.find("name")->find("given")->string();                 // "Ana"
//   d.find("ids")->at(1).number();                           // "8", the number's text as written
//   d.find("ids")->at(1).number_as<std::int64_t>();          // 8
//
// and converts to and from described types with the codec itself, a document being a value it
// decodes and encodes like any other:
//
//   awsjson::error e = awsjson::decode_into(d.json(), profile);  // the document into a type
//   awsjson::error f = awsjson::decode_into(awsjson::encode(profile), d);  // and back
//   awsjson::error g = awsjson::decode_into(text, d);            // any JSON text, checked
//
// Why text and not a tree: decoding one is a skip and a copy (simdjson finds its end, one check
// reads it), encoding it a copy, and nothing is lost; a tree (simdjson's DOM, Boost.JSON's
// value) cannot hold `1e400` or integers beyond 64 bits as written, and costs allocations per
// node. The measurements are in benchmarks/RESULTS.md. Navigation walks the text: it is meant for
// reading a few values, not for queries over a large document (decode those into a type).
#pragma once

#include <charconv>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <utility>
#include <vector>

#include "detail/json_string.hpp"

namespace awsjson {

/// The kind of a JSON value.
enum class json_kind : unsigned char { null, boolean, number, string, array, object };

class document;

namespace detail {
struct document_access;

/// Past the whitespace at p (at most e).
constexpr char const* skip_space(char const* p, char const* e) noexcept {
  while (p < e && is_whitespace(*p)) ++p;
  return p;
}

/// The end of the JSON value starting at p, in text already checked to be JSON.
constexpr char const* skip_json_value(char const* p, char const* e) noexcept {
  if (p >= e) return e;
  auto skip_string = [e](char const* q) {  // q on the opening quote; returns past the closing one
    for (++q; q < e && *q != '"'; ++q)
      if (*q == '\\') ++q;
    return q < e ? q + 1 : e;
  };
  if (*p == '"') return skip_string(p);
  if (*p == '{' || *p == '[') {
    int depth = 0;
    while (p < e) {
      char c = *p;
      if (c == '"') {
        p = skip_string(p);
        continue;
      }
      if (c == '{' || c == '[') ++depth;
      if ((c == '}' || c == ']') && --depth == 0) return p + 1;
      ++p;
    }
    return e;
  }
  while (p < e && *p != ',' && *p != ']' && *p != '}' && !is_whitespace(*p)) ++p;
  return p;
}
}  // namespace detail

/// Any JSON value, kept as its text. Default-constructed: JSON null.
class document {
 public:
  document() = default;

  /// The JSON text, as the service (or the text it was decoded from) wrote it; "null" for a default document.
  std::string_view json() const noexcept { return text_.empty() ? std::string_view("null") : std::string_view(text_); }

  json_kind kind() const noexcept {
    switch (json().front()) {
      case 'n':
        return json_kind::null;
      case 't':
      case 'f':
        return json_kind::boolean;
      case '"':
        return json_kind::string;
      case '[':
        return json_kind::array;
      case '{':
        return json_kind::object;
      default:
        return json_kind::number;
    }
  }
  bool is_null() const noexcept { return kind() == json_kind::null; }

  /// The boolean, or nullopt when the document is not one.
  std::optional<bool> boolean() const noexcept {
    if (kind() != json_kind::boolean) return std::nullopt;
    return json().front() == 't';
  }

  /// The string, unescaped, or nullopt when the document is not one.
  std::optional<std::string> string() const {
    if (kind() != json_kind::string) return std::nullopt;
    std::string padded(json().substr(1));  // past the opening quote; the unescaper reads ahead
    padded.append(64, ' ');
    std::string out;
    if (detail::unescape_string(padded.data(), out) != detail::unescape_status::ok) return std::nullopt;
    return out;
  }

  /// The number's text exactly as written (`1e400` stays `1e400`), or "" when not a number.
  std::string_view number() const noexcept { return kind() == json_kind::number ? json() : std::string_view(); }

  /// The number as N when it is a number N holds exactly (an integer type: an integer in range;
  /// a floating type: any finite number, rounded to nearest), else nullopt.
  template <class N>
  requires std::is_arithmetic_v<N> std::optional<N> number_as()
  const noexcept {
    std::string_view t = number();
    if (t.empty()) return std::nullopt;
    N v{};
    auto r = std::from_chars(t.data(), t.data() + t.size(), v);
    if (r.ec != std::errc() || r.ptr != t.data() + t.size()) return std::nullopt;
    return v;
  }

  /// Elements of an array, members of an object; 0 for anything else.
  std::size_t size() const noexcept {
    std::size_t n = 0;
    for_each([&](std::string_view, char const*, char const*) { ++n; });
    return n;
  }

  /// The element at index i of an array; nullopt past the end or when not an array.
  std::optional<document> at(std::size_t i) const {
    std::optional<document> found;
    if (kind() != json_kind::array) return found;
    std::size_t k = 0;
    for_each([&](std::string_view, char const* b, char const* e) {
      if (k++ == i) found = slice(b, e);
    });
    return found;
  }

  /// The member `key` of an object (the last one, if the key repeats); nullopt when absent or
  /// when not an object.
  std::optional<document> find(std::string_view key) const {
    std::optional<document> found;
    if (kind() != json_kind::object) return found;
    for_each([&](std::string_view raw_key, char const* b, char const* e) {
      if (key_equals(raw_key, key)) found = slice(b, e);
    });
    return found;
  }

  /// Every element of an array (empty for anything else).
  std::vector<document> elements() const {
    std::vector<document> out;
    if (kind() == json_kind::array)
      for_each([&](std::string_view, char const* b, char const* e) { out.push_back(slice(b, e)); });
    return out;
  }

  /// Every member of an object, in document order, keys unescaped (empty for anything else).
  std::vector<std::pair<std::string, document>> members() const {
    std::vector<std::pair<std::string, document>> out;
    if (kind() == json_kind::object)
      for_each([&](std::string_view raw_key, char const* b, char const* e) {
        out.emplace_back(unescape_key(raw_key), slice(b, e));
      });
    return out;
  }

  /// Equal text: the same JSON written the same way.
  friend bool operator==(document const& a, document const& b) noexcept { return a.json() == b.json(); }

 private:
  friend struct detail::document_access;
  std::string text_;  // checked JSON, no surrounding whitespace; empty for null

  static document slice(char const* b, char const* e) {
    document d;
    d.text_.assign(b, std::size_t(e - b));
    if (d.text_ == "null") d.text_.clear();
    return d;
  }

  // Calls f(raw key or "", value begin, value end) for each element or member.
  template <class F>
  void for_each(F&& f) const {
    std::string_view t = json();
    if (t.front() != '[' && t.front() != '{') return;
    bool object = t.front() == '{';
    char const* p = t.data() + 1;
    char const* e = t.data() + t.size() - 1;  // on the closing bracket
    for (p = detail::skip_space(p, e); p < e;) {
      std::string_view key;
      if (object) {
        char const* k = detail::skip_json_value(p, e);
        key = std::string_view(p + 1, std::size_t(k - p - 2));  // between the quotes, raw
        p = detail::skip_space(k, e) + 1;                       // past ':'
        p = detail::skip_space(p, e);
      }
      char const* end = detail::skip_json_value(p, e);
      f(key, p, end);
      p = detail::skip_space(end, e);
      if (p < e && *p == ',') p = detail::skip_space(p + 1, e);
    }
  }

  static std::string unescape_key(std::string_view raw) {
    if (raw.find('\\') == std::string_view::npos) return std::string(raw);
    std::string padded(raw);
    padded += '"';
    padded.append(64, ' ');
    std::string out;
    (void)detail::unescape_string(padded.data(), out);  // checked JSON: never fails
    return out;
  }
  static bool key_equals(std::string_view raw, std::string_view key) {
    if (raw.find('\\') == std::string_view::npos) return raw == key;
    return unescape_key(raw) == key;
  }
};

namespace detail {
/// For the codec: documents are made only of checked JSON text.
struct document_access {
  static std::string& text(document& d) noexcept { return d.text_; }
  static void assign(document& d, std::string_view checked_json) {
    if (checked_json == "null")
      d.text_.clear();
    else
      d.text_.assign(checked_json);
  }
};
}  // namespace detail

}  // namespace awsjson
