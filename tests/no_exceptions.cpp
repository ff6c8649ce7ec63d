// Built with -fno-exceptions: the non-throwing API is all a program needs.
#include <awsjson/awsjson.hpp>
#include <awsjson/ssm/get_maintenance_window_execution_task_invocation.hpp>

#include <cstdio>

namespace ssm = awsjson::ssm;

int main() {
#if defined(__cpp_exceptions)
#error "this test must be compiled with -fno-exceptions"
#endif
  int failures = 0;
  auto check = [&](bool ok, char const* what) {
    if (!ok) std::printf("FAILED: %s\n", what), ++failures;
  };
  ssm::GetMaintenanceWindowExecutionTaskInvocationResponse r;
  check(!awsjson::decode_into(R"({"Status":"SUCCESS","StartTime":1700000000.5})", r), "decode_into");
  check(*r.Status == ssm::MaintenanceWindowExecutionStatus::SUCCESS, "status");
  check(awsjson::decode_into(R"({"StartTime":true})", r).path == "/StartTime", "error path");
  std::string out;
  check(!awsjson::encode_into(out, r) && !out.empty(), "encode_into");
  ssm::GetMaintenanceWindowExecutionTaskInvocationRequest req{"11111111-2222-3333-4444-555555555555",
                                                              "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", "x"};
  check(awsjson::validate(req).size() == 2, "validate");
  awsjson::http_request http;
  check(!awsjson::build_request<ssm::GetMaintenanceWindowExecutionTaskInvocation>(req, http), "build_request");
  auto resp = awsjson::decode_response<ssm::GetMaintenanceWindowExecutionTaskInvocation>(
      400, std::vector<awsjson::http_header>{}, R"({"__type":"DoesNotExistException"})");
  check(resp.service_error() && resp.service_error()->is<ssm::DoesNotExistException>(), "decode_response");
  check(awsjson::to_string(r).find("SUCCESS") != std::string::npos, "to_string");
  std::printf("%d passed, %d failed\n", 8 - failures, failures);
  return failures == 0 ? 0 : 1;
}
