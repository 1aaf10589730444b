// Chi-square goodness of fit, G-test and homogeneity: values, conventions and every error.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "divergence/chi_square_test.hpp"
#include "divergence/discrete.hpp"
#include "divergence/errors.hpp"

namespace {

using divergence::chi_square_gof;
using divergence::chi_square_homogeneity;
using divergence::g_test;
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

TEST(SampleChiSquare, PearsonGoodnessOfFit) {
  // Uniform null by default: mean 8, statistic (16 + 0 + 16 + 0)/8 = 4, dof 3.
  const divergence::ChiSquareResult r = chi_square_gof(V{4, 8, 12, 8});
  EXPECT_DOUBLE_EQ(r.statistic, 4.0);
  EXPECT_EQ(r.dof, 3u);
  EXPECT_NEAR(r.pvalue, 0.26146412994911117, 1e-15);
  // ddof lowers the degrees of freedom (scipy: chi2.sf(4, 4-1-1)) = exp(-2).
  const divergence::ChiSquareResult s = chi_square_gof(V{4, 8, 12, 8}, {}, 1);
  EXPECT_EQ(s.dof, 2u);
  EXPECT_NEAR(s.pvalue, std::exp(-2.0), 1e-15);
  // The 5% critical value of chi2(1).
  EXPECT_NEAR(chi_square_gof(V{50 + std::sqrt(3.841458820694124 * 25), 50 - std::sqrt(3.841458820694124 * 25)}).pvalue,
              0.05, 1e-12);
  // A perfect fit.
  const divergence::ChiSquareResult perfect = chi_square_gof(V{10, 20, 30}, V{10, 20, 30});
  EXPECT_EQ(perfect.statistic, 0.0);
  EXPECT_EQ(perfect.pvalue, 1.0);
}

TEST(SampleChiSquare, ZeroExpectedWithObservedIsInfinite) {
  const divergence::ChiSquareResult r = chi_square_gof(V{5, 5, 1}, V{6, 5, 0});
  EXPECT_TRUE(std::isinf(r.statistic));
  EXPECT_EQ(r.pvalue, 0.0);
  const divergence::ChiSquareResult g = g_test(V{5, 5, 1}, V{6, 5, 0});
  EXPECT_TRUE(std::isinf(g.statistic));
  EXPECT_EQ(g.pvalue, 0.0);
}

TEST(SampleChiSquare, GTestIsTwiceNTimesKl) {
  const V obs{4, 8, 12, 8}, exp{2, 16, 12, 2};
  const divergence::ChiSquareResult g = g_test(obs, exp);
  EXPECT_NEAR(g.statistic, 2 * 32 * divergence::kl_divergence(obs, exp), 1e-12);
  EXPECT_NEAR(g.statistic, 16.635532333438686, 1e-13);
  EXPECT_EQ(g.dof, 3u);
  // Zero observed counts contribute nothing; the uniform default.
  EXPECT_NEAR(g_test(V{0, 10}).statistic, 2 * 10 * std::log(2.0), 1e-13);
  // A perfect fit is exactly 0 (never a rounding -1e-17).
  const divergence::ChiSquareResult fit = g_test(V{0.1, 0.7, 0.2}, V{0.1, 0.7, 0.2});
  EXPECT_EQ(fit.statistic, 0.0);
  EXPECT_EQ(fit.pvalue, 1.0);
}

TEST(SampleChiSquare, HomogeneityOfTwoRows) {
  // 2 x 2: [[10, 20], [30, 40]]: E = [[12, 18], [28, 42]];
  // statistic = 4/12 + 4/18 + 4/28 + 4/42.
  const divergence::ChiSquareResult r = chi_square_homogeneity(V{10, 20}, V{30, 40});
  EXPECT_NEAR(r.statistic, 4.0 / 12 + 4.0 / 18 + 4.0 / 28 + 4.0 / 42, 1e-15);
  EXPECT_EQ(r.dof, 1u);
  EXPECT_NEAR(r.pvalue, std::erfc(std::sqrt(r.statistic / 2)), 1e-14);  // chi2(1) tail
  // Symmetric in the two rows; proportional rows give 0.
  EXPECT_DOUBLE_EQ(chi_square_homogeneity(V{30, 40}, V{10, 20}).statistic, r.statistic);
  const divergence::ChiSquareResult same = chi_square_homogeneity(V{1, 2, 3}, V{2, 4, 6});
  EXPECT_EQ(same.statistic, 0.0);
  EXPECT_EQ(same.pvalue, 1.0);
  EXPECT_EQ(same.dof, 2u);
}

TEST(SampleChiSquare, HomogeneityDropsCategoriesEmptyInBothRows) {
  const divergence::ChiSquareResult kept = chi_square_homogeneity(V{5, 7, 9}, V{8, 2, 4});
  const divergence::ChiSquareResult dropped = chi_square_homogeneity(V{0, 5, 7, 0, 9}, V{0, 8, 2, 0, 4});
  EXPECT_EQ(dropped.dof, kept.dof);
  EXPECT_DOUBLE_EQ(dropped.statistic, kept.statistic);
  EXPECT_DOUBLE_EQ(dropped.pvalue, kept.pvalue);
  // One category left: SciPy's degenerate case (dof 0, statistic 0, p 1).
  const divergence::ChiSquareResult one = chi_square_homogeneity(V{0, 5}, V{0, 9});
  EXPECT_EQ(one.dof, 0u);
  EXPECT_EQ(one.statistic, 0.0);
  EXPECT_EQ(one.pvalue, 1.0);
}

TEST(SampleChiSquare, Errors) {
  EXPECT_EQ(error_of([] { chi_square_gof(V{}); }), "observed: must not be empty");
  EXPECT_EQ(error_of([] { chi_square_gof(V{1, NAN}); }), "observed: entry 1 is NaN");
  EXPECT_EQ(error_of([] { g_test(V{1, INFINITY}); }), "observed: entry 1 is infinite");
  EXPECT_EQ(error_of([] { chi_square_gof(V{1, -3}); }), "observed: entry 1 is negative (-3)");
  EXPECT_EQ(error_of([] { chi_square_gof(V{0, 0}); }), "observed: all entries are zero; the test needs a positive total");
  EXPECT_EQ(error_of([] { chi_square_gof(V{1, 2, 3, 4}, V{1, 2, 7}); }),
            "expected: length 3 differs from observed (length 4)");
  EXPECT_EQ(error_of([] { chi_square_gof(V{10, 20}, V{30, 60}); }),
            "expected: sum 90 differs from the sum of observed (30) by more than 1e-08 relative; scale expected to the "
            "observed total");
  EXPECT_EQ(error_of([] { chi_square_gof(V{10, 20}, V{32, -2}); }), "expected: entry 1 is negative (-2)");
  EXPECT_EQ(error_of([] { g_test(V{10, 0, 20}, V{15, 0, 15}); }),
            "expected: entry 1 is zero and so is observed; the term is 0/0 (drop the category)");
  EXPECT_EQ(error_of([] { chi_square_gof(V{10}); }), "ddof: leaves no degrees of freedom (k - 1 - ddof = 0 with k = 1 categories)");
  EXPECT_EQ(error_of([] { chi_square_gof(V{10, 20, 30}, {}, 2); }),
            "ddof: leaves no degrees of freedom (k - 1 - ddof = 0 with k = 3 categories)");
  EXPECT_EQ(error_of([] { chi_square_homogeneity(V{1, 2}, V{1, 2, 3}); }),
            "currentCounts: length 3 differs from referenceCounts (length 2)");
  EXPECT_EQ(error_of([] { chi_square_homogeneity(V{0, 0}, V{1, 2}); }),
            "referenceCounts: all entries are zero; the test needs a positive total");
  EXPECT_EQ(error_of([] { chi_square_homogeneity(V{1, 2}, V{1, -2}); }), "currentCounts: entry 1 is negative (-2)");
  EXPECT_EQ(error_of([] { chi_square_homogeneity(V{}, V{}); }), "referenceCounts: must not be empty");
}

}  // namespace
