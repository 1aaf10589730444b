// Turning samples into counts: equal-width histograms (numeric) and category tables.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "divergence/span.hpp"

namespace divergence {

// bins + 1 edges as numpy.linspace(lo, hi, bins + 1): e_i = lo + i*((hi - lo)/bins) for i < bins
// and e_bins = hi exactly. lo and hi must be finite with lo <= hi; when hi - lo overflows,
// e_i = (bins - i)*(lo/bins) + i*(hi/bins) instead (numpy would give inf/nan edges).
// Errors (ArgumentError): "bins: must be >= 1 (got 0)", "lo: must be finite (got inf)",
// "hi: must be finite and >= lo (got ...)".
std::vector<double> equal_width_edges(double lo, double hi, std::size_t bins);

// Counts per bin with numpy.histogram semantics for the given increasing edges (at least 2):
// x is in bin k iff e_k <= x < e_{k+1}; the last bin is closed [e_{n-1}, e_n]. Values outside
// [e_0, e_n] and NaN are not counted (numpy drops them too). The bin is first guessed from
// (x - e_0) * (n / (e_n - e_0)), then moved until the comparison with the stored edges holds, as
// numpy does for equal-width bins: edges that are not equal-width are still counted correctly,
// only more slowly. Errors: "edges: need at least 2 (got 1)".
std::vector<std::size_t> histogram_counts(Span values, const std::vector<double>& edges);

// Equal-width binning of two samples on shared edges over their pooled min..max.
struct NumericBins {
  std::vector<double> edges;            // bins + 1 numbers; 2 numbers {lo, hi} when degenerate
  std::vector<std::size_t> ref_counts;  // one per bin
  std::vector<std::size_t> cur_counts;
  bool degenerate = false;              // lo == hi: a single bin holds every value
};

// Bins both samples (finite values, at least one value in total) on
// equal_width_edges(min, max, bins) of the pooled values. When min == max the result is one bin
// [lo, lo] holding everything, marked degenerate. Errors: "bins: must be >= 1 (got 0)",
// "values: both samples are empty", "reference: entry 1 is NaN", "current: entry 0 is infinite".
NumericBins equal_width_bins(Span reference, Span current, std::size_t bins);

// Category table of two samples of labels.
struct CategoryCounts {
  std::vector<std::string> categories;  // union of the labels, sorted by bytes (Python str order)
  std::vector<std::size_t> ref_counts;  // one per category
  std::vector<std::size_t> cur_counts;
  std::vector<std::string> only_in_ref;  // categories with cur_count == 0, sorted
  std::vector<std::string> only_in_cur;  // categories with ref_count == 0, sorted
};

// Counts the labels of both samples. Never throws except std::bad_alloc.
CategoryCounts count_categories(const std::vector<std::string_view>& reference,
                                const std::vector<std::string_view>& current);

}  // namespace divergence
