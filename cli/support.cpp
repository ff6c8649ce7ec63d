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

namespace {
// The shorthand parser: a cursor over the text, the grammar's productions as methods.
class shorthand {
 public:
  explicit shorthand(std::string_view text) : s_(text) {}
  using value = awsjson::jmespath::value;

  std::optional<value> parameter(std::string& problem) {
    value params = value::object();
    do {
      if (!params.keys.empty() && !expect(',')) break;
      std::string key = this->key();
      if (!expect('=')) break;
      auto v = values();
      if (!v) break;
      if (params.find(key)) {
        fail("the key " + key + " twice");
        break;
      }
      params.set(key, std::move(*v));
    } while (i_ < s_.size());
    if (!error_.empty()) {
      problem = error_;
      return std::nullopt;
    }
    return params;
  }

 private:
  std::string_view s_;
  std::size_t i_ = 0;
  std::string error_;
  int depth_ = 0;

  bool eof() const { return i_ >= s_.size(); }
  char current() const { return eof() ? '\0' : s_[i_]; }
  static bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }
  void skip_space() {
    while (!eof() && space(s_[i_])) ++i_;
  }
  bool fail(std::string why) {
    if (error_.empty()) error_ = "shorthand: " + why + " at offset " + std::to_string(i_);
    return false;
  }
  bool expect(char c) {
    skip_space();
    if (eof()) return fail(std::string("expected '") + c + "', found the end");
    if (s_[i_] != c) return fail(std::string("expected '") + c + "', found '" + s_[i_] + "'");
    ++i_;
    skip_space();
    return true;
  }
  std::string key() {
    std::size_t start = i_;
    auto valid = [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
             std::string_view("-_.#/:").find(c) != std::string_view::npos;
    };
    while (!eof() && valid(s_[i_])) ++i_;
    return std::string(s_.substr(start, i_ - start));
  }
  // The character classes of awscli's _START_WORD, _FIRST_FOLLOW_CHARS and _SECOND_FOLLOW_CHARS
  // (bytes of UTF-8 past ASCII are in all three).
  static bool starts_word(unsigned char c) {
    return c >= 0x80 || (c > ' ' && c != '"' && c != '\'' && c != ',' && c != '=' && c != '[' && c != '{');
  }
  static bool follows_first(unsigned char c) {
    return c >= 0x80 || space(char(c)) || (c > ' ' && c != '"' && c != '\'' && c != ',' && c != ']' && c != '}');
  }
  static bool follows_second(unsigned char c) {
    return c >= 0x80 || space(char(c)) || (c > ' ' && c != '"' && c != '\'' && c != ',' && c != '=');
  }
  // An unquoted value: `\,` is a comma; trailing white space dropped. Empty when none starts here.
  std::optional<std::string> word(bool (*follows)(unsigned char)) {
    std::string out;
    std::size_t start = i_;
    while (!eof()) {
      if (s_[i_] == '\\' && i_ + 1 < s_.size() && s_[i_ + 1] == ',') {
        out += ',';
        i_ += 2;
        continue;
      }
      auto c = static_cast<unsigned char>(s_[i_]);
      if (i_ == start ? !starts_word(c) : !follows(c)) break;
      out += s_[i_++];
    }
    if (i_ == start) return std::nullopt;
    while (!out.empty() && space(out.back())) out.pop_back();
    return out;
  }
  std::optional<std::string> quoted() {
    char q = s_[i_];
    std::size_t end = i_ + 1;
    while (end < s_.size() && s_[end] != q) end += s_[end] == '\\' && end + 1 < s_.size() && s_[end + 1] == q ? 2 : 1;
    if (end >= s_.size()) {
      fail(std::string("a value opened with ") + q + " is not closed");
      return std::nullopt;
    }
    std::string raw(s_.substr(i_ + 1, end - i_ - 1)), out;
    i_ = end + 1;
    for (std::size_t k = 0; k < raw.size(); ++k) {  // \' (or \") is the quote, then \\ is one backslash
      if (raw[k] == '\\' && k + 1 < raw.size() && raw[k + 1] == q) {
        out += q;
        ++k;
      } else {
        out += raw[k];
      }
    }
    std::string again;
    for (std::size_t k = 0; k < out.size(); ++k) {
      again += out[k];
      if (out[k] == '\\' && k + 1 < out.size() && out[k + 1] == '\\') ++k;
    }
    return again;
  }
  std::optional<std::string> first_value() {
    if (current() == '\'' || current() == '"') return quoted();
    return word(follows_first).value_or(std::string());
  }
  std::optional<value> values() {
    if (eof()) return value::of_string("");
    if (++depth_ > 64) {
      fail("nested too deeply");
      return std::nullopt;
    }
    std::optional<value> v;
    if (current() == '[')
      v = explicit_list();
    else if (current() == '{')
      v = hash_literal();
    else
      v = csv_value();
    --depth_;
    return v;
  }
  std::optional<value> csv_value() {
    auto first = first_value();
    if (!first) return std::nullopt;
    skip_space();
    if (eof() || s_[i_] != ',') return value::of_string(*first);
    if (!expect(',')) return std::nullopt;
    value list = value::array();
    list.items.push_back(value::of_string(*first));
    while (true) {
      std::size_t before = i_;
      std::optional<std::string> next;
      if (current() == '\'' || current() == '"') {
        next = quoted();
        if (!next) return std::nullopt;
      } else {
        next = word(follows_second);
      }
      skip_space();
      if (next && eof()) {
        list.items.push_back(value::of_string(*next));
        break;
      }
      if (!next || s_[i_] != ',') {  // the next key=: back to the comma before it
        if (eof()) {
          fail("expected a value");
          return std::nullopt;
        }
        i_ = before;
        while (i_ > 0 && s_[i_] != ',') --i_;
        break;
      }
      ++i_;
      skip_space();
      list.items.push_back(value::of_string(*next));
    }
    if (list.items.size() == 1) return value::of_string(*first);
    return list;
  }
  std::optional<value> explicit_values() {
    if (current() == '[' || current() == '{') return values();
    auto v = first_value();
    if (!v) return std::nullopt;
    return value::of_string(*v);
  }
  std::optional<value> explicit_list() {
    if (!expect('[')) return std::nullopt;
    value list = value::array();
    while (current() != ']') {
      if (eof()) {
        fail("a list opened with [ is not closed");
        return std::nullopt;
      }
      auto v = explicit_values();
      if (!v) return std::nullopt;
      list.items.push_back(std::move(*v));
      skip_space();
      if (current() != ']') {
        if (!expect(',')) return std::nullopt;
      }
    }
    ++i_;
    return list;
  }
  std::optional<value> hash_literal() {
    if (!expect('{')) return std::nullopt;
    value object = value::object();
    while (current() != '}') {
      if (eof()) {
        fail("a structure opened with { is not closed");
        return std::nullopt;
      }
      std::string k = key();
      if (!expect('=')) return std::nullopt;
      auto v = explicit_values();
      if (!v) return std::nullopt;
      skip_space();
      if (current() != '}' && !expect(',')) return std::nullopt;
      object.set(k, std::move(*v));
    }
    ++i_;
    return object;
  }
};
}  // namespace

std::optional<awsjson::jmespath::value> parse_shorthand(std::string_view text, std::string& problem) {
  return shorthand(text).parameter(problem);
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
