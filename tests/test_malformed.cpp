// A table of malformed documents: each gives an error with the right path and code, never a crash.
#include <catch2/catch.hpp>

#include <awsjson/awsjson.hpp>
#include <awsjson/ssm/get_maintenance_window_execution_task_invocation.hpp>

using Response = awsjson::ssm::GetMaintenanceWindowExecutionTaskInvocationResponse;
using awsjson::errc;

namespace {
struct malformed {
  std::string json;
  std::string path;
  errc code;
  std::string message_part;  // a piece of the message that must be there
};

std::vector<malformed> const& table() {
  static std::vector<malformed> const rows = {
      // empty, whitespace, wrong top level
      {"", "", errc::empty_input, "empty input"},
      {"   \n\t ", "", errc::empty_input, "empty input"},
      {"[]", "", errc::type_mismatch, "expected an object, found an array"},
      {"[1,2]", "", errc::type_mismatch, "expected an object, found an array"},
      {"5", "", errc::type_mismatch, "found 5"},
      {"\"str\"", "", errc::type_mismatch, "found \"str\""},
      {"null", "", errc::type_mismatch, "found null"},
      {"true", "", errc::type_mismatch, "found true"},
      // truncated
      {"{", "", errc::invalid_json, "malformed JSON"},
      {R"({"Status")", "", errc::invalid_json, "malformed JSON"},
      {R"({"Status":)", "/Status", errc::invalid_json, "malformed JSON"},
      {R"({"Status":"SUCC)", "", errc::invalid_json, "malformed JSON"},
      {R"({"Status":"SUCCESS")", "", errc::invalid_json, "malformed JSON"},
      {R"({"Status":"SUCCESS",)", "", errc::invalid_json, "malformed JSON"},
      {R"({"StartTime":17)", "", errc::invalid_json, "malformed JSON"},
      {R"({"X":[1,2)", "/X", errc::invalid_json, "malformed JSON"},
      // wrong types
      {R"({"WindowExecutionId":5})", "/WindowExecutionId", errc::type_mismatch, "expected a string, found 5"},
      {R"({"TaskExecutionId":true})", "/TaskExecutionId", errc::type_mismatch, "expected a string, found true"},
      {R"({"InvocationId":{}})", "/InvocationId", errc::type_mismatch, "expected a string, found an object"},
      {R"({"ExecutionId":[]})", "/ExecutionId", errc::type_mismatch, "expected a string, found an array"},
      {R"({"TaskType":1})", "/TaskType", errc::type_mismatch, "expected a string, found 1"},
      {R"({"Status":false})", "/Status", errc::type_mismatch, "expected a string, found false"},
      {R"({"StatusDetails":1.5})", "/StatusDetails", errc::type_mismatch, "expected a string, found 1.5"},
      {R"({"StartTime":true})", "/StartTime", errc::type_mismatch,
       "expected a timestamp (number or string), found true"},
      {R"({"EndTime":{}})", "/EndTime", errc::type_mismatch, "found an object"},
      {R"({"EndTime":[1]})", "/EndTime", errc::type_mismatch, "found an array"},
      {R"({"WindowTargetId":{"a":1}})", "/WindowTargetId", errc::type_mismatch, "found an object"},
      {R"({"Parameters":42})", "/Parameters", errc::type_mismatch, "expected a string, found a number"},
      {R"({"OwnerInformation":"x","OwnerInformation":7})", "/OwnerInformation", errc::type_mismatch, "found a number"},
      // bad numbers and timestamps
      {R"({"StartTime":1e400})", "/StartTime", errc::out_of_range, "out of range"},
      {R"({"StartTime":1e20})", "/StartTime", errc::out_of_range, "out of range"},
      {R"({"StartTime":01})", "/StartTime", errc::invalid_value, "not a number"},
      {R"({"StartTime":1.})", "/StartTime", errc::invalid_value, "not a number"},
      {R"({"StartTime":-})", "/StartTime", errc::invalid_value, "not a number"},
      {R"({"StartTime":1515531081ABC})", "/StartTime", errc::invalid_value, "not a number"},
      {R"({"StartTime":"garbage"})", "/StartTime", errc::invalid_value, "not a timestamp"},
      {R"({"StartTime":"2023-02-29T00:00:00Z"})", "/StartTime", errc::invalid_value, "no such calendar date"},
      {R"({"StartTime":"2023-01-01T25:00:00Z"})", "/StartTime", errc::invalid_value, "time of day out of range"},
      {R"({"StartTime":"2023-01-01T00:00:00"})", "/StartTime", errc::invalid_value, "missing time zone"},
      {R"({"StartTime":"Sun, 02 Jan 2000 20:34:56.5 GMT"})", "/StartTime", errc::invalid_value, "fractional seconds"},
      {R"({"StartTime":"Mon, 02 Jan 2000 20:34:56 GMT"})", "/StartTime", errc::invalid_value, "weekday"},
      {R"({"EndTime":""})", "/EndTime", errc::invalid_value, "not a timestamp"},
      // bad literals and strings
      {R"({"Status":tru})", "/Status", errc::type_mismatch, "found tru"},
      {R"({"Unknown":tru})", "/Unknown", errc::invalid_json, "expected true, false or null, found tru"},
      {R"({"Unknown":nul})", "/Unknown", errc::invalid_json, "found nul"},
      {R"({"Unknown":[1,2,01]})", "/Unknown/2", errc::invalid_json, "malformed number"},
      {R"({"Unknown":{"a":{"b":"\x"}}})", "/Unknown/a/b", errc::invalid_json, "invalid escape"},
      // an unknown member's value is checked as text: every grammar error, with its path inside
      {R"({"Unknown":[1,]})", "/Unknown/1", errc::invalid_json, "expected a value, found ]"},
      {R"({"Unknown":[1 2]})", "/Unknown", errc::invalid_json, "expected ',' or ']' in an array"},
      {R"({"Unknown":{"a":1,}})", "/Unknown", errc::invalid_json, "expected a member name"},
      {R"({"Unknown":{1:2}})", "/Unknown", errc::invalid_json, "expected a member name"},
      {R"({"Unknown":[{"a":[true,nul]}]})", "/Unknown/0/a/1", errc::invalid_json, "found nul"},
      {R"({"Unknown":{"k\"q":{"b":"\ud800"}}})", "/Unknown/k\"q/b", errc::invalid_json, "unpaired"},
      {R"({"Unknown":-})", "/Unknown", errc::invalid_json, "malformed number: -"},
      {R"({"Status":"\q"})", "/Status", errc::invalid_json, "invalid escape"},
      {R"({"WindowExecutionId":"\u12"})", "/WindowExecutionId", errc::invalid_json, "4 hex digits"},
      {R"({"WindowExecutionId":"\ud800"})", "/WindowExecutionId", errc::invalid_json, "unpaired UTF-16 surrogate"},
      {R"({"WindowExecutionId":"\udc00\ud800"})", "/WindowExecutionId", errc::invalid_json, "unpaired"},
      {R"({"WindowExecutionId":"\ud800\u0041"})", "/WindowExecutionId", errc::invalid_json, "unpaired"},
      {"{\"WindowExecutionId\":\"\xff\xfe\"}", "", errc::invalid_json, "UTF-8"},
      {"{\"WindowExecutionId\":\"\xc0\xaf\"}", "", errc::invalid_json, "UTF-8"},
      {"{\"WindowExecutionId\":\"\xed\xa0\x80\"}", "", errc::invalid_json, "UTF-8"},
      {"{\"WindowExecutionId\":\"a\x01z\"}", "", errc::invalid_json, "malformed JSON"},
      // structure
      {R"({"Status" "SUCCESS"})", "", errc::invalid_json, "malformed JSON"},
      {R"({"Status":"SUCCESS",})", "", errc::invalid_json, "malformed JSON"},
      {R"({Status:"SUCCESS"})", "", errc::invalid_json, "malformed JSON"},
      {R"({'Status':'SUCCESS'})", "", errc::invalid_json, "malformed JSON"},
      {R"({"X":[1,2,]})", "/X/2", errc::invalid_json, "malformed"},
      // trailing content
      {R"({"Status":"SUCCESS"} x)", "", errc::trailing_content, "unexpected content after the JSON document"},
      {R"({} {})", "", errc::trailing_content, "after the JSON document"},
      {R"({}])", "", errc::trailing_content, "after the JSON document"},
  };
  return rows;
}
}  // namespace

