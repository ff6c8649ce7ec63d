// awsjson::client: calls any generated operation. The input is validated, built into a request,
// signed with the credentials of the chain (cached, refreshed before they expire), sent through a
// transport, retried as the retry mode says (standard unless configured), and the answer decoded
// into the output or a typed error.
//
//   awsjson::client ssm({.region = "us-east-1"});
//   auto r = ssm.call<awsjson::ssm::GetParameter>({.Name = "/app/db"});
//   if (auto const* out = r.result()) ...
//
// Synchronous; one client serves concurrent calls from several threads (the transport, the
// credential cache and the retry quota are thread-safe). No global init or shutdown.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <variant>

#include "../awsjson.hpp"
#include "../endpoint.hpp"
#include "../sigv4.hpp"
#include "compression.hpp"
#include "configured_endpoint.hpp"
#include "credentials.hpp"
#include "curl_transport.hpp"
#include "endpoint_rules.hpp"
#include "profile.hpp"
#include "retry.hpp"
#include "transport.hpp"

namespace awsjson {

struct client_options {
  /// The region; empty: AWS_REGION, AWS_DEFAULT_REGION, the profile's `region`.
  std::string region{};
  /// Where to send requests (`http://127.0.0.1:5000`); empty: the endpoint configured for the
  /// service (client::endpoint_of: AWS_ENDPOINT_URL_<SERVICE_ID>, AWS_ENDPOINT_URL, the profile's
  /// `services` section and `endpoint_url`). Either goes to the service's endpoint rule set as
  /// its Endpoint; with none, the rule set chooses (https://sqs.eu-west-1.amazonaws.com, the
  /// partition's domain in China, GovCloud and the ISO regions, FIPS and dual-stack hosts).
  std::string endpoint_url{};
  /// FIPS endpoints. Unset: AWS_USE_FIPS_ENDPOINT, else the profile's use_fips_endpoint, else
  /// false. A service or region without one makes the call fail, naming why (its rule set's error).
  std::optional<bool> use_fips_endpoint{};
  /// Dual-stack (IPv4 and IPv6) endpoints. Unset: AWS_USE_DUALSTACK_ENDPOINT, else the profile's
  /// use_dualstack_endpoint, else false.
  std::optional<bool> use_dualstack_endpoint{};
  /// The profile of the shared files; empty: AWS_PROFILE, AWS_DEFAULT_PROFILE, `default`. A
  /// profile chosen here leaves the environment's keys out of the chain, as botocore does.
  std::string profile{};
  /// The retry mode and attempts: what is set here, else AWS_RETRY_MODE and AWS_MAX_ATTEMPTS, else
  /// the profile's `retry_mode` and `max_attempts`, else standard mode's 3 attempts. Or a
  /// program's own `retry.strategy`.
  retry_options retry{};
  /// Checks before sending what botocore checks: required members, minimum lengths and minimum
  /// values (Smithy asks clients not to reject what a newer service may accept); off, only the
  /// required members are checked (what build_request always does).
  bool validate = true;
  /// With `validate`, every constraint of the model instead: maximum lengths and values, and
  /// @pattern too (awsjson::validate).
  bool full_validation = false;
  /// Whether an operation's host prefix (Smithy @endpoint: "data-", "{AccountId}.") goes before the
  /// host, the endpoint URL's too. Unset: false when AWS_DISABLE_HOST_PREFIX_INJECTION or the
  /// profile's disable_host_prefix_injection is true, else true (botocore's inject_host_prefix).
  std::optional<bool> inject_host_prefix{};
  /// Whether bodies of operations with @requestCompression (CloudWatch's PutMetricData) are sent
  /// gzip-compressed from `min_size_bytes` on. Unset: AWS_DISABLE_REQUEST_COMPRESSION and
  /// AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES, else the profile's disable_request_compression and
  /// request_min_compression_size_bytes, else on from 10,240 bytes.
  std::optional<request_compression_options> request_compression{};
  /// Makes the value of an @idempotencyToken member the caller left unset; null: a random UUID v4.
  std::function<std::string()> idempotency_token{};
  /// The HTTP transport; null: a curl_transport (the CMake target awsjson::client links libcurl).
  std::shared_ptr<transport> http{};
  /// Where credentials come from; null: the default chain (cached). Keys the program has:
  /// std::make_shared<awsjson::static_credentials>(awsjson::sigv4::credentials{id, secret, token}).
  std::shared_ptr<credential_provider> credentials{};
  /// Where settings come from (tests give their own).
  environment env{};
  /// Lines for --debug: each attempt's signing steps (canonical request, string to sign), its
  /// status and the wait before the next. Never a secret key or a session token.
  std::function<void(std::string const&)> log{};
  /// How to wait between attempts, and the jitter in [0, 1) (tests give their own).
  std::function<void(std::chrono::duration<double>)> sleep{};
  std::function<double()> random{};
};

/// Why a call got no answer from the service.
struct client_error {
  enum class kind : unsigned char {
    invalid_input,   ///< the input breaks the model's constraints (`violations`) or cannot be encoded
    no_region,       ///< no region was given or configured
    no_credentials,  ///< the credential chain found none, or a provider failed
    transport,       ///< no HTTP answer (connection, timeout) after every attempt
    invalid_config,  ///< the shared config or credentials file is malformed (the message names the line)
  };
  kind what;
  std::string message;
  std::vector<std::string> violations;  ///< invalid_input: one line per broken constraint (no values of secrets)
};

/// The outcome of a call: the service's answer (the last attempt's) or why there was none, and
/// how many attempts it took.
template <operation Op>
struct call_result {
  std::variant<response<Op>, client_error> outcome;
  int attempts = 0;

