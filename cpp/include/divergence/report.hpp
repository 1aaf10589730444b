// The dataset comparison report: per-column comparison of two finished DatasetAccumulators
// (accumulator.hpp), and its JSON form, schema "divergence-lab/compare-report@2".
//
// P = reference, Q = current. For every column present on both sides, in the reference's order:
//
// TYPE: a type override (CompareSpec::type_overrides) wins; otherwise numeric when both sides'
// non-missing fields all parse as finite numbers and there is at least one; else boolean when all are
// true or false (ASCII case-insensitive: "True", "FALSE", ...) on both sides, as pandas reads them;
// else categorical. So yes/no columns stay categorical with their own labels and 0/1 columns numeric,
// as pandas and expected.json have them. A boolean override also accepts yes/no/1/0. (columns.hpp has
// the number syntax; the boolean view maps true/yes/1 to "true" and false/no/0 to "false".)
//
// NUMERIC columns, on the parsed values of each side (expected.json's conventions):
//   summary     n, missing, mean, std (ddof 1; null for n < 2), min, q25, median, q75 (numpy
//               'linear' quantiles, bin_rules.hpp quantile_linear), max
//   bins        the shared bins of CompareSpec::binning: equal-width:N (numpy.linspace over the pooled
//               min..max, numpy.histogram counting, binning.hpp; a constant column gives one
//               "degenerate" bin [x, x]), reference-quantile:N, auto/sturges/doane/fd (bin_rules.hpp,
//               pooled values), edges:... (explicit; values outside are counted in ref_outside /
//               cur_outside and left out of the shares)
//   quantile_bins  bin_by_reference_quantiles with CompareSpec::quantile_bins (deciles), for PSI
//   metrics     on bins' counts: kl_ref_cur_raw, kl_cur_ref_raw (scipy.stats.entropy; +inf possible),
//               kl_ref_cur_smoothed, kl_cur_ref_smoothed (CompareSpec::smoothing), js_distance_base_e
//               (scipy jensenshannon), js_divergence_base2 (its square in bits), psi_smoothed, tvd,
//               hellinger; psi_ref_quantile_smoothed (PSI on quantile_bins); wasserstein
//               (scipy.stats.wasserstein_distance), wasserstein_normed (/ max(reference std ddof 0,
//               0.001), Evidently); ks_statistic, ks_pvalue, ks_method (scipy.stats.ks_2samp, auto)
//   as_categorical  when both sides have at most 20 distinct values together: the distinct values as
//               categories (labels as pandas prints them: "2" when every text on both sides is an
//               integer literal and no value is missing, else Python's float repr "2.0", "5.76"),
//               with the categorical metrics below
// CATEGORICAL and BOOLEAN columns: categories = the union of labels (raw field text; "false"/"true"
// for boolean), sorted by bytes; counts; metrics = the nine above on the category shares plus
// chi2_homogeneity (scipy chi2_contingency, correction=False), chi2_gof_cur_vs_ref_expected
// (scipy.stats.chisquare(cur, ref * n_cur / n_ref); a category with expected 0 and observed > 0 gives
// "inf" and p 0; one category gives statistic 0, p 1, dof 0) and, with exactly 2 categories, z_test
// (two-proportion z-test of the share of the first category, drift.hpp; its p-value equals the
// homogeneity test's).
// MISSING: missing_change compares the share of missing fields (missing / rows) of the two sides with
// the two-proportion z-test (drift.hpp); flagged when p < missing_alpha and |change| >= missing_min_change.
// DRIFT: drift.hpp (presets, thresholds, sources); VERDICT: share of drifted compared columns.
//
// APPROXIMATIONS. A numeric side that passed the memory budget holds a QuantileSketch
// (sketch_quantiles.hpp) instead of its values: its quartiles, bins, quantile_bins, PSI, KS and
// Wasserstein are then computed from the sketch's weighted values, its mean and std from merged
// moments (exact up to rounding), min/max/n/missing stay exact; the KS p-value is then the asymptotic
// one (kstwo.sf at the effective size) of the approximate statistic. The column's "approximate" block
// gives the guaranteed bounds: rank error E per side (eps = E / n), |KS statistic error| <= eps_ref +
// eps_cur, |Wasserstein error| <= (pooled max - min)(eps_ref + eps_cur), |bin count error| <= 2E, and
// the range of KS p-values the true statistic can give (the asymptotic p-value at statistic -+ bound).
// A categorical side with more distinct labels than CompareSpec::category_limit keeps a Misra-Gries
// summary (sketch_labels.hpp): its top `category_limit` labels are reported with counts that may be
// low by at most E (labels not held may have up to E), the rest of its values go to an "other" bucket
// that the metrics and tests treat as one more category.
//
// JSON (compact; numbers shortest round-trip; +inf as "inf"; NaN never appears: undefined values are
// null). Fields, in order:
//   schema             "divergence-lab/compare-report@2"
//   options            {"format","binning","quantile-bins","smoothing","missing","types","preset",
//                       "custom-numeric","custom-categorical","psi-thresholds","drift-share",
//                       "missing-alpha","missing-min-change","memory-budget","category-limit",
//                       "sketch-k","max-columns"}: all strings, as parse_compare_spec reads them
//   reference, current {"format": "csv"|"jsonl"|"summary", "rows", "columns", "delimiter" (null for jsonl),
//                       "skip_initial_space", "bytes"}
//   only_in_reference, only_in_current   column names, in file order
//   verdict            {"drifted", "share", "threshold", "n_drifted", "n_columns"}
//   approximate_columns  names of the columns with an "approximate" block
//   columns: [ {
//     "name", "type": "numeric"|"categorical"|"boolean", "type_source": "inferred"|"override",
//     "n_ref", "n_cur" (non-missing values), "missing_ref", "missing_cur",
//     "n_unique"       pooled distinct non-missing values; null for numeric columns with more than 20
//     "error"          only when the column cannot be compared ("current has no non-missing values",
//                      "type override numeric: reference value 'abc' is not a number", ...); then the
//                      blocks summary..metrics are absent and drift is null
//     numeric:  "summary": {"reference": {"n","missing","mean","std","min","q25","median","q75","max"},
//                           "current": {...}},
//               "bins": {"kind","edges","ref_counts","cur_counts"[,"degenerate":true]
//                        [,"ref_outside","cur_outside" for explicit edges]},
//               "quantile_bins": {"kind","edges" (first "-inf", last "inf"),"ref_counts","cur_counts"},
//               ["as_categorical": {"categories","ref_counts","cur_counts","only_in_ref","only_in_cur",
//                                  "metrics": {categorical metrics}}]
//     categorical/boolean: "categories","ref_counts","cur_counts","only_in_ref","only_in_cur"
//               [,"other": {"ref","cur"} when a side is approximate]
//               [,"labels_cut": n when n category labels were longer than kMaxLabelBytes (256 bytes):
//                 such a label is written as its first bytes, cut at a UTF-8 character boundary,
//                 followed by "…" (U+2026); its counts are unchanged (added within @2, so that one
//                 enormous field does not put megabytes of text into the report)]
//     "metrics":  numeric: {"kl_ref_cur_raw","kl_cur_ref_raw","kl_ref_cur_smoothed","kl_cur_ref_smoothed",
//                           "js_distance_base_e","js_divergence_base2","psi_smoothed","tvd","hellinger",
//                           "psi_ref_quantile_smoothed","wasserstein","wasserstein_normed",
//                           "ks_statistic","ks_pvalue","ks_method": "exact"|"asymp"}
//                 categorical: {the nine first keys, "chi2_homogeneity": {"statistic","pvalue","dof"},
//                           "chi2_gof_cur_vs_ref_expected": {...}[, "z_test": {"statistic","pvalue"}]}
//     "ecdf"     numeric only (optional, added within @2): both sides' ECDFs at up to 200 quantile
//               points plus the KS gap's location (ecdf.hpp): {"reference": {"x": [...], "cdf": [...]},
//               "current": {...}, "gap": {"x", "ref", "cur", "statistic" (= metrics.ks_statistic)},
//               "exact": bool, "cdf_error": {"reference", "current"} (rank error fractions: each cdf
//               within this of the true ECDF; 0 when exact), "statistic_error" (bound on |gap - true
//               KS statistic|: eps_ref + eps_cur)}
//     "missing_change": {"ref_share","cur_share","change" (cur - ref),"z","pvalue","flagged"}
//     "drift": {"test","score","threshold","rule": "score < threshold"|"score >= threshold",
//               "pvalue" (null unless the test is a p-value),"effect_size","effect_size_name",
//               "drifted"[,"level" (psi preset)]} or null
//     "approximate": null, or {"method": "quantile-sketch", "k", "reference": {"exact","rank_error",
//               "rank_error_fraction"}, "current": {...}, "bounds": {"ks_statistic","wasserstein",
//               "ref_bin_count","cur_bin_count","ks_pvalue": [low, high]}}
//               or {"method": "misra-gries", "k", "reference": {"exact","count_error","labels_held"},
//               "current": {...}}
//     "unavailable"  only in comparisons of histogram summaries (summary.hpp): the metric names a
//               summary cannot give, whose values are null ("quantile_bins" is then null too)
//   } ]
// Field names of schema @1 kept: n_ref, n_cur, missing_ref, missing_cur, summary.{reference,current}.
// {n,missing,mean,std,min,max}, bins.{edges,ref_counts,cur_counts,degenerate}, categories, ref_counts,
// cur_counts, only_in_ref, only_in_cur, the nine metric names; MOVED in @2: the metrics from the column
// object into "metrics"; reference/current "skip_initial_space" kept, "format" and "bytes" added.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "divergence/accumulator.hpp"
#include "divergence/compare.hpp"
#include "divergence/drift.hpp"
#include "divergence/ecdf.hpp"

