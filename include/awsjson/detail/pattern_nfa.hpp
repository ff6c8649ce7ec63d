// awsjson's own @pattern matcher, for what RE2 lacks: lookahead, lookbehind, and back references
// to a group of finitely many strings (72 of the models' 1,835 patterns), and every pattern in a
// program built without RE2. Linear in the value's length, whatever the pattern and the value:
//
// - a Thompson automaton run over the value's code points as a set of states, no backtracking
//   and no recursion (a value is never a stack depth);
// - each lookaround is computed once per value, for every position at once, before the match: a
//   lookahead by running its reversed automaton from the end of the value to the start, a
//   lookbehind by running its automaton from the start. The match then reads them as tables.
//   Nested lookarounds are computed first, so they are tables too.
// - a back reference to a group of finitely many strings outside any repetition (`(-?)...\3`) is
//   spelled out: one alternative of the whole pattern per string of the group.
//
// The syntax is ECMAScript's, with the Java habits the models have: \p{L} classes (Unicode's
// general categories, detail/unicode_classes.hpp) and Java's POSIX ones, (?i) and (?s), \A and \z,
// possessive quantifiers of a fixed count. A pattern beyond that, or one whose automaton would
// exceed max_states, is not compiled (compile() says nothing).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "pattern_syntax.hpp"
#include "unicode_classes.hpp"

namespace awsjson::detail::pattern_nfa {

/// The largest automaton compiled (instructions): `.{0,2048}` takes about 4,100; the models'
/// largest but one, `[\S]{1,2048}`, about 4,100 too (the largest, `.{1,100000}`, is RE2's).
inline constexpr std::size_t max_states = 20000;

struct range {
  char32_t lo, hi;
};

/// A set of code points: sorted, disjoint, non-adjacent ranges.
class charset {
 public:
  void add(char32_t lo, char32_t hi) { ranges_.push_back({lo, hi}); }
  void add(charset const& other) { ranges_.insert(ranges_.end(), other.ranges_.begin(), other.ranges_.end()); }
  template <std::size_t N>
  void add(unicode_classes::range const (&table)[N]) {
    for (auto const& r : table) add(r.lo, r.hi);
  }
  void normalize() {
    std::sort(ranges_.begin(), ranges_.end(), [](range a, range b) { return a.lo < b.lo; });
    std::vector<range> merged;
    for (auto r : ranges_) {
      if (!merged.empty() && r.lo <= merged.back().hi + 1)
        merged.back().hi = std::max(merged.back().hi, r.hi);
      else
        merged.push_back(r);
    }
    ranges_ = std::move(merged);
    ascii_[0] = ascii_[1] = 0;
    for (auto r : ranges_)
      for (char32_t c = r.lo; c <= r.hi && c < 128; ++c) ascii_[c / 64] |= std::uint64_t(1) << (c % 64);
  }
  charset negated() const {
    charset out;
    char32_t next = 0;
    for (auto r : ranges_) {
      if (r.lo > next) out.add(next, r.lo - 1);
      next = r.hi + 1;
    }
    if (next <= 0x10FFFF) out.add(next, 0x10FFFF);
    out.normalize();
    return out;
  }
  bool contains(char32_t c) const noexcept {
    if (c < 128) return (ascii_[c / 64] >> (c % 64)) & 1;  // most values are ASCII: no search
    auto it = std::upper_bound(ranges_.begin(), ranges_.end(), c, [](char32_t v, range r) { return v < r.lo; });
    return it != ranges_.begin() && c <= std::prev(it)->hi;
  }
  /// The ASCII letters of the set in both cases (Java's (?i): ASCII only).
  void fold_ascii_case() {
    auto copy = ranges_;
    for (auto r : copy) {
      for (char32_t c = std::max<char32_t>(r.lo, 'A'); c <= std::min<char32_t>(r.hi, 'Z'); ++c) add(c + 32, c + 32);
      for (char32_t c = std::max<char32_t>(r.lo, 'a'); c <= std::min<char32_t>(r.hi, 'z'); ++c) add(c - 32, c - 32);
    }
  }
  std::vector<range> const& ranges() const noexcept { return ranges_; }

