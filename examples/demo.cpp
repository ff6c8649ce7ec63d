// The demo: decode a bundled GetMaintenanceWindowExecutionTaskInvocation response and print it.
#include <awsjson/awsjson.hpp>
#include <awsjson/ssm/get_maintenance_window_execution_task_invocation.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

namespace ssm = awsjson::ssm;

template <class T>
static void show(char const* name, std::optional<T> const& v) {
  std::cout << "  " << name << ": ";
  if (!v) {
    std::cout << "(absent)\n";
  } else if constexpr (awsjson::is_open_enum<T>) {
    std::cout << awsjson::to_string(*v) << (v->is_known() ? "" : " (a value this build does not know)") << "\n";
  } else if constexpr (awsjson::is_timestamp<T>) {
    std::string s;
    awsjson::append_date_time(s, *v);
    std::cout << s << "\n";
  } else {
    std::cout << *v << "\n";
  }
}

int main(int argc, char** argv) {
  std::string path = argc > 1 ? argv[1] : AWSJSON_SAMPLE_DIR "/sample_response.json";
  std::ifstream file(path);
  if (!file) {
    std::cerr << "cannot open " << path << "\n";
    return 1;
  }
  std::stringstream body;
  body << file.rdbuf();

  ssm::GetMaintenanceWindowExecutionTaskInvocationResponse r;
  if (auto err = awsjson::decode_into(body.str(), r)) {
    std::cerr << "decode failed: " << err.to_string() << "\n";
    return 1;
  }
  std::cout << "GetMaintenanceWindowExecutionTaskInvocation response (" << path << "):\n";
  show("WindowExecutionId", r.WindowExecutionId);
  show("TaskExecutionId", r.TaskExecutionId);
  show("InvocationId", r.InvocationId);
  show("ExecutionId", r.ExecutionId);
  show("TaskType", r.TaskType);
  show("Parameters", r.Parameters);
  show("Status", r.Status);
  show("StatusDetails", r.StatusDetails);
  show("StartTime", r.StartTime);
  show("EndTime", r.EndTime);
  show("OwnerInformation", r.OwnerInformation);
  show("WindowTargetId", r.WindowTargetId);
  if (r.Status && *r.Status == ssm::MaintenanceWindowExecutionStatus::SUCCESS) std::cout << "The invocation succeeded.\n";
  return 0;
}
