// A consumer of awsjson: decodes the sample response and checks a few members. Built header-only,
// and with AWSJSON_CONSUMER_SEPARATE against awsjson/compiled.hpp, its codec in codec.cpp.
#if defined(AWSJSON_CONSUMER_SEPARATE)
#include <awsjson/compiled.hpp>
#else
#include <awsjson/awsjson.hpp>
#endif
#include <awsjson/ssm/get_maintenance_window_execution_task_invocation.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  std::ifstream f(argv[1]);
  std::stringstream body;
  body << f.rdbuf();
  awsjson::ssm::GetMaintenanceWindowExecutionTaskInvocationResponse r;
  if (auto err = awsjson::decode_into(body.str(), r)) {
    std::cerr << err.to_string() << "\n";
    return 1;
  }
  bool ok = r.Status && *r.Status == awsjson::ssm::MaintenanceWindowExecutionStatus::SUCCESS && r.StartTime &&
            r.StartTime->time_since_epoch().count() == 1700000000123;
  std::cout << (ok ? "consumer ok: " : "consumer FAILED: ") << r << "\n";
  return ok ? 0 : 1;
}
