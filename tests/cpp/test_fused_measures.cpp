// The fused kernels (fused.hpp) against the general path's definition: the sum of pointwise.hpp
// terms over the normalized entries, computed here with copies and compensated summation.
#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "divergence/discrete.hpp"
#include "divergence/errors.hpp"
#include "divergence/fused.hpp"
#include "divergence/pointwise.hpp"

namespace {

using divergence::Options;
using divergence::Term;

// The definitions in long double (64-bit significand on x86, so the references carry about 3
// more digits than the double computations they check).
using Wide = long double;

template <class F>
double reference_sum(const std::vector<double>& p, const std::vector<double>& q, F term) {
  Wide sp = 0, sq = 0;
  for (double x : p) sp += x;
  for (double x : q) sq += x;
  Wide s = 0;
  for (std::size_t i = 0; i < p.size(); ++i) s += term(p[i] / sp, q[i] / sq);
  return static_cast<double>(s);
}

Wide rel_entr(Wide a, Wide b) {
  if (a == 0) return 0;
  if (b == 0) return INFINITY;
  const Wide r = a / b;
  return a * (r > 0.5L && r < 2 ? std::log1p((a - b) / b) : std::log(r));
}

double kl_ref(const std::vector<double>& p, const std::vector<double>& q) { return reference_sum(p, q, rel_entr); }
// Sum of p_i ln(p_i/q_i) over the raw weights (Options::normalize = false).
double kl_ref_raw(const std::vector<double>& p, const std::vector<double>& q) {
  Wide s = 0;
  for (std::size_t i = 0; i < p.size(); ++i) s += rel_entr(p[i], q[i]);
  return static_cast<double>(s);
}
double ce_ref(const std::vector<double>& p, const std::vector<double>& q) {
  return reference_sum(p, q, [](Wide a, Wide b) { return a == 0 ? Wide(0) : -a * std::log(b); });
}
double js_ref(const std::vector<double>& p, const std::vector<double>& q) {
  return reference_sum(p, q, [](Wide a, Wide b) {
    const Wide m = (a + b) / 2;
    return (a == 0 ? 0 : 0.5L * a * std::log(a / m)) + (b == 0 ? 0 : 0.5L * b * std::log(b / m));
  });
}
double h_ref(const std::vector<double>& p) {
  return reference_sum(p, p, [](Wide a, Wide) { return a == 0 ? Wide(0) : -a * std::log(a); });
}

struct Pair {
  std::vector<double> p, q;
};

// Random pairs of every length 1..40 and some long ones, as probabilities and as counts with
// different totals (the second-pass branch), with some zeros in p.
std::vector<Pair> cases() {
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  std::vector<Pair> out;
  for (std::size_t n : {1, 2, 3, 4, 5, 7, 8, 13, 31, 40, 1001, 100000}) {
    Pair a{std::vector<double>(n), std::vector<double>(n)};
    for (std::size_t i = 0; i < n; ++i) {
      a.p[i] = u(rng) < 0.1 ? 0.0 : u(rng);
      a.q[i] = 0.01 + u(rng);
    }
    if (a.p[0] == 0.0) a.p[0] = 0.5;
    out.push_back(a);
    Pair counts = a;
    for (double& x : counts.p) x = std::round(x * 1000);
    for (double& x : counts.q) x = std::round(x * 3000);
    if (counts.p[0] == 0) counts.p[0] = 1;
    out.push_back(counts);
    Pair near = a;  // q within 1e-6 relative of p (where the log1p form matters)
    for (std::size_t i = 0; i < n; ++i) near.q[i] = a.p[i] == 0 ? 0.0 : a.p[i] * (1 + 1e-6 * (u(rng) - 0.5));
    out.push_back(near);
    Pair scaled = near;  // the same, q scaled by 7: the correction would cancel
    for (double& x : scaled.q) x *= 7;
    out.push_back(scaled);
  }
  // No zeros (every block takes the fast path), entries on both sides of the ln reduction's
  // boundaries (sqrt(2)/2 times a power of two) and within 1e-3 of each other, over 40 binades:
  // the exponents and mantissas of p and q are split differently, the ratio is near 1.
  Pair edges{std::vector<double>(4096), std::vector<double>(4096)};
  for (std::size_t i = 0; i < edges.p.size(); ++i) {
    const double boundary = std::ldexp(std::sqrt(0.5), -static_cast<int>(i % 40));
    edges.p[i] = boundary * (1 + 1e-3 * (u(rng) - 0.5));
    edges.q[i] = boundary * (1 + 1e-3 * (u(rng) - 0.5));
  }
  out.push_back(edges);
  Pair doubled = edges;  // ratios near 2 and 1/2 (the other side of the adjustment)
  for (std::size_t i = 0; i < doubled.q.size(); i += 2) doubled.q[i] *= 2;
  for (std::size_t i = 1; i < doubled.q.size(); i += 2) doubled.q[i] *= 0.5;
  out.push_back(doubled);
  return out;
}

void expect_close(double got, double want, double rel) {
  if (std::isinf(want)) {
    EXPECT_EQ(got, want);
  } else {
    // Plus 2^-51 absolute: rounding p_i/sp and q_i/sq to double already moves a KL of nearly equal
    // distributions by that much (any double implementation, SciPy included).
    EXPECT_NEAR(got, want, rel * std::fabs(want) + 0x1p-51) << "want " << want;
  }
}

TEST(FusedMeasures, MatchTheTermDefinitionsToOneInTen13) {
  for (const Pair& c : cases()) {
    SCOPED_TRACE(c.p.size());
    expect_close(divergence::kl_divergence(c.p, c.q), kl_ref(c.p, c.q), 1e-13);
    expect_close(divergence::cross_entropy(c.p, c.q), ce_ref(c.p, c.q), 1e-13);
    expect_close(divergence::js_divergence(c.p, c.q), std::max(0.0, js_ref(c.p, c.q)), 1e-13);
    expect_close(divergence::entropy(c.p), h_ref(c.p), 1e-13);
    expect_close(divergence::entropy(c.q), h_ref(c.q), 1e-13);
  }
}

TEST(FusedMeasures, TakeTheFusedPathWithoutSmoothingOnly) {
  const std::vector<double> p = {0.2, 0.3, 0.5}, q = {0.1, 0.6, 0.3};
  double out = 0;
  EXPECT_TRUE(divergence::fused_sum_terms(Term::KL, p, q, {}, out));
  EXPECT_NEAR(out, kl_ref(p, q), 1e-15);
  Options smoothed;
  smoothed.smoothing = divergence::Smoothing::pseudocount(1);
  EXPECT_FALSE(divergence::fused_sum_terms(Term::KL, p, q, smoothed, out));
  EXPECT_FALSE(divergence::fused_sum_terms(Term::Jeffreys, p, q, {}, out));
  EXPECT_TRUE(divergence::fused_entropy(p, {}, out));
  EXPECT_NEAR(out, h_ref(p), 1e-15);
}

TEST(FusedMeasures, ConventionsAtZerosAndUnits) {
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(divergence::kl_divergence(std::vector<double>{0.5, 0.5}, std::vector<double>{1.0, 0.0}), inf);
  EXPECT_EQ(divergence::cross_entropy(std::vector<double>{0.5, 0.5}, std::vector<double>{1.0, 0.0}), inf);
  EXPECT_DOUBLE_EQ(divergence::kl_divergence(std::vector<double>{0.0, 1.0}, std::vector<double>{0.5, 0.5}), std::log(2.0));
  Options bits;
  bits.base = 2;
  EXPECT_DOUBLE_EQ(divergence::js_divergence(std::vector<double>{1, 0}, std::vector<double>{0, 1}, bits), 1.0);
  EXPECT_DOUBLE_EQ(divergence::entropy(std::vector<double>{1, 1, 1, 1}, bits), 2.0);
  EXPECT_EQ(divergence::kl_divergence(std::vector<double>{3, 3}, std::vector<double>{1, 1}), 0.0);
  Options raw;
  raw.normalize = false;
  EXPECT_NEAR(divergence::kl_divergence(std::vector<double>{0.5, 0.25}, std::vector<double>{0.25, 0.25}, raw), 0.5 * std::log(2.0), 1e-16);
}

TEST(FusedMeasures, SubnormalAndHugeEntries) {
  // Ratios that overflow or underflow take the scalar form of the term; huge weights the general path.
  const std::vector<double> p = {4.0, 1e-310, 1.0}, q = {2.22e-308, 1.0, 1.0};
  expect_close(divergence::kl_divergence(p, q), kl_ref(p, q), 1e-14);
  const std::vector<double> big = {1e306, 3e306, 1e300}, other = {2e306, 1e306, 1e306};
  expect_close(divergence::kl_divergence(big, other), kl_ref(big, other), 1e-14);
  expect_close(divergence::entropy(big), h_ref(big), 1e-14);
  expect_close(divergence::js_divergence(big, other), js_ref(big, other), 1e-14);
  // Sums near DBL_MAX, whose reciprocals would be subnormal (the second pass then divides).
  const std::vector<double> huge_p = {5e307, 6e307, 1e300, 2e307}, huge_q = {1e307, 1e307, 7e307, 3e307};
  expect_close(divergence::js_divergence(huge_p, huge_q), js_ref(huge_p, huge_q), 1e-14);
  // An entry above the fast path's range of ln(p/q) (p > DBL_MAX / 4, where p + q 2^k can
  // overflow) with q of the same order, so that the term is finite, next to ordinary entries in
  // the same block of 32: the block must be done carefully.
  std::vector<double> huge(40, 1.0), near(40, 1.0);
  huge[5] = 0.9 * DBL_MAX;
  near[5] = 0.5 * DBL_MAX;
  near[7] = 0.75;
  Options raw;
  raw.normalize = false;
  expect_close(divergence::kl_divergence(huge, near, raw), kl_ref_raw(huge, near), 1e-14);
  expect_close(divergence::kl_divergence(huge, near), kl_ref(huge, near), 1e-14);
}

TEST(FusedMeasures, ErrorsAreTheGeneralPathsInItsOrder) {
  const std::vector<double> bad_p = {0.5, -1.0, 0.5}, bad_q = {0.5, std::nan(""), 0.5}, ok = {1, 1, 1};
  try {
    divergence::kl_divergence(bad_p, bad_q);
    FAIL();
  } catch (const divergence::ArgumentError& e) {
    EXPECT_STREQ(e.what(), "p: entry 1 is negative (-1)");
  }
  try {
    divergence::entropy(bad_q);
    FAIL();
  } catch (const divergence::ArgumentError& e) {
    EXPECT_STREQ(e.what(), "p: entry 1 is NaN");
  }
  try {
    divergence::js_divergence(ok, std::vector<double>{1, 1});
    FAIL();
  } catch (const divergence::ArgumentError& e) {
    EXPECT_STREQ(e.what(), "q: length 2 differs from p (length 3)");
  }
  Options one;
  one.base = 1;
  EXPECT_THROW(divergence::cross_entropy(ok, ok, one), divergence::ArgumentError);
  EXPECT_THROW(divergence::kl_divergence(std::vector<double>{0, 0}, ok), divergence::ArgumentError);
}

}  // namespace
