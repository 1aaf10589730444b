// KL divergence from samples: Monte Carlo with known log-densities, and the k-nearest-neighbour
// estimator of Wang, Kulkarni & Verdú (2009) against the closed form for normals.
//
// Tolerances of the kNN tests. With n = m = 2000 and P = N(0, 1), Q = N(1, 2^2) (1-D) or
// P = N(0, I), Q = N((1, 0), diag(4, 1)) (2-D), both with D(P||Q) = ln 2 - 1/4 = 0.4431, 60
// independent seeds gave (mean - truth, standard deviation of one estimate):
//   d = 1: k = 1 (+0.002, 0.045), k = 5 (-0.006, 0.026)
//   d = 2: k = 1 (+0.000, 0.057), k = 5 (+0.006, 0.034)
// so the finite-sample bias is small next to the spread here. We test k = 5 at tolerance 0.12 (1-D)
// and 0.15 (2-D), about 4.5 standard deviations, which a correct implementation passes for any seed
// and any standard library's normal generator with probability > 0.9999, while a wrong d factor,
// log(m/(n-1)) term, or neighbour order misses by more (e.g. dropping d in 2-D halves the sum).
// The exact arithmetic is checked separately against a brute-force computation.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "divergence/errors.hpp"
#include "divergence/sample_kl.hpp"

namespace {

using divergence::kl_knn;
using divergence::kl_monte_carlo;
using V = std::vector<double>;

constexpr double kPi = 3.141592653589793;
const double kTruth = std::log(2.0) - 0.25;  // D(N(0,1) || N(1, 2^2)) = ln 2 + (1 + 1)/8 - 1/2

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const divergence::ArgumentError& e) {
    EXPECT_EQ(e.kind(), divergence::ArgumentError::Kind::Range);
    return e.what();
  }
  return "(no error)";
}

double log_normal_pdf(double x, double mean, double sd) {
  const double z = (x - mean) / sd;
  return -0.5 * z * z - std::log(sd) - 0.5 * std::log(2 * kPi);
}

TEST(SampleKlMonteCarlo, NormalsWithinFourStandardErrors) {
  std::mt19937_64 rng(2024);
  std::normal_distribution<double> z(0.0, 1.0);
  const std::size_t n = 20000;
  V lp(n), lq(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double x = z(rng);  // a sample of P = N(0, 1)
    lp[i] = log_normal_pdf(x, 0.0, 1.0);
    lq[i] = log_normal_pdf(x, 1.0, 2.0);
  }
  const divergence::MonteCarloEstimate e = kl_monte_carlo(lp, lq);
  EXPECT_NEAR(e.estimate, kTruth, 4 * e.standard_error);
  // The log-ratio here is 3/8 x^2 + ... with variance about 0.36: standard error about 0.6/sqrt(n).
  EXPECT_NEAR(e.standard_error, 0.6 / std::sqrt(static_cast<double>(n)), 0.1 / std::sqrt(static_cast<double>(n)));
}

TEST(SampleKlMonteCarlo, ExactArithmetic) {
  const divergence::MonteCarloEstimate e = kl_monte_carlo(V{1, 2, 3, 4}, V{0, 0, 0, 0});
  EXPECT_DOUBLE_EQ(e.estimate, 2.5);
  EXPECT_DOUBLE_EQ(e.standard_error, std::sqrt((2.25 + 0.25 + 0.25 + 2.25) / 3 / 4));
  // Identical densities: 0 +- 0.
  const divergence::MonteCarloEstimate z = kl_monte_carlo(V{-1, -2}, V{-1, -2});
  EXPECT_EQ(z.estimate, 0.0);
  EXPECT_EQ(z.standard_error, 0.0);
  // q vanishes at a sample of P: D = +inf.
  const divergence::MonteCarloEstimate inf = kl_monte_carlo(V{-1, -2}, V{-1, -INFINITY});
  EXPECT_TRUE(std::isinf(inf.estimate));
  EXPECT_TRUE(std::isinf(inf.standard_error));
}

