// Vasicek's spacing estimator of differential entropy.
#include "divergence/sample_entropy.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "divergence/errors.hpp"
#include "divergence/summation.hpp"

namespace divergence {

double differential_entropy(Span values, std::size_t window_length) {
  const std::size_t n = values.size;
  if (n == 0) throw range_error("values", "must not be empty");
  for (std::size_t i = 0; i < n; ++i) {
    if (std::isnan(values[i])) throw range_error("values", "entry " + std::to_string(i) + " is NaN");
    if (std::isinf(values[i])) throw range_error("values", "entry " + std::to_string(i) + " is infinite");
  }
  const std::size_t m =
      window_length == 0 ? static_cast<std::size_t>(std::floor(std::sqrt(static_cast<double>(n)) + 0.5)) : window_length;
  if (!(m >= 1 && 2 * m < n)) {
    throw range_error("windowLength", "must be >= 1 and less than half the sample size (" + std::to_string(n) +
                                          "); got " + std::to_string(m));
  }
  std::vector<double> x(values.begin(), values.end());
  std::sort(x.begin(), x.end());
  const double scale = static_cast<double>(n) / (2.0 * static_cast<double>(m));
  NeumaierSum sum;
  for (std::size_t i = 0; i < n; ++i) {
    const double hi = x[std::min(i + m, n - 1)];
    const double lo = x[i >= m ? i - m : 0];
    sum.add(std::log(scale * (hi - lo)));  // log(0) = -inf for a run of ties
  }
  return sum.value() / static_cast<double>(n);
}

}  // namespace divergence
