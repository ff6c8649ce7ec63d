// decode runs one walker twice over (decode.hpp): silently first, then, when that says no, with a
// context that names the problem. These tests pin down which documents the silent walk takes (it
// must take every well-formed document it unrolls, or it is dead weight, and say no to every one
// with a problem, or an error would pass unreported) and that decoding's answer is the same
// whichever walk gave it.
#include <awsjson/awsjson.hpp>
#include <catch2/catch.hpp>

#include <string>

#include "kitchen_sink.hpp"
#include "random_values.hpp"

namespace {

using Response = awsjson::ssm::GetMaintenanceWindowExecutionTaskInvocationResponse;
using awsjson::decode_options;

template <class T>
std::string as_json(T const& x) {
  std::string s;
  if (auto err = awsjson::encode_into(s, x)) return "unencodable: " + err.message;
  return s;
}

// Whether the silent walk alone decodes `doc` (into `out`).
template <class T>
bool silent(std::string_view doc, T& out, decode_options const& o = {}) {
  thread_local simdjson::ondemand::parser parser;
  std::string scratch;
  simdjson::padded_string padded(doc);
  return awsjson::detail::silent_decode(parser, padded, out, o, scratch);
}
template <class T>
bool silent(std::string_view doc, decode_options const& o = {}) {
  T out{};
  return silent(doc, out, o);
}

struct with_codec {
  std::string Id;
};

}  // namespace

template <>
struct awsjson::codec<with_codec> {
  static bool decode(simdjson::ondemand::value& v, with_codec& out, awsjson::decode_context& ctx) {
    std::string_view s;
    if (v.get_string().get(s)) return ctx.fail(awsjson::errc::type_mismatch, "expected a string");
    out.Id = s;
    return true;
  }
};

namespace {
struct HoldsCodec {
  std::optional<with_codec> Custom;
};
BOOST_DESCRIBE_STRUCT(HoldsCodec, (), (Custom))
}  // namespace

TEST_CASE("the silent walk takes every well-formed document and no document with a problem", "[decode][walk]") {
  struct row {
    char const* doc;
    bool ok;  // well-formed for the response: the silent walk takes it, and decode_into accepts it
  };
  row const rows[] = {
      {R"({"WindowExecutionId":"w","Status":"SUCCESS","StartTime":1700000000.5})", true},
      {R"({"Parameters":"{\"a\":\"\\\"x\\\"\"}","TaskType":"RUN_COMMAND","EndTime":"2023-04-27T17:56:37.463Z"})", true},
      {R"({"Status":"SOMETHING_NEW","StatusDetails":"caf\u00e9"})", true},
      {R"({})", true},
      {" \n{ \"StatusDetails\" : \"x\" } \n", true},
      {R"({"NewMember":"x","NewNumber":-1.5e3,"NewFlag":true,"NewNull":null,"Status":"FAILED"})", true},
      // every rule, on the silent walk too
      {R"({"NewObject":{"a":[1,{"b":null}],"c":{}},"NewList":[],"Status":"FAILED"})", true},  // unknown of any type
      {R"({"Stat\u0075s":"FAILED"})", true},                                                  // a key with escapes
      {R"({"Status":null,"StartTime":null})", true},                                          // null as absent
      {R"({"EndTime":1,"StartTime":2,"Status":"FAILED","TaskType":"LAMBDA"})", true},         // out of order
      {R"({"Status":"FAILED","Status":"SUCCESS"})", true},                                    // duplicates
      // problems: the silent walk says no, the reporting walk names them
      {R"({"NewObject":{"a":01}})", false},
      {R"({"NewObject":{"a" 1}})", false},
      {R"({"NewList":[1,]})", false},
      {R"({"NewString":"\x"})", false},
      {R"({"Stat\u00":"FAILED"})", false},
      {R"({"StartTime":true})", false},
      {R"({"Status":"SUCCESS"} {})", false},
      {R"({"Status":"SUCCESS")", false},
      {R"({"NewNumber":01})", false},
      {R"([])", false},
      {R"("x")", false},
      {"", false},
  };
  for (auto const& r : rows) {
    INFO(r.doc);
    Response s{}, d{};
    CHECK(silent(r.doc, s) == r.ok);
    awsjson::error err = awsjson::decode_into(r.doc, d);
    INFO(err.to_string());
    CHECK(!err == r.ok);
    if (r.ok) CHECK(as_json(s) == as_json(d));
  }
  Response escaped;
  REQUIRE(silent(R"({"Stat\u0075s":"FAILED","WindowExecutionId":"w"})", escaped));
  CHECK(escaped.Status == awsjson::ssm::MaintenanceWindowExecutionStatus::FAILED);
  CHECK(escaped.WindowExecutionId == "w");

  // Options, on both walks alike.
  decode_options reject;
  reject.reject_unknown_members = true;
  CHECK_FALSE(silent<Response>(R"({"NewMember":1})", reject));
  CHECK(silent<Response>(R"({"Status":"FAILED"})", reject));
  decode_options any_case;
  any_case.case_insensitive_keys = true;
  Response lower;
  CHECK(silent(R"({"status":"FAILED"})", lower, any_case));
  CHECK(lower.Status == awsjson::ssm::MaintenanceWindowExecutionStatus::FAILED);
  decode_options strict;
  strict.strict_required = true;
  CHECK_FALSE(silent<awsjson::ssm::GetMaintenanceWindowExecutionTaskInvocationRequest>(R"({"TaskId":"t"})", strict));
  decode_options shallow;
  shallow.max_depth = 2;
  CHECK(silent<Response>(R"({"New":[1]})", shallow));
  CHECK_FALSE(silent<Response>(R"({"New":[[1]]})", shallow));
  CHECK(awsjson::decode_into(R"({"New":[[1]]})", lower, shallow).to_string() == "/New/0: nesting deeper than 2 levels");

  // A custom codec receives simdjson's value itself: where the silent walk unrolls its type, the
  // reporting walk alone decodes it (read from tables, the silent walk gives up on it as it goes).
  static_assert(awsjson::detail::silent_walkable<HoldsCodec>() == (awsjson::detail::silent_inline_budget == 0));
  static_assert(awsjson::detail::silent_walkable<Response>());
  static_assert(awsjson::detail::silent_walkable<kitchen::Sink>());  // recursive: unrolled to a depth
  HoldsCodec h;
  CHECK_FALSE(awsjson::decode_into(R"({"Custom":"abc"})", h));
  CHECK(h.Custom->Id == "abc");
}

