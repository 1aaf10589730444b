// Fuzz target: Wasserstein, energy distance, KS, chi-square and G tests, Monte Carlo KL on
// arbitrary samples. Argument errors are expected; crashes, sanitizer reports and NaN results
// are findings.
#include <cstddef>
#include <cstdint>

#include "divergence/errors.hpp"
#include "divergence/samples.hpp"
#include "fuzz_input.hpp"

namespace {

template <class F>
void attempt(F f) {
  try {
    f();
  } catch (const divergence::ArgumentError&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::Input in(data, size);
  const std::uint8_t flags = in.byte();
  const std::size_t n = in.byte() % 48;
  const std::size_t m = in.byte() % 48;
  auto u = in.weights(n);
  auto v = in.weights(m);
  std::vector<double> uw, vw;
  if (flags & 1) uw = in.weights(n + (flags >> 6 == 1));
  if (flags & 2) vw = in.weights(m);
  if (flags & 4) {  // signed values for the location measures
    for (double& x : u) x -= 5.0;
  }
  attempt([&] { fuzz::not_nan(divergence::wasserstein1(u, v, uw, vw)); });
  attempt([&] { fuzz::not_nan(divergence::energy_distance(u, v, uw, vw)); });
  for (int method = 0; method < 3; ++method) {
    for (int alt = 0; alt < 3; ++alt) {
      attempt([&] {
        const auto r = divergence::ks_2samp(u, v, static_cast<divergence::KsMethod>(method),
                                            static_cast<divergence::KsAlternative>(alt));
        fuzz::not_nan(r.statistic);
        fuzz::not_nan(r.pvalue);
      });
    }
  }
  const int ddof = static_cast<int>(flags >> 4) - 4;
  attempt([&] {
    const auto r = divergence::chi_square_gof(u, v, ddof);
    fuzz::not_nan(r.statistic);
    fuzz::not_nan(r.pvalue);
  });
  attempt([&] {
    const auto r = divergence::g_test(u, {}, ddof);
    fuzz::not_nan(r.statistic);
    fuzz::not_nan(r.pvalue);
  });
  attempt([&] {
    const auto r = divergence::chi_square_homogeneity(u, v);
    fuzz::not_nan(r.statistic);
    fuzz::not_nan(r.pvalue);
  });
  attempt([&] {
    const auto r = divergence::kl_monte_carlo(u, v);
    fuzz::not_nan(r.estimate);
    fuzz::not_nan(r.standard_error);
  });
  return 0;
}
