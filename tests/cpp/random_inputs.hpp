// Random test inputs with fixed seeds, shared by the property tests.
#pragma once

#include <random>
#include <vector>

namespace test_inputs {

// n non-negative weights; each is 0 with probability zero_share; entry 0 is always > 0.5.
inline std::vector<double> random_weights(std::mt19937_64& rng, std::size_t n, double zero_share = 0.0) {
  std::uniform_real_distribution<double> u(0.0, 1.0);
  std::vector<double> v(n);
  for (double& x : v) x = u(rng) < zero_share ? 0.0 : u(rng);
  v[0] += 0.5;  // never all zero
  return v;
}

// The same weights divided by their sum.
inline std::vector<double> random_probabilities(std::mt19937_64& rng, std::size_t n, double zero_share = 0.0) {
  std::vector<double> v = random_weights(rng, n, zero_share);
  double s = 0;
  for (double x : v) s += x;
  for (double& x : v) x /= s;
  return v;
}

}  // namespace test_inputs
