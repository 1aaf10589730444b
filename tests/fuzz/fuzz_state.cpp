// Fuzz target: the saved accumulator state (accumulator_state.hpp) read back from arbitrary bytes,
// as a merging worker or page would receive it. FormatError/ArgumentError are expected; when the
// bytes restore, the accumulator must behave as a real one: serializing it again is a fixed point,
// it merges with a copy of itself, and comparing it with itself and with the merged one gives a
// report with no NaN where a number is promised. Crashes, sanitizer reports and aborts are findings.
// Seeds: real saved states of the example pairs (scripts/fuzz-state-seeds.mjs).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "divergence/accumulator_state.hpp"
#include "divergence/errors.hpp"
#include "divergence/report.hpp"
#include "fuzz_input.hpp"

namespace {

void check_report(const divergence::ComparisonReport& r) {
  fuzz::not_nan(r.verdict.share);
  for (const divergence::ColumnComparison& c : r.columns) {
    fuzz::not_nan(c.missing_change.change);
    fuzz::not_nan(c.missing_change.pvalue);
    if (!c.error.empty()) continue;
    if (c.type == divergence::ColumnKind::Numeric) {
      const divergence::NumericMetrics& m = c.numeric;
      for (double x : {m.bins.kl_ref_cur_smoothed, m.bins.js_distance_base_e, m.bins.psi_smoothed, m.bins.tvd,
                       m.bins.hellinger, m.psi_ref_quantile, m.wasserstein, m.ks_statistic, m.ks_pvalue}) {
        fuzz::not_nan(x);
      }
      // The marked gap: its two ECDF values differ by the statistic (exact sides: up to SciPy's
      // h / lcm rounding of the statistic).
      if (c.has_ecdf && std::fabs(std::fabs(c.ks_gap.ref - c.ks_gap.cur) - c.ks_gap.size) > 1e-12) std::abort();
    } else {
      fuzz::not_nan(c.categories.metrics.tvd);
      fuzz::not_nan(c.categories.homogeneity.pvalue);
    }
    if (c.has_drift) fuzz::not_nan(c.drift.score);
  }
  (void)divergence::report_json(r);  // writes null for undefined values (report.hpp)
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const divergence::CompareSpec spec;
  try {
    divergence::DatasetAccumulator a = divergence::deserialize_accumulator(bytes, spec);
    const std::string again = divergence::serialize_accumulator(a);
    divergence::DatasetAccumulator b = divergence::deserialize_accumulator(again, spec);
    if (divergence::serialize_accumulator(b) != again) std::abort();  // not a fixed point
    check_report(divergence::compare_datasets(a, b, spec));
    try {
      b.merge(divergence::deserialize_accumulator(again, spec));
      check_report(divergence::compare_datasets(a, b, spec));
    } catch (const divergence::ArgumentError&) {
    }
  } catch (const divergence::FormatError&) {
  } catch (const divergence::ArgumentError&) {
  }
  return 0;
}
