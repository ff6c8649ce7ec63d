// Endpoints from Smithy endpoint rule sets (smithy.io, "Rules engine"): a service's rule set, the
// JSON botocore ships as endpoint-rule-set-1.json (generated into each service's
// endpoint_rules.hpp), evaluated for a call's parameters (Region, UseFIPS, UseDualStack, the
// configured Endpoint...) into the URL, properties (the signing scheme) and headers to use, or the
// rule set's error. The standard library's functions (isSet, not, getAttr, stringEquals,
// booleanEquals, substring, uriEncode, parseURL, isValidHostLabel) and AWS's (aws.partition over
// botocore's partitions.json, aws.parseArn, aws.isVirtualHostableS3Bucket). Where the
// specification leaves room, botocore's endpoint_provider.py decides (tests/data/endpoint-tests/
// holds botocore's cases for the 152 services).
#pragma once

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "endpoint_functions.hpp"
#include "jmespath.hpp"

namespace awsjson::endpoint_rules {

/// A rule set's parameters for one call, by name.
using parameters = std::map<std::string, value, std::less<>>;

/// Where a call goes.
struct endpoint {
  std::string url;
  value properties = value::object();  ///< e.g. authSchemes: [{name: sigv4, signingRegion: ...}]
  std::vector<std::pair<std::string, std::vector<std::string>>> headers;
};

/// A rule set's answer: an endpoint, or why there is none (an error rule's message, a missing
/// required parameter, a rule no value satisfies).
struct resolution {
  std::optional<endpoint> result;
  std::string error;
  bool ok() const noexcept { return result.has_value(); }
};

namespace detail {

enum class function : unsigned char {
  is_set,
  logical_not,
  get_attr,
  string_equals,
  boolean_equals,
  substring,
  uri_encode,
  parse_url,
  is_valid_host_label,
  partition,
  parse_arn,
  is_virtual_hostable_s3_bucket,
};

struct function_info {
  std::string_view name;
  function fn;
  std::size_t arity;
};

inline constexpr function_info functions[] = {
    {"isSet", function::is_set, 1},
    {"not", function::logical_not, 1},
    {"getAttr", function::get_attr, 2},
    {"stringEquals", function::string_equals, 2},
    {"booleanEquals", function::boolean_equals, 2},
    {"substring", function::substring, 4},
    {"uriEncode", function::uri_encode, 1},
    {"parseURL", function::parse_url, 1},
    {"isValidHostLabel", function::is_valid_host_label, 2},
    {"aws.partition", function::partition, 1},
    {"aws.parseArn", function::parse_arn, 1},
    {"aws.isVirtualHostableS3Bucket", function::is_virtual_hostable_s3_bucket, 2},
};

/// A step of a getAttr path: a record's member, or a list's element.
struct path_step {
  std::string name;  ///< empty for an index alone
  std::int64_t index = -1;
};

/// An expression: a literal, a template string, a reference to a parameter or an assigned
/// name, a function call, or a list or record of expressions (an endpoint's properties).
struct expression {
  enum class kind : unsigned char { literal, text_template, reference, call, list, record };
  kind type = kind::literal;
  value literal;
  std::string name;                                 ///< a reference's name, a call's assign ("" for none)
  function fn = function::is_set;                   ///< a call's function
  std::vector<expression> items;                    ///< a call's arguments, a list's or record's items
  std::vector<std::string> keys;                    ///< a record's keys
  std::vector<std::pair<bool, std::string>> parts;  ///< a template: (reference?, text or name#path)
  std::vector<std::vector<path_step>> part_paths;   ///< a template reference's path after '#'
  std::vector<path_step> path;                      ///< getAttr's path, when a literal
};

struct rule {
  enum class kind : unsigned char { endpoint, error, tree };
  kind type = kind::tree;
  std::vector<expression> conditions;
  expression url_or_error;  ///< an endpoint's URL, an error's message
  expression properties;    ///< an endpoint's properties (a record)
  std::vector<std::pair<std::string, std::vector<expression>>> headers;
  std::vector<rule> rules;  ///< a tree's
};

struct parameter {
  std::string name;
  std::string type;  ///< "string", "boolean" or "stringarray" (lower case: one model writes "String")
  bool required = false;
  value default_value;  ///< null when none
  std::string built_in;
};

/// A getAttr path: `name`, `a.b`, `list[0]`, `a.b[2]`.
inline bool parse_path(std::string_view text, std::vector<path_step>& out) {
  out.clear();
  while (true) {
    auto dot = text.find('.');
    std::string_view part = text.substr(0, dot);
    path_step step;
    if (auto open = part.find('['); open != std::string_view::npos) {
      if (!part.ends_with(']') || open + 2 > part.size() - 1) return false;
      std::string_view digits = part.substr(open + 1, part.size() - open - 2);
      std::int64_t n = 0;
      for (char c : digits) {
        if (c < '0' || c > '9' || n > 1'000'000) return false;
        n = n * 10 + (c - '0');
      }
      step.name = std::string(part.substr(0, open));
      step.index = n;
    } else {
      if (part.empty()) return false;
      step.name = std::string(part);
    }
    out.push_back(std::move(step));
    if (dot == std::string_view::npos) return true;
    text.remove_prefix(dot + 1);
  }
}

/// getAttr: null where the path finds nothing.
inline value const* follow(value const* v, std::vector<path_step> const& path) {
  for (auto const& step : path) {
    if (!v) return nullptr;
    if (!step.name.empty()) v = v->find(step.name);
    if (step.index >= 0) {
      if (!v || v->kind != value::type::array || std::size_t(step.index) >= v->items.size()) return nullptr;
      v = &v->items[std::size_t(step.index)];
    }
  }
  return v;
}

/// Whether botocore reads the string as a template: a `{name}` or `{name#attr}` in it.
inline bool is_template(std::string_view s) {
  for (std::size_t open = s.find('{'); open != std::string_view::npos; open = s.find('{', open + 1)) {
    std::size_t i = open + 1;
    while (i < s.size() && (std::isalpha(static_cast<unsigned char>(s[i])) || s[i] == '#')) ++i;
    if (i > open + 1 && i < s.size() && s[i] == '}') return true;
  }
  return false;
}

/// Why a rule set's JSON is not one this engine reads, as it is compiled.
struct compiler {
  std::string error;

