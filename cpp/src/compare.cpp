// Dataset comparison: per-column counts and drift metrics, and the JSON report.
#include "divergence/compare.hpp"

#include <cmath>
#include <cstdio>
#include <limits>
#include <unordered_map>

#include <fast_float/fast_float.h>

#include "divergence/discrete.hpp"
#include "divergence/errors.hpp"
#include "divergence/format.hpp"
#include "divergence/summation.hpp"

namespace divergence {
namespace {

constexpr double kNaNValue = std::numeric_limits<double>::quiet_NaN();
constexpr int kMaxBins = 1000000;

std::vector<double> as_doubles(const std::vector<std::size_t>& counts) {
  return std::vector<double>(counts.begin(), counts.end());
}

// A minimal streaming JSON writer (compact output). The caller keeps the nesting well formed.
class JsonWriter {
 public:
  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  void key(std::string_view k) {
    separate();
    string_literal(k);
    out_ += ':';
    after_key_ = true;
  }
  void value(std::string_view s) {
    separate();
    string_literal(s);
  }
  void value(const char* s) { value(std::string_view(s)); }
  void value(bool b) {
    separate();
    out_ += b ? "true" : "false";
  }
  void value(std::size_t n) {
    separate();
    out_ += std::to_string(n);
  }
  // Finite numbers as shortest round-trip text; +-inf as the strings "inf"/"-inf"; NaN as null.
  void value(double x) {
    if (std::isinf(x)) return value(x > 0 ? "inf" : "-inf");
    separate();
    out_ += std::isnan(x) ? "null" : format_number(x);
  }
  template <class T>
  void array(const std::vector<T>& items) {
    begin_array();
    for (const T& item : items) value(item);
    end_array();
  }
  template <class T>
  void member(std::string_view k, const T& v) {
    key(k);
    value(v);
  }

  std::string take() { return std::move(out_); }

 private:
  void open(char c) {
    separate();
    out_ += c;
    first_.push_back(true);
  }
  void close(char c) {
    out_ += c;
    first_.pop_back();
  }
  // Writes the comma between siblings; nothing right after a key or at the start of a container.
  void separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (first_.empty()) return;
    if (!first_.back()) out_ += ',';
    first_.back() = false;
  }
  void string_literal(std::string_view s) {
    static const char kHex[] = "0123456789abcdef";
    out_ += '"';
    for (char ch : s) {
      const unsigned char c = static_cast<unsigned char>(ch);
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\f': out_ += "\\f"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default:
          if (c < 0x20) {
            out_ += "\\u00";
            out_ += kHex[c >> 4];
            out_ += kHex[c & 15];
          } else {
            out_ += ch;  // ASCII and UTF-8 bytes pass through
          }
      }
    }
    out_ += '"';
  }

  std::string out_;
  std::vector<bool> first_;
  bool after_key_ = false;
};

void write_file_info(JsonWriter& w, const FileInfo& f) {
  w.begin_object();
  w.member("rows", f.rows);
  w.member("columns", f.columns);
  w.member("delimiter", std::string_view(&f.dialect.delimiter, 1));
  w.member("skip_initial_space", f.dialect.skip_initial_space);
  w.end_object();
}

void write_summary(JsonWriter& w, const NumericSummary& s, std::size_t missing) {
  w.begin_object();
  w.member("n", s.n);
  w.member("missing", missing);
  w.member("mean", s.mean);
  w.member("std", s.std_dev);
  w.member("min", s.min);
  w.member("max", s.max);
  w.end_object();
}

void write_metrics(JsonWriter& w, const DriftMetrics& m) {
  w.member("kl_ref_cur_raw", m.kl_ref_cur_raw);
  w.member("kl_cur_ref_raw", m.kl_cur_ref_raw);
  w.member("kl_ref_cur_smoothed", m.kl_ref_cur_smoothed);
  w.member("kl_cur_ref_smoothed", m.kl_cur_ref_smoothed);
  w.member("js_distance_base_e", m.js_distance_base_e);
  w.member("js_divergence_base2", m.js_divergence_base2);
  w.member("psi_smoothed", m.psi_smoothed);
  w.member("tvd", m.tvd);
  w.member("hellinger", m.hellinger);
}