TEST_CASE(
    "the silent walk unrolls nesting as deep as its budget allows, and walks deeper levels in functions "
    "of their own",
    "[decode][walk]") {
  using awsjson::detail::silent_inline_budget;
  using awsjson::detail::silent_levels;
  using awsjson::detail::silent_max_nesting;
  using awsjson::detail::silent_root_levels;
  // The budget (16 by default) counts inlined member and element decoders: the flat 13-member
  // response gets every level, the small Tree one below its root, the 27-member recursive Sink
  // none (its root's members only). A budget of 0 unrolls nothing, the root included.
  constexpr bool default_budget = silent_inline_budget == 16;
  static_assert(!default_budget || silent_levels<Response> == silent_max_nesting);
  static_assert(!default_budget || silent_levels<kitchen::Tree> == 1);
  static_assert(!default_budget || silent_levels<kitchen::Sink> == 0);
  static_assert(silent_inline_budget != 0 ||
                (silent_root_levels<Response> == 0 && silent_root_levels<kitchen::Sink> == 0));
  std::string tree = R"({"Name":"n","Children":[]})", sink = tree;
  for (int depth = 1; depth <= 6; ++depth) {
    tree = R"({"Name":"n","Children":[)" + tree + "]}";
    sink = R"({"Name":"n","Children":[)" + sink + "]}";
    INFO(depth);
    // Below the unrolled levels, tables and silent_nested take over: the document is still walked once.
    CHECK(silent<kitchen::Tree>(tree));
    CHECK(silent<kitchen::Sink>(sink));
    kitchen::Tree t;
    kitchen::Sink s;
    CHECK_FALSE(awsjson::decode_into(tree, t));
    CHECK_FALSE(awsjson::decode_into(sink, s));
    CHECK(as_json(t) == tree);
  }
  // The root's members unrolled, and what lies below them walked silently too.
  CHECK(silent<kitchen::Sink>(R"({"Name":"n","List":["a"],"Map":{"k":1},"Nested":{"Value":"v"},"Children":[]})"));
  CHECK(silent<kitchen::Sink>(R"({"Name":"n","StructMap":{"k":{"Value":"v"}}})"));
  CHECK(silent<kitchen::Tree>(R"({"StructMap":{"k":{"Value":"v"}},"ListOfLists":[[{"Count":1}],[]]})"));
}

TEST_CASE("the silent walk takes generated documents, decoding gives the same values whichever walk ran",
          "[decode][walk][property]") {
  gen::rng_t rng(20261201);
  std::size_t responses = 0, sinks = 0, trees = 0;
  constexpr int n = 500;
  for (int i = 0; i < n; ++i) {
    Response r = gen::response(rng);
    kitchen::Sink s = gen::sink(rng);
    kitchen::Tree t = gen::tree(rng);
    std::string rj = as_json(r), sj = as_json(s), tj = as_json(t);
    Response r2;
    kitchen::Sink s2;
    kitchen::Tree t2;
    responses += silent(rj, r2);
    sinks += silent(sj, s2);
    trees += silent(tj, t2);
    // Into fresh objects (strings are then constructed from the document, not grown into).
    Response r4;
    kitchen::Sink s4;
    kitchen::Tree t4;
    REQUIRE_FALSE(awsjson::decode_into(rj, r4));
    REQUIRE_FALSE(awsjson::decode_into(sj, s4));
    REQUIRE_FALSE(awsjson::decode_into(tj, t4));
    CHECK(as_json(r4) == rj);
    CHECK(as_json(s4) == sj);
    CHECK(as_json(t4) == tj);
    // Into objects that hold another value: decoding reuses their storage.
    Response r3 = gen::response(rng);
    kitchen::Sink s3 = gen::sink(rng);
    kitchen::Tree t3 = gen::tree(rng);
    REQUIRE_FALSE(awsjson::decode_into(rj, r3));
    REQUIRE_FALSE(awsjson::decode_into(sj, s3));
    REQUIRE_FALSE(awsjson::decode_into(tj, t3));
    CHECK(as_json(r3) == rj);
    CHECK(as_json(s3) == sj);
    CHECK(as_json(t3) == tj);
  }
  // Every generated response is plain; sinks and trees nest at random, some beyond the unrolling.
  INFO(sinks << " sinks and " << trees << " trees taken by the silent walk, of " << n);
  CHECK(responses == n);
  CHECK(sinks > n / 10);
  CHECK(trees > n / 2);
}

