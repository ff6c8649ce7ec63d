// Enums of the SSM maintenance-window model (botocore ssm 2014-11-06).
#pragma once

#include <boost/describe/enum.hpp>

#include "../print.hpp"

namespace awsjson::ssm {

using awsjson::operator<<;  // printing (with redaction) by argument-dependent lookup

/// The type of task a maintenance window runs.
enum class MaintenanceWindowTaskType { RUN_COMMAND, AUTOMATION, STEP_FUNCTIONS, LAMBDA };
BOOST_DESCRIBE_ENUM(MaintenanceWindowTaskType, RUN_COMMAND, AUTOMATION, STEP_FUNCTIONS, LAMBDA)

/// The status of a maintenance window execution, task or invocation.
enum class MaintenanceWindowExecutionStatus {
  PENDING,
  IN_PROGRESS,
  SUCCESS,
  FAILED,
  TIMED_OUT,
  CANCELLING,
  CANCELLED,
  SKIPPED_OVERLAPPING
};
BOOST_DESCRIBE_ENUM(MaintenanceWindowExecutionStatus, PENDING, IN_PROGRESS, SUCCESS, FAILED, TIMED_OUT, CANCELLING,
                    CANCELLED, SKIPPED_OVERLAPPING)

}  // namespace awsjson::ssm