  bool fail(std::string message) {
    if (error.empty()) error = std::move(message);
    return false;
  }

  bool string_expression(std::string const& s, expression& out) {
    if (!is_template(s)) {
      out.type = expression::kind::literal;
      out.literal = value::of_string(s);
      return true;
    }
    out.type = expression::kind::text_template;
    std::string text;
    for (std::size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      if ((c == '{' || c == '}') && i + 1 < s.size() && s[i + 1] == c) {  // {{ and }}: the character itself
        text += c;
        ++i;
      } else if (c == '{') {
        auto close = s.find('}', i);
        if (close == std::string::npos) return fail("a template without its closing brace: " + s);
        if (!text.empty()) out.parts.emplace_back(false, std::move(text));
        text.clear();
        std::string name = s.substr(i + 1, close - i - 1);
        std::vector<path_step> path;
        if (auto hash = name.find('#'); hash != std::string::npos) {
          if (!parse_path(std::string_view(name).substr(hash + 1), path)) return fail("not a template path: " + s);
          name.resize(hash);
        }
        out.parts.emplace_back(true, std::move(name));
        out.part_paths.resize(out.parts.size());
        out.part_paths.back() = std::move(path);
        i = close;
      } else {
        text += c;
      }
    }
    if (!text.empty()) out.parts.emplace_back(false, std::move(text));
    out.part_paths.resize(out.parts.size());
    return true;
  }

  /// An expression; in an endpoint's properties (`literal`), objects are data and only strings'
  /// templates are read, as botocore reads them.
  bool expr(value const& v, expression& out, bool literal = false) {
    switch (v.kind) {
      case value::type::string:
        return string_expression(v.text, out);
      case value::type::array:
        out.type = expression::kind::list;
        out.items.resize(v.items.size());
        for (std::size_t i = 0; i < v.items.size(); ++i)
          if (!expr(v.items[i], out.items[i], literal)) return false;
        return true;
      case value::type::object:
        if (value const* ref = literal ? nullptr : v.find("ref")) {
          if (ref->kind != value::type::string) return fail("a ref that is not a name");
          out.type = expression::kind::reference;
          out.name = ref->text;
          return true;
        }
        if (!literal && v.find("fn")) return call(v, out);
        out.type = expression::kind::record;
        out.keys = v.keys;
        out.items.resize(v.fields.size());
        for (std::size_t i = 0; i < v.fields.size(); ++i)
          if (!expr(v.fields[i], out.items[i], literal)) return false;
        return true;
      default:
        out.type = expression::kind::literal;
        out.literal = v;
        return true;
    }
  }

