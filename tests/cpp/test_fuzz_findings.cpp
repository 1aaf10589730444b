// Regression tests for what fuzzing (scripts/fuzz) found, one per finding, named after it.
#include <gtest/gtest.h>

#include <cmath>

#include "divergence/bin_rules.hpp"
#include "divergence/binning.hpp"
#include "divergence/errors.hpp"
#include "divergence/samples.hpp"
#include "divergence/discrete.hpp"
#include "divergence/renyi.hpp"
#include "divergence/terms.hpp"

namespace {

using Vec = std::vector<double>;

// fuzz_samples: counts near 1e245 made row * column / total overflow to inf, then inf/inf = NaN.
TEST(FuzzFinding, ChiSquareHomogeneityWithHugeCountsIsNotNaN) {
  const Vec ref{6, 7.75, 8.75, 8.24552e+86, 2.75, 11.5};
  const Vec cur{4.10483e+245, 1.25, 5.75, 10.5, 7.75, 8.5};
  const auto r = divergence::chi_square_homogeneity(ref, cur);
  EXPECT_FALSE(std::isnan(r.statistic));
  EXPECT_EQ(r.pvalue, 0.0);
  EXPECT_EQ(r.dof, 5u);
}

// fuzz_binning: a Freedman-Diaconis width tiny against the range asked for 2e271 bins and the
// conversion to an integer was undefined behaviour.
TEST(FuzzFinding, RuleWithAstronomicalBinCountIsAnError) {
  Vec x;
  for (int i = 0; i < 100; ++i) x.push_back(i);  // IQR ~ 50: FD width ~ 21
  x.push_back(1e280);
  try {
    divergence::rule_bin_count(divergence::BinRule::FreedmanDiaconis, x);
    FAIL() << "no error";
  } catch (const divergence::ArgumentError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("binning: the fd rule asks for", 0), 0u) << e.what();
  }
}

// fuzz_binning (found in a CI run): when hi - lo overflows, the fallback edge formula rounded the
// first edge above the minimum, and the minimum value fell outside every bin (a value lost).
TEST(FuzzFinding, EqualWidthBinsKeepTheMinimumWhenTheRangeOverflows) {
  const Vec ref{-1.7974736899010564e+308, -8.7777985100699019e+304, 5.266679106696099e+306};
  const auto b = divergence::equal_width_bins(ref, {}, 9);
  EXPECT_EQ(b.edges.front(), ref[0]);
  std::size_t total = 0;
  for (std::size_t c : b.ref_counts) total += c;
  EXPECT_EQ(total, ref.size());
}

// fuzz_discrete (found in a CI run): cross-entropy on raw weights, with one term overflowing to
// -inf (-p ln q, q ~ 1.4e306) and another +inf (q = 0 < p), summed to NaN.
TEST(FuzzFinding, CrossEntropyWithAnInfiniteAndAnOverflowingTermIsInfinite) {
  divergence::Options raw;
  raw.normalize = false;
  const Vec p{1.3879248467686997e+306, 2.0};
  const Vec q{1.384654686539458e+306, 0.0};
  EXPECT_EQ(divergence::sum_terms(divergence::Term::CrossEntropy, p, q, raw), INFINITY);
}

// fuzz_discrete (found with FUZZ_SEED=1, 100 s): Rényi of raw weights near 7e307 summed the
// weights to inf and an overflowed partial sum to -inf: NaN. Raw weights now go through a
// log-sum-exp of alpha ln p + (1 - alpha) ln q.
TEST(FuzzFinding, RenyiOfHugeRawWeightsIsFinite) {
  divergence::Options raw;
  raw.normalize = false;
  const Vec p{7.0219290034024456e+307, 7.0219290034024456e+307, 7.0219290034024456e+307, 1.0};
  const Vec q{8.25, 8.25, 7.0219290034024456e+307, 0.0};
  const double d = divergence::renyi_divergence(p, q, 0.5, raw);
  EXPECT_TRUE(std::isfinite(d)) << d;
  // Against the direct formula in long double: ln(sum p^a q^(1-a)) / (a - 1).
  long double s = 0;
  for (int i = 0; i < 3; ++i) s += std::sqrt(static_cast<long double>(p[i])) * std::sqrt(static_cast<long double>(q[i]));
  EXPECT_NEAR(d, static_cast<double>(std::log(s) / -0.5L), 1e-12 * std::fabs(d));
}

