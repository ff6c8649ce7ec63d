// Credential providers that need no STS (roles.hpp has those that do), their chain, and a cache
// that refreshes temporary credentials before they expire (botocore: advisory 15 minutes before,
// mandatory 10). credentials.hpp puts them together in botocore's order.
//
//   environment      AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN (left out of the
//                    chain when the program chose a profile)
//   shared files     aws_access_key_id, aws_secret_access_key, aws_session_token of the profile,
//                    in the credentials file, then `credential_process`, then the config file
//   container        AWS_CONTAINER_CREDENTIALS_RELATIVE_URI (on 169.254.170.2) or _FULL_URI (https,
//                    or a loopback or container-metadata host), with the token of
//                    AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE or AWS_CONTAINER_AUTHORIZATION_TOKEN
//   instance (IMDS)  IMDSv2: a token (PUT, with its TTL), then the role and its credentials;
//                    AWS_EC2_METADATA_DISABLED=true turns it off, AWS_EC2_METADATA_SERVICE_ENDPOINT
//                    moves it
//
// No secret, session token or metadata token is ever in an error message: the documents that
// carry them are decoded into types whose members say @sensitive, and messages name only
// providers, files, hosts and statuses.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <sys/wait.h>

#include "../awsjson.hpp"
#include "../sigv4.hpp"
#include "profile.hpp"
#include "transport.hpp"

namespace awsjson {

/// Credentials and when they expire (none: long-term keys), and which provider gave them.
struct timed_credentials {
  sigv4::credentials keys;
  std::optional<std::chrono::system_clock::time_point> expiration;
  std::string source;  ///< "environment", "shared-credentials-file", "credential-process", ...
};

/// What a provider found: credentials; nothing (not configured here: the chain goes on); or an
/// error (configured but failing: the chain stops, as botocore's does).
struct credential_lookup {
  std::optional<timed_credentials> found;
  std::string error;

  static credential_lookup none() { return {}; }
  static credential_lookup fail(std::string message) { return {std::nullopt, std::move(message)}; }
};

class credential_provider {
 public:
  virtual ~credential_provider() = default;
  virtual std::string_view name() const = 0;
  /// Looks the credentials up (a file read, a process run, an HTTP call). Thread-safe.
  virtual credential_lookup load() = 0;
};

namespace detail {

/// The JSON documents of credential_process, the container endpoint and IMDS (their union of
/// members); the secret and the token are @sensitive, so no decode error quotes them.
struct credential_document {
  std::optional<int> Version;
  std::optional<std::string> Code;
  std::optional<std::string> AccessKeyId;
  std::optional<std::string> SecretAccessKey;
  std::optional<std::string> SessionToken;
  std::optional<std::string> Token;
  std::optional<timestamp> Expiration;
};
BOOST_DESCRIBE_STRUCT(credential_document, (),
                      (Version, Code, AccessKeyId, SecretAccessKey, SessionToken, Token, Expiration))
constexpr auto awsjson_shape(credential_document const*) {
  return awsjson::shape("credential_document", {{.name = "SecretAccessKey", .sensitive = true},
                                                {.name = "SessionToken", .sensitive = true},
                                                {.name = "Token", .sensitive = true},
                                                {.name = "Expiration", .timestamp = timestamp_format::date_time}});
}

inline credential_lookup from_document(std::string_view json, std::string source, std::string_view where) {
  credential_document d;
  if (auto err = decode_into(json, d))
    return credential_lookup::fail(std::string(where) + ": not a credentials document: " + err.to_string());
  if (!d.AccessKeyId || d.AccessKeyId->empty() || !d.SecretAccessKey || d.SecretAccessKey->empty())
    return credential_lookup::fail(std::string(where) + ": no AccessKeyId and SecretAccessKey in the answer");
  timed_credentials c;
  c.keys.access_key_id = *d.AccessKeyId;
  c.keys.secret_access_key = *d.SecretAccessKey;
  c.keys.session_token = d.SessionToken ? *d.SessionToken : d.Token ? *d.Token : std::string();
  if (d.Expiration) {
    // system_clock counts nanoseconds: about the years 1678 to 2261; a date beyond is no expiry time
    constexpr auto limit =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::duration::max());
    auto since = d.Expiration->time_since_epoch();
    if (since > limit || since < -limit)
      return credential_lookup::fail(std::string(where) + ": Expiration is out of range");
    c.expiration = std::chrono::time_point_cast<std::chrono::system_clock::duration>(*d.Expiration);
  }
  c.source = std::move(source);
  return {std::move(c), {}};
}

inline std::string read_file(std::string const& path, bool& ok) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  ok = bool(in);
  if (in) s << in.rdbuf();
  return s.str();
}

}  // namespace detail