  bool call(value const& v, expression& out) {
    value const* fn = v.find("fn");
    value const* argv = v.find("argv");
    if (!fn || fn->kind != value::type::string || !argv || argv->kind != value::type::array)
      return fail("a function call without fn and argv");
    auto known = std::find_if(std::begin(functions), std::end(functions),
                              [&](function_info const& f) { return f.name == fn->text; });
    if (known == std::end(functions)) return fail("a function this engine does not know: " + fn->text);
    if (argv->items.size() != known->arity)
      return fail(fn->text + " takes " + std::to_string(known->arity) + " arguments, given " +
                  std::to_string(argv->items.size()));
    out.type = expression::kind::call;
    out.fn = known->fn;
    if (value const* assign = v.find("assign"); assign && assign->kind == value::type::string) out.name = assign->text;
    out.items.resize(argv->items.size());
    for (std::size_t i = 0; i < argv->items.size(); ++i)
      if (!expr(argv->items[i], out.items[i])) return false;
    if (out.fn == function::get_attr) {  // the path, parsed once
      value const& p = argv->items[1];
      if (p.kind != value::type::string || !parse_path(p.text, out.path)) return fail("getAttr without a path");
    }
    return true;
  }

  bool compile_rule(value const& v, rule& out) {
    value const* type = v.find("type");
    if (!type || type->kind != value::type::string) return fail("a rule without a type");
    if (value const* conditions = v.find("conditions"); conditions && conditions->kind == value::type::array) {
      out.conditions.resize(conditions->items.size());
      for (std::size_t i = 0; i < conditions->items.size(); ++i) {
        if (conditions->items[i].kind != value::type::object || !conditions->items[i].find("fn"))
          return fail("a condition that is not a function call");
        if (!call(conditions->items[i], out.conditions[i])) return false;
      }
    }
    if (type->text == "endpoint") {
      out.type = rule::kind::endpoint;
      value const* e = v.find("endpoint");
      value const* url = e ? e->find("url") : nullptr;
      if (!url) return fail("an endpoint rule without a url");
      if (!expr(*url, out.url_or_error)) return false;
      if (value const* properties = e->find("properties"); properties && !expr(*properties, out.properties, true))
        return false;
      if (value const* headers = e->find("headers"); headers && headers->kind == value::type::object)
        for (std::size_t i = 0; i < headers->keys.size(); ++i) {
          auto& [name, values] = out.headers.emplace_back(headers->keys[i], std::vector<expression>{});
          (void)name;
          for (value const& item : headers->fields[i].items)
            if (!expr(item, values.emplace_back())) return false;
        }
      return true;
    }
    if (type->text == "error") {
      out.type = rule::kind::error;
      value const* message = v.find("error");
      return message ? expr(*message, out.url_or_error) : fail("an error rule without its error");
    }
    if (type->text == "tree") {
      out.type = rule::kind::tree;
      value const* rules = v.find("rules");
      if (!rules || rules->kind != value::type::array) return fail("a tree rule without rules");
      out.rules.resize(rules->items.size());
      for (std::size_t i = 0; i < rules->items.size(); ++i)
        if (!compile_rule(rules->items[i], out.rules[i])) return false;
      return true;
    }
    return fail("a rule of unknown type " + type->text);
  }
};

}  // namespace detail

/// A service's compiled rule set.
class rule_set {
 public:
  /// `json` compiled; nullopt (and `error` says why) when it is not a rule set this engine reads.
  static std::optional<rule_set> parse(std::string_view json, std::string* error = nullptr) {
    auto fail = [&](std::string why) -> std::optional<rule_set> {
      if (error) *error = "endpoint rule set: " + why;
      return std::nullopt;
    };
    auto doc = jmespath::parse_json(json);
    if (!doc || doc->kind != value::type::object) return fail("not JSON");
    rule_set out;
    if (value const* params = doc->find("parameters"); params && params->kind == value::type::object)
      for (std::size_t i = 0; i < params->keys.size(); ++i) {
        value const& p = params->fields[i];
        detail::parameter param;
        param.name = params->keys[i];
        if (value const* t = p.find("type")) param.type = t->text;
        std::transform(param.type.begin(), param.type.end(), param.type.begin(),
                       [](unsigned char c) { return char(std::tolower(c)); });
        if (value const* r = p.find("required")) param.required = r->kind == value::type::boolean && r->boolean;
        if (value const* d = p.find("default")) param.default_value = *d;
        if (value const* b = p.find("builtIn")) param.built_in = b->text;
        out.parameters_.push_back(std::move(param));
      }
    value const* rules = doc->find("rules");
    if (!rules || rules->kind != value::type::array) return fail("no rules");
    detail::compiler c;
    out.rules_.resize(rules->items.size());
    for (std::size_t i = 0; i < rules->items.size(); ++i)
      if (!c.compile_rule(rules->items[i], out.rules_[i])) return fail(c.error);
    return out;
  }

