// Every case of ../shared/reference/reference_cases.json that the core implements, asserted at
// relative 1e-12 (or exact inf), or as the documented error where SciPy returns NaN.
#include <gtest/gtest.h>

#include <functional>
#include <map>

#include "divergence/discrete.hpp"
#include "divergence/errors.hpp"
#include "divergence/log_space.hpp"
#include "divergence/renyi.hpp"
#include "divergence/terms.hpp"
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
      {"renyi",
       [](const json& a) {
         return divergence::renyi_divergence(reference::vec(a["p"]), reference::vec(a["q"]), a["alpha"].get<double>());
       }},
      {"bhattacharyya",
       [](const json& a) { return divergence::bhattacharyya_distance(reference::vec(a["p"]), reference::vec(a["q"])); }},
      {"chi_square_divergence",
       [](const json& a) { return divergence::pearson_chi2(reference::vec(a["p"]), reference::vec(a["q"])); }},
      {"torch_kl_div",
       [](const json& a) {
         // torch.nn.functional.kl_div(input = log Q, target = P): our per-row KL, then reduced.
         std::vector<double> logq, p;
         for (const auto& row : a["input_log_q"])
           for (const auto& v : row) logq.push_back(v.get<double>());
         for (const auto& row : a["target_p"])
           for (const auto& v : row) p.push_back(v.get<double>());
         const std::size_t rows = a["target_p"].size();
         const auto per_row = divergence::kl_divergence_rows(p, divergence::Scale::Probabilities, logq,
                                                             divergence::Scale::LogProbabilities, rows);
         double total = 0.0;
         for (double v : per_row) total += v;
         const std::string reduction = a["reduction"].get<std::string>();
         return reduction == "batchmean" ? total / rows : total / p.size();  // 'mean' divides by numel
       }},
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
  // kl_div_elementwise, entr, kl_normal_normal, hellinger, renyi, torch_kl_div; 1 each of tv,
  // psi, bhattacharyya, chi_square_divergence.
  EXPECT_EQ(checked, 62);
}

}  // namespace

namespace {

// ml-distance's measures work on raw weights (no normalization): our functions with
// normalize = false give the same values, scaled where ml-distance uses another convention.
TEST(ReferenceCases, MlDistanceConventionsMapToOurs) {
  divergence::Options raw;
  raw.normalize = false;
  using divergence::Term;
  const std::map<std::string, std::function<double(const std::vector<double>&, const std::vector<double>&)>> ours = {
      {"mljs_kullbackLeibler", [&](auto& a, auto& b) { return divergence::kl_divergence(a, b, raw); }},
      {"mljs_jensenShannon", [&](auto& a, auto& b) { return divergence::js_divergence(a, b, raw); }},
      {"mljs_jensenDifference", [&](auto& a, auto& b) { return divergence::js_divergence(a, b, raw); }},
      {"mljs_topsoe", [&](auto& a, auto& b) { return 2 * divergence::js_divergence(a, b, raw); }},
      {"mljs_jeffreys", [&](auto& a, auto& b) { return divergence::jeffreys(a, b, raw); }},
      {"mljs_hellinger", [&](auto& a, auto& b) { return 2 * std::sqrt(1 - divergence::bhattacharyya_coefficient(a, b, raw)); }},
      {"mljs_bhattacharyya", [&](auto& a, auto& b) { return divergence::bhattacharyya_distance(a, b, raw); }},
      {"mljs_matusita", [&](auto& a, auto& b) { return std::sqrt(2 * divergence::sum_terms(Term::SquaredHellinger, a, b, raw)); }},
      {"mljs_squaredChord", [&](auto& a, auto& b) { return 2 * divergence::sum_terms(Term::SquaredHellinger, a, b, raw); }},
      {"mljs_pearson", [&](auto& a, auto& b) { return divergence::pearson_chi2(a, b, raw); }},
      {"mljs_neyman", [&](auto& a, auto& b) { return divergence::neyman_chi2(a, b, raw); }},
  };
  int checked = 0;
  for (const json& c : reference::cases()) {
    const std::string fn = c["function"].get<std::string>();
    auto it = ours.find(fn);
    if (it == ours.end()) continue;
    SCOPED_TRACE(fn + " " + c["args"].dump());
    const double got = it->second(reference::vec(c["args"]["a"]), reference::vec(c["args"]["b"]));
    EXPECT_TRUE(reference::close(got, reference::expectation(c).value)) << got;
    ++checked;
  }
  EXPECT_EQ(checked, 12);
}

}  // namespace
