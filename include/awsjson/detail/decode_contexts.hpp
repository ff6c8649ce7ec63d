// The two contexts a decode walk runs with (awsjson/decode.hpp): the silent one, whose reports
// compile to nothing, and decode_context, which names the problem and its JSON path.
#pragma once

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "../api/decode.hpp"
#include "../decode_context.hpp"
#include "../type_traits.hpp"
#include "ascii.hpp"
#include "check_json.hpp"
#include "config.hpp"
#include "decimal.hpp"
#include "json_string.hpp"
#include "member_offset.hpp"
#include "member_set.hpp"
#include "raw_name.hpp"
#include "raw_values.hpp"

namespace awsjson::detail {

namespace od = simdjson::ondemand;

// ---- The two contexts ---------------------------------------------------------------------------

/// The silent walk's context: decode_context's interface with nothing to report into. Every
/// report is an inline no-op that returns false, so the compiler removes it, and with it any use
/// of simdjson's value that would keep the iterator in memory.
struct silent_context {
  decode_options const& options;
  std::string& scratch;
  unsigned depth = 0;
  bool sensitive = false;

  AWSJSON_ALWAYS_INLINE static bool fail(errc, std::string_view) noexcept { return false; }
  AWSJSON_ALWAYS_INLINE static bool fail(errc, std::initializer_list<std::string_view>) noexcept { return false; }
  AWSJSON_ALWAYS_INLINE static bool mismatch(od::value&, std::string_view, errc = errc::type_mismatch) noexcept {
    return false;
  }
  AWSJSON_ALWAYS_INLINE static bool mismatch_because(od::value&, std::string_view, errc, char const*) noexcept {
    return false;
  }
  AWSJSON_ALWAYS_INLINE static bool json_error(simdjson::error_code) noexcept { return false; }
  AWSJSON_ALWAYS_INLINE static bool too_deep() noexcept { return false; }
  AWSJSON_ALWAYS_INLINE static std::string_view describe_token(std::string_view) noexcept { return {}; }
  AWSJSON_ALWAYS_INLINE static void prepend_path(std::string_view) noexcept {}
  AWSJSON_ALWAYS_INLINE static void prepend_path(std::size_t) noexcept {}
  AWSJSON_ALWAYS_INLINE static void prepend_document_key(std::string_view) noexcept {}
};

/// Whether a walk with this context reports (the other one only says yes or no).
template <class Ctx>
inline constexpr bool reports = std::is_same_v<Ctx, decode_context>;

/// `Left`, in the walker: how many more levels of structures, lists and maps the silent walk
/// unrolls into the function it is in (below them, silent_nested: a function per type); the
/// reporting walk has no such limit.
inline constexpr int unbounded_levels = -1;
constexpr int below(int left) noexcept { return left < 0 ? left : left - 1; }

/// prepend_unescaped_key (check_json.hpp) for the walk that reports; nothing for the silent one.
template <class Ctx>
AWSJSON_ALWAYS_INLINE void prepend_raw_key(Ctx& ctx, [[maybe_unused]] char const* raw) {
  if constexpr (reports<Ctx>) prepend_unescaped_key(ctx, raw);
}

/// The walk's entry for any value, and the silent walk's function per nested type: declared here,
/// defined by awsjson/decode.hpp (the walks of structures, lists and maps recurse through them).
template <int Left, class Ctx, class T>
AWSJSON_ALWAYS_INLINE bool walk_value(od::value& v, T& out, Ctx& ctx);

template <class T>
AWSJSON_NOINLINE bool silent_nested(od::value& v, T& out, silent_context& ctx);

}  // namespace awsjson::detail
