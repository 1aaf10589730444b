// Serialized accumulator state (accumulator_state.hpp): files split at random line-aligned points,
// each range read by its own accumulator with random chunk sizes, serialized, restored and merged in
// order, give the byte-identical report of one pass (so every exact statistic is equal); the round
// trip is exact in sketch mode and for JSON Lines; bad bytes (every truncation, bit flips, wrong
// magic, version, spec, trailing bytes) give a FormatError naming the problem, never a crash.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "divergence/accumulator.hpp"
#include "divergence/accumulator_state.hpp"
#include "divergence/compare.hpp"
#include "divergence/errors.hpp"
#include "divergence/report_spec.hpp"

#include "shared_data.hpp"

namespace {

using divergence::CompareSpec;
using divergence::DatasetAccumulator;

const std::vector<std::string> kPairs = {
    "taxis_march_1to15_vs_16to31", "penguins_biscoe_vs_dream", "tips_lunch_vs_dinner",
    "flights_1949_1954_vs_1955_1960", "adult_train_vs_test"};

void feed_random(DatasetAccumulator& acc, std::string_view text, std::mt19937_64& rng) {
  std::uniform_int_distribution<std::size_t> size(1, 20000);
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t n = std::min(size(rng), text.size() - pos);
    acc.feed(text.substr(pos, n));
    pos += n;
  }
  acc.finish();
}

