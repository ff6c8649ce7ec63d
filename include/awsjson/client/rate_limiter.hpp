// Adaptive retry mode's client-side rate limiter, as botocore (retries/adaptive.py, bucket.py,
// throttling.py) and aws-sdk-go-v2 (aws/retry/adaptive_ratelimit.go) define it: once a service
// throttles, every attempt first takes a token from a bucket whose fill rate follows CUBIC (cut
// to 0.7 of the measured send rate on throttling, grown back along a cubic curve on success).
// Time is given, never read, so tests replay a timeline; thread-safe.
#pragma once

#include <algorithm>
#include <cmath>
#include <mutex>
#include <optional>

namespace awsjson {

class client_rate_limiter {
 public:
  static constexpr double beta = 0.7, scale_constant = 0.4;  // CUBIC
  static constexpr double min_fill_rate = 0.5;               // tokens per second
  static constexpr double smoothing = 0.8, time_bucket = 0.5;
  static constexpr double max_rate_adjust_scale = 2.0;  // the fill rate stays under 2x the measured rate

  /// `now`: seconds on a monotonic clock, the same clock as every later call.
  explicit client_rate_limiter(double now) : last_fail_(now), last_rate_bucket_(std::floor(now)) {
    set_max_rate(1.0, now);
  }

  /// Before sending: 0 when the attempt may go now (a token taken), else how long to wait before
  /// asking again. Free until the service first throttles.
  double acquire(double now) {
    std::lock_guard lock(mutex_);
    if (!enabled_) return 0;
    refill(now);
    if (capacity_ >= 1.0 - 1e-9) {
      capacity_ = std::max(0.0, capacity_ - 1.0);
      return 0;
    }
    return (1.0 - capacity_) / fill_rate_;
  }

  /// After every answer (or failure to answer): `throttled` when the service said so.
  void update(bool throttled, double now) {
    std::lock_guard lock(mutex_);
    double measured = record_send(now);
    double new_rate;
    if (!throttled) {
      new_rate = scale_constant * std::pow(now - last_fail_ - k_, 3.0) + w_max_;
    } else {
      double rate_to_use = enabled_ ? std::min(measured, fill_rate_) : measured;
      w_max_ = rate_to_use;
      k_ = std::cbrt(w_max_ * (1 - beta) / scale_constant);
      last_fail_ = now;
      new_rate = rate_to_use * beta;
      enabled_ = true;
    }
    set_max_rate(std::min(new_rate, max_rate_adjust_scale * measured), now);
  }

  bool enabled() const {
    std::lock_guard lock(mutex_);
    return enabled_;
  }
  /// Tokens per second the bucket fills at (at least 0.5).
  double fill_rate() const {
    std::lock_guard lock(mutex_);
    return fill_rate_;
  }
  /// The smoothed rate of answers, per second.
  double measured_rate() const {
    std::lock_guard lock(mutex_);
    return measured_rate_;
  }

 private:
  // The measured send rate: answers counted per half-second bucket, smoothed.
  double record_send(double now) {
    double bucket = std::floor(now / time_bucket) * time_bucket;
    ++count_;
    if (bucket > last_rate_bucket_) {
      double current = count_ / (bucket - last_rate_bucket_);
      measured_rate_ = current * smoothing + measured_rate_ * (1 - smoothing);
      count_ = 0;
      last_rate_bucket_ = bucket;
    }
    return measured_rate_;
  }
  void refill(double now) {
    if (!last_refill_) {
      last_refill_ = now;
      return;
    }
    capacity_ = std::min(max_capacity_, capacity_ + (now - *last_refill_) * fill_rate_);
    last_refill_ = now;
  }
  void set_max_rate(double rate, double now) {
    refill(now);
    fill_rate_ = std::max(rate, min_fill_rate);
    max_capacity_ = rate >= 1 ? rate : 1;
    capacity_ = std::min(capacity_, max_capacity_);
  }

  mutable std::mutex mutex_;
  bool enabled_ = false;
  // CUBIC
  double w_max_ = 0, k_ = 0, last_fail_;
  // the token bucket
  double fill_rate_ = 1, max_capacity_ = 1, capacity_ = 0;
  std::optional<double> last_refill_;
  // the measured rate
  double measured_rate_ = 0, last_rate_bucket_;
  int count_ = 0;
};

}  // namespace awsjson
