// A read-only view of contiguous doubles (C++17 has no std::span).
#pragma once

#include <cstddef>
#include <vector>

namespace divergence {

struct Span {
  const double* data = nullptr;
  std::size_t size = 0;

  Span() = default;
  Span(const double* d, std::size_t n) : data(d), size(n) {}
  Span(const std::vector<double>& v) : data(v.data()), size(v.size()) {}  // NOLINT: implicit by design

  const double& operator[](std::size_t i) const { return data[i]; }
  const double* begin() const { return data; }
  const double* end() const { return data + size; }
  bool empty() const { return size == 0; }
};

}  // namespace divergence
