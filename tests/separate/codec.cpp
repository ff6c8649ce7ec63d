// The one translation unit of this program that compiles the codec of the seed operation.
#include <awsjson/instantiate.hpp>
#include <awsjson/ssm/get_maintenance_window_execution_task_invocation.hpp>

AWSJSON_INSTANTIATE_OPERATION(awsjson::ssm::GetMaintenanceWindowExecutionTaskInvocation);
