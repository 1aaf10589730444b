// Two-sample Kolmogorov-Smirnov test: the exact p-values against brute-force enumeration of every
// arrangement, the method selection and fallbacks, properties, statistic location, errors; and the
// one-sample distributions (kstwo_sf, smirnov_sf) against closed forms, Monte Carlo and each other
// across the boundaries where the algorithm changes.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "divergence/errors.hpp"
#include "divergence/ks_test.hpp"

namespace {

using divergence::KsAlternative;
using divergence::KsMethod;
using divergence::ks_2samp;
using divergence::kstwo_sf;
using divergence::smirnov_sf;
using V = std::vector<double>;

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const divergence::ArgumentError& e) {
    return e.what();
  }
  return "(no error)";
}

// P(statistic >= d) under the null, by enumerating all C(m+n, n) orders of the pooled sample.
double brute_force_pvalue(int m, int n, double d, KsAlternative alt) {
  long total = 0, extreme = 0;
  const int len = m + n;
  for (unsigned mask = 0; mask < (1u << len); ++mask) {
    if (__builtin_popcount(mask) != n) continue;  // bit set: the next value is from y
    ++total;
    int i = 0, j = 0;
    double best = 0.0;
    for (int s = 0; s < len; ++s) {
      (mask >> s & 1u) ? ++j : ++i;
      const double diff = static_cast<double>(i) / m - static_cast<double>(j) / n;
      const double stat = alt == KsAlternative::TwoSided ? std::fabs(diff) : alt == KsAlternative::Greater ? diff : -diff;
      best = std::max(best, stat);
    }
    if (best >= d - 1e-12) ++extreme;
  }
  return static_cast<double>(extreme) / static_cast<double>(total);
}

TEST(SampleKs, ExactPValuesEqualBruteForceEnumeration) {
  struct Case {
    int m, n;
  };
  for (const Case c : {Case{5, 7}, Case{6, 6}, Case{4, 9}, Case{8, 3}, Case{7, 7}, Case{6, 9}, Case{10, 4}}) {
    for (double shift : {0.0, 0.35, 1.1, 2.6, 4.2, 100.0}) {
      V x(static_cast<std::size_t>(c.m)), y(static_cast<std::size_t>(c.n));
      for (int i = 0; i < c.m; ++i) x[static_cast<std::size_t>(i)] = i * 0.9;
      for (int j = 0; j < c.n; ++j) y[static_cast<std::size_t>(j)] = j * 0.7 + shift;
      for (KsAlternative alt : {KsAlternative::TwoSided, KsAlternative::Greater, KsAlternative::Less}) {
        const divergence::KsResult r = ks_2samp(x, y, KsMethod::Exact, alt);
        const double want = brute_force_pvalue(c.m, c.n, r.statistic, alt);
        if (r.method_used == KsMethod::Asymp) {
          // SciPy's quirk (kept): an exact value of 1 computed as 1 + 1 ulp falls back to Asymp.
          EXPECT_EQ(want, 1.0) << c.m << "x" << c.n << " shift " << shift;
          EXPECT_GT(r.pvalue, 0.999);
          continue;
        }
        EXPECT_NEAR(r.pvalue, want, 1e-13 + 1e-12 * want)
            << c.m << "x" << c.n << " shift " << shift << " alt " << static_cast<int>(alt) << " D " << r.statistic;
      }
    }
  }
}

TEST(SampleKs, ExactRoundingAboveOneFallsBackLikeSciPy) {
  // n1 = n2 = 7, D = 1/7: P(D >= 1/7) = 1, but 2 r1 (1 - r2 (...)) evaluates to 1 + 2^-52; SciPy 1.10
  // then reports the exact computation as unsuccessful and uses kstwo.sf(1/7, round(3.5) = 4).
  V x(7), y(7);
  for (int i = 0; i < 7; ++i) {
    x[static_cast<std::size_t>(i)] = i * 0.9;
    y[static_cast<std::size_t>(i)] = i * 0.7 + 0.35;
  }
  const divergence::KsResult r = ks_2samp(x, y);
  EXPECT_DOUBLE_EQ(r.statistic, 1.0 / 7);
  EXPECT_EQ(r.method_used, KsMethod::Asymp);
  EXPECT_EQ(r.pvalue, kstwo_sf(1.0 / 7, 4));
}

