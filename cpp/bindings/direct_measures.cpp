// The hot discrete measures (KL, cross-entropy, entropy, Jensen-Shannon) as plain C exports:
// JS calls them as module._dl_kl(...) directly, without Embind's generic invoker (which costs
// about 85 ns a call with DYNAMIC_EXECUTION=0), so small inputs stay cheap (issue 7: per-call
// overhead). Arrays are (pointer, length) as in bridge.hpp.
//
// Errors cannot be thrown across a plain export: the function returns NaN (no measure returns
// NaN otherwise) and keeps the error; dl_error_kind() says which constructor (1 RangeError,
// 2 TypeError, 3 Error; 0 none) and the Embind function lastErrorMessage() its message, which
// web/src/core/discrete.js turns into the same JS error the Embind bindings throw.
#include <emscripten/bind.h>
#include <emscripten/emscripten.h>

#include <cstddef>
#include <limits>
#include <new>
#include <string>

#include "bridge.hpp"
#include "divergence/discrete.hpp"
#include "divergence/errors.hpp"

namespace {

int error_kind = 0;
std::string error_message;

template <class F>
double direct(F&& f) {
  error_kind = 0;
  try {
    return f();
  } catch (const divergence::ArgumentError& e) {
    error_kind = e.kind() == divergence::ArgumentError::Kind::Type ? 2 : 1;
    error_message = e.what();
  } catch (const std::bad_alloc&) {
    error_kind = 1;
    error_message = "out of memory: the input is too large for the WebAssembly heap";
  } catch (const std::exception& e) {
    error_kind = 3;
    error_message = e.what();
  }
  return std::numeric_limits<double>::quiet_NaN();
}

divergence::Span span(const double* p, std::size_t n) { return divergence::Span(p, n); }

using PairMeasure = double (*)(divergence::Span, divergence::Span, const divergence::Options&);

double pair(PairMeasure m, const double* p, std::size_t np, const double* q, std::size_t nq, double base, int normalize,
            int smoothing, double amount) {
  return direct([&] { return m(span(p, np), span(q, nq), bridge::options(base, normalize != 0, smoothing, amount)); });
}

std::string last_error_message() { return error_message; }

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE double dl_kl(const double* p, std::size_t np, const double* q, std::size_t nq, double base,
                                  int normalize, int smoothing, double amount) {
  return pair(divergence::kl_divergence, p, np, q, nq, base, normalize, smoothing, amount);
}

EMSCRIPTEN_KEEPALIVE double dl_cross_entropy(const double* p, std::size_t np, const double* q, std::size_t nq,
                                             double base, int normalize, int smoothing, double amount) {
  return pair(divergence::cross_entropy, p, np, q, nq, base, normalize, smoothing, amount);
}

EMSCRIPTEN_KEEPALIVE double dl_js_divergence(const double* p, std::size_t np, const double* q, std::size_t nq,
                                             double base, int normalize, int smoothing, double amount) {
  return pair(divergence::js_divergence, p, np, q, nq, base, normalize, smoothing, amount);
}

EMSCRIPTEN_KEEPALIVE double dl_js_distance(const double* p, std::size_t np, const double* q, std::size_t nq,
                                           double base, int normalize, int smoothing, double amount) {
  return pair(divergence::js_distance, p, np, q, nq, base, normalize, smoothing, amount);
}

EMSCRIPTEN_KEEPALIVE double dl_entropy(const double* p, std::size_t np, double base, int normalize, int smoothing,
                                       double amount) {
  return direct([&] { return divergence::entropy(span(p, np), bridge::options(base, normalize != 0, smoothing, amount)); });
}

EMSCRIPTEN_KEEPALIVE int dl_error_kind() { return error_kind; }

}  // extern "C"

EMSCRIPTEN_BINDINGS(direct_measures) { emscripten::function("lastErrorMessage", &last_error_message); }
