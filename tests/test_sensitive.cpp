// Sensitive data never leaks: a secret planted at every depth and position of a generated document,
// below a @sensitive member or a @sensitive shape, never appears in a decode error (for the valid
// document and for every way of breaking it that the malformed table knows), an encode error, a
// validation message or a printed form. The same damages below a plain member do show the planted
// value: the control that proves the checks can see a leak.
#include <catch2/catch.hpp>

#include <awsjson/awsjson.hpp>

#include <functional>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace leak {

enum class Kind { Alpha, Beta };
BOOST_DESCRIBE_ENUM(Kind, Alpha, Beta)

// A custom type whose codec is careless: its messages quote the value. awsjson withholds such a
// message in a sensitive subtree.
struct Token {
  std::string text;
  friend bool operator==(Token const&, Token const&) = default;
};

struct Leaf {
  std::optional<std::string> Text;
  std::optional<std::int32_t> Number;
  std::optional<std::int64_t> Big;
  std::optional<double> Real;
  std::optional<bool> Flag;
  std::optional<awsjson::timestamp> When;
  std::optional<awsjson::timestamp> WhenIso;
  std::optional<Kind> Closed;
  std::optional<awsjson::open_enum<Kind>> Open;
  std::optional<awsjson::blob> Data;
  std::optional<Token> Custom;
};
BOOST_DESCRIBE_STRUCT(Leaf, (), (Text, Number, Big, Real, Flag, When, WhenIso, Closed, Open, Data, Custom))
constexpr auto awsjson_shape(Leaf const*) {
  return awsjson::shape("Leaf", {
                                    {.name = "Text", .min_length = 1, .max_length = 3, .pattern = "^[a-z]+$"},
                                    {.name = "Number", .min_value = 0, .max_value = 10},
                                    {.name = "Big", .min_value = 0, .max_value = 10},
                                    {.name = "WhenIso", .timestamp = awsjson::timestamp_format::date_time},
                                });
}

struct Mid {
  std::optional<Leaf> One;
  std::optional<std::vector<Leaf>> Many;
  std::optional<std::map<std::string, Leaf>> ByName;
  std::optional<std::map<std::string, std::string>> Tags;
  std::optional<std::vector<std::optional<std::string>>> Sparse;
  std::optional<std::vector<std::vector<std::int64_t>>> Grid;
};
BOOST_DESCRIBE_STRUCT(Mid, (), (One, Many, ByName, Tags, Sparse, Grid))
constexpr auto awsjson_shape(Mid const*) {
  return awsjson::shape("Mid", {{.name = "Tags", .max_length = 1}, {.name = "Many", .max_length = 1}});
}

// Sensitive as a whole shape, wherever it is used.
struct Vault {
  std::optional<Mid> Inside;
  std::optional<std::string> Key;
};
BOOST_DESCRIBE_STRUCT(Vault, (), (Inside, Key))
constexpr auto awsjson_shape(Vault const*) {
  return awsjson::shape("Vault", {{.name = "Key", .max_length = 2}}, awsjson::shape_kind::structure, true);
}

struct Top {
  std::optional<Mid> Secret;
  std::optional<std::vector<Vault>> Vaults;
  std::optional<std::map<std::string, Mid>> SecretMap;
  std::optional<std::string> SecretString;
  std::optional<std::int64_t> SecretNumber;
  std::optional<Leaf> SecretLeaf;
  std::optional<Mid> Plain;  // the control: not sensitive
};
BOOST_DESCRIBE_STRUCT(Top, (), (Secret, Vaults, SecretMap, SecretString, SecretNumber, SecretLeaf, Plain))
constexpr auto awsjson_shape(Top const*) {
  return awsjson::shape("Top", {
                                   {.name = "Secret", .sensitive = true},
                                   {.name = "SecretMap", .sensitive = true, .max_length = 1},
                                   {.name = "SecretString", .sensitive = true, .max_length = 2},
                                   {.name = "SecretNumber", .sensitive = true, .max_value = 10},
                                   {.name = "SecretLeaf", .sensitive = true},
                               });
}

}  // namespace leak

