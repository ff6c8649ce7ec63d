#include <catch2/catch.hpp>

#include <awsjson/awsjson.hpp>
#include <awsjson/ssm/get_maintenance_window_execution_task_invocation.hpp>

#include <sstream>

#include "kitchen_sink.hpp"

using namespace awsjson::ssm;

TEST_CASE("printing: readable, absent members left out", "[print]") {
  GetMaintenanceWindowExecutionTaskInvocationResponse r;
  r.WindowExecutionId = "w-1";
  r.Status = MaintenanceWindowExecutionStatus::SUCCESS;
  r.StartTime = awsjson::timestamp(std::chrono::milliseconds(1700000000123));
  r.StatusDetails = "line\n\"quoted\"";
  CHECK(
      awsjson::to_string(r) ==
      R"(GetMaintenanceWindowExecutionTaskInvocationResponse{WindowExecutionId: "w-1", Status: SUCCESS, StatusDetails: "line\n\"quoted\"", StartTime: 2023-11-14T22:13:20.123Z})");
  std::ostringstream os;
  os << r;
  CHECK(os.str() == awsjson::to_string(r));
  std::ostringstream e;
  e << MaintenanceWindowTaskType::STEP_FUNCTIONS << " " << *r.Status;
  CHECK(e.str() == "STEP_FUNCTIONS SUCCESS");
  CHECK(awsjson::to_string(DoesNotExistException{"gone"}) == R"(DoesNotExistException{Message: "gone"})");
}

TEST_CASE("printing: every shape kind", "[print]") {
  kitchen::Sink s;
  s.Name = "n";
  s.List = std::vector<std::string>{"a", "b"};
  s.Map = std::map<std::string, std::int32_t>{{"k", 1}};
  s.Blob = awsjson::blob(3);
  s.Nested = kitchen::Inner{"v", 2};
  s.SparseList = std::vector<std::optional<std::string>>{std::nullopt};
  s.Plain = kitchen::Color::AWS_EC2_Instance;
  s.Byte = -5;
  CHECK(
      awsjson::to_string(s) ==
      R"(Sink{Name: "n", Byte: -5, Plain: AWS::EC2::Instance, Blob: <blob 3 bytes>, List: ["a", "b"], SparseList: [null], Map: {"k": 1}, Nested: Inner{Value: "v", Count: 2}, Children: []})");
}

TEST_CASE("a secret in a sensitive member never appears in any printed form", "[print][sensitive]") {
  std::string const secret = "hunter2-TOP-SECRET";
  GetMaintenanceWindowExecutionTaskInvocationResponse r;
  r.Parameters = R"({"password":")" + secret + "\"}";
  r.OwnerInformation = secret;
  r.WindowExecutionId = "visible";

  std::vector<std::string> printed;
  printed.push_back(awsjson::to_string(r));
  std::ostringstream os;
  os << r;
  printed.push_back(os.str());
  kitchen::Sink s;
  s.Secret = secret;
  printed.push_back(awsjson::to_string(s));
  s.Children.push_back(s);  // nested
  printed.push_back(awsjson::to_string(s));
  // Decode errors on sensitive members describe the type, never the value.
  GetMaintenanceWindowExecutionTaskInvocationResponse bad;
  printed.push_back(awsjson::decode_into(R"({"Parameters":1234567890})", bad).to_string());
  printed.push_back(awsjson::decode_into(R"({"OwnerInformation":["hunter2-TOP-SECRET"]})", bad).to_string());
  printed.push_back(awsjson::decode_into(R"({"OwnerInformation":hunter2})", bad).to_string());

  for (auto const& p : printed) {
    INFO(p);
    CHECK(p.find("hunter2") == std::string::npos);
    CHECK(p.find("1234567890") == std::string::npos);
  }
  CHECK(
      printed[0] ==
      R"(GetMaintenanceWindowExecutionTaskInvocationResponse{WindowExecutionId: "visible", Parameters: <redacted>, OwnerInformation: <redacted>})");
}
