// Structures with more members than BOOST_DESCRIBE_STRUCT takes (52): awsjson/describe.hpp's
// macros must describe them exactly as BOOST_DESCRIBE_STRUCT describes a smaller one, and the codec
// must read, write, print and compare them like any other structure.
#include <catch2/catch.hpp>

#include <optional>
#include <string>

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <awsjson/awsjson.hpp>

namespace wide {

// Sixty members m0..m59, described member by member; m59 is sensitive.
struct Wide {
  std::optional<int> m0;
  std::optional<int> m1;
  std::optional<int> m2;
  std::optional<int> m3;
  std::optional<int> m4;
  std::optional<int> m5;
  std::optional<int> m6;
  std::optional<int> m7;
  std::optional<int> m8;
  std::optional<int> m9;
  std::optional<int> m10;
  std::optional<int> m11;
  std::optional<int> m12;
  std::optional<int> m13;
  std::optional<int> m14;
  std::optional<int> m15;
  std::optional<int> m16;
  std::optional<int> m17;
  std::optional<int> m18;
  std::optional<int> m19;
  std::optional<int> m20;
  std::optional<int> m21;
  std::optional<int> m22;
  std::optional<int> m23;
  std::optional<int> m24;
  std::optional<int> m25;
  std::optional<int> m26;
  std::optional<int> m27;
  std::optional<int> m28;
  std::optional<int> m29;
  std::optional<int> m30;
  std::optional<int> m31;
  std::optional<int> m32;
  std::optional<int> m33;
  std::optional<int> m34;
  std::optional<int> m35;
  std::optional<int> m36;
  std::optional<int> m37;
  std::optional<int> m38;
  std::optional<int> m39;
  std::optional<int> m40;
  std::optional<int> m41;
  std::optional<int> m42;
  std::optional<int> m43;
  std::optional<int> m44;
  std::optional<int> m45;
  std::optional<int> m46;
  std::optional<int> m47;
  std::optional<int> m48;
  std::optional<int> m49;
  std::optional<int> m50;
  std::optional<int> m51;
  std::optional<int> m52;
  std::optional<int> m53;
  std::optional<int> m54;
  std::optional<int> m55;
  std::optional<int> m56;
  std::optional<int> m57;
  std::optional<int> m58;
  std::optional<int> m59;

  friend bool operator==(Wide const&, Wide const&) = default;
};
AWSJSON_DESCRIBE_STRUCT_BEGIN(Wide)
AWSJSON_DESCRIBE_MEMBER(Wide, m0)
AWSJSON_DESCRIBE_MEMBER(Wide, m1)
AWSJSON_DESCRIBE_MEMBER(Wide, m2)
AWSJSON_DESCRIBE_MEMBER(Wide, m3)
AWSJSON_DESCRIBE_MEMBER(Wide, m4)
AWSJSON_DESCRIBE_MEMBER(Wide, m5)
AWSJSON_DESCRIBE_MEMBER(Wide, m6)
AWSJSON_DESCRIBE_MEMBER(Wide, m7)
AWSJSON_DESCRIBE_MEMBER(Wide, m8)
AWSJSON_DESCRIBE_MEMBER(Wide, m9)
AWSJSON_DESCRIBE_MEMBER(Wide, m10)
AWSJSON_DESCRIBE_MEMBER(Wide, m11)
AWSJSON_DESCRIBE_MEMBER(Wide, m12)
AWSJSON_DESCRIBE_MEMBER(Wide, m13)
AWSJSON_DESCRIBE_MEMBER(Wide, m14)
AWSJSON_DESCRIBE_MEMBER(Wide, m15)
AWSJSON_DESCRIBE_MEMBER(Wide, m16)
AWSJSON_DESCRIBE_MEMBER(Wide, m17)
AWSJSON_DESCRIBE_MEMBER(Wide, m18)
AWSJSON_DESCRIBE_MEMBER(Wide, m19)
AWSJSON_DESCRIBE_MEMBER(Wide, m20)
AWSJSON_DESCRIBE_MEMBER(Wide, m21)
AWSJSON_DESCRIBE_MEMBER(Wide, m22)
AWSJSON_DESCRIBE_MEMBER(Wide, m23)
AWSJSON_DESCRIBE_MEMBER(Wide, m24)
AWSJSON_DESCRIBE_MEMBER(Wide, m25)
AWSJSON_DESCRIBE_MEMBER(Wide, m26)
AWSJSON_DESCRIBE_MEMBER(Wide, m27)
AWSJSON_DESCRIBE_MEMBER(Wide, m28)
AWSJSON_DESCRIBE_MEMBER(Wide, m29)
AWSJSON_DESCRIBE_MEMBER(Wide, m30)
AWSJSON_DESCRIBE_MEMBER(Wide, m31)
AWSJSON_DESCRIBE_MEMBER(Wide, m32)
AWSJSON_DESCRIBE_MEMBER(Wide, m33)
AWSJSON_DESCRIBE_MEMBER(Wide, m34)
AWSJSON_DESCRIBE_MEMBER(Wide, m35)
AWSJSON_DESCRIBE_MEMBER(Wide, m36)
AWSJSON_DESCRIBE_MEMBER(Wide, m37)
AWSJSON_DESCRIBE_MEMBER(Wide, m38)
AWSJSON_DESCRIBE_MEMBER(Wide, m39)
AWSJSON_DESCRIBE_MEMBER(Wide, m40)
AWSJSON_DESCRIBE_MEMBER(Wide, m41)
AWSJSON_DESCRIBE_MEMBER(Wide, m42)
AWSJSON_DESCRIBE_MEMBER(Wide, m43)
AWSJSON_DESCRIBE_MEMBER(Wide, m44)
AWSJSON_DESCRIBE_MEMBER(Wide, m45)
AWSJSON_DESCRIBE_MEMBER(Wide, m46)
AWSJSON_DESCRIBE_MEMBER(Wide, m47)
AWSJSON_DESCRIBE_MEMBER(Wide, m48)
AWSJSON_DESCRIBE_MEMBER(Wide, m49)
AWSJSON_DESCRIBE_MEMBER(Wide, m50)
AWSJSON_DESCRIBE_MEMBER(Wide, m51)
AWSJSON_DESCRIBE_MEMBER(Wide, m52)
AWSJSON_DESCRIBE_MEMBER(Wide, m53)
AWSJSON_DESCRIBE_MEMBER(Wide, m54)
AWSJSON_DESCRIBE_MEMBER(Wide, m55)
AWSJSON_DESCRIBE_MEMBER(Wide, m56)
AWSJSON_DESCRIBE_MEMBER(Wide, m57)
AWSJSON_DESCRIBE_MEMBER(Wide, m58)
AWSJSON_DESCRIBE_MEMBER(Wide, m59)
AWSJSON_DESCRIBE_STRUCT_END(Wide)

constexpr auto awsjson_shape(Wide const*) { return awsjson::shape("Wide", {{.name = "m59", .sensitive = true}}); }

// The same three members, once with each macro.
struct ByBoost {
  int a;
  std::string b;
  std::optional<double> c;
};
BOOST_DESCRIBE_STRUCT(ByBoost, (), (a, b, c))

struct ByAwsjson {
  int a;
  std::string b;
  std::optional<double> c;
};
AWSJSON_DESCRIBE_STRUCT_BEGIN(ByAwsjson)
AWSJSON_DESCRIBE_MEMBER(ByAwsjson, a)
AWSJSON_DESCRIBE_MEMBER(ByAwsjson, b)
AWSJSON_DESCRIBE_MEMBER(ByAwsjson, c)
AWSJSON_DESCRIBE_STRUCT_END(ByAwsjson)

}  // namespace wide

