// IAM Identity Center (SSO) against a scripted portal and SSO OIDC: the cached token found by
// botocore's key, refreshed and written back when it is about to expire, the role's credentials
// asked with it, an SSO profile as a role's source; and every failure says to sign in again,
// naming the profile, without a token, a refresh token, a client secret or a credential in it.
// (The cross-SDK suites' SSO cases run in test_credential_suites.cpp.)
#include <catch2/catch.hpp>

#include <awsjson/client.hpp>

#include <filesystem>

#include "fake_service.hpp"
#include "support.hpp"

namespace {

using namespace client_test;
namespace fs = std::filesystem;

// A home folder with a config file and one cached token (under the SHA-1 of `key`).
struct sso_home {
  temp_dir home;
  std::string cache_file;
  sso_home(std::string const& config, std::string const& key, std::string const& token_json) {
    fs::create_directories(home.path / ".aws" / "sso" / "cache");
    home.write(".aws/config", config);
    cache_file = (home.path / ".aws" / "sso" / "cache" / (awsjson::detail::sha1_hex(key) + ".json")).string();
    std::ofstream(cache_file) << token_json;
  }
  awsjson::environment env() const { return env_of({{"HOME", home.path.string()}}); }
};

std::string const session_config =
    "[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Admin Role\n"
    "[sso-session corp]\nsso_region = eu-west-1\nsso_start_url = https://corp.awsapps.com/start\n";

std::string token_json(std::string const& expires, bool refreshable = true) {
  std::string t = std::string(R"({"startUrl":"https://corp.awsapps.com/start","region":"eu-west-1","accessToken":")") +
                  planted + R"(-access","expiresAt":")" + expires + "\"";
  if (refreshable)
    t += std::string(R"(,"refreshToken":")") + planted + R"(-refresh","clientId":"client-1","clientSecret":")" +
         planted + R"(-client","registrationExpiresAt":"2099-01-01T00:00:00Z")";
  return t + "}";
}

std::string role_answer(std::string const& id) {
  return R"({"roleCredentials":{"accessKeyId":")" + id + R"(","secretAccessKey":")" + planted +
         R"(-secret","sessionToken":"session-1","expiration":1893553445000}})";
}

std::string iso(std::chrono::system_clock::time_point t) {
  std::string out;
  REQUIRE(awsjson::append_date_time(out, std::chrono::time_point_cast<std::chrono::seconds>(t)));
  return out;
}

awsjson::credential_lookup load(sso_home const& h, std::shared_ptr<scripted_transport> http,
                                std::string const& profile = "dev") {
  auto env = h.env();
  auto config = std::make_shared<awsjson::shared_config const>(awsjson::shared_config::load(env, profile));
  return awsjson::sso_credentials(config, {http, [](std::chrono::duration<double>) {}}, env).load();
}

void check_no_secret(std::string const& message) {
  INFO(message);
  CHECK(message.find(planted) == std::string::npos);
}

}  // namespace

TEST_CASE("SSO: the role's credentials with the cached token of the session", "[client][sso]") {
  sso_home h(session_config, "corp", token_json("2099-01-01T00:00:00Z"));
  auto http = std::make_shared<scripted_transport>();
  http->script = {{200, role_answer("ASIASSO"), {}}};
  auto found = load(h, http);
  INFO(found.error);
  REQUIRE(found.found);
  CHECK(found.found->keys.access_key_id == "ASIASSO");
  CHECK(found.found->keys.secret_access_key == std::string(planted) + "-secret");
  CHECK(found.found->keys.session_token == "session-1");
  CHECK(found.found->source == "sso");
  REQUIRE(found.found->expiration);
  CHECK(std::chrono::system_clock::to_time_t(*found.found->expiration) == 1893553445);
  REQUIRE(http->sent.size() == 1);
  CHECK(http->endpoints[0] == "https://portal.sso.eu-west-1.amazonaws.com");
  CHECK(http->sent[0].method == "GET");
  CHECK(http->sent[0].path == "/federation/credentials?role_name=Admin%20Role&account_id=111122223333");
  CHECK(http->sent[0].header("x-amz-sso_bearer_token") == std::string(planted) + "-access");
  CHECK(http->sent[0].header("Authorization").empty());  // unsigned
}

