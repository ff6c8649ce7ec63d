// Fuzz target: the JMESPath of paginators and waiters (awsjson/client/jmespath.hpp). The input is
// an expression, a newline, and a JSON document: the expression is parsed (an error or a tree,
// never a crash, however deep or long), evaluated over the document, and the result written back
// as JSON that parses again to an equal value.
#include <awsjson/client/jmespath.hpp>

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  std::string_view input(reinterpret_cast<char const*>(data), size);
  auto newline = input.find('\n');
  std::string_view text = input.substr(0, newline);
  std::string_view json = newline == std::string_view::npos ? "null" : input.substr(newline + 1);
  awsjson::jmespath::expression e(text);
  if (!e.error().empty() && !e.search(awsjson::jmespath::value::array()).is_null())
    std::abort();  // an expression that did not parse finds nothing
  auto document = awsjson::jmespath::parse_json(json);
  if (!document) return 0;
  auto result = e.search(*document);
  auto again = awsjson::jmespath::parse_json(result.json());
  if (!again || !(*again == result)) std::abort();  // what it finds is JSON, written back faithfully
  return 0;
}
