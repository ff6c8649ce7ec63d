// The JMESPath that botocore's paginators and waiters use, and the forms AWS CLI users write in
// --query, evaluated over a small JSON tree: the output of a page, of a waiter's call or of a
// command, encoded to JSON. The subset: identifiers and `a.b` paths, `[N]` and `[-N]` indexes,
// slices `[1:-1:2]`, `[]`, `[*]` and `*` projections, `[?filter]`, multiselect lists `[a, b]`
// and hashes `{x: a}`, pipes `a | b`, JMESPath's functions (`length`, `sort_by(a, &b)`,
// `contains`, `join`, `max_by`, ... all 26), the comparators, `&&`, `||`, `!`, `(...)`, `@`,
// `literal` and 'raw string' values. Anything else is a parse error naming the expression
// (tests/data/jmespath_vectors.json checks every expression of botocore's models and the --query
// forms against the jmespath package botocore uses).
#pragma once

#include <simdjson.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../detail/json_string.hpp"

namespace awsjson::jmespath {

/// A JSON value as JMESPath sees it.
struct value {
  enum class type : unsigned char { null, boolean, number, string, array, object };
  type kind = type::null;
  bool boolean = false;
  double number = 0;
  std::string text;               ///< a string's value, or a number as it was written (kept exact when written back)
  std::vector<value> items;       ///< an array's elements
  std::vector<std::string> keys;  ///< an object's keys, in order
  std::vector<value> fields;      ///< an object's values, keys[i]'s at i

  static value of_bool(bool b) {
    value v;
    v.kind = type::boolean;
    v.boolean = b;
    return v;
  }
  static value of_number(double d) {
    value v;
    v.kind = type::number;
    v.number = d;
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, d);
    // A whole number too long for a 64-bit integer is written in exponent form: read back as
    // a double (the shortest form would be 20 digits that no integer holds).
    if (std::string_view(buf, std::size_t(r.ptr - buf)).find_first_of(".e") == std::string_view::npos &&
        r.ptr - buf > 18)
      r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    v.text.assign(buf, r.ptr);
    return v;
  }
  static value of_string(std::string s) {
    value v;
    v.kind = type::string;
    v.text = std::move(s);
    return v;
  }
  static value array() {
    value v;
    v.kind = type::array;
    return v;
  }
  static value object() {
    value v;
    v.kind = type::object;
    return v;
  }

  bool is_null() const noexcept { return kind == type::null; }
  /// The member `key` of an object, or null.
  value const* find(std::string_view key) const noexcept {
    if (kind != type::object) return nullptr;
    for (std::size_t i = 0; i < keys.size(); ++i)
      if (keys[i] == key) return &fields[i];
    return nullptr;
  }
  value* find(std::string_view key) noexcept { return const_cast<value*>(std::as_const(*this).find(key)); }
  /// Sets (or adds) the member `key` of an object.
  value& set(std::string_view key, value v) {
    if (value* found = find(key)) return *found = std::move(v);
    keys.emplace_back(key);
    fields.push_back(std::move(v));
    return fields.back();
  }

  /// JMESPath's false values: null, false, "", [], {}.
  bool truthy() const noexcept {
    switch (kind) {
      case type::null:
        return false;
      case type::boolean:
        return boolean;
      case type::number:
        return true;
      case type::string:
        return !text.empty();
      case type::array:
        return !items.empty();
      case type::object:
        return !keys.empty();
    }
    return false;
  }

  friend bool operator==(value const& a, value const& b) {
    if (a.kind != b.kind) return false;
    switch (a.kind) {
      case type::null:
        return true;
      case type::boolean:
        return a.boolean == b.boolean;
      case type::number:
        return a.number == b.number;
      case type::string:
        return a.text == b.text;
      case type::array:
        return a.items == b.items;
      case type::object:
        if (a.keys.size() != b.keys.size()) return false;
        for (std::size_t i = 0; i < a.keys.size(); ++i) {
          value const* other = b.find(a.keys[i]);
          if (!other || !(*other == a.fields[i])) return false;
        }
        return true;
    }
    return false;
  }

