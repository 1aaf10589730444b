// Per-column, per-side accumulators of a dataset comparison: everything the report needs, gathered
// in one pass over a file fed in chunks, and MERGEABLE.
//
// A DatasetAccumulator reads one side (reference or current) through a StreamReader
// (stream_reader.hpp) and keeps one ColumnAccumulator per column:
//   * missing:  fields equal to a missing token (CompareSpec::missing_tokens; columns.hpp), and JSON
//               null / absent keys, are counted and dropped;
//   * type evidence: numeric while every non-missing field parses as a finite double
//               (parse_finite_double, columns.hpp); boolean literals while every non-missing field is
//               true or false (ASCII case-insensitive, nothing around: what pandas reads as bool);
//               boolean-like while every one is true, false, yes, no, 1 or 0 (what a boolean type
//               override accepts); the type is decided later from both sides (report.hpp);
//   * labels:   the raw text of every non-missing field, counted in a LabelCounter (exact up to
//               CompareSpec::category_limit distinct labels, then Misra-Gries; sketch_labels.hpp).
//               Labels of a numeric column are needed only when it ends up categorical (the other
//               side has text, or a type override), so numbers are not hashed as they stream:
//               - DEFERRED (from the start, while every text so far is a plain decimal with the
//                 same number d of decimals, columns.hpp, and the values are stored): nothing is
//                 counted; each text is format_plain_decimal(value, d), so the labels are rebuilt
//                 from the stored values when first asked for (labels(), after the last feed) or
//                 when deferring must end (another text, a sketch, a merge with a side that does
//                 not defer): a value held n times is the label held n times, exactly. If there
//                 are more than category_limit distinct values, the category_limit most frequent
//                 (ties: the smaller values) are counted exactly and the others are SKIPPED, and
//                 labels stay paused (below);
//               - COUNTING (after that): while the column is numeric, a text that would pass the
//                 limit is not counted (nor any text after it) until a non-number shows up; the
//                 skipped texts are counted.
//               Each label's count is then low by at most (Misra-Gries error + skipped), the bound
//               the report states when such a column ends up categorical. Up to category_limit
//               distinct texts the counts are exact whatever the mode and the order of the input;
//               beyond it, which labels are kept may depend on where deferring ended;
//               the boolean view: how many fields read true (true/yes/1) and false (false/no/0);
//   * numbers (while numeric): the values themselves (exact mode) or a QuantileSketch
//               (sketch_quantiles.hpp), plus min and max (exact), and in sketch mode the count, mean,
//               and sum of squared deviations (Welford 1962, merged with Chan, Golub & LeVeque 1979);
//               also the distinct values with their counts while there are at most 20 of them (the
//               as_categorical view), and whether every text is an integer literal.
//
// Memory budget: the values stored by all numeric columns of a side stay within
// CompareSpec::memory_budget_bytes (8 bytes a value). When a new value would pass it, the column
// holding the most values (the leftmost on ties) switches to the sketch, for good; repeated until
// the total fits. Sketches, label counters and the small per-column state are outside the budget
// (a sketch: about 8 k (1 + log2(n / k)) bytes; a label counter: at most 2 * category_limit labels).
//
// Merging: merge(a, b) gives what one accumulator fed a's input then b's input would give, EXACTLY
// for every count, min, max, label count (while exact), boolean count, distinct-value table and
// stored value (stored values are kept sorted after finish(), so their order does not matter).
// Sketches and Misra-Gries summaries merge with their guaranteed bounds, but their content may differ
// from a single pass; the sketch-mode mean and variance merge by Chan's formula (equal up to
// rounding). Which columns end up sketched depends only on the budget and the column sizes at each
// step, so a merged accumulator may sketch a column a single pass would not (or the reverse).
//
// Byte ranges: to read a file in parallel, split it at record boundaries; read the first range
// (with the header) with the plain constructor, the others with the constructor taking
// first.layout(); finish all; merge them in file order into the first. Line numbers in errors of a
// later range count from InputLayout::first_line (1 unless the caller knows better).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "divergence/columns.hpp"
#include "divergence/report_spec.hpp"
#include "divergence/sketch_labels.hpp"
#include "divergence/sketch_quantiles.hpp"
#include "divergence/stream_reader.hpp"

namespace divergence {

class AccumulatorState;

// One column on one side.
class ColumnAccumulator {
 public:
  static constexpr std::size_t kDistinctLimit = 20;  // as_categorical: at most this many distinct values

