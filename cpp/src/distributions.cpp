// Parametric distributions: family names, parameter validation, Cholesky factors, log densities.
// Entropies are in distributions_entropy.cpp, KL divergences in distributions_kl.cpp.
#include "divergence/distributions.hpp"

#include <boost/math/special_functions/beta.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <cmath>
#include <cstddef>
#include <limits>
#include <string>

#include "distributions_detail.hpp"
#include "divergence/errors.hpp"
#include "divergence/format.hpp"
#include "divergence/pointwise.hpp"
#include "divergence/summation.hpp"

namespace divergence {
namespace {

struct FamilySpec {
  Family family;
  const char* name;
  int count;               // number of parameters; -1 when variable (vector parameters)
  const char* parameters;  // for messages
};

constexpr FamilySpec kFamilies[] = {
    {Family::Normal, "Normal", 2, "loc, scale"},
    {Family::MultivariateNormal, "MultivariateNormal", -1, "d, loc[d], covariance_matrix[d*d] row-major"},
    {Family::Bernoulli, "Bernoulli", 1, "probs"},
    {Family::Binomial, "Binomial", 2, "total_count, probs"},
    {Family::Categorical, "Categorical", -1, "probs[k]"},
    {Family::Geometric, "Geometric", 1, "probs"},
    {Family::Poisson, "Poisson", 1, "rate"},
    {Family::Exponential, "Exponential", 1, "rate"},
    {Family::Gamma, "Gamma", 2, "concentration, rate"},
    {Family::Beta, "Beta", 2, "concentration1, concentration0"},
    {Family::Laplace, "Laplace", 2, "loc, scale"},
    {Family::Uniform, "Uniform", 2, "low, high"},
    {Family::Dirichlet, "Dirichlet", -1, "concentration[k]"},
    {Family::Gumbel, "Gumbel", 2, "loc, scale"},
    {Family::Cauchy, "Cauchy", 2, "loc, scale"},
    {Family::LogNormal, "LogNormal", 2, "loc, scale"},
    {Family::HalfNormal, "HalfNormal", 1, "scale"},
    {Family::Pareto, "Pareto", 2, "scale, alpha"},
};
constexpr std::size_t kFamilyCount = sizeof(kFamilies) / sizeof(kFamilies[0]);

const FamilySpec* spec_of(Family f) {
  const auto i = static_cast<std::size_t>(f);
  return i < kFamilyCount ? &kFamilies[i] : nullptr;
}

std::string arg_name(Family f, const char* parameter) { return std::string(family_name(f)) + "." + parameter; }

// ---- parameter checks: each throws range_error("Family.parameter", problem) ----

void need_finite(double v, Family f, const char* parameter) {
  if (!std::isfinite(v)) throw range_error(arg_name(f, parameter), "must be finite (got " + format_number(v) + ")");
}
void need_positive(double v, Family f, const char* parameter) {
  if (!(std::isfinite(v) && v > 0.0)) {
    throw range_error(arg_name(f, parameter), "must be a finite number > 0 (got " + format_number(v) + ")");
  }
}
void need_nonnegative(double v, Family f, const char* parameter) {
  if (!(std::isfinite(v) && v >= 0.0)) {
    throw range_error(arg_name(f, parameter), "must be a finite number >= 0 (got " + format_number(v) + ")");
  }
}
void need_probability(double v, Family f, const char* parameter) {
  if (!(v >= 0.0 && v <= 1.0)) {
    throw range_error(arg_name(f, parameter), "must be a number in [0, 1] (got " + format_number(v) + ")");
  }
}
void need_count(double v, Family f, const char* parameter) {
  if (!(std::isfinite(v) && v >= 0.0 && std::floor(v) == v)) {
    throw range_error(arg_name(f, parameter), "must be an integer >= 0 (got " + format_number(v) + ")");
  }
}

void check_weights(const std::vector<double>& w, Family f, const char* parameter) {
  const std::string name = arg_name(f, parameter);
  if (w.empty()) throw range_error(name, "must not be empty");
  bool any_positive = false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    const double x = w[i];
    if (std::isnan(x)) throw range_error(name, "entry " + std::to_string(i) + " is NaN");
    if (std::isinf(x)) throw range_error(name, "entry " + std::to_string(i) + " is infinite");
    if (x < 0.0) throw range_error(name, "entry " + std::to_string(i) + " is negative (" + format_number(x) + ")");
    if (x > 0.0) any_positive = true;
  }
  if (!any_positive) throw range_error(name, "all entries are zero; a distribution needs a positive total");
}

std::string count_problem(const FamilySpec& s, std::size_t got) {
  return std::string(s.name) + " takes " + std::to_string(s.count) + (s.count == 1 ? " number (" : " numbers (") +
         s.parameters + "); got " + std::to_string(got);
}

// The tolerance for a symmetric covariance: entries (i, j) and (j, i) may differ by 1e-10 of the
// larger of the two diagonal entries (rounding in a matrix computed as X'X, for instance).
bool nearly_symmetric(double aij, double aji, double aii, double ajj) {
  return std::fabs(aij - aji) <= 1e-10 * std::fmax(std::fabs(aii), std::fabs(ajj));
}

void check_mvn(const std::vector<double>& v) {
  const FamilySpec& s = kFamilies[static_cast<std::size_t>(Family::MultivariateNormal)];
  if (v.empty()) {
    throw range_error("params", std::string(s.name) + " takes 1 + d + d*d numbers (" + s.parameters + "); got none");
  }
  const double dd = v[0];
  if (!(std::isfinite(dd) && dd >= 1.0 && std::floor(dd) == dd && dd <= 1e4)) {
    throw range_error("MultivariateNormal.d", "must be an integer >= 1 (got " + format_number(dd) + ")");
  }
  const auto d = static_cast<std::size_t>(dd);
  const std::size_t want = 1 + d + d * d;
  if (v.size() != want) {
    throw range_error("params", "MultivariateNormal with d = " + std::to_string(d) + " takes 1 + d + d*d = " +
                                    std::to_string(want) + " numbers (" + s.parameters + "); got " +
                                    std::to_string(v.size()));
  }
  for (std::size_t i = 0; i < d; ++i) {
    if (!std::isfinite(v[1 + i])) {
      throw range_error("MultivariateNormal.loc", "entry " + std::to_string(i) + " must be finite (got " + format_number(v[1 + i]) + ")");
    }
  }
  const double* a = v.data() + 1 + d;
  for (std::size_t i = 0; i < d; ++i) {
    for (std::size_t j = 0; j < d; ++j) {
      if (!std::isfinite(a[i * d + j])) {
        throw range_error("MultivariateNormal.covariance_matrix", "entry (" + std::to_string(i) + ", " + std::to_string(j) +
                                                                      ") must be finite (got " + format_number(a[i * d + j]) + ")");
      }
    }
  }
  for (std::size_t i = 0; i < d; ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (!nearly_symmetric(a[j * d + i], a[i * d + j], a[i * d + i], a[j * d + j])) {
        throw range_error("MultivariateNormal.covariance_matrix",
                          "not symmetric (entry (" + std::to_string(j) + ", " + std::to_string(i) + ") is " +
                              format_number(a[j * d + i]) + ", entry (" + std::to_string(i) + ", " + std::to_string(j) +
                              ") is " + format_number(a[i * d + j]) + ")");
      }
    }
  }
  std::vector<double> l;
  if (!detail::cholesky(a, d, l)) throw range_error("MultivariateNormal.covariance_matrix", "not positive definite");
}

