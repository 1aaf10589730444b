// Fuzz target: the histogram-summary reader (strict_json.cpp, summary_json.cpp) and the comparison of two
// summaries (summary_compare.cpp) on arbitrary bytes. The input is split at its first 0xFF byte
// into a reference and a current summary (or used for both). Format and argument errors are
// expected; crashes, sanitizer reports and a NaN in a computed metric are findings.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "divergence/errors.hpp"
#include "divergence/report_spec.hpp"
#include "divergence/summary.hpp"

namespace {

void no_nan(double x) {
  if (std::isnan(x)) std::abort();
}

void check_metrics(const divergence::DriftMetrics& m) {
  for (double x : {m.kl_ref_cur_raw, m.kl_cur_ref_raw, m.kl_ref_cur_smoothed, m.kl_cur_ref_smoothed,
                   m.js_distance_base_e, m.js_divergence_base2, m.psi_smoothed, m.tvd, m.hellinger}) {
    no_nan(x);
  }
}

void check_report(const divergence::ComparisonReport& r) {
  for (const divergence::ColumnComparison& c : r.columns) {
    if (!c.error.empty()) continue;
    if (c.type == divergence::ColumnKind::Numeric) {
      check_metrics(c.numeric.bins);
    } else {
      check_metrics(c.categories.metrics);
      no_nan(c.categories.homogeneity.statistic);
      no_nan(c.categories.homogeneity.pvalue);
      no_nan(c.categories.gof.pvalue);
    }
    no_nan(c.missing_change.pvalue);
    if (c.has_drift) {
      no_nan(c.drift.score);
      no_nan(c.drift.effect_size);
    }
  }
  no_nan(r.verdict.share);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view all(reinterpret_cast<const char*>(data), size);
  const std::size_t cut = all.find('\xff');
  const std::string_view ref = cut == std::string_view::npos ? all : all.substr(0, cut);
  const std::string_view cur = cut == std::string_view::npos ? all : all.substr(cut + 1);
  static const divergence::CompareSpec plain;
  static const divergence::CompareSpec psi = divergence::parse_compare_spec({{"preset", "psi"}, {"smoothing", "none"}});
  try {
    const divergence::HistogramSummary r = divergence::parse_summary(ref, "reference");
    const divergence::HistogramSummary c = divergence::parse_summary(cur, "current");
    check_report(divergence::compare_summaries(r, c, plain));
    check_report(divergence::compare_summaries(r, c, psi));
  } catch (const divergence::FormatError&) {
  } catch (const divergence::ArgumentError&) {
  }
  return 0;
}
