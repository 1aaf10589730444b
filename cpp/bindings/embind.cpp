// Embind bindings: the only file that includes Emscripten headers.
//
// Arrays cross the boundary as (pointer, length) into the WASM heap, written there by the JS
// package (web/src/core/heap.js); results that are arrays are written into an output buffer the
// caller allocated. No bound class escapes, so nothing needs .delete().
//
// Every entry point runs inside guarded(): C++ exceptions become JS errors (RangeError or
// TypeError for argument errors, an Error named "FormatError" for malformed files), with the
// message from the core, which names the argument and the problem.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <new>
#include <string>

#include "divergence/compare.hpp"
#include "divergence/discrete.hpp"
#include "divergence/errors.hpp"
#include "divergence/normal.hpp"
#include "divergence/pointwise.hpp"

using divergence::Span;
using emscripten::val;

namespace {

[[noreturn]] void throw_js(const char* constructor, const std::string& message, const char* name = nullptr) {
  val error = val::global(constructor).new_(message);
  if (name != nullptr) error.set("name", val(name));
  error.throw_();
}

template <class F>
auto guarded(F&& f) -> decltype(f()) {
  const char* constructor = "Error";
  const char* name = nullptr;
  std::string message;
  try {
    return f();
  } catch (const divergence::ArgumentError& e) {
    constructor = e.kind() == divergence::ArgumentError::Kind::Type ? "TypeError" : "RangeError";
    message = e.what();
  } catch (const divergence::FormatError& e) {
    name = "FormatError";
    message = e.what();
  } catch (const std::bad_alloc&) {
    constructor = "RangeError";
    message = "out of memory: the input is too large for the WebAssembly heap";
  } catch (const std::exception& e) {
    message = e.what();
  }
  throw_js(constructor, message, name);
}

Span span(std::uintptr_t ptr, std::size_t n) { return Span(reinterpret_cast<const double*>(ptr), n); }
double* out_ptr(std::uintptr_t ptr) { return reinterpret_cast<double*>(ptr); }

divergence::Options options(double base, bool normalize) {
  divergence::Options o;
  o.base = base;
  o.normalize = normalize;
  return o;
}

// Discrete measures: (p, np, q, nq, base, normalize).
using PairMeasure = double (*)(Span, Span, const divergence::Options&);

template <PairMeasure M>
double pair_measure(std::uintptr_t p, std::size_t np, std::uintptr_t q, std::size_t nq, double base, bool normalize) {
  return guarded([&] { return M(span(p, np), span(q, nq), options(base, normalize)); });
}

double entropy(std::uintptr_t p, std::size_t np, double base, bool normalize) {
  return guarded([&] { return divergence::entropy(span(p, np), options(base, normalize)); });
}

void kl_terms(std::uintptr_t p, std::size_t np, std::uintptr_t q, std::size_t nq, double base, bool normalize,
              std::uintptr_t out) {
  guarded([&] {
    const auto terms = divergence::kl_terms(span(p, np), span(q, nq), options(base, normalize));
    std::copy(terms.begin(), terms.end(), out_ptr(out));
  });
}

double kl_normal(double muP, double sigmaP, double muQ, double sigmaQ) {
  return guarded([&] { return divergence::kl_normal(muP, sigmaP, muQ, sigmaQ); });
}

void normal_pdf(std::uintptr_t x, std::size_t n, double mu, double sigma, std::uintptr_t out) {
  guarded([&] {
    const auto pdf = divergence::normal_pdf(span(x, n), mu, sigma);
    std::copy(pdf.begin(), pdf.end(), out_ptr(out));
  });
}

double kl_grid(std::uintptr_t x, std::size_t nx, std::uintptr_t p, std::size_t np, std::uintptr_t q, std::size_t nq) {
  return guarded([&] { return divergence::kl_grid(span(x, nx), span(p, np), span(q, nq)); });
}

double rel_entr(double x, double y) { return divergence::rel_entr(x, y); }

std::string compare_csv(std::uintptr_t ref, std::size_t nref, std::uintptr_t cur, std::size_t ncur, int bins,
                        double epsilon) {
  return guarded([&] {
    divergence::CompareOptions opt;
    opt.bins = bins;
    opt.epsilon = epsilon;
    const std::string_view r(reinterpret_cast<const char*>(ref), nref);
    const std::string_view c(reinterpret_cast<const char*>(cur), ncur);
    return divergence::compare_csv_json(r, c, opt);
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(divergence) {
  emscripten::function("klDivergence", &pair_measure<divergence::kl_divergence>);
  emscripten::function("crossEntropy", &pair_measure<divergence::cross_entropy>);
  emscripten::function("jsDivergence", &pair_measure<divergence::js_divergence>);
  emscripten::function("jsDistance", &pair_measure<divergence::js_distance>);
  emscripten::function("psi", &pair_measure<divergence::psi>);
  emscripten::function("totalVariation", &pair_measure<divergence::total_variation>);
  emscripten::function("hellinger", &pair_measure<divergence::hellinger>);
  emscripten::function("entropy", &entropy);
  emscripten::function("klTerms", &kl_terms);
  emscripten::function("klNormal", &kl_normal);
  emscripten::function("normalPdf", &normal_pdf);
  emscripten::function("klGrid", &kl_grid);
  emscripten::function("relEntr", &rel_entr);
  emscripten::function("compareCsv", &compare_csv);
}
