// awsjson::indirect: recursion by value (a structure that holds itself), as a value type.
#include <catch2/catch.hpp>

#include <string>

#include "kitchen_sink.hpp"

using awsjson::indirect;
using kitchen::Expr;

namespace {
// Not(Not(...(Value=leaf))) nested `depth` times, with the secret at the bottom.
std::string nested_not(int depth, std::string const& leaf) {
  std::string s = R"({"Value":")" + leaf + R"(","Secret":"hunter2","Required":"r"})";
  for (int i = 0; i < depth; ++i) s = R"({"Not":)" + s + R"(,"Required":"r"})";
  return s;
}
Expr const& bottom(Expr const& e) { return e.Not ? bottom(**e.Not) : e; }
}  // namespace

TEST_CASE("indirect is a value: deep copies, ==, moves, no null state but after a move", "[indirect]") {
  indirect<Expr> a;  // default: holds a default Expr
  CHECK(!a.valueless_after_move());
  CHECK(*a == Expr{});
  a->Value = "x";
  indirect<Expr> b = a;  // deep
  CHECK(b == a);
  b->Value = "y";
  CHECK((*a).Value == "x");  // the copy did not alias
  CHECK(b != a);
  indirect<Expr> c = std::move(b);
  CHECK(b.valueless_after_move());  // NOLINT: a moved-from indirect says so
  CHECK(c->Value == "y");
  b = c;  // assignment gives it a value again
  CHECK(!b.valueless_after_move());
  CHECK(b == c);
  Expr z;
  z.Value = "z";
  a = std::move(z);  // assigning a T
  CHECK(a->Value == "z");
  swap(a, c);
  CHECK(a->Value == "y");
  CHECK(c->Value == "z");
  indirect<Expr> moved = std::move(a), moved_too = std::move(c);
  CHECK(a == c);  // two moved-from indirects are equal
  CHECK(a != moved);
  CHECK(moved != moved_too);
}

TEST_CASE("a structure that holds itself by value decodes, encodes, prints and validates", "[indirect]") {
  std::string text =
      R"({"Value":"top","Not":{"Value":"inner","Required":"r"},"And":[{"Not":{"Value":"a","Required":"r"},"Required":"r"}],"Required":"r"})";
  Expr e;
  auto err = awsjson::decode_into(text, e);
  INFO(err.to_string());
  REQUIRE(!err);
  REQUIRE(e.Not);
  CHECK((*e.Not)->Value == "inner");
  CHECK((*(*e.And)[0].Not)->Value == "a");
  CHECK(awsjson::encode(e) == text);  // in model order, as it came
  CHECK(awsjson::decode<Expr>(awsjson::encode(e)) == e);
  CHECK(
      awsjson::to_string(e) ==
      R"(Expr{Value: "top", Not: Expr{Value: "inner", Required: "r"}, And: [Expr{Not: Expr{Value: "a", Required: "r"}, Required: "r"}], Required: "r"})");

  // null and absent alike leave the optional empty; decoding again reuses what is there.
  REQUIRE(!awsjson::decode_into(R"({"Not":null,"Required":"r"})", e));
  CHECK(!e.Not);
  CHECK(!e.And);

  // Validation and errors name the path through the boxed members.
  Expr bad;
  bad.Not.emplace()->Value = "far too long";
  auto v = awsjson::validate(bad);
  REQUIRE(v.size() == 3);
  CHECK(v[0].to_string() == "/Not/Value: length 12, must be at most 8");
  CHECK(v[1].to_string() == "/Not/Required: required member is missing");
  CHECK(v[2].to_string() == "/Required: required member is missing");
  CHECK(awsjson::decode_into(R"({"Not":{"Not":{"Value":7}}})", e).to_string() ==
        "/Not/Not/Value: expected a string, found 7");
}

TEST_CASE("recursion by value at depth: decoded in one pass, limited by max_depth, secrets kept", "[indirect]") {
  for (int depth : {1, 3, 4, 10, 100, 250}) {
    INFO(depth);
    std::string text = nested_not(depth, "leaf");
    Expr e;
    auto err = awsjson::decode_into(text, e);
    REQUIRE(!err);
    CHECK(bottom(e).Value == "leaf");
    CHECK(awsjson::decode<Expr>(awsjson::encode(e)) == e);
    Expr copy = e;  // deep copy of the whole chain
    CHECK(copy == e);
    auto printed = awsjson::to_string(e);
    CHECK(printed.find("hunter2") == std::string::npos);  // sensitive at every depth
    CHECK(printed.find("leaf") != std::string::npos);
  }
  Expr e;
  CHECK(awsjson::decode_into(nested_not(300, "leaf"), e).code == awsjson::errc::too_deep);
  awsjson::decode_options deep;
  deep.max_depth = 400;
  CHECK(!awsjson::decode_into(nested_not(300, "leaf"), e, deep));
  // A validation message deep below a sensitive member quotes nothing.
  Expr s;
  s.Not.emplace()->Secret = "hunter2";
  s.Required = "r";
  (*s.Not)->Required = "r";
  CHECK(awsjson::validate(s).empty());
  CHECK(awsjson::encode(s, awsjson::encode_options{.redact_sensitive = true}).find("hunter2") == std::string::npos);
}
