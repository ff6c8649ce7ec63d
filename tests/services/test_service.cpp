// The operations of a generated service against botocore (tests/data/services/SERVICE.json, made by
// tools/gen_botocore_vectors.py): each output decodes to what botocore parses, encodes back to it
// and survives a round trip; each input encodes to botocore's body and headers (and host prefix);
// each error shape of each operation is typed by decode_response from the header, `code` and
// `__type`, and for an awsQueryCompatible service carries the code and fault botocore reads from
// x-amzn-query-error; planted secrets never show in a print or a validation message.
//
// One source, compiled once per slice of a service's operations (AWSJSON_TEST_SLICE of
// AWSJSON_TEST_SLICES): a whole service in one TU would take minutes and gigabytes at -O2, a
// slice takes a fraction and the slices build in parallel (tests/CMakeLists.txt). A TU tests a
// group of services (AWSJSON_TEST_GROUP_HEADER): every operation of one service, sliced, or the
// operations sampled from several (tests/services/sampled/ID.hpp), so that the services sampled
// share the cost of compiling what every TU holds.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <boost/mp11/algorithm.hpp>

#include <awsjson/awsjson.hpp>

#include AWSJSON_TEST_GROUP_HEADER
#include "../json_equal.hpp"

namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;
constexpr std::string_view secret = "PLANTED-SECRET-";

// What the library made of one vector. The code instantiated per operation (the probes below)
// only runs the library and records what it did; the assertions are plain functions, compiled once.
struct outcome {
  std::string decode_error;             // decoding the vector (empty: decoded)
  std::string encoded;                  // encode() of the output, or the request body of the input
  std::string again_error;              // decoding `encoded` again (outputs)
  bool again_equal = false;             // ... equal to the first decode
  std::string build_error;              // build_request (inputs)
  Headers headers;                      // of the request built (inputs)
  std::string_view host_prefix;         // the operation's @endpoint host prefix, if any
  std::string printed;                  // to_string()
  std::vector<std::string> violations;  // validate(), as messages
};

struct error_outcome {
  std::string name;  // the error shape
  bool typed = false;
  std::string code, query_code, query_fault;
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
  for (auto const& h : http.headers) o.headers.emplace_back(h.name, h.value);
  if constexpr (requires { Op::host_prefix; }) o.host_prefix = Op::host_prefix;
  record_printing(in, o);
  return o;
}

// Whether E has no member keyed `code`, or one holding text.
template <class E>
bool code_member_is_text() {
  bool text = true;
  boost::mp11::mp_for_each<boost::describe::describe_members<E, boost::describe::mod_public>>([&](auto d) {
    using M = std::remove_cvref_t<decltype(std::declval<E>().*d.pointer)>;
    if (awsjson::member_of<E>(d.name).key() == "code")
      text = std::is_same_v<M, std::string> || std::is_same_v<M, std::optional<std::string>>;
  });
  return text;
}

template <class Op, class E>
error_outcome decode_error(std::string const& name, Headers const& headers, std::string_view body);

// Each way an awsJson service names the error (Smithy awsJson1_1: the header first, then `code`,
// then `__type`, whose namespace prefix and `:url` suffix are dropped).
template <class Op>
std::vector<error_outcome> probe_errors() {
  std::vector<error_outcome> found;
  boost::mp11::mp_for_each<boost::mp11::mp_transform<boost::mp11::mp_identity, typename Op::errors>>([&](auto type) {
    using E = typename decltype(type)::type;
    std::string name(awsjson::shape_of<E>().name);
    Headers by_header{{"X-Amzn-Errortype", name + ":http://internal.amazon.com/coral/"}};
    // A shape with a `code` member of its own that is not text (Amazon ML's errors: an integer)
    // is named by `__type`; its `code` is a number, which never names an error.
    std::string by_code = code_member_is_text<E>() ? R"({"code":")" + name + R"(","message":"m"})"
                                                   : R"({"__type":")" + name + R"(","code":7,"message":"m"})";
    std::pair<Headers, std::string> carriers[] = {
        {by_header, R"({"message":"m"})"},
        {{}, by_code},
        {{}, R"({"__type":"com.amazonaws.service#)" + name + R"(","message":"m"})"},
    };
    for (auto const& [headers, body] : carriers) found.push_back(decode_error<Op, E>(name, headers, body));
  });
  return found;
}

template <class Op, class E>
error_outcome decode_error(std::string const& name, Headers const& headers, std::string_view body) {
  auto r = awsjson::decode_response<Op>(400, headers, body);
  error_outcome o;
  o.name = name;
  if (auto const* e = r.service_error()) {
    o.typed = e->template is<E>();
    o.code = e->code;
    o.query_code = e->query_code;
    o.query_fault = e->query_fault;
  }
  return o;
}

// An error answered with x-amzn-query-error (awsQueryCompatible): the shape named in `shape`.
template <class Op>
error_outcome probe_query_error(std::string_view shape, std::string_view header, std::string_view body) {
  error_outcome found;
  found.name = shape;
  Headers headers{{"x-amzn-query-error", std::string(header)}};
  boost::mp11::mp_for_each<boost::mp11::mp_transform<boost::mp11::mp_identity, typename Op::errors>>([&](auto type) {
    using E = typename decltype(type)::type;
    if (awsjson::shape_of<E>().name == shape) found = decode_error<Op, E>(found.name, headers, body);
  });
  return found;
}

struct probe {
  std::string_view name;
  outcome (*output)(std::string_view);
  outcome (*input)(std::string_view);
  std::vector<error_outcome> (*errors)();
  error_outcome (*query_error)(std::string_view shape, std::string_view header, std::string_view body);
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
    // Every header botocore's serializer sets, with its value; and no other but Content-Length,
    // which botocore leaves to its HTTP layer (AWSRequest.prepare) and Smithy asks the request for.
    simdjson::dom::object headers = c["headers"].get_object().value();
    CHECK(o.headers.size() == headers.size() + 1);
    for (auto [name, value] : headers) {
      INFO(name);
      CHECK(awsjson::detail::find_header(o.headers, name) == value.get_string().value());
    }
    CHECK(awsjson::detail::find_header(o.headers, "Content-Length") == std::to_string(o.encoded.size()));
    std::string_view host_prefix;
    if (c["host_prefix"].get_string().get(host_prefix) != simdjson::SUCCESS) host_prefix = "";
    CHECK(o.host_prefix == host_prefix);
    check_redacted(o);
    ++checked;
  }
}

