// Every credential provider of awsjson::client against temporary files, a real process and HTTP
// servers on 127.0.0.1 (local_server.hpp); the cache, the default chain, redacted printing.
// Planted secrets must never show in an error or a log line.
#include <catch2/catch.hpp>

#include <awsjson/client.hpp>

#include <atomic>
#include <chrono>
#include <string>

#include "fake_service.hpp"
#include "local_server.hpp"

using namespace client_test;

TEST_CASE("credentials: the environment", "[client][credentials]") {
  auto found =
      awsjson::environment_credentials(
          env_of({{"AWS_ACCESS_KEY_ID", "AKID"}, {"AWS_SECRET_ACCESS_KEY", planted}, {"AWS_SESSION_TOKEN", "TOKEN"}}))
          .load();
  REQUIRE(found.found);
  CHECK(found.found->keys.access_key_id == "AKID");
  CHECK(found.found->keys.session_token == "TOKEN");
  CHECK_FALSE(awsjson::environment_credentials(env_of({})).load().found);
  auto half = awsjson::environment_credentials(env_of({{"AWS_ACCESS_KEY_ID", "AKID"}})).load();
  CHECK(half.error.find("must be set together") != std::string::npos);
}

TEST_CASE("credentials and region from the shared files and a profile", "[client][credentials]") {
  temp_dir d;
  auto creds = d.write("credentials",
                       "[default]\naws_access_key_id = DEFAULTKEY\naws_secret_access_key = defaultsecret\n\n"
                       "# a comment\n[dev]\naws_access_key_id=DEVKEY\naws_secret_access_key = " +
                           std::string(planted) + "\naws_session_token = devtoken\n");
  auto config =
      d.write("config",
              "[default]\nregion = us-west-2\n[profile dev]\nregion = eu-west-1\ns3 =\n  max_concurrent_requests = 4\n"
              "[profile cfg]\nAWS_ACCESS_KEY_ID = CFGKEY\naws_secret_access_key = cfgsecret\nregion = ap-south-1\n");
  std::map<std::string, std::string> vars{
      {"AWS_SHARED_CREDENTIALS_FILE", creds}, {"AWS_CONFIG_FILE", config}, {"HOME", d.path.string()}};
  fixture f;
  SECTION("the default profile") {
    client c(f.options(vars));
    CHECK(c.credentials().found->keys.access_key_id == "DEFAULTKEY");
    CHECK(c.credentials().found->source == "shared-credentials-file");
  }
  SECTION("AWS_PROFILE, with the region of [profile dev] in the config file") {
    auto v = vars;
    v["AWS_PROFILE"] = "dev";
    auto o = f.options(v);
    o.region.clear();
    client c(o);
    CHECK(c.region() == "eu-west-1");
    auto found = c.credentials();
    CHECK(found.found->keys.access_key_id == "DEVKEY");
    CHECK(found.found->keys.session_token == "devtoken");
    CHECK(c.config().get("max_concurrent_requests") == std::nullopt);  // nested under s3: not the profile's
  }
  SECTION("keys in the config file's profile (names are case-insensitive)") {
    auto v = vars;
    v["AWS_PROFILE"] = "cfg";
    CHECK(client(f.options(v)).credentials().found->source == "config-file");
  }
  SECTION("environment keys come first, unless the program chose the profile") {
    auto v = vars;
    v["AWS_ACCESS_KEY_ID"] = "ENVKEY";
    v["AWS_SECRET_ACCESS_KEY"] = "envsecret";
    CHECK(client(f.options(v)).credentials().found->keys.access_key_id == "ENVKEY");
    auto o = f.options(v);
    o.profile = "dev";
    CHECK(client(o).credentials().found->keys.access_key_id == "DEVKEY");
  }
  SECTION("a profile that is nowhere: no credentials, and the message names what was tried") {
    auto o = f.options(vars);
    o.profile = "nope";
    auto v = vars;
    v["AWS_EC2_METADATA_DISABLED"] = "true";
    o.env = env_of(v);
    auto r = client(o).call<fake::Echo>({});
    REQUIRE(r.failure());
    CHECK(r.failure()->what == awsjson::client_error::kind::no_credentials);
    CHECK(r.failure()->message.find("shared-credentials-file") != std::string::npos);
    CHECK(f.http->sent.empty());
  }
  SECTION("a malformed config file: no call, and the message names the file and line, not the line") {
    auto v = vars;
    v["AWS_CONFIG_FILE"] = d.write("config", "[profile dev]\nregion = eu-west-1\n" + std::string(planted) + "\n");
    auto r = client(f.options(v)).call<fake::Echo>({});
    REQUIRE(r.failure());
    CHECK(r.failure()->what == awsjson::client_error::kind::invalid_config);
    CHECK(r.failure()->message ==
          "the config file " + v["AWS_CONFIG_FILE"] + ": line 3: Expected an '=' sign defining a property");
    CHECK(f.http->sent.empty());
  }
}

