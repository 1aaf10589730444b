// Edge rules (numpy.histogram_bin_edges), explicit edges and reference-quantile bins.
#include "divergence/bin_rules.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "divergence/binning.hpp"
#include "divergence/errors.hpp"
#include "divergence/format.hpp"
#include "divergence/pointwise.hpp"
#include "divergence/summation.hpp"
#include "sorted_view.hpp"

namespace divergence {
namespace {

constexpr std::size_t kMaxRuleBins = 100000;

struct RuleName {
  BinRule rule;
  const char* name;
};
constexpr RuleName kRules[] = {
    {BinRule::Sturges, "sturges"}, {BinRule::Doane, "doane"}, {BinRule::FreedmanDiaconis, "fd"}, {BinRule::Auto, "auto"}};

void check_finite(Span values, const char* name) {
  for (std::size_t i = 0; i < values.size; ++i) {
    if (!std::isfinite(values[i])) throw range_error(name, "entry " + std::to_string(i) + " is not finite");
  }
}

// numpy.percentile(sorted, 100 * q, method='linear') for q in [0, 1], with numpy's _lerp.
double percentile_sorted(const std::vector<double>& x, double q) {
  const double h = (static_cast<double>(x.size()) - 1.0) * q;
  const double j = std::floor(h);
  const std::size_t lo = static_cast<std::size_t>(j);
  const std::size_t hi = std::min(lo + 1, x.size() - 1);
  const double t = h - j;
  const double diff = x[hi] - x[lo];
  return t >= 0.5 ? x[hi] - diff * (1.0 - t) : x[lo] + diff * t;
}

double sturges_width(double range, double n) { return range / (std::log2(n) + 1.0); }

double fd_width(const std::vector<double>& sorted) {
  const double iqr = percentile_sorted(sorted, 0.75) - percentile_sorted(sorted, 0.25);
  return 2.0 * iqr * std::pow(static_cast<double>(sorted.size()), -1.0 / 3.0);
}

double doane_width(const std::vector<double>& x, double range) {
  const double n = static_cast<double>(x.size());
  if (x.size() <= 2) return 0.0;
  const double sg1 = std::sqrt(6.0 * (n - 2.0) / ((n + 1.0) * (n + 3.0)));
  NeumaierSum sum;
  for (double v : x) sum.add(v);
  const double mean = sum.value() / n;
  NeumaierSum squares;
  for (double v : x) squares.add((v - mean) * (v - mean));
  const double sigma = std::sqrt(squares.value() / n);
  if (!(sigma > 0.0)) return 0.0;
  NeumaierSum cubes;
  for (double v : x) {
    const double z = (v - mean) / sigma;
    cubes.add(z * z * z);
  }
  const double g1 = cubes.value() / n;
  return range / (1.0 + std::log2(n) + std::log2(1.0 + std::fabs(g1) / sg1));
}

double rule_width(BinRule rule, const std::vector<double>& sorted) {
  const double range = sorted.back() - sorted.front();
  const double n = static_cast<double>(sorted.size());
  switch (rule) {
    case BinRule::Sturges:
      return sturges_width(range, n);
    case BinRule::Doane:
      return doane_width(sorted, range);
    case BinRule::FreedmanDiaconis:
      return fd_width(sorted);
    case BinRule::Auto: {
      const double fd = fd_width(sorted);
      const double st = sturges_width(range, n);
      return fd > 0.0 ? std::min(fd, st) : st;
    }
  }
  return 0.0;
}

std::vector<double> pooled_sorted(Span a, Span b) {
  std::vector<double> v(a.begin(), a.end());
  v.insert(v.end(), b.begin(), b.end());
  if (std::is_sorted(a.begin(), a.end()) && std::is_sorted(b.begin(), b.end())) {
    std::inplace_merge(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(a.size), v.end());
  } else {
    std::sort(v.begin(), v.end());
  }
  return v;
}

std::size_t count_outside(Span values, double lo, double hi) {
  std::size_t n = 0;
  for (double x : values) n += (x < lo || x > hi) ? 1 : 0;
  return n;
}

}  // namespace

BinRule bin_rule_from_name(std::string_view name, const char* argument) {
  std::string known;
  for (const RuleName& r : kRules) {
    if (name == r.name) return r.rule;
    known += known.empty() ? "" : ", ";
    known += r.name;
  }
  throw range_error(argument, "unknown rule '" + std::string(name) + "' (known: " + known + ")");
}

const char* bin_rule_name(BinRule rule) {
  for (const RuleName& r : kRules) {
    if (r.rule == rule) return r.name;
  }
  return "?";
}

std::size_t rule_bin_count(BinRule rule, Span values) {
  if (values.empty()) throw range_error("values", "must not be empty");
  check_finite(values, "values");
  std::vector<double> sorted(values.begin(), values.end());
  if (!std::is_sorted(sorted.begin(), sorted.end())) std::sort(sorted.begin(), sorted.end());  // the engine passes sorted values
  const double width = rule_width(rule, sorted);
  const double range = sorted.back() - sorted.front();
  if (!(width > 0.0) || range == 0.0) return 1;
  const double count = std::ceil(range / width);
  if (!(count <= static_cast<double>(kMaxRuleBins))) {
    // numpy would try to allocate them; a few far outliers and a narrow IQR do this with 'fd'.
    throw range_error("binning", std::string("the ") + bin_rule_name(rule) + " rule asks for " + format_number(count) +
                                     " bins (more than " + std::to_string(kMaxRuleBins) +
                                     "): the range is far wider than the spread; give explicit edges or use equal-width:N");
  }
  return static_cast<std::size_t>(count);
}

BinnedPair bin_by_rule(Span reference, Span current, BinRule rule) {
  check_finite(reference, "reference");
  check_finite(current, "current");
  const std::vector<double> pooled = pooled_sorted(reference, current);
  if (pooled.empty()) throw range_error("reference", "must not be empty (both samples are empty)");
  double lo = pooled.front(), hi = pooled.back();
  const std::size_t bins = rule_bin_count(rule, pooled);
  if (lo == hi) {  // numpy widens a constant sample to [x - 0.5, x + 0.5]
    lo -= 0.5;
    hi += 0.5;
  }
  return bin_with_edges(reference, current, equal_width_edges(lo, hi, bins));
}

BinnedPair bin_with_edges(Span reference, Span current, const std::vector<double>& edges) {
  if (edges.size() < 2) throw range_error("edges", "need at least 2 (got " + std::to_string(edges.size()) + ")");
  check_finite(edges, "edges");
  for (std::size_t i = 1; i < edges.size(); ++i) {
    if (!(edges[i] > edges[i - 1])) throw range_error("edges", "not strictly increasing at index " + std::to_string(i));
  }
  check_finite(reference, "reference");
  check_finite(current, "current");
  BinnedPair out;
  out.edges = edges;
  out.ref_counts = histogram_counts(reference, edges);
  out.cur_counts = histogram_counts(current, edges);
  out.ref_outside = count_outside(reference, edges.front(), edges.back());
  out.cur_outside = count_outside(current, edges.front(), edges.back());
  return out;
}

double quantile_linear(Span sorted, std::size_t k, std::size_t K) {
  const std::size_t n = sorted.size;
  const std::size_t scaled = (n - 1) * k;  // h = scaled / K
  const std::size_t j = scaled / K;
  if (j + 1 >= n) return sorted[n - 1];
  const double t = static_cast<double>(scaled % K) / static_cast<double>(K);
  const double a = sorted[j], b = sorted[j + 1];
  const double diff = b - a;
  return t >= 0.5 ? b - diff * (1.0 - t) : a + diff * t;  // numpy's _lerp
}

BinnedPair bin_by_reference_quantiles(Span reference, Span current, std::size_t K) {
  if (reference.empty()) throw range_error("reference", "must not be empty");
  if (K < 1) throw range_error("bins", "must be >= 1 (got 0)");
  check_finite(reference, "reference");
  check_finite(current, "current");
  const detail::SortedValues sorted_ref(reference);  // the engine passes sorted values: no copy
  const Span sorted = sorted_ref.span();
  std::vector<double> interior;
  for (std::size_t k = 1; k < K; ++k) {
    const double e = quantile_linear(sorted, k, K);
    if (interior.empty() || e != interior.back()) interior.push_back(e);
  }
  BinnedPair out;
  out.edges.push_back(-kInf);
  out.edges.insert(out.edges.end(), interior.begin(), interior.end());
  out.edges.push_back(kInf);
  out.ref_counts.assign(interior.size() + 1, 0);
  out.cur_counts.assign(interior.size() + 1, 0);
  auto bin_of = [&](double x) { return static_cast<std::size_t>(std::upper_bound(interior.begin(), interior.end(), x) - interior.begin()); };
  // A sorted sample's counts by binary search (the same bins: bin_of(x) = interior edges <= x).
  const bool sorted_edges = std::is_sorted(interior.begin(), interior.end());
  for (const auto& [values, counts] : {std::pair<Span, std::vector<std::size_t>*>{reference, &out.ref_counts}, {current, &out.cur_counts}}) {
    if (sorted_edges && std::is_sorted(values.begin(), values.end())) {  // finite: checked above
      detail::add_sorted_counts(values, out.edges.data(), out.edges.size() - 1, -kInf, kInf, *counts);
    } else {
      for (double x : values) ++(*counts)[bin_of(x)];
    }
  }
  return out;
}

}  // namespace divergence
