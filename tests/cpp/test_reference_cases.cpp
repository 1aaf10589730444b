// Every case of ../shared/reference/reference_cases.json that the core implements, asserted at
// relative 1e-12 (or exact inf), or as the documented error where SciPy returns NaN.
#include <gtest/gtest.h>

#include <functional>
#include <map>

#include "divergence/discrete.hpp"
#include "divergence/errors.hpp"
#include "divergence/normal.hpp"
#include "divergence/pointwise.hpp"
#include "reference_cases.hpp"

namespace {

using divergence::Options;
using reference::json;

Options options_of(const json& args) {
  Options o;
  if (args.contains("base") && !args["base"].is_null()) o.base = args["base"].get<double>();
  return o;
}

void pair_args(const json& args, std::vector<double>& p, std::vector<double>& q) {
  if (args.contains("generator")) {
    reference::generate(args["generator"].get<std::string>(), p, q);
  } else {
    p = reference::vec(args["p"]);
    q = reference::vec(args["q"]);
  }
}

// Our implementation of each supported reference function.
const std::map<std::string, std::function<double(const json&)>>& implementations() {
  static const std::map<std::string, std::function<double(const json&)>> impl = {
      {"entropy", [](const json& a) { return divergence::entropy(reference::vec(a["p"]), options_of(a)); }},
      {"kl",
       [](const json& a) {
         std::vector<double> p, q;
         pair_args(a, p, q);
         return divergence::kl_divergence(p, q, options_of(a));
       }},
      {"cross_entropy",
       [](const json& a) {
         std::vector<double> p, q;
         pair_args(a, p, q);
         return divergence::cross_entropy(p, q, options_of(a));
       }},
      {"js_distance",
       [](const json& a) {
         std::vector<double> p, q;
         pair_args(a, p, q);
         return divergence::js_distance(p, q, options_of(a));
       }},
      {"js_divergence",
       [](const json& a) {
         std::vector<double> p, q;
         pair_args(a, p, q);
         return divergence::js_divergence(p, q, options_of(a));
       }},
      {"tv",
       [](const json& a) {
         return divergence::total_variation(reference::vec(a["p"]), reference::vec(a["q"]), options_of(a));
       }},
      {"hellinger",
       [](const json& a) { return divergence::hellinger(reference::vec(a["p"]), reference::vec(a["q"]), options_of(a)); }},
      {"psi",
       [](const json& a) {
         // PSI(expected = reference P, actual = current Q).
         return divergence::psi(reference::vec(a["expected"]), reference::vec(a["actual"]), options_of(a));
       }},
      {"rel_entr", [](const json& a) { return divergence::rel_entr(a["x"].get<double>(), a["y"].get<double>()); }},
      {"entr", [](const json& a) { return divergence::entr(a["x"].get<double>()); }},
      {"kl_div_elementwise",
       [](const json& a) { return divergence::kl_div_elementwise(a["x"].get<double>(), a["y"].get<double>()); }},
      {"kl_normal_normal",
       [](const json& a) {
         return divergence::kl_normal(a["p"]["loc"].get<double>(), a["p"]["scale"].get<double>(),
                                      a["q"]["loc"].get<double>(), a["q"]["scale"].get<double>());
       }},
  };
  return impl;
}

TEST(ReferenceCases, EverySupportedCaseMatches) {
  int checked = 0;
  for (const json& c : reference::cases()) {
    const std::string fn = c["function"].get<std::string>();
    auto it = implementations().find(fn);
    if (it == implementations().end()) continue;
    const auto want = reference::expectation(c);
    SCOPED_TRACE(fn + " " + c["args"].dump() + "  [" + c.value("source", "") + "]");
    if (want.kind == reference::Expectation::Kind::Error) {
      EXPECT_THROW(it->second(c["args"]), divergence::ArgumentError) << want.why;
    } else {
      const double got = it->second(c["args"]);
      EXPECT_TRUE(reference::close(got, want.value)) << "got " << got << " want " << want.value;
    }
    ++checked;
  }
  // 22 kl, 7 rel_entr, 7 js_distance, 6 entropy, 2 each of cross_entropy, js_divergence,
  // kl_div_elementwise, entr, kl_normal_normal, hellinger; 1 tv, 1 psi.
  EXPECT_EQ(checked, 56);
}

}  // namespace
