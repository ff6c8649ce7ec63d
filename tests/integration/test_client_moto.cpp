// awsjson::client against moto_server, every request signed and the signature checked by the
// server (run through tests/integration/with_moto.py, which starts it and makes the access key):
// credentials from a profile file alone and from credential_process, through roles (a profile's,
// a chain of two, a web identity token file), a wrong secret, retries
// through a local proxy that throttles and drops connections in front of moto, and calls of
// SSM, DynamoDB (awsJson 1.0), SQS (awsQueryCompatible) and Secrets Manager.
#include <catch2/catch.hpp>

#include <awsjson/client.hpp>
#include <awsjson/dynamodb/create_table.hpp>
#include <awsjson/dynamodb/get_item.hpp>
#include <awsjson/dynamodb/list_tables.hpp>
#include <awsjson/dynamodb/put_item.hpp>
#include <awsjson/secretsmanager/create_secret.hpp>
#include <awsjson/secretsmanager/get_secret_value.hpp>
#include <awsjson/sqs/create_queue.hpp>
#include <awsjson/sqs/get_queue_url.hpp>
#include <awsjson/sqs/receive_message.hpp>
#include <awsjson/sqs/send_message.hpp>
#include <awsjson/ssm/get_parameter.hpp>
#include <awsjson/ssm/put_parameter.hpp>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <thread>

#include "../client/local_server.hpp"
#include "../client/support.hpp"

using client_test::env_of;
using client_test::temp_dir;

namespace {

std::string env(char const* name) {
  char const* v = std::getenv(name);
  REQUIRE(v);  // set by with_moto.py
  return v;
}

template <class T>
T from_json(std::string_view json) {
  T value;
  auto err = awsjson::decode_into(json, value);
  INFO(err.to_string());
  REQUIRE_FALSE(err);
  return value;
}

awsjson::client_options moto_options(std::vector<double>* waits = nullptr) {
  awsjson::client_options o;
  o.endpoint_url = env("AWSJSON_TEST_ENDPOINT");
  o.region = env("AWS_REGION");
  o.env = env_of({{"AWS_ACCESS_KEY_ID", env("AWS_ACCESS_KEY_ID")},
                  {"AWS_SECRET_ACCESS_KEY", env("AWS_SECRET_ACCESS_KEY")},
                  {"AWS_EC2_METADATA_DISABLED", "true"}});
  o.sleep = [waits](std::chrono::duration<double> d) {
    if (waits) waits->push_back(d.count());
  };
  return o;
}

std::string get_parameter(awsjson::client const& c, std::string const& name) {
  awsjson::ssm::GetParameterRequest in;
  in.Name = name;
  auto r = c.call<awsjson::ssm::GetParameter>(in);
  if (auto const* e = r.service_error()) FAIL(e->code + ": " + e->message);
  if (auto const* f = r.failure()) FAIL(f->message);
  REQUIRE(r.result());
  return r.result()->Parameter && r.result()->Parameter->Value ? *r.result()->Parameter->Value : "";
}

void put_parameter(awsjson::client const& c, std::string const& name, std::string const& value) {
  awsjson::ssm::PutParameterRequest in;
  in.Name = name;
  in.Value = value;
  in.Type = awsjson::ssm::ParameterType::String;
  in.Overwrite = true;
  auto r = c.call<awsjson::ssm::PutParameter>(in);
  if (auto const* e = r.service_error()) FAIL(e->code + ": " + e->message);
  if (auto const* f = r.failure()) FAIL(f->message);
  REQUIRE(r.ok());
}

}  // namespace

TEST_CASE("credentials from a profile file alone (no keys in the environment)", "[client][moto]") {
  temp_dir d;
  auto creds = d.write("credentials", "[itest]\naws_access_key_id = " + env("AWS_ACCESS_KEY_ID") +
                                          "\naws_secret_access_key = " + env("AWS_SECRET_ACCESS_KEY") + "\n");
  auto config = d.write("config", "[profile itest]\nregion = " + env("AWS_REGION") + "\n");
  auto o = moto_options();
  o.region.clear();
  o.env = env_of({{"AWS_SHARED_CREDENTIALS_FILE", creds},
                  {"AWS_CONFIG_FILE", config},
                  {"AWS_PROFILE", "itest"},
                  {"AWS_EC2_METADATA_DISABLED", "true"}});
  awsjson::client c(o);
  CHECK(c.region() == env("AWS_REGION"));
  put_parameter(c, "/itest/client/profile", "from-a-profile");
  CHECK(get_parameter(c, "/itest/client/profile") == "from-a-profile");
  CHECK(c.credentials().found->source == "shared-credentials-file");
}

