// awsjson::client without AWS: a call validated, built, signed, sent and decoded against a
// scripted transport; idempotency tokens, host prefixes, request compression; one client from
// eight threads. Planted secrets must never show in an error or a log line.
#include <catch2/catch.hpp>

#include <awsjson/client.hpp>
#include <awsjson/cloudwatch/put_metric_data.hpp>
#include <awsjson/ssm/create_maintenance_window.hpp>
#include <awsjson/ssm/describe_parameters.hpp>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include <zlib.h>

#include "fake_service.hpp"

using namespace client_test;

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
  SECTION("a custom endpoint's path goes before the request's, and is signed as sent") {
    o.endpoint_url = "https://example.com/custom/";
    REQUIRE(client(o).call<fake::Create>({.Account = "1"}).ok());
    CHECK(f.http->endpoints.back() == "https://1.data-example.com");
    http_request sent = f.http->sent.back();
    CHECK(sent.path == "/custom/");
    // The signature, recomputed from the request as sent (its path, its headers but Authorization).
    std::string authorization(sent.header("Authorization")), date(sent.header("X-Amz-Date"));
    std::erase_if(sent.headers, [](auto const& h) { return h.name == "Authorization"; });
    auto num = [&](std::size_t at, std::size_t n) { return std::stoi(date.substr(at, n)); };
    std::chrono::sys_seconds when = std::chrono::sys_days{std::chrono::year{num(0, 4)} / num(4, 2) / num(6, 2)} +
                                    std::chrono::hours{num(9, 2)} + std::chrono::minutes{num(11, 2)} +
                                    std::chrono::seconds{num(13, 2)};
    auto steps = awsjson::sigv4::compute(sent.method, sent.path, sent.headers, sent.body,
                                         {"AKIDEXAMPLE", std::string(planted), ""}, {"us-east-1", "fake"}, when);
    CHECK(steps.authorization == authorization);
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

TEST_CASE("configured endpoints: the environment's and the profile's, per service, as botocore orders them",
          "[client][endpoint]") {
  fixture f;
  temp_dir dir;
  auto config = dir.write("config",
                          "[default]\nservices = local\nendpoint_url = http://profile-global:1\n"
                          "[profile stray]\nservices = missing\n"
                          "[services local]\nfake_service =\n  endpoint_url = http://profile-service:2\n");
  std::map<std::string, std::string> env = {
      {"AWS_ACCESS_KEY_ID", "A"}, {"AWS_SECRET_ACCESS_KEY", "S"}, {"AWS_CONFIG_FILE", config}};
  auto sent_to = [&](std::map<std::string, std::string> vars, auto op) {
    auto o = f.options(vars);
    REQUIRE(client(o).call<decltype(op)>({}).ok());
    return f.http->endpoints.back();
  };
  // The profile: the service's entry of its services section, else its endpoint_url (an operation
  // without a service id has no entry).
  CHECK(sent_to(env, fake::Echo{}) == "http://profile-service:2");
  CHECK(sent_to(env, fake::Put{}) == "http://profile-global:1");
  // The environment over the profile: the service's variable over the global one.
  auto with = [&](std::map<std::string, std::string> more) {
    auto all = env;
    for (auto& [k, v] : more) all[k] = v;
    return all;
  };
  CHECK(sent_to(with({{"AWS_ENDPOINT_URL", "http://env-global:3"}}), fake::Echo{}) == "http://env-global:3");
  CHECK(sent_to(with({{"AWS_ENDPOINT_URL", "http://env-global:3"},
                      {"AWS_ENDPOINT_URL_FAKE_SERVICE", "http://env-service:4"}}),
                fake::Echo{}) == "http://env-service:4");
  // Ignored, by the environment or the profile: the regional endpoint.
  CHECK(sent_to(with({{"AWS_ENDPOINT_URL", "http://env-global:3"}, {"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"}}),
                fake::Echo{}) == "https://fake.us-east-1.amazonaws.com");
  auto ignoring =
      dir.write("ignoring", "[default]\nignore_configured_endpoint_urls = true\nendpoint_url = http://x:1\n");
  CHECK(sent_to(with({{"AWS_CONFIG_FILE", ignoring}}), fake::Echo{}) == "https://fake.us-east-1.amazonaws.com");
  // The program's endpoint_url over all of them.
  auto o = f.options(with({{"AWS_ENDPOINT_URL_FAKE_SERVICE", "http://env-service:4"}}));
  o.endpoint_url = "http://program:5";
  REQUIRE(client(o).call<fake::Echo>({}).ok());
  CHECK(f.http->endpoints.back() == "http://program:5");
  // A services section the profile names but the file lacks: nothing is sent.
  auto sent = f.http->sent.size();
  auto r = client(f.options(with({{"AWS_PROFILE", "stray"}}))).call<fake::Echo>({});
  REQUIRE(r.failure());
  CHECK(r.failure()->what == awsjson::client_error::kind::invalid_config);
  CHECK(r.failure()->message ==
        "the profile stray names the services section missing, which the config file does not have");
  CHECK(f.http->sent.size() == sent);
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
  CHECK(sent.header("Content-Length") == std::to_string(sent.body.size()));  // the compressed body's
  CHECK(sent.header("Authorization").starts_with("AWS4-HMAC-SHA256"));       // signed over the compressed body
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
