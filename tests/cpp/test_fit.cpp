// Fitting a normal Q to a two-peaked P by KL (fit.hpp): the value equals kl_grid_log, the exact
// gradient agrees with central finite differences in both directions, the forward optimum is
// moment matching (mixture mean and variance), the reverse fit settles on one peak, and errors.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "divergence/errors.hpp"
#include "divergence/fit.hpp"
#include "divergence/normal.hpp"

namespace {

using divergence::FitDirection;

struct Mixture {
  double w, mu1, s1, mu2, s2;
  double mean() const { return w * mu1 + (1 - w) * mu2; }
  double variance() const {
    const double m = mean();
    return w * (s1 * s1 + mu1 * mu1) + (1 - w) * (s2 * s2 + mu2 * mu2) - m * m;
  }
  double log_pdf(double x) const {
    const double c = 0.5 * std::log(2 * M_PI);
    const double a = std::log(w) - 0.5 * std::pow((x - mu1) / s1, 2) - std::log(s1) - c;
    const double b = std::log(1 - w) - 0.5 * std::pow((x - mu2) / s2, 2) - std::log(s2) - c;
    const double m = std::max(a, b);
    return m + std::log(std::exp(a - m) + std::exp(b - m));
  }
};

std::vector<double> linspace(double a, double b, int n) {
  std::vector<double> x(n);
  for (int i = 0; i < n; ++i) x[i] = a + (b - a) * i / (n - 1);
  return x;
}

struct GriddedMixture {
  std::vector<double> x, log_p;
  explicit GriddedMixture(const Mixture& m, int n = 1000, double lo = -10, double hi = 10) : x(linspace(lo, hi, n)) {
    for (double v : x) log_p.push_back(m.log_pdf(v));
  }
};

const Mixture kTwoPeaks{0.5, -2.0, 0.6, 2.0, 0.6};
const Mixture kUneven{0.3, -1.5, 0.5, 2.5, 0.9};

TEST(NormalFit, ValueEqualsGridIntegralInBothDirections) {
  const GriddedMixture s(kUneven);
  for (double mu : {-1.0, 0.3, 2.0}) {
    for (double ls : {-0.5, 0.0, 0.7}) {
      const auto log_q = divergence::normal_log_pdf(s.x, mu, std::exp(ls));
      const double fwd = divergence::normal_fit_gradient(s.x, s.log_p, mu, ls, FitDirection::Forward).kl;
      const double rev = divergence::normal_fit_gradient(s.x, s.log_p, mu, ls, FitDirection::Reverse).kl;
      EXPECT_NEAR(fwd, divergence::kl_grid_log(s.x, s.log_p, log_q), 1e-12 * fwd);
      EXPECT_NEAR(rev, divergence::kl_grid_log(s.x, log_q, s.log_p), 1e-12 * rev);
    }
  }
}

TEST(NormalFit, GradientMatchesCentralFiniteDifferences) {
  const double h = 1e-5;
  for (const Mixture& m : {kTwoPeaks, kUneven}) {
    const GriddedMixture s(m);
    for (FitDirection d : {FitDirection::Forward, FitDirection::Reverse}) {
      for (double mu : {-1.2, 0.0, 0.8, 2.1}) {
        for (double ls : {-0.6, 0.0, 0.5}) {
          const auto f = [&](double a, double b) { return divergence::normal_fit_gradient(s.x, s.log_p, a, b, d).kl; };
          const auto g = divergence::normal_fit_gradient(s.x, s.log_p, mu, ls, d);
          const double fd_mu = (f(mu + h, ls) - f(mu - h, ls)) / (2 * h);
          const double fd_ls = (f(mu, ls + h) - f(mu, ls - h)) / (2 * h);
          EXPECT_NEAR(g.d_mu, fd_mu, 1e-6 * std::max(1.0, std::fabs(fd_mu))) << "mu " << mu << " ls " << ls << " dir " << int(d);
          EXPECT_NEAR(g.d_log_sigma, fd_ls, 1e-6 * std::max(1.0, std::fabs(fd_ls))) << "mu " << mu << " ls " << ls;
        }
      }
    }
  }
}

TEST(NormalFit, GridMomentsAreTheMixtureMoments) {
  for (const Mixture& m : {kTwoPeaks, kUneven}) {
    const GriddedMixture s(m);
    const auto mo = divergence::grid_moments(s.x, s.log_p);
    EXPECT_NEAR(mo.mass, 1.0, 1e-12);
    EXPECT_NEAR(mo.mean, m.mean(), 1e-12);
    EXPECT_NEAR(mo.variance, m.variance(), 1e-11);
  }
}

TEST(NormalFit, ForwardGradientVanishesAtMomentMatching) {
  for (const Mixture& m : {kTwoPeaks, kUneven}) {
    const GriddedMixture s(m);
    const auto g = divergence::normal_fit_gradient(s.x, s.log_p, m.mean(), 0.5 * std::log(m.variance()), FitDirection::Forward);
    EXPECT_NEAR(g.d_mu, 0.0, 1e-11);
    EXPECT_NEAR(g.d_log_sigma, 0.0, 1e-11);
  }
}

// Natural-gradient descent (the Fisher metric of N(mu, sigma) in (mu, ln sigma) is diag(1/sigma^2, 2)),
// as the <kl-fit> element runs it.
std::pair<double, double> descend(const GriddedMixture& s, FitDirection d, double mu, double ls, double rate, int steps) {
  for (int k = 0; k < steps; ++k) {
    const auto g = divergence::normal_fit_gradient(s.x, s.log_p, mu, ls, d);
    const double sigma2 = std::exp(2 * ls);
    mu -= rate * sigma2 * g.d_mu;
    ls -= rate * 0.5 * g.d_log_sigma;
  }
  return {mu, ls};
}

TEST(NormalFit, ForwardDescentConvergesToMomentMatching) {
  for (const Mixture& m : {kTwoPeaks, kUneven}) {
    const GriddedMixture s(m);
    const auto [mu, ls] = descend(s, FitDirection::Forward, 1.0, 0.0, 0.25, 200);
    EXPECT_NEAR(mu, m.mean(), 1e-9);
    EXPECT_NEAR(std::exp(ls), std::sqrt(m.variance()), 1e-9);
  }
}

TEST(NormalFit, ReverseDescentSeeksTheNearestMode) {
  const GriddedMixture s(kTwoPeaks);
  const auto [mu_r, ls_r] = descend(s, FitDirection::Reverse, 1.0, 0.0, 0.25, 400);
  // The settled Q is the right peak N(2, 0.6^2), pulled very slightly toward the other peak (the
  // mixture's density between the peaks is higher than one component's): a stationary point.
  EXPECT_NEAR(mu_r, 2.0, 0.01);
  EXPECT_NEAR(std::exp(ls_r), 0.6, 0.01);
  const auto g = divergence::normal_fit_gradient(s.x, s.log_p, mu_r, ls_r, FitDirection::Reverse);
  EXPECT_NEAR(g.d_mu, 0.0, 1e-10);
  EXPECT_NEAR(g.d_log_sigma, 0.0, 1e-10);
  const auto [mu_l, ls_l] = descend(s, FitDirection::Reverse, -0.7, 0.0, 0.25, 400);
  EXPECT_NEAR(mu_l, -2.0, 0.01);
  EXPECT_NEAR(std::exp(ls_l), 0.6, 0.01);
  // The forward fit covers both peaks: much wider than either.
  const auto [mu_f, ls_f] = descend(s, FitDirection::Forward, 1.0, 0.0, 0.25, 200);
  EXPECT_NEAR(mu_f, 0.0, 1e-9);
  EXPECT_GT(std::exp(ls_f), 2.0);
}

TEST(NormalFit, ReverseIsInfiniteWhereQCoversZeroDensity) {
  const std::vector<double> x = linspace(-3, 3, 61);
  std::vector<double> log_p(x.size(), -std::numeric_limits<double>::infinity());
  for (std::size_t i = 20; i <= 40; ++i) log_p[i] = std::log(1.0 / 2.0);  // uniform on [-1, 1]
  const auto r = divergence::normal_fit_gradient(x, log_p, 0, 0, FitDirection::Reverse);
  EXPECT_EQ(r.kl, std::numeric_limits<double>::infinity());
  EXPECT_TRUE(std::isnan(r.d_mu));
  const auto f = divergence::normal_fit_gradient(x, log_p, 0, 0, FitDirection::Forward);
  EXPECT_TRUE(std::isfinite(f.kl));
}

TEST(NormalFit, ErrorsNameTheArgument) {
  const std::vector<double> x{0, 1, 2};
  const std::vector<double> lp{0, 0, 0};
  const auto msg = [](auto f) {
    try {
      f();
    } catch (const divergence::ArgumentError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(msg([&] { divergence::normal_fit_gradient(std::vector<double>{0}, std::vector<double>{0}, 0, 0, FitDirection::Forward); }),
            "x: must have at least 2 points (got 1)");
  EXPECT_EQ(msg([&] { divergence::normal_fit_gradient(std::vector<double>{0, 2, 1}, lp, 0, 0, FitDirection::Forward); }),
            "x: not strictly increasing at index 2");
  EXPECT_EQ(msg([&] { divergence::normal_fit_gradient(x, std::vector<double>{0, 0}, 0, 0, FitDirection::Forward); }),
            "logP: length 2 differs from x (length 3)");
  EXPECT_EQ(msg([&] { divergence::normal_fit_gradient(x, std::vector<double>{0, std::nan(""), 0}, 0, 0, FitDirection::Forward); }),
            "logP: entry 1 is NaN");
  EXPECT_EQ(msg([&] { divergence::normal_fit_gradient(x, lp, std::nan(""), 0, FitDirection::Forward); }), "mu: must be finite (got nan)");
  EXPECT_EQ(msg([&] { divergence::normal_fit_gradient(x, lp, 0, 0, static_cast<FitDirection>(7)); }),
            "direction: must be 'forward' or 'reverse'");
  EXPECT_EQ(msg([&] { divergence::grid_moments(x, std::vector<double>(3, -std::numeric_limits<double>::infinity())); }),
            "logP: zero mass on the grid");
}

}  // namespace
