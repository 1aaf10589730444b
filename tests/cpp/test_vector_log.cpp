// The fused kernels' logarithm (fused.hpp vector_log) against std::log: at most 2 ulp over the
// whole positive double range, dense in every binade including the subnormals, plus the edges.
#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

#include "divergence/fused.hpp"

namespace {

double from_bits(std::uint64_t b) {
  double x;
  std::memcpy(&x, &b, sizeof x);
  return x;
}

// |a - b| in units of the spacing of doubles at b.
double ulps(double a, double b) {
  if (a == b) return 0.0;
  const double spacing = std::nextafter(std::fabs(b), std::numeric_limits<double>::infinity()) - std::fabs(b);
  return std::fabs(a - b) / spacing;
}

double max_ulps(const std::vector<double>& x) {
  std::vector<double> out(x.size());
  divergence::vector_log(x.data(), out.data(), x.size());
  double worst = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double e = ulps(out[i], std::log(x[i]));
    if (!(e <= worst)) worst = e;  // NaN counts as worst
  }
  return worst;
}

TEST(VectorLog, AtMostTwoUlpInEveryBinade) {
  // 2048 binades (exponent fields 0..2046: subnormals and all normals) x 4096 random mantissas.
  std::mt19937_64 rng(7);
  std::vector<double> x;
  x.reserve(2047 * 4096);
  for (std::uint64_t e = 0; e <= 2046; ++e) {
    for (int i = 0; i < 4096; ++i) {
      const std::uint64_t mantissa = rng() & ((1ULL << 52) - 1);
      const double v = from_bits((e << 52) | mantissa);
      if (v > 0.0) x.push_back(v);
    }
  }
  EXPECT_LE(max_ulps(x), 2.0);
}

TEST(VectorLog, AtMostTwoUlpNearOneAndAtTheReductionEdges) {
  std::vector<double> x;
  for (double centre : {1.0, std::sqrt(0.5), std::sqrt(2.0), 0.5, 2.0, 2.718281828459045}) {
    double lo = centre, hi = centre;
    for (int i = 0; i < 20000; ++i) {
      lo = std::nextafter(lo, 0.0);
      hi = std::nextafter(hi, 4.0);
      x.push_back(lo);
      x.push_back(hi);
    }
  }
  for (int k = 1; k < 60; ++k) {
    x.push_back(1.0 + std::ldexp(1.0, -k));
    x.push_back(1.0 - std::ldexp(1.0, -k - 1));
  }
  EXPECT_LE(max_ulps(x), 2.0);
}

TEST(VectorLog, EdgeValuesAndConventions) {
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<double> x = {DBL_TRUE_MIN, DBL_MIN, std::nextafter(DBL_MIN, 0.0), DBL_MAX, 1.0, 2.0, 0.5, 1e-300, 1e300};
  EXPECT_LE(max_ulps(x), 2.0);
  std::vector<double> special = {0.0, -0.0, inf, -1.0, std::nan(""), 1.0, -inf};
  std::vector<double> out(special.size());
  divergence::vector_log(special.data(), out.data(), special.size());
  EXPECT_EQ(out[0], -inf);
  EXPECT_EQ(out[1], -inf);
  EXPECT_EQ(out[2], inf);
  EXPECT_TRUE(std::isnan(out[3]));
  EXPECT_TRUE(std::isnan(out[4]));
  EXPECT_EQ(out[5], 0.0);
  EXPECT_TRUE(std::isnan(out[6]));
  EXPECT_DOUBLE_EQ(out[5], 0.0);
  // Exact values: ln 1 = 0; ln(2^k) = k ln 2 within 1 ulp.
  std::vector<double> powers = {std::ldexp(1.0, -1074), std::ldexp(1.0, -1022), std::ldexp(1.0, 1023)};
  EXPECT_LE(max_ulps(powers), 1.0);
}

// KL's ln(x/y) (vector_log_ratio, the fast path's form) against ln(x/y) in long double (64-bit
// significand on x86): log1p((x - y)/y) near 1, ln x - ln y elsewhere.
double ratio_ulps(double x, double y, double got) {
  using Wide = long double;
  const Wide wx = x, wy = y;
  const Wide r = wx / wy;
  const double want = static_cast<double>(r > 0.5L && r < 2.0L ? std::log1p((wx - wy) / wy) : std::log(wx) - std::log(wy));
  return ulps(got, want);
}

double max_ratio_ulps(const std::vector<double>& x, const std::vector<double>& y) {
  std::vector<double> out(x.size());
  divergence::vector_log_ratio(x.data(), y.data(), out.data(), x.size());
  double worst = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double e = ratio_ulps(x[i], y[i], out[i]);
    if (!(e <= worst)) worst = e;
  }
  return worst;
}

TEST(VectorLogRatio, AtMostTwoUlpOverTheFastRanges) {
  // x, y with random exponent fields and mantissas: x in [2 DBL_MIN, DBL_MAX / 4] (exponent fields
  // 2 to 2044), y in [DBL_MIN, DBL_MAX].
  std::mt19937_64 rng(11);
  std::vector<double> x, y;
  for (int i = 0; i < 1 << 20; ++i) {
    const std::uint64_t ex = 2 + rng() % 2043, ey = 1 + rng() % 2046;
    x.push_back(from_bits((ex << 52) | (rng() & ((1ULL << 52) - 1))));
    y.push_back(from_bits((ey << 52) | (rng() & ((1ULL << 52) - 1))));
  }
  EXPECT_LE(max_ratio_ulps(x, y), 2.0);
}

TEST(VectorLogRatio, AtMostTwoUlpForNearlyEqualArgumentsAndAtTheReductionEdges) {
  std::mt19937_64 rng(12);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::vector<double> x, y;
  for (int i = 0; i < 1 << 18; ++i) {
    const double b = std::ldexp(0.5 + unit(rng), static_cast<int>(rng() % 200) - 100);
    // x = y (1 + d), |d| from 2^-52 to 1/2: the regime where ln(x/y) is small and s carries it.
    const double d = std::ldexp(unit(rng) - 0.5, -static_cast<int>(rng() % 52));
    x.push_back(b * (1.0 + d));
    y.push_back(b);
    // Ratios near 2^(j + 1/2) +- 0.0861, where k steps (the rounding of d / 2^52 + 1/2).
    const double edge = std::exp2((rng() % 5) - 2.5 + (unit(rng) - 0.5) * 0.2);
    x.push_back(b * edge);
    y.push_back(b);
  }
  // x and y at the ends of the ranges; equal arguments give exactly 0.
  for (double a : {2 * DBL_MIN, 1.0, DBL_MAX / 4}) {
    for (double b : {DBL_MIN, 3 * DBL_MIN, 1.0, 1e300, DBL_MAX}) {
      x.push_back(a);
      y.push_back(b);
    }
  }
  EXPECT_LE(max_ratio_ulps(x, y), 2.0);
  std::vector<double> same = {1.0, 0.3, 1e-300, DBL_MAX / 4}, out(same.size());
  divergence::vector_log_ratio(same.data(), same.data(), out.data(), same.size());
  for (double v : out) EXPECT_EQ(v, 0.0);
}

}  // namespace
