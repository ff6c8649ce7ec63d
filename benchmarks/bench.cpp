// awsjson decode and encode benchmarks, side by side with C++ peers in one run.
//
//   awsjson_bench                      the full table (Google Benchmark; its flags work too)
//   awsjson_bench --ci                 a short pass; exits 1 if awsjson falls below 0.9x the
//                                      hand-written decoder on typical, or allocates in steady state
//   awsjson_bench --instructions IMPL INPUT N   decode N times between callgrind start/stop marks
//                                      (benchmarks/instructions.sh runs it under valgrind)
//   awsjson_bench --walk-instructions WALK INPUT N   the same for the other table walks over the
//                                      decoded documents: encode, print, validate, reset
//
// Every implementation produces the same typed response, and all of them are checked to agree,
// member by member, on every input before any figure is printed.
#include <benchmark/benchmark.h>
#include <valgrind/callgrind.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <new>
#include <sstream>

#include <awsjson/awsjson.hpp>

#include "peers/boost_json.hpp"
#include "peers/cjson_awssdk.hpp"
#include "peers/floor.hpp"
#include "peers/handwritten.hpp"
#include "peers/nlohmann.hpp"
#include "peers/rapidjson.hpp"
#include "peers/simdjson_dom.hpp"

// ---- heap allocations, counted by replacing the global operator new ----
static std::size_t g_allocations = 0;
void* operator new(std::size_t n) {
  ++g_allocations;
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n) { return ::operator new(n); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

namespace {

using bench::Response;
using padded = simdjson::padded_string;

struct input {
  std::string name;
  std::vector<padded> docs;
  std::size_t bytes = 0;
};

std::vector<input> load_inputs() {
  std::vector<input> inputs;
  for (char const* name : {"typical", "minimal", "large", "batch"}) {
    input in{name, {}, 0};
    std::ifstream f(std::string(AWSJSON_BENCH_DATA) + "/" + name + (std::string(name) == "batch" ? ".jsonl" : ".json"));
    std::string line;
    while (std::getline(f, line))
      if (!line.empty()) {
        in.bytes += line.size();
        in.docs.emplace_back(line);
      }
    if (in.docs.empty()) {
      std::cerr << "missing benchmark input " << name << "\n";
      std::exit(2);
    }
    inputs.push_back(std::move(in));
  }
  return inputs;
}

// ---- the implementations: each decodes one document into a Response ----
struct impl {
  char const* name;
  bool (*decode)(padded const&, Response&);
};

bool awsjson_fresh(padded const& d, Response& out) {
  Response r;
  if (awsjson::decode_into(simdjson::padded_string_view(d), r)) return false;
  out = std::move(r);
  return true;
}
bool awsjson_reused(padded const& d, Response& out) {
  return !awsjson::decode_into(simdjson::padded_string_view(d), out);
}
bool handwritten_fresh(padded const& d, Response& out) {
  Response r;
  if (!bench::handwritten::decode(simdjson::padded_string_view(d), r)) return false;
  out = std::move(r);
  return true;
}
bool handwritten_reused(padded const& d, Response& out) {
  return bench::handwritten::decode(simdjson::padded_string_view(d), out);
}
bool dom(padded const& d, Response& out) { return bench::simdjson_dom::decode(simdjson::padded_string_view(d), out); }
bool boostjson(padded const& d, Response& out) { return bench::boost_json::decode(std::string_view(d), out); }
bool nlohmann(padded const& d, Response& out) { return bench::nlohmann_json::decode(std::string_view(d), out); }
bool rapid(padded const& d, Response& out) { return bench::rapid::decode(d.data(), d.size(), out); }
bool cjson(padded const& d, Response& out) { return bench::cjson_awssdk::decode(d.data(), d.size(), out); }
bool no_copy_floor(padded const& d, Response&) {
  static std::size_t sink;
  bool ok = bench::floor::walk(simdjson::padded_string_view(d), sink);
  benchmark::DoNotOptimize(sink);
  return ok;
}

bool iterate_only(padded const& d, Response&) { return bench::floor::iterate_only(simdjson::padded_string_view(d)); }

std::vector<impl> const& impls() {
  static std::vector<impl> const all = {
      {"awsjson (fresh object)", awsjson_fresh},
      {"awsjson (reused object)", awsjson_reused},
      {"hand-written on-demand (fresh)", handwritten_fresh},
      {"hand-written on-demand (reused)", handwritten_reused},
      {"no-copy floor", no_copy_floor},
      {"simdjson iterate only", iterate_only},
      {"simdjson DOM", dom},
      {"Boost.JSON value_to", boostjson},
      {"nlohmann::json", nlohmann},
      {"RapidJSON", rapid},
      {"cJSON (aws-sdk-cpp pattern)", cjson},
  };
  return all;
}

// The rows that decode nothing: they are not checked for agreement, nor counted for allocations.
bool is_floor(impl const& i) {
  return std::string_view(i.name) == "no-copy floor" || std::string_view(i.name) == "simdjson iterate only";
}
bool is_boost(impl const& i) { return std::string_view(i.name) == "Boost.JSON value_to"; }

// ---- verification: every implementation agrees with awsjson on every document ----
// Boost.JSON's described-class conversion rejects a document that omits a member; that is the
// one expected failure (its row says n/a).
std::map<std::pair<std::string, std::string>, bool> g_unsupported;

bool verify(std::vector<input> const& inputs) {
  bool ok = true;
  for (auto const& in : inputs)
    for (auto const& im : impls()) {
      if (is_floor(im)) continue;
      for (auto const& d : in.docs) {
        Response expected, actual;
        if (!awsjson_reused(d, expected)) {
          std::cerr << "awsjson failed on " << in.name << "\n";
          return false;
        }
        if (!im.decode(d, actual)) {
          if (is_boost(im) && in.name == "minimal") {
            g_unsupported[{in.name, im.name}] = true;
            break;
          }
          std::cerr << im.name << " failed to decode " << in.name << "\n";
          ok = false;
          break;
        }
        if (!(actual == expected)) {
          std::cerr << im.name << " disagrees with awsjson on " << in.name << ":\n  " << awsjson::to_string(actual)
                    << "\n  " << awsjson::to_string(expected) << "\n";
          ok = false;
          break;
        }
      }
    }
  return ok;
}

// The hand-written decoder, beyond the benchmark inputs: what its techniques must still get
// right (escapes of every kind, \u and surrogate pairs, members out of order or unknown,
// exponent and negative timestamps, enum values this build lacks).
bool verify_handwritten_edges() {
  static char const* const docs[] = {
      R"({"Status":"FAILED","WindowExecutionId":"a\u00e9\u20ac\ud83d\ude00\"\\\/\b\f\n\r\t-z","StartTime":1.7e9})",
      R"({"Unknown":{"a":[1,{"b":"\"x\""}]},"TaskType":"NEW_KIND","Parameters":"\\\\\"\"\\u0041","EndTime":-1.5})",
      R"({"OwnerInformation":"0123456789abcdef0123456789abcdef\u0000","StartTime":1700000000,"More":[]})",
      R"({"WindowTargetId":"t","WindowExecutionId":"w","Status":"SKIPPED_OVERLAPPING","EndTime":1.7000000001E9})",
  };
  for (char const* text : docs) {
    padded d{std::string_view(text)};
    Response expected, actual;
    if (!awsjson_reused(d, expected) || !handwritten_reused(d, actual) || !(actual == expected)) {
      std::cerr << "the hand-written decoder disagrees with awsjson on " << text << ":\n  "
                << awsjson::to_string(actual) << "\n  " << awsjson::to_string(expected) << "\n";
      return false;
    }
  }
  return true;
}

