#include <catch2/catch.hpp>

#include <cmath>

#include "kitchen_sink.hpp"

// Names longer than the read-ahead the raw matcher allows itself (32 bytes) take its other path.
namespace longnames {
enum class Tier { Short, Long_tier };
BOOST_DESCRIBE_ENUM(Tier, Short, Long_tier)
constexpr auto awsjson_enum_wire_names(Tier const*) {
  return std::array{awsjson::enum_wire{Tier::Long_tier, "A-tier-whose-wire-name-is-longer-than-32-bytes"}};
}
struct Holder {
  std::optional<awsjson::open_enum<Tier>> AMemberWhoseNameIsLongerThan32Bytes;
  std::optional<Tier> Plain;
};
BOOST_DESCRIBE_STRUCT(Holder, (), (AMemberWhoseNameIsLongerThan32Bytes, Plain))
}  // namespace longnames

using kitchen::Color;
using kitchen::Inner;
using kitchen::Sink;
using namespace std::chrono;

namespace {
Sink decode_sink(std::string const& json, awsjson::decode_options opts = {}) {
  Sink s;
  auto err = awsjson::decode_into(json, s, opts);
  INFO(json << " -> " << err.to_string());
  REQUIRE(!err);
  return s;
}
awsjson::error decode_error_of(std::string const& json, awsjson::decode_options opts = {}) {
  Sink s;
  return awsjson::decode_into(json, s, opts);
}
}  // namespace

TEST_CASE("strings: plain, escaped, unicode, embedded NUL", "[decode][string]") {
  CHECK(*decode_sink(R"({"String":"abc xyz"})").String == "abc xyz");
  CHECK(*decode_sink(R"({"String":"q\"b\\s\/n\nt\tr\rb\bf\f"})").String == "q\"b\\s/n\nt\tr\rb\bf\f");
  CHECK(*decode_sink(R"({"String":"\u00e9\u6f22\ud83d\ude00"})").String == "\xc3\xa9\xe6\xbc\xa2\xf0\x9f\x98\x80");
  CHECK(*decode_sink("{\"String\":\"\xc3\xa9\xf0\x9f\x98\x80\"}").String == "\xc3\xa9\xf0\x9f\x98\x80");
  CHECK(*decode_sink(R"({"String":"a\u0000b"})").String == std::string("a\0b", 3));
  CHECK(*decode_sink(R"({"String":""})").String == "");
  std::string long_text(5000, 'x');
  long_text[17] = '"';
  long_text[4000] = '\\';
  std::string escaped;
  for (char c : long_text) escaped += (c == '"' || c == '\\') ? std::string("\\") + c : std::string(1, c);
  CHECK(*decode_sink("{\"String\":\"" + escaped + "\"}").String == long_text);
}

TEST_CASE("booleans and integers of every width", "[decode][number]") {
  auto s = decode_sink(
      R"({"Boolean":true,"Byte":-128,"Short":32767,"Integer":-2147483648,"Long":1234567890123456789,"Unsigned":4294967295})");
  CHECK(*s.Boolean == true);
  CHECK(*s.Byte == -128);
  CHECK(*s.Short == 32767);
  CHECK(*s.Integer == -2147483648);
  CHECK(*s.Long == 1234567890123456789);  // > 2^53: exact, no double on the way
  CHECK(*s.Unsigned == 4294967295u);
  CHECK(*decode_sink(R"({"Long":-9223372036854775808})").Long == std::numeric_limits<std::int64_t>::min());
  CHECK(*decode_sink(R"({"Long":9223372036854775807})").Long == std::numeric_limits<std::int64_t>::max());
  CHECK(*decode_sink(R"({"Integer":-0})").Integer == 0);
  CHECK(*decode_sink(R"({"Boolean":false})").Boolean == false);

  struct bad {
    char const* json;
    char const* path;
    awsjson::errc code;
  };
  for (auto const& b : {bad{R"({"Byte":128})", "/Byte", awsjson::errc::out_of_range},
                        bad{R"({"Short":-32769})", "/Short", awsjson::errc::out_of_range},
                        bad{R"({"Integer":2147483648})", "/Integer", awsjson::errc::out_of_range},
                        bad{R"({"Long":9223372036854775808})", "/Long", awsjson::errc::out_of_range},
                        bad{R"({"Unsigned":-1})", "/Unsigned", awsjson::errc::out_of_range},
                        bad{R"({"Integer":1.5})", "/Integer", awsjson::errc::type_mismatch},
                        bad{R"({"Integer":1e2})", "/Integer", awsjson::errc::type_mismatch},
                        bad{R"({"Integer":"5"})", "/Integer", awsjson::errc::type_mismatch},
                        bad{R"({"Boolean":1})", "/Boolean", awsjson::errc::type_mismatch},
                        bad{R"({"Boolean":"true"})", "/Boolean", awsjson::errc::type_mismatch}}) {
    auto err = decode_error_of(b.json);
    INFO(b.json << " -> " << err.to_string());
    CHECK(err.path == b.path);
    CHECK(err.code == b.code);
  }
  CHECK(decode_error_of(R"({"Integer":2147483648})").to_string() ==
        "/Integer: expected a 32-bit integer, found 2147483648 (out of range)");
}

