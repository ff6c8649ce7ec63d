// The awsjson command against moto_server, signatures enforced (tests/integration/with_moto.py):
// pagination compared with boto3's paginator (tests/integration/boto3_pages.py), waiters,
// global options before and after the command, a profile, --cli-input-json, several services.
#include "run_command.hpp"

namespace {

result awsjson(std::vector<std::string> const& args, std::string const& env = "", bool at_moto = true) {
  return run_command(AWSJSON_COMMAND_PATH, args, env, at_moto);
}

simdjson::dom::element parse(simdjson::dom::parser& parser, std::string const& json) {
  simdjson::dom::element doc;
  INFO(json);
  REQUIRE(parser.parse(json).get(doc) == simdjson::SUCCESS);
  return doc;
}

// The names of the "Parameters" list of an output.
std::vector<std::string> parameter_names(std::string const& json) {
  simdjson::dom::parser parser;
  std::vector<std::string> names;
  simdjson::dom::array list;
  if (parse(parser, json)["Parameters"].get_array().get(list) != simdjson::SUCCESS) return names;
  for (auto p : list) names.emplace_back(p["Name"].get_string().value());
  return names;
}

// The AWS CLI (awscli, where installed) with the same arguments, at the same moto_server.
bool have_aws_cli() { return std::system("command -v aws >/dev/null 2>&1") == 0; }
result aws_cli(std::vector<std::string> const& args, std::string const& env = "") {
  return run_command("aws", args, env);
}

// boto3's build_full_result() for the same call.
result boto3_pages(std::string const& service, std::string const& operation, std::string const& params,
                   std::string const& config = "{}") {
  std::string script = std::string(AWSJSON_TEST_SOURCE_DIR) + "/boto3_pages.py";
  return run_command("python3", {script, service, operation, params, config}, "", false);
}

std::size_t count(std::string const& text, std::string const& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("60 SSM parameters: every page followed and merged, as boto3's paginator does", "[integration][pages]") {
  for (int i = 0; i < 60; ++i) {
    char name[64];
    std::snprintf(name, sizeof name, "/cli-pages/p%02d", i);
    RUN_OK(awsjson({"ssm", "put-parameter", "--name", name, "--value", "v" + std::to_string(i), "--type", "String",
                    "--overwrite"}));  // (again for each section)
  }
  std::string const path = "/cli-pages";  // (names beginning with aws are reserved)
  auto all = awsjson({"ssm", "get-parameters-by-path", "--path", path, "--debug"});
  RUN_OK(all);
  auto names = parameter_names(all.out);
  CHECK(names.size() == 60);
  CHECK(count(all.err, "GetParametersByPath attempt 1: POST") >= 6);  // moto answers 10 a page
  auto botocore = boto3_pages("ssm", "get_parameters_by_path", R"({"Path":")" + path + R"("})");
  RUN_OK(botocore);
  CHECK(names == parameter_names(botocore.out));
  CHECK(all.out.find("NextToken") == std::string::npos);

  SECTION("--max-items and --starting-token go through the list in parts, as boto3 resumes them") {
    std::vector<std::string> seen;
    std::string token;
    for (int part = 0; part < 3; ++part) {
      std::vector<std::string> args{"ssm", "get-parameters-by-path", "--path", path, "--max-items", "25"};
      if (!token.empty()) args.insert(args.end(), {"--starting-token", token});
      auto r = awsjson(args);
      RUN_OK(r);
      auto got = parameter_names(r.out);
      CHECK(got.size() == (part < 2 ? 25u : 10u));
      seen.insert(seen.end(), got.begin(), got.end());
      simdjson::dom::parser parser;
      std::string_view next;
      bool has_next = parse(parser, r.out)["NextToken"].get_string().get(next) == simdjson::SUCCESS;
      CHECK(has_next == (part < 2));
      if (part == 0) {  // boto3 takes awsjson's token where it left off
        auto resumed = boto3_pages("ssm", "get_parameters_by_path", R"({"Path":")" + path + R"("})",
                                   R"({"StartingToken":")" + std::string(next) + R"(","MaxItems":5})");
        RUN_OK(resumed);
        auto five = parameter_names(resumed.out);
        REQUIRE(five.size() == 5);
        CHECK(five.front() == names[25]);
      }
      token = std::string(next);
    }
    CHECK(seen == names);
  }
  SECTION("--page-size sets the limit key; --no-paginate makes one call") {
    auto sized = awsjson({"ssm", "get-parameters-by-path", "--path", path, "--page-size", "7", "--debug"});
    RUN_OK(sized);
    CHECK(parameter_names(sized.out).size() == 60);
    CHECK(count(sized.err, "GetParametersByPath attempt 1: POST") == 9);
    auto one = awsjson({"--no-paginate", "ssm", "get-parameters-by-path", "--path", path});
    RUN_OK(one);
    CHECK(parameter_names(one.out).size() == 10);
    CHECK(one.out.find("\"NextToken\"") != std::string::npos);
  }
  SECTION("a bad starting token is refused before any call") {
    auto bad = awsjson({"ssm", "get-parameters-by-path", "--path", path, "--starting-token", "not base64!"});
    CHECK(bad.status == 252);
    CHECK(bad.err.find("--starting-token") != std::string::npos);
  }
}

TEST_CASE("waiters: a DynamoDB table waited for, and a wait that times out", "[integration][wait]") {
  RUN_OK(awsjson({"dynamodb", "create-table", "--table-name", "awsjson-wait", "--attribute-definitions",
                  R"([{"AttributeName":"pk","AttributeType":"S"}])", "--key-schema",
                  R"([{"AttributeName":"pk","KeyType":"HASH"}])", "--billing-mode", "PAY_PER_REQUEST"}));
  auto exists = awsjson({"dynamodb", "wait", "table-exists", "--table-name", "awsjson-wait"});
  RUN_OK(exists);
  CHECK(exists.out.empty());

  auto start = std::chrono::steady_clock::now();
  auto timeout = awsjson({"--waiter-delay", "1", "dynamodb", "wait", "table-not-exists", "--table-name", "awsjson-wait",
                          "--waiter-max-attempts", "3"});
  auto took = std::chrono::steady_clock::now() - start;
  INFO(timeout.err);
  CHECK(timeout.status == 255);
  CHECK(timeout.err.find("Waiter TableNotExists failed: Max attempts exceeded") != std::string::npos);
  CHECK(took >= std::chrono::seconds(2));  // two waits of a second between three attempts

  RUN_OK(awsjson({"dynamodb", "delete-table", "--table-name", "awsjson-wait"}));
  RUN_OK(awsjson({"dynamodb", "wait", "table-not-exists", "--table-name", "awsjson-wait"}));

  auto unknown = awsjson({"dynamodb", "wait", "table-gone", "--table-name", "x"});
  CHECK(unknown.status == 252);
  CHECK(unknown.err.find("no waiter named table-gone") != std::string::npos);
}

TEST_CASE("global options before and after the command; --output; --cli-input-json", "[integration]") {
  auto before = awsjson({"--endpoint-url", endpoint(), "--region", "us-east-1", "--output", "json", "sqs",
                         "create-queue", "--queue-name", "awsjson-options"},
                        "", false);
  RUN_OK(before);
  std::string url = member(before.out, "/QueueUrl");
  auto after =
      awsjson({"sqs", "get-queue-url", "--queue-name", "awsjson-options", "--region", "us-east-1", "--output", "json"});
  RUN_OK(after);
  CHECK(member(after.out, "/QueueUrl") == url);
  auto yaml = awsjson({"--output", "yaml", "sqs", "list-queues"});
  CHECK(yaml.status == 252);
  CHECK(yaml.err.find("--output yaml: expected json, text or table") != std::string::npos);

  // The input as JSON, on the command line or in a file; options given too win.
  RUN_OK(awsjson({"sqs", "send-message", "--cli-input-json", R"({"QueueUrl":")" + url + R"(","MessageBody":"one"})"}));
  auto file = std::filesystem::temp_directory_path() / ("awsjson-input-" + std::to_string(getpid()) + ".json");
  std::ofstream(file) << R"({"QueueUrl":")" + url + R"(","MessageBody":"ignored"})";
  RUN_OK(awsjson({"sqs", "send-message", "--cli-input-json", "file://" + file.string(), "--message-body", "two"}));
  std::filesystem::remove(file);
  auto received = awsjson({"sqs", "receive-message", "--queue-url", url, "--max-number-of-messages", "10"});
  RUN_OK(received);
  CHECK(received.out.find("\"one\"") != std::string::npos);
  CHECK(received.out.find("\"two\"") != std::string::npos);
  CHECK(received.out.find("ignored") == std::string::npos);

  // A missing queue: the service's error, with SQS's query-compatible code.
  auto missing = awsjson({"sqs", "get-queue-url", "--queue-name", "awsjson-no-such-queue"});
  CHECK(missing.status == 254);
  CHECK(missing.err.find("AWS.SimpleQueueService.NonExistentQueue") != std::string::npos);
  // Required options left out: named, before any request, as the AWS CLI names them.
  auto required = awsjson({"sqs", "send-message", "--message-body", "x"});
  CHECK(required.status == 252);
  CHECK(required.err == "awsjson: the following arguments are required: --queue-url\n");
  auto both = awsjson({"ssm", "put-parameter", "--type", "String"});
  CHECK(both.status == 252);
  CHECK(both.err == "awsjson: the following arguments are required: --name, --value\n");
  RUN_OK(
      awsjson({"sqs", "send-message", "--cli-input-json", R"({"QueueUrl":")" + url + R"("})", "--message-body", "y"}));
  auto no_service = awsjson({"s3", "list-buckets"});
  CHECK(no_service.status == 252);
  CHECK(no_service.err.find("no service named s3") != std::string::npos);
}

TEST_CASE("credentials from a profile only; none at all is a configuration error", "[integration]") {
  auto dir = std::filesystem::temp_directory_path() / ("awsjson-profile-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "credentials") << "[moto]\naws_access_key_id = " << std::getenv("AWS_ACCESS_KEY_ID")
                                     << "\naws_secret_access_key = " << std::getenv("AWS_SECRET_ACCESS_KEY") << "\n";
  std::ofstream(dir / "config") << "[profile moto]\nregion = us-east-1\n";
  std::string files =
      "env -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY -u AWS_REGION AWS_EC2_METADATA_DISABLED=true "
      "AWS_SHARED_CREDENTIALS_FILE=" +
      (dir / "credentials").string() + " AWS_CONFIG_FILE=" + (dir / "config").string();
  auto listed = awsjson({"kms", "list-keys", "--profile", "moto"}, files);
  RUN_OK(listed);
  auto none = awsjson({"kms", "list-keys", "--region", "us-east-1"}, files);
  INFO(none.err);
  CHECK(none.status == 253);
  std::filesystem::remove_all(dir);
}

TEST_CASE("KMS keys listed as boto3 lists them; a secret's value shown only when asked", "[integration][pages]") {
  for (int i = 0; i < 3; ++i) RUN_OK(awsjson({"kms", "create-key", "--description", "awsjson " + std::to_string(i)}));
  auto keys = awsjson({"kms", "list-keys", "--page-size", "1", "--debug"});
  RUN_OK(keys);
  CHECK(count(keys.out, "\"KeyId\"") >= 3);
  CHECK(count(keys.err, "ListKeys attempt 1: POST") >= 1);  // moto answers every key at once
  auto botocore = boto3_pages("kms", "list_keys", "{}", R"({"PageSize":1})");
  RUN_OK(botocore);
  CHECK(count(botocore.out, "\"KeyId\"") == count(keys.out, "\"KeyId\""));

  std::string secret = "PLANTED-SECRET-cli-4711";
  RUN_OK(awsjson({"secretsmanager", "create-secret", "--name", "awsjson-cli", "--secret-string", secret}));
  auto hidden = awsjson({"secretsmanager", "get-secret-value", "--secret-id", "awsjson-cli", "--debug"});
  RUN_OK(hidden);
  CHECK(member(hidden.out, "/SecretString") == "***");
  CHECK(hidden.out.find(secret) == std::string::npos);
  CHECK(hidden.err.find(secret) == std::string::npos);
  auto shown = awsjson({"secretsmanager", "get-secret-value", "--secret-id", "awsjson-cli", "--show-sensitive"});
  RUN_OK(shown);
  CHECK(member(shown.out, "/SecretString") == secret);
}

TEST_CASE("--query, --output text, ISO 8601 timestamps and help, as the AWS CLI writes them", "[integration][output]") {
  for (int i = 0; i < 12; ++i)  // two pages of moto's ten
    RUN_OK(awsjson({"ssm", "put-parameter", "--name", "/cli-out/p" + std::to_string(10 + i), "--value",
                    "v" + std::to_string(i), "--type", "String", "--overwrite"}));
  // The AWS CLI 1.x prints timestamps as received unless told iso8601 (2.x's default, and awsjson's).
  auto config = std::filesystem::temp_directory_path() / ("awsjson-out-" + std::to_string(getpid()) + ".ini");
  std::ofstream(config) << "[default]\ncli_timestamp_format = iso8601\nregion = us-east-1\n";
  std::string iso = "AWS_CONFIG_FILE=" + config.string() + " TZ=Asia/Kolkata";

  auto value =
      awsjson({"ssm", "get-parameter", "--name", "/cli-out/p10", "--query", "Parameter.Name", "--output", "text"});
  RUN_OK(value);
  CHECK(value.out == "/cli-out/p10\n");
  auto names = awsjson({"ssm", "get-parameters-by-path", "--path", "/cli-out", "--query", "Parameters[].Name"});
  RUN_OK(names);  // JSON over the merged pages
  CHECK(count(names.out, "\"/cli-out/p") == 12);
  CHECK(names.out.rfind("[\n    \"/cli-out/p", 0) == 0);
  auto rows = awsjson({"ssm", "get-parameters-by-path", "--path", "/cli-out", "--output", "text"}, iso);
  RUN_OK(rows);
  CHECK(count(rows.out, "PARAMETERS\tarn:aws:ssm:") == 12);
  CHECK(count(rows.out, "+05:30\t/cli-out/p") == 12);  // the local time zone's offset
  auto by_page = awsjson(
      {"ssm", "get-parameters-by-path", "--path", "/cli-out", "--output", "text", "--query", "Parameters[].Name"});
  RUN_OK(by_page);  // text is written page by page: a line of names for each
  CHECK(count(by_page.out, "\n") == 2);
  std::ofstream(config.string() + ".none") << "[default]\ncli_timestamp_format = none\n";
  auto epoch = awsjson({"ssm", "get-parameter", "--name", "/cli-out/p10", "--query", "Parameter.LastModifiedDate"},
                       "AWS_CONFIG_FILE=" + config.string() + ".none");
  RUN_OK(epoch);
  CHECK(epoch.out.find_first_not_of("0123456789.\n") == std::string::npos);  // as the service sent it
  auto bad = awsjson({"ssm", "get-parameter", "--name", "x", "--query", "Parameter.["});
  CHECK(bad.status == 252);
  CHECK(bad.err.find("--query: JMESPath `Parameter.[`") != std::string::npos);

  if (have_aws_cli()) {  // the same commands through the AWS CLI: the same bytes
    std::vector<std::vector<std::string>> same{
        {"ssm", "get-parameters-by-path", "--path", "/cli-out", "--output", "text"},
        {"ssm", "get-parameters-by-path", "--path", "/cli-out", "--output", "text", "--query", "Parameters[].Name"},
        {"ssm", "get-parameters-by-path", "--path", "/cli-out", "--query", "Parameters[].Name"},
        {"ssm", "get-parameters-by-path", "--path", "/cli-out", "--query", "Parameters[0]"},
        {"ssm", "get-parameter", "--name", "/cli-out/p11", "--output", "text"},
        {"ssm", "get-parameter", "--name", "/cli-out/p11"},
        {"ssm", "describe-parameters", "--output", "text", "--max-items", "3", "--query", "Parameters[].Name"},
        {"ssm", "get-parameters-by-path", "--path", "/cli-out", "--output", "text", "--max-items", "3"},
        {"ssm", "get-parameters-by-path", "--path", "/cli-out", "--max-items", "11"},  // the token too
        {"ssm", "get-parameters-by-path", "--path", "/cli-out", "--output", "table"},
        {"ssm", "get-parameter", "--name", "/cli-out/p11", "--output", "table"},  // too wide: made a column
        {"ssm", "get-parameters-by-path", "--path", "/cli-out", "--output", "table", "--query", "Parameters[].Name"},
        // multiselect lists and hashes, pipes: --query as its users write it
        {"ssm", "get-parameters-by-path", "--path", "/cli-out", "--output", "text", "--query",
         "Parameters[].[Name, Type]"},
        {"ssm", "get-parameters-by-path", "--path", "/cli-out", "--query",
         "Parameters[].{N: Name, T: Type, V: Version}"},
        {"ssm", "get-parameters-by-path", "--path", "/cli-out", "--output", "table", "--query",
         "Parameters[].{Name: Name, Type: Type}"},
        {"ssm", "get-parameter", "--name", "/cli-out/p11", "--query", "Parameter.[Name, Type] | [0]"},
        {"ssm", "get-parameters-by-path", "--path", "/cli-out", "--output", "text", "--query", "Parameters[-2:].Name"},
        // JMESPath's functions
        {"ssm", "get-parameters-by-path", "--path", "/cli-out", "--output", "text", "--query",
         "reverse(sort_by(Parameters, &Name))[].[Name, to_string(Version)]"},
        {"ssm", "get-parameters-by-path", "--path", "/cli-out", "--query",
         "{last: max_by(Parameters, &Version).Name, names: join(',', Parameters[?contains(Name, '1')].Name)}"},
    };
    for (auto const& args : same) {
      auto shown = args;  // SSM's values are @sensitive: awsjson redacts them unless asked
      shown.push_back("--show-sensitive");
      auto ours = awsjson(shown, iso), theirs = aws_cli(args, iso);
      INFO(args[1] << " " << args.back() << "\n" << theirs.err);
      RUN_OK(ours);
      RUN_OK(theirs);
      CHECK(ours.out == theirs.out);
    }
  } else {
    WARN("the AWS CLI (aws) is not installed: its output is not compared");
  }

  auto help = awsjson({"ssm", "put-parameter", "help"}, "", false);
  RUN_OK(help);
  CHECK(help.out.find("--name (string) [required]") != std::string::npos);
  CHECK(help.out.find("--overwrite | --no-overwrite (boolean)") != std::string::npos);
  CHECK(help.out.find("--tags (list)") != std::string::npos);
  CHECK(help.out.find("--value (string) [required] [sensitive") != std::string::npos);
  CHECK(help.out.find("o SecureString") != std::string::npos);  // --type's values
  CHECK(help.out.find("o Advanced") != std::string::npos);      // --tier's
  auto wait_help = awsjson({"dynamodb", "wait", "table-exists", "help"}, "", false);
  RUN_OK(wait_help);
  CHECK(wait_help.out.find("--table-name (string) [required]") != std::string::npos);
  std::filesystem::remove(config);
  std::filesystem::remove(config.string() + ".none");
}

TEST_CASE("shorthand options, as the AWS CLI reads them", "[integration][shorthand]") {
  // A list of structures as words; a structure; a map; a list inside a structure (Values=a,b).
  RUN_OK(awsjson({"ssm", "put-parameter", "--name", "/cli-short/ours", "--value", "v", "--type", "String", "--tags",
                  "Key=env,Value=prod", "Key=team,Value='core, infra'"}));
  auto tags = awsjson({"ssm", "list-tags-for-resource", "--resource-type", "Parameter", "--resource-id",
                       "/cli-short/ours", "--output", "text"});
  RUN_OK(tags);
  CHECK(tags.out == "TAGLIST\tenv\tprod\nTAGLIST\tteam\tcore, infra\n");
  auto filtered = awsjson({"ssm", "describe-parameters", "--parameter-filters",
                           "Key=Name,Option=BeginsWith,Values=/cli-short/o,/cli-short/x", "--query",
                           "Parameters[].Name", "--output", "text"});
  RUN_OK(filtered);
  CHECK(filtered.out == "/cli-short/ours\n");
  if (have_aws_cli()) {  // the AWS CLI given the same words makes the same parameter
    RUN_OK(aws_cli({"ssm", "put-parameter", "--name", "/cli-short/theirs", "--value", "v", "--type", "String", "--tags",
                    "Key=env,Value=prod", "Key=team,Value='core, infra'", "--region", "us-east-1"}));
    auto theirs = awsjson({"ssm", "list-tags-for-resource", "--resource-type", "Parameter", "--resource-id",
                           "/cli-short/theirs", "--output", "text"});
    RUN_OK(theirs);
    CHECK(theirs.out == tags.out);
  }

  auto queue = awsjson({"sqs", "create-queue", "--queue-name", "cli-short", "--attributes",
                        "DelaySeconds=5,VisibilityTimeout=60", "--query", "QueueUrl", "--output", "text"});
  RUN_OK(queue);
  auto url = queue.out.substr(0, queue.out.size() - 1);
  auto attributes = awsjson({"sqs", "get-queue-attributes", "--queue-url", url, "--attribute-names", "DelaySeconds",
                             "VisibilityTimeout", "--output", "text"});
  RUN_OK(attributes);
  CHECK(attributes.out == "ATTRIBUTES\t5\t60\n");

  RUN_OK(awsjson({"dynamodb", "create-table", "--table-name", "cli-short", "--attribute-definitions",
                  "AttributeName=id,AttributeType=S", "--key-schema", "AttributeName=id,KeyType=HASH",
                  "--provisioned-throughput", "ReadCapacityUnits=1,WriteCapacityUnits=2"}));
  auto write = awsjson({"dynamodb", "describe-table", "--table-name", "cli-short", "--query",
                        "Table.ProvisionedThroughput.WriteCapacityUnits", "--output", "text"});
  RUN_OK(write);  // a long from its text
  CHECK(write.out == "2\n");

  auto typo = awsjson({"ssm", "add-tags-to-resource", "--resource-type", "Parameter", "--resource-id",
                       "/cli-short/ours", "--tags", "Kee=env,Value=prod"});
  CHECK(typo.status == 252);
  CHECK(typo.err == "awsjson: --tags: Kee is not one of Key, Value\n");
  auto broken = awsjson({"ssm", "add-tags-to-resource", "--resource-type", "Parameter", "--resource-id",
                         "/cli-short/ours", "--tags", "Key=env,Value=[prod"});
  CHECK(broken.status == 252);
  CHECK(broken.err.find("--tags: shorthand: ") != std::string::npos);
  auto json_still = awsjson({"ssm", "add-tags-to-resource", "--resource-type", "Parameter", "--resource-id",
                             "/cli-short/ours", "--tags", R"([{"Key":"json","Value":"yes"}])"});
  RUN_OK(json_still);
}
