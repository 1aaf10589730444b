// The comparison report as JSON, schema "divergence-lab/compare-report@2" (report.hpp).
#include <string>
#include <vector>

#include "divergence/report.hpp"
#include "divergence/report_json.hpp"

namespace divergence {
namespace {

void write_side(JsonWriter& w, const SideInfo& s) {
  w.begin_object();
  w.member("format", s.summary ? "summary" : input_format_name(s.format));
  w.member("rows", s.rows);
  w.member("columns", s.columns);
  if (s.format == InputFormat::JsonLines || s.summary) {
    w.key("delimiter");
    w.null();
    w.member("skip_initial_space", false);
  } else {
    w.member("delimiter", std::string_view(&s.dialect.delimiter, 1));
    w.member("skip_initial_space", s.dialect.skip_initial_space);
  }
  w.member("bytes", s.bytes);
  w.end_object();
}

void write_summary(JsonWriter& w, const SideSummary& s) {
  w.begin_object();
  w.member("n", s.n);
  w.member("missing", s.missing);
  w.member("mean", s.mean);
  w.member("std", s.std_dev);
  w.member("min", s.min);
  w.member("q25", s.q25);
  w.member("median", s.median);
  w.member("q75", s.q75);
  w.member("max", s.max);
  w.end_object();
}

void write_bins(JsonWriter& w, const BinsBlock& b) {
  w.begin_object();
  w.member("kind", b.kind);
  w.key("edges");
  w.array(b.edges);
  w.key("ref_counts");
  w.array(b.ref_counts);
  w.key("cur_counts");
  w.array(b.cur_counts);
  if (b.degenerate) w.member("degenerate", true);
  if (b.explicit_edges) {
    w.member("ref_outside", b.ref_outside);
    w.member("cur_outside", b.cur_outside);
  }
  w.end_object();
}

void write_base_metrics(JsonWriter& w, const DriftMetrics& m) {
  w.member("kl_ref_cur_raw", m.kl_ref_cur_raw);
  w.member("kl_cur_ref_raw", m.kl_cur_ref_raw);
  w.member("kl_ref_cur_smoothed", m.kl_ref_cur_smoothed);
  w.member("kl_cur_ref_smoothed", m.kl_cur_ref_smoothed);
  w.member("js_distance_base_e", m.js_distance_base_e);
  w.member("js_divergence_base2", m.js_divergence_base2);
  w.member("psi_smoothed", m.psi_smoothed);
  w.member("tvd", m.tvd);
  w.member("hellinger", m.hellinger);
}

void write_chi2(JsonWriter& w, const char* key, const ChiSquareValues& c) {
  w.key(key);
  w.begin_object();
  w.member("statistic", c.statistic);
  w.member("pvalue", c.pvalue);
  w.member("dof", c.dof);
  w.end_object();
}

// Category labels as written: a label longer than kMaxLabelBytes is cut at a UTF-8 character
// boundary and marked with "…"; `cut` counts the labels of `labels` that were cut.
std::vector<std::string> shown_labels(const std::vector<std::string>& labels, std::size_t& cut) {
  constexpr std::size_t kMaxLabelBytes = 256;
  std::vector<std::string> shown;
  shown.reserve(labels.size());
  for (const std::string& label : labels) {
    if (label.size() <= kMaxLabelBytes) {
      shown.push_back(label);
      continue;
    }
    std::size_t end = kMaxLabelBytes;
    while (end > 0 && (static_cast<unsigned char>(label[end]) & 0xC0) == 0x80) --end;
    shown.push_back(label.substr(0, end) + "\u2026");
    ++cut;
  }
  return shown;
}

void write_category_lists(JsonWriter& w, const CategoryBlock& b) {
  std::size_t cut = 0;
  std::size_t ignored = 0;  // only_in_* repeat labels already counted in `categories`
  w.key("categories");
  w.array(shown_labels(b.categories, cut));
  w.key("ref_counts");
  w.array(b.ref_counts);
  w.key("cur_counts");
  w.array(b.cur_counts);
  w.key("only_in_ref");
  w.array(shown_labels(b.only_in_ref, ignored));
  w.key("only_in_cur");
  w.array(shown_labels(b.only_in_cur, ignored));
  if (b.has_other) {
    w.key("other");
    w.begin_object();
    w.member("ref", b.other_ref);
    w.member("cur", b.other_cur);
    w.end_object();
  }
  if (cut > 0) w.member("labels_cut", cut);
}

void write_category_metrics(JsonWriter& w, const CategoryBlock& b) {
  w.key("metrics");
  w.begin_object();
  write_base_metrics(w, b.metrics);
  write_chi2(w, "chi2_homogeneity", b.homogeneity);
  write_chi2(w, "chi2_gof_cur_vs_ref_expected", b.gof);
  if (b.has_z) {
    w.key("z_test");
    w.begin_object();
    w.member("statistic", b.z_statistic);
    w.member("pvalue", b.z_pvalue);
    w.end_object();
  }
  w.end_object();
}

void write_drift(JsonWriter& w, const ColumnComparison& c) {
  w.key("drift");
  if (!c.has_drift) {
    w.null();
    return;
  }
  const DriftDecision& d = c.drift;
  w.begin_object();
  w.member("test", d.test);
  w.member("score", d.score);
  w.member("threshold", d.threshold);
  w.member("rule", d.pvalue_test ? "score < threshold" : "score >= threshold");
  w.member("pvalue", d.pvalue);
  w.member("effect_size", d.effect_size);
  w.member("effect_size_name", d.effect_size_name);
  w.member("drifted", d.drifted);
  if (!d.level.empty()) w.member("level", d.level);
  w.end_object();
}

void write_approx(JsonWriter& w, const ApproximationInfo& a) {
  w.key("approximate");
  if (a.method.empty()) {
    w.null();
    return;
  }
  w.begin_object();
  w.member("method", a.method);
  w.member("k", a.k);
  const bool sketch = a.method == "quantile-sketch";
  for (int side = 0; side < 2; ++side) {
    w.key(side == 0 ? "reference" : "current");
    w.begin_object();
    w.member("exact", side == 0 ? a.ref_exact : a.cur_exact);
    if (sketch) {
      w.member("rank_error", side == 0 ? a.ref_error : a.cur_error);
      w.member("rank_error_fraction", side == 0 ? a.ref_fraction : a.cur_fraction);
    } else {
      w.member("count_error", side == 0 ? a.ref_error : a.cur_error);
      w.member("labels_held", side == 0 ? a.ref_held : a.cur_held);
    }
    w.end_object();
  }
  if (sketch) {
    w.key("bounds");
    w.begin_object();
    w.member("ks_statistic", a.ks_bound);
    w.member("wasserstein", a.wasserstein_bound);
    w.member("ref_bin_count", 2 * a.ref_error);
    w.member("cur_bin_count", 2 * a.cur_error);
    w.key("ks_pvalue");
    w.begin_array();
    w.value(a.ks_pvalue_low);
    w.value(a.ks_pvalue_high);
    w.end_array();
    w.end_object();
  }
  w.end_object();
}

void write_curve(JsonWriter& w, const char* key, const EcdfCurve& curve) {
  w.key(key);
  w.begin_object();
  w.key("x");
  w.array(curve.x);
  w.key("cdf");
  w.array(curve.cdf);
  w.end_object();
}

void write_ecdf(JsonWriter& w, const ColumnComparison& c) {
  w.key("ecdf");
  w.begin_object();
  write_curve(w, "reference", c.ecdf_ref);
  write_curve(w, "current", c.ecdf_cur);
  w.key("gap");
  w.begin_object();
  w.member("x", c.ks_gap.x);
  w.member("ref", c.ks_gap.ref);
  w.member("cur", c.ks_gap.cur);
  w.member("statistic", c.ks_gap.size);
  w.end_object();
  const ApproximationInfo& a = c.approx;
  w.member("exact", a.method.empty());
  w.key("cdf_error");
  w.begin_object();
  w.member("reference", a.ref_fraction);
  w.member("current", a.cur_fraction);
  w.end_object();
  w.member("statistic_error", a.ks_bound);
  w.end_object();
}

void write_column(JsonWriter& w, const ColumnComparison& c) {
  w.begin_object();
  w.member("name", c.name);
  w.member("type", column_kind_name(c.type));
  w.member("type_source", c.overridden ? "override" : "inferred");
  w.member("n_ref", c.n_ref);
  w.member("n_cur", c.n_cur);
  w.member("missing_ref", c.missing_ref);
  w.member("missing_cur", c.missing_cur);
  w.key("n_unique");
  if (c.n_unique_known) {
    w.value(c.n_unique);
  } else {
    w.null();
  }
  if (!c.error.empty()) w.member("error", c.error);
  if (c.error.empty()) {
    if (c.type == ColumnKind::Numeric) {
      w.key("summary");
      w.begin_object();
      w.key("reference");
      write_summary(w, c.summary_ref);
      w.key("current");
      write_summary(w, c.summary_cur);
      w.end_object();
      w.key("bins");
      write_bins(w, c.bins);
      w.key("quantile_bins");
      if (c.has_quantile_bins) {
        write_bins(w, c.quantile_bins);
      } else {
        w.null();
      }
      if (c.has_as_categorical) {
        w.key("as_categorical");
        w.begin_object();
        write_category_lists(w, c.as_categorical);
        write_category_metrics(w, c.as_categorical);
        w.end_object();
      }
      const NumericMetrics& m = c.numeric;
      w.key("metrics");
      w.begin_object();
      write_base_metrics(w, m.bins);
      w.member("psi_ref_quantile_smoothed", m.psi_ref_quantile);
      w.member("wasserstein", m.wasserstein);
      w.member("wasserstein_normed", m.wasserstein_normed);
      w.member("ks_statistic", m.ks_statistic);
      w.member("ks_pvalue", m.ks_pvalue);
      w.key("ks_method");
      if (m.ks_method.empty()) {
        w.null();
      } else {
        w.value(m.ks_method);
      }
      w.end_object();
      if (c.has_ecdf) write_ecdf(w, c);
    } else {
      write_category_lists(w, c.categories);
      write_category_metrics(w, c.categories);
    }
  }
  const MissingChange& mc = c.missing_change;
  w.key("missing_change");
  w.begin_object();
  w.member("ref_share", mc.ref_share);
  w.member("cur_share", mc.cur_share);
  w.member("change", mc.change);
  w.member("z", mc.z);
  w.member("pvalue", mc.pvalue);
  w.member("flagged", mc.flagged);
  w.end_object();
  write_drift(w, c);
  write_approx(w, c.approx);
  if (!c.unavailable.empty()) {
    w.key("unavailable");
    w.array(c.unavailable);
  }
  w.end_object();
}

}  // namespace

std::string report_json(const ComparisonReport& r) {
  JsonWriter w;
  w.begin_object();
  w.member("schema", "divergence-lab/compare-report@2");
  w.key("options");
  w.begin_object();
  for (const auto& [key, value] : spec_options(r.spec)) w.member(key, value);
  w.end_object();
  w.key("reference");
  write_side(w, r.reference);
  w.key("current");
  write_side(w, r.current);
  w.key("only_in_reference");
  w.array(r.only_in_reference);
  w.key("only_in_current");
  w.array(r.only_in_current);
  w.key("verdict");
  w.begin_object();
  w.member("drifted", r.verdict.drifted);
  w.member("share", r.verdict.share);
  w.member("threshold", r.verdict.threshold);
  w.member("n_drifted", r.verdict.n_drifted);
  w.member("n_columns", r.verdict.n_columns);
  w.end_object();
  w.key("approximate_columns");
  w.begin_array();
  for (const ColumnComparison& c : r.columns) {
    if (!c.approx.method.empty()) w.value(c.name);
  }
  w.end_array();
  w.key("columns");
  w.begin_array();
  for (const ColumnComparison& c : r.columns) write_column(w, c);
  w.end_array();
  w.end_object();
  return w.take();
}

}  // namespace divergence
