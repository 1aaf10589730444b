// Functions on samples take a faster path when the values arrive sorted (the dataset engine's
// stored values): no copy, and histogram counts by binary search. The results must be the same
// bits as for the same values in any order: checked here on random data with ties, values on the
// bin edges, -0 and +0, and edges that repeat.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <random>
#include <vector>

#include "divergence/bin_rules.hpp"
#include "divergence/binning.hpp"
#include "divergence/ks_test.hpp"
#include "divergence/wasserstein.hpp"

namespace {

std::vector<double> sample(std::mt19937_64& rng, std::size_t n, int kind) {
  std::vector<double> v(n);
  std::uniform_int_distribution<int> small(-5, 5);
  std::normal_distribution<double> normal(0.0, 2.0);
  for (double& x : v) {
    if (kind == 0) x = small(rng);                     // many ties, values on integer edges
    if (kind == 1) x = normal(rng);                    // continuous
    if (kind == 2) x = (rng() % 2) ? -0.0 : 0.0;       // signed zeros
    if (kind == 3) x = small(rng) * 0.25 + normal(rng) * (rng() % 4 == 0);
  }
  return v;
}

std::uint64_t bits(double x) {
  std::uint64_t u;
  std::memcpy(&u, &x, sizeof u);
  return u;
}

TEST(SortedInputs, SameResultsAsUnsortedInput) {
  std::mt19937_64 rng(5);
  for (int kind = 0; kind < 4; ++kind) {
    for (std::size_t n : {std::size_t{1}, std::size_t{7}, std::size_t{500}, std::size_t{20000}}) {
      const std::vector<double> r = sample(rng, n, kind), c = sample(rng, n + 3, (kind + 1) % 4);
      std::vector<double> rs = r, cs = c;
      std::sort(rs.begin(), rs.end());
      std::sort(cs.begin(), cs.end());
      ASSERT_TRUE(std::is_sorted(rs.begin(), rs.end()));
      ASSERT_FALSE(kind != 2 && n > 100 && std::is_sorted(r.begin(), r.end()));  // the other path is taken too

      for (const std::vector<double>& edges : {std::vector<double>{-5, -2.5, 0, 0, 1, 2.5, 5}, std::vector<double>{-1, 0, 1},
                                               divergence::equal_width_edges(-5.0, 5.0, 20)}) {
        EXPECT_EQ(divergence::histogram_counts(r, edges), divergence::histogram_counts(rs, edges));
      }
      const divergence::NumericBins a = divergence::equal_width_bins(r, c, 20), b = divergence::equal_width_bins(rs, cs, 20);
      EXPECT_EQ(a.edges, b.edges);
      EXPECT_EQ(a.ref_counts, b.ref_counts);
      EXPECT_EQ(a.cur_counts, b.cur_counts);
      const divergence::BinnedPair q = divergence::bin_by_reference_quantiles(r, c, 10);
      const divergence::BinnedPair qs = divergence::bin_by_reference_quantiles(rs, cs, 10);
      EXPECT_EQ(q.edges, qs.edges);
      EXPECT_EQ(q.ref_counts, qs.ref_counts);
      EXPECT_EQ(q.cur_counts, qs.cur_counts);
      EXPECT_EQ(bits(divergence::wasserstein1(r, c)), bits(divergence::wasserstein1(rs, cs)));
      const divergence::KsResult k = divergence::ks_2samp(r, c), ks = divergence::ks_2samp(rs, cs);
      EXPECT_EQ(bits(k.statistic), bits(ks.statistic));
      EXPECT_EQ(bits(k.pvalue), bits(ks.pvalue));
      EXPECT_EQ(bits(k.statistic_location), bits(ks.statistic_location));
    }
  }
  // Hand-checked counts on a sorted sample: numpy.histogram([0, 1, 1, 2, 2, 3, 4], [0, 1, 2, 4]).
  EXPECT_EQ(divergence::histogram_counts(std::vector<double>{0, 1, 1, 2, 2, 3, 4}, {0, 1, 2, 4}),
            (std::vector<std::size_t>{1, 2, 4}));
  // Values outside the edges are not counted.
  EXPECT_EQ(divergence::histogram_counts(std::vector<double>{-3, 0, 0.5, 9}, {0, 1}), (std::vector<std::size_t>{2}));
}

}  // namespace
