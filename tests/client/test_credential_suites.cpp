// The cross-SDK credential suites (tests/data/credentials/, from smithy-rs's aws-config test
// data): each case brings an environment, a home folder and the HTTP traffic an SDK exchanged;
// awsjson::client's default chain runs in that environment with the recorded answers replayed
// through the transport interface, and must give the case's credentials, or fail where it fails;
// the container and instance metadata endpoint suites (ecs-tests.json, imds-config/) say where
// those providers must send their first request.
#include <simdjson.h>
#include <catch2/catch.hpp>

#include <awsjson/client.hpp>

#include <filesystem>
#include <map>
#include <set>

#include "support.hpp"

namespace {

using namespace client_test;
namespace fs = std::filesystem;

// The recorded exchanges, in order: what was asked and what came back.
struct exchange {
  std::string method{}, uri{};
  int status = 0;
  std::string response_body{};
};

// A URI with its query's parameters sorted: their order carries no meaning (the recordings differ).
std::string sorted_query(std::string uri) {
  auto q = uri.find('?');
  if (q == std::string::npos) return uri;
  std::vector<std::string> params;
  for (std::size_t at = q + 1; at <= uri.size();) {
    auto amp = std::min(uri.find('&', at), uri.size());
    params.push_back(uri.substr(at, amp - at));
    at = amp + 1;
  }
  std::sort(params.begin(), params.end());
  uri.resize(q + 1);
  for (auto const& p : params) uri += (uri.back() == '?' ? "" : "&") + p;
  return uri;
}

struct replay final : awsjson::transport {
  std::vector<exchange> script;
  std::size_t next = 0;
  std::vector<std::string> mismatches;
  std::optional<awsjson::transport_error> send(std::string_view endpoint, awsjson::http_request const& request,
                                               awsjson::http_response& response) override {
    std::string uri = std::string(endpoint) + request.path;
    if (next >= script.size()) {
      mismatches.push_back("unrecorded " + request.method + " " + uri);
      return awsjson::transport_error{awsjson::transport_error::kind::connect, "no recorded answer"};
    }
    exchange const& e = script[next++];
    if (e.method != request.method || sorted_query(e.uri) != sorted_query(uri))
      mismatches.push_back("asked " + request.method + " " + uri + ", recorded " + e.method + " " + e.uri);
    response = {e.status, {}, e.response_body};
    return std::nullopt;
  }
};

std::vector<exchange> traffic(fs::path const& file) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  REQUIRE(parser.load(file.string()).get(doc) == simdjson::SUCCESS);
  std::map<int64_t, std::size_t> by_connection;
  std::vector<exchange> out;
  for (auto event : doc["events"].get_array()) {
    int64_t id = event["connection_id"].get_int64().value();
    auto action = event["action"];
    simdjson::dom::element part;
    if (action["Request"].get(part) == simdjson::SUCCESS) {
      by_connection[id] = out.size();
      out.push_back({std::string(part["request"]["method"].get_string().value()),
                     std::string(part["request"]["uri"].get_string().value())});
      if (out.back().uri.find('/', out.back().uri.find("://") + 3) == std::string::npos)
        out.back().uri += '/';  // "http://aws.global-env-override": the path is "/"
    } else if (action["Response"].get(part) == simdjson::SUCCESS) {
      out[by_connection.at(id)].status = int(part["response"]["Ok"]["status"].get_int64().value());
    } else if (action["Data"].get(part) == simdjson::SUCCESS) {
      if (part["direction"].get_string().value() == "Response")
        out[by_connection.at(id)].response_body += std::string(part["data"]["Utf8"].get_string().value());
    }
  }
  return out;
}

std::string text_of(fs::path const& p) { return read_file(p.string()); }

// The case's home folder copied under `root`, its paths there (absolute in the case's own file
// system), and its environment, rooted the same way.
std::map<std::string, std::string> prepare_case(fs::path const& dir, temp_dir const& root) {
  if (fs::exists(dir / "fs")) fs::copy(dir / "fs", root.path, fs::copy_options::recursive);
  auto rooted = [&](std::string v) { return !v.empty() && v[0] == '/' ? root.path.string() + v : v; };
  for (auto const& entry : fs::recursive_directory_iterator(root.path)) {
    if (!entry.is_regular_file() || entry.path().parent_path().filename() != ".aws") continue;
    std::string text = text_of(entry.path()), fixed;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
      auto eq = line.find("= /");
      if (eq != std::string::npos && line.find("file") != std::string::npos)
        line = line.substr(0, eq + 2) + root.path.string() + line.substr(eq + 2);
      fixed += line + '\n';
    }
    std::ofstream(entry.path()) << fixed;
  }
  simdjson::dom::parser parser;
  simdjson::dom::element env_json;
  REQUIRE(parser.load((dir / "env.json").string()).get(env_json) == simdjson::SUCCESS);
  std::map<std::string, std::string> vars;
  simdjson::dom::object variables = env_json.get_object().value();
  for (auto [key, value] : variables) {
    std::string k(key), v(value.get_string().value());
    bool path = k == "HOME" || k.ends_with("_FILE");
    vars[k] = path ? rooted(v) : v;
  }
  return vars;
}

