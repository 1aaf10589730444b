// Embind bindings of the sample-based distances and estimators: Wasserstein, energy distance,
// KL from samples, differential entropy (conventions: bridge.hpp). The two-sample tests are in
// sample_tests.cpp.
#include <emscripten/bind.h>

#include <cstdint>

#include "bridge.hpp"
#include "divergence/samples.hpp"

namespace {

using namespace bridge;

double wasserstein1(std::uintptr_t u, std::size_t nu, std::uintptr_t v, std::size_t nv, std::uintptr_t uw,
                    std::size_t nuw, std::uintptr_t vw, std::size_t nvw) {
  return guarded([&] { return divergence::wasserstein1(span(u, nu), span(v, nv), span(uw, nuw), span(vw, nvw)); });
}

double energy_distance(std::uintptr_t u, std::size_t nu, std::uintptr_t v, std::size_t nv, std::uintptr_t uw,
                       std::size_t nuw, std::uintptr_t vw, std::size_t nvw) {
  return guarded([&] { return divergence::energy_distance(span(u, nu), span(v, nv), span(uw, nuw), span(vw, nvw)); });
}

// out: estimate, standard error.
void kl_monte_carlo(std::uintptr_t lp, std::size_t n, std::uintptr_t lq, std::size_t m, std::uintptr_t out) {
  guarded([&] {
    const auto e = divergence::kl_monte_carlo(span(lp, n), span(lq, m));
    out_ptr(out)[0] = e.estimate;
    out_ptr(out)[1] = e.standard_error;
  });
}

double kl_knn(std::uintptr_t x, std::size_t nx, std::size_t n, std::uintptr_t y, std::size_t ny, std::size_t m,
              std::size_t d, std::size_t k) {
  return guarded([&] { return divergence::kl_knn(span(x, nx), n, span(y, ny), m, d, k); });
}

double differential_entropy(std::uintptr_t x, std::size_t n, std::size_t window) {
  return guarded([&] { return divergence::differential_entropy(span(x, n), window); });
}

}  // namespace

EMSCRIPTEN_BINDINGS(divergence_sample_distances) {
  emscripten::function("differentialEntropy", &differential_entropy);
  emscripten::function("wasserstein1", &wasserstein1);
  emscripten::function("energyDistance", &energy_distance);
  emscripten::function("klMonteCarlo", &kl_monte_carlo);
  emscripten::function("klKnn", &kl_knn);
}