 private:
  std::vector<range> ranges_;
  std::uint64_t ascii_[2] = {0, 0};  // the ASCII members, once normalized
};

/// One instruction of an automaton.
struct inst {
  enum op_t : std::uint8_t { chr, split, jump, assertion, match } op{};
  std::uint32_t x = 0, y = 0;  // chr: the set, next; split: both targets; jump: the target; assertion: kind, next
};

/// Assertions: positions, or the table of lookaround `k` (assertion kinds from look_base on).
enum assertion_kind : std::uint32_t {
  at_start,
  at_end,
  at_end_or_final_newline,
  word_boundary,
  not_word_boundary,
  look_base
};

/// A pattern's parse tree.
struct node {
  enum kind_t { set, concat, alt, repeat, assert_, look, backref, capture } kind{};
  std::vector<int> kids{};
  std::uint32_t value = 0;         // set: its index; assert_: its kind; look: its index; backref, capture: the group
  std::uint32_t min = 0, max = 0;  // repeat; max == unbounded
  static constexpr std::uint32_t unbounded = 0xFFFFFFFF;
};

struct lookaround {
  int body;  // a node
  bool ahead, negated;
};

/// Decodes the code point at s[i] (UTF-8), advancing i; a byte that starts no valid sequence is
/// read as itself (validation has already refused invalid UTF-8 in strings).
inline char32_t next_code_point(std::string_view s, std::size_t& i) noexcept {
  auto b = static_cast<unsigned char>(s[i]);
  std::size_t n = b < 0x80 ? 0 : (b >> 5) == 6 ? 1 : (b >> 4) == 14 ? 2 : (b >> 3) == 30 ? 3 : 4;
  if (n == 0 || n == 4 || i + n >= s.size()) {
    ++i;
    return b;
  }
  char32_t c = b & (0x3F >> n);
  for (std::size_t k = 1; k <= n; ++k) {
    auto t = static_cast<unsigned char>(s[i + k]);
    if ((t & 0xC0) != 0x80) {
      ++i;
      return b;
    }
    c = (c << 6) | (t & 0x3F);
  }
  i += n + 1;
  return c;
}

/// The start of the code point that ends at s[i] (i > 0).
inline std::size_t previous_boundary(std::string_view s, std::size_t i) noexcept {
  std::size_t j = i - 1;
  for (int k = 0; k < 3 && j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80; ++k) --j;
  std::size_t probe = j;
  next_code_point(s, probe);
  return probe == i ? j : i - 1;
}

class parser;

/// A compiled pattern: the automaton of the pattern and of each lookaround.
class program {
 public:
  /// Nothing when the pattern is beyond the syntax described above or too large.
  static std::optional<program> compile(std::string_view pattern);

  /// Whether `value` matches somewhere (Smithy's patterns are not anchored).
  bool search(std::string_view value) const;

  /// The instructions of every automaton: a search reads each character with at most that many.
  std::size_t size() const noexcept {
    std::size_t n = main_.code.size();
    for (std::size_t k = 0; k < forward_.size(); ++k) n += forward_[k].code.size() + backward_[k].code.size();
    return n;
  }

 private:
  friend class parser;
  struct automaton {
    std::vector<inst> code;
  };
  std::vector<node> nodes_;
  std::vector<charset> sets_;
  std::vector<lookaround> looks_;
  automaton main_;
  std::vector<automaton> forward_, backward_;  // each lookaround's body, and reversed
  bool anchored_ = false;                      // every match starts at the start of the value

  // What one search knows of each lookaround: by position, 0 unknown, 1 false, 2 true (before
  // negation), and how many characters its evaluations at single positions have read so far.
  struct lookaround_memo {
    std::vector<std::vector<std::uint8_t>> at;
    std::vector<std::size_t> spent;
  };
  bool emit(automaton& a, int n, bool reversed) const;
  bool anchored(int n) const;
  void trim_end(int n);
  bool look_at(std::size_t k, std::string_view v, std::size_t pos, lookaround_memo& memo) const;
  template <class Record>
  std::size_t run(automaton const& a, std::string_view v, std::size_t from, bool backward, bool unanchored,
                  lookaround_memo& memo, Record&& record) const;
};

/// Reads a pattern into a program's parse tree.
class parser {
 public:
  parser(std::string_view p, program& out) : p_(p), out_(out) {}

  /// The root node, or -1.
  int parse() {
    count_captures();
    int root = alternation(0);
    if (!ok_ || i_ != p_.size()) return -1;
    return root;
  }
  std::vector<std::pair<std::size_t, std::size_t>> capture_spans;  // by group, from 1: the text "(...)"
  std::vector<int> capture_nodes;                                  // by group: the node
  std::vector<bool> capture_repeated;                              // by group: inside a repetition
  std::vector<bool> capture_optional;                              // by group: inside an optional part
  std::vector<std::pair<std::size_t, std::uint32_t>> backrefs;     // where each `\N` starts, and N
  std::vector<std::size_t> backref_lengths;

 private:
  std::string_view p_;
  program& out_;
  std::size_t i_ = 0;
  bool ok_ = true;
  bool icase_ = false, dotall_ = false;
  std::uint32_t captures_ = 0, total_captures_ = 0;

  int add(node n) {
    out_.nodes_.push_back(std::move(n));
    return int(out_.nodes_.size()) - 1;
  }
  int add_set(charset s) {
    s.normalize();
    if (icase_) {
      s.fold_ascii_case();
      s.normalize();
    }
    out_.sets_.push_back(std::move(s));
    node n{node::set, {}, std::uint32_t(out_.sets_.size() - 1)};
    return add(std::move(n));
  }
  bool fail() { return ok_ = false; }
  bool more() const { return i_ < p_.size(); }
  char peek(std::size_t k = 0) const { return i_ + k < p_.size() ? p_[i_ + k] : '\0'; }

  void count_captures() {
    bool in_class = false;
    for (std::size_t k = 0; k < p_.size(); ++k) {
      char c = p_[k];
      if (c == '\\') {
        ++k;
      } else if (in_class) {
        in_class = c != ']';
      } else if (c == '[') {
        in_class = true;
        if (k + 1 < p_.size() && p_[k + 1] == '^') ++k;
        if (k + 1 < p_.size() && p_[k + 1] == ']') ++k;
      } else if (c == '(' && (k + 1 >= p_.size() || p_[k + 1] != '?' ||
                              (p_.substr(k, 3) == "(?<" && p_.substr(k, 4) != "(?<=" && p_.substr(k, 4) != "(?<!"))) {
        ++total_captures_;
      }
    }
    capture_spans.assign(total_captures_ + 1, {0, 0});
    capture_nodes.assign(total_captures_ + 1, -1);
    capture_repeated.assign(total_captures_ + 1, false);
    capture_optional.assign(total_captures_ + 1, false);
  }