namespace {
namespace describe = boost::describe;
namespace mp11 = boost::mp11;

template <class T>
std::string names_of() {
  std::string names;
  mp11::mp_for_each<describe::describe_members<T, describe::mod_any_access | describe::mod_inherited>>(
      [&](auto d) { names += std::string(d.name) + ","; });
  return names;
}
}  // namespace

TEST_CASE("a structure of more than 52 members is described as BOOST_DESCRIBE_STRUCT would", "[describe]") {
  using wide::ByAwsjson;
  using wide::ByBoost;
  STATIC_REQUIRE(describe::has_describe_members<ByAwsjson>::value);
  STATIC_REQUIRE(describe::has_describe_bases<ByAwsjson>::value);
  STATIC_REQUIRE(mp11::mp_size<describe::describe_bases<ByAwsjson, describe::mod_any_access>>::value == 0);
  CHECK(names_of<ByAwsjson>() == names_of<ByBoost>());
  using public_members = describe::describe_members<ByAwsjson, describe::mod_public>;
  STATIC_REQUIRE(mp11::mp_size<public_members>::value == 3);
  STATIC_REQUIRE(mp11::mp_at_c<public_members, 1>::pointer == &ByAwsjson::b);
  STATIC_REQUIRE(mp11::mp_at_c<public_members, 1>::modifiers ==
                 mp11::mp_at_c<describe::describe_members<ByBoost, describe::mod_public>, 1>::modifiers);
  STATIC_REQUIRE(mp11::mp_size<describe::describe_members<ByAwsjson, describe::mod_private>>::value == 0);

  using wide_members = describe::describe_members<wide::Wide, describe::mod_public>;
  STATIC_REQUIRE(mp11::mp_size<wide_members>::value == 60);
  STATIC_REQUIRE(mp11::mp_at_c<wide_members, 59>::pointer == &wide::Wide::m59);
}

TEST_CASE("a structure of 60 members decodes, encodes, prints and compares", "[describe]") {
  wide::Wide w;
  REQUIRE_FALSE(awsjson::decode_into(std::string(R"({"m59":987654,"m0":0,"m31":31,"unknown":[1]})"), w));
  CHECK(w.m0 == 0);
  CHECK(w.m31 == 31);
  CHECK(w.m59 == 987654);
  CHECK_FALSE(w.m1);
  CHECK(awsjson::encode(w) == R"({"m0":0,"m31":31,"m59":987654})");
  wide::Wide again;
  REQUIRE_FALSE(awsjson::decode_into(awsjson::encode(w), again));
  CHECK(again == w);
  auto printed = awsjson::to_string(w);
  CHECK(printed.find("m31") != std::string::npos);
  CHECK(printed.find("987654") == std::string::npos);  // sensitive: redacted
  auto err = awsjson::decode_into(std::string(R"({"m58":"no"})"), w);
  REQUIRE(err);
  CHECK(err.to_string().find("/m58") != std::string::npos);
}
