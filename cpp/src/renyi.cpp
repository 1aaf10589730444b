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
  check_pair(p, q);
  check_base(opt.base);
  const std::vector<double> a = probabilities(p, opt, "p");
  const std::vector<double> b = probabilities(q, opt, "q");
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
  // S - 1 = sum_{p>0} p (exp((1-alpha) ln(q/p)) - 1) + (sum p - 1); the last part is 0 for
  // probabilities (its rounding noise is dropped) and is kept for raw weights.
  const bool probabilities_in = opt.normalize || opt.smoothing.kind != Smoothing::Kind::None;
  NeumaierSum excess;
  NeumaierSum p_total;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] == 0.0) continue;
    p_total.add(a[i]);
    if (b[i] == 0.0) {
      if (alpha > 1.0) return kInf;
      excess.add(-a[i]);
      continue;
    }
    excess.add(a[i] * std::expm1((1.0 - alpha) * log_ratio(b[i], a[i])));
  }
  if (!probabilities_in) excess.add(p_total.value() - 1.0);
  const double s_minus_1 = excess.value();
  if (s_minus_1 <= -1.0) return kInf;  // sum p^a q^(1-a) = 0: disjoint supports (alpha < 1)
  const double d = std::log1p(s_minus_1) / (alpha - 1.0) / lb;
  return probabilities_in ? std::max(0.0, d) : d;  // >= 0 for probabilities (Gibbs)
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
