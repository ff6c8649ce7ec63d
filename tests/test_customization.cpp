// The customization point, exactly as docs/generators.md shows it: a type awsjson does not know.
#include <catch2/catch.hpp>

#include <awsjson/awsjson.hpp>

namespace custom {
struct Name {
  std::string text;
  friend bool operator==(Name const&, Name const&) = default;
};

struct Record {
  std::optional<Name> Owner;
  std::optional<std::vector<Name>> Aliases;
  friend bool operator==(Record const&, Record const&) = default;
};
BOOST_DESCRIBE_STRUCT(Record, (), (Owner, Aliases))
}  // namespace custom

template <>
struct awsjson::codec<custom::Name> {
  static bool decode(simdjson::ondemand::value& v, custom::Name& out, awsjson::decode_context& ctx) {
    std::string_view s;
    if (v.get_string().get(s)) return ctx.mismatch(v, "a string");
    out.text.assign(s);
    return true;
  }
  static bool encode(awsjson::encode_context& ctx, custom::Name const& x) {
    if (awsjson::detail::append_json_string(ctx.out, x.text)) return true;
    return ctx.fail(awsjson::errc::invalid_value, "string is not valid UTF-8");
  }
};

TEST_CASE("a custom type through awsjson::codec: decode, encode, errors with paths", "[codec]") {
  auto r = awsjson::decode<custom::Record>(std::string(R"({"Owner":"ann","Aliases":["a\u00e9","b"]})"));
  CHECK(r.Owner->text == "ann");
  CHECK((*r.Aliases)[0].text == "a\xc3\xa9");
  CHECK(awsjson::encode(r) == "{\"Owner\":\"ann\",\"Aliases\":[\"a\xc3\xa9\",\"b\"]}");
  custom::Record bad;
  CHECK(awsjson::decode_into(R"({"Aliases":["a",7]})", bad).to_string() == "/Aliases/1: expected a string, found 7");
  CHECK(awsjson::decode_into(R"({"Owner":null})", bad).code == awsjson::errc::ok);  // null is absent, as for any member
  CHECK(!bad.Owner);
  custom::Record invalid;
  invalid.Owner = custom::Name{"\xff"};
  std::string out;
  CHECK(awsjson::encode_into(out, invalid).to_string() == "/Owner: string is not valid UTF-8");
}
