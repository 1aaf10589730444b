// Exact label counts with a Misra-Gries fallback (see sketch_labels.hpp).
#include "divergence/sketch_labels.hpp"

#include <algorithm>
#include <cstring>

#include "divergence/errors.hpp"

namespace divergence {
namespace {

// Equal bytes; short labels (most categories and numbers) without a call to memcmp.
inline bool same_bytes(const char* a, const char* b, std::size_t n) {
  if (n > 16) return std::memcmp(a, b, n) == 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

}  // namespace

std::uint64_t hash_bytes(std::string_view s) {
  // 8 bytes at a time, multiply-xorshift mixing (in the spirit of wyhash / splitmix64 finalisers).
  constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ULL;
  std::uint64_t h = 0x243F6A8885A308D3ULL ^ (s.size() * kMul);
  const char* p = s.data();
  std::size_t n = s.size();
  while (n >= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * kMul;
    h ^= h >> 29;
    p += 8;
    n -= 8;
  }
  // The last n (< 8) bytes as a little-endian word, as memcpy(&w, p, n) into a zero word would give,
  // without a call to memcpy of a variable length (a hot spot: every field of a column is hashed).
  std::uint64_t w = 0;
  if (n > 0 && s.size() >= 8) {
    std::memcpy(&w, p + n - 8, 8);  // the 8 bytes ending at the end: the wanted ones are on top
    w >>= 8 * (8 - n);
  } else {
    for (std::size_t i = 0; i < n; ++i) w |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  }
  h = (h ^ w ^ (static_cast<std::uint64_t>(n) << 56)) * kMul;
  h ^= h >> 32;
  h *= 0xD6E8FEB86659FD93ULL;
  h ^= h >> 32;
  return h;
}

LabelCounter::LabelCounter(std::size_t limit) : limit_(limit) {
  if (limit < 1) throw range_error("category_limit", "must be >= 1 (got 0)");
  rehash(16);
}

std::size_t LabelCounter::find_slot(std::string_view label, std::uint64_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = static_cast<std::size_t>(hash) & mask;
  for (;;) {
    const std::uint32_t s = slots_[i];
    if (s == 0) return i;
    const Entry& e = entries_[s - 1];
    if (e.hash == hash && e.length == label.size() && same_bytes(arena_.data() + e.offset, label.data(), label.size())) {
      return i;
    }
    i = (i + 1) & mask;
  }
}

void LabelCounter::rehash(std::size_t slots) {
  slots_.assign(slots, 0);
  const std::size_t mask = slots - 1;
  for (std::size_t k = 0; k < entries_.size(); ++k) {
    std::size_t i = static_cast<std::size_t>(entries_[k].hash) & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = static_cast<std::uint32_t>(k + 1);
  }
}

void LabelCounter::add(std::string_view label, std::uint64_t count) {
  if (count == 0) return;
  total_ += count;
  const std::uint64_t hash = hash_bytes(label);
  const std::size_t slot = find_slot(label, hash);
  if (slots_[slot] != 0) {
    entries_[slots_[slot] - 1].count += count;
    return;
  }
  entries_.push_back({hash, count, arena_.size(), label.size()});
  arena_.append(label.data(), label.size());
  slots_[slot] = static_cast<std::uint32_t>(entries_.size());
  if (entries_.size() * 2 > slots_.size()) rehash(slots_.size() * 2);
  if (exact_ && entries_.size() > limit_) {
    exact_ = false;
    reduce();
  } else if (!exact_ && entries_.size() > 2 * limit_) {
    reduce();
  }
}

bool LabelCounter::try_add(std::string_view label) {
  if (!exact_) return false;
  const std::uint64_t hash = hash_bytes(label);
  const std::size_t slot = find_slot(label, hash);
  if (slots_[slot] != 0) {
    ++entries_[slots_[slot] - 1].count;
    ++total_;
    return true;
  }
  if (entries_.size() >= limit_) return false;
  ++total_;
  entries_.push_back({hash, 1, arena_.size(), label.size()});
  arena_.append(label.data(), label.size());
  slots_[slot] = static_cast<std::uint32_t>(entries_.size());
  if (entries_.size() * 2 > slots_.size()) rehash(slots_.size() * 2);
  return true;
}

void LabelCounter::reduce() {
  if (entries_.size() <= limit_) return;
  // c = the (limit + 1)-th largest count.
  std::vector<std::uint64_t> counts;
  counts.reserve(entries_.size());
  for (const Entry& e : entries_) counts.push_back(e.count);
  std::nth_element(counts.begin(), counts.begin() + static_cast<std::ptrdiff_t>(limit_), counts.end(),
                   [](std::uint64_t a, std::uint64_t b) { return a > b; });
  const std::uint64_t c = counts[limit_];
  error_ += c;
  // Keep the labels whose count stays positive; compact the arena.
  std::vector<Entry> kept;
  std::string arena;
  for (const Entry& e : entries_) {
    if (e.count <= c) continue;
    kept.push_back({e.hash, e.count - c, arena.size(), e.length});
    arena.append(arena_.data() + e.offset, e.length);
  }
  entries_.swap(kept);
  arena_.swap(arena);
  std::size_t slots = 16;
  while (slots < entries_.size() * 2 + 2) slots *= 2;
  // Room for growth up to 2 * limit without rehashing on every insertion.
  while (slots < 4 * limit_ + 4 && slots < (std::size_t{1} << 20)) slots *= 2;
  rehash(slots);
}

void LabelCounter::merge(const LabelCounter& other) {
  if (!other.exact_) exact_ = false;
  error_ += other.error_;
  for (const Entry& e : other.entries_) add(other.label_of(e), e.count);
  // add() counted the other's held counts; its dropped mass is part of its total too.
  total_ += other.total_;
  for (const Entry& e : other.entries_) total_ -= e.count;
  if (!exact_ && entries_.size() > 2 * limit_) reduce();
}

std::size_t LabelCounter::memory_bytes() const {
  return entries_.capacity() * sizeof(Entry) + slots_.capacity() * sizeof(std::uint32_t) + arena_.capacity() + sizeof(*this);
}

std::vector<std::pair<std::string_view, std::uint64_t>> LabelCounter::items() const {
  std::vector<std::pair<std::string_view, std::uint64_t>> out;
  out.reserve(entries_.size());
  for (const Entry& e : entries_) out.emplace_back(label_of(e), e.count);
  return out;
}

}  // namespace divergence
