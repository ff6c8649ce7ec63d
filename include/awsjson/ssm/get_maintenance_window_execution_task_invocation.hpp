// SSM GetMaintenanceWindowExecutionTaskInvocation: retrieves information about a specific task
// running on a specific target. Types and model metadata only; the codec is generic.
#pragma once

#include <boost/describe/class.hpp>
#include <boost/mp11/list.hpp>

#include <optional>
#include <string>

#include "../metadata.hpp"
#include "../open_enum.hpp"
#include "../print.hpp"
#include "../timestamp.hpp"
#include "enums.hpp"
#include "errors.hpp"

namespace awsjson::ssm {

using awsjson::operator<<;  // printing (with redaction) by argument-dependent lookup

/// The pattern of the model's maintenance-window IDs (a UUID), as botocore has it.
inline constexpr std::string_view maintenance_window_id_pattern =
    "^[0-9a-fA-F]{8}\\-[0-9a-fA-F]{4}\\-[0-9a-fA-F]{4}\\-[0-9a-fA-F]{4}\\-[0-9a-fA-F]{12}$";

struct GetMaintenanceWindowExecutionTaskInvocationRequest {
  /// The ID of the maintenance window execution for which the task is a part.
  std::string WindowExecutionId;
  /// The ID of the specific task in the maintenance window task that should be retrieved.
  std::string TaskId;
  /// The invocation ID to retrieve.
  std::string InvocationId;

  friend bool operator==(GetMaintenanceWindowExecutionTaskInvocationRequest const&,
                         GetMaintenanceWindowExecutionTaskInvocationRequest const&) = default;
};
BOOST_DESCRIBE_STRUCT(GetMaintenanceWindowExecutionTaskInvocationRequest, (), (WindowExecutionId, TaskId, InvocationId))

constexpr auto awsjson_shape(GetMaintenanceWindowExecutionTaskInvocationRequest const*) {
  return awsjson::shape("GetMaintenanceWindowExecutionTaskInvocationRequest",
                        {
                            {.name = "WindowExecutionId",
                             .required = true,
                             .min_length = 36,
                             .max_length = 36,
                             .pattern = maintenance_window_id_pattern},
                            {.name = "TaskId",
                             .required = true,
                             .min_length = 36,
                             .max_length = 36,
                             .pattern = maintenance_window_id_pattern},
                            {.name = "InvocationId",
                             .required = true,
                             .min_length = 36,
                             .max_length = 36,
                             .pattern = maintenance_window_id_pattern},
                        });
}

struct GetMaintenanceWindowExecutionTaskInvocationResponse {
  /// The maintenance window execution ID.
  std::optional<std::string> WindowExecutionId;
  /// The task execution ID.
  std::optional<std::string> TaskExecutionId;
  /// The invocation ID.
  std::optional<std::string> InvocationId;
  /// The execution ID.
  std::optional<std::string> ExecutionId;
  /// Retrieves the task type for a maintenance window.
  std::optional<awsjson::open_enum<MaintenanceWindowTaskType>> TaskType;
  /// The parameters used at the time that the task ran.
  std::optional<std::string> Parameters;
  /// The task status for an invocation.
  std::optional<awsjson::open_enum<MaintenanceWindowExecutionStatus>> Status;
  /// The details explaining the status. Details are only available for certain status values.
  std::optional<std::string> StatusDetails;
  /// The time that the task started running on the target.
  std::optional<awsjson::timestamp> StartTime;
  /// The time that the task finished running on the target.
  std::optional<awsjson::timestamp> EndTime;
  /// User-provided value to be included in any Amazon CloudWatch Events or Amazon EventBridge
  /// events raised while running tasks for these targets in this maintenance window.
  std::optional<std::string> OwnerInformation;
  /// The maintenance window target ID.
  std::optional<std::string> WindowTargetId;

  friend bool operator==(GetMaintenanceWindowExecutionTaskInvocationResponse const&,
                         GetMaintenanceWindowExecutionTaskInvocationResponse const&) = default;
};
BOOST_DESCRIBE_STRUCT(GetMaintenanceWindowExecutionTaskInvocationResponse, (),
                      (WindowExecutionId, TaskExecutionId, InvocationId, ExecutionId, TaskType, Parameters, Status,
                       StatusDetails, StartTime, EndTime, OwnerInformation, WindowTargetId))

constexpr auto awsjson_shape(GetMaintenanceWindowExecutionTaskInvocationResponse const*) {
  return awsjson::shape(
      "GetMaintenanceWindowExecutionTaskInvocationResponse",
      {
          {.name = "WindowExecutionId", .min_length = 36, .max_length = 36, .pattern = maintenance_window_id_pattern},
          {.name = "TaskExecutionId", .min_length = 36, .max_length = 36, .pattern = maintenance_window_id_pattern},
          {.name = "InvocationId", .min_length = 36, .max_length = 36, .pattern = maintenance_window_id_pattern},
          {.name = "Parameters", .sensitive = true},
          {.name = "StatusDetails", .min_length = 0, .max_length = 250},
          {.name = "StartTime", .timestamp = awsjson::timestamp_format::epoch_seconds},
          {.name = "EndTime", .timestamp = awsjson::timestamp_format::epoch_seconds},
          {.name = "OwnerInformation", .sensitive = true, .min_length = 1, .max_length = 128},
          {.name = "WindowTargetId", .max_length = 36},
      });
}

/// The operation: its input, output and error types and its wire facts (awsJson 1.1:
/// POST /, X-Amz-Target AmazonSSM.GetMaintenanceWindowExecutionTaskInvocation).
struct GetMaintenanceWindowExecutionTaskInvocation {
  using input = GetMaintenanceWindowExecutionTaskInvocationRequest;
  using output = GetMaintenanceWindowExecutionTaskInvocationResponse;
  using errors = boost::mp11::mp_list<DoesNotExistException, InternalServerError>;
  static constexpr std::string_view name = "GetMaintenanceWindowExecutionTaskInvocation";
  static constexpr std::string_view target_prefix = "AmazonSSM";
  static constexpr std::string_view json_version = "1.1";
};

}  // namespace awsjson::ssm
