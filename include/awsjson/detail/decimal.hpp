// Exact decimal numbers: a JSON number's text to a scaled integer without passing through a
// double, so 1700000000.123 seconds is exactly 1700000000123 ms and 1234567890123456789 stays exact.
#pragma once

#include <bit>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <limits>
#include <ratio>
#include <string_view>
#include <type_traits>

#include "config.hpp"

namespace awsjson::detail {

__extension__ typedef unsigned __int128 uint128;

/// value = (negative ? -1 : 1) * (digits + tail) * 10^exponent, where 0 <= tail < 1 and
/// `inexact` says whether tail > 0 (digits past the 38 kept).
struct decimal {
  uint128 digits = 0;
  int exponent = 0;
  bool negative = false;
  bool inexact = false;
};

/// Parses strict JSON number grammar (RFC 8259). Returns false on anything else.
constexpr bool parse_decimal(std::string_view s, decimal& out) noexcept {
  decimal d;
  std::size_t i = 0, n = s.size();
  if (i < n && s[i] == '-') {
    d.negative = true;
    ++i;
  }
  if (i == n || s[i] < '0' || s[i] > '9') return false;
  constexpr uint128 limit = uint128(1) << 124;  // keep digits while *10 cannot overflow
  auto add_digit = [&](char c, bool fraction) {
    if (d.digits < limit / 10) {
      d.digits = d.digits * 10 + unsigned(c - '0');
      if (fraction) --d.exponent;
    } else {
      if (!fraction) ++d.exponent;  // an integer digit we cannot keep still scales the value
      if (c != '0') d.inexact = true;
    }
  };
  if (s[i] == '0') {
    ++i;  // a leading zero stands alone
  } else {
    while (i < n && s[i] >= '0' && s[i] <= '9') add_digit(s[i++], false);
  }
  if (i < n && s[i] == '.') {
    ++i;
    if (i == n || s[i] < '0' || s[i] > '9') return false;
    while (i < n && s[i] >= '0' && s[i] <= '9') add_digit(s[i++], true);
  }
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool neg = false;
    if (i < n && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
    if (i == n || s[i] < '0' || s[i] > '9') return false;
    long e = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9') {
      if (e < 100000) e = e * 10 + (s[i] - '0');  // saturate: anything this large is out of range anyway
      ++i;
    }
    d.exponent += int(neg ? -e : e);
  }
  if (i != n) return false;
  out = d;
  return true;
}

constexpr bool mul_overflows(uint128 a, uint128 b, uint128& r) noexcept { return __builtin_mul_overflow(a, b, &r); }

/// floor(value * Period^-1 seconds) as Rep, for a value in seconds. False when out of range.
template <class Rep, class Period>
constexpr bool decimal_seconds_to_ticks(decimal const& d, Rep& out) noexcept {
  static_assert(std::numeric_limits<Rep>::is_integer, "timestamps need an integer duration");
  // ticks = digits * 10^exponent * den / num, floored.
  uint128 mag = 0;
  bool rem = d.inexact;
  if (mul_overflows(d.digits, uint128(Period::den), mag)) return false;
  if (d.exponent >= 0) {
    for (int e = 0; e < d.exponent && mag != 0; ++e)
      if (mul_overflows(mag, 10, mag)) return false;
  } else if (d.exponent < -38) {
    rem = rem || mag != 0;
    mag = 0;
  } else {
    uint128 p = 1;
    for (int e = 0; e < -d.exponent; ++e) p *= 10;
    rem = rem || mag % p != 0;
    mag /= p;
  }
  rem = rem || mag % uint128(Period::num) != 0;
  mag /= uint128(Period::num);
  // Floor: a negative value with a remainder moves one tick toward the past.
  constexpr auto max = uint128(std::numeric_limits<Rep>::max());
  if (!d.negative) {
    if (mag > max) return false;
    out = Rep(mag);
  } else {
    if (rem) ++mag;
    if (mag > max + 1) return false;
    out = mag == max + 1 ? std::numeric_limits<Rep>::min() : Rep(-Rep(mag));
  }
  return true;
}

// Eight ASCII digits at once, read as one little-endian word (SWAR): a handful of instructions
// instead of a multiply-add per digit.
inline bool is_eight_digits(std::uint64_t w) noexcept {
  if constexpr (std::endian::native != std::endian::little) return false;
  return ((w & 0xF0F0F0F0F0F0F0F0) | (((w + 0x0606060606060606) & 0xF0F0F0F0F0F0F0F0) >> 4)) == 0x3333333333333333;
}
inline std::uint32_t parse_eight_digits(std::uint64_t w) noexcept {
  w -= 0x3030303030303030;
  w = (w * 10) + (w >> 8);  // pairs of digits
  w = (((w & 0x000000FF000000FF) * (100 + (1000000ULL << 32))) +
       (((w >> 16) & 0x000000FF000000FF) * (1 + (10000ULL << 32)))) >>
      32;
  return std::uint32_t(w);
}

