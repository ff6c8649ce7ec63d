// @idempotencyToken members: a create call retried, or sent twice, must not be applied twice, so
// a token the caller leaves unset is filled with a fresh UUID v4 before the request is built, as
// botocore does (handlers.py, generate_idempotent_uuid): top-level input members only, and never
// one the caller set.
#pragma once

#include <boost/mp11/algorithm.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <random>
#include <string>

#include "reflect.hpp"

namespace awsjson {

/// A UUID v4 (RFC 9562) from 128 random bits: lowercase, 8-4-4-4-12.
inline std::string uuid_v4(std::uint64_t high, std::uint64_t low) {
  high = (high & ~std::uint64_t{0xF000}) | 0x4000;                         // version 4
  low = (low & ~(std::uint64_t{0xC} << 60)) | (std::uint64_t{0x8} << 60);  // variant 10
  static constexpr char hex[] = "0123456789abcdef";
  std::string s;
  s.reserve(36);
  for (int i = 0; i < 32; ++i) {
    std::uint64_t word = i < 16 ? high : low;
    s += hex[(word >> (60 - 4 * (i % 16))) & 0xF];
    if (i == 7 || i == 11 || i == 15 || i == 19) s += '-';
  }
  return s;
}

/// A UUID v4 from a per-thread engine seeded by std::random_device.
inline std::string random_uuid() {
  thread_local std::mt19937_64 engine{[] {
    std::random_device device;
    return (std::uint64_t{device()} << 32) ^ device();
  }()};
  std::uint64_t high = engine();
  return uuid_v4(high, engine());
}

namespace detail {
template <class M>
constexpr bool token_holder = std::is_same_v<M, std::optional<std::string>> || std::is_same_v<M, std::string>;
}  // namespace detail

/// Whether T has a member marked @idempotencyToken.
template <class T>
inline constexpr bool has_idempotency_token = [] {
  if constexpr (!described_struct<T>) {
    return false;
  } else {
    bool any = false;
    boost::mp11::mp_for_each<members_of<T>>(
        [&](auto d) { any = any || member_meta<T, decltype(d)>.idempotency_token; });
    return any;
  }
}();

namespace detail {
// Calls `on_unset(member)` for each @idempotencyToken member of `input` that is unset (absent; a
// plain string: empty): the one walk behind lacks_idempotency_token and fill_idempotency_tokens.
// T may be const.
template <class T, class F>
void for_each_unset_token(T& input, F&& on_unset) {
  using S = std::remove_const_t<T>;
  if constexpr (has_idempotency_token<S>) {
    boost::mp11::mp_for_each<members_of<S>>([&](auto d) {
      auto& value = input.*d.pointer;
      using M = std::remove_cvref_t<decltype(value)>;
      if constexpr (token_holder<M>) {
        if (member_meta<S, decltype(d)>.idempotency_token) {
          bool unset;
          if constexpr (std::is_same_v<M, std::string>)
            unset = value.empty();
          else
            unset = !value;
          if (unset) on_unset(value);
        }
      }
    });
  }
}
}  // namespace detail

/// Whether an @idempotencyToken member of `input` is unset (absent; a plain string: empty).
template <class T>
bool lacks_idempotency_token(T const& input) {
  bool lacks = false;
  detail::for_each_unset_token(input, [&](auto const&) { lacks = true; });
  return lacks;
}

/// Fills each unset @idempotencyToken member of `input` with `make()` (random_uuid by default).
template <class T>
void fill_idempotency_tokens(T& input, std::function<std::string()> const& make = random_uuid) {
  detail::for_each_unset_token(input, [&](auto& member) { member = make(); });
}

}  // namespace awsjson