template <>
struct awsjson::codec<leak::Token> {
  static bool decode(simdjson::ondemand::value& v, leak::Token& out, awsjson::decode_context& ctx) {
    std::string_view s;
    if (v.get_string().get(s)) return ctx.mismatch(v, "a token");
    if (s.substr(0, 3) != "tok") return ctx.fail(awsjson::errc::invalid_value, "not a token: " + std::string(s));
    out.text.assign(s);
    return true;
  }
  static bool encode(awsjson::encode_context& ctx, leak::Token const& x) {
    ctx.out += '"';
    ctx.out += x.text;
    if (x.text.find('!') != std::string::npos)
      return ctx.fail(awsjson::errc::invalid_value, "cannot write token " + x.text);
    ctx.out += '"';
    return true;
  }
};

namespace {

// The markers: every secret contains one, every plain value one of the others.
constexpr std::string_view secret_text = "zqx", secret_digits = "86753";
constexpr std::string_view plain_text = "plq", plain_digits = "42424";

bool leaks(std::string_view s) {
  return s.find(secret_text) != std::string_view::npos || s.find(secret_digits) != std::string_view::npos;
}
bool shows_plain(std::string_view s) {
  return s.find(plain_text) != std::string_view::npos || s.find(plain_digits) != std::string_view::npos;
}

// The damages of the malformed table, with {S} a text marker and {N} a digit marker.
std::vector<std::string> const damages = {
    "\"{S}\"",                    // a string where something else belongs
    "{N}",                        // a number where something else belongs
    "{S}",                        // a bare word: no JSON value
    "-{N}.",                      // malformed numbers
    "0{N}",                       //
    "{N}ABC",                     //
    "{N}0000000000000000000000",  // out of range for every integer
    "{N}e400",                    // out of range for a double
    "{N}.5",                      // a fraction where an integer belongs
    "\"{S}\\q\"",                 // bad escapes
    "\"{S}\\u12\"",               //
    "\"{S}\\ud800\"",             // unpaired surrogates
    "\"{S}\\udc00\\ud800\"",      //
    "\"{S}\xff\xfe\"",            // not UTF-8
    "\"{S}\x01\"",                // a control character
    "{\"{S}\":{N}}",              // an object where a scalar belongs
    "[{N},\"{S}\"]",              // an array where a scalar belongs
    "[{N},0{N}]",                 // a malformed number in an array
    "{\"a\":{\"{S}\":tru}}",      // a bad literal under a key
    "\"{N}-02-29T00:00:00Z\"",    // timestamps that are no dates
    "\"Mon, 02 Jan {N} 20:34:56 GMT\"",
    "\"{S}-garbage\"",
    "\"{S}!!\"",                            // bad base64, an enum value a closed enum lacks
    "\"tok{S}!\"",                          // a token the codec takes, but cannot write back
    "[[[[[[[[[[[[{N}]]]]]]]]]]]]",          // deeper than the small max_depth below
    "{\"{S}\":{\"{S}\":{\"{S}\":[{N}]}}}",  //
    "null",                                 // null where a member is required (strict)
    "\"{S}",                                // the document cut inside the value
};

// Writes a valid document of a described type, leaf by leaf; the leaf numbered `target` gets
// `damage` instead of its value. Values below a sensitive member or shape carry the secret
// markers, others the plain markers; `target_sensitive` records which kind the target was.
struct writer {
  explicit writer(std::mt19937& r, std::size_t t = std::size_t(-1), std::string const* d = nullptr)
      : rng(r), target(t), damage(d) {}
  std::mt19937& rng;
  std::size_t target;
  std::string const* damage;
  std::string out;
  std::size_t leaves = 0;
  std::size_t serial = 0;
  bool sensitive = false;
  bool target_sensitive = false;
  std::size_t cut = std::string::npos;  // where a damage that cuts the document cuts it

  std::string text() { return std::string(sensitive ? secret_text : plain_text) + std::to_string(serial++); }
  std::string digits() {
    return std::string(sensitive ? secret_digits : plain_digits) + std::to_string(1000 + serial++ % 9000);
  }
  std::string fill(std::string const& pattern) {
    std::string s;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
      if (pattern.compare(i, 3, "{S}") == 0) {
        s += text();
        i += 2;
      } else if (pattern.compare(i, 3, "{N}") == 0) {
        s += digits();
        i += 2;
      } else {
        s += pattern[i];
      }
    }
    return s;
  }