  int alternation(int depth) {
    if (depth > 100) return fail(), -1;
    std::vector<int> alts{sequence(depth)};
    while (ok_ && peek() == '|') {
      ++i_;
      alts.push_back(sequence(depth));
    }
    if (alts.size() == 1) return alts[0];
    return add({node::alt, std::move(alts)});
  }

  int sequence(int depth) {
    std::vector<int> items;
    while (ok_ && more() && peek() != '|' && peek() != ')') {
      std::uint32_t first_capture = captures_ + 1;
      int a = atom(depth);
      if (!ok_) return -1;
      if (a == -2) continue;  // a flag group: (?i)
      items.push_back(quantified(a, first_capture));
    }
    return add({node::concat, std::move(items)});
  }

  // At most one quantifier per atom (`a**` is ECMAScript's syntax error): the tree's depth stays
  // the pattern's nesting, which the parser bounds.
  int quantified(int a, std::uint32_t first_capture) {
    for (int quantifiers = 0; ok_ && more(); ++quantifiers) {
      std::uint32_t min, max;
      std::size_t length = 1;
      char c = peek();
      if (c == '*') {
        min = 0, max = node::unbounded;
      } else if (c == '+') {
        min = 1, max = node::unbounded;
      } else if (c == '?') {
        min = 0, max = 1;
      } else if (c == '{') {
        auto r = read_counts();
        if (!r) return a;  // a literal brace, read as an atom next
        std::tie(min, max, length) = *r;
      } else {
        return a;
      }
      if (quantifiers > 0) return fail(), -1;
      i_ += length;
      if (peek() == '?') {
        ++i_;  // lazy: the same strings match
      } else if (peek() == '+') {
        if (min != max) return fail(), -1;  // possessive: matches fewer strings, unless the count is fixed
        ++i_;
      }
      for (std::uint32_t g = first_capture; g <= captures_; ++g) {
        if (max > 1) capture_repeated[g] = true;
        if (min == 0) capture_optional[g] = true;
      }
      node n{node::repeat, {a}};
      n.min = min;
      n.max = max;
      a = add(std::move(n));
    }
    return a;
  }

  std::optional<std::tuple<std::uint32_t, std::uint32_t, std::size_t>> read_counts() const {
    auto r = pattern_syntax::read_repeat(p_, i_);  // counts of at most 9 digits
    if (!r) return std::nullopt;
    auto max = r->max == static_cast<unsigned long>(-1) ? node::unbounded : std::uint32_t(r->max);
    return std::tuple{std::uint32_t(r->min), max, r->length};
  }

  int assertion(std::uint32_t kind) {
    node n{node::assert_};
    n.value = kind;
    return add(std::move(n));
  }

  int atom(int depth) {
    char c = peek();
    switch (c) {
      case '(':
        return group(depth);
      case '[':
        return char_class();
      case '.': {
        ++i_;
        charset s;
        if (dotall_) {
          s.add(0, 0x10FFFF);
        } else {  // ECMAScript: anything but a line terminator
          s.add('\n', '\n');
          s.add('\r', '\r');
          s.add(0x2028, 0x2029);
          s.normalize();
          s = s.negated();
        }
        return add_set(std::move(s));
      }
      case '^':
        ++i_;
        return assertion(at_start);
      case '$':
        ++i_;
        return assertion(at_end);
      case '\\':
        return escape();
      case '*':
      case '+':
      case '?':
        return fail(), -1;  // a quantifier with nothing before it
      case '{':
        if (read_counts()) return fail(), -1;
        [[fallthrough]];
      default: {
        charset s;
        char32_t cp = next_code_point(p_, i_);
        s.add(cp, cp);
        return add_set(std::move(s));
      }
    }
  }

  int group(int depth) {
    std::string_view rest = p_.substr(i_);
    bool saved_icase = icase_, saved_dotall = dotall_;
    auto restore = [&] { icase_ = saved_icase, dotall_ = saved_dotall; };
    if (rest.starts_with("(?=") || rest.starts_with("(?!") || rest.starts_with("(?<=") || rest.starts_with("(?<!")) {
      bool behind = rest[2] == '<';
      lookaround l{-1, !behind, rest[behind ? 3 : 2] == '!'};
      i_ += behind ? 4 : 3;
      l.body = alternation(depth + 1);
      restore();
      if (!ok_ || peek() != ')') return fail(), -1;
      ++i_;
      out_.looks_.push_back(l);
      node n{node::look};
      n.value = std::uint32_t(out_.looks_.size() - 1);
      return add(std::move(n));
    }
    if (rest.starts_with("(?")) {  // flags: (?i) (?s) (?is) for the rest of the group, or (?i:...)
      std::size_t j = 2;
      bool i_flag = false, s_flag = false;
      for (; j < rest.size() && (rest[j] == 'i' || rest[j] == 's'); ++j) (rest[j] == 'i' ? i_flag : s_flag) = true;
      if (j < rest.size() && rest[j] == ')' && j > 2) {
        i_ += j + 1;
        icase_ = icase_ || i_flag;
        dotall_ = dotall_ || s_flag;
        return -2;
      }
      bool named = rest.starts_with("(?<");
      if (!(j < rest.size() && rest[j] == ':') && !named) return fail(), -1;
      if (named) {
        std::size_t close = rest.find('>');
        if (close == std::string_view::npos) return fail(), -1;
        i_ += close + 1;
        return capture_group(depth, rest);
      }
      icase_ = icase_ || i_flag;
      dotall_ = dotall_ || s_flag;
      i_ += j + 1;
      int body = alternation(depth + 1);
      restore();
      if (!ok_ || peek() != ')') return fail(), -1;
      ++i_;
      return body;
    }
    ++i_;
    return capture_group(depth, rest);
  }

