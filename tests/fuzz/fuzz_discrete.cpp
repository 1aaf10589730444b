// Fuzz target: every discrete measure, the term table, Rényi, log space and batches, on arbitrary
// arrays and options. Argument errors are expected; crashes, sanitizer reports and NaN results
// are findings.
#include <cstddef>
#include <cstdint>

#include "divergence/discrete.hpp"
#include "divergence/errors.hpp"
#include "divergence/log_space.hpp"
#include "divergence/renyi.hpp"
#include "divergence/terms.hpp"
#include "fuzz_input.hpp"

namespace {

const divergence::Term kTerms[] = {
    divergence::Term::KL,           divergence::Term::ReverseKL,        divergence::Term::CrossEntropy,
    divergence::Term::JensenShannon, divergence::Term::Jeffreys,        divergence::Term::TotalVariation,
    divergence::Term::SquaredHellinger, divergence::Term::Bhattacharyya, divergence::Term::PearsonChi2,
    divergence::Term::NeymanChi2};

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
  divergence::Options opt;
  const std::uint8_t flags = in.byte();
  opt.normalize = (flags & 1) != 0;
  if (flags & 2) opt.base = in.number();
  if (flags & 4) opt.smoothing = divergence::Smoothing::epsilon(in.weight());
  if (flags & 8) opt.smoothing = divergence::Smoothing::pseudocount(in.weight());
  const std::size_t n = in.byte() % 64;
  const std::size_t m = (flags & 16) ? in.byte() % 64 : n;
  const auto p = in.weights(n);
  const auto q = in.weights(m);
  const double alpha = in.number();

  for (divergence::Term t : kTerms) {
    attempt([&] { fuzz::not_nan(divergence::sum_terms(t, p, q, opt)); });
    attempt([&] {
      for (double x : divergence::pointwise_terms(t, p, q, opt)) fuzz::not_nan(x);
    });
  }
  attempt([&] { fuzz::not_nan(divergence::entropy(p, opt)); });
  attempt([&] { fuzz::not_nan(divergence::js_distance(p, q, opt)); });
  attempt([&] { fuzz::not_nan(divergence::hellinger(p, q, opt)); });
  attempt([&] { fuzz::not_nan(divergence::renyi_divergence(p, q, alpha, opt)); });
  attempt([&] { fuzz::not_nan(divergence::bhattacharyya_distance(p, q, opt)); });
  // Log space: the same bytes read as logits / log-probabilities.
  attempt([&] {
    fuzz::not_nan(divergence::kl_divergence_scaled(p, divergence::Scale::Logits, q, divergence::Scale::LogProbabilities, opt));
  });
  attempt([&] {
    for (double x : divergence::log_softmax(p)) fuzz::not_nan(x);
  });
  attempt([&] {
    for (double x : divergence::kl_logits_gradient(p, q, opt)) fuzz::not_nan(x);
  });
  attempt([&] {
    const std::size_t rows = 1 + flags % 4;
    for (double x : divergence::kl_divergence_rows(p, divergence::Scale::Probabilities, q,
                                                   divergence::Scale::Probabilities, rows, opt)) {
      fuzz::not_nan(x);
    }
  });
  return 0;
}
