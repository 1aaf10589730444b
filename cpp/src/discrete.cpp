// Discrete divergences: validation, normalization and the summed measures.
#include "divergence/discrete.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "divergence/errors.hpp"
#include "divergence/format.hpp"
#include "divergence/fused.hpp"
#include "divergence/pointwise.hpp"
#include "divergence/summation.hpp"
#include "divergence/terms.hpp"

namespace divergence {
namespace {

constexpr double kE = 2.718281828459045235360287471352662498;

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

namespace {

void check_amount(double amount, const char* what) {
  if (!(std::isfinite(amount) && amount > 0.0)) {
    throw range_error(what, "must be a finite number > 0 (got " + format_number(amount) + ")");
  }
}

// Divides by the compensated sum (entries are finite and >= 0, the sum is finite and > 0).
void normalize_in_place(std::vector<double>& v) {
  NeumaierSum total;
  for (double x : v) total.add(x);
  const double s = total.value();
  for (double& x : v) x /= s;
}

// Divided by the sum (rescaled first when the plain sum overflows), or copied as they are.
// p is validated and total is its sum (check_distribution).
std::vector<double> plain_probabilities(Span p, double total, bool normalize) {
  std::vector<double> out(p.begin(), p.end());
  if (!normalize) return out;
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

void check_smoothing(const Smoothing& smoothing) {
  if (smoothing.kind == Smoothing::Kind::Epsilon) check_amount(smoothing.amount, "smoothing.epsilon");
  if (smoothing.kind == Smoothing::Kind::Pseudocount) check_amount(smoothing.amount, "smoothing.pseudocount");
}

// The Options rules on a validated p with sum total (the smoothing amount already checked).
std::vector<double> apply_rules(Span p, double total, const Options& opt) {
  switch (opt.smoothing.kind) {
    case Smoothing::Kind::None:
      break;
    case Smoothing::Kind::Epsilon: {
      std::vector<double> a = plain_probabilities(p, total, true);
      for (double& x : a) {
        if (x == 0.0) x = opt.smoothing.amount;
      }
      normalize_in_place(a);
      return a;
    }
    case Smoothing::Kind::Pseudocount: {
      std::vector<double> a(p.begin(), p.end());
      for (double& x : a) x += opt.smoothing.amount;
      normalize_in_place(a);
      return a;
    }
  }
  return plain_probabilities(p, total, opt.normalize);
}

}  // namespace

std::vector<double> probabilities(Span p, const Options& opt, const char* name) {
  check_smoothing(opt.smoothing);
  const double total = check_distribution(p, name);
  return apply_rules(p, total, opt);
}

ProbabilityPair probability_pair(Span p, Span q, const Options& opt) {
  // Each input is validated once, in check_pair's order, then base and smoothing.
  const double total_p = check_distribution(p, "p");
  const double total_q = check_distribution(q, "q");
  if (p.size != q.size) {
    throw range_error("q", "length " + std::to_string(q.size) + " differs from p (length " + std::to_string(p.size) + ")");
  }
  check_base(opt.base);
  check_smoothing(opt.smoothing);
  return {apply_rules(p, total_p, opt), apply_rules(q, total_q, opt)};
}

double entropy(Span p, const Options& opt) {
  check_base(opt.base);
  double fused = 0.0;
  if (fused_entropy(p, opt, fused)) return fused;  // no smoothing: one pass, no copy (fused.hpp)
  const std::vector<double> a = probabilities(p, opt, "p");
  NeumaierSum acc;
  for (double x : a) acc.add(entr(x));
  return acc.value() / log_base(opt.base);
}

double kl_divergence(Span p, Span q, const Options& opt) { return sum_terms(Term::KL, p, q, opt); }

double cross_entropy(Span p, Span q, const Options& opt) { return sum_terms(Term::CrossEntropy, p, q, opt); }

double js_divergence(Span p, Span q, const Options& opt) {
  // Rounding can leave a tiny negative value for identical inputs; JS is >= 0 in nats by
  // definition. Clamp before converting the unit: a base below 1 makes it negative.
  check_base(opt.base);
  Options nats = opt;
  nats.base = kE;
  return std::max(0.0, sum_terms(Term::JensenShannon, p, q, nats)) / log_base(opt.base);
}

double js_distance(Span p, Span q, const Options& opt) {
  check_base(opt.base);
  if (opt.base < 1.0) {
    throw range_error("base", "must be > 1 for a distance (got " + format_number(opt.base) + "): the square root of a negative divergence");
  }
  return std::sqrt(js_divergence(p, q, opt));
}

std::vector<double> kl_terms(Span p, Span q, const Options& opt) { return pointwise_terms(Term::KL, p, q, opt); }

double psi(Span p, Span q, const Options& opt) { return sum_terms(Term::Jeffreys, p, q, opt); }

double total_variation(Span p, Span q, const Options& opt) { return sum_terms(Term::TotalVariation, p, q, opt); }

double hellinger(Span p, Span q, const Options& opt) {
  return std::sqrt(std::min(1.0, sum_terms(Term::SquaredHellinger, p, q, opt)));
}

std::vector<double> smooth_epsilon(Span p, double epsilon, const char* name) {
  check_amount(epsilon, "epsilon");
  Options opt;
  opt.smoothing = Smoothing::epsilon(epsilon);
  return probabilities(p, opt, name);
}

}  // namespace divergence
