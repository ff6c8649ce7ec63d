// A fake awsJson service for the client's tests (an operation of each kind the client treats
// apart: plain, with a host prefix and an idempotency token, with request compression), a
// transport that answers from a script, and a fixture whose client waits and logs into vectors.
#pragma once

#include <awsjson/client.hpp>

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "support.hpp"

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
  static constexpr std::string_view service_id = "Fake Service";
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

namespace client_test {
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

inline scripted_transport::step throttled() {
  return {400, R"({"__type":"ThrottlingException","message":"slow down"})", {}};
}
inline scripted_transport::step unavailable() { return {503, R"({"message":"busy"})", {}}; }
inline scripted_transport::step timed_out() {
  return {0, "", transport_error{transport_error::kind::timeout, "timed out"}};
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

// A credential provider that counts its loads, its credentials expiring an hour after clock_now().
inline std::atomic<long> fake_now{0};  // seconds since the epoch
inline std::chrono::system_clock::time_point clock_now() {
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
}  // namespace client_test
