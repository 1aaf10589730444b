// Reading ../shared/data (the example pairs and expected.json) from the tests.
#pragma once

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>

namespace shared_data {

inline const std::string kDataDir = std::string(DIVERGENCE_SHARED_DIR) + "/data";

// The whole file as bytes; throws with the path when it cannot be opened.
inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// ../shared/data/expected.json, parsed once.
inline const nlohmann::json& expected() {
  static const nlohmann::json all = nlohmann::json::parse(read_file(kDataDir + "/expected.json"));
  return all;
}

}  // namespace shared_data
