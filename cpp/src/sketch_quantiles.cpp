// Deterministic mergeable quantile sketch and weighted-sample queries.
#include "divergence/sketch_quantiles.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "divergence/ecdf.hpp"
#include "divergence/errors.hpp"
#include "divergence/wasserstein.hpp"
#include "value_sort.hpp"

namespace divergence {

QuantileSketch::QuantileSketch(std::size_t k) : k_(k) {
  if (k < 8 || k % 2 != 0) throw range_error("sketch_k", "must be an even number >= 8 (got " + std::to_string(k) + ")");
  levels_.emplace_back();
  offset_.push_back(0);
}

void QuantileSketch::add(double x) {
  levels_[0].push_back(x);
  ++n_;
  if (levels_[0].size() >= k_) compact(0);
}

void QuantileSketch::compact(std::size_t level) {
  // Sorting the full levels is most of a sketch's cost: the radix sort of the stored values
  // (value_sort.hpp; ascending, -0 before +0), its key memory kept per thread.
  thread_local std::vector<std::uint64_t> scratch;
  for (std::size_t h = level; h < levels_.size(); ++h) {
    std::vector<double>& buf = levels_[h];
    if (buf.size() < k_) return;
    detail::sort_values(buf, scratch);
    double held = 0.0;
    const bool odd = buf.size() % 2 != 0;
    if (odd) {  // the largest value stays at this level, with its weight
      held = buf.back();
      buf.pop_back();
    }
    if (h + 1 == levels_.size()) {
      levels_.emplace_back();
      offset_.push_back(0);
    }
    std::vector<double>& up = levels_[h + 1];  // (levels_ may have grown: take the reference now)
    std::vector<double>& cur = levels_[h];
    const std::size_t start = offset_[h];
    for (std::size_t i = start; i < cur.size(); i += 2) up.push_back(cur[i]);
    offset_[h] ^= 1;
    error_ += std::uint64_t{1} << h;
    cur.clear();
    if (odd) cur.push_back(held);
  }
}

void QuantileSketch::merge(const QuantileSketch& other) {
  if (other.k_ != k_) throw range_error("sketch", "merging sketches of different k");
  if (levels_.size() < other.levels_.size()) {
    levels_.resize(other.levels_.size());
    offset_.resize(other.levels_.size(), 0);
  }
  for (std::size_t h = 0; h < other.levels_.size(); ++h) {
    levels_[h].insert(levels_[h].end(), other.levels_[h].begin(), other.levels_[h].end());
  }
  n_ += other.n_;
  error_ += other.error_;
  compact(0);
  // compact() stops at the first level that is not full; later levels may still overflow.
  for (std::size_t h = 1; h < levels_.size(); ++h) {
    if (levels_[h].size() >= k_) compact(h);
  }
}

std::size_t QuantileSketch::retained() const {
  std::size_t r = 0;
  for (const auto& l : levels_) r += l.size();
  return r;
}

std::size_t QuantileSketch::memory_bytes() const {
  std::size_t r = 0;
  for (const auto& l : levels_) r += l.capacity() * sizeof(double);
  return r + sizeof(*this);
}

WeightedSample QuantileSketch::sample() const {
  std::vector<std::pair<double, std::uint64_t>> items;
  items.reserve(retained());
  for (std::size_t h = 0; h < levels_.size(); ++h) {
    for (double v : levels_[h]) items.emplace_back(v, std::uint64_t{1} << h);
  }
  std::sort(items.begin(), items.end());
  WeightedSample s;
  s.values.reserve(items.size());
  s.weights.reserve(items.size());
  for (const auto& it : items) {
    if (!s.values.empty() && s.values.back() == it.first) {
      s.weights.back() += it.second;
    } else {
      s.values.push_back(it.first);
      s.weights.push_back(it.second);
    }
  }
  s.total = n_;
  s.rank_error = error_;
  return s;
}

std::uint64_t weighted_rank(const WeightedSample& s, double t, bool inclusive) {
  const auto end = inclusive ? std::upper_bound(s.values.begin(), s.values.end(), t)
                             : std::lower_bound(s.values.begin(), s.values.end(), t);
  std::uint64_t r = 0;
  for (auto i = s.values.begin(); i != end; ++i) r += s.weights[static_cast<std::size_t>(i - s.values.begin())];
  return r;
}

namespace {

// Value of the order statistic with 0-based rank r (0 <= r < total) of the weighted sample.
double order_statistic(const WeightedSample& s, std::uint64_t r) {
  std::uint64_t cum = 0;
  for (std::size_t i = 0; i < s.values.size(); ++i) {
    cum += s.weights[i];
    if (r < cum) return s.values[i];
  }
  return s.values.back();
}

}  // namespace

double weighted_quantile(const WeightedSample& s, std::size_t k, std::size_t K) {
  if (s.values.empty() || s.total == 0) throw range_error("sample", "must not be empty");
  // h = (n - 1) k / K split exactly into j + frac (as quantile_linear in bin_rules.hpp).
  const unsigned long long num = static_cast<unsigned long long>(s.total - 1) * k;
  const std::uint64_t j = num / K;
  const double frac = static_cast<double>(num % K) / static_cast<double>(K);
  const double lo = order_statistic(s, j);
  if (j + 1 >= s.total || frac == 0.0) return lo;
  const double hi = order_statistic(s, j + 1);
  const double diff = hi - lo;
  return frac >= 0.5 ? hi - diff * (1.0 - frac) : lo + diff * frac;
}

std::vector<std::uint64_t> weighted_histogram(const WeightedSample& s, const std::vector<double>& edges) {
  if (edges.size() < 2) throw range_error("edges", "need at least 2 (got " + std::to_string(edges.size()) + ")");
  const std::size_t bins = edges.size() - 1;
  std::vector<std::uint64_t> counts(bins, 0);
  std::size_t b = 0;
  for (std::size_t i = 0; i < s.values.size(); ++i) {
    const double x = s.values[i];
    if (x < edges.front() || x > edges.back()) continue;
    while (b + 1 < bins && x >= edges[b + 1]) ++b;  // values ascend: the bin only moves up
    counts[b] += s.weights[i];
  }
  return counts;
}

double weighted_ks_statistic(const WeightedSample& a, const WeightedSample& b) {
  return weighted_ks_gap(a, b).size;  // one merge walk (ecdf.cpp) gives the gap and its location
}

double weighted_wasserstein1(const WeightedSample& a, const WeightedSample& b) {
  const std::vector<double> wa(a.weights.begin(), a.weights.end());
  const std::vector<double> wb(b.weights.begin(), b.weights.end());
  return wasserstein1(a.values, b.values, wa, wb);
}

}  // namespace divergence
