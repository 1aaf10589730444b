// Monte Carlo estimate of D(P||Q) from log-densities at samples of P.
#include <cmath>
#include <string>

#include "divergence/errors.hpp"
#include "divergence/pointwise.hpp"
#include "divergence/sample_kl.hpp"
#include "divergence/summation.hpp"

namespace divergence {

MonteCarloEstimate kl_monte_carlo(Span log_p, Span log_q) {
  if (log_p.size < 2) {
    throw range_error("logP", "needs at least 2 samples (got " + std::to_string(log_p.size) + ")");
  }
  if (log_q.size != log_p.size) {
    throw range_error("logQ", "length " + std::to_string(log_q.size) + " differs from logP (length " +
                                              std::to_string(log_p.size) + ")");
  }
  bool q_vanishes = false;
  for (std::size_t i = 0; i < log_p.size; ++i) {
    if (std::isnan(log_p[i])) throw range_error("logP", "entry " + std::to_string(i) + " is NaN");
    if (std::isinf(log_p[i])) throw range_error("logP", "entry " + std::to_string(i) + " is infinite");
    if (std::isnan(log_q[i])) throw range_error("logQ", "entry " + std::to_string(i) + " is NaN");
    if (log_q[i] == kInf) throw range_error("logQ", "entry " + std::to_string(i) + " is +inf");
    if (log_q[i] == -kInf) q_vanishes = true;
  }
  if (q_vanishes) return {kInf, kInf};

  const double count = static_cast<double>(log_p.size);
  NeumaierSum sum;
  for (std::size_t i = 0; i < log_p.size; ++i) sum.add(log_p[i] - log_q[i]);
  const double mean = sum.value() / count;
  if (!std::isfinite(mean)) throw range_error("logQ", "log p - log q overflows a double");
  NeumaierSum squares;  // two-pass variance: no cancellation
  for (std::size_t i = 0; i < log_p.size; ++i) {
    const double dev = (log_p[i] - log_q[i]) - mean;
    squares.add(dev * dev);
  }
  const double variance = squares.value() / (count - 1.0);
  return {mean, std::sqrt(variance / count)};
}

}  // namespace divergence
