// The awsjson command's parsing and formatting against the AWS CLI's own code on the same inputs
// (tests/data/cli_vectors.json, from tools/gen_cli_vectors.py): shorthand syntax as
// awscli.shorthand parses it, --output text as awscli.text writes it, timestamps as botocore's
// parse_timestamp(...).isoformat() prints them (cli_timestamp_format = iso8601).
#include <simdjson.h>
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>

#include "cli.hpp"

namespace {

using awsjson::jmespath::value;

simdjson::dom::element vectors() {
  static simdjson::dom::parser parser;
  static simdjson::dom::element root = [] {
    simdjson::dom::element e;
    REQUIRE(parser.load(AWSJSON_TEST_DATA_DIR "/cli_vectors.json").get(e) == simdjson::SUCCESS);
    return e;
  }();
  return root;
}

std::string text_of(simdjson::dom::element e) { return std::string(simdjson::minify(e)); }

}  // namespace

TEST_CASE("shorthand: parsed as awscli.shorthand.ShorthandParser parses it", "[cli][shorthand]") {
  std::size_t cases = 0, errors = 0;
  for (auto c : vectors()["shorthand"].get_array()) {
    std::string input(c["input"].get_string().value());
    INFO("input: " << input);
    std::string problem;
    auto parsed = cli::parse_shorthand(input, problem);
    simdjson::dom::element expected;
    if (c["parsed"].get(expected) == simdjson::SUCCESS) {
      INFO(problem);
      REQUIRE(parsed);
      auto want = awsjson::jmespath::parse_json(text_of(expected));
      REQUIRE(want);
      CHECK(parsed->json() == want->json());
    } else {
      CHECK_FALSE(parsed);
      CHECK(problem.rfind("shorthand: ", 0) == 0);  // says where, never crashes
      ++errors;
    }
    ++cases;
  }
  CHECK(cases >= 30);
  CHECK(errors >= 8);
}

TEST_CASE("--output text: written as awscli.text.format_text writes it", "[cli][text]") {
  std::size_t cases = 0;
  for (auto c : vectors()["text"].get_array()) {
    std::string json(c["json"].get_string().value());
    INFO("json: " << json);
    auto data = awsjson::jmespath::parse_json(json);
    REQUIRE(data);
    CHECK(cli::format_text(*data) == std::string(c["text"].get_string().value()));
    ++cases;
  }
  CHECK(cases >= 15);
}

TEST_CASE("--output table: drawn as awscli's TableFormatter draws it", "[cli][table]") {
  std::size_t cases = 0, failures = 0;
  for (auto c : vectors()["table"].get_array()) {
    std::string json(c["json"].get_string().value());
    int width = int(c["width"].get_int64().value());
    INFO("json: " << json << ", " << width << " columns");
    auto data = awsjson::jmespath::parse_json(json);
    REQUIRE(data);
    std::string problem;
    bool colour = false;  // --color on: awscli's ColorizedStyler
    if (c["color"].get(colour) != simdjson::SUCCESS) colour = false;
    auto table = cli::format_table("GetThing", *data, width, problem, colour);
    std::string_view expected;
    if (c["table"].get(expected) == simdjson::SUCCESS) {
      INFO(problem);
      REQUIRE(table);
      CHECK(*table == expected);
    } else {
      CHECK_FALSE(table);
      CHECK(problem == std::string(c["error"].get_string().value()));
      ++failures;
    }
    ++cases;
  }
  CHECK(cases >= 60);
  CHECK(failures >= 2);  // [[1, 2], [3]] at both widths
}

TEST_CASE("timestamps: ISO 8601 in the local time zone, as botocore's isoformat prints them", "[cli][timestamp]") {
  std::string saved = std::getenv("TZ") ? std::getenv("TZ") : "";
  bool had = std::getenv("TZ") != nullptr;
  for (char const* zone : {"UTC", "Asia/Kolkata"}) {
    setenv("TZ", zone, 1);
    tzset();
    for (auto c : vectors()["iso8601"].get_array()) {
      double epoch = c["epoch"].get_double().value();
      auto t = std::chrono::sys_time<std::chrono::microseconds>(std::chrono::microseconds(std::llround(epoch * 1e6)));
      std::string out;
      cli::write_iso8601(out, t);
      INFO(zone << " " << epoch);
      CHECK(out == '"' + std::string(c[zone].get_string().value()) + '"');
    }
  }
  if (had)
    setenv("TZ", saved.c_str(), 1);
  else
    unsetenv("TZ");
  tzset();
}

TEST_CASE("shorthand: malformed input never crashes or hangs", "[cli][shorthand]") {
  // Every prefix of the vectors' inputs, and some hostile ones: a result or a message, nothing else.
  std::vector<std::string> inputs{std::string(10000, '['),
                                  "a=" + std::string(10000, '['),
                                  "a=" + std::string(5000, '{'),
                                  std::string("a=\0b", 4),
                                  "a=\\",
                                  "a='\\",
                                  "a=\"\\\"",
                                  ",,,",
                                  "a=b,,c"};
  for (auto c : vectors()["shorthand"].get_array()) {
    std::string input(c["input"].get_string().value());
    for (std::size_t n = 0; n <= input.size(); ++n) inputs.push_back(input.substr(0, n));
  }
  for (auto const& input : inputs) {
    std::string problem;
    auto parsed = cli::parse_shorthand(input, problem);
    CHECK((parsed.has_value() || !problem.empty()));
  }
}
