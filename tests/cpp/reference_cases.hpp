// Loads ../shared/reference/reference_cases.json and resolves each case's arguments and the
// value to compare against (SciPy's full-precision recomputation where the case's own expected
// value is rounded, the newer correct value where the case says SciPy 1.10 disagrees).
#pragma once

#include <cmath>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

namespace reference {

using nlohmann::json;

inline const json& cases() {
  static const json all = [] {
    std::ifstream in(std::string(DIVERGENCE_SHARED_DIR) + "/reference/reference_cases.json");
    if (!in) throw std::runtime_error("cannot open reference_cases.json under " DIVERGENCE_SHARED_DIR);
    return json::parse(in);
  }();
  return all;
}

inline double number(const json& v) {
  if (v.is_number()) return v.get<double>();
  const std::string s = v.get<std::string>();
  if (s == "inf") return std::numeric_limits<double>::infinity();
  if (s == "-inf") return -std::numeric_limits<double>::infinity();
  if (s == "nan") return std::numeric_limits<double>::quiet_NaN();
  throw std::runtime_error("not a number: " + s);
}

inline std::vector<double> vec(const json& v) {
  std::vector<double> out;
  for (const auto& x : v) out.push_back(number(x));
  return out;
}

// The three long-vector cases describe their inputs in words; this is their meaning.
inline void generate(const std::string& g, std::vector<double>& p, std::vector<double>& q) {
  p.clear();
  q.clear();
  if (g.rfind("p_i = i+1, q_i = 1000-i for i=0..999", 0) == 0) {
    for (int i = 0; i < 1000; ++i) {
      p.push_back(i + 1.0);
      q.push_back(1000.0 - i);
    }
  } else if (g.rfind("p_i = exp(-i/1000), q_i = exp(-i/2000), i=0..9999", 0) == 0) {
    for (int i = 0; i < 10000; ++i) {
      p.push_back(std::exp(-i / 1000.0));
      q.push_back(std::exp(-i / 2000.0));
    }
  } else {
    throw std::runtime_error("unknown generator: " + g);
  }
}

// What a case expects from us.
struct Expectation {
  enum class Kind { Value, Error } kind;
  double value = 0.0;
  std::string why;  // for errors: which SciPy behaviour we replace with an error
};

inline Expectation expectation(const json& c) {
  const json& e = c["expected"];
  if (e.is_object()) return {Expectation::Kind::Error, 0.0, "SciPy raises " + e.value("error", std::string("an error"))};
  const double expected = number(e);
  if (std::isnan(expected)) return {Expectation::Kind::Error, 0.0, "SciPy/math.js return NaN; we raise"};
  if (c.contains("args") && c["args"].contains("p") && c["args"]["p"].is_array() && c["args"]["p"].empty()) {
    return {Expectation::Kind::Error, 0.0, "SciPy returns 0 for empty input; we raise"};
  }
  double v = expected;
  if (c.contains("check") && c["check"].is_object() && c["check"].value("agrees", false) &&
      c["check"].contains("value") && !c["check"]["value"].is_object()) {
    v = number(c["check"]["value"]);  // full-precision recomputation of a rounded expected value
  }
  return {Expectation::Kind::Value, v, ""};
}

// Relative closeness with an absolute floor for values at zero.
inline bool close(double got, double want, double rtol = 1e-12, double atol = 1e-15) {
  if (std::isinf(want)) return got == want;
  if (std::isnan(want)) return std::isnan(got);
  return std::fabs(got - want) <= atol + rtol * std::fabs(want);
}

}  // namespace reference
