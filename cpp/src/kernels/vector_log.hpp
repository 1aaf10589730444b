// Natural logarithm on two lanes at once, for the fused kernels (no libm call, so the loop
// vectorizes under WebAssembly SIMD128).
//
// Method (the classic reduction of fdlibm's e_log.c, Sun Microsystems 1993, written anew here):
// x = 2^k z with z in [sqrt(2)/2, sqrt(2)), found by integer arithmetic on the bits (the offset
// trick keeps k and z in one subtraction); with f = z - 1 and s = f/(2 + f),
//   ln(1 + f) = 2 atanh(s) = f - f^2/2 + s (f^2/2 + R(s^2)),  R(w) = sum_{n=1..11} 2 w^n / (2n + 1)
// (the atanh series; |s| <= 0.1716 so w <= 0.0295 and the 12th term is below 2^-60 of the
// result), and ln x = k ln2_hi + (ln(1 + f) + k ln2_lo) with ln 2 split so that k ln2_hi is exact.
// Subnormal x is scaled by 2^52 first. Measured error: at most 2 ulp against std::log over the
// whole positive double range (tests/cpp/test_vector_log.cpp, tests/js/vector_log.test.js).
#pragma once

#include <cfloat>
#include <cstdint>

#include "lanes.hpp"

namespace divergence::lanes {

// R(w) = sum_{n=1..11} 2 w^n / (2n + 1), so that 2 atanh(s) = 2s + s R(s^2), by Estrin's scheme
// (short dependency chains, so consecutive elements overlap in the pipeline).
inline F2 atanh_tail(F2 w) {
  const F2 w2 = w * w;
  const F2 w4 = w2 * w2;
  const F2 w8 = w4 * w4;
  const F2 a0 = splat(2.0 / 3) + w * splat(2.0 / 5);
  const F2 a1 = splat(2.0 / 7) + w * splat(2.0 / 9);
  const F2 a2 = splat(2.0 / 11) + w * splat(2.0 / 13);
  const F2 a3 = splat(2.0 / 15) + w * splat(2.0 / 17);
  const F2 a4 = splat(2.0 / 19) + w * splat(2.0 / 21);
  const F2 b0 = a0 + w2 * a1;
  const F2 b1 = a2 + w2 * a3;
  const F2 b2 = a4 + w2 * splat(2.0 / 23);
  return w * ((b0 + w4 * b1) + w8 * b2);
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
inline F2 log_positive(F2 x, const F2* near_one = nullptr) {
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

// ln(x/y) for lanes where x and y both hold positive normal doubles, with one division and no
// quotient x/y (which could over- or underflow): x = 2^kx zx, y = 2^ky zy with zx, zy in
// [sqrt(2)/2, sqrt(2)) from the bits; one of zx, zy is doubled (exactly) when their ratio is
// outside [sqrt(2)/2, sqrt(2)], so z = zx/zy is inside it and zx - zy is exact (Sterbenz). Then
// ln(x/y) = k ln 2 + 2 atanh(s), s = (zx - zy)/(zx + zy), |s| <= 0.1716 (about 3 - 2 sqrt(2)),
// 2 atanh(s) = 2s + s R(s^2). Relative error a few ulp, also for x close to y (s keeps the
// exact difference).
inline F2 log_ratio_normal(F2 x, F2 y) {
  const I2 ix = bits(x), iy = bits(y);
  const I2 tx = ix - isplat(kSqrtHalfBits), ty = iy - isplat(kSqrtHalfBits);
  F2 zx = from_bits(ix - (tx & isplat(kExponentMask)));
  F2 zy = from_bits(iy - (ty & isplat(kExponentMask)));
  F2 k = top12_as_double(tx) - top12_as_double(ty);
  constexpr double kSqrt2 = 1.4142135623730951;
  const M2 high = zx > zy * splat(kSqrt2);
  const M2 low = zx * splat(kSqrt2) < zy;
  zy = select(high, zy + zy, zy);
  zx = select(low, zx + zx, zx);
  k = k + select(high, splat(1.0), splat(0.0)) - select(low, splat(1.0), splat(0.0));
  const F2 s = (zx - zy) / (zx + zy);
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
