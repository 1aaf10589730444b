// Internal helpers shared by distributions*.cpp (not installed, not part of the public API).
#pragma once

#include <cstddef>
#include <vector>

#include "divergence/distributions.hpp"

namespace divergence {
namespace detail {

inline constexpr double kEulerGamma = 0.577215664901532860606512090082402431;
inline constexpr double kLnTwoPi = 1.837877066409345483560659472811235279;  // ln(2 pi)
inline constexpr double kPi = 3.141592653589793238462643383279502884;

// Throws ArgumentError ("Normal.scale: must be ...") if p's parameters are invalid.
void check_params(const Distribution& p);
// check_params, with the message prefixed by the argument name: "q: Normal.scale: ...".
void check_argument(const Distribution& p, const char* argument);

// MultivariateNormal views into params (valid after check_params).
inline std::size_t mvn_dim(const Distribution& p) { return static_cast<std::size_t>(p.params[0]); }
inline const double* mvn_loc(const Distribution& p) { return p.params.data() + 1; }
inline const double* mvn_cov(const Distribution& p) { return p.params.data() + 1 + mvn_dim(p); }

// Lower Cholesky factor L (row-major d*d, upper part zero) of the symmetric matrix a, read from
// its lower triangle. Returns false if a pivot is not > 0 (not positive definite).
bool cholesky(const double* a, std::size_t d, std::vector<double>& l);
// The factor of a valid MultivariateNormal's covariance.
std::vector<double> mvn_factor(const Distribution& p);

// Categorical probabilities divided by their sum.
std::vector<double> categorical_probs(const Distribution& p);

// Entropy without validation.
double entropy_unchecked(const Distribution& p);

// Bregman divergence of lgamma: lgamma(b) - lgamma(a) - (b - a) digamma(a) >= 0 for a, b > 0,
// exactly 0 for a == b; a Taylor series in polygamma(m, a) when |b - a| <= a/8.
double lgamma_bregman(double a, double b);
// The same with the difference delta = b - a given separately (e.g. summed exactly).
double lgamma_bregman(double a, double b, double delta);
// e^w - 1 - w >= 0, accurate for small |w| (series below |w| < 0.5).
double expm1_minus(double w);
// D_KL(Bernoulli(p) || Bernoulli(q)) as a sum of two non-negative terms; 0 ln 0 = 0.
double bernoulli_kl(double p, double q);
// x ln x with 0 ln 0 = 0.
double xlogx(double x);
// Binary entropy -p ln p - (1-p) ln(1-p).
double binary_entropy(double p);

}  // namespace detail
}  // namespace divergence