TEST_CASE("credentials from credential_process", "[client][credentials]") {
  temp_dir d;
  auto ok = d.write("ok.sh",
                    "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"PROCKEY\", \"SecretAccessKey\": \"" +
                        std::string(planted) +
                        "\", \"SessionToken\": \"proctoken\", \"Expiration\": \"2099-01-02T03:04:05Z\"}'\n",
                    true);
  auto failing = d.write("fail.sh", "#!/bin/sh\necho '" + std::string(planted) + "'\nexit 3\n", true);
  auto v2 = d.write("v2.sh", "#!/bin/sh\necho '{\"Version\": 2, \"AccessKeyId\": \"K\", \"SecretAccessKey\": \"S\"}'\n",
                    true);
  auto garbage =
      d.write("garbage.sh",
              "#!/bin/sh\necho '{\"AccessKeyId\": 5, \"SecretAccessKey\": \"" + std::string(planted) + "\"}'\n", true);
  auto config = d.write("config", "[profile ok]\ncredential_process = " + ok + " --some-arg\n[profile failing]\n" +
                                      "credential_process = " + failing + "\n[profile v2]\ncredential_process = " + v2 +
                                      "\n[profile garbage]\ncredential_process = " + garbage + "\n");
  awsjson::environment env = env_of({{"AWS_CONFIG_FILE", config}, {"AWS_SHARED_CREDENTIALS_FILE", d.path / "none"}});
  auto load = [&](std::string profile) {
    auto cfg = std::make_shared<awsjson::shared_config const>(awsjson::shared_config::load(env, profile));
    return awsjson::process_credentials(cfg).load();
  };
  auto found = load("ok");
  REQUIRE(found.found);
  CHECK(found.found->keys.access_key_id == "PROCKEY");
  CHECK(found.found->keys.secret_access_key == planted);
  CHECK(found.found->keys.session_token == "proctoken");
  REQUIRE(found.found->expiration);
  CHECK(*found.found->expiration == std::chrono::sys_days{std::chrono::year{2099} / 1 / 2} + std::chrono::hours{3} +
                                        std::chrono::minutes{4} + std::chrono::seconds{5});
  auto bad = load("failing");
  CHECK(bad.error.find("exited with status 3") != std::string::npos);
  CHECK(bad.error.find(planted) == std::string::npos);
  CHECK(load("v2").error.find("Version is not 1") != std::string::npos);
  // found by fuzz_credentials: a year system_clock cannot hold is an error, not an overflow
  auto far = awsjson::detail::from_document(
      R"({"AccessKeyId":"A","SecretAccessKey":"B","Expiration":"1015-01-01T00:00:00Z"})", "x", "doc");
  CHECK(far.error == "doc: Expiration is out of range");
  auto wrong = load("garbage");
  CHECK(wrong.error.find("/AccessKeyId") != std::string::npos);
  CHECK(wrong.error.find(planted) == std::string::npos);
}

TEST_CASE("credentials from a container credentials server on 127.0.0.1", "[client][credentials]") {
  temp_dir d;
  auto token_file = d.write("token", "container-token-PLANTED\n");
  testing::local_server server([](testing::local_request const& r) {
    if (r.path != "/creds" || r.headers.count("authorization") == 0 ||
        r.headers.at("authorization") != "container-token-PLANTED")
      return testing::local_answer{401, {}, "{}"};
    return testing::local_answer{200,
                                 {{"Content-Type", "application/json"}},
                                 R"({"AccessKeyId":"CONTAINERKEY","SecretAccessKey":"s","Token":"t",)"
                                 R"("Expiration":"2099-01-01T00:00:00Z"})"};
  });
  auto http = std::make_shared<awsjson::curl_transport>();
  auto provider = [&](std::map<std::string, std::string> vars) {
    return awsjson::container_credentials(http, env_of(std::move(vars))).load();
  };
  auto found = provider({{"AWS_CONTAINER_CREDENTIALS_FULL_URI", server.url() + "/creds"},
                         {"AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", token_file}});
  REQUIRE(found.found);
  CHECK(found.found->keys.access_key_id == "CONTAINERKEY");
  CHECK(found.found->keys.session_token == "t");
  auto refused = provider({{"AWS_CONTAINER_CREDENTIALS_FULL_URI", server.url() + "/creds"},
                           {"AWS_CONTAINER_AUTHORIZATION_TOKEN", "wrong"}});
  CHECK(refused.error.find("HTTP 401") != std::string::npos);
  auto other_host = provider({{"AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://10.1.2.3/creds"}});
  CHECK(other_host.error.find("not an allowed host") != std::string::npos);
  CHECK_FALSE(provider({}).found);
  CHECK(server.requests().size() == 2);  // the disallowed host was never asked
}

