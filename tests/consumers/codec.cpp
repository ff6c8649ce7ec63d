// The consumer's codec, compiled once here (the separate-compilation mode: see main.cpp).
#include <awsjson/instantiate.hpp>
#include <awsjson/ssm/get_maintenance_window_execution_task_invocation.hpp>

AWSJSON_INSTANTIATE_CODEC(awsjson::ssm::GetMaintenanceWindowExecutionTaskInvocationResponse);
