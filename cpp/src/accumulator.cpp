// Column and dataset accumulators (see accumulator.hpp).
#include "divergence/accumulator.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>

#include "divergence/errors.hpp"
#include "divergence/summation.hpp"
#include "value_sort.hpp"

namespace divergence {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool equals_lower(std::string_view s, const char* word) {
  std::size_t i = 0;
  for (; word[i] != '\0'; ++i) {
    if (i >= s.size() || lower(s[i]) != word[i]) return false;
  }
  return i == s.size();
}

// 1 = true-like (true, yes, 1), 0 = false-like (false, no, 0), -1 = neither; ASCII case-insensitive.
// *literal: the text is "true" or "false" (what pandas reads as a boolean).
int boolean_value(std::string_view s, bool* literal) {
  *literal = false;
  if (s.size() == 1) {
    if (s[0] == '1') return 1;
    if (s[0] == '0') return 0;
    return -1;
  }
  if (s.size() < 2 || s.size() > 5) return -1;
  if (equals_lower(s, "true") || equals_lower(s, "false")) {
    *literal = true;
    return s.size() == 4 ? 1 : 0;
  }
  if (equals_lower(s, "yes")) return 1;
  if (equals_lower(s, "no")) return 0;
  return -1;
}

// [+-]digits, with the spaces and tabs parse_finite_double ignores around it.
bool integer_literal(std::string_view s) {
  std::size_t i = 0, n = s.size();
  while (i < n && (s[i] == ' ' || s[i] == '\t')) ++i;
  while (n > i && (s[n - 1] == ' ' || s[n - 1] == '\t')) --n;
  if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
  if (i >= n) return false;
  for (; i < n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

// Mean and sum of squared deviations of values (two passes, compensated).
void moments_of(const std::vector<double>& values, double& mean, double& m2) {
  if (values.empty()) {
    mean = m2 = 0.0;
    return;
  }
  NeumaierSum sum;
  for (double x : values) sum.add(x);
  mean = sum.value() / static_cast<double>(values.size());
  NeumaierSum sq;
  for (double x : values) sq.add((x - mean) * (x - mean));
  m2 = sq.value();
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// ColumnAccumulator

ColumnAccumulator::ColumnAccumulator(std::size_t category_limit, std::size_t sketch_k)
    : labels_(category_limit), sketch_k_(sketch_k) {}

void ColumnAccumulator::note_distinct(double x, std::uint64_t count) {
  if (x == 0.0) x = 0.0;  // -0 and +0 are one value
  for (auto& d : distinct_) {
    if (d.first == x) {
      d.second += count;
      return;
    }
  }
  if (distinct_.size() >= kDistinctLimit) {
    distinct_overflow_ = true;
    distinct_.clear();
    distinct_.shrink_to_fit();
    return;
  }
  distinct_.emplace_back(x, count);
}

std::ptrdiff_t ColumnAccumulator::add(std::string_view field, const MissingTokens& missing) {
  if (missing.contains(field)) {
    ++missing_;
    return 0;
  }
  if (boolean_ok_) {
    bool literal = false;
    const int b = boolean_value(field, &literal);
    if (b < 0) {
      boolean_ok_ = false;
      boolean_literals_ = false;
      first_non_boolean_ = std::string(field.substr(0, 64));
    } else {
      boolean_literals_ = boolean_literals_ && literal;
      (b == 1 ? true_count_ : false_count_) += 1;
    }
  }
  if (!numeric_ok_) {
    labels_.add(field);
    ++present_;
    return 0;
  }
  double x;
  int decimals;
  bool plain = parse_plain_decimal(field, x, decimals);
  if (plain) {
    if (labels_deferred_ && decimals != decimals_) {
      if (decimals_ < 0) {
        decimals_ = decimals;  // the first text sets d
      } else {
        materialize_labels();
      }
    }
    if (!labels_deferred_) count_label(field);
  } else if (parse_finite_double(field, x)) {
    materialize_labels();
    count_label(field);
  } else {
    return not_a_number(field);
  }
  if (present_ == 0) {
    min_ = max_ = x;
  } else {
    if (x < min_) min_ = x;
    if (x > max_) max_ = x;
  }
  ++present_;
  if (!distinct_overflow_) {
    note_distinct(x, 1);
    if (int_literals_ && !(plain ? decimals == 0 : integer_literal(field))) int_literals_ = false;
  }
  if (sketch_) {
    sketch_->add(x);
    const double delta = x - mean_;
    mean_ += delta / static_cast<double>(present_);
    m2_ += delta * (x - mean_);
    return 0;
  }
  values_.push_back(x);
  sorted_ = false;
  return 1;
}

void ColumnAccumulator::count_label(std::string_view text) {
  if (labels_paused_) {
    ++labels_skipped_;
  } else if (!labels_.try_add(text)) {
    labels_paused_ = true;
    ++labels_skipped_;
  }
}

std::ptrdiff_t ColumnAccumulator::not_a_number(std::string_view field) {
  materialize_labels();
  ++present_;
  numeric_ok_ = false;
  labels_paused_ = false;  // from here on every text is counted (Misra-Gries past the limit)
  labels_.add(field);
  first_non_numeric_ = std::string(field.substr(0, 64));
  const std::size_t released = values_.size();
  release_numbers();
  return -static_cast<std::ptrdiff_t>(released);
}

void ColumnAccumulator::materialize_labels() const {
  if (!labels_deferred_) return;
  labels_deferred_ = false;
  if (values_.empty()) return;
  std::vector<double> copy;
  if (!sorted_) {
    copy = values_;
    std::vector<std::uint64_t> scratch;
    detail::sort_plain_decimals(copy, decimals_, min_, max_, scratch);
  }
  const std::vector<double>& v = sorted_ ? values_ : copy;
  // Runs of one bit pattern (-0 and +0 are two texts, "-0" and "0"), in ascending order.
  const auto for_each_run = [&v](auto&& f) {
    std::size_t i = 0;
    while (i < v.size()) {
      const std::uint64_t key = detail::order_key(v[i]);
      std::size_t j = i + 1;
      while (j < v.size() && detail::order_key(v[j]) == key) ++j;
      f(v[i], static_cast<std::uint64_t>(j - i));
      i = j;
    }
  };
  std::size_t runs = 0;
  for_each_run([&runs](double, std::uint64_t) { ++runs; });
  const std::size_t limit = labels_.limit();
  char buf[48];
  if (runs <= limit) {
    for_each_run([&](double x, std::uint64_t n) {
      labels_.add(std::string_view(buf, format_plain_decimal(x, decimals_, buf)), n);
    });
    return;
  }
  // More distinct values than the limit: the `limit` most frequent (ties: smaller values first)
  // are counted, the others skipped. threshold = the count of the limit-th most frequent value.
  std::map<std::uint64_t, std::size_t> runs_with_count;
  for_each_run([&runs_with_count](double, std::uint64_t n) { ++runs_with_count[n]; });
  std::uint64_t threshold = 0;
  std::size_t at_threshold = 0;  // runs with count == threshold to keep
  std::size_t kept = 0;
  for (auto it = runs_with_count.rbegin(); it != runs_with_count.rend(); ++it) {
    if (kept + it->second >= limit) {
      threshold = it->first;
      at_threshold = limit - kept;
      break;
    }
    kept += it->second;
  }
  for_each_run([&](double x, std::uint64_t n) {
    if (n > threshold || (n == threshold && at_threshold > 0)) {
      if (n == threshold) --at_threshold;
      labels_.add(std::string_view(buf, format_plain_decimal(x, decimals_, buf)), n);
    } else {
      labels_skipped_ += n;
    }
  });
  labels_paused_ = true;
}

void ColumnAccumulator::release_numbers() {
  values_.clear();
  values_.shrink_to_fit();
  sketch_.reset();
  distinct_.clear();
  distinct_.shrink_to_fit();
  distinct_overflow_ = true;
}

std::size_t ColumnAccumulator::to_sketch() {
  if (sketch_ || !numeric_ok_) return 0;
  materialize_labels();  // the values are about to go
  moments_of(values_, mean_, m2_);
  sketch_ = std::make_unique<QuantileSketch>(sketch_k_);
  for (double x : values_) sketch_->add(x);
  const std::size_t released = values_.size();
  values_.clear();
  values_.shrink_to_fit();
  return released;
}

void ColumnAccumulator::finish() {
  std::vector<std::uint64_t> scratch;
  finish(scratch);
}

void ColumnAccumulator::finish(std::vector<std::uint64_t>& scratch) {
  std::sort(distinct_.begin(), distinct_.end());
  if (!sorted_) {
    // Deferred labels: every value is a plain decimal with decimals_ decimals, sorted on its integer.
    if (labels_deferred_ && decimals_ >= 0) {
      detail::sort_plain_decimals(values_, decimals_, min_, max_, scratch);
    } else {
      detail::sort_values(values_, scratch);
    }
    sorted_ = true;
  }
}

std::ptrdiff_t ColumnAccumulator::merge(ColumnAccumulator&& other) {
  std::ptrdiff_t delta = 0;
  const std::uint64_t n_this = present_;
  const std::uint64_t n_other = other.present_;
  missing_ += other.missing_;
  // Deferred labels stay deferred when both sides defer with the same decimals (or one side has no
  // number yet): they are rebuilt later from the merged values. Otherwise both are counted now.
  if (labels_deferred_ && other.labels_deferred_ &&
      (decimals_ == other.decimals_ || decimals_ < 0 || other.decimals_ < 0)) {
    decimals_ = std::max(decimals_, other.decimals_);
  } else {
    materialize_labels();
    other.materialize_labels();
  }
  labels_.merge(other.labels_);
  labels_skipped_ += other.labels_skipped_;
  labels_paused_ = labels_paused_ || other.labels_paused_;
  true_count_ += other.true_count_;
  false_count_ += other.false_count_;
  if (boolean_ok_ && !other.boolean_ok_) first_non_boolean_ = other.first_non_boolean_;
  boolean_ok_ = boolean_ok_ && other.boolean_ok_;
  boolean_literals_ = boolean_literals_ && other.boolean_literals_;
  if (numeric_ok_ && !other.numeric_ok_) {
    first_non_numeric_ = other.first_non_numeric_;
    delta -= static_cast<std::ptrdiff_t>(values_.size());
    numeric_ok_ = false;
    release_numbers();
  }
  if (!numeric_ok_) labels_paused_ = false;
  present_ += other.present_;
  if (!numeric_ok_) return delta;

  // Both numeric.
  if (n_other > 0) {
    if (n_this == 0) {
      min_ = other.min_;
      max_ = other.max_;
    } else {
      min_ = std::min(min_, other.min_);
      max_ = std::max(max_, other.max_);
    }
  }
  int_literals_ = int_literals_ && other.int_literals_;
  if (other.distinct_overflow_) {
    distinct_overflow_ = true;
    distinct_.clear();
  } else if (!distinct_overflow_) {
    for (const auto& d : other.distinct_) {
      note_distinct(d.first, d.second);
      if (distinct_overflow_) break;
    }
  }
  if (!distinct_overflow_) std::sort(distinct_.begin(), distinct_.end());

  if (!sketch_ && !other.sketch_) {
    const std::size_t mid = values_.size();
    values_.insert(values_.end(), other.values_.begin(), other.values_.end());
    delta += static_cast<std::ptrdiff_t>(other.values_.size());
    if (sorted_ && other.sorted_) {
      std::inplace_merge(values_.begin(), values_.begin() + static_cast<std::ptrdiff_t>(mid), values_.end(), detail::value_less);
    } else {
      sorted_ = false;
    }
    other.values_.clear();
    return delta;
  }
  // Sketch mode on at least one side: both become sketches, moments merge by Chan et al.
  delta -= static_cast<std::ptrdiff_t>(to_sketch());
  other.to_sketch();
  if (n_this == 0) {
    mean_ = other.mean_;
    m2_ = other.m2_;
  } else if (n_other > 0) {
    const double na = static_cast<double>(n_this), nb = static_cast<double>(n_other);
    const double n = na + nb;
    const double d = other.mean_ - mean_;
    mean_ = mean_ + d * (nb / n);
    m2_ = m2_ + other.m2_ + d * d * (na * nb / n);
  }
  sketch_->merge(*other.sketch_);
  return delta;
}

std::size_t ColumnAccumulator::memory_bytes() const {
  std::size_t bytes = sizeof(*this) + labels_.memory_bytes() + values_.capacity() * sizeof(double) +
                      distinct_.capacity() * sizeof(distinct_[0]);
  if (sketch_) bytes += sketch_->memory_bytes();
  return bytes;
}

// ---------------------------------------------------------------------------------------------
// DatasetAccumulator

class DatasetAccumulator::Sink : public RecordSink {
 public:
  explicit Sink(DatasetAccumulator* owner) : owner(owner) {}
  void on_columns(const std::vector<std::string>& names) override { owner->add_columns(names); }
  void on_record(const std::vector<std::string_view>& fields, const unsigned char* nulls, std::size_t) override {
    owner->add_record(fields, nulls);
  }
  DatasetAccumulator* owner;
};

DatasetAccumulator::DatasetAccumulator(const CompareSpec& spec, std::string side_name)
    : spec_(spec), side_(std::move(side_name)), missing_(spec.missing_tokens) {
  check_spec(spec_);
  budget_values_ = spec_.memory_budget_bytes / sizeof(double);
  sink_ = std::make_unique<Sink>(this);
  ReaderOptions ro;
  ro.format = spec_.format;
  ro.prefix = side_;
  ro.max_columns = spec_.max_columns;
  reader_ = std::make_unique<StreamReader>(std::move(ro), *sink_);
}

DatasetAccumulator::DatasetAccumulator(const CompareSpec& spec, std::string side_name, const InputLayout& layout)
    : spec_(spec), side_(std::move(side_name)), missing_(spec.missing_tokens) {
  check_spec(spec_);
  budget_values_ = spec_.memory_budget_bytes / sizeof(double);
  sink_ = std::make_unique<Sink>(this);
  ReaderOptions ro;
  ro.format = layout.format;
  ro.prefix = side_;
  ro.max_columns = spec_.max_columns;
  ro.layout_given = true;
  ro.dialect = layout.dialect;
  ro.columns = layout.columns;
  ro.first_line = layout.first_line;
  reader_ = std::make_unique<StreamReader>(std::move(ro), *sink_);
  format_ = layout.format;
  dialect_ = layout.dialect;
  add_columns(layout.columns);
}

DatasetAccumulator::~DatasetAccumulator() = default;

DatasetAccumulator::DatasetAccumulator(DatasetAccumulator&& other) noexcept
    : spec_(std::move(other.spec_)),
      side_(std::move(other.side_)),
      missing_(std::move(other.missing_)),
      budget_values_(other.budget_values_),
      sink_(std::move(other.sink_)),
      reader_(std::move(other.reader_)),
      format_(other.format_),
      dialect_(other.dialect_),
      names_(std::move(other.names_)),
      columns_(std::move(other.columns_)),
      rows_(other.rows_),
      bytes_(other.bytes_),
      stored_(other.stored_),
      peak_stored_(other.peak_stored_),
      finished_(other.finished_) {
  if (sink_) sink_->owner = this;
}

DatasetAccumulator& DatasetAccumulator::operator=(DatasetAccumulator&& other) noexcept {
  if (this == &other) return *this;
  spec_ = std::move(other.spec_);
  side_ = std::move(other.side_);
  missing_ = std::move(other.missing_);
  budget_values_ = other.budget_values_;
  reader_.reset();
  sink_ = std::move(other.sink_);
  reader_ = std::move(other.reader_);
  format_ = other.format_;
  dialect_ = other.dialect_;
  names_ = std::move(other.names_);
  columns_ = std::move(other.columns_);
  rows_ = other.rows_;
  bytes_ = other.bytes_;
  stored_ = other.stored_;
  peak_stored_ = other.peak_stored_;
  finished_ = other.finished_;
  if (sink_) sink_->owner = this;
  return *this;
}

void DatasetAccumulator::add_columns(const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    names_.push_back(name);
    columns_.push_back(std::make_unique<ColumnAccumulator>(spec_.category_limit, spec_.sketch_k));
    columns_.back()->add_missing(rows_);
  }
}

void DatasetAccumulator::add_record(const std::vector<std::string_view>& fields, const unsigned char* nulls) {
  ++rows_;
  std::ptrdiff_t delta = 0;
  const std::size_t n = fields.size();
  if (nulls == nullptr) {
    for (std::size_t c = 0; c < n; ++c) delta += columns_[c]->add(fields[c], missing_);
  } else {
    for (std::size_t c = 0; c < n; ++c) {
      if (nulls[c]) {
        columns_[c]->add_missing();
      } else {
        delta += columns_[c]->add(fields[c], missing_);
      }
    }
  }
  stored_ = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(stored_) + delta);
  if (stored_ > budget_values_) enforce_budget();
  if (stored_ > peak_stored_) peak_stored_ = stored_;
}

void DatasetAccumulator::enforce_budget() {
  while (stored_ > budget_values_) {
    std::size_t best = npos;
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      if (columns_[c]->stored() > 0 && (best == npos || columns_[c]->stored() > columns_[best]->stored())) best = c;
    }
    if (best == npos) return;
    stored_ -= columns_[best]->to_sketch();
  }
}

void DatasetAccumulator::feed(std::string_view chunk) {
  reader_->feed(chunk);
  bytes_ += chunk.size();
  if (format_ == InputFormat::Auto && reader_->format() != InputFormat::Auto) format_ = reader_->format();
  if (reader_->dialect_known()) dialect_ = reader_->dialect();
}

void DatasetAccumulator::finish() {
  if (finished_) return;
  reader_->finish();
  format_ = reader_->format();
  if (reader_->dialect_known()) dialect_ = reader_->dialect();
  std::vector<std::uint64_t> scratch;  // one sort buffer for every column
  for (auto& c : columns_) c->finish(scratch);
  finished_ = true;
}

InputFormat DatasetAccumulator::format() const { return format_; }
const CsvDialect& DatasetAccumulator::dialect() const { return dialect_; }

InputLayout DatasetAccumulator::layout() const {
  if (format_ == InputFormat::Auto || (format_ == InputFormat::Csv && names_.empty())) {
    throw range_error("layout", "the header has not been read yet");
  }
  InputLayout l;
  l.format = format_;
  l.dialect = dialect_;
  l.columns = names_;
  return l;
}

std::size_t DatasetAccumulator::find(std::string_view name) const {
  for (std::size_t i = 0; i < names_.size(); ++i) {
    if (names_[i] == name) return i;
  }
  return npos;
}

std::size_t DatasetAccumulator::memory_bytes() const {
  std::size_t bytes = sizeof(*this);
  for (const auto& c : columns_) bytes += c->memory_bytes();
  return bytes;
}

void DatasetAccumulator::merge(DatasetAccumulator&& other) {
  if (!finished_ || !other.finished_) throw range_error("merge", "finish() both accumulators first");
  if (format_ != other.format_) {
    throw range_error("merge", std::string("formats differ (") + input_format_name(format_) + " and " +
                                   input_format_name(other.format_) + ")");
  }
  if (format_ == InputFormat::Csv) {
    if (names_.size() != other.names_.size()) {
      throw range_error("merge", "column counts differ (" + std::to_string(names_.size()) + " and " +
                                     std::to_string(other.names_.size()) + ")");
    }
    for (std::size_t i = 0; i < names_.size(); ++i) {
      if (names_[i] != other.names_[i]) {
        throw range_error("merge", "headers differ (column " + std::to_string(i + 1) + " is '" + names_[i] +
                                       "' here and '" + other.names_[i] + "' there)");
      }
    }
    if (dialect_.delimiter != other.dialect_.delimiter || dialect_.skip_initial_space != other.dialect_.skip_initial_space) {
      throw range_error("merge", "dialects differ");
    }
  }
  std::vector<bool> touched(names_.size(), false);
  std::ptrdiff_t delta = 0;
  for (std::size_t j = 0; j < other.names_.size(); ++j) {
    std::size_t i = find(other.names_[j]);
    if (i == npos) {  // JSON Lines: a key this side has not seen
      add_columns({other.names_[j]});
      i = names_.size() - 1;
      touched.push_back(false);
    }
    touched[i] = true;
    delta += columns_[i]->merge(std::move(*other.columns_[j]));
  }
  for (std::size_t i = 0; i < names_.size(); ++i) {
    if (!touched[i]) columns_[i]->add_missing(other.rows_);
  }
  rows_ += other.rows_;
  bytes_ += other.bytes_;
  stored_ = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(stored_) + delta);
  peak_stored_ = std::max(peak_stored_, other.peak_stored_);
  enforce_budget();
  if (stored_ > peak_stored_) peak_stored_ = stored_;
  other.columns_.clear();
  other.names_.clear();
  other.stored_ = 0;
}

}  // namespace divergence
