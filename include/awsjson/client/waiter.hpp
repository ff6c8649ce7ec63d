// Waiting for a resource's state (awsjson/waiter.hpp): a waiter's operation called every `delay`
// seconds until an acceptor matches, as botocore's waiters do: the first matching acceptor decides
// (success, failure, or retry); an error no acceptor expects ends the wait; so does the last attempt.
//
//   auto w = awsjson::wait<awsjson::dynamodb::waiters::TableExists>(db, {.TableName = "orders"});
//   if (!w.ok()) std::cerr << w.message << '\n';  // "Waiter TableExists failed: Max attempts exceeded"
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "../waiter.hpp"
#include "client.hpp"
#include "jmespath.hpp"
#include "paginator.hpp"

namespace awsjson {

struct waiter_options {
  /// Seconds between attempts; none: the waiter's.
  std::optional<double> delay{};
  /// Attempts before giving up; none: the waiter's.
  std::optional<int> max_attempts{};
};

/// How a wait ended.
struct wait_result {
  enum class outcome : unsigned char {
    success,   ///< a success acceptor matched
    failure,   ///< a failure acceptor matched, or an error no acceptor expects
    timeout,   ///< the last attempt matched no success acceptor
    no_answer  ///< a call got no answer (the client's error is in `message`)
  };
  outcome state = outcome::timeout;
  int attempts = 0;
  /// botocore's words: "Waiter TableExists failed: Max attempts exceeded".
  std::string message{};
  bool ok() const noexcept { return state == outcome::success; }
};

namespace detail {
/// Whether acceptor `a` matches a call's outcome (botocore's matchers).
template <class Op>
bool acceptor_matches(waiter_acceptor const& a, call_result<Op> const& r, jmespath::value const* output) {
  auto expected = jmespath::parse_json(a.expected).value_or(jmespath::value{});
  switch (a.matcher) {
    case waiter_matcher::status: {
      auto const* answer = r.answer();
      return answer && expected.kind == jmespath::value::type::number &&
             double(answer->metadata.http_status) == expected.number;
    }
    case waiter_matcher::error: {
      auto const* e = r.service_error();
      if (expected.kind == jmespath::value::type::boolean) return (e != nullptr) == expected.boolean;
      return e && expected.kind == jmespath::value::type::string && e->code == expected.text;
    }
    case waiter_matcher::path:
      return output && jmespath::search(a.argument, *output) == expected;
    case waiter_matcher::path_all:
    case waiter_matcher::path_any: {
      if (!output) return false;
      auto found = jmespath::search(a.argument, *output);
      if (found.kind != jmespath::value::type::array || found.items.empty()) return false;
      bool all = true, any = false;
      for (auto const& item : found.items) {
        bool equal = item == expected;
        all = all && equal;
        any = any || equal;
      }
      return a.matcher == waiter_matcher::path_all ? all : any;
    }
  }
  return false;
}
}  // namespace detail

/// Waits with waiter W: its operation called with `input` until an acceptor ends the wait.
template <waiter_descriptor W>
wait_result wait(client const& c, typename W::operation::input const& input, waiter_options options = {}) {
  using Op = typename W::operation;
  wait_result w;
  std::string const failed = "Waiter " + std::string(W::name) + " failed: ";
  int const max_attempts = options.max_attempts.value_or(W::max_attempts);
  double const delay = options.delay.value_or(W::delay);
  for (w.attempts = 1;; ++w.attempts) {
    auto r = c.call<Op>(input);
    if (auto const* f = r.failure()) {
      w.state = wait_result::outcome::no_answer;
      w.message = failed + f->message;
      return w;
    }
    std::optional<jmespath::value> output;
    if (auto const* out = r.result()) output = detail::json_value_of(*out);
    waiter_acceptor const* matched = nullptr;
    for (auto const& a : W::acceptors)
      if (detail::acceptor_matches<Op>(a, r, output ? &*output : nullptr)) {
        matched = &a;
        break;
      }
    if (matched && matched->state == waiter_state::success) {
      w.state = wait_result::outcome::success;
      return w;
    }
    if (matched && matched->state == waiter_state::failure) {
      w.state = wait_result::outcome::failure;
      w.message = failed + "Waiter encountered a terminal failure state: For expression \"" +
                  std::string(matched->argument) + "\" we matched expected path: " + std::string(matched->expected);
      if (matched->matcher == waiter_matcher::error || matched->matcher == waiter_matcher::status)
        w.message = failed + "Waiter encountered a terminal failure state: matched expected " +
                    std::string(matched->matcher == waiter_matcher::error ? "error" : "status") + " " +
                    std::string(matched->expected);
      return w;
    }
    if (!matched) {
      if (auto const* e = r.service_error()) {
        w.state = wait_result::outcome::failure;
        w.message = failed + "An error occurred (" + e->code + "): " + e->message;
        return w;
      }
    }
    if (w.attempts >= max_attempts) {
      w.state = wait_result::outcome::timeout;
      w.message = failed + "Max attempts exceeded";
      return w;
    }
    c.pause(std::chrono::duration<double>(delay));
  }
}

}  // namespace awsjson
