// Every wasserstein1, energy_distance, ks_2samp, chisquare and g_test case of
// ../shared/reference/reference_cases.json. Values are compared with SciPy 1.10.1's full-precision
// recomputation (check.value) where it agrees, else with the case's expected value; documented
// differences (we raise where SciPy returns NaN/inf for infinite input or empty data) are asserted
// as errors.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "divergence/errors.hpp"
#include "divergence/samples.hpp"
#include "reference_cases.hpp"

namespace {

using reference::json;

bool has_infinite(const std::vector<double>& v) {
  for (double x : v) {
    if (std::isinf(x)) return true;
  }
  return false;
}

std::vector<double> optional_vec(const json& args, const char* key) {
  if (!args.contains(key) || args[key].is_null()) return {};
  return reference::vec(args[key]);
}

double relative_error(double got, double want) {
  if (got == want) return 0.0;
  return std::fabs(got - want) / std::fabs(want);
}

// numpy.linspace(start, stop, num): start + i*step, the last point exactly stop.
std::vector<double> linspace(double start, double stop, int num) {
  std::vector<double> out(static_cast<std::size_t>(num));
  const double step = (stop - start) / (num - 1);
  for (int i = 0; i < num; ++i) out[static_cast<std::size_t>(i)] = i * step + start;
  out.back() = stop;
  return out;
}

// The value a case expects of us: SciPy 1.10.1's recomputation when it agrees, else `expected`.
const json& wanted(const json& c) {
  if (c.contains("check") && c["check"].is_object() && c["check"].value("agrees", false) &&
      c["check"].contains("value") && !(c["check"]["value"].is_object() && c["check"]["value"].contains("error"))) {
    return c["check"]["value"];
  }
  return c["expected"];
}

bool expects_error(const json& c) {
  const json& e = c["expected"];
  if (e.is_object() && e.contains("error")) return true;
  // SciPy 1.10.1 raised where later SciPy returns NaN: we raise, as 1.10.1 did.
  if (c.contains("check") && c["check"].is_object() && !c["check"].value("agrees", true) &&
      c["check"]["value"].is_object() && c["check"]["value"].contains("error")) {
    return true;
  }
  return false;
}

int count_of(const std::string& function) {
  int n = 0;
  for (const json& c : reference::cases()) n += c["function"] == function;
  return n;
}

TEST(SampleReference, CaseCounts) {
  // The suite below runs every one of these; a new case in the file must be looked at.
  EXPECT_EQ(count_of("wasserstein1"), 14);
  EXPECT_EQ(count_of("energy_distance"), 5);
  EXPECT_EQ(count_of("ks_2samp"), 13);
  EXPECT_EQ(count_of("chisquare"), 4);
  EXPECT_EQ(count_of("g_test"), 1);
}

TEST(SampleReference, Wasserstein1AndEnergyDistance) {
  int checked = 0;
  for (const json& c : reference::cases()) {
    const std::string f = c["function"];
    if (f != "wasserstein1" && f != "energy_distance") continue;
    const json& a = c["args"];
    const std::string at = f + " " + c["source"].get<std::string>();
    const std::vector<double> u = reference::vec(a["u_values"]), v = reference::vec(a["v_values"]);
    const std::vector<double> uw = optional_vec(a, "u_weights"), vw = optional_vec(a, "v_weights");
    auto run = [&] {
      return f == "wasserstein1" ? divergence::wasserstein1(u, v, uw, vw) : divergence::energy_distance(u, v, uw, vw);
    };
    ++checked;
    if (expects_error(c) || has_infinite(u) || has_infinite(v)) {
      // SciPy errors, or (infinite values) returns NaN / inf: we raise naming the argument.
      try {
        run();
        ADD_FAILURE() << at << ": no error";
      } catch (const divergence::ArgumentError& e) {
        const std::string msg = e.what();
        EXPECT_TRUE(msg.rfind("uValues", 0) == 0 || msg.rfind("vValues", 0) == 0 || msg.rfind("uWeights", 0) == 0 || msg.rfind("vWeights", 0) == 0) << at << ": " << msg;
      }
      continue;
    }
    const double want = reference::number(wanted(c));
    const double got = run();
    EXPECT_LE(relative_error(got, want), 1e-14) << at << ": got " << got << ", want " << want;
  }
  EXPECT_EQ(checked, 19);
}

TEST(SampleReference, Ks2samp) {
  int checked = 0;
  double worst_p = 0.0;
  for (const json& c : reference::cases()) {
    if (c["function"] != "ks_2samp") continue;
    const json& a = c["args"];
    const std::string at = "ks_2samp " + c["source"].get<std::string>();
    std::vector<double> x, y;
    if (a.contains("data1")) {
      x = reference::vec(a["data1"]);
      y = reference::vec(a["data2"]);
    } else {
      ASSERT_EQ(a["generator"], "data1 = numpy.linspace(1,200,10000) - 1/(10000*110*4); data2 = numpy.linspace(2,100,110)");
      x = linspace(1, 200, 10000);
      for (double& t : x) t -= 1.0 / (10000 * 110 * 4);
      y = linspace(2, 100, 110);
    }
    const std::string alt = a.value("alternative", std::string("two-sided"));
    const std::string method = a.value("method", std::string("auto"));
    const auto alternative = alt == "less"      ? divergence::KsAlternative::Less
                             : alt == "greater" ? divergence::KsAlternative::Greater
                                                : divergence::KsAlternative::TwoSided;
    const auto m = method == "exact" ? divergence::KsMethod::Exact
                   : method == "asymp" ? divergence::KsMethod::Asymp
                                       : divergence::KsMethod::Auto;
    ++checked;
    if (expects_error(c)) {
      EXPECT_THROW(divergence::ks_2samp(x, y, m, alternative), divergence::ArgumentError) << at;
      continue;
    }
    const json& want = wanted(c);
    const divergence::KsResult r = divergence::ks_2samp(x, y, m, alternative);
    const double ws = reference::number(want["statistic"]), wp = reference::number(want["pvalue"]);
    EXPECT_LE(relative_error(r.statistic, ws), 1e-12) << at << ": statistic " << r.statistic << ", want " << ws;
    EXPECT_LE(relative_error(r.pvalue, wp), 1e-10) << at << ": pvalue " << r.pvalue << ", want " << wp;
    worst_p = std::max(worst_p, relative_error(r.pvalue, wp));
  }
  EXPECT_EQ(checked, 13);
  std::printf("[ samples ] worst relative error of reference ks_2samp p-values: %.3g\n", worst_p);
}

TEST(SampleReference, ChisquareAndGTest) {
  int checked = 0;
  for (const json& c : reference::cases()) {
    const std::string f = c["function"];
    if (f != "chisquare" && f != "g_test") continue;
    const json& a = c["args"];
    const std::string at = f + " " + c["source"].get<std::string>();
    const std::vector<double> obs = reference::vec(a["f_obs"]);
    const std::vector<double> exp = optional_vec(a, "f_exp");
    auto run = [&] { return f == "chisquare" ? divergence::chi_square_gof(obs, exp) : divergence::g_test(obs, exp); };
    ++checked;
    if (expects_error(c)) {
      try {
        run();
        ADD_FAILURE() << at << ": no error";
      } catch (const divergence::ArgumentError& e) {
        EXPECT_EQ(std::string(e.what()).rfind("expected: sum 90 differs from the sum of observed (30)", 0), 0u) << e.what();
      }
      continue;
    }
    const json& want = wanted(c);
    const divergence::ChiSquareResult r = run();
    EXPECT_EQ(r.dof, obs.size() - 1) << at;
    EXPECT_LE(relative_error(r.statistic, reference::number(want["statistic"])), 1e-13) << at << ": " << r.statistic;
    EXPECT_LE(relative_error(r.pvalue, reference::number(want["pvalue"])), 1e-12) << at << ": " << r.pvalue;
  }
  EXPECT_EQ(checked, 5);
}

}  // namespace
