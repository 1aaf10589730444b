// Parametric probability distributions: a tagged value type, log densities, entropies and
// closed-form Kullback-Leibler divergences, matching torch.distributions (PyTorch 2.x:
// torch/distributions/*.py for parameters, log_prob and entropy; torch/distributions/kl.py for
// the registered KL pairs). All results are in nats.
//
// Parameter layouts (Distribution::params), in the order of the PyTorch constructors:
//   Normal(loc, scale)                 loc finite, scale > 0
//   MultivariateNormal(d, loc[d], covariance_matrix[d*d])
//                                      d an integer >= 1; 1 + d + d*d numbers in all; the matrix
//                                      row-major, finite, symmetric (to 1e-10 of its diagonal
//                                      scale; make_distribution stores the symmetrized matrix)
//                                      and positive definite (a Cholesky factorization succeeds)
//   Bernoulli(probs)                   probs in [0, 1]
//   Binomial(total_count, probs)       total_count an integer >= 0, probs in [0, 1]
//   Categorical(probs[k])              k >= 1 finite weights >= 0 with a positive sum; divided by
//                                      the sum (as PyTorch does), so any positive weights work
//   Geometric(probs)                   probs in (0, 1]; the number of failures before the first
//                                      success, support {0, 1, 2, ...} (PyTorch's convention)
//   Poisson(rate)                      rate >= 0 (rate 0 is the point mass at 0)
//   Exponential(rate)                  rate > 0
//   Gamma(concentration, rate)         both > 0 (RATE, not scale: mean = concentration / rate)
//   Beta(concentration1, concentration0)  both > 0 (alpha, beta: mean = c1 / (c1 + c0))
//   Laplace(loc, scale)                loc finite, scale > 0
//   Uniform(low, high)                 finite, low < high; support [low, high)
//   Dirichlet(concentration[k])        k >= 2 entries, each > 0 (PyTorch also allows k = 1)
//   Gumbel(loc, scale)                 loc finite, scale > 0 (the maximum-type Gumbel)
//   Cauchy(loc, scale)                 loc finite, scale > 0
//   LogNormal(loc, scale)              loc finite, scale > 0 (parameters of log X)
//   HalfNormal(scale)                  scale > 0; |X| for X ~ Normal(0, scale)
//   Pareto(scale, alpha)               both > 0; support [scale, inf)
// "> 0" always means a finite number > 0; every number must be finite.
//
// Errors are ArgumentError (Kind::Range) naming the argument, e.g.
//   "family: unknown distribution \"Gausian\" (expected one of Normal, MultivariateNormal, ...)"
//   "params: Normal takes 2 numbers (loc, scale); got 3"
//   "Normal.scale: must be a finite number > 0 (got -1)"
//   "Normal.loc: must be finite (got nan)"
//   "Bernoulli.probs: must be a number in [0, 1] (got 1.5)"
//   "Geometric.probs: must be a number in (0, 1] (got 0)"
//   "Binomial.total_count: must be an integer >= 0 (got 2.5)"
//   "Poisson.rate: must be a finite number >= 0 (got -1)"
//   "Uniform.high: must be greater than low = 2 (got 1)"
//   "Categorical.probs: must not be empty" / "...: entry 1 is negative (-0.5)" /
//     "...: entry 0 is NaN" / "...: entry 2 is infinite" /
//     "...: all entries are zero; a distribution needs a positive total"
//   "Dirichlet.concentration: needs at least 2 entries (got 1)"
//   "Dirichlet.concentration: entry 1 must be a finite number > 0 (got 0)"
//   "MultivariateNormal.d: must be an integer >= 1 (got 0)"
//   "params: MultivariateNormal with d = 2 takes 1 + d + d*d = 7 numbers (d, loc[d],
//     covariance_matrix[d*d] row-major); got 6"
//   "MultivariateNormal.loc: entry 1 must be finite (got nan)"
//   "MultivariateNormal.covariance_matrix: entry (0, 1) must be finite (got inf)"
//   "MultivariateNormal.covariance_matrix: not symmetric (entry (0, 1) is 0.5, entry (1, 0) is 0.4)"
//   "MultivariateNormal.covariance_matrix: not positive definite"
// The functions that take a Distribution check it again (a Distribution can be built without
// make_distribution) and prefix the same message with the argument: "q: Normal.scale: ...".
#pragma once

