// JSON string bodies: unescaping straight into the destination, and escaping for output.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "ascii.hpp"
#include "config.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

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

// Position of the first '"' or '\\' at or after p. Reads ahead in blocks: the caller guarantees
// padding after the string (simdjson's input always has it).
AWSJSON_ALWAYS_INLINE char const* find_quote_or_backslash(char const* p) noexcept {
#if defined(__SSE2__)
  __m128i const quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
  for (;; p += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<__m128i const*>(p));
    if (int m = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash))))
      return p + __builtin_ctz(unsigned(m));
  }
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
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

// What each simple escape character stands for (0: not a simple escape).
inline constexpr auto escape_table = [] {
  std::array<char, 256> t{};
  t['"'] = '"';
  t['\\'] = '\\';
  t['/'] = '/';
  t['b'] = '\b';
  t['f'] = '\f';
  t['n'] = '\n';
  t['r'] = '\r';
  t['t'] = '\t';
  return t;
}();

inline char* write_utf8(char* d, unsigned cp) noexcept {
  if (cp < 0x80) {
    *d++ = char(cp);
  } else if (cp < 0x800) {
    *d++ = char(0xC0 | cp >> 6);
    *d++ = char(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *d++ = char(0xE0 | cp >> 12);
    *d++ = char(0x80 | (cp >> 6 & 0x3F));
    *d++ = char(0x80 | (cp & 0x3F));
  } else {
    *d++ = char(0xF0 | cp >> 18);
    *d++ = char(0x80 | (cp >> 12 & 0x3F));
    *d++ = char(0x80 | (cp >> 6 & 0x3F));
    *d++ = char(0x80 | (cp & 0x3F));
  }
  return d;
}

#if defined(__x86_64__) || defined(__i386__)
#define AWSJSON_BLOCK_UNESCAPE 1

// Strings dense with escapes (JSON held in a string: `{\"commands\":[\"echo \\\"hi\\\"\"]}`) cost
// a mispredicted branch or two per escape when escapes are handled one at a time. The block
// unescaper below takes 16 bytes per step without a branch per escape: it finds the escaped bytes
// with simdjson's odd-backslash-run arithmetic, translates them, and squeezes out the backslashes
// with one byte shuffle (SSSE3, chosen at run time; the scalar loop serves other CPUs).

/// For each 8-bit mask, the positions of its set bits in order, then 0x80 (a shuffle keeping them).
inline constexpr auto keep_shuffles = [] {
  std::array<std::array<unsigned char, 8>, 256> t{};
  for (unsigned m = 0; m < 256; ++m) {
    unsigned n = 0;
    for (unsigned b = 0; b < 8; ++b)
      if (m >> b & 1) t[m][n++] = static_cast<unsigned char>(b);
    for (; n < 8; ++n) t[m][n] = 0x80;
  }
  return t;
}();

inline bool block_unescape_available() noexcept {
#if defined(__SSSE3__) && defined(__POPCNT__)
  return true;
#else
  static bool const yes = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("ssse3") && __builtin_cpu_supports("popcnt");
  }();
  return yes;
#endif
}

