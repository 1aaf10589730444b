// Histogram summaries: a dataset reduced to per-column histograms (schema
// "divergence-lab/histogram-summary@1"), made where the data live (a SQL GROUP BY in DuckDB, Spark
// or a warehouse; docs/summaries.md gives the SQL) and compared here without the raw rows.
//
// SCHEMA (JSON object; docs/summaries.md has an example):
//   "schema"   "divergence-lab/histogram-summary@1" (required)
//   "rows"     optional: rows of the source table (integer >= 0; default: the largest n + missing of
//              any column)
//   "source"   optional: free text (where and how the summary was made); not read
//   "columns"  required: array of column objects, names unique:
//     {"name": "bill_length_mm", "type": "numeric",
//      "edges":  [e0, e1, ..., eK]   K+1 finite numbers, strictly increasing, 2 <= K+1 <= 1000001
//      "counts": [c1, ..., cK]       values in [e_{i-1}, e_i), the last bin closed [e_{K-1}, e_K]
//                                    (numpy.histogram's rule); integers >= 0
//      "below", "above"              optional: values < e0 and > eK (default 0)
//      "missing"                     optional: missing values (default 0)
//      "n"                           optional: non-missing values; if given it must equal
//                                    sum(counts) + below + above
//      "min", "max", "mean", "std"   optional finite numbers (std: ddof 1, >= 0; min <= max)
//      "quantiles"                   optional: {"0.25": x, "0.5": y, "0.75": z}; the report's
//                                    q25 / median / q75 (other probabilities are accepted, unused)
//     }
//     {"name": "species", "type": "categorical" | "boolean",
//      "categories": ["Adelie", ...]  unique strings (boolean: "true" / "false" only)
//      "counts":     [152, ...]       integers >= 0, one per category
//      "missing"                      optional (default 0)
//     }
//   Any other key is an error (a misspelt "edge" must not silently give an empty column).
//
// WHAT A SUMMARY CANNOT GIVE. A histogram fixes the bins: the comparison uses the summaries' edges
// (both sides must carry the same edges) whatever CompareSpec::binning says, and the reference-quantile
// bins (PSI on deciles), Wasserstein-1, the two-sample KS statistic and p-value need the raw values
// (or at least quantile functions of both sides): those metrics are null in the report, and each
// numeric column lists them in "unavailable". The binned metrics (KL both ways raw and smoothed, JS,
// PSI on the shared bins, TV, Hellinger) are exact: the same numbers the raw files give with
// `binning edges:e0,...,eK`. Drift decisions then use the shared bins as categories: preset default
// -> chi-square goodness of fit (reference <= 1000 values) or JS distance >= 0.1; preset psi -> PSI
// on the shared bins; preset custom -> the numeric rule, which must be a binned measure (psi_bins,
// js_distance_base_e, ...; "drift: measure 'ks' is not available for this column" otherwise).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "divergence/report.hpp"
#include "divergence/report_spec.hpp"

namespace divergence {

inline constexpr const char* kSummarySchema = "divergence-lab/histogram-summary@1";

struct SummaryColumn {
  std::string name;
  ColumnKind type = ColumnKind::Numeric;
  std::uint64_t missing = 0;
  // numeric
  std::vector<double> edges;
  std::uint64_t below = 0, above = 0;
  double min, max, mean, std_dev;     // NaN when not given
  std::map<double, double> quantiles;  // probability -> value
  // numeric (per bin) and categorical (per category)
  std::vector<std::uint64_t> counts;
  std::vector<std::string> categories;

  std::uint64_t n() const;  // non-missing values: sum(counts) (+ below + above)
  SummaryColumn();
};

struct HistogramSummary {
  std::uint64_t rows = 0;
  std::vector<SummaryColumn> columns;
  std::size_t bytes = 0;  // size of the JSON text
};

// True when text looks like a histogram summary: its first non-blank byte is '{' and the schema
// name occurs in the first 4096 bytes. Cheap; parse_summary decides.
bool looks_like_summary(std::string_view text);

// Parses and checks a summary (schema above). Errors (FormatError) start with side and name the
// column and field: "reference: not valid JSON (parse error at byte 12: ...)", "current: schema:
// expected 'divergence-lab/histogram-summary@1' (got 'x')", "reference: column 'age': counts: length
// 3, but 5 edges need 4 counts", "reference: column 'age': edges: entry 2 (1.5) is not greater than
// entry 1 (1.5)", "current: column 'sex': counts: entry 0 must be an integer >= 0 (got -1)",
// "reference: column 'x': n: 10 differs from the counts' total 12", "reference: column 'x': unknown
// field 'edge' (known: ...)".
HistogramSummary parse_summary(std::string_view json, const std::string& side);

// Compares two summaries (rules above and in report.hpp; columns matched by name, in the reference's
// order). A column whose two sides cannot be compared (types differ, edges differ, a type override
// that the summary cannot honour, no values) gets an "error" as report.hpp describes.
// Errors: check_spec's; decide_drift's for a custom rule that needs raw values.
ComparisonReport compare_summaries(const HistogramSummary& reference, const HistogramSummary& current,
                                   const CompareSpec& spec);

// Both summaries as JSON text: parse_summary on each ("reference", "current"), compare_summaries,
// report_json (schema "divergence-lab/compare-report@2", sides with "format": "summary").
std::string compare_summaries_json(std::string_view reference, std::string_view current, const CompareSpec& spec);

}  // namespace divergence