/// Keys the program already has.
class static_credentials final : public credential_provider {
 public:
  explicit static_credentials(sigv4::credentials keys) : keys_(std::move(keys)) {}
  std::string_view name() const override { return "static"; }
  credential_lookup load() override { return {timed_credentials{keys_, {}, "static"}, {}}; }

 private:
  sigv4::credentials keys_;
};

/// AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN (or the older AWS_SECURITY_TOKEN).
class environment_credentials final : public credential_provider {
 public:
  explicit environment_credentials(environment env = {}) : env_(std::move(env)) {}
  std::string_view name() const override { return "environment"; }
  credential_lookup load() override {
    // Blank values are unset (the cross-SDK suite's environment_variables_blank).
    std::string id(detail::trim(env_.value("AWS_ACCESS_KEY_ID"))),
        secret(detail::trim(env_.value("AWS_SECRET_ACCESS_KEY")));
    if (id.empty() && secret.empty()) return credential_lookup::none();
    if (id.empty() || secret.empty())
      return credential_lookup::fail("environment: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set together");
    timed_credentials c{
        {id, secret, env_.value("AWS_SESSION_TOKEN", env_.value("AWS_SECURITY_TOKEN"))}, {}, "environment"};
    return {std::move(c), {}};
  }

 private:
  environment env_;
};

/// aws_access_key_id, aws_secret_access_key and aws_session_token of the profile, from one of
/// the shared files.
class profile_keys final : public credential_provider {
 public:
  enum class file : unsigned char { credentials, config };
  profile_keys(std::shared_ptr<shared_config const> config, file which) : config_(std::move(config)), which_(which) {}
  std::string_view name() const override {
    return which_ == file::credentials ? "shared-credentials-file" : "config-file";
  }
  credential_lookup load() override {
    auto const& s = which_ == file::credentials ? config_->credentials : config_->config;
    auto get = [&](char const* key) {
      auto it = s.find(key);
      return it == s.end() ? std::string() : it->second;
    };
    std::string id = get("aws_access_key_id"), secret = get("aws_secret_access_key");
    if (id.empty() && secret.empty()) return credential_lookup::none();
    if (id.empty() || secret.empty())
      return credential_lookup::fail(std::string(name()) + ": profile " + config_->profile +
                                     " has only one of aws_access_key_id and aws_secret_access_key");
    return {timed_credentials{{id, secret, get("aws_session_token")}, {}, std::string(name())}, {}};
  }

 private:
  std::shared_ptr<shared_config const> config_;
  file which_;
};

/// `credential_process` of the profile: a command whose standard output is
/// {"Version": 1, "AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration"}.
class process_credentials final : public credential_provider {
 public:
  explicit process_credentials(std::shared_ptr<shared_config const> config) : config_(std::move(config)) {}
  std::string_view name() const override { return "credential-process"; }
  credential_lookup load() override {
    auto command = config_->get("credential_process");
    if (!command || command->empty()) return credential_lookup::none();
    std::FILE* p = ::popen(command->c_str(), "r");  // through /bin/sh, as botocore splits and runs it
    if (!p)
      return credential_lookup::fail("credential_process of profile " + config_->profile + ": could not start it");
    std::string out;
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, p)) > 0;) out.append(buffer, n);
    int status = ::pclose(p);
    std::string where = "credential_process of profile " + config_->profile;
    if (status != 0)  // its output is not quoted: it may hold a secret
      return credential_lookup::fail(where + ": exited with status " +
                                     std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : status));
    detail::credential_document version;
    auto found = detail::from_document(out, "credential-process", where);
    if (found.found) {
      if (decode_into(out, version) || version.Version != 1)
        return credential_lookup::fail(where + ": the output's Version is not 1");
    }
    return found;
  }

 private:
  std::shared_ptr<shared_config const> config_;
};

