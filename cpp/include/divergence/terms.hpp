// Pointwise terms of the divergences that are sums over bins, and the f-divergence family.
//
// Each Term is a function t(p_i, q_i) of one bin's probabilities; the measure is sum_i t(p_i, q_i)
// (after the Options rules: smoothing, normalization), divided by ln(base) when the term is
// logarithmic. pointwise_terms() returns the per-bin contributions (for plots and "which bin
// drives the drift"); sum_terms() the measure. Terms, with their conventions at zeros:
//
//   KL               p ln(p/q)                 0 if p = 0; +inf if p > 0 = q     (scipy.special.rel_entr)
//   ReverseKL        q ln(q/p)                 KL(Q||P)
//   CrossEntropy     -p ln q                   0 if p = 0; +inf if p > 0 = q
//   JensenShannon    ½p ln(p/m) + ½q ln(q/m)   m = (p+q)/2; always finite       (jensenshannon(p,q)**2)
//   Jeffreys         (p - q) ln(p/q)           = KL(P||Q) + KL(Q||P) = PSI
//   TotalVariation   ½|p - q|                  no unit
//   SquaredHellinger ½(√p - √q)²               sum = H², H = Hellinger distance; no unit
//   Bhattacharyya    √(pq)                     sum = Bhattacharyya coefficient BC; no unit
//   PearsonChi2      (p - q)² / q              +inf if p > 0 = q; no unit
//   NeymanChi2       (p - q)² / p              +inf if q > 0 = p; no unit
//
// f-divergences D_f(P||Q) = sum q f(p/q) with f convex, f(1) = 0 (Csiszar 1967; Ali & Silvey
// 1966): KL (f = t ln t), ReverseKL (-ln t), JensenShannon, Jeffreys ((t-1) ln t),
// TotalVariation (|t-1|/2), SquaredHellinger ((√t-1)²/2), PearsonChi2 ((t-1)²),
// NeymanChi2 ((t-1)²/t). CrossEntropy and Bhattacharyya are sums but not f-divergences.
#pragma once

#include <string_view>
#include <vector>

#include "divergence/options.hpp"
#include "divergence/span.hpp"

namespace divergence {

enum class Term {
  KL,
  ReverseKL,
  CrossEntropy,
  JensenShannon,
  Jeffreys,
  TotalVariation,
  SquaredHellinger,
  Bhattacharyya,
  PearsonChi2,
  NeymanChi2,
};

// One bin's term in nats (for logarithmic terms); p, q are probabilities >= 0.
double term(Term t, double p, double q);
// True for the terms measured in a unit (nats/bits): KL, ReverseKL, CrossEntropy, JS, Jeffreys.
bool is_logarithmic(Term t);
// True for the f-divergences listed above.
bool is_f_divergence(Term t);
// Name as used by the JS API: "kl", "reverse-kl", "cross-entropy", "jensen-shannon", "jeffreys",
// "total-variation", "squared-hellinger", "bhattacharyya", "pearson", "neyman".
const char* term_name(Term t);
// Inverse of term_name; throws range_error("generator", "unknown ... (known: ...)").
Term term_from_name(std::string_view name, const char* argument = "generator");

// Per-bin terms after the Options rules, in the unit of opt.base for logarithmic terms.
// Errors as discrete.hpp (p, q validation; base).
std::vector<double> pointwise_terms(Term t, Span p, Span q, const Options& opt = {});
// Their compensated sum.
double sum_terms(Term t, Span p, Span q, const Options& opt = {});

// D_f(P||Q) for a named generator; throws range_error("generator", "cross-entropy is not an
// f-divergence") for CrossEntropy and Bhattacharyya.
double f_divergence(Span p, Span q, Term generator, const Options& opt = {});

// Named measures built on the table (all follow discrete.hpp's validation and options):
// Jeffreys divergence J(P,Q) = KL(P||Q) + KL(Q||P), symmetric, [0, +inf], nats (or base).
double jeffreys(Span p, Span q, const Options& opt = {});
// Pearson chi-square divergence sum (p-q)²/q, [0, +inf], no unit (reference: chi_square_divergence).
double pearson_chi2(Span p, Span q, const Options& opt = {});
// Neyman chi-square divergence sum (p-q)²/p, [0, +inf], no unit.
double neyman_chi2(Span p, Span q, const Options& opt = {});

}  // namespace divergence