TEST(SampleKs, AutoChoosesExactUpTo10000) {
  V small(10000), big(10001), other(5);
  for (std::size_t i = 0; i < big.size(); ++i) big[i] = static_cast<double>(i);
  for (std::size_t i = 0; i < small.size(); ++i) small[i] = static_cast<double>(i) + 0.5;
  for (std::size_t i = 0; i < other.size(); ++i) other[i] = 3.0 * static_cast<double>(i) + 0.25;
  EXPECT_EQ(ks_2samp(small, other).method_used, KsMethod::Exact);
  EXPECT_EQ(ks_2samp(big, other).method_used, KsMethod::Asymp);
  EXPECT_EQ(ks_2samp(big, other, KsMethod::Exact).method_used, KsMethod::Exact);
  EXPECT_EQ(ks_2samp(small, other, KsMethod::Asymp).method_used, KsMethod::Asymp);
}

TEST(SampleKs, ExactFallsBackToAsympLikeSciPy) {
  // One-sided with n1 != n2: SciPy's path count overflows once C(n1+n2, n1) > DBL_MAX.
  V x(700), y(600);
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = static_cast<double>(i);
  for (std::size_t i = 0; i < y.size(); ++i) y[i] = static_cast<double>(i) + 50.5;
  const divergence::KsResult r = ks_2samp(x, y, KsMethod::Exact, KsAlternative::Greater);
  EXPECT_EQ(r.method_used, KsMethod::Asymp);
  const divergence::KsResult s = ks_2samp(V(x.begin(), x.begin() + 60), V(y.begin(), y.begin() + 50), KsMethod::Exact,
                                          KsAlternative::Greater);
  EXPECT_EQ(s.method_used, KsMethod::Exact);
  // Two-sided never overflows (probabilities, not counts).
  EXPECT_EQ(ks_2samp(x, y, KsMethod::Exact).method_used, KsMethod::Exact);
  // lcm(n1, n2) >= 2^31 - 1: asymptotic.
  V a(50000), b(49999);
  for (std::size_t i = 0; i < a.size(); ++i) a[i] = static_cast<double>(i);
  for (std::size_t i = 0; i < b.size(); ++i) b[i] = static_cast<double>(i) + 0.5;
  EXPECT_EQ(ks_2samp(a, b, KsMethod::Exact).method_used, KsMethod::Asymp);
}

TEST(SampleKs, ExactNeverHangs) {
  // lcm = 300000 is allowed, but the band would need 3e10 lattice steps: asymptotic instead (ours).
  V x(300000), y(100000);
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = static_cast<double>(i);
  for (std::size_t i = 0; i < y.size(); ++i) y[i] = 1e6 + static_cast<double>(i);
  const divergence::KsResult r = ks_2samp(x, y, KsMethod::Exact);
  EXPECT_EQ(r.method_used, KsMethod::Asymp);
  EXPECT_EQ(r.statistic, 1.0);
  EXPECT_EQ(r.pvalue, 0.0);
}

TEST(SampleKs, PropertiesOfTheStatistic) {
  std::mt19937_64 rng(11);
  std::normal_distribution<double> z(0.0, 1.0);
  V x(137), y(211);
  for (double& v : x) v = z(rng);
  for (double& v : y) v = z(rng) + 0.3;
  const divergence::KsResult r = ks_2samp(x, y);
  EXPECT_GE(r.statistic, 0.0);
  EXPECT_LE(r.statistic, 1.0);
  EXPECT_GE(r.pvalue, 0.0);
  EXPECT_LE(r.pvalue, 1.0);
  const divergence::KsResult swapped = ks_2samp(y, x);
  EXPECT_EQ(swapped.statistic, r.statistic);
  EXPECT_DOUBLE_EQ(swapped.pvalue, r.pvalue);
  EXPECT_EQ(swapped.statistic_sign, -r.statistic_sign);
  EXPECT_EQ(ks_2samp(x, y, KsMethod::Auto, KsAlternative::Greater).statistic,
            ks_2samp(y, x, KsMethod::Auto, KsAlternative::Less).statistic);
  // Identical samples: D = 0, p = 1. Disjoint samples: D = 1.
  const divergence::KsResult same = ks_2samp(x, x);
  EXPECT_EQ(same.statistic, 0.0);
  EXPECT_EQ(same.pvalue, 1.0);
  V far(y);
  for (double& v : far) v += 100.0;
  EXPECT_EQ(ks_2samp(x, far).statistic, 1.0);
  EXPECT_LT(ks_2samp(x, far).pvalue, 1e-60);
  // The statistic ignores monotone transformations of the pooled data.
  V ex(x), ey(y);
  for (double& v : ex) v = std::exp(v);
  for (double& v : ey) v = std::exp(v);
  EXPECT_EQ(ks_2samp(ex, ey).statistic, r.statistic);
  EXPECT_EQ(ks_2samp(ex, ey).pvalue, r.pvalue);
}

