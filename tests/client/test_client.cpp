// awsjson::client without AWS: retries against a scripted transport, and every credential
// provider against temporary files, a real process and HTTP servers on 127.0.0.1
// (tests/client/local_server.hpp). Planted secrets must never show in an error or a log line.
#include <catch2/catch.hpp>

#include <awsjson/client.hpp>
#include <awsjson/cloudwatch/put_metric_data.hpp>
#include <awsjson/ssm/create_maintenance_window.hpp>
#include <awsjson/ssm/describe_parameters.hpp>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <thread>

#include <zlib.h>

#include "local_server.hpp"

namespace fake {
struct EchoRequest {
  std::optional<std::string> Name{};
  std::optional<std::string> Secret{};
  friend bool operator==(EchoRequest const&, EchoRequest const&) = default;
};
BOOST_DESCRIBE_STRUCT(EchoRequest, (), (Name, Secret))
constexpr auto awsjson_shape(EchoRequest const*) {
  return awsjson::shape("EchoRequest", {{.name = "Name", .min_length = 1, .max_length = 8, .pattern = "^[a-z ]*$"},
                                        {.name = "Secret", .sensitive = true}});
}
struct EchoResponse {
  std::optional<std::string> Value;
  friend bool operator==(EchoResponse const&, EchoResponse const&) = default;
};
BOOST_DESCRIBE_STRUCT(EchoResponse, (), (Value))
struct NotThereException {
  std::optional<std::string> message;
  friend bool operator==(NotThereException const&, NotThereException const&) = default;
};
BOOST_DESCRIBE_STRUCT(NotThereException, (), (message))
constexpr auto awsjson_shape(NotThereException const*) {
  return awsjson::shape("NotThereException", awsjson::shape_kind::client_error);
}
struct BusyException {  // @retryable(throttling: true) in its model
  std::optional<std::string> message;
  friend bool operator==(BusyException const&, BusyException const&) = default;
};
BOOST_DESCRIBE_STRUCT(BusyException, (), (message))
constexpr auto awsjson_shape(BusyException const*) {
  return awsjson::shape("BusyException", awsjson::shape_kind::client_error);
}
constexpr bool awsjson_retryable(BusyException const*) { return true; }
struct Echo {
  using input = EchoRequest;
  using output = EchoResponse;
  using errors = boost::mp11::mp_list<NotThereException, BusyException>;
  static constexpr std::string_view name = "Echo";
  static constexpr std::string_view target_prefix = "FakeService";
  static constexpr std::string_view json_version = "1.1";
  static constexpr std::string_view signing_name = "fake";
  static constexpr std::string_view endpoint_prefix = "fake";
};
struct CreateRequest {
  std::optional<std::string> Account{};
  std::optional<std::string> ClientToken{};
  std::optional<std::string> Name{};
};
BOOST_DESCRIBE_STRUCT(CreateRequest, (), (Account, ClientToken, Name))
constexpr auto awsjson_shape(CreateRequest const*) {
  return awsjson::shape("CreateRequest", {{.name = "Account", .required = true, .host_label = true},
                                          {.name = "ClientToken", .min_length = 1, .idempotency_token = true}});
}
struct Create {  // @endpoint(hostPrefix: "{Account}.data-")
  using input = CreateRequest;
  using output = EchoResponse;
  using errors = boost::mp11::mp_list<>;
  static constexpr std::string_view name = "Create";
  static constexpr std::string_view target_prefix = "FakeService";
  static constexpr std::string_view json_version = "1.1";
  static constexpr std::string_view signing_name = "fake";
  static constexpr std::string_view endpoint_prefix = "fake";
  static constexpr std::string_view host_prefix = "{Account}.data-";
};
struct Put {  // @requestCompression(encodings: ["gzip"])
  using input = EchoRequest;
  using output = EchoResponse;
  using errors = boost::mp11::mp_list<>;
  static constexpr std::string_view name = "Put";
  static constexpr std::string_view target_prefix = "FakeService";
  static constexpr std::string_view json_version = "1.1";
  static constexpr std::string_view signing_name = "fake";
  static constexpr std::string_view endpoint_prefix = "fake";
  static constexpr std::string_view request_compression = "gzip";
};
}  // namespace fake

