// Accumulators: the report does not depend on chunking (sizes 1, 7, 4096 and random cuts give
// byte-identical JSON) nor on splitting the files into line-aligned byte ranges merged afterwards
// (1, 2 and 7 ranges); the memory budget switches columns to the quantile sketch and the approximate
// values stay within their stated bounds (checked against the exact values on adult); a million
// distinct categories complete in bounded memory with top-k + other; the sketches' own guarantees.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "divergence/accumulator.hpp"
#include "divergence/compare.hpp"
#include "divergence/errors.hpp"
#include "divergence/ks_test.hpp"
#include "divergence/report.hpp"
#include "divergence/sketch_labels.hpp"
#include "divergence/sketch_quantiles.hpp"

#include "shared_data.hpp"

namespace {

using divergence::CompareSpec;
using divergence::DatasetAccumulator;
using nlohmann::json;

const std::vector<std::string> kPairs = {
    "taxis_march_1to15_vs_16to31", "penguins_biscoe_vs_dream", "tips_lunch_vs_dinner",
    "flights_1949_1954_vs_1955_1960", "adult_train_vs_test"};

struct PairText {
  std::string ref, cur;
};

const PairText& pair_text(const std::string& id) {
  static std::map<std::string, PairText> cache;
  auto it = cache.find(id);
  if (it != cache.end()) return it->second;
  const std::string dir = shared_data::kDataDir + "/pairs/" + id;
  PairText& p = cache[id];
  p.ref = shared_data::read_file(dir + "/reference.csv");
  p.cur = shared_data::read_file(dir + "/current.csv");
  return p;
}

// Feeds text cut at the sizes (cycled; 0 = whole).
void feed(DatasetAccumulator& acc, const std::string& text, const std::vector<std::size_t>& sizes) {
  std::size_t pos = 0, k = 0;
  while (pos < text.size()) {
    const std::size_t n = sizes[k % sizes.size()] == 0 ? text.size() : sizes[k % sizes.size()];
    acc.feed(std::string_view(text).substr(pos, n));
    pos += n;
    ++k;
  }
  acc.finish();
}

std::string report_chunked(const PairText& p, const std::vector<std::size_t>& sizes, const CompareSpec& spec = {}) {
  DatasetAccumulator ref(spec, "reference"), cur(spec, "current");
  feed(ref, p.ref, sizes);
  feed(cur, p.cur, sizes);
  return divergence::compare_json(ref, cur, spec);
}

// Byte offsets splitting text into `parts` line-aligned ranges of about equal size.
std::vector<std::size_t> line_cuts(const std::string& text, std::size_t parts) {
  std::vector<std::size_t> cuts{0};
  for (std::size_t k = 1; k < parts; ++k) {
    std::size_t at = text.find('\n', k * text.size() / parts);
    at = at == std::string::npos ? text.size() : at + 1;
    if (at > cuts.back()) cuts.push_back(at);
  }
  cuts.push_back(text.size());
  return cuts;
}

// One side read as `parts` byte ranges by separate accumulators, merged in order.
DatasetAccumulator read_in_ranges(const CompareSpec& spec, const std::string& side, const std::string& text,
                                  std::size_t parts, std::size_t chunk = 0) {
  const std::vector<std::size_t> cuts = line_cuts(text, parts);
  DatasetAccumulator first(spec, side);
  feed(first, text.substr(cuts[0], cuts[1] - cuts[0]), {chunk});
  const divergence::InputLayout layout = first.layout();
  for (std::size_t i = 1; i + 1 < cuts.size(); ++i) {
    DatasetAccumulator next(spec, side, layout);
    feed(next, text.substr(cuts[i], cuts[i + 1] - cuts[i]), {chunk});
    first.merge(std::move(next));
  }
  return first;
}

class AccumulatorPair : public ::testing::TestWithParam<std::string> {};

TEST_P(AccumulatorPair, ChunkingGivesByteIdenticalReports) {
  const PairText& p = pair_text(GetParam());
  const std::string whole = report_chunked(p, {0});
  std::mt19937_64 rng(12345);
  std::uniform_int_distribution<std::size_t> d(1, 9000);
  std::vector<std::size_t> random(257);
  for (auto& s : random) s = d(rng);
  for (const std::vector<std::size_t>& sizes : std::vector<std::vector<std::size_t>>{{1}, {7}, {4096}, random}) {
    EXPECT_EQ(report_chunked(p, sizes), whole) << GetParam() << " chunk " << sizes[0];
  }
}

TEST_P(AccumulatorPair, MergedRangesGiveByteIdenticalReports) {
  const PairText& p = pair_text(GetParam());
  const CompareSpec spec;
  const std::string whole = report_chunked(p, {0}, spec);
  for (std::size_t parts : {1u, 2u, 7u}) {
    const DatasetAccumulator ref = read_in_ranges(spec, "reference", p.ref, parts, 4096);
    const DatasetAccumulator cur = read_in_ranges(spec, "current", p.cur, parts, 4096);
    EXPECT_EQ(divergence::compare_json(ref, cur, spec), whole) << GetParam() << " in " << parts << " ranges";
  }
}

INSTANTIATE_TEST_SUITE_P(SharedData, AccumulatorPair, ::testing::ValuesIn(kPairs),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

TEST(AccumulatorMerge, ExactFieldsAndErrors) {
  const CompareSpec spec;
  DatasetAccumulator a(spec, "reference");
  feed(a, "x,y,z\n1,a,\n2,b,3\n", {0});
  DatasetAccumulator b(spec, "reference", a.layout());
  feed(b, "2,c,NA\n-7,a,4.5\n", {0});
  a.merge(std::move(b));
  EXPECT_EQ(a.rows(), 4u);
  const auto& x = a.column(0);
  EXPECT_EQ(x.values(), (std::vector<double>{-7, 1, 2, 2}));  // sorted
  EXPECT_EQ(x.min(), -7.0);
  EXPECT_EQ(x.max(), 2.0);
  EXPECT_EQ(x.distinct().size(), 3u);
  EXPECT_EQ(a.column(1).labels().size(), 3u);
  EXPECT_EQ(a.column(2).missing(), 2u);
  EXPECT_EQ(a.stored_values(), 6u);
  // Errors.
  DatasetAccumulator other_header(spec, "reference");
  feed(other_header, "x,w,z\n1,2,3\n", {0});
  EXPECT_THROW(
      {
        try {
          a.merge(std::move(other_header));
        } catch (const divergence::ArgumentError& e) {
          EXPECT_STREQ(e.what(), "merge: headers differ (column 2 is 'y' here and 'w' there)");
          throw;
        }
      },
      divergence::ArgumentError);
  DatasetAccumulator unfinished(spec, "reference");
  unfinished.feed("x,y,z\n1,2,3\n");
  EXPECT_THROW(a.merge(std::move(unfinished)), divergence::ArgumentError);
  DatasetAccumulator jsonl(spec, "reference");
  feed(jsonl, "{\"x\": 1}\n", {0});
  try {
    a.merge(std::move(jsonl));
    ADD_FAILURE() << "no error";
  } catch (const divergence::ArgumentError& e) {
    EXPECT_STREQ(e.what(), "merge: formats differ (csv and jsonl)");
  }
}

TEST(AccumulatorMerge, JsonLinesUniteColumns) {
  const CompareSpec spec;
  const std::string text = "{\"a\": 1, \"b\": \"x\"}\n{\"a\": 2}\n{\"c\": true, \"a\": 3}\n{\"b\": \"y\", \"d\": 5}\n";
  DatasetAccumulator whole(spec, "current");
  feed(whole, text, {0});
  for (std::size_t parts : {2u, 3u, 4u}) {
    DatasetAccumulator merged = read_in_ranges(spec, "current", text, parts);
    ASSERT_EQ(merged.columns(), whole.columns()) << parts;
    for (std::size_t c = 0; c < whole.columns().size(); ++c) {
      EXPECT_EQ(merged.column(c).missing(), whole.column(c).missing()) << parts << " " << whole.columns()[c];
      EXPECT_EQ(merged.column(c).present(), whole.column(c).present());
      EXPECT_EQ(merged.column(c).values(), whole.column(c).values());
    }
    EXPECT_EQ(merged.rows(), 4u);
  }
  EXPECT_EQ(whole.columns(), (std::vector<std::string>{"a", "b", "c", "d"}));
  EXPECT_EQ(whole.column(2).missing(), 3u);
  EXPECT_EQ(whole.column(3).missing(), 3u);
}

// ---------------------------------------------------------------------------------------------
// Memory budget and the quantile sketch

const json* column_of(const json& report, const std::string& name) {
  for (const json& c : report["columns"]) {
    if (c["name"] == name) return &c;
  }
  return nullptr;
}

// Sorted numeric values of one column of a CSV text (the exact reference for the bounds).
std::vector<double> values_of(const std::string& text, const std::string& name) {
  const CompareSpec spec;
  DatasetAccumulator acc(spec, "x");
  feed(acc, text, {0});
  return acc.column(acc.find(name)).values();
}

std::size_t count_below(const std::vector<double>& sorted, double t, bool inclusive) {
  return static_cast<std::size_t>((inclusive ? std::upper_bound(sorted.begin(), sorted.end(), t)
                                             : std::lower_bound(sorted.begin(), sorted.end(), t)) -
                                  sorted.begin());
}

void check_approximation_bounds(const CompareSpec& approx_spec, std::size_t ranges) {
  const PairText& p = pair_text("adult_train_vs_test");
  const json exact = json::parse(report_chunked(p, {0}));
  const DatasetAccumulator ref = read_in_ranges(approx_spec, "reference", p.ref, ranges, 65536);
  const DatasetAccumulator cur = read_in_ranges(approx_spec, "current", p.cur, ranges, 65536);
  EXPECT_LE(ref.stored_values(), approx_spec.memory_budget_bytes / 8);
  EXPECT_LE(cur.stored_values(), approx_spec.memory_budget_bytes / 8);
  const json approx = json::parse(divergence::compare_json(ref, cur, approx_spec));
  const std::vector<std::string> numeric = {"age", "fnlwgt", "education-num", "capital-gain", "capital-loss", "hours-per-week"};
  EXPECT_EQ(approx["approximate_columns"].size(), numeric.size());
  for (const std::string& name : numeric) {
    SCOPED_TRACE(name + " in " + std::to_string(ranges) + " ranges");
    const json& a = *column_of(approx, name);
    const json& e = *column_of(exact, name);
    ASSERT_TRUE(a["approximate"].is_object());
    const json& info = a["approximate"];
    EXPECT_EQ(info["method"], "quantile-sketch");
    EXPECT_EQ(info["reference"]["exact"], false);
    const double e_ref = info["reference"]["rank_error"].get<double>();
    const double e_cur = info["current"]["rank_error"].get<double>();
    const double n_ref = e["n_ref"].get<double>(), n_cur = e["n_cur"].get<double>();
    EXPECT_DOUBLE_EQ(info["reference"]["rank_error_fraction"].get<double>(), e_ref / n_ref);
    // Exact quantities stay exact.
    for (const char* k : {"n_ref", "n_cur", "missing_ref", "missing_cur"}) EXPECT_EQ(a[k], e[k]);
    for (const char* side : {"reference", "current"}) {
      EXPECT_EQ(a["summary"][side]["min"], e["summary"][side]["min"]);
      EXPECT_EQ(a["summary"][side]["max"], e["summary"][side]["max"]);
      EXPECT_NEAR(a["summary"][side]["mean"].get<double>(), e["summary"][side]["mean"].get<double>(),
                  1e-12 * std::fabs(e["summary"][side]["mean"].get<double>()));
      EXPECT_NEAR(a["summary"][side]["std"].get<double>(), e["summary"][side]["std"].get<double>(),
                  1e-10 * e["summary"][side]["std"].get<double>());
    }
    if (e.contains("as_categorical")) EXPECT_EQ(a["as_categorical"], e["as_categorical"]);
    // KS statistic and Wasserstein within the stated bounds.
    const double ks_bound = info["bounds"]["ks_statistic"].get<double>();
    EXPECT_NEAR(ks_bound, e_ref / n_ref + e_cur / n_cur, 1e-15);
    EXPECT_LE(std::fabs(a["metrics"]["ks_statistic"].get<double>() - e["metrics"]["ks_statistic"].get<double>()),
              ks_bound + 1e-12);
    EXPECT_EQ(a["metrics"]["ks_method"], "asymp");
    // The p-value the exact statistic gives (asymptotic, as for the approximation) is inside the range.
    const double p_low = info["bounds"]["ks_pvalue"][0].get<double>(), p_high = info["bounds"]["ks_pvalue"][1].get<double>();
    const double p_exact_stat =
        divergence::kstwo_sf(e["metrics"]["ks_statistic"].get<double>(),
                             static_cast<std::int64_t>(std::nearbyint(n_ref * n_cur / (n_ref + n_cur))));
    EXPECT_LE(p_low, p_exact_stat * (1 + 1e-12));
    EXPECT_GE(p_high * (1 + 1e-12), p_exact_stat);
    EXPECT_LE(p_low, a["metrics"]["ks_pvalue"].get<double>());
    EXPECT_GE(p_high, a["metrics"]["ks_pvalue"].get<double>());
    const double w_bound = info["bounds"]["wasserstein"].get<double>();
    EXPECT_LE(std::fabs(a["metrics"]["wasserstein"].get<double>() - e["metrics"]["wasserstein"].get<double>()),
              w_bound + 1e-9 * e["metrics"]["wasserstein"].get<double>());
    // Bin counts within 2E per bin (same edges: min and max are exact).
    EXPECT_EQ(a["bins"]["edges"], e["bins"]["edges"]);
    for (std::size_t i = 0; i < e["bins"]["ref_counts"].size(); ++i) {
      EXPECT_LE(std::fabs(a["bins"]["ref_counts"][i].get<double>() - e["bins"]["ref_counts"][i].get<double>()), 2 * e_ref);
      EXPECT_LE(std::fabs(a["bins"]["cur_counts"][i].get<double>() - e["bins"]["cur_counts"][i].get<double>()), 2 * e_cur);
    }
    EXPECT_EQ(info["bounds"]["ref_bin_count"].get<double>(), 2 * e_ref);
    // Quartiles: values whose true rank is within E of the requested one.
    int side_index = 0;
    for (const char* side : {"reference", "current"}) {
      const std::vector<double> v = values_of(side_index == 0 ? p.ref : p.cur, name);
      const double err = side_index == 0 ? e_ref : e_cur;
      int k = 1;
      for (const char* q : {"q25", "median", "q75"}) {
        const double value = a["summary"][side][q].get<double>();
        const double j = std::floor((static_cast<double>(v.size()) - 1.0) * k / 4.0);
        EXPECT_LE(static_cast<double>(count_below(v, value, false)), j + 1 + err) << side << " " << q;
        EXPECT_GE(static_cast<double>(count_below(v, value, true)), j + 1 - err) << side << " " << q;
        ++k;
      }
      ++side_index;
    }
  }
  // Categorical columns are untouched by the numeric budget.
  EXPECT_EQ((*column_of(approx, "workclass"))["metrics"], (*column_of(exact, "workclass"))["metrics"]);
}

TEST(AccumulatorBudget, SketchStaysWithinItsBoundsOnAdult) {
  CompareSpec spec;
  spec.memory_budget_bytes = 8 * 3000;  // 3000 values per side: every numeric column is sketched
  check_approximation_bounds(spec, 1);
  spec.sketch_k = 64;  // coarse sketches: larger (still guaranteed) errors
  check_approximation_bounds(spec, 1);
  check_approximation_bounds(spec, 7);  // merged sketches keep their bounds
}

TEST(AccumulatorBudget, LargestColumnSwitchesFirst) {
  CompareSpec spec;
  spec.memory_budget_bytes = 8 * 10;
  DatasetAccumulator acc(spec, "reference");
  // a: 6 numbers, b: numbers in the first 5 rows only (then missing), c: text.
  feed(acc, "a,b,c\n1,1,x\n2,2,x\n3,3,x\n4,4,x\n5,5,x\n6,,x\n", {1});
  EXPECT_TRUE(acc.column(0).sketched());   // 11th value arrived in row 6: a (6 values) was the largest
  EXPECT_FALSE(acc.column(1).sketched());
  EXPECT_EQ(acc.stored_values(), 5u);
  EXPECT_EQ(acc.peak_stored_values(), 10u);
  EXPECT_EQ(acc.column(0).number_count(), 6u);
  EXPECT_EQ(acc.column(0).sketch()->count(), 6u);
  EXPECT_EQ(acc.column(0).sketch()->rank_error(), 0u);  // 6 < k: nothing compacted yet
}

// ---------------------------------------------------------------------------------------------
// A million distinct categories

std::string many_labels(std::size_t rows, std::size_t offset) {
  std::string text = "id,g\n";
  text.reserve(rows * 16);
  for (std::size_t i = 0; i < rows; ++i) {
    text += "id";
    text += std::to_string(i + offset);
    text += i % 3 == 0 ? ",u\n" : ",v\n";
  }
  // A heavy label that the summary must keep with a near-exact count.
  for (int i = 0; i < 50000; ++i) text += "hot,u\n";
  return text;
}

TEST(AccumulatorCategories, MillionDistinctLabelsInBoundedMemory) {
  CompareSpec spec;
  const std::string ref = many_labels(1000000, 0);
  const std::string cur = many_labels(1000000, 500000);
  DatasetAccumulator r(spec, "reference"), c(spec, "current");
  feed(r, ref, {65536});
  feed(c, cur, {65536});
  const auto& ids = r.column(0).labels();
  EXPECT_FALSE(ids.exact());
  EXPECT_LE(ids.size(), 2 * spec.category_limit);
  EXPECT_LT(r.memory_bytes(), std::size_t{8} << 20);  // a few MB, whatever the number of labels
  EXPECT_EQ(ids.total(), 1050000u);
  // Misra-Gries guarantee: E <= (n - held) / (k + 1).
  std::uint64_t held = 0;
  std::uint64_t hot = 0;
  for (const auto& [label, count] : ids.items()) {
    held += count;
    if (label == "hot") hot = count;
  }
  EXPECT_LE(ids.error_bound(), (ids.total() - held) / (spec.category_limit + 1));
  EXPECT_LE(hot, 50000u);
  EXPECT_GE(hot + ids.error_bound(), 50000u);

  const json report = json::parse(divergence::compare_json(r, c, spec));
  const json& id = report["columns"][0];
  EXPECT_EQ(id["type"], "categorical");
  EXPECT_EQ(id["approximate"]["method"], "misra-gries");
  EXPECT_EQ(id["approximate"]["k"], 10000);
  EXPECT_EQ(id["approximate"]["reference"]["exact"], false);
  EXPECT_EQ(id["approximate"]["reference"]["count_error"], ids.error_bound());
  EXPECT_TRUE(id["other"].is_object());
  EXPECT_LE(id["categories"].size(), 2 * spec.category_limit);
  // Counts shown + other = every value, on each side.
  std::uint64_t shown = 0;
  for (const json& n : id["ref_counts"]) shown += n.get<std::uint64_t>();
  EXPECT_EQ(shown + id["other"]["ref"].get<std::uint64_t>(), 1050000u);
  EXPECT_TRUE(std::find(id["categories"].begin(), id["categories"].end(), json("hot")) != id["categories"].end());
  EXPECT_EQ(report["approximate_columns"], json::array({"id"}));
  // The small column stays exact.
  EXPECT_TRUE(report["columns"][1]["approximate"].is_null());
  EXPECT_EQ(report["columns"][1]["categories"], json::array({"u", "v"}));
}

// ---------------------------------------------------------------------------------------------
// The sketches on their own

// Levels of k >= 2048 are sorted by the radix sort of value_sort.hpp (-0 before +0), smaller ones
// by std::sort.
TEST(QuantileSketch, GuaranteedRankErrorUnderMergesAndDuplicates) {
  std::mt19937_64 rng(3);
  std::lognormal_distribution<double> skewed(0.0, 1.5);
  std::uniform_int_distribution<int> small(0, 40);
  for (std::size_t k : {8u, 64u, 4096u}) {
    std::vector<double> all;
    divergence::QuantileSketch total(k);
    for (int part = 0; part < 5; ++part) {
      divergence::QuantileSketch s(k);
      const int n = 20000 + part * 7000;
      for (int i = 0; i < n; ++i) {
        double x = part % 2 ? skewed(rng) : static_cast<double>(small(rng));
        if (i % 11 == 0) x = i % 22 == 0 ? -0.0 : 0.0;  // zeros of both signs: one value for ranks
        s.add(x);
        all.push_back(x);
      }
      total.merge(s);
    }
    std::sort(all.begin(), all.end());
    const divergence::WeightedSample ws = total.sample();
    ASSERT_EQ(ws.total, all.size());
    ASSERT_EQ(total.count(), all.size());
    const double e = static_cast<double>(total.rank_error());
    double worst = 0.0;
    for (double t : {0.0, 1.0, 5.5, 20.0, 39.0, 0.3, 2.0, 7.0, 1e9, -1.0}) {
      for (bool inclusive : {true, false}) {
        const double est = static_cast<double>(divergence::weighted_rank(ws, t, inclusive));
        const double truth = static_cast<double>(count_below(all, t, inclusive));
        worst = std::max(worst, std::fabs(est - truth));
        EXPECT_LE(std::fabs(est - truth), e) << "k=" << k << " t=" << t;
      }
    }
    EXPECT_LE(total.retained(), k * (2 + static_cast<std::size_t>(std::log2(all.size()))));
    if (k == 8) EXPECT_GT(worst, 0.0);  // the coarse sketch does err (within its bound)
  }
  EXPECT_THROW(divergence::QuantileSketch(7), divergence::ArgumentError);
}

TEST(LabelCounter, ExactThenMisraGriesWithItsBound) {
  divergence::LabelCounter exact(5);
  for (const char* s : {"a", "b", "a", "c", "a"}) exact.add(s);
  EXPECT_TRUE(exact.exact());
  EXPECT_EQ(exact.error_bound(), 0u);
  // Zipf-like stream: label i appears 1000 / (i + 1) times, 2000 labels, k = 50.
  std::map<std::string, std::uint64_t> truth;
  std::vector<std::string> stream;
  for (int i = 0; i < 2000; ++i) {
    for (int j = 0; j < 1000 / (i + 1); ++j) stream.push_back("L" + std::to_string(i));
  }
  std::shuffle(stream.begin(), stream.end(), std::mt19937_64(5));
  divergence::LabelCounter a(50), b(50), whole(50);
  for (std::size_t i = 0; i < stream.size(); ++i) {
    ++truth[stream[i]];
    (i % 3 ? a : b).add(stream[i]);
    whole.add(stream[i]);
  }
  a.merge(b);
  for (const divergence::LabelCounter* c : {&a, &whole}) {
    EXPECT_FALSE(c->exact());
    EXPECT_EQ(c->total(), stream.size());
    std::uint64_t held = 0;
    std::map<std::string, std::uint64_t> got;
    for (const auto& [label, count] : c->items()) {
      got[std::string(label)] = count;
      held += count;
    }
    EXPECT_LE(c->error_bound(), (c->total() - held) / 51);
    for (const auto& [label, count] : truth) {
      const std::uint64_t est = got.count(label) ? got[label] : 0;
      EXPECT_LE(est, count) << label;
      EXPECT_LE(count, est + c->error_bound()) << label;
    }
    EXPECT_GT(got["L0"], 0u);  // the heaviest label is held
  }
}

}  // namespace
