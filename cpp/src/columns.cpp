// Column typing: missing tokens, number parsing, numeric-or-categorical decision.
#include "divergence/columns.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <utility>

#include <fast_float/fast_float.h>

namespace divergence {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// First pass over one side: counts missing values and parses numbers while that still works.
// Returns false as soon as a non-missing field is not a number.
bool parse_side(const std::vector<std::string_view>& fields, const MissingTokens& missing, ColumnSide& side) {
  side.numbers.reserve(fields.size());
  for (std::string_view f : fields) {
    if (missing.contains(f)) continue;
    double x;
    if (!parse_finite_double(f, x)) return false;
    side.numbers.push_back(x);
  }
  return true;
}

void collect_labels(const std::vector<std::string_view>& fields, const MissingTokens& missing, ColumnSide& side) {
  side.numbers = std::vector<double>();
  side.labels.clear();
  side.labels.reserve(fields.size());
  side.missing = 0;
  for (std::string_view f : fields) {
    if (missing.contains(f)) {
      ++side.missing;
    } else {
      side.labels.push_back(f);
    }
  }
}

}  // namespace

std::vector<std::string> default_missing_tokens() {
  return {"", "NA", "N/A", "NaN", "nan", "null", "NULL", "None", "?", "#N/A", "n/a", "-NaN", "-nan", "<NA>"};
}

MissingTokens::MissingTokens(std::vector<std::string> tokens) : tokens_(std::move(tokens)) {
  for (const std::string& t : tokens_) {
    if (t.empty()) {
      has_empty_ = true;
    } else {
      const unsigned char b = static_cast<unsigned char>(t[0]);
      first_bytes_[b >> 6] |= 1ULL << (b & 63);
    }
    if (t.size() < 64) {
      length_mask_ |= 1ULL << t.size();
    } else {
      has_long_ = true;
    }
  }
}

bool MissingTokens::compare_tokens(std::string_view field) const {
  if (field.size() < 64) {
    if ((length_mask_ & (1ULL << field.size())) == 0) return false;
  } else if (!has_long_) {
    return false;
  }
  for (const std::string& t : tokens_) {
    if (t == field) return true;
  }
  return false;
}

bool parse_finite_double(std::string_view field, double& out) {
  const char* first = field.data();
  const char* last = first + field.size();
  while (first < last && is_blank(*first)) ++first;
  while (last > first && is_blank(last[-1])) --last;
  if (first < last && *first == '+') {
    ++first;
    if (first < last && (*first == '+' || *first == '-')) return false;
  }
  if (first == last) return false;
  double value = 0.0;
  const fast_float::from_chars_result r = fast_float::from_chars(first, last, value);
  if (r.ec != std::errc() || r.ptr != last || !std::isfinite(value)) return false;
  out = value;
  return true;
}

std::size_t format_plain_decimal(double x, int decimals, char* buf) {
  // A plain decimal's value is below 10^15: at most 17 bytes. Anything longer is cut (never read
  // past buf).
  const int n = std::snprintf(buf, 40, "%.*f", decimals, x);
  return n <= 0 ? 0 : n < 40 ? static_cast<std::size_t>(n) : 39;
}

const char* type_name(ColumnType type) { return type == ColumnType::Numeric ? "numeric" : "categorical"; }

TypedColumn type_column(const std::vector<std::string_view>& reference,
                        const std::vector<std::string_view>& current, const MissingTokens& missing) {
  TypedColumn col;
  const bool numeric = parse_side(reference, missing, col.reference) && parse_side(current, missing, col.current) &&
                       col.reference.numbers.size() + col.current.numbers.size() > 0;
  if (numeric) {
    col.type = ColumnType::Numeric;
    col.reference.missing = reference.size() - col.reference.numbers.size();
    col.current.missing = current.size() - col.current.numbers.size();
    return col;
  }
  col.type = ColumnType::Categorical;
  collect_labels(reference, missing, col.reference);
  collect_labels(current, missing, col.current);
  return col;
}

}  // namespace divergence
