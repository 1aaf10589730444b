// Dataset comparison engine (schema @2): every pair and column of ../shared/data/expected.json
// checked from our own JSON output (equal_width_20, psi_ref_quantile_10, wasserstein, ks, summary,
// categorical and as_categorical blocks with both chi-square tests), plus column typing, error
// columns, options, JSON escaping and number round-trips.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "divergence/accumulator.hpp"
#include "divergence/bin_rules.hpp"
#include "divergence/compare.hpp"
#include "divergence/errors.hpp"
#include "divergence/report.hpp"
#include "divergence/report_spec.hpp"

#include "shared_data.hpp"

namespace {

using divergence::ArgumentError;
using divergence::compare_buffers_json;
using divergence::compare_csv_json;
using divergence::CompareOptions;
using divergence::CompareSpec;
using divergence::FormatError;
using nlohmann::json;

const std::string& kData = shared_data::kDataDir;

const json& expected_pair(const std::string& id) {
  for (const json& p : shared_data::expected()["pairs"]) {
    if (p["id"] == id) return p;
  }
  throw std::runtime_error("no pair " + id + " in expected.json");
}

// Relative tol (absolute 1e-15 near zero); "inf" must match as the exact string.
void expect_close(const json& got, const json& want, const std::string& what, double tol = 1e-9) {
  if (want.is_string()) {
    EXPECT_EQ(got, want) << what;
    return;
  }
  ASSERT_TRUE(got.is_number()) << what << ": got " << got.dump();
  const double g = got.get<double>();
  const double w = want.get<double>();
  EXPECT_LE(std::fabs(g - w), tol * std::fabs(w) + 1e-15) << what << ": got " << g << ", want " << w;
}

void expect_close_array(const json& got, const json& want, const std::string& what, double tol = 1e-9) {
  ASSERT_TRUE(got.is_array()) << what;
  ASSERT_EQ(got.size(), want.size()) << what;
  for (std::size_t i = 0; i < want.size(); ++i) expect_close(got[i], want[i], what + "[" + std::to_string(i) + "]", tol);
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

json run_spec(const std::string& ref, const std::string& cur, const CompareSpec& spec) {
  return json::parse(compare_buffers_json(ref, cur, spec));
}

std::string error_of(const std::string& ref, const std::string& cur, const CompareOptions& opt = {}) {
  try {
    compare_csv_json(ref, cur, opt);
  } catch (const std::exception& e) {
    return e.what();
  }
  return "(no error)";
}

std::string spec_error(const std::vector<std::pair<std::string, std::string>>& options) {
  try {
    divergence::parse_compare_spec(options);
  } catch (const ArgumentError& e) {
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

// numpy.quantile(x, q, method='linear') on a sorted copy, written out independently of the library.
double numpy_quantile(std::vector<double> x, double q) {
  std::sort(x.begin(), x.end());
  const double h = (static_cast<double>(x.size()) - 1.0) * q;
  const std::size_t j = static_cast<std::size_t>(std::floor(h));
  if (j + 1 >= x.size()) return x.back();
  const double t = h - static_cast<double>(j);
  return x[j] + t * (x[j + 1] - x[j]);
}

void check_categorical_block(const json& g, const json& metrics, const json& want, const std::string& at) {
  for (const char* k : {"categories", "ref_counts", "cur_counts", "only_in_ref", "only_in_cur"}) {
    EXPECT_EQ(g[k], want[k]) << at << " " << k;
  }
  for (const char* k : {"kl_ref_cur_raw", "kl_cur_ref_raw", "kl_ref_cur_smoothed", "kl_cur_ref_smoothed",
                        "js_distance_base_e", "js_divergence_base2", "psi_smoothed", "tvd"}) {
    expect_close(metrics[k], want[k], at + " " + k);
  }
  for (const char* test : {"chi2_homogeneity", "chi2_gof_cur_vs_ref_expected"}) {
    const json& w = want[test];
    const json& m = metrics[test];
    EXPECT_EQ(m["dof"], w["dof"]) << at << " " << test;
    expect_close(m["statistic"], w["statistic"], at + " " + test + ".statistic");
    expect_close(m["pvalue"], w["pvalue"], at + " " + test + ".pvalue");
  }
}

class ComparePair : public ::testing::TestWithParam<std::string> {};

TEST_P(ComparePair, MatchesExpectedJson) {
  const json& pair = expected_pair(GetParam());
  const std::string ref = shared_data::read_file(kData + "/" + pair["reference_file"].get<std::string>());
  const std::string cur = shared_data::read_file(kData + "/" + pair["current_file"].get<std::string>());
  const json got = run(ref, cur);

  EXPECT_EQ(got["schema"], "divergence-lab/compare-report@2");
  EXPECT_EQ(got["options"]["binning"], "equal-width:20");
  EXPECT_EQ(got["options"]["smoothing"], "epsilon:0.0001");
  EXPECT_EQ(got["options"]["preset"], "default");
  EXPECT_EQ(got["reference"]["format"], "csv");
  EXPECT_EQ(got["reference"]["rows"], pair["reference_rows"]);
  EXPECT_EQ(got["current"]["rows"], pair["current_rows"]);
  EXPECT_EQ(got["reference"]["bytes"], pair["reference_bytes"]);
  EXPECT_EQ(got["current"]["bytes"], pair["current_bytes"]);
  EXPECT_EQ(got["reference"]["delimiter"], ",");
  EXPECT_EQ(got["reference"]["skip_initial_space"], GetParam() == "adult_train_vs_test");
  EXPECT_EQ(got["only_in_reference"], json::array());
  EXPECT_EQ(got["only_in_current"], json::array());
  EXPECT_EQ(got["approximate_columns"], json::array());

  // Every reported column is either checked below or an excluded (split/date) column.
  std::set<std::string> known;
  for (const auto& item : pair["columns"].items()) known.insert(item.key());
  for (const json& x : pair["excluded_columns"]) known.insert(x.get<std::string>());
  for (const json& c : got["columns"]) EXPECT_TRUE(known.count(c["name"].get<std::string>())) << c["name"];

  // Raw values for the quartiles (not in expected.json): our CSV reader and typing (tested elsewhere).
  const divergence::CsvTable ref_table = divergence::read_csv(ref);
  const divergence::CsvTable cur_table = divergence::read_csv(cur);

  for (const auto& item : pair["columns"].items()) {
    const std::string name = item.key();
    const json& want = item.value();
    const std::string at = GetParam() + "/" + name;
    const json* found = find_column(got, name);
    ASSERT_NE(found, nullptr) << at;
    const json& g = *found;
    EXPECT_FALSE(g.contains("error")) << at;
    EXPECT_EQ(g["type"], want["type"]) << at;
    EXPECT_EQ(g["type_source"], "inferred") << at;
    EXPECT_TRUE(g["approximate"].is_null()) << at;
    for (const char* k : {"n_ref", "n_cur", "missing_ref", "missing_cur"}) EXPECT_EQ(g[k], want[k]) << at << " " << k;
    const json& m = g["metrics"];
    if (want["type"] == "numeric") {
      // equal_width_20
      const json& ew = want["equal_width_20"];
      ASSERT_FALSE(ew.value("degenerate", false)) << at;
      EXPECT_EQ(g["bins"]["kind"], "equal-width:20");
      expect_close_array(g["bins"]["edges"], ew["edges"], at + " edges", 1e-15);
      EXPECT_EQ(g["bins"]["ref_counts"], ew["ref_counts"]) << at;
      EXPECT_EQ(g["bins"]["cur_counts"], ew["cur_counts"]) << at;
      for (const char* k : {"kl_ref_cur_raw", "kl_cur_ref_raw", "kl_ref_cur_smoothed", "kl_cur_ref_smoothed",
                            "js_distance_base_e", "js_divergence_base2", "psi_smoothed", "tvd", "hellinger"}) {
        expect_close(m[k], ew[k], at + " " + k);
      }
      // psi_ref_quantile_10
      const json& pq = want["psi_ref_quantile_10"];
      json edges = json::array({"-inf"});
      for (const json& e : pq["interior_edges_unique"]) edges.push_back(e);
      edges.push_back("inf");
      EXPECT_EQ(g["quantile_bins"]["kind"], "reference-quantile:10");
      expect_close_array(g["quantile_bins"]["edges"], edges, at + " quantile edges", 1e-12);
      EXPECT_EQ(g["quantile_bins"]["ref_counts"], pq["ref_counts"]) << at;
      EXPECT_EQ(g["quantile_bins"]["cur_counts"], pq["cur_counts"]) << at;
      expect_close(m["psi_ref_quantile_smoothed"], pq["psi_smoothed"], at + " psi_ref_quantile");
      // wasserstein, ks
      expect_close(m["wasserstein"], want["wasserstein"]["distance"], at + " wasserstein");
      expect_close(m["wasserstein_normed"], want["wasserstein"]["normed_by_ref_std_ddof0"], at + " wasserstein_normed");
      expect_close(m["ks_statistic"], want["ks"]["statistic"], at + " ks statistic", 1e-15);
      expect_close(m["ks_pvalue"], want["ks"]["pvalue_auto"], at + " ks pvalue", 1e-6);
      const bool exact = std::max(want["n_ref"].get<int>(), want["n_cur"].get<int>()) <= 10000;
      EXPECT_EQ(m["ks_method"], exact ? "exact" : "asymp") << at;
      // summary
      const auto column_values = [&](const divergence::CsvTable& t) {
        const auto idx = std::find(t.names.begin(), t.names.end(), name) - t.names.begin();
        std::vector<double> v;
        const divergence::MissingTokens missing;
        for (std::string_view f : t.columns[static_cast<std::size_t>(idx)]) {
          double x;
          if (!missing.contains(f) && divergence::parse_finite_double(f, x)) v.push_back(x);
        }
        return v;
      };
      const std::vector<double> values[2] = {column_values(ref_table), column_values(cur_table)};
      int side_index = 0;
      for (const char* side : {"reference", "current"}) {
        const json& ws = want["summary"][side];
        const json& gs = g["summary"][side];
        EXPECT_EQ(gs["n"], ws["n"]) << at;
        EXPECT_EQ(gs["missing"], want[side_index == 0 ? "missing_ref" : "missing_cur"]) << at;
        expect_close(gs["mean"], ws["mean"], at + " mean", 1e-12);
        expect_close(gs["std"], ws["std_ddof1"], at + " std", 1e-12);
        EXPECT_EQ(gs["min"], ws["min"]) << at;
        EXPECT_EQ(gs["max"], ws["max"]) << at;
        expect_close(gs["median"], ws["median"], at + " median", 1e-15);
        expect_close(gs["q25"], numpy_quantile(values[side_index], 0.25), at + " q25", 1e-15);
        expect_close(gs["q75"], numpy_quantile(values[side_index], 0.75), at + " q75", 1e-15);
        ++side_index;
      }
      // as_categorical (numeric columns with <= 20 pooled distinct values)
      EXPECT_EQ(g.contains("as_categorical"), want.contains("as_categorical")) << at;
      if (want.contains("as_categorical")) {
        EXPECT_EQ(g["n_unique"], want["pooled_distinct_values"]) << at;
        check_categorical_block(g["as_categorical"], g["as_categorical"]["metrics"], want["as_categorical"],
                                at + " as_categorical");
      } else {
        EXPECT_TRUE(g["n_unique"].is_null()) << at;
      }
    } else {
      check_categorical_block(g, m, want, at);
      EXPECT_EQ(g["n_unique"], want["n_categories"]) << at;
    }
    // Drift block: present, with an effect size.
    ASSERT_TRUE(g["drift"].is_object()) << at;
    EXPECT_TRUE(g["drift"]["effect_size"].is_number() || g["drift"]["effect_size"].is_string()) << at;
  }
}

INSTANTIATE_TEST_SUITE_P(SharedData, ComparePair, ::testing::ValuesIn(kPairs),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

// The decisions of the default preset on the example pairs, spelled out.
TEST(CompareDrift, DefaultPresetOnExamplePairs) {
  const auto report = [](const std::string& id) {
    const json& pair = expected_pair(id);
    return run(shared_data::read_file(kData + "/" + pair["reference_file"].get<std::string>()),
               shared_data::read_file(kData + "/" + pair["current_file"].get<std::string>()));
  };
  // adult: n_ref > 1000, the no-drift case except the label column (test labels end in '.').
  const json adult = report("adult_train_vs_test");
  for (const json& c : adult["columns"]) {
    const std::string name = c["name"];
    const json& d = c["drift"];
    if (c["type"] == "numeric") {
      EXPECT_EQ(d["test"], "wasserstein_normed") << name;
      EXPECT_EQ(d["threshold"], 0.1) << name;
      EXPECT_EQ(d["score"], c["metrics"]["wasserstein_normed"]) << name;
      EXPECT_TRUE(d["pvalue"].is_null()) << name;
    } else {
      EXPECT_EQ(d["test"], "js_distance_base_e") << name;
      EXPECT_EQ(d["score"], c["metrics"]["js_distance_base_e"]) << name;
    }
    EXPECT_EQ(d["drifted"], name == "Y") << name;
  }
  EXPECT_EQ(adult["verdict"]["n_drifted"], 1);
  EXPECT_EQ(adult["verdict"]["n_columns"], 15);
  EXPECT_EQ(adult["verdict"]["drifted"], false);
  // tips: n_ref = 68 <= 1000: KS for numeric (size has 6 values > 5), z for 2 categories, chi2 for day.
  const json tips = report("tips_lunch_vs_dinner");
  const json* bill = find_column(tips, "total_bill");
  EXPECT_EQ((*bill)["drift"]["test"], "ks");
  EXPECT_EQ((*bill)["drift"]["pvalue"], (*bill)["metrics"]["ks_pvalue"]);
  EXPECT_EQ((*bill)["drift"]["effect_size_name"], "wasserstein_normed");
  EXPECT_EQ((*bill)["drift"]["drifted"], true);  // p = 0.0023
  const json* sex = find_column(tips, "sex");
  EXPECT_EQ((*sex)["drift"]["test"], "z");
  EXPECT_EQ((*sex)["drift"]["pvalue"], (*sex)["metrics"]["z_test"]["pvalue"]);
  // The z-test is the square root of the 2x2 homogeneity chi-square: same p-value.
  expect_close((*sex)["metrics"]["z_test"]["pvalue"], (*sex)["metrics"]["chi2_homogeneity"]["pvalue"], "z vs chi2", 1e-9);
  const json* smoker = find_column(tips, "smoker");
  EXPECT_EQ((*smoker)["drift"]["drifted"], false);  // p = 0.39
  const json* day = find_column(tips, "day");
  EXPECT_EQ((*day)["drift"]["test"], "chi2");
  EXPECT_EQ((*day)["drift"]["score"], 0.0);  // a category only in current: statistic inf, p 0
  EXPECT_EQ((*day)["drift"]["drifted"], true);
  // flights: month identical on both sides (chi2 p = 1), passengers trend (KS p tiny).
  const json flights = report("flights_1949_1954_vs_1955_1960");
  EXPECT_EQ((*find_column(flights, "month"))["drift"]["drifted"], false);
  EXPECT_EQ((*find_column(flights, "passengers"))["drift"]["drifted"], true);
  EXPECT_EQ((*find_column(flights, "year"))["drift"]["drifted"], true);
}

TEST(CompareDrift, PsiAndCustomPresets) {
  const json& pair = expected_pair("tips_lunch_vs_dinner");
  const std::string ref = shared_data::read_file(kData + "/" + pair["reference_file"].get<std::string>());
  const std::string cur = shared_data::read_file(kData + "/" + pair["current_file"].get<std::string>());
  const json psi = run_spec(ref, cur, divergence::parse_compare_spec({{"preset", "psi"}}));
  const json* bill = find_column(psi, "total_bill");
  EXPECT_EQ((*bill)["drift"]["test"], "psi");
  expect_close((*bill)["drift"]["score"], pair["columns"]["total_bill"]["psi_ref_quantile_10"]["psi_smoothed"], "psi");
  EXPECT_EQ((*bill)["drift"]["level"], "major");  // 0.288 >= 0.25
  EXPECT_EQ((*bill)["drift"]["drifted"], true);
  const json* size = find_column(psi, "size");
  EXPECT_EQ((*size)["drift"]["level"], "moderate");  // 0.205
  EXPECT_EQ((*size)["drift"]["drifted"], false);
  const json* smoker = find_column(psi, "smoker");
  EXPECT_EQ((*smoker)["drift"]["level"], "none");  // 0.015
  expect_close((*smoker)["drift"]["score"], pair["columns"]["smoker"]["psi_smoothed"], "psi smoker");

  const json custom = run_spec(ref, cur,
                               divergence::parse_compare_spec({{"preset", "custom"},
                                                               {"custom-numeric", "ks:0.01"},
                                                               {"custom-categorical", "tvd:0.2"},
                                                               {"drift-share", "0.6"}}));
  const json* tip = find_column(custom, "tip");
  EXPECT_EQ((*tip)["drift"]["test"], "ks");
  EXPECT_EQ((*tip)["drift"]["rule"], "score < threshold");
  EXPECT_EQ((*tip)["drift"]["drifted"], false);  // p = 0.0152 >= 0.01
  const json* sex = find_column(custom, "sex");
  EXPECT_EQ((*sex)["drift"]["test"], "tvd");
  EXPECT_EQ((*sex)["drift"]["drifted"], true);  // 0.219 >= 0.2
  EXPECT_EQ(custom["verdict"]["threshold"], 0.6);
}

TEST(CompareSpecOptions, ErrorsNameTheOption) {
  EXPECT_EQ(spec_error({{"binning", "equal:20"}}),
            "binning: unknown rule 'equal:20' (known: equal-width:N, reference-quantile:N, auto, sturges, doane, fd, "
            "edges:a,b,c)");
  EXPECT_EQ(spec_error({{"binning", "equal-width:x"}}),
            "binning: bin count must be an integer between 1 and 1000000 (got 'x')");
  EXPECT_EQ(spec_error({{"binning", "equal-width:0"}}),
            "binning: bin count must be an integer between 1 and 1000000 (got '0')");
  EXPECT_EQ(spec_error({{"binning", "edges:1,0"}}), "binning: edges must be strictly increasing (edge 1 is 0 after 1)");
  EXPECT_EQ(spec_error({{"binning", "edges:1"}}), "binning: need at least 2 edges (got 1)");
  EXPECT_EQ(spec_error({{"smoothing", "add:1"}}), "smoothing: unknown method 'add:1' (known: epsilon:X, pseudocount:X, none)");
  EXPECT_EQ(spec_error({{"smoothing", "epsilon:-1"}}), "smoothing: amount must be a finite number > 0 (got '-1')");
  EXPECT_EQ(spec_error({{"types", "age:int"}}), "types: unknown type 'int' for column 'age' (known: numeric, categorical, boolean)");
  EXPECT_EQ(spec_error({{"types", "age"}}), "types: expected name:type (got 'age')");
  EXPECT_EQ(spec_error({{"preset", "evidently"}}), "preset: unknown preset 'evidently' (known: default, psi, custom)");
  EXPECT_EQ(spec_error({{"custom-numeric", "chi2:0.05"}}),
            "custom-numeric: unknown measure 'chi2' (known: ks, wasserstein_normed, wasserstein, psi, psi_bins, "
            "js_distance_base_e, js_divergence_base2, kl_ref_cur_smoothed, kl_cur_ref_smoothed, tvd, hellinger)");
  EXPECT_EQ(spec_error({{"drift-share", "2"}}), "drift-share: must be a number in (0, 1] (got '2')");
  EXPECT_EQ(spec_error({{"memory-budget", "64X"}}), "memory-budget: expected a byte count such as 67108864 or 64M (got '64X')");
  EXPECT_EQ(spec_error({{"sketch-k", "9"}}), "sketch-k: must be even (got '9')");
  EXPECT_EQ(spec_error({{"format", "xml"}}), "format: unknown format 'xml' (known: auto, csv, jsonl)");
  EXPECT_EQ(spec_error({{"bins", "20"}}).substr(0, 31), "options: unknown option 'bins' ");
  // Accepted forms.
  const CompareSpec s = divergence::parse_compare_spec({{"binning", "edges:0,1.5,3"},
                                                        {"smoothing", "pseudocount:0.5"},
                                                        {"memory-budget", "8M"},
                                                        {"missing", ",NA,-"},
                                                        {"types", "a:numeric,b c:boolean"}});
  EXPECT_EQ(s.binning.name(), "edges:0,1.5,3");
  EXPECT_EQ(divergence::smoothing_name(s.smoothing), "pseudocount:0.5");
  EXPECT_EQ(s.memory_budget_bytes, std::size_t{8} << 20);
  EXPECT_EQ(s.missing_tokens, (std::vector<std::string>{"", "NA", "-"}));
  ASSERT_EQ(s.type_overrides.size(), 2u);
  EXPECT_EQ(s.type_overrides[1].first, "b c");
  EXPECT_EQ(s.type_overrides[1].second, divergence::ColumnKind::Boolean);
  for (const char* rule : {"auto", "sturges", "doane", "fd", "reference-quantile:10", "equal-width:7"}) {
    EXPECT_EQ(divergence::parse_binning(rule).name(), rule);
  }
}

TEST(CompareReport, NumbersRoundTripExactly) {
  const json& pair = expected_pair("tips_lunch_vs_dinner");
  const std::string ref = shared_data::read_file(kData + "/" + pair["reference_file"].get<std::string>());
  const std::string cur = shared_data::read_file(kData + "/" + pair["current_file"].get<std::string>());
  const CompareSpec spec;
  divergence::DatasetAccumulator r(spec, "reference"), c(spec, "current");
  r.feed(ref);
  r.finish();
  c.feed(cur);
  c.finish();
  const divergence::ComparisonReport rep = divergence::compare_datasets(r, c, spec);
  const std::string text = divergence::report_json(rep);
  const json got = json::parse(text);
  ASSERT_EQ(got["columns"].size(), rep.columns.size());
  for (std::size_t i = 0; i < rep.columns.size(); ++i) {
    const auto& col = rep.columns[i];
    const json& g = got["columns"][i];
    EXPECT_EQ(g["name"], col.name);
    if (col.type == divergence::ColumnKind::Numeric) {
      EXPECT_EQ(g["bins"]["edges"].get<std::vector<double>>(), col.bins.edges);
      EXPECT_EQ(g["summary"]["reference"]["mean"].get<double>(), col.summary_ref.mean);
      EXPECT_EQ(g["summary"]["current"]["std"].get<double>(), col.summary_cur.std_dev);
      EXPECT_EQ(g["metrics"]["wasserstein"].get<double>(), col.numeric.wasserstein);
      EXPECT_EQ(g["metrics"]["hellinger"].get<double>(), col.numeric.bins.hellinger);
    } else {
      EXPECT_EQ(g["metrics"]["psi_smoothed"].get<double>(), col.categories.metrics.psi_smoothed);
      EXPECT_EQ(g["metrics"]["js_distance_base_e"].get<double>(), col.categories.metrics.js_distance_base_e);
    }
  }
  // Shortest form where it exists.
  EXPECT_NE(text.find("\"edges\":[3.07,5.457,7.843999999999999,"), std::string::npos);
  EXPECT_EQ(text.find(":nan"), std::string::npos);
  EXPECT_EQ(text.find(":NaN"), std::string::npos);
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
  EXPECT_FALSE(a.contains("metrics"));
  EXPECT_TRUE(a["drift"].is_null());
  // The missing share still changed (0 -> 1): reported on its own.
  EXPECT_EQ(a["missing_change"]["change"], 1.0);
  expect_close(a["missing_change"]["z"], -2.0, "z");  // 0 of 2 vs 2 of 2: pooled 1/2, z = -2
  expect_close(a["missing_change"]["pvalue"], std::erfc(2.0 / std::sqrt(2.0)), "p");  // 0.0455
  EXPECT_EQ(a["missing_change"]["flagged"], true);
  EXPECT_EQ(got["columns"][1]["error"], "current has no non-missing values");
  EXPECT_EQ(got["columns"][1]["type"], "categorical");
  EXPECT_EQ(got["columns"][2]["error"], "no non-missing values on either side");
  EXPECT_EQ(got["verdict"]["n_columns"], 0);
  EXPECT_EQ(got["verdict"]["drifted"], false);
  const json swapped = run("a\nNA\n", "a\n1\n");
  EXPECT_EQ(swapped["columns"][0]["error"], "reference has no non-missing values");
}

TEST(CompareReport, MissingShareChange) {
  // 10 of 100 missing vs 30 of 100: z = -3.536, p = 4.07e-4 (two-proportion z-test, pooled).
  std::string ref = "x\n", cur = "x\n";
  for (int i = 0; i < 100; ++i) {
    ref += i < 10 ? "\n" : std::to_string(i) + "\n";
    cur += i < 30 ? "NA\n" : std::to_string(i) + "\n";
  }
  // Blank lines are skipped, so use an explicit empty-string token for the reference's missing.
  ref = "x\n";
  for (int i = 0; i < 100; ++i) ref += i < 10 ? "?\n" : std::to_string(i) + "\n";
  const json got = run(ref, cur);
  const json& mc = got["columns"][0]["missing_change"];
  expect_close(mc["ref_share"], 0.1, "ref share");
  expect_close(mc["cur_share"], 0.3, "cur share");
  expect_close(mc["change"], 0.2, "change", 1e-12);
  const double pooled = 0.2, se = std::sqrt(pooled * (1 - pooled) * (2.0 / 100));
  expect_close(mc["z"], -0.2 / se, "z", 1e-12);
  expect_close(mc["pvalue"], std::erfc(0.2 / se / std::sqrt(2.0)), "p", 1e-12);
  EXPECT_EQ(mc["flagged"], true);
}

TEST(CompareReport, DegenerateNumericColumn) {
  const json got = run("x\n5\n5\n", "x\n5\n");
  const json& x = got["columns"][0];
  EXPECT_EQ(x["bins"]["degenerate"], true);
  EXPECT_EQ(x["bins"]["edges"], json::array({5.0, 5.0}));
  EXPECT_EQ(x["bins"]["ref_counts"], json::array({2}));
  EXPECT_EQ(x["bins"]["cur_counts"], json::array({1}));
  for (const char* k : {"kl_ref_cur_raw", "kl_ref_cur_smoothed", "js_distance_base_e", "psi_smoothed", "tvd", "hellinger",
                        "wasserstein", "ks_statistic"}) {
    EXPECT_EQ(x["metrics"][k], 0.0) << k;
  }
  // One value: the sample standard deviation is undefined and written as null.
  EXPECT_TRUE(x["summary"]["current"]["std"].is_null());
  EXPECT_EQ(x["summary"]["reference"]["std"], 0.0);
  // Reference std 0: the normed Wasserstein divides by 0.001 (Evidently).
  EXPECT_EQ(x["metrics"]["wasserstein_normed"], 0.0);
  EXPECT_EQ(x["n_unique"], 1);
  EXPECT_EQ(x["as_categorical"]["categories"], json::array({"5"}));
  EXPECT_EQ(x["as_categorical"]["metrics"]["chi2_gof_cur_vs_ref_expected"]["dof"], 0);
  EXPECT_EQ(x["drift"]["test"], "z");  // 1 value <= 2, n_ref <= 1000
  EXPECT_EQ(x["drift"]["pvalue"], 1.0);
}

TEST(CompareReport, SmallHandComputedCase) {
  // Categories a, b, c: p = (2/4, 2/4, 0), q = (1/4, 1/4, 2/4).
  const json got = run("k\na\na\nb\nb\n", "k\na\nb\nc\nc\n");
  const json& k = got["columns"][0];
  const json& m = k["metrics"];
  EXPECT_EQ(k["categories"], json::array({"a", "b", "c"}));
  EXPECT_EQ(k["only_in_cur"], json::array({"c"}));
  EXPECT_EQ(m["kl_cur_ref_raw"], "inf");
  expect_close(m["kl_ref_cur_raw"], std::log(2.0), "kl");
  expect_close(m["tvd"], 0.5, "tvd");
  const double m1 = 0.375, m3 = 0.25;  // M = (3/8, 3/8, 1/4)
  const double js = 0.5 * (2 * 0.5 * std::log(0.5 / m1)) + 0.5 * (2 * 0.25 * std::log(0.25 / m1) + 0.5 * std::log(0.5 / m3));
  expect_close(m["js_distance_base_e"], std::sqrt(js), "js distance");
  expect_close(m["js_divergence_base2"], js / std::log(2.0), "js base2");
  const double s = 1 + 1e-4;
  const double p[3] = {0.5 / s, 0.5 / s, 1e-4 / s};
  const double q[3] = {0.25, 0.25, 0.5};
  double psi = 0, kl = 0;
  for (int i = 0; i < 3; ++i) {
    psi += (q[i] - p[i]) * std::log(q[i] / p[i]);
    kl += q[i] * std::log(q[i] / p[i]);
  }
  expect_close(m["psi_smoothed"], psi, "psi");
  expect_close(m["kl_cur_ref_smoothed"], kl, "kl smoothed");
  // Goodness of fit with expected = ref * 4/4: c expects 0 and has 2 -> inf, p 0.
  EXPECT_EQ(m["chi2_gof_cur_vs_ref_expected"]["statistic"], "inf");
  EXPECT_EQ(m["chi2_gof_cur_vs_ref_expected"]["pvalue"], 0.0);
  // Homogeneity: table [[2,2,0],[1,1,2]], E = [[1.5,1.5,1],[1.5,1.5,1]]: chi2 = 4*(0.25/1.5) + 2*1 = 2.667.
  expect_close(m["chi2_homogeneity"]["statistic"], 4 * (0.25 / 1.5) + 2.0, "chi2", 1e-12);
  EXPECT_EQ(m["chi2_homogeneity"]["dof"], 2);
}

TEST(CompareReport, ColumnTyping) {
  const json got = run("a,b,c,d,e,f,g,h\n+1, 2 ,1e400,inf,1,true,0,True\n-2.5e1,.5,1,2,x,No,1,false\n",
                       "a,b,c,d,e,f,g,h\n3.,4,5,6,2,YES,1,TRUE\n");
  EXPECT_EQ(got["columns"][0]["type"], "numeric");  // leading '+', "3."
  EXPECT_EQ(got["columns"][0]["summary"]["reference"]["min"], -25.0);
  EXPECT_EQ(got["columns"][1]["type"], "numeric");      // surrounding spaces, ".5"
  EXPECT_EQ(got["columns"][2]["type"], "categorical");  // overflows to inf
  EXPECT_EQ(got["columns"][3]["type"], "categorical");  // inf is not finite
  EXPECT_EQ(got["columns"][4]["type"], "categorical");  // one non-number on one side suffices
  EXPECT_EQ(got["columns"][4]["categories"], json::array({"1", "2", "x"}));
  EXPECT_EQ(got["columns"][5]["type"], "categorical");  // yes/no are labels (pandas: object)
  EXPECT_EQ(got["columns"][5]["categories"], json::array({"No", "YES", "true"}));
  EXPECT_EQ(got["columns"][6]["type"], "numeric");  // only 0 and 1: stays numeric (pandas: int)
  EXPECT_EQ(got["columns"][7]["type"], "boolean");  // True/false/TRUE (pandas: bool)
  EXPECT_EQ(got["columns"][7]["categories"], json::array({"false", "true"}));
  EXPECT_EQ(got["columns"][7]["ref_counts"], json::array({1, 1}));
  EXPECT_EQ(got["columns"][7]["cur_counts"], json::array({0, 1}));
  // Overrides.
  CompareSpec spec;
  spec.type_overrides = {{"a", divergence::ColumnKind::Categorical},
                         {"e", divergence::ColumnKind::Numeric},
                         {"g", divergence::ColumnKind::Boolean},
                         {"b", divergence::ColumnKind::Boolean},
                         {"f", divergence::ColumnKind::Boolean}};
  const json over = run_spec("a,b,c,d,e,f,g,h\n+1, 2 ,1e400,inf,1,true,0,True\n-2.5e1,.5,1,2,x,No,1,false\n",
                             "a,b,c,d,e,f,g,h\n3.,4,5,6,2,YES,1,TRUE\n", spec);
  EXPECT_EQ(over["columns"][0]["type"], "categorical");
  EXPECT_EQ(over["columns"][0]["type_source"], "override");
  EXPECT_EQ(over["columns"][0]["categories"], json::array({"+1", "-2.5e1", "3."}));
  EXPECT_EQ(over["columns"][4]["error"], "type override numeric: reference value 'x' is not a number");
  EXPECT_EQ(over["columns"][6]["type"], "boolean");
  EXPECT_EQ(over["columns"][6]["ref_counts"], json::array({1, 1}));
  EXPECT_EQ(over["columns"][1]["error"], "type override boolean: reference value ' 2 ' is not one of true, false, yes, no, 0, 1");
  EXPECT_EQ(over["columns"][5]["type"], "boolean");  // true / No / YES under a boolean override
  EXPECT_EQ(over["columns"][5]["ref_counts"], json::array({1, 1}));
  EXPECT_EQ(over["columns"][5]["cur_counts"], json::array({0, 1}));
  EXPECT_EQ(over["columns"][7]["type_source"], "inferred");
}

TEST(CompareReport, PandasLabels) {
  EXPECT_EQ(divergence::pandas_label(2.0, true), "2");
  EXPECT_EQ(divergence::pandas_label(-17.0, true), "-17");
  EXPECT_EQ(divergence::pandas_label(2.0, false), "2.0");
  EXPECT_EQ(divergence::pandas_label(5.76, false), "5.76");
  EXPECT_EQ(divergence::pandas_label(0.1, false), "0.1");
  EXPECT_EQ(divergence::pandas_label(1e-5, false), "1e-05");
  EXPECT_EQ(divergence::pandas_label(0.0001, false), "0.0001");
  EXPECT_EQ(divergence::pandas_label(1.5e16, false), "1.5e+16");
  EXPECT_EQ(divergence::pandas_label(1e15, false), "1000000000000000.0");
  EXPECT_EQ(divergence::pandas_label(-0.5, false), "-0.5");
  EXPECT_EQ(divergence::pandas_label(123456.789, false), "123456.789");
  EXPECT_EQ(divergence::pandas_label(1e100, false), "1e+100");
  // A float column (a '.' somewhere, or a missing value) prints "1.0"; sorting is by text.
  const json got = run("x\n1\n2.5\n10\n", "x\n1\n");
  EXPECT_EQ(got["columns"][0]["as_categorical"]["categories"], json::array({"1.0", "10.0", "2.5"}));
  const json ints = run("x\n1\n2\n10\n", "x\n1\n");
  EXPECT_EQ(ints["columns"][0]["as_categorical"]["categories"], json::array({"1", "10", "2"}));
  const json with_missing = run("x\n1\n\n2\n", "x\n1\nNA\n");
  EXPECT_EQ(with_missing["columns"][0]["as_categorical"]["categories"], json::array({"1.0", "2.0"}));
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
  EXPECT_EQ(custom["options"]["missing"], "-,?");
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

TEST(CompareReport, OtherBinnings) {
  const std::string ref = "x\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n";
  const std::string cur = "x\n-5\n2\n2\n4\n8\n100\n";
  // reference-quantile bins as the shared bins: open outer edges.
  const json rq = run_spec(ref, cur, divergence::parse_compare_spec({{"binning", "reference-quantile:4"}}));
  const json& b = rq["columns"][0]["bins"];
  EXPECT_EQ(b["kind"], "reference-quantile:4");
  EXPECT_EQ(b["edges"], json::parse(R"(["-inf",3.25,5.5,7.75,"inf"])"));
  EXPECT_EQ(b["ref_counts"], json::array({3, 2, 2, 3}));
  EXPECT_EQ(b["cur_counts"], json::array({3, 1, 0, 2}));
  // Explicit edges: values outside are counted apart and left out of the shares.
  const json ed = run_spec(ref, cur, divergence::parse_compare_spec({{"binning", "edges:0,5,10"}}));
  const json& e = ed["columns"][0]["bins"];
  EXPECT_EQ(e["edges"], json::array({0.0, 5.0, 10.0}));
  EXPECT_EQ(e["ref_counts"], json::array({4, 6}));
  EXPECT_EQ(e["cur_counts"], json::array({3, 1}));
  EXPECT_EQ(e["ref_outside"], 0);
  EXPECT_EQ(e["cur_outside"], 2);
  expect_close(ed["columns"][0]["metrics"]["tvd"], 0.5 * (std::fabs(0.4 - 0.75) + std::fabs(0.6 - 0.25)), "tvd");
  const json none = run_spec("x\n1\n2\n", "x\n50\n60\n", divergence::parse_compare_spec({{"binning", "edges:0,5,10"}}));
  EXPECT_EQ(none["columns"][0]["error"], "current: no value inside the bin edges edges:0,5,10");
  // Rules: the bin count numpy would choose for the pooled values.
  for (const char* rule : {"sturges", "fd", "doane", "auto"}) {
    const json r = run_spec(ref, cur, divergence::parse_compare_spec({{"binning", rule}}));
    std::vector<double> pooled = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, -5, 2, 2, 4, 8, 100};
    const std::size_t bins = divergence::rule_bin_count(divergence::bin_rule_from_name(rule), pooled);
    EXPECT_EQ(r["columns"][0]["bins"]["edges"].size(), bins + 1) << rule;
    EXPECT_EQ(r["columns"][0]["bins"]["kind"], rule);
  }
  // Smoothing none: a bin empty on one side gives infinite smoothed measures.
  const json raw = run_spec(ref, cur, divergence::parse_compare_spec({{"smoothing", "none"}}));
  EXPECT_EQ(raw["columns"][0]["metrics"]["psi_smoothed"], "inf");
  EXPECT_EQ(raw["options"]["smoothing"], "none");
}

TEST(CompareReport, FormatErrorsNameTheSide) {
  EXPECT_EQ(error_of("a,b\n1,2\n", "a,b\n1,2\n3\n"), "current: line 3: expected 2 fields, found 1");
  EXPECT_EQ(error_of("", "a\n1\n"), "reference: file is empty");
  EXPECT_EQ(error_of("a\n1\n", "a\n"), "current: file has a header but no data rows");
  EXPECT_THROW(compare_csv_json("a\n1\n", "a\n"), FormatError);
  EXPECT_EQ(error_of("a,b\n1,2\n3,\"x\n", "a\n1\n"), "reference: line 3: unterminated quoted field");
  EXPECT_EQ(error_of("a,b\n1,2\n", "a,b\n1,caf\xE9\n"), "current: invalid UTF-8 at line 2");
  EXPECT_EQ(error_of("a,b,a\n1,2,3\n", "a\n1\n"), "reference: duplicate column name 'a' (columns 1 and 3)");
  EXPECT_EQ(error_of("a\n1\n", std::string("\x1F\x8B\x08\x00\x00\x00", 6)), "current: looks like a binary file (gzip-compressed file), not CSV/TSV/JSON Lines");  // gzip
  EXPECT_EQ(error_of("a\n1\n", std::string("\x00\x00\x00\x18" "ftypmp42", 12)), "current: looks like a binary file (NUL byte at offset 0), not CSV/TSV/JSON Lines");
  std::string wide;
  for (int i = 0; i < 10000; ++i) wide += (i ? ",c" : "c") + std::to_string(i);
  EXPECT_EQ(error_of(wide + "\n" + wide + "\n", "a\n1\n"), "reference: line 1: too many columns: 10000 (the limit is 4096)");
  EXPECT_EQ(error_of("a\n1\n", "{\"a\": 1}\n{\"a\": {\"b\": 1}}\n"),
            "current: line 2: nested value for key 'a' (objects and arrays are not supported)");
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

TEST(CompareReport, JsonLinesInput) {
  const std::string ref = "{\"a\": 1, \"b\": \"x\", \"c\": true}\n{\"a\": 2.5, \"b\": null, \"c\": false}\n";
  const std::string cur = "{\"b\": \"y\", \"a\": 3, \"d\": 1}\r\n\n{\"a\": null, \"c\": true}";
  const json got = run_spec(ref, cur, CompareSpec());
  EXPECT_EQ(got["reference"]["format"], "jsonl");
  EXPECT_TRUE(got["reference"]["delimiter"].is_null());
  EXPECT_EQ(got["current"]["rows"], 2);
  EXPECT_EQ(got["only_in_current"], json::array({"d"}));
  const json* a = find_column(got, "a");
  EXPECT_EQ((*a)["type"], "numeric");
  EXPECT_EQ((*a)["missing_cur"], 1);
  const json* b = find_column(got, "b");
  EXPECT_EQ((*b)["missing_ref"], 1);
  EXPECT_EQ((*b)["missing_cur"], 1);  // absent key
  EXPECT_EQ((*b)["categories"], json::array({"x", "y"}));
  const json* c = find_column(got, "c");
  EXPECT_EQ((*c)["type"], "boolean");
  EXPECT_EQ((*c)["missing_cur"], 1);
}

}  // namespace
