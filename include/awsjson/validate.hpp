// validate: checks a value against its model's constraints (required, length, range, pattern, enum),
// generically over the metadata, and reports every violation at once.
//
// Smithy asks clients not to reject what a newer service may accept, and botocore checks before
// sending only what cannot change: required members, types, minimum lengths and minimum values.
// Three levels (validation_level): check_required (what build_request runs), the checks botocore
// makes (what awsjson::client runs before each call), and the full check of validate() (maximum
// lengths and values, @pattern, and enum values this build knows, too): for form input, tests,
// early feedback.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "detail/config.hpp"
#include "detail/member_offset.hpp"
#include "detail/pattern.hpp"
#include "detail/structure_table.hpp"
#include "encode_context.hpp"
#include "json_pointer.hpp"
#include "sensitivity.hpp"
#include "type_traits.hpp"

namespace awsjson {

struct violation {
  std::string path;     ///< JSON Pointer of the member
  std::string message;  ///< the rule broken: `length 12, must be 36`
  std::string to_string() const { return path + ": " + message; }
  friend bool operator==(violation const&, violation const&) = default;
};

namespace detail {

// Smithy counts a string's length in Unicode scalar values, not bytes.
inline std::int64_t code_points(std::string_view s) noexcept {
  std::int64_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// `length 12, must be 36`; in a sensitive subtree `length out of bounds, must be 36` (a secret's
// size is about the secret).
inline std::string bound_message(char const* what, std::int64_t actual, std::int64_t min, std::int64_t max,
                                 bool sensitive) {
  std::string m(what);
  m += sensitive ? std::string(" out of bounds") : std::string(" ").append(std::to_string(actual));
  m += ", must be ";
  if (min != unbounded && max != unbounded && min == max) return m.append(std::to_string(min));
  if (min != unbounded && max != unbounded)
    return m.append("between ").append(std::to_string(min)).append(" and ").append(std::to_string(max));
  if (min != unbounded) return m.append("at least ").append(std::to_string(min));
  return m.append("at most ").append(std::to_string(max));
}

}  // namespace detail

class validate_context;

/// How much of the model a check enforces.
enum class validation_level : unsigned char {
  required,  ///< required members only (check_required; build_request)
  botocore,  ///< also minimum lengths and minimum values, as botocore checks before sending
  full,      ///< every constraint: lengths, ranges and @pattern
};

/// A codec<T> that checks T itself: `static void validate(T const& x, awsjson::validate_context& ctx)`.
template <class T>
concept has_custom_validate = requires(T const& x, validate_context& ctx) {
  codec<T>::validate(x, ctx);
};

/// Passed through validate: where the value is, and whether it is sensitive. A custom codec's
/// validate reports with fail() and checks the parts it holds with value().
class validate_context {
 public:
  validate_context(bool required_only, std::vector<violation>& out)
      : level_(required_only ? validation_level::required : validation_level::full), out_(out) {}
  validate_context(validation_level level, std::vector<violation>& out) : level_(level), out_(out) {}

  /// A violation at the current path. Below a @sensitive member or shape, say what rule is
  /// broken, never the value (sensitive() tells).
  void fail(std::string message) { out_.push_back({path_, std::move(message)}); }
  /// Inside a @sensitive member or shape, at any depth.
  bool sensitive() const noexcept { return sensitive_; }
  /// Checks a value of any type awsjson knows (custom ones included) with the library's rules.
  template <class T>
  void value(T const& x) {
    if (level_ == validation_level::required)
      walk<true>(x);
    else
      walk<false>(x);
  }

  /// value() with the mode known at compile time: a required-only walk (check_required, what
  /// build_request runs) compiles no constraint checks, and so no pattern engine.
  template <bool RequiredOnly, class T>
  void walk(T const& x) {
    constexpr value_kind k = kind_of<T>;
    if constexpr (k == value_kind::custom) {
      if constexpr (has_custom_validate<T>) {
        std::size_t first = out_.size();
        codec<T>::validate(x, *this);
        if constexpr (has_custom_encode<T>) {
          if (sensitive_ && out_.size() > first) scrub_custom_messages(x, first);
        }
      }
    } else if constexpr (k == value_kind::optional) {
      if (x) walk<RequiredOnly>(*x);
    } else if constexpr (k == value_kind::indirect) {
      if (!x.valueless_after_move()) walk<RequiredOnly>(*x);
    } else if constexpr (k == value_kind::list) {
      auto base = path_.size();
      for (std::size_t i = 0; i < x.size(); ++i) {
        path_ += json_pointer_step(i);
        walk<RequiredOnly>(x[i]);
        path_.resize(base);
      }
    } else if constexpr (k == value_kind::map) {
      auto base = path_.size();
      for (auto const& [key, v] : x) {
        if (sensitive_)
          path_ += redacted_step;
        else
          append_json_pointer_step(path_, key);
        walk<RequiredOnly>(v);
        path_.resize(base);
      }
    } else if constexpr (k == value_kind::open_enum) {
      // An enum value this build does not know: kept by the decoder (a newer service may send
      // it), so only the full check refuses it. The value is not quoted (it may be sensitive).
      if constexpr (!RequiredOnly) {
        if (level_ == validation_level::full && !x.is_known()) fail("not one of the model's values");
      }
    } else if constexpr (k == value_kind::structure) {
      structure<RequiredOnly>(x);
    } else if constexpr (k == value_kind::tagged_union) {
      if (std::size_t set = members_set(x); set != 1) fail(detail::union_members_message(set));
      structure<RequiredOnly>(x);
    }
  }