  /// Compact JSON.
  void write(std::string& out) const {
    switch (kind) {
      case type::null:
        out += "null";
        break;
      case type::boolean:
        out += boolean ? "true" : "false";
        break;
      case type::number:
        out += text;
        break;
      case type::string:
        (void)awsjson::detail::append_json_string(out, text);
        break;
      case type::array:
        out += '[';
        for (std::size_t i = 0; i < items.size(); ++i) {
          if (i) out += ',';
          items[i].write(out);
        }
        out += ']';
        break;
      case type::object:
        out += '{';
        for (std::size_t i = 0; i < keys.size(); ++i) {
          if (i) out += ',';
          (void)awsjson::detail::append_json_string(out, keys[i]);
          out += ':';
          fields[i].write(out);
        }
        out += '}';
        break;
    }
  }
  std::string json() const {
    std::string out;
    write(out);
    return out;
  }
};

namespace detail {
inline value from_element(simdjson::dom::element e) {
  using simdjson::dom::element_type;
  value v;
  switch (e.type()) {
    case element_type::NULL_VALUE:
      break;
    case element_type::BOOL:
      v = value::of_bool(e.get_bool().value());
      break;
    case element_type::INT64:
      v.kind = value::type::number;
      v.number = double(e.get_int64().value());
      v.text = std::to_string(e.get_int64().value());
      break;
    case element_type::UINT64:
      v.kind = value::type::number;
      v.number = double(e.get_uint64().value());
      v.text = std::to_string(e.get_uint64().value());
      break;
    case element_type::DOUBLE:
      v = value::of_number(e.get_double().value());
      break;
    case element_type::STRING:
      v = value::of_string(std::string(e.get_string().value()));
      break;
    case element_type::ARRAY:
      v.kind = value::type::array;
      if (simdjson::dom::array list; e.get_array().get(list) == simdjson::SUCCESS)
        for (simdjson::dom::element item : list) v.items.push_back(from_element(item));
      break;
    case element_type::OBJECT:
      v.kind = value::type::object;
      if (simdjson::dom::object object; e.get_object().get(object) == simdjson::SUCCESS)
        for (simdjson::dom::key_value_pair field : object) v.set(field.key, from_element(field.value));
      break;
  }
  return v;
}
}  // namespace detail

/// `json` as a value; nullopt when it is not JSON.
inline std::optional<value> parse_json(std::string_view json) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(simdjson::padded_string(json)).get(root) != simdjson::SUCCESS) return std::nullopt;
  return detail::from_element(root);
}

namespace detail {
// JMESPath's functions: their names and how many arguments they take (at least, when variadic).
struct function_info {
  std::string_view name;
  std::size_t arity;
  bool variadic = false;
};
inline constexpr function_info functions[] = {
    {"abs", 1},         {"avg", 1},      {"ceil", 1},      {"contains", 2},
    {"ends_with", 2},   {"floor", 1},    {"join", 2},      {"keys", 1},
    {"length", 1},      {"map", 2},      {"max", 1},       {"max_by", 2},
    {"merge", 1, true}, {"min", 1},      {"min_by", 2},    {"not_null", 1, true},
    {"reverse", 1},     {"sort", 1},     {"sort_by", 2},   {"starts_with", 2},
    {"sum", 1},         {"to_array", 1}, {"to_number", 1}, {"to_string", 1},
    {"type", 1},        {"values", 1},
};
}  // namespace detail

/// A parsed expression.
class expression {
 public:
  /// `text` parsed; check error() before evaluating.
  explicit expression(std::string_view text);
  /// Why the text is not an expression of the subset; empty when it is.
  std::string const& error() const noexcept { return error_; }
  /// The expression over `root` (null where it finds nothing).
  value search(value const& root) const;

 private:
  enum class op : unsigned char {
    identity,  // @
    literal,   // `json` or 'raw'
    field,     // name
    subexpr,   // a.b: operands[0] then operands[1]
    index,     // [N] on operands[0]
    project,   // operands[0] as a list (flattened when `flatten`), operands[1] over each element
    filter,    // operands[0] as a list, kept where operands[2] is true, operands[1] over each
    compare,   // operands[0] CMP operands[1]
    and_,
    or_,
    not_,
    function,  // a function (its id in `index`, its name in `name`) of operands
    expref,    // &operands[0]: an expression a function applies (sort_by, max_by, map)
    pipe,      // operands[1] over what operands[0] gives: a projection ends there
    values,    // an object's values as a list (the `*` projection's left side); null otherwise
    list,      // [operands...] over the current value; null over null
    hash,      // {key i: operands[i]} over the current value, the keys in `literal`; null over null
    slice,     // operands[0][start:stop:step] (a list), the three in `literal` (numbers or null)
  };
  struct node {
    op kind = op::identity;
    std::string name;  // field name, comparator
    value literal;     // a literal's value; a multiselect hash's keys (strings); a slice's bounds
    long long index = 0;
    bool flatten = false;
    std::vector<std::size_t> operands;
  };
  std::vector<node> nodes_;
  std::size_t root_ = 0;
  std::string error_;

