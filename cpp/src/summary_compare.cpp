// Comparing two histogram summaries (summary.hpp): the report's blocks from bins and category counts.
#include <algorithm>
#include <cmath>
#include <limits>

#include "divergence/compare.hpp"
#include "divergence/chi_square_test.hpp"
#include "divergence/errors.hpp"
#include "divergence/format.hpp"
#include "divergence/summary.hpp"
#include "report_blocks.hpp"

namespace divergence {
namespace {

using detail::Items;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The metrics a histogram cannot give (summary.hpp).
const std::vector<std::string>& unavailable_numeric() {
  static const std::vector<std::string> names{"psi_ref_quantile_smoothed", "wasserstein", "wasserstein_normed",
                                              "ks_statistic", "ks_pvalue"};
  return names;
}

std::uint64_t sum_of(const std::vector<std::uint64_t>& v) {
  std::uint64_t s = 0;
  for (std::uint64_t x : v) s += x;
  return s;
}

double quantile_at(const SummaryColumn& c, double p) {
  const auto it = c.quantiles.find(p);
  return it == c.quantiles.end() ? kNaN : it->second;
}

SideSummary side_summary(const SummaryColumn& c) {
  SideSummary s;
  s.n = c.n();
  s.missing = c.missing;
  s.mean = c.mean;
  s.std_dev = c.std_dev;
  s.min = c.min;
  s.max = c.max;
  s.q25 = quantile_at(c, 0.25);
  s.median = quantile_at(c, 0.5);
  s.q75 = quantile_at(c, 0.75);
  return s;
}

std::string first_edge_difference(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) {
    return "edges differ between reference (" + std::to_string(a.size()) + " edges) and current (" +
           std::to_string(b.size()) + " edges); summarise both sides with the same edges";
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) {
      return "edges differ between reference and current (entry " + std::to_string(i) + ": " + format_number(a[i]) +
             " and " + format_number(b[i]) + "); summarise both sides with the same edges";
    }
  }
  return {};
}

// The numeric column: bins from the summaries, metrics on the bins, drift on the bins as categories.
void compare_numeric(ColumnComparison& out, const SummaryColumn& r, const SummaryColumn& c, const CompareSpec& spec,
                     DriftMeasures& dm) {
  out.error = first_edge_difference(r.edges, c.edges);
  if (!out.error.empty()) return;
  out.summary_ref = side_summary(r);
  out.summary_cur = side_summary(c);
  BinsBlock& b = out.bins;
  b.kind = "summary";
  b.edges = r.edges;
  b.ref_counts = r.counts;
  b.cur_counts = c.counts;
  b.explicit_edges = true;
  b.ref_outside = r.below + r.above;
  b.cur_outside = c.below + c.above;
  if (sum_of(b.ref_counts) == 0 || sum_of(b.cur_counts) == 0) {
    out.error = std::string(sum_of(b.ref_counts) == 0 ? "reference" : "current") + ": no value inside the bin edges summary";
    return;
  }
  out.has_quantile_bins = false;
  out.unavailable = unavailable_numeric();
  NumericMetrics& m = out.numeric;
  const std::vector<double> rc(b.ref_counts.begin(), b.ref_counts.end());
  const std::vector<double> cc(b.cur_counts.begin(), b.cur_counts.end());
  m.bins = drift_metrics(rc, cc, spec.smoothing);
  m.psi_ref_quantile = m.wasserstein = m.wasserstein_normed = m.ks_statistic = m.ks_pvalue = kNaN;
  dm.n_unique = b.ref_counts.size();
  detail::fill_bin_measures(dm, m.bins);
  if (spec.preset != DriftPreset::Custom) {
    // The shared bins as categories (bins empty on both sides are no category; the tests do not
    // depend on the order of the categories).
    Items ri, ci;
    ri.total = sum_of(b.ref_counts);
    ci.total = sum_of(b.cur_counts);
    for (std::size_t i = 0; i < b.ref_counts.size(); ++i) {
      if (b.ref_counts[i] > 0) ri.items.emplace_back(std::to_string(i), b.ref_counts[i]);
      if (b.cur_counts[i] > 0) ci.items.emplace_back(std::to_string(i), b.cur_counts[i]);
    }
    const CategoryBlock binned = detail::category_block(ri, ci, spec.smoothing);
    detail::fill_category_measures(dm, binned);
    dm.kind = ColumnKind::Categorical;
    dm.n_ref = ri.total;
    dm.n_cur = ci.total;
  }
}

