// Serialized accumulator state (see accumulator_state.hpp).
#include "divergence/accumulator_state.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "divergence/errors.hpp"

namespace divergence {
namespace {

constexpr char kMagic[5] = {'D', 'L', 'A', 'C', 'C'};
constexpr std::uint8_t kVersion = 2;
constexpr std::size_t kMaxLevels = 64;

// Doubles are written as their bit patterns, little-endian: on a little-endian host (x86, ARM,
// WebAssembly) that is their memory layout, and arrays are copied whole.
const bool kLittleEndian = [] {
  const std::uint32_t one = 1;
  unsigned char b;
  std::memcpy(&b, &one, 1);
  return b == 1;
}();

class Writer {
 public:
  void u8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void u32(std::uint32_t v) {
    for (int i = 0; i < 4; ++i) u8(static_cast<std::uint8_t>(v >> (8 * i)));
  }
  void u64(std::uint64_t v) {
    for (int i = 0; i < 8; ++i) u8(static_cast<std::uint8_t>(v >> (8 * i)));
  }
  void f64(double x) {
    std::uint64_t u;
    std::memcpy(&u, &x, sizeof u);
    u64(u);
  }
  void str(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    out_.append(s.data(), s.size());
  }
  void doubles(const std::vector<double>& v) {
    u64(v.size());
    if (kLittleEndian) {  // the bytes are the layout: one copy (stored values are most of a state)
      if (!v.empty()) out_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(double));
      return;
    }
    for (double x : v) f64(x);
  }
  void raw(const char* p, std::size_t n) { out_.append(p, n); }
  void reserve(std::size_t n) { out_.reserve(n); }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

[[noreturn]] void fail(const std::string& problem) { throw FormatError("accumulator state: " + problem); }

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  void need(std::size_t n) {
    if (in_.size() - pos_ < n) fail("truncated at byte " + std::to_string(in_.size()));
  }
  std::uint8_t u8() {
    need(1);
    return static_cast<std::uint8_t>(in_[pos_++]);
  }
  std::uint32_t u32() {
    need(4);
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(static_cast<std::uint8_t>(in_[pos_++])) << (8 * i);
    return v;
  }
  std::uint64_t u64() {
    need(8);
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(static_cast<std::uint8_t>(in_[pos_++])) << (8 * i);
    return v;
  }
  double f64() {
    const std::uint64_t u = u64();
    double x;
    std::memcpy(&x, &u, sizeof x);
    return x;
  }
  bool flag(const std::string& what) {
    const std::uint8_t v = u8();
    if (v > 1) fail(what + ": flag is " + std::to_string(v) + " (0 or 1 expected)");
    return v == 1;
  }
  std::string_view str() {
    const std::uint32_t n = u32();
    need(n);
    const std::string_view s = in_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  // A count of items of at least item_bytes bytes each: never more than the bytes left allow.
  std::uint64_t count(std::size_t item_bytes, const std::string& what) {
    const std::uint64_t n = u64();
    if (item_bytes > 0 && n > (in_.size() - pos_) / item_bytes) {
      fail(what + ": count " + std::to_string(n) + " exceeds the bytes left");
    }
    return n;
  }
  std::vector<double> finite_doubles(const std::string& what) {
    const std::uint64_t n = count(8, what);
    std::vector<double> v(static_cast<std::size_t>(n));
    if (kLittleEndian) {
      if (!v.empty()) std::memcpy(v.data(), in_.data() + pos_, v.size() * sizeof(double));
      pos_ += v.size() * sizeof(double);
    } else {
      for (auto& x : v) x = f64();
    }
    for (double x : v) {
      if (!std::isfinite(x)) fail(what + ": value is not finite");
    }
    return v;
  }
  std::size_t position() const { return pos_; }
  std::size_t left() const { return in_.size() - pos_; }

 private:
  std::string_view in_;
  std::size_t pos_ = 0;
};

bool ascending(const std::vector<double>& v) {
  for (std::size_t i = 1; i < v.size(); ++i) {
    if (v[i] < v[i - 1]) return false;
  }
  return true;
}

}  // namespace

class AccumulatorState {
 public:
  static void write_labels(Writer& w, const LabelCounter& l) {
    w.u8(l.exact_ ? 1 : 0);
    w.u64(l.total_);
    w.u64(l.error_);
    w.u64(l.entries_.size());
    for (const auto& e : l.entries_) {
      w.u64(e.count);
      w.str(l.label_of(e));
    }
  }

