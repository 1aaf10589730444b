// Embind bindings of the dataset comparison (conventions: bridge.hpp): two files' bytes in, the
// report (JSON, schema documented in divergence/report.hpp) out.
#include <emscripten/bind.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "bridge.hpp"
#include "divergence/compare.hpp"

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

}  // namespace

EMSCRIPTEN_BINDINGS(divergence_compare) { emscripten::function("compareCsv", &compare_csv); }
