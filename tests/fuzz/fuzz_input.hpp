// Turning fuzzer bytes into arguments: doubles from raw 8-byte patterns (so NaN, infinities,
// subnormals and negative zero all occur), small integers, and a check that a result is never
// NaN (the core must raise an error instead of returning NaN by accident).
#pragma once

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace fuzz {

class Input {
 public:
  Input(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}

  bool empty() const { return pos_ >= size_; }

  std::uint8_t byte() { return pos_ < size_ ? data_[pos_++] : 0; }

  double number() {
    std::uint64_t bits = 0;
    for (int i = 0; i < 8; ++i) bits = (bits << 8) | byte();
    double x;
    std::memcpy(&x, &bits, sizeof x);
    return x;
  }

  // Mostly well-formed values (non-negative, modest), sometimes raw bit patterns.
  double weight() {
    const std::uint8_t kind = byte();
    if (kind < 200) return (kind % 50) * 0.25;
    return number();
  }

  std::vector<double> weights(std::size_t n) {
    std::vector<double> v(n);
    for (double& x : v) x = weight();
    return v;
  }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t pos_ = 0;
};

// A result the core returned (not an error): it must not be NaN.
inline void not_nan(double x) {
  if (std::isnan(x)) std::abort();
}

}  // namespace fuzz
