// Null distributions of the one-sample Kolmogorov-Smirnov statistics: D_n (two-sided, kstwo_sf)
// and D+_n (one-sided, smirnov_sf). They give the asymptotic p-value of ks_2samp (samples_ks.cpp).
//
// Boost 1.74 has no Kolmogorov-Smirnov distribution (boost::math::kolmogorov_smirnov_distribution
// arrived in 1.75 and covers only the n -> infinity limit), so the finite-n algorithms are written
// here from the papers cited in ks_test.hpp; Boost supplies lgamma.
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <boost/math/special_functions/gamma.hpp>

#include "divergence/errors.hpp"
#include "divergence/ks_test.hpp"
#include "divergence/summation.hpp"

namespace divergence {
namespace {

constexpr double kPi = 3.141592653589793238462643383279502884;
// log of the smallest normal double: exp() below this is (nearly) zero (Cephes MINLOG).
constexpr double kMinLog = -708.3964185322641;

double clip01(double p) { return p < 0.0 ? 0.0 : (p > 1.0 ? 1.0 : p); }

void check_n_d(std::int64_t n, double d) {
  if (n < 1) throw range_error("n", "must be at least 1 (got " + std::to_string(n) + ")");
  if (std::isnan(d)) throw range_error("d", "is NaN");
}

// ---- Durbin's matrix method, as organised by Marsaglia, Tsang & Wang (2003) -----------------
// P(D_n < d) = n!/n^n * (H^n)[k-1][k-1] with d = (k - h)/n, k = ceil(n d), 0 <= h < 1 and H the
// (2k-1) x (2k-1) matrix of MTW's paper. Powers are kept as (matrix, binary exponent) pairs,
// renormalised after every product so that nothing overflows for n up to 1e5.
struct ScaledMatrix {
  std::size_t m = 0;
  std::vector<double> a;  // row-major m x m
  long exponent = 0;      // value = a * 2^exponent
};

ScaledMatrix multiply(const ScaledMatrix& x, const ScaledMatrix& y) {
  const std::size_t m = x.m;
  ScaledMatrix out;
  out.m = m;
  out.a.assign(m * m, 0.0);
  for (std::size_t i = 0; i < m; ++i) {
    double* row = &out.a[i * m];
    for (std::size_t l = 0; l < m; ++l) {
      const double xil = x.a[i * m + l];
      if (xil == 0.0) continue;
      const double* yrow = &y.a[l * m];
      for (std::size_t j = 0; j < m; ++j) row[j] += xil * yrow[j];
    }
  }
  out.exponent = x.exponent + y.exponent;
  double largest = 0.0;
  for (double v : out.a) largest = std::max(largest, std::fabs(v));
  if (largest > 0.0) {
    int e = 0;
    std::frexp(largest, &e);
    for (double& v : out.a) v = std::ldexp(v, -e);
    out.exponent += e;
  }
  return out;
}

double durbin_cdf(std::int64_t n, double d) {
  const double nd = static_cast<double>(n) * d;
  const std::int64_t k = static_cast<std::int64_t>(std::ceil(nd));
  const double h = static_cast<double>(k) - nd;
  const std::size_t m = static_cast<std::size_t>(2 * k - 1);

  std::vector<double> inv_fact(m + 1);
  inv_fact[0] = 1.0;
  for (std::size_t j = 1; j <= m; ++j) inv_fact[j] = inv_fact[j - 1] / static_cast<double>(j);

  ScaledMatrix H;
  H.m = m;
  H.a.assign(m * m, 0.0);
  for (std::size_t r = 0; r < m; ++r) {
    for (std::size_t c = 0; c <= std::min(r + 1, m - 1); ++c) H.a[r * m + c] = inv_fact[r + 1 - c];
  }
  for (std::size_t r = 0; r < m; ++r) H.a[r * m] = (1.0 - std::pow(h, static_cast<double>(r + 1))) * inv_fact[r + 1];
  for (std::size_t c = 0; c < m; ++c) {
    H.a[(m - 1) * m + c] = (1.0 - std::pow(h, static_cast<double>(m - c))) * inv_fact[m - c];
  }
  const double corner = 1.0 - 2.0 * std::pow(h, static_cast<double>(m)) +
                        std::pow(std::max(0.0, 2.0 * h - 1.0), static_cast<double>(m));
  H.a[(m - 1) * m] = corner * inv_fact[m];

  ScaledMatrix result;
  result.m = m;
  result.a.assign(m * m, 0.0);
  for (std::size_t i = 0; i < m; ++i) result.a[i * m + i] = 1.0;
  ScaledMatrix base = H;
  for (std::int64_t e = n; e > 0; e >>= 1) {
    if (e & 1) result = multiply(result, base);
    if (e > 1) base = multiply(base, base);
  }

  // Multiply by n!/n^n = prod_{i=1..n} i/n, keeping the binary exponent apart.
  double p = result.a[static_cast<std::size_t>(k - 1) * m + static_cast<std::size_t>(k - 1)];
  long exponent = result.exponent;
  const double dn = static_cast<double>(n);
  for (std::int64_t i = 1; i <= n; ++i) {
    p = p * static_cast<double>(i) / dn;
    if (p != 0.0 && std::fabs(p) < 0x1p-128) {
      p = std::ldexp(p, 128);
      exponent -= 128;
    }
  }
  if (exponent > 2000) return 1.0;
  if (exponent < -2200) return 0.0;
  return clip01(std::ldexp(p, static_cast<int>(exponent)));
}

// ---- Pelz & Good (1976) expansion of P(D_n <= x), for large n ----------------------------
// P(D_n <= x) ~ K0(z) + K1(z)/sqrt(n) + K2(z)/n + K3(z)/n^1.5, z = x sqrt(n), with the K_i in their
// theta-function form (Simard & L'Ecuyer 2011, section 2.2), summed over k <= ceil(16 z / pi).
double pelz_good_cdf(std::int64_t n, double x) {
  const double dn = static_cast<double>(n);
  const double z = std::sqrt(dn) * x;
  const double z2 = z * z, z3 = z2 * z, z4 = z2 * z2, z6 = z4 * z2, z7 = z6 * z, z8 = z4 * z4, z10 = z8 * z2;
  const double pi2 = kPi * kPi, pi4 = pi2 * pi2, pi6 = pi4 * pi2;
  const double log_q = -pi2 / 8.0 / z2;
  if (log_q < -708.0) return 0.0;
  const double q = std::exp(log_q);

  // Sum over odd m = 2k-1 of c_i(m) q^(m^2), by Horner in q^(8k).
  const std::int64_t kmax = static_cast<std::int64_t>(std::ceil(16.0 * z / kPi));
  double s[4] = {0.0, 0.0, 0.0, 0.0};
  for (std::int64_t k = kmax; k >= 1; --k) {
    const double mo = static_cast<double>(2 * k - 1);
    const double m2 = mo * mo, m4 = m2 * m2, m6 = m4 * m2;
    const double c1 = -z2 + pi2 * m2 / 4.0;
    const double c2 = (6.0 * z6 + 2.0 * z4) + (2.0 * z4 - 5.0 * z2) * pi2 / 4.0 * m2 + pi4 * (1.0 - 2.0 * z2) / 16.0 * m4;
    const double c3 = (-30.0 * z6 - 90.0 * z8) + pi2 * (135.0 * z4 - 96.0 * z6) / 4.0 * m2 +
                      pi4 * (-60.0 * z2 + 212.0 * z4) / 16.0 * m4 + pi6 * (5.0 - 30.0 * z2) / 64.0 * m6;
    const double step = std::pow(q, 8.0 * static_cast<double>(k));
    s[0] = s[0] * step + 1.0;
    s[1] = s[1] * step + c1;
    s[2] = s[2] * step + c2;
    s[3] = s[3] * step + c3;
  }
  const double root_2pi = std::sqrt(2.0 * kPi);
  double K0 = s[0] * q * root_2pi / z;
  double K1 = s[1] * q * root_2pi / (6.0 * z4);
  double K2 = s[2] * q * root_2pi / (72.0 * z7);
  double K3 = s[3] * q * root_2pi / (6480.0 * z10);

  // The terms over all integers k: exp(-pi^2 k^2 / (2 z^2)).
  const double r = std::exp(-pi2 / 2.0 / z2);
  double t2 = 0.0, t3 = 0.0;
  for (std::int64_t k = kmax; k >= 1; --k) {
    const double kk = static_cast<double>(k) * static_cast<double>(k);
    const double w = kk * std::pow(r, kk);
    t2 += w;
    t3 += (3.0 * z2 - pi2 * kk) * w;
  }
  K2 += t2 * pi2 * root_2pi / (-36.0 * z3);
  K3 += t3 * pi2 * root_2pi / (216.0 * z6);

  return K0 + K1 / std::sqrt(dn) + K2 / dn + K3 / (dn * std::sqrt(dn));
}

}  // namespace

// log(k!) as boost::math::lgamma(k + 1.0) gives it (the same bits), for 0 <= k <= n, each worked
// out once and kept while n stays the same: the sum below needs two of them per term, for up to n
// terms, and a report asks for the same n for every numeric column of a file pair (the number of
// present values), so later columns find them all here. At most 1e6 + 1 entries (8 MB), one table
// per thread.
class LogFactorials {
 public:
  explicit LogFactorials(std::int64_t n) {
    if (n_ != n) {
      n_ = n;
      table_.assign(static_cast<std::size_t>(n) + 1, std::numeric_limits<double>::quiet_NaN());
    }
  }
  double operator()(std::int64_t k) const {
    double& x = table_[static_cast<std::size_t>(k)];
    if (std::isnan(x)) x = boost::math::lgamma(static_cast<double>(k) + 1.0);
    return x;
  }