/// Unescapes from `p` (inside a string body) to `d`, 16 input bytes per step, while escapes are
/// simple ones (`\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`). Returns true at the closing quote,
/// with `p` on it; false at a block holding anything else (`\u`, a bad escape), with `p` and `d`
/// where the scalar loop takes over. Writes up to 16 bytes past the output it produces.
__attribute__((target("ssse3,popcnt"))) inline bool unescape_blocks(char const*& p_, char*& d_) noexcept {
  __m128i const quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
  __m128i const bit_of_byte = _mm_setr_epi8(1, 2, 4, 8, 16, 32, 64, -128, 1, 2, 4, 8, 16, 32, 64, -128);
  __m128i const byte_of_mask = _mm_setr_epi8(0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1);
  constexpr unsigned even = 0x5555;
  char const* p = p_;
  char* d = d_;
  unsigned carry = 0;  // the block's first byte is escaped by the previous block's last
  for (;;) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<__m128i const*>(p));
    unsigned bs = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(v, backslash)));
    unsigned qt = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(v, quote)));
    // The escaped bytes: every other byte after a run of backslashes (simdjson's
    // find_escaped_branchless, on 16 bits).
    unsigned b = bs & ~carry;
    unsigned follows = (b << 1 | carry) & 0xFFFF;
    unsigned odd_starts = b & ~even & ~follows;
    unsigned sum = odd_starts + b;
    unsigned escaped = (even ^ (sum << 1 & 0xFFFF)) & follows;
    unsigned end = qt & ~escaped;  // the closing quote, if in this block
    unsigned len = end ? unsigned(__builtin_ctz(end)) : 16;
    unsigned in = (1u << len) - 1;
    escaped &= in;
    unsigned starters = bs & ~escaped & in;
    // Which escaped bytes are valid escapes: a nibble-pair lookup (bit k of the low nibble's entry:
    // valid with high nibble 2, 5, 6, 7 for k = 0..3).
    __m128i const low_nibbles =
        _mm_setr_epi8(0, 0, 0b1101, 0, 0b1000, 0, 0b0100, 0, 0, 0, 0, 0, 0b0010, 0, 0b0100, 0b0001);
    __m128i const high_nibbles = _mm_setr_epi8(0, 0, 1, 0, 0, 2, 4, 8, 0, 0, 0, 0, 0, 0, 0, 0);
    __m128i const nibble = _mm_set1_epi8(0x0F);
    __m128i valid = _mm_and_si128(_mm_shuffle_epi8(low_nibbles, _mm_and_si128(v, nibble)),
                                  _mm_shuffle_epi8(high_nibbles, _mm_and_si128(_mm_srli_epi16(v, 4), nibble)));
    unsigned invalid = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(valid, _mm_setzero_si128())));
    if (escaped & invalid) {  // \u or a bad escape: the scalar loop
      p_ = carry ? p - 1 : p;
      d_ = d;
      return false;
    }
    // Translate the escaped letters (b f n r t, told apart by bits 1-4); the other escapes stand
    // for themselves.
    __m128i const controls = _mm_setr_epi8(0, '\b', 0, '\f', 0, 0, 0, '\n', 0, '\r', '\t', 0, 0, 0, 0, 0);
    __m128i esc = _mm_cmpeq_epi8(
        _mm_and_si128(_mm_shuffle_epi8(_mm_cvtsi32_si128(int(escaped)), byte_of_mask), bit_of_byte), bit_of_byte);
    __m128i letter = _mm_and_si128(esc, _mm_cmpgt_epi8(v, _mm_set1_epi8(0x5F)));
    __m128i control = _mm_shuffle_epi8(controls, _mm_and_si128(_mm_srli_epi16(v, 1), nibble));
    v = _mm_or_si128(_mm_andnot_si128(letter, v), _mm_and_si128(letter, control));
    // Keep every byte of the string but the escaping backslashes, in two 8-byte halves.
    unsigned keep = in & ~starters, lo = keep & 0xFF, hi = keep >> 8;
    __m128i shuffle = _mm_unpacklo_epi64(
        _mm_loadl_epi64(reinterpret_cast<__m128i const*>(keep_shuffles[lo].data())),
        _mm_add_epi8(_mm_loadl_epi64(reinterpret_cast<__m128i const*>(keep_shuffles[hi].data())), _mm_set1_epi8(8)));
    __m128i packed = _mm_shuffle_epi8(v, shuffle);
    unsigned n_lo = unsigned(__builtin_popcount(lo));
    _mm_storel_epi64(reinterpret_cast<__m128i*>(d), packed);
    _mm_storel_epi64(reinterpret_cast<__m128i*>(d + n_lo), _mm_srli_si128(packed, 8));
    d += n_lo + unsigned(__builtin_popcount(hi));
    if (end) {
      p_ = p + len;
      d_ = d;
      return true;
    }
    // Whether the last byte starts an escape: an odd run of backslashes ends the block (computed
    // from the run's length, so that blocks do not wait on each other's escape arithmetic).
    unsigned run = unsigned(__builtin_clz((~bs & 0xFFFF) << 16 | 0x8000));  // 16: all backslashes
    carry = (run & 1) | (carry & run >> 4);
    p += 16;
  }
}
#endif

