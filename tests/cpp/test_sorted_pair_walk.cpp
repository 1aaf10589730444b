// The dataset report's fast path for exact numeric sides (report.cpp): one merge walk for the KS
// statistic and Wasserstein-1 (sorted_pair_walk.hpp), and ECDF curves of sorted values found by
// binary search (ecdf_curve_sorted). Each must give the same bits as the functions it stands in
// for: ks_2samp, wasserstein1, and ecdf_curve / ecdf_at of the sample with equal values merged.
// Random data with many ties, signed zeros and continuous values; sizes from 1 up.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>
#include <vector>

#include "divergence/ecdf.hpp"
#include "divergence/errors.hpp"
#include "divergence/ks_test.hpp"
#include "divergence/wasserstein.hpp"
#include "sorted_pair_walk.hpp"

namespace {

using divergence::Span;

std::vector<double> sorted_sample(std::mt19937_64& rng, std::size_t n, int kind) {
  std::vector<double> v(n);
  std::uniform_int_distribution<int> small(-5, 5);
  std::normal_distribution<double> normal(0.0, 2.0);
  for (double& x : v) {
    if (kind == 0) x = small(rng);                // many ties
    if (kind == 1) x = normal(rng);               // continuous
    if (kind == 2) x = (rng() % 2) ? -0.0 : 0.0;  // signed zeros only
    if (kind == 3) x = small(rng) * 0.25 + normal(rng) * (rng() % 4 == 0);
  }
  std::sort(v.begin(), v.end());
  return v;
}

// The sample as the engine's sketch path holds it: equal values merged, counted.
divergence::WeightedSample merged(const std::vector<double>& v) {
  divergence::WeightedSample s;
  for (double x : v) {
    if (!s.values.empty() && s.values.back() == x) {
      ++s.weights.back();
    } else {
      s.values.push_back(x);
      s.weights.push_back(1);
    }
  }
  s.total = v.size();
  return s;
}

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

void expect_same_curve(const divergence::EcdfCurve& got, const divergence::EcdfCurve& want, const char* where) {
  ASSERT_EQ(got.x.size(), want.x.size()) << where;
  for (std::size_t i = 0; i < got.x.size(); ++i) {
    EXPECT_TRUE(same_bits(got.x[i], want.x[i])) << where << " x[" << i << "] " << got.x[i] << " vs " << want.x[i];
    EXPECT_TRUE(same_bits(got.cdf[i], want.cdf[i])) << where << " cdf[" << i << "]";
  }
}

TEST(SortedPairWalk, KsAndWassersteinAreTheSameBitsAsTheirFunctions) {
  std::mt19937_64 rng(20261121);
  const std::size_t sizes[] = {1, 2, 7, 50, 333, 4000, 12000};
  int checked = 0;
  for (int kind_x = 0; kind_x < 4; ++kind_x) {
    for (int kind_y = 0; kind_y < 4; ++kind_y) {
      for (std::size_t nx : sizes) {
        const std::size_t ny = sizes[(nx + kind_x + kind_y) % 7];
        const std::vector<double> x = sorted_sample(rng, nx, kind_x), y = sorted_sample(rng, ny, kind_y);
        const auto walk = divergence::detail::walk_sorted_pair(Span(x), Span(y), true);
        EXPECT_TRUE(same_bits(walk.w1, divergence::wasserstein1(Span(x), Span(y)))) << nx << " " << ny;
        for (auto method : {divergence::KsMethod::Auto, divergence::KsMethod::Asymp}) {
          const auto want = divergence::ks_2samp(Span(x), Span(y), method);
          const auto got = divergence::detail::ks_2samp_from_extremes(
              walk.ks, static_cast<std::int64_t>(nx), static_cast<std::int64_t>(ny), method,
              divergence::KsAlternative::TwoSided);
          EXPECT_TRUE(same_bits(got.statistic, want.statistic));
          EXPECT_TRUE(same_bits(got.pvalue, want.pvalue));
          EXPECT_TRUE(same_bits(got.statistic_location, want.statistic_location));
          EXPECT_EQ(got.statistic_sign, want.statistic_sign);
          EXPECT_EQ(got.method_used, want.method_used);
        }
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, 4 * 4 * 7);
}

TEST(SortedPairWalk, WassersteinOfAKnownPairAndTheKsGapLocation) {
  // u = {0, 1, 3}, v = {5, 6, 8}: every point of v is 5 to the right, so W1 = 5 (scipy gives 5.0);
  // F_u - F_v is 1 on [3, 5): the KS statistic is 1, first reached at 3.
  const std::vector<double> u = {0, 1, 3}, v = {5, 6, 8};
  const auto walk = divergence::detail::walk_sorted_pair(Span(u), Span(v), true);
  EXPECT_EQ(walk.w1, 5.0);
  EXPECT_EQ(walk.ks.max_diff, 1.0);
  EXPECT_EQ(walk.ks.max_loc_x, 3.0);
  EXPECT_EQ(divergence::detail::walk_sorted_pair(Span(u), Span(v), false).w1, 0.0);
}

TEST(EcdfCurveSorted, EqualsTheCurveOfTheMergedSamplePointForPoint) {
  std::mt19937_64 rng(7);
  int checked = 0;
  for (int kind = 0; kind < 4; ++kind) {
    for (std::size_t n : {1, 2, 5, 199, 200, 201, 1000, 25000}) {
      const std::vector<double> v = sorted_sample(rng, n, kind);
      const divergence::WeightedSample s = merged(v);
      const double mid = v[n / 2];
      const double alsos[] = {mid, mid + 1e-3, v.front() - 1.0, v.back() + 1.0, v.back(), v.front(), -0.0, 0.1};
      for (std::size_t points : {std::size_t{1}, std::size_t{3}, std::size_t{200}, n, 2 * n + 5}) {
        for (double also : alsos) {
          expect_same_curve(divergence::ecdf_curve_sorted(Span(v), points, also), divergence::ecdf_curve(s, points, also),
                            "curve");
          EXPECT_TRUE(same_bits(divergence::ecdf_at_sorted(Span(v), also), divergence::ecdf_at(s, also)));
          ++checked;
        }
      }
    }
  }
  EXPECT_EQ(checked, 4 * 8 * 5 * 8);
}

TEST(EcdfCurveSorted, ErrorsNameTheArgument) {
  const std::vector<double> none;
  const std::vector<double> one = {1.0};
  EXPECT_THROW(
      {
        try {
          divergence::ecdf_curve_sorted(Span(none), 10, 0.0);
        } catch (const divergence::ArgumentError& e) {
          EXPECT_STREQ(e.what(), "ecdf: the sample is empty");
          throw;
        }
      },
      divergence::ArgumentError);
  EXPECT_THROW(divergence::ecdf_curve_sorted(Span(one), 0, 0.0), divergence::ArgumentError);
  EXPECT_EQ(divergence::ecdf_at_sorted(Span(none), 1.0), 0.0);
}

}  // namespace
