// Wasserstein-1 and energy distance: properties, hand-computed values and every error.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "divergence/errors.hpp"
#include "divergence/wasserstein.hpp"

namespace {

using divergence::energy_distance;
using divergence::wasserstein1;
using V = std::vector<double>;

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const divergence::ArgumentError& e) {
    EXPECT_EQ(e.kind(), divergence::ArgumentError::Kind::Range);
    return e.what();
  }
  return "(no error)";
}

V normal_sample(std::size_t n, double mean, double sd, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> z(mean, sd);
  V out(n);
  for (double& v : out) v = z(rng);
  return out;
}

TEST(SampleWasserstein, HandComputedValues) {
  EXPECT_DOUBLE_EQ(wasserstein1(V{0}, V{1}), 1.0);
  EXPECT_DOUBLE_EQ(wasserstein1(V{0, 1}, V{0}), 0.5);
  // Mass 1/2 moves from 0 to 2... CDFs: U = 1/2 on [0,1), 1 after; V = 0 before 2, 1 after.
  EXPECT_DOUBLE_EQ(wasserstein1(V{0, 1}, V{2}), 1.5);
  // Weights: u = 0 (3/4), 1 (1/4) against v = 0 -> 1/4.
  EXPECT_DOUBLE_EQ(wasserstein1(V{0, 1}, V{0}, V{3, 1}, V{1}), 0.25);
  // Only ratios of weights matter.
  EXPECT_DOUBLE_EQ(wasserstein1(V{0, 1}, V{0}, V{300, 100}, V{7}), 0.25);
}

TEST(SampleWasserstein, SymmetricAndZeroForIdenticalSamples) {
  const V u = normal_sample(500, 0.0, 1.0, 1), v = normal_sample(700, 0.5, 2.0, 2);
  EXPECT_DOUBLE_EQ(wasserstein1(u, v), wasserstein1(v, u));
  EXPECT_EQ(wasserstein1(u, u), 0.0);
  V shuffled(u.rbegin(), u.rend());
  EXPECT_EQ(wasserstein1(u, shuffled), 0.0);
  EXPECT_EQ(energy_distance(u, u), 0.0);
  EXPECT_DOUBLE_EQ(energy_distance(u, v), energy_distance(v, u));
}

TEST(SampleWasserstein, TranslationByCGivesAbsC) {
  const V u = normal_sample(300, 1.0, 3.0, 3);
  for (double c : {-2.5, 0.125, 7.0}) {
    V shifted(u);
    for (double& x : shifted) x += c;
    EXPECT_NEAR(wasserstein1(u, shifted), std::fabs(c), 1e-12 * (1 + std::fabs(c))) << c;
  }
}

TEST(SampleWasserstein, ScalesWithTheValues) {
  const V u = normal_sample(200, 0.0, 1.0, 4), v = normal_sample(150, 1.0, 1.0, 5);
  V u3(u), v3(v);
  for (double& x : u3) x *= -3.0;
  for (double& x : v3) x *= -3.0;
  EXPECT_NEAR(wasserstein1(u3, v3), 3.0 * wasserstein1(u, v), 1e-12 * wasserstein1(u3, v3));
  // Energy distance scales with the square root of the scale.
  EXPECT_NEAR(energy_distance(u3, v3), std::sqrt(3.0) * energy_distance(u, v), 1e-12);
}

TEST(SampleWasserstein, IntegerWeightsEqualRepeatedValues) {
  const V u{0, 1, 1, 1, 5}, v{0, 3, 3, 4, 4, 4};
  EXPECT_NEAR(wasserstein1(u, v), wasserstein1(V{0, 1, 5}, V{0, 3, 4}, V{1, 3, 1}, V{1, 2, 3}), 1e-15);
  EXPECT_NEAR(energy_distance(u, v), energy_distance(V{0, 1, 5}, V{0, 3, 4}, V{1, 3, 1}, V{1, 2, 3}), 1e-15);
  // A zero weight removes its value (scipy test_zero_weight).
  EXPECT_DOUBLE_EQ(wasserstein1(V{1, 2, 100000}, V{1, 1}, V{1, 1, 0}, V{1, 1}), wasserstein1(V{1, 2}, V{1, 1}));
}

