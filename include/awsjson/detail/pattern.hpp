// @pattern checks: whether a string value matches its member's pattern, without ever crashing or
// taking more than linear time on a value of any length.
//
// libstdc++'s std::regex backtracks recursively, one stack frame per character or more: a
// 100,000-character value against `[\s\S]*` overflowed an 8 MB stack. So patterns run on RE2
// (linear time, no recursion, Unicode classes) when the program builds with it: define
// AWSJSON_PATTERNS_RE2 and link re2, which the CMake target awsjson::patterns does (and
// awsjson::client, where RE2 is installed). Smithy's patterns are ECMAScript (with a few of Java's
// habits in the models); ecmascript_to_re2 rewrites what RE2 spells or means otherwise (\uXXXX,
// large repetitions, \s and \S, which ECMAScript reads as Unicode's white space). A pattern RE2
// cannot express (lookaround, back references: 72 of the models' 1,835) and, without RE2, every
// pattern, runs on awsjson's own automaton (detail/pattern_nfa.hpp), linear in the value's length
// too: 1,834 of the 1,835; the last, `^.{1,100000}$`, is too large for it, and is RE2's.
#pragma once

#include <cstddef>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pattern_nfa.hpp"
#include "pattern_syntax.hpp"

#if AWSJSON_PATTERNS_RE2
#include <re2/re2.h>
#endif

namespace awsjson::detail {

/// RE2's largest repetition count.
inline constexpr unsigned re2_max_repeat = 1000;

/// The largest upper bound of a repetition spelled out exactly for RE2; above it only the lower
/// bound is checked (the value's @length bounds it anyway): RE2 took 30 s to compile
/// `^.{1,100000}$` spelled out, and 0.1 s for `.{0,4096}`.
inline constexpr unsigned long re2_exact_repeat = 4096;

namespace pattern_syntax {
/// `atom{min,max}` spelled with counts of at most RE2's largest: x{a+b} is x{a}x{b}, and x{0,a+b}
/// is x{0,a}x{0,b}; an upper bound beyond re2_exact_repeat is dropped.
inline std::string split_repeat(std::string const& atom, repeat r) {
  std::string out;
  bool unbounded = r.max == static_cast<unsigned long>(-1) || r.max > re2_exact_repeat;
  auto group = [&](std::string const& counts) { out.append("(?:").append(atom).append(")").append(counts); };
  unsigned long min = r.min, max = r.max;
  while (min > re2_max_repeat) {
    group("{" + std::to_string(re2_max_repeat) + "}");
    min -= re2_max_repeat;
    if (!unbounded) max -= re2_max_repeat;
  }
  if (unbounded) {
    group("{" + std::to_string(min) + ",}");
    return out;
  }
  unsigned long first = max > re2_max_repeat ? re2_max_repeat : max;
  group("{" + std::to_string(min) + "," + std::to_string(first) + "}");
  for (max -= first; max > 0; max -= first) {
    first = max > re2_max_repeat ? re2_max_repeat : max;
    group("{0," + std::to_string(first) + "}");
  }
  return out;
}
}  // namespace pattern_syntax

/// A Smithy @pattern (ECMAScript) in RE2's syntax, matching the same strings: `\uXXXX` as
/// `\x{XXXX}` (a surrogate pair as its code point), repetitions beyond 1,000 split (beyond
/// re2_exact_repeat, the lower bound only), `(?<name>` as `(?P<name>`, Java's
/// POSIX classes
/// (`\p{Alnum}`) and `{n}+` (possessive, the same as `{n}` for a fixed count). Nothing when it
/// needs what RE2 lacks: lookaround, back references.
inline std::optional<std::string> ecmascript_to_re2(std::string_view p) {
  using namespace pattern_syntax;
  std::string out;
  std::vector<std::size_t> groups;       // where each open group starts in `out`
  std::size_t atom = std::string::npos;  // where the last atom starts in `out`
  bool in_class = false;
  for (std::size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c == '\\') {
      if (i + 1 >= p.size()) return std::nullopt;
      char e = p[++i];
      std::size_t start = out.size();
      if (e == 'u' && i + 4 < p.size() && is_hex(p[i + 1]) && is_hex(p[i + 2]) && is_hex(p[i + 3]) &&
          is_hex(p[i + 4])) {
        unsigned long code = std::stoul(std::string(p.substr(i + 1, 4)), nullptr, 16);
        i += 4;
        // Java's idiom for the supplementary planes: a surrogate pair spells one code point.
        if (code >= 0xD800 && code <= 0xDBFF && p.substr(i + 1, 2) == "\\u" && i + 6 < p.size() && is_hex(p[i + 3]) &&
            is_hex(p[i + 4]) && is_hex(p[i + 5]) && is_hex(p[i + 6])) {
          unsigned long low = std::stoul(std::string(p.substr(i + 3, 4)), nullptr, 16);
          if (low >= 0xDC00 && low <= 0xDFFF) {
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
            i += 6;
          }
        }
        char hex[16];
        std::snprintf(hex, sizeof hex, "\\x{%lX}", code);
        out += hex;
      } else if ((e == 'p' || e == 'P') && i + 1 < p.size() && p[i + 1] == '{') {
        std::size_t close = p.find('}', i);
        if (close == std::string_view::npos) return std::nullopt;
        std::string_view name = p.substr(i + 2, close - i - 2);
        if (auto body = java_class(name)) {
          if (in_class && e == 'P') return std::nullopt;  // a negated class inside a class
          if (in_class)
            out.append(*body);
          else
            out.append(e == 'P' ? "[^" : "[").append(*body).append("]");
        } else {
          out.append(p.substr(i - 1, close - i + 2));
        }
        i = close;
      } else if (e == 's' || e == 'S') {
        // ECMAScript's \s is Unicode's white space and line terminators; RE2's is ASCII without \v.
        if (!in_class)
          out.append(e == 's' ? "[" : "[^").append(ecma_space).append("]");
        else
          out.append(e == 's' ? ecma_space : ecma_non_space);  // the complement spelled out: RE2 nests no classes
      } else if (!in_class && is_digit(e) && e != '0') {
        return std::nullopt;  // a back reference
      } else {
        out += '\\';
        out += e;
      }
      if (!in_class) atom = start;
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      out += c;
      continue;
    }
    switch (c) {
      case '[':
        atom = out.size();
        in_class = true;
        out += c;
        if (i + 1 < p.size() && p[i + 1] == '^') out += p[++i];
        if (i + 1 < p.size() && p[i + 1] == ']') out += "\\]", ++i;  // `[]...]`: a literal bracket
        break;
      case '(':
        if (p.substr(i, 3) == "(?=" || p.substr(i, 3) == "(?!" || p.substr(i, 4) == "(?<=" || p.substr(i, 4) == "(?<!")
          return std::nullopt;  // lookaround
        groups.push_back(out.size());
        if (p.substr(i, 3) == "(?<") {
          out += "(?P<";
          i += 2;
        } else {
          out += c;
        }
        break;
      case ')': {
        if (groups.empty()) return std::nullopt;
        out += c;
        atom = groups.back();
        groups.pop_back();
        break;
      }
      case '{': {
        auto r = read_repeat(p, i);
        if (!r || atom == std::string::npos) {  // a literal brace
          atom = out.size();
          out += "\\{";
          break;
        }
        std::size_t after = i + r->length;
        bool possessive = after < p.size() && p[after] == '+';
        if (possessive && r->min != r->max) return std::nullopt;
        if (r->min > re2_exact_repeat) return std::nullopt;  // spelled out, the lower bound alone is too large
        if (r->min > re2_max_repeat || (r->max > re2_max_repeat && r->max != static_cast<unsigned long>(-1))) {
          std::string a = out.substr(atom);
          out.resize(atom);
          out += split_repeat(a, *r);
        } else {
          out.append(p.substr(i, r->length));
        }
        i = after - 1 + (possessive ? 1 : 0);
        atom = std::string::npos;
        break;
      }
      case '}':
        atom = out.size();
        out += "\\}";
        break;
      case '*':
      case '+':
      case '?':
        out += c;
        if (c != '?' && i + 1 < p.size() && p[i + 1] == '+') return std::nullopt;  // possessive
        atom = std::string::npos;
        break;
      default:
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) atom = out.size();  // not inside a UTF-8 character
        out += c;
    }
  }
  if (in_class || !groups.empty()) return std::nullopt;
  return out;
}