TEST_CASE("SSO: a token about to expire is refreshed through SSO OIDC and written back", "[client][sso]") {
  auto soon = std::chrono::system_clock::now() + std::chrono::minutes(5);
  sso_home h(session_config, "corp", token_json(iso(soon)));
  auto http = std::make_shared<scripted_transport>();
  http->script = {
      {200,
       R"({"accessToken":"fresh-access","expiresIn":28800,"refreshToken":"fresh-refresh","tokenType":"Bearer"})",
       {}},
      {200, role_answer("ASIAFRESH"), {}}};
  auto found = load(h, http);
  INFO(found.error);
  REQUIRE(found.found);
  CHECK(found.found->keys.access_key_id == "ASIAFRESH");
  REQUIRE(http->sent.size() == 2);
  CHECK(http->endpoints[0] == "https://oidc.eu-west-1.amazonaws.com");
  CHECK(http->sent[0].method == "POST");
  CHECK(http->sent[0].path == "/token");
  CHECK(http->sent[0].body == std::string(R"({"clientId":"client-1","clientSecret":")") + planted +
                                  R"(-client","grantType":"refresh_token","refreshToken":")" + planted +
                                  R"(-refresh"})");
  CHECK(http->sent[1].header("x-amz-sso_bearer_token") == "fresh-access");
  // The cache holds the new token, for the next program (and the AWS CLI) to use.
  awsjson::detail::sso_cached_token cached;
  REQUIRE_FALSE(awsjson::decode_into(read_file(h.cache_file), cached));
  CHECK(cached.accessToken == "fresh-access");
  CHECK(cached.refreshToken == "fresh-refresh");
  CHECK(cached.clientSecret == std::string(planted) + "-client");
  std::chrono::system_clock::time_point expires;
  REQUIRE(awsjson::detail::sso_time(cached.expiresAt, expires));
  CHECK(expires - std::chrono::system_clock::now() > std::chrono::hours(7));
  CHECK((fs::status(h.cache_file).permissions() & fs::perms::group_read) == fs::perms::none);

  // The bearer token itself, for services that take one: the refreshed one, no new call.
  auto env = h.env();
  auto token = awsjson::sso_token_for(awsjson::shared_config::load(env, "dev"), env, {http});
  REQUIRE(token.found);
  CHECK(token.found->token == "fresh-access");
  CHECK(http->sent.size() == 2);
}

