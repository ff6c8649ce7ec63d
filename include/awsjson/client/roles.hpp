// Credentials reached through a role: a profile's `role_arn` (with `source_profile`, chains of
// them, or `credential_source`), and web identity (AWS_WEB_IDENTITY_TOKEN_FILE with AWS_ROLE_ARN,
// or the profile's `web_identity_token_file`), each through STS (sts.hpp).
//
// A profile's chain is resolved first (profile_chain.hpp), then each role is assumed in turn,
// innermost first, with the credentials the step before gave. As botocore: the default session
// name is botocore-session-<unix time>, `mfa_serial` is refused (there is no prompt here),
// `duration_seconds`, `external_id` and `role_session_name` are passed on.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "configured_endpoint.hpp"
#include "credential_providers.hpp"
#include "endpoint_rules.hpp"
#include "profile_chain.hpp"
#include "provider_endpoint_rules.hpp"
#include "sso.hpp"
#include "sts.hpp"

namespace awsjson {

/// Where STS is for the role providers: its transport (the client's), and the region and
/// configured endpoint the client resolved; its endpoint is what STS's endpoint rule set says
/// for them (sts.hpp).
struct sts_options {
  std::shared_ptr<transport> http;
  std::string region;           ///< empty: the global endpoint, https://sts.amazonaws.com
  std::string endpoint;         ///< a configured STS endpoint; empty: the rule set's
  sts::sleep_function sleep{};  ///< between attempts (empty: sleeps)
  /// FIPS, dual-stack, and the global endpoint for the regions that had it
  /// (sts_regional_endpoints = legacy). Unset: the profile's and the environment's settings
  /// (endpoint_settings), read by the role providers.
  std::optional<bool> use_fips_endpoint{};
  std::optional<bool> use_dualstack_endpoint{};
  std::optional<bool> use_global_endpoint{};

  /// Where STS calls go and the region they are signed for; `error` says why there is none.
  endpoint_rules::target target() const {
    std::string error;
    auto rules = endpoint_rules::rule_set_for(endpoint_rules::sts_rule_set, &error);
    if (!rules) return {{}, {}, {}, error};
    return endpoint_rules::resolve(
        *rules, {region.empty() ? "aws-global" : region, use_fips_endpoint.value_or(false),
                 use_dualstack_endpoint.value_or(false), endpoint, use_global_endpoint.value_or(false)});
  }
  /// The URL of target() ("" when there is none).
  std::string endpoint_url() const { return target().url; }
  /// The settings left unset, from the profile and the environment.
  sts_options with_settings(shared_config const& config, environment const& env) const {
    sts_options o = *this;
    if (!o.use_fips_endpoint) o.use_fips_endpoint = endpoint_settings::use_fips(config, env);
    if (!o.use_dualstack_endpoint) o.use_dualstack_endpoint = endpoint_settings::use_dualstack(config, env);
    if (!o.use_global_endpoint) o.use_global_endpoint = endpoint_settings::sts_global(config, env);
    return o;
  }
};

namespace detail {
inline std::string default_session_name() {
  auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch());
  return "botocore-session-" + std::to_string(now.count());
}

inline credential_lookup from_sts(sts::credentials_result r, std::string source) {
  if (!r.keys) return credential_lookup::fail(std::move(r.error));
  return {timed_credentials{std::move(*r.keys), r.expiration, std::move(source)}, {}};
}

/// AssumeRoleWithWebIdentity with the token in `token_file`.
inline credential_lookup web_identity(sts_options const& sts, std::string const& role_arn,
                                      std::string const& token_file, std::string session_name,
                                      std::string const& where) {
  bool ok = false;
  std::string token(detail::trim(detail::read_file(token_file, ok)));
  if (!ok) return credential_lookup::fail(where + ": cannot read the web identity token file " + token_file);
  if (token.empty())
    return credential_lookup::fail(where + ": the web identity token file " + token_file + " is empty");
  if (session_name.empty()) session_name = default_session_name();
  auto target = sts.target();
  if (!target.error.empty()) return credential_lookup::fail(where + ": no STS endpoint: " + target.error);
  return from_sts(sts::call(*sts.http, target.url, target.signing_region, "AssumeRoleWithWebIdentity",
                            {{"RoleArn", role_arn}, {"RoleSessionName", session_name}, {"WebIdentityToken", token}},
                            nullptr, where, sts.sleep),
                  "assume-role-with-web-identity");
}
}  // namespace detail