// ---- log densities ----

constexpr double kNegInf = -std::numeric_limits<double>::infinity();

// c * ln(x) with 0 * ln(0) = 0 (exponent c - 1 = 0 at a boundary of the support).
double c_log(double c, double x) { return c == 0.0 ? 0.0 : c * std::log(x); }
double c_log1p(double c, double x) { return c == 0.0 ? 0.0 : c * std::log1p(x); }

bool is_count(double x) { return x >= 0.0 && std::isfinite(x) && std::floor(x) == x; }

double normal_log_pdf(double x, double loc, double scale) {
  const double z = (x - loc) / scale;
  return -0.5 * z * z - std::log(scale) - 0.5 * detail::kLnTwoPi;
}

double log_prob_mvn(const Distribution& p, Span x) {
  const std::size_t d = detail::mvn_dim(p);
  const std::vector<double> l = detail::mvn_factor(p);
  const double* m = detail::mvn_loc(p);
  std::vector<double> y(d);
  double maha = 0.0, log_det_half = 0.0;
  for (std::size_t i = 0; i < d; ++i) {
    if (std::isnan(x[i])) return kNaN;
    double r = x[i] - m[i];
    for (std::size_t k = 0; k < i; ++k) r -= l[i * d + k] * y[k];
    y[i] = r / l[i * d + i];
    maha += y[i] * y[i];
    log_det_half += std::log(l[i * d + i]);
  }
  return -0.5 * maha - log_det_half - 0.5 * static_cast<double>(d) * detail::kLnTwoPi;
}