void write_column(JsonWriter& w, const ColumnReport& c) {
  w.begin_object();
  w.member("name", c.name);
  w.member("type", type_name(c.type));
  w.member("n_ref", c.n_ref);
  w.member("n_cur", c.n_cur);
  w.member("missing_ref", c.missing_ref);
  w.member("missing_cur", c.missing_cur);
  if (!c.error.empty()) {
    w.member("error", c.error);
    w.end_object();
    return;
  }
  if (c.type == ColumnType::Numeric) {
    w.key("summary");
    w.begin_object();
    w.key("reference");
    write_summary(w, c.summary_ref, c.missing_ref);
    w.key("current");
    write_summary(w, c.summary_cur, c.missing_cur);
    w.end_object();
    w.key("bins");
    w.begin_object();
    w.key("edges");
    w.array(c.bins.edges);
    w.key("ref_counts");
    w.array(c.bins.ref_counts);
    w.key("cur_counts");
    w.array(c.bins.cur_counts);
    if (c.bins.degenerate) w.member("degenerate", true);
    w.end_object();
  } else {
    w.key("categories");
    w.array(c.categories.categories);
    w.key("ref_counts");
    w.array(c.categories.ref_counts);
    w.key("cur_counts");
    w.array(c.categories.cur_counts);
    w.key("only_in_ref");
    w.array(c.categories.only_in_ref);
    w.key("only_in_cur");
    w.array(c.categories.only_in_cur);
  }
  write_metrics(w, c.metrics);
  w.end_object();
}

ColumnReport compare_column(const std::string& name, const TypedColumn& t, const CompareOptions& opt) {
  ColumnReport c;
  c.name = name;
  c.type = t.type;
  c.n_ref = t.reference.size();
  c.n_cur = t.current.size();
  c.missing_ref = t.reference.missing;
  c.missing_cur = t.current.missing;
  if (c.n_ref == 0 || c.n_cur == 0) {
    c.error = c.n_ref == 0 && c.n_cur == 0 ? "no non-missing values on either side"
              : c.n_ref == 0              ? "reference has no non-missing values"
                                          : "current has no non-missing values";
    return c;
  }
  if (t.type == ColumnType::Numeric) {
    c.summary_ref = summarize(t.reference.numbers);
    c.summary_cur = summarize(t.current.numbers);
    c.bins = equal_width_bins(t.reference.numbers, t.current.numbers, static_cast<std::size_t>(opt.bins));
    c.metrics = drift_metrics(as_doubles(c.bins.ref_counts), as_doubles(c.bins.cur_counts), opt.epsilon);
  } else {
    c.categories = count_categories(t.reference.labels, t.current.labels);
    c.metrics = drift_metrics(as_doubles(c.categories.ref_counts), as_doubles(c.categories.cur_counts), opt.epsilon);
  }
  return c;
}

}  // namespace

DriftMetrics drift_metrics(Span ref_counts, Span cur_counts, double epsilon) {
  Options base_e;
  Options base_2;
  base_2.base = 2.0;
  Options as_is;  // smoothed vectors already sum to 1
  as_is.normalize = false;
  DriftMetrics m;
  m.kl_ref_cur_raw = kl_divergence(ref_counts, cur_counts, base_e);
  m.kl_cur_ref_raw = kl_divergence(cur_counts, ref_counts, base_e);
  const std::vector<double> p = smooth_epsilon(ref_counts, epsilon, "p");
  const std::vector<double> q = smooth_epsilon(cur_counts, epsilon, "q");
  m.kl_ref_cur_smoothed = kl_divergence(p, q, as_is);
  m.kl_cur_ref_smoothed = kl_divergence(q, p, as_is);
  m.js_distance_base_e = js_distance(ref_counts, cur_counts, base_e);
  m.js_divergence_base2 = js_divergence(ref_counts, cur_counts, base_2);
  m.psi_smoothed = psi(p, q, as_is);
  m.tvd = total_variation(ref_counts, cur_counts, base_e);
  m.hellinger = hellinger(ref_counts, cur_counts, base_e);
  return m;
}

