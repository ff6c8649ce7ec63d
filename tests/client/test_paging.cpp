// Paginators and waiters over generated operations (their facts from botocore's paginators-1.json
// and waiters-2.json), against a scripted transport; the JMESPath evaluator against the jmespath
// package botocore uses (tests/data/jmespath_vectors.json, tools/gen_jmespath_vectors.py).
#include <catch2/catch.hpp>

#include <awsjson/client.hpp>
#include <awsjson/dynamodb/waiters.hpp>
#include <awsjson/kinesis/describe_stream.hpp>
#include <awsjson/kms/list_aliases.hpp>
#include <awsjson/ssm/describe_parameters.hpp>
#include <awsjson/ssm/waiters.hpp>

#include <fstream>
#include <sstream>

namespace {
using awsjson::client;
using awsjson::jmespath::value;

// Answers from a script, one per request (the last one again when the script runs out).
struct scripted final : awsjson::transport {
  std::vector<std::pair<int, std::string>> script;
  std::vector<std::string> bodies;
  std::optional<awsjson::transport_error> send(std::string_view, awsjson::http_request const& request,
                                               awsjson::http_response& response) override {
    bodies.push_back(request.body);
    auto const& [status, body] = script[std::min(bodies.size(), script.size()) - 1];
    response = {status, {{"x-amzn-RequestId", "req"}}, body};
    return std::nullopt;
  }
};

struct fixture {
  std::shared_ptr<scripted> http = std::make_shared<scripted>();
  std::vector<double> waits;
  client make() {
    awsjson::client_options o;
    o.region = "us-east-1";
    o.http = http;
    o.credentials = std::make_shared<awsjson::static_credentials>(awsjson::sigv4::credentials{"AKID", "SECRET", ""});
    o.sleep = [this](std::chrono::duration<double> d) { waits.push_back(d.count()); };
    o.random = [] { return 0.0; };
    return client(o);
  }
};

value json(std::string_view text) {
  auto v = awsjson::jmespath::parse_json(text);
  REQUIRE(v);
  return *v;
}
}  // namespace

TEST_CASE("JMESPath: every expression of botocore's paginators and waiters gives jmespath's results", "[jmespath]") {
  std::ifstream in(AWSJSON_TEST_DATA_DIR "/jmespath_vectors.json");
  std::stringstream text;
  text << in.rdbuf();
  simdjson::dom::parser parser;
  auto root = parser.parse(simdjson::padded_string(text.str())).value();
  std::size_t checked = 0;
  simdjson::dom::array cases;
  REQUIRE(root["cases"].get_array().get(cases) == simdjson::SUCCESS);
  for (simdjson::dom::element c : cases) {
    std::string expression(c["expression"].get_string().value());
    awsjson::jmespath::expression e(expression);
    INFO(expression);
    REQUIRE(e.error().empty());
    value document = awsjson::jmespath::detail::from_element(c["document"].value());
    value expected = awsjson::jmespath::detail::from_element(c["result"].value());
    value got = e.search(document);
    INFO(document.json());
    // Equal as JSON values: an object's members in any order (the vectors' keys are sorted; a
    // multiselect hash keeps the expression's order, checked below).
    INFO("ours:     " << got.json() << "\njmespath: " << expected.json());
    CHECK(got == expected);
    ++checked;
  }
  CHECK(checked > 8800);
}