void check_errors(probe const& op, simdjson::dom::object entry, std::size_t& checked) {
  for (auto const& e : op.errors()) {
    INFO(op.name << " error " << e.name);
    CHECK(e.typed);
    CHECK(e.code == e.name);
    CHECK(e.query_code.empty());
    ++checked;
  }
  simdjson::dom::array query_errors;
  if (entry["query_errors"].get_array().get(query_errors) != simdjson::SUCCESS) return;
  for (simdjson::dom::element c : query_errors) {
    std::string shape = text_of(c["shape"]), header = text_of(c["headers"]["x-amzn-query-error"]);
    INFO(op.name << " error " << shape << " with x-amzn-query-error: " << header);
    error_outcome e = op.query_error(shape, header, text_of(c["body"]));
    CHECK(e.typed);                                   // typed by its shape, as without the header
    CHECK(e.code == text_of(c["query_error_code"]));  // botocore: QueryErrorCode, the shape's code
    CHECK(e.query_code == text_of(c["code"]));        // botocore: Code, from the header
    CHECK(e.query_fault == text_of(c["fault"]));      // botocore: Type
    ++checked;
  }
}

// The vectors of a service (its botocore name).
simdjson::dom::object vectors(std::string_view service) {
  static std::map<std::string, std::pair<simdjson::dom::parser, simdjson::dom::object>, std::less<>> loaded;
  auto it = loaded.find(service);
  if (it == loaded.end()) {
    it = loaded.try_emplace(std::string(service)).first;
    auto& [parser, ops] = it->second;
    auto path = std::string(AWSJSON_TEST_DATA_DIR) + "/services/" + std::string(service) + ".json";
    ops = parser.load(path)["operations"].get_object().value();
  }
  return it->second.second;
}

// The probes of this slice of a service's operations.
template <class Service>
std::vector<probe> slice_probes() {
  using ops = typename Service::operations;
  std::vector<probe> probes;
  boost::mp11::mp_for_each<boost::mp11::mp_iota<boost::mp11::mp_size<ops>>>([&](auto i) {
    if constexpr (decltype(i)::value % AWSJSON_TEST_SLICES == AWSJSON_TEST_SLICE) {
      using Op = boost::mp11::mp_at_c<ops, decltype(i)::value>;
      probes.push_back({Op::name, &probe_output<Op>, &probe_input<Op>, &probe_errors<Op>, &probe_query_error<Op>});
    }
  });
  return probes;
}

void check_service(std::string_view service, std::vector<probe> const& probes, std::size_t all_operations) {
  INFO(service);
  std::size_t operations = 0, outputs = 0, inputs = 0, errors = 0;
  for (probe const& op : probes) {
    simdjson::dom::object entry;
    INFO(op.name);
    REQUIRE(vectors(service)[op.name].get_object().get(entry) == simdjson::SUCCESS);
    check_outputs(op, entry["outputs"].get_array().value(), outputs);
    check_inputs(op, entry["inputs"].get_array().value(), inputs);
    check_errors(op, entry, errors);
    ++operations;
  }
  // Every operation with vectors is tested, by one slice or another ...
  if (AWSJSON_TEST_SLICE == 0) CHECK(vectors(service).size() == all_operations);
  // ... and every operation of the slice has vectors; an output-less operation has none to decode.
  CHECK(operations == (all_operations + AWSJSON_TEST_SLICES - 1 - AWSJSON_TEST_SLICE) / AWSJSON_TEST_SLICES);
  CHECK(inputs == 2 * operations);
  INFO(operations << " operations, " << outputs << " outputs, " << inputs << " inputs, " << errors << " errors");
  CHECK((outputs > 0 || operations == 0));
}

}  // namespace

// The services of this TU: awsjson_test_group::services, a list of {name, operations}
// (AWSJSON_TEST_GROUP_HEADER, written by tests/CMakeLists.txt).
TEST_CASE("the operations of " AWSJSON_TEST_GROUP_NAME " against botocore", "[services]") {
  boost::mp11::mp_for_each<boost::mp11::mp_transform<boost::mp11::mp_identity, awsjson_test_group::services>>(
      [](auto type) {
        using Service = typename decltype(type)::type;
        check_service(Service::name, slice_probes<Service>(),
                      boost::mp11::mp_size<typename Service::operations>::value);
      });
}
