// Vasicek's differential entropy estimator against the reference cases (scipy.stats.
// differential_entropy on numpy.random.RandomState(0).standard_normal(100)), and its errors.
#include <gtest/gtest.h>

#include <cmath>

#include "divergence/errors.hpp"
#include "divergence/sample_entropy.hpp"
#include "reference_cases.hpp"

namespace {

TEST(SampleEntropy, VasicekMatchesScipy) {
  int checked = 0;
  for (const auto& c : reference::cases()) {
    if (c["function"] != "differential_entropy") continue;
    const auto values = reference::vec(c["args"]["values"]);
    const std::size_t m = c["args"]["window_length"].is_null() ? 0 : c["args"]["window_length"].get<std::size_t>();
    const double want = reference::expectation(c).value;
    EXPECT_TRUE(reference::close(divergence::differential_entropy(values, m), want, 1e-12)) << m;
    ++checked;
  }
  EXPECT_EQ(checked, 2);
}

TEST(SampleEntropy, TiesGiveMinusInfinityAndBadWindowsAreErrors) {
  EXPECT_EQ(divergence::differential_entropy(std::vector<double>(10, 1.0), 1), -INFINITY);
  try {
    divergence::differential_entropy(std::vector<double>{1, 2, 3, 4}, 2);
    FAIL();
  } catch (const divergence::ArgumentError& e) {
    EXPECT_STREQ(e.what(), "windowLength: must be >= 1 and less than half the sample size (4); got 2");
  }
  EXPECT_THROW(divergence::differential_entropy(std::vector<double>{}), divergence::ArgumentError);
}

}  // namespace
