// Internal to the core: the pieces of the report (report.cpp) that other comparisons reuse, so that
// a comparison of histogram summaries (summary_compare.cpp) builds its blocks by the same rules.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "divergence/drift.hpp"
#include "divergence/report.hpp"

namespace divergence::detail {

// Category counts of one side: (label, count) in any order; total = all non-missing values (values
// not among the items go to an "other" bucket).
struct Items {
  std::vector<std::pair<std::string, std::uint64_t>> items;
  std::uint64_t total = 0;
};

// The categorical block (categories sorted by bytes, counts, one-side lists, metrics, chi-square
// tests, z-test for two categories) as report.hpp documents it.
CategoryBlock category_block(const Items& ref, const Items& cur, const Smoothing& smoothing);

// The categorical view of DriftMeasures from a block.
void fill_category_measures(DriftMeasures& m, const CategoryBlock& b);

// The shared-bins view of DriftMeasures (psi_bins ... hellinger_bins) from a numeric column's bin
// metrics.
void fill_bin_measures(DriftMeasures& m, const DriftMetrics& bins);

// The type override of a column (the last one given wins), or nullptr.
const ColumnKind* override_of(const CompareSpec& spec, const std::string& name);

// The change in the share of missing values (report.hpp, MISSING).
MissingChange missing_change(std::uint64_t missing_ref, std::uint64_t n_ref, std::uint64_t missing_cur,
                             std::uint64_t n_cur, const CompareSpec& spec);

// The error of a column with no non-missing value on a side ("reference has no non-missing
// values", ...), or "" when both sides have values.
std::string empty_side_error(std::uint64_t n_ref, std::uint64_t n_cur);

}  // namespace divergence::detail
