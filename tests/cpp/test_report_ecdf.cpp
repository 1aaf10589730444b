// The report's "ecdf" block (ecdf.hpp, report.hpp): on every example pair the marked gap is the KS
// statistic exactly, both ECDF values there are the exact ECDFs of the raw values, the curves are
// monotone, exact at their points and small; sketched columns state their error bound and stay
// within it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "divergence/compare.hpp"
#include "divergence/ecdf.hpp"
#include "divergence/errors.hpp"
#include "divergence/ks_test.hpp"
#include "divergence/report_spec.hpp"

#include "shared_data.hpp"

namespace {

using nlohmann::json;

const char* const kPairs[] = {"adult_train_vs_test", "flights_1949_1954_vs_1955_1960", "penguins_biscoe_vs_dream",
                              "taxis_march_1to15_vs_16to31", "tips_lunch_vs_dinner"};

struct Pair {
  std::string ref, cur;
};

Pair read_pair(const std::string& name) {
  const std::string dir = shared_data::kDataDir + "/pairs/" + name;
  return {shared_data::read_file(dir + "/reference.csv"), shared_data::read_file(dir + "/current.csv")};
}

// A curve: ascending x, monotone cdf ending at 1, at most kEcdfPoints + 2 points.
void check_curve(const json& curve, const std::string& where) {
  const std::vector<double> x = curve["x"], cdf = curve["cdf"];
  ASSERT_EQ(x.size(), cdf.size()) << where;
  ASSERT_FALSE(x.empty()) << where;
  EXPECT_LE(x.size(), divergence::kEcdfPoints + 2) << where;
  for (std::size_t i = 1; i < x.size(); ++i) {
    EXPECT_LT(x[i - 1], x[i]) << where << " x not ascending at " << i;
    EXPECT_LE(cdf[i - 1], cdf[i]) << where << " cdf not monotone at " << i;
  }
  EXPECT_GT(cdf.front(), 0.0) << where;
  EXPECT_EQ(cdf.back(), 1.0) << where;
}

// F at t read from a curve: 0 below its first point, 1 from its last; in between, t must be one of
// its points (-1 otherwise).
double cdf_at_point(const json& curve, double t) {
  const std::vector<double> x = curve["x"], cdf = curve["cdf"];
  if (t < x.front()) return 0.0;
  if (t >= x.back()) return 1.0;
  const auto it = std::find(x.begin(), x.end(), t);
  if (it == x.end()) return -1.0;
  return cdf[static_cast<std::size_t>(it - x.begin())];
}

class EcdfPair : public ::testing::TestWithParam<const char*> {};

TEST_P(EcdfPair, GapIsTheKsStatisticExactly) {
  const Pair p = read_pair(GetParam());
  const json r = json::parse(divergence::compare_buffers_json(p.ref, p.cur, {}));
  int numeric = 0;
  for (const json& c : r["columns"]) {
    if (c["type"] != "numeric" || c.contains("error")) continue;
    ++numeric;
    const std::string name = c["name"];
    ASSERT_TRUE(c.contains("ecdf")) << name;
    const json& e = c["ecdf"];
    const double ks = c["metrics"]["ks_statistic"];
    const json& gap = e["gap"];
    const double ref = gap["ref"], cur = gap["cur"], x = gap["x"];
    EXPECT_EQ(gap["statistic"].get<double>(), ks) << name;
    // The two ECDF values are i/n_ref and j/n_cur; their difference is the statistic: exactly in
    // integers (|i n_cur - j n_ref| / (n_ref n_cur) reduced to lcm units is SciPy's h / lcm).
    const auto n1 = c["n_ref"].get<std::uint64_t>(), n2 = c["n_cur"].get<std::uint64_t>();
    const auto i = static_cast<std::uint64_t>(std::llround(ref * static_cast<double>(n1)));
    const auto j = static_cast<std::uint64_t>(std::llround(cur * static_cast<double>(n2)));
    EXPECT_EQ(ref, static_cast<double>(i) / static_cast<double>(n1)) << name;
    EXPECT_EQ(cur, static_cast<double>(j) / static_cast<double>(n2)) << name;
    // Rationals: |i/n1 - j/n2| = |i n2 - j n1| / (n1 n2) equals h / lcm(n1, n2), h = round(ks lcm).
    const std::uint64_t g = std::gcd(n1, n2), lcm = n1 / g * n2;
    const auto h = static_cast<std::uint64_t>(std::llround(ks * static_cast<double>(lcm)));
    if (c["metrics"]["ks_method"] == "exact") {
      EXPECT_EQ(static_cast<double>(h) / static_cast<double>(lcm), ks) << name;  // SciPy reports h / lcm
    } else {
      EXPECT_EQ(std::fabs(ref - cur), ks) << name;  // the asymptotic path keeps the difference as computed
    }
    const std::uint64_t diff = i * n2 > j * n1 ? i * n2 - j * n1 : j * n1 - i * n2;
    EXPECT_EQ(diff, h * g) << name;  // diff / (n1 n2) = h / lcm with lcm = n1 n2 / g
    // In doubles the two routes (i/n1 - j/n2 and h/lcm) agree to the last bit or two.
    EXPECT_NEAR(std::fabs(ref - cur), ks, 4e-16) << name;
    EXPECT_TRUE(e["exact"].get<bool>()) << name;
    EXPECT_EQ(e["statistic_error"].get<double>(), 0.0) << name;
    check_curve(e["reference"], name + " reference");
    check_curve(e["current"], name + " current");
    // The gap is a point of both curves, with the same values.
    EXPECT_EQ(cdf_at_point(e["reference"], x), ref) << name;
    EXPECT_EQ(cdf_at_point(e["current"], x), cur) << name;
    // The curves start at the side's minimum and end at its maximum.
    EXPECT_EQ(e["reference"]["x"].front().get<double>(), c["summary"]["reference"]["min"].get<double>()) << name;
    EXPECT_EQ(e["reference"]["x"].back().get<double>(), c["summary"]["reference"]["max"].get<double>()) << name;
    EXPECT_EQ(e["current"]["x"].back().get<double>(), c["summary"]["current"]["max"].get<double>()) << name;
  }
  EXPECT_GT(numeric, 0);
}

INSTANTIATE_TEST_SUITE_P(SharedData, EcdfPair, ::testing::ValuesIn(kPairs),
                         [](const auto& info) { return std::string(info.param); });

// The gap against expected.json's KS statistics (SciPy), for every numeric column it lists.
TEST(Ecdf, GapMatchesExpectedJsonKs) {
  int checked = 0;
  for (const json& pair : shared_data::expected()["pairs"]) {
    const std::string ref = shared_data::read_file(shared_data::kDataDir + "/" + pair["reference_file"].get<std::string>());
    const std::string cur = shared_data::read_file(shared_data::kDataDir + "/" + pair["current_file"].get<std::string>());
    const json r = json::parse(divergence::compare_buffers_json(ref, cur, {}));
    for (const json& c : r["columns"]) {
      const std::string name = c["name"];
      if (!c.contains("ecdf") || !pair["columns"].contains(name)) continue;
      const json& want = pair["columns"][name];
      if (!want.contains("ks") || want["n_ref"] != c["n_ref"] || want["n_cur"] != c["n_cur"]) continue;
      EXPECT_NEAR(c["ecdf"]["gap"]["statistic"].get<double>(), want["ks"]["statistic"].get<double>(), 1e-12)
          << pair["id"] << " " << name;
      ++checked;
    }
  }
  EXPECT_GT(checked, 5);
}

// With few distinct values the curve is the whole step function: every value with its exact F.
TEST(Ecdf, SmallSampleCurveIsTheWholeStepFunction) {
  divergence::WeightedSample s{{1.0, 2.0, 5.0}, {2, 1, 1}, 4, 0};
  const divergence::EcdfCurve c = divergence::ecdf_curve(s, 200, 3.0);
  EXPECT_EQ(c.x, (std::vector<double>{1.0, 2.0, 3.0, 5.0}));
  EXPECT_EQ(c.cdf, (std::vector<double>{0.5, 0.75, 0.75, 1.0}));
  EXPECT_EQ(divergence::ecdf_at(s, 4.9), 0.75);
  EXPECT_EQ(divergence::ecdf_at(s, 0.5), 0.0);
}

// Many values: at most max_points + 2 points, each exact (F = rank / n for distinct values).
TEST(Ecdf, LargeSampleCurveHasQuantilePoints) {
  divergence::WeightedSample s;
  for (int i = 0; i < 10000; ++i) {
    s.values.push_back(i * 0.5);
    s.weights.push_back(1);
  }
  s.total = 10000;
  const divergence::EcdfCurve c = divergence::ecdf_curve(s, 200, -1.0);
  EXPECT_EQ(c.x.size(), 201u);  // the minimum and 200 quantile points
  for (std::size_t k = 0; k < c.x.size(); ++k) EXPECT_EQ(c.cdf[k], (c.x[k] / 0.5 + 1) / 10000.0);
  EXPECT_EQ(c.x[1], 24.5);  // rank 50
  EXPECT_THROW(divergence::ecdf_curve({}, 200, 0.0), divergence::ArgumentError);
  EXPECT_THROW(divergence::ecdf_curve(s, 0, 0.0), divergence::ArgumentError);
}

// Sketched columns: the gap is the sketch's statistic, and within the stated bound of the exact one.
TEST(Ecdf, SketchedColumnsStateTheirBound) {
  const Pair p = read_pair("adult_train_vs_test");
  const json exact = json::parse(divergence::compare_buffers_json(p.ref, p.cur, {}));
  divergence::CompareSpec spec;
  spec.memory_budget_bytes = 8 * 5000;
  spec.sketch_k = 64;
  const json approx = json::parse(divergence::compare_buffers_json(p.ref, p.cur, spec));
  int sketched = 0;
  for (std::size_t k = 0; k < approx["columns"].size(); ++k) {
    const json& c = approx["columns"][k];
    if (!c.contains("ecdf") || c["ecdf"]["exact"].get<bool>()) continue;
    ++sketched;
    const json& e = c["ecdf"];
    const double bound = e["statistic_error"];
    EXPECT_EQ(bound, c["approximate"]["bounds"]["ks_statistic"].get<double>());
    EXPECT_GT(bound, 0.0);
    EXPECT_EQ(e["gap"]["statistic"].get<double>(), c["metrics"]["ks_statistic"].get<double>());
    EXPECT_EQ(std::fabs(e["gap"]["ref"].get<double>() - e["gap"]["cur"].get<double>()),
              c["metrics"]["ks_statistic"].get<double>());
    const double truth = exact["columns"][k]["metrics"]["ks_statistic"];
    EXPECT_LE(std::fabs(e["gap"]["statistic"].get<double>() - truth), bound) << c["name"];
    check_curve(e["reference"], c["name"].get<std::string>() + " sketched reference");
  }
  EXPECT_GT(sketched, 0);
}

}  // namespace
