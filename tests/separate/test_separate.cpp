// The API used from a translation unit that includes awsjson/compiled.hpp: it declares the codec
// and parses none of it; the calls link to codec.cpp's explicit instantiations. A CTest check
// ("the separately compiled consumer instantiates no codec") inspects this file's object code.
#include <catch2/catch.hpp>

#include <awsjson/compiled.hpp>
#include <awsjson/ssm/get_maintenance_window_execution_task_invocation.hpp>

#include <sstream>
#include <string>
#include <vector>

using namespace awsjson::ssm;
using Op = GetMaintenanceWindowExecutionTaskInvocation;

TEST_CASE("separately compiled codec: decode, encode, request and response", "[separate]") {
  GetMaintenanceWindowExecutionTaskInvocationResponse r;
  REQUIRE_FALSE(awsjson::decode_into(R"({"TaskType":"RUN_COMMAND","StartTime":1700000000.123,"Status":"FAILED"})", r));
  CHECK(r.TaskType == MaintenanceWindowTaskType::RUN_COMMAND);
  CHECK(r.StartTime->time_since_epoch().count() == 1700000000123);

  awsjson::error e = awsjson::decode_into(R"({"StartTime":true})", r);
  CHECK(e.to_string() == "/StartTime: expected a timestamp (number or string), found true");
  CHECK_THROWS_AS(awsjson::decode<GetMaintenanceWindowExecutionTaskInvocationResponse>(std::string("[")),
                  awsjson::exception);

  r = {};
  r.ExecutionId = "e-1";
  CHECK(awsjson::encode(r) == R"({"ExecutionId":"e-1"})");
  std::ostringstream printed;
  printed << r;  // printing needs no codec
  CHECK(printed.str() == R"(GetMaintenanceWindowExecutionTaskInvocationResponse{ExecutionId: "e-1"})");

  GetMaintenanceWindowExecutionTaskInvocationRequest in;
  in.WindowExecutionId = in.TaskId = in.InvocationId = "6ed3a3d7-7e2a-4f5b-9b0e-3c8f1a2b4c5d";
  auto http = awsjson::make_request<Op>(in);
  CHECK(http.header("X-Amz-Target") == "AmazonSSM.GetMaintenanceWindowExecutionTaskInvocation");
  awsjson::http_request again;
  REQUIRE_FALSE(awsjson::build_request<Op>(in, again));
  CHECK(again.body == http.body);
  CHECK(http.body.find(R"("InvocationId":"6ed3a3d7-7e2a-4f5b-9b0e-3c8f1a2b4c5d")") != std::string::npos);

  std::vector<awsjson::http_header> headers{{"x-amzn-RequestId", "req-1"}};
  auto ok = awsjson::decode_response<Op>(200, headers, R"({"InvocationId":"i-1"})");
  REQUIRE(ok.result());
  CHECK(ok.result()->InvocationId == "i-1");
  CHECK(ok.metadata.request_id == "req-1");
  auto gone = awsjson::decode_response<Op>(400, headers, R"({"__type":"DoesNotExistException","Message":"no"})");
  REQUIRE(gone.service_error());
  CHECK(gone.service_error()->is<DoesNotExistException>());
  auto bad = awsjson::decode_response<Op>(200, headers, R"({"StartTime":"yesterday"})");
  REQUIRE(bad.output_error());
  CHECK(bad.output_error()->path == "/StartTime");
}
