// Discrete divergences: validation, normalization and the summed measures.
#include "divergence/discrete.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "divergence/errors.hpp"
#include "divergence/format.hpp"
#include "divergence/pointwise.hpp"
#include "divergence/summation.hpp"

namespace divergence {
namespace {

constexpr double kE = 2.718281828459045235360287471352662498;

// Applies f(a_i, b_i) to the normalized pair and sums with compensation.
template <class F>
double sum_pair(Span p, Span q, const Options& opt, F f) {
  check_pair(p, q);
  check_base(opt.base);
  const std::vector<double> a = probabilities(p, opt, "p");
  const std::vector<double> b = probabilities(q, opt, "q");
  NeumaierSum acc;
  for (std::size_t i = 0; i < a.size(); ++i) acc.add(f(a[i], b[i]));
  return acc.value();
}

}  // namespace

void check_base(double base) {
  if (!(std::isfinite(base) && base > 0.0 && base != 1.0)) {
    throw range_error("base", "must be a finite number > 0 and != 1 (got " + format_number(base) + ")");
  }
}

double log_base(double base) { return base == kE ? 1.0 : std::log(base); }

double check_distribution(Span p, const char* name) {
  if (p.empty()) throw range_error(name, "must not be empty");
  NeumaierSum total;
  double largest = 0.0;
  for (std::size_t i = 0; i < p.size; ++i) {
    const double x = p[i];
    if (std::isnan(x)) throw range_error(name, "entry " + std::to_string(i) + " is NaN");
    if (std::isinf(x)) throw range_error(name, "entry " + std::to_string(i) + " is infinite");
    if (x < 0.0) throw range_error(name, "entry " + std::to_string(i) + " is negative (" + format_number(x) + ")");
    total.add(x);
    largest = std::max(largest, x);
  }
  if (largest == 0.0) throw range_error(name, "all entries are zero; a distribution needs a positive total");
  return total.value();
}

void check_pair(Span p, Span q) {
  check_distribution(p, "p");
  check_distribution(q, "q");
  if (p.size != q.size) {
    throw range_error("q", "length " + std::to_string(q.size) + " differs from p (length " + std::to_string(p.size) + ")");
  }
}

std::vector<double> probabilities(Span p, const Options& opt, const char* name) {
  const double total = check_distribution(p, name);
  std::vector<double> out(p.begin(), p.end());
  if (!opt.normalize) return out;
  if (std::isfinite(total)) {
    for (double& x : out) x /= total;
    return out;
  }
  // The plain sum overflowed: scale by the largest entry first, then normalize.
  const double largest = *std::max_element(out.begin(), out.end());
  NeumaierSum scaled;
  for (double& x : out) {
    x /= largest;
    scaled.add(x);
  }
  const double s = scaled.value();
  for (double& x : out) x /= s;
  return out;
}

double entropy(Span p, const Options& opt) {
  check_base(opt.base);
  const std::vector<double> a = probabilities(p, opt, "p");
  NeumaierSum acc;
  for (double x : a) acc.add(entr(x));
  return acc.value() / log_base(opt.base);
}

double kl_divergence(Span p, Span q, const Options& opt) {
  return sum_pair(p, q, opt, [](double a, double b) { return rel_entr(a, b); }) / log_base(opt.base);
}

double cross_entropy(Span p, Span q, const Options& opt) {
  // -sum p log q, with 0*log(q) = 0 and p > 0 = q giving +inf.
  return sum_pair(p, q, opt,
                  [](double a, double b) {
                    if (a == 0.0) return 0.0;
                    if (b == 0.0) return kInf;
                    return -a * std::log(b);
                  }) /
         log_base(opt.base);
}

double js_divergence(Span p, Span q, const Options& opt) {
  const double js = sum_pair(p, q, opt, [](double a, double b) { return js_term(a, b); });
  // Rounding can leave a tiny negative value for identical inputs; JS is >= 0 by definition.
  return std::max(0.0, js) / log_base(opt.base);
}

double js_distance(Span p, Span q, const Options& opt) { return std::sqrt(js_divergence(p, q, opt)); }

std::vector<double> kl_terms(Span p, Span q, const Options& opt) {
  check_pair(p, q);
  check_base(opt.base);
  const std::vector<double> a = probabilities(p, opt, "p");
  const std::vector<double> b = probabilities(q, opt, "q");
  const double lb = log_base(opt.base);
  std::vector<double> out(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) out[i] = rel_entr(a[i], b[i]) / lb;
  return out;
}

double psi(Span p, Span q, const Options& opt) {
  return sum_pair(p, q, opt, [](double a, double b) { return psi_term(a, b); }) / log_base(opt.base);
}

double total_variation(Span p, Span q, const Options& opt) {
  return 0.5 * sum_pair(p, q, opt, [](double a, double b) { return std::fabs(a - b); });
}

double hellinger(Span p, Span q, const Options& opt) {
  const double h2 = 0.5 * sum_pair(p, q, opt, [](double a, double b) {
                      const double d = std::sqrt(a) - std::sqrt(b);
                      return d * d;
                    });
  return std::sqrt(std::min(1.0, h2));
}

std::vector<double> smooth_epsilon(Span p, double epsilon, const char* name) {
  if (!(std::isfinite(epsilon) && epsilon > 0.0)) {
    throw range_error("epsilon", "must be a finite number > 0 (got " + format_number(epsilon) + ")");
  }
  std::vector<double> a = probabilities(p, Options{}, name);
  NeumaierSum total;
  for (double& x : a) {
    if (x == 0.0) x = epsilon;
    total.add(x);
  }
  const double s = total.value();
  for (double& x : a) x /= s;
  return a;
}

}  // namespace divergence