TEST_CASE("SSO: an expired or refused token says to sign in again, and never shows a secret", "[client][sso]") {
  auto past = std::chrono::system_clock::now() - std::chrono::hours(1);
  SECTION("expired, and the refresh refused") {
    sso_home h(session_config, "corp", token_json(iso(past)));
    auto http = std::make_shared<scripted_transport>();
    http->script = {{400, R"({"error":"invalid_grant"})", {}}};
    auto found = load(h, http);
    CHECK_FALSE(found.found);
    CHECK(found.error ==
          "profile dev: IAM Identity Center: the token for corp has expired; sign in again with "
          "`aws sso login --profile dev`");
    check_no_secret(found.error);
    CHECK(http->sent.size() == 1);  // the refresh, and no GetRoleCredentials with an expired token
  }
  SECTION("expired, legacy form: never refreshed") {
    sso_home h(
        "[profile old]\nsso_start_url = https://old.awsapps.com/start\nsso_region = us-east-2\n"
        "sso_account_id = 1\nsso_role_name = R\n",
        "https://old.awsapps.com/start", token_json(iso(past)));
    auto http = std::make_shared<scripted_transport>();
    auto found = load(h, http, "old");
    CHECK(found.error.find("has expired; sign in again with `aws sso login --profile old`") != std::string::npos);
    CHECK(http->sent.empty());
  }
  SECTION("refused by the portal") {
    sso_home h(session_config, "corp", token_json("2099-01-01T00:00:00Z"));
    auto http = std::make_shared<scripted_transport>();
    http->script = {{401, R"({"message":"Session token not found or invalid"})", {}}};
    auto found = load(h, http);
    CHECK(found.error ==
          "profile dev: IAM Identity Center: the token was refused (HTTP 401): the session has "
          "expired or is otherwise invalid; sign in again with `aws sso login --profile dev`");
    check_no_secret(found.error);
  }
  SECTION("never signed in") {
    sso_home h(session_config, "another-session", token_json("2099-01-01T00:00:00Z"));
    auto http = std::make_shared<scripted_transport>();
    auto found = load(h, http);
    CHECK(found.error.find("profile dev: IAM Identity Center: no cached token for corp (failed to read `") == 0);
    CHECK(found.error.find("sign in with `aws sso login --profile dev`") != std::string::npos);
  }
  SECTION("a cache file that is no token") {
    sso_home h(session_config, "corp", std::string(R"({"accessToken":")") + planted + R"(","expiresAt":7})");
    auto found = load(h, std::make_shared<scripted_transport>());
    CHECK(found.error.find("is not a token with accessToken and expiresAt") != std::string::npos);
    check_no_secret(found.error);
  }
  SECTION("the portal's errors and garbled answers") {
    sso_home h(session_config, "corp", token_json("2099-01-01T00:00:00Z"));
    auto http = std::make_shared<scripted_transport>();
    http->script = {unavailable(), unavailable(), unavailable()};
    auto found = load(h, http);
    CHECK(found.error.find("GetRoleCredentials at https://portal.sso.eu-west-1.amazonaws.com answered HTTP 503") !=
          std::string::npos);
    CHECK(http->sent.size() == 3);  // retried as botocore's standard mode
    http->script = {{200,
                     std::string(R"({"roleCredentials":{"accessKeyId":"A","secretAccessKey":5,"sessionToken":")") +
                         planted + "\"}}",
                     {}}};
    http->sent.clear();
    found = load(h, http);
    CHECK(found.error.find("not its answer") != std::string::npos);
    check_no_secret(found.error);
  }
  SECTION("a profile with a session and no role gives a token, not credentials") {
    sso_home h(
        "[profile dev]\nsso_session = corp\n[sso-session corp]\nsso_region = eu-west-1\n"
        "sso_start_url = https://corp.awsapps.com/start\n[profile app]\nrole_arn = arn:aws:iam::1:role/App\n"
        "source_profile = dev\n",
        "corp", token_json("2099-01-01T00:00:00Z"));
    auto http = std::make_shared<scripted_transport>();
    CHECK(load(h, http).error.empty());  // not this provider's: the chain goes on
    auto env = h.env();
    auto config = std::make_shared<awsjson::shared_config const>(awsjson::shared_config::load(env, "app"));
    auto found = awsjson::assume_role_credentials(config, {http, "eu-west-1", {}}, http, env).load();
    CHECK(found.error.find("profile dev: IAM Identity Center: the profile gives a bearer token (sso_session), not "
                           "credentials") == 0);
    CHECK(http->sent.empty());
  }
}

TEST_CASE("SSO: a role assumed with the credentials of an SSO profile", "[client][sso][roles]") {
  sso_home h(session_config + "[profile app]\nrole_arn = arn:aws:iam::1:role/App\nsource_profile = dev\n", "corp",
             token_json("2099-01-01T00:00:00Z"));
  auto http = std::make_shared<scripted_transport>();
  http->script = {
      {200, role_answer("ASIASSO"), {}},
      {200,
       "<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIAAPP</AccessKeyId>"
       "<SecretAccessKey>app-secret</SecretAccessKey><SessionToken>app-token</SessionToken>"
       "<Expiration>2030-01-02T03:04:05Z</Expiration></Credentials></AssumeRoleResult></AssumeRoleResponse>",
       {}}};
  auto env = h.env();
  auto config = std::make_shared<awsjson::shared_config const>(awsjson::shared_config::load(env, "app"));
  awsjson::client_options o;
  o.region = "eu-west-1";
  o.http = http;
  o.env = env;
  o.profile = "app";
  o.sleep = [](std::chrono::duration<double>) {};
  awsjson::client c(o);
  auto found = c.credentials();
  INFO(found.error);
  REQUIRE(found.found);
  CHECK(found.found->keys.access_key_id == "ASIAAPP");
  REQUIRE(http->sent.size() == 2);
  CHECK(http->endpoints[0] == "https://portal.sso.eu-west-1.amazonaws.com");
  CHECK(http->endpoints[1] == "https://sts.eu-west-1.amazonaws.com");
  CHECK(http->sent[1].header("Authorization").find("Credential=ASIASSO/") != std::string_view::npos);
}
