// Every operation of a generated service against botocore (tests/data/services/SERVICE.json, made by
// tools/gen_service_vectors.py): each output decodes to what botocore parses, encodes back to it
// and survives a round trip; each input encodes to botocore's body and headers; each error shape
// of each operation is typed by decode_response from the header, `code` and `__type`; planted
// secrets never show in a print or a validation message.
//
// One source, compiled once per slice of a service's operations (AWSJSON_TEST_SLICE of
// AWSJSON_TEST_SLICES): a whole service in one TU would take minutes and gigabytes at -O2, a
// slice takes a fraction and the slices build in parallel (tests/CMakeLists.txt).
#include <catch2/catch.hpp>

#include <boost/mp11/algorithm.hpp>

#include <awsjson/awsjson.hpp>

#include AWSJSON_TEST_SERVICE_HEADER
#include "../json_equal.hpp"

namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;
constexpr std::string_view secret = "PLANTED-SECRET-";

std::string text_of(simdjson::dom::element e) { return std::string(e.get_string().value()); }

template <class T>
void check_redacted(T const& value) {
  std::string printed = awsjson::to_string(value);
  INFO(printed);
  CHECK(printed.find(secret) == std::string::npos);
  for (auto const& v : awsjson::validate(value)) {
    INFO(v.to_string());
    CHECK(v.to_string().find(secret) == std::string::npos);
  }
}

template <class Op>
void check_outputs(simdjson::dom::array outputs, std::size_t& checked) {
  for (simdjson::dom::element c : outputs) {
    std::string body = text_of(c["body"]), expected = simdjson::minify(c["expected"]);
    INFO(Op::name << " output (" << text_of(c["kind"]) << "): " << body);
    typename Op::output out;
    auto err = awsjson::decode_into(body, out);
    INFO(err.to_string());
    REQUIRE(!err);
    std::string ours = awsjson::encode(out), where;
    INFO("ours:     " << ours << "\nbotocore: " << expected);
    CHECK(testing::json_equal(ours, expected, where));
    INFO(where);
    typename Op::output again;
    REQUIRE(!awsjson::decode_into(ours, again));
    CHECK(again == out);
    check_redacted(out);
    ++checked;
  }
}

template <class Op>
void check_inputs(simdjson::dom::array inputs, std::size_t& checked) {
  for (simdjson::dom::element c : inputs) {
    std::string wire = simdjson::minify(c["input"]), body = text_of(c["body"]);
    INFO(Op::name << " input (" << text_of(c["kind"]) << "): " << wire);
    typename Op::input in;
    auto err = awsjson::decode_into(wire, in);
    INFO(err.to_string());
    REQUIRE(!err);
    awsjson::http_request http;
    REQUIRE(!awsjson::build_request<Op>(in, http));
    std::string where;
    INFO("ours:     " << http.body << "\nbotocore: " << body);
    CHECK(testing::json_equal(http.body, body, where));
    INFO(where);
    CHECK(http.header("X-Amz-Target") == text_of(c["headers"]["X-Amz-Target"]));
    CHECK(http.header("Content-Type") == text_of(c["headers"]["Content-Type"]));
    check_redacted(in);
    ++checked;
  }
}

// Each way an awsJson service names the error (Smithy awsJson1_1: the header first, then `code`,
// then `__type`, whose namespace prefix and `:url` suffix are dropped).
template <class Op>
void check_errors(std::size_t& checked) {
  boost::mp11::mp_for_each<boost::mp11::mp_transform<boost::mp11::mp_identity, typename Op::errors>>([&](auto type) {
    using E = typename decltype(type)::type;
    std::string name(awsjson::shape_of<E>().name);
    INFO(Op::name << " error " << name);
    struct carrier {
      Headers headers;
      std::string body;
    };
    carrier carriers[] = {
        {{{"X-Amzn-Errortype", name + ":http://internal.amazon.com/coral/"}}, R"({"message":"m"})"},
        {{}, R"({"code":")" + name + R"(","message":"m"})"},
        {{}, R"({"__type":"com.amazonaws.service#)" + name + R"(","message":"m"})"},
    };
    for (auto const& c : carriers) {
      INFO(c.body);
      auto r = awsjson::decode_response<Op>(400, c.headers, c.body);
      auto const* e = r.service_error();
      REQUIRE(e);
      CHECK(e->template is<E>());
      CHECK(e->code == name);
      ++checked;
    }
  });
}

simdjson::dom::object const& vectors() {
  static simdjson::dom::parser parser;
  static simdjson::dom::object ops =
      parser.load(std::string(AWSJSON_TEST_DATA_DIR) + "/services/" + AWSJSON_TEST_SERVICE + ".json")["operations"]
          .get_object()
          .value();
  return ops;
}

}  // namespace

TEST_CASE("every operation of " AWSJSON_TEST_SERVICE " (slice " AWSJSON_TEST_SLICE_NAME ") against botocore",
          "[services][" AWSJSON_TEST_SERVICE "]") {
  using ops = AWSJSON_TEST_SERVICE_NAMESPACE::operations;
  std::size_t operations = 0, outputs = 0, inputs = 0, errors = 0;
  boost::mp11::mp_for_each<boost::mp11::mp_iota<boost::mp11::mp_size<ops>>>([&](auto i) {
    if constexpr (decltype(i)::value % AWSJSON_TEST_SLICES == AWSJSON_TEST_SLICE) {
      using Op = boost::mp11::mp_at_c<ops, decltype(i)::value>;
      simdjson::dom::object entry;
      REQUIRE(vectors()[Op::name].get_object().get(entry) == simdjson::SUCCESS);
      check_outputs<Op>(entry["outputs"].get_array().value(), outputs);
      check_inputs<Op>(entry["inputs"].get_array().value(), inputs);
      check_errors<Op>(errors);
      ++operations;
    }
  });
  // Every operation of the slice has vectors; an output-less operation has none to decode.
  CHECK(operations ==
        (boost::mp11::mp_size<ops>::value + AWSJSON_TEST_SLICES - 1 - AWSJSON_TEST_SLICE) / AWSJSON_TEST_SLICES);
  CHECK(inputs == 2 * operations);
  INFO(operations << " operations, " << outputs << " outputs, " << inputs << " inputs, " << errors << " errors");
  CHECK(outputs > 0);
}
