// Fused kernels behind kl_divergence, cross_entropy, entropy and js_divergence (discrete.hpp).
//
// One pass over the inputs validates every entry (NaN, infinite, negative), sums them
// (Neumaier-compensated, as check_distribution) and sums the pointwise terms of the raw weights;
// normalization is folded in afterwards through
//   KL(P||Q) = S/sp + ln(sq/sp),  S = sum p_i ln(p_i/q_i)
//   H(P,Q)   = -S/sp + ln(sq),    S = sum p_i ln q_i
//   H(P)     = S/sp + ln(sp),     S = -sum p_i ln p_i
// with sp, sq the sums. When the correction ln(..) is larger in magnitude than the result (it
// would cancel), a second pass sums the terms of the normalized entries p_i/sp, q_i/sq instead,
// exactly as the general path does. Jensen-Shannon needs the normalized entries, so it reads
// the inputs twice (sums, then terms). Nothing is copied.
//
// Logarithms come from a vectorized ln (WebAssembly SIMD128 when built with -msimd128, else a
// portable two-lane form) with at most 2 ulp of error. KL's ln(p/q) for normal p, q is
// k ln 2 + 2 atanh((p - q 2^k)/(p + q 2^k)) with k from the difference of the bit patterns of p
// and q (one division, no quotient p/q; p - q 2^k is exact), so terms of nearly equal
// probabilities keep their relative accuracy. Blocks of 32 entries are first summed without
// per-entry checks; a block whose smallest entries or sums fall outside the fast ranges is done
// again on the careful path: zeros, subnormals, invalid entries, with
// (p - q)/q as the reduced argument (the log1p form of pointwise.hpp). Results agree with the
// general path (pointwise.hpp terms, copies, SciPy conventions) to about 1e-15 relative.
//
// Each function returns true and writes `out` when it handled the call, false when the caller
// must take the general path: smoothing requested, an invalid entry or length or base (the
// general path then throws its usual error), or sums/terms that overflow.
#pragma once

#include <cstddef>

#include "divergence/options.hpp"
#include "divergence/span.hpp"
#include "divergence/terms.hpp"

namespace divergence {

// Term::KL, Term::CrossEntropy or Term::JensenShannon (in nats, divided by ln(opt.base)).
bool fused_sum_terms(Term t, Span p, Span q, const Options& opt, double& out);
// Shannon entropy H(P) in the unit of opt.base.
bool fused_entropy(Span p, const Options& opt, double& out);

// The kernels' logarithm over an array (std::log conventions at 0, +inf, < 0, NaN); for tests
// and benchmarks of its accuracy.
void vector_log(const double* x, double* out, std::size_t n);
// KL's ln(x_i/y_i) over arrays, the fast path's form, for tests of its accuracy: defined for x_i in
// [2 DBL_MIN, DBL_MAX / 4] and y_i in [DBL_MIN, DBL_MAX]; other entries are unspecified.
void vector_log_ratio(const double* x, const double* y, double* out, std::size_t n);
// The memory-bandwidth probe of the benchmarks: sum of all entries of a and b (n each), read once
// with several independent two-lane accumulators; no validation.
double sum_of_pair(const double* a, const double* b, std::size_t n);
// True when this build uses WebAssembly SIMD128.
bool fused_simd();

}  // namespace divergence