/// Unescapes the JSON string body starting at `p` (just past the opening quote) into `out`,
/// replacing its contents; `bound` is at least the body's raw length (the output is never longer).
/// The document must already be validated by simdjson (UTF-8, no raw control characters, a
/// closing quote), and readable for 16 bytes past the closing quote (simdjson pads by 64).
inline unescape_status unescape_string(char const* p, std::size_t bound, std::string& out) {
  char const* first = find_quote_or_backslash(p);
  if (*first == '"') {  // no escapes: the common case, one copy
    out.clear();        // clear + append: cheaper than assign's general replace
    out.append(p, std::size_t(first - p));
    return unescape_status::ok;
  }
  constexpr std::size_t block = 16;
  out.resize(bound + block);  // reuses capacity; the slack takes whole-block stores
  char* const d0 = out.data();
  char* d = d0;
#if defined(AWSJSON_BLOCK_UNESCAPE)
  if (block_unescape_available() && unescape_blocks(p, d)) {
    out.resize(std::size_t(d - d0));
    return unescape_status::ok;
  }
#endif
  for (;;) {
    // Copy while scanning: a block is stored whole, then the cursor stops at the first '"' or '\\'.
    char const* q = find_quote_or_backslash(p);
    std::size_t n = std::size_t(q - p);
    if (n <= block) {
      std::memcpy(d, p, block);
    } else {
      std::memcpy(d, p, n);
    }
    d += n;
    p = q;
    if (*p == '"') break;
    unsigned char c = static_cast<unsigned char>(p[1]);
    if (char e = escape_table[c]) {
      // Escapes come in runs (`\\\"` in JSON held in a string): take the run here.
      do {
        *d++ = e;
        p += 2;
      } while (p[0] == '\\' && (e = escape_table[static_cast<unsigned char>(p[1])]) != 0);
      continue;
    }
    if (c != 'u') return out.clear(), unescape_status::bad_escape;
    unsigned cp;
    if (!read_hex4(p + 2, cp)) return out.clear(), unescape_status::bad_unicode_escape;
    p += 6;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      unsigned lo;
      if (p[0] != '\\' || p[1] != 'u') return out.clear(), unescape_status::lone_surrogate;
      if (!read_hex4(p + 2, lo)) return out.clear(), unescape_status::bad_unicode_escape;
      if (lo < 0xDC00 || lo > 0xDFFF) return out.clear(), unescape_status::lone_surrogate;
      p += 6;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
      return out.clear(), unescape_status::lone_surrogate;
    }
    d = write_utf8(d, cp);
  }
  out.resize(std::size_t(d - d0));
  return unescape_status::ok;
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

/// unescape_string with its common case, a string without escapes, inlined at the call site.
AWSJSON_ALWAYS_INLINE unescape_status assign_string(char const* p, std::size_t bound, std::string& out) {
  char const* end = find_quote_or_backslash(p);
  if (*end != '"') return unescape_string(p, bound, out);
  std::size_t n = std::size_t(end - p);
  if (n <= out.capacity()) {
    out.clear();  // clear + append: cheaper than assign's general replace
    out.append(p, n);
  } else {
    out = std::string(p, n);  // a new buffer anyway (a fresh object): construct it, not grow into it
  }
  return unescape_status::ok;
}

/// unescape_string when the raw length is not known yet.
inline unescape_status unescape_string(char const* p, std::string& out) {
  bool escaped;
  return unescape_string(p, raw_string_length(p, escaped), out);
}

/// A raw string body as a view: of the input itself when it has no escapes, else of `scratch`,
/// which receives the unescaped text.
inline unescape_status string_body(char const* raw, std::string_view& out, std::string& scratch) {
  bool escaped;
  std::size_t n = raw_string_length(raw, escaped);
  if (!escaped) {
    out = std::string_view(raw, n);
    return unescape_status::ok;
  }
  auto st = unescape_string(raw, n, scratch);
  out = scratch;
  return st;
}