double log_prob_dirichlet(const Distribution& p, Span x) {
  const std::vector<double>& a = p.params;
  NeumaierSum total, sum_x;
  double lg = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::isnan(x[i])) return kNaN;
    if (x[i] < 0.0 || x[i] > 1.0) return kNegInf;
    sum_x.add(x[i]);
  }
  if (std::fabs(sum_x.value() - 1.0) > 1e-9) return kNegInf;
  for (std::size_t i = 0; i < a.size(); ++i) {
    total.add(a[i]);
    lg += boost::math::lgamma(a[i]);
  }
  double acc = boost::math::lgamma(total.value()) - lg;
  for (std::size_t i = 0; i < a.size(); ++i) acc += c_log(a[i] - 1.0, x[i]);
  return acc;
}

double log_prob_scalar(const Distribution& p, double x) {
  if (std::isnan(x)) return kNaN;
  const std::vector<double>& v = p.params;
  switch (p.family) {
    case Family::Normal:
      if (std::isinf(x)) return kNegInf;
      return normal_log_pdf(x, v[0], v[1]);
    case Family::Bernoulli:
      if (x == 1.0) return std::log(v[0]);
      if (x == 0.0) return std::log1p(-v[0]);
      return kNegInf;
    case Family::Binomial: {
      const double n = v[0], pr = v[1];
      if (!is_count(x) || x > n) return kNegInf;
      if (pr > 0.0 && pr < 1.0) {
        // C(n, x) p^x (1-p)^(n-x) = ibeta_derivative(x + 1, n - x + 1, p) / (n + 1): far more
        // accurate than the lgamma sum below (which loses ~1e-16 n ln n) unless it underflows.
        const double pmf = boost::math::ibeta_derivative(x + 1.0, n - x + 1.0, pr) / (n + 1.0);
        if (pmf > 1e-300 && pmf <= 1.0) return std::log(pmf);
      }
      return boost::math::lgamma(n + 1.0) - boost::math::lgamma(x + 1.0) - boost::math::lgamma(n - x + 1.0) +
             c_log(x, pr) + c_log1p(n - x, -pr);
    }
    case Family::Categorical: {
      if (!is_count(x) || x >= static_cast<double>(v.size())) return kNegInf;
      NeumaierSum total;
      for (double w : v) total.add(w);
      return std::log(v[static_cast<std::size_t>(x)] / total.value());
    }
    case Family::Geometric:
      if (!is_count(x)) return kNegInf;
      return c_log1p(x, -v[0]) + std::log(v[0]);
    case Family::Poisson: {
      if (!is_count(x)) return kNegInf;
      if (v[0] > 0.0) {
        // e^-rate rate^x / x! = gamma_p_derivative(x + 1, rate), accurate unless it underflows.
        const double pmf = boost::math::gamma_p_derivative(x + 1.0, v[0]);
        if (pmf > 1e-300 && pmf <= 1.0) return std::log(pmf);
      }
      return c_log(x, v[0]) - v[0] - boost::math::lgamma(x + 1.0);
    }
    case Family::Exponential:
      if (x < 0.0 || std::isinf(x)) return kNegInf;
      return std::log(v[0]) - v[0] * x;
    case Family::Gamma: {
      const double k = v[0], rate = v[1];
      if (x < 0.0 || std::isinf(x)) return kNegInf;
      return k * std::log(rate) + c_log(k - 1.0, x) - rate * x - boost::math::lgamma(k);
    }
    case Family::Beta: {
      const double a = v[0], b = v[1];
      if (x < 0.0 || x > 1.0) return kNegInf;
      const double lbeta = boost::math::lgamma(a) + boost::math::lgamma(b) - boost::math::lgamma(a + b);
      return c_log(a - 1.0, x) + c_log1p(b - 1.0, -x) - lbeta;
    }
    case Family::Laplace:
      if (std::isinf(x)) return kNegInf;
      return -std::log(2.0 * v[1]) - std::fabs(x - v[0]) / v[1];
    case Family::Uniform:
      if (x < v[0] || x >= v[1]) return kNegInf;
      return -(std::log(0.5 * v[1] - 0.5 * v[0]) + kLn2);  // -ln(high - low) without overflow
    case Family::Gumbel: {
      if (std::isinf(x)) return kNegInf;
      const double z = (x - v[0]) / v[1];
      return -(z + std::exp(-z)) - std::log(v[1]);
    }
    case Family::Cauchy: {
      if (std::isinf(x)) return kNegInf;
      const double z = (x - v[0]) / v[1];
      return -std::log(detail::kPi * v[1]) - std::log1p(z * z);
    }
    case Family::LogNormal:
      if (!(x > 0.0) || std::isinf(x)) return kNegInf;
      return normal_log_pdf(std::log(x), v[0], v[1]) - std::log(x);
    case Family::HalfNormal:
      if (x < 0.0 || std::isinf(x)) return kNegInf;
      return kLn2 + normal_log_pdf(x, 0.0, v[0]);
    case Family::Pareto: {
      const double scale = v[0], alpha = v[1];
      if (x < scale || std::isinf(x)) return kNegInf;
      return std::log(alpha) - std::log(x) - alpha * std::log(x / scale);
    }
    case Family::MultivariateNormal:
    case Family::Dirichlet:
      break;
  }
  return kNaN;  // not reached: multivariate families are handled by the callers
}

}  // namespace

