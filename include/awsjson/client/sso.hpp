// IAM Identity Center (SSO), as botocore's SSOProvider and SSOTokenProvider use it: a profile with
// sso_account_id and sso_role_name, and either an `sso_session` (its [sso-session NAME] section
// gives sso_start_url and sso_region) or, the legacy form, sso_start_url and sso_region of its own.
//
//   the token    the one `aws sso login` cached in ~/.aws/sso/cache/SHA1.json (SHA-1 of the
//                session's name; of the start URL in the legacy form). A session's token is
//                refreshed through SSO OIDC CreateToken when it expires within 15 minutes and the
//                cache holds a refresh token and a registration still valid; the new one is
//                written back. A legacy token is never refreshed.
//   credentials  the portal's GetRoleCredentials (GET /federation/credentials, the token in
//                x-amz-sso_bearer_token, unsigned), at https://portal.sso.REGION.amazonaws.com or
//                an endpoint configured for the service `SSO` (configured_endpoint.hpp).
//
// A token that cannot be used (none cached, expired, refused) is an error that says to sign in
// again with `aws sso login --profile NAME`. No token, refresh token, client secret or credential
// is ever in an error message: the documents that carry them are decoded into types whose members
// say @sensitive, and messages name only profiles, sessions, files, hosts and statuses.
#pragma once

#include <openssl/evp.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <system_error>

#include "../awsjson.hpp"
#include "../sigv4.hpp"
#include "configured_endpoint.hpp"
#include "credential_providers.hpp"
#include "endpoint_rules.hpp"
#include "profile_chain.hpp"
#include "provider_endpoint_rules.hpp"
#include "provider_retry.hpp"

