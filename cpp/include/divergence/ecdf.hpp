// Compact empirical CDFs of the two sides of a numeric column, and the exact location of the
// two-sample KS gap, for the report's "ecdf" block (report.hpp) and the page's ECDF plot.
//
// A side's curve is its right-continuous ECDF F(t) = (number of values <= t) / n evaluated at up to
// max_points + 2 of its own values: the smallest, the values at ranks ceil(k n / max_points) for
// k = 1..max_points, and the KS gap's location. Every point is exact (F at that value, not at a
// bin edge); x is strictly ascending and F non-decreasing, ending at (max, 1). With at most
// max_points distinct values the curve holds all of them, so it is the whole step function.
//
// The gap is where max_t |F_ref(t) - F_cur(t)| is attained (ks_test.hpp: statistic_location, the
// first maximiser in SciPy's order), with both ECDF values there, so |ref - cur| is the KS statistic.
// For a sketched side (sketch_quantiles.hpp) the values and F are those of the sketch's weighted
// sample; each F is then within the side's rank error fraction eps of the true ECDF, and the gap
// within eps_ref + eps_cur of the true statistic (the report's approximate.bounds.ks_statistic).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "divergence/sketch_quantiles.hpp"
#include "divergence/span.hpp"

namespace divergence {

struct EcdfCurve {
  std::vector<double> x;    // ascending, distinct values of the side
  std::vector<double> cdf;  // F(x[i]), in (0, 1], non-decreasing, last 1
};

struct KsGap {
  double x = 0.0;    // where the largest difference is attained (a data value)
  double ref = 0.0;  // F_ref(x)
  double cur = 0.0;  // F_cur(x)
  double size = 0.0; // |ref - cur| as the KS statistic is computed
};

// Default number of quantile points per side in the report.
constexpr std::size_t kEcdfPoints = 200;

// The curve of a weighted sample (values ascending, weights >= 1; exact sides have weights 1),
// with `also` added as a point when it is one of the sample's values or lies inside its range
// (F(also) then counts the values <= also). Errors (ArgumentError): "ecdf: the sample is empty",
// "max_points: must be at least 1".
EcdfCurve ecdf_curve(const WeightedSample& s, std::size_t max_points, double also);

// F(t) of a weighted sample: weight of the values <= t over the total (0 for an empty sample).
double ecdf_at(const WeightedSample& s, double t);

// The same two for an unweighted sample given as its values in ascending order, NaN-free (what an
// exact side of the dataset engine holds; not checked), equal values allowed. The curve equals
// ecdf_curve of the sample with equal values merged into one weighted value, point for point, and
// is found by binary search: O(max_points log n), not a pass over the values. Same errors.
EcdfCurve ecdf_curve_sorted(Span sorted, std::size_t max_points, double also);
double ecdf_at_sorted(Span sorted, double t);

// The KS gap of two weighted samples: the first t (ascending) where |F_a(t) - F_b(t)| is largest,
// over all values of both. size equals weighted_ks_statistic(a, b) (sketch_quantiles.hpp) exactly.
KsGap weighted_ks_gap(const WeightedSample& a, const WeightedSample& b);

}  // namespace divergence
