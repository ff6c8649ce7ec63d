// Credentials through roles: profile chains resolved as the cross-SDK suite says
// (tests/data/credentials/assume-role-tests.json, from smithy-rs's aws-config test data), and the
// STS calls of assume role and web identity against a scripted STS: what is sent, what is read
// back, and that no secret or token is in an error.
#include <simdjson.h>
#include <catch2/catch.hpp>

#include <awsjson/client.hpp>

#include "fake_service.hpp"
#include "support.hpp"

namespace {

using namespace client_test;

awsjson::ini_sections sections_of(simdjson::simdjson_result<simdjson::dom::element> e) {
  awsjson::ini_sections out;
  simdjson::dom::object o;
  if (e.get_object().get(o) != simdjson::SUCCESS) return out;  // absent: none
  for (auto [name, settings] : o) {
    auto& section = out[std::string(name)];
    simdjson::dom::object keys = settings.get_object().value();
    for (auto [key, value] : keys) section[std::string(key)] = std::string(value.get_string().value());
  }
  return out;
}

std::string field(simdjson::dom::element e, char const* name) {
  std::string_view v;
  return e[name].get_string().get(v) == simdjson::SUCCESS ? std::string(v) : std::string();
}

std::string sts_answer(std::string const& id, std::string const& secret, std::string const& token,
                       std::string const& expiration = "2030-08-05T19:58:02Z") {
  return "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n  <AssumeRoleResult>\n"
         "    <AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/r/s</Arn></AssumedRoleUser>\n"
         "    <Credentials>\n      <AccessKeyId>" +
         id + "</AccessKeyId>\n      <SecretAccessKey>" + secret + "</SecretAccessKey>\n      <SessionToken>" + token +
         "</SessionToken>\n      <Expiration>" + expiration +
         "</Expiration>\n    </Credentials>\n  </AssumeRoleResult>\n</AssumeRoleResponse>\n";
}

// A form body's fields, decoded.
std::map<std::string, std::string> form(std::string const& body) {
  std::map<std::string, std::string> out;
  std::size_t at = 0;
  while (at <= body.size()) {
    auto amp = body.find('&', at);
    std::string pair = body.substr(at, amp == std::string::npos ? std::string::npos : amp - at);
    auto eq = pair.find('=');
    std::string value;
    std::string raw = pair.substr(eq + 1);
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '%' && i + 2 < raw.size()) {
        value += char(std::stoi(raw.substr(i + 1, 2), nullptr, 16));
        i += 2;
      } else {
        value += raw[i];
      }
    }
    out[pair.substr(0, eq)] = value;
    if (amp == std::string::npos) break;
    at = amp + 1;
  }
  return out;
}

}  // namespace

TEST_CASE("profile chains: every case of the cross-SDK assume-role suite", "[client][roles]") {
  simdjson::dom::parser parser;
  simdjson::dom::element cases;
  REQUIRE(parser.load(AWSJSON_TEST_DATA_DIR "/credentials/assume-role-tests.json").get(cases) == simdjson::SUCCESS);
  int ran = 0;
  for (auto c : cases.get_array()) {
    std::string docs = field(c, "docs");
    INFO(docs);
    awsjson::profile_file files;
    files.profiles = sections_of(c["input"]["profiles"]);
    files.sso_sessions = sections_of(c["input"]["sso_sessions"]);
    std::string error;
    auto chain = awsjson::resolve_profile_chain(files, field(c["input"], "selected_profile"), error);
    simdjson::dom::element expected;
    if (c["output"]["Error"].get(expected) == simdjson::SUCCESS) {
      CHECK_FALSE(chain);
      std::string want(expected.get_string().value());
      INFO("our error: " << error);
      CHECK(error.find(want) != std::string::npos);  // the suite's words, with the profile named around them
    } else {
      REQUIRE(chain);
      auto steps = c["output"]["ProfileChain"].get_array().value();
      REQUIRE(steps.size() == chain->roles.size() + 1);
      auto base = steps.at(0).value();
      using kind = awsjson::profile_chain::base_kind;
      simdjson::dom::element b;
      if (base["AccessKey"].get(b) == simdjson::SUCCESS) {
        CHECK(chain->base.kind == kind::access_key);
        CHECK(chain->base.keys.access_key_id == field(b, "access_key_id"));
        CHECK(chain->base.keys.secret_access_key == field(b, "secret_access_key"));
      } else if (base["NamedSource"].get(b) == simdjson::SUCCESS) {
        CHECK(chain->base.kind == kind::named_source);
        CHECK(chain->base.named_source == std::string(b.get_string().value()));
      } else if (base["WebIdentityToken"].get(b) == simdjson::SUCCESS) {
        CHECK(chain->base.kind == kind::web_identity);
        CHECK(chain->base.role_arn == field(b, "role_arn"));
        CHECK(chain->base.web_identity_token_file == field(b, "web_identity_token_file"));
        CHECK(chain->base.role_session_name == field(b, "role_session_name"));
      } else {
        REQUIRE(base["Sso"].get(b) == simdjson::SUCCESS);
        CHECK(chain->base.kind == kind::sso);
        CHECK(chain->base.sso_session == field(b, "sso_session"));
        CHECK(chain->base.sso_region == field(b, "sso_region"));
        CHECK(chain->base.sso_start_url == field(b, "sso_start_url"));
        CHECK(chain->base.sso_account_id == field(b, "sso_account_id"));
        CHECK(chain->base.sso_role_name == field(b, "sso_role_name"));
      }
      for (std::size_t i = 0; i < chain->roles.size(); ++i) {
        auto role = steps.at(i + 1)["AssumeRole"];
        CHECK(chain->roles[i].role_arn == field(role.value(), "role_arn"));
        CHECK(chain->roles[i].role_session_name == field(role.value(), "role_session_name"));
        CHECK(chain->roles[i].external_id == field(role.value(), "external_id"));
      }
    }
    ++ran;
  }
  CHECK(ran == 28);
}