TEST(SampleKlMonteCarlo, Errors) {
  EXPECT_EQ(error_of([] { kl_monte_carlo(V{1}, V{1}); }), "logP: needs at least 2 samples (got 1)");
  EXPECT_EQ(error_of([] { kl_monte_carlo(V{1, 2, 3, 4}, V{1, 2, 3}); }),
            "logQ: length 3 differs from logP (length 4)");
  EXPECT_EQ(error_of([] { kl_monte_carlo(V{1, 2, NAN}, V{1, 2, 3}); }), "logP: entry 2 is NaN");
  EXPECT_EQ(error_of([] { kl_monte_carlo(V{1, -INFINITY}, V{1, 2}); }), "logP: entry 1 is infinite");
  EXPECT_EQ(error_of([] { kl_monte_carlo(V{1, 2, 3}, V{1, 2, NAN}); }), "logQ: entry 2 is NaN");
  EXPECT_EQ(error_of([] { kl_monte_carlo(V{1, 2, 3}, V{1, 2, INFINITY}); }), "logQ: entry 2 is +inf");
  EXPECT_EQ(error_of([] { kl_monte_carlo(V{1e308, 2}, V{-1e308, 2}); }), "logQ: log p - log q overflows a double");
}

// Samples: P = N(0, I_d), Q = N((1, 0, ...), diag(4, 1, ...)), row-major.
void draw(std::size_t n, std::size_t m, std::size_t d, unsigned seed, V& x, V& y) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> z(0.0, 1.0);
  x.resize(n * d);
  y.resize(m * d);
  for (double& v : x) v = z(rng);
  for (std::size_t i = 0; i < m; ++i) {
    y[i * d] = 1.0 + 2.0 * z(rng);
    for (std::size_t c = 1; c < d; ++c) y[i * d + c] = z(rng);
  }
}

TEST(SampleKlKnn, NormalsOneDimension) {
  V x, y;
  draw(2000, 2000, 1, 7, x, y);
  EXPECT_NEAR(kl_knn(x, 2000, y, 2000, 1, 5), kTruth, 0.12);
  EXPECT_NEAR(kl_knn(x, 2000, y, 2000, 1, 1), kTruth, 0.2);  // k = 1: sd 0.045
}

TEST(SampleKlKnn, NormalsTwoDimensions) {
  V x, y;
  draw(2000, 2000, 2, 8, x, y);
  EXPECT_NEAR(kl_knn(x, 2000, y, 2000, 2, 5), kTruth, 0.15);
}

TEST(SampleKlKnn, IdenticalDistributionsGiveAboutZero) {
  std::mt19937_64 rng(9);
  std::normal_distribution<double> z(0.0, 1.0);
  V x(3000), y(3000);
  for (double& v : x) v = z(rng);
  for (double& v : y) v = z(rng);
  EXPECT_NEAR(kl_knn(x, 3000, y, 3000, 1, 5), 0.0, 0.1);
}

// Brute force of the same formula for checking the arithmetic (any d).
double brute(const V& x, std::size_t n, const V& y, std::size_t m, std::size_t d, std::size_t k) {
  auto dist = [d](const double* a, const double* b) {
    double s = 0;
    for (std::size_t c = 0; c < d; ++c) s += (a[c] - b[c]) * (a[c] - b[c]);
    return std::sqrt(s);
  };
  double sum = 0;
  for (std::size_t i = 0; i < n; ++i) {
    V dx, dy;
    for (std::size_t j = 0; j < n; ++j)
      if (j != i) dx.push_back(dist(&x[i * d], &x[j * d]));
    for (std::size_t j = 0; j < m; ++j) dy.push_back(dist(&x[i * d], &y[j * d]));
    std::sort(dx.begin(), dx.end());
    std::sort(dy.begin(), dy.end());
    sum += std::log(dy[k - 1] / dx[k - 1]);
  }
  return static_cast<double>(d) / n * sum + std::log(static_cast<double>(m) / (n - 1.0));
}

TEST(SampleKlKnn, ArithmeticMatchesBruteForce) {
  for (std::size_t d : {1u, 2u, 3u}) {
    V x, y;
    draw(60, 45, d, 10 + static_cast<unsigned>(d), x, y);
    for (std::size_t k : {1u, 3u, 7u}) {
      EXPECT_NEAR(kl_knn(x, 60, y, 45, d, k), brute(x, 60, y, 45, d, k), 1e-12) << "d " << d << " k " << k;
    }
  }
}

