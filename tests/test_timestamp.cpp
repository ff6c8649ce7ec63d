#include <catch2/catch.hpp>

#include <awsjson/blob.hpp>
#include <awsjson/timestamp.hpp>

#include <initializer_list>

#include <random>

using namespace std::chrono;
using awsjson::timestamp;

namespace {
std::int64_t ms_of(std::string_view text) {
  timestamp t;
  char const* err = awsjson::parse_epoch_seconds(text, t);
  INFO(text << ": " << (err ? err : "ok"));
  REQUIRE(err == nullptr);
  return t.time_since_epoch().count();
}
std::int64_t ms_of_string(std::string_view text) {
  timestamp t;
  char const* err = awsjson::parse_timestamp_string(text, t);
  INFO(text << ": " << (err ? err : "ok"));
  REQUIRE(err == nullptr);
  return t.time_since_epoch().count();
}
}  // namespace

TEST_CASE("epoch seconds convert exactly and floor to the target precision", "[timestamp]") {
  struct row {
    char const* text;
    std::int64_t ms;
  };
  row const rows[] = {
      {"0", 0},
      {"1482152400", 1482152400000},
      {"1482152400.5", 1482152400500},
      {"1700000000.123", 1700000000123},  // not 122.99999: no double on the way
      {"1700000000.1239", 1700000000123},
      {"1700000000.123456789", 1700000000123},
      {"1.7000000001E9", 1700000000100},
      {"1.4821524e+9", 1482152400000},
      {"1.480615200010E9", 1480615200010},
      {"-6.21355968E10", -62135596800000},  // what SSM really sent (botocore#1783)
      {"-1", -1000},
      {"-0.001", -1},
      {"-0.0001", -1},  // floor: toward the past, like std::chrono::floor
      {"-1.5", -1500},
      {"-0", 0},
      {"0.0009", 0},
      {"1e3", 1000000},
      {"15e-1", 1500},
      {"0.000000000000000000000000000000000000000001e42", 1000},
      {"1700000000123e-3", 1700000000123},
  };
  for (auto const& r : rows) CHECK(ms_of(r.text) == r.ms);
}

TEST_CASE("epoch seconds: bad text and out-of-range values are errors", "[timestamp]") {
  for (char const* text : {"", "-", "1.", ".5", "1e", "1e+", "01", "1x", "0x42", "1515531081ABC", "1515531081.123.456",
                           "Infinity", "NaN", "+1", " 1", "1 "}) {
    timestamp t;
    INFO(text);
    CHECK(awsjson::parse_epoch_seconds(text, t) != nullptr);
  }
  for (char const* text :
       {"1e20", "-1e20", "9223372036854775.808", "1e99999", "100000000000000000000000000000000000000000"}) {
    timestamp t;
    INFO(text);
    char const* err = awsjson::parse_epoch_seconds(text, t);
    REQUIRE(err != nullptr);
    CHECK(std::string(err) == "timestamp out of range");
  }
  // The extremes that do fit.
  CHECK(ms_of("9223372036854775.807") == std::numeric_limits<std::int64_t>::max());
  CHECK(ms_of("-9223372036854775.808") == std::numeric_limits<std::int64_t>::min());
  timestamp t;
  CHECK(awsjson::parse_epoch_seconds("-9223372036854775.8081", t) != nullptr);  // floors past the minimum
}

TEST_CASE("epoch seconds into other precisions", "[timestamp]") {
  sys_time<microseconds> us;
  REQUIRE(awsjson::parse_epoch_seconds("1700000000.123456789", us) == nullptr);
  CHECK(us.time_since_epoch().count() == 1700000000123456);
  sys_time<nanoseconds> ns;
  REQUIRE(awsjson::parse_epoch_seconds("1.700000000123456789E9", ns) == nullptr);
  CHECK(ns.time_since_epoch().count() == 1700000000123456789);
  sys_seconds s;
  REQUIRE(awsjson::parse_epoch_seconds("-0.5", s) == nullptr);
  CHECK(s.time_since_epoch().count() == -1);
  sys_days d;
  REQUIRE(awsjson::parse_epoch_seconds("86399", d) == nullptr);
  CHECK(d.time_since_epoch().count() == 0);
}

