// Fitting one normal distribution Q = N(mu, sigma^2) to a density P sampled on a grid, by
// minimising a KL divergence in either direction. The core supplies the objective and its exact
// gradient; the caller runs the optimiser (the <kl-fit> explainer steps it one iteration at a time).
//
// Both objectives are the trapezoid rule on the grid, written as weighted sums
//   sum_i w_i f_i,  w_0 = (x_1 - x_0)/2,  w_i = (x_{i+1} - x_{i-1})/2,  w_{n-1} = (x_{n-1} - x_{n-2})/2,
// which is the same number kl_grid_log computes, and the gradient is the exact derivative of that
// sum (not of the continuous integral), so it agrees with finite differences of the value.
//
// With q_i = N(x_i; mu, sigma), z_i = (x_i - mu)/sigma and the scores
//   d ln q_i / d mu = z_i / sigma,   d ln q_i / d ln sigma = z_i^2 - 1:
//   forward  F = KL(P||Q) = sum w_i p_i (ln p_i - ln q_i)        dF = -sum w_i p_i  d ln q_i
//   reverse  R = KL(Q||P) = sum w_i q_i (ln q_i - ln p_i)        dR =  sum w_i q_i (ln q_i - ln p_i + 1) d ln q_i
// The forward optimum is moment matching: mu = the grid mean of P, sigma^2 = its grid variance
// (exactly, on the grid, when P's grid mass sum w_i p_i is 1). The reverse direction is
// mode-seeking: from a start near one peak of a well-separated mixture it settles on that peak.
#pragma once

#include "divergence/span.hpp"

namespace divergence {

enum class FitDirection {
  Forward = 0,  // minimise KL(P||Q): mass-covering
  Reverse = 1,  // minimise KL(Q||P): mode-seeking
};

struct NormalFitGradient {
  double kl = 0.0;           // the objective in nats (+inf for reverse when q > 0 where p = 0)
  double d_mu = 0.0;         // d kl / d mu
  double d_log_sigma = 0.0;  // d kl / d ln sigma (NaN, like d_mu, when kl is +inf)
};

// x: >= 2 finite, strictly increasing points; log_p: ln p at each x (finite or -inf for zero
// density; not NaN or +inf); mu: finite; log_sigma: finite, ln of Q's standard deviation.
// Errors name the argument: "x: must have at least 2 points (got 1)", "x: not strictly increasing
// at index 4", "logP: length 3 differs from x (length 4)", "logP: entry 2 is NaN",
// "mu: must be finite (got nan)", "logSigma: must be finite (got inf)".
NormalFitGradient normal_fit_gradient(Span x, Span log_p, double mu, double log_sigma, FitDirection direction);

// The moments of P on the grid that the forward fit matches: mass = sum w_i p_i, mean and
// variance of the normalised grid density (trapezoid weights as above). Errors as
// normal_fit_gradient; "logP: zero mass on the grid" when every p_i underflows to 0.
struct GridMoments {
  double mass = 0.0;
  double mean = 0.0;
  double variance = 0.0;
};
GridMoments grid_moments(Span x, Span log_p);

}  // namespace divergence