const char* family_name(Family family) {
  const FamilySpec* s = spec_of(family);
  return s ? s->name : "unknown";
}

namespace detail {

bool cholesky(const double* a, std::size_t d, std::vector<double>& l) {
  l.assign(d * d, 0.0);
  for (std::size_t j = 0; j < d; ++j) {
    double s = a[j * d + j];
    for (std::size_t k = 0; k < j; ++k) s -= l[j * d + k] * l[j * d + k];
    if (!(s > 0.0) || !std::isfinite(s)) return false;
    const double ljj = std::sqrt(s);
    l[j * d + j] = ljj;
    for (std::size_t i = j + 1; i < d; ++i) {
      double t = a[i * d + j];
      for (std::size_t k = 0; k < j; ++k) t -= l[i * d + k] * l[j * d + k];
      l[i * d + j] = t / ljj;
    }
  }
  return true;
}

std::vector<double> mvn_factor(const Distribution& p) {
  std::vector<double> l;
  if (!cholesky(mvn_cov(p), mvn_dim(p), l)) throw range_error("MultivariateNormal.covariance_matrix", "not positive definite");
  return l;
}

std::vector<double> categorical_probs(const Distribution& p) {
  NeumaierSum total;
  for (double w : p.params) total.add(w);
  const double s = total.value();
  std::vector<double> out(p.params);
  for (double& x : out) x /= s;
  return out;
}

void check_params(const Distribution& p) {
  const FamilySpec* s = spec_of(p.family);
  if (!s) throw range_error("family", "unknown distribution family (" + std::to_string(static_cast<int>(p.family)) + ")");
  const Family f = p.family;
  const std::vector<double>& v = p.params;
  if (s->count >= 0 && v.size() != static_cast<std::size_t>(s->count)) throw range_error("params", count_problem(*s, v.size()));
  switch (f) {
    case Family::Normal:
    case Family::Laplace:
    case Family::Gumbel:
    case Family::Cauchy:
    case Family::LogNormal:
      need_finite(v[0], f, "loc");
      need_positive(v[1], f, "scale");
      break;
    case Family::MultivariateNormal:
      check_mvn(v);
      break;
    case Family::Bernoulli:
      need_probability(v[0], f, "probs");
      break;
    case Family::Binomial:
      need_count(v[0], f, "total_count");
      need_probability(v[1], f, "probs");
      break;
    case Family::Categorical:
      check_weights(v, f, "probs");
      break;
    case Family::Geometric:
      if (!(v[0] > 0.0 && v[0] <= 1.0)) {
        throw range_error("Geometric.probs", "must be a number in (0, 1] (got " + format_number(v[0]) + ")");
      }
      break;
    case Family::Poisson:
      need_nonnegative(v[0], f, "rate");
      break;
    case Family::Exponential:
      need_positive(v[0], f, "rate");
      break;
    case Family::Gamma:
      need_positive(v[0], f, "concentration");
      need_positive(v[1], f, "rate");
      break;
    case Family::Beta:
      need_positive(v[0], f, "concentration1");
      need_positive(v[1], f, "concentration0");
      break;
    case Family::Uniform:
      need_finite(v[0], f, "low");
      need_finite(v[1], f, "high");
      if (!(v[1] > v[0])) {
        throw range_error("Uniform.high", "must be greater than low = " + format_number(v[0]) + " (got " + format_number(v[1]) + ")");
      }
      break;
    case Family::Dirichlet:
      if (v.size() < 2) throw range_error("Dirichlet.concentration", "needs at least 2 entries (got " + std::to_string(v.size()) + ")");
      for (std::size_t i = 0; i < v.size(); ++i) {
        if (!(std::isfinite(v[i]) && v[i] > 0.0)) {
          throw range_error("Dirichlet.concentration",
                            "entry " + std::to_string(i) + " must be a finite number > 0 (got " + format_number(v[i]) + ")");
        }
      }
      break;
    case Family::HalfNormal:
      need_positive(v[0], f, "scale");
      break;
    case Family::Pareto:
      need_positive(v[0], f, "scale");
      need_positive(v[1], f, "alpha");
      break;
  }
}

void check_argument(const Distribution& p, const char* argument) {
  try {
    check_params(p);
  } catch (const ArgumentError& e) {
    throw range_error(argument, e.what());
  }
}

}  // namespace detail

