// Two double lanes: WebAssembly SIMD128 (f64x2) when compiled with -msimd128, otherwise a
// portable pair the compiler may vectorize on its own. The fused kernels (fused_measures.cpp) and
// the vector logarithm (vector_log.hpp) are written once against this interface, so the SIMD and
// scalar WebAssembly builds and the native build come from the same source.
// Masks are all-ones / all-zeros per lane, as SIMD comparisons produce them.
#pragma once

#include <cstdint>
#include <cstring>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

// Natively, the vector logarithm and the kernels' helpers are inlined into the loops even where
// the compiler would rather not (g++ -O3 called log_positive out of line once scan() grew,
// passing the lanes through the stack: three times slower). The WebAssembly builds leave it to
// clang, which inlines the fast paths and keeps the careful ones small.
#if (defined(__GNUC__) || defined(__clang__)) && !defined(__wasm__)
#define DIVERGENCE_LANES_INLINE inline __attribute__((always_inline))
#else
#define DIVERGENCE_LANES_INLINE inline
#endif

namespace divergence::lanes {

#if defined(__wasm_simd128__)

inline constexpr bool kSimd = true;

struct F2 {
  v128_t v;
};
struct I2 {
  v128_t v;
};
struct M2 {
  v128_t v;
};

inline F2 load(const double* p) { return {wasm_v128_load(p)}; }
inline F2 splat(double x) { return {wasm_f64x2_splat(x)}; }
inline double lane(F2 a, int i) { return i == 0 ? wasm_f64x2_extract_lane(a.v, 0) : wasm_f64x2_extract_lane(a.v, 1); }
inline F2 operator+(F2 a, F2 b) { return {wasm_f64x2_add(a.v, b.v)}; }
inline F2 operator-(F2 a, F2 b) { return {wasm_f64x2_sub(a.v, b.v)}; }
inline F2 operator*(F2 a, F2 b) { return {wasm_f64x2_mul(a.v, b.v)}; }
inline F2 operator/(F2 a, F2 b) { return {wasm_f64x2_div(a.v, b.v)}; }
inline F2 abs(F2 a) { return {wasm_f64x2_abs(a.v)}; }
// b < a ? b : a per lane (one instruction; a NaN in b is passed over, as the callers want).
inline F2 pmin(F2 a, F2 b) { return {wasm_f64x2_pmin(a.v, b.v)}; }
inline M2 operator<(F2 a, F2 b) { return {wasm_f64x2_lt(a.v, b.v)}; }
inline M2 operator<=(F2 a, F2 b) { return {wasm_f64x2_le(a.v, b.v)}; }
inline M2 operator>(F2 a, F2 b) { return {wasm_f64x2_gt(a.v, b.v)}; }
inline M2 operator>=(F2 a, F2 b) { return {wasm_f64x2_ge(a.v, b.v)}; }
inline M2 operator==(F2 a, F2 b) { return {wasm_f64x2_eq(a.v, b.v)}; }
inline M2 operator&(M2 a, M2 b) { return {wasm_v128_and(a.v, b.v)}; }
inline M2 operator|(M2 a, M2 b) { return {wasm_v128_or(a.v, b.v)}; }
inline M2 operator~(M2 a) { return {wasm_v128_not(a.v)}; }
inline M2 none() { return {wasm_i64x2_splat(0)}; }
inline bool any(M2 m) { return wasm_v128_any_true(m.v); }
inline bool all(M2 m) { return wasm_i64x2_all_true(m.v); }
// Lanes of a where m is set, of b elsewhere.
inline F2 select(M2 m, F2 a, F2 b) { return {wasm_v128_bitselect(a.v, b.v, m.v)}; }

inline I2 bits(F2 a) { return {a.v}; }
inline F2 from_bits(I2 a) { return {a.v}; }
inline I2 isplat(std::int64_t x) { return {wasm_i64x2_splat(x)}; }
inline I2 operator+(I2 a, I2 b) { return {wasm_i64x2_add(a.v, b.v)}; }
inline I2 operator-(I2 a, I2 b) { return {wasm_i64x2_sub(a.v, b.v)}; }
inline I2 operator&(I2 a, I2 b) { return {wasm_v128_and(a.v, b.v)}; }
inline I2 shift_right_arith(I2 a, int n) { return {wasm_i64x2_shr(a.v, n)}; }
// (double)(a >> 52) for each lane (an arithmetic shift): the high 32-bit halves shifted by 20 as
// i32 lanes, gathered into the low two lanes and converted (cheaper than i64x2.shr_s on x86).
inline F2 top12_as_double(I2 a) {
  const v128_t high = wasm_i32x4_shr(a.v, 20);
  return {wasm_f64x2_convert_low_i32x4(wasm_i32x4_shuffle(high, high, 1, 3, 1, 3))};
}

#else

inline constexpr bool kSimd = false;

struct F2 {
  double v[2];
};
struct I2 {
  std::int64_t v[2];
};
struct M2 {
  std::int64_t v[2];
};

#define DIVERGENCE_LANES_F(op) \
  inline F2 operator op(F2 a, F2 b) { return {{a.v[0] op b.v[0], a.v[1] op b.v[1]}}; }
#define DIVERGENCE_LANES_C(op) \
  inline M2 operator op(F2 a, F2 b) { return {{-std::int64_t(a.v[0] op b.v[0]), -std::int64_t(a.v[1] op b.v[1])}}; }
DIVERGENCE_LANES_F(+)
DIVERGENCE_LANES_F(-)
DIVERGENCE_LANES_F(*)
DIVERGENCE_LANES_F(/)
DIVERGENCE_LANES_C(<)
DIVERGENCE_LANES_C(<=)
DIVERGENCE_LANES_C(>)
DIVERGENCE_LANES_C(>=)
DIVERGENCE_LANES_C(==)
#undef DIVERGENCE_LANES_F
#undef DIVERGENCE_LANES_C

inline F2 load(const double* p) { return {{p[0], p[1]}}; }
inline F2 splat(double x) { return {{x, x}}; }
inline double lane(F2 a, int i) { return a.v[i]; }
inline F2 abs(F2 a) { return {{a.v[0] < 0 ? -a.v[0] : a.v[0], a.v[1] < 0 ? -a.v[1] : a.v[1]}}; }
inline F2 pmin(F2 a, F2 b) { return {{b.v[0] < a.v[0] ? b.v[0] : a.v[0], b.v[1] < a.v[1] ? b.v[1] : a.v[1]}}; }
inline M2 operator&(M2 a, M2 b) { return {{a.v[0] & b.v[0], a.v[1] & b.v[1]}}; }
inline M2 operator|(M2 a, M2 b) { return {{a.v[0] | b.v[0], a.v[1] | b.v[1]}}; }
inline M2 operator~(M2 a) { return {{~a.v[0], ~a.v[1]}}; }
inline M2 none() { return {{0, 0}}; }
inline bool any(M2 m) { return (m.v[0] | m.v[1]) != 0; }
inline bool all(M2 m) { return m.v[0] != 0 && m.v[1] != 0; }
inline F2 select(M2 m, F2 a, F2 b) { return {{m.v[0] ? a.v[0] : b.v[0], m.v[1] ? a.v[1] : b.v[1]}}; }

inline I2 bits(F2 a) {
  I2 r;
  std::memcpy(r.v, a.v, sizeof r.v);
  return r;
}
inline F2 from_bits(I2 a) {
  F2 r;
  std::memcpy(r.v, a.v, sizeof r.v);
  return r;
}
inline I2 isplat(std::int64_t x) { return {{x, x}}; }
inline I2 operator+(I2 a, I2 b) {
  return {{std::int64_t(std::uint64_t(a.v[0]) + std::uint64_t(b.v[0])), std::int64_t(std::uint64_t(a.v[1]) + std::uint64_t(b.v[1]))}};
}
inline I2 operator-(I2 a, I2 b) {
  return {{std::int64_t(std::uint64_t(a.v[0]) - std::uint64_t(b.v[0])), std::int64_t(std::uint64_t(a.v[1]) - std::uint64_t(b.v[1]))}};
}
inline I2 operator&(I2 a, I2 b) { return {{a.v[0] & b.v[0], a.v[1] & b.v[1]}}; }
// Arithmetic shift (implementation-defined before C++20 for negatives; every supported compiler
// shifts arithmetically, and a test checks the logarithm of values below 1).
inline I2 shift_right_arith(I2 a, int n) { return {{a.v[0] >> n, a.v[1] >> n}}; }
inline M2 operator==(I2 a, I2 b) { return {{-std::int64_t(a.v[0] == b.v[0]), -std::int64_t(a.v[1] == b.v[1])}}; }
inline F2 top12_as_double(I2 a) { return {{double(a.v[0] >> 52), double(a.v[1] >> 52)}}; }

#endif

// Lanes holding a finite value (x - x is 0 there, NaN for inf and NaN).
inline M2 finite(F2 a) { return (a - a) == splat(0.0); }

// Neumaier's compensated sum (summation.hpp), one per lane, branch-free.
struct SumLanes {
  F2 sum = splat(0.0);
  F2 comp = splat(0.0);
  DIVERGENCE_LANES_INLINE void add(F2 x) {
    const F2 t = sum + x;
    comp = comp + select(abs(sum) >= abs(x), (sum - t) + x, (x - t) + sum);
    sum = t;
  }
};

}  // namespace divergence::lanes
