// Rényi divergence of order alpha and the Bhattacharyya coefficient and distance.
//
// Reference: A. Rényi, "On measures of entropy and information", Proc. 4th Berkeley Symp. (1961);
// T. van Erven & P. Harremoës, "Rényi divergence and Kullback-Leibler divergence", IEEE Trans.
// Inf. Theory 60(7) (2014), for the orders 0, 1 and infinity.
#pragma once

#include "divergence/options.hpp"
#include "divergence/span.hpp"

namespace divergence {

// D_alpha(P||Q) = ln(sum p^alpha q^(1-alpha)) / (alpha - 1), in nats (or opt.base).
//   alpha = 0:        -ln Q(supp P)          (sum of q over bins where p > 0)
//   alpha = 1:        KL(P||Q)               (the limit)
//   alpha = +inf:     ln max_i p_i / q_i     (+inf if some q_i = 0 < p_i)
// Non-decreasing in alpha; +inf for alpha > 1 when some q_i = 0 < p_i. Evaluated as
// log1p(sum p (exp((1-alpha) ln(q/p)) - 1)) / (alpha - 1), accurate near alpha = 1 and P = Q.
// Errors: p, q as discrete.hpp; "alpha: must be >= 0 (got -1)" for negative or NaN alpha.
double renyi_divergence(Span p, Span q, double alpha, const Options& opt = {});

// Bhattacharyya coefficient BC = sum sqrt(p q), in [0, 1] for probabilities; no unit.
double bhattacharyya_coefficient(Span p, Span q, const Options& opt = {});

// Bhattacharyya distance -ln BC, in [0, +inf] (+inf for disjoint supports), nats (or opt.base).
// Equals Rényi of order 1/2 divided by 2. For probabilities (normalize or smoothing) evaluated
// as -log1p(-H^2) with H the Hellinger distance, accurate when P ~ Q.
double bhattacharyya_distance(Span p, Span q, const Options& opt = {});

}  // namespace divergence
