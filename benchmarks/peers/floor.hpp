// The floor: walk every field and read every value with simdjson on-demand, store nothing.
// What any on-demand decoder must spend at least; everything above it is the decoder's own work.
#pragma once

#include <simdjson.h>

namespace bench::floor {

namespace od = simdjson::ondemand;

inline bool walk(simdjson::padded_string_view json, std::size_t& sink) {
  thread_local od::parser parser;
  od::document doc;
  od::object obj;
  if (parser.iterate(json).get(doc) || doc.get_object().get(obj)) return false;
  for (auto result : obj) {
    od::field field;
    if (std::move(result).get(field)) return false;
    sink += std::size_t(field.key().raw()[0]);
    od::value& v = field.value();
    od::json_type t;
    if (v.type().get(t)) return false;
    if (t == od::json_type::string) {
      od::raw_json_string raw;
      if (v.get_raw_json_string().get(raw)) return false;
      sink += std::size_t(raw.raw()[0]);
    } else {
      sink += v.raw_json_token().size();
    }
  }
  return true;
}

/// Less than the floor: simdjson's stage 1 and the root object's first brace, and nothing else.
/// What every on-demand decoder pays before it reads a member; the rest is its own work.
inline bool iterate_only(simdjson::padded_string_view json) {
  thread_local od::parser parser;
  od::document doc;
  od::object obj;
  return !parser.iterate(json).get(doc) && !doc.get_object().get(obj);
}

}  // namespace bench::floor
