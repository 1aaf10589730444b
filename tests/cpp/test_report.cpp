// The JSON report's shape: the fields report.hpp documents, in its order, for numeric, categorical,
// boolean, approximate and error columns; options echo the spec; NaN never appears.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "divergence/compare.hpp"
#include "divergence/report_spec.hpp"

#include "shared_data.hpp"

namespace {

using nlohmann::ordered_json;
using Keys = std::vector<std::string>;

Keys keys_of(const ordered_json& object) {
  Keys k;
  for (const auto& item : object.items()) k.push_back(item.key());
  return k;
}

// Every number is finite; every string that stands for a number is "inf" or "-inf" only where a
// measure may be infinite.
void check_values(const ordered_json& v, const std::string& path) {
  if (v.is_number_float()) EXPECT_TRUE(std::isfinite(v.get<double>())) << path;
  if (v.is_object()) {
    for (const auto& item : v.items()) check_values(item.value(), path + "." + item.key());
  }
  if (v.is_array()) {
    for (std::size_t i = 0; i < v.size(); ++i) check_values(v[i], path + "[" + std::to_string(i) + "]");
  }
}

ordered_json report(const std::string& ref, const std::string& cur, const divergence::CompareSpec& spec = {}) {
  return ordered_json::parse(divergence::compare_buffers_json(ref, cur, spec));
}

const Keys kTop = {"schema", "options", "reference", "current", "only_in_reference", "only_in_current",
                   "verdict", "approximate_columns", "columns"};
const Keys kHead = {"name", "type", "type_source", "n_ref", "n_cur", "missing_ref", "missing_cur", "n_unique"};
const Keys kBase = {"kl_ref_cur_raw", "kl_cur_ref_raw", "kl_ref_cur_smoothed", "kl_cur_ref_smoothed",
                    "js_distance_base_e", "js_divergence_base2", "psi_smoothed", "tvd", "hellinger"};

Keys concat(Keys a, const Keys& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

TEST(ReportSchema, FieldsAndOrder) {
  const std::string dir = shared_data::kDataDir + "/pairs/taxis_march_1to15_vs_16to31";
  const ordered_json r = report(shared_data::read_file(dir + "/reference.csv"), shared_data::read_file(dir + "/current.csv"));
  check_values(r, "report");
  EXPECT_EQ(keys_of(r), kTop);
  EXPECT_EQ(keys_of(r["options"]),
            (Keys{"format", "binning", "quantile-bins", "smoothing", "missing", "types", "preset", "custom-numeric",
                  "custom-categorical", "psi-thresholds", "drift-share", "missing-alpha", "missing-min-change",
                  "memory-budget", "category-limit", "sketch-k", "max-columns"}));
  EXPECT_EQ(r["options"]["memory-budget"], "67108864");
  EXPECT_EQ(r["options"]["missing"], ",NA,N/A,NaN,nan,null,NULL,None,?,#N/A,n/a,-NaN,-nan,<NA>");  // "" first
  EXPECT_EQ(keys_of(r["reference"]), (Keys{"format", "rows", "columns", "delimiter", "skip_initial_space", "bytes"}));
  EXPECT_EQ(keys_of(r["verdict"]), (Keys{"drifted", "share", "threshold", "n_drifted", "n_columns"}));
  const Keys tail = {"metrics", "missing_change", "drift", "approximate"};
  for (const ordered_json& c : r["columns"]) {
    const std::string name = c["name"];
    if (c["type"] == "numeric") {
      Keys want = concat(kHead, {"summary", "bins", "quantile_bins"});
      if (c.contains("as_categorical")) want.push_back("as_categorical");
      EXPECT_EQ(keys_of(c), concat(want, {"metrics", "ecdf", "missing_change", "drift", "approximate"})) << name;
      EXPECT_EQ(keys_of(c["ecdf"]), (Keys{"reference", "current", "gap", "exact", "cdf_error", "statistic_error"}));
      EXPECT_EQ(keys_of(c["ecdf"]["gap"]), (Keys{"x", "ref", "cur", "statistic"}));
      EXPECT_EQ(keys_of(c["summary"]["reference"]), (Keys{"n", "missing", "mean", "std", "min", "q25", "median", "q75", "max"}));
      EXPECT_EQ(keys_of(c["bins"]), (Keys{"kind", "edges", "ref_counts", "cur_counts"})) << name;
      EXPECT_EQ(keys_of(c["metrics"]), concat(kBase, {"psi_ref_quantile_smoothed", "wasserstein", "wasserstein_normed",
                                                       "ks_statistic", "ks_pvalue", "ks_method"}));
      if (c.contains("as_categorical")) {
        EXPECT_EQ(keys_of(c["as_categorical"]),
                  (Keys{"categories", "ref_counts", "cur_counts", "only_in_ref", "only_in_cur", "metrics"}));
      }
    } else {
      EXPECT_EQ(keys_of(c), concat(concat(kHead, {"categories", "ref_counts", "cur_counts", "only_in_ref", "only_in_cur"}), tail))
          << name;
      Keys metrics = concat(kBase, {"chi2_homogeneity", "chi2_gof_cur_vs_ref_expected"});
      if (c["categories"].size() == 2) metrics.push_back("z_test");
      EXPECT_EQ(keys_of(c["metrics"]), metrics) << name;
    }
    EXPECT_EQ(keys_of(c["missing_change"]), (Keys{"ref_share", "cur_share", "change", "z", "pvalue", "flagged"}));
    EXPECT_EQ(keys_of(c["drift"]), (Keys{"test", "score", "threshold", "rule", "pvalue", "effect_size",
                                         "effect_size_name", "drifted"}))
        << name;
    EXPECT_TRUE(c["approximate"].is_null());
  }
}

TEST(ReportSchema, ErrorAndApproximateColumns) {
  std::string ref = "x,y,z\n", cur = "x,y,z\n";
  for (int i = 0; i < 3000; ++i) {
    ref += std::to_string(i % 997) + ".5,k" + std::to_string(i % 40) + ",\n";
    cur += std::to_string(i % 1013) + ",k" + std::to_string(i % 50) + ",\n";
  }
  divergence::CompareSpec spec;
  spec.memory_budget_bytes = 8 * 100;
  spec.category_limit = 30;
  spec.sketch_k = 16;
  const ordered_json r = report(ref, cur, spec);
  check_values(r, "report");
  EXPECT_EQ(r["approximate_columns"], ordered_json::array({"x", "y"}));
  const ordered_json& x = r["columns"][0];
  EXPECT_EQ(keys_of(x["approximate"]), (Keys{"method", "k", "reference", "current", "bounds"}));
  EXPECT_EQ(keys_of(x["approximate"]["reference"]), (Keys{"exact", "rank_error", "rank_error_fraction"}));
  EXPECT_EQ(keys_of(x["approximate"]["bounds"]), (Keys{"ks_statistic", "wasserstein", "ref_bin_count", "cur_bin_count", "ks_pvalue"}));
  EXPECT_EQ(x["approximate"]["k"], 16);
  const ordered_json& y = r["columns"][1];
  EXPECT_EQ(keys_of(y["approximate"]), (Keys{"method", "k", "reference", "current"}));
  EXPECT_EQ(keys_of(y["approximate"]["current"]), (Keys{"exact", "count_error", "labels_held"}));
  EXPECT_TRUE(y.contains("other"));
  EXPECT_TRUE(y["n_unique"].is_null());
  const ordered_json& z = r["columns"][2];
  EXPECT_EQ(keys_of(z), concat(kHead, {"error", "missing_change", "drift", "approximate"}));
  EXPECT_EQ(z["error"], "no non-missing values on either side");
  EXPECT_TRUE(z["drift"].is_null());
  EXPECT_EQ(r["verdict"]["n_columns"], 2);
}

}  // namespace
