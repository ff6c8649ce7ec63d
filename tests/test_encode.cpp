#include <catch2/catch.hpp>

#include <cmath>

#include "random_values.hpp"

using namespace awsjson::ssm;
using kitchen::Sink;

TEST_CASE("encode: compact, declaration order, absent optionals omitted", "[encode]") {
  GetMaintenanceWindowExecutionTaskInvocationResponse r;
  CHECK(awsjson::encode(r) == "{}");
  r.Status = MaintenanceWindowExecutionStatus::SUCCESS;
  r.WindowExecutionId = "w";
  r.StartTime = awsjson::timestamp(std::chrono::milliseconds(1700000000123));
  r.EndTime = awsjson::timestamp(std::chrono::milliseconds(1700000042000));
  CHECK(awsjson::encode(r) ==
        R"({"WindowExecutionId":"w","Status":"SUCCESS","StartTime":1700000000.123,"EndTime":1700000042})");
  r.TaskType = awsjson::open_enum<MaintenanceWindowTaskType>::from_string("NEW_KIND");
  CHECK(awsjson::encode(r).find(R"("TaskType":"NEW_KIND")") != std::string::npos);  // unknown values go back unchanged
}

TEST_CASE("encode: string escaping per RFC 8259, UTF-8 passes through", "[encode][string]") {
  Sink s;
  s.String = std::string("q\"b\\s/n\nt\tr\rb\bf\f\x01\x1f\x7f") + std::string(1, '\0') + "\xc3\xa9\xf0\x9f\x98\x80";
  auto json = awsjson::encode(s);
  CHECK(json.find(R"("String":"q\"b\\s/n\nt\tr\rb\bf\f\u0001\u001f)"
                  "\x7f"
                  R"(\u0000)"
                  "\xc3\xa9\xf0\x9f\x98\x80\"") != std::string::npos);
}

TEST_CASE("encode: invalid UTF-8 is an error naming the member, never garbage on the wire", "[encode][string]") {
  Sink s;
  s.Nested = kitchen::Inner{std::string("ok\xff"), std::nullopt};
  std::string out = "prefix";
  auto err = awsjson::encode_into(out, s);
  CHECK(err.path == "/Nested/Value");
  CHECK(err.message == "string is not valid UTF-8 (at byte 2)");
  CHECK(out == "prefix");  // the buffer is left as it was
  CHECK_THROWS_AS(awsjson::encode(s), awsjson::encode_error);
  for (char const* bad : {"\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe2\x82", "\x80"}) {
    Sink t;
    t.String = bad;
    CHECK(awsjson::encode_into(out, t).path == "/String");
  }
  Sink m;
  m.Map.emplace()["bad\xfe"] = 1;
  CHECK(awsjson::encode_into(out, m).message.find("map key") != std::string::npos);
}

TEST_CASE("encode: numbers, NaN and infinities, enums, blobs, timestamps by format", "[encode]") {
  Sink s;
  s.Long = 1234567890123456789;
  s.Double = 0.1;
  s.Float = 1234.5f;
  s.Plain = kitchen::Color::Intelligent_Tiering;
  s.Blob = awsjson::blob{std::byte('b'), std::byte('i'), std::byte('n')};
  s.Iso = awsjson::timestamp(std::chrono::milliseconds(946845296000));
  s.Http = awsjson::timestamp(std::chrono::milliseconds(946845296000));
  s.Timestamp = awsjson::timestamp(std::chrono::milliseconds(-1));
  auto json = awsjson::encode(s);
  CHECK(json.find(R"("Long":1234567890123456789)") != std::string::npos);
  CHECK(json.find(R"("Double":0.1)") != std::string::npos);
  CHECK(json.find(R"("Float":1234.5)") != std::string::npos);
  CHECK(json.find(R"("Plain":"Intelligent-Tiering")") != std::string::npos);
  CHECK(json.find(R"("Blob":"Ymlu")") != std::string::npos);
  CHECK(json.find(R"("Iso":"2000-01-02T20:34:56Z")") != std::string::npos);
  CHECK(json.find(R"("Http":"Sun, 02 Jan 2000 20:34:56 GMT")") != std::string::npos);
  CHECK(json.find(R"("Timestamp":-0.001)") != std::string::npos);
  s = Sink{};
  s.Double = std::nan("");
  CHECK(awsjson::encode(s) == R"({"Name":"","Double":"NaN","Children":[]})");
  s.Double = -std::numeric_limits<double>::infinity();
  s.Float = std::numeric_limits<float>::infinity();
  CHECK(awsjson::encode(s) == R"({"Name":"","Float":"Infinity","Double":"-Infinity","Children":[]})");
  s = Sink{};
  s.Plain = kitchen::Color(42);
  CHECK(awsjson::encode_into(json, s).path == "/Plain");
  s = Sink{};
  s.cpp_name = "x";
  s.SparseList = std::vector<std::optional<std::string>>{std::nullopt, "a"};
  CHECK(awsjson::encode(s) == R"({"Name":"","SparseList":[null,"a"],"WireName":"x","Children":[]})");
}

