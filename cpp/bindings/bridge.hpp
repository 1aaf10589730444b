// What every bindings file shares: the bindings folder is the only code that includes
// Emscripten headers.
//
// Arrays cross the boundary as (pointer, length) into the WASM heap, written there by the JS
// package (web/src/core/arrays.js); results that are arrays are written into an output buffer the
// caller allocated. No bound class escapes, so nothing needs .delete().
//
// Every entry point runs inside guarded(): C++ exceptions become JS errors (RangeError or
// TypeError for argument errors, an Error named "FormatError" for malformed files), with the
// message from the core, which names the argument and the problem.
#pragma once

#include <emscripten/val.h>

#include <algorithm>
#include <cstdint>
#include <new>
#include <string>

#include "divergence/errors.hpp"
#include "divergence/options.hpp"
#include "divergence/span.hpp"

namespace bridge {

using divergence::Span;
using emscripten::val;

[[noreturn]] inline void throw_js(const char* constructor, const std::string& message, const char* name = nullptr) {
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

// Text arguments arrive as `val`, never as `const std::string&`: Embind copies a std::string
// argument into the heap and frees it after the call returns, but a call that throws (guarded)
// never returns to that cleanup, so every error leaked the copy (found by tests/js/memory.test.js).
// A val is a handle; the copy made here is a C++ local, freed while the exception unwinds.
inline std::string text(const val& v) { return v.as<std::string>(); }

inline Span span(std::uintptr_t ptr, std::size_t n) { return Span(reinterpret_cast<const double*>(ptr), n); }
inline double* out_ptr(std::uintptr_t ptr) { return reinterpret_cast<double*>(ptr); }

// Options arrive flattened: base, normalize, smoothing kind (0 none, 1 epsilon, 2 pseudocount)
// and its amount.
inline divergence::Options options(double base, bool normalize, int smoothing, double amount) {
  divergence::Options o;
  o.base = base;
  o.normalize = normalize;
  if (smoothing == 1) o.smoothing = divergence::Smoothing::epsilon(amount);
  if (smoothing == 2) o.smoothing = divergence::Smoothing::pseudocount(amount);
  return o;
}

template <class Vector>
void copy_out(const Vector& v, std::uintptr_t out) {
  std::copy(v.begin(), v.end(), out_ptr(out));
}

}  // namespace bridge
