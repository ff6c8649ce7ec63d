// Unions, documents and recursive shapes, on the generated Identity Store and DynamoDB types:
// what a user of those services relies on beyond what botocore's vectors show (tests/services/).
#include <catch2/catch.hpp>

#include <awsjson/awsjson.hpp>
#include <awsjson/dynamodb/get_item.hpp>
#include <awsjson/identitystore/get_user_id.hpp>
#include <awsjson/identitystore/update_user.hpp>

namespace ids = awsjson::identitystore;
namespace ddb = awsjson::dynamodb;

namespace {
// Violations at the union itself (the identifiers of these examples break the model's patterns).
std::size_t union_violations(ids::GetUserIdRequest const& r) {
  std::size_t n = 0;
  for (auto const& v : awsjson::validate(r)) {
    INFO(v.to_string());
    n += v.path == "/AlternateIdentifier";
  }
  return n;
}
}  // namespace

TEST_CASE("a union decodes the one member set, ignoring null members and __type", "[unions]") {
  ids::GetUserIdRequest r;
  REQUIRE(!awsjson::decode_into(
      R"({"IdentityStoreId":"d-1","AlternateIdentifier":{"ExternalId":{"Issuer":"i","Id":"x"}}})", r));
  CHECK(awsjson::which(r.AlternateIdentifier) == "ExternalId");
  REQUIRE(r.AlternateIdentifier.ExternalId);
  CHECK(r.AlternateIdentifier.ExternalId->Id == "x");

  REQUIRE(!awsjson::decode_into(
      R"({"IdentityStoreId":"d-1","AlternateIdentifier":{"__type":"x#AlternateIdentifier","ExternalId":null,
          "UniqueAttribute":{"AttributePath":"userName","AttributeValue":"jane"}}})",
      r));
  CHECK(awsjson::which(r.AlternateIdentifier) == "UniqueAttribute");
  CHECK(!r.AlternateIdentifier.ExternalId);  // reset: the previous value is not kept beside the new one
  CHECK(awsjson::members_set(r.AlternateIdentifier) == 1);
  CHECK(r.AlternateIdentifier.UniqueAttribute->AttributeValue.string() == "jane");
}

TEST_CASE("a union with no member or two members is an error naming the union", "[unions]") {
  ids::GetUserIdRequest r;
  for (char const* body : {R"({"IdentityStoreId":"d","AlternateIdentifier":{}})",
                           R"({"IdentityStoreId":"d","AlternateIdentifier":{"ExternalId":null}})",
                           R"({"IdentityStoreId":"d","AlternateIdentifier":{"ExternalId":{"Issuer":"i","Id":"x"},
                                 "UniqueAttribute":{"AttributePath":"p","AttributeValue":1}}})"}) {
    INFO(body);
    auto err = awsjson::decode_into(body, r);
    REQUIRE(err);
    CHECK(err.path == "/AlternateIdentifier");
    INFO(err.to_string());
    CHECK(err.to_string().find("union") != std::string::npos);
  }
}

TEST_CASE("a union member this build does not know is kept and sent back unchanged", "[unions]") {
  ids::GetUserIdRequest r;
  std::string body = R"({"IdentityStoreId":"d","AlternateIdentifier":{"FutureId":{"a":[1,2.50,"\u00e9"]}}})";
  REQUIRE(!awsjson::decode_into(body, r));
  REQUIRE(r.AlternateIdentifier.unknown_member);
  CHECK(r.AlternateIdentifier.unknown_member->name == "FutureId");
  CHECK(r.AlternateIdentifier.unknown_member->json == R"({"a":[1,2.50,"\u00e9"]})");
  CHECK(awsjson::which(r.AlternateIdentifier) == "FutureId");
  CHECK(awsjson::encode(r) == body);
  CHECK(union_violations(r) == 0);
  CHECK(awsjson::to_string(r).find("FutureId") != std::string::npos);
}

TEST_CASE("encoding and validating a union require exactly one member", "[unions]") {
  ids::GetUserIdRequest r;
  r.IdentityStoreId = "d-1";
  std::string out;
  CHECK(awsjson::encode_into(out, r));  // none set
  CHECK(union_violations(r) == 1);

  r.AlternateIdentifier.ExternalId = ids::ExternalId{"issuer", "id"};
  CHECK(!awsjson::encode_into(out, r));
  CHECK(union_violations(r) == 0);

  r.AlternateIdentifier.UniqueAttribute = ids::UniqueAttribute{"userName", {}};
  CHECK(awsjson::encode_into(out, r));  // two set
  CHECK(union_violations(r) == 1);
}