  int capture_group(int depth, std::string_view rest) {
    std::size_t start = std::size_t(rest.data() - p_.data());
    std::uint32_t index = ++captures_;
    bool saved_icase = icase_, saved_dotall = dotall_;
    int body = alternation(depth + 1);
    icase_ = saved_icase, dotall_ = saved_dotall;
    if (!ok_ || peek() != ')' || index >= capture_spans.size()) return fail(), -1;
    ++i_;
    capture_spans[index] = {start, i_};
    node n{node::capture, {body}};
    n.value = index;
    int made = add(std::move(n));
    capture_nodes[index] = made;
    return made;
  }

  static bool hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

  // An escape as a set of code points; nothing when it is not one (an anchor, a back reference).
  std::optional<charset> escape_set(bool in_class) {
    char e = peek(1);
    charset s;
    auto ascii_word = [](charset& w) {
      w.add('0', '9');
      w.add('A', 'Z');
      w.add('_', '_');
      w.add('a', 'z');
    };
    auto space = [](charset& w) { w.add(class_body(pattern_syntax::ecma_space)); };
    auto single = [&](char32_t c, std::size_t length) {
      s.add(c, c);
      i_ += length;
      return s;
    };
    switch (e) {
      case 'd':
      case 'D':
        s.add('0', '9');
        break;
      case 'w':
      case 'W':
        ascii_word(s);
        break;
      case 's':
      case 'S':
        space(s);
        break;
      case 't':
        return single('\t', 2);
      case 'n':
        return single('\n', 2);
      case 'r':
        return single('\r', 2);
      case 'f':
        return single('\f', 2);
      case 'v':
        return single('\v', 2);
      case 'a':
        return single('\a', 2);
      case 'e':
        return single(0x1B, 2);
      case '0': {  // NUL, or Java's octal \0n, \0nn, \0mnn (m at most 3)
        std::size_t k = 2;
        char32_t v = 0;
        while (k < 5 && peek(k) >= '0' && peek(k) <= '7' && (k < 4 || peek(2) <= '3'))
          v = v * 8 + char32_t(peek(k++) - '0');
        return single(v, k);
      }
      case 'b':
        if (in_class) return single('\b', 2);
        return std::nullopt;
      case 'x': {
        if (peek(2) == '{') {
          std::size_t close = p_.find('}', i_ + 3);
          if (close == std::string_view::npos || close == i_ + 3 || close - i_ > 10) return fail(), std::nullopt;
          std::uint32_t v = 0;
          for (std::size_t k = i_ + 3; k < close; ++k) {
            if (!hex(p_[k])) return fail(), std::nullopt;
            v = v * 16 + std::uint32_t(std::stoul(std::string(1, p_[k]), nullptr, 16));
          }
          if (v > 0x10FFFF) return fail(), std::nullopt;
          return single(v, close + 1 - i_);
        }
        if (!hex(peek(2)) || !hex(peek(3))) return fail(), std::nullopt;
        return single(char32_t(std::stoul(std::string(p_.substr(i_ + 2, 2)), nullptr, 16)), 4);
      }
      case 'u': {
        if (!hex(peek(2)) || !hex(peek(3)) || !hex(peek(4)) || !hex(peek(5))) return fail(), std::nullopt;
        char32_t c = char32_t(std::stoul(std::string(p_.substr(i_ + 2, 4)), nullptr, 16));
        // Java's idiom for the supplementary planes: a surrogate pair spells one code point.
        if (c >= 0xD800 && c <= 0xDBFF && peek(6) == '\\' && peek(7) == 'u' && hex(peek(8)) && hex(peek(9)) &&
            hex(peek(10)) && hex(peek(11))) {
          char32_t low = char32_t(std::stoul(std::string(p_.substr(i_ + 8, 4)), nullptr, 16));
          if (low >= 0xDC00 && low <= 0xDFFF) return single(0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00), 12);
        }
        return single(c, 6);
      }
      case 'p':
      case 'P': {
        if (peek(2) != '{') return fail(), std::nullopt;
        std::size_t close = p_.find('}', i_);
        if (close == std::string_view::npos) return fail(), std::nullopt;
        if (!named_class(p_.substr(i_ + 3, close - i_ - 3), s)) return fail(), std::nullopt;
        i_ = close + 1;
        s.normalize();
        return e == 'P' ? s.negated() : s;
      }
      default:
        if ((e >= '1' && e <= '9') || (e >= 'A' && e <= 'Z' && e != 'D' && e != 'W' && e != 'S' && e != 'P') ||
            (e >= 'a' && e <= 'z') || e == '\0') {
          if (in_class || e == '\0') return fail(), std::nullopt;  // an escape ECMAScript does not define here
          return std::nullopt;
        }
        ++i_;
        return single(next_code_point(p_, i_), 0);  // an escaped punctuation character, or any other
    }
    i_ += 2;
    s.normalize();
    return (e >= 'A' && e <= 'Z') ? s.negated() : s;
  }

