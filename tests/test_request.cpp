#include <catch2/catch.hpp>

#include <awsjson/awsjson.hpp>
#include <awsjson/ssm/get_maintenance_window_execution_task_invocation.hpp>

#include "kitchen_sink.hpp"

using namespace awsjson::ssm;
using Op = GetMaintenanceWindowExecutionTaskInvocation;
using Request = GetMaintenanceWindowExecutionTaskInvocationRequest;

namespace {
struct Op2 {
  using input = kitchen::Inner;
  using output = kitchen::Inner;
  using errors = boost::mp11::mp_list<>;
  static constexpr std::string_view name = "Op2";
  static constexpr std::string_view target_prefix = "Svc";
  static constexpr std::string_view json_version = "1.0";
};

Request valid() {
  return {"11111111-2222-3333-4444-555555555555", "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
          "01234567-89ab-cdef-0123-456789abcdef"};
}
std::vector<std::string> messages(std::vector<awsjson::violation> const& v) {
  std::vector<std::string> out;
  for (auto const& x : v) out.push_back(x.to_string());
  return out;
}
}  // namespace

TEST_CASE("validation against the model's constraints reports every violation", "[validate]") {
  CHECK(awsjson::validate(valid()).empty());
  auto r = valid();
  r.TaskId = "abc-123-xyz";
  r.InvocationId = "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz";  // right length, wrong pattern
  r.WindowExecutionId = "11111111-2222-3333-4444-5555555555556";
  CHECK(messages(awsjson::validate(r)) ==
        std::vector<std::string>{
            "/WindowExecutionId: length 37, must be 36",
            "/WindowExecutionId: does not match pattern " + std::string(maintenance_window_id_pattern),
            "/TaskId: length 11, must be 36",
            "/TaskId: does not match pattern " + std::string(maintenance_window_id_pattern),
            "/InvocationId: does not match pattern " + std::string(maintenance_window_id_pattern)});
  r = valid();
  r.TaskId = "AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE";  // the pattern takes both cases
  CHECK(awsjson::validate(r).empty());
}

TEST_CASE("validation levels: required members, botocore's minimums, every constraint", "[validate]") {
  using awsjson::validation_level;
  auto r = valid();
  r.TaskId = "abc-123-xyz";                                       // too short, wrong pattern
  r.WindowExecutionId = "11111111-2222-3333-4444-5555555555556";  // too long, wrong pattern
  CHECK(messages(awsjson::validate(r, validation_level::required)).empty());
  CHECK(messages(awsjson::validate(r, validation_level::botocore)) ==
        std::vector<std::string>{"/TaskId: length 11, must be 36"});
  CHECK(awsjson::validate(r, validation_level::full) == awsjson::validate(r));
  r.TaskId.clear();
  CHECK(messages(awsjson::validate(r, validation_level::required)).empty());  // present, though empty
}

TEST_CASE("validation: an enum value the model does not list fails only the full check", "[validate]") {
  GetMaintenanceWindowExecutionTaskInvocationResponse resp;
  resp.Status = awsjson::open_enum<MaintenanceWindowExecutionStatus>::from_string("SUCCESS");
  CHECK(awsjson::validate(resp).empty());
  resp.Status = awsjson::open_enum<MaintenanceWindowExecutionStatus>::from_string("PAUSED_FOREVER");
  CHECK(messages(awsjson::validate(resp)) == std::vector<std::string>{"/Status: not one of the model's values"});
  CHECK(awsjson::validate(resp, awsjson::validation_level::botocore).empty());  // a newer service may send it
  CHECK(awsjson::validate(resp, awsjson::validation_level::required).empty());
}

TEST_CASE("validation of the response: lengths count characters, sensitive members too", "[validate]") {
  GetMaintenanceWindowExecutionTaskInvocationResponse resp;
  CHECK(awsjson::validate(resp).empty());  // nothing is required in the output
  resp.OwnerInformation = "";
  resp.StatusDetails = std::string(250, 'x');
  resp.WindowTargetId = std::string(12, '\xe6');  // invalid UTF-8 is not our business here; 12 bytes
  CHECK(messages(awsjson::validate(resp)) ==
        std::vector<std::string>{"/OwnerInformation: length out of bounds, must be between 1 and 128"});  // sensitive
  resp.OwnerInformation = std::string(128, 'o');
  resp.StatusDetails = std::string(83, 'x') + std::string(167, 'y') + "\xc3\xa9";  // 251 characters
  CHECK(messages(awsjson::validate(resp)) ==
        std::vector<std::string>{"/StatusDetails: length 251, must be between 0 and 250"});
  resp.StatusDetails = std::string(249, 'x') + "\xf0\x9f\x98\x80";  // 250 characters, 253 bytes
  CHECK(awsjson::validate(resp).empty());
}

