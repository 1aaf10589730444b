// Compare options as they cross the boundary: "key=value" lines with the keys of parse_compare_spec
// (report_spec.hpp): binning, smoothing, preset, missing, types, ... (web/src/compare/options.js
// writes them).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "divergence/report_spec.hpp"

namespace bridge {

inline divergence::CompareSpec spec_from_text(const std::string& options) {
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
  return divergence::parse_compare_spec(pairs);
}

}  // namespace bridge