// Random line-aligned cut points (0 and size included); the first range holds the header and at
// least one data row (a range's reader needs one: "file has a header but no data rows").
std::vector<std::size_t> random_line_cuts(const std::string& text, std::size_t parts, std::mt19937_64& rng) {
  const std::size_t first_row_end = text.find('\n', text.find('\n') + 1);
  std::uniform_int_distribution<std::size_t> at(first_row_end, text.size() - 1);
  std::vector<std::size_t> cuts{0, text.size()};
  for (std::size_t k = 1; k < parts; ++k) {
    const std::size_t nl = text.find('\n', at(rng));
    if (nl != std::string::npos && nl + 1 < text.size()) cuts.push_back(nl + 1);
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  return cuts;
}

// One side: each range read by its own accumulator, passed through bytes, merged in order.
DatasetAccumulator through_states(const CompareSpec& spec, const std::string& side, const std::string& text,
                                  std::size_t parts, std::mt19937_64& rng) {
  const std::vector<std::size_t> cuts = random_line_cuts(text, parts, rng);
  DatasetAccumulator first(spec, side);
  feed_random(first, std::string_view(text).substr(0, cuts[1]), rng);
  const divergence::InputLayout layout = first.layout();
  std::vector<std::string> states{divergence::serialize_accumulator(first)};
  for (std::size_t i = 1; i + 1 < cuts.size(); ++i) {
    DatasetAccumulator next(spec, side, layout);
    feed_random(next, std::string_view(text).substr(cuts[i], cuts[i + 1] - cuts[i]), rng);
    states.push_back(divergence::serialize_accumulator(next));
  }
  DatasetAccumulator merged = divergence::deserialize_accumulator(states[0], spec);
  for (std::size_t i = 1; i < states.size(); ++i) {
    DatasetAccumulator part = divergence::deserialize_accumulator(states[i], spec);
    EXPECT_EQ(divergence::serialize_accumulator(part), states[i]);  // exact round trip
    merged.merge(std::move(part));
  }
  return merged;
}

std::string one_pass(const CompareSpec& spec, const std::string& ref, const std::string& cur) {
  return divergence::compare_buffers_json(ref, cur, spec);
}

class StatePair : public ::testing::TestWithParam<std::string> {};

TEST_P(StatePair, SplitSerializedMergedEqualsOnePass) {
  const std::string dir = shared_data::kDataDir + "/pairs/" + GetParam();
  const std::string ref = shared_data::read_file(dir + "/reference.csv");
  const std::string cur = shared_data::read_file(dir + "/current.csv");
  const CompareSpec spec;
  const std::string whole = one_pass(spec, ref, cur);
  std::mt19937_64 rng(2026);
  for (std::size_t parts : {1u, 2u, 3u, 8u}) {
    const DatasetAccumulator r = through_states(spec, "reference", ref, parts, rng);
    const DatasetAccumulator c = through_states(spec, "current", cur, parts, rng);
    EXPECT_EQ(divergence::compare_json(r, c, spec), whole) << GetParam() << " in " << parts << " ranges";
  }
}

INSTANTIATE_TEST_SUITE_P(SharedData, StatePair, ::testing::ValuesIn(kPairs),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

std::string adult(const char* side) {
  return shared_data::read_file(shared_data::kDataDir + "/pairs/adult_train_vs_test/" + side + ".csv");
}

DatasetAccumulator read_whole(const CompareSpec& spec, const std::string& side, const std::string& text) {
  DatasetAccumulator a(spec, side);
  a.feed(text);
  a.finish();
  return a;
}

TEST(AccumulatorState, SketchModeRoundTripGivesTheSameReport) {
  CompareSpec spec;
  spec.memory_budget_bytes = 8 * 5000;  // every numeric column of adult ends up sketched
  spec.category_limit = 8;              // and categorical labels go through Misra-Gries
  const std::string ref_text = adult("reference"), cur_text = adult("current");
  const DatasetAccumulator ref = read_whole(spec, "reference", ref_text);
  const DatasetAccumulator cur = read_whole(spec, "current", cur_text);
  const std::string expected = divergence::compare_json(ref, cur, spec);
  const std::string s_ref = divergence::serialize_accumulator(ref), s_cur = divergence::serialize_accumulator(cur);
  const DatasetAccumulator ref2 = divergence::deserialize_accumulator(s_ref, spec);
  const DatasetAccumulator cur2 = divergence::deserialize_accumulator(s_cur, spec);
  EXPECT_EQ(divergence::compare_json(ref2, cur2, spec), expected);
  EXPECT_EQ(divergence::serialize_accumulator(ref2), s_ref);
  EXPECT_NE(expected.find("quantile-sketch"), std::string::npos);
}

TEST(AccumulatorState, JsonLinesRoundTrip) {
  const CompareSpec spec;
  const std::string text = "{\"a\":1,\"b\":\"x\"}\n{\"a\":2.5,\"c\":true}\n{\"b\":null,\"a\":\"NA\"}\n";
  const DatasetAccumulator a = read_whole(spec, "current", text);
  const DatasetAccumulator b = divergence::deserialize_accumulator(divergence::serialize_accumulator(a), spec);
  EXPECT_EQ(b.format(), divergence::InputFormat::JsonLines);
  EXPECT_EQ(b.columns(), a.columns());
  EXPECT_EQ(b.rows(), 3u);
  EXPECT_EQ(b.column(0).values(), (std::vector<double>{1.0, 2.5}));
  EXPECT_EQ(b.column(0).missing(), 1u);
  EXPECT_EQ(b.column(2).missing(), 2u);
}

std::string format_error(std::string_view bytes, const CompareSpec& spec) {
  try {
    divergence::deserialize_accumulator(bytes, spec);
  } catch (const divergence::FormatError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(AccumulatorState, BadBytesGiveClearErrors) {
  const CompareSpec spec;
  const std::string good = divergence::serialize_accumulator(read_whole(spec, "reference", "x,y\n1,a\n2,b\n3,a\n"));
  EXPECT_EQ(format_error("", spec), "accumulator state: not an accumulator state (bad magic)");
  EXPECT_EQ(format_error("x,y\n1,2\n", spec), "accumulator state: not an accumulator state (bad magic)");
  std::string v9 = good;
  v9[5] = 9;
  EXPECT_EQ(format_error(v9, spec), "accumulator state: version 9 is not supported (this build reads version 2)");
  EXPECT_EQ(format_error(good + "zz", spec), "accumulator state: 2 trailing bytes");
  CompareSpec other;
  other.category_limit = 20;
  EXPECT_EQ(format_error(good, other), "accumulator state: spec differs (category_limit 20 here, 10000 in the state)");
  other = CompareSpec();
  other.missing_tokens = {"NA"};
  EXPECT_EQ(format_error(good, other), "accumulator state: spec differs (missing tokens)");
  // Every truncation is an error, never a crash.
  for (std::size_t n = 0; n < good.size(); ++n) {
    const std::string e = format_error(good.substr(0, n), spec);
    EXPECT_EQ(e.rfind("accumulator state: ", 0), 0u) << n << ": " << e;
  }
  // Unfinished accumulators are refused.
  DatasetAccumulator open(spec, "reference");
  open.feed("x\n1\n");
  EXPECT_THROW(divergence::serialize_accumulator(open), divergence::ArgumentError);
}

TEST(AccumulatorState, CorruptedBytesNeverCrash) {
  const CompareSpec spec;
  const std::string good =
      divergence::serialize_accumulator(read_whole(spec, "reference", "x,y,z\n1,a,true\n2,b,false\n3.5,a,NA\n"));
  std::mt19937_64 rng(7);
  std::size_t rejected = 0;
  for (int trial = 0; trial < 4000; ++trial) {
    std::string bad = good;
    const int flips = 1 + static_cast<int>(rng() % 4);
    for (int f = 0; f < flips; ++f) bad[rng() % bad.size()] ^= static_cast<char>(1u << (rng() % 8));
    try {
      DatasetAccumulator a = divergence::deserialize_accumulator(bad, spec);
      // Accepted: it must be usable.
      divergence::compare_json(a, a, spec);
    } catch (const divergence::FormatError&) {
      ++rejected;
    } catch (const divergence::ArgumentError&) {
      ++rejected;
    }
  }
  EXPECT_GT(rejected, 1000u);  // most corruptions are caught by the validation
}

}  // namespace