/// The ECS/EKS container credentials endpoint.
class container_credentials final : public credential_provider {
 public:
  container_credentials(std::shared_ptr<transport> http, environment env = {})
      : http_(std::move(http)), env_(std::move(env)) {}
  std::string_view name() const override { return "container-role"; }
  credential_lookup load() override {
    std::string relative = env_.value("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
    std::string full = env_.value("AWS_CONTAINER_CREDENTIALS_FULL_URI");
    if (relative.empty() && full.empty()) return credential_lookup::none();
    std::string url = relative.empty() ? full : "http://169.254.170.2" + relative;
    auto [endpoint, path] = split_url(url);
    if (relative.empty() && !allowed(endpoint))
      return credential_lookup::fail("container credentials: " + endpoint +
                                     " is not an allowed host (https, loopback, or the container metadata addresses)");
    http_request request{"GET", path, {{"Accept", "application/json"}}, {}};
    std::string token = env_.value("AWS_CONTAINER_AUTHORIZATION_TOKEN");
    if (std::string file = env_.value("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"); !file.empty()) {
      bool ok = false;
      token = std::string(detail::trim(detail::read_file(file, ok)));
      if (!ok) return credential_lookup::fail("container credentials: cannot read the token file " + file);
    }
    if (!token.empty()) {
      if (token.find_first_of("\r\n") != std::string::npos)
        return credential_lookup::fail("container credentials: the authorization token holds a line break");
      request.headers.push_back({"Authorization", token});
    }
    http_response answer;
    if (auto failure = http_->send(endpoint, request, answer))
      return credential_lookup::fail("container credentials: " + endpoint + ": " + failure->message);
    if (answer.status != 200)
      return credential_lookup::fail("container credentials: " + endpoint + " answered HTTP " +
                                     std::to_string(answer.status));
    return detail::from_document(answer.body, "container-role", "container credentials");
  }

  /// "http://host:port/path" as ("http://host:port", "/path").
  static std::pair<std::string, std::string> split_url(std::string const& url) {
    auto scheme = url.find("://");
    auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    if (slash == std::string::npos) return {url, "/"};
    return {url.substr(0, slash), url.substr(slash)};
  }

 private:
  static bool allowed(std::string const& endpoint) {
    if (endpoint.starts_with("https://")) return true;
    if (!endpoint.starts_with("http://")) return false;
    std::string host = endpoint.substr(7);
    if (host.starts_with('[')) {
      host = host.substr(1, host.find(']') - 1);
    } else if (auto colon = host.find(':'); colon != std::string::npos) {
      host = host.substr(0, colon);
    }
    return host == "169.254.170.2" || host == "169.254.170.23" || host == "fd00:ec2::23" || host == "localhost" ||
           host == "::1" || host.starts_with("127.");
  }
  std::shared_ptr<transport> http_;
  environment env_;
};

/// EC2 instance metadata, IMDSv2: a session token first (PUT, with its TTL), then the role's name
/// and its credentials, each with the token. As botocore does, a metadata service that refuses
/// tokens (403, 404, 405) is asked without one, and one that is absent or answers with an error
/// gives no credentials; a role document that is not credentials is an error.
class instance_credentials final : public credential_provider {
 public:
  /// Where the metadata service is, when the program says (else the environment's and the
  /// profile's settings: endpoint()).
  struct options {
    std::string endpoint;       ///< e.g. "http://169.254.169.254"
    std::string endpoint_mode;  ///< "IPv4" or "IPv6"
  };
  instance_credentials(std::shared_ptr<transport> http, environment env = {},
                       std::shared_ptr<shared_config const> config = {}, options o = {})
      : http_(std::move(http)), env_(std::move(env)), config_(std::move(config)), options_(std::move(o)) {}
  std::string_view name() const override { return "iam-role"; }

