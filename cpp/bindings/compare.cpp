// Embind bindings of the dataset comparison (conventions: bridge.hpp): two files' bytes in, the
// report (JSON, schema documented in divergence/report.hpp) out.
#include <emscripten/bind.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "bridge.hpp"
#include "spec_text.hpp"
#include "divergence/compare.hpp"
#include "divergence/report_spec.hpp"

namespace {

using namespace bridge;

std::string compare_csv(std::uintptr_t ref, std::size_t nref, std::uintptr_t cur, std::size_t ncur, int bins,
                        double epsilon) {
  return guarded([&] {
    divergence::CompareOptions opt;
    opt.bins = bins;
    opt.epsilon = epsilon;
    const std::string_view r(reinterpret_cast<const char*>(ref), nref);
    const std::string_view c(reinterpret_cast<const char*>(cur), ncur);
    return divergence::compare_csv_json(r, c, opt);
  });
}

// options: "key=value" lines, the keys of parse_compare_spec (report_spec.hpp): binning,
// smoothing, preset, missing, types, ...
std::string compare_with_options(std::uintptr_t ref, std::size_t nref, std::uintptr_t cur, std::size_t ncur,
                                 val options_text) {
  const std::string options = text(options_text);
  return guarded([&] {
    const std::string_view r(reinterpret_cast<const char*>(ref), nref);
    const std::string_view c(reinterpret_cast<const char*>(cur), ncur);
    return divergence::compare_buffers_json(r, c, spec_from_text(options));
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(divergence_compare) {
  emscripten::function("compareCsv", &compare_csv);
  emscripten::function("compareWithOptions", &compare_with_options);
}