TEST_CASE("credentials through roles: assume role from a profile, and a chain of two", "[client][moto][roles]") {
  // moto's STS issues the role's keys and checks the signatures made with them.
  temp_dir d;
  auto creds = d.write("credentials", "[base]\naws_access_key_id = " + env("AWS_ACCESS_KEY_ID") +
                                          "\naws_secret_access_key = " + env("AWS_SECRET_ACCESS_KEY") + "\n");
  auto config = d.write("config",
                        "[profile hop]\nrole_arn = arn:aws:iam::123456789012:role/hop\nsource_profile = base\n"
                        "[profile app]\nrole_arn = arn:aws:iam::123456789012:role/app\nsource_profile = hop\n"
                        "role_session_name = awsjson-itest\nregion = " +
                            env("AWS_REGION") + "\n");
  for (std::string profile : {"hop", "app"}) {
    INFO(profile);
    auto o = moto_options();
    o.profile = profile;
    o.env = env_of({{"AWS_SHARED_CREDENTIALS_FILE", creds},
                    {"AWS_CONFIG_FILE", config},
                    {"AWS_ENDPOINT_URL_STS", env("AWSJSON_TEST_ENDPOINT")},
                    {"AWS_EC2_METADATA_DISABLED", "true"}});
    awsjson::client c(o);
    auto found = c.credentials();
    INFO(found.error);
    REQUIRE(found.found);
    CHECK(found.found->source == "assume-role");
    CHECK(found.found->keys.access_key_id != env("AWS_ACCESS_KEY_ID"));
    CHECK_FALSE(found.found->keys.session_token.empty());
    CHECK(found.found->expiration);
    put_parameter(c, "/itest/client/role-" + profile, "through a role");
    CHECK(get_parameter(c, "/itest/client/role-" + profile) == "through a role");
    auto tables = c.call<awsjson::dynamodb::ListTables>({});  // DynamoDB, awsJson 1.0, with the role's keys
    INFO((tables.failure() ? tables.failure()->message : ""));
    CHECK(tables.ok());
  }
}

TEST_CASE("credentials from a web identity token file", "[client][moto][roles]") {
  // On the second moto_server (no signature checks: moto answers AssumeRoleWithWebIdentity with
  // HTTP 500 where it checks them). What is checked: the token file read, the call STS answers,
  // the role's keys in the chain's answer and a call made with them.
  std::string open = env("AWSJSON_TEST_OPEN_ENDPOINT");
  temp_dir d;
  auto token = d.write("token", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhd3Nqc29uIn0.c2lnbmF0dXJl\n");
  awsjson::client_options o;
  o.endpoint_url = open;
  o.region = env("AWS_REGION");
  o.env = env_of({{"AWS_WEB_IDENTITY_TOKEN_FILE", token},
                  {"AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/app"},
                  {"AWS_ROLE_SESSION_NAME", "awsjson-itest"},
                  {"AWS_ENDPOINT_URL_STS", open},
                  {"AWS_EC2_METADATA_DISABLED", "true"}});
  awsjson::client c(o);
  auto found = c.credentials();
  INFO(found.error);
  REQUIRE(found.found);
  CHECK(found.found->source == "assume-role-with-web-identity");
  CHECK(found.found->keys.access_key_id.starts_with("ASIA"));
  CHECK_FALSE(found.found->keys.session_token.empty());
  CHECK(found.found->expiration);
  auto tables = c.call<awsjson::dynamodb::ListTables>({});
  INFO((tables.failure() ? tables.failure()->message : ""));
  CHECK(tables.ok());
}

TEST_CASE("credentials from a container credentials server on 127.0.0.1 (the default chain, nothing else)",
          "[client][moto]") {
  std::string const document = R"({"AccessKeyId":")" + env("AWS_ACCESS_KEY_ID") + R"(","SecretAccessKey":")" +
                               env("AWS_SECRET_ACCESS_KEY") + R"(","Expiration":"2099-01-01T00:00:00Z"})";
  testing::local_server server([&](testing::local_request const& r) {
    bool authorized = r.headers.count("authorization") && r.headers.at("authorization") == "container-PLANTED";
    if (r.path != "/v2/credentials/app" || !authorized) return testing::local_answer{401, {}, "{}"};
    return testing::local_answer{200, {{"Content-Type", "application/json"}}, document};
  });
  auto o = moto_options();
  o.env = env_of({{"AWS_CONTAINER_CREDENTIALS_FULL_URI", server.url() + "/v2/credentials/app"},
                  {"AWS_CONTAINER_AUTHORIZATION_TOKEN", "container-PLANTED"},
                  {"AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials"},
                  {"AWS_CONFIG_FILE", "/nonexistent/config"},
                  {"AWS_EC2_METADATA_DISABLED", "true"}});
  std::vector<std::string> log;
  o.log = [&](std::string const& line) { log.push_back(line); };
  awsjson::client c(o);
  put_parameter(c, "/itest/client/container", "from-a-container");
  CHECK(get_parameter(c, "/itest/client/container") == "from-a-container");
  CHECK(c.credentials().found->source == "container-role");
  CHECK(server.requests().size() == 1);  // cached: fetched once for every call
  for (auto const& line : log) {
    CHECK(line.find(env("AWS_SECRET_ACCESS_KEY")) == std::string::npos);
    CHECK(line.find("container-PLANTED") == std::string::npos);
  }
}

