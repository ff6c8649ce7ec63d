// A consumer of awsjson::patterns: a @pattern checked by RE2 on a value far longer than
// std::regex's recursion takes.
#include <awsjson/awsjson.hpp>

#include <cstdio>
#include <optional>
#include <string>

#if !AWSJSON_PATTERNS_RE2
#error "awsjson::patterns defines AWSJSON_PATTERNS_RE2"
#endif

struct Template {
  std::optional<std::string> Body;
};
BOOST_DESCRIBE_STRUCT(Template, (), (Body))
constexpr auto awsjson_shape(Template const*) {
  return awsjson::shape("Template", {{.name = "Body", .pattern = "^[\\s\\S]*\\S$"}});
}

int main() {
  Template t{std::string(200'000, 'x')};
  if (!awsjson::validate(t).empty()) return 1;
  t.Body->push_back(' ');
  if (awsjson::validate(t).size() != 1) return 1;
  std::puts("patterns ok");
}
