// @pattern checks (awsjson/detail/pattern.hpp): every distinct pattern of the 152 committed
// models, read from models/ with awsjson's own decoder, compiled (by RE2, or by awsjson's automaton
// for lookaround and back references) and run against values of up to 1 MB on the default stack
// (std::regex overflowed 8 MB at 100,000 characters); RE2's answers against std::regex's on the
// original ECMAScript text for short values, where both can check; the automaton's against RE2's
// on every pattern both read, and against std::regex's on the lookaround patterns; and the
// ECMAScript-to-RE2 rewriting rule by rule.
#include <catch2/catch.hpp>

#include <awsjson/awsjson.hpp>
#include <awsjson/cloudcontrol/create_resource.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <random>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#if !AWSJSON_PATTERNS_RE2
#error "the pattern tests check RE2: link awsjson::patterns"
#endif

namespace model {
struct Shape {
  std::optional<std::string> pattern;
};
BOOST_DESCRIBE_STRUCT(Shape, (), (pattern))
struct Model {
  std::map<std::string, Shape> shapes;
};
BOOST_DESCRIBE_STRUCT(Model, (), (shapes))
}  // namespace model

namespace {
using awsjson::detail::compiled_pattern;
using awsjson::detail::ecmascript_to_re2;
using awsjson::detail::pattern_nfa::program;

std::set<std::string> model_patterns() {
  std::set<std::string> out;
  for (auto const& entry : std::filesystem::directory_iterator(AWSJSON_MODELS_DIR)) {
    auto name = entry.path().filename().string();
    if (entry.path().extension() != ".json" || name.find('.') != name.rfind('.')) continue;  // not paginators-1
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    auto m = awsjson::decode<model::Model>(text.str());
    for (auto const& [_, shape] : m.shapes)
      if (shape.pattern) out.insert(*shape.pattern);
  }
  return out;
}

// Short values of the kinds the patterns are about: names, ARNs, spaces at either end, Unicode.
std::vector<std::string> const samples = {
    "",
    "a",
    "-",
    " x ",
    "ABC_def-1.2",
    "abc--def",
    "arn:aws:iam::123456789012:role/my-role",
    "arn:aws:sagemaker:us-east-1:123456789012:model/m-1",
    "aws:tag",
    "https://example.com/path?x=1",
    "user@example.com",
    "1.2.3.4",
    "2024-01-02T03:04:05Z",
    "P1DT2H",
    "s3://bucket/key",
    "caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac",
    "\xf0\x9f\x98\x80 emoji",
    "tab\there",
    "line\nbreak",
    "{\"json\": [1, 2]}",
    "12345",
    "x.",
    "/a/b/c",
};

// Whether a sample is ASCII with no control characters: where std::regex (bytes) and RE2 (code
// points) read the same characters.
bool plain(std::string const& s) {
  for (unsigned char c : s)
    if (c >= 0x80 || c < 0x20) return false;
  return true;
}
}  // namespace

