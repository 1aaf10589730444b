// Kullback-Leibler divergence D(P||Q) estimated from samples (nats).
#pragma once

#include <cstddef>

#include "divergence/span.hpp"

namespace divergence {

struct MonteCarloEstimate {
  double estimate = 0.0;        // mean of log p(X_i) - log q(X_i)
  double standard_error = 0.0;  // sample standard deviation (ddof = 1) of those terms / sqrt(N)
};

// Monte Carlo estimate of D(P||Q) = E_P[log p(X) - log q(X)] from N samples X_i drawn from P, given
// log_p_of_samples[i] = log p(X_i) and log_q_of_samples[i] = log q(X_i) (natural logs of the two
// densities, or of the two probability mass functions, at the same points).
// Unbiased; the standard error is the usual CLT one, so estimate +- 2 standard_error is a ~95%
// interval when the log-ratio has finite variance (it can be heavy-tailed when Q has lighter tails
// than P: then the interval is optimistic). The estimate of a single run can be negative.
// log q(X_i) = -inf (a sample where q vanishes) means D(P||Q) = +inf: the result is then
// {+inf, +inf}.
// Errors (ArgumentError, Kind::Range):
//   "logP: needs at least 2 samples (got 1)" (the standard error needs two),
//   "logQ: length 3 differs from logP (length 4)",
//   "logP: entry 2 is NaN" / "... is infinite" (a sample of P has 0 < p < inf),
//   "logQ: entry 2 is NaN", "logQ: entry 2 is +inf".
MonteCarloEstimate kl_monte_carlo(Span log_p_of_samples, Span log_q_of_samples);

// k-nearest-neighbour estimate of D(P||Q) for continuous distributions in R^d, from n samples x of
// P and m samples y of Q (row-major: x holds n rows of d coordinates, y holds m rows):
//   D = (d/n) sum_i ln(nu_k(i) / rho_k(i)) + ln(m / (n - 1)),
// rho_k(i): Euclidean distance from x_i to its k-th nearest neighbour among the other x_j;
// nu_k(i): distance from x_i to its k-th nearest neighbour among the y_j.
// Source: Q. Wang, S. R. Kulkarni, S. Verdú (2009), "Divergence estimation for multidimensional
// densities via k-nearest-neighbor distances", IEEE Trans. Inf. Theory 55(5), 2392-2405, eq. (5)
// (fixed k for both samples).
// Bias: the estimator is consistent (asymptotically unbiased and mean-square consistent as
// n, m -> inf with k fixed) but has finite-sample bias, which grows with the dimension d and where
// the densities have sharp edges or very different tails; the bias shrinks as n, m grow and
// increasing k trades variance for bias. Single estimates can be negative.
// Duplicates: a zero rho_k(i) (x_i has k exact copies in x) or nu_k(i) (x_i has k exact copies in y)
// makes a log infinite; we raise instead of adding jitter (which would make the result depend on a
// random stream): remove duplicate rows, add your own jitter, or increase k.
// Scale invariant: the data are rescaled by a power of two internally, so coordinates up to DBL_MAX
// do not overflow the distances.
// Cost: d = 1 sorts both samples, O((n + m) log(n + m) + n k); d >= 2 is brute force, O(n (n + m) d)
// (about 0.1 s for n = m = 5000, d = 2 natively) and refuses more than n (n + m) = 4e8 pairs
// (n = m = 14000) rather than run for seconds: subsample, or use d = 1 per coordinate.
// Errors (ArgumentError, Kind::Range):
//   "d: must be at least 1", "k: must be at least 1",
//   "n: needs at least 2 samples of P (got 1)", "m: needs at least 1 sample of Q (got 0)",
//   "x: length 10 differs from n*d = 6*2", "y: length 5 differs from m*d = 3*2",
//   "k: must be at most n - 1 = 4 (got 5)", "k: must be at most m = 3 (got 5)",
//   "n: brute-force neighbour search in d >= 2 is limited to n*(n+m) <= 4e8 distance pairs (got 500000000); ...",
//   "x: entry 7 is NaN" / "... is infinite", same for y,
//   "x: row 3 has k = 1 identical copies among the other rows of x (its k-th neighbour distance is 0); ..."
//   "y: row 3 of x has k = 1 identical copies in y (its k-th neighbour distance is 0); ..."
double kl_knn(Span x, std::size_t n, Span y, std::size_t m, std::size_t d, std::size_t k = 1);

}  // namespace divergence