// fuzz_discrete (found in a CI run): the same with alpha = 1.4e306, where alpha ln p itself
// overflows; large orders must tend to ln max p/q (here ln(1e248 / 6.75)).
TEST(FuzzFinding, RenyiOfRawWeightsWithAnAstronomicalOrderTendsToTheMaxLogRatio) {
  divergence::Options raw;
  raw.normalize = false;
  const Vec p{2, 0.25, 1.0290437361948742e+248, 6.75};
  const Vec q{6.75, 6.75, 6.75, 6.75};
  const double d = divergence::renyi_divergence(p, q, 1.3824172084878715e+306, raw);
  EXPECT_NEAR(d, std::log(1.0290437361948742e+248 / 6.75), 1e-12 * d);
  // A moderate order against the direct long-double formula.
  long double s = 0;
  for (int i = 0; i < 4; ++i) s += std::pow(static_cast<long double>(p[i]), 1.5L) * std::pow(static_cast<long double>(q[i]), -0.5L);
  EXPECT_NEAR(divergence::renyi_divergence(p, q, 1.5, raw), static_cast<double>(std::log(s) / 0.5L), 1e-12 * 1144);
}

// Found while fixing the above: the clamp at 0 came after the unit conversion, so a base below 1
// (allowed, as SciPy) turned legitimately negative values into 0.
TEST(FuzzFinding, BasesBelowOneKeepTheirSign) {
  divergence::Options half;
  half.base = 0.5;
  const Vec p{0.2, 0.8}, q{0.6, 0.4};
  EXPECT_NEAR(divergence::js_divergence(p, q, half), divergence::js_divergence(p, q) / std::log(0.5), 1e-15);
  EXPECT_NEAR(divergence::renyi_divergence(p, q, 2.0, half), divergence::renyi_divergence(p, q, 2.0) / std::log(0.5), 1e-15);
  EXPECT_LT(divergence::js_divergence(p, q, half), 0.0);
  EXPECT_THROW(divergence::js_distance(p, q, half), divergence::ArgumentError);
}

// fuzz_discrete (found in a CI run, November 2026): Jensen-Shannon of raw weights (no
// normalization) with two entries near DBL_MAX was NaN: p + q overflowed and the term became
// inf * 0. Each term is at most (p + q) ln(2) / 2 and is computed in halves there.
TEST(FuzzFinding, JensenShannonOfRawWeightsWhoseSumOverflows) {
  divergence::Options raw;
  raw.normalize = false;
  const double big = 0x1.7e740e7e7ece7p+1023, other = 0x1.7e7405f696c62p+1023;
  const Vec p{big, 2.25, 1.5}, q{other, 8.0, 0.0};
  // The big pair's term from the definition in long double (64-bit significand on x86), whose
  // range holds p + q.
  using Wide = long double;
  const Wide a = big, b = other, m = (a + b) / 2;
  const Wide big_term = 0.5L * a * std::log(a / m) + 0.5L * b * std::log(b / m);
  const double small_terms = divergence::term(divergence::Term::JensenShannon, 2.25, 8.0) +
                             divergence::term(divergence::Term::JensenShannon, 1.5, 0.0);
  const double js = divergence::sum_terms(divergence::Term::JensenShannon, p, q, raw);
  EXPECT_TRUE(std::isfinite(js));
  EXPECT_NEAR(js, static_cast<double>(big_term) + small_terms, 1e-12 * static_cast<double>(big_term));
  EXPECT_NEAR(divergence::js_divergence(p, q, raw), js, 1e-15 * js);
  // The whole fuzz input: every measure a number or an error, never NaN.
  divergence::Options tiny_base = raw;
  tiny_base.base = 2.9943637392080143e-303;
  EXPECT_FALSE(std::isnan(divergence::sum_terms(divergence::Term::JensenShannon, p, q, tiny_base)));
}

}  // namespace
