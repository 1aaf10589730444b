// Divergences between discrete distributions given as arrays of probabilities or counts.
//
// Shapes: p and q are 1-D arrays of the same length n >= 1 with finite entries >= 0 and a
// positive sum. Units: nats by default; Options::base = 2 gives bits, 10 gives hartleys.
// Options::normalize (default true, as SciPy) divides each input by its sum first; false keeps
// the raw weights (then the inputs should already sum to 1).
//
// Conventions as SciPy: 0*log(0/q) = 0; p_i > 0 with q_i = 0 gives +inf.
//
// Errors (ArgumentError, Kind::Range), each naming the argument:
//   "p: must not be empty", "q: length 3 differs from p (length 2)",
//   "p: entry 1 is negative (-0.5)", "p: entry 0 is NaN", "p: entry 2 is infinite",
//   "p: all entries are zero; a distribution needs a positive total",
//   "base: must be a finite number > 0 and != 1 (got 1)".
// SciPy returns NaN for all-zero input and 0 for empty input; we raise instead, so that a
// NaN never appears silently. Tests record every such difference.
#pragma once

#include <cmath>
#include <cstddef>
#include <vector>

#include "divergence/options.hpp"
#include "divergence/span.hpp"

namespace divergence {

// Throws if base is not a finite number > 0 and != 1.
void check_base(double base);
// Divisor that turns nats into the requested base (1 for base e).
double log_base(double base);

// Validates one distribution: non-empty, finite, non-negative, positive total. Returns the total
// (Neumaier-compensated; rescaled internally when the plain sum would overflow).
double check_distribution(Span p, const char* name);
// Validates a pair: each as above, and equal lengths.
void check_pair(Span p, Span q);

// Probabilities after the Options rules: smoothing if requested (see options.hpp), else divided
// by the sum when normalize is true, else copied as they are. Validates p (check_distribution)
// and the smoothing amount ("smoothing.epsilon: must be a finite number > 0 (got 0)").
std::vector<double> probabilities(Span p, const Options& opt, const char* name = "p");

// Both inputs after the Options rules, each validated once: the errors of check_pair, then of
// check_base and of the smoothing amount, in that order.
struct ProbabilityPair {
  std::vector<double> p, q;
};
ProbabilityPair probability_pair(Span p, Span q, const Options& opt);

// Shannon entropy H(P) = -sum p_i log p_i.  Matches scipy.stats.entropy(p, base=...).
double entropy(Span p, const Options& opt = {});

// KL divergence D_KL(P||Q) = sum p_i log(p_i/q_i).  Matches scipy.stats.entropy(p, q, base=...)
// and sum(scipy.special.rel_entr(p, q)) on normalized inputs. Range [0, +inf].
double kl_divergence(Span p, Span q, const Options& opt = {});

// Cross-entropy H(P, Q) = -sum p_i log q_i = H(P) + D_KL(P||Q). Range [H(P), +inf].
// SciPy has no direct function; equals entropy(p) + entropy(p, q).
double cross_entropy(Span p, Span q, const Options& opt = {});

// Jensen-Shannon divergence JS(P, Q) = (KL(P||M) + KL(Q||M))/2 with M = (P+Q)/2.
// Symmetric, range [0, ln 2] in nats ([0, 1] in bits). Equals
// scipy.spatial.distance.jensenshannon(p, q, base)**2.
double js_divergence(Span p, Span q, const Options& opt = {});

// Jensen-Shannon distance sqrt(JS(P, Q)), a metric. Matches
// scipy.spatial.distance.jensenshannon(p, q, base). Bases below 1 make the divergence negative:
// "base: must be > 1 for a distance (got 0.5): ..." (SciPy returns NaN).
double js_distance(Span p, Span q, const Options& opt = {});

// Pointwise KL terms p_i log(p_i/q_i) (after normalization if requested), in the chosen base;
// their sum is kl_divergence. Entries are 0 where p_i = 0 and +inf where p_i > 0 = q_i.
// Matches scipy.special.rel_entr(p, q) / log(base) on the same inputs.
std::vector<double> kl_terms(Span p, Span q, const Options& opt = {});

// Population Stability Index sum (q_i - p_i) log(q_i/p_i) = KL(P||Q) + KL(Q||P) (Jeffreys).
// P = reference, Q = current. +inf if a bin is empty on exactly one side (smooth first).
double psi(Span p, Span q, const Options& opt = {});

// Total variation distance 0.5 * sum |p_i - q_i|, range [0, 1]; base does not apply.
double total_variation(Span p, Span q, const Options& opt = {});

// Hellinger distance sqrt(0.5 * sum (sqrt p_i - sqrt q_i)^2) = sqrt(1 - BC), range [0, 1];
// base does not apply.
double hellinger(Span p, Span q, const Options& opt = {});

// Epsilon smoothing as used by drift monitors: the input is normalized, every zero entry becomes
// epsilon, then the vector is divided by its sum. epsilon must be finite and > 0 (error names
// "epsilon"). Same as probabilities(p, {.smoothing = Smoothing::epsilon(epsilon)}).
std::vector<double> smooth_epsilon(Span p, double epsilon, const char* name = "p");

}  // namespace divergence
