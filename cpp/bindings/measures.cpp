// Embind bindings of the discrete measures, log space and normal distributions.
// Conventions (pointer + length arrays, output buffers, errors): bridge.hpp.
#include <emscripten/bind.h>

#include <cmath>
#include <cstdint>
#include <string>

#include "bridge.hpp"
#include "divergence/discrete.hpp"
#include "divergence/errors.hpp"
#include "divergence/fused.hpp"
#include "divergence/log_space.hpp"
#include "divergence/normal.hpp"
#include "divergence/pointwise.hpp"
#include "divergence/renyi.hpp"
#include "divergence/terms.hpp"

using divergence::Span;

namespace {

using namespace bridge;

divergence::Scale scale(int s) { return static_cast<divergence::Scale>(s); }

// Measures that are sums of pointwise terms, by name ("kl", "jensen-shannon", "pearson", ...).
double sum_terms(val term_text, std::uintptr_t p, std::size_t np, std::uintptr_t q, std::size_t nq, double base,
                 bool normalize, int smoothing, double amount) {
  const std::string term = text(term_text);
  return guarded([&] {
    return divergence::sum_terms(divergence::term_from_name(term, "measure"), span(p, np), span(q, nq),
                                 options(base, normalize, smoothing, amount));
  });
}

void pointwise_terms(val term_text, std::uintptr_t p, std::size_t np, std::uintptr_t q, std::size_t nq, double base,
                     bool normalize, int smoothing, double amount, std::uintptr_t out) {
  const std::string term = text(term_text);
  guarded([&] {
    copy_out(divergence::pointwise_terms(divergence::term_from_name(term, "measure"), span(p, np), span(q, nq),
                                         options(base, normalize, smoothing, amount)),
             out);
  });
}

// Measures with a dedicated core function: (p, np, q, nq, base, normalize, smoothing, amount).
using PairMeasure = double (*)(Span, Span, const divergence::Options&);

template <PairMeasure M>
double pair_measure(std::uintptr_t p, std::size_t np, std::uintptr_t q, std::size_t nq, double base, bool normalize,
                    int smoothing, double amount) {
  return guarded([&] { return M(span(p, np), span(q, nq), options(base, normalize, smoothing, amount)); });
}

double entropy(std::uintptr_t p, std::size_t np, double base, bool normalize, int smoothing, double amount) {
  return guarded([&] { return divergence::entropy(span(p, np), options(base, normalize, smoothing, amount)); });
}

double renyi(std::uintptr_t p, std::size_t np, std::uintptr_t q, std::size_t nq, double alpha, double base,
             bool normalize, int smoothing, double amount) {
  return guarded([&] {
    return divergence::renyi_divergence(span(p, np), span(q, nq), alpha, options(base, normalize, smoothing, amount));
  });
}

double kl_scaled(std::uintptr_t p, std::size_t np, int ps, std::uintptr_t q, std::size_t nq, int qs, double base,
                 bool normalize, int smoothing, double amount) {
  return guarded([&] {
    return divergence::kl_divergence_scaled(span(p, np), scale(ps), span(q, nq), scale(qs),
                                            options(base, normalize, smoothing, amount));
  });
}

void kl_rows(std::uintptr_t p, std::size_t np, int ps, std::uintptr_t q, std::size_t nq, int qs, std::size_t rows,
             double base, bool normalize, int smoothing, double amount, std::uintptr_t out) {
  guarded([&] {
    copy_out(divergence::kl_divergence_rows(span(p, np), scale(ps), span(q, nq), scale(qs), rows,
                                            options(base, normalize, smoothing, amount)),
             out);
  });
}

void kl_logits_gradient(std::uintptr_t p, std::size_t np, std::uintptr_t z, std::size_t nz, bool normalize,
                        int smoothing, double amount, std::uintptr_t out) {
  guarded([&] {
    divergence::Options o = options(2.718281828459045, normalize, smoothing, amount);
    copy_out(divergence::kl_logits_gradient(span(p, np), span(z, nz), o), out);
  });
}

double log_sum_exp(std::uintptr_t x, std::size_t n) { return guarded([&] { return divergence::log_sum_exp(span(x, n)); }); }

void log_softmax(std::uintptr_t x, std::size_t n, std::uintptr_t out) {
  guarded([&] { copy_out(divergence::log_softmax(span(x, n)), out); });
}

double kl_normal(double muP, double sigmaP, double muQ, double sigmaQ) {
  return guarded([&] { return divergence::kl_normal(muP, sigmaP, muQ, sigmaQ); });
}

void normal_pdf(std::uintptr_t x, std::size_t n, double mu, double sigma, std::uintptr_t out) {
  guarded([&] {
    copy_out(divergence::normal_pdf(span(x, n), mu, sigma), out);
  });
}

double kl_grid(std::uintptr_t x, std::size_t nx, std::uintptr_t p, std::size_t np, std::uintptr_t q, std::size_t nq) {
  return guarded([&] { return divergence::kl_grid(span(x, nx), span(p, np), span(q, nq)); });
}

void normal_log_pdf(std::uintptr_t x, std::size_t n, double mu, double sigma, std::uintptr_t out) {
  guarded([&] { copy_out(divergence::normal_log_pdf(span(x, n), mu, sigma), out); });
}

double kl_grid_log(std::uintptr_t x, std::size_t nx, std::uintptr_t p, std::size_t np, std::uintptr_t q, std::size_t nq) {
  return guarded([&] { return divergence::kl_grid_log(span(x, nx), span(p, np), span(q, nq)); });
}

double rel_entr(double x, double y) { return divergence::rel_entr(x, y); }

// The fused kernels' logarithm over an array (accuracy tests) and std::log for comparison.
void vector_log(std::uintptr_t x, std::size_t n, std::uintptr_t out) {
  divergence::vector_log(reinterpret_cast<const double*>(x), out_ptr(out), n);
}
void std_log(std::uintptr_t x, std::size_t n, std::uintptr_t out) {
  const double* in = reinterpret_cast<const double*>(x);
  for (std::size_t i = 0; i < n; ++i) out_ptr(out)[i] = std::log(in[i]);
}
bool simd_build() { return divergence::fused_simd(); }
double bandwidth_probe(std::uintptr_t a, std::uintptr_t b, std::size_t n) {
  return divergence::sum_of_pair(reinterpret_cast<const double*>(a), reinterpret_cast<const double*>(b), n);
}

}  // namespace