  // One leaf: the value `normal` would write, or the damage.
  void leaf(std::function<void()> const& normal) {
    if (leaves++ != target) return normal();
    target_sensitive = sensitive;
    std::string d = fill(*damage);
    if (*damage == "\"{S}") cut = out.size() + d.size();
    out += d;
  }
  void key(std::string const& k) {
    out += '"';
    out += k;
    out += "\":";
  }

  template <class T>
  void value(bool is_timestamp_iso = false) {
    if constexpr (awsjson::is_optional<T>) {
      if (rng() % 6 == 0)
        leaf([&] { out += "null"; });
      else
        value<typename T::value_type>(is_timestamp_iso);
    } else if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, leak::Token> || awsjson::is_open_enum<T>) {
      std::string prefix = std::is_same_v<T, leak::Token> ? "tok" : "";
      leaf([&] { out += "\"" + prefix + text() + "\""; });
    } else if constexpr (std::is_same_v<T, bool>) {
      leaf([&] { out += "true"; });
    } else if constexpr (awsjson::is_integer<T>) {
      leaf([&] { out += digits(); });
    } else if constexpr (std::is_floating_point_v<T>) {
      leaf([&] { out += digits() + ".25"; });
    } else if constexpr (awsjson::is_timestamp<T>) {
      leaf([&] { out += is_timestamp_iso ? "\"2026-08-14T01:02:03Z\"" : "1" + digits(); });
    } else if constexpr (awsjson::described_enum<T>) {
      leaf([&] { out += "\"Beta\""; });
    } else if constexpr (awsjson::is_blob<T>) {
      leaf([&] {
        std::string b64 = text();
        b64.resize((b64.size() + 3) / 4 * 4, 'A');  // whole base64 quanta
        out += "\"" + b64 + "\"";
      });
    } else if constexpr (awsjson::is_list<T>) {
      out += '[';
      std::size_t n = rng() % 3;
      for (std::size_t i = 0; i < n; ++i) {
        if (i) out += ',';
        value<typename T::value_type>(is_timestamp_iso);
      }
      out += ']';
    } else if constexpr (awsjson::is_map<T>) {
      out += '{';
      std::size_t n = rng() % 3;
      for (std::size_t i = 0; i < n; ++i) {
        if (i) out += ',';
        key(text());  // a map key is data too
        value<typename T::mapped_type>(is_timestamp_iso);
      }
      out += '}';
    } else {
      static_assert(awsjson::described_struct<T>);
      awsjson::sensitive_scope shape(sensitive, awsjson::shape_of<T>().sensitive);
      out += '{';
      bool first = true;
      boost::mp11::mp_for_each<awsjson::members_of<T>>([&](auto d) {
        constexpr auto info = awsjson::member_of<T>(d.name);
        if (rng() % 5 == 0) return;  // absent
        if (!first) out += ',';
        first = false;
        key(std::string(info.key()));
        awsjson::sensitive_scope member(sensitive, info.sensitive);
        value<std::remove_cvref_t<decltype(std::declval<T&>().*d.pointer)>>(info.timestamp ==
                                                                            awsjson::timestamp_format::date_time);
      });
      if (rng() % 3 == 0) {  // a member this version does not know, holding any JSON
        if (!first) out += ',';
        key(text());
        out += '[';
        leaf([&] { out += digits(); });
        out += ",{\"k\":";
        leaf([&] { out += "\"" + text() + "\""; });
        out += "}]";
      }
      out += '}';
    }
  }
};

std::vector<awsjson::decode_options> option_sets() {
  std::vector<awsjson::decode_options> v(4);
  v[1].strict_required = true;
  v[1].reject_unknown_members = true;
  v[2].case_insensitive_keys = true;
  v[3].max_depth = 8;
  return v;
}

