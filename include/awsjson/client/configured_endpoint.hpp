// An endpoint configured for a service outside the program, as botocore's
// ConfiguredEndpointProvider finds it: AWS_ENDPOINT_URL_<SERVICE_ID>, AWS_ENDPOINT_URL, the
// service's `endpoint_url` in the `[services NAME]` section the profile's `services` names, the
// profile's `endpoint_url`; none of them when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS (or the
// profile's ignore_configured_endpoint_urls) is true. The client and STS (the role providers)
// choose their endpoints with it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "profile.hpp"

namespace awsjson {

/// An endpoint and where it came from; `problem` says why none can be chosen.
struct endpoint_choice {
  std::string url;
  std::string source;  ///< where it came from: "AWS_ENDPOINT_URL", "the profile's endpoint_url"...
  std::string problem;
};

/// A service's regional endpoint, https://PREFIX.REGION.amazonaws.com (.amazonaws.com.cn in
/// China's regions), where nothing is configured for it.
inline std::string regional_endpoint(std::string_view prefix, std::string_view region) {
  std::string url = "https://";
  url.append(prefix).append(".").append(region).append(region.starts_with("cn-") ? ".amazonaws.com.cn"
                                                                                 : ".amazonaws.com");
  return url;
}

/// Settings of the endpoint rule sets' built-ins: the environment's, else the profile's; true only
/// when "true" in any case (botocore's ensure_boolean).
namespace endpoint_settings {
inline bool flag(shared_config const& config, environment const& env, char const* variable, char const* key) {
  std::string v = env.value(variable);
  if (v.empty()) v = config.get(key).value_or("");
  return detail::iequals(v, "true");
}
/// AWS_USE_FIPS_ENDPOINT, the profile's use_fips_endpoint.
inline bool use_fips(shared_config const& config, environment const& env) {
  return flag(config, env, "AWS_USE_FIPS_ENDPOINT", "use_fips_endpoint");
}
/// AWS_USE_DUALSTACK_ENDPOINT, the profile's use_dualstack_endpoint.
inline bool use_dualstack(shared_config const& config, environment const& env) {
  return flag(config, env, "AWS_USE_DUALSTACK_ENDPOINT", "use_dualstack_endpoint");
}
/// STS's global endpoint for the regions that had it: AWS_STS_REGIONAL_ENDPOINTS, the profile's
/// sts_regional_endpoints, `legacy` (botocore's default is `regional`).
inline bool sts_global(shared_config const& config, environment const& env) {
  std::string v = env.value("AWS_STS_REGIONAL_ENDPOINTS");
  if (v.empty()) v = config.get("sts_regional_endpoints").value_or("");
  return detail::iequals(v, "legacy");
}
}  // namespace endpoint_settings

/// The endpoint configured for the service `service_id` (the model's serviceId: `DynamoDB
/// Streams`); nullopt when none is (the regional endpoint applies).
inline std::optional<endpoint_choice> configured_endpoint(shared_config const& config, environment const& env,
                                                          std::string_view service_id) {
  auto flag = [](std::string_view v) { return detail::iequals(v, "true"); };
  std::string ignore = env.value("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");
  if (ignore.empty()) ignore = config.get("ignore_configured_endpoint_urls").value_or("");
  if (flag(ignore)) return std::nullopt;
  std::string key(service_id);  // `DynamoDB Streams`: AWS_ENDPOINT_URL_DYNAMODB_STREAMS, dynamodb_streams
  for (char& c : key) c = c == ' ' || c == '-' ? '_' : c;
  std::string variable = "AWS_ENDPOINT_URL_" + key;
  for (char& c : variable) c = c >= 'a' && c <= 'z' ? char(c - 32) : c;
  for (char& c : key) c = detail::ascii_lower(c);
  if (!key.empty())
    if (auto v = env.value(variable); !v.empty()) return endpoint_choice{v, variable, {}};
  if (auto v = env.value("AWS_ENDPOINT_URL"); !v.empty()) return endpoint_choice{v, "AWS_ENDPOINT_URL", {}};
  if (auto section = config.get("services")) {
    auto it = config.files.services.find(*section);
    if (it == config.files.services.end())
      return endpoint_choice{{},
                             {},
                             "the profile " + config.profile + " names the services section " + *section +
                                 ", which the config file does not have"};
    if (auto entry = it->second.find(key); !key.empty() && entry != it->second.end())
      if (auto v = sub_property(entry->second, "endpoint_url"))
        return endpoint_choice{*v, "the services section " + *section + "'s " + key + " endpoint_url", {}};
  }
  if (auto v = config.get("endpoint_url")) return endpoint_choice{*v, "the profile's endpoint_url", {}};
  return std::nullopt;
}

}  // namespace awsjson
