// Fuzz target: the CSV/JSON Lines readers, type inference and the whole comparison on arbitrary
// bytes. The input is split at its first 0xFF byte into a reference and a current file (or used
// for both). Format errors and argument errors are expected; crashes and sanitizer reports are
// findings.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "divergence/compare.hpp"
#include "divergence/errors.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view all(reinterpret_cast<const char*>(data), size);
  const std::size_t cut = all.find('\xff');
  const std::string_view ref = cut == std::string_view::npos ? all : all.substr(0, cut);
  const std::string_view cur = cut == std::string_view::npos ? all : all.substr(cut + 1);
  try {
    divergence::compare_csv_json(ref, cur);
  } catch (const divergence::FormatError&) {
  } catch (const divergence::ArgumentError&) {
  }
  return 0;
}