/// A @pattern compiled once for the program's life: by RE2 where it can, else by awsjson's own
/// automaton where that can, else not at all.
class compiled_pattern {
 public:
  explicit compiled_pattern(std::string_view pattern) {
#if AWSJSON_PATTERNS_RE2
    if (auto translated = ecmascript_to_re2(pattern)) {
      RE2::Options o;
      o.set_log_errors(false);
      o.set_max_mem(64 << 20);  // split repetitions of up to 2,048 `.` (each a few UTF-8 instructions)
      auto re = std::make_unique<RE2>(*translated, o);
      if (re->ok()) {
        re2_ = std::move(re);
        return;
      }
    }
#endif
    automaton_ = pattern_nfa::program::compile(pattern);
  }

  /// Whether `value` matches somewhere (Smithy's patterns are not anchored); true when the pattern
  /// cannot be checked here.
  bool allows(std::string_view value) const {
#if AWSJSON_PATTERNS_RE2
    if (re2_) return RE2::PartialMatch(re2::StringPiece(value.data(), value.size()), *re2_);
#endif
    return !automaton_ || automaton_->search(value);
  }

  /// How it is checked: "re2", "automaton" (detail/pattern_nfa.hpp) or "none".
  std::string_view engine() const noexcept {
#if AWSJSON_PATTERNS_RE2
    if (re2_) return "re2";
#endif
    return automaton_ ? "automaton" : "none";
  }

 private:
#if AWSJSON_PATTERNS_RE2
  std::unique_ptr<RE2> re2_;
#endif
  std::optional<pattern_nfa::program> automaton_;
};

/// The compiled form of a @pattern, compiled once per pattern text and shared by every member
/// with that pattern (under a mutex: validation may run on several threads).
inline compiled_pattern const& pattern_for(std::string_view pattern) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<compiled_pattern>, std::less<>> compiled;
  std::lock_guard<std::mutex> lock(mutex);
  if (auto it = compiled.find(pattern); it != compiled.end()) return *it->second;
  auto made = std::make_unique<compiled_pattern>(pattern);
  return *compiled.emplace(std::string(pattern), std::move(made)).first->second;
}

}  // namespace awsjson::detail