  bool ok() const noexcept { return result() != nullptr; }
  typename Op::output const* result() const noexcept {
    auto const* r = std::get_if<0>(&outcome);
    return r ? r->result() : nullptr;
  }
  typename Op::output* result() noexcept {
    auto* r = std::get_if<0>(&outcome);
    return r ? r->result() : nullptr;
  }
  operation_error<Op> const* service_error() const noexcept {
    auto const* r = std::get_if<0>(&outcome);
    return r ? r->service_error() : nullptr;
  }
  awsjson::error const* output_error() const noexcept {
    auto const* r = std::get_if<0>(&outcome);
    return r ? r->output_error() : nullptr;
  }
  client_error const* failure() const noexcept { return std::get_if<1>(&outcome); }
  response<Op> const* answer() const noexcept { return std::get_if<0>(&outcome); }
};

namespace detail {
/// The wire facts of an operation's service a client needs (generated into each descriptor).
template <class Op>
concept callable_operation = operation<Op> && requires {
  { Op::signing_name } -> std::convertible_to<std::string_view>;
  { Op::endpoint_prefix } -> std::convertible_to<std::string_view>;
};

/// An error shape the model marks @retryable: the generator writes `constexpr bool
/// awsjson_retryable(E const*)`, true when the error is throttling.
template <class E>
concept modeled_retryable = requires {
  { awsjson_retryable(static_cast<E const*>(nullptr)) } -> std::same_as<bool>;
};

}  // namespace detail

class client {
 public:
  client() : client(client_options{}) {}
  explicit client(client_options o);

  /// Calls Op with `input`: the service's answer, or why there was none.
  template <detail::callable_operation Op>
  call_result<Op> call(typename Op::input const& input) const;

  std::string const& region() const noexcept { return region_; }
  shared_config const& config() const noexcept { return *config_; }
  retry_quota& quota() const noexcept { return *quota_; }
  /// The retry policy the calls follow (the mode configured, or the program's strategy).
  retry_strategy& retries() const noexcept { return *retries_; }
  /// The credentials the next call would sign with (the cache refreshing them when due).
  credential_lookup credentials() const { return credentials_->load(); }

  /// Waits as the client waits between attempts (client_options::sleep): for waiters.
  void pause(std::chrono::duration<double> d) const { options_.sleep(d); }

  /// The endpoint of a service in this client's region (or the program's endpoint_url).
  std::string endpoint_for(std::string_view endpoint_prefix, std::string_view host_prefix = {}) const;

  /// Where calls to a service go, as botocore chooses: the program's endpoint_url; else, unless
  /// AWS_IGNORE_CONFIGURED_ENDPOINT_URLS (or the profile's ignore_configured_endpoint_urls) is
  /// true, AWS_ENDPOINT_URL_<SERVICE_ID> (the model's serviceId, upper case, spaces as `_`:
  /// AWS_ENDPOINT_URL_DYNAMODB_STREAMS), AWS_ENDPOINT_URL, the `endpoint_url` of the service's
  /// entry (lower case: `dynamodb_streams =`) in the `[services NAME]` section the profile's
  /// `services` names, the profile's `endpoint_url`; else endpoint_for. `problem` says why no
  /// endpoint can be chosen (the profile names a services section that does not exist).
  using endpoint_choice = awsjson::endpoint_choice;
  endpoint_choice endpoint_of(std::string_view endpoint_prefix, std::string_view service_id) const;

