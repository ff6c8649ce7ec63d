// Boost.JSON 1.81 with its own Boost.Describe support: parse, then value_to<Response>. Its
// described-class conversion needs every member present, so it runs only on full documents.
#pragma once

#include <boost/json.hpp>

#include "../common.hpp"

namespace awsjson {
template <class E>
open_enum<E> tag_invoke(boost::json::value_to_tag<open_enum<E>>, boost::json::value const& v) {
  return open_enum<E>::from_string(v.as_string());
}
template <class E>
void tag_invoke(boost::json::value_from_tag, boost::json::value& v, open_enum<E> const& e) {
  v = boost::json::string(e.wire());
}
}  // namespace awsjson

namespace boost::json {
inline awsjson::timestamp tag_invoke(value_to_tag<awsjson::timestamp>, value const& v) {
  return bench::from_seconds(v.to_number<double>());
}
inline void tag_invoke(value_from_tag, value& v, awsjson::timestamp const& t) {
  v = double(t.time_since_epoch().count()) / 1000.0;
}
}  // namespace boost::json

namespace bench::boost_json {

inline bool decode(std::string_view json, Response& r) {
  boost::json::error_code ec;
  thread_local boost::json::parser parser;  // reuses its buffers across calls
  parser.reset();
  parser.write(json.data(), json.size(), ec);
  if (ec) return false;
  auto v = parser.release();
  auto res = boost::json::try_value_to<Response>(v);
  if (res.has_error()) return false;
  r = std::move(*res);
  return true;
}

template <class T>
std::string encode(T const& x) {
  return boost::json::serialize(boost::json::value_from(x));
}

}  // namespace bench::boost_json