TEST_CASE("JMESPath: what is outside the subset is an error naming the expression", "[jmespath]") {
  for (std::string_view bad : {"sort_by(a)", "a.[0]", "a |", "length(a", "`{`", "a[::0]", "a ==", "[?a", "{a}", "[a,",
                               "a.(b)", "{1: a}", "[a, b]]", "lenght(a)", "length(a, b)", "merge()", "sort_by(a, &b"}) {
    awsjson::jmespath::expression e(bad);
    INFO(bad);
    CHECK(e.error().find(std::string(bad)) != std::string::npos);
    CHECK(e.search(json("{}")).is_null());
  }
  auto doc = json(R"({"a":[{"b":1,"s":"x"},{"b":2,"s":"y"},{"c":3}],"e":"é!"})");
  CHECK(awsjson::jmespath::search("a[-1].c", doc) == json("3"));
  CHECK(awsjson::jmespath::search("a[?b > `1`].s", doc) == json(R"(["y"])"));
  CHECK(awsjson::jmespath::search("length(e)", doc) == json("2"));  // code points, not bytes
  CHECK(awsjson::jmespath::search("a[].b", doc) == json("[1,2]"));
  // --query's forms: a hash's members in the expression's order, as the AWS CLI prints them.
  CHECK(awsjson::jmespath::search("a[0].{z: s, a: b}", doc).json() == R"({"z":"x","a":1})");
  CHECK(awsjson::jmespath::search("a[*].[s, b] | [1]", doc).json() == R"(["y",2])");
  // Bounds past any list, to the limits of a 64-bit integer: no overflow (UBSan), jmespath's results.
  CHECK(awsjson::jmespath::search("a[9223372036854775807]", doc).is_null());
  CHECK(awsjson::jmespath::search("a[-9223372036854775808]", doc).is_null());
  CHECK(awsjson::jmespath::search("a[0::9223372036854775807].b", doc) == json("[1]"));
  CHECK(awsjson::jmespath::search("a[9223372036854775807:0:-9223372036854775807].c", doc) == json("[3]"));
  CHECK(awsjson::jmespath::search("!a", doc) == json("false"));
  CHECK(awsjson::jmespath::search("!x && a", doc) == *doc.find("a"));
  // The messages a user reads.
  CHECK(awsjson::jmespath::expression("lenght(a)").error() ==
        "JMESPath `lenght(a)`: the function lenght() is not one of JMESPath's at offset 7");
  CHECK(awsjson::jmespath::expression("sort_by(a)").error() ==
        "JMESPath `sort_by(a)`: sort_by() takes 2 arguments, given 1 at offset 10");
  // An expression reference where none is taken, or a value where one is: jmespath's type errors.
  CHECK(awsjson::jmespath::search("length(&a)", doc).is_null());
  CHECK(awsjson::jmespath::search("sort_by(a, b)", doc).is_null());
  CHECK(awsjson::jmespath::search("sort_by(a, &b)[].b", doc).is_null());  // a key is null: a type error
  CHECK(awsjson::jmespath::search("sort_by(a[:2], &b)[].s", doc) == json(R"(["x","y"])"));
}

TEST_CASE("paginator: pages follow the token until the output has none", "[client][paginator]") {
  fixture f;
  f.http->script = {{200, R"({"Parameters":[{"Name":"a"},{"Name":"b"}],"NextToken":"t1"})"},
                    {200, R"({"Parameters":[{"Name":"c"}],"NextToken":"t2"})"},
                    {200, R"({"Parameters":[{"Name":"d"}]})"}};
  client c = f.make();
  using Op = awsjson::ssm::DescribeParameters;
  awsjson::paginator<Op> pages(c, {}, {.page_size = 2});
  std::vector<std::string> names;
  while (auto const* page = pages.next()) {
    REQUIRE(page->ok());
    for (auto const& p : pages.items(*page->result()).value()) names.push_back(*p.Name);
  }
  CHECK(names == std::vector<std::string>{"a", "b", "c", "d"});
  CHECK(pages.pages() == 3);
  CHECK(pages.error().empty());
  CHECK(pages.next_token().empty());
  REQUIRE(f.http->bodies.size() == 3);
  CHECK(f.http->bodies[0] == R"({"MaxResults":2})");
  CHECK(f.http->bodies[1] == R"({"MaxResults":2,"NextToken":"t1"})");
  CHECK(f.http->bodies[2] == R"({"MaxResults":2,"NextToken":"t2"})");

  SECTION("resumed from a token") {
    f.http->bodies.clear();
    f.http->script = {{200, R"({"Parameters":[{"Name":"c"}],"NextToken":"t2"})"}};
    awsjson::paginator<Op> again(c, {}, {.starting_token = R"("t1")"});
    REQUIRE(again.next());
    CHECK(f.http->bodies[0] == R"({"NextToken":"t1"})");
    CHECK(again.next_token() == R"("t2")");
  }
  SECTION("a token the input cannot take stops before any call") {
    awsjson::paginator<Op> bad(c, {}, {.starting_token = "[1]"});
    CHECK(bad.next() == nullptr);
    CHECK(bad.error().find("NextToken") != std::string::npos);
  }
  SECTION("a page that failed is the last one") {
    f.http->bodies.clear();
    f.http->script = {{200, R"({"Parameters":[],"NextToken":"t1"})"},
                      {400, R"({"__type":"InvalidNextToken","message":"bad token"})"}};
    awsjson::paginator<Op> failing(c, {});
    REQUIRE(failing.next()->ok());
    auto const* second = failing.next();
    REQUIRE(second);
    REQUIRE(second->service_error());
    CHECK(second->service_error()->code == "InvalidNextToken");
    CHECK(failing.next() == nullptr);
  }
  SECTION("the same token twice stops paging (botocore's rule)") {
    f.http->script = {{200, R"({"Parameters":[],"NextToken":"same"})"}};
    awsjson::paginator<Op> loop(c, {});
    int n = 0;
    while (loop.next()) ++n;
    CHECK(n == 2);
    CHECK(loop.error().find("twice") != std::string::npos);
  }
}

