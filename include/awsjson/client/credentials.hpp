// Where a client's credentials come from, in botocore's order (botocore/credentials.py
// create_credential_resolver):
//
//   environment      AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN (left out of the
//                    chain when the program chose a profile)
//   assume role      the profile's role_arn with source_profile (chains of them) or
//                    credential_source, through STS AssumeRole (roles.hpp)
//   web identity     AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN, or the profile's
//                    web_identity_token_file and role_arn, through STS AssumeRoleWithWebIdentity
//   IAM Identity     the profile's sso_account_id and sso_role_name, with an sso_session or the
//   Center (SSO)     legacy sso_start_url: the token `aws sso login` cached, refreshed when it can
//                    be, then the portal's GetRoleCredentials (sso.hpp)
//   shared files     aws_access_key_id, aws_secret_access_key, aws_session_token of the profile,
//                    in the credentials file, then `credential_process`, then the config file
//   container        AWS_CONTAINER_CREDENTIALS_RELATIVE_URI (on 169.254.170.2) or _FULL_URI (https,
//                    or a loopback or container-metadata host), with the token of
//                    AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE or AWS_CONTAINER_AUTHORIZATION_TOKEN
//   instance (IMDS)  IMDSv2: a token (PUT, with its TTL), then the role and its credentials;
//                    AWS_EC2_METADATA_DISABLED=true turns it off, AWS_EC2_METADATA_SERVICE_ENDPOINT
//                    moves it
//
// Not here: botocore's `login` provider (`aws login`, new in 2025; its cache format is the AWS
// CLI's own).
//
// No secret, session token, web-identity token or metadata token is ever in an error message:
// the documents that carry them are decoded into types whose members say @sensitive, and
// messages name only providers, profiles, files, hosts, statuses and STS's error codes.
#pragma once

#include <memory>
#include <vector>

#include "credential_providers.hpp"
#include "roles.hpp"
#include "sso.hpp"

namespace awsjson {

/// botocore's default chain for a profile (botocore/credentials.py create_credential_resolver):
/// environment (unless the program chose the profile), assume role (the profile's role_arn), web
/// identity, IAM Identity Center, the credentials file, credential_process, the config file, the container, the
/// instance. `http` serves the container and instance endpoints (short timeouts suit them:
/// botocore's is 1 s); `sts` says where STS is for the roles (its transport, the region; without a
/// transport, `http`).
inline std::shared_ptr<credential_chain> default_credential_chain(std::shared_ptr<shared_config const> config,
                                                                  std::shared_ptr<transport> http,
                                                                  environment const& env = {}, sts_options sts = {}) {
  if (!sts.http) sts.http = http;
  std::vector<std::shared_ptr<credential_provider>> p;
  if (!config->profile_explicit) p.push_back(std::make_shared<environment_credentials>(env));
  p.push_back(std::make_shared<assume_role_credentials>(config, sts, http, env));
  p.push_back(std::make_shared<web_identity_credentials>(config, sts, env));
  p.push_back(std::make_shared<sso_credentials>(config, sso_options{sts.http, sts.sleep}, env));
  p.push_back(std::make_shared<profile_keys>(config, profile_keys::file::credentials));
  p.push_back(std::make_shared<process_credentials>(config));
  p.push_back(std::make_shared<profile_keys>(config, profile_keys::file::config));
  p.push_back(std::make_shared<container_credentials>(http, env));
  p.push_back(std::make_shared<instance_credentials>(http, env, config));
  return std::make_shared<credential_chain>(std::move(p));
}

}  // namespace awsjson
