// The generator's naming rules (docs/generators.md), each on the model tests/awsjson_gen/naming_model.json,
// generated at build time into the build folder: C++ names where the model's cannot be used, wire
// names kept on the wire.
#include <catch2/catch.hpp>

#include <awsjson/awsjson.hpp>

#include "../json_equal.hpp"
#include "naming/all.hpp"

TEST_CASE("a member named like a keyword, a macro, a reserved identifier or its type keeps its wire name",
          "[generator][naming]") {
  std::string body =
      R"({"class":"c","Config":{"Value":"v"},"NULL":true,"__private":"p","a-b":"dash","a_b":"underscore",)"
      R"("Deleted":{"Config":{"Value":"w"}},"Number":{"errno":5}})";
  naming::DoThingRequest r;
  auto err = awsjson::decode_into(body, r);
  INFO(err.to_string());
  REQUIRE(!err);
  CHECK(r.class_ == "c");
  CHECK(r.Config->Value == "v");           // a member named like its type (the type is qualified)
  CHECK(r.NULL_ == true);                  // a macro
  CHECK(r.private_ == "p");                // reserved (__), then a keyword
  CHECK(r.a_b == "dash");                  // first come, first named
  CHECK(r.a_b_ == "underscore");           // collides after renaming: a '_' behind
  CHECK(r.Deleted->Config->Value == "w");  // a shape named `delete` is the type delete_
  CHECK(r.Number->errno_ == 5);            // `int` is int_, `errno` errno_
  std::string where;
  CHECK(testing::json_equal(awsjson::encode(r), body, where));
  INFO(where);
}

