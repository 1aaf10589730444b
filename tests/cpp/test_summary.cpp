// Histogram summaries (summary.hpp): summaries built from the raw report's counts of every example
// pair give the raw comparison's binned metrics exactly; bad summaries name the column and field.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "divergence/binning.hpp"
#include "divergence/compare.hpp"
#include "divergence/errors.hpp"
#include "divergence/format.hpp"
#include "divergence/report_spec.hpp"
#include "divergence/summary.hpp"
#include "shared_data.hpp"

namespace {

using divergence::CompareSpec;
using divergence::FormatError;
using nlohmann::json;

const char* kPairs[] = {"adult_train_vs_test", "flights_1949_1954_vs_1955_1960", "penguins_biscoe_vs_dream",
                        "taxis_march_1to15_vs_16to31", "tips_lunch_vs_dinner"};

std::string pair_file(const std::string& pair, const char* side) {
  return shared_data::read_file(shared_data::kDataDir + "/pairs/" + pair + "/" + side + ".csv");
}

// The summary of one side from a raw report computed with explicit edges. Values outside the edges
// are all put in "above" (the comparison only uses below + above).
json summary_from_report(const json& report, bool reference) {
  json cols = json::array();
  const char* counts = reference ? "ref_counts" : "cur_counts";
  for (const json& c : report["columns"]) {
    json s;
    s["name"] = c["name"];
    s["type"] = c["type"];
    s["missing"] = c[reference ? "missing_ref" : "missing_cur"];
    if (c["type"] == "numeric") {
      s["edges"] = c["bins"]["edges"];
      s["counts"] = c["bins"][counts];
      s["above"] = c["bins"][reference ? "ref_outside" : "cur_outside"];
      s["n"] = c[reference ? "n_ref" : "n_cur"];
    } else {
      s["categories"] = c["categories"];
      s["counts"] = c[counts];
    }
    cols.push_back(s);
  }
  return {{"schema", divergence::kSummarySchema}, {"columns", cols}};
}

const char* kBinned[] = {"kl_ref_cur_raw", "kl_cur_ref_raw", "kl_ref_cur_smoothed", "kl_cur_ref_smoothed",
                         "js_distance_base_e", "js_divergence_base2", "psi_smoothed", "tvd", "hellinger"};

TEST(Summary, ExamplePairsGiveTheRawBinnedMetrics) {
  for (const std::string pair : kPairs) {
    SCOPED_TRACE(pair);
    const std::string ref = pair_file(pair, "reference"), cur = pair_file(pair, "current");
    const json plain = json::parse(divergence::compare_buffers_json(ref, cur, CompareSpec{}));
    std::size_t numeric = 0;  // numeric columns checked
    for (const json& c : plain["columns"]) {
      if (c.contains("error") || c["type"] != "numeric") continue;
      // Edges from the reference's min and max, 20 equal-width bins, as the docs' SQL makes them.
      const double lo = c["summary"]["reference"]["min"], hi = c["summary"]["reference"]["max"];
      if (lo == hi) continue;
      ++numeric;
      const std::vector<double> edges = divergence::equal_width_edges(lo, hi, 20);
      std::string text = "edges:";
      for (std::size_t i = 0; i < edges.size(); ++i) text += (i ? "," : "") + divergence::format_number(edges[i]);
      const CompareSpec spec = divergence::parse_compare_spec({{"binning", text}});
      const json raw = json::parse(divergence::compare_buffers_json(ref, cur, spec));
      json only;
      for (const json& rc : raw["columns"]) {
        if (rc["name"] == c["name"]) only = rc;
      }
      ASSERT_TRUE(only.is_object()) << c["name"];
      // flights' year: every current value lies past the reference's range (tested in the JS test).
      if (only.contains("error")) continue;
      json one = raw;
      one["columns"] = json::array();
      one["columns"].push_back(only);
      const std::string rs = summary_from_report(one, true).dump(), cs = summary_from_report(one, false).dump();
      const json s = json::parse(divergence::compare_summaries_json(rs, cs, CompareSpec{}));
      ASSERT_EQ(s["columns"].size(), 1u);
      const json& sc = s["columns"][0];
      EXPECT_EQ(sc["bins"]["ref_counts"], only["bins"]["ref_counts"]);
      for (const char* m : kBinned) EXPECT_EQ(sc["metrics"][m], only["metrics"][m]) << c["name"] << " " << m;
      for (const char* m : {"wasserstein", "wasserstein_normed", "ks_statistic", "ks_pvalue", "psi_ref_quantile_smoothed"}) {
        EXPECT_TRUE(sc["metrics"][m].is_null()) << m;
      }
      EXPECT_TRUE(sc["quantile_bins"].is_null());
      EXPECT_EQ(sc["unavailable"].size(), 5u);
      EXPECT_EQ(sc["bins"]["cur_outside"], only["bins"]["cur_outside"]);
    }
    EXPECT_GE(numeric, 1u);
  }
}

TEST(Summary, CategoricalColumnsGiveTheRawMetricsAndTests) {
  const std::string ref = pair_file("adult_train_vs_test", "reference"), cur = pair_file("adult_train_vs_test", "current");
  const json plain = json::parse(divergence::compare_buffers_json(ref, cur, CompareSpec{}));
  json cats = plain;
  cats["columns"] = json::array();
  for (const json& c : plain["columns"]) {
    if (!c.contains("error") && c["type"] != "numeric") cats["columns"].push_back(c);
  }
  ASSERT_GE(cats["columns"].size(), 5u);
  const json s = json::parse(divergence::compare_summaries_json(summary_from_report(cats, true).dump(),
                                                                summary_from_report(cats, false).dump(), CompareSpec{}));
  ASSERT_EQ(s["columns"].size(), cats["columns"].size());
  for (std::size_t i = 0; i < s["columns"].size(); ++i) {
    const json& a = s["columns"][i];
    const json& b = cats["columns"][i];
    EXPECT_EQ(a["metrics"], b["metrics"]) << b["name"];
    EXPECT_EQ(a["drift"], b["drift"]) << b["name"];
    EXPECT_EQ(a["missing_change"], b["missing_change"]) << b["name"];
  }
  EXPECT_EQ(s["reference"]["format"], "summary");
}

std::string numeric_summary(const std::string& column_fields) {
  return R"({"schema":"divergence-lab/histogram-summary@1","columns":[{"name":"age","type":"numeric",)" +
         column_fields + "}]}";
}

void expect_error(const std::string& text, const std::string& message) {
  try {
    divergence::parse_summary(text, "reference");
    ADD_FAILURE() << "no error for " << text;
  } catch (const FormatError& e) {
    EXPECT_EQ(std::string(e.what()), message);
  }
}

TEST(Summary, BadSummariesNameTheColumnAndField) {
  expect_error("{", "reference: not valid JSON (byte 1: unexpected end of input; expected string literal)");
  expect_error(R"({"a":1,"a":2})", "reference: not valid JSON (duplicate key 'a' in the top-level object)");
  expect_error(R"({"columns":[{"name":"x"},{"name":"y","q":{"a":1,"a":2}}]})",
               "reference: not valid JSON (duplicate key 'a' in the object at columns[1].q)");
  expect_error(numeric_summary(R"("edges":[0,1],"counts":[1],"counts":[2])"),
               "reference: not valid JSON (duplicate key 'counts' in the object at columns[0] (name 'age'))");
  expect_error(R"({"a":[[1,{"b":1,"b":2}]]})", "reference: not valid JSON (duplicate key 'b' in the object at a[0][1])");
  expect_error(R"({"a":1,"b":{"a":1},"c":[{"a":1},{"a":1}]})", "reference: unknown field 'a': not part of a summary (known: schema, rows, source, columns)");
  expect_error("{\"a\":\"\xff\"}", "reference: not valid JSON (byte 6: invalid UTF-8)");
  expect_error(R"({"a":"\ud800"})",
               "reference: not valid JSON (byte 12: invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF)");
  expect_error(R"({"a":01})", "reference: not valid JSON (byte 6: unexpected number literal; expected '}')");
  expect_error(R"({"a":1e400})", "reference: not valid JSON (number overflow parsing '1e400')");
  expect_error(R"({"a":"x"} [])", "reference: not valid JSON (byte 10: unexpected '['; expected end of input)");
  expect_error("[1]", "reference: summary: expected a JSON object (got an array)");
  expect_error(R"({"schema":"x","columns":[]})", "reference: schema: expected 'divergence-lab/histogram-summary@1' (got \"x\")");
  expect_error(numeric_summary(R"("edges":[0,1,2],"counts":[1])"),
               "reference: column 'age': counts: length 1, but 3 edges need 2 counts");
  expect_error(numeric_summary(R"("edges":[0,1,1],"counts":[1,2])"),
               "reference: column 'age': edges: entry 2 (1) is not greater than entry 1 (1)");
  expect_error(numeric_summary(R"("edges":[0,1],"counts":[-1])"),
               "reference: column 'age': counts: entry 0: must be an integer >= 0 (got -1)");
  expect_error(numeric_summary(R"("edges":[0,1],"counts":[1.5])"),
               "reference: column 'age': counts: entry 0: must be an integer >= 0 (got 1.5)");
  expect_error(numeric_summary(R"("edges":[0,"1"],"counts":[1])"),
               "reference: column 'age': edges: entry 1: must be a number (got a string)");
  expect_error(numeric_summary(R"("edges":[0,1],"counts":[3],"n":4)"),
               "reference: column 'age': n: 4 differs from the counts' total 3 (counts + below + above)");
  expect_error(numeric_summary(R"("edge":[0,1],"counts":[3])"),
               "reference: column 'age': unknown field 'edge': not part of a numeric column (known: name, type, edges, "
               "counts, below, above, missing, n, min, max, mean, std, quantiles)");
  expect_error(numeric_summary(R"("counts":[3])"), "reference: column 'age': edges: missing (a numeric column needs edges and counts)");
  expect_error(numeric_summary(R"("edges":[0,1],"counts":[18446744073709551615],"above":1)"),
               "reference: column 'age': above: total exceeds 2^64 - 1");
  expect_error(numeric_summary(R"("edges":[0,1],"counts":[1],"min":2,"max":1)"), "reference: column 'age': min: 2 is greater than max 1");
  expect_error(R"({"schema":"divergence-lab/histogram-summary@1","columns":[{"name":"s","type":"categorical","categories":["a","a"],"counts":[1,2]}]})",
               "reference: column 's': categories: 'a' occurs twice");
  expect_error(R"({"schema":"divergence-lab/histogram-summary@1","columns":[{"name":"s","type":"boolean","categories":["yes"],"counts":[1]}]})",
               "reference: column 's': categories: entry 0: a boolean column has only 'true' and 'false' (got 'yes')");
  expect_error(R"({"schema":"divergence-lab/histogram-summary@1","columns":[{"name":"s","type":"int"}]})",
               "reference: column 's': type: unknown type 'int' (known: numeric, categorical, boolean)");
  expect_error(std::string(100, '['), "reference: not valid JSON (nesting deeper than 64 levels)");
  expect_error(std::string(64, '[') + std::string(64, ']'), "reference: summary: expected a JSON object (got an array)");
}

TEST(Summary, ColumnsThatCannotBeComparedGetAnError) {
  const std::string a = numeric_summary(R"("edges":[0,1,2],"counts":[1,2])");
  const std::string b = numeric_summary(R"("edges":[0,1.5,2],"counts":[1,2])");
  const json r = json::parse(divergence::compare_summaries_json(a, b, CompareSpec{}));
  EXPECT_EQ(r["columns"][0]["error"],
            "edges differ between reference and current (entry 1: 1 and 1.5); summarise both sides with the same edges");
  const json o = json::parse(divergence::compare_summaries_json(a, a, divergence::parse_compare_spec({{"types", "age:categorical"}})));
  EXPECT_EQ(o["columns"][0]["error"],
            "type override categorical: the summaries hold a numeric column (summarise it again as categorical)");
  // A custom rule that needs the raw values is reported as unavailable.
  EXPECT_THROW(divergence::compare_summaries_json(a, a, divergence::parse_compare_spec({{"preset", "custom"}, {"custom-numeric", "ks:0.05"}})),
               divergence::ArgumentError);
}

TEST(Summary, DriftOnSummariesUsesTheBinsAsCategories) {
  const std::string a = numeric_summary(R"("edges":[0,1,2,3],"counts":[100,100,100],"missing":0)");
  const std::string b = numeric_summary(R"("edges":[0,1,2,3],"counts":[50,100,150],"missing":30)");
  const json r = json::parse(divergence::compare_summaries_json(a, b, CompareSpec{}));
  const json& c = r["columns"][0];
  EXPECT_EQ(c["drift"]["test"], "chi2");
  // chi-square goodness of fit: expected 100 each, observed 50, 100, 150 -> 25 + 0 + 25 = 50, dof 2, p = exp(-25).
  EXPECT_NEAR(c["drift"]["pvalue"].get<double>(), std::exp(-25.0), 1e-20);
  EXPECT_TRUE(c["missing_change"]["flagged"].get<bool>());
  EXPECT_EQ(r["verdict"]["n_drifted"], 1);
  // TV distance of (1/3, 1/3, 1/3) and (1/6, 1/3, 1/2) = 1/6.
  EXPECT_NEAR(c["metrics"]["tvd"].get<double>(), 1.0 / 6.0, 1e-15);
}

}  // namespace

namespace {

TEST(Summary, JsonEscapesAndUtf8Labels) {
  const std::string s = R"({"schema":"divergence-lab/histogram-summary@1","columns":[{"name":"c","type":"categorical",)"
                        R"("categories":["caf\u00e9","na\u00efve \ud83d\ude00","ünïcode","tab\there"],"counts":[1,2,3,4.0]}]})";
  const divergence::HistogramSummary h = divergence::parse_summary(s, "reference");
  ASSERT_EQ(h.columns.size(), 1u);
  EXPECT_EQ(h.columns[0].categories[0], "caf\xC3\xA9");
  EXPECT_EQ(h.columns[0].categories[1], "na\xC3\xAFve \xF0\x9F\x98\x80");
  EXPECT_EQ(h.columns[0].categories[2], "\xC3\xBCn\xC3\xAF" "code");
  EXPECT_EQ(h.columns[0].categories[3], "tab\there");
  EXPECT_EQ(h.columns[0].counts[3], 4u);  // 4.0: integral, accepted
  EXPECT_EQ(h.rows, 10u);
}

}  // namespace