TEST_CASE("a document keeps its JSON exactly, numbers as written", "[documents]") {
  ids::UpdateUserRequest r;
  std::string value =
      R"({"big":1e400,"int":123456789012345678901234,"neg":-0.0,"s":"\u00e9\"","a":[true,null,{}],"o":{"k":[]}})";
  std::string body =
      R"({"IdentityStoreId":"d","UserId":"u","Operations":[{"AttributePath":"p","AttributeValue":)" + value + "}]}";
  REQUIRE(!awsjson::decode_into(body, r));
  REQUIRE(r.Operations.size() == 1);
  REQUIRE(r.Operations[0].AttributeValue);
  awsjson::document const& d = *r.Operations[0].AttributeValue;
  CHECK(d.json() == value);
  CHECK(awsjson::encode(r) == body);

  CHECK(d.kind() == awsjson::json_kind::object);
  CHECK(d.size() == 6);
  CHECK(d.find("big")->number() == "1e400");
  CHECK(d.find("int")->number() == "123456789012345678901234");
  CHECK(!d.find("int")->number_as<std::int64_t>());  // out of range: no value, not a wrong one
  CHECK(d.find("s")->string() == "é\"");
  CHECK(d.find("a")->at(0)->boolean() == true);
  CHECK(d.find("a")->at(1)->is_null());
  CHECK(!d.find("missing"));
  CHECK(d.members().size() == 6);
}

TEST_CASE("a document converts to a described type through decode", "[documents]") {
  ids::UpdateUserRequest r;
  REQUIRE(!awsjson::decode_into(
      R"({"IdentityStoreId":"d","UserId":"u","Operations":[{"AttributePath":"name","AttributeValue":{"Issuer":"i","Id":"7"}}]})",
      r));
  ids::ExternalId id;
  REQUIRE(!awsjson::decode_into(r.Operations[0].AttributeValue->json(), id));
  CHECK(id.Issuer == "i");
  CHECK(id.Id == "7");
}

TEST_CASE("a malformed document is an error naming its path", "[documents]") {
  ids::UpdateUserRequest r;
  auto err = awsjson::decode_into(
      R"({"IdentityStoreId":"d","UserId":"u","Operations":[{"AttributePath":"p","AttributeValue":{"a":[1,}}]})", r);
  REQUIRE(err);
  CHECK(err.path.rfind("/Operations/0/AttributeValue", 0) == 0);
}

namespace {
std::string nested_lists(int depth) {
  std::string s;
  for (int i = 0; i < depth; ++i) s += R"({"L":[)";
  s += R"({"S":"leaf"})";
  for (int i = 0; i < depth; ++i) s += "]}";
  return s;
}
}  // namespace

TEST_CASE("DynamoDB's recursive AttributeValue decodes and encodes at any depth within the limit", "[recursion]") {
  for (int depth : {0, 1, 5, 40}) {
    INFO(depth);
    std::string body = R"({"Item":{"k":)" + nested_lists(depth) + "}}";
    ddb::GetItemResponse out;
    auto err = awsjson::decode_into(body, out);
    INFO(err.to_string());
    REQUIRE(!err);
    ddb::AttributeValue const* v = &out.Item->at("k");
    for (int i = 0; i < depth; ++i) v = &v->L->at(0);
    CHECK(v->S == "leaf");
    CHECK(awsjson::encode(out) == body);
  }
  // Deeper than the limit: an error that names where, not a crash.
  ddb::GetItemResponse out;
  auto err = awsjson::decode_into(R"({"Item":{"k":)" + nested_lists(2000) + "}}", out);
  REQUIRE(err);
  CHECK(err.code == awsjson::errc::too_deep);
}

TEST_CASE("a member whose name is a C++ macro keeps its wire name", "[naming]") {
  ddb::AttributeValue v;
  REQUIRE(!awsjson::decode_into(R"({"NULL":true})", v));
  CHECK(v.NULL_ == true);
  CHECK(awsjson::encode(v) == R"({"NULL":true})");
}