  // parsing
  std::string_view text_;
  std::size_t pos_ = 0;
  int depth_ = 0;  // of nested expressions: bounded, so that no text can exhaust the stack
  static constexpr int max_depth = 64;
  static constexpr std::size_t max_length = 2048;
  // jmespath's binding powers of the tokens that start or end a projection (see parse_postfix)
  static constexpr int flatten_bp = 9, star_bp = 20, filter_bp = 21;
  // An index or slice bound beyond any list's size means the same as this one: numbers stay
  // exact as doubles, and a bound plus a step cannot overflow.
  static constexpr long long max_index = 1LL << 53;
  std::size_t add(node n) {
    nodes_.push_back(std::move(n));
    return nodes_.size() - 1;
  }
  void skip_space() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n')) ++pos_;
  }
  bool eat(std::string_view token) {
    skip_space();
    if (text_.substr(pos_, token.size()) != token) return false;
    pos_ += token.size();
    return true;
  }
  bool fail(std::string why) {
    if (error_.empty()) error_ = "JMESPath `" + std::string(text_) + "`: " + why + " at offset " + std::to_string(pos_);
    return false;
  }
  std::size_t parse_pipe();
  std::size_t parse_or();
  std::size_t parse_and();
  std::size_t parse_not();
  std::size_t parse_comparison();
  std::size_t parse_path();
  std::size_t parse_postfix(std::size_t left, int bp = 0);
  std::size_t parse_primary(bool after_dot = false);
  std::size_t parse_projection_rest(std::size_t left, op kind, bool flatten, int bp);
  std::size_t parse_multiselect_list();
  std::size_t parse_multiselect_hash();

  // `invalid`: a function given the wrong type, which jmespath raises: the whole search is null.
  value eval(std::size_t n, value const& v, bool& invalid) const;
  value call(node const& n, value const& v, bool& invalid) const;
};

inline expression::expression(std::string_view text) : text_(text) {
  if (text.size() > max_length) {  // a chain a.b.c... is evaluated recursively: bounded by the length
    error_ = "a JMESPath expression of more than " + std::to_string(max_length) + " characters";
    text_ = {};
    return;
  }
  root_ = parse_pipe();
  skip_space();
  if (error_.empty() && pos_ != text_.size()) fail("unexpected text");
  text_ = {};
}

inline std::size_t expression::parse_pipe() {
  std::size_t left = parse_or();
  while (error_.empty() && eat("|")) left = add({op::pipe, {}, {}, 0, false, {left, parse_or()}});
  return left;
}
inline std::size_t expression::parse_or() {
  if (++depth_ > max_depth) return fail("nested more than 64 deep"), 0;
  std::size_t left = parse_and();
  while (error_.empty() && eat("||")) left = add({op::or_, {}, {}, 0, false, {left, parse_and()}});
  --depth_;
  return left;
}
inline std::size_t expression::parse_and() {
  std::size_t left = parse_not();
  while (error_.empty() && eat("&&")) left = add({op::and_, {}, {}, 0, false, {left, parse_not()}});
  return left;
}
inline std::size_t expression::parse_not() {
  if (eat("!")) {
    if (++depth_ > max_depth) return fail("nested more than 64 deep"), 0;
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == '=') return fail("`!=` without a left side"), 0;
    std::size_t operand = parse_not();
    --depth_;
    return add({op::not_, {}, {}, 0, false, {operand}});
  }
  return parse_comparison();
}
inline std::size_t expression::parse_comparison() {
  std::size_t left = parse_path();
  for (std::string_view c : {"==", "!=", "<=", ">=", "<", ">"})
    if (error_.empty() && eat(c)) return add({op::compare, std::string(c), {}, 0, false, {left, parse_path()}});
  return left;
}
inline std::size_t expression::parse_path() { return parse_postfix(parse_primary()); }