namespace awsjson {

/// A bearer token of IAM Identity Center and when it expires.
struct sso_token {
  std::string token;
  std::chrono::system_clock::time_point expiration;
};

/// What sso_token_for found: the token, or why not.
struct sso_token_lookup {
  std::optional<sso_token> found;
  std::string error;
};

/// How the SSO providers reach IAM Identity Center: the transport, the wait between attempts
/// (empty: they sleep), and the clock (a test's may move).
struct sso_options {
  std::shared_ptr<transport> http;
  provider_sleep_function sleep{};
  std::chrono::system_clock::time_point (*now)() = &std::chrono::system_clock::now;
};

namespace detail {

/// A token cache file, with botocore's member names; what is secret is @sensitive.
struct sso_cached_token {
  std::optional<std::string> startUrl, region, accessToken, expiresAt, refreshToken, clientId, clientSecret,
      registrationExpiresAt;
};
BOOST_DESCRIBE_STRUCT(sso_cached_token, (),
                      (startUrl, region, accessToken, expiresAt, refreshToken, clientId, clientSecret,
                       registrationExpiresAt))
constexpr auto awsjson_shape(sso_cached_token const*) {
  return awsjson::shape("sso_cached_token", {{.name = "accessToken", .sensitive = true},
                                             {.name = "refreshToken", .sensitive = true},
                                             {.name = "clientSecret", .sensitive = true}});
}

/// SSO OIDC CreateToken's answer.
struct sso_created_token {
  std::optional<std::string> accessToken, refreshToken, idToken, tokenType;
  std::optional<std::int64_t> expiresIn;
};
BOOST_DESCRIBE_STRUCT(sso_created_token, (), (accessToken, refreshToken, idToken, tokenType, expiresIn))
constexpr auto awsjson_shape(sso_created_token const*) {
  return awsjson::shape("sso_created_token", {{.name = "accessToken", .sensitive = true},
                                              {.name = "refreshToken", .sensitive = true},
                                              {.name = "idToken", .sensitive = true}});
}

/// CreateToken's request (restJson1: the members as they are named).
struct sso_create_token_request {
  std::string clientId, clientSecret, grantType, refreshToken;
};
BOOST_DESCRIBE_STRUCT(sso_create_token_request, (), (clientId, clientSecret, grantType, refreshToken))
constexpr auto awsjson_shape(sso_create_token_request const*) {
  return awsjson::shape("sso_create_token_request",
                        {{.name = "clientSecret", .sensitive = true}, {.name = "refreshToken", .sensitive = true}});
}

/// GetRoleCredentials' answer.
struct sso_role_credentials {
  std::optional<std::string> accessKeyId, secretAccessKey, sessionToken;
  std::optional<std::int64_t> expiration;  ///< milliseconds since the epoch
};
BOOST_DESCRIBE_STRUCT(sso_role_credentials, (), (accessKeyId, secretAccessKey, sessionToken, expiration))
constexpr auto awsjson_shape(sso_role_credentials const*) {
  return awsjson::shape("sso_role_credentials",
                        {{.name = "secretAccessKey", .sensitive = true}, {.name = "sessionToken", .sensitive = true}});
}
struct sso_role_credentials_answer {
  std::optional<sso_role_credentials> roleCredentials;
};
BOOST_DESCRIBE_STRUCT(sso_role_credentials_answer, (), (roleCredentials))

inline std::string sha1_hex(std::string_view data) {
  unsigned char d[EVP_MAX_MD_SIZE];
  unsigned n = 0;
  EVP_Digest(data.data(), data.size(), d, &n, EVP_sha1(), nullptr);
  return sigv4::detail::hex(d, n);
}

/// Where `aws sso login` caches the token of `key` (a session's name; a legacy profile's start URL).
inline std::string sso_cache_file(environment const& env, std::string const& key) {
  return env.value("HOME") + "/.aws/sso/cache/" + sha1_hex(key) + ".json";
}

inline std::string sso_login_advice(std::string const& profile) {
  return "sign in again with `aws sso login --profile " + profile + "`";
}

/// Where the service `service_id` (the portal, "SSO", or "SSO OIDC") is for `region`: what its
/// endpoint rule set says for the profile's FIPS and dual-stack settings and the endpoint
/// configured for it (`https://portal.sso.REGION.amazonaws.com` where nothing is set).
inline endpoint_rules::target sso_endpoint(shared_config const& config, environment const& env,
                                           std::string_view service_id, std::string_view rule_set,
                                           std::string const& region) {
  auto configured = configured_endpoint(config, env, service_id);
  std::string error;
  auto rules = endpoint_rules::rule_set_for(rule_set, &error);
  if (!rules) return {{}, {}, {}, error};
  return endpoint_rules::resolve(
      *rules, {region, endpoint_settings::use_fips(config, env), endpoint_settings::use_dualstack(config, env),
               configured ? configured->url : std::string(), false});
}

/// A request to the OIDC service or the portal: nothing to sign (unauthenticated, or a bearer
/// token in a header), retried like every provider's when throttled (HTTP 429).
template <class Build>
std::optional<transport_error> sso_send(sso_options const& o, std::string const& endpoint, Build&& build,
                                        http_response& answer, std::string& url) {
  auto unsigned_request = [](http_request&, std::string const&) {};
  auto throttled = [](http_response const& a) { return a.status == 429; };
  return send_with_retries(*o.http, endpoint, build, unsigned_request, throttled, answer, url, o.sleep);
}

/// Whether `text` (an RFC 3339 date-time) is set and parses; `out` gets it.
inline bool sso_time(std::optional<std::string> const& text, std::chrono::system_clock::time_point& out) {
  timestamp t;
  if (!text || parse_date_time(*text, t)) return false;
  out = std::chrono::time_point_cast<std::chrono::system_clock::duration>(t);
  return true;
}

/// The cache file rewritten with a refreshed token, replaced in one step (a file beside it, then
/// renamed), readable by its owner alone, as botocore writes it.
inline bool write_sso_cache(std::string const& path, sso_cached_token const& token) {
  std::string text;
  if (encode_into(text, token)) return false;
  std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) return false;
    out << text;
    if (!out.flush()) return false;
  }
  std::error_code ec;
  std::filesystem::permissions(temporary, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, ec);
  std::filesystem::rename(temporary, path, ec);
  return !ec;
}

