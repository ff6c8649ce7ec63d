// awsjson's plumbing: names, option values, pretty-printing, pagination tokens and merged pages.
#include <algorithm>
#include <regex>

#include "cli.hpp"

namespace cli {

std::string kebab(std::string_view name) {
  // botocore.xform_name(name, '-'), rule for rule.
  static std::regex const special("[A-Z]{2,}s$"), first_cap("(.)([A-Z][a-z]+)"), end_cap("([a-z0-9])([A-Z])");
  std::string s(name);
  std::smatch m;
  if (std::regex_search(s, m, special)) s = s.substr(0, s.size() - m.length()) + '-' + m.str();
  s = std::regex_replace(s, first_cap, "$1-$2");
  s = std::regex_replace(s, end_cap, "$1-$2");
  for (char& c : s) c = awsjson::detail::ascii_lower(c);
  return s;
}

namespace {
bool looks_like_json(std::string_view v) {
  auto i = v.find_first_not_of(" \t\r\n");
  return i != std::string_view::npos && (v[i] == '[' || v[i] == '{');
}
std::string json_string(std::string_view v) {
  std::string out;
  (void)awsjson::detail::append_json_string(out, v);  // invalid UTF-8 is caught by decode
  return out.empty() ? "\"\"" : out;
}
}  // namespace

std::optional<std::string> option_json(awsjson::value_kind k, std::vector<std::string> const& values, bool* flag) {
  using awsjson::value_kind;
  if (k == value_kind::boolean) {  // --flag / --no-flag, or --flag true|false as the AWS CLI also takes
    if (values.empty()) return *flag ? "true" : "false";
    if (values.size() == 1 && (values[0] == "true" || values[0] == "false")) return values[0];
    return std::nullopt;
  }
  if (values.empty()) return std::nullopt;
  if (k == value_kind::list && !looks_like_json(values[0])) {  // --names a b c
    std::string list = "[";
    for (auto const& v : values) list += (list.size() > 1 ? "," : "") + json_string(v);
    return list + "]";
  }
  if (values.size() != 1) return std::nullopt;
  std::string const& v = values[0];
  switch (k) {
    case value_kind::integer:
    case value_kind::floating:
    case value_kind::list:
    case value_kind::map:
    case value_kind::structure:
    case value_kind::tagged_union:
    case value_kind::document:
      return v;                  // as written: decode says what is wrong with it
    case value_kind::timestamp:  // epoch seconds as a number, a date-time as a string
      return !v.empty() && v.find_first_not_of("0123456789.-") == std::string::npos ? v : json_string(v);
    default:
      return json_string(v);
  }
}

std::string pretty(std::string_view json) {
  std::string out;
  int depth = 0;
  bool in_string = false;
  auto newline = [&] { out += '\n' + std::string(std::size_t(4 * depth), ' '); };
  for (std::size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (in_string) {
      out += c;
      if (c == '\\' && i + 1 < json.size())
        out += json[++i];
      else if (c == '"')
        in_string = false;
      continue;
    }
    switch (c) {
      case '"':
        in_string = true;
        out += c;
        break;
      case '{':
      case '[':
        out += c;
        if (i + 1 < json.size() && (json[i + 1] == '}' || json[i + 1] == ']')) {
          out += json[++i];
        } else {
          ++depth;
          newline();
        }
        break;
      case '}':
      case ']':
        --depth;
        newline();
        out += c;
        break;
      case ',':
        out += c;
        newline();
        break;
      case ':':
        out += ": ";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::map<std::string, service_commands>& services() {
  static std::map<std::string, service_commands> table;
  return table;
}

namespace {
// `value` at the dotted path `path` of `root` (result keys such as StreamDescription.Shards).
void set_path(awsjson::jmespath::value& root, std::string_view path, awsjson::jmespath::value v) {
  auto dot = path.find('.');
  if (dot == std::string_view::npos) {
    root.set(path, std::move(v));
    return;
  }
  awsjson::jmespath::value* next = root.find(path.substr(0, dot));
  if (!next || next->kind != awsjson::jmespath::value::type::object)
    next = &root.set(path.substr(0, dot), awsjson::jmespath::value::object());
  set_path(*next, path.substr(dot + 1), std::move(v));
}
}  // namespace

std::string encode_token(std::string_view input_token, resume_token const& t) {
  auto object = awsjson::jmespath::value::object();
  if (t.token) object.set(input_token, *t.token);
  if (t.truncate_amount)
    object.set("boto_truncate_amount", awsjson::jmespath::value::of_number(double(t.truncate_amount)));
  std::string out;
  awsjson::append_base64(out, object.json());
  return out;
}

std::optional<resume_token> decode_token(std::string_view input_token, std::string_view text) {
  std::string json;
  if (awsjson::decode_base64(text, json) != awsjson::base64_status::ok) return std::nullopt;
  auto object = awsjson::jmespath::parse_json(json);
  if (!object || object->kind != awsjson::jmespath::value::type::object) return std::nullopt;
  resume_token t;
  if (auto const* v = object->find(input_token)) t.token = *v;
  if (auto const* n = object->find("boto_truncate_amount")) {
    if (n->kind != awsjson::jmespath::value::type::number || n->number < 0) return std::nullopt;
    t.truncate_amount = static_cast<long long>(n->number);
  }
  return t;
}

bool merged_result::add(awsjson::jmespath::value const& page, long long skip, std::optional<long long> max_items,
                        long long* taken) {
  using awsjson::jmespath::value;
  if (first_) {
    for (auto key : p_.non_aggregate_keys)
      if (!key.empty())
        if (value v = awsjson::jmespath::search(key, page); !v.is_null()) set_path(kept_, key, std::move(v));
    first_ = false;
  }
  // How many of this page's items (the first result key's) are shown.
  long long available = 0;
  if (value first = awsjson::jmespath::search(p_.result_keys[0], page); first.kind == value::type::array)
    available = static_cast<long long>(first.items.size()) - skip;
  long long take = std::max(0LL, available);
  if (max_items) take = std::min(take, *max_items - items_);
  for (std::size_t k = 0; k < p_.result_keys.size(); ++k) {
    if (p_.result_keys[k].empty()) continue;
    value v = awsjson::jmespath::search(p_.result_keys[k], page);
    if (v.kind != value::type::array) continue;
    auto begin = std::min<std::size_t>(v.items.size(), std::size_t(std::max(0LL, skip)));
    auto end = std::min<std::size_t>(v.items.size(), begin + std::size_t(take));
    if (!lists_[k]) lists_[k] = value::array();
    for (auto i = begin; i < end; ++i) lists_[k]->items.push_back(std::move(v.items[i]));
  }
  items_ += take;
  *taken = take;
  return !max_items || items_ < *max_items;
}

std::string merged_result::json(std::string const& next_token) const {
  awsjson::jmespath::value out = kept_;  // the non-aggregate keys, the lists set into it
  for (std::size_t k = 0; k < p_.result_keys.size(); ++k)
    if (!p_.result_keys[k].empty())
      set_path(out, p_.result_keys[k], lists_[k].value_or(awsjson::jmespath::value::array()));
  if (!next_token.empty()) out.set("NextToken", awsjson::jmespath::value::of_string(next_token));
  return out.json();
}

}  // namespace cli