// `left` followed by `.name`, `[N]`, `[]`, `[*]`, `[?expr]`. A projection takes the rest of the
// chain as what it applies to each element, up to a token that binds less tightly than it
// (jmespath's binding powers): `[]` ends any projection before it and flattens its result
// (`a[].b[]` is one list), `[?` ends a filter's, `.`, `[N]` and `[*]` go on within it. `bp` is
// the binding power of the projection whose rest this is (0: none).
inline std::size_t expression::parse_postfix(std::size_t left, int bp) {
  while (error_.empty()) {
    skip_space();
    std::string_view rest = text_.substr(pos_);
    if (rest.starts_with("[]") && bp >= flatten_bp) return left;
    if (rest.starts_with("[?") && bp >= filter_bp) return left;
    if (eat(".")) {
      std::size_t right = parse_primary(true);
      left = add({op::subexpr, {}, {}, 0, false, {left, right}});
    } else if (eat("[?")) {
      std::size_t condition = parse_pipe();
      if (!eat("]")) return fail("expected ]"), 0;
      left = parse_projection_rest(left, op::filter, false, filter_bp);
      if (error_.empty()) nodes_[left].operands.push_back(condition);
    } else if (eat("[]")) {
      left = parse_projection_rest(left, op::project, true, flatten_bp);
    } else if (eat("[*]")) {
      left = parse_projection_rest(left, op::project, false, star_bp);
    } else if (eat("[")) {
      // [N], or a slice [start:stop:step] (each part optional), a projection as [*] is
      value bounds = value::array();
      for (int part = 0; part < 3; ++part) {
        skip_space();
        std::size_t start = pos_;
        if (pos_ < text_.size() && text_[pos_] == '-') ++pos_;
        while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
        long long n = 0;
        if (pos_ == start) {
          bounds.items.emplace_back();  // absent
        } else if (auto r = std::from_chars(text_.data() + start, text_.data() + pos_, n);
                   r.ec != std::errc() || r.ptr != text_.data() + pos_) {
          return fail("expected an index"), 0;
        } else {
          bounds.items.push_back(value::of_number(double(std::clamp(n, -max_index, max_index))));
        }
        if (part == 2 || !eat(":")) break;
      }
      if (!eat("]")) return fail("expected ]"), 0;
      if (bounds.items.size() == 1) {
        if (bounds.items[0].is_null()) return fail("expected an index"), 0;
        left = add({op::index, {}, {}, static_cast<long long>(bounds.items[0].number), false, {left}});
      } else {
        bounds.items.resize(3);
        if (bounds.items[2].kind == value::type::number && bounds.items[2].number == 0)
          return fail("a slice's step of 0"), 0;
        left = parse_projection_rest(add({op::slice, {}, std::move(bounds), 0, false, {left}}), op::project, false,
                                     star_bp);
      }
    } else {
      return left;
    }
  }
  return left;
}

// A projection of `left` (its elements, or with `values` an object's values): the rest of the
// chain, up to what binds less tightly than `bp`, applies to each element.
inline std::size_t expression::parse_projection_rest(std::size_t left, op kind, bool flatten, int bp) {
  if (++depth_ > max_depth) return fail("nested more than 64 deep"), 0;
  std::size_t rest = parse_postfix(add({op::identity, {}, {}, 0, false, {}}), bp);
  --depth_;
  return add({kind, {}, {}, 0, flatten, {left, rest}});
}

// `[a, b, ...]`, the `[` eaten.
inline std::size_t expression::parse_multiselect_list() {
  if (++depth_ > max_depth) return fail("nested more than 64 deep"), 0;
  node n{op::list, {}, {}, 0, false, {}};
  do n.operands.push_back(parse_pipe());
  while (error_.empty() && eat(","));
  --depth_;
  if (error_.empty() && !eat("]")) return fail("expected , or ]"), 0;
  return add(std::move(n));
}

