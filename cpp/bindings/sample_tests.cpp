// Embind bindings of the two-sample tests: Kolmogorov-Smirnov, chi-square and G tests
// (conventions: bridge.hpp). Results with several numbers are written into an output buffer.
#include <emscripten/bind.h>

#include <cstdint>

#include "bridge.hpp"
#include "divergence/samples.hpp"

namespace {

using namespace bridge;

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

}  // namespace

EMSCRIPTEN_BINDINGS(divergence_sample_tests) {
  emscripten::function("ks2samp", &ks_2samp);
  emscripten::function("goodnessOfFit", &goodness_of_fit);
  emscripten::function("chiSquareHomogeneity", &chi_square_homogeneity);
}
