// The customization point, exactly as docs/generators.md shows it: a type awsjson does not know.
#include <catch2/catch.hpp>

#include <awsjson/awsjson.hpp>

#include <map>
#include <unordered_map>

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
    return awsjson::encode_value(ctx, x.text);  // the library's own string encoder: escapes, UTF-8 check
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
  CHECK(awsjson::encode_into(out, invalid).to_string().rfind("/Owner: ", 0) == 0);
  CHECK(out.empty());
}

// ---- One classification, and everything a custom type gets through its codec ------------------

namespace custom {
/// A money amount written as a string ("12.50"), with a validation rule of its own, a print form,
/// and a described part decoded by the library (delegation).
struct Amount {
  long cents = 0;
  friend bool operator==(Amount const&, Amount const&) = default;
};
struct Audit {
  std::string By;
  std::optional<std::int32_t> Level;
  friend bool operator==(Audit const&, Audit const&) = default;
};
BOOST_DESCRIBE_STRUCT(Audit, (), (By, Level))
constexpr auto awsjson_shape(Audit const*) { return awsjson::shape("Audit", {{.name = "By", .min_length = 2}}); }
/// A custom wrapper around a described structure: {"audit": {...}} on the wire.
struct Wrapped {
  Audit inner;
  friend bool operator==(Wrapped const&, Wrapped const&) = default;
};
struct Invoice {
  std::optional<Amount> Total;
  std::optional<Amount> Secret;
  std::optional<Wrapped> Check;
  std::optional<std::vector<Amount>> Lines;
  friend bool operator==(Invoice const&, Invoice const&) = default;
};
BOOST_DESCRIBE_STRUCT(Invoice, (), (Total, Secret, Check, Lines))
constexpr auto awsjson_shape(Invoice const*) {
  return awsjson::shape("Invoice", {{.name = "Secret", .sensitive = true}});
}
}  // namespace custom

template <>
struct awsjson::codec<custom::Amount> {
  static bool decode(simdjson::ondemand::value& v, custom::Amount& out, awsjson::decode_context& ctx) {
    std::string text;
    if (!awsjson::decode_value(v, text, ctx)) return false;  // a JSON string, by the library's rules
    auto dot = text.find('.');
    if (dot == std::string::npos || text.size() - dot != 3) return ctx.fail(awsjson::errc::invalid_value, "not d.cc");
    bool negative = text[0] == '-';
    long whole = std::stol(text.substr(negative, dot - negative)), fraction = std::stol(text.substr(dot + 1));
    out.cents = (negative ? -1 : 1) * (whole * 100 + fraction);
    return true;
  }
  static std::string text(custom::Amount const& x) {
    long v = x.cents < 0 ? -x.cents : x.cents;
    std::string out = x.cents < 0 ? "-" : "";
    out += std::to_string(v / 100);
    out += v % 100 < 10 ? ".0" : ".";
    out += std::to_string(v % 100);
    return out;
  }
  static bool encode(awsjson::encode_context& ctx, custom::Amount const& x) {
    return awsjson::encode_value(ctx, text(x));
  }
  static void validate(custom::Amount const& x, awsjson::validate_context& ctx) {
    // A careless message that quotes the value: below a sensitive point it is withheld for us.
    if (x.cents < 0) ctx.fail(std::string("negative amount ").append(text(x)));
  }
};

template <>
struct awsjson::codec<custom::Wrapped> {
  static bool decode(simdjson::ondemand::value& v, custom::Wrapped& out, awsjson::decode_context& ctx) {
    simdjson::ondemand::object obj;
    if (v.get_object().get(obj)) return ctx.mismatch(v, "an object");
    simdjson::ondemand::value inner;
    if (obj["audit"].get(inner)) return ctx.fail(awsjson::errc::missing_member, "expected an \"audit\" member");
    if (awsjson::decode_value(inner, out.inner, ctx)) return true;  // the described part: the library's decoder
    ctx.prepend_path("audit");
    return false;
  }
  static bool encode(awsjson::encode_context& ctx, custom::Wrapped const& x) {
    ctx.out += R"({"audit":)";
    if (!awsjson::encode_value(ctx, x.inner)) return false;
    ctx.out += '}';
    return true;
  }
  static void print(std::string& out, custom::Wrapped const& x) { out += "Wrapped(" + x.inner.By + ")"; }
  static void validate(custom::Wrapped const& x, awsjson::validate_context& ctx) { ctx.value(x.inner); }
};

