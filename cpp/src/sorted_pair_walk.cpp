// One merge walk over two sorted samples for the KS extremes and the Wasserstein-1 integral
// (sorted_pair_walk.hpp).
#include "sorted_pair_walk.hpp"

#include <algorithm>

#include "divergence/summation.hpp"

namespace divergence {
namespace detail {

namespace {

// Adds the point t, where F_x(t) - F_y(t) = diff (in_x / in_y: t is a value of x / of y).
inline void note(KsExtremes& e, double t, double diff, bool in_x, bool in_y) {
  if (diff > e.max_diff) {
    e.max_diff = diff;
    e.max_in_x = in_x;
    e.max_in_y = in_y;
    e.max_loc_x = in_x ? t : NAN;
    e.max_loc_y = in_y ? t : NAN;
  } else if (diff == e.max_diff) {
    if (in_x && !e.max_in_x) { e.max_in_x = true; e.max_loc_x = t; }
    if (in_y && !e.max_in_y) { e.max_in_y = true; e.max_loc_y = t; }
  }
  if (diff < e.min_diff) {
    e.min_diff = diff;
    e.min_in_x = in_x;
    e.min_in_y = in_y;
    e.min_loc_x = in_x ? t : NAN;
    e.min_loc_y = in_y ? t : NAN;
  } else if (diff == e.min_diff) {
    if (in_x && !e.min_in_x) { e.min_in_x = true; e.min_loc_x = t; }
    if (in_y && !e.min_in_y) { e.min_in_y = true; e.min_loc_y = t; }
  }
}

}  // namespace

SortedPairWalk walk_sorted_pair(Span x, Span y, bool with_integral) {
  SortedPairWalk out;
  const std::size_t n1 = x.size, n2 = y.size;
  const double d1 = static_cast<double>(n1), d2 = static_cast<double>(n2);
  NeumaierSum integral;
  std::size_t i = 0, j = 0;
  double t = std::min(x[0], y[0]);
  for (;;) {
    // Consume every value equal to t on both sides: the ECDFs are right-continuous.
    bool in_x = false, in_y = false;
    while (i < n1 && x[i] == t) {
      ++i;
      in_x = true;
    }
    while (j < n2 && y[j] == t) {
      ++j;
      in_y = true;
    }
    // Exactly numpy's searchsorted(side='right') / n, then the difference.
    const double diff = static_cast<double>(i) / d1 - static_cast<double>(j) / d2;
    note(out.ks, t, diff, in_x, in_y);
    if (i == n1 && j == n2) break;
    const double next = (i == n1) ? y[j] : (j == n2) ? x[i] : std::min(x[i], y[j]);
    if (with_integral) {
      // |U(t) - V(t)| (t_next - t); equal CDFs are skipped, as a gap wider than DBL_MAX
      // (next - t = inf) would otherwise give 0 * inf.
      const double gap = std::fabs(diff);
      if (gap != 0.0) integral.add(gap * (next - t));
    }
    t = next;
  }
  out.w1 = with_integral ? integral.value() : 0.0;
  return out;
}

}  // namespace detail
}  // namespace divergence
