// Where a request goes: an endpoint URL (`https://ssm.us-east-1.amazonaws.com`, or a custom one
// such as `https://example.com/custom`) and an operation's host prefix applied to a built request.
// The endpoint's own path is put in front of the request's, before signing, so that the path
// signed is the path sent (Smithy's HostWithPath tests: `/custom/`).
#pragma once

#include <string>
#include <string_view>

#include "api/operation.hpp"

namespace awsjson {

/// The URL to send a request to (scheme and host, no path), and its host (what Host says).
struct request_target {
  std::string url;
  std::string host;
};

/// Applies `endpoint` and `host_prefix` (an expanded host prefix, "" for none) to `request`:
/// the prefix goes before the endpoint's host, the endpoint's path before `request.path`.
inline request_target apply_endpoint(http_request& request, std::string_view endpoint,
                                     std::string_view host_prefix = {}) {
  auto scheme_end = endpoint.find("://");
  std::string_view scheme = scheme_end == std::string_view::npos ? "https" : endpoint.substr(0, scheme_end);
  std::string_view rest = scheme_end == std::string_view::npos ? endpoint : endpoint.substr(scheme_end + 3);
  auto slash = rest.find('/');
  std::string_view path = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
  while (path.ends_with('/')) path.remove_suffix(1);
  request_target t;
  t.host.append(host_prefix).append(rest.substr(0, slash));
  t.url.append(scheme).append("://").append(t.host);
  if (!path.empty()) request.path.insert(0, path);
  return t;
}

}  // namespace awsjson