TEST_CASE("floats and doubles, including NaN and infinities as strings", "[decode][number]") {
  auto s = decode_sink(R"({"Float":1234.5,"Double":123456789.12345679})");
  CHECK(*s.Float == 1234.5f);
  CHECK(*s.Double == 123456789.12345679);
  CHECK(std::isnan(*decode_sink(R"({"Float":"NaN","Double":"NaN"})").Double));
  CHECK(std::isnan(*decode_sink(R"({"Float":"NaN"})").Float));
  CHECK(*decode_sink(R"({"Double":"Infinity"})").Double == std::numeric_limits<double>::infinity());
  CHECK(*decode_sink(R"({"Double":"-Infinity"})").Double == -std::numeric_limits<double>::infinity());
  CHECK(*decode_sink(R"({"Double":1e308})").Double == 1e308);
  CHECK(*decode_sink(R"({"Double":-5})").Double == -5.0);
  CHECK(*decode_sink(R"({"Double":0.1})").Double == 0.1);
  CHECK(decode_error_of(R"({"Double":"nan"})").path == "/Double");
  CHECK(decode_error_of(R"({"Double":1e400})").code == awsjson::errc::out_of_range);
  // Beyond float's range: an infinity of the number's sign, the rest of the document decoded.
  auto beyond = decode_sink(R"({"Float":1e300,"Double":2,"Name":"n"})");
  CHECK(*beyond.Float == std::numeric_limits<float>::infinity());
  CHECK(*beyond.Double == 2.0);
  CHECK(*decode_sink(R"({"Float":-1e39})").Float == -std::numeric_limits<float>::infinity());
  CHECK(*decode_sink(R"({"Float":3.4028235e38})").Float == std::numeric_limits<float>::max());  // rounds down
  CHECK(*decode_sink(R"({"Float":1e-50})").Float == 0.0f);  // below the smallest: zero, as IEEE rounds
  CHECK(*decode_sink(R"({"Float":0.1})").Float == 0.1f);    // the nearest float
  CHECK(decode_error_of(R"({"Double":true})").code == awsjson::errc::type_mismatch);
}

TEST_CASE("plain and open enums, wire names that are not identifiers", "[decode][enum]") {
  auto s = decode_sink(R"({"Plain":"Green","Open":"Intelligent-Tiering"})");
  CHECK(*s.Plain == Color::Green);
  CHECK(*s.Open == Color::Intelligent_Tiering);
  CHECK(*decode_sink(R"({"Plain":"AWS::EC2::Instance"})").Plain == Color::AWS_EC2_Instance);
  CHECK(awsjson::to_string(Color::Intelligent_Tiering) == "Intelligent-Tiering");
  CHECK(awsjson::to_string(Color::Red) == "Red");

  auto unknown = decode_sink(R"({"Open":"Ultraviolet"})");
  CHECK(!unknown.Open->is_known());
  CHECK(awsjson::to_string(*unknown.Open) == "Ultraviolet");
  for (auto c : {Color::Red, Color::Green, Color::Intelligent_Tiering, Color::AWS_EC2_Instance})
    CHECK_FALSE(*unknown.Open == c);
  CHECK(*decode_sink(R"({"Open":"Ultra\u0076iolet"})").Open == awsjson::open_enum<Color>::from_string("Ultraviolet"));

  // A plain enum has no place to keep an unknown value: that is an error naming the choices.
  auto err = decode_error_of(R"({"Plain":"Blue"})");
  CHECK(err.to_string() == "/Plain: expected one of Red,Green,Intelligent-Tiering,AWS::EC2::Instance, found \"Blue\"");
  CHECK(decode_error_of(R"({"Open":1})").to_string() == "/Open: expected a string, found 1");
}