TEST(SampleKlKnn, OneDimensionalPathEqualsTheGeneralOne) {
  // Embedding 1-D data in 2-D with a zero coordinate keeps every distance; only the factor d changes.
  V x, y;
  draw(300, 200, 1, 12, x, y);
  V x2, y2;
  for (double v : x) x2.insert(x2.end(), {v, 0.0});
  for (double v : y) y2.insert(y2.end(), {v, 0.0});
  const double c = std::log(200.0 / 299.0);
  EXPECT_NEAR(kl_knn(x2, 300, y2, 200, 2, 4) - c, 2 * (kl_knn(x, 300, y, 200, 1, 4) - c), 1e-12);
}

TEST(SampleKlKnn, ScaleInvariantAndNoOverflow) {
  V x, y;
  draw(100, 80, 2, 13, x, y);
  const double base = kl_knn(x, 100, y, 80, 2, 2);
  for (double s : {1e300, 1e-300, -7.0}) {
    V xs(x), ys(y);
    for (double& v : xs) v *= s;
    for (double& v : ys) v *= s;
    EXPECT_NEAR(kl_knn(xs, 100, ys, 80, 2, 2), base, 1e-12) << s;
  }
}

TEST(SampleKlKnn, Errors) {
  const V x{0, 1, 2, 3, 4, 5}, y{0.5, 1.5, 2.5};
  EXPECT_EQ(error_of([&] { kl_knn(x, 6, y, 3, 0, 1); }), "d: must be at least 1");
  EXPECT_EQ(error_of([&] { kl_knn(x, 6, y, 3, 1, 0); }), "k: must be at least 1");
  EXPECT_EQ(error_of([&] { kl_knn(V{1}, 1, y, 3, 1, 1); }), "n: needs at least 2 samples of P (got 1)");
  EXPECT_EQ(error_of([&] { kl_knn(x, 6, V{}, 0, 1, 1); }), "m: needs at least 1 sample of Q (got 0)");
  EXPECT_EQ(error_of([&] { kl_knn(x, 4, y, 3, 2, 1); }), "x: length 6 differs from n*d = 4*2");
  EXPECT_EQ(error_of([&] { kl_knn(x, 3, y, 3, 2, 1); }), "y: length 3 differs from m*d = 3*2");
  EXPECT_EQ(error_of([&] { kl_knn(x, 6, y, 3, 1, 6); }), "k: must be at most n - 1 = 5 (got 6)");
  EXPECT_EQ(error_of([&] { kl_knn(x, 6, y, 3, 1, 4); }), "k: must be at most m = 3 (got 4)");
  EXPECT_EQ(error_of([&] { kl_knn(V{0, NAN}, 2, y, 3, 1, 1); }), "x: entry 1 is NaN");
  {
    const V big(2 * 20000, 0.0), other(2 * 5000, 1.0);  // 20000 * 25000 = 5e8 pairs: refused before any work
    EXPECT_EQ(error_of([&] { kl_knn(big, 20000, other, 5000, 2, 1); }),
              "n: brute-force neighbour search in d >= 2 is limited to n*(n+m) <= 4e8 distance pairs (got 500000000); "
              "subsample x and y");
  }
  EXPECT_EQ(error_of([&] { kl_knn(x, 6, V{0, 1, INFINITY}, 3, 1, 1); }), "y: entry 2 is infinite");
  // Duplicates: rows 1 and 2 of x coincide (k = 1), or x's row 0 also occurs in y.
  EXPECT_EQ(error_of([&] { kl_knn(V{0, 1, 1, 3}, 4, y, 3, 1, 1); }),
            "x: row 1 has k = 1 identical copies among the other rows of x (its k-th neighbour distance is 0); "
            "remove duplicate rows, add jitter, or increase k");
  EXPECT_NO_THROW(kl_knn(V{0, 1, 1, 3}, 4, y, 3, 1, 2));  // k = 2 looks past the single copy
  EXPECT_EQ(error_of([&] { kl_knn(V{0.5, 7, 9}, 3, y, 3, 1, 1); }),
            "y: row 0 of x has k = 1 identical copies in y (its k-th neighbour distance is 0); "
            "remove duplicate rows, add jitter, or increase k");
  EXPECT_EQ(error_of([&] { kl_knn(V{0, 0, 1, 1, 0, 0}, 3, V{5, 5}, 1, 2, 1); }),
            "x: row 0 has k = 1 identical copies among the other rows of x (its k-th neighbour distance is 0); "
            "remove duplicate rows, add jitter, or increase k");
}

}  // namespace
