// A waiter polls an operation until one of its acceptors matches: the facts of botocore's
// waiters-2.json, generated into SERVICE/waiters.hpp as a struct per waiter
// (awsjson::dynamodb::waiters::TableExists). The client runs them (awsjson/client/waiter.hpp).
#pragma once

#include <concepts>
#include <string_view>

namespace awsjson {

/// What a matching acceptor means: the wait is over (success or failure) or goes on.
enum class waiter_state : unsigned char { success, failure, retry };

/// What an acceptor looks at.
enum class waiter_matcher : unsigned char {
  path,      ///< the JMESPath `argument` over the output equals `expected`
  path_all,  ///< every element of the list `argument` gives equals `expected` (and there is one)
  path_any,  ///< some element of that list equals `expected`
  status,    ///< the HTTP status equals `expected`
  error,     ///< the service's error code equals `expected`; `true`: any error, `false`: none
};

struct waiter_acceptor {
  waiter_state state;
  waiter_matcher matcher;
  std::string_view argument;  ///< JMESPath, for the path matchers
  std::string_view expected;  ///< JSON text: "\"ACTIVE\"", "true", "404"
};

/// A waiter's descriptor: its operation, delay, attempts and acceptors.
template <class W>
concept waiter_descriptor = requires {
  typename W::operation;
  { W::name } -> std::convertible_to<std::string_view>;
  { W::delay } -> std::convertible_to<int>;
  { W::max_attempts } -> std::convertible_to<int>;
  W::acceptors[0];
};

}  // namespace awsjson
