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

/// For the steps of decode's silent walk, which must all land in one function (see decode.hpp).
#if defined(__GNUC__) || defined(__clang__)
#define AWSJSON_ALWAYS_INLINE [[gnu::always_inline]] inline
/// The same for a lambda, written after its parameter list.
#define AWSJSON_LAMBDA_INLINE __attribute__((always_inline))
#else
#define AWSJSON_ALWAYS_INLINE inline
#define AWSJSON_LAMBDA_INLINE
#endif

/// decode's silent walk (decode.hpp): on unless defined to 0, which leaves decoding to the
/// reporting walk alone: slower, and quicker to compile.
#if !defined(AWSJSON_DECODE_FAST_PATH)
#define AWSJSON_DECODE_FAST_PATH 1
#endif
