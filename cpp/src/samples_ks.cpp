// Two-sample Kolmogorov-Smirnov test (scipy.stats.ks_2samp of SciPy 1.10); see ks_test.hpp for the
// rules and the references. The distributions used by the asymptotic p-value are in
// samples_ks_distribution.cpp.
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

#include <boost/math/special_functions/gamma.hpp>

#include "divergence/errors.hpp"
#include "divergence/ks_test.hpp"
#include "sorted_pair_walk.hpp"
#include "sorted_view.hpp"

namespace divergence {
namespace {

// The dataset engine passes values it has sorted already: they are used in place.
detail::SortedValues sorted_sample(Span values, const char* name) {
  if (values.empty()) throw range_error(name, "must not be empty");
  for (std::size_t i = 0; i < values.size; ++i) {
    if (std::isnan(values[i])) throw range_error(name, "entry " + std::to_string(i) + " is NaN");
    if (std::isinf(values[i])) throw range_error(name, "entry " + std::to_string(i) + " is infinite");
  }
  return detail::SortedValues(values);
}

// floor(a / b) and ceil(a / b) for b > 0 and any sign of a.
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && a < 0) ? q - 1 : q;
}
std::int64_t ceil_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && a > 0) ? q + 1 : q;
}

// ---- exact p-values ---------------------------------------------------------------------------
// Lattice paths from (0,0) to (m,n), m >= n, one step right (a value of the larger sample) or up
// (a value of the smaller). At (i,j) the ECDF difference times lcm(m,n) is ng*i - mg*j
// (mg = m/g, ng = n/g). q[j] holds the fraction of paths to (i, j) that have already touched the
// critical region; inside the allowed region q(i,j) = (i q(i-1,j) + j q(i,j-1)) / (i+j), since a
// fraction i/(i+j) of the C(i+j, i) paths to (i,j) arrive from the left. Outside, q = 1.

// Two-sided: allowed iff |ng*i - mg*j| < h. Returns P(D >= h/lcm).
double two_sided_band(std::int64_t m, std::int64_t n, std::int64_t g, std::int64_t h) {
  if (m < n) std::swap(m, n);
  const std::int64_t mg = m / g, ng = n / g;
  std::vector<double> q(static_cast<std::size_t>(n + 1), 1.0);
  std::int64_t hi = std::min(ceil_div(h, mg), n + 1);  // column 0: allowed rows [0, hi)
  for (std::int64_t j = 0; j < hi; ++j) q[static_cast<std::size_t>(j)] = 0.0;
  for (std::int64_t i = 1; i <= m; ++i) {
    const std::int64_t prev_hi = hi;
    const std::int64_t lo = std::min(std::max(floor_div(ng * i - h, mg) + 1, std::int64_t{0}), n);
    hi = std::min(ceil_div(ng * i + h, mg), n + 1);
    if (hi <= lo) return 1.0;
    const double di = static_cast<double>(i);
    double left = (lo == 0) ? 0.0 : 1.0;  // q(i, lo-1): below the band, outside
    for (std::int64_t j = lo; j < hi; ++j) {
      const double below = (j < prev_hi) ? q[static_cast<std::size_t>(j)] : 1.0;  // q(i-1, j)
      const double dj = static_cast<double>(j);
      left = (below * di + left * dj) / (di + dj);
      q[static_cast<std::size_t>(j)] = left;
    }
  }
  return q[static_cast<std::size_t>(n)];
}

// One-sided: allowed iff ng*i - mg*j < h. Returns P(D+ >= h/lcm) (= P(D- >= h/lcm) by symmetry).
double one_sided_band(std::int64_t m, std::int64_t n, std::int64_t g, std::int64_t h) {
  if (m < n) std::swap(m, n);
  const std::int64_t mg = m / g, ng = n / g;
  std::vector<double> q(static_cast<std::size_t>(n + 1), 0.0);  // column 0 is all allowed
  for (std::int64_t i = 1; i <= m; ++i) {
    const std::int64_t lo = std::max(floor_div(ng * i - h, mg) + 1, std::int64_t{0});
    if (lo > n) return 1.0;
    const double di = static_cast<double>(i);
    double left = (lo == 0) ? 0.0 : 1.0;
    for (std::int64_t j = lo; j <= n; ++j) {
      const double dj = static_cast<double>(j);
      left = (q[static_cast<std::size_t>(j)] * di + left * dj) / (di + dj);
      q[static_cast<std::size_t>(j)] = left;
    }
  }
  return q[static_cast<std::size_t>(n)];
}

// n1 == n2 == n, two-sided: 2 sum_{k>=1} (-1)^(k-1) C(2n, n-kh)/C(2n, n), nested as
// 2 r1 (1 - r2 (1 - r3 (...))) with r_k = C(2n, n-kh)/C(2n, n-(k-1)h), a product of h ratios.
double two_sided_square(std::int64_t n, std::int64_t h) {
  double p = 0.0;
  for (std::int64_t k = n / h + 1; k >= 1; --k) {
    const std::int64_t a = (k - 1) * h;
    double r = 1.0;
    for (std::int64_t j = 0; j < h; ++j) {
      r = static_cast<double>(n - a - j) * r / static_cast<double>(n + a + j + 1);
    }
    p = r * (1.0 - p);
  }
  return 2.0 * p;
}

