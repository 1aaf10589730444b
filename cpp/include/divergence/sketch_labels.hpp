// Counting labels (category texts) in bounded memory: exact counts up to a limit of distinct
// labels, then the Misra-Gries frequent-items summary with its guaranteed error bound.
//
// Exact mode: a hash table label -> count. When the number of distinct labels would exceed
// `limit`, the counter switches (once, for good) to Misra-Gries (J. Misra & D. Gries, "Finding
// repeated elements", Sci. Comput. Program. 2 (1982)) with k = limit counters, in the batched form:
// the table may grow to 2k labels; then the (k+1)-th largest count c is subtracted from every count
// and the labels left at <= 0 are dropped. Each such reduction lowers the count of any label by at
// most c and removes at least (k+1) c in total, so with E = the sum of the c's (error_bound()):
//     true count - E <= held count <= true count        for every label held,
//     true count <= E                                    for every label not held,
//     E <= (n - sum of held counts) / (k + 1) <= n / (k + 1).
// Merging (Agarwal, Cormode, Huang, Phillips, Wei & Yi, "Mergeable summaries", PODS 2012): add the
// other's counts label by label (reducing as above when the table overflows); E becomes the sum of
// both bounds plus the new reductions, so the guarantees above still hold for the union.
// Memory: at most 2k labels (their bytes plus ~40 bytes each).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace divergence {

class AccumulatorState;

class LabelCounter {
 public:
  // limit >= 1: the number of distinct labels counted exactly (and k of Misra-Gries after).
  explicit LabelCounter(std::size_t limit = 10000);

  void add(std::string_view label, std::uint64_t count = 1);
  // Adds one occurrence only if that keeps the counter exact (the label is held, or fewer than
  // `limit` labels are); returns false, changing nothing, otherwise.
  bool try_add(std::string_view label);
  void merge(const LabelCounter& other);

  bool exact() const { return exact_; }
  std::size_t limit() const { return limit_; }
  std::uint64_t total() const { return total_; }          // every count ever added
  std::uint64_t error_bound() const { return error_; }    // E above (0 while exact)
  std::size_t size() const { return entries_.size(); }    // labels held
  std::size_t memory_bytes() const;

  // The labels held with their counts, in no particular order. Views into the counter (valid until
  // the next add or merge).
  std::vector<std::pair<std::string_view, std::uint64_t>> items() const;

 private:
  struct Entry {
    std::uint64_t hash;
    std::uint64_t count;
    std::size_t offset;  // in arena_
    std::size_t length;
  };
  std::string_view label_of(const Entry& e) const { return std::string_view(arena_.data() + e.offset, e.length); }
  std::size_t find_slot(std::string_view label, std::uint64_t hash) const;
  void rehash(std::size_t slots);
  void reduce();

  std::size_t limit_;
  bool exact_ = true;
  std::uint64_t total_ = 0;
  std::uint64_t error_ = 0;
  std::vector<Entry> entries_;
  std::vector<std::uint32_t> slots_;  // 0 = empty, else entry index + 1; size a power of two
  std::string arena_;                 // label bytes

  friend class AccumulatorState;  // serialization (accumulator_state.hpp)
};

// A fast 64-bit hash of bytes (not cryptographic; used by LabelCounter).
std::uint64_t hash_bytes(std::string_view s);

}  // namespace divergence
