// Edge rules against numpy.histogram_bin_edges (NumPy 1.24.2, values computed with Debian's
// python3-numpy on the arrays below), and reference-quantile bins against expected.json.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "divergence/bin_rules.hpp"
#include "divergence/columns.hpp"
#include "divergence/csv.hpp"
#include "divergence/discrete.hpp"
#include "divergence/errors.hpp"
#include "shared_data.hpp"

namespace {

using divergence::BinRule;
using Vec = std::vector<double>;

Vec array_a() {  // ((i*37) % 101)/7 + (i % 5)^2, i < 60
  Vec v;
  for (int i = 0; i < 60; ++i) v.push_back(((i * 37) % 101) / 7.0 + (i % 5) * (i % 5));
  return v;
}
Vec array_b() {  // exp(i/20), i < 80: right-skewed
  Vec v;
  for (int i = 0; i < 80; ++i) v.push_back(std::exp(i / 20.0));
  return v;
}
Vec array_c() {  // i % 3, i < 30: ties
  Vec v;
  for (int i = 0; i < 30; ++i) v.push_back(i % 3);
  return v;
}

TEST(BinRules, BinCountsMatchNumpy) {
  const BinRule rules[] = {BinRule::Sturges, BinRule::Doane, BinRule::FreedmanDiaconis, BinRule::Auto};
  // np.histogram_bin_edges(x, rule) - 1 for sturges, doane, fd, auto:
  const std::vector<std::pair<Vec, std::vector<std::size_t>>> cases = {
      {array_a(), {7, 9, 6, 7}}, {array_b(), {8, 10, 7, 8}}, {array_c(), {6, 6, 2, 6}}, {Vec(10, 5.0), {1, 1, 1, 1}}};
  for (const auto& [x, want] : cases) {
    for (std::size_t r = 0; r < 4; ++r) {
      EXPECT_EQ(divergence::rule_bin_count(rules[r], x), want[r]) << divergence::bin_rule_name(rules[r]);
    }
  }
}

TEST(BinRules, PooledDoaneCountsMatchNumpy) {
  const Vec a = array_a();
  const Vec ref(a.begin(), a.begin() + 35), cur(a.begin() + 35, a.end());
  const auto b = divergence::bin_by_rule(ref, cur, BinRule::Doane);
  EXPECT_EQ(b.ref_counts, (std::vector<std::size_t>{3, 5, 5, 6, 5, 3, 5, 1, 2}));
  EXPECT_EQ(b.cur_counts, (std::vector<std::size_t>{2, 3, 5, 4, 2, 4, 2, 1, 2}));
  EXPECT_EQ(b.ref_outside + b.cur_outside, 0u);
  // A constant sample gets numpy's unit-wide single bin.
  const auto c = divergence::bin_by_rule(Vec{5, 5}, Vec{5}, BinRule::Auto);
  EXPECT_EQ(c.edges, (Vec{4.5, 5.5}));
  EXPECT_EQ(c.ref_counts[0] + c.cur_counts[0], 3u);
}

TEST(BinRules, ExplicitEdgesCountWhatFallsOutside) {
  const auto b = divergence::bin_with_edges(Vec{-1, 0, 0.5, 1, 2}, Vec{0.25, 3}, Vec{0, 0.5, 1});
  EXPECT_EQ(b.ref_counts, (std::vector<std::size_t>{1, 2}));  // last bin closed: 1 counts
  EXPECT_EQ(b.ref_outside, 2u);
  EXPECT_EQ(b.cur_outside, 1u);
  EXPECT_THROW(divergence::bin_with_edges(Vec{1}, Vec{1}, Vec{0, 0}), divergence::ArgumentError);
  EXPECT_THROW(divergence::bin_by_rule(Vec{NAN}, Vec{1}, BinRule::Auto), divergence::ArgumentError);
  EXPECT_THROW(divergence::bin_rule_from_name("scott2"), divergence::ArgumentError);
}

TEST(BinRules, QuantileLinearMatchesNumpy) {
  const Vec x{1, 2, 4, 8};
  EXPECT_EQ(divergence::quantile_linear(x, 0, 10), 1.0);
  EXPECT_EQ(divergence::quantile_linear(x, 10, 10), 8.0);
  EXPECT_DOUBLE_EQ(divergence::quantile_linear(x, 5, 10), 3.0);  // h = 1.5
  EXPECT_DOUBLE_EQ(divergence::quantile_linear(x, 1, 10), 1.3);  // h = 0.3
}

// Every numeric column of every pair: quantiles, edges, counts and PSI of psi_ref_quantile_10.
TEST(BinRules, ReferenceQuantileBinsReproduceExpectedJson) {
  const auto& expected = shared_data::expected();
  const divergence::MissingTokens missing;
  int columns = 0;
  for (const auto& pair : expected["pairs"]) {
    auto read = [](const std::string& path, std::string& buffer) {
      buffer = shared_data::read_file(shared_data::kDataDir + "/" + path);
      return divergence::read_csv(buffer);
    };
    std::string rbuf, cbuf;
    const auto ref = read(pair["reference_file"], rbuf);
    const auto cur = read(pair["current_file"], cbuf);
    for (const auto& [name, want] : pair["columns"].items()) {
      if (want["type"] != "numeric") continue;
      SCOPED_TRACE(pair["id"].get<std::string>() + " " + name);
      const auto ri = std::find(ref.names.begin(), ref.names.end(), name) - ref.names.begin();
      const auto ci = std::find(cur.names.begin(), cur.names.end(), name) - cur.names.begin();
      const auto typed = divergence::type_column(ref.columns[ri], cur.columns[ci], missing);
      const auto& block = want["psi_ref_quantile_10"];
      Vec sorted = typed.reference.numbers;
      std::sort(sorted.begin(), sorted.end());
      for (std::size_t k = 0; k <= 10; ++k) {
        const double q = block["quantiles_0_to_1"][k].get<double>();
        EXPECT_NEAR(divergence::quantile_linear(sorted, k, 10), q, 1e-12 * std::fabs(q)) << "k=" << k;
      }
      const auto bins = divergence::bin_by_reference_quantiles(typed.reference.numbers, typed.current.numbers, 10);
      EXPECT_EQ(bins.ref_counts, block["ref_counts"].get<std::vector<std::size_t>>());
      EXPECT_EQ(bins.cur_counts, block["cur_counts"].get<std::vector<std::size_t>>());
      EXPECT_EQ(bins.ref_counts.size(), block["n_bins_effective"].get<std::size_t>());
      divergence::Options smoothed;
      smoothed.smoothing = divergence::Smoothing::epsilon(1e-4);
      const Vec rc(bins.ref_counts.begin(), bins.ref_counts.end()), cc(bins.cur_counts.begin(), bins.cur_counts.end());
      const double psi = block["psi_smoothed"].get<double>();
      EXPECT_NEAR(divergence::psi(rc, cc, smoothed), psi, 1e-9 * psi);
      ++columns;
    }
  }
  EXPECT_EQ(columns, 20);  // taxis 6, penguins 4, tips 3, flights 1, adult 6
}

}  // namespace
