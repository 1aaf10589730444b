// Two-sample Kolmogorov-Smirnov test, and the Kolmogorov-Smirnov distributions behind its p-values.
//
// Matches scipy.stats.ks_2samp of SciPy 1.10 (statistic, p-value, the choice between the exact and
// the asymptotic p-value, and its fallbacks), checked against ../shared/data/expected.json and
// the ks_2samp cases of ../shared/reference/reference_cases.json.
//
// Statistic: with F1, F2 the right-continuous empirical CDFs of x (size n1) and y (size n2),
//   D  = max_t |F1(t) - F2(t)|        (TwoSided)
//   D+ = max_t (F1(t) - F2(t))        (Greater)
//   D- = max_t (F2(t) - F1(t)), >= 0  (Less)
// evaluated at every data value. Ties (within or across the samples) need no special handling:
// the ECDFs count every value <= t, exactly as SciPy's searchsorted(side='right'); the p-value
// then still uses the null distribution for continuous data (conservative with ties, as SciPy).
//
// P-value (SciPy 1.10 rules):
//   Auto  -> Exact when max(n1, n2) <= 10000, else Asymp.
//   Exact -> the exact null distribution, from lattice-path recursions (see below). The statistic
//            is then reported as h / lcm(n1, n2) with h = round(D * lcm), as SciPy does. Exact falls
//            back to Asymp (method_used says so) when
//              * n1/g >= (2^31 - 1) / (n2/g), g = gcd(n1, n2) (SciPy's lcm limit);
//              * one-sided with n1 != n2 and C(n1 + n2, n1) > DBL_MAX (SciPy counts paths in float64
//                and then overflows; we compute a probability that cannot overflow, but keep
//                SciPy's fallback so that the values agree);
//              * the exact value comes out outside [0, 1] by rounding (SciPy's check; e.g. n1 = n2 = 7,
//                D = 1/7, where P(D >= 1/7) = 1 evaluates to 1 + 2^-52);
//              * [ours, not SciPy's] the recursion would take more than 2e9 lattice steps (only
//                reachable with an explicit Exact on samples of millions), to never hang a page.
//   Asymp -> TwoSided: scipy.stats.kstwo.sf(D, round(n1*n2/(n1+n2))) (the one-sample exact
//            distribution at the effective size, round half to even as numpy.round; see kstwo_sf).
//            One-sided: Hodges' approximation exp(-2z^2 - 2z(m+2n)/sqrt(mn(m+n))/3),
//            z = D*sqrt(mn/(m+n)), m = max(n1, n2), n = min(n1, n2).
// The p-value is clipped to [0, 1].
//
// Exact recursions (all values stay in [0, 1], so nothing overflows for any n):
//   * two-sided, n1 != n2: Viehmann (2021), arXiv:2102.08037, "Numerically more stable computation
//     of the p-values for the two-sample Kolmogorov-Smirnov test": the fraction q(i, j) of lattice
//     paths from (0,0) to (i,j) that have left the band |i/m - j/n| < D obeys
//     q(i,j) = (i q(i-1,j) + j q(i,j-1)) / (i+j) inside the band and q = 1 outside; p = q(m, n).
//     (Hodges 1958's inside method, run on the complement; the recursion SciPy 1.10 uses.)
//   * two-sided, n1 == n2: 2 sum_{k>=1} (-1)^(k-1) C(2n, n-kh)/C(2n, n) in nested (Horner) form.
//   * one-sided, n1 == n2: C(2n, n-h)/C(2n, n) as a product of h ratios.
//   * one-sided, n1 != n2: the recursion above with the single boundary i/m - j/n >= D.
//
// Errors (ArgumentError, Kind::Range): "x: must not be empty", "y: must not be empty",
// "x: entry 3 is NaN", "y: entry 0 is infinite". (SciPy 1.10 raises ValueError "Data passed to
// ks_2samp must not be empty"; current SciPy returns NaN. SciPy accepts infinite values; we do not.)
#pragma once

#include <cstdint>

#include "divergence/span.hpp"

namespace divergence {

enum class KsMethod { Auto, Exact, Asymp };
enum class KsAlternative { TwoSided, Less, Greater };

struct KsResult {
  double statistic = 0.0;           // D (or D+ / D-), in [0, 1]
  double pvalue = 1.0;              // in [0, 1]
  KsMethod method_used = KsMethod::Exact;  // Exact or Asymp: what actually produced pvalue
  double statistic_location = 0.0;  // the data value t at which the statistic is attained
  int statistic_sign = 1;           // +1 if F1(t) - F2(t) = +statistic there, -1 if -statistic
};

// Two-sample Kolmogorov-Smirnov test of x against y (any lengths >= 1, finite values).
// Matches scipy.stats.ks_2samp(x, y, alternative, method) of SciPy 1.10, including
// statistic_location / statistic_sign (the first maximiser in SciPy's order: among values of x,
// else among values of y, the smallest).
// Cost: sorting, O((n1 + n2) log(n1 + n2)); the exact p-value O(max(n1,n2) * band width) <= O(n1 n2).
KsResult ks_2samp(Span x, Span y, KsMethod method = KsMethod::Auto,
                  KsAlternative alternative = KsAlternative::TwoSided);

// Survival function P(D_n >= d) of the two-sided one-sample Kolmogorov-Smirnov statistic
// D_n = sup |F_n - F| for a sample of size n (the exact finite-n distribution).
// Matches scipy.stats.kstwo.sf(d, n), following Simard & L'Ecuyer (2011), "Computing the
// two-sided Kolmogorov-Smirnov distribution", J. Stat. Softw. 39(11), as SciPy's _ksstats.py does:
//   n*d <= 1 and n*d >= n-1: Ruben-Gambino closed forms; d >= 0.5: 2*smirnov_sf(n, d) (exact);
//   n <= 140: Durbin's matrix (Marsaglia, Tsang & Wang 2003) for n d^2 <= 4 [SciPy uses Pomeranz's
//   recursion for 0.754693 < n d^2 <= 4: another exact method; the values agree to ~1e-13],
//   else 2*smirnov_sf (Miller's approximation);
//   n > 140: 0 for n d^2 >= 370, 2*smirnov_sf for n d^2 >= 2.2, otherwise 1 - CDF with the CDF from
//   Durbin's matrix when n <= 100000 and n d^1.5 <= 1.4, else the Pelz-Good (1976) expansion.
// d outside [0, 1] is allowed (gives 1 below 0, 0 above 1), as SciPy.
// Errors: "n: must be at least 1 (got 0)", "d: is NaN".
double kstwo_sf(double d, std::int64_t n);

// Survival function P(D+_n >= d) of the one-sided one-sample statistic D+_n = sup (F_n - F),
// by the Smirnov / Birnbaum-Tingey sum (terms in log space with Boost's lgamma).
// Matches scipy.special.smirnov(n, d) (for n > 1e6 SciPy's approximation exp(-(6nd+1)^2/(18n))).
// Errors: "n: must be at least 1 (got 0)", "d: is NaN". d outside [0, 1] gives 1 or 0 (SciPy: NaN).
double smirnov_sf(std::int64_t n, double d);

}  // namespace divergence
