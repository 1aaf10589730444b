// Dataset comparison: two CSV files in, per-column drift report out.
//
// P = reference (baseline), Q = current. For every column present on both sides:
//   1. Fields equal to a missing token are dropped and counted (columns.hpp); the column is typed
//      numeric or categorical from both sides together.
//   2. Counts: numeric -> CompareOptions::bins equal-width bins over the pooled min..max
//      (numpy.linspace edges, numpy.histogram rules; binning.hpp); categorical -> one count per
//      category of the union, sorted by bytes.
//   3. Probabilities p = ref_counts / n_ref, q = cur_counts / n_cur, then the DriftMetrics below.
// These are the rules of ../shared/data/expected.json ("conventions"), which was computed with
// NumPy 1.24 / SciPy 1.10 / pandas 1.5; the tests check every pair there to 1e-9 relative.
//
// All logarithms are natural (nats) unless a name says base2.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "divergence/binning.hpp"
#include "divergence/columns.hpp"
#include "divergence/csv.hpp"
#include "divergence/span.hpp"

namespace divergence {

struct CompareOptions {
  int bins = 20;          // equal-width bins for numeric columns, 1 .. 1000000
  double epsilon = 1e-4;  // probability given to empty bins before renormalising, finite > 0
  std::vector<std::string> missing_tokens = default_missing_tokens();
};

// Drift measures of one column, computed from the two count vectors.
struct DriftMetrics {
  double kl_ref_cur_raw = 0;       // KL(P||Q) = scipy.stats.entropy(p, q); +inf if some p_i > 0 = q_i
  double kl_cur_ref_raw = 0;       // KL(Q||P)
  double kl_ref_cur_smoothed = 0;  // KL(P'||Q') on epsilon-smoothed p', q' (smooth_epsilon)
  double kl_cur_ref_smoothed = 0;  // KL(Q'||P')
  double js_distance_base_e = 0;   // scipy.spatial.distance.jensenshannon(p, q), raw p, q
  double js_divergence_base2 = 0;  // jensenshannon(p, q, base=2)**2, in [0, 1]
  double psi_smoothed = 0;         // sum (q'_i - p'_i) ln(q'_i / p'_i) (Population Stability Index)
  double tvd = 0;                  // 0.5 * sum |p_i - q_i|
  double hellinger = 0;            // sqrt(0.5 * sum (sqrt p_i - sqrt q_i)^2)
};

// Computes DriftMetrics from counts (same length, finite, >= 0, positive totals). Smoothing as
// expected.json: on each side, zero probabilities become epsilon, then the vector is divided by
// its sum. Errors: those of discrete.hpp ("q: length 3 differs from p (length 2)", ...) and
// "epsilon: must be a finite number > 0 (got 0)".
DriftMetrics drift_metrics(Span ref_counts, Span cur_counts, double epsilon);

// Summary statistics of one numeric sample.
struct NumericSummary {
  std::size_t n = 0;
  double mean = 0;  // Neumaier-summed
  double std_dev = 0;  // sample standard deviation (ddof = 1, numpy.std(x, ddof=1)); NaN if n < 2
  double min = 0;
  double max = 0;
};

// Summarises values (finite). For an empty sample every statistic is NaN and n = 0.
NumericSummary summarize(Span values);

// The comparison of one column present on both sides.
struct ColumnReport {
  std::string name;
  ColumnType type = ColumnType::Categorical;
  std::size_t n_ref = 0, n_cur = 0;              // non-missing values
  std::size_t missing_ref = 0, missing_cur = 0;  // dropped missing values
  // Non-empty when the column could not be compared ("reference has no non-missing values");
  // then only the fields above are meaningful.
  std::string error;
  // Numeric columns only.
  NumericSummary summary_ref, summary_cur;
  NumericBins bins;
  // Categorical columns only.
  CategoryCounts categories;
  DriftMetrics metrics;
};

// Shape and dialect of one input file.
struct FileInfo {
  std::size_t rows = 0;     // data rows (header excluded)
  std::size_t columns = 0;
  CsvDialect dialect;
};

struct Report {
  CompareOptions options;
  FileInfo reference, current;
  std::vector<std::string> only_in_reference;  // column names, in file order
  std::vector<std::string> only_in_current;
  std::vector<ColumnReport> columns;           // in the order of the reference header
};

// Throws ArgumentError for options out of range: "bins: must be between 1 and 1000000 (got 0)",
// "epsilon: must be a finite number > 0 (got -1)".
void check_options(const CompareOptions& opt);

// Compares two parsed tables (see the top of this header). The report owns all its data (names
// and categories are copied), so the tables and their buffers may go away afterwards.
// Errors: ArgumentError from check_options.
Report compare_tables(const CsvTable& reference, const CsvTable& current, const CompareOptions& opt = {});

// Checks the options, parses both buffers (read_csv with prefixes "reference" and "current") and
// compares them. Errors: ArgumentError from check_options, then FormatError from read_csv
// ("current: line 12: expected 7 fields, found 6").
Report compare_csv(std::string_view reference, std::string_view current, const CompareOptions& opt = {});

// The report as compact JSON, schema "divergence-lab/compare-report@1":
//   {"schema", "options":{"binning":"equal-width:20","smoothing":"epsilon:0.0001"},
//    "reference"/"current":{"rows","columns","delimiter","skip_initial_space"},
//    "only_in_reference":[..], "only_in_current":[..],
//    "columns":[{"name","type","n_ref","n_cur","missing_ref","missing_cur",
//                numeric: "summary":{"reference"/"current":{"n","missing","mean","std","min","max"}},
//                         "bins":{"edges","ref_counts","cur_counts"[,"degenerate":true]},
//                categorical: "categories","ref_counts","cur_counts","only_in_ref","only_in_cur",
//                the nine DriftMetrics keys} or {..., "error": "..."} instead of the metrics]}
// Numbers have the fewest significant digits (at most 17) that read back to the same double;
// +inf is the string "inf", NaN (std of one value) is null. Strings are UTF-8 with JSON escapes.
std::string to_json(const Report& report);

// compare_csv then to_json.
std::string compare_csv_json(std::string_view reference, std::string_view current, const CompareOptions& opt = {});

}  // namespace divergence
