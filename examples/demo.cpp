// The demo: the whole round trip of GetMaintenanceWindowExecutionTaskInvocation with awsjson.
// 1. decode a bundled sample response and print every member;
// 2. build and validate a request, and print the HTTP request it would send;
// 3. decode a sample error response.
#include <awsjson/awsjson.hpp>
#include <awsjson/ssm/get_maintenance_window_execution_task_invocation.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

namespace ssm = awsjson::ssm;
using Op = ssm::GetMaintenanceWindowExecutionTaskInvocation;

template <class T>
static void show(char const* name, std::optional<T> const& v) {
  std::cout << "  " << name << ": ";
  if (!v) {
    std::cout << "(absent)\n";
  } else if constexpr (awsjson::is_open_enum<T>) {
    std::cout << *v << (v->is_known() ? "" : " (a value this build does not know)") << "\n";
  } else if constexpr (awsjson::is_timestamp<T>) {
    std::string s;
    awsjson::append_date_time(s, *v);
    std::cout << s << "\n";
  } else {
    std::cout << *v << "\n";
  }
}

static std::string read_file(std::string const& path) {
  std::ifstream file(path);
  std::stringstream body;
  body << file.rdbuf();
  return body.str();
}

int main(int argc, char** argv) {
  std::string path = argc > 1 ? argv[1] : AWSJSON_SAMPLE_DIR "/sample_response.json";
  std::string body = read_file(path);
  if (body.empty()) {
    std::cerr << "cannot read " << path << "\n";
    return 1;
  }

  // 1. The response: every member, as the program sees it.
  ssm::GetMaintenanceWindowExecutionTaskInvocationResponse r;
  if (auto err = awsjson::decode_into(body, r)) {
    std::cerr << "decode failed: " << err.to_string() << "\n";
    return 1;
  }
  std::cout << "== Response (" << path << ")\n";
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
  // What a log line shows: sensitive members (Parameters, OwnerInformation) are redacted.
  std::cout << "  logged as: " << r << "\n";

  // 2. The request: validate against the model, then build the HTTP request to sign and send.
  ssm::GetMaintenanceWindowExecutionTaskInvocationRequest req{*r.WindowExecutionId, *r.TaskExecutionId,
                                                              *r.InvocationId};
  std::cout << "\n== Request\n";
  auto violations = awsjson::validate(req);
  std::cout << "  validation: " << (violations.empty() ? "ok" : violations.front().to_string()) << "\n";
  ssm::GetMaintenanceWindowExecutionTaskInvocationRequest typo = req;
  typo.TaskId = "not-a-task-id";
  for (auto const& v : awsjson::validate(typo)) std::cout << "  a typo would be caught: " << v.to_string() << "\n";
  awsjson::http_request http;
  if (auto err = awsjson::build_request<Op>(req, http)) {
    std::cerr << "cannot build the request: " << err.to_string() << "\n";
    return 1;
  }
  std::cout << "  " << http.method << " " << http.path << " HTTP/1.1\n";
  for (auto const& h : http.headers) std::cout << "  " << h.name << ": " << h.value << "\n";
  std::cout << "  Content-Length: " << http.body.size() << "\n\n  " << http.body << "\n";

  // 3. An error response, as SSM sends it for an unknown invocation.
  std::cout << "\n== Error response\n";
  std::vector<awsjson::http_header> headers{{"x-amzn-RequestId", "5f2c9c1e-1d3b-4c2a-9a43-7f0d1e2b3c4d"},
                                            {"Content-Type", "application/x-amz-json-1.1"}};
  std::string error_body = read_file(AWSJSON_SAMPLE_DIR "/sample_error.json");
  auto answer = awsjson::decode_response<Op>(400, headers, error_body);
  if (auto const* e = answer.service_error()) {
    std::cout << "  code: " << e->code << "\n  message: " << e->message
              << "\n  request id: " << answer.metadata.request_id
              << "\n  server fault: " << (e->is_fault() ? "yes" : "no") << "\n";
    if (auto const* missing = e->get_if<ssm::DoesNotExistException>()) std::cout << "  typed: " << *missing << "\n";
  }
  return 0;
}
