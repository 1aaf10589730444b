// The table of pointwise terms, their sums, and the f-divergences built on them.
#include "divergence/terms.hpp"

#include <cmath>
#include <string>

#include "divergence/discrete.hpp"
#include "divergence/errors.hpp"
#include "divergence/fused.hpp"
#include "divergence/pointwise.hpp"
#include "divergence/summation.hpp"

namespace divergence {
namespace {

struct Entry {
  Term term;
  const char* name;
  bool logarithmic;
  bool f_divergence;
};

constexpr Entry kTable[] = {
    {Term::KL, "kl", true, true},
    {Term::ReverseKL, "reverse-kl", true, true},
    {Term::CrossEntropy, "cross-entropy", true, false},
    {Term::JensenShannon, "jensen-shannon", true, true},
    {Term::Jeffreys, "jeffreys", true, true},
    {Term::TotalVariation, "total-variation", false, true},
    {Term::SquaredHellinger, "squared-hellinger", false, true},
    {Term::Bhattacharyya, "bhattacharyya", false, false},
    {Term::PearsonChi2, "pearson", false, true},
    {Term::NeymanChi2, "neyman", false, true},
};

const Entry& entry(Term t) {
  for (const Entry& e : kTable) {
    if (e.term == t) return e;
  }
  return kTable[0];  // not reached: every Term is in the table
}

// (p - q)^2 / d with d the denominator; +inf when d = 0 < |p - q|, 0 when p = q.
double squared_over(double p, double q, double d) {
  if (p == q) return 0.0;
  if (d == 0.0) return kInf;
  const double diff = p - q;
  return diff * (diff / d);
}

}  // namespace

double term(Term t, double p, double q) {
  switch (t) {
    case Term::KL:
      return rel_entr(p, q);
    case Term::ReverseKL:
      return rel_entr(q, p);
    case Term::CrossEntropy:
      if (p == 0.0) return 0.0;
      return q == 0.0 ? kInf : -p * std::log(q);
    case Term::JensenShannon:
      return js_term(p, q);
    case Term::Jeffreys:
      return psi_term(q, p);
    case Term::TotalVariation:
      return 0.5 * std::fabs(p - q);
    case Term::SquaredHellinger: {
      const double d = std::sqrt(p) - std::sqrt(q);
      return 0.5 * d * d;
    }
    case Term::Bhattacharyya:
      return std::sqrt(p) * std::sqrt(q);
    case Term::PearsonChi2:
      return squared_over(p, q, q);
    case Term::NeymanChi2:
      return squared_over(p, q, p);
  }
  return kNaN;
}

bool is_logarithmic(Term t) { return entry(t).logarithmic; }
bool is_f_divergence(Term t) { return entry(t).f_divergence; }
const char* term_name(Term t) { return entry(t).name; }

Term term_from_name(std::string_view name, const char* argument) {
  std::string known;
  for (const Entry& e : kTable) {
    if (name == e.name) return e.term;
    known += known.empty() ? "" : ", ";
    known += e.name;
  }
  throw range_error(argument, "unknown measure '" + std::string(name) + "' (known: " + known + ")");
}

std::vector<double> pointwise_terms(Term t, Span p, Span q, const Options& opt) {
  const auto [a, b] = probability_pair(p, q, opt);
  const double scale = is_logarithmic(t) ? 1.0 / log_base(opt.base) : 1.0;
  std::vector<double> out(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) out[i] = term(t, a[i], b[i]) * scale;
  return out;
}

double sum_terms(Term t, Span p, Span q, const Options& opt) {
  // KL, cross-entropy and Jensen-Shannon without smoothing: one pass, no copies (fused.hpp).
  double fused = 0.0;
  if (fused_sum_terms(t, p, q, opt, fused)) return fused;
  const auto [a, b] = probability_pair(p, q, opt);
  // A +inf term (P puts mass where Q has none) makes the measure +inf whatever the finite terms
  // do; summing it with a finite term that overflowed to -inf (raw weights near 1e306) would give
  // inf - inf = NaN (found by fuzzing).
  NeumaierSum acc;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const double x = term(t, a[i], b[i]);
    if (x == kInf) return is_logarithmic(t) ? kInf / log_base(opt.base) : kInf;
    acc.add(x);
  }
  const double sum = acc.value();
  return is_logarithmic(t) ? sum / log_base(opt.base) : sum;
}

double f_divergence(Span p, Span q, Term generator, const Options& opt) {
  if (!is_f_divergence(generator)) {
    throw range_error("generator", std::string(term_name(generator)) + " is not an f-divergence");
  }
  return sum_terms(generator, p, q, opt);
}

double jeffreys(Span p, Span q, const Options& opt) { return sum_terms(Term::Jeffreys, p, q, opt); }
double pearson_chi2(Span p, Span q, const Options& opt) { return sum_terms(Term::PearsonChi2, p, q, opt); }
double neyman_chi2(Span p, Span q, const Options& opt) { return sum_terms(Term::NeymanChi2, p, q, opt); }

}  // namespace divergence