  // The set a class body spells (`\\t\\n\\x0B`, `\\p{L}\\p{Nd}`), read as this parser reads a class.
  static charset class_body(std::string_view body) {
    std::string text = "[" + std::string(body) + "]";
    program scratch;
    parser read(text, scratch);
    auto made = read.char_class();
    return made >= 0 ? scratch.sets_.back() : charset{};
  }

  static bool named_class(std::string_view name, charset& s) {
    namespace u = unicode_classes;
    if (name == "L")
      s.add(u::L);
    else if (name == "M")
      s.add(u::M);
    else if (name == "N")
      s.add(u::N);
    else if (name == "P")
      s.add(u::P);
    else if (name == "S")
      s.add(u::S);
    else if (name == "Z")
      s.add(u::Z);
    else if (name == "C")
      s.add(u::C);
    else if (name == "Nd")
      s.add(u::Nd);
    else if (name == "Zs")
      s.add(u::Zs);
    else if (auto body = pattern_syntax::java_class(name))  // Java's POSIX classes, and LD
      s.add(class_body(*body));
    else
      return false;
    return true;
  }

  int escape() {
    char e = peek(1);
    if (e == 'b' || e == 'B') {
      i_ += 2;
      return assertion(e == 'b' ? word_boundary : not_word_boundary);
    }
    if (e == 'A' || e == 'z' || e == 'Z') {
      i_ += 2;
      return assertion(e == 'A' ? at_start : e == 'z' ? at_end : at_end_or_final_newline);
    }
    if (e >= '1' && e <= '9') {  // a back reference: as many digits as name a group
      std::size_t start = i_;
      std::uint32_t n = std::uint32_t(e - '0');
      i_ += 2;
      while (peek() >= '0' && peek() <= '9' && n * 10 + std::uint32_t(peek() - '0') <= total_captures_)
        n = n * 10 + std::uint32_t(p_[i_++] - '0');
      if (n > total_captures_) return fail(), -1;
      backrefs.push_back({start, n});
      backref_lengths.push_back(i_ - start);
      node b{node::backref};
      b.value = n;
      return add(std::move(b));
    }
    auto s = escape_set(false);
    if (!ok_) return -1;
    if (!s) return fail(), -1;
    return add_set(std::move(*s));
  }

  int char_class() {
    ++i_;
    bool negate = peek() == '^';
    if (negate) ++i_;
    charset s;
    bool first = true;
    while (ok_) {
      if (!more()) return fail(), -1;
      if (peek() == ']' && !first) break;
      first = false;
      char32_t lo;
      if (peek() == '\\') {
        auto e = escape_set(true);
        if (!ok_ || !e) return fail(), -1;
        if (e->ranges().size() != 1 || e->ranges()[0].lo != e->ranges()[0].hi) {  // \d, \p{L}: not a range's end
          s.add(*e);
          continue;
        }
        lo = e->ranges()[0].lo;
      } else {
        lo = next_code_point(p_, i_);
      }
      if (peek() == '-' && peek(1) != ']' && peek(1) != '\0') {
        ++i_;
        char32_t hi;
        if (peek() == '\\') {
          auto e = escape_set(true);
          if (!ok_ || !e) return fail(), -1;
          if (e->ranges().size() != 1 || e->ranges()[0].lo != e->ranges()[0].hi) {  // `a-\d`: all three literally
            s.add(lo, lo);
            s.add('-', '-');
            s.add(*e);
            continue;
          }
          hi = e->ranges()[0].lo;
        } else {
          hi = next_code_point(p_, i_);
        }
        if (hi < lo) return fail(), -1;
        s.add(lo, hi);
      } else {
        s.add(lo, lo);
      }
    }
    ++i_;
    s.normalize();
    if (icase_) {
      s.fold_ascii_case();
      s.normalize();
    }
    if (negate) s = s.negated();
    bool saved = icase_;
    icase_ = false;  // already folded, before negating
    int made = add_set(std::move(s));
    icase_ = saved;
    return made;
  }
};

namespace detail_nfa {
// The strings of a finite sub-pattern (at most `limit`), or nothing.
inline bool strings_of(std::vector<node> const& nodes, std::vector<charset> const& sets, int n,
                       std::vector<std::u32string>& out, std::size_t limit) {
  node const& x = nodes[std::size_t(n)];
  switch (x.kind) {
    case node::set: {
      out.clear();
      for (auto r : sets[x.value].ranges())
        for (char32_t c = r.lo; c <= r.hi; ++c) {
          if (out.size() >= limit) return false;
          out.push_back(std::u32string(1, c));
        }
      return true;
    }
    case node::capture:
      return strings_of(nodes, sets, x.kids[0], out, limit);
    case node::concat: {
      out.assign(1, U"");
      for (int k : x.kids) {
        std::vector<std::u32string> part, next;
        if (!strings_of(nodes, sets, k, part, limit)) return false;
        for (auto const& a : out)
          for (auto const& b : part) {
            if (next.size() >= limit) return false;
            next.push_back(a + b);
          }
        out = std::move(next);
      }
      return true;
    }
    case node::alt: {
      out.clear();
      for (int k : x.kids) {
        std::vector<std::u32string> part;
        if (!strings_of(nodes, sets, k, part, limit)) return false;
        for (auto& s : part) {
          if (std::find(out.begin(), out.end(), s) != out.end()) continue;
          if (out.size() >= limit) return false;
          out.push_back(std::move(s));
        }
      }
      return true;
    }
    case node::repeat: {
      if (x.max == node::unbounded || x.max > 8) return false;
      std::vector<std::u32string> part;
      if (!strings_of(nodes, sets, x.kids[0], part, limit)) return false;
      std::vector<std::u32string> level(1, U"");
      out.clear();
      for (std::uint32_t count = 0; count <= x.max; ++count) {
        if (count >= x.min)
          for (auto const& s : level)
            if (std::find(out.begin(), out.end(), s) == out.end()) {
              if (out.size() >= limit) return false;
              out.push_back(s);
            }
        std::vector<std::u32string> next;
        for (auto const& a : level)
          for (auto const& b : part) {
            if (next.size() >= limit) return false;
            next.push_back(a + b);
          }
        level = std::move(next);
      }
      return true;
    }
    default:
      return false;  // assertions, lookarounds, back references: not a plain string
  }
}

inline std::string escaped(std::u32string const& s) {
  std::string out;
  char buffer[16];
  for (char32_t c : s) {
    std::snprintf(buffer, sizeof buffer, "\\x{%X}", unsigned(c));
    out += buffer;
  }
  return out;
}
}  // namespace detail_nfa

