// Embind bindings of the binning rules (conventions: bridge.hpp). The result is written into an
// output buffer sized by the caller for the worst case: [bins, refOutside, curOutside,
// edges (bins+1), refCounts (bins), curCounts (bins)].
#include <emscripten/bind.h>

#include <cstdint>
#include <string>

#include "bridge.hpp"
#include "divergence/bin_rules.hpp"
#include "divergence/binning.hpp"
#include "divergence/errors.hpp"

namespace {

using namespace bridge;

void write(const divergence::BinnedPair& b, std::uintptr_t out, std::size_t capacity) {
  const std::size_t bins = b.ref_counts.size();
  if (3 + 3 * bins + 1 > capacity) throw divergence::range_error("bins", "more bins than the output buffer holds");
  double* o = out_ptr(out);
  o[0] = static_cast<double>(bins);
  o[1] = static_cast<double>(b.ref_outside);
  o[2] = static_cast<double>(b.cur_outside);
  std::copy(b.edges.begin(), b.edges.end(), o + 3);
  std::copy(b.ref_counts.begin(), b.ref_counts.end(), o + 4 + bins);
  std::copy(b.cur_counts.begin(), b.cur_counts.end(), o + 4 + 2 * bins);
}

// kind: 0 equal-width (count), 1 reference quantiles (count), 2 rule by name, 3 explicit edges.
void bin(int kind, std::uintptr_t r, std::size_t nr, std::uintptr_t c, std::size_t nc, std::size_t count,
         val rule_text, std::uintptr_t edges, std::size_t nedges, std::uintptr_t out, std::size_t capacity) {
  const std::string rule = text(rule_text);
  guarded([&] {
    const Span ref = span(r, nr), cur = span(c, nc);
    switch (kind) {
      case 0: {
        const auto b = divergence::equal_width_bins(ref, cur, count);
        divergence::BinnedPair p;
        p.edges = b.edges;
        p.ref_counts = b.ref_counts;
        p.cur_counts = b.cur_counts;
        return write(p, out, capacity);
      }
      case 1:
        return write(divergence::bin_by_reference_quantiles(ref, cur, count), out, capacity);
      case 2:
        return write(divergence::bin_by_rule(ref, cur, divergence::bin_rule_from_name(rule, "binning")), out, capacity);
      default: {
        const Span e = span(edges, nedges);
        return write(divergence::bin_with_edges(ref, cur, std::vector<double>(e.begin(), e.end())), out, capacity);
      }
    }
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(divergence_binning) { emscripten::function("binSamples", &bin); }