// `{key: a, ...}`, the `{` eaten.
inline std::size_t expression::parse_multiselect_hash() {
  if (++depth_ > max_depth) return fail("nested more than 64 deep"), 0;
  node n{op::hash, {}, value::array(), 0, false, {}};
  do {
    std::size_t key = parse_primary();
    if (!error_.empty()) return 0;
    if (nodes_[key].kind != op::field) return fail("expected a key"), 0;
    n.literal.items.push_back(value::of_string(nodes_[key].name));
    if (!eat(":")) return fail("expected :"), 0;
    n.operands.push_back(parse_pipe());
  } while (error_.empty() && eat(","));
  --depth_;
  if (error_.empty() && !eat("}")) return fail("expected , or }"), 0;
  return add(std::move(n));
}

// After a `.`, `[` opens a multiselect list (an index there is an error, as in jmespath).
inline std::size_t expression::parse_primary(bool after_dot) {
  skip_space();
  if (pos_ >= text_.size()) return fail("unexpected end"), 0;
  char c = text_[pos_];
  if (c == '@') {
    ++pos_;
    return add({op::identity, {}, {}, 0, false, {}});
  }
  if (c == '(' && !after_dot) {
    ++pos_;
    std::size_t inner = parse_pipe();
    if (!eat(")")) return fail("expected )"), 0;
    return inner;
  }
  if (c == '*') {
    ++pos_;
    return parse_projection_rest(add({op::values, {}, {}, 0, false, {}}), op::project, false, star_bp);
  }
  if (c == '{') {
    ++pos_;
    return parse_multiselect_hash();
  }
  if (c == '[') {
    auto peek = [&](std::size_t from) {  // the first character at or after `from` that is not a space
      while (from < text_.size() && (text_[from] == ' ' || text_[from] == '\t' || text_[from] == '\n')) ++from;
      return std::pair{from < text_.size() ? text_[from] : '\0', from};
    };
    auto [d, at] = peek(pos_ + 1);
    bool bracket = d == '?' || d == ']' || d == '-' || d == ':' || (d >= '0' && d <= '9') ||
                   (d == '*' && peek(at + 1).first == ']');
    if (!bracket) {
      ++pos_;
      return parse_multiselect_list();
    }
    if (after_dot) return fail("expected an identifier, [ or { after ."), 0;
    return add({op::identity, {}, {}, 0, false, {}});  // `[0]`, `[*]`, `[?..]`: on the current value
  }
  if (c == '`' || c == '\'') {
    std::size_t end = text_.find(c, pos_ + 1);
    if (end == std::string_view::npos) return fail("an unterminated literal"), 0;
    std::string_view body = text_.substr(pos_ + 1, end - pos_ - 1);
    pos_ = end + 1;
    node n{op::literal, {}, {}, 0, false, {}};
    if (c == '\'') {
      if (!simdjson::validate_utf8(body.data(), body.size())) return fail("a raw string that is not UTF-8"), 0;
      n.literal = value::of_string(std::string(body));
    } else {
      auto parsed = parse_json(body);
      if (!parsed) return fail("a literal that is not JSON"), 0;
      n.literal = std::move(*parsed);
    }
    return add(std::move(n));
  }
  if (c == '"') {  // a quoted identifier
    std::size_t end = text_.find('"', pos_ + 1);
    if (end == std::string_view::npos) return fail("an unterminated identifier"), 0;
    std::string name(text_.substr(pos_ + 1, end - pos_ - 1));
    pos_ = end + 1;
    return add({op::field, std::move(name), {}, 0, false, {}});
  }
  std::size_t start = pos_;
  while (pos_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '_')) ++pos_;
  if (start == pos_ || (text_[start] >= '0' && text_[start] <= '9')) return fail("expected an identifier"), 0;
  std::string name(text_.substr(start, pos_ - start));
  if (eat("(")) {
    auto f = std::find_if(std::begin(detail::functions), std::end(detail::functions),
                          [&](auto const& x) { return x.name == name; });
    if (f == std::end(detail::functions)) return fail("the function " + name + "() is not one of JMESPath's"), 0;
    if (++depth_ > max_depth) return fail("nested more than 64 deep"), 0;
    node call{op::function, name, {}, static_cast<long long>(f - std::begin(detail::functions)), false, {}};
    if (!eat(")")) {
      do {
        if (eat("&")) {
          std::size_t body = parse_pipe();
          call.operands.push_back(add({op::expref, {}, {}, 0, false, {body}}));
        } else {
          call.operands.push_back(parse_pipe());
        }
      } while (error_.empty() && eat(","));
      if (error_.empty() && !eat(")")) return fail("expected , or )"), 0;
    }
    --depth_;
    std::size_t given = call.operands.size();
    if (given < f->arity || (!f->variadic && given > f->arity))
      return fail(name + "() takes " + (f->variadic ? "at least " : "") + std::to_string(f->arity) + " argument" +
                  (f->arity == 1 ? "" : "s") + ", given " + std::to_string(given)),
             0;
    return add(std::move(call));
  }
  return add({op::field, std::move(name), {}, 0, false, {}});
}

