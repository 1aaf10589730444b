// CompareSpec: defaults, validation, option strings.
#include "divergence/report_spec.hpp"

#include <cmath>
#include <cstdint>
#include <limits>

#include "divergence/columns.hpp"
#include "divergence/errors.hpp"
#include "divergence/format.hpp"

namespace divergence {
namespace {

constexpr std::size_t kMaxBins = 1000000;
constexpr const char* kBinningKnown =
    "equal-width:N, reference-quantile:N, auto, sturges, doane, fd, edges:a,b,c";

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// A decimal integer in [lo, hi], whole text; else throws "<option>: <what> must be an integer ...".
std::uint64_t parse_u64(std::string_view text, const char* option, const char* what, std::uint64_t lo, std::uint64_t hi) {
  std::uint64_t v = 0;
  bool ok = !text.empty() && text.size() <= 18;
  for (char c : text) {
    if (c < '0' || c > '9') {
      ok = false;
      break;
    }
    v = v * 10 + static_cast<std::uint64_t>(c - '0');
  }
  if (!ok || v < lo || v > hi) {
    throw range_error(option, std::string(what) + " must be an integer between " + std::to_string(lo) + " and " +
                                  std::to_string(hi) + " (got " + quoted(text) + ")");
  }
  return v;
}

std::size_t parse_count(std::string_view text, const char* option, const char* what, std::size_t lo, std::size_t hi) {
  return static_cast<std::size_t>(parse_u64(text, option, what, lo, hi));
}

double parse_number(std::string_view text, const char* option, const char* what) {
  double x = 0.0;
  if (!parse_finite_double(text, x)) throw range_error(option, std::string(what) + " must be a finite number (got " + quoted(text) + ")");
  return x;
}

std::vector<std::string_view> split(std::string_view text, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (;;) {
    const std::size_t k = text.find(sep, start);
    if (k == std::string_view::npos) {
      parts.push_back(text.substr(start));
      return parts;
    }
    parts.push_back(text.substr(start, k - start));
    start = k + 1;
  }
}

ColumnKind parse_kind(std::string_view name, const std::string& column) {
  if (name == "numeric") return ColumnKind::Numeric;
  if (name == "categorical") return ColumnKind::Categorical;
  if (name == "boolean") return ColumnKind::Boolean;
  throw range_error("types", "unknown type " + quoted(name) + " for column " + quoted(column) +
                                 " (known: numeric, categorical, boolean)");
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

DriftRule parse_rule(std::string_view text, const char* option, ColumnKind kind) {
  const std::size_t colon = text.rfind(':');
  if (colon == std::string_view::npos) throw range_error(option, "expected measure:threshold (got " + quoted(text) + ")");
  DriftRule rule;
  rule.measure = std::string(text.substr(0, colon));
  const auto& known = custom_measures(kind);
  bool found = false;
  for (const std::string& m : known) found = found || m == rule.measure;
  if (!found) throw range_error(option, "unknown measure " + quoted(rule.measure) + " (known: " + join(known) + ")");
  rule.threshold = parse_number(text.substr(colon + 1), option, "the threshold");
  return rule;
}

void check_rule(const DriftRule& rule, const char* field, ColumnKind kind) {
  bool found = false;
  for (const std::string& m : custom_measures(kind)) found = found || m == rule.measure;
  if (!found) throw range_error(field, "unknown measure " + quoted(rule.measure) + " (known: " + join(custom_measures(kind)) + ")");
  if (!std::isfinite(rule.threshold)) throw range_error(field, "threshold must be finite (got " + format_number(rule.threshold) + ")");
}

std::size_t parse_bytes(std::string_view text, const char* option) {
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  const std::string_view suffix = text.substr(digits);
  std::size_t shift = 0;
  if (suffix.empty() || suffix == "B") {
    shift = 0;
  } else if (suffix == "K" || suffix == "KB" || suffix == "KiB") {
    shift = 10;
  } else if (suffix == "M" || suffix == "MB" || suffix == "MiB") {
    shift = 20;
  } else if (suffix == "G" || suffix == "GB" || suffix == "GiB") {
    shift = 30;
  } else {
    throw range_error(option, "expected a byte count such as 67108864 or 64M (got " + quoted(text) + ")");
  }
  const std::uint64_t bytes = parse_u64(text.substr(0, digits), option, "the byte count", 0, std::uint64_t{1} << 40) << shift;
  if (bytes > std::numeric_limits<std::size_t>::max()) {
    throw range_error(option, "too large for this platform (got " + quoted(text) + ")");
  }
  return static_cast<std::size_t>(bytes);
}

}  // namespace

const char* column_kind_name(ColumnKind kind) {
  switch (kind) {
    case ColumnKind::Numeric: return "numeric";
    case ColumnKind::Categorical: return "categorical";
    case ColumnKind::Boolean: return "boolean";
  }
  return "?";
}

std::string BinningSpec::name() const {
  switch (kind) {
    case Kind::EqualWidth: return "equal-width:" + std::to_string(bins);
    case Kind::ReferenceQuantile: return "reference-quantile:" + std::to_string(bins);
    case Kind::Rule: return bin_rule_name(rule);
    case Kind::Edges: {
      std::string s = "edges:";
      for (std::size_t i = 0; i < edges.size(); ++i) s += (i ? "," : "") + format_number(edges[i]);
      return s;
    }
  }
  return "?";
}

BinningSpec parse_binning(std::string_view text, const char* option) {
  BinningSpec b;
  if (starts_with(text, "equal-width:")) {
    b.kind = BinningSpec::Kind::EqualWidth;
    b.bins = parse_count(text.substr(12), option, "bin count", 1, kMaxBins);
  } else if (starts_with(text, "reference-quantile:")) {
    b.kind = BinningSpec::Kind::ReferenceQuantile;
    b.bins = parse_count(text.substr(19), option, "bin count", 1, kMaxBins);
  } else if (text == "auto" || text == "sturges" || text == "doane" || text == "fd") {
    b.kind = BinningSpec::Kind::Rule;
    b.rule = bin_rule_from_name(text, option);
  } else if (starts_with(text, "edges:")) {
    b.kind = BinningSpec::Kind::Edges;
    const auto parts = split(text.substr(6), ',');
    for (std::size_t i = 0; i < parts.size(); ++i) {
      double x = 0.0;
      if (!parse_finite_double(parts[i], x)) {
        throw range_error(option, "edge " + std::to_string(i) + " is not a finite number (got " + quoted(parts[i]) + ")");
      }
      if (!b.edges.empty() && !(x > b.edges.back())) {
        throw range_error(option, "edges must be strictly increasing (edge " + std::to_string(i) + " is " +
                                      format_number(x) + " after " + format_number(b.edges.back()) + ")");
      }
      b.edges.push_back(x);
    }
    if (b.edges.size() < 2) throw range_error(option, "need at least 2 edges (got " + std::to_string(b.edges.size()) + ")");
  } else {
    throw range_error(option, "unknown rule " + quoted(text) + " (known: " + kBinningKnown + ")");
  }
  return b;
}

Smoothing parse_smoothing(std::string_view text, const char* option) {
  if (text == "none") return Smoothing::none();
  Smoothing s;
  std::string_view amount;
  if (starts_with(text, "epsilon:")) {
    s.kind = Smoothing::Kind::Epsilon;
    amount = text.substr(8);
  } else if (starts_with(text, "pseudocount:")) {
    s.kind = Smoothing::Kind::Pseudocount;
    amount = text.substr(12);
  } else {
    throw range_error(option, "unknown method " + quoted(text) + " (known: epsilon:X, pseudocount:X, none)");
  }
  double x = 0.0;
  if (!parse_finite_double(amount, x) || !(x > 0.0)) {
    throw range_error(option, "amount must be a finite number > 0 (got " + quoted(amount) + ")");
  }
  s.amount = x;
  return s;
}

std::string smoothing_name(const Smoothing& s) {
  switch (s.kind) {
    case Smoothing::Kind::None: return "none";
    case Smoothing::Kind::Epsilon: return "epsilon:" + format_number(s.amount);
    case Smoothing::Kind::Pseudocount: return "pseudocount:" + format_number(s.amount);
  }
  return "?";
}

const char* drift_preset_name(DriftPreset preset) {
  switch (preset) {
    case DriftPreset::Default: return "default";
    case DriftPreset::Psi: return "psi";
    case DriftPreset::Custom: return "custom";
  }
  return "?";
}

const std::vector<std::string>& custom_measures(ColumnKind kind) {
  static const std::vector<std::string> numeric = {
      "ks",  "wasserstein_normed", "wasserstein", "psi", "psi_bins", "js_distance_base_e", "js_divergence_base2",
      "kl_ref_cur_smoothed", "kl_cur_ref_smoothed", "tvd", "hellinger"};
  static const std::vector<std::string> categorical = {
      "chi2", "chi2_homogeneity", "psi", "js_distance_base_e", "js_divergence_base2", "kl_ref_cur_smoothed",
      "kl_cur_ref_smoothed", "tvd", "hellinger"};
  return kind == ColumnKind::Numeric ? numeric : categorical;
}

bool is_pvalue_measure(std::string_view measure) {
  return measure == "ks" || measure == "chi2" || measure == "chi2_homogeneity";
}

CompareSpec::CompareSpec() : missing_tokens(default_missing_tokens()) {}

void check_spec(const CompareSpec& spec) {
  const BinningSpec& b = spec.binning;
  if ((b.kind == BinningSpec::Kind::EqualWidth || b.kind == BinningSpec::Kind::ReferenceQuantile) &&
      (b.bins < 1 || b.bins > kMaxBins)) {
    throw range_error("binning", "bin count must be between 1 and 1000000 (got " + std::to_string(b.bins) + ")");
  }
  if (b.kind == BinningSpec::Kind::Edges) {
    if (b.edges.size() < 2) throw range_error("binning", "need at least 2 edges (got " + std::to_string(b.edges.size()) + ")");
    for (std::size_t i = 0; i < b.edges.size(); ++i) {
      if (!std::isfinite(b.edges[i])) throw range_error("binning", "edge " + std::to_string(i) + " is not finite");
      if (i > 0 && !(b.edges[i] > b.edges[i - 1])) {
        throw range_error("binning", "edges must be strictly increasing (edge " + std::to_string(i) + ")");
      }
    }
  }
  if (spec.quantile_bins < 1 || spec.quantile_bins > kMaxBins) {
    throw range_error("quantile_bins", "must be between 1 and 1000000 (got " + std::to_string(spec.quantile_bins) + ")");
  }
  if (spec.smoothing.kind != Smoothing::Kind::None && !(std::isfinite(spec.smoothing.amount) && spec.smoothing.amount > 0.0)) {
    throw range_error("smoothing", "amount must be a finite number > 0 (got " + format_number(spec.smoothing.amount) + ")");
  }
  check_rule(spec.custom_numeric, "custom_numeric", ColumnKind::Numeric);
  check_rule(spec.custom_categorical, "custom_categorical", ColumnKind::Categorical);
  if (!(std::isfinite(spec.psi_moderate) && std::isfinite(spec.psi_major) && spec.psi_moderate > 0.0 &&
        spec.psi_major >= spec.psi_moderate)) {
    throw range_error("psi_thresholds", "need 0 < moderate <= major (got " + format_number(spec.psi_moderate) + ", " +
                                            format_number(spec.psi_major) + ")");
  }
  if (!(spec.drift_share > 0.0 && spec.drift_share <= 1.0)) {
    throw range_error("drift_share", "must be a number in (0, 1] (got " + format_number(spec.drift_share) + ")");
  }
  if (!(spec.missing_alpha > 0.0 && spec.missing_alpha < 1.0)) {
    throw range_error("missing_alpha", "must be a number in (0, 1) (got " + format_number(spec.missing_alpha) + ")");
  }
  if (!(spec.missing_min_change >= 0.0 && spec.missing_min_change <= 1.0)) {
    throw range_error("missing_min_change", "must be a number in [0, 1] (got " + format_number(spec.missing_min_change) + ")");
  }
  if (spec.category_limit < 1) throw range_error("category_limit", "must be >= 1 (got 0)");
  if (spec.sketch_k < 8 || spec.sketch_k % 2 != 0) {
    throw range_error("sketch_k", "must be an even number >= 8 (got " + std::to_string(spec.sketch_k) + ")");
  }
  if (spec.max_columns < 1) throw range_error("max_columns", "must be >= 1 (got 0)");
  for (const auto& o : spec.type_overrides) {
    if (o.first.empty()) throw range_error("types", "empty column name");
  }
}

CompareSpec parse_compare_spec(const std::vector<std::pair<std::string, std::string>>& options) {
  static const char* kKnown =
      "format, binning, quantile-bins, smoothing, missing, types, preset, custom-numeric, custom-categorical, "
      "psi-thresholds, drift-share, missing-alpha, missing-min-change, memory-budget, category-limit, sketch-k, "
      "max-columns";
  CompareSpec spec;
  for (const auto& [key, value] : options) {
    const std::string_view v(value);
    if (key == "format") {
      if (v == "auto") {
        spec.format = InputFormat::Auto;
      } else if (v == "csv") {
        spec.format = InputFormat::Csv;
      } else if (v == "jsonl") {
        spec.format = InputFormat::JsonLines;
      } else {
        throw range_error("format", "unknown format " + quoted(v) + " (known: auto, csv, jsonl)");
      }
    } else if (key == "binning") {
      spec.binning = parse_binning(v);
    } else if (key == "quantile-bins") {
      spec.quantile_bins = parse_count(v, "quantile-bins", "the bin count", 1, kMaxBins);
    } else if (key == "smoothing") {
      spec.smoothing = parse_smoothing(v);
    } else if (key == "missing") {
      spec.missing_tokens.clear();
      if (!v.empty()) {
        for (std::string_view t : split(v, ',')) spec.missing_tokens.emplace_back(t);
      }
    } else if (key == "types") {
      spec.type_overrides.clear();
      if (!v.empty()) {
        for (std::string_view item : split(v, ',')) {
          const std::size_t colon = item.rfind(':');
          if (colon == std::string_view::npos || colon == 0) {
            throw range_error("types", "expected name:type (got " + quoted(item) + ")");
          }
          const std::string column(item.substr(0, colon));
          spec.type_overrides.emplace_back(column, parse_kind(item.substr(colon + 1), column));
        }
      }
    } else if (key == "preset") {
      if (v == "default") {
        spec.preset = DriftPreset::Default;
      } else if (v == "psi") {
        spec.preset = DriftPreset::Psi;
      } else if (v == "custom") {
        spec.preset = DriftPreset::Custom;
      } else {
        throw range_error("preset", "unknown preset " + quoted(v) + " (known: default, psi, custom)");
      }
    } else if (key == "custom-numeric") {
      spec.custom_numeric = parse_rule(v, "custom-numeric", ColumnKind::Numeric);
    } else if (key == "custom-categorical") {
      spec.custom_categorical = parse_rule(v, "custom-categorical", ColumnKind::Categorical);
    } else if (key == "psi-thresholds") {
      const auto parts = split(v, ',');
      if (parts.size() != 2) throw range_error("psi-thresholds", "expected moderate,major (got " + quoted(v) + ")");
      spec.psi_moderate = parse_number(parts[0], "psi-thresholds", "moderate");
      spec.psi_major = parse_number(parts[1], "psi-thresholds", "major");
      if (!(spec.psi_moderate > 0.0 && spec.psi_major >= spec.psi_moderate)) {
        throw range_error("psi-thresholds", "need 0 < moderate <= major (got " + quoted(v) + ")");
      }
    } else if (key == "drift-share") {
      spec.drift_share = parse_number(v, "drift-share", "the share");
      if (!(spec.drift_share > 0.0 && spec.drift_share <= 1.0)) {
        throw range_error("drift-share", "must be a number in (0, 1] (got " + quoted(v) + ")");
      }
    } else if (key == "missing-alpha") {
      spec.missing_alpha = parse_number(v, "missing-alpha", "alpha");
      if (!(spec.missing_alpha > 0.0 && spec.missing_alpha < 1.0)) {
        throw range_error("missing-alpha", "must be a number in (0, 1) (got " + quoted(v) + ")");
      }
    } else if (key == "missing-min-change") {
      spec.missing_min_change = parse_number(v, "missing-min-change", "the change");
      if (!(spec.missing_min_change >= 0.0 && spec.missing_min_change <= 1.0)) {
        throw range_error("missing-min-change", "must be a number in [0, 1] (got " + quoted(v) + ")");
      }
    } else if (key == "memory-budget") {
      spec.memory_budget_bytes = parse_bytes(v, "memory-budget");
    } else if (key == "category-limit") {
      spec.category_limit = parse_count(v, "category-limit", "the limit", 1, 100000000);
    } else if (key == "sketch-k") {
      spec.sketch_k = parse_count(v, "sketch-k", "k", 8, 1 << 24);
      if (spec.sketch_k % 2 != 0) throw range_error("sketch-k", "must be even (got " + quoted(v) + ")");
    } else if (key == "max-columns") {
      spec.max_columns = parse_count(v, "max-columns", "the limit", 1, 1000000);
    } else {
      throw range_error("options", "unknown option " + quoted(key) + " (known: " + kKnown + ")");
    }
  }
  check_spec(spec);
  return spec;
}

std::vector<std::pair<std::string, std::string>> spec_options(const CompareSpec& spec) {
  std::vector<std::pair<std::string, std::string>> out;
  out.emplace_back("format", input_format_name(spec.format));
  out.emplace_back("binning", spec.binning.name());
  out.emplace_back("quantile-bins", std::to_string(spec.quantile_bins));
  out.emplace_back("smoothing", smoothing_name(spec.smoothing));
  std::string missing;
  for (std::size_t i = 0; i < spec.missing_tokens.size(); ++i) missing += (i ? "," : "") + spec.missing_tokens[i];
  out.emplace_back("missing", missing);
  std::string types;
  for (const auto& [name, kind] : spec.type_overrides) types += (types.empty() ? "" : ",") + name + ":" + column_kind_name(kind);
  out.emplace_back("types", types);
  out.emplace_back("preset", drift_preset_name(spec.preset));
  out.emplace_back("custom-numeric", spec.custom_numeric.measure + ":" + format_number(spec.custom_numeric.threshold));
  out.emplace_back("custom-categorical", spec.custom_categorical.measure + ":" + format_number(spec.custom_categorical.threshold));
  out.emplace_back("psi-thresholds", format_number(spec.psi_moderate) + "," + format_number(spec.psi_major));
  out.emplace_back("drift-share", format_number(spec.drift_share));
  out.emplace_back("missing-alpha", format_number(spec.missing_alpha));
  out.emplace_back("missing-min-change", format_number(spec.missing_min_change));
  out.emplace_back("memory-budget", std::to_string(spec.memory_budget_bytes));
  out.emplace_back("category-limit", std::to_string(spec.category_limit));
  out.emplace_back("sketch-k", std::to_string(spec.sketch_k));
  out.emplace_back("max-columns", std::to_string(spec.max_columns));
  return out;
}

}  // namespace divergence
