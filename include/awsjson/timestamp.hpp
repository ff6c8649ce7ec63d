// Timestamps: one instant type, three wire forms (Smithy's epoch-seconds, date-time, http-date).
//
// Parsing is our own small scanner over C++20's calendar arithmetic (std::chrono::year_month_day,
// the standard form of Howard Hinnant's date: no iostreams, no locale, no extra header,
// works with -fno-exceptions). Every form converts exactly and floors to the target precision,
// so the number and the string form of one instant decode to the same value.
#pragma once

#include <charconv>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "detail/decimal.hpp"
#include "metadata.hpp"
#include "status.hpp"

namespace awsjson {

/// The model's timestamp: an instant in UTC at millisecond precision (what AWS services send).
using timestamp = std::chrono::sys_time<std::chrono::milliseconds>;

/// Why a timestamp could not be read: the parsers' results, and the decoder's.
enum class timestamp_status : unsigned char {
  ok = 0,
  out_of_range,
  not_epoch_seconds,
  not_date_time,
  no_such_date,
  time_of_day_out_of_range,
  missing_fraction_digits,
  bad_utc_offset,
  utc_offset_out_of_range,
  missing_time_zone,
  trailing_characters,
  http_date_fraction,
  not_http_date,
  unknown_month,
  weekday_mismatch,
  not_a_timestamp,
  not_number_or_string,  ///< the JSON value is neither a number nor a string
  bad_json_string,       ///< the JSON string is malformed (a bad escape)
};

constexpr char const* describe(timestamp_status s) noexcept {
  switch (s) {
    case timestamp_status::out_of_range:
      return "timestamp out of range";
    case timestamp_status::not_epoch_seconds:
      return "not a number of epoch seconds";
    case timestamp_status::not_date_time:
      return "not an RFC 3339 date-time (expected YYYY-MM-DDThh:mm:ss[.fff](Z|+hh:mm))";
    case timestamp_status::no_such_date:
      return "no such calendar date";
    case timestamp_status::time_of_day_out_of_range:
      return "time of day out of range (hour 0-23, minute 0-59, second 0-59)";
    case timestamp_status::missing_fraction_digits:
      return "a '.' must be followed by fraction digits";
    case timestamp_status::bad_utc_offset:
      return "bad UTC offset (expected +hh:mm or -hh:mm)";
    case timestamp_status::utc_offset_out_of_range:
      return "UTC offset out of range";
    case timestamp_status::missing_time_zone:
      return "missing time zone (expected Z or +hh:mm)";
    case timestamp_status::trailing_characters:
      return "unexpected characters after the date-time";
    case timestamp_status::http_date_fraction:
      return "an HTTP date cannot have fractional seconds";
    case timestamp_status::not_http_date:
      return "not an HTTP date (expected e.g. Sun, 02 Jan 2000 20:34:56 GMT)";
    case timestamp_status::unknown_month:
      return "unknown month name in HTTP date";
    case timestamp_status::weekday_mismatch:
      return "weekday does not match the date";
    case timestamp_status::not_a_timestamp:
      return "not a timestamp (expected RFC 3339 date-time, HTTP date or epoch seconds)";
    case timestamp_status::not_number_or_string:
      return "not a JSON number or string";
    case timestamp_status::bad_json_string:
      return "malformed JSON string";
    default:
      return "ok";
  }
}

/// A timestamp parser's outcome: converts to true when something is wrong (see status.hpp).
using timestamp_result = parse_result<timestamp_status>;

template <class T>
inline constexpr bool is_timestamp = false;
template <class D>
inline constexpr bool is_timestamp<std::chrono::sys_time<D>> = true;

namespace detail {

constexpr bool digits_at(std::string_view s, std::size_t pos, std::size_t count, int& out) noexcept {
  if (pos + count > s.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  out = v;
  return true;
}

// Seconds since the epoch plus nanoseconds, to the target duration (floored).
template <class D>
[[nodiscard]] constexpr timestamp_result civil_to_time(std::int64_t seconds, std::int64_t nanos,
                                                       std::chrono::sys_time<D>& out) noexcept {
  __extension__ typedef __int128 int128;
  int128 total = int128(seconds) * 1000000000 + nanos;
  decimal d;
  d.negative = total < 0;
  d.digits = uint128(d.negative ? -total : total);
  d.exponent = -9;
  typename D::rep ticks{};
  if (!decimal_seconds_to_ticks<typename D::rep, typename D::period>(d, ticks)) return timestamp_status::out_of_range;
  out = std::chrono::sys_time<D>(D(ticks));
  return timestamp_status::ok;
}

constexpr std::int64_t days_from_civil(int y, int m, int d) noexcept {
  return std::chrono::sys_days(std::chrono::year(y) / m / d).time_since_epoch().count();
}

constexpr bool valid_date(int y, int m, int d) noexcept {
  return std::chrono::year_month_day(std::chrono::year(y), std::chrono::month(unsigned(m)),
                                     std::chrono::day(unsigned(d)))
      .ok();
}

inline constexpr std::string_view month_names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
inline constexpr std::string_view weekday_names[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

}  // namespace detail

/// Epoch seconds as JSON number text: integer, fraction or exponent (`1.7000000001E9`), negative too.
/// Returns timestamp_status::ok on success, else what is wrong.
template <class D>
[[nodiscard]] constexpr timestamp_result parse_epoch_seconds(std::string_view text,
                                                             std::chrono::sys_time<D>& out) noexcept {
  if (typename D::rep ticks{}; detail::fast_seconds_to_ticks<typename D::rep, typename D::period>(text, ticks)) {
    out = std::chrono::sys_time<D>(D(ticks));
    return timestamp_status::ok;
  }
  detail::decimal d;
  if (!detail::parse_decimal(text, d)) return timestamp_status::not_epoch_seconds;
  typename D::rep ticks{};
  if (!detail::decimal_seconds_to_ticks<typename D::rep, typename D::period>(d, ticks))
    return timestamp_status::out_of_range;
  out = std::chrono::sys_time<D>(D(ticks));
  return timestamp_status::ok;
}

/// RFC 3339 date-time: `2000-01-02T20:34:56.123Z`, 0-9 fraction digits (more are floored away),
/// `Z` or a `+hh:mm`/`-hh:mm` offset (normalized to UTC). Lowercase `t` and `z` are accepted as
/// RFC 3339 allows; leap seconds (`:60`) and `24:00:00` are rejected: an instant type cannot hold them.
template <class D>
[[nodiscard]] constexpr timestamp_result parse_date_time(std::string_view s, std::chrono::sys_time<D>& out) noexcept {
  using detail::digits_at;
  int y, mo, d, h, mi, sec;
  if (!(digits_at(s, 0, 4, y) && s.size() > 4 && s[4] == '-' && digits_at(s, 5, 2, mo) && s.size() > 7 && s[7] == '-' &&
        digits_at(s, 8, 2, d) && s.size() > 10 && (s[10] == 'T' || s[10] == 't') && digits_at(s, 11, 2, h) &&
        s.size() > 13 && s[13] == ':' && digits_at(s, 14, 2, mi) && s.size() > 16 && s[16] == ':' &&
        digits_at(s, 17, 2, sec)))
    return timestamp_status::not_date_time;
  if (!detail::valid_date(y, mo, d)) return timestamp_status::no_such_date;
  if (h > 23 || mi > 59 || sec > 59) return timestamp_status::time_of_day_out_of_range;
  std::size_t i = 19;
  std::int64_t nanos = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    std::size_t first = i;
    int kept = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      if (kept < 9) {
        nanos = nanos * 10 + (s[i] - '0');
        ++kept;
      }
      ++i;
    }
    if (i == first) return timestamp_status::missing_fraction_digits;
    for (; kept < 9; ++kept) nanos *= 10;
  }
  std::int64_t offset = 0;
  if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
    ++i;
  } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    int oh, om;
    if (!(digits_at(s, i + 1, 2, oh) && i + 3 < s.size() && s[i + 3] == ':' && digits_at(s, i + 4, 2, om)))
      return timestamp_status::bad_utc_offset;
    if (oh > 23 || om > 59) return timestamp_status::utc_offset_out_of_range;
    offset = (oh * 3600 + om * 60) * (s[i] == '-' ? -1 : 1);
    i += 6;
  } else {
    return timestamp_status::missing_time_zone;
  }
  if (i != s.size()) return timestamp_status::trailing_characters;
  std::int64_t seconds = detail::days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - offset;
  return detail::civil_to_time(seconds, nanos, out);
}

