// Compiler attributes used across the library.
#pragma once

/// For functions that run only when something failed: out of line, and laid out away from the
/// hot code.
#if defined(__GNUC__) || defined(__clang__)
#define AWSJSON_COLD [[gnu::cold, gnu::noinline]]
#else
#define AWSJSON_COLD
#endif

/// For code shared by many call sites: one copy, not one per site.
#if defined(__GNUC__) || defined(__clang__)
#define AWSJSON_NOINLINE [[gnu::noinline]]
#else
#define AWSJSON_NOINLINE
#endif

/// For the steps of decode's fast path, which must all land in one function (see fast_decode.hpp).
#if defined(__GNUC__) || defined(__clang__)
#define AWSJSON_ALWAYS_INLINE [[gnu::always_inline]] inline
#else
#define AWSJSON_ALWAYS_INLINE inline
#endif

/// decode's fast path (fast_decode.hpp): on unless defined to 0, which makes decoding take about
/// 1.4-1.5x as long and saves about 0.3 s of compile time per translation unit that decodes.
#if !defined(AWSJSON_DECODE_FAST_PATH)
#define AWSJSON_DECODE_FAST_PATH 1
#endif