TEST(SampleKs, StatisticLocationAndSignAsSciPy) {
  // diffs at concatenate([1,2,3,4], [2,3,4,5]): 1/4 (x4), 1/4, 1/4, 1/4, 0 -> first maximiser: x's 1.
  divergence::KsResult r = ks_2samp(V{1, 2, 3, 4}, V{2, 3, 4, 5});
  EXPECT_EQ(r.statistic, 0.25);
  EXPECT_EQ(r.statistic_location, 1.0);
  EXPECT_EQ(r.statistic_sign, 1);
  r = ks_2samp(V{2, 3, 4, 5}, V{1, 2, 3, 4});
  EXPECT_EQ(r.statistic_location, 2.0);  // -1/4 at x's 2, 3, 4 and at y's 1: x's values come first
  EXPECT_EQ(r.statistic_sign, -1);
  // Floating point decides between mathematically equal differences, as in SciPy: with thirds,
  // 1 - 2/3 = 0.33333333333333337 > 2/3 - 1/3 = 1/3, so the maximiser is 3, not 1.
  r = ks_2samp(V{1, 2, 3}, V{2, 3, 4}, KsMethod::Asymp);
  EXPECT_EQ(r.statistic_location, 3.0);
  EXPECT_EQ(r.statistic, 1.0 - 2.0 / 3.0);
  // Maximiser only among values of y.
  r = ks_2samp(V{5}, V{1, 2});
  EXPECT_EQ(r.statistic, 1.0);
  EXPECT_EQ(r.statistic_location, 2.0);
  EXPECT_EQ(r.statistic_sign, -1);
}

TEST(SampleKs, TiesAreCountedWithTheRightContinuousEcdf) {
  // F1 - F2 at 1: 3/5 - 1/5 = 0.4; at 2: 1 - 4/5 = 0.2.
  const divergence::KsResult r = ks_2samp(V{1, 1, 1, 2, 2}, V{1, 2, 2, 2, 3});
  EXPECT_DOUBLE_EQ(r.statistic, 0.4);
  EXPECT_EQ(r.statistic_location, 1.0);
}

TEST(SampleKs, Errors) {
  EXPECT_EQ(error_of([] { ks_2samp(V{}, V{1}); }), "x: must not be empty");
  EXPECT_EQ(error_of([] { ks_2samp(V{1}, V{}); }), "y: must not be empty");
  EXPECT_EQ(error_of([] { ks_2samp(V{1, 2, 3, NAN}, V{1}); }), "x: entry 3 is NaN");
  EXPECT_EQ(error_of([] { ks_2samp(V{1}, V{-INFINITY}); }), "y: entry 0 is infinite");
  EXPECT_EQ(error_of([] { kstwo_sf(0.5, 0); }), "n: must be at least 1 (got 0)");
  EXPECT_EQ(error_of([] { kstwo_sf(NAN, 3); }), "d: is NaN");
  EXPECT_EQ(error_of([] { smirnov_sf(-2, 0.5); }), "n: must be at least 1 (got -2)");
  EXPECT_EQ(error_of([] { smirnov_sf(5, NAN); }), "d: is NaN");
}

TEST(SampleKs, OneOneAsymptoticIsNotNaN) {
  // SciPy: kstwo.sf(d, round(0.5) = 0) is NaN; we use n = 1.
  const divergence::KsResult r = ks_2samp(V{0}, V{1}, KsMethod::Asymp);
  EXPECT_EQ(r.statistic, 1.0);
  EXPECT_EQ(r.pvalue, 0.0);
}

// ---- one-sample distributions ---------------------------------------------------------------

