// The measures beyond KL: the term table, f-divergences, Rényi, Bhattacharyya, smoothing,
// log-space inputs, batches and the logits gradient; checked by properties with fixed seeds.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "divergence/discrete.hpp"
#include "divergence/errors.hpp"
#include "random_inputs.hpp"
#include "divergence/log_space.hpp"
#include "divergence/renyi.hpp"
#include "divergence/terms.hpp"

namespace {

using divergence::Options;
using divergence::Scale;
using divergence::Term;
using Vec = std::vector<double>;

const Term kAll[] = {Term::KL, Term::ReverseKL, Term::CrossEntropy, Term::JensenShannon, Term::Jeffreys,
                     Term::TotalVariation, Term::SquaredHellinger, Term::Bhattacharyya, Term::PearsonChi2,
                     Term::NeymanChi2};

TEST(Measures, TermsSumToTheMeasureAndNamesRoundTrip) {
  std::mt19937_64 rng(3);
  const Vec p = test_inputs::random_probabilities(rng, 12, 0.2), q = test_inputs::random_probabilities(rng, 12);
  for (Term t : kAll) {
    SCOPED_TRACE(divergence::term_name(t));
    EXPECT_EQ(divergence::term_from_name(divergence::term_name(t)), t);
    const Vec terms = divergence::pointwise_terms(t, p, q);
    double sum = 0;
    for (double x : terms) sum += x;
    const double total = divergence::sum_terms(t, p, q);
    if (std::isinf(total)) {
      EXPECT_EQ(sum, total);
    } else {
      EXPECT_NEAR(sum, total, 1e-14);
    }
  }
  EXPECT_THROW(divergence::term_from_name("kullback"), divergence::ArgumentError);
  EXPECT_THROW(divergence::f_divergence(p, q, Term::CrossEntropy), divergence::ArgumentError);
}

TEST(Measures, NamedMeasuresAgreeWithTheirDefinitions) {
  std::mt19937_64 rng(5);
  for (int trial = 0; trial < 50; ++trial) {
    const Vec p = test_inputs::random_probabilities(rng, 8), q = test_inputs::random_probabilities(rng, 8);
    const double kl_pq = divergence::kl_divergence(p, q), kl_qp = divergence::kl_divergence(q, p);
    EXPECT_NEAR(divergence::jeffreys(p, q), kl_pq + kl_qp, 1e-13);
    EXPECT_NEAR(divergence::psi(p, q), kl_pq + kl_qp, 1e-13);
    EXPECT_NEAR(divergence::f_divergence(p, q, Term::ReverseKL), kl_qp, 1e-14);
    double pearson = 0, neyman = 0, bc = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
      pearson += (p[i] - q[i]) * (p[i] - q[i]) / q[i];
      neyman += (p[i] - q[i]) * (p[i] - q[i]) / p[i];
      bc += std::sqrt(p[i] * q[i]);
    }
    EXPECT_NEAR(divergence::pearson_chi2(p, q), pearson, 1e-12 * pearson);
    EXPECT_NEAR(divergence::neyman_chi2(p, q), neyman, 1e-12 * neyman);
    EXPECT_NEAR(divergence::bhattacharyya_coefficient(p, q), bc, 1e-15);
    EXPECT_NEAR(divergence::bhattacharyya_distance(p, q), -std::log(bc), 1e-12);
    // KL <= ln(1 + chi^2) (a standard bound between f-divergences).
    EXPECT_LE(kl_pq, std::log1p(pearson) + 1e-15);
    // Pinsker: TV <= sqrt(KL / 2).
    EXPECT_LE(divergence::total_variation(p, q), std::sqrt(kl_pq / 2) + 1e-15);
  }
}

