// Native end-to-end comparison of two files, read in 4 MiB chunks through the streaming engine:
// the native row of scripts/bench-compare. Usage: bench_compare_files REFERENCE CURRENT [REPORT.json]
// (the report is written to REPORT.json when given, to compare builds).
// Prints one JSON line: bytes, wall seconds, MB/s, the report's size, and the CPU seconds of each
// stage ("read": feed() of both files, parsing and accumulating; "finish": finish() of both sides,
// which sorts the stored values; "report": compare_json) and in all.
#include <chrono>
#include <ctime>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "divergence/accumulator.hpp"
#include "divergence/compare.hpp"
#include "divergence/report_spec.hpp"

namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }
// CPU seconds of this process (user + system): steadier than wall time on a shared machine.
double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

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
  return total;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3 && argc != 4) {
    std::cerr << "usage: bench_compare_files REFERENCE CURRENT [REPORT.json]\n";
    return 2;
  }
  try {
    const auto t0 = Clock::now();
    const double c0 = cpu_seconds();
    divergence::CompareSpec spec = divergence::parse_compare_spec({{"binning", "equal-width:20"}, {"smoothing", "epsilon:0.0001"}});
    divergence::DatasetAccumulator ref(spec, "reference"), cur(spec, "current");
    const std::size_t bytes = read_into(ref, argv[1]) + read_into(cur, argv[2]);
    const double c1 = cpu_seconds();
    ref.finish();
    cur.finish();
    const double c2 = cpu_seconds();
    const std::string json = divergence::compare_json(ref, cur, spec);
    const double c3 = cpu_seconds();
    const double s = seconds_since(t0);
    std::printf("{\"bytes\": %zu, \"seconds\": %.4f, \"mb_per_s\": %.1f, \"report_bytes\": %zu, "
                "\"cpu_seconds\": {\"read\": %.3f, \"finish\": %.3f, \"report\": %.3f, \"total\": %.3f}, "
                "\"cpu_mb_per_s\": %.1f}\n",
                bytes, s, bytes / 1e6 / s, json.size(), c1 - c0, c2 - c1, c3 - c2, c3 - c0, bytes / 1e6 / (c3 - c0));
    if (argc == 4) {
      std::ofstream out(argv[3], std::ios::binary);
      out << json;
      if (!out) throw std::runtime_error(std::string("cannot write ") + argv[3]);
    }
  } catch (const std::exception& e) {
    std::cerr << e.what() << "\n";
    return 2;
  }
  return 0;
}
