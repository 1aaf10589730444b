// Objective and exact gradient of fitting a normal Q to a gridded density P by KL (see fit.hpp).
#include "divergence/fit.hpp"

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "divergence/errors.hpp"
#include "divergence/format.hpp"
#include "divergence/summation.hpp"

namespace divergence {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void check_finite(double v, const char* name) {
  if (!std::isfinite(v)) throw range_error(name, "must be finite (got " + format_number(v) + ")");
}

void check_inputs(Span x, Span log_p) {
  if (x.size < 2) throw range_error("x", "must have at least 2 points (got " + std::to_string(x.size) + ")");
  for (std::size_t i = 0; i < x.size; ++i) {
    if (std::isnan(x[i])) throw range_error("x", "entry " + std::to_string(i) + " is NaN");
    if (std::isinf(x[i])) throw range_error("x", "entry " + std::to_string(i) + " is infinite");
    if (i > 0 && !(x[i] > x[i - 1])) throw range_error("x", "not strictly increasing at index " + std::to_string(i));
  }
  if (log_p.size != x.size) {
    throw range_error("logP", "length " + std::to_string(log_p.size) + " differs from x (length " + std::to_string(x.size) + ")");
  }
  for (std::size_t i = 0; i < log_p.size; ++i) {
    if (std::isnan(log_p[i])) throw range_error("logP", "entry " + std::to_string(i) + " is NaN");
    if (log_p[i] == kInf) throw range_error("logP", "entry " + std::to_string(i) + " is +inf");
  }
}

// Trapezoid weight of grid point i: half the width of the cells on either side.
double weight(Span x, std::size_t i) {
  const std::size_t n = x.size;
  if (i == 0) return 0.5 * (x[1] - x[0]);
  if (i == n - 1) return 0.5 * (x[n - 1] - x[n - 2]);
  return 0.5 * (x[i + 1] - x[i - 1]);
}

}  // namespace

NormalFitGradient normal_fit_gradient(Span x, Span log_p, double mu, double log_sigma, FitDirection direction) {
  check_inputs(x, log_p);
  check_finite(mu, "mu");
  check_finite(log_sigma, "logSigma");
  if (direction != FitDirection::Forward && direction != FitDirection::Reverse) {
    throw range_error("direction", "must be 'forward' or 'reverse'");
  }
  const double sigma = std::exp(log_sigma);
  if (!(sigma > 0.0) || !std::isfinite(sigma)) {
    throw range_error("logSigma", "exp(logSigma) must be a finite number > 0 (got " + format_number(log_sigma) + ")");
  }
  const double log_norm = log_sigma + 0.5 * std::log(2.0 * M_PI);

  NeumaierSum value, g_mu, g_ls;
  for (std::size_t i = 0; i < x.size; ++i) {
    const double w = weight(x, i);
    const double z = (x[i] - mu) / sigma;
    const double log_q = -0.5 * z * z - log_norm;
    const double score_mu = z / sigma;
    const double score_ls = z * z - 1.0;
    if (direction == FitDirection::Forward) {
      if (log_p[i] == -kInf) continue;  // 0 ln 0 = 0, and no gradient
      const double p = std::exp(log_p[i]);
      if (p == 0.0) continue;
      value.add(w * p * (log_p[i] - log_q));
      g_mu.add(-w * p * score_mu);
      g_ls.add(-w * p * score_ls);
    } else {
      const double q = std::exp(log_q);
      if (q == 0.0) continue;  // Q's density underflows: the term and its derivative are 0
      if (log_p[i] == -kInf) return {kInf, kNaN, kNaN};
      const double log_ratio = log_q - log_p[i];
      value.add(w * q * log_ratio);
      g_mu.add(w * q * (log_ratio + 1.0) * score_mu);
      g_ls.add(w * q * (log_ratio + 1.0) * score_ls);
    }
  }
  return {value.value(), g_mu.value(), g_ls.value()};
}

GridMoments grid_moments(Span x, Span log_p) {
  check_inputs(x, log_p);
  NeumaierSum mass, first;
  std::vector<double> wp(x.size);
  for (std::size_t i = 0; i < x.size; ++i) {
    wp[i] = log_p[i] == -kInf ? 0.0 : weight(x, i) * std::exp(log_p[i]);
    mass.add(wp[i]);
    first.add(wp[i] * x[i]);
  }
  GridMoments m;
  m.mass = mass.value();
  if (!(m.mass > 0.0)) throw range_error("logP", "zero mass on the grid");
  m.mean = first.value() / m.mass;
  NeumaierSum second;
  for (std::size_t i = 0; i < x.size; ++i) second.add(wp[i] * (x[i] - m.mean) * (x[i] - m.mean));
  m.variance = second.value() / m.mass;
  return m;
}

}  // namespace divergence
