// decode has two paths (detail/fast_decode.hpp): a fast one that takes well-formed documents of
// the usual kinds and gives up on anything else, and the general one. These tests hold them to
// one contract: whatever the fast path accepts, the general path accepts too, with an equal value;
// whatever the general path rejects, the fast path gives up on. And the fast path must take the
// documents it exists for, or it is dead weight.
#include <awsjson/awsjson.hpp>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>

#include "generators.hpp"
#include "kitchen_sink.hpp"

namespace {

using Response = awsjson::ssm::GetMaintenanceWindowExecutionTaskInvocationResponse;
using awsjson::decode_options;

// Values compared as their JSON (NaN is unequal to itself; its encoding is not).
template <class T>
std::string as_json(T const& x) {
  std::string s;
  if (auto err = awsjson::encode_into(s, x)) return "unencodable: " + err.message;
  return s;
}

template <class T>
bool fast_decode(std::string_view doc, T& out, decode_options const& o) {
  thread_local simdjson::ondemand::parser parser;
  std::string scratch;
  simdjson::padded_string padded(doc);
  return awsjson::detail::fast_decode(parser, padded, out, o, scratch);
}

// Checks the contract on one document, into fresh objects and into objects that already hold a
// value (decoding reuses storage). Returns whether the fast path took the document.
template <class T>
bool paths_agree(std::string_view doc, decode_options const& o = {}, T const& previous = T{}) {
  if (doc.starts_with("\xEF\xBB\xBF")) doc.remove_prefix(3);  // decode_into's business, not the paths'
  simdjson::padded_string padded(doc);
  T general{};
  awsjson::error err = awsjson::detail::decode_general(padded, general, o);
  T fast{};
  bool took = fast_decode(doc, fast, o);
  T reused = previous;
  bool took_reused = fast_decode(doc, reused, o);
  INFO("document: " << doc);
  INFO("general path: " << (err ? err.to_string() : "ok"));
  CHECK(took == took_reused);
  if (took) {
    CHECK_FALSE(err);
    CHECK(as_json(fast) == as_json(general));
    CHECK(as_json(reused) == as_json(general));
  }
  if (err) CHECK_FALSE(took);
  // And the public entry point gives the general path's answer, whichever path ran.
  T pub = previous;
  awsjson::error perr = awsjson::decode_into(padded, pub, o);
  CHECK(perr.code == err.code);
  CHECK(perr.path == err.path);
  if (!err) CHECK(as_json(pub) == as_json(general));
  return took;
}

std::vector<std::string> corpus(std::string const& name) {
  std::vector<std::string> docs;
  for (auto const& e : std::filesystem::directory_iterator(AWSJSON_TEST_DATA_DIR "/../fuzz/corpus/" + name)) {
    std::ifstream f(e.path(), std::ios::binary);
    docs.emplace_back(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
  }
  return docs;
}

std::vector<decode_options> option_sets() {
  std::vector<decode_options> v(5);
  v[1].strict_required = true;
  v[2].reject_unknown_members = true;
  v[3].case_insensitive_keys = true;
  v[4].max_depth = 2;
  return v;
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

TEST_CASE("fast path: takes the usual documents, gives up on the rest", "[decode][fast]") {
  struct row {
    char const* doc;
    bool fast;
  };
  row const rows[] = {
      {R"({"WindowExecutionId":"w","Status":"SUCCESS","StartTime":1700000000.5})", true},
      {R"({"Parameters":"{\"a\":\"\\\"x\\\"\"}","TaskType":"RUN_COMMAND","EndTime":"2023-04-27T17:56:37.463Z"})", true},
      {R"({"Status":"SOMETHING_NEW","StatusDetails":"caf\u00e9"})", true},
      {R"({})", true},
      {" \n{ \"StatusDetails\" : \"x\" } \n", true},
      {R"({"NewMember":"x","NewNumber":-1.5e3,"NewFlag":true,"NewNull":null,"Status":"FAILED"})", true},
      // given up on, and left to the general path (which accepts or names the problem)
      {R"({"NewObject":{"a":1}})", false},
      {R"({"NewList":[1]})", false},
      {R"({"Stat\u0075s":"FAILED"})", false},
      {R"({"Status":null})", false},
      {R"({"StartTime":true})", false},
      {R"({"Status":"SUCCESS"} {})", false},
      {R"({"Status":"SUCCESS")", false},
      {R"({"NewNumber":01})", false},
      {R"({"NewString":"\x"})", false},
      {R"([])", false},
      {R"("x")", false},
      {"", false},
  };
  for (auto const& r : rows) {
    INFO(r.doc);
    CHECK(paths_agree<Response>(r.doc) == r.fast);
  }
  // Options that need the general path's handling of unknown keys.
  decode_options reject;
  reject.reject_unknown_members = true;
  CHECK_FALSE(paths_agree<Response>(R"({"NewMember":1})", reject));
  CHECK(paths_agree<Response>(R"({"Status":"FAILED"})", reject));
  decode_options strict;
  strict.strict_required = true;
  CHECK_FALSE(
      paths_agree<awsjson::ssm::GetMaintenanceWindowExecutionTaskInvocationRequest>(R"({"TaskId":"t"})", strict));

  // A custom codec receives simdjson's value itself: its types always take the general path.
  static_assert(!awsjson::detail::fast_decodable<HoldsCodec>());
  static_assert(awsjson::detail::fast_decodable<Response>());
  static_assert(awsjson::detail::fast_decodable<kitchen::Sink>());  // recursive: unrolled to a depth
  HoldsCodec h;
  CHECK_FALSE(awsjson::decode_into(R"({"Custom":"abc"})", h));
  CHECK(h.Custom->Id == "abc");
}

TEST_CASE("fast path: nesting is unrolled as deep as its budget allows, deeper documents go the general way",
          "[decode][fast]") {
  using awsjson::detail::fast_levels;
  using awsjson::detail::fast_max_nesting;
  // The budget counts inlined member and element decoders: the flat response and the small Tree
  // get every level, the 27-member recursive Sink only one below its root.
  static_assert(fast_levels<Response> == fast_max_nesting);
  static_assert(fast_levels<kitchen::Tree> == fast_max_nesting);
  static_assert(fast_levels<kitchen::Sink> == 1);
  std::string tree = R"({"Name":"n"})", sink = tree;
  int took_at = -1;
  for (int depth = 1; depth <= 6; ++depth) {
    tree = R"({"Name":"n","Children":[)" + tree + "]}";
    sink = R"({"Name":"n","Children":[)" + sink + "]}";
    // A child's members sit two levels below its parent's: the list, then the structure.
    bool took = paths_agree<kitchen::Tree>(tree);
    if (took) took_at = depth;
    CHECK(took == (2 * depth <= fast_levels<kitchen::Tree>));
    CHECK(paths_agree<kitchen::Sink>(sink) == (2 * depth <= fast_levels<kitchen::Sink>));
  }
  CHECK(took_at >= 1);
  // What one level leaves: scalars, lists and maps of scalars, a structure of scalars.
  CHECK(paths_agree<kitchen::Sink>(R"({"Name":"n","List":["a"],"Map":{"k":1},"Nested":{"Value":"v"},"Children":[]})"));
  CHECK_FALSE(paths_agree<kitchen::Sink>(R"({"Name":"n","StructMap":{"k":{"Value":"v"}}})"));
  CHECK(paths_agree<kitchen::Tree>(R"({"StructMap":{"k":{"Value":"v"}},"ListOfLists":[[{"Count":1}],[]]})"));
  decode_options shallow;
  shallow.max_depth = 2;
  CHECK_FALSE(paths_agree<kitchen::Tree>(R"({"Name":"n","Children":[{"Name":"m"}]})", shallow));
  CHECK(paths_agree<kitchen::Tree>(R"({"Name":"n","Nested":{"Value":"v"}})", shallow));
}

TEST_CASE("fast path: agrees with the general path on every fuzz corpus document, under every option",
          "[decode][fast]") {
  std::size_t took = 0, total = 0;
  for (auto const& o : option_sets()) {
    for (auto const& doc : corpus("response")) took += paths_agree<Response>(doc, o), ++total;
    for (auto const& doc : corpus("every_shape")) {
      took += paths_agree<kitchen::Sink>(doc, o), ++total;
      took += paths_agree<kitchen::Tree>(doc, o), ++total;
    }
  }
  INFO(took << " of " << total << " taken by the fast path");
  CHECK(total > 100);
  CHECK(took > 0);
}

TEST_CASE("fast path: generated documents, and every kind of damage to them", "[decode][fast][property]") {
  gen::rng_t rng(20261129);
  auto damage = [&](std::string s) {
    static constexpr std::string_view bytes = "\"\\{}[],:0-.eEnulltrfaX \x01\xC3\xFF";
    if (s.empty()) return s;
    auto at = std::size_t(gen::between(rng, 0, std::int64_t(s.size()) - 1));
    switch (gen::between(rng, 0, 4)) {
      case 0:
        s.erase(at, 1);
        break;
      case 1:
        s.insert(at, 1, bytes[std::size_t(gen::between(rng, 0, bytes.size() - 1))]);
        break;
      case 2:
        s[at] = bytes[std::size_t(gen::between(rng, 0, bytes.size() - 1))];
        break;
      case 3:
        s.resize(at);
        break;
      default:
        s.insert(at, s.substr(at, std::size_t(gen::between(rng, 1, 8))));
    }
    return s;
  };
  std::size_t responses_taken = 0, sinks_taken = 0, trees_taken = 0;
  constexpr int n = 1000;
  Response previous_response = gen::response(rng);
  kitchen::Sink previous_sink = gen::sink(rng);
  kitchen::Tree previous_tree = gen::tree(rng);
  for (int i = 0; i < n; ++i) {
    std::string r = as_json(gen::response(rng));
    responses_taken += paths_agree<Response>(r, {}, previous_response);
    std::string s = as_json(gen::sink(rng));
    sinks_taken += paths_agree<kitchen::Sink>(s, {}, previous_sink);
    std::string t = as_json(gen::tree(rng));
    trees_taken += paths_agree<kitchen::Tree>(t, {}, previous_tree);
    for (int k = 0; k < 4; ++k) {
      paths_agree<Response>(damage(r), {}, previous_response);
      paths_agree<kitchen::Sink>(damage(s), {}, previous_sink);
      paths_agree<kitchen::Tree>(damage(t), {}, previous_tree);
    }
  }
  // Every generated response is plain; sinks and trees nest at random, some beyond the unrolling.
  INFO(sinks_taken << " sinks and " << trees_taken << " trees taken by the fast path, of " << n);
  CHECK(responses_taken == n);
  CHECK(sinks_taken > n / 10);
  CHECK(trees_taken > n / 2);
}