 private:
  static thread_local std::int64_t n_;
  static thread_local std::vector<double> table_;
};

thread_local std::int64_t LogFactorials::n_ = -1;
thread_local std::vector<double> LogFactorials::table_;

// ---- One-sided: Smirnov / Birnbaum-Tingey ----------------------------------------------------
// From this many terms on, the sum starts at its largest term (found by a ternary search) and goes
// outwards instead of adding every term from v = 0.
constexpr std::int64_t kSmirnovWindowFrom = 4096;

// P(D+_n >= d) = d * sum_{v=0}^{floor(n(1-d))} C(n,v) (d + v/n)^(v-1) (1 - d - v/n)^(n-v),
// all terms positive; a term with 1 - d - v/n = 0 is zero and is left out.
double smirnov_sf(std::int64_t n, double d) {
  check_n_d(n, d);
  if (d <= 0.0) return 1.0;
  if (d >= 1.0) return 0.0;
  if (n == 1) return 1.0 - d;
  const double dn = static_cast<double>(n);
  // n*d as an exact sum hi + lo.
  const double nd_hi = dn * d;
  const double nd_lo = std::fma(dn, d, -nd_hi);
  // d <= 1/n: closed form, CDF = d (1 + d)^(n-1).
  if (nd_hi < 1.0 || (nd_hi == 1.0 && nd_lo <= 0.0)) return clip01(1.0 - d * std::pow(1.0 + d, dn - 1.0));
  if (-2.0 * dn * d * d < kMinLog) return 0.0;
  // d >= 1 - 1/n: only the v = 0 term, (1 - d)^n.
  if (nd_hi > dn - 1.0 || (nd_hi == dn - 1.0 && nd_lo >= 0.0)) return clip01(std::pow(1.0 - d, dn));
  if (n > 1000000) {
    const double t = 6.0 * dn * d + 1.0;
    return clip01(std::exp(-t * t / 18.0 / dn));
  }
  // floor(n d), exactly (nd_hi may have been rounded up to an integer).
  double fl = std::floor(nd_hi);
  if (fl == nd_hi && nd_lo < 0.0) fl -= 1.0;
  const std::int64_t last = n - static_cast<std::int64_t>(fl) - 1;  // v = 0 .. last

  const LogFactorials log_factorial(n);
  const double lg_n1 = log_factorial(n);
  // log of term v (v <= last, so 1 - d - v/n > 0).
  const auto log_term_at = [&](std::int64_t v) {
    const double dv = static_cast<double>(v);
    const double a = ((nd_hi + dv) + nd_lo) / dn;         // d + v/n
    const double b = (((dn - dv) - nd_hi) - nd_lo) / dn;  // 1 - d - v/n
    return lg_n1 - log_factorial(v) - log_factorial(n - v) + (dv - 1.0) * std::log(a) + (dn - dv) * std::log(b);
  };
  // Streaming log-sum-exp: value = exp(top) * sum.
  double top = -INFINITY, sum = 0.0;
  const auto add = [&](double log_term) {
    if (log_term > top) {
      sum = sum * std::exp(top - log_term) + 1.0;
      top = log_term;
    } else {
      sum += std::exp(log_term - top);
    }
  };
  // The terms are unimodal in v: once they decrease, stop when the rest cannot matter (each side's
  // neglected terms together below a quarter of an ulp of the sum).
  const auto negligible = [&](double log_term, std::int64_t rest) {
    return static_cast<double>(rest) * std::exp(log_term - top) < 0.25 * DBL_EPSILON * sum;
  };
  if (last < kSmirnovWindowFrom) {
    // From v = 0 up: the terms before the largest are all added.
    double previous = -INFINITY;
    for (std::int64_t v = 0; v <= last; ++v) {
      const double log_term = log_term_at(v);
      add(log_term);
      if (log_term < previous && negligible(log_term, last - v)) break;
      previous = log_term;
    }
  } else {
    // Many terms (large n): most lie far below the largest (for n = 500,000 and d = 0.024, 70% of
    // them by more than 37 nats, under an ulp of the sum). Find the largest by a ternary search on
    // the unimodal terms, then add outwards from it, down and up, each side until the rest is
    // negligible as above.
    std::int64_t lo = 0, hi = last;
    while (hi - lo > 2) {
      const std::int64_t m1 = lo + (hi - lo) / 3;
      const std::int64_t m2 = hi - (hi - lo) / 3;
      if (log_term_at(m1) < log_term_at(m2)) {
        lo = m1 + 1;
      } else {
        hi = m2;
      }
    }
    std::int64_t mode = lo;
    double mode_term = log_term_at(lo);
    for (std::int64_t v = lo + 1; v <= hi; ++v) {
      const double t = log_term_at(v);
      if (t > mode_term) {
        mode_term = t;
        mode = v;
      }
    }
    add(mode_term);
    for (std::int64_t v = mode + 1; v <= last; ++v) {
      const double log_term = log_term_at(v);
      add(log_term);
      if (negligible(log_term, last - v)) break;
    }
    for (std::int64_t v = mode - 1; v >= 0; --v) {
      const double log_term = log_term_at(v);
      add(log_term);
      if (negligible(log_term, v)) break;
    }
  }
  if (!(sum > 0.0)) return 0.0;
  return clip01(d * std::exp(top + std::log(sum)));
}

// ---- Two-sided: the selection of Simard & L'Ecuyer, as scipy.stats._ksstats._kolmogn ---------
double kstwo_sf(double d, std::int64_t n) {
  check_n_d(n, d);
  if (d >= 1.0) return 0.0;
  if (d <= 0.0) return 1.0;
  const double dn = static_cast<double>(n);
  const double t = dn * d;
  if (t <= 1.0) {  // Ruben & Gambino: P(D_n <= d) = n!/n^n (2t - 1)^n for 1/(2n) <= d <= 1/n
    if (t <= 0.5) return 1.0;
    double cdf;
    if (n <= 140) {
      cdf = 1.0;
      for (std::int64_t i = 1; i <= n; ++i) cdf *= static_cast<double>(i) / dn * (2.0 * t - 1.0);
    } else {
      cdf = std::exp(boost::math::lgamma(dn + 1.0) - dn * std::log(dn) + dn * std::log(2.0 * t - 1.0));
    }
    return clip01(1.0 - cdf);
  }
  if (t >= dn - 1.0) return clip01(2.0 * std::pow(1.0 - d, dn));  // Ruben & Gambino, upper end
  if (d >= 0.5) return clip01(2.0 * smirnov_sf(n, d));  // exact: D+ and D- cannot both exceed 1/2

  const double nd2 = t * d;
  if (n <= 140) {
    if (nd2 <= 4.0) return clip01(1.0 - durbin_cdf(n, d));
    return clip01(2.0 * smirnov_sf(n, d));  // Miller's approximation; error below p^2
  }
  if (nd2 >= 370.0) return 0.0;
  if (nd2 >= 2.2) return clip01(2.0 * smirnov_sf(n, d));
  double cdf;
  if (n <= 100000 && dn * std::pow(d, 1.5) <= 1.4) {
    cdf = durbin_cdf(n, d);
  } else {
    cdf = pelz_good_cdf(n, d);
  }
  return clip01(1.0 - cdf);
}

}  // namespace divergence
