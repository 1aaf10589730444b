// Elementwise terms shared by every divergence, written for accuracy.
//
// Conventions follow SciPy's scipy.special functions:
//   rel_entr(x, y) = x*ln(x/y) for x > 0, y > 0; 0 for x == 0, y >= 0; +inf otherwise.
//   entr(x)        = -x*ln(x) for x > 0; 0 at 0; -inf for x < 0.
//   kl_div(x, y)   = x*ln(x/y) - x + y for x > 0, y > 0; y for x == 0, y >= 0; +inf otherwise.
// NaN in, NaN out. Results are in nats.
//
// Accuracy: log(x/y) is computed as log1p((x - y)/y) when x and y are within a factor of 2
// (x - y is then exact, Sterbenz's lemma), and as log(x) - log(y) when x/y would overflow or
// become subnormal; so rel_entr(0.9456657713430001, 0.9456657713430094) and
// rel_entr(4, 2.22e-308) are correct to a few ulp (SciPy >= 1.12 behaviour).
#pragma once

#include <cfloat>
#include <cmath>
#include <limits>

namespace divergence {

inline constexpr double kInf = std::numeric_limits<double>::infinity();
inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
inline constexpr double kLn2 = 0.693147180559945309417232121458176568;

// ln(x/y) for x > 0, y > 0, accurate when x ~ y and when x/y over- or underflows.
inline double log_ratio(double x, double y) {
  const double r = x / y;
  if (r >= DBL_MIN && r <= DBL_MAX) {
    if (r > 0.5 && r < 2.0) return std::log1p((x - y) / y);
    return std::log(r);
  }
  return std::log(x) - std::log(y);
}

inline double rel_entr(double x, double y) {
  if (std::isnan(x) || std::isnan(y)) return kNaN;
  if (x > 0.0 && y > 0.0) return x * log_ratio(x, y);
  if (x == 0.0 && y >= 0.0) return 0.0;
  return kInf;
}

inline double entr(double x) {
  if (std::isnan(x)) return kNaN;
  if (x > 0.0) return -x * std::log(x);
  if (x == 0.0) return 0.0;
  return -kInf;
}

// t - log1p(t) for t > -1, without cancellation for small |t| (series below |t| < 0.125).
inline double t_minus_log1p(double t) {
  if (std::fabs(t) < 0.125) {
    // t - log1p(t) = sum_{k>=2} (-1)^k t^k / k
    double term = t * t;  // t^k
    double sum = 0.0;
    for (int k = 2; k < 40; ++k) {
      const double add = ((k % 2 == 0) ? term : -term) / k;
      sum += add;
      if (std::fabs(add) <= 1e-18 * std::fabs(sum)) break;
      term *= t;
    }
    return sum;
  }
  return t - std::log1p(t);
}

inline double kl_div_elementwise(double x, double y) {
  if (std::isnan(x) || std::isnan(y)) return kNaN;
  if (x > 0.0 && y > 0.0) {
    const double r = y / x;
    if (r > 0.5 && r < 2.0) return x * t_minus_log1p((y - x) / x);  // x*(d - log1p(d)), d=(y-x)/x
    return x * log_ratio(x, y) - x + y;
  }
  if (x == 0.0 && y >= 0.0) return y;
  return kInf;
}

// g(d) = (1+d)ln(1+d) + (1-d)ln(1-d) for d in [-1, 1]; the Jensen-Shannon kernel.
// Series sum_{k>=1} d^(2k) / (k(2k-1)) for |d| < 0.25, where the direct form cancels.
inline double js_kernel(double d) {
  const double a = std::fabs(d);
  if (a < 0.25) {
    const double d2 = d * d;
    double power = d2;
    double sum = 0.0;
    for (int k = 1; k < 40; ++k) {
      const double add = power / (k * (2.0 * k - 1.0));
      sum += add;
      if (add <= 1e-18 * sum) break;
      power *= d2;
    }
    return sum;
  }
  if (a >= 1.0) return 2.0 * kLn2;
  return (1.0 + a) * std::log1p(a) + (1.0 - a) * std::log1p(-a);
}

// One bin's contribution to the Jensen-Shannon divergence (nats) for probabilities p, q >= 0:
// 0.5*p*ln(p/m) + 0.5*q*ln(q/m) with m = (p+q)/2, written as (p+q)/4 * g((p-q)/(p+q)), which
// never forms m (m underflows for subnormal inputs, scipy#19436) and is accurate when p ~ q.
inline double js_term(double p, double q) {
  const double s = p + q;
  if (s == 0.0) return 0.0;
  if (!std::isfinite(s)) {
    if (!std::isfinite(p) || !std::isfinite(q)) return kNaN;
    // Finite weights whose sum overflows (raw weights near DBL_MAX): the same in halves, which
    // are exact there; the term, at most (p + q) ln(2) / 2, is finite.
    const double half = 0.5 * p + 0.5 * q;
    return 0.5 * half * js_kernel((0.5 * p - 0.5 * q) / half);
  }
  return 0.25 * s * js_kernel((p - q) / s);
}

// One bin's contribution to the Population Stability Index: (q - p) * ln(q/p).
// Zero when p == q == 0; +inf when exactly one of them is zero.
inline double psi_term(double p, double q) {
  if (p > 0.0 && q > 0.0) return (q - p) * log_ratio(q, p);
  if (p == 0.0 && q == 0.0) return 0.0;
  return kInf;
}

}  // namespace divergence
