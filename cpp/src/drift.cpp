// Drift decisions per column and for the dataset (see drift.hpp for the rules and their sources).
#include "divergence/drift.hpp"

#include <cmath>

#include "divergence/errors.hpp"

namespace divergence {
namespace {

constexpr std::size_t kFewValues = 5;     // Evidently: n_unique <= 5 -> treated like categories
constexpr std::uint64_t kSmallRef = 1000;  // Evidently: n_ref <= 1000 -> hypothesis tests

double measure_value(const DriftMeasures& m, const std::string& name, bool numeric) {
  if (numeric) {
    if (name == "ks") return m.ks_pvalue;
    if (name == "wasserstein_normed") return m.wasserstein_normed;
    if (name == "wasserstein") return m.wasserstein;
    if (name == "psi") return m.psi_quantiles;
    if (name == "psi_bins") return m.psi_bins;
    if (name == "js_distance_base_e") return m.js_distance_bins;
    if (name == "js_divergence_base2") return m.js_divergence_bins;
    if (name == "kl_ref_cur_smoothed") return m.kl_ref_cur_bins;
    if (name == "kl_cur_ref_smoothed") return m.kl_cur_ref_bins;
    if (name == "tvd") return m.tvd_bins;
    if (name == "hellinger") return m.hellinger_bins;
  } else {
    if (name == "chi2") return m.chi2_pvalue;
    if (name == "chi2_homogeneity") return m.chi2_homogeneity_pvalue;
    if (name == "psi") return m.psi_categories;
    if (name == "js_distance_base_e") return m.js_distance_categories;
    if (name == "js_divergence_base2") return m.js_divergence_categories;
    if (name == "kl_ref_cur_smoothed") return m.kl_ref_cur_categories;
    if (name == "kl_cur_ref_smoothed") return m.kl_cur_ref_categories;
    if (name == "tvd") return m.tvd_categories;
    if (name == "hellinger") return m.hellinger_categories;
  }
  return DriftMeasures::kNone;
}

void set_test(DriftDecision& d, const char* test, double pvalue, double alpha) {
  d.test = test;
  d.score = pvalue;
  d.pvalue = pvalue;
  d.threshold = alpha;
  d.pvalue_test = true;
  d.drifted = pvalue < alpha;
}

void set_distance(DriftDecision& d, const std::string& test, double score, double threshold) {
  d.test = test;
  d.score = score;
  d.threshold = threshold;
  d.pvalue_test = false;
  d.drifted = score >= threshold;
}

}  // namespace

DriftDecision decide_drift(const CompareSpec& spec, const DriftMeasures& m) {
  DriftDecision d;
  const bool many_values = m.kind == ColumnKind::Numeric && m.n_unique > kFewValues;
  if (many_values) {
    d.effect_size = m.wasserstein_normed;
    d.effect_size_name = "wasserstein_normed";
  } else {
    d.effect_size = m.js_distance_categories;
    d.effect_size_name = "js_distance_base_e";
  }
  switch (spec.preset) {
    case DriftPreset::Default:
      if (m.n_ref <= kSmallRef) {
        if (many_values) {
          set_test(d, "ks", m.ks_pvalue, 0.05);
        } else if (m.n_unique > 2) {
          set_test(d, "chi2", m.chi2_pvalue, 0.05);
        } else {
          set_test(d, "z", m.z_pvalue, 0.05);
        }
      } else if (many_values) {
        set_distance(d, "wasserstein_normed", m.wasserstein_normed, 0.1);
      } else {
        set_distance(d, "js_distance_base_e", m.js_distance_categories, 0.1);
      }
      break;
    case DriftPreset::Psi: {
      const double psi = m.kind == ColumnKind::Numeric ? m.psi_quantiles : m.psi_categories;
      set_distance(d, "psi", psi, spec.psi_major);
      d.level = psi >= spec.psi_major ? "major" : psi >= spec.psi_moderate ? "moderate" : "none";
      break;
    }
    case DriftPreset::Custom: {
      const bool numeric = m.kind == ColumnKind::Numeric;
      const DriftRule& rule = numeric ? spec.custom_numeric : spec.custom_categorical;
      const double v = measure_value(m, rule.measure, numeric);
      if (std::isnan(v)) throw range_error("drift", "measure '" + rule.measure + "' is not available for this column");
      if (is_pvalue_measure(rule.measure)) {
        set_test(d, rule.measure.c_str(), v, rule.threshold);
      } else {
        set_distance(d, rule.measure, v, rule.threshold);
      }
      break;
    }
  }
  return d;
}

DatasetVerdict dataset_verdict(const std::vector<bool>& drifted_columns, double drift_share) {
  DatasetVerdict v;
  v.threshold = drift_share;
  v.n_columns = drifted_columns.size();
  for (bool b : drifted_columns) v.n_drifted += b ? 1 : 0;
  v.share = v.n_columns == 0 ? 0.0 : static_cast<double>(v.n_drifted) / static_cast<double>(v.n_columns);
  v.drifted = v.n_columns > 0 && v.share >= drift_share;
  return v;
}

ProportionTest two_proportion_z_test(std::uint64_t k1, std::uint64_t n1, std::uint64_t k2, std::uint64_t n2) {
  ProportionTest t;
  if (n1 == 0 || n2 == 0) return t;
  const double p1 = static_cast<double>(k1) / static_cast<double>(n1);
  const double p2 = static_cast<double>(k2) / static_cast<double>(n2);
  const double pooled = static_cast<double>(k1 + k2) / static_cast<double>(n1 + n2);
  const double var = pooled * (1.0 - pooled) * (1.0 / static_cast<double>(n1) + 1.0 / static_cast<double>(n2));
  if (!(var > 0.0)) return t;
  t.z = (p1 - p2) / std::sqrt(var);
  t.pvalue = std::erfc(std::fabs(t.z) / std::sqrt(2.0));
  if (t.pvalue > 1.0) t.pvalue = 1.0;
  return t;
}

}  // namespace divergence