/// IMF-fixdate (RFC 7231): `Sun, 02 Jan 2000 20:34:56 GMT`. The weekday must match the date;
/// a fraction of a second is an error, as Smithy says.
template <class D>
[[nodiscard]] constexpr timestamp_result parse_http_date(std::string_view s, std::chrono::sys_time<D>& out) noexcept {
  using detail::digits_at;
  if (s.size() > 25 && s[25] == '.' && s.find(" GMT") != std::string_view::npos)
    return timestamp_status::http_date_fraction;
  int d, y, h, mi, sec;
  if (!(s.size() == 29 && s[3] == ',' && s[4] == ' ' && digits_at(s, 5, 2, d) && s[7] == ' ' && s[11] == ' ' &&
        digits_at(s, 12, 4, y) && s[16] == ' ' && digits_at(s, 17, 2, h) && s[19] == ':' && digits_at(s, 20, 2, mi) &&
        s[22] == ':' && digits_at(s, 23, 2, sec) && s.substr(25) == " GMT"))
    return timestamp_status::not_http_date;
  int mo = 0;
  for (int k = 0; k < 12; ++k)
    if (s.substr(8, 3) == detail::month_names[k]) mo = k + 1;
  if (mo == 0) return timestamp_status::unknown_month;
  if (!detail::valid_date(y, mo, d)) return timestamp_status::no_such_date;
  if (h > 23 || mi > 59 || sec > 59) return timestamp_status::time_of_day_out_of_range;
  std::int64_t days = detail::days_from_civil(y, mo, d);
  auto wd = std::chrono::weekday(std::chrono::sys_days(std::chrono::days(days))).c_encoding();
  if (s.substr(0, 3) != detail::weekday_names[wd]) return timestamp_status::weekday_mismatch;
  return detail::civil_to_time(days * 86400 + h * 3600 + mi * 60 + sec, 0, out);
}

