// awsjson's plumbing: names, option values, pretty-printing, pagination tokens and merged pages.
#include <algorithm>
#include <cstdio>
#include <ctime>
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

void write_iso8601(std::string& out, std::chrono::sys_time<std::chrono::microseconds> t) {
  auto seconds = std::chrono::floor<std::chrono::seconds>(t);
  long long micro = (t - seconds).count();
  std::time_t when = static_cast<std::time_t>(seconds.time_since_epoch().count());
  std::tm local{};
  if (!localtime_r(&when, &local) || local.tm_year + 1900 < 1 || local.tm_year + 1900 > 9999) {
    out += std::to_string(seconds.time_since_epoch().count());
    if (micro) out += '.' + std::to_string(1000000 + micro).substr(1);
    return;
  }
  char text[64];
  int n = std::snprintf(text, sizeof text, "\"%04d-%02d-%02dT%02d:%02d:%02d", local.tm_year + 1900, local.tm_mon + 1,
                        local.tm_mday, local.tm_hour, local.tm_min, local.tm_sec);
  out.append(text, std::size_t(n));
  if (micro) {
    n = std::snprintf(text, sizeof text, ".%06lld", micro);
    out.append(text, std::size_t(n));
  }
  long offset = local.tm_gmtoff;
  char sign = offset < 0 ? '-' : '+';
  offset = offset < 0 ? -offset : offset;
  n = std::snprintf(text, sizeof text, "%c%02ld:%02ld", sign, offset / 3600, offset / 60 % 60);
  out.append(text, std::size_t(n));
  if (offset % 60) {
    n = std::snprintf(text, sizeof text, ":%02ld", offset % 60);
    out.append(text, std::size_t(n));
  }
  out += '"';
}

namespace {
using awsjson::jmespath::value;

bool is_scalar(value const& v) { return v.kind != value::type::array && v.kind != value::type::object; }

// Python's str() of a JSON scalar, as awscli/text.py writes it.
std::string scalar_text(value const& v) {
  switch (v.kind) {
    case value::type::null:
      return "None";
    case value::type::boolean:
      return v.boolean ? "True" : "False";
    case value::type::number:
      return v.text;
    default:
      return v.text;
  }
}

std::string upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
  return s;
}

// The keys of an object, sorted (Python's sorted() of str: by code point, as UTF-8 bytes sort).
std::vector<std::size_t> sorted_keys(value const& object) {
  std::vector<std::size_t> order(object.keys.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](auto a, auto b) { return object.keys[a] < object.keys[b]; });
  return order;
}

void text_of(std::string& out, value const& item, std::string const* identifier,
             std::vector<std::string> const* scalar_keys, int depth);

void text_of_scalar_list(std::string& out, std::vector<value const*> const& elements, std::string const* identifier) {
  if (identifier) {
    for (auto const* e : elements) out += upper(*identifier) + '\t' + scalar_text(*e) + '\n';
    return;
  }
  for (std::size_t i = 0; i < elements.size(); ++i) out += (i ? "\t" : "") + scalar_text(*elements[i]);
  out += '\n';
}

void text_of_list(std::string& out, value const& list, std::string const* identifier, int depth) {
  if (list.items.empty()) return;
  bool any_object = false, any_list = false;
  for (auto const& e : list.items) {
    any_object = any_object || e.kind == value::type::object;
    any_list = any_list || e.kind == value::type::array;
  }
  if (any_object) {  // rows of every scalar key any element has
    std::vector<std::string> keys;
    for (auto const& e : list.items)
      if (e.kind == value::type::object)
        for (std::size_t i = 0; i < e.keys.size(); ++i)
          if (is_scalar(e.fields[i])) keys.push_back(e.keys[i]);
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (auto const& e : list.items) text_of(out, e, identifier, &keys, depth + 1);
    return;
  }
  std::vector<value const*> scalars;
  for (auto const& e : list.items)
    if (is_scalar(e)) scalars.push_back(&e);
  if (!any_list || !scalars.empty()) text_of_scalar_list(out, scalars, identifier);
  for (auto const& e : list.items)
    if (!is_scalar(e)) text_of(out, e, identifier, nullptr, depth + 1);
}

void text_of_object(std::string& out, value const& object, std::string const* identifier,
                    std::vector<std::string> const* scalar_keys, int depth) {
  std::vector<std::string> scalars;
  std::vector<std::pair<std::string const*, value const*>> nested;
  if (!scalar_keys) {
    for (auto i : sorted_keys(object)) {
      if (is_scalar(object.fields[i]))
        scalars.push_back(scalar_text(object.fields[i]));
      else
        nested.emplace_back(&object.keys[i], &object.fields[i]);
    }
  } else {  // the row's columns: every scalar key of the list, '' where this one has none
    for (auto const& key : *scalar_keys) {
      value const* v = object.find(key);
      scalars.push_back(v ? scalar_text(*v) : std::string());
    }
    for (auto i : sorted_keys(object))
      if (!std::binary_search(scalar_keys->begin(), scalar_keys->end(), object.keys[i]))
        nested.emplace_back(&object.keys[i], &object.fields[i]);
  }
  if (!scalars.empty()) {
    if (identifier) scalars.insert(scalars.begin(), upper(*identifier));
    for (std::size_t i = 0; i < scalars.size(); ++i) out += (i ? "\t" : "") + scalars[i];
    out += '\n';
  }
  for (auto const& [key, v] : nested) text_of(out, *v, key, nullptr, depth + 1);
}

