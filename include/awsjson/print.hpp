// Printing: a readable form of any described value, with @sensitive members redacted.
//
//   std::cout << response;   // GetMaintenanceWindowExecutionTaskInvocationResponse{WindowExecutionId: "…", Parameters:
//   <redacted>, …} std::string s = awsjson::to_string(response);
//
// Members the model marks sensitive never show their value, in any print path (Smithy: sensitive
// data must not appear in log output). Absent optionals are left out.
#pragma once

#include <ostream>
#include <sstream>
#include <string>

#include "detail/json_string.hpp"
#include "type_traits.hpp"

namespace awsjson {

namespace detail {

inline void print_string(std::ostream& os, std::string_view s) {
  std::string quoted;
  if (!append_json_string(quoted, s)) {
    os << "<invalid UTF-8, " << s.size() << " bytes>";
    return;
  }
  os << quoted;
}

template <class T>
void print_value(std::ostream& os, T const& x) {
  if constexpr (std::is_same_v<T, std::string>) {
    print_string(os, x);
  } else if constexpr (std::is_same_v<T, bool>) {
    os << (x ? "true" : "false");
  } else if constexpr (is_integer<T>) {
    os << +x;
  } else if constexpr (std::is_floating_point_v<T>) {
    os << x;
  } else if constexpr (described_enum<T>) {
    auto s = to_string(x);
    if (s.empty())
      os << "<invalid enum " << static_cast<long long>(x) << ">";
    else
      os << s;
  } else if constexpr (is_open_enum<T>) {
    os << x.wire();
  } else if constexpr (is_timestamp<T>) {
    std::string s;
    if (!append_date_time(s, x)) {  // beyond four-digit years: show the epoch seconds instead
      append_epoch_seconds(s, x);
      s += " s since 1970";
    }
    os << s;
  } else if constexpr (is_blob<T>) {
    os << "<blob " << x.size() << " bytes>";
  } else if constexpr (is_optional<T>) {
    if (x)
      print_value(os, *x);
    else
      os << "null";
  } else if constexpr (is_list<T>) {
    os << '[';
    bool first = true;
    for (auto const& e : x) {
      os << (first ? "" : ", ");
      first = false;
      print_value(os, e);
    }
    os << ']';
  } else if constexpr (is_map<T>) {
    os << '{';
    bool first = true;
    for (auto const& [k, v] : x) {
      os << (first ? "" : ", ");
      first = false;
      print_string(os, k);
      os << ": ";
      print_value(os, v);
    }
    os << '}';
  } else if constexpr (described_struct<T>) {
    constexpr auto shape = shape_of<T>();
    os << shape.name;
    if constexpr (shape.sensitive) {
      os << "{<redacted>}";
    } else {
      os << '{';
      bool first = true;
      boost::mp11::mp_for_each<members_of<T>>([&](auto d) {
        constexpr member_info info = member_meta<T, decltype(d)>;
        auto const& m = x.*d.pointer;
        if constexpr (is_optional<std::remove_cvref_t<decltype(m)>>) {
          if (!m) return;
        }
        os << (first ? "" : ", ") << d.name << ": ";
        first = false;
        if constexpr (info.sensitive)
          os << "<redacted>";
        else if constexpr (is_optional<std::remove_cvref_t<decltype(m)>>)
          print_value(os, *m);
        else
          print_value(os, m);
      });
      os << '}';
    }
  } else {
    os << "<unprintable>";
  }
}

}  // namespace detail

/// Prints any described structure or enum, and open enums. A model namespace brings it in for
/// argument-dependent lookup with `using awsjson::operator<<;`.
template <class T>
requires(described_struct<T> || described_enum<T> || is_open_enum<T>) std::ostream& operator<<(std::ostream& os,
                                                                                               T const& x) {
  detail::print_value(os, x);
  return os;
}

/// The printed form of a described structure, as operator<< writes it.
template <described_struct T>
std::string to_string(T const& x) {
  std::ostringstream os;
  detail::print_value(os, x);
  return os.str();
}

}  // namespace awsjson