Distribution make_distribution(std::string_view name, const std::vector<double>& params) {
  const FamilySpec* found = nullptr;
  for (const FamilySpec& s : kFamilies) {
    const std::string_view candidate(s.name);
    if (candidate.size() != name.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < name.size() && same; ++i) {
      char c = name[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      char t = candidate[i];
      if (t >= 'A' && t <= 'Z') t = static_cast<char>(t - 'A' + 'a');
      same = c == t;
    }
    if (same) {
      found = &s;
      break;
    }
  }
  if (!found) {
    std::string expected;
    for (const FamilySpec& s : kFamilies) {
      if (!expected.empty()) expected += ", ";
      expected += s.name;
    }
    throw range_error("family", "unknown distribution \"" + std::string(name) + "\" (expected one of " + expected + ")");
  }
  Distribution d{found->family, params};
  detail::check_params(d);
  if (d.family == Family::Categorical) {
    d.params = detail::categorical_probs(d);
  } else if (d.family == Family::MultivariateNormal) {
    const std::size_t n = detail::mvn_dim(d);
    double* a = d.params.data() + 1 + n;
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        const double mean = 0.5 * (a[i * n + j] + a[j * n + i]);
        a[i * n + j] = a[j * n + i] = mean;
      }
    }
  }
  return d;
}

double log_prob(const Distribution& p, double x) {
  detail::check_argument(p, "p");
  if (p.family == Family::MultivariateNormal) {
    if (detail::mvn_dim(p) != 1) {
      const std::string d = std::to_string(detail::mvn_dim(p));
      throw range_error("x", "MultivariateNormal has dimension " + d + "; pass " + d + " numbers");
    }
    return log_prob_mvn(p, Span(&x, 1));
  }
  if (p.family == Family::Dirichlet) {
    const std::string k = std::to_string(p.params.size());
    throw range_error("x", "Dirichlet has " + k + " categories; pass " + k + " numbers");
  }
  return log_prob_scalar(p, x);
}

double log_prob(const Distribution& p, Span x) {
  detail::check_argument(p, "p");
  std::size_t dim = 1;
  if (p.family == Family::MultivariateNormal) dim = detail::mvn_dim(p);
  if (p.family == Family::Dirichlet) dim = p.params.size();
  if (x.size != dim) {
    throw range_error("x", "length " + std::to_string(x.size) + " differs from the dimension of p (" + std::to_string(dim) + ")");
  }
  if (p.family == Family::MultivariateNormal) return log_prob_mvn(p, x);
  if (p.family == Family::Dirichlet) return log_prob_dirichlet(p, x);
  return log_prob_scalar(p, x[0]);
}

}  // namespace divergence
