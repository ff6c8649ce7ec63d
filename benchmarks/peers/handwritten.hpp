// A hand-written simdjson on-demand decoder for exactly this response, as strong as a person can
// write it for one struct, with every technique awsjson uses that such a person would use:
// - every step inlined into one function, so that simdjson's iterator stays in registers (an
//   on-demand value handed to a call that is not inlined keeps it in memory for the whole walk);
// - keys matched on raw bytes as constants (8-byte words, then the closing quote), in the order
//   the service writes them: the member after the last one found is tried first, so that a
//   document in model order costs one comparison per member; then every member in turn;
// - strings unescaped straight into the reused destination std::string (no second copy through
//   simdjson's buffer): SSE2 finds quotes and backslashes 16 bytes at a time, runs of plain bytes
//   are copied whole, runs of escapes are taken in a loop; nothing goes through simdjson's
//   get_string or get_double, which hand its iterator to code that is not inlined;
// - enum values matched as constants, the wire string kept only for values the build lacks;
// - timestamps read as exact integer milliseconds from the number's text (no double);
// - storage reused across calls, and the members a document omits reset at the end.
// What it leaves out on purpose (awsjson's, not what one writes for one struct): the SSSE3
// unescaper for strings dense with escapes, chosen at run time, and error messages.
#pragma once

#include <simdjson.h>

#include <charconv>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "../common.hpp"

namespace bench::handwritten {

namespace od = simdjson::ondemand;

#define BENCH_INLINE inline __attribute__((always_inline))

// Position of the first '"' or '\\' at or after p (simdjson pads its input, so reading ahead is safe).
BENCH_INLINE char const* find_special(char const* p) {
#if defined(__SSE2__)
  __m128i const quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
  for (;; p += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<__m128i const*>(p));
    if (int m = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash))))
      return p + __builtin_ctz(unsigned(m));
  }
#else
  while (*p != '"' && *p != '\\') ++p;
  return p;
#endif
}

BENCH_INLINE char simple_escape(char c) {
  switch (c) {
    case '"':
    case '\\':
    case '/':
      return c;
    case 'b':
      return '\b';
    case 'f':
      return '\f';
    case 'n':
      return '\n';
    case 'r':
      return '\r';
    case 't':
      return '\t';
    default:
      return 0;
  }
}

BENCH_INLINE int hex(char c) {
  if (unsigned(c - '0') < 10) return c - '0';
  if (unsigned((c | 0x20) - 'a') < 6) return (c | 0x20) - 'a' + 10;
  return -1;
}

BENCH_INLINE bool hex4(char const* p, unsigned& out) {
  int a = hex(p[0]), b = hex(p[1]), c = hex(p[2]), d = hex(p[3]);
  if ((a | b | c | d) < 0) return false;
  out = unsigned(a << 12 | b << 8 | c << 4 | d);
  return true;
}

// A \u escape (a surrogate pair takes two) at p, as UTF-8 at d; false if malformed.
inline bool unicode_escape(char const*& p, char*& d) {
  unsigned cp, lo;
  if (!hex4(p + 2, cp)) return false;
  p += 6;
  if (cp >= 0xD800 && cp <= 0xDBFF) {
    if (p[0] != '\\' || p[1] != 'u' || !hex4(p + 2, lo) || lo < 0xDC00 || lo > 0xDFFF) return false;
    p += 6;
    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
  } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
    return false;
  }
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
  return true;
}

// The string's body at p (past its opening quote) into out; `bound` (the token's length) is never
// shorter than the unescaped text. Out of line, as it takes only pointers: strings with escapes
// are the rarer case. False on a bad escape.
inline bool unescape_into(char const* p, std::size_t bound, std::string& out) {
  out.resize(bound + 16);  // reuses capacity; the slack takes whole 16-byte stores
  char* const d0 = out.data();
  char* d = d0;
  for (;;) {
    char const* q = find_special(p);
    std::size_t n = std::size_t(q - p);
    if (n <= 16)
      std::memcpy(d, p, 16);
    else
      std::memcpy(d, p, n);
    d += n;
    p = q;
    if (*p == '"') break;
    if (char e = simple_escape(p[1])) {
      do {  // escapes come in runs (JSON held in a string: \\\")
        *d++ = e;
        p += 2;
      } while (p[0] == '\\' && (e = simple_escape(p[1])) != 0);
    } else if (p[1] != 'u' || !unicode_escape(p, d)) {
      return false;
    }
  }
  out.resize(std::size_t(d - d0));
  return true;
}

