// Pages of a paginated operation (awsjson/pagination.hpp): each call made with the previous page's
// token until the output has none. The facts are member names and JMESPath paths, read over the
// input's and output's JSON, so one implementation pages every generated operation.
//
//   awsjson::paginator<awsjson::ssm::DescribeParameters> pages(ssm, {});
//   while (auto const* page = pages.next()) {
//     if (!page->ok()) break;  // a page that failed is the last one
//     if (auto const& items = pages.items(*page->result())) for (auto const& p : *items) ...
//   }
#pragma once

#include <boost/mp11/algorithm.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "../pagination.hpp"
#include "client.hpp"
#include "jmespath.hpp"

namespace awsjson {

namespace detail {
/// The index of T's member whose wire key is `key`; npos when none.
template <class T>
constexpr std::size_t member_index(std::string_view key) {
  for (std::size_t i = 0; i < member_keys<T>.size(); ++i)
    if (member_keys<T>[i] == key) return i;
  return std::size_t(-1);
}

/// `x` as a JMESPath value (its JSON, secrets included: the caller never prints it).
template <class T>
jmespath::value json_value_of(T const& x) {
  std::string json;
  if (encode_into(json, x)) return {};
  return jmespath::parse_json(json).value_or(jmespath::value{});
}

/// Sets the member of `target` whose wire key is `key` to `json`, decoded as that member; an empty
/// message when done. (Decoded into a scratch object and moved over: the other members are untouched.)
template <class T>
std::string set_member_json(T& target, std::string_view key, std::string_view json) {
  T scratch{};
  std::string document = "{";
  (void)append_json_string(document, key);
  document += ':';
  document += json;
  document += '}';
  if (auto err = decode_into(document, scratch)) return std::string(key) + ": " + err.message;
  bool found = false;
  boost::mp11::mp_for_each<members_of<T>>([&](auto d) {
    if (found || member_meta<T, decltype(d)>.key() != key) return;
    target.*d.pointer = std::move(scratch.*d.pointer);
    found = true;
  });
  return found ? std::string() : "the input has no member " + std::string(key);
}
}  // namespace detail

struct page_options {
  /// The page size (the operation's limit key); none: the service's default.
  std::optional<int> page_size{};
  /// Where to start: a token as next_token() gives it (the input token's value as JSON).
  std::string starting_token{};
};

template <detail::callable_operation Op>
requires paginated<Op>
class paginator {
  using output = typename Op::output;
  static constexpr std::size_t items_member = detail::member_index<output>(Op::paginator.result_keys[0]);

 public:
  paginator(client const& c, typename Op::input input, page_options options = {})
      : client_(&c), input_(std::move(input)) {
    if (options.page_size && !Op::paginator.limit_key.empty())
      error_ = detail::set_member_json(input_, Op::paginator.limit_key, std::to_string(*options.page_size));
    if (error_.empty() && !options.starting_token.empty()) {
      error_ = detail::set_member_json(input_, Op::paginator.input_token, options.starting_token);
      if (error_.empty()) token_ = std::move(options.starting_token);
    }
    if (!error_.empty()) done_ = true;
  }

  /// The next page's call, or null after the last page. A page that failed (no answer, a service
  /// error) is returned, and is the last.
  call_result<Op> const* next() {
    if (done_) return nullptr;
    page_ = client_->template call<Op>(input_);
    ++pages_;
    auto const* out = page_->result();
    if (!out) {
      done_ = true;
      return &*page_;
    }
    jmespath::value json = detail::json_value_of(*out);
    jmespath::value token = jmespath::search(Op::paginator.output_token, json);
    bool more = token.truthy();  // absent, null or "": the last page
    if (more && !Op::paginator.more_results.empty()) more = jmespath::search(Op::paginator.more_results, json).truthy();
    std::string previous = std::exchange(token_, more ? token.json() : std::string());
    if (more && token_ == previous) {  // botocore: "The same next token was received twice"
      error_ = "the same next token was received twice: " + std::string(Op::name) + " does not advance";
      more = false;
    }
    if (more) {
      error_ = detail::set_member_json(input_, Op::paginator.input_token, token_);
      more = error_.empty();
    }
    if (!more) done_ = true;
    return &*page_;
  }

  /// The token that starts at the page after those returned (the input token's value as JSON, for
  /// page_options::starting_token); empty when the last page has been returned.
  std::string const& next_token() const noexcept { return done_ && error_.empty() ? empty_ : token_; }
  /// Why paging stopped before the last page: a token the input could not take, or one repeated.
  std::string const& error() const noexcept { return error_; }
  /// Pages requested so far.
  int pages() const noexcept { return pages_; }

  /// The items of a page: its first result key's list (where that is a member of the output).
  static auto const& items(output const& page) requires(items_member != std::size_t(-1)) {
    using D = boost::mp11::mp_at_c<members_of<output>, items_member>;
    return page.*D::pointer;
  }

 private:
  client const* client_;
  typename Op::input input_;
  std::optional<call_result<Op>> page_;
  std::string token_, error_, empty_;
  bool done_ = false;
  int pages_ = 0;
};

}  // namespace awsjson