// ---- timing ----
struct figure {
  double ns_per_doc = 0;
  double mb_per_s = 0;
  double docs_per_s = 0;
  double allocs_per_doc = -1;
};
std::map<std::pair<std::string, std::string>, figure> g_figures;  // (input, impl) -> figure

void run_decode(benchmark::State& state, input const* in, impl const* im) {
  Response out;
  auto decode = im->decode;
  for (auto _ : state) {
    for (auto const& d : in->docs) {
      bool ok = decode(d, out);
      benchmark::DoNotOptimize(ok);
    }
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(std::int64_t(state.iterations() * in->bytes));
  state.SetItemsProcessed(std::int64_t(state.iterations() * in->docs.size()));
}

double allocations_per_doc(input const& in, impl const& im) {
  Response out;
  for (auto const& d : in.docs) im.decode(d, out);  // warm: steady state reuses what it can
  std::size_t before = g_allocations;
  std::size_t rounds = in.docs.size() > 100 ? 1 : 100;
  for (std::size_t k = 0; k < rounds; ++k)
    for (auto const& d : in.docs) im.decode(d, out);
  return double(g_allocations - before) / double(rounds * in.docs.size());
}

// Collects the median of each benchmark as the console reporter prints it.
class collector : public benchmark::ConsoleReporter {
 public:
  std::map<std::string, double> median_ns;  // benchmark name -> ns per iteration
  void ReportRuns(std::vector<Run> const& runs) override {
    for (auto const& r : runs)
      if (r.run_type == Run::RT_Aggregate && r.aggregate_name == "median")
        median_ns[r.run_name.function_name] = r.GetAdjustedRealTime();
    ConsoleReporter::ReportRuns(runs);
  }
};

std::string fmt(double v, int decimals = 0) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

void print_table(std::ostream& os, std::vector<input> const& inputs) {
  os << "\n## Decode (median of repetitions; ratio = hand-written reused time / this time, higher is faster)\n\n";
  for (auto const& in : inputs) {
    auto hw = g_figures[{in.name, "hand-written on-demand (reused)"}].ns_per_doc;
    os << "### " << in.name << " (" << in.docs.size() << (in.docs.size() == 1 ? " document, " : " documents, ")
       << in.bytes / in.docs.size() << " bytes each)\n\n";
    os << "| implementation | ns/doc | MB/s | docs/s | allocs/doc | vs hand-written |\n|---|--:|--:|--:|--:|--:|\n";
    for (auto const& im : impls()) {
      if (g_unsupported.count({in.name, im.name})) {
        os << "| " << im.name << " | n/a | | | | rejects a document that omits members |\n";
        continue;
      }
      auto const& f = g_figures[{in.name, im.name}];
      os << "| " << im.name << " | " << fmt(f.ns_per_doc) << " | " << fmt(f.mb_per_s) << " | " << fmt(f.docs_per_s)
         << " | " << (f.allocs_per_doc < 0 ? "-" : fmt(f.allocs_per_doc, 1)) << " | " << fmt(hw / f.ns_per_doc, 2)
         << "x |\n";
    }
    // What each decoder adds to what simdjson spends before the first member.
    double it = g_figures[{in.name, "simdjson iterate only"}].ns_per_doc;
    double fl = g_figures[{in.name, "no-copy floor"}].ns_per_doc;
    double own = g_figures[{in.name, "awsjson (reused object)"}].ns_per_doc;
    if (it > 0 && fl > 0 && own > 0)
      os << "\nawsjson (reused) is " << fmt(own / fl, 2) << "x the no-copy floor; past simdjson's iterate (" << fmt(it)
         << " ns): awsjson " << fmt(own - it) << " ns, the floor " << fmt(fl - it) << " ns, hand-written "
         << fmt(hw - it) << " ns.\n";
    os << "\n";
  }
}

// ---- encoding ----
std::map<std::string, double> g_encode_ns;

void print_encode_table(std::ostream& os) {
  os << "## Encode (median; ratio = that implementation's time / awsjson's time, higher means awsjson is faster)\n\n";
  os << "| value | implementation | ns | awsjson speed-up |\n|---|---|--:|--:|\n";
  for (char const* what : {"response", "request"}) {
    double ours = g_encode_ns[std::string("encode/") + what + "/awsjson"];
    for (char const* who : {"awsjson", "Boost.JSON serialize(value_from)", "nlohmann dump"}) {
      double t = g_encode_ns[std::string("encode/") + what + "/" + who];
      os << "| " << what << " | " << who << " | " << fmt(t) << " | " << fmt(t / ours, 2) << "x |\n";
    }
  }
  os << "\n";
}

template <class T>
void register_encode(char const* what, T const& value, int repetitions, double min_time) {
  std::string base = std::string("encode/") + what + "/";
  auto tune = [&](benchmark::internal::Benchmark* b) {
    b->Repetitions(repetitions)->ReportAggregatesOnly(true)->MinTime(min_time);
  };
  tune(benchmark::RegisterBenchmark((base + "awsjson").c_str(), [value](benchmark::State& s) {
    std::string out;
    for (auto _ : s) {
      out.clear();
      auto err = awsjson::encode_into(out, value);
      benchmark::DoNotOptimize(err);
      benchmark::DoNotOptimize(out.data());
    }
  }));
  tune(benchmark::RegisterBenchmark((base + "Boost.JSON serialize(value_from)").c_str(), [value](benchmark::State& s) {
    for (auto _ : s) {
      auto out = bench::boost_json::encode(value);
      benchmark::DoNotOptimize(out.data());
    }
  }));
  tune(benchmark::RegisterBenchmark((base + "nlohmann dump").c_str(), [value](benchmark::State& s) {
    for (auto _ : s) {
      auto out = bench::nlohmann_json::encode(value);
      benchmark::DoNotOptimize(out.data());
    }
  }));
}

template <class T>
bool verify_encoders(T const& value) {
  for (auto const& json :
       {awsjson::encode(value), bench::boost_json::encode(value), bench::nlohmann_json::encode(value)}) {
    T back;
    if (awsjson::decode_into(json, back) || !(back == value)) {
      std::cerr << "an encoder's output does not decode back to the value: " << json << "\n";
      return false;
    }
  }
  return true;
}

int instructions_mode(std::vector<input> const& inputs, std::string const& impl_name, std::string const& input_name,
                      long count) {
  for (auto const& in : inputs)
    if (in.name == input_name)
      for (auto const& im : impls())
        if (im.name == impl_name) {
          Response out;
          for (auto const& d : in.docs) im.decode(d, out);  // warm up outside the measured region
          CALLGRIND_START_INSTRUMENTATION;
          for (long k = 0; k < count; ++k)
            for (auto const& d : in.docs) im.decode(d, out);
          CALLGRIND_STOP_INSTRUMENTATION;
          std::cout << in.docs.size() * std::size_t(count) << " documents\n";
          return 0;
        }
  std::cerr << "unknown implementation or input\n";
  return 2;
}

/// The other walks over a structure's table, each over the decoded documents: what their
/// instruction counts say when the tables change. `reset` copies the value back in first.
int walk_instructions_mode(std::vector<input> const& inputs, std::string const& walk, std::string const& input_name,
                           long count) {
  for (auto const& in : inputs) {
    if (in.name != input_name) continue;
    std::vector<Response> values(in.docs.size());
    for (std::size_t i = 0; i < in.docs.size(); ++i)
      if (awsjson::decode_into(in.docs[i], values[i])) return 2;
    std::string out;
    Response scratch;
    std::size_t sink = 0;
    auto once = [&](Response const& x) {
      if (walk == "encode") {
        if (!awsjson::encode_into(out, x)) sink += out.size();
      } else if (walk == "print") {
        sink += awsjson::to_string(x).size();
      } else if (walk == "validate") {
        sink += awsjson::validate(x).size();
      } else {
        scratch = x;
        awsjson::reset_value(scratch);
      }
    };
    if (walk != "encode" && walk != "print" && walk != "validate" && walk != "reset") break;
    for (auto const& x : values) once(x);
    CALLGRIND_START_INSTRUMENTATION;
    for (long k = 0; k < count; ++k)
      for (auto const& x : values) once(x);
    CALLGRIND_STOP_INSTRUMENTATION;
    benchmark::DoNotOptimize(sink);
    std::cout << values.size() * std::size_t(count) << " documents\n";
    return 0;
  }
  std::cerr << "unknown walk or input\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  auto inputs = load_inputs();
  std::vector<char*> args(argv, argv + argc);
  bool ci = false;
  for (std::size_t i = 1; i < args.size(); ++i) {
    std::string a = args[i];
    if (a == "--instructions" && i + 3 < args.size())
      return instructions_mode(inputs, args[i + 1], args[i + 2], std::atol(args[i + 3]));
    if (a == "--walk-instructions" && i + 3 < args.size())
      return walk_instructions_mode(inputs, args[i + 1], args[i + 2], std::atol(args[i + 3]));
    if (a == "--list-impls") {
      for (auto const& im : impls()) std::cout << im.name << "\n";
      return 0;
    }
    if (a == "--ci") {
      ci = true;
      args.erase(args.begin() + std::ptrdiff_t(i));
      --i;
    }
  }

  if (!verify(inputs) || !verify_handwritten_edges()) return 1;
  auto typical = awsjson::decode<Response>(std::string(inputs[0].docs[0]));
  bench::Request request{*typical.WindowExecutionId, *typical.TaskExecutionId, *typical.InvocationId};
  if (!verify_encoders(typical) || !verify_encoders(request)) return 1;
  std::cout << "verified: every implementation agrees with awsjson on every document, member by member\n";

  int repetitions = ci ? 5 : 9;
  double min_time = ci ? 0.02 : 0.2;
  for (auto const& in : inputs)
    for (auto const& im : impls()) {
      if (g_unsupported.count({in.name, im.name})) continue;
      auto* b = benchmark::RegisterBenchmark(("decode/" + in.name + "/" + im.name).c_str(), run_decode, &in, &im);
      b->Repetitions(repetitions)->ReportAggregatesOnly(true)->MinTime(in.name == "batch" ? min_time * 5 : min_time);
    }
  register_encode("response", typical, repetitions, min_time);
  register_encode("request", request, repetitions, min_time);
  // Repetitions of all the benchmarks run in a random order: on a shared machine whose speed
  // drifts, every implementation then samples the same moments, and the ratios stay fair.
  std::string interleave = "--benchmark_enable_random_interleaving=true";
  if (std::none_of(args.begin() + 1, args.end(),
                   [](char* a) { return std::string_view(a).find("random_interleaving") != std::string_view::npos; }))
    args.insert(args.begin() + 1, interleave.data());
  int bargc = int(args.size());
  benchmark::Initialize(&bargc, args.data());
  collector rep;
  benchmark::RunSpecifiedBenchmarks(&rep);

  for (auto const& in : inputs)
    for (auto const& im : impls()) {
      auto it = rep.median_ns.find("decode/" + in.name + "/" + im.name);
      if (it == rep.median_ns.end()) continue;
      figure f;
      f.ns_per_doc = it->second / double(in.docs.size());
      f.docs_per_s = 1e9 / f.ns_per_doc;
      f.mb_per_s = f.docs_per_s * double(in.bytes) / double(in.docs.size()) / 1e6;
      f.allocs_per_doc = is_floor(im) ? -1 : allocations_per_doc(in, im);
      g_figures[{in.name, im.name}] = f;
    }
  for (auto const& [name, ns] : rep.median_ns)
    if (name.rfind("encode/", 0) == 0) g_encode_ns[name] = ns;
  if (g_figures.empty()) return 0;  // a --benchmark_filter that left out the decoders

  std::ostringstream table;
  print_table(table, inputs);
  print_encode_table(table);
  std::cout << table.str();
  if (char const* out = std::getenv("AWSJSON_BENCH_TABLE")) std::ofstream(out) << table.str();

  if (ci) {
    int failures = 0;
    auto ratio = g_figures[{"typical", "hand-written on-demand (reused)"}].ns_per_doc /
                 g_figures[{"typical", "awsjson (reused object)"}].ns_per_doc;
    std::cout << "gate: awsjson (reused) on typical is " << fmt(ratio, 2)
              << "x the hand-written decoder (needs >= 0.90)\n";
    if (ratio < 0.9) ++failures;
    for (auto const& in : inputs) {
      double a = g_figures[{in.name, "awsjson (reused object)"}].allocs_per_doc;
      std::cout << "gate: awsjson (reused) allocates " << fmt(a, 2) << " times per document on " << in.name
                << " (needs 0)\n";
      if (a != 0) ++failures;
    }
    return failures ? 1 : 0;
  }
  return 0;
}
