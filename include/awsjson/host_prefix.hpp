// Smithy @endpoint host prefixes: an operation whose descriptor has `host_prefix` ("data-", or
// "{AccountId}.control." with labels) is sent to that prefix + the endpoint's host. Each `{Label}`
// is filled from the input member marked @hostLabel of that name, which must be a valid host label
// (letters, digits, hyphens and dots: botocore's HOST_PREFIX_RE).
#pragma once

#include <boost/mp11/algorithm.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "api/operation.hpp"
#include "reflect.hpp"

namespace awsjson {

/// Op's host prefix: `static constexpr std::string_view host_prefix` in its descriptor ("" without).
template <class Op>
constexpr std::string_view host_prefix_of() noexcept {
  if constexpr (requires { Op::host_prefix; })
    return Op::host_prefix;
  else
    return {};
}

namespace detail {
constexpr bool valid_host_label(std::string_view v) noexcept {
  if (v.empty()) return false;
  for (char c : v)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'))
      return false;
  return true;
}

// The value of the @hostLabel string member of `input` whose model name is `label`, or nullopt.
template <class T>
std::optional<std::string_view> host_label_value(T const& input, std::string_view label) {
  std::optional<std::string_view> found;
  boost::mp11::mp_for_each<members_of<T>>([&](auto d) {
    using M = std::remove_cvref_t<decltype(input.*d.pointer)>;
    constexpr member_info info = member_meta<T, decltype(d)>;
    if constexpr (std::is_same_v<M, std::optional<std::string>>) {
      if (info.host_label && info.key() == label && input.*d.pointer) found = *(input.*d.pointer);
    } else if constexpr (std::is_same_v<M, std::string>) {
      if (info.host_label && info.key() == label) found = input.*d.pointer;
    }
  });
  return found;
}
}  // namespace detail

/// Op's host prefix for `input`, labels filled; an error naming the member when a label's member
/// is unset or not a valid host label (its value is never quoted).
template <operation Op>
error expand_host_prefix(typename Op::input const& input, std::string& out) {
  constexpr std::string_view pattern = host_prefix_of<Op>();
  out.clear();
  for (std::size_t i = 0; i < pattern.size();) {
    std::size_t open = pattern.find('{', i);
    out.append(pattern.substr(i, open == std::string_view::npos ? std::string_view::npos : open - i));
    if (open == std::string_view::npos) break;
    std::size_t close = pattern.find('}', open);
    if (close == std::string_view::npos) return {errc::invalid_value, "", "the host prefix has an unclosed label"};
    std::string_view label = pattern.substr(open + 1, close - open - 1);
    auto value = detail::host_label_value(input, label);
    if (!value || !detail::valid_host_label(*value))
      return {errc::invalid_value, "/" + std::string(label),
              value ? "not a valid host label (letters, digits, hyphens and dots)" : "required for the host, absent"};
    out.append(*value);
    i = close + 1;
  }
  return {};
}

}  // namespace awsjson
