// Retries as botocore and aws-sdk-go-v2 make them: which failures are retried, how long to wait
// before the next attempt, the retry quota (a token bucket shared by the calls of one client, which
// stops retries when a service is failing for everyone), and the three modes (legacy, standard,
// adaptive) behind one interface a program can replace (go-v2's aws.Retryer, smithy-rs's
// RetryStrategy).
#pragma once

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <string_view>

#include "rate_limiter.hpp"

namespace awsjson {

namespace detail {
/// A setting that is a whole number of 1 or more ("3"), or nullopt.
inline std::optional<int> parse_positive(std::string_view s) noexcept {
  int n = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (ec != std::errc{} || end != s.data() + s.size() || n < 1) return std::nullopt;
  return n;
}
}  // namespace detail

class retry_strategy;

struct retry_options {
  enum class retry_mode : unsigned char {
    standard,  ///< retry transient and throttling failures, with backoff and a retry quota
    none,      ///< one attempt
    legacy,    ///< botocore's first mode: 5 attempts, its own list of failures, no quota
    adaptive,  ///< standard, and a client-side rate limiter once the service throttles
  };
  /// Unset: AWS_RETRY_MODE, else the profile's `retry_mode`, else standard.
  std::optional<retry_mode> mode{};
  /// The first attempt included. Unset: AWS_MAX_ATTEMPTS, else the profile's `max_attempts`,
  /// else the mode's (3; legacy 5, and 10 for DynamoDB).
  std::optional<int> max_attempts{};
  std::chrono::duration<double> max_backoff{20.0};  ///< the cap of one wait (standard, adaptive)
  std::chrono::duration<double> base{1.0};          ///< the first wait is at most this (backoff doubles it per attempt)
  /// A program's own policy; when set, it decides and the settings above are not read.
  std::shared_ptr<retry_strategy> strategy{};
};

/// What one attempt came to, as retry decisions see it.
struct attempt_outcome {
  bool transport_failed = false;    ///< no answer: a connection error or a timeout
  bool timed_out = false;           ///< ... and it was a timeout
  int http_status = 0;              ///< the answer's status (0 without an answer)
  std::string_view error_code{};    ///< the service's error code (sanitized), if any
  bool modeled_retryable = false;   ///< the error shape is marked @retryable in the model
  bool modeled_throttling = false;  ///< ... with throttling: true
};

/// Error codes botocore (retries/standard.py, retries/special.py) and aws-sdk-go-v2 treat as throttling.
constexpr bool is_throttling_code(std::string_view code) noexcept {
  constexpr std::string_view codes[] = {"Throttling",
                                        "ThrottlingException",
                                        "ThrottledException",
                                        "RequestThrottledException",
                                        "TooManyRequestsException",
                                        "ProvisionedThroughputExceededException",
                                        "TransactionInProgressException",
                                        "RequestLimitExceeded",
                                        "BandwidthLimitExceeded",
                                        "LimitExceededException",
                                        "RequestThrottled",
                                        "SlowDown",
                                        "PriorRequestNotComplete",
                                        "EC2ThrottledException"};
  return std::find(std::begin(codes), std::end(codes), code) != std::end(codes);
}

/// Error codes retried as transient failures.
constexpr bool is_transient_code(std::string_view code) noexcept {
  return code == "RequestTimeout" || code == "RequestTimeoutException" || code == "PriorRequestNotComplete";
}

constexpr bool is_throttling(attempt_outcome const& o) noexcept {
  return is_throttling_code(o.error_code) || o.modeled_throttling;
}

/// Whether standard mode retries a failure (attempts and quota aside).
constexpr bool is_retryable(attempt_outcome const& o) noexcept {
  if (o.transport_failed) return true;
  if (o.http_status >= 200 && o.http_status < 300) return false;
  if (o.http_status == 500 || o.http_status == 502 || o.http_status == 503 || o.http_status == 504) return true;
  return is_transient_code(o.error_code) || is_throttling(o) || o.modeled_retryable;
}

/// The retry quota: a bucket of 500 tokens; a retry takes 5 (10 after a timeout), a call that
/// succeeds at once puts 1 back, and one that succeeds after retries gives back what its last
/// retry took (botocore's and go-v2's rule). Thread-safe.
class retry_quota {
 public:
  static constexpr int initial = 500, retry_cost = 5, timeout_retry_cost = 10, success_increment = 1;

  /// Takes the cost of a retry after `o`; the tokens taken, or 0 when the bucket cannot pay.
  int acquire(attempt_outcome const& o) {
    int cost = o.timed_out ? timeout_retry_cost : retry_cost;
    std::lock_guard lock(mutex_);
    if (tokens_ < cost) return 0;
    tokens_ -= cost;
    return cost;
  }
  /// A call succeeded: `last_taken` is what its last retry took (0 when it needed none).
  void succeeded(int last_taken) {
    std::lock_guard lock(mutex_);
    tokens_ = std::min(initial, tokens_ + (last_taken > 0 ? last_taken : success_increment));
  }
  int available() const {
    std::lock_guard lock(mutex_);
    return tokens_;
  }