inline std::optional<program> program::compile(std::string_view pattern) {
  program out;
  parser read(pattern, out);
  int root = read.parse();
  if (root < 0) return std::nullopt;
  if (!read.backrefs.empty()) {
    // Spelled out: one alternative per combination of the strings of the referenced groups.
    std::vector<std::uint32_t> groups;
    for (auto [at, g] : read.backrefs)
      if (std::find(groups.begin(), groups.end(), g) == groups.end()) groups.push_back(g);
    std::vector<std::vector<std::u32string>> choices;
    std::size_t combinations = 1;
    for (auto g : groups) {
      std::vector<std::u32string> strings;
      if (read.capture_nodes[g] < 0 || read.capture_repeated[g] ||
          !detail_nfa::strings_of(out.nodes_, out.sets_, read.capture_nodes[g], strings, 16))
        return std::nullopt;
      // A group that may not take part: a back reference to it then matches the empty string
      // (ECMAScript), the choice spelled as a group that never matches.
      if (read.capture_optional[g]) strings.push_back(U"\xFFFFFFFF");
      combinations *= strings.size();
      if (combinations > 64) return std::nullopt;
      choices.push_back(std::move(strings));
    }
    // Edits of the text: each group's "(...)" and each "\N".
    std::string spelled;
    for (std::size_t combination = 0; combination < combinations; ++combination) {
      std::vector<std::pair<std::size_t, std::pair<std::size_t, std::string>>> edits;  // at, (length, text)
      std::size_t rest = combination;
      for (std::size_t k = 0; k < groups.size(); ++k) {
        auto const& s = choices[k][rest % choices[k].size()];
        rest /= choices[k].size();
        bool absent = s == U"\xFFFFFFFF";
        auto [from, to] = read.capture_spans[groups[k]];
        edits.push_back({from, {to - from, absent ? "((?!))" : "(" + detail_nfa::escaped(s) + ")"}});
        for (std::size_t b = 0; b < read.backrefs.size(); ++b)
          if (read.backrefs[b].second == groups[k])
            edits.push_back(
                {read.backrefs[b].first,
                 {read.backref_lengths[b], "(?:" + (absent ? std::string() : detail_nfa::escaped(s)) + ")"}});
      }
      std::sort(edits.begin(), edits.end());
      std::string text;
      std::size_t at = 0;
      for (auto const& [where, edit] : edits) {
        text.append(pattern.substr(at, where - at)).append(edit.second);
        at = where + edit.first;
      }
      text.append(pattern.substr(at));
      spelled += (combination ? "|(?:" : "(?:") + text + ")";
    }
    return compile(spelled);
  }
  // A search asks whether some match exists, so a repetition that ends the pattern needs only its
  // fewest copies: `[a-z]{1,10000}` anywhere is `[a-z]` anywhere. The same at the end of a lookahead.
  out.trim_end(root);
  for (auto const& l : out.looks_)
    if (l.ahead) out.trim_end(l.body);
  if (!out.emit(out.main_, root, false)) return std::nullopt;
  out.anchored_ = out.anchored(root);
  out.forward_.resize(out.looks_.size());
  out.backward_.resize(out.looks_.size());
  std::size_t total = out.main_.code.size();
  for (std::size_t k = 0; k < out.looks_.size(); ++k) {
    if (!out.emit(out.forward_[k], out.looks_[k].body, false) || !out.emit(out.backward_[k], out.looks_[k].body, true))
      return std::nullopt;
    total += out.forward_[k].code.size() + out.backward_[k].code.size();
  }
  if (total > max_states) return std::nullopt;
  return out;
}

