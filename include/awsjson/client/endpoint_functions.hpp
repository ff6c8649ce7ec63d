// The functions of the Smithy rules language that need more than a line (parseURL, isValidHostLabel,
// uriEncode, aws.parseArn, aws.isVirtualHostableS3Bucket's IP test) and aws.partition's
// partitions, as botocore's RuleSetStandardLibrary computes them: the endpoint rules engine
// (endpoint_rules.hpp) calls them.
#pragma once

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../detail/pattern.hpp"
#include "../sigv4.hpp"
#include "jmespath.hpp"
#include "partitions.hpp"

namespace awsjson::endpoint_rules {

/// A value of the rules language: unset (null), a boolean, a number, a string, a list, or a
/// record (an object: what aws.partition, aws.parseArn and parseURL give, an endpoint's
/// properties). The JSON tree the client's JMESPath reads.
using value = jmespath::value;

namespace detail {

inline bool is_host_label(std::string_view s) {
  if (s.empty() || s.size() > 63 || s.front() == '-' || s.back() == '-') return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  });
}

inline bool is_valid_host_label(std::string_view s, bool allow_subdomains) {
  if (!allow_subdomains) return is_host_label(s);
  for (std::size_t start = 0;;) {
    auto dot = s.find('.', start);
    if (!is_host_label(s.substr(start, dot - start))) return false;
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
  }
}

inline bool is_ipv4(std::string_view host) {  // botocore's IPV4_RE: four groups of 1 to 3 digits
  int groups = 0;
  std::size_t digits = 0;
  for (char c : host) {
    if (c >= '0' && c <= '9') {
      if (++digits > 3) return false;
    } else if (c == '.' && digits > 0 && groups < 3) {
      ++groups;
      digits = 0;
    } else {
      return false;
    }
  }
  return groups == 3 && digits > 0;
}

/// botocore's percent_encode (uriEncode): all but the unreserved characters as %XX, SigV4's rule.
inline std::string percent_encode(std::string_view s) { return sigv4::detail::uri_encode(s, false); }

