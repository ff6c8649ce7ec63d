// JSON equality as parsed values (key order and number spelling do not matter), with simdjson's
// DOM API: an oracle independent of awsjson's decoder.
#pragma once

#include <simdjson.h>

#include <string>

namespace testing {

inline bool json_equal(simdjson::dom::element a, simdjson::dom::element b, std::string& where) {
  using simdjson::dom::element_type;
  auto ta = a.type(), tb = b.type();
  bool a_num = ta == element_type::INT64 || ta == element_type::UINT64 || ta == element_type::DOUBLE;
  bool b_num = tb == element_type::INT64 || tb == element_type::UINT64 || tb == element_type::DOUBLE;
  if (a_num && b_num) {
    if (ta != element_type::DOUBLE && tb != element_type::DOUBLE) {
      if (ta == tb ? (ta == element_type::INT64 ? a.get_int64().value() == b.get_int64().value()
                                                : a.get_uint64().value() == b.get_uint64().value())
                   : false)
        return true;
    }
    if (a.get_double().value() == b.get_double().value()) return true;
    where += ": numbers differ";
    return false;
  }
  if (ta != tb) {
    where += ": types differ";
    return false;
  }
  switch (ta) {
    case element_type::OBJECT: {
      simdjson::dom::object oa = a.get_object().value(), ob = b.get_object().value();
      if (oa.size() != ob.size()) {
        where += ": objects have " + std::to_string(oa.size()) + " and " + std::to_string(ob.size()) + " members";
        return false;
      }
      for (auto [k, v] : oa) {
        simdjson::dom::element other;
        std::string here = where + "/" + std::string(k);
        if (ob[k].get(other)) {
          where = here + ": missing";
          return false;
        }
        if (!json_equal(v, other, here)) {
          where = here;
          return false;
        }
      }
      return true;
    }
    case element_type::ARRAY: {
      simdjson::dom::array xa = a.get_array().value(), xb = b.get_array().value();
      if (xa.size() != xb.size()) {
        where += ": arrays differ in length";
        return false;
      }
      std::size_t i = 0;
      for (auto ia = xa.begin(), ib = xb.begin(); ia != xa.end(); ++ia, ++ib, ++i) {
        std::string here = where + "/" + std::to_string(i);
        if (!json_equal(*ia, *ib, here)) {
          where = here;
          return false;
        }
      }
      return true;
    }
    case element_type::STRING:
      if (a.get_string().value() == b.get_string().value()) return true;
      where += ": strings differ";
      return false;
    case element_type::BOOL:
      if (a.get_bool().value() == b.get_bool().value()) return true;
      where += ": booleans differ";
      return false;
    default:
      return true;  // null
  }
}

/// Whether two JSON texts are equal as values; `where` says where they first differ.
inline bool json_equal(std::string const& a, std::string const& b, std::string& where) {
  simdjson::dom::parser pa, pb;
  simdjson::dom::element ea, eb;
  if (pa.parse(a).get(ea) || pb.parse(b).get(eb)) {
    where = "not JSON";
    return false;
  }
  return json_equal(ea, eb, where);
}

}  // namespace testing