EMSCRIPTEN_BINDINGS(divergence) {
  emscripten::function("sumTerms", &sum_terms);
  emscripten::function("pointwiseTerms", &pointwise_terms);
  emscripten::function("klDivergence", &pair_measure<divergence::kl_divergence>);
  emscripten::function("crossEntropy", &pair_measure<divergence::cross_entropy>);
  emscripten::function("jsDivergence", &pair_measure<divergence::js_divergence>);
  emscripten::function("jsDistance", &pair_measure<divergence::js_distance>);
  emscripten::function("hellinger", &pair_measure<divergence::hellinger>);
  emscripten::function("bhattacharyyaDistance", &pair_measure<divergence::bhattacharyya_distance>);
  emscripten::function("entropy", &entropy);
  emscripten::function("renyiDivergence", &renyi);
  emscripten::function("klScaled", &kl_scaled);
  emscripten::function("klRows", &kl_rows);
  emscripten::function("klLogitsGradient", &kl_logits_gradient);
  emscripten::function("logSumExp", &log_sum_exp);
  emscripten::function("logSoftmax", &log_softmax);
  emscripten::function("klNormal", &kl_normal);
  emscripten::function("normalPdf", &normal_pdf);
  emscripten::function("klGrid", &kl_grid);
  emscripten::function("normalLogPdf", &normal_log_pdf);
  emscripten::function("klGridLog", &kl_grid_log);
  emscripten::function("relEntr", &rel_entr);
  emscripten::function("vectorLog", &vector_log);
  emscripten::function("stdLog", &std_log);
  emscripten::function("simdBuild", &simd_build);
  emscripten::function("bandwidthProbe", &bandwidth_probe);
}
