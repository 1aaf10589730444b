// Embind bindings of fitting a normal Q to a gridded density P by KL (conventions: bridge.hpp).
// Results with several numbers are written into an output buffer of doubles.
#include <emscripten/bind.h>

#include <cstdint>

#include "bridge.hpp"
#include "divergence/fit.hpp"

namespace {

using namespace bridge;

// direction: 0 forward KL(P||Q), 1 reverse KL(Q||P); out: kl, d kl/d mu, d kl/d ln sigma.
void normal_fit_gradient(std::uintptr_t x, std::size_t nx, std::uintptr_t lp, std::size_t np, double mu, double log_sigma,
                         int direction, std::uintptr_t out) {
  guarded([&] {
    const auto g = divergence::normal_fit_gradient(span(x, nx), span(lp, np), mu, log_sigma,
                                                   static_cast<divergence::FitDirection>(direction));
    double* o = out_ptr(out);
    o[0] = g.kl;
    o[1] = g.d_mu;
    o[2] = g.d_log_sigma;
  });
}

// out: mass, mean, variance.
void grid_moments(std::uintptr_t x, std::size_t nx, std::uintptr_t lp, std::size_t np, std::uintptr_t out) {
  guarded([&] {
    const auto m = divergence::grid_moments(span(x, nx), span(lp, np));
    double* o = out_ptr(out);
    o[0] = m.mass;
    o[1] = m.mean;
    o[2] = m.variance;
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(divergence_fit) {
  emscripten::function("normalFitGradient", &normal_fit_gradient);
  emscripten::function("gridMoments", &grid_moments);
}
