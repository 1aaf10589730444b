// Drift decisions: which test or distance decides whether a column drifted, with which threshold,
// and the dataset verdict.
//
// PRESET "default" — Evidently's default data drift algorithm (DataDriftPreset / DataDriftTable),
// as documented at https://docs.evidentlyai.com/reference/data-drift-algorithm and implemented in
// evidently/calculations/stattests/registry.py (_get_default_stattest). With n_ref = the reference's
// non-missing values of the column and n_unique = the distinct non-missing values of both sides:
//   n_ref <= 1000:
//     numeric, n_unique > 5           "ks":   two-sample KS p-value (ks_2samp, method auto) < 0.05
//     numeric n_unique <= 5, or categorical/boolean:
//        n_unique > 2                 "chi2": chi-square goodness-of-fit p-value < 0.05, observed =
//                                     current counts, expected = reference counts * n_cur / n_ref
//                                     (Evidently's chi_stat_test = scipy.stats.chisquare(f_obs, f_exp))
//        n_unique <= 2                "z":    two-proportion z-test p-value < 0.05 (Evidently's
//                                     z_stat_test; pooled variance; p = 2 (1 - Phi(|z|)), computed here
//                                     as erfc(|z| / sqrt 2); p = 1 when both sides hold one same value)
//   n_ref > 1000:
//     numeric, n_unique > 5           "wasserstein_normed": W1 / max(std_ref (ddof 0), 0.001) >= 0.1
//     otherwise                       "js_distance_base_e": Jensen-Shannon distance (natural log, as
//                                     scipy.spatial.distance.jensenshannon) of the category shares >= 0.1
// For numeric columns with n_unique <= 5 the categories are the distinct values (the as_categorical
// view), as Evidently's get_binned_data does for numeric columns with few values. Evidently has used
// both base e and base 2 for this distance across versions; we use base e (the value expected.json
// calls "what Evidently reports").
//
// PRESET "psi" — the credit-scoring Population Stability Index rule of thumb (Siddiqi, "Credit Risk
// Scorecards", Wiley 2006; Yurdakul, "Statistical properties of population stability index", 2018):
// numeric: PSI on the reference-quantile bins (CompareSpec::quantile_bins, deciles by default);
// categorical/boolean: PSI on the categories; both on smoothed shares (CompareSpec::smoothing).
// level "none" below psi_moderate (0.1), "moderate" from 0.1, "major" from psi_major (0.25); drifted =
// major.
//
// PRESET "custom" — CompareSpec::custom_numeric / custom_categorical: a measure of report_spec.hpp's
// list and its threshold; p-value measures (ks, chi2, chi2_homogeneity) flag drift when p < threshold,
// every other measure when score >= threshold.
//
// Effect size, reported beside every decision (so that a tiny p-value on a large file can be read
// against the size of the change): wasserstein_normed for numeric columns with n_unique > 5, else the
// JS distance (base e) of the categories.
//
// Dataset verdict (Evidently's DatasetDriftMetric: dataset_drift = share >= drift_share, default 0.5):
// share = drifted columns / compared columns (columns with an error are not counted); drifted when
// at least one column was compared and share >= CompareSpec::drift_share.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "divergence/report_spec.hpp"

namespace divergence {

// The measures of one column a decision may use. NaN = not available.
struct DriftMeasures {
  static constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
  ColumnKind kind = ColumnKind::Numeric;
  std::uint64_t n_ref = 0, n_cur = 0;  // non-missing values
  std::size_t n_unique = 0;            // pooled distinct values; > 20 means "many" for numeric columns
  // Numeric view (numeric columns).
  double ks_pvalue = kNone, wasserstein = kNone, wasserstein_normed = kNone, psi_quantiles = kNone;
  double psi_bins = kNone, js_distance_bins = kNone, js_divergence_bins = kNone, kl_ref_cur_bins = kNone;
  double kl_cur_ref_bins = kNone, tvd_bins = kNone, hellinger_bins = kNone;
  // Categorical view (categorical/boolean columns; numeric columns with <= 20 distinct values).
  bool has_categories = false;
  std::size_t n_categories = 0;
  double chi2_pvalue = kNone, chi2_homogeneity_pvalue = kNone, z_pvalue = kNone, psi_categories = kNone;
  double js_distance_categories = kNone, js_divergence_categories = kNone, kl_ref_cur_categories = kNone;
  double kl_cur_ref_categories = kNone, tvd_categories = kNone, hellinger_categories = kNone;
};

struct DriftDecision {
  std::string test;              // "ks", "chi2", "z", "wasserstein_normed", "js_distance_base_e", "psi", a custom measure
  double score = 0.0;            // the value compared with the threshold (a p-value for tests)
  double threshold = 0.0;
  bool pvalue_test = false;      // true: drifted = score < threshold; false: drifted = score >= threshold
  double pvalue = DriftMeasures::kNone;  // = score for tests, NaN otherwise
  double effect_size = DriftMeasures::kNone;
  std::string effect_size_name;  // "wasserstein_normed" or "js_distance_base_e"
  bool drifted = false;
  std::string level;             // PSI preset: "none", "moderate", "major"; empty otherwise
};

// Decides one column (see the top of this header). Throws ArgumentError "drift: measure 'x' is not
// available for this column" if a custom measure could not be computed (e.g. a NaN p-value).
DriftDecision decide_drift(const CompareSpec& spec, const DriftMeasures& m);

struct DatasetVerdict {
  bool drifted = false;
  double share = 0.0;
  double threshold = 0.5;
  std::size_t n_drifted = 0;
  std::size_t n_columns = 0;
};

DatasetVerdict dataset_verdict(const std::vector<bool>& drifted_columns, double drift_share);

// Two-proportion z-test with pooled variance (k1 of n1 versus k2 of n2): z = (p1 - p2) /
// sqrt(P (1 - P) (1/n1 + 1/n2)), P = (k1 + k2) / (n1 + n2); two-sided p = erfc(|z| / sqrt 2).
// P = 0 or 1 (no variance) gives z = 0, p = 1. n1, n2 >= 1.
struct ProportionTest {
  double z = 0.0;
  double pvalue = 1.0;
};
ProportionTest two_proportion_z_test(std::uint64_t k1, std::uint64_t n1, std::uint64_t k2, std::uint64_t n2);

}  // namespace divergence
