// Generated code gets everything for free: two more SSM operations, as tools/awsjson_gen.py emits
// them, decode botocore-made responses and encode requests equal to botocore's, with no code
// beyond the described types and their metadata; validation, printing and errors of nested shapes.
#include <catch2/catch.hpp>

#include <awsjson/awsjson.hpp>
#include <awsjson/ssm/describe_maintenance_window_execution_task_invocations.hpp>
#include <awsjson/ssm/get_maintenance_window_task.hpp>

#include "json_equal.hpp"

namespace gen = awsjson::ssm;

namespace {

template <class Op>
void check_operation(simdjson::dom::object data) {
  std::size_t responses = 0, requests = 0;
  simdjson::dom::array rs = data["responses"].get_array().value();
  for (simdjson::dom::element c : rs) {
    std::string body(c["body"].get_string().value());
    std::string expected = simdjson::minify(c["expected"]);
    INFO("body: " << body);
    typename Op::output out;
    auto err = awsjson::decode_into(body, out);
    INFO(err.to_string());
    REQUIRE(!err);
    std::string ours = awsjson::encode(out), where;
    INFO("ours:     " << ours << "\nbotocore: " << expected);
    CHECK(testing::json_equal(ours, expected, where));
    INFO(where);
    ++responses;
  }
  simdjson::dom::array qs = data["requests"].get_array().value();
  for (simdjson::dom::element c : qs) {
    std::string input = simdjson::minify(c["input"]);
    auto in = awsjson::decode<typename Op::input>(input);
    auto http = awsjson::make_request<Op>(in);
    std::string expected(c["body"].get_string().value()), where;
    INFO("ours:     " << http.body << "\nbotocore: " << expected);
    CHECK(testing::json_equal(http.body, expected, where));
    INFO(where);
    simdjson::dom::object headers = c["headers"].get_object().value();
    for (auto [k, v] : headers) CHECK(http.header(k) == v.get_string().value());
    ++requests;
  }
  CHECK(responses >= 50);
  CHECK(requests >= 50);
}

}  // namespace

TEST_CASE("a second and third operation, as generated code, agree with botocore", "[generated][botocore]") {
  simdjson::dom::parser parser;
  simdjson::dom::element doc = parser.load(AWSJSON_TEST_DATA_DIR "/botocore_more.json").value();
  check_operation<gen::DescribeMaintenanceWindowExecutionTaskInvocations>(
      doc["operations"]["DescribeMaintenanceWindowExecutionTaskInvocations"].get_object().value());
  check_operation<gen::GetMaintenanceWindowTask>(doc["operations"]["GetMaintenanceWindowTask"].get_object().value());
}

TEST_CASE("generated types: validation of bounded lists, ranges and nested required members", "[generated][validate]") {
  gen::DescribeMaintenanceWindowExecutionTaskInvocationsRequest r{
      "11111111-2222-3333-4444-555555555555", "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", {}, 5, std::nullopt};
  r.Filters = std::vector<gen::MaintenanceWindowFilter>(6);
  (*r.Filters)[2].Key = "";
  auto v = awsjson::validate(r);
  REQUIRE(v.size() == 3);
  CHECK(v[0].to_string() == "/Filters: length 6, must be between 0 and 5");
  CHECK(v[1].to_string() == "/Filters/2/Key: length 0, must be between 1 and 128");
  CHECK(v[2].to_string() == "/MaxResults: value 5, must be between 10 and 100");

  gen::GetMaintenanceWindowTaskResponse t;
  t.AlarmConfiguration.emplace();
  t.Targets = std::vector<gen::Target>{
      {"\xc3\xa9t\xc3\xa9", std::vector<std::string>{"x"}}};  // \p{L}: not checkable by std::regex
  t.MaxConcurrency = "0%";
  auto tv = awsjson::validate(t);
  REQUIRE(tv.size() == 2);
  CHECK(tv[0].to_string() == "/MaxConcurrency: does not match pattern ^([1-9][0-9]*|[1-9][0-9]%|[1-9]%|100%)$");
  CHECK(tv[1].to_string() == "/AlarmConfiguration/Alarms: length 0, must be 1");
}

TEST_CASE("generated types: sensitive maps, structures and blobs stay redacted in print", "[generated][print]") {
  gen::GetMaintenanceWindowTaskResponse t;
  t.TaskParameters = std::map<std::string, gen::MaintenanceWindowTaskParameterValueExpression>{
      {"commands", {std::vector<std::string>{"echo hunter2"}}}};
  t.Description = "hunter2";
  t.TaskInvocationParameters.emplace().Lambda.emplace().Payload = awsjson::blob{std::byte('h')};
  t.TaskInvocationParameters->RunCommand.emplace().Parameters =
      std::map<std::string, std::vector<std::string>>{{"k", {"hunter2"}}};
  t.Name = "visible-name";
  auto printed = awsjson::to_string(t);
  INFO(printed);
  CHECK(printed.find("hunter2") == std::string::npos);
  CHECK(printed.find("visible-name") != std::string::npos);
  // A sensitive structure is redacted wherever it appears, even outside a sensitive member.
  CHECK(awsjson::to_string(gen::MaintenanceWindowTaskParameterValueExpression{std::vector<std::string>{"hunter2"}}) ==
        "MaintenanceWindowTaskParameterValueExpression{<redacted>}");
}

TEST_CASE("generated types: the error of a nested required member names its path", "[generated][decode]") {
  gen::GetMaintenanceWindowTaskResponse t;
  awsjson::decode_options strict;
  strict.strict_required = true;
  auto err = awsjson::decode_into(R"({"LoggingInfo":{"S3BucketName":"b"},"TaskType":"LAMBDA"})", t, strict);
  CHECK(err.to_string() == "/LoggingInfo/S3Region: required member is missing");
  CHECK(!awsjson::decode_into(R"({"LoggingInfo":{"S3BucketName":"b"}})", t));  // a client fills in ""
  CHECK(t.LoggingInfo->S3Region.empty());
}