  /// Where Op's calls go and how they are signed: its service's endpoint rule set (Op::endpoint_rules,
  /// generated) evaluated for this client's region, FIPS and dual-stack settings and the
  /// endpoint configured (as endpoint_of finds it); an operation without a rule set goes to
  /// endpoint_of. `where.problem` says why there is none (the rule set's error).
  struct call_endpoint {
    endpoint_choice where;
    std::string signing_region;  ///< the rule set's authSchemes, else the client's region
    std::string signing_name;    ///< the rule set's authSchemes, else Op::signing_name
  };
  template <detail::callable_operation Op>
  call_endpoint endpoint_for_call() const;

 private:
  template <detail::callable_operation Op>
  call_result<Op> send(typename Op::input const& input) const;
  void debug(std::string const& line) const {
    if (options_.log) options_.log(line);
  }

  client_options options_;
  std::shared_ptr<shared_config const> config_;
  std::string region_;
  std::shared_ptr<credential_provider> credentials_;
  std::shared_ptr<retry_quota> quota_ = std::make_shared<retry_quota>();
  std::shared_ptr<retry_strategy> retries_;
  std::string settings_problem_;  // a retry setting that cannot be read: every call fails with it
};

// ---- definitions -------------------------------------------------------------------------------

inline client::client(client_options o) : options_(std::move(o)) {
  config_ = std::make_shared<shared_config const>(shared_config::load(options_.env, options_.profile));
  region_ = options_.region;
  if (region_.empty()) region_ = options_.env.value("AWS_REGION", options_.env.value("AWS_DEFAULT_REGION"));
  if (region_.empty()) region_ = config_->get("region").value_or("");
  std::shared_ptr<transport> metadata = options_.http;  // the container and instance endpoints
  if (!options_.http) {
    options_.http = std::make_shared<curl_transport>();
    metadata = std::make_shared<curl_transport>(
        curl_transport::options{std::chrono::milliseconds(1000), std::chrono::milliseconds(2000), 2});
  }
  if (!options_.sleep) options_.sleep = [](std::chrono::duration<double> d) { std::this_thread::sleep_for(d); };
  if (!options_.use_fips_endpoint) options_.use_fips_endpoint = endpoint_settings::use_fips(*config_, options_.env);
  if (!options_.use_dualstack_endpoint)
    options_.use_dualstack_endpoint = endpoint_settings::use_dualstack(*config_, options_.env);
  if (!options_.credentials)
    options_.credentials = std::make_shared<cached_credentials>(default_credential_chain(
        config_, metadata, options_.env,
        sts_options{options_.http, region_,
                    configured_endpoint(*config_, options_.env, "STS").value_or(endpoint_choice{}).url, options_.sleep,
                    options_.use_fips_endpoint, options_.use_dualstack_endpoint, std::nullopt}));
  credentials_ = options_.credentials;
  // Settings: the program's, else the environment's, else the profile's.
  auto setting = [&](char const* variable, char const* key) -> std::pair<std::string, std::string> {
    if (auto v = options_.env.value(variable); !v.empty()) return {v, variable};
    if (auto v = config_->get(key)) return {*v, "the profile's " + std::string(key)};
    return {};
  };
  if (!options_.retry.mode && !options_.retry.strategy) {
    if (auto [text, where] = setting("AWS_RETRY_MODE", "retry_mode"); !where.empty()) {
      options_.retry.mode = parse_retry_mode(text);
      if (!options_.retry.mode) settings_problem_ = where + " is not legacy, standard or adaptive";
    }
  }
  if (!options_.retry.max_attempts && !options_.retry.strategy) {
    if (auto [text, where] = setting("AWS_MAX_ATTEMPTS", "max_attempts"); !where.empty()) {
      options_.retry.max_attempts = parse_max_attempts(text);
      if (!options_.retry.max_attempts) settings_problem_ = where + " is not a whole number of 1 or more";
    }
  }
  if (!options_.inject_host_prefix) {
    auto [text, where] = setting("AWS_DISABLE_HOST_PREFIX_INJECTION", "disable_host_prefix_injection");
    options_.inject_host_prefix = !detail::iequals(text, "true");
  }
  if (!options_.request_compression) {
    request_compression_options rc;
    if (auto [text, where] = setting("AWS_DISABLE_REQUEST_COMPRESSION", "disable_request_compression"); !where.empty())
      rc.disabled = detail::iequals(text, "true");
    if (auto [text, where] = setting("AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES", "request_min_compression_size_bytes");
        !where.empty()) {
      auto n = detail::parse_positive(text);
      if (!n || *n > rc.max_allowed)
        settings_problem_ = where + " is not a whole number from 1 to " + std::to_string(rc.max_allowed);
      else
        rc.min_size_bytes = *n;
    }
    options_.request_compression = rc;
  }
  if (!options_.idempotency_token) options_.idempotency_token = random_uuid;
  if (!options_.random)
    options_.random = [] {
      thread_local std::mt19937_64 engine{std::random_device{}()};
      return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
    };
  retries_ = make_retry_strategy(options_.retry, quota_, options_.random, [] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
  });
}

