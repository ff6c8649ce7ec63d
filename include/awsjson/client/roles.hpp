// Credentials reached through a role: a profile's `role_arn` (with `source_profile`, chains of
// them, or `credential_source`), and web identity (AWS_WEB_IDENTITY_TOKEN_FILE with AWS_ROLE_ARN,
// or the profile's `web_identity_token_file`), each through STS (sts.hpp).
//
// A profile's chain is resolved first, as every AWS SDK resolves it (the cross-SDK suite
// tests/data/credentials/assume-role-tests.json checks it case for case): the selected profile's
// role_arn wins over keys beside it; a source profile's keys win over its own role_arn; a profile
// that is its own source_profile gives its keys to its role; a source_profile seen twice is a loop,
// named in the error. Then each role is assumed in turn, innermost first, with the credentials
// the step before gave. As botocore: the default session name is botocore-session-<unix time>,
// `mfa_serial` is refused (there is no prompt here), `duration_seconds`, `external_id` and
// `role_session_name` are passed on.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "credential_providers.hpp"
#include "sts.hpp"

namespace awsjson {

/// How a profile's credentials are reached: a base, then roles assumed in order.
struct profile_chain {
  enum class base_kind : unsigned char { access_key, named_source, web_identity, sso, process };
  struct base_step {
    base_kind kind = base_kind::access_key;
    std::string profile;  ///< the profile it was read from
    sigv4::credentials keys;
    std::string named_source;  ///< credential_source: Environment, Ec2InstanceMetadata, EcsContainer
    std::string role_arn, web_identity_token_file, role_session_name;                   // web identity
    std::string sso_session, sso_region, sso_start_url, sso_account_id, sso_role_name;  // SSO
  };
  struct role_step {
    std::string profile;
    std::string role_arn, role_session_name, external_id, duration_seconds, mfa_serial;
  };
  base_step base;
  std::vector<role_step> roles;  ///< the innermost first: each assumed with the previous credentials
};

namespace detail {
inline std::string setting(std::map<std::string, std::string> const& section, char const* key) {
  auto it = section.find(key);
  return it == section.end() ? std::string() : it->second;
}
}  // namespace detail

/// Resolves `selected`'s chain in `files`. nullopt and `error` (naming the profile) when it is
/// misconfigured; a profile with no credentials at all is an error too.
inline std::optional<profile_chain> resolve_profile_chain(profile_file const& files, std::string const& selected,
                                                          std::string& error) {
  using detail::setting;
  if (files.profiles.empty()) return error = "No profiles were defined", std::nullopt;
  profile_chain chain;
  std::vector<std::string> visited;
  std::string name = selected;
  for (;;) {
    auto found = files.profiles.find(name);
    if (found == files.profiles.end()) {
      if (visited.empty()) return error = "the profile " + name + " does not exist", std::nullopt;
      return error = "could not find source profile " + name + " referenced from " + visited.back(), std::nullopt;
    }
    auto const& p = found->second;
    bool root = visited.empty();
    if (std::find(visited.begin(), visited.end(), name) != visited.end()) {
      std::string cycle;
      for (auto const& v : visited) cycle += v + " -> ";
      return error = "profile formed an infinite loop: " + cycle + name, std::nullopt;
    }
    visited.push_back(name);
    bool keys = p.count("aws_access_key_id") || p.count("aws_secret_access_key");
    std::string role_arn = setting(p, "role_arn");
    auto static_keys = [&]() -> bool {
      std::string id = setting(p, "aws_access_key_id"), secret = setting(p, "aws_secret_access_key");
      if (id.empty()) return error = "profile " + name + ": profile missing aws_access_key_id", false;
      if (secret.empty()) return error = "profile " + name + ": profile missing aws_secret_access_key", false;
      chain.base.kind = profile_chain::base_kind::access_key;
      chain.base.profile = name;
      chain.base.keys = {id, secret, setting(p, "aws_session_token")};
      return true;
    };
    if (!role_arn.empty() && (root || !keys)) {
      if (p.count("web_identity_token_file")) {  // a role reached by a web-identity token
        chain.base.kind = profile_chain::base_kind::web_identity;
        chain.base.profile = name;
        chain.base.role_arn = role_arn;
        chain.base.web_identity_token_file = setting(p, "web_identity_token_file");
        chain.base.role_session_name = setting(p, "role_session_name");
        break;
      }
      chain.roles.push_back({name, role_arn, setting(p, "role_session_name"), setting(p, "external_id"),
                             setting(p, "duration_seconds"), setting(p, "mfa_serial")});
      std::string source = setting(p, "source_profile"), named = setting(p, "credential_source");
      if (p.count("source_profile") && p.count("credential_source"))
        return error = "profile " + name + ": profile contained both source_profile and credential_source",
               std::nullopt;
      if (p.count("credential_source")) {
        if (named != "Environment" && named != "Ec2InstanceMetadata" && named != "EcsContainer")
          return error = "profile " + name + ": credential_source " + named +
                         " is not one of Environment, Ec2InstanceMetadata and EcsContainer",
                 std::nullopt;
        chain.base.kind = profile_chain::base_kind::named_source;
        chain.base.profile = name;
        chain.base.named_source = named;
        break;
      }
      if (!p.count("source_profile"))
        return error =
                   "profile " + name + ": profile must contain `source_profile` or `credential_source` beside role_arn",
               std::nullopt;
      if (source == name) {  // its own source: its keys assume its role
        if (!keys) {
          visited.push_back(name);
          std::string cycle;
          for (auto const& v : visited) cycle += (cycle.empty() ? "" : " -> ") + v;
          return error = "profile formed an infinite loop: " + cycle, std::nullopt;
        }
        if (!static_keys()) return std::nullopt;
        break;
      }
      name = source;
      continue;
    }
    // The base: this profile's own credentials.
    if (keys) {
      if (!static_keys()) return std::nullopt;
      break;
    }
    if (p.count("web_identity_token_file"))
      return error = "profile " + name + ": web_identity_token_file without a role: `role_arn` was missing",
             std::nullopt;
    std::string session = setting(p, "sso_session");
    if (!session.empty() || p.count("sso_start_url") || p.count("sso_account_id") || p.count("sso_role_name")) {
      auto& b = chain.base;
      b.kind = profile_chain::base_kind::sso;
      b.profile = name;
      b.sso_account_id = setting(p, "sso_account_id");
      b.sso_role_name = setting(p, "sso_role_name");
      if (!b.sso_role_name.empty() && b.sso_account_id.empty())
        return error = "profile " + name + ": if `sso_role_name` is set, then `sso_account_id` must also be set",
               std::nullopt;
      if (!b.sso_account_id.empty() && b.sso_role_name.empty())
        return error = "profile " + name + ": if `sso_account_id` is set, then `sso_role_name` must also be set",
               std::nullopt;
      if (!session.empty()) {
        if (p.count("sso_region"))
          return error = "profile " + name +
                         ": `sso_region` can only be specified in the [sso-session] config when a session name is "
                         "given",
                 std::nullopt;
        auto s = files.sso_sessions.find(session);
        if (s == files.sso_sessions.end())
          return error = "sso-session named `" + session + "` (referenced by profile `" + name + "`) was not found",
                 std::nullopt;
        b.sso_session = session;
        b.sso_region = setting(s->second, "sso_region");
        b.sso_start_url = setting(s->second, "sso_start_url");
      } else {
        b.sso_region = setting(p, "sso_region");
        b.sso_start_url = setting(p, "sso_start_url");
      }
      break;
    }
    if (p.count("credential_process")) {
      chain.base.kind = profile_chain::base_kind::process;
      chain.base.profile = name;
      break;
    }
    return error = "profile `" + name + "` did not contain credential information", std::nullopt;
  }
  std::reverse(chain.roles.begin(), chain.roles.end());
  return chain;
}

/// Where STS is for the role providers: its transport (the client's), and the region and
/// configured endpoint the client resolved (sts.hpp says how the endpoint is chosen).
struct sts_options {
  std::shared_ptr<transport> http;
  std::string region;
  std::string endpoint;         ///< a configured STS endpoint; empty: the regional (or global) one
  sts::sleep_function sleep{};  ///< between attempts (empty: sleeps)
  std::string endpoint_url() const {
    if (!endpoint.empty()) return endpoint;
    if (region.empty()) return "https://sts.amazonaws.com";
    return "https://sts." + region + (region.starts_with("cn-") ? ".amazonaws.com.cn" : ".amazonaws.com");
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
  return from_sts(sts::call(*sts.http, sts.endpoint_url(), sts.region, "AssumeRoleWithWebIdentity",
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
      : config_(std::move(config)), sts_(std::move(sts)), metadata_(std::move(metadata)), env_(std::move(env)) {}
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
      current = detail::from_sts(sts::call(*sts_.http, sts_.endpoint_url(), sts_.region, "AssumeRole",
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
        if (b.named_source == "Ec2InstanceMetadata") source = std::make_shared<instance_credentials>(metadata_, env_);
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
    return credential_lookup::fail("profile " + b.profile +
                                   ": IAM Identity Center (SSO) credentials are not supported by awsjson yet; "
                                   "sign in with the AWS CLI and give awsjson a profile with credential_process "
                                   "(aws configure export-credentials --profile " +
                                   b.profile + " --format process)");
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
      : config_(std::move(config)), sts_(std::move(sts)), env_(std::move(env)) {}
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
