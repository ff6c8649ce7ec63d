// Fuzz target: the timestamp parsers alone. Whatever parses formats back to text that parses to
// the same instant.
#include <awsjson/timestamp.hpp>

#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  std::string_view text(reinterpret_cast<char const*>(data), size);
  awsjson::timestamp t;
  std::chrono::sys_time<std::chrono::nanoseconds> ns;
  (void)awsjson::parse_epoch_seconds(text, ns);
  // The decoder's loop-free reader over padded input accepts only what the exact reader reads
  // the same way, whatever bytes follow the text.
  std::string padded(text);
  padded.append(64, '7');
  std::int64_t fast;
  if (awsjson::detail::padded_epoch_seconds_to_ticks<std::int64_t, std::milli>(padded.data(), text.size(), fast)) {
    awsjson::timestamp exact;
    if (awsjson::parse_epoch_seconds(text, exact) != nullptr || exact.time_since_epoch().count() != fast) std::abort();
  }
  if (awsjson::parse_timestamp_string(text, t) == nullptr || awsjson::parse_epoch_seconds(text, t) == nullptr) {
    std::string epoch, iso;
    awsjson::append_epoch_seconds(epoch, t);
    awsjson::timestamp back;
    if (awsjson::parse_epoch_seconds(epoch, back) != nullptr || back != t) std::abort();
    if (awsjson::append_date_time(iso, t) && (awsjson::parse_date_time(iso, back) != nullptr || back != t))
      std::abort();
    std::string http;
    if (awsjson::append_http_date(http, t) &&
        (awsjson::parse_http_date(http, back) != nullptr || back != std::chrono::floor<std::chrono::seconds>(t)))
      std::abort();
  }
  return 0;
}