ColumnComparison compare_column(const SummaryColumn& r, const SummaryColumn& c, const CompareSpec& spec) {
  ColumnComparison out;
  out.name = r.name;
  out.type = r.type;
  out.n_ref = r.n();
  out.n_cur = c.n();
  out.missing_ref = r.missing;
  out.missing_cur = c.missing;
  out.missing_change = detail::missing_change(out.missing_ref, out.n_ref, out.missing_cur, out.n_cur, spec);
  if (r.type != c.type) {
    out.error = std::string("the reference summary has a ") + column_kind_name(r.type) + " column, the current one a " +
                column_kind_name(c.type) + " column";
    return out;
  }
  if (const ColumnKind* forced = detail::override_of(spec, r.name)) {
    out.overridden = true;
    if (*forced != r.type) {
      out.type = *forced;
      out.error = std::string("type override ") + column_kind_name(*forced) + ": the summaries hold a " +
                  column_kind_name(r.type) + " column (summarise it again as " + column_kind_name(*forced) + ")";
      return out;
    }
  }
  if (out.n_ref == 0 || out.n_cur == 0) {
    out.error = detail::empty_side_error(out.n_ref, out.n_cur);
    return out;
  }
  DriftMeasures dm;
  dm.kind = out.type;
  dm.n_ref = out.n_ref;
  dm.n_cur = out.n_cur;
  if (out.type == ColumnKind::Numeric) {
    compare_numeric(out, r, c, spec, dm);
    if (!out.error.empty()) return out;
  } else {
    Items ri, ci;
    ri.total = out.n_ref;
    ci.total = out.n_cur;
    for (std::size_t i = 0; i < r.categories.size(); ++i) {
      if (r.counts[i] > 0) ri.items.emplace_back(r.categories[i], r.counts[i]);
    }
    for (std::size_t i = 0; i < c.categories.size(); ++i) {
      if (c.counts[i] > 0) ci.items.emplace_back(c.categories[i], c.counts[i]);
    }
    out.categories = detail::category_block(ri, ci, spec.smoothing);
    out.n_unique = out.categories.categories.size();
    out.n_unique_known = true;
    dm.n_unique = out.n_unique;
    detail::fill_category_measures(dm, out.categories);
  }
  out.drift = decide_drift(spec, dm);
  out.has_drift = true;
  return out;
}

SideInfo side_info(const HistogramSummary& s) {
  SideInfo info;
  info.summary = true;
  info.format = InputFormat::JsonLines;
  info.rows = s.rows;
  info.bytes = s.bytes;
  info.columns = s.columns.size();
  return info;
}

const SummaryColumn* find(const HistogramSummary& s, const std::string& name) {
  for (const SummaryColumn& c : s.columns) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

}  // namespace

ComparisonReport compare_summaries(const HistogramSummary& reference, const HistogramSummary& current,
                                   const CompareSpec& spec) {
  check_spec(spec);
  ComparisonReport report;
  report.spec = spec;
  report.reference = side_info(reference);
  report.current = side_info(current);
  for (const SummaryColumn& c : current.columns) {
    if (find(reference, c.name) == nullptr) report.only_in_current.push_back(c.name);
  }
  std::vector<bool> drifted;
  for (const SummaryColumn& r : reference.columns) {
    const SummaryColumn* c = find(current, r.name);
    if (c == nullptr) {
      report.only_in_reference.push_back(r.name);
      continue;
    }
    report.columns.push_back(compare_column(r, *c, spec));
    if (report.columns.back().has_drift) drifted.push_back(report.columns.back().drift.drifted);
  }
  report.verdict = dataset_verdict(drifted, spec.drift_share);
  return report;
}

std::string compare_summaries_json(std::string_view reference, std::string_view current, const CompareSpec& spec) {
  check_spec(spec);
  const HistogramSummary r = parse_summary(reference, "reference");
  const HistogramSummary c = parse_summary(current, "current");
  return report_json(compare_summaries(r, c, spec));
}

}  // namespace divergence
