// Distances between two one-dimensional empirical (optionally weighted) distributions, computed
// from their cumulative distribution functions.
//
// Shapes: u_values and v_values are 1-D samples (any lengths >= 1, need not be equal). The
// optional weights give each value a non-negative mass; an empty Span means "every value has
// weight 1". Weights are normalized internally (only ratios matter); a zero weight removes its
// value. Units: the unit of the values (Wasserstein-1), or its square root (energy distance).
//
// Errors (ArgumentError, Kind::Range), each naming the argument:
//   "uValues: must not be empty"                         (SciPy: "Distribution can't be empty.")
//   "uValues: entry 2 is NaN", "uValues: entry 2 is infinite"
//   "uWeights: length 1 differs from uValues (length 2)" (SciPy: "... must be of the same size.")
//   "uWeights: entry 1 is negative (-1)"                  (SciPy: "All weights must be non-negative.")
//   "uWeights: entry 0 is NaN", "uWeights: entry 0 is infinite"
//   "uWeights: must sum to a positive, finite number (sum is 0)"
//                                                          (SciPy: "Weights must sum to a positive
//                                                           and finite number.")
// and the same for v_values / v_weights. SciPy returns NaN (inf - inf) or inf for infinite values;
// we raise instead, so that a NaN never appears silently.
#pragma once

#include "divergence/span.hpp"

namespace divergence {

// First Wasserstein (earth mover's) distance W1(U, V) = integral over R of |U(t) - V(t)| dt, where
// U and V are the (weighted) empirical CDFs; equals the minimal cost of moving the mass of one
// sample onto the other with cost |x - y| per unit mass. Range [0, +inf); symmetric; 0 iff the two
// weighted samples define the same distribution; translating one sample by c changes nothing
// else and gives |c| for identical shapes.
// Matches scipy.stats.wasserstein_distance(u_values, v_values, u_weights, v_weights).
// Cost O((n + m) log(n + m)); the sum is Neumaier-compensated.
double wasserstein1(Span u_values, Span v_values, Span u_weights = {}, Span v_weights = {});

// Energy distance D(U, V) = sqrt(2 E|X - Y| - E|X - X'| - E|Y - Y'|) = sqrt(2 * integral (U - V)^2),
// the metric (not its square; Székely & Rizzo). Range [0, +inf).
// Matches scipy.stats.energy_distance(u_values, v_values, u_weights, v_weights).
double energy_distance(Span u_values, Span v_values, Span u_weights = {}, Span v_weights = {});

namespace detail {
// integral |U - V|^p over R for p = 1 or 2 (the shared engine of the two functions above; validates
// like them). Not part of the public API.
double cdf_distance_integral(int p, Span u_values, Span v_values, Span u_weights, Span v_weights);
}  // namespace detail

}  // namespace divergence