TEST(SampleKsDistribution, ClosedForms) {
  // n = 1: D_1 = max(U, 1-U), P(D_1 >= d) = 2(1 - d) on [1/2, 1]; D+_1 = U: 1 - d.
  EXPECT_DOUBLE_EQ(kstwo_sf(0.7, 1), 0.6);
  EXPECT_DOUBLE_EQ(smirnov_sf(1, 0.7), 0.30000000000000004);
  // n = 2, 1/4 <= d <= 1/2: P(D_2 <= d) = 2 (2d - 1/2)^2 (Ruben-Gambino).
  EXPECT_NEAR(kstwo_sf(0.4, 2), 0.82, 1e-15);
  // n = 3, d = 1/2: smirnov = 1/6 by the Birnbaum-Tingey sum, kstwo = 1/3.
  EXPECT_NEAR(smirnov_sf(3, 0.5), 1.0 / 6.0, 1e-15);
  EXPECT_NEAR(kstwo_sf(0.5, 3), 1.0 / 3.0, 1e-15);
  // d <= 1/n: P(D+_n < d) = d (1 + d)^(n-1).
  EXPECT_NEAR(smirnov_sf(4, 0.2), 1.0 - 0.2 * std::pow(1.2, 3), 1e-15);
  // d >= 1 - 1/n: (1 - d)^n, and twice that two-sided.
  const double tail = std::pow(1 - 0.95, 10);
  EXPECT_NEAR(smirnov_sf(10, 0.95), tail, 1e-15 * tail);
  EXPECT_NEAR(kstwo_sf(0.95, 10), 2 * tail, 2e-15 * tail);
  // Outside [0, 1].
  EXPECT_EQ(kstwo_sf(-0.1, 5), 1.0);
  EXPECT_EQ(kstwo_sf(1.5, 5), 0.0);
  EXPECT_EQ(smirnov_sf(5, 0.0), 1.0);
  EXPECT_EQ(smirnov_sf(5, 1.0), 0.0);
  // d <= 1/(2n): D_n >= 1/(2n) always.
  EXPECT_EQ(kstwo_sf(0.04, 10), 1.0);
}

// The Birnbaum-Tingey sum with every term from v = 0 in long double (lgammal, logl, expl): a
// reference independent of smirnov_sf, about 2000 times more precise than double.
double smirnov_every_term(std::int64_t n, double d) {
  const long double dn = static_cast<long double>(n), dd = d;
  const std::int64_t last = static_cast<std::int64_t>(std::floor(dn * (1 - dd)));
  std::vector<long double> logs;
  long double top = -INFINITY;
  for (std::int64_t v = 0; v <= last; ++v) {
    const long double dv = static_cast<long double>(v);
    const long double a = dd + dv / dn, b = 1 - dd - dv / dn;
    if (!(b > 0)) break;
    const long double t = std::lgamma(dn + 1) - std::lgamma(dv + 1) - std::lgamma(dn - dv + 1) + (dv - 1) * std::log(a) + (dn - dv) * std::log(b);
    logs.push_back(t);
    top = std::max(top, t);
  }
  long double sum = 0;
  for (long double t : logs) sum += std::exp(t - top);
  return static_cast<double>(dd * std::exp(top + std::log(sum)));
}

TEST(SampleKsDistribution, SmirnovLargeNWindowedSum) {
  // 4096 terms or more: smirnov_sf starts at the largest term and stops on each side where the
  // rest cannot matter. p from about 0.85 down to 1e-256.
  //  - `every_term`: what smirnov_sf gave when it added every term from v = 0 (commit 18aba94):
  //    the terms left out and the order of the sum change it by less than 1e-13 relative;
  //  - long double: in double, log n! (~ n log n) carries an error of about an ulp of 10^7 for
  //    n = 10^6, so every term, and the sum, is off by up to ~1e-9 relative, as it was before
  //    (SciPy's smirnov computes in double too).
  struct Case {
    std::int64_t n;
    double d;
    double every_term;
  };
  for (const Case c : {Case{5000, 0.004, 0.84988004121111949}, Case{5000, 0.03, 0.00012079617211354779},
                       Case{20000, 0.0031, 0.67945572265084497}, Case{20000, 0.024277, 5.66616559695231e-11},
                       Case{100000, 0.001, 0.81818544240854796}, Case{100000, 0.01, 2.0466390120501839e-09},
                       Case{100000, 0.04, 9.2264043337605279e-140}, Case{500000, 0.0031, 6.6915299546330251e-05},
                       Case{500000, 0.024277, 9.9592199260844518e-257}, Case{999999, 0.0031, 4.4869878046141691e-09}}) {
    ASSERT_GE(static_cast<double>(c.n) * (1 - c.d), 4096.0);
    const double got = smirnov_sf(c.n, c.d);
    EXPECT_NEAR(got, c.every_term, 1e-13 * c.every_term) << "n " << c.n << ", d " << c.d;
    const double precise = smirnov_every_term(c.n, c.d);
    EXPECT_NEAR(got, precise, 2e-9 * precise) << "n " << c.n << ", d " << c.d;
  }
}

