// The fused kernels (see divergence/fused.hpp): one pass that validates, sums and accumulates
// the terms, written against two lanes (lanes.hpp) and the vector logarithm (vector_log.hpp).
#include <cfloat>
#include <cmath>

#include "divergence/discrete.hpp"
#include "divergence/fused.hpp"
#include "divergence/pointwise.hpp"
#include "divergence/summation.hpp"
#include "lanes.hpp"
#include "vector_log.hpp"

namespace divergence {
namespace {

using namespace lanes;

// p ln(p/q); +inf where p > 0 = q; lanes whose ratio over- or underflows go to the scalar form.
struct KlKernel {
  F2 operator()(F2 x, F2 y, M2& infinite, M2& edge) const {
    const M2 positive = x > splat(0.0);
    infinite = infinite | (positive & (y == splat(0.0)));
    const M2 live = positive & (y > splat(0.0));
    const F2 inverse = splat(1.0) / y;
    const F2 r = x * inverse;
    const F2 near = (x - y) * inverse;
    const M2 normal = (r >= splat(DBL_MIN)) & (r <= splat(DBL_MAX));
    edge = edge | (live & ~normal);
    const M2 use = live & normal;
    const F2 near_safe = select(use, near, splat(0.0));
    const F2 l = log_positive(select(use, r, splat(1.0)), &near_safe);
    return select(use, x * l, splat(0.0));
  }
  static double scalar(double x, double y) { return rel_entr(x, y); }
  // The common case only: scan() takes a block's fast terms when every x is in [kLowX, kHighX],
  // every y in [kLowY, kHighY] and the terms' sum is finite; otherwise it does the block again
  // with operator() (which validates and handles zeros and extremes). Every kernel has these.
  static constexpr double kLowX = 2 * DBL_MIN, kHighX = DBL_MAX / 4, kLowY = DBL_MIN, kHighY = DBL_MAX;  // log_ratio_normal's ranges
  F2 fast(F2 x, F2 y) const { return x * log_ratio_normal(x, y); }
};

// p ln q (the caller negates); +inf contribution where p > 0 = q.
struct CrossKernel {
  F2 operator()(F2 x, F2 y, M2& infinite, M2&) const {
    const M2 positive = x > splat(0.0);
    infinite = infinite | (positive & (y == splat(0.0)));
    const M2 live = positive & (y > splat(0.0));
    return select(live, x * log_positive(select(live, y, splat(1.0))), splat(0.0));
  }
  static double scalar(double x, double y) { return x > 0.0 ? x * std::log(y) : 0.0; }
  static constexpr double kLowX = 0.0, kHighX = DBL_MAX, kLowY = DBL_MIN, kHighY = DBL_MAX;
  F2 fast(F2 x, F2 y) const { return x * log_positive<true>(y); }
};

// -p ln p.
struct EntropyKernel {
  F2 operator()(F2 x, F2, M2&, M2&) const {
    const M2 live = x > splat(0.0);
    return select(live, splat(0.0) - x * log_positive(select(live, x, splat(1.0))), splat(0.0));
  }
  static double scalar(double x, double) { return entr(x); }
  static constexpr double kLowX = DBL_MIN, kHighX = DBL_MAX, kLowY = DBL_MIN, kHighY = DBL_MAX;
  F2 fast(F2 x, F2) const { return splat(0.0) - x * log_positive<true>(x); }
};

// js_term of pointwise.hpp: (p+q)/4 g((p-q)/(p+q)), g by its series below |d| = 1/4.
struct JsKernel {
  DIVERGENCE_LANES_INLINE static F2 series(F2 d2) {
    // g(d) = sum_{k>=1} d^(2k) / (k (2k - 1)); 15 terms reach 2^-60 for d^2 < 1/16. Estrin's
    // scheme in pairs of terms: a chain of 5 steps instead of Horner's 15.
    const auto c = [](int k) { return splat(1.0 / (k * (2.0 * k - 1.0))); };
    const F2 w2 = d2 * d2;
    const F2 w4 = w2 * w2;
    const F2 w8 = w4 * w4;
    const F2 a0 = c(1) + d2 * c(2), a1 = c(3) + d2 * c(4), a2 = c(5) + d2 * c(6), a3 = c(7) + d2 * c(8);
    const F2 a4 = c(9) + d2 * c(10), a5 = c(11) + d2 * c(12), a6 = c(13) + d2 * c(14);
    const F2 low = (a0 + w2 * a1) + w4 * (a2 + w2 * a3);
    const F2 high = (a4 + w2 * a5) + w4 * (a6 + w2 * c(15));
    return d2 * (low + w8 * high);
  }
  // (1+a) ln(1+a) + (1-a) ln(1-a) for a in [1/4, 1]; 2 ln 2 at a = 1. 1 - a is 0 or at least
  // 2^-53, so both logarithms see normal arguments.
  DIVERGENCE_LANES_INLINE static F2 logs(F2 a) {
    const F2 plus = splat(1.0) + a;
    const F2 minus = splat(1.0) - a;
    const F2 minus_a = splat(0.0) - a;
    const M2 inside = a < splat(1.0);
    const F2 lp = log_positive<true>(plus, &a);
    const F2 lm = log_positive<true>(select(inside, minus, splat(1.0)), &minus_a);
    return select(inside, plus * lp + minus * lm, splat(2.0 * kLn2));
  }
  // g(d) for d = (x - y)/(x + y), by the series below |d| = 1/4 and the logarithms above.
  DIVERGENCE_LANES_INLINE static F2 g(F2 d) {
    const F2 a = abs(d);
    const M2 small = a < splat(0.25);
    if (all(small)) return series(d * d);
    if (!any(small)) return logs(a);
    return select(small, series(d * d), logs(select(small, splat(0.5), a)));
  }
  F2 operator()(F2 x, F2 y, M2&, M2&) const {
    const F2 s = x + y;
    const M2 live = s > splat(0.0);
    const F2 d = (x - y) / select(live, s, splat(1.0));
    return select(live, splat(0.25) * s * g(d), splat(0.0));
  }
  static double scalar(double x, double y) { return js_term(x, y); }
  // Fast blocks: x and y positive normal (zeros take the careful path), at most DBL_MAX / 8 so
  // that ln(2x/s) and ln(2y/s) are in log_ratio_normal's ranges. Lanes with |x - y| >= s/4 take
  // (x ln(2x/s) + y ln(2y/s))/2, two divisions instead of the three of g(d) by logs.
  static constexpr double kLowX = DBL_MIN, kHighX = DBL_MAX / 8, kLowY = DBL_MIN, kHighY = DBL_MAX / 8;
  F2 fast(F2 x, F2 y) const {
    const F2 s = x + y;
    const F2 diff = x - y;
    const M2 small = abs(diff) * splat(4.0) < s;
    if (all(small)) {
      const F2 d = diff / s;
      return splat(0.25) * s * series(d * d);
    }
    const F2 logs = splat(0.5) * (x * log_ratio_normal(x + x, s) + y * log_ratio_normal(y + y, s));
    if (!any(small)) return logs;
    const F2 d = diff / s;
    return select(small, splat(0.25) * s * series(d * d), logs);
  }
};

// Validation and sums only (the first pass of Jensen-Shannon). Its fast blocks only sum: a block
// whose entries are all in [0, DBL_MAX] with finite sums is valid as it is.
struct NoTerms {
  F2 operator()(F2, F2, M2&, M2&) const { return splat(0.0); }
  static double scalar(double, double) { return 0.0; }
  static constexpr double kLowX = 0.0, kHighX = DBL_MAX, kLowY = 0.0, kHighY = DBL_MAX;
  F2 fast(F2, F2) const { return splat(0.0); }
};

struct Scan {
  double sp = 0.0, sq = 0.0, sum = 0.0;
  bool bad = false, infinite = false;
};

// The two lanes' compensated sums as one: their sum with its rounding error recovered exactly
// (Knuth's TwoSum, branch-free) plus both compensations. Infinite or NaN sums pass through.
double fold(const SumLanes& s) {
  const double a = lane(s.sum, 0), b = lane(s.sum, 1);
  const double t = a + b;
  if (!std::isfinite(t)) return t;
  const double b_part = t - a;
  const double error = (a - (t - b_part)) + (b - b_part);
  return t + (error + (lane(s.comp, 0) + lane(s.comp, 1)));
}

// One pass: validation of the raw entries, their sums, and the kernel's terms of x/dp, y/dq
// (kDivide) or of x, y. Without kPair, q is not read and the kernel sees y = x.
template <class Kernel, bool kPair, bool kDivide>
Scan scan(const Kernel& kernel, const double* p, const double* q, std::size_t n, double dp = 1.0, double dq = 1.0) {
  // Sums run in blocks: plain two-lane sums over kBlock entries, each block's partial sums then
  // added with Neumaier's compensation (error of a block bounded by kBlock/2 ulp of its magnitude,
  // typically about 3; the compensated total as summation.hpp, at a fraction of the cost).
  constexpr std::size_t kBlock = 32;
  SumLanes sum_p, sum_q, acc;
  NeumaierSum edges;
  M2 bad = none(), infinite = none();
  const F2 vdp = splat(dp), vdq = splat(dq), zero = splat(0.0), largest = splat(DBL_MAX);
  // The bounds on a fast block's raw sums of x and y per lane, so that each x and y the kernel
  // sees (x/dp, y/dq with kDivide) is at most Kernel::kHighX, kHighY.
  const F2 high_p = splat(kDivide ? Kernel::kHighX * dp : Kernel::kHighX);
  const F2 high_q = splat(kDivide ? Kernel::kHighY * dq : Kernel::kHighY);
  // Fast blocks divide by the sums through their reciprocals (within an ulp of the quotients, and
  // two divisions fewer per pair of lanes), which must be normal doubles.
  const bool fast_blocks = !kDivide || (dp >= 0x1p-1020 && dp <= 0x1p1020 && dq >= 0x1p-1020 && dq <= 0x1p1020);
  const F2 inverse_p = splat(1.0 / dp), inverse_q = splat(1.0 / dq);
  F2 block_p = zero, block_q = zero, block_t = zero;
  auto step = [&](F2 x, F2 y) {
    bad = bad | ~((x >= zero) & (x <= largest));
    block_p = block_p + x;
    if (kPair) {
      bad = bad | ~((y >= zero) & (y <= largest));
      block_q = block_q + y;
    }
    if (kDivide) {
      x = x / vdp;
      y = kPair ? y / vdq : x;
    }
    M2 edge = none();
    const F2 term = kernel(x, y, infinite, edge);
    if (any(edge)) {
      edges.add(Kernel::scalar(lane(x, 0), lane(y, 0)));
      edges.add(Kernel::scalar(lane(x, 1), lane(y, 1)));
    } else {
      block_t = block_t + term;
    }
  };
  auto flush = [&]() {
    sum_p.add(block_p);
    if (kPair) sum_q.add(block_q);
    acc.add(block_t);
    block_p = block_q = block_t = zero;
  };
  // The fast pass over entries [i, end) without per-entry checks: it keeps the smallest values
  // the kernel sees (pmin passes over NaN, which the sums catch, as they catch inf) and is taken
  // only if those are in the kernel's ranges, its terms' sum is finite and the sums of the x and
  // y in each lane are at most kHighX, kHighY (with every entry >= 0, that bounds each entry; NaN
  // fails the comparison). Returns false when the block must be done carefully. Eight entries
  // per iteration (four independent pairs of lanes, measured 7% faster than four in Chromium) to
  // overlap their latencies.
  auto fast_block = [&](std::size_t i, std::size_t end) {
    F2 low_x = largest, low_y = largest;
    auto term = [&](F2 x, F2 y) {
      if (kDivide) {
        x = x * inverse_p;
        y = kPair ? y * inverse_q : x;
      }
      low_x = pmin(low_x, x);
      if (kPair) low_y = pmin(low_y, y);
      return kernel.fast(x, y);
    };
    F2 block_t2 = zero;
    std::size_t j = i;
    for (; j + 8 <= end; j += 8) {
      const F2 x0 = load(p + j), x1 = load(p + j + 2), x2 = load(p + j + 4), x3 = load(p + j + 6);
      const F2 y0 = kPair ? load(q + j) : x0, y1 = kPair ? load(q + j + 2) : x1;
      const F2 y2 = kPair ? load(q + j + 4) : x2, y3 = kPair ? load(q + j + 6) : x3;
      block_p = block_p + ((x0 + x1) + (x2 + x3));
      if (kPair) block_q = block_q + ((y0 + y1) + (y2 + y3));
      block_t = block_t + (term(x0, y0) + term(x2, y2));
      block_t2 = block_t2 + (term(x1, y1) + term(x3, y3));
    }
    for (; j < end; j += 2) {  // the last, partial block
      const F2 x = load(p + j);
      const F2 y = kPair ? load(q + j) : x;
      block_p = block_p + x;
      if (kPair) block_q = block_q + y;
      block_t = block_t + term(x, y);
    }
    block_t = block_t + block_t2;
    M2 ok = (low_x >= splat(Kernel::kLowX)) & (block_p <= high_p) & finite(block_t);
    if (kPair) ok = ok & (low_y >= splat(Kernel::kLowY)) & (block_q <= high_q);
    return all(ok);
  };
  std::size_t i = 0;
  while (i + 2 <= n) {
    const std::size_t end = (n - i) / 2 > kBlock / 2 ? i + kBlock : i + ((n - i) & ~std::size_t(1));
    if (!(fast_blocks && fast_block(i, end))) {
      block_p = block_q = block_t = zero;
      for (std::size_t j = i; j < end; j += 2) {
        const F2 x = load(p + j);
        step(x, kPair ? load(q + j) : x);
      }
    }
    i = end;
    flush();
  }
  if (i < n) {
    const double tail_p[2] = {p[i], 0.0};
    const double tail_q[2] = {kPair ? q[i] : p[i], 0.0};
    step(load(tail_p), load(kPair ? tail_q : tail_p));
    flush();
  }
  Scan out;
  out.bad = any(bad);
  out.infinite = any(infinite);
  out.sp = fold(sum_p);
  out.sq = kPair ? fold(sum_q) : out.sp;
  NeumaierSum total;
  total.add(fold(acc));
  total.add(edges.value());
  out.sum = total.value();
  return out;
}

// A usable first pass: valid entries with finite positive sums.
bool usable(const Scan& s) { return !s.bad && std::isfinite(s.sp) && std::isfinite(s.sq) && s.sp > 0.0 && s.sq > 0.0; }

bool valid_base(double base) { return std::isfinite(base) && base > 0.0 && base != 1.0; }

// ln(a/b) accurately also for a ~ b (pointwise.hpp), 0 for a == b.
double log_of_ratio(double a, double b) { return a == b ? 0.0 : log_ratio(a, b); }

// KL and cross-entropy share one fold: the kernel's sum over the raw weights, times `sign`, divided
// by sum p, plus a correction from the two sums (ln(sum q / sum p) for KL, ln sum q for
// cross-entropy). Where the correction outweighs the result (cancellation), a second pass over the
// normalized values gives it instead.
template <class Kernel>
bool folded_pair(Span p, Span q, const Options& opt, double sign, double (*correction)(const Scan&), double& out) {
  const Kernel k;
  const Scan s = scan<Kernel, true, false>(k, p.data, q.data, p.size);
  if (!usable(s)) return false;
  const double unit = log_base(opt.base);
  if (s.infinite) {
    out = kInf / unit;
    return true;
  }
  if (!std::isfinite(s.sum)) return false;
  if (!opt.normalize) {
    out = sign * s.sum / unit;
    return true;
  }
  const double c = correction(s);
  const double folded = sign * s.sum / s.sp + c;
  if (std::fabs(c) <= std::fabs(folded)) {
    out = folded / unit;
    return true;
  }
  const Scan n = scan<Kernel, true, true>(k, p.data, q.data, p.size, s.sp, s.sq);
  if (!std::isfinite(n.sum)) return false;
  out = sign * n.sum / unit;
  return true;
}

double kl_correction(const Scan& s) { return log_of_ratio(s.sq, s.sp); }
double cross_correction(const Scan& s) { return s.sq == 1.0 ? 0.0 : std::log(s.sq); }

bool kl(Span p, Span q, const Options& opt, double& out) {
  return folded_pair<KlKernel>(p, q, opt, 1.0, kl_correction, out);
}

bool cross(Span p, Span q, const Options& opt, double& out) {
  return folded_pair<CrossKernel>(p, q, opt, -1.0, cross_correction, out);
}

bool jensen_shannon(Span p, Span q, const Options& opt, double& out) {
  const JsKernel k;
  double sum = 0.0;
  if (!opt.normalize) {
    const Scan s = scan<JsKernel, true, false>(k, p.data, q.data, p.size);
    if (!usable(s)) return false;
    sum = s.sum;
  } else {
    const Scan s = scan<NoTerms, true, false>(NoTerms{}, p.data, q.data, p.size);
    if (!usable(s)) return false;
    sum = scan<JsKernel, true, true>(k, p.data, q.data, p.size, s.sp, s.sq).sum;
  }
  if (!std::isfinite(sum)) return false;
  out = sum / log_base(opt.base);
  return true;
}

}  // namespace

bool fused_sum_terms(Term t, Span p, Span q, const Options& opt, double& out) {
  if (opt.smoothing.kind != Smoothing::Kind::None || p.size == 0 || p.size != q.size || !valid_base(opt.base)) return false;
  switch (t) {
    case Term::KL:
      return kl(p, q, opt, out);
    case Term::CrossEntropy:
      return cross(p, q, opt, out);
    case Term::JensenShannon:
      return jensen_shannon(p, q, opt, out);
    default:
      return false;
  }
}

bool fused_entropy(Span p, const Options& opt, double& out) {
  if (opt.smoothing.kind != Smoothing::Kind::None || p.size == 0 || !valid_base(opt.base)) return false;
  const EntropyKernel k;
  const Scan s = scan<EntropyKernel, false, false>(k, p.data, nullptr, p.size);
  if (!usable(s) || !std::isfinite(s.sum)) return false;
  const double unit = log_base(opt.base);
  if (!opt.normalize) {
    out = s.sum / unit;
    return true;
  }
  const double correction = s.sp == 1.0 ? 0.0 : std::log(s.sp);
  const double folded = s.sum / s.sp + correction;
  if (std::fabs(correction) <= std::fabs(folded)) {
    out = folded / unit;
    return true;
  }
  const Scan n = scan<EntropyKernel, false, true>(k, p.data, nullptr, p.size, s.sp);
  if (!std::isfinite(n.sum)) return false;
  out = n.sum / unit;
  return true;
}

void vector_log(const double* x, double* out, std::size_t n) {
  std::size_t i = 0;
  for (; i + 2 <= n; i += 2) {
    const F2 l = log_any(load(x + i));
    out[i] = lane(l, 0);
    out[i + 1] = lane(l, 1);
  }
  if (i < n) {
    const double tail[2] = {x[i], 1.0};
    out[i] = lane(log_any(load(tail)), 0);
  }
}

void vector_log_ratio(const double* x, const double* y, double* out, std::size_t n) {
  std::size_t i = 0;
  for (; i + 2 <= n; i += 2) {
    const F2 l = log_ratio_normal(load(x + i), load(y + i));
    out[i] = lane(l, 0);
    out[i + 1] = lane(l, 1);
  }
  if (i < n) {
    const double tx[2] = {x[i], 1.0}, ty[2] = {y[i], 1.0};
    out[i] = lane(log_ratio_normal(load(tx), load(ty)), 0);
  }
}

double sum_of_pair(const double* a, const double* b, std::size_t n) {
  F2 s0 = splat(0.0), s1 = s0, s2 = s0, s3 = s0;
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    s0 = s0 + load(a + i);
    s1 = s1 + load(a + i + 2);
    s2 = s2 + load(b + i);
    s3 = s3 + load(b + i + 2);
  }
  double rest = 0.0;
  for (; i < n; ++i) rest += a[i] + b[i];
  const F2 s = (s0 + s1) + (s2 + s3);
  return lane(s, 0) + lane(s, 1) + rest;
}

bool fused_simd() { return kSimd; }

}  // namespace divergence
