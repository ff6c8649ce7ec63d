// One call of an SSM operation, the way a program using awsjson makes it: the input from the
// command line, validated, built into an HTTP request, signed, sent, and the answer decoded into
// the operation's output or one of its typed errors. Everything here is awsjson's public API but
// the transport (cli::post, libcurl) and the option parsing (cli::option_json).
#pragma once

#include <awsjson/sigv4.hpp>

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <type_traits>

#include "cli.hpp"

namespace cli {

enum exit_code : int { ok = 0, usage = 252, service_error = 254, failure = 255 };

template <class T>
struct unwrap {
  using type = T;
};
template <class T>
struct unwrap<std::optional<T>> {
  using type = T;
};

/// The input of Op from `--member-name value` options, as a JSON object decoded by awsjson (so
/// that a wrong type is reported with the option's name).
template <awsjson::operation Op>
bool parse_input(arguments const& args, typename Op::input& input) {
  using In = typename Op::input;
  std::string json = "{";
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
      auto value = option_json(awsjson::kind_of<V>, values, &flag);
      if (!value) {
        std::fprintf(stderr, "awsjson-ssm: --%s: expected %s\n", name.c_str(),
                     awsjson::kind_of<V> == awsjson::value_kind::boolean ? "no value (a flag)" : "a value");
        ok = false;
        return;
      }
      if (json.size() > 1) json += ',';
      json += '"' + std::string(info.key()) + "\":" + *value;
    });
    if (!found) {
      std::fprintf(stderr, "awsjson-ssm: %s has no option --%s\n", kebab(std::string_view(Op::name)).c_str(),
                   name.c_str());
      ok = false;
    }
  }
  json += '}';
  if (!ok) return false;
  if (auto err = awsjson::decode_into(json, input)) {  // the path names the member: /WindowId
    std::string option;
    if (err.path.size() > 1) option = "--" + kebab(err.path.substr(1, err.path.find('/', 1) - 1)) + ": ";
    std::fprintf(stderr, "awsjson-ssm: %s%s (%s)\n", option.c_str(), err.message.c_str(), err.path.c_str());
    return false;
  }
  return true;
}

template <awsjson::operation Op>
int run(context const& ctx) {
  // 1. The input, and every constraint of the model checked before anything is sent.
  typename Op::input input;
  if (!parse_input<Op>(ctx.args, input)) return usage;
  if (auto violations = awsjson::validate(input); !violations.empty()) {
    std::fprintf(stderr, "awsjson-ssm: invalid input for %s:\n", kebab(std::string_view(Op::name)).c_str());
    for (auto const& v : violations)  // sensitive members' values are never in these messages
      std::fprintf(stderr, "  %s\n", v.to_string().c_str());
    return usage;
  }

  // 2. The HTTP request (POST /, X-Amz-Target, the JSON body), signed with SigV4.
  awsjson::http_request request;
  if (auto err = awsjson::build_request<Op>(input, request)) {
    std::fprintf(stderr, "awsjson-ssm: %s\n", err.to_string().c_str());
    return usage;
  }
  auto steps = awsjson::sigv4::sign(request, ctx.host, ctx.credentials, {ctx.args.region, "ssm"},
                                    std::chrono::system_clock::now());
  if (ctx.args.debug) std::fprintf(stderr, "%s\n", awsjson::sigv4::to_string(steps).c_str());

  // 3. Sent; the answer typed.
  http_response answer = post(ctx.endpoint, request);
  if (!answer.transport_error.empty()) {
    std::fprintf(stderr, "awsjson-ssm: %s\n", answer.transport_error.c_str());
    return failure;
  }
  auto r = awsjson::decode_response<Op>(answer.status, answer.headers, answer.body);
  if (auto const* out = r.result()) {
    awsjson::encode_options shown;
    shown.redact_sensitive = !ctx.args.show_sensitive;
    std::string json;
    if (auto err = awsjson::encode_into(json, *out, shown)) {
      std::fprintf(stderr, "awsjson-ssm: %s\n", err.to_string().c_str());
      return failure;
    }
    std::printf("%s\n", pretty(json).c_str());
    return ok;
  }
  if (auto const* e = r.service_error()) {
    std::fprintf(stderr, "An error occurred (%s) when calling the %.*s operation: %s\n",
                 e->code.empty() ? "Unknown" : e->code.c_str(), int(std::string_view(Op::name).size()),
                 std::string_view(Op::name).data(), e->message.c_str());
    std::fprintf(stderr, "HTTP status %d, %s, request id %s\n", answer.status,
                 e->is_fault() ? "a server fault" : "a client error", r.metadata.request_id.c_str());
    auto const* unknown = e->template get_if<awsjson::unknown_error>();
    if (unknown && !unknown->raw_body.empty())  // not JSON: an HTML page from a proxy, an XML error
      std::fprintf(stderr, "The answer was not JSON:\n%s\n", unknown->raw_body.c_str());
    return service_error;
  }
  std::fprintf(stderr, "awsjson-ssm: the answer (HTTP %d) is not a valid %.*s output: %s\n", answer.status,
               int(std::string_view(Op::name).size()), std::string_view(Op::name).data(),
               r.output_error()->to_string().c_str());
  return failure;
}

}  // namespace cli
