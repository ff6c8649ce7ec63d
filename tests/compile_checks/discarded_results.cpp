// Compiled (not run) by the test "results that carry an error cannot be dropped silently": each
// line drops a result that reports failure, and each must draw a nodiscard warning.
#include <awsjson/awsjson.hpp>
#include <awsjson/ssm/get_maintenance_window_execution_task_invocation.hpp>

namespace ssm = awsjson::ssm;

void drops(std::string const& body, ssm::GetMaintenanceWindowExecutionTaskInvocationResponse& r,
           ssm::GetMaintenanceWindowExecutionTaskInvocationRequest const& q, std::string& out, awsjson::timestamp& t,
           awsjson::blob& b, awsjson::http_request& h) {
  awsjson::decode_into(body, r);                                                    // 1
  awsjson::encode_into(out, r);                                                     // 2
  awsjson::build_request<ssm::GetMaintenanceWindowExecutionTaskInvocation>(q, h);   // 3
  awsjson::parse_timestamp_string(body, t);                                         // 4
  awsjson::decode_base64(body, b);                                                  // 5
  awsjson::validate(q);                                                             // 6
  awsjson::make_request<ssm::GetMaintenanceWindowExecutionTaskInvocation>(q);       // 7
  awsjson::decode<ssm::GetMaintenanceWindowExecutionTaskInvocationResponse>(body);  // 8
}
