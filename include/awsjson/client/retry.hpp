// Standard retry mode, with botocore's and aws-sdk-go-v2's constants: which failures are retried,
// how long to wait before the next attempt, and the retry quota (a token bucket shared by the
// calls of one client, which stops retries when a service is failing for everyone).
#pragma once

#include <algorithm>
#include <chrono>
#include <cmath>
#include <mutex>
#include <optional>
#include <random>
#include <string_view>

namespace awsjson {

struct retry_options {
  enum class retry_mode : unsigned char {
    standard,  ///< retry transient and throttling failures, with backoff and a retry quota
    none,      ///< one attempt
  };
  retry_mode mode = retry_mode::standard;
  int max_attempts = 3;                             ///< the first attempt included (AWS_MAX_ATTEMPTS)
  std::chrono::duration<double> max_backoff{20.0};  ///< the cap of one wait
  std::chrono::duration<double> base{1.0};          ///< the first wait is at most this (backoff doubles it per attempt)
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
/// succeeds at once puts 1 back, and one that succeeds after retries gives back what they took.
/// Thread-safe.
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
  /// A call succeeded: `taken` is what its retries took (0 when it needed none).
  void succeeded(int taken) {
    std::lock_guard lock(mutex_);
    tokens_ = std::min(initial, tokens_ + (taken > 0 ? taken : success_increment));
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

}  // namespace awsjson