  static void read_labels(Reader& r, LabelCounter& l, const std::string& what) {
    l.exact_ = r.flag(what + ": exact");
    l.total_ = r.u64();
    l.error_ = r.u64();
    const std::uint64_t n = r.count(12, what + ": labels");
    if (n > 2 * l.limit_ || (l.exact_ && n > l.limit_)) fail(what + ": " + std::to_string(n) + " labels exceed the category limit");
    if (l.exact_ && l.error_ != 0) fail(what + ": exact label counter with an error bound");
    std::uint64_t sum = 0;
    for (std::uint64_t k = 0; k < n; ++k) {
      const std::uint64_t count = r.u64();
      const std::string_view label = r.str();
      if (count == 0) fail(what + ": label with count 0");
      const std::uint64_t hash = hash_bytes(label);
      const std::size_t slot = l.find_slot(label, hash);
      if (l.slots_[slot] != 0) fail(what + ": duplicate label");
      l.entries_.push_back({hash, count, l.arena_.size(), label.size()});
      l.arena_.append(label.data(), label.size());
      l.slots_[slot] = static_cast<std::uint32_t>(l.entries_.size());
      if (l.entries_.size() * 2 > l.slots_.size()) l.rehash(l.slots_.size() * 2);
      sum += count;
    }
    if (sum > l.total_) fail(what + ": label counts exceed the total");
  }

  static void write_sketch(Writer& w, const QuantileSketch& s) {
    w.u64(s.k_);
    w.u64(s.n_);
    w.u64(s.error_);
    w.u64(s.levels_.size());
    for (std::size_t h = 0; h < s.levels_.size(); ++h) {
      w.u8(s.offset_[h]);
      w.doubles(s.levels_[h]);
    }
  }

  static std::unique_ptr<QuantileSketch> read_sketch(Reader& r, std::size_t k, const std::string& what) {
    const std::uint64_t sk = r.u64();
    if (sk != k) fail(what + ": sketch k " + std::to_string(sk) + " differs from sketch_k " + std::to_string(k));
    auto s = std::make_unique<QuantileSketch>(k);
    s->n_ = r.u64();
    s->error_ = r.u64();
    const std::uint64_t levels = r.u64();
    if (levels < 1 || levels > kMaxLevels) fail(what + ": " + std::to_string(levels) + " sketch levels (1 to 64 expected)");
    s->levels_.assign(static_cast<std::size_t>(levels), {});
    s->offset_.assign(static_cast<std::size_t>(levels), 0);
    long double weight = 0;
    for (std::size_t h = 0; h < levels; ++h) {
      s->offset_[h] = r.flag(what + ": sketch offset") ? 1 : 0;
      s->levels_[h] = r.finite_doubles(what + ": sketch level");
      if (s->levels_[h].size() >= k) fail(what + ": sketch level " + std::to_string(h) + " holds k values or more");
      weight += static_cast<long double>(s->levels_[h].size()) * std::ldexp(1.0L, static_cast<int>(h));
    }
    if (weight > static_cast<long double>(s->n_)) fail(what + ": sketch weights exceed its count");
    return s;
  }

  static void write_column(Writer& w, const ColumnAccumulator& c) {
    w.u64(c.missing_);
    w.u64(c.present_);
    w.u8(c.numeric_ok_);
    w.u8(c.boolean_ok_);
    w.u8(c.boolean_literals_);
    w.u8(c.labels_paused_);
    w.u8(c.labels_deferred_);
    w.u8(static_cast<std::uint8_t>(c.decimals_ + 1));  // -1 (no text yet) .. 15
    w.u8(c.distinct_overflow_);
    w.u8(c.int_literals_);
    w.u8(c.sketch_ ? 1 : 0);
    w.str(c.first_non_numeric_);
    w.str(c.first_non_boolean_);
    write_labels(w, c.labels_);
    w.u64(c.labels_skipped_);
    w.u64(c.true_count_);
    w.u64(c.false_count_);
    w.doubles(c.values_);
    w.f64(c.min_);
    w.f64(c.max_);
    w.f64(c.mean_);
    w.f64(c.m2_);
    w.u64(c.distinct_.size());
    for (const auto& d : c.distinct_) {
      w.f64(d.first);
      w.u64(d.second);
    }
    if (c.sketch_) write_sketch(w, *c.sketch_);
  }

