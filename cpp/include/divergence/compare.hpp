// Dataset comparison entry points.
//
// THE ENGINE (schema "divergence-lab/compare-report@2"): two DatasetAccumulators (accumulator.hpp,
// streaming and mergeable) compared by report.hpp, with CompareSpec options (report_spec.hpp) and
// drift decisions (drift.hpp):
//   compare_json(reference_accumulator, current_accumulator, spec)
//   compare_buffers_json(reference_bytes, current_bytes, spec)      (both files in memory)
//   compare_csv_json(reference_bytes, current_bytes, CompareOptions) (the bindings' entry point)
//
// THE IN-MEMORY TABLE API (kept for callers that hold parsed tables, csv.hpp / columns.hpp):
// compare_tables / compare_csv give a Report of per-column counts and DriftMetrics on equal-width
// bins (numeric) or categories, with the same conventions as the engine's "bins" and categorical
// metrics:
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
#include "divergence/options.hpp"
#include "divergence/span.hpp"

namespace divergence {

class DatasetAccumulator;
struct CompareSpec;

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

// The same with any smoothing (options.hpp) for the *_smoothed measures and PSI; Smoothing::none()
// computes them on the raw shares (then +inf where a bin is empty on one side only).
DriftMetrics drift_metrics(Span ref_counts, Span cur_counts, const Smoothing& smoothing);

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

// The engine's report of two finished accumulators as JSON (report.hpp documents the schema
// "divergence-lab/compare-report@2"). Errors: those of compare_datasets (report.hpp).
std::string compare_json(const DatasetAccumulator& reference, const DatasetAccumulator& current, const CompareSpec& spec);

// The part of that report for the common columns named in `only` (compare_datasets with `only`,
// report.hpp): how two workers build one report between them.
std::string compare_json(const DatasetAccumulator& reference, const DatasetAccumulator& current, const CompareSpec& spec,
                         const std::vector<std::string>& only);

// Both files in memory: accumulates each (errors prefixed "reference" / "current"), then
// compare_json. Two histogram summaries (summary.hpp, recognised by looks_like_summary) go to
// compare_summaries_json instead; a summary with a data file is a FormatError ("current: not a
// histogram summary, but the reference is one; ..."). Errors: check_spec's, then FormatError ("current: line 12: expected 7 fields, found 6").
std::string compare_buffers_json(std::string_view reference, std::string_view current, const CompareSpec& spec);

// CompareOptions as a CompareSpec: binning equal-width:bins, smoothing epsilon:epsilon, the missing
// tokens; everything else at its default. Errors: check_options'.
CompareSpec spec_from_options(const CompareOptions& opt);

// check_options, then compare_buffers_json with spec_from_options(opt): the engine's report (@2).
std::string compare_csv_json(std::string_view reference, std::string_view current, const CompareOptions& opt = {});

}  // namespace divergence
