// Equal-width histograms with numpy semantics, and category tables.
#include "divergence/binning.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <utility>

#include "divergence/errors.hpp"
#include "divergence/format.hpp"
#include "sorted_view.hpp"

namespace divergence {
namespace {

void check_bins(std::size_t bins) {
  if (bins < 1) throw range_error("bins", "must be >= 1 (got 0)");
}

void add_counts(Span values, const std::vector<double>& edges, std::vector<std::size_t>& counts) {
  const std::size_t n = edges.size() - 1;
  const double first = edges.front();
  const double last = edges.back();
  const double dn = static_cast<double>(n);
  // numpy: norm = n / (last - first); the fallback keeps a sensible guess when the width overflows.
  const double width = last - first;
  const double norm = std::isfinite(width) ? dn / width : 1.0 / (last / dn - first / dn);
  for (double x : values) {
    if (!(x >= first && x <= last)) continue;  // outside the range, or NaN
    double guess = (x - first) * norm;
    if (!(guess >= 0.0)) guess = 0.0;
    if (guess > static_cast<double>(n - 1)) guess = static_cast<double>(n - 1);
    std::size_t k = static_cast<std::size_t>(guess);
    while (k > 0 && x < edges[k]) --k;
    while (k + 1 < n && x >= edges[k + 1]) ++k;
    ++counts[k];
  }
}

}  // namespace

std::vector<double> equal_width_edges(double lo, double hi, std::size_t bins) {
  check_bins(bins);
  if (!std::isfinite(lo)) throw range_error("lo", "must be finite (got " + format_number(lo) + ")");
  if (!(std::isfinite(hi) && hi >= lo)) throw range_error("hi", "must be finite and >= lo (got " + format_number(hi) + ")");
  const double n = static_cast<double>(bins);
  const double step = (hi - lo) / n;
  std::vector<double> edges(bins + 1);
  if (std::isfinite(step)) {
    for (std::size_t i = 0; i < bins; ++i) edges[i] = lo + static_cast<double>(i) * step;
  } else {  // hi - lo overflows: weighted mean of the ends, whose terms cannot overflow
    for (std::size_t i = 0; i < bins; ++i) {
      const double t = static_cast<double>(i);
      edges[i] = (n - t) * (lo / n) + t * (hi / n);
    }
    edges[0] = lo;  // n * (lo / n) can round past lo, leaving the minimum outside every bin (fuzzing)
  }
  edges[bins] = hi;
  return edges;
}

std::vector<std::size_t> histogram_counts(Span values, const std::vector<double>& edges) {
  if (edges.size() < 2) throw range_error("edges", "need at least 2 (got " + std::to_string(edges.size()) + ")");
  std::vector<std::size_t> counts(edges.size() - 1, 0);
  // Sorted values (the dataset engine's) and non-decreasing edges: the bins add_counts finds are
  // those of the edges (its corrections make every bin [e_k, e_k+1)), found by binary search.
  if (std::is_sorted(edges.begin(), edges.end()) && detail::sorted_without_nan(values)) {
    detail::add_sorted_counts(values, edges.data(), edges.size() - 1, edges.front(), edges.back(), counts);
  } else {
    add_counts(values, edges, counts);
  }
  return counts;
}

NumericBins equal_width_bins(Span reference, Span current, std::size_t bins) {
  check_bins(bins);
  if (reference.empty() && current.empty()) throw range_error("values", "both samples are empty");
  double lo = reference.empty() ? current[0] : reference[0];
  double hi = lo;
  for (const auto& [name, s] : {std::pair<const char*, Span>{"reference", reference}, {"current", current}}) {
    for (std::size_t i = 0; i < s.size; ++i) {
      const double x = s[i];
      if (std::isnan(x)) throw range_error(name, "entry " + std::to_string(i) + " is NaN");
      if (std::isinf(x)) throw range_error(name, "entry " + std::to_string(i) + " is infinite");
      lo = std::min(lo, x);
      hi = std::max(hi, x);
    }
  }
  NumericBins out;
  if (lo == hi) {
    out.degenerate = true;
    out.edges = {lo, hi};
    out.ref_counts = {reference.size};
    out.cur_counts = {current.size};
    return out;
  }
  out.edges = equal_width_edges(lo, hi, bins);
  out.ref_counts = histogram_counts(reference, out.edges);
  out.cur_counts = histogram_counts(current, out.edges);
  return out;
}

CategoryCounts count_categories(const std::vector<std::string_view>& reference,
                                const std::vector<std::string_view>& current) {
  std::unordered_map<std::string_view, std::pair<std::size_t, std::size_t>> table;
  for (std::string_view s : reference) ++table[s].first;
  for (std::string_view s : current) ++table[s].second;
  std::vector<std::string_view> keys;
  keys.reserve(table.size());
  for (const auto& kv : table) keys.push_back(kv.first);
  std::sort(keys.begin(), keys.end());  // char_traits<char> compares as unsigned bytes
  CategoryCounts out;
  out.categories.reserve(keys.size());
  for (std::string_view k : keys) {
    const auto& c = table[k];
    out.categories.emplace_back(k);
    out.ref_counts.push_back(c.first);
    out.cur_counts.push_back(c.second);
    if (c.second == 0) out.only_in_ref.emplace_back(k);
    if (c.first == 0) out.only_in_cur.emplace_back(k);
  }
  return out;
}

}  // namespace divergence
