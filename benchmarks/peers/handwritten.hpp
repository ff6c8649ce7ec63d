// A hand-written simdjson on-demand decoder for exactly this response, as strong as a person can
// write it: keys matched without unescaping (by length, then bytes), each string unescaped
// straight into its destination std::string (no second copy through simdjson's buffer),
// timestamps read as exact integer milliseconds from the number's text (no double, no llround),
// storage reused across calls.
#pragma once

#include <simdjson.h>

#include <cstring>

#include "../common.hpp"

namespace bench::handwritten {

namespace od = simdjson::ondemand;

inline bool unescape_into(char const* p, std::string& out) {
  out.clear();
  for (;;) {
    char const* start = p;
    for (;; p += 8) {  // find '"' or '\\' eight bytes at a time
      std::uint64_t w;
      std::memcpy(&w, p, 8);
      std::uint64_t q = w ^ 0x2222222222222222ull, b = w ^ 0x5c5c5c5c5c5c5c5cull;
      std::uint64_t hit =
          (((q - 0x0101010101010101ull) & ~q) | ((b - 0x0101010101010101ull) & ~b)) & 0x8080808080808080ull;
      if (hit) {
        p += __builtin_ctzll(hit) >> 3;
        break;
      }
    }
    out.append(start, std::size_t(p - start));
    if (*p == '"') return true;
    char c = p[1];
    p += 2;
    switch (c) {
      case '"':
      case '\\':
      case '/':
        out.push_back(c);
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
        // Rare in AWS responses: defer to simdjson's own unescaper for this string.
        return false;
      }
      default:
        return false;
    }
  }
}

inline bool read_string(od::value& v, std::string& out) {
  od::raw_json_string raw;
  if (v.get_raw_json_string().get(raw)) return false;
  if (unescape_into(raw.raw(), out)) return true;
  std::string_view s;  // \u escapes: let simdjson do it
  if (v.get_string().get(s)) return false;
  out.assign(s);
  return true;
}

inline bool read_millis(od::value& v, awsjson::timestamp& out) {
  std::string_view tok = v.raw_json_token();
  std::size_t i = 0;
  bool neg = tok.size() && tok[0] == '-';
  i += neg;
  std::int64_t secs = 0, ms = 0;
  while (i < tok.size() && tok[i] >= '0' && tok[i] <= '9') secs = secs * 10 + (tok[i++] - '0');
  int digits = 0;
  if (i < tok.size() && tok[i] == '.') {
    ++i;
    while (i < tok.size() && tok[i] >= '0' && tok[i] <= '9') {
      if (digits < 3) ms = ms * 10 + (tok[i] - '0'), ++digits;
      ++i;
    }
  }
  if (i < tok.size() && (tok[i] == 'e' || tok[i] == 'E')) {  // exponent forms: the slow path
    double d;
    if (v.get_double().get(d)) return false;
    out = awsjson::timestamp(std::chrono::milliseconds(std::int64_t(std::floor(d * 1000))));
    return true;
  }
  for (; digits < 3; ++digits) ms *= 10;
  std::int64_t total = secs * 1000 + ms;
  out = awsjson::timestamp(std::chrono::milliseconds(neg ? -total : total));
  return true;
}

template <class E>
bool read_enum(od::value& v, std::optional<awsjson::open_enum<E>>& out) {
  od::raw_json_string raw;
  if (v.get_raw_json_string().get(raw)) return false;
  char const* p = raw.raw();
  std::size_t n = std::size_t(static_cast<char const*>(std::memchr(p, '"', 64)) - p);
  slot(out).assign(std::string_view(p, n));
  return true;
}

inline bool key_is(od::raw_json_string k, std::size_t len, char const* name) {
  return std::memcmp(k.raw(), name, len) == 0 && k.raw()[len] == '"';
}

inline bool decode(simdjson::padded_string_view json, Response& r) {
  thread_local od::parser parser;
  od::document doc;
  od::object obj;
  if (parser.iterate(json).get(doc) || doc.get_object().get(obj)) return false;
  unsigned seen = 0;
  for (auto result : obj) {
    od::field field;
    if (std::move(result).get(field)) return false;
    od::raw_json_string k = field.key();
    od::value& v = field.value();
    char const* p = k.raw();
    bool ok = true;
    // Dispatch on the first letter and the length, then confirm the whole key.
    switch (p[0]) {
      case 'W':
        if (key_is(k, 17, "WindowExecutionId"))
          ok = read_string(v, slot(r.WindowExecutionId)), seen |= 1;
        else if (key_is(k, 14, "WindowTargetId"))
          ok = read_string(v, slot(r.WindowTargetId)), seen |= 2;
        break;
      case 'T':
        if (key_is(k, 15, "TaskExecutionId"))
          ok = read_string(v, slot(r.TaskExecutionId)), seen |= 4;
        else if (key_is(k, 8, "TaskType"))
          ok = read_enum(v, r.TaskType), seen |= 8;
        break;
      case 'I':
        if (key_is(k, 12, "InvocationId")) ok = read_string(v, slot(r.InvocationId)), seen |= 16;
        break;
      case 'E':
        if (key_is(k, 11, "ExecutionId"))
          ok = read_string(v, slot(r.ExecutionId)), seen |= 32;
        else if (key_is(k, 7, "EndTime"))
          ok = read_millis(v, slot(r.EndTime)), seen |= 64;
        break;
      case 'P':
        if (key_is(k, 10, "Parameters")) ok = read_string(v, slot(r.Parameters)), seen |= 128;
        break;
      case 'S':
        if (key_is(k, 6, "Status"))
          ok = read_enum(v, r.Status), seen |= 256;
        else if (key_is(k, 13, "StatusDetails"))
          ok = read_string(v, slot(r.StatusDetails)), seen |= 512;
        else if (key_is(k, 9, "StartTime"))
          ok = read_millis(v, slot(r.StartTime)), seen |= 1024;
        break;
      case 'O':
        if (key_is(k, 16, "OwnerInformation")) ok = read_string(v, slot(r.OwnerInformation)), seen |= 2048;
        break;
    }
    if (!ok) return false;
  }
  if (seen != 4095) {  // members the document did not carry
    if (!(seen & 1)) r.WindowExecutionId.reset();
    if (!(seen & 2)) r.WindowTargetId.reset();
    if (!(seen & 4)) r.TaskExecutionId.reset();
    if (!(seen & 8)) r.TaskType.reset();
    if (!(seen & 16)) r.InvocationId.reset();
    if (!(seen & 32)) r.ExecutionId.reset();
    if (!(seen & 64)) r.EndTime.reset();
    if (!(seen & 128)) r.Parameters.reset();
    if (!(seen & 256)) r.Status.reset();
    if (!(seen & 512)) r.StatusDetails.reset();
    if (!(seen & 1024)) r.StartTime.reset();
    if (!(seen & 2048)) r.OwnerInformation.reset();
  }
  return true;
}

}  // namespace bench::handwritten
