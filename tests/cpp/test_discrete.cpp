// Properties of the discrete measures over random inputs (fixed seeds), special values, options,
// and every argument error with its message.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "divergence/discrete.hpp"
#include "divergence/errors.hpp"
#include "random_inputs.hpp"

namespace {

using divergence::Options;
using Vec = std::vector<double>;

TEST(DiscreteProperties, NonNegativeZeroIffEqualAndAsymmetric) {
  std::mt19937_64 rng(20261121);
  bool saw_asymmetry = false;
  for (int trial = 0; trial < 200; ++trial) {
    const std::size_t n = 2 + trial % 50;
    const Vec p = test_inputs::random_weights(rng, n);
    const Vec q = test_inputs::random_weights(rng, n);
    const double pq = divergence::kl_divergence(p, q);
    const double qp = divergence::kl_divergence(q, p);
    EXPECT_GE(pq, 0.0);
    EXPECT_EQ(divergence::kl_divergence(p, p), 0.0);
    // ... and only on equal: random distinct distributions are strictly apart in every measure.
    EXPECT_GT(pq, 0.0);
    EXPECT_GT(divergence::js_divergence(p, q), 0.0);
    EXPECT_GT(divergence::total_variation(p, q), 0.0);
    EXPECT_GT(divergence::hellinger(p, q), 0.0);
    if (std::fabs(pq - qp) > 1e-6) saw_asymmetry = true;
  }
  EXPECT_TRUE(saw_asymmetry);
}

TEST(DiscreteProperties, CrossEntropyIsEntropyPlusKl) {
  std::mt19937_64 rng(7);
  for (int trial = 0; trial < 200; ++trial) {
    const std::size_t n = 2 + trial % 40;
    const Vec p = test_inputs::random_weights(rng, n, 0.2);
    const Vec q = test_inputs::random_weights(rng, n);
    for (double base : {2.718281828459045, 2.0, 10.0}) {
      Options o;
      o.base = base;
      const double h = divergence::entropy(p, o);
      const double kl = divergence::kl_divergence(p, q, o);
      const double ce = divergence::cross_entropy(p, q, o);
      EXPECT_NEAR(ce, h + kl, 1e-12 * ce) << "n=" << n << " base=" << base;
    }
  }
}

TEST(DiscreteProperties, JensenShannonBoundedSymmetricAndSquareOfDistance) {
  std::mt19937_64 rng(11);
  for (int trial = 0; trial < 200; ++trial) {
    const std::size_t n = 2 + trial % 30;
    const Vec p = test_inputs::random_weights(rng, n, 0.3);
    const Vec q = test_inputs::random_weights(rng, n, 0.3);
    const double js = divergence::js_divergence(p, q);
    EXPECT_GE(js, 0.0);
    EXPECT_LE(js, std::log(2.0) * (1 + 1e-15));
    EXPECT_DOUBLE_EQ(js, divergence::js_divergence(q, p));
    const double d = divergence::js_distance(p, q);
    EXPECT_NEAR(d * d, js, 1e-15);
    Options bits;
    bits.base = 2.0;
    EXPECT_LE(divergence::js_divergence(p, q, bits), 1.0 + 1e-15);
  }
  // Disjoint supports reach the bound exactly.
  EXPECT_DOUBLE_EQ(divergence::js_divergence(Vec{1, 0}, Vec{0, 1}), std::log(2.0));
}

TEST(DiscreteProperties, BaseConvertsUnits) {
  const Vec p{0.1, 0.6, 0.3}, q{0.2, 0.3, 0.5};
  Options bits;
  bits.base = 2.0;
  EXPECT_NEAR(divergence::kl_divergence(p, q, bits), divergence::kl_divergence(p, q) / std::log(2.0), 1e-16);
  Options ten;
  ten.base = 10.0;
  EXPECT_NEAR(divergence::entropy(p, ten), divergence::entropy(p) / std::log(10.0), 1e-16);
}

TEST(DiscreteProperties, NormalizeFalseKeepsRawWeights) {
  Options raw;
  raw.normalize = false;
  // sum p log(p/q) on the raw numbers: 2 ln(2/1) = 1.386...
  EXPECT_DOUBLE_EQ(divergence::kl_divergence(Vec{2.0}, Vec{1.0}, raw), 2.0 * std::log(2.0));
  // Normalized, both become [1]: KL = 0.
  EXPECT_EQ(divergence::kl_divergence(Vec{2.0}, Vec{1.0}), 0.0);
}

TEST(DiscreteProperties, InfiniteWhereQVanishesUnderP) {
  EXPECT_TRUE(std::isinf(divergence::kl_divergence(Vec{0.5, 0.5}, Vec{1.0, 0.0})));
  EXPECT_TRUE(std::isinf(divergence::cross_entropy(Vec{0.5, 0.5}, Vec{1.0, 0.0})));
  EXPECT_TRUE(std::isinf(divergence::psi(Vec{0.5, 0.5}, Vec{1.0, 0.0})));
  // 0 * log(0/q) = 0: zeros in p are fine.
  EXPECT_DOUBLE_EQ(divergence::kl_divergence(Vec{1.0, 0.0}, Vec{0.5, 0.5}), std::log(2.0));
}

TEST(DiscreteNumerics, LongUniformSumsExactly) {
  // Entropy of a uniform distribution over n = 1e6 bins is ln(1e6); compensated summation keeps
  // the error at a few ulp rather than ~n ulp.
  const Vec u(1000000, 3.0);
  EXPECT_NEAR(divergence::entropy(u), std::log(1e6), 4e-15 * std::log(1e6));
}

TEST(DiscreteNumerics, HugeWeightsDoNotOverflow) {
  const Vec p{1e308, 1e308, 1e308};  // the plain sum overflows
  EXPECT_NEAR(divergence::entropy(p), std::log(3.0), 1e-15);
  EXPECT_EQ(divergence::kl_divergence(p, p), 0.0);
}

TEST(DiscreteNumerics, SubnormalEntriesStayFinite) {
  // scipy#19436: jensenshannon([0,1],[5e-324,1]) returns inf in SciPy 1.10; the true value is ~0.
  EXPECT_EQ(divergence::js_distance(Vec{0, 1}, Vec{5e-324, 1}), 0.0);
  EXPECT_TRUE(std::isfinite(divergence::kl_divergence(Vec{5e-324, 1}, Vec{1e-300, 1})));
}

TEST(DiscreteNumerics, NearlyEqualDistributionsKeepRelativeAccuracy) {
  // KL(P||Q) for Q = P perturbed by d = 2^-23 (so 0.5 +- d is exact in binary): KL ~ 2 d^2,
  // with relative accuracy well beyond what naive log(p/q) gives (absolute error ~1e-16 per
  // term, i.e. ~1e-2 relative here).
  const double d = std::ldexp(1.0, -23);
  const Vec p{0.5, 0.5}, q{0.5 + d, 0.5 - d};
  // Exact: 0.5 ln(0.5/(0.5+d)) + 0.5 ln(0.5/(0.5-d)) = -0.5 ln(1 - 4 d^2) = 2 d^2 + 4 d^4 + ...
  const double exact = -0.5 * std::log1p(-4 * d * d);
  EXPECT_NEAR(divergence::kl_divergence(p, q), exact, 1e-9 * exact);
  // JS = d^2 / (2 (1 - d^2)) to leading order; the next term is O(d^4), 1e-14 relative.
  EXPECT_NEAR(divergence::js_divergence(p, q), d * d / (2 * (1 - d * d)), 1e-9 * d * d);
}

TEST(DiscreteMeasures, TotalVariationAndHellingerKnownValues) {
  const Vec p{0.2, 0.4, 0.3, 0.1}, q{0.3, 0.2, 0.3, 0.2};
  EXPECT_NEAR(divergence::total_variation(p, q), 0.2, 1e-15);
  EXPECT_DOUBLE_EQ(divergence::hellinger(Vec{1, 0}, Vec{0, 1}), 1.0);
  EXPECT_EQ(divergence::hellinger(p, p), 0.0);
}

TEST(DiscreteMeasures, SmoothEpsilonFillsEmptyBinsAndRenormalises) {
  const Vec s = divergence::smooth_epsilon(Vec{0, 1, 3}, 1e-4);
  const double total = 1.0 + 1e-4;
  EXPECT_DOUBLE_EQ(s[0], 1e-4 / total);
  EXPECT_DOUBLE_EQ(s[1], 0.25 / total);
  EXPECT_DOUBLE_EQ(s[2], 0.75 / total);
  EXPECT_THROW(divergence::smooth_epsilon(Vec{1}, 0.0), divergence::ArgumentError);
}

void expect_error(const std::function<void()>& f, const std::string& message) {
  try {
    f();
    FAIL() << "no error; expected: " << message;
  } catch (const divergence::ArgumentError& e) {
    EXPECT_EQ(std::string(e.what()), message);
    EXPECT_EQ(e.kind(), divergence::ArgumentError::Kind::Range);
  }
}

TEST(DiscreteErrors, MessagesNameTheArgumentAndTheProblem) {
  expect_error([] { divergence::kl_divergence(Vec{}, Vec{}); }, "p: must not be empty");
  expect_error([] { divergence::kl_divergence(Vec{0.5, 0.5}, Vec{0.2, 0.3, 0.5}); },
               "q: length 3 differs from p (length 2)");
  expect_error([] { divergence::kl_divergence(Vec{1, -0.5}, Vec{1, 1}); }, "p: entry 1 is negative (-0.5)");
  expect_error([] { divergence::kl_divergence(Vec{1, 1}, Vec{NAN, 1}); }, "q: entry 0 is NaN");
  expect_error([] { divergence::entropy(Vec{1, INFINITY}); }, "p: entry 1 is infinite");
  expect_error([] { divergence::kl_divergence(Vec{0, 0, 0}, Vec{0.2, 0.3, 0.5}); },
               "p: all entries are zero; a distribution needs a positive total");
  Options one;
  one.base = 1.0;
  expect_error([&] { divergence::entropy(Vec{1, 1}, one); }, "base: must be a finite number > 0 and != 1 (got 1)");
  Options negative;
  negative.base = -2.0;
  expect_error([&] { divergence::js_distance(Vec{1}, Vec{1}, negative); },
               "base: must be a finite number > 0 and != 1 (got -2)");
}

}  // namespace
