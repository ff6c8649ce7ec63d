// Fuzz target: @pattern checks (awsjson/detail/pattern.hpp). The input is a pattern, a newline and
// a value. Rewriting any text into RE2's syntax never crashes nor reads past it; what it gives
// either compiles or is refused, and a compiled pattern answers on any value without recursion.
// The same for awsjson's own automaton (detail/pattern_nfa.hpp): any text is compiled or refused,
// and a compiled one answers on any value, UTF-8 or not.
#include <awsjson/detail/pattern.hpp>

#include <cstdint>
#include <cstdlib>
#include <string_view>

#if !AWSJSON_PATTERNS_RE2
#error "fuzz_pattern checks RE2: link awsjson::patterns"
#endif

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  std::string_view input(reinterpret_cast<char const*>(data), size);
  auto newline = input.find('\n');
  std::string_view pattern = input.substr(0, newline);
  std::string_view value = newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);
  // Linear, but a 20,000-instruction automaton on a 40 KB value is seconds under the sanitizers:
  // the search runs where it stays within libFuzzer's timeout.
  if (auto automaton = awsjson::detail::pattern_nfa::program::compile(pattern))
    if (automaton->size() * (value.size() + 1) < 20'000'000) (void)automaton->search(value);
  auto translated = awsjson::detail::ecmascript_to_re2(pattern);
  if (!translated) return 0;
  RE2::Options o;
  o.set_log_errors(false);
  o.set_max_mem(8 << 20);
  RE2 re(*translated, o);
  if (re.ok()) (void)RE2::PartialMatch(re2::StringPiece(value.data(), value.size()), re);
  return 0;
}