TEST_CASE("kind_of: one classification of every type, custom codecs first", "[codec][kind]") {
  using awsjson::kind_of;
  using K = awsjson::value_kind;
  STATIC_REQUIRE(kind_of<std::string> == K::string);
  STATIC_REQUIRE(kind_of<bool> == K::boolean);
  STATIC_REQUIRE(kind_of<std::uint8_t> == K::integer);
  STATIC_REQUIRE(kind_of<std::int64_t> == K::integer);
  STATIC_REQUIRE(kind_of<float> == K::floating);
  STATIC_REQUIRE(kind_of<awsjson::timestamp> == K::timestamp);
  STATIC_REQUIRE(kind_of<awsjson::blob> == K::blob);  // a std::vector, but a blob
  STATIC_REQUIRE(kind_of<std::vector<int>> == K::list);
  STATIC_REQUIRE(kind_of<std::optional<int>> == K::optional);
  STATIC_REQUIRE(kind_of<std::map<std::string, int>> == K::map);
  STATIC_REQUIRE(kind_of<std::unordered_map<std::string, int>> == K::map);
  STATIC_REQUIRE(kind_of<std::map<int, int>> == K::unsupported);  // keys must be strings
  STATIC_REQUIRE(kind_of<custom::Audit> == K::structure);
  STATIC_REQUIRE(kind_of<custom::Amount> == K::custom);
  STATIC_REQUIRE(kind_of<custom::Name> == K::custom);
  STATIC_REQUIRE(kind_of<char> == K::unsupported);
}

TEST_CASE("a custom type gets decode, encode, print and validate through its codec", "[codec][kind]") {
  std::string const json =
      R"({"Total":"12.50","Secret":"3.07","Check":{"audit":{"By":"ann","Level":2}},"Lines":["1.00","-2.00"]})";
  auto inv = awsjson::decode<custom::Invoice>(json);
  CHECK(inv.Total->cents == 1250);
  CHECK(inv.Check->inner.By == "ann");
  CHECK(inv.Lines->at(1).cents == -200);
  CHECK(awsjson::encode(inv) == json);

  // print: the codec's print when it has one, else its JSON form; sensitive members redacted
  CHECK(awsjson::to_string(inv) == R"(Invoice{Total: "12.50", Secret: <redacted>, Check: Wrapped(ann), )"
                                   R"(Lines: ["1.00", "-2.00"]})");

  // validate: the codec's rule, and the library's rules on the parts it hands back (Audit.By)
  inv.Check->inner.By = "a";
  inv.Secret->cents = -307;
  auto problems = awsjson::validate(inv);
  REQUIRE(problems.size() == 3);
  CHECK(problems[0].to_string() ==
        "/Secret: invalid value (the codec's message quoted a sensitive value and was withheld)");
  CHECK(problems[1].to_string() == "/Check/By: length 1, must be at least 2");
  CHECK(problems[2].to_string() == "/Lines/1: negative amount -2.00");
  for (auto const& p : problems) CHECK(p.message.find("3.07") == std::string::npos);

  // errors from a delegated part carry their whole path
  custom::Invoice bad;
  CHECK(awsjson::decode_into(R"({"Check":{"audit":{"Level":"x"}}})", bad).to_string() ==
        "/Check/audit/Level: expected a 32-bit integer, found \"x\"");
  CHECK(awsjson::decode_into(R"({"Total":12.5})", bad).to_string() == "/Total: expected a string, found 12.5");
  CHECK(awsjson::decode_into(R"({"Total":"12.5"})", bad).to_string() == "/Total: not d.cc");
}