  ColumnAccumulator(std::size_t category_limit, std::size_t sketch_k);

  // One non-null field. Returns the change in the number of stored values (+1 when a value was
  // stored, minus the values released when the column stops being numeric, else 0).
  std::ptrdiff_t add(std::string_view field, const MissingTokens& missing);
  // n null / absent fields (always missing).
  void add_missing(std::uint64_t n = 1) { missing_ += n; }
  // Moves the stored values into a sketch (no-op if already sketched or not numeric). Returns the
  // number of values released.
  std::size_t to_sketch();
  // Sorts the stored values (called by DatasetAccumulator::finish), ascending, -0 before +0; while
  // labels are DEFERRED (all values plain decimals with d decimals) on their decimal integers,
  // which takes fewer radix passes (value_sort.hpp). scratch: temporary memory (one 8-byte word
  // per stored value), reused by the caller for the next column.
  void finish();
  void finish(std::vector<std::uint64_t>& scratch);
  // Adds other's content (both finished or both not). Returns the change in stored values.
  std::ptrdiff_t merge(ColumnAccumulator&& other);

  // Counts.
  std::uint64_t missing() const { return missing_; }
  std::uint64_t present() const { return present_; }  // non-missing fields
  // Type evidence.
  bool numeric_ok() const { return numeric_ok_; }
  bool boolean_ok() const { return boolean_ok_; }              // every field true/false/yes/no/1/0
  bool boolean_literals() const { return boolean_literals_; }  // every field true/false
  const std::string& first_non_numeric() const { return first_non_numeric_; }  // first field that is not a number
  const std::string& first_non_boolean() const { return first_non_boolean_; }
  // Labels and the boolean view. The first of these calls on a column whose labels are deferred
  // (see above) rebuilds them from the stored values (call it after the last feed: a deferred
  // column stays deferred only while nothing has asked for its labels).
  const LabelCounter& labels() const {
    materialize_labels();
    return labels_;
  }
  std::uint64_t labels_skipped() const {  // texts not counted (see above)
    materialize_labels();
    return labels_skipped_;
  }
  bool labels_exact() const {
    materialize_labels();
    return labels_.exact() && labels_skipped_ == 0;
  }
  // Every label's count is low by at most this (0 when exact).
  std::uint64_t label_error_bound() const {
    materialize_labels();
    return labels_.error_bound() + labels_skipped_;
  }
  // True while the labels are deferred (not counted yet; see above).
  bool labels_deferred() const { return labels_deferred_; }
  std::uint64_t true_count() const { return true_count_; }
  std::uint64_t false_count() const { return false_count_; }
  // Numbers (meaningful while numeric_ok()).
  bool sketched() const { return sketch_ != nullptr; }
  const std::vector<double>& values() const { return values_; }  // exact mode; ascending after finish()
  const QuantileSketch* sketch() const { return sketch_.get(); }
  std::uint64_t number_count() const { return present_; }
  double min() const { return min_; }
  double max() const { return max_; }
  // Sketch mode: Welford/Chan moments (count = number_count()).
  double moment_mean() const { return mean_; }
  double moment_m2() const { return m2_; }  // sum of squared deviations from the mean
  // The distinct values and their counts, ascending, while there are at most kDistinctLimit.
  bool distinct_known() const { return !distinct_overflow_; }
  const std::vector<std::pair<double, std::uint64_t>>& distinct() const { return distinct_; }
  bool integer_literals() const { return int_literals_; }  // every numeric text is [+-]digits
  std::size_t stored() const { return values_.size(); }
  std::size_t memory_bytes() const;

 private:
  void release_numbers();
  void note_distinct(double x, std::uint64_t count);
  void count_label(std::string_view text);  // COUNTING mode, numeric column
  void materialize_labels() const;          // DEFERRED -> COUNTING
  std::ptrdiff_t not_a_number(std::string_view field);

