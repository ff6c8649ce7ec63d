// Error responses: Smithy's awsJson1_1 errors.smithy protocol tests, with their exact data, plus
// this operation's own errors and what real services and proxies send.
#include <catch2/catch.hpp>

#include <awsjson/awsjson.hpp>
#include <awsjson/ssm/get_maintenance_window_execution_task_invocation.hpp>

#include <map>

namespace protocol_tests {
// The shapes of aws.protocoltests.json#GreetingWithErrors, as a generator would emit them.
struct InvalidGreeting {
  std::optional<std::string> Message;
};
BOOST_DESCRIBE_STRUCT(InvalidGreeting, (), (Message))
constexpr auto awsjson_shape(InvalidGreeting const*) {
  return awsjson::shape("InvalidGreeting", awsjson::shape_kind::client_error);
}

struct ComplexNestedErrorData {
  std::optional<std::string> Foo;
};
BOOST_DESCRIBE_STRUCT(ComplexNestedErrorData, (), (Foo))

struct ComplexError {
  std::optional<std::string> TopLevel;
  std::optional<ComplexNestedErrorData> Nested;
};
BOOST_DESCRIBE_STRUCT(ComplexError, (), (TopLevel, Nested))
constexpr auto awsjson_shape(ComplexError const*) {
  return awsjson::shape("ComplexError", awsjson::shape_kind::client_error);
}

struct FooError {};
BOOST_DESCRIBE_STRUCT(FooError, (), ())
constexpr auto awsjson_shape(FooError const*) { return awsjson::shape("FooError", awsjson::shape_kind::server_error); }

struct GreetingWithErrorsOutput {
  std::optional<std::string> greeting;
};
BOOST_DESCRIBE_STRUCT(GreetingWithErrorsOutput, (), (greeting))

struct GreetingWithErrors {
  using input = GreetingWithErrorsOutput;
  using output = GreetingWithErrorsOutput;
  using errors = boost::mp11::mp_list<InvalidGreeting, ComplexError, FooError>;
  static constexpr std::string_view name = "GreetingWithErrors";
  static constexpr std::string_view target_prefix = "JsonProtocol";
  static constexpr std::string_view json_version = "1.1";
};
}  // namespace protocol_tests

using namespace protocol_tests;
using Headers = std::vector<std::pair<std::string, std::string>>;
namespace ssm = awsjson::ssm;
using SsmOp = ssm::GetMaintenanceWindowExecutionTaskInvocation;

TEST_CASE("Smithy awsJson1_1 errors.smithy: typed errors with members", "[errors][smithy]") {
  Headers ct{{"Content-Type", "application/x-amz-json-1.1"}};
  auto r = awsjson::decode_response<GreetingWithErrors>(400, ct, R"({"__type": "InvalidGreeting", "Message": "Hi"})");
  REQUIRE(r.service_error());
  REQUIRE(r.service_error()->is<InvalidGreeting>());
  CHECK(r.service_error()->get_if<InvalidGreeting>()->Message == "Hi");
  CHECK(r.service_error()->message == "Hi");
  CHECK_FALSE(r.service_error()->is_fault());

  r = awsjson::decode_response<GreetingWithErrors>(
      400, ct, R"({"__type": "ComplexError", "TopLevel": "Top level", "Nested": {"Foo": "bar"}})");
  auto const* complex = r.service_error()->get_if<ComplexError>();
  REQUIRE(complex);
  CHECK(complex->TopLevel == "Top level");
  CHECK(complex->Nested->Foo == "bar");

  r = awsjson::decode_response<GreetingWithErrors>(400, ct, R"({"__type": "ComplexError"})");
  REQUIRE(r.service_error()->get_if<ComplexError>());
  CHECK(!r.service_error()->get_if<ComplexError>()->TopLevel);
}

