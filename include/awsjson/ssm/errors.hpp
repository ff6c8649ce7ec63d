// Errors GetMaintenanceWindowExecutionTaskInvocation can return.
#pragma once

#include <boost/describe/class.hpp>

#include <optional>
#include <string>

#include "../metadata.hpp"
#include "../print.hpp"

namespace awsjson::ssm {

using awsjson::operator<<;  // printing (with redaction) by argument-dependent lookup

/// Error returned when the ID specified for a resource, such as a maintenance window or patch
/// baseline, doesn't exist.
struct DoesNotExistException {
  std::optional<std::string> Message;
  friend bool operator==(DoesNotExistException const&, DoesNotExistException const&) = default;
};
BOOST_DESCRIBE_STRUCT(DoesNotExistException, (), (Message))

constexpr auto awsjson_shape(DoesNotExistException const*) {
  return awsjson::shape("DoesNotExistException", awsjson::shape_kind::client_error);
}

/// An error occurred on the server side.
struct InternalServerError {
  std::optional<std::string> Message;
  friend bool operator==(InternalServerError const&, InternalServerError const&) = default;
};
BOOST_DESCRIBE_STRUCT(InternalServerError, (), (Message))

constexpr auto awsjson_shape(InternalServerError const*) {
  return awsjson::shape("InternalServerError", awsjson::shape_kind::server_error);
}

}  // namespace awsjson::ssm
