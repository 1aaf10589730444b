// Entropies of the parametric distributions (nats), as torch.distributions .entropy().
#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <cmath>
#include <limits>
#include <vector>

#include "distributions_detail.hpp"
#include "divergence/distributions.hpp"
#include "divergence/pointwise.hpp"
#include "divergence/summation.hpp"

namespace divergence {
namespace detail {

double xlogx(double x) { return x == 0.0 ? 0.0 : x * std::log(x); }

double binary_entropy(double p) {
  if (p == 0.0 || p == 1.0) return 0.0;
  return -p * std::log(p) - (1.0 - p) * std::log1p(-p);
}

namespace {

// -sum_k P(k) ln P(k) for a log-concave pmf on {lo, ..., hi} (hi may be infinite), from the log
// ratios of neighbouring probabilities alone: with w_k = P(k)/P(mode) (so w_mode = 1, ln w_k the
// running sum of ln(P(j+1)/P(j)) from the mode), H = ln S - sum_k w_k ln w_k / S, S = sum_k w_k.
// No pmf is evaluated, so nothing depends on the accuracy of a special function at huge
// arguments (Boost's double-precision ibeta_derivative is off by 1e-8 at n = 1.5e8). Beyond the
// mode the ratio r = P(k+1)/P(k) only decreases, so the rest of a side is below w/(1-r) times the
// last term; a side stops when that bound is under 1e-19 of the sums so far.
template <class Up, class Down>
double discrete_entropy(double mode, double lo, double hi, Up log_up, Down log_down) {
  NeumaierSum rest, w_log_w;  // sums over k != mode (w_mode ln w_mode = 0)
  auto walk = [&](double k, double stop, double step, auto log_ratio) {
    NeumaierSum log_w;
    while (step > 0 ? k + 1.0 <= stop : k - 1.0 >= stop) {
      const double lr = log_ratio(k);
      log_w.add(lr);
      k += step;
      const double lw = log_w.value();
      const double w = std::exp(lw);
      if (w == 0.0) break;
      rest.add(w);
      w_log_w.add(w * lw);
      const double r = std::exp(lr);
      if (r < 1.0 && w * (1.0 - lw) <= 1e-19 * (1.0 - r) * (rest.value() - w_log_w.value())) break;
    }
  };
  walk(mode, hi, 1.0, log_up);
  walk(mode, lo, -1.0, log_down);
  const double s = rest.value();
  return std::log1p(s) - w_log_w.value() / (1.0 + s);
}

double poisson_entropy(double rate) {
  if (rate == 0.0) return 0.0;
  if (rate >= 2e4) {
    // Evans & Boersma (1988); the next term is about -0.11/rate^4 (< 1e-18 here).
    const double r = 1.0 / rate;
    return 0.5 * (std::log(2.0 * kPi * rate) + 1.0) - r * (1.0 / 12.0 + r * (1.0 / 24.0 + r * (19.0 / 360.0)));
  }
  // P(k+1)/P(k) = rate/(k+1).
  return discrete_entropy(
      std::floor(rate), 0.0, std::numeric_limits<double>::infinity(), [rate](double k) { return std::log(rate / (k + 1.0)); },
      [rate](double k) { return std::log(k / rate); });
}

double binomial_entropy(double n, double p) {
  if (n == 0.0 || p == 0.0 || p == 1.0) return 0.0;
  const double x = p * (1.0 - p);
  const double v = n * x;
  if (v >= 1e5) {
    // 1/2 ln(2 pi e v) + (x/3 - 1/12)/v + (-1/24 + x/6 - x^2/12)/v^2 + c3/v^3 with |c3| < 0.053
    // (the v^-1 and v^-2 terms reduce to Poisson's as x -> 0); checked against exact sums.
    return 0.5 * (std::log(2.0 * kPi * v) + 1.0) + (x / 3.0 - 1.0 / 12.0) / v +
           (-1.0 / 24.0 + x / 6.0 - x * x / 12.0) / (v * v);
  }
  // P(k+1)/P(k) = (n-k)/(k+1) * p/(1-p).
  const double logit = std::log(p) - std::log1p(-p);
  return discrete_entropy(
      std::fmin(std::floor((n + 1.0) * p), n), 0.0, n, [n, logit](double k) { return std::log((n - k) / (k + 1.0)) + logit; },
      [n, logit](double k) { return std::log(k / (n - k + 1.0)) - logit; });
}

// ln B(a) - sum (a_j - 1) psi(a_j) + (a0 - k) psi(a0): Beta (k = 2) and Dirichlet.
double dirichlet_entropy(const std::vector<double>& a) {
  NeumaierSum a0, acc;
  for (double x : a) {
    a0.add(x);
    acc.add(boost::math::lgamma(x));
    acc.add(-(x - 1.0) * boost::math::digamma(x));
  }
  const double s = a0.value();
  acc.add(-boost::math::lgamma(s));
  acc.add((s - static_cast<double>(a.size())) * boost::math::digamma(s));
  return acc.value();
}

}  // namespace

double entropy_unchecked(const Distribution& p) {
  const std::vector<double>& v = p.params;
  switch (p.family) {
    case Family::Normal:
      return 0.5 + 0.5 * kLnTwoPi + std::log(v[1]);
    case Family::MultivariateNormal: {
      const std::size_t d = mvn_dim(p);
      const std::vector<double> l = mvn_factor(p);
      double log_det_half = 0.0;
      for (std::size_t i = 0; i < d; ++i) log_det_half += std::log(l[i * d + i]);
      return 0.5 * static_cast<double>(d) * (1.0 + kLnTwoPi) + log_det_half;
    }
    case Family::Bernoulli:
      return binary_entropy(v[0]);
    case Family::Binomial:
      return binomial_entropy(v[0], v[1]);
    case Family::Categorical: {
      NeumaierSum acc;
      for (double x : categorical_probs(p)) acc.add(entr(x));
      return acc.value();
    }
    case Family::Geometric:
      return binary_entropy(v[0]) / v[0];
    case Family::Poisson:
      return poisson_entropy(v[0]);
    case Family::Exponential:
      return 1.0 - std::log(v[0]);
    case Family::Gamma: {
      const double k = v[0];
      return k - std::log(v[1]) + boost::math::lgamma(k) + (1.0 - k) * boost::math::digamma(k);
    }
    case Family::Beta:
    case Family::Dirichlet:
      return dirichlet_entropy(v);
    case Family::Laplace:
      return 1.0 + std::log(2.0 * v[1]);
    case Family::Uniform:  // ln(high - low), without overflow for widths above DBL_MAX
      return std::log(0.5 * v[1] - 0.5 * v[0]) + kLn2;
    case Family::Gumbel:
      return std::log(v[1]) + 1.0 + kEulerGamma;
    case Family::Cauchy:
      return std::log(4.0 * kPi * v[1]);
    case Family::LogNormal:
      return v[0] + 0.5 + 0.5 * kLnTwoPi + std::log(v[1]);
    case Family::HalfNormal:
      return 0.5 + std::log(v[0] * std::sqrt(0.5 * kPi));
    case Family::Pareto:
      return std::log(v[0] / v[1]) + 1.0 / v[1] + 1.0;
  }
  return kNaN;
}

}  // namespace detail

double entropy(const Distribution& p) {
  detail::check_argument(p, "p");
  return detail::entropy_unchecked(p);
}

}  // namespace divergence