/// SSO OIDC CreateToken with the cached refresh token; the cache entry updated when it answers.
inline bool refresh_sso_token(shared_config const& config, environment const& env, sso_options const& o,
                              profile_chain::base_step const& s, sso_cached_token& token) {
  std::chrono::system_clock::time_point registered_until;
  if (!token.refreshToken || !token.clientId || !token.clientSecret ||
      !sso_time(token.registrationExpiresAt, registered_until) || registered_until <= o.now())
    return false;
  std::string body;
  if (encode_into(body,
                  sso_create_token_request{*token.clientId, *token.clientSecret, "refresh_token", *token.refreshToken}))
    return false;
  http_response answer;
  std::string url;
  auto build = [&] {
    http_request request{"POST", "/token", {{"Content-Type", "application/json"}}, body};
    request.set_header("Content-Length", std::to_string(body.size()));
    return request;
  };
  auto oidc = sso_endpoint(config, env, "SSO OIDC", endpoint_rules::sso_oidc_rule_set, s.sso_region);
  if (!oidc.error.empty() || sso_send(o, oidc.url, build, answer, url) || answer.status != 200) return false;
  sso_created_token created;
  if (decode_into(answer.body, created) || !created.accessToken || !created.expiresIn) return false;
  token.accessToken = created.accessToken;
  if (created.refreshToken) token.refreshToken = created.refreshToken;
  auto expires = std::chrono::time_point_cast<std::chrono::seconds>(o.now()) + std::chrono::seconds(*created.expiresIn);
  std::string text;
  if (!append_date_time(text, expires)) return false;
  token.expiresAt = text;
  token.startUrl = s.sso_start_url;
  token.region = s.sso_region;
  return true;
}

/// The token of a profile's SSO settings `s`: from the cache, refreshed if it is a session's and
/// expires within 15 minutes (botocore's window).
inline sso_token_lookup sso_access_token(shared_config const& config, environment const& env, sso_options const& o,
                                         profile_chain::base_step const& s) {
  std::string where = "profile " + s.profile + ": IAM Identity Center";
  if (s.sso_start_url.empty() || s.sso_region.empty())
    return {std::nullopt, where + ": sso_start_url and sso_region are both needed" +
                              (s.sso_session.empty() ? "" : " in the sso-session " + s.sso_session)};
  std::string name = s.sso_session.empty() ? s.sso_start_url : s.sso_session;
  std::string path = sso_cache_file(env, name);
  bool ok = false;
  std::string text = read_file(path, ok);
  if (!ok)
    return {std::nullopt, where + ": no cached token for " + name + " (failed to read `" + path +
                              "`): sign in with `aws sso login --profile " + s.profile + "`"};
  sso_cached_token token;
  std::chrono::system_clock::time_point expires;
  if (decode_into(text, token) || !token.accessToken || !sso_time(token.expiresAt, expires))
    return {std::nullopt, where + ": the cached token `" + path + "` is not a token with accessToken and expiresAt; " +
                              sso_login_advice(s.profile)};
  if (!s.sso_session.empty() && expires - o.now() < std::chrono::minutes(15) &&
      refresh_sso_token(config, env, o, s, token) && sso_time(token.expiresAt, expires))
    (void)write_sso_cache(path, token);  // a token that cannot be saved still serves this time
  if (expires <= o.now())
    return {std::nullopt, where + ": the token for " + name + " has expired; " + sso_login_advice(s.profile)};
  return {sso_token{*token.accessToken, expires}, {}};
}