void text_of(std::string& out, value const& item, std::string const* identifier,
             std::vector<std::string> const* scalar_keys, int depth) {
  if (depth > 512) return;  // JSON from a service nests far less; the parser bounds it too
  if (item.kind == value::type::object)
    text_of_object(out, item, identifier, scalar_keys, depth);
  else if (item.kind == value::type::array)
    text_of_list(out, item, identifier, depth);
  else
    out += scalar_text(item) + '\n';
}
}  // namespace

std::string format_text(value const& data) {
  std::string out;
  text_of(out, data, nullptr, nullptr, 0);
  return out;
}

void print_output(arguments const& args, std::string const& json) {
  if (args.query.empty() && args.output == "json") {  // as encoded, numbers exactly as written
    if (json != "{}") std::printf("%s\n", pretty(json).c_str());
    return;
  }
  value data = awsjson::jmespath::parse_json(json).value_or(value{});
  if (!args.query.empty()) data = awsjson::jmespath::search(args.query, data);
  if (args.output == "text") {
    std::fputs(format_text(data).c_str(), stdout);
  } else if (data.kind != value::type::object || !data.keys.empty()) {
    std::printf("%s\n", pretty(data.json()).c_str());
  }
}

void print_help(std::string const& operation, std::vector<option_help> const& options, bool paginated) {
  auto synopsis = [](option_help const& o) {
    std::string s = o.boolean ? "--" + o.name + " | --no-" + o.name : "--" + o.name + " <value>";
    return o.required ? s : '[' + s + ']';
  };
  std::printf("NAME\n       %s\n\nSYNOPSIS\n            %s\n", operation.c_str(), operation.c_str());
  for (auto const& o : options) std::printf("          %s\n", synopsis(o).c_str());
  std::printf("          [--cli-input-json <value>]\n");
  if (paginated)
    std::printf(
        "          [--starting-token <value>]\n          [--page-size <value>]\n          [--max-items <value>]\n");
  std::printf("\nOPTIONS\n");
  for (auto const& o : options) {
    std::string head = o.boolean ? "--" + o.name + " | --no-" + o.name : "--" + o.name;
    std::printf("       %s (%.*s)%s%s\n", head.c_str(), int(o.type.size()), o.type.data(),
                o.required ? " [required]" : "",
                o.sensitive ? " [sensitive: printed as \"***\" unless --show-sensitive]" : "");
    if (!o.values.empty()) {
      std::printf("\n          Possible values:\n\n");
      for (auto v : o.values) std::printf("          o %.*s\n\n", int(v.size()), v.data());
    } else {
      std::printf("\n");
    }
  }
  if (paginated)
    std::printf(
        "       This operation is paginated: awsjson calls it for every page and merges them (--no-paginate\n"
        "       for one call).\n");
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

namespace {
// JSON as Python's json.dumps writes it: ", " and ": " between items, non-ASCII as \uXXXX.
void python_json(std::string& out, awsjson::jmespath::value const& v) {
  using awsjson::jmespath::value;
  switch (v.kind) {
    case value::type::null:
      out += "null";
      return;
    case value::type::boolean:
      out += v.boolean ? "true" : "false";
      return;
    case value::type::number:
      out += v.text;
      return;
    case value::type::string: {
      std::string compact;
      (void)awsjson::detail::append_json_string(compact, v.text);
      for (std::size_t i = 0; i < compact.size();) {
        auto c = static_cast<unsigned char>(compact[i]);
        if (c < 0x80) {
          out += compact[i++];
          continue;
        }
        int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;  // valid UTF-8: the parser checked it
        unsigned code = c & (0x3F >> extra);
        for (int k = 1; k <= extra && i + std::size_t(k) < compact.size(); ++k)
          code = (code << 6) | (static_cast<unsigned char>(compact[i + std::size_t(k)]) & 0x3F);
        i += std::size_t(extra) + 1;
        char escaped[16];
        if (code >= 0x10000) {
          code -= 0x10000;
          std::snprintf(escaped, sizeof escaped, "\\u%04x\\u%04x", 0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF));
        } else {
          std::snprintf(escaped, sizeof escaped, "\\u%04x", code);
        }
        out += escaped;
      }
      return;
    }
    case value::type::array:
      out += '[';
      for (std::size_t i = 0; i < v.items.size(); ++i) {
        if (i) out += ", ";
        python_json(out, v.items[i]);
      }
      out += ']';
      return;
    case value::type::object:
      out += '{';
      for (std::size_t i = 0; i < v.keys.size(); ++i) {
        if (i) out += ", ";
        python_json(out, value::of_string(v.keys[i]));
        out += ": ";
        python_json(out, v.fields[i]);
      }
      out += '}';
      return;
  }
}
}  // namespace

std::string encode_token(std::string_view input_token, resume_token const& t) {
  // As botocore writes it, byte for byte: the input token (null on the first page), then the
  // items of its page already shown.
  auto object = awsjson::jmespath::value::object();
  object.set(input_token, t.token.value_or(awsjson::jmespath::value{}));
  if (t.truncate_amount)
    object.set("boto_truncate_amount", awsjson::jmespath::value::of_number(double(t.truncate_amount)));
  std::string json;
  python_json(json, object);
  std::string out;
  awsjson::append_base64(out, json);
  return out;
}

std::optional<resume_token> decode_token(std::string_view input_token, std::string_view text) {
  std::string json;
  if (awsjson::decode_base64(text, json) != awsjson::base64_status::ok) return std::nullopt;
  auto object = awsjson::jmespath::parse_json(json);
  if (!object || object->kind != awsjson::jmespath::value::type::object) return std::nullopt;
  resume_token t;
  if (auto const* v = object->find(input_token); v && !v->is_null()) t.token = *v;  // null: the first page
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