TEST_CASE("RFC 3339 date-times", "[timestamp]") {
  CHECK(ms_of_string("2000-01-02T20:34:56Z") == 946845296000);
  CHECK(ms_of_string("2000-01-02T20:34:56.123Z") == 946845296123);
  CHECK(ms_of_string("2000-01-02T20:34:56.1Z") == 946845296100);
  CHECK(ms_of_string("2000-01-02T20:34:56.123456789Z") == 946845296123);
  CHECK(ms_of_string("2000-01-02T20:34:56.1239999999999Z") == 946845296123);
  CHECK(ms_of_string("2019-12-16T22:48:18-01:00") == 1576540098000);  // Smithy AwsJson11DateTimeWithNegativeOffset
  CHECK(ms_of_string("2019-12-17T00:48:18+01:00") == 1576540098000);
  CHECK(ms_of_string("2000-01-02t20:34:56z") == 946845296000);  // RFC 3339 allows lowercase
  CHECK(ms_of_string("1969-12-31T23:59:59.999Z") == -1);
  CHECK(ms_of_string("0001-01-01T00:00:00Z") == -62135596800000);
  CHECK(ms_of_string("9999-12-31T23:59:59.999Z") == 253402300799999);
  CHECK(ms_of_string("2024-02-29T00:00:00Z") == 1709164800000);
  CHECK(ms_of_string("2000-01-02T20:34:56+23:59") == 946845296000 - (23 * 3600 + 59 * 60) * 1000LL);

  for (char const* bad :
       {"2023-02-29T00:00:00Z", "2000-13-01T00:00:00Z", "2000-01-32T00:00:00Z", "2000-01-02T24:00:00Z",
        "2000-01-02T23:59:60Z", "2000-01-02T20:34:56", "2000-01-02T20:34:56+24:00", "2000-01-02T20:34:56+01:60",
        "2000-01-02T20:34:56.Z", "2000-01-02 20:34:56Z", "2000-01-02T20:34:56Z ", " 2000-01-02T20:34:56Z",
        "2000-1-02T20:34:56Z", "2000-01-02T20:34Z", "2000-01-02T20:34:56+0100", "2000-01-02T20:34:56.123ZZ"}) {
    timestamp t;
    INFO(bad);
    CHECK(awsjson::parse_timestamp_string(bad, t) != nullptr);
  }
}

TEST_CASE("HTTP dates", "[timestamp]") {
  CHECK(ms_of_string("Sun, 02 Jan 2000 20:34:56 GMT") == 946845296000);
  CHECK(ms_of_string("Thu, 01 Jan 1970 00:00:00 GMT") == 0);
  CHECK(ms_of_string("Wed, 31 Dec 1969 23:59:59 GMT") == -1000);
  timestamp t;
  CHECK(std::string(awsjson::parse_timestamp_string("Sun, 02 Jan 2000 20:34:56.123 GMT", t)) ==
        "an HTTP date cannot have fractional seconds");
  for (char const* bad :
       {"Mon, 02 Jan 2000 20:34:56 GMT", "Sun, 02 Foo 2000 20:34:56 GMT", "Sun, 02 Jan 2000 20:34:56 UTC",
        "Sun, 2 Jan 2000 20:34:56 GMT", "Sun 02 Jan 2000 20:34:56 GMT", "Tue, 29 Feb 2023 00:00:00 GMT",
        "Sunday, 02-Jan-00 20:34:56 GMT"}) {
    INFO(bad);
    CHECK(awsjson::parse_timestamp_string(bad, t) != nullptr);
  }
}

TEST_CASE("epoch seconds as a string, as botocore accepts", "[timestamp]") {
  CHECK(ms_of_string("1482152400") == 1482152400000);
  CHECK(ms_of_string("1482152400.5") == 1482152400500);
  timestamp t;
  CHECK(awsjson::parse_timestamp_string("garbage", t) != nullptr);
  CHECK(awsjson::parse_timestamp_string("", t) != nullptr);
}

TEST_CASE("formatting: shortest exact epoch seconds, RFC 3339 and HTTP date", "[timestamp]") {
  auto epoch = [](std::int64_t ms) {
    std::string s;
    awsjson::append_epoch_seconds(s, timestamp(milliseconds(ms)));
    return s;
  };
  CHECK(epoch(1700000000000) == "1700000000");
  CHECK(epoch(1700000000123) == "1700000000.123");
  CHECK(epoch(1700000000100) == "1700000000.1");
  CHECK(epoch(-1) == "-0.001");
  CHECK(epoch(-1500) == "-1.5");
  CHECK(epoch(-2000) == "-2");
  CHECK(epoch(0) == "0");
  std::string s;
  awsjson::append_date_time(s, timestamp(milliseconds(946845296123)));
  CHECK(s == "2000-01-02T20:34:56.123Z");
  s.clear();
  awsjson::append_http_date(s, timestamp(milliseconds(946845296999)));
  CHECK(s == "Sun, 02 Jan 2000 20:34:56 GMT");
  s.clear();
  awsjson::append_epoch_seconds(s, sys_time<nanoseconds>(nanoseconds(1700000000000000001)));
  CHECK(s == "1700000000.000000001");
}