TEST_CASE("assume role: a chain of two roles through STS, each signed with the step before", "[client][roles]") {
  temp_dir home;
  home.write("config",
             "[profile app]\nrole_arn = arn:aws:iam::1:role/App\nsource_profile = hop\nrole_session_name = s1\n"
             "external_id = ext-7\nduration_seconds = 900\n"
             "[profile hop]\nrole_arn = arn:aws:iam::1:role/Hop\nsource_profile = base\n"
             "[profile base]\nregion = eu-west-1\n");
  home.write("credentials",
             std::string("[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = ") + planted + "\n");
  auto env = env_of({{"AWS_CONFIG_FILE", (home.path / "config").string()},
                     {"AWS_SHARED_CREDENTIALS_FILE", (home.path / "credentials").string()}});
  auto config = std::make_shared<awsjson::shared_config const>(awsjson::shared_config::load(env, "app"));
  auto sts = std::make_shared<scripted_transport>();
  sts->script = {{200, sts_answer("ASIAHOP", "hop-secret", "hop-token"), {}},
                 {200, sts_answer("ASIAAPP", "app-secret", "app-token", "2030-01-02T03:04:05Z"), {}}};
  awsjson::assume_role_credentials provider(config, {sts, "eu-west-1", {}}, sts, env);
  auto found = provider.load();
  INFO(found.error);
  REQUIRE(found.found);
  CHECK(found.found->keys.access_key_id == "ASIAAPP");
  CHECK(found.found->keys.session_token == "app-token");
  CHECK(found.found->source == "assume-role");
  REQUIRE(found.found->expiration);
  CHECK(std::chrono::system_clock::to_time_t(*found.found->expiration) == 1893553445);
  REQUIRE(sts->sent.size() == 2);
  CHECK(sts->endpoints[0] == "https://sts.eu-west-1.amazonaws.com");
  auto hop = form(sts->sent[0].body), app = form(sts->sent[1].body);
  CHECK(hop["Action"] == "AssumeRole");
  CHECK(hop["Version"] == "2011-06-15");
  CHECK(hop["RoleArn"] == "arn:aws:iam::1:role/Hop");
  CHECK(hop["RoleSessionName"].rfind("botocore-session-", 0) == 0);
  CHECK(app["RoleArn"] == "arn:aws:iam::1:role/App");
  CHECK(app["RoleSessionName"] == "s1");
  CHECK(app["ExternalId"] == "ext-7");
  CHECK(app["DurationSeconds"] == "900");
  CHECK(sts->sent[0].header("Content-Type") == "application/x-www-form-urlencoded; charset=utf-8");
  // The first call is signed with the base keys for STS in the region, the second with the hop's.
  CHECK(sts->sent[0].header("Authorization").find("Credential=AKIDBASE/") != std::string_view::npos);
  CHECK(sts->sent[0].header("Authorization").find("/eu-west-1/sts/aws4_request") != std::string_view::npos);
  CHECK(sts->sent[1].header("Authorization").find("Credential=ASIAHOP/") != std::string_view::npos);
  CHECK(sts->sent[1].header("X-Amz-Security-Token") == "hop-token");
}