// Monte Carlo P(D_n >= d) (two-sided) and P(D+_n >= d).
void simulate(int n, double d, int reps, unsigned seed, double& two, double& one) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  std::vector<double> s(static_cast<std::size_t>(n));
  long c2 = 0, c1 = 0;
  for (int r = 0; r < reps; ++r) {
    for (double& v : s) v = u(rng);
    std::sort(s.begin(), s.end());
    double dplus = 0.0, dminus = 0.0;
    for (int i = 0; i < n; ++i) {
      dplus = std::max(dplus, (i + 1.0) / n - s[static_cast<std::size_t>(i)]);
      dminus = std::max(dminus, s[static_cast<std::size_t>(i)] - static_cast<double>(i) / n);
    }
    c2 += std::max(dplus, dminus) >= d;
    c1 += dplus >= d;
  }
  two = static_cast<double>(c2) / reps;
  one = static_cast<double>(c1) / reps;
}

TEST(SampleKsDistribution, AgreesWithMonteCarloInEveryRegime) {
  struct Case {
    int n;
    double d;
    const char* regime;
  };
  const int reps = 20000;
  for (const Case c : {Case{10, 0.2, "n<=140, Durbin (n d^2 <= 0.75)"}, Case{10, 0.35, "n<=140, Durbin (SciPy: Pomeranz)"},
                       Case{50, 0.3, "n<=140, 2*smirnov (n d^2 > 4)"}, Case{200, 0.035, "n>140, Durbin"},
                       Case{200, 0.07, "n>140, Pelz-Good"}, Case{200, 0.11, "n>140, 2*smirnov"}}) {
    double two = 0, one = 0;
    simulate(c.n, c.d, reps, 99, two, one);
    const double p = kstwo_sf(c.d, c.n);
    const double se = std::sqrt(std::max(p * (1 - p), 1e-4) / reps);
    EXPECT_NEAR(p, two, 5 * se) << c.regime;
    const double q = smirnov_sf(c.n, c.d);
    const double se1 = std::sqrt(std::max(q * (1 - q), 1e-4) / reps);
    EXPECT_NEAR(q, one, 5 * se1) << c.regime << " (one-sided)";
  }
}

TEST(SampleKsDistribution, ContinuousAcrossAlgorithmBoundaries) {
  auto rel = [](double a, double b) { return std::fabs(a - b) / std::fabs(b); };
  // n <= 140: Durbin (exact) on both sides of n d^2 = 0.754693 (SciPy's Durbin/Pomeranz switch).
  {
    const int n = 100;
    const double d = std::sqrt(0.754693 / n);
    EXPECT_LT(rel(kstwo_sf(d * (1 - 1e-9), n), kstwo_sf(d * (1 + 1e-9), n)), 1e-7);
  }
  // n <= 140 at n d^2 = 4: exact (Durbin) vs Miller's 2*smirnov; they differ by about p^2.
  {
    const int n = 120;
    const double d = std::sqrt(4.0 / n);
    const double below = kstwo_sf(d * (1 - 1e-12), n), above = kstwo_sf(d * (1 + 1e-12), n);
    EXPECT_LT(std::fabs(below - above), below * below);
  }
  // n > 140: Durbin vs Pelz-Good at n d^1.5 = 1.4 (Pelz-Good is an expansion: ~1e-5).
  for (int n : {500, 5000, 50000}) {
    const double d = std::pow(1.4 / n, 2.0 / 3.0);
    EXPECT_LT(rel(kstwo_sf(d * (1 - 1e-12), n), kstwo_sf(d * (1 + 1e-12), n)), 1e-4) << n;
  }
  // n > 140: 1 - CDF (Pelz-Good) vs 2*smirnov at n d^2 = 2.2.
  for (int n : {500, 5000, 200000}) {
    const double d = std::sqrt(2.2 / n);
    EXPECT_LT(rel(kstwo_sf(d * (1 - 1e-12), n), kstwo_sf(d * (1 + 1e-12), n)), 1e-3) << n;
  }
}

TEST(SampleKsDistribution, LargeNApproachesKolmogorovsLimit) {
  // sqrt(n) D_n -> Kolmogorov: P(K >= 1) = 2 sum (-1)^(k-1) exp(-2 k^2) = 0.26999967167735456.
  const double n = 1e7;
  const double p = kstwo_sf(1.0 / std::sqrt(n), static_cast<std::int64_t>(n));
  EXPECT_NEAR(p, 0.26999967167735456, 1e-3);
  // Monotone decreasing in d.
  double last = 1.0;
  for (double d = 0.001; d < 1.0; d += 0.013) {
    const double v = kstwo_sf(d, 300);
    EXPECT_LE(v, last + 1e-15) << d;
    last = v;
  }
}

}  // namespace