// Thompson's construction, iteratively over an explicit list of what to emit; `reversed` emits
// concatenations back to front (a lookahead's automaton, run from the end of the value).
inline bool program::emit(automaton& a, int root, bool reversed) const {
  struct patch {
    std::size_t at;
    bool second;
  };
  // Each node compiles to a fragment whose dangling exits are patched to whatever follows.
  struct fragment {
    std::uint32_t start;
    std::vector<patch> exits;
  };
  auto& code = a.code;
  code.assign(1, {inst::jump, 0, 0});  // the start: a jump to the body, patched below
  // Recursion over the tree's depth (bounded by the parser's 100 levels and the patterns' nesting,
  // never by the value).
  auto build = [&](auto&& self, int n) -> std::optional<fragment> {
    if (code.size() > max_states) return std::nullopt;
    node const& x = nodes_[std::size_t(n)];
    auto here = std::uint32_t(code.size());
    switch (x.kind) {
      case node::set:
        code.push_back({inst::chr, x.value, 0});
        return fragment{here, {{here, true}}};
      case node::assert_:
        code.push_back({inst::assertion, x.value, 0});
        return fragment{here, {{here, true}}};
      case node::look:
        code.push_back({inst::assertion, look_base + x.value, 0});
        return fragment{here, {{here, true}}};
      case node::capture:
        return self(self, x.kids[0]);
      case node::backref:
        return std::nullopt;  // spelled out by compile()
      case node::concat: {
        if (x.kids.empty()) {
          code.push_back({inst::jump, here + 1, 0});
          return fragment{here, {{here, false}}};
        }
        std::optional<fragment> whole;
        for (std::size_t k = 0; k < x.kids.size(); ++k) {
          auto part = self(self, x.kids[reversed ? x.kids.size() - 1 - k : k]);
          if (!part) return std::nullopt;
          if (!whole) {
            whole = std::move(part);
          } else {
            for (auto e : whole->exits) (e.second ? code[e.at].y : code[e.at].x) = part->start;
            whole->exits = std::move(part->exits);
          }
        }
        return whole;
      }
      case node::alt: {
        // split L1, next; L1: first; next: split L2, ...; the last alternative without a split
        fragment whole{here, {}};
        for (std::size_t k = 0; k < x.kids.size(); ++k) {
          std::size_t split_at = code.size();
          bool last = k + 1 == x.kids.size();
          if (!last) code.push_back({inst::split, 0, 0});
          auto part = self(self, x.kids[k]);
          if (!part) return std::nullopt;
          whole.exits.insert(whole.exits.end(), part->exits.begin(), part->exits.end());
          if (!last) {
            code[split_at].x = part->start;
            code[split_at].y = std::uint32_t(code.size());
          }
        }
        return whole;
      }
      case node::repeat: {
        fragment whole{here, {}};
        std::vector<patch> open;  // exits still to join to the next copy
        bool started = false;
        auto join = [&](std::uint32_t to) {
          for (auto e : open) (e.second ? code[e.at].y : code[e.at].x) = to;
          open.clear();
        };
        for (std::uint32_t k = 0; k < x.min; ++k) {  // the required copies
          auto part = self(self, x.kids[0]);
          if (!part) return std::nullopt;
          if (started) join(part->start);
          started = true;
          open = std::move(part->exits);
        }
        if (x.max == node::unbounded) {  // L: split body, out; body: ...; jump L
          auto loop = std::uint32_t(code.size());
          if (started) join(loop);
          code.push_back({inst::split, 0, 0});
          auto part = self(self, x.kids[0]);
          if (!part) return std::nullopt;
          code[loop].x = part->start;
          for (auto e : part->exits) (e.second ? code[e.at].y : code[e.at].x) = loop;
          open.push_back({loop, true});
          started = true;
        } else {
          std::vector<patch> skips;  // every optional copy may be the last
          for (std::uint32_t k = x.min; k < x.max; ++k) {
            auto opt = std::uint32_t(code.size());
            if (started) join(opt);
            started = true;
            code.push_back({inst::split, 0, 0});
            auto part = self(self, x.kids[0]);
            if (!part) return std::nullopt;
            code[opt].x = part->start;
            skips.push_back({opt, true});
            open = std::move(part->exits);
          }
          open.insert(open.end(), skips.begin(), skips.end());
        }
        if (!started) {  // {0}: nothing
          code.push_back({inst::jump, here + 1, 0});
          return fragment{here, {{here, false}}};
        }
        whole.exits = std::move(open);
        return whole;
      }
    }
    return std::nullopt;
  };
  auto body = build(build, root);
  if (!body || code.size() >= max_states) return false;
  auto end = std::uint32_t(code.size());
  code.push_back({inst::match, 0, 0});
  for (auto e : body->exits) (e.second ? code[e.at].y : code[e.at].x) = end;
  code[0].x = body->start;
  return true;
}

