// Structures of more than 64 members: the decoder keeps one bit per member it met, and member i
// must never share its bit with member i - 64 (it did once: a member absent from the second of two
// documents decoded into one object kept its value from the first, and an absent required member
// passed the strict check). Tested on the real generated types that have the most members (Glue's
// CodeGenConfigurationNode, 79; SWF's HistoryEvent, 57), and on made-up ones of 70 and 300 members,
// on every walk: the root unrolled, tables below it, and the reporting walk.
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include <boost/mp11/algorithm.hpp>

#include <awsjson/awsjson.hpp>
#include <awsjson/glue/shapes/CodeGenConfigurationNode.hpp>
#include <awsjson/swf/shapes/HistoryEvent.hpp>

namespace wide_test {

// Members named P0..P9 for a prefix P, then ten such runs: PREFIX00..PREFIX99.
#define WIDE_TEN(M, C, p) \
  M(C, p##0) M(C, p##1) M(C, p##2) M(C, p##3) M(C, p##4) M(C, p##5) M(C, p##6) M(C, p##7) M(C, p##8) M(C, p##9)
#define WIDE_HUNDRED(M, C, p) \
  WIDE_TEN(M, C, p##0)        \
  WIDE_TEN(M, C, p##1)        \
  WIDE_TEN(M, C, p##2)        \
  WIDE_TEN(M, C, p##3)        \
  WIDE_TEN(M, C, p##4)        \
  WIDE_TEN(M, C, p##5) WIDE_TEN(M, C, p##6) WIDE_TEN(M, C, p##7) WIDE_TEN(M, C, p##8) WIDE_TEN(M, C, p##9)
#define WIDE_DECLARE(C, m) std::optional<int> m;
#define WIDE_DESCRIBE(C, m) AWSJSON_DESCRIBE_MEMBER(C, m)

// 300 members a00..c99: more than the 256 the table walk keeps inline.
struct Wide300 {
  WIDE_HUNDRED(WIDE_DECLARE, Wide300, a)
  WIDE_HUNDRED(WIDE_DECLARE, Wide300, b)
  WIDE_HUNDRED(WIDE_DECLARE, Wide300, c)
  friend bool operator==(Wide300 const&, Wide300 const&) = default;
};
AWSJSON_DESCRIBE_STRUCT_BEGIN(Wide300)
WIDE_HUNDRED(WIDE_DESCRIBE, Wide300, a)
WIDE_HUNDRED(WIDE_DESCRIBE, Wide300, b)
WIDE_HUNDRED(WIDE_DESCRIBE, Wide300, c)
AWSJSON_DESCRIBE_STRUCT_END(Wide300)

// 70 members a00..a69; a06 and a66 are required (a66 is member 66, whose bit was once a02's).
struct Wide70 {
  WIDE_TEN(WIDE_DECLARE, Wide70, a0)
  WIDE_TEN(WIDE_DECLARE, Wide70, a1)
  WIDE_TEN(WIDE_DECLARE, Wide70, a2)
  WIDE_TEN(WIDE_DECLARE, Wide70, a3)
  WIDE_TEN(WIDE_DECLARE, Wide70, a4)
  WIDE_TEN(WIDE_DECLARE, Wide70, a5)
  WIDE_TEN(WIDE_DECLARE, Wide70, a6)
  friend bool operator==(Wide70 const&, Wide70 const&) = default;
};
AWSJSON_DESCRIBE_STRUCT_BEGIN(Wide70)
WIDE_TEN(WIDE_DESCRIBE, Wide70, a0)
WIDE_TEN(WIDE_DESCRIBE, Wide70, a1)
WIDE_TEN(WIDE_DESCRIBE, Wide70, a2)
WIDE_TEN(WIDE_DESCRIBE, Wide70, a3)
WIDE_TEN(WIDE_DESCRIBE, Wide70, a4)
WIDE_TEN(WIDE_DESCRIBE, Wide70, a5)
WIDE_TEN(WIDE_DESCRIBE, Wide70, a6)
AWSJSON_DESCRIBE_STRUCT_END(Wide70)
constexpr auto awsjson_shape(Wide70 const*) {
  return awsjson::shape("Wide70", {{.name = "a06", .required = true}, {.name = "a66", .required = true}});
}

// The same structures below a list: the silent walk reads them from their tables there.
struct Holder {
  std::vector<Wide70> narrow;
  std::vector<Wide300> wide;
  std::vector<awsjson::glue::CodeGenConfigurationNode> nodes;
  friend bool operator==(Holder const&, Holder const&) = default;
};
BOOST_DESCRIBE_STRUCT(Holder, (), (narrow, wide, nodes))

#undef WIDE_TEN
#undef WIDE_HUNDRED
#undef WIDE_DECLARE
#undef WIDE_DESCRIBE

}  // namespace wide_test

namespace {

template <class T>
T fresh(std::string const& json) {
  T t;
  REQUIRE_FALSE(awsjson::decode_into(json, t));
  return t;
}

// Decoding `second` into an object that held `first` gives what a fresh decode of `second` gives.
template <class T>
void check_reuse(std::string const& first, std::string const& second) {
  INFO(first << " then " << second);
  T reused;
  REQUIRE_FALSE(awsjson::decode_into(first, reused));
  REQUIRE_FALSE(awsjson::decode_into(second, reused));
  CHECK(reused == fresh<T>(second));
}

std::string key(char prefix, int i) {
  std::string k(1, prefix);
  if (i < 10) k += '0';
  return k + std::to_string(i);
}

awsjson::decode_options strict() {
  awsjson::decode_options o;
  o.strict_required = true;
  return o;
}

}  // namespace

TEST_CASE("Glue's 79-member CodeGenConfigurationNode decodes into a reused object as into a fresh one",
          "[decode][wide]") {
  using awsjson::glue::CodeGenConfigurationNode;
  STATIC_REQUIRE(boost::mp11::mp_size<awsjson::members_of<CodeGenConfigurationNode>>::value == 79);
  // S3CsvSource is member 6, ConnectorDataSource member 70: one bit apart by 64.
  check_reuse<CodeGenConfigurationNode>(R"({"ConnectorDataSource":{}})", R"({"S3CsvSource":{}})");
  check_reuse<CodeGenConfigurationNode>(R"({"S3CsvSource":{}})", R"({"ConnectorDataSource":{}})");
  auto node = fresh<CodeGenConfigurationNode>(R"({"S3CsvSource":{}})");
  CHECK(node.S3CsvSource);
  CHECK_FALSE(node.ConnectorDataSource);
  // The last member and the first, in and out of the model's order.
  check_reuse<CodeGenConfigurationNode>(R"({"AthenaConnectorSource":{},"DynamoDBELTConnectorSource":{}})",
                                        R"({"Spigot":{}})");
  // Below a list, where the silent walk reads the node from its table.
  check_reuse<wide_test::Holder>(R"({"nodes":[{"ConnectorDataSource":{}},{"S3CsvSource":{}}]})",
                                 R"({"nodes":[{"S3CsvSource":{}},{"ConnectorDataSource":{}}]})");
}

TEST_CASE("SWF's 57-member HistoryEvent decodes into a reused object and checks its required members",
          "[decode][wide]") {
  using awsjson::swf::HistoryEvent;
  STATIC_REQUIRE(boost::mp11::mp_size<awsjson::members_of<HistoryEvent>>::value == 57);
  std::string started =
      R"({"eventTimestamp":1.5E9,"eventType":"WorkflowExecutionStarted","eventId":1,)"
      R"("workflowExecutionStartedEventAttributes":{"childPolicy":"TERMINATE","taskList":{"name":"t"},"workflowType":{"name":"w","version":"1"}}})";
  std::string canceled = R"({"eventTimestamp":1.5E9,"eventType":"ActivityTaskCanceled","eventId":2,)"
                         R"("activityTaskCanceledEventAttributes":{"scheduledEventId":1,"startedEventId":1}})";
  check_reuse<HistoryEvent>(started, canceled);
  check_reuse<HistoryEvent>(canceled, started);
  HistoryEvent e;
  auto err =
      awsjson::decode_into(std::string(R"({"eventTimestamp":1.5E9,"eventType":"ActivityTaskCanceled"})"), e, strict());
  REQUIRE(err);
  CHECK(err.to_string().find("/eventId") != std::string::npos);
}

TEST_CASE("structures of 70 and 300 members: every member's own bit, on every walk", "[decode][wide]") {
  using wide_test::Wide300;
  using wide_test::Wide70;
  // Each member, then each member 64 apart from it (and 128, 192, 256), into one object.
  for (int i = 0; i < 70; ++i) {
    for (int j = i % 64; j < 70; j += 64) {
      if (j == i) continue;
      std::string a = "{\"" + key('a', i) + "\":1}", b = "{\"" + key('a', j) + "\":2}";
      check_reuse<Wide70>(a, b);
      check_reuse<wide_test::Holder>(R"({"narrow":[)" + a + "]}", R"({"narrow":[)" + b + "]}");
    }
  }
  for (int i = 0; i < 300; i += 7) {
    for (int j = i % 64; j < 300; j += 64) {
      if (j == i) continue;
      std::string a = "{\"" + key(char('a' + i / 100), i % 100) + "\":1}";
      std::string b = "{\"" + key(char('a' + j / 100), j % 100) + "\":2}";
      check_reuse<Wide300>(a, b);
      // Below a list: the table walk, with the set on the heap past 256 members.
      check_reuse<wide_test::Holder>(R"({"wide":[)" + a + "]}", R"({"wide":[)" + b + "]}");
    }
  }
  // Every member at once, then none.
  std::string all = "{";
  for (int i = 0; i < 300; ++i)
    all += (i ? ",\"" : "\"") + key(char('a' + i / 100), i % 100) + "\":" + std::to_string(i);
  all += "}";
  auto full = fresh<Wide300>(all);
  CHECK(full.c99 == 299);
  CHECK(awsjson::encode(full) == all);
  check_reuse<Wide300>(all, "{}");
  check_reuse<wide_test::Holder>(R"({"wide":[)" + all + "]}", R"({"wide":[{}]})");
}

TEST_CASE("an absent required member of a structure of more than 64 members is reported", "[decode][wide]") {
  using wide_test::Wide70;
  // a06 is present and a66 absent, with and without a02 (whose bit a66 once shared).
  for (std::string doc : {R"({"a06":1,"a02":1})", R"({"a06":1})", R"({"a02":1,"a06":1,"a03":1})"}) {
    INFO(doc);
    Wide70 w;
    auto err = awsjson::decode_into(doc, w, strict());
    REQUIRE(err);
    CHECK(err.to_string().find("/a66") != std::string::npos);
    wide_test::Holder h;
    err = awsjson::decode_into(R"({"narrow":[)" + doc + "]}", h, strict());
    REQUIRE(err);
    CHECK(err.to_string().find("/narrow/0/a66") != std::string::npos);
  }
  Wide70 w;
  CHECK_FALSE(awsjson::decode_into(std::string(R"({"a66":1,"a06":1})"), w, strict()));
  auto err = awsjson::decode_into(std::string(R"({"a66":1,"a02":1})"), w, strict());
  REQUIRE(err);
  CHECK(err.to_string().find("/a06") != std::string::npos);
}