TEST_CASE("credentials from an IMDSv2 server on 127.0.0.1 that requires its token (the default chain)",
          "[client][moto]") {
  std::string const token = "imds-PLANTED";
  std::string const document = R"({"Code":"Success","AccessKeyId":")" + env("AWS_ACCESS_KEY_ID") +
                               R"(","SecretAccessKey":")" + env("AWS_SECRET_ACCESS_KEY") +
                               R"(","Expiration":"2099-01-01T00:00:00Z"})";
  testing::local_server server([&](testing::local_request const& r) {
    if (r.method == "PUT" && r.path == "/latest/api/token")
      return r.headers.count("x-aws-ec2-metadata-token-ttl-seconds") ? testing::local_answer{200, {}, token}
                                                                     : testing::local_answer{400, {}, ""};
    if (!r.headers.count("x-aws-ec2-metadata-token") || r.headers.at("x-aws-ec2-metadata-token") != token)
      return testing::local_answer{401, {}, ""};
    if (r.path == "/latest/meta-data/iam/security-credentials/") return testing::local_answer{200, {}, "app-role"};
    if (r.path == "/latest/meta-data/iam/security-credentials/app-role")
      return testing::local_answer{200, {}, document};
    return testing::local_answer{404, {}, ""};
  });
  auto o = moto_options();
  o.env = env_of({{"AWS_EC2_METADATA_SERVICE_ENDPOINT", server.url()},
                  {"AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials"},
                  {"AWS_CONFIG_FILE", "/nonexistent/config"}});
  std::vector<std::string> log;
  o.log = [&](std::string const& line) { log.push_back(line); };
  awsjson::client c(o);
  put_parameter(c, "/itest/client/imds", "from-instance-metadata");
  CHECK(get_parameter(c, "/itest/client/imds") == "from-instance-metadata");
  CHECK(c.credentials().found->source == "iam-role");
  CHECK(server.requests().size() == 3);  // token, role, credentials: once
  for (auto const& line : log) CHECK(line.find(token) == std::string::npos);
}

TEST_CASE("credentials from credential_process", "[client][moto]") {
  temp_dir d;
  auto script = d.write("creds.sh",
                        "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"" + env("AWS_ACCESS_KEY_ID") +
                            "\", \"SecretAccessKey\": \"" + env("AWS_SECRET_ACCESS_KEY") + "\"}'\n",
                        true);
  auto config = d.write("config", "[default]\ncredential_process = " + script + "\n");
  auto o = moto_options();
  o.env = env_of({{"AWS_CONFIG_FILE", config},
                  {"AWS_SHARED_CREDENTIALS_FILE", (d.path / "none").string()},
                  {"AWS_EC2_METADATA_DISABLED", "true"}});
  awsjson::client c(o);
  put_parameter(c, "/itest/client/process", "from-a-process");
  CHECK(get_parameter(c, "/itest/client/process") == "from-a-process");
  CHECK(c.credentials().found->source == "credential-process");
}

TEST_CASE("a wrong secret is the service's error, not retried", "[client][moto]") {
  auto o = moto_options();
  o.env = env_of({{"AWS_ACCESS_KEY_ID", env("AWS_ACCESS_KEY_ID")},
                  {"AWS_SECRET_ACCESS_KEY", "PLANTED-WRONG-SECRET"},
                  {"AWS_EC2_METADATA_DISABLED", "true"}});
  std::vector<std::string> log;
  o.log = [&](std::string const& line) { log.push_back(line); };
  awsjson::client c(o);
  awsjson::ssm::GetParameterRequest in;
  in.Name = "/itest/client/profile";
  auto r = c.call<awsjson::ssm::GetParameter>(in);
  REQUIRE(r.service_error());
  CHECK(r.service_error()->http_status / 100 == 4);
  CHECK_FALSE(r.service_error()->code.empty());
  CHECK(r.attempts == 1);
  for (auto const& line : log) CHECK(line.find("PLANTED-WRONG-SECRET") == std::string::npos);
}

