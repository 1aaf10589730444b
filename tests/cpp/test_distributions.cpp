// Parametric distributions: reference cases, KL(P||P) = 0, KL >= 0 on random pairs, affine
// invariance, Monte Carlo agreement of every closed form (200,000 fixed-seed samples, within 3
// standard errors), high-precision values (mpmath), hand-checked formulas, log densities that
// integrate to 1, entropies, the infinite and unsupported pairs, and every error message.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "divergence/discrete.hpp"
#include "divergence/distributions.hpp"
#include "divergence/errors.hpp"
#include "reference_cases.hpp"

namespace {

using divergence::Distribution;
using divergence::Family;
using divergence::make_distribution;

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kPi = 3.141592653589793238462643383279502884;

Distribution make(const char* family, std::vector<double> params) { return make_distribution(family, params); }

// A MultivariateNormal from loc[d] and a row-major d*d covariance.
Distribution mvn(std::vector<double> loc, std::vector<double> cov) {
  std::vector<double> params{static_cast<double>(loc.size())};
  params.insert(params.end(), loc.begin(), loc.end());
  params.insert(params.end(), cov.begin(), cov.end());
  return make_distribution("MultivariateNormal", params);
}

std::string describe(const Distribution& d) {
  std::string s = divergence::family_name(d.family);
  s += "(";
  for (std::size_t i = 0; i < d.params.size(); ++i) s += (i ? ", " : "") + std::to_string(d.params[i]);
  return s + ")";
}

bool near_rel(double got, double want, double rtol, double atol = 0.0) {
  if (std::isinf(want)) return got == want;
  return std::fabs(got - want) <= atol + rtol * std::fabs(want);
}

// ---------------------------------------------------------------------------------------------
// Reference cases

Distribution from_reference(const std::string& function, const reference::json& a) {
  auto num = [&](const char* key) { return reference::number(a[key]); };
  if (function == "kl_normal_normal") return make("Normal", {num("loc"), num("scale")});
  if (function == "kl_laplace_laplace") return make("Laplace", {num("loc"), num("scale")});
  if (function == "kl_cauchy_cauchy") return make("Cauchy", {num("loc"), num("scale")});
  if (function == "kl_gumbel_gumbel") return make("Gumbel", {num("loc"), num("scale")});
  if (function == "kl_bernoulli_bernoulli") return make("Bernoulli", {reference::number(a)});
  if (function == "kl_uniform_uniform") return make("Uniform", {num("low"), num("high")});
  if (function == "kl_beta_beta") return make("Beta", {num("alpha"), num("beta")});
  if (function == "kl_gamma_gamma") return make("Gamma", {num("concentration"), num("rate")});
  if (function == "kl_exponential_exponential") return make("Exponential", {num("rate")});
  if (function == "kl_poisson_poisson") return make("Poisson", {num("rate")});
  throw std::runtime_error("unexpected reference function " + function);
}

TEST(DistributionReference, ClosedFormKlCases) {
  const std::vector<std::string> functions{"kl_normal_normal",   "kl_bernoulli_bernoulli", "kl_uniform_uniform",
                                           "kl_beta_beta",       "kl_gamma_gamma",         "kl_exponential_exponential",
                                           "kl_poisson_poisson", "kl_laplace_laplace",     "kl_cauchy_cauchy",
                                           "kl_gumbel_gumbel"};
  int checked = 0;
  for (const auto& c : reference::cases()) {
    const std::string f = c["function"].get<std::string>();
    if (std::find(functions.begin(), functions.end(), f) == functions.end()) continue;
    const reference::Expectation e = reference::expectation(c);
    ASSERT_EQ(e.kind, reference::Expectation::Kind::Value) << f;
    const Distribution p = from_reference(f, c["args"]["p"]);
    const Distribution q = from_reference(f, c["args"]["q"]);
    const double got = divergence::kl_divergence(p, q);
    EXPECT_TRUE(reference::close(got, e.value, 1e-12, 0.0))
        << f << " " << describe(p) << " || " << describe(q) << ": got " << got << ", want " << e.value;
    ++checked;
  }
  EXPECT_EQ(checked, 13);  // every kl_<family>_<family> case in reference_cases.json
}

// ---------------------------------------------------------------------------------------------
// Random parameters (fixed seed)

struct Rng {
  std::mt19937_64 g{20240611};
  double uniform(double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(g); }
  double log_uniform(double lo, double hi) { return std::exp(uniform(std::log(lo), std::log(hi))); }
  int integer(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(g); }
};

const std::vector<Family> kAllFamilies{
    Family::Normal,  Family::MultivariateNormal, Family::Bernoulli, Family::Binomial, Family::Categorical,
    Family::Geometric, Family::Poisson,          Family::Exponential, Family::Gamma,  Family::Beta,
    Family::Laplace, Family::Uniform,            Family::Dirichlet, Family::Gumbel,   Family::Cauchy,
    Family::LogNormal, Family::HalfNormal,       Family::Pareto};

// Random positive-definite covariance A A' + 0.1 I.
std::vector<double> random_covariance(Rng& r, int d) {
  std::vector<double> a(d * d), c(d * d, 0.0);
  for (double& x : a) x = r.uniform(-1.5, 1.5);
  for (int i = 0; i < d; ++i)
    for (int j = 0; j < d; ++j) {
      for (int k = 0; k < d; ++k) c[i * d + j] += a[i * d + k] * a[j * d + k];
      if (i == j) c[i * d + j] += 0.1;
    }
  return c;
}

// A random member of a family; `shape` carries what must agree between P and Q (the dimension of
// MultivariateNormal, the length of Categorical / Dirichlet, the total_count of Binomial).
Distribution random_member(Family f, Rng& r, int shape) {
  const char* name = divergence::family_name(f);
  switch (f) {
    case Family::Normal:
    case Family::Laplace:
    case Family::Gumbel:
    case Family::Cauchy:
    case Family::LogNormal:
      return make(name, {r.uniform(-3, 3), r.log_uniform(0.1, 8)});
    case Family::MultivariateNormal: {
      std::vector<double> loc(shape);
      for (double& x : loc) x = r.uniform(-2, 2);
      return mvn(loc, random_covariance(r, shape));
    }
    case Family::Bernoulli:  // one in ten at the edges 0 and 1
      return make(name, {r.uniform(0, 1) < 0.1 ? r.integer(0, 1) : r.uniform(0, 1)});
    case Family::Binomial:
      return make(name, {static_cast<double>(shape), r.uniform(0, 1) < 0.1 ? r.integer(0, 1) : r.uniform(0, 1)});
    case Family::Categorical:
    case Family::Dirichlet: {
      std::vector<double> w(shape);
      for (double& x : w) x = f == Family::Dirichlet ? r.log_uniform(0.05, 20) : (r.uniform(0, 1) < 0.15 ? 0.0 : r.uniform(0, 1));
      if (f == Family::Categorical) w[r.integer(0, shape - 1)] += 0.1;
      return make(name, w);
    }
    case Family::Geometric:
      return make(name, {r.uniform(0, 1) < 0.05 ? 1.0 : r.uniform(0.01, 1)});
    case Family::Poisson:
      return make(name, {r.uniform(0, 1) < 0.05 ? 0.0 : r.log_uniform(0.01, 100)});
    case Family::Exponential:
    case Family::HalfNormal:
      return make(name, {r.log_uniform(0.05, 20)});
    case Family::Gamma:
    case Family::Beta:
      return make(name, {r.log_uniform(0.05, 50), r.log_uniform(0.05, 50)});
    case Family::Uniform: {
      const double low = r.uniform(-3, 3);
      return make(name, {low, low + r.log_uniform(0.1, 6)});
    }
    case Family::Pareto:
      return make(name, {r.log_uniform(0.2, 5), r.log_uniform(0.1, 20)});
  }
  throw std::runtime_error("unreachable");
}

int random_shape(Family f, Rng& r) {
  switch (f) {
    case Family::MultivariateNormal:
      return r.integer(1, 4);
    case Family::Binomial:
      return r.integer(0, 60);
    case Family::Categorical:
      return r.integer(1, 6);
    case Family::Dirichlet:
      return r.integer(2, 5);
    default:
      return 0;
  }
}

// P with every parameter multiplied by (1 + eps) (and the integer ones kept).
Distribution nudged(const Distribution& p, double eps) {
  Distribution q = p;
  std::size_t first = 0;
  if (p.family == Family::Binomial || p.family == Family::MultivariateNormal) first = 1;
  for (std::size_t i = first; i < q.params.size(); ++i) q.params[i] *= 1.0 + eps;
  if (p.family == Family::Bernoulli || p.family == Family::Binomial || p.family == Family::Geometric) {
    double& pr = q.params.back();
    if (pr > 1.0) pr = p.params.back();
  }
  if (p.family == Family::Uniform) q.params[0] = p.params[0] - std::fabs(p.params[0]) * eps;  // keep Q covering P
  if (p.family == Family::Pareto) q.params[0] = p.params[0] / (1.0 + eps);
  return q;
}

TEST(DistributionKl, SelfDivergenceIsZero) {
  Rng r;
  for (Family f : kAllFamilies) {
    for (int rep = 0; rep < 200; ++rep) {
      const Distribution p = random_member(f, r, random_shape(f, r));
      const double kl = divergence::kl_divergence(p, p);
      EXPECT_EQ(kl, 0.0) << describe(p);  // exactly
    }
  }
}

TEST(DistributionKl, NonNegativeOverRandomPairs) {
  Rng r;
  for (Family f : kAllFamilies) {
    int finite = 0;
    for (int rep = 0; rep < 2000; ++rep) {
      const int shape = random_shape(f, r);
      const Distribution p = random_member(f, r, shape);
      // Half the pairs are independent draws, half nearly equal (where rounding could go negative).
      const Distribution q = rep % 2 ? random_member(f, r, shape) : nudged(p, std::pow(10.0, -r.uniform(3, 15)));
      const double kl = divergence::kl_divergence(p, q);
      ASSERT_FALSE(std::isnan(kl)) << describe(p) << " || " << describe(q);
      EXPECT_GE(kl, 0.0) << describe(p) << " || " << describe(q);
      if (std::isfinite(kl)) ++finite;
    }
    EXPECT_GT(finite, 500) << divergence::family_name(f);
  }
}

TEST(DistributionKl, CrossFamilyNonNegativeOverRandomPairs) {
  Rng r;
  int pairs = 0;
  for (Family fp : kAllFamilies) {
    for (Family fq : kAllFamilies) {
      if (fp == fq) continue;
      for (int rep = 0; rep < 300; ++rep) {
        const Distribution p = random_member(fp, r, random_shape(fp, r));
        const Distribution q = random_member(fq, r, random_shape(fq, r));
        double kl;
        try {
          kl = divergence::kl_divergence(p, q);
        } catch (const divergence::ArgumentError&) {
          break;  // unsupported pair (checked in UnsupportedPairsThrow)
        }
        ++pairs;
        ASSERT_FALSE(std::isnan(kl)) << describe(p) << " || " << describe(q);
        EXPECT_GE(kl, 0.0) << describe(p) << " || " << describe(q);
      }
    }
  }
  EXPECT_EQ(pairs, 300 * 50);  // 24 cross pairs with a formula + 26 always infinite (see InfiniteWhere...)
}

// ---------------------------------------------------------------------------------------------
// Affine invariance: KL(aP + b || aQ + b) = KL(P || Q).

Distribution affine(const Distribution& d, double a, double b) {
  const auto& v = d.params;
  const char* name = divergence::family_name(d.family);
  switch (d.family) {
    case Family::Normal:
    case Family::Laplace:
    case Family::Cauchy:
      return make(name, {a * v[0] + b, std::fabs(a) * v[1]});
    case Family::Gumbel:  // closed under a > 0 only
      return make(name, {a * v[0] + b, a * v[1]});
    case Family::Uniform:
      return a > 0 ? make(name, {a * v[0] + b, a * v[1] + b}) : make(name, {a * v[1] + b, a * v[0] + b});
    default:
      throw std::runtime_error("not closed under affine maps");
  }
}

TEST(DistributionKl, AffineInvariance) {
  Rng r;
  const std::vector<std::pair<Family, Family>> pairs{
      {Family::Normal, Family::Normal},   {Family::Laplace, Family::Laplace}, {Family::Gumbel, Family::Gumbel},
      {Family::Cauchy, Family::Cauchy},   {Family::Uniform, Family::Uniform}, {Family::Uniform, Family::Normal},
      {Family::Laplace, Family::Normal},  {Family::Gumbel, Family::Normal},   {Family::Normal, Family::Gumbel},
      {Family::Normal, Family::Laplace},  {Family::Uniform, Family::Gumbel}};
  for (const auto& [fp, fq] : pairs) {
    const bool reflect = fp != Family::Gumbel && fq != Family::Gumbel;
    for (int rep = 0; rep < 200; ++rep) {
      const Distribution p = random_member(fp, r, 0);
      Distribution q = random_member(fq, r, 0);
      if (fp == Family::Uniform && fq == Family::Uniform && rep % 2 == 0) {
        q = make("Uniform", {p.params[0] - r.uniform(0, 2), p.params[1] + r.uniform(0, 2)});  // finite KL
      }
      const double a = (reflect && rep % 3 == 0 ? -1.0 : 1.0) * r.log_uniform(0.25, 4);
      const double b = r.uniform(-3, 3);
      const double kl = divergence::kl_divergence(p, q);
      const double moved = divergence::kl_divergence(affine(p, a, b), affine(q, a, b));
      EXPECT_TRUE(near_rel(moved, kl, 1e-12, 1e-14))
          << describe(p) << " || " << describe(q) << " a=" << a << " b=" << b << ": " << moved << " vs " << kl;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Samplers (test-only). std:: distributions where they exist.

using Sampler = std::function<std::vector<double>(std::mt19937_64&)>;

// Lower Cholesky factor, written independently of the library's.
std::vector<double> test_cholesky(const std::vector<double>& a, int d) {
  std::vector<double> l(d * d, 0.0);
  for (int i = 0; i < d; ++i)
    for (int j = 0; j <= i; ++j) {
      double s = a[i * d + j];
      for (int k = 0; k < j; ++k) s -= l[i * d + k] * l[j * d + k];
      l[i * d + j] = i == j ? std::sqrt(s) : s / l[j * d + j];
    }
  return l;
}

Sampler sampler(const Distribution& dist) {
  const std::vector<double> v = dist.params;
  auto scalar = [](auto f) { return Sampler([f](std::mt19937_64& g) mutable { return std::vector<double>{f(g)}; }); };
  switch (dist.family) {
    case Family::Normal:
      return scalar(std::normal_distribution<double>(v[0], v[1]));
    case Family::LogNormal:
      return scalar(std::lognormal_distribution<double>(v[0], v[1]));
    case Family::HalfNormal:
      return scalar([n = std::normal_distribution<double>(0.0, v[0])](std::mt19937_64& g) mutable { return std::fabs(n(g)); });
    case Family::Bernoulli:
      return scalar([b = std::bernoulli_distribution(v[0])](std::mt19937_64& g) mutable { return b(g) ? 1.0 : 0.0; });
    case Family::Binomial:
      return scalar([b = std::binomial_distribution<long long>(static_cast<long long>(v[0]), v[1])](std::mt19937_64& g) mutable {
        return static_cast<double>(b(g));
      });
    case Family::Categorical:
      return scalar([c = std::discrete_distribution<int>(v.begin(), v.end())](std::mt19937_64& g) mutable {
        return static_cast<double>(c(g));
      });
    case Family::Geometric:  // failures before the first success, as std::geometric_distribution
      return scalar([p = v[0], b = std::geometric_distribution<long long>(v[0] < 1 ? v[0] : 0.5)](std::mt19937_64& g) mutable {
        return p == 1.0 ? 0.0 : static_cast<double>(b(g));
      });
    case Family::Poisson:
      return scalar([r = v[0], b = std::poisson_distribution<long long>(v[0] > 0 ? v[0] : 1.0)](std::mt19937_64& g) mutable {
        return r == 0.0 ? 0.0 : static_cast<double>(b(g));
      });
    case Family::Exponential:
      return scalar(std::exponential_distribution<double>(v[0]));
    case Family::Gamma:
      return scalar(std::gamma_distribution<double>(v[0], 1.0 / v[1]));
    case Family::Beta:
      return scalar([x = std::gamma_distribution<double>(v[0], 1.0), y = std::gamma_distribution<double>(v[1], 1.0)](
                        std::mt19937_64& g) mutable {
        const double a = x(g);
        return a / (a + y(g));
      });
    case Family::Laplace:
      return scalar([m = v[0], s = v[1], e = std::exponential_distribution<double>(1.0)](std::mt19937_64& g) mutable {
        return m + s * (e(g) - e(g));
      });
    case Family::Uniform:
      return scalar(std::uniform_real_distribution<double>(v[0], v[1]));
    case Family::Gumbel:
      return scalar(std::extreme_value_distribution<double>(v[0], v[1]));
    case Family::Cauchy:
      return scalar(std::cauchy_distribution<double>(v[0], v[1]));
    case Family::Pareto:  // ln(X/scale) ~ Exponential(alpha)
      return scalar([s = v[0], e = std::exponential_distribution<double>(v[1])](std::mt19937_64& g) mutable {
        return s * std::exp(e(g));
      });
    case Family::Dirichlet:
      return [v](std::mt19937_64& g) {
        std::vector<double> x(v.size());
        double total = 0.0;
        for (std::size_t i = 0; i < v.size(); ++i) total += x[i] = std::gamma_distribution<double>(v[i], 1.0)(g);
        for (double& xi : x) xi /= total;
        return x;
      };
    case Family::MultivariateNormal: {
      const int d = static_cast<int>(v[0]);
      const std::vector<double> loc(v.begin() + 1, v.begin() + 1 + d);
      const std::vector<double> l = test_cholesky(std::vector<double>(v.begin() + 1 + d, v.end()), d);
      return [d, loc, l](std::mt19937_64& g) {
        std::normal_distribution<double> n;
        std::vector<double> z(d), x(loc);
        for (double& zi : z) zi = n(g);
        for (int i = 0; i < d; ++i)
          for (int k = 0; k <= i; ++k) x[i] += l[i * d + k] * z[k];
        return x;
      };
    }
  }
  throw std::runtime_error("unreachable");
}

struct McResult {
  double mean, standard_error;
  bool q_excludes_a_sample;  // some sample had log q = -inf
};

McResult monte_carlo(const Distribution& p, const Distribution& q, int n = 200000, std::uint64_t seed = 7) {
  std::mt19937_64 g(seed);
  Sampler draw = sampler(p);
  double mean = 0.0, m2 = 0.0;
  int count = 0;
  bool excluded = false;
  for (int i = 0; i < n; ++i) {
    const std::vector<double> x = draw(g);
    const double lp = divergence::log_prob(p, x);
    const double lq = divergence::log_prob(q, x);
    if (lq == -kInf) {
      excluded = true;
      continue;
    }
    const double d = lp - lq;
    ++count;
    const double delta = d - mean;
    mean += delta / count;
    m2 += delta * (d - mean);
  }
  return {mean, std::sqrt(m2 / (count - 1) / count), excluded};
}

struct Pair {
  Distribution p, q;
};

std::vector<Pair> same_family_pairs() {
  return {
      {make("Normal", {0.3, 1.2}), make("Normal", {-0.5, 0.8})},
      {mvn({0.2, -0.4, 1.0}, {2.0, 0.3, -0.4, 0.3, 1.0, 0.2, -0.4, 0.2, 0.8}),
       mvn({-0.3, 0.1, 0.6}, {1.5, -0.2, 0.1, -0.2, 0.9, 0.3, 0.1, 0.3, 1.2})},
      {make("Bernoulli", {0.3}), make("Bernoulli", {0.6})},
      {make("Binomial", {12, 0.35}), make("Binomial", {12, 0.5})},
      {make("Categorical", {0.2, 0.5, 0.3}), make("Categorical", {0.4, 0.4, 0.2})},
      {make("Geometric", {0.3}), make("Geometric", {0.55})},
      {make("Poisson", {4.5}), make("Poisson", {3})},
      {make("Exponential", {1.5}), make("Exponential", {0.7})},
      {make("Gamma", {2.5, 1.5}), make("Gamma", {1.2, 0.8})},
      {make("Beta", {2.5, 1.5}), make("Beta", {1.3, 3})},
      {make("Laplace", {0.5, 1.3}), make("Laplace", {-0.4, 0.9})},
      {make("Uniform", {0.2, 1.1}), make("Uniform", {-0.5, 2})},
      {make("Dirichlet", {1.5, 2, 3}), make("Dirichlet", {2, 1.2, 2.5})},
      {make("Gumbel", {0.4, 1.2}), make("Gumbel", {-0.3, 1.6})},
      {make("Cauchy", {0.5, 1.3}), make("Cauchy", {-1, 0.7})},
      {make("LogNormal", {0.2, 0.6}), make("LogNormal", {-0.1, 0.9})},
      {make("HalfNormal", {1.3}), make("HalfNormal", {0.8})},
      {make("Pareto", {1.5, 3}), make("Pareto", {1.2, 2})},
  };
}

std::vector<Pair> cross_family_pairs() {
  return {
      {make("Bernoulli", {0.3}), make("Poisson", {0.8})},
      {make("Beta", {2, 3}), make("Exponential", {1.5})},
      {make("Beta", {2, 3}), make("Gamma", {2, 3})},
      {make("Beta", {2, 3}), make("Normal", {0.4, 0.3})},
      {make("Beta", {2, 3}), make("Uniform", {-0.5, 1.5})},
      {make("Exponential", {1.3}), make("Gamma", {2, 1.5})},
      {make("Exponential", {1.3}), make("Gumbel", {0.5, 1.5})},
      {make("Exponential", {1.3}), make("Normal", {0.5, 1.2})},
      {make("Gamma", {2.5, 1.5}), make("Exponential", {0.9})},
      {make("Gamma", {2.5, 1.5}), make("Gumbel", {1, 1.5})},
      {make("Gamma", {2.5, 1.5}), make("Normal", {1.5, 1.3})},
      {make("Gumbel", {0.3, 0.8}), make("Normal", {0.5, 1.2})},
      {make("Laplace", {0.2, 0.8}), make("Normal", {0, 1.3})},
      {make("Normal", {0.3, 0.9}), make("Gumbel", {0, 1.2})},
      {make("Normal", {0.3, 0.9}), make("Laplace", {0.5, 1.1})},
      {make("Pareto", {1, 5}), make("Exponential", {0.8})},
      {make("Pareto", {1, 5}), make("Gamma", {2, 1.2})},
      {make("Pareto", {1, 10}), make("Normal", {1, 0.5})},
      {make("Uniform", {0.2, 0.9}), make("Beta", {2, 3})},
      {make("Uniform", {0.5, 2}), make("Exponential", {0.8})},
      {make("Uniform", {0.5, 2}), make("Gamma", {2.5, 1.5})},
      {make("Uniform", {-1, 2}), make("Gumbel", {0.3, 1.4})},
      {make("Uniform", {-1, 2}), make("Normal", {0.2, 1.5})},
      {make("Uniform", {1.5, 3}), make("Pareto", {1.2, 2.5})},
      {make("Uniform", {0, 0.5}), make("Gamma", {0.5, 2})},
  };
}

void expect_monte_carlo_agrees(const Pair& pr) {
  const double kl = divergence::kl_divergence(pr.p, pr.q);
  const McResult mc = monte_carlo(pr.p, pr.q);
  ASSERT_TRUE(std::isfinite(kl)) << describe(pr.p) << " || " << describe(pr.q);
  EXPECT_FALSE(mc.q_excludes_a_sample) << describe(pr.p) << " || " << describe(pr.q);
  EXPECT_LE(std::fabs(kl - mc.mean), 3.0 * mc.standard_error + 1e-12)
      << describe(pr.p) << " || " << describe(pr.q) << ": closed form " << kl << ", Monte Carlo " << mc.mean << " +- "
      << mc.standard_error;
}

TEST(DistributionMonteCarlo, SameFamilyClosedFormsAgree) {
  const auto pairs = same_family_pairs();
  ASSERT_EQ(pairs.size(), kAllFamilies.size());
  for (const Pair& pr : pairs) expect_monte_carlo_agrees(pr);
}

TEST(DistributionMonteCarlo, CrossFamilyClosedFormsAgree) {
  for (const Pair& pr : cross_family_pairs()) expect_monte_carlo_agrees(pr);
}

// Infinite KL because P puts mass where Q has none: some sample of P has log q = -inf.
TEST(DistributionMonteCarlo, InfiniteWhereSupportsDoNotNest) {
  const std::vector<Pair> pairs{
      {make("Uniform", {0, 2}), make("Uniform", {0, 1})},
      {make("Uniform", {-1, 1}), make("Exponential", {1})},
      {make("Uniform", {-0.5, 0.5}), make("Gamma", {2, 1})},
      {make("Uniform", {-0.5, 0.5}), make("Beta", {2, 2})},
      {make("Uniform", {0.5, 1.5}), make("Beta", {2, 2})},
      {make("Uniform", {0.5, 2}), make("Pareto", {1, 2})},
      {make("Beta", {2, 2}), make("Uniform", {0.2, 1})},
      {make("Beta", {2, 2}), make("Pareto", {0.5, 2})},
      {make("Pareto", {1, 3}), make("Pareto", {1.5, 3})},
      {make("Bernoulli", {0.3}), make("Bernoulli", {0})},
      {make("Binomial", {10, 0.5}), make("Binomial", {8, 0.5})},
      {make("Poisson", {2}), make("Bernoulli", {0.5})},
      {make("Poisson", {2}), make("Binomial", {5, 0.5})},
      {make("Categorical", {0.5, 0.5}), make("Categorical", {1, 0})},
      {make("Exponential", {1}), make("Beta", {2, 2})},
      {make("Exponential", {1}), make("Pareto", {1, 2})},
      {make("Exponential", {1}), make("Uniform", {0, 1})},
      {make("Gamma", {2, 1}), make("Beta", {2, 2})},
      {make("Gamma", {2, 1}), make("Pareto", {1, 2})},
      {make("Gamma", {2, 1}), make("Uniform", {0, 1})},
      {make("Pareto", {0.5, 2}), make("Beta", {2, 2})},
      {make("Pareto", {1, 2}), make("Uniform", {0, 10})},
  };
  std::vector<Family> continuous_unbounded{Family::Normal, Family::Laplace, Family::Gumbel};
  std::vector<Pair> all = pairs;
  for (Family f : continuous_unbounded) {
    const Distribution p = make(divergence::family_name(f), {0.5, 1});
    for (const Distribution& q : {make("Beta", {2, 2}), make("Exponential", {1}), make("Gamma", {2, 1}),
                                  make("Pareto", {1, 2}), make("Uniform", {-1, 1})}) {
      all.push_back({p, q});
    }
  }
  for (const Pair& pr : all) {
    EXPECT_EQ(divergence::kl_divergence(pr.p, pr.q), kInf) << describe(pr.p) << " || " << describe(pr.q);
    EXPECT_TRUE(monte_carlo(pr.p, pr.q, 20000).q_excludes_a_sample) << describe(pr.p) << " || " << describe(pr.q);
  }
}

TEST(DistributionKl, InfiniteWhereAMomentIsInfinite) {
  EXPECT_EQ(divergence::kl_divergence(make("Pareto", {1, 1}), make("Exponential", {1})), kInf);
  EXPECT_EQ(divergence::kl_divergence(make("Pareto", {1, 0.5}), make("Gamma", {2, 1})), kInf);
  EXPECT_EQ(divergence::kl_divergence(make("Pareto", {1, 2}), make("Normal", {0, 1})), kInf);
  EXPECT_TRUE(std::isfinite(divergence::kl_divergence(make("Pareto", {1, 2.01}), make("Normal", {0, 1}))));
  // PyTorch's convention for Poisson -> Bernoulli/Binomial and larger total_count, kept as is.
  EXPECT_EQ(divergence::kl_divergence(make("Poisson", {0}), make("Bernoulli", {0.5})), kInf);
  EXPECT_EQ(divergence::kl_divergence(make("Binomial", {5, 0}), make("Binomial", {4, 0.5})), kInf);
}

// ---------------------------------------------------------------------------------------------
// Values computed independently with mpmath 1.3.0 at 40 digits: numerical integration (mp.quad)
// of p(x) ln(p(x)/q(x)) for the continuous pairs, summation over the support for the discrete
// ones. They are the Monte Carlo pairs above, so the closed forms are pinned to 1e-12.

struct Known {
  const char* fp;
  std::vector<double> pp;
  const char* fq;
  std::vector<double> qp;
  double value;
};

TEST(DistributionKl, MatchesHighPrecisionIntegration) {
  const std::vector<Known> table = {
    {"Normal", {0.3, 1.2}, "Normal", {-0.5, 0.8}, 0.71953489189183561802},
    {"Laplace", {0.5, 1.3}, "Laplace", {-0.4, 0.9}, 0.3551039937288393857},
    {"Gumbel", {0.4, 1.2}, "Gumbel", {-0.3, 1.6}, 0.17426952238147413403},
    {"Cauchy", {0.5, 1.3}, "Cauchy", {-1, 0.7}, 0.54059778209966083841},
    {"Exponential", {1.5}, "Exponential", {0.7}, 0.22880671871356342756},
    {"Gamma", {2.5, 1.5}, "Gamma", {1.2, 0.8}, 0.13171039700276343267},
    {"Beta", {2.5, 1.5}, "Beta", {1.3, 3}, 1.1976984694112639483},
    {"Uniform", {0.2, 1.1}, "Uniform", {-0.5, 2}, 1.0216512475319813664},
    {"LogNormal", {0.2, 0.6}, "LogNormal", {-0.1, 0.9}, 0.18324288588594215976},
    {"HalfNormal", {1.3}, "HalfNormal", {0.8}, 0.3348046842182991922},
    {"Pareto", {1.5, 3}, "Pareto", {1.2, 2}, 0.51841887740325056018},
    {"Beta", {2, 3}, "Exponential", {1.5}, 0.42944154167983592825},
    {"Beta", {2, 3}, "Gamma", {2, 3}, 0.32101540578511426077},
    {"Beta", {2, 3}, "Normal", {0.4, 0.3}, 0.17209460088895928161},
    {"Beta", {2, 3}, "Uniform", {-0.5, 1.5}, 0.92805383034794561965},
    {"Exponential", {1.3}, "Gamma", {2, 1.5}, 0.44486013146634004688},
    {"Exponential", {1.3}, "Gumbel", {0.5, 1.5}, 0.76984001949262291469},
    {"Exponential", {1.3}, "Normal", {0.5, 1.2}, 0.59424976537999087236},
    {"Gamma", {2.5, 1.5}, "Exponential", {0.9}, 0.28087771426093630441},
    {"Gamma", {2.5, 1.5}, "Gumbel", {1, 1.5}, 0.30217010768981256597},
    {"Gamma", {2.5, 1.5}, "Normal", {1.5, 1.3}, 0.19376937168618766945},
    {"Gumbel", {0.3, 0.8}, "Normal", {0.5, 1.2}, 0.13652223379023285882},
    {"Laplace", {0.2, 0.8}, "Normal", {0, 1.3}, 0.10183171280512646502},
    {"Normal", {0.3, 0.9}, "Gumbel", {0, 1.2}, 0.1504869467462108566},
    {"Normal", {0.3, 0.9}, "Laplace", {0.5, 1.1}, 0.14374685678175677353},
    {"Pareto", {1, 5}, "Exponential", {0.8}, 1.6325814637483101304},
    {"Pareto", {1, 5}, "Gamma", {2, 1.2}, 1.3447947988461911222},
    {"Pareto", {1, 10}, "Normal", {1, 0.5}, 1.4839320011943286719},
    {"Uniform", {0.2, 0.9}, "Beta", {2, 3}, 0.39955335859237502384},
    {"Uniform", {0.5, 2}, "Exponential", {0.8}, 0.81767844320604537379},
    {"Uniform", {0.5, 2}, "Gamma", {2.5, 1.5}, 0.50768704069448054917},
    {"Uniform", {-1, 2}, "Gumbel", {0.3, 1.4}, 0.42323596190843359109},
    {"Uniform", {-1, 2}, "Normal", {0.2, 1.5}, 0.41245801931139409903},
    {"Uniform", {1.5, 3}, "Pareto", {1.2, 2.5}, 0.99359841033098649015},
    {"Uniform", {0, 0.5}, "Gamma", {0.5, 2}, 0.57236494292470008707},
    {"Uniform", {0, 1}, "Beta", {0.5, 0.7}, 0.11860627945968245118},
    {"Poisson", {4.5}, "Poisson", {3}, 0.3245929864867397189},
    {"Binomial", {12, 0.35}, "Binomial", {12, 0.5}, 0.54840649830375421444},
    {"Geometric", {0.3}, "Geometric", {0.55}, 0.42480728508077599746},
    {"Bernoulli", {0.3}, "Poisson", {0.8}, 0.2560787633393694637},
    {"Bernoulli", {0.3}, "Bernoulli", {0.6}, 0.18378689738681228756},
  };
  ASSERT_GE(table.size(), 35u);
  for (const Known& k : table) {
    const Distribution p = make(k.fp, k.pp), q = make(k.fq, k.qp);
    EXPECT_TRUE(near_rel(divergence::kl_divergence(p, q), k.value, 1e-12))
        << describe(p) << " || " << describe(q) << ": " << divergence::kl_divergence(p, q) << " vs " << k.value;
  }
}

// Nearly equal parameters, where the textbook forms lose most digits; mpmath at 60 digits on the
// exact doubles.
TEST(DistributionKl, AccurateForCloseParameters) {
  const std::vector<Known> table = {
      {"Gamma", {2.5, 1.5}, "Gamma", {2.5000001, 1.5}, 2.4517887331087420818e-15},
      {"Gamma", {0.3, 1.0}, "Gamma", {0.3000003, 1.0}, 5.5104106588037516374e-13},
      {"Gamma", {0.001, 2.0}, "Gamma", {0.0011, 2.0}, 0.0046898284079415448145},
      {"Gamma", {50000.0, 2.0}, "Gamma", {50001.0, 2.0}, 0.000010000033333333332},
      {"Gamma", {50000.0, 2.0}, "Gamma", {60000.0, 2.5}, 50.689168061850804964},
      {"Gamma", {3.0, 2.0}, "Gamma", {3.0, 2.000000002}, 1.5000002472211230188e-18},
      {"Gamma", {7.0, 1.0}, "Gamma", {7.5, 1.1}, 0.0038945086669619562205},
      {"Beta", {2.0, 3.0}, "Beta", {2.000001, 3.0}, 2.1180549639410770626e-13},
      {"Beta", {0.5, 0.5}, "Beta", {0.5000001, 0.4999999}, 4.9348021980892024717e-14},
      {"Dirichlet", {1.5, 2.0, 3.0}, "Dirichlet", {1.5000002, 2.0, 2.9999999}, 1.9839290564490617894e-14},
      {"Gumbel", {0.0, 1.0}, "Gumbel", {1e-07, 1.0000001}, 9.8905586022185031401e-15},
      {"Gumbel", {2.0, 3.0}, "Gumbel", {2.0, 3.0000003}, 9.1184017294903057625e-15},
      {"Bernoulli", {0.3}, "Bernoulli", {0.300000001}, 2.3809525075919022116e-18},
      {"Bernoulli", {1e-12}, "Bernoulli", {2e-12}, 3.0685281944055468441e-13},
      {"Bernoulli", {0.999999}, "Bernoulli", {0.5}, 0.69313236504988694804},
      {"Geometric", {0.25}, "Geometric", {0.2500001}, 1.0666664770984488087e-13},
      {"Binomial", {40.0, 0.7}, "Binomial", {40.0, 0.7000001}, 9.5238107443038421532e-13},
      {"Laplace", {1.0, 2.0}, "Laplace", {1.000001, 2.000001}, 2.4999983334780228313e-13},
      {"Normal", {1.0, 2.0}, "Normal", {1.0, 2.000000002}, 1.000000163814081766e-18},
      {"HalfNormal", {2.0}, "HalfNormal", {2.0000002}, 9.999998345010898954e-15},
      {"Cauchy", {1.0, 2.0}, "Cauchy", {1.0000001, 2.0000001}, 1.2499999361841128942e-15},
      {"Pareto", {1.0, 3.0}, "Pareto", {1.0, 3.0000003}, 4.9999996651038767605e-15},
      {"Poisson", {4.0}, "Poisson", {4.0000004}, 1.9999998690021451411e-14},
      {"Exponential", {2.0}, "Exponential", {2.0000002}, 4.9999996725053628528e-15},
  };
  for (const Known& k : table) {
    const Distribution p = make(k.fp, k.pp), q = make(k.fq, k.qp);
    EXPECT_TRUE(near_rel(divergence::kl_divergence(p, q), k.value, 1e-12))
        << describe(p) << " || " << describe(q) << ": " << divergence::kl_divergence(p, q) << " vs " << k.value;
  }
}

// ---------------------------------------------------------------------------------------------
// Hand-checked formulas

// 3x3 determinant and inverse by cofactors, in long double.
long double det3(const long double m[9]) {
  return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
}
void inverse3(const long double m[9], long double out[9]) {
  const long double d = det3(m);
  out[0] = (m[4] * m[8] - m[5] * m[7]) / d;
  out[1] = (m[2] * m[7] - m[1] * m[8]) / d;
  out[2] = (m[1] * m[5] - m[2] * m[4]) / d;
  out[3] = (m[5] * m[6] - m[3] * m[8]) / d;
  out[4] = (m[0] * m[8] - m[2] * m[6]) / d;
  out[5] = (m[2] * m[3] - m[0] * m[5]) / d;
  out[6] = (m[3] * m[7] - m[4] * m[6]) / d;
  out[7] = (m[1] * m[6] - m[0] * m[7]) / d;
  out[8] = (m[0] * m[4] - m[1] * m[3]) / d;
}

TEST(DistributionKl, MultivariateNormalMatchesTextbookFormula) {
  // KL = 1/2 (tr(S2^-1 S1) + (m2-m1)' S2^-1 (m2-m1) - d + ln(det S2 / det S1))
  const std::vector<double> m1{0.2, -0.4, 1.0}, m2{-0.3, 0.1, 0.6};
  const std::vector<double> s1{2.0, 0.3, -0.4, 0.3, 1.0, 0.2, -0.4, 0.2, 0.8};
  const std::vector<double> s2{1.5, -0.2, 0.1, -0.2, 0.9, 0.3, 0.1, 0.3, 1.2};
  long double a[9], b[9], b_inv[9];
  for (int i = 0; i < 9; ++i) a[i] = s1[i], b[i] = s2[i];
  inverse3(b, b_inv);
  long double trace = 0, quad = 0;
  for (int i = 0; i < 3; ++i)
    for (int k = 0; k < 3; ++k) trace += b_inv[i * 3 + k] * a[k * 3 + i];
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) quad += (m2[i] - m1[i]) * b_inv[i * 3 + j] * (m2[j] - m1[j]);
  const long double want = 0.5L * (trace + quad - 3 + std::log(det3(b) / det3(a)));
  const double got = divergence::kl_divergence(mvn(m1, s1), mvn(m2, s2));
  EXPECT_NEAR(got, static_cast<double>(want), 1e-13 * static_cast<double>(want));
  // Entropy 1/2 ln((2 pi e)^d det S).
  const long double h = 0.5L * std::log(std::pow(2 * kPi * std::exp(1.0L), 3) * det3(a));
  EXPECT_NEAR(divergence::entropy(mvn(m1, s1)), static_cast<double>(h), 1e-14 * std::fabs(static_cast<double>(h)));
}

TEST(DistributionKl, MultivariateNormalReducesToNormals) {
  // Diagonal covariance: the sum of the univariate KLs; d = 1: the univariate KL.
  const Distribution p = mvn({0.5, -1.0}, {4.0, 0.0, 0.0, 0.25});
  const Distribution q = mvn({0.0, 1.0}, {1.0, 0.0, 0.0, 2.25});
  const double sum = divergence::kl_divergence(make("Normal", {0.5, 2}), make("Normal", {0, 1})) +
                     divergence::kl_divergence(make("Normal", {-1, 0.5}), make("Normal", {1, 1.5}));
  EXPECT_NEAR(divergence::kl_divergence(p, q), sum, 1e-14 * sum);
  EXPECT_DOUBLE_EQ(divergence::kl_divergence(mvn({1.0}, {4.0}), mvn({-1.0}, {0.25})),
                   divergence::kl_divergence(make("Normal", {1, 2}), make("Normal", {-1, 0.5})));
}

TEST(DistributionKl, ConsistentAcrossRelatedFamilies) {
  // Beta = 2-category Dirichlet; Exponential(r) = Gamma(1, r); Bernoulli = Binomial(1, p);
  // Categorical vs the discrete-array KL (SciPy's entropy(p, q)); LogNormal/HalfNormal vs Normal.
  const double beta = divergence::kl_divergence(make("Beta", {2.5, 1.5}), make("Beta", {1.3, 3}));
  EXPECT_NEAR(divergence::kl_divergence(make("Dirichlet", {2.5, 1.5}), make("Dirichlet", {1.3, 3})), beta, 1e-15 * beta);
  const double gam = divergence::kl_divergence(make("Gamma", {1, 1.5}), make("Gamma", {1, 0.7}));
  EXPECT_NEAR(divergence::kl_divergence(make("Exponential", {1.5}), make("Exponential", {0.7})), gam, 1e-15 * gam);
  EXPECT_NEAR(divergence::kl_divergence(make("Exponential", {1.5}), make("Gamma", {1, 0.7})), gam, 1e-15 * gam);
  EXPECT_NEAR(divergence::kl_divergence(make("Gamma", {1, 1.5}), make("Exponential", {0.7})), gam, 1e-15 * gam);
  EXPECT_EQ(divergence::kl_divergence(make("Exponential", {1.5}), make("Gamma", {1, 1.5})), 0.0);
  EXPECT_DOUBLE_EQ(divergence::kl_divergence(make("Bernoulli", {0.2}), make("Bernoulli", {0.7})),
                   divergence::kl_divergence(make("Binomial", {1, 0.2}), make("Binomial", {1, 0.7})));
  const std::vector<double> a{0.1, 0.6, 0.3}, b{0.2, 0.3, 0.5};
  EXPECT_NEAR(divergence::kl_divergence(make("Categorical", a), make("Categorical", b)), divergence::kl_divergence(a, b), 1e-15);
  EXPECT_EQ(divergence::kl_divergence(make("LogNormal", {0.2, 0.6}), make("LogNormal", {-0.1, 0.9})),
            divergence::kl_divergence(make("Normal", {0.2, 0.6}), make("Normal", {-0.1, 0.9})));
  EXPECT_EQ(divergence::kl_divergence(make("HalfNormal", {1.3}), make("HalfNormal", {0.8})),
            divergence::kl_divergence(make("Normal", {0, 1.3}), make("Normal", {0, 0.8})));
  // Uniform(0, 1) is Beta(1, 1).
  EXPECT_EQ(divergence::kl_divergence(make("Uniform", {0, 1}), make("Beta", {1, 1})), 0.0);
  EXPECT_NEAR(divergence::kl_divergence(make("Beta", {1, 1}), make("Uniform", {0, 1})), 0.0, 1e-15);
}

TEST(DistributionKl, DiscreteClosedFormsEqualDirectSums) {
  // Sum of P(k) ln(P(k)/Q(k)) over the support, in long double, from the textbook pmfs.
  auto poisson = [](long double r, int k) { return k * std::log(r) - r - std::lgamma(k + 1.0L); };
  long double s = 0;
  for (int k = 0; k < 300; ++k) s += std::exp(poisson(7.5L, k)) * (poisson(7.5L, k) - poisson(11.0L, k));
  EXPECT_NEAR(divergence::kl_divergence(make("Poisson", {7.5}), make("Poisson", {11})), static_cast<double>(s), 1e-13);
  auto geometric = [](long double p, int k) { return k * std::log1p(-p) + std::log(p); };
  s = 0;
  for (int k = 0; k < 5000; ++k) s += std::exp(geometric(0.05L, k)) * (geometric(0.05L, k) - geometric(0.2L, k));
  EXPECT_NEAR(divergence::kl_divergence(make("Geometric", {0.05}), make("Geometric", {0.2})), static_cast<double>(s), 1e-13);
  auto binomial = [](long double p, int n, int k) {
    return std::lgamma(n + 1.0L) - std::lgamma(k + 1.0L) - std::lgamma(n - k + 1.0L) + k * std::log(p) + (n - k) * std::log1p(-p);
  };
  s = 0;
  for (int k = 0; k <= 30; ++k) s += std::exp(binomial(0.2L, 30, k)) * (binomial(0.2L, 30, k) - binomial(0.45L, 30, k));
  EXPECT_NEAR(divergence::kl_divergence(make("Binomial", {30, 0.2}), make("Binomial", {30, 0.45})), static_cast<double>(s), 1e-13);
  // Edge conventions: 0 ln 0 = 0.
  EXPECT_DOUBLE_EQ(divergence::kl_divergence(make("Bernoulli", {0}), make("Bernoulli", {0.25})), -std::log(0.75));
  EXPECT_DOUBLE_EQ(divergence::kl_divergence(make("Bernoulli", {1}), make("Bernoulli", {0.25})), -std::log(0.25));
  EXPECT_EQ(divergence::kl_divergence(make("Bernoulli", {1}), make("Bernoulli", {0})), kInf);
  EXPECT_DOUBLE_EQ(divergence::kl_divergence(make("Geometric", {1}), make("Geometric", {0.25})), -std::log(0.25));
  EXPECT_EQ(divergence::kl_divergence(make("Geometric", {0.5}), make("Geometric", {1})), kInf);
  EXPECT_DOUBLE_EQ(divergence::kl_divergence(make("Poisson", {0}), make("Poisson", {2.5})), 2.5);
  EXPECT_EQ(divergence::kl_divergence(make("Poisson", {1}), make("Poisson", {0})), kInf);
  EXPECT_EQ(divergence::kl_divergence(make("Binomial", {0, 0.3}), make("Binomial", {0, 0.9})), 0.0);
  EXPECT_DOUBLE_EQ(divergence::kl_divergence(make("Bernoulli", {0}), make("Poisson", {0.5})), 0.5);
  EXPECT_EQ(divergence::kl_divergence(make("Bernoulli", {0}), make("Poisson", {0})), 0.0);
  EXPECT_EQ(divergence::kl_divergence(make("Bernoulli", {0.1}), make("Poisson", {0})), kInf);
}

TEST(DistributionKl, ContinuousHandCheckedValues) {
  // Textbook forms evaluated directly.
  EXPECT_NEAR(divergence::kl_divergence(make("Uniform", {0, 1}), make("Uniform", {-1, 3})), std::log(4.0), 1e-15);
  EXPECT_NEAR(divergence::kl_divergence(make("Pareto", {2, 3}), make("Pareto", {1, 2})),
              2 * std::log(2.0) - std::log(2.0 / 3.0) + 2.0 / 3.0 - 1, 1e-15);
  EXPECT_NEAR(divergence::kl_divergence(make("Cauchy", {0, 1}), make("Cauchy", {0, 3})), std::log(16.0 / 12.0), 1e-15);
  // Uniform(0, 1) -> Exponential(2): E[2x] - ln(2) = 1 - ln 2.
  EXPECT_NEAR(divergence::kl_divergence(make("Uniform", {0, 1}), make("Exponential", {2})), 1 - std::log(2.0), 1e-15);
  // Uniform(a, b) -> Normal(0, 1): -ln(b - a) + ln(2 pi)/2 + (b^3 - a^3)/(6 (b - a)).
  EXPECT_NEAR(divergence::kl_divergence(make("Uniform", {-1, 2}), make("Normal", {0, 1})),
              -std::log(3.0) + 0.5 * std::log(2 * kPi) + 9.0 / 18.0, 1e-15);
  // A narrow Uniform against Gamma: the series branch of E[ln X] (uniform_mean_log).
  const double lo = 2.0, hi = 2.0 + 1e-9;
  const double want = -std::log(hi - lo) + std::lgamma(3.0) - 3.0 * std::log(1.5) - 2.0 * std::log(2.0 + 0.5e-9) + 1.5 * (lo + hi) / 2;
  EXPECT_NEAR(divergence::kl_divergence(make("Uniform", {lo, hi}), make("Gamma", {3, 1.5})), want, 1e-12 * std::fabs(want));
}

// ---------------------------------------------------------------------------------------------
// Log densities

TEST(DistributionLogProb, DensitiesIntegrateToOne) {
  // Midpoint rule on a fine grid after the change of variable x = t/(1-t^2) (whole line) or
  // x = lo + t/(1-t) (half line); the masses must be 1 to 1e-6.
  const std::vector<Distribution> line{make("Normal", {0.3, 1.2}), make("Laplace", {0.5, 1.3}), make("Gumbel", {0.4, 1.2}),
                                       make("Cauchy", {0.5, 1.3})};
  const std::vector<Distribution> half{make("Exponential", {1.5}),  make("Gamma", {2.5, 1.5}), make("LogNormal", {0.2, 0.6}),
                                       make("HalfNormal", {1.3}),   make("Pareto", {1.5, 3})};
  const int n = 400000;
  for (const Distribution& d : line) {
    double mass = 0;
    for (int i = 0; i < n; ++i) {
      const double t = -1 + (i + 0.5) * 2.0 / n;
      const double x = t / (1 - t * t), dx = (1 + t * t) / ((1 - t * t) * (1 - t * t));
      mass += std::exp(divergence::log_prob(d, x)) * dx * 2.0 / n;
    }
    EXPECT_NEAR(mass, 1.0, 1e-6) << describe(d);
  }
  for (const Distribution& d : half) {
    const double lo = d.family == Family::Pareto ? d.params[0] : 0.0;
    double mass = 0;
    for (int i = 0; i < n; ++i) {
      const double t = (i + 0.5) / n;
      const double x = lo + t / (1 - t), dx = 1 / ((1 - t) * (1 - t));
      mass += std::exp(divergence::log_prob(d, x)) * dx / n;
    }
    EXPECT_NEAR(mass, 1.0, 1e-6) << describe(d);
  }
  for (const Distribution& d : {make("Beta", {2.5, 1.5}), make("Uniform", {0.2, 0.7})}) {
    double mass = 0;
    for (int i = 0; i < n; ++i) mass += std::exp(divergence::log_prob(d, (i + 0.5) / n)) / n;
    EXPECT_NEAR(mass, 1.0, 1e-6) << describe(d);
  }
  // Dirichlet on the 2-simplex: integrate over (x0, x1) with x2 = 1 - x0 - x1.
  const Distribution dir = make("Dirichlet", {1.5, 2, 3});
  const int m = 1500;
  double mass = 0;
  for (int i = 0; i < m; ++i)
    for (int j = 0; j < m; ++j) {
      const double x0 = (i + 0.5) / m, x1 = (j + 0.5) / m;
      if (x0 + x1 >= 1) continue;
      mass += std::exp(divergence::log_prob(dir, std::vector<double>{x0, x1, 1 - x0 - x1})) / (double(m) * m);
    }
  EXPECT_NEAR(mass, 1.0, 2e-3);
}

TEST(DistributionLogProb, MassFunctionsSumToOne) {
  for (const Distribution& d : {make("Binomial", {25, 0.3}), make("Geometric", {0.2}), make("Poisson", {6.5}),
                                make("Categorical", {1, 2, 3, 4}), make("Bernoulli", {0.35})}) {
    double mass = 0;
    for (int k = 0; k < 1000; ++k) mass += std::exp(divergence::log_prob(d, k));
    EXPECT_NEAR(mass, 1.0, 1e-13) << describe(d);
    EXPECT_EQ(divergence::log_prob(d, 0.5), -kInf) << describe(d);
    EXPECT_EQ(divergence::log_prob(d, -1), -kInf) << describe(d);
  }
}

TEST(DistributionLogProb, KnownValuesAndSupportEdges) {
  EXPECT_DOUBLE_EQ(divergence::log_prob(make("Normal", {0, 1}), 0), -0.5 * std::log(2 * kPi));
  EXPECT_DOUBLE_EQ(divergence::log_prob(make("Exponential", {2}), 1), std::log(2.0) - 2);
  EXPECT_DOUBLE_EQ(divergence::log_prob(make("Uniform", {1, 3}), 1), -std::log(2.0));
  EXPECT_EQ(divergence::log_prob(make("Uniform", {1, 3}), 3), -kInf);  // support [low, high), as PyTorch
  EXPECT_EQ(divergence::log_prob(make("Gamma", {0.5, 1}), 0), kInf);
  EXPECT_DOUBLE_EQ(divergence::log_prob(make("Gamma", {1, 2}), 0), std::log(2.0));
  EXPECT_EQ(divergence::log_prob(make("Gamma", {2, 1}), 0), -kInf);
  EXPECT_DOUBLE_EQ(divergence::log_prob(make("Beta", {1, 3}), 0), std::log(3.0));
  EXPECT_EQ(divergence::log_prob(make("Beta", {0.5, 3}), 0), kInf);
  EXPECT_EQ(divergence::log_prob(make("Pareto", {2, 3}), 1.9), -kInf);
  EXPECT_DOUBLE_EQ(divergence::log_prob(make("Pareto", {2, 3}), 2), std::log(1.5));
  EXPECT_EQ(divergence::log_prob(make("HalfNormal", {1}), -0.1), -kInf);
  EXPECT_EQ(divergence::log_prob(make("LogNormal", {0, 1}), 0), -kInf);
  EXPECT_EQ(divergence::log_prob(make("Poisson", {0}), 0), 0.0);
  EXPECT_EQ(divergence::log_prob(make("Poisson", {0}), 1), -kInf);
  EXPECT_EQ(divergence::log_prob(make("Geometric", {1}), 0), 0.0);
  EXPECT_EQ(divergence::log_prob(make("Normal", {0, 1}), kInf), -kInf);
  EXPECT_TRUE(std::isnan(divergence::log_prob(make("Normal", {0, 1}), NAN)));
  // Large counts (mpmath at 30 digits). Boost's double-precision ibeta_derivative is good to
  // ~3e-11 here (the lgamma form, as PyTorch's, would lose ~3e-9).
  EXPECT_NEAR(divergence::log_prob(make("Binomial", {1e6, 0.3}), 3e5), -7.0463702515465391, 1e-10);
  EXPECT_NEAR(divergence::log_prob(make("Poisson", {1e6}), 1e6), -7.8266938955201431272, 1e-12);
  EXPECT_NEAR(divergence::log_prob(make("Binomial", {1e6, 0.3}), 2e5), -25739.002881503029489, 1e-8);  // underflowing pmf
  EXPECT_DOUBLE_EQ(divergence::log_prob(make("Categorical", {1, 3}), 1), std::log(0.75));
  EXPECT_EQ(divergence::log_prob(make("Categorical", {1, 3}), 2), -kInf);
  // MultivariateNormal: the product of normals for a diagonal covariance.
  const Distribution p = mvn({1, -1}, {4, 0, 0, 0.25});
  EXPECT_NEAR(divergence::log_prob(p, std::vector<double>{0.5, 0}),
              divergence::log_prob(make("Normal", {1, 2}), 0.5) + divergence::log_prob(make("Normal", {-1, 0.5}), 0), 1e-14);
  EXPECT_DOUBLE_EQ(divergence::log_prob(mvn({1}, {4}), 0.5), divergence::log_prob(make("Normal", {1, 2}), 0.5));
  EXPECT_EQ(divergence::log_prob(make("Dirichlet", {2, 2}), std::vector<double>{0.5, 0.6}), -kInf);  // off the simplex
  EXPECT_DOUBLE_EQ(divergence::log_prob(make("Dirichlet", {2, 3}), std::vector<double>{0.25, 0.75}),
                   divergence::log_prob(make("Beta", {2, 3}), 0.25));
}

// ---------------------------------------------------------------------------------------------
// Entropies

TEST(DistributionEntropy, MonteCarloAgrees) {
  // -mean log p(X) over 200,000 samples, within 3 standard errors, for every family.
  for (const Pair& pr : same_family_pairs()) {
    const Distribution& p = pr.p;
    std::mt19937_64 g(11);
    Sampler draw = sampler(p);
    double mean = 0, m2 = 0;
    const int n = 200000;
    for (int i = 1; i <= n; ++i) {
      const double v = -divergence::log_prob(p, draw(g));
      const double delta = v - mean;
      mean += delta / i;
      m2 += delta * (v - mean);
    }
    const double se = std::sqrt(m2 / (n - 1) / n);
    EXPECT_LE(std::fabs(divergence::entropy(p) - mean), 3 * se + 1e-12) << describe(p) << ": " << divergence::entropy(p)
                                                                        << " vs " << mean << " +- " << se;
  }
}

TEST(DistributionEntropy, MatchesHighPrecisionValues) {
  struct Case {
    const char* family;
    std::vector<double> params;
    double value;
  };
  // mpmath 1.3.0: mp.quad of -p ln p (continuous), sums over the support (Poisson, Binomial).
  const std::vector<Case> table = {
    {"Normal", {0.3, 1.2}, 1.601260089998627368},
    {"Laplace", {0.5, 1.3}, 1.9555114450274363615},
    {"Gumbel", {0.4, 1.2}, 1.7595372216954874868},
    {"Cauchy", {0.5, 1.3}, 2.793388511436781845},
    {"Exponential", {1.5}, 0.59453489189183561802},
    {"Gamma", {2.5, 1.5}, 1.3244828013968899968},
    {"Gamma", {0.4, 2}, -1.0333000896092312303},  // quad split at 1e-10, 1e-5, 1 (x^-0.6 singularity)
    {"Beta", {2.5, 1.5}, -0.18860344748393315919},
    {"Beta", {0.5, 0.5}, -0.24156447527049019244},
    {"LogNormal", {0.2, 0.6}, 1.1081129094386820586},
    {"HalfNormal", {1.3}, 0.9881556171122184844},
    {"Pareto", {1.5, 3}, 0.64018615277338802392},
    {"Poisson", {0.5}, 0.92763746749579737414},
    {"Poisson", {10}, 2.5614099352749091226},
    {"Poisson", {1000}, 4.8727327976428506462},
    {"Poisson", {19999.5}, 6.3706656424414697491},  // last rate summed
    {"Poisson", {20000}, 6.3706781427018968333},    // first rate on the asymptotic series
    {"Poisson", {1e6}, 8.3266937288534347938},
    {"Binomial", {10, 0.3}, 1.7790787840900631127},
    {"Binomial", {1000, 0.01}, 2.5566440431123184005},
    {"Binomial", {100000, 0.5}, 6.4822540851215081424},
    {"Binomial", {7, 1e-09}, 1.384414898295309482e-7},
    {"Binomial", {47619, 0.3}, 6.0241068857544226817},
    {"Binomial", {100000000, 1e-4}, 6.0240503854425446656},  // n = 1e8 summed
    {"Binomial", {399999, 0.5}, 7.1754000156877036107},      // variance just below 1e5: summed
    {"Binomial", {400000, 0.5}, 7.1754012656892661159},      // variance 1e5: asymptotic series
    {"Binomial", {10101011, 0.01}, 7.1754005098525203455},
    {"Binomial", {400000000, 0.5}, 10.629278905180855477},
    {"Binomial", {2000000000, 0.3}, 11.346821167793770746},
  };
  for (const Case& c : table) {
    const Distribution p = make(c.family, c.params);
    EXPECT_TRUE(near_rel(divergence::entropy(p), c.value, 1e-12, 1e-15))
        << describe(p) << ": " << divergence::entropy(p) << " vs " << c.value;
  }
}

TEST(DistributionEntropy, ClosedFormsAndEdges) {
  EXPECT_DOUBLE_EQ(divergence::entropy(make("Normal", {5, 1})), 0.5 * std::log(2 * kPi * std::exp(1.0)));
  EXPECT_DOUBLE_EQ(divergence::entropy(make("Uniform", {-1, 3})), std::log(4.0));
  EXPECT_NEAR(divergence::entropy(make("Uniform", {-1e308, 1e308})), std::log(2.0) + std::log(1e308), 1e-12);  // no overflow
  EXPECT_NEAR(divergence::kl_divergence(make("Uniform", {-1, 1}), make("Uniform", {-1e308, 1e308})), std::log(1e308), 1e-12);
  EXPECT_DOUBLE_EQ(divergence::entropy(make("Exponential", {1})), 1.0);
  EXPECT_DOUBLE_EQ(divergence::entropy(make("Laplace", {0, 1})), 1 + std::log(2.0));
  EXPECT_DOUBLE_EQ(divergence::entropy(make("Cauchy", {0, 1})), std::log(4 * kPi));
  EXPECT_DOUBLE_EQ(divergence::entropy(make("Bernoulli", {0.5})), std::log(2.0));
  EXPECT_EQ(divergence::entropy(make("Bernoulli", {0})), 0.0);
  EXPECT_EQ(divergence::entropy(make("Bernoulli", {1})), 0.0);
  EXPECT_EQ(divergence::entropy(make("Geometric", {1})), 0.0);
  EXPECT_EQ(divergence::entropy(make("Poisson", {0})), 0.0);
  EXPECT_EQ(divergence::entropy(make("Binomial", {0, 0.5})), 0.0);
  EXPECT_EQ(divergence::entropy(make("Binomial", {10, 1})), 0.0);
  EXPECT_NEAR(divergence::entropy(make("Categorical", {1, 1, 1, 1})), std::log(4.0), 1e-15);
  EXPECT_NEAR(divergence::entropy(make("Categorical", {0.1, 0.6, 0.3})), divergence::entropy(std::vector<double>{0.1, 0.6, 0.3}), 1e-15);
  EXPECT_NEAR(divergence::entropy(make("Dirichlet", {2.5, 1.5})), divergence::entropy(make("Beta", {2.5, 1.5})), 1e-15);
  EXPECT_NEAR(divergence::entropy(make("Dirichlet", {1, 1, 1})), -std::log(2.0), 1e-15);  // uniform on the simplex, area 1/2
  // Geometric by direct summation.
  long double s = 0;
  for (int k = 0; k < 4000; ++k) {
    const long double lp = k * std::log1p(-0.03L) + std::log(0.03L);
    s -= std::exp(lp) * lp;
  }
  EXPECT_NEAR(divergence::entropy(make("Geometric", {0.03})), static_cast<double>(s), 1e-13);
  // Bernoulli = Binomial(1, p).
  EXPECT_NEAR(divergence::entropy(make("Binomial", {1, 0.2})), divergence::entropy(make("Bernoulli", {0.2})), 1e-15);
}

// ---------------------------------------------------------------------------------------------
// Unsupported pairs and errors

void expect_error(const std::function<void()>& f, const std::string& message) {
  try {
    f();
    ADD_FAILURE() << "no error; expected: " << message;
  } catch (const divergence::ArgumentError& e) {
    EXPECT_EQ(e.what(), message);
    EXPECT_EQ(e.kind(), divergence::ArgumentError::Kind::Range);
  }
}

TEST(DistributionKl, UnsupportedPairsThrow) {
  expect_error([] { divergence::kl_divergence(make("Cauchy", {0, 1}), make("Gamma", {2, 1})); },
               "q: no closed form for KL(Cauchy || Gamma)");
  expect_error([] { divergence::kl_divergence(make("Normal", {0, 1}), make("Cauchy", {0, 1})); },
               "q: no closed form for KL(Normal || Cauchy)");
  expect_error([] { divergence::kl_divergence(make("Poisson", {1}), make("Geometric", {0.5})); },
               "q: no closed form for KL(Poisson || Geometric)");
  expect_error([] { divergence::kl_divergence(make("Binomial", {5, 0.5}), make("Binomial", {10, 0.5})); },
               "q: no closed form for KL(Binomial || Binomial) when q.total_count (10) > p.total_count (5)");
  expect_error([] { divergence::kl_divergence(make("Categorical", {1, 1}), make("Categorical", {1, 1, 1})); },
               "q: Categorical has 3 categories but p has 2");
  expect_error([] { divergence::kl_divergence(make("Dirichlet", {1, 1}), make("Dirichlet", {1, 1, 1})); },
               "q: Dirichlet has 3 categories but p has 2");
  expect_error([] { divergence::kl_divergence(mvn({0, 0}, {1, 0, 0, 1}), mvn({0, 0, 0}, {1, 0, 0, 0, 1, 0, 0, 0, 1})); },
               "q: MultivariateNormal dimension 3 differs from p (dimension 2)");
  // Exactly the PyTorch registry: 18 same-family pairs, 24 cross pairs with a formula, 26 always infinite.
  int supported = 0;
  Rng r;
  for (Family fp : kAllFamilies)
    for (Family fq : kAllFamilies) {
      const int shape = fp == fq ? random_shape(fp, r) : 0;
      const Distribution p = random_member(fp, r, fp == fq ? shape : random_shape(fp, r));
      const Distribution q = random_member(fq, r, fp == fq ? shape : random_shape(fq, r));
      try {
        divergence::kl_divergence(p, q);
        ++supported;
      } catch (const divergence::ArgumentError& e) {
        EXPECT_EQ(std::string(e.what()), std::string("q: no closed form for KL(") + divergence::family_name(fp) + " || " +
                                             divergence::family_name(fq) + ")");
      }
    }
  EXPECT_EQ(supported, 18 + 24 + 26);
}

TEST(DistributionErrors, MakeDistributionMessages) {
  auto mk = [](const char* f, std::vector<double> v) { return [f, v] { make_distribution(f, v); }; };
  expect_error(mk("Gausian", {0, 1}),
               "family: unknown distribution \"Gausian\" (expected one of Normal, MultivariateNormal, Bernoulli, Binomial, "
               "Categorical, Geometric, Poisson, Exponential, Gamma, Beta, Laplace, Uniform, Dirichlet, Gumbel, Cauchy, "
               "LogNormal, HalfNormal, Pareto)");
  expect_error(mk("Normal", {0, 1, 2}), "params: Normal takes 2 numbers (loc, scale); got 3");
  expect_error(mk("Bernoulli", {}), "params: Bernoulli takes 1 number (probs); got 0");
  expect_error(mk("Normal", {0, -1}), "Normal.scale: must be a finite number > 0 (got -1)");
  expect_error(mk("Normal", {NAN, 1}), "Normal.loc: must be finite (got nan)");
  expect_error(mk("Laplace", {0, 0}), "Laplace.scale: must be a finite number > 0 (got 0)");
  expect_error(mk("Gumbel", {INFINITY, 1}), "Gumbel.loc: must be finite (got inf)");
  expect_error(mk("Cauchy", {0, INFINITY}), "Cauchy.scale: must be a finite number > 0 (got inf)");
  expect_error(mk("LogNormal", {0, -2.5}), "LogNormal.scale: must be a finite number > 0 (got -2.5)");
  expect_error(mk("HalfNormal", {0}), "HalfNormal.scale: must be a finite number > 0 (got 0)");
  expect_error(mk("Bernoulli", {1.5}), "Bernoulli.probs: must be a number in [0, 1] (got 1.5)");
  expect_error(mk("Bernoulli", {NAN}), "Bernoulli.probs: must be a number in [0, 1] (got nan)");
  expect_error(mk("Binomial", {2.5, 0.5}), "Binomial.total_count: must be an integer >= 0 (got 2.5)");
  expect_error(mk("Binomial", {-1, 0.5}), "Binomial.total_count: must be an integer >= 0 (got -1)");
  expect_error(mk("Binomial", {3, -0.1}), "Binomial.probs: must be a number in [0, 1] (got -0.1)");
  expect_error(mk("Geometric", {0}), "Geometric.probs: must be a number in (0, 1] (got 0)");
  expect_error(mk("Geometric", {1.25}), "Geometric.probs: must be a number in (0, 1] (got 1.25)");
  expect_error(mk("Poisson", {-1}), "Poisson.rate: must be a finite number >= 0 (got -1)");
  expect_error(mk("Exponential", {0}), "Exponential.rate: must be a finite number > 0 (got 0)");
  expect_error(mk("Gamma", {0, 1}), "Gamma.concentration: must be a finite number > 0 (got 0)");
  expect_error(mk("Gamma", {1, -3}), "Gamma.rate: must be a finite number > 0 (got -3)");
  expect_error(mk("Beta", {-1, 1}), "Beta.concentration1: must be a finite number > 0 (got -1)");
  expect_error(mk("Beta", {1, 0}), "Beta.concentration0: must be a finite number > 0 (got 0)");
  expect_error(mk("Uniform", {2, 1}), "Uniform.high: must be greater than low = 2 (got 1)");
  expect_error(mk("Uniform", {1, 1}), "Uniform.high: must be greater than low = 1 (got 1)");
  expect_error(mk("Uniform", {-INFINITY, 1}), "Uniform.low: must be finite (got -inf)");
  expect_error(mk("Uniform", {0, NAN}), "Uniform.high: must be finite (got nan)");
  expect_error(mk("Pareto", {0, 1}), "Pareto.scale: must be a finite number > 0 (got 0)");
  expect_error(mk("Pareto", {1, -1}), "Pareto.alpha: must be a finite number > 0 (got -1)");
  expect_error(mk("Categorical", {}), "Categorical.probs: must not be empty");
  expect_error(mk("Categorical", {0.5, -0.5}), "Categorical.probs: entry 1 is negative (-0.5)");
  expect_error(mk("Categorical", {NAN, 1}), "Categorical.probs: entry 0 is NaN");
  expect_error(mk("Categorical", {1, 1, INFINITY}), "Categorical.probs: entry 2 is infinite");
  expect_error(mk("Categorical", {0, 0}), "Categorical.probs: all entries are zero; a distribution needs a positive total");
  expect_error(mk("Dirichlet", {1}), "Dirichlet.concentration: needs at least 2 entries (got 1)");
  expect_error(mk("Dirichlet", {1, 0}), "Dirichlet.concentration: entry 1 must be a finite number > 0 (got 0)");
  expect_error(mk("MultivariateNormal", {}),
               "params: MultivariateNormal takes 1 + d + d*d numbers (d, loc[d], covariance_matrix[d*d] row-major); got none");
  expect_error(mk("MultivariateNormal", {0}), "MultivariateNormal.d: must be an integer >= 1 (got 0)");
  expect_error(mk("MultivariateNormal", {1.5, 0, 1}), "MultivariateNormal.d: must be an integer >= 1 (got 1.5)");
  expect_error(mk("MultivariateNormal", {2, 0, 0, 1, 0, 0}),
               "params: MultivariateNormal with d = 2 takes 1 + d + d*d = 7 numbers (d, loc[d], covariance_matrix[d*d] "
               "row-major); got 6");
  expect_error(mk("MultivariateNormal", {2, 0, NAN, 1, 0, 0, 1}), "MultivariateNormal.loc: entry 1 must be finite (got nan)");
  expect_error(mk("MultivariateNormal", {2, 0, 0, 1, INFINITY, 0, 1}),
               "MultivariateNormal.covariance_matrix: entry (0, 1) must be finite (got inf)");
  expect_error(mk("MultivariateNormal", {2, 0, 0, 1, 0.5, 0.4, 1}),
               "MultivariateNormal.covariance_matrix: not symmetric (entry (0, 1) is 0.5, entry (1, 0) is 0.4)");
  expect_error(mk("MultivariateNormal", {2, 0, 0, 1, 2, 2, 1}), "MultivariateNormal.covariance_matrix: not positive definite");
  expect_error(mk("MultivariateNormal", {1, 0, 0}), "MultivariateNormal.covariance_matrix: not positive definite");
}

TEST(DistributionErrors, FunctionsCheckTheirArguments) {
  const Distribution bad{Family::Normal, {0, -1}};
  const Distribution good = make("Normal", {0, 1});
  expect_error([&] { divergence::kl_divergence(bad, good); }, "p: Normal.scale: must be a finite number > 0 (got -1)");
  expect_error([&] { divergence::kl_divergence(good, bad); }, "q: Normal.scale: must be a finite number > 0 (got -1)");
  expect_error([&] { divergence::entropy(bad); }, "p: Normal.scale: must be a finite number > 0 (got -1)");
  expect_error([&] { divergence::log_prob(bad, 0.0); }, "p: Normal.scale: must be a finite number > 0 (got -1)");
  expect_error([&] { divergence::entropy(Distribution{Family::Gamma, {1}}); }, "p: params: Gamma takes 2 numbers (concentration, rate); got 1");
  expect_error([&] { divergence::log_prob(mvn({0, 0}, {1, 0, 0, 1}), 0.0); }, "x: MultivariateNormal has dimension 2; pass 2 numbers");
  expect_error([&] { divergence::log_prob(make("Dirichlet", {1, 2, 3}), 0.0); }, "x: Dirichlet has 3 categories; pass 3 numbers");
  expect_error([&] { divergence::log_prob(mvn({0, 0}, {1, 0, 0, 1}), std::vector<double>{1, 2, 3}); },
               "x: length 3 differs from the dimension of p (2)");
  expect_error([&] { divergence::log_prob(good, std::vector<double>{1, 2}); }, "x: length 2 differs from the dimension of p (1)");
}

TEST(DistributionApi, NamesAndStoredParameters) {
  for (Family f : kAllFamilies) {
    const char* name = divergence::family_name(f);
    Rng r;
    const Distribution d = random_member(f, r, random_shape(f, r));
    EXPECT_EQ(make_distribution(name, d.params).family, f) << name;
  }
  EXPECT_EQ(make("normal", {0, 1}).family, Family::Normal);  // ASCII case is ignored
  EXPECT_EQ(make("HALFNORMAL", {1}).family, Family::HalfNormal);
  EXPECT_STREQ(divergence::family_name(Family::MultivariateNormal), "MultivariateNormal");
  EXPECT_EQ(make("Categorical", {1, 3}).params, (std::vector<double>{0.25, 0.75}));  // divided by the sum
  // A covariance that is symmetric to rounding is stored symmetrized.
  const Distribution m = make("MultivariateNormal", {2, 0, 0, 1, 0.3, 0.3 + 1e-13, 1});
  EXPECT_EQ(m.params[4], m.params[5]);
}

}  // namespace
