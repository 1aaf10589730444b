// Chi-square goodness-of-fit, G-test and 2 x K homogeneity tests (scipy.stats.chisquare,
// power_divergence(lambda_="log-likelihood"), chi2_contingency(correction=False)).
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <boost/math/distributions/chi_squared.hpp>

#include "divergence/chi_square_test.hpp"
#include "divergence/errors.hpp"
#include "divergence/format.hpp"
#include "divergence/pointwise.hpp"
#include "divergence/summation.hpp"

namespace divergence {
namespace {

// Upper tail of the chi-square distribution with dof >= 1 degrees of freedom.
double chi2_sf(double statistic, std::size_t dof) {
  if (!(statistic > 0.0)) return 1.0;
  if (std::isinf(statistic)) return 0.0;
  const boost::math::chi_squared_distribution<double> dist(static_cast<double>(dof));
  const double p = boost::math::cdf(boost::math::complement(dist, statistic));
  return std::min(std::max(p, 0.0), 1.0);
}

// Validates finite, non-negative entries; returns the compensated total.
double check_counts(Span counts, const char* name) {
  if (counts.empty()) throw range_error(name, "must not be empty");
  NeumaierSum total;
  for (std::size_t i = 0; i < counts.size; ++i) {
    const double x = counts[i];
    if (std::isnan(x)) throw range_error(name, "entry " + std::to_string(i) + " is NaN");
    if (std::isinf(x)) throw range_error(name, "entry " + std::to_string(i) + " is infinite");
    if (x < 0.0) throw range_error(name, "entry " + std::to_string(i) + " is negative (" + format_number(x) + ")");
    total.add(x);
  }
  return total.value();
}

void check_positive_total(double total, const char* name) {
  if (!(total > 0.0)) throw range_error(name, "all entries are zero; the test needs a positive total");
  if (!std::isfinite(total)) throw range_error(name, "the total overflows");
}

// Shared set-up of chi_square_gof and g_test: validated observed and expected, and the dof.
struct GofInput {
  std::vector<double> expected;
  std::size_t dof = 0;
};

GofInput gof_input(Span observed, Span expected, int ddof) {
  const double total_obs = check_counts(observed, "observed");
  check_positive_total(total_obs, "observed");
  const std::size_t k = observed.size;
  GofInput in;
  if (expected.empty()) {
    in.expected.assign(k, total_obs / static_cast<double>(k));
  } else {
    if (expected.size != k) {
      throw range_error("expected", "length " + std::to_string(expected.size) + " differs from observed (length " +
                                        std::to_string(k) + ")");
    }
    const double total_exp = check_counts(expected, "expected");
    const double relative = std::fabs(total_obs - total_exp) / std::min(total_obs, total_exp);
    if (!(relative <= 1e-8)) {
      throw range_error("expected", "sum " + format_number(total_exp) + " differs from the sum of observed (" +
                                        format_number(total_obs) +
                                        ") by more than 1e-08 relative; scale expected to the observed total");
    }
    in.expected.assign(expected.begin(), expected.end());
    for (std::size_t i = 0; i < k; ++i) {
      if (in.expected[i] == 0.0 && observed[i] == 0.0) {
        throw range_error("expected", "entry " + std::to_string(i) +
                                          " is zero and so is observed; the term is 0/0 (drop the category)");
      }
    }
  }
  const long long dof = static_cast<long long>(k) - 1 - static_cast<long long>(ddof);
  if (dof < 1) {
    throw range_error("ddof", "leaves no degrees of freedom (k - 1 - ddof = " + std::to_string(dof) + " with k = " +
                                  std::to_string(k) + " categories)");
  }
  in.dof = static_cast<std::size_t>(dof);
  return in;
}

}  // namespace

ChiSquareResult chi_square_gof(Span observed, Span expected, int ddof) {
  const GofInput in = gof_input(observed, expected, ddof);
  NeumaierSum stat;
  for (std::size_t i = 0; i < observed.size; ++i) {
    const double o = observed[i], e = in.expected[i];
    const double diff = o - e;
    stat.add(e > 0.0 ? diff * diff / e : kInf);  // e == 0 < o here (0/0 was rejected)
  }
  ChiSquareResult r;
  r.statistic = stat.value();
  r.dof = in.dof;
  r.pvalue = chi2_sf(r.statistic, r.dof);
  return r;
}

ChiSquareResult g_test(Span observed, Span expected, int ddof) {
  const GofInput in = gof_input(observed, expected, ddof);
  NeumaierSum stat;
  for (std::size_t i = 0; i < observed.size; ++i) stat.add(2.0 * rel_entr(observed[i], in.expected[i]));
  ChiSquareResult r;
  r.statistic = std::max(stat.value(), 0.0);
  r.dof = in.dof;
  r.pvalue = chi2_sf(r.statistic, r.dof);
  return r;
}

namespace {

// (observed - expected)^2 / expected, written so that huge counts give +inf rather than NaN and
// an expected count that underflowed to 0 gives 0 (nothing observed) or +inf.
double pearson_term(double observed, double expected) {
  const double d = observed - expected;
  if (d == 0.0) return 0.0;
  if (expected == 0.0) return kInf;
  return (d / expected) * d;
}

}  // namespace

ChiSquareResult chi_square_homogeneity(Span ref_counts, Span cur_counts) {
  const double total_ref = check_counts(ref_counts, "referenceCounts");
  const double total_cur = check_counts(cur_counts, "currentCounts");
  if (cur_counts.size != ref_counts.size) {
    throw range_error("currentCounts", "length " + std::to_string(cur_counts.size) + " differs from referenceCounts (length " +
                                        std::to_string(ref_counts.size) + ")");
  }
  check_positive_total(total_ref, "referenceCounts");
  check_positive_total(total_cur, "currentCounts");
  const double total = total_ref + total_cur;
  if (!std::isfinite(total)) throw range_error("currentCounts", "the total of both rows overflows");

  std::size_t kept = 0;
  NeumaierSum stat;
  for (std::size_t i = 0; i < ref_counts.size; ++i) {
    const double a = ref_counts[i], b = cur_counts[i];
    if (a == 0.0 && b == 0.0) continue;  // a category seen in neither sample: dropped
    ++kept;
    // scipy.stats.contingency.expected_freq forms row * column / total; row * (column / total)
    // is the same to an ulp and cannot overflow (counts near 1e245 gave inf/inf = NaN: fuzzing).
    const double share = (a + b) / total;
    stat.add(pearson_term(a, total_ref * share));
    stat.add(pearson_term(b, total_cur * share));
  }
  ChiSquareResult r;
  if (kept <= 1) return r;  // dof 0: statistic 0, p 1
  r.dof = kept - 1;
  r.statistic = stat.value();
  r.pvalue = chi2_sf(r.statistic, r.dof);
  return r;
}

}  // namespace divergence
