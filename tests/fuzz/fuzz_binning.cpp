// Fuzz target: the edge rules, explicit edges and reference-quantile bins. Besides crashes and
// sanitizer reports, a finding is any value lost: counts plus the values outside must add up to
// the sample sizes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "divergence/bin_rules.hpp"
#include "divergence/binning.hpp"
#include "divergence/errors.hpp"
#include "fuzz_input.hpp"

namespace {

void check_total(const divergence::BinnedPair& b, std::size_t n_ref, std::size_t n_cur) {
  std::size_t r = b.ref_outside, c = b.cur_outside;
  for (std::size_t x : b.ref_counts) r += x;
  for (std::size_t x : b.cur_counts) c += x;
  if (r != n_ref || c != n_cur) std::abort();
}

template <class F>
void attempt(F f) {
  try {
    f();
  } catch (const divergence::ArgumentError&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::Input in(data, size);
  const std::uint8_t flags = in.byte();
  const auto ref = in.weights(in.byte() % 64);
  const auto cur = in.weights(in.byte() % 64);
  const auto edges = in.weights(in.byte() % 8);
  const auto rule = static_cast<divergence::BinRule>(flags % 4);
  attempt([&] { check_total(divergence::bin_by_rule(ref, cur, rule), ref.size(), cur.size()); });
  attempt([&] { check_total(divergence::bin_with_edges(ref, cur, edges), ref.size(), cur.size()); });
  attempt([&] { check_total(divergence::bin_by_reference_quantiles(ref, cur, 1 + (flags >> 2) % 20), ref.size(), cur.size()); });
  attempt([&] {
    const auto b = divergence::equal_width_bins(ref, cur, 1 + (flags >> 3));
    std::size_t r = 0, c = 0;
    for (std::size_t x : b.ref_counts) r += x;
    for (std::size_t x : b.cur_counts) c += x;
    if (r != ref.size() || c != cur.size()) std::abort();
  });
  return 0;
}