  /// The name of the parameter bound to the built-in `built_in` (AWS::Region, AWS::UseFIPS,
  /// SDK::Endpoint...), or "" when the rule set has none.
  std::string_view parameter_for(std::string_view built_in) const {
    for (auto const& p : parameters_)
      if (p.built_in == built_in) return p.name;
    return {};
  }

  /// The endpoint for `given` (parameters not given take their defaults).
  resolution resolve(parameters const& given) const {
    evaluation e;
    for (auto const& p : parameters_) {
      auto it = given.find(p.name);
      value v = it != given.end() ? it->second : p.default_value;
      if (v.is_null() && p.required) return {std::nullopt, "Missing required parameter: " + p.name};
      if (!v.is_null()) {
        bool fits = p.type == "boolean"       ? v.kind == value::type::boolean
                    : p.type == "stringarray" ? v.kind == value::type::array
                                              : v.kind == value::type::string;
        if (!fits) return {std::nullopt, "Parameter " + p.name + " is not a " + p.type};
      }
      e.scope.emplace_back(p.name, std::move(v));
    }
    for (auto const& r : rules_) {
      if (auto outcome = e.evaluate(r); outcome != evaluation::outcome::no_match) {
        if (outcome == evaluation::outcome::endpoint) return {std::move(e.found), {}};
        return {std::nullopt, std::move(e.error)};
      }
    }
    return {std::nullopt, "no endpoint rule matched the parameters"};
  }

 private:
  struct evaluation {
    enum class outcome : unsigned char { no_match, endpoint, error };
    std::vector<std::pair<std::string, value>> scope;
    std::optional<endpoint> found;
    std::string error;

    value const* lookup(std::string_view name) const {
      for (auto it = scope.rbegin(); it != scope.rend(); ++it)
        if (it->first == name) return &it->second;
      return nullptr;
    }

    bool fail(std::string message) {
      if (error.empty()) error = std::move(message);
      return false;
    }

    /// `x`'s value into `out`; false (and `error`) when the rule set asks the impossible.
    bool eval(detail::expression const& x, value& out) {
      using kind = detail::expression::kind;
      switch (x.type) {
        case kind::literal:
          out = x.literal;
          return true;
        case kind::reference: {
          value const* v = lookup(x.name);
          out = v ? *v : value{};
          return true;
        }
        case kind::text_template: {
          std::string s;
          for (std::size_t i = 0; i < x.parts.size(); ++i) {
            auto const& [is_ref, text] = x.parts[i];
            if (!is_ref) {
              s += text;
              continue;
            }
            value const* v = detail::follow(lookup(text), x.part_paths[i]);
            if (!v) return fail("template " + text + " has no value");
            if (v->kind == value::type::string || v->kind == value::type::number)
              s += v->text;
            else if (v->kind == value::type::boolean)
              s += v->boolean ? "true" : "false";
            else
              return fail("template " + text + " is not a string");
          }
          out = value::of_string(std::move(s));
          return true;
        }
        case kind::list:
        case kind::record: {
          out = x.type == kind::list ? value::array() : value::object();
          out.keys = x.keys;
          auto& into = x.type == kind::list ? out.items : out.fields;
          into.resize(x.items.size());
          for (std::size_t i = 0; i < x.items.size(); ++i)
            if (!eval(x.items[i], into[i])) return false;
          return true;
        }
        case kind::call:
          return call(x, out);
      }
      return false;
    }

