// What every benchmarked decoder shares: the response type, and helpers a hand-written decoder
// for it would also need (enum lookup, timestamps from doubles for the DOM-based peers).
#pragma once

// Only the model: a peer (the hand-written decoder above all) must not lean on awsjson's codec,
// and tools/compile-time.sh compiles the hand-written decoder alone as a reference.
#include <awsjson/ssm/get_maintenance_window_execution_task_invocation.hpp>

#include <cmath>
#include <optional>

namespace bench {

using Response = awsjson::ssm::GetMaintenanceWindowExecutionTaskInvocationResponse;
using Request = awsjson::ssm::GetMaintenanceWindowExecutionTaskInvocationRequest;

// DOM peers hand out epoch seconds as a double; round to the millisecond so that every decoder
// yields the same value for the same 3-decimal input (aws-sdk-cpp truncates instead, and can be
// 1 ms off).
inline awsjson::timestamp from_seconds(double s) {
  return awsjson::timestamp(std::chrono::milliseconds(std::llround(s * 1000.0)));
}

template <class T>
T& slot(std::optional<T>& o) {
  if (!o) o.emplace();
  return *o;
}

}  // namespace bench
