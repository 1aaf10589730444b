// Internal (not installed, not part of the public API): one merge walk over two sorted samples
// that yields what the two-sample KS test needs (the extremes of F_x - F_y and where they occur,
// in scipy.stats.ks_2samp's conventions) and, optionally in the same walk, the Wasserstein-1
// integral (as scipy.stats._stats_py._cdf_distance with p = 1). The dataset report walks each
// pair of exact numeric sides once for both (report.cpp); ks_2samp walks without the integral.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>

#include "divergence/ks_test.hpp"
#include "divergence/span.hpp"

namespace divergence {
namespace detail {

// Where the extremes of F1 - F2 occur, in SciPy's terms: differences are evaluated at every value
// of concatenate(sort(x), sort(y)) and argmax/argmin take the first occurrence.
struct KsExtremes {
  double max_diff = -INFINITY, min_diff = INFINITY;
  double max_loc_x = NAN, max_loc_y = NAN;  // smallest value of x (of y) attaining max_diff
  double min_loc_x = NAN, min_loc_y = NAN;
  bool max_in_x = false, max_in_y = false, min_in_x = false, min_in_y = false;
};

struct SortedPairWalk {
  KsExtremes ks;
  double w1 = 0.0;  // integral of |F_x - F_y| (0 when not asked for)
};

// x, y: ascending, finite, non-empty (not checked here: callers check or hold such values).
// ks: as ks_2samp finds it. w1 (with_integral): bit for bit what wasserstein1(x, y) returns for
// these unweighted samples (same steps, same compensated sum).
SortedPairWalk walk_sorted_pair(Span x, Span y, bool with_integral);

// The ks_2samp result (statistic, location, sign, p-value by `method`) from the extremes of a walk
// over samples of sizes n1 and n2 (samples_ks.cpp).
KsResult ks_2samp_from_extremes(const KsExtremes& e, std::int64_t n1, std::int64_t n2, KsMethod method,
                                KsAlternative alternative);

}  // namespace detail
}  // namespace divergence