// Why a case is not run: what awsjson does not have yet, or where it follows botocore.
std::map<std::string, std::string> const skipped{};

}  // namespace

TEST_CASE("the cross-SDK credential suites, replayed", "[client][credentials][suite]") {
  int ran = 0, skips = 0;
  for (char const* suite : {"default-credential-provider-chain", "profile-provider"}) {
    std::vector<fs::path> cases;
    for (auto const& entry : fs::directory_iterator(fs::path(AWSJSON_TEST_DATA_DIR) / "credentials" / suite))
      cases.push_back(entry.path());
    std::sort(cases.begin(), cases.end());
    for (auto const& dir : cases) {
      std::string name = dir.filename().string();
      if (skipped.count(name)) {
        ++skips;
        continue;
      }
      INFO(suite << "/" << name);
      temp_dir root;
      auto vars = prepare_case(dir, root);
      auto http = std::make_shared<replay>();
      http->script = traffic(dir / "http-traffic.json");
      awsjson::client_options o;
      o.env = env_of(vars);
      o.http = http;
      o.sleep = [](std::chrono::duration<double>) {};  // retries without waiting
      if (std::string_view(suite) == "profile-provider") {
        // The profile's providers alone (not the environment's keys, the container or IMDS).
        auto config = std::make_shared<awsjson::shared_config const>(awsjson::shared_config::load(o.env));
        std::string region = o.env.value("AWS_REGION", config->get("region").value_or(""));
        auto sts_endpoint = awsjson::configured_endpoint(*config, o.env, "STS");
        auto all = awsjson::default_credential_chain(
            config, http, o.env,
            {http, region, sts_endpoint ? sts_endpoint->url : "", o.sleep, std::nullopt, std::nullopt, std::nullopt});
        std::vector<std::shared_ptr<awsjson::credential_provider>> profile_only;
        for (auto const& p : all->providers())
          if (p->name() != "environment" && p->name() != "container-role" && p->name() != "iam-role")
            profile_only.push_back(p);
        o.credentials = std::make_shared<awsjson::credential_chain>(std::move(profile_only));
      }
      awsjson::client c(o);
      auto found = c.credentials();
      ++ran;
      simdjson::dom::parser parser2;
      simdjson::dom::element test_case;
      REQUIRE(parser2.load((dir / "test-case.json").string()).get(test_case) == simdjson::SUCCESS);
      simdjson::dom::element ok;
      if (test_case["result"]["Ok"].get(ok) == simdjson::SUCCESS) {
        INFO("error: " << found.error);
        CHECK(found.found);
        if (!found.found) continue;
        CHECK(found.found->keys.access_key_id == std::string(ok["access_key_id"].get_string().value()));
        CHECK(found.found->keys.secret_access_key == std::string(ok["secret_access_key"].get_string().value()));
        std::string_view token;
        if (ok["session_token"].get(token) == simdjson::SUCCESS) CHECK(found.found->keys.session_token == token);
        int64_t expiry = 0;
        if (ok["expiry"].get(expiry) == simdjson::SUCCESS) {
          CHECK(found.found->expiration);
          if (found.found->expiration) CHECK(std::chrono::system_clock::to_time_t(*found.found->expiration) == expiry);
        }
      } else {
        INFO("expected to fail with: " << test_case["result"]["ErrorContains"].get_string().value());
        CHECK_FALSE(found.found);
      }
      // Where the case ends in an error, botocore's chain may go on asking where the SDK that
      // recorded it stopped (IMDSv1 after a token is refused): those requests find no answer.
      for (auto const& m : http->mismatches)
        if (!(m.starts_with("unrecorded") && test_case["result"]["Ok"].error() != simdjson::SUCCESS)) FAIL_CHECK(m);
    }
  }
  CHECK(ran + skips == 47);  // the two suites' cases
  CHECK(skips == int(skipped.size()));
}

