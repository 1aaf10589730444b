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

EcdfCurve ecdf_curve(const WeightedSample& s, std::size_t max_points, double also) {
  if (s.values.empty() || s.total == 0) throw range_error("ecdf", "the sample is empty");
  if (max_points == 0) throw range_error("max_points", "must be at least 1");
  const double n = static_cast<double>(s.total);
  EcdfCurve c;
  const auto push = [&](double x, std::uint64_t cumulative) {
    if (!c.x.empty() && c.x.back() >= x) return;
    c.x.push_back(x);
    c.cdf.push_back(static_cast<double>(cumulative) / n);
  };
  bool also_done = !(also >= s.values.front() && also <= s.values.back());
  std::uint64_t cumulative = 0;
  // The k-th target rank is ceil(k * total / max_points), in exact integers: with
  // total = q * max_points + r, it is k * q + ceil(k * r / max_points) (k * r in 128 bits).
  // It is worked out once per target, not once per value.
  __extension__ using u128 = unsigned __int128;
  const std::uint64_t m = static_cast<std::uint64_t>(max_points);
  const std::uint64_t q = s.total / m, r = s.total % m;
  const auto target = [&](std::size_t k) {
    const std::uint64_t kk = static_cast<std::uint64_t>(k);
    return kk * q + static_cast<std::uint64_t>((static_cast<u128>(kk) * r + (m - 1)) / m);
  };
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
