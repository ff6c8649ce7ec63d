// The three retry modes against what botocore decides (tests/data/retry/botocore-retries.json,
// written by tools/retry_reference.py from botocore's own classes): legacy mode's rules and waits
// per service, standard mode's retryable failures, and adaptive mode's rate limiter replayed on
// botocore's timeline (the files read with awsjson's own decoder); then each mode through
// awsjson::client against a scripted transport: attempts, waits and the quota.
#include <catch2/catch.hpp>

#include <awsjson/awsjson.hpp>
#include <awsjson/client.hpp>

#include <optional>
#include <string>
#include <vector>

#include "fake_service.hpp"

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

using namespace client_test;

namespace {
reference::File const& botocore_says() {
  static reference::File const file =
      awsjson::decode<reference::File>(read_file(AWSJSON_TEST_DATA_DIR "/retry/botocore-retries.json"));
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

// ---- through the client, against the scripted transport ----

TEST_CASE("standard retries: throttled twice, then answered", "[client][retry]") {
  fixture f;
  f.http->script = {throttled(), throttled()};
  client c(f.options());
  auto r = c.call<fake::Echo>({});
  REQUIRE(r.ok());
  CHECK(r.attempts == 3);
  // rand() * min(1 s * 2^(attempt-1), 20 s), rand() = 0.5 here
  CHECK(f.waits == std::vector<double>{0.5, 1.0});
  // 2 x 5 tokens taken; success gives back what the last retry took, as botocore and go-v2 do
  CHECK(c.quota().available() == 495);
}

TEST_CASE("standard retries: throttled past the limit gives the service's error after exactly the attempts",
          "[client][retry]") {
  fixture f;
  f.http->script.assign(10, throttled());
  auto o = f.options();
  o.retry.max_attempts = 5;
  client c(o);
  auto r = c.call<fake::Echo>({});
  REQUIRE(r.service_error());
  CHECK(r.service_error()->code == "ThrottlingException");
  CHECK(r.attempts == 5);
  CHECK(f.http->sent.size() == 5);
  CHECK(f.waits == std::vector<double>{0.5, 1.0, 2.0, 4.0});
  CHECK(c.quota().available() == 500 - 4 * 5);  // a call that fails keeps what its retries took
}

TEST_CASE("standard retries: what is retried and what is not", "[client][retry]") {
  fixture f;
  SECTION("a modeled error is answered at once") {
    f.http->script = {{400, R"({"__type":"NotThereException","message":"no"})", {}}};
    auto r = client(f.options()).call<fake::Echo>({});
    REQUIRE(r.service_error());
    CHECK(r.service_error()->is<fake::NotThereException>());
    CHECK(r.attempts == 1);
  }
  SECTION("an error the model marks @retryable is retried, with a throttling error's cost") {
    f.http->script = {{400, R"({"__type":"BusyException"})", {}}};
    client c(f.options());
    CHECK(c.call<fake::Echo>({}).attempts == 2);
    CHECK(c.quota().available() == 500);  // 5 taken, 5 given back
  }
  SECTION("500, 502, 503 and 504 are retried") {
    f.http->script = {{500, "{}", {}}, {502, "{}", {}}};
    CHECK(client(f.options()).call<fake::Echo>({}).attempts == 3);
    f.http->sent.clear();
    f.http->script = {{503, "{}", {}}, {504, "{}", {}}};
    CHECK(client(f.options()).call<fake::Echo>({}).attempts == 3);
  }
  SECTION("a timeout is retried and costs 10 tokens; no answer at all is a transport failure") {
    f.http->script = {timed_out(), timed_out(), timed_out()};
    client c(f.options());
    auto r = c.call<fake::Echo>({});
    REQUIRE(r.failure());
    CHECK(r.failure()->what == awsjson::client_error::kind::transport);
    CHECK(r.attempts == 3);
    CHECK(c.quota().available() == 480);
  }
  SECTION("retry mode none: one attempt") {
    f.http->script = {throttled()};
    auto o = f.options();
    o.retry.mode = awsjson::retry_options::retry_mode::none;
    CHECK(client(o).call<fake::Echo>({}).attempts == 1);
  }
  SECTION("AWS_MAX_ATTEMPTS") {
    f.http->script.assign(10, unavailable());
    auto o = f.options({{"AWS_ACCESS_KEY_ID", "A"}, {"AWS_SECRET_ACCESS_KEY", "S"}, {"AWS_MAX_ATTEMPTS", "2"}});
    CHECK(client(o).call<fake::Echo>({}).attempts == 2);
  }
}

TEST_CASE("standard retries: an empty retry quota stops retries", "[client][retry]") {
  fixture f;
  f.http->fallback = unavailable();
  client c(f.options());
  for (int i = 0; i < 50; ++i) CHECK(c.call<fake::Echo>({}).attempts == 3);  // 2 retries, 10 tokens each call
  CHECK(c.quota().available() == 0);
  auto r = c.call<fake::Echo>({});
  CHECK(r.attempts == 1);
  REQUIRE(r.service_error());
  CHECK(r.service_error()->http_status == 503);
  bool said = false;
  for (auto const& line : f.log) said = said || line.find("retry quota") != std::string::npos;
  CHECK(said);
}

TEST_CASE("retry modes: chosen by the program, else AWS_RETRY_MODE, else the profile", "[client][retry]") {
  using mode = awsjson::retry_options::retry_mode;
  fixture f;
  temp_dir dir;
  auto config = dir.write("config", "[default]\nretry_mode = adaptive\nmax_attempts = 6\n");
  std::map<std::string, std::string> vars{
      {"AWS_ACCESS_KEY_ID", "A"}, {"AWS_SECRET_ACCESS_KEY", "S"}, {"AWS_CONFIG_FILE", config}};
  auto is = [](client const& c, auto const* type) {
    return dynamic_cast<std::remove_cvref_t<decltype(*type)> const*>(&c.retries()) != nullptr;
  };
  awsjson::adaptive_retry const* adaptive = nullptr;
  awsjson::legacy_retry const* legacy = nullptr;
  awsjson::standard_retry const* standard = nullptr;
  SECTION("the profile") {
    client c(f.options(vars));
    REQUIRE(is(c, adaptive));
    CHECK(dynamic_cast<awsjson::adaptive_retry const&>(c.retries()).max_attempts() == 6);
  }
  SECTION("the environment over the profile") {
    vars["AWS_RETRY_MODE"] = "legacy";
    vars["AWS_MAX_ATTEMPTS"] = "2";
    client c(f.options(vars));
    REQUIRE(is(c, legacy));
    CHECK(dynamic_cast<awsjson::legacy_retry const&>(c.retries()).max_attempts("ssm") == 2);
  }
  SECTION("the program over both") {
    vars["AWS_RETRY_MODE"] = "legacy";
    auto o = f.options(vars);
    o.retry.mode = mode::standard;
    o.retry.max_attempts = 4;
    client c(o);
    REQUIRE(is(c, standard));
    CHECK_FALSE(is(c, adaptive));
    CHECK(dynamic_cast<awsjson::standard_retry const&>(c.retries()).max_attempts() == 4);
  }
  SECTION("nothing set: standard mode, 3 attempts") {
    client c(f.options());
    REQUIRE(is(c, standard));
    CHECK_FALSE(is(c, adaptive));
    CHECK(dynamic_cast<awsjson::standard_retry const&>(c.retries()).max_attempts() == 3);
  }
  SECTION("a setting that cannot be read fails every call, naming where it came from, sending nothing") {
    for (auto [name, value] : {std::pair{"AWS_RETRY_MODE", "fast"}, std::pair{"AWS_MAX_ATTEMPTS", "three"}}) {
      auto bad = vars;
      bad[name] = value;
      auto r = client(f.options(bad)).call<fake::Echo>({});
      REQUIRE(r.failure());
      CHECK(r.failure()->what == awsjson::client_error::kind::invalid_config);
      CHECK_THAT(r.failure()->message, Catch::StartsWith(name));
    }
    auto bad_profile = vars;
    bad_profile["AWS_CONFIG_FILE"] = dir.write("bad", "[default]\nretry_mode = sometimes\n");
    auto r = client(f.options(bad_profile)).call<fake::Echo>({});
    REQUIRE(r.failure());
    CHECK(r.failure()->message == "the profile's retry_mode is not legacy, standard or adaptive");
    CHECK(f.http->sent.empty());
  }
}

TEST_CASE("legacy mode: 5 attempts, uncapped waits, no quota", "[client][retry]") {
  fixture f;
  f.http->script.assign(10, unavailable());
  auto o = f.options();
  o.retry.mode = awsjson::retry_options::retry_mode::legacy;
  client c(o);
  auto r = c.call<fake::Echo>({});
  REQUIRE(r.service_error());
  CHECK(r.attempts == 5);
  CHECK(f.waits == std::vector<double>{0.5, 1.0, 2.0, 4.0});  // rand() * 2^(attempt-1)
  CHECK(c.quota().available() == 500);
  f.http->script = {{400, R"({"__type":"TooManyRequestsException"})", {}}};
  f.http->sent.clear();
  CHECK(c.call<fake::Echo>({}).attempts == 1);  // not in _retry.json for this service
}

TEST_CASE("adaptive mode: once throttled, attempts wait for the client-side rate limit", "[client][retry]") {
  fixture f;
  double now = 100.0;  // the strategy's clock: the client's waits move it
  auto o = f.options();
  o.sleep = [&](std::chrono::duration<double> d) {
    f.waits.push_back(d.count());
    now += d.count();
  };
  auto adaptive = std::make_shared<awsjson::adaptive_retry>(o.retry, std::make_shared<awsjson::retry_quota>(), o.random,
                                                            [&] { return now; });
  o.retry.strategy = adaptive;
  client c(o);
  CHECK(c.call<fake::Echo>({}).attempts == 1);
  CHECK(f.waits.empty());  // free until the service throttles
  CHECK_FALSE(adaptive->limiter().enabled());
  f.http->script = {throttled(), throttled()};
  f.http->sent.clear();
  auto r = c.call<fake::Echo>({});
  CHECK(r.ok());
  CHECK(r.attempts == 3);
  CHECK(adaptive->limiter().enabled());
  // Each retry waits its backoff (0.5 s, then 1 s), then for a token: the bucket fills at 0.5 a
  // second (botocore's floor) from empty, 0.75 token short after the first backoff (1.5 s), 0.5
  // short after the second (1 s).
  CHECK(f.waits == std::vector<double>{0.5, 1.5, 1.0, 1.0});
  bool limited = false;
  for (auto const& line : f.log) limited = limited || line.find("client-side rate limit") != std::string::npos;
  CHECK(limited);
}

TEST_CASE("a program's own retry strategy decides, and the retry settings are not read", "[client][retry]") {
  struct twice_quickly final : awsjson::retry_strategy {
    int seen = 0;
    awsjson::retry_decision after_attempt(awsjson::retry_ticket& t, awsjson::attempt_outcome const& o) override {
      ++seen;
      bool failed = o.transport_failed || o.http_status >= 300;
      return {failed && t.attempt < 2, std::chrono::duration<double>(0.25), "mine"};
    }
  };
  fixture f;
  f.http->script.assign(5, {400, R"({"__type":"ValidationException"})", {}});
  auto mine = std::make_shared<twice_quickly>();
  auto o = f.options({{"AWS_ACCESS_KEY_ID", "A"}, {"AWS_SECRET_ACCESS_KEY", "S"}, {"AWS_RETRY_MODE", "bogus"}});
  o.retry.strategy = mine;
  auto r = client(o).call<fake::Echo>({});
  REQUIRE(r.service_error());
  CHECK(r.attempts == 2);
  CHECK(mine->seen == 2);
  CHECK(f.waits == std::vector<double>{0.25});
}

TEST_CASE("backoff: full jitter, doubling, capped at 20 s", "[client][retry]") {
  awsjson::retry_options o;
  CHECK(awsjson::backoff(o, 1, 1.0).count() == 1.0);
  CHECK(awsjson::backoff(o, 3, 0.5).count() == 2.0);
  CHECK(awsjson::backoff(o, 6, 1.0).count() == 20.0);
  CHECK(awsjson::backoff(o, 60, 0.25).count() == 5.0);
  CHECK(awsjson::is_retryable({.error_code = "ProvisionedThroughputExceededException"}));
  CHECK(awsjson::is_retryable({.error_code = "RequestTimeoutException"}));
  CHECK_FALSE(awsjson::is_retryable({.http_status = 400, .error_code = "ValidationException"}));
  CHECK(awsjson::is_retryable({.http_status = 400, .modeled_retryable = true}));
}