TEST_CASE("property: decode(encode(x)) == x for 10,000 responses, requests and kitchen sinks", "[encode][property]") {
  gen::rng_t rng(20261129);
  std::string buf;
  for (int i = 0; i < 10000; ++i) {
    auto resp = gen::response(rng);
    auto json = awsjson::encode(resp);
    GetMaintenanceWindowExecutionTaskInvocationResponse back;
    auto err = awsjson::decode_into(json, back);
    INFO(json << " " << err.to_string());
    REQUIRE(!err);
    REQUIRE(back == resp);
    REQUIRE(awsjson::encode(back) == json);  // a second round changes nothing

    auto req = gen::request(rng);
    REQUIRE(awsjson::decode<GetMaintenanceWindowExecutionTaskInvocationRequest>(awsjson::encode(req)) == req);
  }
  for (int i = 0; i < 10000; ++i) {
    auto sink = gen::sink(rng);
    auto json = awsjson::encode(sink);
    Sink back;
    auto err = awsjson::decode_into(json, back);
    INFO(json << " " << err.to_string());
    REQUIRE(!err);
    REQUIRE(back == sink);
    REQUIRE(awsjson::encode(back) == json);
  }
}

TEST_CASE("encode(decode(j)) is stable for the botocore vectors and the sample", "[encode][property]") {
  simdjson::dom::parser parser;
  auto doc = parser.load(AWSJSON_TEST_DATA_DIR "/botocore_responses.json");
  simdjson::dom::array cases = doc["cases"].get_array().value();
  for (simdjson::dom::element c : cases) {
    std::string body(c["body"].get_string().value());
    auto once = awsjson::encode(awsjson::decode<GetMaintenanceWindowExecutionTaskInvocationResponse>(body));
    auto twice = awsjson::encode(awsjson::decode<GetMaintenanceWindowExecutionTaskInvocationResponse>(once));
    REQUIRE(once == twice);
  }
}

TEST_CASE("encode: a timestamp its member's format cannot write is an error, not garbage", "[encode][timestamp]") {
  // Found by fuzz_every_shape: epoch seconds decode into a date-time member beyond the year 9999.
  auto s = awsjson::decode<Sink>(std::string(R"({"Iso":"203888888888888.8388621888"})"));
  std::string out;
  auto err = awsjson::encode_into(out, s);
  CHECK(err.code == awsjson::errc::out_of_range);
  CHECK(err.path == "/Iso");
  CHECK(out.empty());
  s.Iso = awsjson::timestamp(std::chrono::seconds(253402300799));  // 9999-12-31T23:59:59Z still fits
  CHECK(awsjson::encode(s).find(R"("Iso":"9999-12-31T23:59:59Z")") != std::string::npos);
  s.Iso.reset();
  s.Http = awsjson::timestamp(std::chrono::seconds(-62167219201));  // the last second of the year -1
  CHECK(awsjson::encode_into(out, s).path == "/Http");
  s.Http.reset();
  s.Timestamp = awsjson::timestamp(std::chrono::seconds(253402300800));  // epoch seconds have no such limit
  CHECK(awsjson::encode(s).find(R"("Timestamp":253402300800)") != std::string::npos);
  CHECK(awsjson::to_string(s).find("Timestamp: 253402300800 s since 1970") != std::string::npos);
}

TEST_CASE("encode: write_timestamp writes every timestamp, whatever its member's format", "[encode][timestamp]") {
  // What the awsjson command uses to print ISO 8601: every member, at any depth, in the one form.
  Sink s;
  s.Timestamp = awsjson::timestamp(std::chrono::milliseconds(1700000000123));
  s.Iso = awsjson::timestamp(std::chrono::seconds(-1));
  s.Http = awsjson::timestamp(std::chrono::seconds(253402300800));  // beyond 9999: the function decides
  s.Children.resize(1);
  s.Children[0].Micro = kitchen::micro_time(std::chrono::microseconds(1500001));
  awsjson::encode_options options;
  options.write_timestamp = [](std::string& out, std::chrono::sys_time<std::chrono::microseconds> t) {
    out += '"' + std::to_string(t.time_since_epoch().count()) + "us\"";
  };
  auto json = awsjson::encode(s, options);
  CHECK(json.find(R"("Timestamp":"1700000000123000us")") != std::string::npos);
  CHECK(json.find(R"("Iso":"-1000000us")") != std::string::npos);
  CHECK(json.find(R"("Http":"253402300800000000us")") != std::string::npos);
  CHECK(json.find(R"("Micro":"1500001us")") != std::string::npos);
  s.Http.reset();  // (beyond what an HTTP-date writes)
  CHECK(awsjson::encode(s).find(R"("Timestamp":1700000000.123)") != std::string::npos);  // the wire form is untouched
}