TEST(Measures, RenyiSpecialOrdersAndMonotoneInAlpha) {
  std::mt19937_64 rng(17);
  const double alphas[] = {0.0, 0.1, 0.5, 0.9, 0.999999, 1.0, 1.000001, 1.5, 2.0, 5.0, 50.0, INFINITY};
  for (int trial = 0; trial < 50; ++trial) {
    const Vec p = test_inputs::random_probabilities(rng, 10, 0.2), q = test_inputs::random_probabilities(rng, 10);
    double previous = -1;
    for (double a : alphas) {
      const double d = divergence::renyi_divergence(p, q, a);
      EXPECT_GE(d, previous - 1e-12) << "alpha " << a;
      previous = d;
    }
    const double kl = divergence::kl_divergence(p, q);
    EXPECT_NEAR(divergence::renyi_divergence(p, q, 1.0 + 1e-7), kl, 1e-6 * kl);
    EXPECT_NEAR(divergence::renyi_divergence(p, q, 0.5), 2 * divergence::bhattacharyya_distance(p, q), 1e-13);
    double max_ratio = 0, support_mass = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
      if (p[i] > 0) {
        max_ratio = std::max(max_ratio, p[i] / q[i]);
        support_mass += q[i];
      }
    }
    EXPECT_NEAR(divergence::renyi_divergence(p, q, INFINITY), std::log(max_ratio), 1e-13);
    EXPECT_NEAR(divergence::renyi_divergence(p, q, 0.0), -std::log(support_mass), 1e-13);
    EXPECT_EQ(divergence::renyi_divergence(p, p, 2.0), 0.0);
  }
  // Infinite for alpha > 1 when q vanishes under p; finite below 1.
  EXPECT_TRUE(std::isinf(divergence::renyi_divergence(Vec{0.5, 0.5}, Vec{1, 0}, 2.0)));
  EXPECT_NEAR(divergence::renyi_divergence(Vec{0.5, 0.5}, Vec{1, 0}, 0.5), -2 * std::log(std::sqrt(0.5)), 1e-15);
  EXPECT_THROW(divergence::renyi_divergence(Vec{1}, Vec{1}, -1.0), divergence::ArgumentError);
  EXPECT_THROW(divergence::renyi_divergence(Vec{1}, Vec{1}, NAN), divergence::ArgumentError);
}

TEST(Measures, KlIsAdditiveOverIndependentProducts) {
  std::mt19937_64 rng(23);
  const Vec p1 = test_inputs::random_probabilities(rng, 4), q1 = test_inputs::random_probabilities(rng, 4);
  const Vec p2 = test_inputs::random_probabilities(rng, 5), q2 = test_inputs::random_probabilities(rng, 5);
  Vec p, q;
  for (double a : p1)
    for (double b : p2) p.push_back(a * b);
  for (double a : q1)
    for (double b : q2) q.push_back(a * b);
  EXPECT_NEAR(divergence::kl_divergence(p, q), divergence::kl_divergence(p1, q1) + divergence::kl_divergence(p2, q2), 1e-14);
  // Rényi of every order is additive too.
  for (double a : {0.5, 2.0, 7.0})
    EXPECT_NEAR(divergence::renyi_divergence(p, q, a),
                divergence::renyi_divergence(p1, q1, a) + divergence::renyi_divergence(p2, q2, a), 1e-13);
}

TEST(Measures, DataProcessingInequalityUnderMergingBins) {
  // Merging bins is a deterministic channel: no f-divergence may increase.
  std::mt19937_64 rng(29);
  for (int trial = 0; trial < 100; ++trial) {
    const Vec p = test_inputs::random_probabilities(rng, 12, 0.1), q = test_inputs::random_probabilities(rng, 12);
    Vec pm(4, 0.0), qm(4, 0.0);
    for (std::size_t i = 0; i < 12; ++i) {
      pm[i % 4] += p[i];
      qm[i % 4] += q[i];
    }
    for (Term t : kAll) {
      if (!divergence::is_f_divergence(t)) continue;
      EXPECT_LE(divergence::sum_terms(t, pm, qm), divergence::sum_terms(t, p, q) + 1e-14) << divergence::term_name(t);
    }
  }
}

TEST(Measures, SmoothingOptions) {
  Options eps;
  eps.smoothing = divergence::Smoothing::epsilon(1e-4);
  const Vec s = divergence::probabilities(Vec{0, 2, 6}, eps);
  EXPECT_DOUBLE_EQ(s[0], 1e-4 / (1 + 1e-4));
  EXPECT_DOUBLE_EQ(s[2], 0.75 / (1 + 1e-4));
  Options laplace;
  laplace.smoothing = divergence::Smoothing::pseudocount(1.0);
  const Vec l = divergence::probabilities(Vec{0, 2, 6}, laplace);
  EXPECT_DOUBLE_EQ(l[0], 1.0 / 11);
  EXPECT_DOUBLE_EQ(l[1], 3.0 / 11);
  // Smoothing makes KL finite where q has an empty bin.
  EXPECT_TRUE(std::isinf(divergence::kl_divergence(Vec{1, 1}, Vec{1, 0})));
  EXPECT_NEAR(divergence::kl_divergence(Vec{1, 1}, Vec{1, 0}, laplace), 0.5 * std::log(0.5 / (2.0 / 3)) + 0.5 * std::log(0.5 / (1.0 / 3)), 1e-15);
  Options bad;
  bad.smoothing = divergence::Smoothing::pseudocount(0.0);
  try {
    divergence::kl_divergence(Vec{1}, Vec{1}, bad);
    FAIL();
  } catch (const divergence::ArgumentError& e) {
    EXPECT_STREQ(e.what(), "smoothing.pseudocount: must be a finite number > 0 (got 0)");
  }
}