// Everything a user could log about a decoded value: its print, its violations, its encoding.
void check_outputs(leak::Top const& t, bool expect_plain_ok, std::size_t& plain_seen) {
  std::string printed = awsjson::to_string(t);
  INFO("printed: " << printed);
  CHECK(!leaks(printed));
  for (auto const& v : awsjson::validate(t)) {
    INFO("violation: " << v.to_string());
    CHECK(!leaks(v.to_string()));
    plain_seen += shows_plain(v.to_string());
  }
  std::string body;
  auto err = awsjson::encode_into(body, t);
  INFO("encode error: " << err.to_string());
  CHECK(!leaks(err.to_string()));
  (void)expect_plain_ok;
}

}  // namespace

TEST_CASE(
    "a secret planted anywhere below a sensitive member or shape never appears in an error, a violation "
    "or a print",
    "[sensitive][property]") {
  std::size_t runs = 0, failures = 0, plain_failures_showing = 0, plain_seen = 0, sensitive_targets = 0;
  auto options = option_sets();
  for (unsigned seed = 1; seed <= 12; ++seed) {
    std::mt19937 shape_rng(seed);
    writer probe(shape_rng);
    probe.value<leak::Top>();
    std::size_t n = probe.leaves;
    // The valid document: decodes, and its print, violations and encoding keep the secrets.
    {
      leak::Top t;
      auto err = awsjson::decode_into(probe.out, t);
      INFO("document: " << probe.out << "\nerror: " << err.to_string());
      REQUIRE(!err);
      check_outputs(t, true, plain_seen);
    }
    for (std::size_t target = 0; target < n; ++target)
      for (auto const& damage : damages) {
        std::mt19937 rng(seed);  // the same document, with one leaf damaged
        writer w(rng, target, &damage);
        w.value<leak::Top>();
        if (w.cut != std::string::npos) w.out.resize(w.cut);
        sensitive_targets += w.target_sensitive;
        for (auto const& o : options) {
          leak::Top t;
          auto err = awsjson::decode_into(w.out, t, o);
          ++runs;
          INFO("document: " << w.out << "\nerror: " << err.to_string());
          if (err) {
            ++failures;
            CHECK(!leaks(err.to_string()));
            if (!w.target_sensitive) plain_failures_showing += shows_plain(err.to_string());
          } else {
            check_outputs(t, !w.target_sensitive, plain_seen);
          }
        }
      }
  }
  // The property ran over many documents, most of them broken, with the damage often in a secret.
  CHECK(runs > 20000);
  CHECK(failures > runs / 2);
  CHECK(sensitive_targets > 1000);
  // The control: the same damages below the plain member show the plain values, so the checks
  // above would see a secret if one were quoted.
  CHECK(plain_failures_showing > 100);
  CHECK(plain_seen > 10);
}

TEST_CASE("sensitivity is inherited through nested structures, lists and maps, and restored after them",
          "[sensitive][decode]") {
  leak::Top t;
  // The issue's example: a nested member of a sensitive member.
  auto err = awsjson::decode_into(R"({"Secret":{"One":{"Number":"zqx-hunter2"}}})", t);
  CHECK(err.to_string() == "/Secret/One/Number: expected a 32-bit integer, found a string");
  err = awsjson::decode_into(R"({"SecretMap":{"zqx-key":{"Tags":{"zqx-tag":5}}}})", t);
  CHECK(err.to_string() == "/SecretMap/<redacted>/Tags/<redacted>: expected a string, found a number");
  err = awsjson::decode_into(R"({"Vaults":[{"Inside":{"Many":[{"Big":86753e400}]}}]})", t);
  CHECK(err.to_string() == "/Vaults/0/Inside/Many/0/Big: expected a 64-bit integer, found a number");
  // After a sensitive sibling, a plain member's errors quote again.
  err = awsjson::decode_into(R"({"Secret":{"One":{"Text":"x"}},"Plain":{"One":{"Number":"plq"}}})", t);
  CHECK(err.to_string() == "/Plain/One/Number: expected a 32-bit integer, found \"plq\"");
  err = awsjson::decode_into(R"({"Plain":{"Tags":{"k/1":5}}})", t);
  CHECK(err.to_string() == "/Plain/Tags/k~11: expected a string, found 5");
  // A careless custom codec's message is withheld below a sensitive member, kept elsewhere.
  err = awsjson::decode_into(R"({"SecretLeaf":{"Custom":"zqx1"}})", t);
  CHECK(err.path == "/SecretLeaf/Custom");
  CHECK(!leaks(err.message));
  err = awsjson::decode_into(R"({"Plain":{"One":{"Custom":"plq1"}}})", t);
  CHECK(err.to_string() == "/Plain/One/Custom: not a token: plq1");
  // Unknown members below a sensitive member: their keys are data too.
  awsjson::decode_options strict;
  strict.reject_unknown_members = true;
  err = awsjson::decode_into(R"({"Secret":{"zqx-unknown":1}})", t, strict);
  CHECK(err.to_string() == "/Secret/<redacted>: unknown member");
}