TEST_CASE("property: every form of one instant decodes to the same value", "[timestamp][property]") {
  std::mt19937_64 rng(42);
  std::uniform_int_distribution<std::int64_t> dist(-62135596800000, 253402300799999);
  for (int i = 0; i < 20000; ++i) {
    timestamp t{milliseconds(dist(rng))};
    std::string e, d, h;
    awsjson::append_epoch_seconds(e, t);
    awsjson::append_date_time(d, t);
    awsjson::append_http_date(h, t);
    timestamp a, b, c;
    REQUIRE(awsjson::parse_epoch_seconds(e, a) == nullptr);
    REQUIRE(awsjson::parse_date_time(d, b) == nullptr);
    REQUIRE(awsjson::parse_http_date(h, c) == nullptr);
    INFO(e << " " << d << " " << h);
    REQUIRE(a == t);
    REQUIRE(b == t);
    REQUIRE(c == floor<seconds>(t));
  }
}

TEST_CASE("property: the fast epoch path agrees with the exact decimal path on any digits", "[timestamp][property]") {
  // The fast path reads eight digits at once; texts are built to put every kind of byte (digit,
  // '.', '-', 'e', a stray letter, the end) at every position of that first word.
  std::mt19937_64 rng(7);
  constexpr char alphabet[] = "0123456789012345678901234567890123456789..--eE+x";
  for (int i = 0; i < 200000; ++i) {
    std::string text;
    std::size_t len = 1 + rng() % 22;
    for (std::size_t k = 0; k < len; ++k) text += alphabet[rng() % (sizeof alphabet - 1)];
    if (rng() % 2) {  // and many well-formed numbers, which the alphabet alone rarely makes
      text = std::to_string(rng() % 100000000000ull);
      // Appended piecewise: g++ 12 at -O3 warns falsely (-Wrestrict) on `"." + std::string&&`.
      if (rng() % 2) text.append(".").append(std::to_string(rng() % 100000));
      if (rng() % 4 == 0) text = "-" + text;
    }
    std::int64_t fast = 0, exact = 0;
    bool fast_ok = awsjson::detail::fast_seconds_to_ticks<std::int64_t, std::milli>(text, fast);
    awsjson::detail::decimal d;
    bool exact_ok = awsjson::detail::parse_decimal(text, d) &&
                    awsjson::detail::decimal_seconds_to_ticks<std::int64_t, std::milli>(d, exact);
    INFO(text);
    if (fast_ok) {  // the fast path may decline anything, but what it accepts must be exact
      REQUIRE(exact_ok);
      REQUIRE(fast == exact);
    }
    if (text.find_first_of("eE") == std::string::npos && exact_ok && text.size() <= 15) REQUIRE(fast_ok);
  }
}

TEST_CASE("property: the padded epoch reader agrees with the exact decimal path, whatever follows the text",
          "[timestamp][property]") {
  // It reads 8 bytes past short fractions: the bytes after the text (here digits too, which a
  // document never has there) must not count.
  std::mt19937_64 rng(8);
  constexpr char alphabet[] = "0123456789012345678901234567890123456789.. -eE";
  std::size_t taken = 0;
  for (int i = 0; i < 300000; ++i) {
    std::string text;
    switch (rng() % 3) {
      case 0:  // anything
        for (std::size_t k = 1 + rng() % 22; k > 0; --k) text += alphabet[rng() % (sizeof alphabet - 1)];
        break;
      default:  // the reader's own shape, with its edges: 10 digits, '.', 0 to 10 fraction digits
        text = std::to_string(rng() % 20000000000ull);
        if (rng() % 4) text.append(".").append(std::to_string(rng() % 10000000000ull).substr(0, rng() % 11));
    }
    std::string buffer = text;
    for (int k = 0; k < 64; ++k) buffer += alphabet[rng() % (sizeof alphabet - 1)];
    auto check = [&](auto period) {
      using P = decltype(period);
      std::int64_t fast = 0, exact = 0;
      bool fast_ok = awsjson::detail::padded_epoch_seconds_to_ticks<std::int64_t, P>(buffer.data(), text.size(), fast);
      awsjson::detail::decimal d;
      bool exact_ok = awsjson::detail::parse_decimal(text, d) &&
                      awsjson::detail::decimal_seconds_to_ticks<std::int64_t, P>(d, exact);
      INFO(text << " at 1/" << P::den << " s");
      if (fast_ok) {  // it may decline anything, but what it accepts must be exact
        REQUIRE(exact_ok);
        REQUIRE(fast == exact);
        ++taken;
      }
      bool its_shape = text.size() >= 10 && text[0] != '0' && text.find_first_not_of("0123456789") >= 10 &&
                       text.find_first_of("eE -") == std::string::npos &&
                       (text.size() == 10 || (text[10] == '.' && text.size() >= 12 && text.size() <= 19));
      if (exact_ok && its_shape && P::den < 1000000000) REQUIRE(fast_ok);
    };
    check(std::ratio<1>{});
    check(std::milli{});
    check(std::micro{});
    check(std::nano{});
  }
  CHECK(taken > 200000);
}