TEST_CASE("paginator: a more-results flag and a token inside the output", "[client][paginator]") {
  fixture f;
  client c = f.make();
  SECTION("KMS ListAliases: Truncated false ends it even with a NextMarker") {
    f.http->script = {{200, R"({"Aliases":[{"AliasName":"alias/a"}],"NextMarker":"m1","Truncated":true})"},
                      {200, R"({"Aliases":[{"AliasName":"alias/b"}],"NextMarker":"m2","Truncated":false})"}};
    awsjson::paginator<awsjson::kms::ListAliases> pages(c, {});
    int n = 0;
    while (pages.next()) ++n;
    CHECK(n == 2);
    CHECK(f.http->bodies[1] == R"({"Marker":"m1"})");
  }
  SECTION("Kinesis DescribeStream: the token is the last shard's id") {
    f.http->script = {
        {200, R"({"StreamDescription":{"StreamName":"s","StreamARN":"arn","StreamStatus":"ACTIVE","Shards":[)"
              R"({"ShardId":"shard-1","HashKeyRange":{"StartingHashKey":"0","EndingHashKey":"1"},)"
              R"("SequenceNumberRange":{"StartingSequenceNumber":"0"}}],"HasMoreShards":true,)"
              R"("RetentionPeriodHours":24,"StreamCreationTimestamp":0,"EnhancedMonitoring":[]}})"},
        {200,
         R"({"StreamDescription":{"StreamName":"s","StreamARN":"arn","StreamStatus":"ACTIVE","Shards":[],)"
         R"("HasMoreShards":false,"RetentionPeriodHours":24,"StreamCreationTimestamp":0,"EnhancedMonitoring":[]}})"}};
    // (designated, naming one member of four: the generated members are default-initialized)
    awsjson::paginator<awsjson::kinesis::DescribeStream> pages(c, {.StreamName = "s"});
    int n = 0;
    while (auto const* page = pages.next()) {
      REQUIRE(page->ok());
      ++n;
    }
    CHECK(n == 2);
    CHECK(f.http->bodies[1] == R"({"StreamName":"s","ExclusiveStartShardId":"shard-1"})");
  }
}

TEST_CASE("waiter: retried on its acceptors until success", "[client][waiter]") {
  fixture f;
  f.http->script = {{400, R"({"__type":"ResourceNotFoundException","message":"no table"})"},
                    {200, R"({"Table":{"TableName":"t","TableStatus":"CREATING"}})"},
                    {200, R"({"Table":{"TableName":"t","TableStatus":"ACTIVE"}})"}};
  client c = f.make();
  auto w = awsjson::wait<awsjson::dynamodb::waiters::TableExists>(c, {.TableName = "t"});
  CHECK(w.ok());
  CHECK(w.attempts == 3);
  CHECK(f.waits == std::vector<double>{20, 20});  // the waiter's delay
}