inline value expression::search(value const& root) const {
  if (!error_.empty()) return {};
  bool invalid = false;
  value result = eval(root_, root, invalid);
  return invalid ? value{} : result;
}

inline value expression::eval(std::size_t i, value const& v, bool& invalid) const {
  node const& n = nodes_[i];
  switch (n.kind) {
    case op::identity:
      return v;
    case op::literal:
      return n.literal;
    case op::field: {
      value const* found = v.find(n.name);
      return found ? *found : value{};
    }
    case op::subexpr: {
      value left = eval(n.operands[0], v, invalid);
      return left.is_null() ? value{} : eval(n.operands[1], left, invalid);
    }
    case op::index: {
      value left = eval(n.operands[0], v, invalid);
      if (left.kind != value::type::array) return {};
      long long size = static_cast<long long>(left.items.size());
      long long at = n.index < 0 ? size + n.index : n.index;
      return at >= 0 && at < size ? left.items[std::size_t(at)] : value{};
    }
    case op::project:
    case op::filter: {
      value left = eval(n.operands[0], v, invalid);
      if (left.kind != value::type::array) return {};
      std::vector<value> elements;
      for (auto& item : left.items) {
        if (n.flatten && item.kind == value::type::array)
          for (auto& inner : item.items) elements.push_back(inner);
        else
          elements.push_back(item);
      }
      value out = value::array();
      for (auto const& element : elements) {
        if (n.kind == op::filter && !eval(n.operands[2], element, invalid).truthy()) continue;
        value projected = eval(n.operands[1], element, invalid);
        if (!projected.is_null()) out.items.push_back(std::move(projected));
      }
      return out;
    }
    case op::compare: {
      value a = eval(n.operands[0], v, invalid), b = eval(n.operands[1], v, invalid);
      if (n.name == "==") return value::of_bool(a == b);
      if (n.name == "!=") return value::of_bool(!(a == b));
      if (a.kind != value::type::number || b.kind != value::type::number) return {};
      if (n.name == "<") return value::of_bool(a.number < b.number);
      if (n.name == "<=") return value::of_bool(a.number <= b.number);
      if (n.name == ">") return value::of_bool(a.number > b.number);
      return value::of_bool(a.number >= b.number);
    }
    case op::and_: {
      value a = eval(n.operands[0], v, invalid);
      return a.truthy() ? eval(n.operands[1], v, invalid) : a;
    }
    case op::or_: {
      value a = eval(n.operands[0], v, invalid);
      return a.truthy() ? a : eval(n.operands[1], v, invalid);
    }
    case op::not_:
      return value::of_bool(!eval(n.operands[0], v, invalid).truthy());
    case op::function:
      return call(n, v, invalid);
    case op::expref:  // only as a function's argument, which applies it
      return {};
    case op::slice: {  // Python's slicing: negative bounds count from the end; clamped
      value left = eval(n.operands[0], v, invalid);
      if (left.kind != value::type::array) return {};
      long long size = static_cast<long long>(left.items.size());
      auto const& b = n.literal.items;
      long long step = b[2].is_null() ? 1 : static_cast<long long>(b[2].number);
      auto bound = [&](value const& given, long long absent) {
        if (given.is_null()) return absent;
        long long i = static_cast<long long>(given.number);
        if (i < 0) i += size;
        return step > 0 ? std::clamp(i, 0LL, size) : std::clamp(i, -1LL, size - 1);
      };
      long long start = bound(b[0], step > 0 ? 0 : size - 1), stop = bound(b[1], step > 0 ? size : -1);
      value out = value::array();
      for (long long i = start; step > 0 ? i < stop : i > stop; i += step)
        out.items.push_back(left.items[std::size_t(i)]);
      return out;
    }
    case op::pipe:
      return eval(n.operands[1], eval(n.operands[0], v, invalid), invalid);
    case op::values: {
      if (v.kind != value::type::object) return {};
      value out = value::array();
      out.items = v.fields;
      return out;
    }
    case op::list: {
      if (v.is_null()) return {};
      value out = value::array();
      for (std::size_t operand : n.operands) out.items.push_back(eval(operand, v, invalid));
      return out;
    }
    case op::hash: {
      if (v.is_null()) return {};
      value out = value::object();
      for (std::size_t k = 0; k < n.operands.size(); ++k)
        out.set(n.literal.items[k].text, eval(n.operands[k], v, invalid));
      return out;
    }
  }
  return {};
}