  static std::unique_ptr<ColumnAccumulator> read_column(Reader& r, const CompareSpec& spec, const std::string& what) {
    auto c = std::make_unique<ColumnAccumulator>(spec.category_limit, spec.sketch_k);
    c->missing_ = r.u64();
    c->present_ = r.u64();
    c->numeric_ok_ = r.flag(what + ": numeric");
    c->boolean_ok_ = r.flag(what + ": boolean");
    c->boolean_literals_ = r.flag(what + ": boolean literals");
    c->labels_paused_ = r.flag(what + ": labels paused");
    c->labels_deferred_ = r.flag(what + ": labels deferred");
    const std::uint8_t decimals = r.u8();
    if (decimals > 16) fail(what + ": " + std::to_string(decimals - 1) + " decimals (at most 15 expected)");
    c->decimals_ = static_cast<int>(decimals) - 1;
    c->distinct_overflow_ = r.flag(what + ": distinct overflow");
    c->int_literals_ = r.flag(what + ": integer literals");
    const bool sketched = r.flag(what + ": sketched");
    c->first_non_numeric_ = std::string(r.str());
    c->first_non_boolean_ = std::string(r.str());
    read_labels(r, c->labels_, what);
    c->labels_skipped_ = r.u64();
    c->true_count_ = r.u64();
    c->false_count_ = r.u64();
    c->values_ = r.finite_doubles(what + ": values");
    c->min_ = r.f64();
    c->max_ = r.f64();
    c->mean_ = r.f64();
    c->m2_ = r.f64();
    const std::uint64_t nd = r.count(16, what + ": distinct values");
    if (nd > ColumnAccumulator::kDistinctLimit) fail(what + ": more than 20 distinct values");
    std::uint64_t distinct_sum = 0;
    for (std::uint64_t k = 0; k < nd; ++k) {
      const double x = r.f64();
      const std::uint64_t n = r.u64();
      if (!std::isfinite(x)) fail(what + ": distinct value is not finite");
      c->distinct_.emplace_back(x, n);
      distinct_sum += n;
    }
    if (sketched) c->sketch_ = read_sketch(r, spec.sketch_k, what);

    // Consistency: what the report and merge rely on.
    if (c->true_count_ + c->false_count_ > c->present_) fail(what + ": boolean counts exceed the values seen");
    if (c->labels_.total_ + c->labels_skipped_ > c->present_) fail(what + ": label counts exceed the values seen");
    if (c->numeric_ok_) {
      if (!std::isfinite(c->min_) || !std::isfinite(c->max_) || !std::isfinite(c->mean_) || !std::isfinite(c->m2_) ||
          c->m2_ < 0 || (c->present_ > 0 && c->min_ > c->max_)) {
        fail(what + ": bad min, max or moments");
      }
      if (sketched) {
        if (!c->values_.empty()) fail(what + ": both stored values and a sketch");
        if (c->sketch_->n_ != c->present_) fail(what + ": sketch count differs from the values seen");
      } else if (c->values_.size() != c->present_) {
        fail(what + ": stored values differ from the values seen");
      }
      if (!ascending(c->values_)) fail(what + ": stored values are not ascending");
      for (double x : c->values_) {
        if (x < c->min_ || x > c->max_) fail(what + ": stored value outside min..max");
      }
      if (!c->distinct_overflow_ && distinct_sum != c->present_) fail(what + ": distinct counts differ from the values seen");
    } else if (!c->values_.empty() || sketched || !c->distinct_.empty()) {
      fail(what + ": numbers kept for a column that is not numeric");
    }
    if (c->distinct_overflow_ && !c->distinct_.empty()) fail(what + ": distinct values kept after overflow");
    if (c->labels_deferred_) {
      // Deferred labels are rebuilt from the stored values: nothing counted, values all there.
      if (!c->numeric_ok_ || sketched) fail(what + ": deferred labels without stored values");
      if (c->labels_.total_ != 0 || c->labels_skipped_ != 0 || c->labels_paused_) {
        fail(what + ": deferred labels with labels counted");
      }
      if (c->decimals_ < 0 && c->present_ > 0) fail(what + ": deferred labels without their decimals");
      if (c->present_ > 0 && !(std::fabs(c->min_) < 1e15 && std::fabs(c->max_) < 1e15)) {
        fail(what + ": deferred labels of values that are not plain decimals");
      }
    }
    c->sorted_ = true;
    return c;
  }

  // keep: nullptr for every column, else which columns keep their content (the others are
  // written as all-missing columns of the same rows).
  static std::string serialize(const DatasetAccumulator& a, const std::vector<bool>* keep) {
    if (!a.finished_) throw range_error("accumulator", "finish() it first");
    Writer w;
    // The stored values are most of a state: room for them up front, so that a large state is
    // not copied again at every doubling of the buffer (in WebAssembly each doubling may also
    // grow the memory).
    std::size_t stored = 0;
    for (std::size_t i = 0; i < a.columns_.size(); ++i) {
      if (!keep || (*keep)[i]) stored += a.columns_[i]->values_.size();
    }
    w.reserve(stored * sizeof(double) + (std::size_t{1} << 16));
    w.raw(kMagic, sizeof kMagic);
    w.u8(kVersion);
    w.u64(a.spec_.category_limit);
    w.u64(a.spec_.sketch_k);
    w.u32(static_cast<std::uint32_t>(a.spec_.missing_tokens.size()));
    for (const auto& t : a.spec_.missing_tokens) w.str(t);
    w.str(a.side_);
    w.u8(a.format_ == InputFormat::Csv ? 1 : a.format_ == InputFormat::JsonLines ? 2 : 0);
    w.u8(static_cast<std::uint8_t>(a.dialect_.delimiter));
    w.u8(a.dialect_.skip_initial_space ? 1 : 0);
    w.u64(a.rows_);
    w.u64(a.bytes_);
    w.u64(a.peak_stored_);
    w.u32(static_cast<std::uint32_t>(a.names_.size()));
    for (std::size_t i = 0; i < a.names_.size(); ++i) {
      w.str(a.names_[i]);
      if (!keep || (*keep)[i]) {
        write_column(w, *a.columns_[i]);
      } else {
        ColumnAccumulator empty(a.spec_.category_limit, a.spec_.sketch_k);
        empty.missing_ = a.rows_;
        write_column(w, empty);
      }
    }
    return w.take();
  }

