#include <catch2/catch.hpp>

#include <awsjson/awsjson.hpp>
#include <awsjson/ssm/get_maintenance_window_execution_task_invocation.hpp>

#include <fstream>
#include <sstream>

using namespace awsjson::ssm;
using Response = GetMaintenanceWindowExecutionTaskInvocationResponse;
using Request = GetMaintenanceWindowExecutionTaskInvocationRequest;

namespace {
std::string read_file(std::string const& path) {
  std::ifstream f(path);
  REQUIRE(f);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}
}  // namespace

TEST_CASE("the seed's response shape with all 12 members", "[model]") {
  auto r = awsjson::decode<Response>(read_file(AWSJSON_EXAMPLES_DIR "/sample_response.json"));
  CHECK(r.WindowExecutionId == "2b9b6e3a-4c1d-4e5f-8a9b-0c1d2e3f4a5b");
  CHECK(r.TaskExecutionId == "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f");
  CHECK(r.InvocationId == "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0");
  CHECK(r.ExecutionId == "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
  CHECK(*r.TaskType == MaintenanceWindowTaskType::RUN_COMMAND);
  CHECK(
      *r.Parameters ==
      R"({"documentName":"AWS-RunShellScript","parameters":{"commands":["echo \"hello\"","uptime"]},"timeoutSeconds":600})");
  CHECK(*r.Status == MaintenanceWindowExecutionStatus::SUCCESS);
  CHECK(r.StatusDetails == "Success");
  CHECK(r.StartTime->time_since_epoch().count() == 1700000000123);
  CHECK(r.EndTime->time_since_epoch().count() == 1700000042100);
  CHECK(r.OwnerInformation == "team=platform;oncall=alice");
  CHECK(r.WindowTargetId == "e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b");
}

TEST_CASE("every enum value of the model decodes, unknown ones are kept", "[model][enum]") {
  for (auto const& t : awsjson::enum_table<MaintenanceWindowTaskType>) {
    auto r = awsjson::decode<Response>(R"({"TaskType":")" + std::string(t.wire) + "\"}");
    CHECK(*r.TaskType == t.value);
    CHECK(awsjson::to_string(*r.TaskType) == t.wire);
  }
  CHECK(awsjson::enum_table<MaintenanceWindowExecutionStatus>.size() == 8);
  for (auto const& t : awsjson::enum_table<MaintenanceWindowExecutionStatus>) {
    auto r = awsjson::decode<Response>(R"({"Status":")" + std::string(t.wire) + "\"}");
    CHECK(*r.Status == t.value);
  }
  auto r = awsjson::decode<Response>(std::string(R"({"Status":"PAUSED_FOR_MAINTENANCE","TaskType":"BATCH"})"));
  CHECK_FALSE(r.Status->is_known());
  CHECK_FALSE(*r.Status == MaintenanceWindowExecutionStatus::PENDING);
  CHECK(awsjson::to_string(*r.Status) == "PAUSED_FOR_MAINTENANCE");
  CHECK(awsjson::to_string(*r.TaskType) == "BATCH");
  CHECK(r.Status->known() == std::nullopt);
}

TEST_CASE("null and absent members of the response", "[model]") {
  auto r = awsjson::decode<Response>(
      std::string(R"({"WindowExecutionId":null,"Status":null,"StartTime":null,"TaskId":"x"})"));
  CHECK(r == Response{});
  CHECK(awsjson::decode<Response>(std::string("{}")) == Response{});
}

TEST_CASE("unknown members from a newer service version are skipped", "[model]") {
  auto r = awsjson::decode<Response>(
      std::string(R"({"NewMember":{"nested":[1,2,{"x":"y"}]},"Status":"FAILED","AnotherNew":"x","Z":[[[]]]})"));
  CHECK(*r.Status == MaintenanceWindowExecutionStatus::FAILED);
}

TEST_CASE("members in any order", "[model]") {
  auto r = awsjson::decode<Response>(
      std::string(R"({"WindowTargetId":"w","Status":"PENDING","ExecutionId":"e","WindowExecutionId":"x"})"));
  CHECK(r.WindowTargetId == "w");
  CHECK(r.ExecutionId == "e");
  CHECK(r.WindowExecutionId == "x");
}

TEST_CASE("the request decodes, strictly when asked", "[model][request]") {
  std::string body =
      R"({"WindowExecutionId":"11111111-2222-3333-4444-555555555555","TaskId":"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee","InvocationId":"01234567-89ab-cdef-0123-456789abcdef"})";
  awsjson::decode_options strict;
  strict.strict_required = true;
  auto req = awsjson::decode<Request>(body, strict);
  CHECK(req.TaskId == "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
  Request partial;
  auto err = awsjson::decode_into(R"({"WindowExecutionId":"x","InvocationId":"y"})", partial, strict);
  CHECK(err.to_string() == "/TaskId: required member is missing");
}

TEST_CASE("errors decode as described structures", "[model][error]") {
  auto e =
      awsjson::decode<DoesNotExistException>(std::string(R"({"__type":"DoesNotExistException","Message":"nope"})"));
  CHECK(e.Message == "nope");
  static_assert(awsjson::shape_of<InternalServerError>().kind == awsjson::shape_kind::server_error);
  static_assert(awsjson::shape_of<DoesNotExistException>().kind == awsjson::shape_kind::client_error);
}

TEST_CASE("model metadata is data the codec reads", "[model][metadata]") {
  constexpr auto req = awsjson::shape_of<Request>();
  STATIC_REQUIRE(req.members.size() == 3);
  for (auto const& m : req.members) {
    CHECK(m.required);
    CHECK(m.min_length == 36);
    CHECK(m.max_length == 36);
    CHECK(m.pattern == maintenance_window_id_pattern);
  }
  STATIC_REQUIRE(awsjson::member_of<Response>("Parameters").sensitive);
  STATIC_REQUIRE(awsjson::member_of<Response>("OwnerInformation").sensitive);
  STATIC_REQUIRE(awsjson::member_of<Response>("OwnerInformation").max_length == 128);
  STATIC_REQUIRE(!awsjson::member_of<Response>("Status").sensitive);
  STATIC_REQUIRE(awsjson::member_of<Response>("StartTime").timestamp == awsjson::timestamp_format::epoch_seconds);
}

TEST_CASE("open_enum compares and converts as a user expects", "[open_enum]") {
  awsjson::open_enum<MaintenanceWindowExecutionStatus> s = MaintenanceWindowExecutionStatus::TIMED_OUT;
  CHECK(s == MaintenanceWindowExecutionStatus::TIMED_OUT);
  CHECK(s.is_known());
  CHECK(awsjson::to_string(s) == "TIMED_OUT");
  auto u = awsjson::open_enum<MaintenanceWindowExecutionStatus>::from_string("TIMED_OUT");
  CHECK(u == s);
  u.assign("SOMETHING_NEW");
  CHECK(!(u == s));
  CHECK(u.wire() == "SOMETHING_NEW");
  u.assign("PENDING");
  CHECK(u == MaintenanceWindowExecutionStatus::PENDING);
}