TEST_CASE("validation is generic: nested members, lists, ranges, required", "[validate]") {
  kitchen::Sink s;
  s.Name = "";
  s.Integer = 5000;
  s.List = std::vector<std::string>(6, "x");
  s.Children.resize(1);
  s.Children[0].Name = std::string(17, 'n');
  CHECK(messages(awsjson::validate(s)) == std::vector<std::string>{
                                              "/Name: length 0, must be between 1 and 16",
                                              "/Integer: value 5000, must be between -1000 and 1000",
                                              "/List: length 6, must be at most 5",
                                              "/Children/0/Name: length 17, must be between 1 and 16",
                                          });
}

TEST_CASE("the request builder: method, path, headers and body", "[request]") {
  auto http = awsjson::make_request<Op>(valid());
  CHECK(http.method == "POST");
  CHECK(http.path == "/");
  CHECK(http.header("x-amz-target") == "AmazonSSM.GetMaintenanceWindowExecutionTaskInvocation");
  CHECK(http.header("Content-Type") == "application/x-amz-json-1.1");
  CHECK(http.header("Content-Length") == std::to_string(http.body.size()));  // Smithy requires it
  CHECK(http.headers.size() == 3);
  CHECK(
      http.body ==
      R"({"WindowExecutionId":"11111111-2222-3333-4444-555555555555","TaskId":"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee","InvocationId":"01234567-89ab-cdef-0123-456789abcdef"})");
  // The builder leaves length and pattern to the service (Smithy's guidance); validate() is the user's call.
  Request short_ids{"a", "b", "c"};
  CHECK_NOTHROW(awsjson::make_request<Op>(short_ids));
  short_ids.TaskId = "bad\xff";
  awsjson::http_request out;
  CHECK(awsjson::build_request<Op>(short_ids, out).to_string() == "/TaskId: string is not valid UTF-8 (at byte 3)");
}

TEST_CASE("the request builder checks required members of optional type", "[request]") {
  auto http = awsjson::make_request<Op2>(kitchen::Inner{});
  CHECK(http.body == "{}");  // Smithy: no input members, an empty object
  CHECK(http.header("X-Amz-Target") == "Svc.Op2");
  CHECK(http.header("content-type") == "application/x-amz-json-1.0");
}

TEST_CASE("requests equal botocore's serializer output", "[request][botocore]") {
  simdjson::dom::parser parser, body_parser, ours_parser;
  auto doc = parser.load(AWSJSON_TEST_DATA_DIR "/botocore_requests.json");
  std::size_t n = 0;
  simdjson::dom::array cases = doc["cases"].get_array().value();
  for (simdjson::dom::element c : cases) {
    simdjson::dom::object in = c["input"].get_object().value();
    Request req{std::string(in["WindowExecutionId"].get_string().value()),
                std::string(in["TaskId"].get_string().value()), std::string(in["InvocationId"].get_string().value())};
    auto http = awsjson::make_request<Op>(req);
    CHECK(http.method == c["method"].get_string().value());
    CHECK(http.path == c["url_path"].get_string().value());
    simdjson::dom::object headers = c["headers"].get_object().value();
    // botocore's serializer leaves Content-Length to the HTTP layer (AWSRequest.prepare); ours sets it.
    CHECK(http.headers.size() == headers.size() + 1);
    for (auto [k, v] : headers) CHECK(http.header(k) == v.get_string().value());
    CHECK(http.header("Content-Length") == std::to_string(http.body.size()));

    // Parsed as JSON, the bodies are equal: same keys, same string values.
    std::string expected_body(c["body"].get_string().value());
    simdjson::dom::object theirs = body_parser.parse(expected_body).get_object().value();
    simdjson::dom::object ours = ours_parser.parse(http.body).get_object().value();
    INFO(http.body << "\n" << expected_body);
    REQUIRE(ours.size() == theirs.size());
    for (auto [k, v] : theirs) CHECK(ours[k].get_string().value() == v.get_string().value());
    CHECK(http.body.find(", ") == std::string::npos);  // compact
    ++n;
  }
  CHECK(n >= 50);
}