inline std::string client::endpoint_for(std::string_view endpoint_prefix, std::string_view host_prefix) const {
  if (!options_.endpoint_url.empty()) {
    std::string e = options_.endpoint_url;
    while (e.ends_with('/')) e.pop_back();
    auto scheme = e.find("://");
    e.insert(scheme == std::string::npos ? 0 : scheme + 3, host_prefix);
    return e;
  }
  std::string e = regional_endpoint(endpoint_prefix, region_);
  e.insert(std::string_view("https://").size(), host_prefix);
  return e;
}

inline client::endpoint_choice client::endpoint_of(std::string_view endpoint_prefix,
                                                   std::string_view service_id) const {
  if (!options_.endpoint_url.empty()) return {endpoint_for(endpoint_prefix), "the program's endpoint_url", {}};
  if (auto configured = configured_endpoint(*config_, options_.env, service_id)) return *configured;
  return {endpoint_for(endpoint_prefix), "the service's regional endpoint", {}};
}

template <detail::callable_operation Op>
client::call_endpoint client::endpoint_for_call() const {
  call_endpoint out{{}, region_, std::string(Op::signing_name)};
  if constexpr (requires { std::string_view(Op::endpoint_rules); }) {
    endpoint_choice configured;
    if (!options_.endpoint_url.empty())
      configured = {options_.endpoint_url, "the program's endpoint_url", {}};
    else if (auto c = configured_endpoint(*config_, options_.env, service_id_of<Op>()))
      configured = *c;
    if (!configured.problem.empty()) return {configured, {}, {}};
    std::string service(service_id_of<Op>());
    std::string error;
    auto rules = endpoint_rules::rule_set_for(Op::endpoint_rules, &error);
    if (!rules) return {{{}, {}, service + ": " + error}, {}, {}};
    auto t = endpoint_rules::resolve(
        *rules, {region_, *options_.use_fips_endpoint, *options_.use_dualstack_endpoint, configured.url, false});
    if (!t.error.empty()) return {{{}, {}, "no endpoint for " + service + " in " + region_ + ": " + t.error}, {}, {}};
    out.where.url = std::move(t.url);
    out.where.source = configured.url.empty() ? "the service's endpoint rule set"
                                              : configured.source + ", through the service's endpoint rule set";
    out.signing_region = std::move(t.signing_region);
    if (!t.signing_name.empty()) out.signing_name = std::move(t.signing_name);
  } else {
    out.where = endpoint_of(Op::endpoint_prefix, service_id_of<Op>());
  }
  return out;
}

template <detail::callable_operation Op>
call_result<Op> client::call(typename Op::input const& input) const {
  // Idempotency tokens the caller left unset are filled first, on a copy (botocore fills them
  // before validating), so that every attempt of this call sends the same token.
  if (lacks_idempotency_token(input)) {
    typename Op::input filled = input;
    fill_idempotency_tokens(filled, options_.idempotency_token);
    return send<Op>(filled);
  }
  return send<Op>(input);
}