TEST_CASE("enum values are matched exactly, however they are written", "[decode][enum]") {
  // Known values are matched against the raw input first: a prefix, an extension or a different
  // case of a wire name is not that name, and an escaped spelling still is.
  struct row {
    char const* json;
    std::optional<Color> known;  // nullopt: kept as an unknown string
    char const* wire;
  };
  for (auto const& r : {
           row{R"("Red")", Color::Red, "Red"},
           row{R"("Re")", std::nullopt, "Re"},
           row{R"("Redd")", std::nullopt, "Redd"},
           row{R"("red")", std::nullopt, "red"},
           row{R"("")", std::nullopt, ""},
           row{R"("R\u0065d")", Color::Red, "Red"},
           row{R"("Red\"")", std::nullopt, "Red\""},
           row{R"("Red\\")", std::nullopt, "Red\\"},
           row{R"("Intelligent-Tiering")", Color::Intelligent_Tiering, "Intelligent-Tiering"},
           row{R"("Intelligent-Tiering ")", std::nullopt, "Intelligent-Tiering "},
           row{R"("AWS::EC2::Instance")", Color::AWS_EC2_Instance, "AWS::EC2::Instance"},
           row{R"("Intelligent_Tiering")", std::nullopt, "Intelligent_Tiering"},
       }) {
    INFO(r.json);
    std::string doc = std::string(R"({"Open":)") + r.json + "}";
    auto s = decode_sink(doc);
    REQUIRE(s.Open);
    CHECK(s.Open->known() == r.known);
    CHECK(s.Open->wire() == r.wire);
    std::string plain = std::string(R"({"Plain":)") + r.json + "}";
    if (r.known)
      CHECK(*decode_sink(plain).Plain == *r.known);
    else
      CHECK(decode_error_of(plain).code == awsjson::errc::invalid_value);
  }
  // Decoding into a reused object: a known value replaces an unknown one and back again.
  Sink s;
  for (int i = 0; i < 3; ++i) {
    REQUIRE_FALSE(awsjson::decode_into(std::string(R"({"Open":"Ultraviolet"})"), s));
    CHECK(s.Open->wire() == "Ultraviolet");
    REQUIRE_FALSE(awsjson::decode_into(std::string(R"({"Open":"Green"})"), s));
    CHECK(*s.Open == Color::Green);
  }
}

TEST_CASE("member keys and enum values longer than 32 bytes", "[decode][enum]") {
  using longnames::Holder;
  using longnames::Tier;
  auto decode = [](std::string const& json) {
    Holder h;
    auto err = awsjson::decode_into(json, h);
    INFO(json << " -> " << err.to_string());
    REQUIRE(!err);
    return h;
  };
  auto h = decode(R"({"AMemberWhoseNameIsLongerThan32Bytes":"A-tier-whose-wire-name-is-longer-than-32-bytes",)"
                  R"("Plain":"A-tier-whose-wire-name-is-longer-than-32-bytes"})");
  REQUIRE(h.AMemberWhoseNameIsLongerThan32Bytes);
  CHECK(*h.AMemberWhoseNameIsLongerThan32Bytes == Tier::Long_tier);
  CHECK(h.Plain == Tier::Long_tier);
  // Escaped, both still match; a prefix or an extension of either does not.
  h = decode(R"({"AMemberWhoseNameIsLongerThan32Bytes":"A-tier-whose-wire-name-is-longer-than-32-bytes"})");
  CHECK(*h.AMemberWhoseNameIsLongerThan32Bytes == Tier::Long_tier);
  h = decode(R"({"AMemberWhoseNameIsLongerThan32Byte":"Short","AMemberWhoseNameIsLongerThan32Bytess":"Short"})");
  CHECK_FALSE(h.AMemberWhoseNameIsLongerThan32Bytes);
  h = decode(R"({"AMemberWhoseNameIsLongerThan32Bytes":"A-tier-whose-wire-name-is-longer-than-32-bytes!"})");
  CHECK(h.AMemberWhoseNameIsLongerThan32Bytes->wire() == "A-tier-whose-wire-name-is-longer-than-32-bytes!");
  CHECK_FALSE(h.AMemberWhoseNameIsLongerThan32Bytes->is_known());
  Holder bad;
  CHECK(awsjson::decode_into(std::string(R"({"Plain":"A-tier-whose-wire-name-is-longer-than-32-byte"})"), bad).code ==
        awsjson::errc::invalid_value);
}

