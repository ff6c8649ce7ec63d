// Decoding from many threads at once: each thread has its own parser and buffers, so 16 threads
// decoding different documents get exactly what one thread gets. Run under ThreadSanitizer in CI.
#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include "random_values.hpp"

using Response = awsjson::ssm::GetMaintenanceWindowExecutionTaskInvocationResponse;

TEST_CASE("16 threads decode, encode, validate and print different documents at once", "[concurrency]") {
  constexpr int threads = 16, per_thread = 300;
  std::vector<std::vector<Response>> values(threads);
  std::vector<std::vector<std::string>> docs(threads);
  gen::rng_t rng(7);
  for (int t = 0; t < threads; ++t)
    for (int i = 0; i < per_thread; ++i) {
      values[t].push_back(gen::response(rng));
      docs[t].push_back(awsjson::encode(values[t].back()));
    }
  std::atomic<int> failures{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      while (!go.load()) std::this_thread::yield();
      Response reused;
      for (int round = 0; round < 3; ++round)
        for (int i = 0; i < per_thread; ++i) {
          auto const& doc = docs[t][std::size_t((i + t * 7 + round) % per_thread)];
          auto const& expected = values[t][std::size_t((i + t * 7 + round) % per_thread)];
          if (awsjson::decode_into(doc, reused) || !(reused == expected)) ++failures;
          if (awsjson::encode(reused) != doc) ++failures;
          (void)awsjson::validate(reused);
          if (awsjson::to_string(reused).empty()) ++failures;
          Response bad;
          if (!awsjson::decode_into(R"({"StartTime":"soon"})", bad)) ++failures;  // errors are per thread too
        }
    });
  go = true;
  for (auto& th : pool) th.join();
  CHECK(failures.load() == 0);
}
