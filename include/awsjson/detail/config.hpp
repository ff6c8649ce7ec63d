// Compiler attributes used across the library.
#pragma once

// Compilers: g++ (12 and later) and clang (14 and later), the ones awsjson is built and tested
// with. It uses their extensions unconditionally (unsigned __int128 and __builtin_mul_overflow for
// exact decimals, __PRETTY_FUNCTION__ for enum and type names, gnu:: attributes), so another
// compiler is told so here rather than failing somewhere inside.
#if !defined(__GNUC__)
#error "awsjson needs g++ or clang: it uses their extensions (__int128, __builtin_mul_overflow, __PRETTY_FUNCTION__)"
#endif

/// For functions that run only when something failed: out of line, and laid out away from the
/// hot code.
#define AWSJSON_COLD [[gnu::cold, gnu::noinline]]

/// For code shared by many call sites: one copy, not one per site.
#define AWSJSON_NOINLINE [[gnu::noinline]]

/// For the steps of decode's silent walk, which must all land in one function (see decode.hpp).
/// Forced only when the optimizer runs (its only use): at -O0, forced inlining merely gives one
/// frame the locals of every step below it (82 KB of stack per nesting level of a large model),
/// and costs compile time. Define AWSJSON_ALWAYS_INLINE (and AWSJSON_LAMBDA_INLINE) before
/// including awsjson to choose otherwise.
#if !defined(AWSJSON_ALWAYS_INLINE)
#if defined(__OPTIMIZE__)
#define AWSJSON_ALWAYS_INLINE [[gnu::always_inline]] inline
/// The same for a lambda, written after its parameter list.
#define AWSJSON_LAMBDA_INLINE __attribute__((always_inline))
#else
#define AWSJSON_ALWAYS_INLINE inline
#endif
#endif
#if !defined(AWSJSON_LAMBDA_INLINE)
#define AWSJSON_LAMBDA_INLINE
#endif

/// decode's silent walk (decode.hpp): on unless defined to 0, which leaves decoding to the
/// reporting walk alone: slower, and quicker to compile. AWSJSON_DECODE_FAST_PATH, its former
/// name, is still read.
#if !defined(AWSJSON_DECODE_SILENT_WALK)
#if defined(AWSJSON_DECODE_FAST_PATH)
#define AWSJSON_DECODE_SILENT_WALK AWSJSON_DECODE_FAST_PATH
#else
#define AWSJSON_DECODE_SILENT_WALK 1
#endif
#endif

/// How many member and element decoders decode's silent walk inlines for one root type before it
/// reads structures from their tables (decode.hpp): 0 reads every structure from its table, the
/// root's too (the least code); more unrolls the levels nearest the root (the quickest decoding).
#if !defined(AWSJSON_DECODE_INLINE_BUDGET)
#define AWSJSON_DECODE_INLINE_BUDGET 16
#endif
