// Every operation of a generated service against botocore (tests/data/services/SERVICE.json, made by
// tools/gen_botocore_vectors.py): each output decodes to what botocore parses, encodes back to it
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

// What the library made of one vector. The code instantiated per operation (the probes below)
// only runs the library and records what it did; the assertions are plain functions, compiled once.
struct outcome {
  std::string decode_error;  // decoding the vector (empty: decoded)
  std::string encoded;       // encode() of the output, or the request body of the input
  std::string again_error;   // decoding `encoded` again (outputs)
  bool again_equal = false;  // ... equal to the first decode
  std::string build_error;   // build_request (inputs)
  std::string target, content_type;
  std::string printed;                  // to_string()
  std::vector<std::string> violations;  // validate(), as messages
};

struct error_outcome {
  std::string name;  // the error shape
  bool typed = false;
  std::string code;
};

template <class T>
void record_printing(T const& value, outcome& o) {
  o.printed = awsjson::to_string(value);
  for (auto const& v : awsjson::validate(value)) o.violations.push_back(v.to_string());
}

template <class Op>
outcome probe_output(std::string_view body) {
  outcome o;
  typename Op::output out;
  if (auto err = awsjson::decode_into(body, out)) {
    o.decode_error = err.to_string();
    return o;
  }
  o.encoded = awsjson::encode(out);
  typename Op::output again;
  if (auto err = awsjson::decode_into(o.encoded, again)) o.again_error = err.to_string();
  o.again_equal = again == out;
  record_printing(out, o);
  return o;
}

template <class Op>
outcome probe_input(std::string_view wire) {
  outcome o;
  typename Op::input in;
  if (auto err = awsjson::decode_into(wire, in)) {
    o.decode_error = err.to_string();
    return o;
  }
  awsjson::http_request http;
  if (auto err = awsjson::build_request<Op>(in, http)) o.build_error = err.to_string();
  o.encoded = http.body;
  o.target = http.header("X-Amz-Target");
  o.content_type = http.header("Content-Type");
  record_printing(in, o);
  return o;
}