BENCH_INLINE bool read_string(od::value& v, std::string& out) {
  od::raw_json_string raw;
  if (v.get_raw_json_string().get(raw)) return false;
  char const* p = raw.raw();
  char const* end = find_special(p);
  if (*end == '"') {  // no escapes: the common case, one copy
    out.clear();
    out.append(p, std::size_t(end - p));
    return true;
  }
  return unescape_into(p, v.raw_json_token().size(), out);
}

// Whether the raw string at p is exactly the N-1 characters of `name`: 8-byte words against
// constants (the last one overlapping), then the closing quote.
template <std::size_t N>
BENCH_INLINE bool raw_is(char const* p, char const (&name)[N]) {
  constexpr std::size_t n = N - 1;
  if constexpr (n >= 8) {
    std::uint64_t a, b, x, y;
    std::memcpy(&a, p, 8);
    std::memcpy(&x, name, 8);
    std::memcpy(&b, p + n - 8, 8);
    std::memcpy(&y, name + n - 8, 8);
    if (a != x) return false;
    bool middle = n <= 16 || std::memcmp(p + 8, name + 8, n - 8) == 0;
    return b == y && middle && p[n] == '"';
  } else {
    return std::memcmp(p, name, n) == 0 && p[n] == '"';
  }
}

BENCH_INLINE bool read_millis(od::value& v, awsjson::timestamp& out) {
  std::string_view tok = v.raw_json_token();
  char const* p = tok.data();
  bool neg = *p == '-';
  p += neg;
  std::int64_t secs = 0, ms = 0;
  while (unsigned(*p - '0') < 10) secs = secs * 10 + (*p++ - '0');
  int digits = 0;
  if (*p == '.') {
    for (++p; unsigned(*p - '0') < 10; ++p)
      if (digits < 3) ms = ms * 10 + (*p - '0'), ++digits;
  }
  if (*p == 'e' || *p == 'E') {  // exponent forms: through a double, rounded down to the millisecond
    double d;
    if (std::from_chars(tok.data(), tok.data() + tok.size(), d).ec != std::errc()) return false;
    out = awsjson::timestamp(std::chrono::milliseconds(std::int64_t(std::floor(d * 1000))));
    return true;
  }
  for (; digits < 3; ++digits) ms *= 10;
  std::int64_t total = secs * 1000 + ms;
  out = awsjson::timestamp(std::chrono::milliseconds(neg ? -total : total));
  return true;
}

template <class E>
BENCH_INLINE bool read_enum(od::value& v, std::optional<awsjson::open_enum<E>>& out) {
  od::raw_json_string raw;
  if (v.get_raw_json_string().get(raw)) return false;
  char const* p = raw.raw();
  using awsjson::ssm::MaintenanceWindowExecutionStatus;
  using awsjson::ssm::MaintenanceWindowTaskType;
  auto& e = slot(out);
  if constexpr (std::is_same_v<E, MaintenanceWindowTaskType>) {
    if (raw_is(p, "RUN_COMMAND")) return e.assign(E::RUN_COMMAND), true;
    if (raw_is(p, "AUTOMATION")) return e.assign(E::AUTOMATION), true;
    if (raw_is(p, "STEP_FUNCTIONS")) return e.assign(E::STEP_FUNCTIONS), true;
    if (raw_is(p, "LAMBDA")) return e.assign(E::LAMBDA), true;
  } else {
    if (raw_is(p, "PENDING")) return e.assign(E::PENDING), true;
    if (raw_is(p, "IN_PROGRESS")) return e.assign(E::IN_PROGRESS), true;
    if (raw_is(p, "SUCCESS")) return e.assign(E::SUCCESS), true;
    if (raw_is(p, "FAILED")) return e.assign(E::FAILED), true;
    if (raw_is(p, "TIMED_OUT")) return e.assign(E::TIMED_OUT), true;
    if (raw_is(p, "CANCELLING")) return e.assign(E::CANCELLING), true;
    if (raw_is(p, "CANCELLED")) return e.assign(E::CANCELLED), true;
    if (raw_is(p, "SKIPPED_OVERLAPPING")) return e.assign(E::SKIPPED_OVERLAPPING), true;
  }
  std::string s;  // a value this build lacks (or one written with escapes): kept as its text
  if (!read_string(v, s)) return false;
  e.assign(s);
  return true;
}

