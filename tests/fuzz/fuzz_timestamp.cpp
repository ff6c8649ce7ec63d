// Fuzz target: the timestamp parsers alone. Whatever parses formats back to text that parses to
// the same instant.
#include <awsjson/timestamp.hpp>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  std::string_view text(reinterpret_cast<char const*>(data), size);
  awsjson::timestamp t;
  std::chrono::sys_time<std::chrono::nanoseconds> ns;
  (void)awsjson::parse_epoch_seconds(text, ns);
  if (awsjson::parse_timestamp_string(text, t) == nullptr || awsjson::parse_epoch_seconds(text, t) == nullptr) {
    std::string epoch, iso;
    awsjson::append_epoch_seconds(epoch, t);
    awsjson::timestamp back;
    if (awsjson::parse_epoch_seconds(epoch, back) != nullptr || back != t) std::abort();
    auto year = int(date::year_month_day(std::chrono::floor<date::days>(t)).year());
    if (year >= 0 && year <= 9999) {
      awsjson::append_date_time(iso, t);
      if (awsjson::parse_date_time(iso, back) != nullptr || back != t) std::abort();
    }
  }
  return 0;
}
