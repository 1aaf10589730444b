// Embind bindings of the sample-based measures and tests (conventions: bridge.hpp). Results
// with several numbers are written into an output buffer of doubles.
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

// out: statistic, pvalue, method used (1 exact, 2 asymp), statistic location, statistic sign.
void ks_2samp(std::uintptr_t x, std::size_t nx, std::uintptr_t y, std::size_t ny, int method, int alternative,
              std::uintptr_t out) {
  guarded([&] {
    const auto r = divergence::ks_2samp(span(x, nx), span(y, ny), static_cast<divergence::KsMethod>(method),
                                        static_cast<divergence::KsAlternative>(alternative));
    double* o = out_ptr(out);
    o[0] = r.statistic;
    o[1] = r.pvalue;
    o[2] = static_cast<double>(r.method_used);
    o[3] = r.statistic_location;
    o[4] = r.statistic_sign;
  });
}

void write_chi(const divergence::ChiSquareResult& r, std::uintptr_t out) {
  double* o = out_ptr(out);
  o[0] = r.statistic;
  o[1] = r.pvalue;
  o[2] = static_cast<double>(r.dof);
}

// kind: 0 Pearson goodness of fit, 1 G-test; out: statistic, pvalue, dof.
void goodness_of_fit(int kind, std::uintptr_t obs, std::size_t nobs, std::uintptr_t exp, std::size_t nexp, int ddof,
                     std::uintptr_t out) {
  guarded([&] {
    const auto f = kind == 0 ? divergence::chi_square_gof : divergence::g_test;
    write_chi(f(span(obs, nobs), span(exp, nexp), ddof), out);
  });
}

void chi_square_homogeneity(std::uintptr_t r, std::size_t nr, std::uintptr_t c, std::size_t nc, std::uintptr_t out) {
  guarded([&] { write_chi(divergence::chi_square_homogeneity(span(r, nr), span(c, nc)), out); });
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

EMSCRIPTEN_BINDINGS(divergence_samples) {
  emscripten::function("differentialEntropy", &differential_entropy);
  emscripten::function("wasserstein1", &wasserstein1);
  emscripten::function("energyDistance", &energy_distance);
  emscripten::function("ks2samp", &ks_2samp);
  emscripten::function("goodnessOfFit", &goodness_of_fit);
  emscripten::function("chiSquareHomogeneity", &chi_square_homogeneity);
  emscripten::function("klMonteCarlo", &kl_monte_carlo);
  emscripten::function("klKnn", &kl_knn);
}