inline bool is_word(char32_t c) noexcept {  // ECMAScript's \w
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

// Node n's last repetitions, when nothing follows them, down to their fewest copies.
inline void program::trim_end(int n) {
  node& x = nodes_[std::size_t(n)];
  switch (x.kind) {
    case node::repeat:
      x.max = x.min;
      break;
    case node::capture:
      trim_end(x.kids[0]);
      break;
    case node::concat:
      if (!x.kids.empty()) trim_end(x.kids.back());
      break;
    case node::alt:
      for (int k : x.kids) trim_end(k);
      break;
    default:
      break;
  }
}

// Whether every match of node n starts at the start of the value (`^...`, `^a|^b`).
inline bool program::anchored(int n) const {
  node const& x = nodes_[std::size_t(n)];
  switch (x.kind) {
    case node::assert_:
      return x.value == at_start;
    case node::capture:
      return anchored(x.kids[0]);
    case node::concat:
      return !x.kids.empty() && anchored(x.kids[0]);
    case node::alt:
      return std::all_of(x.kids.begin(), x.kids.end(), [&](int k) { return anchored(k); });
    default:
      return false;
  }
}

// Runs automaton `a` over `v` from position `from`, forwards or backwards, as a set of states: it
// starts at `from`, and at every later position too when `unanchored`. Calls record(pos) for each
// position where it reaches its match, until record says to stop. Returns the characters read.
template <class Record>
std::size_t program::run(automaton const& a, std::string_view v, std::size_t from, bool backward, bool unanchored,
                         lookaround_memo& memo, Record&& record) const {
  auto const& code = a.code;
  std::size_t const n = code.size();
  // The states now and next (each state at most once a step: n each) and close's stack (each
  // state expanded at most once a step, pushing two at most: 2n + 1), in one allocation.
  std::vector<std::uint32_t> buffer(4 * n + 1);
  std::uint32_t* current = buffer.data();
  std::uint32_t* next = current + n;
  std::uint32_t* const stack = next + n;
  std::size_t current_size = 0, next_size = 0;
  std::vector<std::size_t> seen(n, std::size_t(-1));  // the step that last added each state
  std::size_t step = 0, read = 0;
  auto holds = [&](std::uint32_t kind, std::size_t pos) -> bool {
    switch (kind) {
      case at_start:
        return pos == 0;
      case at_end:
        return pos == v.size();
      case at_end_or_final_newline:
        return pos == v.size() || (pos + 1 == v.size() && v[pos] == '\n');
      case word_boundary:
      case not_word_boundary: {
        bool before = false, after = false;
        if (pos > 0) {
          std::size_t b = previous_boundary(v, pos);
          before = is_word(next_code_point(v, b));
        }
        if (pos < v.size()) {
          std::size_t b = pos;
          after = is_word(next_code_point(v, b));
        }
        return (before != after) == (kind == word_boundary);
      }
      default:
        return look_at(kind - look_base, v, pos, memo);
    }
  };
  // Adds the states reachable from `start` without reading, at `pos`, to `list`; whether a match.
  auto close = [&](std::uint32_t start, std::size_t pos, std::uint32_t* list, std::size_t& size) {
    bool matched = false;
    std::size_t top = 0;
    stack[top++] = start;
    while (top != 0) {
      std::uint32_t s = stack[--top];
      if (seen[s] == step) continue;
      seen[s] = step;
      inst const& in = code[s];
      switch (in.op) {
        case inst::chr:
          list[size++] = s;
          break;
        case inst::split:
          stack[top++] = in.y;
          stack[top++] = in.x;
          break;
        case inst::jump:
          stack[top++] = in.x;
          break;
        case inst::assertion:
          if (holds(in.x, pos)) stack[top++] = in.y;
          break;
        case inst::match:
          matched = true;
          break;
      }
    }
    return matched;
  };
  std::size_t pos = from;
  if (close(0, pos, current, current_size) && !record(pos)) return read;
  for (;;) {
    if (backward ? pos == 0 : pos == v.size()) return read;
    if (current_size == 0 && !unanchored) return read;  // nothing can match any more
    std::size_t to = pos;
    char32_t c;
    if (backward) {
      to = previous_boundary(v, pos);
      std::size_t probe = to;
      c = next_code_point(v, probe);
    } else {
      c = next_code_point(v, to);
    }
    ++step;
    ++read;
    next_size = 0;
    bool matched = false;
    for (std::size_t i = 0; i < current_size; ++i) {
      std::uint32_t s = current[i];
      if (sets_[code[s].x].contains(c)) matched = close(code[s].y, to, next, next_size) || matched;
    }
    std::swap(current, next);
    std::swap(current_size, next_size);
    pos = to;
    if (matched && !record(pos)) return read;
    // A match may start here too (the same step: states already here are not added twice).
    if (unanchored && close(0, pos, current, current_size) && !record(pos)) return read;
  }
}

// Lookaround k at `pos`. Evaluated at single positions while that stays cheap: a lookahead by its
// automaton from `pos` forwards, a lookbehind by its reversed automaton backwards, each stopping
// when no state is left. Once those have read more than a quarter of the value, the table of every
// position is computed in one pass instead (a lookahead: the reversed automaton from the end, a
// lookbehind: the automaton from the start), so that a search stays linear in the value's length.
inline bool program::look_at(std::size_t k, std::string_view v, std::size_t pos, lookaround_memo& memo) const {
  auto& at = memo.at[k];
  if (at.empty()) at.assign(v.size() + 1, 0);
  bool negated = looks_[k].negated;
  if (at[pos] != 0) return (at[pos] == 2) != negated;
  bool ahead = looks_[k].ahead;
  if (memo.spent[k] > v.size() / 4 + 256) {
    std::fill(at.begin(), at.end(), std::uint8_t(1));
    auto& table = memo.at[k];
    run(ahead ? backward_[k] : forward_[k], v, ahead ? v.size() : 0, ahead, true, memo, [&](std::size_t p) {
      table[p] = 2;
      return true;
    });
    return (at[pos] == 2) != negated;
  }
  bool found = false;
  automaton const& a = ahead ? forward_[k] : backward_[k];
  // What the evaluation cost: the characters it read, and its start (a run that reads nothing
  // still sets up its states), so that many short evaluations also end in the table.
  memo.spent[k] += a.code.size() / 32 + 1 + run(a, v, pos, !ahead, false, memo, [&](std::size_t) {
                     found = true;
                     return false;
                   });
  memo.at[k][pos] = found ? 2 : 1;
  return found != negated;
}

inline bool program::search(std::string_view v) const {
  lookaround_memo memo{std::vector<std::vector<std::uint8_t>>(looks_.size()), std::vector<std::size_t>(looks_.size())};
  bool found = false;
  run(main_, v, 0, false, !anchored_, memo, [&](std::size_t) {
    found = true;
    return false;
  });
  return found;
}

}  // namespace awsjson::detail::pattern_nfa