 private:
  mutable std::mutex mutex_;
  int tokens_ = initial;
};

/// The wait before attempt `attempt + 1` (attempt: 1 for the first): rand() * min(base * 2^(attempt-1),
/// max_backoff), full jitter, `random` in [0, 1).
inline std::chrono::duration<double> backoff(retry_options const& o, int attempt, double random) {
  double cap = std::min(o.base.count() * std::ldexp(1.0, std::max(0, attempt - 1)), o.max_backoff.count());
  return std::chrono::duration<double>(random * cap);
}

// ---- the strategy interface ----------------------------------------------------------------------

/// One call as a strategy follows it: the client makes one per call and passes it to every hook.
struct retry_ticket {
  std::string_view service{};  ///< the service's endpoint prefix ("dynamodb")
  int attempt = 1;             ///< the attempt about to be sent, or just made (1: the first)
  int quota_held = 0;          ///< what the last retry took from a quota (0: none)
};

/// After an attempt: try again after `wait`, or stop (`why`, for the log).
struct retry_decision {
  bool retry = false;
  std::chrono::duration<double> wait{};
  std::string why{};
};

/// When to try a call again. One strategy serves every call of a client, from any thread.
class retry_strategy {
 public:
  virtual ~retry_strategy() = default;
  /// Before each attempt: 0 to send now, else how long to wait before asking again (adaptive
  /// mode's rate limiter).
  virtual std::chrono::duration<double> before_attempt(retry_ticket&) { return {}; }
  /// After each attempt, whatever came of it (success included: a quota is refilled then).
  virtual retry_decision after_attempt(retry_ticket&, attempt_outcome const&) = 0;
};

/// Standard mode (botocore retries/standard.py, go-v2 aws/retry/standard.go): `max_attempts`
/// (3), full-jitter exponential backoff, the shared retry quota.
class standard_retry : public retry_strategy {
 public:
  static constexpr int default_max_attempts = 3;
  standard_retry(retry_options o, std::shared_ptr<retry_quota> quota, std::function<double()> random)
      : options_(std::move(o)), quota_(std::move(quota)), random_(std::move(random)) {}

  int max_attempts() const noexcept {
    if (options_.mode == retry_options::retry_mode::none) return 1;
    return options_.max_attempts.value_or(default_max_attempts);
  }

  retry_decision after_attempt(retry_ticket& t, attempt_outcome const& o) override {
    if (!o.transport_failed && o.http_status >= 200 && o.http_status < 300) {
      quota_->succeeded(t.quota_held);
      return {};
    }
    if (!is_retryable(o)) return {false, {}, "not a retryable failure"};
    if (t.attempt >= max_attempts()) return {false, {}, "the last of " + std::to_string(max_attempts()) + " attempts"};
    int cost = quota_->acquire(o);
    if (cost == 0) return {false, {}, "the retry quota is spent (" + std::to_string(quota_->available()) + " left)"};
    t.quota_held = cost;
    return {true, backoff(options_, t.attempt, random_()), {}};
  }

 private:
  retry_options options_;
  std::shared_ptr<retry_quota> quota_;
  std::function<double()> random_;
};

/// Adaptive mode (botocore retries/adaptive.py): standard mode's decisions, and every attempt
/// paced by a client_rate_limiter once the service has throttled. `now`: seconds, monotonic.
class adaptive_retry : public standard_retry {
 public:
  adaptive_retry(retry_options o, std::shared_ptr<retry_quota> quota, std::function<double()> random,
                 std::function<double()> now)
      : standard_retry(std::move(o), std::move(quota), std::move(random)), now_(std::move(now)), limiter_(now_()) {}

  std::chrono::duration<double> before_attempt(retry_ticket&) override {
    return std::chrono::duration<double>(limiter_.acquire(now_()));
  }
  retry_decision after_attempt(retry_ticket& t, attempt_outcome const& o) override {
    limiter_.update(is_throttling(o), now_());
    return standard_retry::after_attempt(t, o);
  }
  client_rate_limiter const& limiter() const noexcept { return limiter_; }

 private:
  std::function<double()> now_;
  client_rate_limiter limiter_;
};

/// Legacy mode (botocore retryhandler.py with data/_retry.json): 5 attempts, waits of
/// rand() * 2^(attempt-1) s without a cap, no quota, and its own list of what is retried:
/// no answer, HTTP 429/500/502/503/504/509, and a few error codes with their status; per service,
/// DynamoDB, Kinesis, SQS and Organizations add (or replace) rules as _retry.json says.
class legacy_retry : public retry_strategy {
 public:
  legacy_retry(std::optional<int> max_attempts, std::function<double()> random)
      : max_attempts_(max_attempts), random_(std::move(random)) {}

