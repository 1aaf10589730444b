// Rényi divergence and the Bhattacharyya coefficient and distance.
#include "divergence/renyi.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "divergence/discrete.hpp"
#include "divergence/errors.hpp"
#include "divergence/format.hpp"
#include "divergence/pointwise.hpp"
#include "divergence/summation.hpp"
#include "divergence/terms.hpp"

namespace divergence {

double renyi_divergence(Span p, Span q, double alpha, const Options& opt) {
  if (!(alpha >= 0.0)) throw range_error("alpha", "must be >= 0 (got " + format_number(alpha) + ")");
  if (alpha == 1.0) return sum_terms(Term::KL, p, q, opt);
  const auto [a, b] = probability_pair(p, q, opt);
  const double lb = log_base(opt.base);
  if (std::isinf(alpha)) {
    double largest = -kInf;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (a[i] == 0.0) continue;
      if (b[i] == 0.0) return kInf;
      largest = std::max(largest, log_ratio(a[i], b[i]));
    }
    return largest / lb;
  }
  if (alpha == 0.0) {
    NeumaierSum mass;  // Q's mass on the support of P
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (a[i] > 0.0) mass.add(b[i]);
    }
    const double m = mass.value();
    return m == 0.0 ? kInf : -std::log(m) / lb;
  }
  const bool probabilities_in = opt.normalize || opt.smoothing.kind != Smoothing::Kind::None;
  if (!probabilities_in) {
    // Raw weights can be as large as 1e308 and alpha as large as 1e306. With r = ln p - ln q and
    // r_max its largest value, ln S = alpha r_max + ln T, T = sum exp(ln q + alpha (r - r_max)):
    // every exponent of T is at most ln q, so nothing overflows (fuzzing found inf - inf = NaN in
    // both the plain sum and a log-sum-exp of alpha ln p + (1 - alpha) ln q).
    std::vector<double> log_q, ratio;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (a[i] == 0.0) continue;
      if (b[i] == 0.0) {
        if (alpha > 1.0) return kInf;
        continue;  // p^alpha * 0^(1-alpha) = 0 for alpha < 1
      }
      log_q.push_back(std::log(b[i]));
      ratio.push_back(std::log(a[i]) - log_q.back());
    }
    if (ratio.empty()) return kInf;  // S = 0: disjoint supports
    const double r_max = *std::max_element(ratio.begin(), ratio.end());
    std::vector<double> exponents(ratio.size());
    for (std::size_t i = 0; i < ratio.size(); ++i) {
      const double shift = ratio[i] == r_max ? 0.0 : alpha * (ratio[i] - r_max);  // <= 0; 0 * inf avoided
      exponents[i] = log_q[i] + shift;
    }
    const double m = *std::max_element(exponents.begin(), exponents.end());
    NeumaierSum sum;
    for (double e : exponents) sum.add(std::exp(e - m));
    const double log_t = m + std::log(sum.value());
    return (r_max * (alpha / (alpha - 1.0)) + log_t / (alpha - 1.0)) / lb;
  }
  // Probabilities: S - 1 = sum_{p>0} p (exp((1-alpha) ln(q/p)) - 1), every term >= -p, evaluated
  // with expm1 and log1p so that alpha near 1 and P near Q keep their digits.
  NeumaierSum excess;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] == 0.0) continue;
    if (b[i] == 0.0) {
      if (alpha > 1.0) return kInf;
      excess.add(-a[i]);
      continue;
    }
    excess.add(a[i] * std::expm1((1.0 - alpha) * log_ratio(b[i], a[i])));
  }
  const double s_minus_1 = excess.value();
  if (s_minus_1 <= -1.0) return kInf;  // sum p^a q^(1-a) = 0: disjoint supports (alpha < 1)
  // >= 0 in nats for probabilities (Gibbs): clamp rounding noise before converting the unit, as
  // a base below 1 makes every divergence negative.
  return std::max(0.0, std::log1p(s_minus_1) / (alpha - 1.0)) / lb;
}

double bhattacharyya_coefficient(Span p, Span q, const Options& opt) {
  return sum_terms(Term::Bhattacharyya, p, q, opt);
}

double bhattacharyya_distance(Span p, Span q, const Options& opt) {
  const bool probabilities_in = opt.normalize || opt.smoothing.kind != Smoothing::Kind::None;
  double d;
  if (probabilities_in) {
    const double h2 = std::min(1.0, sum_terms(Term::SquaredHellinger, p, q, opt));
    d = h2 >= 1.0 ? kInf : -std::log1p(-h2);
  } else {
    const double bc = sum_terms(Term::Bhattacharyya, p, q, opt);
    d = bc == 0.0 ? kInf : -std::log(bc);
  }
  return d / log_base(opt.base);
}

}  // namespace divergence