// Length of the UTF-8 sequence starting at p[i] (a byte >= 0x80), or 0 if it is not valid there.
inline std::size_t utf8_sequence_length(unsigned char const* p, std::size_t i, std::size_t n) noexcept {
  unsigned char c = p[i];
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
    return 0;
  }
  if (i + len > n) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    if ((p[i + k] & 0xC0) != 0x80) return 0;
    cp = cp << 6 | (p[i + k] & 0x3F);
  }
  if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
    return 0;  // overlong, surrogate or beyond Unicode
  return len;
}

/// Length of the valid UTF-8 prefix of s (s.size() when all of it is valid).
inline std::size_t valid_utf8_prefix(std::string_view s) noexcept {
  auto const* p = reinterpret_cast<unsigned char const*>(s.data());
  std::size_t n = s.size(), i = 0;
  while (i < n) {
    if (p[i] < 0x80) {
      ++i;
    } else if (std::size_t len = utf8_sequence_length(p, i, n)) {
      i += len;
    } else {
      return i;
    }
  }
  return n;
}

/// Appends `s` as a quoted JSON string (RFC 8259 escaping; valid UTF-8 passes through).
/// Returns false, leaving `out` as it was, when `s` is not valid UTF-8.
inline bool append_json_string(std::string& out, std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  auto const* p = reinterpret_cast<unsigned char const*>(s.data());
  std::size_t const n = s.size(), mark = out.size();
  // Write through a pointer into room made up front; escapes grow it only when the slack runs out.
  out.resize(mark + n + 34);
  char* d = out.data() + mark;
  char* end = out.data() + out.size();
  *d++ = '"';
  std::size_t run = 0, i = 0;  // bytes [run, i) go out unchanged
  auto flush = [&] {
    std::memcpy(d, s.data() + run, i - run);
    d += i - run;
  };
  for (;;) {
#if defined(__SSE2__)
    // Skip 16 plain bytes at a time: no control character, quote, backslash or non-ASCII byte
    // (a signed compare below 0x20 catches both control characters and bytes >= 0x80).
    __m128i const low = _mm_set1_epi8(0x20), quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
    while (i + 16 <= n) {
      __m128i v = _mm_loadu_si128(reinterpret_cast<__m128i const*>(p + i));
      __m128i special =
          _mm_or_si128(_mm_cmplt_epi8(v, low), _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
      if (int m = _mm_movemask_epi8(special)) {
        i += std::size_t(__builtin_ctz(unsigned(m)));
        break;
      }
      i += 16;
    }
#endif
    while (i < n && p[i] >= 0x20 && p[i] < 0x80 && p[i] != '"' && p[i] != '\\') ++i;
    if (i == n) break;
    unsigned char c = p[i];
    if (c >= 0x80) {
      std::size_t len = utf8_sequence_length(p, i, n);
      if (len == 0) {
        out.resize(mark);
        return false;
      }
      i += len;
      continue;
    }
    // Room for the pending run, this escape (at most 6 bytes), the rest and the closing quote;
    // the rest can grow six-fold at worst, but rarely does, so grow in steps.
    if (std::size_t(end - d) < n - run + 6) {
      std::size_t used = std::size_t(d - out.data());
      out.resize(used + (n - run) + 64 + (n - i) / 2);
      d = out.data() + used;
      end = out.data() + out.size();
    }
    flush();
    d[0] = '\\';
    switch (c) {
      case '"':
        d[1] = '"', d += 2;
        break;
      case '\\':
        d[1] = '\\', d += 2;
        break;
      case '\b':
        d[1] = 'b', d += 2;
        break;
      case '\f':
        d[1] = 'f', d += 2;
        break;
      case '\n':
        d[1] = 'n', d += 2;
        break;
      case '\r':
        d[1] = 'r', d += 2;
        break;
      case '\t':
        d[1] = 't', d += 2;
        break;
      default:
        d[1] = 'u', d[2] = '0', d[3] = '0', d[4] = hex[c >> 4], d[5] = hex[c & 15];
        d += 6;
    }
    run = ++i;
  }
  flush();  // the room kept above fits the tail and the quote
  *d++ = '"';
  out.resize(std::size_t(d - out.data()));
  return true;
}

}  // namespace awsjson::detail