namespace detail {
inline std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}
inline bool all_of_kind(value const& list, value::type kind) {
  return std::all_of(list.items.begin(), list.items.end(), [&](value const& x) { return x.kind == kind; });
}
/// Python's to_number: an int, else a float, of the string; null when it is neither.
inline value number_of(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  double d = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), d);
  if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size() || !std::isfinite(d)) return {};
  return value::of_number(d);
}
}  // namespace detail

// JMESPath's functions, as the jmespath package botocore uses computes them: an argument of the
// wrong type makes the whole search invalid (jmespath raises), as does a sort key of another type.
inline value expression::call(node const& n, value const& v, bool& invalid) const {
  using type = value::type;
  std::string_view name = detail::functions[std::size_t(n.index)].name;
  auto bad = [&] {
    invalid = true;
    return value{};
  };
  // The arguments, evaluated (an expression reference stays one: the function applies it).
  std::vector<value> args;
  for (std::size_t operand : n.operands)
    args.push_back(nodes_[operand].kind == op::expref ? value{} : eval(operand, v, invalid));
  auto apply = [&](std::size_t arg, value const& element) {
    return eval(nodes_[n.operands[arg]].operands[0], element, invalid);
  };
  auto is_ref = [&](std::size_t arg) { return nodes_[n.operands[arg]].kind == op::expref; };
  for (std::size_t i = 0; i < args.size(); ++i)  // an expression reference only where one is taken
    if (is_ref(i) !=
        ((name == "map" && i == 0) || ((name == "sort_by" || name == "max_by" || name == "min_by") && i == 1)))
      return bad();
  value const& a = args.empty() ? v : args[0];
  auto number = [](double d) { return value::of_number(d); };
  if (name == "abs" || name == "ceil" || name == "floor") {
    if (a.kind != type::number) return bad();
    return number(name == "abs" ? std::fabs(a.number) : name == "ceil" ? std::ceil(a.number) : std::floor(a.number));
  }
  if (name == "avg" || name == "sum") {
    if (a.kind != type::array || !detail::all_of_kind(a, type::number)) return bad();
    double total = 0;
    for (auto const& x : a.items) total += x.number;
    if (name == "sum") return number(total);
    return a.items.empty() ? value{} : number(total / double(a.items.size()));
  }
  if (name == "contains") {
    if (a.kind == type::string) {
      if (args[1].kind != type::string) return bad();  // Python: `in <string>` needs a string
      return value::of_bool(a.text.find(args[1].text) != std::string::npos);
    }
    if (a.kind != type::array) return bad();
    return value::of_bool(std::find(a.items.begin(), a.items.end(), args[1]) != a.items.end());
  }
  if (name == "starts_with" || name == "ends_with") {
    if (a.kind != type::string || args[1].kind != type::string) return bad();
    return value::of_bool(name == "starts_with" ? a.text.starts_with(args[1].text) : a.text.ends_with(args[1].text));
  }
  if (name == "join") {
    if (a.kind != type::string || args[1].kind != type::array || !detail::all_of_kind(args[1], type::string))
      return bad();
    std::string out;
    for (std::size_t i = 0; i < args[1].items.size(); ++i) out.append(i ? a.text : "").append(args[1].items[i].text);
    return value::of_string(std::move(out));
  }
  if (name == "keys" || name == "values") {
    if (a.kind != type::object) return bad();
    value out = value::array();
    if (name == "keys")
      for (auto const& k : a.keys) out.items.push_back(value::of_string(k));
    else
      out.items = a.fields;
    return out;
  }
  if (name == "length") {
    if (a.kind == type::array) return number(double(a.items.size()));
    if (a.kind == type::object) return number(double(a.keys.size()));
    if (a.kind == type::string) return number(double(detail::code_points(a.text)));
    return bad();
  }
  if (name == "map") {
    if (args[1].kind != type::array) return bad();
    value out = value::array();
    for (auto const& element : args[1].items) out.items.push_back(apply(0, element));  // nulls kept
    return out;
  }
  if (name == "max" || name == "min" || name == "sort") {
    // An array of numbers or of strings, as its first element says (jmespath checks no more:
    // Python's comparison then fails on a mixed array, an error too).
    if (a.kind != type::array) return bad();
    if (a.items.empty()) return name == "sort" ? a : value{};
    type kind = a.items[0].kind;
    if ((kind != type::number && kind != type::string) || !detail::all_of_kind(a, kind)) return bad();
    auto less = [&](value const& x, value const& y) {
      return kind == type::number ? x.number < y.number : x.text < y.text;
    };
    if (name == "sort") {
      value out = a;
      std::stable_sort(out.items.begin(), out.items.end(), less);
      return out;
    }
    return name == "max" ? *std::max_element(a.items.begin(), a.items.end(), less)  // the first of the largest
                         : *std::min_element(a.items.begin(), a.items.end(), less);
  }
  if (name == "sort_by" || name == "max_by" || name == "min_by") {
    if (a.kind != type::array) return bad();
    if (a.items.empty()) return name == "sort_by" ? a : value{};
    std::vector<value> keys;
    for (auto const& element : a.items) keys.push_back(apply(1, element));
    type kind = keys[0].kind;  // sort_by: every key of the first's type; max_by, min_by: numbers or strings
    if (kind != type::number && kind != type::string) return bad();
    for (auto const& k : keys)
      if (k.kind != kind) return bad();
    auto less = [&](std::size_t x, std::size_t y) {
      return kind == type::number ? keys[x].number < keys[y].number : keys[x].text < keys[y].text;
    };
    std::vector<std::size_t> order(a.items.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    if (name == "sort_by") {
      std::stable_sort(order.begin(), order.end(), less);
      value out = value::array();
      for (std::size_t i : order) out.items.push_back(a.items[i]);
      return out;
    }
    return a.items[name == "max_by" ? *std::max_element(order.begin(), order.end(), less)
                                    : *std::min_element(order.begin(), order.end(), less)];
  }
  if (name == "merge") {
    value out = value::object();
    for (auto const& x : args) {
      if (x.kind != type::object) return bad();
      for (std::size_t i = 0; i < x.keys.size(); ++i) out.set(x.keys[i], x.fields[i]);
    }
    return out;
  }
  if (name == "not_null") {
    for (auto const& x : args)
      if (!x.is_null()) return x;
    return {};
  }
  if (name == "reverse") {
    if (a.kind == type::array) {
      value out = a;
      std::reverse(out.items.begin(), out.items.end());
      return out;
    }
    if (a.kind != type::string) return bad();
    std::vector<std::string_view> chars;  // code points, reversed
    for (std::size_t i = 0; i < a.text.size();) {
      std::size_t j = i + 1;
      while (j < a.text.size() && (static_cast<unsigned char>(a.text[j]) & 0xC0) == 0x80) ++j;
      chars.push_back(std::string_view(a.text).substr(i, j - i));
      i = j;
    }
    std::string out;
    for (auto it = chars.rbegin(); it != chars.rend(); ++it) out += *it;
    return value::of_string(std::move(out));
  }
  if (name == "to_array") {
    if (a.kind == type::array) return a;
    value out = value::array();
    out.items.push_back(a);
    return out;
  }
  if (name == "to_number") {
    if (a.kind == type::number) return a;
    return a.kind == type::string ? detail::number_of(a.text) : value{};
  }
  if (name == "to_string") return a.kind == type::string ? a : value::of_string(a.json());
  if (name == "type") {
    static constexpr std::string_view names[] = {"null", "boolean", "number", "string", "array", "object"};
    return value::of_string(std::string(names[std::size_t(a.kind)]));
  }
  return bad();
}

/// `expression` over `root`, parsed each time (waiters and paginators hold a few short ones).
inline value search(std::string_view expression_text, value const& root) {
  return expression(expression_text).search(root);
}

}  // namespace awsjson::jmespath