// Each way an awsJson service names the error (Smithy awsJson1_1: the header first, then `code`,
// then `__type`, whose namespace prefix and `:url` suffix are dropped).
template <class Op>
std::vector<error_outcome> probe_errors() {
  std::vector<error_outcome> found;
  boost::mp11::mp_for_each<boost::mp11::mp_transform<boost::mp11::mp_identity, typename Op::errors>>([&](auto type) {
    using E = typename decltype(type)::type;
    std::string name(awsjson::shape_of<E>().name);
    Headers by_header{{"X-Amzn-Errortype", name + ":http://internal.amazon.com/coral/"}};
    std::pair<Headers, std::string> carriers[] = {
        {by_header, R"({"message":"m"})"},
        {{}, R"({"code":")" + name + R"(","message":"m"})"},
        {{}, R"({"__type":"com.amazonaws.service#)" + name + R"(","message":"m"})"},
    };
    for (auto const& [headers, body] : carriers) {
      auto r = awsjson::decode_response<Op>(400, headers, body);
      auto const* e = r.service_error();
      found.push_back({name, e && e->template is<E>(), e ? e->code : std::string()});
    }
  });
  return found;
}

struct probe {
  std::string_view name;
  outcome (*output)(std::string_view);
  outcome (*input)(std::string_view);
  std::vector<error_outcome> (*errors)();
};

std::string text_of(simdjson::dom::element e) { return std::string(e.get_string().value()); }

void check_redacted(outcome const& o) {
  INFO(o.printed);
  CHECK(o.printed.find(secret) == std::string::npos);
  for (auto const& v : o.violations) {
    INFO(v);
    CHECK(v.find(secret) == std::string::npos);
  }
}

void check_outputs(probe const& op, simdjson::dom::array outputs, std::size_t& checked) {
  for (simdjson::dom::element c : outputs) {
    std::string body = text_of(c["body"]), expected = simdjson::minify(c["expected"]), where;
    INFO(op.name << " output (" << text_of(c["kind"]) << "): " << body);
    outcome o = op.output(body);
    INFO(o.decode_error);
    REQUIRE(o.decode_error.empty());
    INFO("ours:     " << o.encoded << "\nbotocore: " << expected);
    CHECK(testing::json_equal(o.encoded, expected, where));
    INFO(where << o.again_error);
    CHECK(o.again_error.empty());
    CHECK(o.again_equal);
    check_redacted(o);
    ++checked;
  }
}

void check_inputs(probe const& op, simdjson::dom::array inputs, std::size_t& checked) {
  for (simdjson::dom::element c : inputs) {
    std::string wire = simdjson::minify(c["input"]), body = text_of(c["body"]), where;
    INFO(op.name << " input (" << text_of(c["kind"]) << "): " << wire);
    outcome o = op.input(wire);
    INFO(o.decode_error << o.build_error);
    REQUIRE(o.decode_error.empty());
    REQUIRE(o.build_error.empty());
    INFO("ours:     " << o.encoded << "\nbotocore: " << body);
    CHECK(testing::json_equal(o.encoded, body, where));
    INFO(where);
    CHECK(o.target == text_of(c["headers"]["X-Amz-Target"]));
    CHECK(o.content_type == text_of(c["headers"]["Content-Type"]));
    check_redacted(o);
    ++checked;
  }
}

void check_errors(probe const& op, std::size_t& checked) {
  for (auto const& e : op.errors()) {
    INFO(op.name << " error " << e.name);
    CHECK(e.typed);
    CHECK(e.code == e.name);
    ++checked;
  }
}

simdjson::dom::object const& vectors() {
  static simdjson::dom::parser parser;
  static simdjson::dom::object ops =
      parser.load(std::string(AWSJSON_TEST_DATA_DIR) + "/services/" + AWSJSON_TEST_SERVICE + ".json")["operations"]
          .get_object()
          .value();
  return ops;
}

// The probes of this slice's operations.
std::vector<probe> slice_probes() {
  using ops = AWSJSON_TEST_SERVICE_NAMESPACE::operations;
  std::vector<probe> probes;
  boost::mp11::mp_for_each<boost::mp11::mp_iota<boost::mp11::mp_size<ops>>>([&](auto i) {
    if constexpr (decltype(i)::value % AWSJSON_TEST_SLICES == AWSJSON_TEST_SLICE) {
      using Op = boost::mp11::mp_at_c<ops, decltype(i)::value>;
      probes.push_back({Op::name, &probe_output<Op>, &probe_input<Op>, &probe_errors<Op>});
    }
  });
  return probes;
}

}  // namespace

TEST_CASE("every operation of " AWSJSON_TEST_SERVICE " (slice " AWSJSON_TEST_SLICE_NAME ") against botocore",
          "[services][" AWSJSON_TEST_SERVICE "]") {
  using ops = AWSJSON_TEST_SERVICE_NAMESPACE::operations;
  std::size_t operations = 0, outputs = 0, inputs = 0, errors = 0;
  for (probe const& op : slice_probes()) {
    simdjson::dom::object entry;
    INFO(op.name);
    REQUIRE(vectors()[op.name].get_object().get(entry) == simdjson::SUCCESS);
    check_outputs(op, entry["outputs"].get_array().value(), outputs);
    check_inputs(op, entry["inputs"].get_array().value(), inputs);
    check_errors(op, errors);
    ++operations;
  }
  // Every operation of the slice has vectors; an output-less operation has none to decode.
  CHECK(operations ==
        (boost::mp11::mp_size<ops>::value + AWSJSON_TEST_SLICES - 1 - AWSJSON_TEST_SLICE) / AWSJSON_TEST_SLICES);
  CHECK(inputs == 2 * operations);
  INFO(operations << " operations, " << outputs << " outputs, " << inputs << " inputs, " << errors << " errors");
  CHECK(outputs > 0);
}
