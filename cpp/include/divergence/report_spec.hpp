// What a dataset comparison computes and how it decides drift: CompareSpec, and its parser from
// option strings (what a UI or a command line passes).
//
// Option strings accepted by parse_compare_spec (key -> value; every key optional):
//   format             auto | csv | jsonl                               (default auto: '{' first -> jsonl)
//   binning            equal-width:N | reference-quantile:N | auto | sturges | doane | fd | edges:a,b,c
//                      (default equal-width:20; N in 1..1000000; edges: >= 2 finite, strictly increasing)
//   quantile-bins      N: the reference-quantile bins of quantile_bins / PSI (default 10 = deciles)
//   smoothing          epsilon:X | pseudocount:X | none                  (default epsilon:0.0001; X finite > 0)
//   missing            the missing tokens, comma-separated; an empty item is the empty field
//                      (default: see default_missing_tokens() in columns.hpp). "" = no tokens at all.
//   types              name:type,... with type numeric | categorical | boolean (overrides inference)
//   preset             default | psi | custom                            (drift.hpp documents them)
//   custom-numeric     measure:threshold for preset custom (default wasserstein_normed:0.1)
//   custom-categorical measure:threshold for preset custom (default js_distance_base_e:0.1)
//   psi-thresholds     moderate,major (default 0.1,0.25)
//   drift-share        share of drifted columns that makes the dataset drifted, in (0, 1] (default 0.5)
//   missing-alpha      p-value below which a change of the missing share is flagged (default 0.05)
//   missing-min-change absolute change of the missing share needed as well (default 0.01)
//   memory-budget      bytes of stored numeric values per side before columns switch to the sketch:
//                      an integer with an optional suffix K, M, G (binary: 64M = 64 * 2^20; default 64M)
//   category-limit     distinct labels counted exactly per column and side (default 10000)
//   sketch-k           values per level of the quantile sketch, even >= 8 (default 4096)
//   max-columns        columns allowed per file (default 4096)
// Errors (ArgumentError, Kind::Range) name the option:
//   "binning: unknown rule 'equal:20' (known: equal-width:N, reference-quantile:N, auto, sturges, doane, fd, edges:a,b,c)"
//   "binning: bin count must be an integer between 1 and 1000000 (got 'x')"
//   "smoothing: unknown method 'add:1' (known: epsilon:X, pseudocount:X, none)"
//   "types: unknown type 'int' for column 'age' (known: numeric, categorical, boolean)"
//   "custom-numeric: unknown measure 'foo' (known: ks, wasserstein_normed, ...)"
//   "options: unknown option 'bins' (known: format, binning, ...)"
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "divergence/bin_rules.hpp"
#include "divergence/options.hpp"
#include "divergence/stream_reader.hpp"

namespace divergence {

enum class ColumnKind { Numeric, Categorical, Boolean };

// "numeric", "categorical", "boolean"; the inverse throws "<argument>: unknown type ...".
const char* column_kind_name(ColumnKind kind);

struct BinningSpec {
  enum class Kind { EqualWidth, ReferenceQuantile, Rule, Edges };
  Kind kind = Kind::EqualWidth;
  std::size_t bins = 20;        // EqualWidth and ReferenceQuantile
  BinRule rule = BinRule::Auto;  // Rule
  std::vector<double> edges;     // Edges

  // The option text: "equal-width:20", "reference-quantile:10", "sturges", "edges:0,1.5,3".
  std::string name() const;
};

// Parses a binning option (errors as above, naming `option`).
BinningSpec parse_binning(std::string_view text, const char* option = "binning");
// Parses a smoothing option; smoothing_name gives it back ("epsilon:0.0001", "pseudocount:0.5", "none").
Smoothing parse_smoothing(std::string_view text, const char* option = "smoothing");
std::string smoothing_name(const Smoothing& s);

enum class DriftPreset { Default, Psi, Custom };
const char* drift_preset_name(DriftPreset preset);

// A measure and its threshold for DriftPreset::Custom. P-value measures (ks, chi2,
// chi2_homogeneity) flag drift when p < threshold; the others when score >= threshold.
struct DriftRule {
  std::string measure;
  double threshold = 0.0;
};

// Measures usable in custom rules, per column kind (boolean columns use the categorical list):
//   numeric:     ks (p-value), wasserstein_normed, wasserstein, psi (reference-quantile bins),
//                psi_bins, js_distance_base_e, js_divergence_base2, kl_ref_cur_smoothed,
//                kl_cur_ref_smoothed, tvd, hellinger
//   categorical: chi2 (p-value, goodness of fit with expected counts from the reference, as
//                Evidently), chi2_homogeneity (p-value), psi, js_distance_base_e, js_divergence_base2,
//                kl_ref_cur_smoothed, kl_cur_ref_smoothed, tvd, hellinger
const std::vector<std::string>& custom_measures(ColumnKind kind);
bool is_pvalue_measure(std::string_view measure);

struct CompareSpec {
  InputFormat format = InputFormat::Auto;
  BinningSpec binning;                             // the shared bins of every numeric column
  std::size_t quantile_bins = 10;                  // reference-quantile bins (PSI on deciles)
  Smoothing smoothing = Smoothing::epsilon(1e-4);  // for the *_smoothed measures and PSI
  std::vector<std::string> missing_tokens;         // see the constructor
  std::vector<std::pair<std::string, ColumnKind>> type_overrides;  // column name -> type
  DriftPreset preset = DriftPreset::Default;
  DriftRule custom_numeric{"wasserstein_normed", 0.1};
  DriftRule custom_categorical{"js_distance_base_e", 0.1};
  double psi_moderate = 0.1;  // PSI preset: "moderate" shift from here
  double psi_major = 0.25;    // PSI preset: "major" shift (drift) from here
  double drift_share = 0.5;   // dataset verdict: drifted when share of drifted columns >= this
  double missing_alpha = 0.05;
  double missing_min_change = 0.01;
  std::size_t memory_budget_bytes = std::size_t{64} << 20;  // per side, stored numeric values
  std::size_t category_limit = 10000;
  std::size_t sketch_k = 4096;
  std::size_t max_columns = 4096;

  CompareSpec();  // missing_tokens = default_missing_tokens()
};

// Throws ArgumentError naming the field for a value out of range ("drift_share: must be a number
// in (0, 1] (got 2)", "sketch_k: must be an even number >= 8 (got 5)", ...).
void check_spec(const CompareSpec& spec);

// Builds a spec from option strings (the table above); later keys override earlier ones.
CompareSpec parse_compare_spec(const std::vector<std::pair<std::string, std::string>>& options);

// The spec as option strings, in the order of the table above (what the report prints).
std::vector<std::pair<std::string, std::string>> spec_options(const CompareSpec& spec);

}  // namespace divergence
