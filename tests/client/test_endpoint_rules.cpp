// The endpoint rules engine (awsjson/client/endpoint_rules.hpp): every endpoint test botocore
// runs for the 152 awsJson services (tests/data/endpoint-tests/, botocore's
// endpoint-tests-1.json) against the committed rule sets (models/NAME.endpoint-rule-set-1.json),
// and the rules language's functions against what botocore's RuleSetStandardLibrary returns.
#include <catch2/catch.hpp>

#include <awsjson/client/endpoint_rules.hpp>
#include <awsjson/freetier/get_account_activity.hpp>
#include <awsjson/sqs/get_queue_url.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "fake_service.hpp"

namespace {
namespace rules = awsjson::endpoint_rules;
using rules::value;

std::string read(std::filesystem::path const& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

value json(std::string_view text) {
  auto v = awsjson::jmespath::parse_json(text);
  REQUIRE(v);
  return *v;
}

/// `fn` called on `argv` (JSON) inside a rule set, its result bound with assign and read back
/// through a template: "null" when the call gives nothing (its condition then fails).
std::string evaluate(std::string_view fn, std::string_view argv) {
  std::string text = std::string(R"({"version":"1.0","parameters":{},"rules":[{"type":"endpoint","conditions":[)") +
                     R"({"fn":")" + std::string(fn) + R"(","argv":)" + std::string(argv) +
                     R"(,"assign":"r"}],"endpoint":{"url":"https://x","properties":{"r":"{r}"}}},)"
                     R"({"type":"endpoint","conditions":[],"endpoint":{"url":"https://none"}}]})";
  std::string error;
  auto rs = rules::rule_set::parse(text, &error);
  INFO(error);
  REQUIRE(rs);
  auto r = rs->resolve({});
  REQUIRE(r.ok());
  return r.result->url == "https://none" ? "null" : r.result->properties.find("r")->text;
}

}  // namespace

TEST_CASE("every endpoint test of botocore, for the 152 services' rule sets", "[endpoints]") {
  std::size_t services = 0, cases = 0, failures = 0;
  for (auto const& entry : std::filesystem::directory_iterator(AWSJSON_TEST_DATA_DIR "/endpoint-tests")) {
    std::string name = entry.path().stem().string();
    std::string error;
    auto rs = rules::rule_set::parse(
        read(std::filesystem::path(AWSJSON_MODELS_DIR) / (name + ".endpoint-rule-set-1.json")), &error);
    INFO(name << ": " << error);
    REQUIRE(rs);
    ++services;
    value suite = json(read(entry.path()));
    for (value const& test : suite.find("testCases")->items) {
      ++cases;
      rules::parameters params;
      if (value const* p = test.find("params"))
        for (std::size_t i = 0; i < p->keys.size(); ++i) params[p->keys[i]] = p->fields[i];
      rules::resolution r = rs->resolve(params);
      value const& expect = *test.find("expect");
      std::string doc = test.find("documentation") ? test.find("documentation")->text : "";
      bool ok;
      if (value const* e = expect.find("endpoint")) {
        ok = r.ok() && r.result->url == e->find("url")->text;
        if (ok) {
          value const* properties = e->find("properties");
          ok = properties ? r.result->properties == *properties : r.result->properties.keys.empty();
        }
        if (ok) {
          value headers = value::object();
          for (auto const& [header, values] : r.result->headers) {
            value list = value::array();
            for (auto const& v : values) list.items.push_back(value::of_string(v));
            headers.set(header, std::move(list));
          }
          value const* expected = e->find("headers");
          ok = expected ? headers == *expected : headers.keys.empty();
        }
      } else {
        ok = !r.ok() && r.error == expect.find("error")->text;
      }
      if (!ok) {
        ++failures;
        UNSCOPED_INFO(name << ": " << doc << ": got "
                           << (r.ok() ? r.result->url + " " + r.result->properties.json() : "error " + r.error)
                           << ", expected " << expect.json());
      }
    }
  }
  CHECK(services == 152);
  CHECK(cases == 5549);
  CHECK(failures == 0);
}

TEST_CASE("the generated rule set is the committed one, and sends SQS where botocore does", "[endpoints]") {
  auto rs = rules::rule_set_for(awsjson::sqs::GetQueueUrl::endpoint_rules);
  REQUIRE(rs);
  CHECK(rs == rules::rule_set_for(awsjson::sqs::endpoint_rule_set));  // compiled once
  CHECK(rs->parameter_for("AWS::Region") == "Region");
  CHECK(rs->parameter_for("SDK::Endpoint") == "Endpoint");
  auto url = [&](std::string region, bool fips, bool dual) {
    auto r = rs->resolve({{"Region", value::of_string(region)},
                          {"UseFIPS", value::of_bool(fips)},
                          {"UseDualStack", value::of_bool(dual)}});
    return r.ok() ? r.result->url : "error: " + r.error;
  };
  CHECK(url("eu-west-1", false, false) == "https://sqs.eu-west-1.amazonaws.com");
  CHECK(url("us-east-1", true, false) == "https://sqs-fips.us-east-1.amazonaws.com");
  CHECK(url("us-east-1", false, true) == "https://sqs.us-east-1.api.aws");
  CHECK(url("cn-north-1", false, false) == "https://sqs.cn-north-1.amazonaws.com.cn");
  CHECK(url("us-gov-west-1", true, false) == "https://sqs.us-gov-west-1.amazonaws.com");
  CHECK(url("us-iso-east-1", false, false) == "https://sqs.us-iso-east-1.c2s.ic.gov");
  auto custom = rs->resolve({{"Region", value::of_string("us-east-1")},
                             {"UseFIPS", value::of_bool(true)},
                             {"UseDualStack", value::of_bool(false)},
                             {"Endpoint", value::of_string("https://example.com")}});
  CHECK(custom.error == "Invalid Configuration: FIPS and custom endpoint are not supported");
  auto missing = rs->resolve({});
  CHECK_FALSE(missing.ok());
}

TEST_CASE("the rules language's functions, as botocore's RuleSetStandardLibrary computes them", "[endpoints]") {
  using namespace rules::detail;
  SECTION("parseURL") {
    struct {
      char const* url;
      char const* expected;  // botocore's parse_url, as JSON
    } const table[] = {
        {"https://example.com",
         R"({"scheme":"https","authority":"example.com","path":"","normalizedPath":"/","isIp":false})"},
        {"http://example.com:8443/a/./b/../c//d/",
         R"({"scheme":"http","authority":"example.com:8443","path":"/a/./b/../c//d/","normalizedPath":"/a/c/d/","isIp":false})"},
        {"https://[fe80::1]:443/x y",
         R"({"scheme":"https","authority":"[fe80::1]:443","path":"/x y","normalizedPath":"/x%20y/","isIp":true})"},
        {"https://192.168.1.1/",
         R"({"scheme":"https","authority":"192.168.1.1","path":"/","normalizedPath":"/","isIp":true})"},
        {"https://a.b?x=1", "null"},
        {"ftp://a.b", "null"},
        {"https://example.com:99999", "null"},
        {"https://example.com/path?",
         R"({"scheme":"https","authority":"example.com","path":"/path","normalizedPath":"/path/","isIp":false})"},
        {"https://user@host.com:80/%7Efoo",
         R"({"scheme":"https","authority":"user@host.com:80","path":"/%7Efoo","normalizedPath":"/%257Efoo/","isIp":false})"},
    };
    for (auto const& row : table) {
      INFO(row.url);
      CHECK(parse_url(value::of_string(row.url)) == json(row.expected));
    }
  }
  SECTION("aws.parseArn") {
    struct {
      char const* arn;
      char const* expected;
    } const table[] = {
        {"arn:aws:s3:::bucket/key:part",
         R"({"partition":"aws","service":"s3","region":"","accountId":"","resourceId":["bucket","key","part"]})"},
        {"arn:aws:iam::123456789012:role/Admin",
         R"({"partition":"aws","service":"iam","region":"","accountId":"123456789012","resourceId":["role","Admin"]})"},
        {"arn:aws::x:y:z", "null"},
        {"arn:aws:sqs:us-east-1:1:q",
         R"({"partition":"aws","service":"sqs","region":"us-east-1","accountId":"1","resourceId":["q"]})"},
        {"notarn:x", "null"},
        {"arn:aws:kinesis:us-east-1:123:stream/s/consumer/c:1",
         R"({"partition":"aws","service":"kinesis","region":"us-east-1","accountId":"123","resourceId":["stream","s","consumer","c","1"]})"},
    };
    for (auto const& row : table) {
      INFO(row.arn);
      CHECK(parse_arn(value::of_string(row.arn)) == json(row.expected));
    }
  }
  SECTION("isValidHostLabel") {
    CHECK(is_valid_host_label("abc", false));
    CHECK_FALSE(is_valid_host_label("a.b", false));
    CHECK(is_valid_host_label("a.b", true));
    CHECK_FALSE(is_valid_host_label("-a", false));
    CHECK(is_valid_host_label(std::string(63, 'a'), false));
    CHECK_FALSE(is_valid_host_label(std::string(64, 'a'), false));
    CHECK_FALSE(is_valid_host_label("a..b", true));
    CHECK_FALSE(is_valid_host_label("", false));
    CHECK_FALSE(is_valid_host_label("a_b", false));
  }
  SECTION("substring") {
    CHECK(evaluate("substring", R"(["abcdefg", 0, 4, false])") == "abcd");
    CHECK(evaluate("substring", R"(["abcdefg", 0, 4, true])") == "defg");
    CHECK(evaluate("substring", R"(["abcdefg", 2, 9, false])") == "null");
    CHECK(evaluate("substring", R"(["abc", 1, 1, false])") == "null");
    CHECK(evaluate("substring", R"(["ab\u00e9cd", 0, 2, false])") == "null");  // not ASCII
  }
  SECTION("uriEncode") { CHECK(percent_encode("a b/c~d_e.f-g+h%\xC3\xA9") == "a%20b%2Fc~d_e.f-g%2Bh%25%C3%A9"); }
  SECTION("aws.partition") {
    auto const& p = rules::aws_partitions();
    CHECK(p.of("us-east-1").find("name")->text == "aws");
    CHECK(
        p.of("cn-north-1") ==
        json(
            R"({"dnsSuffix":"amazonaws.com.cn","dualStackDnsSuffix":"api.amazonwebservices.com.cn",)"
            R"("implicitGlobalRegion":"cn-northwest-1","name":"aws-cn","supportsDualStack":true,"supportsFIPS":true})"));
    CHECK(p.of("us-gov-west-1").find("name")->text == "aws-us-gov");
    CHECK(p.of("aws-global").find("name")->text == "aws");   // named by a partition
    CHECK(p.of("mars-east-1").find("name")->text == "aws");  // no partition's: the first
    CHECK(p.of("us-iso-east-1").find("dnsSuffix")->text == "c2s.ic.gov");
    CHECK(p.of("eusc-de-east-1").find("name")->text == "aws-eusc");
    CHECK(p.of("aws-cn-global").find("name")->text == "aws-cn");
  }
}

TEST_CASE("a rule set the engine cannot read is refused, naming why", "[endpoints]") {
  std::string error;
  CHECK_FALSE(rules::rule_set::parse("{", &error));
  CHECK(error == "endpoint rule set: not JSON");
  CHECK_FALSE(rules::rule_set::parse(
      R"({"parameters":{},"rules":[{"type":"endpoint","conditions":[{"fn":"aws.bogus","argv":[]}],"endpoint":{"url":"x"}}]})",
      &error));
  CHECK(error == "endpoint rule set: a function this engine does not know: aws.bogus");
  CHECK_FALSE(rules::rule_set::parse(
      R"({"parameters":{},"rules":[{"type":"endpoint","conditions":[{"fn":"isSet","argv":[1,2]}],"endpoint":{"url":"x"}}]})",
      &error));
  CHECK(error == "endpoint rule set: isSet takes 1 arguments, given 2");
}

TEST_CASE("the client sends each call where its service's rule set says, signed as it says", "[endpoints][client]") {
  using namespace client_test;
  fixture f;
  temp_dir dir;
  std::map<std::string, std::string> keys = {{"AWS_ACCESS_KEY_ID", "AKIDEXAMPLE"}, {"AWS_SECRET_ACCESS_KEY", planted}};
  auto with = [&](std::map<std::string, std::string> more) {
    auto all = keys;
    all.insert(more.begin(), more.end());
    return all;
  };
  auto sent_to = [&](client_options o) {
    auto r = client(o).call<awsjson::sqs::GetQueueUrl>({.QueueName = "q"});
    if (auto const* failure = r.failure()) return "failed: " + failure->message;
    return f.http->endpoints.back();
  };
  auto in = [&](std::string region, std::map<std::string, std::string> vars = {}) {
    auto o = f.options(with(vars));
    o.region = region;
    return o;
  };
  CHECK(sent_to(in("eu-west-1")) == "https://sqs.eu-west-1.amazonaws.com");
  CHECK(sent_to(in("cn-north-1")) == "https://sqs.cn-north-1.amazonaws.com.cn");
  CHECK(sent_to(in("us-isob-east-1")) == "https://sqs.us-isob-east-1.sc2s.sgov.gov");
  // FIPS and dual-stack: the program's setting, else the environment's, else the profile's.
  auto fips = in("us-east-2");
  fips.use_fips_endpoint = true;
  CHECK(sent_to(fips) == "https://sqs-fips.us-east-2.amazonaws.com");
  CHECK(sent_to(in("us-east-2", {{"AWS_USE_FIPS_ENDPOINT", "TRUE"}})) == "https://sqs-fips.us-east-2.amazonaws.com");
  CHECK(sent_to(in("us-east-2", {{"AWS_USE_DUALSTACK_ENDPOINT", "true"}})) == "https://sqs.us-east-2.api.aws");
  auto config = dir.write("config", "[default]\nuse_fips_endpoint = true\nuse_dualstack_endpoint = true\n");
  CHECK(sent_to(in("us-east-2", {{"AWS_CONFIG_FILE", config}})) == "https://sqs-fips.us-east-2.api.aws");
  CHECK(sent_to(in("us-east-2", {{"AWS_CONFIG_FILE", config}, {"AWS_USE_FIPS_ENDPOINT", "false"}})) ==
        "https://sqs.us-east-2.api.aws");
  // A configured endpoint is the rule set's Endpoint: used as it is, and refused with FIPS.
  CHECK(sent_to(in("us-east-2", {{"AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:9"}})) == "http://127.0.0.1:9");
  CHECK(sent_to(in("us-east-2",
                   {{"AWS_ENDPOINT_URL", "http://127.0.0.1:9"}, {"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"}})) ==
        "https://sqs.us-east-2.amazonaws.com");
  auto sent = f.http->sent.size();
  auto custom = in("us-east-2", {{"AWS_USE_FIPS_ENDPOINT", "true"}});
  custom.endpoint_url = "http://127.0.0.1:9";
  CHECK(sent_to(custom) ==
        "failed: no endpoint for SQS in us-east-2: Invalid Configuration: FIPS and custom endpoint are not supported");
  CHECK(f.http->sent.size() == sent);  // nothing sent
  CHECK(std::find(f.log.begin(), f.log.end(),
                  "GetQueueUrl: endpoint https://sqs.us-east-2.api.aws (the service's "
                  "endpoint rule set)") != f.log.end());

  // The signing region the rule set names: Free Tier's global endpoint in China.
  auto cn = in("aws-cn-global");
  REQUIRE(client(cn).call<awsjson::freetier::GetAccountActivity>({.activityId = std::string(32, 'a')}).ok());
  CHECK(f.http->endpoints.back() == "https://freetier.cn-northwest-1.api.amazonwebservices.com.cn");
  CHECK(f.http->sent.back().header("Authorization").find("/cn-northwest-1/freetier/aws4_request") != std::string::npos);
}

TEST_CASE("STS and the IAM Identity Center portal: their rule sets, as botocore's clients resolve them",
          "[endpoints][client]") {
  // botocore 1.43.11's sts client (AWS_STS_REGIONAL_ENDPOINTS, use_fips_endpoint,
  // use_dualstack_endpoint): the URL of AssumeRole, and the region it is signed for.
  struct {
    char const* region;
    bool legacy, fips, dualstack;
    char const* url;
    char const* signing_region;
  } const table[] = {
      {"eu-west-1", true, false, false, "https://sts.amazonaws.com", "us-east-1"},
      {"eu-west-1", false, false, false, "https://sts.eu-west-1.amazonaws.com", "eu-west-1"},
      {"af-south-1", true, false, false, "https://sts.af-south-1.amazonaws.com", "af-south-1"},
      {"us-east-1", false, true, false, "https://sts-fips.us-east-1.amazonaws.com", "us-east-1"},
      {"us-east-1", false, true, true, "https://sts-fips.us-east-1.api.aws", "us-east-1"},
      {"", false, false, false, "https://sts.amazonaws.com", "us-east-1"},  // no region: the global endpoint
      {"cn-north-1", false, false, false, "https://sts.cn-north-1.amazonaws.com.cn", "cn-north-1"},
      {"us-gov-west-1", false, true, false, "https://sts.us-gov-west-1.amazonaws.com", "us-gov-west-1"},
  };
  for (auto const& row : table) {
    INFO(row.region << " legacy " << row.legacy << " fips " << row.fips << " dual-stack " << row.dualstack);
    awsjson::sts_options o{nullptr, row.region, "", {}, row.fips, row.dualstack, row.legacy};
    auto t = o.target();
    CHECK(t.url == row.url);
    CHECK(t.signing_region == row.signing_region);
  }
  // The settings a role provider reads where the program gave none: the environment's, the profile's.
  client_test::temp_dir dir;
  auto config = dir.write("config", "[default]\nsts_regional_endpoints = legacy\nuse_dualstack_endpoint = true\n");
  auto env = client_test::env_of({{"AWS_CONFIG_FILE", config}, {"AWS_USE_FIPS_ENDPOINT", "true"}});
  auto shared = awsjson::shared_config::load(env);
  awsjson::sts_options given{nullptr, "us-east-1", "", {}, std::nullopt, std::nullopt, std::nullopt};
  CHECK(given.with_settings(shared, env).target().url == "https://sts-fips.us-east-1.api.aws");
  given.use_fips_endpoint = false;
  CHECK(given.with_settings(shared, env).target().url == "https://sts.us-east-1.api.aws");
  given.use_dualstack_endpoint = false;
  given.region = "eu-west-1";
  CHECK(given.with_settings(shared, env).target().url == "https://sts.amazonaws.com");  // legacy
  given.use_fips_endpoint = true;
  given.endpoint = "http://127.0.0.1:9";
  CHECK(given.with_settings(shared, env).target().error ==
        "Invalid Configuration: FIPS and custom endpoint are not supported");

  // The portal and its OIDC service, for the session's sso_region.
  auto portal = awsjson::detail::sso_endpoint(shared, env, "SSO", rules::sso_rule_set, "us-east-2");
  CHECK(portal.url == "https://portal.sso-fips.us-east-2.api.aws");
  auto plain = client_test::env_of({});
  CHECK(
      awsjson::detail::sso_endpoint(awsjson::shared_config::load(plain), plain, "SSO", rules::sso_rule_set, "eu-west-1")
          .url == "https://portal.sso.eu-west-1.amazonaws.com");
  CHECK(awsjson::detail::sso_endpoint(awsjson::shared_config::load(plain), plain, "SSO OIDC", rules::sso_oidc_rule_set,
                                      "eu-west-1")
            .url == "https://oidc.eu-west-1.amazonaws.com");
}
