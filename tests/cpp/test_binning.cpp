// Binning: numpy.linspace edges, numpy.histogram bin rules (edges, last bin closed, rounding of
// computed edges), degenerate ranges, and category tables in Python sort order.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "divergence/binning.hpp"
#include "divergence/errors.hpp"

namespace {

using divergence::ArgumentError;
using divergence::count_categories;
using divergence::equal_width_bins;
using divergence::equal_width_edges;
using divergence::histogram_counts;
using Counts = std::vector<std::size_t>;
using Vec = std::vector<double>;

std::string error_of(void (*f)()) {
  try {
    f();
  } catch (const ArgumentError& e) {
    return e.what();
  }
  return "(no error)";
}

// Reference rule, by definition: bin k holds e_k <= x < e_{k+1}; the last bin also holds e_n.
Counts brute_force(const Vec& values, const Vec& edges) {
  Counts c(edges.size() - 1, 0);
  for (double x : values) {
    for (std::size_t k = 0; k + 1 < edges.size(); ++k) {
      const bool last = k + 2 == edges.size();
      if (edges[k] <= x && (x < edges[k + 1] || (last && x == edges[k + 1]))) {
        ++c[k];
        break;
      }
    }
  }
  return c;
}

TEST(EqualWidthEdges, LinspaceFormula) {
  EXPECT_EQ(equal_width_edges(0.0, 1.0, 4), (Vec{0.0, 0.25, 0.5, 0.75, 1.0}));
  // tips total_bill in expected.json: e_i = lo + i*((hi-lo)/20), bit for bit, last edge = hi.
  const Vec expected = {3.07,   5.457,  7.843999999999999, 10.231, 12.618, 15.005, 17.392,
                        19.779, 22.166, 24.553,            26.94,  29.327, 31.714, 34.101,
                        36.488, 38.875, 41.262,            43.649, 46.036, 48.423, 50.81};
  EXPECT_EQ(equal_width_edges(3.07, 50.81, 20), expected);
  // 0 + 3*0.1 rounds above 0.3: kept as computed, as numpy does.
  const Vec tenths = equal_width_edges(0.0, 1.0, 10);
  EXPECT_EQ(tenths[3], 3 * 0.1);
  EXPECT_GT(tenths[3], 0.3);
  EXPECT_EQ(tenths[10], 1.0);
}

TEST(EqualWidthEdges, LastEdgeIsHiExactly) {
  const double lo = 0.1;
  const double hi = 0.7;
  const Vec e = equal_width_edges(lo, hi, 3);
  ASSERT_EQ(e.size(), 4u);
  EXPECT_EQ(e[1], lo + 1 * ((hi - lo) / 3));
  EXPECT_EQ(e[2], lo + 2 * ((hi - lo) / 3));
  EXPECT_EQ(e[3], hi);
}

TEST(EqualWidthEdges, OverflowingWidthStaysFinite) {
  const double big = std::numeric_limits<double>::max();
  const Vec e = equal_width_edges(-big, big, 4);
  for (double x : e) EXPECT_TRUE(std::isfinite(x));
  EXPECT_EQ(e.front(), -big);
  EXPECT_EQ(e[2], 0.0);
  EXPECT_EQ(e.back(), big);
  EXPECT_EQ(histogram_counts(Vec{-big, -1.0, 0.0, 1.0, big}, e), (Counts{1, 1, 2, 1}));
}

TEST(EqualWidthEdges, Errors) {
  EXPECT_EQ(error_of([] { equal_width_edges(0, 1, 0); }), "bins: must be >= 1 (got 0)");
  EXPECT_EQ(error_of([] { equal_width_edges(std::numeric_limits<double>::infinity(), 1, 2); }),
            "lo: must be finite (got inf)");
  EXPECT_EQ(error_of([] { equal_width_edges(1, 0, 2); }), "hi: must be finite and >= lo (got 0)");
  EXPECT_EQ(error_of([] { histogram_counts(Vec{1.0}, Vec{0.0}); }), "edges: need at least 2 (got 1)");
  EXPECT_EQ(error_of([] { equal_width_bins(Vec{}, Vec{}, 3); }), "values: both samples are empty");
  EXPECT_EQ(error_of([] { equal_width_bins(Vec{1.0, NAN}, Vec{2.0}, 3); }), "reference: entry 1 is NaN");
  EXPECT_EQ(error_of([] { equal_width_bins(Vec{1.0}, Vec{2.0, -INFINITY}, 3); }), "current: entry 1 is infinite");
}

TEST(HistogramCounts, ValuesOnEdgesGoUpLastBinClosed) {
  const Vec edges = {0, 1, 2, 3};
  EXPECT_EQ(histogram_counts(Vec{0, 0.5, 1, 2, 2.999, 3}, edges), (Counts{2, 1, 3}));
}

TEST(HistogramCounts, ComparesWithComputedEdgesNotExactArithmetic) {
  // (x - 0) * 10 is exactly 3, 6, 7 for these x, but the computed edges 3*0.1, 6*0.1, 7*0.1 lie
  // just above them, so numpy puts each value one bin lower. 0.1 and 0.2 equal their edges.
  const Vec edges = equal_width_edges(0.0, 1.0, 10);
  EXPECT_EQ(histogram_counts(Vec{0.3, 0.6, 0.7, 0.1, 0.2}, edges), (Counts{0, 1, 2, 0, 0, 1, 1, 0, 0, 0}));
}

TEST(HistogramCounts, OutsideAndNanAreDropped) {
  const Vec edges = {0, 1, 2};
  EXPECT_EQ(histogram_counts(Vec{-0.1, 2.0000001, NAN, 1.0, 2.0}, edges), (Counts{0, 2}));
}

TEST(HistogramCounts, NonUniformEdgesStillExact) {
  const Vec edges = {0, 0.001, 0.002, 10, 1000};
  EXPECT_EQ(histogram_counts(Vec{0.0005, 0.0015, 5, 10, 999, 1000}, edges), (Counts{1, 1, 1, 3}));
}

TEST(HistogramCounts, MatchesDefinitionOnRandomDataWithTies) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(-3.7, 11.3);
  for (int trial = 0; trial < 50; ++trial) {
    const std::size_t bins = 1 + trial % 23;
    const double lo = std::round(u(rng) * 100) / 100;
    const double hi = lo + 0.01 + std::fabs(u(rng));
    const Vec edges = equal_width_edges(lo, hi, bins);
    Vec values;
    for (int i = 0; i < 400; ++i) values.push_back(lo + (hi - lo) * (u(rng) + 3.7) / 15.0);
    for (double e : edges) values.push_back(e);  // every edge itself
    for (std::size_t k = 0; k <= bins; ++k) values.push_back(lo + k * ((hi - lo) / bins));
    for (int i = 0; i <= 20; ++i) values.push_back(lo + (hi - lo) * i / 20.0);  // decimal-ish grid
    EXPECT_EQ(histogram_counts(values, edges), brute_force(values, edges)) << "trial " << trial;
  }
}