namespace divergence {

struct SideSummary {
  std::uint64_t n = 0, missing = 0;
  double mean, std_dev, min, q25, median, q75, max;  // NaN when undefined
};

struct BinsBlock {
  std::string kind;
  std::vector<double> edges;
  std::vector<std::uint64_t> ref_counts, cur_counts;
  bool degenerate = false;
  bool explicit_edges = false;
  std::uint64_t ref_outside = 0, cur_outside = 0;
};

struct ChiSquareValues {
  double statistic = 0.0, pvalue = 1.0;
  std::size_t dof = 0;
};

struct CategoryBlock {
  std::vector<std::string> categories;
  std::vector<std::uint64_t> ref_counts, cur_counts;
  std::vector<std::string> only_in_ref, only_in_cur;
  bool has_other = false;
  std::uint64_t other_ref = 0, other_cur = 0;
  DriftMetrics metrics;
  ChiSquareValues homogeneity, gof;
  bool has_z = false;
  double z_statistic = 0.0, z_pvalue = 1.0;
};

struct NumericMetrics {
  DriftMetrics bins;
  double psi_ref_quantile = 0.0;
  double wasserstein = 0.0, wasserstein_normed = 0.0;
  double ks_statistic = 0.0, ks_pvalue = 1.0;
  std::string ks_method;
};

struct MissingChange {
  double ref_share = 0.0, cur_share = 0.0, change = 0.0, z = 0.0, pvalue = 1.0;
  bool flagged = false;
};

struct ApproximationInfo {
  std::string method;  // "quantile-sketch" or "misra-gries"; empty = exact
  std::size_t k = 0;
  bool ref_exact = true, cur_exact = true;
  std::uint64_t ref_error = 0, cur_error = 0;  // rank error (sketch) or count error (Misra-Gries)
  double ref_fraction = 0.0, cur_fraction = 0.0;
  std::size_t ref_held = 0, cur_held = 0;      // Misra-Gries: labels held
  double ks_bound = 0.0, wasserstein_bound = 0.0;
  double ks_pvalue_low = 0.0, ks_pvalue_high = 1.0;  // the asymptotic p-value at statistic +- ks_bound
};

struct ColumnComparison {
  std::string name;
  ColumnKind type = ColumnKind::Categorical;
  bool overridden = false;
  std::uint64_t n_ref = 0, n_cur = 0, missing_ref = 0, missing_cur = 0;
  bool n_unique_known = false;
  std::size_t n_unique = 0;
  std::string error;  // non-empty: not compared
  // numeric
  SideSummary summary_ref, summary_cur;
  BinsBlock bins, quantile_bins;
  NumericMetrics numeric;
  bool has_ecdf = false;
  EcdfCurve ecdf_ref, ecdf_cur;  // ecdf.hpp
  KsGap ks_gap;
  bool has_as_categorical = false;
  CategoryBlock as_categorical;
  // categorical / boolean
  CategoryBlock categories;
  MissingChange missing_change;
  bool has_drift = false;
  DriftDecision drift;
  ApproximationInfo approx;
  // Comparisons of histogram summaries (summary.hpp): no reference-quantile bins, and the names of
  // the metrics a summary cannot give (written as null, listed in "unavailable").
  bool has_quantile_bins = true;
  std::vector<std::string> unavailable;
};

struct SideInfo {
  InputFormat format = InputFormat::Csv;
  bool summary = false;  // a histogram summary (summary.hpp): "format": "summary"
  CsvDialect dialect;
  std::uint64_t rows = 0, bytes = 0;
  std::size_t columns = 0;
};

struct ComparisonReport {
  CompareSpec spec;
  SideInfo reference, current;
  std::vector<std::string> only_in_reference, only_in_current;
  DatasetVerdict verdict;
  std::vector<ColumnComparison> columns;
};

// Compares two finished accumulators (see the top of this header). Errors: ArgumentError
// "reference: finish() it before comparing" (or current), check_spec's, and decide_drift's.
ComparisonReport compare_datasets(const DatasetAccumulator& reference, const DatasetAccumulator& current,
                                  const CompareSpec& spec);

// The same report restricted to the common columns named in `only` (any order): `columns` holds
// those (in the reference's order) and the verdict counts those; the sides and only_in_* are
// those of the whole report. Two workers that each hold one whole side build one part each; the
// parts' columns together, with the verdict of all of them, are the whole report (the page's
// merge_reports.js). Errors: those above, and ArgumentError "only: 'x' is not a column of both
// files".
ComparisonReport compare_datasets(const DatasetAccumulator& reference, const DatasetAccumulator& current,
                                  const CompareSpec& spec, const std::vector<std::string>& only);

// The report as JSON (schema above).
std::string report_json(const ComparisonReport& report);

// Label of a number as pandas prints it in a column of integers ("2") or of floats (Python's repr:
// "2.0", "5.76", "1e-05", "1.5e+16").
std::string pandas_label(double x, bool integer_column);

}  // namespace divergence
