// Closed-form KL divergences between parametric distributions (nats), for the pairs registered in
// torch/distributions/kl.py. The formulas are derived here as E_P[log p - log q] and rearranged
// into sums of non-negative pieces where possible, so that KL(P||P) is exactly 0 and close
// parameters keep their relative accuracy; each case names the PyTorch function it matches.
#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <boost/math/special_functions/polygamma.hpp>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "distributions_detail.hpp"
#include "divergence/distributions.hpp"
#include "divergence/errors.hpp"
#include "divergence/format.hpp"
#include "divergence/pointwise.hpp"
#include "divergence/summation.hpp"

namespace divergence {
namespace detail {

double expm1_minus(double w) {
  if (std::fabs(w) < 0.5) {
    // sum_{k>=2} w^k / k!
    double term = 0.5 * w * w;
    double sum = term;
    for (int k = 3; k < 40; ++k) {
      term *= w / k;
      sum += term;
      if (std::fabs(term) <= 1e-18 * std::fabs(sum)) break;
    }
    return sum;
  }
  return std::expm1(w) - w;
}

namespace {

// (1 + u) ln(1 + u) - u for u > -1; series sum_{m>=2} (-u)^m / (m (m-1)) for |u| < 0.25.
double one_plus_u_log1p_minus_u(double u) {
  if (std::fabs(u) < 0.25) {
    double power = u * u;
    double sum = 0.0;
    for (int m = 2; m < 60; ++m) {
      const double add = ((m % 2 == 0) ? power : -power) / (static_cast<double>(m) * (m - 1));
      sum += add;
      if (std::fabs(add) <= 1e-18 * std::fabs(sum)) break;
      power *= u;
    }
    return sum;
  }
  return (1.0 + u) * std::log1p(u) - u;
}

// lgamma Bregman divergence for a >= 1 (see lgamma_bregman).
double bregman_from(double a, double b, double delta) {
  if (delta == 0.0) return 0.0;
  if (a >= 1e4 && b >= 1e4) {
    // Stirling's series: lgamma(x) = (x - 1/2) ln x - x + ln(2 pi)/2 + 1/(12 x) - 1/(360 x^3) + ...
    // gives, with u = delta/a, a phi(u) + (u - log1p u)/2 + u^2 / (12 a (1 + u)) with
    // phi(u) = (1+u) log1p(u) - u; the next term is below 1e-17 of the sum for a >= 1e4.
    const double u = delta / a;
    return a * one_plus_u_log1p_minus_u(u) + 0.5 * t_minus_log1p(u) + u * u / (12.0 * a * (1.0 + u));
  }
  if (std::fabs(delta) <= 0.125 * a) {
    // Taylor series sum_{m>=2} psi^(m-1)(a) delta^m / m!; the ratio of terms is about delta/a.
    double coefficient = delta;  // delta^m / m!
    double sum = 0.0;
    for (int m = 2; m < 60; ++m) {
      coefficient *= delta / m;
      const double add = boost::math::polygamma(m - 1, a) * coefficient;
      sum += add;
      if (std::fabs(add) <= 1e-17 * std::fabs(sum)) break;
    }
    return sum;
  }
  return boost::math::lgamma(b) - boost::math::lgamma(a) - delta * boost::math::digamma(a);
}

}  // namespace

double lgamma_bregman(double a, double b, double delta) {
  if (delta == 0.0) return 0.0;
  if (a < 1.0) {
    // lgamma(x) = lgamma(x + 1) - ln x and psi(x) = psi(x + 1) - 1/x move the pole out of the
    // way: D(a -> b) = D(a+1 -> b+1) + (u - log1p u), u = delta / a.
    return bregman_from(a + 1.0, b + 1.0, delta) + t_minus_log1p(delta / a);
  }
  return bregman_from(a, b, delta);
}

double lgamma_bregman(double a, double b) { return lgamma_bregman(a, b, b - a); }

double bernoulli_kl(double p, double q) {
  // p ln(p/q) + (1-p) ln((1-p)/(1-q)), written as x (d - log1p d) for each of the two outcomes
  // (x = p, d = (q-p)/p and x = 1-p, d = (p-q)/(1-p)): two non-negative terms, no cancellation.
  if (p == q) return 0.0;
  if (p == 0.0) return q == 1.0 ? std::numeric_limits<double>::infinity() : -std::log1p(-q);
  if (p == 1.0) return q == 0.0 ? std::numeric_limits<double>::infinity() : -std::log(q);
  if (q == 0.0 || q == 1.0) return std::numeric_limits<double>::infinity();
  const double d1 = (q - p) / p;
  const double a = (d1 >= -0.5 && d1 <= 1.0) ? t_minus_log1p(d1) : d1 - log_ratio(q, p);
  const double d2 = (p - q) / (1.0 - p);
  const double b = (d2 >= -0.5 && d2 <= 1.0) ? t_minus_log1p(d2) : d2 - (std::log1p(-q) - std::log1p(-p));
  return p * a + (1.0 - p) * b;
}

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// r - 1 - ln r for r = x/y, x, y > 0: >= 0, 0 only at x == y.
double ratio_kl(double x, double y) {
  const double t = (x - y) / y;
  if (t >= -0.5 && t <= 1.0) return t_minus_log1p(t);
  return x / y - 1.0 - log_ratio(x, y);
}

// (r^2 - 1)/2 - ln r for r = sp/sq: the scale part of KL between normals.
double scale_kl(double sp, double sq) {
  const double t = (sp - sq) / sq;
  if (t >= -0.5 && t <= 1.0) return t_minus_log1p(t) + 0.5 * t * t;
  const double r = sp / sq;
  return 0.5 * (r - 1.0) * (r + 1.0) - log_ratio(sp, sq);
}

// torch _kl_normal_normal: ln(sq/sp) + (sp^2 + (mp - mq)^2) / (2 sq^2) - 1/2.
double normal_kl(double mp, double sp, double mq, double sq) {
  const double z = (mp - mq) / sq;
  return scale_kl(sp, sq) + 0.5 * z * z;
}

// torch _kl_gamma_gamma: kq ln(rp/rq) + lgamma(kq) - lgamma(kp) + (kp - kq) psi(kp) + (rq - rp) kp/rp,
// rearranged as D_lgamma(kp -> kq) + kp (s - 1 - ln s) + (kp - kq) ln s with s = rq/rp.
double gamma_kl(double kp, double rp, double kq, double rq) {
  const double kl = lgamma_bregman(kp, kq) + kp * ratio_kl(rq, rp) + (kp - kq) * log_ratio(rq, rp);
  return kl > 0.0 ? kl : 0.0;  // rounding can leave -1e-17 when the true value is ~0
}

// torch _kl_beta_beta and _kl_dirichlet_dirichlet:
//   lnB(b) - lnB(a) + sum (a_i - b_i)(psi(a_i) - psi(a0)) = sum_i D(a_i -> b_i) - D(a0 -> b0).
double dirichlet_kl(const std::vector<double>& a, const std::vector<double>& b) {
  NeumaierSum a0, b0, delta0, acc;
  for (std::size_t i = 0; i < a.size(); ++i) {
    a0.add(a[i]);
    b0.add(b[i]);
    delta0.add(b[i] - a[i]);
    acc.add(lgamma_bregman(a[i], b[i]));
  }
  acc.add(-lgamma_bregman(a0.value(), b0.value(), delta0.value()));
  const double kl = acc.value();
  return kl > 0.0 ? kl : 0.0;
}

// E[ln X] for X ~ Uniform(a, b), 0 <= a < b: (b ln b - a ln a)/(b - a) - 1, or, when the interval
// is narrow relative to its midpoint m (c = half-width/m < 1/2), ln m - sum_j c^2j / (2j (2j+1)).
double mean_log_uniform(double a, double b) {
  const double m = 0.5 * a + 0.5 * b;
  const double c = (0.5 * b - 0.5 * a) / m;
  if (c < 0.5) {
    const double c2 = c * c;
    double power = c2, sum = 0.0;
    for (int j = 1; j < 60; ++j) {
      const double add = power / (2.0 * j * (2.0 * j + 1.0));
      sum += add;
      if (add <= 1e-18 * sum) break;
      power *= c2;
    }
    return std::log(m) - sum;
  }
  return (xlogx(b) - xlogx(a)) / (b - a) - 1.0;
}

// ln(width) of [low, high) without overflow for widths above DBL_MAX.
double log_width(double low, double high) { return std::log(0.5 * high - 0.5 * low) + kLn2; }

// ---- same family ----

double kl_uniform_uniform(const std::vector<double>& p, const std::vector<double>& q) {
  // torch _kl_uniform_uniform: ln((bq - aq)/(bp - ap)), +inf unless [ap, bp) lies in [aq, bq).
  if (q[0] > p[0] || q[1] < p[1]) return kInfinity;
  return log_ratio(0.5 * q[1] - 0.5 * q[0], 0.5 * p[1] - 0.5 * p[0]);
}

double kl_laplace_laplace(const std::vector<double>& p, const std::vector<double>& q) {
  // torch _kl_laplace_laplace: ln(bq/bp) + |mp - mq|/bq + (bp/bq) e^(-|mp - mq|/bp) - 1
  //   = r (e^-u - 1 + u) + (r - 1 - ln r),  r = bp/bq, u = |mp - mq|/bp.
  const double u = std::fabs(p[0] - q[0]) / p[1];
  return (p[1] / q[1]) * expm1_minus(-u) + ratio_kl(p[1], q[1]);
}

double kl_gumbel_gumbel(const std::vector<double>& p, const std::vector<double>& q) {
  // torch _kl_gumbel_gumbel: -ln r + v + euler (r - 1) + e^(-v) Gamma(1 + r) - 1 with r = bp/bq,
  // v = (mp - mq)/bq; with w = lgamma(1 + r) - v this is D_lgamma(1 -> r) + (e^w - 1 - w).
  // r - 1 is formed as (bp - bq)/bq, and lgamma(2 + delta) as log1p(delta) + log1p(Gamma(1 +
  // delta) - 1), so that nearly equal scales keep their digits.
  const double delta = (p[1] - q[1]) / q[1];
  const double r = p[1] / q[1];
  const double v = (p[0] - q[0]) / q[1];
  const double lgamma_1p_r = std::fabs(delta) < 0.5
                                 ? std::log1p(delta) + std::log1p(boost::math::tgamma1pm1(delta))
                                 : boost::math::lgamma(1.0 + r);
  return lgamma_bregman(1.0, r, delta) + expm1_minus(lgamma_1p_r - v);
}

double kl_cauchy_cauchy(const std::vector<double>& p, const std::vector<double>& q) {
  // torch _kl_cauchy_cauchy (Chyzak & Nielsen 2019): ln(((sp + sq)^2 + (mp - mq)^2) / (4 sp sq))
  //   = log1p(g^2), g = hypot(sp - sq, mp - mq) / (2 sqrt(sp sq)).
  const double g = std::hypot(p[1] - q[1], p[0] - q[0]) / (2.0 * std::sqrt(p[1]) * std::sqrt(q[1]));
  if (g > 1e150) return 2.0 * std::log(g);
  return std::log1p(g * g);
}

double kl_pareto_pareto(const std::vector<double>& p, const std::vector<double>& q) {
  // torch _kl_pareto_pareto: aq ln(sp/sq) - ln(aq/ap) + aq/ap - 1; +inf if sp < sq.
  if (p[0] < q[0]) return kInfinity;
  return q[1] * log_ratio(p[0], q[0]) + ratio_kl(q[1], p[1]);
}

double kl_binomial_binomial(const std::vector<double>& p, const std::vector<double>& q) {
  // torch _kl_binomial_binomial: n KL(Bernoulli) for equal total_count; +inf if p's is larger.
  if (p[0] < q[0]) {
    throw range_error("q", "no closed form for KL(Binomial || Binomial) when q.total_count (" + format_number(q[0]) +
                               ") > p.total_count (" + format_number(p[0]) + ")");
  }
  if (p[0] > q[0]) return kInfinity;
  if (p[0] == 0.0) return 0.0;
  return p[0] * bernoulli_kl(p[1], q[1]);
}

double kl_categorical_categorical(const Distribution& p, const Distribution& q) {
  // torch _kl_categorical_categorical: sum p_i ln(p_i/q_i), 0 ln 0 = 0, +inf where q_i = 0 < p_i.
  // Summed as sum (p_i ln(p_i/q_i) - p_i + q_i): non-negative terms, the extra terms sum to 0.
  if (p.params.size() != q.params.size()) {
    throw range_error("q", "Categorical has " + std::to_string(q.params.size()) + " categories but p has " +
                               std::to_string(p.params.size()));
  }
  const std::vector<double> a = categorical_probs(p), b = categorical_probs(q);
  NeumaierSum acc;
  for (std::size_t i = 0; i < a.size(); ++i) acc.add(kl_div_elementwise(a[i], b[i]));
  return acc.value();
}

double kl_mvn_mvn(const Distribution& p, const Distribution& q) {
  // torch _kl_multivariatenormal_multivariatenormal:
  //   1/2 (tr(Sq^-1 Sp) + (mq - mp)' Sq^-1 (mq - mp) - d + ln det Sq - ln det Sp).
  // With X = Lq^-1 Lp (lower triangular, diagonal r_i = Lp_ii / Lq_ii) this is
  //   sum_i ((r_i^2 - 1)/2 - ln r_i) + 1/2 sum_{i>j} X_ij^2 + 1/2 |Lq^-1 (mp - mq)|^2.
  const std::size_t d = mvn_dim(p);
  if (mvn_dim(q) != d) {
    throw range_error("q", "MultivariateNormal dimension " + std::to_string(mvn_dim(q)) + " differs from p (dimension " +
                               std::to_string(d) + ")");
  }
  const std::vector<double> lp = mvn_factor(p), lq = mvn_factor(q);
  NeumaierSum acc;
  std::vector<double> x(d * d, 0.0);
  for (std::size_t j = 0; j < d; ++j) {  // column j of X: solve Lq x = Lp[:, j] (zero above j)
    for (std::size_t i = j; i < d; ++i) {
      double s = lp[i * d + j];
      for (std::size_t k = j; k < i; ++k) s -= lq[i * d + k] * x[k * d + j];
      x[i * d + j] = s / lq[i * d + i];
    }
  }
  for (std::size_t i = 0; i < d; ++i) {
    acc.add(scale_kl(lp[i * d + i], lq[i * d + i]));
    for (std::size_t j = 0; j < i; ++j) acc.add(0.5 * x[i * d + j] * x[i * d + j]);
  }
  const double* mp = mvn_loc(p);
  const double* mq = mvn_loc(q);
  std::vector<double> y(d);
  for (std::size_t i = 0; i < d; ++i) {
    double s = mp[i] - mq[i];
    for (std::size_t k = 0; k < i; ++k) s -= lq[i * d + k] * y[k];
    y[i] = s / lq[i * d + i];
    acc.add(0.5 * y[i] * y[i]);
  }
  return acc.value();
}

double kl_same_family(const Distribution& p, const Distribution& q) {
  const std::vector<double>& a = p.params;
  const std::vector<double>& b = q.params;
  switch (p.family) {
    case Family::Normal:
    case Family::LogNormal:  // torch _kl_transformed_transformed: KL of the base Normals
      return normal_kl(a[0], a[1], b[0], b[1]);
    case Family::HalfNormal:  // torch _kl_halfnormal_halfnormal
      return scale_kl(a[0], b[0]);
    case Family::MultivariateNormal:
      return kl_mvn_mvn(p, q);
    case Family::Bernoulli:  // torch _kl_bernoulli_bernoulli
      return bernoulli_kl(a[0], b[0]);
    case Family::Binomial:
      return kl_binomial_binomial(a, b);
    case Family::Categorical:
      return kl_categorical_categorical(p, q);
    case Family::Geometric:
      // torch _kl_geometric_geometric: -H(p) - ln(1 - q)/p - logit(q) = KL(Bernoulli(p)||Bernoulli(q))/p.
      return bernoulli_kl(a[0], b[0]) / a[0];
    case Family::Poisson:  // torch _kl_poisson_poisson: rp ln(rp/rq) - rp + rq
      return kl_div_elementwise(a[0], b[0]);
    case Family::Exponential:  // torch _kl_exponential_exponential: rq/rp - 1 - ln(rq/rp)
      return ratio_kl(b[0], a[0]);
    case Family::Gamma:
      return gamma_kl(a[0], a[1], b[0], b[1]);
    case Family::Beta:
    case Family::Dirichlet:
      if (a.size() != b.size()) {
        throw range_error("q", "Dirichlet has " + std::to_string(b.size()) + " categories but p has " + std::to_string(a.size()));
      }
      return dirichlet_kl(a, b);
    case Family::Laplace:
      return kl_laplace_laplace(a, b);
    case Family::Uniform:
      return kl_uniform_uniform(a, b);
    case Family::Gumbel:
      return kl_gumbel_gumbel(a, b);
    case Family::Cauchy:
      return kl_cauchy_cauchy(a, b);
    case Family::Pareto:
      return kl_pareto_pareto(a, b);
  }
  return kNaN;
}

// ---- different families: E_P[-log q(X)] - H(P) ----

// E_P[-ln q(X)] for q = Normal(mu, sigma), given the mean and variance of P.
double normal_cross(double mean, double variance, double mu, double sigma) {
  const double z = (mean - mu) / sigma;
  return 0.5 * kLnTwoPi + std::log(sigma) + 0.5 * (variance / (sigma * sigma) + z * z);
}

// E_P[-ln q(X)] for q = Gamma(k, rate), given E[X] and E[ln X] under P.
double gamma_cross(double mean, double mean_log, double k, double rate) {
  return boost::math::lgamma(k) - k * std::log(rate) - (k - 1.0) * mean_log + rate * mean;
}

// E_P[-ln q(X)] for q = Gumbel(loc, scale), given E[X] and E[exp(-X/scale)] * exp(loc/scale) as
// its logarithm (log_mgf = ln E[e^(-(X - loc)/scale)]).
double gumbel_cross(double mean, double log_mgf, double loc, double scale) {
  return std::log(scale) + (mean - loc) / scale + std::exp(log_mgf);
}

double kl_cross(const Distribution& p, const Distribution& q) {
  const std::vector<double>& a = p.params;
  const std::vector<double>& b = q.params;
  const Family fq = q.family;
  switch (p.family) {
    case Family::Bernoulli:
      if (fq == Family::Poisson) {  // torch _kl_bernoulli_poisson: -H(p) - (p ln rate - rate)
        if (b[0] == 0.0) return a[0] > 0.0 ? kInfinity : 0.0;
        return -binary_entropy(a[0]) - (a[0] == 0.0 ? 0.0 : a[0] * std::log(b[0])) + b[0];
      }
      break;
    case Family::Poisson:  // torch _kl_poisson_infinity
      if (fq == Family::Bernoulli || fq == Family::Binomial) return kInfinity;
      break;
    case Family::Beta: {
      const double s = a[0] + a[1], mean = a[0] / s;
      switch (fq) {
        case Family::Exponential:  // torch _kl_beta_exponential
          return -entropy_unchecked(p) - std::log(b[0]) + b[0] * mean;
        case Family::Gamma:  // torch _kl_beta_gamma; E[ln X] = psi(a) - psi(a + b)
          return -entropy_unchecked(p) +
                 gamma_cross(mean, boost::math::digamma(a[0]) - boost::math::digamma(s), b[0], b[1]);
        case Family::Normal:  // torch _kl_beta_normal
          return -entropy_unchecked(p) + normal_cross(mean, mean * (1.0 - mean) / (s + 1.0), b[0], b[1]);
        case Family::Uniform:  // torch _kl_beta_uniform
          if (b[0] > 0.0 || b[1] < 1.0) return kInfinity;
          return -entropy_unchecked(p) + log_width(b[0], b[1]);
        case Family::Pareto:  // torch _kl_beta_infinity
          return kInfinity;
        default:
          break;
      }
      break;
    }
    case Family::Exponential: {
      const double rate = a[0];
      switch (fq) {
        case Family::Gamma:  // torch _kl_exponential_gamma (Exponential(r) is Gamma(1, r))
          return gamma_kl(1.0, rate, b[0], b[1]);
        case Family::Gumbel:  // torch _kl_exponential_gumbel; E[e^(-X/s)] = r s / (r s + 1)
          return -(1.0 - std::log(rate)) +
                 gumbel_cross(1.0 / rate, b[0] / b[1] + std::log(rate * b[1] / (rate * b[1] + 1.0)), b[0], b[1]);
        case Family::Normal:  // torch _kl_exponential_normal
          return -(1.0 - std::log(rate)) + normal_cross(1.0 / rate, 1.0 / (rate * rate), b[0], b[1]);
        case Family::Beta:
        case Family::Pareto:
        case Family::Uniform:  // torch _kl_exponential_infinity
          return kInfinity;
        default:
          break;
      }
      break;
    }
    case Family::Gamma: {
      const double k = a[0], rate = a[1];
      switch (fq) {
        case Family::Exponential:  // torch _kl_gamma_exponential
          return gamma_kl(k, rate, 1.0, b[0]);
        case Family::Gumbel:  // torch _kl_gamma_gumbel; E[e^(-X/s)] = (1 + 1/(rate s))^-k
          return -entropy_unchecked(p) +
                 gumbel_cross(k / rate, b[0] / b[1] - k * std::log1p(1.0 / (rate * b[1])), b[0], b[1]);
        case Family::Normal:  // torch _kl_gamma_normal
          return -entropy_unchecked(p) + normal_cross(k / rate, k / (rate * rate), b[0], b[1]);
        case Family::Beta:
        case Family::Pareto:
        case Family::Uniform:  // torch _kl_gamma_infinity
          return kInfinity;
        default:
          break;
      }
      break;
    }
    case Family::Gumbel:
      switch (fq) {
        case Family::Normal:  // torch _kl_gumbel_normal: mean loc + euler scale, variance (pi scale)^2/6
          return -entropy_unchecked(p) +
                 normal_cross(a[0] + kEulerGamma * a[1], kPi * kPi * a[1] * a[1] / 6.0, b[0], b[1]);
        case Family::Beta:
        case Family::Exponential:
        case Family::Gamma:
        case Family::Pareto:
        case Family::Uniform:  // torch _kl_gumbel_infinity
          return kInfinity;
        default:
          break;
      }
      break;
    case Family::Laplace:
      switch (fq) {
        case Family::Normal:  // torch _kl_laplace_normal: variance 2 scale^2
          return -entropy_unchecked(p) + normal_cross(a[0], 2.0 * a[1] * a[1], b[0], b[1]);
        case Family::Beta:
        case Family::Exponential:
        case Family::Gamma:
        case Family::Pareto:
        case Family::Uniform:  // torch _kl_laplace_infinity
          return kInfinity;
        default:
          break;
      }
      break;
    case Family::Normal:
      switch (fq) {
        case Family::Gumbel:  // torch _kl_normal_gumbel; E[e^(-X/s)] = e^(-mu/s + sigma^2/(2 s^2))
          return -entropy_unchecked(p) +
                 gumbel_cross(a[0], (b[0] - a[0]) / b[1] + 0.5 * (a[1] / b[1]) * (a[1] / b[1]), b[0], b[1]);
        case Family::Laplace: {
          // torch _kl_normal_laplace: -H(p) + ln(2 b) + E|X - m|/b, with the folded-normal mean
          // E|X - m| = sigma sqrt(2/pi) exp(-d^2/(2 sigma^2)) + d erf(d/(sigma sqrt 2)), d = mu - m.
          const double d = a[0] - b[0], sigma = a[1];
          const double z = d / sigma;
          const double mean_abs = sigma * std::sqrt(2.0 / kPi) * std::exp(-0.5 * z * z) + d * std::erf(z / std::sqrt(2.0));
          return -entropy_unchecked(p) + std::log(2.0 * b[1]) + mean_abs / b[1];
        }
        case Family::Beta:
        case Family::Exponential:
        case Family::Gamma:
        case Family::Pareto:
        case Family::Uniform:  // torch _kl_normal_infinity
          return kInfinity;
        default:
          break;
      }
      break;
    case Family::Pareto: {
      const double scale = a[0], alpha = a[1];
      switch (fq) {
        case Family::Exponential:  // torch _kl_pareto_exponential; +inf for alpha <= 1 (infinite mean)
          if (alpha <= 1.0) return kInfinity;
          return -entropy_unchecked(p) - std::log(b[0]) + b[0] * alpha * scale / (alpha - 1.0);
        case Family::Gamma:  // torch _kl_pareto_gamma; E[ln X] = ln scale + 1/alpha
          if (alpha <= 1.0) return kInfinity;
          return -entropy_unchecked(p) +
                 gamma_cross(alpha * scale / (alpha - 1.0), std::log(scale) + 1.0 / alpha, b[0], b[1]);
        case Family::Normal: {  // torch _kl_pareto_normal; +inf for alpha <= 2 (infinite variance)
          if (alpha <= 2.0) return kInfinity;
          const double mean = alpha * scale / (alpha - 1.0);
          const double variance = scale * scale * alpha / ((alpha - 1.0) * (alpha - 1.0) * (alpha - 2.0));
          return -entropy_unchecked(p) + normal_cross(mean, variance, b[0], b[1]);
        }
        case Family::Beta:
        case Family::Uniform:  // torch _kl_pareto_infinity
          return kInfinity;
        default:
          break;
      }
      break;
    }
    case Family::Uniform: {
      const double low = a[0], high = a[1];
      const double mid = 0.5 * low + 0.5 * high, width = high - low;
      const double neg_entropy = -log_width(low, high);
      switch (fq) {
        case Family::Normal:  // torch _kl_uniform_normal
          return neg_entropy + normal_cross(mid, width * width / 12.0, b[0], b[1]);
        case Family::Exponential:  // torch _kl_uniform_exponetial; +inf if low < 0
          if (low < 0.0) return kInfinity;
          return neg_entropy - std::log(b[0]) + b[0] * mid;
        case Family::Gamma:  // torch _kl_uniform_gamma; +inf if low < 0
          if (low < 0.0) return kInfinity;
          return neg_entropy + gamma_cross(mid, mean_log_uniform(low, high), b[0], b[1]);
        case Family::Beta: {  // torch _kl_uniform_beta; +inf unless [low, high) lies in [0, 1]
          if (low < 0.0 || high > 1.0) return kInfinity;
          const double lbeta = boost::math::lgamma(b[0]) + boost::math::lgamma(b[1]) - boost::math::lgamma(b[0] + b[1]);
          return neg_entropy + lbeta - (b[0] - 1.0) * mean_log_uniform(low, high) -
                 (b[1] - 1.0) * mean_log_uniform(1.0 - high, 1.0 - low);
        }
        case Family::Gumbel: {
          // torch _kl_uniform_gumbel. E[e^(-(X - loc)/s)] = (s/w) e^(-(low - loc)/s) (1 - e^(-w/s)).
          const double s = b[1];
          const double log_mgf = std::log(s / width) - (low - b[0]) / s + std::log(-std::expm1(-width / s));
          return neg_entropy + gumbel_cross(mid, log_mgf, b[0], s);
        }
        case Family::Pareto:  // torch _kl_uniform_pareto; +inf if low < scale
          if (low < b[0]) return kInfinity;
          return neg_entropy - std::log(b[1]) - b[1] * std::log(b[0]) + (b[1] + 1.0) * mean_log_uniform(low, high);
        default:
          break;
      }
      break;
    }
    default:
      break;
  }
  throw range_error("q", std::string("no closed form for KL(") + family_name(p.family) + " || " + family_name(q.family) + ")");
}

}  // namespace
}  // namespace detail

double kl_divergence(const Distribution& p, const Distribution& q) {
  detail::check_argument(p, "p");
  detail::check_argument(q, "q");
  if (p.family == q.family) return detail::kl_same_family(p, q);
  return detail::kl_cross(p, q);
}

}  // namespace divergence
