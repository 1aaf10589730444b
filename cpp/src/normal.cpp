// Univariate normal: density, closed-form KL, trapezoid-rule KL on a grid.
#include "divergence/normal.hpp"

#include <cmath>
#include <string>

#include "divergence/errors.hpp"
#include "divergence/format.hpp"
#include "divergence/pointwise.hpp"
#include "divergence/summation.hpp"

namespace divergence {
namespace {

void check_finite(double v, const char* name) {
  if (!std::isfinite(v)) throw range_error(name, "must be finite (got " + format_number(v) + ")");
}

void check_scale(double v, const char* name) {
  if (!(std::isfinite(v) && v > 0.0)) throw range_error(name, "must be a finite number > 0 (got " + format_number(v) + ")");
}

void check_values(Span v, const char* name, bool nonnegative) {
  for (std::size_t i = 0; i < v.size; ++i) {
    if (std::isnan(v[i])) throw range_error(name, "entry " + std::to_string(i) + " is NaN");
    if (std::isinf(v[i])) throw range_error(name, "entry " + std::to_string(i) + " is infinite");
    if (nonnegative && v[i] < 0.0) {
      throw range_error(name, "entry " + std::to_string(i) + " is negative (" + format_number(v[i]) + ")");
    }
  }
}

}  // namespace

double kl_normal(double muP, double sigmaP, double muQ, double sigmaQ) {
  check_finite(muP, "muP");
  check_scale(sigmaP, "sigmaP");
  check_finite(muQ, "muQ");
  check_scale(sigmaQ, "sigmaQ");
  const double t = sigmaP / sigmaQ - 1.0;
  const double z = (muP - muQ) / sigmaQ;
  return t_minus_log1p(t) + 0.5 * t * t + 0.5 * z * z;
}

std::vector<double> normal_pdf(Span x, double mu, double sigma) {
  check_finite(mu, "mu");
  check_scale(sigma, "sigma");
  check_values(x, "x", false);
  const double norm = 1.0 / (sigma * std::sqrt(2.0 * M_PI));
  std::vector<double> out(x.size);
  for (std::size_t i = 0; i < x.size; ++i) {
    const double z = (x[i] - mu) / sigma;
    out[i] = norm * std::exp(-0.5 * z * z);
  }
  return out;
}

std::vector<double> normal_log_pdf(Span x, double mu, double sigma) {
  check_finite(mu, "mu");
  check_scale(sigma, "sigma");
  check_values(x, "x", false);
  const double log_norm = std::log(sigma) + 0.5 * std::log(2.0 * M_PI);
  std::vector<double> out(x.size);
  for (std::size_t i = 0; i < x.size; ++i) {
    const double z = (x[i] - mu) / sigma;
    out[i] = -0.5 * z * z - log_norm;
  }
  return out;
}

namespace {

void check_grid(Span x, Span a, Span b, const char* a_name, const char* b_name) {
  if (x.size < 2) throw range_error("x", "must have at least 2 points (got " + std::to_string(x.size) + ")");
  check_values(x, "x", false);
  for (std::size_t i = 1; i < x.size; ++i) {
    if (!(x[i] > x[i - 1])) throw range_error("x", "not strictly increasing at index " + std::to_string(i));
  }
  for (auto [v, name] : {std::pair<Span, const char*>{a, a_name}, {b, b_name}}) {
    if (v.size != x.size) {
      throw range_error(name, "length " + std::to_string(v.size) + " differs from x (length " + std::to_string(x.size) + ")");
    }
  }
}

void check_log_values(Span v, const char* name) {
  for (std::size_t i = 0; i < v.size; ++i) {
    if (std::isnan(v[i])) throw range_error(name, "entry " + std::to_string(i) + " is NaN");
    if (v[i] == kInf) throw range_error(name, "entry " + std::to_string(i) + " is +inf");
  }
}

// Trapezoid rule over the grid for the integrand f(i).
template <class F>
double trapezoid(Span x, F f) {
  NeumaierSum acc;
  double prev = f(0);
  for (std::size_t i = 1; i < x.size; ++i) {
    const double cur = f(i);
    acc.add(0.5 * (x[i] - x[i - 1]) * (prev + cur));
    prev = cur;
  }
  return acc.value();
}

}  // namespace

double kl_grid(Span x, Span p, Span q) {
  check_grid(x, p, q, "p", "q");
  check_values(p, "p", true);
  check_values(q, "q", true);
  return trapezoid(x, [&](std::size_t i) { return rel_entr(p[i], q[i]); });
}

double kl_grid_log(Span x, Span log_p, Span log_q) {
  check_grid(x, log_p, log_q, "logP", "logQ");
  check_log_values(log_p, "logP");
  check_log_values(log_q, "logQ");
  return trapezoid(x, [&](std::size_t i) {
    if (log_p[i] == -kInf) return 0.0;
    if (log_q[i] == -kInf) return kInf;
    return std::exp(log_p[i]) * (log_p[i] - log_q[i]);
  });
}

}  // namespace divergence