/// A timestamp sent as a JSON string, in whichever form it came: date-time, HTTP date or
/// epoch seconds as text (botocore accepts all three whatever the model says; so do we).
template <class D>
[[nodiscard]] constexpr timestamp_result parse_timestamp_string(std::string_view s,
                                                                std::chrono::sys_time<D>& out) noexcept {
  if (s.size() >= 5 && s[4] == '-') return parse_date_time(s, out);
  if (s.size() >= 5 && s[3] == ',') return parse_http_date(s, out);
  if (!parse_epoch_seconds(s, out)) return timestamp_status::ok;
  return timestamp_status::not_a_timestamp;
}

namespace detail {
template <class D>
constexpr void split_seconds(std::chrono::sys_time<D> t, std::int64_t& secs, std::uint64_t& frac_ticks,
                             std::uint64_t& ticks_per_second) noexcept {
  auto s = std::chrono::floor<std::chrono::seconds>(t);
  secs = s.time_since_epoch().count();
  frac_ticks = std::uint64_t((t - s).count());
  ticks_per_second = std::uint64_t(D::period::den / D::period::num);
  if (ticks_per_second == 0) ticks_per_second = 1;
}

// Shortest exact decimal fraction of frac / tps (tps a power of ten), without the dot.
inline void append_fraction(std::string& out, std::uint64_t frac, std::uint64_t tps) {
  if (frac == 0) return;
  std::size_t width = 0;
  for (std::uint64_t p = tps; p > 1; p /= 10) ++width;
  char buf[24];
  for (std::size_t k = width; k-- > 0;) {
    buf[k] = char('0' + frac % 10);
    frac /= 10;
  }
  while (width > 0 && buf[width - 1] == '0') --width;
  out.push_back('.');
  out.append(buf, width);
}

inline void append_padded(std::string& out, long v, int width) {
  char buf[12];
  for (int k = width; k-- > 0;) {
    buf[k] = char('0' + v % 10);
    v /= 10;
  }
  out.append(buf, std::size_t(width));
}

/// An instant's calendar date and time of day in UTC.
struct civil_time {
  int year;
  unsigned month, day, weekday;  // weekday: 0 is Sunday
  long hour, minute, second;
};
inline civil_time to_civil(std::int64_t secs) {
  auto days = std::chrono::floor<std::chrono::days>(std::chrono::sys_seconds(std::chrono::seconds(secs)));
  std::chrono::year_month_day ymd(days);
  long tod = long(secs - std::int64_t(days.time_since_epoch().count()) * 86400);
  return {int(ymd.year()),
          unsigned(ymd.month()),
          unsigned(ymd.day()),
          std::chrono::weekday(days).c_encoding(),
          tod / 3600,
          tod / 60 % 60,
          tod % 60};
}

/// ISO 8601's date and time, `2000-01-02T20:34:56` with separators "-" and ":" (RFC 3339), or
/// `20000102T203456` with none (SigV4's X-Amz-Date). Four-digit years only.
inline void append_iso_date_time(std::string& out, civil_time const& c, std::string_view date_separator,
                                 std::string_view time_separator) {
  append_padded(out, c.year, 4);
  out += date_separator;
  append_padded(out, long(c.month), 2);
  out += date_separator;
  append_padded(out, long(c.day), 2);
  out.push_back('T');
  append_padded(out, c.hour, 2);
  out += time_separator;
  append_padded(out, c.minute, 2);
  out += time_separator;
  append_padded(out, c.second, 2);
}
}  // namespace detail

