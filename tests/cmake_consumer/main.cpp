// Prints KL([0.1, 0.6, 0.3] || [0.2, 0.3, 0.5]); scipy.stats.entropy gives 0.19332590315017542.
#include <cmath>
#include <cstdio>
#include <vector>

#include "divergence/discrete.hpp"

int main() {
  const std::vector<double> p{0.1, 0.6, 0.3}, q{0.2, 0.3, 0.5};
  const double kl = divergence::kl_divergence(p, q);
  std::printf("%.17g\n", kl);
  return std::fabs(kl - 0.19332590315017542) < 1e-15 ? 0 : 1;
}
