// Compensated summation (Neumaier's improvement of Kahan summation).
//
// Reference: A. Neumaier, "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher
// Summen", ZAMM 54 (1974). The error bound is independent of n for well-conditioned sums,
// which keeps long probability vectors (1e6+ bins) summing to 1 within an ulp or two.
#pragma once

#include <cmath>

namespace divergence {

class NeumaierSum {
 public:
  void add(double x) {
    const double t = sum_ + x;
    if (std::fabs(sum_) >= std::fabs(x)) {
      comp_ += (sum_ - t) + x;
    } else {
      comp_ += (x - t) + sum_;
    }
    sum_ = t;
  }
  // Sum with the compensation folded in. Infinite or NaN partial sums are returned as they are.
  double value() const { return std::isfinite(sum_) ? sum_ + comp_ : sum_; }

 private:
  double sum_ = 0.0;
  double comp_ = 0.0;
};

}  // namespace divergence