  /// The metadata service's address, as the SDKs choose it (the cross-SDK imds-config suite): the
  /// program's endpoint, AWS_EC2_METADATA_SERVICE_ENDPOINT, the profile's
  /// ec2_metadata_service_endpoint; else the address of the endpoint mode (the program's,
  /// AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE, the profile's ec2_metadata_service_endpoint_mode:
  /// IPv4, the default, http://169.254.169.254, or IPv6, http://[fd00:ec2::254]). `error` says
  /// why there is none (a mode that is neither, an endpoint that is no http(s) URL).
  std::string endpoint(std::string& error) const {
    auto setting = [&](char const* variable, char const* key) {
      std::string v = env_.value(variable);
      if (v.empty() && config_) v = config_->get(key).value_or("");
      return v;
    };
    std::string endpoint = options_.endpoint;
    if (endpoint.empty()) endpoint = setting("AWS_EC2_METADATA_SERVICE_ENDPOINT", "ec2_metadata_service_endpoint");
    if (endpoint.empty()) {
      std::string mode = options_.endpoint_mode;
      if (mode.empty()) mode = setting("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "ec2_metadata_service_endpoint_mode");
      if (mode.empty() || detail::iequals(mode, "IPv4"))
        endpoint = "http://169.254.169.254";
      else if (detail::iequals(mode, "IPv6"))
        endpoint = "http://[fd00:ec2::254]";
      else
        return error = "instance metadata: `" + mode + "` is not a valid endpoint mode (IPv4 or IPv6)", "";
    }
    if ((!endpoint.starts_with("http://") && !endpoint.starts_with("https://")) ||
        endpoint.find_first_of(" \t\r\n\"<>\\^`{|}") != std::string::npos)
      return error = "instance metadata: the endpoint " + endpoint + " is not an http(s) URL", "";
    while (endpoint.ends_with('/')) endpoint.pop_back();
    return endpoint;
  }

  credential_lookup load() override {
    std::string disabled = env_.value("AWS_EC2_METADATA_DISABLED");
    for (char& c : disabled) c = detail::ascii_lower(c);
    if (disabled == "true") return credential_lookup::none();
    std::string error;
    std::string endpoint = this->endpoint(error);
    if (!error.empty()) return credential_lookup::fail(std::move(error));
    // As botocore's InstanceMetadataFetcher: a metadata service that is not there, refuses or
    // answers with an error means no credentials from it (the chain ends without them). A busy
    // one (5xx) or a dropped connection is asked again, three times in all as the cross-SDK
    // suite's imds_default_chain_retries (AWS_METADATA_SERVICE_NUM_ATTEMPTS to change it).
    int attempts = 3;
    if (auto n = env_.value("AWS_METADATA_SERVICE_NUM_ATTEMPTS");
        !n.empty() && n.size() < 3 && n.find_first_not_of("0123456789") == std::string::npos)
      attempts = std::max(1, std::stoi(n));
    http_response answer;
    auto ask = [&](http_request const& request) {
      for (int attempt = 1;; ++attempt) {
        bool failed = http_->send(endpoint, request, answer).has_value();
        if ((!failed && answer.status < 500) || attempt >= attempts) return !failed;
      }
    };
    http_request token_request{"PUT", "/latest/api/token", {{"x-aws-ec2-metadata-token-ttl-seconds", "21600"}}, {}};
    if (!ask(token_request)) return credential_lookup::none();
    std::vector<http_header> auth;
    if (answer.status == 200) {
      auth.push_back({"x-aws-ec2-metadata-token", answer.body});
    } else if (answer.status != 403 && answer.status != 404 && answer.status != 405) {
      return credential_lookup::none();
    }
    std::string base = "/latest/meta-data/iam/security-credentials/";
    if (!ask({"GET", base, auth, {}}) || answer.status != 200) return credential_lookup::none();
    std::string role(detail::trim(std::string_view(answer.body).substr(0, answer.body.find('\n'))));
    if (role.empty()) return credential_lookup::none();
    if (!ask({"GET", base + role, auth, {}}) || answer.status != 200) return credential_lookup::none();
    return detail::from_document(answer.body, "iam-role", "instance metadata, role " + role);
  }

 private:
  std::shared_ptr<transport> http_;
  environment env_;
  std::shared_ptr<shared_config const> config_;
  options options_;
};

/// Providers tried in order: the first that finds credentials gives them; one that fails stops
/// the chain with its error.
class credential_chain final : public credential_provider {
 public:
  explicit credential_chain(std::vector<std::shared_ptr<credential_provider>> providers)
      : providers_(std::move(providers)) {}
  std::string_view name() const override { return "chain"; }
  credential_lookup load() override {
    for (auto const& p : providers_) {
      auto found = p->load();
      if (found.found || !found.error.empty()) return found;
    }
    std::string names;
    for (auto const& p : providers_) names += (names.empty() ? "" : ", ") + std::string(p->name());
    return credential_lookup::fail("no credentials found (tried " + names + ")");
  }
  std::vector<std::shared_ptr<credential_provider>> const& providers() const { return providers_; }

 private:
  std::vector<std::shared_ptr<credential_provider>> providers_;
};

/// Caches what a provider gives; temporary credentials are fetched again 15 minutes before they
/// expire (a failure then keeps the old ones) and must be 10 minutes before (a failure then is
/// an error). Thread-safe: one refresh at a time, the others wait for it.
class cached_credentials final : public credential_provider {
 public:
  static constexpr std::chrono::minutes advisory{15}, mandatory{10};
  using clock_function = std::chrono::system_clock::time_point (*)();

  explicit cached_credentials(std::shared_ptr<credential_provider> source,
                              clock_function now = &std::chrono::system_clock::now)
      : source_(std::move(source)), now_(now) {}
  std::string_view name() const override { return source_->name(); }
  credential_lookup load() override {
    std::lock_guard lock(mutex_);
    auto now = now_();
    bool have = cached_.has_value();
    if (have && (!cached_->expiration || *cached_->expiration - now > advisory)) return {cached_, {}};
    auto fresh = source_->load();
    if (fresh.found) {
      cached_ = fresh.found;
      ++fetches_;
      return fresh;
    }
    if (have && *cached_->expiration - now > mandatory) return {cached_, {}};  // advisory: keep them
    cached_.reset();
    return fresh.error.empty() ? credential_lookup::fail("credentials expired and none were found again") : fresh;
  }
  /// How many times the source gave credentials (for tests and --debug).
  int fetches() const {
    std::lock_guard lock(mutex_);
    return fetches_;
  }

 private:
  std::shared_ptr<credential_provider> source_;
  clock_function now_;
  mutable std::mutex mutex_;
  std::optional<timed_credentials> cached_;
  int fetches_ = 0;
};

}  // namespace awsjson