/// A profile whose credentials come through roles (role_arn; or role_arn with
/// web_identity_token_file): the chain resolved from the shared files, then each step.
class assume_role_credentials final : public credential_provider {
 public:
  assume_role_credentials(std::shared_ptr<shared_config const> config, sts_options sts,
                          std::shared_ptr<transport> metadata, environment env = {})
      : config_(std::move(config)),
        sts_(sts.with_settings(*config_, env)),
        metadata_(std::move(metadata)),
        env_(std::move(env)) {}
  std::string_view name() const override { return "assume-role"; }
  credential_lookup load() override {
    auto p = config_->files.profiles.find(config_->profile);
    // A role_arn beside web_identity_token_file is the web identity provider's (botocore's order).
    if (p == config_->files.profiles.end() || !p->second.count("role_arn") ||
        p->second.count("web_identity_token_file"))
      return credential_lookup::none();
    std::string error;
    auto chain = resolve_profile_chain(config_->files, config_->profile, error);
    if (!chain) return credential_lookup::fail("assume role: " + error);
    credential_lookup current = base(*chain);
    for (auto const& role : chain->roles) {
      if (!current.found) return current;
      std::string where = "assume role " + role.role_arn + " (profile " + role.profile + ")";
      if (!role.mfa_serial.empty())
        return credential_lookup::fail(where + ": mfa_serial asks for an MFA code, and awsjson has no prompt: " +
                                       "use credentials that need none, or a credential_process that asks");
      std::vector<std::pair<std::string, std::string>> params{
          {"RoleArn", role.role_arn},
          {"RoleSessionName",
           role.role_session_name.empty() ? detail::default_session_name() : role.role_session_name}};
      if (!role.external_id.empty()) params.emplace_back("ExternalId", role.external_id);
      if (!role.duration_seconds.empty()) {
        if (role.duration_seconds.size() > 9 ||
            role.duration_seconds.find_first_not_of("0123456789") != std::string::npos)
          return credential_lookup::fail(where + ": duration_seconds is not a whole number of seconds");
        params.emplace_back("DurationSeconds", role.duration_seconds);
      }
      auto keys = current.found->keys;
      auto target = sts_.target();
      if (!target.error.empty()) return credential_lookup::fail(where + ": no STS endpoint: " + target.error);
      current = detail::from_sts(sts::call(*sts_.http, target.url, target.signing_region, "AssumeRole",
                                           std::move(params), &keys, where, sts_.sleep),
                                 "assume-role");
    }
    return current;
  }

 private:
  credential_lookup base(profile_chain const& chain) {
    auto const& b = chain.base;
    switch (b.kind) {
      case profile_chain::base_kind::access_key:
        return {timed_credentials{b.keys, {}, "shared-credentials-file"}, {}};
      case profile_chain::base_kind::web_identity:
        return detail::web_identity(sts_, b.role_arn, b.web_identity_token_file, b.role_session_name,
                                    "web identity (profile " + b.profile + ")");
      case profile_chain::base_kind::named_source: {
        std::shared_ptr<credential_provider> source;
        if (b.named_source == "Environment") source = std::make_shared<environment_credentials>(env_);
        if (b.named_source == "Ec2InstanceMetadata")
          source = std::make_shared<instance_credentials>(metadata_, env_, config_);
        if (b.named_source == "EcsContainer") source = std::make_shared<container_credentials>(metadata_, env_);
        auto found = source->load();
        if (!found.found && found.error.empty())
          return credential_lookup::fail("assume role: no credentials from credential_source " + b.named_source +
                                         " of profile " + b.profile);
        return found;
      }
      case profile_chain::base_kind::process: {
        auto copy = std::make_shared<shared_config>(*config_);
        copy->profile = b.profile;
        copy->config = config_->files.profiles.at(b.profile);
        copy->credentials.clear();
        return process_credentials(copy).load();  // credential_process of the source profile
      }
      case profile_chain::base_kind::sso:
        break;
    }
    return detail::sso_role_credentials_of(*config_, env_, {sts_.http, sts_.sleep}, b);
  }
  std::shared_ptr<shared_config const> config_;
  sts_options sts_;
  std::shared_ptr<transport> metadata_;
  environment env_;
};

/// Web identity from the environment (AWS_WEB_IDENTITY_TOKEN_FILE with AWS_ROLE_ARN and
/// AWS_ROLE_SESSION_NAME), else from the profile (web_identity_token_file with role_arn and
/// role_session_name), as botocore's AssumeRoleWithWebIdentityProvider reads them.
class web_identity_credentials final : public credential_provider {
 public:
  web_identity_credentials(std::shared_ptr<shared_config const> config, sts_options sts, environment env = {})
      : config_(std::move(config)), sts_(sts.with_settings(*config_, env)), env_(std::move(env)) {}
  std::string_view name() const override { return "assume-role-with-web-identity"; }
  credential_lookup load() override {
    auto get = [&](char const* variable, char const* key) {
      std::string v = env_.value(variable);
      return v.empty() ? config_->get(key).value_or("") : v;
    };
    std::string file = get("AWS_WEB_IDENTITY_TOKEN_FILE", "web_identity_token_file");
    if (file.empty()) return credential_lookup::none();
    std::string role = get("AWS_ROLE_ARN", "role_arn");
    if (role.empty())
      return credential_lookup::fail("web identity: a token file (" + file +
                                     ") but no role: set AWS_ROLE_ARN or the profile's role_arn");
    return detail::web_identity(sts_, role, file, get("AWS_ROLE_SESSION_NAME", "role_session_name"), "web identity");
  }

 private:
  std::shared_ptr<shared_config const> config_;
  sts_options sts_;
  environment env_;
};

}  // namespace awsjson