TEST_CASE("timestamps in every form and precision", "[decode][timestamp]") {
  CHECK(decode_sink(R"({"Timestamp":946845296})").Timestamp->time_since_epoch().count() == 946845296000);
  CHECK(decode_sink(R"({"Timestamp":1700000000.123})").Timestamp->time_since_epoch().count() == 1700000000123);
  CHECK(decode_sink(R"({"Timestamp":-6.21355968E10})").Timestamp->time_since_epoch().count() == -62135596800000);
  CHECK(decode_sink(R"({"Timestamp":"2000-01-02T20:34:56.123Z"})").Timestamp->time_since_epoch().count() ==
        946845296123);
  CHECK(decode_sink(R"({"Iso":"2000-01-02T20:34:56Z"})").Iso->time_since_epoch().count() == 946845296000);
  CHECK(decode_sink(R"({"Http":"Sun, 02 Jan 2000 20:34:56 GMT"})").Http->time_since_epoch().count() == 946845296000);
  CHECK(decode_sink(R"({"Micro":1700000000.1234567})").Micro->time_since_epoch().count() == 1700000000123456);
  CHECK(decode_sink(R"({"Timestamp":"1482152400"})").Timestamp->time_since_epoch().count() == 1482152400000);
  CHECK(decode_error_of(R"({"Timestamp":true})").to_string() ==
        "/Timestamp: expected a timestamp (number or string), found true");
  CHECK(decode_error_of(R"({"Timestamp":1e20})").code == awsjson::errc::out_of_range);
  CHECK(decode_error_of(R"({"Timestamp":"2023-02-29T00:00:00Z"})").code == awsjson::errc::invalid_value);
}

TEST_CASE("blobs are base64", "[decode][blob]") {
  auto b = *decode_sink(R"({"Blob":"YmluYXJ5LXZhbHVl"})").Blob;
  CHECK(std::string(reinterpret_cast<char const*>(b.data()), b.size()) == "binary-value");
  CHECK(decode_sink(R"({"Blob":""})").Blob->empty());
  CHECK(decode_sink(R"({"Blob":"Zm9vYg=="})").Blob->size() == 4);
  CHECK(decode_sink(R"({"Blob":"Zm9vYmE="})").Blob->size() == 5);
  for (char const* bad : {R"({"Blob":"!!notb64"})", R"({"Blob":"Zm9vY"})", R"({"Blob":"Zm=vYg=="})", R"({"Blob":5})"}) {
    auto err = decode_error_of(bad);
    INFO(bad << " -> " << err.to_string());
    CHECK(err.path == "/Blob");
  }
}

TEST_CASE("lists, maps, sparse collections and nested structures", "[decode][collections]") {
  auto s = decode_sink(R"({"List":["abc","mno","xyz"],"Map":{"a":1,"b":2},
    "StructMap":{"size":{"Value":"small"},"color":{"Value":"red","Count":3}},
    "SparseList":["a",null],"SparseMap":{"foo":null,"bar":"x"},
    "Nested":{"Value":"v"},"ListOfLists":[[{"Value":"a"}],[],[{"Count":1},{"Count":2}]]})");
  CHECK(*s.List == std::vector<std::string>{"abc", "mno", "xyz"});
  CHECK(*s.Map == std::map<std::string, std::int32_t>{{"a", 1}, {"b", 2}});
  CHECK(s.StructMap->at("color") == Inner{"red", 3});
  CHECK(s.StructMap->at("size") == Inner{"small", std::nullopt});
  CHECK(*s.SparseList == std::vector<std::optional<std::string>>{"a", std::nullopt});
  CHECK(s.SparseMap->at("foo") == std::nullopt);
  CHECK(s.SparseMap->at("bar") == "x");
  CHECK(*s.Nested == Inner{"v", std::nullopt});
  REQUIRE(s.ListOfLists->size() == 3);
  CHECK((*s.ListOfLists)[2][1].Count == 2);
  CHECK(decode_sink(R"({"List":[],"Map":{}})").List->empty());

  // null inside a dense collection is an error (Smithy removed "skip nulls": it silently drops data).
  CHECK(decode_error_of(R"({"List":["a",null]})").to_string() == "/List/1: expected a string, found null");
  CHECK(decode_error_of(R"({"Map":{"k":null}})").to_string() == "/Map/k: expected a 32-bit integer, found null");
  CHECK(decode_error_of(R"({"Map":{"a/b~c":"x"}})").path == "/Map/a~1b~0c");  // JSON Pointer escaping
  CHECK(decode_error_of(R"({"ListOfLists":[[{"Count":"x"}]]})").path == "/ListOfLists/0/0/Count");
  CHECK(decode_error_of(R"({"Nested":[]})").to_string() == "/Nested: expected an object, found an array");
}