TEST_CASE("assume role: STS's errors, loops and MFA name the profile and never a secret", "[client][roles]") {
  temp_dir home;
  home.write("config",
             "[profile app]\nrole_arn = arn:aws:iam::1:role/App\nsource_profile = base\n"
             "[profile mfa]\nrole_arn = arn:aws:iam::1:role/App\nsource_profile = base\nmfa_serial = arn:mfa\n"
             "[profile a]\nrole_arn = arn:aws:iam::1:role/A\nsource_profile = b\n"
             "[profile b]\nrole_arn = arn:aws:iam::1:role/B\nsource_profile = a\n"
             "[profile sso]\nsso_start_url = https://x\nsso_region = us-east-1\nsso_account_id = 1\nsso_role_name = r\n"
             "[profile via_sso]\nrole_arn = arn:aws:iam::1:role/A\nsource_profile = sso\n");
  home.write("credentials", std::string("[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = ") + planted +
                                "\naws_session_token = " + planted + "\n");
  auto env = env_of({{"AWS_CONFIG_FILE", (home.path / "config").string()},
                     {"AWS_SHARED_CREDENTIALS_FILE", (home.path / "credentials").string()}});
  auto load = [&](std::string const& profile, std::shared_ptr<scripted_transport> sts) {
    auto config = std::make_shared<awsjson::shared_config const>(awsjson::shared_config::load(env, profile));
    return awsjson::assume_role_credentials(config, {sts, "", {}}, sts, env).load();
  };
  auto sts = std::make_shared<scripted_transport>();
  sts->script = {{403,
                  "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>not allowed</Message>"
                  "</Error><RequestId>r</RequestId></ErrorResponse>",
                  {}}};
  auto denied = load("app", sts);
  CHECK_FALSE(denied.found);
  CHECK(denied.error.find("assume role arn:aws:iam::1:role/App (profile app)") != std::string::npos);
  CHECK(denied.error.find("HTTP 403, AccessDenied: not allowed") != std::string::npos);
  CHECK(sts->endpoints[0] == "https://sts.amazonaws.com");  // no region: the global endpoint
  auto garbled = std::make_shared<scripted_transport>();
  garbled->script = {{200, "<AssumeRoleResponse><Credentials>", {}}};
  auto broken = load("app", garbled);
  CHECK(broken.error.find("the answer is not XML") != std::string::npos);
  auto loop = load("a", sts);
  CHECK(loop.error.find("profile formed an infinite loop: a -> b -> a") != std::string::npos);
  auto mfa = load("mfa", sts);
  CHECK(mfa.error.find("mfa_serial") != std::string::npos);
  auto sso = load("via_sso", sts);
  CHECK(sso.error.find("profile sso: IAM Identity Center: no cached token") == 0);  // test_sso.cpp has the rest
  CHECK(sso.error.find("sign in with `aws sso login --profile sso`") != std::string::npos);
  for (auto const& e : {denied.error, broken.error, loop.error, mfa.error, sso.error})
    CHECK(e.find(planted) == std::string::npos);
  auto none = load("base", sts);  // no role_arn: another provider's
  CHECK_FALSE(none.found);
  CHECK(none.error.empty());
}

