// Wasserstein-1 between 1-D empirical distributions, and the CDF-difference integral it shares
// with the energy distance (samples_energy.cpp).
//
// Method (as scipy.stats._stats_py._cdf_distance): sort both samples; between two consecutive
// points t_i < t_{i+1} of the pooled sample both empirical CDFs are constant, so
// integral |U - V|^p = sum_i |U(t_i) - V(t_i)|^p (t_{i+1} - t_i). U(t) is (number of u <= t)/n for
// unweighted samples and (cumulative weight of u <= t)/(total weight) for weighted ones.
#include "divergence/wasserstein.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "divergence/errors.hpp"
#include "divergence/format.hpp"
#include "divergence/summation.hpp"

namespace divergence {
namespace {

// One side, sorted by value, with the cumulative weights (or counts) up to each position. An
// unweighted side that is sorted already (the dataset engine's) is used in place, its cumulative
// counts i + 1 computed on the fly.
struct SortedSample {
  Span values;                     // ascending
  std::vector<double> owned;       // the values, when they had to be sorted here
  std::vector<double> cumulative;  // weighted: cumulative[i] = weight of values[0..i]
  bool weighted = false;
  double total = 0.0;

  double cumulative_at(std::size_t i) const { return weighted ? cumulative[i] : static_cast<double>(i + 1); }
};

void check_values(Span values, const char* name) {
  if (values.empty()) throw range_error(name, "must not be empty");
  for (std::size_t i = 0; i < values.size; ++i) {
    const double x = values[i];
    if (std::isnan(x)) throw range_error(name, "entry " + std::to_string(i) + " is NaN");
    if (std::isinf(x)) throw range_error(name, "entry " + std::to_string(i) + " is infinite");
  }
}

void check_weights(Span weights, Span values, const char* name, const char* values_name) {
  if (weights.size != values.size) {
    throw range_error(name, "length " + std::to_string(weights.size) + " differs from " + values_name +
                                " (length " + std::to_string(values.size) + ")");
  }
  NeumaierSum total;
  for (std::size_t i = 0; i < weights.size; ++i) {
    const double w = weights[i];
    if (std::isnan(w)) throw range_error(name, "entry " + std::to_string(i) + " is NaN");
    if (std::isinf(w)) throw range_error(name, "entry " + std::to_string(i) + " is infinite");
    if (w < 0.0) throw range_error(name, "entry " + std::to_string(i) + " is negative (" + format_number(w) + ")");
    total.add(w);
  }
  const double s = total.value();
  if (!(s > 0.0 && std::isfinite(s))) {
    throw range_error(name, "must sum to a positive, finite number (sum is " + format_number(s) + ")");
  }
}

void sort_sample(Span values, Span weights, SortedSample& out) {
  const std::size_t n = values.size;
  if (weights.empty()) {
    // The dataset engine passes values it has sorted already: checking is O(n), sorting O(n log n).
    if (std::is_sorted(values.begin(), values.end())) {
      out.values = values;
    } else {
      out.owned.assign(values.begin(), values.end());
      std::sort(out.owned.begin(), out.owned.end());
      out.values = Span(out.owned);
    }
    out.total = static_cast<double>(n);  // exact counts
    return;
  }
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  out.weighted = true;
  out.owned.resize(n);
  out.cumulative.resize(n);
  NeumaierSum running;
  for (std::size_t i = 0; i < n; ++i) {
    out.owned[i] = values[order[i]];
    running.add(weights[order[i]]);
    out.cumulative[i] = running.value();
  }
  out.values = Span(out.owned);
  out.total = out.cumulative.back();
}

}  // namespace

namespace detail {

double cdf_distance_integral(int p, Span u_values, Span v_values, Span u_weights, Span v_weights) {
  check_values(u_values, "uValues");
  check_values(v_values, "vValues");
  // An empty weight Span means "unweighted".
  if (!u_weights.empty()) check_weights(u_weights, u_values, "uWeights", "uValues");
  if (!v_weights.empty()) check_weights(v_weights, v_values, "vWeights", "vValues");
  SortedSample u, v;
  sort_sample(u_values, u_weights, u);
  sort_sample(v_values, v_weights, v);

  // Walk the pooled sorted values. cu/cv: CDF numerators at the current point t.
  std::size_t iu = 0, iv = 0;
  double cu = 0.0, cv = 0.0;
  NeumaierSum acc;
  double t = std::min(u.values[0], v.values[0]);
  const std::size_t nu = u.values.size, nv = v.values.size;
  while (iu < nu || iv < nv) {
    // Consume every value equal to t on both sides: U(t), V(t) are right-continuous.
    while (iu < nu && u.values[iu] == t) cu = u.cumulative_at(iu++);
    while (iv < nv && v.values[iv] == t) cv = v.cumulative_at(iv++);
    if (iu == nu && iv == nv) break;
    const double next = (iu == nu) ? v.values[iv] : (iv == nv) ? u.values[iu] : std::min(u.values[iu], v.values[iv]);
    const double diff = std::fabs(cu / u.total - cv / v.total);
    // Skip equal CDFs: a gap wider than DBL_MAX (next - t = inf) would otherwise give 0 * inf.
    if (diff != 0.0) {
      const double delta = next - t;
      acc.add(p == 1 ? diff * delta : diff * diff * delta);
    }
    t = next;
  }
  return acc.value();
}

}  // namespace detail

double wasserstein1(Span u_values, Span v_values, Span u_weights, Span v_weights) {
  return detail::cdf_distance_integral(1, u_values, v_values, u_weights, v_weights);
}

}  // namespace divergence
