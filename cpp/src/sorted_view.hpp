// Internal helpers (not installed, not part of the public API) for functions on samples that the
// dataset engine passes already sorted: a sorted view that copies only when it must, and histogram
// counts of a sorted sample found by binary search instead of a pass over every value.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

#include "divergence/span.hpp"

namespace divergence {
namespace detail {

// True when no value is NaN and the values are ascending (-0 and +0 count as equal).
inline bool sorted_without_nan(Span values) {
  for (std::size_t i = 0; i < values.size; ++i) {
    if (std::isnan(values[i])) return false;
  }
  return std::is_sorted(values.begin(), values.end());
}

// The values in ascending order: a view of the input when it is sorted already (checking is O(n),
// sorting O(n log n), and the copy alone cost more than the computations that follow), else a
// sorted copy. NaN-free input expected (callers check first).
class SortedValues {
 public:
  explicit SortedValues(Span values) : input_(values) {
    if (!std::is_sorted(values.begin(), values.end())) {
      owned_.assign(values.begin(), values.end());
      std::sort(owned_.begin(), owned_.end());
      copied_ = true;
    }
  }
  Span span() const { return copied_ ? Span(owned_) : input_; }

 private:
  Span input_;
  std::vector<double> owned_;
  bool copied_ = false;
};

// counts[k] += the number of sorted values v (ascending, no NaN) with lo <= v <= hi and
// bin(v) = k, where bin(v) = #{j in 1..m-1 : cuts[j] <= v} for non-decreasing cuts[0..m-1]
// (cuts[0] is not used; counts has m entries): the bin a value falls in when every bin is
// [cuts[k], cuts[k+1]), the last one closed at hi. O(m log n).
inline void add_sorted_counts(Span sorted, const double* cuts, std::size_t m, double lo, double hi,
                              std::vector<std::size_t>& counts) {
  const double* first = std::lower_bound(sorted.begin(), sorted.end(), lo);
  const double* last = std::upper_bound(first, sorted.end(), hi);
  const double* from = first;
  for (std::size_t k = 0; k < m; ++k) {
    const double* to = k + 1 < m ? std::lower_bound(from, last, cuts[k + 1]) : last;
    counts[k] += static_cast<std::size_t>(to - from);
    from = to;
  }
}

}  // namespace detail
}  // namespace divergence
