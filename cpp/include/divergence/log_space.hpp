// Inputs in log space (log-probabilities or logits), batches of rows, and the KL gradient with
// respect to logits: what training code (softmax outputs, distillation) works with.
//
// PyTorch's torch.nn.functional.kl_div(input, target, log_target) takes input = log Q and
// target = P (or log P when log_target=True): kl_divergence_scaled(P, Probabilities or
// LogProbabilities, Q, LogProbabilities) is the same value per row, with the arguments in the
// mathematical order (P first).
#pragma once

#include <cstddef>
#include <vector>

#include "divergence/options.hpp"
#include "divergence/span.hpp"

namespace divergence {

// How a distribution is given.
//   Probabilities:    entries >= 0 (Options::normalize and smoothing apply, as everywhere).
//   LogProbabilities: natural logs of probabilities; -inf marks a zero probability. Used as is.
//   Logits:           unnormalized log-probabilities; normalized by a stable log-sum-exp
//                     (log_softmax), so any finite shift of all entries gives the same result.
enum class Scale { Probabilities, LogProbabilities, Logits };

// ln sum exp(x_i), computed as m + ln sum exp(x_i - m) with m = max x (no overflow); -inf if
// every entry is -inf. Errors: "x: must not be empty", "x: entry 2 is NaN", "x: entry 0 is +inf".
double log_sum_exp(Span x, const char* name = "x");
// x_i - log_sum_exp(x): log-probabilities from logits, computed as (x_i - m) - ln sum exp(x_j - m)
// so large logits keep full precision. Errors as log_sum_exp, and "x: every entry is -inf".
std::vector<double> log_softmax(Span x, const char* name = "x");
// exp(log_softmax(x)).
std::vector<double> softmax(Span x, const char* name = "x");

// D_KL(P||Q) with each side given on its own scale; nats (or opt.base). Conventions: P's zero
// entries (0 or -inf) contribute 0; +inf where P > 0 and Q = 0. Errors: as discrete.hpp for
// Probabilities; for log scales "p: entry 1 is NaN", "q: entry 0 is +inf"; lengths must agree.
double kl_divergence_scaled(Span p, Scale p_scale, Span q, Scale q_scale, const Options& opt = {});

// One D_KL(P_r||Q_r) per row r of two row-major matrices of `rows` rows (p.size = rows * cols,
// q the same shape), each side on its scale. PyTorch's kl_div with reduction 'batchmean' is the
// mean of this vector; 'sum' its sum. Errors: "rows: must be >= 1", "p: length 7 is not a
// multiple of rows (2)", "q: length 4 differs from p (length 6)", and per-row errors prefixed
// "row 3: p: ...".
std::vector<double> kl_divergence_rows(Span p, Scale p_scale, Span q, Scale q_scale, std::size_t rows,
                                       const Options& opt = {});

// Gradient of D_KL(P||softmax(z)) with respect to the logits z: softmax(z) - P (P normalized by
// the Options rules). What cross-entropy/distillation training follows. Units: nats per unit z.
std::vector<double> kl_logits_gradient(Span p, Span z, const Options& opt = {});

}  // namespace divergence
