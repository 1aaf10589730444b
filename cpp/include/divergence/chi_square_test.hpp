// Chi-square tests on counts: goodness of fit (Pearson and G / log-likelihood ratio) and
// homogeneity of two samples over K categories.
//
// P-values are chi-square upper tails computed with Boost.Math
// (cdf(complement(chi_squared(dof), statistic))), as scipy.stats.chi2.sf. A statistic of +inf gives
// p = 0; a statistic <= 0 gives p = 1.
//
// Input rules shared by all three functions (ArgumentError, Kind::Range, naming the argument):
//   "observed: must not be empty", "observed: entry 2 is NaN", "observed: entry 2 is infinite",
//   "observed: entry 1 is negative (-3)", "observed: all entries are zero; the test needs a positive total",
//   "expected: length 3 differs from observed (length 4)".
// Counts need not be integers (frequencies are accepted, as SciPy does).
#pragma once

#include <cstddef>

#include "divergence/span.hpp"

namespace divergence {

struct ChiSquareResult {
  double statistic = 0.0;  // >= 0, may be +inf (see each function)
  double pvalue = 1.0;     // in [0, 1]
  std::size_t dof = 0;     // degrees of freedom of the reference chi-square distribution
};

// Pearson's goodness-of-fit test: statistic = sum (O_i - E_i)^2 / E_i, p = chi2.sf(statistic, k-1-ddof).
// expected: empty -> every category expects the mean of observed (uniform null); otherwise
// non-negative expected counts of the same length whose sum agrees with sum(observed) to a relative
// 1e-8, as SciPy requires (scale them first; e.g. E_i = ref_i * n_cur / n_ref).
// E_i = 0 with O_i > 0 gives statistic +inf and p = 0 (as SciPy; the convention of expected.json's
// chi2_gof_cur_vs_ref_expected).
// Matches scipy.stats.chisquare(observed, expected, ddof).
// Errors, besides the shared ones:
//   "expected: entry 1 is negative (-2)", NaN / infinite entries,
//   "expected: sum 90 differs from the sum of observed (30) by more than 1e-08 relative; scale expected
//    to the observed total"                                    (SciPy: "For each axis slice, ...")
//   "expected: entry 3 is zero and so is observed; the term is 0/0 (drop the category)"
//                                                              (SciPy returns NaN)
//   "ddof: leaves no degrees of freedom (k - 1 - ddof = 0 with k = 3 categories)"
//                                                              (SciPy returns NaN)
ChiSquareResult chi_square_gof(Span observed, Span expected = {}, int ddof = 0);

// G-test (log-likelihood ratio): statistic G = 2 sum O_i ln(O_i / E_i) (0 where O_i = 0; +inf where
// O_i > 0 = E_i), p = chi2.sf(G, k-1-ddof). Same inputs and errors as chi_square_gof. G is clamped
// at 0 from below (rounding can make a zero statistic -1e-16).
// Matches scipy.stats.power_divergence(observed, expected, ddof, lambda_="log-likelihood")
// (= scipy.stats.chisquare's sibling; G = 2 N KL(O/N || E/N)).
ChiSquareResult g_test(Span observed, Span expected = {}, int ddof = 0);

// Chi-square test of homogeneity of two samples given as counts per category (a 2 x K contingency
// table, rows = reference and current): E_rk = R_r C_k / N,
// statistic = sum over the 2K cells of (O - E)^2 / E, dof = K' - 1, no continuity correction.
// Matches scipy.stats.chi2_contingency([ref_counts, cur_counts], correction=False)[:3].
// Categories that are zero in BOTH rows are dropped first (K' = K minus their number) and do not
// count towards dof: SciPy instead raises "The internally computed table of expected frequencies has
// a zero element", which a fixed category list (a level seen in neither sample) would trigger for no
// good reason. When K' = 1, dof = 0 and the result is statistic 0, p 1 (SciPy's degenerate case).
// Errors, besides the shared ones ("referenceCounts: ...", "currentCounts: ..."):
//   "currentCounts: length 3 differs from ref_counts (length 4)",
//   "referenceCounts: all entries are zero; the test needs a positive total" (an empty row: SciPy raises
//   the zero-expected-frequency error).
ChiSquareResult chi_square_homogeneity(Span ref_counts, Span cur_counts);

}  // namespace divergence
