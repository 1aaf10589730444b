// Normal distributions: the closed-form KL against the reference formula, against the trapezoid
// integral on a grid (agreement to 1e-8), and argument errors.
#include <gtest/gtest.h>

#include <cmath>

#include "divergence/errors.hpp"
#include "divergence/normal.hpp"

namespace {

double textbook(double m1, double s1, double m2, double s2) {
  return std::log(s2 / s1) + (s1 * s1 + (m1 - m2) * (m1 - m2)) / (2 * s2 * s2) - 0.5;
}

TEST(NormalKl, UnitNormalsGiveHalfSquaredMeanGap) {
  for (double d : {0.0, 0.5, 1.0, 3.0, 6.0}) EXPECT_DOUBLE_EQ(divergence::kl_normal(d, 1, 0, 1), d * d / 2);
}

TEST(NormalKl, MatchesTextbookFormula) {
  for (double s1 : {0.3, 1.0, 2.5})
    for (double s2 : {0.5, 1.0, 4.0})
      for (double m : {-2.0, 0.0, 1.5}) EXPECT_NEAR(divergence::kl_normal(m, s1, 0.25, s2), textbook(m, s1, 0.25, s2), 1e-13);
}

TEST(NormalKl, AccurateWhenScalesAreClose) {
  // sigmaP = sigmaQ (1 + t): KL = t - log1p(t) + t^2/2 = t^2 - t^3/3 + ... ; the textbook form
  // loses all digits at t = 1e-9.
  const double t = 1e-9;
  EXPECT_NEAR(divergence::kl_normal(0, 1 + t, 0, 1), t * t - t * t * t / 3, 1e-6 * t * t);
}

TEST(NormalKl, ClosedFormEqualsGridIntegral) {
  struct Case { double mp, sp, mq, sq; };
  for (const Case& c : {Case{0, 1, 1, 1}, Case{-2, 1, 2, 2}, Case{3, 2, -3, 1}, Case{0.5, 0.7, 0, 1.3}}) {
    const double lo = std::min(c.mp - 12 * c.sp, c.mq - 12 * c.sq);
    const double hi = std::max(c.mp + 12 * c.sp, c.mq + 12 * c.sq);
    const int n = 4001;
    std::vector<double> x(n);
    for (int i = 0; i < n; ++i) x[i] = lo + (hi - lo) * i / (n - 1);
    const auto p = divergence::normal_pdf(x, c.mp, c.sp);
    const auto q = divergence::normal_pdf(x, c.mq, c.sq);
    EXPECT_NEAR(divergence::kl_grid(x, p, q), divergence::kl_normal(c.mp, c.sp, c.mq, c.sq), 1e-8);
  }
}

TEST(NormalKl, LogSpaceGridStaysFiniteWhereTheDensityUnderflows) {
  // sigmaQ = 0.3, window of 12 sigma_P = 2 around mu_P = -3 reaches 90 sigma_Q from mu_Q = 3:
  // q underflows to 0 in linear scale and kl_grid is +inf, while the log-space integral agrees
  // with the closed form.
  const double mp = -3, sp = 2, mq = 3, sq = 0.3;
  const int n = 8001;
  std::vector<double> x(n);
  for (int i = 0; i < n; ++i) x[i] = -27 + 54.0 * i / (n - 1);
  EXPECT_TRUE(std::isinf(divergence::kl_grid(x, divergence::normal_pdf(x, mp, sp), divergence::normal_pdf(x, mq, sq))));
  const double log_grid = divergence::kl_grid_log(x, divergence::normal_log_pdf(x, mp, sp), divergence::normal_log_pdf(x, mq, sq));
  const double closed = divergence::kl_normal(mp, sp, mq, sq);
  EXPECT_NEAR(log_grid, closed, 1e-8 * closed);
  const auto lp = divergence::normal_log_pdf(std::vector<double>{0.5}, 0, 2);
  EXPECT_NEAR(std::exp(lp[0]), divergence::normal_pdf(std::vector<double>{0.5}, 0, 2)[0], 1e-16);
}

TEST(NormalKl, ErrorsNameTheArgument) {
  try {
    divergence::kl_normal(0, 0, 0, 1);
    FAIL();
  } catch (const divergence::ArgumentError& e) {
    EXPECT_STREQ(e.what(), "sigmaP: must be a finite number > 0 (got 0)");
  }
  try {
    divergence::kl_normal(NAN, 1, 0, 1);
    FAIL();
  } catch (const divergence::ArgumentError& e) {
    EXPECT_STREQ(e.what(), "muP: must be finite (got nan)");
  }
  const std::vector<double> x{0, 1, 1}, p{1, 1, 1};
  try {
    divergence::kl_grid(x, p, p);
    FAIL();
  } catch (const divergence::ArgumentError& e) {
    EXPECT_STREQ(e.what(), "x: not strictly increasing at index 2");
  }
  EXPECT_THROW(divergence::kl_grid(std::vector<double>{0}, std::vector<double>{1}, std::vector<double>{1}),
               divergence::ArgumentError);
}

}  // namespace