TEST_CASE("retries through a proxy that throttles and drops connections in front of moto_server", "[client][moto]") {
  std::atomic<int> seen{0}, throttle{0}, drop{0};
  auto upstream = std::make_shared<awsjson::curl_transport>();
  std::string moto = env("AWSJSON_TEST_ENDPOINT");
  testing::local_server proxy([&](testing::local_request const& r) {
    ++seen;
    if (drop > 0) {
      --drop;
      return testing::local_answer{0, {}, {}, true};
    }
    if (throttle > 0) {
      --throttle;
      return testing::local_answer{400,
                                   {{"Content-Type", "application/x-amz-json-1.1"}},
                                   R"({"__type":"ThrottlingException","message":"Rate exceeded"})"};
    }
    awsjson::http_request forward{r.method, r.path, {}, r.body};
    for (auto const& [k, v] : r.headers)
      if (k != "content-length" && k != "connection" && k != "accept") forward.headers.push_back({k, v});
    awsjson::http_response answer;
    if (upstream->send(moto, forward, answer)) return testing::local_answer{502, {}, "{}"};
    testing::local_answer a{answer.status, {}, answer.body};
    for (auto const& h : answer.headers)
      if (h.name != "Content-Length" && h.name != "content-length" && h.name != "Connection")
        a.headers.push_back({h.name, h.value});
    return a;
  });
  std::vector<double> waits;
  auto o = moto_options(&waits);
  o.endpoint_url = proxy.url();
  awsjson::client c(o);
  put_parameter(c, "/itest/client/retry", "after-retries");

  SECTION("throttled twice, then answered: 3 attempts") {
    throttle = 2;
    seen = 0;
    waits.clear();
    awsjson::ssm::GetParameterRequest in;
    in.Name = "/itest/client/retry";
    auto r = c.call<awsjson::ssm::GetParameter>(in);
    REQUIRE(r.ok());
    CHECK(r.result()->Parameter->Value == "after-retries");
    CHECK(r.attempts == 3);
    CHECK(seen == 3);
    REQUIRE(waits.size() == 2);
    CHECK(waits[0] <= 1.0);
    CHECK(waits[1] <= 2.0);
  }
  SECTION("throttled past the limit: the service's error after exactly the attempts configured") {
    auto o4 = o;
    o4.retry.max_attempts = 4;
    awsjson::client c4(o4);
    throttle = 10;
    seen = 0;
    awsjson::ssm::GetParameterRequest in;
    in.Name = "/itest/client/retry";
    auto r = c4.call<awsjson::ssm::GetParameter>(in);
    REQUIRE(r.service_error());
    CHECK(r.service_error()->code == "ThrottlingException");
    CHECK(r.attempts == 4);
    CHECK(seen == 4);
    throttle = 0;
  }
  SECTION("an empty retry quota stops retries: one attempt, then tokens come back on success") {
    awsjson::client fresh(o);
    throttle = 1'000'000;
    for (int i = 0; i < 50; ++i)
      CHECK(fresh.call<awsjson::ssm::GetParameter>({.Name = "/itest/client/retry"}).attempts == 3);
    CHECK(fresh.quota().available() == 0);  // 50 calls x 2 retries x 5 tokens
    seen = 0;
    auto r = fresh.call<awsjson::ssm::GetParameter>({.Name = "/itest/client/retry"});
    REQUIRE(r.service_error());
    CHECK(r.service_error()->code == "ThrottlingException");
    CHECK(r.attempts == 1);
    CHECK(seen == 1);
    throttle = 0;
    CHECK(get_parameter(fresh, "/itest/client/retry") == "after-retries");
    CHECK(fresh.quota().available() == 1);
  }
  SECTION("a dropped connection is retried") {
    drop = 1;
    seen = 0;
    CHECK(get_parameter(c, "/itest/client/retry") == "after-retries");
    CHECK(seen == 2);
  }
}