TEST(EqualWidthBins, PooledRangeSharedEdges) {
  const auto b = equal_width_bins(Vec{1, 2, 3}, Vec{3, 4, 5, 5}, 4);
  EXPECT_FALSE(b.degenerate);
  EXPECT_EQ(b.edges, (Vec{1, 2, 3, 4, 5}));
  EXPECT_EQ(b.ref_counts, (Counts{1, 1, 1, 0}));
  EXPECT_EQ(b.cur_counts, (Counts{0, 0, 1, 3}));  // 5 is in the closed last bin
}

TEST(EqualWidthBins, OneSideMayBeEmpty) {
  const auto b = equal_width_bins(Vec{}, Vec{0, 2}, 2);
  EXPECT_EQ(b.ref_counts, (Counts{0, 0}));
  EXPECT_EQ(b.cur_counts, (Counts{1, 1}));
}

TEST(EqualWidthBins, DegenerateRangeIsOneBin) {
  const auto b = equal_width_bins(Vec{5, 5}, Vec{5}, 20);
  EXPECT_TRUE(b.degenerate);
  EXPECT_EQ(b.edges, (Vec{5, 5}));
  EXPECT_EQ(b.ref_counts, (Counts{2}));
  EXPECT_EQ(b.cur_counts, (Counts{1}));
}

TEST(CountCategories, PythonSortOrderCountsAndOneSidedLevels) {
  const std::vector<std::string_view> ref = {"b", "B", "a", "\xC3\xA9", "b", "Z"};
  const std::vector<std::string_view> cur = {"a", "a", "c", "B", "\xE2\x82\xAC"};
  const auto c = count_categories(ref, cur);
  EXPECT_EQ(c.categories, (std::vector<std::string>{"B", "Z", "a", "b", "c", "\xC3\xA9", "\xE2\x82\xAC"}));
  EXPECT_EQ(c.ref_counts, (Counts{1, 1, 1, 2, 0, 1, 0}));
  EXPECT_EQ(c.cur_counts, (Counts{1, 0, 2, 0, 1, 0, 1}));
  EXPECT_EQ(c.only_in_ref, (std::vector<std::string>{"Z", "b", "\xC3\xA9"}));
  EXPECT_EQ(c.only_in_cur, (std::vector<std::string>{"c", "\xE2\x82\xAC"}));
}

TEST(CountCategories, EmptyStringAndPrefixesSortFirst) {
  const auto c = count_categories({"ab", "a", ""}, {"a b", "a"});
  EXPECT_EQ(c.categories, (std::vector<std::string>{"", "a", "a b", "ab"}));
}

}  // namespace
