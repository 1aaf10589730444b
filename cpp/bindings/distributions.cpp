// Embind bindings of the parametric distributions (conventions: bridge.hpp). A distribution
// crosses the boundary as its family name and its parameter array (distributions.hpp layouts).
#include <emscripten/bind.h>

#include <cstdint>
#include <string>

#include "bridge.hpp"
#include "divergence/distributions.hpp"

namespace {

using namespace bridge;

divergence::Distribution make(const std::string& family, std::uintptr_t params, std::size_t n) {
  const Span s = span(params, n);
  return divergence::make_distribution(family, std::vector<double>(s.begin(), s.end()));
}

// Validates and normalizes the parameters (e.g. Categorical probabilities divided by their sum),
// writing the stored parameters to out (same length as params).
void validate(val family_text, std::uintptr_t params, std::size_t n, std::uintptr_t out) {
  const std::string family = text(family_text);
  guarded([&] { copy_out(make(family, params, n).params, out); });
}

double kl(val fp_text, std::uintptr_t pp, std::size_t np, val fq_text, std::uintptr_t qp, std::size_t nq) {
  const std::string fp = text(fp_text), fq = text(fq_text);
  return guarded([&] { return divergence::kl_divergence(make(fp, pp, np), make(fq, qp, nq)); });
}

double entropy(val family_text, std::uintptr_t params, std::size_t n) {
  const std::string family = text(family_text);
  return guarded([&] { return divergence::entropy(make(family, params, n)); });
}

// ln density (or mass) at each of the `count` points of dimension d in x, into out.
void log_prob(val family_text, std::uintptr_t params, std::size_t n, std::uintptr_t x, std::size_t count, std::size_t d,
              std::uintptr_t out) {
  const std::string family = text(family_text);
  guarded([&] {
    const auto dist = make(family, params, n);
    const Span points = span(x, count * d);
    double* o = out_ptr(out);
    for (std::size_t i = 0; i < count; ++i) {
      o[i] = d == 1 ? divergence::log_prob(dist, points[i]) : divergence::log_prob(dist, Span(points.data + i * d, d));
    }
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(divergence_distributions) {
  emscripten::function("distValidate", &validate);
  emscripten::function("distKl", &kl);
  emscripten::function("distEntropy", &entropy);
  emscripten::function("distLogProb", &log_prob);
}