  std::uint64_t missing_ = 0;
  std::uint64_t present_ = 0;
  bool numeric_ok_ = true;
  bool boolean_ok_ = true;
  bool boolean_literals_ = true;
  std::string first_non_numeric_;
  std::string first_non_boolean_;
  // Labels: mutable because a const accessor may rebuild deferred labels (materialize_labels).
  mutable LabelCounter labels_;
  mutable std::uint64_t labels_skipped_ = 0;
  mutable bool labels_paused_ = false;  // numeric column past the label limit: texts not counted
  mutable bool labels_deferred_ = true; // DEFERRED mode (see the top of this header)
  int decimals_ = -1;                   // DEFERRED: d of every text so far (-1: no text yet)
  std::uint64_t true_count_ = 0;
  std::uint64_t false_count_ = 0;
  std::size_t sketch_k_;
  std::vector<double> values_;
  std::unique_ptr<QuantileSketch> sketch_;
  double min_ = 0.0, max_ = 0.0;
  double mean_ = 0.0, m2_ = 0.0;
  bool distinct_overflow_ = false;
  std::vector<std::pair<double, std::uint64_t>> distinct_;
  bool int_literals_ = true;
  bool sorted_ = false;

  friend class AccumulatorState;  // serialization (accumulator_state.hpp)
};

// Where a byte range of a file starts: what its reader must know without reading a header.
struct InputLayout {
  InputFormat format = InputFormat::Csv;
  CsvDialect dialect;                // CSV
  std::vector<std::string> columns;  // CSV: the header; JSON Lines: the keys seen so far
  std::size_t first_line = 1;        // line number of the range's first byte (for messages)
};

class DatasetAccumulator {
 public:
  // side_name prefixes error messages ("reference: line 3: ..."). Errors: check_spec's.
  explicit DatasetAccumulator(const CompareSpec& spec, std::string side_name);
  // A later byte range of a file (see the top of this header).
  DatasetAccumulator(const CompareSpec& spec, std::string side_name, const InputLayout& layout);
  ~DatasetAccumulator();
  DatasetAccumulator(DatasetAccumulator&&) noexcept;
  DatasetAccumulator& operator=(DatasetAccumulator&&) noexcept;

  // Reads the next bytes (any chunking). Throws FormatError as StreamReader::feed.
  void feed(std::string_view chunk);
  // Ends the input (StreamReader::finish errors) and sorts the stored values. Idempotent.
  void finish();
  // Adds another finished accumulator of the same format whose input comes after this one's.
  // CSV: the headers must be equal; JSON Lines: the columns are united (a column absent on one
  // side counts that side's rows as missing). Errors (ArgumentError): "merge: finish() both
  // accumulators first", "merge: formats differ (csv and jsonl)", "merge: headers differ (column 2
  // is 'b' here and 'c' there)", "merge: column counts differ (3 and 4)", "merge: dialects differ".
  void merge(DatasetAccumulator&& other);

  // The layout for readers of later byte ranges (valid once the header is read).
  InputLayout layout() const;

  const std::string& side() const { return side_; }
  InputFormat format() const;
  const CsvDialect& dialect() const;
  std::uint64_t rows() const { return rows_; }
  std::uint64_t bytes() const { return bytes_; }
  bool finished() const { return finished_; }
  const std::vector<std::string>& columns() const { return names_; }
  const ColumnAccumulator& column(std::size_t i) const { return *columns_[i]; }
  // Index of a column by name, or npos.
  std::size_t find(std::string_view name) const;
  // Values stored now by all columns (the budget counts these), and an estimate of all memory held.
  std::size_t stored_values() const { return stored_; }
  std::size_t memory_bytes() const;
  // Largest number of values stored at once during this accumulator's life (for measurements).
  std::size_t peak_stored_values() const { return peak_stored_; }
  const CompareSpec& spec() const { return spec_; }

  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

 private:
  class Sink;
  void add_columns(const std::vector<std::string>& names);
  void add_record(const std::vector<std::string_view>& fields, const unsigned char* nulls);
  void enforce_budget();

  CompareSpec spec_;
  std::string side_;
  MissingTokens missing_;
  std::size_t budget_values_;
  std::unique_ptr<Sink> sink_;
  std::unique_ptr<StreamReader> reader_;
  InputFormat format_ = InputFormat::Auto;
  CsvDialect dialect_;
  std::vector<std::string> names_;
  std::vector<std::unique_ptr<ColumnAccumulator>> columns_;
  std::uint64_t rows_ = 0;
  std::uint64_t bytes_ = 0;
  std::size_t stored_ = 0;
  std::size_t peak_stored_ = 0;
  bool finished_ = false;

  friend class AccumulatorState;  // serialization (accumulator_state.hpp)
};

}  // namespace divergence
