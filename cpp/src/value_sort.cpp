// Sorting a column's stored values (see value_sort.hpp).
#include "value_sort.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "divergence/columns.hpp"

namespace divergence {
namespace detail {
namespace {

constexpr int kBits = 11;
constexpr int kMaxPasses = (64 + kBits - 1) / kBits;
constexpr std::size_t kBuckets = std::size_t{1} << kBits;
constexpr std::uint64_t kMask = kBuckets - 1;

// The digit passes of an LSD radix sort of n keys, starting in `keys`, with `other` (n * 8 bytes,
// read and written bytewise: it is the values' memory, so no aliasing) as the second buffer.
// count: the histograms of digits 0..passes-1 (kBuckets each), turned into offsets here. A digit
// that is the same in every key is skipped. Returns whether the sorted keys end in `keys`.
bool scatter_passes(std::uint64_t* keys, unsigned char* other, std::size_t n, std::size_t* count, int passes) {
  bool in_keys = true;
  for (int p = 0; p < passes; ++p) {
    std::size_t* c = count + p * kBuckets;
    const int shift = p * kBits;
    std::uint64_t first;
    if (in_keys) {
      first = keys[0];
    } else {
      std::memcpy(&first, other, 8);
    }
    if (c[(first >> shift) & kMask] == n) continue;  // one digit everywhere
    std::size_t sum = 0;
    for (std::size_t b = 0; b < kBuckets; ++b) {
      const std::size_t t = c[b];
      c[b] = sum;
      sum += t;
    }
    if (in_keys) {
      for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t k = keys[i];
        std::memcpy(other + 8 * c[(k >> shift) & kMask]++, &k, 8);
      }
    } else {
      for (std::size_t i = 0; i < n; ++i) {
        std::uint64_t k;
        std::memcpy(&k, other + 8 * i, 8);
        keys[c[(k >> shift) & kMask]++] = k;
      }
    }
    in_keys = !in_keys;
  }
  return in_keys;
}

// Key i of the sorted keys, wherever they ended.
inline std::uint64_t sorted_key(const std::uint64_t* keys, const unsigned char* other, bool in_keys, std::size_t i) {
  if (in_keys) return keys[i];
  std::uint64_t k;
  std::memcpy(&k, other + 8 * i, 8);
  return k;
}

}  // namespace

std::uint64_t order_key(double x) {
  std::uint64_t u;
  std::memcpy(&u, &x, sizeof u);
  return (u >> 63) ? ~u : (u | (std::uint64_t{1} << 63));
}

void sort_values(std::vector<double>& v, std::vector<std::uint64_t>& scratch) {
  const std::size_t n = v.size();
  if (n < 2048) {
    std::sort(v.begin(), v.end(), value_less);
    return;
  }
  if (scratch.size() < n) scratch.resize(n);
  unsigned char* const own = reinterpret_cast<unsigned char*>(v.data());
  std::uint64_t* const keys = scratch.data();
  std::vector<std::size_t> count(kMaxPasses * kBuckets, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t k = order_key(v[i]);
    keys[i] = k;
    for (int p = 0; p < kMaxPasses; ++p) ++count[p * kBuckets + ((k >> (p * kBits)) & kMask)];
  }
  const bool in_keys = scatter_passes(keys, own, n, count.data(), kMaxPasses);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t k = sorted_key(keys, own, in_keys, i);
    const std::uint64_t u = (k >> 63) ? (k & ~(std::uint64_t{1} << 63)) : ~k;
    std::memcpy(own + 8 * i, &u, 8);
  }
}

void sort_plain_decimals(std::vector<double>& v, int decimals, double lo, double hi, std::vector<std::uint64_t>& scratch) {
  const std::size_t n = v.size();
  if (n < 2048) {
    std::sort(v.begin(), v.end(), value_less);
    return;
  }
  if (decimals < 0 || decimals > 15) return sort_values(v, scratch);
  const double scale = kPlainPow10[decimals];
  const double limit = 1e15;  // |x| 10^d of every plain decimal is below 10^15 (+ rounding)
  if (!(lo <= hi && std::fabs(lo) * scale < limit && std::fabs(hi) * scale < limit)) return sort_values(v, scratch);
  // key = 2 (m - m_lo) + [x not negative] with m = +-M: -0 (key 2 m) before +0 (2 m + 1).
  const std::int64_t base = 2 * plain_decimal_units(lo, decimals);
  const std::uint64_t range = static_cast<std::uint64_t>(2 * plain_decimal_units(hi, decimals) + 1 - base);
  int passes = 1;
  while (passes < kMaxPasses && (range >> (passes * kBits)) != 0) ++passes;

  if (scratch.size() < n) scratch.resize(n);
  unsigned char* const own = reinterpret_cast<unsigned char*>(v.data());
  std::uint64_t* const keys = scratch.data();
  std::vector<std::size_t> count(static_cast<std::size_t>(passes) * kBuckets, 0);
  bool consistent = true;  // every value within [lo, hi] and of plain-decimal size
  for (std::size_t i = 0; i < n; ++i) {
    const double x = v[i];
    consistent = consistent && std::fabs(x) * scale < limit;
    const std::int64_t m = consistent ? plain_decimal_units(x, decimals) : 0;
    const std::uint64_t k = static_cast<std::uint64_t>(2 * m + (std::signbit(x) ? 0 : 1) - base);
    consistent = consistent && k <= range;
    keys[i] = k;
    for (int p = 0; p < passes; ++p) ++count[p * kBuckets + ((k >> (p * kBits)) & kMask)];
  }
  if (!consistent) return sort_values(v, scratch);  // v is untouched so far
  const bool in_keys = scatter_passes(keys, own, n, count.data(), passes);
  for (std::size_t i = 0; i < n; ++i) {
    const std::int64_t k = static_cast<std::int64_t>(sorted_key(keys, own, in_keys, i)) + base;
    const std::int64_t positive = k & 1;
    const std::int64_t m = (k - positive) / 2;
    // The division parse_plain_decimal made, with its sign (-0 for m = 0 and a negative text).
    const double magnitude = static_cast<double>(m < 0 ? -m : m) / scale;
    const double x = positive ? magnitude : -magnitude;
    std::memcpy(own + 8 * i, &x, 8);
  }
}

}  // namespace detail
}  // namespace divergence