constexpr bool is_power_of_ten(std::intmax_t v) noexcept {
  while (v > 1 && v % 10 == 0) v /= 10;
  return v == 1;
}

/// The common case of decimal_seconds_to_ticks, straight from the text: plain decimals such as
/// `1700000000.123` (no exponent, at most 15 integer digits) into a power-of-ten period. Returns
/// false, leaving `out` alone, for anything else: the caller then takes the general path, which
/// also reports the errors.
template <class Rep, class Period>
constexpr bool fast_seconds_to_ticks(std::string_view s, Rep& out) noexcept {
  if constexpr (Period::num != 1 || !is_power_of_ten(Period::den) || Period::den > 1000000000 ||
                !(std::is_same_v<Rep, std::int64_t> || std::is_same_v<Rep, long long>)) {
    return false;
  } else {
    constexpr int period_digits = [] {
      int k = 0;
      for (auto d = Period::den; d > 1; d /= 10) ++k;
      return k;
    }();
    constexpr std::int64_t pow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000};
    std::size_t i = 0, n = s.size();
    bool negative = n && s[0] == '-';
    i += negative;
    std::size_t first = i;
    std::int64_t whole = 0;
    constexpr std::size_t max_digits = std::size_t(18 - period_digits);  // whole * den stays below 10^18
    if (!std::is_constant_evaluated() && n - i >= 8 && s[i] != '0') {    // epoch seconds have 10 digits
      std::uint64_t w;
      if (std::memcpy(&w, s.data() + i, 8), is_eight_digits(w)) whole = parse_eight_digits(w), i += 8;
    }
    while (i < n && unsigned(s[i] - '0') < 10) {
      if (i - first == max_digits) return false;  // too long for this path: before it could overflow
      whole = whole * 10 + (s[i++] - '0');
    }
    std::size_t digits = i - first;
    if (digits == 0 || (digits > 1 && s[first] == '0')) return false;  // a leading zero stands alone
    std::int64_t frac = 0;
    int kept = 0;
    bool rest = false;  // nonzero digits beyond the period
    if (i < n && s[i] == '.') {
      std::size_t start = ++i;
      for (; i < n && unsigned(s[i] - '0') < 10; ++i) {
        if (kept < period_digits)
          frac = frac * 10 + (s[i] - '0'), ++kept;
        else
          rest |= s[i] != '0';
      }
      if (i == start) return false;
    }
    if (i != n) return false;
    std::int64_t ticks = whole * std::int64_t(Period::den) + frac * pow10[period_digits - kept];
    out = Rep(negative ? -ticks - rest : ticks);  // floor: toward the past
    return true;
  }
}

/// The most common epoch-seconds text, read with no loop from a padded buffer (simdjson's input
/// has 64 bytes past its end; this reads at most 8 past the text's): 10 integer digits (the
/// years 2001 to 2286), optionally followed by '.' and 1 to 8 fraction digits. Into a
/// power-of-ten period, floored. Returns false, leaving `out` alone, for anything else.
template <class Rep, class Period>
AWSJSON_ALWAYS_INLINE bool padded_epoch_seconds_to_ticks(char const* p, std::size_t n, Rep& out) noexcept {
  if constexpr (Period::num != 1 || !is_power_of_ten(Period::den) || Period::den > 1000000000 ||
                !(std::is_same_v<Rep, std::int64_t> || std::is_same_v<Rep, long long>) ||
                std::endian::native != std::endian::little) {
    return false;
  } else {
    if (n != 10 && (n < 12 || n > 19)) return false;
    std::uint64_t head;
    std::memcpy(&head, p, 8);
    unsigned d8 = unsigned(p[8] - '0'), d9 = unsigned(p[9] - '0');
    if (!is_eight_digits(head) || p[0] == '0' || d8 > 9 || d9 > 9) return false;
    constexpr std::int64_t den = Period::den;
    std::int64_t whole = std::int64_t(parse_eight_digits(head)) * 100 + d8 * 10 + d9;
    if (whole > (std::numeric_limits<std::int64_t>::max() - den) / den) return false;
    std::int64_t frac = 0;  // in units of 10^-8 s
    if (n > 10) {
      if (p[10] != '.') return false;
      std::uint64_t tail;
      std::memcpy(&tail, p + 11, 8);
      // The bytes past the fraction's k digits read as '0's.
      std::uint64_t keep = ~std::uint64_t(0) >> 8 * (19 - n);
      tail = (tail & keep) | (0x3030303030303030 & ~keep);
      if (!is_eight_digits(tail)) return false;
      frac = parse_eight_digits(tail);
    }
    out = Rep(whole * den + (den >= 100000000 ? frac * (den / 100000000) : frac / (100000000 / den)));
    return true;
  }
}

}  // namespace awsjson::detail
