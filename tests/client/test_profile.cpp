// The shared config and credentials files (awsjson/client/profile.hpp) against the suites every AWS
// SDK runs: tests/data/profile/profile-parser-tests.json (how a config and a credentials file
// parse, or which error they give) and file-location-tests.json (which files and profile the
// environment names), copied from smithy-rs's aws-config test data (TEST-SUITES.md). The suites
// are read with awsjson's own decoder.
#include <catch2/catch.hpp>

#include <awsjson/awsjson.hpp>
#include <awsjson/client/profile.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "support.hpp"

namespace suite {
using sections = std::map<std::string, std::map<std::string, std::string>>;

struct ParserInput {
  std::optional<std::string> configFile;
  std::optional<std::string> credentialsFile;
};
BOOST_DESCRIBE_STRUCT(ParserInput, (), (configFile, credentialsFile))
struct ParsedConfig {
  sections profiles;
  std::optional<sections> sso_sessions;
};
BOOST_DESCRIBE_STRUCT(ParsedConfig, (), (profiles, sso_sessions))
struct ParserOutput {
  std::optional<ParsedConfig> config;
  std::optional<std::string> errorContaining;
};
BOOST_DESCRIBE_STRUCT(ParserOutput, (), (config, errorContaining))
struct ParserCase {
  std::string name;
  ParserInput input;
  ParserOutput output;
};
BOOST_DESCRIBE_STRUCT(ParserCase, (), (name, input, output))
struct ParserSuite {
  std::vector<ParserCase> tests;
};
BOOST_DESCRIBE_STRUCT(ParserSuite, (), (tests))

struct LocationCase {
  std::string name;
  std::map<std::string, std::string> environment;
  std::string platform;
  std::optional<std::string> profile;
  std::string configLocation;
  std::string credentialsLocation;
};
BOOST_DESCRIBE_STRUCT(LocationCase, (), (name, environment, platform, profile, configLocation, credentialsLocation))
struct LocationSuite {
  std::vector<LocationCase> tests;
};
BOOST_DESCRIBE_STRUCT(LocationSuite, (), (tests))
}  // namespace suite

using client_test::env_of;
using client_test::read_file;

TEST_CASE("the cross-SDK profile parser suite: every case", "[client][profile]") {
  auto suite =
      awsjson::decode<suite::ParserSuite>(read_file(AWSJSON_TEST_DATA_DIR "/profile/profile-parser-tests.json"));
  REQUIRE(suite.tests.size() == 65);
  for (auto const& c : suite.tests) {
    INFO(c.name);
    awsjson::profile_file config, credentials;
    std::optional<std::string> problem;
    if (c.input.configFile) problem = config.read(*c.input.configFile, awsjson::profile_file::source::config);
    if (!problem && c.input.credentialsFile)
      problem = credentials.read(*c.input.credentialsFile, awsjson::profile_file::source::credentials);
    if (c.output.errorContaining) {
      REQUIRE(problem);
      CHECK_THAT(*problem, Catch::Contains(*c.output.errorContaining));
      continue;
    }
    REQUIRE_FALSE(problem);
    config.overlay(credentials);
    REQUIRE(c.output.config);
    CHECK(config.profiles == c.output.config->profiles);
    if (c.output.config->sso_sessions) CHECK(config.sso_sessions == *c.output.config->sso_sessions);
  }
}

TEST_CASE("the cross-SDK file location suite: every case for this platform", "[client][profile]") {
  auto suite =
      awsjson::decode<suite::LocationSuite>(read_file(AWSJSON_TEST_DATA_DIR "/profile/file-location-tests.json"));
  int ran = 0;
  for (auto const& c : suite.tests) {
    if (c.platform != "linux") continue;  // USERPROFILE, HOMEDRIVE and backslashes are Windows's
    INFO(c.name);
    auto env = env_of(c.environment);
    auto paths = awsjson::shared_file_paths::of(env);
    CHECK(paths.config == c.configLocation);
    CHECK(paths.credentials == c.credentialsLocation);
    if (c.profile) CHECK(awsjson::shared_config::load(env).profile == *c.profile);
    ++ran;
  }
  CHECK(ran == 4);
}

TEST_CASE("a malformed shared file is named with its line, never quoted, and no profile is half-read",
          "[client][profile]") {
  auto dir = std::filesystem::temp_directory_path() / ("awsjson-profile-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "config") << "[profile work]\nregion = eu-west-1\nsecret_looking SECRETVALUE123\n";
  std::ofstream(dir / "credentials") << "[work]\naws_access_key_id = AKIDEXAMPLE\n";
  auto env = env_of({{"AWS_CONFIG_FILE", (dir / "config").string()},
                     {"AWS_SHARED_CREDENTIALS_FILE", (dir / "credentials").string()}});
  auto c = awsjson::shared_config::load(env, "work");
  CHECK(c.problem ==
        "the config file " + (dir / "config").string() + ": line 3: Expected an '=' sign defining a property");
  CHECK(c.problem.find("SECRETVALUE123") == std::string::npos);
  CHECK(c.credentials.at("aws_access_key_id") == "AKIDEXAMPLE");

  // A well-formed pair: comments after headers, continuations, sub-properties and sso-sessions.
  std::ofstream(dir / "config") << "[profile work] # the team's\nregion = eu-west-1 ; Ireland\n"
                                   "s3 =\n  addressing_style = path\n  max_concurrent_requests = 4\n"
                                   "[sso-session corp]\nsso_region = us-east-1\n[services local]\ndynamodb =\n"
                                   "  endpoint_url = http://127.0.0.1:8000\n";
  c = awsjson::shared_config::load(env, "work");
  CHECK(c.problem.empty());
  CHECK(c.get("region") == "eu-west-1");
  CHECK(c.get("s3") == "\naddressing_style = path\nmax_concurrent_requests = 4");
  CHECK(c.get("aws_access_key_id") == "AKIDEXAMPLE");
  CHECK(c.files.sso_sessions.at("corp").at("sso_region") == "us-east-1");
  CHECK(c.files.services.at("local").at("dynamodb") == "\nendpoint_url = http://127.0.0.1:8000");
  std::filesystem::remove_all(dir);
}