TEST_CASE("renamed members travel under their wire name", "[decode][metadata]") {
  CHECK(*decode_sink(R"({"WireName":"w"})").cpp_name == "w");
  CHECK(!decode_sink(R"({"cpp_name":"w"})").cpp_name);  // the C++ name is not a key
}

TEST_CASE("null members are absent, unknown members are skipped, the last duplicate wins", "[decode][struct]") {
  auto s = decode_sink(R"({"String":null,"Unknown":{"deep":[1,{"x":null}],"s":"\u00e9"},"Integer":1,"Integer":2,
                           "List":["a"],"List":["b","c"],"Another":[true,false,null,-1.5e3]})");
  CHECK(!s.String);
  CHECK(*s.Integer == 2);
  CHECK(*s.List == std::vector<std::string>{"b", "c"});
  CHECK(decode_sink("{}") == Sink{});
}

TEST_CASE("required members: zero value by default, an error in strict mode", "[decode][required]") {
  CHECK(decode_sink(R"({"String":"x"})").Name.empty());
  awsjson::decode_options strict;
  strict.strict_required = true;
  auto err = decode_error_of(R"({"String":"x"})", strict);
  CHECK(err.code == awsjson::errc::missing_member);
  CHECK(err.to_string() == "/Name: required member is missing");
  CHECK(decode_error_of(R"({"Name":null})", strict).to_string() == "/Name: required member is null");
  CHECK(decode_sink(R"({"Name":"n"})", strict).Name == "n");
  awsjson::decode_options reject;
  reject.reject_unknown_members = true;
  CHECK(decode_error_of(R"({"Name":"n","Extra":1})", reject).to_string() == "/Extra: unknown member");
}

TEST_CASE("recursive structures and the depth limit", "[decode][depth]") {
  auto s = decode_sink(R"({"Children":[{"Name":"a","Children":[{"Name":"b"}]}]})");
  REQUIRE(s.Children.size() == 1);
  CHECK(s.Children[0].Children[0].Name == "b");

  std::string deep;
  for (int i = 0; i < 300; ++i) deep += R"({"Children":[)";
  deep += "{}";
  for (int i = 0; i < 300; ++i) deep += "]}";
  auto err = decode_error_of(deep);
  CHECK(err.code == awsjson::errc::too_deep);
  awsjson::decode_options roomy;
  roomy.max_depth = 1000;
  CHECK(!decode_error_of(deep, roomy));
}

TEST_CASE("sensitive members never show their value in an error", "[decode][sensitive]") {
  auto err = decode_error_of(R"({"Secret":12345678})");
  CHECK(err.to_string() == "/Secret: expected a string, found a number");
  CHECK(err.to_string().find("12345678") == std::string::npos);
}

TEST_CASE("decoding into a reused object gives what a fresh decode gives", "[decode][reuse]") {
  char const* docs[] = {
      R"({"Name":"a","String":"x","List":["1","2","3"],"Nested":{"Value":"v","Count":1},"Open":"Weird"})",
      R"({"String":"y","List":["4"],"Open":"Red"})",
      R"({"Children":[{"Name":"c"}],"Map":{"k":1}})",
      R"({})",
  };
  Sink reused;
  for (int round = 0; round < 3; ++round)
    for (char const* d : docs) {
      Sink fresh;
      REQUIRE(!awsjson::decode_into(d, fresh));
      REQUIRE(!awsjson::decode_into(d, reused));
      CHECK(reused == fresh);
    }
}

TEST_CASE("input forms: string_view, std::string with and without spare capacity, padded_string, BOM",
          "[decode][input]") {
  std::string text = R"({"Name":"n"})";
  Sink s;
  CHECK(!awsjson::decode_into(std::string_view(text), s));
  CHECK(s.Name == "n");
  std::string roomy = text;
  roomy.reserve(text.size() + simdjson::SIMDJSON_PADDING);
  CHECK(!awsjson::decode_into(roomy, s));
  simdjson::padded_string padded(text);
  CHECK(!awsjson::decode_into(padded, s));
  CHECK(!awsjson::decode_into("\xEF\xBB\xBF" + text, s));  // a BOM is ignored, as RFC 8259 allows
  CHECK(awsjson::decode<Sink>(text).Name == "n");
  CHECK_THROWS_AS(awsjson::decode<Sink>(std::string("{\"Name\":5}")), awsjson::decode_error);
  try {
    (void)awsjson::decode<Sink>(std::string("{\"Nested\":{\"Count\":true}}"));
  } catch (awsjson::decode_error const& e) {
    CHECK(e.path() == "/Nested/Count");
    CHECK(std::string(e.what()) == "/Nested/Count: expected a 32-bit integer, found true");
  }
}