/// botocore's remove_dot_segments: "." and ".." resolved, empty segments dropped.
inline std::string normalized_path(std::string_view path) {
  if (path.empty()) return "/";
  std::vector<std::string_view> kept;
  for (std::size_t start = 0; start <= path.size();) {
    auto slash = path.find('/', start);
    std::string_view segment = path.substr(start, slash == std::string_view::npos ? slash : slash - start);
    if (segment == "..") {
      if (!kept.empty()) kept.pop_back();
    } else if (!segment.empty() && segment != ".") {
      kept.push_back(segment);
    }
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  std::string out = path.front() == '/' ? "/" : "";
  for (std::size_t i = 0; i < kept.size(); ++i) out.append(i ? "/" : "").append(kept[i]);
  if (path.back() == '/' && !kept.empty()) out += '/';
  return out;
}

inline value parse_url(value const& v) {
  if (v.kind != value::type::string) return {};
  std::string_view url = v.text;
  auto colon = url.find("://");
  if (colon == std::string_view::npos) return {};
  std::string_view scheme = url.substr(0, colon);
  if (scheme != "http" && scheme != "https") return {};
  std::string_view rest = url.substr(colon + 3);
  if (auto hash = rest.find('#'); hash != std::string_view::npos) rest = rest.substr(0, hash);
  if (auto query = rest.find('?'); query != std::string_view::npos) {
    if (query + 1 < rest.size()) return {};  // URLs with a query are not endpoints
    rest = rest.substr(0, query);
  }
  auto slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  std::string_view path = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
  std::string_view host = authority;
  if (auto at = host.rfind('@'); at != std::string_view::npos) host = host.substr(at + 1);
  bool ipv6 = host.starts_with('[');
  std::string_view port;
  if (ipv6) {
    auto close = host.find(']');
    if (close == std::string_view::npos) return {};
    if (close + 1 < host.size()) {
      if (host[close + 1] != ':') return {};
      port = host.substr(close + 2);
    }
    host = host.substr(1, close - 1);
  } else if (auto c = host.rfind(':'); c != std::string_view::npos) {
    port = host.substr(c + 1);
    host = host.substr(0, c);
  }
  if (!port.empty()) {  // a port must be a number of 0 to 65535
    if (port.size() > 5 || !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
        std::stoul(std::string(port)) > 65535)
      return {};
  }
  bool is_ip = ipv6 ? host.find_first_not_of("0123456789abcdefABCDEF:.%") == std::string_view::npos && !host.empty()
                    : is_ipv4(host);
  std::string normalized = normalized_path(path);
  std::string quoted = sigv4::detail::uri_encode(normalized, true);  // Python's quote(): `/` kept
  if (!quoted.ends_with('/')) quoted += '/';
  value out = value::object();
  out.set("scheme", value::of_string(std::string(scheme)));
  out.set("authority", value::of_string(std::string(authority)));
  out.set("path", value::of_string(std::string(path)));
  out.set("normalizedPath", value::of_string(std::move(quoted)));
  out.set("isIp", value::of_bool(is_ip));
  return out;
}

inline value parse_arn(value const& v) {
  if (v.kind != value::type::string || !v.text.starts_with("arn:")) return {};
  std::vector<std::string> parts;
  std::string_view rest = v.text;
  for (int i = 0; i < 5; ++i) {
    auto colon = rest.find(':');
    if (colon == std::string_view::npos) return {};
    parts.emplace_back(rest.substr(0, colon));
    rest.remove_prefix(colon + 1);
  }
  parts.emplace_back(rest);
  if (parts[1].empty() || parts[2].empty() || parts[5].empty()) return {};
  value ids = value::array();
  std::string resource = parts[5];
  std::replace(resource.begin(), resource.end(), ':', '/');
  for (std::size_t start = 0;;) {
    auto slash = resource.find('/', start);
    ids.items.push_back(value::of_string(resource.substr(start, slash - start)));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  value out = value::object();
  out.keys = {"partition", "service", "region", "accountId", "resourceId"};
  out.fields = {value::of_string(parts[1]), value::of_string(parts[2]), value::of_string(parts[3]),
                value::of_string(parts[4]), std::move(ids)};
  return out;
}

}  // namespace detail

/// The partitions aws.partition chooses among (botocore's partitions.json): a region named by a
/// partition, or matching its regionRegex, is in it; any other region is in the first (aws).
class partitions {
 public:
  /// `json` read; nullopt when it is not a partitions document.
  static std::optional<partitions> parse(std::string_view json) {
    auto doc = jmespath::parse_json(json);
    value const* list = doc ? doc->find("partitions") : nullptr;
    if (!list || list->kind != value::type::array || list->items.empty()) return std::nullopt;
    partitions out;
    for (value const& p : list->items) {
      value const* id = p.find("id");
      value const* outputs = p.find("outputs");
      value const* regex = p.find("regionRegex");
      if (!id || !outputs || !regex || outputs->kind != value::type::object) return std::nullopt;
      entry e{id->text, regex->text, *outputs, {}};
      if (value const* regions = p.find("regions")) e.regions = regions->keys;
      e.outputs.set("name", value::of_string(id->text));  // the partition's id, as botocore
      out.entries_.push_back(std::move(e));
    }
    return out;
  }

  /// The partition of `region`, as aws.partition gives it (its outputs and its name).
  value const& of(std::string_view region) const {
    for (auto const& e : entries_)
      if (std::find(e.regions.begin(), e.regions.end(), region) != e.regions.end() ||
          awsjson::detail::pattern_for(e.regex).allows(region))
        return e.outputs;
    return entries_.front().outputs;
  }

 private:
  struct entry {
    std::string id;
    std::string regex;
    value outputs;
    std::vector<std::string> regions;
  };
  std::vector<entry> entries_;
};

/// botocore's partitions (client/partitions.hpp, from models/aws.partitions.json).
inline partitions const& aws_partitions() {
  static partitions const p = *partitions::parse(aws_partitions_json);
  return p;
}

}  // namespace awsjson::endpoint_rules
