// Sorting a column's stored values (cpp/src/value_sort.hpp): sort_plain_decimals gives bit for bit
// what sort_values gives (ascending, -0 before +0) on values that are plain decimals, for every d,
// signs, zeros of both signs, ties, sizes below and above the radix threshold and ranges needing
// one to five digit passes; it falls back to sort_values when the given range is not the values'.
// Also plain_decimal_units (columns.hpp).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "../../cpp/src/value_sort.hpp"
#include "divergence/columns.hpp"

namespace {

using divergence::detail::order_key;

// The value parse_plain_decimal reads from the text of +-m with d decimals.
double plain(std::int64_t m, int d, bool negative_zero = false) {
  std::string text = std::to_string(m < 0 ? -m : m);
  if (d > 0) {
    if (text.size() <= static_cast<std::size_t>(d)) text.insert(0, static_cast<std::size_t>(d) + 1 - text.size(), '0');
    text.insert(text.size() - static_cast<std::size_t>(d), ".");
  }
  if (m < 0 || negative_zero) text.insert(0, "-");
  double x = 0;
  int decimals = -1;
  EXPECT_TRUE(divergence::parse_plain_decimal(text, x, decimals)) << text;
  EXPECT_EQ(decimals, d) << text;
  return x;
}

std::vector<std::uint64_t> bits(const std::vector<double>& v) {
  std::vector<std::uint64_t> out(v.size());
  std::memcpy(out.data(), v.data(), 8 * v.size());
  return out;
}

// sort_plain_decimals (with the values' min and max, as the accumulator gives them) against
// sort_values and against std::sort on the order key.
void expect_same_sort(const std::vector<double>& values, int d, const std::string& what) {
  double lo = values[0], hi = values[0];
  for (double x : values) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  std::vector<double> a = values, b = values, c = values;
  std::vector<std::uint64_t> scratch;
  divergence::detail::sort_plain_decimals(a, d, lo, hi, scratch);
  divergence::detail::sort_values(b, scratch);
  std::sort(c.begin(), c.end(), [](double x, double y) { return order_key(x) < order_key(y); });
  EXPECT_EQ(bits(a), bits(c)) << what;
  EXPECT_EQ(bits(b), bits(c)) << what;
}

TEST(ValueSort, PlainDecimalsSortLikeTheirBits) {
  std::mt19937_64 rng(2026);
  const std::size_t sizes[] = {1, 2, 100, 2047, 2048, 5000, 40000};
  // Integer ranges: 1 digit pass (range < 2^11 after doubling), 2, 3, 4, 5 (about 2^50).
  const std::int64_t spans[] = {900, 1'000'000, 3'000'000'000, 2'000'000'000'000, 999'999'999'999'999};
  int cases = 0;
  for (int d = 0; d <= 15; ++d) {
    for (std::size_t n : sizes) {
      for (std::int64_t span : spans) {
        for (int signs = 0; signs < 3; ++signs) {  // non-negative, non-positive, both
          std::vector<double> v;
          v.reserve(n);
          for (std::size_t i = 0; i < n; ++i) {
            std::int64_t m = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(span + 1));
            if (signs == 1 || (signs == 2 && (rng() & 1))) m = -m;
            const bool negative_zero = m == 0 && signs != 0 && (rng() & 1);
            v.push_back(plain(m, d, negative_zero));
          }
          // Ties and both zeros in every larger case.
          if (n >= 100) {
            v[1] = v[0];
            v[2] = plain(0, d, false);
            v[3] = plain(0, d, true);
            v[4] = v[3];
          }
          expect_same_sort(v, d, "d " + std::to_string(d) + ", n " + std::to_string(n) + ", span " + std::to_string(span) + ", signs " + std::to_string(signs));
          ++cases;
        }
      }
    }
  }
  EXPECT_EQ(cases, 16 * 7 * 5 * 3);
}

TEST(ValueSort, AllEqualAndExtremeValues) {
  std::vector<double> same(5000, plain(-123456789, 4));
  expect_same_sort(same, 4, "all equal");
  std::vector<double> zeros;
  for (int i = 0; i < 5000; ++i) zeros.push_back(plain(0, 3, i % 3 == 0));
  expect_same_sort(zeros, 3, "zeros of both signs");
  std::vector<double> wide;
  for (int i = 0; i < 5000; ++i) wide.push_back(plain(i % 2 ? 999'999'999'999'999 - i : -999'999'999'999'999 + i, 15));
  expect_same_sort(wide, 15, "the widest plain decimals");
}

TEST(ValueSort, FallsBackWhenTheRangeIsNotTheValues) {
  std::mt19937_64 rng(5);
  std::vector<double> v;
  for (int i = 0; i < 5000; ++i) v.push_back(plain(static_cast<std::int64_t>(rng() % 100000), 2));
  std::vector<double> expected = v;
  std::sort(expected.begin(), expected.end(), [](double x, double y) { return order_key(x) < order_key(y); });
  std::vector<std::uint64_t> scratch;
  // hi below the largest value, lo above the smallest, lo above hi, and a range too wide for plain
  // decimals.
  const double ranges[][2] = {{0.0, 10.0}, {500.0, 1000.0}, {1000.0, 10.0}, {-1e300, 1e300}};
  for (const auto& r : ranges) {
    std::vector<double> a = v;
    divergence::detail::sort_plain_decimals(a, 2, r[0], r[1], scratch);
    EXPECT_EQ(bits(a), bits(expected)) << r[0] << ".." << r[1];
  }
  std::vector<double> a = v;
  divergence::detail::sort_plain_decimals(a, 16, 0.0, 1000.0, scratch);  // no such d
  EXPECT_EQ(bits(a), bits(expected));
}

TEST(ValueSort, PlainDecimalUnits) {
  EXPECT_EQ(divergence::plain_decimal_units(plain(336820079, 4), 4), 336820079);
  EXPECT_EQ(divergence::plain_decimal_units(plain(-5, 1), 1), -5);
  EXPECT_EQ(divergence::plain_decimal_units(plain(999'999'999'999'999, 15), 15), 999'999'999'999'999);
  EXPECT_EQ(divergence::plain_decimal_units(-0.0, 2), 0);
}

}  // namespace
