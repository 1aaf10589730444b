// Choosing bin edges for histogram-based measures, and binning two samples on shared edges.
//
// Edge rules follow numpy.histogram_bin_edges (NumPy 1.24): the number of equal-width bins is
// ceil(range / width) for the rule's width, edges are numpy.linspace over the pooled min..max,
// values are counted with numpy.histogram semantics (histogram_counts in binning.hpp). The rule
// is applied to the pooled values of both samples, so both sides share the edges.
//   Sturges:          width = range / (log2 n + 1)
//   Doane:            width = range / (1 + log2 n + log2(1 + |g1| / s_g1)), g1 the skewness (ddof 0),
//                     s_g1 = sqrt(6 (n - 2) / ((n + 1)(n + 3)))
//   FreedmanDiaconis: width = 2 IQR n^(-1/3)  (IQR from numpy's linear percentiles)
//   Auto:             min(FD width, Sturges width), Sturges when the IQR is 0
// Reference quantiles (the credit-risk PSI convention): quantiles at k/K of the reference sample by
// numpy's 'linear' method (h = (n-1) k / K with floor taken in exact integer arithmetic), interior
// edges = the unique quantiles k = 1..K-1 (ties collapse bins), outer bins open:
// (-inf, e_1), [e_1, e_2), ..., [e_last, +inf) (numpy.searchsorted side='right').
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "divergence/span.hpp"

namespace divergence {

enum class BinRule { Sturges, Doane, FreedmanDiaconis, Auto };

// "sturges", "doane", "fd", "auto"; throws range_error(argument, "unknown rule ...").
BinRule bin_rule_from_name(std::string_view name, const char* argument = "binning");
const char* bin_rule_name(BinRule rule);

// Two samples counted on shared bins. edges has bins + 1 entries; for open-ended bins (reference
// quantiles) the outer edges are -inf and +inf. Values outside [edges.front(), edges.back()]
// are not in any bin and are counted in *_outside, so no value is lost silently.
struct BinnedPair {
  std::vector<double> edges;
  std::vector<std::size_t> ref_counts;
  std::vector<std::size_t> cur_counts;
  std::size_t ref_outside = 0;
  std::size_t cur_outside = 0;
};

// The number of equal-width bins numpy chooses for `values` under `rule` (>= 1).
// Errors: "values: must not be empty", "values: entry 3 is not finite", and "binning: the fd rule
// asks for 2.1e+271 bins (more than 100000): ..." where numpy would try to allocate them.
std::size_t rule_bin_count(BinRule rule, Span values);

// Both samples on edges chosen by the rule from their pooled values. A constant pooled sample
// gets numpy's single bin [x - 0.5, x + 0.5]. Errors as rule_bin_count ("reference"/"current").
BinnedPair bin_by_rule(Span reference, Span current, BinRule rule);

// Both samples on explicit edges (>= 2, finite, strictly increasing). Errors: "edges: need at
// least 2 (got 1)", "edges: not strictly increasing at index 2", "edges: entry 0 is not finite".
BinnedPair bin_with_edges(Span reference, Span current, const std::vector<double>& edges);

// numpy.quantile(sorted, k / K, method='linear') on an ascending sample (n >= 1), with the
// position h = (n - 1) k / K split into integer and fractional parts exactly.
double quantile_linear(Span sorted, std::size_t k, std::size_t K);

// Reference-quantile bins (see above). K >= 1. The result's edges are -inf, the unique interior
// quantiles, +inf. Errors: "reference: must not be empty", "bins: must be >= 1 (got 0)".
BinnedPair bin_by_reference_quantiles(Span reference, Span current, std::size_t K = 10);

}  // namespace divergence
