// Describing a structure with more members than BOOST_DESCRIBE_STRUCT takes.
//
// BOOST_DESCRIBE_STRUCT walks its member list with a preprocessor loop of at most 52 steps (Boost
// 1.81); a few AWS structures have more (SWF's HistoryEvent: 57 members, Glue's
// CodeGenConfigurationNode: 79). These macros give such a structure the same description, one
// member per line and with no limit, so that describe_members<T, mod_public> sees what
// BOOST_DESCRIBE_STRUCT(T, (), (...)) would have made of it:
//
//   AWSJSON_DESCRIBE_STRUCT_BEGIN(Node)
//   AWSJSON_DESCRIBE_MEMBER(Node, first)
//   AWSJSON_DESCRIBE_MEMBER(Node, second)
//   AWSJSON_DESCRIBE_STRUCT_END(Node)
//
// They spell out BOOST_DESCRIBE_STRUCT's expansion with Boost.Describe's own macro per member: a
// public member descriptor function, and no bases, protected or private members. The test
// "a structure of more than 52 members is described as BOOST_DESCRIBE_STRUCT would" holds them to it.
#pragma once

#include <type_traits>

#include <boost/describe/class.hpp>

#define AWSJSON_DESCRIBE_STRUCT_BEGIN(C)                                                     \
  static_assert(std::is_class<C>::value, "AWSJSON_DESCRIBE_STRUCT_BEGIN describes a class"); \
  BOOST_DESCRIBE_MAYBE_UNUSED BOOST_DESCRIBE_BASES(C)                                        \
  BOOST_DESCRIBE_MAYBE_UNUSED BOOST_DESCRIBE_PROTECTED_MEMBERS(C)                            \
  BOOST_DESCRIBE_MAYBE_UNUSED BOOST_DESCRIBE_PRIVATE_MEMBERS(C)                              \
  BOOST_DESCRIBE_MAYBE_UNUSED inline auto boost_public_member_descriptor_fn(C**) {           \
    return ::boost::describe::detail::member_descriptor_fn_impl<::boost::describe::mod_public>(0

#define AWSJSON_DESCRIBE_MEMBER(C, m) BOOST_DESCRIBE_MEMBER_IMPL(C, m)

#define AWSJSON_DESCRIBE_STRUCT_END(C) \
  );                                   \
  }