NumericSummary summarize(Span values) {
  NumericSummary s;
  s.n = values.size;
  if (values.empty()) {
    s.mean = s.std_dev = s.min = s.max = kNaNValue;
    return s;
  }
  NeumaierSum total;
  s.min = s.max = values[0];
  for (double x : values) {
    total.add(x);
    if (x < s.min) s.min = x;
    if (x > s.max) s.max = x;
  }
  const double n = static_cast<double>(values.size);
  s.mean = total.value() / n;
  if (values.size < 2) {
    s.std_dev = kNaNValue;
    return s;
  }
  NeumaierSum squares;
  for (double x : values) squares.add((x - s.mean) * (x - s.mean));
  s.std_dev = std::sqrt(squares.value() / (n - 1.0));
  return s;
}

void check_options(const CompareOptions& opt) {
  if (opt.bins < 1 || opt.bins > kMaxBins) {
    throw range_error("bins", "must be between 1 and " + std::to_string(kMaxBins) + " (got " + std::to_string(opt.bins) + ")");
  }
  if (!(std::isfinite(opt.epsilon) && opt.epsilon > 0.0)) {
    throw range_error("epsilon", "must be a finite number > 0 (got " + format_number(opt.epsilon) + ")");
  }
}

Report compare_tables(const CsvTable& reference, const CsvTable& current, const CompareOptions& opt) {
  check_options(opt);
  Report r;
  r.options = opt;
  r.reference = FileInfo{reference.rows(), reference.names.size(), reference.dialect};
  r.current = FileInfo{current.rows(), current.names.size(), current.dialect};

  std::unordered_map<std::string_view, std::size_t> in_current;
  for (std::size_t j = 0; j < current.names.size(); ++j) in_current.emplace(current.names[j], j);
  std::unordered_map<std::string_view, std::size_t> in_reference;
  for (std::size_t i = 0; i < reference.names.size(); ++i) in_reference.emplace(reference.names[i], i);
  for (const std::string& name : current.names) {
    if (in_reference.count(name) == 0) r.only_in_current.push_back(name);
  }

  const MissingTokens missing(opt.missing_tokens);
  for (std::size_t i = 0; i < reference.names.size(); ++i) {
    const std::string& name = reference.names[i];
    const auto found = in_current.find(name);
    if (found == in_current.end()) {
      r.only_in_reference.push_back(name);
      continue;
    }
    const TypedColumn typed = type_column(reference.columns[i], current.columns[found->second], missing);
    r.columns.push_back(compare_column(name, typed, opt));
  }
  return r;
}

Report compare_csv(std::string_view reference, std::string_view current, const CompareOptions& opt) {
  check_options(opt);
  const CsvTable ref = read_csv(reference, "reference");
  const CsvTable cur = read_csv(current, "current");
  return compare_tables(ref, cur, opt);
}

std::string to_json(const Report& report) {
  JsonWriter w;
  w.begin_object();
  w.member("schema", "divergence-lab/compare-report@1");
  w.key("options");
  w.begin_object();
  w.member("binning", "equal-width:" + std::to_string(report.options.bins));
  w.member("smoothing", "epsilon:" + format_number(report.options.epsilon));
  w.end_object();
  w.key("reference");
  write_file_info(w, report.reference);
  w.key("current");
  write_file_info(w, report.current);
  w.key("only_in_reference");
  w.array(report.only_in_reference);
  w.key("only_in_current");
  w.array(report.only_in_current);
  w.key("columns");
  w.begin_array();
  for (const ColumnReport& c : report.columns) write_column(w, c);
  w.end_array();
  w.end_object();
  return w.take();
}

std::string compare_csv_json(std::string_view reference, std::string_view current, const CompareOptions& opt) {
  return to_json(compare_csv(reference, current, opt));
}

}  // namespace divergence