template <detail::callable_operation Op>
call_result<Op> client::send(typename Op::input const& input) const {
  call_result<Op> result;
  using kind = client_error::kind;
  auto fail = [&](kind k, std::string message, std::vector<std::string> violations = {}) {
    result.outcome = client_error{k, std::move(message), std::move(violations)};
    return result;
  };
  std::string op(Op::name);

  if (!config_->problem.empty()) return fail(kind::invalid_config, config_->problem);
  if (!settings_problem_.empty()) return fail(kind::invalid_config, settings_problem_);

  // 1. The input, checked before anything is sent; the request built once.
  if (options_.validate) {
    auto level = options_.full_validation ? validation_level::full : validation_level::botocore;
    if (auto violations = validate(input, level); !violations.empty()) {
      std::vector<std::string> lines;
      for (auto const& v : violations) lines.push_back(v.to_string());  // never a sensitive value
      return fail(kind::invalid_input, "invalid input for " + op, std::move(lines));
    }
  }
  http_request prepared;
  if (auto err = build_request<Op>(input, prepared)) return fail(kind::invalid_input, err.to_string());
  compress_request<Op>(prepared, *options_.request_compression);
  if (region_.empty()) return fail(kind::no_region, "no region: give one, or set AWS_REGION or the profile's region");
  std::string host_prefix;
  if (*options_.inject_host_prefix)
    if (auto err = expand_host_prefix<Op>(input, host_prefix)) return fail(kind::invalid_input, err.to_string());
  auto [where, signing_region, signing_name] = endpoint_for_call<Op>();
  if (!where.problem.empty()) return fail(kind::invalid_config, where.problem);
  debug(op + ": endpoint " + where.url + " (" + where.source + ")");
  auto [endpoint, host] = apply_endpoint(prepared, where.url, host_prefix);

  // 2. Attempts: signed afresh each time (the date, and credentials that may have been refreshed).
  retry_ticket ticket{Op::endpoint_prefix};
  for (int attempt = 1;; ++attempt) {
    result.attempts = ticket.attempt = attempt;
    for (auto wait = retries_->before_attempt(ticket); wait.count() > 0; wait = retries_->before_attempt(ticket)) {
      debug(op + " attempt " + std::to_string(attempt) + ": waiting " + std::to_string(wait.count()) +
            " s for the client-side rate limit");
      options_.sleep(wait);
    }
    auto creds = credentials_->load();
    if (!creds.found) return fail(kind::no_credentials, creds.error);
    http_request request = prepared;
    auto steps =
        sigv4::sign(request, host, creds.found->keys, {signing_region, signing_name}, std::chrono::system_clock::now());
    if (options_.log) debug(sigv4::to_string(steps));  // a session token shows as ***
    http_response answer;
    auto failure = options_.http->send(endpoint, request, answer);
    attempt_outcome seen;
    std::optional<response<Op>> decoded;
    if (failure) {
      seen.transport_failed = true;
      seen.timed_out = failure->what == transport_error::kind::timeout;
      debug(op + " attempt " + std::to_string(attempt) + ": POST " + endpoint + ": no answer: " + failure->message);
    } else {
      decoded = decode_response<Op>(answer.status, answer.headers, answer.body);
      seen.http_status = answer.status;
      if (auto const* e = decoded->service_error()) {
        seen.error_code = e->code;
        std::visit(
            [&](auto const& shape) {
              using E = std::remove_cvref_t<decltype(shape)>;
              if constexpr (detail::modeled_retryable<E>) {
                seen.modeled_retryable = true;
                seen.modeled_throttling = awsjson_retryable(static_cast<E const*>(nullptr));
              }
            },
            e->error);
      }
      debug(op + " attempt " + std::to_string(attempt) + ": POST " + endpoint + ": HTTP " +
            std::to_string(answer.status) + (seen.error_code.empty() ? "" : " " + std::string(seen.error_code)) +
            ", request id " + decoded->metadata.request_id);
    }
    retry_decision next = retries_->after_attempt(ticket, seen);
    if (!next.retry) {
      bool answered_ok = !failure && decoded->ok();
      if (!answered_ok && !next.why.empty()) debug(op + ": not retried: " + next.why);
      if (failure)
        return fail(kind::transport, "no answer from " + endpoint + " after " + std::to_string(attempt) + " attempt" +
                                         (attempt > 1 ? "s" : "") + ": " + failure->message);
      result.outcome = std::move(*decoded);
      return result;
    }
    debug(op + ": retrying in " + std::to_string(next.wait.count()) + " s (attempt " + std::to_string(attempt + 1) +
          ")");
    options_.sleep(next.wait);
  }
}

}  // namespace awsjson
