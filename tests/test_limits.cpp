// Limits and hostile shapes, each decided and documented (README "Behaviour and limits"): a table
// of inputs with the error (path and code) or the value they must give.
#include <catch2/catch.hpp>

#include "kitchen_sink.hpp"

using awsjson::errc;
using kitchen::Sink;

namespace {
struct row {
  std::string json;
  errc code;         // ok: accepted
  std::string path;  // of the error
};

std::string nested(char open, char close, int depth, std::string const& inside = "") {
  return std::string(std::size_t(depth), open) + inside + std::string(std::size_t(depth), close);
}
}  // namespace

TEST_CASE("hostile shapes: nesting, size, strings, numbers, document framing", "[limits]") {
  std::vector<row> rows = {
      // nesting: unknown members may carry any JSON; deep nesting is an error, never a stack overflow
      {R"({"Unknown":)" + nested('[', ']', 100000) + "}", errc::too_deep, "/Unknown/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/*"},
      {R"({"Unknown":)" + nested('[', ']', 200) + "}", errc::ok, ""},
      {R"({"Unknown":)" + std::string(50000, '{') + "}", errc::invalid_json, "/Unknown"},
      // strings
      {"{\"String\":\"\xff\"}", errc::invalid_json, ""},
      {"{\"String\":\"\xc3\"}", errc::invalid_json, ""},
      {R"({"String":"\ud800"})", errc::invalid_json, "/String"},
      {R"({"String":"\udfff"})", errc::invalid_json, "/String"},
      {R"({"String":"\ud83d\ude00"})", errc::ok, ""},
      {R"({"String":"nul\u0000byte"})", errc::ok, ""},
      // numbers
      {R"({"Integer":-0})", errc::ok, ""},
      {R"({"Integer":2147483648})", errc::out_of_range, "/Integer"},
      {R"({"Byte":-129})", errc::out_of_range, "/Byte"},
      {R"({"Long":-9223372036854775809})", errc::out_of_range, "/Long"},
      {R"({"Unsigned":-1})", errc::out_of_range, "/Unsigned"},
      {R"({"Double":1e308})", errc::ok, ""},
      {R"({"Double":1e309})", errc::out_of_range, "/Double"},
      {R"({"Double":-0})", errc::ok, ""},
      {R"({"Long":)" + std::string(1000, '9') + "}", errc::out_of_range, "/Long"},
      {R"({"Double":)" + std::string(1000, '1') + "}", errc::out_of_range, "/Double"},
      {R"({"Double":0.)" + std::string(1000, '1') + "}", errc::ok, ""},
      {R"({"Timestamp":)" + std::string(1000, '1') + "}", errc::out_of_range, "/Timestamp"},
      {R"({"Timestamp":1e99999999999})", errc::out_of_range, "/Timestamp"},
      {R"({"Timestamp":9223372036854776})", errc::out_of_range, "/Timestamp"},  // milliseconds overflow 64 bits
      // timestamps
      {R"({"Timestamp":-62135596800})", errc::ok, ""},  // 0001-01-01
      {R"({"Timestamp":253402300800})", errc::ok, ""},  // 10000-01-01: fine as epoch seconds
      {R"({"Timestamp":"1969-07-20T20:17:40Z"})", errc::ok, ""},
      {R"({"Timestamp":"10000-01-01T00:00:00Z"})", errc::invalid_value, "/Timestamp"},
      {R"({"Timestamp":"2016-12-31T23:59:60Z"})", errc::invalid_value, "/Timestamp"},
      {R"({"Timestamp":"2016-12-31T24:00:00Z"})", errc::invalid_value, "/Timestamp"},
      {R"({"Timestamp":"2016-12-31T12:00:00+24:00"})", errc::invalid_value, "/Timestamp"},
      {R"({"Timestamp":"2016-12-31T12:00:00-99:00"})", errc::invalid_value, "/Timestamp"},
      {R"({"Timestamp":"2023-02-29T00:00:00Z"})", errc::invalid_value, "/Timestamp"},
      {R"({"Timestamp":" 2016-12-31T12:00:00Z"})", errc::invalid_value, "/Timestamp"},
      {R"({"Timestamp":"2016-12-31T12:00:00Z "})", errc::invalid_value, "/Timestamp"},
      {R"({"Timestamp":"2016-12-31t12:00:00z"})", errc::ok, ""},
      // document framing
      {R"({"Integer":1,"Integer":2})", errc::ok, ""},
      {"\xEF\xBB\xBF{}", errc::ok, ""},
      {"{} x", errc::trailing_content, ""},
      {"{}{}", errc::trailing_content, ""},
      {"", errc::empty_input, ""},
      {"   ", errc::empty_input, ""},
      {"null", errc::type_mismatch, ""},
      {"[]", errc::type_mismatch, ""},
      {"[{}]", errc::type_mismatch, ""},
  };
  for (auto const& r : rows) {
    Sink s;
    auto err = awsjson::decode_into(r.json, s);
    INFO(r.json.substr(0, 120) << " -> " << err.to_string());
    CHECK(err.code == r.code);
    if (r.code != errc::ok) {
      if (r.path.ends_with("*"))  // a prefix: the pointer of a deep value
        CHECK(err.path.starts_with(r.path.substr(0, r.path.size() - 1)));
      else
        CHECK(err.path == r.path);
      CHECK(!err.message.empty());
    }
  }
}

TEST_CASE("accepted hostile values keep their exact content", "[limits]") {
  Sink s =
      awsjson::decode<Sink>(std::string(R"({"String":"a\u0000b","Integer":-0,"Integer":7,"Timestamp":-62135596800})"));
  CHECK(*s.String == std::string("a\0b", 3));
  CHECK(*s.Integer == 7);  // the last duplicate wins
  CHECK(s.Timestamp->time_since_epoch().count() == -62135596800000);
  // milliseconds at the edge of 64 bits
  CHECK(awsjson::decode<Sink>(std::string(R"({"Timestamp":9223372036854775.807})"))
            .Timestamp->time_since_epoch()
            .count() == std::numeric_limits<std::int64_t>::max());
}

TEST_CASE("a multi-megabyte document decodes", "[limits][size]") {
  std::string big(6 << 20, 'x');
  for (std::size_t i = 0; i < big.size(); i += 97) big[i] = '"';
  std::string escaped;
  for (char c : big) escaped += c == '"' ? "\\\"" : std::string(1, c);
  Sink s;
  auto err = awsjson::decode_into("{\"String\":\"" + escaped + "\",\"List\":[" + std::string("\"a\",") + "\"b\"]}", s);
  REQUIRE(!err);
  CHECK(*s.String == big);
}

TEST_CASE("the depth limit is configurable", "[limits]") {
  std::string doc = R"({"Unknown":)" + nested('[', ']', 1000) + "}";
  Sink s;
  CHECK(awsjson::decode_into(doc, s).code == errc::too_deep);
  awsjson::decode_options deep;
  deep.max_depth = 2000;
  CHECK(!awsjson::decode_into(doc, s, deep));
}