TEST_CASE("Smithy awsJson1_1 errors.smithy: every way to name FooError", "[errors][smithy]") {
  struct row {
    char const* id;
    Headers headers;
    char const* body;
  };
  std::string const uri = ":http://internal.amazon.com/coral/com.amazon.coral.validate/";
  std::vector<row> rows = {
      {"UsingXAmznErrorType", {{"X-Amzn-Errortype", "FooError"}}, ""},
      {"UsingXAmznErrorTypeWithUri", {{"X-Amzn-Errortype", "FooError" + uri}}, ""},
      {"UsingXAmznErrorTypeWithUriAndNamespace", {{"X-Amzn-Errortype", "aws.protocoltests.json#FooError" + uri}}, ""},
      {"UsingCode", {{"Content-Type", "application/x-amz-json-1.1"}}, R"({"code": "FooError"})"},
      {"UsingCodeAndNamespace", {}, R"({"code": "aws.protocoltests.json#FooError"})"},
      {"UsingCodeUriAndNamespace",
       {},
       R"({"code": "aws.protocoltests.json#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/"})"},
      {"WithDunderType", {}, R"({"__type": "FooError"})"},
      {"WithDunderTypeAndNamespace", {}, R"({"__type": "aws.protocoltests.json#FooError"})"},
      {"WithDunderTypeAndDifferentNamespace", {}, R"({"__type": "aws.different.namespace#FooError"})"},
      {"WithDunderTypeUriAndNamespace",
       {},
       R"({"__type": "aws.protocoltests.json#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/"})"},
      {"WithNestedTypeProperty",
       {},
       R"({"__type": "aws.protocoltests.json#FooError", "ErrorDetails": [{"__type": "com.amazon.internal#ErrorDetails", "reason": "Some reason"}]})"},
  };
  for (auto const& r : rows) {
    INFO(r.id);
    auto resp = awsjson::decode_response<GreetingWithErrors>(500, r.headers, r.body);
    REQUIRE(resp.service_error());
    CHECK(resp.service_error()->is<FooError>());
    CHECK(resp.service_error()->code == "FooError");
    CHECK(resp.service_error()->is_fault());
  }
}

TEST_CASE("error type precedence: header, then code, then __type (top level only)", "[errors]") {
  auto r = awsjson::decode_response<GreetingWithErrors>(400, Headers{{"x-amzn-errortype", "InvalidGreeting"}},
                                                        R"({"code":"FooError","__type":"ComplexError"})");
  CHECK(r.service_error()->is<InvalidGreeting>());
  r = awsjson::decode_response<GreetingWithErrors>(400, Headers{},
                                                   R"({"__type":"ComplexError","code":"InvalidGreeting"})");
  CHECK(r.service_error()->is<InvalidGreeting>());
  r = awsjson::decode_response<GreetingWithErrors>(400, Headers{}, R"({"Details":{"__type":"InvalidGreeting"}})");
  CHECK(r.service_error()->is<awsjson::unknown_error>());
  CHECK(r.service_error()->code.empty());
}

TEST_CASE("sanitizing error codes", "[errors]") {
  CHECK(awsjson::sanitize_error_code("FooError") == "FooError");
  CHECK(awsjson::sanitize_error_code("FooError:http://internal.amazon.com/coral/x/") == "FooError");
  CHECK(awsjson::sanitize_error_code("smithy.example#FooError") == "FooError");
  CHECK(awsjson::sanitize_error_code(
            "com.amazonaws.ssm#DoesNotExistException:http://internal.amazon.com/coral/com.amazon.coral.validate/") ==
        "DoesNotExistException");
  CHECK(awsjson::sanitize_error_code("a#b#c") == "b#c");  // the FIRST '#', as Smithy says (botocore uses the last)
  CHECK(awsjson::sanitize_error_code("") == "");
}

TEST_CASE("this operation's errors, metadata and unknown codes", "[errors][ssm]") {
  Headers h{{"x-amzn-RequestId", "req-123"}, {"Content-Type", "application/x-amz-json-1.1"}};
  auto r = awsjson::decode_response<SsmOp>(
      400, h,
      R"({"__type":"com.amazonaws.ssm#DoesNotExistException:http://internal.amazon.com/coral/com.amazon.coral.validate/","message":"Window not found"})");
  REQUIRE(r.service_error());
  CHECK(r.service_error()->is<ssm::DoesNotExistException>());
  CHECK(r.service_error()->message == "Window not found");
  CHECK(r.service_error()->get_if<ssm::DoesNotExistException>()->Message == "Window not found");  // `message` too
  CHECK(r.metadata.request_id == "req-123");
  CHECK(r.metadata.http_status == 400);

  r = awsjson::decode_response<SsmOp>(500, Headers{}, R"({"__type":"InternalServerError","Message":"boom"})");
  CHECK(r.service_error()->get_if<ssm::InternalServerError>()->Message == "boom");
  CHECK(r.service_error()->is_fault());

  r = awsjson::decode_response<SsmOp>(400, h, R"({"__type":"ThrottlingException","message":"Rate exceeded"})");
  auto const* u = r.service_error()->get_if<awsjson::unknown_error>();
  REQUIRE(u);
  CHECK(u->code == "ThrottlingException");
  CHECK(u->message == "Rate exceeded");
  CHECK(u->http_status == 400);
  CHECK(u->raw_body.empty());
  CHECK_FALSE(r.service_error()->is_fault());
}

TEST_CASE("a body that is not JSON yields an unknown error with the status and the raw text", "[errors]") {
  std::string html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
  auto r = awsjson::decode_response<SsmOp>(502, Headers{{"x-amzn-RequestId", "r"}}, html);
  auto const* u = r.service_error()->get_if<awsjson::unknown_error>();
  REQUIRE(u);
  CHECK(u->http_status == 502);
  CHECK(u->raw_body == html);
  CHECK(u->code.empty());
  CHECK(r.service_error()->is_fault());
  for (std::string body : {"", "{", "{\"__type\":", "\xff\xfe", "null", "[1,2]", "{\"code\":5}"}) {
    auto x = awsjson::decode_response<SsmOp>(503, Headers{}, body);
    REQUIRE(x.service_error());
    CHECK(x.service_error()->is<awsjson::unknown_error>());
  }
}

TEST_CASE("an XML error (an AWS front end's, an emulator's) gives its <Code> and <Message>", "[errors]") {
  std::string xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<ErrorResponse><Error><Type>Sender</Type><Code>SignatureDoesNotMatch</Code>
<Message>The request signature we calculated does not match the signature you provided.</Message></Error>
<RequestId>7a62c49f</RequestId></ErrorResponse>)";
  auto r = awsjson::decode_response<SsmOp>(403, Headers{}, xml);
  auto const* u = r.service_error()->get_if<awsjson::unknown_error>();
  REQUIRE(u);
  CHECK(u->code == "SignatureDoesNotMatch");
  CHECK(r.service_error()->code == "SignatureDoesNotMatch");
  CHECK(u->message == "The request signature we calculated does not match the signature you provided.");
  CHECK(u->raw_body == xml);
  CHECK_FALSE(r.service_error()->is_fault());
  // An error type the operation knows, sent as XML: typed, with its message.
  auto d = awsjson::decode_response<SsmOp>(400, Headers{}, "<Error><Code>DoesNotExistException</Code></Error>");
  CHECK(d.service_error()->is<ssm::DoesNotExistException>());
  // Half an element, or markup inside it, is not a code.
  for (std::string body : {"<Error><Code>X", "<Error><Code><b>X</b></Code></Error>", "text <Code>X</Code>"}) {
    auto x = awsjson::decode_response<SsmOp>(400, Headers{}, body);
    CHECK(x.service_error()->code.empty());
  }
}

TEST_CASE("successful responses: typed result, empty body, request id", "[response]") {
  std::map<std::string, std::string> headers{{"X-Amzn-Requestid", "amazon-uniq-request-id"}};
  auto r = awsjson::decode_response<SsmOp>(200, headers, R"({"Status":"SUCCESS","StartTime":1700000000.5})");
  REQUIRE(r.ok());
  CHECK(*r.result()->Status == ssm::MaintenanceWindowExecutionStatus::SUCCESS);
  CHECK(r.metadata.request_id == "amazon-uniq-request-id");
  auto empty = awsjson::decode_response<SsmOp>(200, headers, "");  // Smithy json_1_1_service_responds_with_no_payload
  REQUIRE(empty.ok());
  CHECK(*empty.result() == ssm::GetMaintenanceWindowExecutionTaskInvocationResponse{});
  CHECK(awsjson::decode_response<SsmOp>(200, headers, R"({"foo": true})").ok());  // handles_unexpected_json_output
  auto bad = awsjson::decode_response<SsmOp>(200, headers, R"({"StartTime":"soon"})");
  REQUIRE(bad.output_error());
  CHECK(bad.output_error()->path == "/StartTime");
  Headers typed{{"X-Amzn-Errortype", "DoesNotExistException"}};
  CHECK(awsjson::decode_response<SsmOp>(400, typed, "").service_error()->is<ssm::DoesNotExistException>());
}