TEST_CASE("an enum value that is not a C++ identifier gets one and keeps its wire name", "[generator][naming]") {
  using S = naming::Status;
  std::pair<char const*, S> table[] = {
      {"Intelligent-Tiering", S::Intelligent_Tiering},
      {"AWS::EC2::Instance", S::AWS_EC2_Instance},
      {"Automation.ChangeTemplate", S::Automation_ChangeTemplate},
      {"class", S::class_},
      {"9lives", S::v9lives},
      {"_x", S::x},
      {"a--b", S::a_b},
      {"a b", S::a_b_2},
  };
  for (auto const& [wire, value] : table) {
    INFO(wire);
    naming::DoThingRequest r;
    std::string body = std::string(R"({"class":"c","Status":")") + wire + R"("})";
    REQUIRE(!awsjson::decode_into(body, r));
    REQUIRE(r.Status);
    CHECK(r.Status->known() == value);
    CHECK(awsjson::encode(r) == body);
  }
}

TEST_CASE("a union member named like tagged_union's own slot is renamed", "[generator][naming]") {
  naming::DoThingResponse r;
  REQUIRE(!awsjson::decode_into(R"({"Result":{"unknown_member":"x"}})", r));
  CHECK(r.Result->unknown_member_ == "x");
  CHECK(!r.Result->unknown_member);
  CHECK(awsjson::which(*r.Result) == "unknown_member");
}

TEST_CASE("an operation without input or output gets empty OpRequest and OpResponse structures",
          "[generator][naming]") {
  static_assert(std::is_same_v<naming::Ping::input, naming::PingRequest>);
  static_assert(std::is_same_v<naming::Ping::output, naming::PingResponse>);
  static_assert(std::is_same_v<naming::DoThing::input, naming::DoThingRequest>);
  // DoThing and Ping; the model's third operation, Subscribe, is an event stream: left out (all.hpp
  // names it in a comment).
  static_assert(boost::mp11::mp_size<naming::operations>::value == 2);
  awsjson::http_request http;
  REQUIRE(!awsjson::build_request<naming::Ping>(naming::PingRequest{}, http));
  CHECK(http.body == "{}");
  CHECK(http.header("X-Amz-Target") == "Naming.Ping");
}

TEST_CASE("a model that offers json in a protocols list is awsJson; an error listed twice is typed once",
          "[generator]") {
  // The model's metadata: "protocol": "smithy-rpc-v2-cbor", "protocols": ["smithy-rpc-v2-cbor", "json"].
  static_assert(naming::DoThing::json_version == "1.1");
  static_assert(naming::DoThing::target_prefix == "Naming");
  // DoThing lists BadThing twice: one alternative (a duplicate would not compile in a variant).
  static_assert(std::is_same_v<naming::DoThing::errors, boost::mp11::mp_list<naming::BadThing>>);
  std::vector<awsjson::http_header> headers;
  auto r = awsjson::decode_response<naming::DoThing>(400, headers, R"({"__type":"BadThing","message":"no"})");
  REQUIRE(r.service_error());
  CHECK(r.service_error()->is<naming::BadThing>());
  CHECK(r.service_error()->message == "no");
}

TEST_CASE("an awsQueryCompatible service: x-amzn-query-mode on requests, x-amzn-query-error on errors",
          "[generator][query]") {
  static_assert(awsjson::query_compatible<naming::DoThing>);
  awsjson::http_request http;
  REQUIRE(!awsjson::build_request<naming::Ping>(naming::PingRequest{}, http));
  CHECK(http.header("x-amzn-query-mode") == "true");  // as botocore's serializer sends it

  // botocore's parser: Code;Fault gives the Query code (its Error.Code) and the fault (Error.Type);
  // the error is still typed by its shape.
  std::vector<awsjson::http_header> headers{{"x-amzn-query-error", "AWS.Naming.BadThing;Sender"}};
  auto r = awsjson::decode_response<naming::DoThing>(400, headers, R"({"__type":"Naming#BadThing","message":"no"})");
  REQUIRE(r.service_error());
  auto const& e = *r.service_error();
  CHECK(e.is<naming::BadThing>());
  CHECK(e.code == "BadThing");
  CHECK(e.query_code == "AWS.Naming.BadThing");
  CHECK(e.query_fault == "Sender");
  CHECK(!e.is_fault());
  headers[0].value = "AWS.Naming.Broken;Receiver";
  auto u = awsjson::decode_response<naming::DoThing>(400, headers, R"({"__type":"Broken"})");
  CHECK(u.service_error()->query_fault == "Receiver");
  CHECK(u.service_error()->is_fault());
  for (char const* malformed : {"NoFault", ";Sender", "A;B;C", ""}) {  // botocore ignores these
    headers[0].value = malformed;
    auto m = awsjson::decode_response<naming::DoThing>(400, headers, R"({"__type":"BadThing"})");
    INFO(malformed);
    CHECK(m.service_error()->query_code.empty());
    CHECK(m.service_error()->query_fault.empty());
    CHECK(m.service_error()->is<naming::BadThing>());
  }
}

TEST_CASE("a structure that holds itself by value gets an awsjson::indirect member", "[generator][indirect]") {
  // Expression: Not (required, by value: boxed, and optional all the same), And (a list: not boxed).
  static_assert(
      std::is_same_v<decltype(naming::Expression::Not), std::optional<awsjson::indirect<naming::Expression>>>);
  static_assert(std::is_same_v<decltype(naming::Expression::And), std::optional<std::vector<naming::Expression>>>);
  std::string filter = R"({"Value":"leaf","Key":"hunter2"})";
  for (int i = 0; i < 60; ++i) filter = R"({"Not":)" + filter + R"(,"And":[{"Value":"x"}]})";
  std::vector<awsjson::http_header> headers;
  auto r = awsjson::decode_response<naming::DoThing>(200, headers, R"({"Filter":)" + filter + "}");
  REQUIRE(r.ok());
  naming::Expression const* e = &*r.result()->Filter;
  int depth = 0;
  for (; e->Not; ++depth) e = &**e->Not;
  CHECK(depth == 60);
  CHECK(e->Value == "leaf");
  CHECK(awsjson::encode(*r.result()) == R"({"Filter":)" + filter + "}");
  CHECK(awsjson::to_string(*r.result()).find("hunter2") == std::string::npos);
  // Required: validation says so when it is missing; a default value does not recurse.
  naming::Expression empty;
  auto v = awsjson::validate(empty);
  REQUIRE(v.size() == 1);
  CHECK(v[0].to_string() == "/Not: required member is missing");
}