TEST_CASE("the cross-SDK token suite (IAM Identity Center's bearer token), replayed",
          "[client][credentials][sso][suite]") {
  int ran = 0;
  for (auto const& entry :
       fs::directory_iterator(fs::path(AWSJSON_TEST_DATA_DIR) / "credentials" / "default-token-provider-chain")) {
    INFO(entry.path().filename().string());
    temp_dir root;
    auto env = env_of(prepare_case(entry.path(), root));
    auto config = awsjson::shared_config::load(env);
    auto http = std::make_shared<replay>();
    http->script = traffic(entry.path() / "http-traffic.json");
    auto found = awsjson::sso_token_for(config, env, {http});
    ++ran;
    simdjson::dom::parser parser;
    simdjson::dom::element test_case;
    REQUIRE(parser.load((entry.path() / "test-case.json").string()).get(test_case) == simdjson::SUCCESS);
    INFO("error: " << found.error);
    REQUIRE(found.found);
    CHECK(found.found->token == std::string(test_case["result"]["Ok"]["token"].get_string().value()));
    awsjson::timestamp expected;
    REQUIRE_FALSE(awsjson::parse_date_time(test_case["result"]["Ok"]["expiration"].get_string().value(), expected));
    CHECK(found.found->expiration == expected);
    CHECK(http->mismatches.empty());
  }
  CHECK(ran == 3);
}

namespace {
// Records where a provider sends its first request, and answers nothing (a connection refused):
// the suites below say where the request must go, not what comes back.
struct first_request final : awsjson::transport {
  std::vector<std::string> urls;
  std::optional<awsjson::transport_error> send(std::string_view endpoint, awsjson::http_request const& request,
                                               awsjson::http_response&) override {
    urls.push_back(std::string(endpoint) + request.path);
    return awsjson::transport_error{awsjson::transport_error::kind::connect, "refused"};
  }
};

simdjson::dom::array suite_tests(simdjson::dom::parser& parser, fs::path const& file) {
  simdjson::dom::array tests;
  REQUIRE(parser.load(file.string())["tests"].get_array().get(tests) == simdjson::SUCCESS);
  return tests;
}

std::map<std::string, std::string> string_map(simdjson::dom::element e) {
  std::map<std::string, std::string> out;
  simdjson::dom::object o;
  if (e.get_object().get(o) == simdjson::SUCCESS)
    for (auto field : o) out[std::string(field.key)] = std::string(field.value.get_string().value());
  return out;
}
}  // namespace

TEST_CASE("the cross-SDK container endpoint suite (ecs-tests.json)", "[client][credentials][suite]") {
  // Each case: the environment, and the URL the provider must ask, or that it must not ask at all
  // (the case's error: a URI without a host; no variable set, where the provider is not enabled).
  simdjson::dom::parser parser;
  int cases = 0;
  for (simdjson::dom::element test :
       suite_tests(parser, fs::path(AWSJSON_TEST_DATA_DIR) / "credentials/ecs-tests.json")) {
    ++cases;
    INFO(test["docs"].get_string().value());
    auto http = std::make_shared<first_request>();
    auto found = awsjson::container_credentials(http, env_of(string_map(test["env"]))).load();
    CHECK_FALSE(found.found);
    std::string_view url;
    if (test["result"]["Ok"].get(url) == simdjson::SUCCESS) {
      REQUIRE(http->urls.size() == 1);
      CHECK(http->urls[0] == url);
    } else {
      CHECK(http->urls.empty());
    }
  }
  CHECK(cases == 11);
}

TEST_CASE("the cross-SDK instance metadata endpoint suite (imds-config)", "[client][credentials][suite]") {
  // Each case: the environment, a config file, the program's endpoint or mode; the token request
  // must go to the case's URL, or the provider must fail before any request.
  simdjson::dom::parser parser;
  int cases = 0;
  for (simdjson::dom::element test :
       suite_tests(parser, fs::path(AWSJSON_TEST_DATA_DIR) / "credentials/imds-config/imds-endpoint-tests.json")) {
    ++cases;
    INFO(test["docs"].get_string().value());
    temp_dir root;
    auto vars = string_map(test["env"]);
    for (auto const& [name, text] : string_map(test["fs"])) {
      auto path = root.write(name, text);
      for (auto& [k, v] : vars)
        if (v == name) v = path;
    }
    auto env = env_of(vars);
    auto config = std::make_shared<awsjson::shared_config const>(awsjson::shared_config::load(env));
    awsjson::instance_credentials::options o;
    std::string_view given;
    if (test["endpoint_override"].get(given) == simdjson::SUCCESS) o.endpoint = given;
    if (test["mode_override"].get(given) == simdjson::SUCCESS) o.endpoint_mode = given;
    auto http = std::make_shared<first_request>();
    auto found = awsjson::instance_credentials(http, env, config, o).load();
    CHECK_FALSE(found.found);
    std::string_view url;
    if (test["result"]["Ok"].get(url) == simdjson::SUCCESS) {
      CHECK(found.error.empty());  // no metadata service: no credentials, no error (botocore)
      REQUIRE_FALSE(http->urls.empty());
      CHECK(http->urls[0] == url);
    } else {
      CHECK(http->urls.empty());
      CHECK_FALSE(found.error.empty());
      UNSCOPED_INFO(found.error);
    }
  }
  CHECK(cases == 14);
}