namespace {
// Keys of every length the table walk compares differently: under a word with its quote (1 to 7
// bytes), a word exactly, a word and a bit, and past half of simdjson's padding (measured first).
struct KeyLengths {
  std::optional<std::string> A;
  std::optional<std::string> Seven77;
  std::optional<std::string> Eight888;
  std::optional<std::string> NineChars;
  std::optional<std::string> SixteenCharsKey1;
  std::optional<std::string> AKeyLongerThanHalfOfSimdjsonsPaddingOf64;
  std::optional<std::int32_t> Count;
  friend bool operator==(KeyLengths const&, KeyLengths const&) = default;
};
BOOST_DESCRIBE_STRUCT(KeyLengths, (),
                      (A, Seven77, Eight888, NineChars, SixteenCharsKey1, AKeyLongerThanHalfOfSimdjsonsPaddingOf64,
                       Count))

// The table walk alone (either context), as decode runs it below the levels it unrolls.
template <class T>
bool table_silent(std::string_view doc, T& out, decode_options const& o = {}) {
  thread_local simdjson::ondemand::parser parser;
  std::string scratch;
  simdjson::padded_string padded(doc);
  awsjson::detail::silent_context ctx{o, scratch};
  return awsjson::detail::walk_document<0>(parser, padded, out, ctx);
}
template <class T>
awsjson::error table_reported(std::string_view doc, T& out, decode_options const& o = {}) {
  simdjson::padded_string padded(doc);
  return awsjson::detail::reported_decode(padded, out, o);
}
}  // namespace

TEST_CASE("a structure read from its table matches keys of every length, in any order, and no near miss",
          "[decode][walk][table]") {
  KeyLengths want;
  want.A = "a";
  want.Seven77 = "7";
  want.Eight888 = "8";
  want.NineChars = "9";
  want.SixteenCharsKey1 = "16";
  want.AKeyLongerThanHalfOfSimdjsonsPaddingOf64 = "long";
  want.Count = 3;
  std::string in_order = as_json(want);
  std::string reversed =
      R"({"Count":3,"AKeyLongerThanHalfOfSimdjsonsPaddingOf64":"long","SixteenCharsKey1":"16","NineChars":"9",)"
      R"("Eight888":"8","Seven77":"7","A":"a"})";
  std::string escaped = R"({"\u0041":"a","Seven\u00377":"7","Eight888":"8","NineChars":"9","SixteenCharsKey1":"16",)"
                        R"("AKeyLongerThanHalfOfSimdjsonsPaddingOf64":"long","Count":3})";
  for (std::string const& doc : {in_order, reversed, escaped}) {
    INFO(doc);
    KeyLengths silent_out, reported_out;
    CHECK(table_silent(doc, silent_out));
    CHECK(silent_out == want);
    CHECK_FALSE(table_reported(doc, reported_out));
    CHECK(reported_out == want);
  }
  // Keys that share a prefix (or a first word) with a member, or extend one, are unknown members.
  std::string near = R"({"AA":"x","Seven7":"x","Eight8888":"x","NineCharz":"x","SixteenCharsKey2":"x",)"
                     R"("AKeyLongerThanHalfOfSimdjsonsPaddingOf6":"x","AKeyLongerThanHalfOfSimdjsonsPaddingOf64x":"x",)"
                     R"("Coun":1,"Counts":1,"":1})";
  KeyLengths none;
  none.A = "stale";  // members the document lacks are reset, as by decode
  CHECK(table_silent(near, none));
  CHECK(none == KeyLengths{});
  decode_options strict;
  strict.reject_unknown_members = true;
  KeyLengths s;
  CHECK_FALSE(table_silent(near, s, strict));
  CHECK(table_reported(near, s, strict).to_string() == "/AA: unknown member");
  // A string the table walk does not store itself (escapes, null, another type) goes to the
  // member's decoder, with the usual rules.
  KeyLengths e;
  CHECK(table_silent(R"({"A":"a\"b","Seven77":null,"Count":null})", e));
  CHECK(e.A == "a\"b");
  CHECK_FALSE(e.Seven77);
  CHECK(table_reported(R"({"A":1})", e).to_string() == "/A: expected a string, found 1");
  CHECK(table_reported(R"({"NineChars":"x","Count":"3"})", e).to_string() ==
        "/Count: expected a 32-bit integer, found \"3\"");
}
