// Documents (Smithy `document`): awsjson keeps a document as its JSON text. The alternative is a
// tree. This measures both on a 64 KiB document, in one run: decoding a member that holds it
// (awsjson checks the text and copies it; a tree library parses it into nodes), encoding it back,
// finding a value deep inside it, and the bytes each form holds. Boost.JSON's `value` is the tree
// a document type would most likely wrap (simdjson's DOM lives in its parser, one per document).
#include <awsjson/awsjson.hpp>
#include <awsjson/identitystore/shapes/AttributeOperation.hpp>

#include <benchmark/benchmark.h>
#include <boost/json.hpp>

#include <string>

namespace {

// About 64 KiB of the JSON a document carries: objects, arrays, strings, integers, decimals,
// booleans, nulls, and numbers no double holds.
std::string const& document_text() {
  static std::string const text = [] {
    std::string s = "{\"items\":[";
    for (int i = 0; s.size() < 65536 - 200; ++i) {
      if (i) s += ',';
      s += "{\"id\":" + std::to_string(i) + ",\"name\":\"item " + std::to_string(i * 7919 % 1000) +
           " \\u00e9\",\"score\":" + std::to_string(i) +
           ".25,\"big\":123456789012345678901234,\"tags\":[\"a\",\"b\"],"
           "\"nested\":{\"x\":true,\"y\":null}}";
    }
    s += "],\"last\":1e400}";
    return s;
  }();
  return text;
}

std::string const& member_body() {
  static std::string const body = "{\"AttributePath\":\"addresses\",\"AttributeValue\":" + document_text() + "}";
  return body;
}

void report(benchmark::State& state, std::size_t bytes) {
  state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(bytes));
  state.counters["documents/s"] = benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
}

// A memory resource that counts what a tree holds.
struct counting_resource : boost::json::memory_resource {
  std::size_t held = 0;
  void* do_allocate(std::size_t n, std::size_t align) override {
    held += n;
    return ::operator new(n, std::align_val_t(align));
  }
  void do_deallocate(void* p, std::size_t n, std::size_t align) override {
    held -= n;
    ::operator delete(p, std::align_val_t(align));
  }
  bool do_is_equal(memory_resource const& other) const noexcept override { return this == &other; }
};

void text_decode(benchmark::State& state) {
  awsjson::identitystore::AttributeOperation op;
  for (auto _ : state) {
    if (awsjson::decode_into(member_body(), op)) state.SkipWithError("decode failed");
    benchmark::DoNotOptimize(op);
  }
  report(state, member_body().size());
  state.counters["bytes_held"] = double(op.AttributeValue->json().size());
}

void tree_decode(benchmark::State& state) {
  boost::json::value v;
  for (auto _ : state) {
    v = boost::json::parse(member_body());
    benchmark::DoNotOptimize(v);
  }
  report(state, member_body().size());
  counting_resource counter;
  boost::json::value held = boost::json::parse(document_text(), &counter);
  state.counters["bytes_held"] = double(counter.held);
}

void text_encode(benchmark::State& state) {
  awsjson::identitystore::AttributeOperation op;
  (void)awsjson::decode_into(member_body(), op);
  std::string out;
  for (auto _ : state) {
    out.clear();
    if (awsjson::encode_into(out, op)) state.SkipWithError("encode failed");
    benchmark::DoNotOptimize(out);
  }
  report(state, member_body().size());
}

void tree_encode(benchmark::State& state) {
  boost::json::value v = boost::json::parse(member_body());
  std::string out;
  for (auto _ : state) {
    out = boost::json::serialize(v);
    benchmark::DoNotOptimize(out);
  }
  report(state, member_body().size());
}

// items[300].score: navigation a user does on a document.
void text_find(benchmark::State& state) {
  awsjson::identitystore::AttributeOperation op;
  (void)awsjson::decode_into(member_body(), op);
  for (auto _ : state) {
    auto score = op.AttributeValue->find("items")->at(300)->find("score")->number_as<double>();
    benchmark::DoNotOptimize(score);
  }
}

void tree_find(benchmark::State& state) {
  boost::json::value v = boost::json::parse(document_text());
  for (auto _ : state) {
    double score = v.at("items").at(300).at("score").to_number<double>();
    benchmark::DoNotOptimize(score);
  }
}

}  // namespace

BENCHMARK(text_decode)->Name("document 64 KiB: decode, awsjson (text)");
BENCHMARK(tree_decode)->Name("document 64 KiB: decode, Boost.JSON (tree)");
BENCHMARK(text_encode)->Name("document 64 KiB: encode, awsjson (text)");
BENCHMARK(tree_encode)->Name("document 64 KiB: encode, Boost.JSON (tree)");
BENCHMARK(text_find)->Name("document 64 KiB: items[300].score, awsjson (text)");
BENCHMARK(tree_find)->Name("document 64 KiB: items[300].score, Boost.JSON (tree)");
BENCHMARK_MAIN();
