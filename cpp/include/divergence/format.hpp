// Number formatting for error messages and JSON: the shortest "%.{15,16,17}g" text that reads
// back as the same double (no iostreams: they add ~100 KB to the WebAssembly module).
#pragma once

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace divergence {

inline std::string format_number(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  char buf[32];
  for (int precision = 15; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, x);
    if (std::strtod(buf, nullptr) == x) break;
  }
  return buf;
}

}  // namespace divergence