TEST(LogSpace, LogSumExpIsStable) {
  EXPECT_NEAR(divergence::log_sum_exp(Vec{1000, 1000}), 1000 + std::log(2.0), 1e-12);
  EXPECT_NEAR(divergence::log_sum_exp(Vec{-1000, -1000}), -1000 + std::log(2.0), 1e-12);
  EXPECT_EQ(divergence::log_sum_exp(Vec{-INFINITY, -INFINITY}), -INFINITY);
  EXPECT_THROW(divergence::log_sum_exp(Vec{INFINITY}), divergence::ArgumentError);
  EXPECT_THROW(divergence::log_sum_exp(Vec{}), divergence::ArgumentError);
}

TEST(LogSpace, LogSoftmaxKeepsPrecisionForLargeLogits) {
  // 1000 - (1000 + ln 2) loses ~1e-13 to the spacing of doubles near 1000; the shifted form does not.
  const Vec s = divergence::softmax(Vec{1000, 1000, -INFINITY});
  EXPECT_EQ(s[0], 0.5);
  EXPECT_EQ(s[1], 0.5);
  EXPECT_EQ(s[2], 0.0);
  EXPECT_THROW(divergence::log_softmax(Vec{-INFINITY}), divergence::ArgumentError);
}

TEST(LogSpace, AllScalesGiveTheSameKl) {
  std::mt19937_64 rng(31);
  for (int trial = 0; trial < 50; ++trial) {
    const Vec p = test_inputs::random_probabilities(rng, 6, 0.2), q = test_inputs::random_probabilities(rng, 6);
    const double want = divergence::kl_divergence(p, q);
    Vec lp, lq, zq;
    for (double x : p) lp.push_back(std::log(x));
    for (double x : q) {
      lq.push_back(std::log(x));
      zq.push_back(std::log(x) + 123.0);  // logits: any shift
    }
    EXPECT_NEAR(divergence::kl_divergence_scaled(lp, Scale::LogProbabilities, lq, Scale::LogProbabilities), want, 1e-13);
    EXPECT_NEAR(divergence::kl_divergence_scaled(p, Scale::Probabilities, zq, Scale::Logits), want, 1e-13);
    EXPECT_NEAR(divergence::kl_divergence_scaled(lp, Scale::LogProbabilities, zq, Scale::Logits), want, 1e-13);
  }
  EXPECT_TRUE(std::isinf(divergence::kl_divergence_scaled(Vec{0.5, 0.5}, Scale::Probabilities, Vec{0, -INFINITY}, Scale::LogProbabilities)));
}

TEST(LogSpace, RowsAreIndependentKls) {
  const Vec p{0.25, 0.25, 0.5, 0.2, 0.5, 0.3};
  const Vec q{0.3, 0.2, 0.5, 0.1, 0.6, 0.3};
  const Vec rows = divergence::kl_divergence_rows(p, Scale::Probabilities, q, Scale::Probabilities, 2);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_DOUBLE_EQ(rows[0], divergence::kl_divergence(Vec{0.25, 0.25, 0.5}, Vec{0.3, 0.2, 0.5}));
  EXPECT_DOUBLE_EQ(rows[1], divergence::kl_divergence(Vec{0.2, 0.5, 0.3}, Vec{0.1, 0.6, 0.3}));
  EXPECT_THROW(divergence::kl_divergence_rows(p, Scale::Probabilities, q, Scale::Probabilities, 4), divergence::ArgumentError);
  try {
    divergence::kl_divergence_rows(Vec{1, 1, 0, 0}, Scale::Probabilities, Vec{1, 1, 1, 1}, Scale::Probabilities, 2);
    FAIL();
  } catch (const divergence::ArgumentError& e) {
    EXPECT_STREQ(e.what(), "row 1: p: all entries are zero; a distribution needs a positive total");
  }
}

TEST(LogSpace, GradientMatchesFiniteDifferences) {
  const Vec p{0.1, 0.2, 0.7};
  const Vec z{0.3, -1.2, 2.0};
  const Vec g = divergence::kl_logits_gradient(p, z);
  double sum = 0;
  for (std::size_t i = 0; i < z.size(); ++i) {
    const double h = 1e-6;
    Vec zp = z, zm = z;
    zp[i] += h;
    zm[i] -= h;
    const double fd = (divergence::kl_divergence_scaled(p, Scale::Probabilities, zp, Scale::Logits) -
                       divergence::kl_divergence_scaled(p, Scale::Probabilities, zm, Scale::Logits)) /
                      (2 * h);
    EXPECT_NEAR(g[i], fd, 1e-8);
    sum += g[i];
  }
  EXPECT_NEAR(sum, 0.0, 1e-15);  // softmax - p sums to 0
}

}  // namespace
