// Fuzz target: error typing from an HTTP status, an X-Amzn-Errortype header and a body. The input's
// first byte picks the status, the part up to the first newline is the header, the rest the body.
#include <awsjson/awsjson.hpp>
#include <awsjson/ssm/get_maintenance_window_execution_task_invocation.hpp>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  if (size == 0) return 0;
  int status = 200 + data[0] % 4 * 100;  // 200, 300, 400, 500
  std::string_view rest(reinterpret_cast<char const*>(data) + 1, size - 1);
  auto nl = rest.find('\n');
  std::string_view header = nl == std::string_view::npos ? std::string_view() : rest.substr(0, nl);
  std::string_view body = nl == std::string_view::npos ? rest : rest.substr(nl + 1);
  std::vector<awsjson::http_header> headers;
  if (!header.empty()) headers.push_back({"X-Amzn-Errortype", std::string(header)});
  auto r = awsjson::decode_response<awsjson::ssm::GetMaintenanceWindowExecutionTaskInvocation>(status, headers, body);
  if (status < 300 ? r.service_error() != nullptr : r.service_error() == nullptr) std::abort();
  if (auto const* e = r.service_error()) {
    if (e->code.find(':') != std::string::npos) std::abort();  // sanitized: no ':' survives
    (void)e->is_fault();
  }
  return 0;
}