#include <string_view>
#include <vector>

#include "divergence/span.hpp"

namespace divergence {

enum class Family {
  Normal,
  MultivariateNormal,
  Bernoulli,
  Binomial,
  Categorical,
  Geometric,
  Poisson,
  Exponential,
  Gamma,
  Beta,
  Laplace,
  Uniform,
  Dirichlet,
  Gumbel,
  Cauchy,
  LogNormal,
  HalfNormal,
  Pareto,
};

// A distribution: its family and its parameters in the layout listed above.
struct Distribution {
  Family family;
  std::vector<double> params;
};

// Validates the parameters and returns the distribution. family_name is the PyTorch class name
// ("Normal", "MultivariateNormal", ...; ASCII case is ignored). Categorical probabilities are
// stored divided by their sum; a MultivariateNormal covariance is stored symmetrized. Errors as
// listed above.
Distribution make_distribution(std::string_view family_name, const std::vector<double>& params);

// The PyTorch class name of a family ("Normal", "HalfNormal", ...); "unknown" for a value outside
// the enumeration.
const char* family_name(Family family);

// Log density (continuous families; with respect to Lebesgue measure) or log probability mass
// (Bernoulli, Binomial, Categorical, Geometric, Poisson) at x, as Distribution.log_prob in
// PyTorch. Returns -inf outside the support (for the discrete families, also at non-integers;
// Categorical takes the category index 0..k-1); +inf where the density itself is unbounded
// (Gamma with concentration < 1 at x = 0, Beta with a concentration < 1 at 0 or 1). NaN x gives
// NaN. Binomial and Poisson masses come from Boost's ibeta_derivative / gamma_p_derivative (the
// lgamma sum PyTorch uses loses about 1e-16 n ln n) and fall back to the lgamma sum only where
// those underflow. For MultivariateNormal and Dirichlet use the Span overload (the scalar one
// accepts only a MultivariateNormal with d = 1). Errors: an invalid distribution ("p: Normal.scale: ..."),
// "x: MultivariateNormal has dimension 2; pass 2 numbers".
double log_prob(const Distribution& p, double x);

// Log density at a point given as a vector: d numbers for MultivariateNormal, k numbers for
// Dirichlet (-inf unless all are >= 0 and they sum to 1 within 1e-9), one number for the
// univariate families. Errors as above and "x: length 3 differs from the dimension of p (2)".
double log_prob(const Distribution& p, Span x);

// Entropy H(P) = -E_P[log p(X)] in nats: Shannon entropy for the discrete families, differential
// entropy (may be negative) for the continuous ones. Formulas as PyTorch's .entropy():
//   Normal 1/2 + 1/2 ln(2 pi) + ln scale; MultivariateNormal d/2 (1 + ln 2 pi) + 1/2 ln det S;
//   Bernoulli -p ln p - (1-p) ln(1-p); Geometric the same divided by p; Categorical -sum p ln p;
//   Binomial and Poisson -sum_k P(k) ln P(k), summed from the mode outwards with the ratios
//   P(k+1)/P(k) (self-normalized, so exact to rounding) until the tail is below 1e-19 of the
//   sum (PyTorch's Poisson has no entropy; the sum is what SciPy computes), and for large
//   variances the asymptotic series (the next terms are below 1e-16):
//   Poisson (rate r >= 2e4): 1/2 ln(2 pi e r) - 1/(12 r) - 1/(24 r^2) - 19/(360 r^3),
//   Binomial (v = n p (1-p) >= 1e5, x = p (1-p)):
//     1/2 ln(2 pi e v) + (x/3 - 1/12)/v + (x/6 - x^2/12 - 1/24)/v^2;
//   Exponential 1 - ln rate; Gamma k - ln rate + lgamma(k) + (1-k) digamma(k);
//   Beta ln B(a,b) - (a-1) psi(a) - (b-1) psi(b) + (a+b-2) psi(a+b); Dirichlet likewise;
//   Laplace 1 + ln(2 scale); Uniform ln(high - low); Gumbel ln scale + 1 + euler_gamma;
//   Cauchy ln(4 pi scale); LogNormal loc + 1/2 + 1/2 ln(2 pi scale^2);
//   HalfNormal 1/2 + ln(scale sqrt(pi/2)); Pareto ln(scale/alpha) + 1/alpha + 1.
// Errors: an invalid distribution ("p: ...").
double entropy(const Distribution& p);

// D_KL(P || Q) = E_P[log p(X) - log q(X)] in nats, range [0, +inf].
//
// Same-family pairs (all 18 families): the closed forms of torch.distributions.kl, rewritten so
// that they are sums of non-negative terms where possible (KL(P||P) is exactly 0, and nearly
// equal parameters keep full relative accuracy): Normal, LogNormal and HalfNormal via
//   (t - log1p t) + t^2/2 + z^2/2 with t = scale_p/scale_q - 1, z = (loc_p - loc_q)/scale_q;
// MultivariateNormal 1/2 (tr(S_q^-1 S_p) + (m_q-m_p)' S_q^-1 (m_q-m_p) - d + ln det S_q/det S_p)
//   through Cholesky factors; Gamma, Beta and Dirichlet through the Bregman divergence of lgamma,
//   D(a -> b) = lgamma(b) - lgamma(a) - (b - a) psi(a) >= 0 (a Taylor series in polygamma(m, a)
//   when |b - a| <= a/8, Stirling's series when a, b >= 1e4; rounded results below 0 are returned
//   as 0); Gumbel as
//   D_lgamma(1 -> r) + (e^w - 1 - w); Laplace, Exponential, Pareto, Poisson, Bernoulli,
//   Geometric, Categorical, Uniform, Cauchy (Chyzak & Nielsen 2019, arXiv:1905.10965:
//   ln(1 + ((s_p - s_q)^2 + (m_p - m_q)^2) / (4 s_p s_q))).
//   Binomial: total_count equal -> n KL(Bernoulli); p's total_count > q's -> +inf (as PyTorch,
//   even for probs 0); p's total_count < q's -> error (PyTorch raises NotImplementedError).
//   Categorical and Dirichlet need equal lengths, MultivariateNormal equal dimensions.
// Cross-family pairs registered in torch/distributions/kl.py with a finite formula:
//   Bernoulli->Poisson; Beta->Exponential, Gamma, Normal, Uniform; Exponential->Gamma, Gumbel,
//   Normal; Gamma->Exponential, Gumbel, Normal; Gumbel->Normal; Laplace->Normal; Normal->Gumbel,
//   Laplace; Pareto->Exponential, Gamma, Normal; Uniform->Beta, Exponential, Gamma, Gumbel,
//   Normal, Pareto. Each is +inf where the support of P is not inside that of Q (e.g. Uniform
//   reaching below 0 against Gamma, Beta against a Uniform not covering [0, 1]), or where a
//   needed moment of P is infinite (Pareto alpha <= 1 against Exponential/Gamma, alpha <= 2
//   against Normal).
// Cross-family pairs PyTorch registers as +inf (supports do not nest): Beta->Pareto;
//   Exponential->Beta, Pareto, Uniform; Gamma->Beta, Pareto, Uniform; Gumbel, Laplace and
//   Normal->Beta, Exponential, Gamma, Pareto, Uniform; Pareto->Beta, Uniform;
//   Poisson->Bernoulli, Binomial (also for rate 0, as PyTorch).
// Any other pair throws "q: no closed form for KL(Cauchy || Gamma)".
// Errors: invalid distributions ("p: ...", "q: ..."); "q: Categorical has 3 categories but p has
// 2"; "q: Dirichlet has 3 categories but p has 2"; "q: MultivariateNormal dimension 3 differs from
// p (dimension 2)"; "q: no closed form for KL(Binomial || Binomial) when q.total_count (10) >
// p.total_count (5)".
double kl_divergence(const Distribution& p, const Distribution& q);

}  // namespace divergence
