// A mergeable quantile sketch with a deterministic rank-error bound, and the approximate
// two-sample quantities computed from it (quantiles, histogram counts, KS statistic, Wasserstein-1).
//
// The sketch is a stack of "compactors" (Munro & Paterson 1980; Manku, Rajagopalan & Lindsay 1998;
// the compactor view of Karnin, Lang & Liberty 2016, "Optimal quantile approximation in streams",
// FOCS), deterministic here: level h holds up to k values, each standing for 2^h input values.
// When a level is full it is sorted and every other value (offset 0 and 1 alternately, per level)
// moves up one level with twice the weight; the other half is dropped. For any threshold t, one
// compaction of level h changes the estimated number of values <= t (or < t) by at most 2^h, so the
// sketch adds up these 2^h: rank_error() = E is a GUARANTEED bound (not a probabilistic one):
//     |estimated #{x <= t} - true #{x <= t}| <= E  for every t (and the same for < t).
// E <= (n / k) * ceil(log2(n / k)) roughly; e.g. k = 4096: E/n ~ 0.2% at n = 1e6, ~0.36% at n = 1e8
// (typical errors are far smaller: the alternating offsets cancel). Memory: about
// 8 * k * (1 + log2(n / k)) bytes (k = 4096, n = 1e8: ~0.5 MB).
//
// merge() concatenates the levels and compacts what overflows; the bound of a merged sketch is the
// sum of both bounds plus the new compactions, so it stays guaranteed. The sketch is deterministic
// (same input order and merges, same state), but a merged sketch is generally not identical to one
// fed the concatenation: only the bound is.
//
// Consequences for the measures (eps = E / n of a side, values within [min, max] of both sides):
//   ECDF at any t: within eps.     Histogram bin count: within 2E (difference of two ranks).
//   Quantile at q: a value whose true rank is within E of the requested rank (n - 1) q.
//   KS statistic: within eps_ref + eps_cur.   Wasserstein-1: within (max - min)(eps_ref + eps_cur).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace divergence {

class AccumulatorState;

// A sorted sample with integer weights: an exact sample (every weight 1, rank_error 0) or the
// content of a QuantileSketch.
struct WeightedSample {
  std::vector<double> values;           // ascending
  std::vector<std::uint64_t> weights;   // one per value, >= 1
  std::uint64_t total = 0;              // sum of weights = number of values summarised
  std::uint64_t rank_error = 0;         // guaranteed bound E on any rank estimate (see above)

  double error_fraction() const { return total == 0 ? 0.0 : static_cast<double>(rank_error) / static_cast<double>(total); }
};

class QuantileSketch {
 public:
  static constexpr std::size_t kDefaultK = 4096;

  // k: values per level, even and >= 8 (ArgumentError "sketch_k: must be an even number >= 8 (got 5)").
  explicit QuantileSketch(std::size_t k = kDefaultK);

  void add(double x);
  // Adds the other sketch's content (ArgumentError "sketch: merging sketches of different k" when
  // the k differ).
  void merge(const QuantileSketch& other);

  std::uint64_t count() const { return n_; }
  std::uint64_t rank_error() const { return error_; }
  std::size_t k() const { return k_; }
  // Number of values held, and their memory in bytes.
  std::size_t retained() const;
  std::size_t memory_bytes() const;

  // The held values, sorted, with their weights (total = count(), rank_error = rank_error()).
  WeightedSample sample() const;

 private:
  void compact(std::size_t level);

  std::size_t k_;
  std::vector<std::vector<double>> levels_;  // level h: values of weight 2^h
  std::vector<unsigned char> offset_;        // per level: which half the next compaction keeps
  std::uint64_t n_ = 0;
  std::uint64_t error_ = 0;

  friend class AccumulatorState;  // serialization (accumulator_state.hpp)
};

// Number of values <= t (inclusive = true) or < t, from the weighted sample (exact for weights 1).
std::uint64_t weighted_rank(const WeightedSample& s, double t, bool inclusive);

// numpy.quantile(x, k / K, method='linear') estimated from the sample: the order statistics at
// 0-based ranks floor(h) and floor(h) + 1, h = (n - 1) k / K, taken from the cumulative weights,
// then interpolated. Exact for an exact sample. Errors: "sample: must not be empty".
double weighted_quantile(const WeightedSample& s, std::size_t k, std::size_t K);

// Counts per bin with numpy.histogram semantics on increasing edges (last bin closed), each value
// counted with its weight; values outside [edges.front(), edges.back()] are not counted.
std::vector<std::uint64_t> weighted_histogram(const WeightedSample& s, const std::vector<double>& edges);

// sup_t |F_a(t) - F_b(t)| of the weighted ECDFs (the two-sample KS statistic).
double weighted_ks_statistic(const WeightedSample& a, const WeightedSample& b);

// Wasserstein-1 between the weighted samples (wasserstein1 of wasserstein.hpp with weights).
double weighted_wasserstein1(const WeightedSample& a, const WeightedSample& b);

}  // namespace divergence
