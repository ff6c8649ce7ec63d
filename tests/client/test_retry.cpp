// The three retry modes against what botocore decides (tests/data/retry/botocore-retries.json,
// written by tools/retry_reference.py from botocore's own classes): legacy mode's rules and waits
// per service, standard mode's retryable failures, and adaptive mode's rate limiter replayed on
// botocore's timeline. The files are read with awsjson's own decoder.
#include <catch2/catch.hpp>

#include <awsjson/awsjson.hpp>
#include <awsjson/client/retry.hpp>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace reference {
struct Outcome {
  std::optional<bool> transport_failed;
  std::optional<int> status;
  std::optional<std::string> code;
};
BOOST_DESCRIBE_STRUCT(Outcome, (), (transport_failed, status, code))
struct LegacyCase {
  std::string service;
  Outcome outcome;
  int attempt = 0;
  std::optional<double> wait;
};
BOOST_DESCRIBE_STRUCT(LegacyCase, (), (service, outcome, attempt, wait))
struct StandardCase {
  Outcome outcome;
  bool retried = false;
};
BOOST_DESCRIBE_STRUCT(StandardCase, (), (outcome, retried))
struct AdaptiveEvent {
  double send = 0, waited = 0, answer = 0;
  bool throttled = false;
  double fill_rate = 0, measured_rate = 0;
};
BOOST_DESCRIBE_STRUCT(AdaptiveEvent, (), (send, waited, answer, throttled, fill_rate, measured_rate))
struct AdaptiveTimeline {
  double start = 0;
  std::vector<AdaptiveEvent> events;
};
BOOST_DESCRIBE_STRUCT(AdaptiveTimeline, (), (start, events))
struct File {
  std::string botocore;
  std::vector<LegacyCase> legacy;
  std::vector<StandardCase> standard;
  AdaptiveTimeline adaptive;
};
BOOST_DESCRIBE_STRUCT(File, (), (botocore, legacy, standard, adaptive))
}  // namespace reference

namespace {
reference::File const& botocore_says() {
  static reference::File const file = [] {
    std::ifstream in(AWSJSON_TEST_DATA_DIR "/retry/botocore-retries.json", std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return awsjson::decode<reference::File>(s.str());
  }();
  return file;
}

awsjson::attempt_outcome outcome_of(reference::Outcome const& o) {
  awsjson::attempt_outcome a;
  a.transport_failed = o.transport_failed.value_or(false);
  a.http_status = o.status.value_or(0);
  if (o.code) a.error_code = *o.code;
  return a;
}

std::string describe(reference::Outcome const& o) {
  if (o.transport_failed) return "no answer";
  return "HTTP " + std::to_string(*o.status) + " " + o.code.value_or("");
}
}  // namespace

TEST_CASE("legacy mode retries what botocore's _retry.json retries, per service, with its waits", "[client][retry]") {
  auto const& cases = botocore_says().legacy;
  REQUIRE(cases.size() == 690);
  int retried = 0;
  for (auto const& c : cases) {
    INFO(c.service << ", attempt " << c.attempt << ": " << describe(c.outcome));
    awsjson::legacy_retry legacy(std::nullopt, [] { return 0.5; });
    awsjson::retry_ticket ticket{c.service, c.attempt};
    auto decision = legacy.after_attempt(ticket, outcome_of(c.outcome));
    CHECK(decision.retry == c.wait.has_value());
    if (decision.retry && c.wait) {
      CHECK(decision.wait.count() == Approx(*c.wait));
      ++retried;
    }
  }
  CHECK(retried > 200);  // the table is not all refusals
}

TEST_CASE("standard mode retries what botocore's StandardRetryConditions retries", "[client][retry]") {
  auto const& cases = botocore_says().standard;
  REQUIRE(cases.size() == 23);
  for (auto const& c : cases) {
    INFO(describe(c.outcome));
    auto o = outcome_of(c.outcome);
    bool succeeded = o.http_status >= 200 && o.http_status < 300;
    CHECK((!succeeded && awsjson::is_retryable(o)) == c.retried);
  }
}

TEST_CASE("adaptive mode's rate limiter follows botocore's timeline", "[client][retry]") {
  auto const& timeline = botocore_says().adaptive;
  REQUIRE(timeline.events.size() == 120);
  awsjson::client_rate_limiter limiter(timeline.start);
  int waits = 0;
  for (std::size_t i = 0; i < timeline.events.size(); ++i) {
    auto const& e = timeline.events[i];
    INFO("send " << i << " at " << e.send - timeline.start << " s");
    double now = e.send, waited = 0;
    for (double w = limiter.acquire(now); w > 0; w = limiter.acquire(now)) {
      now += w;
      waited += w;
    }
    CHECK(waited == Approx(e.waited).margin(1e-6));
    waits += waited > 0;
    limiter.update(e.throttled, e.answer);
    CHECK(limiter.fill_rate() == Approx(e.fill_rate).epsilon(1e-9));
    CHECK(limiter.measured_rate() == Approx(e.measured_rate).epsilon(1e-9));
  }
  CHECK(limiter.enabled());
  CHECK(waits >= 5);  // the service's throttling slowed the sends down
}

TEST_CASE("retry settings are read as botocore reads them", "[client][retry]") {
  using m = awsjson::retry_options::retry_mode;
  CHECK(awsjson::parse_retry_mode("legacy") == m::legacy);
  CHECK(awsjson::parse_retry_mode("standard") == m::standard);
  CHECK(awsjson::parse_retry_mode("adaptive") == m::adaptive);
  CHECK_FALSE(awsjson::parse_retry_mode("Standard"));
  CHECK_FALSE(awsjson::parse_retry_mode("none"));
  CHECK(awsjson::parse_max_attempts("7") == 7);
  CHECK_FALSE(awsjson::parse_max_attempts("0"));
  CHECK_FALSE(awsjson::parse_max_attempts("-2"));
  CHECK_FALSE(awsjson::parse_max_attempts("3 "));
  CHECK_FALSE(awsjson::parse_max_attempts("99999999999"));
  CHECK_FALSE(awsjson::parse_max_attempts(""));
}
