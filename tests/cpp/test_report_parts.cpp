// The report built in two parts (compare_datasets with `only`, serialize_accumulator with `keep`),
// as the page's two workers build it: the reference worker compares columns A against the current
// state holding only A's content, the current worker compares columns B against the reference state
// holding only B's; the parts' columns put back in the reference's order, with the verdict counted
// over all of them (what web/src/compare/merge_reports.js does), give the byte-identical whole
// report on every shared pair, in exact and in sketch mode, for several ways of sharing the columns.
// Each part alone carries the whole report's sides and only_in lists. Bad names are clear errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "divergence/accumulator.hpp"
#include "divergence/accumulator_state.hpp"
#include "divergence/compare.hpp"
#include "divergence/drift.hpp"
#include "divergence/errors.hpp"
#include "divergence/report.hpp"
#include "divergence/report_spec.hpp"

#include "shared_data.hpp"

namespace {

using divergence::ComparisonReport;
using divergence::CompareSpec;
using divergence::DatasetAccumulator;

const std::vector<std::string> kPairs = {
    "taxis_march_1to15_vs_16to31", "penguins_biscoe_vs_dream", "tips_lunch_vs_dinner",
    "flights_1949_1954_vs_1955_1960", "adult_train_vs_test"};

DatasetAccumulator read_whole(const CompareSpec& spec, const std::string& side, const std::string& text) {
  DatasetAccumulator a(spec, side);
  a.feed(text);
  a.finish();
  return a;
}

std::vector<std::string> common_columns(const DatasetAccumulator& ref, const DatasetAccumulator& cur) {
  std::vector<std::string> out;
  for (const std::string& name : ref.columns()) {
    if (cur.find(name) != DatasetAccumulator::npos) out.push_back(name);
  }
  return out;
}

// The dataset-level part of a report (columns and verdict left out), to compare parts with the whole.
std::string frame_of(ComparisonReport r) {
  r.columns.clear();
  r.verdict = {};
  return divergence::report_json(r);
}

// Builds the two parts through serialized states and merges them; checks each part's frame.
std::string through_parts(const CompareSpec& spec, const DatasetAccumulator& ref, const DatasetAccumulator& cur,
                          const std::vector<std::string>& a, const std::vector<std::string>& b,
                          const ComparisonReport& whole) {
  const DatasetAccumulator cur_a = divergence::deserialize_accumulator(divergence::serialize_accumulator(cur, a), spec);
  const DatasetAccumulator ref_b = divergence::deserialize_accumulator(divergence::serialize_accumulator(ref, b), spec);
  const ComparisonReport part_a = divergence::compare_datasets(ref, cur_a, spec, a);
  const ComparisonReport part_b = divergence::compare_datasets(ref_b, cur, spec, b);
  EXPECT_EQ(frame_of(part_a), frame_of(whole));
  EXPECT_EQ(frame_of(part_b), frame_of(whole));
  EXPECT_EQ(part_a.columns.size(), a.size());
  EXPECT_EQ(part_b.columns.size(), b.size());
  ComparisonReport merged = part_a;
  merged.columns.clear();
  std::size_t ia = 0, ib = 0;
  std::vector<bool> drifted;
  for (const std::string& name : ref.columns()) {
    const ComparisonReport* from = nullptr;
    std::size_t* at = nullptr;
    if (ia < part_a.columns.size() && part_a.columns[ia].name == name) {
      from = &part_a;
      at = &ia;
    } else if (ib < part_b.columns.size() && part_b.columns[ib].name == name) {
      from = &part_b;
      at = &ib;
    }
    if (!from) continue;
    merged.columns.push_back(from->columns[(*at)++]);
    if (merged.columns.back().has_drift) drifted.push_back(merged.columns.back().drift.drifted);
  }
  merged.verdict = divergence::dataset_verdict(drifted, spec.drift_share);
  return divergence::report_json(merged);
}

void expect_parts_give_whole(const CompareSpec& spec, const std::string& ref_text, const std::string& cur_text,
                             const std::string& what) {
  const DatasetAccumulator ref = read_whole(spec, "reference", ref_text);
  const DatasetAccumulator cur = read_whole(spec, "current", cur_text);
  const ComparisonReport whole = divergence::compare_datasets(ref, cur, spec);
  const std::string expected = divergence::report_json(whole);
  const std::vector<std::string> common = common_columns(ref, cur);
  ASSERT_GE(common.size(), 2u) << what;
  // Alternate columns; first half / second half; everything on one side (the other part empty).
  std::vector<std::string> odd, even, first, second;
  for (std::size_t i = 0; i < common.size(); ++i) {
    (i % 2 ? odd : even).push_back(common[i]);
    (i < common.size() / 2 ? first : second).push_back(common[i]);
  }
  EXPECT_EQ(through_parts(spec, ref, cur, even, odd, whole), expected) << what << ": alternate columns";
  EXPECT_EQ(through_parts(spec, ref, cur, second, first, whole), expected) << what << ": halves";
  EXPECT_EQ(through_parts(spec, ref, cur, common, {}, whole), expected) << what << ": all in part A";
  EXPECT_EQ(through_parts(spec, ref, cur, {}, common, whole), expected) << what << ": all in part B";
}

class PartsPair : public ::testing::TestWithParam<std::string> {};

TEST_P(PartsPair, TwoPartsMergedEqualTheWholeReport) {
  const std::string dir = shared_data::kDataDir + "/pairs/" + GetParam();
  const std::string ref = shared_data::read_file(dir + "/reference.csv");
  const std::string cur = shared_data::read_file(dir + "/current.csv");
  expect_parts_give_whole(CompareSpec{}, ref, cur, GetParam());
}

INSTANTIATE_TEST_SUITE_P(SharedData, PartsPair, ::testing::ValuesIn(kPairs),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

TEST(ReportParts, SketchModeAndColumnsOnOneSide) {
  CompareSpec spec;
  spec.memory_budget_bytes = 8 * 5000;  // adult's numeric columns are sketched
  spec.category_limit = 8;              // and its labels go through Misra-Gries
  const std::string dir = shared_data::kDataDir + "/pairs/adult_train_vs_test/";
  expect_parts_give_whole(spec, shared_data::read_file(dir + "reference.csv"), shared_data::read_file(dir + "current.csv"),
                          "adult, sketched");
  // A column on one side only stays in only_in_* of both parts.
  const CompareSpec plain;
  expect_parts_give_whole(plain, "a,b,c,r\n1,x,2,5\n2,y,3,6\n3,x,1,7\n", "c,a,b,k\n2,1,y,0\n5,2,x,1\n", "one-sided columns");
}

TEST(ReportParts, KeptStateHoldsOnlyTheKeptValues) {
  const CompareSpec spec;
  const DatasetAccumulator a = read_whole(spec, "reference", "a,b\n1,x\n2,y\n3,z\n");
  const std::string whole = divergence::serialize_accumulator(a);
  const std::string only_b = divergence::serialize_accumulator(a, {"b"});
  EXPECT_EQ(divergence::serialize_accumulator(a, {"a", "b"}), whole);
  EXPECT_LT(only_b.size(), whole.size());  // a's three stored doubles are not written
  const DatasetAccumulator back = divergence::deserialize_accumulator(only_b, spec);
  EXPECT_EQ(back.columns(), a.columns());
  EXPECT_EQ(back.rows(), 3u);
  EXPECT_EQ(back.column(0).present(), 0u);
  EXPECT_EQ(back.column(0).missing(), 3u);
  EXPECT_EQ(back.column(1).present(), 3u);
  EXPECT_EQ(divergence::serialize_accumulator(back), only_b);  // exact round trip
}

TEST(ReportParts, UnknownNamesAreClearErrors) {
  const CompareSpec spec;
  const DatasetAccumulator ref = read_whole(spec, "reference", "a,b\n1,2\n3,4\n");
  const DatasetAccumulator cur = read_whole(spec, "current", "a,c\n1,2\n3,4\n");
  try {
    divergence::serialize_accumulator(ref, {"a", "zz"});
    FAIL() << "no error";
  } catch (const divergence::ArgumentError& e) {
    EXPECT_STREQ(e.what(), "keep: no column 'zz' in the reference");
  }
  try {
    divergence::compare_datasets(ref, cur, spec, std::vector<std::string>{"b"});
    FAIL() << "no error";
  } catch (const divergence::ArgumentError& e) {
    EXPECT_STREQ(e.what(), "only: 'b' is not a column of both files");
  }
  EXPECT_EQ(divergence::compare_datasets(ref, cur, spec, std::vector<std::string>{"a"}).columns.size(), 1u);
  EXPECT_EQ(divergence::compare_datasets(ref, cur, spec, std::vector<std::string>{}).verdict.n_columns, 0u);
}

}  // namespace
