// Column comparisons of two accumulators: types, numeric and categorical blocks, approximations,
// drift decisions and verdict (the JSON writing is in report_json.cpp).
#include "divergence/report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <map>
#include <unordered_map>
#include <utility>

#include "divergence/bin_rules.hpp"
#include "divergence/binning.hpp"
#include "divergence/chi_square_test.hpp"
#include "divergence/discrete.hpp"
#include "divergence/ecdf.hpp"
#include "divergence/errors.hpp"
#include "divergence/ks_test.hpp"
#include "divergence/summation.hpp"
#include "divergence/wasserstein.hpp"
#include "report_blocks.hpp"
#include "sorted_pair_walk.hpp"

namespace divergence {
namespace {

using detail::Items;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

std::vector<double> to_doubles(const std::vector<std::uint64_t>& v) { return std::vector<double>(v.begin(), v.end()); }

template <class T>
std::vector<std::uint64_t> to_u64(const std::vector<T>& v) {
  return std::vector<std::uint64_t>(v.begin(), v.end());
}

std::uint64_t sum_of(const std::vector<std::uint64_t>& v) {
  std::uint64_t s = 0;
  for (std::uint64_t x : v) s += x;
  return s;
}

// ----- one numeric side as the report sees it -----

struct NumericSide {
  const ColumnAccumulator* col = nullptr;
  bool exact = true;
  std::uint64_t n = 0;
  double mean = 0.0, m2 = 0.0;  // moments (exact mode: computed here from the sorted values)
  WeightedSample sample;        // approximate mode only (exact sides get weights 1 when needed)
};

NumericSide numeric_side(const ColumnAccumulator& c) {
  NumericSide s;
  s.col = &c;
  s.n = c.number_count();
  s.exact = !c.sketched();
  if (s.exact) {
    const std::vector<double>& v = c.values();
    NeumaierSum sum;
    for (double x : v) sum.add(x);
    s.mean = v.empty() ? kNaN : sum.value() / static_cast<double>(v.size());
    NeumaierSum sq;
    for (double x : v) sq.add((x - s.mean) * (x - s.mean));
    s.m2 = sq.value();
  } else {
    s.mean = c.moment_mean();
    s.m2 = c.moment_m2();
    s.sample = c.sketch()->sample();
  }
  return s;
}

// Exact sides as weighted samples (weights 1), for the approximate computations.
void ensure_sample(NumericSide& s) {
  if (!s.exact || !s.sample.values.empty()) return;
  const std::vector<double>& v = s.col->values();
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (!s.sample.values.empty() && s.sample.values.back() == v[i]) {
      ++s.sample.weights.back();
    } else {
      s.sample.values.push_back(v[i]);
      s.sample.weights.push_back(1);
    }
  }
  s.sample.total = v.size();
  s.sample.rank_error = 0;
}

SideSummary summarize_side(const NumericSide& s) {
  SideSummary out;
  out.n = s.n;
  out.missing = s.col->missing();
  out.mean = s.mean;
  out.std_dev = s.n >= 2 ? std::sqrt(std::max(0.0, s.m2) / static_cast<double>(s.n - 1)) : kNaN;
  out.min = s.col->min();
  out.max = s.col->max();
  if (s.exact) {
    const std::vector<double>& v = s.col->values();
    out.q25 = quantile_linear(v, 1, 4);
    out.median = quantile_linear(v, 2, 4);
    out.q75 = quantile_linear(v, 3, 4);
  } else {
    out.q25 = weighted_quantile(s.sample, 1, 4);
    out.median = weighted_quantile(s.sample, 2, 4);
    out.q75 = weighted_quantile(s.sample, 3, 4);
  }
  return out;
}

double population_std(const NumericSide& s) { return std::sqrt(std::max(0.0, s.m2) / static_cast<double>(s.n)); }

// Merges two weighted samples (for rules applied to the pooled values).
WeightedSample pooled(const WeightedSample& a, const WeightedSample& b) {
  WeightedSample p;
  std::size_t i = 0, j = 0;
  while (i < a.values.size() || j < b.values.size()) {
    double v;
    std::uint64_t w;
    if (j >= b.values.size() || (i < a.values.size() && a.values[i] <= b.values[j])) {
      v = a.values[i];
      w = a.weights[i++];
    } else {
      v = b.values[j];
      w = b.weights[j++];
    }
    if (!p.values.empty() && p.values.back() == v) {
      p.weights.back() += w;
    } else {
      p.values.push_back(v);
      p.weights.push_back(w);
    }
  }
  p.total = a.total + b.total;
  p.rank_error = a.rank_error + b.rank_error;
  return p;
}

// numpy's bin count for a rule, from a (pooled, possibly approximate) weighted sample.
std::size_t approximate_rule_bins(BinRule rule, const WeightedSample& s) {
  const double range = s.values.back() - s.values.front();
  const double n = static_cast<double>(s.total);
  if (range == 0.0) return 1;
  const double sturges = range / (std::log2(n) + 1.0);
  const auto fd = [&]() {
    const double iqr = weighted_quantile(s, 3, 4) - weighted_quantile(s, 1, 4);
    return 2.0 * iqr * std::pow(n, -1.0 / 3.0);
  };
  double width = 0.0;
  switch (rule) {
    case BinRule::Sturges: width = sturges; break;
    case BinRule::FreedmanDiaconis: width = fd(); break;
    case BinRule::Auto: {
      const double f = fd();
      width = f > 0.0 ? std::min(f, sturges) : sturges;
      break;
    }
    case BinRule::Doane: {
      if (s.total <= 2) break;
      NeumaierSum sum;
      for (std::size_t i = 0; i < s.values.size(); ++i) sum.add(s.values[i] * static_cast<double>(s.weights[i]));
      const double mean = sum.value() / n;
      NeumaierSum sq;
      for (std::size_t i = 0; i < s.values.size(); ++i) {
        sq.add((s.values[i] - mean) * (s.values[i] - mean) * static_cast<double>(s.weights[i]));
      }
      const double sigma = std::sqrt(sq.value() / n);
      if (!(sigma > 0.0)) break;
      NeumaierSum cubes;
      for (std::size_t i = 0; i < s.values.size(); ++i) {
        const double z = (s.values[i] - mean) / sigma;
        cubes.add(z * z * z * static_cast<double>(s.weights[i]));
      }
      const double g1 = cubes.value() / n;
      const double sg1 = std::sqrt(6.0 * (n - 2.0) / ((n + 1.0) * (n + 3.0)));
      width = range / (1.0 + std::log2(n) + std::log2(1.0 + std::fabs(g1) / sg1));
      break;
    }
  }
  if (!(width > 0.0)) return 1;
  return static_cast<std::size_t>(std::ceil(range / width));
}

// Interior reference-quantile edges, unique (bin_rules.hpp's rule), from a weighted sample.
std::vector<double> quantile_edges(const WeightedSample& ref, std::size_t K) {
  std::vector<double> edges{-kInf};
  for (std::size_t k = 1; k < K; ++k) {
    const double e = weighted_quantile(ref, k, K);
    if (edges.size() == 1 || e != edges.back()) edges.push_back(e);
  }
  edges.push_back(kInf);
  return edges;
}

// ----- categorical blocks -----

Items label_items(const ColumnAccumulator& c) {
  const LabelCounter& labels = c.labels();
  Items out;
  out.total = c.present();  // labels not counted (accumulator.hpp) end up in "other"
  auto raw = labels.items();
  if (!labels.exact() && raw.size() > labels.limit()) {
    std::sort(raw.begin(), raw.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    raw.resize(labels.limit());
  }
  out.items.reserve(raw.size());
  for (const auto& r : raw) out.items.emplace_back(std::string(r.first), r.second);
  return out;
}

Items boolean_items(const ColumnAccumulator& c) {
  Items out;
  if (c.false_count() > 0) out.items.emplace_back("false", c.false_count());
  if (c.true_count() > 0) out.items.emplace_back("true", c.true_count());
  out.total = c.false_count() + c.true_count();
  return out;
}

ChiSquareValues from_result(const ChiSquareResult& r) { return {r.statistic, r.pvalue, r.dof}; }

}  // namespace

namespace detail {

CategoryBlock category_block(const Items& ref, const Items& cur, const Smoothing& smoothing) {
  std::map<std::string, std::pair<std::uint64_t, std::uint64_t>> table;
  for (const auto& [label, count] : ref.items) table[label].first += count;
  for (const auto& [label, count] : cur.items) table[label].second += count;
  CategoryBlock b;
  for (const auto& [label, counts] : table) {
    b.categories.push_back(label);
    b.ref_counts.push_back(counts.first);
    b.cur_counts.push_back(counts.second);
    if (counts.second == 0) b.only_in_ref.push_back(label);
    if (counts.first == 0) b.only_in_cur.push_back(label);
  }
  b.other_ref = ref.total - sum_of(b.ref_counts);
  b.other_cur = cur.total - sum_of(b.cur_counts);
  b.has_other = b.other_ref > 0 || b.other_cur > 0;
  std::vector<double> r = to_doubles(b.ref_counts), c = to_doubles(b.cur_counts);
  if (b.has_other) {
    r.push_back(static_cast<double>(b.other_ref));
    c.push_back(static_cast<double>(b.other_cur));
  }
  b.metrics = drift_metrics(r, c, smoothing);
  b.homogeneity = from_result(chi_square_homogeneity(r, c));
  if (r.size() == 1) {
    b.gof = {0.0, 1.0, 0};
  } else {
    const double n_ref = static_cast<double>(ref.total), n_cur = static_cast<double>(cur.total);
    std::vector<double> expected(r.size());
    for (std::size_t i = 0; i < r.size(); ++i) expected[i] = r[i] * n_cur / n_ref;
    b.gof = from_result(chi_square_gof(c, expected));
  }
  if (r.size() <= 2) {
    b.has_z = r.size() == 2;
    const ProportionTest t = r.size() == 2 ? two_proportion_z_test(static_cast<std::uint64_t>(r[0]), ref.total,
                                                                   static_cast<std::uint64_t>(c[0]), cur.total)
                                           : ProportionTest{};
    b.z_statistic = t.z;
    b.z_pvalue = t.pvalue;
  }
  return b;
}

void fill_category_measures(DriftMeasures& m, const CategoryBlock& b) {
  m.has_categories = true;
  m.n_categories = b.categories.size() + (b.has_other ? 1 : 0);
  m.chi2_pvalue = b.gof.pvalue;
  m.chi2_homogeneity_pvalue = b.homogeneity.pvalue;
  m.z_pvalue = b.z_pvalue;
  m.psi_categories = b.metrics.psi_smoothed;
  m.js_distance_categories = b.metrics.js_distance_base_e;
  m.js_divergence_categories = b.metrics.js_divergence_base2;
  m.kl_ref_cur_categories = b.metrics.kl_ref_cur_smoothed;
  m.kl_cur_ref_categories = b.metrics.kl_cur_ref_smoothed;
  m.tvd_categories = b.metrics.tvd;
  m.hellinger_categories = b.metrics.hellinger;
}

void fill_bin_measures(DriftMeasures& m, const DriftMetrics& bins) {
  m.psi_bins = bins.psi_smoothed;
  m.js_distance_bins = bins.js_distance_base_e;
  m.js_divergence_bins = bins.js_divergence_base2;
  m.kl_ref_cur_bins = bins.kl_ref_cur_smoothed;
  m.kl_cur_ref_bins = bins.kl_cur_ref_smoothed;
  m.tvd_bins = bins.tvd;
  m.hellinger_bins = bins.hellinger;
}

// ----- types -----

const ColumnKind* override_of(const CompareSpec& spec, const std::string& name) {
  const ColumnKind* found = nullptr;
  for (const auto& o : spec.type_overrides) {
    if (o.first == name) found = &o.second;  // the last one wins
  }
  return found;
}

MissingChange missing_change(std::uint64_t missing_ref, std::uint64_t n_ref, std::uint64_t missing_cur,
                             std::uint64_t n_cur, const CompareSpec& spec) {
  // Rows of each side = missing + present.
  const std::uint64_t rows_ref = n_ref + missing_ref, rows_cur = n_cur + missing_cur;
  MissingChange mc;
  mc.ref_share = rows_ref ? static_cast<double>(missing_ref) / static_cast<double>(rows_ref) : 0.0;
  mc.cur_share = rows_cur ? static_cast<double>(missing_cur) / static_cast<double>(rows_cur) : 0.0;
  mc.change = mc.cur_share - mc.ref_share;
  const ProportionTest t = two_proportion_z_test(missing_ref, rows_ref, missing_cur, rows_cur);
  mc.z = t.z;
  mc.pvalue = t.pvalue;
  mc.flagged = mc.pvalue < spec.missing_alpha && std::fabs(mc.change) >= spec.missing_min_change;
  return mc;
}

std::string empty_side_error(std::uint64_t n_ref, std::uint64_t n_cur) {
  if (n_ref > 0 && n_cur > 0) return {};
  return n_ref == 0 && n_cur == 0 ? "no non-missing values on either side"
         : n_ref == 0              ? "reference has no non-missing values"
                                   : "current has no non-missing values";
}

}  // namespace detail

namespace {

using namespace detail;

std::string quoted(const std::string& s) { return "'" + s + "'"; }

// ----- numeric comparison -----

// A BinsBlock of the given kind from two samples counted on shared bins.
BinsBlock bins_block(std::string kind, const BinnedPair& bp) {
  BinsBlock b;
  b.kind = std::move(kind);
  b.edges = bp.edges;
  b.ref_counts = to_u64(bp.ref_counts);
  b.cur_counts = to_u64(bp.cur_counts);
  return b;
}

BinsBlock exact_bins(const CompareSpec& spec, const std::vector<double>& r, const std::vector<double>& c) {
  switch (spec.binning.kind) {
    case BinningSpec::Kind::EqualWidth: {
      const NumericBins nb = equal_width_bins(r, c, spec.binning.bins);
      BinsBlock b;
      b.kind = spec.binning.name();
      b.edges = nb.edges;
      b.ref_counts = to_u64(nb.ref_counts);
      b.cur_counts = to_u64(nb.cur_counts);
      b.degenerate = nb.degenerate;
      return b;
    }
    case BinningSpec::Kind::ReferenceQuantile:
      return bins_block(spec.binning.name(), bin_by_reference_quantiles(r, c, spec.binning.bins));
    case BinningSpec::Kind::Rule:
      return bins_block(spec.binning.name(), bin_by_rule(r, c, spec.binning.rule));
    case BinningSpec::Kind::Edges: {
      const BinnedPair bp = bin_with_edges(r, c, spec.binning.edges);
      BinsBlock b = bins_block(spec.binning.name(), bp);
      b.explicit_edges = true;
      b.ref_outside = bp.ref_outside;
      b.cur_outside = bp.cur_outside;
      return b;
    }
  }
  BinsBlock b;
  b.kind = spec.binning.name();
  return b;
}

BinsBlock approximate_bins(const CompareSpec& spec, const NumericSide& r, const NumericSide& c) {
  BinsBlock b;
  b.kind = spec.binning.name();
  const double lo = std::min(r.col->min(), c.col->min());
  const double hi = std::max(r.col->max(), c.col->max());
  switch (spec.binning.kind) {
    case BinningSpec::Kind::EqualWidth:
      if (lo == hi) {
        b.edges = {lo, hi};
        b.degenerate = true;
        b.ref_counts = {r.n};
        b.cur_counts = {c.n};
        return b;
      }
      b.edges = equal_width_edges(lo, hi, spec.binning.bins);
      break;
    case BinningSpec::Kind::ReferenceQuantile:
      b.edges = quantile_edges(r.sample, spec.binning.bins);
      break;
    case BinningSpec::Kind::Rule: {
      const std::size_t bins = approximate_rule_bins(spec.binning.rule, pooled(r.sample, c.sample));
      b.edges = lo == hi ? equal_width_edges(lo - 0.5, hi + 0.5, bins) : equal_width_edges(lo, hi, bins);
      break;
    }
    case BinningSpec::Kind::Edges:
      b.edges = spec.binning.edges;
      b.explicit_edges = true;
      break;
  }
  b.ref_counts = weighted_histogram(r.sample, b.edges);
  b.cur_counts = weighted_histogram(c.sample, b.edges);
  if (b.explicit_edges) {
    b.ref_outside = r.n - sum_of(b.ref_counts);
    b.cur_outside = c.n - sum_of(b.cur_counts);
  }
  return b;
}

double ks_asymptotic_pvalue(double d, std::uint64_t n1, std::uint64_t n2) {
  const double en = static_cast<double>(n1) * static_cast<double>(n2) / static_cast<double>(n1 + n2);
  const double r = std::nearbyint(en);  // round half to even (numpy.round), default rounding mode
  return kstwo_sf(d, static_cast<std::int64_t>(r));
}

// The numeric blocks of a column with values on both sides.
void compare_numeric(ColumnComparison& out, const ColumnAccumulator& ref, const ColumnAccumulator& cur,
                     const CompareSpec& spec) {
  NumericSide r = numeric_side(ref);
  NumericSide c = numeric_side(cur);
  const bool exact = r.exact && c.exact;
  if (!exact) {
    ensure_sample(r);
    ensure_sample(c);
  }
  out.summary_ref = summarize_side(r);
  out.summary_cur = summarize_side(c);
  if (exact) {
    out.bins = exact_bins(spec, ref.values(), cur.values());
    const BinnedPair q = bin_by_reference_quantiles(ref.values(), cur.values(), spec.quantile_bins);
    out.quantile_bins.kind = "reference-quantile:" + std::to_string(spec.quantile_bins);
    out.quantile_bins.edges = q.edges;
    out.quantile_bins.ref_counts = to_u64(q.ref_counts);
    out.quantile_bins.cur_counts = to_u64(q.cur_counts);
  } else {
    out.bins = approximate_bins(spec, r, c);
    out.quantile_bins.kind = "reference-quantile:" + std::to_string(spec.quantile_bins);
    out.quantile_bins.edges = quantile_edges(r.sample, spec.quantile_bins);
    out.quantile_bins.ref_counts = weighted_histogram(r.sample, out.quantile_bins.edges);
    out.quantile_bins.cur_counts = weighted_histogram(c.sample, out.quantile_bins.edges);
  }
  if (sum_of(out.bins.ref_counts) == 0 || sum_of(out.bins.cur_counts) == 0) {
    out.error = std::string(sum_of(out.bins.ref_counts) == 0 ? "reference" : "current") +
                ": no value inside the bin edges " + out.bins.kind;
    return;
  }
  NumericMetrics& m = out.numeric;
  m.bins = drift_metrics(to_doubles(out.bins.ref_counts), to_doubles(out.bins.cur_counts), spec.smoothing);
  {
    Options smooth;
    smooth.smoothing = spec.smoothing;
    const std::vector<double> p = probabilities(to_doubles(out.quantile_bins.ref_counts), smooth, "p");
    const std::vector<double> q = probabilities(to_doubles(out.quantile_bins.cur_counts), smooth, "q");
    Options as_is;
    as_is.normalize = false;
    m.psi_ref_quantile = psi(p, q, as_is);
  }
  if (exact) {
    // Stored values are ascending and finite (accumulator.hpp): one walk over both gives
    // wasserstein1 and ks_2samp's statistic, bit for bit as those functions compute them.
    const Span rv(ref.values()), cv(cur.values());
    const detail::SortedPairWalk walk = detail::walk_sorted_pair(rv, cv, true);
    m.wasserstein = walk.w1;
    const KsResult ks = detail::ks_2samp_from_extremes(walk.ks, static_cast<std::int64_t>(rv.size),
                                                       static_cast<std::int64_t>(cv.size), KsMethod::Auto,
                                                       KsAlternative::TwoSided);
    m.ks_statistic = ks.statistic;
    m.ks_pvalue = ks.pvalue;
    m.ks_method = ks.method_used == KsMethod::Exact ? "exact" : "asymp";
    // The gap where ks_2samp found the statistic, with both exact ECDF values there.
    out.ks_gap = {ks.statistic_location, ecdf_at_sorted(rv, ks.statistic_location),
                  ecdf_at_sorted(cv, ks.statistic_location), ks.statistic};
    out.ecdf_ref = ecdf_curve_sorted(rv, kEcdfPoints, out.ks_gap.x);
    out.ecdf_cur = ecdf_curve_sorted(cv, kEcdfPoints, out.ks_gap.x);
  } else {
    m.wasserstein = weighted_wasserstein1(r.sample, c.sample);
    out.ks_gap = weighted_ks_gap(r.sample, c.sample);
    m.ks_statistic = out.ks_gap.size;
    m.ks_pvalue = ks_asymptotic_pvalue(m.ks_statistic, r.n, c.n);
    m.ks_method = "asymp";
    ApproximationInfo& a = out.approx;
    a.method = "quantile-sketch";
    a.k = spec.sketch_k;
    a.ref_exact = r.exact;
    a.cur_exact = c.exact;
    a.ref_error = r.sample.rank_error;
    a.cur_error = c.sample.rank_error;
    a.ref_fraction = r.sample.error_fraction();
    a.cur_fraction = c.sample.error_fraction();
    a.ks_bound = a.ref_fraction + a.cur_fraction;
    a.ks_pvalue_low = ks_asymptotic_pvalue(std::min(1.0, m.ks_statistic + a.ks_bound), r.n, c.n);
    a.ks_pvalue_high = ks_asymptotic_pvalue(std::max(0.0, m.ks_statistic - a.ks_bound), r.n, c.n);
    const double lo = std::min(ref.min(), cur.min()), hi = std::max(ref.max(), cur.max());
    a.wasserstein_bound = (hi - lo) * a.ks_bound;
    out.ecdf_ref = ecdf_curve(r.sample, kEcdfPoints, out.ks_gap.x);
    out.ecdf_cur = ecdf_curve(c.sample, kEcdfPoints, out.ks_gap.x);
  }
  m.wasserstein_normed = m.wasserstein / std::max(population_std(r), 0.001);
  out.has_ecdf = true;
}

// The as_categorical block of a numeric column with few distinct values (both sides known).
bool as_categorical(CategoryBlock& out, const ColumnAccumulator& ref, const ColumnAccumulator& cur,
                    const CompareSpec& spec) {
  if (!ref.distinct_known() || !cur.distinct_known()) return false;
  std::map<double, std::pair<std::uint64_t, std::uint64_t>> values;
  for (const auto& d : ref.distinct()) values[d.first].first += d.second;
  for (const auto& d : cur.distinct()) values[d.first].second += d.second;
  if (values.size() > ColumnAccumulator::kDistinctLimit) return false;
  const bool integers = ref.integer_literals() && cur.integer_literals() && ref.missing() == 0 && cur.missing() == 0;
  Items r, c;
  r.total = ref.number_count();
  c.total = cur.number_count();
  for (const auto& [x, counts] : values) {
    const std::string label = pandas_label(x, integers);
    if (counts.first > 0) r.items.emplace_back(label, counts.first);
    if (counts.second > 0) c.items.emplace_back(label, counts.second);
  }
  out = category_block(r, c, spec.smoothing);
  return true;
}

std::size_t pooled_distinct(const ColumnAccumulator& ref, const ColumnAccumulator& cur, bool& known) {
  known = false;
  if (!ref.distinct_known() || !cur.distinct_known()) return ColumnAccumulator::kDistinctLimit + 1;
  std::vector<double> all;
  for (const auto& d : ref.distinct()) all.push_back(d.first);
  for (const auto& d : cur.distinct()) all.push_back(d.first);
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  if (all.size() > ColumnAccumulator::kDistinctLimit) return all.size();
  known = true;
  return all.size();
}

ColumnComparison compare_column(const std::string& name, const ColumnAccumulator& ref, const ColumnAccumulator& cur,
                                const CompareSpec& spec) {
  ColumnComparison out;
  out.name = name;
  out.n_ref = ref.present();
  out.n_cur = cur.present();
  out.missing_ref = ref.missing();
  out.missing_cur = cur.missing();

  out.missing_change = missing_change(out.missing_ref, out.n_ref, out.missing_cur, out.n_cur, spec);

  // Type.
  const ColumnKind* forced = override_of(spec, name);
  const std::uint64_t present = out.n_ref + out.n_cur;
  if (forced != nullptr) {
    out.type = *forced;
    out.overridden = true;
  } else if (present > 0 && ref.numeric_ok() && cur.numeric_ok()) {
    out.type = ColumnKind::Numeric;
  } else if (present > 0 && ref.boolean_literals() && cur.boolean_literals()) {
    out.type = ColumnKind::Boolean;
  } else {
    out.type = ColumnKind::Categorical;
  }
  if (out.type == ColumnKind::Numeric) {
    out.n_unique = pooled_distinct(ref, cur, out.n_unique_known);
  }

  if (out.n_ref == 0 || out.n_cur == 0) {
    out.error = detail::empty_side_error(out.n_ref, out.n_cur);
    return out;
  }
  if (out.overridden && out.type == ColumnKind::Numeric && !(ref.numeric_ok() && cur.numeric_ok())) {
    const bool r = !ref.numeric_ok();
    out.error = std::string("type override numeric: ") + (r ? "reference" : "current") + " value " +
                quoted(r ? ref.first_non_numeric() : cur.first_non_numeric()) + " is not a number";
    return out;
  }
  if (out.overridden && out.type == ColumnKind::Boolean && !(ref.boolean_ok() && cur.boolean_ok())) {
    const bool r = !ref.boolean_ok();
    out.error = std::string("type override boolean: ") + (r ? "reference" : "current") + " value " +
                quoted(r ? ref.first_non_boolean() : cur.first_non_boolean()) +
                " is not one of true, false, yes, no, 0, 1";
    return out;
  }

  DriftMeasures dm;
  dm.kind = out.type;
  dm.n_ref = out.n_ref;
  dm.n_cur = out.n_cur;
  if (out.type == ColumnKind::Numeric) {
    compare_numeric(out, ref, cur, spec);
    if (!out.error.empty()) return out;
    out.has_as_categorical = as_categorical(out.as_categorical, ref, cur, spec);
    const NumericMetrics& m = out.numeric;
    dm.n_unique = out.n_unique;
    dm.ks_pvalue = m.ks_pvalue;
    dm.wasserstein = m.wasserstein;
    dm.wasserstein_normed = m.wasserstein_normed;
    dm.psi_quantiles = m.psi_ref_quantile;
    fill_bin_measures(dm, m.bins);
    if (out.has_as_categorical) fill_category_measures(dm, out.as_categorical);
  } else {
    const Items r = out.type == ColumnKind::Boolean ? boolean_items(ref) : label_items(ref);
    const Items c = out.type == ColumnKind::Boolean ? boolean_items(cur) : label_items(cur);
    out.categories = category_block(r, c, spec.smoothing);
    out.n_unique = out.categories.categories.size() + (out.categories.has_other ? 1 : 0);
    out.n_unique_known = !out.categories.has_other;
    if (out.type != ColumnKind::Boolean && (!ref.labels_exact() || !cur.labels_exact())) {
      ApproximationInfo& a = out.approx;
      a.method = "misra-gries";
      a.k = spec.category_limit;
      a.ref_exact = ref.labels_exact();
      a.cur_exact = cur.labels_exact();
      a.ref_error = ref.label_error_bound();
      a.cur_error = cur.label_error_bound();
      a.ref_held = ref.labels().size();
      a.cur_held = cur.labels().size();
      out.n_unique = std::max<std::size_t>(out.n_unique, spec.category_limit + 1);
    }
    dm.n_unique = out.n_unique;
    fill_category_measures(dm, out.categories);
  }
  out.drift = decide_drift(spec, dm);
  out.has_drift = true;
  return out;
}

SideInfo side_info(const DatasetAccumulator& a) {
  SideInfo s;
  s.format = a.format();
  s.dialect = a.dialect();
  s.rows = a.rows();
  s.bytes = a.bytes();
  s.columns = a.columns().size();
  return s;
}

}  // namespace

std::string pandas_label(double x, bool integer_column) {
  char buf[64];
  if (integer_column && std::fabs(x) < 9.2e18) {
    std::snprintf(buf, sizeof buf, "%.0f", x);
    return buf;
  }
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  // Shortest round-trip digits (as Python's repr), then Python's layout: fixed notation for
  // decimal exponents -4 <= e < 16, scientific otherwise.
  int precision = 1;
  for (; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*e", precision - 1, x);
    if (std::strtod(buf, nullptr) == x) break;
  }
  std::string text(buf);
  const bool negative = text[0] == '-';
  const std::size_t e_pos = text.find('e');
  std::string digits;
  for (std::size_t i = negative ? 1 : 0; i < e_pos; ++i) {
    if (text[i] != '.') digits += text[i];
  }
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  const int exponent = std::atoi(text.c_str() + e_pos + 1);
  std::string out = negative ? "-" : "";
  if (exponent >= -4 && exponent < 16) {
    if (exponent >= 0) {
      const std::size_t int_len = static_cast<std::size_t>(exponent) + 1;
      if (digits.size() <= int_len) {
        out += digits + std::string(int_len - digits.size(), '0') + ".0";
      } else {
        out += digits.substr(0, int_len) + "." + digits.substr(int_len);
      }
    } else {
      out += "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
    }
  } else {
    out += digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    char exp[16];
    std::snprintf(exp, sizeof exp, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
    out += exp;
  }
  return out;
}

namespace {

// The report of every common column (only == nullptr) or of those named in *only.
ComparisonReport compare_selected(const DatasetAccumulator& reference, const DatasetAccumulator& current,
                                  const CompareSpec& spec, const std::vector<std::string>* only) {
  check_spec(spec);
  if (!reference.finished()) throw range_error("reference", "finish() it before comparing");
  if (!current.finished()) throw range_error("current", "finish() it before comparing");
  ComparisonReport r;
  r.spec = spec;
  r.reference = side_info(reference);
  r.current = side_info(current);
  for (const std::string& name : current.columns()) {
    if (reference.find(name) == DatasetAccumulator::npos) r.only_in_current.push_back(name);
  }
  std::vector<bool> compared(reference.columns().size(), only == nullptr);
  if (only) {
    for (const std::string& name : *only) {
      const std::size_t i = reference.find(name);
      if (i == DatasetAccumulator::npos || current.find(name) == DatasetAccumulator::npos) {
        throw range_error("only", "'" + name + "' is not a column of both files");
      }
      compared[i] = true;
    }
  }
  std::vector<bool> drifted;
  for (std::size_t i = 0; i < reference.columns().size(); ++i) {
    const std::string& name = reference.columns()[i];
    const std::size_t j = current.find(name);
    if (j == DatasetAccumulator::npos) {
      r.only_in_reference.push_back(name);
      continue;
    }
    if (!compared[i]) continue;
    r.columns.push_back(compare_column(name, reference.column(i), current.column(j), spec));
    if (r.columns.back().has_drift) drifted.push_back(r.columns.back().drift.drifted);
  }
  r.verdict = dataset_verdict(drifted, spec.drift_share);
  return r;
}

}  // namespace

ComparisonReport compare_datasets(const DatasetAccumulator& reference, const DatasetAccumulator& current,
                                  const CompareSpec& spec) {
  return compare_selected(reference, current, spec, nullptr);
}

ComparisonReport compare_datasets(const DatasetAccumulator& reference, const DatasetAccumulator& current,
                                  const CompareSpec& spec, const std::vector<std::string>& only) {
  return compare_selected(reference, current, spec, &only);
}

}  // namespace divergence
