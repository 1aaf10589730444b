// Univariate normal distributions: density, closed-form KL, and KL by numerical integration.
#pragma once

#include <vector>

#include "divergence/span.hpp"

namespace divergence {

// Closed form D_KL(N(muP, sigmaP^2) || N(muQ, sigmaQ^2))
//   = ln(sigmaQ/sigmaP) + (sigmaP^2 + (muP - muQ)^2) / (2 sigmaQ^2) - 1/2   (nats),
// as torch.distributions.kl._kl_normal_normal. Evaluated as f(t) + t^2/2 + d^2/(2 sigmaQ^2) with
// t = sigmaP/sigmaQ - 1, f(t) = t - log1p(t), so it stays accurate when sigmaP ~ sigmaQ.
// Errors: "muP: must be finite (got nan)", "sigmaQ: must be a finite number > 0 (got 0)".
double kl_normal(double muP, double sigmaP, double muQ, double sigmaQ);

// Normal density at each x: exp(-(x-mu)^2 / (2 sigma^2)) / (sigma sqrt(2 pi)).
// Errors as kl_normal for mu and sigma; "x: entry 3 is NaN".
std::vector<double> normal_pdf(Span x, double mu, double sigma);

// Natural log of the normal density at each x: -(x-mu)^2 / (2 sigma^2) - ln(sigma sqrt(2 pi)).
// Finite where the density itself underflows to 0 (beyond ~38 sigma). Errors as normal_pdf.
std::vector<double> normal_log_pdf(Span x, double mu, double sigma);

// KL divergence of two densities sampled on a shared grid, by the trapezoid rule:
//   integral p(x) ln(p(x)/q(x)) dx  ~  sum_i (x_{i+1}-x_i) (f_i + f_{i+1}) / 2,  f = rel_entr(p, q).
// x: at least 2 finite, strictly increasing points; p, q: densities (finite, >= 0) on x.
// Returns +inf where p > 0 = q at some grid point. Errors name the argument: "x: must have at
// least 2 points", "x: not strictly increasing at index 4", "q: length 3 differs from x (length 4)",
// "p: entry 2 is negative (-1)".
double kl_grid(Span x, Span p, Span q);

// The same integral from log-densities: f = exp(log_p) (log_p - log_q), so a q that underflows
// to 0 in linear scale (e.g. 40 sigma from its mean) does not turn a finite KL into +inf.
// log_p, log_q: finite or -inf (zero density), not NaN or +inf. f = 0 where log_p = -inf;
// +inf where log_q = -inf < log_p. Errors as kl_grid ("logQ: entry 3 is NaN").
double kl_grid_log(Span x, Span log_p, Span log_q);

}  // namespace divergence
