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

inline void complain(std::string const& line) { std::fprintf(stderr, "awsjson: %s\n", line.c_str()); }

/// A member's values written in shorthand: whether the AWS CLI reads them so (a structure, a map,
/// a list of those; not a list of scalars, which are words) .
template <class V>
constexpr bool takes_shorthand() {
  using awsjson::value_kind;
  constexpr value_kind k = awsjson::kind_of<V>;
  if constexpr (k == value_kind::list) {
    constexpr value_kind e = awsjson::kind_of<typename V::value_type>;
    return e == value_kind::structure || e == value_kind::tagged_union || e == value_kind::map ||
           e == value_kind::list || e == value_kind::indirect;
  } else {
    return k == value_kind::structure || k == value_kind::tagged_union || k == value_kind::map;
  }
}

/// Gives shorthand's strings the types of V, as the AWS CLI's BackCompatVisitor does: numbers and
/// booleans from their text, a single value where a list goes made a list of one. Unlike the AWS
/// CLI, a key that is no member is refused here (the decode would skip it). `path` names the place.
template <class V>
bool shorthand_types(awsjson::jmespath::value& v, std::string const& path, std::string& problem) {
  using awsjson::value_kind;
  using awsjson::jmespath::value;
  constexpr value_kind k = awsjson::kind_of<V>;
  if constexpr (k == value_kind::optional || k == value_kind::indirect) {
    return shorthand_types<typename V::value_type>(v, path, problem);
  } else if constexpr (k == value_kind::structure || k == value_kind::tagged_union) {
    if (v.kind != value::type::object) return problem = path + ": expected key=value pairs", false;
    for (std::size_t i = 0; i < v.keys.size(); ++i) {
      bool found = false, ok = true;
      std::string names;
      boost::mp11::mp_for_each<awsjson::members_of<V>>([&](auto d) {
        constexpr awsjson::member_info info = awsjson::member_meta<V, decltype(d)>;
        using M = std::remove_cvref_t<decltype(std::declval<V&>().*d.pointer)>;
        names += (names.empty() ? "" : ", ") + std::string(info.key());
        if (found || info.key() != v.keys[i]) return;
        found = true;
        ok = shorthand_types<M>(v.fields[i], path + "." + v.keys[i], problem);
      });
      if (!ok) return false;
      if (!found) return problem = path + ": " + v.keys[i] + " is not one of " + names, false;
    }
    return true;
  } else if constexpr (k == value_kind::list) {
    if (v.kind != value::type::array) {  // Values=a: ["a"]
      value list = value::array();
      list.items.push_back(std::move(v));
      v = std::move(list);
    }
    for (auto& item : v.items)
      if (!shorthand_types<typename V::value_type>(item, path, problem)) return false;
    return true;
  } else if constexpr (k == value_kind::map) {
    if (v.kind != value::type::object) return problem = path + ": expected key=value pairs", false;
    for (std::size_t i = 0; i < v.keys.size(); ++i)
      if (!shorthand_types<typename V::mapped_type>(v.fields[i], path + "." + v.keys[i], problem)) return false;
    return true;
  } else if constexpr (k == value_kind::document) {
    return problem = path + ": shorthand has no document values (give the option as JSON)", false;
  } else if constexpr (k == value_kind::integer || k == value_kind::floating || k == value_kind::boolean ||
                       k == value_kind::timestamp) {
    if (v.kind != value::type::string) return true;  // the decode names what is wrong
    if constexpr (k == value_kind::boolean) {
      if (awsjson::detail::iequals(v.text, "true") || awsjson::detail::iequals(v.text, "false"))
        v = value::of_bool(awsjson::detail::iequals(v.text, "true"));
    } else if (auto number = awsjson::jmespath::parse_json(v.text); number && number->kind == value::type::number) {
      v = std::move(*number);  // 42, 1.5, 1700000000 (a timestamp as epoch seconds)
    }
    return true;
  } else {
    return true;  // strings, enums, blobs: as written
  }
}

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
      using V = awsjson::unwrap_optional_t<std::remove_cvref_t<decltype(std::declval<In&>().*d.pointer)>>;
      bool negated = name == "no-" + kebab(info.key());
      if (found || (name != kebab(info.key()) && !negated)) return;
      found = true;
      bool flag = !negated;
      std::optional<value> parsed;
      std::optional<std::string> json;
      if constexpr (takes_shorthand<V>()) {
        auto first = values.empty() ? std::string::npos : values[0].find_first_not_of(" \t\r\n");
        if (first != std::string::npos && values[0][first] != '[' && values[0][first] != '{') {
          // shorthand: one structure or map, or a list's elements as words
          std::string problem;
          value given = value::array();
          for (auto const& word : values) {
            auto one = parse_shorthand(word, problem);
            if (!one) break;
            given.items.push_back(std::move(*one));
          }
          if (problem.empty() && awsjson::kind_of<V> != awsjson::value_kind::list) {
            if (given.items.size() != 1)
              problem = "expected one value, found " + std::to_string(values.size());
            else
              given = value(std::move(given.items[0]));  // moved out first: it lives in given
          }
          if (problem.empty() && shorthand_types<V>(given, "--" + name, problem)) {
            parsed = std::move(given);
          } else {
            complain((problem.starts_with("--") ? "" : "--" + name + ": ") + problem);
            ok = false;
            return;
          }
        }
      }
      if (!parsed) {
        json = option_json(awsjson::kind_of<V>, values, &flag);
        if (json) parsed = awsjson::jmespath::parse_json(*json);
      }
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
      if (!print_output(ctx.args, std::string(Op::name), this_page.json({}))) return failure;
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
    if (!print_output(ctx.args, std::string(Op::name), merged.json(next_token))) return failure;
  } else if (!next_token.empty()) {  // as the AWS CLI writes where to resume
    auto resume = awsjson::jmespath::value::object();
    resume.set("NextToken", awsjson::jmespath::value::object())
        .set("NextToken", awsjson::jmespath::value::of_string(next_token));
    if (!print_output(ctx.args, std::string(Op::name), resume.json())) return failure;
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
    using V = awsjson::unwrap_optional_t<std::remove_cvref_t<decltype(std::declval<In&>().*d.pointer)>>;
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
    return print_output(ctx.args, std::string(Op::name), *json) ? ok : failure;
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
