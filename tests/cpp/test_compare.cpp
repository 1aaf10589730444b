// Dataset comparison: every pair and column of ../shared/data/expected.json checked from our
// own JSON output (which also exercises the JSON writer), plus column typing, error columns,
// options, and JSON escaping / number round-trips.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "divergence/compare.hpp"
#include "divergence/errors.hpp"

#include "shared_data.hpp"

namespace {

using divergence::ArgumentError;
using divergence::compare_csv;
using divergence::compare_csv_json;
using divergence::CompareOptions;
using divergence::FormatError;
using divergence::Report;
using nlohmann::json;

const std::string& kData = shared_data::kDataDir;

const json& expected_pair(const std::string& id) {
  for (const json& p : shared_data::expected()["pairs"]) {
    if (p["id"] == id) return p;
  }
  throw std::runtime_error("no pair " + id + " in expected.json");
}

// Relative 1e-9 (absolute 1e-15 near zero); "inf" must match as the exact string.
void expect_close(const json& got, const json& want, const std::string& what) {
  if (want.is_string()) {
    EXPECT_EQ(got, want) << what;
    return;
  }
  ASSERT_TRUE(got.is_number()) << what << ": got " << got.dump();
  const double g = got.get<double>();
  const double w = want.get<double>();
  EXPECT_LE(std::fabs(g - w), 1e-9 * std::fabs(w) + 1e-15) << what << ": got " << g << ", want " << w;
}

void expect_close_array(const json& got, const json& want, const std::string& what) {
  ASSERT_TRUE(got.is_array()) << what;
  ASSERT_EQ(got.size(), want.size()) << what;
  for (std::size_t i = 0; i < want.size(); ++i) expect_close(got[i], want[i], what + "[" + std::to_string(i) + "]");
}

const json* find_column(const json& report, const std::string& name) {
  for (const json& c : report["columns"]) {
    if (c["name"] == name) return &c;
  }
  return nullptr;
}

json run(const std::string& ref, const std::string& cur, const CompareOptions& opt = {}) {
  return json::parse(compare_csv_json(ref, cur, opt));
}

std::string error_of(const std::string& ref, const std::string& cur, const CompareOptions& opt = {}) {
  try {
    compare_csv_json(ref, cur, opt);
  } catch (const std::exception& e) {
    return e.what();
  }
  return "(no error)";
}

const std::vector<std::string> kPairs = {
    "taxis_march_1to15_vs_16to31", "penguins_biscoe_vs_dream", "tips_lunch_vs_dinner",
    "flights_1949_1954_vs_1955_1960", "adult_train_vs_test"};

TEST(ComparePairs, ListCoversExpectedJsonAndDataFolder) {
  std::set<std::string> from_json;
  for (const json& p : shared_data::expected()["pairs"]) from_json.insert(p["id"].get<std::string>());
  std::set<std::string> from_dir;
  for (const auto& entry : std::filesystem::directory_iterator(kData + "/pairs")) {
    if (entry.is_directory()) from_dir.insert(entry.path().filename().string());
  }
  const std::set<std::string> ours(kPairs.begin(), kPairs.end());
  EXPECT_EQ(ours, from_json);
  EXPECT_EQ(ours, from_dir);
}

class ComparePair : public ::testing::TestWithParam<std::string> {};

TEST_P(ComparePair, MatchesExpectedJson) {
  const json& pair = expected_pair(GetParam());
  const std::string ref = shared_data::read_file(kData + "/" + pair["reference_file"].get<std::string>());
  const std::string cur = shared_data::read_file(kData + "/" + pair["current_file"].get<std::string>());
  const json got = run(ref, cur);

  EXPECT_EQ(got["schema"], "divergence-lab/compare-report@1");
  EXPECT_EQ(got["options"]["binning"], "equal-width:20");
  EXPECT_EQ(got["options"]["smoothing"], "epsilon:0.0001");
  EXPECT_EQ(got["reference"]["rows"], pair["reference_rows"]);
  EXPECT_EQ(got["current"]["rows"], pair["current_rows"]);
  EXPECT_EQ(got["reference"]["delimiter"], ",");
  EXPECT_EQ(got["reference"]["skip_initial_space"], GetParam() == "adult_train_vs_test");
  EXPECT_EQ(got["only_in_reference"], json::array());
  EXPECT_EQ(got["only_in_current"], json::array());

  // Every reported column is either checked below or an excluded (split/date) column.
  std::set<std::string> known;
  for (const auto& item : pair["columns"].items()) known.insert(item.key());
  for (const json& x : pair["excluded_columns"]) known.insert(x.get<std::string>());
  for (const json& c : got["columns"]) EXPECT_TRUE(known.count(c["name"].get<std::string>())) << c["name"];

  for (const auto& item : pair["columns"].items()) {
    const std::string name = item.key();
    const json& want = item.value();
    const std::string at = GetParam() + "/" + name;
    const json* found = find_column(got, name);
    ASSERT_NE(found, nullptr) << at;
    const json& g = *found;
    EXPECT_FALSE(g.contains("error")) << at;
    EXPECT_EQ(g["type"], want["type"]) << at;
    for (const char* k : {"n_ref", "n_cur", "missing_ref", "missing_cur"}) EXPECT_EQ(g[k], want[k]) << at << " " << k;

    std::vector<const char*> metrics = {"kl_ref_cur_raw",      "kl_cur_ref_raw",     "kl_ref_cur_smoothed",
                                        "kl_cur_ref_smoothed", "js_distance_base_e", "js_divergence_base2",
                                        "psi_smoothed",        "tvd"};
    const json* source = &want;
    if (want["type"] == "numeric") {
      const json& ew = want["equal_width_20"];
      ASSERT_FALSE(ew.value("degenerate", false)) << at;
      expect_close_array(g["bins"]["edges"], ew["edges"], at + " edges");
      EXPECT_EQ(g["bins"]["ref_counts"], ew["ref_counts"]) << at;
      EXPECT_EQ(g["bins"]["cur_counts"], ew["cur_counts"]) << at;
      metrics.push_back("hellinger");
      source = &ew;
      for (const char* side : {"reference", "current"}) {
        const json& ws = want["summary"][side];
        const json& gs = g["summary"][side];
        EXPECT_EQ(gs["n"], ws["n"]) << at;
        expect_close(gs["mean"], ws["mean"], at + " mean");
        expect_close(gs["std"], ws["std_ddof1"], at + " std");
        expect_close(gs["min"], ws["min"], at + " min");
        expect_close(gs["max"], ws["max"], at + " max");
      }
    } else {
      for (const char* k : {"categories", "ref_counts", "cur_counts", "only_in_ref", "only_in_cur"}) {
        EXPECT_EQ(g[k], want[k]) << at << " " << k;
      }
    }
    for (const char* k : metrics) expect_close(g[k], (*source)[k], at + " " + k);
  }
}

INSTANTIATE_TEST_SUITE_P(SharedData, ComparePair, ::testing::ValuesIn(kPairs),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

TEST(CompareReport, NumbersRoundTripExactly) {
  const json& pair = expected_pair("tips_lunch_vs_dinner");
  const std::string ref = shared_data::read_file(kData + "/" + pair["reference_file"].get<std::string>());
  const std::string cur = shared_data::read_file(kData + "/" + pair["current_file"].get<std::string>());
  const Report r = compare_csv(ref, cur);
  const json got = json::parse(divergence::to_json(r));
  ASSERT_EQ(got["columns"].size(), r.columns.size());
  for (std::size_t i = 0; i < r.columns.size(); ++i) {
    const auto& c = r.columns[i];
    const json& g = got["columns"][i];
    EXPECT_EQ(g["name"], c.name);
    if (c.type == divergence::ColumnType::Numeric) {
      EXPECT_EQ(g["bins"]["edges"].get<std::vector<double>>(), c.bins.edges);
      EXPECT_EQ(g["summary"]["reference"]["mean"].get<double>(), c.summary_ref.mean);
      EXPECT_EQ(g["summary"]["current"]["std"].get<double>(), c.summary_cur.std_dev);
    }
    EXPECT_EQ(g["psi_smoothed"].get<double>(), c.metrics.psi_smoothed);
    EXPECT_EQ(g["js_distance_base_e"].get<double>(), c.metrics.js_distance_base_e);
    EXPECT_EQ(g["hellinger"].get<double>(), c.metrics.hellinger);
  }
  // Shortest form where it exists.
  const std::string text = divergence::to_json(r);
  EXPECT_NE(text.find("\"edges\":[3.07,5.457,7.843999999999999,"), std::string::npos);
}

TEST(CompareReport, ColumnsOnOneSideAndOrder) {
  const json got = run("a,b,c\n1,x,3\n2,y,4\n", "c,d,a\n5,6,7\n8,9,1\n");
  EXPECT_EQ(got["only_in_reference"], json::array({"b"}));
  EXPECT_EQ(got["only_in_current"], json::array({"d"}));
  ASSERT_EQ(got["columns"].size(), 2u);
  EXPECT_EQ(got["columns"][0]["name"], "a");
  EXPECT_EQ(got["columns"][1]["name"], "c");
  EXPECT_EQ(got["reference"]["columns"], 3);
  EXPECT_EQ(got["current"]["rows"], 2);
}

TEST(CompareReport, SideWithoutValuesGivesAnErrorNotNaN) {
  const json got = run("a,b,c\n1,x,\n2,y,NA\n", "a,b,c\nNA,,\n,?,N/A\n");
  const json& a = got["columns"][0];
  EXPECT_EQ(a["type"], "numeric");
  EXPECT_EQ(a["n_ref"], 2);
  EXPECT_EQ(a["n_cur"], 0);
  EXPECT_EQ(a["missing_cur"], 2);
  EXPECT_EQ(a["error"], "current has no non-missing values");
  EXPECT_FALSE(a.contains("kl_ref_cur_raw"));
  EXPECT_EQ(got["columns"][1]["error"], "current has no non-missing values");
  EXPECT_EQ(got["columns"][1]["type"], "categorical");
  EXPECT_EQ(got["columns"][2]["error"], "no non-missing values on either side");
  const json swapped = run("a\nNA\n", "a\n1\n");
  EXPECT_EQ(swapped["columns"][0]["error"], "reference has no non-missing values");
}

TEST(CompareReport, DegenerateNumericColumn) {
  const json got = run("x\n5\n5\n", "x\n5\n");
  const json& x = got["columns"][0];
  EXPECT_EQ(x["bins"]["degenerate"], true);
  EXPECT_EQ(x["bins"]["edges"], json::array({5.0, 5.0}));
  EXPECT_EQ(x["bins"]["ref_counts"], json::array({2}));
  EXPECT_EQ(x["bins"]["cur_counts"], json::array({1}));
  for (const char* k : {"kl_ref_cur_raw", "kl_ref_cur_smoothed", "js_distance_base_e", "psi_smoothed", "tvd", "hellinger"}) {
    EXPECT_EQ(x[k], 0.0) << k;
  }
  // One value: the sample standard deviation is undefined and written as null.
  EXPECT_TRUE(x["summary"]["current"]["std"].is_null());
  EXPECT_EQ(x["summary"]["reference"]["std"], 0.0);
}

TEST(CompareReport, SmallHandComputedCase) {
  // Categories a, b, c: p = (2/4, 2/4, 0), q = (1/4, 1/4, 2/4).
  const json got = run("k\na\na\nb\nb\n", "k\na\nb\nc\nc\n");
  const json& k = got["columns"][0];
  EXPECT_EQ(k["categories"], json::array({"a", "b", "c"}));
  EXPECT_EQ(k["only_in_cur"], json::array({"c"}));
  EXPECT_EQ(k["kl_cur_ref_raw"], "inf");
  expect_close(k["kl_ref_cur_raw"], std::log(2.0), "kl");
  expect_close(k["tvd"], 0.5, "tvd");
  const double m1 = 0.375, m3 = 0.25;  // M = (3/8, 3/8, 1/4)
  const double js = 0.5 * (2 * 0.5 * std::log(0.5 / m1)) + 0.5 * (2 * 0.25 * std::log(0.25 / m1) + 0.5 * std::log(0.5 / m3));
  expect_close(k["js_distance_base_e"], std::sqrt(js), "js distance");
  expect_close(k["js_divergence_base2"], js / std::log(2.0), "js base2");
  const double s = 1 + 1e-4;
  const double p[3] = {0.5 / s, 0.5 / s, 1e-4 / s};
  const double q[3] = {0.25, 0.25, 0.5};
  double psi = 0, kl = 0;
  for (int i = 0; i < 3; ++i) {
    psi += (q[i] - p[i]) * std::log(q[i] / p[i]);
    kl += q[i] * std::log(q[i] / p[i]);
  }
  expect_close(k["psi_smoothed"], psi, "psi");
  expect_close(k["kl_cur_ref_smoothed"], kl, "kl smoothed");
}

TEST(CompareReport, ColumnTyping) {
  const json got = run("a,b,c,d,e\n+1, 2 ,1e400,inf,1\n-2.5e1,.5,1,2,x\n", "a,b,c,d,e\n3.,4,5,6,2\n");
  EXPECT_EQ(got["columns"][0]["type"], "numeric");  // leading '+', "3."
  EXPECT_EQ(got["columns"][0]["summary"]["reference"]["min"], -25.0);
  EXPECT_EQ(got["columns"][1]["type"], "numeric");      // surrounding spaces, ".5"
  EXPECT_EQ(got["columns"][2]["type"], "categorical");  // overflows to inf
  EXPECT_EQ(got["columns"][3]["type"], "categorical");  // inf is not finite
  EXPECT_EQ(got["columns"][4]["type"], "categorical");  // one non-number on one side suffices
  EXPECT_EQ(got["columns"][4]["categories"], json::array({"1", "2", "x"}));
}

TEST(CompareReport, MissingTokensOption) {
  const std::string ref = "a\n1\n?\n2\n";
  const std::string cur = "a\n3\n-\n";
  const json by_default = run(ref, cur);
  EXPECT_EQ(by_default["columns"][0]["type"], "categorical");  // "-" is not missing by default
  CompareOptions opt;
  opt.missing_tokens = {"-", "?"};
  const json custom = run(ref, cur, opt);
  EXPECT_EQ(custom["columns"][0]["type"], "numeric");
  EXPECT_EQ(custom["columns"][0]["missing_ref"], 1);
  EXPECT_EQ(custom["columns"][0]["missing_cur"], 1);
}

TEST(CompareReport, BinsAndEpsilonOptions) {
  CompareOptions opt;
  opt.bins = 5;
  opt.epsilon = 0.001;
  const json got = run("x\n0\n1\n", "x\n2\n", opt);
  EXPECT_EQ(got["options"]["binning"], "equal-width:5");
  EXPECT_EQ(got["options"]["smoothing"], "epsilon:0.001");
  EXPECT_EQ(got["columns"][0]["bins"]["edges"].size(), 6u);
  opt.bins = 0;
  EXPECT_EQ(error_of("x\n1\n", "x\n1\n", opt), "bins: must be between 1 and 1000000 (got 0)");
  opt.bins = 1000001;
  EXPECT_EQ(error_of("x\n1\n", "x\n1\n", opt), "bins: must be between 1 and 1000000 (got 1000001)");
  opt.bins = 3;
  opt.epsilon = -1;
  EXPECT_EQ(error_of("x\n1\n", "x\n1\n", opt), "epsilon: must be a finite number > 0 (got -1)");
  EXPECT_THROW(compare_csv_json("x\n1\n", "x\n1\n", opt), ArgumentError);
}

TEST(CompareReport, FormatErrorsNameTheSide) {
  EXPECT_EQ(error_of("a,b\n1,2\n", "a,b\n1,2\n3\n"), "current: line 3: expected 2 fields, found 1");
  EXPECT_EQ(error_of("", "a\n1\n"), "reference: file is empty");
  EXPECT_THROW(compare_csv_json("a\n1\n", "a\n"), FormatError);
}

TEST(CompareReport, JsonEscapingAndDelimiter) {
  const std::string name = "we\"ird\\ name\ttab";
  const std::string ref = "\"we\"\"ird\\ name\ttab\"\tcaf\xC3\xA9\n\"x\x01y\nz\"\t1\n";
  const std::string cur = "\"we\"\"ird\\ name\ttab\"\tcaf\xC3\xA9\n\xE2\x82\xAC\t2\n";
  const std::string text = compare_csv_json(ref, cur);
  EXPECT_NE(text.find("\\u0001"), std::string::npos);
  EXPECT_NE(text.find("\"delimiter\":\"\\t\""), std::string::npos);
  EXPECT_NE(text.find("caf\xC3\xA9"), std::string::npos);  // UTF-8 passed through, not \u-escaped
  const json got = json::parse(text);
  EXPECT_EQ(got["reference"]["delimiter"], "\t");
  EXPECT_EQ(got["columns"][0]["name"], name);
  EXPECT_EQ(got["columns"][0]["categories"], json::array({"x\x01y\nz", "\xE2\x82\xAC"}));
  EXPECT_EQ(got["columns"][1]["name"], "caf\xC3\xA9");
}

}  // namespace
