// Differential entropy estimated from a sample.
#pragma once

#include <cstddef>

#include "divergence/span.hpp"

namespace divergence {

// Vasicek's spacing estimator of the differential entropy (nats) of the density behind a sample:
//   H = (1/n) sum_i ln( n / (2m) * (x_(i+m) - x_(i-m)) ),
// over the sorted sample x_(1..n), with x_(j) = x_(1) for j < 1 and x_(n) for j > n.
// Matches scipy.stats.differential_entropy(values, window_length=m, method='vasicek').
// Source: O. Vasicek, "A test for normality based on sample entropy", J. R. Stat. Soc. B 38 (1976).
// window_length = 0 means SciPy's default floor(sqrt(n) + 0.5). Returns -inf when 2m + 1
// consecutive sorted values are equal (a point mass has no density), as SciPy.
// Errors: "values: must not be empty", "values: entry 3 is NaN" / "... is infinite",
// "windowLength: must be >= 1 and less than half the sample size (100); got 50" (SciPy's rule
// 2 <= 2m < n).
double differential_entropy(Span values, std::size_t window_length = 0);

}  // namespace divergence