TEST_CASE("validation and encoding below a sensitive member or shape show no values", "[sensitive][validate]") {
  leak::Top t;
  t.SecretNumber = 8675309;
  t.SecretString = "zqx-long";
  t.Secret.emplace().One.emplace().Number = 86753;
  t.Vaults.emplace().emplace_back().Key = "zqx-key";
  t.Plain.emplace().One.emplace().Number = 42424;
  std::vector<std::string> got;
  for (auto const& v : awsjson::validate(t)) got.push_back(v.to_string());
  CHECK(got == std::vector<std::string>{
                   "/Secret/One/Number: value out of bounds, must be between 0 and 10",
                   "/Vaults/0/Key: length out of bounds, must be at most 2",
                   "/SecretString: length out of bounds, must be at most 2",
                   "/SecretNumber: value out of bounds, must be at most 10",
                   "/Plain/One/Number: value 42424, must be between 0 and 10",
               });
  t = {};
  t.SecretMap.emplace()["zqx-key"].One.emplace().Closed = static_cast<leak::Kind>(86753);
  std::string body;
  CHECK(awsjson::encode_into(body, t).to_string() == "/SecretMap/<redacted>/One/Closed: enum holds no enumerator");
  t = {};
  t.Plain.emplace().ByName.emplace()["k"].Closed = static_cast<leak::Kind>(42424);
  CHECK(awsjson::encode_into(body, t).to_string() == "/Plain/ByName/k/Closed: enum holds no enumerator (42424)");
  t = {};
  t.SecretLeaf.emplace().Custom = leak::Token{"tokzqx!"};
  auto err = awsjson::encode_into(body, t);
  CHECK(err.path == "/SecretLeaf/Custom");
  CHECK(!leaks(err.message));
  t = {};
  t.Plain.emplace().One.emplace().Custom = leak::Token{"tokplq!"};
  CHECK(awsjson::encode_into(body, t).to_string() == "/Plain/One/Custom: cannot write token tokplq!");
}

TEST_CASE("a redacting encode writes every sensitive value as \"***\", the rest as the wire form",
          "[sensitive][encode]") {
  leak::Top t;
  t.SecretNumber = 8675309;
  t.SecretString = "zqx-long";
  t.Secret.emplace().Tags.emplace()["zqx-key"] = "zqx-value";
  t.Vaults.emplace().emplace_back().Key = "zqx-key";
  t.Plain.emplace().One.emplace().Number = 42424;
  t.Plain->Tags.emplace()["plq"] = "plq-value";
  awsjson::encode_options redacting;
  redacting.redact_sensitive = true;
  std::string shown;
  REQUIRE(!awsjson::encode_into(shown, t, redacting));
  CHECK(shown == R"({"Secret":"***","Vaults":["***"],"SecretString":"***","SecretNumber":"***",)"
                 R"("Plain":{"One":{"Number":42424},"Tags":{"plq":"plq-value"}}})");
  CHECK(!leaks(shown));
  // Without the option, the same value is written whole: what is sent to a service.
  std::string wire;
  REQUIRE(!awsjson::encode_into(wire, t));
  CHECK(leaks(wire));
  CHECK(awsjson::encode(t, awsjson::encode_options{}) == wire);
}
