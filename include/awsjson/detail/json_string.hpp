// JSON string bodies: unescaping straight into the destination, and escaping for output.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace awsjson::detail {

enum class unescape_status : unsigned char { ok, bad_escape, bad_unicode_escape, lone_surrogate };

constexpr char const* describe(unescape_status s) noexcept {
  switch (s) {
    case unescape_status::bad_escape:
      return "invalid escape sequence in string";
    case unescape_status::bad_unicode_escape:
      return "invalid \\u escape in string (expected 4 hex digits)";
    case unescape_status::lone_surrogate:
      return "unpaired UTF-16 surrogate in \\u escape";
    default:
      return "ok";
  }
}

constexpr int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

inline bool read_hex4(char const* p, unsigned& out) noexcept {
  unsigned v = 0;
  for (int i = 0; i < 4; ++i) {
    int h = hex_value(p[i]);
    if (h < 0) return false;
    v = v << 4 | unsigned(h);
  }
  out = v;
  return true;
}

inline void append_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out.push_back(char(cp));
  } else if (cp < 0x800) {
    char b[2] = {char(0xC0 | cp >> 6), char(0x80 | (cp & 0x3F))};
    out.append(b, 2);
  } else if (cp < 0x10000) {
    char b[3] = {char(0xE0 | cp >> 12), char(0x80 | (cp >> 6 & 0x3F)), char(0x80 | (cp & 0x3F))};
    out.append(b, 3);
  } else {
    char b[4] = {char(0xF0 | cp >> 18), char(0x80 | (cp >> 12 & 0x3F)), char(0x80 | (cp >> 6 & 0x3F)),
                 char(0x80 | (cp & 0x3F))};
    out.append(b, 4);
  }
}

// Index of the first '"' or '\\' at or after p. Reads 8 bytes at a time: the caller guarantees
// padding after the string (simdjson's input always has it).
inline char const* find_quote_or_backslash(char const* p) noexcept {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  for (;; p += 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    std::uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\');
    // The lowest flagged byte is exactly the first match (borrows only disturb higher bytes).
    std::uint64_t hit = (((q - ones) & ~q) | ((b - ones) & ~b)) & highs;
    if (hit) return p + (__builtin_ctzll(hit) >> 3);
  }
#else
  while (*p != '"' && *p != '\\') ++p;
  return p;
#endif
}

/// Unescapes the JSON string body starting at `p` (just past the opening quote) into `out`,
/// replacing its contents. The document must already be validated by simdjson (UTF-8, no raw
/// control characters, a closing quote). `end` receives the position of the closing quote.
inline unescape_status unescape_string(char const* p, std::string& out, char const** end = nullptr) {
  out.clear();
  for (;;) {
    char const* q = find_quote_or_backslash(p);
    out.append(p, std::size_t(q - p));
    p = q;
    if (*p == '"') {
      if (end) *end = p;
      return unescape_status::ok;
    }
    char c = p[1];
    p += 2;
    switch (c) {
      case '"':
        out.push_back('"');
        break;
      case '\\':
        out.push_back('\\');
        break;
      case '/':
        out.push_back('/');
        break;
      case 'b':
        out.push_back('\b');
        break;
      case 'f':
        out.push_back('\f');
        break;
      case 'n':
        out.push_back('\n');
        break;
      case 'r':
        out.push_back('\r');
        break;
      case 't':
        out.push_back('\t');
        break;
      case 'u': {
        unsigned cp;
        if (!read_hex4(p, cp)) return unescape_status::bad_unicode_escape;
        p += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          unsigned lo;
          if (p[0] != '\\' || p[1] != 'u') return unescape_status::lone_surrogate;
          if (!read_hex4(p + 2, lo)) return unescape_status::bad_unicode_escape;
          if (lo < 0xDC00 || lo > 0xDFFF) return unescape_status::lone_surrogate;
          p += 6;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
          return unescape_status::lone_surrogate;
        }
        append_utf8(out, cp);
        break;
      }
      default:
        return unescape_status::bad_escape;
    }
  }
}

/// Length of a raw string body up to its closing quote, and whether it has escapes.
inline std::size_t raw_string_length(char const* p, bool& escaped) noexcept {
  escaped = false;
  std::size_t n = 0;
  for (;;) {
    char const* q = find_quote_or_backslash(p + n);
    n = std::size_t(q - p);
    if (*q == '"') return n;
    escaped = true;
    n += 2;
  }
}

/// Length of the valid UTF-8 prefix of s (s.size() when all of it is valid).
inline std::size_t valid_utf8_prefix(std::string_view s) noexcept {
  auto const* p = reinterpret_cast<unsigned char const*>(s.data());
  std::size_t n = s.size(), i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    unsigned cp;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = cp << 6 | (p[i + k] & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
      return i;
    i += len;
  }
  return n;
}

/// Appends `s` as a quoted JSON string (RFC 8259 escaping; UTF-8 passes through).
/// Returns false, appending nothing, when `s` is not valid UTF-8.
inline bool append_json_string(std::string& out, std::string_view s) {
  if (valid_utf8_prefix(s) != s.size()) return false;
  static constexpr char hex[] = "0123456789abcdef";
  out.push_back('"');
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default: {
        char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
        out.append(e, 6);
      }
    }
  }
  out.append(s.data() + run, s.size() - run);
  out.push_back('"');
  return true;
}

}  // namespace awsjson::detail
