// Options shared by the discrete measures: logarithm base, normalization and smoothing.
#pragma once

namespace divergence {

// Smoothing of empty bins before a measure is computed. Smoothing always yields probabilities
// (the result sums to 1), whatever Options::normalize says.
//   None:        inputs are used as they are.
//   Epsilon:     inputs are normalized, every zero entry becomes `amount`, then the vector is
//                divided by its sum (the drift-monitoring convention; amount = 1e-4 typical).
//   Pseudocount: `amount` is added to every entry (Laplace/additive smoothing of counts), then
//                the vector is normalized. amount = 1 is Laplace's rule, 0.5 Jeffreys-Perks.
struct Smoothing {
  enum class Kind { None, Epsilon, Pseudocount };
  Kind kind = Kind::None;
  double amount = 0.0;

  static Smoothing none() { return {}; }
  static Smoothing epsilon(double e) { return {Kind::Epsilon, e}; }
  static Smoothing pseudocount(double c) { return {Kind::Pseudocount, c}; }
};

struct Options {
  double base = 2.718281828459045235360287471352662498;  // e: results in nats; 2: bits
  bool normalize = true;                                 // divide inputs by their sums (SciPy)
  Smoothing smoothing;                                   // none by default
};

}  // namespace divergence