inline bool decode(simdjson::padded_string_view json, Response& r) {
  thread_local od::parser parser;
  od::document doc;
  od::object obj;
  if (parser.iterate(json).get(doc) || doc.get_object().get(obj)) return false;
  unsigned seen = 0;
  int next = 0;  // the member the service writes next, in model order
  for (auto result : obj) {
    od::field field;
    if (std::move(result).get(field)) return false;
    char const* k = field.key().raw();
    od::value& v = field.value();
    bool ok = true;
    int member = -1;
    // Members in model order, from the one after the last found; then from the first. A chain of
    // conditional branches (no jump table, whose indirect branch mispredicts as members change).
    for (int from = next;; from = 0) {
      if (from <= 0 && raw_is(k, "WindowExecutionId")) {
        ok = read_string(v, slot(r.WindowExecutionId)), member = 0;
      } else if (from <= 1 && raw_is(k, "TaskExecutionId")) {
        ok = read_string(v, slot(r.TaskExecutionId)), member = 1;
      } else if (from <= 2 && raw_is(k, "InvocationId")) {
        ok = read_string(v, slot(r.InvocationId)), member = 2;
      } else if (from <= 3 && raw_is(k, "ExecutionId")) {
        ok = read_string(v, slot(r.ExecutionId)), member = 3;
      } else if (from <= 4 && raw_is(k, "TaskType")) {
        ok = read_enum(v, r.TaskType), member = 4;
      } else if (from <= 5 && raw_is(k, "Parameters")) {
        ok = read_string(v, slot(r.Parameters)), member = 5;
      } else if (from <= 6 && raw_is(k, "Status")) {
        ok = read_enum(v, r.Status), member = 6;
      } else if (from <= 7 && raw_is(k, "StatusDetails")) {
        ok = read_string(v, slot(r.StatusDetails)), member = 7;
      } else if (from <= 8 && raw_is(k, "StartTime")) {
        ok = read_millis(v, slot(r.StartTime)), member = 8;
      } else if (from <= 9 && raw_is(k, "EndTime")) {
        ok = read_millis(v, slot(r.EndTime)), member = 9;
      } else if (from <= 10 && raw_is(k, "OwnerInformation")) {
        ok = read_string(v, slot(r.OwnerInformation)), member = 10;
      } else if (from <= 11 && raw_is(k, "WindowTargetId")) {
        ok = read_string(v, slot(r.WindowTargetId)), member = 11;
      }
      if (member >= 0 || from == 0) break;
    }
    if (!ok) return false;
    if (member >= 0) {
      seen |= 1u << member;
      next = member + 1;
    }
    // An unknown member: the loop's next step skips its value.
  }
  if (seen != 4095) {  // members the document did not carry
    if (!(seen & 1)) r.WindowExecutionId.reset();
    if (!(seen & 2)) r.TaskExecutionId.reset();
    if (!(seen & 4)) r.InvocationId.reset();
    if (!(seen & 8)) r.ExecutionId.reset();
    if (!(seen & 16)) r.TaskType.reset();
    if (!(seen & 32)) r.Parameters.reset();
    if (!(seen & 64)) r.Status.reset();
    if (!(seen & 128)) r.StatusDetails.reset();
    if (!(seen & 256)) r.StartTime.reset();
    if (!(seen & 512)) r.EndTime.reset();
    if (!(seen & 1024)) r.OwnerInformation.reset();
    if (!(seen & 2048)) r.WindowTargetId.reset();
  }
  return true;
}

#undef BENCH_INLINE

}  // namespace bench::handwritten