  static DatasetAccumulator deserialize(std::string_view bytes, const CompareSpec& spec) {
    Reader r(bytes);
    if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
      fail("not an accumulator state (bad magic)");
    }
    r.need(sizeof kMagic);
    for (std::size_t i = 0; i < sizeof kMagic; ++i) r.u8();
    const std::uint8_t version = r.u8();
    if (version != kVersion) {
      fail("version " + std::to_string(version) + " is not supported (this build reads version " +
           std::to_string(kVersion) + ")");
    }
    const std::uint64_t limit = r.u64();
    if (limit != spec.category_limit) {
      fail("spec differs (category_limit " + std::to_string(spec.category_limit) + " here, " + std::to_string(limit) +
           " in the state)");
    }
    const std::uint64_t k = r.u64();
    if (k != spec.sketch_k) {
      fail("spec differs (sketch_k " + std::to_string(spec.sketch_k) + " here, " + std::to_string(k) + " in the state)");
    }
    const std::uint32_t ntokens = r.u32();
    bool same_tokens = ntokens == spec.missing_tokens.size();
    for (std::uint32_t i = 0; i < ntokens; ++i) {
      const std::string_view t = r.str();
      if (same_tokens && t != spec.missing_tokens[i]) same_tokens = false;
    }
    if (!same_tokens) fail("spec differs (missing tokens)");
    const std::string side(r.str());
    DatasetAccumulator a(spec, side);
    const std::uint8_t format = r.u8();
    if (format == 1) {
      a.format_ = InputFormat::Csv;
    } else if (format == 2) {
      a.format_ = InputFormat::JsonLines;
    } else {
      fail("format " + std::to_string(format) + " is not csv (1) or jsonl (2)");
    }
    a.dialect_.delimiter = static_cast<char>(r.u8());
    a.dialect_.skip_initial_space = r.flag("skip_initial_space");
    a.rows_ = r.u64();
    a.bytes_ = r.u64();
    a.peak_stored_ = static_cast<std::size_t>(r.u64());
    const std::uint32_t ncols = r.u32();
    if (ncols > spec.max_columns) fail(std::to_string(ncols) + " columns exceed max_columns");
    std::size_t stored = 0;
    for (std::uint32_t i = 0; i < ncols; ++i) {
      const std::string what = "column " + std::to_string(i + 1);
      std::string name(r.str());
      if (a.find(name) != DatasetAccumulator::npos) fail(what + ": duplicate name '" + name + "'");
      auto c = read_column(r, spec, what);
      if (c->missing_ + c->present_ != a.rows_) fail(what + ": missing + present differs from the rows");
      stored += c->values_.size();
      a.names_.push_back(std::move(name));
      a.columns_.push_back(std::move(c));
    }
    if (r.left() != 0) fail(std::to_string(r.left()) + " trailing bytes");
    a.stored_ = stored;
    if (a.peak_stored_ < stored) a.peak_stored_ = stored;
    a.finished_ = true;
    return a;
  }
};

std::string serialize_accumulator(const DatasetAccumulator& accumulator) {
  return AccumulatorState::serialize(accumulator, nullptr);
}

std::string serialize_accumulator(const DatasetAccumulator& accumulator, const std::vector<std::string>& keep) {
  std::vector<bool> kept(accumulator.columns().size(), false);
  for (const std::string& name : keep) {
    const std::size_t i = accumulator.find(name);
    if (i == DatasetAccumulator::npos) throw range_error("keep", "no column '" + name + "' in the " + accumulator.side());
    kept[i] = true;
  }
  return AccumulatorState::serialize(accumulator, &kept);
}

DatasetAccumulator deserialize_accumulator(std::string_view bytes, const CompareSpec& spec) {
  return AccumulatorState::deserialize(bytes, spec);
}

}  // namespace divergence
