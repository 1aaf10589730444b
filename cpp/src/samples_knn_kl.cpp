// k-nearest-neighbour estimate of D(P||Q) (Wang, Kulkarni & Verdú 2009); see sample_kl.hpp.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

#include "divergence/errors.hpp"
#include "divergence/format.hpp"
#include "divergence/pointwise.hpp"
#include "divergence/sample_kl.hpp"
#include "divergence/summation.hpp"

namespace divergence {
namespace {

// d >= 2 is brute force: about 1 s of native time at this many distance pairs; refuse more rather
// than freeze a page.
constexpr double kMaxBrutePairs = 4e8;

void check_finite(Span values, const char* name) {
  for (std::size_t i = 0; i < values.size; ++i) {
    if (std::isnan(values[i])) throw range_error(name, "entry " + std::to_string(i) + " is NaN");
    if (std::isinf(values[i])) throw range_error(name, "entry " + std::to_string(i) + " is infinite");
  }
}

[[noreturn]] void duplicate_in_x(std::size_t row, std::size_t k) {
  throw range_error("x", "row " + std::to_string(row) + " has k = " + std::to_string(k) +
                             " identical copies among the other rows of x (its k-th neighbour distance is 0); "
                             "remove duplicate rows, add jitter, or increase k");
}
[[noreturn]] void duplicate_in_y(std::size_t row, std::size_t k) {
  throw range_error("y", "row " + std::to_string(row) + " of x has k = " + std::to_string(k) +
                             " identical copies in y (its k-th neighbour distance is 0); "
                             "remove duplicate rows, add jitter, or increase k");
}

// Power of two that brings the largest |coordinate| into [0.5, 1): distance ratios are unchanged
// (exactly, barring subnormals) and squared distances cannot overflow.
double scale_factor(Span x, Span y) {
  double largest = 0.0;
  for (double v : x) largest = std::max(largest, std::fabs(v));
  for (double v : y) largest = std::max(largest, std::fabs(v));
  if (largest == 0.0) return 1.0;
  int e = 0;
  std::frexp(largest, &e);
  return std::ldexp(1.0, -e);
}

// d = 1: sum over i of ln(nu_k(i) / rho_k(i)), by sorting.
double sum_log_ratios_1d(Span x, Span y, std::size_t k, double scale) {
  const std::size_t n = x.size, m = y.size;
  std::vector<std::pair<double, std::size_t>> xs(n);
  for (std::size_t i = 0; i < n; ++i) xs[i] = {x[i] * scale, i};
  std::sort(xs.begin(), xs.end());
  std::vector<double> ys(m);
  for (std::size_t j = 0; j < m; ++j) ys[j] = y[j] * scale;
  std::sort(ys.begin(), ys.end());

  constexpr double kFar = std::numeric_limits<double>::infinity();
  NeumaierSum acc;
  for (std::size_t p = 0; p < n; ++p) {
    const double v = xs[p].first;
    // k-th nearest among the other x: walk outwards from p, taking the nearer side each time.
    std::size_t left = p, right = p + 1;  // candidates xs[left - 1] and xs[right]
    double rho = 0.0;
    for (std::size_t t = 0; t < k; ++t) {
      const double dl = left > 0 ? v - xs[left - 1].first : kFar;
      const double dr = right < n ? xs[right].first - v : kFar;
      if (dl <= dr) {
        rho = dl;
        --left;
      } else {
        rho = dr;
        ++right;
      }
    }
    // k-th nearest among y: start at the insertion point of v.
    std::size_t yl = static_cast<std::size_t>(std::lower_bound(ys.begin(), ys.end(), v) - ys.begin());
    std::size_t yr = yl;
    double nu = 0.0;
    for (std::size_t t = 0; t < k; ++t) {
      const double dl = yl > 0 ? v - ys[yl - 1] : kFar;
      const double dr = yr < m ? ys[yr] - v : kFar;
      if (dl <= dr) {
        nu = dl;
        --yl;
      } else {
        nu = dr;
        ++yr;
      }
    }
    if (rho == 0.0) duplicate_in_x(xs[p].second, k);
    if (nu == 0.0) duplicate_in_y(xs[p].second, k);
    acc.add(log_ratio(nu, rho));
  }
  return acc.value();
}

// d >= 2: brute force over all pairs; sum over i of ln(nu_k(i) / rho_k(i)).
double sum_log_ratios_brute(Span x, std::size_t n, Span y, std::size_t m, std::size_t d, std::size_t k, double scale) {
  std::vector<double> xs(x.begin(), x.end()), ys(y.begin(), y.end());
  for (double& v : xs) v *= scale;
  for (double& v : ys) v *= scale;
  auto squared = [d](const double* a, const double* b) {
    double s = 0.0;
    for (std::size_t c = 0; c < d; ++c) {
      const double diff = a[c] - b[c];
      s += diff * diff;
    }
    return s;
  };
  std::vector<double> buffer(std::max(n, m));
  NeumaierSum acc;
  for (std::size_t i = 0; i < n; ++i) {
    const double* xi = &xs[i * d];
    std::size_t used = 0;
    for (std::size_t j = 0; j < n; ++j) {
      if (j != i) buffer[used++] = squared(xi, &xs[j * d]);
    }
    std::nth_element(buffer.begin(), buffer.begin() + static_cast<std::ptrdiff_t>(k - 1), buffer.begin() + static_cast<std::ptrdiff_t>(used));
    const double rho2 = buffer[k - 1];
    for (std::size_t j = 0; j < m; ++j) buffer[j] = squared(xi, &ys[j * d]);
    std::nth_element(buffer.begin(), buffer.begin() + static_cast<std::ptrdiff_t>(k - 1), buffer.begin() + static_cast<std::ptrdiff_t>(m));
    const double nu2 = buffer[k - 1];
    if (rho2 == 0.0) duplicate_in_x(i, k);
    if (nu2 == 0.0) duplicate_in_y(i, k);
    acc.add(0.5 * log_ratio(nu2, rho2));
  }
  return acc.value();
}

}  // namespace

double kl_knn(Span x, std::size_t n, Span y, std::size_t m, std::size_t d, std::size_t k) {
  if (d < 1) throw range_error("d", "must be at least 1");
  if (k < 1) throw range_error("k", "must be at least 1");
  if (n < 2) throw range_error("n", "needs at least 2 samples of P (got " + std::to_string(n) + ")");
  if (m < 1) throw range_error("m", "needs at least 1 sample of Q (got 0)");
  const std::size_t max_rows = std::numeric_limits<std::size_t>::max() / d;
  if (n > max_rows || x.size != n * d) {
    throw range_error("x", "length " + std::to_string(x.size) + " differs from n*d = " + std::to_string(n) + "*" +
                               std::to_string(d));
  }
  if (m > max_rows || y.size != m * d) {
    throw range_error("y", "length " + std::to_string(y.size) + " differs from m*d = " + std::to_string(m) + "*" +
                               std::to_string(d));
  }
  if (k > n - 1) {
    throw range_error("k", "must be at most n - 1 = " + std::to_string(n - 1) + " (got " + std::to_string(k) + ")");
  }
  if (k > m) throw range_error("k", "must be at most m = " + std::to_string(m) + " (got " + std::to_string(k) + ")");
  check_finite(x, "x");
  check_finite(y, "y");
  if (d >= 2) {
    const double pairs = static_cast<double>(n) * static_cast<double>(n + m);
    if (pairs > kMaxBrutePairs) {
      throw range_error("n", "brute-force neighbour search in d >= 2 is limited to n*(n+m) <= 4e8 distance pairs (got " +
                                 format_number(pairs) + "); subsample x and y");
    }
  }

  const double scale = scale_factor(x, y);
  const double sum = d == 1 ? sum_log_ratios_1d(x, y, k, scale) : sum_log_ratios_brute(x, n, y, m, d, k, scale);
  const double dn = static_cast<double>(n);
  return static_cast<double>(d) / dn * sum + std::log(static_cast<double>(m) / (dn - 1.0));
}

}  // namespace divergence