 private:
  // A custom codec's message below a sensitive point: the codec should describe, never quote;
  // should it quote the value anyway (its JSON form, or a string's text), the message is replaced.
  template <class T>
  AWSJSON_COLD void scrub_custom_messages(T const& x, std::size_t first) {
    std::string json;
    error err;
    encode_context ctx(json, err);
    ctx.sensitive = true;
    if (!codec<T>::encode(ctx, x)) json.clear();
    for (std::size_t i = first; i < out_.size(); ++i)
      if (detail::quotes_json(out_[i].message, json)) out_[i].message = detail::withheld_message;
  }

  validation_level level_;
  std::vector<violation>& out_;
  std::string path_;
  bool sensitive_ = false;  // inside a @sensitive member or shape: no values, map keys redacted

  // A structure is read from a table, as decode and encode do: one row per member, its metadata
  // and the check of its type (one function per member type and walk). The constraints are read
  // from the metadata at run time; the required-only walk (what build_request runs) compiles none
  // of them, and so no pattern engine.
  struct check_row {
    member_info const* info;
    void (*check)(validate_context&, void const* member, member_info const&);
  };
  /// The check walk (all constraints, or the required members only), for structure_table_of.
  template <bool RequiredOnly>
  struct check_walk {
    using row = check_row;
    template <class T, class... D>
    static constexpr std::array<row, sizeof...(D)> rows_of(boost::mp11::mp_list<D...>) {
      return {row{&member_meta<T, D>, &check_member<RequiredOnly, detail::member_type_t<T, D>>}...};
    }
  };

  template <bool RequiredOnly, class M>
  static void check_member(validate_context& c, void const* p, member_info const& info) {
    M const& m = *static_cast<M const*>(p);
    sensitive_scope scope(c.sensitive_, info.sensitive);
    auto base = c.path_.size();
    append_json_pointer_step(c.path_, info.key());
    if constexpr (kind_of<M> == value_kind::optional) {
      if (!m) {
        if (info.required) c.fail("required member is missing");
      } else {
        if constexpr (!RequiredOnly) c.constraints(*m, info);
        c.walk<RequiredOnly>(*m);
      }
    } else {
      if constexpr (!RequiredOnly) c.constraints(m, info);
      c.walk<RequiredOnly>(m);
    }
    c.path_.resize(base);
  }

  AWSJSON_NOINLINE void check_from_table(void const* x, detail::structure_table<check_row> const& t) {
    sensitive_scope shape_scope(sensitive_, t.sensitive);
    check_row const* const rows = t.rows;  // read once, as in reset_from_table
    std::size_t const n = t.size;
    std::size_t const* const offsets = t.offsets();
    for (std::size_t i = 0; i < n; ++i) rows[i].check(*this, static_cast<char const*>(x) + offsets[i], *rows[i].info);
  }

  /// A member's constraints less what only the full check enforces.
  static member_info at_least(member_info info) {
    info.max_length = unbounded;
    info.max_value = unbounded;
    info.pattern = {};
    return info;
  }

  template <bool RequiredOnly, class T>
  void structure(T const& x) {
    check_from_table(&x, detail::table_of<check_walk<RequiredOnly>, T>);
  }

  /// The member's @length, @range and @pattern, read from its metadata: code per value type, not
  /// per member. The botocore level reads only their minimums.
  template <class V>
  void constraints(V const& v, member_info const& given) {
    member_info minimums;
    member_info const& info = level_ == validation_level::full ? given : (minimums = at_least(given));
    if (info.min_length != unbounded || info.max_length != unbounded) {
      std::int64_t len = -1;
      if constexpr (kind_of<V> == value_kind::string)
        len = detail::code_points(v);
      else if constexpr (kind_of<V> == value_kind::list || kind_of<V> == value_kind::map ||
                         kind_of<V> == value_kind::blob)
        len = std::int64_t(v.size());
      if (len >= 0 && ((info.min_length != unbounded && len < info.min_length) ||
                       (info.max_length != unbounded && len > info.max_length)))
        fail(detail::bound_message("length", len, given.min_length, given.max_length,
                                   sensitive_));  // the model's bounds
    }
    if constexpr (kind_of<V> == value_kind::integer || kind_of<V> == value_kind::floating) {
      if (info.min_value != unbounded || info.max_value != unbounded) {
        bool low = info.min_value != unbounded && v < V(info.min_value);
        bool high = info.max_value != unbounded && v > V(info.max_value);
        if (low || high) {
          std::string m =
              sensitive_ ? std::string("value out of bounds") : std::string("value ").append(std::to_string(v));
          m += ", must be ";
          if (given.min_value != unbounded && given.max_value != unbounded)
            m.append("between ")
                .append(std::to_string(given.min_value))
                .append(" and ")
                .append(std::to_string(given.max_value));
          else if (low)
            m.append("at least ").append(std::to_string(given.min_value));
          else
            m.append("at most ").append(std::to_string(given.max_value));
          fail(std::move(m));
        }
      }
    }
    if constexpr (kind_of<V> == value_kind::string) {
      if (!info.pattern.empty()) {
        if (!detail::pattern_for(info.pattern).allows(v))
          fail(std::string("does not match pattern ").append(info.pattern));
      }
    }
  }
};

/// Every violation of the model's constraints in `x`, nested members included (empty if none).
template <class T>
[[nodiscard]] std::vector<violation> validate(T const& x) {
  std::vector<violation> out;
  validate_context(false, out).walk<false>(x);
  return out;
}

/// The violations of the constraints `level` enforces.
template <class T>
[[nodiscard]] std::vector<violation> validate(T const& x, validation_level level) {
  std::vector<violation> out;
  validate_context c(level, out);
  c.value(x);
  return out;
}

/// Only the required-member check: what a client enforces before sending.
template <class T>
[[nodiscard]] std::vector<violation> check_required(T const& x) {
  std::vector<violation> out;
  validate_context(true, out).walk<true>(x);
  return out;
}

}  // namespace awsjson
