// Cross-check against botocore: tests/data/botocore_responses.json holds response bodies and what
// botocore's JSONParser made of them (tools/gen_botocore_vectors.py). The expected side is read with
// simdjson's DOM API, independently of awsjson's decoder.
#include <catch2/catch.hpp>

#include <awsjson/awsjson.hpp>
#include <awsjson/ssm/get_maintenance_window_execution_task_invocation.hpp>

using Response = awsjson::ssm::GetMaintenanceWindowExecutionTaskInvocationResponse;

namespace {
template <class T>
void compare(std::optional<T> const& actual, simdjson::dom::element expected, char const* name) {
  INFO("member " << name);
  REQUIRE(actual.has_value());
  if constexpr (awsjson::is_timestamp<T>) {
    CHECK(actual->time_since_epoch().count() == expected.get_int64().value());
  } else if constexpr (awsjson::is_open_enum<T>) {
    CHECK(awsjson::to_string(*actual) == expected.get_string().value());
  } else {
    CHECK(*actual == expected.get_string().value());
  }
}
}  // namespace

TEST_CASE("awsjson decodes what botocore decodes, member by member", "[botocore]") {
  simdjson::dom::parser parser;
  auto doc = parser.load(AWSJSON_TEST_DATA_DIR "/botocore_responses.json");
  simdjson::dom::array cases = doc["cases"].get_array().value();
  REQUIRE(cases.size() >= 100);
  std::size_t compared = 0;
  for (simdjson::dom::element c : cases) {
    std::string_view body = c["body"].get_string().value();
    simdjson::dom::object expected = c["expected"].get_object().value();
    INFO("body: " << body);
    Response r;
    auto err = awsjson::decode_into(body, r);
    INFO(err.to_string());
    REQUIRE(!err);
    boost::mp11::mp_for_each<awsjson::members_of<Response>>([&](auto d) {
      auto const& member = r.*d.pointer;
      simdjson::dom::element e;
      if (expected[d.name].get(e) == simdjson::SUCCESS) {
        compare(member, e, d.name);
        ++compared;
      } else {
        INFO("member " << d.name << " is absent for botocore");
        CHECK(!member.has_value());
      }
    });
  }
  CHECK(compared > 1000);
}