TEST_CASE("malformed documents give a clear error with the JSON path", "[malformed]") {
  REQUIRE(table().size() >= 40);
  for (auto const& row : table()) {
    Response r;
    auto err = awsjson::decode_into(row.json, r);
    INFO("input: " << row.json << "\nerror: " << err.to_string());
    REQUIRE(err);
    CHECK(err.path == row.path);
    CHECK(err.code == row.code);
    CHECK(err.message.find(row.message_part) != std::string::npos);
  }
}

TEST_CASE("every prefix of a valid document is rejected or decodes to a consistent value", "[malformed][truncated]") {
  std::string doc =
      R"({"WindowExecutionId":"2b9b6e3a-4c1d-4e5f-8a9b-0c1d2e3f4a5b","TaskType":"RUN_COMMAND","Parameters":"{\"a\":\"\\u00e9\"}","StartTime":1700000000.123,"Status":"SUCCESS","Extra":[1,{"x":null}]})";
  for (std::size_t n = 0; n < doc.size(); ++n) {
    Response r;
    auto err = awsjson::decode_into(std::string_view(doc).substr(0, n), r);
    INFO(doc.substr(0, n));
    CHECK(err);  // no proper prefix of an object is a complete document
  }
  Response full;
  CHECK(!awsjson::decode_into(doc, full));
}
