// Compact ECDF curves and the KS gap (ecdf.hpp).
#include "divergence/ecdf.hpp"

#include <algorithm>
#include <cmath>

#include "divergence/errors.hpp"

namespace divergence {

double ecdf_at(const WeightedSample& s, double t) {
  if (s.total == 0) return 0.0;
  const auto end = std::upper_bound(s.values.begin(), s.values.end(), t);
  std::uint64_t below = 0;
  for (auto it = s.values.begin(); it != end; ++it) below += s.weights[static_cast<std::size_t>(it - s.values.begin())];
  return static_cast<double>(below) / static_cast<double>(s.total);
}

namespace {

void push_point(EcdfCurve& c, double x, double cdf) {
  c.x.push_back(x);
  c.cdf.push_back(cdf);
}

// The curve's k-th target rank ceil(k * total / m), in exact integers: with total = q m + r it is
// k q + ceil(k r / m) (k r in 128 bits). Worked out once per target, never per value: in
// WebAssembly the long double this once used is software arithmetic.
class TargetRanks {
 public:
  TargetRanks(std::uint64_t total, std::uint64_t m) : m_(m), q_(total / m), r_(total % m) {}
  std::uint64_t operator()(std::uint64_t k) const {
    __extension__ using u128 = unsigned __int128;
    return k * q_ + static_cast<std::uint64_t>((static_cast<u128>(k) * r_ + (m_ - 1)) / m_);
  }

 private:
  std::uint64_t m_, q_, r_;
};

}  // namespace

EcdfCurve ecdf_curve(const WeightedSample& s, std::size_t max_points, double also) {
  if (s.values.empty() || s.total == 0) throw range_error("ecdf", "the sample is empty");
  if (max_points == 0) throw range_error("max_points", "must be at least 1");
  const double n = static_cast<double>(s.total);
  EcdfCurve c;
  const auto push = [&](double x, std::uint64_t cumulative) {
    if (c.x.empty() || c.x.back() < x) push_point(c, x, static_cast<double>(cumulative) / n);
  };
  bool also_done = !(also >= s.values.front() && also <= s.values.back());
  std::uint64_t cumulative = 0;
  const TargetRanks target(s.total, static_cast<std::uint64_t>(max_points));
  std::size_t k = 0;
  std::uint64_t next = target(0);
  for (std::size_t i = 0; i < s.values.size(); ++i) {
    const std::uint64_t before = cumulative;
    cumulative += s.weights[i];
    const double x = s.values[i];
    if (!also_done && also < x) {  // `also` between two values: F there is F of the previous one
      push(also, before);
      also_done = true;
    }
    bool take = i == 0 || i + 1 == s.values.size() || x == also;
    while (k <= max_points && next <= cumulative) {
      take = true;
      ++k;
      if (k <= max_points) next = target(k);
    }
    if (x == also) also_done = true;
    if (take) push(x, cumulative);
  }
  return c;
}

namespace {

// The number of sorted values <= t.
std::uint64_t count_at_most(Span sorted, double t) {
  return static_cast<std::uint64_t>(std::upper_bound(sorted.begin(), sorted.end(), t) - sorted.begin());
}

}  // namespace

double ecdf_at_sorted(Span sorted, double t) {
  if (sorted.empty()) return 0.0;
  return static_cast<double>(count_at_most(sorted, t)) / static_cast<double>(sorted.size);
}

EcdfCurve ecdf_curve_sorted(Span sorted, std::size_t max_points, double also) {
  if (sorted.empty()) throw range_error("ecdf", "the sample is empty");
  if (max_points == 0) throw range_error("max_points", "must be at least 1");
  const std::uint64_t total = sorted.size;
  const double n = static_cast<double>(total);
  EcdfCurve c;
  bool also_pending = also >= sorted[0] && also <= sorted[sorted.size - 1];
  // The points of ecdf_curve, in ascending order: the smallest value; for k = 1..max_points the
  // value holding rank ceil(k n / max_points) (sorted[rank - 1]); `also`, placed before the first
  // point above it. F at a point counts the values <= it; repeated points are dropped.
  const auto push = [&](double x) {
    if (also_pending && also <= x) {
      also_pending = false;
      if (also < x) {
        // `also` itself, or the sample's value equal to it (its own bits: -0 and +0 are equal).
        const double* at = std::lower_bound(sorted.begin(), sorted.end(), also);
        push_point(c, *at == also ? *at : also, static_cast<double>(count_at_most(sorted, also)) / n);
      }
    }
    if (c.x.empty() || c.x.back() < x) push_point(c, x, static_cast<double>(count_at_most(sorted, x)) / n);
  };
  push(sorted[0]);
  // With max_points >= n every rank is a point either way: n bounds the loop.
  const std::uint64_t m = std::min<std::uint64_t>(max_points, total);
  const TargetRanks target(total, m);
  for (std::uint64_t k = 1; k <= m; ++k) {
    const std::uint64_t rank = target(k);
    // The first of its run of equal values, as a merged sample holds it (-0 and +0 are equal).
    push(*std::lower_bound(sorted.begin(), sorted.end(), sorted[static_cast<std::size_t>(rank - 1)]));
  }
  return c;
}

KsGap weighted_ks_gap(const WeightedSample& a, const WeightedSample& b) {
  const double na = static_cast<double>(a.total);
  const double nb = static_cast<double>(b.total);
  std::size_t i = 0, j = 0;
  std::uint64_t ca = 0, cb = 0;
  KsGap gap;
  bool first = true;
  while (i < a.values.size() || j < b.values.size()) {
    double t;
    if (j >= b.values.size() || (i < a.values.size() && a.values[i] <= b.values[j])) {
      t = a.values[i];
    } else {
      t = b.values[j];
    }
    while (i < a.values.size() && a.values[i] == t) ca += a.weights[i++];
    while (j < b.values.size() && b.values[j] == t) cb += b.weights[j++];
    const double fa = static_cast<double>(ca) / na, fb = static_cast<double>(cb) / nb;
    const double d = std::fabs(fa - fb);
    if (first || d > gap.size) gap = {t, fa, fb, d};
    first = false;
  }
  return gap;
}

}  // namespace divergence
