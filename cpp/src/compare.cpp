// Dataset comparison: the in-memory table API (compare_tables), DriftMetrics, and the entry points
// of the streaming engine (compare_json, compare_buffers_json, compare_csv_json).
#include "divergence/compare.hpp"

#include <cmath>
#include <limits>
#include <unordered_map>


#include "divergence/accumulator.hpp"
#include "divergence/discrete.hpp"
#include "divergence/errors.hpp"
#include "divergence/format.hpp"
#include "divergence/report.hpp"
#include "divergence/report_spec.hpp"
#include "divergence/summation.hpp"
#include "divergence/summary.hpp"

namespace divergence {
namespace {

constexpr double kNaNValue = std::numeric_limits<double>::quiet_NaN();
constexpr int kMaxBins = 1000000;

std::vector<double> as_doubles(const std::vector<std::size_t>& counts) {
  return std::vector<double>(counts.begin(), counts.end());
}

ColumnReport compare_column(const std::string& name, const TypedColumn& t, const CompareOptions& opt) {
  ColumnReport c;
  c.name = name;
  c.type = t.type;
  c.n_ref = t.reference.size();
  c.n_cur = t.current.size();
  c.missing_ref = t.reference.missing;
  c.missing_cur = t.current.missing;
  if (c.n_ref == 0 || c.n_cur == 0) {
    c.error = c.n_ref == 0 && c.n_cur == 0 ? "no non-missing values on either side"
              : c.n_ref == 0              ? "reference has no non-missing values"
                                          : "current has no non-missing values";
    return c;
  }
  if (t.type == ColumnType::Numeric) {
    c.summary_ref = summarize(t.reference.numbers);
    c.summary_cur = summarize(t.current.numbers);
    c.bins = equal_width_bins(t.reference.numbers, t.current.numbers, static_cast<std::size_t>(opt.bins));
    c.metrics = drift_metrics(as_doubles(c.bins.ref_counts), as_doubles(c.bins.cur_counts), opt.epsilon);
  } else {
    c.categories = count_categories(t.reference.labels, t.current.labels);
    c.metrics = drift_metrics(as_doubles(c.categories.ref_counts), as_doubles(c.categories.cur_counts), opt.epsilon);
  }
  return c;
}

}  // namespace

DriftMetrics drift_metrics(Span ref_counts, Span cur_counts, const Smoothing& smoothing) {
  Options base_e;
  Options base_2;
  base_2.base = 2.0;
  Options as_is;  // smoothed vectors already sum to 1
  as_is.normalize = false;
  Options smooth;
  smooth.smoothing = smoothing;
  DriftMetrics m;
  m.kl_ref_cur_raw = kl_divergence(ref_counts, cur_counts, base_e);
  m.kl_cur_ref_raw = kl_divergence(cur_counts, ref_counts, base_e);
  const std::vector<double> p = probabilities(ref_counts, smooth, "p");
  const std::vector<double> q = probabilities(cur_counts, smooth, "q");
  m.kl_ref_cur_smoothed = kl_divergence(p, q, as_is);
  m.kl_cur_ref_smoothed = kl_divergence(q, p, as_is);
  m.js_distance_base_e = js_distance(ref_counts, cur_counts, base_e);
  m.js_divergence_base2 = js_divergence(ref_counts, cur_counts, base_2);
  m.psi_smoothed = psi(p, q, as_is);
  m.tvd = total_variation(ref_counts, cur_counts, base_e);
  m.hellinger = hellinger(ref_counts, cur_counts, base_e);
  return m;
}

DriftMetrics drift_metrics(Span ref_counts, Span cur_counts, double epsilon) {
  if (!(std::isfinite(epsilon) && epsilon > 0.0)) {
    throw range_error("epsilon", "must be a finite number > 0 (got " + format_number(epsilon) + ")");
  }
  return drift_metrics(ref_counts, cur_counts, Smoothing::epsilon(epsilon));
}

NumericSummary summarize(Span values) {
  NumericSummary s;
  s.n = values.size;
  if (values.empty()) {
    s.mean = s.std_dev = s.min = s.max = kNaNValue;
    return s;
  }
  NeumaierSum total;
  s.min = s.max = values[0];
  for (double x : values) {
    total.add(x);
    if (x < s.min) s.min = x;
    if (x > s.max) s.max = x;
  }
  const double n = static_cast<double>(values.size);
  s.mean = total.value() / n;
  if (values.size < 2) {
    s.std_dev = kNaNValue;
    return s;
  }
  NeumaierSum squares;
  for (double x : values) squares.add((x - s.mean) * (x - s.mean));
  s.std_dev = std::sqrt(squares.value() / (n - 1.0));
  return s;
}

void check_options(const CompareOptions& opt) {
  if (opt.bins < 1 || opt.bins > kMaxBins) {
    throw range_error("bins", "must be between 1 and " + std::to_string(kMaxBins) + " (got " + std::to_string(opt.bins) + ")");
  }
  if (!(std::isfinite(opt.epsilon) && opt.epsilon > 0.0)) {
    throw range_error("epsilon", "must be a finite number > 0 (got " + format_number(opt.epsilon) + ")");
  }
}

Report compare_tables(const CsvTable& reference, const CsvTable& current, const CompareOptions& opt) {
  check_options(opt);
  Report r;
  r.options = opt;
  r.reference = FileInfo{reference.rows(), reference.names.size(), reference.dialect};
  r.current = FileInfo{current.rows(), current.names.size(), current.dialect};

  std::unordered_map<std::string_view, std::size_t> in_current;
  for (std::size_t j = 0; j < current.names.size(); ++j) in_current.emplace(current.names[j], j);
  std::unordered_map<std::string_view, std::size_t> in_reference;
  for (std::size_t i = 0; i < reference.names.size(); ++i) in_reference.emplace(reference.names[i], i);
  for (const std::string& name : current.names) {
    if (in_reference.count(name) == 0) r.only_in_current.push_back(name);
  }

  const MissingTokens missing(opt.missing_tokens);
  for (std::size_t i = 0; i < reference.names.size(); ++i) {
    const std::string& name = reference.names[i];
    const auto found = in_current.find(name);
    if (found == in_current.end()) {
      r.only_in_reference.push_back(name);
      continue;
    }
    const TypedColumn typed = type_column(reference.columns[i], current.columns[found->second], missing);
    r.columns.push_back(compare_column(name, typed, opt));
  }
  return r;
}

Report compare_csv(std::string_view reference, std::string_view current, const CompareOptions& opt) {
  check_options(opt);
  const CsvTable ref = read_csv(reference, "reference");
  const CsvTable cur = read_csv(current, "current");
  return compare_tables(ref, cur, opt);
}

std::string compare_json(const DatasetAccumulator& reference, const DatasetAccumulator& current, const CompareSpec& spec) {
  return report_json(compare_datasets(reference, current, spec));
}

std::string compare_json(const DatasetAccumulator& reference, const DatasetAccumulator& current, const CompareSpec& spec,
                         const std::vector<std::string>& only) {
  return report_json(compare_datasets(reference, current, spec, only));
}

std::string compare_buffers_json(std::string_view reference, std::string_view current, const CompareSpec& spec) {
  check_spec(spec);
  // Histogram summaries (summary.hpp) are compared by their own rules; only with each other.
  const bool ref_summary = looks_like_summary(reference), cur_summary = looks_like_summary(current);
  if (ref_summary && cur_summary) return compare_summaries_json(reference, current, spec);
  if (ref_summary != cur_summary) {
    throw FormatError(std::string(ref_summary ? "current" : "reference") + ": not a histogram summary, but the " +
                      (ref_summary ? "reference" : "current") +
                      " is one; compare a summary with a summary (docs/summaries.md shows how to make one)");
  }
  DatasetAccumulator ref(spec, "reference");
  ref.feed(reference);
  ref.finish();
  DatasetAccumulator cur(spec, "current");
  cur.feed(current);
  cur.finish();
  return compare_json(ref, cur, spec);
}

CompareSpec spec_from_options(const CompareOptions& opt) {
  check_options(opt);
  CompareSpec spec;
  spec.binning.kind = BinningSpec::Kind::EqualWidth;
  spec.binning.bins = static_cast<std::size_t>(opt.bins);
  spec.smoothing = Smoothing::epsilon(opt.epsilon);
  spec.missing_tokens = opt.missing_tokens;
  return spec;
}

std::string compare_csv_json(std::string_view reference, std::string_view current, const CompareOptions& opt) {
  return compare_buffers_json(reference, current, spec_from_options(opt));
}

}  // namespace divergence
