// Embind bindings of the dataset comparison (conventions: bridge.hpp): two files' bytes in, the
// report (JSON, schema documented in divergence/report.hpp) out.
#include <emscripten/bind.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "bridge.hpp"
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
    std::vector<std::pair<std::string, std::string>> pairs;
    std::size_t start = 0;
    while (start < options.size()) {
      std::size_t end = options.find('\n', start);
      if (end == std::string::npos) end = options.size();
      const std::string line = options.substr(start, end - start);
      const std::size_t eq = line.find('=');
      if (eq != std::string::npos) pairs.emplace_back(line.substr(0, eq), line.substr(eq + 1));
      start = end + 1;
    }
    const std::string_view r(reinterpret_cast<const char*>(ref), nref);
    const std::string_view c(reinterpret_cast<const char*>(cur), ncur);
    return divergence::compare_buffers_json(r, c, divergence::parse_compare_spec(pairs));
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(divergence_compare) {
  emscripten::function("compareCsv", &compare_csv);
  emscripten::function("compareWithOptions", &compare_with_options);
}