TEST_CASE("waiter: times out after its attempts, fails on a failure acceptor or an unexpected error",
          "[client][waiter]") {
  fixture f;
  client c = f.make();
  SECTION("timeout") {
    f.http->script = {{200, R"({"Table":{"TableName":"t","TableStatus":"CREATING"}})"}};
    auto w =
        awsjson::wait<awsjson::dynamodb::waiters::TableExists>(c, {.TableName = "t"}, {.delay = 1, .max_attempts = 3});
    CHECK(w.state == awsjson::wait_result::outcome::timeout);
    CHECK(w.attempts == 3);
    CHECK(w.message == "Waiter TableExists failed: Max attempts exceeded");
    CHECK(f.waits == std::vector<double>{1, 1});
  }
  SECTION("a failure acceptor") {
    f.http->script = {{200, R"({"Status":"InProgress"})"}, {200, R"({"Status":"Failed"})"}};
    auto w = awsjson::wait<awsjson::ssm::waiters::CommandExecuted>(
        c, {.CommandId = std::string(36, 'c'), .InstanceId = "i-0123456789abcdef0"});
    CHECK(w.state == awsjson::wait_result::outcome::failure);
    CHECK(w.attempts == 2);
    CHECK(w.message.find("terminal failure state") != std::string::npos);
    CHECK(f.waits == std::vector<double>{5});
  }
  SECTION("an error no acceptor expects") {
    f.http->script = {{400, R"({"__type":"AccessDeniedException","message":"no"})"}};
    auto w = awsjson::wait<awsjson::dynamodb::waiters::TableExists>(c, {.TableName = "t"});
    CHECK(w.state == awsjson::wait_result::outcome::failure);
    CHECK(w.attempts == 1);
    CHECK(w.message.find("AccessDeniedException") != std::string::npos);
  }
  SECTION("an error that is success (TableNotExists)") {
    f.http->script = {{200, R"({"Table":{"TableName":"t","TableStatus":"DELETING"}})"},
                      {400, R"({"__type":"ResourceNotFoundException","message":"gone"})"}};
    auto w = awsjson::wait<awsjson::dynamodb::waiters::TableNotExists>(c, {.TableName = "t"});
    CHECK(w.ok());
    CHECK(w.attempts == 2);
  }
}

namespace {
// pathAll, pathAny and status acceptors, over SSM DescribeParameters.
struct all_strings {
  using operation = awsjson::ssm::DescribeParameters;
  static constexpr std::string_view name = "AllStrings";
  static constexpr int delay = 2;
  static constexpr int max_attempts = 4;
  static constexpr awsjson::waiter_acceptor acceptors[] = {
      {awsjson::waiter_state::failure, awsjson::waiter_matcher::status, "", "500"},
      {awsjson::waiter_state::failure, awsjson::waiter_matcher::path_any, "Parameters[].Type", "\"SecureString\""},
      {awsjson::waiter_state::success, awsjson::waiter_matcher::path_all, "Parameters[].Type", "\"String\""},
  };
};
static_assert(awsjson::waiter_descriptor<all_strings>);
}  // namespace

TEST_CASE("waiter: pathAll needs a non-empty list all equal, pathAny one, status the HTTP status", "[client][waiter]") {
  fixture f;
  client c = f.make();
  f.http->script = {{200, R"({"Parameters":[]})"},
                    {200, R"({"Parameters":[{"Type":"String"},{"Type":"StringList"}]})"},
                    {200, R"({"Parameters":[{"Type":"String"},{"Type":"String"}]})"}};
  CHECK(awsjson::wait<all_strings>(c, {}).attempts == 3);
  f.http->bodies.clear();
  f.http->script = {{200, R"({"Parameters":[{"Type":"String"},{"Type":"SecureString"}]})"}};
  CHECK(awsjson::wait<all_strings>(c, {}).state == awsjson::wait_result::outcome::failure);
  f.http->script = {{500, R"({"__type":"InternalServerError","message":"x"})"}};
  auto w = awsjson::wait<all_strings>(c, {});
  CHECK(w.state == awsjson::wait_result::outcome::failure);
  CHECK(w.message.find("status 500") != std::string::npos);
}
