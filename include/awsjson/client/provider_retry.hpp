// The retries of the calls credential providers make themselves (STS, IAM Identity Center), as
// botocore's standard mode makes them: three attempts, again after no answer, a 5xx or
// throttling, waiting a random time up to 2^(attempt-1) seconds. (A client's own calls go
// through retry.hpp's strategies, with their quota and modes.)
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <thread>

#include "../endpoint.hpp"
#include "transport.hpp"

namespace awsjson {

/// How a provider's call waits between attempts (empty: it sleeps).
using provider_sleep_function = std::function<void(std::chrono::duration<double>)>;

namespace detail {

/// Sends the request `build()` makes to `endpoint`, signed by `sign(request, host)` (both again
/// for each attempt: a signature carries its time); `throttled(answer)` says whether an answer
/// asks to slow down. The last answer is in `answer` and its URL in `url`; the failure when no
/// answer came at all.
template <class Build, class Sign, class Throttled>
std::optional<transport_error> send_with_retries(transport& http, std::string const& endpoint, Build&& build,
                                                 Sign&& sign, Throttled&& throttled, http_response& answer,
                                                 std::string& url, provider_sleep_function const& sleep) {
  std::minstd_rand jitter(std::random_device{}());
  for (int attempt = 1;; ++attempt) {
    http_request request = build();
    auto target = apply_endpoint(request, endpoint);
    sign(request, target.host);
    url = target.url;
    answer = {};
    auto failure = http.send(url, request, answer);
    bool slow_down = !failure && throttled(answer);  // called for every answer: it may read it
    bool again = failure || answer.status >= 500 || slow_down;
    if (!again || attempt == 3) return failure;
    std::chrono::duration<double> wait(std::uniform_real_distribution<double>(0, double(1 << (attempt - 1)))(jitter));
    if (sleep)
      sleep(wait);
    else
      std::this_thread::sleep_for(wait);
  }
}

}  // namespace detail
}  // namespace awsjson