TEST(SampleWasserstein, EnergyDistanceOfTwoPoints) {
  // sqrt(2 E|X-Y| - E|X-X'| - E|Y-Y'|) = sqrt(2 |c|) for two single points |c| apart.
  EXPECT_DOUBLE_EQ(energy_distance(V{0}, V{2}), 2.0);
  EXPECT_DOUBLE_EQ(energy_distance(V{1}, V{1.5}), 1.0);
}

TEST(SampleWasserstein, EnergyDistanceEqualsTheExpectationForm) {
  // D^2 = 2 E|X-Y| - E|X-X'| - E|Y-Y'| over the empirical distributions.
  const V u = normal_sample(40, 0.0, 1.0, 6), v = normal_sample(30, 0.7, 1.5, 7);
  auto mean_abs = [](const V& a, const V& b) {
    double s = 0.0;
    for (double x : a)
      for (double y : b) s += std::fabs(x - y);
    return s / static_cast<double>(a.size() * b.size());
  };
  const double d2 = 2 * mean_abs(u, v) - mean_abs(u, u) - mean_abs(v, v);
  EXPECT_NEAR(energy_distance(u, v), std::sqrt(d2), 1e-12);
}

TEST(SampleWasserstein, NoOverflowOrNaNAtTheExtremes) {
  EXPECT_EQ(wasserstein1(V{-1e308, 1e308}, V{-1e308, 1e308}), 0.0);
  EXPECT_TRUE(std::isinf(wasserstein1(V{-1e308}, V{1e308})));  // the true distance exceeds DBL_MAX
  EXPECT_DOUBLE_EQ(wasserstein1(V{1e-320}, V{3e-320}), 2e-320);
}

TEST(SampleWasserstein, Errors) {
  EXPECT_EQ(error_of([] { wasserstein1(V{}, V{1}); }), "uValues: must not be empty");
  EXPECT_EQ(error_of([] { energy_distance(V{1}, V{}); }), "vValues: must not be empty");
  EXPECT_EQ(error_of([] { wasserstein1(V{1, NAN}, V{1}); }), "uValues: entry 1 is NaN");
  EXPECT_EQ(error_of([] { wasserstein1(V{1}, V{1, 2, INFINITY}); }), "vValues: entry 2 is infinite");
  EXPECT_EQ(error_of([] { energy_distance(V{1, 2, INFINITY}, V{1, 1}); }), "uValues: entry 2 is infinite");
  EXPECT_EQ(error_of([] { wasserstein1(V{0, 1}, V{1}, V{1}, V{1}); }), "uWeights: length 1 differs from uValues (length 2)");
  EXPECT_EQ(error_of([] { wasserstein1(V{0, 1}, V{1}, V{1, 1}, V{1, 2}); }), "vWeights: length 2 differs from vValues (length 1)");
  EXPECT_EQ(error_of([] { wasserstein1(V{0, 1}, V{1}, V{1, -1}, V{1}); }), "uWeights: entry 1 is negative (-1)");
  EXPECT_EQ(error_of([] { wasserstein1(V{0, 1}, V{1}, V{1, NAN}, V{1}); }), "uWeights: entry 1 is NaN");
  EXPECT_EQ(error_of([] { wasserstein1(V{0, 1}, V{1}, V{1, 1}, V{INFINITY}); }), "vWeights: entry 0 is infinite");
  EXPECT_EQ(error_of([] { wasserstein1(V{0, 1}, V{1}, V{0, 0}, V{1}); }),
            "uWeights: must sum to a positive, finite number (sum is 0)");
  EXPECT_EQ(error_of([] { wasserstein1(V{0, 1}, V{1}, V{1e308, 1e308}, V{1}); }),
            "uWeights: must sum to a positive, finite number (sum is inf)");
}

}  // namespace
