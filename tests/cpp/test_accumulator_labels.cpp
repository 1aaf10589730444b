// Deferred labels of numeric columns (accumulator.hpp): plain decimals parse to the same double as
// fast_float and print back to their own text; a numeric column that ends up categorical gets the
// same label counts as if every text had been counted, in every chunking, range split and state
// round trip; past the category limit the most frequent values are kept and the rest is counted
// as skipped, within the stated bound.
#include <gtest/gtest.h>

#include <cstring>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "divergence/accumulator.hpp"
#include "divergence/accumulator_state.hpp"
#include "divergence/columns.hpp"
#include "divergence/compare.hpp"
#include "divergence/errors.hpp"

namespace {

using divergence::CompareSpec;
using divergence::DatasetAccumulator;
using nlohmann::json;

std::uint64_t bits(double x) {
  std::uint64_t u;
  std::memcpy(&u, &x, sizeof u);
  return u;
}

TEST(PlainDecimal, SameDoubleAsFastFloatAndPrintsBackItsText) {
  std::mt19937_64 rng(11);
  std::vector<std::string> texts = {"0", "-0", "0.0", "-0.000", "1", "-1", "10", "0.5", "123456789012345",
                                    "-99999999999999.9", "0.000000000000001", "0.999999999999999",
                                    "999999999999999", "0.30000000000000"};
  for (int i = 0; i < 20000; ++i) {
    const int digits = 1 + static_cast<int>(rng() % 15);
    const int d = static_cast<int>(rng() % (digits + 1));
    std::string m;
    for (int k = 0; k < digits; ++k) m += static_cast<char>('0' + rng() % 10);
    std::string ip = m.substr(0, digits - d), fp = m.substr(digits - d);
    while (ip.size() > 1 && ip[0] == '0') ip.erase(0, 1);  // no leading zero
    if (ip.empty()) ip = "0";
    std::string t = (rng() % 3 == 0 ? "-" : "") + ip + (d > 0 ? "." + fp : "");
    texts.push_back(t);
  }
  char buf[48];
  for (const std::string& t : texts) {
    double plain = 0.0, fast = 0.0;
    int d = -1;
    ASSERT_TRUE(divergence::parse_plain_decimal(t, plain, d)) << t;
    ASSERT_TRUE(divergence::parse_finite_double(t, fast)) << t;
    EXPECT_EQ(bits(plain), bits(fast)) << t;
    const std::size_t dot = t.find('.');
    EXPECT_EQ(d, dot == std::string::npos ? 0 : static_cast<int>(t.size() - dot - 1)) << t;
    EXPECT_EQ(std::string(buf, divergence::format_plain_decimal(plain, d, buf)), t);
  }
  for (const char* t : {"", "-", "+1", "1e3", "1E3", " 1", "1 ", "007", "00", "-01", "1.", ".5", "-.5", "1.2.3",
                        "1,5", "0x10", "--1", "1234567890123456", "0.1234567890123456", "inf", "nan", "1_000"}) {
    double x = 42.0;
    int d = 42;
    EXPECT_FALSE(divergence::parse_plain_decimal(t, x, d)) << t;
    EXPECT_EQ(x, 42.0);
    EXPECT_EQ(d, 42);
  }
}

void feed(DatasetAccumulator& acc, std::string_view text, std::size_t chunk) {
  for (std::size_t pos = 0; pos < text.size(); pos += chunk) acc.feed(text.substr(pos, chunk));
  acc.finish();
}

// The texts of column `c` in CSV `text` (header skipped; no quoting in these tests) with counts.
std::map<std::string, std::uint64_t> text_counts(const std::string& text, std::size_t c) {
  std::map<std::string, std::uint64_t> out;
  std::size_t pos = text.find('\n') + 1;
  while (pos < text.size()) {
    const std::size_t end = text.find('\n', pos);
    std::string line = text.substr(pos, end - pos);
    std::size_t start = 0;
    for (std::size_t k = 0; k < c; ++k) start = line.find(',', start) + 1;
    ++out[line.substr(start, line.find(',', start) - start)];
    pos = end + 1;
  }
  return out;
}

std::map<std::string, std::uint64_t> report_counts(const json& col, const char* side) {
  std::map<std::string, std::uint64_t> out;
  for (std::size_t i = 0; i < col["categories"].size(); ++i) {
    const std::uint64_t n = col[side][i].get<std::uint64_t>();
    if (n > 0) out[col["categories"][i].get<std::string>()] = n;
  }
  return out;
}

// Column v: numbers in the reference (integers, then mixed decimals and "-0"); text late in the
// current, so v is categorical and the reference's labels come from deferred numbers.
std::string numbers_csv(int rows, unsigned seed, bool late_text) {
  std::mt19937 rng(seed);
  std::string s = "v,w\n";
  for (int i = 0; i < rows; ++i) {
    std::string v;
    const int kind = i < rows / 2 ? 0 : static_cast<int>(rng() % 4);
    if (kind == 0) v = std::to_string(static_cast<int>(rng() % 40) - 20);
    if (kind == 1) v = std::to_string(rng() % 10) + ".5";
    if (kind == 2) v = rng() % 2 ? "-0" : "0";
    if (kind == 3) v = std::to_string(rng() % 3) + ".50";
    if (late_text && i == rows - 3) v = "text";
    s += v + "," + std::to_string(rng() % 7) + "\n";
  }
  return s;
}

TEST(DeferredLabels, NumericColumnTurnedCategoricalCountsEveryTextExactly) {
  const CompareSpec spec;
  const std::string ref = numbers_csv(20000, 1, false), cur = numbers_csv(15000, 2, true);
  const auto truth_ref = text_counts(ref, 0), truth_cur = text_counts(cur, 0);
  std::string first;
  for (std::size_t chunk : {std::size_t{7}, std::size_t{4096}, ref.size()}) {
    DatasetAccumulator r(spec, "reference"), c(spec, "current");
    feed(r, ref, chunk);
    feed(c, cur, chunk);
    EXPECT_FALSE(r.column(0).labels_deferred());  // "-0" after integers: the texts have mixed decimals
    EXPECT_TRUE(r.column(1).labels_deferred());   // w: integers all along
    const std::string report = divergence::compare_json(r, c, spec);
    if (first.empty()) first = report;
    EXPECT_EQ(report, first) << "chunk " << chunk;
    const json col = json::parse(report)["columns"][0];
    EXPECT_EQ(col["type"], "categorical");
    EXPECT_TRUE(col["approximate"].is_null());
    EXPECT_EQ(report_counts(col, "ref_counts"), truth_ref);
    EXPECT_EQ(report_counts(col, "cur_counts"), truth_cur);
    EXPECT_GT(truth_ref.count("-0"), 0u);
    EXPECT_GT(truth_ref.count("0"), 0u);  // -0 and 0 stay two labels
  }
  // w forced categorical: its deferred labels, rebuilt from the values, are the texts.
  CompareSpec forced = spec;
  forced.type_overrides = {{"w", divergence::ColumnKind::Categorical}};
  DatasetAccumulator r(forced, "reference"), c(forced, "current");
  feed(r, ref, 65536);
  feed(c, cur, 65536);
  const json col = json::parse(divergence::compare_json(r, c, forced))["columns"][1];
  EXPECT_EQ(report_counts(col, "ref_counts"), text_counts(ref, 1));
  EXPECT_EQ(report_counts(col, "cur_counts"), text_counts(cur, 1));
}

TEST(DeferredLabels, StateRoundTripAndMergeKeepThemDeferredAndExact) {
  const CompareSpec spec;
  std::string a = "v\n", b;
  for (int i = 0; i < 3000; ++i) a += std::to_string(i % 37) + ".25\n";
  for (int i = 0; i < 3000; ++i) b += std::to_string(i % 41) + ".75\n";
  DatasetAccumulator first(spec, "reference");
  feed(first, a, 100);
  DatasetAccumulator second(spec, "reference", first.layout());
  feed(second, b, 100);
  DatasetAccumulator x = divergence::deserialize_accumulator(divergence::serialize_accumulator(first), spec);
  DatasetAccumulator y = divergence::deserialize_accumulator(divergence::serialize_accumulator(second), spec);
  EXPECT_TRUE(x.column(0).labels_deferred());
  x.merge(std::move(y));
  EXPECT_TRUE(x.column(0).labels_deferred());  // same decimals on both: still deferred
  const auto& labels = x.column(0).labels();   // rebuilt here
  EXPECT_FALSE(x.column(0).labels_deferred());
  EXPECT_TRUE(x.column(0).labels_exact());
  EXPECT_EQ(labels.size(), 37u + 41u);
  std::map<std::string, std::uint64_t> got;
  for (const auto& [label, n] : labels.items()) got[std::string(label)] = n;
  EXPECT_EQ(got, text_counts(a + b, 0));

  // A deferred column merged with one whose decimals differ is counted at the merge, exactly.
  DatasetAccumulator one(spec, "reference");
  feed(one, "v\n1.5\n2.5\n1.5\n", 100);
  divergence::InputLayout layout;
  layout.columns = {"v"};
  DatasetAccumulator two(spec, "reference", layout);
  feed(two, "1.50\n7\n", 100);
  one.merge(std::move(two));
  std::map<std::string, std::uint64_t> merged;
  for (const auto& [label, n] : one.column(0).labels().items()) merged[std::string(label)] = n;
  EXPECT_EQ(merged, (std::map<std::string, std::uint64_t>{{"1.5", 2}, {"2.5", 1}, {"1.50", 1}, {"7", 1}}));
}

TEST(DeferredLabels, PastTheLimitTheMostFrequentValuesAreKept) {
  CompareSpec spec;
  spec.category_limit = 3;
  // Counts: 9 -> 6 times, 4 -> 5, 2 and 7 -> 3 each (tie: 2 kept, the smaller), 1, 3, 5 -> once.
  std::string text = "v\n";
  for (const auto& [value, times] : std::vector<std::pair<int, int>>{{7, 3}, {1, 1}, {9, 6}, {3, 1}, {4, 5}, {2, 3}, {5, 1}}) {
    for (int i = 0; i < times; ++i) text += std::to_string(value) + "\n";
  }
  DatasetAccumulator acc(spec, "reference");
  feed(acc, text, 5);
  const auto& col = acc.column(0);
  std::map<std::string, std::uint64_t> got;
  for (const auto& [label, n] : col.labels().items()) got[std::string(label)] = n;
  EXPECT_EQ(got, (std::map<std::string, std::uint64_t>{{"9", 6}, {"4", 5}, {"2", 3}}));
  EXPECT_EQ(col.labels_skipped(), 3u + 1 + 1 + 1);
  EXPECT_EQ(col.label_error_bound(), 6u);
  EXPECT_FALSE(col.labels_exact());
}

TEST(DeferredLabels, BadDeferredStatesAreRejected) {
  const CompareSpec spec;
  DatasetAccumulator acc(spec, "reference");
  feed(acc, "v\n1\n2\n", 100);
  std::string state = divergence::serialize_accumulator(acc);
  // The column's flags follow its name "v": missing, present (u64 each), then numeric, boolean,
  // boolean literals, labels paused, labels deferred, decimals + 1.
  const std::size_t at = state.find(std::string("\x01\x00\x00\x00v", 5)) + 5 + 16;
  ASSERT_EQ(state[at + 4], 1);  // deferred
  ASSERT_EQ(state[at + 5], 1);  // decimals 0
  std::string paused = state;
  paused[at + 3] = 1;
  EXPECT_THROW(divergence::deserialize_accumulator(paused, spec), divergence::FormatError);
  std::string decimals = state;
  decimals[at + 5] = 17;
  EXPECT_THROW(divergence::deserialize_accumulator(decimals, spec), divergence::FormatError);
  std::string unknown = state;
  unknown[at + 5] = 0;  // deferred with values but no decimals
  EXPECT_THROW(divergence::deserialize_accumulator(unknown, spec), divergence::FormatError);
  EXPECT_NO_THROW(divergence::deserialize_accumulator(state, spec));
}

}  // namespace
