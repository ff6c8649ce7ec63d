// A test structure that uses every shape kind the codec supports.
#pragma once

#include <awsjson/awsjson.hpp>

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace kitchen {

enum class Color { Red, Green, Intelligent_Tiering, AWS_EC2_Instance };
BOOST_DESCRIBE_ENUM(Color, Red, Green, Intelligent_Tiering, AWS_EC2_Instance)

// Wire names that are not C++ identifiers, as a generator emits them.
constexpr auto awsjson_enum_wire_names(Color const*) {
  return std::array{awsjson::enum_wire{Color::Intelligent_Tiering, "Intelligent-Tiering"},
                    awsjson::enum_wire{Color::AWS_EC2_Instance, "AWS::EC2::Instance"}};
}

struct Inner {
  std::optional<std::string> Value;
  std::optional<std::int32_t> Count;
  friend bool operator==(Inner const&, Inner const&) = default;
};
BOOST_DESCRIBE_STRUCT(Inner, (), (Value, Count))

using micro_time = std::chrono::sys_time<std::chrono::microseconds>;

struct Sink {
  std::string Name;  // required
  std::optional<std::string> String;
  std::optional<bool> Boolean;
  std::optional<std::int8_t> Byte;
  std::optional<std::int16_t> Short;
  std::optional<std::int32_t> Integer;
  std::optional<std::int64_t> Long;
  std::optional<std::uint32_t> Unsigned;
  std::optional<float> Float;
  std::optional<double> Double;
  std::optional<Color> Plain;
  std::optional<awsjson::open_enum<Color>> Open;
  std::optional<awsjson::timestamp> Timestamp;
  std::optional<micro_time> Micro;
  std::optional<awsjson::timestamp> Iso;
  std::optional<awsjson::timestamp> Http;
  std::optional<awsjson::blob> Blob;
  std::optional<std::vector<std::string>> List;
  std::optional<std::vector<std::optional<std::string>>> SparseList;
  std::optional<std::map<std::string, std::int32_t>> Map;
  std::optional<std::unordered_map<std::string, Inner>> StructMap;
  std::optional<std::map<std::string, std::optional<std::string>>> SparseMap;
  std::optional<Inner> Nested;
  std::optional<std::vector<std::vector<Inner>>> ListOfLists;
  std::optional<std::string> cpp_name;  // travels as "WireName"
  std::vector<Sink> Children;           // recursive
  std::optional<std::string> Secret;

  friend bool operator==(Sink const&, Sink const&) = default;
};
BOOST_DESCRIBE_STRUCT(Sink, (),
                      (Name, String, Boolean, Byte, Short, Integer, Long, Unsigned, Float, Double, Plain, Open,
                       Timestamp, Micro, Iso, Http, Blob, List, SparseList, Map, StructMap, SparseMap, Nested,
                       ListOfLists, cpp_name, Children, Secret))

constexpr auto awsjson_shape(Sink const*) {
  return awsjson::shape("Sink", {
                                    {.name = "Name", .required = true, .min_length = 1, .max_length = 16},
                                    {.name = "Integer", .min_value = -1000, .max_value = 1000},
                                    {.name = "Iso", .timestamp = awsjson::timestamp_format::date_time},
                                    {.name = "Http", .timestamp = awsjson::timestamp_format::http_date},
                                    {.name = "List", .max_length = 5},
                                    {.name = "cpp_name", .wire_name = "WireName"},
                                    {.name = "Secret", .sensitive = true},
                                });
}

// The nesting shapes of Sink in a smaller structure: decode's silent walk unrolls one level of it
// into its root's function, and none of Sink (see tests/test_decode_walks.cpp).
struct Tree {
  std::optional<std::string> Name;
  std::optional<std::vector<std::optional<std::string>>> SparseList;
  std::optional<std::unordered_map<std::string, Inner>> StructMap;
  std::optional<Inner> Nested;
  std::optional<std::vector<std::vector<Inner>>> ListOfLists;
  std::vector<Tree> Children;

  friend bool operator==(Tree const&, Tree const&) = default;
};
BOOST_DESCRIBE_STRUCT(Tree, (), (Name, SparseList, StructMap, Nested, ListOfLists, Children))

// Recursion by value, as Cost Explorer's Expression has it: `Not` holds an Expr on the heap
// (awsjson::indirect), `And` through a list; `Secret` is sensitive, `Required` required.
struct Expr {
  std::optional<std::string> Value;
  std::optional<awsjson::indirect<Expr>> Not;
  std::optional<std::vector<Expr>> And;
  std::optional<std::string> Secret;
  std::optional<std::string> Required;

  friend bool operator==(Expr const&, Expr const&) = default;
};
BOOST_DESCRIBE_STRUCT(Expr, (), (Value, Not, And, Secret, Required))

constexpr auto awsjson_shape(Expr const*) {
  return awsjson::shape("Expr", {
                                    {.name = "Value", .max_length = 8},
                                    {.name = "Secret", .sensitive = true},
                                    {.name = "Required", .required = true},
                                });
}

}  // namespace kitchen
