// Natural logarithm on two lanes at once, for the fused kernels (no libm call, so the loop
// vectorizes under WebAssembly SIMD128).
//
// Method (the classic reduction of fdlibm's e_log.c, Sun Microsystems 1993, written anew here):
// x = 2^k z with z in [sqrt(2)/2, sqrt(2)), found by integer arithmetic on the bits (the offset
// trick keeps k and z in one subtraction); with f = z - 1 and s = f/(2 + f),
//   ln(1 + f) = 2 atanh(s) = f - f^2/2 + s (f^2/2 + R(s^2)),
// R(w) = w Q(w) with Q a degree-7 polynomial fitted to the atanh series (atanh_tail below), and
// ln x = k ln2_hi + (ln(1 + f) + k ln2_lo) with ln 2 split so that k ln2_hi is exact.
// Subnormal x is scaled by 2^52 first. Measured error: at most 2 ulp against std::log over the
// whole positive double range (tests/cpp/test_vector_log.cpp for the native build,
// tests/js/builds.test.js for both WebAssembly builds).
#pragma once

#include <cfloat>
#include <cstdint>

#include "lanes.hpp"

namespace divergence::lanes {

// R(w) = w Q(w) such that 2 atanh(s) = 2s + s R(s^2) for |s| <= 0.2006 (both reductions below).
// Q is a degree-7 Chebyshev fit (close to minimax) of (2 atanh(s) - 2s)/s^3 over w = s^2 in
// [0, 0.2006^2], computed by scripts/fit-atanh-tail.py (mpmath): with these rounded coefficients
// the relative error of 2s + s R(s^2) is below 2^-60, where the atanh series needs 11 terms for
// the same on |s| <= 0.1716. Estrin's scheme: short dependency chains, so consecutive elements
// overlap in the pipeline.
DIVERGENCE_LANES_INLINE F2 atanh_tail(F2 w) {
  const F2 w2 = w * w;
  const F2 w4 = w2 * w2;
  const F2 a0 = splat(0x1.5555555555555p-1) + w * splat(0x1.9999999999f54p-2);
  const F2 a1 = splat(0x1.24924923d7af6p-2) + w * splat(0x1.c71c72e81dc3ep-3);
  const F2 a2 = splat(0x1.745ca993cf2bcp-3) + w * splat(0x1.3b2a3b8cfd3cdp-3);
  const F2 a3 = splat(0x1.0e8419306c06cp-3) + w * splat(0x1.16db6f133bb5dp-3);
  return w * ((a0 + w2 * a1) + w4 * (a2 + w2 * a3));
}

constexpr double kLn2Hi = 0x1.62e42feep-1;        // ln 2 to 32 bits: k * kLn2Hi is exact
constexpr double kLn2Lo = 0x1.a39ef35793c76p-33;  // ln 2 - kLn2Hi
constexpr std::int64_t kSqrtHalfBits = 0x3fe6a09e667f3bcdLL;  // sqrt(2)/2
constexpr std::int64_t kExponentMask = static_cast<std::int64_t>(0xfff0000000000000ULL);

// ln(x) for lanes holding positive finite doubles (subnormals included unless kNormalOnly, when
// every lane must hold a normal double). Where `near_one` is given, lanes with x in
// [sqrt(2)/2, sqrt(2)) take *near_one as f = x - 1 instead of computing it: callers pass a more
// accurate x - 1 (e.g. (a - b)/b for x = a/b), which keeps ln(a/b) accurate to a few ulp when a
// and b are close.
template <bool kNormalOnly = false>
DIVERGENCE_LANES_INLINE F2 log_positive(F2 x, const F2* near_one = nullptr) {
  M2 subnormal = none();
  if (!kNormalOnly) {
    subnormal = x < splat(DBL_MIN);
    x = select(subnormal, x * splat(0x1p52), x);
  }
  const I2 ix = bits(x);
  const I2 tmp = ix - isplat(kSqrtHalfBits);
  const I2 iz = ix - (tmp & isplat(kExponentMask));
  const F2 z = from_bits(iz);
  const F2 k = top12_as_double(tmp);  // the binary exponent of x relative to z
  const F2 kd = kNormalOnly ? k : k + select(subnormal, splat(-52.0), splat(0.0));
  F2 f = z - splat(1.0);
  if (near_one != nullptr) f = select(k == splat(0.0), *near_one, f);
  const F2 s = f / (splat(2.0) + f);
  const F2 r = atanh_tail(s * s);
  const F2 hfsq = splat(0.5) * f * f;
  return kd * splat(kLn2Hi) - ((hfsq - (s * (hfsq + r) + kd * splat(kLn2Lo))) - f);
}

// ln(x/y) for lanes with x in [2 DBL_MIN, DBL_MAX / 4] and y in [DBL_MIN, DBL_MAX], with one
// division and no quotient x/y (which could over- or underflow). The difference of the bit
// patterns, d = bits(x) - bits(y), is 2^52 (log2(x/y) + e) with |e| <= 0.0861 (the largest gap
// between log2(1 + f) and f on [0, 1)), so k = floor(d / 2^52 + 1/2) is within 0.5861 of
// log2(x/y), and y 2^k (its exponent field raised by k, exactly) is within a factor
// 2^0.5861 = 1.5012 of x. Then x - y 2^k is exact (Sterbenz) and
//   ln(x/y) = k ln 2 + 2 atanh(s),  s = (x - y 2^k)/(x + y 2^k),  |s| <= 0.2004,
// 2 atanh(s) = 2s + s R(s^2). Relative error a few ulp, also for x close to y (s keeps the exact
// difference). The ranges keep y 2^k normal and x + y 2^k finite; outside them a lane may hold
// a wrong finite value, so callers must check them (fused_measures.cpp does per block of entries).
DIVERGENCE_LANES_INLINE F2 log_ratio_normal(F2 x, F2 y) {
  const I2 iy = bits(y);
  const I2 t = bits(x) - iy + isplat(std::int64_t{1} << 51);
  const F2 scaled_y = from_bits(iy + (t & isplat(kExponentMask)));  // y 2^k
  const F2 k = top12_as_double(t);
  const F2 s = (x - scaled_y) / (x + scaled_y);
  const F2 two_s = s + s;
  return k * splat(kLn2Hi) + (two_s + (s * atanh_tail(s * s) + k * splat(kLn2Lo)));
}

// ln(x) with the conventions of std::log: -inf at 0, +inf at +inf, NaN below 0 and for NaN.
inline F2 log_any(F2 x) {
  const M2 ordinary = (x > splat(0.0)) & (x <= splat(DBL_MAX));
  const F2 safe = select(ordinary, x, splat(1.0));
  F2 out = log_positive(safe);
  out = select(x == splat(0.0), splat(-__builtin_inf()), out);
  out = select(x == splat(__builtin_inf()), x, out);
  return select(ordinary | (x == splat(0.0)) | (x == splat(__builtin_inf())), out, splat(__builtin_nan("")));
}

}  // namespace divergence::lanes
