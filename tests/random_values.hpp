// Random values of the model types and of the kitchen-sink structure, for property tests.
#pragma once

#include <awsjson/ssm/get_maintenance_window_execution_task_invocation.hpp>

#include <random>

#include "kitchen_sink.hpp"

namespace gen {

using rng_t = std::mt19937_64;

inline bool coin(rng_t& r, double p = 0.5) { return std::uniform_real_distribution<double>(0, 1)(r) < p; }
inline std::int64_t between(rng_t& r, std::int64_t lo, std::int64_t hi) {
  return std::uniform_int_distribution<std::int64_t>(lo, hi)(r);
}

// Valid UTF-8 with the characters that stress a codec: quotes, backslashes, control characters,
// NUL, 2-, 3- and 4-byte sequences.
inline std::string text(rng_t& r, std::size_t max_len = 24) {
  static char const* const pieces[] = {"a",
                                       "Z",
                                       "0",
                                       " ",
                                       "\"",
                                       "\\",
                                       "/",
                                       "\n",
                                       "\t",
                                       "\x01",
                                       "\x1f",
                                       std::string_view("\0", 1).data(),
                                       "\xc3\xa9",
                                       "\xe6\xbc\xa2",
                                       "\xf0\x9f\x98\x80",
                                       "{",
                                       "}",
                                       ":",
                                       ",",
                                       "\x7f"};
  std::string s;
  auto n = std::size_t(between(r, 0, std::int64_t(max_len)));
  for (std::size_t i = 0; i < n; ++i) {
    auto k = std::size_t(between(r, 0, std::size(pieces) - 1));
    if (k == 11)
      s.push_back('\0');
    else
      s += pieces[k];
  }
  return s;
}

inline awsjson::timestamp instant(rng_t& r) {
  return awsjson::timestamp(std::chrono::milliseconds(between(r, -62135596800000, 253402300799999)));
}

template <class E>
awsjson::open_enum<E> open(rng_t& r) {
  auto const& table = awsjson::enum_table<E>;
  if (coin(r, 0.2)) return awsjson::open_enum<E>::from_string("FUTURE_" + std::to_string(between(r, 0, 99)));
  return table[std::size_t(between(r, 0, std::int64_t(table.size()) - 1))].value;
}

template <class T>
std::optional<T> maybe(rng_t& r, T v) {
  return coin(r, 0.8) ? std::optional<T>(std::move(v)) : std::nullopt;
}

inline awsjson::ssm::GetMaintenanceWindowExecutionTaskInvocationResponse response(rng_t& r) {
  using namespace awsjson::ssm;
  GetMaintenanceWindowExecutionTaskInvocationResponse x;
  x.WindowExecutionId = maybe(r, text(r, 36));
  x.TaskExecutionId = maybe(r, text(r, 36));
  x.InvocationId = maybe(r, text(r, 36));
  x.ExecutionId = maybe(r, text(r));
  x.TaskType = maybe(r, open<MaintenanceWindowTaskType>(r));
  x.Parameters = maybe(r, text(r, 200));
  x.Status = maybe(r, open<MaintenanceWindowExecutionStatus>(r));
  x.StatusDetails = maybe(r, text(r));
  x.StartTime = maybe(r, instant(r));
  x.EndTime = maybe(r, instant(r));
  x.OwnerInformation = maybe(r, text(r));
  x.WindowTargetId = maybe(r, text(r));
  return x;
}

inline awsjson::ssm::GetMaintenanceWindowExecutionTaskInvocationRequest request(rng_t& r) {
  return {text(r, 36), text(r, 36), text(r, 36)};
}

inline double finite_double(rng_t& r) {
  switch (between(r, 0, 3)) {
    case 0:
      return double(between(r, -1000000, 1000000));
    case 1:
      return std::uniform_real_distribution<double>(-1e10, 1e10)(r);
    case 2:
      return coin(r) ? std::numeric_limits<double>::infinity() : -std::numeric_limits<double>::infinity();
    default: {
      double d;
      do {
        std::uint64_t bits = r();
        std::memcpy(&d, &bits, sizeof d);
      } while (std::isnan(d));
      return d;
    }
  }
}

inline float finite_float(rng_t& r) {
  float f;
  do {
    std::uint32_t bits = std::uint32_t(r());
    std::memcpy(&f, &bits, sizeof f);
  } while (std::isnan(f));
  return f;
}

inline kitchen::Inner inner(rng_t& r) {
  return {maybe(r, text(r)), maybe(r, std::int32_t(between(r, INT32_MIN, INT32_MAX)))};
}

inline kitchen::Sink sink(rng_t& r, int depth = 0) {
  using namespace kitchen;
  Sink s;
  s.Name = text(r, 8);
  s.String = maybe(r, text(r));
  s.Boolean = maybe(r, coin(r));
  s.Byte = maybe(r, std::int8_t(between(r, -128, 127)));
  s.Short = maybe(r, std::int16_t(between(r, -32768, 32767)));
  s.Integer = maybe(r, std::int32_t(between(r, INT32_MIN, INT32_MAX)));
  s.Long = maybe(r, std::int64_t(r()));
  s.Unsigned = maybe(r, std::uint32_t(r()));
  s.Float = maybe(r, finite_float(r));
  s.Double = maybe(r, finite_double(r));
  s.Plain = maybe(r, Color(between(r, 0, 3)));
  s.Open = maybe(r, open<Color>(r));
  s.Timestamp = maybe(r, instant(r));
  s.Micro = maybe(r, micro_time(std::chrono::microseconds(between(r, -62135596800000000, 253402300799999999))));
  s.Iso = maybe(r, instant(r));
  s.Http = maybe(r, std::chrono::floor<std::chrono::seconds>(instant(r)));  // HTTP dates have whole seconds
  if (coin(r)) {
    awsjson::blob b;
    for (auto n = between(r, 0, 20); n > 0; --n) b.push_back(std::byte(r()));
    s.Blob = b;
  }
  if (coin(r)) {
    s.List.emplace();
    for (auto n = between(r, 0, 5); n > 0; --n) s.List->push_back(text(r));
  }
  if (coin(r)) {
    s.SparseList.emplace();
    for (auto n = between(r, 0, 4); n > 0; --n)
      s.SparseList->push_back(coin(r) ? std::optional(text(r)) : std::nullopt);
  }
  if (coin(r)) {
    s.Map.emplace();
    for (auto n = between(r, 0, 4); n > 0; --n) (*s.Map)[text(r, 6)] = std::int32_t(between(r, -5, 5));
  }
  if (coin(r)) {
    s.StructMap.emplace();
    for (auto n = between(r, 0, 3); n > 0; --n) (*s.StructMap)[text(r, 6)] = inner(r);
  }
  if (coin(r)) {
    s.SparseMap.emplace();
    for (auto n = between(r, 0, 3); n > 0; --n)
      (*s.SparseMap)[text(r, 6)] = coin(r) ? std::optional(text(r)) : std::nullopt;
  }
  s.Nested = maybe(r, inner(r));
  if (coin(r)) {
    s.ListOfLists.emplace();
    for (auto n = between(r, 0, 3); n > 0; --n) {
      s.ListOfLists->emplace_back();
      for (auto m = between(r, 0, 2); m > 0; --m) s.ListOfLists->back().push_back(inner(r));
    }
  }
  s.cpp_name = maybe(r, text(r));
  if (depth < 2 && coin(r, 0.3))
    for (auto n = between(r, 1, 2); n > 0; --n) s.Children.push_back(sink(r, depth + 1));
  s.Secret = maybe(r, text(r));
  return s;
}

inline kitchen::Tree tree(rng_t& r, int depth = 0) {
  kitchen::Tree t;
  t.Name = maybe(r, text(r, 8));
  if (coin(r)) {
    t.SparseList.emplace();
    for (auto n = between(r, 0, 3); n > 0; --n)
      t.SparseList->push_back(coin(r) ? std::optional(text(r)) : std::nullopt);
  }
  if (coin(r)) {
    t.StructMap.emplace();
    for (auto n = between(r, 0, 3); n > 0; --n) (*t.StructMap)[text(r, 6)] = inner(r);
  }
  t.Nested = maybe(r, inner(r));
  if (coin(r)) {
    t.ListOfLists.emplace();
    for (auto n = between(r, 0, 3); n > 0; --n) {
      t.ListOfLists->emplace_back();
      for (auto m = between(r, 0, 2); m > 0; --m) t.ListOfLists->back().push_back(inner(r));
    }
  }
  if (depth < 2 && coin(r, 0.3))
    for (auto n = between(r, 1, 2); n > 0; --n) t.Children.push_back(tree(r, depth + 1));
  return t;
}

}  // namespace gen
