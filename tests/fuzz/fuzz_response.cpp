// Fuzz target: the operation's response, request and error types from arbitrary bytes.
#include <awsjson/ssm/get_maintenance_window_execution_task_invocation.hpp>

#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  std::string_view input(reinterpret_cast<char const*>(data), size);
  fuzz::round_trip<awsjson::ssm::GetMaintenanceWindowExecutionTaskInvocationResponse>(input);
  fuzz::round_trip<awsjson::ssm::GetMaintenanceWindowExecutionTaskInvocationRequest>(input);
  fuzz::round_trip<awsjson::ssm::DoesNotExistException>(input);
  return 0;
}
