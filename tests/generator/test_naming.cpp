// The generator's naming rules (docs/generators.md), each on the model tests/generator/naming_model.json,
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
  static_assert(boost::mp11::mp_size<naming::operations>::value == 2);
  awsjson::http_request http;
  REQUIRE(!awsjson::build_request<naming::Ping>(naming::PingRequest{}, http));
  CHECK(http.body == "{}");
  CHECK(http.header("X-Amz-Target") == "Naming.Ping");
}