namespace {
using awsjson::client;
using awsjson::client_options;
using awsjson::http_request;
using awsjson::http_response;
using awsjson::transport_error;

constexpr char const* planted = "PLANTED-SECRET-kx81";

// Answers from a script, one per request; records what it was sent.
struct scripted_transport final : awsjson::transport {
  struct step {
    int status = 200;
    std::string body = "{}";
    std::optional<transport_error> failure;
  };
  std::vector<step> script;
  std::vector<http_request> sent;
  std::vector<std::string> endpoints;
  step fallback{200, R"({"Value":"v"})", {}};

  std::optional<transport_error> send(std::string_view endpoint, http_request const& request,
                                      http_response& response) override {
    sent.push_back(request);
    endpoints.emplace_back(endpoint);
    step s = sent.size() <= script.size() ? script[sent.size() - 1] : fallback;
    if (s.failure) return s.failure;
    response = {s.status, {{"x-amzn-RequestId", "req-" + std::to_string(sent.size())}}, s.body};
    return std::nullopt;
  }
};

scripted_transport::step throttled() { return {400, R"({"__type":"ThrottlingException","message":"slow down"})", {}}; }
scripted_transport::step unavailable() { return {503, R"({"message":"busy"})", {}}; }
scripted_transport::step timed_out() { return {0, "", transport_error{transport_error::kind::timeout, "timed out"}}; }

// An environment of its own: nothing from the process's.
awsjson::environment env_of(std::map<std::string, std::string> vars) {
  awsjson::environment e;
  e.get = [vars](std::string const& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    return it == vars.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
  return e;
}

struct fixture {
  std::shared_ptr<scripted_transport> http = std::make_shared<scripted_transport>();
  std::vector<double> waits;
  std::vector<std::string> log;
  client_options options(std::map<std::string, std::string> vars = {{"AWS_ACCESS_KEY_ID", "AKIDEXAMPLE"},
                                                                    {"AWS_SECRET_ACCESS_KEY", planted}}) {
    client_options o;
    o.region = "us-east-1";
    o.http = http;
    o.env = env_of(std::move(vars));
    o.sleep = [this](std::chrono::duration<double> d) { waits.push_back(d.count()); };
    o.random = [] { return 0.5; };
    o.log = [this](std::string const& line) { log.push_back(line); };
    return o;
  }
};

// A temporary folder, removed afterwards.
struct temp_dir {
  std::filesystem::path path;
  temp_dir() {
    char name[] = "/tmp/awsjson-client-XXXXXX";
    path = ::mkdtemp(name);
  }
  ~temp_dir() { std::filesystem::remove_all(path); }
  std::string write(std::string const& name, std::string const& text, bool executable = false) const {
    auto p = path / name;
    std::ofstream(p) << text;
    if (executable) std::filesystem::permissions(p, std::filesystem::perms::owner_all);
    return p.string();
  }
};
}  // namespace

TEST_CASE("a call is validated, signed, sent and decoded", "[client]") {
  fixture f;
  client c(f.options());
  auto r = c.call<fake::Echo>({.Name = "n", .Secret = planted});
  REQUIRE(r.ok());
  CHECK(r.result()->Value == "v");
  CHECK(r.attempts == 1);
  REQUIRE(f.http->sent.size() == 1);
  CHECK(f.http->endpoints[0] == "https://fake.us-east-1.amazonaws.com");
  auto const& sent = f.http->sent[0];
  CHECK(sent.header("X-Amz-Target") == "FakeService.Echo");
  CHECK(sent.header("Host") == "fake.us-east-1.amazonaws.com");
  CHECK(sent.header("Authorization").starts_with("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"));
  CHECK(sent.header("Authorization").find("/us-east-1/fake/aws4_request") != std::string_view::npos);
  for (auto const& line : f.log) CHECK(line.find(planted) == std::string::npos);

  SECTION("an input that breaks what botocore checks is not sent, and its message names no secret") {
    auto bad = c.call<fake::Echo>({.Name = "", .Secret = planted});
    REQUIRE(bad.failure());
    CHECK(bad.failure()->what == awsjson::client_error::kind::invalid_input);
    REQUIRE(bad.failure()->violations.size() == 1);
    CHECK(bad.failure()->violations[0] == "/Name: length 0, must be between 1 and 8");
    CHECK(f.http->sent.size() == 1);
  }
  SECTION("maximum lengths and patterns are the service's to check, unless the program asks for the full check") {
    CHECK(c.call<fake::Echo>({.Name = "much too LONG", .Secret = planted}).ok());
    CHECK(f.http->sent.size() == 2);
    auto o = f.options();
    o.full_validation = true;
    auto bad = client(o).call<fake::Echo>({.Name = "much too LONG", .Secret = planted});
    REQUIRE(bad.failure());
    REQUIRE(bad.failure()->violations.size() == 2);
    CHECK(bad.failure()->violations[0] == "/Name: length 13, must be between 1 and 8");
    CHECK(bad.failure()->violations[1] == "/Name: does not match pattern ^[a-z ]*$");
    CHECK(f.http->sent.size() == 2);
  }
  SECTION("no region") {
    auto o = f.options();
    o.region.clear();
    auto r2 = client(o).call<fake::Echo>({});
    REQUIRE(r2.failure());
    CHECK(r2.failure()->what == awsjson::client_error::kind::no_region);
  }
  SECTION("an endpoint URL replaces the service's") {
    auto o = f.options();
    o.endpoint_url = "http://127.0.0.1:4566/";
    REQUIRE(client(o).call<fake::Echo>({}).ok());
    CHECK(f.http->endpoints.back() == "http://127.0.0.1:4566");
    CHECK(f.http->sent.back().header("Host") == "127.0.0.1:4566");
  }
}

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

TEST_CASE("idempotency tokens: filled when unset, the same on every attempt, never the caller's replaced",
          "[client][idempotency]") {
  fixture f;
  auto o = f.options();
  int made = 0;
  o.idempotency_token = [&] { return "token-" + std::to_string(++made); };
  client c(o);
  f.http->script = {unavailable()};
  auto r = c.call<fake::Create>({.Account = "123", .Name = "n"});
  REQUIRE(r.ok());
  CHECK(r.attempts == 2);
  REQUIRE(f.http->sent.size() == 2);
  CHECK(f.http->sent[0].body == R"({"Account":"123","ClientToken":"token-1","Name":"n"})");
  CHECK(f.http->sent[1].body == f.http->sent[0].body);
  CHECK(c.call<fake::Create>({.Account = "123"}).ok());
  CHECK(f.http->sent[2].body == R"({"Account":"123","ClientToken":"token-2"})");
  CHECK(c.call<fake::Create>({.Account = "123", .ClientToken = "mine"}).ok());
  CHECK(f.http->sent[3].body == R"({"Account":"123","ClientToken":"mine"})");
  CHECK(made == 2);

  SECTION("by default a random UUID v4, a new one per call") {
    client plain(f.options());
    REQUIRE(plain.call<fake::Create>({.Account = "1"}).ok());
    REQUIRE(plain.call<fake::Create>({.Account = "1"}).ok());
    auto token_of = [](std::string const& body) { return body.substr(body.find("ClientToken") + 14, 36); };
    std::string a = token_of(f.http->sent[4].body), b = token_of(f.http->sent[5].body);
    CHECK(a != b);
    for (auto const& t : {a, b}) {
      INFO(t);
      CHECK(t.size() == 36);
      CHECK(t[14] == '4');                                                    // version 4
      CHECK(std::string_view("89ab").find(t[19]) != std::string_view::npos);  // variant 10
      CHECK(t.find_first_not_of("0123456789abcdef-") == std::string::npos);
    }
  }
}

TEST_CASE("idempotency tokens of generated inputs: botocore's top-level members", "[client][idempotency]") {
  static_assert(awsjson::has_idempotency_token<awsjson::ssm::CreateMaintenanceWindowRequest>);
  static_assert(!awsjson::has_idempotency_token<awsjson::ssm::DescribeParametersRequest>);
  awsjson::ssm::CreateMaintenanceWindowRequest in;
  CHECK(awsjson::lacks_idempotency_token(in));
  awsjson::fill_idempotency_tokens(in, [] { return std::string("t"); });
  CHECK(in.ClientToken == "t");
  CHECK_FALSE(awsjson::lacks_idempotency_token(in));
  CHECK(awsjson::uuid_v4(0, 0) == "00000000-0000-4000-8000-000000000000");
  CHECK(awsjson::uuid_v4(~0ull, ~0ull) == "ffffffff-ffff-4fff-bfff-ffffffffffff");
  CHECK(awsjson::uuid_v4(0x0123456789abcdefull, 0xfedcba9876543210ull) == "01234567-89ab-4def-bedc-ba9876543210");
}

TEST_CASE("host prefixes: labels filled and checked, before the service's host or the endpoint URL's",
          "[client][endpoint]") {
  fixture f;
  client c(f.options());
  REQUIRE(c.call<fake::Create>({.Account = "123"}).ok());
  CHECK(f.http->endpoints.back() == "https://123.data-fake.us-east-1.amazonaws.com");
  CHECK(f.http->sent.back().header("Host") == "123.data-fake.us-east-1.amazonaws.com");

  auto o = f.options();
  o.endpoint_url = "https://example.com/";
  REQUIRE(client(o).call<fake::Create>({.Account = "a.b-c"}).ok());
  CHECK(f.http->endpoints.back() == "https://a.b-c.data-example.com");
  CHECK(f.http->sent.back().header("Host") == "a.b-c.data-example.com");

  SECTION("a label that is not a host label is refused, unsent, its value unquoted") {
    for (std::string bad : {std::string("a b"), std::string("x/y"), std::string(planted) + "@"}) {
      auto r = c.call<fake::Create>({.Account = bad});
      REQUIRE(r.failure());
      CHECK(r.failure()->what == awsjson::client_error::kind::invalid_input);
      CHECK_THAT(r.failure()->message, Catch::StartsWith("/Account: not a valid host label"));
      CHECK(r.failure()->message.find(bad) == std::string::npos);
    }
    CHECK(f.http->sent.size() == 2);
  }
  SECTION("turned off by the program, or by AWS_DISABLE_HOST_PREFIX_INJECTION") {
    o.inject_host_prefix = false;
    REQUIRE(client(o).call<fake::Create>({.Account = "not used"}).ok());
    CHECK(f.http->endpoints.back() == "https://example.com");
    auto e = f.options(
        {{"AWS_ACCESS_KEY_ID", "A"}, {"AWS_SECRET_ACCESS_KEY", "S"}, {"AWS_DISABLE_HOST_PREFIX_INJECTION", "true"}});
    REQUIRE(client(e).call<fake::Create>({.Account = "123"}).ok());
    CHECK(f.http->endpoints.back() == "https://fake.us-east-1.amazonaws.com");
  }
}

namespace {
std::string gunzip(std::string const& packed) {
  z_stream z{};
  REQUIRE(inflateInit2(&z, 15 + 16) == Z_OK);
  std::string out(1 << 20, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
  z.avail_in = static_cast<uInt>(packed.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  CHECK(inflate(&z, Z_FINISH) == Z_STREAM_END);
  out.resize(z.total_out);
  inflateEnd(&z);
  return out;
}
}  // namespace

TEST_CASE("request compression: gzip from 10,240 bytes on, as configured", "[client][compression]") {
  static_assert(awsjson::cloudwatch::PutMetricData::request_compression == "gzip");
  fixture f;
  std::string big(20000, 'x'), small(100, 'x');
  std::string big_json = R"({"Name":")" + big + R"("})";
  client c(f.options());
  REQUIRE(c.call<fake::Put>({.Name = big}).ok());
  auto const& sent = f.http->sent.back();
  CHECK(sent.header("Content-Encoding") == "gzip");
  CHECK(sent.body.size() < 1000);
  CHECK(gunzip(sent.body) == big_json);
  CHECK(sent.header("Authorization").starts_with("AWS4-HMAC-SHA256"));  // signed over the compressed body
  REQUIRE(c.call<fake::Put>({.Name = small}).ok());
  CHECK(f.http->sent.back().header("Content-Encoding").empty());
  REQUIRE(c.call<fake::Echo>({.Name = big}).ok());  // an operation without the trait: never
  CHECK(f.http->sent.back().body == big_json);

  SECTION("the threshold and the switch, from the program, the environment or the profile") {
    auto o = f.options();
    o.request_compression = awsjson::request_compression_options{.disabled = false, .min_size_bytes = 50};
    REQUIRE(client(o).call<fake::Put>({.Name = small}).ok());
    CHECK(f.http->sent.back().header("Content-Encoding") == "gzip");
    auto off = f.options(
        {{"AWS_ACCESS_KEY_ID", "A"}, {"AWS_SECRET_ACCESS_KEY", "S"}, {"AWS_DISABLE_REQUEST_COMPRESSION", "true"}});
    REQUIRE(client(off).call<fake::Put>({.Name = big}).ok());
    CHECK(f.http->sent.back().body == big_json);
    temp_dir dir;
    auto config = dir.write("config", "[default]\nrequest_min_compression_size_bytes = 64\n");
    auto profiled =
        f.options({{"AWS_ACCESS_KEY_ID", "A"}, {"AWS_SECRET_ACCESS_KEY", "S"}, {"AWS_CONFIG_FILE", config}});
    REQUIRE(client(profiled).call<fake::Put>({.Name = small}).ok());
    CHECK(f.http->sent.back().header("Content-Encoding") == "gzip");
    auto bad = f.options({{"AWS_ACCESS_KEY_ID", "A"},
                          {"AWS_SECRET_ACCESS_KEY", "S"},
                          {"AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES", "2000000"}});
    auto r = client(bad).call<fake::Put>({.Name = small});
    REQUIRE(r.failure());
    CHECK(r.failure()->what == awsjson::client_error::kind::invalid_config);
    CHECK(r.failure()->message == "AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES is not a whole number from 1 to 1048576");
  }
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

TEST_CASE("credentials: the environment", "[client][credentials]") {
  auto found =
      awsjson::environment_credentials(
          env_of({{"AWS_ACCESS_KEY_ID", "AKID"}, {"AWS_SECRET_ACCESS_KEY", planted}, {"AWS_SESSION_TOKEN", "TOKEN"}}))
          .load();
  REQUIRE(found.found);
  CHECK(found.found->keys.access_key_id == "AKID");
  CHECK(found.found->keys.session_token == "TOKEN");
  CHECK_FALSE(awsjson::environment_credentials(env_of({})).load().found);
  auto half = awsjson::environment_credentials(env_of({{"AWS_ACCESS_KEY_ID", "AKID"}})).load();
  CHECK(half.error.find("must be set together") != std::string::npos);
}

TEST_CASE("credentials and region from the shared files and a profile", "[client][credentials]") {
  temp_dir d;
  auto creds = d.write("credentials",
                       "[default]\naws_access_key_id = DEFAULTKEY\naws_secret_access_key = defaultsecret\n\n"
                       "# a comment\n[dev]\naws_access_key_id=DEVKEY\naws_secret_access_key = " +
                           std::string(planted) + "\naws_session_token = devtoken\n");
  auto config =
      d.write("config",
              "[default]\nregion = us-west-2\n[profile dev]\nregion = eu-west-1\ns3 =\n  max_concurrent_requests = 4\n"
              "[profile cfg]\nAWS_ACCESS_KEY_ID = CFGKEY\naws_secret_access_key = cfgsecret\nregion = ap-south-1\n");
  std::map<std::string, std::string> vars{
      {"AWS_SHARED_CREDENTIALS_FILE", creds}, {"AWS_CONFIG_FILE", config}, {"HOME", d.path.string()}};
  fixture f;
  SECTION("the default profile") {
    client c(f.options(vars));
    CHECK(c.credentials().found->keys.access_key_id == "DEFAULTKEY");
    CHECK(c.credentials().found->source == "shared-credentials-file");
  }
  SECTION("AWS_PROFILE, with the region of [profile dev] in the config file") {
    auto v = vars;
    v["AWS_PROFILE"] = "dev";
    auto o = f.options(v);
    o.region.clear();
    client c(o);
    CHECK(c.region() == "eu-west-1");
    auto found = c.credentials();
    CHECK(found.found->keys.access_key_id == "DEVKEY");
    CHECK(found.found->keys.session_token == "devtoken");
    CHECK(c.config().get("max_concurrent_requests") == std::nullopt);  // nested under s3: not the profile's
  }
  SECTION("keys in the config file's profile (names are case-insensitive)") {
    auto v = vars;
    v["AWS_PROFILE"] = "cfg";
    CHECK(client(f.options(v)).credentials().found->source == "config-file");
  }
  SECTION("environment keys come first, unless the program chose the profile") {
    auto v = vars;
    v["AWS_ACCESS_KEY_ID"] = "ENVKEY";
    v["AWS_SECRET_ACCESS_KEY"] = "envsecret";
    CHECK(client(f.options(v)).credentials().found->keys.access_key_id == "ENVKEY");
    auto o = f.options(v);
    o.profile = "dev";
    CHECK(client(o).credentials().found->keys.access_key_id == "DEVKEY");
  }
  SECTION("a profile that is nowhere: no credentials, and the message names what was tried") {
    auto o = f.options(vars);
    o.profile = "nope";
    auto v = vars;
    v["AWS_EC2_METADATA_DISABLED"] = "true";
    o.env = env_of(v);
    auto r = client(o).call<fake::Echo>({});
    REQUIRE(r.failure());
    CHECK(r.failure()->what == awsjson::client_error::kind::no_credentials);
    CHECK(r.failure()->message.find("shared-credentials-file") != std::string::npos);
    CHECK(f.http->sent.empty());
  }
  SECTION("a malformed config file: no call, and the message names the file and line, not the line") {
    auto v = vars;
    v["AWS_CONFIG_FILE"] = d.write("config", "[profile dev]\nregion = eu-west-1\n" + std::string(planted) + "\n");
    auto r = client(f.options(v)).call<fake::Echo>({});
    REQUIRE(r.failure());
    CHECK(r.failure()->what == awsjson::client_error::kind::invalid_config);
    CHECK(r.failure()->message ==
          "the config file " + v["AWS_CONFIG_FILE"] + ": line 3: Expected an '=' sign defining a property");
    CHECK(f.http->sent.empty());
  }
}

TEST_CASE("credentials from credential_process", "[client][credentials]") {
  temp_dir d;
  auto ok = d.write("ok.sh",
                    "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"PROCKEY\", \"SecretAccessKey\": \"" +
                        std::string(planted) +
                        "\", \"SessionToken\": \"proctoken\", \"Expiration\": \"2099-01-02T03:04:05Z\"}'\n",
                    true);
  auto failing = d.write("fail.sh", "#!/bin/sh\necho '" + std::string(planted) + "'\nexit 3\n", true);
  auto v2 = d.write("v2.sh", "#!/bin/sh\necho '{\"Version\": 2, \"AccessKeyId\": \"K\", \"SecretAccessKey\": \"S\"}'\n",
                    true);
  auto garbage =
      d.write("garbage.sh",
              "#!/bin/sh\necho '{\"AccessKeyId\": 5, \"SecretAccessKey\": \"" + std::string(planted) + "\"}'\n", true);
  auto config = d.write("config", "[profile ok]\ncredential_process = " + ok + " --some-arg\n[profile failing]\n" +
                                      "credential_process = " + failing + "\n[profile v2]\ncredential_process = " + v2 +
                                      "\n[profile garbage]\ncredential_process = " + garbage + "\n");
  awsjson::environment env = env_of({{"AWS_CONFIG_FILE", config}, {"AWS_SHARED_CREDENTIALS_FILE", d.path / "none"}});
  auto load = [&](std::string profile) {
    auto cfg = std::make_shared<awsjson::shared_config const>(awsjson::shared_config::load(env, profile));
    return awsjson::process_credentials(cfg).load();
  };
  auto found = load("ok");
  REQUIRE(found.found);
  CHECK(found.found->keys.access_key_id == "PROCKEY");
  CHECK(found.found->keys.secret_access_key == planted);
  CHECK(found.found->keys.session_token == "proctoken");
  REQUIRE(found.found->expiration);
  CHECK(*found.found->expiration == std::chrono::sys_days{std::chrono::year{2099} / 1 / 2} + std::chrono::hours{3} +
                                        std::chrono::minutes{4} + std::chrono::seconds{5});
  auto bad = load("failing");
  CHECK(bad.error.find("exited with status 3") != std::string::npos);
  CHECK(bad.error.find(planted) == std::string::npos);
  CHECK(load("v2").error.find("Version is not 1") != std::string::npos);
  // found by fuzz_credentials: a year system_clock cannot hold is an error, not an overflow
  auto far = awsjson::detail::from_document(
      R"({"AccessKeyId":"A","SecretAccessKey":"B","Expiration":"1015-01-01T00:00:00Z"})", "x", "doc");
  CHECK(far.error == "doc: Expiration is out of range");
  auto wrong = load("garbage");
  CHECK(wrong.error.find("/AccessKeyId") != std::string::npos);
  CHECK(wrong.error.find(planted) == std::string::npos);
}

TEST_CASE("credentials from a container credentials server on 127.0.0.1", "[client][credentials]") {
  temp_dir d;
  auto token_file = d.write("token", "container-token-PLANTED\n");
  testing::local_server server([](testing::local_request const& r) {
    if (r.path != "/creds" || r.headers.count("authorization") == 0 ||
        r.headers.at("authorization") != "container-token-PLANTED")
      return testing::local_answer{401, {}, "{}"};
    return testing::local_answer{200,
                                 {{"Content-Type", "application/json"}},
                                 R"({"AccessKeyId":"CONTAINERKEY","SecretAccessKey":"s","Token":"t",)"
                                 R"("Expiration":"2099-01-01T00:00:00Z"})"};
  });
  auto http = std::make_shared<awsjson::curl_transport>();
  auto provider = [&](std::map<std::string, std::string> vars) {
    return awsjson::container_credentials(http, env_of(std::move(vars))).load();
  };
  auto found = provider({{"AWS_CONTAINER_CREDENTIALS_FULL_URI", server.url() + "/creds"},
                         {"AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", token_file}});
  REQUIRE(found.found);
  CHECK(found.found->keys.access_key_id == "CONTAINERKEY");
  CHECK(found.found->keys.session_token == "t");
  auto refused = provider({{"AWS_CONTAINER_CREDENTIALS_FULL_URI", server.url() + "/creds"},
                           {"AWS_CONTAINER_AUTHORIZATION_TOKEN", "wrong"}});
  CHECK(refused.error.find("HTTP 401") != std::string::npos);
  auto other_host = provider({{"AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://10.1.2.3/creds"}});
  CHECK(other_host.error.find("not an allowed host") != std::string::npos);
  CHECK_FALSE(provider({}).found);
  CHECK(server.requests().size() == 2);  // the disallowed host was never asked
}

TEST_CASE("credentials from an IMDSv2 server on 127.0.0.1 that requires its token", "[client][credentials]") {
  std::string const token = "imds-token-PLANTED";
  testing::local_server server([&](testing::local_request const& r) {
    if (r.method == "PUT" && r.path == "/latest/api/token") {
      if (r.headers.count("x-aws-ec2-metadata-token-ttl-seconds") == 0) return testing::local_answer{400, {}, ""};
      return testing::local_answer{200, {}, token};
    }
    if (r.headers.count("x-aws-ec2-metadata-token") == 0 || r.headers.at("x-aws-ec2-metadata-token") != token)
      return testing::local_answer{401, {}, ""};
    if (r.path == "/latest/meta-data/iam/security-credentials/") return testing::local_answer{200, {}, "app-role\n"};
    if (r.path == "/latest/meta-data/iam/security-credentials/app-role")
      return testing::local_answer{200,
                                   {},
                                   R"({"Code":"Success","AccessKeyId":"IMDSKEY","SecretAccessKey":"s",)"
                                   R"("Token":"t","Expiration":"2099-01-01T00:00:00Z"})"};
    return testing::local_answer{404, {}, ""};
  });
  auto http = std::make_shared<awsjson::curl_transport>();
  auto found =
      awsjson::instance_credentials(http, env_of({{"AWS_EC2_METADATA_SERVICE_ENDPOINT", server.url() + "/"}})).load();
  REQUIRE(found.found);
  CHECK(found.found->keys.access_key_id == "IMDSKEY");
  CHECK(found.found->source == "iam-role");
  auto requests = server.requests();
  REQUIRE(requests.size() == 3);
  CHECK(requests[0].headers["x-aws-ec2-metadata-token-ttl-seconds"] == "21600");
  CHECK(requests[2].path == "/latest/meta-data/iam/security-credentials/app-role");
  auto off =
      awsjson::instance_credentials(
          http, env_of({{"AWS_EC2_METADATA_SERVICE_ENDPOINT", server.url()}, {"AWS_EC2_METADATA_DISABLED", "TRUE"}}))
          .load();
  CHECK_FALSE(off.found);
  CHECK(off.error.empty());
  CHECK(server.requests().size() == 3);
}

namespace {
std::atomic<long> fake_now{0};  // seconds since the epoch
std::chrono::system_clock::time_point clock_now() {
  return std::chrono::system_clock::time_point(std::chrono::seconds(fake_now.load()));
}
struct counting_provider final : awsjson::credential_provider {
  int loads = 0;
  bool fail = false;
  std::string_view name() const override { return "counting"; }
  awsjson::credential_lookup load() override {
    ++loads;
    if (fail) return awsjson::credential_lookup::fail("counting: down");
    awsjson::timed_credentials c{
        {"K" + std::to_string(loads), "S", "T"}, clock_now() + std::chrono::hours(1), "counting"};
    return {c, {}};
  }
};
}  // namespace

TEST_CASE("cached credentials: refreshed 15 minutes before expiry, required 10 minutes before",
          "[client][credentials]") {
  auto source = std::make_shared<counting_provider>();
  fake_now = 1'000'000;
  awsjson::cached_credentials cache(source, &clock_now);
  CHECK(cache.load().found->keys.access_key_id == "K1");
  fake_now += 40 * 60;  // 20 minutes left
  CHECK(cache.load().found->keys.access_key_id == "K1");
  CHECK(source->loads == 1);
  fake_now += 6 * 60;  // 14 minutes left: advisory refresh
  CHECK(cache.load().found->keys.access_key_id == "K2");
  fake_now += 47 * 60;  // 13 minutes left of K2's hour
  source->fail = true;
  auto kept = cache.load();  // the refresh failed: the old ones are still good for 3 minutes of advisory
  REQUIRE(kept.found);
  CHECK(kept.found->keys.access_key_id == "K2");
  fake_now += 4 * 60;  // 9 minutes left: mandatory
  auto gone = cache.load();
  CHECK_FALSE(gone.found);
  CHECK(gone.error == "counting: down");
  source->fail = false;
  CHECK(cache.load().found->keys.access_key_id == "K5");
}

TEST_CASE("the default chain: botocore's order, and an error stops it", "[client][credentials]") {
  temp_dir d;
  auto config = d.write("config", "[default]\ncredential_process = /bin/false\n");
  auto env = env_of({{"AWS_CONFIG_FILE", config}, {"AWS_SHARED_CREDENTIALS_FILE", (d.path / "none").string()}});
  auto cfg = std::make_shared<awsjson::shared_config const>(awsjson::shared_config::load(env));
  auto chain = awsjson::default_credential_chain(cfg, std::make_shared<scripted_transport>(), env);
  std::vector<std::string> names;
  for (auto const& p : chain->providers()) names.emplace_back(p->name());
  CHECK(names == std::vector<std::string>{"environment", "shared-credentials-file", "credential-process", "config-file",
                                          "container-role", "iam-role"});
  auto r = chain->load();
  CHECK_FALSE(r.found);
  CHECK(r.error.find("credential_process of profile default: exited with status 1") != std::string::npos);
}

TEST_CASE("credentials print redacted", "[client][credentials]") {
  awsjson::sigv4::credentials c{"AKID", planted, planted};
  CHECK(awsjson::to_string(c).find(planted) == std::string::npos);
}

namespace {
// Thread-safe: every third request of each thread is answered 503 (so that a call, whose attempts
// run on one thread, is answered at its second attempt at the latest), the others 200.
struct busy_transport final : awsjson::transport {
  std::atomic<int> requests{0};
  std::optional<transport_error> send(std::string_view, http_request const& request, http_response& response) override {
    thread_local int mine = 0;
    ++requests;
    if (request.header("Authorization").empty()) return transport_error{transport_error::kind::other, "unsigned"};
    response = ++mine % 3 == 0 ? http_response{503, {}, "{}"} : http_response{200, {}, R"({"Value":"v"})"};
    return std::nullopt;
  }
};
}  // namespace

TEST_CASE("one client, calls from eight threads at once (retries, quota and credential cache shared)",
          "[client][concurrency]") {
  auto http = std::make_shared<busy_transport>();
  auto source = std::make_shared<counting_provider>();
  fake_now = 0;  // each load gives credentials for an hour from now: one load serves every call
  client_options o;
  o.region = "us-east-1";
  o.http = http;
  o.credentials = std::make_shared<awsjson::cached_credentials>(source, &clock_now);
  o.sleep = [](std::chrono::duration<double>) {};
  o.random = [] { return 0.5; };
  client c(o);
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i)
        if (c.call<fake::Echo>({.Name = "n", .Secret = {}}).ok()) ++ok;
    });
  for (auto& t : threads) t.join();
  CHECK(ok == 400);
  CHECK(source->loads == 1);
  CHECK(c.quota().available() == 500);
}