/// The role's credentials for a profile's SSO settings `s` (GetRoleCredentials).
inline credential_lookup sso_role_credentials_of(shared_config const& config, environment const& env,
                                                 sso_options const& o, profile_chain::base_step const& s) {
  std::string where = "profile " + s.profile + ": IAM Identity Center";
  if (s.sso_account_id.empty() || s.sso_role_name.empty())
    return credential_lookup::fail(where + ": the profile gives a bearer token (sso_session), not credentials: " +
                                   "credentials need sso_account_id and sso_role_name");
  auto token = sso_access_token(config, env, o, s);
  if (!token.found) return credential_lookup::fail(std::move(token.error));
  http_response answer;
  std::string url;
  auto build = [&] {
    http_request request{"GET",
                         "/federation/credentials?role_name=" + sigv4::detail::uri_encode(s.sso_role_name, false) +
                             "&account_id=" + sigv4::detail::uri_encode(s.sso_account_id, false),
                         {{"x-amz-sso_bearer_token", token.found->token}},
                         {}};
    return request;
  };
  auto portal = sso_endpoint(config, env, "SSO", endpoint_rules::sso_rule_set, s.sso_region);
  if (!portal.error.empty()) return credential_lookup::fail(where + ": no endpoint for the portal: " + portal.error);
  if (auto failure = sso_send(o, portal.url, build, answer, url))
    return credential_lookup::fail(where + ": GetRoleCredentials at " + url + ": " + failure->message);
  if (answer.status == 401 || answer.status == 403)
    return credential_lookup::fail(where + ": the token was refused (HTTP " + std::to_string(answer.status) +
                                   "): the session has expired or is otherwise invalid; " +
                                   sso_login_advice(s.profile));
  if (answer.status != 200)
    return credential_lookup::fail(where + ": GetRoleCredentials at " + url + " answered HTTP " +
                                   std::to_string(answer.status));
  sso_role_credentials_answer got;
  if (auto err = decode_into(answer.body, got))
    return credential_lookup::fail(where + ": GetRoleCredentials: not its answer: " + err.to_string());
  auto const& c = got.roleCredentials;
  if (!c || !c->accessKeyId || c->accessKeyId->empty() || !c->secretAccessKey || c->secretAccessKey->empty())
    return credential_lookup::fail(where + ": GetRoleCredentials: no accessKeyId and secretAccessKey in the answer");
  timed_credentials found{{*c->accessKeyId, *c->secretAccessKey, c->sessionToken.value_or("")}, {}, "sso"};
  if (c->expiration) {
    constexpr std::int64_t limit = std::int64_t(1) << 53;  // milliseconds: some 285,000 years
    if (*c->expiration > limit || *c->expiration < -limit)
      return credential_lookup::fail(where + ": GetRoleCredentials: expiration is out of range");
    found.expiration = std::chrono::system_clock::time_point(std::chrono::milliseconds(*c->expiration));
  }
  return {std::move(found), {}};
}

}  // namespace detail

/// The bearer token of the profile's sso_session (botocore's SSOTokenProvider), for services
/// that take one; refreshed as the credentials' is.
inline sso_token_lookup sso_token_for(shared_config const& config, environment const& env, sso_options const& o) {
  auto p = config.files.profiles.find(config.profile);
  std::string session = p == config.files.profiles.end() ? std::string() : detail::setting(p->second, "sso_session");
  if (session.empty()) return {std::nullopt, "profile " + config.profile + ": no sso_session to take a token from"};
  auto s = config.files.sso_sessions.find(session);
  if (s == config.files.sso_sessions.end())
    return {std::nullopt, "profile " + config.profile + ": the sso-session " + session + " does not exist"};
  profile_chain::base_step step;
  step.profile = config.profile;
  step.sso_session = session;
  step.sso_region = detail::setting(s->second, "sso_region");
  step.sso_start_url = detail::setting(s->second, "sso_start_url");
  return detail::sso_access_token(config, env, o, step);
}

/// A profile with sso_account_id and sso_role_name (botocore's SSOProvider): the role's
/// credentials through the cached token. A profile with role_arn is the assume-role provider's,
/// which takes an SSO profile as its source.
class sso_credentials final : public credential_provider {
 public:
  sso_credentials(std::shared_ptr<shared_config const> config, sso_options options, environment env = {})
      : config_(std::move(config)), options_(std::move(options)), env_(std::move(env)) {}
  std::string_view name() const override { return "sso"; }
  credential_lookup load() override {
    auto p = config_->files.profiles.find(config_->profile);
    if (p == config_->files.profiles.end() || p->second.count("role_arn") ||
        !(p->second.count("sso_account_id") || p->second.count("sso_role_name")))
      return credential_lookup::none();
    std::string error;
    auto chain = resolve_profile_chain(config_->files, config_->profile, error);
    if (!chain) return credential_lookup::fail("sso: " + error);
    if (chain->base.kind != profile_chain::base_kind::sso) return credential_lookup::none();
    return detail::sso_role_credentials_of(*config_, env_, options_, chain->base);
  }

 private:
  std::shared_ptr<shared_config const> config_;
  sso_options options_;
  environment env_;
};

}  // namespace awsjson
