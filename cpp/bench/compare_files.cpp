// Native end-to-end comparison of two files, read in 4 MiB chunks through the streaming engine:
// the native row of scripts/bench-compare. Usage: bench_compare_files REFERENCE CURRENT
// Prints the report's verdict line and the elapsed seconds and MB/s on stderr.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "divergence/accumulator.hpp"
#include "divergence/compare.hpp"
#include "divergence/report_spec.hpp"

namespace {

std::size_t read_into(divergence::DatasetAccumulator& acc, const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(std::string("cannot open ") + path);
  std::vector<char> buffer(4 << 20);
  std::size_t total = 0;
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    const std::size_t n = static_cast<std::size_t>(in.gcount());
    if (n == 0) break;
    acc.feed(std::string_view(buffer.data(), n));
    total += n;
  }
  acc.finish();
  return total;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: bench_compare_files REFERENCE CURRENT\n";
    return 2;
  }
  try {
    const auto t0 = std::chrono::steady_clock::now();
    divergence::CompareSpec spec = divergence::parse_compare_spec({{"binning", "equal-width:20"}, {"smoothing", "epsilon:0.0001"}});
    divergence::DatasetAccumulator ref(spec, "reference"), cur(spec, "current");
    const std::size_t bytes = read_into(ref, argv[1]) + read_into(cur, argv[2]);
    const std::string json = divergence::compare_json(ref, cur, spec);
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("{\"bytes\": %zu, \"seconds\": %.4f, \"mb_per_s\": %.1f, \"report_bytes\": %zu}\n", bytes, s, bytes / 1e6 / s, json.size());
  } catch (const std::exception& e) {
    std::cerr << e.what() << "\n";
    return 2;
  }
  return 0;
}