TEST_CASE("DynamoDB (awsJson 1.0): a table, an item with nested maps and lists", "[client][moto]") {
  awsjson::client c(moto_options());
  auto created = c.call<awsjson::dynamodb::CreateTable>(from_json<awsjson::dynamodb::CreateTableRequest>(R"({
    "TableName": "awsjson-items", "BillingMode": "PAY_PER_REQUEST",
    "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
    "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}]})"));
  if (auto const* e = created.service_error()) FAIL(e->code + ": " + e->message);
  REQUIRE(created.ok());
  auto item = from_json<awsjson::dynamodb::PutItemRequest>(R"({"TableName": "awsjson-items", "Item": {
    "id": {"S": "k1"}, "n": {"N": "12.5"},
    "nested": {"M": {"list": {"L": [{"S": "a"}, {"N": "1"}, {"M": {"deep": {"BOOL": true}}}]}, "none": {"NULL": true}}}}})");
  REQUIRE(c.call<awsjson::dynamodb::PutItem>(item).ok());
  auto got = c.call<awsjson::dynamodb::GetItem>(
      from_json<awsjson::dynamodb::GetItemRequest>(R"({"TableName": "awsjson-items", "Key": {"id": {"S": "k1"}}})"));
  REQUIRE(got.ok());
  REQUIRE(got.result()->Item);
  CHECK(*got.result()->Item == item.Item);
}

TEST_CASE("SQS (awsQueryCompatible): a queue, a message; a missing queue's query-compatible code", "[client][moto]") {
  awsjson::client c(moto_options());
  awsjson::sqs::CreateQueueRequest create;
  create.QueueName = "awsjson-queue";
  auto q = c.call<awsjson::sqs::CreateQueue>(create);
  REQUIRE(q.ok());
  std::string url = q.result()->QueueUrl.value_or("");
  REQUIRE_FALSE(url.empty());
  awsjson::sqs::SendMessageRequest send;
  send.QueueUrl = url;
  send.MessageBody = "hello from awsjson";
  REQUIRE(c.call<awsjson::sqs::SendMessage>(send).ok());
  awsjson::sqs::ReceiveMessageRequest receive;
  receive.QueueUrl = url;
  auto got = c.call<awsjson::sqs::ReceiveMessage>(receive);
  REQUIRE(got.ok());
  REQUIRE(got.result()->Messages);
  REQUIRE(got.result()->Messages->size() == 1);
  CHECK(got.result()->Messages->front().Body == "hello from awsjson");

  awsjson::sqs::GetQueueUrlRequest missing;
  missing.QueueName = "no-such-queue";
  auto r = c.call<awsjson::sqs::GetQueueUrl>(missing);
  REQUIRE(r.service_error());
  CHECK(r.service_error()->is<awsjson::sqs::QueueDoesNotExist>());
  CHECK(r.service_error()->query_code == "AWS.SimpleQueueService.NonExistentQueue");
  CHECK(r.service_error()->query_fault == "Sender");
}

TEST_CASE("Secrets Manager: a secret's value is never printed unless asked", "[client][moto]") {
  awsjson::client c(moto_options());
  awsjson::secretsmanager::CreateSecretRequest create;
  create.Name = "awsjson/secret";
  create.SecretString = "PLANTED-SECRET-VALUE";
  auto made = c.call<awsjson::secretsmanager::CreateSecret>(create);
  if (auto const* e = made.service_error()) FAIL(e->code + ": " + e->message);
  REQUIRE(made.ok());
  awsjson::secretsmanager::GetSecretValueRequest get;
  get.SecretId = "awsjson/secret";
  auto r = c.call<awsjson::secretsmanager::GetSecretValue>(get);
  REQUIRE(r.ok());
  CHECK(r.result()->SecretString == "PLANTED-SECRET-VALUE");
  CHECK(awsjson::to_string(*r.result()).find("PLANTED-SECRET-VALUE") == std::string::npos);
  awsjson::encode_options shown;
  shown.redact_sensitive = false;
  std::string asked;
  REQUIRE_FALSE(awsjson::encode_into(asked, *r.result(), shown));
  CHECK(asked.find("PLANTED-SECRET-VALUE") != std::string::npos);
}

TEST_CASE("one client, calls from four threads at once", "[client][moto]") {
  awsjson::client c(moto_options());
  put_parameter(c, "/itest/client/threads", "shared");
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 5; ++i) {
        awsjson::ssm::GetParameterRequest in;
        in.Name = "/itest/client/threads";
        auto r = c.call<awsjson::ssm::GetParameter>(in);
        if (r.ok() && r.result()->Parameter && r.result()->Parameter->Value == "shared") ++ok;
      }
    });
  for (auto& t : threads) t.join();
  CHECK(ok == 20);
}