// n1 == n2 == n, one-sided: C(2n, n-h)/C(2n, n) = prod_{j<h} (n-j)/(n+j+1).
double one_sided_square(std::int64_t n, std::int64_t h) {
  double p = 1.0;
  for (std::int64_t j = 0; j < h; ++j) p *= static_cast<double>(n - j) / static_cast<double>(n + j + 1);
  return p;
}

constexpr double kMaxLatticeSteps = 2e9;

// SciPy's _attempt_exact_2kssamp. Returns false when the exact computation is not done (then the
// caller uses the asymptotic p-value); d is replaced by h/lcm in every case, as in SciPy.
bool attempt_exact(std::int64_t n1, std::int64_t n2, std::int64_t g, double& d, KsAlternative alt, double& p) {
  const std::int64_t lcm = (n1 / g) * n2;
  const std::int64_t h = static_cast<std::int64_t>(std::nearbyint(d * static_cast<double>(lcm)));
  d = static_cast<double>(h) / static_cast<double>(lcm);
  if (h == 0) {
    p = 1.0;
    return true;
  }
  const std::int64_t big = std::max(n1, n2), small = std::min(n1, n2);
  if (alt == KsAlternative::TwoSided) {
    if (n1 == n2) {
      p = two_sided_square(n1, h);
    } else {
      const double mg = static_cast<double>(big / g);
      const double width = std::min(static_cast<double>(small) + 1.0, 2.0 * static_cast<double>(h) / mg + 2.0);
      if (static_cast<double>(big) * width > kMaxLatticeSteps) return false;
      p = two_sided_band(n1, n2, g, h);
    }
  } else {
    if (n1 == n2) {
      p = one_sided_square(n1, h);
    } else {
      // SciPy counts the paths in float64 and divides by C(n1+n2, n1); beyond DBL_MAX it gives up.
      const double log_paths = boost::math::lgamma(static_cast<double>(n1 + n2) + 1.0) -
                               boost::math::lgamma(static_cast<double>(n1) + 1.0) -
                               boost::math::lgamma(static_cast<double>(n2) + 1.0);
      if (log_paths > std::log(DBL_MAX)) return false;
      if (static_cast<double>(big) * static_cast<double>(small + 1) > kMaxLatticeSteps) return false;
      p = one_sided_band(n1, n2, g, h);
    }
  }
  return p >= 0.0 && p <= 1.0;
}

double asymptotic_pvalue(std::int64_t n1, std::int64_t n2, double d, KsAlternative alt) {
  const double m = static_cast<double>(std::max(n1, n2));
  const double n = static_cast<double>(std::min(n1, n2));
  const double en = m * n / (m + n);
  if (alt == KsAlternative::TwoSided) {
    // numpy.round: half to even (the default rounding mode). SciPy gets NaN for n1 = n2 = 1
    // (round(0.5) = 0); we use 1 there.
    const auto size = static_cast<std::int64_t>(std::nearbyint(en));
    return kstwo_sf(d, std::max<std::int64_t>(size, 1));
  }
  const double z = std::sqrt(en) * d;
  const double expt = -2.0 * z * z - 2.0 * z * (m + 2.0 * n) / std::sqrt(m * n * (m + n)) / 3.0;
  return std::exp(expt);
}

}  // namespace

KsResult ks_2samp(Span x_values, Span y_values, KsMethod method, KsAlternative alternative) {
  const detail::SortedValues x_sorted = sorted_sample(x_values, "x");
  const detail::SortedValues y_sorted = sorted_sample(y_values, "y");
  const Span x = x_sorted.span(), y = y_sorted.span();
  const detail::KsExtremes e = detail::walk_sorted_pair(x, y, false).ks;
  return detail::ks_2samp_from_extremes(e, static_cast<std::int64_t>(x.size), static_cast<std::int64_t>(y.size),
                                        method, alternative);
}

namespace detail {

KsResult ks_2samp_from_extremes(const KsExtremes& e, std::int64_t n1, std::int64_t n2, KsMethod method,
                                KsAlternative alternative) {
  const double max_s = e.max_diff;
  const double min_s = std::min(std::max(-e.min_diff, 0.0), 1.0);
  const double loc_max = e.max_in_x ? e.max_loc_x : e.max_loc_y;
  const double loc_min = e.min_in_x ? e.min_loc_x : e.min_loc_y;

  KsResult r;
  double d;
  if (alternative == KsAlternative::Less || (alternative == KsAlternative::TwoSided && min_s > max_s)) {
    d = min_s;
    r.statistic_location = loc_min;
    r.statistic_sign = -1;
  } else {
    d = max_s;
    r.statistic_location = loc_max;
    r.statistic_sign = 1;
  }

  const std::int64_t g = std::gcd(n1, n2);
  KsMethod mode = method;
  if (mode == KsMethod::Auto) {
    mode = std::max(n1, n2) <= 10000 ? KsMethod::Exact : KsMethod::Asymp;
  } else if (mode == KsMethod::Exact) {
    const double limit = static_cast<double>(std::numeric_limits<std::int32_t>::max()) / static_cast<double>(n2 / g);
    if (static_cast<double>(n1 / g) >= limit) mode = KsMethod::Asymp;
  }
  double p = 1.0;
  if (mode == KsMethod::Exact) {
    if (!attempt_exact(n1, n2, g, d, alternative, p)) mode = KsMethod::Asymp;
  }
  if (mode == KsMethod::Asymp) p = asymptotic_pvalue(n1, n2, d, alternative);

  r.statistic = d;
  r.pvalue = std::min(std::max(p, 0.0), 1.0);
  r.method_used = mode;
  return r;
}

}  // namespace detail
}  // namespace divergence