    bool call(detail::expression const& x, value& out) {
      using detail::function;
      std::vector<value> args(x.items.size());
      for (std::size_t i = 0; i < args.size(); ++i)
        if (!eval(x.items[i], args[i])) return false;
      auto strings = [&](std::string_view fn) {
        return std::all_of(args.begin(), args.end(), [](value const& a) { return a.kind == value::type::string; }) ||
               fail(std::string(fn) + ": both values must be strings");
      };
      switch (x.fn) {
        case function::is_set:
          out = value::of_bool(!args[0].is_null());
          break;
        case function::logical_not:
          out = value::of_bool(!args[0].truthy());
          break;
        case function::get_attr: {
          value const* v = detail::follow(&args[0], x.path);
          out = v ? *v : value{};
          break;
        }
        case function::string_equals:
          if (!strings("stringEquals")) return false;
          out = value::of_bool(args[0].text == args[1].text);
          break;
        case function::boolean_equals:
          if (args[0].kind != value::type::boolean || args[1].kind != value::type::boolean)
            return fail("booleanEquals: both values must be booleans");
          out = value::of_bool(args[0].boolean == args[1].boolean);
          break;
        case function::substring: {
          if (args[0].kind != value::type::string) return fail("substring: the input must be a string");
          std::string const& s = args[0].text;
          auto start = std::int64_t(args[1].number), stop = std::int64_t(args[2].number);
          bool ascii = std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 128; });
          if (start < 0 || start >= stop || std::int64_t(s.size()) < stop || !ascii) {
            out = value{};
          } else if (args[3].kind == value::type::boolean && args[3].boolean) {
            out = value::of_string(s.substr(s.size() - std::size_t(stop), std::size_t(stop - start)));
          } else {
            out = value::of_string(s.substr(std::size_t(start), std::size_t(stop - start)));
          }
          break;
        }
        case function::uri_encode:
          out = args[0].kind == value::type::string ? value::of_string(detail::percent_encode(args[0].text)) : value{};
          break;
        case function::parse_url:
          out = detail::parse_url(args[0]);
          break;
        case function::is_valid_host_label:
          out = value::of_bool(
              args[0].kind == value::type::string &&
              detail::is_valid_host_label(args[0].text, args[1].kind == value::type::boolean && args[1].boolean));
          break;
        case function::partition:
          out = args[0].kind == value::type::string ? aws_partitions().of(args[0].text) : aws_partitions().of("");
          break;
        case function::parse_arn:
          out = detail::parse_arn(args[0]);
          break;
        case function::is_virtual_hostable_s3_bucket: {
          std::string const& s = args[0].text;
          bool lower = std::none_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
          out = value::of_bool(args[0].kind == value::type::string && s.size() >= 3 && lower && !detail::is_ipv4(s) &&
                               detail::is_valid_host_label(s, args[1].kind == value::type::boolean && args[1].boolean));
          break;
        }
      }
      if (!x.name.empty()) {  // assign: a name no rule above has bound
        if (lookup(x.name)) return fail("Assignment " + x.name + " already exists in scoped variables");
        scope.emplace_back(x.name, out);
      }
      return true;
    }

    /// One rule, in a scope its conditions extend only for itself and the rules under it.
    outcome evaluate(detail::rule const& r) {
      std::size_t mark = scope.size();
      outcome result = evaluate_here(r);
      scope.resize(mark);
      return result;
    }

