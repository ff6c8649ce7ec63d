// awsjson-ssm against moto_server, every request signed and the signature checked by the server
// (run through tests/integration/with_moto.py, which starts the server and makes the access key).
// The CLI is run as a user runs it; its output is read back as JSON.
#include "run_command.hpp"

namespace {

// Runs awsjson-ssm with `args` against moto (unless args choose another endpoint); `env` prefixes.
result ssm(std::vector<std::string> const& args, std::string const& env = "", bool at_moto = true) {
  return run_command(AWSJSON_CLI_PATH, args, env, at_moto);
}

}  // namespace

TEST_CASE("a maintenance window, its target and its task: created, read, listed and deleted", "[integration]") {
  auto created = ssm({"create-maintenance-window", "--name", "awsjson-window", "--schedule", "cron(0 2 ? * SUN *)",
                      "--duration", "2", "--cutoff", "1", "--allow-unassociated-targets"});
  RUN_OK(created);
  std::string window = member(created.out, "/WindowId");
  CHECK(window.rfind("mw-", 0) == 0);

  auto got = ssm({"get-maintenance-window", "--window-id", window});
  RUN_OK(got);
  CHECK(member(got.out, "/Name") == "awsjson-window");
  CHECK(member(got.out, "/Schedule") == "cron(0 2 ? * SUN *)");
  auto listed = ssm({"describe-maintenance-windows"});
  RUN_OK(listed);
  CHECK(listed.out.find(window) != std::string::npos);
  // Global options before the operation, as people type them (the AWS CLI takes both places).
  auto first = ssm({"--endpoint-url", endpoint(), "--region", std::getenv("AWS_REGION"), "--debug",
                    "describe-maintenance-windows", "--max-results", "10"},
                   "", false);
  RUN_OK(first);
  CHECK(first.out.find(window) != std::string::npos);
  CHECK(first.err.find("canonical request:") != std::string::npos);
  auto not_global = ssm({"--window-id", window, "get-maintenance-window"}, "", false);
  CHECK(not_global.status == 252);
  CHECK(not_global.err.find("--window-id before the operation is not a global option") != std::string::npos);

  auto target = ssm({"register-target-with-maintenance-window", "--window-id", window, "--resource-type", "INSTANCE",
                     "--targets", R"([{"Key":"InstanceIds","Values":["i-0123456789abcdef0"]}])"});
  RUN_OK(target);
  std::string target_id = member(target.out, "/WindowTargetId");
  auto targets = ssm({"describe-maintenance-window-targets", "--window-id", window});
  RUN_OK(targets);
  CHECK(targets.out.find(target_id) != std::string::npos);
  CHECK(targets.out.find("i-0123456789abcdef0") != std::string::npos);

  auto task = ssm({"register-task-with-maintenance-window", "--window-id", window, "--task-arn", "AWS-RunShellScript",
                   "--task-type", "RUN_COMMAND", "--max-concurrency", "1", "--max-errors", "1", "--targets",
                   R"([{"Key":"WindowTargetIds","Values":[")" + target_id + R"("]}])"});
  RUN_OK(task);
  std::string task_id = member(task.out, "/WindowTaskId");
  auto tasks = ssm({"describe-maintenance-window-tasks", "--window-id", window});
  RUN_OK(tasks);
  CHECK(tasks.out.find(task_id) != std::string::npos);

  RUN_OK(ssm({"deregister-task-from-maintenance-window", "--window-id", window, "--window-task-id", task_id}));
  RUN_OK(ssm({"deregister-target-from-maintenance-window", "--window-id", window, "--window-target-id", target_id}));
  RUN_OK(ssm({"delete-maintenance-window", "--window-id", window}));  // moto answers {}, AWS the window's id

  // Gone: the service's typed error, on stderr, with a non-zero status.
  auto gone = ssm({"get-maintenance-window", "--window-id", window});
  INFO(gone.err);
  CHECK(gone.status == 254);
  CHECK(gone.out.empty());
  CHECK(gone.err.find("An error occurred (DoesNotExistException) when calling the GetMaintenanceWindow operation") !=
        std::string::npos);
  CHECK(gone.err.find("a client error") != std::string::npos);
}

