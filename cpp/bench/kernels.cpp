// Native baseline for the performance work (issue 7): the core's KL, cross-entropy, entropy and
// JS on random normalized distributions, against a plain loop of the same formula and a
// memory-bandwidth probe (sum over both arrays), for N = 1e3 .. 1e7.
// Run: scripts/bench-native  (prints Google Benchmark's table; items/s = elements/s).
#include <benchmark/benchmark.h>

#include <cmath>
#include <random>
#include <vector>

#include "divergence/discrete.hpp"

namespace {

struct Pair {
  std::vector<double> p, q;
};

const Pair& pair(std::size_t n) {
  static std::vector<std::pair<std::size_t, Pair>> cache;
  for (auto& [size, value] : cache) {
    if (size == n) return value;
  }
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> u(0.01, 1.0);
  Pair out{std::vector<double>(n), std::vector<double>(n)};
  double sp = 0, sq = 0;
  for (std::size_t i = 0; i < n; ++i) {
    sp += out.p[i] = u(rng);
    sq += out.q[i] = u(rng);
  }
  for (std::size_t i = 0; i < n; ++i) {
    out.p[i] /= sp;
    out.q[i] /= sq;
  }
  cache.emplace_back(n, std::move(out));
  return cache.back().second;
}

template <class F>
void run(benchmark::State& state, F f) {
  const Pair& d = pair(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(f(d));
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.SetBytesProcessed(state.iterations() * state.range(0) * 16);
}

void BM_CoreKl(benchmark::State& s) { run(s, [](const Pair& d) { return divergence::kl_divergence(d.p, d.q); }); }
void BM_CoreKlNoNormalize(benchmark::State& s) {
  divergence::Options o;
  o.normalize = false;
  run(s, [&](const Pair& d) { return divergence::kl_divergence(d.p, d.q, o); });
}
void BM_CoreCrossEntropy(benchmark::State& s) { run(s, [](const Pair& d) { return divergence::cross_entropy(d.p, d.q); }); }
void BM_CoreEntropy(benchmark::State& s) { run(s, [](const Pair& d) { return divergence::entropy(d.p); }); }
void BM_CoreJs(benchmark::State& s) { run(s, [](const Pair& d) { return divergence::js_divergence(d.p, d.q); }); }

// The textbook loop: what a plain implementation does (no validation, no compensation).
void BM_PlainLoopKl(benchmark::State& s) {
  run(s, [](const Pair& d) {
    double sum = 0;
    for (std::size_t i = 0; i < d.p.size(); ++i) sum += d.p[i] * std::log(d.p[i] / d.q[i]);
    return sum;
  });
}

// The physical bound: read both arrays once.
void BM_BandwidthSum(benchmark::State& s) {
  run(s, [](const Pair& d) {
    double sum = 0;
    for (std::size_t i = 0; i < d.p.size(); ++i) sum += d.p[i] + d.q[i];
    return sum;
  });
}

#define SIZES RangeMultiplier(100)->Range(1000, 10000000)->Unit(benchmark::kMicrosecond)
BENCHMARK(BM_BandwidthSum)->SIZES;
BENCHMARK(BM_PlainLoopKl)->SIZES;
BENCHMARK(BM_CoreKl)->SIZES;
BENCHMARK(BM_CoreKlNoNormalize)->SIZES;
BENCHMARK(BM_CoreCrossEntropy)->SIZES;
BENCHMARK(BM_CoreEntropy)->SIZES;
BENCHMARK(BM_CoreJs)->SIZES;

}  // namespace

BENCHMARK_MAIN();
