// Log-space inputs, batched rows and the logits gradient.
#include "divergence/log_space.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "divergence/discrete.hpp"
#include "divergence/errors.hpp"
#include "divergence/pointwise.hpp"
#include "divergence/summation.hpp"

namespace divergence {
namespace {

void check_log_values(Span x, const char* name) {
  if (x.empty()) throw range_error(name, "must not be empty");
  for (std::size_t i = 0; i < x.size; ++i) {
    if (std::isnan(x[i])) throw range_error(name, "entry " + std::to_string(i) + " is NaN");
    if (x[i] == kInf) throw range_error(name, "entry " + std::to_string(i) + " is +inf");
  }
}

// A distribution as (weight, log-probability) per entry, whatever its scale.
struct LogForm {
  std::vector<double> weight;  // probability
  std::vector<double> log;     // natural log of the probability (-inf for 0)
};

LogForm log_form(Span v, Scale scale, const Options& opt, const char* name) {
  LogForm f;
  switch (scale) {
    case Scale::Probabilities:
      f.weight = probabilities(v, opt, name);
      f.log.resize(f.weight.size());
      std::transform(f.weight.begin(), f.weight.end(), f.log.begin(), [](double w) { return std::log(w); });
      return f;
    case Scale::LogProbabilities:
      check_log_values(v, name);
      f.log.assign(v.begin(), v.end());
      break;
    case Scale::Logits:
      f.log = log_softmax(v, name);
      break;
  }
  f.weight.resize(f.log.size());
  std::transform(f.log.begin(), f.log.end(), f.weight.begin(), [](double l) { return std::exp(l); });
  return f;
}

}  // namespace

double log_sum_exp(Span x, const char* name) {
  check_log_values(x, name);
  const double m = *std::max_element(x.begin(), x.end());
  if (m == -kInf) return -kInf;
  NeumaierSum acc;
  for (double v : x) acc.add(std::exp(v - m));
  return m + std::log(acc.value());
}

std::vector<double> log_softmax(Span x, const char* name) {
  check_log_values(x, name);
  const double m = *std::max_element(x.begin(), x.end());
  if (m == -kInf) throw range_error(name, "every entry is -inf; logits need at least one finite entry");
  // (x_i - m) - ln sum exp(x_j - m): subtracting the shifted values keeps full precision, where
  // x_i - log_sum_exp(x) would lose the digits of a large m (1000 + ln 2 has 1e-13 spacing).
  NeumaierSum acc;
  for (double v : x) acc.add(std::exp(v - m));
  const double log_sum = std::log(acc.value());
  std::vector<double> out(x.begin(), x.end());
  for (double& v : out) v = (v - m) - log_sum;
  return out;
}

std::vector<double> softmax(Span x, const char* name) {
  std::vector<double> out = log_softmax(x, name);
  for (double& v : out) v = std::exp(v);
  return out;
}

double kl_divergence_scaled(Span p, Scale p_scale, Span q, Scale q_scale, const Options& opt) {
  check_base(opt.base);
  if (p_scale == Scale::Probabilities && q_scale == Scale::Probabilities) return kl_divergence(p, q, opt);
  const LogForm a = log_form(p, p_scale, opt, "p");
  const LogForm b = log_form(q, q_scale, opt, "q");
  if (a.log.size() != b.log.size()) {
    throw range_error("q", "length " + std::to_string(b.log.size()) + " differs from p (length " +
                               std::to_string(a.log.size()) + ")");
  }
  NeumaierSum acc;
  for (std::size_t i = 0; i < a.log.size(); ++i) {
    if (a.weight[i] == 0.0) continue;
    if (b.log[i] == -kInf) return kInf / log_base(opt.base);
    acc.add(a.weight[i] * (a.log[i] - b.log[i]));
  }
  return acc.value() / log_base(opt.base);
}

std::vector<double> kl_divergence_rows(Span p, Scale p_scale, Span q, Scale q_scale, std::size_t rows,
                                       const Options& opt) {
  if (rows < 1) throw range_error("rows", "must be >= 1");
  if (p.size % rows != 0) {
    throw range_error("p", "length " + std::to_string(p.size) + " is not a multiple of rows (" + std::to_string(rows) + ")");
  }
  if (q.size != p.size) {
    throw range_error("q", "length " + std::to_string(q.size) + " differs from p (length " + std::to_string(p.size) + ")");
  }
  const std::size_t cols = p.size / rows;
  std::vector<double> out(rows);
  for (std::size_t r = 0; r < rows; ++r) {
    try {
      out[r] = kl_divergence_scaled(Span(p.data + r * cols, cols), p_scale, Span(q.data + r * cols, cols), q_scale, opt);
    } catch (const ArgumentError& e) {
      throw ArgumentError(e.kind(), "row " + std::to_string(r) + ": " + e.what());
    }
  }
  return out;
}

std::vector<double> kl_logits_gradient(Span p, Span z, const Options& opt) {
  const std::vector<double> a = probabilities(p, opt, "p");
  std::vector<double> s = softmax(z, "z");
  if (s.size() != a.size()) {
    throw range_error("z", "length " + std::to_string(s.size()) + " differs from p (length " + std::to_string(a.size()) + ")");
  }
  for (std::size_t i = 0; i < s.size(); ++i) s[i] -= a[i];
  return s;
}

}  // namespace divergence
