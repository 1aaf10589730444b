// Internal (not installed, not part of the public API): sorting a column's stored values. The
// accumulator sorts every numeric column's values once, after the last chunk (finish), and the
// report reads them sorted: quantiles, binning, the KS / Wasserstein-1 merge walk, ECDF curves.
//
// The order is a total order on bit patterns: ascending, -0 before +0 (so the result does not
// depend on the input order). Two LSD radix sorts, 11 bits per pass, one pass computing the keys and
// every digit's histogram, then one scatter pass per digit, skipping digits that are the same in
// every key; std::sort for fewer than 2048 values:
//   - sort_values: any finite doubles, on the order-preserving integer image of their 64 bits
//     (six passes for values whose low mantissa bits differ, e.g. decimals like 33682.0079);
//   - sort_plain_decimals: values that are all plain decimals with the same d (columns.hpp: the
//     accumulator knows this of a column whose labels are deferred), on 2 (m - m_min) + [x not
//     negative] with m = +-M the decimal's integer: as many passes as that range needs (a column of
//     9-digit decimals: three), and each value rebuilt at the end as +-M / 10^d, the division
//     parse_plain_decimal made, so the result is bit for bit what sort_values gives.
#pragma once

#include <cstdint>
#include <vector>

namespace divergence {
namespace detail {

// The order-preserving unsigned image of a double's bits (-0 < +0).
std::uint64_t order_key(double x);
inline bool value_less(double a, double b) { return order_key(a) < order_key(b); }

// Sorts finite doubles in place. scratch: n keys of temporary memory, reused from call to call
// (the values' own memory is the other buffer).
void sort_values(std::vector<double>& v, std::vector<std::uint64_t>& scratch);

// Sorts values that are all plain decimals with `decimals` decimals (0..15), lying in [lo, hi]
// (the column's min and max), in the order of sort_values. Falls back to sort_values when the
// values' integers do not fit that range (never for a consistent column). The values must be
// exactly what parse_plain_decimal gave (they are rebuilt from their integers): the accumulator
// calls it only on values it parsed itself (a restored state's values arrive sorted and are
// never sorted again; a merge of finished accumulators merges sorted runs).
void sort_plain_decimals(std::vector<double>& v, int decimals, double lo, double hi, std::vector<std::uint64_t>& scratch);

}  // namespace detail
}  // namespace divergence