  /// The attempts for a service: the program's, else _retry.json's (5; DynamoDB 10).
  int max_attempts(std::string_view service) const noexcept {
    return max_attempts_.value_or(policy_of(service).max_attempts);
  }

  /// Whether _retry.json retries this outcome for the service (attempts aside).
  static bool retries(std::string_view service, attempt_outcome const& o) noexcept {
    if (o.transport_failed) return true;
    auto matches = [&](rule const& r) {
      return r.status == o.http_status && (r.code.empty() || r.code == o.error_code);
    };
    auto own = [&](rule const& r) { return r.service == service; };
    for (rule const& r : service_rules)
      if (own(r) && matches(r)) return true;
    for (rule const& d : default_rules) {
      bool replaced = std::any_of(std::begin(service_rules), std::end(service_rules),
                                  [&](rule const& r) { return own(r) && r.name == d.name; });
      if (!replaced && matches(d)) return true;
    }
    return false;
  }

  retry_decision after_attempt(retry_ticket& t, attempt_outcome const& o) override {
    if (!retries(t.service, o)) return {false, {}, "not a retryable failure"};
    if (t.attempt >= max_attempts(t.service))
      return {false, {}, "the last of " + std::to_string(max_attempts(t.service)) + " attempts"};
    // _retry.json: growth factor 2 from the service's base, "rand" unless it gives a number.
    double base = policy_of(t.service).base;
    if (base == 0) base = random_();
    return {true, std::chrono::duration<double>(base * std::ldexp(1.0, t.attempt - 1)), {}};
  }

 private:
  struct rule {
    std::string_view service;  // the endpoint prefix; empty in the defaults
    std::string_view name;     // a service's rule replaces the default of the same name
    int status;
    std::string_view code;  // empty: any
  };
  struct policy {
    std::string_view service;  // the endpoint prefix; empty: the default
    int max_attempts;
    double base;  // seconds; 0: "rand", a random fraction of a second
  };
  // botocore 1.43.11 data/_retry.json: "__default__", then the policies of the awsJson services.
  static constexpr policy default_policy{{}, 5, 0};
  static constexpr policy service_policies[] = {{"dynamodb", 10, 0.05}};
  static policy const& policy_of(std::string_view service) noexcept {
    for (policy const& p : service_policies)
      if (p.service == service) return p;
    return default_policy;
  }
  static constexpr rule default_rules[] = {
      {{}, "general_server_error", 500, {}},
      {{}, "bad_gateway", 502, {}},
      {{}, "service_unavailable", 503, {}},
      {{}, "gateway_timeout", 504, {}},
      {{}, "limit_exceeded", 509, {}},
      {{}, "throttling_exception", 400, "ThrottlingException"},
      {{}, "throttled_exception", 400, "ThrottledException"},
      {{}, "request_throttled_exception", 400, "RequestThrottledException"},
      {{}, "throttling", 400, "Throttling"},
      {{}, "too_many_requests", 429, {}},
      {{}, "throughput_exceeded", 400, "ProvisionedThroughputExceededException"},
  };
  static constexpr rule service_rules[] = {
      {"organizations", "too_many_requests", 400, "TooManyRequestsException"},
      {"kinesis", "request_limit_exceeded", 400, "LimitExceededException"},
      {"sqs", "request_limit_exceeded", 403, "RequestThrottled"},
      {"dynamodb", "write_conflict", 409, "ReplicatedWriteConflictException"},
      {"dynamodb", "still_processing", 400, "TransactionInProgressException"},
  };

  std::optional<int> max_attempts_;
  std::function<double()> random_;
};

/// Reads a retry mode as the shared config and AWS_RETRY_MODE spell it.
inline std::optional<retry_options::retry_mode> parse_retry_mode(std::string_view s) noexcept {
  using m = retry_options::retry_mode;
  if (s == "standard") return m::standard;
  if (s == "legacy") return m::legacy;
  if (s == "adaptive") return m::adaptive;
  return std::nullopt;
}

/// Reads max_attempts as AWS_MAX_ATTEMPTS and the shared config spell it: a whole number, 1 or more.
inline std::optional<int> parse_max_attempts(std::string_view s) noexcept { return detail::parse_positive(s); }

/// The strategy of a mode (options resolved): what the client uses unless the program gives one.
inline std::shared_ptr<retry_strategy> make_retry_strategy(retry_options const& o, std::shared_ptr<retry_quota> quota,
                                                           std::function<double()> random,
                                                           std::function<double()> now) {
  using m = retry_options::retry_mode;
  if (o.strategy) return o.strategy;
  switch (o.mode.value_or(m::standard)) {
    case m::legacy:
      return std::make_shared<legacy_retry>(o.max_attempts, std::move(random));
    case m::adaptive:
      return std::make_shared<adaptive_retry>(o, std::move(quota), std::move(random), std::move(now));
    case m::standard:
    case m::none:
      break;
  }
  return std::make_shared<standard_retry>(o, std::move(quota), std::move(random));
}

}  // namespace awsjson
