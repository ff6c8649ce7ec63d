// Printing: a readable form of any described value, with @sensitive members redacted.
//
//   std::cout << response;  // GetMaintenanceWindowExecutionTaskInvocationResponse{WindowExecutionId: "…", …}
//   std::string s = awsjson::to_string(response);
//
// Members the model marks sensitive never show their value, in any print path (Smithy: sensitive
// data must not appear in log output). Absent optionals are left out.
#pragma once

#include <array>
#include <charconv>
#include <iosfwd>  // std::ostream is only named: printing builds a std::string, no iostreams here
#include <string>

#include "detail/config.hpp"
#include "detail/json_string.hpp"
#include "detail/member_offset.hpp"
#include "detail/structure_table.hpp"
#include "encode_context.hpp"
#include "type_traits.hpp"

namespace awsjson {

/// A codec<T> that prints T itself: `static void print(std::string& out, T const& x)`.
template <class T>
concept has_custom_print = requires(std::string& out, T const& x) {
  codec<T>::print(out, x);
};

namespace detail {

inline void print_string(std::string& out, std::string_view s) {
  if (!append_json_string(out, s)) {
    out += "<invalid UTF-8, ";
    out += std::to_string(s.size());
    out += " bytes>";
  }
}

template <class N>
void print_number(std::string& out, N x) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, x);  // shortest form that reads back the same
  out.append(buf, std::size_t(r.ptr - buf));         // (pointer and size: g++ 12 -O3 warns on the iterator form)
}

template <class T>
void print_value(std::string& os, T const& x);

// ---- Structures as tables: one row per member, its metadata and the printer of its type ----------

/// Prints one member (`, Name: value`, the separator only after the first), or nothing when it is
/// an absent optional; a @sensitive member's value is never shown.
template <class M>
void print_member_of(std::string& os, void const* p, member_info const& info, bool& first) {
  M const& m = *static_cast<M const*>(p);
  if constexpr (kind_of<M> == value_kind::optional) {
    if (!m) return;
  }
  os += first ? "" : ", ";
  os += info.name;
  os += ": ";
  first = false;
  if (info.sensitive)
    os += "<redacted>";
  else if constexpr (kind_of<M> == value_kind::optional)
    print_value(os, *m);
  else
    print_value(os, m);
}

/// A member, as the print walk reads it.
struct print_row {
  member_info const* info;
  void (*print)(std::string&, void const* member, member_info const&, bool& first);
};

/// The print walk, for structure_table_of.
struct print_walk {
  using row = print_row;
  template <class T, class... D>
  static constexpr std::array<row, sizeof...(D)> rows_of(boost::mp11::mp_list<D...>) {
    return {row{&member_meta<T, D>, &print_member_of<member_type_t<T, D>>}...};
  }
};

AWSJSON_NOINLINE inline void print_from_table(std::string& os, void const* x, structure_table<print_row> const& t) {
  os += t.name;
  if (t.sensitive) {
    os += "{<redacted>}";
    return;
  }
  os += '{';
  bool first = true;
  print_row const* const rows = t.rows;  // read once, as in reset_from_table
  std::size_t const n = t.size;
  std::size_t const* const offsets = t.offsets();
  for (std::size_t i = 0; i < n; ++i) rows[i].print(os, static_cast<char const*>(x) + offsets[i], *rows[i].info, first);
  if (t.as_union) {
    if (tagged_union const* u = t.as_union(x); u->unknown_member) {
      os += first ? "" : ", ";                    // a member this build does not know: it may be sensitive in the model
      print_string(os, u->unknown_member->name);  // that added it, so its value is not shown
      os += ": <unknown member>";
    }
  }
  os += '}';
}

template <class T>
void print_value(std::string& os, T const& x) {
  constexpr value_kind k = kind_of<T>;
  if constexpr (k == value_kind::custom) {
    if constexpr (has_custom_print<T>) {
      codec<T>::print(os, x);
    } else if constexpr (has_custom_encode<T>) {  // its JSON form
      error err;
      encode_context ctx(os, err);
      std::size_t mark = os.size();
      if (!codec<T>::encode(ctx, x)) {
        os.resize(mark);
        os += "<unprintable>";
      }
    } else {
      os += "<unprintable>";
    }
  } else if constexpr (k == value_kind::string) {
    print_string(os, x);
  } else if constexpr (k == value_kind::boolean) {
    os += x ? "true" : "false";
  } else if constexpr (k == value_kind::integer) {
    print_number(os, +x);
  } else if constexpr (k == value_kind::floating) {
    print_number(os, x);
  } else if constexpr (k == value_kind::enumeration) {
    auto s = to_string(x);
    if (s.empty()) {
      os += "<invalid enum ";
      print_number(os, static_cast<long long>(x));
      os += '>';
    } else {
      os += s;
    }
  } else if constexpr (k == value_kind::open_enum) {
    os += x.wire();
  } else if constexpr (k == value_kind::timestamp) {
    if (!append_date_time(os, x)) {  // beyond four-digit years: show the epoch seconds instead
      append_epoch_seconds(os, x);
      os += " s since 1970";
    }
  } else if constexpr (k == value_kind::blob) {
    os += "<blob ";
    print_number(os, x.size());
    os += " bytes>";
  } else if constexpr (k == value_kind::optional) {
    if (x)
      print_value(os, *x);
    else
      os += "null";
  } else if constexpr (k == value_kind::indirect) {
    if (x.valueless_after_move())
      os += "<moved-from>";
    else
      print_value(os, *x);
  } else if constexpr (k == value_kind::list) {
    os += '[';
    bool first = true;
    for (auto const& e : x) {
      os += first ? "" : ", ";
      first = false;
      print_value(os, e);
    }
    os += ']';
  } else if constexpr (k == value_kind::map) {
    os += '{';
    bool first = true;
    for (auto const& [k, v] : x) {
      os += first ? "" : ", ";
      first = false;
      print_string(os, k);
      os += ": ";
      print_value(os, v);
    }
    os += '}';
  } else if constexpr (k == value_kind::document) {
    os += x.json();
  } else if constexpr (k == value_kind::structure || k == value_kind::tagged_union) {
    print_from_table(os, &x, table_of<print_walk, T>);
  } else {
    os += "<unprintable>";
  }
}

}  // namespace detail

/// Prints any described structure or enum, and open enums. A model namespace brings it in for
/// argument-dependent lookup with `using awsjson::operator<<;`. A template over the stream's
/// traits, so that the model headers need <iosfwd> only: the stream is complete where it is used.
template <class T, class Traits>
requires(described_struct<T> || described_enum<T> || is_open_enum<T>) std::basic_ostream<char, Traits>
&operator<<(std::basic_ostream<char, Traits>& os, T const& x) {
  std::string s;
  detail::print_value(s, x);
  return os.write(s.data(), std::streamsize(s.size()));
}

/// The printed form of a described structure, as operator<< writes it.
template <described_struct T>
std::string to_string(T const& x) {
  std::string s;
  detail::print_value(s, x);
  return s;
}

}  // namespace awsjson
