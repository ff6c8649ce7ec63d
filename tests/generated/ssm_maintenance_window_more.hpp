// Shapes of two more SSM operations, written exactly as an SDK generator would emit them from the
// botocore model (ssm 2014-11-06): DescribeMaintenanceWindowExecutionTaskInvocations and
// GetMaintenanceWindowTask. Nothing here but described types, their metadata and operation
// descriptors: decoding, encoding, validation, printing and error typing come from awsjson.
#pragma once

#include <awsjson/awsjson.hpp>
#include <awsjson/ssm/enums.hpp>
#include <awsjson/ssm/errors.hpp>

namespace generated::ssm {

using awsjson::operator<<;
using awsjson::ssm::DoesNotExistException;
using awsjson::ssm::InternalServerError;
using awsjson::ssm::MaintenanceWindowExecutionStatus;
using awsjson::ssm::MaintenanceWindowTaskType;

inline constexpr std::string_view uuid_pattern =
    "^[0-9a-fA-F]{8}\\-[0-9a-fA-F]{4}\\-[0-9a-fA-F]{4}\\-[0-9a-fA-F]{4}\\-[0-9a-fA-F]{12}$";

// ---- enums ----
enum class DocumentHashType { Sha256, Sha1 };
BOOST_DESCRIBE_ENUM(DocumentHashType, Sha256, Sha1)

enum class NotificationEvent { All, InProgress, Success, TimedOut, Cancelled, Failed };
BOOST_DESCRIBE_ENUM(NotificationEvent, All, InProgress, Success, TimedOut, Cancelled, Failed)

enum class NotificationType { Command, Invocation };
BOOST_DESCRIBE_ENUM(NotificationType, Command, Invocation)

enum class MaintenanceWindowTaskCutoffBehavior { CONTINUE_TASK, CANCEL_TASK };
BOOST_DESCRIBE_ENUM(MaintenanceWindowTaskCutoffBehavior, CONTINUE_TASK, CANCEL_TASK)

// ---- DescribeMaintenanceWindowExecutionTaskInvocations ----
struct MaintenanceWindowFilter {
  std::optional<std::string> Key;
  std::optional<std::vector<std::string>> Values;
  friend bool operator==(MaintenanceWindowFilter const&, MaintenanceWindowFilter const&) = default;
};
BOOST_DESCRIBE_STRUCT(MaintenanceWindowFilter, (), (Key, Values))
constexpr auto awsjson_shape(MaintenanceWindowFilter const*) {
  return awsjson::shape("MaintenanceWindowFilter", {{.name = "Key", .min_length = 1, .max_length = 128}});
}

struct DescribeMaintenanceWindowExecutionTaskInvocationsRequest {
  std::string WindowExecutionId;
  std::string TaskId;
  std::optional<std::vector<MaintenanceWindowFilter>> Filters;
  std::optional<std::int32_t> MaxResults;
  std::optional<std::string> NextToken;
  friend bool operator==(DescribeMaintenanceWindowExecutionTaskInvocationsRequest const&,
                         DescribeMaintenanceWindowExecutionTaskInvocationsRequest const&) = default;
};
BOOST_DESCRIBE_STRUCT(DescribeMaintenanceWindowExecutionTaskInvocationsRequest, (),
                      (WindowExecutionId, TaskId, Filters, MaxResults, NextToken))
constexpr auto awsjson_shape(DescribeMaintenanceWindowExecutionTaskInvocationsRequest const*) {
  return awsjson::shape(
      "DescribeMaintenanceWindowExecutionTaskInvocationsRequest",
      {
          {.name = "WindowExecutionId", .required = true, .min_length = 36, .max_length = 36, .pattern = uuid_pattern},
          {.name = "TaskId", .required = true, .min_length = 36, .max_length = 36, .pattern = uuid_pattern},
          {.name = "Filters", .min_length = 0, .max_length = 5},
          {.name = "MaxResults", .min_value = 10, .max_value = 100},
      });
}

struct MaintenanceWindowExecutionTaskInvocationIdentity {
  std::optional<std::string> WindowExecutionId;
  std::optional<std::string> TaskExecutionId;
  std::optional<std::string> InvocationId;
  std::optional<std::string> ExecutionId;
  std::optional<awsjson::open_enum<MaintenanceWindowTaskType>> TaskType;
  std::optional<std::string> Parameters;
  std::optional<awsjson::open_enum<MaintenanceWindowExecutionStatus>> Status;
  std::optional<std::string> StatusDetails;
  std::optional<awsjson::timestamp> StartTime;
  std::optional<awsjson::timestamp> EndTime;
  std::optional<std::string> OwnerInformation;
  std::optional<std::string> WindowTargetId;
  friend bool operator==(MaintenanceWindowExecutionTaskInvocationIdentity const&,
                         MaintenanceWindowExecutionTaskInvocationIdentity const&) = default;
};
BOOST_DESCRIBE_STRUCT(MaintenanceWindowExecutionTaskInvocationIdentity, (),
                      (WindowExecutionId, TaskExecutionId, InvocationId, ExecutionId, TaskType, Parameters, Status,
                       StatusDetails, StartTime, EndTime, OwnerInformation, WindowTargetId))
constexpr auto awsjson_shape(MaintenanceWindowExecutionTaskInvocationIdentity const*) {
  return awsjson::shape("MaintenanceWindowExecutionTaskInvocationIdentity",
                        {
                            {.name = "WindowExecutionId", .min_length = 36, .max_length = 36, .pattern = uuid_pattern},
                            {.name = "TaskExecutionId", .min_length = 36, .max_length = 36, .pattern = uuid_pattern},
                            {.name = "InvocationId", .min_length = 36, .max_length = 36, .pattern = uuid_pattern},
                            {.name = "Parameters", .sensitive = true},
                            {.name = "StatusDetails", .min_length = 0, .max_length = 250},
                            {.name = "OwnerInformation", .sensitive = true, .min_length = 1, .max_length = 128},
                            {.name = "WindowTargetId", .max_length = 36},
                        });
}

struct DescribeMaintenanceWindowExecutionTaskInvocationsResult {
  std::optional<std::vector<MaintenanceWindowExecutionTaskInvocationIdentity>> WindowExecutionTaskInvocationIdentities;
  std::optional<std::string> NextToken;
  friend bool operator==(DescribeMaintenanceWindowExecutionTaskInvocationsResult const&,
                         DescribeMaintenanceWindowExecutionTaskInvocationsResult const&) = default;
};
BOOST_DESCRIBE_STRUCT(DescribeMaintenanceWindowExecutionTaskInvocationsResult, (),
                      (WindowExecutionTaskInvocationIdentities, NextToken))

struct DescribeMaintenanceWindowExecutionTaskInvocations {
  using input = DescribeMaintenanceWindowExecutionTaskInvocationsRequest;
  using output = DescribeMaintenanceWindowExecutionTaskInvocationsResult;
  using errors = boost::mp11::mp_list<DoesNotExistException, InternalServerError>;
  static constexpr std::string_view name = "DescribeMaintenanceWindowExecutionTaskInvocations";
  static constexpr std::string_view target_prefix = "AmazonSSM";
  static constexpr std::string_view json_version = "1.1";
};

// ---- GetMaintenanceWindowTask ----
struct GetMaintenanceWindowTaskRequest {
  std::string WindowId;
  std::string WindowTaskId;
  friend bool operator==(GetMaintenanceWindowTaskRequest const&, GetMaintenanceWindowTaskRequest const&) = default;
};
BOOST_DESCRIBE_STRUCT(GetMaintenanceWindowTaskRequest, (), (WindowId, WindowTaskId))
constexpr auto awsjson_shape(GetMaintenanceWindowTaskRequest const*) {
  return awsjson::shape(
      "GetMaintenanceWindowTaskRequest",
      {
          {.name = "WindowId", .required = true, .min_length = 20, .max_length = 20, .pattern = "^mw-[0-9a-f]{17}$"},
          {.name = "WindowTaskId", .required = true, .min_length = 36, .max_length = 36, .pattern = uuid_pattern},
      });
}

struct Target {
  std::optional<std::string> Key;
  std::optional<std::vector<std::string>> Values;
  friend bool operator==(Target const&, Target const&) = default;
};
BOOST_DESCRIBE_STRUCT(Target, (), (Key, Values))
constexpr auto awsjson_shape(Target const*) {
  return awsjson::shape(
      "Target",
      {
          {.name = "Key",
           .min_length = 1,
           .max_length = 163,
           .pattern = "^[\\p{L}\\p{Z}\\p{N}_.:/=\\-@]*$|resource-groups:ResourceTypeFilters|resource-groups:Name"},
          {.name = "Values", .min_length = 0, .max_length = 50},
      });
}

// A sensitive structure: printed as <redacted> wherever it appears.
struct MaintenanceWindowTaskParameterValueExpression {
  std::optional<std::vector<std::string>> Values;
  friend bool operator==(MaintenanceWindowTaskParameterValueExpression const&,
                         MaintenanceWindowTaskParameterValueExpression const&) = default;
};
BOOST_DESCRIBE_STRUCT(MaintenanceWindowTaskParameterValueExpression, (), (Values))
constexpr auto awsjson_shape(MaintenanceWindowTaskParameterValueExpression const*) {
  return awsjson::shape("MaintenanceWindowTaskParameterValueExpression", {{.name = "Values", .sensitive = true}},
                        awsjson::shape_kind::structure, /*sensitive=*/true);
}

struct CloudWatchOutputConfig {
  std::optional<std::string> CloudWatchLogGroupName;
  std::optional<bool> CloudWatchOutputEnabled;
  friend bool operator==(CloudWatchOutputConfig const&, CloudWatchOutputConfig const&) = default;
};
BOOST_DESCRIBE_STRUCT(CloudWatchOutputConfig, (), (CloudWatchLogGroupName, CloudWatchOutputEnabled))
constexpr auto awsjson_shape(CloudWatchOutputConfig const*) {
  return awsjson::shape("CloudWatchOutputConfig",
                        {{.name = "CloudWatchLogGroupName", .min_length = 1, .max_length = 512}});
}

struct NotificationConfig {
  std::optional<std::string> NotificationArn;
  std::optional<std::vector<awsjson::open_enum<NotificationEvent>>> NotificationEvents;
  std::optional<awsjson::open_enum<generated::ssm::NotificationType>> NotificationType;
  friend bool operator==(NotificationConfig const&, NotificationConfig const&) = default;
};
BOOST_DESCRIBE_STRUCT(NotificationConfig, (), (NotificationArn, NotificationEvents, NotificationType))

struct MaintenanceWindowRunCommandParameters {
  std::optional<std::string> Comment;
  // A member named like its type: the type is spelled qualified.
  std::optional<generated::ssm::CloudWatchOutputConfig> CloudWatchOutputConfig;
  std::optional<std::string> DocumentHash;
  std::optional<awsjson::open_enum<generated::ssm::DocumentHashType>> DocumentHashType;
  std::optional<std::string> DocumentVersion;
  std::optional<generated::ssm::NotificationConfig> NotificationConfig;
  std::optional<std::string> OutputS3BucketName;
  std::optional<std::string> OutputS3KeyPrefix;
  std::optional<std::map<std::string, std::vector<std::string>>> Parameters;
  std::optional<std::string> ServiceRoleArn;
  std::optional<std::int32_t> TimeoutSeconds;
  friend bool operator==(MaintenanceWindowRunCommandParameters const&,
                         MaintenanceWindowRunCommandParameters const&) = default;
};
BOOST_DESCRIBE_STRUCT(MaintenanceWindowRunCommandParameters, (),
                      (Comment, CloudWatchOutputConfig, DocumentHash, DocumentHashType, DocumentVersion,
                       NotificationConfig, OutputS3BucketName, OutputS3KeyPrefix, Parameters, ServiceRoleArn,
                       TimeoutSeconds))
constexpr auto awsjson_shape(MaintenanceWindowRunCommandParameters const*) {
  return awsjson::shape("MaintenanceWindowRunCommandParameters",
                        {
                            {.name = "Comment", .max_length = 100},
                            {.name = "DocumentHash", .max_length = 256},
                            {.name = "DocumentVersion", .pattern = "([$]LATEST|[$]DEFAULT|^[1-9][0-9]*$)"},
                            {.name = "OutputS3BucketName", .min_length = 3, .max_length = 63},
                            {.name = "OutputS3KeyPrefix", .max_length = 500},
                            {.name = "Parameters", .sensitive = true},
                            {.name = "TimeoutSeconds", .min_value = 30, .max_value = 2592000},
                        });
}

struct MaintenanceWindowAutomationParameters {
  std::optional<std::string> DocumentVersion;
  std::optional<std::map<std::string, std::vector<std::string>>> Parameters;
  friend bool operator==(MaintenanceWindowAutomationParameters const&,
                         MaintenanceWindowAutomationParameters const&) = default;
};
BOOST_DESCRIBE_STRUCT(MaintenanceWindowAutomationParameters, (), (DocumentVersion, Parameters))
constexpr auto awsjson_shape(MaintenanceWindowAutomationParameters const*) {
  return awsjson::shape("MaintenanceWindowAutomationParameters",
                        {
                            {.name = "DocumentVersion", .pattern = "([$]LATEST|[$]DEFAULT|^[1-9][0-9]*$)"},
                            {.name = "Parameters", .min_length = 1, .max_length = 200},
                        });
}

struct MaintenanceWindowStepFunctionsParameters {
  std::optional<std::string> Input;
  std::optional<std::string> Name;
  friend bool operator==(MaintenanceWindowStepFunctionsParameters const&,
                         MaintenanceWindowStepFunctionsParameters const&) = default;
};
BOOST_DESCRIBE_STRUCT(MaintenanceWindowStepFunctionsParameters, (), (Input, Name))
constexpr auto awsjson_shape(MaintenanceWindowStepFunctionsParameters const*) {
  return awsjson::shape("MaintenanceWindowStepFunctionsParameters",
                        {
                            {.name = "Input", .sensitive = true, .max_length = 4096},
                            {.name = "Name", .min_length = 1, .max_length = 80},
                        });
}

struct MaintenanceWindowLambdaParameters {
  std::optional<std::string> ClientContext;
  std::optional<std::string> Qualifier;
  std::optional<awsjson::blob> Payload;
  friend bool operator==(MaintenanceWindowLambdaParameters const&, MaintenanceWindowLambdaParameters const&) = default;
};
BOOST_DESCRIBE_STRUCT(MaintenanceWindowLambdaParameters, (), (ClientContext, Qualifier, Payload))
constexpr auto awsjson_shape(MaintenanceWindowLambdaParameters const*) {
  return awsjson::shape("MaintenanceWindowLambdaParameters",
                        {
                            {.name = "ClientContext", .min_length = 1, .max_length = 8000},
                            {.name = "Qualifier", .min_length = 1, .max_length = 128},
                            {.name = "Payload", .sensitive = true, .max_length = 4096},
                        });
}

struct MaintenanceWindowTaskInvocationParameters {
  std::optional<MaintenanceWindowRunCommandParameters> RunCommand;
  std::optional<MaintenanceWindowAutomationParameters> Automation;
  std::optional<MaintenanceWindowStepFunctionsParameters> StepFunctions;
  std::optional<MaintenanceWindowLambdaParameters> Lambda;
  friend bool operator==(MaintenanceWindowTaskInvocationParameters const&,
                         MaintenanceWindowTaskInvocationParameters const&) = default;
};
BOOST_DESCRIBE_STRUCT(MaintenanceWindowTaskInvocationParameters, (), (RunCommand, Automation, StepFunctions, Lambda))

struct LoggingInfo {
  std::string S3BucketName;
  std::optional<std::string> S3KeyPrefix;
  std::string S3Region;
  friend bool operator==(LoggingInfo const&, LoggingInfo const&) = default;
};
BOOST_DESCRIBE_STRUCT(LoggingInfo, (), (S3BucketName, S3KeyPrefix, S3Region))
constexpr auto awsjson_shape(LoggingInfo const*) {
  return awsjson::shape("LoggingInfo",
                        {
                            {.name = "S3BucketName", .required = true, .min_length = 3, .max_length = 63},
                            {.name = "S3KeyPrefix", .max_length = 500},
                            {.name = "S3Region", .required = true, .min_length = 3, .max_length = 20},
                        });
}

struct Alarm {
  std::string Name;
  friend bool operator==(Alarm const&, Alarm const&) = default;
};
BOOST_DESCRIBE_STRUCT(Alarm, (), (Name))
constexpr auto awsjson_shape(Alarm const*) {
  return awsjson::shape(
      "Alarm", {{.name = "Name", .required = true, .min_length = 1, .max_length = 255, .pattern = "^(?!\\s*$).+"}});
}

struct AlarmConfiguration {
  std::optional<bool> IgnorePollAlarmFailure;
  std::vector<Alarm> Alarms;
  friend bool operator==(AlarmConfiguration const&, AlarmConfiguration const&) = default;
};
BOOST_DESCRIBE_STRUCT(AlarmConfiguration, (), (IgnorePollAlarmFailure, Alarms))
constexpr auto awsjson_shape(AlarmConfiguration const*) {
  return awsjson::shape("AlarmConfiguration", {{.name = "Alarms", .required = true, .min_length = 1, .max_length = 1}});
}

struct GetMaintenanceWindowTaskResult {
  std::optional<std::string> WindowId;
  std::optional<std::string> WindowTaskId;
  std::optional<std::vector<Target>> Targets;
  std::optional<std::string> TaskArn;
  std::optional<std::string> ServiceRoleArn;
  std::optional<awsjson::open_enum<MaintenanceWindowTaskType>> TaskType;
  std::optional<std::map<std::string, MaintenanceWindowTaskParameterValueExpression>> TaskParameters;
  std::optional<MaintenanceWindowTaskInvocationParameters> TaskInvocationParameters;
  std::optional<std::int32_t> Priority;
  std::optional<std::string> MaxConcurrency;
  std::optional<std::string> MaxErrors;
  std::optional<generated::ssm::LoggingInfo> LoggingInfo;
  std::optional<std::string> Name;
  std::optional<std::string> Description;
  std::optional<awsjson::open_enum<MaintenanceWindowTaskCutoffBehavior>> CutoffBehavior;
  std::optional<generated::ssm::AlarmConfiguration> AlarmConfiguration;
  friend bool operator==(GetMaintenanceWindowTaskResult const&, GetMaintenanceWindowTaskResult const&) = default;
};
BOOST_DESCRIBE_STRUCT(GetMaintenanceWindowTaskResult, (),
                      (WindowId, WindowTaskId, Targets, TaskArn, ServiceRoleArn, TaskType, TaskParameters,
                       TaskInvocationParameters, Priority, MaxConcurrency, MaxErrors, LoggingInfo, Name, Description,
                       CutoffBehavior, AlarmConfiguration))
constexpr auto awsjson_shape(GetMaintenanceWindowTaskResult const*) {
  return awsjson::shape(
      "GetMaintenanceWindowTaskResult",
      {
          {.name = "WindowId", .min_length = 20, .max_length = 20, .pattern = "^mw-[0-9a-f]{17}$"},
          {.name = "WindowTaskId", .min_length = 36, .max_length = 36, .pattern = uuid_pattern},
          {.name = "Targets", .min_length = 0, .max_length = 5},
          {.name = "TaskArn", .min_length = 1, .max_length = 1600},
          {.name = "TaskParameters", .sensitive = true},
          {.name = "Priority", .min_value = 0},
          {.name = "MaxConcurrency",
           .min_length = 1,
           .max_length = 7,
           .pattern = "^([1-9][0-9]*|[1-9][0-9]%|[1-9]%|100%)$"},
          {.name = "MaxErrors",
           .min_length = 1,
           .max_length = 7,
           .pattern = "^([1-9][0-9]*|[0]|[1-9][0-9]%|[0-9]%|100%)$"},
          {.name = "Name", .min_length = 3, .max_length = 128, .pattern = "^[a-zA-Z0-9_\\-.]{3,128}$"},
          {.name = "Description", .sensitive = true, .min_length = 1, .max_length = 128},
      });
}

struct GetMaintenanceWindowTask {
  using input = GetMaintenanceWindowTaskRequest;
  using output = GetMaintenanceWindowTaskResult;
  using errors = boost::mp11::mp_list<DoesNotExistException, InternalServerError>;
  static constexpr std::string_view name = "GetMaintenanceWindowTask";
  static constexpr std::string_view target_prefix = "AmazonSSM";
  static constexpr std::string_view json_version = "1.1";
};

}  // namespace generated::ssm
