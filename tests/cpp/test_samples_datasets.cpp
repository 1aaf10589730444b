// The two-sample functions on the real data of ../shared/data, against expected.json
// (NumPy 1.24 / SciPy 1.10): every numeric column of every pair for Wasserstein-1 (raw and normed by
// the reference's population standard deviation) and the two-sample KS test (statistic, p-value
// with method 'auto' and with 'asymp'); every categorical column, and every numeric column's
// "as_categorical" block, for the chi-square homogeneity test and the goodness-of-fit variant.
// Raw values come from our own CSV reader and column typing (csv.hpp, columns.hpp); category counts
// from compare_tables (compare.hpp), checked first against expected.json's counts.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "divergence/compare.hpp"
#include "divergence/csv.hpp"
#include "divergence/columns.hpp"
#include "divergence/samples.hpp"

#include "shared_data.hpp"

namespace {

using nlohmann::json;

const std::string& kData = shared_data::kDataDir;

double relative_error(double got, double want) {
  if (got == want) return 0.0;
  return std::fabs(got - want) / std::fabs(want);
}

// Worst relative errors seen, printed at the end of the run (the precision we report).
struct Worst {
  std::map<std::string, double> by_quantity;
  void note(const std::string& what, double err) {
    double& w = by_quantity[what];
    w = std::max(w, err);
  }
  ~Worst() {
    for (const auto& [what, err] : by_quantity) std::printf("[ samples ] worst relative error %-28s %.3g\n", what.c_str(), err);
  }
};
Worst& worst() {
  static Worst w;
  return w;
}

// One pair's files, parsed, kept alive with the buffers their fields point into.
struct LoadedPair {
  const json* pair = nullptr;
  std::string ref_text, cur_text;
  divergence::CsvTable ref, cur;
};

const LoadedPair& load(const std::string& id) {
  static std::map<std::string, LoadedPair> cache;
  auto it = cache.find(id);
  if (it != cache.end()) return it->second;
  LoadedPair& lp = cache[id];
  for (const json& p : shared_data::expected()["pairs"]) {
    if (p["id"] == id) lp.pair = &p;
  }
  if (lp.pair == nullptr) throw std::runtime_error("no pair " + id);
  lp.ref_text = shared_data::read_file(kData + "/" + (*lp.pair)["reference_file"].get<std::string>());
  lp.cur_text = shared_data::read_file(kData + "/" + (*lp.pair)["current_file"].get<std::string>());
  lp.ref = divergence::read_csv(lp.ref_text, "reference");
  lp.cur = divergence::read_csv(lp.cur_text, "current");
  return lp;
}

std::size_t column_index(const divergence::CsvTable& t, const std::string& name) {
  for (std::size_t i = 0; i < t.names.size(); ++i) {
    if (t.names[i] == name) return i;
  }
  throw std::runtime_error("no column " + name);
}

divergence::TypedColumn typed(const LoadedPair& lp, const std::string& name) {
  const divergence::MissingTokens missing;
  return divergence::type_column(lp.ref.columns[column_index(lp.ref, name)], lp.cur.columns[column_index(lp.cur, name)],
                                 missing);
}

double population_std(const std::vector<double>& v) {
  double mean = 0.0;
  for (double x : v) mean += x;
  mean /= static_cast<double>(v.size());
  double ss = 0.0;
  for (double x : v) ss += (x - mean) * (x - mean);
  return std::sqrt(ss / static_cast<double>(v.size()));
}

const std::vector<std::string> kPairs = {"taxis_march_1to15_vs_16to31", "penguins_biscoe_vs_dream",
                                         "tips_lunch_vs_dinner", "flights_1949_1954_vs_1955_1960",
                                         "adult_train_vs_test"};

class SamplePairs : public ::testing::TestWithParam<std::string> {};

TEST_P(SamplePairs, WassersteinOnEveryNumericColumn) {
  const LoadedPair& lp = load(GetParam());
  int checked = 0;
  for (const auto& item : (*lp.pair)["columns"].items()) {
    const json& want = item.value();
    if (want["type"] != "numeric") continue;
    const std::string at = GetParam() + "/" + item.key();
    const divergence::TypedColumn col = typed(lp, item.key());
    ASSERT_EQ(col.type, divergence::ColumnType::Numeric) << at;
    ASSERT_EQ(col.reference.numbers.size(), want["n_ref"].get<std::size_t>()) << at;
    ASSERT_EQ(col.current.numbers.size(), want["n_cur"].get<std::size_t>()) << at;

    const double w = divergence::wasserstein1(col.reference.numbers, col.current.numbers);
    const double w_want = want["wasserstein"]["distance"].get<double>();
    EXPECT_LE(relative_error(w, w_want), 1e-9) << at << ": got " << w << ", want " << w_want;
    worst().note("wasserstein.distance", relative_error(w, w_want));

    const double normed = w / std::max(population_std(col.reference.numbers), 0.001);
    const double n_want = want["wasserstein"]["normed_by_ref_std_ddof0"].get<double>();
    EXPECT_LE(relative_error(normed, n_want), 1e-9) << at;
    worst().note("wasserstein.normed", relative_error(normed, n_want));

    // Symmetry on real data.
    EXPECT_LE(relative_error(divergence::wasserstein1(col.current.numbers, col.reference.numbers), w), 1e-12) << at;
    ++checked;
  }
  EXPECT_GT(checked, 0);
}

TEST_P(SamplePairs, KolmogorovSmirnovOnEveryNumericColumn) {
  const LoadedPair& lp = load(GetParam());
  int checked = 0;
  for (const auto& item : (*lp.pair)["columns"].items()) {
    const json& want = item.value();
    if (want["type"] != "numeric") continue;
    const std::string at = GetParam() + "/" + item.key();
    const divergence::TypedColumn col = typed(lp, item.key());
    const auto& x = col.reference.numbers;
    const auto& y = col.current.numbers;
    const double stat_want = want["ks"]["statistic"].get<double>();

    const divergence::KsResult a = divergence::ks_2samp(x, y);  // method Auto
    const bool exact = std::max(x.size(), y.size()) <= 10000;
    EXPECT_EQ(a.method_used, exact ? divergence::KsMethod::Exact : divergence::KsMethod::Asymp) << at;
    EXPECT_LE(relative_error(a.statistic, stat_want), 1e-12) << at << ": got " << a.statistic;
    worst().note("ks.statistic", relative_error(a.statistic, stat_want));
    const double p_auto = want["ks"]["pvalue_auto"].get<double>();
    EXPECT_LE(relative_error(a.pvalue, p_auto), 1e-6) << at << ": got " << a.pvalue << ", want " << p_auto;
    worst().note(exact ? "ks.pvalue_auto(exact)" : "ks.pvalue_auto(asymp)", relative_error(a.pvalue, p_auto));

    const divergence::KsResult s = divergence::ks_2samp(x, y, divergence::KsMethod::Asymp);
    EXPECT_EQ(s.method_used, divergence::KsMethod::Asymp) << at;
    EXPECT_LE(relative_error(s.statistic, stat_want), 1e-12) << at;
    const double p_asymp = want["ks"]["pvalue_asymp"].get<double>();
    EXPECT_LE(relative_error(s.pvalue, p_asymp), 1e-6) << at << ": got " << s.pvalue << ", want " << p_asymp;
    worst().note("ks.pvalue_asymp", relative_error(s.pvalue, p_asymp));

    EXPECT_GE(a.statistic, 0.0);
    EXPECT_LE(a.statistic, 1.0);
    ++checked;
  }
  EXPECT_GT(checked, 0);
}

// The chi-square pair of tests on one block of counts ({ref_counts, cur_counts, chi2_*}).
void check_chi_square(const std::vector<double>& ref, const std::vector<double>& cur, const json& want,
                      const std::string& at) {
  const divergence::ChiSquareResult h = divergence::chi_square_homogeneity(ref, cur);
  const json& wh = want["chi2_homogeneity"];
  EXPECT_EQ(h.dof, wh["dof"].get<std::size_t>()) << at;
  EXPECT_LE(relative_error(h.statistic, wh["statistic"].get<double>()), 1e-9) << at << ": got " << h.statistic;
  EXPECT_LE(relative_error(h.pvalue, wh["pvalue"].get<double>()), 1e-9) << at << ": got " << h.pvalue;
  worst().note("chi2_homogeneity.statistic", relative_error(h.statistic, wh["statistic"].get<double>()));
  worst().note("chi2_homogeneity.pvalue", relative_error(h.pvalue, wh["pvalue"].get<double>()));

  double n_ref = 0.0, n_cur = 0.0;
  for (double v : ref) n_ref += v;
  for (double v : cur) n_cur += v;
  std::vector<double> exp(ref.size());
  for (std::size_t i = 0; i < ref.size(); ++i) exp[i] = ref[i] * n_cur / n_ref;
  const divergence::ChiSquareResult g = divergence::chi_square_gof(cur, exp);
  const json& wg = want["chi2_gof_cur_vs_ref_expected"];
  EXPECT_EQ(g.dof, wg["dof"].get<std::size_t>()) << at;
  if (wg["statistic"].is_string()) {
    EXPECT_EQ(wg["statistic"], "inf") << at;
    EXPECT_TRUE(std::isinf(g.statistic) && g.statistic > 0) << at << ": got " << g.statistic;
    EXPECT_EQ(g.pvalue, 0.0) << at;
  } else {
    EXPECT_LE(relative_error(g.statistic, wg["statistic"].get<double>()), 1e-9) << at << ": got " << g.statistic;
    EXPECT_LE(relative_error(g.pvalue, wg["pvalue"].get<double>()), 1e-9) << at << ": got " << g.pvalue;
    worst().note("chi2_gof.statistic", relative_error(g.statistic, wg["statistic"].get<double>()));
    worst().note("chi2_gof.pvalue", relative_error(g.pvalue, wg["pvalue"].get<double>()));
  }
}

std::vector<double> as_doubles(const json& counts) {
  std::vector<double> out;
  for (const json& c : counts) out.push_back(c.get<double>());
  return out;
}

TEST_P(SamplePairs, ChiSquareOnEveryCategoricalColumn) {
  const LoadedPair& lp = load(GetParam());
  const divergence::Report report = divergence::compare_tables(lp.ref, lp.cur);
  int checked = 0;
  for (const auto& item : (*lp.pair)["columns"].items()) {
    const json& want = item.value();
    if (want["type"] != "categorical") continue;
    const std::string at = GetParam() + "/" + item.key();
    const divergence::ColumnReport* col = nullptr;
    for (const auto& c : report.columns) {
      if (c.name == item.key()) col = &c;
    }
    ASSERT_NE(col, nullptr) << at;
    ASSERT_EQ(col->categories.categories.size(), want["categories"].size()) << at;
    std::vector<double> ref(col->categories.ref_counts.begin(), col->categories.ref_counts.end());
    std::vector<double> cur(col->categories.cur_counts.begin(), col->categories.cur_counts.end());
    ASSERT_EQ(ref, as_doubles(want["ref_counts"])) << at;
    ASSERT_EQ(cur, as_doubles(want["cur_counts"])) << at;
    check_chi_square(ref, cur, want, at);
    ++checked;
  }
  EXPECT_GT(checked, 0);
}

TEST_P(SamplePairs, ChiSquareOnNumericColumnsAsCategorical) {
  const LoadedPair& lp = load(GetParam());
  for (const auto& item : (*lp.pair)["columns"].items()) {
    const json& want = item.value();
    if (!want.contains("as_categorical")) continue;
    const json& block = want["as_categorical"];
    check_chi_square(as_doubles(block["ref_counts"]), as_doubles(block["cur_counts"]), block,
                     GetParam() + "/" + item.key() + " (as categorical)");
  }
}

INSTANTIATE_TEST_SUITE_P(SampleData, SamplePairs, ::testing::ValuesIn(kPairs),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

TEST(SamplePairsList, CoversExpectedJson) {
  std::vector<std::string> ids;
  for (const json& p : shared_data::expected()["pairs"]) ids.push_back(p["id"].get<std::string>());
  std::sort(ids.begin(), ids.end());
  std::vector<std::string> ours = kPairs;
  std::sort(ours.begin(), ours.end());
  EXPECT_EQ(ids, ours);
}

}  // namespace
