// One command of awsjson, the way a program using the library makes it: the input from the
// command line (and --cli-input-json), one call through awsjson::client (validated, signed, retried,
// decoded), or every page through awsjson::paginator merged as the AWS CLI merges them, or a wait
// through awsjson::wait. Everything here is awsjson's public API but the option parsing.
#pragma once

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <cstdio>
#include <optional>
#include <string>
#include <type_traits>

#include "cli.hpp"

namespace cli {

template <class T>
struct unwrap {
  using type = T;
};
template <class T>
struct unwrap<std::optional<T>> {
  using type = T;
};

inline void complain(std::string const& line) { std::fprintf(stderr, "awsjson: %s\n", line.c_str()); }

/// The input of Op from --cli-input-json and the `--member-name value` options (which win), as one
/// JSON object decoded by awsjson, so that a wrong type is reported with the option's name.
template <awsjson::operation Op>
bool parse_input(arguments const& args, typename Op::input& input, bool* token_given = nullptr) {
  using In = typename Op::input;
  using awsjson::jmespath::value;
  value object = value::object();
  if (!args.cli_input_json.empty()) {
    auto given = awsjson::jmespath::parse_json(args.cli_input_json);
    if (!given || given->kind != value::type::object) {
      complain("--cli-input-json: expected a JSON object");
      return false;
    }
    object = std::move(*given);
  }
  bool ok = true;
  for (auto const& option : args.options) {
    std::string const& name = option.first;
    std::vector<std::string> const& values = option.second;
    bool found = false;
    boost::mp11::mp_for_each<awsjson::members_of<In>>([&](auto d) {
      constexpr awsjson::member_info info = awsjson::member_meta<In, decltype(d)>;
      using V = typename unwrap<std::remove_cvref_t<decltype(std::declval<In&>().*d.pointer)>>::type;
      bool negated = name == "no-" + kebab(info.key());
      if (found || (name != kebab(info.key()) && !negated)) return;
      found = true;
      bool flag = !negated;
      auto json = option_json(awsjson::kind_of<V>, values, &flag);
      std::optional<value> parsed;
      if (json) parsed = awsjson::jmespath::parse_json(*json);
      if (!parsed) {
        complain("--" + name + ": expected " +
                 (awsjson::kind_of<V> == awsjson::value_kind::boolean ? std::string("no value (a flag)")
                  : json                                              ? "JSON, found " + *json
                                                                      : std::string("a value")));
        ok = false;
        return;
      }
      object.set(info.key(), std::move(*parsed));
      if constexpr (awsjson::paginated<Op>)
        if (token_given && info.key() == Op::paginator.input_token) *token_given = true;
    });
    if (!found) {
      complain(kebab(std::string_view(Op::name)) + " has no option --" + name);
      ok = false;
    }
  }
  if (!ok) return false;
  // Required members neither option nor --cli-input-json gave, named as the AWS CLI names them,
  // before any request (not as the empty value's length).
  std::string missing;
  boost::mp11::mp_for_each<awsjson::members_of<In>>([&](auto d) {
    constexpr awsjson::member_info info = awsjson::member_meta<In, decltype(d)>;
    if (info.required && !object.find(info.key())) missing += (missing.empty() ? "--" : ", --") + kebab(info.key());
  });
  if (!missing.empty()) {
    complain("the following arguments are required: " + missing);
    return false;
  }
  if (auto err = awsjson::decode_into(object.json(), input)) {  // the path names the member: /WindowId
    std::string option;
    if (err.path.size() > 1) option = "--" + kebab(err.path.substr(1, err.path.find('/', 1) - 1)) + ": ";
    complain(option + err.message + " (" + err.path + ")");
    return false;
  }
  return true;
}

/// Why a call got no output, on stderr as the AWS CLI words it; the exit status.
template <awsjson::operation Op>
int report(context const& ctx, awsjson::call_result<Op> const& r) {
  std::string_view op = Op::name;
  if (auto const* f = r.failure()) {
    using kind = awsjson::client_error::kind;
    switch (f->what) {
      case kind::invalid_input:
        complain(f->message + (f->violations.empty() ? "" : ":"));
        for (auto const& v : f->violations) std::fprintf(stderr, "  %s\n", v.c_str());  // no secret in these
        return usage;
      case kind::no_region:
      case kind::no_credentials:
      case kind::invalid_config:
        complain(f->message);
        return configuration;
      case kind::transport:
        std::fprintf(stderr, "Could not connect to the endpoint URL \"%s\": %s\n",
                     ctx.client->endpoint_of(Op::endpoint_prefix, awsjson::service_id_of<Op>()).url.c_str(),
                     f->message.c_str());
        return failure;
    }
  }
  if (auto const* e = r.service_error()) {
    // The code the AWS CLI shows: an awsQueryCompatible service's query code where it sent one.
    std::string const& code = !e->query_code.empty() ? e->query_code : e->code;
    std::fprintf(stderr, "An error occurred (%s) when calling the %.*s operation: %s\n",
                 code.empty() ? "Unknown" : code.c_str(), int(op.size()), op.data(), e->message.c_str());
    std::fprintf(stderr, "HTTP status %d, %s, request id %s, %d attempt%s\n", r.answer()->metadata.http_status,
                 e->is_fault() ? "a server fault" : "a client error", r.answer()->metadata.request_id.c_str(),
                 r.attempts, r.attempts == 1 ? "" : "s");
    auto const* unknown = e->template get_if<awsjson::unknown_error>();
    if (unknown && !unknown->raw_body.empty())  // not JSON: an HTML page from a proxy, an XML error
      std::fprintf(stderr, "The answer was not JSON:\n%s\n", unknown->raw_body.c_str());
    return service_error;
  }
  complain("the answer (HTTP " + std::to_string(r.answer()->metadata.http_status) + ") is not a valid " +
           std::string(op) + " output: " + r.output_error()->to_string());
  return failure;
}

/// The output as printed: JSON, sensitive members as "***" unless --show-sensitive.
template <class Output>
std::optional<std::string> printed_json(context const& ctx, Output const& out) {
  awsjson::encode_options shown;
  shown.redact_sensitive = !ctx.args.show_sensitive;
  if (ctx.args.iso_timestamps) shown.write_timestamp = &write_iso8601;
  std::string json;
  if (auto err = awsjson::encode_into(json, out, shown)) {
    complain(err.to_string());
    return std::nullopt;
  }
  return json;
}

/// Every page, merged (botocore's build_full_result), --max-items and --starting-token as botocore
/// reads and writes them.
template <awsjson::operation Op>
requires awsjson::paginated<Op>
int run_pages(context const& ctx, typename Op::input const& input) {
  constexpr awsjson::pagination p = Op::paginator;
  awsjson::page_options options;
  if (ctx.args.page_size) options.page_size = int(*ctx.args.page_size);
  long long skip = 0;
  if (!ctx.args.starting_token.empty()) {
    auto t = decode_token(p.input_token, ctx.args.starting_token);
    if (!t) {
      complain("--starting-token: not a token that awsjson or the AWS CLI wrote");
      return usage;
    }
    if (t->token) options.starting_token = t->token->json();
    skip = t->truncate_amount;
  }
  awsjson::paginator<Op> pages(*ctx.client, input, options);
  merged_result merged(p);
  bool by_page = ctx.args.output == "text";  // the AWS CLI writes text as each page comes
  std::string next_token;
  std::string page_token = options.starting_token;  // the token that asked for the current page
  long long shown_before = 0;                       // items written, for text
  for (bool first_page = true; auto const* page = pages.next(); first_page = false) {
    if (!page->ok()) return report<Op>(ctx, *page);
    auto json = printed_json(ctx, *page->result());
    if (!json) return failure;
    auto shown = awsjson::jmespath::parse_json(*json).value_or(awsjson::jmespath::value{});
    long long taken = 0;
    bool room = merged.add(shown, skip, ctx.args.max_items, &taken);
    if (by_page) {
      merged_result this_page(p);
      if (!first_page) this_page.drop_non_aggregate_keys();
      std::optional<long long> left;
      if (ctx.args.max_items) left = *ctx.args.max_items - shown_before;
      long long same = 0;
      this_page.add(shown, skip, left, &same);
      print_output(ctx.args, this_page.json({}));
      shown_before += taken;
    }
    if (!room) {  // --max-items reached: where to resume
      resume_token t;
      auto items = awsjson::jmespath::search(p.result_keys[0], shown);
      bool page_left = items.kind == awsjson::jmespath::value::type::array &&
                       skip + taken < static_cast<long long>(items.items.size());
      if (page_left) {
        if (!page_token.empty()) t.token = awsjson::jmespath::parse_json(page_token);
        t.truncate_amount = skip + taken;
      } else if (!pages.next_token().empty()) {
        t.token = awsjson::jmespath::parse_json(pages.next_token());
      }
      if (t.token || t.truncate_amount) next_token = encode_token(p.input_token, t);
      break;
    }
    skip = 0;
    page_token = pages.next_token();
  }
  if (!pages.error().empty()) {
    complain(pages.error());
    return failure;
  }
  if (!by_page) {
    print_output(ctx.args, merged.json(next_token));
  } else if (!next_token.empty()) {  // as the AWS CLI writes where to resume
    auto resume = awsjson::jmespath::value::object();
    resume.set("NextToken", awsjson::jmespath::value::object())
        .set("NextToken", awsjson::jmespath::value::of_string(next_token));
    print_output(ctx.args, resume.json());
  }
  return ok;
}

/// The AWS CLI's name for the type of an option of type V.
template <class V>
constexpr std::string_view type_name() {
  using awsjson::value_kind;
  switch (awsjson::kind_of<V>) {
    case value_kind::boolean:
      return "boolean";
    case value_kind::integer:
      return sizeof(V) == 8 ? "long" : "integer";
    case value_kind::floating:
      return sizeof(V) == 4 ? "float" : "double";
    case value_kind::timestamp:
      return "timestamp";
    case value_kind::blob:
      return "blob";
    case value_kind::list:
      return "list";
    case value_kind::map:
      return "map";
    case value_kind::structure:
    case value_kind::indirect:
      return "structure";
    case value_kind::tagged_union:
      return "tagged union structure";
    case value_kind::document:
      return "document";
    default:
      return "string";
  }
}

/// `awsjson SERVICE OPERATION help`: the operation's options, each with its type, whether it is
/// required, and an enum's values.
template <awsjson::operation Op>
int run_help() {
  using In = typename Op::input;
  std::vector<option_help> options;
  boost::mp11::mp_for_each<awsjson::members_of<In>>([&](auto d) {
    constexpr awsjson::member_info info = awsjson::member_meta<In, decltype(d)>;
    using V = typename unwrap<std::remove_cvref_t<decltype(std::declval<In&>().*d.pointer)>>::type;
    option_help o{kebab(info.key()),
                  type_name<V>(),
                  info.required,
                  info.sensitive,
                  awsjson::kind_of<V> == awsjson::value_kind::boolean,
                  {}};
    auto add_values = [&]<class E>(E const*) {
      for (auto name : awsjson::enum_wire_names<E>) o.values.push_back(name);
    };
    if constexpr (awsjson::kind_of<V> == awsjson::value_kind::enumeration)
      add_values(static_cast<V const*>(nullptr));
    else if constexpr (awsjson::kind_of<V> == awsjson::value_kind::open_enum)
      add_values(static_cast<typename V::enum_type const*>(nullptr));
    options.push_back(std::move(o));
  });
  print_help(kebab(std::string_view(Op::name)), options, awsjson::paginated<Op>);
  return ok;
}

template <awsjson::operation Op>
int run(context const& ctx) {
  if (ctx.args.help) return run_help<Op>();
  typename Op::input input;
  bool token_given = false;
  if (!parse_input<Op>(ctx.args, input, &token_given)) return usage;
  // Every page, as the AWS CLI does; not when asked not to, or when the token was given by hand.
  if constexpr (awsjson::paginated<Op>)
    if (!ctx.args.no_paginate && !token_given) return run_pages<Op>(ctx, input);
  auto r = ctx.client->call<Op>(input);
  if (auto const* out = r.result()) {
    auto json = printed_json(ctx, *out);
    if (!json) return failure;
    print_output(ctx.args, *json);
    return ok;
  }
  return report<Op>(ctx, r);
}

/// `awsjson SERVICE wait WAITER`: nothing printed on success, as the AWS CLI.
template <awsjson::waiter_descriptor W>
int run_wait(context const& ctx) {
  using Op = typename W::operation;
  if (ctx.args.help) return run_help<Op>();
  typename Op::input input;
  if (!parse_input<Op>(ctx.args, input)) return usage;
  auto w = awsjson::wait<W>(*ctx.client, input, {ctx.args.waiter_delay, ctx.args.waiter_max_attempts});
  if (w.ok()) return ok;
  std::fprintf(stderr, "\n%s\n", w.message.c_str());
  return failure;
}

}  // namespace cli