TEST_CASE("a SecureString parameter: its value redacted in the output unless asked for", "[integration]") {
  std::string secret = "PLANTED-SECRET-hunter2";
  RUN_OK(ssm({"put-parameter", "--name", "/app/awsjson/password", "--value", secret, "--type", "SecureString",
              "--overwrite"}));
  auto got = ssm({"get-parameter", "--name", "/app/awsjson/password", "--with-decryption"});
  RUN_OK(got);
  CHECK(member(got.out, "/Parameter/Name") == "/app/awsjson/password");
  CHECK(member(got.out, "/Parameter/Value") == "***");
  CHECK(got.out.find(secret) == std::string::npos);
  auto shown = ssm({"get-parameter", "--name", "/app/awsjson/password", "--with-decryption", "--show-sensitive"});
  RUN_OK(shown);
  CHECK(member(shown.out, "/Parameter/Value") == secret);

  auto by_path = ssm({"get-parameters-by-path", "--path", "/app/awsjson", "--recursive", "--with-decryption"});
  RUN_OK(by_path);
  CHECK(member(by_path.out, "/Parameters/0/Name") == "/app/awsjson/password");
  CHECK(member(by_path.out, "/Parameters/0/Value") == "***");
  CHECK(by_path.out.find(secret) == std::string::npos);
  // --debug prints the signing steps: never the secret key.
  auto debug = ssm({"get-parameter", "--name", "/app/awsjson/password", "--debug"});
  RUN_OK(debug);
  CHECK(debug.err.find("canonical request:") != std::string::npos);
  CHECK(debug.err.find(std::getenv("AWS_SECRET_ACCESS_KEY")) == std::string::npos);
}

TEST_CASE("what goes wrong is reported: a bad signature, a server fault, no server, bad input", "[integration]") {
  // A wrong secret key: moto answers 403 with an XML SignatureDoesNotMatch.
  auto forged = ssm({"describe-maintenance-windows"}, "AWS_SECRET_ACCESS_KEY=PLANTED-SECRET-wrong");
  INFO(forged.err);
  CHECK(forged.status == 254);
  CHECK(forged.err.find("An error occurred (SignatureDoesNotMatch)") != std::string::npos);
  CHECK(forged.err.find("HTTP status 403") != std::string::npos);
  CHECK(forged.err.find("PLANTED-SECRET") == std::string::npos);

  // The seed operation, which moto does not implement: a 500 HTML page, shown raw.
  std::string id = "1a2b3c4d-1a2b-1a2b-1a2b-1a2b3c4d5e6f";
  auto seed = ssm({"get-maintenance-window-execution-task-invocation", "--window-execution-id", id, "--task-id", id,
                   "--invocation-id", id});
  INFO(seed.err);
  CHECK(seed.status == 254);
  CHECK(seed.err.find("HTTP status 500, a server fault") != std::string::npos);
  CHECK(seed.err.find("The answer was not JSON:") != std::string::npos);
  CHECK(seed.err.find("<title>500 Internal Server Error</title>") != std::string::npos);

  // Nobody listening.
  auto refused = ssm({"describe-maintenance-windows", "--endpoint-url", "http://127.0.0.1:9"}, "", false);
  INFO(refused.err);
  CHECK(refused.status == 255);
  CHECK(refused.err.find("Could not connect to the endpoint URL \"http://127.0.0.1:9\"") != std::string::npos);

  // Input the model rejects: every violation at once, nothing sent.
  auto invalid = ssm({"get-maintenance-window", "--window-id", "mw-1"});
  INFO(invalid.err);
  CHECK(invalid.status == 252);
  CHECK(invalid.err.find("/WindowId: length") != std::string::npos);
  auto wrong_type = ssm({"create-maintenance-window", "--name", "abc", "--duration", "two"});
  CHECK(wrong_type.status == 252);
  CHECK(wrong_type.err.find("--duration") != std::string::npos);
  auto unknown = ssm({"get-maintenance-window", "--window", "x"});
  CHECK(unknown.status == 252);
  CHECK(unknown.err.find("get-maintenance-window has no option --window") != std::string::npos);
}