TEST_CASE("every pattern of the models is checked, on values up to 1 MB, in linear time", "[validate][pattern]") {
  auto patterns = model_patterns();
  REQUIRE(patterns.size() >= 1800);
  std::map<std::string, int> engines;
  std::string const long_values[] = {std::string(1 << 20, 'a'), std::string(100'000, ' ') + "x"};
  for (auto const& p : patterns) {
    compiled_pattern const& c = awsjson::detail::pattern_for(p);
    ++engines[std::string(c.engine())];
    INFO(p);
    for (auto const& v : long_values) (void)c.allows(v);  // linear time, no recursion, whatever the engine
  }
  INFO("re2 " << engines["re2"] << ", automaton " << engines["automaton"] << ", none " << engines["none"]);
  // Lookaround and back references, which RE2 does not have, on the automaton; none unchecked.
  CHECK(engines["automaton"] == 72);
  CHECK(engines["re2"] == int(patterns.size()) - 72);
  CHECK(engines["none"] == 0);
}

TEST_CASE("RE2 answers as std::regex does on the models' patterns, for values both can check", "[validate][pattern]") {
  int compared = 0;
  for (auto const& p : model_patterns()) {
    compiled_pattern const& c = awsjson::detail::pattern_for(p);
    if (c.engine() != "re2") continue;
    // \p{..} classes and \A, \z anchors (Java's, in the models) are letters to std::regex.
    if (p.find("\\p") != p.npos || p.find("\\P") != p.npos || p.find("\\A") != p.npos || p.find("\\z") != p.npos ||
        p.find("\\Z") != p.npos)
      continue;
    std::optional<std::regex> std_re;
    try {
      std_re.emplace(p, std::regex::ECMAScript);
    } catch (std::regex_error const&) {
      continue;  // \p{...} classes, \u escapes beyond what std::regex reads
    }
    for (auto const& v : samples) {
      if (!plain(v)) continue;
      INFO(p << " on \"" << v << "\"");
      CHECK(c.allows(v) == std::regex_search(v, *std_re));
      ++compared;
    }
  }
  CHECK(compared > 10'000);
}

namespace {
// Values made of the characters the patterns care about, ASCII and not, of up to 12 characters.
std::vector<std::string> random_values(int n) {
  std::mt19937 rng(42);
  std::vector<std::string> const pieces = {"a",
                                           "Z",
                                           "0",
                                           "9",
                                           "-",
                                           "_",
                                           ".",
                                           ":",
                                           "/",
                                           " ",
                                           "@",
                                           "*",
                                           "$",
                                           "#",
                                           "\t",
                                           "\xc3\xa9",
                                           "\xe6\x97\xa5",
                                           "\xf0\x9f\x98\x80"};
  std::vector<std::string> out;
  for (int k = 0; k < n; ++k) {
    std::string v;
    for (auto length = rng() % 13; length > 0; --length) v += pieces[rng() % pieces.size()];
    out.push_back(std::move(v));
  }
  return out;
}
}  // namespace

TEST_CASE("the automaton answers as RE2 does on every pattern of the models both read", "[validate][pattern]") {
  auto values = samples;
  for (auto& v : random_values(300)) values.push_back(std::move(v));
  int patterns = 0;
  long compared = 0;
  for (auto const& p : model_patterns()) {
    compiled_pattern const& re2 = awsjson::detail::pattern_for(p);
    auto automaton = program::compile(p);
    if (re2.engine() != "re2") continue;
    if (!automaton) {
      CHECK(p == "^.{1,100000}$");  // the one too large for the automaton: RE2's
      continue;
    }
    ++patterns;
    for (auto const& v : values) {
      if (v.find_first_of("\r\n") != std::string::npos) continue;  // `.`: RE2's excludes \n only, ECMAScript's \r too
      INFO(p << " on \"" << v << "\"");
      CHECK(automaton->search(v) == re2.allows(v));
      ++compared;
    }
  }
  CHECK(patterns == 1762);
  CHECK(compared > 500'000);
}

TEST_CASE("the automaton answers as std::regex does on the lookaround patterns, where std::regex reads them",
          "[validate][pattern]") {
  auto values = samples;
  for (auto& v : random_values(300)) values.push_back(std::move(v));
  int patterns = 0;
  for (auto const& p : model_patterns()) {
    if (awsjson::detail::pattern_for(p).engine() != "automaton") continue;
    // std::regex has no lookbehind; it takes \p{..} and Java's \A, \z, (?i) for something else.
    if (p.find("(?<") != p.npos || p.find("\\p") != p.npos || p.find("\\P") != p.npos || p.find("(?i)") != p.npos)
      continue;
    std::regex std_re;
    try {
      std_re.assign(p, std::regex::ECMAScript);
    } catch (std::regex_error const&) {
      continue;  // \u escapes beyond a byte
    }
    auto automaton = program::compile(p);
    REQUIRE(automaton);
    ++patterns;
    for (auto const& v : values) {
      if (!plain(v)) continue;
      INFO(p << " on \"" << v << "\"");
      CHECK(automaton->search(v) == std::regex_search(v, std_re));
    }
  }
  CHECK(patterns >= 45);
}

TEST_CASE("the automaton: lookaround, back references, Java's classes and flags", "[validate][pattern]") {
  struct expectation {
    char const* pattern;
    char const* value;
    bool matches;
  };
  expectation const table[] = {
      {"^(?!aws:).+", "aws:x", false},
      {"^(?!aws:).+", "awsx", true},
      {"^(?!\\s).*(?<!\\s)$", " a", false},
      {"^(?!\\s).*(?<!\\s)$", "a b", true},
      {"^(?!\\s).*(?<!\\s)$", "a ", false},
      {"^(?!\\s).*(?<!\\s)$", "a\xe3\x80\x80", false},  // U+3000, ECMAScript's white space
      {"^[a-z0-9.-]*(?<!\\.)$", "a.b", true},
      {"^[a-z0-9.-]*(?<!\\.)$", "a.", false},
      {"(?=.{1,32}$)[a-zA-Z0-9](-*[a-zA-Z0-9])*", "ab-c", true},
      {"^(?=.{1,3}$)a+$", "aaaa", false},
      {"^[a-zA-Z_](?!.*--)[a-zA-Z0-9_-]*$", "a--b", false},
      {"^[a-zA-Z_](?!.*--)[a-zA-Z0-9_-]*$", "a-b-", true},
      {"^(-?)\\d{2}(\\1\\d{2})?$", "12-34", false},  // a back reference: what the group took
      {"^(-?)\\d{2}(\\1\\d{2})?$", "-12-34", true},
      {"^(-?)\\d{2}(\\1\\d{2})?$", "1234", true},
      {"^(?:x(:))?a\\1b$", "ab", true},  // a group that took no part: the reference matches nothing
      {"^(?:x(:))?a\\1b$", "x:a:b", true},
      {"^(?:x(:))?a\\1b$", "x:ab", false},
      {"^(?! )[\\p{L}\\p{N}\\p{Z}_-]*(?<! )$", "caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac", true},
      {"^(?! )[\\p{L}\\p{N}\\p{Z}_-]*(?<! )$", "caf\xc3\xa9!", false},
      {"^(?![^:]*/action/|(?i).*<script>.*</script>.*)[^:]+$", "a<SCRIPT>x</Script>", false},
      {"^(?![^:]*/action/|(?i).*<script>.*</script>.*)[^:]+$", "a<b>", true},
      {"^[^/:|\\000-\\037]+$", "a\tb", false},  // Java's octal escapes
      {"^[^/:|\\000-\\037]+$", "ab", true},
      {"\\bfoo\\b", "a foo b", true},
      {"\\bfoo\\b", "afoob", false},
      {"\\Aab\\z", "ab", true},
      {"(?s)^a.b$", "a\nb", true},
      {"^a.b$", "a\nb", false},
      {"^\\d{1}+:\\d{2}+$", "1:23", true},  // possessive, of a fixed count
  };
  for (auto const& e : table) {
    INFO(e.pattern << " on \"" << e.value << "\"");
    auto automaton = program::compile(e.pattern);
    REQUIRE(automaton);
    CHECK(automaton->search(e.value) == e.matches);
  }
  CHECK_FALSE(program::compile("a**"));            // ECMAScript's syntax error
  CHECK_FALSE(program::compile("a*+"));            // possessive, of a varying count: not the same strings
  CHECK_FALSE(program::compile("(a*)\\1"));        // a back reference to infinitely many strings
  CHECK_FALSE(program::compile("^.{1,100000}$"));  // too large: RE2's
  // A lookahead at every position of a 1 MB value, and one at the start only: both read it a few times at most.
  auto every = program::compile("[a-z](?!.*--)[a-z-]*x");
  REQUIRE(every);
  CHECK_FALSE(every->search(std::string(1 << 20, 'a') + "--"));
}

TEST_CASE("ECMAScript patterns in RE2's syntax, rule by rule", "[validate][pattern]") {
  CHECK(ecmascript_to_re2("^[a-z]{2,5}$") == "^[a-z]{2,5}$");
  CHECK(ecmascript_to_re2("\\u0021-\\u007F") == "\\x{21}-\\x{7F}");
  CHECK(ecmascript_to_re2("[\\u0020-\\uD7FF\\uD800\\uDC00-\\uDBFF\\uDFFF]") ==
        "[\\x{20}-\\x{D7FF}\\x{10000}-\\x{10FFFF}]");
  CHECK(ecmascript_to_re2(".{0,1023}") == "(?:.){0,1000}(?:.){0,23}");
  CHECK(ecmascript_to_re2("(ab){1,2048}x") == "(?:(ab)){1,1000}(?:(ab)){0,1000}(?:(ab)){0,48}x");
  CHECK(ecmascript_to_re2("[a-z]{1001,}") == "(?:[a-z]){1000}(?:[a-z]){1,}");
  CHECK(ecmascript_to_re2("^.{1,100000}$") == "^(?:.){1,}$");  // beyond 4,096: the lower bound only
  CHECK(ecmascript_to_re2("[\\p{Alnum}_]+") == "[0-9A-Za-z_]+");
  CHECK(ecmascript_to_re2("\\p{Alpha}*\\p{L}") == "[A-Za-z]*\\p{L}");
  CHECK(ecmascript_to_re2("\\d{1}+:\\d{12}+") == "\\d{1}:\\d{12}");
  CHECK(ecmascript_to_re2("(?<year>\\d{4})") == "(?P<year>\\d{4})");
  CHECK(ecmascript_to_re2("a{,3}") == "a\\{,3\\}");  // not a repetition: literal braces
  CHECK_FALSE(ecmascript_to_re2("^(?!aws:).*$"));    // lookaround
  CHECK_FALSE(ecmascript_to_re2("(a)\\1"));          // back reference
  CHECK_FALSE(ecmascript_to_re2("a*+"));             // possessive
  CHECK_FALSE(ecmascript_to_re2("[a-z"));            // unbalanced
  CHECK_FALSE(ecmascript_to_re2(".{239993999}"));    // a lower bound too large to spell out
  // What the rewriting gives matches what the original means.
  compiled_pattern wide(".{0,1023}$");
  CHECK(wide.engine() == "re2");
  CHECK(compiled_pattern("^x{3,1200}$").allows(std::string(1200, 'x')));
  CHECK_FALSE(compiled_pattern("^x{3,1200}$").allows(std::string(1201, 'x')));
  CHECK(compiled_pattern("^[\\uD800\\uDC00-\\uDBFF\\uDFFF]$").allows("\xf0\x9f\x98\x80"));
  CHECK_FALSE(compiled_pattern("^[\\uD800\\uDC00-\\uDBFF\\uDFFF]$").allows("a"));
  CHECK(compiled_pattern("^[\\p{L}\\p{Z}]+$").allows("caf\xc3\xa9 \xe6\x97\xa5"));
}

TEST_CASE("\\s and \\S mean ECMAScript's white space, Unicode's, in and out of classes", "[validate][pattern]") {
  std::string const spaces[] = {" ",  "\t",       "\n",           "\v",           "\f",
                                "\r", "\xc2\xa0", "\xe2\x80\xa8", "\xe3\x80\x80", "\xef\xbb\xbf"};
  std::string const others[] = {"a", "0", "_", "\x01", "\xc2\x85", "\xe2\x80\x8b", "\xf0\x9f\x98\x80"};
  for (auto const& v : spaces) {
    INFO(v);
    CHECK(compiled_pattern("^\\s$").allows(v));
    CHECK(compiled_pattern("^[\\s]$").allows(v));
    CHECK(compiled_pattern("^[^\\S]$").allows(v));
    CHECK_FALSE(compiled_pattern("^\\S$").allows(v));
    CHECK_FALSE(compiled_pattern("^[^\\s]$").allows(v));
    CHECK_FALSE(compiled_pattern("^[\\S]$").allows(v));
    CHECK(compiled_pattern("^[\\s\\S]$").allows(v));
  }
  for (auto const& v : others) {
    INFO(v);
    CHECK_FALSE(compiled_pattern("^\\s$").allows(v));
    CHECK(compiled_pattern("^\\S$").allows(v));
    CHECK(compiled_pattern("^[\\S]$").allows(v));
    CHECK(compiled_pattern("^[^\\s]$").allows(v));
    CHECK(compiled_pattern("^[\\s\\S]$").allows(v));
  }
  CHECK(compiled_pattern("^\\s$").engine() == "re2");
  // a pattern neither engine reads is left to the service, at once (fuzz_pattern found it)
  compiled_pattern huge("(?),.{2,.{239993999}");
  CHECK(huge.engine() == "none");
  CHECK(huge.allows("x"));
  compiled_pattern lookahead_and_large("^(?!a)b{5000}$");  // lookaround: the automaton's
  CHECK(lookahead_and_large.engine() == "automaton");
  CHECK(lookahead_and_large.allows(std::string(5000, 'b')));
  CHECK_FALSE(lookahead_and_large.allows(std::string(4999, 'b')));
  // the models' longest: 2,048 repetitions of the complement
  compiled_pattern arn("^arn:model-package/[\\S]{1,2048}$");
  CHECK(arn.engine() == "re2");
  CHECK(arn.allows("arn:model-package/" + std::string(2048, 'x')));
  CHECK_FALSE(arn.allows("arn:model-package/" + std::string(2049, 'x')));
  CHECK_FALSE(
      arn.allows("arn:model-package/a\xc2\xa0"
                 "b"));
}

TEST_CASE("a 100,000-character value with a pattern validates and calls, as the issue found it crash",
          "[validate][pattern]") {
  awsjson::cloudcontrol::CreateResourceRequest r;
  r.TypeName = "AWS::S3::Bucket";
  r.DesiredState = "{\"BucketName\":\"" + std::string(100'000, 'b') + "\"}";  // pattern [\s\S]*
  CHECK(awsjson::validate(r).empty());
  r.DesiredState = std::string(300'000, 'b');  // past the maximum length of 262,144
  auto v = awsjson::validate(r);
  REQUIRE(v.size() == 1);
  CHECK(v[0].to_string() == "/DesiredState: length out of bounds, must be between 1 and 262144");  // sensitive
  r.TypeName = std::string(100'000, ':');
  v = awsjson::validate(r);
  REQUIRE(v.size() == 3);
  CHECK(v[1].to_string() ==
        "/TypeName: does not match pattern [A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}");
}