TEST_CASE("credentials from an IMDSv2 server on 127.0.0.1 that requires its token", "[client][credentials]") {
  std::string const token = "imds-token-PLANTED";
  testing::local_server server([&](testing::local_request const& r) {
    if (r.method == "PUT" && r.path == "/latest/api/token") {
      if (r.headers.count("x-aws-ec2-metadata-token-ttl-seconds") == 0) return testing::local_answer{400, {}, ""};
      return testing::local_answer{200, {}, token};
    }
    if (r.headers.count("x-aws-ec2-metadata-token") == 0 || r.headers.at("x-aws-ec2-metadata-token") != token)
      return testing::local_answer{401, {}, ""};
    if (r.path == "/latest/meta-data/iam/security-credentials/") return testing::local_answer{200, {}, "app-role\n"};
    if (r.path == "/latest/meta-data/iam/security-credentials/app-role")
      return testing::local_answer{200,
                                   {},
                                   R"({"Code":"Success","AccessKeyId":"IMDSKEY","SecretAccessKey":"s",)"
                                   R"("Token":"t","Expiration":"2099-01-01T00:00:00Z"})"};
    return testing::local_answer{404, {}, ""};
  });
  auto http = std::make_shared<awsjson::curl_transport>();
  auto found =
      awsjson::instance_credentials(http, env_of({{"AWS_EC2_METADATA_SERVICE_ENDPOINT", server.url() + "/"}})).load();
  REQUIRE(found.found);
  CHECK(found.found->keys.access_key_id == "IMDSKEY");
  CHECK(found.found->source == "iam-role");
  auto requests = server.requests();
  REQUIRE(requests.size() == 3);
  CHECK(requests[0].headers["x-aws-ec2-metadata-token-ttl-seconds"] == "21600");
  CHECK(requests[2].path == "/latest/meta-data/iam/security-credentials/app-role");
  auto off =
      awsjson::instance_credentials(
          http, env_of({{"AWS_EC2_METADATA_SERVICE_ENDPOINT", server.url()}, {"AWS_EC2_METADATA_DISABLED", "TRUE"}}))
          .load();
  CHECK_FALSE(off.found);
  CHECK(off.error.empty());
  CHECK(server.requests().size() == 3);
}

TEST_CASE("cached credentials: refreshed 15 minutes before expiry, required 10 minutes before",
          "[client][credentials]") {
  auto source = std::make_shared<counting_provider>();
  fake_now = 1'000'000;
  awsjson::cached_credentials cache(source, &clock_now);
  CHECK(cache.load().found->keys.access_key_id == "K1");
  fake_now += 40 * 60;  // 20 minutes left
  CHECK(cache.load().found->keys.access_key_id == "K1");
  CHECK(source->loads == 1);
  fake_now += 6 * 60;  // 14 minutes left: advisory refresh
  CHECK(cache.load().found->keys.access_key_id == "K2");
  fake_now += 47 * 60;  // 13 minutes left of K2's hour
  source->fail = true;
  auto kept = cache.load();  // the refresh failed: the old ones are still good for 3 minutes of advisory
  REQUIRE(kept.found);
  CHECK(kept.found->keys.access_key_id == "K2");
  fake_now += 4 * 60;  // 9 minutes left: mandatory
  auto gone = cache.load();
  CHECK_FALSE(gone.found);
  CHECK(gone.error == "counting: down");
  source->fail = false;
  CHECK(cache.load().found->keys.access_key_id == "K5");
}

TEST_CASE("the default chain: botocore's order, and an error stops it", "[client][credentials]") {
  temp_dir d;
  auto config = d.write("config", "[default]\ncredential_process = /bin/false\n");
  auto env = env_of({{"AWS_CONFIG_FILE", config}, {"AWS_SHARED_CREDENTIALS_FILE", (d.path / "none").string()}});
  auto cfg = std::make_shared<awsjson::shared_config const>(awsjson::shared_config::load(env));
  auto chain = awsjson::default_credential_chain(cfg, std::make_shared<scripted_transport>(), env);
  std::vector<std::string> names;
  for (auto const& p : chain->providers()) names.emplace_back(p->name());
  CHECK(names == std::vector<std::string>{"environment", "assume-role", "assume-role-with-web-identity", "sso",
                                          "shared-credentials-file", "credential-process", "config-file",
                                          "container-role", "iam-role"});
  auto r = chain->load();
  CHECK_FALSE(r.found);
  CHECK(r.error.find("credential_process of profile default: exited with status 1") != std::string::npos);
}

TEST_CASE("credentials print redacted", "[client][credentials]") {
  awsjson::sigv4::credentials c{"AKID", planted, planted};
  CHECK(awsjson::to_string(c).find(planted) == std::string::npos);
}