TEST_CASE("parser results are typed: one status per reason, each with its description", "[timestamp][status]") {
  using S = awsjson::timestamp_status;
  struct row {
    char const* text;
    S status;
    char const* description;
  };
  for (auto const& r : std::initializer_list<row>{
           {"2000-01-02T20:34:56Z", S::ok, "ok"},
           {"2023-02-29T00:00:00Z", S::no_such_date, "no such calendar date"},
           {"2000-13-01T00:00:00Z", S::no_such_date, "no such calendar date"},
           {"2000-01-02T24:00:00Z", S::time_of_day_out_of_range,
            "time of day out of range (hour 0-23, minute 0-59, second 0-59)"},
           {"2000-01-02T20:34:56.Z", S::missing_fraction_digits, "a '.' must be followed by fraction digits"},
           {"2000-01-02T20:34:56+0100", S::bad_utc_offset, "bad UTC offset (expected +hh:mm or -hh:mm)"},
           {"2000-01-02T20:34:56+24:00", S::utc_offset_out_of_range, "UTC offset out of range"},
           {"2000-01-02T20:34:56", S::missing_time_zone, "missing time zone (expected Z or +hh:mm)"},
           {"2000-01-02T20:34:56ZZ", S::trailing_characters, "unexpected characters after the date-time"},
           {"2000-01-02 20:34:56Z", S::not_date_time,
            "not an RFC 3339 date-time (expected YYYY-MM-DDThh:mm:ss[.fff](Z|+hh:mm))"},
           {"Sun, 02 Jan 2000 20:34:56.123 GMT", S::http_date_fraction, "an HTTP date cannot have fractional seconds"},
           {"Sun, 2 Jan 2000 20:34:56 GMT", S::not_http_date,
            "not an HTTP date (expected e.g. Sun, 02 Jan 2000 20:34:56 GMT)"},
           {"Sun, 02 Foo 2000 20:34:56 GMT", S::unknown_month, "unknown month name in HTTP date"},
           {"Mon, 02 Jan 2000 20:34:56 GMT", S::weekday_mismatch, "weekday does not match the date"},
           {"garbage", S::not_a_timestamp, "not a timestamp (expected RFC 3339 date-time, HTTP date or epoch seconds)"},
       }) {
    INFO(r.text);
    timestamp t;
    awsjson::timestamp_result got = awsjson::parse_timestamp_string(r.text, t);
    CHECK(got.code == r.status);
    CHECK(bool(got) == (r.status != S::ok));
    CHECK(std::string_view(got.describe()) == r.description);
    CHECK(std::string_view(describe(r.status)) == r.description);
  }
  timestamp t;
  CHECK(awsjson::parse_epoch_seconds("1.2.3", t).code == S::not_epoch_seconds);
  CHECK(awsjson::parse_epoch_seconds("1e20", t).code == S::out_of_range);
  CHECK(std::string_view(awsjson::parse_epoch_seconds("1e20", t).describe()) == "timestamp out of range");
}

TEST_CASE("parser results still read as the first releases' char const*", "[timestamp][status]") {
  timestamp t;
  CHECK(awsjson::parse_epoch_seconds("1700000000", t) == nullptr);
  CHECK(awsjson::parse_epoch_seconds("1e20", t) != nullptr);
  CHECK(awsjson::parse_epoch_seconds("1e20", t) == std::string_view("timestamp out of range"));
  CHECK_FALSE(awsjson::parse_epoch_seconds("1e20", t) == std::string_view("no such calendar date"));
  char const* problem = awsjson::parse_date_time("2023-02-29T00:00:00Z", t);
  REQUIRE(problem != nullptr);
  CHECK(std::string(problem) == "no such calendar date");
  char const* none = awsjson::parse_date_time("2023-02-28T00:00:00Z", t);
  CHECK(none == nullptr);
}

TEST_CASE("base64 results are typed", "[blob][status]") {
  awsjson::blob b;
  CHECK(awsjson::decode_base64("aGk=", b).code == awsjson::base64_status::ok);
  CHECK(awsjson::decode_base64("aGk", b).code == awsjson::base64_status::bad_length);
  CHECK(awsjson::decode_base64("a=Gk", b).code == awsjson::base64_status::bad_character);
  CHECK(std::string_view(awsjson::decode_base64("a!Gk", b).describe()) == "invalid base64 character");
  CHECK(awsjson::decode_base64("aGk", b) == std::string_view("base64 length is not a multiple of 4"));
}