TEST_CASE("web identity: the token file from the environment or the profile, unsigned", "[client][roles]") {
  temp_dir home;
  std::string token_file = home.write("token.jwt", std::string(planted) + "-jwt\n");
  home.write("config", "[profile pod]\nrole_arn = arn:aws:iam::1:role/FromProfile\nweb_identity_token_file = " +
                           token_file + "\nrole_session_name = pod-session\n");
  auto sts = std::make_shared<scripted_transport>();
  sts->fallback = {200, sts_answer("ASIAWEB", "web-secret", "web-token"), {}};
  auto config_env = env_of({{"AWS_CONFIG_FILE", (home.path / "config").string()}});
  auto from_profile = std::make_shared<awsjson::shared_config const>(awsjson::shared_config::load(config_env, "pod"));
  auto found = awsjson::web_identity_credentials(from_profile, {sts, "us-west-2", {}}, config_env).load();
  INFO(found.error);
  REQUIRE(found.found);
  CHECK(found.found->keys.access_key_id == "ASIAWEB");
  CHECK(found.found->source == "assume-role-with-web-identity");
  auto sent = form(sts->sent.back().body);
  CHECK(sent["Action"] == "AssumeRoleWithWebIdentity");
  CHECK(sent["RoleArn"] == "arn:aws:iam::1:role/FromProfile");
  CHECK(sent["RoleSessionName"] == "pod-session");
  CHECK(sent["WebIdentityToken"] == std::string(planted) + "-jwt");  // trimmed
  CHECK(sts->sent.back().header("Authorization").empty());           // unsigned
  CHECK(sts->endpoints.back() == "https://sts.us-west-2.amazonaws.com");

  auto env = env_of({{"AWS_WEB_IDENTITY_TOKEN_FILE", token_file}, {"AWS_ROLE_ARN", "arn:aws:iam::1:role/FromEnv"}});
  auto empty = std::make_shared<awsjson::shared_config const>(awsjson::shared_config::load(env, ""));
  REQUIRE(awsjson::web_identity_credentials(empty, {sts, "us-west-2", "http://127.0.0.1:1"}, env).load().found);
  CHECK(form(sts->sent.back().body)["RoleArn"] == "arn:aws:iam::1:role/FromEnv");
  CHECK(form(sts->sent.back().body)["RoleSessionName"].rfind("botocore-session-", 0) == 0);
  CHECK(sts->endpoints.back() == "http://127.0.0.1:1");  // a configured STS endpoint

  auto no_role = env_of({{"AWS_WEB_IDENTITY_TOKEN_FILE", token_file}});
  auto lookup = awsjson::web_identity_credentials(empty, {sts, "", {}}, no_role).load();
  CHECK(lookup.error.find("no role") != std::string::npos);
  sts->fallback = {400,
                   "<ErrorResponse><Error><Code>InvalidIdentityToken</Code><Message>bad token</Message></Error>"
                   "</ErrorResponse>",
                   {}};
  auto rejected = awsjson::web_identity_credentials(empty, {sts, "", {}}, env).load();
  CHECK(rejected.error.find("InvalidIdentityToken: bad token") != std::string::npos);
  CHECK(rejected.error.find(planted) == std::string::npos);
  auto missing = env_of({{"AWS_WEB_IDENTITY_TOKEN_FILE", "/nonexistent/token"}, {"AWS_ROLE_ARN", "arn:r"}});
  CHECK(awsjson::web_identity_credentials(empty, {sts, "", {}}, missing).load().error.find("cannot read") !=
        std::string::npos);
}

TEST_CASE("the default chain: assume role and web identity in botocore's order", "[client][roles]") {
  temp_dir home;
  home.write("config", "[default]\nrole_arn = arn:aws:iam::1:role/App\ncredential_source = Environment\n");
  auto env = env_of({{"AWS_CONFIG_FILE", (home.path / "config").string()},
                     {"AWS_SHARED_CREDENTIALS_FILE", (home.path / "none").string()},
                     {"AWS_EC2_METADATA_DISABLED", "true"}});
  auto config = std::make_shared<awsjson::shared_config const>(awsjson::shared_config::load(env, ""));
  auto sts = std::make_shared<scripted_transport>();
  sts->fallback = {200, sts_answer("ASIAROLE", "role-secret", "role-token"), {}};
  // The environment's keys come first in the chain: with them, no role is assumed ...
  auto with_keys = env_of({{"AWS_CONFIG_FILE", (home.path / "config").string()},
                           {"AWS_ACCESS_KEY_ID", "AKIDENV"},
                           {"AWS_SECRET_ACCESS_KEY", "env-secret"}});
  auto chain = awsjson::default_credential_chain(config, sts, with_keys, {sts, "us-east-1", {}});
  CHECK(chain->load().found->keys.access_key_id == "AKIDENV");
  // ... and a profile chosen by the program drops them: its role is assumed with them as source.
  auto chosen = std::make_shared<awsjson::shared_config const>(awsjson::shared_config::load(with_keys, "default"));
  auto role = awsjson::default_credential_chain(chosen, sts, with_keys, {sts, "us-east-1", {}})->load();
  INFO(role.error);
  REQUIRE(role.found);
  CHECK(role.found->keys.access_key_id == "ASIAROLE");
  CHECK(sts->sent.back().header("Authorization").find("Credential=AKIDENV/") != std::string_view::npos);
}
