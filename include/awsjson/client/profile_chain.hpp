// How a profile's credentials are reached, as every AWS SDK resolves it from the shared files (the
// cross-SDK suite tests/data/credentials/assume-role-tests.json checks it case for case): a base
// (keys, credential_source, a web-identity token, IAM Identity Center, credential_process), then
// the roles of role_arn assumed in order. The selected profile's role_arn wins over keys beside
// it; a source profile's keys win over its own role_arn; a profile that is its own
// source_profile gives its keys to its role; a source_profile seen twice is a loop, named in the
// error. roles.hpp and sso.hpp walk what this resolves.
#pragma once

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "../sigv4.hpp"
#include "profile.hpp"

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

}  // namespace awsjson