/// Epoch seconds as the awsJson protocol sends them: an integer when there is no fraction,
/// otherwise the shortest exact decimal at the type's precision (`1700000000.123`, `-0.001`).
template <class D>
void append_epoch_seconds(std::string& out, std::chrono::sys_time<D> t) {
  static_assert(std::ratio_divide<std::ratio<1>, typename D::period>::den == 1 || D::period::den == 1,
                "epoch-seconds output needs a decimal period (s, ms, us, ns)");
  std::int64_t secs;
  std::uint64_t frac, tps;
  detail::split_seconds(t, secs, frac, tps);
  char buf[24];
  char* end;
  if (secs < 0 && frac != 0) {  // print the exact magnitude: -1 ms is -0.001, not -1.999
    secs += 1;
    frac = tps - frac;
    buf[0] = '-';
    end = std::to_chars(buf + 1, buf + sizeof buf, -secs).ptr;
  } else {
    end = std::to_chars(buf, buf + sizeof buf, secs).ptr;
  }
  out.append(buf, end);
  detail::append_fraction(out, frac, tps);
}

namespace detail {
// The instants with four-digit years, 0000-01-01T00:00:00Z to 9999-12-31T23:59:59Z: all that
// RFC 3339 and HTTP dates can write (and all that calendar arithmetic on int days can hold).
inline constexpr std::int64_t first_four_digit_second = -62167219200;
inline constexpr std::int64_t last_four_digit_second = 253402300799;
}  // namespace detail

/// RFC 3339 in UTC: `2000-01-02T20:34:56Z`, with the shortest exact fraction when there is one.
/// Returns false, appending nothing, for an instant outside the years 0000-9999.
template <class D>
bool append_date_time(std::string& out, std::chrono::sys_time<D> t) {
  std::int64_t secs;
  std::uint64_t frac, tps;
  detail::split_seconds(t, secs, frac, tps);
  if (secs < detail::first_four_digit_second || secs > detail::last_four_digit_second) return false;
  detail::append_iso_date_time(out, detail::to_civil(secs), "-", ":");
  detail::append_fraction(out, frac, tps);
  out.push_back('Z');
  return true;
}

/// IMF-fixdate; the fraction of a second is dropped (the format has none). Returns false,
/// appending nothing, for an instant outside the years 0000-9999.
template <class D>
bool append_http_date(std::string& out, std::chrono::sys_time<D> t) {
  auto secs = std::int64_t(std::chrono::floor<std::chrono::seconds>(t).time_since_epoch().count());
  if (secs < detail::first_four_digit_second || secs > detail::last_four_digit_second) return false;
  detail::civil_time c = detail::to_civil(secs);
  out += detail::weekday_names[c.weekday];
  out += ", ";
  detail::append_padded(out, long(c.day), 2);
  out.push_back(' ');
  out += detail::month_names[c.month - 1];
  out.push_back(' ');
  detail::append_padded(out, c.year, 4);
  out.push_back(' ');
  detail::append_padded(out, c.hour, 2);
  out.push_back(':');
  detail::append_padded(out, c.minute, 2);
  out.push_back(':');
  detail::append_padded(out, c.second, 2);
  out += " GMT";
  return true;
}

/// A timestamp in the given wire form, as text without JSON quoting. False, appending nothing,
/// when the form cannot hold the instant (a date outside the years 0000-9999).
template <class D>
bool append_timestamp(std::string& out, std::chrono::sys_time<D> t, timestamp_format f) {
  switch (f) {
    case timestamp_format::date_time:
      return append_date_time(out, t);
    case timestamp_format::http_date:
      return append_http_date(out, t);
    default:
      append_epoch_seconds(out, t);
      return true;
  }
}

}  // namespace awsjson