    outcome evaluate_here(detail::rule const& r) {
      for (auto const& condition : r.conditions) {
        value v;
        if (!call(condition, v)) return outcome::error;
        if (v.is_null() || (v.kind == value::type::boolean && !v.boolean)) return outcome::no_match;
      }
      switch (r.type) {
        case detail::rule::kind::endpoint: {
          endpoint ep;
          value url;
          if (!eval(r.url_or_error, url)) return outcome::error;
          if (url.kind != value::type::string) return fail("an endpoint's url is not a string"), outcome::error;
          ep.url = std::move(url.text);
          if (r.properties.type == detail::expression::kind::record && !eval(r.properties, ep.properties))
            return outcome::error;
          for (auto const& [name, values] : r.headers) {
            auto& [key, list] = ep.headers.emplace_back(name, std::vector<std::string>{});
            (void)key;
            for (auto const& item : values) {
              value v;
              if (!eval(item, v)) return outcome::error;
              list.push_back(v.text);
            }
          }
          found = std::move(ep);
          return outcome::endpoint;
        }
        case detail::rule::kind::error: {
          value message;
          if (!eval(r.url_or_error, message)) return outcome::error;
          error = message.text;
          return outcome::error;
        }
        case detail::rule::kind::tree:
          for (auto const& sub : r.rules)
            if (auto o = evaluate(sub); o != outcome::no_match) return o;
          // A tree whose rules all miss: botocore goes on to the next rule (the specification
          // calls it an error; no rule set of the 152 relies on either).
          return outcome::no_match;
      }
      return outcome::no_match;
    }
  };

  std::vector<detail::parameter> parameters_;
  std::vector<detail::rule> rules_;
};

/// What an SDK binds to a rule set's built-in parameters.
struct built_ins {
  std::string region;                ///< AWS::Region ("": unset)
  bool use_fips = false;             ///< AWS::UseFIPS
  bool use_dualstack = false;        ///< AWS::UseDualStack
  std::string endpoint;              ///< SDK::Endpoint: a configured endpoint ("": none)
  bool use_global_endpoint = false;  ///< AWS::STS::UseGlobalEndpoint (sts_regional_endpoints = legacy)
};

/// Where a call goes and how it is signed.
struct target {
  std::string url;
  std::string signing_region;  ///< the endpoint's sigv4 authScheme's, else the region bound
  std::string signing_name;    ///< the endpoint's sigv4 authScheme's, else ""
  std::string error;           ///< why there is no endpoint (the rule set's message); empty when url is set
};

/// `rules` evaluated with `b` bound to its built-in parameters.
inline target resolve(rule_set const& rules, built_ins const& b) {
  parameters params;
  auto give = [&](std::string_view built_in, value v) {
    if (auto name = rules.parameter_for(built_in); !name.empty()) params[std::string(name)] = std::move(v);
  };
  if (!b.region.empty()) give("AWS::Region", value::of_string(b.region));
  give("AWS::UseFIPS", value::of_bool(b.use_fips));
  give("AWS::UseDualStack", value::of_bool(b.use_dualstack));
  if (!b.endpoint.empty()) give("SDK::Endpoint", value::of_string(b.endpoint));
  give("AWS::STS::UseGlobalEndpoint", value::of_bool(b.use_global_endpoint));
  auto r = rules.resolve(params);
  if (!r.ok()) return {{}, {}, {}, std::move(r.error)};
  target t{std::move(r.result->url), b.region, {}, {}};
  if (value const* schemes = r.result->properties.find("authSchemes");
      schemes && schemes->kind == value::type::array && !schemes->items.empty()) {
    value const& scheme = schemes->items.front();
    if (value const* region = scheme.find("signingRegion"); region && region->kind == value::type::string)
      t.signing_region = region->text;
    if (value const* name = scheme.find("signingName"); name && name->kind == value::type::string)
      t.signing_name = name->text;
  }
  return t;
}

/// The compiled rule set of `json`, compiled once and shared by every client and call. `json` is
/// a text that lives as long as the program (a service's generated endpoint_rule_set): the cache
/// knows it by its address. Null when it does not compile (`error` says why).
inline std::shared_ptr<rule_set const> rule_set_for(std::string_view json, std::string* error = nullptr) {
  static std::mutex mutex;
  static std::map<char const*, std::shared_ptr<rule_set const>> compiled;
  std::lock_guard lock(mutex);
  auto& slot = compiled[json.data()];
  if (!slot) {
    if (auto rs = rule_set::parse(json, error)) slot = std::make_shared<rule_set const>(std::move(*rs));
  }
  return slot;
}

}  // namespace awsjson::endpoint_rules
